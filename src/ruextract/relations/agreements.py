"""AGREEMENT_WITH: the parties of an agreement (symmetric).

Phrasings: «соглашение между A и B», «A и B подписали меморандум», «A подписал с B договор,
а с C — соглашение», «губернатор области A и
директор компании B поставили подписи под соглашением», «A и B договорились о …», «A и B
обменялись подписанными документами», «Стороны подписали …» (the sides named the sentence
before). Planned, wished or drafted signings («будет подписан», «подпишут», «намерены
подписать», «проект соглашения», «перспективы заключения соглашения») are not agreements.
Vocabulary: ``agreement_nouns``, ``agreement_verbs``, ``agreement_alone_verbs``,
``signing_nouns``, ``signature_nouns``, ``plan_words``, ``intention_words``,
``agreement_prospect_words``, ``signing_act_nouns``, ``party_nouns``, ``exchange_verbs``,
``witness_nouns``, ``twin_nouns``, ``become_verbs``, ``twinning_verbs``, ``behalf_nouns``.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..doc import Token
from ..places import Place, gazetteer, is_town, lies_in
from ..rules import RelationRule
from .context import (
    DASH,
    DASH_OR_HYPHEN,
    FUTURE_BE,
    QUOTE_MARKS,
    QUOTE_OPEN,
    Context,
    after_lower_adjectives,
    bare_region_word,
    before_lower_adjectives,
    case_of,
    in_as_reported_clause,
    is_finite_verb,
    matcher,
    past_finite_verb,
    resolve_place,
    subject_persons,
    with_partner,
)
from .delegations import adjective_place
from .places import place_of_named_body
from .roles import entity_place, home_of


@matcher("agreement_between")
def agreement_between(ctx: Context, rule: RelationRule) -> None:
    """«соглашение о сотрудничестве между A и B»: the parties after «между», when «между»
    belongs to the agreement noun's phrase (not «интеграции между A и B»)."""
    tokens = ctx.doc.tokens
    nouns = ctx.vocab.words(rule.trigger)
    for between, token in enumerate(tokens):
        if token.lemma != "между" or ctx.in_speech(between) or ctx.news_feed(token.sent_id):
            continue
        noun = _agreement_noun_before(ctx, between, nouns)
        if noun is None or _planned_signing(ctx, token.sent_id) or _link_ends(ctx, between) \
                or _topic_between_of_named_signers(ctx, noun, between):
            continue
        scope = [t for t in ctx.scope(between, lenient=True) if t > between]
        if noun > between:  # «Между A и B было подписано соглашение»: the parties come first
            scope = [t for t in scope if t < noun]
        stop = next((t for t in scope if t not in ctx.mention_at and (
            tokens[t].lemma in ("о", "об")
            # «…, а также между D и E»: another «между» opens its own parties
            or tokens[t].lemma == "между"
            # «…, а также посещение …»: the list of parties has ended
            or (tokens[t].text == "," and t + 1 not in ctx.mention_at
                and tokens[t + 1].lemma not in ("и", *ctx.vocab.geo_descriptors)
                # «…, ЗАО «B» и C»: a legal form opens the list's next pair
                and not _next_pair_opens(ctx, t + 1)))), None)
        if stop is not None:
            scope = [t for t in scope if t < stop]
        scope = _party_list(ctx, scope)
        # one document of three parties («трёхсторонним меморандумом, подписанным между A, B
        # и C»): every two of them are parties; «соглашения между A и B, C» are A's with each
        one = "Number=Sing" in tokens[noun].feats
        parties = [p for p in _parties(ctx, scope) if not _where_a_party_is(ctx, p, between)]
        pairs = _pairs_listed(ctx, parties) if not one else []
        groups = _groups_listed(ctx, parties) if not (one or pairs) else []
        if pairs:  # «соглашения между A и B, C и D»: A with B, C with D
            _add_pairs(ctx, rule, pairs, token.sent_id)
        elif len(groups) > 1:  # «между A, B и C, D и E»: A with B and C, D with E
            for group in groups:
                _add_parties(ctx, rule, group, token.sent_id)
        else:
            _add_parties(ctx, rule, parties, token.sent_id, every_pair=one)


def _where_a_party_is(ctx: Context, index: int, between: int) -> bool:
    """Is the place after a preposition (past one noun: «в пригороде Хельсинки», «к югу от
    Сеула», «из Томска») only where a party after «между» is, no party itself?"""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    if ctx.mention_type(index) != "LOC" or t <= between:
        return False
    if tokens[t].pos == "NOUN" and t not in ctx.mention_at and t - 1 > between:
        t -= 1
    return tokens[t].pos == "ADP" and t not in ctx.mention_at \
        and any(ctx.mention_type(i) != "LOC" for i in ctx.mentions_in(range(between + 1, t)))


def _topic_between(ctx: Context, between: int) -> bool:
    """Is the «между» at ``between`` its agreement's topic's, its signers named as the verb's
    subjects (``_topic_between_of_named_signers``)?"""
    noun = _agreement_noun_before(ctx, between, ctx.vocab.words("agreement_nouns"))
    return noun is not None and _topic_between_of_named_signers(ctx, noun, between)


def _topic_between_of_named_signers(ctx: Context, noun: int, between: int) -> bool:
    """«Карнатака и Санкт-Петербург подписали соглашение о побратимских связях между
    Бангалором и Петербургом»: where the signing verb names its parties as its subjects, a
    «между» past the agreement's «о» topic is the topic's, not the parties'."""
    tokens = ctx.doc.tokens
    verb = tokens[noun].head_id
    if verb < 0 or tokens[noun].rel != "obj" \
            or not any(tokens[t].lemma in ("о", "об") for t in range(noun + 1, between)):
        return False
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    named = [w for s in subjects for w in (s, *(c for c in ctx.children.get(s, [])
                                               if tokens[c].rel == "conj"))
             if w in ctx.mention_at and ctx.mention_type(ctx.mention_at[w]) in ("LOC", "ORG")]
    return len(named) >= 2


def _link_ends(ctx: Context, between: int) -> bool:
    """Does «между» join the ends of a transport link («линии между Владивостоком и портом
    Хайфон»), not an agreement's parties?"""
    tokens = ctx.doc.tokens
    party = tokens[between].head_id
    owner = tokens[party].head_id if party >= 0 else -1
    return owner >= 0 and tokens[owner].lemma in ctx.vocab.words("transport_link_nouns")


@matcher("agreement_cooperation_of")
def agreement_cooperation_of(ctx: Context, rule: RelationRule) -> None:
    """«дорожная карта по развитию сотрудничества Татарстана и Узбекистана», «соглашение о
    сотрудничестве Омской области и Республики Беларусь», «… сотрудничества области с
    провинцией X»: the working together an agreement is about names its parties, in the
    genitive (two joined by «и», or one and the other after «с»)."""
    tokens = ctx.doc.tokens
    nouns = ctx.vocab.words(rule.trigger)
    topics = ctx.vocab.words("cooperation_topics")
    for t, token in enumerate(tokens):
        if token.lemma not in topics or ctx.in_speech(t) or ctx.news_feed(token.sent_id):
            continue
        chain = _phrase_up_to_paper(ctx, t, nouns)
        if not chain or _planned_signing(ctx, token.sent_id):
            continue
        parties = _cooperating(ctx, t, chain)
        if len({ctx.entity(p) for p in parties}) == 2:
            _add_parties(ctx, rule, parties, token.sent_id)


def _phrase_up_to_paper(ctx: Context, topic: int, nouns: frozenset[str]) -> list[int]:
    """The nouns from the topic up to the agreement noun whose phrase it ends («соглашение о
    сотрудничестве», «план мероприятий по развитию сотрудничества»: three at most), the
    agreement noun left out; none where the chain meets no agreement noun."""
    tokens = ctx.doc.tokens
    chain = [topic]
    for _ in range(3):
        t = chain[-1]
        head = tokens[t].head_id
        if tokens[t].rel != "nmod" or head < 0 or tokens[head].pos != "NOUN":
            return []
        if _is_noun(ctx, head, nouns):
            return chain
        chain.append(head)
    return []


def _cooperating(ctx: Context, topic: int, chain: list[int]) -> list[int]:
    """The places and organisations the topic names in the genitive, with those joined to
    them by «и», and the one after «с» (hung on any noun of the chain: the parser often puts
    «с провинцией X» on «мероприятий»). Partners after «с» alone are none («мы подписали
    соглашения о сотрудничестве с Нинбо и Маньчжурией»: each a partner of the speaker's
    side, not of the other)."""
    tokens = ctx.doc.tokens
    found: list[int] = []
    named_in_genitive = False
    for child in [c for word in chain for c in ctx.children.get(word, [])]:
        index = ctx.mention_at.get(child)
        if index is None:  # «с провинцией Цзилинь»: the name beside its descriptor
            index = next((ctx.mention_at[g] for g in ctx.children.get(child, [])
                          if tokens[g].rel in ("appos", "flat:name") and g in ctx.mention_at),
                         None)
        if index is None or tokens[child].rel != "nmod" \
                or ctx.mention_type(index) not in ("ORG", "LOC", "PARK"):
            continue
        prepositions = [tokens[c].lemma for c in ctx.children.get(child, [])
                        if tokens[c].pos == "ADP"]
        genitive = not prepositions and "Case=Gen" in tokens[child].feats
        if not (genitive and tokens[child].head_id == topic) \
                and prepositions not in (["с"], ["со"]):
            continue
        named_in_genitive = named_in_genitive or genitive
        found.append(index)
        found += [ctx.mention_at[c] for c in ctx.children.get(child, [])
                  if tokens[c].rel == "conj" and c in ctx.mention_at
                  and ctx.mention_type(ctx.mention_at[c]) in ("ORG", "LOC", "PARK")]
    return found if named_in_genitive else []


@matcher("agreement_bound_parties")
def agreement_bound_parties(ctx: Context, rule: RelationRule) -> None:
    """«По меморандуму ОАО «A» и технопарк обязуются вести проекты», «Согласно соглашению,
    компания «A» и область B создадут фонд»: a sentence opened by what an agreement binds
    its parties to names them as the subjects of its first verb: two names (or a bare park
    word for the park named before) joined by «и», with a plural verb; or, after «по
    соглашению с A», A and the one named before the verb («По соглашению с компанией «A»
    область B предоставит участок»)."""
    tokens = ctx.doc.tokens
    nouns = ctx.vocab.words(rule.trigger)
    for sentence in map(ctx.sentence, range(len(ctx.doc.sentences))):
        t = sentence.start
        if t + 2 >= sentence.stop or tokens[t].lemma not in ("по", "согласно") \
                or tokens[t + 1].lemma not in nouns or ctx.in_speech(t):
            continue
        verb = next((v for v in sentence if v > t + 1 and is_finite_verb(tokens[v])), None)
        if verb is None:
            continue
        start = t + 2
        partner = _with_partner_at(ctx, start)
        if partner is not None:  # «По соглашению с компанией «A» область B предоставит …»
            own = _parties(ctx, list(range(ctx.last(partner) + 1, verb)))
            if len(own) == 1 and ctx.entity(own[0]) != ctx.entity(partner):
                ctx.add(rule, ctx.entity(own[0]), ctx.entity(partner), tokens[t].sent_id)
            continue
        if "Number=Plur" not in tokens[verb].feats:
            continue
        if tokens[start].lemma in ("о", "об"):  # «По соглашению о сотрудничестве A и B …»
            while start < verb and start not in ctx.mention_at and tokens[start].text != "," \
                    and tokens[start].lemma not in ctx.vocab.org_heads | ctx.vocab.park_anaphors:
                start += 1
        start += int(tokens[start].text == ",")
        parties = _bound_parties(ctx, start, verb)
        if len(parties) == 2:
            ctx.add(rule, parties[0], parties[1], tokens[t].sent_id)


def _bound_parties(ctx: Context, start: int, verb: int) -> list[int]:
    """The parties from ``start`` up to ``verb`` as entities, where the words there are just
    two of them joined by «и»: names (past a generic head) or a bare park word; [] else."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    parties: list[int] = []
    t = start
    while t < verb:
        while t < verb and t not in ctx.mention_at and tokens[t].lemma in vocab.org_heads:
            t += 1  # «ОАО «A»», «компания «A»»
        index = ctx.mention_at.get(t)
        if index is not None and ctx.first(index) == t \
                and ctx.mention_type(index) in ("ORG", "LOC", "PARK"):
            parties.append(ctx.entity(index))
            t = ctx.last(index) + 1
        elif index is None and tokens[t].lemma in vocab.park_anaphors \
                and (park := ctx.resolve_park(t)) is not None:
            parties.append(park)
            t += 1
        else:
            return []
        if t < verb and tokens[t].text != "и":
            return []
        t += 1
    return parties if len(set(parties)) == 2 else []


@matcher("agreement_basis_of_partnership")
def agreement_basis_of_partnership(ctx: Context, rule: RelationRule) -> None:
    """«X назвал документ началом партнёрства между A и B», «Соглашение является основой
    для совместных проектов A и B»: a paper told to be the basis (``rule.trigger``) of the
    working together of two named sides: they are its parties."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    papers = vocab.words("agreement_nouns") | vocab.words("agreement_references")
    for basis in ctx.triggers(vocab.words(rule.trigger), outside_mentions=True):
        verb = basis.head_id
        if basis.rel not in ("xcomp", "obl") or verb < 0 or ctx.negated(verb) or not any(
                tokens[c].lemma in papers and tokens[c].rel in ("obj", "nsubj")
                for c in ctx.children.get(verb, [])):
            continue
        for joint in ctx.children.get(basis.token_id, []):
            if tokens[joint].rel == "nmod" and (
                    tokens[joint].lemma in vocab.words("partnership_nouns") or any(
                        tokens[c].lemma == "совместный" for c in ctx.children.get(joint, []))):
                sides = _sides_of(ctx, joint)
                if len(sides) == 2:
                    ctx.add(rule, sides[0], sides[1], basis.sent_id)


def _sides_of(ctx: Context, joint: int) -> list[int]:
    """The named sides a noun of working together takes («партнёрства между A и B»,
    «проектов A и B»): its nmod names and those coordinated with them, as entities."""
    tokens = ctx.doc.tokens
    words = [c for c in ctx.children.get(joint, []) if tokens[c].rel == "nmod"]
    words += [g for c in words for g in ctx.children.get(c, []) if tokens[g].rel == "conj"]
    words += [g for c in words if c not in ctx.mention_at  # «компании «A»»: the name after it
              and tokens[c].lemma in ctx.vocab.heads_before_names
              for g in ctx.children.get(c, []) if tokens[g].rel in ("appos", "flat:name")]
    sides = [ctx.entity(ctx.mention_at[w]) for w in sorted(words) if w in ctx.mention_at
             and ctx.mention_type(ctx.mention_at[w]) in ("ORG", "LOC", "PARK")]
    return list(dict.fromkeys(sides))


@matcher("agreement_of_both_named")
def agreement_of_both_named(ctx: Context, rule: RelationRule) -> None:
    """«Делегация вуза A приехала в университет B. Итогом поездки стало соглашение о
    партнёрстве двух вузов», «… меморандум о сотрудничестве обоих регионов»: a paper made of
    two sides counted by their kind («двух вузов», «обеих сторон»), the paper's own genitive
    or its subject matter's; the sides are the two of that kind the text has just named."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    places = vocab.words("counted_party_place_nouns")
    kinds = places | vocab.words("counted_party_org_nouns")
    for token in _agreements_made(ctx, rule):
        t = token.token_id
        words = [c for c in ctx.children.get(t, []) if tokens[c].rel == "nmod"]
        words += [g for c in words for g in ctx.children.get(c, []) if tokens[g].rel == "nmod"]
        counted = next((w for w in words if tokens[w].lemma in kinds and w not in ctx.mention_at
                        and any(tokens[n].lemma in ("два", "оба") for n in ctx.children.get(
                            w, []))), None)
        if counted is None:
            continue
        types = ("LOC",) if tokens[counted].lemma in places else (
            PARTY_TYPES if tokens[counted].lemma == "сторона" else ("ORG", "PARK"))
        sides = _sides_named_before(ctx, t, types)
        if len(sides) == 2 and _of_one_level(ctx, sides):
            ctx.add(rule, sides[0], sides[1], token.sent_id)


@matcher("agreement_of_bare_sides")
def agreement_of_bare_sides(ctx: Context, rule: RelationRule) -> None:
    """«Председатель парламента X встретился с делегацией Y. По итогам встречи стороны
    подписали меморандум», «стороны … скрепили это меморандумом»: bare «стороны» (no
    count, adjective or genitive of their own) as the subject of the verb a paper hangs on
    stand for the two parties the sentence, or the one before, names — only where it names
    exactly two."""
    tokens = ctx.doc.tokens
    for token in _agreements_made(ctx, rule):
        # (the subject of the sentence before the paper, however the verbs were parsed:
        # «стороны договорились … и скрепили это меморандумом»)
        if not any(_bare_sides(ctx, t) and tokens[t].rel == "nsubj"
                   for t in range(ctx.sentence(token.sent_id).start, token.token_id)):
            continue
        sides = _sides_named_before(ctx, token.token_id, PARTY_TYPES, reach=1)
        if len(sides) == 2 and _of_one_level(ctx, sides):
            ctx.add(rule, sides[0], sides[1], token.sent_id)


def _bare_sides(ctx: Context, word: int) -> bool:
    """Is the word a plural «стороны» (``party_side_nouns``) with no word of its own (no
    count, adjective or genitive: not «обе стороны», «китайская сторона», «стороны
    соглашения»)?"""
    tokens = ctx.doc.tokens
    return tokens[word].lemma in ctx.vocab.words("party_side_nouns") \
        and "Number=Plur" in tokens[word].feats \
        and word not in ctx.mention_at and not ctx.children.get(word)


def _of_one_level(ctx: Context, sides: list[int]) -> bool:
    """Can the sides be counted as two of one kind: not a country beside a region or a town,
    nor a town beside a region, where the gazetteer knows them («Делегация Томской области
    посетила Лаос … меморандум двух стран»: the countries' paper, not the region's)?"""
    levels = {_level(gazetteer().lookup(ctx.doc.entities[side].normal)) for side in sides}
    return None in levels or len(levels) == 1


def _level(place: Place | None) -> str | None:
    """A known place's level: a country, a town or a region (anything between)."""
    if place is None:
        return None
    if place.kind in ("country", "former country"):
        return "country"
    return "town" if is_town(place) else "region"


def _sides_named_before(ctx: Context, t: int, types: tuple[str, ...],
                        reach: int = 2) -> list[int]:
    """The things of ``types`` the text names before ``t``: in its sentence, else as far back
    as the nearest of ``reach`` sentences before that names two or more; as entities."""
    tokens = ctx.doc.tokens
    sent_id = tokens[t].sent_id
    for start in range(sent_id, max(sent_id - reach - 1, -1), -1):
        window = range(ctx.sentence(start).start, t)
        sides = list(dict.fromkeys(
            ctx.entity(i) for i in ctx.mentions_in(window) if ctx.mention_type(i) in types
            and not ctx.names_only_parts(i)))
        if len(sides) >= 2:
            return sides
    return []


def _agreements_made(ctx: Context, rule: RelationRule) -> Iterator[Token]:
    """The rule's agreement nouns outside mentions that tell of a paper made: not in
    speech, not a draft or prospect, not a signing still planned."""
    papers = [t for t in ctx.doc.tokens if _cooperation_paper(ctx, t.token_id)
              and not ctx.in_speech(t.token_id)] if rule.trigger == "agreement_nouns" else []
    for token in sorted([*ctx.triggers(ctx.vocab.words(rule.trigger), outside_mentions=True),
                         *papers], key=lambda token: token.token_id):
        t = token.token_id
        if not (ctx.in_speech(t) or _prospect(ctx, t)
                or _planned_signing(ctx, token.sent_id, _clauses_without_signing(ctx, t))):
            yield token


def _clauses_without_signing(ctx: Context, t: int) -> frozenset[int]:
    """The words of the sentence's other clauses (between semicolons) that tell of no
    signing («Действуют соглашения A с B; по ним составляют план мероприятий»: a plan of
    what to do under the papers, not of signing them; «…; подписать его планируют в мае» is
    read)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    stems = vocab.agreement_verb_stems
    clauses: list[list[int]] = [[]]
    for u in ctx.sentence(tokens[t].sent_id):
        if tokens[u].text == ";":
            clauses.append([])
        else:
            clauses[-1].append(u)
    return frozenset(u for clause in clauses if t not in clause and not any(
        tokens[w].lemma in vocab.signing_words or tokens[w].lemma.startswith(stems)
        for w in clause) for u in clause)


@matcher("agreement_of_pair")
def agreement_of_pair(ctx: Context, rule: RelationRule) -> None:
    """«соглашение компании A и банка B о сотрудничестве»: two parties in the genitive right
    after the agreement noun, joined by «и» (not a draft: «проект соглашения A и B»)."""
    tokens = ctx.doc.tokens
    for token in _agreements_made(ctx, rule):
        t = token.token_id
        if "Number=Plur" in token.feats:
            continue  # «договоры компании A и банка B»: each one's own papers, not one of both
        first = _genitive_party_at(ctx, t + 1)
        if first is None:
            continue
        joint = _word_after(ctx, first)
        if joint >= len(tokens) or tokens[joint].lemma != "и":
            continue
        second = _genitive_party_at(ctx, joint + 1)
        if second is None or ctx.entity(second) == ctx.entity(first):
            continue
        after = _word_after(ctx, second)
        if after < len(tokens) and (tokens[after].lemma in ("и", "с", "со") or (
                tokens[after].text == "," and after + 1 in ctx.mention_at)):
            continue  # a longer list, or a partner after it: not a pair of sides
        ctx.add(rule, ctx.entity(first), ctx.entity(second), token.sent_id)


@matcher("agreement_of_party_with")
def agreement_of_party_with(ctx: Context, rule: RelationRule) -> None:
    """«соглашения о сотрудничестве области A с B и C», «договор компании A с банком B»: the
    party in the genitive after the agreement noun (past its subject matter) and each
    partner of the «с»-phrase right after it (not a draft, nor one still planned)."""
    tokens = ctx.doc.tokens
    for token in _agreements_made(ctx, rule):
        t = token.token_id
        first = _genitive_party_at(ctx, _past_subject_matter(ctx, t + 1))
        with_ = _word_after(ctx, first) if first is not None else _past_subject_matter(ctx, t + 1)
        if first is None:  # «У области A есть соглашение о сотрудничестве с B»
            first = _holder_before(ctx, t)
        if first is None:
            continue
        if with_ >= len(tokens) or tokens[with_].lemma not in ("с", "со") \
                or tokens[with_].sent_id != token.sent_id:
            continue
        sentence = ctx.sentence(token.sent_id)
        phrase = _partner_after(ctx, list(range(with_, sentence.stop)), with_ - 1)
        for partner in _parties(ctx, phrase):
            if ctx.entity(partner) != ctx.entity(first):
                ctx.add(rule, ctx.entity(first), ctx.entity(partner), token.sent_id)


def _holder_before(ctx: Context, t: int) -> int | None:
    """The party «у» names right before the agreement noun at ``t`` («У области A (уже) есть
    соглашение»), with nothing between but «есть», «имеется» and adverbs or adjectives;
    None where there is none, the paper is denied («у A нет соглашения») or only to come
    («у A будет соглашение»)."""
    tokens = ctx.doc.tokens
    u = t - 1
    start = ctx.sentence(tokens[t].sent_id).start
    while u >= start and u not in ctx.mention_at and tokens[u].lemma not in ("не", "нет") \
            and tokens[u].text.lower() not in FUTURE_BE and (
            tokens[u].lemma in ("быть", "иметься") or tokens[u].pos in ("ADV", "ADJ")):
        u -= 1
    index = ctx.mention_at.get(u)
    if index is None or ctx.mention_type(index) not in PARTY_TYPES:
        return None
    before = ctx.first(index) - 1
    if before >= start and before not in ctx.mention_at \
            and tokens[before].lemma in ctx.vocab.heads_before_names:
        before -= 1  # «у компании «A»»
    return index if before >= start and tokens[before].lemma == "у" else None


@matcher("agreement_signing_for_party")
def agreement_signing_for_party(ctx: Context, rule: RelationRule) -> None:
    """«Итогом поездки для A стало подписание договоров с B», «A завершил визит подписанием
    меморандума с B», «Для A поездка закончилась заключением контракта с B»: the act of
    signing as a noun, its partner in the «с»-phrase after the agreement, and the party its
    clause names — «для A», else the subject of the verb the noun hangs on. Told as done
    only: not a future, planned, negated or only hoped-for signing («станет подписание»,
    «может завершиться подписанием», «важно подписание»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    acts, nouns = vocab.words("signing_act_nouns"), vocab.words("agreement_nouns")
    for token in tokens:
        t = token.token_id
        paper = after_lower_adjectives(ctx, t + 1) if token.lemma in acts else len(tokens)
        if paper >= len(tokens) or tokens[paper].lemma not in nouns \
                or _genitive_party_at(ctx, paper + 1) is not None or ctx.in_speech(t):
            continue  # («подписание соглашения области A с B»: the paper's own party)
        sentence = ctx.sentence(token.sent_id)
        if any(tokens[w].lemma == "между" for w in sentence):
            continue  # the parties after «между»
        verb = _clause_verb_of_act(ctx, t)
        if verb is None or ctx.planned(verb) or _prospect(ctx, paper) \
                or tokens[verb].lemma in _not_done_verbs(ctx) \
                or not _told_as_outcome(ctx, verb, sentence):
            continue
        with_ = _past_subject_matter(ctx, paper + 1)
        if with_ >= len(tokens) or tokens[with_].lemma not in ("с", "со"):
            continue
        phrase = _partner_after(ctx, list(range(with_, sentence.stop)), with_ - 1)
        partners = [ctx.entity(i) for i in _parties(ctx, phrase)]
        own = _party_for(ctx, sentence, phrase)
        own = _party_subject(ctx, verb, t) if own is None else own
        for partner in partners if own is not None else []:
            if partner != own:
                ctx.add(rule, own, partner, token.sent_id)


def _told_as_outcome(ctx: Context, verb: int, sentence: range) -> bool:
    """Whether the verb tells the signing as what a trip or talk came to: an ending verb
    («завершился подписанием»), or a copula with a result noun in its sentence («итогом … стало
    подписание»); not a topic («темой встречи стало подписание») nor a verdict on it
    («подписание оказалось невозможным»)."""
    tokens, outcomes = ctx.doc.tokens, ctx.vocab.words("signing_outcome_words")
    if tokens[verb].lemma in outcomes:
        return True
    return tokens[verb].lemma in ctx.vocab.words("copula_verbs") \
        and any(tokens[w].lemma in outcomes for w in sentence)


def _not_done_verbs(ctx: Context) -> frozenset[str]:
    """Verbs under which an act of signing is only considered, offered, hoped for, put off or
    refused («обсудил подписание», «предложил заключение», «отложили подписание»)."""
    vocab = ctx.vocab
    return vocab.prospect_words | vocab.words("agreement_prospect_words") \
        | vocab.words("cancel_verbs") | vocab.words("refusal_verbs")


def _clause_verb_of_act(ctx: Context, t: int) -> int | None:
    """The finite verb the noun at ``t`` hangs on, told in the past («стало подписание»,
    «завершился подписанием»); None where the noun hangs on no verb («важно подписание»)."""
    tokens = ctx.doc.tokens
    verb = ctx.verb_over(t, steps=3)
    if verb is None or tokens[verb].sent_id != tokens[t].sent_id:
        return None
    word = tokens[verb]
    finite = "VerbForm=Fin" in word.feats and word.pos in ("VERB", "AUX")
    return verb if finite and "Tense=Past" in word.feats else None


def _party_for(ctx: Context, sentence: range, phrase: list[int]) -> int | None:
    """The one organisation or place of the sentence after «для» («итогом поездки для A»),
    outside the partner's phrase."""
    found = {ctx.entity(i) for i in ctx.mentions_in(sentence)
             if ctx.mention_type(i) in ("ORG", "LOC", "PARK") and ctx.first(i) not in phrase
             and _after_for(ctx, ctx.first(i))}
    return found.pop() if len(found) == 1 else None


def _after_for(ctx: Context, first: int) -> bool:
    """Does «для» stand right before the name, or before its generic head («для компании
    «A»»)?"""
    tokens, t = ctx.doc.tokens, first - 1
    if t >= 0 and tokens[t].lemma in ctx.vocab.named_heads and t not in ctx.mention_at:
        t -= 1
    return t >= 0 and tokens[t].lemma == "для"


def _party_subject(ctx: Context, verb: int, act: int) -> int | None:
    """The organisation or place that is the subject of the verb the act of signing hangs on
    («A завершил визит подписанием договора с B»), where the act is not that subject."""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(verb, []):
        if tokens[child].rel != "nsubj" or child == act:
            continue
        index = ctx.mention_at.get(child)
        if index is not None and ctx.mention_type(index) in ("ORG", "LOC", "PARK"):
            return ctx.entity(index)
    return None


def _past_subject_matter(ctx: Context, t: int) -> int:
    """The first word past an agreement's lower-case subject matter at ``t`` («о
    торгово-экономическом сотрудничестве»), or ``t`` where none begins there."""
    tokens = ctx.doc.tokens
    if t >= len(tokens) or tokens[t].lemma not in ("о", "об"):
        return t
    u = t + 1
    while u < min(len(tokens), t + 7) and u not in ctx.mention_at \
            and tokens[u].text.islower() and tokens[u].pos in ("ADJ", "NOUN", "CCONJ") \
            and _genitive_party_at(ctx, u) is None:  # «о поставках компании «A»»
        u += 1
    return u if u > t + 1 else t


def _word_after(ctx: Context, index: int) -> int:
    """The first word after a mention past the quotes that close its name (the length of
    the text where none is)."""
    tokens = ctx.doc.tokens
    after = ctx.last(index) + 1
    while after < len(tokens) and tokens[after].text in QUOTE_MARKS:
        after += 1
    return after


def _genitive_party_at(ctx: Context, t: int) -> int | None:
    """The organisation or place named in the genitive at ``t``, or after a generic head or a
    legal form there («компании «A»», «ПАО «A»»), as a mention; None for anything else."""
    start = _name_start(ctx, t, ctx.vocab.named_heads)
    if start is None:
        return None
    index = ctx.mention_at[start]
    if ctx.first(index) != start or ctx.mention_type(index) not in ("ORG", "LOC", "PARK"):
        return None
    word = t if start != t else ctx.mention_root(index)
    if word is None or ctx.legal_form(word):
        return index if word is not None else None
    return index if "Case=Gen" in ctx.doc.tokens[word].feats else None


def _pairs_listed(ctx: Context, parties: list[int]) -> list[tuple[int, int]]:
    """«между Псковской и Омской, Тульской и Астраханской областями», «между ОАО «A» и
    корпорацией B, ЗАО «C» и D»: two or more pairs, each joined by «и» (and a singular head),
    the pairs by a comma alone or with a legal form — or nothing. A plural head or another
    word between pairs («и компаниями «A», «B» и «C»», «и компанией «A», банком «B»») may make
    the first party's partners a list: no pairs there."""
    tokens = ctx.doc.tokens
    if len(parties) < 4 or len(parties) % 2:
        return []
    first = ctx.first(parties[0])
    opens_legal = ctx.legal_form(first - 1) or ctx.legal_form(first)
    for i in range(len(parties) - 1):
        between = [t for t in range(ctx.last(parties[i]) + 1, ctx.first(parties[i + 1]))
                   if tokens[t].text not in QUOTE_MARKS]
        words = [tokens[t].text.lower() for t in between]
        # «A и B», «A и корпорацией B», «ООО «A» и ООО «B»»: a singular head or a legal form
        # may name the pair's second party
        joined = words[:1] == ["и"] and all(
            ctx.legal_form(t) or (tokens[t].pos in ("NOUN", "ADJ")
                                  and "Number=Plur" not in tokens[t].feats)
            for t in between[1:])
        # a legal form opens the next pair only where the first pair opens with one too
        # («ОАО «A» и B, ЗАО «C» и D»; not «правительством и компанией «A», ООО «B» и …»)
        next_pair = words[:1] == [","] and all(ctx.legal_form(t) for t in between[1:]) \
            and (len(between) == 1 or opens_legal)
        if not (joined if i % 2 == 0 else next_pair):
            return []
    return [(parties[i], parties[i + 1]) for i in range(0, len(parties), 2)]


def _pairs_split_by_also(ctx: Context, parties: list[int]) -> list[tuple[int, int]]:
    """«подписали управление A и министерство B, а также комитет C и ведомство D»: the
    parts of a list «а также» divides, each a pair joined by «и» (a part of one party or of
    three names no pair: left out); none where no «а также» divides the list."""
    tokens = ctx.doc.tokens
    parts: list[list[int]] = [parties[:1]]
    for before, party in pairwise(parties):
        words = [tokens[t].lemma for t in range(ctx.last(before) + 1, ctx.first(party))]
        if "также" in words and "а" in words:
            parts.append([party])
        elif "и" in words:
            parts[-1].append(party)
        else:
            return []
    if len(parts) < 2:
        return []
    return [(part[0], part[1]) for part in parts if len(part) == 2]


def _groups_listed(ctx: Context, parties: list[int]) -> list[list[int]]:
    """«соглашения между Омской, Тверской и Псковской областями, Курской и Орловской
    областями»: the groups of a list of agreements, each closed by its party after «и»
    (the first of each group signed with the others of it, never across groups). The first
    group closes only on a plural head its parties share («…и Курской областями, …»);
    «между A и B, C, D и E» with singular names is A's with each of the others."""
    tokens = ctx.doc.tokens
    groups: list[list[int]] = [[]]
    for party in parties:
        first, last = ctx.first(party), ctx.last(party)
        joined = first > 0 and tokens[first - 1].lemma == "и"
        shared_head = tokens[last].pos == "NOUN" and "Number=Plur" in tokens[last].feats
        groups[-1].append(party)
        # once a group has closed so, every later «и» closes one («…областями, Курганской,
        # Днепропетровской областями и Республикой Крым, …»)
        if joined and (shared_head or len(groups) > 1 or party == parties[-1]):
            groups.append([])
    return [group for group in groups if len(group) > 1] if not groups[-1] else [parties]


def _add_pairs(ctx: Context, rule: RelationRule, pairs: list[tuple[int, int]],
               sent_id: int) -> None:
    for first, other in pairs:
        ctx.add(rule, ctx.entity(first), ctx.entity(other), sent_id)


def _party_list(ctx: Context, scope: list[int]) -> list[int]:
    """The tokens of a list of parties after «между», up to a finite verb or, once «и» has
    brought its last party, the first word after it («между A и B авиакомпании C и D
    выполняют рейсы»: C and D are no parties)."""
    tokens = ctx.doc.tokens
    closed = False  # «и» and a name after it: the list has its last party
    for position, t in enumerate(scope):
        if t in ctx.mention_at:
            # (an «и» inside a name brings no last party: «университет экономики и права»)
            before = ctx.first(ctx.mention_at[t]) - 1
            before -= int(before > 0 and tokens[before].text == QUOTE_OPEN)
            closed = closed or (t == ctx.first(ctx.mention_at[t]) and before >= 0
                                and tokens[before].lemma == "и")
            continue
        token = tokens[t]
        if _next_pair_opens(ctx, t):
            closed = False  # «между A и B, ЗАО «C» и D»: a next pair begins
            continue
        if (token.pos in ("VERB", "AUX") and "VerbForm=Fin" in token.feats) or (
                closed and token.text not in (",", "(", ")", "и")):
            return scope[:position]
    return scope


def _next_pair_opens(ctx: Context, t: int) -> bool:
    """Does the legal form at ``t`` open the next pair of a list of pairs: after a comma, a
    name, then «и» and another name («…, ЗАО «C» и D»), not a clause of its own («…, ООО «C»
    выступит подрядчиком»)?"""
    tokens = ctx.doc.tokens
    if not (t > 0 and tokens[t - 1].text == "," and ctx.legal_form(t) and t + 1 in ctx.mention_at):
        return False
    after = _word_after(ctx, ctx.mention_at[t + 1])
    return after + 1 < len(tokens) and tokens[after].lemma == "и" and any(
        a in ctx.mention_at for a in range(after + 1, min(after + 4, len(tokens))))


def _agreement_noun_before(ctx: Context, between: int, nouns: frozenset[str]) -> int | None:
    """The agreement noun whose phrase «между» continues: «соглашения [о побратимстве]
    между», «меморандум о взаимопонимании между»; no verb, comma or other noun phrase head
    in between."""
    tokens = ctx.doc.tokens
    signing = ctx.vocab.words("agreement_verbs") | ctx.vocab.words("agreement_auxiliary_verbs")
    sentence = ctx.sentence(tokens[between].sent_id)
    earlier = _between_joined_before(ctx, between)
    if earlier is not None:  # «договоры между A и B, а также между C и D»: one noun's
        return _agreement_noun_before(ctx, earlier, nouns)
    if between >= 2 and tokens[between - 1].text in DASH_OR_HYPHEN \
            and tokens[between - 2].lemma in ctx.vocab.words("enumerating_words"):
        # «Подписаны соглашения: одно – между A и B, другое – между C и D»: the plural noun
        # before the colon
        colon = next((t for t in range(between - 3, sentence.start - 1, -1)
                      if tokens[t].text == ":"), None)
        return next((t for t in range(colon - 1, sentence.start - 1, -1)
                     if _is_noun(ctx, t, nouns)), None) if colon is not None else None
    t = between - 1
    among = next((len(p) for p in ctx.vocab.among_them
                  if [tk.lemma for tk in tokens[max(between - len(p), 0):between]] == p), 0)
    if among and tokens[between - among - 1].text == ",":
        t = between - among - 2  # «подписаны четыре соглашения, в том числе между A и B»
    while t >= max(sentence.start, between - 14):
        token = tokens[t]
        if _is_noun(ctx, t, nouns):
            return t
        if token.text == "," and t + 1 == between - 1 and tokens[t + 1].lemma in signing \
                and t - 1 >= sentence.start:
            if _is_noun(ctx, t - 1, nouns):
                return t - 1  # «меморандумом, подписанным между A и B»
            t -= 1  # «договоров о сотрудничестве, заключённых между A и B»
            continue
        if token.text in (",", ";", ":") and t == between - 1:
            break  # «…, который прошёл в Сочи, между A и B было подписано соглашение»
        if token.text == "," and _adjective(tokens[t - 1]) and _adjective(tokens[t + 1]):
            t -= 1  # «соглашение о торговом, научном и культурном сотрудничестве между»
            continue
        if t in ctx.mention_at or token.text in (",", ";", ":") or (
                token.pos in ("VERB", "AUX") and token.lemma not in signing):
            # «соглашение … было подписано между» goes on; «В рамках выставки «X» между A и
            # B был подписан меморандум»: the agreement after the parties
            return _signed_after(ctx, between, nouns, signing)
        t -= 1
    opening = between == sentence.start or tokens[between - 1].text in (",", ";", ":") \
        or tokens[between - 1].lemma in ctx.vocab.continuation_words  # «Также между A и B …»
    if opening:  # «Между A, управляющей компанией парка, и B было подписано соглашение»
        return next((a for a in range(between + 1, sentence.stop)
                     if _is_noun(ctx, a, nouns) and a not in ctx.mention_at), None)
    return _signed_after(ctx, between, nouns, signing)


def _between_joined_before(ctx: Context, between: int) -> int | None:
    """The earlier «между» a second one is joined to, right after the earlier one's last
    party: «между A и B, а также между C и D», «между A и B и между C и D»."""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[between].sent_id)
    t = between - 1
    while t > sentence.start and t not in ctx.mention_at \
            and tokens[t].text.lower() in (",", "и", "а", "также"):
        t -= 1
    if t == between - 1 or t not in ctx.mention_at:
        return None
    reach = max(sentence.start, t - EARLIER_BETWEEN_REACH)
    earlier = next((e for e in range(t - 1, reach - 1, -1) if tokens[e].lemma == "между"), None)
    if earlier is None or any(tokens[u].pos in ("VERB", "AUX") for u in range(earlier, between)):
        return None
    return earlier


def _adjective(token: Token) -> bool:
    """Is the word an adjective, or tagged otherwise but parsed as one («торгово-
    экономическом» often comes out a noun that modifies one)?"""
    return token.pos == "ADJ" or (token.pos == "NOUN" and token.rel == "amod")


def _signed_after(ctx: Context, between: int, nouns: frozenset[str],
                  signing: frozenset[str]) -> int | None:
    """«В рамках выставки «X» между A и B был подписан меморандум»: the agreement noun
    right after the first verb past «между», when that verb signs it."""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[between].sent_id)
    verb = next((t for t in range(between + 1, sentence.stop) if t not in ctx.mention_at
                 and tokens[t].pos in ("VERB", "AUX")), None)
    if verb is not None and tokens[verb].lemma == "быть" and verb + 1 < sentence.stop:
        verb += 1  # «был подписан»
    if verb is None or tokens[verb].lemma not in signing:
        return None
    return next((a for a in range(verb + 1, min(verb + 3, sentence.stop))
                 if _is_noun(ctx, a, nouns) and a not in ctx.mention_at), None)


def _is_noun(ctx: Context, t: int, nouns: frozenset[str]) -> bool:
    """Is token ``t`` an agreement noun, alone or with the word before («дорожная карта»)?"""
    tokens = ctx.doc.tokens
    return tokens[t].lemma in nouns or (
        t > 0 and f"{tokens[t - 1].lemma} {tokens[t].lemma}" in nouns) or (
        "соглашение" in nouns and _cooperation_paper(ctx, t))


def _cooperation_paper(ctx: Context, t: int) -> bool:
    """Is token ``t`` a «документ» about working together («документ о сотрудничестве», «…
    о межпарламентском взаимодействии») or a «программа» of it («программу сотрудничества»):
    an agreement by what it is about, where a bare «документ» may be any paper («документ о
    выделении земли») and a bare «программа» a frame («в рамках программы министерства»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if t in ctx.mention_at:
        return False
    if tokens[t].lemma == "программа":  # «подписали программу сотрудничества»
        return any(tokens[c].rel == "nmod" and tokens[c].lemma in vocab.words("cooperation_topics")
                   and "Case=Gen" in tokens[c].feats
                   for c in ctx.children.get(t, []))
    return tokens[t].lemma == "документ" and any(
        tokens[c].rel == "nmod" and tokens[c].lemma in vocab.words("cooperation_topics")
        and any(tokens[a].lemma in ("о", "об") for a in ctx.children.get(c, []))
        for c in ctx.children.get(t, []))


def _planned_signing(ctx: Context, sent_id: int, aside: frozenset[int] = frozenset()) -> bool:
    """Is the sentence's signing only planned («будет подписан», «подпишут», «планируется
    подписание»)? Words ``aside`` (another clause's) are not read."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    signing = vocab.signing_words
    stems = vocab.agreement_verb_stems
    bounds = ctx.sentence(sent_id)
    sentence = [t for t in bounds if t not in aside]
    # «подписали план действий», «подписание плана мероприятий»: the plan is the paper signed
    documents = frozenset(
        t for t in sentence if tokens[t].head_id in bounds
        and tokens[tokens[t].head_id].lemma in signing
        and tokens[t].rel in ("obj", "nsubj:pass", "nmod")
        and not any(tokens[c].pos == "ADP" for c in ctx.children.get(t, [])))
    # «С целью развития связей A и B заключили соглашение»: a goal of a signing done
    # (not one that ought to be: «должно быть подписано»)
    signed = any(tokens[t].lemma in signing and "Tense=Past" in tokens[t].feats and (
        is_finite_verb(tokens[t]) or "Variant=Short" in tokens[t].feats)  # «подписаны»
        and not any(tokens[c].lemma == "быть" and "VerbForm=Inf" in tokens[c].feats
                    for c in ctx.children.get(t, []))
        for t in sentence)
    nouns = vocab.words("agreement_nouns")
    for t in sentence:
        token = tokens[t]
        # «обсудили проект соглашения между A и B»: a draft, not a signed paper
        if not signed and _is_noun(ctx, t, nouns) and _prospect(ctx, t):
            return True
        # «подписаны соглашения с компанией X, которая планирует …»: a plan of a party's own
        aside = signed and token.rel == "acl:relcl" and not any(
            tokens[c].lemma in signing for c in ctx.children.get(t, []))
        if t not in documents and not aside and (token.lemma in vocab.plan_words or (
                token.lemma in vocab.words("agreement_plan_words") and not signed)):
            return True
        future = "Tense=Fut" in token.feats or token.text.lower().startswith("буд")
        if token.lemma == "быть" and future and any(
                tokens[n].lemma.startswith(stems) for n in range(t + 1, min(t + 3,
                                                                           bounds.stop))):
            return True
        if token.lemma in signing and (ctx.planned(t, documents) or any(
                tokens[c].lemma == "быть" and "Tense=Fut" in tokens[c].feats
                for c in ctx.children.get(t, []))):
            return True
        # «задача визита — подписать соглашение»: a signing an aim names
        if token.lemma in signing and "VerbForm=Inf" in token.feats and token.head_id in bounds \
                and tokens[token.head_id].lemma in vocab.words("goal_nouns"):
            return True
        # «итогом станет подписание соглашения», «состоится подписание»: a signing to come
        # (not «подписание которого позволит …» after a signing told as done)
        head = token.head_id
        if not signed and token.lemma in vocab.signing_nouns and head in bounds \
                and tokens[head].lemma in vocab.words("coming_event_verbs") \
                and ctx.future(head):
            return True
        # «программа визита предусматривает подписание плана …»: a signing a programme holds
        if not signed and token.lemma in vocab.signing_nouns and head in bounds \
                and token.rel == "obj" and tokens[head].lemma in vocab.words("provision_verbs"):
            return True
    return False


def _prospect(ctx: Context, noun: int) -> bool:
    """Is the agreement noun governed by a word of a paper only drafted or hoped for
    («проект соглашения», «перспективы заключения соглашения», «готовится к подписанию
    соглашение»), directly or through the act of signing it?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    acts = vocab.words("signing_act_nouns")
    t = noun
    for _ in range(3):
        head = tokens[t].head_id
        if head < 0 or tokens[head].sent_id != tokens[noun].sent_id:
            return False
        if tokens[head].lemma in vocab.words("agreement_prospect_words"):
            return True
        if tokens[head].lemma not in acts:
            # «готовится к подписанию соглашение»: the noun the subject of the verb
            return False
        t = head
    return False


def _own_with_phrase(ctx: Context, party: int) -> bool:
    """Is the party's name (or the generic head it is apposed to) governed by a «с» of its
    own («с Калужской областью», «с компанией «B»»)?"""
    tokens = ctx.doc.tokens
    for t in ctx.mention_tokens(party):
        head = tokens[t].head_id
        if ctx.governed(t, "с", "со") or (
                tokens[t].rel in ("appos", "nmod", "flat:name") and head >= 0
                and head not in ctx.mention_tokens(party) and ctx.governed(head, "с", "со")):
            return True
    return False


@matcher("agreement_party_roster")
def agreement_party_roster(ctx: Context, rule: RelationRule) -> None:
    """«Технопарки подписали меморандум. Его участниками стали A (Азербайджан), B и C»,
    «Сторонами соглашения стали A и B»: a party noun (``agreement_party_nouns``) of an
    agreement (its genitive, or «его» after a sentence that tells of signing one) as the
    predicate of «стать» or «являться», and the names listed after the verb: each agrees
    with each."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    party_nouns, nouns = vocab.words("agreement_party_nouns"), vocab.words("agreement_nouns")
    signing = set(_agreement_sentences(ctx, rule))
    for token in tokens:
        verb = token.head_id
        if token.lemma not in party_nouns or "Number=Plur" not in token.feats or verb < 0 \
                or tokens[verb].lemma not in vocab.words("roster_link_verbs") \
                or not past_finite_verb(tokens[verb]) or ctx.planned(verb):
            continue
        children = ctx.children.get(token.token_id, [])
        own = any(tokens[c].lemma in nouns for c in children)
        told = any(tokens[c].lemma == "он" and tokens[c].rel in ("det", "nmod") for c in children) \
            and token.sent_id - 1 in signing
        if not (own or told):
            continue
        parties = [index for index in ctx.mentions_in(range(verb + 1,
                                                             ctx.sentence(token.sent_id).stop))
                   if ctx.mention_type(index) in ("ORG", "PARK")
                   and not ctx.bracketed_alone(index) and not ctx.title_dependent(index)]
        if len(parties) >= 2:
            _add_parties(ctx, rule, parties, token.sent_id, every_pair=True)


@matcher("agreement_signers")
def agreement_signers(ctx: Context, rule: RelationRule) -> None:
    """«A и B подписали соглашение о …», «губернатор области A и директор компании B
    подписали соглашение» (the signers' employers are the parties)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger) | vocab.words("agreement_alone_verbs") \
        | vocab.words("signature_nouns")
    for sent_id in _agreement_sentences(ctx, rule):
        sentence = list(ctx.sentence(sent_id))
        if any(tokens[t].lemma == "между" and (t + 1 in ctx.mention_at or t + 2 in ctx.mention_at)
               and not _topic_between(ctx, t) for t in sentence):
            continue  # the parties after «между» (not «между правительствами регионов»)
        verb = next((t for t in sentence if tokens[t].lemma in verbs), None)
        if verb is None:  # «A и B оформили партнёрство соглашением»
            verb = next((t for t in sentence if _formalising_verb(ctx, t)), None)
        if verb is None and not _planned_signing(ctx, sent_id):
            _since_signing(ctx, rule, sentence)
        if verb is None or ctx.in_speech(verb) or _planned_signing(ctx, sent_id) \
                or _negated_signing(ctx, verb) or _agreed_to_do(ctx, verb):
            continue
        # not a later clause of its own, not an aside about a party
        scope = _without_asides(
            ctx, _signing_clause(ctx, _subjects_listed_before(ctx, verb)
                                 + _with_list_after(ctx, ctx.scope(verb), verb), verb), verb)
        gap = next((t for t in range(verb + 1, ctx.sentence(sent_id).stop)
                    if _gapped_pair_at(ctx, t) is not None), None)
        if gap is not None:  # «…, а C и D – контракт»: their own paper (gapped_pairs)
            scope = [t for t in scope if t < gap]
        scope_all = scope
        stop = next((t for t in scope if t > verb and tokens[t].lemma in ("о", "об", "на", "по")
                     and t not in ctx.mention_at), None)
        partners: list[int] = []
        if stop is not None:
            partners = _parties(ctx, _partner_after(ctx, scope, stop))
            scope = [t for t in scope if t < stop]
        parties = [p for p in _parties(ctx, scope) if not _object_of_joined_verb(ctx, p, verb)]
        if len(parties + partners) >= 2 and all(ctx.first(p) > verb and _own_with_phrase(ctx, p)
                                                for p in parties + partners):
            continue  # «подписаны соглашения с областью A и с компанией B»: each with a side
            # the sentence does not name, not with each other
        pairs = (_pairs_listed(ctx, parties) or _pairs_split_by_also(ctx, parties)) \
            if not _one_document(ctx, verb) else []
        if pairs:  # «A и B, C и D подписали соглашения»: A with B, C with D
            _add_pairs(ctx, rule, pairs, sent_id)
            continue
        # «делегация из A подписала соглашение с компанией B»: B, after the verb, is the
        # only name; the group's origin is the other side
        origin = _delegation_origin(ctx, sentence) if not any(
            ctx.first(p) < verb for p in parties) and not _titled_signer(ctx, sentence, verb) \
            else None
        if origin is not None:
            # «делегация из A подписала меморандум с представителями B», «в ходе визита
            # делегации A подписан протокол о намерениях с B», «… с руководством концерна
            # B»: the group's origin is a party
            others = [ctx.entity(i) for i in partners] or [
                ctx.entity(i) for i in _counterparts(ctx, [t for t in ctx.scope(verb)
                                                           if stop is None or t > stop])] or [
                # «… подписала соглашение с руководством концерна B»
                ctx.entity(i) for i in _parties(ctx, [t for t in scope if t > verb],
                                                employers=True) if _with_party(ctx, i)]
            for other in others:
                if other != origin:
                    ctx.add(rule, origin, other, sent_id)
            if others:
                continue
        earlier = _sides_before_break(ctx, verb) if not parties and not partners else []
        if len(earlier) == 2:  # «A стала партнёром B: стороны подписали соглашение»
            ctx.add(rule, ctx.entity(earlier[0]), ctx.entity(earlier[1]), sent_id)
            continue
        sides = _sides_subject(ctx, verb)
        if not parties and not partners and (sides or _refers_back(ctx, sent_id)):
            # «A стал оператором B. Соответствующее соглашение подписано в рамках форума.»,
            # «Губернатор области A встретился с мэром B. Стороны подписали меморандум.»
            before: list[int] = []
            for index in _one_per_signer(ctx, _parties(ctx, list(ctx.sentence(sent_id - 1)),
                                                       employers=sides)):
                if ctx.entity(index) not in before:
                    before.append(ctx.entity(index))
            # «Делегация области A посетила B. Стороны подписали …»: the group's origin
            origin = _delegation_origin(ctx, ctx.sentence(sent_id - 1)) if sides else None
            if origin is not None and origin not in before:
                before.insert(0, origin)
            if len(before) == 2:
                ctx.add(rule, before[0], before[1], sent_id)
                continue
        if not parties and not partners:
            # «X заключил два соглашения. Соглашения подписаны с коллегами из A и B.»
            own = _previous_signer(ctx, sent_id)
            counterparts = _counterparts(ctx, scope) if own is not None else []
            for partner in counterparts:
                ctx.add(rule, own, ctx.entity(partner), sent_id)
            if counterparts:
                continue
        if len(parties) + len(partners) < 2 or (partners and not parties):
            # «губернатор области A (Россия) и глава провинции B подписали»: the signers
            # with their titles, across brackets, up to the previous verb
            anchor = _signature_verb(ctx, verb) \
                if tokens[verb].lemma in vocab.words("signature_nouns") else verb
            if tokens[verb].rel == "amod" and _signed_papers_exchanged(ctx, sent_id):
                anchor = _papers_clause(ctx, verb)  # «A и B обменялись подписанными …»
            if anchor > 0 and tokens[anchor - 1].pos == "AUX":
                anchor -= 1  # «были подписаны»: the clause of the auxiliary
            start, end = _signing_bounds(ctx, anchor)
            clause = _without_asides(ctx, [t for t in range(start, end)
                                           if stop is None or t < stop], verb)
            parties = [p for p in _one_per_signer(ctx, _parties(ctx, clause, employers=True))
                       if not _object_of_joined_verb(ctx, p, verb)]
            side = _side_by_adjective(ctx, clause) \
                if tokens[verb].lemma not in vocab.words("agreement_alone_verbs") else None
            if side is not None and len(parties) == 1 and not partners \
                    and not _same_side(ctx, side, ctx.entity(parties[0])):
                # «Китайская сторона и министерство A подписали …», «С алматинской
                # стороной министерство A подписало …»: the group from there signed
                ctx.add(rule, side, ctx.entity(parties[0]), sent_id)
                continue
            if len(parties) + len(partners) < 2:
                # «мэр города A Иван Петров … . Петров и глава города B Олег Сидоров заключили
                # соглашение»: a signer whose post the text gave before signs for his employer
                phrase = [t for t in scope_all if stop is not None and t > stop]
                signing = [ctx.entity(i) for i in parties]
                for person in _signers(ctx, clause) + _signers(ctx, phrase):
                    employer = _employer_of(ctx, person)
                    if employer is not None and employer not in signing:
                        signing.append(employer)
                # «соглашение подписали власти региона и компания «A»»: the region the text
                # named before signs through its government
                own = _bare_region_government(ctx, clause)
                if own is not None and own not in signing:
                    signing.insert(0, own)
                if len(signing) >= 2:
                    for other in signing[1:]:
                        ctx.add(rule, signing[0], other, sent_id)
                    continue
        if partners and parties:
            # «A подписала меморандумы о … с B и C»: A with each partner
            for partner in partners:
                _add_parties(ctx, rule, [parties[0], partner], sent_id)
        elif len(parties) >= 3 and (signing := _each_with_each(ctx, parties, verb)):
            # «A подписала соглашение с B и C»: A with each of them, not B with C; «A и B
            # договорились с C»: each of A and B with C, not with one another
            for own in signing:
                for partner in parties[len(signing):]:
                    ctx.add(rule, ctx.entity(own), ctx.entity(partner), sent_id)
        elif len(parties) >= 3 and not partners \
                and (other := _partner_told_before(ctx, sent_id, parties)) is not None:
            # «A, B и C заключили меморандум с эмиратом D. Меморандум подписали A1, B1 и
            # C1»: the signers listed are one side, the partner told before the other
            for own in parties:
                ctx.add(rule, ctx.entity(own), other, sent_id)
        elif len(parties) >= 2 and not _counterparts_only(ctx, parties, verb):
            # «Документ подписали губернатор области A, президент B и глава C»: one paper,
            # each of them a party with each
            _add_parties(ctx, rule, parties, sent_id, every_pair=_one_document(ctx, verb))
        elif not parties and _signed_without_signer(ctx, verb):
            # «Губернатор области A принял участие в форуме. В ходе форума подписано
            # соглашение с компанией B (с руководством концерна B)»: the side the sentence
            # before tells of signed
            own = _subject_side_before(ctx, sent_id)
            others = partners or [i for i in _parties(ctx, [t for t in scope_all if t > verb],
                                                      employers=True) if _with_party(ctx, i)]
            for other in others if own is not None else []:
                if ctx.entity(other) != own:
                    ctx.add(rule, own, ctx.entity(other), sent_id)
        elif parties and _counterparts_only(ctx, parties, verb) and not any(
                tokens[c].rel == "nsubj" for c in ctx.children.get(verb, [])):
            # «Губернатор области A подписал соглашения с четырьмя компаниями. … Также
            # подписаны соглашения с B и C»: the signer named before with each of them
            own = _previous_signer(ctx, sent_id, reach=4)
            if own is None and _signed_without_signer(ctx, verb):
                # «ОЭЗ «A» вошла в рейтинг. На полях форума было подписано соглашение с
                # компанией «B»»: the side the sentence before tells of signed
                own = _topic_side_before(ctx, sent_id)
            for party in parties if own is not None else []:
                ctx.add(rule, own, ctx.entity(party), sent_id)


WITH_LIST_REACH = 14  # words between a list's dash and the plural noun «с» governs
PARTY_TYPES = ("ORG", "LOC", "PARK")  # (the types either side of an agreement may be)
EARLIER_BETWEEN_REACH = 30  # tokens back to the first «между» of «между A, B и C, а также между»


def _same_side(ctx: Context, side: int, party: int) -> bool:
    """Is the party the side itself, or a body of its place («С китайской стороной … народное
    правительство провинции Хэйлунцзян»: the Chinese side, not its partner)?"""
    if side == party:
        return True
    where, home = entity_place(ctx, side), entity_place(ctx, party)
    return where is not None and home is not None and lies_in(home, where)


def _side_by_adjective(ctx: Context, clause: list[int]) -> int | None:
    """The side a «сторона» with a place's adjective names in the clause («китайская
    сторона», «с алматинской стороной»): the one group that comes from there (its origin),
    else the place as the text names it; None where none is."""
    tokens, sides = ctx.doc.tokens, ctx.vocab.words("group_side_nouns")
    for t in clause:
        if tokens[t].lemma not in sides or "Number=Sing" not in tokens[t].feats:
            continue
        # (its adjective, or the word before it, wherever the parse hangs that)
        adjectives = [c for c in ctx.children.get(t, []) if tokens[c].rel == "amod"]
        adjectives += [t - 1] if t > 0 and tokens[t - 1].pos == "ADJ" else []
        for c in adjectives:
            place = adjective_place(ctx, tokens[c].lemma)
            if place is None:
                continue
            name, _, entity = place
            where = gazetteer().lookup(name)
            groups = {d.origin_entity for d in ctx.delegations
                      if d.origin_entity is not None and where is not None
                      and (home := home_of(ctx, d)) is not None and lies_in(home, where)}
            if len(groups) == 1:
                return groups.pop()
            return entity
    return None


def _object_of_joined_verb(ctx: Context, index: int, verb: int) -> bool:
    """«Делегация посетила технопарк A и подписала соглашение с B», «побывала в X, где
    осмотрела завод A, и подписала …»: A, the object of a verb before the signing one and
    joined to it by «и», is what the signer did besides, no party; so is the place a «где»
    clause of signing hangs on («посетили завод A, где договорились о …»)."""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    if tokens[verb].pos != "VERB" or root is None or root > verb \
            or tokens[root].rel not in ("obj", "iobj"):
        return False
    head = tokens[root].head_id
    if not 0 <= head < verb or tokens[head].pos != "VERB" \
            or tokens[head].lemma in ctx.vocab.words("agreement_verbs"):
        return False
    if tokens[verb].rel == "acl:relcl":
        return any(tokens[c].lemma == "где" for c in ctx.children.get(verb, []))
    return tokens[verb].rel == "conj" and tokens[verb].head_id in (
        head, ctx.verb_over(tokens[head].head_id, steps=2))


def _agreed_to_do(ctx: Context, verb: int) -> bool:
    """«Стороны договорились продолжить контакты»: agreeing only to keep talking (an
    infinitive of ``contact_going_on_verbs`` after the verb of agreeing), or to draft or sign
    a paper later («договорились подготовить документ»), or «об этом» on an
    intention the sentence before tells (``intention_words``), is no agreement."""
    tokens, talks = ctx.doc.tokens, ctx.vocab.words("contact_going_on_verbs")
    if tokens[verb].lemma not in ctx.vocab.words("agreement_alone_verbs"):
        return False
    children = ctx.children.get(verb, [])
    # «A и B намерены сотрудничать. Об этом стороны договорились …»: agreed on an intention
    sent_id = tokens[verb].sent_id
    about_that = sent_id > 0 and any(
        tokens[c].lemma == "это" and ctx.governed(c, "о", "об") for c in children)
    if about_that and any(tokens[t].lemma in ctx.vocab.words("intention_words")
                          for t in ctx.sentence(sent_id - 1)):
        return True
    # «договорились подготовить документ», «… подписать соглашение»: a paper still to come
    to_come = ctx.vocab.words("agreement_prospect_words") | ctx.vocab.signing_words
    return any(tokens[c].rel == "xcomp" and (tokens[c].lemma in talks or tokens[c].lemma in to_come)
               for c in children)


def _negated_signing(ctx: Context, verb: int) -> bool:
    """Is the signing verb negated, itself or through the verb it completes («не
    подписали», «не смогли договориться», «так и не удалось заключить»)?"""
    tokens = ctx.doc.tokens
    head = tokens[verb].head_id
    return ctx.negated(verb) or (tokens[verb].rel == "xcomp" and head >= 0
                                 and ctx.negated(head))


def _formalising_verb(ctx: Context, t: int) -> bool:
    """Is token ``t`` a verb that makes a tie formal with a paper in the instrumental
    («оформили партнёрство соглашением», «закрепили связи документом о сотрудничестве», «…
    отношения документом»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    nouns = vocab.words("agreement_nouns")
    if tokens[t].lemma not in vocab.words("formalising_verbs") | vocab.words("exchange_verbs"):
        return False  # («обменялись меморандумами о сотрудничестве»: an exchange of papers)
    children = ctx.children.get(t, [])
    # «оформили дружеские отношения документом»: a bare «документ» where the tie is named
    objects = [c for c in children if tokens[c].rel == "obj"]
    tie = any(tokens[c].lemma in vocab.words("tie_nouns") for c in objects)
    # the paper hangs on the verb, or the parser hung it on the tie («отношения документом»)
    papers = [c for c in children if tokens[c].rel == "obl"] + [
        d for c in objects for d in ctx.children.get(c, []) if tokens[d].rel == "nmod"]
    return any("Case=Ins" in tokens[c].feats and (
        _is_noun(ctx, c, nouns) or (tie and tokens[c].lemma == "документ")) for c in papers)


@matcher("agreement_gapped_partners")
def agreement_gapped_partners(ctx: Context, rule: RelationRule) -> None:
    """«A подписал с B договор о …, а с C — соглашение о …»: the signer before the verb with
    its «с»-partner and with each partner of a gapped clause («, а с C — соглашение»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in tokens:
        verb = token.token_id
        if token.lemma not in vocab.words(rule.trigger) or not is_finite_verb(token) \
                or "Tense=Past" not in token.feats or ctx.in_speech(verb) \
                or _planned_signing(ctx, token.sent_id):
            continue
        signer = ctx.mention_at.get(verb - 1)
        first = _with_partner_at(ctx, verb + 1)
        if signer is None or first is None or ctx.last(signer) != verb - 1 \
                or ctx.mention_type(signer) not in PARTY_TYPES:
            continue
        sentence = ctx.sentence(token.sent_id)
        gapped = [p for u in range(ctx.last(first) + 1, sentence.stop - 3)
                  if tokens[u].text == "," and tokens[u + 1].lemma == "а"
                  and (p := _with_partner_at(ctx, u + 2)) is not None
                  and _paper_after_dash(ctx, ctx.last(p) + 1)
                  and not _gap_has_own_verb(ctx, ctx.last(p) + 1)]
        for partner in [first, *gapped] if gapped else []:
            if ctx.entity(partner) != ctx.entity(signer):
                ctx.add(rule, ctx.entity(signer), ctx.entity(partner), token.sent_id)


@matcher("agreement_gapped_pairs")
def agreement_gapped_pairs(ctx: Context, rule: RelationRule) -> None:
    """«A и B заключили контракт, а C и D – меморандум»; «…; E и F – дорожную карту»: after a
    signing verb told as done, each later clause of two parties joined by «и», a dash and an
    agreement noun, with no verb of its own, signed that paper between them."""
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), outside_mentions=True):
        if not is_finite_verb(token) or "Tense=Past" not in token.feats \
                or _planned_signing(ctx, token.sent_id) or _negated_signing(ctx, token.token_id):
            continue
        for u in range(token.token_id + 1, ctx.sentence(token.sent_id).stop):
            pair = _gapped_pair_at(ctx, u)
            if pair is not None:
                ctx.add(rule, ctx.entity(pair[0]), ctx.entity(pair[1]), token.sent_id)


def _gapped_pair_at(ctx: Context, u: int) -> tuple[int, int] | None:
    """The two parties of a gapped signing clause that a comma or «;» at ``u`` opens
    («, а C и D – меморандум»), or None."""
    tokens = ctx.doc.tokens
    stop = ctx.sentence(tokens[u].sent_id).stop
    if tokens[u].text not in (",", ";") or u + 4 >= stop:
        return None
    first = ctx.named_at(u + 2 if tokens[u + 1].lemma == "а" else u + 1, PARTY_TYPES)
    if first is None or ctx.last(first) + 2 >= stop or tokens[ctx.last(first) + 1].lemma != "и":
        return None
    second = ctx.named_at(ctx.last(first) + 2, PARTY_TYPES)
    if second is None or not _paper_after_dash(ctx, ctx.last(second) + 1) \
            or _gap_has_own_verb(ctx, ctx.last(second) + 1) \
            or ctx.entity(first) == ctx.entity(second):
        return None
    return first, second


@matcher("agreement_clause_of_its_own")
def agreement_clause_of_its_own(ctx: Context, rule: RelationRule) -> None:
    """«A и B подписали меморандум, а C заключила договор с D»: a later signing clause with a
    subject and a «с»-partner of its own, after an earlier signing verb (its verb a conjunct
    of the earlier one's, or a second root the parser made of it), signs a paper of its own:
    C with D, not with A or B."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    nouns = vocab.words("agreement_nouns")
    signing = vocab.words(rule.trigger)
    for token in ctx.triggers(signing, outside_mentions=True):
        verb = token.token_id
        sentence = ctx.sentence(token.sent_id)
        later = any(tokens[t].lemma in signing for t in range(sentence.start, verb))
        # a conjunct of the earlier clause's verb, or a second root the parser made of it
        if not later or tokens[verb].rel not in ("conj", "root") or not is_finite_verb(token) \
                or "Tense=Past" not in token.feats or _planned_signing(ctx, token.sent_id) \
                or _negated_signing(ctx, verb):
            continue
        children = ctx.children.get(verb, [])
        papers = [c for c in children if tokens[c].rel in ("obj", "obl")
                  and _is_noun(ctx, c, nouns)]
        if not papers:
            continue
        signer = next((p for c in children if tokens[c].rel == "nsubj"
                       and (p := _named_party(ctx, c)) is not None), None)
        if signer is None:  # no subject parsed: the one party between the break and the verb
            comma = next((u for u in range(verb - 1, sentence.start, -1)
                          if tokens[u].text in (",", ";") and u not in ctx.mention_at), None)
            own = _parties(ctx, list(range(comma + 1, verb))) if comma is not None else []
            signer = ctx.entity(own[0]) if len(own) == 1 else None
        # «заключила договор с D»: the partner on the verb or on its paper
        around = [*children, *(d for c in papers for d in ctx.children.get(c, []))]
        partner = next((p for c in around if tokens[c].rel in ("obl", "nmod") and any(
            tokens[a].lemma in ("с", "со") for a in ctx.children.get(c, []))
            and (p := _named_party(ctx, c)) is not None), None)
        if signer is not None and partner is not None and signer != partner:
            ctx.add(rule, signer, partner, token.sent_id)


@matcher("agreement_same_paper_with")
def agreement_same_paper_with(ctx: Context, rule: RelationRule) -> None:
    """«A подписала соглашение с B. Аналогичное соглашение подписано с C», «A и B подписали
    соглашение; такое же соглашение заключено с C»: a paper like the one just told of,
    signed with a «с»-partner and no signer of its own, is the earlier signer's (its first
    subject) with that partner."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    like = vocab.words("same_paper_words")
    signing = vocab.words("agreement_verbs")
    for token in _agreements_made(ctx, rule):
        t = token.token_id
        sentence = ctx.sentence(token.sent_id)
        if t - 1 < sentence.start or not (
                tokens[t - 1].lemma in like - {"такой"}
                or (t - 2 >= sentence.start and tokens[t - 2].lemma == "такой"
                    and tokens[t - 1].lemma == "же")):
            continue
        verb = next((v for v in range(t + 1, min(t + 4, sentence.stop))
                     if tokens[v].lemma in signing and "Tense=Past" in tokens[v].feats), None)
        if verb is None or _negated_signing(ctx, verb):
            continue
        partner = next((p for u in range(verb + 1, min(verb + 3, sentence.stop))
                        if (p := _with_partner_at(ctx, u)) is not None), None)
        signer = _earlier_signer(ctx, t)
        if partner is not None and signer is not None and ctx.entity(partner) != signer:
            ctx.add(rule, signer, ctx.entity(partner), token.sent_id)


def _earlier_signer(ctx: Context, t: int) -> int | None:
    """The first party named before the signing verb nearest before ``t``, in its sentence or
    the one before («A подписала соглашение с B»: A), as an entity."""
    tokens, signing = ctx.doc.tokens, ctx.vocab.words("agreement_verbs")
    sent_id = tokens[t].sent_id
    start = ctx.sentence(max(sent_id - 1, 0)).start
    verb = next((v for v in range(t - 1, start - 1, -1) if tokens[v].lemma in signing
                 and is_finite_verb(tokens[v]) and not ctx.planned(v)), None)
    if verb is None:
        return None
    first = ctx.sentence(tokens[verb].sent_id).start
    parties = _parties(ctx, list(range(first, verb)))
    return ctx.entity(parties[0]) if parties else None


def _named_party(ctx: Context, word: int) -> int | None:
    """The organisation, park or place a word names, itself or through the name after its
    generic head («компания «C»», «с компанией «D»»), as an entity."""
    tokens = ctx.doc.tokens
    for w in (word, *(c for c in ctx.children.get(word, [])
                      if tokens[c].rel in ("appos", "flat:name"))):
        index = ctx.mention_at.get(w)
        if index is not None and ctx.mention_type(index) in PARTY_TYPES \
                and not ctx.title_dependent(index):
            return ctx.entity(index)
    return None


def _with_partner_at(ctx: Context, t: int) -> int | None:
    """The party named after a «с» at ``t``, past lower-case adjectives and a generic head in
    the instrumental («с компанией «B»», «с Ровенской областной госадминистрацией»); None
    where there is none."""
    tokens = ctx.doc.tokens
    if t >= len(tokens) or tokens[t].lemma not in ("с", "со"):
        return None
    start = after_lower_adjectives(ctx, t + 1)
    if start + 1 < len(tokens) and start not in ctx.mention_at and start + 1 in ctx.mention_at \
            and tokens[start].pos == "NOUN" and "Case=Ins" in tokens[start].feats \
            and tokens[start].text.islower():
        start += 1  # «с фирмой «C»»: past the partner's generic head
    index = ctx.mention_at.get(start)
    return index if index is not None and ctx.mention_type(index) in PARTY_TYPES else None


def _gap_has_own_verb(ctx: Context, t: int) -> bool:
    """Does the gapped clause from ``t`` (up to a comma, «;» or the sentence's end) have a
    finite verb of its own («, а с C — соглашение расторгла»): then it is not the signing
    verb's gap."""
    tokens = ctx.doc.tokens
    for u in range(t, ctx.sentence(tokens[t].sent_id).stop):
        if tokens[u].text in (",", ";"):
            return False
        if u not in ctx.mention_at and is_finite_verb(tokens[u]):
            return True
    return False


def _paper_after_dash(ctx: Context, t: int) -> bool:
    """Is ``t`` a dash followed by an agreement noun («— соглашение о …», «– меморандум»,
    «— дорожную карту»)?"""
    tokens = ctx.doc.tokens
    if t >= len(tokens) or tokens[t].text not in DASH_OR_HYPHEN:
        return False
    nouns = ctx.vocab.words("agreement_nouns")
    noun = after_lower_adjectives(ctx, t + 1)
    return (noun < len(tokens) and tokens[noun].lemma in nouns) or (
        t + 2 < len(tokens) and f"{tokens[t + 1].lemma} {tokens[t + 2].lemma}" in nouns)


def _signature_verb(ctx: Context, noun: int) -> int:
    """The verb a signature noun hangs on («поставили подписи»: the clause of the verb), up
    through a noun the parser put it under («Под документом подписи поставили»); the noun
    itself where there is none."""
    tokens, head = ctx.doc.tokens, ctx.doc.tokens[noun].head_id
    for _ in range(2):
        if head < 0 or tokens[head].sent_id != tokens[noun].sent_id:
            break
        if tokens[head].pos == "VERB":
            return head
        if tokens[head].pos != "NOUN":
            break
        head = tokens[head].head_id
    return noun


def _signing_bounds(ctx: Context, anchor: int) -> tuple[int, int]:
    """The clause of the signing verb; a list of signers the verb opens with a colon
    («Документ подписали: губернатор области A …; директор компании B …») runs on past the
    colon and its semicolons up to the next finite verb or the sentence's end."""
    tokens = ctx.doc.tokens
    start, end = ctx.clause_bounds(anchor)
    if end >= len(tokens) or tokens[end].text != ":" or any(
            t in ctx.mention_at for t in range(anchor + 1, end)):
        return start, end
    stop = ctx.sentence(tokens[anchor].sent_id).stop
    end += 1
    while end < stop and (end in ctx.mention_at or not is_finite_verb(tokens[end])):
        end += 1
    return start, end


def _subjects_listed_before(ctx: Context, verb: int) -> list[int]:
    """«A, B и C подписали соглашение»: the comma chunks before the verb's own whose list of
    subjects the verb's chunk continues (its first word a conjunct of a word in them)."""
    tokens = ctx.doc.tokens
    chunks = ctx.chunks(tokens[verb].sent_id)
    position = next(i for i, c in enumerate(chunks) if verb in c)
    first_chunk = _past_asides_to_subject(ctx, chunks, position, verb)
    while first_chunk > 0:
        first = next((t for t in chunks[first_chunk] if tokens[t].pos != "PUNCT"), None)
        if first is None or not 0 <= tokens[first].head_id < chunks[first_chunk][0] or not (
                tokens[first].rel == "conj" or _listed_apposition(ctx, first, verb)):
            break
        head = tokens[first].head_id
        earlier = next((i for i, c in enumerate(chunks) if head in c), None)
        if earlier is None or any(  # a head among the chunks' break marks
                _opening_phrase(ctx, t) for c in chunks[earlier:first_chunk] for t in c):
            break  # «Как сообщило ООО «A», B и C подписали …»: A opens a phrase, signs nothing
        first_chunk = earlier
    return [t for c in chunks[first_chunk:position] for t in c]


def _listed_apposition(ctx: Context, first: int, verb: int) -> bool:
    """Is the chunk's first word a middle item of a list of subjects the parser hung on the
    first as an apposition («Компания «A», компания «B» и компания «C» подписали»): the
    list's «и»-conjunct, in the verb's chunk, hangs on the same word?"""
    tokens = ctx.doc.tokens
    head = tokens[first].head_id
    return tokens[first].rel == "appos" and tokens[head].lemma == tokens[first].lemma \
        and any(tokens[c].rel == "conj" and first < c < verb for c in ctx.children.get(head, []))


def _past_asides_to_subject(ctx: Context, chunks: list[list[int]], position: int,
                            verb: int) -> int:
    """The chunk the verb's list of subjects starts in when asides about the last subject
    stand between («A и B, которую возглавляет X, подписали …»: the chunk of A and B); the
    verb's own chunk where its subject is in it or no aside comes right before."""
    tokens = ctx.doc.tokens
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    opening = next(t for t in chunks[position] if tokens[t].pos != "PUNCT")
    if any(s in chunks[position] for s in subjects) or (not subjects and opening != verb):
        return position  # (no subject parsed: the verb opens its chunk, the list before)
    earlier = position
    while earlier > 0 and ctx.chunk_kind(chunks[earlier - 1]) == "relative":
        earlier -= 1
    if earlier == position or earlier == 0 or (
            subjects and not any(s in chunks[earlier - 1] for s in subjects)):
        return position
    return earlier - 1


def _opening_phrase(ctx: Context, t: int) -> bool:
    """Is the word outside any name one of a phrase of its own before the subjects («как
    сообщило», «по информации», «в офисе»): a verb, a preposition, a conjunction, an adverb?"""
    return t not in ctx.mention_at and ctx.doc.tokens[t].pos in (
        "VERB", "AUX", "ADP", "SCONJ", "ADV")


def _signing_clause(ctx: Context, scope: list[int], verb: int) -> list[int]:
    """The scope up to a later comma chunk that tells of another act with a finite verb of
    its own («A подписала соглашение с B, а сегодня директор A посетил C»: C is no party), or
    with the verb left out («…, а Гюмри — с Курском»)."""
    tokens = ctx.doc.tokens
    for chunk in ctx.chunks(tokens[verb].sent_id):
        if chunk[0] <= verb or chunk[0] not in scope:
            continue
        if any(is_finite_verb(tokens[t]) and t not in ctx.mention_at for t in chunk) \
                or _gapped(ctx, chunk):
            return [t for t in scope if t < chunk[0]]
    return scope


def _gapped(ctx: Context, chunk: list[int]) -> bool:
    """Does a comma chunk open a clause of its own with the verb left out: «а» or «и», a name
    and a dash («…, а Гюмри — с Курском и Тверью»: Гюмри's partners, not the first side's)?"""
    tokens = ctx.doc.tokens
    words = [t for t in chunk if tokens[t].pos != "PUNCT" or t in ctx.mention_at]
    if len(words) < 2 or tokens[words[0]].lemma not in ("а", "и") or words[1] not in ctx.mention_at:
        return False
    after = ctx.last(ctx.mention_at[words[1]]) + 1
    return after < len(tokens) and tokens[after].text in DASH_OR_HYPHEN


def _without_asides(ctx: Context, scope: list[int], verb: int) -> list[int]:
    """The scope less the asides about a party between commas: a relative or participial
    chunk («A, входящая в холдинг B, подписала …»), a chunk of what the party is member or
    resident of («A, резидент технопарка B, …»), and the source of the news («Как сообщал
    X, …»). The body an aside names is no party; the
    chunk of the signing ``verb`` itself is no aside («…, подписанное A и B»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if not scope:
        return scope
    openers = vocab.words("resident_words") | vocab.words("member_nouns")
    aside: set[int] = set()
    for chunk in ctx.chunks(tokens[scope[0]].sent_id):
        words = [t for t in chunk if tokens[t].pos != "PUNCT" or t in ctx.mention_at]
        if not words or verb in chunk or chunk[0] == ctx.sentence(tokens[verb].sent_id).start:
            continue  # the sentence's first chunk is no aside
        first = tokens[words[0]]
        # («На встрече, в которой участвовали X и Y, A и B подписали …»: a preposition first)
        relative = first.lemma in vocab.relative_words or (
            first.pos == "ADP" and len(words) > 1
            and tokens[words[1]].lemma in vocab.relative_words)
        if "VerbForm=Part" in first.feats or relative or first.lemma in openers:
            aside.update(chunk)
    # («Как сообщал «Кедровый вестник», губернатор и директор подписали …»: the outlet)
    return [t for t in scope if t not in aside and not in_as_reported_clause(ctx, t)]


def _one_document(ctx: Context, verb: int) -> bool:
    """Is the paper the signing verb acts on one document («подписали соглашение»,
    «документ подписали»), not several («подписали соглашения»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    papers = vocab.words("agreement_nouns") | vocab.words("agreement_references")
    objects = [c for c in ctx.children.get(verb, []) if tokens[c].lemma in papers
               and tokens[c].rel in ("obj", "nsubj:pass", "nsubj")]
    several_sides = vocab.words("multilateral_adjectives")
    if any(tokens[w].lemma in several_sides for c in ctx.children.get(verb, [])
           for w in (c, *ctx.children.get(c, []))):
        return True  # «трёхстороннее соглашение (СЗПК) заключили A, B и C»: one paper
    return bool(objects) and all("Number=Sing" in tokens[c].feats for c in objects)


def _counterparts_only(ctx: Context, parties: list[int], verb: int) -> bool:
    """«Подписаны соглашения со Сбербанком, ВТБ и РЖД»: a list after the verb opened by «с»
    names the other sides of one unnamed party, not parties of one another."""
    first = min(parties, key=lambda i: ctx.first(i))
    return ctx.first(first) > verb and _with_party(ctx, first)


def _bare_region_government(ctx: Context, clause: list[int]) -> int | None:
    """The region whose government or head a bare phrase of the clause names («власти
    региона», «правительство области», «глава региона»: the region the text named before
    with that word), as an entity;
    not one after a preposition («в присутствии властей региона»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    governments = vocab.words("regional_government_nouns") | vocab.words("authority_nouns")
    for t in clause:
        # «Соглашение подписал глава региона»: a post of the region signs for it too
        if t in ctx.mention_at or not (tokens[t].lemma in governments
                                       or vocab.is_title(tokens[t].lemma)) or ctx.governed(t) \
                or tokens[t].rel not in ("nsubj", "nsubj:pass", "conj", "obl") \
                or not bare_region_word(ctx, t + 1):
            continue
        return resolve_place(ctx, t + 1)
    return None


def _each_with_each(ctx: Context, parties: list[int], verb: int) -> list[int]:
    """«A подписала соглашение с B и C», «A и B договорились с C»: the parties before the
    verb, where the rest follow it in a list opened by «с» (the other sides of those before,
    not of one another; those before are one side, not each other's); none otherwise."""
    before = [p for p in parties if ctx.first(p) < verb]
    if before and before == parties[:len(before)] and len(before) < len(parties) \
            and _counterparts_only(ctx, parties[len(before):], verb):
        return before
    return []


def _one_per_signer(ctx: Context, parties: list[int]) -> list[int]:
    """The parties less a second post of one signer («Председатель парламента Республики A,
    Председатель города B Иван Петров и …»: A and B are one side): an employer after a
    comma, with no person and no «и» since the employer before it, is that signer's too."""
    tokens, kept = ctx.doc.tokens, []
    for index in parties:
        if kept and ctx.title_dependent(index) and ctx.title_dependent(kept[-1]):
            between = range(ctx.last(kept[-1]) + 1, ctx.first(index))
            if any(tokens[t].text == "," for t in between) and not any(
                    tokens[t].lemma == "и" or (t in ctx.mention_at and ctx.mention_type(
                        ctx.mention_at[t]) == "PER") for t in between) and _named_signer(
                    ctx, index):
                continue
        kept.append(index)
    return kept


def _named_signer(ctx: Context, index: int) -> bool:
    """Does the employer's title phrase end in the signer's name («… города B Иван Петров»),
    with no comma or «и» before it (not a list of posts without names)?"""
    tokens = ctx.doc.tokens
    for t in range(ctx.last(index) + 1, min(ctx.last(index) + 6, len(tokens))):
        if t in ctx.mention_at and ctx.mention_type(ctx.mention_at[t]) == "PER":
            return True
        if tokens[t].text == "," or tokens[t].lemma == "и" or tokens[t].sent_id != tokens[
                ctx.last(index)].sent_id:
            return False
    return False


def _with_party(ctx: Context, index: int) -> bool:
    """Is the mention the other side of a «с» phrase («с руководством концерна B»: «с» within
    the three words before it; «с производителем удобрений «B»»: «с» on the noun the name
    hangs on)?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    if any(tokens[t].lemma in ("с", "со") for t in range(max(first - 3, 0), first)
           if t not in ctx.mention_at):
        return True
    dash = first - 1
    if dash > 1 and dash not in ctx.mention_at and tokens[dash].pos in ("NOUN", "PROPN") \
            and tokens[dash - 1].text == DASH:
        dash -= 1  # «— Управлением СЭЗ «A»»: past the item's own head
    if dash > 0 and tokens[dash].text == DASH and any(
            tokens[c].lemma in ("с", "со") and _dash_list_after(ctx, c) == dash
            for c in range(max(dash - WITH_LIST_REACH - 2, 0), dash)):
        return True  # «с тремя управлениями (, созданными …), — A, B и C»: listed after it
    t = tokens[ctx.last(index)].head_id if tokens[first].text == QUOTE_OPEN else first
    for _ in range(3):  # up through the name's apposition and the genitives it hangs on
        if t < 0 or tokens[t].sent_id != tokens[first].sent_id:
            return False
        if any(tokens[c].lemma in ("с", "со") and tokens[c].rel == "case"
               for c in ctx.children.get(t, [])):
            return True
        if tokens[t].rel not in ("appos", "nmod", "flat:name"):
            return False
        t = tokens[t].head_id
    return False


def _sides_subject(ctx: Context, verb: int) -> bool:
    """Is the signing verb's subject «стороны», in a sentence that names no one who could
    be a party («Стороны подписали соглашение», «Вузы подписали …»): the two sides the
    sentence before named?"""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[verb].sent_id)
    # «стороны обменялись подписанными документами»: the subject of the clause the signed
    # papers are in
    clause = _papers_clause(ctx, verb) if tokens[verb].rel == "amod" else verb
    # «Компании подписали соглашение об этом в Твери»: the sides by their kind, the place
    # of signing no party
    return tokens[verb].sent_id > 0 and clause >= 0 and not any(
        ctx.mention_type(i) == "PER" for i in ctx.mentions_in(sentence)
    ) and not _parties(ctx, list(sentence)) and _sides_by_kind(ctx, clause)


def _sides_by_kind(ctx: Context, verb: int) -> bool:
    """Is a subject of ``verb`` the sides named by their kind alone, in the plural
    («стороны», «компании», «вузы», «регионы»: ``party_nouns``, ``counted_party_org_nouns``,
    ``counted_party_place_nouns``), who the text named before?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    kinds = vocab.words("party_nouns") | vocab.words("counted_party_org_nouns") \
        | vocab.words("counted_party_place_nouns")

    def by_kind(word: int) -> bool:
        return tokens[word].lemma in kinds and word not in ctx.mention_at \
            and "Number=Plur" in tokens[word].feats

    def their_heads(word: int) -> bool:  # «главы городов подписали соглашение»
        return tokens[word].lemma in vocab.leader_nouns and "Number=Plur" in tokens[word].feats \
            and any(tokens[g].rel == "nmod" and by_kind(g) for g in ctx.children.get(word, []))

    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    if not subjects:  # (a subject the parse hung elsewhere: «По итогам визита главы …»)
        subjects = [t for t in range(ctx.sentence(tokens[verb].sent_id).start, verb)
                    if "Case=Nom" in tokens[t].feats and their_heads(t)]
    return any(by_kind(c) or their_heads(c) for c in subjects)


def _sides_before_break(ctx: Context, verb: int) -> list[int]:
    """«Компания A стала партнёром технопарка B: стороны подписали соглашение»: the parties
    of the sentence before a colon or semicolon, where the signing verb after it has the
    sides by their kind for its subject and no one named after the break."""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[verb].sent_id)
    if not _sides_by_kind(ctx, verb):
        return []
    brk = next((u for u in range(verb - 1, sentence.start, -1)
                if tokens[u].text in (":", ";") and u not in ctx.mention_at), None)
    after = list(range(brk + 1, sentence.stop)) if brk is not None else []
    if brk is None or _parties(ctx, after) or any(
            ctx.mention_type(i) == "PER" for i in ctx.mentions_in(after)):
        return []
    return list({ctx.entity(i): i for i in _parties(ctx, list(range(sentence.start, brk)),
                                                  employers=True)}.values())


def _papers_clause(ctx: Context, signed: int) -> int:
    """The verb of the clause the signed papers are in («обменялись подписанными
    документами»: the participle's noun's head); -1 where there is none."""
    tokens = ctx.doc.tokens
    papers = tokens[signed].head_id
    return tokens[papers].head_id if papers >= 0 else -1


# how many sentences back a paper's partner told with «с» is looked for
PARTNER_REACH = 2


def _partner_told_before(ctx: Context, sent_id: int, parties: list[int]) -> int | None:
    """The one party the sentence before names after an agreement noun's «с» («заключили
    меморандум о взаимопонимании с эмиратом D»), as an entity, where the sentence's own
    agreement noun is its subject or object with nothing of its own («Меморандум подписали
    …»): the other side of all the signers it lists; None otherwise. The nearest of
    ``PARTNER_REACH`` sentences before that names one counts."""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("agreement_nouns")
    if sent_id == 0 or not any(
            _is_noun(ctx, t, nouns) and tokens[t].rel in ("nsubj", "nsubj:pass", "obj")
            and not ctx.children.get(t) for t in ctx.sentence(sent_id)):
        return None
    own = {ctx.entity(p) for p in parties}
    for before in range(sent_id - 1, max(sent_id - 1 - PARTNER_REACH, -1), -1):
        found = set()
        for index in ctx.mentions_in(list(ctx.sentence(before))):
            t = with_partner(ctx, index)
            if t is not None and ctx.mention_type(index) in ("ORG", "LOC", "PARK") and any(
                    _is_noun(ctx, w, nouns)
                    for w in range(ctx.doc.sentences[before].first_token, t)):
                found.add(ctx.entity(index))
        if found:
            return found.pop() if len(found) == 1 and not found & own else None
    return None


def _refers_back(ctx: Context, sent_id: int) -> bool:
    """Is the sentence's agreement one the sentence before stated («Соответствующее соглашение
    подписано …»), with no one named here who could be a party?"""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("agreement_nouns")
    sentence = ctx.sentence(sent_id)
    if sent_id == 0 or any(ctx.mention_type(i) in ("ORG", "LOC", "PARK", "PER")
                           for i in ctx.mentions_in(sentence)):
        return False
    return any(_is_noun(ctx, t, nouns) and any(
        tokens[c].lemma in ctx.vocab.words("agreement_anaphors")
        for c in ctx.children.get(t, [])) for t in sentence)


def _signers(ctx: Context, scope: list[int]) -> list[int]:
    """The persons of ``scope`` who can sign: not one after a preposition or a noun other
    than his post («в присутствии губернатора Ивана Петрова»), but «с мэром Иваном Петровым»."""
    tokens, found = ctx.doc.tokens, []
    for index in ctx.mentions_in(scope):
        if ctx.mention_type(index) != "PER":
            continue
        t = ctx.first(index) - 1
        while t >= 0 and (t in ctx.mention_at or ctx.vocab.is_title(tokens[t].lemma)
                          or tokens[t].pos == "ADJ" or tokens[t].lemma == "и"):
            t -= 1  # past the post and its employer («главой города Б»)
        if t >= 0 and ((tokens[t].pos == "ADP" and tokens[t].lemma not in ("с", "со"))
                       or tokens[t].pos in ("NOUN", "PROPN")) and not _month_of_date(ctx, t) \
                and not _named_subject(ctx, index):
            continue
        found.append(index)
    return found


def _named_subject(ctx: Context, index: int) -> bool:
    """Does the person name a post in the nominative («подписали заместитель председателя
    правительства — министр экономики области Иван Петров и …»: the name in apposition to a
    post that can be a subject), however long the post before the name? Not a witness's
    name («в присутствии губернатора Ивана Петрова»)."""
    tokens = ctx.doc.tokens
    word = ctx.first(index)
    head = tokens[word].head_id
    return tokens[word].rel == "appos" and head >= 0 and tokens[head].pos == "NOUN" \
        and ctx.vocab.is_title(tokens[head].lemma) and "Case=Nom" in tokens[head].feats


def _month_of_date(ctx: Context, t: int) -> bool:
    """Is token ``t`` the month of a date («7 октября Иван Петров и …»): a date before a
    signer is no noun his name depends on?"""
    tokens = ctx.doc.tokens
    return tokens[t].lemma in ctx.vocab.months and t > 0 and tokens[t - 1].text.isdigit()


def _employer_of(ctx: Context, person: int) -> int | None:
    """The one organisation or place the document has the person work for (not the place of
    an unnamed institution his title names: «директор библиотеки Фуюаня X» signs for the
    library)."""
    employers = {employer for who, employer, _ in ctx.found_of("WORKS_FOR")
                 if who == ctx.entity(person)
                 and ctx.doc.entities[employer].type in ("ORG", "LOC")}
    if len(employers) != 1:
        return None
    employer = employers.pop()
    return None if _institution_place(ctx, person, employer) else employer


def _institution_place(ctx: Context, person: int, employer: int) -> bool:
    """Is the place right before the person's name the employer, after an institution's head
    word («библиотеки Фуюаня X», «системы детских библиотек Хабаровска X»)?"""
    place = ctx.mention_at.get(ctx.first(person) - 1)
    if place is None or ctx.entity(place) != employer or ctx.mention_type(place) != "LOC":
        return False
    before = ctx.first(place) - 1
    return before >= 0 and before not in ctx.mention_at and _institution_word(ctx, before)


def _institution_word(ctx: Context, t: int) -> bool:
    """Is the word an institution's or company's head (``institution_heads``, ``org_heads``),
    not one that names a field in a title (``institution_field_nouns``: «сельского
    хозяйства»)?"""
    lemma, vocab = ctx.doc.tokens[t].lemma, ctx.vocab
    return (lemma in vocab.words("institution_heads") or lemma in vocab.org_heads) \
        and lemma not in vocab.words("institution_field_nouns")


def _since_signing(ctx: Context, rule: RelationRule, sentence: list[int]) -> None:
    """«С момента подписания договора о побратимстве A и B продвинулись …», «После подписания
    соглашения A и B начали …»: the nominative list before the main verb signed it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    since = vocab.words("since_signing_words")
    signing = next((t for t in sentence if tokens[t].lemma in vocab.signing_nouns
                    and t - 1 >= sentence[0] and tokens[t - 1].lemma in since), None)
    if signing is None or ctx.in_speech(signing):
        return
    verb = next((t for t in sentence if t > signing and tokens[t].pos in ("VERB", "AUX")
                 and "VerbForm=Fin" in tokens[t].feats), None)
    if verb is None:
        return
    listed = [i for i in ctx.mentions_in(range(signing + 1, verb))
              if ctx.mention_type(i) in ("ORG", "LOC", "PARK")
              and any("Case=Nom" in tokens[m].feats for m in ctx.mention_tokens(i))]
    if len(listed) == 2 and ctx.last(listed[0]) + 2 == ctx.first(listed[1]) \
            and tokens[ctx.last(listed[0]) + 1].lemma == "и" \
            and ctx.last(listed[1]) + 1 >= verb - 2:  # the list right before the verb
        ctx.add(rule, ctx.entity(listed[0]), ctx.entity(listed[1]), tokens[signing].sent_id)


def _counterparts(ctx: Context, scope: list[int]) -> list[int]:
    """«с коллегами из A и B», «с партнёрами из A»: the places or organisations the other
    side comes from, up to the phrase's end."""
    tokens = ctx.doc.tokens
    nouns = ctx.vocab.words("counterpart_nouns")
    for t in scope:
        if tokens[t].lemma not in ("с", "со") or t + 3 >= len(tokens) \
                or tokens[t + 1].lemma not in nouns:
            continue
        if tokens[t + 2].lemma == "из":
            a = t + 3
        elif t + 2 in ctx.mention_at and "Case=Gen" in tokens[t + 2].feats:
            a = t + 2  # «с представителями Нижегородской области»
        else:
            continue
        found = []
        while a in ctx.mention_at and ctx.mention_type(ctx.mention_at[a]) in ("ORG", "LOC"):
            found.append(ctx.mention_at[a])
            a = ctx.last(ctx.mention_at[a]) + 1
            if a + 1 < len(tokens) and tokens[a].text in (",", "и") and a + 1 in ctx.mention_at:
                a += 1
        return found
    return []


def _titled_signer(ctx: Context, sentence: list[int], verb: int) -> bool:
    """Is the verb's subject a person with a company of his own («Генеральный директор
    холдинга «A» X, вошедший в состав делегации, подписал …»): he signs for it, not for the
    group he travels with?"""
    return any(ctx.first(person) in sentence
               and (employer := _employer_of(ctx, person)) is not None
               and ctx.doc.entities[employer].type == "ORG"
               for person in subject_persons(ctx, verb))


def _delegation_origin(ctx: Context, sentence: list[int] | range) -> int | None:
    """The one origin (a place or organisation) of the delegations the sentence names
    («делегация из A», «в ходе визита делегации A»), where it is known."""
    groups = {ctx.delegation_entity(r) for r in ctx.refs if r.token in sentence}
    origins = {place for group, place, _ in ctx.found_of("DELEGATION_FROM") if group in groups}
    return origins.pop() if len(origins) == 1 else None


def _previous_signer(ctx: Context, sent_id: int, reach: int = 1) -> int | None:
    """The one named subject of a signing verb in the nearest of the ``reach`` sentences
    before that has one («Минпромторг заключил два соглашения», with a ``reach`` beyond the
    sentence before also «губернатор области A Иван Петров подписал …»: A), as an entity."""
    tokens = ctx.doc.tokens
    signing = ctx.vocab.words("agreement_verbs")
    for before in range(sent_id - 1, max(sent_id - 1 - reach, -1), -1):
        subjects = [c for t in ctx.sentence(before)
                    if tokens[t].lemma in signing and not ctx.planned(t)
                    and not ctx.in_speech(t) and (reach == 1 or _several_papers(ctx, t))
                    for c in ctx.children.get(t, []) if tokens[c].rel == "nsubj"]
        found = {ctx.entity(ctx.mention_at[c]) for c in subjects if c in ctx.mention_at
                 and ctx.mention_type(ctx.mention_at[c]) in ("ORG", "LOC", "PARK")
                 and not ctx.title_dependent(ctx.mention_at[c])}
        if reach > 1:  # a signer with his post: his one employer
            found |= {employer for c in subjects for person in _signer_named(ctx, c)
                      if (employer := _employer_of(ctx, person)) is not None}
        if subjects:
            return found.pop() if len(found) == 1 else None
    return None


def _signed_without_signer(ctx: Context, verb: int) -> bool:
    """Is the signing told in the passive with the paper as its subject and no signer
    («подписано соглашение с B»)?"""
    tokens = ctx.doc.tokens
    children = ctx.children.get(verb, [])
    return "Voice=Pass" in tokens[verb].feats and not any(
        tokens[c].rel in ("nsubj", "obl:agent") for c in children) and any(
        tokens[c].rel == "nsubj:pass" and tokens[c].lemma in ctx.vocab.words("agreement_nouns")
        for c in children)


def _subject_side_before(ctx: Context, sent_id: int, reach: int = 3) -> int | None:
    """The one side the nearest of the ``reach`` sentences before that names one has as the
    subject of its verbs: a named organisation or place, the employer of a named person
    («губернатор области A Иван Петров принял участие …»: A), or a delegation's origin; as an
    entity. Not the outlet that reports («РИА «B» информирует, что …»); the search stops at
    a sentence of another signing."""
    signing = ctx.vocab.signing_words
    for before in range(sent_id - 1, max(sent_id - 1 - reach, -1), -1):
        sentence = ctx.sentence(before)
        sides = _subject_sides(ctx, sentence)
        if sides:
            return sides.pop() if len(sides) == 1 else None
        if any(ctx.doc.tokens[t].lemma in signing for t in sentence):
            return None
    return None


def _topic_side_before(ctx: Context, sent_id: int) -> int | None:
    """The one side the sentence right before has as the subject of its verbs, where that
    sentence tells of no signing (after «A подписал соглашение с B» a signing with no signer
    may be anyone's), as an entity."""
    if sent_id == 0 or any(ctx.doc.tokens[t].lemma in ctx.vocab.signing_words
                           for t in ctx.sentence(sent_id - 1)):
        return None
    return _subject_side_before(ctx, sent_id, reach=1)


def _subject_sides(ctx: Context, sentence: range) -> set[int]:
    """The sides a sentence has as the subjects of its finite verbs (see
    ``_subject_side_before``)."""
    tokens = ctx.doc.tokens
    sources = ctx.vocab.words("source_verbs")
    subjects = [t for t in sentence if tokens[t].rel == "nsubj"
                and is_finite_verb(tokens[tokens[t].head_id])
                and tokens[tokens[t].head_id].lemma not in sources]
    subjects += [c for t in subjects for c in ctx.children.get(t, []) if tokens[c].rel == "conj"]
    origin = _delegation_origin(ctx, sentence)  # a group's, where a group is a subject
    sides: set[int] = set()
    for subject in subjects:
        # the name itself, or the name after its generic head («компания «A»»)
        for word in (subject, *(c for c in ctx.children.get(subject, [])
                                if tokens[c].rel in ("appos", "flat:name"))):
            index = ctx.mention_at.get(word)
            if index is not None and ctx.mention_type(index) in ("ORG", "LOC", "PARK") \
                    and not ctx.title_dependent(index):
                sides.add(ctx.entity(index))  # («ОЭЗ «Y» вошла в рейтинг»: a zone acts too)
        for person in _signer_named(ctx, subject):
            employer = _employer_of(ctx, person)
            if employer is not None:
                sides.add(employer)
        if ctx.ref_at(subject) is not None and origin is not None:
            sides.add(origin)
    return sides


def _several_papers(ctx: Context, verb: int) -> bool:
    """Does the signing verb act on several agreements («заключил шесть соглашений»,
    «подписал соглашения с четырьмя компаниями»), which the sentences after may list?"""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("agreement_nouns")
    return any(tokens[c].lemma in nouns and "Number=Plur" in tokens[c].feats
               for c in ctx.children.get(verb, []))


def _signer_named(ctx: Context, subject: int) -> list[int]:
    """The person a signing verb's subject names: the subject itself, or the name in
    apposition to a post («губернатор области Иван Петров»)."""
    tokens = ctx.doc.tokens
    words = [subject, *(c for c in ctx.children.get(subject, [])
                        if tokens[c].rel in ("appos", "flat:name"))]
    return [ctx.mention_at[w] for w in words if w in ctx.mention_at
            and ctx.mention_type(ctx.mention_at[w]) == "PER"]


def _partner_after(ctx: Context, scope: list[int], stop: int) -> list[int]:
    """«подписала соглашение о сотрудничестве с Китаем»: the «с»-phrase after the
    agreement's subject matter, up to its first comma that does not go on with the list
    («с компанией A, корпорацией B и фондом C»)."""
    tokens = ctx.doc.tokens
    after = [t for t in scope if t > stop]
    start = next((t for t in after if tokens[t].lemma in ("с", "со") and t not in ctx.mention_at
                  and _named_at(ctx, after_lower_adjectives(ctx, t + 1))), None)
    if start is None:
        # «с тремя управлениями (, созданными …), — A, B и C»: the list after the dash
        start = next((dash for t in after if tokens[t].lemma in ("с", "со")
                      and t not in ctx.mention_at
                      for dash in [_dash_list_after(ctx, t)] if dash is not None), None)
        if start is not None:  # (past an aside the scope left out)
            after = list(range(start, ctx.sentence(tokens[start].sent_id).stop))
    if start is None:
        return []
    phrase = []
    for t in after:
        if t < start:
            continue
        if tokens[t].text in (",", ";") and t not in ctx.mention_at \
                and not (tokens[t].text == "," and _list_goes_on(ctx, t)):
            break
        phrase.append(t)
    return phrase


def _dash_list_after(ctx: Context, t: int) -> int | None:
    """The dash that opens the list of names a «с» phrase of a plural noun announces («с
    тремя управлениями, созданными в мае, — Управлением A, B и C»), if any."""
    tokens = ctx.doc.tokens
    noun = tokens[t].head_id
    if noun < 0 or "Number=Plur" not in tokens[noun].feats or tokens[noun].pos != "NOUN":
        return None
    dash = next((d for d in range(noun + 1, min(noun + WITH_LIST_REACH, len(tokens)))
                 if tokens[d].text == DASH and tokens[d].sent_id == tokens[t].sent_id), None)
    if dash is None or dash + 2 >= len(tokens):
        return None
    named = dash + 1 if dash + 1 in ctx.mention_at else dash + 2
    return dash if named in ctx.mention_at \
        and ctx.mention_type(ctx.mention_at[named]) in PARTY_TYPES else None


def _with_list_after(ctx: Context, scope: list[int], verb: int) -> list[int]:
    """The scope and the comma chunks after it that go on with a «с»-list of partners begun
    after the verb («подписала соглашение с компанией A, корпорацией B и фондом C»)."""
    tokens = ctx.doc.tokens
    if not any(t > verb and tokens[t].lemma in ("с", "со") for t in scope):
        return scope
    extended = list(scope)
    for chunk in ctx.chunks(tokens[verb].sent_id):
        if chunk[0] <= extended[-1]:
            continue
        comma = chunk[0] - 1  # chunks leave their breaks out
        if comma != extended[-1] + 1 or tokens[comma].text != "," \
                or not _list_goes_on(ctx, comma) or _has_verb(ctx, chunk):
            break
        extended.extend(chunk)  # (chunks after the scope's last token: none repeated)
    return extended


def _has_verb(ctx: Context, chunk: list[int]) -> bool:
    """Does the chunk have a verb of its own: another clause whose agent or object only
    looks like a partner listed on («с банком «A», заводом «B» подписан контракт …»)?"""
    return any(ctx.doc.tokens[t].pos in ("VERB", "AUX") and t not in ctx.mention_at
               for t in chunk)


def _named_at(ctx: Context, t: int) -> bool:
    """Does a name begin at ``t``, or right after a generic head or a legal form there
    («заводом «Бета»», «ОАО «Бета»»)?"""
    return _name_start(ctx, t, ctx.vocab.heads_before_names) is not None


def _name_start(ctx: Context, t: int, heads: frozenset[str]) -> int | None:
    """Where a mention is at ``t``, or right after a generic head (one of ``heads``) or a
    legal form there: ``t``, or the word after it; None where neither is."""
    if t in ctx.mention_at:
        return t
    tokens = ctx.doc.tokens
    if t < len(tokens) and (tokens[t].lemma in heads or ctx.legal_form(t)) \
            and t + 1 in ctx.mention_at:
        return t + 1
    return None


def _list_goes_on(ctx: Context, comma: int) -> bool:
    """Does the «с»-list go on after the comma: a name (or a generic head and a name) in the
    instrumental like the list's first («с компанией A, корпорацией B и фондом C»; a legal
    form, which does not decline, as a conjunct: «с A, ОАО «B»»), or a new «с» before one
    («с A, с B»)? Not an aside about a partner («с компанией A, резидентом парка B»), not a
    party of another clause («с A, область — с B»)."""
    tokens = ctx.doc.tokens
    nxt = comma + 1
    if nxt >= len(tokens) or tokens[nxt].sent_id != tokens[comma].sent_id or not _named_at(
            ctx, nxt + 1 if tokens[nxt].lemma in ("с", "со") else nxt):
        return False
    if tokens[nxt].lemma in ("с", "со"):
        return nxt not in ctx.mention_at
    if ctx.legal_form(nxt):
        return tokens[nxt].rel == "conj"
    word = ctx.mention_root(ctx.mention_at[nxt]) if nxt in ctx.mention_at else nxt
    return word is not None and "Case=Ins" in tokens[word].feats \
        and tokens[word].lemma not in ctx.vocab.words("resident_words")


def _add_parties(ctx: Context, rule: RelationRule, parties: list[int], sent_id: int,
                 every_pair: bool = False) -> None:
    """The first party agrees with each of the others (with ``every_pair``, each with each)."""
    firsts = parties[:-1] if every_pair else parties[:1]
    for i, first in enumerate(firsts):
        for other in parties[i + 1:]:
            ctx.add(rule, ctx.entity(first), ctx.entity(other), sent_id)


def _agreement_sentences(ctx: Context, rule: RelationRule) -> list[int]:
    """Sentences about an agreement: an agreement noun with a signing verb, noun or
    signature («поставили подписи под соглашением»), or a verb that is an agreement by
    itself («договорились»)."""
    vocab = ctx.vocab
    nouns = vocab.words("agreement_nouns")
    signing = vocab.signing_words | vocab.words("signature_nouns")
    alone = vocab.words("agreement_alone_verbs")
    found = []
    previous: set[str] = set()
    every = [{ctx.doc.tokens[t].lemma for t in ctx.sentence(sent_id)} | {
        f"{ctx.doc.tokens[t - 1].lemma} {ctx.doc.tokens[t].lemma}"
        for t in ctx.sentence(sent_id) if t > 0} | (  # «дорожная карта»
        # «подписали документ о сотрудничестве»: the sentence names an agreement
        {"соглашение"} if any(_cooperation_paper(ctx, t) for t in ctx.sentence(sent_id))
        else set()) for sent_id in range(len(ctx.doc.sentences))]
    for sent_id, lemmas in enumerate(every):
        following = every[sent_id + 1] if sent_id + 1 < len(every) else set()
        if ctx.news_feed(sent_id):
            continue  # a list of other news, with times: not this article's signing
        if (lemmas & nouns and lemmas & signing) or lemmas & alone or (
                # «Подписание состоялось в Берне. Свои подписи поставили директор A и директор
                # B. Меморандум даёт старт …»: signatures between sentences about the document
                lemmas & vocab.words("signature_nouns")
                and (previous & (nouns | vocab.signing_nouns) or following & nouns)) or (
                # «Подписано соглашение о … . Его заключили A совместно с B и C.», «…
                # Документ подписали губернатор X и директор компании Y.»
                previous & nouns and _pronoun_object(ctx, sent_id, signing)) or (
                # «по итогам переговоров A и B подписаны четыре документа»
                _pronoun_object(ctx, sent_id, signing, counted=True)) or (
                # «стороны обменялись подписанными документами»
                _signed_papers_exchanged(ctx, sent_id)) or (
                # «С белорусской стороны документ подписал X, с российской — Y»
                _pronoun_object(ctx, sent_id, signing) and _sides_named(ctx, sent_id)) or any(
                _formalising_verb(ctx, t) for t in ctx.sentence(sent_id)):
            found.append(sent_id)
        if _words(ctx, sent_id) >= 4:  # past «Читать нас в …», «Реклама» between the two
            previous = lemmas
    return found


def _sides_named(ctx: Context, sent_id: int) -> bool:
    """Does the sentence tell who signed for each side («с белорусской стороны …», «со
    стороны области A …»): a «с» before a side noun, past its adjectives?"""
    tokens, sides = ctx.doc.tokens, ctx.vocab.words("party_nouns")
    return any(tokens[t].lemma in ("с", "со") and (side := after_lower_adjectives(ctx, t + 1))
               < len(tokens) and tokens[side].lemma in sides for t in ctx.sentence(sent_id))


def _signed_papers_exchanged(ctx: Context, sent_id: int) -> bool:
    """Does the sentence tell of signed papers exchanged («стороны обменялись подписанными
    документами», «… подписанными соглашениями»): a past signing participle on an agreement
    or a «документ» that an exchange verb governs?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    papers = vocab.words("agreement_nouns") | vocab.words("agreement_references")
    return any(
        tokens[t].lemma in vocab.words("agreement_verbs") and "VerbForm=Part" in tokens[t].feats
        and tokens[t].rel == "amod" and (paper := tokens[t].head_id) >= 0
        and tokens[paper].lemma in papers and tokens[paper].head_id >= 0
        and tokens[tokens[paper].head_id].lemma in vocab.words("exchange_verbs")
        for t in ctx.sentence(sent_id))


def _words(ctx: Context, sent_id: int) -> int:
    """The number of words in the sentence (no punctuation, no numbers)."""
    return sum(ctx.doc.tokens[t].text.isalpha() for t in ctx.sentence(sent_id))


def _pronoun_object(ctx: Context, sent_id: int, signing: frozenset[str],
                    counted: bool = False) -> bool:
    """Does a signing verb of the sentence take a pronoun or a «документ» for its object
    («его заключили», «документ подписали», «подписи под документом поставили»)? With
    ``counted`` a counted «документ» («подписаны четыре документа», «ряд документов»: the
    documents of a meeting; one «документ» alone may be any paper)."""
    tokens = ctx.doc.tokens
    references = ctx.vocab.words("agreement_references")
    quantities = ctx.vocab.words("document_quantity_words")

    def reference(c: int) -> bool:
        if counted and tokens[c].lemma in quantities:  # «подписали ряд документов»
            return any(tokens[d].lemma in references for d in ctx.children.get(c, []))
        return tokens[c].lemma in references and (not counted or any(
            tokens[q].pos == "NUM" or tokens[q].lemma in quantities
            for q in ctx.children.get(c, [])))

    return any(tokens[t].lemma in signing and any(
        tokens[c].rel in ("obj", "nsubj:pass", "nmod", "obl") and reference(c)
        for c in ctx.children.get(t, []))
        for t in ctx.sentence(sent_id))


def _news_source(ctx: Context, index: int) -> bool:
    """«Как сообщает агентство X, подписано соглашение»: the outlet that reports the signing
    is no party (a source verb and the outlet's kind, ``news_outlet_nouns``, right before
    it); a body that reports its own signing («сообщает компания X») is."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t = ctx.first(index) - 1
    return t > 0 and t not in ctx.mention_at \
        and tokens[t].lemma in vocab.words("news_outlet_nouns") \
        and tokens[t - 1].lemma in vocab.words("source_verbs")


def _places_bracketed_after_name(ctx: Context, index: int) -> bool:
    """Is the place one of those a bracket right after a name holds, with their descriptors
    only («Ланьчжоу (провинция Ганьсу, Китай)»): where the name before is, no party?"""
    tokens = ctx.doc.tokens
    sent_id = tokens[ctx.first(index)].sent_id
    opening = next((t for t in range(ctx.first(index) - 1, -1, -1)
                    if tokens[t].text in ("(", ")") or tokens[t].sent_id != sent_id), None)
    if opening is None or tokens[opening].text != "(" or opening - 1 not in ctx.mention_at:
        return False
    closing = next((t for t in range(ctx.last(index) + 1, len(tokens))
                    if tokens[t].text in ("(", ")") or tokens[t].sent_id != sent_id), None)
    if closing is None or tokens[closing].text != ")":
        return False
    descriptors = ctx.vocab.place_descriptors
    return all(tokens[t].text == "," or tokens[t].lemma in descriptors
               or (t in ctx.mention_at and ctx.mention_type(ctx.mention_at[t]) == "LOC")
               for t in range(opening + 1, closing))


def _parties(ctx: Context, scope: list[int], employers: bool = False) -> list[int]:
    """The organisations, parks and places of ``scope`` that can sign: not a place that only says
    where a party is («зонами в Бресте и Гродно»), not a place after a noun («правительство
    Китая», but «городом Горки» is a party), not the owner right after an organisation
    («агентством Минэнерго»), not a news agency's dateline; an employer in a title phrase
    only with ``employers`` («губернатор области X подписал с директором компании Y»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    parties: list[int] = []
    dropped: int | None = None  # a place left out: its coordinated neighbour goes too
    for index in ctx.mentions_in(scope):
        mention = ctx.doc.mentions[index]
        if mention.type not in ("ORG", "LOC", "PARK"):
            continue
        first, last = ctx.first(index), ctx.last(index)
        before = tokens[first - 1] if first > 0 else None
        # «зонами в Бресте и Гродно»: a place listed with a dropped one (an organisation
        # after it is a party of its own: «агентством при Президенте Y и организацией Z»)
        # (not one in another case: «между районом A Крыма и районом B», Крыма is no list)
        coordinated = dropped is not None and before is not None and before.text in (
            ",", "и") and first - 1 == dropped + 1 and mention.type == "LOC" \
            and not ctx.other_case(ctx.mention_at[dropped], index)
        dateline = ctx.dateline(index) or ctx.dateline(index, any_part=True)
        # the owner right before must be in the same sentence (not a source line ending
        # in a quoted name, then the party opening the next sentence)
        # (not a place in the nominative: «На заводе компании «A» область и B подписали»)
        owner = before is not None and before.sent_id == mention.sent_id \
            and first - 1 in ctx.mention_at \
            and ctx.mention_type(ctx.mention_at[first - 1]) in ("ORG", "PARK") \
            and not (mention.type == "LOC" and "Case=Nom" in tokens[first].feats) \
            and not (tokens[first].text in QUOTE_MARKS and _venue(ctx, ctx.mention_at[first - 1]))
        # (a quoted name right after the park where the signing was is a signer: «В
        # технопарке «X» «A» и «B» подписали»)
        # «Европейской сети бизнес-центров (EBN)»: a name in brackets after one is its alias
        alias = mention.type in ("ORG", "PARK") and before is not None and before.text == "(" \
            and first - 2 in ctx.mention_at \
            and ctx.mention_type(ctx.mention_at[first - 2]) in ("ORG", "PARK")
        if alias or _paper_named(ctx, index) or _venue(ctx, index) or _witnessed(ctx, index) \
                or _parent_of(ctx, index) \
                or _circumstance(ctx, index) or _people_of(ctx, index) \
                or ctx.names_only_parts(index) or _news_source(ctx, index) \
                or _topic_of_paper(ctx, index):
            continue
        # «компаниями A (КНР) и B (ОАЭ)»: a place alone in brackets says where the name
        # before it is
        bracketed = mention.type == "LOC" and (ctx.bracketed_alone(index)
                                               or _places_bracketed_after_name(ctx, index))
        if ctx.located_part(index) or coordinated or dateline or owner or bracketed \
                or _of_an_event(ctx, index):
            dropped = last if mention.type == "LOC" else None
            continue
        if mention.type == "LOC" and before is not None and place_of_named_body(ctx, index):
            dropped = last  # «с компанией провинции Сычуань X»: where X is, not a party
            continue
        if mention.type == "LOC" and before is not None \
                and before.lemma in vocab.words("business_community_nouns"):
            dropped = last  # «представители бизнеса области A и провинции B»: no party
            continue
        descriptors = vocab.place_descriptors
        employer = ctx.title_dependent(index) and not _conjunct_of(ctx, first, parties)
        if mention.type == "LOC" and before is not None and first - 1 in ctx.mention_at \
                and ctx.mention_type(ctx.mention_at[first - 1]) == "LOC" \
                and "Case=Nom" not in tokens[first].feats:
            # «заместителем акима Туркестанской области Казахстана»: the country of the
            # employer, not a side of its own
            dropped = last
            continue
        # «Правительства Китая и Казахстана подписали», «акиматом X», «власти области X»: a
        # place's own government or authorities sign for the place
        government = before is not None and first - 1 not in ctx.mention_at and (
            before.lemma in vocab.words("regional_government_nouns")
            or _authorities_sign(ctx, first - 1) or _on_behalf(ctx, first - 1))
        if mention.type == "LOC" and before is not None and not government \
                and tokens[before_lower_adjectives(ctx, first - 1)].lemma in ("в", "во", "на",
                                                                              "из"):
            dropped = last  # «подписан в казанском Кремле»: where, not who; «корпорация «B»
            continue  # из южнокорейского Пусана»: where B is from
        if mention.type == "LOC" and before is not None \
                and tokens[before_lower_adjectives(ctx, first - 1)].lemma == "по":
            dropped = last  # «региональный директор группы по Ближнему Востоку»: a post's
            continue  # field, no side
        if mention.type == "LOC" and before is not None and first - 1 not in ctx.mention_at \
                and _institution_word(ctx, first - 1) and "Case=Gen" in tokens[first].feats:
            # «руководитель библиотеки Фуюаня»: a body of the place no name gives signed,
            # not the place
            dropped = last
            continue
        if mention.type == "LOC" and before is not None and not government and (
                # «консулом КНР в Казани»: where the employer is, never a party
                before.lemma in ("в", "во", "на", "из") or not (employers and employer)) and (
                (before.pos in ("NOUN", "PROPN") and before.lemma not in descriptors
                 and "Case=Nom" not in tokens[first].feats)  # not «Осенью область …»
                # «компании «Бета» Кении»; not «В рамках форума «Альфа» область и …»
                or (first - 1 in ctx.mention_at and "Case=Nom" not in tokens[first].feats)
                or before.text == QUOTE_OPEN
                or before.lemma in ("в", "во", "на", "из")
                # «с городом Горки, Могилевской области»: where the party is
                or (before.text == "," and first >= 2 and first - 2 in ctx.mention_at
                    and "Case=Gen" in tokens[first].feats)
                # «провинции B (Китай)»: the country of the party
                or (before.text == "(" and first >= 2 and first - 2 in ctx.mention_at)):
            dropped = last
            continue
        dropped = None
        if employer and not employers:
            continue
        parties.append(index)
    return _without_described(ctx, parties)


def _without_described(ctx: Context, parties: list[int]) -> list[int]:
    """The parties less a descriptive one whose name follows in apposition («Калужский
    городок Медынцево» tagged as two: the town is one side, named by its name)."""
    tokens = ctx.doc.tokens
    named = set()
    for index in parties:
        root = ctx.mention_root(index)
        if root is not None and tokens[root].rel == "appos":  # right after it, no break
            named |= {other for other in parties if other != index
                      and ctx.last(other) + 1 == ctx.first(index)
                      and tokens[root].head_id in ctx.mention_tokens(other)}
    return [index for index in parties if index not in named]


def _paper_named(ctx: Context, index: int) -> bool:
    """Is the mention only the paper's own short name, tagged as a body («заключили
    СЗПК»): every word of it an agreement noun?"""
    nouns = ctx.vocab.words("agreement_nouns")
    return all(ctx.doc.tokens[t].lemma in nouns for t in ctx.mention_tokens(index))


def _on_behalf(ctx: Context, t: int) -> bool:
    """Does ``t`` close a phrase that names a side («со стороны области X», «от имени
    области X»): a place after it signs?"""
    tokens = ctx.doc.tokens
    return t >= 1 and tokens[t].lemma in ctx.vocab.words("behalf_nouns") \
        and tokens[t - 1].lemma in ("от", "с", "со")


def _authorities_sign(ctx: Context, t: int) -> bool:
    """Are the authorities at ``t`` a side themselves: the subject («власти области X
    подписали») or the «с»-partner («подписала соглашение с властями X»), not whose words
    or approval the sentence tells («по словам властей X», «одобрение властей X»)?"""
    tokens = ctx.doc.tokens
    if tokens[t].lemma not in ctx.vocab.words("authority_nouns"):
        return False
    subject = t if tokens[t].rel != "conj" else tokens[t].head_id  # «A и власти X подписали»
    if subject >= 0 and tokens[subject].rel in ("nsubj", "nsubj:pass"):
        return not ctx.governed(t)
    return ctx.governed(t, "с", "со")


def _parent_of(ctx: Context, index: int) -> bool:
    """Is the organisation only the parent of a party («компании «A», дочерней структуры ПАО
    «B»»): a subsidiary adjective among the three words before it, in an aside after another
    organisation's name (not «с дочерней компанией АО «B»»: B is the subsidiary itself)?"""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    return ctx.mention_type(index) == "ORG" and any(
        tokens[t].lemma in ctx.vocab.words("subsidiary_adjectives") and t >= 2
        and tokens[t - 1].text in (",", "—") and t - 2 in ctx.mention_at
        for t in range(max(first - 3, 0), first) if t not in ctx.mention_at)


def _witnessed(ctx: Context, index: int) -> bool:
    """Is the name in a phrase of who witnessed the signing («в присутствии губернатора
    области X Ивана Петрова»), which the witness's name closes?"""
    tokens = ctx.doc.tokens
    witness = ctx.vocab.words("witness_nouns")
    first = ctx.first(index)
    for t in range(first - 1, max(first - 12, 0), -1):
        token = tokens[t]
        if token.sent_id != tokens[first].sent_id or token.text in (",", ";") \
                or is_finite_verb(token) or (t in ctx.mention_at
                                             and ctx.mention_type(ctx.mention_at[t]) == "PER") \
                or (token.pos == "NOUN" and "Case=Nom" in token.feats):
            return False  # the witness's name, or a subject in the nominative, ends it
        if token.lemma in witness and tokens[t - 1].lemma in ("в", "во", "при"):
            return True
    return False


def _people_of(ctx: Context, index: int) -> bool:
    """Is the body only where the signers study or live («студенты университета X»,
    «жители области Y»): the genitive of a noun of people who sign for no body, right
    before it or through the name's generic head («студенты университета «X»»)?"""
    tokens = ctx.doc.tokens
    people = ctx.vocab.words("people_group_nouns")
    word = ctx.mention_root(index)
    for _ in range(2):  # the name, then the generic noun it is in apposition to
        if word is None or tokens[word].rel not in ("nmod", "appos", "flat:name"):
            return False
        head = tokens[word].head_id
        if head < 0 or head in ctx.mention_at:
            return False
        if tokens[head].lemma in people:
            return True
        word = head
    return False


def _circumstance(ctx: Context, index: int) -> bool:
    """Does the name only tell a circumstance of the signing: the genitive of a noun of
    ``signing_circumstance_nouns`` after a preposition («по инициативе посольства X», «при
    содействии фонда Y», «в доме правительства Z», «в рамках консорциума V»), itself or
    through a post or a noun of ``signing_frame_nouns`` between («по инициативе губернатора
    области X», «в рамках программы министерства X»)? Not «от имени X», «в лице Y» (the
    parties), nor of a post with a preposition of its own («с губернатором области»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    inside = ctx.mention_tokens(index)
    word = ctx.head_word(index, ctx.vocab.named_heads)
    if word is None or tokens[word].rel != "nmod" or "Case=Gen" not in tokens[word].feats \
            or any(ctx.governed(m) for m in {*inside, word}):
        return False  # «о сотрудничестве с X», «между X и Y»: a side with its own preposition
    head = tokens[word].head_id
    if head < 0 or head in ctx.mention_at or tokens[head].pos not in ("NOUN", "PROPN") \
            or tokens[head].lemma in vocab.words("agreement_nouns"):
        return False
    circumstances = vocab.words("signing_circumstance_nouns")
    if tokens[head].lemma not in circumstances and tokens[head].rel == "nmod" \
            and "Case=Gen" in tokens[head].feats and tokens[head].head_id >= 0 \
            and (vocab.is_title(tokens[head].lemma)
                 or tokens[head].lemma in vocab.words("signing_frame_nouns")) \
            and not ctx.governed(head):
        # «в рамках программы министерства X», «по инициативе губернатора области X» (not
        # «в рамках сотрудничества компаний X и Y»: the parties)
        head = tokens[head].head_id
    elif vocab.is_title(tokens[head].lemma):
        return False
    return tokens[head].lemma in circumstances and ctx.governed(head)


def _of_an_event(ctx: Context, index: int) -> bool:
    """Does the place only say whose an event is, in a genitive hung through a noun of its
    own on an event noun («на форуме регионов Кедрии и Ольхонии «X»»)?"""
    tokens, events = ctx.doc.tokens, ctx.vocab.words("event_nouns")
    word = ctx.mention_root(index)
    if word is not None and tokens[word].rel == "conj":
        word = tokens[word].head_id  # «… Кедрии и Ольхонии»: as the first of the list
    if ctx.mention_type(index) != "LOC" or word is None or word < 0 \
            or tokens[word].rel != "nmod" \
            or any(tokens[c].rel == "case" for c in ctx.children.get(word, [])):
        return False
    head = tokens[word].head_id
    return head >= 0 and tokens[head].pos == "NOUN" and head not in ctx.mention_at \
        and tokens[head].head_id >= 0 and tokens[tokens[head].head_id].lemma in events


def _topic_of_paper(ctx: Context, index: int) -> bool:
    """Does the name only say what the paper is about: a genitive that hangs, through a
    noun of its own, on an agreement noun («подписали Стратегию развития центра «X»», «план
    мероприятий по развитию парка X»)? Not the paper's own genitive («дорожная карта
    Министерства X и Министерства Y»: the parties)."""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("agreement_nouns")
    word = ctx.head_word(index, ctx.vocab.named_heads)
    if word is None or tokens[word].rel != "nmod" or "Case=Gen" not in tokens[word].feats:
        return False
    vocab = ctx.vocab
    # «между правительством области X», «с администрацией Y», «губернатором Z»: the party's
    # own body or post between, not a topic
    # («дорожную карту сотрудничества A и B»: whose partnership the paper sets, the parties)
    bodies = vocab.party_body_nouns
    head = tokens[word].head_id
    for _ in range(3):  # up through the nouns between the name and the paper
        if head < 0 or head in ctx.mention_at or tokens[head].pos != "NOUN" \
                or _is_noun(ctx, head, nouns) or tokens[head].rel != "nmod" \
                or tokens[head].lemma in bodies or vocab.is_title(tokens[head].lemma) \
                or ctx.governed(head, "между", "с", "со"):
            return False
        head = tokens[head].head_id
        if head >= 0 and head not in ctx.mention_at and _is_noun(ctx, head, nouns):
            return True
    return False


def _venue(ctx: Context, index: int) -> bool:
    """Does the name only say where the signing was («на площадке Национального центра
    «X»», «в здании компании «Y»»): premises after «в»/«на», then the name's genitive; a
    park in the locative after them («в технопарке «X»»)?"""
    if _body_of_setting(ctx, index):
        return True
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    premises = vocab.premises_and_grounds
    if _declined_nominative(ctx, index):
        return False  # «На полях форума Брянская областная дума и … подписали»: a subject
    t = ctx.first(index) - 1
    if t >= 0 and tokens[t].lemma in ("в", "во", "на") and ctx.mention_type(index) == "PARK" \
            and case_of(tokens[ctx.first(index)]) == "Loc":
        return True  # «В технопарке «X» A и B подписали …»: the park named with its type word
    while t > 0 and t > ctx.first(index) - 5 and t not in ctx.mention_at \
            and tokens[t].pos in ("ADJ", "NOUN"):
        if tokens[t].lemma in premises and tokens[t - 1].lemma in ("в", "во", "на"):
            return True
        if t == ctx.first(index) - 1 and tokens[t].pos == "NOUN" \
                and "Case=Nom" in tokens[t].feats:
            return False  # «На полях выставки компания «X» и … подписали»: the name's head
            # in the nominative, a subject
        t -= 1
    return False


def _declined_nominative(ctx: Context, index: int) -> bool:
    """Does the name open with a declined word in the nominative («Брянская областная
    дума»), not a quoted name that keeps one form in every case?"""
    first = ctx.doc.tokens[ctx.first(index)]  # («Агентство инвестиций …»: a PROPN too)
    return first.pos in ("ADJ", "NOUN", "PROPN") and "Case=Nom" in first.feats


def _body_of_setting(ctx: Context, index: int) -> bool:
    """Is the name hung on the noun of an event or meeting right before it (its genitive or
    apposition), set after «на»/«в» past its adjectives and number («На XIX заседании КИАН
    Венесуэла и Россия заключили …»: the body whose session it was, no party; not «На форуме
    Кедровская область и компания X подписали …», a subject)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t, word = ctx.first(index) - 1, ctx.mention_root(index)
    if t < 1 or t in ctx.mention_at or word is None or tokens[word].head_id != t or (
            tokens[t].lemma not in vocab.words("event_nouns")
            and tokens[t].lemma not in vocab.words("meeting_nouns")):
        return False
    t -= 1
    while t > 0 and t not in ctx.mention_at and tokens[t].pos in ("ADJ", "NUM"):
        t -= 1
    return tokens[t].lemma in ("в", "во", "на")


def _conjunct_of(ctx: Context, first: int, parties: list[int]) -> bool:
    """Is the token ``first`` coordinated with a party found before it («между агентством
    при Президенте X и организацией Y»: the title before is not Y's)?"""
    token = ctx.doc.tokens[first]
    head = ctx.mention_at.get(token.head_id) if token.rel == "conj" else None
    return head is not None and head in parties


def _of_a_common_noun(ctx: Context, index: int, start: int) -> bool:
    """Is the name a genitive after a place's word outside every name («район», «провинция»),
    or joined to one that is («Два района Кедрии и Ольхии стали побратимами»): the place of
    parties unnamed? (Not «главы муниципалитетов Кедровска и Ольховска»: the towns.)"""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    while first > start and "Case=Gen" in tokens[first].feats:
        before = first - 1
        if tokens[before].lemma in ctx.vocab.place_descriptors and before not in ctx.mention_at:
            return True
        if tokens[before].lemma != "и" or before - 1 not in ctx.mention_at:
            return False
        first = ctx.first(ctx.mention_at[before - 1])
    return False


@matcher("twinned")
def twinned(ctx: Context, rule: RelationRule) -> None:
    """«Омск и Павлодар стали городами-побратимами», «Павлодар стал побратимом Омска», «…
    стали побратимами с Томской областью»: the towns or regions a linking verb in the past
    makes twins, each with the partner after «с» or right after the noun (or with each other).
    Read off the words, not the parse: taggers take «побратимами» for an adjective."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    twins = vocab.words(rule.trigger)
    linking = vocab.words("become_verbs") | vocab.words("twinning_verbs")
    for token in tokens:
        t = token.token_id
        if token.lemma not in twins or ctx.in_speech(t):
            continue
        _new_twin(ctx, rule, t)
        verb = next((v for v in range(max(t - 3, 0), min(t + 3, len(tokens)))
                     if tokens[v].lemma in linking and tokens[v].sent_id == token.sent_id), None)
        if verb is None or "Tense=Past" not in tokens[verb].feats or ctx.planned(verb):
            continue
        start, end = ctx.clause_bounds(verb)
        parties, partners = [], []
        # «… отношения с городами X (КНР) и Y»: the names after the «с» past the twin word
        partner_from = next((w for w in range(t + 1, end) if tokens[w].lemma in ("с", "со")
                             and w not in ctx.mention_at), end)
        for index in ctx.mentions_in(range(start, end)):
            if ctx.mention_type(index) not in ("ORG", "LOC") or ctx.names_only_parts(index) \
                    or ctx.bracketed_alone(index):
                continue  # (a place in brackets says where the name before it is)
            first = ctx.first(index)
            before = tokens[first - 1].lemma if first > start else ""
            if first > t and (before == "с" or first == t + 1 or first > partner_from):
                partners.append(index)  # «… побратимами с X», «побратимом X»
            elif before not in ("в", "во", "на", "из", "с") and not (
                    parties and first == ctx.last(parties[-1]) + 1
                    and "Case=Gen" in tokens[first].feats) \
                    and not _of_a_common_noun(ctx, index, start):
                parties.append(index)  # (not «район Кыргызстана»: where the party is)
        if partners:
            for party in parties:
                for partner in partners:
                    ctx.add(rule, ctx.entity(party), ctx.entity(partner), token.sent_id)
        elif len(parties) >= 2:
            _add_parties(ctx, rule, parties, token.sent_id, every_pair=True)


def _new_twin(ctx: Context, rule: RelationRule, t: int) -> None:
    """«У Омска появился новый город-побратим — (это) столица Алтая Барнаул»: the town «у»
    names and the one in the nominative after the dash became twins."""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[t].sent_id)
    verb = next((v for v in range(max(t - 6, sentence.start), t)
                 if tokens[v].lemma in ctx.vocab.words("appearance_verbs")), None)
    if verb is None or "Tense=Past" not in tokens[verb].feats or ctx.planned(verb):
        return
    owner = next((ctx.mention_at[v + 1] for v in range(sentence.start, verb)
                  if tokens[v].lemma == "у" and v + 1 in ctx.mention_at), None)
    dash = next((d for d in range(t + 1, min(t + 3, sentence.stop))
                 if tokens[d].text in DASH_OR_HYPHEN), None)
    if owner is None or dash is None or ctx.mention_type(owner) not in ("ORG", "LOC"):
        return
    end = min(dash + 8, sentence.stop)
    end = next((v for v in range(dash + 1, end) if is_finite_verb(tokens[v])), end)
    partner = next((i for i in ctx.mentions_in(range(dash + 1, end))  # not «— сообщил X»
                    if "Case=Nom" in tokens[ctx.first(i)].feats), None)
    if partner is not None and ctx.mention_type(partner) in ("ORG", "LOC"):
        ctx.add(rule, ctx.entity(owner), ctx.entity(partner), tokens[t].sent_id)


def drop_attached_parties(ctx: Context) -> None:
    """«соглашение между акиматом X и госпиталем «Y» при университете «Z»»: a body named
    only after «при» in the sentence that states an agreement is what another side is
    attached to, not a side itself."""
    for key, relation in list(ctx.found.items()):
        if relation.type != "AGREEMENT_WITH":
            continue
        for side in (relation.arg1, relation.arg2):
            named = [i for i in ctx.mentions_in(ctx.sentence(relation.sent_id))
                     if ctx.entity(i) == side]
            if named and all(_attached_by_pri(ctx, i) for i in named):
                del ctx.found[key]
                break


def _attached_by_pri(ctx: Context, index: int) -> bool:
    """Does «при» open the mention's phrase («при университете «Z»», «при МИД»)?"""
    tokens, t = ctx.doc.tokens, ctx.first(index) - 1
    if t >= 0 and tokens[t].pos == "NOUN" and t not in ctx.mention_at:
        t -= 1  # the generic head before a quoted name
    return t >= 0 and tokens[t].lemma == "при"

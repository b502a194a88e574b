"""Who is who: WORKS_FOR (posts) and HEADED_BY (a delegation's head); MEMBER_OF_DELEGATION is
``members``, on the helpers at the end of this module (lists of persons, whose side a title
puts a person on).

WORKS_FOR: a title before or after a name («министр промышленности области X», «X,
директор компании Y»), «X из компании Y», «X возглавляет Y». HEADED_BY: «делегация во
главе с X» / «под руководством X» (past a long title, two heads joined by «и»), «делегацию
возглавили X и Y», «возглавляемая губернатором X», «X, возглавлявший делегацию»,
«руководитель (китайской) делегации, мэр N X», «X, руководитель делегации», «её руководитель
X», «главой делегации стал X», «под председательством X», an official named with the group of
his own place, «X и сопровождавшие его …», an official on a trip (named by the next sentence
where the trip gives his title alone, or by that title elsewhere), «X поведёт делегацию на сессию
ООН» (a head leading the group to a destination).
Vocabulary: ``post_titles``, ``title_prefixes``, ``leader_nouns``, ``lead_verbs``,
``delegation_leader_titles``, ``org_lead_verbs``, ``possessive_pronouns``, ``escort_verbs``,
``counterpart_nouns``, ``trip_nouns``, ``deputy_words``, ``deputy_prefixes``,
``team_playing_verbs``, ``group_side_nouns`` (side_signer), ``leading_verbs``,
``chair_nouns``, ``team_anaphors``, ``body_anaphors``, ``candidacy_words``, ``founder_titles``,
``nominating_party_nouns``, ``legislator_titles``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..doc import DELEGATION, Token, fold
from ..morph import dictionary_cases, parse_feats
from ..places import Place, gazetteer, is_town, region_of, word_lemma
from ..rules import RelationRule
from .bare_orgs import bare_anaphor, orgs_headed_by, resolve_bare_org
from .context import (
    BARE_REFERENCE,
    CHUNK_BREAKS,
    DASH,
    DASH_OR_HYPHEN,
    HOME_COUNTRY,
    NOMINAL_POS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    REFERENCE_SOURCE,
    Context,
    Delegation,
    Ref,
    bare_region_word,
    before_quotes,
    case_of,
    closing_bracket,
    escorted_person,
    feats_agree,
    is_federal_district,
    is_finite_verb,
    matcher,
    name_at,
    name_gender,
    name_head_noun,
    past_finite_verb,
    person_at,
    place_descriptor,
    region_words,
    resolve_place,
    same_place,
    subject_persons,
    topic_partner,
)
from .delegations import (
    adjective_home,
    adjective_place,
    antecedent_person,
    entity_naming,
    envoy_title,
    envoy_title_before,
    gazetteer_adjective,
    in_group,
    introducer,
    leader_named,
    lies_within,
    mention_place,
    name_place,
    official_place,
    past_title_adjectives,
    person_joined_to,
    person_named_group,
    staying_alone,
    staying_person,
    subject_person,
    title_adjective_place,
    title_place,
    title_with,
    token_origin,
    trip_envoy,
    unnamed_title_place,
    visitors,
)
from .places import place_of_adjective

# an organisation written in capitals (one small letter may stand second): «БГТУ», «КФУ»
ABBREVIATION_WORD = re.compile(r"[А-ЯЁ][А-ЯЁа-яё]?[А-ЯЁ]{1,6}")

# -- HEADED_BY -----------------------------------------------------------------------------


@matcher("group_named_by_head")
def group_named_by_head(ctx: Context, rule: RelationRule) -> None:
    """«В Омск прибыла группа Драгана Петровича»: the person a group is named by heads it."""
    for ref in ctx.refs:
        person = person_named_group(ctx, ctx.doc.tokens[ref.token])
        if person is not None:
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(person), ref.sent_id)


@matcher("headed_at_the_head")
def headed_at_the_head(ctx: Context, rule: RelationRule) -> None:
    """«делегация во главе с министром X», «под руководством X», «во главе делегации — X»,
    «губернатор X во главе делегации региона»."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in tokens:
        t = token.token_id
        if token.lemma not in vocab.leader_nouns or t == 0 \
                or tokens[t - 1].lemma not in ("в", "во", "под"):
            continue
        after = t + 1
        if after >= len(tokens):
            continue
        with_person = tokens[after].lemma in ("с", "со")
        if with_person or tokens[t - 1].lemma == "под":
            person = leader_named(ctx, after + 1 if with_person else after)
            scope = range(max(t - 4, 0), t)
            ref = ctx.nearest_ref(t, list(scope))
            led = t - 2  # the word «во главе с» follows
            if ref is not None and ref.token not in scope and led >= 0 \
                    and tokens[led].pos == "NOUN" and "Case=Nom" in tokens[led].feats \
                    and led not in ctx.mention_at and ctx.ref_at(led) is None:
                continue  # «Белорусские сенаторы во главе с X обсудили с гостем …»: the
                # people before it are led, no group of the text's
            if ref is not None and ref.token > t and any(
                    tokens[w].lemma in vocab.host_verbs for w in range(t + 1, ref.token)):
                continue  # «Муниципалитет во главе с советником X принимал делегацию»: the
                # hosts' head
            others = vocab.words("host_leader_nouns")
            if ref is not None and any(ctx.ref_at(w) is None and (
                    tokens[w].lemma in vocab.words("counterpart_nouns")
                    or tokens[w].lemma in vocab.words("joining_verbs")
                    or tokens[w].lemma in vocab.host_verbs
                    or (tokens[w].lemma in others and tokens[w - 1].lemma in ("с", "со")))
                    for w in range(ref.token + 1, t)):
                # «делегация … встретилась с представителями N во главе с X», «провела
                # переговоры с руководством компании N во главе с директором X», «к гостям
                # присоединились сотрудники министерства во главе с X», «гостей встретила
                # команда инженеров во главе с X»: another side's head
                continue
        elif tokens[after].lemma == "который":
            # «делегация из X, во главе которой находился посол Y Имя»: the group before
            ref = _relative_antecedent_ref(ctx, t, after)
            person = _head_after_relative(ctx, after)
        else:
            ref = next((r for a in range(after, min(after + 4, len(tokens)))
                        if (r := ctx.ref_at(a)) is not None), None) \
                or bare_group_ref(ctx, after)  # «Во главе группы — X»
            if ref is None and tokens[after].text in DASH_OR_HYPHEN \
                    and t - 1 == ctx.sentence(token.sent_id).start:
                ref = group_before(ctx, t)  # «Прибыла делегация X. Во главе — Y»
            person = ctx.first_mention_after(after + 1, ("PER",), 6)
            if person is None and ref is not None:
                person = _fronted_head_subject(ctx, t - 1, ref)
            if person is None and ref is not None and _own_stated_origin(ctx, ref):
                person = _relative_subject_person(ctx, t)  # «X, который прибыл во главе …»
            if person is None and ref is not None:
                person = _subject_of_verb_over(ctx, ref.token)  # «X прибыл во главе группы»
                group = ctx.delegations[ref.delegation]
                if person is not None and of_another_side(ctx, person, group.origin_entity,
                                                          group):
                    person = None  # (a post of another side: not this group's head)
            before = ctx.mention_at.get(t - 2)
            if person is None and before is not None and ctx.mention_type(before) == "PER":
                person = before  # «губернатор X во главе делегации региона»
                if ref is None and any(tokens[w].lemma in ("с", "со")
                                       for w in range(max(ctx.first(before) - 3, 0),
                                                      ctx.first(before))):
                    # «делегация с председателем X во главе»: the group before «с»
                    ref = ctx.nearest_ref(t, list(range(max(ctx.first(before) - 8, 0),
                                                        ctx.first(before))))
        if ref is not None and ref.source == "rule:delegation.part":
            continue  # a part's head is a member of the group (``member.part_head``)
        if person is not None and ref is not None:
            group = ctx.delegation_entity(ref)
            if with_person and (item := _listed_group_of_item(ctx, ref, t)) is not None:
                group = item  # «две делегации: компании «A» во главе с X и области B …»
            heads = [person]
            if ctx.first(person) > t and ctx.last(person) + 1 < len(tokens) \
                    and tokens[ctx.last(person) + 1].lemma == "и":  # (a text may end there)
                second = leader_named(ctx, ctx.last(person) + 2)  # «… X и министром Y»
                if second is not None and not any(
                        tokens[w].lemma in vocab.leader_nouns
                        for w in range(ctx.last(person) + 2, ctx.first(second))):
                    heads.append(second)  # (not the next item's: «… и области B во главе с Y»)
            for head in heads:
                ctx.add(rule, group, ctx.entity(head), token.sent_id)


def _listed_group_of_item(ctx: Context, ref: Ref, t: int) -> int | None:
    """«ещё две делегации: компании «A» во главе с X и Пензенской области во главе с Y»: the
    group (its entity) of those the word at ``ref`` lists whose home the list's item names
    right before «во главе» at ``t``; None where the item names none of them."""
    tokens = ctx.doc.tokens
    delegation = ctx.delegations[ref.delegation]
    if not delegation.listed_with:
        return None
    groups = [ctx.delegations[i] for i in (ref.delegation, *delegation.listed_with)]
    for w in range(t - 2, max(ref.token, t - 12), -1):
        if tokens[w].text in (",", ":", ";") or tokens[w].lemma == "и":
            return None
        index = ctx.mention_at.get(w)
        if index is None or ctx.mention_type(index) not in ("LOC", "ORG"):
            continue
        entity = ctx.entity(index)
        return next((g.entity_id for g in groups if g.origin_entity == entity), None)
    return None


@matcher("headed_gapped")
def headed_gapped(ctx: Context, rule: RelationRule) -> None:
    """«Делегацию A возглавил X, делегацию B — Y»: a second group word after a comma, its
    origin, a dash and a person, the verb of leading left out: Y heads B; «…, хакасскую —
    Y», «…, а хакасскую — Y» (or «… X. Хакасскую — Y»): the group word left out too."""
    tokens, leads = ctx.doc.tokens, ctx.vocab.words("lead_verbs")
    for ref in ctx.refs:
        t = ref.token
        opener = t - 2 if t > 1 and tokens[t - 1].lemma == "а" else t - 1  # («…, а делегацию B»)
        if opener < 0 or tokens[opener].text != "," \
                or tokens[t].lemma not in ctx.vocab.delegation_heads:
            continue
        sentence = ctx.sentence(ref.sent_id)
        verb = next((v for v in range(sentence.start, t) if tokens[v].lemma in leads
                     and is_finite_verb(tokens[v]) and not ctx.planned(v)), None)
        dash = next((d for d in range(t + 1, min(t + 8, sentence.stop))
                     if tokens[d].text in DASH_OR_HYPHEN), None)
        if verb is None or dash is None \
                or any(tokens[u].pos in ("VERB", "AUX") for u in range(t + 1, dash)):
            continue
        led = next((r for r in ctx.refs if r.sent_id == ref.sent_id and r.token < verb), None)
        person = leader_named(ctx, dash + 1)
        if person is None or led is None \
                or ctx.delegation_entity(led) == ctx.delegation_entity(ref):
            continue
        ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(person), ref.sent_id)
    for verb in (t.token_id for t in tokens if t.lemma in leads and is_finite_verb(t)
                 and not ctx.planned(t.token_id)):
        # «Красноярскую делегацию возглавил X, хакасскую — министр Y»: the group word left
        # out too, the group told by its place's adjective; the one of that origin
        sent_id = tokens[verb].sent_id
        # («… возглавил X. Нижегородскую — Y.»: the next sentence may open with it)
        following = [ctx.sentence(sent_id + 1).start] \
            if sent_id + 1 < len(ctx.doc.sentences) else []
        for at in [*ctx.sentence(sent_id), *following]:
            # (the tagger may take the lone adjective for a noun: the place it names decides)
            opening = at in following and tokens[at].text[:1].isupper()
            # (or after «, а»: «…, а магаданскую — Y»)
            joined = at > verb + 2 and ctx.contrast_at(at - 1)
            after_comma = at > verb + 1 and (tokens[at - 1].text == "," or joined) \
                and tokens[at].text.islower()
            if not (opening or after_comma) \
                    or at + 2 >= len(tokens) or tokens[at + 1].text not in DASH_OR_HYPHEN:
                continue
            place = adjective_place(ctx, tokens[at].lemma.lower(), head=True)
            person = leader_named(ctx, at + 2)
            # (the place as the text names it or by another of its names: «киргизскую» of a
            # group from «Киргизия», the word list's «Кыргызстан»)
            group = next((d for d in ctx.delegations if place is not None and d.origin
                          and (fold(d.origin) == fold(place[0])
                               or same_place(d.origin, place[0]))), None)
            within = [d for d in ctx.delegations if group is None and place is not None
                      and d.origin and lies_within(ctx, d.origin, d.origin_entity, place[0])]
            if len(within) == 1:
                group = within[0]  # «вьетнамскую — Y» of the one group from Хайзыонг
            if person is not None and group is not None:
                ctx.add(rule, group.entity_id, ctx.entity(person), tokens[verb].sent_id)


def _fronted_head_subject(ctx: Context, opening: int, ref: Ref) -> int | None:
    """«Во главе делегации России в Ташкент прибыл вице-премьер X», «С визитом в Минск во
    главе делегации области приехал губернатор X», «Во главе делегации из Вьетнама, прибывшей в
    Тверь, был заместитель министра X»: a «во главе» phrase standing before its clause's verb
    says where that verb's subject is; the head is the person the subject (or the title phrase
    after a verb of being) names."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    sent = tokens[opening].sent_id
    verb = next((v for v in range(ref.token + 1, len(tokens)) if tokens[v].sent_id != sent
                 or tokens[v].text == ";" or is_finite_verb(tokens[v])
                 or (tokens[v].pos == "AUX" and "VerbForm=Fin" in tokens[v].feats)), None)
    if verb is None or tokens[verb].sent_id != sent or tokens[verb].text == ";":
        return None
    if not _clause_opening(ctx, opening):
        return None
    if tokens[verb].lemma in vocab.words("copula_verbs") | vocab.words("head_position_verbs"):
        return leader_named(ctx, verb + 1) if verb + 1 < len(tokens) else None
    for child in ctx.children.get(verb, []):
        if tokens[child].rel != "nsubj":
            continue
        index = ctx.mention_at.get(child)
        if index is not None:
            return index if ctx.mention_type(index) == "PER" else None
        if vocab.is_title(tokens[child].lemma):
            return leader_named(ctx, child)
    return None


def _clause_opening(ctx: Context, opening: int) -> bool:
    """Does the phrase at ``opening`` stand before its clause's verb and subject: no finite
    verb and no person between the clause's start (the sentence's, or «,» «:» «;») and it
    («На этот раз во главе делегации …», not «Губернатор X во главе делегации …»)?"""
    tokens = ctx.doc.tokens
    for t in range(opening - 1, -1, -1):
        token = tokens[t]
        if token.sent_id != tokens[opening].sent_id or token.text in (",", ":", ";"):
            return True
        index = ctx.mention_at.get(t)
        if is_finite_verb(token) or (index is not None and ctx.mention_type(index) == "PER"):
            return False
    return True


def _relative_antecedent_ref(ctx: Context, t: int, relative: int) -> Ref | None:
    """The group word «во главе которой» refers back to: the one right before its comma (or
    the head of the words there, «делегация из Кении, во главе которой»), agreeing with the
    pronoun; None where the clause belongs to another noun («встретилась с администрацией
    города, во главе которой …»: the host body's head)."""
    tokens = ctx.doc.tokens
    # the comma the text may leave out («делегация из Японии во главе которой …»)
    comma = t - 2 if t >= 2 and tokens[t - 2].text == "," else t - 1
    refs = [r for r in ctx.refs_in(tokens[t].sent_id) if max(t - 6, 0) <= r.token < comma]
    if not refs:
        return None
    ref = max(refs, key=lambda r: r.token)
    word = comma - 1
    while word != ref.token and tokens[word].text in QUOTE_CLOSE:
        word -= 1
    for _ in range(4):  # up the tree from the word before the comma, through nouns only
        if word == ref.token or word < 0 or tokens[word].pos not in NOMINAL_POS:
            break
        word = tokens[word].head_id
    if word != ref.token:
        return None
    return ref if feats_agree(tokens[ref.token], tokens[relative]) else None


def _own_stated_origin(ctx: Context, ref: Ref) -> bool:
    """Does the group word after «во главе» state the origin of the group it was taken for
    («во главе делегации кенийских компаний» of the Kenyan group)? Not a host's own group
    («губернатор X, который прибыл во главе делегации области»)."""
    delegation = ctx.delegations[ref.delegation]
    origin = token_origin(ctx, ctx.doc.tokens[ref.token], "head")[0]
    return bool(origin) and bool(delegation.origin) and (
        fold(origin) == fold(delegation.origin) or gazetteer().same(origin, delegation.origin))


def _head_after_relative(ctx: Context, relative: int) -> int | None:
    """«во главе которой находился посол Y Имя», «… был мэр X»: the person the title phrase
    after the relative pronoun and its verb of being names."""
    tokens, t = ctx.doc.tokens, relative + 1
    if t < len(tokens) and tokens[t].lemma in ctx.vocab.words("copula_verbs") \
            | ctx.vocab.words("head_position_verbs"):
        t += 1
    return leader_named(ctx, t) if t < len(tokens) else None


def _relative_subject_person(ctx: Context, t: int) -> int | None:
    """«посол Франции Имя, который прибыл в Казань во главе делегации»: the person right
    before the comma of the relative clause of arrival «во главе» stands in."""
    tokens = ctx.doc.tokens
    travel = ctx.vocab.words("arrival_verbs") | ctx.vocab.words("visit_motion_verbs")
    for w in range(t - 1, max(t - 10, 0), -1):
        if tokens[w].sent_id != tokens[t].sent_id or tokens[w].text in (",", ";", ":"):
            break
        verb = tokens[w].head_id
        if tokens[w].lemma == "который" and tokens[w].rel == "nsubj" and verb >= 0 \
                and tokens[verb].lemma in travel:  # not «который был во главе» a host side
            return antecedent_person(ctx, w)
    return None


@matcher("headed_with_title")
def headed_with_title(ctx: Context, rule: RelationRule) -> None:
    """«делегация с губернатором Калужской области X»: the person a title joined to the
    group word by «с» names heads the group."""
    for ref in ctx.refs:
        t = title_with(ctx, ref.token)
        person = leader_named(ctx, t + 1) if t is not None else None
        if person is not None:
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(person), ref.sent_id)


def _relative_of_other_noun(ctx: Context, verb: Token, relative: int) -> bool:
    """Does a relative clause hang on an organisation's name or head noun before its pronoun
    that the pronoun agrees with, outside any group word's phrase («делегация побывала в
    компании «A», которую возглавляет X»: the company's; not «делегация Республики
    Татарстан, которую …»)?"""
    tokens, noun = ctx.doc.tokens, verb.head_id
    if not verb.rel.startswith("acl") or not 0 <= noun < relative \
            or not feats_agree(tokens[relative], tokens[noun]):
        return False
    named = ctx.mention_at.get(noun)
    if tokens[noun].lemma not in ctx.vocab.org_heads \
            and (named is None or ctx.mention_type(named) not in ("ORG", "PARK")):
        return False
    seen: set[int] = set()  # (a parse may loop: each word once)
    while noun >= 0 and noun not in seen:  # up from the noun: is it a word of a group's phrase?
        if ctx.ref_at(noun) is not None:
            return False
        seen.add(noun)
        noun = tokens[noun].head_id
    return True


# how many dashed items after «Группы возглавляли:» are read as the list
LISTED_HEADS_REACH = 6


@matcher("headed_listed_after_colon")
def headed_listed_after_colon(ctx: Context, rule: RelationRule) -> None:
    """«Группы возглавляли: — хоким области X Имя; — директор компании «Y» Имя»: after a lead
    verb of a group word and a colon, each item (the rest of the sentence, then each next
    sentence that opens with a dash) that names one person names a head: of the one group
    whose origin the item's title names."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        if token.lemma not in verbs or t + 1 >= len(tokens) or tokens[t + 1].text != ":" \
                or not any(tokens[c].lemma in vocab.group_words  # (its number may be misread)
                           for c in ctx.children.get(t, [])):
            continue
        sentence = ctx.sentence(token.sent_id)
        items = [range(t + 2, sentence.stop)] if t + 2 < sentence.stop else []
        for sent_id in range(token.sent_id + 1, token.sent_id + 1 + LISTED_HEADS_REACH):
            if sent_id >= len(ctx.doc.sentences):
                break
            following = ctx.sentence(sent_id)
            if tokens[following.start].text not in DASH_OR_HYPHEN:
                break
            items.append(following)
        for item in items:
            persons = [i for i in ctx.mentions_in(item) if ctx.mention_type(i) == "PER"]
            if len(persons) != 1:
                continue
            named = {ctx.entity(i) for i in ctx.mentions_in(item) if i != persons[0]}
            groups = [g for g in ctx.delegations if g.origin_entity in named]
            if len(groups) == 1:
                ctx.add(rule, groups[0].entity_id, ctx.entity(persons[0]), ctx.doc.tokens[
                    ctx.first(persons[0])].sent_id)


def _object_left_unhung(ctx: Context, verb: int) -> list[int]:
    """Where the parse hung nothing on the verb, the accusative nouns of its clause after it
    (up to a comma): its object, hung elsewhere."""
    tokens = ctx.doc.tokens
    if any(tokens[c].pos != "PUNCT" for c in ctx.children.get(verb, [])):
        return []
    found = []
    for t in range(verb + 1, min(verb + 8, len(tokens))):
        if tokens[t].pos == "PUNCT":
            break
        if tokens[t].pos == "NOUN" and "Case=Acc" in tokens[t].feats:
            found.append(t)
    return found


@matcher("titles_listed_by_country")
def titles_listed_by_country(ctx: Context, rule: RelationRule) -> None:
    """«пришли генконсулы: США – Маргарет Холлоуэй, Японии – Мацуда Кэндзи, …», «вошли мэры
    Твери Иван Петров, Рязани Пётр Сомов и Коломны Анна Белова»: a plural title, then places
    each with its holder (after a dash where a colon opens the list): each holds the post for
    the place before his name."""
    tokens = ctx.doc.tokens
    for token in tokens:
        if "Number=Plur" not in token.feats or not ctx.vocab.is_title(token.lemma):
            continue
        sentence = ctx.sentence(token.sent_id)
        colon = next((t for t in range(token.token_id + 1, sentence.stop)
                      if tokens[t].text in (":", ".", ";")), None)
        pairs = _places_with_holders(ctx, colon + 1, dashed=True) \
            if colon is not None and tokens[colon].text == ":" else []
        if not pairs:
            pairs = _places_with_holders(ctx, token.token_id + 1, dashed=False)
            pairs = pairs if len(pairs) >= 2 else []
        for place, person in pairs:
            ctx.add(rule, ctx.entity(person), ctx.entity(place), token.sent_id,
                    _role(ctx, [token.token_id]))


def _places_with_holders(ctx: Context, t: int, dashed: bool) -> list[tuple[int, int]]:
    """The places from ``t`` each followed by a person (after a dash where ``dashed``),
    the pairs apart by commas and a last «и»."""
    tokens, pairs = ctx.doc.tokens, []
    sentence = ctx.sentence(tokens[t].sent_id) if t < len(tokens) else range(0)
    while t < sentence.stop and (place := ctx.mention_at.get(t)) is not None \
            and ctx.first(place) == t and ctx.mention_type(place) == "LOC":
        at = ctx.last(place) + 1
        if dashed:
            if at >= sentence.stop or tokens[at].text not in DASH_OR_HYPHEN:
                break
            at += 1
        person = ctx.mention_at.get(at)
        if person is None or ctx.first(person) != at or ctx.mention_type(person) != "PER":
            break
        pairs.append((place, person))
        t = ctx.last(person) + 1
        if t < sentence.stop and tokens[t].text in (",", "и") and t not in ctx.mention_at:
            t += 1
    return pairs


@matcher("headed_introducing")
def headed_introducing(ctx: Context, rule: RelationRule) -> None:
    """«мэр Маньчжурии Чжао Лэй представил делегацию»: the person who introduced the group,
    his title naming its origin, heads it (not a host who introduced a group from elsewhere)."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), unplanned=True):
        verb = token.token_id
        if not past_finite_verb(token) or ctx.in_speech(verb):
            continue
        refs = [r for c in ctx.children.get(verb, [])
                if tokens[c].rel == "obj" and (r := ctx.ref_at(c)) is not None]
        person = introducer(ctx, verb)
        if len(refs) != 1 or person is None:
            continue
        group = ctx.delegations[refs[0].delegation]
        place = title_place(ctx, person)
        if place is not None and group.origin_entity is not None \
                and ctx.entity(place) == group.origin_entity:
            ctx.add(rule, ctx.delegation_entity(refs[0]), ctx.entity(person), token.sent_id)


@matcher("headed_lead_verb")
def headed_lead_verb(ctx: Context, rule: RelationRule) -> None:
    """«делегацию возглавил X», «X возглавил делегацию», «делегация, возглавляемая
    губернатором области X», «возглавляющий делегацию советник посольства X», «её
    возглавил X»: the verb's subject, else the person its title phrase names, heads the
    group."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    for token in tokens:
        if token.lemma not in verbs or ctx.in_speech(token.token_id):
            continue
        children = ctx.children.get(token.token_id, [])
        ref = _relative_object_ref(ctx, token.token_id) or next(
            (r for r in ctx.refs if r.token in children or r.token == token.head_id), None)
        if not is_finite_verb(token) and _participle_leads_body(ctx, token.token_id):
            continue  # «Степан Ольхов, возглавляющий ГКУ «Дирекция …»»: he heads that body
        led = [c for c in children if tokens[c].rel == "obj"]
        led += [token.token_id - 1] if token.token_id > 0 else []
        bare_word = None
        if ref is None:  # «группу возглавил X»: the group named before
            bare_word, ref = next(((c, r) for c in led + [c for c in children
                                                          if tokens[c].rel == "obl"]
                                   if (r := bare_group_ref(ctx, c)) is not None), (None, None))
        if ref is None:  # «Работу делегации возглавил X»: the group whose work it is
            ref = next((r for c in led if (r := ctx.group_work(c)) is not None), None)
        if ref is None and any(tokens[c].lemma in ctx.vocab.words("trip_nouns")
                               and tokens[c].rel == "obj" for c in children):
            # «Возглавлял поездку полпред X»: the trip of the group told of last
            ref = ctx.group_told_last(token.token_id)
            if ref is None:
                continue
        if ref is None and any(tokens[c].pos == "NOUN" and ctx.ref_at(c) is None and (
                "Case=Acc" in tokens[c].feats or ("Case=Ins" in tokens[c].feats
                                                  and tokens[c].rel in ("obj", "obl", "iobj")))
                for c in led + children + _object_left_unhung(ctx, token.token_id)):
            continue  # «принимающую сторону возглавляет X», «заводом руководил X», «институт
            # ведёт в технопарке лабораторию»: the verb leads another body
        relative = next((c for c in children if tokens[c].lemma == "который"), None)
        nearest = ctx.nearest_ref(token.token_id)
        if ref is None and relative is not None and (
                nearest is None or not feats_agree(tokens[relative], tokens[nearest.token])
                or _relative_of_other_noun(ctx, token, relative)):
            continue  # «… посетили завод, которым руководит X»: what the clause tells of
        ref = ref or ctx.nearest_ref(token.token_id)
        # «Её собрала X, а возглавил Y»: the object of the verb it is joined to is its own
        shared = [c for c in ctx.children.get(token.head_id, []) if tokens[c].rel == "obj"] \
            if token.rel == "conj" and not any(tokens[c].rel == "obj" for c in children) else []
        if ref is None and (any(tokens[c].pos == "PRON" and tokens[c].rel in ("obj", "nsubj")
                                for c in children + shared)
                            or _pronoun_after(ctx, token.token_id)) \
                and token.sent_id > 0:
            earlier = ctx.refs_in(token.sent_id - 1)  # «Её возглавил X»
            ref = earlier[-1] if earlier else None
        person = None
        for child in children:
            index = ctx.mention_at.get(child)
            if tokens[child].rel == "nsubj" and index is not None \
                    and ctx.mention_type(index) == "PER":
                person = index
        governor = ctx.mention_at.get(token.head_id)
        if person is None and not is_finite_verb(token) and governor is not None \
                and ctx.mention_type(governor) == "PER" and token.head_id < token.token_id:
            person = governor  # «X, возглавлявший делегацию, …»
        elif person is None and not is_finite_verb(token) and governor is None \
                and 0 <= token.head_id < token.token_id:
            # «заместитель председателя X, возглавлявший делегацию»: the name the title
            # the parse hangs it on gives, right before its comma
            named = subject_person(ctx, token.head_id)
            if named is not None and ctx.last(named) == token.token_id - 2 \
                    and tokens[token.token_id - 1].text == ",":
                person = named
        if person is None and not is_finite_verb(token) and "Voice=Act" in token.feats:
            person = _name_before_comma(ctx, token.token_id)  # the parse hung it elsewhere
        if person is None:
            start = token.token_id + 1
            while start < len(tokens) - 1 and (tokens[start].pos in ("ADV", "AUX") or (
                    tokens[start].pos == "PRON" and tokens[start].rel == "obj")
                    or _pronoun_after(ctx, start - 1)):
                # «возглавил лично мэр города X», «возглавит ее губернатор X», «руководить ею
                # будет X», «Возглавлял их заместитель министра X»
                start += 1
            person = leader_named(ctx, start)
        if person is None and ref is not None and token.token_id < ref.token \
                and tokens[ref.token].head_id == token.token_id:
            # «Возглавил карагандинскую делегацию заместитель акима X»: past the group word
            person = leader_named(ctx, ref.token + 1)
        if person is None and bare_word is not None and bare_word == token.token_id + 1:
            person = leader_named(ctx, bare_word + 1)  # «Руководил группой профессор X»
        if person is None and is_finite_verb(token):
            opening = range(ctx.doc.sentences[token.sent_id].first_token, token.token_id)
            before = [i for i in ctx.mentions_in(opening) if ctx.mention_type(i) == "PER"
                      and not _source_of_words(ctx, i)]
            finite = [t for t in opening if is_finite_verb(tokens[t])]
            if before and not finite:
                person = before[0]
        if ref is not None and ref.source == "rule:delegation.part":
            continue  # «Вторая группа, которую возглавил X»: a member (``member.part_head``)
        if person is not None and ref is not None:
            after = ctx.last(person) + 1
            second = leader_named(ctx, after + 1) \
                if ctx.first(person) > token.token_id and after + 1 < len(tokens) \
                and tokens[after].lemma == "и" and ("Number=Plur" in token.feats
                                                    or not is_finite_verb(token)) else None
            groups = _groups_respectively(ctx, token, ref, 2) if second is not None else []
            if groups:  # «Делегации возглавляли соответственно X и Y»: in the list's order
                for group, head in zip(groups, (person, second), strict=True):
                    ctx.add(rule, group, ctx.entity(head), token.sent_id)
                continue
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(person), token.sent_id)
            if second is not None:  # «возглавили мэр X и вице-мэр Y»
                ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(second), token.sent_id)


def _source_of_words(ctx: Context, person: int) -> bool:
    """Is the person whose words the sentence reports («По словам X, …», «по данным X»:
    a ``circumstance_nouns`` word after «по» right before the name)?"""
    tokens, first = ctx.doc.tokens, ctx.first(person)
    return first >= 2 and tokens[first - 2].lemma == "по" \
        and tokens[first - 1].lemma in ctx.vocab.words("circumstance_nouns")


def _groups_respectively(ctx: Context, verb: Token, ref: Ref, count: int) -> list[int]:
    """«Делегации возглавляли соответственно X и Y»: the groups (entities) the plural word
    lists, in the list's order, where «соответственно» says the heads go in that order and
    the list has as many groups as heads; none otherwise."""
    tokens = ctx.doc.tokens
    if not any(tokens[c].lemma == "соответственно"
               for c in ctx.children.get(verb.token_id, [])):
        return []
    group = ctx.delegations[ref.delegation]
    listed = [ref.delegation, *group.listed_with]
    return [ctx.delegations[i].entity_id for i in listed] if len(listed) == count else []


def _relative_object_ref(ctx: Context, verb: int) -> Ref | None:
    """«…, и бизнес-миссия города Пусан, которую возглавляет X»: the group word nearest before
    the comma of the relative pronoun the verb takes as its object, agreeing with it (the parse
    may hang the clause on an earlier group word)."""
    tokens = ctx.doc.tokens
    relative = next((c for c in ctx.children.get(verb, []) if tokens[c].rel == "obj"
                     and tokens[c].lemma == "который" and c >= 1 and tokens[c - 1].text == ","),
                    None)
    if relative is None:
        return None
    refs = [r for r in ctx.refs_in(tokens[verb].sent_id) if relative - 6 <= r.token < relative
            and feats_agree(tokens[r.token], tokens[relative])]
    return max(refs, key=lambda r: r.token) if refs else None


def _participle_leads_body(ctx: Context, verb: int) -> bool:
    """Does an active participle of leading name an organisation or park right after it,
    past a legal form or generic head («возглавляющий ГКУ «Дирекция лесничеств»»): the body
    he heads, however the parse hung it?"""
    tokens = ctx.doc.tokens
    if "Voice=Act" not in tokens[verb].feats:
        return False
    for t in range(verb + 1, min(verb + 4, len(tokens))):
        index = ctx.mention_at.get(t)
        if index is not None:
            return ctx.mention_type(index) in ("ORG", "PARK") and ctx.ref_at(t) is None
        if tokens[t].text in (",", ";", ".") or tokens[t].pos in ("ADP", "VERB"):
            return False
    return False


def _pronoun_after(ctx: Context, t: int) -> bool:
    """Is the word after ``t`` a third-person pronoun of the group in an oblique case («ею»,
    «её», «их»), whatever the parse hangs it on («Возглавлял их заместитель министра X»: the
    tagger reads «их» as the title's possessive) or the tagger makes of it («Возглавлял её
    …»: a name, to it, at a sentence's start)?"""
    tokens = ctx.doc.tokens
    if t + 1 >= len(tokens):
        return False
    word = tokens[t + 1]
    return (word.pos == "PRON" and word.lemma in ctx.vocab.words("group_pronouns") | {"она"}
            and "Case=Nom" not in word.feats) \
        or fold(word.text) in ctx.vocab.words("group_oblique_pronouns")


@matcher("headed_leading_to")
def headed_leading_to(ctx: Context, rule: RelationRule) -> None:
    """«X поведёт российскую делегацию на сессию ООН», «Делегацию Кении на саммит поведёт
    министр X»: a verb of leading (``leading_verbs``) with a group word for its object and a
    destination («в»/«на» and the accusative) names the group's head; «повёл делегацию по
    цехам» is a host's tour, no trip."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        if token.lemma not in verbs or not _finite_or_misread(token) or ctx.in_speech(t):
            continue
        ref = next((r for c in ctx.children.get(t, []) if tokens[c].rel == "obj"
                    and tokens[c].lemma in ctx.vocab.delegation_heads
                    and (r := ctx.ref_at(c)) is not None), None)
        if ref is None:  # «…: группу из семи сенаторов поведёт X»
            ref = next((r for c in ctx.children.get(t, []) if tokens[c].rel == "obj"
                        and (r := bare_group_ref(ctx, c)) is not None), None)
        sentence = ctx.sentence(token.sent_id)
        if ref is None or not (_destination_only(ctx, sentence) or _at_talks(ctx, sentence)):
            continue
        # the subject (or, hung elsewhere by the parse, the one name before the verb)
        persons = subject_persons(ctx, t) or opening_persons(ctx, t)[-1:]
        person = persons[0] if persons else leader_named(ctx, t + 1)
        if person is not None and ctx.mention_type(person) == "PER":
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(person), token.sent_id)


def _destination_only(ctx: Context, sentence: range) -> bool:
    """Does the sentence name where to — a place or a named event («в Женеву», «на сессию
    ООН», «на выставку «Иннопром»»: «в»/«на» and the accusative) — and no route («по
    цехам»)? «повёл делегацию в цех» is a host's tour again, and so is «на выставку роботов»
    or «на презентацию»: an event with no name is one on the site."""
    tokens = ctx.doc.tokens

    def destination(w: int) -> bool:
        index = ctx.mention_at.get(w)
        return "Case=Acc" in tokens[w].feats and (_named_event(ctx, w) or (
            index is not None and ctx.mention_type(index) in ("LOC", "EVENT")))

    return any(tokens[u].lemma in ("в", "во", "на") and any(
        destination(w) for w in range(u + 1, min(u + 3, sentence.stop))) for u in sentence) \
        and not any(tokens[u].lemma == "по" and u + 1 < sentence.stop
                    and "Case=Dat" in tokens[u + 1].feats for u in sentence)


def _finite_or_misread(token: Token) -> bool:
    """A finite verb, or one the tagger reads as a noun though its lemma is the verb's
    («Делегацию на переговорах поведёт X»: «поведёт», lemma «повести», tagged NOUN)."""
    return is_finite_verb(token) or (token.pos == "NOUN" and token.text[:1].islower())


def _at_talks(ctx: Context, sentence: range) -> bool:
    """Does the sentence say where the group acts — talks, a session, a summit, a forum
    («на переговорах», «на предстоящих переговорах», «на сессии»: «на» and an event or
    meeting noun in the locative) — and no route («по цехам»)? Who leads a group there
    heads it; a host leads guests about his site."""
    tokens = ctx.doc.tokens
    events = ctx.vocab.words("event_nouns") | ctx.vocab.words("meeting_nouns")

    def event_at(w: int) -> bool:
        return tokens[w].lemma in events and "Case=Loc" in tokens[w].feats

    return any(tokens[u].lemma == "на" and any(
        event_at(w) for w in range(u + 1, min(u + 3, sentence.stop))) for u in sentence) \
        and not any(tokens[u].lemma == "по" and u + 1 < sentence.stop
                    and "Case=Dat" in tokens[u + 1].feats for u in sentence)


def _named_event(ctx: Context, w: int) -> bool:
    """Is ``w`` an event or meeting noun with a name: a numbered edition before it («на 12-ю
    сессию»), or the body or event it belongs to named right after it («на сессию ООН», «на
    форум «Россия»»)?"""
    tokens = ctx.doc.tokens
    if tokens[w].lemma not in ctx.vocab.words("event_nouns") | ctx.vocab.words("meeting_nouns"):
        return False
    after = ctx.mention_at.get(w + 1)
    numbered = w > 0 and tokens[w - 1].pos == "ADJ" and tokens[w - 1].text[:1].isdigit()
    return numbered or (after is not None and ctx.first(after) == w + 1
                        and ctx.mention_type(after) in ("ORG", "EVENT"))


def _name_before_comma(ctx: Context, t: int) -> int | None:
    """The person named right before the comma that opens the participle phrase at ``t``
    («Ахмед Салем, возглавивший делегацию, …»), None where there is none."""
    tokens = ctx.doc.tokens
    if t < 2 or tokens[t - 1].text != ",":
        return None
    index = ctx.mention_at.get(t - 2)
    return index if index is not None and ctx.mention_type(index) == "PER" \
        and ctx.last(index) == t - 2 else None


@matcher("headed_leader_title")
def headed_leader_title(ctx: Context, rule: RelationRule) -> None:
    """«руководитель делегации, мэр города N Чжан Вэй», «глава делегации X»: the person the
    title names (not a deputy's: «заместитель руководителя делегации X» is a member)."""
    for ref, person, title in _group_titled(ctx, ctx.vocab.words(rule.trigger)):
        ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(person), title.sent_id)


@matcher("member_title")
def member_title(ctx: Context, rule: RelationRule) -> None:
    """«член делегации, директор компании N Ли Бо», «Ли Бо, участник делегации, …»,
    «заместитель руководителя делегации X»: the person a member's title names."""
    leaders = ctx.vocab.words("delegation_leader_titles")
    for ref, person, title in [
            *_group_titled(ctx, ctx.vocab.words(rule.trigger)),
            *_group_titled(ctx, leaders, deputies=True)]:
        delegation = ctx.delegation_entity(ref)
        if _next_clause_name(ctx, title, person):
            continue  # «Вместе с членами делегации губернатор X осмотрел …»: a host
        persons = [person]
        if "Number=Plur" in title.feats and ctx.first(person) > title.token_id:
            # «Члены делегации министр X и инженер Y осмотрели …»: the names listed on
            origin = next((d.origin_entity for d in ctx.delegations
                           if d.entity_id == delegation), None)
            persons += [i for i in persons_listed(ctx, ctx.last(person) + 1)
                        if ctx.mention_type(i) == "PER" and not of_another_side(ctx, i, origin)]
        origins = {d.origin_entity for d in ctx.delegations}
        for named in persons:
            # («Среди членов делегации Сюйчжоу — …»: the group's origin, whatever its type)
            if ("HEADED_BY", delegation, ctx.entity(named)) not in ctx.found \
                    and ctx.entity(named) not in origins:
                ctx.add(rule, ctx.entity(named), delegation, title.sent_id)


def _next_clause_name(ctx: Context, title: Token, person: int) -> bool:
    """Is the name after a title a preposition governs in another case than the title («с
    членами делегации губернатор X»: the subject of what follows, not the title's name)?"""
    if ctx.first(person) < title.token_id or not ctx.governed(title.token_id):
        return False
    named = case_of(ctx.doc.tokens[ctx.first(person)])
    return named is not None and case_of(title) is not None and named != case_of(title)


def _is_deputy(ctx: Context, t: int) -> bool:
    """Is the title at ``t`` a deputy's («заместитель руководителя», «замглавы»)?"""
    tokens = ctx.doc.tokens
    return (t > 0 and tokens[t - 1].lemma in ctx.vocab.words("deputy_words")) \
        or tokens[t].lemma.startswith(ctx.vocab.deputy_prefixes)


def _group_titled(ctx: Context, titles: frozenset[str] | set[str], deputies: bool = False
                  ) -> list[tuple[Ref, int, Token]]:
    """(group, person, title token) for each title of ``titles`` governing a group word
    («руководитель (китайской) делегации X», «её руководитель, мэр N X», «Ли Бо, глава
    делегации, …»), a deputy's title only where ``deputies``, else only not."""
    tokens = ctx.doc.tokens
    found: list[tuple[Ref, int, Token]] = []
    for token in tokens[:-1]:
        at = token.token_id + 1
        while at < len(tokens) - 1 and tokens[at].pos == "ADJ" and ctx.ref_at(at) is None:
            at += 1  # «Руководитель китайской делегации X»
        ref = ctx.ref_at(at)
        if token.lemma in titles and ref is None:
            ref = _possessed_group(ctx, token.token_id)  # «Её руководитель, мэр N X»
            at = token.token_id if ref is not None else at
        if token.lemma in titles and ref is None:
            ref = _bracketed_group(ctx, token.token_id)  # «делегация (руководитель – X)»
            at = token.token_id if ref is not None else at
        if token.lemma in titles and ref is None and at == token.token_id + 1:
            ref = bare_group_ref(ctx, at)  # «Руководитель группы — X»: the group named before
        if token.lemma not in titles or ref is None or ctx.in_speech(token.token_id) \
                or _is_deputy(ctx, token.token_id) != deputies:
            continue
        start = at + 1
        if start < len(tokens) and tokens[start].text in DASH_OR_HYPHEN:
            start += 1  # «(руководитель – X)»
        if start < len(tokens) and (tokens[start].lemma in ctx.vocab.words("copula_verbs") or (
                "Case=Ins" in token.feats and not ctx.governed(token.token_id)
                and tokens[start].lemma in ctx.vocab.words("role_copula_verbs"))):
            # (not «Перед руководителем делегации выступил X»: a speaker before him)
            start += 1  # «Главой делегации стал X», «Руководителем делегации выступил X»
        if start < len(tokens) and "Case=Ins" in token.feats and not ctx.governed(token.token_id) \
                and tokens[start].lemma in ctx.vocab.words("post_appointment_verbs") \
                and "VerbForm=Part" in tokens[start].feats:
            start += 1  # «Руководителем делегации (был) назначен X»
        t = token.token_id
        named = ctx.mention_at.get(t - 2) if t >= 2 and tokens[t - 1].text == "(" else None
        if named is not None and ctx.mention_type(named) == "PER" and ctx.last(named) == t - 2 \
                and at + 1 < len(tokens) and tokens[at + 1].text == ")":
            person = named  # «профессор X (руководитель делегации) и инженер Y»: X
        elif t >= 2 and tokens[t - 1].text == "(" and at + 1 < len(tokens) \
                and tokens[at + 1].text == ")":
            # «1. X, министр … провинции Y (руководитель делегации);»: the name the aside
            # closes
            person = _name_before_its_title(ctx, t - 1)
        else:
            person = leader_named(ctx, start)
        if person is None and t >= 2 and tokens[t - 1].text == "," \
                and (before := ctx.mention_at.get(t - 2)) is not None \
                and ctx.mention_type(before) == "PER" and ctx.last(before) == t - 2:
            person = before  # «Ли Бо, глава делегации, отметил …»: the title after the name
        if person is None and t >= 2 and tokens[t - 1].text == "," and at + 1 < len(tokens) \
                and tokens[at + 1].text in (";", "."):
            # «• X — губернатор аймака Y, руководитель делегации;»: the list item's name
            person = _name_before_its_title(ctx, t - 1)
        if person is not None:
            found.append((ref, person, token))
    return found


def _name_before_its_title(ctx: Context, bracket: int) -> int | None:
    """The person named before a comma and his title phrase that end at ``bracket`` («X,
    министр промышленности провинции Y (»), no verb and no other person between; None
    where there is none."""
    tokens = ctx.doc.tokens
    before = [i for i in ctx.mentions_in(range(ctx.sentence(tokens[bracket].sent_id).start,
                                               bracket)) if ctx.mention_type(i) == "PER"]
    if not before:
        return None
    person = before[-1]
    comma = ctx.last(person) + 1  # (or a dash: «• X — губернатор …, руководитель делегации»)
    if comma >= bracket or tokens[comma].text not in (",", *DASH_OR_HYPHEN) or any(
            tokens[t].pos in ("VERB", "AUX") for t in range(comma + 1, bracket)):
        return None
    return person


def _bracketed_group(ctx: Context, t: int) -> Ref | None:
    """The group whose words a parenthesis opened right before token ``t`` follows
    («делегация из Киргизии (руководитель – министр X)»): the last group word before it in
    its sentence, a few words back at most, with no name, verb or comma between."""
    tokens = ctx.doc.tokens
    if t < 2 or tokens[t - 1].text != "(" or t + 1 >= len(tokens) \
            or tokens[t + 1].text not in DASH_OR_HYPHEN:
        return None
    group = next((r for r in reversed(ctx.refs_in(tokens[t].sent_id))
                  if t - 8 <= r.token < t), None)
    between = range(group.token + 1, t - 1) if group is not None else range(0)
    if group is None or any(ctx.mention_type(i) in ("PER", "ORG", "PARK")
                            for i in ctx.mentions_in(between)) \
            or any(tokens[u].pos in ("VERB", "AUX") or tokens[u].text == "," for u in between):
        return None  # «гостей встретил директор парка (руководитель – X)», «в составе
        # делегации — сотрудники фонда «Кедр» (руководитель – X)»: another's
    return group


def _possessed_group(ctx: Context, t: int) -> Ref | None:
    """The group a possessive before token ``t`` refers to («Её руководитель»): the last
    group word before it, in its sentence or the one before, of the possessive's gender."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if t < 1 or tokens[t - 1].text.lower() not in vocab.possessive_genders:
        return None
    genders = vocab.possessive_genders[tokens[t - 1].text.lower()]
    group = group_before(ctx, t - 1)
    if group is None:
        return None
    gender = parse_feats(tokens[group.token].feats or "").get("Gender")
    between = ctx.mentions_in(range(group.token + 1, t - 1))
    if any(ctx.mention_type(i) in ("ORG", "PARK", "EVENT") for i in between):
        return None  # «компания X и её руководитель»: the possessive is the company's
    return group if gender in genders else None


NOUN_STEPS = 3  # up the nouns a group word hangs on, to the verb


def _subject_of_verb_over(ctx: Context, t: int) -> int | None:
    """The named person who is the subject of the verb the group word at ``t`` after «во
    главе» hangs on («Посол X прибыл в Омск во главе группы предпринимателей»), a past verb
    of no plan."""
    tokens = ctx.doc.tokens
    verb = tokens[t].head_id
    for _ in range(NOUN_STEPS):  # (a bounded walk: a parse may make a word its own head)
        if verb < 0 or tokens[verb].pos != "NOUN" or tokens[t].rel != "nmod":
            break
        t, verb = verb, tokens[verb].head_id  # «во главе группы предпринимателей»: the group
    if verb < 0 or tokens[verb].pos != "VERB" or ctx.planned(verb) \
            or "Tense=Past" not in tokens[verb].feats:
        return None
    persons = subject_persons(ctx, verb)
    if persons:
        return persons[0]
    # (a parse that lost the subject: the name right before the verb, «… Ахмад Сурьяди прибыл»)
    person = ctx.mention_at.get(verb - 1)
    return person if person is not None and ctx.mention_type(person) == "PER" \
        and not any(tokens[c].rel == "nsubj" for c in ctx.children.get(verb, [])) else None


def bare_group_ref(ctx: Context, word: int) -> Ref | None:
    """«группу возглавил X», «группу из семи сенаторов поведёт X», «во главе группы — X»: a
    bare group noun (``group_anaphor_nouns``; a count after «из» allowed, no adjective, no
    genitive or name of its own: not «рабочую группу», «группу компаний «Луч»») stands for
    the group named last before it, in its sentence or the one before."""
    tokens = ctx.doc.tokens
    if tokens[word].lemma not in ctx.vocab.words("group_anaphor_nouns") \
            or word in ctx.mention_at or ctx.ref_at(word) is not None:
        return None
    for child in ctx.children.get(word, []):
        if child != word and (tokens[child].pos == "ADJ" or (child > word and (
                child in ctx.mention_at
                or (tokens[child].rel == "nmod" and not ctx.governed(child, "из")
                    and "Case=Nom" not in tokens[child].feats)))):
            return None  # (what the parse hangs on it before it is not its own; a nominative
            # after it is the verb's subject misread: «Руководил группой профессор X»)
    after = word + 1
    if after < len(tokens) and (after in ctx.mention_at or tokens[after].text in QUOTE_OPEN):
        return None  # «группа «Луч»»: a name
    # (two sentences back: the one between may tell only who the group is made of, «В неё
    # вошли X и Y. Руководил группой Z»)
    return group_before(ctx, word, sentences=2)


def group_before(ctx: Context, t: int, sentences: int = 1) -> Ref | None:
    """The last group word before token ``t``, in its sentence or the ``sentences`` before."""
    sent_id = ctx.doc.tokens[t].sent_id
    earlier = [r for r in ctx.refs_in(sent_id) if r.token < t]
    for before in range(sent_id - 1, max(sent_id - 1 - sentences, -1), -1):
        if not earlier:
            earlier = ctx.refs_in(before)
    return earlier[-1] if earlier else None


@matcher("headed_visitor")
def headed_visitor(ctx: Context, rule: RelationRule) -> None:
    """«по итогам визита посла Египта X»: the one official whose visit made the group
    (``delegation.visit``) heads it (a lone official's trip is his group), as does the one
    «министром Египта X, который находится с визитом в Баку» (``delegation.staying``)."""
    for ref in ctx.refs:
        if ref.source == "rule:delegation.staying":
            person = staying_person(ctx, ref.token)
            if person is not None and staying_alone(ctx, ref):
                ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(person), ref.sent_id)
            continue
        if ref.source != "rule:delegation.visit":
            continue
        # «визит посла в регион»: the one envoy the text names, where no name follows
        persons = visitors(ctx, ref.token) or trip_envoy(ctx, ctx.doc.tokens[ref.token])
        if len(persons) == 1:
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(persons[0]), ref.sent_id)


@matcher("headed_trip")
def headed_trip(ctx: Context, rule: RelationRule) -> None:
    """«Губернатор области X в рамках рабочей поездки в Китай посетил …»: the official whose
    trip makes the group heads it."""
    for ref in ctx.refs:
        if ref.source != "rule:delegation.trip":
            continue
        delegation = ctx.delegations[ref.delegation]
        verb = _finite_verb_above(ctx, ref.token)
        if delegation.head is not None \
                and ctx.doc.tokens[ref.token].lemma in ctx.vocab.words("envoy_titles"):
            # an envoy's title made the group («встретился с послом Кении X»): the envoy
            ctx.add(rule, delegation.entity_id, delegation.head, ref.sent_id)
            continue
        subjects = subject_persons(ctx, verb) if verb is not None else []
        if len(subjects) > 1 and not _one_traveller_beside_hosts(ctx, subjects, delegation):
            continue  # «посетили вице-губернатор X, министр Y и министр Z»: no one heads
        if delegation.head is not None:  # a bare title made the group: its traveller
            ctx.add(rule, delegation.entity_id, delegation.head, ref.sent_id)
            continue
        # «… министр X. В поездке он посетил …»: the person the subject pronoun stands for
        pronoun = [person for c in ctx.children.get(verb, []) if verb is not None
                   and ctx.doc.tokens[c].rel == "nsubj" and ctx.doc.tokens[c].pos == "PRON"
                   and (person := person_at(ctx, c)) is not None]
        for index in [*pronoun, *ctx.mentions_in(ctx.sentence(ref.sent_id))]:
            if ctx.mention_type(index) != "PER" or _escorting(ctx, index):
                continue  # «Глава республики в сопровождении министра X посетил …»: not X
            # his title before or after his name («X, посол Кении в России, …»), here or at
            # another mention of him
            place = official_place(ctx, index)
            if place is not None and _origin_place(ctx, place, delegation):
                ctx.add(rule, delegation.entity_id, ctx.entity(index), ref.sent_id)
                break
            if place is None and delegation.origin \
                    and same_place(title_adjective_place(ctx, index), delegation.origin):
                ctx.add(rule, delegation.entity_id, ctx.entity(index), ref.sent_id)
                break  # «тамбовский губернатор X прилетел в Пекин»


def _one_traveller_beside_hosts(ctx: Context, persons: list[int],
                                delegation: Delegation) -> bool:
    """«Губернатор края X и генеральный консул Кореи Y обсудили в Новосибирске …»: one of
    the subjects holds a post of the group's origin, each other one a post of another place
    (the host): the one is the travelling official."""
    ours = others = 0
    for person in persons:
        place = official_place(ctx, person)
        if place is not None and _origin_place(ctx, place, delegation):
            ours += 1
        elif place is not None or title_adjective_place(ctx, person):
            others += 1  # «новосибирский губернатор X»: the host's place by its adjective
    return ours == 1 and ours + others == len(persons)


def _escorting(ctx: Context, index: int) -> bool:
    """Is the mention among those listed after «в сопровождении»: one who escorts the
    traveller, not the traveller? The list closes at a name not followed by «,» or «и», and
    at a noun in the nominative («В сопровождении министра X губернатор Y посетил …»: Y is
    the traveller)."""
    tokens, escorts = ctx.doc.tokens, ctx.vocab.words("escort_nouns")
    first = ctx.first(index)
    for t in ctx.sentence(tokens[first].sent_id):
        if t >= first:
            return False
        if tokens[t].lemma in escorts and _listed_from(ctx, t + 1, first):
            return True
    return False


def _listed_from(ctx: Context, start: int, first: int) -> bool:
    """Does the list of escorts from ``start`` reach the word ``first``?"""
    tokens = ctx.doc.tokens
    u = start
    while u < first:
        index = ctx.mention_at.get(u)
        if index is not None and ctx.mention_type(index) == "PER":
            u = ctx.last(index) + 1
            if u >= len(tokens) or tokens[u].text not in (",", "и"):
                return False
        elif index is None and tokens[u].pos == "NOUN" and "Case=Nom" in tokens[u].feats:
            return False
        u += 1
    return True


def _finite_verb_above(ctx: Context, t: int) -> int | None:
    """The finite verb of token ``t``'s clause: itself, or the nearest finite verb above it
    («в рамках рабочего визита … посетили»)."""
    tokens = ctx.doc.tokens
    for _ in range(4):
        if t < 0:
            return None
        if is_finite_verb(tokens[t]):
            return t
        t = tokens[t].head_id
    return None


@matcher("headed_named_later")
def headed_named_later(ctx: Context, rule: RelationRule) -> None:
    """«Глава правительства области посетил Кению. Иван Петров встретился с …»: an official
    whose trip the text tells by his title alone heads the group; the name that opens the
    next sentence as its subject is his, or the one a visit verb of one of the next two
    sentences has as its subject (no title of another place at any mention)."""
    tokens, sentences = ctx.doc.tokens, ctx.doc.sentences
    headed = {group for group, _, _ in ctx.found_of("HEADED_BY")}
    for ref in ctx.refs:
        delegation = ctx.delegations[ref.delegation]
        if not _title_alone_trip(ctx, ref, headed) or ref.sent_id + 1 >= len(sentences):
            continue
        said, opening = ref.sent_id + 1, sentences[ref.sent_id + 1].first_token
        person = ctx.mention_at.get(opening)
        if person is None or ctx.mention_type(person) != "PER" or ctx.in_speech(opening) \
                or tokens[opening].rel != "nsubj" or tokens[opening].head_id < 0 \
                or not is_finite_verb(tokens[tokens[opening].head_id]):
            said, person = next(((said, found) for said in (ref.sent_id + 1, ref.sent_id + 2)
                                 if said < len(sentences)
                                 and (found := _arrived_next(ctx, said)) is not None),
                                (said, None))
        if person is None:
            continue
        place = official_place(ctx, person)
        if place is None or _origin_place(ctx, place, delegation):
            ctx.add(rule, delegation.entity_id, ctx.entity(person), said)


def _title_alone_trip(ctx: Context, ref: Ref, headed: set[int]) -> list[int]:
    """The subjects of a trip's verb that are titles with a place and no name («Губернатор
    Орловской области прибыл …»), where no subject names a person and the group has no head
    yet; empty for any other reference."""
    tokens = ctx.doc.tokens
    # «Губернатор области прибыл …», «Глава области находится с визитом …»: the verb of the
    # trip word
    verb = _finite_verb_above(ctx, ref.token)
    if ref.source != "rule:delegation.trip" or verb is None \
            or ctx.delegations[ref.delegation].entity_id in headed:
        return []
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    if any(subject_person(ctx, c) is not None for c in subjects):
        return []
    return [c for c in subjects if unnamed_title_place(ctx, c) is not None]


def _arrived_next(ctx: Context, sent_id: int) -> int | None:
    """«… прибыл губернатор области. В ночь на 8 июня в Казань прибыл Иван Петров.»: the
    person who is the subject of a next sentence's own visit verb (not a host's)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    root = next((t for t in ctx.sentence(sent_id) if tokens[t].head_id < 0), None)
    if root is None or not is_finite_verb(tokens[root]) or ctx.in_speech(root) \
            or tokens[root].lemma not in vocab.visit_triggers - vocab.host_verbs:
        return None
    return next((ctx.mention_at[c] for c in ctx.children.get(root, [])
                 if tokens[c].rel == "nsubj" and c in ctx.mention_at
                 and ctx.mention_type(ctx.mention_at[c]) == "PER"), None)


@matcher("headed_same_title")
def headed_same_title(ctx: Context, rule: RelationRule) -> None:
    """«В Казань прибыл губернатор Орловской области. … губернатор Орловской области Вадим
    Потомский»: an official whose trip the text tells by his title alone heads the group; he
    is the one person the text gives that title of that place elsewhere."""
    tokens = ctx.doc.tokens
    headed = {group for group, _, _ in ctx.found_of("HEADED_BY")}
    travellers: set[int] | None = None  # found once, where first needed
    for ref in ctx.refs:
        delegation = ctx.delegations[ref.delegation]
        titles = {tokens[c].lemma for c in _title_alone_trip(ctx, ref, headed)}
        if not titles or delegation.origin_entity is None:
            continue
        titled = [index for index, mention in enumerate(ctx.doc.mentions)
                  if mention.type == "PER" and _title_before(ctx, index) in titles]
        named = {ctx.entity(index) for index in titled
                 if (place := official_place(ctx, index)) is not None
                 and _origin_place(ctx, place, delegation)}  # «РТ», «Татарстан»
        if not named:  # «Президент Узбекистана прибыл … Президент X прибыл …»: the one person
            # the text gives that bare title, of no place at any mention
            if travellers is None:
                travellers = _travellers(ctx)
            named = {ctx.entity(index) for index in titled
                     if official_place(ctx, index) is None
                     and not title_adjective_place(ctx, index)
                     and not _sentence_hosts(ctx, index)} & travellers
            bare = {ctx.entity(index) for index in titled}
            if bare != named:
                continue  # another holder of the title, with a place of his own
        if len(named) == 1:
            ctx.add(rule, delegation.entity_id, named.pop(), ref.sent_id)


@matcher("headed_title_named_elsewhere")
def headed_title_named_elsewhere(ctx: Context, rule: RelationRule) -> None:
    """«делегация во главе с вице-губернатором провинции … Вице-губернатор провинции Хубэй
    Ван Лимин»: a head told by his title alone (after «во главе с», or as the subject of
    «возглавил») is the one person the text gives that title of the group's origin."""
    tokens = ctx.doc.tokens
    headed = {group for group, _, _ in ctx.found_of("HEADED_BY")}
    for ref, title in _unnamed_head_titles(ctx):
        delegation = ctx.delegations[ref.delegation]
        if delegation.entity_id in headed or delegation.origin_entity is None:
            continue
        named = {ctx.entity(index) for index, mention in enumerate(ctx.doc.mentions)
                 if mention.type == "PER"
                 and _title_before(ctx, index, deputies=True) == tokens[title].lemma
                 and (place := official_place(ctx, index)) is not None
                 and _origin_place(ctx, place, delegation)}
        if len(named) == 1:
            ctx.add(rule, delegation.entity_id, named.pop(), ref.sent_id)
            headed.add(delegation.entity_id)


def _unnamed_head_titles(ctx: Context) -> list[tuple[Ref, int]]:
    """The group words with a head's title that names no one: «во главе с губернатором
    области», «делегацию возглавил вице-губернатор провинции»."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    leads = vocab.words("lead_verbs")
    found: list[tuple[Ref, int]] = []
    for token in tokens:
        t = token.token_id
        title, ref = None, None
        if token.lemma in vocab.leader_nouns and 0 < t < len(tokens) - 2 \
                and tokens[t - 1].lemma in ("в", "во") and tokens[t + 1].lemma in ("с", "со"):
            title, ref = t + 2, ctx.nearest_ref(t, list(range(max(t - 4, 0), t)))
        elif token.lemma in leads and is_finite_verb(token):
            children = ctx.children.get(t, [])
            ref = next((r for r in ctx.refs if r.token in children), None)
            title = next((c for c in children if tokens[c].rel == "nsubj"), None)
        if ref is None or title is None or not vocab.is_title(tokens[title].lemma) \
                or leader_named(ctx, title) is not None:
            continue
        found.append((ref, title))
    return found


def _sentence_hosts(ctx: Context, person: int) -> bool:
    """«Президент X прибыл в аэропорт, чтобы встретить гостя»: a host's verb in the person's
    sentence makes him the one who receives."""
    tokens, hosts = ctx.doc.tokens, ctx.vocab.host_verbs
    return any(tokens[t].lemma in hosts
               for t in ctx.sentence(tokens[ctx.first(person)].sent_id))


def _title_before(ctx: Context, person: int, deputies: bool = False) -> str | None:
    """The lemma of the post title in the nominal phrase right before a person's name
    («губернатор Орловской области X» → «губернатор»); None for a deputy's («заместитель
    губернатора X» holds no governor's post) unless ``deputies`` asks for a title that says
    it («вице-губернатор»)."""
    tokens = ctx.doc.tokens
    t = ctx.first(person) - 1
    while t >= 0 and ctx.first(person) - t <= 8 and tokens[t].pos in NOMINAL_POS \
            and tokens[t].text not in CHUNK_BREAKS:
        if t not in ctx.mention_at and ctx.vocab.is_title(tokens[t].lemma):
            own = deputies and tokens[t].lemma.startswith(ctx.vocab.deputy_prefixes)
            return None if _is_deputy(ctx, t) and not own else tokens[t].lemma
        t -= 1
    return None


def _origin_place(ctx: Context, index: int, delegation: Delegation) -> bool:
    """Is the place an official's title names the group's origin, as its entity or by the
    place of a body named with it?"""
    return ctx.entity(index) == delegation.origin_entity \
        or _body_place_is(ctx, index, delegation.origin)


def _body_place_is(ctx: Context, index: int, origin: str) -> bool:
    """Is the place a title's mention names (a place, or a body with its place in its name:
    «Правительство Российской Федерации») the group's origin («Россия»)?"""
    home = mention_place(ctx, index)
    return home is not None and home == gazetteer().lookup(origin)


@matcher("headed_joined")
def headed_joined(ctx: Context, rule: RelationRule) -> None:
    """«Губернатор Курской области X и делегация области посетили …», «X и члены делегации
    Курской области», «Вместе с ним прибыла делегация области»: an official of the place the
    group comes from, named with it."""
    for ref in ctx.refs:
        delegation = ctx.delegations[ref.delegation]
        escorted = escorted_person(ctx, ref.token)
        if escorted is not None:
            ctx.add(rule, delegation.entity_id, ctx.entity(escorted), ref.sent_id)
            continue
        companion = _companion_of_group(ctx, ref.token)
        place = official_place(ctx, companion) if companion is not None else None
        if place is not None and (ctx.entity(place) == delegation.origin_entity or (
                delegation.origin and _of_group_place(ctx, place, delegation))):
            ctx.add(rule, delegation.entity_id, ctx.entity(companion), ref.sent_id)
            continue
        person = person_joined_to(ctx, ref.token)
        place = title_place(ctx, person) if person is not None else None
        if place is not None and delegation.origin and _of_group_place(ctx, place, delegation):
            ctx.add(rule, delegation.entity_id, ctx.entity(person), ref.sent_id)


@matcher("headed_possessive")
def headed_possessive(ctx: Context, rule: RelationRule) -> None:
    """«Председатель думы X находится с визитом в Пекине. В состав его делегации вошёл Y»: the
    group called «его»/«её» delegation is led by the person the pronoun stands for: the
    subject of its sentence before the word, else the last of the sentence before."""
    tokens = ctx.doc.tokens
    pronouns = ctx.vocab.possessive_genders  # «его», «её»
    for ref in ctx.refs:
        if tokens[ref.token].lemma not in ctx.vocab.delegation_heads or not any(
                tokens[c].rel == "det" and tokens[c].text.lower() in pronouns
                for c in ctx.children.get(ref.token, [])):
            continue
        person = _subject_before(ctx, ref.token)
        if person is not None:
            ctx.add(rule, ctx.delegations[ref.delegation].entity_id, ctx.entity(person),
                    ref.sent_id)


def _subject_before(ctx: Context, t: int) -> int | None:
    """The person named by the last subject before ``t`` in its sentence, else in the
    sentence before."""
    tokens = ctx.doc.tokens
    sent_id = tokens[t].sent_id
    for sentence in (sent_id, sent_id - 1):
        if sentence < 0:
            break
        subjects = [s for s in ctx.sentence(sentence) if s < t and tokens[s].rel == "nsubj"]
        persons = [p for s in subjects if (p := subject_person(ctx, s)) is not None]
        if persons:
            return persons[-1]
    return None


@matcher("headed_titled_holder")
def headed_titled_holder(ctx: Context, rule: RelationRule) -> None:
    """«Делегация Тверской области во главе с губернатором приняла участие …» where the text
    names «губернатор Иван Петров» of Тверская область elsewhere: the head named by his
    title alone is the one person the text gives that post at the group's origin (from the
    WORKS_FOR found before)."""
    tokens = ctx.doc.tokens
    headed = {group for group, _, _ in ctx.found_of("HEADED_BY")}
    works = ctx.found_of("WORKS_FOR")  # (this rule adds none)
    for ref in ctx.refs:
        delegation = ctx.delegations[ref.delegation]
        if delegation.entity_id in headed or delegation.origin_entity is None:
            continue
        title = _bare_leader_title(ctx, ref.token, delegation.origin_entity)
        if title is None:
            title = _bare_lead_subject(ctx, ref.token)
        if title is None:
            continue
        holders = {person for person, employer, relation in works
                   if employer == delegation.origin_entity and relation.role
                   and _holds_post(ctx, relation.role, tokens[title].lemma)}
        if len(holders) == 1:
            ctx.add(rule, delegation.entity_id, holders.pop(), ref.sent_id)
            headed.add(delegation.entity_id)


def _bare_lead_subject(ctx: Context, ref_token: int) -> int | None:
    """«Делегацию возглавил сам руководитель региона»: the title word subject of a verb of
    leading whose object is the group word, with no name of its own (at most a bare region
    word after it); else None."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verb = tokens[ref_token].head_id
    if tokens[ref_token].rel != "obj" or verb < 0 \
            or tokens[verb].lemma not in vocab.words("lead_verbs"):
        return None
    title = next((c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"), None)
    if title is None or title in ctx.mention_at or not _is_title(ctx, title) \
            or tokens[title].lemma not in vocab.words("place_head_titles") \
            | vocab.words("region_leader_titles"):
        return None
    bare = all(tokens[c].lemma in vocab.words("place_anaphors") and c not in ctx.mention_at
               and not ctx.children.get(c)
               for c in ctx.children.get(title, []) if tokens[c].rel in ("nmod", "appos"))
    return title if bare else None


def _holds_post(ctx: Context, role: str, title: str) -> bool:
    """Is ``title`` the post of a role: its first word («губернатор»), or its last in the
    nominative («чрезвычайный и полномочный посол»; not «советник посла»)?"""
    words = fold(role).split()
    return _one_post(ctx, words[0], title) or words[-1] == title


def _one_post(ctx: Context, first: str, second: str) -> bool:
    """Do two title words name one post of a place («губернатор», «глава»)?"""
    heads = ctx.vocab.words("place_head_titles") | ctx.vocab.words("region_leader_titles")
    return first == second or (first in heads and second in heads)


def _bare_leader_title(ctx: Context, ref_token: int, origin: int) -> int | None:
    """The title word of a group's head that the text gives no name, place or body («во
    главе с губернатором» and a verb or a stop after it), or only the group's ``origin``
    («во главе с послом Индии» and no name after it)."""
    tokens, leaders = ctx.doc.tokens, ctx.vocab.leader_nouns
    sentence = ctx.sentence(tokens[ref_token].sent_id)
    # past the group's own origin («делегация Тверской области во главе с …»)
    t = next((w for w in range(ref_token + 1, min(ref_token + 8, sentence.stop - 2))
              if tokens[w].lemma in leaders and tokens[w - 1].lemma in ("во", "в")
              and tokens[w + 1].lemma in ("с", "со")), None)
    if t is None or any(is_finite_verb(tokens[w]) for w in range(ref_token + 1, t)) \
            or leader_named(ctx, t + 1) is not None:
        return None
    title = past_title_adjectives(ctx, t + 2)  # past «с»
    after = title + 1
    if title >= len(tokens) or not _is_title(ctx, title) or title in ctx.mention_at \
            or tokens[title].sent_id != tokens[ref_token].sent_id:
        return None
    place = ctx.mention_at.get(after)
    if place is not None and ctx.entity(place) == origin:
        after = ctx.last(place) + 1  # «во главе с послом Индии», his name given elsewhere
        if after < len(tokens) and (after in ctx.mention_at or tokens[after].pos == "PROPN"):
            return None
        return title
    if after < len(tokens) and tokens[after].sent_id == tokens[title].sent_id and (
            after in ctx.mention_at or tokens[after].pos in ("NOUN", "PROPN", "ADJ")):
        return None  # «во главе с губернатором области», «… с министром X»: a title of its own
    return title


# the references that name a visiting group («делегация», «гости»), not a lone official's
# trip («посетил», «визит посла X») nor an adjective's group («индийские компании»)
NAMED_GROUP_SOURCES = frozenset({"rule:delegation.head", BARE_REFERENCE})


@matcher("headed_own_official")
def headed_own_official(ctx: Context, rule: RelationRule) -> None:
    """«В Казань прибудет президент Казахстана X. … Делегация Казахстана посетит завод»: a
    group named as a group («делегация», «гости») that no rule gave a head or this member
    is headed by the one official of its own place whom the text has visit, arrive or stay
    somewhere on the group's trip (not a host's verb, not negated, not in speech, not in
    another group, no envoy at his post)."""
    headed = {group for group, _, _ in ctx.found_of("HEADED_BY")}
    travellers = _travelling_officials(ctx)
    named = {ref.delegation for ref in ctx.refs if ref.source in NAMED_GROUP_SOURCES}
    for index, delegation in enumerate(ctx.delegations):
        if delegation.entity_id in headed or not delegation.origin or index not in named:
            continue  # a lone official's trip is his own (headed_by.trip); «индийские
            # компании заинтересованы» is no group he came with
        own = {ctx.entity(person): ctx.doc.tokens[verb].sent_id
               for person, place, verb in travellers
               if _of_group_place(ctx, place, delegation)
               and _on_the_groups_trip(ctx, delegation.entity_id, verb)
               and not envoy_title(ctx, person)}
        if any(("MEMBER_OF_DELEGATION", person, delegation.entity_id) in ctx.found
               for person in own):
            continue  # one the text lists among the group is one of it (this rule runs last)
        if len(own) == 1:
            (person, sent_id), = own.items()
            ctx.add(rule, delegation.entity_id, person, sent_id)


def _on_the_groups_trip(ctx: Context, group: int, verb: int) -> bool:
    """Is an official's trip (his ``verb``) the group's: its sentence refers to the group or
    names a site the group visited, or a sentence next to it refers to the group in the same
    tense («Завтра в Тверь прибудет министр X. Делегация посетит технопарк»; not «Делегация
    побывала в Ханое. В мае министр посетит Пекин»)?"""
    sent_id = ctx.doc.tokens[verb].sent_id
    refs = [ref for ref in ctx.refs if ctx.delegation_entity(ref) == group]
    if any(ref.sent_id == sent_id for ref in refs):
        return True
    sites = {site for g, site, _ in ctx.found_of("VISITED") if g == group}
    if any(ctx.entity(i) in sites for i in ctx.mentions_in(ctx.sentence(sent_id))):
        return True
    planned = ctx.told_as_planned(verb)
    return any(abs(ref.sent_id - sent_id) == 1 and ctx.told_as_planned(ref.token) == planned
               for ref in refs)


def _travellers(ctx: Context) -> set[int]:
    """The persons (entities) the text has visit, arrive or stay somewhere: the subjects of
    ``visit_triggers``, ``visit_motion_verbs``, ``head_presence_verbs`` (no host's verb)."""
    return {ctx.entity(person) for verb in _travel_verbs(ctx)
            for person in subject_persons(ctx, verb.token_id)}


def _travel_verbs(ctx: Context) -> list[Token]:
    """The finite verbs of visiting, arriving or staying (``visit_triggers``,
    ``visit_motion_verbs``, ``head_presence_verbs``), not a host's and not in speech."""
    vocab = ctx.vocab
    verbs = vocab.visit_triggers | vocab.words("visit_motion_verbs") \
        | vocab.words("head_presence_verbs")
    return [verb for verb in ctx.doc.tokens
            if verb.lemma in verbs and verb.lemma not in vocab.host_verbs
            and is_finite_verb(verb) and not ctx.in_speech(verb.token_id)]


def _travelling_officials(ctx: Context) -> list[tuple[int, int, int]]:
    """(person, the place or body his title names, his verb) for each named official who is
    the subject of a verb of visiting, arriving or staying (``visit_triggers``,
    ``visit_motion_verbs``, ``head_presence_verbs``; no host's verb, no negation)."""
    tokens = ctx.doc.tokens
    found = []
    for verb in _travel_verbs(ctx):
        t = verb.token_id
        if in_group(ctx, t) or ctx.negated(t):
            continue
        if ctx.ref_at(t) is not None or len(subject_persons(ctx, t)) > 1:
            continue  # a group's own trip word; «посетили X, Y и Z»: no one of them heads
        for child in ctx.children.get(t, []):
            person = subject_person(ctx, child) if tokens[child].rel == "nsubj" else None
            place = official_place(ctx, person) if person is not None else None
            if place is not None:
                found.append((person, place, t))
    return found


def _of_group_place(ctx: Context, place: int, delegation: Delegation) -> bool:
    """Is the place or body a title names the one the group comes from?"""
    entity = ctx.entity(place)
    return entity == delegation.origin_entity \
        or same_place(ctx.doc.entities[entity].normal, delegation.origin)


def _companion_of_group(ctx: Context, ref_token: int) -> int | None:
    """«Губернатор N области X посетил район. Вместе с ним прибыла делегация»: the person
    the group comes «вместе с» (named, or «он» for the person named last in the sentence
    or the one before), where the group is its verb's subject."""
    tokens = ctx.doc.tokens
    verb = tokens[ref_token].head_id
    if verb < 0 or tokens[ref_token].rel != "nsubj" or not is_finite_verb(tokens[verb]) \
            or tokens[verb].lemma in ctx.vocab.host_verbs:
        return None
    return next((person_at(ctx, c) for c in ctx.together_with(verb)), None)


# -- shared by the families of who is who (members.py imports them) -------------------


def side_opens(ctx: Context, t: int, adjective: bool = False) -> bool:
    """Does a side open at ``t``: «с»/«со» and a side noun («со стороны …»), «от имени …», or
    with ``adjective`` also «с» and an adjective before a side noun or a dash («с китайской
    стороны», «с российской – …»)?"""
    tokens = ctx.doc.tokens
    if tokens[t].lemma == "от" and t + 1 < len(tokens) and tokens[t + 1].lemma == "имя":
        return True  # «от имени компании «A» …»
    if tokens[t].lemma not in ("с", "со") or t + 1 >= len(tokens):
        return False
    sides = ctx.vocab.words("group_side_nouns")
    return tokens[t + 1].lemma in sides or (
        adjective and t + 2 < len(tokens) and tokens[t + 1].pos == "ADJ"
        and (tokens[t + 2].lemma in sides or tokens[t + 2].text in DASH_OR_HYPHEN))


def persons_listed(ctx: Context, start: int, own_clause: bool = False) -> list[int]:
    """The mentions of a list from ``start`` to the end of the sentence, or past it where a
    «;» ends it («X — …; Y — …»: one list) or a colon opens items one a line, each with its
    dash or number: a relative clause, or a finite verb after a
    name, ends it («вошли X, советник посольства Y и Z, которые посетили …»); the group's
    origin is not one of them. ``own_clause``: any finite verb ends it, also before a name
    («делегация состояла из 15 человек и посетила завод …»)."""
    tokens = ctx.doc.tokens
    found: list[int] = []
    t, bulleted = start, False
    while t < len(tokens) and (t == start or tokens[t].sent_id == tokens[t - 1].sent_id
                               or tokens[t - 1].text == ";"
                               or ((tokens[t - 1].text == ":" or bulleted) and _bullet_at(ctx, t))):
        if t > start and tokens[t].sent_id != tokens[t - 1].sent_id \
                and tokens[t - 1].text != ";":
            bulleted = True  # «вошли:\n- X, …;\n- Y, …»: one item a line
        index = ctx.mention_at.get(t)
        if index is not None:
            if index not in ctx.origin_mentions:  # «в состав делегации университета X вошли»
                found.append(index)
            t = ctx.last(index) + 1
            continue
        relative = tokens[t].lemma in ctx.vocab.relative_words \
            and tokens[t - 1].pos != "ADP"  # «15 человек, среди которых X» goes on
        if relative and (end := _clause_in_title(ctx, t)) is not None:
            t = end + 1  # «директор предприятия, которое отвечает за X, г-н Y»: Y's title
            continue
        # «…, а возглавит её X»: a clause of its own («, а также X» goes on); a finite verb
        # past a comma opens one before any name too («войдут министры, подтвердил X»)
        if relative or ctx.contrast_at(t) or (is_finite_verb(tokens[t]) and (
                found or own_clause or (tokens[t - 1].text == "," and not _aside_closed(ctx, t)))):
            break
        t += 1
    return found


def _clause_in_title(ctx: Context, relative: int) -> int | None:
    """The comma closing a relative clause inside a listed person's title, before his name
    («…, директор предприятия, которое отвечает за озеленение, г-н Y»): the item since the
    last comma or «и» has a title and no name yet, and a name follows the closing comma. None
    where the clause is about the names listed before it."""
    tokens = ctx.doc.tokens
    if relative < 2 or tokens[relative - 1].text != ",":
        return None
    t, titled = relative - 2, False
    while t >= 0 and tokens[t].sent_id == tokens[relative].sent_id \
            and tokens[t].text not in (",", ":", "—", "–") and tokens[t].lemma != "и":
        if t in ctx.mention_at and ctx.mention_type(ctx.mention_at[t]) == "PER":
            return None
        titled = titled or ctx.vocab.is_title(tokens[t].lemma)
        t -= 1
    if not titled:
        return None
    for u in range(relative + 1, min(relative + 16, len(tokens))):
        if tokens[u].sent_id != tokens[relative].sent_id or tokens[u].text in (".", ";"):
            return None
        if tokens[u].text == ",":
            after = next((v for v in range(u + 1, min(u + 4, len(tokens)))
                          if v in ctx.mention_at), None)
            return u if after is not None and ctx.mention_type(ctx.mention_at[after]) == "PER" \
                else None
    return None


def _aside_closed(ctx: Context, verb: int) -> bool:
    """Does a comma close the clause of ``verb`` before any person is named («вошли, сообщает
    агентство «Луч», министр X»): an aside the list goes on past, not the speaker's clause
    («войдут министры, подтвердил агентству X»)?"""
    tokens = ctx.doc.tokens
    for u in range(verb + 1, len(tokens)):
        if tokens[u].sent_id != tokens[verb].sent_id or tokens[u].text in (".", ";"):
            return False
        if tokens[u].text == ",":
            return True
        index = ctx.mention_at.get(u)
        if index is not None and ctx.mention_type(index) == "PER":
            return False
    return False


def _bullet_at(ctx: Context, t: int) -> bool:
    """Does a list item begin at ``t`` (a dash or bullet, «1.», «2)»)?"""
    tokens = ctx.doc.tokens
    return tokens[t].text in ("-", "–", "—", "•", "·", "*", "●", "▪") or (
        tokens[t].text.isdigit() and t + 1 < len(tokens) and tokens[t + 1].text in (".", ")"))


def of_another_side(ctx: Context, person: int, origin: int | None,
                     group: Delegation | None = None) -> bool:
    """Does a title make the person another place's or body's than the group's origin
    («председатель Гомельского облисполкома X» beside a group from Брянская область)? A town
    of the origin region is the group's own side («глава Твери» of a Тверская область group),
    and so is any place of its country for a country's group abroad."""
    home, abroad = group_home(ctx, group) if group is not None \
        else (entity_place(ctx, origin) if origin is not None else None, False)
    place = official_place(ctx, person)
    where = entity_place(ctx, ctx.entity(place)) if place is not None else None
    if place is not None and ctx.entity(place) != origin \
            and not unplaced_region_abroad(ctx, place, home) and (
            not same_side(where, home, abroad) or posted_envoy(ctx, person, where, home, abroad)):
        return True
    return home is not None and any(
        (where := entity_place(ctx, employer)) is not None
        and not same_side(where, home, abroad)
        for who, employer, _ in ctx.found_of("WORKS_FOR") if who == ctx.entity(person))


def unplaced_region_abroad(ctx: Context, index: int, home: Place | None) -> bool:
    """Is the place mention a region of a kind only another country has, which the places
    gazetteer lacks, beside a group from abroad («губернатор провинции Белуджистан» beside a
    group from Pakistan): no host's place, so the group's own side?"""
    return home is not None and home.country != HOME_COUNTRY \
        and ctx.mention_type(index) == "LOC" and entity_place(ctx, ctx.entity(index)) is None \
        and any(word in ctx.vocab.words("foreign_only_region_words")
                for word in place_descriptor(ctx, index))


def posted_envoy(ctx: Context, person: int, where: Place | None, home: Place | None,
                 abroad: bool) -> bool:
    """Is the person his country's envoy where a region's or town's group of that country
    is abroad («генеральный консул России в Шанхае» beside a Татарстан group): posted
    there, a host, not one of the travellers (whom any place of their country counts as own)?"""
    if not abroad or home is None or home.kind == "country" or where is None \
            or where.kind != "country":
        return False
    return envoy_title_before(ctx, person, 8)


def group_home(ctx: Context, group: Delegation) -> tuple[Place | None, bool]:
    """A group's home place, and whether it is abroad: a group of a country, region or town
    visiting only another country (any place of its country is then its side: «сенатор РФ»
    escorting a Дагестан group in Азербайджан travels with it)."""
    home = home_of(ctx, group)
    return home, home is not None and bool(home.country) \
        and not visits_country(ctx, group, home)


def entity_place(ctx: Context, entity: int) -> Place | None:
    """The place an entity is or names: itself, the end of its name, or its first word's
    adjective («Гомельский облисполком» → Гомельская область)."""
    normal = ctx.doc.entities[entity].normal
    words = normal.split()
    return gazetteer().lookup(normal) or name_place(ctx, normal) or (
        gazetteer_adjective(word_lemma(fold(words[0]))) if words else None)


def home_of(ctx: Context, group: Delegation) -> Place | None:
    """The place a group comes from: its origin's entity, or its origin's name («китайская
    делегация»: Китай, named by no mention)."""
    if group.origin_entity is not None:
        return entity_place(ctx, group.origin_entity)
    return gazetteer().lookup(group.origin) if group.origin else None


def same_side(where: Place | None, home: Place | None, abroad: bool = False) -> bool:
    """Is ``where`` the group's home place, a town of its home region («глава Твери»
    beside a group from Тверская область; not a region's official beside a town's group),
    or, for a group from a country visiting another, a place of that country?"""
    if where is None or home is None:
        return False
    if abroad:  # «заместитель мэра Харбина» beside a group from Китай in Тверь
        return where.country == home.country
    return where is home or (bool(region_of(home)) and region_of(home) == home.canonical
                             and where.region == home.canonical)


def visits_country(ctx: Context, group: Delegation, home: Place) -> bool:
    """Does the group visit a place of its own country (its hosts are then of the same
    country), or nothing the text places?"""
    visits = [(site, relation.sent_id) for visitor, site, relation in ctx.found_of("VISITED")
              if visitor == group.entity_id]
    places = [where for site, _ in visits if (where := entity_place(ctx, site)) is not None]
    if not places:  # «направилась в город Шеки» (a town no gazetteer has): the places its
        # sentence names («по прилёту из Баку …»)
        places = [where for _, sent_id in visits for index in ctx.mentions_in(
            ctx.sentence(sent_id)) if ctx.mention_type(index) == "LOC"
            and (where := mention_place(ctx, index)) is not None]
    return not places or any(where.country == home.country for where in places)


def opening_persons(ctx: Context, t: int) -> list[int]:
    """The persons named in the sentence before token ``t`` where no finite verb stands there
    («Министр X тоже будет среди членов делегации»: the clause's subject)."""
    tokens = ctx.doc.tokens
    opening = range(ctx.doc.sentences[tokens[t].sent_id].first_token, t)
    if any(is_finite_verb(tokens[u]) for u in opening):
        return []
    return [i for i in ctx.mentions_in(opening) if ctx.mention_type(i) == "PER"]


# -- WORKS_FOR -----------------------------------------------------------------------------


@matcher("title_before_name")
def title_before_name(ctx: Context, rule: RelationRule) -> None:
    """«министр промышленности Пензенской области Сергей Дронов», «директор компании X и
    директор центра Y Иван Петров»: the title phrases before a name."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER":
            continue
        first = ctx.first(index)
        collected: list[int] = []
        t = _before_name(ctx, first)
        if t >= 0 and t not in ctx.mention_at \
                and tokens[t].lemma in ctx.vocab.words("counterpart_nouns"):
            continue  # «главы белорусского государства с грузинским коллегой X»: the other's
        while t >= 0 and tokens[t].sent_id == tokens[first].sent_id and len(collected) < 30:
            other = ctx.mention_at.get(t)
            token = tokens[t]
            if other is None and token.text == "." and t > 0 and tokens[t - 1].pos == "NOUN" \
                    and len(tokens[t - 1].text) <= 2:
                collected[:0] = [t - 1, t]  # an abbreviation inside the sentence («г. Москвы»)
                t -= 2
                continue
            if other is None and token.text in DASH_OR_HYPHEN and t + 1 < first \
                    and _title_start(ctx, _next_words(ctx, t + 1)) is not None:
                # «вице-премьер – министр экономики X Иван Петров»: coordinated posts
                collected.insert(0, t)
                t -= 1
                continue
            if other is None and token.text == ")":
                # «Генеральный секретарь Фронта (ОФДД) Наттавута Сайкыа», «руководитель
                # завода (входит в холдинг «Z» — ZZ) Иван Петров»: a short parenthesis after
                # the employer is skipped
                opening = next((o for o in range(t - 1, max(t - 16, -1), -1)
                                if tokens[o].text == "("), None)
                if opening is not None and opening > 0 and \
                        all(tokens[o].text not in ("(", ")") for o in range(opening + 1, t)):
                    t = opening - 1
                    continue
            if other is None and (token.pos not in NOMINAL_POS or token.text in
                                  (".", ";", ":", *DASH_OR_HYPHEN, "(", ")")) \
                    and not _genitive_participle(token) and not _is_title(ctx, t):
                break  # not a title the tagger reads as a verb («встретил управляющий …»)
            if other is not None and ctx.mention_type(other) == "PER" and _eponym(ctx, other):
                t = ctx.first(other) - 1  # «ректор университета имени X Иван Петров»: past X
                continue
            if other is not None and ctx.mention_type(other) in ("PER", DELEGATION) \
                    and not _free_title(ctx, t):
                break  # a group named by a plural title («председатели комитетов X») is one
            collected.insert(0, t)
            t -= 1
        segments: list[list[int]] = [[]]
        for t in collected:
            if tokens[t].text in (",", *DASH_OR_HYPHEN) and t not in ctx.mention_at:
                segments.append([])
            else:
                segments[-1].append(t)
        segments = _joined_lists(ctx, segments, collected)
        named = ctx.mention_at.get(collected[0] - 1) if collected else None
        if named is not None and tokens[collected[0]].text == "," \
                and ctx.mention_type(named) == "PER":
            # «X, посол Беларуси, госсекретарь Союза Y»: of two titles, the one right
            # after X's name is his
            own = [segment for segment in segments if segment]
            if len(own) >= 2 and any(tokens[t].text == "," and own[0][-1] < t < own[1][0]
                                     for t in collected):
                segments = own[1:]  # not «вице-премьер – министр экономики Y»: one post
        persons = _persons_from(ctx, index)
        later_case = None  # the case of the title after this one, which its apposition shares
        described = False
        for position, segment in enumerate(reversed(segments)):
            if position == 0 and len(segments) > 1 and _describes_person(ctx, segment, index):
                # «лидер группы Y, музыкант X»: a word that describes him, no post
                later_case, described = case_of(tokens[segment[-1]]), True
                continue
            # (a segment a preposition's phrase opens before the title ends the chain)
            opened_by_phrase = bool(segment) and tokens[segment[0]].pos == "ADP"
            segment = _agreeing(ctx, _from_title(ctx, segment, len(persons) == 1), index)
            if not segment:
                break
            title = tokens[segment[_title_start(ctx, segment) or 0]]
            case = case_of(title)
            if later_case is not None and case is not None and case != later_case:
                break  # «по словам директора компании Y, аналитик X»: another's post
            if position == 1 and described and "Number=Plur" in title.feats:
                break  # «игроки «Y», опекаемые X»: the plural is others, not him
            if position >= 1 and "Number=Plur" in title.feats and len(persons) < 2 \
                    and segment[-1] + 1 < first and tokens[segment[-1] + 1].text in DASH_OR_HYPHEN \
                    and ctx.last(index) + 1 < len(tokens) \
                    and is_finite_verb(tokens[ctx.last(index) + 1]):
                break  # «предложить члены Союза X — губернатор Y обратился»: the plural before
                # the dash is others, the name the subject of a clause of its own (not
                # «представители компании X — директор Y — и …»: one of them)
            if position >= 1 and "Number=Plur" in title.feats and len(persons) < 2 \
                    and _has_employer(ctx, ctx.entity(index)):
                break  # «вошли представители компаний «A» и «B», президент палаты X»: the
                # plural item before the post that gave him an employer is others of the list
            later_case = case
            # «руководители компаний A и B X и Y»: one employer each, in order
            _add_works_for(ctx, rule, index, segment, mention.sent_id, persons)
            if segment and segment[0] == collected[0]:
                _possessive_employer(ctx, rule, index, segment, mention.sent_id)
            if opened_by_phrase:
                break  # «Как передаёт корреспондент «X», на встрече глава Y Имя»: the title
                # before the phrase is someone else's


@matcher("title_of_relative")
def title_of_relative(ctx: Context, rule: RelationRule) -> None:
    """«… университет, ректор которого Светлана Мартынова рассказала …»: a title, «которого»
    (or «которой») and a name, right after a comma that closes an organisation's or a
    place's name, are a post there (a site's, where «в» and its town stand between)."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER":
            continue
        first = ctx.first(index)
        relative, title = first - 1, first - 2
        comma = title - 1  # («, генеральный директор которого»: past the post's adjectives)
        while comma > 0 and tokens[comma].lemma in ctx.vocab.words("post_adjectives") \
                and comma not in ctx.mention_at:
            comma -= 1
        if title < 2 or relative in ctx.mention_at or tokens[relative].lemma != "который" \
                or "Case=Gen" not in tokens[relative].feats or not _free_title(ctx, title) \
                or comma < 1 or tokens[comma].text != ",":
            continue
        employer = ctx.mention_at.get(comma - 1)
        if employer is None or ctx.last(employer) != comma - 1:
            continue
        site = ctx.mention_at.get(ctx.first(employer) - 2)
        if ctx.mention_type(employer) == "LOC" and ctx.governed(ctx.first(employer), "в", "во") \
                and site is not None and ctx.mention_type(site) in ("ORG", "PARK") \
                and ctx.last(site) == ctx.first(employer) - 2:
            employer = site  # «комбинат «X» в Архангельске, директор которого Y»: the site's
        if ctx.mention_type(employer) not in ("ORG", "PARK", "LOC") \
                or not feats_agree(tokens[relative], tokens[ctx.last(employer)]):
            continue
        ctx.add(rule, ctx.entity(index), ctx.entity(employer), mention.sent_id,
                _role(ctx, [title]))


@matcher("deputy_beside_head")
def deputy_beside_head(ctx: Context, rule: RelationRule) -> None:
    """«председатель Заксобрания X и первый вице-спикер Y», «директор завода X и его
    заместитель Y», «председатель X и все его вице-спикеры – A, B и C»: a deputy's bare
    title right after a titled holder's name is a post at the holder's body."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER":
            continue
        held = _posts_stated_in(ctx, ctx.entity(index), mention.sent_id)
        if not held:
            continue
        t = ctx.last(index) + 1
        if t >= len(tokens) or tokens[t].text not in ("и", ","):
            continue
        t += 1
        while t < len(tokens) and t not in ctx.mention_at and (
                tokens[t].lemma == "весь" or tokens[t].text.lower() in ctx.vocab.possessives
                or _adjective(ctx, t)):
            t += 1  # «все его», «первый»
        if t >= len(tokens) or t in ctx.mention_at or not _is_title(ctx, t):
            continue
        deputy = t
        for employer, head in held:
            if not _deputises(ctx, tokens[deputy].lemma, head):
                continue
            t = deputy + 1
            if t < len(tokens) and "Case=Gen" in tokens[t].feats and t not in ctx.mention_at \
                    and tokens[t].lemma == head:
                t += 1  # «и заместитель министра Y» after «министр … X»
            persons = _deputies_named_at(ctx, t, "Number=Plur" in tokens[deputy].feats)
            for person in persons:
                ctx.add(rule, ctx.entity(person), employer, mention.sent_id,
                        _role(ctx, list(range(deputy, t))))


def _posts_stated_in(ctx: Context, person: int, sent_id: int) -> list[tuple[int, str]]:
    """(employer, title lemma) of each post a title before the person's name states in the
    sentence (``works_for.title_before_name``)."""
    posts = []
    for (relation, holder, employer), found in ctx.found.items():
        key = (relation, holder, employer)
        if relation == "WORKS_FOR" and holder == person and found.role \
                and "works_for.title_before_name" in ctx.stated_by.get(key, ()) \
                and sent_id in ctx.stated_in.get(key, ()):
            posts.append((employer, found.role.split()[-1]))
    return posts


def _deputises(ctx: Context, deputy: str, head: str) -> bool:
    """Is the title lemma ``deputy`` a deputy of the holder of ``head`` («заместитель» of
    anyone, «вице-губернатор» of a «губернатор», «вице-спикер» of a chamber's
    «председатель»)? A deputy's own title is no head's."""
    if ctx.vocab.is_title(head) and head.startswith(ctx.vocab.deputy_prefixes):
        return False
    if deputy in ctx.vocab.words("deputy_words"):
        return True
    base = next((deputy[len(p):] for p in ctx.vocab.deputy_prefixes if deputy.startswith(p)),
                None)
    chamber = ctx.vocab.words("chamber_head_titles")
    return base is not None and (base == head or (base in chamber and head in chamber))


def _deputies_named_at(ctx: Context, t: int, plural: bool) -> list[int]:
    """The person named right at ``t`` after a deputy's title; after a plural one, the
    persons listed past its dash or colon («вице-спикеры – A, B и C»)."""
    tokens = ctx.doc.tokens
    if not plural:
        index = ctx.mention_at.get(t)
        return [index] if index is not None and ctx.first(index) == t \
            and ctx.mention_type(index) == "PER" else []
    if t >= len(tokens) or tokens[t].text not in (*DASH_OR_HYPHEN, ":"):
        return []
    listed: list[int] = []
    t += 1
    while (index := ctx.mention_at.get(t)) is not None and ctx.first(index) == t \
            and ctx.mention_type(index) == "PER":
        listed.append(index)
        t = ctx.last(index) + 1
        if t >= len(tokens) or tokens[t].text not in (",", "и"):
            break
        t += 1
    return listed if len(listed) >= 2 else []


@matcher("listed_bracketed_place")
def listed_bracketed_place(ctx: Context, rule: RelationRule) -> None:
    """«главы администраций городов и районов: Пётр Кедров (г. Ольхов), Иван Сосновский
    (Ольховский район)»: each person listed after a plural title and a colon holds that
    post in the place in brackets after his name."""
    tokens = ctx.doc.tokens
    for colon in (t for t in tokens if t.text == ":"):
        title = next((w for w in range(colon.token_id - 1, max(colon.token_id - 8, -1), -1)
                      if tokens[w].sent_id == colon.sent_id and w not in ctx.mention_at
                      and "Number=Plur" in tokens[w].feats and _is_title(ctx, w)
                      and _free_title(ctx, w)), None)
        if title is None:
            continue
        role = _role(ctx, [title])
        t = colon.token_id + 1
        while t < len(tokens) and tokens[t].sent_id == colon.sent_id:
            named = ctx.mention_at.get(t)
            place = _bracketed_place_after(ctx, ctx.last(named) + 1) \
                if named is not None else None
            if place is None:
                break
            if ctx.mention_type(named) == "PER":
                ctx.add(rule, ctx.entity(named), ctx.entity(place), colon.sent_id, role)
            t = ctx.last(place) + 2  # (past a name read as another type: the list goes on)
            while t < len(tokens) and tokens[t].text in (",", "и"):
                t += 1


@matcher("post_in_brackets")
def post_in_brackets(ctx: Context, rule: RelationRule) -> None:
    """«Технопарк «Сосновка» из Тулы (директор Олег Рябов)», «управление зоны «Кедр»
    (руководитель — Пётр Сомов)»: a post and its holder alone in brackets right after a body,
    or after the place «из» which it comes: the holder works for the body."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type not in ("ORG", "PARK"):
            continue
        t = ctx.last(index) + 1
        place = ctx.mention_at.get(t + 1)
        if t < len(tokens) and tokens[t].lemma == "из" and place is not None \
                and ctx.mention_type(place) == "LOC" and ctx.first(place) == t + 1:
            t = ctx.last(place) + 1  # «Технопарк «Сосновка» из Тулы (директор …)»
        if t + 2 >= len(tokens) or tokens[t].text != "(":
            continue
        close = next((c for c in range(t + 1, min(t + 12, len(tokens)))
                      if tokens[c].text in ("(", ")")), None)
        holder = ctx.mention_at.get(close - 1) if close is not None else None
        if holder is None or tokens[close].text != ")" or ctx.mention_type(holder) != "PER":
            continue
        title = list(range(t + 1, ctx.first(holder)))
        if title and tokens[title[-1]].text in (*DASH_OR_HYPHEN, ":"):
            title.pop()  # «(руководитель — Пётр Сомов)»
        if not title or _title_start(ctx, title) is None \
                or any(w in ctx.mention_at or not tokens[w].text.isalpha() for w in title):
            continue
        ctx.add(rule, ctx.entity(holder), ctx.entity(index), mention.sent_id, _role(ctx, title))


@matcher("bracketed_employer")
def bracketed_employer(ctx: Context, rule: RelationRule) -> None:
    """«Мона Халед («Нил Софт»)»: a person's name, then an organisation (or park) alone in
    brackets: the person works there."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER":
            continue
        t = ctx.last(index) + 1
        if t + 2 >= len(tokens) or tokens[t].text != "(":
            continue
        body = ctx.mention_at.get(t + 1)
        if body is None or ctx.mention_type(body) not in ("ORG", "PARK") \
                or ctx.first(body) != t + 1 or ctx.last(body) + 1 >= len(tokens) \
                or tokens[ctx.last(body) + 1].text != ")":
            continue
        ctx.add(rule, ctx.entity(index), ctx.entity(body), mention.sent_id)


def _bracketed_place_after(ctx: Context, t: int) -> int | None:
    """The place alone in brackets from ``t`` («(г. Ольхов)», «(Ольховский район)»)."""
    tokens = ctx.doc.tokens
    if t >= len(tokens) or tokens[t].text != "(":
        return None
    t += 1
    if t + 1 < len(tokens) and tokens[t + 1].text == "." \
            and tokens[t].text.lower() in ctx.vocab.words("town_abbreviations"):
        t += 2  # «г. Сухум»
    place = ctx.mention_at.get(t)
    if place is None or ctx.mention_type(place) != "LOC" or ctx.first(place) != t:
        return None
    end = ctx.last(place) + 1
    return place if end < len(tokens) and tokens[end].text == ")" else None


@matcher("envoy_in_region")
def envoy_in_region(ctx: Context, rule: RelationRule) -> None:
    """«полпред правительства в Джалал-Абадской области Нурлан Токтосунов», «полномочный
    представитель президента в Уральском федеральном округе Павел Ладыгин»: the region after
    «в» right before the name is where the state's envoy (``regional_envoy_titles``, with the
    state's body in the genitive) holds his post."""
    tokens, titles = ctx.doc.tokens, ctx.vocab.words("regional_envoy_titles")
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER":
            continue
        place = ctx.mention_at.get(ctx.first(index) - 1)
        if place is None or ctx.mention_type(place) != "LOC":
            continue
        t = ctx.first(place) - 1
        if t < 2 or tokens[t].lemma not in ("в", "во"):
            continue
        # the title and the state's body it represents, in the genitive, right before «в»
        body = t - 1
        while body > 0 and body in ctx.mention_at and tokens[body].sent_id == mention.sent_id:
            body -= 1  # «президента Кыргызской Республики»
        title = body - 1
        if tokens[body].lemma not in ctx.vocab.words("envoy_principals") \
                or "Case=Gen" not in tokens[body].feats or tokens[title].lemma not in titles:
            continue
        ctx.add(rule, ctx.entity(index), ctx.entity(place), mention.sent_id,
                _role(ctx, [title, body]))


def _has_employer(ctx: Context, person: int) -> bool:
    """Has a WORKS_FOR been found for the person?"""
    return any(who == person for who, _, _ in ctx.found_of("WORKS_FOR"))


@matcher("title_after_name")
def title_after_name(ctx: Context, rule: RelationRule) -> None:
    """«Иван Петров, директор компании X», «X и Y, руководители компаний A и B», «Иван
    Петров (президент ассоциации X)», «Иван Петров, экс-мэр города X, директор компании Y»:
    each title phrase after the name, up to the next name."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER":
            continue
        t = _past_alias(ctx, ctx.last(index) + 1)
        persons = ctx.person_list(index)
        while t < len(tokens) and tokens[t].sent_id == mention.sent_id \
                and tokens[t].text in (",", "(", *DASH_OR_HYPHEN) and t not in ctx.mention_at:
            opening = tokens[t].text
            segment, t = _title_phrase_after(ctx, t + 1, mention.sent_id)
            if not segment:
                break
            if opening == "(" and t < len(tokens) and (
                    tokens[t].text == ")" or _title_closes_bracket(ctx, t)):
                # «Иван Петров (компания «Кварц»)», «(АО «Кварц», генеральный директор)»
                _bracketed_employer(ctx, rule, index, segment, mention.sent_id)
            if _one_of_opening(ctx, segment):
                # «Иван Петров, один из руководителей компании X»: his post, the title plural
                _add_works_for(ctx, rule, index, segment[2:], mention.sent_id, one=True)
            else:
                _add_works_for(ctx, rule, index, segment, mention.sent_id, persons)
            if tokens[t - 1].text == "(" or (t < len(tokens) and tokens[t].text == ")"):
                break  # «Иван Петров (президент ассоциации X)»: the parenthesis is all
            if t >= len(tokens) or _title_start(ctx, _next_words(ctx, t + 1)) is None:
                break  # a further comma goes on only to another title


def _describes_person(ctx: Context, segment: list[int], person: int) -> bool:
    """Is ``segment`` right before the name a word describing the person, no title and no
    name: a lower-case animate noun in the name's case, with its adjectives («музыкант»,
    «известный режиссёр»)?"""
    tokens = ctx.doc.tokens
    if not segment or len(segment) > 3 or any(t in ctx.mention_at for t in segment) \
            or _title_start(ctx, segment) is not None:
        return False
    noun = tokens[segment[-1]]
    cases = {case_of(tokens[t]) for t in ctx.mention_tokens(person)} - {None}
    # one person's («игроки «Интера», опекаемые X» describes them, not him)
    return noun.pos == "NOUN" and noun.text.islower() and "Animacy=Anim" in noun.feats \
        and "Number=Sing" in noun.feats and "VerbForm" not in noun.feats \
        and case_of(noun) in cases and all(_adjective(ctx, t) for t in segment[:-1])


def _past_alias(ctx: Context, t: int) -> int:
    """Past a bracket at ``t`` that only writes the name again, in Latin letters or as
    another person mention («Иван Петров (Ivan Petrov), директор …»), or ``t`` itself."""
    tokens = ctx.doc.tokens
    if t >= len(tokens) or tokens[t].text != "(":
        return t
    close = closing_bracket(tokens, t, 8)
    if close is None or close == t + 1:
        return t
    for u in range(t + 1, close):
        index = ctx.mention_at.get(u)
        if index is not None and ctx.mention_type(index) != "PER":
            return t
        if index is None and not (LATIN_WORD.fullmatch(tokens[u].text) or tokens[u].text == "."):
            return t
    return close + 1


# a word in Latin letters («Ivan», «Petrov»)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _one_of_opening(ctx: Context, segment: list[int]) -> bool:
    """Does ``segment`` open with «один из» («одна из», «одним из»)?"""
    tokens = ctx.doc.tokens
    return len(segment) > 2 and tokens[segment[0]].lemma == "один" \
        and tokens[segment[1]].lemma == "из" and segment[0] not in ctx.mention_at


def _eponym(ctx: Context, index: int) -> bool:
    """Is the person ``index`` the one a university or a plant is named after, his name right
    after «имени» or «им.» and the title words of it («им. Первого Президента России X»)?"""
    tokens = ctx.doc.tokens
    for t in range(ctx.first(index) - 1, max(ctx.first(index) - 8, -1), -1):
        other = ctx.mention_at.get(t)
        if (other is not None and ctx.mention_type(other) == "PER") or (
                tokens[t].pos == "PROPN" and (other is None or ctx.mention_type(other) != "LOC")
                and not _is_title(ctx, t) and not _adjective(ctx, t)):
            return False  # «… имени Короля X Мунира Y»: X is the eponym, Y another's name
        word = tokens[t].text.lower()
        if ctx.eponym_marker_at(t):
            # a name a body bears follows its noun («университета имени X»), not «от имени
            # председателя X» (on X's behalf) nor «по имени X» (a person called X)
            return t > 0 and (tokens[t - 1].pos in ("NOUN", "PROPN")
                              or tokens[t - 1].text == QUOTE_CLOSE)
        if tokens[t].pos not in NOMINAL_POS and word != ".":
            return False
    return False


def _genitive_participle(token: Token) -> bool:
    """A participle inside a title's genitive chain, read as an adjective («директор
    управляющей компании»)."""
    return token.pos == "VERB" and "VerbForm=Part" in token.feats and "Case=Gen" in token.feats


def _persons_from(ctx: Context, index: int) -> list[int]:
    """The persons of a list that begins with mention ``index`` («X и Y», «X, Y и Z»)."""
    tokens = ctx.doc.tokens
    persons = [index]
    t = ctx.last(index) + 1
    while t + 1 < len(tokens) and tokens[t].text in (",", "и") and t not in ctx.mention_at:
        other = ctx.mention_at.get(t + 1)
        if other is None or ctx.mention_type(other) != "PER" or ctx.first(other) != t + 1:
            break
        persons.append(other)
        t = ctx.last(other) + 1
    return persons


def _joined_lists(ctx: Context, segments: list[list[int]],
                  collected: list[int]) -> list[list[int]]:
    """Segments rejoined where a comma lists a post's fields («министр промышленности,
    торговли и инвестиций области», «заместитель губернатора по экономике, финансам»): a
    segment with no title that opens with a noun after one ending in a plain noun."""
    tokens = ctx.doc.tokens
    joined: list[list[int]] = []
    for segment in segments:
        if joined and joined[-1] and segment and tokens[segment[0]].pos == "NOUN" \
                and segment[0] not in ctx.mention_at \
                and not any(_is_title(ctx, t) for t in segment) \
                and tokens[joined[-1][-1]].pos == "NOUN" and joined[-1][-1] not in ctx.mention_at \
                and any(_is_title(ctx, t) for t in joined[-1]):
            comma = [t for t in collected if joined[-1][-1] < t < segment[0]]
            joined[-1] = joined[-1] + comma + segment
        else:
            joined.append(segment)
    return joined


def _before_name(ctx: Context, first: int) -> int:
    """The last token of a title phrase before the name at ``first``: over a dash («директор
    технопарка X – Иван Петров»), an honorific («директор департамента господин Ли») and a
    style of address before it («Его Превосходительство»)."""
    tokens = ctx.doc.tokens
    t = first - 1
    if t >= 0 and tokens[t].lemma in ctx.vocab.words("honorifics") and t not in ctx.mention_at:
        t -= 1
    if t >= 1 and tokens[t].lemma in ctx.vocab.words("address_styles") \
            and tokens[t - 1].lemma in ("он", "она") and t not in ctx.mention_at:
        t -= 2  # «президентом Республики X Его Превосходительством господином Y»
        if t > 0 and tokens[t].text == "," and t not in ctx.mention_at:
            t -= 1  # «посол ОАЭ в Котону, Его Превосходительство Y»: the title's apposition
    t = _before_academic_titles(ctx, _before_rank(ctx, t))
    if t >= 0 and AGE.fullmatch(tokens[t].text) and t not in ctx.mention_at:
        t -= 1  # «Президент Кедрии, 74-летний Иван Ладов»
    if t > 0 and tokens[t].text == "," and _appositive_to_title(ctx, first, t):
        t -= 1
    if t > 0 and tokens[t].text in DASH_OR_HYPHEN and t not in ctx.mention_at \
            and tokens[t - 1].sent_id == tokens[first].sent_id:
        t -= 1
    if t > 0 and tokens[t].text == ":" and _plural_title_before(ctx, t):
        t -= 1  # «вошли представители компании «Y»: Иван Петров и Олег Сомов»
    return t


def _plural_title_before(ctx: Context, t: int) -> bool:
    """Does a title in the plural open the noun phrase that ends right before ``t``
    («представители компании «Y»», «сотрудники министерства экономики области»)?"""
    tokens = ctx.doc.tokens
    for before in range(t - 1, max(t - 10, -1), -1):
        token = tokens[before]
        if _free_title(ctx, before):
            return "Number=Plur" in token.feats
        if before not in ctx.mention_at and (token.pos not in NOMINAL_POS or (
                token.pos == "PUNCT" and token.text not in (QUOTE_OPEN, QUOTE_CLOSE))):
            return False
    return False


# «74-летний», «45-летнего»: a person's age before the name
AGE = re.compile(r"\d+-летн[а-яё]+")


def _before_rank(ctx: Context, t: int) -> int:
    """The token before a rank that ends at ``t`` («генерал-полковник», «генерал армии»), or
    ``t`` itself where none does."""
    tokens = ctx.doc.tokens
    ranks = ctx.vocab.words("rank_titles")
    if t > 0 and tokens[t].lemma in ctx.vocab.words("rank_branches") \
            and tokens[t - 1].lemma in ranks and t not in ctx.mention_at:
        return t - 2
    if t >= 0 and tokens[t].lemma in ranks and t not in ctx.mention_at:
        return t - 1
    return t


def _before_academic_titles(ctx: Context, t: int) -> int:
    """The token before the academic titles and degrees that end at ``t``, each set off by a
    comma after a post («директор технопарка «X», доктор технических наук, профессор»: the
    post's last word), or one title right after the employer's name («ректор ПКФУ
    профессор»), or ``t`` itself where none do."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    titles, degrees = vocab.words("academic_titles"), vocab.words("academic_degree_nouns")
    end = t
    while t > 0:
        named = ctx.mention_at.get(t)
        if named is not None:
            # «член-корреспондент РАН», «академик НАН Беларуси»: a rank of an academy, no post
            rank = ctx.first(named) - 1
            if ctx.mention_type(named) != "ORG" or rank < 0 or rank in ctx.mention_at \
                    or tokens[rank].lemma not in titles or tokens[rank].lemma in vocab.titles:
                break
            start = rank
        elif tokens[t].lemma in titles:
            start = t
        elif tokens[t].lemma == "наука" and t >= 2 and tokens[t - 1].pos == "ADJ" \
                and tokens[t - 2].lemma in degrees:
            start = t - 2  # «доктор технических наук»
        elif (abbreviated := _degree_abbreviation_start(ctx, t)) is not None:
            start = abbreviated  # «д.т.н.», «к.э.н.»
        else:
            break
        if start < 2 or tokens[start - 1].text != ",":
            break
        t = start - 2
    if t == end and (academy := ctx.mention_at.get(end)) is not None \
            and ctx.mention_type(academy) == "ORG" and (rank := ctx.first(academy) - 1) >= 1 \
            and rank not in ctx.mention_at and tokens[rank].lemma in titles \
            and tokens[rank].lemma not in vocab.titles \
            and (named := ctx.mention_at.get(rank - 1)) is not None \
            and ctx.mention_type(named) in ("ORG", "PARK", "LOC"):
        return rank - 1  # «председатель КНЦ РАН академик РАН Иван Петров»: past the rank
    run = end  # («директор парка «X» профессор доктор Ян Ковач»: a bare «доктор» too)
    while t == end and run >= 1 and run not in ctx.mention_at \
            and (tokens[run].lemma in titles or tokens[run].lemma in degrees):
        run -= 1
    if run < end and (named := ctx.mention_at.get(run)) is not None \
            and ctx.mention_type(named) in ("ORG", "PARK", "LOC"):
        return run  # «ректор ПКФУ профессор Зарема Хапаева»: past an employer's name
    # (only past a comma or a name: «профессор МГУ Иван Петров» is a post)
    return t if t != end and t >= 0 and tokens[t + 1].text == "," else end


# an academic degree abbreviated: «д.т.н.» (доктор технических наук), «к.э.н.», «д.ф.-м.н.»
DEGREE_ABBREVIATION = re.compile(r"[дк]\.(?:[а-я]{1,3}[.-]+){1,3}н\.")


def _degree_abbreviation_start(ctx: Context, end: int) -> int | None:
    """The first token of an abbreviated degree that ends at ``end`` («д.т.н.»), or None."""
    tokens = ctx.doc.tokens
    for start in range(end, max(end - 9, -1), -1):
        if start in ctx.mention_at or tokens[start].sent_id != tokens[end].sent_id:
            return None
        if DEGREE_ABBREVIATION.fullmatch("".join(t.text for t in tokens[start:end + 1])):
            return start
    return None


def _appositive_to_title(ctx: Context, first: int, comma: int) -> bool:
    """Is the name at ``first`` set off by the ``comma`` before it as the apposition of a
    post title before the comma («Президент Кедрии, Иван Ладов, прибыл»)? The parse says so,
    or reads the two as joined subjects of a verb in the singular, which a list is not."""
    tokens = ctx.doc.tokens
    head = tokens[first].head_id
    if not (0 <= head < comma and _is_title(ctx, head)):
        return False
    if tokens[first].rel == "appos":
        return True
    verb = tokens[head].head_id
    return tokens[first].rel == "conj" and tokens[head].rel == "nsubj" and verb >= 0 \
        and tokens[verb].pos == "VERB" and "Number=Sing" in tokens[verb].feats


def _next_words(ctx: Context, t: int) -> list[int]:
    """Up to four tokens from ``t`` in its sentence (to ask whether a title opens there)."""
    tokens = ctx.doc.tokens
    if t >= len(tokens):
        return []
    return [i for i in range(t, min(t + 4, len(tokens))) if tokens[i].sent_id == tokens[t].sent_id]


def _title_closes_bracket(ctx: Context, comma: int) -> bool:
    """Does a title phrase alone follow the ``comma`` up to a closing bracket («(АО «Кварц»,
    генеральный директор)»)?"""
    tokens = ctx.doc.tokens
    if tokens[comma].text != ",":
        return False
    phrase, end = _title_phrase_after(ctx, comma + 1, tokens[comma].sent_id)
    return bool(phrase) and end < len(tokens) and tokens[end].text == ")" \
        and _title_start(ctx, phrase) is not None


def _bracketed_employer(ctx: Context, rule: RelationRule, person: int, segment: list[int],
                        sent_id: int) -> None:
    """«Иван Петров (компания «Кварц»)»: a bracket holding only an organisation's name,
    after its generic head or legal form, names the person's employer."""
    tokens = ctx.doc.tokens
    position = 0
    while position < len(segment) and segment[position] not in ctx.mention_at \
            and (tokens[segment[position]].lemma in ctx.vocab.org_heads
                 or ctx.legal_form(segment[position])):
        position += 1
    named = ctx.mention_at.get(segment[0])
    if position == 0 and (named is None or ctx.mention_type(named) != "PARK"):
        return  # «(технопарк «Орбита»)»: a park's name holds its head word
    if position >= len(segment):
        return
    employer = ctx.mention_at.get(segment[position])
    if employer is None or ctx.mention_type(employer) not in ("ORG", "PARK") \
            or ctx.last(employer) != segment[-1]:
        return
    ctx.add(rule, ctx.entity(person), ctx.entity(employer), sent_id)


def _participle_of_title(ctx: Context, t: int, segment: list[int]) -> bool:
    """Does a participle open the phrase as a word of the post it qualifies («управляющий
    директор X»)?"""
    tokens = ctx.doc.tokens
    return not segment and "VerbForm=Part" in tokens[t].feats and tokens[t].rel == "amod" \
        and tokens[t].head_id == t + 1 and ctx.vocab.is_title(tokens[t + 1].lemma)


def _title_phrase_after(ctx: Context, t: int, sent_id: int) -> tuple[list[int], int]:
    """The nominal phrase from ``t`` to the next break, and where it stops; empty when a
    name follows it («…, координатор движения Y Сергей Удальцов») or a dash hands it to the
    name after it («директор центра X - Ким Ли»)."""
    tokens = ctx.doc.tokens
    segment: list[int] = []
    t = _past_acting(ctx, t)
    while t < len(tokens) and tokens[t].sent_id == sent_id:
        token = tokens[t]
        if _initials_at(ctx, t):
            return [], t  # «…, директора филиала МТПП А. Новикова»: another person's title
        if t not in ctx.mention_at:
            if token.text == "." and t + 1 < len(tokens) and tokens[t + 1].sent_id == sent_id:
                segment.append(t)  # an abbreviation inside the sentence («в г. Москве»)
                t += 1
                continue
            if token.text == "," and segment and _fields_listed(ctx, t):
                segment.append(t)  # «министр торговли, туризма и телекоммуникаций Сербии»
                t += 1
                continue
            if token.text in CHUNK_BREAKS | {".", DASH} or (
                    token.pos not in NOMINAL_POS and not _genitive_participle(token)
                    and not _participle_of_title(ctx, t, segment)):
                break  # not «лидер правящей партии»: a participle of the title's chain
            if token.text == "-" and segment:
                return [], t
        other = ctx.mention_at.get(t)
        if other is not None and ctx.mention_type(other) == "PER":
            return [], t
        segment.append(t)
        t += 1
    after = t
    if after < len(tokens) and tokens[after].text == "(":
        close = closing_bracket(tokens, after, 6)
        after = close + 1 if close is not None else after
    if after < len(tokens) and tokens[after].text in DASH_OR_HYPHEN and not (
            after + 1 < len(tokens) and after + 1 not in ctx.mention_at
            and tokens[after + 1].pos in ("VERB", "AUX")):
        return [], t  # not «Иван Петров — директор X — возглавил …»: the dashes close it
    if after != t and (other := ctx.mention_at.get(after)) is not None \
            and ctx.mention_type(other) == "PER":
        return [], t  # «…, главный инженер министерства X (в ранге …) Лю Вэй»: his title
    return segment, t


def _fields_listed(ctx: Context, comma: int) -> bool:
    """Does the comma at ``comma`` join the genitive fields of a post's title («министр
    торговли, туризма и телекоммуникаций Сербии»): a lower-case genitive noun either side,
    and the list closed by «и» and a genitive before the next break?"""
    tokens = ctx.doc.tokens

    def genitive_noun(t: int) -> bool:
        return 0 <= t < len(tokens) and t not in ctx.mention_at and tokens[t].pos == "NOUN" \
            and tokens[t].text.islower() and case_of(tokens[t]) == "Gen"

    if not genitive_noun(comma - 1) or not genitive_noun(comma + 1):
        return False
    for t in range(comma + 2, min(comma + 8, len(tokens) - 1)):
        if tokens[t].text in CHUNK_BREAKS:
            return False
        if tokens[t].text == "и":
            return genitive_noun(t + 1)
    return False


def _past_acting(ctx: Context, t: int) -> int:
    """Past «(временно) исполняющий обязанности» at ``t``, where the post's title follows
    («X, исполняющий обязанности директора компании Y»: the post is his for now)."""
    tokens = ctx.doc.tokens
    u = t + 1 if t < len(tokens) and tokens[t].lemma == "временно" else t
    if u + 2 < len(tokens) and tokens[u].text.lower().startswith("исполняющ") \
            and tokens[u + 1].lemma == "обязанность" and _is_title(ctx, u + 2):
        return u + 2
    return t


def _initials_at(ctx: Context, t: int) -> bool:
    """Does a name with initials the tagger did not find start at ``t`` («А. Новикова»,
    «А.А. Мазепова»)?"""
    tokens = ctx.doc.tokens
    while t + 2 < len(tokens) and len(tokens[t].text) == 1 and tokens[t].text.isupper() \
            and tokens[t + 1].text == ".":
        t += 2
        if tokens[t].text[:1].isupper() and len(tokens[t].text) > 1 and tokens[t].text.isalpha():
            return True
    return False


@matcher("head_title_origin")
def head_title_origin(ctx: Context, rule: RelationRule) -> None:
    """«делегация Калужской области во главе с губернатором Иваном Петровым», «делегация
    министерства X во главе с директором департамента Y Ли Вэем»: a group's head whose title
    names no employer holds the post where the group comes from (from HEADED_BY found
    before). A place's group needs a post of its government (``rule.trigger``); a member
    («в состав делегации университета вошёл проректор X») counts for an organisation's
    group only, with a post that is not a government one."""
    tokens = ctx.doc.tokens
    government = ctx.vocab.words(rule.trigger)
    by_entity = {d.entity_id: d for d in ctx.delegations}
    pairs = [(group, person, relation, True) for group, person, relation
             in ctx.found_of("HEADED_BY")]
    pairs += [(group, person, relation, False) for person, group, relation
              in ctx.found_of("MEMBER_OF_DELEGATION")]
    for group, person, relation, head in pairs:
        delegation = by_entity.get(group)
        if delegation is None or delegation.origin_entity is None \
                or delegation.origin_kind != "strong":
            continue
        origin = ctx.doc.entities[delegation.origin_entity]
        if not head and origin.type not in ("ORG", "LOC"):
            continue  # a member's post: in the organisation the group comes from, or a
            # regional head's post alone in its place (below)
        for index in ctx.mentions_in(ctx.sentence(relation.sent_id)):
            if ctx.entity(index) != person:
                continue
            first = ctx.first(index)
            phrase: list[int] = []
            t = _before_name(ctx, first)
            while t >= 0 and len(phrase) < 8:
                place = ctx.mention_at.get(t)
                if place is not None and _posted_in(ctx, place):
                    t = ctx.first(place) - 2  # «послом в РФ»: where the post is held
                    continue
                if t in ctx.mention_at or (tokens[t].pos not in ("NOUN", "ADJ", "CCONJ")
                                           and tokens[t].lemma != "по"):
                    break  # «проректор по науке»: a post's field
                phrase.insert(0, t)
                t -= 1
            segment = _agreeing(ctx, _from_title(ctx, phrase), index)
            start = _title_start(ctx, segment)
            if start is None or _former(ctx, segment, start) \
                    or "Number=Plur" in tokens[segment[start]].feats:
                continue
            title = tokens[segment[start]]
            in_government = title.lemma in government or title.text.lower() in government \
                or any(tokens[w].lemma in government for w in segment[start + 1:])
            # a member of a place's group with a regional head's post alone («в делегацию
            # вошли вице-губернатор X»): his region's post
            regional = not head and origin.type == "LOC" and len(segment) - start == 1 \
                and title.lemma in ctx.vocab.words("regional_head_posts") \
                and (place := gazetteer().lookup(origin.normal)) is not None \
                and place.kind != "country"
            if (origin.type == "LOC" and not in_government) \
                    or (not head and in_government and not regional) \
                    or _other_region(ctx, segment[start + 1:], origin.normal):
                continue
            ctx.add(rule, person, origin.entity_id, relation.sent_id,
                    _role(ctx, segment[start:]))
            break


def _other_region(ctx: Context, phrase: list[int], origin: str) -> bool:
    """Does the title phrase name a kind of region the origin is not («делегаты из Сербии
    во главе с министром края X»: a province's minister, not the country's)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    anaphors = vocab.words("place_anaphors") - vocab.words("generic_region_words")
    words = fold(origin).split()
    return any(tokens[t].lemma in anaphors and "Case=Gen" in tokens[t].feats
               and not any(w.startswith(tokens[t].lemma[:-1]) for w in words)
               for t in phrase)


@matcher("listed_posts")
def listed_posts(ctx: Context, rule: RelationRule) -> None:
    """«с президентом Вьетнама Ле Ваном, вице-премьером Чан Ха»: in a list of officials, a
    government post with no employer named is in the place of the post listed before it
    (from the WORKS_FOR to a place found before)."""
    tokens = ctx.doc.tokens
    government = ctx.vocab.words(rule.trigger)
    for person, employer, relation in list(ctx.found_of("WORKS_FOR")):
        place = employer if ctx.doc.entities[employer].type == "LOC" \
            else _government_place(ctx, employer)
        if place is None or relation.rule == rule.id or relation.rule.endswith("envoy_in_region"):
            continue  # (an envoy's region is where he serves, not his peers' government)
        mentions = ctx.mentions_in(ctx.sentence(relation.sent_id))
        known = [i for i in mentions if ctx.entity(i) == person]
        if not known:
            continue
        t = ctx.last(known[0]) + 1
        if relation.rule.endswith("title_after_name"):
            # «Ле Ваном, президентом Вьетнама, …»: past the person's own title
            t = next((u for u in range(t + 1, min(t + 12, len(tokens)))
                      if tokens[u].text in (",", ".") and u not in ctx.mention_at), len(tokens))
        anaphors = ctx.vocab.words("place_anaphors") | ctx.vocab.org_heads \
            | ctx.vocab.geo_descriptors
        while t < len(tokens) and tokens[t].sent_id == relation.sent_id:
            if tokens[t].text != "," and tokens[t].lemma != "и":
                break
            elided = _elided_title_person(ctx, t)
            if elided is not None:
                # «главы Хатлона X и Сурхандарьи Y»: the same post in the place named
                other, where = elided
                ctx.add(rule, ctx.entity(other), ctx.entity(where), relation.sent_id,
                        relation.role)
                t = ctx.last(other) + 1
                continue
            # «…, вице-премьером Чан Ха», «… и премьером Чан Ха» or «…, Чан Ха, вице-премьером»
            words: list[int] = []
            u = t + 1
            if u + 1 < len(tokens) and tokens[u].lemma == "а" and tokens[u + 1].lemma == "также":
                u += 2  # «…, а также министром Y»
            while u < len(tokens) and u not in ctx.mention_at and (
                    tokens[u].pos in ("NOUN", "ADJ") or (
                        # «министром промышленности и торговли Y», «министром по спорту Y»
                        words and tokens[u].lemma in ("и", "по") and u + 1 < len(tokens)
                        and u + 1 not in ctx.mention_at
                        and tokens[u + 1].pos in ("NOUN", "ADJ"))):
                words.append(u)
                u += 1
            other = ctx.mention_at.get(u)
            if other is None or ctx.mention_type(other) != "PER":
                break
            after: list[int] = []
            v = ctx.last(other) + 1
            if not words and v < len(tokens) and tokens[v].text == ",":
                w = v + 1
                while w < len(tokens) and w not in ctx.mention_at \
                        and tokens[w].pos in ("NOUN", "ADJ"):
                    after.append(w)
                    w += 1
                if after and w < len(tokens) and tokens[w].text in (",", "."):
                    v = w
                else:
                    after = []
            title = words or after
            start = _title_start(ctx, title)
            if start is None or _former(ctx, title, start) \
                    or any(tokens[w].lemma in anaphors for w in title) \
                    or any(_place_adjective(ctx, w) for w in title[:start]):
                break  # «хоким области X», «российский президент X»: a post of its own place
            if _government_title(ctx, title, start, government):
                ctx.add(rule, ctx.entity(other), place, relation.sent_id,
                        _role(ctx, title[start:]))
            t = v


def _government_title(ctx: Context, title: list[int], start: int,
                      government: frozenset[str] | set[str]) -> bool:
    """Is the title a government post («министр здравоохранения»), also a deputy's
    («заместитель министра природных ресурсов»)?"""
    tokens = ctx.doc.tokens
    word = tokens[title[start]]
    if word.lemma in government or word.text.lower() in government:
        return True
    following = tokens[title[start + 1]] if start + 1 < len(title) else None
    return word.lemma == "заместитель" and following is not None \
        and following.lemma in government and "Case=Gen" in following.feats


def _government_place(ctx: Context, employer: int) -> int | None:
    """The place a government body's name ends with, where the text names that place
    («правительство Тверской области» → «Тверская область»): a list of the body's
    officials goes on with the region's ministers."""
    entity = ctx.doc.entities[employer]
    words = fold(entity.normal).split()
    if entity.type != "ORG" or not words or words[0] not in ctx.vocab.words("government_bodies"):
        return None
    home = name_place(ctx, entity.normal)
    if home is None:
        return None
    named = [e.entity_id for e in ctx.doc.entities
             if e.type == "LOC" and gazetteer().lookup(e.normal) == home]
    return named[0] if len(named) == 1 else None


def _elided_title_person(ctx: Context, t: int) -> tuple[int, int] | None:
    """After «и» at ``t``, a place in the genitive and a name with no title of its own
    («главы Хатлона X и Сурхандарьи Y», «послы Ирана в России X и России в Иране Y»): the
    person and the place, whose post is the one named before «и»."""
    tokens = ctx.doc.tokens
    if tokens[t].lemma != "и":
        return None
    place = ctx.mention_at.get(t + 1)
    if place is None or ctx.first(place) != t + 1 or ctx.mention_type(place) != "LOC" \
            or case_of(tokens[ctx.last(place)]) != "Gen":
        return None
    u = ctx.last(place) + 1
    where = ctx.mention_at.get(u + 1) if u < len(tokens) and tokens[u].pos == "ADP" else None
    if where is not None and ctx.first(where) == u + 1 and _posted_in(ctx, where):
        u = ctx.last(where) + 1  # «… и России в Иране Y»: where the post is held
    other = ctx.mention_at.get(u)
    if other is None or ctx.first(other) != u or ctx.mention_type(other) != "PER":
        return None
    return other, place


@matcher("bare_regional_post")
@matcher("bare_host_post")
@matcher("bare_town_post")
def bare_regional_post(ctx: Context, rule: RelationRule) -> None:
    """«… в Калужской области. … губернатор Анатолий Петров встретился с …»: a governor's
    bare title is a post of the one region (область, край, республика …) the text names
    (``bare_host_post``: of the one region no delegation of the text comes from;
    ``bare_town_post``: a mayor's, of the one town no delegation comes from)."""
    posts = ctx.vocab.words(rule.trigger)
    if rule.method == "bare_town_post":
        _bare_town_post(ctx, rule, posts)
        return
    anaphors = ctx.vocab.words("place_anaphors") - ctx.vocab.words("generic_region_words") \
        - ctx.vocab.words("state_region_heads")
    # a region written without its head word counts by its full name («Орловщина»)
    regions = {m.entity_id for m in ctx.doc.mentions if m.type == "LOC"
               and any(word.startswith(a[:-1]) for word in region_words(m.normal)
                       for a in anaphors)}
    # or by the word before it («провинции Аньхой»)
    described = {m.entity_id for index, m in enumerate(ctx.doc.mentions) if m.type == "LOC"
                 and any(word.startswith(a[:-1]) for word in place_descriptor(ctx, index)
                         for a in anaphors)}
    # a place the text names with the same post («губернатор Севастополя Михаил Дорохин»:
    # the bare «вице-губернатор» is of Севастополь, though the text names an «область» too)
    titled = _places_of_post(ctx, posts)
    if rule.method != "bare_host_post" and len(titled) == 1:
        regions = titled
    travellers: set[int] = set()
    if rule.method == "bare_host_post":
        # several regions: the one no delegation of the text comes from is the hosts'
        if not ctx.delegations:
            return
        regions -= {entity for d in ctx.delegations
                    for entity in (d.origin_entity, *d.also_from) if entity is not None}
        # a host's title: not one of the travellers', nor one whose post is already found
        travellers = {head for _, head, _ in ctx.found_of("HEADED_BY")} \
            | {member for member, _, _ in ctx.found_of("MEMBER_OF_DELEGATION")} \
            | {person for person, _, _ in ctx.found_of("WORKS_FOR")}
    if not regions and len(described) == 1:
        # the head of a group from elsewhere («делегация правительства Липецкой области во
        # главе с губернатором X» visiting «провинцию Хубэй») is not its governor
        origins = {d.entity_id: d.origin_entity for d in ctx.delegations}
        regions = described - {o for o in origins.values() if o is not None}
        travellers |= {head for group, head, _ in ctx.found_of("HEADED_BY")
                       if origins.get(group) not in regions}
    if len(regions) != 1:
        return
    (region,) = regions
    # the head or a member of a group from elsewhere («делегация провинции Цзянсу во главе с
    # вице-губернатором X» in Самарская область) holds his post there, not here
    origins = {d.entity_id: d.origin_entity for d in ctx.delegations}
    # (a group named by a country's adjective alone has no entity of its origin: «Перуанскую
    # группу привёл губернатор X» in Кузбасс)
    named_apart = {d.entity_id for d in ctx.delegations if d.origin_entity is None and d.origin
                   and not same_place(d.origin, ctx.doc.entities[region].normal)}
    travellers |= {person for person, group, _ in ctx.found_of("MEMBER_OF_DELEGATION")
                   if origins.get(group) not in (None, region) or group in named_apart}
    travellers |= {head for group, head, _ in ctx.found_of("HEADED_BY")
                   if origins.get(group) not in (None, region) or group in named_apart}
    _bare_posts_of(ctx, rule, posts, region, travellers)


def _bare_town_post(ctx: Context, rule: RelationRule, posts: frozenset[str] | set[str]) -> None:
    """«… встреча в ратуше Вайнхайма, где обер-бургомистр X приветствовал делегацию из Y»: the
    one town the text names (by the gazetteer, after a town's word, or a place the gazetteer
    lacks that a group visited) that no group comes from and whose own mayor the text does not
    name with it («мэр Якоб Кьельдсен вручает подарок мэру Цзинани Y»: the guest); not where
    a group's origin is unknown (the mayor may be its own). Runs after the other rules: its
    travellers are the heads, members and posts they found."""
    if not ctx.delegations or not all(d.origin for d in ctx.delegations):
        return
    origins = {entity for d in ctx.delegations
               for entity in (d.origin_entity, *d.also_from) if entity is not None}
    visited = {site for _, site, _ in ctx.found_of("VISITED")}
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    settlements = vocab.words("settlement_words")
    towns: set[int] = set()
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "LOC" or mention.entity_id in origins:
            continue
        place = mention_place(ctx, index)
        first = ctx.first(index)
        if (place is not None and is_town(place)) or (place is None and (
                mention.entity_id in visited
                or (first > 0 and tokens[first - 1].lemma in settlements))):
            towns.add(mention.entity_id)
    towns -= {e for e in towns for d in ctx.delegations if d.origin
              and same_place(ctx.doc.entities[e].normal, d.origin)}
    towns -= _places_of_post(ctx, posts)
    if len(towns) != 1:
        return
    travellers = {head for _, head, _ in ctx.found_of("HEADED_BY")} \
        | {member for member, _, _ in ctx.found_of("MEMBER_OF_DELEGATION")} \
        | {person for person, _, _ in ctx.found_of("WORKS_FOR")}
    coming = vocab.words("arrival_verbs") | vocab.words("visit_motion_verbs")
    # (nor one who comes: «Вместе с губернатором в Найроби прибыли министр X и мэр Y»; nor
    # one named before a group's arrival or lead in his sentence: «Вокруг заместителя мэра X
    # … в Вюрзелен приехали и другие члены делегации», «мэр X возглавит миссию»)
    travellers |= {ctx.entity(person) for t, token in enumerate(tokens)
                   if token.lemma in coming for person in subject_persons(ctx, t)}
    told = coming | vocab.visit_triggers | vocab.words("lead_verbs")
    for index, mention in enumerate(ctx.doc.mentions):
        after = range(ctx.last(index) + 1, ctx.sentence(mention.sent_id).stop)
        if mention.type == "PER" and any(ref.token in after for ref in ctx.refs) \
                and any(tokens[t].lemma in told for t in after):
            travellers.add(ctx.entity(index))
    _bare_posts_of(ctx, rule, posts, next(iter(towns)), travellers)


def _bare_posts_of(ctx: Context, rule: RelationRule, posts: frozenset[str] | set[str],
                   region: int, travellers: set[int]) -> None:
    """Each person named right after a bare title of ``posts`` (or listed after one under a
    plural title), not a traveller, holds the post in ``region``."""
    tokens = ctx.doc.tokens
    # «заместитель губернатора X», «врио губернатора X»: the region's post too
    deputies = ctx.vocab.words("deputy_words") | ctx.vocab.words("acting_words")
    # the names given the post, with whether their title is plural: the names listed after
    # one under a plural title have it too
    titled: dict[int, tuple[str, bool]] = {}
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER" or ctx.entity(index) in travellers:
            continue
        listed = _listed_after(ctx, index, titled)
        if listed is not None:  # «заместители губернатора Иван Петров и Пётр Сидоров»
            titled[index] = (listed, True)
            ctx.add(rule, ctx.entity(index), region, mention.sent_id, listed)
            continue
        phrase, t = _words_before_name(ctx, index, 4)
        if _leads_a_group(ctx, t):
            continue  # «представители провинции X во главе с заместителем губернатора Y»
        segment = _agreeing(ctx, _from_title(ctx, phrase), index)
        start = title = _title_start(ctx, segment)
        if start is not None and start == len(segment) - 2 \
                and tokens[segment[start]].lemma in deputies:
            start += 1
        if start is None or title is None or start != len(segment) - 1 \
                or _former(ctx, segment, start) or tokens[segment[start]].lemma not in posts:
            continue
        role = _role(ctx, segment[title:])
        titled[index] = (role, "Number=Plur" in tokens[segment[title]].feats)
        ctx.add(rule, ctx.entity(index), region, mention.sent_id, role)


def _words_before_name(ctx: Context, index: int, most: int) -> tuple[list[int], int]:
    """The nouns and adjectives (up to ``most``) right before a person's name, in its
    sentence and in no mention (a title's words), and the token before them."""
    tokens = ctx.doc.tokens
    sent_id = ctx.doc.mentions[index].sent_id
    phrase: list[int] = []
    t = _before_name(ctx, ctx.first(index))
    while t >= 0 and t not in ctx.mention_at and tokens[t].pos in ("NOUN", "ADJ") \
            and tokens[t].sent_id == sent_id and len(phrase) < most:
        phrase.insert(0, t)
        t -= 1
    return phrase, t


def _places_of_post(ctx: Context, posts: set[str]) -> set[int]:
    """The places (entities) the text names as where a post of ``posts`` is held, by the
    posts found with the place named («губернатор Севастополя Михаил Дорохин»)."""
    return {employer for _, employer, relation in ctx.found_of("WORKS_FOR")
            if relation.role and relation.role.split()[0].lower() in posts
            and ctx.doc.entities[employer].type == "LOC"}


def _leads_a_group(ctx: Context, t: int) -> bool:
    """Does a title phrase that ends at ``t`` follow «во главе с» or «под руководством» (the
    phrase's head leads a group of visitors: no host's bare post, whether or not that group's
    trip has been made)?"""
    return (t >= 2 and ctx.at_the_head_with(t - 2)) or (t >= 1 and ctx.under_leadership(t - 1))


def _listed_after(ctx: Context, index: int, titled: dict[int, tuple[str, bool]]) -> str | None:
    """The role of the person listed right before this one («X и Y», «X, Y»), where that one
    was given a post by a plural title; None otherwise."""
    tokens, t = ctx.doc.tokens, ctx.first(index) - 1
    if t < 1 or tokens[t].text not in (",", "и") or t in ctx.mention_at:
        return None
    role, plural = titled.get(ctx.mention_at.get(t - 1, -1), ("", False))
    return role if plural else None


@matcher("person_from_org")
def person_from_org(ctx: Context, rule: RelationRule) -> None:
    """«Фудзита Марико из Министерства экономики Хоккайдо», «X из компании «Y»»."""
    tokens = ctx.doc.tokens
    heads = ctx.vocab.words(rule.trigger) | ctx.vocab.words("team_anaphors")  # «из команды»
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER":
            continue
        t = ctx.last(index) + 1
        if t >= len(tokens) or tokens[t].lemma != "из" or t in ctx.mention_at:
            continue
        t += 1
        while t < len(tokens) and t not in ctx.mention_at and tokens[t].lemma in heads:
            t += 1  # «из компании», «из группы компаний»
        employer = ctx.mention_at.get(t)
        if employer is None or ctx.mention_type(employer) not in ("ORG", "PARK") \
                or ctx.first(employer) != t:
            continue
        ctx.add(rule, ctx.entity(index), ctx.entity(employer), mention.sent_id, rule.role)


@matcher("heads_org")
def heads_org(ctx: Context, rule: RelationRule) -> None:
    """«X возглавляет компанию «Y»», «компания «Y», которую возглавляет X»,
    «партия Y, возглавляемая X»."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger) | vocab.lead_verbs  # who leads a group leads an org
    for token in ctx.triggers(verbs, unplanned=True):
        t = token.token_id
        if _duty_in_named_org(ctx, token):
            continue  # the organisation he leads a unit of is his employer (duty_in_org)
        if _lead_told_as_over(ctx, token):
            continue  # «ранее руководил Y», «в 2016–2019 годах руководил Y»: a post left
        person = employer = None
        for child in ctx.children.get(t, []):
            index = _org_named_at(ctx, child) if _led_object(tokens[child]) \
                else ctx.mention_at.get(child)
            if index is None and tokens[child].rel == "nsubj" and not _former_lead(token):
                index = _relative_person(ctx, child)  # «X, который возглавляет Y»
            if index is None:
                continue
            kind = ctx.mention_type(index)
            if kind == "PER" and tokens[child].rel in ("nsubj", "obl", "obl:agent"):
                person = index
            elif kind in ("ORG", "PARK") and (_led_object(tokens[child])
                                              or tokens[child].rel == "nsubj:pass"):
                employer = index
        if person is None or employer is None:
            person, employer = _inverted_leader(ctx, t) or (person, employer)
        if employer is None and token.rel in ("acl", "acl:relcl", "amod") \
                and token.head_id >= 0 and ctx.ref_at(token.head_id) is None:
            # not «делегация X, которую возглавляет Y»: the group is what he leads;
            # «возглавляемая X компания «Y»»: the name after the head word
            employer = _org_named_at(ctx, token.head_id)
            if t > 0 and tokens[t - 1].lemma == "который" and employer is not None \
                    and ctx.last(employer) < t - 3:
                employer = None  # «который» refers to the noun right before its comma
            if t > 0 and tokens[t - 1].lemma == "который" and employer is None:
                employer = ctx.mention_at.get(t - 3)
        governor = ctx.mention_at.get(token.head_id)
        if person is None and token.rel in ("acl", "amod") and not is_finite_verb(token) \
                and governor is not None and ctx.mention_type(governor) == "PER" \
                and token.head_id < t:
            person = governor  # «X, возглавляющий компанию «Y»»
        if person is None and "VerbForm=Part" in token.feats and not _former_lead(token):
            person = _name_before_comma(ctx, t)  # «X, возглавляющий фонд «Y»», however parsed
        if person is None:
            person = ctx.first_mention_after(t + 1, ("PER",), 3)
        if person is None or employer is None or \
                ctx.mention_type(employer) not in ("ORG", "PARK"):
            continue
        ctx.add(rule, ctx.entity(person), ctx.entity(employer), token.sent_id, rule.role)


@matcher("org_under_leader")
def org_under_leader(ctx: Context, rule: RelationRule) -> None:
    """«фонд «Y» во главе с X», «театр «Y» под руководством X», «компания «Y» с X во
    главе»: the organisation named right before the phrase is led by the person it names
    (not a group's: «делегация компании «Y» во главе с X» is the group's head). Not a
    chair's («совещание в компании «Y» под председательством X»: he chairs the meeting), nor
    where the name stands in a place phrase («собрались у офиса компании «Y» во главе с X»)
    or the phrase hangs on another noun: it must modify the organisation itself."""
    tokens = ctx.doc.tokens
    # «под председательством X» chairs a meeting or a session, not the organisation
    leading = ctx.vocab.words(rule.trigger) - ctx.vocab.words("chair_nouns")
    for token in ctx.triggers(leading, unplanned=True):
        t = token.token_id
        if t < 2 or tokens[t - 1].lemma not in ("в", "во", "под"):
            continue
        found = _person_leading_after(ctx, t) or _person_leading_before(ctx, t)
        if found is None:
            continue
        person, opening = found
        employer = _org_ending_at(ctx, opening - 1)
        if employer is None or _group_word_before(ctx, ctx.first(employer)) \
                or _in_place_phrase(ctx, employer) \
                or _hangs_elsewhere(ctx, employer, range(opening, max(t, ctx.last(person)) + 1)):
            continue
        ctx.add(rule, ctx.entity(person), ctx.entity(employer), token.sent_id, rule.role)


def _in_place_phrase(ctx: Context, index: int) -> bool:
    """Does a preposition govern the organisation's head noun, or a noun it hangs on through
    genitives («в компании «Y»», «у офиса компании «Y»», «около здания банка «Y»»)? Only a
    preposition before the noun: the parse may hang the leader phrase's «во» on it."""
    tokens = ctx.doc.tokens
    word = ctx.noun_beside(index)
    for _ in range(4):
        if word is None or word < 0:
            return False
        if any(tokens[c].rel == "case" and c < word for c in ctx.children.get(word, [])):
            return True
        if tokens[word].rel != "nmod":
            return False
        word = tokens[word].head_id
    return False


def _hangs_elsewhere(ctx: Context, index: int, phrase: range) -> bool:
    """Does the leader phrase hang on a noun other than the organisation («совещание
    компании «Y» под руководством X»: on «совещание»)? A phrase the parse hangs on a verb
    or keeps inside itself is left to the words."""
    tokens = ctx.doc.tokens
    own = set(ctx.mention_tokens(index)) | {ctx.noun_beside(index)}
    heads = {tokens[w].head_id for w in phrase if tokens[w].head_id not in phrase}
    heads.discard(-1)
    return bool(heads) and not heads & own \
        and all(tokens[h].pos in ("NOUN", "PROPN") for h in heads)


def _person_leading_after(ctx: Context, t: int) -> tuple[int, int] | None:
    """(person, first word of the phrase) of «во главе с [title] X» / «под руководством
    [title] X» at the leader noun ``t``; not a former post's («во главе с бывшим мэром X»)."""
    tokens = ctx.doc.tokens
    start = t + 1
    if tokens[t - 1].lemma in ("в", "во"):
        if start >= len(tokens) or tokens[start].lemma != "с":
            return None
        start += 1
    person = ctx.first_mention_after(start, ("PER",), 8)
    if person is None or _former(ctx, list(range(start, ctx.first(person))),
                                 ctx.first(person) - start - 1):
        return None
    return person, t - 1


def _person_leading_before(ctx: Context, t: int) -> tuple[int, int] | None:
    """(person, the «с») of «с [title] X во главе» ending at the leader noun ``t``."""
    tokens = ctx.doc.tokens
    person = ctx.mention_at.get(t - 2)
    if person is None or ctx.mention_type(person) != "PER" \
            or (t + 1 < len(tokens) and tokens[t + 1].lemma == "с"):
        return None
    first = ctx.first(person)
    opening = next((w for w in range(first - 1, max(first - 4, 0), -1)
                    if tokens[w].lemma == "с"), None)
    return (person, opening) if opening is not None else None


def _org_ending_at(ctx: Context, t: int) -> int | None:
    """The organisation (or park) whose name ends at ``t``, past an abbreviation in brackets
    after it («союз Y (СЮ)»); None past a bracket opened too far back for an abbreviation
    («совет (в него вошли … компании «Y») во главе с X»: the name is inside it)."""
    tokens = ctx.doc.tokens
    if t > 0 and tokens[t].text == ")":
        opening = next((o for o in range(t - 1, max(t - 6, 0), -1) if tokens[o].text == "("),
                       None)
        if opening is None:
            return None
        t = opening - 1
    index = ctx.mention_at.get(t) if t >= 0 else None
    return index if index is not None and ctx.last(index) == t \
        and ctx.mention_type(index) in ("ORG", "PARK") else None


def _group_word_before(ctx: Context, first: int) -> bool:
    """Does a group of people stand right before the name, which is then what the phrase
    leads: a travelling group's word («делегация компании «Y» во главе с …»), or people in
    the plural («члены коллегии «Y» во главе с …»)?"""
    tokens = ctx.doc.tokens
    people = first > 0 and tokens[first - 1].pos == "NOUN" \
        and {"Animacy=Anim", "Number=Plur"} <= set(tokens[first - 1].feats.split("|"))
    return people or any(ctx.ref_at(w) is not None for w in range(max(first - 3, 0), first))


@matcher("works_in_org")
def works_in_org(ctx: Context, rule: RelationRule) -> None:
    """«X работает в компании «Y»», «X, работающий в Y»: a verb of working, not past and not
    negated, whose «в» names an organisation; its person as a post's holder is found."""
    _present_verb_org(ctx, rule, "в")


@matcher("plays_for_team")
def plays_for_team(ctx: Context, rule: RelationRule) -> None:
    """«X выступает за клуб «Y»», «X, играющий за «Y»»: a player of a team, not past and not
    negated (a past one tells of a former club, as a past «работал в» of a former job)."""
    _present_verb_org(ctx, rule, "за")


@matcher("duty_in_org")
def duty_in_org(ctx: Context, rule: RelationRule) -> None:
    """«X, который в Госдуме возглавляет комитет по бюджету», «X, руководящий в банке «Y»
    отделом», «X в компании «Y» отвечает за закупки», «X, который в Совете Федерации
    занимает пост …»: a duty held (present or future, not negated) at the organisation
    named after «в» is a post there, whatever unit of it the duty names."""
    verbs = ctx.vocab.words(rule.trigger) | ctx.vocab.words("post_holding_verbs")
    _present_verb_org(ctx, rule, "в", verbs, _duty_complement)


def _duty_complement(ctx: Context, verb: int) -> bool:
    """Does the verb at ``verb`` name the duty held: a verb of duty (``duty_verbs``) its
    object, instrumental or «за» («возглавляет комитет», «руководит отделом», «отвечает за
    закупки»), a verb of holding a post (``post_holding_verbs``) a post or a title
    («занимает должность …», «является заместителем …»)? Not a delegation led («возглавит
    делегацию»: a trip, no post), not «отвечает на вопросы» (a guest's answers), nor «отвечает
    за свои слова» (``own_deed_possessives``)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    duty = tokens[verb].lemma in vocab.words("duty_verbs")
    own = vocab.words("own_deed_possessives")
    words = [c for c in ctx.children.get(verb, []) if _led_object(tokens[c])
             or (tokens[c].rel == "obl" and ctx.governed(c, "за") and not any(
                 tokens[d].lemma in own for d in ctx.children.get(c, [])))
             or (tokens[c].rel == "xcomp" and "Case=Ins" in tokens[c].feats)]
    employer = _org_after(ctx, verb, "в")
    if not words and employer is not None and ctx.first(employer) > verb:
        # «возглавляющий в Совете Федерации комитет …»: the parse may hang the duty right
        # after the organisation on another verb
        after = ctx.last(employer) + 1
        if after < len(tokens) and tokens[after].pos == "NOUN" \
                and tokens[after].sent_id == tokens[verb].sent_id:
            words = [after]
    for child in words:
        named = ctx.mention_at.get(child)  # a unit may be named («комитет по бюджету»)
        if (named is not None and ctx.mention_type(named) != "ORG") or \
                ctx.ref_at(child) is not None:
            continue
        if duty or tokens[child].lemma in vocab.words("post_nouns") or _is_title(ctx, child):
            return True
    return False


def _present_verb_org(ctx: Context, rule: RelationRule, preposition: str,
                      verbs: frozenset[str] | set[str] | None = None,
                      complement: Callable[[Context, int], bool] | None = None) -> None:
    """WORKS_FOR from each verb of ``verbs`` (``rule.trigger``'s), in the present or future
    and not negated (and with the ``complement`` asked), whose ``preposition`` names an
    organisation, to the person who holds it."""
    for token in ctx.triggers(verbs or ctx.vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        if "Tense=Past" in token.feats or ctx.negated(t) or \
                (complement is not None and not complement(ctx, t)):
            continue
        employer = _org_after(ctx, t, preposition)
        person = _post_holder(ctx, t) if employer is not None else None
        if person is None and employer is not None and "VerbForm=Part" in token.feats:
            person = _name_before_comma(ctx, t)  # «X и Y, работающий в …», however parsed
        if person is None and employer is not None:
            person = _clause_opening_person(ctx, t)
        if person is not None:
            ctx.add(rule, ctx.entity(person), ctx.entity(employer), token.sent_id, rule.role)


def _clause_opening_person(ctx: Context, verb: int) -> int | None:
    """The person a «который» opening the verb's clause stands for, where the parse hangs
    the pronoun on the main verb («X, который в мэрии заведует отделом, открыл …»); None
    where the verb has a subject of its own."""
    tokens = ctx.doc.tokens
    if any(tokens[c].rel == "nsubj" for c in ctx.children.get(verb, [])):
        return None
    for w in range(verb - 1, max(verb - 12, -1), -1):
        if tokens[w].pos == "PUNCT" or tokens[w].sent_id != tokens[verb].sent_id:
            break
        if tokens[w].lemma == "который":
            return _relative_person(ctx, w) if "Case=Nom" in tokens[w].feats else None
    return None


def _org_after(ctx: Context, verb: int, preposition: str) -> int | None:
    """The organisation the verb at ``verb`` names after ``preposition`` («работает в
    компании «Y»», «выступает за «Y»»)."""
    tokens = ctx.doc.tokens
    return next((index for child in ctx.children.get(verb, [])
                 if tokens[child].rel == "obl" and ctx.governed(child, preposition)
                 and (index := _org_named_at(ctx, child)) is not None
                 and ctx.mention_type(index) in ("ORG", "PARK")), None)


def _duty_in_named_org(ctx: Context, token: Token) -> bool:
    """Is the verb one duty_in_org reads («возглавляет в Госдуме комитет»: a duty held in the
    present at the organisation after «в»)? Its unit («комитет») is then no second employer."""
    t = token.token_id
    return token.lemma in ctx.vocab.words("duty_verbs") and "Tense=Past" not in token.feats \
        and not ctx.negated(t) and _org_after(ctx, t, "в") is not None \
        and _duty_complement(ctx, t)


def _lead_told_as_over(ctx: Context, token: Token) -> bool:
    """Is a verb of leading in the imperfective past set at another time by a word of its
    own: an adverb of another time («ранее», «прежде», «в прошлом»), «до» or «по» a year
    («до 2017 года», «с 2010 по 2015 год»), a span of years («в 2016–2019 годах») or a
    decade («в девяностые»)?"""
    if not _former_lead(token):
        return False
    tokens, other = ctx.doc.tokens, ctx.vocab.words("other_time_adverbs")
    for child in ctx.children.get(token.token_id, []):
        if tokens[child].lemma in other:
            return True
        if tokens[child].rel != "obl":
            continue
        if (tokens[child].lemma == "год" or tokens[child].lemma in ctx.vocab.words(
                "decade_words")) and "Number=Plur" in tokens[child].feats:
            return True  # «в 2016–2019 годах», «в девяностые»
        # «до 2019 года», «с 2010 по 2015 год»: a span's end
        if any((tokens[w].lemma == "год" or tokens[w].text.isdigit())
               and ctx.governed(w, "до", "по")
               for w in (child, *ctx.children.get(child, []))):
            return True
    return False


def _former_lead(token: Token) -> bool:
    """Does a verb of leading tell of a former post: imperfective past («возглавлял»,
    «руководил»), where the perfective past tells of taking it («возглавил»)?"""
    return "Tense=Past" in token.feats and "Aspect=Imp" in token.feats


def _inverted_leader(ctx: Context, verb: int) -> tuple[int, int] | None:
    """(person, organisation) of a verb of leading whose parse reads the organisation put
    first as its subject («Компанию «Y» возглавляет X», «Y возглавляет X»: two subjects),
    or the name as its object («X возглавляет банк Y»): the one person named in the
    nominative among its subject and object, and the one organisation."""
    tokens = ctx.doc.tokens
    persons, employers = [], []
    for child in ctx.children.get(verb, []):
        if tokens[child].rel not in ("nsubj", "obj"):
            continue
        index = _person_named_at(ctx, child)
        if index is None and child not in ctx.mention_at:
            index = _apposed_person(ctx, child)
        if index is not None:
            persons.append((index, child))
        elif (index := _org_named_at(ctx, child)) is not None \
                and ctx.mention_type(index) in ("ORG", "PARK"):
            employers.append(index)
    if len(persons) != 1 or len(employers) != 1 \
            or "Case=Nom" not in tokens[persons[0][1]].feats:
        return None
    return persons[0][0], employers[0]


def _led_object(token: Token) -> bool:
    """What a verb of leading leads: its object («возглавляет компанию»), or the
    instrumental «руководит компанией», «руководящий фондом»."""
    return token.rel == "obj" or (token.rel == "obl" and "Case=Ins" in token.feats)


def _org_named_at(ctx: Context, t: int) -> int | None:
    """The mention at ``t``, or the name right after a generic head word there
    («компанию «Y»», «фондом «Y»»), or the name right after any noun whose apposition it is
    («клуб «Y»», «команду «Y»»: head words kept out of org_heads, where they would cut names)."""
    index = ctx.mention_at.get(t)
    if index is None and ctx.doc.tokens[t].lemma in ctx.vocab.org_heads:
        index = ctx.mention_at.get(t + 1)
    if index is None:
        name = ctx.mention_at.get(t + 1)
        if name is not None and any(ctx.doc.tokens[c].rel == "appos" and
                                    ctx.mention_at.get(c) == name for c in ctx.children.get(t, [])):
            index = name
    return index


@matcher("title_predicate")
def title_predicate(ctx: Context, rule: RelationRule) -> None:
    """«X стал президентом Кедрии», «Новым главой компании «Y» назначен X», «назначил X
    директором Y», «X занимает пост прокурора области»: a post in the instrumental (or after
    «пост», «должность») that a verb of appointing or holding gives its person. Not a post
    of a later clause with its own subject («X стал мэром, а Y — главой Z»), nor an honorary
    title («стал почётным профессором»: ``honorary_words``)."""
    tokens = ctx.doc.tokens
    for title in range(len(tokens)):
        if not _free_title(ctx, title) or ctx.in_speech(title):
            continue
        verb = _post_verb(ctx, title)
        person = _post_holder(ctx, verb) if verb is not None else None
        if person is None or _subject_between(ctx, verb, title):
            continue
        phrase = _title_phrase_from(ctx, title)
        if any(tokens[t].lemma in ctx.vocab.words("honorary_words") for t in phrase if t < title):
            continue
        found = len(ctx.found)
        _add_works_for(ctx, rule, person, phrase, tokens[title].sent_id)
        if "Number=Plur" in tokens[title].feats:
            # «Членами правления ОПЗ «X» являются A, B и C»: a plural post, each name's
            for other in ctx.conjoined(person, ("PER",))[1:]:
                _add_works_for(ctx, rule, other, phrase, tokens[title].sent_id)
        posts = ctx.vocab.words("regional_head_posts")
        if len(ctx.found) == found and tokens[phrase[-1]].lemma in posts \
                and not ctx.mentions_in(phrase) \
                and len(places := _places_of_post(ctx, posts)) == 1:
            # «Заместителем губернатора назначен X» after «губернатора Смоленской области»
            ctx.add(rule, ctx.entity(person), places.pop(), tokens[title].sent_id,
                    _role(ctx, phrase))


def _subject_between(ctx: Context, verb: int, title: int) -> bool:
    """Does a clause with its own subject open between a verb and a title after it: a
    person in the nominative after «а», «и», «но» or a comma («стал мэром, а Y — главой
    Z»: Y's post, the verb left out)?"""
    tokens = ctx.doc.tokens
    opened = False
    for t in range(verb + 1, title):
        index = ctx.mention_at.get(t)
        if opened and index is not None and ctx.first(index) == t \
                and ctx.mention_type(index) == "PER" and "Case=Nom" in tokens[t].feats:
            return True
        opened = opened or tokens[t].text == "," or tokens[t].lemma == "и" \
            or tokens[t].lemma in ctx.vocab.words("contrast_words")
    return False


def _post_verb(ctx: Context, title: int) -> int | None:
    """The verb that gives the post at ``title``: its head when the title is in the
    instrumental («стал президентом»), or the head of «пост»/«должность» the title is the
    genitive of («занимает пост прокурора»). A verb of holding only in the present or future
    (a past one tells of a former post, not WORKS_FOR), none negated."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    token = tokens[title]
    verb = token.head_id
    acting = _acting_participle(ctx, verb) if "Case=Gen" in token.feats else None
    if acting is not None:
        verb = tokens[acting].head_id  # «исполняющим обязанности главы Y назначен X»
    elif "Case=Gen" in token.feats and verb >= 0 \
            and tokens[verb].lemma in vocab.words("post_nouns"):
        verb = tokens[verb].head_id  # «назначен на пост главы», «занимает должность министра»
    elif "Case=Ins" not in token.feats or token.rel not in ("xcomp", "obl"):
        return None
    if verb < 0 or ctx.negated(verb):
        return None
    lemma, feats = tokens[verb].lemma, tokens[verb].feats
    if lemma in vocab.words("post_appointment_verbs"):
        return verb
    if lemma in vocab.words("post_holding_verbs") and "Tense=Past" not in feats:
        return verb
    return None


def _acting_participle(ctx: Context, head: int) -> int | None:
    """The word that makes the genitive title under ``head`` an acting post a verb gives
    like the title itself: the instrumental «исполняющим» (``acting_words``) whose
    «обязанности» is at ``head`` («(временно) исполняющим обязанности главы Y назначен X»), or
    «врио», «и.о.» at ``head`` as what the passive verb gives («X назначен и.о. директора
    Y»); not one that opens the subject («врио губернатора X назначил …»). None otherwise."""
    tokens = ctx.doc.tokens
    if head < 0:
        return None
    acting = tokens[head].head_id if tokens[head].lemma == "обязанность" else head
    if acting < 0 or not (tokens[acting].lemma in ctx.vocab.words("acting_words")
                          or _acting_initials(ctx, acting)):
        return None
    if tokens[acting].rel in ("xcomp", "obl") and (acting != head
                                                   or "Case=Ins" in tokens[acting].feats):
        return acting
    if acting == head and tokens[acting].rel == "nsubj:pass":
        return acting
    return None


def _acting_initials(ctx: Context, t: int) -> bool:
    """Is «и.о.» («исполняющий обязанности») written from ``t``, the tokenizer's «и», «.»,
    «о», «.»?"""
    tokens = ctx.doc.tokens
    return t + 2 < len(tokens) and tokens[t].text.lower() == "и" and tokens[t + 1].text == "." \
        and tokens[t + 2].text.lower() == "о"


def _post_holder(ctx: Context, verb: int) -> int | None:
    """The person a post is given to: the verb's object («назначил X директором»), else its
    one subject («X стал президентом», «назначен X»), named by a PER mention or by «он»/«она»
    for the person named last («Он назначен директором компании Y»)."""
    tokens = ctx.doc.tokens
    found: dict[str, list[int]] = {}
    for child in ctx.children.get(verb, []):
        index = _person_named_at(ctx, child)
        if index is None and tokens[child].rel in ("obj", "nsubj", "nsubj:pass") \
                and child not in ctx.mention_at:
            index = person_at(ctx, child)
            if index is None:
                index = _relative_person(ctx, child)
            if index is not None and not feats_agree(tokens[child], tokens[ctx.first(index)]):
                index = None  # «Олег Зимин … Она назначена …»: another person
            elif index is None:
                index = _apposed_person(ctx, child)
        if index is not None:
            found.setdefault(tokens[child].rel, []).append(index)
    if found.get("obj"):
        return found["obj"][0]
    subjects = found.get("nsubj", []) + found.get("nsubj:pass", [])
    if not subjects and tokens[verb].rel == "acl" and "VerbForm=Part" in tokens[verb].feats:
        # «Иван Петров, являющийся директором компании X»: the name the participle is of,
        # the last one before it (the parse may hang it on an earlier name)
        head = tokens[verb].head_id
        index = _person_named_at(ctx, head)
        if index is None and head >= 0 and _free_title(ctx, head) and head + 1 < verb:
            index = _person_named_at(ctx, head + 1)  # «нападающий X, играющий за …»: the
            # parse hangs the participle on the title before the name
        if index is not None and ctx.last(index) < verb and not any(
                ctx.mention_type(other) == "PER"
                for other in ctx.mentions_in(range(ctx.last(index) + 1, verb))):
            return index
        return None
    return subjects[0] if len(subjects) == 1 else None


def _apposed_person(ctx: Context, t: int) -> int | None:
    """The person named after the noun at ``t`` as its apposition («стал экономист Иван
    Петров», «француз Иван Петров занимает пост …»: the parse makes the noun the subject);
    not a name in its genitive («друг Петра Громова»)."""
    tokens = ctx.doc.tokens
    if tokens[t].pos != "NOUN":
        return None
    return next((index for c in ctx.children.get(t, []) if c > t and tokens[c].rel == "appos"
                 and (index := _person_named_at(ctx, c)) is not None), None)


def _relative_person(ctx: Context, t: int) -> int | None:
    """The person a «который» at ``t`` stands for: the name right before its comma
    («Иван Петров, который является директором …»)."""
    if ctx.doc.tokens[t].lemma != "который":
        return None
    index = antecedent_person(ctx, t)
    return index if index is not None and ctx.last(index) == t - 2 else None


def _person_named_at(ctx: Context, t: int) -> int | None:
    """The person whose name opens at ``t``, or right after a rank at ``t`` («назначен
    генерал-лейтенант Иван Ладов»: the parse makes the rank the subject, the name its
    apposition)."""
    tokens = ctx.doc.tokens
    name = t
    if t not in ctx.mention_at and tokens[t].lemma in ctx.vocab.words("rank_titles"):
        name = t + 1
        if name < len(tokens) and tokens[name].lemma in ctx.vocab.words("rank_branches"):
            name += 1  # «генерал армии»
    index = ctx.mention_at.get(name)
    if index is None or ctx.mention_type(index) != "PER" or ctx.first(index) != name:
        return None
    return index


def _title_phrase_from(ctx: Context, title: int) -> list[int]:
    """The title phrase that opens at ``title`` (with its adjectives before it): the title
    and its genitive chain up to a punctuation mark, a preposition, a verb, a person or a
    word in the instrumental hanging outside the phrase: the verb's agent or means, no
    employer («избран главой агентства X большинством членов Y», «назначен директором
    указом губернатора Z»). A title in the instrumental goes on, and so does a word after
    «и» («президентом клуба X и членом совета Y», «председателем правления и управляющим
    компании Y») or one the title governs («командующим войсками округа X»)."""
    tokens = ctx.doc.tokens
    start = title
    while start > 0 and tokens[start - 1].pos == "ADJ" and start - 1 not in ctx.mention_at:
        start -= 1
    end = title + 1
    while end < len(tokens) and tokens[end].sent_id == tokens[title].sent_id:
        index = ctx.mention_at.get(end)
        if index is not None:
            if ctx.mention_type(index) == "PER":
                break
            end = ctx.last(index) + 1
            continue
        token = tokens[end]
        if token.pos not in NOMINAL_POS or token.pos == "ADP" or (
                token.pos == "PUNCT" and token.text not in (QUOTE_OPEN, QUOTE_CLOSE)):
            break
        if "Case=Ins" in token.feats and not _is_title(ctx, end) \
                and not start <= token.head_id < end and tokens[end - 1].pos != "CCONJ":
            break
        end += 1
    return list(range(start, end))


# -- title phrases -------------------------------------------------------------------------

def _is_title(ctx: Context, t: int) -> bool:
    """Is token ``t`` a post title? By lemma, or by its own form where the tagger reads a
    participle title as a verb («Управляющий технополиса»)."""
    token = ctx.doc.tokens[t]
    return ctx.vocab.is_title(token.lemma) or ctx.vocab.is_title(token.text.lower())


def _free_title(ctx: Context, t: int) -> bool:
    """A title word that is no part of a name: outside every mention, or a group's
    («председатели комитетов X»: the plural title names the group too)."""
    index = ctx.mention_at.get(t)
    return _is_title(ctx, t) and (index is None or ctx.mention_type(index) == DELEGATION)


def _former(ctx: Context, segment: list[int], start: int) -> bool:
    """Is the title at ``segment[start]`` a former post («экс-мэр», «бывший директор»)?"""
    tokens = ctx.doc.tokens
    former = ctx.vocab.words("former_post_words")
    words = [tokens[t].text.lower() for t in segment[:start + 1]]
    return any(w in former or any(w.startswith(f"{f}-") for f in former) for w in words)


def _sought_post(ctx: Context, title: int) -> bool:
    """Is the post whose phrase opens at ``title`` sought, not held: a word of candidacy
    before the «в» or «на (пост)» right before it («кандидат в президенты Кедрии»,
    «кандидат от партии «Y» в мэры», «претендент на пост губернатора»)? Not a degree
    («кандидат наук, директор …»), nor a list after «среди кандидатов … назывались»."""
    tokens = ctx.doc.tokens
    t = title - 1
    if t > 0 and tokens[t].lemma in ctx.vocab.words("post_nouns"):
        t -= 1
    if t < 1 or tokens[t].lemma not in ("в", "на"):
        return False
    words = ctx.vocab.words("candidacy_words")
    for before in range(t - 1, max(t - 9, -1), -1):
        token = tokens[before]
        if token.lemma in words:
            return True
        if token.sent_id != tokens[title].sent_id or token.text in (",", ";", ":") \
                or token.pos in ("VERB", "AUX"):
            return False
    return False


def _founder_only(ctx: Context, phrase: list[int]) -> bool:
    """Do the title words of the phrase tell only who founded the organisation («основатель
    компании Y», «один из основателей Y»), no post in it («основатель и глава Y»)?"""
    titles = [ctx.doc.tokens[t].lemma for t in phrase if _free_title(ctx, t)]
    return bool(titles) and all(t in ctx.vocab.words("founder_titles") for t in titles)


def _kin_of_holder(ctx: Context, title: int, person: int) -> bool:
    """Does a word of kin or of a companion govern the title phrase at ``title``, with the
    name after it in its case, so that the name is the kin's, not the post holder's
    («супруга президента Кедрии X»; not «дочь президента Кедрии Ивана Петрова Анна»)?"""
    tokens = ctx.doc.tokens
    if title < 1 or "Case=Gen" not in tokens[title].feats:
        return False
    kin, name = tokens[title - 1], tokens[ctx.first(person)]
    # a kin word in the genitive itself leaves a genitive name ambiguous: the holder's, as
    # without it («с участием сыновей главы области Ивана Петрова»)
    return kin.lemma in ctx.vocab.words("person_descriptor_nouns") \
        and not _is_title(ctx, title - 1) and title - 1 not in ctx.mention_at \
        and case_of(kin) != "Gen" and case_of(kin) == case_of(name) and feats_agree(kin, name)


def _role(ctx: Context, token_ids: list[int]) -> str:
    """The post as a noun phrase in the nominative singular: «заместителем министра» →
    «заместитель министра»; with the adjectives right before its first word that are part of
    a post's name (``post_adjectives``: «генеральный директор», «первый заместитель»), not
    «новый министр» nor a place's («китайский вице-премьер»: his country, told apart)."""
    tokens = ctx.doc.tokens
    if token_ids:
        first = token_ids[0]
        post_adjectives = ctx.vocab.words("post_adjectives")
        while first > 0 and (before := tokens[first - 1]).lemma in post_adjectives \
                and first - 1 not in ctx.mention_at \
                and case_of(before) == case_of(tokens[first]) \
                and before.sent_id == tokens[first].sent_id:
            first -= 1
        token_ids = list(range(first, token_ids[0])) + list(token_ids)
    words: list[str] = []
    inflecting = True
    for t in token_ids:
        token = tokens[t]
        word = token.text.lower()
        if inflecting and token.pos in ("ADJ", "NOUN"):
            parses = [p for p in ctx.vocab.analyzer.parse(token.text)
                      if p.normal_form == token.lemma]
            if parses:
                # one person's post: «вице-премьеров» → «вице-премьер»
                inflected = parses[0].inflect({"nomn", "sing"}) or parses[0].inflect({"nomn"})
                word = inflected.word if inflected else word
            if token.pos == "NOUN":
                inflecting = False
        words.append(word)
    return " ".join(words).replace(" ,", ",").strip(" ,")


def _employers(ctx: Context, segment: list[int]) -> list[int]:
    """The organisations of a title phrase, and its first place («министр области X»)."""
    found = [i for i in ctx.mentions_in(segment) if ctx.mention_type(i) in ("ORG", "LOC", "PARK")
             and not _posted_in(ctx, i) and not _put_forward_by(ctx, i)
             and topic_partner(ctx, i) is None and not _affairs_of(ctx, i)]
    if not found:
        return []
    # «директор фонда X при министерстве Y»: the body a named one is attached to employs no one
    found = [i for i in found if not (i != found[0] and ctx.first(i) > 0
                                      and ctx.doc.tokens[ctx.first(i) - 1].lemma == "при")]
    return [found[0]] + [i for i in found[1:] if ctx.mention_type(i) != "LOC"]



def _affairs_of(ctx: Context, index: int) -> bool:
    """«министр по делам Северного Кавказа», «по делам материкового Китая»: a place whose
    affairs a post deals with is its field, not its employer."""
    tokens, t = ctx.doc.tokens, ctx.first(index)
    while t > 2 and tokens[t - 1].pos == "ADJ" and t - 1 not in ctx.mention_at:
        t -= 1  # (past the place's own adjectives)
    return ctx.mention_type(index) == "LOC" and t > 1 \
        and [tokens[t - 2].lemma, tokens[t - 1].lemma] == ["по", "дело"]


def _put_forward_by(ctx: Context, index: int) -> bool:
    """Is the organisation ``index`` the party that put the post's holder forward, not his
    employer, after «от»: a party, faction or bloc (``nominating_party_nouns``, in the name
    or before it: «депутат Думы от партии «Y»», «член парламента от Народной партии»), or a
    bare name after a legislator's title («депутат Госдумы от «Y»», «вице-спикер от Y»:
    ``legislator_titles``) that is no public body sending its member («сенатор от
    Законодательного собрания области»: ``state_body_words``, assemblies)? Not a company or
    a bank that sends its own man («эксперт от компании «Y»», «член совета от банка Y»)."""
    tokens = ctx.doc.tokens
    if ctx.mention_type(index) != "ORG":
        return False
    parties = ctx.vocab.words("nominating_party_nouns")
    party = any(tokens[t].lemma in parties for t in range(ctx.first(index), ctx.last(index) + 1))
    t = ctx.first(index) - 1
    while t > 0 and t not in ctx.mention_at and (tokens[t].text in (QUOTE_OPEN, QUOTE_CLOSE)
                                                 or tokens[t].lemma in parties):
        party = party or tokens[t].lemma in parties
        t -= 1
    if t < 0 or tokens[t].lemma != "от":
        return False
    return party or (tokens[t + 1].lemma not in ctx.vocab.org_heads
                     and _legislator_title_before(ctx, t) and not _public_body(ctx, index))


def _legislator_title_before(ctx: Context, t: int) -> bool:
    """Does a legislator's title stand a few words before ``t``, in its clause («депутат
    Госдумы РФ от»)?"""
    tokens, titles = ctx.doc.tokens, ctx.vocab.words("legislator_titles")
    for w in range(t - 1, max(t - 5, -1), -1):
        if tokens[w].pos == "PUNCT" or (w in ctx.mention_at
                                        and ctx.mention_type(ctx.mention_at[w]) == "PER"):
            return False
        if tokens[w].lemma in titles:
            return True
    return False


def _public_body(ctx: Context, index: int) -> bool:
    """Is the organisation's name a public body's or an assembly's («Законодательного
    собрания области»), not a party's?"""
    tokens = ctx.doc.tokens
    bodies = ctx.vocab.words("state_body_words") | ctx.vocab.words("org_assembly_nouns")
    bodies -= ctx.vocab.words("nominating_party_nouns")
    return any(tokens[t].lemma in bodies
               for t in range(ctx.first(index), ctx.last(index) + 1))


def _posted_in(ctx: Context, index: int) -> bool:
    """Is the place ``index`` where a post is held, not whose it is («посол Ирана в РФ»,
    «управление агентства по г. Москве»)? A place after a preposition is."""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    if t > 0 and tokens[t].text == "." and len(tokens[t - 1].text) <= 2:
        t -= 2  # «в г. Москве»
    elif t > 0 and tokens[t].lemma in ctx.vocab.geo_descriptors and t not in ctx.mention_at:
        t -= 1  # «компании из города Харбин»
    return ctx.mention_type(index) == "LOC" and t >= 0 and tokens[t].pos == "ADP"


def _title_start(ctx: Context, segment: list[int]) -> int | None:
    """Index in ``segment`` of its title word, if the segment is «[adjectives] title …»."""
    tokens = ctx.doc.tokens
    for position, t in enumerate(segment):
        if _is_title(ctx, t):
            return position
        if t in ctx.mention_at or not (_adjective(ctx, t) or (
                position > 0 and tokens[t].lemma == "и")):  # «Чрезвычайный и Полномочный Посол»
            return None
    return None


def _adjective(ctx: Context, t: int) -> bool:
    """An adjective, also one the tagger reads as a name for its capital letter
    («Полномочный Посол»)."""
    token = ctx.doc.tokens[t]
    if token.pos == "ADJ" or (token.rel == "amod" and "VerbForm=Part" in token.feats):
        return True  # (a participle qualifying the post: «управляющий директор»)
    parses = ctx.vocab.analyzer.parse(token.text) if token.pos == "PROPN" else []
    return bool(parses) and parses[0].tag.POS == "ADJF"


def _their_kind(ctx: Context, words: list[int]) -> str | None:
    """The kind of body a plural title says it is of, in the genitive plural with no name
    («ректоры вузов»: вуз, «руководители обоих предприятий»; ``counted_party_org_nouns``),
    as a lemma; None where it says none."""
    tokens, kinds = ctx.doc.tokens, ctx.vocab.words("counted_party_org_nouns")
    other = ctx.vocab.words("other_adjectives")
    return next((tokens[t].lemma for t in words if tokens[t].lemma in kinds
                 and "Case=Gen" in tokens[t].feats and "Number=Plur" in tokens[t].feats
                 and t not in ctx.mention_at
                 # «ректоры других вузов»: not the ones just named
                 and not any(tokens[c].lemma in other for c in ctx.children.get(t, []))), None)


def _kind_heads(ctx: Context, kind: str) -> set[str]:
    """The heads a body of ``kind`` is named with: the word and those of its kind
    (``reference_nouns``: «вуз» → университет, академия, институт …)."""
    return {kind, *ctx.vocab.reference_nouns.get(kind, ("", frozenset()))[1]}


def _headed_by_one_of(ctx: Context, index: int, heads: set[str] | frozenset[str]) -> bool:
    """Is an organisation's generic head («компания «Орбита»») or its name's head noun
    («Тверской государственный университет») one of ``heads``?"""
    noun = name_head_noun(ctx, index)
    return _org_head(ctx, index) in heads or (noun >= 0 and ctx.doc.tokens[noun].lemma in heads)


def _of_kind(ctx: Context, index: int, kind: str) -> bool:
    """Is the organisation of mention ``index`` a body of ``kind`` (a university or an academy
    for «вуз»)? A kind with no heads in ``reference_nouns`` («предприятие», «сторона») is any."""
    if not ctx.vocab.reference_nouns.get(kind, ("", ()))[1]:
        return True
    return _headed_by_one_of(ctx, index, _kind_heads(ctx, kind))


def _named_pair_before(ctx: Context, title: int, count: int, kind: str) -> list[int] | None:
    """The organisations a plural title with no employer of its own stands for, one each: the
    last ``count`` organisations joined by «и» before it, in its sentence or the two before,
    the first of the title's ``kind`` and none of another («Вузы A и B заключили соглашение.
    Документ подписали ректоры обоих вузов — X и Y»); None where the text names no such list
    or names one more organisation after it. A pronoun standing for a body names none."""
    tokens = ctx.doc.tokens
    sent_id = tokens[title].sent_id
    for sent in (sent_id, sent_id - 1, sent_id - 2):
        if sent < 0:
            return None
        words = [t for t in ctx.sentence(sent) if t < title]
        orgs: list[int] = []
        for i in ctx.mentions_in(words):  # a name's abbreviation after it is that name
            if ctx.mention_type(i) == "ORG" and ctx.doc.mentions[i].source != REFERENCE_SOURCE \
                    and not (orgs and ctx.entity(orgs[-1]) == ctx.entity(i)):
                orgs.append(i)
        for end in range(len(orgs) - 1, count - 2, -1):
            pair = orgs[end - count + 1:end + 1]
            roots = [ctx.mention_root(i) for i in pair]
            if None not in roots and all(
                    tokens[b].rel == "conj" and tokens[b].head_id == roots[0]
                    for b in roots[1:]) and len({ctx.entity(i) for i in pair}) == count:
                # «Университет A и фирма B»: one is of another kind; «Университеты A и B»:
                # the head before the first is both's
                return pair if end == len(orgs) - 1 and _of_kind(ctx, pair[0], kind) and all(
                    _of_kind(ctx, i, kind) or not _headed_by_one_of(ctx, i, ctx.vocab.org_heads)
                    for i in pair[1:]) \
                    else None
        if orgs:
            return None  # an organisation named after any pair, or alone: not theirs
    return None


def _add_works_for(ctx: Context, rule: RelationRule, person: int, segment: list[int],
                   sent_id: int, persons: list[int] | None = None, one: bool = False) -> None:
    """WORKS_FOR between ``person`` and the employers of the title phrase ``segment`` (a
    plural title his alone where he is ``one`` of its holders)."""
    start = _title_start(ctx, segment)
    if start is None or _former(ctx, segment, start) or _sought_post(ctx, segment[start]) \
            or _kin_of_holder(ctx, segment[start], person) or _founder_only(ctx, segment[start:]):
        return
    capitals = ctx.vocab.words("capital_title_nouns")
    capital = next((t for t in segment[start + 1:]
                    if ctx.doc.tokens[t].lemma in capitals and t not in ctx.mention_at), None)
    if capital is not None:
        # «мэр столицы Татарстана X»: the capital's post, the capital unnamed; «мэр столицы
        # Таджикистана Душанбе X»: the town named after its country
        named = [i for i in ctx.mentions_in([t for t in segment if t > capital])
                 if ctx.mention_type(i) == "LOC"]
        town = gazetteer().lookup(ctx.doc.mentions[named[-1]].normal) if len(named) == 2 else None
        if town is not None and town.kind == "city":
            ctx.add(rule, ctx.entity(person), ctx.entity(named[-1]), sent_id,
                    _role(ctx, segment[start:start + 1]))
        return
    plural = "Number=Plur" in ctx.doc.tokens[segment[start]].feats and not one
    if plural and (not persons or len(persons) < 2) and segment[0] > ctx.last(person):
        return  # «X, представители компании Y»: others listed after him, not his post
    if plural and persons and len(persons) >= 2:
        # «X и Y, руководители компаний A и B», «вице-премьеры Армении и России X и Y»: one
        # employer each, in order
        employers = [i for i in ctx.mentions_in(segment[start:]) if ctx.mention_type(i) == "ORG"]
        places = [i for i in ctx.mentions_in(segment[start:])
                  if ctx.mention_type(i) == "LOC" and not _posted_in(ctx, i)]
        if not employers and len(places) in (1, len(persons)):
            employers = places  # «заместители министра области X и Y»: the one place of both
        if len(employers) == len(persons) and \
                len({ctx.entity(e) for e in employers}) == len(employers):
            first = ctx.first(employers[0])
            role = _role(ctx, [t for t in segment[start:] if t < first])
            for who, employer in zip(persons, employers, strict=True):
                ctx.add(rule, ctx.entity(who), ctx.entity(employer), sent_id, role)
        elif not employers and not places \
                and (kind := _their_kind(ctx, segment[start + 1:])) is not None \
                and (pair := _named_pair_before(ctx, segment[start], len(persons), kind)):
            # «Вузы A и B заключили соглашение. Документ подписали ректоры вузов X и Y»: the
            # pair the text named last, in order
            role = _role(ctx, segment[start:start + 1])
            for who, employer in zip(persons, pair, strict=True):
                ctx.add(rule, ctx.entity(who), ctx.entity(employer), sent_id, role)
        elif len(employers) == 1 \
                and ctx.first(employers[0]) > segment[start] \
                and ctx.last(employers[0]) == segment[-1]:
            # «представители компании A X и Y»: the one employer of them all
            role = _role(ctx, [t for t in segment[start:] if t < ctx.first(employers[0])])
            for who in persons:
                ctx.add(rule, ctx.entity(who), ctx.entity(employers[0]), sent_id, role)
        elif not employers and not places and (body := _bare_body_named_before(ctx, segment,
                                                                              start)) is not None:
            # «Делегацию возглавил ректор Кедровского университета X; в неё вошли доценты
            # университета Y и Z»: the body named before with that head, of them all
            role = _role(ctx, segment[start:-1])
            for who in persons:
                ctx.add(rule, ctx.entity(who), body, sent_id, role)
        elif not employers and not places and bare_region_word(ctx, segment[-1]) \
                and (region := resolve_place(ctx, segment[-1])) is not None:
            # «асессоры региона X и Y» after «регион Кампания»: the region named before, of
            # them all
            role = _role(ctx, segment[start:-1])
            for who in persons:
                ctx.add(rule, ctx.entity(who), region, sent_id, role)
        return
    district = _envoy_district(ctx, segment, start)
    if district is not None:
        # the district's post, held for the state (annotators give either): both
        named = min(ctx.first(i) for i in ctx.mentions_in(segment[start:]))
        role = _role(ctx, [t for t in segment[start:] if t < named])  # «полпред президента»
        ctx.add(rule, ctx.entity(person), ctx.entity(district), sent_id, role)
    employers = _employers(ctx, segment)
    for employer in employers:
        first = ctx.first(employer)
        role = _role(ctx, [t for t in segment[start:] if t < first])
        entity = ctx.entity(employer)
        if fold(ctx.doc.mentions[employer].normal) in ctx.vocab.org_heads:
            # «вице-президент Фонда Иван Петров»: a bare head word is the one named before,
            # else the organisation the text refers to by it alone
            entity = resolve_bare_org(ctx, first) or entity
        elif (region := _bare_region_of_body(ctx, employer)) is not None:
            entity = region  # «зампредседателя Правительства региона X»: the region named before
        ctx.add(rule, ctx.entity(person), entity, sent_id, role)
    if employers:
        return
    ministry = _named_body(ctx, segment[start:])
    if ministry is not None:
        ctx.add(rule, ctx.entity(person), ministry, sent_id, _role(ctx, segment[start:]))
        return
    for t in segment[:start] if _state_title(ctx, segment[start]) else []:
        # «китайский вице-премьер Ли Вэй», «российский президент»: the country of the
        # adjective, where the text names it; only a government's post, not «китайский
        # журналист» (his nationality)
        named = _adjective_place(ctx, t, head=True)
        if named is not None:
            ctx.add(rule, ctx.entity(person), named, sent_id, _role(ctx, segment[start:]))
            return
    tokens = ctx.doc.tokens
    government = ctx.vocab.words("government_posts") | ctx.vocab.words("government_bodies")
    for position in range(start + 1, len(segment) - 1):
        # «заместитель тульского губернатора X», «сотрудник индийского посольства X»: the
        # place of the adjective before a government post or body in the title's chain
        t, after = segment[position], tokens[segment[position + 1]]
        if tokens[t].pos == "ADJ" and "Case=Gen" in after.feats and (
                after.lemma in government or after.lemma.split("-")[-1] in government):
            region = ctx.vocab.mapping("region_adjectives").get(tokens[t].lemma)
            # «краевого правительства»: the region of that word the text names
            named = resolve_place(ctx, t, region) if region else _adjective_place(ctx, t)
            if named is not None:
                ctx.add(rule, ctx.entity(person), named, sent_id, _role(ctx, segment[start:]))
                return
    last = segment[-1]
    bare = _bare_genitive_close(ctx, segment, start)
    if bare and ctx.doc.tokens[last].lemma in ctx.vocab.org_heads:
        if _of_a_foreign_country(ctx, last - 1):
            return  # «директор корейской компании X»: a company of that country, not the last
        # «президент фонда Иван Петров»: the organisation named before with that head
        ctx.add(rule, ctx.entity(person), resolve_bare_org(ctx, last), sent_id,
                _role(ctx, segment[start:-1]))
        return
    if bare and (named := _one_org_named_with(ctx, last)) is not None:
        # «… мясокомбинат «Кедр». Генеральный директор мясокомбината X»: the one body named
        # before with that head noun, whatever the noun
        ctx.add(rule, ctx.entity(person), named, sent_id, _role(ctx, segment[start:-1]))
        return
    anaphor = bare_anaphor(ctx, last) if len(segment) > start + 1 else None
    if anaphor is not None:
        # «председатель совета Иван Петров», «главный тренер команды Иван Петров»: the one
        # body or team the text has named before; none where it named two
        body = anaphor(ctx, last)
        if body is not None:
            ctx.add(rule, ctx.entity(person), body, sent_id, _role(ctx, segment[start:-1]))
        return
    # «генеральный директор технопарка Олег Веденеев»: the park the text is about
    tokens = ctx.doc.tokens
    for position in range(start + 1, len(segment)):
        t = segment[position]
        abbreviated = tokens[t].text.isupper()  # «директор ОЭЗ X»: a zone's letters, no case
        if tokens[t].lemma == "по" and t not in ctx.mention_at:
            continue  # «директор по инвестициям зоны X»: past the field of the post
        # («управляющей компании ОЭЗ»: a participle before the noun, as an adjective)
        if t in ctx.mention_at or (tokens[t].pos not in ("NOUN", "ADJ") and not abbreviated
                                   and "VerbForm=Part" not in tokens[t].feats):
            break
        # (or the instrumental a participle title governs: «управляющий парком X»)
        before = segment[position - 1]
        governed = "Case=Ins" in tokens[t].feats and position > start \
            and tokens[before].pos in ("VERB", "NOUN") and _is_title(ctx, before)
        if tokens[t].lemma in ctx.vocab.park_anaphors \
                and ("Case=Gen" in tokens[t].feats or abbreviated or governed):
            if "Number=Plur" in tokens[t].feats and not abbreviated:
                return  # «директор департамента особых экономических зон»: a field, no park
            role = _role(ctx, segment[start:position])
            ctx.add(rule, ctx.entity(person), ctx.resolve_park(t), sent_id, role)
            return
    # «губернатор области Иван Петров», «министр промышленности и торговли региона X»: the
    # region the text names
    for position in range(start + 1, len(segment)):
        t = segment[position]
        if tokens[t].text == "," and t not in ctx.mention_at:
            continue  # «министр промышленности, торговли … региона»: the field goes on
        if tokens[t].lemma in ctx.vocab.words("pointing_words") and t not in ctx.mention_at:
            continue  # «посол этой страны в России X»
        if t in ctx.mention_at or tokens[t].pos not in ("NOUN", "ADJ", "CCONJ"):
            break
        if "Case=Gen" in tokens[t].feats and tokens[t].lemma in ctx.vocab.place_reference_words:
            # «глава городского округа X»: the word the adjective stands for, the town
            kind = ctx.vocab.mapping("region_adjectives").get(
                tokens[segment[position - 1]].lemma) if position > start + 1 else None
            # («аким региона»: a Kazakh region, whatever region the text named last)
            country = ctx.vocab.mapping("title_countries").get(tokens[segment[start]].lemma)
            place = resolve_place(ctx, t, kind, country)
            body = _body_of_field(ctx, segment[start + 1:position], t) if kind is None else None
            if body is not None and (home := entity_place(ctx, body)) is not None \
                    and (place is None or entity_place(ctx, place) != home):
                # «министр просвещения региона» after «министерство просвещения Подмосковья»:
                # that body's place (or the body), not the last region named (the visitors'
                # own, maybe)
                named = entity_naming(ctx, home)  # (an entity may be 0: no «or»)
                ctx.add(rule, ctx.entity(person), body if named is None else named, sent_id,
                        _role(ctx, segment[start:position]))
                break
            if place is None and country is not None:
                place = _body_of_region_in(ctx, t, country)
            if place is not None:
                role = _role(ctx, segment[start:position + (kind is not None)])
                ctx.add(rule, ctx.entity(person), place, sent_id, role)
            break


def _body_of_field(ctx: Context, field: list[int], t: int) -> int | None:
    """The one body named before ``t`` whose name is its head (``org_body_nouns``), the
    title's field words (``field``: «просвещения», «промышленности и торговли») and a place
    («Министерство просвещения Подмосковья»), as an entity; None where none or two are."""
    tokens = ctx.doc.tokens
    while field and ctx.vocab.is_title(tokens[field[0]].lemma):
        field = field[1:]  # («заместитель министра | просвещения»)
    lemmas = [tokens[f].lemma for f in field]
    if not any(tokens[f].pos == "NOUN" for f in field):
        return None
    found = set()
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.start >= tokens[t].start:
            break
        words = ctx.mention_tokens(index)
        if mention.type != "ORG" or len(words) < len(lemmas) + 2 \
                or tokens[words[0]].lemma.lower() not in ctx.vocab.words("org_body_nouns") \
                or [tokens[w].lemma for w in words[1:len(lemmas) + 1]] != lemmas:
            continue
        rest = " ".join(tokens[w].text for w in words[len(lemmas) + 1:])
        if gazetteer().lookup(rest) is not None or name_place(ctx, mention.normal) is not None:
            found.add(mention.entity_id)
    return found.pop() if len(found) == 1 else None


def _body_of_region_in(ctx: Context, t: int, country: str) -> int | None:
    """The last body named before ``t`` whose name is a head word and a region of
    ``country`` («акимат Северо-Казахстанской области»: «аким региона» works there, where
    the text names the region only inside it), as an entity; None where there is none."""
    found = None
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.start >= ctx.doc.tokens[t].start:
            break
        words = mention.normal.split()
        if mention.type == "ORG" and len(words) > 1 and (
                place := gazetteer().lookup(" ".join(words[1:]))) is not None \
                and place.country == country and place.kind != "country":
            found = ctx.entity(index)
    return found


def _bare_region_of_body(ctx: Context, employer: int) -> int | None:
    """The place a government body's name of two words stands for where its second is a
    bare region word («Правительство региона», «Администрация области»): the region named
    before with that word (``resolve_place``); None for any other name."""
    tokens = ctx.doc.tokens
    first, last = ctx.first(employer), ctx.last(employer)
    if last != first + 1 \
            or tokens[first].lemma.lower() not in ctx.vocab.words("government_bodies") \
            or tokens[last].lemma not in ctx.vocab.words("place_anaphors") \
            or "Case=Gen" not in tokens[last].feats:
        return None
    return resolve_place(ctx, last)


def _envoy_district(ctx: Context, segment: list[int], start: int) -> int | None:
    """«полпред президента РФ в ПФО»: the district where the title's holder represents the
    head of state (``district_envoy_titles``), named after «в»; None for any other title."""
    if ctx.doc.tokens[segment[start]].lemma not in ctx.vocab.words("district_envoy_titles"):
        return None
    return next((i for i in ctx.mentions_in(segment[start + 1:])
                 if ctx.mention_type(i) == "LOC" and _posted_in(ctx, i)
                 and is_federal_district(ctx.doc.mentions[i].normal)), None)


def _adjective_place(ctx: Context, t: int, head: bool = False) -> int | None:
    """The entity of the place an adjective at ``t`` names, where the text names it: a
    country's («китайский»), a region's or a town's («харьковский»); ``head``: the adjective
    is on a post title itself, where origin_head_adjectives count too («российский
    президент»)."""
    lemma = ctx.doc.tokens[t].lemma
    place = ctx.vocab.country_adjectives.get(lemma) or ctx.vocab.place_adjectives.get(lemma) \
        or (ctx.vocab.head_adjectives.get(lemma) if head else None)
    named = [e.entity_id for e in ctx.doc.entities if e.type == "LOC" and place
             and same_place(e.normal, place)]
    if not named and t not in ctx.mention_at:
        # «харьковский городской голова X»: a town's adjective, where the text names it
        town = place_of_adjective(ctx, ctx.doc.tokens[t])
        named = [town] if town is not None else []
    return named[0] if named else None


def _place_adjective(ctx: Context, t: int) -> bool:
    """Is the word at ``t`` the adjective of a country, region or town («российский»)?"""
    vocab, lemma = ctx.vocab, ctx.doc.tokens[t].lemma
    return lemma in vocab.country_adjectives or lemma in vocab.place_adjectives \
        or lemma in vocab.head_adjectives


def _state_title(ctx: Context, t: int) -> bool:
    """Is the title at ``t`` a post in a state's or a place's government (``state_posts``,
    ``government_posts``, ``state_head_titles``), also with a prefix («экс-», «вице-»)?"""
    vocab = ctx.vocab
    posts = vocab.words("state_posts") | vocab.words("government_posts") \
        | vocab.words("state_head_titles")
    lemma = ctx.doc.tokens[t].lemma
    return lemma in posts or any(lemma.startswith(p) and lemma[len(p):].lstrip("-") in posts
                                 for p in vocab.title_prefixes)


def _named_body(ctx: Context, phrase: list[int]) -> int | None:
    """«заместитель министра промышленности и торговли Иван Петров» where the text names
    «Министерство промышленности и торговли РФ»: the one body whose name is the post's
    body word (``title_bodies``: «министр = министерство») with the post's field words."""
    tokens = ctx.doc.tokens
    bodies = ctx.vocab.mapping("title_bodies")
    at = next((p for p, t in enumerate(phrase) if tokens[t].lemma in bodies), None)
    if at is None:
        return None
    field = []
    for t in phrase[at + 1:]:
        if tokens[t].text == "," and t not in ctx.mention_at:
            continue  # «министр промышленности, торговли и …»: the field goes on
        if t in ctx.mention_at or tokens[t].pos not in ("NOUN", "ADJ", "CCONJ"):
            break
        field.append(tokens[t].lemma)
    if not field:
        # «… в министерстве инвестиций области. … встретился министр Иван Петров»: a bare
        # post is of the one body of its word the text named before it
        return _one_body_named_before(ctx, bodies[tokens[phrase[at]].lemma], phrase[at]) \
            if at == len(phrase) - 1 else None
    wanted = [bodies[tokens[phrase[at]].lemma], *field]
    found = set()
    for index, mention in enumerate(ctx.doc.mentions):
        words = [tokens[t] for t in sorted(ctx.mention_tokens(index)) if tokens[t].text.isalpha()]
        # the whole field: what follows in the name is its place («… торговли РФ»)
        rest = words[len(wanted):]
        if mention.type == "ORG" and [w.lemma for w in words[:len(wanted)]] == wanted \
                and (not rest or rest[0].text[:1].isupper()):
            found.add(ctx.entity(index))
    return found.pop() if len(found) == 1 else None


def _one_body_named_before(ctx: Context, body: str, t: int) -> int | None:
    """The entity of the one organisation whose name opens with ``body`` («министерство»)
    the text names before ``t``; None where it names none or two."""
    tokens = ctx.doc.tokens
    found = {ctx.entity(index) for index, mention in enumerate(ctx.doc.mentions)
             if mention.type == "ORG" and ctx.first(index) < t
             and tokens[ctx.first(index)].lemma == body}
    return found.pop() if len(found) == 1 else None


def _one_org_named_with(ctx: Context, token_id: int) -> int | None:
    """The one organisation named before ``token_id`` whose name's head noun is the lemma of
    the bare noun there («Верхнеборский мясокомбинат», «Лиманский морской порт» for
    «мясокомбината», «порта»), as an entity; None where none is or two are, where a word of
    its own says which («ростовского цирка») or where the noun stood bare before, outside
    any name (another of its kind the text left unnamed)."""
    tokens = ctx.doc.tokens
    lemma = tokens[token_id].lemma
    if any(tokens[c].rel in ("amod", "det", "nmod", "appos")
           for c in ctx.children.get(token_id, [])):
        return None  # «ростовского цирка», «своей администрации»: another of its kind
    if any(tokens[t].lemma == lemma and t not in ctx.mention_at for t in range(token_id)):
        return None  # «… и совет молодёжи провели встречу. Председатель совета X»: which?
    found = orgs_headed_by(ctx, token_id)
    return found.pop() if len(found) == 1 else None


def _of_a_foreign_country(ctx: Context, t: int) -> bool:
    """Is the word at ``t`` an adjective of a country other than Russia («корейской»)? Of
    the bodies a text names, which is that country's it does not say."""
    place = adjective_home(ctx, ctx.doc.tokens[t]) if t >= 0 else None
    return place is not None and place.kind == "country" and place.country != HOME_COUNTRY


def _possessive_employer(ctx: Context, rule: RelationRule, person: int, segment: list[int],
                         sent_id: int) -> None:
    """«… компания «НижФармСинтез», которая экспортирует субстанции. Её директор Елена
    Сбоева …»: a bare title after «её/его» works for the organisation named last, when
    no person is named after it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    before = segment[0] - 1
    if before < 0 or tokens[before].text.lower() not in vocab.possessive_genders \
            or (before > 0 and tokens[before - 1].pos == "VERB"):
        return  # (not a verb's object: «Возглавлял её хоким области X» — the group)
    title = _title_start(ctx, segment)
    if title is None or "Number=Plur" in tokens[segment[title]].feats \
            or any(t in ctx.mention_at for t in segment):
        return
    first = ctx.doc.sentences[max(tokens[before].sent_id - 1, 0)].first_token
    for t in range(before - 1, first - 1, -1):
        index = ctx.mention_at.get(t)
        if index is None or ctx.in_speech(t):
            continue
        kind = ctx.mention_type(index)
        if kind in ("ORG", "PARK"):
            # the name's generic head agrees with the possessive («компания … Её»)
            gender = name_gender(ctx, index)
            wanted = vocab.possessive_genders[tokens[before].text.lower()]
            if not gender or gender not in wanted:
                return
            ctx.add(rule, ctx.entity(person), ctx.entity(index), sent_id,
                    _role(ctx, segment[title:]))
            return
        if kind == "PER":
            _deputy_of(ctx, rule, person, index, segment[title:], tokens[before].text.lower(),
                       sent_id)
        if kind in ("PER", DELEGATION):
            return


def _deputy_of(ctx: Context, rule: RelationRule, person: int, chief: int, title: list[int],
               possessive: str, sent_id: int) -> None:
    """«директор компании «Y» Иван Петров и его заместитель Олег Сомов»: a deputy of the
    person the possessive names (its gender his) works where that person does."""
    tokens = ctx.doc.tokens
    if tokens[title[0]].lemma not in ctx.vocab.words("deputy_words") or len(title) != 1:
        return
    gender = parse_feats(tokens[ctx.first(chief)].feats or "").get("Gender")
    if gender not in ctx.vocab.possessive_genders[possessive]:
        return
    for _, employer, _ in [r for r in ctx.found_of("WORKS_FOR") if r[0] == ctx.entity(chief)]:
        ctx.add(rule, ctx.entity(person), employer, sent_id, _role(ctx, title))


def _bare_body_named_before(ctx: Context, segment: list[int], start: int) -> int | None:
    """The organisation a bare head noun closing a title phrase stands for («доценты
    университета»): the one named before with that head, None where there is no such noun
    or no such body."""
    last = segment[-1]
    token = ctx.doc.tokens[last]
    if not _bare_genitive_close(ctx, segment, start) \
            or "Number=Sing" not in token.feats:  # («директора фирм»: each of several)
        return None
    if token.lemma in ctx.vocab.org_heads:
        return resolve_bare_org(ctx, last)
    return _one_org_named_with(ctx, last)


def _bare_genitive_close(ctx: Context, segment: list[int], start: int) -> bool:
    """Does the title phrase ``segment`` (its title at ``start``) close on a bare noun in the
    genitive, no name of its own («президент фонда», «доценты университета»)?"""
    last = segment[-1]
    return len(segment) > start + 1 and last not in ctx.mention_at \
        and "Case=Gen" in ctx.doc.tokens[last].feats


def _agreeing(ctx: Context, segment: list[int], person: int) -> list[int]:
    """The part of a title phrase from its first title in the person's case: «пресс-
    секретарю экс-президента США Билла Клинтона» → «экс-президента США»; «с
    корреспондентом «Голоса Америки» лидер движения X» has none."""
    tokens = ctx.doc.tokens
    cases = {case_of(tokens[t]) for t in ctx.mention_tokens(person)} - {None}
    lexicon = ctx.vocab.analyzer.lexicon
    if any(len(tokens[t].text) == 1 and tokens[t].text.isupper() and t + 1 < len(tokens)
           and tokens[t + 1].text == "." for t in ctx.mention_tokens(person)):
        cases = set()  # «Х.Бозоров»: the tagger's case of a surname after initials is a guess
    if "Acc" in cases or "Gen" in cases:
        cases |= {"Acc", "Gen"}  # animate accusative = genitive
    words = [tokens[t].text for t in ctx.mention_tokens(person)]
    if cases == {"Nom"}:
        # «с председателем … Чан Куок Выонгом»: the tagger reads a foreign name as
        # nominative; its last word's ending may say otherwise
        cases |= dictionary_cases(words[-1], ud=True)
    # «заместитель мэра X Батбаяр Ганзориг»: read as the genitive of the title before it; the
    # endings of words no dictionary knows may say otherwise
    cases |= {case for word in words if word.isalpha() and not lexicon.is_word(word)
              for case in dictionary_cases(word, ud=True)}
    if "Nom" in cases:
        cases |= {"Acc", "Gen"}  # a foreign name that does not decline reads as nominative
    found = _from_agreeing_title(ctx, segment, cases)
    if not found and cases and any(
            tokens[t].text.isalpha() and ("Foreign=Yes" in tokens[t].feats
                                          or not lexicon.is_word(tokens[t].text))
            for t in ctx.mention_tokens(person)):
        # «Гао Сиюнь», «Ван Сянькуй»: no dictionary knows a foreign name, the tagger's case
        # of it is a guess; where no title agrees with it, any title will do
        found = _from_agreeing_title(ctx, segment, set())
    return found


def _from_agreeing_title(ctx: Context, segment: list[int], cases: set[str]) -> list[int]:
    """The part of ``segment`` from its first title in one of ``cases`` (any if none). A
    title no dictionary knows («хоким») agrees in any case: the tagger's is a guess."""
    tokens = ctx.doc.tokens
    is_word = ctx.vocab.analyzer.lexicon.is_word
    for position, t in enumerate(segment):
        if not _free_title(ctx, t):
            continue
        case = case_of(tokens[t])
        if case is None or not cases or case in cases or not is_word(tokens[t].text):
            while position > 0 and tokens[segment[position - 1]].pos == "ADJ":
                position -= 1
            return segment[position:]
    return []


def _from_title(ctx: Context, segment: list[int], one_name: bool = False) -> list[int]:
    """The tail of ``segment`` that is the name's title phrase: the last title word and
    the titles whose genitive chain it continues («заместитель генерального директора
    Биотехнопарка»), with their adjectives; what precedes («При подписании соглашения»,
    «с губернатором области») is not part of it. Before ``one_name``, two posts of two
    places joined by «и» are two persons', the name the later one's."""
    tokens = ctx.doc.tokens
    titles = [p for p, t in enumerate(segment) if _free_title(ctx, t)]
    if not titles:
        return []
    start = titles[-1]
    for position in reversed(titles[:-1]):
        following = tokens[segment[start]]
        between = segment[position + 1:start]
        if "Case=Gen" not in following.feats or any(
                tokens[t].pos in ("VERB", "AUX") for t in between):
            break
        start = position
    while start > 0 and tokens[segment[start - 1]].pos == "ADJ" \
            and segment[start - 1] not in ctx.mention_at:
        start -= 1
    if start > 1 and tokens[segment[start - 1]].lemma == "и":
        # «директор кластера «Биофарм» и директор Инновационного центра»: both posts
        earlier = _from_title(ctx, segment[:start - 1])
        # («представители компании «A» и министр X»: plural titles are other people's)
        plural = any("Number=Plur" in tokens[t].feats for t in earlier if _free_title(ctx, t))
        if earlier and not plural \
                and not (one_name and _other_places(ctx, earlier, segment[start:])):
            return earlier + segment[start - 1:]
    return segment[start:]


def _other_places(ctx: Context, earlier: list[int], later: list[int]) -> bool:
    """Do two title phrases joined by «и» each name a place, not the same one
    («премьер-министр Эфиопии и президент Эритреи X»)? Then they are two persons' posts,
    the name after them the later one's."""
    def places(phrase: list[int]) -> set[int]:
        return {ctx.entity(i) for i in ctx.mentions_in(phrase) if ctx.mention_type(i) == "LOC"}

    first, second = places(earlier), places(later)
    return bool(first) and bool(second) and not first & second


# the headline and lead of a news item: how many sentences from the start
LEAD_SENTENCES = 4


@matcher("lead_title_subject")
def lead_title_subject(ctx: Context, rule: RelationRule) -> None:
    """«Иван Петров посетил завод | Губернатор Тверской области осмотрел цеха …» (or the other
    way round): in a news item's headline and lead, a title with its employer and no name
    as one sentence's subject, and a name opening the sentence next to it, are one person."""
    tokens = ctx.doc.tokens
    posts = ctx.vocab.words(rule.trigger)
    found = {person for person, _, _ in ctx.found_of("WORKS_FOR")}
    count = min(LEAD_SENTENCES, len(ctx.doc.sentences))
    for sent_id in range(count):
        sentence = ctx.sentence(sent_id)
        mentions = ctx.mentions_in(sentence)
        if any(ctx.mention_type(i) == "PER" for i in mentions):
            continue
        title = next((t for t in sentence if tokens[t].lemma in posts and tokens[t].rel == "nsubj"
                      and t not in ctx.mention_at and "Number=Sing" in tokens[t].feats
                      and is_finite_verb(tokens[tokens[t].head_id])), None)
        if title is None:
            continue
        segment = _subject_title_phrase(ctx, title)
        if len(segment) < 2 and not any(tokens[t].pos == "ADJ" for t in segment):
            continue  # a bare title: no employer to give
        # the nearest sentence either side that names a person (a headline may be cut in two)
        for others in (range(sent_id - 1, -1, -1), range(sent_id + 1, count)):
            other = next((o for o in others if any(
                ctx.mention_type(i) == "PER" for i in ctx.mentions_in(ctx.sentence(o)))), None)
            person = _opening_person(ctx, other) if other is not None else None
            if person is not None and any(tokens[t].lemma == tokens[title].lemma
                                          for t in ctx.sentence(other)):
                continue  # «Иван Петров обсудил с губернатором …»: the title is another's
            if person is not None and ctx.entity(person) not in found:
                _add_works_for(ctx, rule, person, segment, sent_id)


def _subject_title_phrase(ctx: Context, title: int) -> list[int]:
    """The title at ``title`` with its adjectives before it and the genitive chain after
    it («забайкальский губернатор», «глава правительства Волгоградской области»)."""
    tokens = ctx.doc.tokens
    start = title
    while start > 0 and tokens[start - 1].pos == "ADJ" and start - 1 not in ctx.mention_at:
        start -= 1
    end = title + 1
    while end < len(tokens) and tokens[end].sent_id == tokens[title].sent_id and (
            end in ctx.mention_at or (tokens[end].pos in ("NOUN", "ADJ", "PROPN")
                                      and "Case=Gen" in tokens[end].feats)):
        end += 1
    return list(range(start, end))


def _opening_person(ctx: Context, sent_id: int) -> int | None:
    """The person whose name opens sentence ``sent_id`` as its subject, the only person it
    names."""
    sentence = ctx.sentence(sent_id)
    if not sentence:
        return None
    persons = [i for i in ctx.mentions_in(sentence) if ctx.mention_type(i) == "PER"]
    if len({ctx.entity(i) for i in persons}) != 1 or ctx.first(persons[0]) != sentence[0]:
        return None
    tokens = ctx.doc.tokens
    if not any(tokens[t].rel == "nsubj" for t in ctx.mention_tokens(persons[0])):
        return None
    after = ctx.last(persons[0]) + 1
    if after < len(tokens) and tokens[after].text in (",", "(", DASH):
        return None  # «Иван Петров, директор завода, …»: a title of his own
    return persons[0]


# -- WORKS_FOR from the context: the one organisation a bare title fits ---------------------


@matcher("bare_visited_post")
def bare_visited_post(ctx: Context, rule: RelationRule) -> None:
    """«Университет «Кедр» посетил … Гостя встретил проректор по науке Пётр Громов»: a bare
    title that implies a kind of organisation (ректор → a university, директор → a company,
    a plant, a park) is a post of the one organisation of that kind the text names, where a
    visit went to it."""
    kinds = ctx.vocab.mapping(rule.trigger)
    visited = _visited_orgs(ctx)
    if not visited:
        return
    visit_sentences = _visit_verb_sentences(ctx)
    employed = {person for person, _, _ in ctx.found_of("WORKS_FOR")} \
        | {member for member, _, _ in ctx.found_of("MEMBER_OF_DELEGATION")} \
        | {head for _, head, _ in ctx.found_of("HEADED_BY")}
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER" or ctx.entity(index) in employed \
                or mention.sent_id in visit_sentences:
            continue  # a visitor's own bare title is not the host's post
        title = _bare_title(ctx, ctx.first(index))
        if title is None or ctx.doc.tokens[title].lemma not in kinds:
            continue
        heads = set(kinds[ctx.doc.tokens[title].lemma].split())
        orgs = {ctx.entity(i) for i, m in enumerate(ctx.doc.mentions)
                if m.type in ("ORG", "PARK") and _org_head_lemmas(ctx, i) & heads}
        if len(orgs) == 1 and orgs <= visited:
            ctx.add(rule, ctx.entity(index), orgs.pop(), mention.sent_id,
                    _role(ctx, list(range(title, ctx.first(index)))))


def _bare_title(ctx: Context, first: int) -> int | None:
    """The title right before the name at ``first`` with no employer after it: «ректор X»,
    «проректор по науке X» (a «по» phrase names the field, not the body)."""
    tokens = ctx.doc.tokens
    end = _before_name(ctx, first)
    if end < 0 or end in ctx.mention_at or tokens[end].sent_id != tokens[first].sent_id:
        return None
    if _is_title(ctx, end):
        return end
    t = end
    while t > 0 and end - t < 4 and t not in ctx.mention_at \
            and tokens[t].pos in ("ADJ", "NOUN") and tokens[t].sent_id == tokens[end].sent_id:
        t -= 1
    if t < 1 or t == end or tokens[t].lemma != "по" or t - 1 in ctx.mention_at \
            or not _is_title(ctx, t - 1):
        return None
    return t - 1


def _org_head_lemmas(ctx: Context, index: int) -> set[str]:
    """The lemmas of an organisation's mention and of the generic head written before it
    («университет «Кедр»»: the mention is the quoted name); an abbreviation's by its last
    letter (``org_abbreviation_heads``)."""
    tokens = ctx.doc.tokens
    found = {tokens[t].lemma for t in range(ctx.first(index), ctx.last(index) + 1)}
    written = ctx.doc.mentions[index].text
    if ABBREVIATION_WORD.fullmatch(written):  # «БГТУ»: its last letter's kind
        found |= {head for ending, head in ctx.vocab.mapping("org_abbreviation_heads").items()
                  if written.lower().endswith(ending)}
    t = before_quotes(ctx, ctx.first(index) - 1)
    if t >= 0 and t not in ctx.mention_at and tokens[t].sent_id == tokens[ctx.first(index)].sent_id:
        found.add(tokens[t].lemma)
    return found


def _visit_verb_sentences(ctx: Context) -> set[int]:
    """Sentences with a verb of visiting or arriving («посетил», «прибыла»)."""
    verbs = ctx.vocab.words("site_visit_verbs") | ctx.vocab.words("arrival_verbs")
    return {t.sent_id for t in ctx.doc.tokens if t.pos == "VERB" and t.lemma in verbs}


def _visited_orgs(ctx: Context) -> set[int]:
    """Organisations a visit went to: found VISITED, or named in a sentence with a verb of
    visiting or arriving («Университет «Кедр» посетил советник посольства …»)."""
    found = {site for _, site, _ in ctx.found_of("VISITED")}
    sentences = _visit_verb_sentences(ctx)
    return found | {ctx.entity(i) for i, m in enumerate(ctx.doc.mentions)
                    if m.type in ("ORG", "PARK") and m.sent_id in sentences}


@matcher("represented_by")
def works_for_represented_by(ctx: Context, rule: RelationRule) -> None:
    """«АО «Кедр» в лице генерального директора X и его заместителя Y»: the titled persons a
    body acts through work for it."""
    for t in range(1, len(ctx.doc.tokens)):
        found = represented_by(ctx, t)
        if found is not None:
            body, persons = found
            for person in persons:
                ctx.add(rule, ctx.entity(person), ctx.entity(body), ctx.doc.tokens[t].sent_id)


def represented_by(ctx: Context, t: int) -> tuple[int, list[int]] | None:
    """At «в» of «в лице»: the body named right before it and the titled persons after it
    (to «;», the next side or the sentence's end); None where either is missing."""
    tokens = ctx.doc.tokens
    if tokens[t].lemma != "в" or t + 2 >= len(tokens) or tokens[t + 1].lemma != "лицо":
        return None
    body = ctx.mention_at.get(t - 1)
    if body is None or ctx.mention_type(body) not in ("ORG", "LOC", "PARK"):
        return None
    # (not a region's head, «правительство края в лице губернатора X»: his post is the
    # region's, which his title tells)
    heads = ctx.vocab.words("place_head_titles")
    persons = [p for p in _side_persons(ctx, t + 2)
               if not any(tokens[k].lemma in heads for k in range(t + 2, ctx.first(p)))]
    return (body, persons) if persons else None


@matcher("side_signer")
def side_signer(ctx: Context, rule: RelationRule) -> None:
    """«Со стороны университета «Кедр» соглашение подписал ректор X, со стороны области –
    губернатор Y»: in a signing, a titled person named for a side works for it (a side
    written by its head word alone, «администрации области», is the one body of the text
    with that head)."""
    signing = ctx.vocab.words(rule.trigger) | ctx.vocab.words("agreement_nouns")
    _persons_of_sides(ctx, rule, signing, signers=True)


@matcher("side_participant")
def side_participant(ctx: Context, rule: RelationRule) -> None:
    """«Со стороны компании «Кедр» в переговорах участвовали генеральный директор X и главный
    инженер Y»: at talks or a meeting, a titled person named for a side works for it."""
    _persons_of_sides(ctx, rule, ctx.vocab.words(rule.trigger), signers=False)


def _persons_of_sides(ctx: Context, rule: RelationRule, words: frozenset[str],
                      signers: bool) -> None:
    """The titled persons named for a side (with ``signers``, also the subjects of the
    signing verb the side hangs on) in a sentence with one of ``words`` (or right after one)
    work for the side."""
    tokens = ctx.doc.tokens
    sentences = {t.sent_id for t in tokens if t.lemma in words}
    for t in range(1, len(tokens) - 1):
        if not side_opens(ctx, t - 1) or t in ctx.mention_at \
                or not sentences & {tokens[t].sent_id, tokens[t].sent_id - 1}:
            continue
        side, after = _side_named(ctx, t + 1)
        if side is None:
            continue
        persons = _side_persons(ctx, after)
        if signers:
            persons += _signing_subjects(ctx, t, words)
        for person in persons:
            ctx.add(rule, ctx.entity(person), side, tokens[t].sent_id)


def _signing_subjects(ctx: Context, side: int, signing: frozenset[str]) -> list[int]:
    """The persons, titled or not, a signing verb the side's phrase at ``side`` hangs on has
    for its subjects, where no other side stands between them, nor before a verb it follows
    («От имени компании «A» договор подписал X», «Договор подписал X от имени «A»»)."""
    tokens = ctx.doc.tokens
    verb = ctx.verb_over(side)
    if verb is None or tokens[verb].lemma not in signing:
        return []
    opening = ctx.doc.sentences[tokens[side].sent_id].first_token
    between = range(side + 1, verb) if verb > side else range(opening, side)
    if any(side_opens(ctx, t) for t in between if t not in (side - 1, side)):
        return []  # «…, а от имени вуза — ректор Y»: the verb is the side before's
    return [index for child in ctx.children.get(verb, []) if tokens[child].rel == "nsubj"
            for index in [ctx.mention_at.get(child)]
            if index is not None and ctx.mention_type(index) == "PER"]


def _side_named(ctx: Context, t: int) -> tuple[int | None, int]:
    """The body (entity) named after «со стороны» at ``t``, and the token after its name:
    a mention, or a head word with a genitive place word the text's one body of that head
    has («администрации области» → «Администрация Омской области»)."""
    tokens = ctx.doc.tokens
    index = ctx.mention_at.get(t)
    if index is not None:
        if ctx.mention_type(index) not in ("ORG", "PARK", "LOC") or ctx.first(index) != t:
            return None, t
        return ctx.entity(index), ctx.last(index) + 1
    if tokens[t].pos != "NOUN" and not ctx.legal_form(t):
        return None, t  # (but «от имени ООО «Кедр»»: a legal form before the name)
    named = t + 1
    if named < len(tokens) and named not in ctx.mention_at and tokens[named].text in QUOTE_OPEN:
        named += 1
    if named in ctx.mention_at:  # «со стороны университета «Кедр»»: the head, then the name
        return _side_named(ctx, named) if ctx.first(ctx.mention_at[named]) == named \
            else (None, t)
    # the body with that head, or with a head of its kind («вуза»: a university, an academy)
    heads = _kind_heads(ctx, tokens[t].lemma)
    bodies = {ctx.entity(i) for i, m in enumerate(ctx.doc.mentions) if m.type in ("ORG", "PARK")
              and ctx.first(i) < t and _headed_by_one_of(ctx, i, heads)}
    after = t + 1
    if after < len(tokens) and after not in ctx.mention_at \
            and tokens[after].lemma in ctx.vocab.words("place_anaphors"):
        after += 1  # «администрации области»
    return (bodies.pop() if len(bodies) == 1 else None), after


def _side_persons(ctx: Context, t: int) -> list[int]:
    """The titled persons from ``t`` to the next side, «;» or the sentence's end, before any
    other body's name (a person whose title names a body works for that one)."""
    tokens = ctx.doc.tokens
    sent_id, persons, titled = tokens[t - 1].sent_id, [], False
    while t < len(tokens) and tokens[t].sent_id == sent_id and tokens[t].text != ";" \
            and not side_opens(ctx, t):
        index = ctx.mention_at.get(t)
        if index is not None and ctx.mention_type(index) != "PER":
            break
        if index is not None and ctx.first(index) == t:
            if titled:
                persons.append(index)
            titled = False
            t = ctx.last(index) + 1
            continue
        titled = titled or _is_title(ctx, t)
        t += 1
    return persons


def _org_head(ctx: Context, index: int) -> str:
    """The generic head of an organisation's mention: its first word's lemma, or the word's
    before a quoted name («компания «Орбита»» → компания)."""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    # the mention's own opening quote, or those right before it
    t = before_quotes(ctx, first if tokens[first].text == QUOTE_OPEN else first - 1)
    if t >= 0 and t not in ctx.mention_at and tokens[t].lemma in ctx.vocab.org_heads \
            and tokens[t].sent_id == tokens[first].sent_id:
        return tokens[t].lemma
    return tokens[first].lemma




SURE_MEMBER = 0.8  # a MEMBER_OF_DELEGATION rule's confidence from which a bare post is his group's


@matcher("member_origin_post")
def member_origin_post(ctx: Context, rule: RelationRule) -> None:
    """«Делегацию Тверской области … В её составе — министр транспорта Анна Фарина»: a
    member (surely found) of a group from a place, with a government post right before the
    name that names no body or place of its own, holds it in that place's government."""
    government = ctx.vocab.words("government_posts")
    posted = {person for person, _, _ in ctx.found_of("WORKS_FOR")}
    origins = {d.entity_id: d.origin_entity for d in ctx.delegations
               if d.origin_entity is not None
               and ctx.doc.entities[d.origin_entity].type == "LOC"}
    places_of: dict[int, set[int]] = {}
    for member, group, fact in ctx.found_of("MEMBER_OF_DELEGATION"):
        if group in origins and fact.confidence >= SURE_MEMBER:
            places_of.setdefault(member, set()).add(origins[group])
    for index, mention in enumerate(ctx.doc.mentions):
        person = ctx.entity(index)
        places = places_of.get(person, set())
        if mention.type != "PER" or person in posted or len(places) != 1:
            continue
        phrase, t = _words_before_name(ctx, index, 6)
        if t in ctx.mention_at:
            continue  # «… компании «X» директор Y»: a title of a body named before it
        segment = _agreeing(ctx, _from_title(ctx, phrase), index)
        start = _title_start(ctx, segment)
        if start is None or _former(ctx, segment, start) \
                or not _government_title(ctx, segment, start, government):
            continue
        ctx.add(rule, person, places.pop(), mention.sent_id, _role(ctx, segment[start:]))
        posted.add(person)


@matcher("body_of_post")
def body_of_post(ctx: Context, rule: RelationRule) -> None:
    """«министр экономического развития Самарской области X» where the text names
    «Министерство экономического развития Самарской области»: a post in a region's (or a
    country's) government is also a post at its body the title names (the body's word, its
    domain words as written in the title, then the same place)."""
    for person, employer, relation in list(ctx.found_of("WORKS_FOR")):
        place = _employer_place(ctx, employer)
        if place is None or not relation.role:
            continue
        title = fold(relation.role).replace(",", " ").split()
        for entity in ctx.doc.entities:
            if entity.type != "ORG" or entity.entity_id == employer:
                continue
            name = fold(entity.normal).replace(",", " ").split()
            domain = _body_domain(title, name)
            rest = " ".join(name[1 + len(domain):])
            if domain and rest and gazetteer().lookup(rest) == place:
                ctx.add(rule, person, entity.entity_id, relation.sent_id, relation.role)


def _employer_place(ctx: Context, employer: int) -> Place | None:
    """The place of a WORKS_FOR employer: a place itself, or a government named after one."""
    entity = ctx.doc.entities[employer]
    if entity.type == "LOC":
        return gazetteer().lookup(entity.normal)
    words = fold(entity.normal).split()
    if entity.type == "ORG" and words and words[0] in ctx.vocab.words("government_bodies"):
        return name_place(ctx, entity.normal)
    return None


BODY_STEM = 6  # «министр(а)» and «министерство», «комитета» and «комитет» share six letters


def _body_domain(title: list[str], name: list[str]) -> list[str]:
    """The words after the body's word in a title that go on the same in the body's name
    («заместитель министра промышленности и торговли» and «министерство промышленности и
    торговли …» → «промышленности и торговли»), else nothing."""
    head = name[0][:BODY_STEM] if name and len(name[0]) >= BODY_STEM else None
    for index, word in enumerate(title):
        if head is not None and word[:BODY_STEM] == head:
            domain = title[index + 1:]
            return domain if name[1:1 + len(domain)] == domain else []
    return []


@matcher("host_at_site")
def host_at_site(ctx: Context, rule: RelationRule) -> None:
    """«В «Кедрмаше» гостей встретил генеральный директор Иван Ольхов», «… на фабрике «X»,
    где их принял главный инженер предприятия Пётр Сомов»: a host with a bare staff title
    (``site_staff_titles``; or one before a generic noun of the site: «предприятия») who
    receives the visitors at a named company or park holds his post there."""
    vocab = ctx.vocab
    staff = vocab.words(rule.trigger)
    employed = {person for person, _, _ in ctx.found_of("WORKS_FOR")}
    for verb in ctx.triggers(vocab.words("host_verbs"), unplanned=True):
        v = verb.token_id
        site = _site_of_reception(ctx, v)
        if site is None:
            continue
        for host in _hosts_of(ctx, v):
            title = _staff_title(ctx, ctx.first(host), staff)
            if title is not None and ctx.entity(host) not in employed:
                ctx.add(rule, ctx.entity(host), ctx.entity(site), verb.sent_id,
                        _role(ctx, [title]))


def _hosts_of(ctx: Context, verb: int) -> list[int]:
    """The persons a host verb's subject names: the subject, the name in apposition to a
    title that is («встретил директор X»), and those joined to it («ректор X и проректор Y»);
    where the parse gives the verb no subject, the persons after it in its clause."""
    tokens = ctx.doc.tokens
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    if not subjects:
        end = ctx.clause_bounds(verb)[1]
        return [i for i in ctx.mentions_in(range(verb + 1, end)) if ctx.mention_type(i) == "PER"]
    subjects += [g for c in subjects for g in ctx.children.get(c, []) if tokens[g].rel == "conj"]
    subjects += [a for c in subjects if c not in ctx.mention_at
                 for a in ctx.children.get(c, []) if tokens[a].rel == "appos"]
    return list(dict.fromkeys(ctx.mention_at[c] for c in subjects if c in ctx.mention_at
                              and ctx.mention_type(ctx.mention_at[c]) == "PER"))


def _staff_title(ctx: Context, first: int, staff: frozenset[str]) -> int | None:
    """The staff title right before the name at ``first``, bare («генеральный директор X») or
    before a generic noun of an organisation in the genitive («главный инженер предприятия
    X»), in one sentence with the name."""
    tokens = ctx.doc.tokens
    bare = _bare_title(ctx, first)  # («проректор по науке X»)
    if bare is not None and tokens[bare].lemma in staff:
        return bare
    t = _before_name(ctx, first)
    if t < 0 or t in ctx.mention_at or tokens[t].sent_id != tokens[first].sent_id:
        return None
    if tokens[t].lemma in ctx.vocab.org_heads and "Case=Gen" in tokens[t].feats and t > 0 \
            and t - 1 not in ctx.mention_at:
        t -= 1  # «главный инженер предприятия»: the site's own generic noun
    return t if tokens[t].lemma in staff else None


def _site_of_reception(ctx: Context, verb: int) -> int | None:
    """The one named company or park where a host verb receives the guests: its «в/на X»
    («В «Кедрмаше» гостей встретил …»), or the site a «где» clause of the verb hangs on
    («на фабрике «X», где их принял …»)."""
    tokens = ctx.doc.tokens

    def named(t: int) -> int | None:  # (the name of «на фабрике «X»» too)
        index = name_at(ctx, t)
        return index if index is not None and ctx.mention_type(index) in ("ORG", "PARK") \
            else None

    children = ctx.children.get(verb, [])
    if any(tokens[c].lemma == "где" for c in children) and tokens[verb].rel == "acl:relcl":
        return named(tokens[verb].head_id)
    sites = {found for c in children if tokens[c].rel == "obl" and ctx.governed(c, "в", "во", "на")
             and (found := named(c)) is not None}
    return sites.pop() if len(sites) == 1 else None


@matcher("representing")
def representing(ctx: Context, rule: RelationRule) -> None:
    """«Компанию «Кедр» представляли Пётр Громов и Олег Белов», «Пётр Громов, представлявший
    компанию «Кедр»», «интересы компании «Кедр» представлял X»: the persons who represent a
    named organisation work for it."""
    tokens = ctx.doc.tokens
    for verb in ctx.triggers(ctx.vocab.words(rule.trigger)):
        t = verb.token_id
        bodies = [index for index in ctx.named_dependents(t, "obj")
                  + _interests_of(ctx, t) if ctx.mention_type(index) in ("ORG", "PARK")]
        persons = [index for index in ctx.named_dependents(t, "nsubj")
                   if ctx.mention_type(index) == "PER"]
        if verb.rel == "acl" and (person := ctx.mention_at.get(verb.head_id)) is not None \
                and ctx.mention_type(person) == "PER":
            persons.append(person)  # «X, представлявший компанию «Кедр»»
        if len(bodies) != 1:
            continue
        for person in persons:
            ctx.add(rule, ctx.entity(person), ctx.entity(bodies[0]), tokens[t].sent_id)


def _interests_of(ctx: Context, verb: int) -> list[int]:
    """The organisation whose interests the verb's object is («интересы компании «Кедр»»)."""
    tokens = ctx.doc.tokens
    return [index for child in ctx.children.get(verb, [])
            if tokens[child].rel == "obj"
            and tokens[child].lemma in ctx.vocab.words("represented_interest_nouns")
            for index in ctx.named_dependents(child, "nmod")]

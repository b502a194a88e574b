"""Who travels in a group: MEMBER_OF_DELEGATION.

«в состав делегации вошли …», «делегация в составе …», «в числе делегации …», «в её составе
— …», «среди членов делегации — …», «члены делегации — …», «в составе которой …», «X в
составе делегации», «X будет среди членов делегации», «с китайской стороны (от китайской
делегации) присутствовали …», «вместе с ним …» / «с ним поедут …» / «его сопровождали …» (of
the head), «в поездке приняли участие …», the travellers of its visit
(and the bodies its «представители» come from), a speaker who speaks as one of the group
(«наша делегация», «наш визит»), the organisation at its head, an official of the place it
comes from, those who represented its side, its escorts and companions. The helpers it
shares with heads and posts (lists of persons, whose side a title puts a person on) are in
``roles``; so is HEADED_BY.
Vocabulary: ``composition_nouns``, ``member_groups``, ``membership_verbs``,
``first_person_words``, ``own_group_markers``, ``escort_nouns``, ``escort_verbs``,
``joining_verbs``, ``guest_nouns``, ``group_side_nouns``, ``escort_party_nouns``, ``member_nouns``,
``participation_words``, ``companion_travel_verbs``.
"""

from __future__ import annotations

from ..doc import DELEGATION, Token, fold
from ..morph import compound_head, parse_feats
from ..normal_form import DASHES
from ..places import Place, gazetteer, name_key, region_of
from ..rules import RelationRule
from .context import (
    DASH_OR_HYPHEN,
    PEOPLE_GROUP,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Context,
    Delegation,
    Ref,
    before_lower_adjectives,
    head_with_lemma,
    is_finite_verb,
    matcher,
    name_at,
    names_employer,
    past_finite_verb,
    person_at,
    same_place,
    subject_persons,
)
from .delegations import (
    adjective_place,
    envoy_title,
    in_group,
    leader_named,
    leader_word,
    official_place,
    past_legal_forms,
    trip_not_made,
    unnamed_title_place,
)
from .roles import (
    bare_group_ref,
    entity_place,
    group_before,
    group_home,
    home_of,
    of_another_side,
    opening_persons,
    persons_listed,
    posted_envoy,
    represented_by,
    same_side,
    side_opens,
    unplaced_region_abroad,
)


def _of_a_participle(ctx: Context, t: int) -> bool:
    """Does the composition word hang on a participle that describes a name before it
    («входившая в состав миссии»)?"""
    tokens = ctx.doc.tokens
    head = tokens[t].head_id
    return 0 <= head < t and "VerbForm=Part" in tokens[head].feats \
        and tokens[head].rel in ("acl", "acl:relcl", "amod")


@matcher("member_composition")
def member_composition(ctx: Context, rule: RelationRule) -> None:
    """«в состав делегации вошли X и Y», «делегация, в которую вошли …»: the persons and
    organisations listed after the group word."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if not ctx.delegations:
        return
    for token in tokens:
        t = token.token_id
        if _composition_subjects(ctx, rule, token):
            continue  # «В составе делегации X Иркутск посетил министр Y»: no list follows
        if token.lemma in vocab.composition_nouns and _of_a_participle(ctx, t):
            continue  # «компания X, входившая в состав миссии, и Y подписали …»: X is the
            # member; the names after it are no list of the group
        following = [tokens[i] for i in range(t + 1, min(t + 4, len(tokens)))]
        group, limit, among = None, len(tokens), False
        if token.lemma == "член" and ((t > 0 and tokens[t - 1].lemma == "среди") or (
                t + 2 < len(tokens) and tokens[t + 2].text in DASH_OR_HYPHEN)):
            # «Среди членов делегации — X и Y», «Члены делегации — X, Y»
            group = next((f for f in following[:1] if ctx.ref_at(f.token_id) is not None),
                         None)
        elif token.lemma == "число" and t >= 3 and tokens[t - 1].lemma == "тот" \
                and tokens[t - 2].lemma == "в" and tokens[t - 3].text == ",":
            group = _group_including(ctx, t - 2)  # «делегация области, в том числе X и Y»
        elif token.lemma in vocab.words("member_nouns") and t >= 2 \
                and tokens[t - 2].lemma == "среди" \
                and tokens[t - 1].text.lower() in vocab.possessive_genders:
            # «Делегация из Вьетнама посетила Тверь. Среди её участников – X и Y»: the group
            # named before
            earlier = group_before(ctx, t)
            group = tokens[earlier.token] if earlier is not None \
                and tokens[earlier.token].lemma in vocab.delegation_heads else None
        elif token.lemma == "участник" and t > 0 and tokens[t - 1].lemma == "среди" \
                and following and following[0].lemma in vocab.words("trip_nouns") \
                and ctx.ref_at(t) is not None:
            # «Среди участников визита — представители компаний X, Y»: the trip's group
            group = token
        elif token.lemma == "участник" and t == ctx.sentence(token.sent_id).start + 1 \
                and tokens[t - 1].lemma == "среди" and following \
                and following[0].text in DASH_OR_HYPHEN and token.sent_id > 0 \
                and not any(ctx.mention_type(i) == "EVENT"
                            for i in ctx.mentions_in(ctx.sentence(token.sent_id - 1))):
            # «Прибыла делегация X. Среди участников — A и B»: the group told just before
            # (not an event's participants: «… посетила форум «Y». Среди участников — …»)
            earlier = group_before(ctx, t)
            group = tokens[earlier.token] if earlier is not None else None
        elif t >= 1 and tokens[t - 1].lemma in ("в", "во") and following \
                and following[0].text in DASH_OR_HYPHEN and ctx.ref_at(t) is not None \
                and vocab.delegation_heads & {token.lemma, compound_head(token.lemma)}:
            group = token  # «В делегации — X и Y»: its members listed after the dash
        elif token.lemma in vocab.composition_nouns and following \
                and following[0].lemma == "который":
            # «делегация, в составе которой X и Y», also past its head's name («делегация во
            # главе с министром X, в составе которой …»)
            group = next((tokens[r] for r in range(t - 1, max(t - 20, -1), -1)
                          if ctx.ref_at(r) is not None and tokens[r].sent_id == token.sent_id),
                         None)
            antecedent = _relative_antecedent(ctx, t + 1)
            if group is not None and antecedent is not None \
                    and ctx.ref_at(antecedent) is None:
                group = None  # «посетили зону «Альфа», в состав которой входят …»: the site's
            others = vocab.words("counterpart_nouns") | vocab.words("host_leader_nouns")
            if group is not None and any(tokens[w].lemma in others and ctx.ref_at(w) is None
                                         for w in range(group.token_id + 1, t)):
                group = None  # «встреча гостей с представителями N, в числе которых …»
        elif token.lemma in vocab.composition_nouns and (
                (t >= 1 and tokens[t - 1].lemma == "в" and following
                 and following[0].text in DASH_OR_HYPHEN)
                or (t >= 2 and tokens[t - 2].lemma == "в"
                    and tokens[t - 1].text.lower() in vocab.possessive_genders)):  # «ее»: «она»
            # «… прибыла делегация из X. В составе — A и B», «В её составе — X, Y»: the group
            # named before, in the sentence or the one before
            earlier = group_before(ctx, t)
            group = tokens[earlier.token] if earlier is not None else None
        elif token.lemma in vocab.composition_nouns and t >= 1 and tokens[t - 1].lemma == "в" \
                and following and following[0].lemma in vocab.words("entering_verbs") \
                and not any(tokens[c].rel == "nmod" for c in ctx.children.get(t, [])):
            # «Возглавлял её X; в состав вошли представители A и B»: the group told before
            earlier = group_before(ctx, t)
            group = tokens[earlier.token] if earlier is not None else None
        elif token.lemma in vocab.composition_nouns and t >= 1 and tokens[t - 1].lemma == "в" \
                and len(following) > 1 and following[1].text in DASH_OR_HYPHEN \
                and following[0].lemma not in vocab.delegation_heads \
                and ctx.ref_at(following[0].token_id) is not None:
            group = following[0]  # «В составе миссии — A, B» after a «бизнес-миссия»
        elif token.lemma in vocab.composition_nouns and t >= 2 and tokens[t - 2].lemma == "в" \
                and tokens[t - 1].text.lower() == "их":
            # «В составе делегации – представители власти края. В их числе министр X, …»:
            # «их» are the members the sentence before listed, not any people named there
            group = _composition_group_before(ctx, t)
        elif (token.lemma in vocab.delegation_heads or token.lemma in vocab.words("guest_nouns")
              or vocab.is_title(token.lemma)) \
                and ctx.ref_at(t) is not None and (close := _dashed_list(ctx, t)) is not None:
            # «Гости – X и Y – осмотрели завод», «Два министра – X и Y – приехали в область»
            group, limit = token, close
        elif token.lemma in vocab.words("guest_nouns") and t > 0 \
                and tokens[t - 1].lemma == "среди" and _guests_group(ctx, t):
            group = token  # «Среди гостей – X и Y»: the guest word refers to the group
        elif token.lemma in vocab.composition_nouns:
            # «в составе (российской) делегации»: not a word past punctuation, nor one of a
            # name («В числе участников — Группа «X»»)
            group = next((f for f in following if f.lemma in vocab.member_groups
                          or (f.pos == "NOUN" and f.lemma not in vocab.words("guest_nouns")
                              and ctx.ref_at(f.token_id) is not None)  # «миссии»
                          or (f.lemma in vocab.words("guest_nouns")
                              and _guests_group(ctx, f.token_id))), None)
            if group is not None and (ctx.ref_at(group.token_id) is None and (
                    group.token_id in ctx.mention_at or any(
                        tokens[u].pos == "PUNCT" for u in range(t + 1, group.token_id)))):
                group = None
            if group is not None and any(
                    tokens[u].lemma in vocab.words("escort_verbs") | vocab.host_verbs
                    for u in range(t + 1, group.token_id)):
                group = None  # «в числе сопровождавших делегацию лиц»: its hosts
            if group is None and t >= 2 and tokens[t - 1].lemma == "в":
                # «делегация в составе заместителя префекта X, директора Y посетила …»
                group = next((tokens[r] for r in range(t - 2, max(t - 5, -1), -1)
                              if ctx.ref_at(r) is not None
                              and tokens[r].sent_id == token.sent_id), None)
        elif (token.lemma in vocab.delegation_heads or token.lemma in vocab.delegation_groups) \
                and ctx.ref_at(t) is not None \
                and (colon := _colon_after_group(ctx, t)) is not None \
                and not _where_heading(ctx, t):
            # («представители университета X: ректор Y, проректор Z»: a group of people too)
            # «Вместе с ним прибыла делегация (области): министр X, заместитель министра Y»
            group = token
            t = colon
        elif token.lemma == "среди" and following and following[0].lemma in ("который", "они") \
                and t >= 2 and tokens[t - 1].text == ",":
            # «Делегация насчитывает 150 человек, среди которых – министр X и компании Y»:
            # the group itself, or the count its verb gives; «представители компаний, среди
            # них X и Y», «Чувашские коллеги, среди которых был X»: the group's people
            before = t - 2
            ref = ctx.ref_at(before) or _group_people_before(ctx, before)
            verb = tokens[before].head_id
            if ref is None and verb >= 0 and is_finite_verb(tokens[verb]) \
                    and tokens[before].rel == "obj":
                ref = next((r for c in ctx.children.get(verb, [])
                            if tokens[c].rel == "nsubj" and (r := ctx.ref_at(c)) is not None),
                           None)
            # «Гостей, среди которых X и Y, встретил …»: a guest word that refers to the group
            group = tokens[ref.token] if ref is not None and (
                tokens[ref.token].lemma in vocab.delegation_heads
                or tokens[ref.token].lemma in vocab.words("guest_nouns")
                or tokens[ref.token].lemma in vocab.delegation_groups) else None
            t += 1  # the list starts after «которых»
            while t + 1 < len(tokens) and tokens[t + 1].lemma == "быть":
                t += 1  # «среди которых был X»
            among = True
        elif token.lemma in vocab.words("including_words") and t > 0 \
                and tokens[t - 1].text == ",":
            group = _group_including(ctx, t)  # «делегация из 12 человек, включая X и Y»
        elif token.lemma in vocab.membership_verbs:
            around = [tokens[i] for i in range(max(t - 3, 0), min(t + 4, len(tokens)))
                      if tokens[i].sent_id == token.sent_id]
            group = next((f for f in around if _joined_group(ctx, f.token_id)
                          and (any(tokens[c].lemma == "в" for c in ctx.children.get(
                              f.token_id, [])) or _after_into(ctx, f.token_id))), None)
            if group is None:  # «В делегацию, которую возглавил X, вошли Y и Z»
                group = next((tokens[c] for c in ctx.children.get(t, [])
                              if c < t and _joined_group(ctx, c)
                              and any(tokens[g].lemma == "в" for g in ctx.children.get(c, []))),
                             None)
            relative = next((r for r in range(max(t - 2, 0), t) if tokens[r].lemma == "который"),
                            None)
            if group is None and relative is not None:
                # (a group's word, or one that refers to it: «Вторая группа, в которую вошли»)
                group = next((r for r in reversed(range(max(t - 6, 0), t))
                              if tokens[r].lemma in vocab.delegation_heads
                              or ctx.ref_at(r) is not None), None)
                antecedent = _relative_antecedent(ctx, relative)
                if antecedent is not None and ctx.ref_at(antecedent) is None:
                    group = None  # «посетила кластер, в который входят …»: the site's
                group = tokens[group] if group is not None else None
            k = t - 1
            while k > 0 and tokens[k].pos == "ADV":
                k -= 1  # «в нее также вошли X, Y»
            if group is None and k >= 1 and tokens[k - 1].lemma in ("в", "во") \
                    and tokens[k].text.lower() in ("нее", "неё", "него"):
                earlier = group_before(ctx, t)  # «В нее входят X, Y»: the group before
                group = tokens[earlier.token] if earlier is not None \
                    and tokens[earlier.token].lemma in vocab.delegation_heads else None
        if group is None:
            continue
        ref = ctx.ref_at(group.token_id) or bare_group_ref(ctx, group.token_id)
        if ref is None and group.lemma not in vocab.delegation_heads and any(
                tokens[c].rel == "amod" and tokens[c].pos == "ADJ"
                for c in ctx.children.get(group.token_id, [])):
            continue  # «в состав рабочей группы вошли X и Y»: a group of another kind
        delegation = ctx.delegations[ref.delegation if ref else 0].entity_id
        start = max(group.token_id, t) + 1
        if start < len(tokens) and tokens[start].lemma == "который":
            start += 1  # «в составе которой X и Y»
        limit = min(limit, _other_side(ctx, start), next(
            (u for u in range(start + 1, len(tokens)) if tokens[u].lemma in vocab.composition_nouns
             and tokens[u - 1].lemma in ("в", "во") and tokens[u].sent_id == token.sent_id),
            len(tokens)))  # «…, в составе российской – X»: another group's list
        carried = _named_on_group_word(ctx, start, delegation)
        listed = [i for i in persons_listed(ctx, start)
                  if not (carried and ctx.mention_type(i) == DELEGATION)]
        if among and not listed:  # «среди них агрохолдинг «X» и завод «Y»»: bodies
            listed = ctx.listed_from(start, ("PER", "ORG"))
        if not listed and (named := _named_among_them(ctx, start)) is not None:
            # «вошли руководители 30 предприятий области, среди них «X», «Y» и другие»
            listed = ctx.listed_from(named, ("ORG",))
        if listed and _group_acts_before(ctx, start, ctx.first(listed[0])):
            continue  # «делегация в составе 10 человек встретилась с губернатором X»
        for index in listed + carried:
            mention = ctx.doc.mentions[index]
            if mention.type not in ("PER", "ORG") \
                    or (index in ctx.origin_mentions and index not in carried and not among) \
                    or ctx.first(index) > limit or _complement(ctx, index, start):
                continue
            if mention.type == "PER" and ctx.first(index) == ctx.last(index) \
                    and vocab.is_title(tokens[ctx.first(index)].lemma):
                continue  # «в составе Вице-премьера, министра X»: a title taken for a name
            if mention.type == "ORG" and ((ctx.title_dependent(index, True)
                                           and not _people_of_body(ctx, index))
                                          or names_employer(ctx, index)
                                          or _in_report(ctx, index)):
                continue
            if ("HEADED_BY", delegation, ctx.entity(index)) in ctx.found:
                continue  # «в составе делегации под руководством X»: its head
            if group.lemma in vocab.words("guest_nouns") and mention.type == "PER" \
                    and of_another_side(ctx, index, *_origin_and_group(ctx, ref)):
                continue  # «среди гостей – …, а также губернатор области X»: its host
            ctx.add(rule, ctx.entity(index), delegation, token.sent_id)


def _named_on_group_word(ctx: Context, start: int, delegation: int) -> list[int]:
    """«В состав делегации вошли немецкие компании «A» и «B»»: the names the list's first
    word carries where that word is itself a word for the same group (its names then read
    as its origin, not as members)."""
    tokens = ctx.doc.tokens
    for word in range(start, min(start + 7, len(tokens))):  # (past its adjectives)
        ref = ctx.ref_at(word)
        if ref is None or ctx.delegations[ref.delegation].entity_id != delegation \
                or tokens[word].lemma not in ctx.vocab.org_heads:
            continue
        names = [c for c in ctx.children.get(word, []) if tokens[c].rel in ("appos", "nmod")
                 and c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "ORG"]
        names += [g for c in names for g in ctx.children.get(c, [])
                  if tokens[g].rel == "conj" and g in ctx.mention_at]
        return sorted({ctx.mention_at[c] for c in names})
    return []


def _group_people_before(ctx: Context, t: int) -> Ref | None:
    """The group's people a few words before ``t`` in its clause («Участники поездки —
    представители компаний, среди них …»: «Участники»), with no verb between."""
    tokens = ctx.doc.tokens
    for u in range(t, max(t - 6, -1), -1):
        if tokens[u].sent_id != tokens[t].sent_id or tokens[u].pos in ("VERB", "AUX"):
            return None
        ref = ctx.ref_at(u)
        if ref is not None:
            return ref
    return None


def _group_including(ctx: Context, t: int) -> Token | None:
    """The group word a «, включая X и Y» after it belongs to: the last one before it in its
    clause, a few words back, with no verb or name between («делегация области из 12 человек,
    включая …»; not «делегацию встретил губернатор, включая …»)."""
    tokens = ctx.doc.tokens
    for u in range(t - 2, max(t - 9, -1), -1):
        named = ctx.mention_at.get(u)
        if tokens[u].sent_id != tokens[t].sent_id or tokens[u].pos in ("VERB", "AUX") \
                or (named is not None and ctx.mention_type(named) == "PER"):
            return None
        if tokens[u].lemma in ctx.vocab.delegation_heads and ctx.ref_at(u) is not None:
            return tokens[u]
    return None


def _people_of_body(ctx: Context, index: int) -> bool:
    """Does the organisation hang on a word for its people as a whole, no one person's post
    («включили руководство университетов X и Y», «вошли руководители заводов X и Y»:
    ``body_people_nouns`` in the plural, or a collective noun of them)? The body is then in
    the group; a title in the singular («директор завода X») names a person's employer."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    word = ctx.mention_root(index)
    seen = {word}  # (a parse may loop: each word once)
    while word is not None and tokens[word].rel == "conj" and tokens[word].head_id >= 0 \
            and tokens[word].head_id not in seen:
        word = tokens[word].head_id  # «руководство X и Y»: Y hangs on X
        seen.add(word)
    head = tokens[word].head_id if word is not None else -1
    return head >= 0 and tokens[word].rel == "nmod" \
        and tokens[head].lemma in vocab.words("body_people_nouns") \
        and ("Number=Plur" in tokens[head].feats or not vocab.is_title(tokens[head].lemma))


def _after_into(ctx: Context, t: int) -> bool:
    """Does «в» stand before the word, past its adjectives («В свердловскую делегацию
    вошли …», which the parse may hang on the adjective)?"""
    tokens = ctx.doc.tokens
    k = t - 1
    while k >= 0 and tokens[k].pos == "ADJ" and k not in ctx.mention_at:
        k -= 1
    return k < t - 1 and k >= 0 and tokens[k].lemma == "в"


def _joined_group(ctx: Context, t: int) -> bool:
    """Is token ``t`` a word for a group one joins: a group word («делегацию», «переговорную
    группу») or a bare «группу» that stands for the group named before («Делегация из Вьетнама
    прибыла в Томск. В группу вошли X и Y»)?"""
    return ctx.doc.tokens[t].lemma in ctx.vocab.delegation_heads \
        or (ctx.ref_at(t) is not None and ctx.doc.tokens[t].pos == "NOUN") \
        or bare_group_ref(ctx, t) is not None


def _composition_subjects(ctx: Context, rule: RelationRule, token: Token) -> bool:
    """«В составе делегации Монголии Иркутск посетил министр X», «В составе делегации были
    министр X и директор Y»: where «в составе» of a group word is an adverbial of a verb
    that has a subject, the persons of its subject are the members (what stands between
    the group and the verb is the verb's, not a list). True where it names such persons."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t = token.token_id
    if token.lemma not in vocab.composition_nouns or token.rel != "obl" or t == 0 \
            or tokens[t - 1].lemma not in ("в", "во") or "Case=Loc" not in token.feats \
            or token.head_id < 0 or tokens[token.head_id].lemma in vocab.membership_verbs:
        return False  # («в состав делегации вошли X, Y»: a list)
    # the group word a «в составе» governs («делегации», «деловой миссии»: any noun the
    # text refers to the group by)
    group = next((c for c in ctx.children.get(t, []) if tokens[c].rel == "nmod"
                  and tokens[c].pos == "NOUN" and ctx.ref_at(c) is not None), None)
    verb = token.head_id
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    if group is None or tokens[verb].lemma in vocab.host_verbs or ctx.planned(verb):
        return False
    if is_finite_verb(tokens[verb]) and subjects:
        persons = [p for c in subjects for p in _persons_below(ctx, c)]
    else:  # «X, прибывший в Пекин в составе делегации»: the person the participle describes
        persons = _participle_person(ctx, verb)
    if not persons:
        return False
    delegation = ctx.delegations[ctx.ref_at(group).delegation]
    for person in persons:
        if ("HEADED_BY", delegation.entity_id, ctx.entity(person)) not in ctx.found \
                and not of_another_side(ctx, person, delegation.origin_entity, delegation):
            ctx.add(rule, ctx.entity(person), delegation.entity_id, token.sent_id)
    return bool(persons)  # («… работают представители компаний X и Y»: the list's)


def _participle_person(ctx: Context, verb: int) -> list[int]:
    """The persons a participle of a travelling verb describes («X, прибывший в Пекин …»,
    «побывавший в Минске предприниматель X»): its governor's name, or the names under it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    word = tokens[verb]
    if word.pos != "VERB" or "VerbForm=Part" not in word.feats \
            or word.rel not in ("acl", "amod") or word.head_id < 0 \
            or word.lemma not in vocab.visit_triggers | vocab.words("arrival_verbs") \
            | vocab.words("visit_motion_verbs"):
        return []
    return _persons_below(ctx, word.head_id)


def _composition_group_before(ctx: Context, t: int) -> Token | None:
    """The group word of a «в составе делегации» that opens the sentence before token ``t``'s
    («В составе делегации работают представители края. В их числе …»), None where that
    sentence does not list a group's members."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    sent_id = tokens[t].sent_id - 1
    sentence = ctx.sentence(sent_id) if sent_id >= 0 else range(0)  # (all of it before t)
    for u in sentence[1:4]:
        if tokens[u].lemma in vocab.composition_nouns and tokens[u - 1].lemma in ("в", "во"):
            return next((tokens[g] for g in range(u + 1, min(u + 4, len(tokens)))
                         if ctx.ref_at(g) is not None
                         and tokens[g].lemma in vocab.delegation_heads), None)
    return None


def _origin_and_group(ctx: Context, ref: Ref | None) -> tuple[int | None, Delegation]:
    """The origin entity and the group a reference stands for (the first group without
    one)."""
    group = ctx.delegations[ref.delegation if ref else 0]
    return group.origin_entity, group


def _group_acts_before(ctx: Context, start: int, first: int) -> bool:
    """Is there, before the list's first name, a finite verb of hosts, or one whose subject or
    object is a group word («делегация в составе 10 человек встретилась с губернатором X»,
    «делегацию в составе 12 человек принял X»: the names are what it did or who received
    it, not who it is)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab

    def hosts(v: int) -> bool:  # «принял делегацию», not «принял участие»
        return tokens[v].lemma in vocab.host_verbs and not any(
            tokens[c].lemma in vocab.participation_nouns for c in ctx.children.get(v, []))

    return any(is_finite_verb(tokens[v]) and (hosts(v) or any(
        tokens[c].rel in ("nsubj", "obj") and ctx.ref_at(c) is not None
        for c in ctx.children.get(v, [])))
        for v in range(start, first))


def _named_among_them(ctx: Context, start: int) -> int | None:
    """The first word after an ``among_them_phrases`` phrase («среди них», «в том числе»)
    that follows a list's unnamed people in the sentence from ``start`` («руководители
    предприятий области, среди них «X» …»), before any verb; None where there is none."""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[start].sent_id)
    for t in range(start, sentence.stop):
        if t in ctx.mention_at or is_finite_verb(tokens[t]):
            return None
        phrase = next((p for p in ctx.vocab.among_them if ctx.phrase_from(t, p)), None)
        if phrase is not None and t > start and tokens[t - 1].text == ",":
            after = t + len(phrase)
            while after < sentence.stop and tokens[after].text in (*DASH_OR_HYPHEN, ":"):
                after += 1
            return after if after < sentence.stop else None
    return None


def _relative_antecedent(ctx: Context, relative: int) -> int | None:
    """The noun a «который» refers to: the nearest one before it in its sentence that agrees
    with it in number (and gender, in the singular), past names of persons and the words of
    «во главе с» («делегация во главе с министром X, в составе которой»: the group;
    «кластер «Альфа», в составе которого»: the cluster), past a group's origin («делегация
    из Киргизии, в которую …»); None where none agrees."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    feats = parse_feats(tokens[relative].feats or "")
    number, gender = feats.get("Number"), feats.get("Gender")
    neuter_or_not = {"Masc", "Neut"}
    if number is None:
        return None
    for r in range(relative - 1, max(relative - 20, -1), -1):
        word = tokens[r]
        if word.sent_id != tokens[relative].sent_id:
            return None
        if word.pos not in ("NOUN", "PROPN") or word.lemma in vocab.leader_nouns \
                or word.lemma in vocab.composition_nouns or (  # «в составе которого»'s own
                r in ctx.mention_at and ctx.mention_type(ctx.mention_at[r]) == "PER"):
            continue
        if ctx.mention_at.get(r) in ctx.origin_mentions or (
                word.rel == "nmod" and word.head_id >= 0 and word.head_id < r
                and ctx.ref_at(word.head_id) is not None):
            # «делегация из Киргизии, в которую вошли …», «делегация области, в которую …»:
            # the group's origin
            continue
        own = parse_feats(word.feats or "")
        if own.get("Number") == number and (number == "Plur" or gender is None
                                            or own.get("Gender") == gender
                                            or {own.get("Gender"), gender} == neuter_or_not):
            return r  # «которого» is the word of «объединение» and «кластер» alike
    return None


def _complement(ctx: Context, index: int, start: int) -> bool:
    """Is a listed name a place or partner a preposition introduces («побывали на заводе
    «Кварц»»), or the agent of a participle in the list («принятой губернатором X»)?"""
    tokens = ctx.doc.tokens
    span = range(ctx.first(index), ctx.last(index) + 1)
    t = next((w for w in span if tokens[w].head_id not in span), ctx.first(index))
    for _ in range(4):
        if ctx.governed(t, "в", "во", "на", "с", "со", "к", "по"):
            return True
        head = tokens[t].head_id
        if head < start or head >= t:
            return False
        if "VerbForm=Part" in tokens[head].feats:
            return True
        if tokens[t].rel not in ("appos", "flat:name", "nmod", "obl") \
                or _name_hung_on_place(ctx, index, head):
            return False
        t = head
    return False


def _name_hung_on_place(ctx: Context, index: int, head: int) -> bool:
    """Is a person's name hung on a place's («руководитель технопарка в Чанчуне Ли Яньцю»
    with the name under «Чанчуне»)? A parse's slip: no place has a person for its
    apposition, so the place's preposition is not the person's."""
    place = ctx.mention_at.get(head)
    return ctx.mention_type(index) == "PER" and place is not None \
        and ctx.mention_type(place) == "LOC"


def _dashed_list(ctx: Context, t: int) -> int | None:
    """The dash that closes a list of persons a dash right after the group word (or its
    origin's words) opens («Гости – X и Y – осмотрели …», «Делегация от РТ – X, Y и Z –
    провела …»); None where there is none."""
    tokens = ctx.doc.tokens
    opening = _mark_after_group(ctx, t, DASH_OR_HYPHEN)
    if opening is None:
        return None
    sentence = ctx.sentence(tokens[t].sent_id)
    close = next((u for u in range(opening + 1, sentence.stop)
                  if tokens[u].text in DASH_OR_HYPHEN and u not in ctx.mention_at), None)
    if close is None or not any(ctx.mention_type(i) == "PER"
                                for i in ctx.mentions_in(range(opening + 1, close))):
        return None
    return close


def _guests_group(ctx: Context, t: int) -> bool:
    """Does a guest word («гостей») refer to the group, with nothing of its own after it
    («в числе гостей форума»: an event's guests)?"""
    return ctx.ref_at(t) is not None and not any(
        ctx.doc.tokens[c].rel == "nmod" for c in ctx.children.get(t, []))


def _where_heading(ctx: Context, t: int) -> bool:
    """Does the group word close a heading that asks where it went («Где побывали
    участники:», «Куда ездила делегация:»): the list after the colon names sites?"""
    tokens = ctx.doc.tokens
    before = range(ctx.sentence(tokens[t].sent_id).start, t)
    return any(tokens[u].lemma in ("где", "куда") for u in before) \
        and any(tokens[u].lemma in ctx.vocab.visit_triggers for u in before)


def _colon_after_group(ctx: Context, t: int) -> int | None:
    """The colon that opens a list right after a group word or its origin's words
    («делегация: …», «делегация Тверской области: …», «делегация из Китая: …»); None where
    there is none."""
    return _mark_after_group(ctx, t, (":",))


def _mark_after_group(ctx: Context, t: int, marks: tuple[str, ...]) -> int | None:
    """The first of ``marks`` right after the group word at ``t`` or after its origin's
    words («делегация из Китая: …», «Делегация от РТ – …»); None where another word comes
    first."""
    tokens = ctx.doc.tokens
    for u in range(t + 1, min(t + 6, len(tokens))):
        if tokens[u].text in marks:
            return u
        # («делегация из трёх человек: …»: a count of its people too)
        if (tokens[u].pos not in ("ADJ", "NOUN", "PROPN", "NUM")
                and tokens[u].lemma not in ("из", "от")) \
                or tokens[u].sent_id != tokens[t].sent_id:
            return None  # «делегация из Китая: …» goes on
    return None


def _in_report(ctx: Context, index: int) -> bool:
    """Is the name the source that reports the sentence («В состав делегации, сообщили РИА
    «Новости» в пресс-службе, вошли …»): the subject or addressee of a verb of saying or of
    a source, itself or the outlet's noun it stands beside?"""
    tokens = ctx.doc.tokens
    word = ctx.noun_beside(index)  # «агентство «X»»: the outlet's noun
    if word is None or tokens[word].rel not in ("nsubj", "iobj"):
        return False
    head = tokens[word].head_id
    return head >= 0 and tokens[head].lemma in ctx.vocab.saying_verbs


@matcher("member_with_others")
def member_with_others(ctx: Context, rule: RelationRule) -> None:
    """«Технопарк посетили глава области X, министр Y и другие члены правительства»: the
    persons joined to a group word «другие …» (``other_members_adjectives``) are of that
    group."""
    tokens, others = ctx.doc.tokens, ctx.vocab.words("other_members_adjectives")
    for ref in ctx.refs:
        word = tokens[ref.token]
        if word.rel != "conj" or word.head_id < 0 or not any(
                tokens[c].lemma in others for c in ctx.children.get(ref.token, [])):
            continue
        first = word.head_id
        joined = [first, *(c for c in ctx.children.get(first, [])
                           if tokens[c].rel == "conj" and c != ref.token)]
        for w in joined:
            names = [w] if w in ctx.mention_at else [
                c for c in ctx.children.get(w, []) if tokens[c].rel == "appos"
                and c in ctx.mention_at]
            for name in names:
                index = ctx.mention_at[name]
                if ctx.mention_type(index) == "PER":
                    ctx.add(rule, ctx.entity(index), ctx.delegation_entity(ref), ref.sent_id)


@matcher("member_speaker")
def member_speaker(ctx: Context, rule: RelationRule) -> None:
    """«Я участвую в этой делегации …», — рассказал X; «То, что мы сегодня увидели,
    превзошло наши ожидания», — отметил X: a speaker who speaks as one of the group."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    main = ctx.main_delegation()
    if main is None:
        return
    seen = vocab.words(rule.trigger) | vocab.perfective_visit_verbs
    trips = vocab.words("trip_nouns")
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER":
            continue
        if ctx.vocab.is_title(tokens[ctx.last(index)].lemma):
            continue  # «Полномочный Посол»: a title taken for a name
        quote = _speech_of(ctx, index)
        if quote is None:
            continue
        delegation = None
        for sent_id in sorted({tokens[t].sent_id for t in quote}):
            words = [t for t in ctx.sentence(sent_id) if t in quote]
            lemmas = {tokens[t].lemma for t in words}
            first_person = bool(lemmas & vocab.first_person)
            # «я участвую в этой делегации», «в составе нашей делегации» — not «мы рады
            # приветствовать делегацию», what the hosts say
            # «цель нашего визита»: the speaker's own trip is the group's
            group = next((t for t in words if (tokens[t].lemma in vocab.delegation_heads
                                               or tokens[t].lemma in trips)
                          and any(tokens[b].lemma in vocab.own_group_markers for b in
                                  range(max(t - 3, words[0]), t))), None)
            if lemmas & vocab.host_verbs:
                group = None
            if first_person and group is not None:
                ref = ctx.ref_at(group)
                delegation = ref.delegation if ref else main
                break
            for t in words:  # «мы увидели», «мы приехали»: a past visit told as «мы»
                token = tokens[t]
                if token.lemma in seen and token.pos == "VERB" \
                        and "Tense=Past" in token.feats and "Number=Plur" in token.feats \
                        and any(tokens[c].lemma == "мы" and tokens[c].rel == "nsubj"
                                for c in ctx.children.get(t, [])) \
                        and not ctx.planned(t):
                    delegation = main
                    break
            if delegation is not None:
                break
        if delegation is None:
            continue
        group = ctx.delegations[delegation]
        person = ctx.entity(index)
        if any(head == person for _, head, _ in ctx.found_of("HEADED_BY")):
            continue  # a group's head speaks for the group she heads, told already
        if _host_of(ctx, person, group) or of_another_side(ctx, index, group.origin_entity, group):
            continue  # a host who says «мы увидели …» of his own side
        ctx.add(rule, person, group.entity_id, mention.sent_id)


def _speech_of(ctx: Context, person: int) -> range | None:
    """The direct speech a person is credited with: «…», — сказал X; or the quote after his
    name, title and colon, «X, министр N: «…»». (Not a speech opened by a dash, «— …, —
    сказал X»: on the development set's check half it named one who was not of the group.)"""
    return ctx.quote_before(person) or _speech_after_colon(ctx, person)


def _speech_after_colon(ctx: Context, person: int) -> range | None:
    """«X, первый заместитель хокима области N: «…»»: the quote right after the colon that
    ends the speaker's name and title (no verb between)."""
    tokens, t = ctx.doc.tokens, ctx.last(person) + 1
    while t < len(tokens) and t - ctx.last(person) <= 14 and tokens[t].text != ":":
        if tokens[t].pos == "VERB" or tokens[t].text in (".", QUOTE_OPEN, QUOTE_CLOSE) or (
                t in ctx.mention_at and ctx.mention_type(ctx.mention_at[t]) == "PER"):
            return None
        t += 1
    if t + 1 >= len(tokens) or tokens[t].text != ":" or tokens[t + 1].text != QUOTE_OPEN:
        return None
    close = t + 2
    limit = ctx.doc.sentences[min(tokens[t].sent_id + 6, len(ctx.doc.sentences) - 1)].last_token
    while close < min(limit, len(tokens)) and tokens[close].text not in (QUOTE_CLOSE,
                                                                          QUOTE_OPEN):
        close += 1
    if close >= len(tokens) or tokens[close].text != QUOTE_CLOSE:
        return None
    return range(t + 2, close)


@matcher("member_led_by_org")
def member_led_by_org(ctx: Context, rule: RelationRule) -> None:
    """«делегация новосибирских компаний во главе с Инновационным центром Кольцово»: the
    organisation at the head of the group is one of it."""
    tokens = ctx.doc.tokens
    for token in tokens:
        t = token.token_id
        if token.lemma not in ctx.vocab.leader_nouns or t < 1 \
                or tokens[t - 1].lemma not in ("в", "во") \
                or t + 1 >= len(tokens) or tokens[t + 1].lemma != "с":
            continue
        ref = ctx.nearest_ref(t, list(range(max(t - 5, 0), t)))
        if ref is None or not (t - 5 <= ref.token < t):
            continue
        index = ctx.first_mention_after(t + 2, ("ORG", "PER"), 4)
        if index is None or ctx.mention_type(index) != "ORG" \
                or ctx.first(index) != t + 2 + sum(
                    tokens[a].pos == "ADJ" and a not in ctx.mention_at
                    for a in range(t + 2, ctx.first(index))):
            continue
        ctx.add(rule, ctx.entity(index), ctx.delegation_entity(ref), token.sent_id)


@matcher("member_arrived_people")
def member_arrived_people(ctx: Context, rule: RelationRule) -> None:
    """«От Томской области приехали X, …, и Y, …»: the named people whose arrival made a group
    of their own (``PEOPLE_GROUP``) are its members."""
    for ref in ctx.refs:
        if ref.source != PEOPLE_GROUP:
            continue
        for person in subject_persons(ctx, ref.token):
            ctx.add(rule, ctx.entity(person), ctx.delegation_entity(ref), ref.sent_id)


@matcher("member_origin_employer")
def member_origin_employer(ctx: Context, rule: RelationRule) -> None:
    """«Делегация из Москвы побывала в парке «Бэйкэчуан». … — отметила заместитель
    руководителя Департамента … Москвы Ольга Виданова»: an official of the place the
    travelling group comes from is one of it (from VISITED, LOCATED_IN and WORKS_FOR found
    before)."""
    main = ctx.main_delegation()
    if main is None:
        return
    delegation = ctx.delegations[main]
    if delegation.origin_kind != "strong" or delegation.origin_entity is None:
        return
    origin = ctx.doc.entities[delegation.origin_entity]
    visits = _visited_sites(ctx, delegation)
    if not (visits or _group_trip_named(ctx, delegation)) \
            or _visited_at_home(ctx, visits, origin.entity_id, origin.normal):
        return  # the group is visited at home, or nothing says it travelled
    stem = _origin_stem(ctx, delegation)
    for person, employer, relation in ctx.found_of("WORKS_FOR"):
        if ("HEADED_BY", delegation.entity_id, person) in ctx.found \
                or not _origin_body(ctx, employer, {origin.entity_id}, stem):
            continue
        if _mixed_list(ctx, person, relation.sent_id, origin.entity_id) \
                or any(ctx.doc.tokens[t].lemma in ctx.vocab.plan_words
                       for t in ctx.sentence(relation.sent_id)):
            continue  # a meeting's participants of both sides; a visit only planned
        if _hosts_or_later(ctx, person, relation.sent_id):
            continue  # «губернатор области X встретил делегацию из Кореи»: at home
        if any(envoy_title(ctx, index) for index in ctx.doc.entities[person].mention_ids
               if ctx.mention_type(index) == "PER"):
            continue  # «генеральный консул Узбекистана X»: posted where the group goes
        ctx.add(rule, person, delegation.entity_id, relation.sent_id)


def _visited_sites(ctx: Context, delegation: Delegation) -> list[int]:
    """The entities the group visited (its VISITED found before)."""
    return [site for group, site, _ in ctx.found_of("VISITED") if group == delegation.entity_id]


def _visited_at_home(ctx: Context, visits: list[int], origin: int, origin_name: str) -> bool:
    """Is one of the sites the group visited its own place: the origin entity, a place
    located in it, or a place of the origin's name?"""
    entities = ctx.doc.entities
    located = {(a1, a2) for a1, a2, _ in ctx.found_of("LOCATED_IN")}
    return any(v == origin or (v, origin) in located or same_place(entities[v].normal, origin_name)
               for v in visits)


def _origin_stem(ctx: Context, delegation: Delegation) -> str:
    """The first five letters of the group's origin (folded): a body named after the place
    has a word that begins with them («Департамент … Москвы»)."""
    return fold(ctx.doc.entities[delegation.origin_entity].normal)[:5]


def _origin_body(ctx: Context, employer: int, origins: set[int], stem: str) -> bool:
    """Is the employer one of the group's origins, or an organisation named after the
    origin (a word past its first begins with the origin's ``stem``), or the origin's own
    government named by its adjective («Гомельский облисполком»)?"""
    entities = ctx.doc.entities
    words = fold(entities[employer].normal).split()
    return employer in origins or (len(stem) == 5 and entities[employer].type == "ORG" and (
        any(w.startswith(stem) for w in words[1:])
        or (len(words) == 2 and words[0].startswith(stem)
            and name_key(words[1]) in ctx.vocab.words("regional_government_nouns"))))


def _group_trip_named(ctx: Context, delegation: Delegation) -> bool:
    """Is a group word of the delegation the genitive of a trip noun that was made («в
    рамках визита делегации университета X в …»): it travelled, whatever it visited?"""
    tokens = ctx.doc.tokens
    return any(tokens[t].rel == "nmod" and "Case=Gen" in tokens[t].feats
               and (trip := tokens[t].head_id) >= 0
               and tokens[trip].lemma in ctx.vocab.words("trip_nouns")
               and not trip_not_made(ctx, tokens[trip]) for t in delegation.ref_tokens)


def _hosts_or_later(ctx: Context, person: int, sent_id: int) -> bool:
    """Is the person (an entity) the subject of a host's verb («X встретил делегацию из Кореи»: at
    home; not «принял участие»), or is the sentence's own verb or his in the future («X
    посетит Пекин»; not a reported «…, что стороны проведут …»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for t in ctx.sentence(sent_id):
        if not is_finite_verb(tokens[t]) or ctx.in_speech(t):
            continue
        his = any(ctx.entity(i) == person for i in subject_persons(ctx, t))
        if "Tense=Fut" in tokens[t].feats and (tokens[t].head_id < 0 or his):
            return True  # the sentence's own verb or his, not a reported clause's
        if tokens[t].lemma in vocab.words("host_verbs") and his and not any(
                tokens[c].lemma in vocab.participation_nouns for c in ctx.children.get(t, [])):
            return True
    return False


def _mixed_list(ctx: Context, person: int, sent_id: int, origin: int) -> bool:
    """Does the sentence list three or more persons, one of them with a post at another
    place than the group's origin («во встрече участвовали председатель палаты N X,
    заместитель министра области Y, …»): the participants of both sides, not the group?"""
    persons = {ctx.entity(i) for i in ctx.mentions_in(ctx.sentence(sent_id))
               if ctx.mention_type(i) == "PER"}
    if len(persons) < 3:
        return False
    home = entity_place(ctx, origin)
    return any(who in persons and who != person and (where := entity_place(ctx, employer))
               is not None and where is not home
               for who, employer, _ in ctx.found_of("WORKS_FOR"))


def _with_the_head(ctx: Context, verb: int, group: int) -> bool:
    """Does the verb's «вместе с ним» («с ней») stand for the group's head, told in its
    sentence or the one before («… во главе с X. Вместе с ним в регион прибыли …»)?"""
    tokens = ctx.doc.tokens
    # («с ним прибыли …» without «вместе»: the pronoun «с» hangs on the verb itself)
    companions = ctx.together_with(verb) + [
        c for c in ctx.children.get(verb, []) if tokens[c].rel == "obl" and c < verb
        and ctx.governed(c, "с", "со")]
    if not any(tokens[c].lemma in ("он", "она") for c in companions):
        return False
    return any(head_group == group
               and tokens[verb].sent_id - 1 <= relation.sent_id <= tokens[verb].sent_id
               for head_group, _, relation in ctx.found_of("HEADED_BY"))


@matcher("member_travellers")
def member_travellers(ctx: Context, rule: RelationRule) -> None:
    """«Делегация области посетила Ташкент. В столицу Узбекистана прибыли заместители
    губернатора X и Y, министр промышленности Z»: the persons who are the subject of a visit
    of the main travelling group (a visit verb whose sentence gives it a VISITED) are its
    members, unless a title makes them another place's."""
    main = ctx.main_delegation()
    if main is None or not ctx.delegations[main].origin:
        return
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    delegation = ctx.delegations[main]
    visited = {r.sent_id for group, _, r in ctx.found_of("VISITED")
               if group == delegation.entity_id}
    motion = vocab.words("visit_motion_verbs")
    for verb in tokens:
        t = verb.token_id
        if (verb.lemma not in vocab.visit_triggers and verb.lemma not in motion) \
                or verb.lemma in vocab.host_verbs or not is_finite_verb(verb) \
                or "Tense=Past" not in verb.feats or ctx.planned(t) or ctx.in_speech(t) \
                or verb.rel == "acl:relcl" \
                or ctx.ref_at(t) is not None:  # the verb stands for a lone official's trip
            continue  # (a relative clause: «завод, директор которого X провёл экскурсию»)
        # a visit the group's sentence states, or one of persons a title makes the group's
        # own: then only those are (hosts go along on a visit)
        with_head = _with_the_head(ctx, t, delegation.entity_id)
        own_only = verb.sent_id not in visited and not _destination_named(ctx, t) \
            and not with_head
        # (not one past «, где» after the verb, however parsed: «посетила завод «X», где
        # генеральный директор Y показал производство» — a host)
        subjects = [c for c in ctx.children.get(t, []) if tokens[c].rel == "nsubj"
                    and not any(tokens[g].lemma == "который" for g in ctx.children.get(c, []))
                    and not any(tokens[r].lemma in vocab.relative_words
                                and tokens[r - 1].text == "," for r in range(t + 1, c))]
        # (not another group's word: «прибыли представители корпорации X из Харбина»)
        subjects = [c for c in subjects if (ref := ctx.ref_at(c)) is None
                    or ref.delegation == main]
        # «Во Вьетнам отправилась калужская делегация вместе с министром … Калужской области
        # X»: the group's own word as the subject takes along only a title of its side (the
        # host goes along too: «делегация вместе с губернатором края осмотрела …»)
        if any(ctx.ref_at(c) is not None for c in subjects):
            for person in _companions(ctx, t):
                if _own_companion(ctx, person, delegation):
                    ctx.add(rule, ctx.entity(person), delegation.entity_id, verb.sent_id)
        if verb.lemma not in vocab.visit_triggers:
            continue  # (a verb of travel only for the group's own word)
        persons = [p for c in subjects for p in _persons_below(ctx, c)]
        if with_head:
            # «Вместе с ним прибыли: начальник отдела фонда X Y, специалист Z»: the names
            # after the verb, however the long titles and the list were parsed
            # (not a host verb's: «…, их встретил губернатор X» is a host)
            persons += [i for i in ctx.mentions_in(range(t + 1, ctx.sentence(verb.sent_id).stop))
                        if ctx.mention_type(i) == "PER" and not _under_host_verb(ctx, i)
                        and i not in persons]
        if own_only and (len(persons) < 2  # a lone official's visit: the group's head
                         or not any(_own_side(ctx, p, delegation) for p in persons)):
            continue
        if _arrived_with(ctx, t) is not None and not with_head:  # «вместе с членами делегации X …»
            persons = [p for p in persons if _own_side(ctx, p, delegation)]
        travelled = False
        for person in persons:
            if ("HEADED_BY", delegation.entity_id, ctx.entity(person)) in ctx.found:
                travelled = True  # the head: his companions are of the group too
                continue
            # (those who came with the head may work for other bodies of his country)
            if (of_another_side(ctx, person, delegation.origin_entity, delegation)
                    and not with_head) \
                    or _host_of(ctx, ctx.entity(person), delegation) \
                    or _beside_hosts(ctx, person, persons, delegation) \
                    or (own_only and not _own_side(ctx, person, delegation)):
                continue  # «…, директор которого X провёл экскурсию»: a host
            travelled = True
            ctx.add(rule, ctx.entity(person), delegation.entity_id, verb.sent_id)
        for subject in [] if own_only else subjects:
            for body in _represented_bodies(ctx, subject, delegation):
                ctx.add(rule, ctx.entity(body), delegation.entity_id, verb.sent_id)
        for person in _companions(ctx, t) if travelled else []:
            # «Глава района X вместе с заместителем Y посетили …»: who travels with a member,
            # where no post makes him a host
            if _own_side(ctx, person, delegation) or not _posted(ctx, person):
                ctx.add(rule, ctx.entity(person), delegation.entity_id, verb.sent_id)


def _under_host_verb(ctx: Context, index: int) -> bool:
    """Is the nearest verb the mention's words hang under a host's («их встретил X»)?"""
    root = ctx.mention_root(index)
    verb = ctx.verb_over(root) if root is not None else None
    return verb is not None and ctx.doc.tokens[verb].lemma in ctx.vocab.host_verbs


def _posted(ctx: Context, person: int) -> bool:
    """Does the text give the person a post anywhere (a body or place of his title)?"""
    return official_place(ctx, person) is not None \
        or any(who == ctx.entity(person) for who, _, _ in ctx.found_of("WORKS_FOR"))


def _own_companion(ctx: Context, person: int, delegation: Delegation) -> bool:
    """Is one who goes along with the group its own: working for its origin, or for a body
    there («министр сельского хозяйства Калужской области X» beside a group from Калужская
    область), not as an envoy or for a mission abroad («почётный консул Кении в Перми»,
    «советник посольства»), and not its head?"""
    origin = delegation.origin_entity
    if origin is None or envoy_title(ctx, person) or ctx.heads_a_group(ctx.entity(person)):
        return False  # (an envoy posted here goes along with his country's guests: no member)
    home = entity_place(ctx, origin)
    missions = ctx.vocab.words("mission_nouns")
    return any(who == ctx.entity(person) and (employer == origin or (
        home is not None and entity_place(ctx, employer) == home))
        and not any(word in missions for word in fold(ctx.doc.entities[employer].normal).split())
        for who, employer, _ in ctx.found_of("WORKS_FOR"))


def _companions(ctx: Context, verb: int) -> list[int]:
    """The persons «вместе с» a verb names («вместе с заместителем Y и советником Z»)."""
    found: list[int] = []
    for c in ctx.together_with(verb):
        found += [i for i in _with_persons(ctx, c) if i not in found]
    return found


def _with_persons(ctx: Context, t: int) -> list[int]:
    """The persons a «с» phrase names: below its word, or the name its title phrase ends with
    (the parse may hang «с министром экономики Иваном Петровым»'s name elsewhere)."""
    found = _persons_below(ctx, t)
    if not found and ctx.vocab.is_title(ctx.doc.tokens[t].lemma) \
            and (named := leader_named(ctx, t)) is not None:
        found = [named]
    return found


def _represented_bodies(ctx: Context, subject: int, delegation: Delegation) -> list[int]:
    """«Представители компании «Альфа» и фонда «Бета» ознакомились …», «прибыли руководители
    министерств и торгово-промышленной палаты»: the organisations a plural «представители»
    or title subject names (to its verb, or to the list's end after it), unless one names
    another place than the group's."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    word = tokens[subject]
    if "Number=Plur" not in word.feats or not (
            word.lemma in vocab.words("counterpart_nouns") or vocab.is_title(word.lemma)):
        return []
    verb = word.head_id
    listed = ctx.mentions_in(range(subject + 1, verb)) if verb > subject \
        else persons_listed(ctx, subject + 1)
    home = entity_place(ctx, delegation.origin_entity) \
        if delegation.origin_entity is not None else None
    origins = {d.origin_entity for d in ctx.delegations}
    found: list[int] = []
    for index in listed:
        # «Китайская делегация прибыла … Представители компании «Альфа» посетили …»: a body
        # that names no group's origin (only the origin of a reference joined to a group
        # from elsewhere) is one whose people travel
        if ctx.mention_type(index) != "ORG" or (index in ctx.origin_mentions
                                                and ctx.entity(index) in origins) \
                or names_employer(ctx, index):  # «директор компании «Альфа» X»: his post
            continue
        where = entity_place(ctx, ctx.entity(index))
        if where is None or where is home:
            found.append(index)
    return found


def _own_side(ctx: Context, person: int, delegation: Delegation) -> bool:
    """Does a title make the person the group's own («военный атташе посольства КНР X»
    beside a group from Китай abroad)?"""
    home, abroad = group_home(ctx, delegation)
    place = official_place(ctx, person)
    if home is None or place is None:
        return False
    if ctx.entity(place) == delegation.origin_entity:
        return True
    where = entity_place(ctx, ctx.entity(place))
    return same_side(where, home, abroad) and not posted_envoy(ctx, person, where, home, abroad)


def _destination_named(ctx: Context, verb: int) -> bool:
    """Does the verb go «в/на» a place («прибыли в столицу Узбекистана», «прибыли в
    регион», «в краевой центр»)?"""
    tokens = ctx.doc.tokens
    anaphors = ctx.vocab.bare_place_words
    for c in ctx.children.get(verb, []):
        if tokens[c].rel != "obl" or not any(tokens[g].lemma in ("в", "во", "на")
                                             for g in ctx.children.get(c, [])):
            continue
        if tokens[c].lemma in anaphors and c not in ctx.mention_at:
            return True
        if tokens[c].lemma in ctx.vocab.words("capital_nouns") and any(
                tokens[g].lemma in ctx.vocab.mapping("region_level_heads")
                for g in ctx.children.get(c, [])):
            return True  # «в краевой центр»: the region's capital
        if any(w in ctx.mention_at and ctx.mention_type(ctx.mention_at[w]) == "LOC"
               for w in (c, *ctx.children.get(c, []))):
            return True
    return False


@matcher("member_escorts")
def member_escorts(ctx: Context, rule: RelationRule) -> None:
    """«Глава области X в сопровождении министра Y и мэра Z посетил …»: the persons who escort
    a group's head travel with him, unless a title makes them another place's (the hosts
    who escort a group: «делегация в сопровождении губернатора …»)."""
    tokens, escorts = ctx.doc.tokens, ctx.vocab.words("escort_nouns")
    heads = ctx.head_groups()
    for token in tokens:
        t = token.token_id
        if token.lemma not in escorts or t == 0 or tokens[t - 1].lemma != "в":
            continue
        escorted = next((ctx.mention_at[b] for b in range(t - 2, max(t - 8, -1), -1)
                         if b in ctx.mention_at and tokens[b].sent_id == token.sent_id
                         and ctx.mention_type(ctx.mention_at[b]) == "PER"), None)
        group = heads.get(ctx.entity(escorted)) if escorted is not None else None
        trip = ctx.ref_at(token.head_id) if token.head_id >= 0 else None
        if group is None and trip is not None and trip.source == "rule:delegation.trip":
            # «Губернатор N области (Имя) в сопровождении министра X посетил …»: the trip of
            # the official the verb tells of
            group = ctx.delegations[trip.delegation].entity_id
        if group is None and escorted is None:
            group = _escorted_title_group(ctx, t)
        if group is None:
            continue
        escorted_group = next(d for d in ctx.delegations if d.entity_id == group)
        for index in persons_listed(ctx, t + 1):
            if ctx.mention_type(index) == "PER" and not of_another_side(
                    ctx, index, escorted_group.origin_entity, escorted_group):
                ctx.add(rule, ctx.entity(index), group, token.sent_id)
    _own_escorts(ctx, rule)


def _own_escorts(ctx: Context, rule: RelationRule) -> None:
    """«Юных баскетболисток сопровождают тренер X и представитель муниципалитета Отару Y»:
    those who escort the group (its word, or plural people beside the one group the text
    names) and work for its origin are its members (hosts escort groups too: only the
    group's own side)."""
    tokens, verbs = ctx.doc.tokens, ctx.vocab.words("escort_verbs")
    main = ctx.main_delegation()
    for token in tokens:
        if token.lemma not in verbs or not is_finite_verb(token) or ctx.in_speech(token.token_id):
            continue
        objects = [c for c in ctx.children.get(token.token_id, []) if tokens[c].rel == "obj"]
        group = next((ctx.delegations[r.delegation] for c in objects
                      if (r := ctx.ref_at(c)) is not None), None)
        if group is None and main is not None and len(ctx.delegations) == 1 and any(
                "Number=Plur" in tokens[c].feats and "Animacy=Anim" in tokens[c].feats
                for c in objects):
            group = ctx.delegations[main]
        if group is None:
            continue
        for person in subject_persons(ctx, token.token_id):
            if _own_companion(ctx, person, group):
                ctx.add(rule, ctx.entity(person), group.entity_id, token.sent_id)


def _escorted_title_group(ctx: Context, escort: int) -> int | None:
    """«Глава республики в сопровождении министра X … посетил …. Дагестанская делегация …»:
    the group whose origin the title of the escorted visitor names (a title with no name,
    the subject of a visit verb done), where the text names that group elsewhere."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verb = tokens[escort].head_id
    if verb < 0 or not is_finite_verb(tokens[verb]) or "Tense=Past" not in tokens[verb].feats \
            or tokens[verb].lemma not in vocab.visit_triggers \
            or tokens[verb].lemma in vocab.host_verbs or ctx.planned(verb) or ctx.in_speech(verb):
        return None
    subject = next((c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"
                    and c < escort), None)
    place = unnamed_title_place(ctx, subject) if subject is not None else None
    if place is None:
        return None
    home = entity_place(ctx, ctx.entity(place))
    groups = [d.entity_id for d in ctx.delegations if d.origin and (
        d.origin_entity == ctx.entity(place)
        or same_place(d.origin, ctx.doc.entities[ctx.entity(place)].normal)
        or (home is not None and d.origin_entity is not None
            and entity_place(ctx, d.origin_entity) is home))]
    return groups[0] if len(groups) == 1 else None


def _persons_below(ctx: Context, subject: int) -> list[int]:
    """The persons a subject names: its own name, and the names listed with it (titles
    joined by «и» or commas, their appositions), a few steps down the tree."""
    tokens = ctx.doc.tokens
    found: list[int] = []
    frontier = [subject]
    for _ in range(4):
        for t in frontier:
            index = ctx.mention_at.get(t)
            if index is not None and ctx.mention_type(index) == "PER" and index not in found:
                found.append(index)
        frontier = [c for t in frontier for c in ctx.children.get(t, [])
                    if tokens[c].rel in ("conj", "appos", "flat:name")]
    return found


@matcher("member_named_before")
def member_named_before(ctx: Context, rule: RelationRule) -> None:
    """«Мэр города N Иван Петров в составе делегации области посетил …», «X и Y вошли в
    состав делегации», «X, входящий в состав делегации, …»: the persons named right before
    «в составе» (or its verb) of a group word."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in tokens:
        t = token.token_id
        possessed = t >= 3 and tokens[t - 2].lemma == "в" \
            and tokens[t - 1].text.lower() in vocab.possessive_genders
        if token.lemma not in vocab.composition_nouns or t < 2 or (
                tokens[t - 1].lemma not in ("в", "из") and not possessed):
            continue  # (also «X из состава делегации»: one of it)
        if possessed:  # «X и Y вошли в её состав»: the group named before
            ref = group_before(ctx, t - 1)
            at = ref.token if ref is not None else t
            t -= 1
        else:
            at = t + 1
            while at < len(tokens) and tokens[at].pos == "ADJ" and ctx.ref_at(at) is None:
                at += 1  # «в составе республиканской делегации»
            ref = ctx.ref_at(at) if at < len(tokens) else None
        if ref is None or (tokens[at].lemma not in vocab.delegation_heads
                           and tokens[at].lemma not in vocab.words("group_mission_nouns")):
            continue  # («в составе миссии собрания X»: a mission the text found a group)
        before = t - 2
        joined = before if tokens[before].lemma in vocab.membership_verbs else None
        if tokens[before].lemma in vocab.membership_verbs \
                or tokens[before].lemma in vocab.words("copula_verbs"):
            if ctx.negated(before):
                continue  # «X не вошёл в состав делегации», «X не был в составе …»
            before -= 1  # «X вошёл в состав делегации», «X и Y были в составе делегации»
            if before > 0 and tokens[before].text == "," \
                    and "VerbForm=Part" in tokens[before + 1].feats:
                before -= 1  # «X, входящий в состав делегации, …»
            elif before > 1 and tokens[before].lemma == "который" \
                    and tokens[before - 1].text == ",":
                before -= 2  # «X, который входит в состав делегации, …»
        index = ctx.mention_at.get(before)
        if index is None or ctx.mention_type(index) != "PER" or ctx.last(index) != before:
            # «Глава области X посетил Баку в составе делегации РФ»: the verb's subject
            verb = token.head_id
            persons = subject_persons(ctx, verb) if verb >= 0 \
                and is_finite_verb(tokens[verb]) and in_group(ctx, verb) == at \
                and not any(tokens[u].text == ";"  # «…; переговоры с ними провёл X»
                            for u in range(min(t, verb), max(t, verb))) else []
            # «…, а принимающую сторону представляли X»: the parse may join X to the subject
            persons = [p for p in persons if ctx.first(p) < _clause_end(ctx, verb)]
        else:
            persons = ctx.person_list(index, titled=True)
        group = ctx.delegation_entity(ref)
        if joined is not None and is_finite_verb(tokens[joined]):
            persons = [*persons, *_joining_subjects(ctx, joined, ctx.delegations[ref.delegation])]
        for person in dict.fromkeys(persons):
            if ("HEADED_BY", group, ctx.entity(person)) not in ctx.found:
                ctx.add(rule, ctx.entity(person), group, token.sent_id)


def _joining_subjects(ctx: Context, verb: int, delegation: Delegation) -> list[int]:
    """The subject of a verb of joining a group, before it («Вице-министр X и банкир Y
    вошли в состав делегации», «Представители компаний «A» и «B» вошли в состав …»): every
    person it lists, whatever their titles, and the bodies whose people it names."""
    tokens = ctx.doc.tokens
    # the clause's own words only («Губернатор X встретил гостей, а директор Y вошёл в состав
    # делегации»: the parse may join X to Y)
    opening = ctx.sentence(tokens[verb].sent_id).start
    start = max((u for u in range(opening, verb) if is_finite_verb(tokens[u])
                 or tokens[u].text in (";", ":") or tokens[u].lemma == "а"), default=opening - 1)
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj" and c < verb]
    return [found for c in subjects for found in (
        *_persons_below(ctx, c), *_represented_bodies(ctx, c, delegation))
        if ctx.first(found) > start]


def _clause_end(ctx: Context, verb: int) -> int:
    """Where the clause of a verb ends, at the latest: a «;» or a «, а» after it that opens
    another clause («вошли X и Y, а принимающую сторону представляли Z»)."""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[verb].sent_id)
    return next((u for u in range(verb + 1, sentence.stop)
                 if tokens[u].text == ";" or ctx.contrast_at(u)), sentence.stop)


@matcher("member_side")
def member_side(ctx: Context, rule: RelationRule) -> None:
    """«С китайской стороны присутствовали X, Y и компания «Z»», «От китайской делегации
    участвовали X и Y»: the persons and organisations listed for the side whose adjective
    names where a delegation comes from, or for the group itself."""
    tokens = ctx.doc.tokens
    for token in tokens:
        t = token.token_id
        if ctx.in_speech(t):
            continue
        named = ctx.mention_at.get(t + 1)
        group, behalf = None, None
        if token.lemma in ctx.vocab.delegation_heads:
            behalf = _on_behalf_of_group(ctx, t)  # «от китайской делегации участвовали X»
            if behalf is None:
                continue
            group, after = behalf
        elif token.lemma not in ctx.vocab.words("group_side_nouns") or t < 2:
            continue
        elif tokens[t - 1].pos == "ADJ" and tokens[t - 2].lemma in ("с", "со"):
            place = adjective_place(ctx, tokens[t - 1].lemma)  # «с китайской стороны»
            after = t + 1
        elif tokens[t - 1].lemma in ("с", "со") and named is not None \
                and ctx.mention_type(named) == "LOC" and ctx.first(named) == t + 1:
            place = (ctx.doc.entities[ctx.entity(named)].normal, "", None)  # «со стороны Китая»
            after = ctx.last(named) + 1
        else:
            continue
        if group is None:
            if place is None:
                continue
            groups = [d for d in ctx.delegations if d.origin and (
                same_place(d.origin, place[0]) or _within_country(d.origin, place[0]))]
            if len(groups) != 1:
                continue
            group = groups[0]
        # the verb of presence, past a short phrase («с китайской стороны в переговорах
        # участвовали …»); «со стороны X поступило предложение» lists no one
        start = next((u for u in range(after, min(after + 5, len(tokens)))
                      if tokens[u].sent_id == token.sent_id and (
                          tokens[u].lemma in ctx.vocab.words(rule.trigger)
                          or tokens[u].text in DASH_OR_HYPHEN)), None)
        if start is None or any(u in ctx.mention_at for u in range(after, start)):
            continue
        if behalf is not None and tokens[start].lemma in ctx.vocab.participation_light_verbs \
                and (start + 1 >= len(tokens) or tokens[start + 1].lemma
                     not in ctx.vocab.participation_nouns):
            continue  # «вопросы от делегации принимали X и Y»: no taking part
        other = _other_side(ctx, start + 1, elided=True)
        for index in (i for i in persons_listed(ctx, start + 1) if ctx.first(i) < other):
            mention = ctx.doc.mentions[index]
            member = mention.type == "PER" or (mention.type == "ORG" and not (
                ctx.title_dependent(index, True) or names_employer(ctx, index)))
            if member and not _host_of(ctx, ctx.entity(index), group):
                ctx.add(rule, ctx.entity(index), group.entity_id, token.sent_id)


def _on_behalf_of_group(ctx: Context, t: int) -> tuple[Delegation, int] | None:
    """The group a group word governed by «от» stands for, and where the words after it begin
    («от китайской делегации участвовали …», «от делегации Кении присутствовали …»: past
    the name of its origin); None where ``t`` is no group word after «от» (and adjectives)."""
    tokens = ctx.doc.tokens
    ref = ctx.ref_at(t)
    if ref is None:
        return None
    u = before_lower_adjectives(ctx, t - 1)
    if u < 0 or tokens[u].lemma != "от":
        return None
    after = t + 1
    named = ctx.mention_at.get(after)
    if named is not None and ctx.mention_type(named) in ("LOC", "ORG") \
            and ctx.first(named) == after:
        after = ctx.last(named) + 1  # «от делегации Кении»
    return ctx.delegations[ref.delegation], after


def _other_side(ctx: Context, start: int, elided: bool = False) -> int:
    """Where another side's list begins in the sentence («…, с российской – X»: «с» and an
    adjective before «стороны» or a dash; «…, со стороны области – X»; «…; от области –
    X», «…, российскую – X»: with ``elided``, a short phrase of a preposition or an
    adjective between a comma and a dash, the side word left out — not in a group's own
    list, «от министерства – X, от компании – Y»); past the text's end where none does."""
    tokens = ctx.doc.tokens
    places = ctx.vocab.words("place_anaphors")
    sentence = ctx.sentence(tokens[start].sent_id) if start < len(tokens) else range(0)
    for u in range(start, sentence.stop - 2):
        if side_opens(ctx, u, adjective=True):
            return u
        if elided and tokens[u].text in (",", ";") and tokens[u + 1].pos in ("ADP", "ADJ"):
            dash = next((w for w in range(u + 2, min(u + 5, sentence.stop))
                         if tokens[w].text in DASH_OR_HYPHEN), None)
            phrase = range(u + 1, dash) if dash is not None else range(0)
            # a side is a place («от области –», «от Китая –») or a side's adjective
            # («российскую –»), not a body of the group's own list («от компании – Y»)
            place = any(ctx.mention_type(i) == "LOC" for i in ctx.mentions_in(phrase)) or any(
                tokens[w].pos == "ADJ" or tokens[w].lemma in places for w in phrase)
            if dash is not None and place and not any(
                    ctx.mention_type(i) == "PER" for i in ctx.mentions_in(phrase)):
                return u
    return len(tokens)


@matcher("member_predicate")
def member_predicate(ctx: Context, rule: RelationRule) -> None:
    """«Делегацию представляли X и Y», «Членами делегации стали X и Y», «X и Y стали
    членами делегации», «Участниками визита стали X и Y», «Делегация состояла из X и
    представителей компании «Альфа»», «X тоже будет среди членов делегации»: the persons
    (and the bodies whose «представители» are named) a clause says the group is made of."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        if ctx.in_speech(t):
            continue
        persons: list[int] = []
        bodies: list[int] = []
        ref = None
        if token.lemma in verbs and is_finite_verb(token):
            ref = next((ctx.ref_at(c) for c in ctx.children.get(t, [])
                        if tokens[c].rel == "obj" and ctx.ref_at(c) is not None
                        and tokens[c].lemma in ctx.vocab.delegation_heads), None) \
                or _pronoun_group(ctx, t)
            if ref is not None:
                # (the list read on as well: the parse may leave a conjunct out of the
                # subject, «заместители мэра X и Y, а также Z»)
                listed = [i for i in persons_listed(ctx, t + 1) if ctx.mention_type(i) == "PER"]
                persons = subject_persons(ctx, t)
                persons = persons + [i for i in listed if i not in persons] if persons else listed
                bodies = [b for w in _subject_words(ctx, t)
                          for b in _represented_bodies(ctx, w, ctx.delegations[ref.delegation])]
        elif token.lemma in ctx.vocab.words("inclusion_verbs"):
            # «Делегация состояла из представителей компаний X и Y», «… включала X и Y»,
            # «делегация, состоящая из X и Y»
            ref = next((ctx.ref_at(c) for c in ctx.children.get(t, [])
                        if tokens[c].rel == "nsubj" and ctx.ref_at(c) is not None
                        and tokens[c].lemma in ctx.vocab.delegation_heads), None) \
                if is_finite_verb(token) else ctx.ref_at(token.head_id) \
                if "VerbForm=Part" in token.feats and token.head_id >= 0 \
                and tokens[token.head_id].lemma in ctx.vocab.delegation_heads else None
            if ref is not None:
                persons = [i for i in persons_listed(ctx, t + 1, own_clause=True)
                           if ctx.mention_type(i) == "PER"]
                bodies = [b for c in ctx.children.get(t, []) if tokens[c].rel in ("obj", "obl")
                          for b in _represented_bodies(ctx, c, ctx.delegations[ref.delegation])]
        elif token.lemma in ctx.vocab.words("member_nouns") and "Case=Ins" in token.feats \
                and t + 1 < len(tokens) and not _governed_by_with(ctx, t):
            ref = ctx.ref_at(t + 1)
            if tokens[t + 1].lemma not in ctx.vocab.delegation_heads:
                # «Участниками визита стали X и Y»: the trip's group
                trip = token.lemma == "участник" \
                    and tokens[t + 1].lemma in ctx.vocab.words("trip_nouns")
                ref = ctx.ref_at(t) if trip else None
            if ref is not None:
                before = ctx.mention_at.get(t - 2) if t >= 2 \
                    and tokens[t - 1].lemma in ctx.vocab.words("copula_verbs") else None
                if before is not None and ctx.mention_type(before) == "PER":
                    # «X и Y стали членами делегации», each may have his title
                    persons = ctx.person_list(before, titled=True)
                else:
                    persons = [i for i in persons_listed(ctx, t + 2)
                               if ctx.mention_type(i) == "PER"]
        elif (among := _among_members(ctx, t)) is not None:
            ref, persons = among  # «X тоже будет среди членов делегации»
        elif (ref := _group_before_dash(ctx, t)) is not None:
            # «… делегация предпринимателей из Швеции — представители компаний «A» и «B»»
            bodies = _represented_bodies(ctx, t + 1, ctx.delegations[ref.delegation])
        delegation = ctx.delegations[ref.delegation] if ref is not None else None
        for person in persons:
            if delegation is not None and not _host_of(ctx, ctx.entity(person), delegation):
                ctx.add(rule, ctx.entity(person), delegation.entity_id, token.sent_id)
        for body in bodies if delegation is not None else []:
            ctx.add(rule, ctx.entity(body), delegation.entity_id, token.sent_id)


def _group_before_dash(ctx: Context, t: int) -> Ref | None:
    """The group whose word's phrase a dash at ``t`` ends, where «представители» follow it
    («делегация из Швеции — представители компаний …»): a group word of
    ``delegation_heads`` before it in the sentence, no verb or comma between; None else."""
    tokens = ctx.doc.tokens
    if tokens[t].text not in DASHES or t + 1 >= len(tokens) \
            or tokens[t + 1].lemma not in ctx.vocab.words("counterpart_nouns") \
            or "Number=Plur" not in tokens[t + 1].feats:
        return None
    for u in range(t - 1, ctx.sentence(tokens[t].sent_id).start - 1, -1):
        if tokens[u].pos in ("VERB", "AUX") or tokens[u].text in (",", ";", ":") \
                or tokens[u].text in DASHES:
            return None
        if tokens[u].lemma in ctx.vocab.delegation_heads and (ref := ctx.ref_at(u)) is not None:
            return ref
    return None


def _among_members(ctx: Context, t: int) -> tuple[Ref, list[int]] | None:
    """«X тоже будет среди членов делегации», «X и Y — в числе участников делегации»: the
    group and the persons of the subject a clause puts «среди» / «в числе» its members (the
    subject of that phrase, or of the copula it hangs on); None for any other word («среди
    членов делегации губернатор раздал подарки»: no copula)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if tokens[t].lemma not in vocab.words("member_nouns") or t < 2:
        return None
    if tokens[t - 1].lemma == "среди":
        predicate = t
    elif tokens[t - 1].lemma == "число" and tokens[t - 2].lemma in ("в", "во"):
        predicate = t - 1
    else:
        return None
    ref = next((r for u in range(t + 1, min(t + 3, len(tokens)))
                if tokens[u].lemma in vocab.delegation_heads
                and (r := ctx.ref_at(u)) is not None), None)
    if ref is None:
        return None
    children = ctx.children.get(predicate, [])
    if any(tokens[c].rel == "nsubj" for c in children):
        persons = subject_persons(ctx, predicate)  # «X — среди членов делегации»
    elif any(tokens[c].rel == "cop" for c in children):
        persons = opening_persons(ctx, predicate)  # (the parse hung the subject elsewhere)
    else:
        verb = tokens[predicate].head_id  # «X был среди членов делегации»
        if tokens[predicate].rel != "obl" or verb < 0 \
                or tokens[verb].lemma not in vocab.words("copula_verbs"):
            return None
        persons = subject_persons(ctx, verb)
    return (ref, persons) if persons else None



def _pronoun_group(ctx: Context, verb: int) -> Ref | None:
    """The group a verb's object pronoun «её» stands for («Делегация прибыла в Тверь. Её
    представляли X и Y»): a group word named before, of the pronoun's gender."""
    tokens = ctx.doc.tokens
    pronoun = next((c for c in ctx.children.get(verb, []) if tokens[c].rel == "obj"
                    and tokens[c].pos == "PRON" and tokens[c].lemma == "она"), None)
    if pronoun is None:
        return None
    earlier = group_before(ctx, pronoun)
    return earlier if earlier is not None \
        and tokens[earlier.token].lemma in ctx.vocab.delegation_heads else None


@matcher("member_represented_by")
def member_represented_by(ctx: Context, rule: RelationRule) -> None:
    """«делегация АО «Кедр» в лице генерального директора X и его заместителя Y»: the titled
    persons the group's own body acts through are its members."""
    tokens = ctx.doc.tokens
    for t in range(1, len(tokens)):
        found = represented_by(ctx, t)
        if found is None:
            continue
        body, persons = found
        group = next((ref for ref in ctx.refs if ref.token < ctx.first(body)
                      and ref.sent_id == tokens[t].sent_id
                      and ctx.delegations[ref.delegation].origin_entity == ctx.entity(body)),
                     None)
        if group is None:
            continue
        delegation = ctx.delegations[group.delegation]
        for person in persons:
            if ("HEADED_BY", delegation.entity_id, ctx.entity(person)) not in ctx.found:
                ctx.add(rule, ctx.entity(person), delegation.entity_id, tokens[t].sent_id)


@matcher("member_represented_side")
def member_represented_side(ctx: Context, rule: RelationRule) -> None:
    """«Вьетнамскую сторону представляли X и Y», «Город-побратим представляли X и Y», «Китай
    на переговорах представляли X и компания «Альфа»»: those who represent the side (or the
    place) a travelling group comes from are its members, unless a post makes them another
    place's."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        # the past, or a report's present («Область на форуме представляют X и Y»): a
        # future is no group yet
        if token.lemma not in verbs or not is_finite_verb(token) \
                or not ("Tense=Past" in token.feats or "Tense=Pres" in token.feats) \
                or ctx.in_speech(t) or ctx.planned(t):
            continue
        delegation = next((d for c in ctx.children.get(t, []) if tokens[c].rel == "obj"
                           and (d := _represented_group(ctx, c)) is not None), None)
        if delegation is None:
            continue
        limit = _other_side(ctx, t, elided=True)  # «…, российскую – X»: the other side's
        # (the persons listed after the verb where the parse gave it no subject: a long title
        # hung as an apposition)
        subjects = subject_persons(ctx, t) or [
            i for i in persons_listed(ctx, t + 1, own_clause=True) if ctx.mention_type(i) == "PER"]
        # (not one «во главе с» brings in: the group's head)
        persons = [p for p in subjects if ctx.first(p) < limit and not any(
            ctx.at_the_head_with(u) for u in range(max(ctx.first(p) - 8, t), ctx.first(p)))]
        for person in persons:
            if not _host_of(ctx, ctx.entity(person), delegation) \
                    and not of_another_side(ctx, person, delegation.origin_entity, delegation) \
                    and ("HEADED_BY", delegation.entity_id, ctx.entity(person)) not in ctx.found:
                ctx.add(rule, ctx.entity(person), delegation.entity_id, token.sent_id)
        for word in _subject_words(ctx, t):
            for body in _represented_bodies(ctx, word, delegation):
                ctx.add(rule, ctx.entity(body), delegation.entity_id, token.sent_id)


def _represented_group(ctx: Context, word: int) -> Delegation | None:
    """The one group the object of «представлять» stands for: a group's own word, a side its
    adjective names
    («вьетнамскую сторону»), the place it comes from by name («Китай»), or a twin town
    («город-побратим») where the text names one group with an origin."""
    tokens = ctx.doc.tokens
    with_origin = [d for d in ctx.delegations if d.origin]
    ref = ctx.ref_at(word)
    if ref is not None and compound_head(tokens[word].lemma) in ctx.vocab.group_words:
        return ctx.delegations[ref.delegation]  # «Белорусскую группу представляли X и Y»
    if tokens[word].lemma in ctx.vocab.words("twin_nouns"):
        return with_origin[0] if len(with_origin) == 1 else None
    if tokens[word].lemma in ctx.vocab.words("place_anaphors") and word not in ctx.mention_at \
            and not ctx.children.get(word):
        # «Также регион представляли …»; «Область представляют …» of a group from a region;
        # «Республику представляли …» of the one group from a country
        return _group_abroad(ctx) or _group_of_kind(ctx, tokens[word].lemma) \
            or _group_of_one_country(ctx, tokens[word].lemma)
    name = None
    index = ctx.mention_at.get(word)
    if index is not None and ctx.mention_type(index) == "LOC":
        name = ctx.doc.entities[ctx.entity(index)].normal
    elif tokens[word].lemma in ctx.vocab.words("group_side_nouns"):
        place = next((p for c in ctx.children.get(word, []) if tokens[c].rel == "amod"
                      and (p := adjective_place(ctx, tokens[c].lemma)) is not None), None)
        name = place[0] if place is not None else None
    if name is None:
        return None
    groups = [d for d in with_origin
              if same_place(d.origin, name) or _within_country(d.origin, name)]
    return groups[0] if len(groups) == 1 else None


def _group_of_one_country(ctx: Context, kind: str) -> Delegation | None:
    """«Республику представляли …», «Страну представляли …»: the one group of the text with
    an origin, where that origin is a country (the word one of ``country_anaphors``)."""
    if kind not in ctx.vocab.words("country_anaphors"):
        return None
    with_origin = [d for d in ctx.delegations if d.origin]
    if len(with_origin) != 1:
        return None
    place = gazetteer().lookup(with_origin[0].origin)
    return with_origin[0] if place is not None and place.kind == "country" else None


def _group_of_kind(ctx: Context, kind: str) -> Delegation | None:
    """The article's travelling group whose origin's name holds the anaphor's word («область»
    for «Брянская область») where no other place the text names does (a bare «область» is
    then its own, not its hosts')."""
    main = ctx.main_delegation()
    origin = ctx.delegations[main].origin_entity if main is not None else None
    if origin is None:
        return None

    def named_so(entity: int) -> bool:
        return kind in ctx.doc.entities[entity].normal.lower().split()

    places = {ctx.entity(i) for i in range(len(ctx.doc.mentions)) if ctx.mention_type(i) == "LOC"}
    if not named_so(origin) or any(named_so(place) for place in places - {origin}):
        return None
    return ctx.delegations[main]


def _group_abroad(ctx: Context) -> Delegation | None:
    """The article's travelling group where it comes from a region or town and visits
    another country (a bare «регион» is then its own, not its hosts')."""
    main = ctx.main_delegation()
    if main is None or ctx.delegations[main].origin_entity is None:
        return None
    delegation = ctx.delegations[main]
    home = entity_place(ctx, delegation.origin_entity)
    if home is None or home.kind == "country":
        return None
    abroad = [where for group, site, _ in ctx.found_of("VISITED")
              if group == delegation.entity_id and ctx.doc.entities[site].type == "LOC"
              and (where := entity_place(ctx, site)) is not None]
    return delegation if abroad and all(w.country != home.country for w in abroad) else None


@matcher("member_joined")
def member_joined(ctx: Context, rule: RelationRule) -> None:
    """«К делегации присоединились директор завода X и представители компании «Альфа»», «X
    присоединился к делегации», «Вместе с делегацией прибыли X и Y» (or visited): those who
    join a group are of it, unless a post makes them another place's."""
    tokens = ctx.doc.tokens
    verbs, arrivals = ctx.vocab.words(rule.trigger), ctx.vocab.words("arrival_verbs")
    for token in tokens:
        t = token.token_id
        if not is_finite_verb(token) or ctx.in_speech(t):
            continue
        if token.lemma in verbs:
            ref = next((r for c in ctx.children.get(t, []) if tokens[c].rel == "obl"
                        and ctx.governed(c, "к", "ко") and (r := ctx.ref_at(c)) is not None),
                       None)
        elif (token.lemma in arrivals or token.lemma in ctx.vocab.visit_triggers) \
                and not ctx.planned(t):
            # «Вместе с делегацией прибыли X и Y», «С делегацией приехали X и Y», «Глава
            # округа X вместе с делегацией побывал в Y»
            ref = _arrived_with(ctx, t) or next(
                (r for c in ctx.children.get(t, []) if tokens[c].rel == "obl"
                 and ctx.governed(c, "с", "со") and (r := ctx.ref_at(c)) is not None), None)
        else:
            continue
        if ref is None:
            continue
        delegation = ctx.delegations[ref.delegation]
        # who arrives «вместе с делегацией» with a government post is often a host who goes
        # along («министр экономики региона X»): only a post of the group's own side makes
        # such an official a member
        arrived = token.lemma not in verbs
        subjects = [c for c in ctx.children.get(t, []) if tokens[c].rel == "nsubj"]
        for person in (p for c in subjects for p in _persons_below(ctx, c)):
            if not _host_of(ctx, ctx.entity(person), delegation) \
                    and not of_another_side(ctx, person, delegation.origin_entity, delegation) \
                    and not (arrived and _government_post_before(ctx, person)
                             and not _own_side(ctx, person, delegation)
                             # («Глава округа X»: his post found of the group's place)
                             and ("WORKS_FOR", ctx.entity(person), delegation.origin_entity)
                             not in ctx.found):
                ctx.add(rule, ctx.entity(person), delegation.entity_id, token.sent_id)
        for word in _subject_words(ctx, t):
            for body in _represented_bodies(ctx, word, delegation):
                ctx.add(rule, ctx.entity(body), delegation.entity_id, token.sent_id)


def _government_post_before(ctx: Context, person: int) -> bool:
    """Is a post of a place's government among the few words before a person's name
    («министр экономики региона X»)?"""
    tokens, first = ctx.doc.tokens, ctx.first(person)
    posts = ctx.vocab.words("government_posts")
    return any(tokens[w].lemma in posts and tokens[w].sent_id == tokens[first].sent_id
               for w in range(max(first - 5, 0), first))


def _arrived_with(ctx: Context, verb: int) -> Ref | None:
    """The group a verb's «вместе с» names («вместе с делегацией прибыли …», «вместе с
    членами делегации осмотрел …»)."""
    tokens = ctx.doc.tokens
    for c in ctx.together_with(verb):
        # «вместе с делегацией», «вместе с членами делегации»
        ref = ctx.ref_at(c) or next((r for n in ctx.children.get(c, [])
                                     if tokens[n].rel == "nmod"
                                     and (r := ctx.ref_at(n)) is not None), None)
        if ref is not None:
            return ref
    return None


def _subject_words(ctx: Context, verb: int) -> list[int]:
    """A verb's subjects with the words joined to them («X и представители Y»)."""
    tokens = ctx.doc.tokens
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    return subjects + [c for s in subjects for c in ctx.children.get(s, [])
                       if tokens[c].rel == "conj"]


def _governed_by_with(ctx: Context, t: int) -> bool:
    """Is the noun the object of «с» («С членами делегации встречу провели X и Y»: X and Y are
    those who met the group, not its members)?"""
    return any(ctx.doc.tokens[c].lemma in ("с", "со") for c in ctx.children.get(t, [])) \
        or (t > 0 and ctx.doc.tokens[t - 1].lemma in ("с", "со"))


@matcher("member_origin_companies")
def member_origin_companies(ctx: Context, rule: RelationRule) -> None:
    """«Свою продукцию представили такие омские предприятия, как ЗАО «Альфа», ООО «Бета»»:
    the organisations listed after plural company nouns whose adjective names where the
    article's group comes from (not visited at home), in a sentence of showing, taking part
    or visiting."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    main = ctx.main_delegation()
    if main is None or not ctx.delegations[main].origin:
        return
    delegation = ctx.delegations[main]
    if any(group == delegation.entity_id and _names_origin(ctx, ctx.doc.entities[site].normal,
                                                           delegation)
           for group, site, _ in ctx.found_of("VISITED")):
        return  # a group visited at home: its place's companies are its hosts
    nouns = vocab.words(rule.trigger)
    acts = vocab.words("presentation_words") | vocab.words("exhibiting_verbs") \
        | vocab.words("participation_light_verbs") | vocab.visit_triggers
    for token in tokens:
        t = token.token_id
        if token.lemma not in nouns or "Number=Plur" not in token.feats or ctx.in_speech(t) \
                or ctx.ref_at(t) is not None:  # a group word: member.group_list's
            continue
        place = next((p for c in ctx.children.get(t, []) if tokens[c].rel == "amod"
                      and (p := adjective_place(ctx, tokens[c].lemma)) is not None), None)
        if place is None or not _names_origin(ctx, place[0], delegation) \
                or not any(tokens[w].lemma in acts for w in ctx.sentence(token.sent_id)):
            continue
        start = t + 1
        if start + 1 < len(tokens) and tokens[start].text == "," \
                and tokens[start + 1].lemma == "как":
            start += 2  # «такие омские предприятия, как X, Y»
        for index in _companies_listed(ctx, start):
            if index not in ctx.origin_mentions:
                ctx.add(rule, ctx.entity(index), delegation.entity_id, token.sent_id)


def _names_origin(ctx: Context, name: str, delegation: Delegation) -> bool:
    """Is ``name`` where the group comes from, or its town or region («омские» for a group
    from Омск: Омская область)?"""
    if same_place(name, delegation.origin):
        return True
    place, home = gazetteer().lookup(name), home_of(ctx, delegation)
    if place is None or home is None:
        return False
    return place is home or (home.kind != "country" and bool(region_of(home))
                             and region_of(place) == region_of(home))


def _companies_listed(ctx: Context, t: int) -> list[int]:
    """The organisations listed from ``t`` with commas and «и», each past its legal form
    («ЗАО «Альфа», ООО НТФ «Бета» и «Гамма»»)."""
    tokens = ctx.doc.tokens
    found: list[int] = []
    while t < len(tokens):
        t = past_legal_forms(ctx, t)
        index = ctx.mention_at.get(t)
        if index is None or ctx.mention_type(index) != "ORG":
            break
        found.append(index)
        t = ctx.last(index) + 1
        if t >= len(tokens) or tokens[t].text not in (",", "и") or t in ctx.mention_at:
            break
        t += 1
    return found


@matcher("member_guests_of_site")
def member_guests_of_site(ctx: Context, rule: RelationRule) -> None:
    """«Делегация области прибыла в N район. Гостями района стали глава X района Иван Петров и
    …»: those a clause names the guests of a place the one travelling group visits (a site
    it visits, another place than its own, or a place word) are that group's, unless a post
    makes them that place's."""
    if len(ctx.delegations) != 1:
        return
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    delegation = ctx.delegations[0]
    visited = {site for group, site, _ in ctx.found_of("VISITED")
               if group == delegation.entity_id}
    if not delegation.origin or not visited:
        return
    anaphors = vocab.bare_place_words | vocab.words("district_words")
    for token in tokens:
        t = token.token_id
        if token.lemma not in vocab.words(rule.trigger) or "Case=Ins" not in token.feats \
                or token.head_id < 0 or ctx.in_speech(t) \
                or tokens[token.head_id].lemma not in vocab.words("copula_verbs"):
            continue
        place = next((c for c in ctx.children.get(t, []) if tokens[c].rel == "nmod"
                      and "Case=Gen" in tokens[c].feats), None)
        if place is None:
            continue
        index = ctx.mention_at.get(place)
        # a site it visits, or a place other than its own (the text may name the district
        # it visits in two ways: «Лаишевский район», «Лаишевского края»)
        hosts = set(visited)
        if index is not None and (ctx.entity(index) in visited or (
                ctx.mention_type(index) == "LOC"
                and ctx.entity(index) != delegation.origin_entity
                and not same_place(ctx.doc.entities[ctx.entity(index)].normal,
                                   delegation.origin))):
            hosts.add(ctx.entity(index))
        elif index is not None or tokens[place].lemma not in anaphors:
            continue
        for person in subject_persons(ctx, token.head_id):
            if not any(who == ctx.entity(person) and employer in hosts
                       for who, employer, _ in ctx.found_of("WORKS_FOR")):
                ctx.add(rule, ctx.entity(person), delegation.entity_id, token.sent_id)


@matcher("member_trip_participants")
def member_trip_participants(ctx: Context, rule: RelationRule) -> None:
    """«В поездке также приняли участие X и Y», «В визите участвовали X и Y»: those who took
    part in the trip itself (a trip noun with «в» beside «принять участие», «участвовать»)
    are the group's members, unless a post makes them another place's."""
    tokens = ctx.doc.tokens
    trips = ctx.vocab.words("trip_nouns")
    main = ctx.main_delegation()
    if main is None:
        return
    for token in tokens:
        t = token.token_id
        if ctx.in_speech(t):
            continue
        if token.lemma in ctx.vocab.words("participation_words") and is_finite_verb(token):
            verb = token  # «В визите также участвовали X и Y»
        elif token.lemma in ctx.vocab.participation_nouns and token.head_id >= 0 \
                and tokens[token.head_id].lemma in ctx.vocab.participation_light_verbs:
            verb = tokens[token.head_id]
        else:
            continue
        if ctx.planned(verb.token_id) or "Tense=Fut" in verb.feats:
            continue
        # «в поездке приняли участие», «участие в визите приняли»: on the verb or the noun
        trip = next((c for c in (*ctx.children.get(verb.token_id, []), *ctx.children.get(t, []))
                     if (tokens[c].lemma in trips or ctx.group_work(c))
                     and tokens[c].rel in ("obl", "nmod")
                     and any(tokens[g].lemma in ("в", "во")
                             for g in ctx.children.get(c, []))), None)
        if trip is None:
            continue
        ref = ctx.ref_at(trip) or ctx.group_work(trip) or _group_told_last(ctx, t)
        delegation = ctx.delegations[ref.delegation if ref is not None else main]
        persons = subject_persons(ctx, verb.token_id)
        for person in persons:
            if not _host_of(ctx, ctx.entity(person), delegation) \
                    and not _beside_hosts(ctx, person, persons, delegation) \
                    and ("HEADED_BY", delegation.entity_id, ctx.entity(person)) not in ctx.found:
                ctx.add(rule, ctx.entity(person), delegation.entity_id, token.sent_id)
        subjects = [c for c in ctx.children.get(verb.token_id, []) if tokens[c].rel == "nsubj"]
        # (and those joined to them: «… председатель совета X и представители компаний «A»»)
        subjects += [c for s in subjects for c in ctx.children.get(s, [])
                     if tokens[c].rel == "conj"]
        for subject in subjects:
            for body in _represented_bodies(ctx, subject, delegation):
                if not any(site == ctx.entity(body) for group, site, _ in ctx.found_of("VISITED")
                           if group == delegation.entity_id):
                    ctx.add(rule, ctx.entity(body), delegation.entity_id, token.sent_id)


def _group_told_last(ctx: Context, t: int) -> Ref | None:
    """Of several groups, the one the sentence before told of last («Посол X прибыл во главе
    группы … . Вместе с дипломатом в поездке участвовали Y и Z»), else None (the main one)."""
    if len(ctx.delegations) < 2:
        return None
    return ctx.group_told_last(ctx.sentence(ctx.doc.tokens[t].sent_id).start, sentences=1)


def _beside_hosts(ctx: Context, person: int, persons: list[int],
                  delegation: Delegation) -> bool:
    """Is the person, whom no post makes the group's own, listed beside a host («вместе с
    ним парк посетили вице-мэр Харбина X и Y» of a group from Тверь): Y is as likely one of
    the hosts' people as a guest?"""
    return not _own_side(ctx, person, delegation) and any(
        other != person and ctx.entity(other) != ctx.entity(person)
        and (_host_of(ctx, ctx.entity(other), delegation)
             or of_another_side(ctx, other, delegation.origin_entity, delegation))
        for other in persons)


def _within_country(origin: str, country: str) -> bool:
    """Is the place ``origin`` in the country ``country`` («Ланьфан» in «Китай»)?"""
    place, known = gazetteer().lookup(origin), gazetteer().lookup(country)
    return place is not None and known is not None and known.kind == "country" \
        and place.country == known.country


def _host_of(ctx: Context, person: int, delegation: Delegation) -> bool:
    """Does the person hold a post at a place other than the one the group comes from, or
    at a site it visits (a host named beside the guests)?"""
    entities = ctx.doc.entities
    visited = {site for group, site, _ in ctx.found_of("VISITED")
               if group == delegation.entity_id}
    home = home_of(ctx, delegation)
    for who, employer, _ in ctx.found_of("WORKS_FOR"):
        if who != person:
            continue
        if employer in visited or (entities[employer].type == "LOC" and not (
                employer == delegation.origin_entity
                or same_place(entities[employer].normal, delegation.origin)
                or _within_country(entities[employer].normal, delegation.origin)
                or _within_country(delegation.origin, entities[employer].normal)
                or same_side(entity_place(ctx, employer), home)  # «мэр Твери»
                or any(unplaced_region_abroad(ctx, index, home)
                       for index in entities[employer].mention_ids))):
            return True
    return False


@matcher("member_with_head")
def member_with_head(ctx: Context, rule: RelationRule) -> None:
    """«Вместе с ним технопарк посетили X и Y», «С ним поедут X и Y», «Его сопровождали X и
    Y»: those who travel with a delegation's head (named, or «он» for the head named last)
    are of his group."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = ctx.head_groups()  # (none named: «вместе с ними» may still be the group)
    if not ctx.delegations:
        return
    by_entity = {d.entity_id: d for d in ctx.delegations}
    escort, trips = vocab.words(rule.trigger), vocab.words("trip_nouns")
    for token in tokens:
        t = token.token_id
        if ctx.in_speech(t):
            continue
        if _companions_after_dash(ctx, rule, t, heads, by_entity):
            continue
        if token.lemma == "вместе" and t + 2 < len(tokens) and tokens[t + 1].lemma in ("с", "со"):
            companion, verb = t + 2, token.head_id
            if verb >= 0 and tokens[verb].lemma in vocab.host_verbs | escort:
                continue  # «вместе с ним гостей встречал …»: the hosts
        elif (companion := _travelling_with(ctx, t)) >= 0:
            verb = tokens[companion].head_id  # «с ним поедут X и Y»: his fellow travellers
        elif token.lemma in escort and is_finite_verb(token):
            companion = next((c for c in ctx.children.get(t, [])
                              if tokens[c].rel == "obj"), -1)
            if companion < 0:  # «в поездке губернатора сопровождали X и Y»: whose trip
                companion = next((n for c in ctx.children.get(t, [])
                                  if tokens[c].rel == "obl" and tokens[c].lemma in trips
                                  for n in ctx.children.get(c, [])
                                  if tokens[n].rel == "nmod"), -1)
            verb = t
        else:
            continue
        if companion < 0 or verb < 0:
            continue
        head = _head_named(ctx, companion, heads)
        if head is None and token.lemma == "вместе" \
                and (group := _arrived_with_group(ctx, companion, verb)) is not None:
            # «Делегация X прибыла в Y. Вместе с ними прибыл Z»: one more of the group
            for person in subject_persons(ctx, verb):
                ctx.add(rule, ctx.entity(person), group, token.sent_id)
            continue
        if head is None and token.lemma == "вместе":
            _with_head_subject(ctx, rule, t, verb, heads, by_entity)
            continue
        if head is None:
            continue
        delegation = by_entity.get(heads[head])
        if delegation is None:
            continue
        persons = subject_persons(ctx, verb) or _names_after_title_subject(ctx, verb)
        for person in persons:
            entity = ctx.entity(person)
            if entity != head and not _host_of(ctx, entity, delegation) \
                    and not _bare_local_head(ctx, person, delegation) \
                    and not _beside_hosts(ctx, person, persons, delegation):
                ctx.add(rule, entity, delegation.entity_id, token.sent_id)
        visited = {site for group, site, _ in ctx.found_of("VISITED")
                   if group == delegation.entity_id}
        for body in _bodies_of_subjects(ctx, verb):
            if ctx.entity(body) not in visited:  # (not the hosts' own people)
                ctx.add(rule, ctx.entity(body), delegation.entity_id, token.sent_id)


def _names_after_title_subject(ctx: Context, verb: int) -> list[int]:
    """The persons named after a verb's subject that is a bare title («с ним прибыли
    менеджеры компании по развитию X и Y»), to the clause's end, where the parse hung the
    names elsewhere."""
    tokens = ctx.doc.tokens
    subject = next((c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"), None)
    if subject is None or subject < verb or tokens[subject].pos != "NOUN":
        return []
    if subject in ctx.mention_at and ctx.mention_type(ctx.mention_at[subject]) != DELEGATION:
        return []  # (a name: subject_persons')
    end = ctx.sentence(tokens[verb].sent_id).stop
    clause = next((t for t in range(subject, end) if tokens[t].text in (";", ":")), end)
    return [index for index in ctx.mentions_in(range(subject + 1, clause))
            if ctx.mention_type(index) == "PER"]


def _companions_after_dash(ctx: Context, rule: RelationRule, t: int, heads: dict[int, int],
                           by_entity: dict[int, Delegation]) -> bool:
    """«Делегацию возглавил X. С ним — Y и Z»: a sentence opening with «(вместе) с ним» and
    a dash lists the head's companions, of his group. Whether ``t`` opens such a list."""
    tokens = ctx.doc.tokens
    if tokens[t].lemma not in ("с", "со") or t + 3 >= len(tokens) \
            or tokens[t + 1].lemma not in ("он", "она") \
            or tokens[t + 2].text not in DASH_OR_HYPHEN \
            or not (t == ctx.sentence(tokens[t].sent_id).start or (
                tokens[t - 1].lemma == "вместе"
                and t - 1 == ctx.sentence(tokens[t].sent_id).start)):
        return False
    head = _head_named(ctx, t + 1, heads)
    delegation = by_entity.get(heads[head]) if head is not None else None
    if delegation is None:
        return False
    for person in persons_listed(ctx, t + 3):
        entity = ctx.entity(person)
        if ctx.mention_type(person) == "PER" and entity != head \
                and not _host_of(ctx, entity, delegation):
            ctx.add(rule, entity, delegation.entity_id, tokens[t].sent_id)
    return True


def _bodies_of_subjects(ctx: Context, verb: int) -> list[int]:
    """The organisations whose people are among the verb's subjects («Вместе с ним прибыли X
    и представители компании «Y»»: Y), as mentions: every body under each such word, where
    ``_represented_bodies`` reads a subject's list up to its verb and leaves out the bodies
    of another place (those travelling with a group's head are of his group wherever they
    are from)."""
    tokens, people = ctx.doc.tokens, ctx.vocab.words("counterpart_nouns")
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    subjects += [c for s in subjects for c in ctx.children.get(s, [])
                 if tokens[c].rel == "conj"]
    return [index for s in subjects if tokens[s].lemma in people
            for index in _brought(ctx, s) if ctx.mention_type(index) == "ORG"]


def _arrived_with_group(ctx: Context, companion: int, verb: int) -> int | None:
    """The group «вместе с ними» stands for where the verb is one of coming (``arrival_verbs``,
    ``companion_travel_verbs``), told as done: the one group the sentence before tells of,
    as an entity; None otherwise."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    coming = vocab.words("arrival_verbs") | vocab.words("companion_travel_verbs")
    sent_id = tokens[companion].sent_id
    if tokens[companion].lemma != "они" or tokens[verb].lemma not in coming \
            or ctx.planned(verb) or sent_id == 0:
        return None
    groups = {ctx.delegation_entity(r) for r in ctx.refs_in(sent_id - 1)}
    return groups.pop() if len(groups) == 1 else None


def _travelling_with(ctx: Context, t: int) -> int:
    """The word after a «с» (not «вместе с») that a verb of going governs («с ним поедут X и
    Y», «с министром отправятся …»; ``companion_travel_verbs``), -1 where there is none: who
    goes with him goes in his party; «с ним встретятся X и Y» are those he meets."""
    tokens = ctx.doc.tokens
    if tokens[t].lemma not in ("с", "со") or tokens[t].rel != "case" \
            or (t > 0 and tokens[t - 1].lemma == "вместе"):
        return -1
    companion = tokens[t].head_id
    verb = tokens[companion].head_id if companion > t else -1
    if verb < 0 or tokens[companion].rel != "obl" or not is_finite_verb(tokens[verb]) \
            or tokens[verb].lemma not in ctx.vocab.words("companion_travel_verbs"):
        return -1
    return companion


@matcher("member_brought_along")
def member_brought_along(ctx: Context, rule: RelationRule) -> None:
    """«Глава делегации X привёз с собой представителей палаты Y и компании «Z»»: the people
    and bodies a group's head (or the group) brings along are of his group."""
    tokens, verbs = ctx.doc.tokens, ctx.vocab.words(rule.trigger)
    heads = ctx.head_groups()
    for token in tokens:
        t = token.token_id
        if token.lemma not in verbs or not is_finite_verb(token) \
                or ctx.planned(t) or ctx.in_speech(t):
            continue
        children = ctx.children.get(t, [])
        if not any(tokens[c].lemma == "себя" and ctx.governed(c, "с") for c in children):
            continue  # «привёз образцы», «привёз делегацию»: no one brought along
        group = _bringers_group(ctx, t, heads)
        if group is None:
            continue
        for obj in (c for c in children if tokens[c].rel == "obj"):
            for index in _brought(ctx, obj):
                ctx.add(rule, ctx.entity(index), group, token.sent_id)


def _bringers_group(ctx: Context, verb: int, heads: dict[int, int]) -> int | None:
    """The group (entity) of the verb's subject: a group's head by name, or a group word
    («Глава делегации привёз …», «Гости привезли …»)."""
    tokens = ctx.doc.tokens
    for person in subject_persons(ctx, verb):
        if ctx.entity(person) in heads:
            return heads[ctx.entity(person)]
    for subject in (c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"):
        for word in (subject, *ctx.children.get(subject, [])):
            ref = ctx.ref_at(word)
            if ref is not None:
                return ctx.delegation_entity(ref)
    return None


def _brought(ctx: Context, obj: int) -> list[int]:
    """The people and organisations an object names: a name, or the bodies of people
    («представителей палаты Y и компании «Z»»), with those joined to them by «и»."""
    tokens, found = ctx.doc.tokens, []
    frontier = [obj]
    for _ in range(4):  # the object, its genitives, the names joined to them and their names
        below = []
        for word in frontier:
            index = ctx.mention_at.get(word)
            if index is not None and ctx.mention_type(index) in ("PER", "ORG"):
                found.append(index)
            below += [c for c in ctx.children.get(word, [])
                      if tokens[c].rel in ("nmod", "conj", "appos") and not ctx.governed(c)]
        frontier = below
    return list(dict.fromkeys(found))


@matcher("member_escort_party")
def member_escort_party(ctx: Context, rule: RelationRule) -> None:
    """«В числе сопровождающих губернатора лиц – X и Y», «В состав сопровождающих его лиц
    вошли X и Y»: those listed for the party that escorts a group's head are of his group,
    unless a post makes them hosts."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = ctx.head_groups()
    by_entity = {d.entity_id: d for d in ctx.delegations}
    escort = vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        if token.lemma not in escort or "VerbForm=Part" not in token.feats or t < 2 \
                or ctx.in_speech(t) or not _opens_party_list(ctx, t):
            continue
        party = next((u for u in range(t + 1, min(t + 4, len(tokens)))
                      if tokens[u].lemma in ctx.vocab.words("escort_party_nouns")
                      and "Number=Plur" in tokens[u].feats), None)
        if party is None or any(ctx.ref_at(u) is not None for u in range(t + 1, party)):
            continue  # «сопровождающих делегацию лиц»: its hosts
        named = [h for u in range(t + 1, party) if (h := _head_named(ctx, u, heads)) is not None]
        head = named[0] if named else (next(iter(heads)) if len(set(heads.values())) == 1
                                       else None)
        delegation = by_entity.get(heads[head]) if head is not None else None
        if delegation is None:
            continue
        for index in persons_listed(ctx, party + 1):
            if ctx.mention_type(index) != "PER" or ctx.entity(index) == head:
                continue
            if not _host_of(ctx, ctx.entity(index), delegation) \
                    and not of_another_side(ctx, index, delegation.origin_entity, delegation):
                ctx.add(rule, ctx.entity(index), delegation.entity_id, token.sent_id)


def _opens_party_list(ctx: Context, t: int) -> bool:
    """Is the word right after «в числе», «среди» or «в состав(е)» («в числе сопровождающих
    его лиц – …»)?"""
    tokens = ctx.doc.tokens
    before = tokens[t - 1]
    return before.lemma == "среди" or (
        tokens[t - 2].lemma in ("в", "во") and before.lemma in ctx.vocab.composition_nouns)


def _with_head_subject(ctx: Context, rule: RelationRule, together: int, verb: int,
                       heads: dict[int, int], by_entity: dict[int, Delegation]) -> None:
    """«Губернатор X посетил Харбин вместе с министром Y и мэром Z»: those «вместе с» a visit
    whose subject is a group's head are of his group, unless a post makes them hosts."""
    tokens = ctx.doc.tokens
    if tokens[verb].lemma not in ctx.vocab.visit_triggers or ctx.planned(verb):
        return
    head = next((ctx.entity(p) for p in subject_persons(ctx, verb) if ctx.entity(p) in heads),
                None)
    delegation = by_entity.get(heads[head]) if head is not None else None
    if delegation is None:
        return
    for c in ctx.children.get(together, []):
        if not any(tokens[g].lemma in ("с", "со") for g in ctx.children.get(c, [])):
            continue
        for person in _with_persons(ctx, c):
            entity = ctx.entity(person)
            if entity != head and not _host_of(ctx, entity, delegation) \
                    and not _bare_local_head(ctx, person, delegation) \
                    and not of_another_side(ctx, person, delegation.origin_entity, delegation):
                ctx.add(rule, entity, delegation.entity_id, tokens[together].sent_id)


def _bare_local_head(ctx: Context, person: int, delegation: Delegation) -> bool:
    """«Министр России X вместе с губернатором Y посетил завод»: a governor or mayor named by
    his bare post, beside a country's group or one of no known place, is the host of the
    region or town visited, not one of the travellers."""
    home = home_of(ctx, delegation)
    if home is not None and home.kind != "country":
        return False  # a region's group abroad: its own governor travels with it
    tokens, t = ctx.doc.tokens, ctx.first(person) - 1
    posts = ctx.vocab.words("regional_head_posts") | ctx.vocab.words("town_head_posts")
    if t < 0 or tokens[t].lemma not in posts:
        return False
    # «с бывшим (многолетним) губернатором Y»: no host now, he may travel with the group
    former = ctx.vocab.words("former_post_words")
    t -= 1
    while t >= 0 and tokens[t].pos == "ADJ":
        if tokens[t].text.lower() in former:
            return False
        t -= 1
    return True


def _head_named(ctx: Context, t: int, heads: dict[int, int]) -> int | None:
    """The delegation head token ``t`` names: his name, «он»/«она» for the head named last
    in the sentence or the one before, or his bare title («губернатора») where the head
    named there carries it."""
    person = person_at(ctx, t)
    if person is None:
        return _head_by_title(ctx, t, heads)
    return ctx.entity(person) if ctx.entity(person) in heads else None


def _head_of_state(ctx: Context, t: int) -> bool:
    """Is token ``t`` the bare «глава государства» (``head_of_state_descriptors``), no name
    after it?"""
    tokens = ctx.doc.tokens
    return tokens[t].lemma in ctx.vocab.words("state_head_nouns") and t + 1 < len(tokens) \
        and tokens[t + 1].lemma in ctx.vocab.words("head_of_state_descriptors") \
        and t + 1 not in ctx.mention_at and t + 2 not in ctx.mention_at


def _titled(ctx: Context, index: int, titles: frozenset[str] | set[str]) -> bool:
    """Is the person's mention right after one of ``titles``, past the title's genitives and
    adjectives («президент Кении Джон Мванги», «Глава Удмуртии X»)?"""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    while t >= 0 and (t in ctx.mention_at or tokens[t].pos == "ADJ") \
            and tokens[t].sent_id == tokens[ctx.first(index)].sent_id:
        t = ctx.first(ctx.mention_at[t]) - 1 if t in ctx.mention_at else t - 1
    return t >= 0 and tokens[t].lemma in titles


def _escorted_on_trip(ctx: Context, t: int) -> bool:
    """Is token ``t`` a bare title («главу республики») that the verb of escort governs
    beside the trip it escorts him on («В поездке главу республики сопровождали …»): the
    traveller, not a host?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verb = tokens[t].head_id
    if not vocab.is_title(tokens[t].lemma) or tokens[t].rel != "obj" or verb < 0 \
            or tokens[verb].lemma not in vocab.words("escort_verbs") \
            or any(ctx.mention_type(i) == "PER" for i in ctx.mentions_in(range(t, t + 4))):
        return False
    trips = vocab.words("trip_nouns")
    return any(tokens[c].rel == "obl" and tokens[c].lemma in trips and c < t
               for c in ctx.children.get(verb, []))


def _head_by_title(ctx: Context, t: int, heads: dict[int, int]) -> int | None:
    """«Делегацию возглавил губернатор X. В поездке губернатора сопровождали …»: the one head
    named in this sentence or the one before with the same title word right before his
    name; None for a title with a name or a place right after it, or for two such heads."""
    tokens = ctx.doc.tokens
    title = tokens[t]
    state_head = _head_of_state(ctx, t)
    if state_head or _escorted_on_trip(ctx, t):
        # «Президент N посетил … Главу государства сопровождали X и Y», «В поездке главу
        # республики сопровождали …»: the one group head or person of such a title named in
        # this sentence or the two before (a host president counts too), if he heads a group
        titles = ctx.vocab.words("state_head_titles") | (set() if state_head else {title.lemma})
        first = ctx.doc.sentences[max(title.sent_id - 2, 0)].first_token
        found = {ctx.entity(i) for i in ctx.mentions_in(range(first, t))
                 if ctx.mention_type(i) == "PER"
                 and (ctx.entity(i) in heads or _titled(ctx, i, titles))}
        return found.pop() if len(found) == 1 and next(iter(found)) in heads else None
    after = ctx.mention_at.get(t + 1)
    if not ctx.vocab.is_title(title.lemma) \
            or (after is not None and ctx.mention_type(after) in ("PER", "LOC")):
        return None  # (not «Вместе с послом университет посетили …»: the object fronted)
    first = ctx.doc.sentences[max(title.sent_id - 1, 0)].first_token
    found = {ctx.entity(i) for i in ctx.mentions_in(range(first, t))
             if ctx.mention_type(i) == "PER" and ctx.entity(i) in heads
             and any(tokens[b].lemma == title.lemma  # (past the title's long phrase: «Посол
                     # Республики Индонезия в Российской Федерации X»)
                     for b in range(max(ctx.first(i) - 10, first), ctx.first(i)))}
    return found.pop() if len(found) == 1 else None


@matcher("member_visiting_party")
def member_visiting_party(ctx: Context, rule: RelationRule) -> None:
    """«Прибыла делегация партийной школы из провинции N. Губернатор обсудил с заместителем
    директора партийной школы X …», «Министр торговли Узбекистана X подписал …», «прошла
    встреча министра области Y и генерального консула Кореи в Санкт-Петербурге X» (the day a
    group from Корея visits): a person of the travelling group's own side — his post is at
    the place or body it comes from, or his title repeats the body it is named after — whom
    a host meets, or who signs, presents or speaks in the visit, is one of the group; not its
    head, not one who speaks at home («сообщил в Ташкенте»), nor an envoy posted where it
    goes."""
    for delegation in ctx.delegations:
        if delegation.origin_entity is None or not _travelled(ctx, delegation):
            continue
        origins = {delegation.origin_entity, *delegation.also_from}
        stem, body = _origin_stem(ctx, delegation), _group_body_words(ctx, delegation)
        visits = [entity_place(ctx, site) for site in _visited_sites(ctx, delegation)]
        for index, mention in enumerate(ctx.doc.mentions):
            person = ctx.entity(index)
            if mention.type != "PER" or ctx.in_speech(ctx.first(index)) \
                    or ("HEADED_BY", delegation.entity_id, person) in ctx.found \
                    or not _visiting_side(ctx, index, origins, stem, body) \
                    or any(_host_of(ctx, person, other) for other in ctx.delegations) \
                    or (envoy_title(ctx, index) and not _envoy_posted_away(ctx, index, visits)) \
                    or ((post := _mission_post(ctx, person)) is not None
                        and not _away(post, visits)):
                continue  # a host, of this group or of another the text tells of (or of
                # a mission where it goes: «советник посольства Турции в Беларуси»)
            act = _visit_act(ctx, index, delegation)
            if act is not None:
                ctx.add(rule, person, delegation.entity_id, ctx.doc.tokens[act].sent_id)


def _travelled(ctx: Context, delegation: Delegation) -> bool:
    """Did the group travel: it visits a place other than its own, or a host receives or
    greets it («…, — отметил X, приветствуя делегацию Казахстана»)?"""
    visits = _visited_sites(ctx, delegation)
    if visits:
        return not _visited_at_home(ctx, visits, delegation.origin_entity, delegation.origin)
    tokens, receiving = ctx.doc.tokens, ctx.vocab.words("reception_verbs") \
        | ctx.vocab.words("host_verbs")
    return any(tokens[t].rel == "obj" and tokens[t].head_id >= 0
               and tokens[tokens[t].head_id].lemma in receiving
               and not ctx.planned(tokens[t].head_id)
               for t in delegation.ref_tokens if t < len(tokens))


def _visiting_side(ctx: Context, index: int, origins: set[int], stem: str,
                   body: list[str]) -> bool:
    """Is the person (a mention) of the group's side: a post at the place or body it comes
    from (``origins``, or a body named after that place: ``stem``), or a title that repeats
    the body the group is named after (``body``: «делегация партийной школы» — «директор
    партийной школы X»)?"""
    person = ctx.entity(index)
    return any(who == person and _origin_body(ctx, employer, origins, stem)
               for who, employer, _ in ctx.found_of("WORKS_FOR")) \
        or _title_repeats_group_body(ctx, index, body)


def _group_body_words(ctx: Context, delegation: Delegation) -> list[str]:
    """The lemmas of the unnamed body a group word names («делегация партийной школы»:
    [«партийный», «школа»]), not a place's nor people's («делегация представителей»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    people = vocab.words("counterpart_nouns") | vocab.words("people_group_nouns")
    for r in delegation.ref_tokens:
        if r >= len(tokens) or tokens[r].lemma not in vocab.delegation_heads:
            continue
        for c in ctx.children.get(r, []):
            if tokens[c].rel == "nmod" and "Case=Gen" in tokens[c].feats \
                    and tokens[c].pos == "NOUN" and c not in ctx.mention_at \
                    and ctx.ref_at(c) is None and tokens[c].lemma not in people \
                    and not ctx.governed(c, "из", "от", "с", "со", "в", "во"):
                return [tokens[a].lemma for a in ctx.children.get(c, [])
                        if tokens[a].rel == "amod" and a < c] + [tokens[c].lemma]
    return []


def _title_repeats_group_body(ctx: Context, index: int, body: list[str]) -> bool:
    """Do the words right before the person's name (his title phrase, no verb or stop
    between) repeat the group's body (``body``: «заместитель директора партийной школы X»)?"""
    if not body:
        return False
    tokens, first = ctx.doc.tokens, ctx.first(index)
    phrase: list[str] = []
    for t in range(first - 1, max(first - 9, -1), -1):
        if tokens[t].sent_id != tokens[first].sent_id or tokens[t].pos in ("VERB", "PUNCT") \
                or t in ctx.mention_at:
            break
        phrase.insert(0, tokens[t].lemma)
    return any(phrase[s:s + len(body)] == body for s in range(len(phrase)))


def _phrase_head(ctx: Context, index: int) -> int:
    """The word that carries a person's title phrase in its clause: up from the name
    through the title words before it («с первым заместителем директора школы X»:
    «заместителем»), and from a conjunct to the first one («встреча министра Y и консула
    X»: «министра»)."""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    meeting = ctx.vocab.words("host_meeting_words")
    t = ctx.mention_root(index)
    t = first if t is None else t
    title = _title_word_before(ctx, first)
    if title is not None and not title <= tokens[t].head_id < first:
        t = title  # «встреча … консула Кореи в Санкт-Петербурге X»: the name hung elsewhere
    for _ in range(8):
        head = tokens[t].head_id
        if head < 0 or head > first or tokens[head].pos not in ("NOUN", "PROPN") \
                or tokens[head].lemma in meeting or ctx.governed(t, "с", "со") \
                or tokens[t].rel not in ("appos", "nmod", "flat", "flat:name", "conj"):
            break
        t = head
    return t


def _title_word_before(ctx: Context, first: int) -> int | None:
    """The nearest post title among the words of the title phrase that ends before a name
    (no verb or punctuation outside a name between)."""
    tokens = ctx.doc.tokens
    for t in range(first - 1, max(first - 9, -1), -1):
        if tokens[t].sent_id != tokens[first].sent_id or tokens[t].pos == "VERB" or (
                tokens[t].pos == "PUNCT" and t not in ctx.mention_at):
            return None
        if ctx.vocab.is_title(tokens[t].lemma) and t not in ctx.mention_at:
            return t
    return None


def _meeting_over(ctx: Context, t: int) -> int | None:
    """The meeting word a «с» phrase belongs to: its head, or one a few steps up where the
    parse hangs the phrase on a word between («встретился на полях форума с министром X»)."""
    return head_with_lemma(ctx.doc.tokens, t, ctx.vocab.words("host_meeting_words"), 3)


def _visit_act(ctx: Context, index: int, delegation: Delegation) -> int | None:
    """The word by which the person acts in the visit: a host's meeting «с» him («обсудил с
    заместителем директора X», «встреча с министром X»), a meeting of him and another
    («встреча министра области Y и консула X»), or a guest's act of his («X подписал»,
    «X представил»); not one planned, at another time, or at the group's home."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t = _phrase_head(ctx, index)
    head = tokens[t].head_id
    if head < 0:
        return None
    meeting = vocab.words("host_meeting_words")
    met = tokens[t].rel in ("obl", "nmod") and ctx.governed(t, "с", "со") \
        and (over := _meeting_over(ctx, t)) is not None
    if met:
        head = over
    paired = tokens[t].rel == "nmod" and "Case=Gen" in tokens[t].feats \
        and tokens[head].lemma in meeting and any(
            tokens[c].rel == "conj" for c in ctx.children.get(t, [])) \
        and ctx.mention_root(index) != t
    # («совещание, в котором приняли участие заместители председателя облисполкома X»)
    acted = tokens[t].rel == "nsubj" and past_finite_verb(tokens[head]) and (
        tokens[head].lemma in vocab.words("guest_act_verbs") or ctx.takes_part(head))
    if not (met or paired or acted) or ctx.planned(head) or ctx.future(head) \
            or ctx.clause_at_another_time(head) or _at_home(ctx, head, delegation):
        return None
    if acted and any(tokens[r].rel == "nsubj" and tokens[r].sent_id == tokens[head].sent_id
                     for r in delegation.ref_tokens if r < len(tokens)):
        return None  # «Министр X сообщил, что делегация прибыла …»: he tells of the group
    if acted and ctx.takes_part(head) and not _one_sides_meeting(ctx, head, delegation):
        return None  # «участвовали председатель палаты Узбекистана X, заместитель министра
        # Тамбовской области Y и посол Z»: both sides took part, the post alone tells
    return head


def _one_sides_meeting(ctx: Context, verb: int, delegation: Delegation) -> bool:
    """Are all the persons who took part (the verb's subjects) of the group's own side?"""
    origins = {delegation.origin_entity, *delegation.also_from}
    stem, body = _origin_stem(ctx, delegation), _group_body_words(ctx, delegation)
    return all(_visiting_side(ctx, person, origins, stem, body)
               for person in subject_persons(ctx, verb))


def _at_home(ctx: Context, verb: int, delegation: Delegation) -> bool:
    """Does the verb's sentence place it at the group's home, or in its country («сообщил в
    Ташкенте» of a group from Узбекистан)?"""
    entities = ctx.doc.entities
    for index in ctx.mentions_in(ctx.sentence(ctx.doc.tokens[verb].sent_id)):
        first, name = ctx.first(index), entities[ctx.entity(index)].normal
        if ctx.mention_type(index) == "LOC" and first > 0 \
                and ctx.doc.tokens[first - 1].lemma in ("в", "во") and (
                    ctx.entity(index) == delegation.origin_entity
                    or _names_origin(ctx, name, delegation)
                    or _within_country(name, delegation.origin)):
            return True
    return False


def _envoy_posted_away(ctx: Context, index: int, visits: list[Place | None]) -> bool:
    """Is an envoy's post named and away from where the group goes (``visits``, its visited
    sites' places: «генеральный консул Кореи в Санкт-Петербурге» meeting hosts in Псков with
    a group from Корея): he came with it, not received it?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    posts = [i for i in ctx.mentions_in(range(max(first - 12, 0), first))
             if ctx.mention_type(i) == "LOC" and ctx.first(i) > 0
             and tokens[ctx.first(i) - 1].lemma in ("в", "во")
             and tokens[ctx.first(i)].sent_id == tokens[first].sent_id]
    if len(posts) != 1:
        return False
    return _away(entity_place(ctx, ctx.entity(posts[0])), visits)


def _away(post: Place | None, visits: list[Place | None]) -> bool:
    """Is an envoy's or a mission's post (a place) away from where the group goes (``visits``,
    its visited sites' places), all of them known?"""
    if post is None or not visits or any(v is None for v in visits):
        return False
    return not any(v is post or (post.kind != "country" and (
        (bool(region_of(post)) and region_of(v) == region_of(post))
        or v.region == post.canonical)) or (
        post.kind == "country" and v.country == post.country) for v in visits)


def _mission_post(ctx: Context, person: int) -> Place | None:
    """The place the person's mission works in, as its name says («советник посольства
    Турции в Беларуси»: Беларусь); None where he works for no such mission."""
    missions = ctx.vocab.words("mission_nouns")
    for who, employer, _ in ctx.found_of("WORKS_FOR"):
        words = ctx.doc.entities[employer].normal.split()
        if who == person and len(words) > 2 and words[0].lower() in missions \
                and "в" in words[1:]:
            place = gazetteer().lookup(" ".join(words[words.index("в", 1) + 1:]))
            if place is not None:
                return place
    return None


@matcher("member_listed_bodies")
def member_listed_bodies(ctx: Context, rule: RelationRule) -> None:
    """«совместная делегация представителей Министерства A, Министерства B и Агентства C»,
    «прибыли представители компаний X, Y и Z»: the organisations listed with a group's origin
    (its DELEGATION_FROM, two or more of them) make it up; each but the one named its
    origin is a member."""
    entities = ctx.doc.entities
    for delegation in ctx.delegations:
        listed = {body: relation.sent_id for group, body, relation
                  in ctx.found_of("DELEGATION_FROM") if group == delegation.entity_id
                  and entities[body].type == "ORG" and relation.rule == "delegation_from.listed"}
        named = _bodies_after_group_word(ctx, delegation)
        if listed or len(named) >= 2:
            listed |= named
        # «Делегации компании «A» и университета «B»»: B sent a group of its own
        siblings = {ctx.delegations[i].origin_entity for i in delegation.listed_with}
        for body, sent_id in listed.items():
            if body != delegation.origin_entity and body not in siblings:
                ctx.add(rule, body, delegation.entity_id, sent_id)


def _bodies_after_group_word(ctx: Context, delegation: Delegation) -> dict[int, int]:
    """The organisations listed right after a group word, past a word for their people
    («делегация представителей A, B и C», «делегация компаний A, B»), as entity → sentence."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    people = vocab.words("counterpart_nouns") | vocab.words("registered_company_nouns")
    for r in delegation.ref_tokens:
        if r >= len(tokens) or tokens[r].lemma not in vocab.delegation_heads:
            continue
        start = r + 1
        while start < len(tokens) and start - r <= 2 and start not in ctx.mention_at \
                and tokens[start].lemma in people:
            start += 1
        listed = _companies_listed(ctx, start)
        if listed and _subject_of_its_own(ctx, listed[0]):
            continue  # «По итогам визита делегации Корпорация X и Бюро Y подписали …»
        found = {ctx.entity(i): tokens[r].sent_id for i in listed}
        if found:
            return found
    return {}


def _subject_of_its_own(ctx: Context, index: int) -> bool:
    """Is the name the subject of a clause (its root word the verb's «nsubj», in the
    nominative), not a genitive of the group word before it?"""
    root = ctx.mention_root(index)
    token = ctx.doc.tokens[root] if root is not None else None
    return token is not None and token.rel in ("nsubj", "nsubj:pass") \
        and "Case=Nom" in token.feats


@matcher("member_part_head")
def member_part_head(ctx: Context, rule: RelationRule) -> None:
    """«Делегация разделилась на две группы. Одна группа во главе с директором X …», «Вторая
    группа, которую возглавил Y, …»: the head of a part of the group is one of its members,
    not its head."""
    tokens = ctx.doc.tokens
    for ref in ctx.refs:
        if ref.source != "rule:delegation.part":
            continue
        t = leader_word(ctx, ref.token)
        person = None
        if t is not None and t + 1 < len(tokens) and tokens[t].lemma not in ctx.vocab.lead_verbs:
            person = leader_named(ctx, t + 2 if tokens[t + 1].lemma in ("с", "со") else t + 1)
        after = [w.lemma for w in tokens[ref.token + 1:ref.token + 4]]
        if person is None and after[:2] == [",", "который"] and len(after) == 3 \
                and after[2] in ctx.vocab.lead_verbs:
            person = leader_named(ctx, ref.token + 4)  # «Вторая группа, которую возглавил X»
        if person is not None:
            ctx.add(rule, ctx.entity(person), ctx.delegation_entity(ref), ref.sent_id)


@matcher("member_body_in_group")
def member_body_in_group(ctx: Context, rule: RelationRule) -> None:
    """«компания «A», представитель которой вошёл в состав делегации», «входящий в состав
    белорусской делегации завод «B»»: a body whose people joined a group, told in a relative
    or participle clause on its name, is one of its members."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    people = vocab.words("body_people_nouns")
    for token in ctx.triggers(vocab.membership_verbs):
        t = token.token_id
        ref = _group_joined(ctx, t)
        if ref is None or ctx.planned(t) or token.head_id < 0:
            continue
        if "VerbForm=Part" in token.feats and token.rel in ("acl", "amod"):
            body = name_at(ctx, token.head_id)  # «входящий в состав делегации завод «B»»
        else:
            subject = next((c for c in ctx.children.get(t, []) if tokens[c].rel == "nsubj"
                            and tokens[c].lemma in people and any(
                                tokens[g].lemma == "который" for g in ctx.children.get(c, []))),
                           None)
            if subject is None or subject < 2 or tokens[subject - 1].text != ",":
                continue
            # «компания «A», представитель которой …»: the name right before the comma
            body = ctx.mention_at.get(subject - 2)
        if body is not None and ctx.mention_type(body) == "ORG":
            ctx.add(rule, ctx.entity(body), ctx.delegation_entity(ref), token.sent_id)


def _group_joined(ctx: Context, verb: int) -> Ref | None:
    """The group a verb of joining takes: «вошёл в состав делегации», «входит в делегацию»."""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(verb, []):
        if tokens[child].rel != "obl" or not ctx.governed(child, "в", "во"):
            continue
        ref = ctx.ref_at(child)
        if ref is None and tokens[child].lemma in ctx.vocab.composition_nouns:
            ref = next((r for g in ctx.children.get(child, [])
                        if tokens[g].rel == "nmod" and (r := ctx.ref_at(g)) is not None), None)
        if ref is not None:
            return ref
    return None


@matcher("member_dashed_people")
def member_dashed_people(ctx: Context, rule: RelationRule) -> None:
    """«Делегация Республики X — директор Y, мэр Z и ректор W — провела встречу»: the people
    set off by dashes right after a group's words (its origin's genitive between), or after
    one dash to the end of a sentence whose verb came before the group, are its members."""
    tokens = ctx.doc.tokens
    for ref in ctx.refs:
        t = ref.token + 1
        while t < len(tokens) and tokens[t].sent_id == ref.sent_id and (
                t in ctx.mention_at or tokens[t].text in ("«", "»") or (
                    tokens[t].pos in ("ADJ", "NOUN", "PROPN") and "Case=Gen" in tokens[t].feats)):
            t += 1  # the origin's genitive phrase
        if t >= len(tokens) or tokens[t].text not in DASH_OR_HYPHEN:
            continue
        close = next((u for u in range(t + 1, len(tokens))
                      if tokens[u].sent_id != ref.sent_id or tokens[u].text in DASH_OR_HYPHEN),
                     len(tokens))
        if close == len(tokens) or tokens[close].sent_id != ref.sent_id:
            # set off on both sides: a dash after the people closes the aside; or the list
            # ends the sentence, with no verb of its own («Стенд посетила группа ассоциации —
            # её председатель Y и директор Z.»)
            # (the group named there by its origin: the word's group is that one)
            end = ctx.doc.sentences[ref.sent_id].last_token
            origin = ctx.delegations[ref.delegation].origin_entity
            if tokens[ref.token].rel not in ("nsubj", "nsubj:pass") \
                    or not any(is_finite_verb(tokens[u]) for u in
                               ctx.sentence(ref.sent_id) if u < ref.token) \
                    or any(is_finite_verb(tokens[u]) for u in range(t + 1, end)) \
                    or not any(ctx.entity(i) == origin
                               for i in ctx.mentions_in(range(ref.token, t))):
                continue
            close = end
        people = [i for i in ctx.mentions_in(range(t + 1, close)) if ctx.mention_type(i) == "PER"]
        if len(people) < 2 and not any(tokens[u].lemma == "и" for u in range(t + 1, close)):
            continue  # («делегация — 12 человек —»: no list of people)
        for index in people:
            ctx.add(rule, ctx.entity(index), ctx.delegation_entity(ref), ref.sent_id)

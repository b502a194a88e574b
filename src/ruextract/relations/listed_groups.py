"""What groups listed in one plural phrase share: «делегации Китая, Турции и Вьетнама посетили
технопарк» is a visit of each (``delegations.split_listed_groups`` makes one group a place; the
phrase's reference words point at the first).

Shared means told of them all together: in the listing sentence, or later by a plural word that
names none of their places («Гости осмотрели …»); «Китайская делегация затем …» is one
group's own.
"""

from __future__ import annotations

from ..doc import Token
from ..places import gazetteer, lies_in
from ..rules import RelationRule
from .context import (
    ALL_GROUPS,
    BARE_REFERENCE,
    HOME_COUNTRY,
    Context,
    Delegation,
    Ref,
    matcher,
    same_place,
)
from .delegations import (
    gazetteer_adjective,
    group_of_nationals,
    groups_of_every_word,
    groups_told_by,
    lies_within,
    token_origin,
    unnamed_origin,
)
from .roles import entity_place


@matcher("listed_groups_share")
def listed_groups_share(ctx: Context, rule: RelationRule) -> None:
    """The rule's relation (VISITED, PARTICIPATED_IN) of the first listed group, told of the
    groups together, for each group listed with it (runs after every rule of that relation)."""
    for delegation in ctx.delegations:
        if not delegation.listed_with:
            continue
        origins = {delegation.origin_entity} | {
            ctx.delegations[i].origin_entity for i in delegation.listed_with}
        first = min(delegation.listed_in)
        shared = {s for s in delegation.listed_in} | _told_together(ctx, delegation, origins,
                                                                    first)
        # (a plural word after the list may have been read as any of them: «Затем делегаты
        # отправились в X» is told of them all)
        together = [ctx.delegations.index(delegation), *delegation.listed_with]
        entities = {ctx.delegations[i].entity_id: i for i in together}
        for (relation, group, site), found in list(ctx.found.items()):
            if relation != rule.relation or group not in entities:
                continue
            told = ctx.stated_in.get((relation, group, site), {found.sent_id})
            when = told & shared if group == delegation.entity_id else told & _told_together(
                ctx, ctx.delegations[entities[group]], origins, first)
            if not when:
                continue
            # (a later list names its own groups: «делегации X и Y посетили …», «Иранская и
            # китайская делегации вместе посетили …» of four)
            listed = _named_in(ctx, min(when), together)
            for i in listed if len(listed) >= 2 \
                    or _lists_its_own(ctx, min(when), listed, together) else together:
                if ctx.delegations[i].entity_id != group \
                        and not _own_place(ctx, ctx.delegations[i], site):
                    ctx.add(rule, ctx.delegations[i].entity_id, site, min(when))


@matcher("joined_groups_share")
def joined_groups_share(ctx: Context, rule: RelationRule) -> None:
    """The rule's relation of a group whose word is joined by «и» (or «вместе с») to another
    group's word in the sentence that tells it («Делегация Синьцзяна и турецкие инвесторы
    посетили СЭЗ X», «… вместе с корейскими гостями побывали в Y»),
    or that «оба» says stands for the two groups the text names («Обе делегации осмотрели
    завод X»): the other group's too (runs after every rule of that relation)."""
    tokens = ctx.doc.tokens
    refs_in: dict[int, list[tuple[int, int]]] = {}
    for ref in ctx.refs:
        refs_in.setdefault(ref.sent_id, []).append((ref.token, ref.delegation))
    for (relation, group, site), found in list(ctx.found.items()):
        if relation != rule.relation:
            continue
        for sent_id in sorted(ctx.stated_in.get((relation, group, site), {found.sent_id})):
            words = refs_in.get(sent_id, [])
            own = [t for t, d in words if ctx.delegations[d].entity_id == group]
            others = {d for t, d in words if any(_joined(tokens, t, o) or _companions(ctx, t, o)
                                                 or _companions(ctx, o, t) for o in own)}
            if any(_both(ctx, t) for t in own):
                others |= set(_two_named(ctx, sent_id))
            for t in own:  # «Все три делегации приняли участие …»: every group named
                others |= set(_all_named(ctx, t))
                if (ref := ctx.ref_at(t)) is not None and ref.source == ALL_GROUPS:
                    others |= set(groups_of_every_word(ctx, t))
            bare = bool(own) and all(ctx.ref_at(t).source == BARE_REFERENCE for t in own) \
                and len({d for _, d in words}) == 1
            if bare and all("Number=Plur" in tokens[t].feats and not any(
                    tokens[c].rel == "amod" for c in ctx.children.get(t, [])) for t in own):
                # «Липецкая область принимала сразу три делегации. Сербскую … Египетскую …
                # Третью … В первый день гости познакомились с …»: after all the groups a
                # count announced were told one by one, a bare plural word is all of them
                others |= set(_announced_all(ctx, sent_id))
            if bare and all(group_of_nationals(ctx, tokens[t].lemma) is None for t in own):
                # (not «Белорусы посетили …»: a people's word is its group's own)
                # «Все три делегации приехали в технопарк. Директор провёл гостей по …»: a
                # bare word right after all the groups were told of together stands for them
                others |= {a for t, _ in refs_in.get(sent_id - 1, [])
                           for a in _all_named(ctx, t)}
            if others:  # («Сахалинская и камчатская делегации вместе с …»: the groups the
                # sentence lists with the one that has the fact share it too)
                others |= {sibling for d in others | {d for t, d in words if t in own}
                           if sent_id in ctx.delegations[d].listed_in
                           for sibling in ctx.delegations[d].listed_with}
            for other in others:
                entity = ctx.delegations[other].entity_id
                if entity != group and not _own_place(ctx, ctx.delegations[other], site):
                    ctx.add(rule, entity, site, sent_id)


def _announced_all(ctx: Context, sent_id: int) -> list[int]:
    """The groups named with an origin before the sentence, where a group word counted by a
    numeral before it («принимала сразу три делегации») announced as many; none
    otherwise."""
    tokens = ctx.doc.tokens
    named = [i for i, d in enumerate(ctx.delegations) if d.origin and d.ref_tokens
             and min(tokens[t].sent_id for t in d.ref_tokens) < sent_id]
    for t in range(len(tokens)):
        if tokens[t].sent_id >= sent_id:
            break
        if tokens[t].lemma not in ctx.vocab.delegation_heads:
            continue  # (singular after «три»: «три делегации»)
        if len(named) >= 2 and len(named) in _counts(ctx, tokens[max(t - 3, 0):t]):
            return named
    return []


def _counts(ctx: Context, words: list[Token]) -> list[int | None]:
    """The numbers the numerals among ``words`` say («три» = 3, «3»; None for another)."""
    numbers = ctx.vocab.mapping("count_words")
    return [int(numbers[w.lemma]) if w.lemma in numbers else int(w.text) if w.text.isdigit()
            else None for w in words if w.pos == "NUM"]


def _lists_its_own(ctx: Context, sent_id: int, named: list[int], together: list[int]) -> bool:
    """Does the sentence name one of the groups by its origin in a list of places of its own
    («делегации Сучжоу, Восточной Явы и Гаутенга посетили …»: these, not the Mogilev group
    listed with Сучжоу before), none of which holds another group of the earlier list («обе
    делегации из Монголии и Китая» holds the one from Inner Mongolia)?"""
    if len(named) != 1 or (origin := ctx.delegations[named[0]].origin_entity) is None:
        return False
    others = [ctx.delegations[i] for i in together if i != named[0]]
    for index in ctx.mentions_in(ctx.sentence(sent_id)):
        if ctx.entity(index) != origin:
            continue
        listed = ctx.conjoined(index, any_case=True)[1:]
        return bool(listed) and not any(
            group.origin and (group.origin_entity == ctx.entity(place) or lies_within(
                ctx, group.origin, group.origin_entity, ctx.doc.mentions[place].normal))
            for place in listed for group in others)
    return False


def _named_in(ctx: Context, sent_id: int, groups: list[int]) -> list[int]:
    """The groups a sentence names by their origin's mention or by an adjective of a place
    their origin lies in («иранская» for a group from Исфахан)."""
    mentions = ctx.mentions_in(ctx.sentence(sent_id))
    named = {ctx.entity(m) for m in mentions}
    places = [place for t in ctx.sentence(sent_id) if ctx.doc.tokens[t].pos == "ADJ"
              and (place := gazetteer_adjective(ctx.doc.tokens[t].lemma)) is not None]
    return [i for i in groups if (group := ctx.delegations[i]).origin_entity in named
            or named.intersection(group.also_from)  # («из Ханоя» of the Hanoi institute's)
            # (a group named by its country's adjective later, its origin no mention here)
            or (group.origin_entity is None and group.origin and any(
                ctx.mention_type(m) == "LOC" and same_place(ctx.doc.mentions[m].normal,
                                                             group.origin) for m in mentions))
            or any(group.origin and lies_within(ctx, group.origin, group.origin_entity,
                                           place.canonical) for place in places)]


def _both(ctx: Context, token: int) -> bool:
    """«Обе делегации», «оба гостя»: a group word that a word of ``both_words`` says stands
    for two groups."""
    both = ctx.vocab.words("both_words")
    return any(ctx.doc.tokens[c].lemma in both for c in ctx.children.get(token, []))


def _all_named(ctx: Context, token: int) -> list[int]:
    """«Все три делегации», «все делегации», «каждая из групп»: the groups the text names
    with an origin, where «все» or «каждый» (and the count, if given) says the plural word
    stands for them all."""
    tokens = ctx.doc.tokens
    before = [tokens[t] for t in range(max(token - 3, 0), token)
              if tokens[t].sent_id == tokens[token].sent_id]
    if not any(t.lemma in ("весь", "каждый") for t in before):
        return []  # («Все три делегации …», «Каждая из групп …»)
    named = groups_told_by(ctx, tokens[token].sent_id)
    count = next((c for c in _counts(ctx, before) if c is not None), None)
    if count is not None and count != len(named):
        # («прибыли делегации из A, B и C … все три делегации»: the three a list named,
        # beside a group of the hosts' own)
        listed = [[i, *d.listed_with] for i, d in enumerate(ctx.delegations)
                  if len(d.listed_with) + 1 == count]
        return listed[0] if len(listed) == 1 else []
    return named if len(named) >= 2 else []


def _two_named(ctx: Context, sent_id: int) -> list[int]:
    """The two groups the text names with an origin by the sentence, if it names two exactly
    (not a third told of later: «Ответный визит башкирской делегации запланирован …»): by
    their own words, else with the groups a list named beside them («Делегации Египта и
    ОАЭ прибыли …»)."""
    told = groups_told_by(ctx, sent_id)
    if len(told) == 2:
        return told
    listed = {j for d in ctx.delegations if any(s <= sent_id for s in d.listed_in)
              for j in d.listed_with if ctx.delegations[j].origin}
    named = sorted(set(told) | listed)
    return named if len(named) == 2 else []


def _companions(ctx: Context, one: int, other: int) -> bool:
    """Is ``one`` a group word after «вместе с» that hangs on ``other`` or on the verb
    ``other`` is the subject of («делегации вместе с корейскими гостями побывали …»)?"""
    tokens = ctx.doc.tokens
    word = tokens[one]
    preposition = next((c for c in ctx.children.get(one, []) if tokens[c].rel == "case"
                        and tokens[c].lemma in ("с", "со")), None)
    if preposition is None or preposition == 0 or tokens[preposition - 1].lemma != "вместе":
        return False
    # (or right after it, however parsed: «делегации вместе с гостями»)
    return word.head_id == other or preposition - 2 == other \
        or (word.head_id >= 0 and word.head_id == tokens[other].head_id)


def _joined(tokens: list, one: int, other: int) -> bool:
    """Are two words joined by «и» (one the other's conjunct, or both of one head; or two
    subjects of one verb with «и» between, as the parse may hang them: «индийские гости и
    турецкие специалисты посетили …»)?"""
    a, b = tokens[one], tokens[other]
    return (a.rel == "conj" and a.head_id == other) or (b.rel == "conj" and b.head_id == one) \
        or (a.rel == b.rel == "conj" and a.head_id == b.head_id) \
        or (a.rel == b.rel == "nsubj" and a.head_id == b.head_id and any(
            t.lemma == "и" and t.pos == "CCONJ"
            for t in tokens[min(one, other) + 1:max(one, other)]))


def _told_together(ctx: Context, delegation: Delegation, origins: set[int | None],
                   first: int) -> set[int]:
    """The sentences after the list (``first``) that refer to the group only by a plural word
    and name none of the listed groups' places («Гости осмотрели цеха»)."""
    tokens = ctx.doc.tokens
    places = ctx.vocab.bare_place_words
    own = [ref for ref in ctx.refs if ref.delegation == ctx.delegations.index(delegation)
           and ref.sent_id > first]
    # («Иностранные гости посетили …» after groups all from abroad: all of them)
    shared_adjectives = ctx.vocab.foreign_adjectives if all(
        origin is not None and (place := entity_place(ctx, origin)) is not None
        and place.country and place.country != HOME_COUNTRY for origin in origins) else set()
    together = set()
    for ref in own:
        token = tokens[ref.token]
        if "Number=Plur" not in token.feats or any(
                tokens[c].lemma in ctx.vocab.origin_adjectives - shared_adjectives
                for c in ctx.children.get(ref.token, [])) \
                or token_origin(ctx, token, "reference")[0] \
                or ref.source == "rule:delegation.demonym" \
                or group_of_nationals(ctx, token.lemma) is not None \
                or any(tokens[c].rel == "nmod" and tokens[c].lemma in places
                       for c in ctx.children.get(ref.token, [])):
            # «Китайские гости осмотрели …», «Представители китайской компании «X» …»,
            # «Омичи посетили …», «Индийцы осмотрели …», «Представители области …»: one
            # group's own
            continue
        if _goes_on_one_group(ctx, ref, delegation):
            continue
        named = {ctx.entity(i) for i in ctx.mentions_in(ctx.sentence(ref.sent_id))}
        if not named & origins:
            together.add(ref.sent_id)
    return together


def _goes_on_one_group(ctx: Context, ref: Ref, delegation: Delegation) -> bool:
    """Does the plural word go on telling of one group the last group word before it (in
    its own sentence or any before, the sentences between naming no group) named by a
    singular group word («Вьетнамская делегация побывала в X. В её состав вошли … Гостям
    показали …»), outside the list's sentences?"""
    tokens = ctx.doc.tokens
    before = [r for r in ctx.refs if r.token < ref.token]
    if not before:
        return False
    last = max(before, key=lambda r: r.token)
    if _both(ctx, last.token) or _all_named(ctx, last.token):
        return False  # «Обе делегации представили … Затем делегаты отправились …»: both
    # (or by words that name it as one group: «побывали представители министерства X»; not
    # where that sentence lists it with others: a plural word after the list is all of them)
    index = ctx.delegations.index(delegation)
    listing = delegation.listed_in.union(*(d.listed_in for d in ctx.delegations
                                           if index in d.listed_with))
    return last.sent_id not in listing and (
        "Number=Sing" in tokens[last.token].feats
        or last.source in ("rule:delegation.head", "rule:delegation.group"))


def _own_place(ctx: Context, group: Delegation, site: int) -> bool:
    """Is the site the group's own place or in it («делегации России и Узбекистана … в
    Ташкенте»: not the Uzbek group's visit)?"""
    if site == group.origin_entity:
        return True
    entity = ctx.doc.entities[site]
    if entity.type != "LOC":
        return False
    place, home = gazetteer().lookup(entity.normal), gazetteer().lookup(group.origin)
    return place is not None and home is not None and lies_in(place, home)


@matcher("listed_group_origin")
def listed_group_origin(ctx: Context, rule: RelationRule) -> None:
    """DELEGATION_FROM of a group made from a list, where it shares a visit or an event (runs
    after ``listed_groups_share``'s rules)."""
    sharing = {group for (relation, group, _) in ctx.found
               if relation in ("VISITED", "PARTICIPATED_IN")}
    for delegation in ctx.delegations:
        if delegation.only_listed and delegation.entity_id in sharing:
            # («китайская и монгольская делегации»: a place named by its adjective alone)
            origin = delegation.origin_entity if delegation.origin_entity is not None \
                else unnamed_origin(ctx, delegation)
            ctx.add(rule, delegation.entity_id, origin, delegation.origin_sent)


@matcher("listed_group_origin_named")
def listed_group_origin_named(ctx: Context, rule: RelationRule) -> None:
    """DELEGATION_FROM of a group made from a list after a group's own word («прибудут
    делегации из Киргизии, Беларуси и Армении», «делегации четырёх государств — X, Y»),
    whether or not a visit is told of it (a planned one too: the group is named)."""
    tokens = ctx.doc.tokens
    for delegation in ctx.delegations:
        if not delegation.listed_with:
            continue
        if not any(tokens[t].sent_id in delegation.listed_in
                   and tokens[t].lemma in ctx.vocab.delegation_heads
                   for t in delegation.ref_tokens):
            continue
        for i in delegation.listed_with:
            other = ctx.delegations[i]
            if other.only_listed:
                ctx.add(rule, other.entity_id, other.origin_entity, other.origin_sent)

"""Delegations: the visiting groups a text refers to, their references and origins.

Run before any matcher: each word that refers to a group («делегация», «гости»,
«японские предприниматели») is assigned to one delegation (by its origin, else the main
group); each delegation becomes an entity and its references become mentions. The
vocabulary is in word lists: ``delegation_heads`` (a group that is named: «делегация»),
``delegation_references`` («гости»), ``delegation_groups`` (a group only with an origin
adjective or as a visitor: «предприниматели»), ``delegation_reference_phrases``.

An origin is never left empty where the text states it: a later «курская делегация» names a
group introduced without one; else its head's title («во главе с министром обороны Индии»,
«губернатор области X и члены делегации», «делегацию возглавил министр … области X», «X,
министр … области»), its first listed member's title, or «делегация нашей области». A group
named only by a country («китайская делегация») takes the more specific origin the text
gives it later («делегация посольства КНР», its head «мэр Саппоро X»). Origin adjectives
resolve through ``adjective_place`` (the seam where a places gazetteer plugs in). An official
on a trip to another place («в рамках рабочей поездки в Китай», ``trip_nouns``), or whose
visit the text names («визит посла Египта X»), is a group from the place of his title; so is
one who visits, signs, meets or flies in «в X» abroad or in another region
(``official_act_verbs``, ``visit_motion_verbs``). An officer of a body that names no place
(a company, a university, a ministry: «директор компании «X» Y посетил технопарк «Z»») who
visits another body's named site or comes to a place travels for his body.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..coreference import entity_key, initials
from ..doc import DELEGATION, Entity, Mention, Token, fold
from ..morph import CASES, compound_head, dictionary_cases, word_parses
from ..normal_form import DASHES
from ..places import Place, dictionary, gazetteer, is_town, lies_in, name_key, region_of
from ..rules import DEFAULT_MIN_CONFIDENCE, RelationRule
from .bare_orgs import resolve_bare_org
from .context import (
    ALL_GROUPS,
    BARE_REFERENCE,
    CHUNK_BREAKS,
    DASH_OR_HYPHEN,
    HOME_COUNTRY,
    NOMINAL_POS,
    PEOPLE_GROUP,
    PLACE_PREPOSITIONS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Context,
    Delegation,
    Ref,
    bare_region_word,
    before_lower_adjectives,
    body_of_place,
    case_of,
    closing_bracket,
    escorted_person,
    feats_agree,
    is_federal_district,
    is_finite_verb,
    matcher,
    misparsed_objects,
    name_at,
    past_finite_verb,
    person_at,
    place_descriptor,
    resolve_place,
    same_place,
    subject_persons,
    topic_partner,
)

# the tree relations an origin may hang from («делегация из Пензенской области», «делегация
# компаний Китая», «японская делегация»), at most ORIGIN_DEPTH steps below the reference
ORIGIN_RELATIONS = ("nmod", "appos", "flat", "flat:name", "amod", "nummod", "flat:foreign")
ORIGIN_DEPTH = 4
ABBREVIATED_ORIGIN = re.compile(r"[А-ЯЁ]{2,5}")  # «РБ», «ХМАО»: an origin's initials
# «делегация из Китая», «делегация от Новосибирской области»: where the group comes from
ORIGIN_PREPOSITIONS = ("из", "от")
# «гости с Кубани», «делегация с Урала»: «с» names where a group comes from before a place in
# the genitive (with the instrumental it names a companion: «делегация с губернатором»)
FROM_PLACE_PREPOSITIONS = ("с", "со")
# a reference with no origin of its own, beside several groups, is the group referred to last
# in this many sentences before it (``_last_told_of``)
RECENT_SENTENCES = 2
# member rules that find the visiting side of a meeting or its origin's people: on a lone
# official's trip they find the traveller himself, no companion (``drop_solo_trips``)
TRAVELLER_MEMBER_RULES = frozenset({"member.visiting_party", "member.origin_employer",
                                    "member.travellers"})
# a country's adjective this many words before a place's name states its country
# («монгольские предприниматели из аймака Дорнод»: ``_country_adjective_before``)
COUNTRY_ADJECTIVE_REACH = 4
GLOSS_REACH = 12  # an editor's gloss in a leader's title closes its bracket this soon


def find_delegations(ctx: Context) -> None:
    """Fill ``ctx.delegations`` and ``ctx.refs``; add the delegations to the document."""
    _find_refs(ctx)
    named = bool(ctx.delegations)
    if _official_trip(ctx) or ctx.delegations or _official_arrival(ctx) \
            or _envoy_received(ctx) or _official_received(ctx) \
            or _official_trip(ctx, site_only=True) or _body_trip(ctx):
        _find_refs(ctx)  # the «гости» named before any group was: now they have one
    if named:
        # «От Томской области приехали X и Y» beside groups named by a group word; «костромской
        # губернатор побывал в Дагестане» beside the Dagestan group
        _groups_of_named_people(ctx)
        _official_arrival(ctx, besides_groups=True)
        _places_represented_by_people(ctx)
    _drop_host_groups(ctx)
    for delegation in ctx.delegations:
        if (not delegation.origin or delegation.origin_kind == "country"
                or _country_named_later(ctx, delegation)) \
                and not _country_of_the_word(ctx, delegation):
            found = _origin_in_context(ctx, delegation)
            # a country's group («российская делегация во главе с секретарём Совбеза РФ»,
            # «губернатор области X вместе с региональной делегацией … гости из России»)
            # takes a more specific place from its head's title, not his body
            if found is not None and (not delegation.origin or (
                    lies_within(ctx, found[0], found[2], delegation.origin)
                    and not _body_entity(ctx, found[2]))):
                _set_origin(ctx, delegation, *found)
        town = _mayors_town(ctx, delegation)
        if town is not None:
            _set_origin(ctx, delegation, ctx.doc.entities[town].normal, "strong", town,
                        delegation.origin_sent)
    _join_town_groups(ctx)
    _join_body_adjective_groups(ctx)
    _join_headline_town_group(ctx)
    _join_country_groups(ctx)
    _join_macro_region_group(ctx)
    _join_abbreviated_groups(ctx)
    split_listed_groups(ctx)
    _join_listed_town_bodies(ctx)
    _groups_listed_after_colon(ctx)
    _groups_arrived_together(ctx)
    _gapped_groups(ctx)  # (after the listed groups: «киргизскую» may be one of them)
    # («Кыргызская группа» is the group a plural word listed from «Чуйской области»)
    _join_country_groups(ctx)
    _demonym_refs(ctx)  # (after the listed groups: «ташкентцы» may be one of them)
    _words_for_every_group(ctx)
    _guests_of_counted_groups(ctx)
    _plural_words_for_named_groups(ctx)
    _refs_by_level(ctx)
    _refs_by_stated_origin(ctx)
    _mark_awaited(ctx)
    _add_delegation_mentions(ctx)


def _country_of_the_word(ctx: Context, delegation: Delegation) -> bool:
    """Is the group's origin a country its own group word names in the genitive right after
    it («делегацию Российской Федерации, которую возглавлял Президент Татарстана»): the
    country's group, whichever region its head governs?"""
    if delegation.origin_entity is None or (place := gazetteer().lookup(delegation.origin)) \
            is None or place.kind != "country":
        return False
    return any((index := ctx.mention_at.get(t + 1)) is not None and ctx.first(index) == t + 1
               and ctx.entity(index) == delegation.origin_entity
               and ctx.doc.tokens[t].lemma in ctx.vocab.delegation_heads
               for t in delegation.ref_tokens)


def first_told(ctx: Context, delegation: Delegation) -> int | None:
    """The sentence that first tells of the group (by one of its words); None without one."""
    return min((ctx.doc.tokens[t].sent_id for t in delegation.ref_tokens), default=None)


def _country_named_later(ctx: Context, delegation: Delegation) -> bool:
    """Is the group's origin a whole country the text named only after it first told of the
    group, by a word other than a group's own («… вместе с региональной делегацией. Гостям из
    России …»; not «делегацию из Турции» after a headline's «делегация во главе с мэром X»)?"""
    tokens = ctx.doc.tokens
    place = gazetteer().lookup(delegation.origin) if delegation.origin else None
    first = first_told(ctx, delegation)
    return place is not None and place.kind == "country" and first is not None \
        and delegation.origin_sent > first \
        and not any(tokens[t].sent_id == delegation.origin_sent
                    and tokens[t].lemma in ctx.vocab.delegation_heads
                    for t in delegation.ref_tokens)


def _body_entity(ctx: Context, entity: int | None) -> bool:
    """Is the entity an organisation (not a place)?"""
    return entity is not None and 0 <= entity < len(ctx.doc.entities) \
        and ctx.doc.entities[entity].type == "ORG"


def split_listed_groups(ctx: Context) -> None:
    """One group from each place a plural group word lists besides the first group's origin
    (before the groups become entities: the new ones need theirs)."""
    for index, delegation in enumerate(list(ctx.delegations)):
        for t, places in _listed_places(ctx, delegation):
            _list_siblings(ctx, index, t, places)
        for t, bodies in _listed_bodies(ctx, delegation):
            _list_siblings(ctx, index, t, bodies)
        for t, origins in _listed_adjectives(ctx, delegation):
            siblings = []
            for name, kind, entity in origins:
                sibling = next((i for i, d in enumerate(ctx.delegations)
                                if d.origin and same_place(d.origin, name)), None)
                within = [i for i, d in enumerate(ctx.delegations)
                          if d.origin and lies_within(ctx, d.origin, d.origin_entity, name)]
                if sibling is None and len(within) == 1:
                    sibling = within[0]  # («казахстанские гости»: the group from Атырау)
                siblings.append(sibling if sibling is not None else _listed_group(
                    ctx, name, kind, entity, ctx.doc.tokens[t].sent_id))
            _join_listed(ctx, index, t, siblings)
    for index, delegation in enumerate(ctx.delegations):
        if delegation.listed_with:
            _refs_to_siblings(ctx, index)


def _refs_to_siblings(ctx: Context, index: int) -> None:
    """A word of the listing group whose own origin adjective names a sibling's place
    («три делегации — из Смоленской и Брянской областей … Смоленских гостей возглавлял X»)
    refers to that sibling, not to the group the list was first read as."""
    tokens, group = ctx.doc.tokens, ctx.delegations[index]
    for ref in list(ctx.refs):
        if ref.delegation != index:
            continue
        places = [place for c in ctx.children.get(ref.token, []) if tokens[c].rel == "amod"
                  and (place := adjective_place(ctx, tokens[c].lemma, head=True)) is not None]
        if len(places) != 1 or same_place(places[0][0], group.origin):
            continue
        sibling = next((i for i in group.listed_with
                        if same_place(ctx.delegations[i].origin, places[0][0])), None)
        if sibling is not None:
            _move_ref(ctx, ref, sibling)


def _groups_listed_after_colon(ctx: Context) -> None:
    """«В Химки приехали три делегации: делегация X, делегация Y и группа компании «Z»»: a
    plural group word of no origin of its own before a colon or a dash lists the groups its
    items name; what the plural word tells of, each of them did (the word refers to the
    first, listed with the others)."""
    tokens = ctx.doc.tokens
    for position, ref in enumerate(list(ctx.refs)):
        word = tokens[ref.token]
        group = ctx.delegations[ref.delegation]
        if group.origin or word.lemma not in ctx.vocab.delegation_heads \
                or not ("Number=Plur" in word.feats or _counted(ctx, word)) \
                or ref.token + 2 >= len(tokens) or tokens[ref.token + 1].text not in (*DASHES, ":"):
            continue
        listed: list[int] = []
        for other in ctx.refs.in_sentence(ref.sent_id):
            if other.token > ref.token + 1 and other.delegation != ref.delegation \
                    and ctx.delegations[other.delegation].origin \
                    and other.delegation not in listed:
                listed.append(other.delegation)
        if len(listed) < 2 or any(r.delegation == ref.delegation and r.token != ref.token
                                  for r in ctx.refs):
            continue
        group.ref_tokens.remove(ref.token)
        ctx.delegations[listed[0]].ref_tokens.append(ref.token)
        ctx.refs[position] = Ref(ref.token, ref.sent_id, listed[0], ref.source)
        _join_listed(ctx, listed[0], ref.token, listed[1:])


def _listed_group(ctx: Context, origin: str, kind: str, entity: int | None,
                  sent_id: int) -> int:
    """A group made only because a plural group word listed its origin (a group only where
    it shares a visit or an event: ``Delegation.only_listed``)."""
    sibling = new_delegation(ctx, origin, kind, entity, sent_id)
    ctx.delegations[sibling].only_listed = True
    return sibling


def _groups_arrived_together(ctx: Context) -> None:
    """«В Хабаровск прибыли делегация провинции X и делегация провинции Y»: groups whose own
    words, each with its origin, are joined by «и» as the subject of a past verb are listed
    together, as a plural word listing them would be: a bare «гости» after them stands for
    both (``listed_groups_share``)."""
    tokens = ctx.doc.tokens
    words = [ref for ref in ctx.refs if ref.source == "rule:delegation.head"
             and ctx.delegations[ref.delegation].origin
             and not ctx.delegations[ref.delegation].listed_with]
    for ref in words:
        token = tokens[ref.token]
        first = tokens[token.head_id] if token.rel == "conj" and token.head_id >= 0 else None
        if first is None or first.rel not in ("nsubj", "nsubj:pass") or first.head_id < 0 \
                or not past_finite_verb(tokens[first.head_id]) \
                or ctx.planned(first.head_id):
            continue
        other = next((r for r in words if r.token == first.token_id
                      and r.delegation != ref.delegation), None)
        if other is not None:
            _join_listed(ctx, other.delegation, other.token, [ref.delegation])
            _join_listed(ctx, ref.delegation, ref.token, [other.delegation])


def _join_listed(ctx: Context, index: int, t: int, siblings: list[int]) -> None:
    """Group ``index`` listed, by the group word at ``t``, with ``siblings``."""
    delegation = ctx.delegations[index]
    for sibling in siblings:
        if sibling != index and sibling not in delegation.listed_with:
            delegation.listed_with.append(sibling)
    if delegation.listed_with:
        delegation.listed_in.add(ctx.doc.tokens[t].sent_id)


def _listed_adjectives(ctx: Context, delegation: Delegation
                       ) -> Iterator[tuple[int, list[tuple[str, str, int | None]]]]:
    """«встреча башкирской и узбекистанской делегаций», «китайская и монгольская делегации
    посетили …»: a plural group word after origin adjectives joined by «и» or a comma lists
    a group of each; those besides the group's own origin, as (name, kind, entity)."""
    tokens = ctx.doc.tokens
    # («китайская и монгольская группы», «иранские и казахстанские гости» too)
    words = ctx.vocab.group_words | ctx.vocab.delegation_references
    for t in delegation.ref_tokens:
        token = tokens[t]
        if token.lemma not in words or "Number=Plur" not in token.feats:
            continue
        i, adjectives = t - 1, []
        while i >= 0 and tokens[i].sent_id == token.sent_id and (
                tokens[i].pos == "ADJ" or tokens[i].text in (",", "и")):
            if tokens[i].pos == "ADJ":
                adjectives.append(tokens[i].lemma)
            i -= 1
        places = [place for lemma in reversed(adjectives)
                  if (place := adjective_place(ctx, lemma, head=True)) is not None]
        others = [p for p in places if not same_place(p[0], delegation.origin)
                  and not lies_within(ctx, delegation.origin, delegation.origin_entity, p[0])]
        if len(places) >= 2 and others and any(tokens[u].text in (",", "и")
                                                for u in range(i + 1, t)):
            yield t, others


def _list_siblings(ctx: Context, index: int, t: int,
                   places: list[tuple[int, Place | None]]) -> None:
    """The group of each place (or body: no place) the group word at ``t`` lists beside group
    ``index``'s origin, made where there is none."""
    siblings = []
    for other, place in places:
        sibling = next((i for i, d in enumerate(ctx.delegations)
                        if ctx.entity(other) in (d.origin_entity, *d.also_from)), None)
        if sibling is None and place is not None and place.kind == "country":
            # «гости из Перу и Колумбии» beside «представители колумбийской компании X»: the
            # country's group the text names more specifically
            sibling = next((i for i, d in enumerate(ctx.delegations) if i != index
                            and _country_code(ctx, d) == place.country), None)
        if sibling is None:
            sibling = _listed_group(ctx, ctx.doc.entities[ctx.entity(other)].normal, "strong",
                                    ctx.entity(other), ctx.doc.mentions[other].sent_id)
        siblings.append(sibling)
    _join_listed(ctx, index, t, siblings)


def _listed_places(ctx: Context, delegation: Delegation
                   ) -> Iterator[tuple[int, list[tuple[int, Place | None]]]]:
    """Each plural word of the group that lists places besides its origin, with the places
    it lists (mention, gazetteer place): «делегации Китая, Турции и Вьетнама». Bodies listed
    are one group's («делегации предприятий X и Y»): no places."""
    for t in delegation.ref_tokens:
        kinds = places_after_kind(ctx, t) or _places_listed_after(ctx, t)
        if kinds and delegation.origin_entity == ctx.entity(kinds[0]):
            yield t, [(other, mention_place(ctx, other)) for other in kinds[1:]]
            continue
        # (a second place joined to the word itself says it is plural, however it is tagged)
        told = _origin_told_in(ctx, delegation, ctx.doc.tokens[t].sent_id) \
            if _listing_word(ctx, t) or _places_joined_to_word(ctx, t) else None
        if told is not None:
            listed = _places_listed_in_genitive(ctx, t)
            others = coordinated_origins(ctx, told) + [
                other for other in _places_joined_to_word(ctx, t) if other != told] + (
                listed[1:] if listed and listed[0] == told else [])
            # (a place the gazetteer lacks too, joined by its own descriptor or in the case
            # of the origin: «делегации губернии Финнмарк и провинции Лапландия»)
            yield t, [(other, place) for other in dict.fromkeys(others)
                      if ctx.mention_type(other) == "LOC"
                      and ((place := mention_place(ctx, other)) is not None
                           or _own_place_name(ctx, other, told))]


def _own_place_name(ctx: Context, other: int, origin: int) -> bool:
    """Is a place the gazetteer lacks, listed beside a group's origin, a place's name of its
    own: capitalised, after a place descriptor or in the origin's genitive («делегации
    Финнмарка и Лапландии»)?"""
    tokens = ctx.doc.tokens
    first, own = ctx.first(other), ctx.first(origin)
    if not tokens[first].text[:1].isupper():
        return False
    # (the tagger reads a foreign name joined to a genitive as it likes: «делегации Асуана,
    # Куритибы и Дурбана»; a genitive reading of the word will do)
    return (first > 0 and tokens[first - 1].lemma in ctx.vocab.place_descriptors) \
        or (case_of(tokens[own]) == "Gen" and (
            case_of(tokens[first]) == "Gen"
            or (tokens[first].rel == "conj" and "Gen" in dictionary_cases(
                tokens[first].text.lower(), ud=True))))


def _places_listed_after(ctx: Context, t: int, every: bool = False) -> list[int]:
    """«четыре делегации: из Иссык-Кульской области Кыргызстана, Республики Татарстан и
    города Муданьцзян (провинция Хэйлунцзян)»: after a dash or colon
    (``_dashed_list_start``), the first place of each item the commas and «и» divide, read
    word by word (the parse hangs them loosely); with ``every``, each place the list names
    (the wider ones too: all are origins, none a site)."""
    start = _dashed_list_start(ctx, t)
    return [] if start is None else _list_items(ctx, t, start, every)


def _places_listed_in_genitive(ctx: Context, t: int) -> list[int]:
    """«Делегации индийского штата Махараштра, Малайзии, вьетнамской провинции Хайзыонг и …
    приняли участие»: the places a plural group word lists right after it (or after «из») in
    the genitive,
    read item by item as ``_places_listed_after`` reads them (the parse hangs a long list
    anywhere); two at least, places and bodies («делегации иранской провинции Гилян,
    туркменской компании «X» и Республики Дагестан»: each item a group's home)."""
    tokens = ctx.doc.tokens
    start = t + 1
    if start < len(tokens) and tokens[start].lemma == "из":
        start += 1  # «делегации из Брестской области, провинции Шаньдун и Абхазии»
    if start >= len(tokens) or "Case=Gen" not in tokens[start].feats:
        return []
    places = _list_items(ctx, t, start, False)
    return places if any(ctx.mention_type(i) == "LOC" for i in places) else []


def _list_items(ctx: Context, t: int, start: int, every: bool) -> list[int]:
    """The first place (or body) of each item of a list from ``start`` in the sentence of the
    group word at ``t``, the items divided by commas and «и», up to a dash, a colon, a finite
    verb or the end of the item after «и»; with ``every``, each place the list names."""
    tokens = ctx.doc.tokens
    places: list[int] = []
    named: list[int] = []
    item_open, depth, last_item = True, 0, False
    for i in range(start, ctx.doc.sentences[tokens[t].sent_id].last_token):
        depth += (tokens[i].text == "(") - (tokens[i].text == ")")
        if not depth and (tokens[i].text in DASHES or tokens[i].text in (";", ":")
                          or is_finite_verb(tokens[i])
                          or (tokens[i].text == "," and last_item and not item_open)):
            break  # (the item after «и» closes the list: «…, Узбекистана и Белоруссии,
            # сообщили в министерстве …»)
        if not depth and (tokens[i].text == "," or tokens[i].lemma == "и"):
            item_open = True
            last_item = last_item or tokens[i].lemma == "и"
            continue
        index = ctx.mention_at.get(i)
        if index is None or ctx.first(index) != i:
            continue
        if ctx.mention_type(index) == "LOC":
            named.append(index)
        if item_open and not depth:
            if ctx.mention_type(index) not in ("LOC", "ORG"):
                return []  # (a list of people: not the groups' homes)
            places.append(index)  # («… и группа специалистов компании «X»»: a body's group)
            item_open = False
    if len(places) < 2:
        return []
    return named if every else places


def _places_joined_to_word(ctx: Context, t: int) -> list[int]:
    """The places in the genitive the parse joined to the plural group word itself rather
    than to its first place («делегации Минской области Республики Беларусь и Чуйской
    области Кыргызстана»: the second «области» a conjunct of «делегации»)."""
    tokens = ctx.doc.tokens
    found: list[int] = []
    frontier = [c for c in ctx.children.get(t, []) if tokens[c].rel == "conj" and c > t]
    seen: set[int] = set()
    while frontier:  # «…, провинции Сычуань, города Дананг и Республики Башкортостан»
        c = frontier.pop(0)
        # (a genitive the tagger may read in another oblique case: «области»; not a subject
        # joined to the group word: «делегации X и Нижегородская область подписали …»)
        if c in seen or "Case=Nom" in tokens[c].feats or "Case=Acc" in tokens[c].feats:
            continue
        seen.add(c)
        # the descriptor's name in apposition («провинции | Сычуань»)
        named = c if c in ctx.mention_at else next(
            (a for a in ctx.children.get(c, []) if tokens[a].rel in ("appos", "flat:name")
             and a in ctx.mention_at), None)
        if named is None or ctx.mention_type(ctx.mention_at[named]) != "LOC":
            continue
        found.append(ctx.mention_at[named])
        frontier += [j for u in (c, named) for j in ctx.children.get(u, [])
                     if tokens[j].rel == "conj"]
    return list(dict.fromkeys(found))


def _listed_bodies(ctx: Context, delegation: Delegation
                   ) -> Iterator[tuple[int, list[tuple[int, None]]]]:
    """«Делегации компании «A» и университета «B» посетили …»: the bodies a plural group word
    lists, each named after a word of its own in the singular, send a group each (not
    «делегации предприятий X и Y»: one word for them all, one group's bodies)."""
    tokens = ctx.doc.tokens
    for t in delegation.ref_tokens:
        if tokens[t].lemma not in ctx.vocab.delegation_heads or not _listing_word(ctx, t):
            continue
        told = _origin_told_in(ctx, delegation, tokens[t].sent_id)
        if told is None or ctx.mention_type(told) != "ORG" or _word_before_name(ctx, told) in (
                None, "Number=Plur"):
            continue
        bodies = [(other, None) for other in _quoted_names_listed_after(ctx, told)]
        if bodies:
            yield t, bodies


def _word_before_name(ctx: Context, index: int) -> str | None:
    """The number of the noun right before a quoted organisation's name («компании «A»»:
    ``Number=Sing``), "" where the name has no noun before it; None where it is not quoted."""
    tokens = ctx.doc.tokens
    first = ctx.first(index)  # the opening quote, in the mention
    if tokens[first].text != QUOTE_OPEN:
        return None
    word = tokens[first - 1] if first > 0 else None
    if word is None or word.pos != "NOUN" or first - 1 in ctx.mention_at:
        return ""
    return "Number=Plur" if "Number=Plur" in word.feats else "Number=Sing"


def _quoted_names_listed_after(ctx: Context, index: int) -> list[int]:
    """The organisations named in quotes after the quoted name ``index``, each after «и» or
    a comma and, at most, a noun of its own in the singular («компании «A» и университета
    «B»», «… «A», «B» и «C»»), read word by word: the parse often joins them elsewhere."""
    tokens = ctx.doc.tokens
    found: list[int] = []
    t = ctx.last(index)  # the closing quote, in the mention
    while t + 2 < len(tokens) and tokens[t].text == QUOTE_CLOSE \
            and tokens[t + 1].text in (",", "и"):
        t += 2
        if tokens[t].pos == "NOUN" and t not in ctx.mention_at \
                and "Number=Plur" not in tokens[t].feats:
            t += 1
        other = ctx.mention_at.get(t)
        if other is None or ctx.mention_type(other) != "ORG" or ctx.first(other) != t \
                or tokens[t].text != QUOTE_OPEN:
            break
        found.append(other)
        t = ctx.last(other)
    return found


def _listing_word(ctx: Context, t: int) -> bool:
    """A group word in the plural that is the clause's subject or object («Делегации …
    посетили», «принял делегации …»; people of several places, «инвесторы из Кореи и Китая»),
    not «главы делегаций X и Y» (their heads)."""
    token = ctx.doc.tokens[t]
    if _dashed_list(ctx, t) or places_after_kind(ctx, t):
        return True
    people = (token.lemma in ctx.vocab.delegation_groups
              or token.lemma in ctx.vocab.words("guest_nouns")) \
        and "Number=Plur" in token.feats \
        and (_from_phrase(ctx, token) or _places_of_people(ctx, t))
    # «посетили инвесторы из Кореи и Китая», «представители Германии и Турции», «Гости из Перу
    # и Колумбии осмотрели»
    if not people and (token.lemma not in ctx.vocab.delegation_heads
                       or not plural_group_word(ctx, t)):
        return False
    return token.rel in ("nsubj", "obj", "nsubj:pass") or token.head_id < 0 \
        or after_among_them(ctx, t) or _plural_subject_misread(ctx, t) \
        or _members_of_the_groups(ctx, t)


def _members_of_the_groups(ctx: Context, t: int) -> bool:
    """«Члены делегаций Беларуси и Казахстана приехали в Омск», «прошли представители
    делегаций X и Y»: the groups' members or people, the clause's subject or object, travel
    as the groups do (not «главы делегаций»: their heads)."""
    tokens = ctx.doc.tokens
    head = tokens[t].head_id
    return tokens[t].rel == "nmod" and head >= 0 \
        and (tokens[head].lemma in ctx.vocab.words("member_nouns")
             or tokens[head].lemma in ctx.vocab.delegation_groups) \
        and tokens[head].rel in ("nsubj", "obj", "nsubj:pass")


def _places_of_people(ctx: Context, t: int) -> bool:
    """Does a plural word for people have places of the gazetteer in the genitive, two or
    more joined by «и» or commas («представители Финляндии, Германии и Турции»)?"""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(t, []):
        index = ctx.mention_at.get(child)
        if index is not None and tokens[child].rel == "nmod" and ctx.mention_type(index) == "LOC" \
                and "Case=Gen" in tokens[child].feats and mention_place(ctx, index) is not None:
            return any(mention_place(ctx, other) is not None
                       for other in coordinated_origins(ctx, index))
    return False


def _dashed_list(ctx: Context, t: int) -> bool:
    """«две уральские делегации — Свердловской области и Екатеринбурга —», «две делегации — из
    Армении и из Туркменистана», «четыре делегации: из X, Y и Z»: a group word not in the
    nominative singular, a dash or a colon and places in the genitive: the list is of the
    groups, wherever the parse hung the word."""
    return _dashed_list_start(ctx, t) is not None


def _dashed_list_start(ctx: Context, t: int) -> int | None:
    """The first word of the places ``_dashed_list`` finds after the group word at ``t``."""
    tokens = ctx.doc.tokens
    after = t + 1
    if after + 1 < len(tokens) and tokens[after].lemma == "из" \
            and (country := ctx.mention_at.get(after + 1)) is not None \
            and ctx.first(country) == after + 1 and _a_country(ctx.doc.mentions[country].normal):
        after = ctx.last(country) + 1  # «две делегации из Китая — из Сучжоу и из Шэньчжэня»
    if tokens[t].lemma not in ctx.vocab.delegation_heads \
            or {"Case=Nom", "Number=Sing"} <= set(tokens[t].feats.split("|")) \
            or after + 1 >= len(tokens) or tokens[after].text not in (*DASHES, ":"):
        return None
    start = after + 1
    if start + 2 < len(tokens) and tokens[start].pos == "ADJ" and tokens[start].text.islower() \
            and tokens[start + 1].lemma in ORIGIN_PREPOSITIONS:
        start += 1  # «четыре делегации — вьетнамская из провинции X, индийская из штата Y»
    if tokens[start].lemma in ORIGIN_PREPOSITIONS:  # («делегация — из провинции X —»: one's)
        if start + 1 >= len(tokens) or not ("Number=Plur" in tokens[t].feats
                                            or _counted(ctx, tokens[t])):
            return None
        start += 1
    # (an adjective's case may be read wrong, «бахрейнской компании»: its noun's decides)
    noun = start
    while noun + 1 < len(tokens) and tokens[noun].pos == "ADJ" and noun - start < 3:
        noun += 1
    return start if "Case=Gen" in tokens[noun].feats else None


def places_after_kind(ctx: Context, t: int) -> list[int]:
    """«делегации двух городов-побратимов Бобруйска — болгарского Севлиево и казахстанского
    Усть-Каменогорска», «делегации трёх стран: X, Y и Z»: a plural (or counted) group word, a
    noun of ``listed_place_kinds`` in the genitive plural (counted or not; the place whose
    twins they are may follow it), a dash or a colon, then places joined by «и» or commas
    (each may have its adjective and its country in brackets): the groups' places, in order.
    The kind word says they are places, known to the gazetteer or not."""
    tokens = ctx.doc.tokens
    token = tokens[t]
    if token.lemma not in ctx.vocab.delegation_heads \
            or not ("Number=Plur" in token.feats or _counted(ctx, token)):
        return []
    end = ctx.doc.sentences[token.sent_id].last_token
    k = t + 1
    if k < end and tokens[k].pos == "NUM":
        k += 1
    if k >= end or tokens[k].lemma not in ctx.vocab.words("listed_place_kinds") \
            or not {"Case=Gen", "Number=Plur"} <= set(tokens[k].feats.split("|")):
        return []
    k += 1
    twin = ctx.mention_at.get(k)
    if twin is not None and ctx.mention_type(twin) == "LOC" and (
            "Case=Gen" in tokens[k].feats or "Case=Gen" in tokens[ctx.last(twin)].feats):
        # («стран Азиатско-Тихоокеанского региона —»: the tagger may give the adjective no
        # case; its noun's decides)
        k = ctx.last(twin) + 1
    if k >= end or tokens[k].text not in (*DASHES, ":"):
        return []
    places: list[int] = []
    depth = 0
    for i in range(k + 1, end):
        text = tokens[i].text
        depth += (text == "(") - (text == ")")
        if depth or text in "()," or tokens[i].lemma == "и" or (
                i not in ctx.mention_at and tokens[i].pos == "ADJ"):
            continue
        index = ctx.mention_at.get(i)
        if index is None or ctx.mention_type(index) != "LOC":
            break
        if ctx.first(index) == i:
            places.append(index)
    return places if len(places) >= 2 else []


def _origin_told_in(ctx: Context, delegation: Delegation, sent_id: int) -> int | None:
    """The mention of the group's origin in the listing sentence."""
    for index in sorted(ctx.origin_mentions):
        if ctx.entity(index) == delegation.origin_entity \
                and ctx.doc.mentions[index].sent_id == sent_id:
            return index
    return None


def _join_town_groups(ctx: Context) -> None:
    """«Глава Перми … побывал в Китае. … пермская делегация посетила …»: a group named only
    by an adjective that is its region's and also a town's is the group of that town of the
    region the text names too (the town's official's trip)."""
    tokens = ctx.doc.tokens
    joined: dict[int, int] = {}  # a region's adjective group → the town's group
    for j, group in enumerate(ctx.delegations):
        region = gazetteer().lookup(group.origin) if group.origin else None
        if region is None or region.kind == "city" or group.origin_entity is not None:
            continue
        stems = {town for t in group.ref_tokens for a in _adjectives(ctx, tokens[t])
                 if a.lemma in region.adjectives for town in adjective_towns(a.lemma)}
        # the groups of the region's towns, or of a town the adjective names by one of its
        # names («актюбинский»: Актобе, once Актюбинск, which the gazetteer puts in no region)
        towns: dict[int, Place] = {}
        for i, other in enumerate(ctx.delegations):
            town = gazetteer().lookup(other.origin) if i != j and other.origin else None
            if town is not None and town.kind == "city" and (town.region == region.canonical or (
                    not town.region and set(town.aliases) & stems)):
                towns[i] = town
        target = next((i for i, town in towns.items()
                       if {fold(town.canonical), *town.aliases} & stems), None)
        if target is not None:  # a town's group (a city origin) is never joined itself
            joined[j] = target
    _join_groups_into(ctx, joined)


def _join_groups_into(ctx: Context, joined: dict[int, int]) -> None:
    """Join each group ``joined`` maps to another into it (its words follow)."""
    for j, target in joined.items():
        ctx.delegations[target].ref_tokens.extend(ctx.delegations[j].ref_tokens)
    _keep_groups(ctx, {j: joined.get(j, j) for j in range(len(ctx.delegations))})


def _join_body_adjective_groups(ctx: Context) -> None:
    """«белорусская делегация Брестского облисполкома … члены брестской делегации»: a group
    a place's adjective names (its origin that place, not a body) is the one group whose
    origin is a body named with that adjective first."""
    tokens = ctx.doc.tokens
    joined: dict[int, int] = {}
    for j, group in enumerate(ctx.delegations):
        if not group.origin or _body_entity(ctx, group.origin_entity) or not group.ref_tokens:
            continue
        # (the adjectives that name the group's own place: «брестской» of a group from Брест)
        home = gazetteer().lookup(group.origin)
        lemmas = {a.lemma for t in group.ref_tokens for a in _adjectives(ctx, tokens[t])
                  if home is not None and gazetteer_adjective(a.lemma) == home}
        bodies = [i for i, other in enumerate(ctx.delegations)
                  if i != j and other.origin and _body_entity(ctx, other.origin_entity)
                  and fold(other.origin).split()[0] in lemmas]
        if len(bodies) == 1:
            joined[j] = bodies[0]
    if joined:
        _join_groups_into(ctx, joined)


def _join_listed_town_bodies(ctx: Context) -> None:
    """«приехали три делегации: из Харбина, Ханоя и Еревана … Делегацию Ханойского
    института точной механики возглавила …», «делегации из Гродно, … Делегацию Гродненской
    области возглавил …»: a group a list made of a town is the one group whose origin is a
    body named with the town's adjective first, or the town's region; that group takes the
    list's place and the town as an origin too."""
    joined: dict[int, int] = {}
    for j, group in enumerate(ctx.delegations):
        listed = group.only_listed or bool(group.listed_with)
        home = gazetteer().lookup(group.origin) if listed and group.origin else None
        if home is None or home.kind != "city" or _town_told_again(ctx, group):
            continue  # («Делегацию города Шэньчжэнь возглавила …»: the town's own group)
        bodies = [i for i, other in enumerate(ctx.delegations)
                  if i != j and not other.only_listed and not other.listed_with
                  and other.origin and (
                      (_body_entity(ctx, other.origin_entity)
                       and gazetteer_adjective(fold(other.origin).split()[0]) == home)
                      or (home.region and other.origin == home.region))
                  and not _only_to_come(ctx, other)]
        if len(bodies) != 1:
            continue
        body = ctx.delegations[bodies[0]]
        body.listed_with = [i for i in (*body.listed_with, *group.listed_with) if i != bodies[0]]
        body.listed_in |= group.listed_in
        if group.origin_entity is not None:
            body.also_from.append(group.origin_entity)
        for other in ctx.delegations:  # (the list's other groups list the body's now)
            other.listed_with = [bodies[0] if i == j else i for i in other.listed_with]
        joined[j] = bodies[0]
    if joined:
        _join_groups_into(ctx, joined)


def _only_to_come(ctx: Context, group: Delegation) -> bool:
    """Is every word of the group the subject of a trip still to come («В декабре Москву
    посетит делегация провинции Гуандун»): a trip of its own, after the groups that came?"""
    verbs = [ctx.verb_over(t, steps=2) for t in group.ref_tokens]
    return bool(verbs) and all(verb is not None and _planned_trip(ctx, verb) for verb in verbs)


def _planned_trip(ctx: Context, verb: int) -> bool:
    """Is the verb's trip still to come: planned, or a verb of planning itself («планирует
    посетить делегация …» hangs the group on «планирует»)?"""
    return ctx.planned(verb) or ctx.doc.tokens[verb].lemma in ctx.vocab.plan_words


def _town_told_again(ctx: Context, group: Delegation) -> bool:
    """Does the text name the group's town again, outside the sentences that list it, as a
    group word's own («Делегацию города Шэньчжэнь возглавила …»; not «гостям из Ханоя»)?"""
    tokens = ctx.doc.tokens
    listing = {s for d in ctx.delegations for s in d.listed_in} \
        | {tokens[t].sent_id for t in group.ref_tokens[:1]}
    for i in range(len(ctx.doc.mentions)):
        root = ctx.mention_root(i)
        if ctx.entity(i) != group.origin_entity or root is None \
                or tokens[root].sent_id in listing:
            continue
        head = tokens[root].head_id
        for _ in range(2):  # the town's noun or its descriptor's («Делегацию города X»)
            if head < 0:
                break
            if compound_head(tokens[head].lemma) in ctx.vocab.delegation_heads \
                    and "Number=Sing" in tokens[head].feats:
                return True
            head = tokens[head].head_id
    return False


def _join_headline_town_group(ctx: Context) -> None:
    """«Гости из Тулы побывали в Калужской области» (a headline), «Делегация Тульской области
    … посетила …» (the text): a group the headline alone names by a town is the text's group
    from the town's region (the town one of the places it comes from)."""
    if len(ctx.delegations) < 2:
        return
    into = {i: i for i in range(len(ctx.delegations))}
    for i, group in enumerate(ctx.delegations):
        town = gazetteer().lookup(group.origin) if group.origin else None
        if town is None or town.kind != "city" or not town.region or not group.ref_tokens \
                or any(ctx.doc.tokens[t].sent_id != 0 for t in group.ref_tokens):
            continue
        regions = [j for j, other in enumerate(ctx.delegations) if j != i and other.origin
                   and (place := gazetteer().lookup(other.origin)) is not None
                   and place.canonical == town.region]
        if len(regions) == 1:
            into[i] = regions[0]
            ctx.delegations[regions[0]].ref_tokens.extend(group.ref_tokens)
            if group.origin_entity is not None:
                ctx.delegations[regions[0]].also_from.append(group.origin_entity)
    if any(i != j for i, j in into.items()):
        _keep_groups(ctx, into)


def _at_another_time(ctx: Context, group: Delegation) -> bool:
    """Is every word for the group told at another time than the news («Ранее …», «в 2022
    году здесь побывала делегация X»)?"""
    return bool(group.ref_tokens) and all(_told_at_another_time(ctx, t)
                                          for t in group.ref_tokens)


def _told_at_another_time(ctx: Context, t: int) -> bool:
    """Is the word's clause, or its sentence up to it, set at another time (``another_time``:
    «В 2022 году здесь побывала делегация X», «Ранее делегация X посетила …»)?"""
    start = ctx.doc.sentences[ctx.doc.tokens[t].sent_id].first_token
    return ctx.clause_at_another_time(t) or ctx.another_time(range(start, t))


def _join_country_groups(ctx: Context) -> None:
    """«Казахстанская делегация …» (a headline), «… посетили представители акимата
    Карагандинской области Казахстана» (the text): a group from a country the text names by
    an adjective or inside another name is the one group the text names from a place or body
    of that country (its origin is the most specific one stated). Not where two groups come
    from places of that country, nor a group of a country named as such («делегации России»),
    whose members may come from its regions."""
    into = {i: i for i in range(len(ctx.delegations))}
    for i, group in enumerate(ctx.delegations):
        # («Уфа принимает гостей из Кореи»: a headline's group of a country named as such)
        headline = bool(group.ref_tokens) and group.origin_sent == 0 \
            and ctx.doc.tokens[min(group.ref_tokens)].sent_id == 0 and a_headline(ctx) \
            and (place := gazetteer().lookup(group.origin or "")) is not None \
            and place.kind == "country"
        # «гости из Японии», «три делегации — из Турции, Беларуси и Китая»: a group never
        # called a delegation of its own, or only listed, may be one named more specifically
        loose = group.only_listed or not any(
            ctx.doc.tokens[t].lemma in ctx.vocab.delegation_heads for t in group.ref_tokens)
        if not group.origin or (group.origin_entity is not None and not loose
                                and group.origin_kind != "country" and not headline):
            # (not «делегации России …, в её составе руководители Омской области»; a group
            # named by the country's adjective may be, though the text names the country)
            continue
        # (a country named as such holds the groups of its places: not joined to them)
        named_as_such = group.origin_entity is not None and group.origin_kind != "country" \
            and not loose
        within = [j for j, other in enumerate(ctx.delegations) if j != i and other.origin
                  and not named_as_such and not other.another
                  and lies_within(ctx, other.origin, other.origin_entity, group.origin)]
        country = gazetteer().lookup(group.origin)
        # (the groups beside the other one come from another country, as the gazetteer knows)
        others = [j for j in range(len(ctx.delegations)) if j != i and not (
            country is not None and _outside(ctx, ctx.delegations[j], country.country))]
        if not within and len(others) == 1 \
                and (group.origin_kind == "country" or headline) and group.origin_sent == 0:
            # «Корейские инвесторы вернули визит» (a headline), «Делегация провинции Кёнгидо
            # …»: the headline's country group is the text's one other group, from a place
            # the gazetteer cannot put in any country
            other = others[0]
            home = _origin_place(ctx, ctx.delegations[other].origin,
                                 ctx.delegations[other].origin_entity)
            # (not a district the gazetteer lacks, named the Russian way: «Кедровского района»)
            heads = ctx.vocab.words("region_heads") | ctx.vocab.words("district_words")
            russian = any(fold(word) in heads
                          for word in ctx.delegations[other].origin.split()[1:])
            # (a place's group: not a body's, «СКУИТ принимал делегацию …» of a host)
            place = (entity := ctx.delegations[other].origin_entity) is None \
                or ctx.doc.entities[entity].type == "LOC"
            within = [other] if ctx.delegations[other].origin and home is None \
                and not russian and (place or not named_as_such) else []
        if len(within) != 1 or into[within[0]] != within[0] or _at_another_time(
                ctx, group) != _at_another_time(ctx, ctx.delegations[within[0]]) \
                or _only_to_come(ctx, ctx.delegations[within[0]]) != _only_to_come(ctx, group):
            continue  # («в 2022 году здесь побывала делегация Аджарии»: an earlier group;
            # «Делегации Басры в мае предстоит поездка …» after Iraq's came: a later one)
        into[i] = within[0]
        ctx.delegations[within[0]].ref_tokens.extend(group.ref_tokens)
    if any(i != j for i, j in into.items()):
        _keep_groups(ctx, into)


def a_headline(ctx: Context) -> bool:
    """Is the text's first sentence a line of its own (a headline)?"""
    first = ctx.sentence(0)
    end = ctx.doc.tokens[first.stop - 1].end
    return "\n" in ctx.doc.text[end:end + 3]


def _join_abbreviated_groups(ctx: Context) -> None:
    """«Делегация РБ во главе с … правительства Башкортостана»: a group whose origin is an
    abbreviation is the one group of the text whose origin's words it abbreviates
    («Республика Башкортостан»), whatever else the letters stand for."""
    into = {i: i for i in range(len(ctx.delegations))}
    for i, group in enumerate(ctx.delegations):
        if not ABBREVIATED_ORIGIN.fullmatch(group.origin or ""):
            continue
        full = [j for j, other in enumerate(ctx.delegations) if j != i and other.origin
                and " " in other.origin and initials(other.origin) == group.origin]
        if len(full) == 1 and into[full[0]] == full[0]:
            into[i] = full[0]
            ctx.delegations[full[0]].ref_tokens.extend(group.ref_tokens)
    if any(i != j for i, j in into.items()):
        _keep_groups(ctx, into)


def _demonym_refs(ctx: Context) -> None:
    """«Омичи приняли участие в форуме»: the people of a place by their plural name
    (``place_demonyms``) refer to the one group from that place, from the region that holds
    it or from a town of it; where the text names no such group, they are the hosts."""
    demonyms = ctx.vocab.mapping("place_demonyms")
    for token in ctx.doc.tokens:
        named = demonyms.get(token.lemma) or demonyms.get(token.text.lower())
        if ctx.ref_at(token.token_id) is not None and named is None:
            continue
        if named is None:
            # «Джалал-абадцы стали участниками форума»: a name the list lacks, read off the
            # place's adjective
            if _townspeople_plural(token) and ctx.mention(token.token_id) is None \
                    and (index := _group_of_townspeople(ctx, token.lemma)) is not None:
                ctx.delegations[index].ref_tokens.append(token.token_id)
                ctx.refs.append(Ref(token.token_id, token.sent_id, index,
                                    "rule:delegation.demonym"))
            continue
        # (a plural form the list writes, though the tagger read a singular: «Гомельчане»)
        written = token.text.lower()
        plural = written in demonyms and written != token.lemma
        if "Number=Plur" not in token.feats and not plural:
            continue
        place = gazetteer().lookup(named)
        groups = [i for i, group in enumerate(ctx.delegations)
                  if place is not None and any(_one_place_holds_the_other(place, home)
                                               for home in _group_places(ctx, group))]
        if len(groups) > 1:
            # «казанцы» beside the groups of Kazan and of Tatarstan: the town's own
            groups = [i for i in groups if any(home == place for home in
                                               _group_places(ctx, ctx.delegations[i]))]
        if not groups and place is not None and ctx.delegations \
                and ctx.ref_at(token.token_id) is None and _arrival_subject_now(ctx, token):
            # «Томичи — двенадцать студентов — приехали во главе с проректором» beside other
            # groups: the people of the place came as a group of their own
            groups = [new_delegation(ctx, place.canonical, "strong", None, token.sent_id)]
        if len(groups) == 1 and (known := ctx.ref_at(token.token_id)) is None:
            ctx.delegations[groups[0]].ref_tokens.append(token.token_id)
            ctx.refs.append(Ref(token.token_id, token.sent_id, groups[0],
                                "rule:delegation.demonym"))
        elif len(groups) == 1 and known.delegation != groups[0]:
            # («Ташкентцы» read before the list's groups were made: the town's own)
            _move_ref(ctx, known, groups[0])


def _arrival_subject_now(ctx: Context, token: Token) -> bool:
    """Is the word the subject of an arrival verb of the text's time («Томичи приехали …»,
    not «томичи приедут»)?"""
    verb = token.head_id
    return token.rel == "nsubj" and verb >= 0 \
        and ctx.doc.tokens[verb].lemma in ctx.vocab.words("arrival_verbs") \
        and past_finite_verb(ctx.doc.tokens[verb]) and not ctx.planned(verb)


#: the plural endings of a people's noun in «-ец» («джалал-абадцы», «-цев», «-цам»)
TOWNSPEOPLE_PLURAL_ENDINGS = ("цы", "цев", "цам", "цами", "цах")


def _townspeople_plural(token: Token) -> bool:
    """Is the word a people's noun in the plural («Джалал-абадцы»)? Read off its ending too:
    the tagger takes a name it does not know for a singular proper noun."""
    return token.pos in ("NOUN", "PROPN") and token.lemma.endswith("ец") and (
        "Number=Plur" in token.feats or token.text.lower().endswith(TOWNSPEOPLE_PLURAL_ENDINGS))


def _one_place_holds_the_other(one: Place, other: Place) -> bool:
    """The same place, or a town and the region it is in (either way round); a foreign
    town the gazetteer puts in no region is in the region named after it («Гомель»,
    «Гомельская область»)."""
    return one == other or bool(one.region and one.region == other.canonical) \
        or bool(other.region and other.region == one.canonical) \
        or _region_named_after(one, other) or _region_named_after(other, one)


def _region_named_after(town: Place, region: Place) -> bool:
    """Is the region named by the adjective of a town of its country the gazetteer puts in no
    region or in that one («Гомельская область» of «Гомель»)?"""
    return town.kind == "city" \
        and (not town.region or fold(town.region) == fold(region.canonical)) \
        and region.kind in ("region", "federal subject") \
        and town.country == region.country and (any(
            fold(region.canonical).startswith(adjective[:-2]) for adjective in town.adjectives
            if len(adjective) > 4) or any(  # «Ошская область» of «Ош»: the region's adjective
            adjective == fold(town.canonical) + "ский" for adjective in region.adjectives))


def _join_macro_region_group(ctx: Context) -> None:
    """«Уральские промышленники побывали в СЭЗ …» (a headline), «Делегация Свердловской
    области …» (the text): a group named by a part of Russia no federal subject is
    (``region`` in the gazetteer: Урал, Сибирь, Поволжье) is the text's one group from a
    Russian federal subject or town, where it names one only."""
    if len(ctx.delegations) < 2:
        return
    places = [gazetteer().lookup(group.origin) if group.origin else None
              for group in ctx.delegations]
    russian = [i for i, place in enumerate(places) if place is not None
               and place.country == HOME_COUNTRY and place.kind in ("federal subject", "city")]
    if len(russian) != 1:
        return
    into = {i: i for i in range(len(ctx.delegations))}
    for i, place in enumerate(places):
        if place is not None and place.kind == "region" and place.country == HOME_COUNTRY:
            into[i] = russian[0]
            ctx.delegations[russian[0]].ref_tokens.extend(ctx.delegations[i].ref_tokens)
    if any(i != j for i, j in into.items()):
        _keep_groups(ctx, into)


def _keep_groups(ctx: Context, into: dict[int, int]) -> None:
    """Keep the groups ``into`` maps to themselves and renumber them; a group it maps to
    another is joined to it (its references follow), one it leaves out is dropped with
    them."""
    kept = sorted(set(into.values()))
    index_of = {old: kept.index(target) for old, target in into.items()}
    ctx.delegations[:] = [ctx.delegations[i] for i in kept]
    ctx.refs[:] = [Ref(r.token, r.sent_id, index_of[r.delegation], r.source)
                   for r in ctx.refs if r.delegation in index_of]
    for own, group in enumerate(ctx.delegations):  # (groups listed as the text went)
        group.listed_with = list(dict.fromkeys(
            index_of[i] for i in group.listed_with if i in index_of and index_of[i] != own))


def _mayors_town(ctx: Context, delegation: Delegation) -> int | None:
    """«смоленская делегация во главе с мэром города X»: where a region's adjective gave the
    origin and the head's post is a town's, the region's town of that adjective the text
    names (Смоленск) is the origin; None where there is none."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    region = gazetteer().lookup(delegation.origin) if delegation.origin else None
    if region is None or region.kind == "city" or not region.adjectives:
        return None
    for ref_token in delegation.ref_tokens:
        if not any(a.lemma in region.adjectives for a in _adjectives(ctx, tokens[ref_token])):
            continue
        leader = _leader_after(ctx, ref_token)
        if leader is None or title_place(ctx, leader) is not None:
            continue
        t = ctx.first(leader) - 1
        town_word = t >= 0 and tokens[t].lemma in vocab.words("town_anaphors")
        t -= 1 if town_word else 0
        if t < 0 or not (tokens[t].lemma in vocab.words("town_head_posts")
                         or (town_word and tokens[t].lemma in vocab.words("town_word_posts"))):
            continue
        stems = {town for a in region.adjectives for town in adjective_towns(a)}
        towns = [e.entity_id for e in ctx.doc.entities if e.type == "LOC" and e.mention_ids
                 and fold(e.normal) in stems and (place := gazetteer().lookup(e.normal))
                 is not None and place.kind == "city" and place.region == region.canonical]
        if len(towns) == 1:
            return towns[0]
    return None


def _drop_host_groups(ctx: Context) -> None:
    """«Губернатор области находится с визитом в Турции … встречи с представителями турецких
    компаний»: a group named only by its country's adjective («турецких компаний»), where an
    official's trip goes to that country, is the hosts' side, not a visiting group."""
    tokens = ctx.doc.tokens
    visited: set[str] = set()
    for ref in ctx.refs:
        if ref.source != "rule:delegation.trip":
            continue
        for index in ctx.mentions_in(ctx.sentence(ref.sent_id)):
            first = ctx.first(index)
            place = mention_place(ctx, index) if ctx.mention_type(index) == "LOC" else None
            if place is not None and first > 0 and tokens[first - 1].lemma in ("в", "во"):
                visited.add(place.country)
    if not visited:
        return
    hosts = set()
    for i, delegation in enumerate(ctx.delegations):
        own = [r for r in ctx.refs if r.delegation == i]
        place = gazetteer().lookup(delegation.origin) if delegation.origin else None
        if own and all(r.source == "rule:delegation.group" for r in own) \
                and delegation.origin_kind == "country" and place is not None \
                and place.country in visited:
            hosts.add(i)
    if hosts:
        _keep_groups(ctx, {i: i for i in range(len(ctx.delegations)) if i not in hosts})


def lies_within(ctx: Context, origin: str, entity: int | None, country: str) -> bool:
    """Is ``origin`` a place or body of ``country`` more specific than it («Саппоро» for a
    «японская делегация»): the most specific origin the text states is the group's."""
    known = gazetteer().lookup(country)
    place = _origin_place(ctx, origin, entity)
    if known is not None and place is None and entity is not None \
            and 0 <= entity < len(ctx.doc.entities) and ctx.doc.entities[entity].type == "LOC":
        # «делегация федеральной земли Саксония (Германия)», «монгольские гости из аймака X»:
        # a place the gazetteer lacks, its country stated beside it
        return known in (_bracketed_country(ctx, entity), _country_adjective_before(ctx, entity))
    if known is None or place is None or known.kind != "country":
        return False
    if place is known:  # «делегация посольства КНР» after «китайская делегация»
        return entity is not None and ctx.doc.entities[entity].type == "ORG"
    return place.kind != "country" and place.country == known.country


def _places_nested(ctx: Context, origin: str, entity: int | None, other: str,
                   other_entity: int | None) -> bool:
    """Does one origin lie within the other: a place of a country, a city of a region?"""
    return lies_within(ctx, origin, entity, other) \
        or lies_within(ctx, other, other_entity, origin) \
        or same_place(_region_of_city(ctx, origin, entity), other) \
        or same_place(_region_of_city(ctx, other, other_entity), origin)


def _region_of_city(ctx: Context, origin: str, entity: int | None) -> str:
    """The region a city origin lies in («Уфа» → «Республика Башкортостан», «Харбин» →
    «Хэйлунцзян»), or ""."""
    place = _origin_place(ctx, origin, entity)
    return place.region if place is not None and place.kind == "city" and place.region else ""


def _country_adjective_of_body(ctx: Context, entity: int) -> Place | None:
    """The country (or foreign town or region) an adjective gives an organisation where the
    text names it («эмиратского фонда «Кедр Капитал»», «стамбульской компании «Ольха»»):
    before its name, past its quotes and generic head."""
    tokens = ctx.doc.tokens
    for index in ctx.doc.entities[entity].mention_ids:
        t = ctx.first(index) - 1
        t -= t >= 0 and tokens[t].text == QUOTE_OPEN
        t -= t >= 0 and tokens[t].lemma in ctx.vocab.org_heads
        if t >= 0 and (place := adjective_home(ctx, tokens[t])) is not None \
                and (place.kind == "country" or place.country != HOME_COUNTRY):
            return place  # (or a foreign town's or region's: «стамбульской компании «X»»)
    return None


def _place_adjective_in_name(ctx: Context, entity: int) -> Place | None:
    """The country or region an organisation's name opens with by its adjective («Китайской
    торговой палаты», «Египетская ассоциация …», «Гомельского облисполкома»)."""
    for index in ctx.doc.entities[entity].mention_ids:
        place = adjective_home(ctx, ctx.doc.tokens[ctx.first(index)])
        if place is not None:
            return place
    return None


def _origin_place(ctx: Context, origin: str, entity: int | None) -> Place | None:
    """The gazetteer's place of an origin: the place itself, or the one an organisation's
    name ends with."""
    if entity is not None and 0 <= entity < len(ctx.doc.entities) \
            and ctx.doc.entities[entity].type == "ORG":
        return name_place(ctx, origin) or _country_adjective_of_body(ctx, entity) \
            or _place_adjective_in_name(ctx, entity) \
            or _bracketed_country(ctx, entity, any_kind=True)  # «Университета X (Саппоро)»
    # «Автономный Край Воеводина»: a descriptor the gazetteer lacks before the name it knows
    return gazetteer().lookup(origin) or (name_place(ctx, origin) if " " in origin else None) \
        or _joined_region_place(ctx, entity)


def _joined_region_place(ctx: Context, entity: int | None) -> Place | None:
    """«провинции Хэйлунцзян и города Цзямусы»: a town the gazetteer lacks lies in the
    region it is named with as the group's origin (``_town_joined``)."""
    if entity is None:
        return None
    for index in sorted(ctx.origin_mentions):
        region = mention_place(ctx, index) if ctx.mention_type(index) == "LOC" else None
        if region is not None and region.kind != "country" \
                and (town := _town_joined(ctx, index)) != index and ctx.entity(town) == entity:
            return region
    return None


def _lone_delegate(ctx: Context, token: Token) -> bool:
    """«поговорить с делегатом из ЮАР»: one delegate (``single_delegate_words``, in the
    singular) where the text names no group word besides is a person, no group."""
    words = ctx.vocab.words("single_delegate_words")
    if token.lemma not in words or "Number=Plur" in token.feats:
        return False
    return not any(t.lemma in ctx.vocab.delegation_heads | ctx.vocab.delegation_references
                   and (t.lemma not in words or "Number=Plur" in t.feats)
                   for t in ctx.doc.tokens)


def _find_refs(ctx: Context) -> None:
    """Each word that refers to a visiting group, assigned to its delegation (words already
    assigned are left as they are)."""
    doc = ctx.doc
    known = {ref.token for ref in ctx.refs}
    for token in doc.tokens:
        if token.token_id in known:
            continue
        part = _group_part(ctx, token)
        if part is not None:  # «Делегация разделилась на две группы. Одна группа …»: its own
            known.add(token.token_id)
            ctx.delegations[part].ref_tokens.append(token.token_id)
            ctx.refs.append(Ref(token.token_id, token.sent_id, part, "rule:delegation.part"))
            continue
        side = _side_group(ctx, token)
        if side is not None:  # «Казахстанская сторона осмотрела завод»: that country's group
            known.add(token.token_id)
            ctx.delegations[side].ref_tokens.append(token.token_id)
            ctx.refs.append(Ref(token.token_id, token.sent_id, side, "rule:delegation.side"))
            continue
        kind = _ref_kind(ctx, token)
        if kind is None or _lone_delegate(ctx, token):
            continue
        if ctx.mention(token.token_id) is not None:
            # a name's word («Ассоциация … предпринимателей») is not a reference; the
            # entities stage drops names made of a group word («Делегация …»)
            continue
        if from_several_places(ctx, token):
            # «представители компаний из шести стран»: many origins, no one group (unless they
            # count the groups named: _words_for_every_group), but for those it names
            # («делегации из 10 стран, включая Кувейт, Иран и ЮАР»)
            included = _places_included(ctx, token)
            if included:
                index = new_delegation(ctx, *_origin_mention(ctx, included[0]), token.sent_id)
                known.add(token.token_id)
                ctx.delegations[index].ref_tokens.append(token.token_id)
                ctx.refs.append(Ref(token.token_id, token.sent_id, index, "rule:delegation.head"))
                _list_siblings(ctx, index, token.token_id,
                               [(other, mention_place(ctx, other)) for other in included[1:]])
            continue
        if _tally(ctx, token):
            continue  # «с начала года область посетили 11 делегаций»: a count, no group
        origin, origin_kind, origin_entity = token_origin(ctx, token, kind)
        if origin and (_counted(ctx, token) or "Number=Plur" in token.feats) \
                and _world_region(origin):
            # «принял две деловые миссии из Азии»: groups of several countries of a part of
            # the world, each told later by its own home; the part of the world is none's
            origin, origin_kind, origin_entity = "", "none", None
        within = _groups_of_one_country(ctx, token, origin) if origin else []
        if within:  # «обе иранские делегации» after two groups from Iran: those two
            known.add(token.token_id)
            ctx.delegations[within[0]].ref_tokens.append(token.token_id)
            ctx.refs.append(Ref(token.token_id, token.sent_id, within[0], ALL_GROUPS))
            continue
        if kind == "head" and not origin \
                and (represented := _represented(ctx, token.token_id)) is not None:
            # «Аймак Ховд представляет делегация во главе с X», «делегацию представила
            # Иордания»: the place it represents is where it comes from (now: a later group's
            # origin must not be taken for this one's)
            origin, origin_kind, origin_entity = _origin_mention(ctx, represented)
        if kind == "head" and not origin and _named_groups(ctx):
            # «… политех встречал делегацию во главе с Ахмедом Мансуром, заместителем
            # министра Египта»: beside groups named before, a group its head's title places
            origin, origin_kind, origin_entity = _leader_title_origin(ctx, token)
        if kind == "reference" and origin_kind == "strong" and _from_phrase(ctx, token):
            kind = "head"  # «гости из Алтайского края»: a group named by where it comes from
        elif kind == "reference" and not origin and not _leaving(ctx, token) \
                and (place := place_after(ctx, token.token_id, ("из",))) is not None:
            # «Гости из Тульской области посетили …» with «из X» hung on the verb
            origin, origin_kind, origin_entity = _origin_mention(ctx, place)
            kind = "head"
        if kind in ("head", "group") and not origin \
                and (fronted := _from_place_of_its_verb(ctx, token)) is not None:
            # «Из Курганской области в Китай отправилась делегация»: «из X» on the verb
            origin, origin_kind, origin_entity = _origin_mention(ctx, fronted)
        collective = _collective(ctx, token)
        if collective is not None:
            if collective.token_id in known or ctx.mention(collective.token_id) is not None:
                continue
            token = collective  # «группа китайских предпринимателей»: the group is the «группа»
            if not origin:  # «группа из 14 преподавателей университета «X»»: the group's own
                origin, origin_kind, origin_entity = token_origin(ctx, token, "head")
            kind = "head" if origin else kind  # (a group word naming its origin names a group)
        index = _home_group(ctx, token) if not origin else None
        if index is None and not origin:
            index = _level_group(ctx, token)  # «областная делегация» beside «городская»
        if index is None and not origin:
            index = _descriptor_group(ctx, token)  # «делегацию провинции» beside another
        if index is None and kind == "reference" and not origin:
            index = group_of_nationals(ctx, token.lemma)  # «индийцы»: the group from India
        if index is None and not origin:
            # «Гюмрийская делегация» after «делегация армянского города Гюмри»
            index = _group_of_unknown_adjective(ctx, token)
        if index is None and not origin and ctx.delegations and _another_group(ctx, token):
            # «Ещё одни гости — те, которых привёл X, — приехали в среду»: a group of its own
            index = new_delegation(ctx, "", "none", None, token.sent_id)
        if index is None and origin and ctx.delegations and _another_group(ctx, token) \
                and not any(same_place(d.origin, origin) for d in ctx.delegations):
            # «Третья группа — бизнесмены из Харбина — …» beside the province's group: a
            # group of its own, though its town lies in the other's province
            index = new_delegation(ctx, origin, origin_kind, origin_entity, token.sent_id)
        if index is None:
            index = _assign(ctx, kind, origin, origin_kind, origin_entity, token.sent_id,
                            guests=compound_head(token.lemma) in ctx.vocab.delegation_references,
                            adjective_country=_adjective_country(ctx, token),
                            token_id=token.token_id)
        if index is None:
            continue
        known.add(token.token_id)
        ctx.delegations[index].ref_tokens.append(token.token_id)
        ctx.refs.append(Ref(token.token_id, token.sent_id, index, f"rule:delegation.{kind}"))
        if kind == "head" and (_dashed_list(ctx, token.token_id)
                               or places_after_kind(ctx, token.token_id)):
            # «две делегации — Свердловской области и Екатеринбурга —»: the groups listed are
            # there for the words after to refer to («Екатеринбургская делегация …»)
            for t, places in _listed_places(ctx, ctx.delegations[index]):
                if t == token.token_id:
                    _list_siblings(ctx, index, t, places)
        people = _people_of_group(ctx, token) if kind == "head" else None
        if people is not None and people not in known:
            # «группа — представители X во главе с Y»: the people are the group too
            known.add(people)
            ctx.delegations[index].ref_tokens.append(people)
            ctx.refs.append(Ref(people, token.sent_id, index, "rule:delegation.group"))


def _from_place_of_its_verb(ctx: Context, token: Token) -> int | None:
    """The place after «из» on the verb of arriving or setting off whose subject the group
    word is («Из Курганской области в Китай отправилась делегация»), a place's mention
    opening the phrase; None where there is none."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verb = token.head_id
    if not token.rel.startswith("nsubj") or verb < 0 or tokens[verb].lemma not in (
            vocab.words("arrival_verbs") | vocab.words("departure_verbs")
            | vocab.words("visit_motion_verbs")):
        return None
    for child in ctx.children.get(verb, []):
        index = ctx.mention_at.get(child)
        if tokens[child].rel == "obl" and index is not None and ctx.mention_type(index) == "LOC" \
                and ctx.first(index) > 0 and tokens[ctx.first(index) - 1].lemma == "из" \
                and not _leg_of_trip(ctx, verb, index):
            return index
    return None


def _leader_title_origin(ctx: Context, token: Token) -> tuple[str, str, int | None]:
    """The origin a group word's head's title gives («делегация во главе с X, заместителем
    министра Египта»: Египет), where it is a place or body of a country no group named
    before comes from; else no origin."""
    leader = _leader_after(ctx, token.token_id)
    place = (title_place(ctx, leader) or title_place_after(ctx, leader)) \
        if leader is not None else None
    if place is None:
        return "", "none", None
    country = mention_place(ctx, place)
    code = country.country if country is not None else ""
    if not code or any(_country_code(ctx, group) == code for group in ctx.delegations):
        return "", "none", None
    return _origin_mention(ctx, place)


def _meanwhile(ctx: Context, sent_id: int) -> bool:
    """Does the sentence open by setting what it tells beside what came before («Тем
    временем делегация X …», «Параллельно …»: ``meanwhile_phrases``): another group's doing?"""
    opening = ctx.sentence(sent_id).start
    return any(ctx.phrase_from(opening, phrase.split())
               for phrase in ctx.vocab.words("meanwhile_phrases"))


def _made_of_people(ctx: Context, token_id: int) -> bool:
    """Does the group word name the people it is made of in the plural genitive right after
    it, past their adjectives («делегация генеральных и почётных консулов», «делегация
    предпринимателей»)?"""
    tokens = ctx.doc.tokens
    t = token_id + 1
    while t < len(tokens) and tokens[t].pos in ("ADJ", "CCONJ"):
        t += 1  # (read in a row: the parse may hang the adjectives anywhere)
    return t < len(tokens) and tokens[t].pos == "NOUN" \
        and "Case=Gen" in tokens[t].feats and "Number=Plur" in tokens[t].feats \
        and ("Animacy=Anim" in tokens[t].feats or ctx.vocab.is_title(tokens[t].lemma))


def _titled_leader_place(ctx: Context, token_id: int) -> bool:
    """Does the head named right after the group word have a title that names a place
    («делегация во главе с губернатором Оренбургской области X»)?"""
    leader = _leader_after(ctx, token_id)
    return leader is not None and any(  # (a mention's index may be 0: no «or»)
        find(ctx, leader) is not None for find in (official_place, title_place, title_place_after))


def _titled_leader_body(ctx: Context, token_id: int) -> int | None:
    """The body the title of the head named right after the group word names («делегацию
    инвесторов, которую возглавил управляющий партнёр фонда «X» Y»: X, the body that sent
    the group, no other group named later), or None."""
    leader = _leader_after(ctx, token_id)
    if leader is None:
        leader = _lead_verb_subject(ctx, token_id)
    if leader is None:
        return None
    # (not a common noun cut out of a longer name: «Группа» of «Группы по сотрудничеству …»)
    return next((i for i in ctx.mentions_in(range(token_id + 1, ctx.first(leader)))
                 if ctx.mention_type(i) == "ORG" and not _common_noun_alone(ctx, i)), None)


def _common_noun_alone(ctx: Context, index: int) -> bool:
    """Is the mention one word the dictionary knows as a common noun («Группа»)?"""
    words = ctx.doc.mentions[index].text.strip("«»\" ").split()
    return len(words) == 1 and dictionary().word_is_known(words[0].lower()) and any(
        p.tag.POS == "NOUN" and not {"Orgn", "Geox", "Name", "Surn"} & p.tag.grammemes
        for p in word_parses(words[0].lower()))


def _group_part(ctx: Context, token: Token) -> int | None:
    """The group a part of it stands for after the text split it («Делегация разделилась на
    две группы. Одна группа … посетила X, вторая …»): a «группа» with «один», an ordinal or
    «другой» (``group_part_markers``), once the subject of a splitting verb (``split_verbs``)
    was a group's word in that sentence or the two before. What a part did, the group did;
    a part's head is one of its members (``member.part_head``)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if compound_head(token.lemma) not in vocab.words("group_anaphor_nouns") or not any(
            tokens[c].lemma in vocab.words("group_part_markers")
            for c in ctx.children.get(token.token_id, [])):
        return None
    splits = vocab.words("split_verbs")
    for t in range(token.token_id - 1, -1, -1):
        if tokens[t].sent_id < token.sent_id - 2:
            break
        if tokens[t].lemma not in splits:
            continue
        for child in ctx.children.get(t, []):
            ref = ctx.ref_at(child) if tokens[child].rel == "nsubj" else None
            if ref is not None:
                return ref.delegation
    return _paired_part(ctx, token)


def _paired_part(ctx: Context, token: Token) -> int | None:
    """«Делегация X прибыла в Y. Одна группа во главе с A посетила парк, вторая (группа)
    побывала на заводе»: a part that a pair's other marker answers in its sentence or the
    next (before it, for the second), without a splitting verb, is a part of the one group
    the text told of in that sentence or the two before."""
    tokens = ctx.doc.tokens
    firsts = ctx.vocab.words("group_pair_first_markers")
    seconds = ctx.vocab.words("group_pair_second_markers")
    own = {tokens[c].lemma for c in ctx.children.get(token.token_id, [])}
    sent_id = token.sent_id
    if own & firsts:
        next_sentence = min(sent_id + 1, len(ctx.doc.sentences) - 1)
        pair = range(token.token_id + 1, ctx.sentence(next_sentence).stop)
        answers = seconds
    elif own & seconds:
        pair = range(ctx.sentence(max(sent_id - 1, 0)).start, token.token_id)
        answers = firsts
    else:
        return None
    if not any(tokens[t].lemma in answers and tokens[t].pos in ("ADJ", "NUM", "DET")
               for t in pair) or _from_phrase(ctx, token) or _place_genitive(ctx, token) \
            or _people_of_group(ctx, token) is not None:
        return None  # («Первая группа, из провинции X, …», «Вторую группу составили инженеры
        # компании X»: a group of its own)
    refs = [ref for ref in ctx.refs
            if sent_id - 2 <= ref.sent_id <= sent_id and ref.token < token.token_id]
    if any(_plural_group_word(ctx, tokens[ref.token]) for ref in refs):
        return None  # «прибыли две делегации. Первая группа …»: one of several groups
    groups = {ref.delegation for ref in refs}
    return groups.pop() if len(groups) == 1 else None


def _side_group(ctx: Context, token: Token) -> int | None:
    """The group a side's word with a country's adjective stands for («казахстанская
    сторона осмотрела …», «вьетнамскую сторону возглавил …»): the one group of the text from
    that country, as subject or object of a verb (not «с российской стороны», the hosts, nor
    a side of no group)."""
    if token.lemma not in ctx.vocab.words("group_side_nouns") \
            or token.rel not in ("nsubj", "obj") or not ctx.delegations:
        return None
    country = _adjective_country(ctx, token)
    groups = [i for i, group in enumerate(ctx.delegations)
              if country and group.origin and _country_code(ctx, group) == country]
    return groups[0] if len(groups) == 1 else None


def _tally(ctx: Context, token: Token) -> bool:
    """Is a group word counted in figures by more groups than the text has named («Всего
    область посетили 11 делегаций» after one delegation)? A tally of visits, no group of
    them."""
    counts = [int(ctx.doc.tokens[c].text) for c in ctx.children.get(token.token_id, [])
              if ctx.doc.tokens[c].rel.startswith("nummod") and ctx.doc.tokens[c].text.isdigit()]
    return token.lemma in ctx.vocab.delegation_heads and bool(counts) \
        and counts[0] > max(len(_named_groups(ctx)), 1)


def from_several_places(ctx: Context, token: Token) -> bool:
    """Does a plural word for people say they come from several places («представители
    компаний из шести стран», «гости из разных регионов»): a plural place noun after «из»,
    two steps down at most? (One «делегация из пяти стран СНГ» is one group all the same.)"""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("several_origin_nouns")
    if _several_groups(ctx, token.token_id) and _of_a_world_region(ctx, token):
        return True  # «две делегации из Центральной Азии»: groups of its countries
    if "Number=Plur" not in token.feats and not _several_groups(ctx, token.token_id):
        return False  # (a count's genitive singular: «две делегации из стран АТР»)
    frontier = list(ctx.children.get(token.token_id, []))
    for child in frontier + [g for c in frontier for g in ctx.children.get(c, [])]:
        word = tokens[child]
        if word.rel == "nmod" and word.lemma in nouns and "Number=Plur" in word.feats \
                and any(tokens[g].lemma == "из" for g in ctx.children.get(child, [])):
            # (not the regions of one country: «журналисты из 44 регионов России»)
            return not any(_a_country(ctx.doc.mentions[m].normal)
                           for g in ctx.children.get(child, []) if tokens[g].rel == "nmod"
                           and (m := ctx.mention_at.get(g)) is not None
                           and ctx.mention_type(m) == "LOC")
    return False


def _places_included(ctx: Context, token: Token) -> list[int]:
    """The places a word for people from several places names after a list opener
    (``list_openers``: «включая», «в том числе») in its clause («делегации из 10 стран,
    включая Кувейт, Иран и ЮАР»), in the list that follows; none where it names none."""
    tokens = ctx.doc.tokens
    openers = [marker.split() for marker in ctx.vocab.words("list_openers")]
    stop = min(ctx.sentence(token.sent_id).stop, token.token_id + 16)
    for t in range(token.token_id + 1, stop):
        if is_finite_verb(tokens[t]):
            return []  # (another clause)
        opener = next((words for words in openers if ctx.phrase_from(t, words)), None)
        if opener is None:
            continue
        after = t + len(opener)
        if after + 1 < stop and tokens[after].lemma == "из":
            after += 1  # «…, в том числе из Кувейта и Ирана»
        first = ctx.mention_at.get(after)
        if first is None or ctx.first(first) != after or ctx.mention_type(first) != "LOC":
            return []
        listed = ctx.conjoined(first, any_case=True)
        return listed if len(listed) > 1 else []
    return []


def _words_for_every_group(ctx: Context) -> None:
    """«Делегаты из двух стран вместе осмотрели …» after two groups were named: a plural
    word for people from as many places as the text has named groups stands for them all
    (a reference to the first, ``ALL_GROUPS``, that relations share with the others)."""
    known = {ref.token for ref in ctx.refs}
    for token in ctx.doc.tokens:
        if token.token_id in known or ctx.mention(token.token_id) is not None \
                or not from_several_places(ctx, token):
            continue
        every = _every_named_group(ctx, token)
        if every is not None:
            ctx.delegations[every].ref_tokens.append(token.token_id)
            ctx.refs.append(Ref(token.token_id, token.sent_id, every, ALL_GROUPS))


def _guests_of_counted_groups(ctx: Context) -> None:
    """«В Калининград прибыли три делегации. Первую … Вторую … Третью … Гости осмотрели
    парк»: once the text counted the groups and told each of them, a bare plural «гости»
    after the last of them stands for them all (``ALL_GROUPS``, a reference to the first),
    unless its sentence names one of them by its place."""
    tokens = ctx.doc.tokens
    named = [i for i, d in enumerate(ctx.delegations) if d.origin]
    counted = next((ref for ref in ctx.refs if _group_count(ctx, tokens[ref.token]) is not None),
                   None)
    if counted is None or len(named) < 2 \
            or _group_count(ctx, tokens[counted.token]) != len(named):
        return
    last_told = max(first_told(ctx, ctx.delegations[i]) or ctx.delegations[i].origin_sent
                    for i in named)
    if counted.sent_id > last_told or ctx.planned(counted.token):
        return  # (the count announces the groups: not «в планах — приезд двух делегаций»)
    origins = {ctx.delegations[i].origin_entity for i in named}
    for n, ref in enumerate(ctx.refs):
        token = tokens[ref.token]
        if ref is counted and ref.delegation == named[0] \
                and not token_origin(ctx, token, "head")[0]:
            # («прибыли три делегации»: the counted word itself stands for them all)
            ctx.refs[n] = Ref(ref.token, ref.sent_id, named[0], ALL_GROUPS)
            continue
        if ref.source != BARE_REFERENCE or ref.sent_id <= last_told \
                or compound_head(token.lemma) not in ctx.vocab.delegation_references \
                or "Number=Plur" not in token.feats or _another_group(ctx, token) \
                or token_origin(ctx, token, "reference")[0] \
                or any(ctx.entity(m) in origins
                       for m in ctx.mentions_in(ctx.sentence(ref.sent_id))) \
                or any(other.token != ref.token and other.source != ALL_GROUPS
                       for other in ctx.refs.in_sentence(ref.sent_id)):
            continue  # («вьетнамская делегация посетила завод, где директор провёл для
            # гостей экскурсию»: the group the sentence names)
        _refer_to_all(ctx, n, named[0])


def _plural_words_for_named_groups(ctx: Context) -> None:
    """«Затем делегации посетили технопарк X» once two groups or more were named with their
    origins: a plural group word («делегации», «группы») with no origin, count or
    other-group word of its own, in a sentence that names no group's place and no other
    group, stands for them all (``ALL_GROUPS``, a reference to the first). (Guests'
    words, «Гости осмотрели …», were tried too: alone, recall +.004 and precision −.002 on
    the groups sets, two more traps broken; only after a word for all the groups, no
    change; not kept.)"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for n, ref in enumerate(ctx.refs):
        token = tokens[ref.token]
        lemma = compound_head(token.lemma)
        if ref.source == ALL_GROUPS or "Number=Plur" not in token.feats \
                or lemma not in vocab.group_words:
            continue
        own = ctx.delegations[ref.delegation]
        if ref.source != BARE_REFERENCE and (own.origin or len(own.ref_tokens) > 1):
            continue  # a group word of a group of its own
        named = [i for i, d in enumerate(ctx.delegations) if d.origin and not d.awaited
                 and (first_told(ctx, d) or d.origin_sent) < ref.sent_id]
        if len(named) < 2 or _group_count(ctx, token) is not None \
                or _another_group(ctx, token) or token_origin(ctx, token, "reference")[0] \
                or ctx.planned(ref.token):
            continue
        origins = {ctx.delegations[i].origin_entity for i in named}
        if any(ctx.entity(m) in origins for m in ctx.mentions_in(ctx.sentence(ref.sent_id))) \
                or any(other.token != ref.token and other.source != ALL_GROUPS
                       for other in ctx.refs.in_sentence(ref.sent_id)):
            continue  # («татарстанская посетила завод, где гостям …»: the group named)
        _refer_to_all(ctx, n, named[0])


def _refer_to_all(ctx: Context, n: int, first: int) -> None:
    """Make the ``n``-th reference one to every group named (``ALL_GROUPS``): its word moves
    from the group it was read as to ``first``, the first of them."""
    ref = ctx.refs[n]
    ctx.delegations[ref.delegation].ref_tokens.remove(ref.token)
    ctx.delegations[first].ref_tokens.append(ref.token)
    ctx.refs[n] = Ref(ref.token, ref.sent_id, first, ALL_GROUPS)


def _group_count(ctx: Context, token: Token) -> int | None:
    """How many groups a counted group word says there are («три делегации»: 3)."""
    if compound_head(token.lemma) not in ctx.vocab.group_words:
        return None
    words = ctx.vocab.mapping("count_words")
    for c in ctx.children.get(token.token_id, []):
        number = ctx.doc.tokens[c]
        if number.rel.startswith("nummod"):
            return int(words[number.lemma]) if number.lemma in words \
                else int(number.text) if number.text.isdigit() else None
    return None


def _every_named_group(ctx: Context, token: Token) -> int | None:
    """The first of the groups named so far with an origin, where a plural word for people
    from several places counts as many places as there are such groups, two at least
    («делегаты из двух стран», «гости из обеих провинций» after two groups were named):
    the word stands for them all (``ALL_GROUPS``)."""
    if compound_head(token.lemma) not in ctx.vocab.delegation_references \
            and token.lemma not in ctx.vocab.delegation_heads:
        return None
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("several_origin_nouns")
    counts = ctx.vocab.mapping("count_words")
    places = [c for c in ctx.children.get(token.token_id, [])
              if tokens[c].lemma in nouns and ctx.governed(c, "из")]
    numbers = [tokens[n] for c in places for n in ctx.children.get(c, [])
               if tokens[n].rel in ("nummod", "det", "amod")]
    both = ctx.vocab.words("both_words")
    count = next((2 if n.lemma in both else int(counts[n.lemma])
                  for n in numbers if n.lemma in both or n.lemma in counts), None)
    # (a group split from a list has no word of its own: told where its origin is)
    named = [i for i, d in enumerate(ctx.delegations) if d.origin and min(
        first_told(ctx, d) or d.origin_sent, d.origin_sent) <= token.sent_id]
    return named[0] if count is not None and count >= 2 and count == len(named) else None


def _of_a_world_region(ctx: Context, token: Token) -> bool:
    """Has the group word «из» and a world region, a place of no one country («из
    Центральной Азии», «из Европы»), or its genitive («делегации Центральной Азии»)?"""
    for child in ctx.children.get(token.token_id, []):
        index = ctx.mention_at.get(child)
        # (or its genitive: «делегации Центральной Азии и Закавказья»)
        if ctx.doc.tokens[child].rel == "nmod" and index is not None \
                and (ctx.governed(child, "из") or (not ctx.governed(child)
                                                   and "Case=Gen" in ctx.doc.tokens[child].feats)) \
                and (place := mention_place(ctx, index)) is not None \
                and place.kind == "region" and not place.country:
            return True
    return False


def _level_group(ctx: Context, token: Token) -> int | None:
    """«Областную делегацию возглавил …» beside a town's group: the one group whose origin is
    of the level its adjective names (``group_level_adjectives``: a region, a town, a kind
    of body)."""
    levels = ctx.vocab.mapping("group_level_adjectives")
    wanted = {levels[a.lemma] for a in _adjectives(ctx, token) if a.lemma in levels}
    if len(wanted) != 1 or len(ctx.delegations) < 2:
        return None
    level, heads = wanted.pop(), ctx.vocab.words("region_heads")

    def of_level(group: Delegation) -> bool:
        if level.startswith("body:"):  # «министерская делегация»: the ministry's group
            return fold(group.origin).startswith(level.removeprefix("body:"))
        place = gazetteer().lookup(group.origin) if group.origin else None
        if place is None:
            return False
        # (a town that is a region of its own, «Ташкент», is a town's level: no region's
        # word in its name)
        headed = bool(heads & set(fold(group.origin).split()))
        if level == "city":
            return place.kind == "city" or (place.kind == "region" and not headed)
        return place.kind == "federal subject" or (place.kind == "region" and headed)

    groups = [i for i, group in enumerate(ctx.delegations) if of_level(group)]
    return groups[0] if len(groups) == 1 else None


def _descriptor_group(ctx: Context, token: Token) -> int | None:
    """«Делегацию провинции возглавил …» beside groups from elsewhere: the one group whose
    origin the text named after that descriptor («делегацией провинции Кедрнинь»); «члены
    делегации региона»: the one group from a region (not a country)."""
    tokens, descriptors = ctx.doc.tokens, ctx.vocab.geo_descriptors
    words = {tokens[c].lemma for c in ctx.children.get(token.token_id, [])
             if tokens[c].rel == "nmod" and tokens[c].lemma in descriptors
             and c not in ctx.mention_at and not any(
                 g in ctx.mention_at for g in ctx.children.get(c, []))}
    if len(words) != 1 or len(ctx.delegations) < 2:
        return None
    word = words.pop()
    if word == "регион":
        # «члены делегации региона»: the one group from a region, a Russian one first (the
        # news's own «регион» beside a foreign province's group)
        kinds = {i: place.kind for i, group in enumerate(ctx.delegations) if group.origin
                 and (place := _origin_place(ctx, group.origin, group.origin_entity)) is not None}
        for wanted in (("federal subject",), ("federal subject", "region")):
            groups = [i for i, kind in kinds.items() if kind in wanted]
            if len(groups) == 1:
                return groups[0]
        return None
    groups = [i for i, group in enumerate(ctx.delegations)
              if group.origin_entity is not None and any(
                  (first := ctx.first(m)) > 0 and tokens[first - 1].lemma == word
                  for m in ctx.doc.entities[group.origin_entity].mention_ids)]
    return groups[0] if len(groups) == 1 else None


def _home_group(ctx: Context, token: Token) -> int | None:
    """«Наша делегация побывала в …» in a Russian article: the one group from Russia the text
    names, not whichever group it named first (the partners it went to see)."""
    own = ctx.vocab.words("own_group_possessives")
    if not any(ctx.doc.tokens[c].lemma in own for c in ctx.children.get(token.token_id, [])):
        return None
    home = [i for i, d in enumerate(ctx.delegations) if d.origin and (
        place := _origin_place(ctx, d.origin, d.origin_entity)) is not None
        and place.country == HOME_COUNTRY]
    return home[0] if len(home) == 1 else None


# how a nationality noun's lemma («бразилец», «японец», «узбек») makes its country's adjective
TOWNSPEOPLE_STEM = 6  # letters a town's and its region's names share («Самарканд», «Самаркандская»)
NATIONAL_ADJECTIVE_ENDINGS = (("", "ский"), ("ец", "ский"), ("ец", "йский"), ("ец", "ьский"),
                              ("ец", "ецкий"), ("чанин", "ский"), ("янин", "ский"),
                              ("янин", "йский"),  # «россиянин»
                              ("ич", "ский"))  # «гомельчанин», «иркутянин», «омич»


def group_of_nationals(ctx: Context, lemma: str) -> int | None:
    """The group of a nationality noun («бразилец»: the adjective «бразильский» of
    ``origin_country_adjectives``): the text's one group, where it comes from that country;
    else None (the nationals are a group only where the text has told of it, and a
    reference is given to the group before it). Of several groups, the one from that country
    («делегация Монголии …, представители штата Карнатака (Индия) … индийцы побывали …»)."""
    if not ctx.delegations:
        return None
    countries = {country for cut, ending in NATIONAL_ADJECTIVE_ENDINGS if lemma.endswith(cut)
                 and (country := ctx.vocab.country_adjectives.get(
                     lemma[:len(lemma) - len(cut)] + ending)) is not None}
    if lemma in ctx.vocab.words("home_nationals_nouns"):
        # «Делегация Омской области посетила ОАЭ. Затем россияне побывали …»: the one group
        # from home (whose country's adjective names no foreign origin)
        code = HOME_COUNTRY
    elif not countries:
        return _group_of_townspeople(ctx, lemma)
    elif len(countries) != 1 or (country := gazetteer().lookup(countries.pop())) is None:
        return None
    else:
        code = country.country
    # (an origin the gazetteer knows, or a body of a place it knows: «Гомельского облисполкома»,
    # or one the text places in that country)
    groups = [i for i, group in enumerate(ctx.delegations)
              if group.origin and _country_code(ctx, group) == code]
    return groups[0] if len(groups) == 1 else None


def _fronted_subject_misread(ctx: Context, token: Token) -> bool:
    """«Самаркандцы посетили технопарк»: a plural noun before a plural visit verb that has
    no subject, parsed as its object (the verb's real object follows it)."""
    tokens, head = ctx.doc.tokens, token.head_id
    return token.rel == "obj" and head > token.token_id \
        and tokens[head].lemma in ctx.vocab.visit_triggers \
        and "Number=Plur" in tokens[head].feats \
        and not any(tokens[c].rel.startswith("nsubj") for c in ctx.children.get(head, [])) \
        and any(tokens[c].rel == "obj" and c > head for c in ctx.children.get(head, []))


def _right_before_visit_verb(ctx: Context, token: Token) -> bool:
    """«В первый день филиппинцы побывали в университете, где ректор … показала им …»: a
    plural noun right before a plural finite visit verb, whatever the parse hung it on."""
    tokens, t = ctx.doc.tokens, token.token_id + 1
    return t < len(tokens) and tokens[t].lemma in ctx.vocab.visit_triggers \
        and is_finite_verb(tokens[t]) and "Number=Plur" in tokens[t].feats


def _group_of_townspeople(ctx: Context, lemma: str) -> int | None:
    """The one group from the town or region a people's noun names («самаркандец»: the
    adjective «самаркандский», the gazetteer's Самарканд; the group of «Самаркандской
    области» or of Самарканд), beside groups from elsewhere. (``_demonym_refs`` reads the
    hand list ``place_demonyms``; this derives the place from its adjective where the list
    lacks it, and matches a foreign town and its region, which the gazetteer does not link,
    by the stem their names share.)"""
    places = {place for cut, ending in NATIONAL_ADJECTIVE_ENDINGS if lemma.endswith(cut) and cut
              and (place := gazetteer().by_adjective.get(lemma[:len(lemma) - len(cut)] + ending))
              is not None and place.kind != "country"}
    if len(places) != 1:
        return None
    stem = fold(places.pop().canonical)[:TOWNSPEOPLE_STEM]
    groups = [i for i, group in enumerate(ctx.delegations)
              if group.origin and fold(group.origin)[:TOWNSPEOPLE_STEM] == stem]
    return groups[0] if len(groups) == 1 else None


def _collective(ctx: Context, token: Token) -> Token | None:
    """The collective noun («группа», ``quantity_nouns``) a group word is the genitive of,
    None where it is not."""
    tokens = ctx.doc.tokens
    head = tokens[token.head_id] if token.head_id >= 0 else None
    if head is None or token.rel != "nmod" or head.token_id > token.token_id \
            or head.lemma not in ctx.vocab.words("quantity_nouns"):
        return None
    return head


def _object_of_leading(ctx: Context, token: Token) -> bool:
    """The object of a verb of leading («Белорусов возглавлял X»)."""
    return token.rel == "obj" and token.head_id >= 0 \
        and ctx.doc.tokens[token.head_id].lemma in ctx.vocab.lead_verbs


def _ordinal_group(ctx: Context, token: Token) -> bool:
    """An ordinal alone as a clause's subject or object, with its own «из» place, or a group
    word with its ordinal, after groups were counted by a plural group word: it stands for
    that word («Прибыли две делегации. Первая, из провинции X, посетила …; вторую группу —
    предпринимателей из Y — ведёт …»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    group_words = vocab.group_words
    # «Вторую группу — предпринимателей из Оша — ведёт …»: a group word with its ordinal
    ordinal_word = compound_head(token.lemma) in group_words and any(
        tokens[c].rel == "amod" and tokens[c].lemma in vocab.words("group_ordinals")
        for c in ctx.children.get(token.token_id, []))
    if not ordinal_word and (
            token.lemma not in vocab.words("group_ordinals") or token.pos != "ADJ"
            or token.rel not in ("nsubj", "nsubj:pass", "obj")
            or not _from_phrase(ctx, token, one_place=True)):
        return False
    return any(compound_head(t.lemma) in group_words and _plural_group_word(ctx, t)
               for t in tokens[:token.token_id])


def _plural_group_word(ctx: Context, token: Token) -> bool:
    """A word in the plural or counted («две делегации»: a genitive singular; not «одна
    группа»)."""
    tokens = ctx.doc.tokens
    return "Number=Plur" in token.feats or any(
        tokens[c].rel.startswith("nummod") and tokens[c].lemma != "один"
        for c in ctx.children.get(token.token_id, []))


def _each_of_the_groups(ctx: Context, token: Token) -> bool:
    """«Каждая из групп», «каждая из делегаций», «все три группы»: a group word in the plural
    after «каждый из» or «все», once groups were named."""
    tokens, t = ctx.doc.tokens, token.token_id
    if not ctx.delegations or t < 2 or token.lemma not in ctx.vocab.group_words:
        return False
    # «все три группы» (a count's genitive singular), «все группы»: «все» and a count at
    # most before the word
    counted = tokens[t - 1].pos == "NUM" or tokens[t - 1].lemma in ctx.vocab.mapping("count_words")
    plural = "Number=Plur" in token.feats
    return (plural and tokens[t - 1].lemma == "из" and tokens[t - 2].lemma == "каждый") \
        or (plural and tokens[t - 1].lemma == "весь") \
        or (counted and tokens[t - 2].lemma == "весь")


def _after_a_later_ordinal(ctx: Context, token_id: int) -> bool:
    """Do a later ordinal («вторую», «третья») and a dash stand right before the word
    («Вторую группу — предпринимателей из X»: the people of the next group)?"""
    tokens = ctx.doc.tokens
    later = ctx.vocab.words("group_ordinals") - {"первый"}
    before = range(max(token_id - 4, ctx.sentence(tokens[token_id].sent_id).start), token_id)
    return token_id > 0 and tokens[token_id - 1].text in DASHES \
        and any(tokens[t].lemma in later for t in before)


def _leaving(ctx: Context, token: Token) -> bool:
    """Is the group word the genitive of a noun of leaving (``departure_nouns``: «до отъезда
    гостей из Египта»), whose «из» names where the group was, not whence it came?"""
    return token.rel == "nmod" and token.head_id >= 0 \
        and ctx.doc.tokens[token.head_id].lemma in ctx.vocab.words("departure_nouns")


def _after_leaving(ctx: Context, word: int) -> bool:
    """Does the word's «из» phrase follow a noun of leaving, or its genitive («до отъезда
    (гостей) из Египта»)?"""
    tokens, leaving = ctx.doc.tokens, ctx.vocab.words("departure_nouns")
    t = word - 1
    while t > 0 and (tokens[t].pos == "ADJ" or tokens[t].lemma == "из"):
        t -= 1
    return tokens[t].lemma in leaving \
        or (tokens[t].head_id >= 0 and tokens[tokens[t].head_id].lemma in leaving)


def _countries_listed_after_countries(ctx: Context, token: Token) -> list[int]:
    """«делегацию инвесторов из арабских стран, а также из Китая, Индии и Германии»: one
    group of several countries, the first named after the unnamed ones («стран»,
    ``country_anaphors``) its origin (the parse may lose the list); the places the list
    names (``_list_items``: «… и ряда государств Африки» too), or none."""
    tokens, countries = ctx.doc.tokens, ctx.vocab.words("country_anaphors")
    stop = ctx.sentence(token.sent_id).stop
    t = token.token_id + 1
    while t < stop and t - token.token_id <= 4 and tokens[t].lemma != "из":
        t += 1  # past the people it is made of («делегацию ведущих инвесторов»)
    u = t + 1
    while u < stop and tokens[u].pos == "ADJ":
        u += 1
    if t >= stop or u >= stop or tokens[u].lemma not in countries or u in ctx.mention_at \
            or "Number=Plur" not in tokens[u].feats:
        return []
    v = u + 1
    while v < stop and (tokens[v].text in (",", "и") or tokens[v].lemma in ("а", "также")):
        v += 1
    if v + 1 >= stop or tokens[v].lemma != "из":
        return []
    if (first := ctx.mention_at.get(v + 1)) is None or ctx.mention_type(first) != "LOC":
        return []
    return [i for i in _list_items(ctx, token.token_id, v + 1, every=True)
            if ctx.mention_type(i) == "LOC"]


def _from_phrase(ctx: Context, token: Token, one_place: bool = False) -> bool:
    """Does the word have its own «из X» («гости из Сербии», «коллеги из Омска»; set off by
    dashes: «группа — из Монголии —»)? With ``one_place``, naming one place or body: not a
    count («участников из 133 стран») nor a list («коллеги из X и Y»: no one group)."""
    tokens = ctx.doc.tokens
    return any(_from_child(ctx, c) and (
        not one_place or (
        (name := _named_at(ctx, c)) is not None and ctx.mention_type(name) in ("LOC", "ORG")
        and not any(tokens[g].rel == "conj" for g in ctx.children.get(c, []))))
               for c in ctx.children.get(token.token_id, []))


def _own_from_place(ctx: Context, token: Token) -> int | None:
    """The entity of the one place or body the word's own «из» names («коллеги из
    Дагестана»), else None."""
    names = [name for c in ctx.children.get(token.token_id, []) if _from_child(ctx, c)
             and (name := _named_at(ctx, c)) is not None
             and ctx.mention_type(name) in ("LOC", "ORG")]
    return ctx.entity(names[0]) if len(names) == 1 else None


def _from_child(ctx: Context, child: int) -> bool:
    """A word's own «из X» (or a place the parse hung on it); one set off by dashes."""
    tokens = ctx.doc.tokens
    rel = tokens[child].rel
    if rel == "parataxis":
        return ctx.governed(child, "из")
    # (or the «из» right before its phrase that the parse hung elsewhere: «посетили
    # инвесторы из Объединённых Арабских Эмиратов»)
    first = child
    while first > 0 and tokens[first - 1].head_id == child and tokens[first - 1].rel == "amod":
        first -= 1
    hung_apart = first > 0 and tokens[first - 1].lemma == "из" and tokens[first - 1].rel == "case"
    return rel == "nmod" and (ctx.governed(child, "из") or hung_apart or _from_place(ctx, child))


def _named_at(ctx: Context, word: int) -> int | None:
    """The name at the word, or after its place descriptor («из провинции Хэйлунцзян»)."""
    if word in ctx.mention_at:
        return ctx.mention_at[word]
    if ctx.doc.tokens[word].lemma not in ctx.vocab.geo_descriptors:
        return None
    return next((ctx.mention_at[c] for c in ctx.children.get(word, [])
                 if c == word + 1 and c in ctx.mention_at), None)


def _from_place(ctx: Context, word: int) -> bool:
    """Is the word a place in the genitive after «с» («гости с Урала», «делегация с
    Кубани»): where the group comes from?"""
    index = ctx.mention_at.get(word)
    return ctx.governed(word, *FROM_PLACE_PREPOSITIONS) and index is not None \
        and ctx.mention_type(index) == "LOC" and _genitive_form(ctx.doc.tokens[word])


def _genitive_form(token: Token) -> bool:
    """Is the word in the genitive: so tagged, or a form the dictionary reads as a genitive
    and never as an instrumental («с Ямала», which the tagger may take for one)?"""
    if "Case=Gen" in token.feats:
        return True
    cases = dictionary_cases(token.text, every_if_unread=True)
    return CASES["Gen"] in cases and CASES["Ins"] not in cases


def _next_clauses_title(ctx: Context, word: int, apposition: int) -> bool:
    """Is the parse's apposition to the group word a title in another case after a comma
    («Приветствуя кыргызскую делегацию, губернатор провинции Шаньси напомнил …»: the next
    clause's subject, a host)?"""
    tokens = ctx.doc.tokens
    return apposition > word and tokens[apposition - 1].text == "," \
        and ctx.vocab.is_title(tokens[apposition].lemma) \
        and case_of(tokens[apposition]) not in (None, case_of(tokens[word]))


def _case_disagrees(ctx: Context, word: int, apposition: int) -> bool:
    """Is a place's name in apposition to the group word in a case the word is not in, and no
    form of it could be («в составе монгольской делегации Иркутск посетил …»: the parse's
    apposition is the verb's object, not the group's origin)? Only the group word's own: a
    name after a place word stays in the nominative («делегации земли Саксония»)."""
    tokens = ctx.doc.tokens
    index = ctx.mention_at.get(apposition)
    if index is None or ctx.mention_type(index) != "LOC":
        return False  # (a quoted name stays in the nominative: «компании «Луч»»)
    case = case_of(tokens[word])
    if case not in CASES or case_of(tokens[apposition]) in (None, case):
        return False
    return CASES[case] not in dictionary_cases(tokens[apposition].text, every_if_unread=True)


#: what a trip noun's place follows: where it goes («поездка в Китай») or what it tours
#: («поездка по Кыргызстану»)
TRIP_DIRECTIONS = ("в", "во", "по")


def _official_trip(ctx: Context, site_only: bool = False) -> bool:
    """«Губернатор Ленинградской области X в рамках рабочей поездки в Китай посетил …»,
    «по итогам визита посла Египта в РФ X»: an official on a trip to another place is a
    travelling group from the place of his title; the trip word refers to it. A group the
    text names too is that group (same place, or a country adjective of the place's
    country); else only where the text names no group of its own. True where one was
    found. ``site_only``: the last resort of a text where nothing else made a group, a
    national official whose trip names no destination, over a visit of a site
    (``_national_site_trip``)."""
    tokens = ctx.doc.tokens
    trips = ctx.vocab.words("trip_nouns")
    for token in tokens:
        if token.lemma not in trips or ctx.in_speech(token.token_id) \
                or ctx.planned(token.token_id) or "Number=Plur" in token.feats:
            continue  # (trips in the plural, «вспомнили о поездках президента в X»: others)
        destinations = [ctx.mention_at[c] for c in ctx.children.get(token.token_id, [])
                        if c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "LOC"
                        and any(tokens[g].lemma in TRIP_DIRECTIONS
                                for g in ctx.children.get(c, []))]
        destinations += [d for d in _visit_destination(ctx, token.token_id)
                         if d not in destinations]  # «поездки в г. Ош»: the parse lost it
        verb = tokens[token.head_id] if token.head_id >= 0 else None
        for _ in range(8):  # a bounded walk: a tagger's tree may hold a cycle
            if verb is None or is_finite_verb(verb) or verb.head_id < 0 \
                    or verb.sent_id != token.sent_id or verb.pos == "VERB":
                break
            if verb.head_id == verb.token_id:  # a word its own head: the sentence's root
                sentence = ctx.sentence(token.sent_id)
                verb = next((tokens[t] for t in sentence if tokens[t].head_id < 0), None)
                continue
            verb = tokens[verb.head_id]
        travellers: list[tuple[int | None, str, int | None]] = []
        if verb is not None and verb.pos == "VERB" and verb.rel == "acl" \
                and verb.lemma in ctx.vocab.words("presence_verbs") and verb.head_id >= 0:
            # «находящийся с визитом в Кении президент академии X»: the noun it qualifies;
            # «… посол Y X, находящийся с визитом в регионе»: the name right before its comma,
            # wherever the parse hangs it
            person = subject_person(ctx, verb.head_id)
            before = ctx.mention_at.get(verb.token_id - 2) if verb.token_id > 1 \
                and tokens[verb.token_id - 1].text == "," else None
            if before is not None and ctx.mention_type(before) == "PER":
                person = before
            place = unnamed_title_place(ctx, verb.head_id) if person is None else None
            if person is not None or place is not None:
                travellers.append((person, "trip" if destinations else "visit", place))
        elif verb is not None and is_finite_verb(verb):
            if ctx.planned(verb.token_id) or in_group(ctx, verb.token_id):
                continue
            destinations += [ctx.mention_at[c] for c in ctx.children.get(verb.token_id, [])
                             if c in ctx.mention_at and tokens[c].rel == "obl"
                             and ctx.mention_type(ctx.mention_at[c]) == "LOC"
                             and any(tokens[g].lemma in ("в", "во")
                                     for g in ctx.children.get(c, []))]
            for child in ctx.children.get(verb.token_id, []):
                if tokens[child].rel != "nsubj":
                    continue
                person = subject_person(ctx, child)
                if person is None and tokens[child].lemma == "который":
                    # «министром Турции X, который находится с визитом в Баку»: a member
                    person = antecedent_person(ctx, child)
                    if person is not None:
                        travellers.append((person, "staying", None))
                    continue
                if person is not None:
                    travellers.append((person, "trip", None))
                elif (place := unnamed_title_place(ctx, child)) is not None:
                    travellers.append((None, "trip", place))  # «Генеральный консул КНР»
                elif (origin := _title_adjective_origin(ctx, child)) is not None \
                        and _adjective_trip(ctx, origin, destinations, token):
                    return True  # «в ходе визита в Улан-Батор забайкальский губернатор …»
            if not travellers and (person := _speaker_of_own_trip(ctx, token, verb)) is not None:
                travellers.append((person, "visit", None))  # (away from his own region)
        # «визит посла Египта X»: the persons whose visit it is, named in its genitive
        named = visitors(ctx, token.token_id)[:1]
        travellers += [(person, "visit", None) for person in named]
        if not named:  # «визит Президента Египта в Китай»: a title with its place, no name
            travellers += [(None, "visit", place) for c in ctx.children.get(token.token_id, [])
                           if tokens[c].rel == "nmod" and "Case=Gen" in tokens[c].feats
                           and (place := unnamed_title_place(ctx, c)) is not None][:1]
        if not travellers:  # «второй визит посла в регион»: the one envoy the text names
            travellers += [(person, "visit", None) for person in trip_envoy(ctx, token)]
        for person, how, place in travellers:
            if person is not None:
                place = official_place(ctx, person)
            if (site_only and (how != "trip" or destinations)) or place is None or not (
                    _national_site_trip(ctx, place, verb) if site_only else _travelled(
                        ctx, place, destinations, "trip" if how == "staying" else how)):
                continue
            index = _trip_delegation(ctx, place, token.sent_id)
            if index is None:
                continue
            ctx.delegations[index].ref_tokens.append(token.token_id)
            ctx.refs.append(Ref(token.token_id, token.sent_id, index, f"rule:delegation.{how}"))
            return True
    return False


def _speaker_of_own_trip(ctx: Context, trip: Token, verb: Token) -> int | None:
    """«Губернатор X Имя отметил, что поездка в Монголию оказалась полезной»: a bare trip noun
    (no one's genitive on it, no relative clause giving it to others: «поездка, которую
    совершили фермеры») that is the subject of a past clause told by a speech verb, and made
    («поездка сорвалась», «не состоялась»: ``trip_not_made``), is the speaker's own trip;
    the person who speaks, or None."""
    tokens = ctx.doc.tokens
    if trip.rel != "nsubj" or verb.rel != "ccomp" or verb.head_id < 0 \
            or "Tense=Past" not in verb.feats \
            or tokens[verb.head_id].lemma not in ctx.vocab.words("statement_verbs") \
            or trip_not_made(ctx, trip) \
            or any(tokens[c].rel == "nmod" and case_of(tokens[c]) == "Gen"
                   for c in ctx.children.get(trip.token_id, [])) \
            or any(tokens[u].lemma == "который" for u in range(trip.token_id, verb.token_id)):
        return None  # (the parse may hang «которую совершили …» on the destination)
    return next((person for c in ctx.children.get(verb.head_id, [])
                 if tokens[c].rel == "nsubj"
                 and (person := subject_person(ctx, c)) is not None), None)


def _national_site_trip(ctx: Context, place: int, verb: Token | None) -> bool:
    """«В рамках своего рабочего визита министр России X посетила завод …»: a trip noun that
    names no destination, over a visit verb with an object, is a national official's trip
    (any site of his country is away from his post; a regional one touring his own region
    is another matter)."""
    home = mention_place(ctx, place)
    return home is not None and home.kind == "country" and verb is not None \
        and is_finite_verb(verb) and verb.lemma in ctx.vocab.visit_triggers \
        and not ctx.planned(verb.token_id) \
        and any(ctx.doc.tokens[c].rel == "obj" for c in ctx.children.get(verb.token_id, []))


def trip_envoy(ctx: Context, trip: Token) -> list[int]:
    """The envoy a trip noun's bare title in the genitive stands for («визит посла»), as a
    list of at most one; none for a trip only planned, being got ready or called off («визит
    посла в X отменён», «… готовится»)."""
    tokens = ctx.doc.tokens
    if trip_not_made(ctx, trip):
        return []
    return [person for c in ctx.children.get(trip.token_id, [])
            if tokens[c].rel == "nmod" and "Case=Gen" in tokens[c].feats
            and (person := bare_envoy(ctx, c)) is not None][:1]


def trip_not_made(ctx: Context, trip: Token) -> bool:
    """Is a trip noun planned, negated, being got ready or called off («визит отменён»,
    «визит готовится»: ``cancel_verbs``, ``intention_words`` over it)?"""
    head = trip.head_id
    words = ctx.vocab.words("cancel_verbs") | ctx.vocab.words("intention_words")
    return ctx.planned(trip.token_id) or (head >= 0 and (
        ctx.doc.tokens[head].lemma in words or ctx.planned(head)))


def bare_envoy(ctx: Context, title: int) -> int | None:
    """A bare envoy's title («визит посла»: no place, no name of its own) stands for the one
    person the text names with an envoy's title and its place; None where it names none or
    several."""
    tokens = ctx.doc.tokens
    if tokens[title].lemma not in ctx.vocab.words("envoy_titles") or title in ctx.mention_at \
            or any(tokens[c].rel in ("nmod", "appos", "flat:name")
                   for c in ctx.children.get(title, [])):
        return None
    # the same title: «визит посла» is not a consul's («генконсул Китая X»)
    envoys = {ctx.entity(i): i for i, m in enumerate(ctx.doc.mentions)
              if m.type == "PER" and _title_lemma_before(ctx, i) == tokens[title].lemma
              and envoy_title(ctx, i) and official_place(ctx, i) is not None}
    return next(iter(envoys.values())) if len(envoys) == 1 else None


def _title_lemma_before(ctx: Context, person: int) -> str | None:
    """The lemma of the envoy's title nearest before a person's name in its sentence (up to
    twelve words back, no verb or other person between)."""
    tokens, first = ctx.doc.tokens, ctx.first(person)
    envoys = ctx.vocab.words("envoy_titles")
    for t in range(first - 1, max(first - 13, -1), -1):
        index = ctx.mention_at.get(t)
        if tokens[t].sent_id != tokens[first].sent_id or tokens[t].pos == "VERB" or (
                index is not None and ctx.mention_type(index) == "PER"):
            return None
        if tokens[t].lemma in envoys:
            return tokens[t].lemma
    return None


def _adjective_trip(ctx: Context, origin: tuple[str, str, int | None], destinations: list[int],
                   trip: Token) -> bool:
    """A title named by its place's adjective («забайкальский губернатор») on a trip to
    another region or abroad: his place's group, where the text names no group or one
    without an origin. True where it was made."""
    home = gazetteer().lookup(origin[0])
    if home is None or not any((away := mention_place(ctx, d)) is not None
                               and _another_region(away, home) for d in destinations):
        return False
    if len(ctx.delegations) == 1 and not ctx.delegations[0].origin:
        index = 0
        _set_origin(ctx, ctx.delegations[0], *origin, trip.sent_id)
    elif ctx.delegations:
        return False
    else:
        index = new_delegation(ctx, *origin, trip.sent_id)
    _add_trip(ctx, index, trip)
    return True


def _group_places(ctx: Context, group: Delegation) -> set[Place]:
    """The places the gazetteer knows a group to come from: its origin's, and the less
    specific ones the text names too («китайская делегация … провинции Аньхой»)."""
    places = {_origin_place(ctx, group.origin, group.origin_entity)}
    places |= {gazetteer().lookup(ctx.doc.entities[entity].normal)
               for entity in group.also_from if 0 <= entity < len(ctx.doc.entities)}
    return {place for place in places if place is not None}


def _visit_destination(ctx: Context, trip: int) -> list[int]:
    """The place right after a trip noun («с визитом в Кении»), wherever the parse hangs it;
    the country or region of a capital it names («визита в столицу Белоруссии»)."""
    index = place_after(ctx, trip, TRIP_DIRECTIONS)
    if index is None:
        tokens, t = ctx.doc.tokens, trip + 2
        if t + 1 < len(tokens) and tokens[trip + 1].lemma in ("в", "во") \
                and tokens[t].lemma in ctx.vocab.words("capital_nouns"):
            index = ctx.mention_at.get(t + 1)
            if index is not None and (ctx.mention_type(index) != "LOC"
                                      or ctx.first(index) != t + 1):
                index = None
    return [index] if index is not None else []


def place_after(ctx: Context, word: int, prepositions: tuple[str, ...]) -> int | None:
    """The place named right after ``word`` and one of ``prepositions`` («делегацию из
    Тамбова», «с визитом в Кении»), in its sentence, wherever the parse hangs it; past a
    descriptor the place's name does not hold («поездки в г. Ош», «в турецкий город X»)."""
    tokens = ctx.doc.tokens
    after = word + 1
    if after + 1 >= len(tokens) or tokens[after].lemma not in prepositions \
            or tokens[after].sent_id != tokens[word].sent_id:
        return None
    start = after + 1
    descriptors = ctx.vocab.place_descriptors | ctx.vocab.words("town_abbreviations")
    while start < min(after + 4, len(tokens) - 1) and start not in ctx.mention_at and (
            tokens[start].lemma in descriptors or tokens[start].text == "."
            or (tokens[start].pos == "ADJ" and tokens[start + 1].lemma in descriptors)):
        start += 1
    if start > after + 1 and tokens[start - 1].lemma not in descriptors \
            and tokens[start - 1].text != ".":
        return None
    index = ctx.mention_at.get(start)
    if index is None or ctx.mention_type(index) != "LOC" or ctx.first(index) != start:
        return None
    return index


def _groups_of_named_people(ctx: Context) -> None:
    """In a text of several groups, named people who came from a place or body with no group
    word are a group of their own: «От Томской области приехали X, …, и Y, …», «Из Казани
    прибыли X и Y», «Ярославскую область представляли X и Y». Its origin is that place or
    body; the verb refers to it (``PEOPLE_GROUP``: its subjects are its members); a group
    from the same place, or from the country it lies in, already told takes the verb
    instead."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    arrivals, representing = vocab.words("arrival_verbs"), vocab.words("representation_verbs")
    for verb in tokens:
        if (verb.lemma not in arrivals and verb.lemma not in representing) \
                or not past_finite_verb(verb) or ctx.planned(verb.token_id) \
                or ctx.in_speech(verb.token_id) or ctx.ref_at(verb.token_id) is not None:
            continue
        subjects = [c for c in ctx.children.get(verb.token_id, [])
                    if tokens[c].rel == "nsubj"]
        persons = subject_persons(ctx, verb.token_id)
        if not subjects or any(ctx.ref_at(c) is not None for c in subjects) or not persons \
                or (verb.lemma not in arrivals and len(persons) < 2):
            continue  # (one official who represents his region at a meeting is no group)
        origin = _people_origin(ctx, verb, verb.lemma in arrivals)
        if origin is None or (ctx.mention_type(origin) == "LOC"
                              and mention_place(ctx, origin) is None):
            continue  # (a place the gazetteer knows: not «Соседнюю республику представляли»)
        found = _origin_mention(ctx, origin)
        # («прибыли делегации из Киргизии … Из Бишкека приехали X и Y»: the country's group)
        index = next((i for i, group in enumerate(ctx.delegations)
                      if group.origin and (same_place(group.origin, found[0]) or lies_within(
                          ctx, found[0], found[2], group.origin))), None)
        if index is None:
            index = new_delegation(ctx, *found, verb.sent_id)
        ctx.delegations[index].ref_tokens.append(verb.token_id)
        ctx.refs.append(Ref(verb.token_id, verb.sent_id, index, PEOPLE_GROUP))


def _people_origin(ctx: Context, verb: Token, arrival: bool) -> int | None:
    """Where the people of the verb come from: a place or body «из»/«от» on an arrival verb
    («Из китайского города X прибыли …»), or the object they represent."""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(verb.token_id, []):
        if arrival and tokens[child].rel == "obl" \
                and ctx.governed(child, *ORIGIN_PREPOSITIONS) \
                and not _named_person_before(ctx, child):
            index = ctx.mention_at.get(child)
            if index is None and tokens[child].lemma in ctx.vocab.place_descriptors:
                # «Из китайского города Суйфэньхэ»: the name the descriptor carries
                index = next((ctx.mention_at[c] for c in ctx.children.get(child, [])
                              if c in ctx.mention_at and tokens[c].rel != "amod"), None)
            if index is not None and ctx.mention_type(index) in ("LOC", "ORG"):
                return index
        if not arrival and tokens[child].rel == "obj" and ctx.ref_at(child) is None:
            named = ctx.mention_at.get(child)
            if named is not None and ctx.mention_type(named) in ("LOC", "ORG"):
                return named
    return None


def _named_person_before(ctx: Context, word: int) -> bool:
    """Is the phrase of ``word`` («из Агентства X») right after a person's name, so his
    («приехали в сопровождении Ивана Петрова из Агентства X»: the escort's body)?"""
    first = min((c for c in ctx.children.get(word, []) if c < word), default=word)
    before = ctx.mention_at.get(first - 1)
    return before is not None and ctx.mention_type(before) == "PER"


def _gapped_groups(ctx: Context) -> None:
    """«Албанскую делегацию возглавлял X, сербскую — Y, тунисскую — Z»: a place's adjective
    alone after a comma, a dash and a person, in a sentence whose verb of leading has a group
    word, is that place's group (the group word and the verb left out), where no group comes
    from there yet; the adjective refers to it (roles.headed_gapped finds its head)."""
    tokens, leads = ctx.doc.tokens, ctx.vocab.words("lead_verbs")
    for verb in (t.token_id for t in tokens if t.lemma in leads and is_finite_verb(t)
                 and not ctx.planned(t.token_id)):
        sentence = ctx.sentence(tokens[verb].sent_id)
        if not any(r.sent_id == tokens[verb].sent_id and r.token < verb for r in ctx.refs):
            continue
        for at in range(verb + 2, sentence.stop - 2):
            if tokens[at - 1].text != "," or not tokens[at].text.islower() \
                    or tokens[at + 1].text not in DASH_OR_HYPHEN \
                    or leader_named(ctx, at + 2) is None:
                continue
            place = adjective_place(ctx, tokens[at].lemma.lower(), head=True)
            if place is None or any(d.origin and same_place(d.origin, place[0])
                                    for d in ctx.delegations):
                continue  # (a group from there already: «киргизскую» of «Киргизии»'s)
            index = new_delegation(ctx, *place, tokens[at].sent_id)
            ctx.delegations[index].ref_tokens.append(at)
            ctx.refs.append(Ref(at, tokens[at].sent_id, index, "rule:delegation.head"))


def _places_represented_by_people(ctx: Context) -> None:
    """«Навоийскую область представляли первый заместитель хокима X и директор зоны Y»
    beside the groups a text names by their word: the named people who represent a place
    (``representation_verbs``, the place its object) are that place's group, where no group
    comes from it yet. The verb refers to it (``PEOPLE_GROUP``: its subjects are its members)."""
    tokens = ctx.doc.tokens
    for verb in tokens:
        if verb.lemma not in ctx.vocab.words("representation_verbs") \
                or not is_finite_verb(verb) or ctx.in_speech(verb.token_id) \
                or ctx.ref_at(verb.token_id) is not None \
                or len(subject_persons(ctx, verb.token_id)) < 2:
            continue  # (one man representing a region at a meeting is as often its host)
        # (the place before the verb the parse may take for a subject: «Навоийскую область
        # представляли X и Y»)
        place = next((ctx.mention_at[c] for c in ctx.children.get(verb.token_id, [])
                      if (tokens[c].rel == "obj" or (tokens[c].rel == "nsubj"
                                                     and c < verb.token_id))
                      and c in ctx.mention_at
                      and ctx.mention_type(ctx.mention_at[c]) == "LOC"), None)
        if place is None or any(ctx.entity(place) == d.origin_entity for d in ctx.delegations):
            continue
        index = new_delegation(ctx, *_origin_mention(ctx, place), verb.sent_id)
        ctx.delegations[index].ref_tokens.append(verb.token_id)
        ctx.refs.append(Ref(verb.token_id, verb.sent_id, index, PEOPLE_GROUP))


def _official_arrival(ctx: Context, besides_groups: bool = False) -> bool:
    """«В Пензу прибыл X, посол Боливии в России»: in a text that names no group, a national
    or regional official who arrives in or visits a place of another country or another
    region (or a site there: «посетил технопарк «X» в Китае») is a travelling group from his
    place; so is an envoy abroad who visits any site («Посол Индии X посетил технопарк»), and
    a named official who visits a named site of his own region. The visit verb
    refers to it. True where one was found. ``besides_groups``: in a text that names groups,
    an official of a place none of them comes from (his own trip, not theirs)."""
    vocab = ctx.vocab
    # what an official does «в X» that is no visit by itself: signing, meeting, flying in,
    # being there («аким X находится в Таиланде»)
    official_acts = vocab.words("official_act_verbs")
    acts = official_acts | vocab.words("visit_motion_verbs") \
        | vocab.words("head_presence_verbs")
    for verb in ctx.doc.tokens:
        acting = verb.lemma in acts  # «Губернатор X подписал в Пекине соглашение»
        # a host's verb is his own act only «в» a place away («провёл в Минске переговоры»)
        if (verb.lemma not in vocab.visit_triggers and not acting) \
                or (verb.lemma in vocab.host_verbs
                    and verb.lemma not in official_acts) \
                or not (is_finite_verb(verb) or _past_nonfinite(verb)) \
                or (ctx.planned(verb.token_id) and not _announced_trip(ctx, verb)) \
                or ctx.in_speech(verb.token_id) or in_group(ctx, verb.token_id):
            continue
        arrival = _arrival_of(ctx, verb, acting)
        if any(_official_travels(ctx, arrival, child, besides_groups)
               for child in _arrival_subjects(ctx, arrival)):
            return True
    return False


@dataclass(frozen=True)
class _Arrival:
    """A verb an official may travel by, with what it reaches: ``destinations`` (mentions of
    places and of the places of sites), ``away`` (their gazetteer places), ``sites``."""

    verb: Token
    acting: bool  # an act done «в» a place (signing, meeting), not a visit by itself
    objects: list[int]
    destinations: list[int]
    away: list[Place]
    sites: list[int]


def _arrival_of(ctx: Context, verb: Token, acting: bool) -> _Arrival:
    """What the verb's objects name as where the official went."""
    tokens = ctx.doc.tokens
    children = ctx.children.get(verb.token_id, [])
    # «X с рабочей поездкой посетил Ижевск»: a second subject after the verb, in the
    # accusative, is the parse's mistake for the object
    objects = [c for c in children if tokens[c].rel in ("obl", "obj") or (
        tokens[c].rel == "nsubj" and c > verb.token_id and "Case=Acc" in tokens[c].feats
        and any(tokens[o].rel == "nsubj" and o < verb.token_id for o in children))]
    misparsed = misparsed_objects(ctx, verb.token_id)
    objects += misparsed
    sites = _sites_visited(ctx, verb, misparsed)
    destinations = [place for c in objects
                    if (place := _place_word(ctx, c)) is not None
                    and (not acting or any(tokens[g].lemma in ("в", "во")
                                           for g in ctx.children.get(c, [])))]
    destinations += _places_of_objects(ctx, objects)
    if acting:  # «встречался с Иваном Петровым в Ереване»: the parse hung it on the name
        destinations += [d for d in _place_after_partner(ctx, objects)
                         if d not in destinations]
        # «X провёл переговоры с Y. Беседа прошла в Тегеране»: where the next sentence
        # says the meeting was held
        destinations += [d for d in _meeting_held_next(ctx, verb) if d not in destinations]
    away = [place for d in destinations if (place := mention_place(ctx, d)) is not None]
    return _Arrival(verb, acting, objects, destinations, away, sites)


def _places_of_objects(ctx: Context, objects: list[int]) -> list[int]:
    """«посетил технопарк «X» в Китае», «ознакомился с экспозицией на выставке X в Москве»:
    the place of the site or event visited; «прибыл в столицу Татарстана»."""
    tokens = ctx.doc.tokens
    capitals = ctx.vocab.words("capital_nouns")

    def after_in(token: int) -> bool:
        return any(tokens[p].lemma in ("в", "во") for p in ctx.children.get(token, []))

    return [ctx.mention_at[g] for c in objects
            if "Animacy=Anim" not in tokens[c].feats  # not «с послом X в Y»
            for g in _site_words(ctx, c) if g in ctx.mention_at
            and ctx.mention_type(ctx.mention_at[g]) == "LOC"
            and tokens[g].rel == "nmod"
            and (after_in(g) or (tokens[c].lemma in capitals and after_in(c)))]


def _arrival_subjects(ctx: Context, arrival: _Arrival) -> list[int]:
    """Who travels by the verb: its subjects, or a name the parse lost after or before it."""
    tokens, verb = ctx.doc.tokens, arrival.verb
    subjects = [c for c in ctx.children.get(verb.token_id, [])
                if tokens[c].rel == "nsubj" and c not in arrival.objects]
    if subjects and not arrival.acting and all(
            c < verb.token_id and c in ctx.mention_at
            and ctx.mention_type(ctx.mention_at[c]) in ("ORG", "PARK", "LOC")
            for c in subjects) and _title_after(ctx, verb.token_id + 1):
        # «БГТУ посетил заместитель посла X Имя»: the site first, the official after the
        # verb, where the parse took the site for the subject
        subjects = []
    if not subjects:
        # «В Курск прибыл посол X в РФ Имя»: after the verb, where the parse lost it
        after = ctx.first_mention_after(verb.token_id + 1, ("PER",), 14,
                                        stop_at_comma=False)
        subjects = [ctx.first(after)] if after is not None else []
    if not subjects:
        # «Чрезвычайный и Полномочный Посол X Имя посетил …»: the name right before the
        # verb, where the parse hung the title elsewhere; «Посол X Имя, посетивший …»:
        # before the comma that opens a participle's phrase
        before = ctx.mention_at.get(verb.token_id - 1)
        if before is None and "VerbForm=Part" in verb.feats \
                and tokens[verb.token_id - 1].text == ",":
            before = ctx.mention_at.get(verb.token_id - 2)
        if before is not None and ctx.mention_type(before) == "PER":
            subjects = [ctx.first(before)]
    return subjects


def _official_travels(ctx: Context, arrival: _Arrival, child: int,
                      besides_groups: bool) -> bool:
    """Whether the subject ``child`` of the verb is an official on a trip away from his
    place; where so, his group is made (or found) and the verb refers to it."""
    verb, acting, away = arrival.verb, arrival.acting, arrival.away
    destinations, sites = arrival.destinations, arrival.sites
    official_acts = ctx.vocab.words("official_act_verbs")
    person, title = _subject_title(ctx, child)
    told_next = False
    if person is not None and title is None:
        title = _title_told_next(ctx, verb.sent_id, ctx.entity(person))
        told_next = title is not None
    home = mention_place(ctx, title) if title is not None else None
    origin = _title_adjective_origin(ctx, child) if title is None else None
    if origin is not None:  # «тамбовский губернатор»
        home = gazetteer().lookup(origin[0])
    if home is None and title is None and origin is None and not besides_groups:
        # «Губернатор Иван Петров подписал в Пекине …»: a bare regional title abroad
        origin = _bare_post_origin(ctx, child, person, away) if away \
            else _bare_post_at_site(ctx, person, verb, sites) if not acting else None
        if origin is None and not acting:
            origin = _untitled_traveller(ctx, person, verb, destinations, sites)
        if origin is None and not acting:
            origin = _body_post_at_site(ctx, person, verb, destinations, sites)
        if origin is not None:
            index = new_delegation(ctx, *origin, verb.sent_id)
            if person is not None:  # («Губернатор прибыл в Пекин»: no name)
                ctx.delegations[index].head = ctx.entity(person)
            _add_trip(ctx, index, verb)
            return True
    if home is None and _unknown_foreign_region_abroad(ctx, title, arrival, besides_groups):
        # «Губернатор штата Огун X отправился в Египет»: a foreign region the gazetteer does
        # not know, whose official goes to a country
        index = new_delegation(ctx, *_origin_mention(ctx, title), verb.sent_id)
        _add_trip(ctx, index, verb)
        return True
    if home is None and title is not None and sites and not acting \
            and ctx.mention_type(title) == "LOC" and _with_entourage(ctx, verb.token_id):
        # «Мэр Драсены X в сопровождении секретаря Y посетил технопарк «Z»»: an official of a
        # place the gazetteer does not know, at a site with his entourage, is their group
        _trip_group(ctx, _origin_mention(ctx, title), verb, besides_groups)
        return True
    if home is None:
        return False
    # a named official at a named site of his own region travels too («Губернатор
    # X Иван Петров посетил завод «Кедр»»): the later batches' convention
    own_site = not besides_groups and person is not None and not acting \
        and bool(sites) and not (
            home.country == HOME_COUNTRY and _foreign_place_beside(ctx, verb, set()))
    # («Губернатор X посетил завод «Кедр» вместе с послом Китая»: a foreign guest's
    # host)
    if verb.lemma in ctx.vocab.words("leaving_verbs") \
            and not any(a.country != home.country for a in away):
        return False  # «посол X вылетел в Дели», «губернатор уехал в Братск»: home
    if (acting or told_next) and not any(_another_region(a, home) for a in away):
        return False  # acting at home is no trip; a title told later may be the host's
    if verb.lemma in official_acts and (
            (home.kind == "country" and all(a.country == home.country for a in away))
            or ctx.clause_at_another_time(verb.token_id)):
        # «министр России провёл в Москве совещание»: a country's official at work
        # in it; «в прошлом году губернатор провёл в Минске переговоры»: no trip now
        return False
    # a foreign envoy is posted abroad: a town the gazetteer does not know («посетил
    # Шую») is no place of his own country
    envoy_abroad = home.kind == "country" and home.country != HOME_COUNTRY \
        and len(away) < len(destinations) and _envoy(ctx, child, person)
    if not own_site and not envoy_abroad \
            and not any(_another_region(a, home) for a in away) and (
            destinations or home.kind != "country" or not _envoy(ctx, child, person)):
        return False
    if besides_groups and (not destinations or ctx.clause_at_another_time(verb.token_id)):
        return False  # («… после того, как президент X побывал в Y в 2016 году»: a trip
        # of another time beside the groups of the news)
    own = next((i for i, group in enumerate(ctx.delegations)
                if home in _group_places(ctx, group)), None) if besides_groups else None
    if own is not None:
        return not acting and _member_trip(ctx, own, verb)
    if title is not None:  # else the title's adjective gave the origin
        origin = _origin_mention(ctx, title)
        if person is None and ctx.mention_type(title) == "ORG":
            # «Глава правительства Тамбовской области посетил …»: the region's trip
            origin = (home.canonical, "strong", None)
    index = _trip_group(ctx, origin, verb, besides_groups)
    if told_next:  # his title names his group only in a later sentence: he heads it
        ctx.delegations[index].head = ctx.entity(person)
    return True


def _trip_group(ctx: Context, origin: tuple[str, str, int | None], verb: Token,
                besides_groups: bool) -> int:
    """The group of an official's trip: the one group the text names without an origin
    («Глава Калмыкии X посетил область Y. … делегация республики посетила завод»), else a
    new one; the verb refers to it."""
    unnamed = [i for i, d in enumerate(ctx.delegations) if not d.origin
               and not all(_several_groups(ctx, t) for t in d.ref_tokens)]
    if besides_groups and len(unnamed) == len(ctx.delegations) == 1:
        index = unnamed[0]
        _set_origin(ctx, ctx.delegations[index], *origin, verb.sent_id)
    else:
        index = new_delegation(ctx, *origin, verb.sent_id)
    _add_trip(ctx, index, verb)
    return index


def _unknown_foreign_region_abroad(ctx: Context, title: int | None, arrival: _Arrival,
                                   besides_groups: bool) -> bool:
    """Is the title's place a region the gazetteer does not know, named after a foreign
    region's word («штата Огун», «провинции X»: ``foreign_only_region_words``), and is each
    place the verb reaches a country (no act done «в» a place, no group named besides)?"""
    if title is None or besides_groups or arrival.acting or not arrival.away \
            or ctx.mention_type(title) != "LOC" \
            or len(arrival.away) != len(arrival.destinations) \
            or not any(place.kind == "country" for place in arrival.away) \
            or any(place.kind != "country" for place in arrival.away):
        return False
    words = ctx.vocab.words("foreign_only_region_words")
    return any(word in words for word in place_descriptor(ctx, title))


def _member_trip(ctx: Context, group: int, verb: Token) -> bool:
    """«Министр Сербии X посетил технополис «Y» … Ранее делегация Сербии уже посещала …»: an
    official's visit beside his country's group the text names is that group's (the one key
    of its visits); a member's trip: he does not head it. True where the visit verb became
    the group's reference."""
    if verb.lemma not in ctx.vocab.visit_triggers or ctx.planned(verb.token_id) \
            or ctx.ref_at(verb.token_id) is not None \
            or any(r.delegation == group and r.sent_id == verb.sent_id for r in ctx.refs):
        return False
    ctx.delegations[group].ref_tokens.append(verb.token_id)
    ctx.refs.append(Ref(verb.token_id, verb.sent_id, group, "rule:delegation.member_trip"))
    return True


def _meeting_held_next(ctx: Context, verb: Token) -> list[int]:
    """«Глава Чувашии провёл переговоры с президентом Ирана. Беседа прошла в Тегеране»,
    «… встретился с премьером Армении. Встреча состоялась в Ереване»: for a verb of meeting,
    the places «в» the clause of the next sentence whose subject is a meeting word and whose
    verb says, in the past, that it took place."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    meetings = vocab.words("meeting_words")
    held = vocab.words("took_place_verbs")
    own = {verb.token_id, *ctx.children.get(verb.token_id, [])}
    if not any(tokens[t].lemma in meetings for t in own) \
            or verb.sent_id + 1 >= len(ctx.doc.sentences):
        return []  # only a meeting verb («провёл переговоры», «встретился») has a venue told next
    for t in ctx.sentence(verb.sent_id + 1):
        word = tokens[t]
        if word.lemma not in meetings or word.pos != "NOUN" or word.rel != "nsubj" \
                or (head := word.head_id) < 0 or tokens[head].lemma not in held \
                or "Tense=Past" not in tokens[head].feats or ctx.planned(head):
            continue
        return [index for index in ctx.mentions_in(ctx.scope(head))
                if ctx.mention_type(index) == "LOC" and ctx.governed(ctx.first(index), "в", "во")]
    return []


def _past_nonfinite(verb: Token) -> bool:
    """«Посетив завод X, посол …», «посол X, посетивший завод Y, …»: a perfective gerund or
    a past active participle tells of a visit made, as a past finite verb does."""
    return verb.pos == "VERB" and (
        ("VerbForm=Conv" in verb.feats and "Aspect=Perf" in verb.feats)
        or ("VerbForm=Part" in verb.feats and "Tense=Past" in verb.feats
            and "Voice=Act" in verb.feats))


def _place_after_partner(ctx: Context, objects: list[int]) -> list[int]:
    """The places «в Y» that the parse hangs on a named partner of the verb («встречался с
    Иваном Петровым в Ереване»): where the act was, not the partner's post (a title's «в»,
    «с послом Китая в России», hangs on the title, not on a name)."""
    tokens = ctx.doc.tokens
    return [ctx.mention_at[g] for c in objects
            if c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "PER"
            and ctx.governed(c, "с")
            for g in ctx.children.get(c, [])
            if g > c and tokens[g].rel == "nmod" and g in ctx.mention_at
            and ctx.mention_type(ctx.mention_at[g]) == "LOC" and ctx.governed(g, "в", "во")]


def _announced_trip(ctx: Context, verb: Token) -> bool:
    """«Глава области X посетит Казань», «в Минск прибудет посол Y»: a trip told in the
    future tense by a verb of visiting or arriving (not signing or meeting), not negated.
    The group it makes is annotated with its origin and head; its visits are not (the
    visit rules read the verb's tense themselves)."""
    vocab = ctx.vocab
    return ctx.future(verb.token_id) and (
        verb.lemma in vocab.visit_triggers or verb.lemma in vocab.words("visit_motion_verbs")) \
        and not ctx.negated(verb.token_id)


def _body_trip(ctx: Context) -> bool:
    """«Агентство «Весна» посетило технопарк «Орёл»», «Правление фонда «Мирай» осмотрело
    зону «X»»: in a text that names no group, an organisation (not a park, not a place), or
    its board or staff (``body_board_nouns``), as the subject of a past visit verb with a site
    or place of its own as the verb's object is a group from that organisation (its people
    went). True where one was found; the verb refers to it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    # (a verb of seeing a site, not of arriving: «Компания «X» прибыла в Тверь, чтобы
    # участвовать в выставке» is the company's own act)
    seeing = vocab.words("site_seeing_verbs")
    for verb in tokens:
        if verb.lemma not in seeing or not past_finite_verb(verb) \
                or ctx.planned(verb.token_id) or ctx.in_speech(verb.token_id):
            continue
        children = ctx.children.get(verb.token_id, [])
        subjects = [c for c in children if tokens[c].rel == "nsubj"] or [
            c for c in children if tokens[c].rel == "obj" and c < verb.token_id
            and "Gender=" in verb.feats and feats_agree(tokens[c], verb)]
        # (a word before the verb that agrees with its gender, «Правление … посетило»: the
        # subject the parse took for the object)
        bodies = [m for c in subjects
                  if (m := _visiting_body(ctx, c)) is not None and ctx.mention_type(m) == "ORG"]
        sites = [m for c in children if tokens[c].rel in ("obj", "obl")
                 and c not in subjects and (m := name_at(ctx, c)) is not None
                 and ctx.mention_type(m) in ("ORG", "PARK", "LOC")]
        if len(bodies) != 1 or not sites \
                or any(ctx.entity(site) == ctx.entity(bodies[0]) for site in sites):
            continue
        index = new_delegation(ctx, *_origin_mention(ctx, bodies[0]), verb.sent_id)
        ctx.delegations[index].ref_tokens.append(verb.token_id)
        ctx.refs.append(Ref(verb.token_id, verb.sent_id, index, "rule:delegation.body_trip"))
        return True
    return False


def _visiting_body(ctx: Context, t: int) -> int | None:
    """The organisation a subject word names: its own name, or the body its board's or
    staff's word has in the genitive («Правление фонда «Мирай»»)."""
    if t in ctx.mention_at or ctx.doc.tokens[t].lemma not in ctx.vocab.words("body_board_nouns"):
        return name_at(ctx, t)
    return _named_genitive(ctx, t)


def _named_genitive(ctx: Context, t: int) -> int | None:
    """The organisation a body's board or staff word names in the genitive right after it
    («Правление фонда «Мирай»», «руководство компании «X»»), None where there is none."""
    tokens = ctx.doc.tokens
    return next((m for c in ctx.children.get(t, []) if tokens[c].rel == "nmod"
                 and c > t and (m := name_at(ctx, c)) is not None
                 and ctx.mention_type(m) == "ORG"), None)


def _add_trip(ctx: Context, index: int, word: Token) -> None:
    """The word that tells of a lone official's trip refers to his group."""
    ctx.delegations[index].ref_tokens.append(word.token_id)
    ctx.refs.append(Ref(word.token_id, word.sent_id, index, "rule:delegation.trip"))


def _bare_post_origin(ctx: Context, subject: int, person: int | None,
                      away: list[Place]) -> tuple[str, str, int | None] | None:
    """«Губернатор Иван Петров подписал в Пекине …», «губернатор находится с поездкой в
    Китае»: a regional head's title that names no place, right before the name (or the
    subject itself, with no genitive), travels where a place of ``away`` lies outside his
    region. His region is the one region the text names outside the countries he visits;
    where it names none, the group has no origin, if Russia is the one other country the
    text names. The origin, or None where he made no trip."""
    tokens, posts = ctx.doc.tokens, ctx.vocab.words("regional_head_posts")
    word = ctx.first(person) - 1 if person is not None else subject
    if word < 0 or word in ctx.mention_at or tokens[word].lemma not in posts \
            or tokens[word].sent_id != tokens[subject].sent_id or any(
                tokens[c].rel == "nmod" for c in ctx.children.get(word, [])) or not away:
        return None
    visited = {place.country for place in away}
    places = [(index, place) for index, place in _places_named(ctx)
              if place.country not in visited]
    regions = _regions_named(ctx, places)
    if len(regions) == 1:
        (index,) = regions.values()
        home = dict(places)[index]
        if not any(_another_region(place, home) for place in away):
            return None
        return _origin_mention(ctx, index)
    # a bare title in the Russian news is a Russian official's: not the host of a foreign
    # guest («губернатор встретился в Твери с послом Китая»)
    if regions or {place.country for _, place in places} != {HOME_COUNTRY}:
        return None
    return "", "none", None


def _bare_post_at_site(ctx: Context, person: int | None, verb: Token,
                       sites: list[int]) -> tuple[str, str, int | None] | None:
    """«Глава округа Иван Петров посетил завод «Кедр»», «министр Иван Петров посетил технопарк
    «Луч»»: a named official whose post names no place of its own (or only a bare place
    word) at a named site travels too (the later batches' convention): a governor from the
    one region the text names, any other with no origin. None where there is no such
    official, or a governor's text names several regions. ``sites``: the verb's
    ``_sites_visited``."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if person is None or not sites:
        return None
    word = ctx.first(person) - 1
    if word >= 1 and word not in ctx.mention_at and tokens[word].lemma in vocab.geo_descriptors \
            and not ctx.children.get(word):
        word -= 1  # «Глава округа Иван Петров»: a bare place word after the post
    if word < 0 or word in ctx.mention_at \
            or tokens[word].lemma not in vocab.words("government_posts") \
            or tokens[word].sent_id != verb.sent_id or any(
                tokens[c].rel == "nmod" and tokens[c].lemma not in vocab.geo_descriptors
                for c in ctx.children.get(word, [])):
        return None
    # «Губернатор X посетил завод вместе с послом Китая», «X и посол Китая посетили»: the
    # host of a foreign guest, not a traveller
    if _foreign_place_beside(ctx, verb, set()):
        return None
    if tokens[word].lemma not in vocab.words("regional_head_posts"):
        return "", "none", None  # a minister's, a mayor's: of the state, the region or a town
    regions = _regions_named(ctx, _places_named(ctx))
    if len(regions) > 1:
        return None
    return _origin_mention(ctx, next(iter(regions.values()))) if regions else ("", "none", None)


def _untitled_traveller(ctx: Context, person: int | None, verb: Token, destinations: list[int],
                        sites: list[int]) -> tuple[str, str, int | None] | None:
    """«Михаил Мишустин прибыл в Магадан», «Иван Петров посетил технопарк «Кедр»»: in a text
    that names no group, a person named with no post before his name who visits a place or
    a named site makes a trip of his own (the later batches' convention), from no stated
    origin. Not where his sentence names a foreign country (the host of a foreign guest),
    nor where a post or body stands right before the name. ``sites``: the verb's
    ``_sites_visited``."""
    tokens = ctx.doc.tokens
    if person is None or not (destinations or sites):
        return None
    word = _before_describing_words(ctx, ctx.first(person) - 1)
    if word >= 0 and tokens[word].sent_id == verb.sent_id and (
            word in ctx.mention_at or tokens[word].pos in ("NOUN", "PROPN", "ADJ")):
        return None  # a title or a body before the name: the rules of posts decide
    mentions = ctx.doc.entities[ctx.entity(person)].mention_ids
    if any(_with_post(ctx, i) for i in mentions) or _hosts(ctx, mentions) \
            or _own_place_visited(ctx, verb) \
            or _foreign_place_beside(ctx, verb, set(destinations)):
        return None  # an official, a host or guide, an owner at home, a foreign guest's host
    return "", "none", None


def _before_describing_words(ctx: Context, t: int) -> int:
    """The word at ``t`` or before it past the words that describe a person right before
    his name and tell no post: an adjective («Семидесятилетний», «Молодой»), an honorific or a
    title of nobility («Сэр», «Барон»); the entity rules leave them out of the name."""
    tokens, describing = ctx.doc.tokens, ctx.vocab.person_describing_words
    while t >= 0 and t not in ctx.mention_at and (
            _adjective(tokens[t]) or tokens[t].lemma.lower() in describing):
        t -= 1
    return t


def _body_post_at_site(ctx: Context, person: int | None, verb: Token, destinations: list[int],
                       visited: list[int]) -> tuple[str, str, int | None] | None:
    """«Генеральный директор компании «Луч» Иван Петров посетил технопарк «Кедр»»: a named
    official whose post is in a body the gazetteer places nowhere (a company, a university,
    an association) at a named site of another body travels for his body (the later
    batches' convention). None where the person has no such post, the site is his own body,
    or he is a host (anywhere the subject of hosting or showing, or beside a foreign place:
    a foreign guest's escort). ``visited``: the verb's ``_sites_visited``."""
    titled = _title_body(ctx, person) if person is not None else None
    if titled is None or mention_place(ctx, titled[0]) is not None \
            or _own_place_visited(ctx, verb):
        return None  # «посетил свой завод «X»»: his own body's site
    body, home = titled
    sites = {ctx.entity(index) for index in visited}
    if not any(ctx.doc.tokens[c].lemma in ctx.vocab.participation_nouns
               for c in ctx.children.get(verb.token_id, [])):
        # «глава Минздрава X побывал в Y»; one who came «для участия» in an event takes part;
        # not the region his body's adjective names («директор тверской компании» in Твери)
        sites |= {ctx.entity(index) for index in destinations
                  if home is None or (away := mention_place(ctx, index)) is None
                  or _another_region(away, home)}
    if not sites or ctx.entity(body) in sites \
            or _hosts(ctx, ctx.doc.entities[ctx.entity(person)].mention_ids) \
            or _foreign_place_beside(ctx, verb, set()):
        return None
    return _origin_mention(ctx, body)


def _title_body(ctx: Context, person: int) -> tuple[int, Place | None] | None:
    """The organisation named in the genitive of the title right before a person, with no
    other mention between («директор компании «Луч» Иван Петров», «ректор Ольховского
    университета Иван Петров»), and its home: the place an adjective in the phrase names, from
    the body's name back to the title word («директор тверской компании «Луч»»), None where
    none does. None where there is no such body."""
    tokens = ctx.doc.tokens
    first = ctx.first(person)
    body = ctx.mention_at.get(first - 1) if first > 0 else None
    if body is None or ctx.mention_type(body) != "ORG":
        return None
    home: Place | None = None
    seeking = True  # the home: until a place, a title or a word that breaks the phrase
    for t in range(ctx.last(body), max(first - 9, -1), -1):
        in_phrase = _title_phrase_word(ctx, t, first, body)
        before_body = t < ctx.first(body)
        if before_body and not in_phrase:
            return None
        seeking = seeking and in_phrase
        if seeking and (home := adjective_home(ctx, tokens[t])) is not None:
            seeking = False
        if ctx.vocab.is_title(tokens[t].lemma):
            if before_body:
                return body, home
            seeking = False  # a title word in the body's name: its home is not told
    return None


def _title_phrase_word(ctx: Context, t: int, first: int, body: int) -> bool:
    """Can the word at ``t`` be one of a title phrase that ends in ``body`` right before the
    person's first word ``first``: a nominal word of the sentence, of no other mention?"""
    token = ctx.doc.tokens[t]
    return token.sent_id == ctx.doc.tokens[first].sent_id and token.text not in CHUNK_BREAKS \
        and ctx.mention_at.get(t) in (None, body) and token.pos in NOMINAL_POS


def adjective_home(ctx: Context, token: Token) -> Place | None:
    """The gazetteer's place an adjective names («тверской» → Тверская область), if any."""
    origin = adjective_place(ctx, token.lemma) if token.pos == "ADJ" else None
    return gazetteer().lookup(origin[0]) if origin is not None else None


def _with_post(ctx: Context, index: int) -> bool:
    """Is the person's mention told with a post: a title right before it (past adjectives)
    or after a comma or dash right after it («Иван Петров, директор завода …»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t = ctx.first(index) - 1
    while t >= 0 and tokens[t].pos == "ADJ" and t not in ctx.mention_at:
        t -= 1
    if t >= 0 and vocab.is_title(tokens[t].lemma):
        return True
    t = ctx.last(index) + 1
    if t + 1 < len(tokens) and tokens[t].text in (",", *DASH_OR_HYPHEN):
        t += 1
        while t < len(tokens) - 1 and tokens[t].pos == "ADJ":
            t += 1
        return vocab.is_title(tokens[t].lemma)
    return False


def _hosts(ctx: Context, mentions: list[int]) -> bool:
    """Is the person anywhere the subject of a verb of hosting, showing or escorting guests
    («Иван Петров показал гостям цеха», «гостей сопровождал Иван Петров»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.host_verbs | vocab.words("showing_verbs") | vocab.words("escort_verbs")
    return any(tokens[t].rel in ("nsubj", "flat:name") and tokens[t].head_id >= 0
               and tokens[_name_head(ctx, t)].lemma in verbs
               for index in mentions for t in ctx.mention_tokens(index))


def _name_head(ctx: Context, t: int) -> int:
    """The word a name's subject word hangs on (past the name's own parts)."""
    tokens = ctx.doc.tokens
    seen = {t}  # (a parse may loop: each word once)
    while tokens[t].rel == "flat:name" and tokens[t].head_id >= 0 \
            and tokens[t].head_id not in seen:
        t = tokens[t].head_id
        seen.add(t)
    return tokens[t].head_id if tokens[t].rel == "nsubj" else t


def _own_place_visited(ctx: Context, verb: Token) -> bool:
    """Does the visit verb's object carry a word of one's own («свой завод», «родную Тверь»)?"""
    tokens, own = ctx.doc.tokens, ctx.vocab.words("own_site_markers")
    return any(tokens[g].lemma in own for c in ctx.children.get(verb.token_id, [])
               if tokens[c].rel in ("obj", "obl") for g in ctx.children.get(c, []))


def _foreign_place_beside(ctx: Context, verb: Token, destinations: set[int]) -> bool:
    """Does the verb's sentence name a place of another country than Russia, beside the
    places visited («X встретил в Твери посла Китая»): the host of a foreign guest?"""
    return any(ctx.mention_type(index) == "LOC" and index not in destinations
               and (place := mention_place(ctx, index)) is not None
               and place.country != HOME_COUNTRY
               for index in ctx.mentions_in(ctx.sentence(verb.sent_id)))


def _places_named(ctx: Context) -> list[tuple[int, Place]]:
    """The place mentions of the text with their gazetteer place, as (mention, place)."""
    return [(index, place) for index, mention in enumerate(ctx.doc.mentions)
            if mention.type == "LOC" and (place := mention_place(ctx, index)) is not None]


def _regions_named(ctx: Context, places: list[tuple[int, Place]]) -> dict[int, int]:
    """The regions (federal subjects and other countries' regions) among ``places``: entity
    → its last mention."""
    return {ctx.entity(index): index for index, place in places
            if place.kind in ("federal subject", "region")}


def _title_told_next(ctx: Context, sent_id: int, traveller: int) -> int | None:
    """«Иван Петров прибыл в Бурсу. … Глава Мордовии проведёт встречи»: a traveller named
    without a title anywhere is the official whose unnamed title (the place it names) is the
    subject of one of the next two sentences; the destination's own official is no trip.
    (Not a title another person than the traveller (entity ``traveller``) is named with:
    «… участвовали заместитель мэра Улан-Батора Тумэнбаяр и …» is his post.)"""
    tokens = ctx.doc.tokens
    for sentence in ctx.doc.sentences[sent_id + 1:sent_id + 3]:
        for t in range(sentence.first_token, sentence.last_token):
            if tokens[t].rel != "nsubj" or ctx.in_speech(t) \
                    or (place := unnamed_title_place(ctx, t)) is None:
                continue
            named = subject_person(ctx, t)
            if named is None:
                named = _person_named_after(ctx, place)
            if named is None or ctx.entity(named) == traveller:
                return place
    return None


def _person_named_after(ctx: Context, index: int) -> int | None:
    """The person named right after the mention at ``index`` (the place closing a title:
    «заместитель мэра Улан-Батора (г-н) Батбаяр»), however the parse hangs the name."""
    t = ctx.last(index) + 1
    if t < len(ctx.doc.tokens) and ctx.doc.tokens[t].lemma in ctx.vocab.words("honorifics"):
        t += 1
    after = ctx.mention_at.get(t)
    return after if after is not None and ctx.mention_type(after) == "PER" else None


def in_group(ctx: Context, verb: int) -> int | None:
    """«Глава области X посетил Баку в составе российской делегации»: the group word of a
    «в составе» phrase the verb governs, where the text names where that group comes from
    (the official travels as one of that group, not as a group of his own); None where
    there is none (a bare «в составе делегации» is his own, not one «во главе с» another:
    «Глава Чувашии X в составе делегации во главе с полпредом Y побывал в Китае»)."""
    ref = ctx.composition_ref(verb)
    # a word for the group itself: «делегации», «деловой миссии» (not «гостей»)
    if ref is None or _ref_kind(ctx, ctx.doc.tokens[ref.token]) != "head" \
            or not (ctx.delegations[ref.delegation].origin
                    or _leader_after(ctx, ref.token) is not None):
        return None
    return ref.token


def _site_words(ctx: Context, word: int) -> list[int]:
    """The words under a visit verb's object that may name where it is: its own, and those
    of the event it stands «на» («с экспозицией на выставке «X» в Москве»)."""
    tokens = ctx.doc.tokens
    own = ctx.children.get(word, [])
    events = [c for c in own if tokens[c].rel == "nmod" and ctx.governed(c, "на")
              and c not in ctx.mention_at and "Animacy=Anim" not in tokens[c].feats]
    return own + [g for e in events for g in ctx.children.get(e, [])]


def past_title_adjectives(ctx: Context, t: int) -> int:
    """The first word from ``t`` on past the adjectives before a title, joined by «и» too
    («первый заместитель», «чрезвычайный и полномочный посол»); a title that is an
    adjective itself («уполномоченный») ends them."""
    tokens = ctx.doc.tokens
    while t + 1 < len(tokens) and t not in ctx.mention_at \
            and not ctx.vocab.is_title(tokens[t].lemma) and (
            _adjective(tokens[t]) or (tokens[t].lemma == "и" and _adjective(tokens[t + 1]))):
        t += 1
    return t


def _adjective(token: Token) -> bool:
    """An adjective, also one capitalised in a title that the tagger took for a name
    («Чрезвычайный и Полномочный Посол»: «Полномочный» as PROPN)."""
    return token.pos == "ADJ" or (token.pos == "PROPN" and token.text[:1].isupper()
                                  and any(p.tag.POS == "ADJF" and p.score >= 0.3
                                          for p in word_parses(token.text.lower())))


def _title_after(ctx: Context, t: int) -> bool:
    """Does a post title in the nominative open the words from ``t`` on (adjectives before
    it: «первый заместитель посла …», «чрезвычайный и полномочный посол …»)?"""
    tokens = ctx.doc.tokens
    t = past_title_adjectives(ctx, t)
    return t < len(tokens) and t not in ctx.mention_at and ctx.vocab.is_title(tokens[t].lemma) \
        and "Case=Nom" in tokens[t].feats


def _place_word(ctx: Context, word: int) -> int | None:
    """The place a verb's object or oblique names: itself, or the name in apposition to a
    descriptor («посетили город Тюмень», «прибыл в провинцию X»)."""
    tokens = ctx.doc.tokens
    index = ctx.mention_at.get(word)
    if index is not None:
        return index if ctx.mention_type(index) == "LOC" else None
    if tokens[word].lemma not in ctx.vocab.geo_descriptors:
        return None
    for child in ctx.children.get(word, []):
        index = ctx.mention_at.get(child)
        if index is not None and ctx.mention_type(index) == "LOC" and child > word \
                and tokens[child].rel in ("appos", "flat", "flat:name", "nmod") \
                and not ctx.governed(child):
            return index
    return None


def _sites_visited(ctx: Context, verb: Token, misparsed: list[int]) -> list[int]:
    """The named organisations and parks a visit verb governs, as mentions; ``misparsed``:
    its ``misparsed_objects``."""
    tokens, areas = ctx.doc.tokens, ctx.vocab.site_area_nouns
    objects = [c for c in ctx.children.get(verb.token_id, []) if tokens[c].rel in ("obj", "obl")]
    objects += misparsed
    # «посетил площадку индустриального парка «X»»: the park right after the grounds' word,
    # wherever the parse hangs it
    return [ctx.mention_at[word] for c in objects
            for word in (c, *ctx.children.get(c, []), *_owners_below(ctx, c),
                         *((c + 1,) if tokens[c].lemma in areas else ()))
            if word in ctx.mention_at
            and ctx.mention_type(ctx.mention_at[word]) in ("ORG", "PARK")]


def _owners_below(ctx: Context, word: int) -> list[int]:
    """«осмотрел цеха завода «Кедр»», «ознакомился с работой компании «Луч»»: the name of the
    body a genitive without a preposition under the object names (the owner of what was
    seen), one noun down."""
    tokens = ctx.doc.tokens
    return [g for c in ctx.children.get(word, [])
            if tokens[c].rel == "nmod" and case_of(tokens[c]) == "Gen" and not ctx.governed(c)
            and c not in ctx.mention_at
            for g in ctx.children.get(c, [])]


def _envoy_received(ctx: Context) -> bool:
    """«Губернатор Орловской области встретился с послом Республики Кения X»: in a text that
    names no group, a foreign envoy a regional or national official meets is a travelling
    group from the envoy's country (he came to the official). The envoy's title refers to it.
    True where one was found."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    envoys, meetings = vocab.words("envoy_titles"), vocab.words("meeting_words")
    for token in tokens:
        t = token.token_id
        if token.lemma not in meetings or ctx.planned(t) or ctx.in_speech(t):
            continue
        # «с послом», «с генеральным консулом»
        title = next((w for w in range(t + 1, min(t + 5, len(tokens)))
                      if tokens[w].lemma in envoys and (
                          tokens[w - 1].lemma == "с"
                          or (tokens[w - 1].pos == "ADJ" and tokens[w - 2].lemma == "с"))),
                     None)
        genitive = title is None and token.pos == "NOUN"
        if genitive:  # «встреча посла КНР X с губернатором края Y»
            title = _genitive_envoy(ctx, t)
        place = unnamed_title_place(ctx, title) if title is not None else None
        envoy_country = mention_place(ctx, place) if place is not None else None
        if envoy_country is None or envoy_country.kind != "country":
            continue
        verb = t if token.pos == "VERB" else token.head_id  # «провёл встречу с …»
        hosts = [mention_place(ctx, host) for c in ctx.children.get(verb, [])
                 if tokens[c].rel == "nsubj" and (host := _subject_title(ctx, c)[1]) is not None]
        if genitive:  # the host is the meeting's «с» partner
            hosts = [mention_place(ctx, host) for c in ctx.children.get(t, [])
                     if tokens[c].rel == "nmod" and ctx.governed(c, "с")
                     and (host := _subject_title(ctx, c)[1]) is not None]
        if not any(h is not None and h.country != envoy_country.country for h in hosts):
            continue
        index = new_delegation(ctx, *_origin_mention(ctx, place), token.sent_id)
        # the envoy named after his title («с послом Кении X») came alone: he heads the group
        head = leader_named(ctx, title + 1)
        ctx.delegations[index].head = ctx.entity(head) if head is not None else None
        _add_trip(ctx, index, tokens[title])
        return True
    return False


def _genitive_envoy(ctx: Context, meeting: int) -> int | None:
    """The envoy's title in the genitive right after a meeting noun («встреча посла КНР»,
    «встреча чрезвычайного и полномочного посла X»), None where there is none."""
    tokens, t = ctx.doc.tokens, past_title_adjectives(ctx, meeting + 1)
    if t < len(tokens) and tokens[t].lemma in ctx.vocab.words("envoy_titles") \
            and "Case=Gen" in tokens[t].feats and tokens[t].head_id == meeting:
        return t
    return None


def _official_received(ctx: Context) -> bool:
    """«Президент Кении X принял губернатора Тамбовской области Y», «Узбекистан принял главу
    правительства России Y»: in a text that names no group, an official a host (or a place
    itself) of another country or region receives is a travelling group from his place. His
    name refers to it. True where one was found."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for verb in tokens:
        t = verb.token_id
        if verb.lemma not in vocab.words("reception_verbs") or not is_finite_verb(verb) \
                or ctx.planned(t) or ctx.in_speech(t):
            continue
        children = ctx.children.get(t, [])
        hosts = [_subject_title(ctx, c)[1] for c in children if tokens[c].rel == "nsubj"]
        home_of_host = next((mention_place(ctx, h) for h in hosts if h is not None), None)
        if home_of_host is None:  # «Узбекистан принял главу правительства России X»
            home_of_host = next((mention_place(ctx, ctx.mention_at[c]) for c in children
                                 if tokens[c].rel == "nsubj" and c in ctx.mention_at
                                 and ctx.mention_type(ctx.mention_at[c]) == "LOC"), None)
        guests = [_subject_title(ctx, c) for c in children if tokens[c].rel == "obj"]
        if not any(person is not None for person, _ in guests) \
                and t + 1 < len(tokens) and "Case=Nom" not in tokens[t + 1].feats \
                and (person := leader_named(ctx, t + 1)) is not None:
            # «принял Чрезвычайного и Полномочного Посла Индии X»: the parse hangs the
            # title elsewhere; the title phrase right after the verb ends with his name
            # (in the nominative it is the host: «гостей встречали глава области X»)
            guests.append((person, official_place(ctx, person)))
        for person, title in guests:
            home = mention_place(ctx, title) if title is not None else None
            if person is None or home is None or home_of_host is None \
                    or not _another_region(home_of_host, home):
                continue
            index = new_delegation(ctx, *_origin_mention(ctx, title), verb.sent_id)
            _add_trip(ctx, index, ctx.doc.tokens[ctx.first(person)])
            return True
    return False


def _subject_title(ctx: Context, subject: int) -> tuple[int | None, int | None]:
    """A verb's subject as (person, the mention of the place or body his title names):
    «Губернатор Орловской области X» or «X, губернатор Орловской области», or a title that
    names no person («Генеральный консул КНР»)."""
    person = subject_person(ctx, subject)
    if person is None:
        return None, unnamed_title_place(ctx, subject)
    return person, official_place(ctx, person)


def official_place(ctx: Context, person: int) -> int | None:
    """The place or body a person's title names, before or after his name here or at another
    mention of him («Глава Татарстана Рустам Минниханов … Минниханов прибыл в Конью»)."""
    entity = ctx.entity(person)
    others = [i for i in ctx.doc.entities[entity].mention_ids
              if i != person and ctx.mention_type(i) == "PER"] \
        if 0 <= entity < len(ctx.doc.entities) else []
    for mention in (person, *others):
        place = title_place(ctx, mention)
        if place is None:
            place = title_place_after(ctx, mention)
        if place is not None:
            return place
    # «Посол Армении в Иране, X, посетил …»: a name set off by commas after its title (only
    # those: for the others the scan above was this one)
    return next((place for mention in (person, *others) if _set_off_by_commas(ctx, mention)
                 and (place := title_place(ctx, mention, set_off=True)) is not None), None)


def _title_adjective_origin(ctx: Context, subject: int) -> tuple[str, str, int | None] | None:
    """«Тамбовский губернатор», «казахстанский министр»: the place a title's own adjective
    names, for a title that names no person and no place in its genitive."""
    tokens = ctx.doc.tokens
    if not ctx.vocab.is_title(tokens[subject].lemma) or subject in ctx.mention_at:
        return None
    for child in ctx.children.get(subject, []):
        if tokens[child].rel == "amod" and child < subject and child not in ctx.mention_at \
                and (place := adjective_place(ctx, tokens[child].lemma)) is not None:
            return place
    return None


def _title_phrase_adjective_origin(ctx: Context, person: int
                                   ) -> tuple[str, str, int | None] | None:
    """The place a country's or region's adjective on the title before a person names
    («Белорусский министр промышленности X»: Беларусь), past the title's genitive words."""
    tokens = ctx.doc.tokens
    first = ctx.first(person)
    for t in range(first - 1, max(first - 6, -1), -1):
        if t in ctx.mention_at or tokens[t].pos not in ("NOUN", "ADJ") \
                or tokens[t].sent_id != tokens[first].sent_id:
            return None
        if ctx.vocab.is_title(tokens[t].lemma):
            return _title_adjective_origin(ctx, t)
    return None


def title_adjective_place(ctx: Context, person: int) -> str:
    """«тамбовский губернатор X»: the place the adjective of the title right before a person
    names; empty where there is none."""
    tokens, t = ctx.doc.tokens, ctx.first(person) - 1
    if t < 0 or t in ctx.mention_at or not ctx.vocab.is_title(tokens[t].lemma):
        return ""
    origin = _title_adjective_origin(ctx, t)
    return origin[0] if origin is not None else ""


def _another_region(away: Place, home: Place) -> bool:
    """Is ``away`` abroad for an official of ``home``, another region of his country («аким
    Павлодарской области посетил Туркестанскую область», «губернатор Орловской области
    прибыл в Казань»), or, for a national official, any region or town of his country
    («замминистра РФ прибыл в Оренбург»)? A foreign city's region is not known, so a city of
    a regional official's own country is then no trip."""
    if away.country != home.country:
        return True
    if home.kind == "country":  # a national official's working trip to a region or town
        return away.kind != "country"
    away_region, home_region = region_of(away), region_of(home)
    return bool(away_region and home_region) and away_region != home_region


def _envoy(ctx: Context, subject: int, person: int | None) -> bool:
    """Is the subject an envoy abroad («Посол Индии X», «Генеральный консул КНР»): a title of
    ``envoy_titles`` as the subject word, among the few words before the person or right
    after his name?"""
    tokens, envoys = ctx.doc.tokens, ctx.vocab.words("envoy_titles")
    if tokens[subject].lemma in envoys:
        return True
    if person is None:
        return False
    after = ctx.last(person) + 1
    if envoy_title(ctx, person):
        return True
    # «X, чрезвычайный и полномочный посол Кении в России, посетил …»
    if after >= len(tokens) or tokens[after].text != ",":
        return False
    t = after + 1
    while t < len(tokens) and (tokens[t].pos == "ADJ" or tokens[t].lemma == "и"):
        t += 1
    return t < len(tokens) and tokens[t].lemma in envoys


def envoy_title(ctx: Context, person: int) -> bool:
    """Does an envoy's title (``envoy_titles``) come right before the person's name, in the
    title phrase that ends with it («генеральный консул Узбекистана X», «первый заместитель
    Посла N X»)?"""
    return envoy_title_before(ctx, person, 6) or _envoy_in_title_phrase(ctx, person)


def _envoy_in_title_phrase(ctx: Context, person: int) -> bool:
    """«первый заместитель Чрезвычайного и Полномочного Посла Республики N в Республике M
    господин X»: an envoy's title in the title phrase that ends with the name, however long
    (up to twelve words back, no verb, punctuation, other person or other post title
    between)."""
    tokens, first = ctx.doc.tokens, ctx.first(person)
    envoys = ctx.vocab.words("envoy_titles")
    for t in range(first - 1, max(first - 13, -1), -1):
        index = ctx.mention_at.get(t)
        if tokens[t].sent_id != tokens[first].sent_id or tokens[t].pos == "VERB" or (
                index is None and tokens[t].pos == "PUNCT") or (
                index is not None and ctx.mention_type(index) == "PER"):
            return False
        if tokens[t].lemma in envoys:
            return True
        if tokens[t].lemma in ctx.vocab.titles:
            return False  # «с послом X губернатор области Y»: Y's own title comes first
    return False


def envoy_title_before(ctx: Context, person: int, words: int) -> bool:
    """Is an envoy's title (``envoy_titles``: «посол», «генеральный консул») among the
    ``words`` words before the person's name, in its sentence?"""
    tokens, first = ctx.doc.tokens, ctx.first(person)
    envoys = ctx.vocab.words("envoy_titles")
    return any(tokens[t].lemma in envoys and tokens[t].sent_id == tokens[first].sent_id
               for t in range(max(first - words, 0), first))


def visitors(ctx: Context, trip: int) -> list[int]:
    """The persons a trip noun's title phrase names («визита в область посла Египта в РФ
    X и советника Y»): the parse often hangs the title elsewhere, so read the words."""
    tokens = ctx.doc.tokens
    if trip + 1 >= len(tokens) or tokens[trip + 1].lemma in ("с", "со", "к", "по"):
        return []
    found: list[int] = []
    person = leader_named(ctx, trip + 1)
    if person is not None and any(  # «визит делегации во главе с X»: the group's, not his
            ctx.ref_at(t) is not None or tokens[t].lemma in ctx.vocab.leader_nouns
            for t in range(trip + 1, ctx.first(person))):
        return []
    while person is not None and person not in found:
        found.append(person)
        after = ctx.last(person) + 1
        if after + 1 >= len(tokens) or tokens[after].lemma not in ("и", ","):
            break
        person = leader_named(ctx, after + 1)
    return found


def _travelled(ctx: Context, place: int, destinations: list[int], how: str) -> bool:
    """Did the official of ``place`` travel? The subject of a trip: to a place other than his
    own. A visit named by its genitive («визит посла Египта»): a national official to
    another country (the one it names, else one the text names), or a region's to another
    region."""
    if how == "trip":
        return bool(destinations) and not any(ctx.entity(d) == ctx.entity(place)
                                              for d in destinations)
    home = mention_place(ctx, place)
    if home is None:
        return False
    if destinations:
        away = [mention_place(ctx, d) for d in destinations]
        return any(a is not None and _another_region(a, home) for a in away)
    return home.kind == "country" and any(
        m.type == "LOC" and (p := gazetteer().lookup(m.normal)) is not None
        and p.country != home.country for m in ctx.doc.mentions)


def mention_place(ctx: Context, index: int) -> Place | None:
    """The gazetteer's place a LOC mention names, or the one an organisation's name ends
    with («Посольство США в РФ» → США: the words before its «в»)."""
    mention = ctx.doc.mentions[index]
    if mention.type == "LOC":
        return gazetteer().lookup(mention.normal)
    return name_place(ctx, mention.normal)


def name_place(ctx: Context, name: str) -> Place | None:
    """The place the end of an organisation's name names, the longest words first."""
    words = name.split()
    if "в" in words[1:]:
        words = words[:words.index("в", 1)]
    for size in range(min(4, len(words) - 1), 0, -1):
        place = gazetteer().lookup(" ".join(words[-size:]))
        if place is not None:
            return place
    if len(words) > 2 and name_key(words[-1]) in ctx.vocab.words("region_heads"):
        # «… Тверской области»: the adjective agreeing with its head names the region
        place = gazetteer().lookup(words[-2])
        if place is not None and place.kind != "country":
            return place
    return None


def _trip_delegation(ctx: Context, place: int, sent_id: int) -> int | None:
    """The delegation an official's trip makes: the group of his place the text names (a
    country-wide one takes his place as its more specific origin), the one group the text
    names without an origin, or a new one where it names none."""
    entity, home = ctx.entity(place), mention_place(ctx, place)
    name = ctx.doc.entities[entity].normal if 0 <= entity < len(ctx.doc.entities) else ""
    for index, delegation in enumerate(ctx.delegations):
        if delegation.origin_entity == entity or (
                delegation.origin and name and same_place(delegation.origin, name)):
            return index
    for index, delegation in enumerate(ctx.delegations):
        known = gazetteer().lookup(delegation.origin) if delegation.origin else None
        if delegation.origin_kind == "country" and known is not None and home is not None \
                and known.country == home.country:
            if home.kind != "country":
                _set_origin(ctx, delegation, *_origin_mention(ctx, place), sent_id)
            return index
    if len(ctx.delegations) == 1 and not ctx.delegations[0].origin:
        # (not a group «во главе с» someone: the official travels in it, his place is not
        # its origin)
        if not any(_leader_after(ctx, t) is not None for t in ctx.delegations[0].ref_tokens):
            _set_origin(ctx, ctx.delegations[0], *_origin_mention(ctx, place), sent_id)
        return 0
    if ctx.delegations:
        return None
    return new_delegation(ctx, *_origin_mention(ctx, place), sent_id)


def staying_person(ctx: Context, trip: int) -> int | None:
    """The person a «…, который находится с визитом в X» clause of a trip noun is about."""
    tokens = ctx.doc.tokens
    verb = tokens[trip].head_id
    for child in ctx.children.get(verb, []) if verb >= 0 else []:
        if tokens[child].rel == "nsubj" and tokens[child].lemma == "который":
            return antecedent_person(ctx, child)
    return None


def staying_alone(ctx: Context, ref: Ref) -> bool:
    """Is the official of a «…, который находится с визитом» clause (``staying_person``) on
    a trip of his own, not one of «X и Y, которые находятся …», who are the group's members?"""
    tokens = ctx.doc.tokens
    verb = tokens[ref.token].head_id
    if verb < 0:
        return True
    return not any(tokens[c].lemma == "который" and "Number=Plur" in tokens[c].feats
                   for c in ctx.children.get(verb, []))


def antecedent_person(ctx: Context, relative: int) -> int | None:
    """«министром Турции X, который находится с визитом в Баку»: the person right before
    the comma a relative pronoun follows."""
    tokens = ctx.doc.tokens
    comma = relative - 1
    if comma < 1 or tokens[comma].text != "," or tokens[comma].sent_id != tokens[relative].sent_id:
        return None
    index = ctx.mention_at.get(comma - 1)
    if index is None or ctx.mention_type(index) != "PER":
        return None
    return index


def unnamed_title_place(ctx: Context, subject: int) -> int | None:
    """«Генеральный консул КНР в Казани прибыл …», «Глава правительства Тамбовской области
    посетил …»: the place (or the government body with its place) in the genitive of a title
    that names no person, also some titles down («заместитель министра промышленности РФ»;
    a place with a preposition is where the post is, not whose); for a bare region word
    («глава республики»), the region the text names most with it."""
    tokens = ctx.doc.tokens
    if not ctx.vocab.is_title(tokens[subject].lemma) or subject in ctx.mention_at:
        return None
    frontier = [subject]
    for _ in range(3):  # «Заместитель министра промышленности РФ»: down the title's genitives
        deeper = []
        for child in (c for t in frontier for c in ctx.children.get(t, [])):
            index = ctx.mention_at.get(child)
            if tokens[child].rel != "nmod" or ctx.governed(child):
                continue
            if index is None:
                if tokens[child].pos in NOMINAL_POS:
                    deeper.append(child)
            elif any(tokens[c].rel == "conj" and c in ctx.mention_at
                     for c in ctx.children.get(child, [])):
                return None  # «главы миссий Азербайджана, Беларуси и …»: no one place
            elif ctx.mention_type(index) == "LOC" or (ctx.mention_type(index) == "ORG"
                                                      and _names_a_place(ctx, index)):
                return index
        frontier = deeper
    after = ctx.mention_at.get(subject + 1)
    if after is not None and ctx.mention_type(after) == "LOC" \
            and tokens[subject + 1].text.isupper() and len(tokens[subject + 1].text) > 1:
        return after  # «Раис РТ»: an abbreviation does not decline, the parse may not see it
    for child in ctx.children.get(subject, []):
        # «глава республики посетил …»: a bare region word is the region the text names most
        # with that word
        if tokens[child].rel == "nmod" and child not in ctx.mention_at \
                and tokens[child].lemma in ctx.vocab.words("region_heads") \
                and not ctx.children.get(child):
            return _most_named_region(ctx, {tokens[child].lemma})
    return None


def subject_person(ctx: Context, subject: int) -> int | None:
    """The person a subject names: its own mention, the name in apposition to its titles
    («Губернатор области Александр Петров»), or the person «он»/«она» stands for."""
    tokens = ctx.doc.tokens
    if tokens[subject].lemma in ctx.vocab.words("person_pronouns"):
        return person_at(ctx, subject)  # «… министр X. В поездке он посетил …»
    frontier = [subject]
    for _ in range(4):  # «вице-премьер Монголии – министр экономики господин X»
        for t in frontier:
            index = ctx.mention_at.get(t)
            if index is not None and ctx.mention_type(index) == "PER":
                return index
        # «Председатель парламента X, председатель города Y Имя»: a second title joined
        # to the first is the same person's
        frontier = [c for t in frontier for c in ctx.children.get(t, [])
                    if (tokens[c].rel in ("appos", "flat:name", "nsubj") or (
                        tokens[c].rel == "conj" and tokens[c - 1].text == ","
                        and ctx.vocab.is_title(tokens[c].lemma)) or (
                        # («посол X, Его Превосходительство Y»)
                        tokens[c].rel == "conj" and tokens[c - 2].text == ","
                        and tokens[c].lemma in ctx.vocab.words("address_styles")))
                    and not _past_escort(ctx, t, c)]
    return None


def _past_escort(ctx: Context, title: int, name: int) -> bool:
    """Is a name the parse hangs on a title past «в сопровождении» («Глава области в
    сопровождении министра X и мэра Y посетил …»: Y escorts him, he is not Y)?"""
    escorts = ctx.vocab.words("escort_nouns")
    return any(ctx.doc.tokens[w].lemma in escorts for w in range(title + 1, name))


def _mixed_group(ctx: Context, delegation: Delegation) -> bool:
    """Does a word of the group call it mixed, of several countries
    (``mixed_group_adjectives``: «международная делегация»)?"""
    mixed = ctx.vocab.words("mixed_group_adjectives")
    return any(adjective.lemma in mixed for t in delegation.ref_tokens
               for adjective in _adjectives(ctx, ctx.doc.tokens[t]))


def _origin_in_context(ctx: Context, delegation: Delegation
                       ) -> tuple[str, str, int | None, int] | None:
    """Where a group with no origin of its own comes from, as the text around a reference
    states it: the place in its head's title («делегация во главе с министром обороны
    Индии X», «губернатор Курской области X и члены делегации»), or the region a
    «делегация нашей области» belongs to; for a group with no origin at all, the
    organisation its head's title names. None for a group a word calls mixed
    (``mixed_group_adjectives``: «международную делегацию возглавил консул Фиджи»)."""
    tokens = ctx.doc.tokens
    if _mixed_group(ctx, delegation):
        return None
    for ref_token in delegation.ref_tokens:
        represented = _represented(ctx, ref_token)  # «область представляет делегация …»
        if represented is not None:
            return (*_origin_mention(ctx, represented), tokens[ref_token].sent_id)
    for ref_token in delegation.ref_tokens:
        for person in (_leader_after(ctx, ref_token), person_joined_to(ctx, ref_token),
                       _leader_before(ctx, ref_token), _lead_verb_subject(ctx, ref_token),
                       _titled_leader(ctx, ref_token), _fronted_leader(ctx, ref_token)):
            place = official_place(ctx, person) if person is not None else None
            if place is None and person is not None:
                place = _bare_title_region(ctx, person)  # «во главе с хокимом области X»
            if place is not None:
                return (*_origin_mention(ctx, place), tokens[ref_token].sent_id)
            adjective = _title_phrase_adjective_origin(ctx, person) \
                if person is not None else None
            if adjective is not None:  # «Белорусский министр промышленности X возглавлял …»
                return (*adjective, tokens[ref_token].sent_id)
    for ref_token in delegation.ref_tokens:
        place = _unnamed_leader_place(ctx, ref_token)  # «во главе с губернатором N области»
        if place is not None:
            return (*_origin_mention(ctx, place), tokens[ref_token].sent_id)
    # (not for a country's group: «в составе российской делегации — губернатор Хабаровского
    # края X» lists a region's man in the country's group; its head's title may name it)
    for ref_token in delegation.ref_tokens if not delegation.origin else ():
        person = _first_listed_member(ctx, ref_token)
        place = title_place(ctx, person) if person is not None else None
        if place is not None:
            return (*_origin_mention(ctx, place), tokens[ref_token].sent_id)
    for ref_token in delegation.ref_tokens:
        region = _own_region(ctx, ref_token)
        if region is None and not delegation.origin:
            region = _region_of_its_level(ctx, tokens[ref_token])
        if region is not None:
            return (*_origin_mention(ctx, region), tokens[ref_token].sent_id)
    lone = not delegation.origin and not any(d.origin for d in ctx.delegations)
    for ref_token in delegation.ref_tokens if lone else ():
        # the one group, naming no place: its head's organisation (where another group
        # names an origin, it may be this one's)
        body = _leader_body(ctx, ref_token)
        if body is not None:
            return (*_origin_mention(ctx, body), tokens[ref_token].sent_id)
    for ref_token in delegation.ref_tokens if not delegation.origin and not lone else ():
        # (one the body its head's title names kept apart from a group named later)
        body = _titled_leader_body(ctx, ref_token)
        if body is not None:
            return (*_origin_mention(ctx, body), tokens[ref_token].sent_id)
    return None


def _own_group_owner(ctx: Context, token: Token) -> int | None:
    """The organisation or place whose own group a possessive says the group word is: «свой»
    of the verb's subject («Ассоциация «X» завершила работу своей делегации»), «его» of the
    person named last before it in its sentence («Губернатор Вирджинии X заявил, что его
    миссия …»: the place of his post); None where there is none."""
    tokens = ctx.doc.tokens
    dependents = [tokens[c] for c in ctx.children.get(token.token_id, [])]
    if any(word.lemma == "свой" for word in dependents):
        verb = ctx.verb_over(token.token_id, steps=3)
        owners = ctx.named_dependents(verb, "nsubj") if verb is not None else []
    elif any(word.text.lower() in ctx.vocab.words("owner_possessives") for word in dependents):
        owners = [index for index in ctx.mentions_in(range(ctx.sentence(token.sent_id).start,
                                                           token.token_id))
                  if ctx.mention_type(index) == "PER"][-1:]
        if owners and _told_with_a_group_before(ctx, owners[0]):
            return None  # «Руководитель делегации Лю … Лю и его делегация»: the group told,
            # not one of the body his post names
    else:
        return None
    found = [index if ctx.mention_type(index) in ("ORG", "LOC") else official_place(ctx, index)
             for index in owners if ctx.mention_type(index) in ("ORG", "LOC", "PER")]
    return found[0] if len(found) == 1 else None


def _told_with_a_group_before(ctx: Context, person: int) -> bool:
    """Was the person named in an earlier sentence that tells of a group by its word?"""
    entity, sent_id = ctx.entity(person), ctx.doc.tokens[ctx.first(person)].sent_id
    told = {ref.sent_id for ref in ctx.refs if ref.sent_id < sent_id}
    return any(ctx.entity(index) == entity and ctx.doc.tokens[ctx.first(index)].sent_id in told
               for index in range(len(ctx.doc.mentions)) if ctx.mention_type(index) == "PER")


def _region_of_its_level(ctx: Context, token: Token) -> int | None:
    """«Краевая делегация во главе с губернатором X» in a text about «Ставрополье»: the one
    Russian region of the level its adjective names (``region_level_heads``) the text names,
    the first mention of it; None where it names none or two."""
    heads = ctx.vocab.mapping("region_level_heads")
    wanted = {heads[a.lemma] for a in _adjectives(ctx, token) if a.lemma in heads}
    if len(wanted) != 1:
        return None
    head = wanted.pop()
    found: dict[str, int] = {}
    for index, mention in enumerate(ctx.doc.mentions):
        place = mention_place(ctx, index) if mention.type == "LOC" else None
        if place is not None and place.country == HOME_COUNTRY \
                and place.kind == "federal subject" and head in fold(place.canonical).split():
            found.setdefault(place.canonical, index)
    return next(iter(found.values())) if len(found) == 1 else None


def _represented(ctx: Context, ref_token: int) -> int | None:
    """The place or organisation a group is the subject of representing («Кедровскую область
    на выставке представляет делегация …», «делегация, представляющая фирму «A»»), or that
    its people represent in it («X в делегации представляли Y и Z»), or that presents the
    group («делегацию представила Иордания»): where it comes from."""
    tokens, verbs = ctx.doc.tokens, ctx.vocab.words("representation_verbs")
    token = tokens[ref_token]
    # the group's verb, or a participle describing it («делегация, представляющая …»)
    candidates = [token.head_id] if token.rel == "nsubj" else []
    candidates += [c for c in ctx.children.get(ref_token, []) if tokens[c].rel in ("acl", "amod")]
    if token.rel == "obl" and ctx.governed(ref_token, "в", "во"):
        # «Кабардино-Балкарию в делегации представляли X и Y»: the place its people represent
        # in the group
        candidates.append(token.head_id)
    for verb in candidates:
        if verb < 0 or tokens[verb].lemma not in verbs or ctx.planned(verb):
            continue
        # the object, or the name its generic head carries («фирму «Пихта»»)
        named = [index for index in ctx.named_dependents(verb, "obj")
                 if ctx.mention_type(index) in ("LOC", "ORG")]
        if named:
            return named[0]
    if token.rel == "obj" and token.head_id >= 0 \
            and tokens[token.head_id].lemma in ctx.vocab.words("group_presenting_verbs") \
            and not ctx.planned(token.head_id):
        # «Самую многочисленную делегацию представила Иордания»: the subject sent it
        named = [index for index in ctx.named_dependents(token.head_id, "nsubj")
                 if ctx.mention_type(index) in ("LOC", "ORG")]
        if named:
            return named[0]
    return None


def _leader_body(ctx: Context, ref_token: int) -> int | None:
    """«делегация во главе с ректором Университета X Имя», «делегация, возглавляемая
    председателем правления технопарка «Y» Имя»: where his title names no place, the
    organisation or park the head's title names (the first name after the title word,
    before his own) is where the group comes from."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t = _leader_opening(ctx, ref_token)
    person = leader_named(ctx, t + 1) if t is not None else None
    if t is None or person is None:
        return None
    named = [i for i in ctx.mentions_in(range(t + 1, ctx.first(person)))
             if ctx.mention_type(i) != "PER"]
    first = named[0] if named else None
    if first is None or ctx.mention_type(first) not in ("ORG", "PARK") \
            or not any(vocab.is_title(tokens[w].lemma) for w in range(t + 1, ctx.first(first))):
        return None
    return first


def _first_listed_member(ctx: Context, ref_token: int) -> int | None:
    """«В составе делегации – министр экономики Саратовской области X, …», «делегация в
    составе …», «прибыла делегация: министр …»: the first person listed."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    near = range(max(ref_token - 2, 0), min(ref_token + 3, len(tokens)))
    listed = ref_token + 1 < len(tokens) and tokens[ref_token + 1].text == ":" \
        and tokens[ref_token + 1].sent_id == tokens[ref_token].sent_id
    if not listed and not any(tokens[t].lemma in vocab.composition_nouns
                              and tokens[t - 1].lemma == "в" for t in near if t > 0):
        return None
    return ctx.first_mention_after(ref_token + 1, ("PER",), 16, stop_at_comma=False)


def _led_after_origin(ctx: Context, token_id: int) -> bool:
    """Does a head follow the group word's origin name («представители «X» во главе с Y»,
    «представители «X», которых возглавлял Y»)?"""
    tokens = ctx.doc.tokens
    t = token_id + 1
    while t < len(tokens) and t in ctx.mention_at:
        t = ctx.last(ctx.mention_at[t]) + 1
    if t == token_id + 1:
        return False
    if t + 2 < len(tokens) and ctx.at_the_head_with(t):
        return True
    return t + 2 < len(tokens) and tokens[t].text == "," and tokens[t + 1].lemma == "который" \
        and tokens[t + 2].lemma in ctx.vocab.lead_verbs


def leader_word(ctx: Context, ref_token: int) -> int | None:
    """The word that opens a group's head right after the group word («во главе», «под
    руководством», «возглавляемая»: ``_leader_opening``), or the «с» of a title after it or
    its origin («делегация области с губернатором X»: ``title_with``); None where there is
    none."""
    opening = _leader_opening(ctx, ref_token)
    return opening if opening is not None else title_with(ctx, ref_token)


def _leader_opening(ctx: Context, ref_token: int) -> int | None:
    """«во главе», «под руководством», «возглавляемая» a few words after the group word
    (past a count: «делегация из пяти человек во главе с …»), or None."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    sentence = ctx.sentence(tokens[ref_token].sent_id)
    start = ref_token + 1
    if start + 2 < sentence.stop and tokens[start].lemma == "из" \
            and tokens[start + 1].pos == "NUM" and tokens[start + 2].pos == "NOUN":
        start += 3
    for t in range(start, min(start + 3, sentence.stop)):
        token = tokens[t]
        at_the_head = token.lemma in vocab.leader_nouns \
            and tokens[t - 1].lemma in ("в", "во", "под")
        if at_the_head or (token.lemma in vocab.lead_verbs and not is_finite_verb(token)):
            return t
    return None


def title_with(ctx: Context, ref_token: int) -> int | None:
    """The «с» that joins a title in the instrumental to the group word, right after it or
    its origin («делегация с губернатором Калужской области X», «делегация Тверской области
    с министром X»): the group's head's. None where the «с» is a verb's («познакомил
    делегацию с министром X»), the group word is in another case («встреча делегации с
    губернатором X»: whom it met) or the title names another place than the stated origin
    («делегация Кедровской области с губернатором Тверской области X»: its host)."""
    tokens = ctx.doc.tokens
    if not any(case in tokens[ref_token].feats for case in ("Case=Nom", "Case=Acc")):
        return None
    t = ref_token + 1
    origin = set()
    while t < len(tokens) and t in ctx.mention_at \
            and ctx.mention_type(ctx.mention_at[t]) in ("LOC", "ORG"):
        origin.add(ctx.entity(ctx.mention_at[t]))
        t += 1
    if t + 1 >= len(tokens) or tokens[t].lemma not in ("с", "со") \
            or tokens[t + 1].sent_id != tokens[t].sent_id:
        return None
    title = past_title_adjectives(ctx, t + 1)
    head = tokens[title].head_id
    # on the group word, or on the verb the group word is the subject of («посетила
    # делегация с губернатором X»: the parse hangs it there)
    if not ctx.vocab.is_title(tokens[title].lemma) or "Case=Ins" not in tokens[title].feats \
            or not (head in range(ref_token, t) or (
                head == tokens[ref_token].head_id and tokens[ref_token].rel == "nsubj")):
        return None
    for w in range(title + 1, min(title + 8, len(tokens))):
        index = ctx.mention_at.get(w)
        if index is None:
            continue
        if ctx.mention_type(index) == "PER":
            break
        if origin and ctx.mention_type(index) == "LOC" and ctx.entity(index) not in origin:
            return None
    return t


def _leader_after(ctx: Context, ref_token: int) -> int | None:
    """The person a «делегация во главе с …», «делегация, возглавляемая …» names."""
    t = leader_word(ctx, ref_token)
    return leader_named(ctx, t + 1) if t is not None else None


def _titled_leader(ctx: Context, ref_token: int) -> int | None:
    """«Глава делегации, заместитель министра экономики N X», «Руководитель делегации – мэр
    города N X»: the person a leader's title over the group word names (not a deputy's)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    title = ref_token - 1
    if title < 0 or tokens[title].lemma not in vocab.words("delegation_leader_titles") \
            or (title > 0 and tokens[title - 1].lemma in vocab.words("deputy_words")):
        return None
    after = ref_token + 1
    if after < len(tokens) and (tokens[after].text == "," or tokens[after].text in DASH_OR_HYPHEN):
        after += 1
    if after >= len(tokens) or not vocab.is_title(tokens[past_title_adjectives(ctx, after)].lemma):
        return None  # «Глава делегации, гость губернатора X»: no title of his own
    return leader_named(ctx, after)


def _unnamed_leader_place(ctx: Context, ref_token: int) -> int | None:
    """«делегация во главе с губернатором Тверской области посетила …», «делегация под
    руководством министра экономики Киргизии»: where the head's title names no person, the
    place (or body with its place) of that title."""
    tokens = ctx.doc.tokens
    t = leader_word(ctx, ref_token)
    if t is None or leader_named(ctx, t + 1) is not None:
        return None  # a named head: his title's place is found by official_place
    title = past_title_adjectives(ctx, t + 2 if tokens[t + 1].lemma in ("с", "со") else t + 1)
    stop = ctx.sentence(tokens[ref_token].sent_id).stop
    return unnamed_title_place(ctx, title) if title < stop else None


def _lead_verb_subject(ctx: Context, ref_token: int) -> int | None:
    """«Делегацию возглавил министр промышленности Республики N X»: the person a lead verb
    governing the group word names."""
    tokens = ctx.doc.tokens
    verb = tokens[ref_token].head_id
    # «Делегация, которую возглавил мэр Харбина X, …»: the lead verb of its relative clause
    # (hung on its genitive too: «делегацию инвесторов, которую возглавил …», where
    # «которую» agrees with the group word)
    holders = [ref_token] + [c for c in ctx.children.get(ref_token, [])
                             if tokens[c].rel == "nmod"]
    relative = next((c for h in holders for c in ctx.children.get(h, [])
                     if tokens[c].rel == "acl:relcl" and tokens[c].lemma in ctx.vocab.lead_verbs
                     and any(tokens[g].lemma == "который" and tokens[g].rel == "obj"
                             and (h == ref_token or feats_agree(tokens[g], tokens[ref_token]))
                             for g in ctx.children.get(c, []))), None)
    if relative is not None and not ctx.in_speech(relative):
        for child in ctx.children.get(relative, []):
            if tokens[child].rel == "nsubj":
                # (a long title the parse cut short: the name it ends with)
                person = subject_person(ctx, child)
                return person if person is not None else leader_named(ctx, relative + 1)
        return None
    if verb < 0 or tokens[verb].lemma not in ctx.vocab.lead_verbs \
            or tokens[ref_token].rel not in ("obj", "nsubj") or ctx.in_speech(verb):
        return None
    for child in ctx.children.get(verb, []):
        if tokens[child].rel == "nsubj" and child != ref_token:
            person = subject_person(ctx, child)
            if person is not None:
                return person
    return leader_named(ctx, verb + 1) if verb > ref_token else None


def leader_named(ctx: Context, start: int) -> int | None:
    """The person a leader's title phrase from ``start`` ends with («министром обороны
    Индии X», «полномочным министром, советником посольства X», «директором фонда при
    министерстве Y X»), past a lone title taken for a name («Акимом»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    acting = vocab.words("acting_words")  # «исполняющим обязанности главы X»
    t, limit = start, start + 16
    while t < len(tokens) and t < limit and tokens[t].sent_id == tokens[start].sent_id:
        degree = _degree_end(ctx, t)
        if degree > t:  # «председателем правления парка, д.т.н., профессором X»
            limit += degree - t
            t = degree
            continue
        index = ctx.mention_at.get(t)
        if index is not None:
            mention = ctx.doc.mentions[index]
            if mention.type == "PER" and not (ctx.first(index) == ctx.last(index)
                                              and vocab.is_title(tokens[t].lemma)):
                return index
            limit += ctx.last(index) - t  # (a long name counts as one word of the title)
            t = ctx.last(index) + 1
            continue
        if tokens[t].lemma in ("при", "по") and t > start and t + 1 < len(tokens) \
                and tokens[t + 1].pos in NOMINAL_POS:
            t += 1  # «директором фонда при министерстве X», «министром по делам X»
            continue
        if tokens[t].text == "," and t > start and t + 2 < len(tokens) \
                and tokens[t + 1].lemma in ("он", "она") \
                and tokens[t + 2].lemma in vocab.words("address_styles"):
            t += 3  # «послом ОАЭ в Котону, Его Превосходительством X»: his style, then him
            continue
        if tokens[t].text == "," and t > start and t + 1 < len(tokens) \
                and vocab.is_title(tokens[past_title_adjectives(ctx, t + 1)].lemma):
            # «вице-премьера правительства России, министра промышленности X»: a second
            # title of the person not named yet
            t += 1
            continue
        if tokens[t].text == "(" and t > start \
                and (close := closing_bracket(tokens, t, GLOSS_REACH)) is not None:
            # «советником хокима (губернатора. — Ред.) X»: past a gloss
            limit += close + 1 - t
            t = close + 1
            continue
        aside = _participle_aside_end(ctx, t) if t > start else None
        if aside is not None:  # «член совета края, отвечающий за экономику, X»: past the aside
            limit += aside - t
            t = aside + 1
            continue
        if tokens[t].text == "," and t > start and t + 1 < len(tokens) \
                and tokens[t + 1].pos == "ADP":
            return None  # «возглавил аким региона, по приглашению губернатора X»: the host's
        possessive = t == start and tokens[t].text.lower() in vocab.possessive_genders
        # (a title the tagger read as a participle is the title: «советник-посол»; so is a
        # participle on the title's noun: «управляющий партнёр компании X»)
        attributive = tokens[t].rel == "amod" and "VerbForm=Part" in tokens[t].feats
        if (tokens[t].pos not in NOMINAL_POS and tokens[t].lemma not in acting
                and not possessive and not attributive and not vocab.is_title(tokens[t].lemma)) \
                or tokens[t].text == ";" \
                or (tokens[t].text == "." and not _town_abbreviated(ctx, t)) \
                or tokens[t].lemma == "который":
            return None  # (not past «её» opening it: «во главе с её президентом X»)
        t += 1
    return None


def _participle_aside_end(ctx: Context, comma: int) -> int | None:
    """The closing comma of a participle's aside opening at ``comma`` («, отвечающий за
    экономику и инвестиции,»), where a person's name follows it; else None."""
    tokens = ctx.doc.tokens
    if tokens[comma].text != "," or comma + 1 >= len(tokens) \
            or "VerbForm=Part" not in tokens[comma + 1].feats \
            or ctx.vocab.is_title(tokens[comma + 1].lemma):
        return None
    for t in range(comma + 2, min(comma + 14, len(tokens) - 1)):
        if tokens[t].sent_id != tokens[comma].sent_id or tokens[t].text in (".", ";", ":"):
            return None
        if tokens[t].text == ",":
            after = ctx.mention_at.get(t + 1)
            return t if after is not None and ctx.mention_type(after) == "PER" else None
    return None


def _degree_end(ctx: Context, t: int) -> int:
    """The token after an academic degree abbreviated letter by letter from ``t`` («д.т.н.»,
    «к.э.н.»: two or more short lower-case letters each with its dot); ``t`` where none."""
    tokens = ctx.doc.tokens
    end = t
    while end + 1 < len(tokens) and tokens[end + 1].text == "." \
            and tokens[end].text.isalpha() and tokens[end].text.islower() \
            and len(tokens[end].text) <= 2:
        end += 2
    return end if end - t >= 4 else t


def _town_abbreviated(ctx: Context, dot: int) -> bool:
    """Is the dot that of a town's abbreviated descriptor inside a title («председателем
    Думы г. Тамбова»), not a sentence's end?"""
    tokens = ctx.doc.tokens
    return 0 < dot < len(tokens) - 1 and tokens[dot + 1].sent_id == tokens[dot].sent_id \
        and tokens[dot - 1].text.lower() in ctx.vocab.words("town_abbreviations")


def _leader_before(ctx: Context, ref_token: int) -> int | None:
    """«губернатор области X во главе делегации региона»: the person before «во главе»;
    «Во главе делегации — X»: the one after the dash."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for t in range(max(ref_token - 4, 1), ref_token):
        if tokens[t].lemma in vocab.leader_nouns and tokens[t - 1].lemma in ("в", "во"):
            index = ctx.mention_at.get(t - 2)
            if index is not None and ctx.mention_type(index) == "PER":
                return index
            after = ref_token + 1
            if after < len(tokens) and (tokens[after].text in DASH_OR_HYPHEN
                                        or tokens[after].lemma in vocab.words("copula_verbs")):
                return leader_named(ctx, after + 1)  # «Во главе делегации — X», «… был X»
            return None
    return None


def _fronted_leader(ctx: Context, ref_token: int) -> int | None:
    """«Во главе с заместителем губернатора провинции X Имя делегация посетила …»: the
    person the sentence opens with, where the group word follows his name."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    first = ctx.sentence(tokens[ref_token].sent_id).start
    if first + 3 >= ref_token or tokens[first].lemma not in ("в", "во") \
            or tokens[first + 1].lemma not in vocab.leader_nouns \
            or tokens[first + 2].lemma not in ("с", "со"):
        return None
    person = leader_named(ctx, first + 3)
    if person is None or not all(tokens[t].text == "," or tokens[t].pos == "ADJ"
                                 for t in range(ctx.last(person) + 1, ref_token)):
        return None  # («… Имя, китайская делегация посетила …»)
    return person


def person_joined_to(ctx: Context, ref_token: int) -> int | None:
    """«Губернатор области X и члены делегации», «X вместе с региональной делегацией»: the
    person the group is joined to."""
    tokens = ctx.doc.tokens
    t = ref_token - 1
    while t >= 0 and t not in ctx.mention_at and tokens[t].sent_id == tokens[ref_token].sent_id \
            and (tokens[t].lemma in ("и", "с", "со", "вместе")
                 or tokens[t].lemma in ctx.vocab.delegation_groups
                 or (tokens[t].rel == "amod" and tokens[t].head_id == ref_token)):
        t -= 1
    index = ctx.mention_at.get(t)
    if t == ref_token - 1 or index is None or ctx.mention_type(index) != "PER" \
            or not any(tokens[g].lemma in ("и", "с", "со") for g in range(t + 1, ref_token)):
        return None
    return index


def _names_a_place(ctx: Context, index: int) -> bool:
    """Does an organisation's name end in a place («Посольство Китая», «Мэрия Казани»)?"""
    words = ctx.doc.text[ctx.doc.mentions[index].start:ctx.doc.mentions[index].end].split()
    return len(words) > 1 and (gazetteer().lookup(words[-1]) is not None
                               or name_place(ctx, ctx.doc.mentions[index].normal) is not None)


def title_place(ctx: Context, person: int, set_off: bool = False) -> int | None:
    """The place in the title right before a person («министром обороны Индии X»), or the
    government body with its place («советником посольства Китая X»). ``set_off``: also
    before a name set off by commas («Посол Армении в Иране, X, посетил …»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    first = ctx.first(person)
    if set_off and _set_off_by_commas(ctx, person):
        first -= 1
    t = first - 1
    place, limit, titled = None, first - 9, False
    while t >= 0 and t > limit and tokens[t].pos in NOMINAL_POS:
        opening = _bracketed_place(ctx, t)
        if opening is not None:
            # «губернатор провинции Бурса (Турция) X»: past the bracketed country
            limit -= t - opening + 1
            t = opening - 1
            continue
        if tokens[t].text in CHUNK_BREAKS:
            before = ctx.mention_at.get(t - 1)
            if tokens[t].text != "," or not titled or place is not None or (
                    before is not None and ctx.mention_type(before) == "PER"):
                break
            # «вице-премьера правительства России, министра промышленности X»: a title with
            # no place of its own after the person's first one, which has
            limit, titled = t - 9, False
            t -= 1
            continue
        index = ctx.mention_at.get(t)
        field = topic_partner(ctx, index) if index is not None else None
        if field is not None:
            # «координатор группы по связям с парламентом Y»: the other side; the post's
            # body is before its field
            limit -= t - field
            t = field - 1
            continue
        if index is not None:
            if ctx.mention_type(index) == "ORG" and _names_a_place(ctx, index) and (
                    place is None or ctx.mention_type(place) == "LOC"):
                # «советником посольства Китая X»: the body, with its place; «… совета
                # провинции X КНР Y»: the body before its country
                place = index
            elif ctx.mention_type(index) != "LOC":
                # «директор компании X»: the company, not a place; but «заместитель
                # губернатора N области – директор департамента X»: the first post's place
                return _place_before_dash(ctx, ctx.first(index))
            elif not (ctx.first(index) > 0 and tokens[ctx.first(index) - 1].lemma in ("в", "во")):
                place = index  # «посла Беларуси в России X»: «в России» is his post's, not his
            elif _district_envoy_before(ctx, ctx.first(index) - 1) \
                    and is_federal_district(ctx.doc.mentions[index].normal):
                return index  # «полпреда президента РФ в ПФО X»: the district is his
            # a name counts as one word («советник по культуре посольства Социалистической
            # Республики Вьетнам в Москве X»: the title lies past a long name)
            limit -= t - ctx.first(index)
            t = ctx.first(index) - 1
            continue
        if place is not None and vocab.is_title(tokens[t].lemma):
            return place
        titled = titled or vocab.is_title(tokens[t].lemma)
        if tokens[t].lemma in vocab.words("escort_nouns"):
            return None  # «губернатор N области в сопровождении министра X»: not X's post
        t -= 1
    return None


def _bracketed_place(ctx: Context, close: int) -> int | None:
    """The «(» of a place alone in brackets that closes at ``close`` («Бурса (Турция)»), or
    None."""
    index = ctx.mention_at.get(close - 1) if close >= 2 else None
    if ctx.doc.tokens[close].text != ")" or index is None \
            or ctx.mention_type(index) != "LOC" or not ctx.bracketed_alone(index):
        return None
    return ctx.first(index) - 1


def _set_off_by_commas(ctx: Context, person: int) -> bool:
    """Is a person's name set off by commas right after a title («Посол Армении, X, …»):
    a comma before it and after it, and a noun before the first comma?"""
    tokens, first, last = ctx.doc.tokens, ctx.first(person), ctx.last(person)
    return first >= 2 and last + 1 < len(tokens) and tokens[first - 1].text == "," \
        and tokens[last + 1].text == "," and tokens[first - 2].pos in ("NOUN", "PROPN") \
        and tokens[first - 2].sent_id == tokens[first].sent_id


def _district_envoy_before(ctx: Context, preposition: int) -> bool:
    """Does a title of ``district_envoy_titles`` open the title phrase that ends with the
    «в» at ``preposition`` («полпреда президента РФ в …»)?"""
    tokens, envoys = ctx.doc.tokens, ctx.vocab.words("district_envoy_titles")
    for t in range(preposition - 1, max(preposition - 7, -1), -1):
        if tokens[t].lemma in envoys:
            return True
        if tokens[t].pos not in NOMINAL_POS or tokens[t].text in CHUNK_BREAKS:
            return False
    return False


def _place_before_dash(ctx: Context, t: int) -> int | None:
    """«заместитель губернатора Курганской области – директор департамента X»: for the
    body at token ``t`` named by a second post after a dash, the place of the first post
    (a title, then a place right before the dash); None where the title is not so joined."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t -= 1
    while t >= 0 and t not in ctx.mention_at and tokens[t].pos == "ADJ":
        t -= 1
    if t < 2 or not vocab.is_title(tokens[t].lemma):
        return None
    t -= 1
    while t >= 0 and t not in ctx.mention_at and tokens[t].pos == "ADJ":
        t -= 1  # «– первый заместитель министра»
    if t < 2 or tokens[t].text not in DASH_OR_HYPHEN:
        return None
    index = ctx.mention_at.get(t - 1)
    if index is None or ctx.mention_type(index) != "LOC" or ctx.last(index) != t - 1:
        return None
    before = ctx.first(index) - 1
    if before < 0 or tokens[before].lemma in ("в", "во"):
        return None
    words = range(max(before - 3, 0), before + 1)
    return index if any(vocab.is_title(tokens[w].lemma) for w in words) else None


def title_place_after(ctx: Context, person: int) -> int | None:
    """The place in a title after a person («X, министр промышленности Тверской области»),
    or the government body with its place."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t = ctx.last(person) + 1
    if t + 1 >= len(tokens) or tokens[t].text != "," or tokens[t + 1].sent_id != \
            tokens[t].sent_id:
        return None
    t += 1
    t = past_title_adjectives(ctx, t)  # «первый заместитель …», «Чрезвычайный и …»
    if t >= len(tokens) or not vocab.is_title(tokens[t].lemma):
        return None
    for word in range(t + 1, min(t + 9, len(tokens))):
        index = ctx.mention_at.get(word)
        if index is not None:
            if ctx.mention_type(index) == "LOC" or (ctx.mention_type(index) == "ORG"
                                                    and _names_a_place(ctx, index)):
                return index
            return None
        if tokens[word].pos not in NOMINAL_POS or tokens[word].text in CHUNK_BREAKS:
            return None
    return None


def _own_region(ctx: Context, ref_token: int) -> int | None:
    """«делегация нашей области», «делегация этого региона», «делегация российского
    региона», «делегация региона»: the region the document names most often with that head
    word (any region for «регион»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    region_heads, markers = vocab.words("region_heads"), vocab.words("own_region_markers")
    generic = vocab.words("generic_region_words")
    for child in ctx.children.get(ref_token, []):
        word = tokens[child]
        dependents = ctx.children.get(child, [])
        pointing = any(tokens[g].lemma in vocab.words("pointing_words") for g in dependents)
        # («делегация из этой арабской страны»: the country named before, pointed at)
        country = word.lemma in vocab.words("country_anaphors") and pointing
        if word.rel != "nmod" or child in ctx.mention_at \
                or (word.lemma not in region_heads | generic and not country):
            continue
        from_word = [tokens[g].lemma for g in dependents] == ["из"]
        # «делегация региона», «делегации области» (the word right after the group's),
        # «делегация из республики» after the republic was named
        bare = from_word or (not dependents and (word.lemma in generic or child == ref_token + 1))
        if not bare and not country and not any(tokens[g].lemma in markers for g in dependents):
            continue
        if pointing:
            # «между Татарстаном и Узбекистаном … делегацию этой республики»: the last named
            pointed = resolve_place(ctx, child)
            if pointed is not None:
                return next((i for i in range(len(ctx.doc.mentions) - 1, -1, -1)
                             if ctx.doc.mentions[i].entity_id == pointed
                             and ctx.doc.mentions[i].end <= word.start), None)
        found = _most_named_region(ctx, region_heads if word.lemma in generic else {word.lemma})
        if found is not None:
            return found
    return None


def _most_named_region(ctx: Context, heads: frozenset[str] | set[str],
                       besides_destinations: bool = False) -> int | None:
    """The first mention of the region the document names most often with one of ``heads``
    («Самаркандской области» ×3 for «области»); with ``besides_destinations`` not counting
    a mention where a group goes («прибыла в Тверскую область»)."""
    by_entity: dict[int, list[int]] = {}
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "LOC" or (besides_destinations and _destination_name(ctx, index)):
            continue
        words = fold(mention.normal).split()
        if len(words) < 2:  # «РД», «Тува»: the word is in the region's full name
            place = mention_place(ctx, index)
            words = fold(place.canonical).split() if place is not None \
                and place.kind != "country" else []
        if len(words) > 1 and (words[-1] in heads or words[0] in heads):
            by_entity.setdefault(mention.entity_id, []).append(index)
    if not by_entity:
        return None
    return max(by_entity.values(), key=lambda found: (len(found), -found[0]))[0]


def _bare_title_region(ctx: Context, person: int) -> int | None:
    """«под руководством хокима области X»: a title right before the person whose place is a
    bare region word is the region the document names most with that word (with «регион»,
    with any region word)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    word = ctx.first(person) - 1
    heads, generic = vocab.words("region_heads"), vocab.words("generic_region_words")
    if word < 1 or word in ctx.mention_at or tokens[word].lemma not in heads | generic \
            or not vocab.is_title(tokens[word - 1].lemma):
        return None
    if tokens[word].lemma in generic:
        # «во главе с раисом региона X»: a region of any kind, not the one the group goes to
        return _most_named_region(ctx, heads, besides_destinations=True)
    return _most_named_region(ctx, {tokens[word].lemma})


@matcher("delegation_origin_stated")
def delegation_origin_stated(ctx: Context, rule: RelationRule) -> None:
    """The surest of ``delegation_origin``'s facts: the origin named in the group word's own
    phrase («делегация из Японии», «японская делегация»: within two words before or six
    after a «делегация» word). Run before it, these facts carry their own confidence."""
    tokens, heads = ctx.doc.tokens, ctx.vocab.delegation_heads
    for delegation in ctx.delegations:
        if delegation.origin_entity is None or delegation.awaited:
            continue
        words = [t for t in delegation.ref_tokens if tokens[t].lemma in heads]
        near = {index for t in words for index in ctx.mentions_in(
            [w for w in range(max(t - 2, 0), min(t + 7, len(tokens)))
             if tokens[w].sent_id == tokens[t].sent_id])}
        adjectives = any(gazetteer_adjective(tokens[w].lemma) is not None
                         for t in words for w in range(max(t - 2, 0), t))
        if any(ctx.entity(index) == delegation.origin_entity for index in near) or (
                adjectives and ctx.doc.entities[delegation.origin_entity].type == "LOC"):
            ctx.add(rule, delegation.entity_id, delegation.origin_entity,
                    delegation.origin_sent)


@matcher("delegation_origin")
def delegation_origin(ctx: Context, rule: RelationRule) -> None:
    """DELEGATION_FROM: each delegation and the place or organisation it comes from (also
    where the text names it less specifically)."""
    for delegation in ctx.delegations:
        if delegation.only_listed or delegation.awaited:
            continue  # (``delegation_from.listed_groups``, where it shares a visit)
        ctx.add(rule, delegation.entity_id, delegation.origin_entity, delegation.origin_sent)
        for entity in delegation.also_from:
            if entity != delegation.origin_entity:
                ctx.add(rule, delegation.entity_id, entity, delegation.origin_sent)


SURE_HEAD = 0.75  # a HEADED_BY rule's confidence from which its head's post gives an origin


@matcher("delegation_origin_head_employer")
def delegation_origin_head_employer(ctx: Context, rule: RelationRule) -> None:
    """«Делегацию возглавил ректор Университета X Y», «Аким области Y … Делегация во главе с
    акимом Y»: a group whose words name no origin comes from where its one head holds his
    post (his surest WORKS_FOR, found by then), unless another group comes from there. Its
    entity, its words' mentions and every fact told of it before take that origin."""
    taken = {d.origin_entity for d in ctx.delegations if d.origin_entity is not None}
    for delegation in ctx.delegations:
        if delegation.origin or delegation.origin_entity is not None \
                or delegation.awaited or delegation.only_listed or _mixed_group(ctx, delegation):
            continue
        heads = {head for group, head, r in ctx.found_of("HEADED_BY")
                 if group == delegation.entity_id}
        # (a head told surely: not one a title's guess gave, «гость губернатора X»)
        if len(heads) != 1 or any(r.confidence < SURE_HEAD for group, _, r
                                  in ctx.found_of("HEADED_BY") if group == delegation.entity_id):
            continue
        if _origin_in_words(ctx, delegation):
            continue  # «Делегация деловых кругов Линдау, которую возглавил …»: told, not found
        (head,) = heads
        # (not where the group went: «во главе с главой региона X прибыла в Тверскую область»
        # gives the bare post the one region named, the host's)
        visited = {site for group, site, _ in ctx.found_of("VISITED")
                   if group == delegation.entity_id}
        posts = sorted(((r.confidence, -r.sent_id, employer)
                        for who, employer, r in ctx.found_of("WORKS_FOR") if who == head),
                       reverse=True)
        if not posts or posts[0][2] in taken or posts[0][2] in visited:
            continue
        employer = posts[0][2]
        taken.add(employer)
        _adopt_origin(ctx, rule, delegation, employer)


def _adopt_origin(ctx: Context, rule: RelationRule, delegation: Delegation, origin: int) -> None:
    """Give a group found with no origin the entity ``origin``: its entity, its words'
    mentions and every fact told of it before take that name."""
    entity = ctx.doc.entities[origin]
    delegation.origin, delegation.origin_kind = entity.normal, "strong"
    delegation.origin_entity = origin
    group = ctx.doc.entities[delegation.entity_id]
    group.normal, group.key = entity.normal, f"{DELEGATION}:{fold(entity.normal)}"
    for mention in ctx.doc.mentions:
        if mention.entity_id == delegation.entity_id:
            mention.normal = entity.normal
    ctx.add(rule, delegation.entity_id, origin, delegation.origin_sent)


def _sides_listed(ctx: Context, delegation: Delegation) -> bool:
    """Does a sentence of the group's words list its members by the side they are «от»
    («В состав делегации вошли: от министерства экономики – X, от компании «Y» – Z»)?"""
    tokens = ctx.doc.tokens
    sentences = {tokens[t].sent_id for t in delegation.ref_tokens}
    return any(tokens[t].lemma == "от" for s in sentences for t in ctx.sentence(s))


# the rule that finds the bodies a group's make-up names («в неё вошли представители X»)
MAKE_UP_RULE = "member.composition"


@matcher("delegation_origin_member_body")
def delegation_origin_member_body(ctx: Context, rule: RelationRule) -> None:
    """«Делегация, в которую вошли представители Черниговского городского совета и деловых
    кругов города, …»: a group whose words name no origin and that no head's post gave one
    comes from the one body (or place) its make-up names (``member.composition``), unless
    another group comes from there."""
    taken = {d.origin_entity for d in ctx.delegations if d.origin_entity is not None}
    for delegation in ctx.delegations:
        if delegation.origin or delegation.origin_entity is not None \
                or delegation.awaited or delegation.only_listed \
                or _origin_in_words(ctx, delegation):
            continue
        if _sides_listed(ctx, delegation):
            continue  # «вошли: от министерства – X, от компании «Y» – Z»: members by side
        made_up = [(member, found.sent_id) for member, group, found in ctx.found_of(
                       "MEMBER_OF_DELEGATION")
                   if group == delegation.entity_id and ctx.doc.entities[member].type
                   in ("ORG", "LOC") and MAKE_UP_RULE in ctx.stated_by.get(
                       ("MEMBER_OF_DELEGATION", member, group), set())]
        bodies = {member for member, _ in made_up}
        homes = {ctx.entity(i) for _, sent_id in made_up for i in _people_places(ctx, sent_id)}
        if len(homes) == 1 and not homes & taken:
            # «вошли 40 предпринимателей Макао и представители зоны «X»»: the people's place
            bodies = homes
        if len(bodies) == 1 and not bodies & taken:
            (body,) = bodies
            taken.add(body)
            _adopt_origin(ctx, rule, delegation, body)


def _people_places(ctx: Context, sent_id: int) -> list[int]:
    """The places of the sentence named in the genitive of a plural noun of people
    («предпринимателей Макао», «представители деловых кругов Твери»)."""
    tokens = ctx.doc.tokens
    found = []
    for index in ctx.mentions_in(ctx.sentence(sent_id)):
        root = ctx.mention_root(index)
        head = tokens[root].head_id if root is not None and root >= 0 else -1
        if ctx.mention_type(index) == "LOC" and head >= 0 and tokens[root].rel == "nmod" \
                and "Case=Gen" in tokens[root].feats and "Animacy=Anim" in tokens[head].feats \
                and "Number=Plur" in tokens[head].feats and head not in ctx.mention_at:
            found.append(index)
    return found


def _origin_in_words(ctx: Context, delegation: Delegation) -> bool:
    """Does a place's adjective or a name stand in a group word's own phrase (the word before
    it; the few words after it, up to a comma or a verb): an origin the text tells there,
    whether or not it was read as one («делегация деловых кругов Линдау», the town typed a
    person)?"""
    tokens = ctx.doc.tokens
    for t in delegation.ref_tokens:
        if tokens[t].lemma not in ctx.vocab.delegation_heads:
            continue
        if t > 0 and gazetteer_adjective(tokens[t - 1].lemma) is not None:
            return True  # «Китайскую делегацию … возглавляла X»: a place's adjective
        for u in range(t + 1, min(t + 5, len(tokens))):
            if tokens[u].text in (",", ".", ";", "(", ":", *DASHES) \
                    or tokens[u].pos in ("VERB", "AUX") or tokens[u].sent_id != tokens[t].sent_id:
                break  # (a colon or dash opens its members: «Участники делегации: X (Y), …»)
            if u in ctx.mention_at:
                return True
    return False


@matcher("delegation_origin_unnamed")
def delegation_origin_unnamed(ctx: Context, rule: RelationRule) -> None:
    """DELEGATION_FROM the place a group's adjective names («французская делегация») where
    the text has no mention of it: the gazetteer's place, added as an entity with no mention,
    so that the fact (and a group-by on the origin's key) is not lost."""
    for delegation in ctx.delegations:
        if delegation.only_listed or delegation.awaited \
                or delegation.origin in ctx.vocab.head_adjectives.values():
            continue  # («российская делегация региона»: whose region the text tells elsewhere)
        ctx.add(rule, delegation.entity_id, unnamed_origin(ctx, delegation),
                delegation.origin_sent)


def unnamed_origin(ctx: Context, delegation: Delegation) -> int | None:
    """The entity of a group's origin the text names only by an adjective: the gazetteer's
    place, an entity with no mention (made once per document); None where the origin is
    named, or no place."""
    if delegation.origin_entity is not None or not delegation.origin \
            or delegation.origin_kind == "none" or gazetteer().lookup(delegation.origin) is None:
        return None
    made = next((e.entity_id for e in ctx.doc.entities
                 if e.type == "LOC" and not e.mention_ids and e.normal == delegation.origin),
                None)
    if made is None:
        made = len(ctx.doc.entities)
        ctx.doc.entities.append(Entity(made, "LOC", delegation.origin,
                                       entity_key("LOC", delegation.origin)))
    return made


@matcher("delegation_listed_origins")
def delegation_listed_origins(ctx: Context, rule: RelationRule) -> None:
    """DELEGATION_FROM the places and bodies listed with a group's origin («представители
    компаний X, Y и Z»): a rule of its own, calibrated apart. Not for a group word in the
    plural («Делегации из вузов X, Y и Z»): one group from each, not one group from all."""
    tokens, heads = ctx.doc.tokens, ctx.vocab.delegation_heads
    for delegation in ctx.delegations:
        if delegation.awaited:
            continue
        named = [t for t in delegation.ref_tokens
                 if tokens[t].sent_id == delegation.origin_sent and tokens[t].lemma in heads]
        if named and all(plural_group_word(ctx, t) for t in named):
            continue  # «главам делегаций России и Узбекистана»: in any case, two groups
        # (a list in a sentence that tells nothing of the group is no list of its origins:
        # «Чувашия и Узбекистан подписали … . Делегация из республики …»; places listed
        # after a plural word are a group each: «гостей из Вьетнама и Турции»)
        plural_in = {tokens[t].sent_id for t in delegation.ref_tokens
                     if (tokens[t].lemma in heads
                         or compound_head(tokens[t].lemma) in ctx.vocab.delegation_references)
                     and ("Number=Plur" in tokens[t].feats or plural_group_word(ctx, t))
                     } | delegation.listed_in  # («инвесторы из Кореи и Китая»: split there)
        # (not officials listed by their countries: «Послы Перу, Чили и Боливии» travel as one)
        _origins_named_with(ctx, rule, delegation, _joined_where_told(delegation, plural_in))


def _mark_awaited(ctx: Context) -> None:
    """Mark each group that is an aside of the story of another group's trip, every word
    for it told as future or planned («Осенью парк ждёт делегацию из Ливии», «примет
    ответную делегацию Сенегала»): it has made no trip yet. (A group whose trip is the news,
    announced, keeps its origin: «Киргизия направит в область две делегации».)"""
    planned = [_told_only_as_planned(ctx, d) for d in ctx.delegations]
    for i, delegation in enumerate(ctx.delegations):
        # (not one a list told as done named: «Делегации Вьетнама, Индии и Египта посетили
        # ОЭЗ … Во вторник индийская делегация побывает в X»)
        listed = any(i in other.listed_with and not planned[j]
                     for j, other in enumerate(ctx.delegations))
        delegation.awaited = planned[i] and not listed and any(
            other.ref_tokens and not planned[j]
            for j, other in enumerate(ctx.delegations) if j != i)


def _told_only_as_planned(ctx: Context, delegation: Delegation) -> bool:
    """Is every word for the group (one at least) told as future or planned? (A word for
    every group, «каждая из делегаций», tells nothing of this one.)"""
    tokens = ctx.doc.tokens
    own = [t for t in delegation.ref_tokens if not _each_of_the_groups(ctx, tokens[t])
           and ((ref := ctx.ref_at(t)) is None or ref.source != ALL_GROUPS)]
    return bool(own) and all(ctx.told_as_planned(t) for t in own)


def _joined_where_told(delegation: Delegation, plural_in: set[int]
                       ) -> Callable[[Context, int], list[int]]:
    """The origins joined to an origin, and those it is joined to («провинции X и города Y»
    for the town Y, the more specific origin ``_town_joined`` chose), in a sentence that
    refers to the group; no place in a sentence whose word for the group is plural
    (``plural_in``: a group from each)."""
    def joined(ctx: Context, index: int) -> list[int]:
        told = {ctx.doc.tokens[t].sent_id for t in delegation.ref_tokens}
        sent_id = ctx.doc.mentions[index].sent_id
        if sent_id not in told:
            return []
        before = [other for other in _origins_in_sentence_of(ctx, index)
                  if other != index and index in coordinated_origins(ctx, other)]
        found = [*coordinated_origins(ctx, index), *before]
        return [other for other in found if sent_id not in plural_in
                or ctx.mention_type(other) != "LOC"]
    return joined


def after_among_them(ctx: Context, t: int) -> bool:
    """Does a phrase of ``among_them_phrases`` stand right before the word («… 900 человек,
    в том числе делегации Ирана и Казахстана»): some of many, in the plural whatever case the
    tagger reads?"""
    lemmas = [token.lemma for token in ctx.doc.tokens[max(t - 3, 0):t]]
    return any(lemmas[-len(phrase):] == phrase for phrase in ctx.vocab.among_them)


def _plural_subject_misread(ctx: Context, t: int) -> bool:
    """«Во второй день делегации Египта и Индонезии посетили зону»: a group word in «-ии»
    (a genitive singular's form too) before the plural verb of its sentence, which has no
    subject of its own: the parse hung it elsewhere, yet it is that verb's plural subject."""
    tokens = ctx.doc.tokens
    if not tokens[t].text.lower().endswith("ии"):
        return False
    sentence = ctx.sentence(tokens[t].sent_id)
    root = next((w for w in sentence if tokens[w].head_id < 0), None)
    return root is not None and root > t and tokens[root].pos == "VERB" \
        and "Number=Plur" in tokens[root].feats \
        and not any(tokens[c].rel.startswith("nsubj") for c in ctx.children.get(root, []))


def plural_group_word(ctx: Context, t: int) -> bool:
    """A group word in the plural, also where the tagger reads «Делегации» that opens a
    sentence as a genitive singular: its verb, in the plural, tells."""
    tokens = ctx.doc.tokens
    if "Number=Plur" in tokens[t].feats or after_among_them(ctx, t) \
            or _plural_subject_misread(ctx, t):
        return True
    head = tokens[t].head_id
    if head >= 0 and tokens[t].text.lower().endswith("ии") \
            and tokens[head].lemma in ctx.vocab.words("reception_verbs") and (
                tokens[t].rel == "obj" or (tokens[t].rel == "nsubj" and any(
                    tokens[c].rel == "nsubj" and c < t for c in ctx.children.get(head, [])))) \
            and not any(tokens[c].lemma == "не" for c in ctx.children.get(head, [])):
        # «Зона «X» принимала на прошлой неделе делегации из Y и Z»: received, an accusative
        # plural the tagger read as a genitive singular
        return True
    if head < 0 or "Number=Plur" not in tokens[head].feats:
        return False
    # «Делегации Кении, Ганы и Уганды посетили …» parsed as the verb's genitive object:
    # a plural verb with no subject of its own has it for its subject; a lead verb's object
    # in that form is its accusative plural («Делегации X и Y возглавили соответственно …»)
    return tokens[t].rel == "nsubj" or (
        tokens[t].rel == "obj" and "Case=Gen" in tokens[t].feats and tokens[head].pos == "VERB"
        and (not any(tokens[c].rel.startswith("nsubj") for c in ctx.children.get(head, []))
             or tokens[head].lemma in ctx.vocab.lead_verbs))


@matcher("delegation_containing_place")
def delegation_containing_place(ctx: Context, rule: RelationRule) -> None:
    """«делегация провинции Хэнань КНР»: the wider place its origin lies in, named with it
    (annotators give it as often as not: a rule of its own, calibrated apart)."""
    for delegation in ctx.delegations:
        _origins_named_with(ctx, rule, delegation, _containing_places)
        for place in _country_represented(ctx, delegation):
            ctx.add(rule, delegation.entity_id, ctx.entity(place), ctx.doc.mentions[place].sent_id)


def _country_represented(ctx: Context, delegation: Delegation) -> list[int]:
    """«Казахстан представляет делегация Атырауской области»: the place a group represents
    (``_represented``), where the group's origin, named more specifically, lies in it
    (mentions)."""
    represented = [place for t in delegation.ref_tokens if t < len(ctx.doc.tokens)
                   and (place := _represented(ctx, t)) is not None]
    return [place for place in represented if ctx.mention_type(place) == "LOC"
            and delegation.origin and lies_within(ctx, delegation.origin,
                                                  delegation.origin_entity,
                                                  ctx.doc.mentions[place].normal)]


def _origins_named_with(ctx: Context, rule: RelationRule, delegation: Delegation,
                        named_with: Callable[[Context, int], list[int]]) -> None:
    """DELEGATION_FROM each place or body ``named_with`` finds beside a mention of the
    group's origin."""
    for index in sorted(ctx.origin_mentions):
        if ctx.entity(index) == delegation.origin_entity:
            for other in named_with(ctx, index):
                ctx.add(rule, delegation.entity_id, ctx.entity(other),
                        ctx.doc.mentions[other].sent_id)


def _containing_places(ctx: Context, index: int) -> list[int]:
    """«делегация Амвросиевского района ДНР», «… провинции Хэнань КНР»: the place in the
    genitive of a place origin, where it is, or in brackets after it («(КНР)»)."""
    tokens = ctx.doc.tokens
    if ctx.mention_type(index) != "LOC":
        return []
    words = set(ctx.mention_tokens(index))
    for t in list(words):
        head = tokens[t].head_id
        if tokens[t].rel == "appos" and head >= 0 and head not in ctx.mention_at:
            words.add(head)  # «провинции Хэнань КНР»: the descriptor's genitive too
    found = []
    for t in sorted(words):
        for child in ctx.children.get(t, []):
            other = ctx.mention_at.get(child)
            if other is not None and tokens[child].rel == "nmod" \
                    and ctx.mention_type(other) == "LOC" \
                    and ctx.entity(other) != ctx.entity(index) \
                    and not ctx.governed(child):
                found.append(other)
    after = ctx.mention_at.get(ctx.last(index) + 2)  # «провинции Кёнгидо (Республика Корея)»
    if after is not None and ctx.doc.tokens[ctx.last(index) + 1].text == "(" \
            and ctx.bracketed_alone(after) and ctx.mention_type(after) == "LOC" \
            and ctx.entity(after) != ctx.entity(index) and after not in found:
        found.append(after)
    return found


def _origins_in_sentence_of(ctx: Context, index: int) -> list[int]:
    """The origin mentions of ``index``'s sentence, in order: the only ones a coordination
    joins it to (a long article has hundreds elsewhere)."""
    sent_id = ctx.doc.mentions[index].sent_id
    return [other for other in sorted(ctx.origin_mentions)
            if ctx.doc.mentions[other].sent_id == sent_id]


def coordinated_origins(ctx: Context, index: int) -> list[int]:
    """The organisations and places joined to an origin by «и» or a comma («представители
    KOICA, KTPA и технопарка X»)."""
    tokens = ctx.doc.tokens
    found, frontier = [index], [index]
    while frontier:  # «X, Y и Z»: each joined to the one before
        current = frontier.pop()
        for t in ctx.mention_tokens(current):
            head = tokens[t].head_id
            if tokens[t].rel in ("appos", "flat:name") and 0 <= head < ctx.first(current) \
                    and head not in ctx.mention_at:
                t = head  # «провинции X и города Y»: the descriptor is what is joined
            joined = [c for c in ctx.children.get(t, []) if tokens[c].rel == "conj"]
            if tokens[t].rel == "conj" and tokens[t].head_id in ctx.mention_at:
                joined.append(tokens[t].head_id)  # «Калужской и Тульской областей»: the
                # first adjective, its own place, heads the conjunct
            for child in joined:
                other = ctx.mention_at.get(child)
                if other is None:
                    other = next((ctx.mention_at[g] for g in ctx.children.get(child, [])
                                  if tokens[g].rel in ("appos", "flat:name")
                                  and g in ctx.mention_at), None)
                if other is not None and other not in found \
                        and ctx.mention_type(other) in ("ORG", "LOC", "PARK") \
                        and (ctx.mention_type(other) == "LOC") == (
                            ctx.mention_type(index) == "LOC"):
                    found.append(other)
                    frontier.append(other)
    return found[1:]


def _adjectives(ctx: Context, token: Token) -> list[Token]:
    """The word's adjectives: its own, those right before it, and the one a copula makes its
    predicate («делегация была узбекской»)."""
    tokens = ctx.doc.tokens
    found = [tokens[c] for c in ctx.children.get(token.token_id, []) if tokens[c].rel == "amod"]
    head = tokens[token.head_id] if token.head_id >= 0 else None
    if token.rel == "nsubj" and head is not None and head.pos == "ADJ" \
            and any(tokens[c].rel == "cop" for c in ctx.children.get(head.token_id, [])):
        found.append(head)
    i = token.token_id - 1
    while i >= 0 and tokens[i].pos == "ADJ" and tokens[i].sent_id == token.sent_id:
        found.append(tokens[i])
        i -= 1
    return found


def _business_from_place(ctx: Context, org: int, place: int) -> bool:
    """A business named before the place it comes from («корпорации «X» из провинции Y»):
    its head noun (``company_origin_heads``) just before its name, the place after «из»; a
    school named so too («делегация Дарханского политехнического института из Монголии»)."""
    tokens, first = ctx.doc.tokens, ctx.first(org)
    heads = ctx.vocab.words("company_origin_heads")
    head = first - 1 if first > 0 and tokens[first].text in (QUOTE_OPEN, '"') else first
    if head > 0 and tokens[head].lemma not in heads:
        head -= 1  # «китайской корпорации «X»»: the noun before the quoted name
    school = any(tokens[w].lemma in ctx.vocab.words("school_heads")
                 for w in ctx.mention_tokens(org))
    place_word = ctx.mention_root(place)
    return first < ctx.first(place) and (tokens[head].lemma in heads or school) \
        and place_word is not None \
        and (ctx.governed(place_word, "из") or (
            tokens[place_word].head_id >= 0 and ctx.governed(tokens[place_word].head_id, "из")))


def _led_people(ctx: Context, token: Token) -> bool:
    """People in the plural, or a «группа» (``group_anaphor_nouns``) or «команда» of them
    (``crew_nouns``), with «во главе с» or «под руководством» of their own and the genitive
    body or place they come from («специалисты министерства X во главе с Y», «рабочая
    группа Министерства X во главе с Y», «команда из восьми инженеров компании X под
    руководством Y») that visit: a travelling group."""
    tokens = ctx.doc.tokens
    people = ("Number=Plur" in token.feats and "Animacy=Anim" in token.feats) \
        or compound_head(token.lemma) in ctx.vocab.words("group_anaphor_nouns") \
        or compound_head(token.lemma) in ctx.vocab.words("crew_nouns")
    t = token.token_id + 1
    if t + 1 < len(tokens) and tokens[t].lemma == "из" and tokens[t + 1].pos == "NUM":
        t += 2  # «команда из восьми инженеров компании X»: past the count
    counted = t
    while t < len(tokens) and (t in ctx.mention_at or tokens[t].text in ("«", "»") or (
            tokens[t].pos in ("ADJ", "NOUN", "PROPN") and "Case=Gen" in tokens[t].feats)):
        t += 1  # the genitive phrase of the body or place (its name quoted), left to right
    while t + 2 < len(tokens) and tokens[t].text == "(" and tokens[t + 2].text == ")" \
            and t + 1 in ctx.mention_at:
        t += 3  # «компании «X» (Коломбо)»: the body's place in brackets
    if t + 1 < len(tokens) and tokens[t].text in DASHES and tokens[t + 1].pos == "NUM":
        # «группа специалистов корпорации X — 12 инженеров во главе с Y»: past the count
        u = t + 2
        while u < len(tokens) and tokens[u].pos in ("ADJ", "NOUN") \
                and "Case=Gen" in tokens[u].feats:
            u += 1
        t = u if u > t + 2 else t
    # (or named by its origin's adjective alone: «Павлодарская группа во главе с X»)
    # (past a count, the people counted are no body: «из восьми специалистов компании X»)
    named = t > counted + (counted > token.token_id + 1) or any(
        a.lemma in ctx.vocab.origin_adjectives or adjective_home(ctx, a) is not None
        for a in _adjectives(ctx, token))
    motion = token.rel == "nsubj" and token.head_id >= 0 \
        and tokens[token.head_id].lemma in ctx.vocab.words("visit_motion_verbs") \
        and not ctx.planned(token.head_id)  # «… во главе с X отправилась в Челябинск»
    led = ctx.at_the_head_with(t) or ctx.under_leadership(t)  # «под руководством X»
    return people and named and led \
        and (_visit_subject(ctx, token) or _working_at_site(ctx, token) or motion)
    # (not «члены коллегии во главе с X заявили»)


def _crew_body(ctx: Context, token: Token) -> bool:
    """Does a crew word name the company or place it comes from right after it («команда
    «X»», «команда инженеров китайской компании «X»», «бригада специалистов завода «X»»,
    «команда инженеров из аймака Y»)?"""
    tokens, t = ctx.doc.tokens, token.token_id + 1
    while t < len(tokens) and t not in ctx.mention_at and tokens[t].pos in ("NOUN", "ADJ") \
            and "Case=Gen" in tokens[t].feats and t - token.token_id <= 4:
        t += 1  # «инженеров энергетической компании»
    if t < len(tokens) and tokens[t].lemma == "из" and t not in ctx.mention_at:
        return place_after(ctx, t - 1, ("из",)) is not None  # «… из аймака Сэлэнгэ»
    return t in ctx.mention_at and ctx.mention_type(ctx.mention_at[t]) == "ORG" \
        and ctx.first(ctx.mention_at[t]) == t


def _foreign_company_group(ctx: Context, token: Token) -> bool:
    """A «группа» of one foreign body, named by its adjective («технопарк работал с группой
    китайской компании «X»», «принял группу корейского университета»), with a host's or a
    visit's verb: the body's people travelling (not «группа компаний», a holding)."""
    if _group_body(ctx, token) is None or token.head_id < 0 or ctx.in_speech(token.token_id):
        return False
    verb = ctx.doc.tokens[token.head_id].lemma
    return _visit_subject(ctx, token) or verb in ctx.vocab.host_verbs \
        or verb in ctx.vocab.words("escort_verbs") or verb in ctx.vocab.words("site_work_verbs")


def _named_body_after(ctx: Context, token: Token) -> bool:
    """Does a body's noun in the genitive and the body's name follow the group word
    («группу компании «X»», «группа текстильной компании «X»», «группу Министерства
    промышленности России»), or the company's quoted name alone («группу «X»»)?"""
    tokens, t = ctx.doc.tokens, token.token_id + 1
    while t + 2 < len(tokens) and tokens[t].pos == "ADJ" and t - token.token_id <= 2 \
            and t not in ctx.mention_at:
        t += 1
    quoted = ctx.mention_at.get(t) if t < len(tokens) and tokens[t].text == QUOTE_OPEN else None
    if quoted is not None and ctx.first(quoted) == t and ctx.mention_type(quoted) == "ORG" \
            and t == token.token_id + 1:
        return True  # «Группу «Бергамо Мекканика» возглавил её директор»: the company's own
    if t + 1 >= len(tokens) or tokens[t].pos not in ("NOUN", "PROPN") \
            or "Case=Gen" not in tokens[t].feats \
            or tokens[t].lemma not in ctx.vocab.org_heads:
        return False
    # the name after the noun, or the body's whole name from it («группу Министерства
    # промышленности России»)
    index = ctx.mention_at.get(t + 1)
    if index is None and (index := ctx.mention_at.get(t)) is not None and ctx.first(index) != t:
        index = None
    return index is not None and ctx.mention_type(index) == "ORG"


def _body_after_from(ctx: Context, token: Token) -> bool:
    """Does «от» and a body's or park's name follow the word, past the body's noun
    («группа от компании «X»», «группа от зоны экономического развития «X»»)?"""
    tokens, t = ctx.doc.tokens, token.token_id + 1
    if t + 1 >= len(tokens) or tokens[t].lemma != "от":
        return False
    index = ctx.mention_at.get(t + 1)
    if index is None and t + 2 < len(tokens) and tokens[t + 1].lemma in ctx.vocab.org_heads:
        index = ctx.mention_at.get(t + 2)
    return index is not None and ctx.mention_type(index) in ("ORG", "PARK")


def _group_body(ctx: Context, token: Token) -> int | None:
    """The one foreign body a singular group word is of, right after it or after the people
    it is made of («группа (инженеров) немецкой компании»): its noun's token."""
    tokens, t = ctx.doc.tokens, token.token_id + 1
    if "Number=Sing" not in token.feats or t >= len(tokens):
        return None
    if t + 2 < len(tokens) and tokens[t].lemma == "из" and tokens[t + 1].pos == "NUM":
        t += 2  # «группа из одиннадцати специалистов компании»: past its count
    body = _foreign_body_after(ctx, t)
    if body is None and "Animacy=Anim" in tokens[t].feats and "Case=Gen" in tokens[t].feats:
        body = _foreign_body_after(ctx, t + 1)
    return body if body is not None and "Number=Sing" in tokens[body].feats else None


def _foreign_body_after(ctx: Context, t: int) -> int | None:
    """The genitive noun at ``t`` after adjectives one of which is a country's
    («южнокорейской компании», «китайской фармацевтической корпорации»), read left to
    right (the parse may hang the genitive elsewhere)."""
    tokens, countries = ctx.doc.tokens, ctx.vocab.country_adjectives
    adjectives = []
    while t < len(tokens) and tokens[t].pos == "ADJ" and "Case=Gen" in tokens[t].feats:
        adjectives.append(tokens[t].lemma)
        t += 1
    if t < len(tokens) and tokens[t].pos == "NOUN" and "Case=Gen" in tokens[t].feats \
            and any(lemma in countries for lemma in adjectives):
        return t
    return None


def _working_at_site(ctx: Context, token: Token) -> bool:
    """Is the word the subject of a verb of working told as done at a named site or place
    («в ОЭЗ «Y» работала группа инженеров компании X во главе с …»): a group come to work
    there? (``site_work_verbs``)"""
    tokens, head = ctx.doc.tokens, token.head_id
    if token.rel == "nmod" and head >= 0 and "Case=Gen" in token.feats \
            and tokens[head].lemma in ctx.vocab.words("crew_stay_nouns"):
        # «На заводе «Y» завершилась стажировка команды инженеров компании X»: the stay's
        # own «в»/«на», or its verb's
        verb = tokens[head].head_id
        places = [c for c in ctx.children.get(head, []) if tokens[c].rel == "nmod"] + (
            [c for c in ctx.children.get(verb, []) if tokens[c].rel == "obl"]
            if verb >= 0 and not ctx.planned(verb) and not ctx.in_speech(verb) else [])
        return any(_site_named_at(ctx, c) for c in places)
    if token.rel != "nsubj" or head < 0 or ctx.planned(head) or ctx.in_speech(head) \
            or tokens[head].lemma not in ctx.vocab.words("site_work_verbs"):
        return False
    # the verb's own «в»/«на», or its object's («завершила стажировку на заводе «X»»)
    objects = [c for c in ctx.children.get(head, []) if tokens[c].rel == "obj"]
    places = [c for c in ctx.children.get(head, []) if tokens[c].rel == "obl"] \
        + [n for o in objects for n in ctx.children.get(o, []) if tokens[n].rel == "nmod"]
    return any(_site_named_at(ctx, c) for c in places)


def _site_named_at(ctx: Context, c: int) -> bool:
    """Is the word a site after «в»/«на»: a name, a word for a place or park, or a word with
    a name in apposition («на заводе «X»»)?"""
    tokens = ctx.doc.tokens
    return ctx.governed(c, "в", "во", "на") and (
        c in ctx.mention_at or tokens[c].lemma in ctx.vocab.words("place_anaphors")
        or tokens[c].lemma in ctx.vocab.park_anaphors
        or any(tokens[n].rel == "appos" and n in ctx.mention_at
               for n in ctx.children.get(c, [])))


def _repeats_group_word(ctx: Context, token: Token) -> bool:
    """The bare head of a compound group word told before («миссия» after «бизнес-миссия»),
    or a crew or mission word again («команда инженеров компании «X»» … «в составе
    команды»), with no adjective, genitive or name of its own («миссия посольства» is
    another)."""
    tokens = ctx.doc.tokens
    # (or a mission word again: «прибыла миссия региона X» … «Миссию возглавил Y»)
    crew = token.lemma in ctx.vocab.words("crew_nouns") | ctx.vocab.words("group_mission_nouns") \
        and "Number=Sing" in token.feats
    if not any(r.token < token.token_id and (
            (tokens[r.token].lemma != token.lemma
             and compound_head(tokens[r.token].lemma) == token.lemma)
            or (crew and tokens[r.token].lemma == token.lemma)) for r in ctx.refs) \
            and not _people_repeated(ctx, token):
        return False
    return not _named_after(ctx, token) and not any(
        tokens[c].pos == "ADJ" or tokens[c].rel in ("nmod", "appos") or c in ctx.mention_at
        for c in ctx.children.get(token.token_id, []))


def _bare_group_of_people(ctx: Context, token: Token) -> bool:
    """«Специалисты компании «X» прибыли в Y. Группу инженеров возглавил Z»: a singular
    group word (``group_anaphor_nouns``) of bare plural people, said nothing else of, that a
    lead verb governs, after a group the sentence before names by its people (not «Делегация
    … посетила завод. Группу экскурсоводов возглавил директор завода»: the hosts')."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if token.lemma not in vocab.words("group_anaphor_nouns") or "Number=Sing" not in token.feats \
            or token.head_id < 0 or tokens[token.head_id].lemma not in vocab.lead_verbs:
        return False
    told = ctx.refs_in(token.sent_id - 1)
    if not told or told[-1].source != "rule:delegation.group":
        return False
    children = ctx.children.get(token.token_id, [])
    people = [c for c in children if tokens[c].rel == "nmod"]
    return len(people) == 1 and len(children) == 1 and people[0] not in ctx.mention_at \
        and "Number=Plur" in tokens[people[0]].feats \
        and "Animacy=Anim" in tokens[people[0]].feats \
        and not ctx.children.get(people[0])


def _people_repeated(ctx: Context, token: Token) -> bool:
    """«Специалисты концерна «X» прибыли … Специалисты провели аудит»: a plural word for
    people a group was named by before, said again bare, with no group's word between."""
    tokens = ctx.doc.tokens
    if "Number=Plur" not in token.feats or "Animacy=Anim" not in token.feats:
        return False
    earlier = [r for r in ctx.refs if r.token < token.token_id]
    return bool(earlier) and tokens[max(earlier, key=lambda r: r.token).token].lemma \
        == token.lemma


def _beside_town_people(ctx: Context, token: Token) -> bool:
    """Is the word joined by «и» to a town's people («жители и гости города», «гостей и
    жителей области»)?"""
    tokens, people = ctx.doc.tokens, ctx.vocab.words("town_people_nouns")
    joined = [tokens[c] for c in ctx.children.get(token.token_id, []) if tokens[c].rel == "conj"]
    if token.rel == "conj" and token.head_id >= 0:
        joined.append(tokens[token.head_id])
    return any(other.lemma in people for other in joined)


def _named_after(ctx: Context, token: Token) -> bool:
    """Does a name follow the word (a quote, a capitalised or Latin word): «группа «X»»?"""
    after = token.token_id + 1
    return after < len(ctx.doc.tokens) and (
        ctx.doc.tokens[after].text in (QUOTE_OPEN, '"') or ctx.doc.tokens[after].text[:1].isupper())


def _represents_a_side(ctx: Context, token: Token) -> bool:
    """Is the word the subject of a verb of representing a side or a place («Туркменскую
    сторону представляет группа …»)?"""
    tokens, head = ctx.doc.tokens, token.head_id
    if token.rel != "nsubj" or head < 0 \
            or tokens[head].lemma not in ctx.vocab.words("representation_verbs"):
        return False
    sides = ctx.vocab.words("group_side_nouns")
    return any(tokens[c].rel == "obj" and (tokens[c].lemma in sides or (
        c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "LOC"))
               for c in ctx.children.get(head, []))


def _ref_kind(ctx: Context, token: Token) -> str | None:
    """head («делегация»), reference («гости»), group («японские предприниматели»), or
    None: not a word for a visiting group."""
    vocab = ctx.vocab
    lemma = compound_head(token.lemma)  # «бизнес-делегация»
    if token.rel == "obj" and token.head_id >= 0 \
            and ctx.doc.tokens[token.head_id].lemma in vocab.words("invitation_verbs"):
        return None  # «пригласил делегацию из X посетить форум»: invited, not travelling
    if lemma in vocab.words("guest_nouns") and _beside_town_people(ctx, token):
        return None  # «жители и гости Владивостока»: any visitor of the town
    if lemma in vocab.delegation_heads or token.lemma in vocab.delegation_heads:
        return "head"  # (a compound listed whole: «бизнес-миссия», not any «миссия»)
    if any((lemma, ctx.doc.tokens[c].lemma.split("-")[-1]) in vocab.head_phrases
           for c in ctx.children.get(token.token_id, [])):
        return "head"  # «деловая (культурно-деловая) миссия», «торговая миссия»: not any
        # «миссия»
    if _escorting_party(ctx, token):
        return "head"  # «Чжоу Вэньбинь и сопровождающие его лица побывали в Гаосюне»
    if lemma in vocab.words("group_mission_nouns") and "Number=Sing" in token.feats \
            and _place_genitive(ctx, token, past_adjectives=True) \
            and (_visit_subject(ctx, token) or _arrival_subject(ctx, token)):
        return "head"  # «в Липецк прибыла миссия итальянского региона Ломбардия»
    if lemma in vocab.words("group_mission_nouns") and "Number=Sing" in token.feats \
            and (_object_of_leading(ctx, token) or _mission_abroad(ctx, token)) \
            and (_place_genitive(ctx, token, past_adjectives=True)
                 or _named_body_after(ctx, token)
                 or _named_genitive(ctx, token.token_id) is not None):
        return "head"  # «Миссию мэрии Тарумы возглавил мэр X», «в рамках миссии мэрии X в
        # Китае»: a place's or body's mission, led or somewhere
    if lemma in vocab.words("group_mission_nouns") and "Number=Sing" in token.feats \
            and _object_of_leading(ctx, token) \
            and _place_after_in(ctx, ctx.children.get(token.token_id, [])):
        return "head"  # «Губернатор X возглавил миссию в Китай»: a mission led abroad
    if lemma in vocab.words("group_mission_nouns") and "Number=Sing" in token.feats \
            and _mission_of_its_own(ctx, token):
        return "head"  # «Миссия во главе с X посетила Кению», «Миссия из Японии прибыла …»
    if _each_of_the_groups(ctx, token):
        return "reference"  # «Каждая из групп побывала …»: every group the text names
    if _repeats_group_word(ctx, token):
        return "reference"  # «Бизнес-миссия из X … Миссию возглавил Y»: the same group
    if _ordinal_group(ctx, token):
        return "head"  # «Прибыли две делегации. Первая, из провинции X, посетила …»
    if _bare_group_of_people(ctx, token):
        return "reference"  # «Специалисты компании X прибыли … Группу инженеров возглавил Y»
    if _led_people(ctx, token):
        return "head"  # «Специалисты министерства X во главе с Y изучали …»: a group
    if compound_head(lemma) in vocab.words("crew_nouns") and _crew_body(ctx, token) \
            and (_visit_subject(ctx, token) or _working_at_site(ctx, token)):
        return "head"  # «На заводе «Y» работает команда инженеров компании «X»»: a group
    if compound_head(lemma) in vocab.words("group_anaphor_nouns") and (
            _sender_of_participle(ctx, token) is not None
            or _people_of_group(ctx, token) is not None
            or _foreign_company_group(ctx, token)
            or (person_named_group(ctx, token) is not None and (
                _visit_subject(ctx, token) or _arrival_subject(ctx, token)))):
        # «Группу, направленную Палатой X, возглавлял Y»: a group sent; «Вторая группа —
        # представители X, …, — посетила Y»: a group told by the people it is made of;
        # «В Омск прибыла группа Драгана Петровича»: a group named by its head
        return "head"
    listed = token.rel == "conj" and token.head_id >= 0 \
        and ctx.doc.tokens[token.head_id].lemma in vocab.delegation_heads
    if compound_head(lemma) in vocab.words("group_anaphor_nouns") \
            and _named_body_after(ctx, token) and (_object_of_leading(ctx, token) or listed):
        # «Группу компании «X» возглавил Y»: a body's group, led; «делегация области Y и
        # группа компании «X»»: one of the groups a list names
        return "head"
    if compound_head(lemma) in vocab.words("group_anaphor_nouns") \
            and "Number=Sing" in token.feats and _named_body_after(ctx, token) \
            and (_visit_subject(ctx, token) or _arrival_subject(ctx, token)) \
            and not any(a.lemma in vocab.words("body_group_adjectives")
                        for a in _adjectives(ctx, token)):
        return "head"  # «в зону «X» прибыла исследовательская группа Института «Y»»: a body's
        # group on a trip (not «рабочая группа министерства», a body of its own)
    if compound_head(lemma) in vocab.words("group_anaphor_nouns") \
            and "Number=Sing" in token.feats and _body_after_from(ctx, token) \
            and (_visit_subject(ctx, token) or _arrival_subject(ctx, token)):
        return "head"  # «группа от зоны «X» приехала в …»: a body's group on a trip
    if compound_head(lemma) in vocab.words("group_anaphor_nouns") and ctx.delegations \
            and _represents_a_side(ctx, token):
        return "head"  # «Туркменскую сторону представляет группа специалистов компании «X»»
        # beside other groups: a side's group of its own
    if listed and lemma in vocab.words("body_people_nouns") and "Number=Plur" in token.feats \
            and _named_body_after(ctx, token):
        return "head"  # «принял делегацию области Y и специалистов компании «X»»: a group
    if lemma in vocab.words("group_anaphor_nouns") and ctx.delegations \
            and ("Number=Sing" in token.feats or "Number=Plur" in ctx.doc.tokens[
                max(token.head_id, 0)].feats) and not ctx.children.get(token.token_id) \
            and _visit_subject(ctx, token) and past_finite_verb(ctx.doc.tokens[token.head_id]):
        return "reference"  # «Делегация из X … В Осло группа посетила рынок «Y»»: bare, the
        # group told before; «Затем группы осмотрели …»: the groups told before
    if lemma in vocab.words("group_anaphor_nouns") and ctx.delegations and any(
            ctx.doc.tokens[c].lemma in vocab.words("both_words")
            for c in ctx.children.get(token.token_id, [])):
        return "reference"  # «Делегации Гродно и Бреста … Обе группы приняли участие …» (the
        # word after «обе» in the genitive singular; the list not yet split into its groups)
    if lemma in vocab.words("group_anaphor_nouns") and "Number=Sing" in token.feats \
            and ctx.delegations and _led_in_relative_clause(ctx, token):
        return "reference"  # «Группу, которую возглавили X и Y, встретил мэр»
    if lemma in vocab.words("group_anaphor_nouns") and "Number=Sing" in token.feats \
            and (_from_phrase(ctx, token, one_place=True) or _place_genitive(ctx, token)) \
            and (_visit_subject(ctx, token)
                 or (ctx.delegations and _from_phrase(ctx, token, one_place=True))):
        # «в Омск прибыла группа из Малайзии», «… приехала группа провинции Исфахан»: a
        # group named by its origin; beside groups told before, any «группа из X»
        # («Завершила неделю группа из Новосибирской области»)
        return "head"
    if lemma in vocab.words("group_anaphor_nouns") and (
            ctx.delegations or _object_of_leading(ctx, token) or _visit_subject(ctx, token)) \
            and any(_qualifying(ctx, adj.lemma) for adj in _adjectives(ctx, token)) and not any(
            ctx.doc.tokens[c].rel in ("nmod", "appos", "flat:foreign")
            and not (ctx.governed(c, "из") and _counted(ctx, ctx.doc.tokens[c]))
            for c in ctx.children.get(token.token_id, [])) and not _named_after(ctx, token):
        # «Турецкую группу (из 12 предпринимателей) возглавил X» beside the groups named
        # before, or led or on a visit
        # itself («Бразильскую группу возглавлял X»; not «российская группа компаний», nor a
        # band: «немецкой группы Rammstein»)
        return "group"
    if lemma in vocab.delegation_references and any(
            adjective.lemma in vocab.words("honoured_guest_adjectives")
            for adjective in _adjectives(ctx, token)):
        return None  # «… и другие почётные гости» of an opening: the hosts' officials
    if lemma in vocab.delegation_references:  # «вьетнамские гости»: a group named by it
        # (guests are never the hosts: a Russian region's adjective names them too,
        # «адыгейские гости»)
        return "group" if any(_qualifying(ctx, adj.lemma, home=True)
                              for adj in _adjectives(ctx, token)) else "reference"
    if lemma not in vocab.delegation_groups:
        if (("Number=Plur" in token.feats and (_visit_subject(ctx, token)
                                               or _object_of_leading(ctx, token)
                                               or _right_before_visit_verb(ctx, token)))
                or _shown_to(ctx, token) or _fronted_subject_misread(ctx, token)) \
                and group_of_nationals(ctx, lemma) is not None:
            # «Делегация из Бразилии … Бразильцы осмотрели завод», «Бразильцам показали …»,
            # «Бразильцев возглавлял X»
            return "reference"
        if vocab.is_title(lemma) and ("Number=Plur" in token.feats or _counted(ctx, token)) \
                and (_visit_subject(ctx, token) or _from_phrase(ctx, token)
                     or _envoys_received(ctx, token)):
            # «главы районов области посетили …», «послы из Ганы и Того», «город принял
            # послов Ганы и Того»: officials travelling
            return "group"
        if (vocab.is_title(lemma) or (token.pos == "NOUN" and "Animacy=Anim" in token.feats)) \
                and "Number=Plur" in token.feats and _body_people_arriving(ctx, token):
            # «прилетели специалисты сербской компании X», «студенты колледжа X приехали в
            # Томск»: a group of its own
            return "head"
        if lemma in vocab.words("travelling_people_nouns") and "Number=Plur" in token.feats \
                and _visit_subject(ctx, token) and _named_body_of(ctx, token):
            return "head"  # «студенты университета «X» посетили технопарк»: the body's group
        if lemma in vocab.words("travelling_people_nouns") and "Number=Plur" in token.feats \
                and ctx.delegations and _visit_subject(ctx, token) \
                and any(_qualifying(ctx, adjective.lemma) for adjective in _adjectives(ctx, token)):
            return "group"  # «Вьетнамские студенты осмотрели технопарк» beside the groups told
        if vocab.is_title(lemma) and "Number=Plur" in token.feats and ctx.delegations \
                and _object_of_leading(ctx, token) \
                and not any(ctx.doc.tokens[c].rel == "nmod"
                            for c in ctx.children.get(token.token_id, [])):
            return "reference"  # «Группа инженеров прибыла … Специалистов возглавлял X»
        if _plural_people_from(ctx, token) and _visit_subject(ctx, token):
            return "group"  # «школьники из Твери посетили …»: any people who come and visit
        return None
    if lemma in vocab.words("counterpart_groups") and any(
            ctx.doc.tokens[c].lemma in ("с", "со", "между")
            for c in [*ctx.children.get(token.token_id, []),
                      *(ctx.children.get(token.head_id, []) if token.rel == "conj" else [])]) \
            and not (token.head_id >= 0 and ctx.doc.tokens[token.head_id].lemma == "вместе"):
        # «переговоры с японскими партнёрами», «соглашения между предприятиями региона и
        # китайскими партнёрами»: the other side
        return None
    if "Number=Plur" in token.feats and token.head_id >= 0 \
            and ctx.doc.tokens[token.head_id].lemma in vocab.words("tie_nouns") \
            and any(ctx.doc.tokens[c].lemma in ("с", "со")
                    for c in ctx.children.get(token.token_id, [])):
        return None  # «наладить контакты с японскими промышленниками»: the other side
    if _met_with(ctx, token):
        return None  # «делегация провела встречу с китайскими предпринимателями»: whom it met
    if "Animacy=Inan" in token.feats and token.rel == "nsubj" \
            and not _visit_subject(ctx, token) and any(
                ctx.doc.tokens[c].rel == "mark" for c in ctx.children.get(token.head_id, [])):
        return None  # «увидели, как немецкие компании вкладывают средства»: firms at work
        # told of in a clause of their own
    if _showing_guests(ctx, token):
        return None  # «гостям показали свои проекты томские компании»: the hosts
    if any(_qualifying(ctx, adj.lemma) or _adjective_of_a_group(ctx, adj.lemma)
           for adj in _adjectives(ctx, token)) and (
            "Number=Plur" in token.feats or (_visit_subject(ctx, token) and (
                "Animacy=Anim" not in token.feats or _counted(ctx, token)))):
        # («Китайский предприниматель побывал в X»: one person is no group; a company is)
        # «предложить иранским партнёрам», «поддержку китайским коллегам»: the dative is
        # whom the host offers something, the other side; «создание китайских компаний в
        # зоне», «привлечение иранских инвесторов»: the genitive is what is made or drawn in;
        # one «китайская компания» is a company, not a group, unless it visits
        # (nor the people a noun's «для» names: «шансы для польских предпринимателей»)
        # (nor firms a quoted speaker praises: «соглашения, в которых участвуют самые
        # передовые китайские компании», unless they come)
        return None if "Case=Dat" in token.feats or _object_of_noun(ctx, token) or (
            token.rel == "nmod" and ctx.governed(token.token_id, "для")) or (
            ctx.in_speech(token.token_id) and not _visit_subject(ctx, token)) else "group"
    if _visit_subject(ctx, token) and "Number=Sing" in token.feats \
            and not _from_phrase(ctx, token) and not _genitive_owner(ctx, token) \
            and _only_subject(ctx, token) and not _group_told_before(ctx, token):
        return None  # «Дипломат посетил АЭС»: one person the text named before, no group
    if "Number=Sing" in token.feats and any(
            adjective.lemma in vocab.words("post_adjectives")
            for adjective in _adjectives(ctx, token)):
        return None  # «Полномочный представитель президента …»: one man's post, no group
    if "Number=Sing" in token.feats and token.token_id + 1 < len(ctx.doc.tokens) \
            and ctx.mention_at.get(token.token_id + 1) is not None \
            and leader_named(ctx, token.token_id + 1) is not None:
        return None  # «… и член Ассоциации X Б. Ольхов прибыли»: one man's title before his name
    if _visit_subject(ctx, token) or _people_from(ctx, token):
        return "group"
    if _body_people_arriving(ctx, token):
        return "head"  # «в регион прибыли представители сербской компании «X»»: its own
    if _met_then_guests(ctx, token):
        return "head"  # «Губернатор встретился с представителями НТО «X». … гости побывали …»
    head = ctx.doc.tokens[token.head_id] if token.head_id >= 0 else None
    if token.rel == "obj" and head is not None \
            and (head.lemma in vocab.host_verbs or head.lemma in vocab.words("escort_verbs")) \
            and (_from_in_chain(ctx, token) or _foreign_body_in_chain(ctx, token)) \
            and not ctx.in_speech(token.token_id):
        # «город принимает представителей компаний из Китая», «директор сопровождала
        # представителей южнокорейской компании «X»»
        return "group"
    if any((lemma, ctx.doc.tokens[c].lemma) in vocab.reference_phrases
           for c in ctx.children.get(token.token_id, [])):
        return "reference"
    return None


def _met_then_guests(ctx: Context, token: Token) -> bool:
    """Are the people, a named organisation in their genitive, those a host met
    («встретился с представителями НТО «X»»), called guests in the next sentence with no group
    told before («Гости побывали на заводе Y»)? Then they are the visiting group."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    head, children = token.head_id, ctx.children.get(token.token_id, [])
    if "Number=Plur" not in token.feats or head < 0 or ctx.delegations \
            or tokens[head].lemma not in vocab.words("meeting_words") \
            or not any(tokens[c].lemma in ("с", "со") for c in children) \
            or not any(tokens[c].rel == "nmod" and (body := name_at(ctx, c)) is not None
                       and ctx.mention_type(body) == "ORG" for c in children):
        return False
    following = ctx.sentence(token.sent_id + 1) \
        if token.sent_id + 1 < len(ctx.doc.sentences) else range(0)
    return any(compound_head(tokens[t].lemma) in vocab.words("guest_nouns")
               and "Number=Plur" in tokens[t].feats for t in following)


def _showing_guests(ctx: Context, token: Token) -> bool:
    """Is the plural word the subject of a host's verb that has whom it shows or receives in
    the dative («послам показали свои проекты томские компании»): the hosts, no visitors?"""
    tokens = ctx.doc.tokens
    verb = token.head_id
    return "Number=Plur" in token.feats and token.rel == "nsubj" and verb >= 0 \
        and tokens[verb].lemma in ctx.vocab.host_verbs \
        and any(tokens[c].rel in ("iobj", "obl") and case_of(tokens[c]) == "Dat"
                for c in ctx.children.get(verb, []))


def _met_with(ctx: Context, token: Token) -> bool:
    """Is the plural word governed by «с» on a word of meeting (``meeting_words``) whose
    subject is a group told before or a side («делегация провела встречу с китайскими
    предпринимателями», «узбекская сторона встретилась с руководителями компаний»), or whose
    noun names the others in the genitive («встреча послов с руководителями томских
    компаний»)? Those met are the other side, not a group of visitors (whom a governor met
    may be)."""
    tokens = ctx.doc.tokens
    people = before_lower_adjectives(ctx, token.token_id - 1)
    if "Case=Gen" in token.feats and people >= 1 and tokens[people - 1].lemma in ("с", "со") \
            and {"Animacy=Anim", "Case=Ins", "Number=Plur"} <= set(tokens[people].feats.split("|")):
        # «встречу послов с руководителями томских компаний», however parsed: their heads
        # are those met
        sentence = ctx.sentence(token.sent_id)
        return any(tokens[t].lemma in ctx.vocab.words("meeting_words")
                   for t in range(sentence.start, people))
    head, children = token.head_id, ctx.children.get(token.token_id, [])
    if "Number=Plur" not in token.feats or head < 0 \
            or tokens[head].lemma not in ctx.vocab.words("meeting_words") \
            or not any(tokens[c].lemma in ("с", "со") for c in children):
        return False
    if tokens[head].pos == "NOUN" and any(
            tokens[c].rel == "nmod" and case_of(tokens[c]) == "Gen" and c < token.token_id
            for c in ctx.children.get(head, [])):
        return True  # «встречу послов с руководителями компаний»: the ones the others met
    verb = head if tokens[head].pos == "VERB" else tokens[head].head_id
    sides = ctx.vocab.words("group_side_nouns")
    return verb >= 0 and any(
        tokens[c].rel == "nsubj" and (ctx.ref_at(c) is not None or tokens[c].lemma in sides)
        for c in ctx.children.get(verb, []))


def _envoys_received(ctx: Context, token: Token) -> bool:
    """Are the plural titles envoys abroad (``envoy_titles``, or heads of missions:
    «главы дипломатических представительств») whom a host receives («область принимала
    послов Ганы и Того»)? Like one envoy received, they came; a host's own officials («принял
    глав районов») are no envoys."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    missions = [c for c in ctx.children.get(token.token_id, [])
                if tokens[c].rel == "nmod" and tokens[c].lemma in vocab.words("mission_nouns")]
    envoy = token.lemma in vocab.words("envoy_titles") or bool(missions)
    head = tokens[token.head_id] if token.head_id >= 0 else None
    return envoy and token.rel == "obj" and head is not None \
        and head.lemma in vocab.words("reception_verbs") and is_finite_verb(head) \
        and not ctx.planned(head.token_id) and not ctx.in_speech(token.token_id) \
        and not _home_owner(ctx, [token.token_id, *missions]) \
        and not _received_away(ctx, head.token_id)


def _home_owner(ctx: Context, words: list[int]) -> bool:
    """Do the titles or missions name a place that is no country as theirs («глав
    представительств Тверской области»)? A region's own representatives, not envoys abroad."""
    for word in words:
        for child in ctx.children.get(word, []):
            index = ctx.mention_at.get(child)
            place = mention_place(ctx, index) if index is not None \
                and ctx.mention_type(index) == "LOC" else None
            if place is not None and place.kind != "country":
                return True
    return False


def _received_away(ctx: Context, verb: int) -> bool:
    """Does the reception verb name a place away from its host's region («губернатор
    Тверской области встретил послов в Москве»)? The envoys met where they serve came
    nowhere."""
    tokens = ctx.doc.tokens
    children = ctx.children.get(verb, [])
    hosts = [mention_place(ctx, host) for c in children if tokens[c].rel == "nsubj"
             and (host := _subject_title(ctx, c)[1]) is not None]
    home = next((h for h in hosts if h is not None), None)
    if home is None:
        return False
    places = [c for c in children if tokens[c].rel == "obl"]
    places += [g for c in places for g in ctx.children.get(c, []) if tokens[g].rel == "nmod"]
    return any((index := ctx.mention_at.get(c)) is not None
               and ctx.mention_type(index) in ("LOC", "ORG")
               and (place := mention_place(ctx, index)) is not None
               and _another_region(place, home) for c in places)


def _only_subject(ctx: Context, token: Token) -> bool:
    """Is the word its verb's one subject (not one of two the parse gave it: «Делегация
    посетила X, и компания Y подписала …»)?"""
    return not any(ctx.doc.tokens[c].rel == "nsubj" and c != token.token_id
                   for c in ctx.children.get(token.head_id, []))


def _genitive_owner(ctx: Context, token: Token) -> bool:
    """Does a name in the genitive say whose the word is («представитель Ассоциации X»,
    «представитель компании «X»»: the name the genitive noun stands beside)?"""
    tokens = ctx.doc.tokens
    return any(tokens[c].rel == "nmod" and "Case=Gen" in tokens[c].feats and (
        c in ctx.mention_at or any(g in ctx.mention_at for g in ctx.children.get(c, [])
                                   if tokens[g].rel in ("appos", "flat:name", "nmod")))
               for c in ctx.children.get(token.token_id, []))


def _group_told_before(ctx: Context, token: Token) -> bool:
    """Has the text named a travelling group before the word («Делегация из Китая прибыла …
    Дипломат посетил …»: one of its members)?"""
    heads = ctx.vocab.delegation_heads
    return any(t.lemma in heads or compound_head(t.lemma) in heads
               for t in ctx.doc.tokens[:token.token_id])


def _world_region(name: str) -> bool:
    """Is the place a part of the world the gazetteer knows, of no one country («Азия»,
    «Латинская Америка», «Ближний Восток»)?"""
    place = gazetteer().lookup(name)
    return place is not None and place.kind == "region" and not place.country


def _counted(ctx: Context, token: Token) -> bool:
    """Is the word counted by a numeral («два министра»: singular after «два», yet several)?"""
    return any(ctx.doc.tokens[c].rel.startswith("nummod") for c in ctx.children.get(
        token.token_id, []))


def _people_from(ctx: Context, token: Token) -> bool:
    """«встреча с дипломатами из Узбекистана», «школьники из Твери»: people (not companies)
    with their own «из X» are a group from X wherever the sentence puts them; not the dative
    (whom the host offers something), what a noun draws in («привлечение инвесторов»), nor
    the other side of an agreement («соглашения подписаны с коллегами из X»)."""
    return _plural_people_from(ctx, token) \
        and "Case=Dat" not in token.feats and not _object_of_noun(ctx, token) \
        and not ctx.in_speech(token.token_id) and not _signing_partner(ctx, token)


def _plural_people_from(ctx: Context, token: Token) -> bool:
    """Is the word plural people with their own «из» one place or body («школьники из
    Твери»)?"""
    return "Number=Plur" in token.feats and "Animacy=Anim" in token.feats \
        and _from_phrase(ctx, token, one_place=True)


def _signing_partner(ctx: Context, token: Token) -> bool:
    """Is the word the «с» partner of a signing («подписали с партнёрами», «подписание с
    коллегами»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    head = tokens[token.head_id] if token.head_id >= 0 else None
    return head is not None and ctx.governed(token.token_id, "с") and (
        head.lemma in vocab.words("agreement_verbs") or head.lemma in vocab.words("signing_nouns"))


def _object_of_noun(ctx: Context, token: Token) -> bool:
    """Is the group word (or the one it is joined to) the genitive of a noun that makes it
    an object («создания новых предприятий и китайских компаний», «привлечение инвесторов»)?"""
    tokens = ctx.doc.tokens
    word = token
    if word.rel == "conj" and word.head_id >= 0:
        word = tokens[word.head_id]
    return "Case=Gen" in token.feats and word.rel == "nmod" and word.head_id >= 0 \
        and tokens[word.head_id].lemma in ctx.vocab.words("group_object_nouns")


def _trip_there(ctx: Context, verb: Token) -> bool:
    """«съездила в Харбин», «выехали на площадку»: a verb of travel with where it went."""
    return verb.lemma in ctx.vocab.words("visit_motion_verbs") and any(
        ctx.doc.tokens[c].rel == "obl" and ctx.mention(c) is not None
        and ctx.governed(c, "в", "на") for c in ctx.children.get(verb.token_id, []))


def _led_in_relative_clause(ctx: Context, token: Token) -> bool:
    """Has the word nothing of its own but a relative clause of leading it («группу, которую
    возглавили X и Y»)?"""
    tokens = ctx.doc.tokens
    children = ctx.children.get(token.token_id, [])
    clauses = [c for c in children if tokens[c].rel == "acl:relcl"]
    return bool(clauses) and all(tokens[c].rel in ("acl:relcl", "punct") for c in children) \
        and all(tokens[c].lemma in ctx.vocab.words("lead_verbs") for c in clauses)


def _visit_subject(ctx: Context, token: Token) -> bool:
    """Is the word (or the one it is joined to) the subject of a visit verb, not a host's
    («Президент республики и представители министерства посетили …»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    subject = token
    if subject.rel == "conj" and subject.head_id >= 0:
        subject = tokens[subject.head_id]
    if subject.rel == "nmod" and subject.head_id >= 0 \
            and tokens[subject.head_id].lemma in vocab.words("quantity_nouns"):
        subject = tokens[subject.head_id]  # «группа предпринимателей из Китая посетила …»
    head = tokens[subject.head_id] if subject.head_id >= 0 else None
    return subject.rel in ("nsubj", "nsubj:pass") and head is not None \
        and (head.lemma in vocab.visit_triggers or _visit_made(ctx, head)
             or _trip_there(ctx, head)) \
        and (head.lemma not in vocab.host_verbs or _time_spent(ctx, head)) \
        and not _object_read_as_subject(ctx, subject, head) \
        and not ctx.in_speech(token.token_id)


def _object_read_as_subject(ctx: Context, subject: Token, verb: Token) -> bool:
    """Is a thing after the verb, whose people the verb has before it, its object the parser
    took for a second subject («Гости посетили компании «A» и «B»»)?"""
    return subject.token_id > verb.token_id and "Animacy=Inan" in subject.feats and any(
        ctx.doc.tokens[c].rel == "nsubj" and c < verb.token_id
        and "Animacy=Anim" in ctx.doc.tokens[c].feats
        for c in ctx.children.get(verb.token_id, []))


def _time_spent(ctx: Context, verb: Token) -> bool:
    """Is the verb's object a span of time («провели день на площадке X», «провели в СЭЗ
    полтора дня»): a stay at the place, not a host's act («провели экскурсию»)?"""
    tokens, spans = ctx.doc.tokens, ctx.vocab.words("time_span_nouns")
    return any(tokens[c].rel == "obj" and tokens[c].lemma in spans
               and not any(tokens[g].rel == "nmod" for g in ctx.children.get(c, []))
               for c in ctx.children.get(verb.token_id, []))  # (not «день открытых дверей»)


def _shown_to(ctx: Context, token: Token) -> bool:
    """Is the word in the dative of a host's verb («индонезийцам показали комбинат»): those
    the hosts show round?"""
    tokens = ctx.doc.tokens
    head = tokens[token.head_id] if token.head_id >= 0 else None
    if head is None or head.lemma not in ctx.vocab.host_verbs or ctx.in_speech(token.token_id):
        return False
    # (read off the form: the tagger may take an unknown people's noun for a subject)
    return any("datv" in p.tag and "plur" in p.tag for p in word_parses(token.text))


def _arrival_subject(ctx: Context, token: Token) -> bool:
    """Is the word the subject of a verb of arriving («прилетела группа …»), told as done, or
    the noun of a past participle of one («с представителями X, приехавшими в Y»)?"""
    tokens, head = ctx.doc.tokens, token.head_id
    arrivals = ctx.vocab.words("arrival_verbs")
    return (token.rel == "nsubj" and head >= 0 and not ctx.planned(head)
            and tokens[head].lemma in arrivals) or any(
        tokens[c].rel == "acl" and tokens[c].lemma in arrivals
        and "VerbForm=Part" in tokens[c].feats and "Tense=Past" in tokens[c].feats
        for c in ctx.children.get(token.token_id, []))


def _visit_made(ctx: Context, verb: Token) -> bool:
    """Is the verb a light verb whose object is a trip («совершили визит», «нанесли
    визит»): a visit stated as much as by «посетили»? Not one denied («так и не совершили
    визит»): no trip made."""
    return verb.lemma in ctx.vocab.words("visit_light_verbs") \
        and not ctx.negated(verb.token_id) and any(
        ctx.doc.tokens[c].rel == "obj" and ctx.doc.tokens[c].lemma in ctx.vocab.words("trip_nouns")
        for c in ctx.children.get(verb.token_id, []))


def _range_start(ctx: Context, t: int) -> bool:
    """Does «до» follow the «от» phrase of ``t`` in its sentence («ветки от месторождения X до
    порта Y»): a stretch, not where a group comes from?"""
    tokens = ctx.doc.tokens
    return any(tokens[u].lemma == "до" and tokens[u].sent_id == tokens[t].sent_id
               for u in range(t + 1, min(t + 8, len(tokens))))


def _from_in_chain(ctx: Context, token: Token) -> bool:
    """Does the word's genitive chain say where they come from («представителей зон из
    Китая»)?"""
    tokens = ctx.doc.tokens
    frontier = [token.token_id]
    for _ in range(3):
        frontier = [c for t in frontier for c in ctx.children.get(t, [])
                    if tokens[c].rel == "nmod"]
        if any(ctx.governed(c, "из") for c in frontier):
            return True
    return False


def _body_people_arriving(ctx: Context, token: Token) -> bool:
    """Are the people the subject of a verb of arriving, a named organisation or a body of
    another country in their genitive («прилетели специалисты сербской компании «X»»,
    «прибыли специалисты ОАО «X» из Пинска»)?"""
    if not _arrival_subject(ctx, token):
        return False
    return _foreign_body_in_chain(ctx, token) or _named_body_of(ctx, token)


def _named_body_of(ctx: Context, token: Token) -> bool:
    """Is a named organisation the people's genitive, not a body of a group's own place?"""
    tokens = ctx.doc.tokens
    return any(
        tokens[c].rel == "nmod" and "Case=Gen" in tokens[c].feats
        and (body := name_at(ctx, c)) is not None and ctx.mention_type(body) == "ORG"
        # (not a body of a group's own place: «прибыли руководители … палаты Тамбовской
        # области» beside the Тамбовская область group are of it)
        and not any(body_of_place(ctx, ctx.entity(body), group) for group in ctx.delegations)
        for c in ctx.children.get(token.token_id, []))


def _foreign_body_in_chain(ctx: Context, token: Token) -> bool:
    """Is the word's genitive a body of another country by its adjective («представителей
    южнокорейской компании «X»»): people come from abroad, not the host's own?"""
    tokens, countries = ctx.doc.tokens, ctx.vocab.country_adjectives
    return any(tokens[c].rel == "nmod" and "Case=Gen" in tokens[c].feats
               and any(adjective.lemma in countries for adjective in _adjectives(ctx, tokens[c]))
               for c in ctx.children.get(token.token_id, []))


def _nominative_only(token: Token) -> bool:
    """Is the capitalised word read in the nominative with no genitive reading at all
    («Агентство», «Министерство»), so that no genitive chain holds it? (Not an abbreviation
    in capitals, which stands in any case: «делегация РТУ МИРЭА».)"""
    return "Case=Nom" in token.feats and token.text[:1].isupper() and not token.text.isupper() \
        and bool(parses := word_parses(token.text)) \
        and not any("gent" in p.tag for p in parses)


def _places_after_colon(ctx: Context, noun: int, child: int) -> bool:
    """«делегации российских городов: Москвы, Твери и Омска», «четыре делегации: из X, Y и
    Z»: the places a colon lists after a plural word for places, or after a plural (or
    counted) group word, are the places it means (the parse hangs them loosely)."""
    tokens = ctx.doc.tokens
    named = ctx.mention_at.get(child)
    if named is None or ctx.mention_type(named) != "LOC" or tokens[child].rel != "parataxis":
        return False
    opening = ctx.first(named) - 1
    if tokens[opening].lemma == "из":  # «четыре делегации: из X, Y и Z»
        opening -= 1
    if tokens[opening].text != ":":
        return False
    if tokens[noun].lemma in ctx.vocab.delegation_heads:
        return "Number=Plur" in tokens[noun].feats or _counted(ctx, tokens[noun])
    return tokens[noun].lemma in ctx.vocab.geo_descriptors | ctx.vocab.words("country_anaphors") \
        and "Number=Plur" in tokens[noun].feats


def _home_within_country(ctx: Context, order: list[int], country_index: int) -> int | None:
    """«делегация КНР из города Ляошань»: the place after «из» in the group word's chain
    that lies in the country its genitive names (or that the gazetteer does not know), the
    more specific home; None where the genitive is no country or no such place follows."""
    country = gazetteer().lookup(ctx.doc.mentions[country_index].normal)
    if country is None or country.kind != "country":
        return None
    for t in order:
        index = ctx.mention_at.get(t)
        if index is None or index == country_index or ctx.mention_type(index) != "LOC" \
                or t < ctx.last(country_index):
            continue
        word = t - 1 if t > 0 and ctx.doc.tokens[t - 1].lemma in ctx.vocab.geo_descriptors else t
        if not ctx.governed(word, "из") and not ctx.governed(t, "из"):
            continue
        place = gazetteer().lookup(ctx.doc.mentions[index].normal)
        if place is None or (place.kind != "country" and place.country == country.country):
            return index
    return None


def token_origin(ctx: Context, token: Token, kind: str) -> tuple[str, str, int | None]:
    """Where a delegation mention says the group comes from: a place or organisation in
    its genitive/«из» chain, or an origin adjective."""
    tokens, doc, vocab = ctx.doc.tokens, ctx.doc, ctx.vocab
    if kind == "head":  # «делегации области X, провинции Y и …»: the others' homes, no sites
        ctx.origin_mentions.update(_places_joined_to_word(ctx, token.token_id))
        # («делегации из 10 стран, включая Кувейт и Иран»)
        ctx.origin_mentions.update(_places_included(ctx, token))
        # («делегации из Брестской области, провинции Шаньдун и Абхазии»: each a home)
        if _listing_word(ctx, token.token_id):
            ctx.origin_mentions.update(_places_listed_in_genitive(ctx, token.token_id))
    if _leaving(ctx, token):
        return ("", "none", None)  # «до отъезда гостей из Египта»: where they were
    if kind == "head" and (people := _people_after_dash(ctx, token)) is not None:
        return token_origin(ctx, tokens[people], "group")  # «группа — представители X»
    if kind == "head" and (listed := _countries_listed_after_countries(ctx, token)):
        ctx.origin_mentions.update(listed)  # (each a home, no site)
        return _origin_mention(ctx, listed[0])
    if kind == "head" and (people := _people_making_up(ctx, token)) is not None:
        # «Вторую группу составили инженеры компании X», not «Марийскую группу составили
        # представители предприятий республики»: the word's own origin first
        own = token_origin(ctx, token, "group")
        return own if own[0] else token_origin(ctx, tokens[people], "group")
    if kind == "head" and (kinds := places_after_kind(ctx, token.token_id)
                           or _places_listed_after(ctx, token.token_id)):
        # «делегации двух городов — X и Y»: X's group first
        ctx.origin_mentions.update(kinds, _places_listed_after(ctx, token.token_id, every=True))
        return _origin_mention(ctx, kinds[0], listed=False)
    if kind == "head" and (body := _group_body(ctx, token)) is not None \
            and (named := ctx.mention_at.get(body + 1)) is not None \
            and ctx.mention_type(named) == "ORG":
        return _origin_mention(ctx, named)  # «группу южнокорейской компании «X»»
    if kind == "head" and token.rel == "amod" and token.head_id == token.token_id + 1 \
            and tokens[token.head_id].lemma in vocab.place_descriptors \
            and (named := ctx.mention_at.get(token.head_id + 1)) is not None \
            and ctx.mention_type(named) == "LOC":
        return _origin_mention(ctx, named)  # «бизнес-миссия города Пусан» read as an adjective
    if kind == "head" and (person := person_named_group(ctx, token)) is not None:
        # «группа Драгана Петровича — директора компании «X»»: the body of its head's title
        body = _dashed_title_body(ctx, person)
        if body is None:  # (a mention's index may be 0: no «or»)
            body = title_place_after(ctx, person)
        return _origin_mention(ctx, body) if body is not None else ("", "none", None)
    frontier, depth_of = [token.token_id], {token.token_id: 0}
    order: list[int] = []
    # «делегация в составе 15 человек из Узбекистана»: through «в составе» only a place «из»
    # counts (the members' titles name their own places)
    listed: set[int] = set()
    while frontier:
        current = frontier.pop(0)
        for child in ctx.children.get(current, []):
            c = tokens[child]
            if (c.rel not in ORIGIN_RELATIONS and not _people_joined(ctx, current, child, token)
                    and not _places_after_colon(ctx, current, child)) \
                    or depth_of[current] >= ORIGIN_DEPTH:
                continue
            # (a preposition before its noun: not «во главе» the parse hung on the noun)
            cases = [tokens[g].lemma for g in ctx.children.get(child, [])
                     if tokens[g].rel in ("case", "fixed") and current < g < child]
            # (one before the group word is the group word's, wherever the parse hung it:
            # «с делегацией вьетнамской провинции X»)
            composition = cases == ["в"] and c.lemma in vocab.composition_nouns \
                and current == token.token_id
            # «заместители глав районов X области»: officials' own «глав» is their post, not
            # a leader's (whose place is no origin)
            # («делегация руководства университета X»: the leadership of X, no preposition)
            leader = c.lemma in vocab.leader_nouns and not vocab.is_title(token.lemma) \
                and (bool(cases) or "Case=Gen" not in c.feats)
            if leader or (cases and cases[0] not in ORIGIN_PREPOSITIONS and not composition
                          and not _from_place(ctx, child)) \
                    or (cases[:1] == ["от"] and _range_start(ctx, child)):
                continue
            if ctx.honoured(child):
                continue  # «заслуженный деятель науки Беларуси»: an honour, no origin
            if c.pos == "VERB" and c.lemma in vocab.visit_triggers:
                continue  # «ДЕЛЕГАЦИЯ ОБЛАСТИ ПОСЕТИЛА МЗГМ» misparsed: what a visit verb
                # hung there takes is no origin (a place word read as a verb is: «аймака»)
            if c.rel == "nmod" and child < current and not cases:
                continue  # «Министр … ДНР принял делегацию X»: a genitive never comes before
                # its noun; the parse hung the subject's on it
            if c.lemma in vocab.words("conveyance_nouns") \
                    or c.lemma in vocab.words("departure_nouns") \
                    or (cases == ["из"] and _after_leaving(ctx, child)):
                continue  # «делегация рейсом из Стамбула»: where the flight left from; «…
                # до отъезда гостей из Египта»: where they were (wherever the parse hung it)
            if current == token.token_id and ctx.shown_to_group(child):
                continue  # «показала гостям лаборатории компании X»: what was shown
            body = ctx.mention_at.get(child)
            if c.rel == "nmod" and not cases and body is not None \
                    and ctx.mention_type(body) == "ORG" \
                    and _nominative_only(tokens[ctx.first(body)]):
                continue  # «в присутствии членов делегации Агентство X и холдинг Y
                # подписали …»: the next clause's subject (any word of it), no genitive
            mention = ctx.mention(child)
            if (mention is not None and mention.type == "PER") \
                    or (c.rel == "appos" and current == token.token_id
                        and (_case_disagrees(ctx, current, child)
                             or _next_clauses_title(ctx, current, child)
                             # «В составе делегации — председатель думы X …»: a member
                             or (vocab.is_title(c.lemma) and child > 0
                                 and tokens[child - 1].text in DASH_OR_HYPHEN))) \
                    or (c.rel == "appos" and min(child, token.token_id)
                        < tokens[token.token_id].head_id < max(child, token.token_id)):
                continue  # «Компанию «X» посетила делегация …», «делегация … посетит …
                # аквариум «X»»: the group word's verb between, no apposition
            depth_of[child] = depth_of[current] + 1
            frontier.append(child)
            if composition or (current in listed and cases != ["из"]):
                listed.add(child)
                continue
            order.append(child)
    order.sort(key=lambda t: (depth_of[t], t))
    # the adjectives of the chain's nouns in linear order too: the parse may hang them elsewhere
    adjectives = [*_adjectives(ctx, token), *(tokens[t] for t in order if tokens[t].pos == "ADJ"),
                  *(a for t in order if tokens[t].pos == "NOUN"
                    for a in _adjectives(ctx, tokens[t]))]
    if kind == "head" and token.token_id + 1 < len(tokens) \
            and tokens[token.token_id + 1].lemma in ORIGIN_PREPOSITIONS \
            and (park := _park_after_group_word(ctx, token)) is not None:
        return _origin_mention(ctx, park)  # «группа от зоны «X» приехала в зону «Y» …»
    by_type: dict[str, int] = {}
    own = ctx.mention(token.token_id)
    for t in order:
        index = ctx.mention_at.get(t)
        if index is None and tokens[t].lemma in vocab.place_descriptors:
            # «делегации индийского штата Махараштра, … и Гомельской области»: the name in
            # apposition to a descriptor is as near the group word as the descriptor
            index = next((ctx.mention_at[c] for c in ctx.children.get(t, [])
                          if tokens[c].rel in ("appos", "flat:name") and c in ctx.mention_at),
                         None)
        if index is not None and doc.mentions[index].type in ("LOC", "ORG") \
                and doc.mentions[index] is not own \
                and not _destination_name(ctx, index):  # «Корейская делегация» taken for a name
            by_type.setdefault(doc.mentions[index].type, index)
    if not by_type and kind == "head":
        # «делегация Синьцзян-Уйгурского автономного района (СУАР) КНР», «делегацией
        # провинции Ганьсу»: a genitive name right after the group word (or its descriptor),
        # where the parse hung it elsewhere
        after = token.token_id + 1
        if (start := _dashed_list_start(ctx, token.token_id)) is not None:
            after = start  # «две делегации — Свердловской области и Екатеринбурга —»
        elif after + 2 < len(tokens) and tokens[after].text == "," \
                and tokens[after + 1].lemma == "из":
            after += 2  # «Третью делегацию, из Самаркандской области, возглавил …»
        if after + 1 < len(tokens) and after not in ctx.mention_at \
                and tokens[after].lemma in vocab.words("business_community_nouns") \
                and "Case=Gen" in tokens[after].feats:
            after += 1  # «Бизнес-миссия компаний Приморского края», however parsed
        if after + 1 < len(tokens) and after not in ctx.mention_at \
                and tokens[after].lemma in vocab.geo_descriptors \
                and "Case=Gen" in tokens[after].feats:
            after += 1
        # (in the group word's own sentence: not a dateline's town after a headline)
        index = ctx.mention_at.get(after) \
            if after < len(tokens) and tokens[after].sent_id == token.sent_id else None
        if index is not None and ctx.first(index) == after \
                and doc.mentions[index].type in ("LOC", "ORG") and doc.mentions[index] is not own \
                and ("Case=Gen" in tokens[after].feats or after > token.token_id + 1
                     or tokens[after].text == QUOTE_OPEN):  # «делегация «Кедр Санайи»»
            by_type[doc.mentions[index].type] = index
        elif index is not None and _unread_place_after(ctx, token.token_id, index):
            by_type["LOC"] = index
    if "LOC" not in by_type and kind == "head":
        # («из Москвы прибыла делегация турецких политиков»: the group's own country before
        # the arrival verb's «из»)
        arrived_from = _arrived_from(ctx, token, by_verb=not any(
            a.lemma in vocab.country_adjectives for a in adjectives))
        if arrived_from is not None:
            by_type["LOC"] = arrived_from
    bare = None
    if not by_type and kind in ("head", "group"):
        # («представители университета побывали …»: people of it, a group as much as its
        # delegation)
        bare = _bare_org_named_before(ctx, token)
        if bare is not None:  # «Селенгинский университет … делегация университета»
            by_type["ORG"] = bare
    if not by_type and kind == "head" and (owner := _own_group_owner(ctx, token)) is not None:
        by_type[doc.mentions[owner].type] = owner  # «Ассоциация «X» завершила работу своей
        # делегации в КНДР»: the body or place whose own group it is
    if not by_type and kind == "head":
        sender = _sent_by(ctx, token)
        if sender is not None:
            by_type[doc.mentions[sender].type] = sender
    if not by_type and kind == "head" and (park := _park_after_group_word(ctx, token)) \
            is not None:
        return _origin_mention(ctx, park)  # «делегация Управления свободной зоны «X»»
    if not by_type and kind == "head":
        region = _region_word_origin(ctx, token)
        if region is not None:  # (what is listed with it there is another sentence's)
            return _origin_mention(ctx, region, listed=False)
    if "LOC" in by_type and "ORG" in by_type and ctx.bracketed_alone(by_type["LOC"]) \
            and by_type["ORG"] < by_type["LOC"]:
        # «делегация Керманского университета (Иран)»: the bracket says where the body is;
        # the body is the most specific origin
        del by_type["LOC"]
    if "LOC" in by_type and "ORG" in by_type and _business_from_place(
            ctx, by_type["ORG"], by_type["LOC"]):
        del by_type["LOC"]  # «делегация корпорации «X» из Цзянсу»: the business's group
    if "LOC" in by_type and (inside := _home_within_country(ctx, order, by_type["LOC"])) \
            is not None:
        ctx.origin_mentions.add(by_type["LOC"])  # («делегация КНР из города Ляошань»: the
        by_type["LOC"] = inside  # town, its country an origin too)
    if "LOC" in by_type:
        place = _town_joined(ctx, by_type["LOC"])
        ctx.origin_mentions.add(by_type["LOC"])  # the region stays an origin
        return _split_place_name(ctx, place) or _origin_mention(ctx, place)
    # an adjective of an organisation's own name is the name's («делегация Тверского
    # университета»), one of a place inside it is the place («Правительства Пензенской области»)
    places_words = vocab.geo_descriptors
    adjectives = [a for a in adjectives if ((m := ctx.mention(a.token_id)) is None
                  or m is own or m.type not in ("ORG", "PARK", "EVENT")
                  or (a.head_id >= 0 and tokens[a.head_id].lemma in places_words))
                  # (not one opening a quoted name: «участники «Уральской недели»»)
                  and not (a.token_id > 0 and tokens[a.token_id - 1].text == QUOTE_OPEN)]
    if "ORG" in by_type:
        # «группа специалистов стамбульской компании «X»»: the town of the company whose
        # name follows its head is the company's; the company is the more specific origin
        # (a country's adjective stays: it tells which of the groups named by country it is)
        adjectives = [a for a in adjectives if a.lemma in vocab.country_adjectives
                      or not _on_head_of(ctx, a, by_type["ORG"])]
    # (an adjective on a word for a country names a country: «из балтийской страны» is no
    # town of Балтийск)
    countries = vocab.words("country_anaphors") - vocab.words("state_region_heads")
    found = [(place, adj) for adj in adjectives
             if (place := _region_of(ctx, adj) or adjective_place(
                 ctx, adj.lemma, group=not _on_group_word(ctx, adj, token)))
             and not (place[1] != "country" and adj.head_id >= 0
                      and tokens[adj.head_id].lemma in countries)]
    if not found and (kind == "head" or vocab.is_title(token.lemma)):
        # «российская делегация», «российские министры»: the group word's own adjective, or
        # that of the businesses it is made of («делегация российских компаний»)
        # (or of the people it is made of: «делегация российских энергетиков»)
        own_words = [token] + [tokens[c] for c in ctx.children.get(token.token_id, [])
                               if kind == "head" and tokens[c].rel == "nmod"
                               and "Case=Gen" in tokens[c].feats
                               and (tokens[c].lemma in vocab.words("business_community_nouns")
                                    or (tokens[c].pos == "NOUN" and "Animacy=Anim"
                                        in tokens[c].feats and "Number=Plur" in tokens[c].feats))]
        found = [(place, adj) for word in own_words for adj in _adjectives(ctx, word)
                 if adj.lemma in vocab.head_adjectives
                 and (place := adjective_place(ctx, adj.lemma, head=True,
                                               group=not _on_group_word(ctx, adj, token)))]
    places = [place for place, _ in found]
    for place, adj in found:
        if place[1] == "strong":
            return _place_of_body(ctx, place, adj, own)
    # «представители X», «студенты и преподаватели X»: the people's own genitive
    people = [token.token_id] + [c for c in ctx.children.get(token.token_id, [])
                                 if _people_joined(ctx, token.token_id, c, token)]
    if "ORG" in by_type and (kind == "head" or (kind == "group" and (
            by_type["ORG"] == bare or any(
                _genitive_of(ctx, t, word) for word in people
                for t in ctx.mention_tokens(by_type["ORG"]))))):
        return _origin_mention(ctx, by_type["ORG"])
    if places:
        return places[0]
    if kind == "head":
        for child in ctx.children.get(token.token_id, []):
            index = _organisation_by_head(ctx, child)
            if index is not None:  # «делегация корпорации» after the corporation's name
                return _origin_mention(ctx, index)
    return "", "none", None


def _on_head_of(ctx: Context, adjective: Token, index: int) -> bool:
    """Is the adjective on the generic singular head right before the organisation's name
    («стамбульской компании «X»»), or right before the name on its first word («пекинского
    Центра развития «X»»), a word of its description? (Not on a plural head of a list:
    «пензенские компании «A» и «B»» are the region's.)"""
    head = adjective.head_id
    if head == ctx.first(index) == adjective.token_id + 1 \
            and "Number=Sing" in ctx.doc.tokens[head].feats:
        return True  # «пекинского Центра развития «X»»: on the name's own first word
    return head >= 0 and ctx.doc.tokens[head].lemma in ctx.vocab.words("org_heads") \
        and "Number=Sing" in ctx.doc.tokens[head].feats and ctx.first(index) == head + 1


def _on_group_word(ctx: Context, adjective: Token, token: Token) -> bool:
    """Is the adjective on the «делегация» word itself («Тверская делегация»), not on the
    companies it is made of («делегация тверских компаний»)?"""
    return adjective.head_id == token.token_id and token.lemma in ctx.vocab.delegation_heads


def _unread_place_after(ctx: Context, group: int, index: int) -> bool:
    """«Среди членов делегации Сюйчжоу — …»: one capitalised word right after a group word,
    taken for a person by the tagger, that the dictionary does not know and guesses a place
    («Сюйчжоу»), is where the group comes from: a person's name there is a known surname
    («делегация Лукашенко»: his) or a full name."""
    tokens = ctx.doc.tokens
    if ctx.mention_type(index) != "PER" or ctx.first(index) != group + 1 \
            or ctx.last(index) != group + 1 or not tokens[group + 1].text[:1].isupper():
        return False
    parses = word_parses(tokens[group + 1].text)
    return bool(parses) and not any(parse.is_known for parse in parses) \
        and "Geox" in parses[0].tag and not any(
            {"Name", "Surn", "Patr"} & parse.tag.grammemes for parse in parses)


def _region_word_origin(ctx: Context, token: Token) -> int | None:
    """«Чувашия и Узбекистан подписали … . Делегация из республики прилетела в Ташкент»,
    «во время визита делегации региона в Сучжоу»: a bare region word after «из» or in the
    genitive right after the group word stands for the region named before with that word
    (``resolve_place``); its last mention before the group word."""
    tokens, doc = ctx.doc.tokens, ctx.doc
    for child in ctx.children.get(token.token_id, []):
        # (a bare word: no name after it, «делегация аймака Кедрнуур» names its own place)
        genitive = child == token.token_id + 1 and "Case=Gen" in tokens[child].feats \
            and not any(tokens[g].rel in ("case", "appos", "flat:name", "nmod")
                        for g in ctx.children.get(child, [])) \
            and child + 1 < len(tokens) and child + 1 not in ctx.mention_at \
            and not tokens[child + 1].text[:1].isupper()
        if tokens[child].rel != "nmod" or not (ctx.governed(child, "из") or genitive) \
                or not bare_region_word(ctx, child):
            continue
        entity = resolve_place(ctx, child)
        before = [i for i, m in enumerate(doc.mentions)
                  if m.entity_id == entity and m.end <= token.start]
        if entity is not None and before:
            return before[-1]
    return None


def _people_joined(ctx: Context, current: int, child: int, token: Token) -> bool:
    """«делегация из сорока чиновников и бизнесменов Чувашии», «преподаватели и студенты
    университета X», «официальных лиц и деловых кругов X»: the people the group is made of,
    joined by «и»; the place in the genitive of the last is the place of all of them."""
    tokens = ctx.doc.tokens
    return tokens[child].rel == "conj" \
        and (current != token.token_id or "Animacy=Anim" in token.feats) \
        and "Animacy=Anim" in tokens[current].feats \
        and ("Animacy=Anim" in tokens[child].feats
             or tokens[child].lemma in ctx.vocab.words("business_community_nouns")) \
        and tokens[current].pos == tokens[child].pos == "NOUN"


def _town_joined(ctx: Context, index: int) -> int:
    """«делегация провинции Хэйлунцзян и города Цзямусы», «… города Цзямусы и провинции
    Хэйлунцзян»: of a region and a town joined to it, the town is the more specific origin
    (the region stays an origin of the group)."""
    region_words = ctx.vocab.words("place_anaphors")
    if not set(place_descriptor(ctx, index)) & region_words:
        return index
    # (the town after the region, or before it: «города Цзямусы и провинции Хэйлунцзян»)
    joined = coordinated_origins(ctx, index) + [
        other for other in _origins_in_sentence_of(ctx, index)
        if other != index and index in coordinated_origins(ctx, other)]
    towns = [other for other in joined if ctx.mention_type(other) == "LOC"
             and set(place_descriptor(ctx, other)) & ctx.vocab.words("town_anaphors")]
    if len(towns) != 1:
        return index
    # (not a town the gazetteer puts in another country: «делегации провинции Цзилинь и
    # города Пусан» are two groups)
    town, region = mention_place(ctx, towns[0]), mention_place(ctx, index)
    if town is not None and region is not None and town.country and region.country \
            and town.country != region.country:
        return index
    return towns[0]


def _destination_name(ctx: Context, index: int) -> bool:
    """Does a preposition that is no origin's govern a word of the name («визит делегации
    Совета Федерации в Социалистическую Республику Вьетнам» with «Вьетнам» hung on the
    group): where the group goes, not where it comes from?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    outside = [tokens[c].lemma for t in ctx.mention_tokens(index)
               for c in ctx.children.get(t, []) if tokens[c].rel == "case" and c < first]
    # (a preposition inside the name is the name's: «Ростов-на-Дону»)
    return bool(outside) and not set(outside) & set(ORIGIN_PREPOSITIONS) \
        and not any(_from_place(ctx, t) for t in ctx.mention_tokens(index))


def _organisation_by_head(ctx: Context, word: int) -> int | None:
    """The organisation a bare genitive noun refers back to («делегация корпорации» after
    «Корпорация развития Башкортостана», «делегация компании» after «компания «Кедр»»): the
    one organisation named before it whose name begins with that word, or whose quoted name
    follows it; None where none or several do."""
    tokens = ctx.doc.tokens
    token = tokens[word]
    if token.rel != "nmod" or token.pos != "NOUN" or word in ctx.mention_at \
            or "Case=Gen" not in token.feats \
            or ctx.governed(word):
        return None
    found: dict[int, int] = {}
    for index, mention in enumerate(ctx.doc.mentions):
        first = ctx.first(index)
        if mention.type == "ORG" and first < word and (
                tokens[first].lemma == token.lemma
                or (first > 0 and tokens[first].text == QUOTE_OPEN
                    and tokens[first - 1].lemma == token.lemma)):
            found.setdefault(mention.entity_id, index)  # (or «компания «X»»: its word before)
    return next(iter(found.values())) if len(found) == 1 else None


def _arrived_from(ctx: Context, token: Token, by_verb: bool = True) -> int | None:
    """«делегация из Ташкента», «делегацию — из города Нагоя», and (``by_verb``) «делегация
    прибыла в Омск из Ташкента», «делегация, прибывшая из Ташкента»: the place an «из» right
    after the group word, or an arrival verb of it, says it comes from."""
    tokens, arrivals = ctx.doc.tokens, ctx.vocab.words("arrival_verbs")
    index = place_after(ctx, token.token_id, ORIGIN_PREPOSITIONS)
    if index is not None and not _by_conveyance(ctx, ctx.first(index)):
        return index  # «возглавлявший делегацию из Тамбова»: «из X» hung on the verb
    dash = token.token_id + 1
    if dash < len(tokens) and tokens[dash].text in DASH_OR_HYPHEN:
        # «принимал китайскую делегацию — из города Синьсян»: the origin set off by a dash
        index = place_after(ctx, dash, ORIGIN_PREPOSITIONS)
        if index is not None:
            return index
    if not by_verb:
        return None
    verbs = [c for c in ctx.children.get(token.token_id, [])
             if tokens[c].rel in ("acl", "acl:relcl") and tokens[c].lemma in arrivals]
    if token.rel == "nsubj" and token.head_id >= 0 and tokens[token.head_id].lemma in arrivals:
        verbs.append(token.head_id)
    for verb in verbs:
        if ctx.planned(verb) or ctx.in_speech(verb):
            continue
        for child in ctx.children.get(verb, []):
            index = ctx.mention_at.get(child)
            if index is None and tokens[child].lemma in ctx.vocab.place_descriptors:
                # «приехала из провинции Гилян»: the name after the place's descriptor
                index = next((ctx.mention_at[n] for n in ctx.children.get(child, [])
                              if n == child + 1 and n in ctx.mention_at), None)
            if index is not None and ctx.mention_type(index) == "LOC" \
                    and tokens[child].rel == "obl" and ctx.governed(child, "из") \
                    and not _by_conveyance(ctx, ctx.first(index)) \
                    and not _leg_of_trip(ctx, verb, index):
                return index
    return None


def _leg_of_trip(ctx: Context, verb: int, index: int) -> bool:
    """«Делегация из Китая посетила Омск. Из Омска делегация отправилась в Томск»: «из» a
    place an earlier sentence named, after a group was told of, on a verb with a destination
    of its own, is a leg of the trip, not where the group comes from."""
    tokens = ctx.doc.tokens
    sent_id = tokens[verb].sent_id
    entity = ctx.entity(index)
    named_before = any(ctx.entity(i) == entity and tokens[ctx.first(i)].sent_id < sent_id
                       for i in range(len(ctx.doc.mentions)))
    group_before = any(tokens[t].sent_id < sent_id
                       for group in ctx.delegations for t in group.ref_tokens)
    destination = any(tokens[c].rel == "obl" and ctx.governed(c, *PLACE_PREPOSITIONS)
                      and c in ctx.mention_at for c in ctx.children.get(verb, []))
    return named_before and group_before and destination


def _by_conveyance(ctx: Context, first: int) -> bool:
    """Does a means of travel stand right before the «из» of the place at ``first`` («рейсом
    из Москвы»: where the flight left from, not the group's origin)?"""
    tokens = ctx.doc.tokens
    return first >= 2 and tokens[first - 1].lemma == "из" \
        and tokens[first - 2].lemma in ctx.vocab.words("conveyance_nouns")


def _bare_org_named_before(ctx: Context, token: Token) -> int | None:
    """«Селенгинский университет развивает связи … делегация университета вернулась»: a
    bare organisation noun in the genitive after the group word stands for the one named
    before (its mention there)."""
    tokens = ctx.doc.tokens
    t = token.token_id + 1
    bare_words = ctx.vocab.org_heads | ctx.vocab.words("school_generic_nouns")  # «вуза»
    if t >= len(tokens) or t in ctx.mention_at or "Case=Gen" not in tokens[t].feats \
            or tokens[t].lemma not in bare_words \
            or (t + 1 < len(tokens) and (t + 1 in ctx.mention_at
                                        or tokens[t + 1].text == QUOTE_OPEN
                                        or tokens[t + 1].lemma in ctx.vocab.bare_place_words)):
        return None  # (nor «делегация предприятий города»: the town's businesses)
    entity = resolve_bare_org(ctx, t)
    if entity is None:
        return None
    return next((i for i in reversed(ctx.mentions_in(range(0, t)))
                 if ctx.entity(i) == entity), None)


def _park_after_group_word(ctx: Context, token: Token) -> int | None:
    """The park or zone named in the genitive right after a group word, past the body that
    runs it («делегация технопарка «X»», «делегация Управления свободной зоны «X»»), or
    after «от», «из» («группа от зоны «X»»), as a mention; None where none is."""
    tokens = ctx.doc.tokens
    t = token.token_id + 1
    if t < len(tokens) and tokens[t].lemma in ORIGIN_PREPOSITIONS:
        t += 1
    if t < len(tokens) and t not in ctx.mention_at and "Case=Gen" in tokens[t].feats \
            and tokens[t].lemma in ctx.vocab.words("park_authority_nouns"):
        t += 1
    index = ctx.mention_at.get(t)
    if index is None or ctx.first(index) != t or ctx.mention_type(index) != "PARK" \
            or tokens[t].sent_id != token.sent_id:
        return None
    return index if "Case=Gen" in tokens[t].feats or tokens[t].text.isupper() else None


def _sent_by(ctx: Context, token: Token) -> int | None:
    """«ОАЭ направит в Татарстан три делегации»: the place or body that is the subject of a
    verb of sending (``sending_verbs``) whose object is the group word; not a mission
    abroad (``mission_nouns``: «Посольство Вьетнама направило делегацию предпринимателей»
    sends a group of another origin); the place of the title of a person who introduced the
    group (``introducing_verbs``: «мэр города X Y представил делегацию»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    sender = _sender_of_participle(ctx, token)
    if sender is not None:
        return sender
    verb = token.head_id
    if token.rel != "obj" or verb < 0 or ctx.in_speech(verb):
        return None
    if tokens[verb].lemma in vocab.words("introducing_verbs"):
        # «мэр Маньчжурии Чжао Лэй представил делегацию»: the place of his title, where no
        # group was told before (beside one, «делегацию представил X» is who stood for it)
        person = introducer(ctx, verb) if not ctx.delegations else None
        return title_place(ctx, person) if person is not None else None
    if tokens[verb].lemma not in vocab.words("sending_verbs"):
        return None
    for child in ctx.children.get(verb, []):
        index = ctx.mention_at.get(child)
        if index is None and tokens[child].rel == "nsubj":
            # «Турецкий производитель тканей «X» прислал делегацию»: the name in apposition
            index = next((ctx.mention_at[g] for g in ctx.children.get(child, [])
                          if tokens[g].rel == "appos" and g in ctx.mention_at), None)
        if index is not None and tokens[child].rel == "nsubj" \
                and ctx.mention_type(index) in ("LOC", "ORG") \
                and tokens[ctx.first(index)].lemma not in vocab.words("mission_nouns"):
            return index
    return None


def introducer(ctx: Context, verb: int) -> int | None:
    """The person the subject of a verb of introducing names («мэр Маньчжурии Чжао Лэй
    представил делегацию»: Чжао Лэй), or None."""
    tokens = ctx.doc.tokens
    return next((person for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"
                 and (person := subject_person(ctx, c)) is not None), None)


def person_named_group(ctx: Context, token: Token) -> int | None:
    """The person a «группа» is named by, his name its genitive right after it («группа
    Драгана Петровича»); None where there is none."""
    tokens, after = ctx.doc.tokens, token.token_id + 1
    index = ctx.mention_at.get(after)
    if index is None or ctx.first(index) != after or ctx.mention_type(index) != "PER" \
            or compound_head(token.lemma) not in ctx.vocab.words("group_anaphor_nouns") \
            or tokens[after].head_id != token.token_id or tokens[after].rel != "nmod":
        return None
    return index


def _dashed_title_body(ctx: Context, person: int) -> int | None:
    """The organisation or place of a title after a person and a dash («Драгана Петровича —
    директора сербской компании «X»»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t = ctx.last(person) + 1
    if t + 1 >= len(tokens) or tokens[t].text not in DASHES:
        return None
    t = past_title_adjectives(ctx, t + 1)
    if t >= len(tokens) or not vocab.is_title(tokens[t].lemma):
        return None
    for word in range(t + 1, min(t + 9, len(tokens))):
        index = ctx.mention_at.get(word)
        if tokens[word].sent_id != tokens[t].sent_id or tokens[word].text in (",", ";"):
            return None
        if index is not None and ctx.mention_type(index) in ("ORG", "LOC"):
            return index
    return None


def _people_after_dash(ctx: Context, token: Token) -> int | None:
    """The plural people's noun right after the word and a dash («группа — представители
    X»), which tells what the group is made of and where it comes from; None where there is
    none."""
    tokens, t = ctx.doc.tokens, token.token_id
    if t + 2 >= len(tokens) or tokens[t + 1].text not in DASHES \
            or compound_head(token.lemma) not in ctx.vocab.words("group_anaphor_nouns"):
        return None  # (not «В составе делегации — представители X»: its members)
    head = tokens[token.head_id] if token.head_id >= 0 else None
    if token.rel == "nmod" and head is not None and head.lemma in ctx.vocab.composition_nouns \
            and ctx.governed(head.token_id, "в", "во"):
        return None  # nor «В составе японской группы — представители X»
    people = tokens[t + 2]
    return t + 2 if people.pos == "NOUN" and "Number=Plur" in people.feats \
        and people.lemma in ctx.vocab.delegation_groups else None


def _people_making_up(ctx: Context, token: Token) -> int | None:
    """The plural people's noun, subject of a verb of making up the group word («Вторую
    группу составили инженеры компании X из Y», «Третьей группой стали представители
    компании X»), which tells what the group is made of and,
    where the word names none, where it comes from; None where there is none."""
    tokens, verb, vocab = ctx.doc.tokens, token.head_id, ctx.vocab
    if compound_head(token.lemma) not in vocab.words("group_anaphor_nouns") or verb < 0:
        return None
    making_up = token.rel == "obj" and tokens[verb].lemma in vocab.words("group_representing_verbs")
    # «Третьей группой стали представители компании X»: a counted group the subject is
    counted = token.rel in ("xcomp", "obl") and "Case=Ins" in token.feats \
        and tokens[verb].lemma in vocab.words("copula_verbs") and any(
            tokens[c].rel == "amod" and tokens[c].lemma in vocab.words("group_ordinals")
            for c in ctx.children.get(token.token_id, []))
    if not (making_up or counted):
        return None
    # (any plural people's noun: «учёные», «инженеры», not only the group nouns; named
    # people are members, not what tells the origin)
    return next((c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"
                 and tokens[c].pos == "NOUN" and "Number=Plur" in tokens[c].feats
                 and "Animacy=Anim" in tokens[c].feats and ctx.mention(c) is None), None)


def _people_of_group(ctx: Context, token: Token) -> int | None:
    """The people's noun that tells what the group word's group is made of (after a dash or
    as the subject of «составить»)."""
    people = _people_after_dash(ctx, token)
    return people if people is not None else _people_making_up(ctx, token)


def _sender_of_participle(ctx: Context, token: Token) -> int | None:
    """«группу, направленную Палатой предпринимателей X»: the place or body by which a
    participle of sending on the word says it was sent."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for verb in ctx.children.get(token.token_id, []):
        if tokens[verb].rel != "acl" or tokens[verb].lemma not in vocab.words("sending_verbs"):
            continue
        for child in ctx.children.get(verb, []):
            index = ctx.mention_at.get(child)
            if index is not None and tokens[child].rel in ("obl:agent", "obl") \
                    and "Case=Ins" in tokens[child].feats \
                    and ctx.mention_type(index) in ("LOC", "ORG") \
                    and tokens[ctx.first(index)].lemma not in vocab.words("mission_nouns"):
                return index
    verb = token.head_id
    if token.rel == "obj" and verb >= 0 and tokens[verb].lemma in vocab.words("sending_verbs") \
            and compound_head(token.lemma) in vocab.words("group_anaphor_nouns") \
            and "Tense=Past" in tokens[verb].feats and not ctx.planned(verb):
        # «Вторую группу направила в Казань Торгово-промышленная палата X»: the sender
        for child in ctx.children.get(verb, []):
            index = ctx.mention_at.get(child)
            if index is not None and tokens[child].rel == "nsubj" \
                    and ctx.mention_type(index) in ("LOC", "ORG") \
                    and tokens[ctx.first(index)].lemma not in vocab.words("mission_nouns"):
                return index
    return None


def _region_of(ctx: Context, adjective: Token) -> tuple[str, str, int | None] | None:
    """«правительства Новосибирской области»: an adjective on a region's head word names that
    region, not the town the adjective belongs to as well («новосибирский» → Новосибирск);
    as the document names it where it does."""
    tokens = ctx.doc.tokens
    head = adjective.head_id
    if head < 0 or tokens[head].lemma not in ctx.vocab.words("region_heads"):
        return None
    place = gazetteer().lookup(f"{adjective.text} {tokens[head].text}")
    if place is None or place.kind in ("country", "city"):
        return None
    named = _entities_naming(place, _place_entities(ctx))
    return (named[0].normal, "strong", named[0].entity_id) if named \
        else (place.canonical, "strong", None)


def _place_entities(ctx: Context) -> list[Entity]:
    """The document's places with a mention."""
    return [e for e in ctx.doc.entities if e.type == "LOC" and e.mention_ids]


def entity_naming(ctx: Context, place: Place) -> int | None:
    """The document's first place entity that names the gazetteer's ``place``, if it has one."""
    named = _entities_naming(place, _place_entities(ctx))
    return named[0].entity_id if named else None


def _entities_naming(place: Place | None, places: list[Entity]) -> list[Entity]:
    """The ones of ``places`` (entities) that name the gazetteer's ``place``."""
    if place is None:
        return []
    return [e for e in places if gazetteer().lookup(e.normal) is place]


def _place_of_body(ctx: Context, place: tuple[str, str, int | None], adjective: Token,
                   own: Mention | None) -> tuple[str, str, int | None]:
    """«делегация правительства Липецкой области»: the group is from the region; where the
    text names the region only inside the body's name, the body is the entity it comes
    from."""
    index = ctx.mention_at.get(adjective.token_id)
    if place[2] is not None or index is None or ctx.doc.mentions[index] is own \
            or ctx.mention_type(index) != "ORG":
        return place
    ctx.origin_mentions.add(index)
    return place[0], place[1], ctx.doc.mentions[index].entity_id


def _genitive_of(ctx: Context, t: int, word: int) -> bool:
    """Is ``t`` the word's genitive («представители X»), or the name in apposition to a
    descriptor that is («представители компании «X»», «представители администрации порта
    «X»»)?"""
    tokens = ctx.doc.tokens
    head = tokens[t].head_id
    if head == word:
        return tokens[t].rel == "nmod"
    if tokens[t].rel != "appos" or head < 0 or head in ctx.mention_at:
        return False
    # (past one body that the named one belongs to: «представители администрации порта
    # «X»»)
    for _ in range(2):
        if tokens[head].rel != "nmod" or "Case=Gen" not in tokens[head].feats:
            return False
        if tokens[head].head_id == word:
            return True
        head = tokens[head].head_id
        if head < 0 or head in ctx.mention_at or tokens[head].lemma not in (
                ctx.vocab.org_heads | ctx.vocab.words("government_bodies")):
            return False
    return False


def _split_place_name(ctx: Context, index: int) -> tuple[str, str, int | None] | None:
    """«делегация Исламской Республики Иран», «… Автономного Края Воеводина»: a place's
    descriptor the tagger split from its name, followed by it. The name where the places
    gazetteer knows it, else the two together; None where the place is one mention."""
    after = ctx.mention_at.get(ctx.last(index) + 1)
    mention = ctx.doc.mentions[index]
    words = mention.normal.lower().split()
    if after is not None and ctx.mention_type(after) == "LOC" \
            and gazetteer().lookup(mention.normal) is None \
            and gazetteer().lookup(f"{mention.normal} {ctx.doc.mentions[after].normal}"):
        # «Автономного района Внутренняя Монголия»: the gazetteer knows the two together
        ctx.origin_mentions.add(index)
        return _origin_mention(ctx, after)
    if gazetteer().lookup(mention.normal) is not None \
            or name_key(words[-1]) not in ctx.vocab.words("region_heads") \
            or not all(_common_word(word) for word in words):
        return None
    if after is None or ctx.mention_type(after) != "LOC":
        # «… Автономного Края Воеводина» with the name taken for a person's: the place
        # the gazetteer knows by that word
        name = ctx.last(index) + 1
        if name >= len(ctx.doc.tokens) or (after is not None and (
                ctx.mention_type(after) != "PER" or ctx.last(after) != name)):
            return None
        word = ctx.doc.tokens[name]
        place = gazetteer().lookup(word.text) if word.pos == "PROPN" else None
        if place is None or place.kind == "country":
            return None
        ctx.origin_mentions.add(index)
        return f"{mention.normal} {place.canonical}", "strong", mention.entity_id
    name = ctx.doc.mentions[after].normal
    if gazetteer().lookup(name) is not None:
        ctx.origin_mentions.add(index)
        return _origin_mention(ctx, after)
    _origin_mention(ctx, after)
    ctx.origin_mentions.add(index)
    return f"{mention.normal} {name}", "strong", ctx.doc.mentions[after].entity_id


def _common_word(word: str) -> bool:
    """A dictionary word that names no place («исламская», «автономный», not «иран»)."""
    return dictionary().word_is_known(word) and not any(
        "Geox" in parse.tag for parse in word_parses(word))


def adjective_place(ctx: Context, lemma: str, head: bool = False, group: bool = False
                    ) -> tuple[str, str, int | None] | None:
    """The place an origin adjective names, as (name, kind, entity): «свердловский» →
    Свердловская область (strong), «корейский» → Корея (country), as the document names it
    where it does («Республика Корея», «КНР» for «китайский»). The word lists first, then
    the places gazetteer («зеленоградский», «прикамский»); ``head``: the adjective is on a
    «делегация» word itself, where origin_head_adjectives count too («российская»); ``group``:
    it names where the companies a group is made of come from."""
    vocab = ctx.vocab
    places = _place_entities(ctx)
    place = gazetteer_adjective(lemma)
    if lemma in vocab.place_adjectives:
        name, kind = vocab.place_adjectives[lemma], "strong"
    elif lemma in vocab.country_adjectives:
        name, kind = vocab.country_adjectives[lemma], "country"
    elif head and lemma in vocab.head_adjectives:
        name, kind = vocab.head_adjectives[lemma], "country"
    elif place is not None and place.kind == "country" and place.country != HOME_COUNTRY:
        name, kind = place.canonical, "country"  # «албанская делегация»: a country the list
        # lacks, from the gazetteer (Russia's adjective is the list's to decide)
    elif place is not None and place.kind != "country":
        # countries: the word list decides («российский» qualifies a host as often as not)
        name, kind = place.canonical, "country" if place.kind == "region" else "strong"
        region = _region_of_capitals_adjective(ctx, lemma, place, places)
        if region is not None:  # «минская делегация» where the text names Минская область
            return region.normal, "strong", region.entity_id
    else:
        # an adjective of a region or town the document names: «курских» → Курская область
        if "-" in lemma or not any(lemma.endswith(s) for s in vocab.place_suffixes) \
                or len(lemma) < 7:
            return None
        stem = lemma[:-2]  # «курский» → «курск»: Курская область, Курск
        towns = adjective_towns(lemma)
        found = [e for e in places
                 if fold(e.normal) in towns or _region_of_stem(ctx, e.normal, stem)]
        if not found:
            town = _dictionary_town(ctx, lemma)
            return _as_text_names(ctx, town, places) if town else None
        if len({fold(e.normal) for e in found}) != 1:
            return None
        return found[0].normal, "strong", found[0].entity_id
    folded = fold(name)
    found = [e for e in places if fold(e.normal) == folded] or \
        [e for e in places if folded in fold(e.normal).split()[1:]]
    if not found and kind == "strong" and group:
        # «делегация новосибирских компаний» in an article that names Новосибирск, not its
        # oblast: the adjective of a region and its capital is the town the text names (of
        # the companies a group is made of; «тамбовский губернатор», «Тверская делегация во
        # главе с губернатором» are the region's)
        towns = adjective_towns(lemma)
        found = [e for e in places if fold(e.normal) in towns
                 and (town := gazetteer().lookup(e.normal)) is not None
                 and fold(town.region) == folded]
        if found:
            return found[0].normal, kind, found[0].entity_id
    if not found and (place := place or gazetteer().lookup(name)) is not None:
        found = _entities_naming(place, places)
    if found:
        # as the text usually names the place («вьетнамская» → «Вьетнам» ×3, not «Социалистическая
        # Республика Вьетнам» ×1); «российская делегация»: the common name, however written
        usual = _usual_name(ctx, found[0].mention_ids, found[0].normal)
        return name if head else usual, kind, found[0].entity_id
    return name, kind, None


def _region_of_capitals_adjective(ctx: Context, lemma: str, town: Place, places: list[Entity]
                                  ) -> Entity | None:
    """The region a town's adjective names as well («минский»: Минск, Минская область), where
    the text names that region and not the town itself: its entity, else None."""
    if not is_town(town) or any(gazetteer().lookup(e.normal) == town for e in places):
        return None
    stem = fold(lemma)[:-2]  # «минский» → «минск»
    regions = {e.entity_id: e for e in places if _region_of_stem(ctx, e.normal, stem)}
    return next(iter(regions.values())) if len(regions) == 1 else None


def _region_of_stem(ctx: Context, name: str, stem: str) -> bool:
    """Is the name a region's that an adjective of ``stem`` begins («Курская область» of
    «курск»): more than one word, ending with a region's head word?"""
    words = fold(name).split()
    return fold(name).startswith(stem) and len(words) > 1 \
        and words[-1] in ctx.vocab.words("region_heads")


def _as_text_names(ctx: Context, town: str, places: list[Entity]
                   ) -> tuple[str, str, int | None]:
    """A place found from an adjective's word, as the text names it where it does:
    «дагестанская» beside «РД» alone is «РД», not the gazetteer's «Республика Дагестан»."""
    place = gazetteer().lookup(town)
    named = _entities_naming(place, places)
    if not named:
        return town, "strong", None
    return _usual_name(ctx, named[0].mention_ids, named[0].normal), "strong", named[0].entity_id


def adjective_towns(lemma: str) -> set[str]:
    """The folded names a place adjective's town may have: «курский» → «курск», «казанский»
    → «казань», «зеленоградский» → «зеленоград», «кузбасский» → «кузбасс», «кемеровский» →
    «кемерово», «тульский» → «тула»."""
    towns = {lemma[:-2], lemma[:-4], *(lemma[:-4] + ending for ending in ("ь", "о", "а"))}
    if lemma.endswith("сский"):
        towns.add(lemma[:-3])
    return towns


def _dictionary_town(ctx: Context, lemma: str) -> str | None:
    """«зеленоградский» → Зеленоград: the place name the adjective is made from, where the
    dictionary knows it as a place and neither the gazetteer nor the text does."""
    stems = []
    for suffix, ending in ctx.vocab.place_suffixes.items():
        if lemma.endswith(suffix):
            base = lemma[:-len(suffix)] + ending
            stems += [base, base + "ь"]
    if lemma.endswith("сский"):
        stems.append(lemma[:-3])  # «кузбасский» → Кузбасс
    for stem in [*stems, lemma[:-2]]:  # «курский» → Курск
        if len(stem) >= 4 and dictionary().word_is_known(stem) and any(
                "Geox" in parse.tag and "NOUN" in parse.tag and parse.normal_form == stem
                for parse in word_parses(stem)):
            place = gazetteer().lookup(stem)  # «питерский» → Питер → Санкт-Петербург
            return place.canonical if place is not None else stem.capitalize()
    return None


def _qualifying(ctx: Context, lemma: str, home: bool = False) -> bool:
    """An adjective that names a group by where it comes from: of ``origin_adjectives``
    («вьетнамские», «зарубежные»), or of a foreign country, region or town the places
    gazetteer knows («мальдивская группа»; not «российская группа»: the hosts are as often
    called so); with ``home``, also of a Russian region («адыгейские гости»)."""
    if lemma in ctx.vocab.origin_adjectives:
        return True
    place = gazetteer_adjective(lemma)
    if home and place is not None and place.kind in ("federal subject", "region"):
        return place.country == HOME_COUNTRY
    # (a foreign region's or town's too: «сычуаньская группа», «ошская группа»)
    return place is not None and place.kind in ("country", "region", "city") \
        and place.country != HOME_COUNTRY


def _adjective_of_a_group(ctx: Context, lemma: str) -> bool:
    """Is the adjective one of a place a group told before comes from («марийские коллеги»
    after «делегация Республики Марий Эл»): a Russian region's too, the hosts' own aside?"""
    place = gazetteer_adjective(lemma)
    return place is not None and any(d.origin and same_place(d.origin, place.canonical)
                                     for d in ctx.delegations)


#: the endings cut from a place's adjective the gazetteer lacks to find its stem
#: («гюмрийский» → «гюмр»), longest first; the stem keeps four letters at least
PLACE_ADJECTIVE_ENDINGS = ("ийский", "инский", "овский", "евский", "ский", "цкий")
PLACE_STEM_MIN = 4


def _group_of_unknown_adjective(ctx: Context, token: Token) -> int | None:
    """The one group told before whose origin a word of begins with the stem of the group
    word's adjective, where the gazetteer knows no place by that adjective («Гюмрийская
    делегация» after «делегация армянского города Гюмри»); None otherwise."""
    stems = []
    for adjective in _adjectives(ctx, token):
        if gazetteer_adjective(adjective.lemma) is not None:
            return None
        ending = next((e for e in PLACE_ADJECTIVE_ENDINGS if adjective.lemma.endswith(e)), None)
        if ending is not None and len(adjective.lemma) - len(ending) >= PLACE_STEM_MIN:
            stems.append(adjective.lemma[:-len(ending)])
    found = [i for i, d in enumerate(ctx.delegations) if stems and d.origin and any(
        fold(word).startswith(stem) for word in d.origin.split() for stem in stems)]
    return found[0] if len(found) == 1 else None


def gazetteer_adjective(lemma: str) -> Place | None:
    """The place an adjective lemma names in the places gazetteer («тверской» → Тверская
    область), None for a word that is not one."""
    if not lemma or " " in lemma:
        return None
    return gazetteer().by_adjective.get(lemma)


def _origin_mention(ctx: Context, index: int, listed: bool = True
                    ) -> tuple[str, str, int | None]:
    mention = ctx.doc.mentions[index]
    ctx.origin_mentions.add(index)
    if listed:
        ctx.origin_mentions.update(coordinated_origins(ctx, index))
    entity = ctx.doc.entities[mention.entity_id] if 0 <= mention.entity_id < len(
        ctx.doc.entities) else None
    name = entity.normal if entity else mention.normal
    if entity is not None and mention.type == "LOC":
        name = _usual_name(ctx, entity.mention_ids, name, of_origin_phrase=True)
    words = mention.normal.split()
    if mention.type == "ORG" and len(words) > 1 \
            and name_key(words[0]) in ctx.vocab.words("regional_government_nouns") \
            and (place := mention_place(ctx, index)) is not None:
        # «правительства Бурятии»: Бурятия; where the text names the region only inside
        # the body's name, the body is the entity it comes from
        named = any(e.type == "LOC" and same_place(e.normal, place.canonical)
                    for e in ctx.doc.entities)
        return place.canonical, "strong", None if named else mention.entity_id
    place = gazetteer().lookup(name) if mention.type == "LOC" else None
    if place is not None and name_key(place.canonical) == name_key(name):
        name = place.canonical  # the same words, a case left wrong («… округ — Югры»)
    return name, "strong", mention.entity_id


def _usual_name(ctx: Context, mention_ids: list[int], name: str,
                of_origin_phrase: bool = False) -> str:
    """The name a place's mentions give most often («Индии» ×3, «Республики Индия» ×1 →
    «Индия»): an origin as the article usually calls it. Ties keep ``name``, unless the
    place's common name is among them; a descriptor before the common name is dropped
    wherever the text also uses the name alone. ``of_origin_phrase``: the place a group's own
    phrase names, where a region's full name the text gives anywhere wins."""
    counts = Counter(ctx.doc.mentions[i].normal for i in mention_ids
                     if ctx.doc.mentions[i].type == "LOC")
    if not counts:
        return name
    best, count = counts.most_common(1)[0]
    place = gazetteer().lookup(name)
    bare = place.canonical if place is not None and place.canonical in counts else None
    if bare is not None and name_key(best).endswith(" " + name_key(bare)):
        # «Республика Абхазия» ×3 beside «Абхазия» ×1: the common name the text uses too
        # (not for «Республика Татарстан», whose common name is the full one)
        return bare
    if bare is not None and of_origin_phrase and place.kind == "federal subject":
        # «делегация Ленинградской области» beside «Ленобласть» ×3: a region's full name,
        # wherever the text gives it, before the short one used more often (for every
        # phrase of the group: «делегация Ленобласти» later is the same group)
        return bare
    if count > counts.get(name, 0):
        return best
    # names given equally often: the place's common name, where it is one of them
    common = [n for n, c in counts.items() if c == count and place is not None
              and name_key(n) == name_key(place.canonical)]
    return common[0] if common else name


def _holds(ctx: Context, group: Delegation, origin: str, origin_entity: int | None) -> bool:
    """Does the group come from the country itself, or from a place that holds ``origin``
    (not from another region of that country: a group of its own)?"""
    place = _origin_place(ctx, group.origin, group.origin_entity)
    if place is None and _another_body(ctx, group, origin, origin_entity):
        return False  # «делегация министерства … специалисты японской корпорации «X»»
    return place is None or place.kind == "country" \
        or lies_within(ctx, origin, origin_entity, group.origin)



def _escorting_party(ctx: Context, token: Token) -> bool:
    """Is the word the plural noun of an escort party (``escort_party_nouns``) of a person
    named right before («X и сопровождающие его лица»: ``escorted_person``): his travelling
    group?"""
    return token.lemma in ctx.vocab.words("escort_party_nouns") \
        and "Number=Plur" in token.feats \
        and escorted_person(ctx, token.token_id, plural_owners=True) is not None


def _mission_abroad(ctx: Context, token: Token) -> bool:
    """Does the mission word, in a frame («в рамках миссии …»; not a subject: «Миссия
    компании X в Томске — развитие …», its purpose), have a place of its own after «в»
    («миссии мэрии X в Китае»: the parse may hang it on the genitive) or an adjective
    saying it is abroad («зарубежной миссии»), or someone went «в составе» it?"""
    tokens = ctx.doc.tokens
    if token.rel not in ("nmod", "obl"):
        return False
    own = ctx.children.get(token.token_id, [])
    if any(tokens[c].rel == "amod" and tokens[c].lemma in ctx.vocab.foreign_adjectives
           for c in own):
        return True  # «этап зарубежной миссии агентства X»: abroad by its own word
    if ctx.phrase_from(token.token_id - 2, ["в", "состав"]):
        return True  # «визит в Китай в составе миссии собрания X»: one travelled with it
    words = own + [g for c in own if tokens[c].rel == "nmod" for g in ctx.children.get(c, [])]
    return _place_after_in(ctx, words)


def _place_after_in(ctx: Context, words: list[int]) -> bool:
    """Is one of ``words`` a place after «в» («миссии … в Китае», «миссию в Китай»)?"""
    return any(ctx.governed(c, "в", "во") and ctx.mention_type(ctx.mention_at[c]) == "LOC"
               for c in words if c in ctx.mention_at)


def _mission_of_its_own(ctx: Context, token: Token) -> bool:
    """«Миссия из Японии посетила Кению», «Миссия во главе с X осмотрела …», «Миссия «Деловая
    Чехия» во главе с X прибыла …»: a bare mission word that visits or arrives with its own
    «из» one place or body, or its own leader after it (past a quoted name of its own)."""
    if not (_visit_subject(ctx, token) or _arrival_subject(ctx, token)):
        return False
    if _from_phrase(ctx, token, one_place=True):
        return True
    tokens = ctx.doc.tokens
    t = token.token_id + 1
    if t < len(tokens) and tokens[t].text == QUOTE_OPEN:
        t = next((c + 1 for c in range(t + 1, min(t + 8, len(tokens)))
                  if tokens[c].text == QUOTE_CLOSE), t)
    return ctx.at_the_head_with(t)


def _place_genitive(ctx: Context, token: Token, past_adjectives: bool = False) -> bool:
    """Is a place named in the genitive right after the group word, itself or after its
    descriptor («группа провинции Исфахан», «группа Казахстана»), with no adjective on the
    word but an ordinal or an origin's («рабочая группа правительства» is a body)? With
    ``past_adjectives``, past the place's own adjectives too, and in the genitive itself where
    no descriptor stands before it («миссия итальянского региона Ломбардия», «миссия
    Сызрани»)."""
    tokens = ctx.doc.tokens
    t = token.token_id + 1
    while past_adjectives and t < len(tokens) and t not in ctx.mention_at \
            and tokens[t].pos == "ADJ" and "Case=Gen" in tokens[t].feats:
        t += 1
    described = t < len(tokens) and tokens[t].lemma in ctx.vocab.geo_descriptors \
        and "Case=Gen" in tokens[t].feats
    t += described
    index = ctx.mention_at.get(t)
    return index is not None and ctx.first(index) == t and ctx.mention_type(index) == "LOC" \
        and (not past_adjectives or described or "Case=Gen" in tokens[t].feats) \
        and not any(a.lemma not in ctx.vocab.origin_adjectives and "NumType=Ord" not in a.feats
                    and adjective_home(ctx, a) is None for a in _adjectives(ctx, token))


def _led_by_visitor(ctx: Context, t: int) -> bool:
    """Is the word the group that «во главе» puts under a visit verb's subject («Посол X
    прибыл в Омск во главе группы предпринимателей»)?"""
    tokens = ctx.doc.tokens
    head = tokens[t].head_id
    if tokens[t].rel == "nmod" and head >= 0 and tokens[head].pos == "NOUN":
        t, head = head, tokens[head].head_id  # «группы … предпринимателей»: the «группы»
    return head >= 0 and tokens[head].lemma in ctx.vocab.visit_triggers \
        and any(_under_leader(ctx, c) for c in (t, *ctx.children.get(t, [])))


def _under_leader(ctx: Context, word: int) -> bool:
    """Does «во главе» stand on the word («во главе группы», «во главе с X»)?"""
    return any(ctx.doc.tokens[g].lemma in ctx.vocab.leader_nouns
               for g in ctx.children.get(word, []))


def _one_of_listed(ctx: Context, entity: int | None, sent_id: int) -> bool:
    """Is the entity named in a list in the sentence («компаний «A» и «B»»): one of several
    bodies?"""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        root = ctx.mention_root(index) \
            if mention.entity_id == entity and mention.sent_id == sent_id else None
        if root is None:
            continue
        own = set(ctx.mention_tokens(index))  # («университета науки и техники»: its own words)
        if (tokens[root].rel == "conj" and tokens[root].head_id not in own) or any(
                tokens[c].rel == "conj" and c not in own for c in ctx.children.get(root, [])):
            return True
    return False


def _a_country(name: str) -> bool:
    """Is the name a country's, as the places gazetteer knows it?"""
    place = gazetteer().lookup(name) if name else None
    return place is not None and place.kind == "country"


CONJ_STEPS = 5  # back along a list to its first item (bounded: a parse may loop)


def _came_with_someone(ctx: Context, token: Token) -> bool:
    """Does the verb the word is the subject of say whom they came with («С ним приехали
    представители холдинга «X»»): the people join that one's group?"""
    tokens = ctx.doc.tokens
    for _ in range(CONJ_STEPS):  # «С ним приехали директор X и представители Y»
        if token.rel != "conj" or token.head_id < 0 or token.head_id == token.token_id:
            break
        token = tokens[token.head_id]
    verb = token.head_id
    return verb >= 0 and any(
        tokens[c].rel == "obl" and ctx.governed(c, "с", "со")
        and not _under_leader(ctx, c)  # (not «во главе с»)
        for c in ctx.children.get(verb, []))


def _another_body(ctx: Context, group: Delegation, origin: str, origin_entity: int | None
                  ) -> bool:
    """Are the group's origin and ``origin`` two organisations, neither named in the other
    (a ministry's group and a company's people)?"""
    entities = ctx.doc.entities
    if origin_entity is None or group.origin_entity is None \
            or entities[origin_entity].type != "ORG" \
            or entities[group.origin_entity].type != "ORG":
        return False
    one, other = fold(origin), fold(group.origin)
    return one not in other and other not in one


def _body_from_elsewhere(ctx: Context, group: Delegation, origin_entity: int | None) -> bool:
    """Is ``origin_entity`` an organisation its text places «из» a place that is not the
    group's own, nor in it («специалисты компании «X» из Ниигаты» beside a group of the
    prefecture Тоттори; «студенты университета X из Самары» beside a Chinese province's)?"""
    entities = ctx.doc.entities
    if origin_entity is None or entities[origin_entity].type != "ORG" or not group.origin \
            or group.origin_entity is None or entities[group.origin_entity].type != "LOC":
        return False
    for index in entities[origin_entity].mention_ids:
        place = place_after(ctx, ctx.last(index), ("из",))
        if place is not None:
            entity = ctx.entity(place)
            return entity != group.origin_entity \
                and not lies_within(ctx, entities[entity].normal, entity, group.origin)
    return False


def _adjective_country(ctx: Context, token: Token) -> str:
    """The country (ISO code) a country's adjective on the word names («индийские
    предприниматели»), else ""."""
    for child in ctx.children.get(token.token_id, []):
        place = adjective_home(ctx, ctx.doc.tokens[child]) \
            if ctx.doc.tokens[child].rel == "amod" else None
        if place is not None and place.kind == "country":
            return place.country
    return ""


def _refs_by_level(ctx: Context) -> None:
    """«Делегации Ташкентской области и города Ташкента … Областную делегацию возглавил X.
    Столичную делегацию возглавила Y»: a group word whose adjective says its group's kind
    of place refers to the one group from such a place (the groups a list made are known
    only now)."""
    for ref in list(ctx.refs):
        target = _level_group(ctx, ctx.doc.tokens[ref.token])
        if target is not None and target != ref.delegation:
            _move_ref(ctx, ref, target)


def _refs_by_stated_origin(ctx: Context) -> None:
    """«В составе японской группы — …» told before the group from Japan was known (a gapped
    «японскую — X, вице-губернатор префектуры Тоттори»): a group word whose country's
    adjective is not its group's country refers to the one group from that country; «коллеги
    из Дагестана» told before a list's groups were parted, to the group from that place."""
    for ref in list(ctx.refs):
        token, own = ctx.doc.tokens[ref.token], ctx.delegations[ref.delegation]
        # (a reference: a group word that founds its group may say a wider place too)
        named = _own_from_place(ctx, token) if ref.source != "rule:delegation.head" else None
        # (not a plural word: «четыре делегации — вьетнамская из …, индийская …» lists them)
        country = "" if plural_group_word(ctx, token.token_id) or _counted(ctx, token) \
            else _adjective_country(ctx, token)
        groups = [i for i, group in enumerate(ctx.delegations) if group.origin_entity == named] \
            if named is not None and own.origin_entity != named else []
        if len(groups) != 1 and country and _country_code(ctx, own) not in ("", country):
            groups = [i for i, group in enumerate(ctx.delegations)
                      if _country_code(ctx, group) == country]
        if len(groups) == 1:
            _move_ref(ctx, ref, groups[0])


def _move_ref(ctx: Context, ref: Ref, target: int) -> None:
    """Make the reference ``ref`` one of group ``target``'s."""
    old = ctx.delegations[ref.delegation]
    if ref.token in old.ref_tokens:
        old.ref_tokens.remove(ref.token)
    ctx.delegations[target].ref_tokens.append(ref.token)
    ctx.refs[ctx.refs.index(ref)] = Ref(ref.token, ref.sent_id, target, ref.source)


def _assign(ctx: Context, kind: str, origin: str, origin_kind: str,
            origin_entity: int | None, sent_id: int, guests: bool = False,
            adjective_country: str = "", token_id: int = -1) -> int | None:
    """Which delegation a mention refers to: the same origin, else the main visiting
    group; a «делегация» with a new named origin is a new group, and so are «гости» of a
    country no group comes from (``guests``), and people of a place the gazetteer lacks whose
    country's adjective no group's country is (``adjective_country``: «индийские
    предприниматели из Ченнаи» beside a group from Kazakhstan)."""
    delegations = ctx.delegations
    same = [i for i, d in enumerate(delegations) if origin and (
        same_place(d.origin, origin) or _same_body(ctx, d.origin, origin))]
    if same:
        group = delegations[same[0]]
        if group.origin_kind == "country" and origin_kind == "strong" and kind == "head" \
                and fold(group.origin) == fold(origin):
            # «Китайские инвесторы …» in a headline, then «Делегация деловых кругов Китая»:
            # the text states the country itself, no body of it its leader works for
            group.origin_kind = origin_kind
            group.origin_entity = group.origin_entity if origin_entity is None else origin_entity
        elif group.origin_kind == "country" and origin_kind == "strong" and kind == "head" \
                and fold(group.origin) != fold(origin) \
                and lies_within(ctx, origin, origin_entity, group.origin):
            # «Египетские инвесторы …» in a headline, then «Делегация Египетской ассоциации
            # …»: the one group, named more specifically
            if group.origin_entity is not None:
                group.also_from.append(group.origin_entity)
            _set_origin(ctx, group, origin, origin_kind, origin_entity, sent_id)
        return same[0]
    # the groups a text has named, not the several a plural word announced («две делегации»)
    named = _named_groups(ctx)
    if kind == "group" and origin_kind == "strong" and origin_entity is not None \
            and token_id >= 0 and named \
            and _from_phrase(ctx, ctx.doc.tokens[token_id], one_place=True) \
            and all(delegations[i].origin_kind == "strong"
                    and not _places_nested(ctx, origin, origin_entity, delegations[i].origin,
                                           delegations[i].origin_entity) for i in named):
        # «Вместе с тукуманской делегацией зону осмотрели предприниматели из провинции
        # Сальта»: people from a place of their own, neither within nor around any group's,
        # are a group of their own, whoever they came with
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    # «делегации из разных стран прибывают …»: several groups, none of which a later origin names
    # (not one its head's title places: «Делегация во главе с губернатором Оренбургской
    # области …» is no group the later «группа, направленная РЭЦ» names)
    unnamed = [i for i, d in enumerate(delegations) if not d.origin
               and not all(_several_groups(ctx, t) for t in d.ref_tokens)
               and not any(_titled_leader_place(ctx, t)
                           or _titled_leader_body(ctx, t) is not None for t in d.ref_tokens)]
    # (not a group told of as coming the other way: «… делегацию возглавил X. Ответный шаг:
    # малайзийская бизнес-миссия собирается приехать в Челябинск» is another group)
    verb = ctx.verb_over(token_id, steps=2) if token_id >= 0 else None
    if verb is None and token_id >= 0:  # (a phrase the parse left apart: its sentence's verb)
        verb = next((t for t in ctx.sentence(sent_id) if ctx.doc.tokens[t].head_id < 0
                     and ctx.doc.tokens[t].pos in ("VERB", "AUX")), None)
    planned = verb is not None and _planned_trip(ctx, verb)
    coming = planned and any(ctx.doc.tokens[t].lemma in ctx.vocab.words("return_trip_words")
                             for t in ctx.sentence(sent_id))
    # (nor one still to come after a group that came: «Параллельно ОЭЗ посетила делегация во
    # главе с X. … В декабре Москву посетит делегация провинции Гуандун»)
    unnamed = [i for i in unnamed if not planned or _only_to_come(ctx, delegations[i])]
    if token_id >= 0 and _told_at_another_time(ctx, token_id):
        # «В 2017 году двое сотрудников агентства X побывали в …»: a trip of another time,
        # not the news's group, nor named by it
        unnamed = [i for i in unnamed if _at_another_time(ctx, delegations[i])]
        if origin and not unnamed and delegations:
            index = new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
            delegations[index].another = True
            return index
    if origin and unnamed and not coming and (kind == "head" or (
            kind == "group" and origin_kind == "strong" and len(unnamed) == len(delegations)
            and origin_entity is not None and ctx.doc.entities[origin_entity].type == "LOC")):
        # the group named before its origin («Делегация из соседней страны прибыла …
        # представители Монголии»)
        _set_origin(ctx, delegations[unnamed[0]], origin, origin_kind, origin_entity, sent_id)
        return unnamed[0]
    if origin_kind == "strong" and kind == "head":
        region = _region_of_city(ctx, origin, origin_entity)
        of_region = [i for i in named if region and same_place(delegations[i].origin, region)]
        # («Делегация Казани, которую возглавил …» after the republic's: a «делегация» of its
        # own, the town named, is another group)
        own_word = token_id >= 0 and origin_entity is not None \
            and ctx.doc.tokens[token_id].lemma in ctx.vocab.delegation_heads \
            and "Number=Sing" in ctx.doc.tokens[token_id].feats
        if len(of_region) == 1 and not own_word \
                and not any(r.delegation == of_region[0] and r.sent_id == sent_id
                            and r.token != token_id for r in ctx.refs):
            # «делегаты из Уфы» after «делегация Республики Башкортостан»: that group, whose
            # people come from a city of its region (not where its own sentence names the
            # region's group beside it: «Вместе с республиканской делегацией отправилась
            # делегация города Уфы»)
            if origin_entity is not None:
                delegations[of_region[0]].also_from.append(origin_entity)
            return of_region[0]
        another = token_id >= 0 and any(
            a.lemma in ctx.vocab.words("another_group_adjectives")
            for a in _adjectives(ctx, ctx.doc.tokens[token_id]))
        # «Тем временем делегация X …»: not a group the body told of doing something else (a
        # headline's «белорусские гости» are still the group named more specifically)
        meanwhile, kept_apart = _meanwhile(ctx, sent_id), False
        for index, delegation in enumerate(delegations):
            # «китайская делегация», «делегация из Китая» … «делегация посольства КНР»,
            # «… провинции Аньхой»; «делегация из Хэйхэ» … «делегация народного правительства
            # города Хэйхэ»: the one group, named more specifically (not «следующая делегация»)
            if another:
                break
            if _company_group_beside(ctx, index, origin_entity, token_id):
                continue  # «группа инженеров кенийской корпорации X» after Kenya's «делегация»
            if lies_within(ctx, origin, origin_entity, delegation.origin) \
                    or body_of_place(ctx, origin_entity, delegation):
                if meanwhile and any(r.delegation == index and 0 < r.sent_id < sent_id
                                     and not _several_groups(ctx, r.token) for r in ctx.refs):
                    kept_apart = True
                    continue
                if (token_id >= 0 and _told_at_another_time(ctx, token_id)
                        != _at_another_time(ctx, delegation)) \
                        or (planned and not _only_to_come(ctx, delegation)):
                    # «… посетила делегация Грузии. В 2022 году здесь побывала делегация
                    # Аджарии»: a group of another time is another group, and so is one
                    # still to come after that group came («Индийские компании обещали
                    # вернуться вместе с делегацией штата Махараштра»)
                    kept_apart = True
                    continue
                if delegation.origin_kind == "strong" and delegation.origin_entity is not None:
                    delegation.also_from.append(delegation.origin_entity)
                _set_origin(ctx, delegation, origin, origin_kind, origin_entity, sent_id)
                return index
        # … and «гости из Китая» after it: that group, named by its country (also a body
        # the text places there: «делегация немецкого производителя «X»» … «гости из Германии»)
        country = gazetteer().lookup(origin)
        inside = [i for i, d in enumerate(delegations)
                  if d.origin and (lies_within(ctx, d.origin, d.origin_entity, origin) or (
                      country is not None and country.kind == "country"
                      and _origin_place(ctx, d.origin, d.origin_entity) is None
                      and _stated_country(ctx, d.origin, d.origin_entity) == country.country))]
        if len(inside) == 1:
            if origin_entity is not None:
                delegations[inside[0]].also_from.append(origin_entity)
            return inside[0]
        index = new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
        delegations[index].another = another or kept_apart
        return index
    # people of a body who come on their own, not with someone («С ним приехали …»)
    arriving = kind == "group" and token_id >= 0 \
        and _visit_subject(ctx, ctx.doc.tokens[token_id]) \
        and not _came_with_someone(ctx, ctx.doc.tokens[token_id])
    if origin_kind == "strong" and arriving and not _one_of_listed(ctx, origin_entity, sent_id):
        # «Приморье посетили представители деловых кругов Японии … Посланцы палаты Осаки
        # прибыли во Владивосток»: the one group of the country, named more specifically
        # (a group its own «делегация» named is a trip of its own: «Делегация из Китая
        # посетила X. Ранее представители провинции Хэнань посетили Тверь»)
        of_country = [i for i in named if _a_country(delegations[i].origin) and not any(
            r.delegation == i and r.source == "rule:delegation.head"
            and "Number=Sing" in ctx.doc.tokens[r.token].feats
            and not _several_groups(ctx, r.token) for r in ctx.refs) and (
            lies_within(ctx, origin, origin_entity, delegations[i].origin)
            or body_of_place(ctx, origin_entity, delegations[i]))]
        if len(of_country) == 1:
            _set_origin(ctx, delegations[of_country[0]], origin, origin_kind, origin_entity,
                        sent_id)
            return of_country[0]
    narrower = _narrower_group(ctx, kind, origin, origin_kind, origin_entity, sent_id)
    if narrower is not None:
        _set_origin(ctx, delegations[narrower], origin, origin_kind, origin_entity, sent_id)
        return narrower
    if origin_kind == "country":
        regional = [i for i, d in enumerate(delegations) if d.origin_kind == "strong"]
        known = gazetteer().lookup(origin)
        inside = [i for i, d in enumerate(delegations)
                  if known is not None and known.kind == "country"
                  and _country_code(ctx, d) == known.country]
        if (kind in ("head", "group") or guests) and len(inside) == 1:
            # «представители штата Карнатака (Индия) … Индийскую делегацию возглавил …»,
            # «делегация Чуйской области … Кыргызские гости», «делегация южнокорейской
            # компании X … Корейских партнёров»: the one group from a place of that country
            return inside[0]
        led = kind == "group" and token_id >= 0 \
            and _object_of_leading(ctx, ctx.doc.tokens[token_id])
        if (kind == "head" or guests or led or (kind == "group" and _named_only_as_origin(
                ctx, _code_of(origin)))) and named \
                and all(_outside(ctx, delegations[i], _code_of(origin)) for i in named):
            # «индийская делегация», «иранские гости» beside a group from a place of another
            # country (not «иранские партнёры»: the hosts, where the group went to Iran);
            # «турецкие инвесторы» too, where the text names no place of Turkey but whence
            # groups come; «Кыргызскую группу возглавил …» beside a Belarusian group
            return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
        if kind == "head" and regional and known is not None and known.kind == "region" \
                and not any(_in_region(ctx, delegations[i], known) for i in regional):
            # «карагандинская делегация» (a foreign region's adjective) beside a group from
            # a province of Turkey: another group
            return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
        if regional and known is not None and known.kind == "country" and kind == "group" \
                and all(_outside(ctx, delegations[i], known.country) for i in regional) \
                and token_id >= 0 and (_visit_subject(ctx, ctx.doc.tokens[token_id])
                                       or _led_by_visitor(ctx, token_id)):
            # «Посол X прибыл во главе группы индонезийских предпринимателей» beside a
            # group from Алтайский край: people of another country, come on their own
            return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
        held = [i for i, d in enumerate(delegations) if d.origin and known is not None
                and known.kind == "region" and (town := gazetteer().lookup(d.origin)) is not None
                and (lies_within(ctx, d.origin, d.origin_entity, origin)
                     or _region_named_after(town, known))]
        if len(held) == 1:
            return held[0]  # «ошская группа»: the group from Ош, in Ошская область
        if regional:
            # (not a group the gazetteer puts in another country: «египетская делегация»
            # beside groups from Ниш and from a province it does not know)
            return next((i for i in regional if known is None or known.kind != "country"
                         or _country_code(ctx, delegations[i]) in ("", known.country)),
                        regional[0])
    stated = (_stated_country(ctx, origin, origin_entity) or (
        adjective_country if _origin_place(ctx, origin, origin_entity) is None else "")) \
        if kind == "group" and origin_kind == "strong" and named \
        and not _named_as_where(ctx, origin_entity) else ""
    of_country = [i for i in named if stated and _country_code(ctx, delegations[i]) == stated]
    if stated and stated != HOME_COUNTRY and len(of_country) == 1 and len(named) > 1 \
            and _holds(ctx, delegations[of_country[0]], origin, origin_entity):
        # «Узбекская делегация … Партнёры из Ташкента отправились …» beside a Turkish group:
        # the one group of that country, named by a place of it
        if origin_entity is not None:
            delegations[of_country[0]].also_from.append(origin_entity)
        return of_country[0]
    if stated and stated != HOME_COUNTRY \
            and all(_outside(ctx, delegations[i], stated) for i in named):
        # «Делегация Монголии посетила технопарк … В четверг в технопарк приехали
        # представители штата Карнатака (Индия)»: people of another foreign country's place,
        # come on a visit of their own (people of a Russian place beside a foreign group are
        # its hosts: «ответную поездку томских предпринимателей»)
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    listed = _listed_place_holding(ctx, origin, origin_entity) if origin_kind == "strong" \
        and delegations else None
    if listed is not None:
        # «ОЭЗ посетили делегации из Беларуси и Китая. … побывали представители провинции
        # Цзилинь»: the group of the listed country, named more specifically (made here: the
        # list's groups are made once the references are assigned)
        index = new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
        delegations[index].also_from.append(listed)
        return index
    if origin and origin_kind == "strong" and token_id >= 0 and delegations \
            and _after_a_later_ordinal(ctx, token_id):
        # «Вторую группу — предпринимателей из Оша — ведёт …»: the next of the counted groups
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    if origin and delegations and not named:
        # «… принял сразу три иностранные делегации. В понедельник побывали представители
        # египетской корпорации «X»»: one of the several groups, named by its origin
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    if origin and origin_kind == "strong" and kind == "group" and token_id >= 0 \
            and _led_after_origin(ctx, token_id):
        # «Представители «X», которых возглавлял Y, посетили …» beside a group named before:
        # people of a body with a head of their own are a group of their own
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    if origin and origin_kind == "strong" and kind == "group" and token_id >= 0 and named \
            and _led_in_its_phrase(ctx, token_id) \
            and not any(lies_within(ctx, origin, origin_entity, delegations[i].origin)
                        or lies_within(ctx, delegations[i].origin, delegations[i].origin_entity,
                                   origin) for i in named):
        # «Параллельно в академии работала группа специалистов из Ошской области во главе с
        # X» beside an Egyptian group: people of another place with a head of their own
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    if origin and origin_kind == "strong" and arriving and named \
            and all(_another_place(ctx, delegations[i], origin, origin_entity) for i in named):
        # «Делегация провинции Шаньдун … Отдельной группой приехали представители компаний
        # провинции Сычуань»: people who came themselves from a place of no group's place
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    if origin and origin_kind == "strong" and arriving and named \
            and all(_another_body(ctx, delegations[i], origin, origin_entity)
                    or _body_from_elsewhere(ctx, delegations[i], origin_entity) for i in named):
        # «Делегация министерства … На следующий день прибыли специалисты корпорации «X»»:
        # a body's people who come themselves beside a group of another body
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    if origin and origin_kind == "strong" and arriving and named and origin_entity is not None \
            and ctx.doc.entities[origin_entity].type == "ORG" \
            and all(delegations[i].origin_sent < sent_id for i in named) \
            and any(ctx.doc.tokens[t].lemma in ctx.vocab.words("later_arrival_words")
                    for t in ctx.sentence(sent_id)):
        # «Делегация провинции X посетила парк. Днём позже приехали специалисты компании «Y»»:
        # a company's people who come later are a group of their own
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    region = _region_of_city(ctx, origin, origin_entity) \
        if origin and origin_kind == "strong" and kind == "group" else ""
    holding = [i for i in named if region and same_place(delegations[i].origin, region)]
    if len(holding) == 1:
        # «… делегация Гомельской области. … а коллеги из Гомеля провели переговоры …»: the
        # one group from the region their town is in (the town no origin of its own)
        return holding[0]
    if not origin and kind == "head" and named and token_id >= 0 and _meanwhile(ctx, sent_id) \
            and (_led_in_its_phrase(ctx, token_id) or _made_of_people(ctx, token_id)):
        # «Параллельно ОЭЗ посетила делегация во главе с X», «Тем временем зону осмотрела
        # делегация консулов девяти стран» beside the groups told: another group, its head
        # or its people named, its origin not
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    if delegations:
        # «приехали партнёры из Монголии – делегация аймака X …»: a group word its own
        # sentence told before comes first
        here = [r for r in ctx.refs if r.sent_id == sent_id and r.token < token_id
                and r.delegation in named]
        if here and not origin:
            return max(here, key=lambda r: r.token).delegation
        # «… побывала делегация префектуры Тоттори. В составе делегации были …»: the group the
        # sentence before has just named, where another was named earlier; else the main one
        # (not the several groups a plural word announced: «приняла две делегации»)
        # (for a bare «делегация», not people told of doing no travelling: «… инвесторов из
        # Хиого в Донгнае станет больше. В тот же день делегация побывала …»)
        idle = {i for i in named if kind == "head" and not origin and _idle_people(ctx, i)}
        just_named = [i for i in named if delegations[i].origin_sent == sent_id - 1
                      and i not in idle]
        country = adjective_country or (_russian_adjective(ctx, token_id) and "RU")
        of_country = [i for i in named
                      if country and _country_code(ctx, delegations[i]) == country]
        if len(of_country) == 1 and not origin:
            # «российские гости» beside the Tatarstan group and its Egyptian hosts' group: the
            # group of the adjective's country
            return of_country[0]
        listing = [i for i in named if any(_plural_head_word(ctx, t)
                                           for t in delegations[i].ref_tokens)]
        if not origin and token_id >= 0 and _plural_head_word(ctx, token_id) \
                and len(listing) == 1:
            # «Делегации X и Y посетили технопарк. Вместе с делегациями … журналисты из Z. …
            # Делегации осмотрели …»: a bare «делегации» is the groups a «делегации» listed
            # (shared with the list's others), not the people told of last
            return listing[0]
        if len(just_named) == 1 and not origin:
            return just_named[0]
        recent = _last_told_of(ctx, [i for i in named if i not in idle] or named, sent_id) \
            if not origin else None
        return recent if recent is not None else (named[0] if named else 0)
    if kind in ("head", "group"):
        return new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
    return None


def _plural_head_word(ctx: Context, t: int) -> bool:
    """Is the word a group word of ``delegation_heads`` in the plural («делегации»)?"""
    return ctx.doc.tokens[t].lemma in ctx.vocab.delegation_heads and plural_group_word(ctx, t)


def _led_in_its_phrase(ctx: Context, token_id: int) -> bool:
    """Does «во главе с» or «под руководством» follow the group word in its own phrase,
    before any verb or comma («группа специалистов из Ошской области во главе с X»)?"""
    tokens = ctx.doc.tokens
    for t in range(token_id + 1, ctx.sentence(tokens[token_id].sent_id).stop):
        if tokens[t].pos in ("VERB", "AUX") or tokens[t].text in (",", ";", ":"):
            return False
        if ctx.at_the_head_with(t) or ctx.under_leadership(t):
            return True
    return False


def _another_place(ctx: Context, group: Delegation, origin: str, entity: int | None) -> bool:
    """Is ``origin`` a place the gazetteer knows that neither holds nor lies in the group's
    known place (Сычуань beside a group from Шаньдун)?"""
    here = _origin_place(ctx, origin, entity)
    there = _origin_place(ctx, group.origin, group.origin_entity) if group.origin else None
    # (two regions: not a town and its region, «Тверь» beside «Тверская область»)
    return here is not None and there is not None and here is not there \
        and here.kind != "country" and there.kind != "country" \
        and bool(region_of(here)) and bool(region_of(there)) \
        and region_of(here) != region_of(there) \
        and not lies_within(ctx, origin, entity, group.origin) \
        and not lies_within(ctx, group.origin, group.origin_entity, origin)


def _russian_adjective(ctx: Context, token_id: int) -> bool:
    """Does Russia's adjective qualify the word («российские гости»)? (Russia is the news's
    home: it is no origin adjective of a group by itself.)"""
    russia = gazetteer().lookup("Россия")
    return token_id >= 0 and russia is not None and any(
        ctx.doc.tokens[c].rel == "amod" and ctx.doc.tokens[c].lemma in russia.adjectives
        for c in ctx.children.get(token_id, []))


def _idle_people(ctx: Context, index: int) -> bool:
    """Is the group named only by words for people (``delegation.group``: «инвесторов»,
    «компаний») none of which a verb of travel or visit takes («отправились предприниматели
    из X» travel)?"""
    travel = _travel_verbs(ctx)
    own = [ref for ref in ctx.refs if ref.delegation == index]
    return bool(own) and all(
        ref.source == "rule:delegation.group"
        and ((verb := ctx.verb_over(ref.token, steps=2)) is None
             or ctx.doc.tokens[verb].lemma not in travel)
        for ref in own)


def _last_told_of(ctx: Context, named: list[int], sent_id: int) -> int | None:
    """Of several groups, the one the sentence before (or the one before it) last referred
    to: «… узбекские бизнесмены побывали в Ульяновске. Делегаты осмотрели …» is theirs, not
    the group the headline named first."""
    if len(named) < 2:
        return None
    # (not a group of another time: «… в мае бурятская делегация побывала в Иркутске. Затем
    # гости посетили …» are the groups of the news)
    now = [i for i in named if not _at_another_time(ctx, ctx.delegations[i])]
    named = now if now else named
    earlier = [ref for ref in ctx.refs if sent_id - RECENT_SENTENCES <= ref.sent_id < sent_id
               and ref.delegation in named]
    return max(earlier, key=lambda ref: ref.token).delegation if earlier else None


def _listed_place_holding(ctx: Context, origin: str, origin_entity: int | None) -> int | None:
    """The entity of a place a group's plural word lists besides the group's own origin
    («делегации из Беларуси и Китая») that holds ``origin`` (the province «Цзилинь»)."""
    for delegation in ctx.delegations:
        for other, place in (pair for _, places in _listed_places(ctx, delegation)
                             for pair in places):
            if place is not None and place.kind == "country" \
                    and lies_within(ctx, origin, origin_entity, place.canonical) \
                    and all(_outside(ctx, ctx.delegations[i], place.country)
                            for i in _named_groups(ctx)):
                return ctx.entity(other)
    return None


def _narrower_group(ctx: Context, kind: str, origin: str, origin_kind: str,
                    origin_entity: int | None, sent_id: int) -> int | None:
    """«гости из Италии, представители Павии»: the one group, from a country, whose people
    a later phrase places in a region or town of that country, which then takes that most
    specific origin (its country kept in ``also_from``); the group's index, or None. Not a
    body's people («представители банка» may be hosts), nor people of another time («Ранее
    представители провинции X посетили Тверь»)."""
    delegations, tokens, vocab = ctx.delegations, ctx.doc.tokens, ctx.vocab
    if kind != "group" or origin_kind != "strong" or origin_entity is None \
            or ctx.doc.entities[origin_entity].type != "LOC" or len(delegations) != 1:
        return None
    other_time = vocab.words("other_time_adverbs") | vocab.words("other_time_adjectives")
    if any(tokens[t].lemma in other_time for t in ctx.sentence(sent_id)):
        return None
    group = delegations[0]
    if not group.origin or not lies_within(ctx, origin, origin_entity, group.origin) \
            or _one_of_joined_places(ctx, origin_entity, sent_id):
        return None
    if group.origin_entity is not None:
        group.also_from.append(group.origin_entity)
    return 0


def _one_of_joined_places(ctx: Context, entity: int, sent_id: int) -> bool:
    """Is the place named in the sentence joined by «и» to another place («руководители Омской
    и Нижегородской областей»)? People of several regions narrow a country's group to none."""
    tokens = ctx.doc.tokens
    for index in ctx.mentions_in(ctx.sentence(sent_id)):
        if ctx.doc.mentions[index].entity_id != entity:
            continue
        for t in ctx.mention_tokens(index):
            joined = [c for c in ctx.children.get(t, []) if tokens[c].rel == "conj"]
            joined += [tokens[t].head_id] if tokens[t].rel == "conj" else []
            if any(ctx.mention_at.get(j) not in (None, index)
                   and ctx.mention_type(ctx.mention_at[j]) == "LOC" for j in joined):
                return True
    return False


def _named_as_where(ctx: Context, entity: int | None) -> bool:
    """Does the text name the place as where something is or goes («в Томске», «в Томск»):
    its people are the hosts («ответная поездка томских предпринимателей»), not a group?"""
    tokens = ctx.doc.tokens
    return entity is not None and any(
        ctx.first(index) > 0 and tokens[ctx.first(index) - 1].lemma in ("в", "во")
        for index in ctx.doc.entities[entity].mention_ids)


def _stated_country(ctx: Context, origin: str, entity: int | None) -> str:
    """The country (ISO code) of a place origin: the gazetteer's, or that of the country the
    text puts in brackets after it («штата Карнатака (Индия)»; an organisation's too,
    «Университета Куангнам (Вьетнам)», or the place its name ends with, «Министерства науки
    Вьетнама»); empty where none tells."""
    if entity is None or ctx.doc.entities[entity].type not in ("LOC", "ORG"):
        return ""
    place = (gazetteer().lookup(origin) if ctx.doc.entities[entity].type == "LOC"
             else name_place(ctx, origin)) \
        or _bracketed_country(ctx, entity) or _country_adjective_before(ctx, entity)
    return place.country if place is not None else ""


def _country_adjective_before(ctx: Context, entity: int) -> Place | None:
    """The country whose adjective stands a few words before a name of the entity
    («монгольские предприниматели из аймака Дорнод»)."""
    tokens = ctx.doc.tokens
    for index in ctx.doc.entities[entity].mention_ids:
        first = ctx.first(index)
        for token in tokens[max(first - COUNTRY_ADJECTIVE_REACH, 0):first]:
            known = adjective_home(ctx, token) if token.sent_id == tokens[first].sent_id \
                else None
            if known is not None and known.kind == "country":
                return known
    return None


def _bracketed_country(ctx: Context, entity: int, any_kind: bool = False) -> Place | None:
    """The country the text puts in brackets after a name of the entity («штата Карнатака
    (Индия)», «Университета Тханьдо (Вьетнам)»); with ``any_kind``, any place of the
    gazetteer («Университета X (Саппоро)»)."""
    tokens = ctx.doc.tokens
    for index in ctx.doc.entities[entity].mention_ids:
        after = ctx.last(index) + 1
        bracketed = ctx.mention_at.get(after + 1) \
            if after + 1 < len(tokens) and tokens[after].text == "(" else None
        if bracketed is not None and (known := mention_place(ctx, bracketed)) is not None \
                and (any_kind or known.kind == "country"):
            return known
    return None


def _in_region(ctx: Context, group: Delegation, region: Place) -> bool:
    """Does the group come from the region or a place in it, by the gazetteer?"""
    place = _origin_place(ctx, group.origin, group.origin_entity)
    return place is not None and lies_in(place, region)


def _outside(ctx: Context, group: Delegation, country: str) -> bool:
    """Is the group known (by the places gazetteer, or the country the text puts after its
    origin) to come from outside the country of ISO code ``country``?"""
    code = _country_code(ctx, group)
    return bool(country) and bool(code) and code != country


def _named_only_as_origin(ctx: Context, country: str) -> bool:
    """Does the text name no place of the country but as where a group or people come from
    («руководители компаний из Мумбаи»; no trip there, whose people would be the hosts)?"""
    return bool(country) and not any(
        index not in ctx.origin_mentions and (place := mention_place(ctx, index)) is not None
        and place.country == country and not _named_as_whence(ctx, index)
        and not _named_as_trip_to_come(ctx, index)
        for index, mention in enumerate(ctx.doc.mentions) if mention.type == "LOC")


def _named_as_trip_to_come(ctx: Context, index: int) -> bool:
    """Is the place named in a clause of the future or a plan («наши стартапы поедут в
    Исфахан»): no trip there that the text tells as made?"""
    root = ctx.mention_root(index)
    verb = ctx.verb_over(root) if root is not None else None
    return verb is not None and ctx.planned(verb)


def _named_as_whence(ctx: Context, index: int) -> bool:
    """Is the place named after «из», past a place word («компаний из Мумбаи», «из штата
    Махараштра»): where someone comes from?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    before = first - 2 if first >= 2 and tokens[first - 1].pos == "NOUN" \
        and tokens[first - 1].text.islower() else first - 1
    return before >= 0 and tokens[before].lemma in ORIGIN_PREPOSITIONS


def _code_of(name: str) -> str:
    """The ISO code of a country, or of a foreign region's country («карагандинская
    делегация» beside a group from Turkey); empty for anything else."""
    known = gazetteer().lookup(name)
    return known.country if known is not None and known.kind in ("country", "region") else ""


def _country_code(ctx: Context, group: Delegation) -> str:
    """The country (ISO code) a group comes from, where the gazetteer or the text tells."""
    place = _origin_place(ctx, group.origin, group.origin_entity)
    return place.country if place is not None \
        else _stated_country(ctx, group.origin, group.origin_entity)


def _same_body(ctx: Context, first: str, second: str) -> bool:
    """«Минпромторг России» and «Министерство промышленности и торговли России»: one body,
    by its short name (``key_org_short_names``)."""
    if not first or not second:
        return False
    return _full_body_name(ctx, first) == _full_body_name(ctx, second)


def _full_body_name(ctx: Context, name: str) -> str:
    """A body's name key with its short name spelled out («минпромторг россии» →
    «министерство промышленности и торговли россии»)."""
    short_names = ctx.vocab.body_short_names
    words = name_key(name).split()
    if words and words[0] in short_names:
        words[0] = short_names[words[0]]
    return " ".join(words)


def _named_groups(ctx: Context) -> list[int]:
    """The groups a text has named, not the several a plural word announced («принял две
    делегации»)."""
    return [i for i, d in enumerate(ctx.delegations) if not only_several(ctx, d)]


def only_several(ctx: Context, group: Delegation) -> bool:
    """Is the group only the several groups a plural word announced, with no origin
    («Томский технопарк принял сразу две зарубежные делегации»)?"""
    tokens, references = ctx.doc.tokens, ctx.vocab.delegation_references
    return not group.origin and any(_several_groups(ctx, t) for t in group.ref_tokens) \
        and all(_several_groups(ctx, t) or compound_head(tokens[t].lemma) in references
                for t in group.ref_tokens)  # (and «гостей» with them: «принимает гостей»)


def _several_groups(ctx: Context, token_id: int) -> bool:
    """«Делегации прибывают», «делегации двух регионов», «принял три делегации»: a group word
    in the plural, or counted by a numeral above one."""
    token = ctx.doc.tokens[token_id]
    if token.lemma not in ctx.vocab.delegation_heads:
        return False
    if _counted(ctx, token):
        return not any(ctx.doc.tokens[c].lemma == "один" for c in ctx.children.get(token_id, []))
    return "Number=Plur" in token.feats and ("Case=Nom" in token.feats or "Case=Acc" in token.feats)


def _company_group_beside(ctx: Context, index: int, origin_entity: int | None,
                          token_id: int) -> bool:
    """Is the group word a «группа» of a company (its origin an organisation) beside a group a
    singular «делегация» named from a place (``index``)? A company's people are a group of
    their own, not that delegation named more specifically."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    group = ctx.delegations[index]
    if token_id < 0 or origin_entity is None or group.origin_entity is None \
            or tokens[token_id].lemma not in vocab.words("group_anaphor_nouns") \
            or ctx.doc.entities[origin_entity].type != "ORG" \
            or ctx.doc.entities[group.origin_entity].type != "LOC":
        return False
    return any(r.delegation == index and tokens[r.token].lemma in vocab.delegation_heads
               and "Number=Sing" in tokens[r.token].feats for r in ctx.refs)


def _groups_of_one_country(ctx: Context, token: Token, origin: str) -> list[int]:
    """The groups told before from places within ``origin``, where a group word that «оба» or
    «все» says stands for several names it («обе делегации из Китая», «обе иранские
    делегации»): two at least; none otherwise."""
    if not any(ctx.doc.tokens[c].lemma in ctx.vocab.words("both_words") | {"весь"}
               for c in ctx.children.get(token.token_id, [])):
        return []
    within = [i for i, d in enumerate(ctx.delegations) if d.origin
              and not same_place(d.origin, origin)
              and lies_within(ctx, d.origin, d.origin_entity, origin)]
    return within if len(within) >= 2 else []


def groups_of_every_word(ctx: Context, token_id: int) -> list[int]:
    """The groups a word for several groups (``ALL_GROUPS``) stands for: those from places
    within the origin it states («обе делегации из Китая»), else every group named with an
    origin («делегаты из двух стран»)."""
    token = ctx.doc.tokens[token_id]
    named = [i for i, d in enumerate(ctx.delegations) if d.origin]
    if len(named) >= 2 and _group_count(ctx, token) == len(named):
        return named  # «прибыли сразу три делегации. Первую …»: the groups the count announced
    kind = _ref_kind(ctx, token)
    origin = token_origin(ctx, token, kind)[0] if kind is not None else ""
    return (_groups_of_one_country(ctx, token, origin) if origin else []) \
        or groups_told_by(ctx, token.sent_id)


def groups_told_by(ctx: Context, sent_id: int) -> list[int]:
    """The groups the text names with an origin by the sentence ``sent_id`` (not one told of
    later only: «Весной в Астрахань планирует приехать делегация X» after «Каждая из групп
    осмотрела …»)."""
    tokens = ctx.doc.tokens
    return [i for i, d in enumerate(ctx.delegations) if d.origin
            and any(tokens[t].sent_id <= sent_id for t in d.ref_tokens)]


def _another_group(ctx: Context, token: Token) -> bool:
    """Is the group word marked as another group than the ones told before: «ещё один» /
    «ещё одни» right before it, or an adjective of ``another_group_adjectives`` («другие
    гости»)? Not members («другие члены делегации» are of the one named); not an adjective
    after the word the parse hung on it («X и сопровождавшие её лица посетили министерство,
    агентство и другие ведомства»)."""
    tokens, t = ctx.doc.tokens, token.token_id
    if token.lemma in ctx.vocab.words("member_nouns"):
        return False
    if t >= 2 and tokens[t - 1].lemma == "один" and tokens[t - 2].lemma == "ещё":
        return True
    return any(a.lemma in ctx.vocab.words("another_group_adjectives") and a.token_id < t
               for a in _adjectives(ctx, token))


def new_delegation(ctx: Context, origin: str, origin_kind: str, origin_entity: int | None,
                    sent_id: int) -> int:
    ctx.delegations.append(Delegation("", "none", None, sent_id))
    _set_origin(ctx, ctx.delegations[-1], origin, origin_kind, origin_entity, sent_id)
    return len(ctx.delegations) - 1


def _set_origin(ctx: Context, delegation: Delegation, origin: str, origin_kind: str,
                origin_entity: int | None, sent_id: int) -> None:
    if origin_entity is None and origin:
        places = [e for e in ctx.doc.entities if e.type == "LOC" and same_place(e.normal, origin)]
        origin_entity = places[0].entity_id if places else None
    delegation.origin, delegation.origin_kind = origin, origin_kind
    delegation.origin_entity, delegation.origin_sent = origin_entity, sent_id


def _add_delegation_mentions(ctx: Context) -> None:
    """Each delegation becomes an entity; its reference words become flat mentions."""
    doc = ctx.doc
    for delegation in ctx.delegations:
        delegation.entity_id = len(doc.entities)
        doc.entities.append(Entity(delegation.entity_id, DELEGATION, delegation.origin,
                                   f"{DELEGATION}:{fold(delegation.origin)}"))
    added: list[Mention] = []
    marked: set[int] = set()
    for ref in ctx.refs:
        if ctx.mention(ref.token) is not None or ref.token in marked:
            # the entities stage's mentions stand as it found them: --from-stage relations
            # starts from them and must find what a full run finds; a word two rules gave
            # two groups is the first one's mention (one span, one mention)
            continue
        marked.add(ref.token)
        token = doc.tokens[ref.token]
        added.append(Mention(token.start, token.end, DELEGATION, token.text,
                             ctx.delegations[ref.delegation].origin, ref.source,
                             token.sent_id, ctx.delegations[ref.delegation].entity_id))
    ctx.replace_mentions(sorted(doc.mentions + added, key=lambda m: m.start))
    ctx.origin_mentions = set()
    for delegation in ctx.delegations:
        for ref_token in delegation.ref_tokens:
            token_origin(ctx, doc.tokens[ref_token], "head")  # re-mark origin mentions


@matcher("member_visitor")
def member_visitor(ctx: Context, rule: RelationRule) -> None:
    """«по итогам визита посла Египта X и советника Y»: the persons whose visit made the
    group (``delegation.visit``) are its members, where there are two or more (the one
    official «который находится с визитом» heads his trip: ``headed_by.visitor``; of
    «X и Y, которые находятся …» the one named last is a member)."""
    for ref in ctx.refs:
        if ref.source == "rule:delegation.staying" and not staying_alone(ctx, ref):
            person = staying_person(ctx, ref.token)
            if person is not None:
                ctx.add(rule, ctx.entity(person), ctx.delegation_entity(ref), ref.sent_id)
        if ref.source != "rule:delegation.visit":
            continue
        persons = visitors(ctx, ref.token)
        if len(persons) < 2:
            continue  # one official's visit: he heads it (``headed_by.visitor``)
        for person in persons:
            ctx.add(rule, ctx.entity(person), ctx.delegation_entity(ref), ref.sent_id)


@matcher("member_group_list")
def member_group_list(ctx: Context, rule: RelationRule) -> None:
    """«тверские компании «Альфа», «Бета» и «Гамма»»: the organisations a plural group word
    («компании», «предприятия») lists right after it are the group's members."""
    tokens = ctx.doc.tokens
    for ref in ctx.refs:
        token = tokens[ref.token]
        if token.lemma not in ctx.vocab.delegation_groups or "Number=Plur" not in token.feats:
            continue
        t = ref.token + 1
        if t + 1 < len(tokens) and tokens[t].text == "," and tokens[t + 1].lemma == "как":
            t += 2  # «такие омские компании, как X, Y»
        while t < len(tokens) and tokens[t].sent_id == ref.sent_id:
            t = past_legal_forms(ctx, t)
            index = ctx.mention_at.get(t)
            if index is None or ctx.mention_type(index) != "ORG":
                break
            if index not in ctx.origin_mentions:
                ctx.add(rule, ctx.entity(index), ctx.delegation_entity(ref), ref.sent_id)
            t = ctx.last(index) + 1
            if t >= len(tokens) or tokens[t].text not in (",", "и") or t in ctx.mention_at:
                break
            t += 1


def past_legal_forms(ctx: Context, t: int) -> int:
    """The token after the legal forms and abbreviated kinds before a company's name from
    ``t`` («ООО НТФ «Альфа»», «НПО «Бета»»: the mention is the quoted name)."""
    tokens = ctx.doc.tokens
    while t < len(tokens) and t not in ctx.mention_at and (
            ctx.legal_form(t)
            or (tokens[t].text.isupper() and tokens[t].text.isalpha()
                and 2 <= len(tokens[t].text) <= 5)):
        t += 1
    return t


def drop_solo_trips(ctx: Context) -> None:
    """«Губернатор X посетил технопарк Y»: a group found only from one official's own trip
    (each of its references of a ``solo_trip_refs`` kind, or one guest) and given no member is no
    delegation — a delegation is a group that travels (ANNOTATION.md). Its facts, words and
    entity are taken out once every rule has run (a member found makes it a group: «Вместе
    с послом в поездке участвовали …»). An empty list keeps such trips as groups of one."""
    solo = {f"rule:delegation.{kind}" for kind in ctx.vocab.words("solo_trip_refs")}
    # (the groups each of whose words is a solo kind, or one guest: «губернатор принял гостя
    # из-за океана» tells of one person)
    guests = ctx.vocab.words("guest_nouns")
    trips = {ref.delegation for ref in ctx.refs if ref.source in solo}
    not_solo = {ref.delegation for ref in ctx.refs if ref.source not in solo and not (
        ctx.doc.tokens[ref.token].lemma in guests
        and "Number=Sing" in ctx.doc.tokens[ref.token].feats
        and ref.source in (BARE_REFERENCE, "rule:delegation.group")
    ) and not (ref.delegation in trips and _people_staying_home(ctx, ref))}
    heads = {(group, person) for group, person, _ in ctx.found_of("HEADED_BY")}
    # a member besides the traveller himself, stated surely enough to be kept, by a rule that
    # tells of companions (not one that finds the visiting side: the traveller is it)
    members = [(member, group) for member, group, fact in ctx.found_of("MEMBER_OF_DELEGATION")
               if (group, member) not in heads and fact.confidence >= DEFAULT_MIN_CONFIDENCE]
    joined = {group for member, group in members
              if not ctx.stated_by.get(("MEMBER_OF_DELEGATION", member, group), set())
              <= TRAVELLER_MEMBER_RULES}
    # (two travellers or more are a group, whichever rule found them)
    joined |= {group for group, count in Counter(group for _, group in members).items()
               if count >= 2}
    # («Министр X с сопровождающими побывал в Y»: an official's entourage makes a group)
    not_solo |= {ref.delegation for ref in ctx.refs if _with_entourage(ctx, ref.token)}
    # (a group only listed beside another has no reference of its own: it stays)
    dropped = {ref.delegation for ref in ctx.refs} - not_solo if solo else set()
    _drop_groups(ctx, {i for i in dropped if ctx.delegations[i].entity_id not in joined})


def _people_staying_home(ctx: Context, ref: Ref) -> bool:
    """Is the reference a word for people of the group's place (not a group's own word) whose
    verb tells of no trip («челябинские предприниматели хотят работать с партнёрами»): they
    make no companions of an official's lone trip?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    token = tokens[ref.token]
    if ref.source != "rule:delegation.group" or token.lemma not in vocab.delegation_groups \
            or token.lemma in vocab.group_words or token.lemma in vocab.words("guest_nouns") \
            or "Number=Plur" not in token.feats or token.head_id < 0:
        return False
    verb = tokens[token.head_id]
    return verb.pos == "VERB" and verb.lemma not in _travel_verbs(ctx)


def _travel_verbs(ctx: Context) -> set[str]:
    """The verbs of a trip: of visiting, moving, arriving, leaving, travelling with someone
    and being somewhere."""
    vocab = ctx.vocab
    return vocab.visit_triggers | vocab.words("visit_motion_verbs") \
        | vocab.words("arrival_verbs") | vocab.words("departure_verbs") \
        | vocab.words("companion_travel_verbs") | vocab.words("presence_verbs")


def _with_entourage(ctx: Context, verb: int) -> bool:
    """Does an entourage go with the verb's traveller: a word of ``entourage_words`` after
    «с» or «в» that the verb takes, or its subject («X с сопровождающими лицами прибыл в Y»,
    «X в сопровождении советников прибыл в Y»)?"""
    tokens, words = ctx.doc.tokens, ctx.vocab.words("entourage_words")
    for t in ctx.sentence(tokens[verb].sent_id):
        # «с сопровождающими», «в сопровождении советников»
        if t < 1 or tokens[t].lemma not in words \
                or tokens[t - 1].lemma not in ("с", "со", "в", "во"):
            continue
        # (past its «лицами» and the traveller's title)
        if tokens[t].head_id >= 0 and ctx.verb_over(tokens[t].head_id, steps=2) == verb:
            return True
    return False


def drop_groups_going_nowhere(ctx: Context) -> None:
    """«с участием инвесторов из КНР», «коллеги из Кореи привезут экспозицию», «инвесторов из
    Башкирии, в их числе «X»»: plural people named by where they are from (each word of the
    group of that kind: ``rule:delegation.group``) of whom the text tells no visit, head or
    event travel nowhere it says: no delegation (ANNOTATION.md: a group that travels)."""
    told = {entity for (kind, a, b) in ctx.found
            if kind in ("VISITED", "HEADED_BY", "PARTICIPATED_IN") for entity in (a, b)}
    kinds: dict[int, set[str]] = defaultdict(set)
    for ref in ctx.refs:
        kinds[ref.delegation].add(ref.source)
    _drop_groups(ctx, {i for i, sources in kinds.items()
                       if sources == {"rule:delegation.group"}
                       and ctx.delegations[i].entity_id not in told})


def _drop_groups(ctx: Context, dropped: set[int]) -> None:
    """Take the delegations ``dropped`` (indexes), their words, entities and facts out."""
    if not dropped:
        return
    gone = {ctx.delegations[i].entity_id for i in dropped}
    doc = ctx.doc
    new_id = {}
    for entity in doc.entities:
        if entity.entity_id not in gone:
            new_id[entity.entity_id] = len(new_id)
    doc.entities[:] = [e for e in doc.entities if e.entity_id not in gone]
    for entity in doc.entities:
        entity.entity_id = new_id[entity.entity_id]
    mentions = [m for m in doc.mentions if m.entity_id not in gone]
    for mention in mentions:
        mention.entity_id = new_id.get(mention.entity_id, mention.entity_id)
    for facts in (ctx.found, ctx.stated_by, ctx.stated_in):
        kept = {(kind, new_id[a], new_id[b]): value for (kind, a, b), value in facts.items()
                if a not in gone and b not in gone}
        facts.clear()
        facts.update(kept)
    for relation in ctx.found.values():
        relation.arg1, relation.arg2 = new_id[relation.arg1], new_id[relation.arg2]
    ctx.cache.clear()  # (what matchers computed holds the old entity ids)
    _keep_groups(ctx, {i: i for i in range(len(ctx.delegations)) if i not in dropped})
    for delegation in ctx.delegations:
        delegation.entity_id = new_id.get(delegation.entity_id, delegation.entity_id)
        delegation.head = new_id.get(delegation.head, delegation.head) \
            if delegation.head is not None else None
    ctx.replace_mentions(mentions)

"""Keys into the tables: entity rows keyed (the document passes run here), relation rows
with their arguments' keys (one row per fact), and the ``names`` table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyarrow as pa

from ..coreference import QUOTED_NAME
from ..doc import DELEGATION, fold
from ..normal_form import MIXED_CASE_ACRONYM
from ..places import name_key
from .bodies import (
    Expansions,
    abbreviations_of_another_country,
    abbreviations_of_another_region,
    abbreviations_the_batch_expands,
    abbreviations_the_document_expands,
    bare_bodies_of_russia_and_its_regions,
    bare_heads_of_the_document,
    batch_abbreviation_expansions,
    bodies_named_with_the_documents_abbreviation,
    bodies_of_a_country_named,
    bodies_of_the_country,
    companies_apart_from_parks,
    company_apart_from_park,
    every_countrys_bodies_of_another_country,
    headed_initials_of_the_document,
    in_document,
    keys_apart_by_place,
    missions_abroad,
    parks_apart_by_kind,
    parks_named_with_their_country,
    parks_of_the_documents_region,
    parts_of_a_body_the_document_names,
    parts_the_document_writes_short,
    place_initials_of_the_document,
    places_tagged_as_bodies,
    places_tagged_as_people,
    quoted_somewhere,
    region_head_of_the_documents_place,
    regional_bodies_of_the_document,
    regional_short_names,
    short_ministries_of_the_document,
    short_names_of_the_documents_region,
    short_place_named_in_full,
    sites_tagged_as_places,
    state_form_of_the_documents_country,
    towns_named_like_regions,
)
from .people import (
    first_name_and_patronymic,
    namesakes_elsewhere,
    near_surnames_of_the_document,
    relatives_named_by_first_name,
    short_person_names,
    surnames_of_two_people,
    tails_of_long_names,
)

if TYPE_CHECKING:
    from .resolver import KeyResolver


# what a document makes definite, in this order (each pass sees the keys the ones before set)
DOCUMENT_PASSES = (in_document, towns_named_like_regions, parks_apart_by_kind,
                   headed_initials_of_the_document,
                   abbreviations_the_document_expands,
                   parts_the_document_writes_short, short_ministries_of_the_document,
                   abbreviations_of_another_region,
                   abbreviations_of_another_country,
                   bare_bodies_of_russia_and_its_regions,
                   parts_of_a_body_the_document_names, short_person_names,
                   first_name_and_patronymic, tails_of_long_names, namesakes_elsewhere,
                   near_surnames_of_the_document,
                   surnames_of_two_people, relatives_named_by_first_name,
                   places_tagged_as_people, places_tagged_as_bodies,
                   regional_short_names, short_names_of_the_documents_region,
                   keys_apart_by_place,
                   short_place_named_in_full, place_initials_of_the_document,
                   bodies_named_with_the_documents_abbreviation,
                   state_form_of_the_documents_country, region_head_of_the_documents_place,
                   bodies_of_the_country, bodies_of_a_country_named,
                   every_countrys_bodies_of_another_country,
                   parks_named_with_their_country,
                   missions_abroad,
                   regional_bodies_of_the_document, parks_of_the_documents_region,
                   bare_heads_of_the_document, sites_tagged_as_places)


def _keyed_type(row: dict, resolver: KeyResolver) -> str:
    """The type a row is keyed as: a one-word name tagged ORG that no mention quotes and that
    names a region or a country in any case («развитие Зауралья») is the place; quoted, it
    is a company of that name («Сибирь»). A name tagged LOC that is an organisation's short
    name («ЕАЭС») is the organisation's. A name tagged LOC that every mention writes in
    quotes alone and that is no place of the gazetteer («в «Озёрную долину»») is a park's
    or a company's."""
    word = row["normal"].strip()
    if row["type"] == "LOC" and name_key(word) in dict(resolver.words.org_short_names) \
            and resolver.places.lookup(word) is None:
        return "ORG"  # «ЕАЭС», «ЕС» tagged LOC: an international organisation's short name
    if row["type"] == "LOC" and MIXED_CASE_ACRONYM.search(word) and " " not in word \
            and resolver.places.lookup(word) is None:
        return "ORG"  # «УрФУ» tagged LOC: an acronym of mixed case is no place's
    if row["type"] == "LOC" and row["aliases"] \
            and all(QUOTED_NAME.fullmatch(alias.strip()) for alias in row["aliases"]) \
            and resolver.places.lookup(word.strip("«»")) is None:
        return "ORG"
    if row["type"] != "ORG" or not word or " " in word or quoted_somewhere(row):
        return row["type"]
    return "LOC" if resolver.region_of_one_word(word) is not None \
        or _a_place_more_often(word, resolver) else row["type"]


def _a_place_more_often(word: str, resolver: KeyResolver) -> bool:
    """Whether the batch tags a one-word name LOC in more documents than it tags it ORG or
    PARK (a town's district, «в Кедрогородке», tagged ORG once: the place)."""
    place = resolver.things.get(resolver.identity("LOC", word))
    site = resolver.things.get(resolver.identity("ORG", word))
    return place is not None and place.types["LOC"] > 0 \
        and place.documents > (site.documents if site is not None else 0)


def rekey_entities(entities: pa.Table, resolver: KeyResolver,
                   expanded: Expansions | None = None) -> pa.Table:
    """``entities`` with canonical keys and types, and delegations' origin columns.
    ``expanded``: where ``entities`` are one part of a batch, the abbreviations the whole
    batch expands (``batch_expansions`` of every part)."""
    rows = _keyed_rows(entities, resolver)
    abbreviations_the_batch_expands(rows, resolver, expanded)
    by_doc: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in rows:
        if row["type"] != DELEGATION:
            by_doc[row["doc_id"]].setdefault(fold(row["normal"]), row)
    for row in rows:
        if row["type"] == DELEGATION:
            row["origin_key"], row["origin_country"] = resolver.origin(
                row["normal"], by_doc[row["doc_id"]])
            row["entity_key"] = _delegation_key(row, resolver)
        else:
            row["origin_key"] = row["origin_country"] = None
    return pa.Table.from_pylist(rows, schema=entities.schema)


def batch_expansions(entities: pa.Table, resolver: KeyResolver,
                     into: Expansions | None = None) -> Expansions:
    """The abbreviations one part of a batch expands, added to ``into`` (see
    ``rekey_entities``)."""
    return batch_abbreviation_expansions(_keyed_rows(entities, resolver), resolver, into)


def _keyed_rows(entities: pa.Table, resolver: KeyResolver) -> list[dict]:
    """The rows with their keys and types, as each of their documents makes them definite."""
    rows = entities.to_pylist()
    own_types = [row["type"] for row in rows]
    for row in rows:
        if row["type"] != DELEGATION:
            row["entity_key"] = resolver.key(_keyed_type(row, resolver), row["normal"])
            row["type"] = row["entity_key"].split(":", 1)[0]
    documents: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    for row, own_type in zip(rows, own_types, strict=True):
        documents[row["doc_id"]].append((row, own_type))
    for document in documents.values():
        company_apart_from_park(document)
        companies_apart_from_parks(document, resolver.words)
        document_rows = [row for row, _ in document]
        for make_definite in DOCUMENT_PASSES:
            make_definite(document_rows, resolver)
    return rows


def _delegation_key(row: dict, resolver: KeyResolver) -> str:
    """A delegation's key by its origin's: a place of the gazetteer under its canonical name,
    whichever name the text gave it («Южный Урал», «Челябинская область»: one key)."""
    origin_type, _, origin = (row["origin_key"] or "").partition(":")
    if origin_type == "LOC":
        return f"{DELEGATION}:{origin}"
    return resolver.key(DELEGATION, row["normal"])


def rekey_relations(relations: pa.Table, entities: Iterable[dict]) -> pa.Table:
    """``relations`` with each argument's key and type from (rekeyed) ``entities`` rows, and
    the origin of a delegation argument."""
    by_id = {(row["doc_id"], row["entity_id"]): row for row in entities}
    rows = relations.to_pylist()
    for row in rows:
        first = by_id.get((row["doc_id"], row["arg1_id"]))
        second = by_id.get((row["doc_id"], row["arg2_id"]))
        row["arg1_key"] = first["entity_key"] if first else None
        row["arg2_key"] = second["entity_key"] if second else None
        if first and row["arg1_type"] != DELEGATION:
            row["arg1_type"] = first["type"]
        if second and row["arg2_type"] != DELEGATION:
            row["arg2_type"] = second["type"]
        delegation = first if first and first["type"] == DELEGATION else \
            second if second and second["type"] == DELEGATION else None
        row["origin_key"] = delegation["origin_key"] if delegation else None
        row["origin_country"] = delegation["origin_country"] if delegation else None
    return pa.Table.from_pylist(_one_row_per_fact(rows), schema=relations.schema)


def _one_row_per_fact(rows: list[dict]) -> list[dict]:
    """A document states a fact once, whichever of its entities the key unites («ОЭЗ
    «Протва»» and «особой экономической зоны «Протва»», two entities of one key): the surest
    row of each (document, type, argument keys), at its earliest sentence, so that counting
    rows counts facts (a user's visits by country counted such a visit twice). Not where the
    document places the two entities apart (LOCATED_IN in different places: «технопарк «Кедр»
    в Туле и индустриальный парк «Кедр» в Калуге» are two parks the key does not tell
    apart)."""
    placed: dict[tuple[str, int], set[str]] = defaultdict(set)
    for row in rows:
        if row["type"] == "LOCATED_IN" and row["arg2_key"]:
            placed[(row["doc_id"], row["arg1_id"])].add(row["arg2_key"])

    def apart(one: dict, other: dict) -> bool:
        for arg in ("arg1_id", "arg2_id"):
            here, there = placed[(one["doc_id"], one[arg])], placed[(other["doc_id"], other[arg])]
            if here and there and not here & there:
                return True
        return False

    kept: dict[tuple, list[dict]] = {}
    for row in sorted(rows, key=lambda r: (-(r["confidence"] or 0.0), r["sent_id"] or 0)):
        if row["arg1_key"] is None or row["arg2_key"] is None:
            kept[("row", id(row))] = [row]
            continue
        same = kept.setdefault((row["doc_id"], row["type"], row["arg1_key"], row["arg2_key"]), [])
        if all(apart(row, other) for other in same):
            same.append(row)  # the first of its fact, or a fact of a thing placed apart
    ids = {id(row) for group in kept.values() for row in group}
    return [row for row in rows if id(row) in ids]


NAMES_SCHEMA = pa.schema([("entity_key", pa.string()), ("alias", pa.string()),
                          ("n_documents", pa.int64())])


def names_table(entities: pa.Table, mentions: pa.Table | None = None) -> pa.Table:
    """Every surface and normal form seen for each key (the entities' normal forms and
    surfaces, and the ``mentions``' normal forms), with the number of documents; sorted.
    Computed in Arrow: an output of millions of documents is counted without a Python
    object per row."""
    import pyarrow.compute as pc

    named = pc.and_(pc.not_equal(entities.column("type"), DELEGATION),
                    pc.is_valid(entities.column("entity_key")))
    entities = entities.filter(named)
    aliases = entities.column("aliases").combine_chunks()
    parents = pc.list_parent_indices(aliases)
    parts = [
        pa.table({"entity_key": entities.column("entity_key"),
                  "alias": entities.column("normal"), "doc_id": entities.column("doc_id")}),
        pa.table({"entity_key": entities.column("entity_key").take(parents),
                  "alias": pc.list_flatten(aliases),
                  "doc_id": entities.column("doc_id").take(parents)}),
    ]
    if mentions is not None:
        joined = mentions.select(["doc_id", "entity_id", "normal"]).join(
            entities.select(["doc_id", "entity_id", "entity_key"]), ["doc_id", "entity_id"],
            join_type="inner")
        parts.append(pa.table({"entity_key": joined.column("entity_key"),
                               "alias": joined.column("normal"),
                               "doc_id": joined.column("doc_id")}))
    rows = pa.concat_tables([part.cast(pa.schema([("entity_key", pa.string()),
                                                  ("alias", pa.string()),
                                                  ("doc_id", pa.string())]))
                             for part in parts])
    alias = pc.utf8_trim_whitespace(pc.replace_substring_regex(rows.column("alias"), r"\s+",
                                                               " "))
    rows = rows.set_column(1, "alias", alias)
    rows = rows.filter(pc.and_(pc.is_valid(rows.column("alias")),
                               pc.not_equal(rows.column("alias"), "")))
    counted = rows.group_by(["entity_key", "alias"]).aggregate([("doc_id", "count_distinct")])
    counted = counted.rename_columns(
        ["n_documents" if name == "doc_id_count_distinct" else name
         for name in counted.column_names])
    order = pc.sort_indices(counted, [("entity_key", "ascending"), ("alias", "ascending")])
    return counted.take(order).select(NAMES_SCHEMA.names).cast(NAMES_SCHEMA)


def add_names(names: pa.Table, more: pa.Table) -> pa.Table:
    """Two ``names`` tables of disjoint sets of documents as one: counts added, sorted."""
    import pyarrow.compute as pc

    rows = pa.concat_tables([names.cast(NAMES_SCHEMA), more.cast(NAMES_SCHEMA)])
    counted = rows.group_by(["entity_key", "alias"]).aggregate([("n_documents", "sum")])
    counted = counted.rename_columns(
        ["n_documents" if name == "n_documents_sum" else name for name in counted.column_names])
    order = pc.sort_indices(counted, [("entity_key", "ascending"), ("alias", "ascending")])
    return counted.take(order).select(NAMES_SCHEMA.names).cast(NAMES_SCHEMA)


def rekey_batch(entities: pa.Table, relations: pa.Table, resolver: KeyResolver
                ) -> tuple[pa.Table, pa.Table]:
    """One batch in memory: its entities and relations with canonical keys."""
    resolver.learn_places_of_sites(relations)  # first: learn keeps the rows of placed things
    resolver.learn(entities)
    entities = rekey_entities(entities, resolver)
    return entities, rekey_relations(relations, entities.to_pylist())

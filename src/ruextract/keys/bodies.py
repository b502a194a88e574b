"""Document passes for places, bodies, parks and abbreviations: a short name is the
longer one its document writes; a bare body is the body of the country or region the
document is about; an abbreviation is what the document (or batch) expands it to; a park
of a region's level is that region's park."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..coreference import QUOTED_NAME, TOWN_MARK, initials
from ..doc import DELEGATION, fold
from ..morph import dictionary, word_parses
from ..normal_form import MIXED_CASE_ACRONYM
from ..places import Place, name_key, region_head_genitives, region_of
from .ministries import MINISTRY, short_ministry_body, spells_ministry
from .readings import (
    SYLLABLE_ABBREVIATION,
    common_word,
    country_of_place,
    host_country,
    named_most,
    places_named_by,
    places_of_adjectives,
    russian_regions,
    syllables_lead,
    with_legal_form,
)
from .words import (
    ABBREVIATION,
    CYRILLIC_ABBREVIATION,
    FAMILIES,
    HEADED_ABBREVIATION,
    LATIN_LETTERS,
    LATIN_ONE_WORD,
    SMALL_WORDS,
    KeyWords,
    park_kind,
)

if TYPE_CHECKING:
    from .resolver import KeyResolver


# what parts a longer event's name from the event it begins: «Иннопром. Беларусь», «Стальной
# форум — Азия», «Стальной форум: Азия»
EVENT_PARTS = (".", " —", " –", " -", ":")


def in_document(rows: list[dict], resolver: KeyResolver) -> None:
    """Short names that the document itself makes definite: a bare event name is the
    document's one event that it begins («Иннопром» where «Иннопром. Беларусь» or «Иннопром —
    Беларусь» is written); an event's generic words alone are its one event whose name they
    begin, or (one word) end («ЭКСПО» where «Кедровское ЭКСПО» is written);
    a park's bare type word is the document's one park of that type word («Технополиса»
    where «Технополис «Химград»» is written); a name of two words or more, or a body's bare
    head or short name, is the one longer name of the document that it begins («IT Park»
    where «IT Park Uzbekistan» is written, «Минпромторг» where «Минпромторг ДНР» is)."""
    named = [row for row in rows if row["type"] in ("EVENT", "PARK", "ORG")]
    for row in named:
        key = row["entity_key"]
        family, _, name = key.partition(":")
        if family == "EVENT":
            if any(other is not row and other["entity_key"] == key
                   and name_key(other["normal"]) != name_key(row["normal"]) for other in named):
                continue  # «Иннопром» beside «выставка «Иннопром-2025»» and «Иннопром.
                # Центральная Азия»: the document writes the bare event in full of its own
            longer = {other["entity_key"] for other in named
                      if other["entity_key"].startswith(tuple(key + mark
                                                              for mark in EVENT_PARTS))}
            if not longer:
                longer = {other["entity_key"] for other in named
                          if other["entity_key"].startswith("EVENT:")
                          and _shortened_event(name, other["entity_key"].partition(":")[2])}
            if not longer and _only_event_words(name_key(row["normal"]), resolver.words):
                # only an event's generic words («Международная выставка-форум»): the
                # document's one event whose name they begin («… выставка-форум «Кедр»»), or
                # one word, the one whose name it ends («ЭКСПО» of «Кедровское ЭКСПО»)
                generic = name_key(row["normal"])
                longer = {other["entity_key"] for other in named if other is not row
                          and other["entity_key"].startswith("EVENT:")
                          and ((written := name_key(other["normal"])).startswith(generic + " ")
                               or (" " not in generic and written.endswith(" " + generic)))}
        elif family in ("PARK", "ORG") and (" " in _letters(name)
                                            or resolver.is_body_head(name)) \
                and not _quoted_in_full(row, name):
            # (not a number after it: «Долина-2» is the second site, not «Долина»); the name as
            # the row writes it too: the batch may key a bare «Минпромторг» as «Минпромторг
            # России», and the document's «Минпромторг ДНР» begins with what it wrote
            written, short = name_key(row["normal"]).split(), name.split()
            if len(written) > len(short) and written[:len(short)] == short \
                    and resolver.places.lookup(" ".join(written[len(short):])) is not None:
                continue  # «Минпромторг России»: its place written, no short name to widen
            if len(written) > 2 and not _letters(row["normal"]).startswith(_letters(name)) \
                    and any(resolver.places.lookup(" ".join(written[-n:])) is not None
                            for n in (1, 2)):
                continue  # «Министерство … Российской Федерации» keyed by the batch as
                # «Минпромторг»: its place written, not the document's «Минпромторг РТ»
            if resolver.two_letter_acronym(row["normal"].strip()):
                # two letters the batch expands («КМ» for its «Кедровый металлург») are that
                # name, not the document's longer name they begin («КМ Ольхово»: another)
                continue
            shorts = {_letters(name), _letters(row["normal"])}
            longer = {other["entity_key"] for other in named if other["entity_key"] != key
                      for written in [_letters(other["entity_key"].partition(":")[2])]
                      for short in shorts if written.startswith(short + " ")
                      and not written[len(short):].replace(" ", "").isdigit()}
            expansion = dict(resolver.words.org_short_names).get(name_key(row["normal"]))
            if not longer and expansion:
                # «Минпромторг» beside «Министерство промышленности и торговли Республики
                # Беларусь»: the one body of the document whose name its expansion begins
                longer = {other["entity_key"] for other in named if other["entity_key"] != key
                          and name_key(other["normal"]).startswith(expansion + " ")}
            if not longer and " " not in name:
                # a bare head before the one name of the document that the batch writes after
                # it in quotes: «Фонда» where «Кедроград» is written (and «Фонд «Кедроград»»)
                longer = {other["entity_key"] for other in named if other is not row
                          and name_key(name) in resolver.heads_of.get(
                              resolver.identity(other["type"], other["normal"]), ())}
            if " " not in name and resolver.is_body_head(name):
                # a bare head that closes the one longer name: «Думы» where «Государственная
                # Дума» is written
                longer |= {other["entity_key"] for other in named if other["type"] == "ORG"
                           and any(_letters(written).endswith(" " + _letters(name)) for written
                                   in (other["entity_key"].partition(":")[2],
                                       name_key(other["normal"])))}
        elif family == "ORG" and LATIN_ONE_WORD.fullmatch(name):
            # «Daesung» where «Daesung Bio» is written, «Hengtai» where «Shandong Hengtai
            # Machinery» is: the document's one company it is the short name of
            longer = {other["entity_key"] for other in named if other["entity_key"] != key
                      and resolver.company_short_name(fold(other["normal"]), latin=True) == name}
            if any(other["entity_key"] == key and " " in other["normal"].strip()
                   for other in named):
                longer = set()  # «Samsung Group» written too: the short name is the group's
        elif family in ("PARK", "ORG") and name in resolver.words.park_type_words:
            longer = {other["entity_key"] for other in named if other["type"] == "PARK"
                      and other["entity_key"] != key
                      and fold(other["normal"]).split()[:1] == [name]}
        else:
            continue
        if len(longer) == 1:
            row["entity_key"] = next(iter(longer))
            row["type"] = row["entity_key"].split(":", 1)[0]


def _quoted_in_full(row: dict, name: str) -> bool:
    """Whether a mention writes the name whole in quotes («технопарк «ИТ-парк»»): a name of
    its own, not the start of a longer one («IT-парк имени …» is another park)."""
    return any(_letters(quoted.group(0).strip("«»")) == _letters(name)
               for alias in [row["normal"], *(row["aliases"] or ())]
               for quoted in QUOTED_NAME.finditer(alias))


def _shortened_event(short: str, name: str) -> bool:
    """Whether an event's name is a longer one of its document with words left out, the first
    and last words kept: «Петербургский форум» of «Петербургский экономический форум» (keys'
    names, folded). A bare one-word name («ЭКСПО») is left to ``in_document``'s generic words."""
    words, longer = short.split(), name.split()
    if len(words) < 2 or len(words) >= len(longer) or words[-1] != longer[-1] \
            or words[0] != longer[0]:
        return False
    rest = iter(longer[:-1])
    return all(word in rest for word in words[:-1])


def _letters(name: str) -> str:
    """A name as its words compare in one document whatever its alphabet: Latin words
    letter by letter in Cyrillic, hyphens as spaces («IT Park» ~ «IT-парк» ~ «ИТ парк»)."""
    words = fold(name).replace("-", " ").split()
    return " ".join("".join(LATIN_LETTERS.get(letter, letter) for letter in word)
                    for word in words)


def parks_apart_by_kind(rows: list[dict], resolver: KeyResolver) -> None:
    """A park of a name the batch writes after another kind's words too is another thing,
    where its document does not write that kind: an industrial park («промпарк «Кедровая»»)
    beside a special zone («ОЭЗ «Кедровая»»: a zone is often made on an industrial park's
    land, and keeps its name), a technopark («технопарк «Кедровая»») beside an industrial
    park of that name; the news name the two apart. Its key, and its document's bare name's,
    get the park's kind."""
    kinds: dict[tuple[str, ...], set[str | None]] = {}

    def kinds_written(row: dict) -> set[str | None]:
        """The kinds the row's names make it (``park_kind``), found once for those names."""
        written = (row["normal"], *(row["aliases"] or ()))
        if written not in kinds:
            kinds[written] = {park_kind(name, resolver.words) for name in written}
        return kinds[written]

    # the kind, the names the batch writes as the other kind, that kind, the key's mark
    pairs = (("industrial park", resolver.zone_names, "zone", "индустриальный парк"),
             ("technopark", resolver.industrial_park_names, "industrial park", "технопарк"))
    for kind, others, other_kind, mark in pairs:
        apart: dict[str, str] = {}
        for row in rows:
            if row["type"] not in ("PARK", "ORG") or row["entity_key"] in apart:
                continue
            if resolver.identity(row["type"], row["normal"]) in others \
                    and kind in kinds_written(row):
                apart[row["entity_key"]] = f"{row['entity_key']} ({mark})"
        both = {row["entity_key"] for row in rows
                if row["entity_key"] in apart and other_kind in kinds_written(row)}
        for key in both:
            if len({row["entity_id"] for row in rows if row["entity_key"] == key
                    and (kind in kinds_written(row)) != (other_kind in kinds_written(row))}) > 1:
                # «ижевский технопарк «X» и индустриальный парк «X» в Чебоксарах»: the
                # document keeps the two apart itself, each of its own kind
                for row in rows:
                    if row["entity_key"] == key and kind in kinds_written(row) \
                            and other_kind not in kinds_written(row):
                        row["entity_key"] = apart[key]
                del apart[key]
                continue
            # the document writes the other kind too: one park, unless it places the two in
            # two regions («технопарк «X» в Томске … индустриальный парк «X» в Калуге»)
            own = [row for row in rows if row["entity_key"] == key and kind in kinds_written(row)]
            if _placed_apart(own, [row for row in rows if row["entity_key"] == key
                                   and other_kind in kinds_written(row)], resolver):
                for row in own:
                    row["entity_key"] = apart[key]
            del apart[key]
        for row in rows:
            row["entity_key"] = apart.get(row["entity_key"], row["entity_key"])


def _placed_apart(rows: list[dict], others: list[dict], resolver: KeyResolver) -> bool:
    """Does the document place every one of ``rows`` and of ``others`` (LOCATED_IN), the ones
    in one region and the others in another (not rows of one entity)?"""
    def regions(of: list[dict]) -> set[str]:
        placed = [resolver.located.get((row["doc_id"], row["entity_id"])) for row in of]
        return {region_of(place) or place.canonical for place in placed if place is not None} \
            if all(placed) else set()

    own, other = regions(rows), regions(others)
    return len(own) == 1 and len(other) == 1 and own != other \
        and not {row["entity_id"] for row in rows} & {row["entity_id"] for row in others}


def places_tagged_as_people(rows: list[dict], resolver: KeyResolver) -> None:
    """A one-word name tagged PER that no person of the batch or its document explains, that
    the dictionary does not read as a person's name, and that the batch tags LOC (or PARK, or
    ORG) in as many documents or more is that place (park, organisation): «город-побратим
    Дархан» (NER: PER) where another document writes «в Дархане»."""
    for row in rows:
        word = row["normal"].strip()
        if row["type"] != "PER" or not word or " " in word \
                or row["entity_key"] != f"PER:{fold(word)}":
            continue  # a person's full name, or made one by the batch or its document
        if any({"Surn", "Name", "Patr"} & parse.tag.grammemes
               for parse in word_parses(word.lower())):
            continue  # («Королёв»: a surname as well as a town)
        person = resolver.things.get(resolver.identity("PER", word))
        for entity_type in ("LOC", "PARK", "ORG"):
            # («Кедропарк» tagged PER where another document writes «в Кедропарке»: the park)
            thing = resolver.things.get(resolver.identity(entity_type, word))
            if thing is not None and thing.types[entity_type] \
                    and thing.documents >= (person.documents if person else 0):
                row["entity_key"] = resolver.key(entity_type, word)
                row["type"] = row["entity_key"].split(":", 1)[0]
                break


def quoted_somewhere(row: dict) -> bool:
    """Does a mention of the entity write it in quotes (a company's or a park's name)?"""
    return any(quote in alias for alias in row["aliases"] or () for quote in "«\"")


def places_tagged_as_bodies(rows: list[dict], resolver: KeyResolver) -> None:
    """A one-word name tagged ORG that no mention quotes, in a document that tags the same
    name LOC, is that place: «глава Заречинска» (NER: ORG) beside «в Заречинске» is the
    town, not ПАО «Заречинск» of another document (a company is quoted or has a legal form)."""
    places = {name_key(row["normal"]): row["entity_key"] for row in rows
              if row["type"] == "LOC" and row["normal"].strip()}
    for row in rows:
        word = row["normal"].strip()
        if row["type"] != "ORG" or not word or " " in word or _written_as_abbreviation(word) \
                or quoted_somewhere(row):
            continue  # (an abbreviation tagged both ways is its organisation's: below)
        place = places.get(name_key(word))
        if place is not None:
            row["entity_key"] = place
            row["type"] = "LOC"


def towns_named_like_regions(rows: list[dict], resolver: KeyResolver) -> None:
    """«в городе Асуане»: a place the gazetteer knows as a region (or does not know), written
    after a town's word where the document names the region too (two rows of the name) or
    the gazetteer knows a town of the name besides (coreference.towns_of_region_names told
    them apart), is the town: the region's key with «(город)»."""
    named = Counter(fold(row["normal"]) for row in rows if row["type"] == "LOC")
    for row in rows:
        if row["type"] != "LOC" or row["entity_key"] != resolver.key("LOC", row["normal"]):
            continue
        place = resolver.places.lookup(row["normal"])
        apart = named[fold(row["normal"])] > 1 \
            or fold(row["normal"]) in resolver.places.region_and_town_names
        if (place is None or place.kind == "region") and apart and any(
                " " in alias and name_key(alias.split()[0]) in resolver.words.town_words
                for alias in row["aliases"] or ()):
            row["entity_key"] += TOWN_MARK


def sites_tagged_as_places(rows: list[dict], resolver: KeyResolver) -> None:
    """An abbreviation tagged LOC that no place of the gazetteer has is the organisation or
    park that its document tags ORG or PARK under the same abbreviation: «ТПП» tagged LOC in
    one sentence and ORG in the next is one chamber. (Not a word name: a town the gazetteer
    lacks is written beside a company named after it, «Кедроград» and ООО «Кедроград».)"""
    sites: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["type"] in ("ORG", "PARK"):
            sites[name_key(row["normal"])].add(row["entity_key"])
    for row in rows:
        if row["type"] != "LOC" or row["entity_key"] != resolver.key("LOC", row["normal"]):
            continue  # (made definite by the document already)
        found = sites.get(name_key(row["normal"]), set())
        if len(found) == 1 and _written_as_abbreviation(row["normal"].strip()) \
                and resolver.places.lookup(row["normal"]) is None:
            row["entity_key"] = next(iter(found))
            row["type"] = row["entity_key"].split(":", 1)[0]


def _written_as_abbreviation(word: str) -> bool:
    """Capitals («ТПП»), or capitals and small letters of an acronym («УрФУ»)."""
    return bool(ABBREVIATION.fullmatch(word)) or (
        bool(MIXED_CASE_ACRONYM.search(word)) and bool(ABBREVIATION.fullmatch(word.upper())))


def keys_apart_by_place(rows: list[dict], resolver: KeyResolver) -> None:
    """The key a park or event has where the batch places it in another country or region
    (see ``KeyResolver.apart_by_place``), unless the document made its name definite already;
    a park of two regions' (countries') the document does not place is the one of the region
    (country) it names, its own where it names both."""
    apart = resolver.apart_by_place()
    placed: list[Place] | None = None  # the places the document names, found when needed
    visited_elsewhere: dict[str, str] = {}  # a key → its region's, by where the group went
    for row in rows:
        if row["type"] == DELEGATION \
                or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
        key = row["entity_key"]
        if (row["doc_id"], key) in apart:
            row["entity_key"] = apart[(row["doc_id"], key)]
            continue
        if placed is None:  # (not the home of the document's group: «Делегация Мурманской
            # области посетила технопарк «X»» says nothing of where X is)
            origins = {fold(other["normal"]) for other in rows if other["type"] == DELEGATION}
            placed = [place for named, place in places_named_by(rows, resolver.places)
                      if fold(named["normal"]) not in origins]
        if key not in resolver.region_variants and key not in resolver.country_variants:
            visited = _park_of_the_place_visited(row, key, placed, resolver)
            if visited is not None:
                visited_elsewhere[key] = row["entity_key"] = visited
            continue
        # a park of two regions' (or countries') that this document does not place: the one of
        # the region (country) the document names places of («В Караганде … индустриального
        # парка «Меридиан»» beside a Samara «Меридиан»), the bare key where it names neither
        if key in resolver.region_variants:
            variants = resolver.region_variants[key]
            where = {resolver.park_region(place) for place in placed}
        else:
            variants = resolver.country_variants[key]
            where = {place.country for place in placed}
        named = {variant for at, variant in variants.items() if at in where}
        if len(named) == 1:
            row["entity_key"] = named.pop()
        elif named:
            # (it names places of two of them: the document's own park, no other's)
            row["entity_key"] = f"{key} [{row['doc_id']}]"
    for row in rows:
        # (the document's other names of the park, «Кристалл» beside «технопарк «Кристалл»»)
        row["entity_key"] = visited_elsewhere.get(row["entity_key"], row["entity_key"])


def _park_of_the_place_visited(row: dict, key: str, placed: list[Place],
                               resolver: KeyResolver) -> str | None:
    """A park the batch places in one region only, in a document that does not place it but
    whose group that visited it visited a place of another region too, and that names no
    place of the park's: that region's park of its name («делегация побывала в Казани и
    посетила технопарк «Кристалл»» beside a «Кристалл» in Петрозаводск). (Not by countries: a
    park abroad is placed by the country a group visited as often as not.)"""
    visited = resolver.visited_with.get((row["doc_id"], row["entity_id"]))
    if not visited or not key.startswith("PARK:"):
        return None
    regions = resolver.park_regions.get(key)
    if regions is not None and len(regions) == 1:
        where = {resolver.park_region(place) for place in visited if region_of(place)}
        named = {resolver.park_region(place) for place in placed if region_of(place)}
        if len(where) == 1 and not (where | named) & regions.keys():
            return f"{key} ({fold(where.pop())})"
    return None


def short_place_named_in_full(rows: list[dict], resolver: KeyResolver) -> None:
    """A place's one-word short name is the other place whose full name begins with it when
    the document names that place (alone or inside a name) and not the short name's own:
    «делегация из Алтая» where «правительства Алтайского края» is written is Алтайский край,
    not Республика Алтай. A place whose own name it is (the city Самарканд) keeps it."""
    places = resolver.places
    named: dict[str, set[str]] = defaultdict(set)  # place → the name keys that name it
    for row, place in places_named_by(rows, places):
        named[place.canonical].add(name_key(row["normal"]))
    for row in rows:
        key = name_key(row["normal"])
        place = places.lookup(row["normal"]) if row["type"] == "LOC" and " " not in key \
            else None
        if place is None or name_key(place.canonical) == key or named[place.canonical] - {key} \
                or name_key(place.canonical) in {name_key(alias) for alias in row["aliases"] or ()}:
            # (the place's own name among the entity's: «Кедровск» written beside its former
            # name «Ольховск» is still the town)
            continue
        fuller = {other for other in named if other != place.canonical
                  and name_key(other).split()[0].startswith(key)}
        if len(fuller) == 1:
            row["entity_key"] = "LOC:" + fold(next(iter(fuller)))


def state_form_of_the_documents_country(rows: list[dict], resolver: KeyResolver) -> None:
    """A form of state alone («Султанатом», «Королевства») is the one country its document
    names whose official name has that word («Оман»: «Султанат Оман»); else its document's
    own."""
    countries = {place for _, place in places_named_by(rows, resolver.places)
                 if place.kind == "country"}
    for row in rows:
        word = name_key(row["normal"])
        if row["type"] != "LOC" or word not in resolver.words.state_form_nouns:
            continue
        of_that_form = {place.canonical for place in countries
                        if any(word in alias.split() for alias in place.aliases)}
        if len(of_that_form) == 1:
            row["entity_key"] = "LOC:" + fold(next(iter(of_that_form)))
        else:  # no one country: the document's own (a bare «Королевство» is any kingdom)
            row["entity_key"] = f"{row['entity_key']} [{row['doc_id']}]"


def region_head_of_the_documents_place(rows: list[dict], resolver: KeyResolver) -> None:
    """A region's head word alone tagged LOC («Республики», «Области») is the one place its
    document names whose name has that word («Республика Татарстан»); else its document's
    own (a bare «Республика» is any republic, Russian or not)."""
    named = {place for _, place in places_named_by(rows, resolver.places)}
    for row in rows:
        word = name_key(row["normal"])
        if row["type"] != "LOC" or word not in resolver.words.region_heads \
                or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
        of_that_head = {place.canonical for place in named
                        if any(word in alias.split() for alias in place.aliases)}
        if len(of_that_head) == 1:
            row["entity_key"] = "LOC:" + fold(next(iter(of_that_head)))
        else:
            row["entity_key"] = f"{row['entity_key']} [{row['doc_id']}]"


def place_initials_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
    """A place's abbreviation is the one place its document names in full (by any of its
    names) whose name has those initials: «КР» (which the gazetteer leaves out: it is
    ambiguous) where «Кыргызстан» is written is the Kyrgyz Republic; «РБ» where «Башкирия» is
    written and not «Беларусь» (in a place's mention, or ending a body's name: «правительства
    Башкортостана») is Башкортостан, whatever the gazetteer reads it as."""
    places = {place.canonical: place for row in rows if row["type"] == "LOC"
              and not ABBREVIATION.fullmatch(row["normal"].strip())
              and (place := resolver.places.lookup(row["normal"])) is not None}
    # … or names at the end of a body's name («Правительство Башкортостана»)
    places |= {place.canonical: place for row in rows if row["type"] == "ORG"
               and len(words := row["normal"].split()) >= 2
               and (place := resolver.places.lookup(words[-1])) is not None
               and place.kind != "city"}
    for row in rows:
        normal = row["normal"].strip()
        if row["type"] != "LOC" or not ABBREVIATION.fullmatch(normal) or normal.isdigit():
            continue
        known = resolver.places.lookup(normal)
        if known is not None and known.canonical in places:
            continue
        named = {canonical for canonical, place in places.items()
                 if any(" " in alias and initials(alias) == normal for alias in place.aliases)}
        if len(named) == 1:
            row["entity_key"] = "LOC:" + fold(next(iter(named)))


def bodies_named_with_the_documents_abbreviation(rows: list[dict],
                                                 resolver: KeyResolver) -> None:
    """A body's name closed by a place's abbreviation its document reads as another place
    than the gazetteer does («Корпорация развития РБ» where «РБ» is Башкортостан, not
    Беларусь) is that place's body: the batch's «Корпорация развития Республики
    Башкортостан». The document's reading is its bare abbreviation's key, else its one place
    named in full with those initials."""
    for row in rows:
        words = row["normal"].split()
        if row["type"] not in ("ORG", "PARK") or len(words) < 2 \
                or not ABBREVIATION.fullmatch(letters := words[-1]):
            continue
        known = resolver.places.lookup(letters)
        read = _documents_reading(rows, resolver, letters)
        if known is None or read is None or fold(read.canonical) == fold(known.canonical):
            continue
        identity = resolver.identity(row["type"], row["normal"])
        name, marker, place = identity[1].partition(" =")
        if not marker or place != fold(known.canonical):
            continue
        ours = (identity[0], f"{name} ={fold(read.canonical)}")
        if ours in resolver.things:
            row["entity_key"] = resolver.key_of_identity(ours, row["type"], row["normal"])


def _documents_reading(rows: list[dict], resolver: KeyResolver, letters: str) -> Place | None:
    """The place a document means by an abbreviation: its bare mention's key, else its one
    place named in full whose name has those initials."""
    keyed = {row["entity_key"] for row in rows
             if row["type"] == "LOC" and row["normal"].strip() == letters}
    if len(keyed) == 1:
        return resolver.places.lookup(next(iter(keyed)).partition(":")[2])
    named = {place.canonical: place for row in rows if row["type"] == "LOC"
             and not ABBREVIATION.fullmatch(row["normal"].strip())
             and (place := resolver.places.lookup(row["normal"])) is not None
             and any(" " in alias and initials(alias) == letters for alias in place.aliases)}
    return next(iter(named.values())) if len(named) == 1 else None


def bodies_of_the_country(rows: list[dict], resolver: KeyResolver) -> None:
    """A body's bare name in a document about another country than Russia is that country's
    body: «Министерство здравоохранения» where Узбекистан's places outnumber every other
    country's is Узбекистан's ministry, not Russia's; a bare abbreviation («МИПТ») the
    batch's name of those initials written with that country. (In a document about Russia it
    stays the bare name, a Russian federal body's.)"""
    countries = _countries_named(rows, resolver)
    code = named_most(countries)
    country = _country(resolver, code) if code is not None and code != "RU" else None
    if country is None:
        return
    russian_places = any(place.country == "RU" and place.kind != "country"
                         for _, place in places_named_by(rows, resolver.places))
    named = [place for place in resolver.places.places
             if place.kind == "country" and place.country in countries]
    # a Russian ministry's short name alone («Минфин», «Минобороны») where the document
    # names no place of Russia (nor Russia) and the country's places are most of its places'
    # mentions is the foreign country's: the news write «Минфин» of Slovenia in an article
    # about Slovenia as of Russia in one about Russia (an article about the army's districts
    # that names Georgia once is about Russia's, though the gazetteer knows no district)
    places_named = sum(row["n_mentions"] or 1 for row in rows if row["type"] == "LOC")
    short_names = "RU" not in countries and 2 * countries[code] > places_named
    # (not a body the document names Russia's under the same key: «Минпромторг» beside
    # «Министерство … Российской Федерации» in a document about Belarus)
    russian = {row["entity_key"] for row in rows if _names_russia(fold(row["normal"]), resolver)}
    for row in rows:
        if row["type"] == "ORG" and row["entity_key"] == resolver.key(row["type"], row["normal"]) \
                and row["entity_key"] not in russian:
            key = resolver.of_country(row["type"], row["normal"], country, short_names) \
                or resolver.known_of_country(row["type"], row["normal"], country, named) \
                or resolver.abbreviation_of_country(row["type"], row["normal"], country)
            if key is not None and key.endswith(f" ({fold(country.canonical)})"):
                # the batch knows no such body of the country named most: the one of another
                # foreign country the document names that it knows («Кабинет министров» of
                # Kyrgyzstan's delegation in China; not a bare head, «Посольство», which names
                # one country's body in another)
                family, name = resolver.identity(row["type"], row["normal"])
                known = {(family, f"{name} ={fold(place.canonical)}") for place in named
                         if place.country != "RU"} & resolver.things.keys() \
                    if " " in name else set()
                if len(known) == 1:
                    key = resolver.key_of_identity(next(iter(known)), row["type"], row["normal"])
            if key is not None:
                row["entity_key"] = key
                row["type"] = key.split(":", 1)[0]
        elif row["type"] == "PARK" and not russian_places \
                and _descriptive_park_name(row["normal"], resolver.words) \
                and row["entity_key"] == resolver.key(row["type"], row["normal"]):
            # «Парк высоких технологий» in a document about Belarus (that names no Russian
            # place: a Russian region's or town's park may be named beside) is Belarus's park
            # of that description, not another country's of the same words
            row["entity_key"] = f"{row['entity_key']} ({fold(country.canonical)})"


def parks_named_with_their_country(rows: list[dict], resolver: KeyResolver) -> None:
    """A park described in common words with its country's name after them («Парк лесных
    технологий Беларуси») is the park of that description and country that a document about
    the country names without it («Парк лесных технологий» there: see
    ``bodies_of_the_country``); Russia's is the bare description's. The document's short
    names made definite as that park («ПВТ») go with it."""
    renamed: dict[str, str] = {}
    for row in rows:
        if row["type"] != "PARK" or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
        written = row["normal"].split()
        for size in range(1, min(3, len(written) - 2) + 1):
            if not written[-size][:1].isupper():
                continue
            place = resolver.places.lookup(" ".join(written[-size:]))
            description = " ".join(written[:-size])
            if place is None or place.kind != "country" \
                    or not _descriptive_park_name(description, resolver.words):
                continue
            bare = resolver.key(row["type"], description)
            renamed[row["entity_key"]] = bare if place.country == "RU" \
                else f"{bare} ({fold(place.canonical)})"
            break
    for row in rows:
        row["entity_key"] = renamed.get(row["entity_key"], row["entity_key"])


def missions_abroad(rows: list[dict], resolver: KeyResolver) -> None:
    """Russia's mission named by Russia alone («Торгпредства РФ», «Посольство России») in a
    document that names one foreign country more than any other is its mission in that
    country: «Посольство России в X» where the batch writes it so, else the bare key with the
    country (the Russian news take a foreign mission with no host to be in Russia, and
    Russia's to be abroad: one thing per host country, not one for all)."""
    host = _foreign_country_named_most(rows, resolver)
    if host is None:
        return
    heads = {resolver.identity("ORG", head)[1] for head in resolver.words.mission_heads}
    for row in rows:
        if row["type"] != "ORG" or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
        family, name = resolver.identity(row["type"], row["normal"])
        head, _, country = name.rpartition(" ")
        if country != "=россия" or head not in heads:
            continue
        hosted = (family, f"{name} в ={fold(host.canonical)}")
        row["entity_key"] = resolver.key_of_identity(hosted, row["type"], row["normal"]) \
            if hosted in resolver.things else f"{row['entity_key']} ({fold(host.canonical)})"


def _foreign_country_named_most(rows: list[dict], resolver: KeyResolver) -> Place | None:
    """The country other than Russia whose places the document names most (by mentions),
    None where two tie or none is named."""
    countries = _countries_named(rows, resolver)
    countries.pop("RU", None)
    code = named_most(countries)
    return _country(resolver, code) if code is not None else None


def _countries_named(rows: list[dict], resolver: KeyResolver) -> Counter:
    """The countries (ISO codes) of a document's places, by the mentions that name them."""
    countries: Counter = Counter()
    for row in rows:
        if (country := country_of_place(resolver, row["type"], row["normal"])) is not None:
            countries[country] += row["n_mentions"] or 1
    return countries


def bodies_of_a_country_named(rows: list[dict], resolver: KeyResolver) -> None:
    """A body's bare name of two words or more («Верховный совет») that the batch writes with
    one country's name only («Верховный совет Кедрии»; not a town's: «Суд Кедрограда») is
    that country's body in a document whose places are of that country more than of any
    other but Russia (the Russian news name Russia beside any country). Not where the
    document names two foreign countries as much (either's assembly), nor where the batch
    writes the name with two countries' names («Социалистическая партия» of two countries),
    nor a one-word name («Сенат»: the news call many countries' upper chambers so; an
    abbreviation counts as the name the batch expands it to, «ФБР» three words), nor a
    party's («Республиканская партия» is as often a neighbour's: key_bodies_named_abroad)."""
    host = _foreign_country_named_most(rows, resolver)
    if host is None:
        return
    for row in rows:
        if row["type"] not in ("ORG", "PARK") or "«" in row["normal"] \
                or row["entity_key"] != resolver.key(row["type"], row["normal"]) \
                or _names_russia(row["normal"], resolver):
            continue  # («Министерство … Российской Федерации» is Russia's, whatever the text)
        # an abbreviation by the name the batch expands it to: «ФБР» is «Федеральное бюро
        # расследований», a name of three words
        identity = resolver.resolved_identity(row["type"], row["normal"])
        if "=" in identity[1] or " " not in identity[1] \
                or resolver.words.bodies_named_abroad & set(identity[1].split()):
            continue
        of_countries = resolver.countries_of_body(identity)
        if len(of_countries) == 1 and (country := resolver.places.lookup(
                of_countries[0][1].rpartition(" =")[2])) is not None \
                and country.kind == "country" and country.country == host.country:
            key = resolver.key_of_identity(of_countries[0], row["type"], row["normal"])
            row["entity_key"] = key
            row["type"] = key.split(":", 1)[0]


def _names_russia(name: str, resolver: KeyResolver) -> bool:
    """Does a word or two of the name name Russia («… Российской Федерации», «Минпромторг
    России», «Российский фонд …»), by the gazetteer?"""
    words = name.split()
    return any((place := resolver.places.lookup(" ".join(words[i:i + n]))) is not None
               and place.kind == "country" and place.country == "RU"
               for n in (1, 2) for i in range(len(words) - n + 1))


def every_countrys_bodies_of_another_country(rows: list[dict], resolver: KeyResolver
                                              ) -> None:
    """A bare name that many countries' bodies bear (``KeyResolver.every_countrys_body``:
    «Социалистическая партия», «Совет министров»), in a document about a country
    (``host_country``) other than the one most of the batch's documents about a country that
    name it are about, is that other country's body: the batch's body written with that
    country where a document writes it so («Совет министров Кедрии»), else the bare key with
    the country. The batch's one key would be the American party here and the Thai there. The
    documents of the batch's usual country, and those about no one country, keep the bare key
    (where two countries tie, none is usual); never the batch's body written with the
    country's name («… партия Кедрии»): the bare name is as often a neighbour's
    (key_bodies_named_abroad)."""
    host = host_country(_countries_named(rows, resolver))
    if host is None:
        return
    for row in rows:
        if row["type"] != "ORG" or row["entity_key"] != resolver.key(row["type"], row["normal"]) \
                or not resolver.every_countrys_body(row["type"], row["normal"]):
            continue
        usual = named_most(resolver.hosts_of_bodies[resolver.identity("ORG", row["normal"])])
        if host != usual and (country := _country(resolver, host)) is not None:
            row["entity_key"] = _body_of_country_key(row, country, resolver)


def _body_of_country_key(row: dict, country: Place, resolver: KeyResolver) -> str:
    """A bare body's key as ``country``'s body: the batch's key of the name written with that
    country where a document writes it so («Совет министров Кедрии»), else the bare key with
    the country («совет министров (кедрия)»)."""
    return resolver.known_body_of_country(row["type"], row["normal"], country) \
        or f"{row['entity_key']} ({fold(country.canonical)})"


def _country(resolver: KeyResolver, code: str) -> Place | None:
    """The gazetteer's country of an ISO code (its first line)."""
    return next((place for place in resolver.places.places
                 if place.kind == "country" and place.country == code), None)


def _descriptive_park_name(normal: str, words: KeyWords) -> bool:
    """Whether a park's name is a description in common words after its type word, with no
    name of its own («Парк высоких технологий»; not «Технопарк «Кедр»», «Великий камень»,
    nor «Индустриальный парк» alone)."""
    written = normal.split()
    return len(written) >= 2 and not any(quote in normal for quote in "«\"") \
        and name_key(written[0]) in words.park_type_words \
        and all(word.islower() for word in written[1:]) \
        and not all(name_key(word) in words.park_type_words for word in written) \
        and all(dictionary().word_is_known(fold(word)) for word in written)


def regional_bodies_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
    """A name that every region's body has, written without its region («Корпорация
    развития», «региональная корпорация развития»), is the body of the Russian region the
    document names most: the batch's body of that name and region if it has one, else the
    bare name's key with the region. Where the document names no Russian region, or two as
    often, the key is the document's own: a key shared by every bare «Корпорация развития» of the
    batch would name a different corporation in each document (a key covering two things is
    the error keys must never make), while a document's own key only misses a merge."""
    bodies = [row for row in rows if row["type"] == "ORG" and "«" not in row["normal"]
              and _regional_body_name(resolver, row["normal"])]
    if not bodies:
        return
    region = _region_of_the_document(rows, resolver)
    for row in bodies:
        if row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue  # the document made it definite already («Корпорация развития Х»)
        # «ORG:корпорация развития», from the batch's name of it (the key may be an earlier
        # batch's), one for the names of one body («Заксобрание», «Законодательное собрание»)
        bare = "ORG:" + _without_regional(resolver.name_of(resolver.identity(
            row["type"], row["normal"]), row["type"], row["normal"]), resolver.words)
        if region is not None:
            name = _regional_body_name(resolver, row["normal"])
            full = ("SITE", f"{name} ={fold(region)}")
            row["entity_key"] = resolver.key_of_identity(full, row["type"], row["normal"]) \
                if full in resolver.things else f"{bare} ({fold(region)})"
        else:
            row["entity_key"] = f"{bare} [{row['doc_id']}]"


def _region_of_the_document(rows: list[dict], resolver: KeyResolver) -> str | None:
    """The Russian region a document names most (by the mentions that name it, alone or
    inside a name), or where it names no region, the region of the Russian cities it names
    («Новосибирск» alone: Новосибирская область); None where it names none, or two as
    often."""
    regions: Counter = Counter()  # Russian regions by the mentions that name them
    cities: Counter = Counter()  # … and by the mentions of their cities
    for row, place in places_named_by(rows, resolver.places):
        if place.kind == "federal subject" and place.country == "RU":
            regions[place.canonical] += row["n_mentions"] or 1
        elif place.kind == "city" and place.country == "RU" and place.region:
            cities[place.region] += row["n_mentions"] or 1
    if not regions:
        regions, cities = cities, Counter()
    # a tie is broken by the region's cities and the names its adjective begins
    # («индустриальный парк «Рязанский»»)
    for row in rows:
        if row["type"] in ("ORG", "PARK", "EVENT"):
            for word in name_key(row["normal"]).split():
                place = resolver.places.by_adjective.get(word)
                if place is not None and place.canonical in regions:
                    cities[place.canonical] += row["n_mentions"] or 1
    ranked = sorted(regions, key=lambda region: (regions[region], cities[region]),
                    reverse=True)[:2]
    # the document is about the region it names most (Moscow where a deal was signed, named
    # once, is not the region of the corporation); a tie names none
    if len(ranked) == 2 and (regions[ranked[0]], cities[ranked[0]]) \
            == (regions[ranked[1]], cities[ranked[1]]):
        return None
    return ranked[0] if ranked else None


def regional_short_names(rows: list[dict], resolver: KeyResolver) -> None:
    """A federal body's short name with a region's head word after it («Минпромторга
    республики», «Минздрав области») is that region's body, not the federal one: the body of
    the Russian region the document names most (the batch's full name of it where there is
    one), else the document's own key."""
    short_names, region_words = dict(resolver.words.org_short_names), region_head_genitives()
    regions: list[str | None] = []  # the document's region, found once when first needed
    for row in rows:
        if row["type"] != "ORG" or row["entity_key"] != resolver.key(row["type"], row["normal"]) \
                or name_key(row["normal"]) not in short_names or not any(
                    alias.rsplit(" ", 1)[-1] in region_words for alias in row["aliases"] or ()):
            continue
        if not regions:
            regions.append(_region_of_the_document(rows, resolver))
        region = regions[0]
        if region is None:
            row["entity_key"] = f"{row['entity_key']} [{row['doc_id']}]"
            continue
        family, name = resolver.identity(row["type"], row["normal"])
        full = (family, f"{name} ={fold(region)}")
        if full not in resolver.things and " и " in name:
            # the name's first part only, as news shorten it («Министерство промышленности
            # РТ» of «… промышленности и торговли»)
            full = (family, f"{name.split(' и ')[0]} ={fold(region)}")
        row["entity_key"] = resolver.key_of_identity(full, row["type"], row["normal"]) \
            if full in resolver.things else f"{row['entity_key']} ({fold(region)})"


def short_names_of_the_documents_region(rows: list[dict], resolver: KeyResolver) -> None:
    """A body's one-word short name («Мининвест») is the batch's one body of that name and a
    region the document names («Мининвест Московской области» where «Подмосковье» is
    named). Not a body's bare head («Правительство»), nor a federal body's short name."""
    regions = {fold(place.canonical) for _, place in places_named_by(rows, resolver.places)
               if place.kind in ("federal subject", "region")}
    if not regions:
        return
    for row in rows:
        if row["type"] != "ORG" or " " in row["normal"].strip() \
                or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
        family, name = resolver.identity(row["type"], row["normal"])
        if family != "SITE" or " " in name or resolver.is_body_head(name) \
                or name in resolver.words.generic_heads:
            continue
        found = {(family, f"{name} ={region}") for region in regions} & resolver.things.keys()
        if len(found) == 1:
            row["entity_key"] = resolver.key_of_resolved(next(iter(found)), row["type"],
                                                         row["normal"])


def headed_initials_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
    """A head and an abbreviation («Парк ВТ») are the document's one name of that head whose
    next words have those initials («Парк высоких технологий НАНА»)."""
    named = [row for row in rows if row["type"] in ("PARK", "ORG")]
    for row in named:
        headed = HEADED_ABBREVIATION.fullmatch(row["normal"].strip())
        if headed is None or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
        head, letters = name_key(headed.group(1)), headed.group(2)
        found = set()
        for other in named:
            written = [word for word in other["normal"].replace("«", " ").replace("»", " ")
                       .split() if word not in SMALL_WORDS]
            if other is not row and len(written) > len(letters) \
                    and name_key(written[0]) == head \
                    and initials(" ".join(written[1:1 + len(letters)])) == letters:
                found.add(other["entity_key"])
        if len(found) == 1:
            row["entity_key"] = next(iter(found))
            row["type"] = row["entity_key"].split(":", 1)[0]


def abbreviations_the_document_expands(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare abbreviation («МГУ») is its document's one name whose leading words have those
    initials («Московский государственный университет им. …»), or else the one it writes with
    an eponym inside another name («филиал МГУ имени …»), whatever another document wrote it
    beside (a batch's «Мордовский госуниверситет (МГУ)»)."""
    named = [row for row in rows if row["type"] in ("PARK", "ORG")]
    for row in named:
        letters = row["normal"].strip()
        syllables = SYLLABLE_ABBREVIATION.fullmatch(letters) is not None
        if not (ABBREVIATION.fullmatch(letters) or syllables) or letters.isdigit() \
                or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
        found = {other["entity_key"] for other in named if other is not row
                 and (syllables_lead(other["normal"], letters) if syllables
                      else _initials_lead(other["normal"], letters))}
        if row["entity_key"] in found:
            # the batch's name of it is one the document writes («ТПП РФ» beside «ТПП
            # Кедровска»): no other of the document's names is more its own
            continue
        if not found:
            # the abbreviation with an eponym inside another name of the document («филиал МГУ
            # имени М.В. Ломоносова»): the document's own university, whoever another
            # document's of those letters is
            found = {resolver.key(row["type"], eponymous.group(0)) for other in named
                     if other is not row for eponymous in re.finditer(
                         rf"(?<!\w){re.escape(letters)}\s+(?:имени|им\.)\s*\w.*", other["normal"])}
        if len(found) == 1:
            row["entity_key"] = next(iter(found))
            row["type"] = row["entity_key"].split(":", 1)[0]


# a letters-only word of capitals, maybe with small letters for small words («ИЦиГ»)
SHORT_PART = re.compile(r"[А-ЯЁA-Z](?:[А-ЯЁA-Z]|[а-яё](?=[А-ЯЁ])){1,9}")


def parts_the_document_writes_short(rows: list[dict], resolver: KeyResolver) -> None:
    """A name with one run of its words written as their initials is its document's one name
    that writes them in full: «ИЦиГ СО РАН» is «Институт цитологии и генетики СО РАН», «СО
    РАН» «Сибирское отделение РАН», and that «Сибирское отделение Российской академии наук»;
    «ТГПУ им. Л. Н. Толстого» «Тульский государственный педагогический университет имени Л.
    Н. Толстого» (an eponym by its surname). A bare abbreviation is left to
    ``abbreviations_the_document_expands``."""
    markers = resolver.words.eponym_markers
    named = [(row, _name_parts(row["normal"], markers)) for row in rows
             if row["type"] in ("PARK", "ORG")]
    for _ in range(3):  # («СО РАН» → «Сибирское отделение РАН» → «… Российской академии наук»)
        changed = False
        for row, parts in named:
            found = {other["entity_key"] for other, full in named
                     if other is not row and _written_short(parts, full)}
            if len(found) == 1 and row["entity_key"] not in found:
                row["entity_key"] = next(iter(found))
                row["type"] = row["entity_key"].split(":", 1)[0]
                changed = True
        if not changed:
            break


def _name_parts(normal: str, markers: frozenset[str]) -> list[str]:
    """A name's words, an eponym after one of ``markers`` («им.», «имени») by its surname
    alone."""
    words = normal.replace("«", " ").replace("»", " ").split()
    marker = next((k for k, word in enumerate(words) if fold(word) in markers), None)
    if marker is not None and marker + 1 < len(words):
        return [*words[:marker], "имени", words[-1]]
    return words


def _written_short(short: list[str], full: list[str]) -> bool:
    """Is ``short`` the name ``full`` with one run of two or more of its words written as
    their initials, the rest the same word for word (case endings aside), a tail after it
    or two words before it?"""
    shorts, fulls = [name_key(w) for w in short], [name_key(w) for w in full]
    size = min(len(shorts), len(fulls))
    lead = 0
    while lead < size and shorts[lead] == fulls[lead]:
        lead += 1
    tail = 0
    while tail < size - lead and shorts[-1 - tail] == fulls[-1 - tail]:
        tail += 1
    written, spelt = short[lead:len(short) - tail], full[lead:len(full) - tail]
    # (a head and its initials alone, «Парк ЛТ», is ``headed_initials_of_the_document``'s)
    if (tail == 0 and lead < 2) or len(written) != 1 or len(spelt) < 2 \
            or not SHORT_PART.fullmatch(written[0]):
        return False
    letters = written[0].upper()
    return letters in (initials(" ".join(spelt)),
                       initials(" ".join(w for w in spelt if w not in SMALL_WORDS)))


def short_ministries_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare ministry's short name («Минпроме») is its document's one ministry written in
    full whose words its syllables spell («Министерство промышленности Республики
    Беларусь»), whichever ministry of another country the batch's other documents give it."""
    named = [row for row in rows if row["type"] == "ORG"]
    for row in named:
        normal = row["normal"].strip()
        if " " in normal or (body := short_ministry_body(normal)) is None:
            continue
        found = {other["entity_key"] for other in named if other is not row
                 and (words := _ministry_words(other["normal"]))
                 and spells_ministry(body, words)}
        if len(found) == 1:
            row["entity_key"] = found.pop()


def _ministry_words(normal: str) -> list[str]:
    """The words of a ministry's name in full up to its place (small words left out), as
    name keys («Министерство промышленности Республики Беларусь» → «промышленность»); none
    for any other name."""
    written = normal.replace(",", " ").split()
    if len(written) < 2 or fold(written[0]) != MINISTRY:
        return []
    words = []
    for word in written[1:]:
        if word[:1].isupper():
            break
        if word not in SMALL_WORDS:
            words.append(name_key(word))
    return words


Expansions = dict[tuple[str, str], set[str]]


def abbreviations_the_batch_expands(rows: list[dict], resolver: KeyResolver,
                                    expanded: Expansions | None = None) -> None:
    """A bare abbreviation («УлГТУ») in a document that writes no name of its letters is the
    name the batch's other documents expand it to, where they all expand it to one name
    (``abbreviations_the_document_expands``; none keeps it for another thing), unless the
    resolver keys it as its document's own (a body every region has). ``expanded``: the
    expansions of the whole batch where ``rows`` are only a part of it
    (``batch_abbreviation_expansions`` of every part), else those of ``rows``."""
    if expanded is None:
        expanded = batch_abbreviation_expansions(rows, resolver)
    left = [row for row in rows if _bare_abbreviation(row, resolver) == "left"]
    for row in left:
        keys = expanded.get((row["type"], row["normal"].strip()), set())
        # (not one the resolver keys as its document's own: «ТПП [b]» of one region is no
        # other's)
        if len(keys) == 1 and not row["entity_key"].endswith("]"):
            row["entity_key"] = next(iter(keys))


def batch_abbreviation_expansions(rows: list[dict], resolver: KeyResolver,
                                  into: Expansions | None = None) -> Expansions:
    """The names the documents of ``rows`` expand bare abbreviations to (by type and
    letters), added to ``into`` where given (a batch written in several parts)."""
    expanded: Expansions = defaultdict(set) if into is None else into
    for row in rows:
        if _bare_abbreviation(row, resolver) == "expanded":
            expanded.setdefault((row["type"], row["normal"].strip()), set()).add(
                row["entity_key"])
    return expanded


def _bare_abbreviation(row: dict, resolver: KeyResolver) -> str | None:
    """«left» for a bare abbreviation its document keeps as it is, «expanded» for one its
    document keys as a name, None for any other row (not an abbreviation, or one the batch
    pairs with a name already: a bracket, an alias)."""
    letters = row["normal"].strip()
    if row["type"] not in ("ORG", "PARK") or not (
            ABBREVIATION.fullmatch(letters) or SYLLABLE_ABBREVIATION.fullmatch(letters)):
        return None
    own = resolver.key(row["type"], row["normal"])
    if own.partition(":")[2] != fold(letters):
        return None
    return "left" if row["entity_key"] == own else "expanded"


def abbreviations_of_another_region(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare abbreviation that the batch expands to a name led by a Russian region's or
    town's adjective («КГУ» = «Кедровский государственный университет») is not that name in
    a document about other Russian places of a name or adjective of its first letter («КГУ»
    where only «Ольховский край» and its town «Кленов» are named): there it is the batch's name of
    those initials led by the adjective of the document's region, else the abbreviation of
    the document's region (of the document where it names none most). Every region has its
    state university; a name led by an adjective of another letter («МГУ» in a document about
    a region of «т») keeps the batch's."""
    named = [row for row in rows if row["type"] in ("PARK", "ORG")]
    # the document's Russian places, its regions and the region it is about, found once when
    # first needed (the rows' names and types do not change here, only their keys)
    places: list[Place] | None = None
    regions: set[str] = set()
    region: str | None = None
    for row in named:
        letters = row["normal"].strip()
        key = row["entity_key"]
        if not CYRILLIC_ABBREVIATION.fullmatch(letters) \
                or key != resolver.key(row["type"], letters) \
                or key.partition(":")[2] == fold(letters):
            continue
        home = resolver.region_of_adjective(key.partition(":")[2].split()[0])
        if home is None or home.country != "RU" or not region_of(home) or home.kind == "region":
            continue  # («Уральская …», «Сибирская …»: of a part of Russia, not one region's)
        if places is None:
            places = [place for _, place in places_named_by(rows, resolver.places)
                      if place.country == "RU" and region_of(place)]
            # (a region its names' adjectives give, «Кедровский политехнический институт», is
            # the document's too)
            regions = {region_of(place) for place in places} \
                | russian_regions(places_of_adjectives(rows, resolver), resolver)
            region = _region_of_the_document(rows, resolver)
        initial = fold(letters[0])
        if region_of(home) in regions or not any(
                word.startswith(initial) for place in places
                for word in (*place.adjectives, *place.aliases)):
            continue
        family = FAMILIES.get(row["type"], row["type"])
        # (a name key writes a region's adjective as the region: «… =томская область»)
        ours = {identity for identity in resolver.initialled_names.get((family, letters, ""), ())
                if region and f"={fold(region)}" in identity[1]}
        row["entity_key"] = resolver.key_of_identity(next(iter(ours)), row["type"], letters) \
            if len(ours) == 1 else f"{row['type']}:{fold(letters)} ({fold(region)})" \
            if region else f"{row['type']}:{fold(letters)} [{row['doc_id']}]"


LONG_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{4,}")


def abbreviations_of_another_country(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare abbreviation that the batch expands to a name of a foreign country's thing
    («ЦИК» as another document's «Центр индийской культуры») keeps its own key where its
    document names that country nowhere: three letters stand for many names, and the
    document's election commission is no culture centre of India."""
    named_countries: set[str] | None = None
    for row in rows:
        letters = row["normal"].strip()
        if row["type"] not in ("ORG", "PARK", "EVENT") or not ABBREVIATION.fullmatch(letters) \
                or LONG_ACRONYM.fullmatch(letters):
            continue  # («KOTRA», «КОТРА»: four letters or more stand for few names)
        own = resolver.key_of_identity(resolver.identity(row["type"], letters), row["type"],
                                       letters)
        if row["entity_key"] == own:
            continue
        countries = _foreign_countries_in_name(row["entity_key"].partition(":")[2], resolver)
        if not countries:
            continue
        if named_countries is None:
            named_countries = _countries_of_the_document(rows, resolver)
        if not countries & named_countries:
            row["entity_key"] = own
            row["type"] = own.split(":", 1)[0]


def _foreign_countries_in_name(name: str, resolver: KeyResolver) -> set[str]:
    """The countries other than Russia a name's words name by an adjective («индийской»)."""
    found = {place.country for word in name.split() if word.isalpha()
             and (place := resolver.region_of_adjective(word)) is not None
             and place.kind == "country"}
    return found - {"RU"}


def _countries_of_the_document(rows: list[dict], resolver: KeyResolver) -> set[str]:
    """The countries a document names: by its places, or by a country's adjective in any of
    its names («индийская делегация»)."""
    countries = set(_countries_named(rows, resolver))
    for row in rows:
        countries |= _foreign_countries_in_name(fold(row["normal"]), resolver)
    return countries


def _initials_lead(normal: str, letters: str) -> bool:
    """Whether a name's leading words (two or more, small words left out or not) have the
    initials ``letters``."""
    written = normal.replace("«", " ").replace("»", " ").split()
    if len(written) < 2 or ABBREVIATION.fullmatch(written[0]):
        return False
    for size in range(2, min(len(written), len(letters) + 3) + 1):
        leading = written[:size]
        if letters in (initials(" ".join(leading)),
                       initials(" ".join(word for word in leading if word not in SMALL_WORDS))):
            return True
    return False


def bare_bodies_of_russia_and_its_regions(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare name that Russia's body and every region's have («ТПП», «Торгово-промышленная
    палата»), which the document did not make definite, is the one body of that name the
    document writes in full («Кедровская ТПП», «ТПП Кедровска», «Торгово-промышленная палата
    Кедровской области»); else, or where it writes two, the document's own: the batch's one
    key would cover the federal chamber and every region's."""
    names = resolver.words.federal_and_regional_body_names
    bodies = [row for row in rows if row["type"] == "ORG"]
    for row in bodies:
        bare = name_key(row["normal"])
        if bare not in names or row["entity_key"] != resolver.key("ORG", row["normal"]) \
                or any(other is not row and other["entity_key"] == row["entity_key"]
                       for other in bodies):
            continue  # (made definite, or a body the document names in full under its key)
        letters = row["normal"].strip()
        in_full = {other["entity_key"] for other in bodies
                   if other["entity_key"] != row["entity_key"]
                   and (_body_written_in_full(name_key(other["normal"]), bare, resolver)
                        or (ABBREVIATION.fullmatch(letters) is not None
                            and _initials_lead(other["normal"], letters)))}
        row["entity_key"] = next(iter(in_full)) if len(in_full) == 1 \
            else f"{row['entity_key']} [{row['doc_id']}]"


def _body_written_in_full(name: str, bare: str, resolver: KeyResolver) -> bool:
    """Whether ``name`` is ``bare`` with a few words of its place before or after it
    («кедровский тпп», «тпп кедровск»; not a longer name that only holds it, nor another
    body's name with a common adjective before it: «молодёжная общественная палата»)."""
    words, bare_words = name.split(), bare.split()
    size = len(bare_words)
    if not len(bare_words) < len(words) <= size + 3:
        return False
    if words[:size] == bare_words:
        return True
    return words[-size:] == bare_words and all(
        _a_place_or_level_adjective(word, resolver) for word in words[:-size])


def _a_place_or_level_adjective(word: str, resolver: KeyResolver) -> bool:
    """«тверской», «санкт-петербургский», «областной», or a word no dictionary knows
    («кедровский»); not «молодёжный», «детский»."""
    return word in resolver.words.scope_adjectives \
        or not dictionary().word_is_known(word) \
        or resolver.region_of_adjective(word) is not None \
        or resolver.region_of_adjective(word.rpartition("-")[2]) is not None


def parts_of_a_body_the_document_names(rows: list[dict], resolver: KeyResolver) -> None:
    """A body's name without the body it belongs to, in a document that names that body,
    is the batch's name of the two: «Департамент промышленной политики» where «делегация
    Минпромторга России» is written is the batch's «Департамент промышленной политики
    Минпромторга России» (the parent's name as a mention wrote it, after the part's)."""
    bodies = [row for row in rows if row["type"] == "ORG"]
    for row in bodies:
        if row["entity_key"] != resolver.key(row["type"], row["normal"]) \
                or "«" in row["normal"] or len(row["normal"].split()) < 2:
            continue
        own = resolver.identity(row["type"], row["normal"])
        found = {resolver.key_of_identity(whole, row["type"], row["normal"])
                 for other in bodies if other is not row
                 for alias in other["aliases"] or ()
                 if (whole := resolver.identity("ORG", f"{row['normal']} {alias}")) != own
                 and whole in resolver.things}
        if len(found) == 1:
            row["entity_key"] = next(iter(found))


def _regional_body_name(resolver: KeyResolver, normal: str) -> str | None:
    """The name key of a regional body's bare name («региональная корпорация развития» →
    «корпорация развитие»), None for any other name."""
    name = _without_regional(resolver.identity("ORG", normal)[1], resolver.words)
    return name if name in resolver.words.regional_body_names else None


def _without_regional(name: str, words: KeyWords) -> str:
    """A name less a leading «региональный» (key_regional_adjectives), in any form."""
    first, _, rest = name.partition(" ")
    return rest if rest and name_key(first) in words.regional_adjectives else name


def bare_heads_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
    """A body's bare head noun that its document made no name of («Фонда», «Посольства»,
    «Администрации»), or a bare name every town has («Собрание депутатов»), is that
    document's own: one key for every bare «Фонд» of the batch would name a different fund
    in each document (a key covering two things), while a document's own key only misses a
    merge. So is an event named by its generic words alone («Международная
    специализированная выставка») that its document made no event of, and a title tagged as
    a person («Полномочный Посол»): each document's own ambassador; and a unit named by its
    field alone («Институт физики»): each document's university's; a body every country has,
    bare («МИД», «Министерство иностранных дел»), that its document made no country's."""
    words = resolver.words
    bare_types = words.park_type_words | words.zone_abbreviations
    for row in rows:
        family, _, name = row["entity_key"].partition(":")
        key = name_key(row["normal"])
        if (family == "ORG" and name in words.generic_heads) or (
                family == "PER" and _words_of_no_name(row["normal"])) or (
                family == "EVENT" and key and _only_event_words(key, words)
                and name_key(name) == key) or (
                family in ("PARK", "ORG") and name in bare_types) or (
                family == "ORG" and row["entity_key"] == resolver.key("ORG", row["normal"])
                and _unit_named_by_its_field(row["normal"], words)) or (
                family == "ORG" and _any_countrys_body(name, words)):
            # (a park's bare type word, «Технопарка», «ОЭЗ», that its document made no park of)
            row["entity_key"] = f"{row['entity_key']} [{row['doc_id']}]"


def _only_event_words(key: str, words: KeyWords) -> bool:
    """Is the name key only an event's generic words («международный выставка-форум»)?"""
    return all(word in words.event_words for word in key.split())


def _any_countrys_body(normal: str, words: KeyWords) -> bool:
    """«МИД», «Министерство иностранных дел»: a body of key_body_abbreviations, bare."""
    return name_key(normal) in words.body_names


def _unit_named_by_its_field(normal: str, words: KeyWords) -> bool:
    """«Институт физики», «Кафедра прикладной математики»: a unit's head (key_unit_heads) and
    words of the language only, none capitalised, nor quoted (not «Институт физики СГУ»,
    «Институт «Кедр»»)."""
    head, _, rest = normal.strip().partition(" ")
    return bool(rest) and name_key(head) in words.unit_heads \
        and all(word.isalpha() and word.islower() and common_word(word)
                for word in rest.replace("-", " ").split())


def _words_of_no_name(name: str) -> bool:
    """Whether a person's name is only words of the language that are no one's name, of four
    letters or more, in the nominative and closed by a noun («Полномочный Посол»; not «Роза
    Кедрова», nor «Ван Пак», whose short syllables the dictionary knows as other words, nor a
    surname the dictionary reads as a word in another case, «Гулами»)."""
    words = fold(name).split()
    return bool(words) and all(
        len(word) >= 4 and word.isalpha() and common_word(word)
        and any("nomn" in parse.tag for parse in word_parses(word))
        for word in words) and any(
        "NOUN" in parse.tag and "nomn" in parse.tag and "sing" in parse.tag
        for parse in word_parses(words[-1]))


def parks_of_the_documents_region(rows: list[dict], resolver: KeyResolver) -> None:
    """A park's name that begins with the level it serves («краевой индустриальный парк
    «Ольха»») is the batch's park of that name after the adjective of a region of that level
    the document names («Кедровский краевой индустриальный парк «Ольха»» where «Кедровский
    край» is named); where the batch has none, its park of the quoted name alone if the
    documents of that park name that region and no other of the level (another region's
    park «Ольха» is another park)."""
    levels = dict(resolver.words.level_adjectives)
    regions = {place.canonical: place for _, place in places_named_by(rows, resolver.places)}
    for row in rows:
        if row["type"] != "PARK" or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
        name = resolver.identity(row["type"], row["normal"])[1]
        level = levels.get(name.partition(" ")[0])
        if level is None:
            continue
        of_level = [place for place in regions.values()
                    if level in name_key(place.canonical).split()]
        found = {resolver.key_of_identity(longer, row["type"], row["normal"])
                 for place in of_level for adjective in place.adjectives
                 if (longer := ("SITE", f"{adjective} {name}")) in resolver.things}
        if not found and len(of_level) == 1 \
                and (quoted := QUOTED_NAME.search(row["normal"])) is not None:
            # no park of the region's name: the batch's park of the quoted name alone
            # («индустриальный парк «Ольха»» in another document of the same region)
            bare = resolver.identity(row["type"], quoted.group(0).strip("«»"))
            levels_named = {canonical for canonical in resolver.places_of_sites.get(bare, ())
                            if level in name_key(canonical).split()}
            if (thing := resolver.things.get(bare)) is not None and thing.types["PARK"] \
                    and levels_named == {of_level[0].canonical}:
                found = {resolver.key_of_identity(bare, row["type"], row["normal"])}
        if len(found) == 1:
            row["entity_key"] = next(iter(found))


def company_apart_from_park(document: list[tuple[dict, str]]) -> None:
    """A document that writes a company with exactly the quoted name of its park (АО
    «Каменка», the operator, beside технопарк «Каменка») and keeps them apart names two
    things: the company keeps an ORG key of that name instead of sharing the park's. A name in
    another case («предприятия «Каменки»») is no company's own name: it is left to the park.
    Rows come with the type the document gave them."""
    park_names = {(row["entity_key"], fold(quoted.group(0))) for row, own_type in document
                  if own_type == "PARK" and (quoted := QUOTED_NAME.search(row["normal"]))}
    for row, own_type in document:
        # (the name as written, not its normal form: «резиденты «Каменки»» put in the
        # nominative is still a case form of the park's name)
        if own_type == "ORG" and row["entity_key"].startswith("PARK:") \
                and (row["entity_key"], fold(row["normal"])) in park_names \
                and fold(row["normal"]) in {fold(alias) for alias in row["aliases"] or ()}:
            row["entity_key"] = "ORG:" + row["entity_key"].split(":", 1)[1]
            row["type"] = "ORG"


def companies_apart_from_parks(document: list[tuple[dict, str]], words: KeyWords) -> None:
    """A company its document writes with a legal form (АО «Каменка») is the company, not the
    batch's park of that name (технопарк «Каменка» of other documents): an ORG key of the
    name. Rows come with the type the document gave them."""
    for row, own_type in document:
        if own_type == "ORG" and row["entity_key"].startswith("PARK:") \
                and with_legal_form(row["aliases"], words):
            row["entity_key"] = "ORG:" + row["entity_key"].split(":", 1)[1]
            row["type"] = "ORG"

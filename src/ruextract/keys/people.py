"""Document passes for people: a bare surname, initials or a first name are the person
the document (or, far more often, the batch) names in full; two people of one surname are
kept apart."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from ..morph import dictionary, word_parses
from .readings import (
    common_word,
    one_name_a_person,
    only_a_first_name,
    places_named_by,
    places_of_adjectives,
    russian_regions,
)
from .spelling import surname_of
from .words import INITIALS_SURNAME, MASCULINE_SURNAME, person_name

if TYPE_CHECKING:
    from .resolver import KeyResolver


# a monarch's number after a first name («Альберт II»), folded: no surname
ROMAN_NUMERAL = re.compile(r"[ivxlc]+")
# a person named in full in this many documents, all about one Russian region, is that
# region's man: a bare surname in a document about other regions is a namesake
REGIONAL_PERSON_DOCUMENTS = 2
# a surname shorter than this is too short to tell a misspelling of another
NEAR_SURNAME_MIN_LETTERS = 5


def short_person_names(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare surname, or initials and a surname, is its document's one full-named person of
    that surname (in any case, or but for a vowel of a transliteration): «Никитин»,
    «А. Никитин», «Никитиным» where «Алексей Никитин» is written. Only the document's: the
    batch's «Глеб Никитин» is another person. A bare surname whose document has no such full
    name is its one initialled person («Никитин» where «А.Никитин» is written)."""
    people = [row for row in rows if row["type"] == "PER"]
    full: dict[str, set[tuple[str, str]]] = defaultdict(set)
    keys_of: dict[tuple[str, str], str] = {}
    identities = [resolver.identity("PER", row["normal"]) for row in people]
    for row, identity in zip(people, identities, strict=True):
        if " " in identity[1] and not INITIALS_SURNAME.fullmatch(identity[1]):
            keys_of[identity] = row["entity_key"]
            for word in identity[1].split():
                full[word].add(identity)
    for row, identity in zip(people, identities, strict=True):
        name = identity[1]
        if " " in name and not INITIALS_SURNAME.fullmatch(name):
            continue
        written = [name, *sorted(alias for alias in resolver.person_aliases.get(identity, ())
                                 if INITIALS_SURNAME.fullmatch(alias))]
        person = next((found for alias in written
                       if (found := resolver.full_named_person(identity, alias, full)) is not None),
                      None)
        if person is not None:
            row["entity_key"] = keys_of[person]
            continue
        if " " in name or INITIALS_SURNAME.fullmatch(name):
            continue
        if len(full.get(name, ())) > 1:
            # «господин Ли» where «Ли Вэй» and «Ли Мин» are written: one of the two, which the
            # words do not tell; the bare key would be every Ли of the batch
            row["entity_key"] = f"PER:{name} [{row['doc_id']}]"
            continue
        fuller = {other["entity_key"] for other in people if other is not row
                  and person_name(other["normal"]) != name
                  and surname_of(person_name(other["normal"])) == name}
        if len(fuller) == 1:
            row["entity_key"] = next(iter(fuller))


def first_name_and_patronymic(rows: list[dict], resolver: KeyResolver) -> None:
    """«Ринат Ильдарович» (a first name and a patronymic, as the press calls a man it has
    named) is the document's one person of that first name («Ринат Галиев», «Р.И. Галиев»
    keyed so)."""
    people = [row for row in rows if row["type"] == "PER"]
    for row in people:
        words = person_name(row["normal"]).split()
        if len(words) != 2 or not _a_patronymic(words[1]):
            continue
        named = {other["entity_key"] for other in people if other["entity_key"] != row["entity_key"]
                 and (written := other["entity_key"].partition(":")[2].split())
                 and len(written) >= 2 and written[0] == words[0]
                 and not _a_patronymic(written[-1])}
        if len(named) == 1:
            row["entity_key"] = named.pop()


def _a_patronymic(word: str) -> bool:
    """A patronymic the dictionary knows («Ильдарович»; not the surname «Янукович»)."""
    return dictionary().word_is_known(word) and any("Patr" in p.tag for p in word_parses(word))


def namesakes_elsewhere(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare surname that its document does not name in full is not the batch's one person
    of that surname where he is a region's man and the document does not name his region:
    the documents that name him in full (two at least) name one Russian region, half of them
    at least (and foreign countries, his trips), and this one names other regions or none
    («Кедрин» in an article about another region, or an academician of old whom no region
    names, is not the «Иван Кедрин» of articles about one region: a namesake, a father or a
    son). A key covering two people is the error keys must never make, while a document's own
    key only misses a merge; a federal man, named beside many regions, keeps the batch's key."""
    people = _people_named(rows, resolver)
    own = {row["entity_key"] for row, name in people if " " in name}
    regions: set[str] | None = None  # the document's, found once when first needed
    for row, name in people:
        if " " in name or not name or row["entity_key"] in own \
                or row["entity_key"] == f"PER:{name}":
            continue
        person = resolver.full_named_person(("PER", name), name)
        if person is None:
            continue
        if regions is None:
            regions = russian_regions(
                {place.canonical for _, place in places_named_by(rows, resolver.places)}
                | places_of_adjectives(rows, resolver), resolver)
        if not _named_with_his_region_mostly(person, resolver):
            continue  # («Москва» in a few of a foreign leader's many documents)
        his = set(resolver.regions_of_people.get(person, ()))
        # («Урал», «Сибирь»: a part of Russia of many regions, which may be or hold his)
        if len(his) == 1 and not regions & his \
                and not any(_wide_region(region, resolver) for region in his | regions) \
                and resolver.things[person].documents >= REGIONAL_PERSON_DOCUMENTS:
            row["entity_key"] = f"PER:{name} [{row['doc_id']}]"


def near_surnames_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare surname keyed as the batch's person, in a document that names in full a
    person of a surname it nearly is (a letter or two more or less, or one other: «Кедрин»
    where «Иван Кедрины» or «Иван Кедрина» is written), is not the batch's man: a misspelt
    mention of its own document's person, or a relative. Its document's own key then."""
    people = _people_named(rows, resolver)
    own = {row["entity_key"] for row, name in people if " " in name}
    surnames = {surname_of(name) for _, name in people
                if " " in name and not INITIALS_SURNAME.fullmatch(name)}
    for row, name in people:
        if " " in name or not name or row["entity_key"] in own \
                or " " not in row["entity_key"].partition(":")[2]:
            continue  # (a key of a bare name is no batch's man)
        if any(_nearly(name, surname) for surname in surnames):
            row["entity_key"] = f"PER:{name} [{row['doc_id']}]"


def surnames_of_two_people(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare surname that its document does not resolve and that two or more full-named
    people of the batch have (none named far more often: ``full_named_person``) is its
    document's own: the bare key across documents would be Кастро the one brother here and
    the other there."""
    for row, name in _people_named(rows, resolver):
        if " " in name or not name or row["entity_key"] != resolver.key("PER", row["normal"]) \
                or " " in row["entity_key"].partition(":")[2] or only_a_first_name(name):
            continue  # (a lone first name is left to the rules of first names)
        people = one_name_a_person(resolver.people_of_surname(name))
        if len(people) > 1:
            row["entity_key"] = f"{row['entity_key']} [{row['doc_id']}]"


def relatives_named_by_first_name(rows: list[dict], resolver: KeyResolver) -> None:
    """A first name alone that its document made no person of, in a document that names a
    person of a surname in full, is the batch's one person of that first name and surname: a
    son, a daughter, a wife («Дарья» where «Игорь Кедрищев» is written is the batch's «Дарья
    Кедрищева»). Not where the batch has that first name with two of the document's
    surnames, nor a word its document names a person by («Кедрищев», «Игорь»)."""
    people = _people_named(rows, resolver)
    full = [name.split() for _, name in people
            if " " in name and not INITIALS_SURNAME.fullmatch(name)]
    surnames = {words[-1] for words in full if not ROMAN_NUMERAL.fullmatch(words[-1])}
    named_by = {word for words in full for word in words}
    for row, name in people:
        if " " in name or not name.isalpha() or name in named_by \
                or row["entity_key"] != resolver.key("PER", row["normal"]):
            continue
        found = {person for person in resolver.person_words.get(name, set())
                 if (words := person[1].split())[0] == name
                 and _family_surnames(words[-1]) & surnames}
        if len(found) == 1:
            row["entity_key"] = resolver.key_of_identity(next(iter(found)), "PER", row["normal"])


def _family_surnames(surname: str) -> set[str]:
    """A surname and its other gender's form, as one family's members write it
    («кедрищев», «кедрищева»; «ольховский», «ольховская»)."""
    forms = {surname}
    if MASCULINE_SURNAME.search(surname):
        forms.add(surname[:-2] + "ая" if surname.endswith("ий") else surname + "а")
    elif surname.endswith("ая"):
        forms.add(surname[:-2] + "ий")
    elif surname.endswith("а") and MASCULINE_SURNAME.search(surname[:-1]):
        forms.add(surname[:-1])
    return forms


def _nearly(word: str, other: str) -> bool:
    """Whether two words differ but by one or two letters at the end, or one letter in
    place («кедрин», «кедрина»; «кедрин», «кедрон»)."""
    if word == other or min(len(word), len(other)) < NEAR_SURNAME_MIN_LETTERS:
        return False
    if len(word) == len(other):
        return sum(a != b for a, b in zip(word, other, strict=True)) == 1
    short, long = sorted((word, other), key=len)
    return long.startswith(short) and len(long) - len(short) <= 2


def _named_with_his_region_mostly(person: tuple[str, str], resolver: KeyResolver) -> bool:
    """Whether a region is named in half the documents naming a person in full at least: a
    region's man is written of with his region; a foreign leader, in whose many documents
    Moscow comes up now and then, is no man of Moscow."""
    regions = resolver.regions_of_people.get(person)
    return bool(regions) and 2 * max(regions.values()) >= resolver.things[person].documents


def _wide_region(canonical: str, resolver: KeyResolver) -> bool:
    """Whether a place (canonical name) is a part of a country of many regions («Урал»,
    «Сибирь»), not one region."""
    place = resolver.places.lookup(canonical)
    return place is not None and place.kind == "region"


def _people_named(rows: list[dict], resolver: KeyResolver) -> list[tuple[dict, str]]:
    """A document's person rows, each with its name as keys compare it."""
    return [(row, resolver.identity("PER", row["normal"])[1])
            for row in rows if row["type"] == "PER"]


def tails_of_long_names(rows: list[dict], resolver: KeyResolver) -> None:
    """A two-word name that ends the document's one person of a longer name is that person:
    «Чандра Гири» where «Никхилеш Чандра Гири» is written (names of three words and more, of
    countries where no patronymic stands in the middle)."""
    people = _people_named(rows, resolver)
    for row, name in people:
        if len(name.split()) != 2 or INITIALS_SURNAME.fullmatch(name):
            continue
        longer = {other["entity_key"] for other, other_name in people
                  if len(other_name.split()) > 2 and other_name.endswith(" " + name)
                  and not any(common_word(word) for word in other_name.split()[:-2])}
        if len(longer) == 1:
            row["entity_key"] = next(iter(longer))

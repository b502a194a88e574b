"""How a word or a name reads, for the resolver and the document passes: a first name or a
surname, an adjective, an abbreviation of a name, a place of the gazetteer a document
names, a country's or a region's body."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..doc import DELEGATION, fold
from ..morph import dictionary, word_parses
from ..places import Gazetteer, Place, name_key, region_of
from .words import LATIN_WORD, MASCULINE_SURNAME, SMALL_WORDS, VOWELS, KeyWords

if TYPE_CHECKING:
    from .resolver import KeyResolver


FEATURE_STEM_ENDING = "й"
FEATURE_PLURAL_ENDINGS = ("ы", "и")
# a document is about a country where it names that country's places this many times at least,
# and more than any other foreign country's (see host_country)
HOST_COUNTRY_MENTIONS = 3
# a surname's ending that no nominative has (instrumental, dative, prepositional): «Петрова»
# may be a woman's name as written, «Петровым» is no one's
# a man's surname of a consonant declined: «Кедресом», «Кедресу», «Кедреса», «Кедресе»
MANS_CASE_ENDINGS = frozenset(("а", "у", "ом", "е", "ем", "ым"))
GLUED_EPONYM_MARKER = re.compile(r"(?<!\w)им\.(?=\w)", re.IGNORECASE)  # «им.А.П.Кедрова»
INITIALS = re.compile(r"(?<!\w)\w\.\s*")  # «А.», «А.П.» of a person's name
# «Фонд Кедроград» unquoted: a head and a capitalised one-word name (the same thing as the
# name alone where its document writes that too, as «Фонд «Кедроград»»)
HEADED_ONE_WORD_NAME = re.compile(r"(\w+)\s+([A-ZА-ЯЁ][\w\-]+)")


def declined_as_a_mans(surname: str, written: Iterable[str]) -> bool:
    """Whether a surname ending in a consonant, of no kind whose woman's form has an ending
    of its own («Кедрес», not «Кедров»), is written with a case ending («Кедресом»,
    «Кедресу»): a woman's such surname is never declined, so the name is a man's."""
    if not surname or surname[-1] in VOWELS or surname[-1] in "йь" \
            or MASCULINE_SURNAME.search(surname):
        return False
    return any(alias != surname and alias.removeprefix(surname) in MANS_CASE_ENDINGS
               for alias in written)


def a_womans_name(first: str) -> bool:
    """Whether the dictionary reads a first name as a woman's and never as a man's
    («мария»; not «мишель», a man's too, nor an initial, nor a name it reads only as another
    case of a guessed woman's name: «таксин», «уорен»)."""
    names = first_name_readings(first)
    return bool(names) and all(parse.tag.gender == "femn" for parse in names)


def first_name_readings(word: str) -> list:
    """The dictionary's readings of a word as a first name in the nominative singular."""
    return [parse for parse in word_parses(word)
            if {"Name", "sing", "nomn"} <= parse.tag.grammemes]


def one_name_a_person(people: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """People of one surname less the names that are another's with more words before the
    surname (a title, a middle name: «Сэр Алекс Кедрин», «Алекс Бин Кедрин» are «Алекс
    Кедрин») or with an adjective for a first name («Семидесятилетний Кедрин»), where
    the others leave someone: one person, not two namesakes."""
    words = {person: person[1].split() for person in people}
    kept = {person for person in people if not any(
        other != person and len(words[other]) < len(words[person])
        and words[other][-1] == words[person][-1] and set(words[other]) <= set(words[person])
        for other in people)}
    named = {person for person in kept if not an_adjective(words[person][0])}
    return named or kept


def only_a_first_name(word: str) -> bool:
    """Whether the dictionary reads a word as a first name and never as a surname
    («всеволод»; not «ким», a surname too): alone, it names any man of that name."""
    return first_name(word) and not any("Surn" in parse.tag.grammemes
                                         for parse in word_parses(word))


def an_adjective(word: str) -> bool:
    """Whether the dictionary reads a word first as an adjective and never as a name
    («семидесятилетний»; not «Серена», which it guesses a participle)."""
    parses = word_parses(word)
    return bool(parses) and parses[0].tag.POS in ("ADJF", "ADJS") and not any(
        {"Name", "Surn"} & parse.tag.grammemes for parse in parses)


def russian_regions(places: Iterable[str], resolver: KeyResolver) -> set[str]:
    """The Russian regions that places (canonical names) are or lie in."""
    found = set()
    for canonical in places:
        place = resolver.places.lookup(canonical)
        if place is not None and place.country == "RU" and (region := region_of(place)):
            found.add(region)
    return found


def places_of_adjectives(rows: list[dict], resolver: KeyResolver) -> set[str]:
    """The places (canonical names) whose adjectives a document's organisations, parks,
    events and places are named with («Кедровский машиностроительный завод», «Кедровская
    обл.»): a document writing its region so names it, though no name the gazetteer knows."""
    return {place.canonical for row in rows if row["type"] in ("ORG", "PARK", "EVENT", "LOC")
            for word in name_key(row["normal"]).split()
            if (place := resolver.places.by_adjective.get(word)) is not None}


def abbreviation_of(alias: str, letters: str) -> bool:
    """Whether a name's alias in capitals stands for it though its letters are not the
    name's initials: a Latin one (the foreign original, «WCC» of «Всемирный кедровый
    совет»), or a Cyrillic one that begins with the name's first letter («МТК» of
    «Международный трибунал кедровых рощ», whose initials are «МТКР»)."""
    return alias.isupper() and (LATIN_WORD.fullmatch(alias) is not None
                                or alias[:1] == letters[:1])


def headed_one_word_name(normal: str) -> re.Match | None:
    """«Фонд Кедрофорум»: a head and a one-word name, not a person's name in the genitive
    after it («Фонд Потанина», a fund named after a man)."""
    found = HEADED_ONE_WORD_NAME.fullmatch(normal)
    if found is None or any({"Surn", "Name"} & parse.tag.grammemes and "gent" in parse.tag
                            for parse in word_parses(fold(found.group(2)))):
        return None
    return found


def first_name(word: str) -> bool:
    """Whether the dictionary reads ``word`` as a first name («султан», «аким»)."""
    return any("Name" in parse.tag.grammemes for parse in word_parses(word))


def eponym_by_surname(name: str, markers: frozenset[str]) -> str:
    """A name whose eponym after «имени»/«им.» is a person written with initials, first name,
    patronymic or a title, with the eponym by the surname alone: «театр им. А. П. Кедрова»,
    «театр имени Анны Кедровой», «театр имени академика Кедрова» and «театр имени Кедрова»
    are one theatre. Not an eponym of an
    epithet («имени Петра Великого»: «Великого» alone names no one)."""
    written = GLUED_EPONYM_MARKER.sub("им. ", name).split()
    marker = next((i for i, word in enumerate(written[1:], 1) if fold(word) in markers), None)
    if marker is None:
        return name
    eponym = INITIALS.sub(" ", " ".join(written[marker + 1:])).split()
    # (past a title in lower case too: «имени академика С. П. Кедрова»)
    while len(eponym) > 1 and (eponym[0][:1].islower() or _a_forename(fold(eponym[0]))):
        eponym = eponym[1:]
    if len(eponym) != 1 or not eponym[0].replace("-", "").isalpha() \
            or an_adjective(fold(eponym[0])):
        return name
    return " ".join([*written[:marker], "имени", eponym[0]])


def _a_forename(word: str) -> bool:
    """A first name or patronymic the dictionary never reads as a surname («мария»,
    «николаевич»)."""
    parses = word_parses(word)
    return any({"Name", "Patr"} & parse.tag.grammemes for parse in parses) \
        and not any("Surn" in parse.tag.grammemes for parse in parses)


def common_word(word: str) -> bool:
    """A dictionary word that is no name («господин» before a name), not «Никхилеш»."""
    return dictionary().word_is_known(word) and not any(
        {"Name", "Surn", "Patr"} & parse.tag.grammemes for parse in word_parses(word))


def places_named_by(rows: list[dict], places: Gazetteer) -> Iterator[tuple[dict, Place]]:
    """Each row (not a person's, not a group's) with each place its name names, alone or
    inside it, the longest words first at each position."""
    for row in rows:
        if row["type"] in (DELEGATION, "PER"):
            continue
        words = name_key(row["normal"]).split()
        start = 0
        while start < len(words):
            step = 1
            for size in range(min(4, len(words) - start), 0, -1):
                place = places.by_name.get(" ".join(words[start:start + size]))
                if place is not None:
                    yield row, place
                    step = size  # «Республика Крым» names Crimea once, not again by «Крым»
                    break
            start += step


def named_most(countries: Counter) -> str | None:
    """The country counted most, None where two tie or none is counted."""
    ranked = countries.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def country_of_place(resolver: KeyResolver, entity_type: str, normal: str) -> str | None:
    """The country (ISO code) of a place the gazetteer knows; None for anything else."""
    place = resolver.places.lookup(normal) if entity_type == "LOC" else None
    return place.country if place is not None else None


def host_country(countries: Counter) -> str | None:
    """The country (ISO code) a document is about: the foreign one whose places it names most,
    HOST_COUNTRY_MENTIONS times at least (the Russian news name Russia beside any country),
    else Russia where it names Russia's so often and more than any foreign country's; None
    where two tie or none is named so often."""
    foreign = Counter({code: count for code, count in countries.items() if code and code != "RU"})
    code = named_most(foreign)
    if code is not None and foreign[code] >= HOST_COUNTRY_MENTIONS:
        return code
    most_foreign = max(foreign.values(), default=0)
    return "RU" if countries["RU"] >= HOST_COUNTRY_MENTIONS and countries["RU"] > most_foreign \
        else None


def feature_stem(word: str) -> str | None:
    """The stem of a sea's or island group's adjective that a one-word name is, if it is one
    (FEATURE_STEM_ENDING, FEATURE_PLURAL_ENDINGS): «каспий» → «каспий», «курилы» → «курил»."""
    if word.endswith(FEATURE_STEM_ENDING):
        return word
    if word.endswith(FEATURE_PLURAL_ENDINGS) and len(word) > 3:
        return word[:-1]
    return None


def with_legal_form(aliases: Iterable[str] | None, words: KeyWords) -> bool:
    """Whether an entity's names include its quoted name after a legal form («АО «…»»; also
    a name with a quoted name inside, its outer quotes lost: «АО Технопарк «Кедровка»»)."""
    return any(len(parts := alias.split(" ", 1)) == 2 and parts[0].lower() in words.legal_forms
               and (parts[1][:1] in "«\"" or (parts[1][:1].isupper() and "«" in parts[1]))
               for alias in aliases or ())


# an abbreviation of words' first syllables and letters: «УлГТУ», «СамГТУ», «ЮУрГУ»
SYLLABLE_ABBREVIATION = re.compile(r"(?=[А-ЯЁ]+[а-яё]{1,3}[А-ЯЁ])(?:[А-ЯЁ][а-яё]{0,3}){2,7}[А-ЯЁ]")


def syllables_lead(normal: str, letters: str) -> bool:
    """Whether a name's leading words (small words left out; the parts of a hyphened word
    each a word) begin with the pieces of ``letters``, a capital and the small letters after
    it: «УлГТУ» of «Ульяновский государственный технический университет», «ЮУрГУ» of
    «Южно-Уральский государственный университет»."""
    pieces = re.findall(r"[А-ЯЁ][а-яё]*", letters)
    written = [word for word in re.split(r"[\s«»\-]+", normal)
               if word and word.lower() not in SMALL_WORDS]
    return len(written) >= len(pieces) and all(
        word.lower().startswith(piece.lower()) for word, piece in zip(written, pieces,
                                                                      strict=False))

"""``KeyResolver``: the things of a batch, learnt from every entity row of it (and the
names earlier batches keyed), and the canonical key of each name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

import pyarrow as pa

from ..chinese import chinese_names_in_russian
from ..coreference import initials, stem_abbreviation_of
from ..doc import DELEGATION, WEB_ADDRESS, fold
from ..morph import dictionary, word_parses
from ..normal_form import MIXED_CASE_ACRONYM, ONE_SYLLABLE, PROPER_OR_ABBREVIATION
from ..places import Gazetteer, Place, is_town, name_key, region_of
from .ministries import full_ministry, short_ministry_body, spells_ministry
from .readings import (
    SYLLABLE_ABBREVIATION,
    a_womans_name,
    abbreviation_of,
    an_adjective,
    common_word,
    country_of_place,
    declined_as_a_mans,
    eponym_by_surname,
    feature_stem,
    first_name,
    headed_one_word_name,
    host_country,
    one_name_a_person,
    only_a_first_name,
    places_named_by,
    russian_regions,
    syllables_lead,
    with_legal_form,
)
from .spelling import (
    CYRILLIC_WORD_LETTERS,
    a_form_of_surname,
    a_made_up_word_in,
    alike_transliterations,
    as_body_of_country,
    compound_of,
    consonant_frame,
    consonant_sounds,
    final_vowels_agree,
    headed_by_one_of,
    is_epithet,
    is_transliterated,
    lengths_alike,
    long_names_written_short,
    other_latin_readings,
    ou_spellings,
    places_by_first_word,
    places_written_short,
    plain_latin,
    plain_spelling,
    proper_or_unknown,
    read_letter_by_letter,
    romanised,
    spelling_key,
    spelt_words,
    spoken_latin,
    surname_nominatives,
    surname_of,
    two_word_foreign_name,
    vowel_skeleton,
)
from .words import (
    ABBREVIATION,
    CASE_ENDINGS,
    CYRILLIC_ABBREVIATION,
    FAMILIES,
    HEADED_ABBREVIATION,
    INITIALS_SURNAME,
    LATIN_LETTERS,
    LATIN_ONE_WORD,
    LATIN_WORD,
    SMALL_WORDS,
    VOWELS,
    KeyWords,
    countries_adjective,
    first_name_nominatives,
    is_russia,
    park_kind,
    person_in_nominative,
    person_name,
    read_only_as_a_proper_name,
    settlement_adjective,
    sides_in_order,
    stripped_name,
)

TYPE_PREFERENCE = ("PARK", "ORG", "EVENT", "LOC", "PER")  # ties go to the first
# a sea's or island group's adjective («каспийский», «курильский») and the one-word names of
# it made of its stem (``_feature_of_its_adjective``): the stem itself where it ends in «й»
# («Каспий»), else the stem's plural («Курилы» of «куриль-», «Канары»). Not a stem in «-а»
# nor a bare one: «Печора», «Кара», a town «Кедрин» are named by «Печорское», «Карское»,
# «Кедринское море» without being them
FEATURE_ADJECTIVE_SUFFIX = "ский"
# a middle word a foreign two-word name may leave out is this long at least: a shorter one is
# a syllable of an East Asian given name («Ким Чен Ын», «Нгуен Ван Тхыонг»), no middle name
DROPPED_NAME_MIN_LETTERS = 4
# a bare surname of two people of the batch is the one named in this many times as many
# documents as the others together
DOMINANT_PERSON = 3
# a bare surname of two people its own document names in full, the one named in this many
# times as many documents of the batch as the others together («Кедрин» beside «Иван
# Кедрин» of many articles and his brother «Олег Кедрин» of this one)
DOMINANT_NAMESAKE = 2
OBLIQUE_SURNAME = re.compile(r"\w\w(?:[оыие]м|[ое]му|[ую])$")
# a web address of a Cyrillic name, its domain in Latin or Cyrillic letters (folded):
# «кедровка.ру», «кедровка.рф», «кедровка.ru»
CYRILLIC_WEB_ADDRESS = re.compile(r"([а-я][а-я0-9-]*)\.(?:[a-z]{2,6}|ру|рф)")
# a name written in Latin letters only, of four letters or more («Angel Yeast», «Haier»)
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.&'’\- ]{2,}[A-Za-z0-9.]")
FINAL_NG = re.compile(r"ng\b")  # «Seong», «Zhang»: a syllable's final nasal
# an event's two sides in a compound adjective (name key): «российско-китайский»
# a brand of Latin letters alone after an event's colon («…: KazanForum»), keys folded
BRAND_AFTER_COLON = re.compile(r"[a-z][a-z0-9]{3,}")
TWO_SIDES = re.compile(r"\b([а-я]+[сц]к)о-([а-я]+[сц]к)(ий|ой)\b")
# words a name's initials may leave out
EPONYM_KEY = "имя"  # «имени», «им.» in a name key
# «IT-парк» is «ИТ-парк»: a Latin abbreviation glued to a Russian word, read letter by letter
LATIN_BEFORE_RUSSIAN = re.compile(r"\b[a-z]{1,4}(?=-[а-я])")
# a body's head noun before a quoted name: «Фонд «Кедроград»», «Ассоциации «Орбита»»
HEADED_QUOTED_NAME = re.compile(r"(\w+)\s+«([^«»]+)»")
# a one-word name, Cyrillic or Latin only, of five letters or more (``romanised``)
CYRILLIC_WORD = re.compile(r"[а-я][а-я\-]{4,}")
LATIN_ACRONYM = re.compile(r"[A-Z]{3,}")
# a Latin name's consonants as heard, this many at least to compare with a Cyrillic one's
HEARD_CONSONANTS_MIN = 3
# a compound's short word («совбез», «кабмин») and each of its two parts, in letters at least
COMPOUND_MIN_LETTERS = 6


K = TypeVar("K")


V = TypeVar("V")


class _GrowingIndex(Generic[K, V]):
    """An index over a collection of the batch that only grows (things, person words),
    made again when the collection's size changed since it was made."""

    def __init__(self, size: Callable[[], int], build: Callable[[], dict[K, list[V]]]) -> None:
        self._size, self._build = size, build
        self._made_at = -1
        self._index: dict[K, list[V]] = {}

    def get(self, key: K) -> list[V]:
        if self._made_at != self._size():
            self._index, self._made_at = self._build(), self._size()
        return self._index.get(key, [])


def _a_dictionary_town(name: str) -> bool:
    """Is the one-word name one the dictionary reads first as a place («чистополь», «кашира»)?"""
    parses = word_parses(name) if " " not in name else []
    return bool(parses) and "Geox" in parses[0].tag


@dataclass(slots=True)
class Thing:
    """What the batch knows of one thing: its names, types and mention counts."""

    identity: tuple[str, str]
    types: Counter
    names: Counter  # display names (stripped normal forms as written)
    key: str | None = None  # fixed by an earlier batch
    documents: int = 0  # the entity rows (one a document) that name it


# a company's quoted one-word short name, its legal form before it: «АО «Камзавод»»
QUOTED_SHORT_NAME = re.compile(r"(?:[А-ЯЁ]{2,4}\s+)?«([А-ЯЁа-яё-]+)»")


def _foreign_acronym_of(alias: str, normal: str) -> bool:
    """Is the alias a Latin acronym of three letters or more that its document wrote for a
    Russian name («Корейское агентство содействия торговле и инвестициям (KOTRA)»)? Its
    letters are the foreign name's initials, which no Russian reading gives: the document's
    pairing is the evidence."""
    return LATIN_ACRONYM.fullmatch(alias) is not None and not LATIN_WORD.search(normal)


def _short_name_of(alias: str, normal: str) -> str:
    """The made-up word a document wrote as an organisation's short name beside its long one
    of three words or more («Камский завод полимеров» (АО «Камаполимер»)), a word the long
    name does not have; else ""."""
    found = QUOTED_SHORT_NAME.fullmatch(alias.strip())
    if found is None or len(normal.split()) < 3:
        return ""
    word = found.group(1)
    if fold(word) in fold(normal) or not a_made_up_word_in(word):
        return ""
    return word


class KeyResolver:
    """Canonical keys for a batch's entity rows (and the rows of earlier batches)."""

    def __init__(self, words: KeyWords, places: Gazetteer) -> None:
        self.words, self.places = words, places
        self.one_region = dict(words.one_region_pairs)  # «Москва» → «Московская область»
        # keyed as ``person_name`` writes a first name («билл» as «бил»: doubled letters single)
        self._full_first_names = {person_name(short): full
                                  for short, full in words.first_name_forms}
        self.things: dict[tuple[str, str], Thing] = {}
        # (family, abbreviation) → the names it was written beside («КФУ» beside «Казанский
        # федеральный университет»), counted: the most written wins, whatever the order of
        # the rows (a re-run learns them in another order than the full run)
        self.abbreviations: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
        # those of them made of a body's word stems («Роскомнадзор»): written as words
        self.stem_abbreviations: set[tuple[str, str]] = set()
        # a company's Latin name → the names in Cyrillic it was written beside («Angel Yeast»
        # beside «Ангел Ист»), counted like abbreviations
        self.latin_names: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
        # places the batch writes after a word that makes them one («реки Карасу»: an alias
        # of ``place_words``), not the park of their name
        self.written_as_places: set[tuple[str, str]] = set()
        # parks and organisations a mention names in quotes («технопарк «Кедровая долина»»),
        # not only after their type words («Свободная зона Салала»: named after its town)
        self.quoted_sites: set[tuple[str, str]] = set()
        # (family, initials of the leading words, the rest's name key) → names of the batch:
        # «РЭЦ» is the batch's one «Российский экспортный центр», «ТПП Тверской области» its
        # one «Торгово-промышленная палата Тверской области»
        self.initialled_names: dict[tuple[str, str, str], set[tuple[str, str]]] = \
            defaultdict(set)
        # «РЭЦ», «ТПП Тверской…» → the abbreviation as written (its name key may have lost a
        # letter the dictionary read as a case ending: «БГТУ» → «бгт»)
        self.written_abbreviations: dict[tuple[str, str], str] = {}
        # a one-word Cyrillic name romanised (see ``romanised``) → the things of that name:
        # «Kedrmash» is the batch's «Кедрмаш»
        self.romanised_names: dict[str, set[tuple[str, str]]] = defaultdict(set)
        # (family, a one-word name as written, folded) → the things of that name
        self.one_word_names: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        # events some document names by their own name, quoted or without an event's words
        # before it: «форум АСЕАН» and «саммит БРИКС» name no event «АСЕАН», but the body
        # that holds them, as a bare «АСЕАН» tagged ORG does
        self.events_named_alone: set[tuple[str, str]] = set()
        # «технополис «Москва»» is «Технополис Москва» when the batch has that name too
        self.long_forms: dict[tuple[str, str], tuple[str, str]] = {}
        # a foreign company's one-word short name → the longer names it shortens
        self.company_short_forms: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        # the words closing a foreign company's name, as written and as names' keys spell them
        # («текнолоджи», «текнолодж»)
        self.company_tails = words.company_tail_words | {
            name_key(word) for word in words.company_tail_words}
        # «Кедровский университет» is the batch's one «Кедровский университет имени …»: the
        # name before its eponym → the things so named
        self.eponymous: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        # (family, the end of a name with an eponym, from a head on) → the names so ending
        self.eponymous_tails: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        # a park's or company's name → the places (canonical names) its documents name
        self.places_of_sites: dict[tuple[str, str], set[str]] = defaultdict(set)
        # the parks and companies the batch writes after a special zone's words («ОЭЗ «…»»)
        self.zone_names: set[tuple[str, str]] = set()
        # those it writes after an industrial park's head («индустриальный парк «…»»)
        self.industrial_park_names: set[tuple[str, str]] = set()
        # a full-named person → the Russian regions of the places of the documents naming him
        # so, and the number of those documents naming each (see namesakes_elsewhere)
        self.regions_of_people: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        # a bare name many countries' bodies bear («социалистический партия») → the countries
        # (ISO codes) of the documents naming it that are about one (see
        # every_countrys_bodies_of_another_country), counted by documents
        self.hosts_of_bodies: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        # «Фонд «Кедроград»» is the «Кедроград» its document writes alone too: the headed
        # name → the quoted name's thing, counted; and the heads written before a thing's
        # quoted name («фонд»), for a bare «Фонда» of a document that names that thing
        self.headed_names: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
        self.heads_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        # «Корпорация «МСП»»: the thing → its head's name key and abbreviation; and (family,
        # initials of a name's last words) → the names with the name keys of the words before:
        # «Федеральная корпорация по развитию малого и среднего предпринимательства» ends «МСП»
        self.headed_abbreviations: dict[tuple[str, str], set[tuple[str, str]]] = \
            defaultdict(set)
        self.tail_initials: dict[tuple[str, str], set[tuple[tuple[str, str], frozenset[str]]]] \
            = defaultdict(set)
        russia = places.lookup("Россия")
        self.russian_adjectives = frozenset(russia.adjectives if russia else ())
        # a bare surname is the one person of the batch with that name, if there is one
        self.person_words: dict[str, set[tuple[str, str]]] = {}
        # skeleton → the person words so built: see _same_skeleton
        self._skeletons = _GrowingIndex(lambda: len(self.person_words), self._index_skeletons)
        # spelling → the people of names so spelt: see _spelt_otherwise
        self._spellings = _GrowingIndex(lambda: len(self.things), self._index_spellings)
        # a body's name without its country → the countries the batch writes it with: see
        # countries_of_body
        self._body_countries = _GrowingIndex(lambda: len(self.things), self._index_countries)
        # consonants → the foreign names of them: see _vowels_transliterated_otherwise
        self._consonant_names = _GrowingIndex(lambda: len(self.things), self._index_consonants)
        # an adjective's stem → the seas and island groups of the batch named by that
        # adjective: see _feature_of_its_adjective
        self._features = _GrowingIndex(lambda: len(self.things), self._index_features)
        # (first word, last word) → the people of names of three words or more so begun and
        # ended: see _middle_name_dropped
        self._ends = _GrowingIndex(lambda: len(self.things), self._index_ends)
        # a place name's first word (before a space or hyphen) → the gazetteer's places of
        # names of more words so begun: see _place_begun_by
        self.places_by_first_word = places_by_first_word(places)
        # a long name (three words or more) → the short names (a first name and a surname)
        # that documents write it beside: see _short_name_written_beside
        self.short_names_beside: dict[tuple[str, str], Counter[tuple[str, str]]] = \
            defaultdict(Counter)
        # a place's one-word name the gazetteer lacks → the longer places its documents name
        # that begin with it: see _place_begun_by
        self.places_begun_by: dict[tuple[str, str], Counter[tuple[str, str]]] = \
            defaultdict(Counter)
        # (first word, second word) → the people of three-word names so begun: see
        # _last_name_dropped
        self._begins = _GrowingIndex(lambda: len(self.things), self._index_begins)
        # a Cyrillic name's consonants as heard → the organisations so named: see
        # _heard_in_cyrillic
        self._heard = _GrowingIndex(lambda: len(self.things), self._index_heard)
        # (words before, a word's first letters, words after) → the organisations whose two
        # words there a compound's short word may stand for: see _compound_written_out
        self._word_pairs = _GrowingIndex(lambda: len(self.things), self._index_word_pairs)
        # a person's names as its mentions wrote them («Х.Бозоров» where the normal form lost
        # the case ending wrongly)
        self.person_aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
        # a place («=узбекистан») → the ministries the batch names in full with it, for their
        # short names of syllables (_ministry_spelt_out)
        self.ministries: dict[str, set[tuple[str, str]]] = defaultdict(set)
        # «КР» is the one place of the batch written «Кыргызская Республика», if only one
        self.place_initials: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.earlier: dict[tuple[str, str], str] = {}  # identity → key of an earlier batch
        self.earlier_keys: set[str] = set()  # every key an earlier batch gave
        # the earlier keys of the names that resolve to an identity (_earlier_resolved_to)
        self._earlier_by_resolved: dict[tuple[str, str], Counter[str]] | None = None
        # an earlier batch's names of organisations and people by how they sound, each with
        # its identity and key: a name the later batch writes in the other alphabet
        # («Hiroshi Matsuda» then, «Хироси Мацуда» now) keeps its key (_heard_earlier)
        self.earlier_heard: dict[str, list[tuple[tuple[str, str], str]]] = defaultdict(list)
        self.site_names: set[str] = set()  # outlets' names taken from their web addresses
        # those of Cyrillic names, romanised → as written («lenta» → «лента» of «Лента.ру»)
        self.cyrillic_site_names: dict[str, str] = {}
        # (doc_id, entity_id) → the place a document says the park or event is in
        self.located: dict[tuple[str, int], Place] = {}
        # the rows of the things documents place: doc_id, type, normal, place (relations are
        # taken in before entities: only these rows are kept, whatever the batch's size)
        self.placed_rows: list[tuple[str, str, str, Place]] = []
        self._apart: dict[tuple[str, str], str] | None = None
        # a park's key of each region the batch places it in, where it places it in two or more
        # (``apart_by_place``): region → key
        self.region_variants: dict[str, dict[str, str]] = {}
        # key → the key its documents of each country give it (see apart_by_place)
        self.country_variants: dict[str, dict[str, str]] = {}
        # a park's key → the documents that place it, by region (apart_by_place)
        self.park_regions: dict[str, Counter[str]] = {}
        # (document, a thing its groups visited) → the places of the gazetteer the groups
        # that visited it visited too
        self.visited_with: dict[tuple[str, int], set[Place]] = defaultdict(set)
        # a thing → the (family, abbreviation) pairs written beside it (``abbreviations`` turned
        # round, made when first asked)
        self._abbreviations_of: dict[tuple[str, str], set[tuple[str, str]]] | None = None
        self._keys: dict[tuple[str, str], str] = {}  # identity → key
        self._row_keys: dict[tuple[str, str], str] = {}  # (type, normal) → key
        self._identities: dict[tuple[str, str], tuple[str, str]] = {}

    # -- what the batch says ------------------------------------------------------------------

    def identity(self, entity_type: str, normal: str) -> tuple[str, str]:
        """Names of one thing meet here: (family, name key)."""
        found = self._identities.get((entity_type, normal))
        if found is None:
            found = self._identities[(entity_type, normal)] = self._identity(entity_type, normal)
        return found

    def _identity(self, entity_type: str, normal: str) -> tuple[str, str]:
        if entity_type in ("PER", "ORG"):
            place = self._place_mistyped(entity_type, normal)
            if place is not None:
                return ("LOC", "=" + fold(place.canonical))
        if entity_type == "LOC":
            normal = self._without_descriptor(normal)
            place = self.places.lookup(normal) or self._place_by_lemma(normal, cities=True) \
                or self._place_by_case_ending(normal) or self._place_hyphened(normal)
            if place is not None and not settlement_adjective(normal, place):
                return ("LOC", "=" + fold(place.canonical))
        if entity_type == "ORG" and (site := WEB_ADDRESS.fullmatch(normal.strip().lower())):
            # «tass.ru» (an outlet named by its address): its name, and the batch's outlet of
            # that name written in Cyrillic where it has one (``_resolve``)
            self.site_names.add(site.group(1))
            return ("SITE", site.group(1))
        if entity_type == "ORG" and (site := CYRILLIC_WEB_ADDRESS.fullmatch(fold(normal))):
            # «Кедровка.ру», «Кедровка.ru»: the outlet of the address «kedrovka.ru», and so the
            # batch's «Кедровка» where it names one (``_resolve``)
            name = romanised(site.group(1))
            self.site_names.add(name)
            self.cyrillic_site_names[name] = site.group(1)
            return ("SITE", name)
        name = stripped_name(entity_type, normal, self.words)
        if entity_type == "PER":
            return ("PER", self._with_full_first_name(person_name(self._without_title(name))))
        if entity_type in FAMILIES:
            name = eponym_by_surname(name, self.words.eponym_markers)
        key = name_key(name) if name else name
        if entity_type == "LOC":
            key = self._district(key)
        if entity_type == "EVENT":
            key = TWO_SIDES.sub(sides_in_order, key)
            # «Россия — Исламский мир: KazanForum»: the brand after the colon is the name the
            # news write alone («KazanForum»); not a part in Cyrillic («Стальной форум: Азия»)
            head, colon, brand = key.rpartition(": ")
            if colon and head and BRAND_AFTER_COLON.fullmatch(brand):
                key = brand
        if entity_type in FAMILIES:
            key = LATIN_BEFORE_RUSSIAN.sub(
                lambda m: "".join(LATIN_LETTERS[letter] for letter in m.group()), key)
            head, hyphen, rest = key.partition("-")
            if hyphen and " " not in head and head in self.words.park_type_words \
                    and rest[:1].isalpha():
                key = f"{head} {rest}"  # «Технопарк-Кедровия» is the «Технопарк Кедровии»
        if entity_type == "ORG":
            key = self._without_own_country(self._federal_body(self._ministry_in_full(key)))
        if entity_type in ("ORG", "PARK"):  # («Российская промзона»: a park's words too)
            for phrase, same in self.words.org_phrase_synonyms:
                key = f" {key} ".replace(f" {phrase} ", f" {same} ").strip()
        if entity_type == "ORG":
            key = self._renamed_russian_body(key)
        if entity_type == "ORG" and " " in key:
            head, _, last = key.rpartition(" ")
            key = f"{head} {dict(self.words.name_synonyms).get(last, last)}"
        if entity_type == "ORG" and len(key.split()) >= 2 and "«" not in normal \
                and key.split()[1] not in self.words.park_type_words \
                and (region := self.region_of_adjective(key.split()[0])) is not None \
                and region.kind in ("federal subject", "region"):
            # «Пензенская торгово-промышленная палата» is the «… палата Пензенской области»
            # (not a park's name: «Пензенский технопарк»)
            key = " ".join([*key.split()[1:], "=" + fold(region.canonical)])
        elif entity_type == "ORG" and (key.split()[0] in self.words.body_heads
                                       or len(key.split()) >= 3 or self._region_closes(key)):
            # a body's name, or any name of three words or more («Совет муниципальных
            # образований Татарстана», «… Республики Татарстан»: one place), or of two that
            # a region's name closes («Минкедр Подмосковья»); another name of two words keeps
            # them («Технополис Москва» is a park's name as well)
            key = self._places_in_name(key, normal)
        return (FAMILIES.get(entity_type, entity_type), key)

    def _with_full_first_name(self, name: str) -> str:
        """A person's name (``person_name``) with the full first name for its everyday form
        («юля кедрова» → «юлия кедрова», «маша» → «мария»: key_first_name_diminutives)."""
        first, space, rest = name.partition(" ")
        full = self._full_first_names.get(first)
        if full is None:
            return name
        # the full name folded as a written one is («анна» → «ана», as any «Анна» in a text)
        return person_name(f"{full}{space}{rest}")

    def _without_title(self, name: str) -> str:
        """A person's name without the post titles a span took in before it («ректор»)."""
        words = name.split()
        while len(words) > 1 and words[0] in self.words.post_titles \
                and not first_name(words[0]):
            words = words[1:]  # (not a title that is a first name too: «Султан», «Аким»)
        return " ".join(words)

    def region_of_adjective(self, word: str) -> Place | None:
        """The place whose adjective ``word`` is, in any of its adjective readings
        («тверская», a street's name as well, is «тверской»)."""
        for lemma in dict.fromkeys([word, *(parse.normal_form.replace("ё", "е")
                                            for parse in word_parses(word)
                                            if "ADJF" in parse.tag)]):
            place = self.places.by_adjective.get(lemma)
            if place is not None:
                return place
        return None

    def _district(self, key: str) -> str:
        """A Russian district's name key whatever its kind: «Тюменский муниципальный округ»,
        «Тюменский округ», «Тюменский муниципальный район» → «тюменский район» (districts
        became municipal okrugs keeping their names; news write either). Only after the
        adjective of a Russian city or region: «Уральский округ» is a federal district."""
        words = key.split()
        if len(words) in (2, 3) and words[-1] in ("округ", "район") \
                and (len(words) == 2 or words[1] in self.words.municipal_kinds):
            place = self.places.by_adjective.get(words[0])
            # (a city's or region's: Урал, Сибирь name federal districts; a city's «городской
            # округ» is the city's own, no district)
            if place is not None and place.country == "RU" and place.kind != "region":
                return f"{words[0]} район" if words[1] not in self.words.city_municipal_kinds \
                    else key
            if place is None and len(words) == 3 and words[1] in self.words.city_municipal_kinds:
                # «Кедровский городской округ» of a town the gazetteer does not know is the
                # «Кедровский округ» (its «муниципальный округ» is a district's: kept apart)
                return f"{words[0]} {words[2]}"
        return key

    def _place_mistyped(self, entity_type: str, normal: str) -> Place | None:
        """A name tagged PER or ORG that is a place: a place's abbreviation («РУз» tagged
        PER, «ВКО» tagged ORG), a region's or country's full name tagged ORG, or one word
        that names a region or a country, in any case
        («Приамурьем», «Вологодчина» tagged PER). A city's name alone stays a person's: many
        are surnames («Королёв»)."""
        word = normal.strip()
        if " " in word and entity_type == "ORG":
            # «Северо-Казахстанская область» tagged ORG: a region's or country's full name
            place = self.places.by_name.get(name_key(word))
            return place if place is not None and place.kind != "city" else None
        if " " in word or not word:
            return None
        if sum(letter.isupper() for letter in word) >= 2 and (
                entity_type == "PER" or ABBREVIATION.fullmatch(word)):
            return self.places.lookup(word)
        if entity_type != "PER":
            return None
        return self._place_by_lemma(word, cities=False)

    def region_of_one_word(self, word: str) -> Place | None:
        """The one region or country a single word names in any case («Зауралья»)."""
        return self._place_by_lemma(word, cities=False)

    def _place_by_lemma(self, word: str, cities: bool) -> Place | None:
        """The one place a single word names in any case («Приамурьем»), by the lemmas of its
        noun readings; a city only where ``cities`` (a name tagged PER is a surname first)."""
        if " " in word.strip() or not word.strip() or MIXED_CASE_ACRONYM.search(word):
            return None  # (an acronym of mixed case, «УрФУ», has no case ending to read)
        parses = word_parses(fold(word.strip()))
        if parses and {"Surn", "Name", "Patr"} & parses[0].tag.grammemes:
            return None  # most likely a surname («Воеводин», not «Воеводина»)
        # by name only: an adjective alone may be a surname («Тверской»)
        names = {fold(word), name_key(word)} | {
            parse.normal_form for parse in parses
            if "NOUN" in parse.tag and not {"Surn", "Name", "Patr"} & parse.tag.grammemes}
        places = {self.places.by_name.get(name) for name in sorted(names)} - {None}
        regions = {place for place in places if cities or place.kind != "city"}
        return next(iter(regions)) if len(regions) == 1 else None

    def _place_hyphened(self, name: str) -> Place | None:
        """A place of a hyphened name written with spaces («Буэнос Айресе», «Ростове на
        Дону»): the gazetteer's place of the name hyphened, where it knows one."""
        words = name.split()
        return self.places.lookup("-".join(words)) if len(words) > 1 else None

    def _place_by_case_ending(self, word: str) -> Place | None:
        """The one place a word the dictionary does not know names with a case ending
        changed: «Сычуани» → Сычуань, «Аньхое» → Аньхой (a foreign name declined, which no
        dictionary reading gives back)."""
        if MIXED_CASE_ACRONYM.search(word):
            return None
        word = fold(word.strip())
        if " " in word or len(word) < 5 or not word.isalpha() \
                or dictionary().word_is_known(word):
            return None
        found = {place for ending, nominatives in CASE_ENDINGS if word.endswith(ending)
                 for nominative in nominatives
                 if (place := self.places.by_name.get(word[:-len(ending)] + nominative))
                 is not None}
        return next(iter(found)) if len(found) == 1 else None

    def _descriptive_party(self, name: str) -> bool:
        """Whether a name key is adjectives before a party's head («коммунистический
        партия»): a name every country has, so not Russia's alone."""
        *before, head = name.split()
        return head in self.words.descriptive_party_heads and bool(before) \
            and all(an_adjective(word) for word in before)

    def every_countrys_body(self, entity_type: str, normal: str) -> bool:
        """Whether an organisation's bare name is one that many countries' bodies bear: a
        party's of adjectives alone, with no country's adjective among them («Социалистическая
        партия»; not «Чешская социал-демократическая партия», nor «Партия «Кедр»»), or a name
        of key_every_countrys_body_names («Совет министров»)."""
        bare = self._bare_body_name(entity_type, normal)
        if bare is None:
            return False
        if bare[1] in self.words.every_countrys_body_names:
            return True
        return self._descriptive_party(bare[1]) \
            and not any(countries_adjective(word) for word in bare[1].split())

    def _federal_body(self, key: str) -> str:
        """An organisation's name key with its short name expanded and Russia after a
        federal body's name left out: «Минпромторг России», «Министерство промышленности и
        торговли РФ», «Минпромторг» → «министерство промышленность и торговля», and Russia
        right after the head noun of an official name («Министерство Российской Федерации
        по …») left out (a bare common noun, «Посольство России», keeps the country)."""
        short_names = dict(self.words.org_short_names)
        words = key.split()
        abbreviations = dict(self.words.body_abbreviations)
        if len(words) > 1 and words[0] in abbreviations \
                and self.places.lookup(" ".join(words[1:])) is not None:
            # «МИД России», «МВД Казахстана»: the place's body of the full name
            words = [abbreviations[words[0]], *words[1:]]
            key = " ".join(words)
            words = key.split()
        for size in (2, 1):
            # «Министерство Российской Федерации по развитию …»: a body's official name with
            # Russia right after its head noun («Посольство России в …» keeps it)
            if len(words) > size + 2 and words[0] in self.words.body_heads \
                    and words[1 + size] == "по" \
                    and (place := self.places.lookup(" ".join(words[1:1 + size]))) is not None \
                    and is_russia(place):
                words = [words[0], *words[1 + size:]]
                key = " ".join(words)
                break
        for size in (2, 1):
            head, last = " ".join(words[:-size]), " ".join(words[-size:])
            place = self.places.lookup(last) if head else None
            if place is not None and is_russia(place) \
                    and (" " in head or head in short_names) \
                    and head not in self.words.body_full_names \
                    and not self._descriptive_party(head):
                # (not a body every country has, «Министерство иностранных дел»: alone, it is
                # any country's, as «МИД» is)
                key = head.removesuffix(" в")  # «Посольство КНР в РФ»: in Russia
                break
        words = key.split()
        if len(words) > 1 and words[0] in short_names:  # «Минпромторг РТ»: a region's
            return " ".join([short_names[words[0]], *words[1:]])
        return short_names.get(key, key)

    def _renamed_russian_body(self, key: str) -> str:
        """A Russian federal body's name key under its name before the renaming, in the name
        after it (key_russian_org_phrase_synonyms: «министерство экономический развитие и
        торговля» → «министерство экономический развитие»): only where those words close
        the name (Russia after them is left out already, ``_federal_body``) and no word before
        them names a place but Russia. Another country's or a region's body of the old name
        («… и торговли Казахстана») was not renamed with it."""
        for phrase, same in self.words.russian_org_phrase_synonyms:
            before = key.removesuffix(phrase)
            if before != key and (not before or before.endswith(" ")) and not any(
                    (place := self.places.by_name.get(word) or self.places.by_adjective.get(word))
                    is not None and not is_russia(place)
                    for word in before.split()):
                return before + same
        return key

    def _ministry_in_full(self, key: str) -> str:
        """A ministry's short name of «мин» and a noun in the genitive, in full: «Минэкономики»
        → «министерство экономика» (name keys), one key with «Министерство экономики». The
        short names of key_org_short_names are left to it («Минприроды» is not «… природы»)."""
        first, _, rest = key.partition(" ")
        noun = first[3:]
        if not first.startswith("мин") or len(noun) < 4 \
                or first in dict(self.words.org_short_names) \
                or not dictionary().word_is_known(noun) \
                or not any({"NOUN", "gent"} <= parse.tag.grammemes for parse in word_parses(noun)):
            return key
        return " ".join(["министерство", name_key(noun), *rest.split()])

    def _without_own_country(self, key: str) -> str:
        """An organisation's name key less a country's name closing it where a word before
        already names a place of that country: «Витебский облисполком Республики Беларусь» is
        «Витебский облисполком» (the country adds nothing the region's name does not say)."""
        words = key.split()
        for size in (3, 2, 1):
            if len(words) < size + 2:
                continue
            country = self.places.by_name.get(" ".join(words[-size:]))
            if country is None or country.kind != "country":
                continue
            if any((place := self.places.lookup(word)) is not None
                   and place.country == country.country for word in words[:-size]
                   if not word.startswith("=")):
                return " ".join(words[:-size])
        return key

    def _places_in_name(self, key: str, normal: str) -> str:
        """An organisation's name key with each place in it as the place: «Посольство КНР в
        РФ», «посольства Китайской Народной Республики в России», «Посольство Китая» →
        «посольство =китай» («in Russia» at the end is where the news is written from, no
        part of the name). A place is a capitalised run of words the gazetteer names, after
        the name's first word. Only a body's name («посольство», «министерство»…), or a name
        of two words closed by a region or country (``_region_closes``: «Минкедр Зауралья»): a
        park's or a company's name keeps its words («Технополис Москва»)."""
        written = " ".join([normal, *(full for full_key, full in self.words.org_full_names
                                      if f"{key} ".startswith(f"{full_key} "))])
        capitalised = {name_key(word) for word in written.replace("«", " ").split()
                       if word[:1].isupper()} | {name for _, name in self.words.name_synonyms}
        words, named = key.split(), []
        i = 0
        while i < len(words):
            for size in range(min(4, len(words) - i), 0, -1):
                window = " ".join(words[i:i + size])
                place = (self.places.by_name.get(window) or self.places.by_state_form(window)) \
                    if i > 0 and words[i] in capitalised else None
                if place is not None:
                    if len(named) > 1 and named[-1] in self.words.town_words \
                            and is_town(place):
                        # «Администрация города Казани» is «Администрация Казани»; not a
                        # province's («провинции Цзилинь»: its capital is «город Цзилинь»)
                        named.pop()
                    named.append("=" + fold(place.canonical))
                    i += size
                    break
            else:
                named.append(words[i])
                i += 1
        if len(named) > 2 and named[-2:] == ["в", "=россия"]:
            named = named[:-2]
        return " ".join(named)

    def _region_closes(self, key: str) -> bool:
        """A name key of two words whose second is a region's or a country's name (not a
        town's or a federal district's, not after a park's type word): «минкедр зауралье»."""
        words = key.split()
        place = self.places.by_name.get(words[1]) if len(words) == 2 else None
        return place is not None and place.kind in ("country", "federal subject", "region") \
            and words[0] not in self.words.park_type_words

    def is_body_head(self, name: str) -> bool:
        """«Посольство», «Минпромторг»: a body's head noun or short name, alone."""
        key = name_key(name)
        return key in self.words.body_heads or key in dict(self.words.org_short_names)

    def _without_descriptor(self, name: str) -> str:
        """«провинция Аньхой» → «Аньхой», «г. Москва» → «Москва» (a place the gazetteer
        knows with its descriptor, «область Абай», keeps it)."""
        words = name.replace(".", ". ").split()
        if len(words) > 1 and name_key(words[0]) in self.words.place_descriptors \
                and self.places.lookup(name) is None:
            return " ".join(words[1:])
        return name

    def remember_names(self, names: pa.Table) -> None:
        """Keys an earlier batch gave (its ``names`` table): the same names keep them."""
        for key, alias in zip(names.column("entity_key").to_pylist(),
                              names.column("alias").to_pylist(), strict=True):
            entity_type = key.split(":", 1)[0]
            if entity_type == DELEGATION:
                continue
            self.earlier_keys.add(key)
            identity = self.identity(entity_type, alias)
            self.earlier.setdefault(identity, key)
            if identity[0] in ("SITE", "PER") \
                    and len((heard := consonant_sounds(identity[1])).lstrip("*")) \
                    >= HEARD_CONSONANTS_MIN:
                self.earlier_heard[heard].append((identity, key))

    def learn(self, entities: pa.Table) -> None:
        """Take in entity rows (``store`` schema): their names, types and abbreviations."""
        columns = entities.select(["type", "normal", "n_mentions", "aliases"]).to_pydict()
        placed = entities.select(["doc_id", "entity_id"]).to_pydict() \
            if "doc_id" in entities.column_names else {}
        # per document: the sites it names, and its headed quoted names (see headed_names)
        sites: dict[str, set[tuple[str, str]]] = defaultdict(set)
        people: dict[str, set[tuple[str, str]]] = defaultdict(set)  # full-named, per document
        headed: dict[str, list[tuple[tuple[str, str], tuple[str, str], str]]] = defaultdict(list)
        named_places: dict[str, set[str]] = defaultdict(set)  # per document: places it names
        places: dict[str, set[tuple[str, str]]] = defaultdict(set)  # per document: LOC names
        countries: dict[str, Counter[str]] = defaultdict(Counter)  # per document: by mentions
        bodies: dict[str, set[tuple[str, str]]] = defaultdict(set)  # every country's, per doc
        for number, (entity_type, normal, count, aliases) in enumerate(
                zip(*columns.values(), strict=True)):
            if entity_type == DELEGATION or not normal:
                continue
            place = self.located.get((placed["doc_id"][number], placed["entity_id"][number])) \
                if placed else None
            if place is not None:
                self.placed_rows.append((placed["doc_id"][number], entity_type, normal, place))
            identity = self.identity(entity_type, normal)
            thing = self.things.get(identity)
            if thing is None:
                thing = self.things[identity] = Thing(identity, Counter(), Counter())
            thing.documents += 1
            if placed:
                named_places[placed["doc_id"][number]].update(
                    place.canonical for _, place in places_named_by(
                        [{"type": entity_type, "normal": normal}], self.places))
            if identity[0] == "SITE":
                kinds = {park_kind(written, self.words) for written in (normal, *(aliases or ()))}
                if "zone" in kinds:
                    self.zone_names.add(identity)
                if "industrial park" in kinds:
                    self.industrial_park_names.add(identity)
            if identity[0] == "SITE" and placed:
                document = placed["doc_id"][number]
                sites[document].add(identity)
                if (quoted := HEADED_QUOTED_NAME.fullmatch(normal.strip())
                        or headed_one_word_name(normal.strip())) \
                        and (head := name_key(quoted.group(1))) in self.words.org_body_nouns:
                    headed[document].append(
                        (identity, self.identity(entity_type, quoted.group(2)), head))
            weight = count or 1
            if entity_type == "PARK" and stripped_name("PARK", normal, self.words) != fold(normal):
                weight *= 3  # a type word in the name («ОЭЗ «…»») is strong evidence
            if entity_type == "ORG" and with_legal_form(aliases, self.words):
                weight = 0  # a company (АО «Каменка»): no evidence of its park's type
            thing.types[entity_type] += weight
            if entity_type == "EVENT" and normal.strip() and (
                    "«" in normal or fold(normal).split()[0] not in self.words.event_words):
                self.events_named_alone.add(identity)
            display = self._display(entity_type, normal)
            thing.names[display] += count or 1
            if entity_type == "LOC" and any(
                    " " in alias and name_key(alias.split()[0]) in self.words.place_words
                    for alias in aliases or ()):
                self.written_as_places.add(identity)  # «реки Карасу», «города Ташсой»
            if identity[0] == "SITE" and "«" in normal:
                self.quoted_sites.add(identity)
            if identity[0] in ("SITE", "EVENT") and " " not in display.strip():
                self.one_word_names[(identity[0], fold(display))].add(identity)
            head, _, rest = identity[1].partition(" ")
            if identity[0] == "SITE" and rest and head in self.words.park_named_heads \
                    and name_key(last := fold(display).split()[-1]) == last \
                    and not (entity_type == "ORG" and with_legal_form(aliases, self.words)):
                # (a name after the head, in the nominative: not «Технопарк Института»; not
                # a company's, АО «Технопарк «Кедровка»», the park's operator)
                self.long_forms.setdefault(("SITE", rest), identity)
            if identity[0] == "SITE" and (short := self.company_short_name(identity[1])):
                # «Демиркая» is the batch's «Демиркая Макина»; «Хуатай» its «Шаньдун Хуатай
                # Машинери»
                self.company_short_forms[("SITE", short)].add(identity)
            first, dash, _ = identity[1].partition(" — ")
            if entity_type == "PARK" and identity[0] == "SITE" and dash \
                    and " " not in first and len(first) >= 4:
                # «СЭЗ «Хоргос»» is the batch's «СЭЗ «Хоргос — Восточные ворота»»: a zone's
                # name before its dash
                self.company_short_forms[("SITE", first)].add(identity)
            if identity[0] == "SITE" and " " in rest and head in self.russian_adjectives:
                # «Ассоциация индустриальных парков» is the batch's «Российская ассоциация
                # индустриальных парков»: the news are Russian, a body without a country is
                # Russia's
                self.long_forms.setdefault(("SITE", rest), identity)
            if identity[0] == "SITE" and (in_full := full_ministry(identity[1])) is not None:
                self.ministries[in_full[1]].add(identity)
            if entity_type == "LOC" and len(normal.split()) >= 2 \
                    and name_key(normal) in self.places.by_name:  # a name, not «Калужский регион»
                self.place_initials[initials(normal)].add(identity)
            if identity[0] == "LOC" and placed:
                places[placed["doc_id"][number]].add(identity)
            if placed and (country := country_of_place(self, entity_type, normal)) is not None:
                countries[placed["doc_id"][number]][country] += count or 1
            if placed and self.every_countrys_body(entity_type, normal):
                bodies[placed["doc_id"][number]].add(identity)
            if identity[0] == "PER" and " " in identity[1] \
                    and not INITIALS_SURNAME.fullmatch(identity[1]):
                for word in identity[1].split():
                    self.person_words.setdefault(word, set()).add(identity)
                if placed:
                    people[placed["doc_id"][number]].add(identity)
            if identity[0] == "PER":
                self.person_aliases[identity].update(
                    person_name(stripped_name("PER", alias, self.words)) for alias in aliases or ())
            if entity_type in ("ORG", "PARK", "EVENT"):
                self._learn_initials(identity, entity_type, normal)
                self._learn_eponym(identity, entity_type, normal)
                self._learn_eponymous_tail(identity)
            if identity[0] == "SITE":
                self._learn_tail_initials(identity, normal)
            if identity[0] == "SITE" and CYRILLIC_WORD.fullmatch(identity[1]) \
                    and (not dictionary().word_is_known(identity[1])
                         or (normal.strip(" «»\"").isupper()
                             and read_only_as_a_proper_name(identity[1]))):
                # (a made-up name, «Кедрмаш», or an acronym-like one in capitals the
                # dictionary knows only as a proper name, «КОТРА» as «KOTRA»: a word of the
                # language, «Спутник» or «СПУТНИК», names many things, and its Latin
                # spelling, «Sputnik», another)
                self.romanised_names[romanised(identity[1])].add(identity)
            if identity[0] == "SITE" and not LATIN_WORD.search(normal):
                for alias in aliases or ():
                    if LATIN_NAME.fullmatch(plain_latin(alias.strip("«»\" "))):
                        self.latin_names.setdefault(self.identity(entity_type, alias),
                                                    Counter())[identity] += count or 1
            if entity_type in ("ORG", "PARK", "EVENT") and len(normal.split()) >= 2:
                letters = initials(normal)
                for alias in aliases or ():
                    # (its initials, or an abbreviation its document wrote it with: in
                    # brackets after it, ``coreference.parenthesised_aliases``)
                    stems = entity_type == "ORG" and stem_abbreviation_of(alias, normal)
                    short = entity_type == "ORG" and _short_name_of(alias, normal)
                    if stems or short or (ABBREVIATION.fullmatch(alias) and (
                            alias == letters or abbreviation_of(alias, letters)
                            or _foreign_acronym_of(alias, normal))):
                        key = (FAMILIES.get(entity_type, entity_type),
                               name_key(short or alias))
                        self.abbreviations.setdefault(key, Counter())[identity] += count or 1
                        if stems or short:  # (a word, not capitals, stands for the name)
                            self.stem_abbreviations.add(key)
        for document, identities in sites.items():
            for identity in identities:
                self.places_of_sites[identity] |= named_places[document]
        for identities in places.values():
            for short, long in places_written_short(identities):
                self.places_begun_by[short][long] += 1
        for identities in people.values():
            for long, short in long_names_written_short(identities):
                self.short_names_beside[long][short] += 1
        for document, identities in bodies.items():
            if (host := host_country(countries[document])) is not None:
                for identity in identities:
                    self.hosts_of_bodies[identity][host] += 1
        for document, identities in people.items():
            regions = russian_regions(named_places[document], self)
            for identity in identities:
                self.regions_of_people[identity].update(regions)
        for document, names in headed.items():
            heads = defaultdict(set)
            for _identity, bare, head in names:
                heads[bare].add(head)
            for identity, bare, head in names:
                # (not a name the document writes after two heads, «Фонд Ольха» and «Банк
                # Ольха»: two bodies, neither of them the bare name more than the other)
                if bare in sites[document] and bare != identity and len(heads[bare]) == 1:
                    self.headed_names.setdefault(identity, Counter())[bare] += 1
                    self.heads_of[bare].add(head)
        self._keys, self._row_keys = {}, {}  # what was learnt may change any key
        self._apart = None
        self._abbreviations_of = None

    def _learn_initials(self, identity: tuple[str, str], entity_type: str, normal: str) -> None:
        """A name's initials (of each run of its leading words, the rest as it is), and
        whether it is written as an abbreviation of three capitals or more. A body's name
        («Министерство иностранных дел») gives none: its bare abbreviation is any country's."""
        family = FAMILIES.get(entity_type, entity_type)
        written = normal.replace("«", " ").replace("»", " ").split()
        if not written:
            return
        if len(written) == 1 and self.two_letter_acronym(written[0]):
            # «КМ» stands for the batch's one name of two words with those initials only
            # (``initialled_names`` of two letters: a whole name of two words)
            self.written_abbreviations.setdefault(identity, written[0])
            return
        if ABBREVIATION.fullmatch(written[0]) and sum(c.isupper() for c in written[0]) >= 3:
            # (a type word before a name, «ОЭЗ «Алабуга»», is no abbreviation of that name; its
            # name key may have lost a letter, «БГТУ» → «бгт», or gained one, «КСПП» → «ксппа»)
            letters, first = fold(written[0]), identity[1].partition(" ")[0]
            self.written_abbreviations.setdefault(
                identity, written[0].upper() if letters.startswith(first)
                or (first.startswith(letters) and len(first) == len(letters) + 1)
                or (len(written) == 1 and " " not in identity[1]) else "")
            return
        if len(written) < 2 or "«" in normal:
            return
        body = name_key(written[0]) in self.words.national_body_heads
        for size in range(2, len(written) + 1):
            if ABBREVIATION.fullmatch(written[size - 1]):
                # an abbreviation among the words ends their initials: «Национальное собрание
                # НКР» is no «НСН» (another body's, or a news agency's)
                break
            rest = self._rest_key(name_key(" ".join(written[size:])))
            if body and not rest.startswith("="):
                continue  # «МЦРТ Азербайджана» is a country's body, a bare «МИД» anyone's
            leading = written[:size]
            # with and without the small words («Министерство цифрового развития и
            # транспорта» is МЦРТ, «Министерство по делам …» МПД), and a hyphened word as one
            # letter («Кедрик-е Ольхан Сосния» is КОС: «-е» is a particle, no word)
            for letters in {initials(" ".join(leading)),
                            initials(" ".join(w for w in leading if w not in SMALL_WORDS)),
                            initials(" ".join(w.split("-")[0] for w in leading
                                              if w not in SMALL_WORDS))}:
                if 3 <= len(letters) <= 8 or (len(letters) == 2 == len(written)
                                               and ABBREVIATION.fullmatch(letters)):
                    self.initialled_names[(family, letters, rest)].add(identity)

    def two_letter_acronym(self, word: str) -> bool:
        """Two capitals that are no word of the language («ОН»: the dictionary reads it as
        no abbreviation) and no place's (the gazetteer's «РК», the dictionary's «РТ»): an
        acronym a name of two words may stand for."""
        if len(word) != 2 or not word.isupper() or not word.isalpha() \
                or self.places.lookup(word) is not None:
            return False
        parses = word_parses(fold(word))
        return not dictionary().word_is_known(fold(word)) or (
            all("Abbr" in parse.tag.grammemes for parse in parses)
            and not any("Geox" in parse.tag.grammemes for parse in parses))

    def _learn_eponym(self, identity: tuple[str, str], entity_type: str, normal: str) -> None:
        """A name of two words or more before «имени»/«им.» (``eponymous``) that names one
        thing without its eponym (``_names_one_thing``). Not an event's: «Международный
        турнир» is any, and the one named after someone another."""
        if entity_type == "EVENT":
            return
        written = normal.split()
        before = next((i for i, word in enumerate(written)
                       if fold(word) in self.words.eponym_markers), 0)
        if before >= 2 and "«" not in normal \
                and self._names_one_thing(written[:before]):
            self.eponymous[self.identity(entity_type, " ".join(written[:before]))].add(identity)

    def _learn_eponymous_tail(self, identity: tuple[str, str]) -> None:
        """The shorter names a name with an eponym ends in, from its head on: «Кедровский
        драматический театр имени Ольхиной» ends in «театр имени Ольхиной» (its city's
        adjective, keyed as the place after the name, left out)."""
        words = identity[1].split()
        if words and words[-1].startswith("="):
            words = words[:-1]
        if EPONYM_KEY not in words[2:]:
            return
        for start in range(1, words.index(EPONYM_KEY)):
            if not any(parse.tag.POS == "ADJF" for parse in word_parses(words[start - 1])):
                # the words left out are the head's adjectives: «Кедровский филиал ОГУ имени
                # …» is a branch, no «ОГУ имени …»
                break
            self.eponymous_tails[(identity[0], " ".join(words[start:]))].add(identity)

    def _given_name_joined(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """«Ким Сон Хо» is the batch's «Ким Сонхо»: a Korean name of three one-syllable words
        whose given name the batch also writes as one word."""
        words = identity[1].split()
        if len(words) != 3 or not all(ONE_SYLLABLE.fullmatch(word) for word in words):
            return None
        joined = ("PER", f"{words[0]} {words[1]}{words[2]}")
        return joined if joined in self.things else None

    def company_short_name(self, name: str, latin: bool = False) -> str:
        """The one word a foreign company's name comes down to without the words that close
        it (``company_tail_words``) and a place opening it («шаньдун хуатай машинери» →
        «хуатай»; with ``latin``, «shandong hengtai machinery» → «hengtai»), where it is a
        made-up word; else ""."""
        if LATIN_WORD.search(name) and not latin:
            return ""  # (across the batch a Latin name's own: «Samsung» is the group)
        words = name.split()
        while len(words) > 1 and words[-1] in self.company_tails:
            words.pop()
        while len(words) > 1 and (self.places.lookup(words[0]) is not None or (
                LATIN_WORD.fullmatch(words[0]) and (spelt := chinese_names_in_russian(words[0]))
                and self.places.lookup(spelt) is not None)):
            words.pop(0)
        if len(words) == len(name.split()):
            return ""
        word = words[0] if len(words) == 1 else ""
        return word if len(word) >= 4 and not common_word(word) \
            and self.places.lookup(word) is None else ""

    def _company_shortened(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """The batch's one longer company name a one-word name shortens (see
        ``company_short_name``); a name of several words, the batch's one name that is it
        after a leading place or before closing words («Хуаюй Текнолоджи» of «Цзянсу Хуаюй
        Текнолоджи», «Хуалин Электрик» of «Хуалин Электрик Текнолоджи»)."""
        if identity[0] != "SITE":
            return None
        if " " in identity[1]:
            short = self.company_short_name(identity[1])
            longer = [each for each in self.company_short_forms.get(("SITE", short), set())
                      if each[1].endswith(" " + identity[1])
                      or each[1].startswith(identity[1] + " ")] if short else []
            return longer[0] if len(longer) == 1 else None
        found = self.company_short_forms.get(identity, set()) - {identity}
        # (a name and the same name after a leading place or before closing words are one
        # company's)
        found = {each for each in found
                 if not any(other[1].endswith(" " + each[1]) or other[1].startswith(each[1] + " ")
                            for other in found)}
        if self._a_park(identity) and not any(self._a_park(each) for each in found):
            return None  # «индустриальный парк «Хуашань»» is no short name of its investor's
        return next(iter(found)) if len(found) == 1 else None

    def _a_park(self, identity: tuple[str, str]) -> bool:
        thing = self.things.get(identity)
        return thing is not None and thing.types["PARK"] > thing.types["ORG"]

    def _longer_eponymous(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """«Театр имени Ольхиной» is the batch's one longer name that ends so («Кедровский
        драматический театр имени Ольхиной»); where two do, neither."""
        found = self.eponymous_tails.get(identity, set()) - {identity}
        return next(iter(found)) if len(found) == 1 else None

    def _names_one_thing(self, written: list[str]) -> bool:
        """Whether a body's name before its eponym names one body by itself: it has a generic
        head (a noun, first or in lower case: not «Дальний Восток», a place's name) and a
        distinctive word, a proper name or a region's or country's adjective other than
        Russia's («Кедровский государственный университет»; not «Детская школа искусств»,
        «Центральная районная больница», of which every town has one)."""
        head = any((i == 0 or word[:1].islower())
                   and any("NOUN" in parse.tag for parse in word_parses(fold(word)))
                   for i, word in enumerate(written))
        return head and any(self._distinctive(word) for word in written)

    def _distinctive(self, word: str) -> bool:
        """A proper name (no word of the dictionary, or one it reads as a name too:
        «Кедровский», «Ольховский»), or the adjective of any place the gazetteer knows (a
        city's, a region's, a foreign country's) but Russia's."""
        folded = fold(word)
        if not CYRILLIC_WORD.fullmatch(folded):
            return False
        if not dictionary().word_is_known(folded) or any(
                PROPER_OR_ABBREVIATION & parse.tag.grammemes for parse in word_parses(folded)):
            return True
        place = self.places.by_adjective.get(name_key(word))
        return place is not None and not is_russia(place)

    def _named_after(self, identity: tuple[str, str]) -> tuple[str, str]:
        """The batch's one thing named ``identity``'s name and an eponym, else ``identity``."""
        found = self.eponymous.get(identity, set()) - {identity}
        return next(iter(found)) if len(found) == 1 else identity

    def _learn_tail_initials(self, identity: tuple[str, str], normal: str) -> None:
        """A generic head before an abbreviation («Корпорация «МСП»»), or the initials of a
        long name's last words with the words before them (see ``tail_initials``)."""
        if (headed := HEADED_ABBREVIATION.fullmatch(normal.strip())) is not None:
            self.headed_abbreviations[identity].add((name_key(headed.group(1)),
                                                     headed.group(2)))
            return
        written = normal.split()
        if "«" in normal or len(written) < 4:
            return
        for start in range(1, len(written) - 1):
            letters = initials(" ".join(w for w in written[start:] if w not in SMALL_WORDS))
            if 3 <= len(letters) <= 8:
                self.tail_initials[(identity[0], letters)].add(
                    (identity, frozenset(name_key(" ".join(written[:start])).split())))

    def _headed_abbreviation(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """«Корпорация «МСП»» is the batch's one name that has its head and ends in words of
        those initials («Федеральная корпорация по развитию малого и среднего
        предпринимательства»)."""
        found = {name for head, letters in self.headed_abbreviations.get(identity, ())
                 for name, before in self.tail_initials.get((identity[0], letters), ())
                 if head in before} - {identity}
        return next(iter(found)) if len(found) == 1 else None

    def _rest_key(self, rest: str) -> str:
        """What follows an abbreviation or its expansion, a place as the place («ТПП РФ»)."""
        place = self.places.lookup(rest) if rest else None
        return "=" + fold(place.canonical) if place is not None else rest

    def _expanded(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """The batch's one name that an abbreviation written in capitals stands for."""
        if identity not in self.written_abbreviations:
            return None
        family, name = identity
        first_word, _, rest = name.partition(" ")
        first_word = first_word.upper()
        found = set()
        for first in dict.fromkeys((self.written_abbreviations[identity] or first_word,
                                    first_word)):
            found |= self.initialled_names.get((family, first, self._rest_key(rest)), set())
        found = {self._named_after(name) for name in found} - {identity}
        if not found and "-" in (written := self.written_abbreviations[identity]):
            # a holding's abbreviation before its company's («ОДК-УМПО»): the batch's one name
            # with the company's initials («Уфимское моторостроительное производственное
            # объединение»)
            found = self.initialled_names.get(
                (family, written.rpartition("-")[2], self._rest_key(rest)), set()) - {identity}
        return next(iter(found)) if len(found) == 1 else None

    def _syllables_spelt_out(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """«ЮУрГУ» is the batch's one «Южно-Уральский государственный университет»: each
        capital of a name written in capitals and small letters, with the small letters after
        it, begins a word of the other name, and every word is spelt so."""
        thing = self.things.get(identity)
        written = next((name for name in thing.names if SYLLABLE_ABBREVIATION.fullmatch(name)),
                       None) if thing is not None else None
        if written is None:
            return None
        pieces = sum(letter.isupper() for letter in written)
        found = {other for other in self.things if other[0] == identity[0] and other != identity
                 and len([word for word in re.split(r"[\s\-]+", other[1])
                          if word and word not in SMALL_WORDS]) == pieces
                 and syllables_lead(other[1], written)}
        return next(iter(found)) if len(found) == 1 else None

    def _ministry_spelt_out(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A ministry's short name of syllables with its place («Мининвестпромторг
        Узбекистана») is the batch's one ministry of that place written in full whose words
        the syllables spell («Министерство инвестиций, промышленности и торговли Республики
        Узбекистан»); a short name the word lists expand («Минэкономразвития Таджикистана»)
        the one whose name begins with the expansion («… развития и торговли …»). Written
        bare, it is the batch's one ministry of any place its syllables spell (Russia's own
        short names are key_org_short_names', expanded before this)."""
        thing = self.things.get(identity)
        _, marker, place = identity[1].partition(" =")
        place = "=" + place if marker else ""
        if place:
            ministries = self.ministries.get(place, set())
        elif " " not in identity[1]:
            # written bare («в Мининвестпромторге»): any place's ministry of two fields or more
            # (one of one field, «Минобразования», every country has)
            ministries = {each for placed in self.ministries.values() for each in placed
                          if len(full_ministry(each[1])[0]) >= 2}
        else:
            return None
        if thing is None or not ministries:
            return None
        shorts = {body for display in thing.names
                  if (body := short_ministry_body(display)) is not None}
        expanded = full_ministry(identity[1])
        if not shorts:
            return None
        found = {ministry for ministry in ministries - {identity}
                 for words in [full_ministry(ministry[1])[0]]
                 if any(spells_ministry(body, words) for body in shorts)
                 or (expanded is not None and words[:len(expanded[0])] == expanded[0])}
        return next(iter(found)) if len(found) == 1 else None

    def _informal_school(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """«Пермский политех» («политехнический университет» of its place) is the batch's one
        school of that place whose name ends in the same two words or more after more
        adjectives («национальный исследовательский политехнический университет»)."""
        name, marker, place = identity[1].rpartition(" =")
        words = name.split()
        # (two words at least: a bare «Пермский университет» may be any school of Perm)
        if identity[0] != "SITE" or not marker or len(words) < 2 \
                or words[-1] not in self.words.school_heads:
            return None
        found = {known for known in self.things if known[0] == "SITE" and known != identity
                 and (other := known[1].rpartition(" ="))[2] == place and other[1]
                 and len(longer := other[0].split()) > len(words)
                 and longer[-len(words):] == words}
        return next(iter(found)) if len(found) == 1 else None

    def _nominative(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A one-word name in another case than the batch's one name of that stem: the
        quoted «Камнереча» where «Камнереч» is written (the dictionary knows neither), a
        hyphened one by its last part («Нура-Стали» where «Нура-Сталь» is)."""
        thing = self.things.get(identity)
        if thing is None:
            return None
        family = identity[0]
        found: set[tuple[str, str]] = set()
        for name in {fold(name) for name in thing.names}:
            if " " in name or len(name) < 5 or not name.replace("-", "").isalpha() \
                    or len(name.rsplit("-", 1)[-1]) < 3:
                continue
            for ending, nominatives in CASE_ENDINGS:
                if name.endswith(ending):
                    for nominative in nominatives:
                        found |= self.one_word_names.get(
                            (family, name[:-len(ending)] + nominative), set())
        found.discard(identity)
        return next(iter(found)) if len(found) == 1 else None

    def _compound_written_out(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A compound's short word of a name («Генпрокуратура», «Совбез ООН», «Европейский
        центробанк») is the batch's one name that writes its two words out («Генеральная
        прокуратура», «Совет Безопасности ООН», «Европейский центральный банк»): the same
        words around them, Russia after the short word left out as it is after a body's name
        of two words (``_federal_body``)."""
        if identity[0] != "SITE":
            return None
        words = identity[1].split()
        found: set[tuple[str, str]] = set()
        for i, word in enumerate(words):
            if len(word) < COMPOUND_MIN_LETTERS or not word.isalpha():
                continue
            before, after = tuple(words[:i]), tuple(words[i + 1:])
            rests = [after, after[:-1]] if after[-1:] == ("=россия",) else [after]
            found |= {known for rest in rests
                      for known, first, second in self._word_pairs.get((before, word[:3], rest))
                      if compound_of(word, first, second, self.words.compound_short_stems)}
        found.discard(identity)
        return next(iter(found)) if len(found) == 1 else None

    def _index_word_pairs(self) -> dict[tuple, list[tuple[tuple[str, str], str, str]]]:
        index: dict[tuple, list[tuple[tuple[str, str], str, str]]] = defaultdict(list)
        for known in self.things:
            words = known[1].split()
            if known[0] != "SITE" or len(words) < 2:
                continue
            for i, (first, second) in enumerate(pairwise(words)):
                if first.isalpha() and second.isalpha():
                    index[(tuple(words[:i]), first[:3], tuple(words[i + 2:]))].append(
                        (known, first, second))
        return index

    def apart_by_place(self) -> dict[tuple[str, str], str]:
        """(doc_id, key) → the key a park or event has in that document, where the batch's
        documents place it in different countries: a bare event name placed where one longer
        event of its name is placed is that event («Иннопром» in Ташкент where «Иннопром.
        Центральная Азия» is in Ташкент); else a document that places it in another country
        than most documents do gives it a key of that country («IT-парк» in Ташкент beside
        «ИТ-парк» in Казань). Only documents that place it in two countries or more part it;
        the country of most of them keeps the bare key, Russia in a tie (the news are
        Russian: a thing is taken to be in Russia where nothing says otherwise)."""
        if self._apart is not None:
            return self._apart
        self._apart = {}
        placed: dict[tuple[str, str], Place] = {}  # (doc, key) → place
        for doc_id, entity_type, normal, place in self.placed_rows:
            key = self.key(entity_type, normal)
            if key.split(":", 1)[0] in ("PARK", "EVENT"):
                placed.setdefault((doc_id, key), place)
        events_at: dict[str, set[str]] = defaultdict(set)
        for (_, key), place in placed.items():
            events_at[place.canonical].add(key)
        for (doc_id, key), place in placed.items():
            longer = {other for other in events_at[place.canonical] if other.startswith("EVENT:")
                      and (other.startswith(key + ".") or other.startswith(key + " "))}
            if key.startswith("EVENT:") and len(longer) == 1:
                self._apart[(doc_id, key)] = next(iter(longer))
        countries: dict[str, Counter] = defaultdict(Counter)  # key → documents by country
        for (doc_id, key), place in placed.items():
            if (doc_id, key) not in self._apart:
                countries[key][place.country] += 1
        names = {place.country: place.canonical for place in self.places.places
                 if place.kind == "country"}
        self.country_variants = {}
        for key, counted in countries.items():
            if len(counted) >= 2:  # (the key each country's documents give it: see below)
                most = max(counted, key=lambda country: (counted[country], country == "RU",
                                                         country))
                self.country_variants[key] = {
                    country: key if country == most else f"{key} ({fold(names[country])})"
                    for country in counted if country in names}
        for (doc_id, key), place in placed.items():
            variant = self.country_variants.get(key, {}).get(place.country, key)
            if (doc_id, key) not in self._apart and variant != key:
                self._apart[(doc_id, key)] = variant
        # «индустриальный парк «Северный» в Череповце» and «технопарк «Северный» в Мурманске»:
        # a park placed in two regions of one country is two parks (the region of most
        # documents keeps the bare key; a document that names only the country parts nothing)
        regions: dict[str, Counter] = defaultdict(Counter)
        for (doc_id, key), place in placed.items():
            if (doc_id, key) not in self._apart and key.startswith("PARK:") and region_of(place):
                regions[key][self.park_region(place)] += 1
        self.park_regions = dict(regions)
        self.region_variants = {}
        known = self.earlier_keys
        for key, counted in regions.items():
            if len(counted) >= 2:
                # (an earlier batch's region keys stay: the bare key is for another region)
                kept = [region for region in counted if f"{key} ({fold(region)})" not in known]
                most = max(kept or counted, key=lambda region: (counted[region], region))
                self.region_variants[key] = {
                    region: key if region == most else f"{key} ({fold(region)})"
                    for region in counted}
        for (doc_id, key), place in placed.items():
            variants = self.region_variants.get(key, {})
            if (doc_id, key) not in self._apart and self.park_region(place) in variants:
                self._apart[(doc_id, key)] = variants[self.park_region(place)]
        return self._apart

    def park_region(self, place: Place) -> str:
        """The region a place puts a park in: its own, a federal city's the one around it
        (``key_one_region_pairs``: «Москва» and «Московская область» are one)."""
        region = region_of(place)
        return self.one_region.get(region, region)

    def learn_places_of_sites(self, relations: pa.Table) -> None:
        """Take in relation rows (``store`` schema): where each document says a thing is
        (LOCATED_IN a place of the gazetteer). Before ``learn``: it keeps the rows of the
        things placed here."""
        self._apart = None
        columns = relations.select(["doc_id", "type", "arg1_id", "arg2_id", "arg2_normal"]
                                   ).to_pydict()
        unknown: list[tuple[str, str, str]] = []  # (doc, thing, place the gazetteer lacks)
        visits: dict[tuple[str, int], set[int]] = defaultdict(set)  # a group → what it visited
        places_visited: dict[tuple[str, int], set[Place]] = defaultdict(set)
        for doc_id, relation_type, arg1, arg2, place_name in zip(*columns.values(), strict=True):
            if relation_type == "VISITED":
                visits[(doc_id, arg1)].add(arg2)
                if place_name and (place := self.places.lookup(place_name)) is not None:
                    places_visited[(doc_id, arg1)].add(place)
            if relation_type == "LOCATED_IN" and place_name:
                place = self.places.lookup(place_name)
                if place is not None:
                    self.located.setdefault((doc_id, arg1), place)
                elif self.words.district_words & set(fold(place_name).split()):
                    unknown.append((doc_id, arg1, arg2))
        for (doc_id, group), visited in visits.items():
            for thing in visited:
                self.visited_with[(doc_id, thing)] |= places_visited.get((doc_id, group), set())
        for doc_id, arg1, arg2 in unknown:
            # «парк «Кедр» в Емельяновском районе», «район … Красноярского края»: the region
            # the document places a district the gazetteer lacks in
            place = self.located.get((doc_id, arg2))
            if place is not None and place.kind in ("federal subject", "region"):
                self.located.setdefault((doc_id, arg1), place)

    def _display(self, entity_type: str, normal: str) -> str:
        if entity_type == "LOC":
            normal = self._without_descriptor(normal)
            place = self.places.lookup(normal) or self._place_by_lemma(normal, cities=True)
            if place is not None and not settlement_adjective(normal, place):
                return place.canonical
        name = stripped_name(entity_type, normal, self.words)
        return name if name != fold(normal) else " ".join(normal.split())

    # -- keys -------------------------------------------------------------------------------

    def _resolved(self, identity: tuple[str, str]) -> tuple[str, str]:
        """The name that ``identity`` resolves to, followed to its end: «Манделы» → «Нельсон
        Мандела» → «Нельсон Ролилахла Мандела» is one person, one key. Two names each taken
        for the other («Джаред Лафнер», «Джаред Лофнер»: a vowel of a transliteration) are
        the spelling ``_one_of_two`` keeps where their first names agree, else each itself
        («Иван Кедрин», «Игорь Кедрон»: two men, not one under the other's name)."""
        seen = [identity]
        while (following := self._resolve(seen[-1])) not in seen:
            seen.append(following)
        if following == seen[-1]:
            return following
        cycle = seen[seen.index(following):]  # entered at its first name
        if len(cycle) == 2:
            return self._one_of_two(*cycle)
        return identity if identity in cycle else cycle[0]

    def _one_of_two(self, one: tuple[str, str], other: tuple[str, str]) -> tuple[str, str]:
        """Of two people's names each resolved to the other: where their first names are
        written alike (``spelling_key``), the one more documents write (then the one that keeps
        «й»/«э», then the first in order); else ``one`` itself."""
        if one[0] != "PER" or spelling_key(one[1].split()[0]) != spelling_key(other[1].split()[0]):
            return one
        return self._most_written((one, other))

    def _most_written(self, spellings: Iterable[tuple[str, str]]) -> tuple[str, str]:
        """Of one thing's spellings, the one more documents write; then the spelling that
        keeps «й»/«э» (the misspelling drops them: «Хлайн», not «Хлаин»); then the first in
        order."""
        return min(spellings, key=lambda known: (
            -(self.things[known].documents if known in self.things else 0),
            -sum(known[1].count(c) for c in "йэ"), known[1]))

    def _resolve(self, identity: tuple[str, str]) -> tuple[str, str]:
        """An abbreviation of a name the batch expands is that name; a park's name without
        the type word that the batch also writes inside the name is the longer name; a bare
        surname is the one person of the batch who has it."""
        if identity[0] == "SITE":
            identity = self._plainly_spelt(identity)
        family, name = identity
        if family == "SITE" and name in self.site_names:
            cyrillic = "".join(LATIN_LETTERS.get(letter, letter) for letter in name)
            if ("SITE", cyrillic) in self.things:  # «tass.ru» is the batch's «ТАСС»
                return ("SITE", cyrillic)
            if name in self.cyrillic_site_names:
                # «Кедровка.ру» is the batch's «Кедровка», else the address's own: its
                # romanised name sounds like other names («Весть.ру» is no «Фишт»)
                written = ("SITE", self.cyrillic_site_names[name])
                return written if written in self.things else identity
        if family in ("SITE", "EVENT") and " " not in name and (
                identity in self.stem_abbreviations or not self._only_a_word(identity)):
            expansions = self.abbreviations.get((family, name)) \
                or self._event_expansion(family, name) or self._latin_acronym_heard(identity)
            expansion = max(expansions.items(), key=lambda item: (item[1], item[0]))[0] \
                if expansions else None
            if expansion is not None and expansion != identity:
                identity = expansion
        if family == "EVENT" and (named := self._event_of_an_organisation(identity)) is not None:
            identity = named
        if family == "SITE" and (written_beside := self.headed_names.get(identity)):
            # «Фонд «Кедроград»» is the «Кедроград» a document wrote it beside (not a park
            # of that name: a fund's park is another thing)
            bare = max(written_beside.items(), key=lambda item: (item[1], item[0]))[0]
            if not ((thing := self.things.get(bare)) is not None and thing.types["PARK"]):
                identity = bare
        if family == "SITE" and (written_beside := self.latin_names.get(identity)):
            # «Angel Yeast» is the batch's «Ангел Ист» that a document wrote it beside
            identity = max(written_beside.items(), key=lambda item: (item[1], item[0]))[0]
        if family == "SITE" and identity[1] == name and LATIN_ONE_WORD.fullmatch(name):
            # «Kedrmash» is the batch's one «Кедрмаш»: a Russian company's name in Latin letters
            spelt = self.romanised_names.get(romanised(name), set()) - {identity}
            if len(spelt) == 1:
                identity = next(iter(spelt))
        if family == "SITE" and identity[1] == name and LATIN_NAME.fullmatch(plain_latin(name)):
            # «Forbes» is the batch's one «Форбс»: a foreign name transliterated
            identity = self._heard_in_cyrillic(identity) or identity
        if family == "SITE" and identity[1] == name and (spelt := self._spelt_out(name)) \
                in self.things:
            identity = spelt  # «Би-би-си» is the batch's «BBC»
        if family == "SITE" and identity[1] == name:
            identity = self._ministry_spelt_out(identity) or identity
        if family in ("SITE", "EVENT") and identity[1] == name:
            identity = self._expanded(identity) or self._syllables_spelt_out(identity) \
                or self._nominative(identity) \
                or self._headed_abbreviation(identity) or self._compound_written_out(identity) \
                or self._vowels_transliterated_otherwise(identity) \
                or self._company_shortened(identity) or self._informal_school(identity) \
                or identity
        if family == "SITE" and ("EVENT", name) in self.things \
                and "PARK" not in self.things.get(identity, Thing(identity, Counter(),
                                                                   Counter())).types \
                and ("EVENT", name) in self.events_named_alone:
            return ("EVENT", name)  # «ИННОПРОМ» tagged ORG is the batch's event of that name
        if family == "LOC" and not name.startswith("=") and ABBREVIATION.fullmatch(name.upper()):
            places = self.place_initials.get(name.upper(), set())
            if len(places) == 1:
                return next(iter(places))
            # no place's: the batch's one organisation of those initials («ОГАУ» tagged LOC
            # is the «Ольховский государственный аграрный университет»)
            # (four letters or more: three-letter initials are too often a place's the
            # gazetteer lacks, «НСО» beside a «Национальное строительное объединение»)
            sites = self.initialled_names.get(("SITE", name.upper(), ""), set())
            if not places and len(name) >= 4 and len(sites) == 1:
                return next(iter(sites))
        if family == "PER" and len(name.split()) == 2 and not INITIALS_SURNAME.fullmatch(name):
            # «Кедрова Анна» (a surname first, as lists write it) is the batch's «Анна
            # Кедрова»: of the two orders, the one more documents write
            turned = ("PER", person_name(" ".join(reversed(name.split()))))
            if turned != identity and turned in self.things and identity in self.things \
                    and min((identity, turned), key=lambda i: (-self.things[i].documents,
                                                               i[1])) == turned:
                return turned
        if family == "PER" and len(name.split()) == 2:
            written_in_full = self._cut_first_name(identity)
            if written_in_full is not None:
                return written_in_full
        if family == "PER" and len(name.split()) == 2 and identity in self.things:
            written = {person_name(nominative) for display in self.things[identity].names
                       if len(display.split()) == 2
                       and (nominative := person_in_nominative(fold(display))) is not None}
            found = {("PER", nominative) for nominative in written} & self.things.keys()
            if len(found - {identity}) == 1:
                return next(iter(found - {identity}))
            # a first name left in another case before the same surname («Радию Хабиров»
            # where «Радий Хабиров» is written): the batch's one person of that nominative
            # (not a full name that the batch's cut one stands for: «Ростем» is no «Рост»)
            found = {("PER", person_name(f"{nominative} {surname}"))
                     for display in self.things[identity].names
                     if len(words := fold(display).split()) == 2
                     for first, surname in [words]
                     for nominative in first_name_nominatives(first, surname)}
            found = {person for person in (found & self.things.keys()) - {identity}
                     if self._cut_first_name(person) != identity}
            if len(found) == 1:
                return next(iter(found))
            in_genitive = self._surname_left_in_genitive(identity)
            if in_genitive is not None:
                return in_genitive
            if (as_written := self._written_as_anothers_name(identity)) is not None:
                return as_written
        if family == "PER" and (uninflected := self._last_name_left_inflected(identity)):
            return uninflected
        if family == "PER" and (joined := self._given_name_joined(identity)):
            return joined
        if family == "PER" and (spelt := self._spelt_otherwise(identity)
                                or self._vowels_transliterated_otherwise(identity)):
            return spelt
        if family == "PER" and (in_full := self._middle_name_dropped(identity)
                                or self._last_name_dropped(identity)):
            return in_full
        if family == "PER" and (short := self._short_name_written_beside(identity)):
            return short
        if family == "PER":
            # an initialled name also as its mentions wrote it
            written_too = sorted(alias for alias in self.person_aliases.get(identity, ())
                                 if INITIALS_SURNAME.fullmatch(alias)) \
                if INITIALS_SURNAME.fullmatch(name) else []
            for written in (name, *written_too):
                person = self.full_named_person(identity, written)
                if person is not None:
                    return person
        if family == "LOC" and (feature := self._feature_of_its_adjective(identity)
                                or self._vowels_transliterated_otherwise(identity)):
            return feature
        if family == "LOC" and (longer := self._place_begun_by(identity)):
            return longer
        if family == "LOC" and not name.startswith("=") \
                and (park := self.things.get(("SITE", name))) is not None \
                and "PARK" in park.types and identity not in self.written_as_places \
                and not _a_dictionary_town(name) and ("SITE", name) in self.quoted_sites:
            # «в Зелёной долине» tagged a place the gazetteer lacks is the batch's park
            # «технопарк «Зелёная долина»» (not «реки Карасу» beside СЭЗ «Карасу», nor a town
            # the dictionary knows, «в Чистополе» beside технопарк «Чистополь»; nor the town
            # a park is named after, unquoted: «в Салале» beside «Свободная зона Салала»)
            return ("SITE", name)
        if family in ("LOC", "PER") and LATIN_NAME.fullmatch(plain_latin(name)) \
                and (heard := self._heard_in_cyrillic(identity)):
            return heard  # «Kedrville» is the batch's one «Кедрвилл», «Zhang Wei» its «Чжан Вэй»
        if family == "SITE" and identity[1] == name and len(words := name.split()) >= 2 \
                and words[0] not in self.words.park_type_words \
                and all(word in self.words.park_type_words for word in words[1:]) \
                and "PARK" in self.things.get(("SITE", words[0]), Thing(
                    identity, Counter(), Counter())).types:
            # «Кедровский технопарк» is the batch's park «Кедровский» («технопарк «…»»)
            return ("SITE", words[0])
        return self.long_forms.get(identity) or self._longer_eponymous(identity) \
            or self._named_after(identity)

    def _event_expansion(self, family: str, name: str) -> Counter[tuple[str, str]] | None:
        """An organisation's abbreviation that no organisation's name of the batch was written
        beside, but one event's was («Кедровый форум экспортёров (КФЭ)» tagged EVENT, «КФЭ»
        tagged ORG elsewhere): that event, as «ИННОПРОМ» tagged ORG is. Not where two events
        claim it."""
        if family != "SITE":
            return None
        expansions = self.abbreviations.get(("EVENT", name))
        return expansions if expansions is not None and len(expansions) == 1 else None

    def _latin_acronym_heard(self, identity: tuple[str, str]) -> Counter[tuple[str, str]] | None:
        """The expansions of the Latin acronym a Cyrillic one in capitals spells letter for
        letter («КОТРА» of a batch that writes «… агентство … (KOTRA)»)."""
        thing = self.things.get(identity)
        if thing is None or not CYRILLIC_WORD.fullmatch(identity[1]) \
                or not any(written.strip("«»\" ").isupper() for written in thing.names):
            return None
        return self.abbreviations.get((identity[0], romanised(identity[1])))

    def _only_a_word(self, identity: tuple[str, str]) -> bool:
        """Whether the batch writes a name only as a word, never in capitals: «Дума» is no
        abbreviation that the lemma of «ДУМ» meets."""
        thing = self.things.get(identity)
        return thing is not None and bool(thing.names) \
            and not any(name.isupper() for name in thing.names)

    def _plainly_spelt(self, identity: tuple[str, str]) -> tuple[str, str]:
        """The batch's name of a plainer spelling, where it writes one: «The Sun» is «Sun»,
        «Газпром-медиа» is «Газпром медиа», «Коммерсантъ» is «Коммерсант» (``plain_spelling``)."""
        plain = ("SITE", plain_spelling(identity[1], self.words.latin_articles))
        return plain if plain != identity and plain in self.things else identity

    def _spelt_out(self, name: str) -> tuple[str, str] | None:
        """The Latin abbreviation a name spells out letter by letter, each letter's name a
        syllable between hyphens («би-би-си» → «bbc»; key_latin_letter_names), else None."""
        letters = self.words.latin_letters
        syllables = name.split("-")
        if len(syllables) < 2 or not all(syllable in letters for syllable in syllables):
            return None
        return ("SITE", "".join(letters[syllable] for syllable in syllables))

    def _heard_in_cyrillic(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A Latin name that the batch's one organisation (or place, of a place's name)
        written in Cyrillic sounds like (``consonant_sounds``): «Forbes» of «Форбс», «Microsoft» of
        «Майкрософт»; a final «s» that
        Russian drops too («Reuters», «Рейтер»). Not a Cyrillic name of the language's words
        alone («Звезда» is no «Zvezda» company's: a word names many things)."""
        if read_letter_by_letter(identity, self.things):
            return None
        families = self._families_heard(identity)
        # (Chinese words are matched letter for letter, however few their consonants:
        # «Huanyu» of «Хуаньюй»)
        if (chinese := self._chinese_in_cyrillic(identity, families)) is not None:
            return chinese
        heard = consonant_sounds(identity[1])
        if len(heard.lstrip("*")) < HEARD_CONSONANTS_MIN:
            return None
        found = set(self._heard.get(heard))
        if not found and heard.endswith("s") and len(heard.lstrip("*")) > HEARD_CONSONANTS_MIN:
            found = set(self._heard.get(heard[:-1]))
        if not found and FINAL_NG.search(identity[1]):
            # a Chinese or Korean syllable's final «ng» is «н» in Russian («Seong» → «Сон»,
            # «Hanseong Chemical» → «Хансон Кемикал»)
            found = set(self._heard.get(consonant_sounds(FINAL_NG.sub("n", identity[1]))))
        if not found and (told := spoken_latin(identity[1])) != identity[1]:
            # an English or German spelling Russian writes by its sound («Hydraulics» →
            # «Хидравликс», «Ventures» → «Венчерс»)
            found = set(self._heard.get(consonant_sounds(told)))
        latin, words = identity[1], identity[1].split()
        if not found and "PER" in families and len(words) == 2:
            # a Japanese name in the other order («Hiroshi Tanaka», «Танака Хироси»)
            latin = " ".join(reversed(words))
            found = set(self._heard.get(consonant_sounds(latin)))
        readings = other_latin_readings(identity[1])
        readings += [FINAL_NG.sub("n", reading) for reading in readings
                     if FINAL_NG.search(reading)]  # («Daesung Logistics», «Дэсон Лоджистикс»)
        for reading in [] if found else readings:
            # «Rojas» as «Рохас», «Jovanović» as «Йованович», «Qureshi» as «Куреши»
            latin, found = reading, set(self._heard.get(consonant_sounds(reading)))
            if found:
                break
        if not found:
            latin = identity[1]
        found = {known for known in found - {identity} if known[0] in families
                 and (known[0] != "PER" or self._heard_word_by_word(latin, known))
                 and not self._a_russian_word_romanised(latin, known)
                 and self._begins_as_heard(latin, known)
                 and lengths_alike(latin, known[1])
                 and any(final_vowels_agree(latin, name)
                         for name in self.things[known].names if not LATIN_WORD.search(name))}
        if len(found) > 1:  # a company's name NER also read as a person's: the company's
            found = {known for known in found if known[0] == identity[0]}
        return next(iter(found)) if len(found) == 1 else None

    def _heard_word_by_word(self, latin: str, known: tuple[str, str]) -> bool:
        """Whether a Latin person's name sounds like one of the batch's names of a person
        word by word, hyphened parts apart («Kim Seong-ho», «Ким Сон Хо»), not only as a
        whole («Sunday Times» is no «Соня Томас»)."""
        def words_of(name: str) -> list[str]:
            return name.replace("-", " ").split()

        def alike(word: str, cyrillic: str) -> bool:
            # a final «ng» is «н» (Korean «Seong», «Сон») or «нг» (Vietnamese «Hung», «Хунг»)
            return consonant_sounds(cyrillic) in (consonant_sounds(FINAL_NG.sub("n", word)),
                                                  consonant_sounds(word))
        latin_words = words_of(latin)
        return any(len(words_of(name)) == len(latin_words)
                   and all(map(alike, latin_words, words_of(name)))
                   for name in self.things[known].names if not LATIN_WORD.search(name))

    def _families_heard(self, identity: tuple[str, str]) -> tuple[str, ...]:
        """The families a Latin name may be heard in: its own, and a person's for a name
        of a person's shape NER took for an organisation («Mehmet Yılmaz» of the batch's
        «Мехмет Йылмаз»: two to four words, none a company's)."""
        words = identity[1].split()
        person = identity[0] == "SITE" and 2 <= len(words) <= 4 and all(
            word.replace("-", "").isalpha() and word not in self.words.company_tail_words
            and word not in self.words.latin_corporate_suffixes
            and word not in self.words.latin_legal_forms for word in words)
        return (identity[0], "PER") if person else (identity[0],)

    def _chinese_in_cyrillic(self, identity: tuple[str, str],
                             families: tuple[str, ...] = ()) -> tuple[str, str] | None:
        """A Latin name with Chinese words in pinyin that the batch's one organisation (or
        place) written in Cyrillic spells by Palladius: «Hengshan Robotics» of «Хэншань
        Роботикс», «Huayu Power» of «Хуаюй Пауэр» (its Chinese words letter for letter, each
        other word of the same first letter and about its length)."""
        spelt = chinese_names_in_russian(identity[1])
        if spelt is None:
            return None
        words = spelt.split(" ")
        # the name itself, else without a province's name before it («Heilongjiang Xinhai» of
        # the batch's «Синьхай»)
        tries = [words] + ([words[1:]] if len(words) >= 2 and fold(words[0]) in self.places.by_name
                           else [])
        for at, spelling in enumerate(tries):
            # (the short name a park shares is not the group's: «Heilongjiang Xinhai Group»
            # beside the park «Синьхай»)
            found = {known for known, thing in self.things.items()
                     if known[0] in (families or (identity[0],)) and known != identity
                     and not (at and thing.types["PARK"])
                     and any(self._spelt_alike(spelling, name) for name in thing.names)}
            if found:
                return next(iter(found)) if len(found) == 1 else None
        return None

    @staticmethod
    def _spelt_alike(words: list[str], name: str) -> bool:
        """Whether a Cyrillic name's words are ``words`` (Chinese ones in Russian letters, the
        rest Latin): the Chinese letter for letter, the Latin by first letter and length."""
        written = fold(name).replace("-", " ").split()
        return len(written) == len(words) and not LATIN_WORD.search(name) and all(
            (CYRILLIC_WORD_LETTERS.fullmatch(word) and word == other)
            or (not CYRILLIC_WORD_LETTERS.fullmatch(word)
                and romanised(other)[:1] == word[:1] and lengths_alike(word, other))
            for word, other in zip(words, written, strict=True))

    def _a_russian_word_romanised(self, latin: str, known: tuple[str, str]) -> bool:
        """Whether a Latin name is a Cyrillic name of words of the language letter for letter
        («Zvezda», «Звезда»): the word names many things. A foreign name's own spelling
        («Volkswagen», «Фольксваген») is the foreign thing's, whatever the dictionary knows."""
        return any(romanised(name) == romanised(latin) and not a_made_up_word_in(name)
                   for name in self.things[known].names)

    def _begins_as_heard(self, latin: str, known: tuple[str, str]) -> bool:
        """Whether a Latin name may be a Cyrillic one of the batch it sounds like: a made-up
        word of it («Форбс») or, for a name of the language's words alone, one first letter,
        voiced or not as written («Reuters», «Рейтер»; not «Bild», «Пилот»: many Latin names
        share a dictionary word's devoiced consonants). A «V» is read «В» or, German, «Ф»
        («Volga», «Волга»; «Volkswagen», «Фольксваген»)."""
        first = fold(plain_latin(latin))[:1]
        firsts = (first, first.replace("v", "f"))  # «Volga» is «Волга», «Volkswagen» «Фольксваген»
        return any(a_made_up_word_in(name) or romanised(name)[:1] in firsts
                   for name in self.things[known].names if not LATIN_WORD.search(name))

    def _index_heard(self) -> dict[str, list[tuple[str, str]]]:
        index: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for known, thing in self.things.items():
            if known[0] not in ("SITE", "LOC", "PER") or LATIN_WORD.search(known[1]):
                continue
            if read_letter_by_letter(known, self.things):
                continue
            heard_names = {consonant_sounds(name) for name in thing.names
                           if not LATIN_WORD.search(name)}
            for heard in heard_names:
                index[heard].add(known)
        return {heard: sorted(things) for heard, things in index.items()}

    def _event_of_an_organisation(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """«Саммит Шанхайской организации сотрудничества» is the batch's «саммит ШОС»: an event
        named by its generic word and an organisation the batch knows is the batch's one event
        named by another name of that organisation (its abbreviation, its name as written)."""
        head, _, rest = identity[1].partition(" ")
        if not rest or head not in self.words.event_words or ("SITE", rest) not in self.things:
            return None
        organisation = ("SITE", rest)
        if self._abbreviations_of is None:
            self._abbreviations_of = defaultdict(set)
            for (family, abbreviation), expansions in self.abbreviations.items():
                for expansion in expansions:
                    self._abbreviations_of[expansion].add((family, abbreviation))
        names = {name_key(display) for display in self.things[organisation].names} | {
            name for family, name in self._abbreviations_of.get(organisation, ())
            if family == "SITE"}
        found = {("EVENT", name) for name in names} & self.things.keys()
        found.discard(identity)
        return next(iter(found)) if len(found) == 1 else None

    def _surname_left_in_genitive(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A surname the normal form left in the case its first name was written in
        («Валентина Суббота» → «Валентин Суббота»): the batch's one person of that surname
        without the case ending («Валентин Суббот»)."""
        first, surname = identity[1].split()
        if not surname.endswith(("а", "я")) or len(first) < 3:
            return None
        written = [alias.split() for alias in self.person_aliases.get(identity, ())]
        if not any(len(words) == 2 and words[0] != first and words[0][:len(first) - 1]
                   == first[:-1] and words[1] == surname for words in written):
            return None  # the first name stands as written: nothing says the name is inflected
        stems = [surname[:-1]] if surname.endswith("а") else [surname[:-1] + "й",
                                                              surname[:-1] + "ь"]
        found = {("PER", person_name(f"{first} {stem}")) for stem in stems} & self.things.keys()
        found.discard(identity)
        return next(iter(found)) if len(found) == 1 else None

    def _written_as_anothers_name(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A two-word name whose mentions are written as another person's name of the batch
        («Дилноза Юсупова», read «Дилноз Юсупов» after a genitive, where other documents read
        it as written): that person, where more documents name him or her so (a man's name
        in the genitive is no other person's nominative but a woman's foreign first name)."""
        written = {("PER", alias) for alias in self.person_aliases.get(identity, ())
                   if len(alias.split()) == 2} & self.things.keys()
        written.discard(identity)
        if len(written) != 1:
            return None
        other = next(iter(written))
        return other if self.things[other].documents > self.things[identity].documents else None

    def _last_name_left_inflected(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A name of three words or more whose last one the normal form left in the genitive
        («Тин Маун Свея» of «визит Тин Маун Свея»): the batch's person of the same words with
        the nominative's ending. (Three words or more: a woman's surname, «Анна Кедрова», ends
        so too, but a name that long with every word the same is no other person's.)"""
        *before, last = identity[1].split()
        if len(before) < 2 or not last.endswith(("а", "я")) or len(last) < 4 \
                or not is_transliterated(last):
            return None  # «Анна Мария Кедрова»: a woman's surname the dictionary knows
        stems = [last[:-1]] if last.endswith("а") else [last[:-1] + "й", last[:-1] + "ь"]
        found = {("PER", person_name(" ".join([*before, stem]))) for stem in stems} \
            & self.things.keys()
        return next(iter(found)) if len(found) == 1 else None

    def _spelt_otherwise(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A foreign name the batch spells two ways («Мин Аун Хлаин», «Мин Аун Хлайн»; see
        ``spelling_key``): the spelling more documents write."""
        if len(identity[1].split()) < 2:
            return None
        spelt = self._spellings.get(spelling_key(identity[1]))
        if len(spelt) < 2 or not any(is_transliterated(known[1]) for known in spelt):
            return None
        most = self._most_written(spelt)
        return most if most != identity else None

    def _vowels_transliterated_otherwise(self, identity: tuple[str, str]
                                         ) -> tuple[str, str] | None:
        """A foreign name the batch writes with other vowels, a «й» or a soft sign more or
        less («Беньямин Кедреяху», «Биньямин Кедреяху»; «Кедлэнд-Ярд», «Кедленд-Ярд»;
        «Кедвилл», «Кедвилль»): the spelling more documents write. Each word that differs
        has two syllables or more (a one-syllable word of an East Asian name tells two names
        apart) and is no dictionary word in one spelling at least (``alike_transliterations``);
        a person's name has two words or more (a bare surname is ``full_named_person``'s)."""
        family = identity[0]
        words = self._spelt_name(identity)
        if family not in ("PER", "LOC", "SITE") or not words \
                or (family == "PER" and len(words) < 2):
            return None
        alike = [known for known in self._consonant_names.get((family, consonant_frame(words)))
                 if alike_transliterations(words, self._spelt_name(known))]
        if identity not in alike or len(alike) < 2:
            return None
        most = self._most_written(alike)
        return most if most != identity else None

    def resolved_identity(self, entity_type: str, normal: str) -> tuple[str, str]:
        """The identity a row's name resolves to in the batch (``_resolved``): an
        abbreviation's expansion, a short name's full one."""
        return self._resolved(self.identity(entity_type, normal))

    def countries_of_body(self, identity: tuple[str, str]) -> list[tuple[str, str]]:
        """The batch's bodies of ``identity``'s name with a country's name after it
        («Партия реформ» → «Партия реформ Кедрии»)."""
        return self._body_countries.get(identity)

    def _index_countries(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for known in self.things:
            name, _, country = known[1].rpartition(" =")
            if known[0] == "SITE" and name and country and "=" not in name:
                index[(known[0], name)].append(known)
        return index

    def _spelt_name(self, identity: tuple[str, str]) -> list[str]:
        """The words a thing's spellings are compared by (``spelt_words``): an organisation's
        most written name, whose key name is a guessed lemma that may end otherwise for each
        spelling («Кедланд-Ярд» → «кедланда-ярд», «Кедленд-Ярд» → «кедленд-ярд»); else its
        key name."""
        thing = self.things.get(identity)
        if identity[0] != "SITE" or thing is None or not thing.names:
            return spelt_words(identity[1])
        return spelt_words(fold(min(thing.names, key=lambda n: (-thing.names[n], len(n), n))))

    def _index_consonants(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for known in self.things:
            if known[0] in ("PER", "LOC", "SITE") and (words := self._spelt_name(known)):
                index[(known[0], consonant_frame(words))].append(known)
        return index

    def _index_spellings(self) -> dict[str, list[tuple[str, str]]]:
        index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for known in self.things:
            if known[0] == "PER" and " " in known[1]:
                index[spelling_key(known[1])].append(known)
        return index

    def _feature_of_its_adjective(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A one-word place no gazetteer has that is the stem of the adjective of the batch's
        one sea or island group («Каспий» where «Каспийское море» is written, «Курилы» where
        «Курильские острова» is): that sea or islands."""
        name = identity[1]
        if name.startswith("=") or " " in name or not name.isalpha():
            return None
        # the name key, and the names as written (a name no dictionary knows may have got a
        # guessed lemma: «Кедрий» → «кедрия»)
        thing = self.things.get(identity)
        written = {fold(display) for display in thing.names} if thing else set()
        stems = {feature_stem(word) for word in {name} | written if word.isalpha()} - {None}
        found = {known for stem in stems for known in self._features.get(stem)}
        return next(iter(found)) if len(found) == 1 else None

    def _index_features(self) -> dict[str, list[tuple[str, str]]]:
        index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for known in self.things:
            words = known[1].split()
            if known[0] == "LOC" and len(words) == 2 \
                    and words[0].endswith(FEATURE_ADJECTIVE_SUFFIX) \
                    and words[1] in self.words.adjective_named_features:
                index[words[0].removesuffix(FEATURE_ADJECTIVE_SUFFIX).removesuffix("ь")
                      ].append(known)
        return index

    def _middle_name_dropped(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A foreign two-word name whose words begin and end the batch's one longer name
        («Джанита Кедрасинге» where another document writes «Джанита Абеймала Кедрасинге»):
        that person. Foreign names only (``is_transliterated``, the short name or the long one:
        «Реджеп Эрдоган» of «Реджеп Тайип Эрдоган»): a Russian one's middle word is a
        patronymic, which ``person_name`` drops already. Not a name whose first word is of one
        syllable (an East Asian surname: «Пак Сон Ман», «Нгуен Ван Тхыонг», the words after it
        one given name), nor one whose dropped words are short (DROPPED_NAME_MIN_LETTERS)."""
        words = identity[1].split()
        if not self._written_as_two_word_foreign_name(identity):
            return None
        longer = self._ends.get((words[0], words[1]))
        if len(longer) != 1 or any(len(middle) < DROPPED_NAME_MIN_LETTERS
                                   for middle in longer[0][1].split()[1:-1]) \
                or not (is_transliterated(identity[1]) or is_transliterated(longer[0][1])):
            return None  # (two longer names so begun and ended: neither is sure)
        return longer[0]

    def _last_name_dropped(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A foreign two-word name that begins the batch's one three-word name, a second
        surname left out as Spanish and Portuguese names are shortened («Мануэль Марреро»
        where another document writes «Мануэль Марреро Крус»): that person. As
        ``_middle_name_dropped``: foreign names only, not an East Asian name."""
        words = identity[1].split()
        if not self._written_as_two_word_foreign_name(identity):
            return None
        longer = self._begins.get((words[0], words[1]))
        if len(longer) != 1 or len(longer[0][1].split()[-1]) < DROPPED_NAME_MIN_LETTERS \
                or not (is_transliterated(identity[1]) or is_transliterated(longer[0][1])) \
                or is_epithet(longer[0][1].split()[-1]):
            return None  # (two longer names so begun: neither is sure)
        return longer[0]

    def _written_as_two_word_foreign_name(self, identity: tuple[str, str]) -> bool:
        """``two_word_foreign_name`` of the name key or of a name as the batch writes it: the
        key drops a first name's «г» between vowels, and «Мигель» is of two syllables where
        «миель» seems of one."""
        thing = self.things.get(identity)
        return two_word_foreign_name(identity[1]) or (
            len(identity[1].split()) == 2 and thing is not None
            and any(two_word_foreign_name(fold(name)) for name in thing.names))

    def _short_name_written_beside(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A long name that documents write beside one short name only, a middle name or a
        second surname left out («Виктор Эмиль Крамер» where its document writes «Виктор
        Крамер» too): that short name, which other documents write alone (the dictionary may
        read every word of it, where ``_middle_name_dropped`` does not take a short name for
        a long one of another document)."""
        shorts = self.short_names_beside.get(identity)
        return next(iter(shorts)) if shorts and len(shorts) == 1 else None

    def _place_begun_by(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A place's one-word name the gazetteer lacks that begins the names of its places
        (before a space or hyphen): the one place so begun that the batch's documents write
        it beside («Рио» where «Рио-Де-Жанейро» is written; not «Рио-Негро»), else the
        gazetteer's one place so begun where it is a country («Босния»: «Босния и
        Герцеговина»). A town's or region's short name needs the batch's long one: another
        country's town may bear it («Петропавловск» of Kazakhstan is no «Петропавловск-
        Камчатский»), and so may a town named by its river («Комсомольск»). Only a word read
        as a place's or a person's name, or no word of the dictionary: not a common word
        («Федерация», «Сан») nor an adjective («Северная»)."""
        name = identity[1]
        if name.startswith("=") or " " in name or "-" in name or not proper_or_unknown(name):
            return None
        begun = self.places_by_first_word.get(name, ())
        places = {"=" + fold(place.canonical) for place, _ in begun}
        beside = places & {long[1] for long in self.places_begun_by.get(identity, ())}
        if not beside and all(place.kind == "country" for place, _ in begun):
            beside = places  # one country alone is enough; two stay neither
        return ("LOC", next(iter(beside))) if len(beside) == 1 else None

    def _cut_first_name(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A first name the normal form cut («Казем Джалали» → «Каз Джалали»): the batch's
        person of the name a mention wrote."""
        name = identity[1]
        if len(name.split()) != 2:
            return None
        first, surname = name.split()
        written = {alias for alias in self.person_aliases.get(identity, ())
                   if alias != name and len(alias.split()) == 2
                   and alias.split()[1] == surname and alias.split()[0].startswith(first)
                   and ("PER", alias) in self.things}
        return ("PER", next(iter(written))) if len(written) == 1 else None

    def full_named_person(self, identity: tuple[str, str], name: str,
                people_words: dict[str, set[tuple[str, str]]] | None = None
                ) -> tuple[str, str] | None:
        """The one full-named person that ``name`` is: a bare surname, initials and a surname
        («Н. Ван Тхань»), or a full name whose surname the normal form left in another case
        («Ольгой Котовой» where «Ольга Котова» is written), of ``people_words`` (default: the
        batch's; a document's own come first, ``short_person_names``). A surname in another
        case or with one vowel of a transliteration changed («Бозоров», «Бозаров») is that
        surname when there is no person with it as written. A first name alone is no
        batch's person (its document's may be)."""
        initialled = INITIALS_SURNAME.fullmatch(name)
        words = name.split()
        if initialled:
            initial, surname = initialled.group(1)[0], initialled.group(2).split()[-1]
        elif len(words) == 1:
            initial, surname = "", name
        else:
            initial, surname = words[0][0], words[-1]
        if people_words is None and len(words) == 1 and not initialled \
                and only_a_first_name(name) \
                and name.partition("-")[0] not in self.words.name_articles:
            return None  # («Всеволод» elsewhere is any Всеволод: «Всеволод Кедрищев» is one;
            # not «аль-Мансури», a family name)
        # a first name's and a patronymic's initials («Д. И. Кедрин»): a Russian name, whose
        # surname is spelt one way (no transliteration's vowel: «Джон Кадрин» is another)
        patronymic_initial = bool(initialled) and len(initialled.group(1).split(".")) > 2
        people = self._people_of_surname(surname, identity, exact=initialled or len(words) == 1,
                                         people_words=people_words,
                                         vowel_changed=not patronymic_initial)
        if len(words) > 1 and not initialled:
            # a full name's surname is another's surname, not his first name («Кедр Оланов»
            # is not «Оланов Кедрин»'s namesake)
            people = {person for person in people
                      if a_form_of_surname(surname_of(person[1]), surname)}
        people = one_name_a_person({person for person in people
                                     if person[1].startswith(initial)})
        found = self._the_one_person(people, people_words)
        if found is not None and self._a_woman(found) \
                and declined_as_a_mans(surname, self.person_aliases.get(identity, ())):
            return None  # («Кедрюком» is no «Анна Кедрюк»: a woman's such surname is not declined)
        return found

    def _the_one_person(self, people: set[tuple[str, str]],
                        people_words: dict[str, set[tuple[str, str]]] | None
                        ) -> tuple[str, str] | None:
        """The one of ``people`` a name is: the only one, or the one named in far more
        documents than the others together."""
        if len(people) > 1:
            # the batch's (or the document's) people of that surname: the one named in far
            # more documents than the others together («Воробьёв» of a governor in four
            # articles, not of his namesake in one); a document that names both in full
            # names them beside each other, so a smaller lead tells them apart
            named = {person: self.things[person].documents if person in self.things else 0
                     for person in people}
            best = max(named, key=lambda person: (named[person], person))
            lead = DOMINANT_PERSON if people_words is None else DOMINANT_NAMESAKE
            if named[best] >= lead * (sum(named.values()) - named[best]):
                return best
        return next(iter(people)) if len(people) == 1 else None

    def people_of_surname(self, surname: str) -> set[tuple[str, str]]:
        """The batch's full-named people of a surname as written."""
        return {person for person in self.person_words.get(surname, set())
                if surname_of(person[1]) == surname}

    def _a_woman(self, person: tuple[str, str]) -> bool:
        """Whether a full-named person's first name, as the batch writes it (the key's doubles
        no letter: «ана»), is a woman's."""
        thing = self.things.get(person)
        written = {fold(name).split()[0] for name in thing.names if name.strip()} \
            if thing is not None and thing.names else {person[1].split()[0]}
        return all(a_womans_name(first) for first in written)

    def _people_of_surname(self, surname: str, identity: tuple[str, str], exact: bool,
                           people_words: dict[str, set[tuple[str, str]]] | None = None,
                           vowel_changed: bool = True) -> set[tuple[str, str]]:
        """Full-named people of ``people_words`` (default: the batch's), other than
        ``identity``, with a word ``surname``, else with a lemma of it, else (``vowel_changed``)
        with it but for one vowel (six letters or more)."""
        people_words = self.person_words if people_words is None else people_words
        found = people_words.get(surname, set()) - {identity} if exact else set()
        if found:
            return found
        lemmas = {p.normal_form.replace("ё", "е") for p in word_parses(surname)} \
            if OBLIQUE_SURNAME.search(surname) else set()
        if people_words is not self.person_words:
            # a document's own surname with a case ending the dictionary does not know
            # («Кедриуса» where «Ян Кедриус» is written)
            lemmas |= surname_nominatives(surname)
        for lemma in lemmas - {surname}:
            found |= people_words.get(lemma, set()) - {identity}
        if found or len(surname) < 6 or not vowel_changed:
            return found
        # the batch's words by their consonant skeleton: a vowel changed keeps it (the scan of
        # every word for every surname made keys quadratic in the batch's people)
        candidates = self._same_skeleton(surname) if people_words is self.person_words \
            else people_words
        for word in candidates:
            if len(word) == len(surname) and word[0] == surname[0] and sum(
                    a != b for a, b in zip(word, surname, strict=True)) == 1 \
                    and all(a in VOWELS and b in VOWELS
                            for a, b in zip(word, surname, strict=True) if a != b):
                found |= people_words[word] - {identity}
        if not found and not dictionary().word_is_known(surname):
            # (a foreign surname in both spellings: «Поушкин» is no «Пушкин»)
            for spelt in ou_spellings(surname):
                if not dictionary().word_is_known(spelt):
                    found |= people_words.get(spelt, set()) - {identity}
        return found

    def _same_skeleton(self, word: str) -> list[str]:
        """The batch's person words with ``word``'s consonants in its places."""
        return self._skeletons.get(vowel_skeleton(word))

    def _index_skeletons(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for known in self.person_words:
            index[vowel_skeleton(known)].append(known)
        return index

    def _index_begins(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for known in self.things:
            if known[0] == "PER" and len(known_words := known[1].split()) == 3 \
                    and "." not in known[1]:
                index[(known_words[0], known_words[1])].append(known)
        return index

    def _index_ends(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for known in self.things:
            if known[0] == "PER" and len(known_words := known[1].split()) >= 3 \
                    and "." not in known[1]:
                index[(known_words[0], known_words[-1])].append(known)
        return index

    def key(self, entity_type: str, normal: str) -> str:
        """The canonical key of an entity row."""
        if entity_type == DELEGATION:
            return f"{DELEGATION}:{fold(normal)}"
        found = self._row_keys.get((entity_type, normal))
        if found is not None:
            return found
        identity = self._resolved(self.identity(entity_type, normal))
        found = self._row_keys[(entity_type, normal)] = \
            self.key_of_identity(identity, entity_type, normal)
        return found

    def of_country(self, entity_type: str, normal: str, country: Place,
                   short_names: bool = False) -> str | None:
        """The key of a body's bare name («Министерство здравоохранения») as the body of
        ``country``: the batch's body of that name and country («Министерство
        здравоохранения Узбекистана») if it has one, else the bare name's key with the
        country. None for a name that is no bare body's (it names a place, «…политики
        столицы» too, or anything capitalised, or is a Russian federal body's short name
        but alone where ``short_names``: «Минфин» in a document that names no Russian place
        is its country's ministry of finance)."""
        if any(word[:1].isupper() for word in normal.split()[1:]):
            return None
        bare = self._bare_body_name(entity_type, normal)
        written = name_key(normal).split()
        if bare is None or bare[1].split()[0] not in self.words.national_body_heads \
                or (written[0] in dict(self.words.org_short_names)
                    and not (short_names and len(written) == 1)):
            return None
        identity = as_body_of_country(bare, country)
        if identity in self.things:
            return self.key_of_identity(identity, entity_type, normal)
        return f"{self.key(entity_type, normal)} ({fold(country.canonical)})"

    def abbreviation_of_country(self, entity_type: str, normal: str, country: Place
                                ) -> str | None:
        """The key of a bare abbreviation («ГКНТ», «МИПТ») as the batch's one name of those
        initials written with ``country`` («Государственный комитет по науке и технологиям
        Республики Беларусь»); None where the batch writes none or several."""
        letters = normal.strip()
        if not CYRILLIC_ABBREVIATION.fullmatch(letters) or len(letters) < 3:
            return None
        found = self.initialled_names.get(
            (FAMILIES.get(entity_type, entity_type), letters, f"={fold(country.canonical)}"),
            set())
        return self.key_of_identity(next(iter(found)), entity_type, normal) \
            if len(found) == 1 else None

    def known_of_country(self, entity_type: str, normal: str, country: Place,
                         named: Iterable[Place]) -> str | None:
        """The key of a bare name of a body every country has one of («Конгресс», «Верховный
        суд») as the batch's body of that name and ``country`` («Конгресс Кедрии») where the
        batch writes one and of no other country ``named`` by the document; else None (no new
        key: the country a document names most is not always the one its parliament or party
        is of)."""
        bare = self._bare_body_name(entity_type, normal)
        if bare is None:
            return None
        heads = self.words.country_body_heads
        # a head's short name is the head written in full too («Госсовет», «Государственный
        # совет»: its identity is the full name's, «государственный совет»)
        full_heads = {full for short, full in self.words.org_short_names if short in heads}
        if not (headed_by_one_of(bare[1].split(), heads)
                or headed_by_one_of(name_key(normal).split(), heads) or bare[1] in full_heads):
            return None
        identity = as_body_of_country(bare, country)
        known = {as_body_of_country(bare, place) for place in named} & self.things.keys()
        return self.key_of_identity(identity, entity_type, normal) \
            if known == {identity} else None

    def known_body_of_country(self, entity_type: str, normal: str, country: Place
                              ) -> str | None:
        """The key of a bare body's name written with ``country`` («Совет министров» →
        «Совет министров Кедрии») where the batch writes it so; None where it does not."""
        bare = self._bare_body_name(entity_type, normal)
        if bare is None or (identity := as_body_of_country(bare, country)) not in self.things:
            return None
        return self.key_of_identity(identity, entity_type, normal)

    def _bare_body_name(self, entity_type: str, normal: str) -> tuple[str, str] | None:
        """The identity of an organisation's name as a bare body's: no quoted name, no place
        («=…») in it; None for any other."""
        if entity_type != "ORG" or "«" in normal:
            return None
        family, name = self.identity(entity_type, normal)
        words = name.split()
        if not words or any(word.startswith("=") for word in words):
            return None
        return family, name

    def key_of_resolved(self, identity: tuple[str, str], entity_type: str, normal: str) -> str:
        """The key of a thing the batch knows, followed to the name it resolves to («АРР
        Калужской области» → «Агентство регионального развития Калужской области»)."""
        return self.key_of_identity(self._resolved(identity), entity_type, normal)

    def key_of_identity(self, identity: tuple[str, str], entity_type: str, normal: str) -> str:
        """The key of a thing the batch knows (by its identity)."""
        found = self._keys.get(identity)
        if found is None:
            found = self._keys[identity] = self._make_key(identity, entity_type, normal)
        return found

    def _make_key(self, identity: tuple[str, str], entity_type: str, normal: str) -> str:
        earlier = self.earlier.get(identity) or self._heard_earlier(identity) \
            or self._earlier_resolved_to(identity)
        # (not a company's key for a park written with its type word, «технопарк «Синергия»»,
        # where the earlier batch named only a company so: one run tells them apart too)
        if earlier is not None and not (entity_type == "PARK" and "«" in normal
                                        and earlier.startswith("ORG:")):
            return earlier
        thing = self.things.get(identity)
        if identity[0] == "LOC" and identity[1].startswith("="):
            return "LOC:" + identity[1][1:]
        if thing is None:
            return f"{entity_type}:{stripped_name(entity_type, normal, self.words)}"
        best_type = max(thing.types, key=lambda t: (thing.types[t], -TYPE_PREFERENCE.index(t)
                                                      if t in TYPE_PREFERENCE else -99))
        return f"{best_type}:{self.name_of(identity, entity_type, normal)}"

    def _earlier_resolved_to(self, identity: tuple[str, str]) -> str | None:
        """The key an earlier batch gave the names that now resolve to ``identity`` («технопарк
        «Созвездие»» keyed then; with «Технопарк Созвездие» written now the quoted name resolves
        to the longer one): the key most of them had, where one did."""
        if not self.earlier:
            return None
        if self._earlier_by_resolved is None:
            by_resolved: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
            for known, key in self.earlier.items():
                if known in self.things:
                    by_resolved[self._resolved(known)][key] += 1
            self._earlier_by_resolved = by_resolved
        keys = self._earlier_by_resolved.get(identity)
        return keys.most_common(1)[0][0] if keys else None

    def _heard_earlier(self, identity: tuple[str, str]) -> str | None:
        """The key an earlier batch gave the one name it wrote in the other alphabet that
        sounds like this one word by word («Hiroshi Matsuda», «Хироси Мацуда»; a person's
        two words in either order)."""
        if identity[0] not in ("SITE", "PER") or not self.earlier_heard:
            return None
        latin = bool(LATIN_WORD.search(identity[1]))
        words = identity[1].replace("-", " ").split()
        readings = [words, words[::-1]] if identity[0] == "PER" and len(words) == 2 \
            else [words]
        found = set()
        for reading in readings:
            for known, key in self.earlier_heard.get(consonant_sounds(" ".join(reading)), ()):
                if known[0] != identity[0] or bool(LATIN_WORD.search(known[1])) == latin:
                    continue
                others = known[1].replace("-", " ").split()
                if len(others) == len(reading) and all(
                        consonant_sounds(one) == consonant_sounds(other)
                        and lengths_alike(one, other)
                        for one, other in zip(reading, others, strict=True)):
                    found.add(key)
        return next(iter(found)) if len(found) == 1 else None

    def name_of(self, identity: tuple[str, str], entity_type: str, normal: str) -> str:
        """The name a thing's key is made of: the batch's most written name of it, folded
        (the row's own stripped name for a thing the batch does not know); a person's with
        the full first name where the batch writes it («Юлия Кедрова», not «Юля Кедрова»)."""
        thing = self.things.get(identity)
        if thing is None or not thing.names:
            return stripped_name(entity_type, normal, self.words)
        return fold(min(thing.names, key=lambda n: (
            identity[0] == "PER" and person_name(n).partition(" ")[0] in self._full_first_names,
            -thing.names[n], len(n), n)))

    def origin(self, origin: str, doc_things: dict[str, dict]) -> tuple[str | None, str | None]:
        """A delegation's (origin_key, origin_country), from its origin's normal form: a
        place of the gazetteer, else the document's entity of that name (``doc_things``: its
        rows by folded normal form), of the country the document places it in («провинции
        Тханьхоа (Вьетнам)») or its name names («Министерство … Республики Узбекистан»)."""
        if not origin:
            return None, None
        thing = doc_things.get(fold(origin))
        # the document's own reading of its place first («РБ» of a document about Bashkiria)
        place: Place | None = self.places.lookup(thing["entity_key"].partition(":")[2]) \
            if thing is not None and thing["type"] == "LOC" else None
        place = place or self.places.lookup(origin)
        if place is not None:
            return "LOC:" + fold(place.canonical), place.country
        if thing is None:
            return None, None
        placed = self.located.get((thing["doc_id"], thing["entity_id"]))
        countries = {placed.country} if placed is not None else {
            named.country for _, named in places_named_by([thing], self.places)}
        countries.discard(None)
        return thing["entity_key"], countries.pop() if len(countries) == 1 else None

"""One thing, one key across documents and batches: ``entity_key`` = type + canonical name.

Per document, an entity's key is its type and folded normal form. Across a batch, keys are
made canonical here, in the table-building layer, from the entity rows of all documents:

- a place is the gazetteer's place («КНР», «Поднебесная», «Китая» → ``LOC:китай``);
- a park or an organisation is its name without type word, legal form, quotes or case
  ending («ОЭЗ «Титановая долина»», «особая экономическая зона «Титановая долина»»,
  «Титановую долину» → one key); parks and organisations of one name are one thing, and
  it takes the type most of its mentions have;
- an abbreviation that one document expands («ИЦК» = «Инновационный центр Кольцово») is
  that thing in every document (an organisation's that one event's name was written beside
  is that event), and one written in capitals is the batch's one name with
  its initials («РЭЦ», «ТПП Тверской области»), but for a body's («МИД» is any country's);
  two capitals («КМ») the batch's one name of two words with those initials, if they are
  no word and no place's;
- a body's eponym is its surname, whatever initials or first name precede it («театр им. А.
  П. Кедрова» = «театр имени Кедрова»), and a short name with an eponym the batch's one
  longer name that ends so («Кедровский драматический театр имени …»);
- a one-word name or a person's full name that the normal form left in another case is the
  batch's name in the nominative («Камнереча», «Павла Ерохина», «Валентина Суббота»);
- a body's bare name that the batch writes with one country's name only is that country's
  body in a document about that country («Национальный совет» = «Национальный совет Чили»);
- a bare name that many countries' bodies bear («Социалистическая партия», «Совет министров»)
  in a document about another country than most of the batch's documents naming it are
  about is that country's: the batch's name of it with the country where written so, else
  «… (португалия)»;
- a company's Latin name that one document writes beside its Cyrillic one («Ангел Ист»
  (Angel Yeast)) is that company in every document;
- a one-word name tagged PER that nothing makes a person and the batch tags LOC is the place
  («Дархан»); an organisation's short name tagged LOC («ЕС») is the organisation;
- a bare surname, initials and a surname, or a place's abbreviation («КР») is first what
  its own document names in full (a bare surname of two people of the batch, the one far
  more documents name; not a region's man where the document is about other regions; a
  first name alone only its own document's person);
  a bare abbreviation the batch expands to a name led by a region's adjective is not that
  name in a document about another region of its first letter («БГУ»);
- an industrial park of a name the batch gives a special zone is another thing;
- a company written with its legal form (АО «Каменка») is the company, not the park of its
  name; a federal body's short name before a region's head word («Минпромторга
  республики») is the body of its document's region; a bare head noun («Фонда») is its
  document's own;
- a park named by its type words and its owner's abbreviation («Научный парк МГУ») is not
  the owner; an event named by its word and an organisation («саммит Шанхайской организации
  сотрудничества») is the batch's event named by the organisation's abbreviation («саммит
  ШОС»); a park named by its level («краевой индустриальный парк «X»») is the batch's park
  of that name after the adjective of the region its document names;
- a name that an earlier batch keyed (the ``names`` table) keeps that key.

Delegations get ``origin_key`` and ``origin_country``: the key and the ISO country of the
place (or organisation) they come from, so "visits by country" is one group-by.
"""

from __future__ import annotations

import re
import string
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Generic, TypeVar

import pyarrow as pa

from .coreference import PATRONYMIC, QUOTED_NAME, initials, stem_abbreviation_of
from .doc import DELEGATION, WEB_ADDRESS, fold
from .morph import dictionary, word_parses
from .normal_form import MIXED_CASE_ACRONYM, PROPER_OR_ABBREVIATION
from .places import (
    Gazetteer,
    Place,
    gazetteer,
    is_town,
    name_key,
    region_head_genitives,
    region_of,
    word_lemma,
)
from .rules import RuleSet, word_pairs

K = TypeVar("K")
V = TypeVar("V")

ABBREVIATION = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9\-]{1,9}")
CYRILLIC_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,6}")
# Parks and organisations share one name space: a zone is tagged PARK here, ORG there.
FAMILIES = {"PARK": "SITE", "ORG": "SITE"}
TYPE_PREFERENCE = ("PARK", "ORG", "EVENT", "LOC", "PER")  # ties go to the first
# an event's edition is no part of its name: «Иннопром-2022», «Технопром 2025», «XV Иннопром»,
# «15-й Иннопром», «Четвёртый Иннопром» are one event (a organisation's name may end in a
# year as well)
EDITION_YEAR = re.compile(r"[\s\-–—]+(?:19|20)\d\d(?:\s*(?:год|г)\.?)?(?=[»\"]*\s*$)")
# what parts a longer event's name from the event it begins: «Иннопром. Беларусь», «Стальной
# форум — Азия», «Стальной форум: Азия»
EVENT_PARTS = (".", " —", " –", " -", ":")
# an edition's number before an event's name («XV», «15-й»; spelled ordinals: edition_ordinals)
EDITION_NUMBER = re.compile(r"^(?:[IVXLCХ]+|\d+(?:-?(?:[йяеи]|ый|ий|ой|ая|ое|ье))?)\s+(?=\S)")
# «О.В.Мельниченко», «А. Никитин»: initials and a surname
INITIALS_SURNAME = re.compile(r"((?:\w\.\s*){1,2})(\w[\w\-]+(?: \w[\w\-]+)?)")
SURNAME_INITIALS = re.compile(r"(\w[\w\-]+)\s+((?:\w\.\s*){1,2})")
VOWELS = frozenset("аеиоуыэюяaeiouy")
# a monarch's number after a first name («Альберт II»), folded: no surname
ROMAN_NUMERAL = re.compile(r"[ivxlc]+")
# a sea's or island group's adjective («каспийский», «курильский») and the one-word names of
# it made of its stem (``_feature_of_its_adjective``): the stem itself where it ends in «й»
# («Каспий»), else the stem's plural («Курилы» of «куриль-», «Канары»). Not a stem in «-а»
# nor a bare one: «Печора», «Кара», a town «Кедрин» are named by «Печорское», «Карское»,
# «Кедринское море» without being them
FEATURE_ADJECTIVE_SUFFIX = "ский"
FEATURE_STEM_ENDING = "й"
FEATURE_PLURAL_ENDINGS = ("ы", "и")
# a middle word a foreign two-word name may leave out is this long at least: a shorter one is
# a syllable of an East Asian given name («Ким Чен Ын», «Нгуен Ван Тхыонг»), no middle name
DROPPED_NAME_MIN_LETTERS = 4
# «и» of an Italian «gio», «cio» before «о», which transliterations keep or drop (``_spelling``)
ITALIAN_IO = re.compile(r"(?<=[жч])и(?=о)")
# a run of vowels: one syllable of a transliterated name («Нгуен», «Тхыонг» have one)
VOWEL_RUN = re.compile(r"[аеёиоуыэюя]+")
# a bare surname of two people of the batch is the one named in this many times as many
# documents as the others together
DOMINANT_PERSON = 3
# a bare surname of two people its own document names in full, the one named in this many
# times as many documents of the batch as the others together («Кедрин» beside «Иван
# Кедрин» of many articles and his brother «Олег Кедрин» of this one)
DOMINANT_NAMESAKE = 2
# a person named in full in this many documents, all about one Russian region, is that
# region's man: a bare surname in a document about other regions is a namesake
REGIONAL_PERSON_DOCUMENTS = 2
# a document is about a country where it names that country's places this many times at least,
# and more than any other foreign country's (see _host_country)
HOST_COUNTRY_MENTIONS = 3
# a one-word name the normal form left in another case, and the nominative endings it may
# have: «Камнереча» ← «Камнереч», «Алабуги» ← «Алабуга», «Кедрограде» ← «Кедроград»
CASE_ENDINGS = (("ами", ("а", "я", "")), ("ом", ("",)), ("ем", ("", "ь", "й")),
                ("ой", ("а",)), ("ей", ("я", "ь")), ("ою", ("а",)), ("а", ("", "о")),
                ("у", ("", "а", "о")), ("е", ("", "а", "ь", "о", "й")), ("ы", ("а",)),
                ("и", ("а", "я", "ь")), ("ю", ("я", "ь", "й")), ("я", ("ь", "й", "е")))
# «h» between vowels, transliterated «г», «х» or not at all: «Ваган», «Вахан», «Ваан»
INTERVOCALIC_H = re.compile(r"(?<=[аеиоуыэюя])[гх](?=[аеиоуыэюя])")
# a surname's ending that no nominative has (instrumental, dative, prepositional): «Петрова»
# may be a woman's name as written, «Петровым» is no one's
# a man's surname of a consonant declined: «Кедресом», «Кедресу», «Кедреса», «Кедресе»
MANS_CASE_ENDINGS = frozenset(("а", "у", "ом", "е", "ем", "ым"))
# a surname shorter than this is too short to tell a misspelling of another
NEAR_SURNAME_MIN_LETTERS = 5
OBLIQUE_SURNAME = re.compile(r"\w\w(?:[оыие]м|[ое]му|[ую])$")
# a surname in the nominative that only a man has: «Гусев», «Хабиров», «Орловский»
MASCULINE_SURNAME = re.compile(r"\w\w(?:[оеё]в|[иы]н|[сц]кий)$")
# capitals that Cyrillic and Latin share: «ТН Group» is «TH Group» typed on a Russian keyboard
HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХ", "ABEKMHOPCTX")
CYRILLIC_HOMOGLYPH_WORD = re.compile(r"\b[АВЕКМНОРСТХ]{2,}\b")
LATIN_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
# a web address of a Cyrillic name, its domain in Latin or Cyrillic letters (folded):
# «кедровка.ру», «кедровка.рф», «кедровка.ru»
CYRILLIC_WEB_ADDRESS = re.compile(r"([а-я][а-я0-9-]*)\.(?:[a-z]{2,6}|ру|рф)")
# a name written in Latin letters only, of four letters or more («Angel Yeast», «Haier»)
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.&'’\- ]{2,}[A-Za-z0-9.]")
# an event's two sides in a compound adjective (name key): «российско-китайский»
TWO_SIDES = re.compile(r"\b([а-я]+[сц]к)о-([а-я]+[сц]к)(ий|ой)\b")
DESCRIPTION_PREPOSITIONS = frozenset(("в", "для", "на", "по"))
# words a name's initials may leave out
EPONYM_KEY = "имя"  # «имени», «им.» in a name key
GLUED_EPONYM_MARKER = re.compile(r"(?<!\w)им\.(?=\w)", re.IGNORECASE)  # «им.А.П.Кедрова»
INITIALS = re.compile(r"(?<!\w)\w\.\s*")  # «А.», «А.П.» of a person's name
SMALL_WORDS = frozenset(("и", "в", "во", "для", "на", "по", "при", "с", "со"))
# a hyphen with a space on one side only: «IT- парка» (a line break's), «Кедроград -Экспо»
HYPHEN_SPACE = re.compile(r"(?<=\w)(?:-\s+|\s+-)(?=\w)")
# «IT-парк» is «ИТ-парк»: a Latin abbreviation glued to a Russian word, read letter by letter
LATIN_BEFORE_RUSSIAN = re.compile(r"\b[a-z]{1,4}(?=-[а-я])")
# a body's head noun before a quoted name: «Фонд «Кедроград»», «Ассоциации «Орбита»»
HEADED_QUOTED_NAME = re.compile(r"(\w+)\s+«([^«»]+)»")
# «Фонд Кедроград» unquoted: a head and a capitalised one-word name (the same thing as the
# name alone where its document writes that too, as «Фонд «Кедроград»»)
HEADED_ONE_WORD_NAME = re.compile(r"(\w+)\s+([A-ZА-ЯЁ][\w\-]+)")
# a generic head before an abbreviation: «Корпорация «МСП»», «Корпорация МСП»
HEADED_ABBREVIATION = re.compile(r"([А-ЯЁа-яё]+)\s+«?([A-ZА-ЯЁ]{2,8})»?")
# a one-word name, Cyrillic or Latin only, of five letters or more (``romanised``)
CYRILLIC_WORD = re.compile(r"[а-я][а-я\-]{4,}")
LATIN_ONE_WORD = re.compile(r"[a-z][a-z\-]{4,}")
# Russian letters romanised as the passport rules of 2014 and the older habits write them
ROMAN_LETTERS = dict(zip("абвгдежзийклмнопрстуфхцчшщъыьэюя",
                         ["a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m",
                          "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                          "shch", "", "y", "", "e", "yu", "ya"], strict=True))
LATIN_LETTERS = dict(zip("abcdefghijklmnopqrstuvwxyz",
                         ["а", "б", "ц", "д", "е", "ф", "г", "х", "и", "дж", "к", "л", "м",
                          "н", "о", "п", "к", "р", "с", "т", "у", "в", "в", "кс", "й", "з"],
                         strict=True))


# a hyphen between two words, and an old spelling's hard sign closing a word
# («Газпром-медиа», «Коммерсантъ»): no part of the name (``_plain_spelling``)
WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
FINAL_HARD_SIGN = re.compile(r"(?<=[а-яё]{2})ъ\b")
# Latin spellings as a Russian transliteration hears them, in this order (``_sounds``):
# «Microsoft» and «Майкрософт», «Volkswagen» and «Фольксваген» meet
LATIN_SOUNDS = (("dzh", "j"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "kv"), ("q", "k"),
                ("x", "ks"), ("sh", "s"), ("zh", "s"), ("ch", "s"), ("ts", "s"), ("kh", "h"))
SOFT_C = re.compile(r"c(?=[eiy])")
# a voiced consonant and its voiceless pair sound alike at a word's end and to a foreign ear
VOICELESS = str.maketrans("bdgzvw", "ptksff")
# the letters a name that ends in a vowel ends in (``_final_vowels_agree``, on folded names;
# «й» with them: «Hyundai», «Хендай»)
LATIN_VOWELS = VOWELS & frozenset(string.ascii_lowercase)
CYRILLIC_VOWELS = (VOWELS - LATIN_VOWELS) | {"й"}
# letters a name's consonants as heard leave out: vowels, and «h»
SOUNDLESS = LATIN_VOWELS | {"h"}
# a Latin name's consonants as heard, this many at least to compare with a Cyrillic one's
HEARD_CONSONANTS_MIN = 3
CYRILLIC_WORD_LETTERS = re.compile(r"[а-яё]+")
SOFT_SIGNS = re.compile(r"[йьъ]")
# vowels that transliterations of one foreign name write either way: an English «i» as «и»
# or «е» («Беньямин», «Биньямин»), an «a» as «а», «э» or «е» («Габриэль», «Гэбриэль»;
# «Кедланд», «Кедленд»), «е» for «э» or «ё», «ы» for «и»
HESITANT_VOWELS = frozenset(frozenset(pair) for pair in (
    "еи", "еэ", "аэ", "ае", "иы", "её"))
# a compound's short word («совбез», «кабмин») and each of its two parts, in letters at least
COMPOUND_MIN_LETTERS = 6
COMPOUND_MIN_PART = 3
# a transliteration's letters are this share of the foreign name's at least, or the other way
LETTER_COUNT_RATIO = 2 / 3


@dataclass(frozen=True, slots=True)
class KeyWords:
    """What a key leaves out: words of a park's type, an organisation's legal forms."""

    park_type_words: frozenset[str]
    zone_abbreviations: frozenset[str]
    org_forms: frozenset[str]
    park_named_heads: frozenset[str]  # «Технополис Москва»: a head that can be in the name
    place_descriptors: frozenset[str]  # «провинция Аньхой», «город Баоцзи»
    name_synonyms: tuple[tuple[str, str], ...] = ()  # a name's last word: «столица» = «москва»
    # «минпромторг» = «министерство промышленность и торговля» (name keys)
    org_short_names: tuple[tuple[str, str], ...] = ()
    # heads of a body's name («посольство», «министерство»): alone, the document's one body
    body_heads: frozenset[str] = frozenset()
    # an event's generic words before its quoted name («международная выставка «Иннопром»»)
    event_words: frozenset[str] = frozenset()
    # a country's own bodies: bare, in a document about another country, that country's
    national_body_heads: frozenset[str] = frozenset()
    # «мид» = «министерство иностранный дело»: expanded only before a place (name keys)
    body_abbreviations: tuple[tuple[str, str], ...] = ()
    # «корпорация развитие»: a name every region's body has (name keys)
    regional_body_names: frozenset[str] = frozenset()
    # «Петербургский (международный) экономический форум»: words an unquoted event may drop
    event_optional_words: frozenset[str] = frozenset()
    # «региональная корпорация развития»: an adjective before a regional body's bare name
    regional_adjectives: frozenset[str] = frozenset()
    # «ао», «ооо»: a legal form before a name makes it a company's (org_legal_forms)
    legal_forms: frozenset[str] = frozenset()
    # «фонд», «посольство»: a body's head noun, alone no name of one thing
    generic_heads: frozenset[str] = frozenset()
    # «народный правительство» = «правительство»: words of a body's name that mean the same
    # anywhere in it (name keys)
    org_phrase_synonyms: tuple[tuple[str, str], ...] = ()
    # a short name's full name as written, by its name key: the places in it are capitalised
    # («Дальнего Востока»), where the short name («Минвостокразвития») shows none
    org_full_names: tuple[tuple[str, str], ...] = ()
    # «ltd», «gmbh»: legal forms that end a company's name in Latin script (folded, no dots)
    latin_legal_forms: frozenset[str] = frozenset()
    # «третий»: a spelled ordinal before an event's name numbers its edition (folded lemmas)
    edition_ordinals: frozenset[str] = frozenset()
    # «фонд», «ассоциация»: an organisation's head noun, before its quoted name the same
    # thing as the name alone («Фонд «X»» is «X»; a representative office, «Представительство
    # «X»», is not)
    org_body_nouns: frozenset[str] = frozenset()
    # «краевой» = «край»: a level's adjective and the word of the region it stands for (a
    # park's name that begins with it is of the region its document names)
    level_adjectives: tuple[tuple[str, str], ...] = ()
    # «зона», «ОЭЗ»: a special zone's words (zone_abbreviations, special_zone_anaphors)
    zone_words: frozenset[str] = frozenset()
    # «посольство», «торгпредство»: a country's missions abroad (key_mission_heads)
    mission_heads: frozenset[str] = frozenset()
    # «городской», «муниципальный»: a municipality's kind before its head (key_municipal_kinds,
    # key_city_municipal_kinds); «городской»: a city's own (key_city_municipal_kinds)
    municipal_kinds: frozenset[str] = frozenset()
    city_municipal_kinds: frozenset[str] = frozenset()
    # «тор», «территория опережать»: a territory of advanced development's words before its
    # name, each entry's words all there (name keys; key_territory_words)
    territory_words: frozenset[str] = frozenset()
    # «море», «остров»: a sea's or island group's noun after the adjective of its one-word name
    # («Каспийское море» = «Каспий»; key_adjective_named_features)
    adjective_named_features: frozenset[str] = frozenset()
    # «институт», «кафедра»: a unit's head that with its field alone names one in every
    # university («Институт физики»; key_unit_heads)
    unit_heads: frozenset[str] = frozenset()
    # «султанат», «королевство»: a form of state that alone is its document's country of that
    # form (key_state_form_nouns)
    state_form_nouns: frozenset[str] = frozenset()
    # «экономический развитие и торговля» = «экономический развитие»: the words closing a
    # Russian federal body's name before and after its renaming, for its name alone or with
    # Russia (name keys; key_russian_org_phrase_synonyms)
    russian_org_phrase_synonyms: tuple[tuple[str, str], ...] = ()
    # «имени», «им.»: what begins the person a body is named after (eponym_markers): the name
    # before them may be the body's without its eponym (a bare abbreviation of those words
    # is left to its document: _abbreviations_the_document_expands)
    eponym_markers: frozenset[str] = frozenset()
    # key_org_forms' entries of several words (name keys): dropped only as that run of words
    # («федеральный государственный»; «федеральный» alone begins other bodies' names)
    org_form_phrases: tuple[tuple[str, ...], ...] = ()
    # «город», «г», «посёлок»: a town's descriptor (settlement_descriptors, town_descriptors,
    # key_place_abbreviations), which a body's name may drop before a town's name alone
    town_words: frozenset[str] = frozenset()
    # «республика», «область»: a region's head word (region_heads), alone for the one place
    # of the document so named
    region_heads: frozenset[str] = frozenset()
    # «промпарк», «индустриальный парк»: an industrial park's head before its quoted name,
    # another thing than a special zone of that name (name keys; key_industrial_park_heads)
    industrial_park_heads: frozenset[str] = frozenset()
    # «партия»: a body's name word that names other countries' bodies bare too
    # (key_bodies_named_abroad)
    bodies_named_abroad: frozenset[str] = frozenset()
    # «ректор», «губернатор»: a post's title, no part of a person's name when a tagger's span
    # takes it in («Ректор Кедров» is the batch's «Кедров»; post_titles)
    post_titles: frozenset[str] = frozenset()
    # «тпп», «торгово-промышленный палата»: a name Russia's body and every region's have
    # (name keys; key_federal_and_regional_body_names)
    federal_and_regional_body_names: frozenset[str] = frozenset()
    # «областной», «региональный»: a level a body serves, before its name (org_scope_adjectives)
    scope_adjectives: frozenset[str] = frozenset()
    # «the», «der»: an article before a Latin name, no part of it (key_latin_articles)
    latin_articles: frozenset[str] = frozenset()
    # «конгресс», «суд»: a body every country has, bare in a document about another country
    # than Russia that country's, where the batch writes it with the country's name
    # (key_country_body_heads)
    country_body_heads: frozenset[str] = frozenset()
    # «партия»: after adjectives only, a name every country has; Russia after it is kept
    # (key_descriptive_party_heads)
    descriptive_party_heads: frozenset[str] = frozenset()
    # «совет министров», «национальная гвардия»: a bare name that many countries' bodies bear
    # (name keys; key_every_countrys_body_names)
    every_countrys_body_names: frozenset[str] = frozenset()
    # «ген», «сов»: a compound short word's first part standing for a body's first word
    # («Генпрокуратура», «Совбез») (key_compound_short_stems)
    compound_short_stems: frozenset[str] = frozenset()
    # «юля» = «юлия»: a first name's everyday form and the full name (key_first_name_diminutives)
    first_name_forms: tuple[tuple[str, str], ...] = ()
    # «би» = «b»: an English letter's name as Russian spells an abbreviation out
    # (key_latin_letter_names)
    latin_letter_names: tuple[tuple[str, str], ...] = ()
    # the full names of body_abbreviations («министерство иностранный дело»), and both its
    # short and full names, made once
    body_full_names: frozenset[str] = field(init=False, compare=False)
    body_names: frozenset[str] = field(init=False, compare=False)
    # latin_letter_names by the letter's Russian name, made once
    latin_letters: dict[str, str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "body_full_names",
                           frozenset(full for _, full in self.body_abbreviations))
        object.__setattr__(self, "body_names", frozenset(
            name for pair in self.body_abbreviations for name in pair))
        object.__setattr__(self, "latin_letters", dict(self.latin_letter_names))

    @classmethod
    def from_rules(cls, rules: RuleSet) -> KeyWords:
        def words(*names: str) -> frozenset[str]:
            return frozenset(fold(w) for n in names for w in rules.words(n))

        synonyms = tuple(sorted((fold(one), fold(other)) for one, other
                                in word_pairs(rules.words("key_name_synonyms"))))

        def pairs(name: str) -> tuple[tuple[str, str], ...]:
            return tuple(sorted((name_key(short), name_key(full))
                                for short, full in word_pairs(rules.words(name))))

        return cls(words("park_nouns", "park_adjectives", "key_park_type_words"),
                   words("zone_abbreviations"),
                   frozenset(form for word in rules.words("key_org_forms") if " " not in word
                             for form in (fold(word), name_key(word))),
                   words("park_named_heads"), words("geo_descriptors", "key_place_abbreviations",
                                                    "town_descriptors"),
                   synonyms, pairs("key_org_short_names"), words("government_bodies",
                                                                 "org_body_nouns"),
                   words("event_nouns", "key_event_words"), words("key_national_body_heads"),
                   pairs("key_body_abbreviations"),
                   frozenset(name_key(name) for name in rules.words("key_regional_body_names")),
                   words("key_event_optional_words"),
                   frozenset(name_key(word) for word in rules.words("key_regional_adjectives")),
                   words("org_legal_forms"),
                   words("org_body_nouns", "key_national_body_heads", "key_generic_heads"),
                   pairs("key_org_phrase_synonyms"),
                   tuple(sorted((name_key(full), full) for _, full
                                in word_pairs(rules.words("key_org_short_names")))),
                   frozenset(fold(word).replace(".", "")
                             for word in rules.words("org_latin_legal_forms")) | {"co"},
                   words("edition_ordinals"), words("org_body_nouns"),
                   pairs("region_adjectives"),
                   words("zone_abbreviations", "special_zone_anaphors"),
                   words("key_mission_heads"),
                   words("key_municipal_kinds", "key_city_municipal_kinds"),
                   words("key_city_municipal_kinds"),
                   frozenset(name_key(entry) for entry in rules.words("key_territory_words")),
                   words("key_adjective_named_features"), words("key_unit_heads"),
                   words("key_state_form_nouns"), pairs("key_russian_org_phrase_synonyms"),
                   eponym_markers=words("eponym_markers"),
                   org_form_phrases=tuple(sorted(
                       (tuple(name_key(entry).split()) for entry in rules.words("key_org_forms")
                        if " " in entry), key=len, reverse=True)),
                   town_words=words("settlement_descriptors", "town_descriptors",
                                    "key_place_abbreviations"),
                   region_heads=words("region_heads"), post_titles=words("post_titles"),
                   scope_adjectives=words("org_scope_adjectives"),
                   latin_articles=words("key_latin_articles"),
                   country_body_heads=words("key_country_body_heads"),
                   descriptive_party_heads=words("key_descriptive_party_heads"),
                   every_countrys_body_names=frozenset(
                       name_key(entry) for entry in rules.words("key_every_countrys_body_names")),
                   compound_short_stems=words("key_compound_short_stems"),
                   federal_and_regional_body_names=frozenset(
                       name_key(entry)
                       for entry in rules.words("key_federal_and_regional_body_names")),
                   industrial_park_heads=frozenset(
                       name_key(entry) for entry in rules.words("key_industrial_park_heads")),
                   bodies_named_abroad=words("key_bodies_named_abroad"),
                   first_name_forms=tuple(sorted(
                       (fold(short), fold(full))
                       for short, full in word_pairs(rules.words("key_first_name_diminutives")))),
                   latin_letter_names=tuple(sorted(
                       (fold(name), fold(letter))
                       for name, letter in word_pairs(rules.words("key_latin_letter_names")))))


@lru_cache(maxsize=200_000)
def stripped_name(entity_type: str, normal: str, words: KeyWords) -> str:
    """The name a key is made of: «ОЭЗ «Технополис Москва»» → «технополис москва»,
    ООО «Орбита» → «орбита» (folded); other names only folded."""
    normal = re.sub(r"\s*\([A-ZА-ЯЁ]{2,10}\)", "", normal)  # «зона (ОЭЗ) «Дубна»»
    normal = HYPHEN_SPACE.sub("-", normal)
    generic = {"PARK": words.park_type_words | words.zone_abbreviations,
               "ORG": words.org_forms, "EVENT": words.event_words}.get(entity_type)
    if entity_type == "ORG":
        normal = _without_latin_legal_form(normal, words)
    if entity_type in ("EVENT", "ORG"):
        normal = _without_edition(normal, words.edition_ordinals) if entity_type == "EVENT" else \
            EDITION_YEAR.sub("", normal) if "-" in normal.rstrip()[-5:] else normal
    if LATIN_WORD.search(normal):
        normal = CYRILLIC_HOMOGLYPH_WORD.sub(lambda m: m.group().translate(HOMOGLYPHS), normal)
    if generic is None:
        return fold(normal)
    start, end = normal.find("«"), normal.rfind("»")
    if 0 <= start < end and normal[start + 1:end].strip():
        # the outermost quotes: «ОЭЗ «Технополис «Москва»»» names «Технополис Москва»
        before = name_key(normal[:start]).split()
        if entity_type == "ORG":
            before = _without_phrases(before, words.org_form_phrases)
        # a park's type word may lead a description: «технопарк в сфере … «ИТ-парк»»
        described = entity_type == "PARK" and len(before) > 2 and before[0] in generic \
            and before[1] in DESCRIPTION_PREPOSITIONS
        # an aside in brackets after the name is no part of it: «ОЭЗ «…» (Тверская область)»
        after = normal[end + 1:].strip()
        # (a company's country is no builder's: «белорусская «Кедр»» and «российская «Кедр»»
        # are two companies of one name)
        if (described or all(word in generic or (entity_type == "PARK"
                                                 and _countries_adjective(word))
                             for word in before)) \
                and (not after or re.fullmatch(r"\([^()]*\)", after)):
            return _of_a_territory(fold(normal[start + 1:end]), before, words) \
                if entity_type == "PARK" else fold(normal[start + 1:end])
        return fold(normal)
    if entity_type in ("PARK", "EVENT"):
        # generic words before a capitalised name: «особая экономическая зона Алабуга»,
        # «международный форум Технопром»; a head that names a site by itself stays
        # («Нанопарк Гатчина»)
        written = normal.split()
        lemmas = [name_key(word) for word in written]
        start = 0
        while start < len(written) - 1 and (
                lemmas[start] in words.zone_abbreviations
                or (lemmas[start] in generic and lemmas[start] not in words.park_named_heads)):
            start += 1
        if start and (written[start][:1].isupper() or (entity_type == "PARK"
                      and lemmas[0] in words.zone_abbreviations)) \
                and not _oblique_adjective(written[start]) \
                and not _owners_abbreviation(written[start:], lemmas[:start], entity_type,
                                             words):
            name = fold(" ".join(written[start:]))
            return _of_a_territory(name, lemmas[:start], words) if entity_type == "PARK" \
                else name
        if entity_type == "EVENT" and len(written) > 2:
            # «Петербургский (международный) экономический форум»: one event either way
            return fold(" ".join(w for i, w in enumerate(written)
                                 if i == 0 or lemmas[i] not in words.event_optional_words))
    return fold(normal)


def _without_phrases(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> list[str]:
    """``words`` less each run of them that is one of ``phrases`` (the longest first)."""
    kept, i = [], 0
    while i < len(words):
        size = next((len(phrase) for phrase in phrases
                     if tuple(words[i:i + len(phrase)]) == phrase), 0)
        if size:
            i += size
        else:
            kept.append(words[i])
            i += 1
    return kept


def _of_a_territory(name: str, before: list[str], words: KeyWords) -> str:
    """A territory of advanced development named by a place keeps its type word: «ТОР
    «Кедровск»» is a regime of the town's land, and the town's industrial park («Промышленный
    парк «Кедровск»») another thing of its name. Its words before the name: one entry of
    ``words.territory_words`` (key_territory_words: «тор», «территория опережать»)."""
    territory = any(set(entry.split()) <= set(before) for entry in words.territory_words)
    return f"тор {name}" if territory and gazetteer().lookup(name) is not None else name


def _park_kind(normal: str, words: KeyWords) -> str | None:
    """What the words before a quoted name make it: «zone» after a special zone's words
    («ОЭЗ «Кедровая»», «особая экономическая зона «Кедровая»»), «industrial park» after an
    industrial park's head («промпарк «Кедровая»»), else None."""
    if "«" not in normal:
        return None
    before = name_key(normal[:normal.index("«")])
    if any(word in words.zone_words for word in before.split()):
        return "zone"
    if any(f" {head} " in f" {before} " for head in words.industrial_park_heads):
        return "industrial park"
    return None


@lru_cache(maxsize=10_000)
def _countries_adjective(word: str) -> bool:
    """Whether a word (a name key's) is a country's adjective or two countries' in one
    («белорусский», «китайско-белорусский»): before a park's type word and quoted name, it says
    who built the park, as the type word says what it is («Китайско-белорусский индустриальный
    парк «Кедр»» is «Кедр»)."""
    parts = word.split("-")
    adjectives = [*(part[:-1] + "ий" for part in parts[:-1] if part.endswith(("ско", "цко"))),
                  parts[-1]]
    if len(adjectives) != len(parts):
        return False
    places = gazetteer()
    return all((place := places.by_adjective.get(adjective)) is not None
               and place.kind == "country" for adjective in adjectives)


def _is_russia(place: Place) -> bool:
    """Is the place the country Russia (whose own adjectives and bodies name nothing apart)?"""
    return place.kind == "country" and place.country == "RU"


def _read_only_as_a_proper_name(word: str) -> bool:
    """Whether the dictionary reads a word (folded) only as a proper name or abbreviation
    («котра»), not as a word of the language too («спутник», «ольха»)."""
    parses = word_parses(word)
    return bool(parses) and all(PROPER_OR_ABBREVIATION & parse.tag.grammemes for parse in parses)


def _oblique_adjective(word: str) -> bool:
    """An adjective with no nominative reading («Шелкового»): the words from it on depend on
    the generic word before them («ЭКСПО Шелкового пути», «форум Дальнего Востока») and are
    no name alone."""
    parses = word_parses(fold(word))
    return bool(parses) and all("ADJF" in parse.tag and "nomn" not in parse.tag
                                for parse in parses)


def _owners_abbreviation(rest: list[str], generic: list[str], entity_type: str,
                         words: KeyWords) -> bool:
    """Whether a park's type words stand before one Cyrillic abbreviation alone («Научный
    парк МГУ», «технопарк КФУ»): the abbreviation is the park's owner, and the park is not its
    owner, as its name without the type words would say. A zone's abbreviation («ОЭЗ ТЛТ»,
    «свободная экономическая зона JAFZA») is the zone's own name."""
    return entity_type == "PARK" and len(rest) == 1 \
        and CYRILLIC_ABBREVIATION.fullmatch(rest[0]) is not None \
        and not any(lemma in words.zone_words for lemma in generic)


def _without_latin_legal_form(normal: str, words: KeyWords) -> str:
    """A company's name less the legal forms that end it in Latin script: «Olkha Seed
    Technology Co., Ltd» → «Olkha Seed Technology» (one word of the name stays)."""
    written = normal.split()
    while len(written) > 1 and fold(written[-1]).strip(",.»\"").replace(".", "") \
            in words.latin_legal_forms:
        written.pop()
    if len(written) == len(normal.split()):
        return normal
    name = " ".join(written).rstrip(",")
    # a closing quote the forms stood inside: «Olkha Ltd» → «Olkha»
    return name + "»" if normal.rstrip().endswith("»") and name.count("«") > name.count("»") \
        else name


def _sides_in_order(found: re.Match) -> str:
    """«китайско-российский» → «российско-китайский»: the two sides of an event in one order,
    whichever side the news writes first («Китайско-российское ЭКСПО» is the «Российско-
    китайское ЭКСПО» written from the other side)."""
    first, second = sorted((found.group(1), found.group(2)))
    return f"{first}о-{second}{found.group(3)}"


def _settlement_adjective(name: str, place: Place) -> bool:
    """A masculine or neuter adjective alone named as a place («Московский», «Южное») is a
    settlement or district of that name, not the city or region its adjective is of (no head
    of such a name agrees with it); a country's adjective keeps its country. A region named
    by its adjective and a head of another gender («Кедровская область») is not named by its
    adjective in the masculine («Кедровского» [района, фронта])."""
    word = fold(name.strip())
    if " " in word or place.kind == "country" \
            or _region_named_by_it(word, place):
        return False  # «Приморский» [край]: the region's own name agrees with it
    parses = word_parses(word)
    return bool(parses) and "ADJF" in parses[0].tag and "sing" in parses[0].tag \
        and parses[0].tag.gender in ("masc", "neut") \
        and parses[0].normal_form.replace("ё", "е") in place.adjectives


def _region_named_by_it(word: str, place: Place) -> bool:
    """Whether a place's name begins with the adjective ``word`` in ``word``'s gender
    («приморский» of «Приморский край»; not «кедровского» of «Кедровская область»)."""
    first = fold(place.canonical).split()[0]
    if name_key(first) != name_key(word):
        return False
    own, written = word_parses(first), word_parses(word)
    return not (own and written and "ADJF" in own[0].tag and "ADJF" in written[0].tag) \
        or own[0].tag.gender in {parse.tag.gender for parse in written if "ADJF" in parse.tag}


def _person_in_nominative(name: str) -> str | None:
    """A first name and surname that the normal form left in another case, in the
    nominative: «павла ерохина» → «павел ерохин», «ольгой котовой» → «ольга котова». None
    where the first name has a nominative reading («Ивана» may be a woman's name) or the
    surname no reading of the first name's gender and case."""
    first, surname = name.split()
    names = [p for p in word_parses(first) if "Name" in p.tag and "sing" in p.tag]
    if not names or any("nomn" in p.tag for p in names):
        return None
    for parse in names:
        for surname_parse in word_parses(surname):
            tag = surname_parse.tag
            if "Surn" in tag and tag.gender == parse.tag.gender and tag.case == parse.tag.case:
                inflected = surname_parse.inflect({"nomn", "sing", parse.tag.gender})
                if inflected is not None:
                    return f"{parse.normal_form} {inflected.word}".replace("ё", "е")
    return None


def _first_name_nominatives(first: str, surname: str) -> set[str]:
    """The nominatives a first name written in another case may have: its dictionary
    lemmas as a name («радию» → «радий»), else a case ending changed («кохира» → «кохир»).
    Nothing where the name as written is a known first name in the nominative («Александра»)
    and the surname no man's only («Александра Ким» is a woman; «Александра Гусев» is
    Alexander's genitive)."""
    parses = word_parses(first)
    if not MASCULINE_SURNAME.search(surname) and dictionary().word_is_known(first) and any(
            {"Name", "nomn"} <= parse.tag.grammemes for parse in parses):
        return set()
    found = {parse.normal_form.replace("ё", "е") for parse in parses
             if {"Name", "sing"} <= parse.tag.grammemes and "nomn" not in parse.tag}
    if len(first) >= 4:
        for ending, nominatives in CASE_ENDINGS:
            if first.endswith(ending):
                found |= {first[:-len(ending)] + nominative for nominative in nominatives}
    return found - {first}


def _without_edition(name: str, ordinals: frozenset[str]) -> str:
    """An event's name without its year or ordinal: «XV Иннопром-2022», «Третий форум «X»»
    → «Иннопром», «форум «X»»."""
    bare = EDITION_NUMBER.sub("", EDITION_YEAR.sub("", name.strip()))
    first, _, rest = bare.partition(" ")
    if rest.strip() and word_lemma(fold(first)) in ordinals:
        bare = rest.lstrip()
    return bare if bare.strip(" «»\"") else name


def person_name(name: str) -> str:
    """A person's name as keys compare it: folded, without a patronymic, first name first,
    initials before the surname and written together («О.В. Мельниченко»), doubled letters
    single (transliterations double them or not: «Гиззатуллин», «Гизатуллин»), a first name
    without «г» or «х» between vowels (an «h» transliterated or not: «Ваган», «Ваан»), before
    one surname or more («Мигель Ольмос Кастильо» as «Мигель Ольмос»)."""
    folded = fold(name)
    surname_first = SURNAME_INITIALS.fullmatch(folded)
    if surname_first:  # «Мельниченко О.В.» is «О.В. Мельниченко»
        folded = f"{surname_first.group(2).replace(' ', '')} {surname_first.group(1)}"
    elif initialled := INITIALS_SURNAME.fullmatch(folded):  # «О. В. Мельниченко», «О.В.Мельниченко»
        folded = f"{initialled.group(1).replace(' ', '')} {initialled.group(2)}"
    words = folded.split()
    if len(words) == 3 and PATRONYMIC.match(words[1]):
        words = [words[0], words[2]]
    elif len(words) == 3 and PATRONYMIC.match(words[2]):
        words = [words[1], words[0]]  # «Иванов Иван Иванович», as forms and lists write it
    elif len(words) == 4 and PATRONYMIC.match(" ".join(words[1:3])):
        words = [words[0], words[3]]
    if len(words) >= 2 and "." not in words[0]:  # a first name, not a surname: «Багаев» ≠ «Баев»
        words[0] = INTERVOCALIC_H.sub("", words[0])
    return re.sub(r"(\w)\1", r"\1", " ".join(words))


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


@dataclass(slots=True)
class _Thing:
    """What the batch knows of one thing: its names, types and mention counts."""

    identity: tuple[str, str]
    types: Counter
    names: Counter  # display names (stripped normal forms as written)
    key: str | None = None  # fixed by an earlier batch
    documents: int = 0  # the entity rows (one a document) that name it


class KeyResolver:
    """Canonical keys for a batch's entity rows (and the rows of earlier batches)."""

    def __init__(self, words: KeyWords, places: Gazetteer) -> None:
        self.words, self.places = words, places
        # keyed as ``person_name`` writes a first name («билл» as «бил»: doubled letters single)
        self._full_first_names = {person_name(short): full
                                  for short, full in words.first_name_forms}
        self.things: dict[tuple[str, str], _Thing] = {}
        # (family, abbreviation) → the names it was written beside («КФУ» beside «Казанский
        # федеральный университет»), counted: the most written wins, whatever the order of
        # the rows (a re-run learns them in another order than the full run)
        self.abbreviations: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
        # those of them made of a body's word stems («Роскомнадзор»): written as words
        self.stem_abbreviations: set[tuple[str, str]] = set()
        # a company's Latin name → the names in Cyrillic it was written beside («Angel Yeast»
        # beside «Ангел Ист»), counted like abbreviations
        self.latin_names: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
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
        # «Кедровский университет» is the batch's one «Кедровский университет имени …»: the
        # name before its eponym → the things so named
        self.eponymous: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        # (family, the end of a name with an eponym, from a head on) → the names so ending
        self.eponymous_tails: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        # a park's or company's name → the places (canonical names) its documents name
        self.places_of_sites: dict[tuple[str, str], set[str]] = defaultdict(set)
        # the parks and companies the batch writes after a special zone's words («ОЭЗ «…»»)
        self.zone_names: set[tuple[str, str]] = set()
        # a full-named person → the Russian regions of the places of the documents naming him
        # so, and the number of those documents naming each (see _namesakes_elsewhere)
        self.regions_of_people: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        # a bare name many countries' bodies bear («социалистический партия») → the countries
        # (ISO codes) of the documents naming it that are about one (see
        # _every_countrys_bodies_of_another_country), counted by documents
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
        self._places_by_first_word = _places_by_first_word(places)
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
        # «КР» is the one place of the batch written «Кыргызская Республика», if only one
        self.place_initials: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.earlier: dict[tuple[str, str], str] = {}  # identity → key of an earlier batch
        self.site_names: set[str] = set()  # outlets' names taken from their web addresses
        # those of Cyrillic names, romanised → as written («lenta» → «лента» of «Лента.ру»)
        self.cyrillic_site_names: dict[str, str] = {}
        # (doc_id, entity_id) → the place a document says the park or event is in
        self.located: dict[tuple[str, int], Place] = {}
        # the rows of the things documents place: doc_id, type, normal, place (relations are
        # taken in before entities: only these rows are kept, whatever the batch's size)
        self.placed_rows: list[tuple[str, str, str, Place]] = []
        self._apart: dict[tuple[str, str], str] | None = None
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
            if place is not None and not _settlement_adjective(normal, place):
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
            name = _eponym_by_surname(name, self.words.eponym_markers)
        key = name_key(name) if name else name
        if entity_type == "LOC":
            key = self._district(key)
        if entity_type == "EVENT":
            key = TWO_SIDES.sub(_sides_in_order, key)
        if entity_type in FAMILIES:
            key = LATIN_BEFORE_RUSSIAN.sub(
                lambda m: "".join(LATIN_LETTERS[letter] for letter in m.group()), key)
            head, hyphen, rest = key.partition("-")
            if hyphen and " " not in head and head in self.words.park_type_words \
                    and rest[:1].isalpha():
                key = f"{head} {rest}"  # «Технопарк-Кедровия» is the «Технопарк Кедровии»
        if entity_type == "ORG":
            key = self._without_own_country(self._federal_body(self._ministry_in_full(key)))
            for phrase, same in self.words.org_phrase_synonyms:
                key = f" {key} ".replace(f" {phrase} ", f" {same} ").strip()
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
                and not _first_name(words[0]):
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
            and all(_an_adjective(word) for word in before)

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
            and not any(_countries_adjective(word) for word in bare[1].split())

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
                    and _is_russia(place):
                words = [words[0], *words[1 + size:]]
                key = " ".join(words)
                break
        for size in (2, 1):
            head, last = " ".join(words[:-size]), " ".join(words[-size:])
            place = self.places.lookup(last) if head else None
            if place is not None and _is_russia(place) \
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
                    is not None and not _is_russia(place)
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
            self.earlier.setdefault(self.identity(entity_type, alias), key)

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
                thing = self.things[identity] = _Thing(identity, Counter(), Counter())
            thing.documents += 1
            if placed:
                named_places[placed["doc_id"][number]].update(
                    place.canonical for _, place in _places_named(
                        [{"type": entity_type, "normal": normal}], self.places))
            if identity[0] == "SITE" and any(_park_kind(written, self.words) == "zone"
                                             for written in (normal, *(aliases or ()))):
                self.zone_names.add(identity)
            if identity[0] == "SITE" and placed:
                document = placed["doc_id"][number]
                sites[document].add(identity)
                if (quoted := HEADED_QUOTED_NAME.fullmatch(normal.strip())
                        or _headed_one_word_name(normal.strip())) \
                        and (head := name_key(quoted.group(1))) in self.words.org_body_nouns:
                    headed[document].append(
                        (identity, self.identity(entity_type, quoted.group(2)), head))
            weight = count or 1
            if entity_type == "PARK" and stripped_name("PARK", normal, self.words) != fold(normal):
                weight *= 3  # a type word in the name («ОЭЗ «…»») is strong evidence
            if entity_type == "ORG" and _with_legal_form(aliases, self.words):
                weight = 0  # a company (АО «Каменка»): no evidence of its park's type
            thing.types[entity_type] += weight
            if entity_type == "EVENT" and normal.strip() and (
                    "«" in normal or fold(normal).split()[0] not in self.words.event_words):
                self.events_named_alone.add(identity)
            display = self._display(entity_type, normal)
            thing.names[display] += count or 1
            if identity[0] in ("SITE", "EVENT") and " " not in display.strip():
                self.one_word_names[(identity[0], fold(display))].add(identity)
            head, _, rest = identity[1].partition(" ")
            if identity[0] == "SITE" and rest and head in self.words.park_named_heads \
                    and name_key(last := fold(display).split()[-1]) == last:
                # (a name after the head, in the nominative: not «Технопарк Института»)
                self.long_forms.setdefault(("SITE", rest), identity)
            if identity[0] == "SITE" and " " in rest and head in self.russian_adjectives:
                # «Ассоциация индустриальных парков» is the batch's «Российская ассоциация
                # индустриальных парков»: the news are Russian, a body without a country is
                # Russia's
                self.long_forms.setdefault(("SITE", rest), identity)
            if entity_type == "LOC" and len(normal.split()) >= 2 \
                    and name_key(normal) in self.places.by_name:  # a name, not «Калужский регион»
                self.place_initials[initials(normal)].add(identity)
            if identity[0] == "LOC" and placed:
                places[placed["doc_id"][number]].add(identity)
            if placed and (country := _country_of_place(self, entity_type, normal)) is not None:
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
                             and _read_only_as_a_proper_name(identity[1]))):
                # (a made-up name, «Кедрмаш», or an acronym-like one in capitals the
                # dictionary knows only as a proper name, «КОТРА» as «KOTRA»: a word of the
                # language, «Спутник» or «СПУТНИК», names many things, and its Latin
                # spelling, «Sputnik», another)
                self.romanised_names[romanised(identity[1])].add(identity)
            if identity[0] == "SITE" and not LATIN_WORD.search(normal):
                for alias in aliases or ():
                    if LATIN_NAME.fullmatch(alias.strip("«»\" ")):
                        self.latin_names.setdefault(self.identity(entity_type, alias),
                                                    Counter())[identity] += count or 1
            if entity_type in ("ORG", "PARK", "EVENT") and len(normal.split()) >= 2:
                letters = initials(normal)
                for alias in aliases or ():
                    # (its initials, or an abbreviation its document wrote it with: in
                    # brackets after it, ``coreference.parenthesised_aliases``)
                    stems = entity_type == "ORG" and stem_abbreviation_of(alias, normal)
                    if stems or (ABBREVIATION.fullmatch(alias) and (
                            alias == letters or _abbreviation_of(alias, letters))):
                        key = (FAMILIES.get(entity_type, entity_type), name_key(alias))
                        self.abbreviations.setdefault(key, Counter())[identity] += count or 1
                        if stems:
                            self.stem_abbreviations.add(key)
        for document, identities in sites.items():
            for identity in identities:
                self.places_of_sites[identity] |= named_places[document]
        for identities in places.values():
            for short, long in _places_written_short(identities):
                self.places_begun_by[short][long] += 1
        for identities in people.values():
            for long, short in _long_names_written_short(identities):
                self.short_names_beside[long][short] += 1
        for document, identities in bodies.items():
            if (host := _host_country(countries[document])) is not None:
                for identity in identities:
                    self.hosts_of_bodies[identity][host] += 1
        for document, identities in people.items():
            regions = _russian_regions(named_places[document], self)
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
        return place is not None and not _is_russia(place)

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

    def _nominative(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A one-word name in another case than the batch's one name of that stem: the
        quoted «Камнереча» where «Камнереч» is written (the dictionary knows neither)."""
        thing = self.things.get(identity)
        if thing is None:
            return None
        family = identity[0]
        found: set[tuple[str, str]] = set()
        for name in {fold(name) for name in thing.names}:
            if " " in name or len(name) < 5 or not name.isalpha():
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
                      if _compound_of(word, first, second, self.words.compound_short_stems)}
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
        for (doc_id, key), place in placed.items():
            counted = countries.get(key, Counter())
            if (doc_id, key) in self._apart or len(counted) < 2:
                continue
            most = max(counted, key=lambda country: (counted[country], country == "RU",
                                                     country))
            if place.country != most and place.country in names:
                self._apart[(doc_id, key)] = f"{key} ({fold(names[place.country])})"
        return self._apart

    def learn_places_of_sites(self, relations: pa.Table) -> None:
        """Take in relation rows (``store`` schema): where each document says a thing is
        (LOCATED_IN a place of the gazetteer). Before ``learn``: it keeps the rows of the
        things placed here."""
        self._apart = None
        columns = relations.select(["doc_id", "type", "arg1_id", "arg2_normal"]).to_pydict()
        for doc_id, relation_type, arg1, place_name in zip(*columns.values(), strict=True):
            if relation_type == "LOCATED_IN" and place_name:
                place = self.places.lookup(place_name)
                if place is not None:
                    self.located.setdefault((doc_id, arg1), place)

    def _display(self, entity_type: str, normal: str) -> str:
        if entity_type == "LOC":
            normal = self._without_descriptor(normal)
            place = self.places.lookup(normal) or self._place_by_lemma(normal, cities=True)
            if place is not None and not _settlement_adjective(normal, place):
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
        written alike (``_spelling``), the one more documents write (then the one that keeps
        «й»/«э», then the first in order); else ``one`` itself."""
        if one[0] != "PER" or _spelling(one[1].split()[0]) != _spelling(other[1].split()[0]):
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
                or self._event_expansion(family, name)
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
        if family == "SITE" and identity[1] == name and LATIN_NAME.fullmatch(name):
            # «Forbes» is the batch's one «Форбс»: a foreign name transliterated
            identity = self._heard_in_cyrillic(identity) or identity
        if family == "SITE" and identity[1] == name and (spelt := self._spelt_out(name)) \
                in self.things:
            identity = spelt  # «Би-би-си» is the batch's «BBC»
        if family in ("SITE", "EVENT") and identity[1] == name:
            identity = self._expanded(identity) or self._nominative(identity) \
                or self._headed_abbreviation(identity) or self._compound_written_out(identity) \
                or self._vowels_transliterated_otherwise(identity) or identity
        if family == "SITE" and ("EVENT", name) in self.things \
                and "PARK" not in self.things.get(identity, _Thing(identity, Counter(),
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
                       and (nominative := _person_in_nominative(fold(display))) is not None}
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
                     for nominative in _first_name_nominatives(first, surname)}
            found = {person for person in (found & self.things.keys()) - {identity}
                     if self._cut_first_name(person) != identity}
            if len(found) == 1:
                return next(iter(found))
            in_genitive = self._surname_left_in_genitive(identity)
            if in_genitive is not None:
                return in_genitive
        if family == "PER" and (uninflected := self._last_name_left_inflected(identity)):
            return uninflected
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
        if family == "LOC" and LATIN_NAME.fullmatch(name) \
                and (heard := self._heard_in_cyrillic(identity)):
            return heard  # «Kedrville» is the batch's one «Кедрвилл»
        if family == "SITE" and identity[1] == name and len(words := name.split()) >= 2 \
                and words[0] not in self.words.park_type_words \
                and all(word in self.words.park_type_words for word in words[1:]) \
                and "PARK" in self.things.get(("SITE", words[0]), _Thing(
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

    def _only_a_word(self, identity: tuple[str, str]) -> bool:
        """Whether the batch writes a name only as a word, never in capitals: «Дума» is no
        abbreviation that the lemma of «ДУМ» meets."""
        thing = self.things.get(identity)
        return thing is not None and bool(thing.names) \
            and not any(name.isupper() for name in thing.names)

    def _plainly_spelt(self, identity: tuple[str, str]) -> tuple[str, str]:
        """The batch's name of a plainer spelling, where it writes one: «The Sun» is «Sun»,
        «Газпром-медиа» is «Газпром медиа», «Коммерсантъ» is «Коммерсант» (``_plain_spelling``)."""
        plain = ("SITE", _plain_spelling(identity[1], self.words.latin_articles))
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
        written in Cyrillic sounds like (``_sounds``): «Forbes» of «Форбс», «Microsoft» of
        «Майкрософт»; a final «s» that
        Russian drops too («Reuters», «Рейтер»). Not a Cyrillic name of the language's words
        alone («Звезда» is no «Zvezda» company's: a word names many things)."""
        heard = _sounds(identity[1])
        if len(heard.lstrip("*")) < HEARD_CONSONANTS_MIN \
                or _read_letter_by_letter(identity, self.things):
            return None
        found = set(self._heard.get(heard))
        if not found and heard.endswith("s") and len(heard.lstrip("*")) > HEARD_CONSONANTS_MIN:
            found = set(self._heard.get(heard[:-1]))
        found = {known for known in found - {identity} if known[0] == identity[0]
                 and not self._a_russian_word_romanised(identity[1], known)
                 and self._begins_as_heard(identity[1], known)
                 and _lengths_alike(identity[1], known[1])
                 and any(_final_vowels_agree(identity[1], name)
                         for name in self.things[known].names if not LATIN_WORD.search(name))}
        return next(iter(found)) if len(found) == 1 else None

    def _a_russian_word_romanised(self, latin: str, known: tuple[str, str]) -> bool:
        """Whether a Latin name is a Cyrillic name of words of the language letter for letter
        («Zvezda», «Звезда»): the word names many things. A foreign name's own spelling
        («Volkswagen», «Фольксваген») is the foreign thing's, whatever the dictionary knows."""
        return any(romanised(name) == romanised(latin) and not _a_made_up_word_in(name)
                   for name in self.things[known].names)

    def _begins_as_heard(self, latin: str, known: tuple[str, str]) -> bool:
        """Whether a Latin name may be a Cyrillic one of the batch it sounds like: a made-up
        word of it («Форбс») or, for a name of the language's words alone, one first letter,
        voiced or not as written («Reuters», «Рейтер»; not «Bild», «Пилот»: many Latin names
        share a dictionary word's devoiced consonants). A German «V» is read «Ф»
        («Volkswagen», «Фольксваген»)."""
        first = fold(latin)[:1].replace("v", "f")
        return any(_a_made_up_word_in(name) or romanised(name)[:1] == first
                   for name in self.things[known].names if not LATIN_WORD.search(name))

    def _index_heard(self) -> dict[str, list[tuple[str, str]]]:
        index: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for known, thing in self.things.items():
            if known[0] not in ("SITE", "LOC") or LATIN_WORD.search(known[1]):
                continue
            if _read_letter_by_letter(known, self.things):
                continue
            for heard in {_sounds(name) for name in thing.names if not LATIN_WORD.search(name)}:
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

    def _last_name_left_inflected(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A name of three words or more whose last one the normal form left in the genitive
        («Тин Маун Свея» of «визит Тин Маун Свея»): the batch's person of the same words with
        the nominative's ending. (Three words or more: a woman's surname, «Анна Кедрова», ends
        so too, but a name that long with every word the same is no other person's.)"""
        *before, last = identity[1].split()
        if len(before) < 2 or not last.endswith(("а", "я")) or len(last) < 4 \
                or not _transliterated(last):
            return None  # «Анна Мария Кедрова»: a woman's surname the dictionary knows
        stems = [last[:-1]] if last.endswith("а") else [last[:-1] + "й", last[:-1] + "ь"]
        found = {("PER", person_name(" ".join([*before, stem]))) for stem in stems} \
            & self.things.keys()
        return next(iter(found)) if len(found) == 1 else None

    def _spelt_otherwise(self, identity: tuple[str, str]) -> tuple[str, str] | None:
        """A foreign name the batch spells two ways («Мин Аун Хлаин», «Мин Аун Хлайн»; see
        ``_spelling``): the spelling more documents write."""
        if len(identity[1].split()) < 2:
            return None
        spelt = self._spellings.get(_spelling(identity[1]))
        if len(spelt) < 2 or not any(_transliterated(known[1]) for known in spelt):
            return None
        most = self._most_written(spelt)
        return most if most != identity else None

    def _vowels_transliterated_otherwise(self, identity: tuple[str, str]
                                         ) -> tuple[str, str] | None:
        """A foreign name the batch writes with other vowels, a «й» or a soft sign more or
        less («Беньямин Кедреяху», «Биньямин Кедреяху»; «Кедлэнд-Ярд», «Кедленд-Ярд»;
        «Кедвилл», «Кедвилль»): the spelling more documents write. Each word that differs
        has two syllables or more (a one-syllable word of an East Asian name tells two names
        apart) and is no dictionary word in one spelling at least (``_alike_transliterations``);
        a person's name has two words or more (a bare surname is ``full_named_person``'s)."""
        family = identity[0]
        words = self._spelt_name(identity)
        if family not in ("PER", "LOC", "SITE") or not words \
                or (family == "PER" and len(words) < 2):
            return None
        alike = [known for known in self._consonant_names.get((family, _consonants(words)))
                 if _alike_transliterations(words, self._spelt_name(known))]
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
        """The words a thing's spellings are compared by (``_spelt_words``): an organisation's
        most written name, whose key name is a guessed lemma that may end otherwise for each
        spelling («Кедланд-Ярд» → «кедланда-ярд», «Кедленд-Ярд» → «кедленд-ярд»); else its
        key name."""
        thing = self.things.get(identity)
        if identity[0] != "SITE" or thing is None or not thing.names:
            return _spelt_words(identity[1])
        return _spelt_words(fold(min(thing.names, key=lambda n: (-thing.names[n], len(n), n))))

    def _index_consonants(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for known in self.things:
            if known[0] in ("PER", "LOC", "SITE") and (words := self._spelt_name(known)):
                index[(known[0], _consonants(words))].append(known)
        return index

    def _index_spellings(self) -> dict[str, list[tuple[str, str]]]:
        index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for known in self.things:
            if known[0] == "PER" and " " in known[1]:
                index[_spelling(known[1])].append(known)
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
        stems = {_feature_stem(word) for word in {name} | written if word.isalpha()} - {None}
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
        that person. Foreign names only (``_transliterated``, the short name or the long one:
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
                or not (_transliterated(identity[1]) or _transliterated(longer[0][1])):
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
                or not (_transliterated(identity[1]) or _transliterated(longer[0][1])) \
                or _epithet(longer[0][1].split()[-1]):
            return None  # (two longer names so begun: neither is sure)
        return longer[0]

    def _written_as_two_word_foreign_name(self, identity: tuple[str, str]) -> bool:
        """``_two_word_foreign_name`` of the name key or of a name as the batch writes it: the
        key drops a first name's «г» between vowels, and «Мигель» is of two syllables where
        «миель» seems of one."""
        thing = self.things.get(identity)
        return _two_word_foreign_name(identity[1]) or (
            len(identity[1].split()) == 2 and thing is not None
            and any(_two_word_foreign_name(fold(name)) for name in thing.names))

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
        if name.startswith("=") or " " in name or "-" in name or not _proper_or_unknown(name):
            return None
        begun = self._places_by_first_word.get(name, ())
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
        batch's; a document's own come first, ``_short_person_names``). A surname in another
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
                and _only_a_first_name(name):
            return None  # («Всеволод» elsewhere is any Всеволод: «Всеволод Кедрищев» is one)
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
                      if _a_form_of_surname(_surname(person[1]), surname)}
        people = _one_name_a_person({person for person in people
                                     if person[1].startswith(initial)})
        found = self._the_one_person(people, people_words)
        if found is not None and self._a_woman(found) \
                and _declined_as_a_mans(surname, self.person_aliases.get(identity, ())):
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
                if _surname(person[1]) == surname}

    def _a_woman(self, person: tuple[str, str]) -> bool:
        """Whether a full-named person's first name, as the batch writes it (the key's doubles
        no letter: «ана»), is a woman's."""
        thing = self.things.get(person)
        written = {fold(name).split()[0] for name in thing.names if name.strip()} \
            if thing is not None and thing.names else {person[1].split()[0]}
        return all(_a_womans_name(first) for first in written)

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
            lemmas |= _surname_nominatives(surname)
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
            for spelt in _ou_spellings(surname):
                if not dictionary().word_is_known(spelt):
                    found |= people_words.get(spelt, set()) - {identity}
        return found

    def _same_skeleton(self, word: str) -> list[str]:
        """The batch's person words with ``word``'s consonants in its places."""
        return self._skeletons.get(_skeleton(word))

    def _index_skeletons(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for known in self.person_words:
            index[_skeleton(known)].append(known)
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
        identity = _of_country(bare, country)
        if identity in self.things:
            return self.key_of_identity(identity, entity_type, normal)
        return f"{self.key(entity_type, normal)} ({fold(country.canonical)})"

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
        if not (_headed_by(bare[1].split(), heads) or _headed_by(name_key(normal).split(), heads)
                or bare[1] in full_heads):
            return None
        identity = _of_country(bare, country)
        known = {_of_country(bare, place) for place in named} & self.things.keys()
        return self.key_of_identity(identity, entity_type, normal) \
            if known == {identity} else None

    def known_body_of_country(self, entity_type: str, normal: str, country: Place
                              ) -> str | None:
        """The key of a bare body's name written with ``country`` («Совет министров» →
        «Совет министров Кедрии») where the batch writes it so; None where it does not."""
        bare = self._bare_body_name(entity_type, normal)
        if bare is None or (identity := _of_country(bare, country)) not in self.things:
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

    def key_of_identity(self, identity: tuple[str, str], entity_type: str, normal: str) -> str:
        """The key of a thing the batch knows (by its identity)."""
        found = self._keys.get(identity)
        if found is None:
            found = self._keys[identity] = self._make_key(identity, entity_type, normal)
        return found

    def _make_key(self, identity: tuple[str, str], entity_type: str, normal: str) -> str:
        if identity in self.earlier:
            return self.earlier[identity]
        thing = self.things.get(identity)
        if identity[0] == "LOC" and identity[1].startswith("="):
            return "LOC:" + identity[1][1:]
        if thing is None:
            return f"{entity_type}:{stripped_name(entity_type, normal, self.words)}"
        best_type = max(thing.types, key=lambda t: (thing.types[t], -TYPE_PREFERENCE.index(t)
                                                      if t in TYPE_PREFERENCE else -99))
        return f"{best_type}:{self.name_of(identity, entity_type, normal)}"

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

    def origin(self, origin: str, doc_keys: dict[str, str]) -> tuple[str | None, str | None]:
        """A delegation's (origin_key, origin_country), from its origin's normal form:
        a place of the gazetteer, else the document's entity of that name."""
        if not origin:
            return None, None
        place: Place | None = self.places.lookup(origin)
        if place is not None:
            return "LOC:" + fold(place.canonical), place.country
        key = doc_keys.get(fold(origin))
        if key is None:
            return None, None
        return key, None


# -- the tables --------------------------------------------------------------------------------

def _in_document(rows: list[dict], resolver: KeyResolver) -> None:
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
            if resolver.two_letter_acronym(row["normal"].strip()):
                # two letters the batch expands («КМ» for its «Кедровый металлург») are that
                # name, not the document's longer name they begin («КМ Ольхово»: another)
                continue
            shorts = {_letters(name), _letters(row["normal"])}
            longer = {other["entity_key"] for other in named if other["entity_key"] != key
                      for written in [_letters(other["entity_key"].partition(":")[2])]
                      for short in shorts if written.startswith(short + " ")
                      and not written[len(short):].replace(" ", "").isdigit()}
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
    names, folded). A bare one-word name («ЭКСПО») is left to ``_in_document``'s generic words."""
    words, longer = short.split(), name.split()
    if len(words) < 2 or len(words) >= len(longer) or words[-1] != longer[-1] \
            or words[0] != longer[0]:
        return False
    rest = iter(longer[:-1])
    return all(word in rest for word in words[:-1])


def romanised(word: str) -> str:
    """A one-word name in Latin letters as its Russian spellings and their romanisations
    compare: «Кедрмаш», «Kedrmash» and «KEDRMASH» are «kedrmash»."""
    latin = "".join(ROMAN_LETTERS.get(letter, letter) for letter in fold(word))
    for spelt, same in (("kh", "h"), ("j", "y"), ("w", "v"), ("x", "ks"), ("iy", "y"),
                        ("yy", "y")):
        latin = latin.replace(spelt, same)
    return latin


def _compound_of(short: str, first: str, second: str, stems: frozenset[str]) -> bool:
    """Whether a word is a compound's short form of two words: a stem of ``stems`` that
    begins the first, then the second's beginning (three letters or more, after a linking
    «о»): «ген|прокуратура», «сов|без», «центр|о|банк», «каб|мин»."""
    for stem in stems:
        if not (short.startswith(stem) and first.startswith(stem)) or first == stem:
            continue
        rest = short[len(stem):]
        if any(len(part) >= COMPOUND_MIN_PART and second.startswith(part)
               for part in (rest, rest.removeprefix("о"))):
            return True
    return False


def _plain_spelling(name: str, articles: frozenset[str]) -> str:
    """A name key as its spellings meet: a Latin article before a Latin name left out, a
    hyphen between words as a space, an old spelling's final hard sign dropped."""
    first, _, rest = name.partition(" ")
    if rest and first in articles and LATIN_WORD.match(rest):
        name = rest
    return FINAL_HARD_SIGN.sub("", WORD_HYPHEN.sub(" ", name))


def _sounds(name: str) -> str:
    """A name's consonants as a transliteration hears them, in Latin letters, whatever its
    alphabet: voiceless, each once in a row, no «h» (silent in Latin, «х» in Cyrillic), after
    «*» where a vowel begins it. «Forbes» and «Форбс» are «frps», «Microsoft» and
    «Майкрософт» «mkrsft», «Houston» and «Хьюстон» «*stn»."""
    latin = "".join(ROMAN_LETTERS.get(letter, letter) for letter in fold(name))
    for spelt, heard in LATIN_SOUNDS:
        latin = latin.replace(spelt, heard)
    latin = SOFT_C.sub("s", latin).replace("c", "k").translate(VOICELESS)
    letters = [letter for letter in latin if "a" <= letter <= "z"]
    consonants = [letter for letter in letters if letter not in SOUNDLESS]
    opening = "*" if letters and letters[0] in SOUNDLESS else ""  # «Associated», «Houston»
    return opening + "".join(letter for i, letter in enumerate(consonants)
                             if i == 0 or consonants[i - 1] != letter)


def _final_vowels_agree(latin: str, cyrillic: str) -> bool:
    """Whether a Latin name and a Cyrillic one both end in a vowel or both do not: «Kedra»
    is no «Кедр» (a vowel more is another word). A Latin final «e», silent as often as not
    («Forbes», «Google»/«Гугл», «Porsche»/«Порше»), agrees with either."""
    last = fold(latin)[-1:]
    return last == "e" or (last in LATIN_VOWELS) == (fold(cyrillic)[-1:] in CYRILLIC_VOWELS)


def _read_letter_by_letter(identity: tuple[str, str], things: dict[tuple[str, str], _Thing]
                           ) -> bool:
    """Whether a thing is written as an abbreviation in capitals («RTTV», «СНГ»): its letters
    are read by their names, not sounded as a word."""
    thing = things.get(identity)
    return thing is not None and any(ABBREVIATION.fullmatch(name) and name.isupper()
                                     for name in thing.names)


def _lengths_alike(one: str, other: str) -> bool:
    """Whether two names' letters are of about one count (``LETTER_COUNT_RATIO``): a
    transliteration keeps a name's length, a short name of its consonants («Генк») is no
    longer one's («Canucks»)."""
    counts = sorted(sum(letter.isalpha() for letter in name) for name in (one, other))
    return counts[0] >= LETTER_COUNT_RATIO * counts[1]


def _a_made_up_word_in(name: str) -> bool:
    """Whether a Cyrillic name has a word that the dictionary does not know, or knows only as
    a proper name («Форбс», «Рейтер», «Ассошиэйтед Пресс»; not «Звезда», «Первый канал»)."""
    return any(not dictionary().word_is_known(word) or _read_only_as_a_proper_name(word)
               for word in fold(name).replace("-", " ").split() if word.isalpha())


def _skeleton(word: str) -> str:
    """A word with each vowel as «*»: «бозоров» and «бозаров» meet here."""
    return "".join("*" if letter in VOWELS else letter for letter in word)


def _ou_spellings(word: str) -> set[str]:
    """A foreign word's other spellings of an «ou» that transliterations write «оу» or «у»
    («Роукани», «Рукани»), one place at a time, after a consonant."""
    return {word[:found.start()] + spelt + word[found.end():]
            for written, spelt in (("оу", "у"), ("у", "оу"))
            for found in re.finditer(f"(?<=[^аеёиоуыэюя]){written}", word)}


def _surname_nominatives(word: str) -> set[str]:
    """The nominatives a surname written in another case may have, by its case ending
    («кедриуса» → «кедриус», «кедримуре» → «кедримура»); not a surname whose feminine ends
    so («Кедрова» may be a woman as written, not «Кедров»'s genitive), nor a word the
    dictionary knows as a first name in the nominative («Александра» is a woman's name)."""
    if dictionary().word_is_known(word) and _first_name_readings(word):
        return set()
    return {stem + nominative for ending, nominatives in CASE_ENDINGS
            if word.endswith(ending) and len(stem := word[:-len(ending)]) >= 3
            for nominative in nominatives
            if not MASCULINE_SURNAME.search(stem + nominative)}


def _a_form_of_surname(known: str, written: str) -> bool:
    """Whether a written surname is a known one, in another case (a lemma of it) or but for a
    vowel (one skeleton): the forms ``KeyResolver._people_of_surname`` finds a person by."""
    return known == written or _skeleton(known) == _skeleton(written) or known in {
        parse.normal_form.replace("ё", "е") for parse in word_parses(written)}


def _transliterated(name: str) -> bool:
    """Does the name have a word no dictionary knows (a foreign name written in Cyrillic,
    «Хлайн», «Свея»), where spellings and case endings are guesses? Not «Андрей Кедров»,
    «Эрик Асанов», «Кедрова»: names the dictionary reads."""
    return any(not dictionary().word_is_known(word) for word in name.split())


def _long_names_written_short(people: set[tuple[str, str]]
                              ) -> Iterator[tuple[tuple[str, str], tuple[str, str]]]:
    """The (long name, short name) pairs of one document's full-named people: a name of three
    words or more and the one first name and surname of the document that it begins with and
    holds («Виктор Эмиль Крамер», «Виктор Крамер»; «Мария Орлова Лоран», «Мария Орлова»).
    Not a long name with an epithet («Виктор Крамер младший»: the son), nor an East Asian
    name (``_two_word_foreign_name``), nor one the document writes short two ways, nor a
    short name that two long names of the document hold (two men of one first name and
    surname, told apart by their fathers' names)."""
    pairs: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for long in people:
        words = long[1].split()
        if len(words) < 3 or "." in long[1] or any(_epithet(word) for word in words):
            continue
        shorts = [short for short in people if _two_word_foreign_name(short[1])
                  and "." not in short[1]
                  and short[1].split()[0] == words[0] and short[1].split()[1] in words[1:]]
        if len(shorts) == 1:
            pairs.append((long, shorts[0]))
    held = Counter(short for _, short in pairs)
    yield from ((long, short) for long, short in pairs if held[short] == 1)


def _two_word_foreign_name(name: str) -> bool:
    """A first name and a surname whose first word has two syllables or more: not initials,
    not an East Asian name whose one-syllable surname comes first («Пак Сон Ман», «Нгуен Ван
    Тхыонг»: the words after it one given name)."""
    words = name.split()
    return len(words) == 2 and not INITIALS_SURNAME.fullmatch(name) \
        and len(VOWEL_RUN.findall(words[0])) >= 2


def _epithet(word: str) -> bool:
    """A dictionary adjective that no reading makes a name («младший», «старший»): a word
    after a name that tells a son from his father, no second surname."""
    return _common_word(word) and any(parse.tag.POS == "ADJF" for parse in word_parses(word))


def _headed_by(words: list[str], heads: frozenset[str]) -> bool:
    """Whether a name's words are one of ``heads`` first, or after one adjective."""
    return bool(words) and (words[0] in heads or (
        len(words) > 1 and words[1] in heads and _an_adjective(words[0])))


def _places_written_short(identities: set[tuple[str, str]]
                           ) -> Iterator[tuple[tuple[str, str], tuple[str, str]]]:
    """(short, long) of a document's places: a one-word name the gazetteer lacks and the
    one longer name of the gazetteer's places the document names that it begins, before a
    hyphen or a space («Рио», «Рио-де-Жанейро»)."""
    for short in identities:
        name = short[1]
        if name.startswith("=") or " " in name or "-" in name:
            continue
        longer = {long for long in identities if long[1].startswith("=")
                  and _begun_by(long[1][1:], name) is not None}
        if len(longer) == 1:
            yield short, next(iter(longer))


def _begun_by(name: str, word: str) -> str | None:
    """The rest of ``name`` after ``word`` as its first word (a space or hyphen between), or
    None where it does not begin so."""
    return name[len(word) + 1:] if name.startswith(word) and name[len(word):len(word) + 1] \
        in (" ", "-") else None


def _proper_or_unknown(word: str) -> bool:
    """Whether the dictionary reads a word first as a place's or a person's name, or does
    not know it («Ростов», «Рио»; not «федерация», «северный»)."""
    parses = word_parses(word)
    return not dictionary().word_is_known(word) or not parses \
        or bool({"Geox", "Name", "Surn"} & parses[0].tag.grammemes)


def _places_by_first_word(places: Gazetteer) -> dict[str, list[tuple[Place, str]]]:
    """The gazetteer's places by their names' first words (names of more words only), each
    with the rest of its name."""
    index: dict[str, list[tuple[Place, str]]] = defaultdict(list)
    for name, place in places.by_name.items():
        first, _, rest = name.replace("-", " ", 1).partition(" ")
        if rest and places.lookup(first) is None:
            index[first].append((place, rest))
    return index


def _of_country(bare: tuple[str, str], country: Place) -> tuple[str, str]:
    """The identity of a bare body's name (``KeyResolver._bare_body_name``) as the body of
    ``country`` («Министерство здравоохранения =кедрия»)."""
    family, name = bare
    return family, f"{name} ={fold(country.canonical)}"


def _spelling(name: str) -> str:
    """A transliterated name as its spellings meet: «й» as «и», «э» as «е» («Хлайн»,
    «Хлаин»), «дж» as «ж» («Анджела», «Анжела»), an Italian «gio»/«cio» with or without
    «и» («Джорджо», «Джорджио»). Not a final «нг» as «н»: in Vietnamese names they tell two
    names apart («Тханг», «Тхан»)."""
    return ITALIAN_IO.sub("", name.replace("й", "и").replace("э", "е").replace("дж", "ж"))


def _spelt_words(name: str) -> list[str]:
    """A name's words as transliterations compare them (hyphens as spaces), none if a word is
    not all Cyrillic letters (a place of the gazetteer, «=…», a Latin word, a number)."""
    words = name.replace("-", " ").split()
    return words if all(CYRILLIC_WORD_LETTERS.fullmatch(word) for word in words) else []


def _consonants(words: list[str]) -> str:
    """A name's consonants in their places, each vowel run as «*», each consonant once in a
    row, «дж» as «ж», no «й» or soft sign: «беньямин» and «биньямин» meet, «кедвилл» and
    «кедвилль»; «аллен» and «леннон», «бруней» and «биране» do not."""
    return " ".join(VOWEL_RUN.sub("*", re.sub(r"(.)\1+", r"\1", SOFT_SIGNS.sub(
        "", word.replace("дж", "ж")))) for word in words)


def _ends(word: str) -> tuple[str, str]:
    """A word's first and last letters but for «й» and soft signs."""
    letters = SOFT_SIGNS.sub("", word) or word
    return letters[0], letters[-1]


def _alike_transliterations(words: list[str], others: list[str]) -> bool:
    """Whether two names of the same consonants are spellings of one foreign name: each
    word that differs begins and ends with the same letter (no case ending tells them
    apart: «Граса», «Грасой»), has two syllables or more in both (or is a particle between
    such words, ``_particle_places``: «бен», «бин»), differs only in vowels a
    transliteration hesitates between (``HESITANT_VOWELS``: «Беньямин», «Биньямин»; not
    «Марко», «Мирко», two names) or in «й» read as «и» («Кедайда», «Кедаида»), and one of
    them at least is no word the dictionary knows."""
    if len(words) != len(others):
        return False
    # (a particle may be a word of the dictionary, «бен»: its place tells it one)
    particles = _particle_places(words)
    return all(
        word == other or (_ends(word) == _ends(other)
                          and (_hesitant_vowels(word, other) or _spelling(word) == _spelling(other))
                          and (place in particles or _foreign_words_of_syllables(word, other)))
        for place, (word, other) in enumerate(zip(words, others, strict=True)))


def _foreign_words_of_syllables(word: str, other: str) -> bool:
    """Two spellings of a word of two syllables or more each, one at least no word the
    dictionary knows (``_alike_transliterations``)."""
    return len(VOWEL_RUN.findall(word)) >= 2 <= len(VOWEL_RUN.findall(other)) \
        and not (dictionary().word_is_known(word) and dictionary().word_is_known(other))


def _particle_places(words: list[str]) -> set[int]:
    """The places of a name's one-syllable words between words of two syllables or more each:
    a particle of an Arabic or Hebrew name («бен», «бин», «ибн» of «Усама бен Кедрин»), whose
    vowel transliterations write either way. Not a syllable of an East Asian name («Ли Мэн
    Кедр», «Нгуен Ван Тхыонг»: a first or last word of one syllable)."""
    syllables = [len(VOWEL_RUN.findall(word)) for word in words]
    if len(words) < 3 or syllables[0] < 2 or syllables[-1] < 2:
        return set()
    return {place for place in range(1, len(words) - 1) if syllables[place] == 1}


def _hesitant_vowels(word: str, other: str) -> bool:
    """Whether two words of the same consonants differ only in single vowels that
    transliterations write either way (``HESITANT_VOWELS``)."""
    runs = VOWEL_RUN.findall(SOFT_SIGNS.sub("", word))
    others = VOWEL_RUN.findall(SOFT_SIGNS.sub("", other))
    return len(runs) == len(others) and all(
        run == found or frozenset((run, found)) in HESITANT_VOWELS
        for run, found in zip(runs, others, strict=True))


def _letters(name: str) -> str:
    """A name as its words compare in one document whatever its alphabet: Latin words
    letter by letter in Cyrillic, hyphens as spaces («IT Park» ~ «IT-парк» ~ «ИТ парк»)."""
    words = fold(name).replace("-", " ").split()
    return " ".join("".join(LATIN_LETTERS.get(letter, letter) for letter in word)
                    for word in words)


def _surname(name: str) -> str:
    """The surname of a person's name as ``person_name`` writes it («а.никитин» → «никитин»)."""
    initialled = INITIALS_SURNAME.fullmatch(name)
    return (initialled.group(2) if initialled else name).split()[-1]


def _short_person_names(rows: list[dict], resolver: KeyResolver) -> None:
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
        fuller = {other["entity_key"] for other in people if other is not row
                  and person_name(other["normal"]) != name
                  and _surname(person_name(other["normal"])) == name}
        if len(fuller) == 1:
            row["entity_key"] = next(iter(fuller))


def _industrial_parks_apart_from_zones(rows: list[dict], resolver: KeyResolver) -> None:
    """An industrial park («промпарк «Кедровая»») of a name the batch writes after a special
    zone's words too («ОЭЗ «Кедровая»») is another thing, where its document does not write
    the zone: a zone is made on a park's land and keeps its name, and the news name the two
    apart. Its key, and its document's bare name's, get the park's kind."""
    kinds: dict[tuple[str, ...], set[str | None]] = {}

    def kinds_written(row: dict) -> set[str | None]:
        """The kinds the row's names make it (``_park_kind``), found once for those names."""
        written = (row["normal"], *(row["aliases"] or ()))
        if written not in kinds:
            kinds[written] = {_park_kind(name, resolver.words) for name in written}
        return kinds[written]

    apart: dict[str, str] = {}
    for row in rows:
        if row["type"] not in ("PARK", "ORG") or row["entity_key"] in apart:
            continue
        if resolver.identity(row["type"], row["normal"]) in resolver.zone_names \
                and "industrial park" in kinds_written(row):
            apart[row["entity_key"]] = f"{row['entity_key']} (индустриальный парк)"
    written_as_zones = {row["entity_key"] for row in rows
                        if row["entity_key"] in apart and "zone" in kinds_written(row)}
    for key in written_as_zones:
        del apart[key]  # the document writes the zone too
    for row in rows:
        row["entity_key"] = apart.get(row["entity_key"], row["entity_key"])


def _namesakes_elsewhere(rows: list[dict], resolver: KeyResolver) -> None:
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
            regions = _russian_regions(
                {place.canonical for _, place in _places_named(rows, resolver.places)}
                | _places_of_adjectives(rows, resolver), resolver)
        if not _named_with_his_region_mostly(person, resolver):
            continue  # («Москва» in a few of a foreign leader's many documents)
        his = set(resolver.regions_of_people.get(person, ()))
        # («Урал», «Сибирь»: a part of Russia of many regions, which may be or hold his)
        if len(his) == 1 and not regions & his \
                and not any(_wide_region(region, resolver) for region in his | regions) \
                and resolver.things[person].documents >= REGIONAL_PERSON_DOCUMENTS:
            row["entity_key"] = f"PER:{name} [{row['doc_id']}]"


def _declined_as_a_mans(surname: str, written: Iterable[str]) -> bool:
    """Whether a surname ending in a consonant, of no kind whose woman's form has an ending
    of its own («Кедрес», not «Кедров»), is written with a case ending («Кедресом»,
    «Кедресу»): a woman's such surname is never declined, so the name is a man's."""
    if not surname or surname[-1] in VOWELS or surname[-1] in "йь" \
            or MASCULINE_SURNAME.search(surname):
        return False
    return any(alias != surname and alias.removeprefix(surname) in MANS_CASE_ENDINGS
               for alias in written)


def _a_womans_name(first: str) -> bool:
    """Whether the dictionary reads a first name as a woman's and never as a man's
    («мария»; not «мишель», a man's too, nor an initial, nor a name it reads only as another
    case of a guessed woman's name: «таксин», «уорен»)."""
    names = _first_name_readings(first)
    return bool(names) and all(parse.tag.gender == "femn" for parse in names)


def _first_name_readings(word: str) -> list:
    """The dictionary's readings of a word as a first name in the nominative singular."""
    return [parse for parse in word_parses(word)
            if {"Name", "sing", "nomn"} <= parse.tag.grammemes]


def _near_surnames_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare surname keyed as the batch's person, in a document that names in full a
    person of a surname it nearly is (a letter or two more or less, or one other: «Кедрин»
    where «Иван Кедрины» or «Иван Кедрина» is written), is not the batch's man: a misspelt
    mention of its own document's person, or a relative. Its document's own key then."""
    people = _people_named(rows, resolver)
    own = {row["entity_key"] for row, name in people if " " in name}
    surnames = {_surname(name) for _, name in people
                if " " in name and not INITIALS_SURNAME.fullmatch(name)}
    for row, name in people:
        if " " in name or not name or row["entity_key"] in own \
                or " " not in row["entity_key"].partition(":")[2]:
            continue  # (a key of a bare name is no batch's man)
        if any(_nearly(name, surname) for surname in surnames):
            row["entity_key"] = f"PER:{name} [{row['doc_id']}]"


def _surnames_of_two_people(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare surname that its document does not resolve and that two or more full-named
    people of the batch have (none named far more often: ``full_named_person``) is its
    document's own: the bare key across documents would be Кастро the one brother here and
    the other there."""
    for row, name in _people_named(rows, resolver):
        if " " in name or not name or row["entity_key"] != resolver.key("PER", row["normal"]) \
                or " " in row["entity_key"].partition(":")[2] or _only_a_first_name(name):
            continue  # (a lone first name is left to the rules of first names)
        people = _one_name_a_person(resolver.people_of_surname(name))
        if len(people) > 1:
            row["entity_key"] = f"{row['entity_key']} [{row['doc_id']}]"


def _relatives_named_by_first_name(rows: list[dict], resolver: KeyResolver) -> None:
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


def _one_name_a_person(people: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """People of one surname less the names that are another's with more words before the
    surname (a title, a middle name: «Сэр Алекс Кедрин», «Алекс Бин Кедрин» are «Алекс
    Кедрин») or with an adjective for a first name («Семидесятилетний Кедрин»), where
    the others leave someone: one person, not two namesakes."""
    words = {person: person[1].split() for person in people}
    kept = {person for person in people if not any(
        other != person and len(words[other]) < len(words[person])
        and words[other][-1] == words[person][-1] and set(words[other]) <= set(words[person])
        for other in people)}
    named = {person for person in kept if not _an_adjective(words[person][0])}
    return named or kept


def _only_a_first_name(word: str) -> bool:
    """Whether the dictionary reads a word as a first name and never as a surname
    («всеволод»; not «ким», a surname too): alone, it names any man of that name."""
    return _first_name(word) and not any("Surn" in parse.tag.grammemes
                                         for parse in word_parses(word))


def _an_adjective(word: str) -> bool:
    """Whether the dictionary reads a word first as an adjective and never as a name
    («семидесятилетний»; not «Серена», which it guesses a participle)."""
    parses = word_parses(word)
    return bool(parses) and parses[0].tag.POS in ("ADJF", "ADJS") and not any(
        {"Name", "Surn"} & parse.tag.grammemes for parse in parses)


def _named_with_his_region_mostly(person: tuple[str, str], resolver: KeyResolver) -> bool:
    """Whether a region is named in half the documents naming a person in full at least: a
    region's man is written of with his region; a foreign leader, in whose many documents
    Moscow comes up now and then, is no man of Moscow."""
    regions = resolver.regions_of_people.get(person)
    return bool(regions) and 2 * max(regions.values()) >= resolver.things[person].documents


def _russian_regions(places: Iterable[str], resolver: KeyResolver) -> set[str]:
    """The Russian regions that places (canonical names) are or lie in."""
    found = set()
    for canonical in places:
        place = resolver.places.lookup(canonical)
        if place is not None and place.country == "RU" and (region := region_of(place)):
            found.add(region)
    return found


def _wide_region(canonical: str, resolver: KeyResolver) -> bool:
    """Whether a place (canonical name) is a part of a country of many regions («Урал»,
    «Сибирь»), not one region."""
    place = resolver.places.lookup(canonical)
    return place is not None and place.kind == "region"


def _places_of_adjectives(rows: list[dict], resolver: KeyResolver) -> set[str]:
    """The places (canonical names) whose adjectives a document's organisations, parks,
    events and places are named with («Кедровский машиностроительный завод», «Кедровская
    обл.»): a document writing its region so names it, though no name the gazetteer knows."""
    return {place.canonical for row in rows if row["type"] in ("ORG", "PARK", "EVENT", "LOC")
            for word in name_key(row["normal"]).split()
            if (place := resolver.places.by_adjective.get(word)) is not None}


def _people_named(rows: list[dict], resolver: KeyResolver) -> list[tuple[dict, str]]:
    """A document's person rows, each with its name as keys compare it."""
    return [(row, resolver.identity("PER", row["normal"])[1])
            for row in rows if row["type"] == "PER"]


def _tails_of_long_names(rows: list[dict], resolver: KeyResolver) -> None:
    """A two-word name that ends the document's one person of a longer name is that person:
    «Чандра Гири» where «Никхилеш Чандра Гири» is written (names of three words and more, of
    countries where no patronymic stands in the middle)."""
    people = _people_named(rows, resolver)
    for row, name in people:
        if len(name.split()) != 2 or INITIALS_SURNAME.fullmatch(name):
            continue
        longer = {other["entity_key"] for other, other_name in people
                  if len(other_name.split()) > 2 and other_name.endswith(" " + name)
                  and not any(_common_word(word) for word in other_name.split()[:-2])}
        if len(longer) == 1:
            row["entity_key"] = next(iter(longer))


def _places_tagged_as_people(rows: list[dict], resolver: KeyResolver) -> None:
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


def _sites_tagged_as_places(rows: list[dict], resolver: KeyResolver) -> None:
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


def _abbreviation_of(alias: str, letters: str) -> bool:
    """Whether a name's alias in capitals stands for it though its letters are not the
    name's initials: a Latin one (the foreign original, «WCC» of «Всемирный кедровый
    совет»), or a Cyrillic one that begins with the name's first letter («МТК» of
    «Международный трибунал кедровых рощ», whose initials are «МТКР»)."""
    return alias.isupper() and (LATIN_WORD.fullmatch(alias) is not None
                                or alias[:1] == letters[:1])


def _written_as_abbreviation(word: str) -> bool:
    """Capitals («ТПП»), or capitals and small letters of an acronym («УрФУ»)."""
    return bool(ABBREVIATION.fullmatch(word)) or (
        bool(MIXED_CASE_ACRONYM.search(word)) and bool(ABBREVIATION.fullmatch(word.upper())))


def _headed_one_word_name(normal: str) -> re.Match | None:
    """«Фонд Кедрофорум»: a head and a one-word name, not a person's name in the genitive
    after it («Фонд Потанина», a fund named after a man)."""
    found = HEADED_ONE_WORD_NAME.fullmatch(normal)
    if found is None or any({"Surn", "Name"} & parse.tag.grammemes and "gent" in parse.tag
                            for parse in word_parses(fold(found.group(2)))):
        return None
    return found


def _first_name(word: str) -> bool:
    """Whether the dictionary reads ``word`` as a first name («султан», «аким»)."""
    return any("Name" in parse.tag.grammemes for parse in word_parses(word))


def _eponym_by_surname(name: str, markers: frozenset[str]) -> str:
    """A name whose eponym after «имени»/«им.» is a person written with initials, first name
    or patronymic, with the eponym by the surname alone: «театр им. А. П. Кедрова», «театр
    имени Анны Кедровой» and «театр имени Кедрова» are one theatre. Not an eponym of an
    epithet («имени Петра Великого»: «Великого» alone names no one)."""
    written = GLUED_EPONYM_MARKER.sub("им. ", name).split()
    marker = next((i for i, word in enumerate(written[1:], 1) if fold(word) in markers), None)
    if marker is None:
        return name
    eponym = INITIALS.sub(" ", " ".join(written[marker + 1:])).split()
    while len(eponym) > 1 and _a_forename(fold(eponym[0])):
        eponym = eponym[1:]
    if len(eponym) != 1 or not eponym[0].replace("-", "").isalpha() \
            or _an_adjective(fold(eponym[0])):
        return name
    return " ".join([*written[:marker], "имени", eponym[0]])


def _a_forename(word: str) -> bool:
    """A first name or patronymic the dictionary never reads as a surname («мария»,
    «николаевич»)."""
    parses = word_parses(word)
    return any({"Name", "Patr"} & parse.tag.grammemes for parse in parses) \
        and not any("Surn" in parse.tag.grammemes for parse in parses)


def _common_word(word: str) -> bool:
    """A dictionary word that is no name («господин» before a name), not «Никхилеш»."""
    return dictionary().word_is_known(word) and not any(
        {"Name", "Surn", "Patr"} & parse.tag.grammemes for parse in word_parses(word))


def _apart_by_place(rows: list[dict], resolver: KeyResolver) -> None:
    """The key a park or event has where the batch places it in another country (see
    ``KeyResolver.apart_by_place``), unless the document made its name definite already."""
    apart = resolver.apart_by_place()
    for row in rows:
        if row["type"] != DELEGATION \
                and row["entity_key"] == resolver.key(row["type"], row["normal"]):
            row["entity_key"] = apart.get((row["doc_id"], row["entity_key"]), row["entity_key"])


def _places_named(rows: list[dict], places: Gazetteer) -> Iterator[tuple[dict, Place]]:
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


def _short_place_named_in_full(rows: list[dict], resolver: KeyResolver) -> None:
    """A place's one-word short name is the other place whose full name begins with it when
    the document names that place (alone or inside a name) and not the short name's own:
    «делегация из Алтая» where «правительства Алтайского края» is written is Алтайский край,
    not Республика Алтай. A place whose own name it is (the city Самарканд) keeps it."""
    places = resolver.places
    named: dict[str, set[str]] = defaultdict(set)  # place → the name keys that name it
    for row, place in _places_named(rows, places):
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


def _state_form_of_the_documents_country(rows: list[dict], resolver: KeyResolver) -> None:
    """A form of state alone («Султанатом», «Королевства») is the one country its document
    names whose official name has that word («Оман»: «Султанат Оман»); else its document's
    own."""
    countries = {place for _, place in _places_named(rows, resolver.places)
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


def _region_head_of_the_documents_place(rows: list[dict], resolver: KeyResolver) -> None:
    """A region's head word alone tagged LOC («Республики», «Области») is the one place its
    document names whose name has that word («Республика Татарстан»); else its document's
    own (a bare «Республика» is any republic, Russian or not)."""
    named = {place for _, place in _places_named(rows, resolver.places)}
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


def _place_initials_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
    """A place's abbreviation is the one place its document names in full (by any of its
    names) whose name has those initials: «КР» (which the gazetteer leaves out: it is
    ambiguous) where «Кыргызстан» is written is the Kyrgyz Republic; «РБ» where «Башкирия» is
    written and not «Беларусь» is Башкортостан, whatever the gazetteer reads it as."""
    places = {place.canonical: place for row in rows if row["type"] == "LOC"
              and not ABBREVIATION.fullmatch(row["normal"].strip())
              and (place := resolver.places.lookup(row["normal"])) is not None}
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


def _bodies_of_the_country(rows: list[dict], resolver: KeyResolver) -> None:
    """A body's bare name in a document about another country than Russia is that country's
    body: «Министерство здравоохранения» where Узбекистан's places outnumber every other
    country's is Узбекистан's ministry, not Russia's. (In a document about Russia it stays
    the bare name, a Russian federal body's.)"""
    countries = _countries_named(rows, resolver)
    code = _named_most(countries)
    country = _country(resolver, code) if code is not None and code != "RU" else None
    if country is None:
        return
    russian_places = any(place.country == "RU" and place.kind != "country"
                         for _, place in _places_named(rows, resolver.places))
    named = [place for place in resolver.places.places
             if place.kind == "country" and place.country in countries]
    # a Russian ministry's short name alone («Минфин», «Минобороны») where the document
    # names no place of Russia (nor Russia) and the country's places are most of its places'
    # mentions is the foreign country's: the news write «Минфин» of Slovenia in an article
    # about Slovenia as of Russia in one about Russia (an article about the army's districts
    # that names Georgia once is about Russia's, though the gazetteer knows no district)
    places_named = sum(row["n_mentions"] or 1 for row in rows if row["type"] == "LOC")
    short_names = "RU" not in countries and 2 * countries[code] > places_named
    for row in rows:
        if row["type"] == "ORG" and row["entity_key"] == resolver.key(row["type"], row["normal"]):
            key = resolver.of_country(row["type"], row["normal"], country, short_names) \
                or resolver.known_of_country(row["type"], row["normal"], country, named)
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


def _parks_named_with_their_country(rows: list[dict], resolver: KeyResolver) -> None:
    """A park described in common words with its country's name after them («Парк лесных
    технологий Беларуси») is the park of that description and country that a document about
    the country names without it («Парк лесных технологий» there: see
    ``_bodies_of_the_country``); Russia's is the bare description's. The document's short
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


def _missions_abroad(rows: list[dict], resolver: KeyResolver) -> None:
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
    code = _named_most(countries)
    return _country(resolver, code) if code is not None else None


def _named_most(countries: Counter) -> str | None:
    """The country counted most, None where two tie or none is counted."""
    ranked = countries.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _countries_named(rows: list[dict], resolver: KeyResolver) -> Counter:
    """The countries (ISO codes) of a document's places, by the mentions that name them."""
    countries: Counter = Counter()
    for row in rows:
        if (country := _country_of_place(resolver, row["type"], row["normal"])) is not None:
            countries[country] += row["n_mentions"] or 1
    return countries


def _country_of_place(resolver: KeyResolver, entity_type: str, normal: str) -> str | None:
    """The country (ISO code) of a place the gazetteer knows; None for anything else."""
    place = resolver.places.lookup(normal) if entity_type == "LOC" else None
    return place.country if place is not None else None


def _bodies_of_a_country_named(rows: list[dict], resolver: KeyResolver) -> None:
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
                or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
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


def _every_countrys_bodies_of_another_country(rows: list[dict], resolver: KeyResolver
                                              ) -> None:
    """A bare name that many countries' bodies bear (``KeyResolver.every_countrys_body``:
    «Социалистическая партия», «Совет министров»), in a document about a country
    (``_host_country``) other than the one most of the batch's documents about a country that
    name it are about, is that other country's body: the batch's body written with that
    country where a document writes it so («Совет министров Кедрии»), else the bare key with
    the country. The batch's one key would be the American party here and the Thai there. The
    documents of the batch's usual country, and those about no one country, keep the bare key
    (where two countries tie, none is usual); never the batch's body written with the
    country's name («… партия Кедрии»): the bare name is as often a neighbour's
    (key_bodies_named_abroad)."""
    host = _host_country(_countries_named(rows, resolver))
    if host is None:
        return
    for row in rows:
        if row["type"] != "ORG" or row["entity_key"] != resolver.key(row["type"], row["normal"]) \
                or not resolver.every_countrys_body(row["type"], row["normal"]):
            continue
        usual = _named_most(resolver.hosts_of_bodies[resolver.identity("ORG", row["normal"])])
        if host != usual and (country := _country(resolver, host)) is not None:
            row["entity_key"] = _body_of_country_key(row, country, resolver)


def _body_of_country_key(row: dict, country: Place, resolver: KeyResolver) -> str:
    """A bare body's key as ``country``'s body: the batch's key of the name written with that
    country where a document writes it so («Совет министров Кедрии»), else the bare key with
    the country («совет министров (кедрия)»)."""
    return resolver.known_body_of_country(row["type"], row["normal"], country) \
        or f"{row['entity_key']} ({fold(country.canonical)})"


def _host_country(countries: Counter) -> str | None:
    """The country (ISO code) a document is about: the foreign one whose places it names most,
    HOST_COUNTRY_MENTIONS times at least (the Russian news name Russia beside any country),
    else Russia where it names Russia's so often and more than any foreign country's; None
    where two tie or none is named so often."""
    foreign = Counter({code: count for code, count in countries.items() if code and code != "RU"})
    code = _named_most(foreign)
    if code is not None and foreign[code] >= HOST_COUNTRY_MENTIONS:
        return code
    most_foreign = max(foreign.values(), default=0)
    return "RU" if countries["RU"] >= HOST_COUNTRY_MENTIONS and countries["RU"] > most_foreign \
        else None


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


def _regional_bodies_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
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
    for row, place in _places_named(rows, resolver.places):
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


def _regional_short_names(rows: list[dict], resolver: KeyResolver) -> None:
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


def _short_names_of_the_documents_region(rows: list[dict], resolver: KeyResolver) -> None:
    """A body's one-word short name («Мининвест») is the batch's one body of that name and a
    region the document names («Мининвест Московской области» where «Подмосковье» is
    named). Not a body's bare head («Правительство»), nor a federal body's short name."""
    regions = {fold(place.canonical) for _, place in _places_named(rows, resolver.places)
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
            row["entity_key"] = resolver.key_of_identity(next(iter(found)), row["type"],
                                                         row["normal"])


def _headed_initials_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
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


def _abbreviations_the_document_expands(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare abbreviation («МГУ») is its document's one name whose leading words have those
    initials («Московский государственный университет им. …»), or else the one it writes with
    an eponym inside another name («филиал МГУ имени …»), whatever another document wrote it
    beside (a batch's «Мордовский госуниверситет (МГУ)»)."""
    named = [row for row in rows if row["type"] in ("PARK", "ORG")]
    for row in named:
        letters = row["normal"].strip()
        if not ABBREVIATION.fullmatch(letters) or letters.isdigit() \
                or row["entity_key"] != resolver.key(row["type"], row["normal"]):
            continue
        found = {other["entity_key"] for other in named if other is not row
                 and _initials_lead(other["normal"], letters)}
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


def _abbreviations_of_another_region(rows: list[dict], resolver: KeyResolver) -> None:
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
            places = [place for _, place in _places_named(rows, resolver.places)
                      if place.country == "RU" and region_of(place)]
            # (a region its names' adjectives give, «Кедровский политехнический институт», is
            # the document's too)
            regions = {region_of(place) for place in places} \
                | _russian_regions(_places_of_adjectives(rows, resolver), resolver)
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


def _abbreviations_of_another_country(rows: list[dict], resolver: KeyResolver) -> None:
    """A bare abbreviation that the batch expands to a name of a foreign country's thing
    («ЦИК» as another document's «Центр индийской культуры») keeps its own key where its
    document names that country nowhere: three letters stand for many names, and the
    document's election commission is no culture centre of India."""
    named_countries: set[str] | None = None
    for row in rows:
        letters = row["normal"].strip()
        if row["type"] not in ("ORG", "PARK", "EVENT") or not ABBREVIATION.fullmatch(letters):
            continue
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


def _bare_bodies_of_russia_and_its_regions(rows: list[dict], resolver: KeyResolver) -> None:
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


def _parts_of_a_body_the_document_names(rows: list[dict], resolver: KeyResolver) -> None:
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


def _bare_heads_of_the_document(rows: list[dict], resolver: KeyResolver) -> None:
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
        and all(word.isalpha() and word.islower() and _common_word(word)
                for word in rest.replace("-", " ").split())


def _words_of_no_name(name: str) -> bool:
    """Whether a person's name is only words of the language that are no one's name, of four
    letters or more, in the nominative and closed by a noun («Полномочный Посол»; not «Роза
    Кедрова», nor «Ван Пак», whose short syllables the dictionary knows as other words, nor a
    surname the dictionary reads as a word in another case, «Гулами»)."""
    words = fold(name).split()
    return bool(words) and all(
        len(word) >= 4 and word.isalpha() and _common_word(word)
        and any("nomn" in parse.tag for parse in word_parses(word))
        for word in words) and any(
        "NOUN" in parse.tag and "nomn" in parse.tag and "sing" in parse.tag
        for parse in word_parses(words[-1]))


def _feature_stem(word: str) -> str | None:
    """The stem of a sea's or island group's adjective that a one-word name is, if it is one
    (FEATURE_STEM_ENDING, FEATURE_PLURAL_ENDINGS): «каспий» → «каспий», «курилы» → «курил»."""
    if word.endswith(FEATURE_STEM_ENDING):
        return word
    if word.endswith(FEATURE_PLURAL_ENDINGS) and len(word) > 3:
        return word[:-1]
    return None


def _parks_of_the_documents_region(rows: list[dict], resolver: KeyResolver) -> None:
    """A park's name that begins with the level it serves («краевой индустриальный парк
    «Ольха»») is the batch's park of that name after the adjective of a region of that level
    the document names («Кедровский краевой индустриальный парк «Ольха»» where «Кедровский
    край» is named); where the batch has none, its park of the quoted name alone if the
    documents of that park name that region and no other of the level (another region's
    park «Ольха» is another park)."""
    levels = dict(resolver.words.level_adjectives)
    regions = {place.canonical: place for _, place in _places_named(rows, resolver.places)}
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


def _company_apart_from_park(document: list[tuple[dict, str]]) -> None:
    """A document that writes a company with exactly the quoted name of its park (АО
    «Каменка», the operator, beside технопарк «Каменка») and keeps them apart names two
    things: the company keeps an ORG key of that name instead of sharing the park's. A name in
    another case («предприятия «Каменки»») is no company's own name: it is left to the park.
    Rows come with the type the document gave them."""
    park_names = {(row["entity_key"], fold(quoted.group(0))) for row, own_type in document
                  if own_type == "PARK" and (quoted := QUOTED_NAME.search(row["normal"]))}
    for row, own_type in document:
        if own_type == "ORG" and row["entity_key"].startswith("PARK:") \
                and (row["entity_key"], fold(row["normal"])) in park_names:
            row["entity_key"] = "ORG:" + row["entity_key"].split(":", 1)[1]
            row["type"] = "ORG"


def _with_legal_form(aliases: Iterable[str] | None, words: KeyWords) -> bool:
    """Whether an entity's names include its quoted name after a legal form («АО «…»»)."""
    return any(len(parts := alias.split(" ", 1)) == 2 and parts[0].lower() in words.legal_forms
               and parts[1][:1] in "«\"" for alias in aliases or ())


def _companies_apart_from_parks(document: list[tuple[dict, str]], words: KeyWords) -> None:
    """A company its document writes with a legal form (АО «Каменка») is the company, not the
    batch's park of that name (технопарк «Каменка» of other documents): an ORG key of the
    name. Rows come with the type the document gave them."""
    for row, own_type in document:
        if own_type == "ORG" and row["entity_key"].startswith("PARK:") \
                and _with_legal_form(row["aliases"], words):
            row["entity_key"] = "ORG:" + row["entity_key"].split(":", 1)[1]
            row["type"] = "ORG"


# what a document makes definite, in this order (each pass sees the keys the ones before set)
DOCUMENT_PASSES = (_in_document, _industrial_parks_apart_from_zones,
                   _headed_initials_of_the_document,
                   _abbreviations_the_document_expands, _abbreviations_of_another_region,
                   _abbreviations_of_another_country,
                   _bare_bodies_of_russia_and_its_regions,
                   _parts_of_a_body_the_document_names, _short_person_names,
                   _tails_of_long_names, _namesakes_elsewhere, _near_surnames_of_the_document,
                   _surnames_of_two_people, _relatives_named_by_first_name,
                   _places_tagged_as_people,
                   _regional_short_names, _short_names_of_the_documents_region,
                   _apart_by_place,
                   _short_place_named_in_full, _place_initials_of_the_document,
                   _state_form_of_the_documents_country, _region_head_of_the_documents_place,
                   _bodies_of_the_country, _bodies_of_a_country_named,
                   _every_countrys_bodies_of_another_country,
                   _parks_named_with_their_country,
                   _missions_abroad,
                   _regional_bodies_of_the_document, _parks_of_the_documents_region,
                   _bare_heads_of_the_document, _sites_tagged_as_places)


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
    if row["type"] != "ORG" or not word or " " in word \
            or any(quote in alias for alias in row["aliases"] or () for quote in "«\""):
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


def rekey_entities(entities: pa.Table, resolver: KeyResolver) -> pa.Table:
    """``entities`` with canonical keys and types, and delegations' origin columns."""
    rows = entities.to_pylist()
    by_doc: dict[str, dict[str, str]] = defaultdict(dict)
    own_types = [row["type"] for row in rows]
    for row in rows:
        if row["type"] != DELEGATION:
            row["entity_key"] = resolver.key(_keyed_type(row, resolver), row["normal"])
            row["type"] = row["entity_key"].split(":", 1)[0]
    documents: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    for row, own_type in zip(rows, own_types, strict=True):
        documents[row["doc_id"]].append((row, own_type))
    for document in documents.values():
        _company_apart_from_park(document)
        _companies_apart_from_parks(document, resolver.words)
        document_rows = [row for row, _ in document]
        for make_definite in DOCUMENT_PASSES:
            make_definite(document_rows, resolver)
    for row in rows:
        if row["type"] != DELEGATION:
            by_doc[row["doc_id"]].setdefault(fold(row["normal"]), row["entity_key"])
    for row in rows:
        if row["type"] == DELEGATION:
            row["entity_key"] = resolver.key(DELEGATION, row["normal"])
            row["origin_key"], row["origin_country"] = resolver.origin(
                row["normal"], by_doc[row["doc_id"]])
        else:
            row["origin_key"] = row["origin_country"] = None
    return pa.Table.from_pylist(rows, schema=entities.schema)


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

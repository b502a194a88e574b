"""The words a key is made of: the rules' key words (``KeyWords``: type words, legal forms,
heads of bodies, …) and a name stripped to the part that names the thing
(``stripped_name``), a person's name in the form its key takes (``person_name``)."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache

from ..coreference import PATRONYMIC, latin_park_name
from ..doc import fold
from ..morph import dictionary, word_parses
from ..normal_form import PROPER_OR_ABBREVIATION
from ..places import Place, gazetteer, name_key, word_lemma
from ..rules import RuleSet, word_pairs

# (Latin capitals with marks too: the Azerbaijani «KOBİA», the Turkish «TÜSİAD»)
CAPITALS = "A-ZА-ЯЁÀ-ÖØ-ÞĞİŞƏ"
ABBREVIATION = re.compile(rf"[{CAPITALS}][{CAPITALS}0-9\-]{{1,9}}")

CYRILLIC_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,6}")

# Parks and organisations share one name space: a zone is tagged PARK here, ORG there.
FAMILIES = {"PARK": "SITE", "ORG": "SITE"}

# an event's edition is no part of its name: «Иннопром-2022», «Технопром 2025», «XV Иннопром»,
# «15-й Иннопром», «Четвёртый Иннопром» are one event (a organisation's name may end in a
# year as well)
EDITION_YEAR = re.compile(r"[\s\-–—]+(?:19|20)\d\d(?:\s*(?:год|г)\.?)?(?=[»\"]*\s*$)")

# an edition's number before an event's name («XV», «15-й»; spelled ordinals: edition_ordinals)
EDITION_NUMBER = re.compile(r"^(?:[IVXLCХ]+|\d+(?:-?(?:[йяеи]|ый|ий|ой|ая|ое|ье))?)\s+(?=\S)")

# «О.В.Мельниченко», «А. Никитин»: initials and a surname
INITIALS_SURNAME = re.compile(r"((?:\w\.\s*){1,2})(\w[\w\-]+(?: \w[\w\-]+)?)")

# (the last initial's stop may be the sentence's: «Кедров А. В» as a span ends)
SURNAME_INITIALS = re.compile(r"(\w[\w\-]+)\s+((?:\w\.\s*){1,2}|\w\.\s*\w)")


VOWELS = frozenset("аеиоуыэюяaeiouy")

# a one-word name the normal form left in another case, and the nominative endings it may
# have: «Камнереча» ← «Камнереч», «Алабуги» ← «Алабуга», «Кедрограде» ← «Кедроград»
CASE_ENDINGS = (("ами", ("а", "я", "")), ("ом", ("",)), ("ем", ("", "ь", "й")),
                ("ой", ("а",)), ("ей", ("я", "ь")), ("ою", ("а",)), ("а", ("", "о")),
                ("у", ("", "а", "о")), ("е", ("", "а", "ь", "о", "й")), ("ы", ("а",)),
                ("и", ("а", "я", "ь")), ("ю", ("я", "ь", "й")), ("я", ("ь", "й", "е")))

# «h» between vowels, transliterated «г», «х» or not at all: «Ваган», «Вахан», «Ваан»
INTERVOCALIC_H = re.compile(r"(?<=[аеиоуыэюя])[гх](?=[аеиоуыэюя])")

# a surname in the nominative that only a man has: «Гусев», «Хабиров», «Орловский»
MASCULINE_SURNAME = re.compile(r"\w\w(?:[оеё]в|[иы]н|[сц]кий)$")

# capitals that Cyrillic and Latin share: «ТН Group» is «TH Group» typed on a Russian keyboard
HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХ", "ABEKMHOPCTX")

CYRILLIC_HOMOGLYPH_WORD = re.compile(r"\b[АВЕКМНОРСТХ]{2,}\b")


LATIN_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
# a one-word Latin name of five letters or more, folded («kedrmash», «daesung»)
LATIN_ONE_WORD = re.compile(r"[a-z][a-z\-]{4,}")

DESCRIPTION_PREPOSITIONS = frozenset(("в", "для", "на", "по"))


SMALL_WORDS = frozenset(("и", "в", "во", "для", "на", "по", "при", "с", "со"))

# a hyphen with a space on one side only: «IT- парка» (a line break's), «Кедроград -Экспо»
HYPHEN_SPACE = re.compile(r"(?<=\w)(?:-\s+|\s+-)(?=\w)")

# a generic head before an abbreviation: «Корпорация «МСП»», «Корпорация МСП»
HEADED_ABBREVIATION = re.compile(r"([А-ЯЁа-яё]+)\s+«?([A-ZА-ЯЁ]{2,8})»?")

LATIN_LETTERS = dict(zip("abcdefghijklmnopqrstuvwxyz",
                         ["а", "б", "ц", "д", "е", "ф", "г", "х", "и", "дж", "к", "л", "м",
                          "н", "о", "п", "к", "р", "с", "т", "у", "в", "в", "кс", "й", "з"],
                         strict=True))

# the letters a name that ends in a vowel ends in (``final_vowels_agree``, on folded names;
# «й» with them: «Hyundai», «Хендай»)
LATIN_VOWELS = VOWELS & frozenset(string.ascii_lowercase)


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
    # «ао», «ооо», «девелопер»: a legal form or a company's kind before a name makes it a
    # company's (org_legal_forms, company_kind_nouns)
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
    # is left to its document: abbreviations_the_document_expands)
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
    # «район», «уезд»: a district's word in a place's name (key_district_words)
    district_words: frozenset[str] = frozenset()
    # «промпарк», «индустриальный парк»: an industrial park's head before its quoted name,
    # another thing than a special zone of that name (name keys; key_industrial_park_heads)
    industrial_park_heads: frozenset[str] = frozenset()
    # «технопарк», «технополис»: a technopark's head before its quoted name, another thing
    # than an industrial park of that name (name keys; key_technopark_heads)
    technopark_heads: frozenset[str] = frozenset()
    # «партия»: a body's name word that names other countries' bodies bare too
    # (key_bodies_named_abroad)
    bodies_named_abroad: frozenset[str] = frozenset()
    # a school's heads («университет», «институт»): an informal short name keeps one
    # («Пермский политех» is a «политехнический университет») (school_heads)
    school_heads: frozenset[str] = frozenset()
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
    # «pt», «cv»: a legal form opening a company's name in Latin script
    latin_leading_legal_forms: frozenset[str] = frozenset()
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
    # «Москва» = «Московская область»: a federal city and the region its parks are written in
    # (key_one_region_pairs; the gazetteer's canonical names)
    one_region_pairs: tuple[tuple[str, str], ...] = ()
    # «industrial park», «technopark»: a park's type words closing its Latin name, the
    # longest first (latin_park_heads)
    latin_park_heads: tuple[str, ...] = ()
    # «group», «holding»: a corporate suffix ending a Latin name, left out after a name of
    # its own (not after initials: «TK Group») (key_latin_corporate_suffixes, folded)
    latin_corporate_suffixes: frozenset[str] = frozenset()
    # the Arabic articles a family name opens with («аль-Мансури»: no first name)
    name_articles: frozenset[str] = frozenset()
    # words closing a foreign company's name («Макина», «Текнолоджи», «Machinery»): the word
    # before them is its short name across the batch (key_company_tail_words, folded)
    company_tail_words: frozenset[str] = frozenset()
    # «река», «город»: a word before a place's name that makes it the place (an alias «реки
    # Карасу»), not the park named after it (feature_descriptors, settlement and town ones)
    place_words: frozenset[str] = frozenset()
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
                   words("org_legal_forms", "company_kind_nouns"),
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
                   district_words=words("key_district_words"),
                   scope_adjectives=words("org_scope_adjectives"),
                   latin_articles=words("key_latin_articles"),
                   latin_leading_legal_forms=words("key_latin_leading_legal_forms"),
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
                   technopark_heads=frozenset(
                       name_key(entry) for entry in rules.words("key_technopark_heads")),
                   bodies_named_abroad=words("key_bodies_named_abroad"),
                   school_heads=words("school_heads"),
                   first_name_forms=tuple(sorted(
                       (fold(short), fold(full))
                       for short, full in word_pairs(rules.words("key_first_name_diminutives")))),
                   latin_letter_names=tuple(sorted(
                       (fold(name), fold(letter))
                       for name, letter in word_pairs(rules.words("key_latin_letter_names")))),
                   one_region_pairs=tuple(sorted(word_pairs(rules.words("key_one_region_pairs")))),
                   latin_park_heads=tuple(sorted(rules.words("latin_park_heads"), key=len,
                                                 reverse=True)),
                   latin_corporate_suffixes=frozenset(
                       fold(word) for word in rules.words("key_latin_corporate_suffixes")),
                   place_words=words("feature_descriptors", "settlement_descriptors",
                                     "town_descriptors", "town_head_posts", "town_people_nouns"),
                   name_articles=words("normal_name_articles"),
                   company_tail_words=words("key_company_tail_words"))


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
    if entity_type == "PARK" and (named := latin_park_name(normal, words.latin_park_heads)):
        return fold(named)  # «Xinlong Industrial Park» → «xinlong»
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
                                                 and countries_adjective(word))
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
        # (a head that names a site by itself before a Latin name is the type word:
        # «технопарк Hengshan» is the «технопарк «Хэншань»»)
        latin_after = len(written) > 1 and LATIN_WORD.fullmatch(written[1]) is not None
        while start < len(written) - 1 and (
                lemmas[start] in words.zone_abbreviations
                or (lemmas[start] in generic and (lemmas[start] not in words.park_named_heads
                                                  or (start == 0 and latin_after)))):
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
    if entity_type == "ORG":
        # a Latin name after a legal form or a generic head, unquoted: «Холдинг Nusantara
        # Baja» is «Nusantara Baja»
        written = normal.split()
        start = next((i for i, word in enumerate(written) if name_key(word) not in generic),
                     len(written))
        if 0 < start < len(written) and all(LATIN_WORD.search(w) for w in written[start:]):
            return fold(" ".join(written[start:]))
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


def park_kind(normal: str, words: KeyWords) -> str | None:
    """What the words before a quoted name make it: «zone» after a special zone's words
    («ОЭЗ «Кедровая»», «особая экономическая зона «Кедровая»»), «industrial park» after an
    industrial park's head («промпарк «Кедровая»»), «technopark» after a technopark's
    («технопарк «Кедровая»»), else None."""
    if "«" not in normal:
        return None
    before = name_key(normal[:normal.index("«")])
    if any(word in words.zone_words for word in before.split()):
        return "zone"
    if any(f" {head} " in f" {before} " for head in words.industrial_park_heads):
        return "industrial park"
    if any(f" {head} " in f" {before} " for head in words.technopark_heads):
        return "technopark"
    return None


@lru_cache(maxsize=10_000)
def countries_adjective(word: str) -> bool:
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


def is_russia(place: Place) -> bool:
    """Is the place the country Russia (whose own adjectives and bodies name nothing apart)?"""
    return place.kind == "country" and place.country == "RU"


def read_only_as_a_proper_name(word: str) -> bool:
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
    Technology Co., Ltd» → «Olkha Seed Technology» (one word of the name stays), or open it
    («PT Olkha Agro» → «Olkha Agro»), and a
    corporate suffix after a word of a name, in Latin or Cyrillic letters («Henglong Group»
    → «Henglong», «Казак Темир Групп» → «Казак Темир»)."""
    written = normal.split()
    while len(written) > 1 and fold(written[-1]).strip(",.»\"").replace(".", "") \
            in words.latin_legal_forms:
        written.pop()
    while len(written) > 1 and LATIN_WORD.fullmatch(written[1]) \
            and fold(written[0]).replace(".", "") in words.latin_leading_legal_forms:
        written.pop(0)  # «PT Olkha Agro Industri» → «Olkha Agro Industri»
    if len(written) > 1 and fold(written[-1]).strip(",.»\"") in words.latin_corporate_suffixes \
            and (LATIN_WORD.fullmatch(written[-2]) or written[-2].strip("«").istitle()) \
            and not written[-2].isupper():
        written.pop()  # «Henglong Group», «Казак Темир Групп»: a name's suffix (not «TK
        # Group»: initials)
    if len(written) == len(normal.split()):
        return normal
    name = " ".join(written).rstrip(",")
    # a closing quote the forms stood inside: «Olkha Ltd» → «Olkha»
    return name + "»" if normal.rstrip().endswith("»") and name.count("«") > name.count("»") \
        else name


def sides_in_order(found: re.Match) -> str:
    """«китайско-российский» → «российско-китайский»: the two sides of an event in one order,
    whichever side the news writes first («Китайско-российское ЭКСПО» is the «Российско-
    китайское ЭКСПО» written from the other side)."""
    first, second = sorted((found.group(1), found.group(2)))
    return f"{first}о-{second}{found.group(3)}"


def settlement_adjective(name: str, place: Place) -> bool:
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


def person_in_nominative(name: str) -> str | None:
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


def first_name_nominatives(first: str, surname: str) -> set[str]:
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
        initials = surname_first.group(2).replace(" ", "").removesuffix(".") + "."
        folded = f"{initials} {surname_first.group(1)}"
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

"""Two spellings of one name: transliterations and the sounds they stand for, letters read
one by one, a surname in another case, a long name written short."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..doc import fold
from ..morph import dictionary, word_parses
from ..places import Gazetteer, Place
from .readings import an_adjective, common_word, first_name_readings
from .words import (
    ABBREVIATION,
    CASE_ENDINGS,
    INITIALS_SURNAME,
    LATIN_VOWELS,
    LATIN_WORD,
    MASCULINE_SURNAME,
    VOWELS,
    read_only_as_a_proper_name,
)

if TYPE_CHECKING:
    from .resolver import Thing


# «и» of an Italian «gio», «cio» before «о», which transliterations keep or drop (``spelling_key``)
ITALIAN_IO = re.compile(r"(?<=[жч])и(?=о)")
# a run of vowels: one syllable of a transliterated name («Нгуен», «Тхыонг» have one)
VOWEL_RUN = re.compile(r"[аеёиоуыэюя]+")
# Russian letters romanised as the passport rules of 2014 and the older habits write them
ROMAN_LETTERS = dict(zip("абвгдежзийклмнопрстуфхцчшщъыьэюя",
                         ["a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m",
                          "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                          "shch", "", "y", "", "e", "yu", "ya"], strict=True))
# a hyphen between two words, and an old spelling's hard sign closing a word
# («Газпром-медиа», «Коммерсантъ»): no part of the name (``plain_spelling``)
WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
FINAL_HARD_SIGN = re.compile(r"(?<=[а-яё]{2})ъ\b")
# Latin spellings as a Russian transliteration hears them, in this order (``consonant_sounds``):
# «Microsoft» and «Майкрософт», «Volkswagen» and «Фольксваген» meet
# (an English «-tion» is «-шн»: «Solutions», «Солюшнз»)
# («ch» of Greek words is «х» or, heard in English, «к»: «Technolit», «Mechanika» are
# «Технолит», «Механика», «Chemical» is «Кемикал»)
LATIN_SOUNDS = (("tion", "shn"), ("dzh", "j"), ("chem", "kem"), ("tech", "teh"),
                ("mech", "meh"), ("chr", "hr"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("tz", "ts"),
                ("qu", "kv"), ("q", "k"), ("x", "ks"), ("sh", "s"), ("zh", "s"), ("ch", "s"),
                ("ts", "s"), ("kh", "h"))
SOFT_C = re.compile(r"c(?=[eiy])")
SPOKEN_AU = re.compile(r"au(?=[bcdfgklmnprstvz])", re.IGNORECASE)
SPOKEN_TUR = re.compile(r"(?<=[aeioun])tur", re.IGNORECASE)
# a voiced consonant and its voiceless pair sound alike at a word's end and to a foreign ear
VOICELESS = str.maketrans("bdgzvw", "ptksff")
CYRILLIC_VOWELS = (VOWELS - LATIN_VOWELS) | {"й"}
# letters a name's consonants as heard leave out: vowels, and «h»
SOUNDLESS = LATIN_VOWELS | {"h"}
CYRILLIC_WORD_LETTERS = re.compile(r"[а-яё]+")
SOFT_SIGNS = re.compile(r"[йьъ]")
# vowels that transliterations of one foreign name write either way: an English «i» as «и»
# or «е» («Беньямин», «Биньямин»), an «a» as «а», «э» or «е» («Габриэль», «Гэбриэль»;
# «Кедланд», «Кедленд»), «е» for «э» or «ё», «ы» for «и»
HESITANT_VOWELS = frozenset(frozenset(pair) for pair in (
    "еи", "еэ", "аэ", "ае", "иы", "её", "ыэ"))
COMPOUND_MIN_PART = 3
# a transliteration's letters are this share of the foreign name's at least, or the other way
LETTER_COUNT_RATIO = 2 / 3


def romanised(word: str) -> str:
    """A one-word name in Latin letters as its Russian spellings and their romanisations
    compare: «Кедрмаш», «Kedrmash» and «KEDRMASH» are «kedrmash»."""
    latin = "".join(ROMAN_LETTERS.get(letter, letter) for letter in fold(word))
    for spelt, same in (("kh", "h"), ("j", "y"), ("w", "v"), ("x", "ks"), ("iy", "y"),
                        ("yy", "y")):
        latin = latin.replace(spelt, same)
    return latin


def compound_of(short: str, first: str, second: str, stems: frozenset[str]) -> bool:
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


def plain_spelling(name: str, articles: frozenset[str]) -> str:
    """A name key as its spellings meet: a Latin article before a Latin name left out, a
    hyphen between words as a space, an old spelling's final hard sign dropped."""
    first, _, rest = name.partition(" ")
    if rest and first in articles and LATIN_WORD.match(rest):
        name = rest
    return FINAL_HARD_SIGN.sub("", WORD_HYPHEN.sub(" ", name))


# Latin letters with marks as a Russian transliteration writes them («Erdoğan» is «Эрдоган»)
MARKED_LATIN = {"ş": "sh", "ç": "ch", "ğ": "g", "ı": "i", "ß": "ss", "ø": "o", "æ": "ae",
                # and Slavic and Baltic ones («Milovanović» is «Милованович», «Dvořák»
                # «Дворжак», «Ozoliņš» «Озолиньш»)
                "š": "sh", "č": "ch", "ć": "ch", "ž": "zh", "ř": "rzh", "đ": "dzh"}
# a Latin «j» read as «х» (Spanish: «Rojas», «Рохас») or «й» (Slavic, German: «Jovanović»,
# «Йованович»), a «qu» as «к» (Arabic: «Qureshi», «Куреши»): other readings to hear a name by
LATIN_READINGS = ((re.compile(r"j", re.IGNORECASE), "h"), (re.compile(r"j", re.IGNORECASE), "y"),
                  (re.compile(r"qu", re.IGNORECASE), "k"))
# English read as Russian writes it: «tech» as «тек», a «g» before «e», «i», «y» as «дж»
# («Sao Mai Technology», «Сао Май Текнолоджи»; «Logistics», «Лоджистикс») or «ж»
# («Engineering», «Инжиниринг»): two readings
ENGLISH_TECH = re.compile(r"tech", re.IGNORECASE)
ENGLISH_SOFT_G = re.compile(r"g(?=[eiy])", re.IGNORECASE)


def plain_latin(name: str) -> str:
    """A Latin name without its letters' marks, as transliterations hear them: «Yıldız» is
    «Yildiz», «Şahin» «Shahin», «Gül» «Gul»; Cyrillic letters unchanged («й» keeps its mark)."""
    letters = []
    for letter in name:
        lower = letter.lower()
        if lower in MARKED_LATIN:
            letters.append(MARKED_LATIN[lower])
            continue
        base = unicodedata.normalize("NFKD", letter)[0]
        letters.append(base if base.isascii() and base.isalpha() else letter)
    return "".join(letters)


def other_latin_readings(name: str) -> list[str]:
    """The Latin name as the other ways of reading its letters write it (``LATIN_READINGS``,
    and English as Russian writes it), each that changes it."""
    readings = [pattern.sub(sound, name) for pattern, sound in LATIN_READINGS]
    readings += [ENGLISH_SOFT_G.sub(sound, ENGLISH_TECH.sub("tek", name))
                 for sound in ("dzh", "zh")]
    return [reading for reading in dict.fromkeys(readings) if reading != name]


def spoken_latin(name: str) -> str:
    """A Latin name respelt as Russian transliterations often hear it: «au» before a
    consonant as «av» («Hydraulics», «Хидравликс»), «tur» as «chur» («Ventures», «Венчерс»)."""
    return SPOKEN_TUR.sub("chur", SPOKEN_AU.sub("av", name))


def consonant_sounds(name: str) -> str:
    """A name's consonants as a transliteration hears them, in Latin letters, whatever its
    alphabet: voiceless, each once in a row, no «h» (silent in Latin, «х» in Cyrillic), after
    «*» where a vowel begins it. «Forbes» and «Форбс» are «frps», «Microsoft» and
    «Майкрософт» «mkrsft», «Houston» and «Хьюстон» «*stn», «Yıldız» and «Йылдыз» «*lts»."""
    latin = "".join(ROMAN_LETTERS.get(letter, letter) for letter in fold(plain_latin(name)))
    for spelt, heard in LATIN_SOUNDS:
        latin = latin.replace(spelt, heard)
    latin = SOFT_C.sub("s", latin).replace("c", "k").translate(VOICELESS)
    letters = [letter for letter in latin if "a" <= letter <= "z"]
    consonants = [letter for letter in letters if letter not in SOUNDLESS]
    opening = "*" if letters and letters[0] in SOUNDLESS else ""  # «Associated», «Houston»
    return opening + "".join(letter for i, letter in enumerate(consonants)
                             if i == 0 or consonants[i - 1] != letter)


def final_vowels_agree(latin: str, cyrillic: str) -> bool:
    """Whether a Latin name and a Cyrillic one both end in a vowel or both do not: «Kedra»
    is no «Кедр» (a vowel more is another word). A Latin final «e», silent as often as not
    («Forbes», «Google»/«Гугл», «Porsche»/«Порше»), agrees with either."""
    last = fold(latin)[-1:]
    return last == "e" or (last in LATIN_VOWELS) == (fold(cyrillic)[-1:] in CYRILLIC_VOWELS)


def read_letter_by_letter(identity: tuple[str, str], things: dict[tuple[str, str], Thing]
                           ) -> bool:
    """Whether a thing is written as an abbreviation in capitals («RTTV», «СНГ»): its letters
    are read by their names, not sounded as a word."""
    thing = things.get(identity)
    return thing is not None and any(ABBREVIATION.fullmatch(name) and name.isupper()
                                     for name in thing.names)


def lengths_alike(one: str, other: str) -> bool:
    """Whether two names' letters are of about one count (``LETTER_COUNT_RATIO``): a
    transliteration keeps a name's length, a short name of its consonants («Генк») is no
    longer one's («Canucks»)."""
    counts = sorted(sum(letter.isalpha() for letter in name) for name in (one, other))
    return counts[0] >= LETTER_COUNT_RATIO * counts[1]


def a_made_up_word_in(name: str) -> bool:
    """Whether a Cyrillic name has a word that the dictionary does not know, or knows only as
    a proper name («Форбс», «Рейтер», «Ассошиэйтед Пресс»; not «Звезда», «Первый канал»)."""
    return any(not dictionary().word_is_known(word) or read_only_as_a_proper_name(word)
               for word in fold(name).replace("-", " ").split() if word.isalpha())


def vowel_skeleton(word: str) -> str:
    """A word with each vowel as «*»: «бозоров» and «бозаров» meet here."""
    return "".join("*" if letter in VOWELS else letter for letter in word)


def ou_spellings(word: str) -> set[str]:
    """A foreign word's other spellings of an «ou» that transliterations write «оу» or «у»
    («Роукани», «Рукани»), one place at a time, after a consonant."""
    return {word[:found.start()] + spelt + word[found.end():]
            for written, spelt in (("оу", "у"), ("у", "оу"))
            for found in re.finditer(f"(?<=[^аеёиоуыэюя]){written}", word)}


def surname_nominatives(word: str) -> set[str]:
    """The nominatives a surname written in another case may have, by its case ending
    («кедриуса» → «кедриус», «кедримуре» → «кедримура»); not a surname whose feminine ends
    so («Кедрова» may be a woman as written, not «Кедров»'s genitive), nor a word the
    dictionary knows as a first name in the nominative («Александра» is a woman's name)."""
    if dictionary().word_is_known(word) and first_name_readings(word):
        return set()
    return {stem + nominative for ending, nominatives in CASE_ENDINGS
            if word.endswith(ending) and len(stem := word[:-len(ending)]) >= 3
            for nominative in nominatives
            if not MASCULINE_SURNAME.search(stem + nominative)}


def a_form_of_surname(known: str, written: str) -> bool:
    """Whether a written surname is a known one, in another case (a lemma of it) or but for a
    vowel (one skeleton): the forms ``KeyResolver._people_of_surname`` finds a person by."""
    return known == written or vowel_skeleton(known) == vowel_skeleton(written) or known in {
        parse.normal_form.replace("ё", "е") for parse in word_parses(written)}


def is_transliterated(name: str) -> bool:
    """Does the name have a word no dictionary knows (a foreign name written in Cyrillic,
    «Хлайн», «Свея»), where spellings and case endings are guesses? Not «Андрей Кедров»,
    «Эрик Асанов», «Кедрова»: names the dictionary reads."""
    return any(not dictionary().word_is_known(word) for word in name.split())


def long_names_written_short(people: set[tuple[str, str]]
                              ) -> Iterator[tuple[tuple[str, str], tuple[str, str]]]:
    """The (long name, short name) pairs of one document's full-named people: a name of three
    words or more and the one first name and surname of the document that it begins with and
    holds («Виктор Эмиль Крамер», «Виктор Крамер»; «Мария Орлова Лоран», «Мария Орлова»).
    Not a long name with an epithet («Виктор Крамер младший»: the son), nor an East Asian
    name (``two_word_foreign_name``), nor one the document writes short two ways, nor a
    short name that two long names of the document hold (two men of one first name and
    surname, told apart by their fathers' names)."""
    pairs: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for long in people:
        words = long[1].split()
        if len(words) < 3 or "." in long[1] or any(is_epithet(word) for word in words):
            continue
        shorts = [short for short in people if two_word_foreign_name(short[1])
                  and "." not in short[1]
                  and short[1].split()[0] == words[0] and short[1].split()[1] in words[1:]]
        if len(shorts) == 1:
            pairs.append((long, shorts[0]))
    held = Counter(short for _, short in pairs)
    yield from ((long, short) for long, short in pairs if held[short] == 1)


def two_word_foreign_name(name: str) -> bool:
    """A first name and a surname whose first word has two syllables or more: not initials,
    not an East Asian name whose one-syllable surname comes first («Пак Сон Ман», «Нгуен Ван
    Тхыонг»: the words after it one given name)."""
    words = name.split()
    return len(words) == 2 and not INITIALS_SURNAME.fullmatch(name) \
        and len(VOWEL_RUN.findall(words[0])) >= 2


def is_epithet(word: str) -> bool:
    """A dictionary adjective that no reading makes a name («младший», «старший»): a word
    after a name that tells a son from his father, no second surname."""
    return common_word(word) and any(parse.tag.POS == "ADJF" for parse in word_parses(word))


def headed_by_one_of(words: list[str], heads: frozenset[str]) -> bool:
    """Whether a name's words are one of ``heads`` first, or after one adjective."""
    return bool(words) and (words[0] in heads or (
        len(words) > 1 and words[1] in heads and an_adjective(words[0])))


def places_written_short(identities: set[tuple[str, str]]
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


def proper_or_unknown(word: str) -> bool:
    """Whether the dictionary reads a word first as a place's or a person's name, or does
    not know it («Ростов», «Рио»; not «федерация», «северный»)."""
    parses = word_parses(word)
    return not dictionary().word_is_known(word) or not parses \
        or bool({"Geox", "Name", "Surn"} & parses[0].tag.grammemes)


def places_by_first_word(places: Gazetteer) -> dict[str, list[tuple[Place, str]]]:
    """The gazetteer's places by their names' first words (names of more words only), each
    with the rest of its name."""
    index: dict[str, list[tuple[Place, str]]] = defaultdict(list)
    for name, place in places.by_name.items():
        first, _, rest = name.replace("-", " ", 1).partition(" ")
        if rest and places.lookup(first) is None:
            index[first].append((place, rest))
    return index


def as_body_of_country(bare: tuple[str, str], country: Place) -> tuple[str, str]:
    """The identity of a bare body's name (``KeyResolver._bare_body_name``) as the body of
    ``country`` («Министерство здравоохранения =кедрия»)."""
    family, name = bare
    return family, f"{name} ={fold(country.canonical)}"


def spelling_key(name: str) -> str:
    """A transliterated name as its spellings meet: «й» as «и», «э» as «е» («Хлайн»,
    «Хлаин»), «дж» as «ж» («Анджела», «Анжела»), an Italian «gio»/«cio» with or without
    «и» («Джорджо», «Джорджио»). Not a final «нг» as «н»: in Vietnamese names they tell two
    names apart («Тханг», «Тхан»)."""
    return ITALIAN_IO.sub("", name.replace("й", "и").replace("э", "е").replace("дж", "ж"))


def spelt_words(name: str) -> list[str]:
    """A name's words as transliterations compare them (hyphens as spaces), none if a word is
    not all Cyrillic letters (a place of the gazetteer, «=…», a Latin word, a number)."""
    words = name.replace("-", " ").split()
    return words if all(CYRILLIC_WORD_LETTERS.fullmatch(word) for word in words) else []


def consonant_frame(words: list[str]) -> str:
    """A name's consonants in their places, each vowel run as «*», each consonant once in a
    row, «дж» as «ж», no «й» or soft sign: «беньямин» and «биньямин» meet, «кедвилл» and
    «кедвилль»; «аллен» and «леннон», «бруней» and «биране» do not."""
    return " ".join(VOWEL_RUN.sub("*", re.sub(r"(.)\1+", r"\1", SOFT_SIGNS.sub(
        "", word.replace("дж", "ж")))) for word in words)


def _ends(word: str) -> tuple[str, str]:
    """A word's first and last letters but for «й» and soft signs."""
    letters = SOFT_SIGNS.sub("", word) or word
    return letters[0], letters[-1]


def alike_transliterations(words: list[str], others: list[str]) -> bool:
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
                          and (_hesitant_vowels(word, other)
                               or spelling_key(word) == spelling_key(other))
                          and (place in particles or _foreign_words_of_syllables(word, other)))
        for place, (word, other) in enumerate(zip(words, others, strict=True)))


def _foreign_words_of_syllables(word: str, other: str) -> bool:
    """Two spellings of a word of two syllables or more each, one at least no word the
    dictionary knows (``alike_transliterations``)."""
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


def surname_of(name: str) -> str:
    """The surname of a person's name as ``person_name`` writes it («а.никитин» → «никитин»)."""
    initialled = INITIALS_SURNAME.fullmatch(name)
    return (initialled.group(2) if initialled else name).split()[-1]

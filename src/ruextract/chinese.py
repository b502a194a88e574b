"""Chinese names in Russian news: pinyin syllables and their Russian spelling by Palladius's
system, which Russian news writes Chinese names in («Hengshan» is «Хэншань», «Zhongtai»
«Чжунтай»), and the nominative of a Chinese name Russian declines («Хуэем» → «Хуэй»)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

# a Chinese name's syllable in Russian letters, loosely: an initial and a final of Palladius's
# spelling («Цзянсу», «Сяоцзе», «Шуцай»); ``spelt_in_syllables`` holds to the real syllables
CHINESE_SYLLABLE_PATTERN = (
    r"(?:чж|цз|ч|ш|ж|ц|с|б|п|м|ф|д|т|н|л|г|к|х|р|в|й)?"
    r"(?:юань|уань|уай|уан|уэй|янь|яо|ян|инь|ин|унь|ун|уй|уэ|уо|уа|юэ|юнь|юн|юй|ань|ан|ай|ао"
    r"|энь|эн|эй|эр|оу|ы|и|я|е|ю|у|о|а|э)")
CHINESE_SYLLABLES = re.compile(rf"(?:{CHINESE_SYLLABLE_PATTERN})+")
CHINESE_SYLLABLE = re.compile(CHINESE_SYLLABLE_PATTERN)
# a place's Chinese name ending in «-н», «-нь» or «-й» declines: its case endings by the
# tagger's case, each with what the nominative ends in instead («Куньмина» → «Куньмин»,
# «Шэньчжэня» → «Шэньчжэнь», «Хэфэя» → «Хэфэй», the feminine «Сычуани» → «Сычуань»). The
# locative «-е» is left to the dictionary's guess: «-н» and «-нь» stems both take it.
PLACE_CASE_ENDINGS = {
    "Gen": (("я", "ь"), ("я", "й"), ("а", ""), ("и", "ь")),
    "Dat": (("ю", "ь"), ("ю", "й"), ("у", ""), ("и", "ь")),
    "Ins": (("ем", "ь"), ("ем", "й"), ("ом", ""), ("ью", "ь")),
}
# the last syllable of a declining Chinese name: a vowel then «н», «нь» or «й»
DECLINING_END = re.compile(r"[аеиоуыэюя](?:нь?|й)$")
# a run of vowels: one syllable's vowels («уа» of «Сычуань»)
VOWEL_GROUP = re.compile(r"[аеиоуыэюя]+")

# an initial's letters and a final's, with the few syllables that spell otherwise
PINYIN_INITIALS = {
    "zh": "чж", "ch": "ч", "sh": "ш", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д",
    "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц",
    "x": "с", "r": "ж", "z": "цз", "c": "ц", "s": "с", "": ""}
PINYIN_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я",
    "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин",
    "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань",
    "un": "унь", "uang": "уан", "ue": "юэ", "v": "юй", "ve": "юэ"}
PINYIN_SPECIAL = {
    "zi": "цзы", "ci": "цы", "si": "сы", "zhi": "чжи", "chi": "чи", "shi": "ши", "ri": "жи",
    "hui": "хуэй", "ju": "цзюй", "qu": "цюй", "xu": "сюй", "juan": "цзюань", "quan": "цюань",
    "xuan": "сюань", "jun": "цзюнь", "qun": "цюнь", "xun": "сюнь", "ya": "я", "yan": "янь",
    "yang": "ян", "yao": "яо", "ye": "е", "yi": "и", "yin": "инь", "ying": "ин", "yong": "юн",
    "you": "ю", "yu": "юй", "yuan": "юань", "yue": "юэ", "yun": "юнь", "wa": "ва", "wo": "во",
    "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн",
    "wu": "у"}
# finals no syllable of these initials has: j, q, x only before «i» and «ü» (written «u»); the
# hissing and whistling initials and g, k, h never before «i…»
PALATAL_INITIALS = frozenset("jqx")
HARD_INITIALS = frozenset({"zh", "ch", "sh", "r", "z", "c", "s", "g", "k", "h"})


def _pinyin_syllables() -> dict[str, str]:
    syllables = dict(PINYIN_SPECIAL)
    for initial, initial_spelt in PINYIN_INITIALS.items():
        for final, final_spelt in PINYIN_FINALS.items():
            if initial in PALATAL_INITIALS and not final.startswith("i"):
                continue
            if (initial in HARD_INITIALS and final.startswith("i")) or final.startswith("v") \
                    or (final == "ue" and initial) or (final == "er" and initial) \
                    or (not initial and final[0] in "iu"):
                continue  # (a syllable of «i…», «u…» alone is written «y…», «w…»)
            syllables.setdefault(initial + final, initial_spelt + final_spelt)
    return syllables


PINYIN_SYLLABLES = _pinyin_syllables()
PINYIN_LONGEST = max(map(len, PINYIN_SYLLABLES))


def palladius(word: str) -> str | None:
    """A Latin word of two pinyin syllables or more in Russian letters («Hengshan» →
    «хэншань», «Xinhua» → «синьхуа»), or None where it does not split into them. Of the
    ways to split it, the one of the longest first syllables («Xian» is «сянь»)."""
    folded = word.lower()

    def split(at: int) -> list[str] | None:
        if at == len(folded):
            return []
        for end in range(min(len(folded), at + PINYIN_LONGEST), at, -1):
            spelt = PINYIN_SYLLABLES.get(folded[at:end])
            if spelt is not None and (rest := split(end)) is not None:
                return [spelt, *rest]
        return None

    syllables = split(0) if folded.isascii() and folded.isalpha() else None
    return "".join(syllables) if syllables and len(syllables) >= 2 else None


def chinese_names_in_russian(name: str) -> str | None:
    """A Latin name with its Chinese words in Russian letters («Hengshan Robotics» →
    «хэншань robotics»), or None where it has none."""
    words = name.split(" ")
    spelt = [palladius(word) or word for word in words]
    if spelt == words:
        return None
    # one syllable beside them is Chinese too («Wang Jianguo» → «ван цзяньго»)
    return " ".join(PINYIN_SYLLABLES.get(word.lower(), word) if spelt[k] == word else spelt[k]
                    for k, word in enumerate(words))


VOWELS = frozenset("аеиоуыэюя")
PLAIN_VOWELS = frozenset("аиоуыэ")


@lru_cache(maxsize=1)
def russian_syllables() -> frozenset[str]:
    """Every syllable of a Chinese name as Palladius spells it in Russian letters."""
    return frozenset(PINYIN_SYLLABLES.values())


def spelt_in_syllables(word: str) -> bool:
    """Whether a word in Russian letters is one or more Chinese syllables as Palladius spells
    them («Хуэй», «Цзюнь», «Шэньчжэнь»; not «Хуэем», «Вэя»)."""
    folded = word.lower().replace("ё", "е")
    syllables = russian_syllables()
    longest = max(map(len, syllables))

    def split(at: int) -> bool:
        # a syllable that opens with a plain vowel follows no vowel («Хуэя» is no «Ху-э-я»);
        # one in «я», «ю», «е» may («Хуаюй»: «y» opens it in pinyin)
        return at == len(folded) or any(
            folded[at:end] in syllables and split(end)
            and not (at > 0 and folded[at] in PLAIN_VOWELS and folded[at - 1] in VOWELS)
            for end in range(min(len(folded), at + longest), at, -1))

    return bool(folded) and folded.isalpha() and split(0)


def fewest_syllables(word: str) -> int | None:
    """The fewest Chinese syllables a word in Russian letters splits into, as
    ``spelt_in_syllables`` reads them («Хэ» 1, «Шуанлю» 2), or None when it is no such word."""
    folded = word.lower().replace("ё", "е")
    syllables = russian_syllables()
    longest = max(map(len, syllables))
    if not folded.isalpha():
        return None

    @cache
    def fewest(at: int) -> int | None:
        if at == len(folded):
            return 0
        counts = [rest + 1 for end in range(min(len(folded), at + longest), at, -1)
                  if folded[at:end] in syllables
                  and not (at > 0 and folded[at] in PLAIN_VOWELS and folded[at - 1] in VOWELS)
                  and (rest := fewest(end)) is not None]
        return min(counts) if counts else None

    return fewest(0)


# a Chinese name word's case endings, each with what its nominative ends in instead («Хуэем»
# → «Хуэй», «Цзюнем» → «Цзюнь», «Ваном» → «Ван», «Вэя» → «Вэй»)
CASE_ENDINGS = (("ем", "й"), ("ем", "ь"), ("ом", ""), ("ю", "й"), ("ю", "ь"), ("я", "й"),
                ("я", "ь"), ("у", ""), ("а", ""))


def name_word_nominative(word: str) -> str | None:
    """The nominative of a Chinese name's word in a case ending («Хуэем» → «Хуэй»), or None
    where the word is no such form (or spells Chinese syllables as it is: «Цзя», «Ся»)."""
    if spelt_in_syllables(word):
        return None
    for ending, instead in CASE_ENDINGS:
        if word.lower().endswith(ending):
            stem = word[: -len(ending)] + instead
            if spelt_in_syllables(stem):
                return stem
    return None


def place_nominative(word: str, case: str | None) -> str | None:
    """The nominative (folded) of a Chinese name of two syllables or more in the case ending
    the tagger reads in it («из Шэньчжэня» → «шэньчжэнь»), or None."""
    folded = word.lower().replace("ё", "е")
    for ending, nominative_end in PLACE_CASE_ENDINGS.get(case or "", ()):
        if not folded.endswith(ending):
            continue
        stem = folded[: -len(ending)] + nominative_end
        if DECLINING_END.search(stem) and len(VOWEL_GROUP.findall(stem)) >= 2 \
                and CHINESE_SYLLABLES.fullmatch(stem):
            return stem
    return None

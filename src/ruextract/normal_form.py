"""Normal forms of mentions: nominative, singular where the text is, capitalised as written.

«Ленинградской области» → «Ленинградская область», «Фудзиты Марико» → «Фудзита Марико»,
«Нанопарка Гатчина» → «Нанопарк Гатчина». Words inside quotes and indeclinable or foreign
words are kept as they are. Inflection is pymorphy3's, guided by the tagger's features.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from . import chinese
from .chinese import CHINESE_SYLLABLE, CHINESE_SYLLABLES, VOWEL_GROUP
from .doc import Token
from .morph import CASES, GENDERS, NUMBERS, UD_CASES, Analyzer, added_noun_forms, parse_feats
from .places import foreign_region_heads, gazetteer
from .rules import default_rules_dir, read_wordlist, word_pairs

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

QUOTES_OPEN, QUOTES_CLOSE = "«", "»"
NOMINAL = {"NOUN", "PROPN"}
AGREEING = {"ADJ", "DET", "NUM", "VERB"}  # VERB: participles («объединённых»)
PARENTHESISED_ABBREVIATION = re.compile(r"\s*\([A-ZА-ЯЁ]{2,10}\)(?=\s|$)")
# Chinese names in the Palladius transcription (Цзянсу, Сяоцзе, Шуцай: chinese.py) and Japanese
# ones in Polivanov's (Синдзи, Марико): written syllable by syllable. Such a word that the
# dictionary does not know, ending as no Russian case form of it would (in a vowel other than
# а/я/ы, or in н/нь/й), does not inflect: a guessed paradigm would cut it («Цзянсу» → «Цзянс»).
ONE_SYLLABLE = re.compile(  # «ким», «чен», «нгуен», «выонг»
    r"[бвгджзйклмнпрстфхцчшщ]{0,3}[аеёиоуыэюя]{1,2}[бвгджзклмнпрстфхцчшщ]{0,2}")
JAPANESE_SYLLABLES = re.compile(r"(?:(?:дз|[кстнхмргдбпцфвйш])?[аиуэоёюя](?:н(?![аиуэоёюя]))?)+")
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
#: a dictionary reading that is a proper noun of any kind
PROPER_GRAMMEMES = NAME_GRAMMEMES | {"Geox", "Orgn", "Trad"}
# a proper name's readings, abbreviations of names among them («КОТРА», «ЕНИСЕЙ»)
PROPER_OR_ABBREVIATION = PROPER_GRAMMEMES | {"Abbr"}
UD_GENDERS = {"Masc": "masc", "Fem": "femn"}
OTHER_GENDER = {"masc": "femn", "femn": "masc"}
# A Russian surname in -ов/-ев/-ин/-ын and its case ending: masculine «-а -у -ым -е»,
# feminine «-ой -у» (the nominative «Петрова» is the feminine, or the masculine genitive).
RUSSIAN_SURNAME = re.compile(r"(.{2,}(?:ов|ев|ёв|ин|ын))(а|у|ым|е|ой|ою)?")
# a surname that is a woman's nominative or a man's genitive («Сомова»), or an adjective's
AMBIGUOUS_SURNAME = re.compile(r".{2,}(?:ова|ева|ёва|ина|ына|ая)")
# a woman's surname in an oblique case («Рахимовой»): never a nominative, whatever the tagger
OBLIQUE_WOMANS_SURNAME = re.compile(r".{2,}(?:ов|ев|ёв|ин|ын)(?:ой|ою)")
ADJECTIVE_SURNAME = re.compile(r".{2,}[сц]к(?:ого|ому|им|ом|ой|ую|ая|ий)")
# case endings a man's surname of a consonant stem takes: the genitive, dative, locative
SURNAME_CASE_ENDINGS = ("а", "у", "е")
# the instrumental endings, which only a consonant stem takes
INSTRUMENTAL_ENDINGS = ("ом", "ем")
# the instrumental of a one-syllable name in «-ай», «-ой», «-уй» («Хаем» of «Хай»; no
# syllable of these names is spelt so in the nominative, unlike «-ием»: «Тхием»)
VOWEL_STEM_INSTRUMENTAL = re.compile(r"^[бвгджзклмнпрстфхцчшщ]{1,3}[аоу]ем$")
# a soft stem's genitive and dative endings after a consonant («Тханя», «Тханю» of «Тхань»)
SOFT_STEM_ENDINGS = ("я", "ю")
ADJECTIVE_ENDINGS = ("ой", "ий", "ый")  # the masculine nominative of an adjective
VOWEL_END = re.compile(r"[аеиоуыэюя]$")
REGION_ADJECTIVE = re.compile(r"[сц]к(?:ий|ой|ая|ого|ому|им|ом|ую|ие|их|ими|ым|ых|ое|ые|ыми)$")
CAPITALS_WITH_ENDING = re.compile(r"([A-ZА-ЯЁ]{3,})(?:а|у|ом|е|ой|ы|ах|ам|ами)")
# capitals after a small letter that end a word: an acronym of mixed case («УрФУ», «РосОЭЗ»),
# which has no case ending to take off (no dictionary guess may make «УрФУ» a «Урфа»); not a
# name with a capital inside and a case ending («МегаФона», «МакКейна»), nor a place («ДеКалб»)
MIXED_CASE_ACRONYM = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]+\b")
# a man's name in «-ай»/«-ей» in the instrumental («Сомчаем», «Чатчаем»)
J_STEM_INSTRUMENTAL = re.compile(r"[ауеоя]ем$")
NAME_INSTRUMENTAL_ENDINGS = ("ой", "ей", "ым", "им", "ом", "ем")  # «Мехтой», «Петровым»
INNER_CAPITAL = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]")  # «ВолгаСофт», «iPhone»
LATIN_COMPOUND = re.compile(r"([A-Za-z0-9]+-|[А-ЯЁ0-9]{2,}-)([а-яё]{3,})")
# a town on a river, «Франкфурт-на-Майне»: the town declines, the river's locative stays
TOWN_ON_RIVER = re.compile(r"([А-ЯЁ][а-яё]+)(-(?:на|над|под)-[А-ЯЁ][\w-]*)")
# a common noun joined to a capitalised name by a hyphen («верфи-Холдинг»): the noun inflects
NOUN_AND_NAME = re.compile(r"([а-яё]{3,})(-[A-ZА-ЯЁ][\w-]*)")
# an ordinal in figures with its case ending («22-м», «5-й»): the dictionary reads some as
# «22 м» (metres), so the nominative's ending is spelt by gender and number
NUMERAL_ORDINAL = re.compile(
    r"(\d{1,4})-(?:й|ой|ий|ый|го|ого|его|му|ому|ему|м|ом|ем|я|ая|ей|ю|ую|е|ое|х|ых|ми|ыми)")
ORDINAL_NOMINATIVE = {"femn": "я", "neut": "е", "plur": "е"}
# a region's informal name made with a prefix (words/region_nickname_prefixes.txt) and «-ье»
# («Приангарье», «Поморье», «Заполярье»), in any case: taggers and dictionaries guess these
# as feminine «-ья»; «-ью» only where the places gazetteer knows the name (not «Познанью»)
REGION_NICKNAME_ENDING = re.compile(r"([а-яё]{4,}ь)(е|я|ю|ем)")
NEUTER_NOMINATIVE = re.compile(r"(?<![ое]г)(?<=[бвгджзклмнпрстфхцчшщ])[оё]$")
DASHES = ("—", "–", "-")
INSTRUMENTAL = re.compile(r"[бвгджзклмнпрстфхцчшщ][оеё]м$")  # «Техпромом»: no nominative
CONSONANT_END = re.compile(r"[бвгджзйклмнпрстфхцчшщ]$")
SIBILANT_END = re.compile(r"[жшчщц]$")
INDECLINABLE_VOWELS = "оиэе"  # a foreign first name ending so keeps it in every case
SIBILANTS_AND_TS = "жшчщц"  # after them an unstressed «-ой» is written «-ей»
INDECLINABLE_ENDINGS = ("е", "и", "у", "ю", "о", "э", "н", "нь", "й")
FINAL_E_SYLLABLES = ("цзе", "се", "це", "ле", "не", "ме", "бе", "пе")  # Chinese -ie syllables
# the endings of a consonant stem's dative, locative and accusative, by the tagger's case
OBLIQUE_ENDINGS = {"Dat": ("у", "ю"), "Loc": ("е",), "Acc": ("у",)}
# a case ending after a consonant that no nominative singular of a name has: the locative's
# «-е» («Ольмбурге»), the genitive's «-ы» («Сан-дель-Миры»)
CONSONANT_STEM_OBLIQUE = {"Loc": re.compile(r"[бвгджзклмнпрстфхцчшщ]е$"),
                          "Gen": re.compile(r"[бвгджзклмнпрстфхцчшщ]ы$")}
MASCULINE_GENITIVE = re.compile(r"[бвгджзклмнпрстфхцчшщ]а$")


# a ministry's short name whose tail is a noun in the genitive of a feminine or «-ие» noun
# («Минцифры», «Минобороны», «Минвостокразвития»): written so in every case, never
# «Минцифра»; a masculine tail declines («Минтруда» → «Минтруд», «Минфина» → «Минфин»)
GENITIVE_TAIL_MINISTRY = re.compile(r"Мин[а-яё]{3,}(?:ия|ы|и)")


def consonant_stem_instrumental(word: str) -> bool:
    """«Акылбеком», «Мигелем»: the instrumental «-ом/-ем» of a man's name after a consonant."""
    folded = word.lower()
    return folded.endswith(INSTRUMENTAL_ENDINGS) and CONSONANT_END.search(folded[:-2]) is not None


def is_indeclinable_foreign(word: str, case: str | None = None) -> bool:
    """A Chinese or Japanese name that Russian does not inflect: «Цзянсу», «Сяоцзе»,
    «Синдзи»; not «Фудзиты» (a case form of «Фудзита»), nor a word in the case ending the
    tagger reads in it (``case``: «Байдену», «Тусоне»). Call for unknown words, or for a
    name whose only dictionary readings are common nouns («Гифу», not «гифа»)."""
    folded = word.lower().replace("ё", "е")
    if not folded.isalpha() or not folded.endswith(INDECLINABLE_ENDINGS):
        return False
    if folded.endswith("е") and not folded.endswith(FINAL_E_SYLLABLES):
        return False  # «Ниигате», «Осаке»: the prepositional of a name in -а
    if _in_its_case_ending(folded, case):
        return False
    return bool(CHINESE_SYLLABLES.fullmatch(folded) or JAPANESE_SYLLABLES.fullmatch(folded))


def _in_its_case_ending(folded: str, case: str | None) -> bool:
    """A word of three syllables or more, not spelt in Japanese syllables, that ends after a
    consonant in the dative, accusative or locative ending the tagger reads in it: «Байдену»,
    «Неруду», «Тусоне»
    are case forms. A Chinese name in one word has one or two syllables («Цзянсу»,
    «Сяоцзе»), whatever case the tagger gives it."""
    endings = OBLIQUE_ENDINGS.get(case or "")
    return endings is not None and folded.endswith(endings) \
        and CONSONANT_END.search(folded[:-1]) is not None \
        and len(VOWEL_GROUP.findall(folded)) >= 3 and not JAPANESE_SYLLABLES.fullmatch(folded)


def match_case(original: str, inflected: str) -> str:
    """Give ``inflected`` the capitalisation of ``original`` (part by part for hyphens)."""
    if original.isupper() and len(original) > 1:
        return inflected.upper()
    parts, originals = inflected.split("-"), original.split("-")
    if len(parts) == len(originals):
        return "-".join(_part_case(o, p) for p, o in zip(parts, originals, strict=True))
    return inflected.capitalize() if original[:1].isupper() else inflected


def _part_case(original: str, inflected: str) -> str:
    """A word's capitalisation: its first letter's, and a capital inside it kept where the
    inflected word still has that letter («ВолгаСофта» → «ВолгаСофт», not «Волгасофт»)."""
    word = inflected.capitalize() if original[:1].isupper() else inflected
    if not INNER_CAPITAL.search(original):
        return word
    return "".join(letter.upper() if i < len(original) and original[i].isupper()
                   and original[i].lower() == letter else letter
                   for i, letter in enumerate(word))


def _quoted_mask(tokens: list[Token]) -> list[bool]:
    depth, mask = 0, []
    for token in tokens:
        if token.text == QUOTES_OPEN:
            mask.append(True)
            depth += 1
        elif token.text == QUOTES_CLOSE:
            mask.append(True)
            depth = max(depth - 1, 0)
        else:
            mask.append(depth > 0)
    return mask


def _head_index(tokens: list[Token], quoted: list[bool]) -> int | None:
    """The phrase's head: the first unquoted noun whose syntactic head lies outside the span."""
    ids = {t.token_id for t in tokens}
    kept = _words("normal_indeclinable_name_words")  # «Милли Меджлиса»: «Милли» stays
    candidates = [i for i, t in enumerate(tokens) if not quoted[i] and t.pos in NOMINAL
                  and not t.text.endswith("-")  # «IT- парка»: the first half of a cut word
                  and t.text.lower() not in kept]
    for i, token in enumerate(tokens):
        if token.text.lower() in kept and token.head_id not in ids:
            # parsed as the root: the noun right after it heads the name
            return next((c for c in candidates if c > i), None)
    for i in candidates:
        if tokens[i].head_id not in ids:
            return i
        if i == 0 and tokens[i].rel == "amod" and tokens[i].head_id > tokens[i].token_id:
            return i  # «Технопарка высоких технологий» parsed as a modifier: a noun is none
    return candidates[0] if candidates else None


def _inflect(analyzer: Analyzer, token: Token, grammemes: Collection[str]) -> str:
    return _inflect_word(analyzer, token.text, token.pos, token.feats, frozenset(grammemes))


@lru_cache(maxsize=100_000)
def _inflect_word(analyzer: Analyzer, text: str, pos: str, feats: str,
                  grammemes: frozenset[str]) -> str:
    """``text`` (as the tagger read it) inflected to ``grammemes``; cached, since the same
    words («области», «департамента») recur in names all through a batch."""
    ordinal = NUMERAL_ORDINAL.fullmatch(text)
    if ordinal and "nomn" in grammemes:  # «22-м заседании» → «22-е заседание»
        ending = next((e for g, e in ORDINAL_NOMINATIVE.items() if g in grammemes), "й")
        return f"{ordinal.group(1)}-{ending}"
    abbreviation = CAPITALS_WITH_ENDING.fullmatch(text)
    if abbreviation:  # «ИННОПРОМа», «ЭКСПОм»: a word in capitals and its case ending
        return abbreviation.group(1)
    latin = LATIN_COMPOUND.fullmatch(text)
    if latin:  # «IT-парке» → «IT-парк»: the Russian part inflects
        nouns = [p for p in analyzer.parse(latin.group(2)) if p.tag.POS == "NOUN"]
        if nouns:  # the tagger has no case for it («Foreign=Yes»): the shortest lemma
            noun = max(nouns, key=lambda p: (-len(p.normal_form), p.score))
            inflected = noun.inflect(set(grammemes)) or noun.inflect({"nomn"})
            if inflected is not None:
                return latin.group(1) + inflected.word
        return text
    if MIXED_CASE_ACRONYM.search(text):
        return text
    added = added_noun_forms().get(text.lower())
    if added is not None and "nomn" in grammemes and "plur" not in grammemes:
        return match_case(text, added)  # «акиматом» → «акимат»: a noun the dictionary lacks
    if (town := TOWN_ON_RIVER.fullmatch(text)) is not None:
        return _inflect_word(analyzer, town.group(1), pos, feats, grammemes) + town.group(2)
    compound = NOUN_AND_NAME.fullmatch(text)
    if compound and analyzer.lexicon.is_word(compound.group(1)):
        return _inflect_word(analyzer, compound.group(1), pos, feats, grammemes) \
            + compound.group(2)
    parse = analyzer.best_parse(text, pos, feats)
    if parse is None or (text.isupper() and len(text) > 1):
        return text
    known = analyzer.lexicon.is_word(text)
    tagged = parse_feats(feats)
    case = tagged.get("Case")
    declined = chinese.place_nominative(text, case) if pos == "PROPN" and not (known and any(
        PROPER_GRAMMEMES & p.tag.grammemes and "Fixd" not in p.tag
        for p in analyzer.parse(text))) else None
    if declined is not None:  # «из Шэньчжэня», «Сычуани»: unless the dictionary declines it
        return match_case(text, declined)
    if "Fixd" in parse.tag and (known or pos != "PROPN" or case in (None, "Nom")):
        return text
    if known and pos == "PROPN" and case == "Nom" and is_indeclinable_foreign(text) and not any(
            PROPER_GRAMMEMES & p.tag.grammemes for p in analyzer.parse(text)):
        return text  # «провинции Гифу»: a foreign name that spells like a common noun's form
    if known and pos == "PROPN" and case == "Gen" and text.lower().endswith(("у", "ю")) \
            and is_indeclinable_foreign(text, case) \
            and not any("gent" in p.tag for p in analyzer.parse(text)):
        return text  # «из Отару»: no reading in the genitive the sentence has (a first name's
        # dative, «Отару» of «Отар»), a foreign name that does not decline (no genitive ends
        # in «-у», «-ю»; «Сурабаи» is one, of «Сурабая»)
    if not known and (("-" not in text and is_indeclinable_foreign(text, case))
                      or (pos in NOMINAL and NEUTER_NOMINATIVE.search(text.lower()))):
        return text  # «Цзянсу»; «Стризнево»: no case form of a noun ends in «-о»
    if pos == "PROPN" and not known:
        if case == "Nom" and not (INSTRUMENTAL.search(text.lower()) and "ablt" in parse.tag):
            # an unknown name the tagger reads as nominative («Джаркханд»), «-ем» too where
            # the dictionary has no instrumental for it («Стретем», no «Стретёма»)
            return text
        if case == "Acc" and tagged.get("Animacy") == "Inan" \
                and CONSONANT_END.search(text.lower()):
            return text  # «визит в Нгеан»: a thing's accusative in a consonant is its nominative
        gender = UD_GENDERS.get(tagged.get("Gender", ""))
        if tagged.get("Number") != "Plur" and _in_consonant_stem_ending(text, case) \
                and not parse.normal_form.endswith("ь") and not (
                    case == "Loc" and gender == "femn" and _guess_is_stem(parse, text)):
            # «в Пиларе», «в Стретеме», «из Сан-дель-Миры»: the ending by the case, not a
            # dictionary guess («Стретёма», the plural «Сан-дель-Мир»; a soft stem's guess
            # stands, «Мартореле» → «Марторель», right as often as not); a town the
            # tagger reads as a man's or thing's loses «-е» («Омахе» → «Омах»: most unknown
            # towns in «-е» end in a consonant), a woman's gets «-а», unless the dictionary
            # guesses the bare stem («на Дваче»: the tagger's gender is the weaker reading)
            return _foreign_name_word(text, case, gender or "masc")
        if "Fixd" in parse.tag or (case == "Loc" and gender == "masc"
                                   and parse.tag.gender != "masc"):
            # the dictionary's guess is an indeclinable or a feminine word, the tagger's a
            # man's or thing's name in a case («в Гринвилле», «в Антибе»): the case's ending
            return _foreign_name_word(text, case, gender)
    if pos == "PROPN" and _feminine_name_misread(analyzer, text, parse, tagged, known):
        return _foreign_name_word(text, case, "femn")
    if "nomn" in parse.tag and all(g in parse.tag for g in grammemes - {"nomn"}):
        return text
    inflected = parse.inflect(set(grammemes)) or parse.inflect({"nomn"})
    if inflected is None:
        return text
    return match_case(text, _closest_form(parse, inflected, text.lower()))


def _in_consonant_stem_ending(text: str, case: str | None) -> bool:
    """An unknown name in the locative «-е» or the genitive «-ы» after a consonant."""
    ending = CONSONANT_STEM_OBLIQUE.get(case or "")
    return ending is not None and ending.search(text.lower()) is not None


def _guess_is_stem(parse: Parse, text: str) -> bool:
    """The dictionary's guess of the word's nominative is its stem without the case ending
    («Дваче» → «двач»)."""
    inflected = parse.inflect({"nomn", "sing"})
    return inflected is not None and inflected.word == text[:-1].lower()


@lru_cache(maxsize=1)
def _place_case_prepositions() -> dict[str, str]:
    """words/place_case_prepositions.txt: «в» → Loc, «из» → Gen."""
    return dict(word_pairs(_words("place_case_prepositions")))


def case_after_preposition(analyzer: Analyzer, token: Token, previous: Token | None) -> Token:
    """A one-word name the tagger reads as a nominative, unknown to the dictionary and
    ending in a case's ending after a consonant, in the case the word before it gives: a
    preposition's («в Ольмбурге», «из Сан-дель-Миры»), an adjective's it agrees with («в
    ольховском Ольмбурге», «из южной Кальмеры»), a locative noun's it stands in apposition
    to («в городе Ольмбурге»; no genitive noun's: «города Фоксаны» may be a nominative), the
    genitive after a person's noun whose place it is («Мэр Драсены», «мэра Виссамбура»).
    The tagger's case of such a name changes with the sentence around it. Any other token
    as it is."""
    tagged = parse_feats(token.feats)
    if previous is None or token.pos != "PROPN" or tagged.get("Case") != "Nom" \
            or analyzer.lexicon.is_word(token.text):
        return token
    case = _place_case_prepositions().get(previous.text.lower())
    before = parse_feats(previous.feats).get("Case")
    if case is None and previous.pos in ("ADJ", "NOUN") and previous.text[:1].islower() \
            and (before == "Loc" or (before == "Gen" and previous.pos == "ADJ")):
        case = before
    of_person = case is None and previous.pos == "NOUN" and "Animacy=Anim" in previous.feats \
        and previous.text[1:].islower()
    if of_person:
        case = "Gen"
    # (after a person's noun a masculine genitive too: «обер-бургомистр Айзенаха»)
    if case is None or not (_in_consonant_stem_ending(token.text, case)
                            or (of_person and MASCULINE_GENITIVE.search(token.text.lower()))):
        return token
    return replace(token, feats=token.feats.replace("Case=Nom", f"Case={case}"))


def _feminine_name_misread(analyzer: Analyzer, text: str, parse: Parse,
                           tagged: dict[str, str], known: bool) -> bool:
    """A name the tagger reads as a feminine singular in an oblique case where the
    dictionary's reading is no feminine singular («из Кедроты» guessed as the plural of
    «кедрот»; «в Ольхории» read as the common noun «ольхорий»): the name is feminine, not
    the dictionary's word (a proper reading of the dictionary's stands; a guess that is a
    singular in the case, «Ольхопарка», is the name though the tagger's gender is not)."""
    case = CASES.get(tagged.get("Case") or "Nom", "nomn")
    if tagged.get("Gender") != "Fem" or tagged.get("Number") != "Sing" or case == "nomn" \
            or ("femn" in parse.tag and "sing" in parse.tag):
        return False
    if not known:
        return "sing" not in parse.tag or case not in parse.tag
    return not any(PROPER_GRAMMEMES & p.tag.grammemes for p in analyzer.parse(text))


def _closest_form(parse: Parse, inflected: Parse, text: str) -> str:
    """Of the lexeme's forms with the inflected tag, the one sharing the longest start with
    the word: «Высшей школы» → «Высшая», not «Высочайшая» (two superlatives of «высокий»)."""
    forms = [f.word for f in parse.lexeme if f.tag == inflected.tag] or [inflected.word]
    return max(forms, key=lambda word: (_shared_start(word, text), word == inflected.word))


def _shared_start(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)))


def _korean_name(tokens: list[Token]) -> str | None:
    """«Ким Чен Ыну», «Ким Ир Сена», «Чан Куок Выонгом»: a Korean or Vietnamese name of three
    one-syllable words, of which only the last takes a case ending (a masculine one, after a
    consonant); the name in the nominative, or None where the words are not such a name."""
    words = [t.text for t in tokens]
    if len(words) != 3 or not all(w[:1].isupper() for w in words) \
            or not all(ONE_SYLLABLE.fullmatch(w.lower()) for w in words[:2]):
        return None
    last = words[2]
    if VOWEL_STEM_INSTRUMENTAL.search(last.lower()):
        return " ".join([*words[:2], last[:-2] + "й"])  # «Нгуен Ван Хаем» → «Хай»
    if ONE_SYLLABLE.fullmatch(last.lower()):
        return " ".join(words)
    for ending in INSTRUMENTAL_ENDINGS + SURNAME_CASE_ENDINGS + SOFT_STEM_ENDINGS:
        stem = last[:-len(ending)]
        if last.lower().endswith(ending) and ONE_SYLLABLE.fullmatch(stem.lower()) \
                and CONSONANT_END.search(stem.lower()):
            if ending in ("ем", *SOFT_STEM_ENDINGS) and not SIBILANT_END.search(stem.lower()):
                stem += "ь"  # after a hard consonant these are a soft stem's: «Тханем» → «Тхань»
            return " ".join([*words[:2], stem])
    return None


def _chinese_name(tokens: list[Token]) -> str | None:
    """«Чжан Хуэем», «Ли Вэя»: a Chinese surname of one syllable and a given name in a case
    ending (whatever case the tagger reads: no Chinese syllable ends so); the name in the
    nominative, or None where the words are not such a name."""
    words = [t.text for t in tokens]
    if len(words) != 2 or not all(w[:1].isupper() for w in words) \
            or words[0].lower() not in chinese.russian_syllables():
        return None
    given = chinese.name_word_nominative(words[1])
    return f"{words[0]} {given}" if given is not None else None


def initials_surname_case(tokens: Sequence[Token], before: Sequence[Token],
                          after: Token | None) -> str | None:
    """The case of initials and a surname in «-ова/-ева/-ина/-ая», which spells a woman's
    nominative and a man's genitive alike, by the words around it: "Nom" (a woman's) at
    the start of a clause, after or before a feminine past verb, in apposition to a title
    in the nominative («заместитель министра О.В. Кедрова»); "Gen" (a man's) after a noun
    that governs it («письмо И. Сомова»); None where the words say neither. The initials may
    follow the surname, as lists write them («Кедрова О. В.»)."""
    words = [t for t in tokens if t.pos != "PUNCT"]

    def initials(run: Sequence[Token]) -> bool:
        return all(len(t.text) == 1 and t.text.isupper() for t in run)

    surname = words[-1] if len(words) >= 2 and initials(words[:-1]) else \
        words[0] if len(words) >= 2 and initials(words[1:]) else None
    if surname is None or not AMBIGUOUS_SURNAME.fullmatch(surname.text.lower()):
        return None
    if after is not None and _feminine_past(after):
        return "Nom"
    run: list[Token] = []  # the noun phrase right before it, «лесов и рек» coordinated
    for token in reversed(before):
        if token.pos not in NOMINAL | {"ADJ"} and not (run and token.text == "и"):
            break
        run.append(token)
    while run and run[-1].text == "и":
        run.pop()
    if not run:
        previous = before[-1] if before else None
        if previous is None or previous.pos in ("PUNCT", "CCONJ") or _feminine_past(previous):
            return "Nom"
        return None
    titles = [t for t in run if t.pos == "NOUN" and "Animacy=Anim" in t.feats]
    if titles and parse_feats(titles[-1].feats).get("Case") == "Nom":
        return "Nom"
    return "Gen"


def feminine_subject_case(tokens: Sequence[Token], verb: Token | None) -> str | None:
    """"Nom" for a name in «-а … -ова/-ева/-ина» that is the subject of a feminine past verb
    («Делегацию встретила Дилноза Каримова»): a woman's nominative, whatever case and gender
    the tagger read in a first name it does not know (not «Дилноз Каримов»'s genitive)."""
    words = [t for t in tokens if t.pos != "PUNCT"]
    if verb is None or not _feminine_past(verb) or not words \
            or not AMBIGUOUS_SURNAME.fullmatch(words[-1].text.lower()) \
            or not all(w.text.lower().endswith(("а", "я")) for w in words):
        return None
    return "Nom"


def feminine_name_case(analyzer: Analyzer, tokens: Sequence[Token],
                       title: Token | None) -> str | None:
    """"Nom" for a first name and a surname in «-ова/-ева/-ина» that only a woman's
    nominative spells: a first name ending in a consonant before it («Жанар Абдрахманова»: a
    man's genitive would be «Жанара»), or a first name in «-а/-я» the dictionary does not
    know (no man's genitive, as «Вячеслава») in apposition to a title in the nominative
    («директор парка Дилноза Каримова»)."""
    words = [t for t in tokens if t.pos != "PUNCT"]
    if len(words) != 2 or not AMBIGUOUS_SURNAME.fullmatch(words[-1].text.lower()) \
            or not words[0].text[:1].isupper() or not words[0].text.isalpha():
        return None
    first = words[0].text.lower()
    if len(first) < 3 or _chinese_syllable(first):
        return None  # initials, a Chinese given name («Дэн Сяопина»)
    if first[-1] not in "аеёиоуыэюяйь":
        return "Nom"
    tagged = parse_feats(title.feats) if title is not None else {}
    if first.endswith(("а", "я")) and title is not None and title.pos == "NOUN" \
            and not _dictionary_parses(analyzer, words[0].text) \
            and tagged.get("Animacy") == "Anim" and tagged.get("Case") == "Nom" \
            and tagged.get("Number") == "Sing":
        return "Nom"
    return None


def lone_surname_case(tokens: Sequence[Token], previous: Token | None,
                      following: Sequence[Token]) -> str | None:
    """"Nom" for a surname alone in «-ова/-ева/-ина» (a woman's nominative, or a man's
    genitive or accusative: «Петрова назначили») opening a clause where a feminine word
    agrees with it right after: a past verb («Кедрова отметила»), or a participle after a
    comma («Кедрова, курирующая парки, …»); None where nothing says so (nor after a noun
    that governs it: «Дочь Ольхова возглавила»)."""
    words = [t for t in tokens if t.pos != "PUNCT"]
    if len(words) != 1 or not AMBIGUOUS_SURNAME.fullmatch(words[0].text.lower()) or (
            previous is not None and previous.pos not in ("PUNCT", "CCONJ")):
        return None
    for token in following[:2]:
        tagged = parse_feats(token.feats)
        if _feminine_past(token) or (tagged.get("VerbForm") == "Part" and tagged.get("Gender")
                                     == "Fem" and tagged.get("Case") == "Nom"):
            return "Nom"
        if token.text != ",":
            break
    return None


def _feminine_past(token: Token) -> bool:
    tagged = parse_feats(token.feats)
    return token.pos in ("VERB", "AUX") and tagged.get("Gender") == "Fem" \
        and tagged.get("Tense") == "Past"


def _person_normal(analyzer: Analyzer, tokens: list[Token],
                   context_case: str | None = None) -> str:
    """A person's name in the nominative, word by word: dictionary names by their paradigm,
    Russian surnames by their suffix, other (foreign) words by what their ending can be;
    ``context_case`` is the case the words around initials and a surname give it."""
    tokens = _without_asides(tokens)
    korean = _korean_name(tokens) or _chinese_name(tokens)
    if korean is not None:
        return korean
    words = [t.text for t in tokens]
    articles = _words("normal_name_articles")
    particles = articles | _words("normal_name_particles")
    name = [i for i, t in enumerate(tokens)
            if (t.pos in NOMINAL or t.pos == "ADJ") and len(t.text.strip(".")) > 1
            and t.text.lower() not in particles]  # «бен», «Аль»: as written
    # a family name after the Arabic article («Аль Тани») is no dictionary first name («Таня»)
    # and tells neither the name's case nor its gender; nor does a father's name after «бинт»,
    # which a woman's name leaves as it is («Мозы бинт Нассер»)
    family = {i for i in name if i > 0 and tokens[i - 1].text.lower() in articles}
    fathers = {i for i in name if i > 0 and tokens[i - 1].text.lower() == "бинт"}
    voters = [tokens[i] for i in name if i not in family | fathers] \
        or [tokens[i] for i in name]
    case = _name_case(analyzer, voters)
    gender = _name_gender_of(analyzer, voters)
    if context_case is not None:
        case, gender = context_case, "femn" if context_case == "Nom" else "masc"
    elif len(name) > 1 and _woman_by_her_surname(analyzer, tokens[name[0]].text,
                                                 tokens[name[-1]].text):
        # the first name's reading as a woman's decides its case: the tagger reads the
        # case and gender off the first name, which may be a man's name's form too
        case, gender = None, "femn"
    if len(name) > 1 and context_case is None \
            and _womans_first_name_in_case(analyzer, tokens[name[0]].text, case):
        gender = "femn"
    # a declinable dictionary first name in the nominative opening the name shows the case
    # (not a word inside a Vietnamese name, left undeclined: «Чан Минь Дыком»): the
    # surname's «-ем», «-ом» is then its own («Мустафа Эрдем», «Мурат Эрдем», not «Эрд»)
    nominative = case == "Nom" and len(name) > 1 and any(
        "nomn" in p.tag and "Fixd" not in p.tag
        for p in _dictionary_name_parses(analyzer, tokens[name[0]].text))
    for i in name:
        if i in family:  # declined with the name whatever its letters spell («Нахайяну»)
            words[i] = _foreign_name_word(tokens[i].text, case, gender, agreeing=True)
            continue
        words[i] = _name_word(analyzer, tokens[i], case, gender,
                              surname=len(name) > 1 and i == name[-1],
                              before_surname=len(name) > 1 and i != name[-1],
                              nominative_shown=nominative)
    if name and words[name[-1]] != tokens[name[-1]].text and words[name[-1]].endswith("вц"):
        # «Ивана Ольховца» → «Ольховец»: the «е» a surname in «-вец» loses when it declines
        words[name[-1]] = words[name[-1]][:-1] + "ец"
    if len(name) > 1 and case not in (None, "Nom") and words[name[-1]] != tokens[name[-1]].text:
        # the surname shows the case: the foreign words before it agree with it, though
        # their letters could spell an indeclinable name («Деяну Станковичу» → «Деян»)
        for i in name[:-1]:
            if words[i] == tokens[i].text and _declinable_first_name(analyzer, tokens[i].text):
                words[i] = _foreign_name_word(tokens[i].text, case, gender, agreeing=True)
    if len(name) == 2:
        words[name[-1]] = _japanese_surname(analyzer, tokens[name[0]].text,
                                            tokens[name[-1]].text, words[name[-1]])
    return _join(tokens, words)


def _japanese_surname(analyzer: Analyzer, first: str, surname: str, normal: str) -> str:
    """A Japanese surname in «-а» declines as a feminine noun, whoever bears it («Кэндзи
    Ёсида», «Ёсиде», «Ёсидой»): where a given name and a surname spelt in Japanese syllables
    were read as a man's consonant stem («Ёсид», which no Japanese word ends in), the
    nominative is the stem with «-а»; so for one kept in the dative's «-е», which Polivanov's
    spelling does not end a word in; ``normal`` as it was otherwise."""
    folded, guessed = surname.lower().replace("е", "э"), normal.lower()
    if JAPANESE_SYLLABLES.fullmatch(guessed) \
            or not (CONSONANT_END.search(guessed) or guessed.endswith("е")) \
            or _dictionary_name_parses(analyzer, first) or not first[:1].isupper() \
            or not JAPANESE_SYLLABLES.fullmatch(first.lower()):
        return normal
    for ending in ("ой", "ою", "ы", "э", "у", "а"):
        stem = folded[:-len(ending)]
        if folded.endswith(ending) and JAPANESE_SYLLABLES.fullmatch(stem + "а"):
            return surname[:len(stem)] + "а"
    return normal


def _womans_first_name_in_case(analyzer: Analyzer, first: str, case: str | None) -> bool:
    """A first name the dictionary does not know in an ending only a woman's name in «-ия»
    has in that case: «Франсии» (genitive, dative), «Франсией» (instrumental); a man's
    «-ий» makes «-ия», «-ию», «-ием» there."""
    folded = first.lower()
    if _dictionary_name_parses(analyzer, first) or not first[:1].isupper():
        return False
    return (case in ("Gen", "Dat") and folded.endswith("ии")) \
        or (case == "Ins" and folded.endswith("ией"))


def _declinable_first_name(analyzer: Analyzer, word: str) -> bool:
    """A word before a surname that may take the surname's case ending: capitalised, not
    a dictionary name, not a one-syllable Chinese, Korean or Vietnamese word («Си», «Пак»)."""
    return word[:1].isupper() and word.isalpha() and not word.isupper() \
        and not _dictionary_name_parses(analyzer, word) \
        and ONE_SYLLABLE.fullmatch(word.lower()) is None


def _woman_by_her_surname(analyzer: Analyzer, first: str, surname: str) -> bool:
    """«Александру Кедман», «Грету Ольсберг»: a foreign surname ending in a consonant (not
    the «-й» of «-ой», «-ей»: «Оксаной Шкилой» is in its case) written without a case ending
    after a first name in a case only a woman's name has there is a woman's (a man's such
    surname declines: «Александру Кедману»)."""
    if not CONSONANT_END.search(surname.lower()) or surname.lower().endswith("й") \
            or RUSSIAN_SURNAME.fullmatch(surname) \
            or surname.lower().endswith(INSTRUMENTAL_ENDINGS) or surname.isupper():
        return False
    readings = _dictionary_name_parses(analyzer, first)
    return any(p.tag.gender == "femn" and "nomn" not in p.tag for p in readings) \
        and not any("nomn" in p.tag for p in readings)


def _without_asides(tokens: list[Token]) -> list[Token]:
    """A name's words without an aside in brackets («Арсен (Арсений) Кедров» → «Арсен
    Кедров»: the name as it is written elsewhere)."""
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        depth += token.text == "("
        if depth == 0:
            kept.append(token)
        depth -= token.text == ")" and depth > 0
    return kept or tokens


def _dictionary_parses(analyzer: Analyzer, word: str) -> list:
    """The dictionary's readings of ``word``; none for a word it does not know (pymorphy3
    would guess)."""
    return analyzer.parse(word) if analyzer.lexicon.is_word(word) else []


def _dictionary_name_parses(analyzer: Analyzer, word: str) -> list:
    return [p for p in _dictionary_parses(analyzer, word)
            if NAME_GRAMMEMES & p.tag.grammemes and "sing" in p.tag]


def _name_case(analyzer: Analyzer, tokens: list[Token]) -> str | None:
    """The case of a name: the tagger's, word by word, by majority (a declinable dictionary
    name counts twice; a tie is the nominative): the words of a name agree in case."""
    if len(tokens) > 1 and _instrumental_name(analyzer, tokens[0].text, tokens[-1].text):
        return "Ins"  # «Арджуном Мехтой», whatever the tagger reads there
    votes: Counter[str] = Counter()
    for token in tokens:
        case = parse_feats(token.feats).get("Case")
        if case is None or (len(tokens) > 1 and token is not tokens[-1]
                            and _shows_no_case(analyzer, token.text)):
            continue  # «Дэн Сяопина», «Арно Деплешена»: the word shows no case
        if case == "Nom" and OBLIQUE_WOMANS_SURNAME.fullmatch(token.text.lower()):
            continue  # «Дилнозой Рахимовой» with «Рахимовой» read as a nominative
        known = any(CASES.get(case) in p.tag and "Fixd" not in p.tag  # «Харуки»: any case
                    for p in _dictionary_name_parses(analyzer, token.text))
        votes[case] += 2 if known else 1
    if not votes:
        return None
    return max(votes, key=lambda c: (votes[c], c == "Nom"))


def _instrumental_name(analyzer: Analyzer, first: str, last: str) -> bool:
    """A first name in a man's instrumental «-ом/-ем» that is no nominative of the dictionary
    («Арджуном», not «Артем»), and a last word in an instrumental ending that is no
    dictionary name's nominative («Мехтой», not «Толстой»): both words show the case."""
    return (consonant_stem_instrumental(first) or J_STEM_INSTRUMENTAL.search(first.lower())) \
        and len(first) >= 5 and last.lower().endswith(NAME_INSTRUMENTAL_ENDINGS) \
        and not any("nomn" in p.tag for p in _dictionary_name_parses(analyzer, first)) \
        and not any("nomn" in p.tag for p in _dictionary_name_parses(analyzer, last))
    # (not «Ислом Толстой»: a surname of the dictionary in the nominative)


def _shows_no_case(analyzer: Analyzer, word: str) -> bool:
    """A first word of a name that looks the same in every case: a Chinese syllable («Дэн»,
    «Си»), or a foreign first name ending in a vowel no declension ends a name in («Арно»,
    «Арье»), which the dictionary does not decline."""
    if _chinese_syllable(word):
        return True
    folded = word.lower()
    return folded[-1:] in INDECLINABLE_VOWELS and not any(
        "Fixd" not in p.tag for p in _dictionary_name_parses(analyzer, word))


def _chinese_syllable(word: str) -> bool:
    """One syllable a Chinese name is written with («Дэн», «Си», «Ван»; not «Лея», «Кая»)."""
    return CHINESE_SYLLABLE.fullmatch(word.lower()) is not None


def _name_gender_of(analyzer: Analyzer, tokens: list[Token]) -> str | None:
    """A name's gender: a first name or patronymic the dictionary knows, else what the
    tagger reads from the sentence (it sees the verb and the adjectives that agree)."""
    for grammeme in ("Name", "Patr"):
        for token in tokens:
            for parse in _dictionary_name_parses(analyzer, token.text):
                if grammeme in parse.tag and parse.tag.gender in ("masc", "femn"):
                    return parse.tag.gender
    genders = Counter(UD_GENDERS.get(parse_feats(t.feats).get("Gender", "")) for t in tokens)
    genders.pop(None, None)
    return genders.most_common(1)[0][0] if genders else None


def _name_word(analyzer: Analyzer, token: Token, case: str | None, gender: str | None,
               surname: bool = False, before_surname: bool = False,
               nominative_shown: bool = False) -> str:
    text = token.text
    grammeme = CASES.get(case or "Nom", "nomn")
    parses = _dictionary_name_parses(analyzer, text)
    if surname and gender is not None:  # a first name of the other gender is no reading of
        # a surname («Фатиха Акина»: not «Акина»); the first name itself may show the gender
        parses = [p for p in parses if p.tag.gender != OTHER_GENDER[gender]]
    if surname and case not in (None, "Nom") and not any(grammeme in p.tag for p in parses):
        parses = []  # «Жан-Клода Трише»: «Трише» is no genitive of the name «Триша»
    if parses:
        adjectival = _adjectival_surname(analyzer, text)

        def fit(parse) -> tuple[bool, bool, bool, bool, float]:
            # a declinable reading before an indeclinable one of the same case: «Анне» in
            # the dative is «Анна»'s, not the foreign «Анне»'s
            return (grammeme in parse.tag, gender is None or parse.tag.gender == gender,
                    "Fixd" not in parse.tag,
                    adjectival and parse.normal_form.endswith(ADJECTIVE_ENDINGS), parse.score)
        parse = max(parses, key=fit)
        if "nomn" in parse.tag or (case == "Nom" and "ablt" not in parse.tag):
            return text  # read as nominative: «Кая» is a name of its own, not «Кай»'s genitive
        inflected = parse.inflect({"nomn", "sing"})
        return match_case(text, inflected.word) if inflected else text
    russian = RUSSIAN_SURNAME.fullmatch(text)
    if russian:
        stem, ending = russian.groups()
        if ending in ("ой", "ою"):  # only the feminine has it
            return stem + "а"
        if ending in ("ым", "е") or (ending == "а" and case not in (None, "Nom")
                                     and gender != "femn"):
            return stem  # «Лесниковым», «о Лесникове»; «Лесникова» read as genitive (a
            # woman's «Лесникова» is her nominative: her genitive is «Лесниковой»)
        if ending == "у":  # the masculine dative or the feminine accusative
            return stem + "а" if gender == "femn" else stem
        return text
    if case not in (None, "Nom") and (ADJECTIVE_SURNAME.fullmatch(text.lower()) or (
            surname and analyzer.lexicon.is_word(text))):
        # a surname declined as an adjective («Соколинским», «Орешниковской»), or one that is
        # an adjective of the language («Поперечного», «Белому»): its nominative of the
        # name's gender
        adjectives = [p for p in analyzer.parse(text) if p.tag.POS == "ADJF"
                      and grammeme in p.tag and "sing" in p.tag and "Poss" not in p.tag]
        if adjectives:
            inflected = adjectives[0].inflect({"nomn", "sing"} | ({gender} - {None}))
            return match_case(text, inflected.word) if inflected else text
    if analyzer.lexicon.is_word(text) and case not in (None, "Nom"):
        # a common noun as a name («Мороза», «Орлом»): its own paradigm
        nouns = [p for p in analyzer.parse(text) if p.tag.POS == "NOUN" and grammeme in p.tag
                 and "sing" in p.tag and "Fixd" not in p.tag]
        if nouns:
            inflected = nouns[0].inflect({"nomn", "sing"})
            return match_case(text, inflected.word) if inflected else text
    return _foreign_name_word(text, case, gender, before_surname=before_surname,
                              nominative_shown=nominative_shown)


def _adjectival_surname(analyzer: Analyzer, text: str) -> bool:
    """A surname that is also a plain adjective of the same form («Ольховой», «Ольхового»
    of «ольховой»): of two surnames the dictionary reads in it («Ольхова» and «Ольховая»),
    the one declined as that adjective."""
    return any(p.tag.POS == "ADJF" and "Poss" not in p.tag
               and p.normal_form.endswith(ADJECTIVE_ENDINGS) for p in analyzer.parse(text))


def _foreign_name_word(text: str, case: str | None, gender: str | None,
                       agreeing: bool = False, before_surname: bool = False,
                       nominative_shown: bool = False) -> str:
    """A name the dictionary does not know as one, to the nominative by its ending alone:
    only endings that no nominative has are taken off («Нгуеном», «Ненадом», «Янгом» → the
    instrumental of a masculine name), the rest by the case the sentence gives it.
    ``agreeing``: a first name before a surname that shows that case, read in it though
    its letters could spell an indeclinable Chinese or Japanese name; ``before_surname``:
    a first name, whose accusative «-у» is read as a name's in «-а» only where the surname
    shows the case too («Фетхуллу Гюлена», not «Такеру Кобаяши»); ``nominative_shown``: a
    dictionary name beside it is in the nominative, so no ending is the instrumental's."""
    parts = text.split("-")
    if len(parts) > 1 and all(part[:1].isupper() for part in parts):
        # «Диас-Канеля», «Переса-Оливы»: each part of a double surname declines
        return "-".join(_foreign_name_word(part, case, gender, agreeing) for part in parts)
    folded = text.lower()
    if len(text) < 3 or not text[:1].isupper() \
            or (not agreeing and is_indeclinable_foreign(text, case)):
        return text
    if consonant_stem_instrumental(folded) and len(text) >= 4 \
            and not ((before_surname or nominative_shown) and case == "Nom"):
        # (a first name before a surname the name's nominative agrees with is itself one:
        # «Ислом Каримов», «Бахром Рахимов»; «Арджуном Мехтой» reads as the instrumental)
        stem = text[:-2]
        if folded.endswith("ем") and (CHINESE_SYLLABLES.fullmatch(stem.lower() + "ь") or (
                case != "Nom" and not SIBILANT_END.search(stem.lower()))):
            # after a hard consonant the instrumental is «-ом»: «-ем» is a soft stem's
            # («Мигелем» → «Мигель»), but «Иванишевичем» → «Иванишевич»
            return stem + "ь"
        return stem
    if (case == "Ins" or (case == "Gen" and gender == "masc")) and folded.endswith("ой") \
            and CONSONANT_END.search(folded[:-2]):
        return text[:-2] + "а"  # «Шульгой» → «Шульга», «Варма» too: a man's name in -а (a
        # man's genitive never ends so: the tagger misread the instrumental, «Ямадой»)
    if case == "Ins" and folded.endswith("ей") and len(folded) > 3 \
            and folded[-3] in SIBILANTS_AND_TS:
        return text[:-2] + "а"  # «Ивицей» → «Ивица»: after «ц», «ш», «ж», «ч», «щ» a
        # name in «-а» makes «-ей» (a consonant stem's is «-ем»: «Дракичем»)
    if case == "Ins" and folded.endswith("ей") and VOWEL_END.search(folded[:-2]):
        return text[:-2] + "я"  # «Франсией», «Каракаей» → «Франсия», «Каракая»: a name in
        # «-я» after a vowel; a man's «-ий», «-ай» makes «-ием», «-аем» there
    if case == "Ins" and folded.endswith("ем") and VOWEL_END.search(folded[:-2]):
        return text[:-2] + "й"  # «Санджаем» → «Санджай»
    if gender == "femn" and case in ("Gen", "Dat", "Loc") and folded.endswith("ии"):
        return text[:-1] + "я"  # «Кедории» → «Кедория»
    stem = text[:-1]
    if gender == "masc" and VOWEL_END.search(stem.lower()) and (case, folded[-1]) in {
            ("Gen", "я"), ("Acc", "я"), ("Dat", "ю")}:
        return stem + "й"  # «Макея» → «Макей»
    if not CONSONANT_END.search(stem.lower()):
        return text
    if gender == "masc" and (case, folded[-1]) in {("Gen", "а"), ("Acc", "а"), ("Dat", "у"),
                                                 ("Loc", "е")}:
        return stem
    if gender == "masc" and (case, folded[-1]) == ("Acc", "у") and not folded.endswith("ичу") \
            and (agreeing or not before_surname):
        return stem + "а"  # a consonant stem's accusative is «-а»: «Неруду» → «Неруда»
    if gender == "masc" and (case, folded[-1]) in {("Gen", "я"), ("Acc", "я"), ("Dat", "ю")}:
        return stem + "ь"  # «Мигеля», «Мигелю» → «Мигель», «Линя» → «Линь»
    if gender == "masc" and (case, folded[-1]) == ("Gen", "ы"):
        return stem + "а"  # a man's name in -а declines as a woman's: «Оливы» → «Олива»
    if gender == "femn" and (case, folded[-1]) in {("Gen", "ы"), ("Acc", "у"), ("Dat", "е"),
                                                 ("Loc", "е")}:
        return stem + "а"
    return text


def _region_nickname(word: str) -> str | None:
    """«Приангарья» → «Приангарье»: a region's informal name of a nickname prefix and «-ье»
    in its nominative; None for any other word."""
    found = REGION_NICKNAME_ENDING.fullmatch(word.lower())
    if found is None or not found.group(1).startswith(tuple(_words("region_nickname_prefixes"))):
        return None
    nominative = match_case(word, found.group(1) + "е")
    if found.group(2) == "ю":  # «Приангарью», not the instrumental «Познанью» of «Познань»
        return nominative if gazetteer().lookup(nominative) is not None else None
    return nominative


@lru_cache(maxsize=32)
def _words(name: str) -> frozenset[str]:
    """The word list ``words/NAME.txt`` of the default rules."""
    return frozenset(read_wordlist(default_rules_dir() / "words" / f"{name}.txt"))


def region_heads() -> frozenset[str]:
    """words/normal_region_heads.txt: «область», «край», «район»…"""
    return _words("normal_region_heads")


def shared_region_head(tokens: Sequence[Token], following: Sequence[Token]) -> str | None:
    """The region head that a bare adjective shares with the adjectives coordinated after
    it, with the lower-case words it has: «Павлодарской, Омской и Оренбургской областей» →
    «область» for each, «Уральского и Приволжского федеральных округов» → «федеральный
    округ», past «других», «соседних» (words/other_adjectives.txt: «Вольского и других
    районов» → «район»). The head's words as lemmas."""
    if not tokens or not all(_adjective_like(t) or t.pos == "PUNCT" for t in tokens) \
            or tokens[-1].pos == "PUNCT":
        return None
    modifiers: list[str] = []
    coordinated = False  # (not «в городе Берёзовский Свердловской области»: no list)
    for token in following:
        if token.pos == "ADJ" and token.text.islower() and not _adjective_like(token):
            if token.lemma not in _words("other_adjectives"):
                modifiers.append(token.lemma)  # «федеральных», «муниципальных»
            continue
        if _adjective_like(token) or token.pos in ("PUNCT", "CCONJ"):
            coordinated = coordinated or token.pos in ("PUNCT", "CCONJ")
            modifiers = []
            continue
        if token.pos == "NOUN" and token.lemma in region_heads() and coordinated:
            return " ".join([*modifiers, token.lemma])
        return None
    return None


def shared_org_head(tokens: Sequence[Token], following: Sequence[Token],
                    heads: set[str] | frozenset[str]) -> str | None:
    """The head noun that a bare adjectival organisation name shares with the name
    coordinated after it: «Ольховского политехнического и … государственного университетов»
    → «университет»."""
    if not tokens or not all(t.pos == "ADJ" for t in tokens) or \
            not tokens[0].text[:1].isupper():
        return None
    conjunction = False
    for token in following:
        if token.pos == "ADJ" or (token.pos == "PUNCT" and token.text == ","):
            continue
        if token.pos == "CCONJ":
            conjunction = True
            continue
        plural = "Number=Plur" in token.feats
        return token.lemma if conjunction and plural and token.pos == "NOUN" and \
            token.lemma in heads else None
    return None


def _adjective_like(token: Token) -> bool:
    """An adjective, or a region adjective the tagger took for a name («Сырдарьинский»)."""
    return token.pos in ("ADJ", "PROPN") and bool(REGION_ADJECTIVE.search(token.text.lower()))


def _modifiers_read_as_names(analyzer: Analyzer, tokens: list[Token],
                             quoted: list[bool], names_only: bool = False) -> list[Token]:
    """«Объединённых Арабских Эмиратов», «Соединённых Штатов Америки»: the first words of a
    place name that the tagger read as names but the dictionary reads as adjectives or
    participles in the case and number of the noun they lead to are that noun's modifiers
    (``names_only``: only words read as proper names, not «Сборной России»'s noun)."""
    if any(quoted):
        return tokens
    mended = list(tokens)
    for i, token in enumerate(tokens[:-1]):
        following = next((t for t in tokens[i + 1:] if t.pos in NOMINAL), None)
        if token.pos in AGREEING:
            continue
        if token.pos not in NOMINAL or following is None or (names_only and token.pos != "PROPN"):
            break
        feats = parse_feats(following.feats)
        case, number = CASES.get(feats.get("Case", "")), NUMBERS.get(feats.get("Number", ""))
        if case is None or number is None or not any(
                p.tag.POS in ("ADJF", "PRTF") and case in p.tag and number in p.tag
                for p in analyzer.parse(token.text)):
            agreed = _agreed_by_dictionary(analyzer, token.text, following.text)
            if agreed is None:
                break
            feats = {"Case": agreed[0], "Number": agreed[1]}
        mended[i] = replace(token, pos="ADJ", head_id=following.token_id, rel="amod",
                            feats=f"Case={feats['Case']}|Number={feats['Number']}")
    return mended


def _agreed_by_dictionary(analyzer: Analyzer, word: str, noun: str) -> tuple[str, str] | None:
    """The (UD case, number) in which the dictionary reads ``word`` as an adjective agreeing
    with ``noun``, a dictionary noun, where the tagger misread the noun's case («Дорнодского
    аймака» tagged nominative); None where no one reading agrees."""
    if not analyzer.lexicon.is_word(noun):
        return None
    nouns = [p for p in analyzer.parse(noun) if p.tag.POS == "NOUN"]
    for p in analyzer.parse(word):
        if p.tag.POS not in ("ADJF", "PRTF"):
            continue
        for n in nouns:
            if p.tag.case == n.tag.case and p.tag.number == n.tag.number \
                    and (p.tag.number == "plur" or p.tag.gender == n.tag.gender):
                case = UD_CASES.get(p.tag.case)
                if case is not None:
                    return case, "Plur" if p.tag.number == "plur" else "Sing"
    return None


def normal_form(analyzer: Analyzer, text: str, tokens: list[Token], mention_type: str,
                mode: str = "phrase", shared_head: str | None = None,
                context_case: str | None = None) -> str:
    """Normal form of the mention ``text`` whose tokens are ``tokens``; ``shared_head`` is
    the head noun a bare adjectival name shares with the ones after it («Омской [и Курской
    областей]», «Томского политехнического [и … университетов]»)."""
    if not tokens or mode == "as_is":
        return " ".join(text.split())
    if shared_head is not None:
        return _with_shared_head(analyzer, tokens, shared_head)
    if mention_type == "EVENT" and len(
            named := [t for t in tokens if t.text not in (QUOTES_OPEN, QUOTES_CLOSE)]) == 1 \
            and (known := _known_event_name(named[0].text)) is not None:
        return known  # («Иннопрома», «Иннопромом»: whatever case the tagger reads)
    if mode == "quoted_word":  # «на «Ольхпроме»», and «на Ольхпроме-2030» unquoted too
        word = next(t for t in tokens if t.text != QUOTES_OPEN)
        if mention_type == "EVENT":
            return _quoted_event_word(analyzer, word)
        return _quoted_word(analyzer, word)
    quoted = _quoted_mask(tokens)
    inner = [t for t, q in zip(tokens, quoted, strict=True)
             if q and t.text not in (QUOTES_OPEN, QUOTES_CLOSE)]
    if len(inner) == 1 and (mode == "quoted" or all(quoted)) and (
            by_parts := _hyphenated_quoted_word(analyzer, inner[0], head_before=True)):
        return by_parts  # «источника «Интерфакса-Запад»»: a first word in a case
    if mode == "quoted_as_written" and inner:
        return _join(inner)  # a head's apposition, in the nominative whatever its case
    if mode == "quoted" and len(inner) == 1 \
            and (agreeing := _adjective_name_nominative(analyzer, inner[0].text)):
        return agreeing
    if mode == "quoted" and inner:
        if not _oblique_phrase(analyzer, inner):
            return _join(inner)
        tokens, quoted = inner, [True] * len(inner)  # inflected below, as a whole quoted name
    if all(quoted) and inner:
        # A whole quoted name: inflect a leading generic head («Агентством …» →
        # «Агентство …») or a leading adjective + noun phrase the tagger reads in an oblique
        # case («Титановую долину» → «Титановая долина»); a nominative name stays as written.
        tokens, quoted = inner, [False] * len(inner)
        if (tokens[0].pos not in NOMINAL or not analyzer.lexicon.is_word(tokens[0].text)) \
                and not _oblique_phrase(analyzer, tokens):
            return _join(tokens)
        if _with_unknown_nominative(analyzer, tokens[1:]):
            return _join(tokens)  # «Медиком Фарм»: a brand, not «Медик» in a case
    if len(tokens) == 1 and MIXED_CASE_ACRONYM.search(tokens[0].text):
        return tokens[0].text  # «УрФУ», whatever the type and case it is read in
    if mention_type == "ORG" and len(tokens) == 1 and GENITIVE_TAIL_MINISTRY.fullmatch(
            tokens[0].text) and not analyzer.lexicon.is_word(tokens[0].text):
        return tokens[0].text  # «Минцифры», «Минвостокразвития»: the tail is a genitive noun
    if mention_type == "PER":
        return _person_normal(analyzer, tokens, context_case)
    if mention_type == "LOC" and len(tokens) == 1 and tokens[0].text[:1].isupper() \
            and (nickname := _region_nickname(tokens[0].text)) is not None:
        return nickname
    if mention_type == "PARK" and len(tokens) > 1 and not any(quoted) \
            and tokens[-1].lemma.lower() == "парк" and all(t.text[:1].isupper() for t in tokens):
        # «Кулим Хай-Тек Парка»: a foreign park's name of capitalised words, «Парк» its head
        # at the end; the words before it are the name's own and keep every letter
        return _join(tokens, [t.text for t in tokens[:-1]]
                     + [match_case(tokens[-1].text, "парк")])
    if mention_type != "LOC" and not quoted[0] and tokens[0].pos in ("VERB", "AUX"):
        tokens = [_as_noun(analyzer, tokens[0]), *tokens[1:]]
    elif mention_type != "LOC" and not quoted[0] and len(tokens) > 1 \
            and (noun := _as_head_noun(analyzer, tokens[0])) is not None:
        tokens = [noun, *tokens[1:]]  # «Секретариата экономического развития» read as an
        # adjective: the dictionary's noun heads the name, its genitive stays
    if mention_type == "LOC" and (full := _expanded_region_head(analyzer, tokens)):
        return full
    if mention_type == "LOC":
        tokens = _modifiers_read_as_names(analyzer, tokens, quoted)
    elif mention_type == "ORG":  # «Дубравинским райисполкомом»: its first word read as a name
        tokens = _modifiers_read_as_names(analyzer, tokens, quoted, names_only=True)
    words: list[str] = [t.text for t in tokens]
    head = _head_index(tokens, quoted)
    if head is None and len(tokens) == 1:
        # A name the tagger read as an adjective («между Саппоро и Новосибирском»): take the
        # dictionary's proper-noun reading of the word if it has one.
        word = tokens[0].text
        parses = analyzer.parse(word)
        case = parse_feats(tokens[0].feats).get("Case")
        if not analyzer.lexicon.is_word(word) and is_indeclinable_foreign(word, case):
            parses = []  # «Таюаньчжуан»: a Chinese name keeps every letter
        elif not any(p.tag.POS in ("ADJF", "PRTF") for p in parses):
            # «Биотехнопарка» read as an adjective, with no adjective reading: a noun
            parses = [p for p in parses if p.tag.POS == "NOUN" and "sing" in p.tag] + parses
        for parse in parses:
            if parse.tag.POS == "NOUN" and ({"Geox", "Orgn", "Name", "Surn"} & set(
                    parse.tag.grammemes) or parse is parses[0]):
                inflected = parse.inflect({"nomn"})
                if inflected is not None:
                    return match_case(word, inflected.word)
    if head is None and len(tokens) > 1 and not quoted[-1]:
        last = _as_head_noun(analyzer, tokens[-1])  # «Восточного аймака»: «аймака» read as ADJ
        if last is not None:
            tokens = [*tokens[:-1], last]
            head = len(tokens) - 1
    if head is None:
        return _join(tokens, words)
    head_token = tokens[head]
    head_feats = parse_feats(head_token.feats)
    number = NUMBERS.get(head_feats.get("Number", "Sing"), "sing")
    if number == "plur" and analyzer.lexicon.is_word(head_token.text) and not any(
            "plur" in p.tag for p in analyzer.parse(head_token.text) if p.tag.POS == "NOUN"):
        number = "sing"  # «облисполкома» tagged plural: the dictionary has it singular only
    if number == "sing" and mention_type == "EVENT" and head_token.text[:1].isupper() and all(
            "plur" in p.tag for p in analyzer.parse(head_token.text) if p.tag.POS == "NOUN"):
        number = "plur"  # «Дней Ольховска» → «Дни Ольховска»: the word has no singular reading
    if mention_type == "LOC" and head_token.lemma in region_heads() and not (
            (agreeing := [t for t in tokens[:head] if t.pos in AGREEING])
            and all("Number=Plur" in t.feats for t in agreeing)):
        number = "sing"  # «Ферганской и Самаркандской областей», «Приволжского федеральных
        # округов»: one region each (not «Мексиканских Соединённых Штатов»: its own words
        # are plural)
    if mention_type in ("ORG", "PARK", "EVENT") and number == "plur" and head > 0 and \
            tokens[head - 1].pos == "ADJ" and "Number=Sing" in tokens[head - 1].feats:
        number = "sing"  # «… и Ольховского государственного университетов»: one each
    geo = _place_word(analyzer, head_token, number) if mention_type == "LOC" else None
    words[head] = geo or _inflect(analyzer, head_token, {"nomn", number})
    compound = NOUN_AND_NAME.fullmatch(head_token.text)  # «верфи-Холдинг»: the noun's gender
    head_parse = analyzer.best_parse(compound.group(1) if compound else head_token.text,
                                     head_token.pos, head_token.feats)
    gender = None
    if head_parse is not None and number == "sing":
        gender = next((g for g in ("masc", "femn", "neut") if g in head_parse.tag), None)
    if number == "sing" and head > 0 and tokens[head - 1].pos in AGREEING and (
            head_parse is None or "Fixd" in head_parse.tag or head_token.text.isupper()
            or (head_token.pos == "PROPN" and not analyzer.lexicon.is_word(head_token.text))):
        # an indeclinable or unknown head («ЦБ», «ЭКСПО», «Нуса-Тенггары») has the gender
        # its adjective shows, not the dictionary's guess; in «-ом»,
        # «-ого», «-ому» a man's and a thing's forms are one, and an exhibition's word is the
        # thing's («Российско-Китайском ЭКСПО» → «Российско-Китайское ЭКСПО»)
        shown = parse_feats(tokens[head - 1].feats)
        if head_token.text.lower() not in _words("exhibition_words") \
                or shown.get("Case") in (None, "Nom", "Acc") or shown.get("Gender") == "Fem":
            gender = GENDERS.get(shown.get("Gender", ""), gender)
    agreement = {"nomn", number} | ({gender} - {None})
    i = head - 1  # the adjectives and participles right before the head agree with it
    while i >= 0 and not quoted[i] and (tokens[i].pos in AGREEING or (
            tokens[i].text in "()" and i > 0 and tokens[i - 1].pos in AGREEING)):
        # (past an adjective in brackets: «Казанский (Приволжский) федеральный университет»)
        if tokens[i].pos in AGREEING:
            words[i] = _inflect(analyzer, tokens[i], agreement)
        i -= 1
    last = len(tokens) - 1
    if head < last - 1 and tokens[last - 1].text in DASHES and tokens[last].pos == "PROPN" \
            and not quoted[last]:
        # «… автономного округа — Югры»: a name in apposition after a dash, in its case (a
        # plural one stays plural: «Прованс — Альпы»)
        plural = "Number=Plur" in tokens[last].feats \
            or any("Pltm" in p.tag for p in analyzer.parse(tokens[last].text))
        words[last] = _inflect(analyzer, tokens[last], {"nomn", "plur" if plural else "sing"})
    # «особая экономическая зона (ОЭЗ) «Дубна»» → «Особая экономическая зона «Дубна»»
    phrase = PARENTHESISED_ABBREVIATION.sub("", _join(tokens, words))
    return phrase[:1].upper() + phrase[1:]


@lru_cache(maxsize=1)
def _region_head_abbreviations() -> dict[str, str]:
    """words/region_head_abbreviations.txt: «обл» → «область»."""
    return dict(word_pairs(_words("region_head_abbreviations")))


def _expanded_region_head(analyzer: Analyzer, tokens: list[Token]) -> str | None:
    """«Запорожская обл.», «Тверской обл.» → «Запорожская область», «Тверская область»: a
    region's adjectives and its head word cut short, or a foreign region's own head word
    after adjectives the tagger read as names («Самаркандского вилоята»), the head in full (as
    the tagger lemmatises it) and the adjectives agreeing with it in the nominative; None for
    any other name."""
    last = tokens[-1]
    full = _region_head_abbreviations().get(last.text.lower().rstrip("."))
    foreign = last.lemma.lower() if last.lemma.lower() in foreign_region_heads() else next(
        (p.normal_form for p in analyzer.parse(last.text.lower())
         if p.tag.POS == "NOUN" and p.normal_form in foreign_region_heads()), None)
    if full is None and foreign is not None and len(tokens) > 1 \
            and all(REGION_ADJECTIVE.search(t.text.lower()) for t in tokens[:-1]):
        # «Самаркандского вилоята»: the adjective read as the name that heads the phrase
        # («жупании» tagged an adjective: its noun's reading)
        full = foreign
        tokens = [*(replace(t, pos="ADJ") for t in tokens[:-1]), last]
    if full is None or len(tokens) < 2 or not all(t.pos in AGREEING for t in tokens[:-1]):
        return None
    agreement = _nominative_agreement(analyzer, full)
    phrase = " ".join([*(_inflect(analyzer, t, agreement) for t in tokens[:-1]), full])
    return phrase[:1].upper() + phrase[1:]


def _nominative_agreement(analyzer: Analyzer, noun: str) -> frozenset[str]:
    """The grammemes of a word agreeing with the noun in the nominative singular: its
    gender («область» → nomn, sing, femn)."""
    nouns = [p for p in analyzer.parse(noun) if p.tag.POS == "NOUN"]
    # (the reading of the word as given, a nominative: «жупания», not a name's genitive)
    parse = next((p for p in nouns if "nomn" in p.tag), nouns[0] if nouns else None)
    gender = parse.tag.gender if parse is not None else None
    return frozenset({"nomn", "sing"} | ({gender} - {None}))


def _place_word(analyzer: Analyzer, token: Token, number: str) -> str | None:
    """A place's head by the dictionary's place readings only: «города Адана» is the town
    Адана in apposition, not the genitive of a person's name «Адан». None where the word
    has no place reading."""
    if not analyzer.lexicon.is_word(token.text):
        return None  # a guessed place reading is no better than the tagger's
    places = [p for p in analyzer.parse(token.text) if p.tag.POS == "NOUN" and "Geox" in p.tag]
    if not places:
        return None
    case = CASES.get(parse_feats(token.feats).get("Case", ""), "nomn")
    parse = next((p for p in places if case in p.tag),
                 next((p for p in places if "nomn" in p.tag), places[0]))
    inflected = parse.inflect({"nomn", number}) or parse.inflect({"nomn"})
    return match_case(token.text, inflected.word) if inflected is not None else None


def _as_head_noun(analyzer: Analyzer, token: Token) -> Token | None:
    """A word of a name the tagger read as an adjective or a verb, where the dictionary
    knows it only as a noun (no adjective, participle or verb reading; the last «Булганского
    аймака», the first «Секретариата экономического развития»): that noun, in the tagger's
    case and number (the dictionary's, for a word read as a verb). None otherwise."""
    if token.pos not in ("ADJ", "VERB") or not analyzer.lexicon.is_word(token.text):
        return None
    parses = analyzer.parse(token.text)
    if not parses or any(p.tag.POS in ("ADJF", "ADJS", "PRTF", "VERB", "INFN") for p in parses) \
            or not any(p.tag.POS == "NOUN" for p in parses):
        return None
    return replace(token, pos="NOUN", feats=token.feats if token.pos == "ADJ" else "")


def _as_noun(analyzer: Analyzer, token: Token) -> Token:
    """A name's first word the tagger read as a verb or participle while the dictionary reads
    it first as a noun («хокимията Ольховской области»): the noun, which heads the name."""
    parses = analyzer.parse(token.text)
    if not parses or parses[0].tag.POS != "NOUN":
        return token
    return replace(token, pos="NOUN", feats="")


def _dictionary_name_in_case(analyzer: Analyzer, word: str) -> bool:
    """Is the word the dictionary's place or organisation, and never its nominative («Ладоги»)?
    Such a word declines, whatever its ending suggests of a foreign indeclinable name."""
    names = [p for p in _dictionary_parses(analyzer, word) if {"Geox", "Orgn"} & p.tag.grammemes]
    return bool(names) and not any("nomn" in p.tag for p in names)


def _adjective_name_nominative(analyzer: Analyzer, word: str) -> str | None:
    """«на площадке нашей ОЭЗ — «Белоусовской»», «посетили «Кедровую»»: a capitalised word
    that can only be an adjective in an oblique case names a thing by agreeing with the word
    it stands for; its nominative of that gender (None for any other word)."""
    if not word[:1].isupper() or not word.isalpha() or not word[1:].islower():
        return None  # (not «УралМетКом»: a made-up name of parts)
    parses = analyzer.parse(word)
    likeliest = [p for p in parses if p.score >= parses[0].score - 1e-9] if parses else []
    if not likeliest or not all(p.tag.POS == "ADJF" and "sing" in p.tag for p in likeliest) \
            or any("nomn" in p.tag for p in parses):
        return None  # (not «Степной»: a nominative too)
    gender = likeliest[0].tag.gender
    inflected = likeliest[0].inflect({"nomn", "sing", gender} if gender else {"nomn"})
    return match_case(word, inflected.word) if inflected is not None else None


def _quoted_word(analyzer: Analyzer, token: Token) -> str:
    """A one-word quoted name with no head before it takes the sentence's case («при
    поддержке «Ольхатома»» → «Ольхатом», «посетили «Кедрину»» → «Кедрина»): where no
    likeliest reading of the word is a nominative, that noun's; else as written."""
    word = token.text
    case = parse_feats(token.feats).get("Case")
    if (agreeing := _adjective_name_nominative(analyzer, word)) is not None:
        return agreeing
    foreign = is_indeclinable_foreign(word, case) and not _dictionary_name_in_case(analyzer, word)
    if token.pos not in NOMINAL or word.isupper() or not word[:1].isupper() or \
            not word.replace("-", "").isalpha() or foreign:
        return word
    if (by_parts := _hyphenated_quoted_word(analyzer, token)) is not None:
        return by_parts
    if HYPHENATED_RUSSIAN_NAME.fullmatch(word) and _only_a_persons_name(
            analyzer, word.split("-")[0]):
        return word  # no guess at the whole that would decline a name's first part as a
        # person's («Нура-Стали» is no «Нур-Сталь»)
    if not analyzer.lexicon.is_word(word):
        return _unknown_quoted_word(analyzer, token)
    parses = analyzer.parse(word)
    likeliest = [p for p in parses if p.score >= parses[0].score - 1e-9] if parses else []
    if likeliest and likeliest[0].tag.POS == "NOUN" and case not in (None, "Nom") \
            and all("plur" in p.tag and "nomn" not in p.tag for p in likeliest):
        # a plural title in a case («Курантам» → «Куранты»), whatever number the tagger says
        inflected = likeliest[0].inflect({"nomn", "plur"})
        return match_case(word, inflected.word) if inflected is not None else word
    in_case = [p for p in likeliest if p.tag.POS == "NOUN" and "sing" in p.tag
               and CASES.get(case or "Nom") in p.tag and "Fixd" not in p.tag]
    if case not in (None, "Nom") and "Number=Sing" in token.feats and in_case:
        likeliest = in_case  # «владелец «Лиры»»: the genitive the sentence has, not a plural
    if not likeliest or any("nomn" in p.tag or "Fixd" in p.tag for p in likeliest) or \
            likeliest[0].tag.POS != "NOUN" or "sing" not in likeliest[0].tag:
        return word
    inflected = likeliest[0].inflect({"nomn", "sing"})
    return match_case(word, inflected.word) if inflected is not None else word


def _known_event_name(word: str) -> str | None:
    """A well-known event's name in any case (``event_names`` lists each form) as its
    nominative, the shortest form the word begins with («Иннопромом» → «Иннопром»: not
    read as an instrumental of «Иннопр»); None for a word the list lacks."""
    names = _words("event_names")
    folded = word.lower()
    if folded not in names:
        return None
    base = min((name for name in names if folded.startswith(name)), key=len)
    return match_case(word[:len(base)], base)


def _quoted_event_word(analyzer: Analyzer, token: Token) -> str:
    """An event's one-word name with no head before it, as a quoted name in the sentence's
    case («на «Ольхпроме»»); an edition's name before its year too («на «Ольхпроме-2030»» →
    «Ольхпром-2030»); a well-known event's name read as it is unquoted («на «Технопроме»»:
    no guessed feminine «Технопрома»)."""
    if (edition := EDITION.fullmatch(token.text)) is not None:
        name = replace(token, text=edition.group(1))
        return _quoted_event_word(analyzer, name) + edition.group(2)
    if token.text.lower() in _words("event_names"):
        return normal_form(analyzer, token.text, [token], "EVENT")
    if parse_feats(token.feats).get("Case") == "Acc" and token.text.endswith(("е", "и")):
        # «на «ТехноЕвразии-2025»» read as an accusative: a singular noun in «-е», «-и» is
        # in the prepositional after «на», «в»
        token = replace(token, feats=token.feats.replace("Case=Acc", "Case=Loc"))
    return _quoted_word(analyzer, token)


# an event's edition: a Russian name joined to a year by a hyphen («Ольхпроме-2030»)
EDITION = re.compile(r"([А-ЯЁ][а-яё]+(?:[А-ЯЁ][а-яё]+)*)(-(?:19|20)\d\d)")
# a name of two Russian words joined by a hyphen, the first capitalised: «Кедр-Экспресс»,
# «Гоголь-центр» (not «Кедр-2000», «Кедр-Lux», nor three parts «Сан-дель-Мира»)
HYPHENATED_RUSSIAN_NAME = re.compile(r"[А-ЯЁ][а-яё]+-[А-ЯЁа-яё][а-яё]+")


def _hyphenated_quoted_word(analyzer: Analyzer, token: Token, head_before: bool = False
                            ) -> str | None:
    """A quoted name of two hyphened Russian words declines in the words the dictionary
    knows in a case: the last («в «Кедр-Экспрессе»» → «Кедр-Экспресс»), the first too where
    both decline («лидер «Сестёр-садовниц»» → «Сёстры-садовницы»), or the first alone in the
    case the tagger reads («источника «Интерфакса-Запад»» → «Интерфакс-Запад»). After a head
    (``head_before``) a name stands in the nominative: only a word with no nominative
    reading at all is a case form there («интервью «Кедр-Экспрессу»», not «офис
    «Ольха-Банка»»). None where no part changes («Ист-Вуд», «Сибирь-Авиа»)."""
    if not HYPHENATED_RUSSIAN_NAME.fullmatch(token.text):
        return None
    first, last = token.text.split("-")
    if _function_word(analyzer, first):
        return None  # «Аль-Наба», «Эль-Маза»: an Arabic article, no Russian word in a case
    new_last = _part_in_nominative(analyzer, token, last, head_before)
    if new_last == last and parse_feats(token.feats).get("Case") in (None, "Nom") \
            and not _organisation_in_case(analyzer, first):
        return None
    new_first = first if _only_a_persons_name(analyzer, first) \
        else _part_in_nominative(analyzer, token, first, head_before)
    if (new_first, new_last) == (first, last):
        return None
    return f"{new_first}-{new_last}"


def _only_a_persons_name(analyzer: Analyzer, word: str) -> bool:
    """Is every dictionary reading of the word a person's name in an oblique case («Нура»:
    only «Нур» in the genitive)? As a name's first part it is a river's or a brand's, as
    written («Нура-Стали» → «Нура-Сталь»)."""
    parses = _dictionary_parses(analyzer, word)
    return bool(parses) and all({"Name", "Surn", "Patr"} & set(p.tag.grammemes)
                                and "nomn" not in p.tag for p in parses)


def _function_word(analyzer: Analyzer, word: str) -> bool:
    """A dictionary word whose likeliest reading is a conjunction, particle, preposition or
    interjection («аль», «эль»)."""
    parses = _dictionary_parses(analyzer, word)
    return bool(parses) and parses[0].tag.POS in ("CONJ", "PRCL", "PREP", "INTJ")


def _organisation_in_case(analyzer: Analyzer, word: str) -> bool:
    """The dictionary's organisation name in a case it has no nominative reading in
    («Интерфакса»): a case form whatever case the tagger reads in the whole word."""
    parses = _dictionary_parses(analyzer, word)
    return any("Orgn" in p.tag for p in parses) and not any("nomn" in p.tag for p in parses)


def _part_in_nominative(analyzer: Analyzer, token: Token, part: str, strict: bool) -> str:
    """One word of a hyphened quoted name in the nominative, as a one-word quoted name of
    the token's case would be; a word the dictionary lacks stays as written, and so does,
    if ``strict``, one with any nominative reading."""
    if not analyzer.lexicon.is_word(part) or (strict and any(
            "nomn" in p.tag for p in analyzer.parse(part))):
        return part
    normal = _quoted_word(analyzer, replace(token, text=part[:1].upper() + part[1:]))
    return normal if part[:1].isupper() else normal[:1].lower() + normal[1:]


def _unknown_quoted_word(analyzer: Analyzer, token: Token) -> str:
    """A quoted name the dictionary does not know, in the case and gender the tagger reads
    in it («фанаты «Ольхстона»» → «Ольхстон»; «в «Кедрике»» of a feminine name, which no
    guess reads as one → «Кедрика»); a nominative stays as written («Кедролла»: not a
    guessed genitive)."""
    word, tagged = token.text, parse_feats(token.feats)
    case, gender = tagged.get("Case"), UD_GENDERS.get(tagged.get("Gender", ""))
    if case in (None, "Nom") or tagged.get("Number") == "Plur":
        return word
    grammeme = CASES.get(case)
    parses = [p for p in analyzer.parse(word) if p.tag.POS == "NOUN" and "sing" in p.tag]
    readings = [p for p in parses if grammeme in p.tag]
    if not readings and any("nomn" in p.tag for p in parses):
        return word  # «между «Ольхпром»»: read as a nominative, no case form of another word
    agreeing = [p for p in readings if gender is None or p.tag.gender == gender]
    if not agreeing:
        by_ending = _foreign_name_word(word, case, gender)
        if by_ending != word or not readings:
            return by_ending
        agreeing = readings  # the ending outweighs the tagger's gender: «-а» is no
        # feminine genitive
    inflected = max(agreeing, key=lambda p: p.score).inflect({"nomn", "sing"})
    return match_case(word, inflected.word) if inflected is not None else word


def _with_shared_head(analyzer: Analyzer, tokens: list[Token], head: str) -> str:
    """A bare adjectival name with the head it shares (lemmas: its adjectives, then its
    noun): «Омской» [областей] → «Омская область», «Уральского» [федеральных округов] →
    «Уральский федеральный округ»."""
    *modifiers, noun = head.split()
    grammemes = _nominative_agreement(analyzer, noun)
    words = [_inflect_word(analyzer, t.text, "ADJ", t.feats, grammemes)
             if _adjective_like(t) or t.pos == "ADJ" else t.text for t in tokens]
    shared = [_inflect_word(analyzer, word, "ADJ", "", grammemes) for word in modifiers]
    phrase = " ".join([_join(tokens, words), *shared, noun])
    return phrase[:1].upper() + phrase[1:]


def _oblique_phrase(analyzer: Analyzer, tokens: list[Token]) -> bool:
    """Adjectives, then a dictionary noun the tagger reads in a case other than the
    nominative: «Титановую долину», «Северной звезды»."""
    i = 0
    while i < len(tokens) and tokens[i].pos in AGREEING - {"VERB"}:
        i += 1
    if i == 0 or i == len(tokens) or tokens[i].pos not in NOMINAL:
        return False
    case = parse_feats(tokens[i].feats).get("Case")
    compound = NOUN_AND_NAME.fullmatch(tokens[i].text)
    noun = compound.group(1) if compound else tokens[i].text
    return case not in (None, "Nom") and analyzer.lexicon.is_word(noun) and all(
        analyzer.lexicon.is_word(t.text) or _place_adjective_in(t, case) for t in tokens[:i]) \
        and not any(_adjective_never_in(analyzer, t.text, case) for t in tokens[:i])


def _adjective_never_in(analyzer: Analyzer, word: str, case: str) -> bool:
    """Is the word an adjective of the dictionary with no form in ``case`` («Обнинские»: only
    a plural nominative or accusative): the tagger misread the phrase's case."""
    adjectives = [p for p in analyzer.parse(word) if p.tag.POS in ("ADJF", "PRTF")]
    return bool(adjectives) and not any(CASES.get(case, "") in p.tag for p in adjectives)


def _place_adjective_in(token: Token, case: str) -> bool:
    """A place's adjective the dictionary lacks («Кедринской» of «Кедринской трубной
    компанией»), read in the case of the noun it goes with: a word of the phrase in a case."""
    return _adjective_like(token) and parse_feats(token.feats).get("Case") == case


def _with_unknown_nominative(analyzer: Analyzer, tokens: list[Token]) -> bool:
    """A word of a quoted name that no dictionary knows, which the tagger reads in no oblique
    case («Фарм», «Трейд»): the name's words are a brand's letters, no phrase in a case."""
    return any(t.text[:1].isupper() and t.text.isalpha() and not analyzer.lexicon.is_word(t.text)
               and parse_feats(t.feats).get("Case") in (None, "Nom") for t in tokens)


def _join(tokens: list[Token], words: list[str] | None = None) -> str:
    """Rebuild the phrase with the document's spacing between tokens (collapsed to one)."""
    words = words or [t.text for t in tokens]
    out = [words[0]]
    for previous, token, word in zip(tokens, tokens[1:], words[1:], strict=False):
        if token.start > previous.end and not previous.text.endswith("-"):
            out.append(" ")  # «IT- парк» was one word cut at its hyphen
        out.append(word)
    return "".join(out)

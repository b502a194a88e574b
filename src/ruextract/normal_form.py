"""Normal forms of mentions: nominative, singular where the text is, capitalised as written.

«Ленинградской области» → «Ленинградская область», «Фудзиты Марико» → «Фудзита Марико»,
«Нанопарка Гатчина» → «Нанопарк Гатчина». Words inside quotes and indeclinable or foreign
words are kept as they are. Inflection is pymorphy3's, guided by the tagger's features.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .doc import Token
from .morph import NUMBERS, Analyzer, parse_feats

QUOTES_OPEN, QUOTES_CLOSE = "«", "»"
NOMINAL = {"NOUN", "PROPN"}
AGREEING = {"ADJ", "DET", "NUM", "VERB"}  # VERB: participles («объединённых»)
PARENTHESISED_ABBREVIATION = re.compile(r"\s*\([A-ZА-ЯЁ]{2,10}\)(?=\s|$)")
# Chinese names in the Palladius transcription (Цзянсу, Сяоцзе, Шуцай) and Japanese ones in
# Polivanov's (Синдзи, Марико): written syllable by syllable. Such a word that the dictionary
# does not know, ending as no Russian case form of it would (in a vowel other than а/я/ы, or
# in н/нь/й), does not inflect: a guessed paradigm would cut it («Цзянсу» → «Цзянс»).
CHINESE_SYLLABLES = re.compile(
    r"(?:(?:чж|цз|ч|ш|ж|ц|с|б|п|м|ф|д|т|н|л|г|к|х|р|в|й)?"
    r"(?:юань|уань|уай|уан|уэй|янь|яо|ян|инь|ин|унь|ун|уй|уэ|уо|уа|юэ|юнь|юн|юй|ань|ан|ай|ао"
    r"|энь|эн|эй|эр|оу|ы|и|я|е|ю|у|о|а|э))+")
JAPANESE_SYLLABLES = re.compile(r"(?:(?:дз|[кстнхмргдбпцфвйш])?[аиуэоёюя](?:н(?![аиуэоёюя]))?)+")
INDECLINABLE_ENDINGS = ("е", "и", "у", "ю", "о", "э", "н", "нь", "й")
FINAL_E_SYLLABLES = ("цзе", "се", "це", "ле", "не", "ме", "бе", "пе")  # Chinese -ie syllables


def is_indeclinable_foreign(word: str) -> bool:
    """A Chinese or Japanese name that Russian does not inflect: «Цзянсу», «Сяоцзе»,
    «Синдзи»; not «Фудзиты» (a case form of «Фудзита»). Call only for unknown words."""
    folded = word.lower().replace("ё", "е")
    if not folded.isalpha() or not folded.endswith(INDECLINABLE_ENDINGS):
        return False
    if folded.endswith("е") and not folded.endswith(FINAL_E_SYLLABLES):
        return False  # «Ниигате», «Осаке»: the prepositional of a name in -а
    return bool(CHINESE_SYLLABLES.fullmatch(folded) or JAPANESE_SYLLABLES.fullmatch(folded))


def match_case(original: str, inflected: str) -> str:
    """Give ``inflected`` the capitalisation of ``original`` (part by part for hyphens)."""
    if original.isupper() and len(original) > 1:
        return inflected.upper()
    parts, originals = inflected.split("-"), original.split("-")
    if len(parts) == len(originals):
        return "-".join(p.capitalize() if o[:1].isupper() else p
                        for p, o in zip(parts, originals, strict=True))
    return inflected.capitalize() if original[:1].isupper() else inflected


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
    candidates = [i for i, t in enumerate(tokens) if not quoted[i] and t.pos in NOMINAL]
    for i in candidates:
        if tokens[i].head_id not in ids:
            return i
    return candidates[0] if candidates else None


def _inflect(analyzer: Analyzer, token: Token, grammemes: set[str]) -> str:
    return _inflect_word(analyzer, token.text, token.pos, token.feats, frozenset(grammemes))


@lru_cache(maxsize=100_000)
def _inflect_word(analyzer: Analyzer, text: str, pos: str, feats: str,
                  grammemes: frozenset[str]) -> str:
    """``text`` (as the tagger read it) inflected to ``grammemes``; cached, since the same
    words («области», «департамента») recur in names all through a batch."""
    parse = analyzer.best_parse(text, pos, feats)
    if parse is None or "Fixd" in parse.tag or (text.isupper() and len(text) > 1):
        return text
    if "-" not in text and not analyzer.lexicon.is_word(text) and is_indeclinable_foreign(text):
        return text
    if "nomn" in parse.tag and all(g in parse.tag for g in grammemes - {"nomn"}):
        return text
    inflected = parse.inflect(set(grammemes)) or parse.inflect({"nomn"})
    if inflected is None:
        return text
    return match_case(text, inflected.word)


def _foreign_instrumental(analyzer: Analyzer, token: Token) -> str:
    """A foreign name the dictionary does not know, in the instrumental of a masculine noun
    («с Нгуеном», «Чэнь Гуанцзюнем», «Ненадом Иванишевичем»), to the nominative: the
    ending goes (a Chinese syllable keeps its soft sign: «Гуанцзюнем» → «Гуанцзюнь»)."""
    text = token.text
    if parse_feats(token.feats).get("Case") != "Ins" or analyzer.lexicon.is_word(text) \
            or len(text) < 5 or not text[:1].isupper() or not text.endswith(("ом", "ем")):
        return text
    stem = text[:-2]
    if text.endswith("ем") and CHINESE_SYLLABLES.fullmatch(stem.lower() + "ь"):
        return stem + "ь"
    return stem


def person_gender(analyzer: Analyzer, tokens: list[Token]) -> str | None:
    """The gender of a name, from its first name where there is one, else its surname."""
    return _name_gender(analyzer, tuple(t.text for t in tokens))


@lru_cache(maxsize=50_000)
def _name_gender(analyzer: Analyzer, words: tuple[str, ...]) -> str | None:
    for grammeme in ("Name", "Surn", "Patr"):
        for word in words:
            for parse in analyzer.parse(word):
                if grammeme in parse.tag and parse.tag.gender in ("masc", "femn"):
                    return parse.tag.gender
    return None


def normal_form(analyzer: Analyzer, text: str, tokens: list[Token], mention_type: str,
                mode: str = "phrase") -> str:
    """Normal form of the mention ``text`` whose tokens are ``tokens``."""
    if not tokens or mode == "as_is":
        return " ".join(text.split())
    quoted = _quoted_mask(tokens)
    inner = [t for t, q in zip(tokens, quoted, strict=True)
             if q and t.text not in (QUOTES_OPEN, QUOTES_CLOSE)]
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
    words: list[str] = [t.text for t in tokens]
    if mention_type == "PER":
        gender = person_gender(analyzer, tokens)
        for i, token in enumerate(tokens):
            # A name the tagger reads as nominative stays as written: foreign names are
            # often indeclinable («Ёсимура Синдзи»), and guessing their paradigm breaks them.
            if parse_feats(token.feats).get("Case") == "Nom":
                continue
            if token.pos in NOMINAL or token.pos == "ADJ":
                words[i] = _inflect(analyzer, token, {"nomn", "sing"} | ({gender} - {None}))
                if words[i] == token.text:
                    words[i] = _foreign_instrumental(analyzer, token)
        return _join(tokens, words)
    head = _head_index(tokens, quoted)
    if head is None and len(tokens) == 1:
        # A name the tagger read as an adjective («между Саппоро и Новосибирском»): take the
        # dictionary's proper-noun reading of the word if it has one.
        for parse in analyzer.parse(tokens[0].text):
            if parse.tag.POS == "NOUN" and {"Geox", "Orgn", "Name", "Surn"} & set(
                    parse.tag.grammemes):
                inflected = parse.inflect({"nomn"})
                if inflected is not None:
                    return match_case(tokens[0].text, inflected.word)
    if head is None:
        return _join(tokens, words)
    head_token = tokens[head]
    head_feats = parse_feats(head_token.feats)
    number = NUMBERS.get(head_feats.get("Number", "Sing"), "sing")
    words[head] = _inflect(analyzer, head_token, {"nomn", number})
    head_parse = analyzer.best_parse(head_token.text, head_token.pos, head_token.feats)
    gender = None
    if head_parse is not None and number == "sing":
        gender = next((g for g in ("masc", "femn", "neut") if g in head_parse.tag), None)
    agreement = {"nomn", number} | ({gender} - {None})
    i = head - 1  # the adjectives and participles right before the head agree with it
    while i >= 0 and not quoted[i] and tokens[i].pos in AGREEING:
        words[i] = _inflect(analyzer, tokens[i], agreement)
        i -= 1
    # «особая экономическая зона (ОЭЗ) «Дубна»» → «Особая экономическая зона «Дубна»»
    phrase = PARENTHESISED_ABBREVIATION.sub("", _join(tokens, words))
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
    return case not in (None, "Nom") and analyzer.lexicon.is_word(tokens[i].text) and all(
        analyzer.lexicon.is_word(t.text) for t in tokens[:i])


def _join(tokens: list[Token], words: list[str] | None = None) -> str:
    """Rebuild the phrase with the document's spacing between tokens (collapsed to one)."""
    words = words or [t.text for t in tokens]
    out = [words[0]]
    for previous, token, word in zip(tokens, tokens[1:], words[1:], strict=False):
        if token.start > previous.end:
            out.append(" ")
        out.append(word)
    return "".join(out)

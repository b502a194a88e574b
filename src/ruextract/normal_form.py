"""Normal forms of mentions: nominative, singular where the text is, capitalised as written.

«Ленинградской области» → «Ленинградская область», «Фудзиты Марико» → «Фудзита Марико»,
«Нанопарка Гатчина» → «Нанопарк Гатчина». Words inside quotes and indeclinable or foreign
words are kept as they are. Inflection is pymorphy3's, guided by the tagger's features.
"""

from __future__ import annotations

from .doc import Token
from .morph import NUMBERS, Analyzer, parse_feats

QUOTES_OPEN, QUOTES_CLOSE = "«", "»"
NOMINAL = {"NOUN", "PROPN"}
AGREEING = {"ADJ", "DET", "NUM", "VERB"}  # VERB: participles («объединённых»)
NAME_GRAMMEMES = {"Name", "Surn", "Patr"}


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
    feats = parse_feats(token.feats)
    if feats.get("Case") == "Nom" and (not grammemes - {"nomn"} or token.pos in NOMINAL):
        return token.text
    parse = analyzer.best_parse(token.text, token.pos, token.feats)
    if parse is None or "Fixd" in parse.tag or token.text.isupper():
        return token.text
    inflected = parse.inflect(grammemes)
    if inflected is None:
        inflected = parse.inflect({"nomn"})
    if inflected is None:
        return token.text
    return match_case(token.text, inflected.word)


def normal_form(analyzer: Analyzer, text: str, tokens: list[Token], mention_type: str,
                mode: str = "phrase") -> str:
    """Normal form of the mention ``text`` whose tokens are ``tokens``."""
    if not tokens or mode == "as_is":
        return " ".join(text.split())
    quoted = _quoted_mask(tokens)
    if mode == "quoted" or all(quoted):
        inner = [t for t, q in zip(tokens, quoted, strict=True)
                 if q and t.text not in (QUOTES_OPEN, QUOTES_CLOSE)]
        if inner:
            return _join(inner)
    words: list[str] = [t.text for t in tokens]
    if mention_type == "PER":
        for i, token in enumerate(tokens):
            if token.pos in NOMINAL or token.pos == "ADJ":
                parse = analyzer.best_parse(token.text, token.pos, token.feats)
                gender = "femn" if parse is not None and "femn" in parse.tag else None
                words[i] = _inflect(analyzer, token, {"nomn", "sing"} | ({gender} - {None}))
        return _join(tokens, words)
    head = _head_index(tokens, quoted)
    if head is None:
        return _join(tokens, words)
    head_token = tokens[head]
    head_feats = parse_feats(head_token.feats)
    head_case = head_feats.get("Case")
    number = NUMBERS.get(head_feats.get("Number", "Sing"), "sing")
    words[head] = _inflect(analyzer, head_token, {"nomn", number})
    head_parse = analyzer.best_parse(head_token.text, head_token.pos, head_token.feats)
    gender = None
    if head_parse is not None and number == "sing":
        gender = next((g for g in ("masc", "femn", "neut") if g in head_parse.tag), None)
    agreement = {"nomn", number} | ({gender} - {None})
    for i in range(head):  # words agreeing with the head before it: adjectives, participles
        token = tokens[i]
        if quoted[i] or parse_feats(token.feats).get("Case") != head_case:
            continue
        if token.pos in AGREEING:
            words[i] = _inflect(analyzer, token, agreement)
        elif token.pos in NOMINAL:
            words[i] = _inflect(analyzer, token, {"nomn"})
    for i in range(head + 1, len(tokens)):  # a proper name in apposition («Нанопарка Гатчина»)
        token = tokens[i]
        if quoted[i] or token.pos not in NOMINAL | {"ADJ"}:
            break
        if parse_feats(token.feats).get("Case") == head_case and token.text[:1].isupper():
            words[i] = _inflect(analyzer, token, {"nomn"})
        else:
            break
    return _join(tokens, words)


def _join(tokens: list[Token], words: list[str] | None = None) -> str:
    """Rebuild the phrase with the document's spacing between tokens (collapsed to one)."""
    words = words or [t.text for t in tokens]
    out = [words[0]]
    for previous, token, word in zip(tokens, tokens[1:], words[1:], strict=False):
        if token.start > previous.end:
            out.append(" ")
        out.append(word)
    return "".join(out)

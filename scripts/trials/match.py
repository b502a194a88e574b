"""Loose name matching shared by the trial scorers (``score.py``, ``keys.py``).

A tester writes names as a reader would (normal forms, sometimes with the type word), the
pipeline writes its own normal forms; two names match when their words match one to one
after generic words (legal forms, park type words) are dropped, a word matching another
in a different case ending («Китая» ~ «Китай», «Технополиса» ~ «Технополис») but not a
derived word («Москва» ≁ «Московская»). Alternatives are written ``A|B``. Two names of one
place in the gazetteer match too («Беларусь» ~ «Республика Беларусь»): the project's own
scorer matches them by their overlapping mention, whatever normal form each was given.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

GENERIC_WORDS = frozenset((
    "ао", "гк", "завод", "зао", "зона", "индустриальный", "ип", "компания", "корпорация",
    "нпо", "оао", "оэз", "ооо", "особая", "пао", "парк", "промышленный", "сэз", "тор",
    "технопарк", "холдинг", "экономическая",
))
_NOT_WORD = re.compile(r"[^\w\s-]+")


def words(name: str) -> list[str]:
    """The folded words of a name: lower case, «ё» as «е», no quotes or punctuation."""
    folded = _NOT_WORD.sub(" ", name.lower().replace("ё", "е").replace("-", " "))
    return folded.split()


# a place adjective's forms («челябинской»), which are no case of the town («Челябинска»)
PLACE_ADJECTIVE = re.compile(r"[сц]к(?:ий|ой|ого|ому|им|ом|ую|ая|ое|ие|их|ими|ые|ым|ыми|ых)")


def same_word(a: str, b: str) -> bool:
    """One word in two case endings: a long common beginning, at most three letters apart;
    a place adjective and a noun are never one word («челябинской» ≁ «Челябинска»)."""
    if a == b:
        return True
    if bool(PLACE_ADJECTIVE.search(a[-6:])) != bool(PLACE_ADJECTIVE.search(b[-6:])):
        return False
    shorter, longer = sorted((len(a), len(b)))
    if shorter < 4:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= longer - 3 and common >= shorter - 2


ADJECTIVE = re.compile(r"[а-я]+(?:ая|яя|ий|ый|ой|ое|ее|ие|ые)")
ABBREVIATION = re.compile(r"(?=(?:\w*[A-ZА-ЯЁ]){2})\w+")  # two capitals or more


def _proper_words(name: str) -> list[str]:
    """The name's words without generic ones, unless only an adjective would be left
    («Минская компания» is no «Минск»)."""
    found = words(name)
    # (a part of a hyphened word stays: «Алания-Холдинг» is no «Алания»)
    hyphened = {part for word in re.findall(r"\w+(?:-\w+)+", name.lower().replace("ё", "е"))
                for part in word.split("-")}
    proper = [word for word in found if word not in GENERIC_WORDS or word in hyphened]
    if not proper or all(ADJECTIVE.fullmatch(word) for word in proper):
        return found
    return proper


def _abbreviations(name: str) -> set[str]:
    """The name's words written in capitals («ТулГУ», «КНР»), folded."""
    return {word.lower().replace("ё", "е") for word in re.split(r"[^\w]+", name)
            if ABBREVIATION.fullmatch(word)}


QUOTED = re.compile(r"«(.+)»")


def _alternatives(name: str) -> list[str]:
    """A name's alternatives, each with its quoted name alone after it: ANNOTATION.md
    accepts «Идея» for «технопарк „Идея“»."""
    found = []
    for alternative in name.split("|"):
        found.append(alternative)
        quoted = QUOTED.search(alternative)
        if quoted is not None and quoted.group(1).strip("«» "):
            found.append(quoted.group(1).strip("«» "))
    return found


def same_name(a: str, b: str) -> bool:
    """True when any alternative of ``a`` names what any alternative of ``b`` names."""
    return any(_same_single(x, y) or _same_place(x, y)
               for x in _alternatives(a) for y in _alternatives(b))


@cache
def _place(name: str) -> object | None:
    """The gazetteer's place a name names as written (any case, abbreviation, official or
    informal name), not through an adjective or a guess."""
    from ruextract.doc import fold
    from ruextract.places import gazetteer, name_key

    places = gazetteer().by_name
    return places.get(fold(name)) or places.get(name_key(name))


def _same_place(a: str, b: str) -> bool:
    place = _place(a.strip())
    return place is not None and place == _place(b.strip())


def _same_single(a: str, b: str) -> bool:
    left, right = _proper_words(a), _proper_words(b)
    if len(left) != len(right) or not left:
        return False
    # an abbreviation matches only itself («ТулГУ» is no form of «Тула»)
    exact = _abbreviations(a) | _abbreviations(b)
    unmatched = list(right)
    for word in left:
        partner = next((other for other in unmatched if (
            word == other if word in exact or other in exact else same_word(word, other))),
            None)
        if partner is None:
            return False
        unmatched.remove(partner)
    return True


DELEGATION = "delegation:"


def same_argument(expected: str, predicted: str) -> bool:
    """Arguments match as names; a delegation by its origin (``delegation:`` alone: none,
    ``delegation:Китай|Пекин``: either)."""
    if expected.startswith(DELEGATION) != predicted.startswith(DELEGATION):
        return False
    if not expected.startswith(DELEGATION):
        return same_name(expected, predicted)
    found = predicted[len(DELEGATION):].strip()
    for alternative in expected[len(DELEGATION):].split("|"):  # «delegation:A|delegation:B» too
        origin = alternative.strip().removeprefix(DELEGATION).strip()
        if (same_name(origin, found) if origin else not found):
            return True
    return False

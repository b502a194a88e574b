"""A ministry's short name of syllables and its name in full: «Мининвестпромторг
Узбекистана» = «Министерство инвестиций, промышленности и торговли Республики Узбекистан»,
«Минкоммерция КНР» = «Министерство коммерции Китая».

Russia's federal ministries have their short names in key_org_short_names; other countries'
are too many to list, and each follows one habit: «Мин» and the first letters of the words
after «Министерство», in their order (a word in full where it is short), some words left out.
"""

from __future__ import annotations

import re

from ..doc import fold
from .words import SMALL_WORDS

MINISTRY = "министерство"
# «Минэкономразвития», «Мининвестпромторг» (the place after it is the identity's)
SHORT_MINISTRY = re.compile(r"(?i)мин([а-яё]{4,})(?:\s.*)?")
# the ending a short name may give its last word in full: «Минкоммерция» of «коммерции»
ENDING = 2
SHORTEST_PIECE = 3


def spelled_by_syllables(body: str, words: list[str]) -> bool:
    """Whether ``body`` is pieces of ``words`` in their order, the first piece of the first
    word, each piece a word's first three letters or more, a linking «о» after it or not;
    words may be left out, and the last piece may end in another case's ending («коммерция»
    of «коммерции»)."""

    def spells(at: int, word: int) -> bool:
        if at == len(body):
            return True
        for index in range(word, len(words) if word else 1):
            written = words[index]
            for size in range(len(written), SHORTEST_PIECE - 1, -1):
                if not body.startswith(written[:size], at):
                    continue
                rest = len(body) - at - size
                # (a compound's linking «о»: «Минэнерго» of «энергетики»)
                linked = body.startswith("о", at + size) and spells(at + size + 1, index + 1)
                if linked or spells(at + size, index + 1) or (
                        0 < rest <= ENDING and size > SHORTEST_PIECE
                        and size >= len(written) - ENDING):
                    return True
        return False

    return bool(words) and spells(0, 0)


def short_ministry_body(name: str) -> str | None:
    """The syllables of a ministry's short name after «Мин», folded («Минкоммерция» →
    «коммерция»): None for a name in full."""
    short = SHORT_MINISTRY.fullmatch(name.strip())
    if short is None or fold(name).startswith(MINISTRY):
        return None
    return fold(short.group(1))


def full_ministry(name_key: str) -> tuple[list[str], str] | None:
    """A ministry's name key in full, «министерство инвестиций, промышленность и торговля
    =узбекистан», as its words after the head (small words left out) and its place."""
    # (a place may be of two words: «=чувашская республика»)
    name, marker, place = name_key.partition(" =")
    words = name.replace(",", " ").split()
    if len(words) < 2 or words[0] != MINISTRY or not marker or not place:
        return None
    return [word for word in words[1:] if word not in SMALL_WORDS], "=" + place


def spells_ministry(body: str, words: list[str]) -> bool:
    """Whether a short name's syllables spell the ministry's words, read as written or with
    «Мин» lending its «ин» («Минвестпромторг»)."""
    return spelled_by_syllables(body, words) or spelled_by_syllables("ин" + body, words)

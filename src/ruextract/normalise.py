"""RawDoc text → clean text plus an offset map back to the raw text.

Every character of the clean text records the raw span it came from, so any span of
the clean text maps back to its surface in the original (``OffsetMap.raw_span``).
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex

from .rules import BoilerplateRule

# Characters that carry no text: zero-width spaces and joiners, soft hyphen, BOM, bidi marks.
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f",
             "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
             "\u2069"}
HYPHENS = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u00ad": "-"}
DASHES = {"\u2013": "—", "\u2014": "—", "\u2015": "—"}
# Double quotes whose direction is decided by context; «» are the normal form.
AMBIGUOUS_QUOTES = {'"', "„", "“", "”", "‟", "″", "〝", "〞", "＂"}
SINGLE_QUOTES = {"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'"}
OPENING_CONTEXT = set(" \t([{«—-/") | {""}
# Guillemets some pages set the wrong way round («ОЭЗ »Липецк«»): turned as a pair, one for
# one (the offsets stand).
# Latin and Greek letters that look like Cyrillic ones, and those Cyrillic letters
LOOK_ALIKES = "ABCEHKMOPTXaceopxyΑΒΕΗΚΜΟΡΤΧακεορτ"
TO_CYRILLIC = str.maketrans(LOOK_ALIKES, "АВСЕНКМОРТХасеорхуАВЕНКМОРТХакеорт")
LOOK_ALIKE_LETTER = regex.compile(f"[{LOOK_ALIKES}]")
# a whole word of Cyrillic letters and look-alikes only
MIXED_WORD = regex.compile(f"(?<!\\p{{L}})[\\p{{Cyrillic}}{LOOK_ALIKES}]*[{LOOK_ALIKES}]"
                           f"[\\p{{Cyrillic}}{LOOK_ALIKES}]*(?!\\p{{L}})")
CYRILLIC_LETTER = regex.compile(r"\p{Cyrillic}")
REVERSED_GUILLEMETS = regex.compile(r"(?<![\p{L}\d])»([^«»\n]+)«(?![\p{L}\d])")
# A line holding none of these is left as it is by clean_line (the fast path).
NEEDS_CLEANING = regex.compile(
    "[" + regex.escape("".join(INVISIBLE | set(HYPHENS) | set(DASHES) | AMBIGUOUS_QUOTES
                               | set(SINGLE_QUOTES) | {"»"}))
    + r"\p{M}\p{Cc}\p{Cf}]|[^\S ]|  |^ | $")
COMBINING = regex.compile(r"\p{M}")
# symbols (emoji, ▪, ●, ✅) and bullet marks at a line's start, with their variation selectors
# (past whitespace, control and format characters the cleaning drops or turns into the space
# it strips at a line's start, a no-break space too: the bullet is found in one pass)
LINE_BULLET = regex.compile(
    r"[\s\p{Cc}\p{Cf}]*(?:[\u2022\u2023\u2043\u00b7\u2190-\u21ff\u25a0-\u27bf\u2b00-\u2bff"
    r"\U0001f300-\U0001faff][\ufe0f\u200d]*[\s\p{Cc}\p{Cf}]*)+")
# accents on a Cyrillic letter: stress marks, dropped («ѐ» is «е» with one)
STRESS_MARKS = frozenset("\u0301\u0300")
# What clean_line_by_runs must look at one by one: runs of spaces, other whitespace and
# control characters, invisible characters, and the quotes, hyphens and dashes it rewrites.
SPECIAL_CHARACTERS = regex.compile(
    " {2,}|^ | $|[^\\S ]|[" + regex.escape("".join(INVISIBLE | set(HYPHENS) | set(DASHES)
                                                   | AMBIGUOUS_QUOTES | set(SINGLE_QUOTES)))
    + r"\p{Cc}]")
GLUED_WORD = regex.compile(r"(?<![\p{L}\-])[а-яё]{9,}(?![\p{L}\-])")
# Two lower-case words run together («рынкисоседних», «станковзаинтересованы») are cut only
# where the first ends as a word ends a phrase (a plural, an adjective, an infinitive) and
# both are long: a word the dictionary lacks whose parts it knows is far more often one word
# («коронавирусная», «пятичасового», «супермоды», «углепластиковые», «заполняемость»; on the
# public sets 43 such cuts were wrong and none right before this).
GLUED_FIRST_ENDINGS = ("ов", "ев", "ах", "ях", "ам", "ям", "ых", "их", "ой", "ей", "ий", "ый",
                       "ть", "ки", "ги", "хи")
GLUED_FIRST_MIN, GLUED_SECOND_MIN = 4, 5  # letters
# «делегацияКорейская» (a headline's last word glued to the text's first), «провинцииАйхонь»:
# a lower-case word glued to a capitalised one
GLUED_NAME = regex.compile(r"(?<![\p{L}\-])([а-яё]{3,})([А-ЯЁ][а-яё]{2,})(?![\p{L}\-])")
HEADLINE_MAX_CHARS = 250
SENTENCE_ENDS = (".", "!", "?", "…")
# what ends a sentence or a clause that a list or a quote follows: no line wraps after it
CLAUSE_ENDS = (*SENTENCE_ENDS, ":", ";")
# what a paragraph's line (or a headline, a list item) mostly ends with; a line going on in
# lower case after a closing quote or bracket is still wrapped
LINE_END_PUNCTUATION = (*CLAUSE_ENDS, "»", '"', ")")
# a hard-wrapped block: this many lines at least, none longer than a printed line
WRAPPED_MIN_LINES = 3
WRAPPED_MAX_CHARS = 100
# A list under a heading such as «Упоминания в материале»: names, one a line, no sentence.
LIST_ITEM_MAX_CHARS = 80
LIST_MAX_ITEMS = 20
# the words at least of a headline after a menu's heading above the text («ТЕМЫ»)
HEADLINE_MIN_WORDS = 6
REGEX_TIMEOUT_S = 0.25


class OffsetMap:
    """Raw [start, end) of every clean character; inserted characters have start == end."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")

    def __len__(self) -> int:
        return len(self.starts)

    def append(self, raw_start: int, raw_end: int) -> None:
        self.starts.append(raw_start)
        self.ends.append(raw_end)

    def extend(self, other: OffsetMap) -> None:
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)

    def tail(self, start: int) -> OffsetMap:
        """The map of the clean characters from ``start`` on."""
        rest = OffsetMap()
        rest.starts.extend(self.starts[start:])
        rest.ends.extend(self.ends[start:])
        return rest

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span that the clean span [start, end) came from."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (
                self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]

    def __reduce__(self):
        # Sent between processes as runs: a few numbers a line instead of 16 bytes a character.
        return OffsetMap.from_runs, (self.to_runs(),)

    def to_runs(self) -> list[int]:
        """Compact form for storage: flat [clean_start, raw_start, length, width, ...] runs;
        a run is one character, or consecutive one-to-one characters."""
        import numpy as np

        starts = np.frombuffer(self.starts, dtype=np.int64)
        widths = np.frombuffer(self.ends, dtype=np.int64) - starts
        if not len(starts):
            return []
        continues = np.zeros(len(starts), dtype=bool)
        continues[1:] = (widths[1:] == 1) & (widths[:-1] == 1) & (starts[1:] == starts[:-1] + 1)
        first = np.flatnonzero(~continues)
        lengths = np.diff(np.append(first, len(starts)))
        return np.stack([first, starts[first], lengths, widths[first]], axis=1).ravel().tolist()

    @classmethod
    def from_runs(cls, runs: list[int]) -> OffsetMap:
        """The map back from ``to_runs``' form (a run's characters are consecutive both in
        the clean text and in the raw text)."""
        import numpy as np

        offset_map = cls()
        if not runs:
            return offset_map
        clean_start, raw_start, length, width = np.asarray(runs, dtype=np.int64).reshape(-1, 4).T
        starts = np.repeat(raw_start - clean_start, length) + np.arange(int(length.sum()))
        offset_map.starts.frombytes(starts.tobytes())
        offset_map.ends.frombytes((starts + np.repeat(width, length)).tobytes())
        return offset_map


@dataclass(slots=True)
class Normalised:
    text: str
    offset_map: OffsetMap
    title: str | None


class _Builder:
    """Accumulates clean characters with their raw spans."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.map = OffsetMap()

    def add(self, char: str, raw_start: int, raw_end: int) -> None:
        self.chars.append(char)
        self.map.append(raw_start, raw_end)

    def last(self) -> str:
        return self.chars[-1][-1] if self.chars else ""

    def without_trailing_spaces(self) -> tuple[str, OffsetMap]:
        """The text so far, and its map, without the spaces at its end."""
        text = "".join(self.chars)
        trailing = len(text) - len(text.rstrip(" "))
        if trailing:
            text = text[:-trailing]
            del self.map.starts[-trailing:]
            del self.map.ends[-trailing:]
        return text, self.map


def _add_clean_char(out: _Builder, char: str, raw_start: int, raw_end: int,
                    following: str = "") -> None:
    """Add ``char`` cleaned; ``following`` is the raw character after it (a dash between
    two letters joins a word: «пресс–центр» is «пресс-центр», not a dash between words)."""
    if char in INVISIBLE or (unicodedata.category(char) == "Cc" and char != "\t"):
        return
    if char.isspace():
        if out.chars and out.last() != " ":
            out.add(" ", raw_start, raw_end)
    elif char in HYPHENS:
        out.add(HYPHENS[char], raw_start, raw_end)
    elif char in DASHES:
        in_word = char == "\u2013" and out.last().isalpha() and following.isalpha()
        out.add("-" if in_word else DASHES[char], raw_start, raw_end)
    elif char in AMBIGUOUS_QUOTES:
        out.add("«" if out.last() in OPENING_CONTEXT else "»", raw_start, raw_end)
    elif char in SINGLE_QUOTES:
        out.add(SINGLE_QUOTES[char], raw_start, raw_end)
    else:
        out.add(char, raw_start, raw_end)


def clean_line(line: str, offset: int) -> tuple[str, OffsetMap]:
    """Normalise one line: NFC, quotes, dashes, spaces, invisible characters; a symbol that
    opens it as a bullet («▪️ Wang Haibo подтвердил …», «📌 …») is the plain «- » of a list
    item (the taggers read a name after a symbol as no name)."""
    return _bulleted(line, offset, _clean_line)


def _bulleted(line: str, offset: int, clean: Callable[[str, int], tuple[str, OffsetMap]]
              ) -> tuple[str, OffsetMap]:
    """``clean`` of the line, a bullet symbol that opens it turned into «- »."""
    bullet = LINE_BULLET.match(line)
    if bullet is None or bullet.end() == len(line):
        return clean(line, offset)  # (a symbol alone on its line stays)
    end = offset + bullet.end()
    text, rest = clean(line[bullet.end():], end)
    offset_map = OffsetMap()
    offset_map.append(offset, end)  # «-»: the bullet
    offset_map.append(end, end)  # « »: inserted
    offset_map.extend(rest)
    return "- " + text, offset_map


def _clean_line(line: str, offset: int) -> tuple[str, OffsetMap]:
    composed = unicodedata.is_normalized("NFC", line)
    if composed and not NEEDS_CLEANING.search(line):
        # Most lines of an article are already clean: same text, one raw char per char.
        offset_map = OffsetMap()
        offset_map.starts = array("q", range(offset, offset + len(line)))
        offset_map.ends = array("q", range(offset + 1, offset + len(line) + 1))
        return line, offset_map
    if not composed or COMBINING.search(line):
        return _clean_line_by_character(line, offset)
    return clean_line_by_runs(line, offset)


def _with_pairs_turned(text: str, offset_map: OffsetMap) -> tuple[str, OffsetMap]:
    """A straight quote turned into «»» may only now close a reversed pair («"ОЭЗ«» →
    «»ОЭЗ«»): turned after the characters too (one for one), so that normalising the
    result again changes nothing."""
    return REVERSED_GUILLEMETS.sub(r"«\1»", text), offset_map


def clean_line_by_runs(line: str, offset: int) -> tuple[str, OffsetMap]:
    """``clean_line`` of an NFC line without combining marks: the runs of characters kept
    as they are are copied whole; only the characters to change go one by one."""
    line = REVERSED_GUILLEMETS.sub(r"«\1»", line)
    out = _Builder()
    position = 0
    for special in SPECIAL_CHARACTERS.finditer(line):
        at = special.start()
        if at > position:
            _add_run(out, line, position, at, offset)
        # one character, or a run of spaces (which becomes one space, as a space does)
        _add_clean_char(out, special.group()[0], offset + at, offset + at + 1,
                        line[at + 1:at + 2])
        position = special.end()
    if position < len(line):
        _add_run(out, line, position, len(line), offset)
    return _with_pairs_turned(*out.without_trailing_spaces())


def _add_run(out: _Builder, line: str, start: int, end: int, offset: int) -> None:
    """Characters ``line[start:end]``, none special but single spaces, kept as they are (a
    space right after a space already out, or at the start, is dropped)."""
    if line[start] == " " and (not out.chars or out.last() == " "):
        start += 1
        if start == end:
            return
    out.chars.append(line[start:end])
    out.map.starts.extend(range(offset + start, offset + end))
    out.map.ends.extend(range(offset + start + 1, offset + end + 1))


def clean_line_by_character(line: str, offset: int) -> tuple[str, OffsetMap]:
    """``clean_line`` character by character (the general case)."""
    return _bulleted(line, offset, _clean_line_by_character)


def _clean_line_by_character(line: str, offset: int) -> tuple[str, OffsetMap]:
    line = REVERSED_GUILLEMETS.sub(r"«\1»", line)
    out = _Builder()
    i, n = 0, len(line)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(line[j]):
            j += 1
        cluster = line[i:j]
        raw_start, raw_end = offset + i, offset + j
        i = j
        # NFC first, so a character that composes to a quote, a dash or a space is mapped
        # the same way as when it is met already composed (normalising twice changes nothing).
        if CYRILLIC_LETTER.match(cluster):  # «Ива́нов» is «Иванов» (a stress mark)
            cluster = "".join(char for char in cluster if char not in STRESS_MARKS)
        for composed in unicodedata.normalize("NFC", cluster):
            _add_clean_char(out, composed, raw_start, raw_end, line[i:i + 1])
    return _with_pairs_turned(*out.without_trailing_spaces())


def cyrillic_look_alikes(line: str) -> str:
    """Latin and Greek letters that look Cyrillic, inside a word of Cyrillic letters, as
    the Cyrillic ones («Цициκара» with a Greek kappa is «Цицикара»): one letter for one, so
    offsets stay."""
    if not LOOK_ALIKE_LETTER.search(line):
        return line
    return MIXED_WORD.sub(lambda word: word.group().translate(TO_CYRILLIC)
                          if CYRILLIC_LETTER.search(word.group()) else word.group(), line)


def split_glued_words(text: str, offset_map: OffsetMap, is_word: Callable[[str], bool],
                      short_forms: Iterable[str] = ()) -> tuple[str, OffsetMap]:
    """Split «провинцииАйхонь» → «провинции Айхонь», «делегацияКорейская» → «делегация
    Корейская» where a lower-case word runs into a capitalised one and the whole is no word,
    and «рынкисоседних» → «рынки соседних» where two lower-case words do (``GLUED_WORD``:
    the cut of the most even halves that are both words, the first ending as a phrase's last
    word does; or after one of ``short_forms``, «госвизита»). The inserted space maps to an
    empty raw span."""
    cuts: list[int] = []
    for match in GLUED_WORD.finditer(text):
        word = match.group()
        if is_word(word):
            continue
        halves = [(min(cut, len(word) - cut), cut)
                  for cut in range(GLUED_FIRST_MIN, len(word) - GLUED_SECOND_MIN + 1)
                  if word[:cut].endswith(GLUED_FIRST_ENDINGS)
                  and is_word(word[:cut]) and is_word(word[cut:])]
        halves += [(0, len(short)) for short in short_forms
                   if word.startswith(short) and is_word(word[len(short):])]
        if halves:
            cuts.append(match.start() + max(halves)[1])
    for match in GLUED_NAME.finditer(text):
        if is_word(match.group(1)) and not is_word(match.group().lower()):
            cuts.append(match.start(2))
    cuts.sort()
    if not cuts:
        return text, offset_map
    pieces: list[str] = []
    new_map = OffsetMap()
    previous = 0
    for cut in cuts:
        pieces.append(text[previous:cut])
        new_map.starts.extend(offset_map.starts[previous:cut])
        new_map.ends.extend(offset_map.ends[previous:cut])
        pieces.append(" ")
        new_map.append(offset_map.starts[cut], offset_map.starts[cut])
        previous = cut
    pieces.append(text[previous:])
    new_map.starts.extend(offset_map.starts[previous:])
    new_map.ends.extend(offset_map.ends[previous:])
    return "".join(pieces), new_map


def boilerplate_rule(line: str, rules: list[BoilerplateRule],
                     timed_out: set[str] | None = None) -> str | None:
    """Id of the first boilerplate rule that matches the whole line, if any.

    A rule that times out is added to ``timed_out`` and skipped from then on, so a
    pathological pattern costs one timeout per document, not one per line.
    """
    return _boilerplate_rule(line, rules, timed_out, _combined(rules))


def _boilerplate_rule(line: str, rules: list[BoilerplateRule], timed_out: set[str] | None,
                      combined: _CombinedRules | None) -> str | None:
    if combined is not None and not timed_out:
        try:  # one pass of one regex instead of one per rule
            found = combined.fullmatch(line)
            return rules[found].id if found is not None else None
        except TimeoutError:
            pass  # find the slow rule one by one below
    for rule in rules:
        if timed_out is not None and rule.id in timed_out:
            continue
        try:
            if rule.regex.fullmatch(line, timeout=REGEX_TIMEOUT_S):
                return rule.id
        except TimeoutError:
            if timed_out is not None:
                timed_out.add(rule.id)
            continue  # a pathological pattern must not hang the run; the line is kept
    return None


def _without_line_start(line: str, line_map: OffsetMap, rules: list[BoilerplateRule],
                        timed_out: set[str]) -> tuple[str, OffsetMap]:
    """The line without the noise a line-start rule matches at its beginning."""
    for rule in rules:
        if rule.id in timed_out:
            continue
        try:
            match = rule.regex.match(line, timeout=REGEX_TIMEOUT_S)
        except TimeoutError:
            timed_out.add(rule.id)
            continue
        if match and match.end():
            return line[match.end():], line_map.tail(match.end())
    return line, line_map


class _CombinedRules:
    """All boilerplate patterns as one alternation (group ``rN`` = rule N).

    Most lines are paragraphs far longer than any boilerplate line a bounded pattern can
    match («a file name of up to 80 characters»), so a line is tried only against the
    patterns that can match a line of its length: one alternation per length bound."""

    def __init__(self, patterns: list[str], every_pattern) -> None:
        self.patterns = patterns
        self.longest = [_longest_match(p) for p in patterns]  # None: unbounded
        self.bounds = sorted({longest for longest in self.longest if longest is not None})
        # by the number of bounds below the line's length; 0: every pattern
        self._compiled: dict[int, object] = {0: every_pattern}

    def fullmatch(self, line: str) -> int | None:
        """The index of the first pattern that matches all of ``line``."""
        below = bisect_left(self.bounds, len(line))
        if below not in self._compiled:
            indices = [i for i, longest in enumerate(self.longest)
                       if longest is None or longest >= len(line)]
            self._compiled[below] = _alternation(self.patterns, indices) if indices else None
        compiled = self._compiled[below]
        if compiled is None:
            return None
        match = compiled.fullmatch(line, timeout=REGEX_TIMEOUT_S)
        return int(match.lastgroup[1:]) if match else None


def _alternation(patterns: list[str], indices: list[int]):  # -> compiled regex
    return regex.compile("|".join(f"(?P<r{i}>{patterns[i]})" for i in indices),
                         regex.IGNORECASE | regex.V1)


def _longest_match(pattern: str) -> int | None:
    """The most characters ``pattern`` can match, if bounded and known (Python's own parser
    reads it; a pattern it cannot read, with the regex module's fuzzy ``{e<=1}``, with
    escaped characters or with letters whose case folding changes length counts as
    unbounded)."""
    if regex.search(r"\{(?![\d,])|\\[xuUN0-7]", pattern) or any(
            len(c.casefold()) != 1 or len(c.upper()) != 1 for c in pattern):
        return None
    try:
        import re._parser as sre_parser

        longest = sre_parser.parse(pattern).getwidth()[1]
    except Exception:  # a pattern only the regex module reads
        return None
    return longest if longest < sre_parser.MAXREPEAT else None


def _combined(rules: list[BoilerplateRule]) -> _CombinedRules | None:
    return _combined_rules(tuple(rule.pattern for rule in rules))


@lru_cache(maxsize=16)
def _combined_rules(patterns: tuple[str, ...]) -> _CombinedRules | None:
    """The patterns combined, or None where a pattern's own groups or back-references make
    combining unsafe."""
    if not patterns or any(regex.search(r"\\[1-9g]|\(\?P?<[A-Za-z]|\(\?P=", p) for p in patterns):
        return None
    try:
        every_pattern = _alternation(list(patterns), list(range(len(patterns))))
    except regex.error:
        return None
    return _CombinedRules(list(patterns), every_pattern)


def _is_list_item(line: str, at_top: bool = False) -> bool:
    """A short line that is no sentence: a name in a list of tags or mentions. Above the text
    (a site's menu of topics) not a line of many words: the article's headline."""
    return len(line) <= LIST_ITEM_MAX_CHARS and not line.endswith((".", "!", "?", ":", ";")) \
        and not (at_top and len(line.split()) >= HEADLINE_MIN_WORDS)


def _is_headline(line: str) -> bool:
    return len(line) <= HEADLINE_MAX_CHARS and not line.endswith((".", ":", ";", ","))


def _wrapped_breaks(lines: list[str], after_gap: list[bool]) -> set[int]:
    """The lines (by index) that go on the line before them: text hard-wrapped at a fixed
    width (old pages, PDF copies: «генеральный консул Кэндзи | Мацуура. Вчера консул
    провел | встречи с …»), a space, not a paragraph's end, between them. A block of lines
    between blank ones is wrapped where most of its lines end no sentence and a good share
    of the next lines go on in lower case; anywhere (across a blank line too) a line that
    ends no clause wraps into a line that opens in lower case."""
    wrapped: set[int] = set()
    blocks: list[list[int]] = []
    for index, gap in enumerate(after_gap):
        if gap or not blocks:
            blocks.append([])
        blocks[-1].append(index)
    for block in blocks:
        breaks = list(pairwise(block))
        open_ended = [(a, b) for a, b in breaks if not lines[a].endswith(LINE_END_PUNCTUATION)]
        lower_next = [(a, b) for a, b in breaks if lines[b][:1].islower()
                      and not lines[a].endswith(CLAUSE_ENDS)]
        if len(block) >= WRAPPED_MIN_LINES and len(open_ended) * 2 >= len(breaks) \
                and len(lower_next) * 3 >= len(open_ended) \
                and all(len(lines[a]) <= WRAPPED_MAX_CHARS for a, _ in breaks):
            wrapped.update(b for _, b in breaks)
    # (across a blank line too: normalised text has none, and normalising stays idempotent)
    wrapped.update(b for a, b in pairwise(range(len(lines)))
                   if lines[b][:1].islower() and not lines[a].endswith(CLAUSE_ENDS))
    # (not after a bullet alone on its line: joined, it would open a bullet's line the next
    # pass writes «- »)
    return {b for b in wrapped if not _bullet_alone(lines[b - 1])}


def _bullet_alone(line: str) -> bool:
    found = LINE_BULLET.match(line)
    return found is not None and found.end() == len(line)


def normalise(raw_text: str, rules: list[BoilerplateRule],
              is_word: Callable[[str], bool] | None = None,
              title_hint: str | None = None, short_forms: Iterable[str] = ()) -> Normalised:
    """Clean ``raw_text``: one paragraph a line, boilerplate lines dropped. A headline the page
    repeats above the text is kept each time: it is text, and gold annotates every copy."""
    kept: list[tuple[str, OffsetMap, int]] = []  # (clean line, its map, raw offset of its end)
    after_gap: list[bool] = []  # whether a blank or dropped line comes before each kept line
    gap = False
    timed_out: set[str] = set()
    line_starts = [rule for rule in rules if rule.line_start]
    rules = [rule for rule in rules if not rule.line_start]
    combined = _combined(rules)
    list_rules = {rule.id for rule in rules if rule.list_after}
    list_items_left = 0  # lines after a list heading that may still be its items
    offset = 0
    for raw_line in raw_text.splitlines(keepends=True):
        body = raw_line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        line, line_map = clean_line(body, offset)
        line_end = offset + len(body)
        offset += len(raw_line)
        if line_starts and line and (not kept or (
                len(kept) == 1 and not kept[0][0].endswith(SENTENCE_ENDS))):
            # a stamp before the text, not inside it: on its first line, or the one after
            # its headline (a first line that ends no sentence)
            line, line_map = _without_line_start(line, line_map, line_starts, timed_out)
        if not line:
            gap = True
            continue
        rule_id = _boilerplate_rule(line, rules, timed_out, combined)
        if rule_id is not None:
            list_items_left = LIST_MAX_ITEMS if rule_id in list_rules else 0
            gap = True
            continue
        if list_items_left and _is_list_item(line, at_top=not kept):
            list_items_left -= 1
            gap = True
            continue
        list_items_left = 0
        if is_word is not None:
            line, line_map = split_glued_words(line, line_map, is_word, short_forms)
        kept.append((cyrillic_look_alikes(line), line_map, line_end))
        after_gap.append(gap)
        gap = False

    wrapped = _wrapped_breaks([line for line, _, _ in kept], after_gap)
    title = None
    if len(kept) > 1 and 1 not in wrapped and _is_headline(kept[0][0]):
        title = kept[0][0]
    elif title_hint:
        title = " ".join(title_hint.split())

    pieces: list[str] = []
    offset_map = OffsetMap()
    for index, (line, line_map, _line_end) in enumerate(kept):
        if index:
            # The line break maps to the raw end of the previous kept line.
            previous_end = kept[index - 1][2]
            pieces.append(" " if index in wrapped else "\n")
            offset_map.append(previous_end, previous_end)
        pieces.append(line)
        offset_map.extend(line_map)
    return Normalised("".join(pieces), offset_map, title)

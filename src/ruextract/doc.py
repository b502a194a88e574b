"""The document model: one ``Doc`` flows through every stage and each stage adds a layer."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .normalise import OffsetMap

ENTITY_TYPES = ("PER", "ORG", "LOC", "PARK", "EVENT")
DELEGATION = "DELEGATION"
# a delegation as a relation's argument names it: «delegation:» and its origin (empty where
# none was found)
DELEGATION_ARGUMENT = "delegation:"
MENTION_TYPES = (*ENTITY_TYPES, DELEGATION)
RELATION_TYPES = (
    "VISITED",
    "DELEGATION_FROM",
    "HEADED_BY",
    "MEMBER_OF_DELEGATION",
    "WORKS_FOR",
    "LOCATED_IN",
    "RESIDENT_OF",
    "PART_OF",
    "AGREEMENT_WITH",
    "PARTICIPATED_IN",
)


# an organisation named by its web address («perm-news.net»): group 1 is the site's own name
# a closed quote of more tokens than this (between its marks) is speech, no name
QUOTED_NAME_TOKENS = 7
# what opens a line of a list («• технопарк «Кедр»;», «– завод «Ольхон»»)
LIST_BULLETS = ("•", "-", "–", "—", "*", "·")
# «ИТ-компании», «IT-сообщество»: a kind of organisation, no name (and a head before a name)
GENERIC_IT_WORD = re.compile(r"(?:IT|ИТ|It|Ит)-[а-яё]+")
WEB_ADDRESS = re.compile(r"(?:www\.)?(?:[a-z0-9-]+\.)*?([a-z0-9-]+)\.[a-z]{2,6}")
_QUOTES = re.compile("[«»„“\"'‘’”‚‛‟‹›]")


# the letters Kazakh, Uzbek, Kyrgyz and Tajik Cyrillic add, as Russian spells their names
# («Жұмабаев» is «Жумабаев», «Ғафуров» «Гафуров», «Ўролов» «Уролов»)
_CENTRAL_ASIAN_LETTERS = str.maketrans("әғқңөұүһіўҳҷӣ", "агкноуухиухчи")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Names compared: lower case, «ё» as «е», no quotes, single spaces, no combining dot
    above (a Turkish «İ» lower-cases to «i» and that dot: «İstanbul» is «Istanbul»), Central
    Asian letters as Russian writes them."""
    return " ".join(_QUOTES.sub("", text.lower().replace("ё", "е").replace("\u0307", "")
                                .translate(_CENTRAL_ASIAN_LETTERS)).split())


@dataclass(slots=True)
class RawDoc:
    """One input unit as read from disk: a file, or a row of a JSONL/CSV file."""

    source: str  # input path as given; "path:line" for JSONL/CSV rows
    raw_text: str  # decoded original (for HTML: the page's text content)
    encoding: str
    format: str  # txt md html jsonl csv
    external_id: str | None = None
    url: str | None = None
    date: str | None = None
    title: str | None = None


@dataclass(slots=True)
class Token:
    start: int  # offsets in Doc.text
    end: int
    text: str
    sent_id: int
    token_id: int  # index in the document
    lemma: str = ""
    pos: str = ""
    feats: str = ""  # "Case=Nom|Number=Sing", as slovnet gives it
    head_id: int = -1  # document token index of the syntactic head, -1 for the root
    rel: str = ""


TOKEN_FIELDS = tuple(f.name for f in fields(Token))  # in order: the columns it is stored as
EXAMPLE_PLACE_WORDS = 3  # «России», «Республики Казахстан», «Ханты-Мансийского округа»


def example_insert_start(tokens: list[Token], t: int, phrases: list[list[str]]) -> int | None:
    """Where a phrase of ``phrases`` (lower-case words: «прежде всего») that ends at token
    ``t`` starts; None where none ends there."""
    for phrase in phrases:
        start = t - len(phrase) + 1
        if start >= 0 and [w.text.lower() for w in tokens[start:t + 1]] == phrase \
                and tokens[start].sent_id == tokens[t].sent_id:
            return start
    return None


def plural_parks_place(tokens: list[Token], opening: int, park_nouns: set[str]) -> int | None:
    """«парки России, | прежде всего …»: the first token of the capitalised place right after
    a plural park noun, the two closed by the comma before ``opening``; None otherwise."""
    comma = opening - 1
    if comma < 2 or tokens[comma].text != "," or tokens[comma].sent_id != tokens[opening].sent_id:
        return None
    for u in range(comma - 1, max(comma - EXAMPLE_PLACE_WORDS - 2, -1), -1):
        word = tokens[u]
        if word.sent_id != tokens[opening].sent_id or not word.text.replace("-", "").isalpha():
            return None
        if word.lemma.lower() in park_nouns and "Number=Plur" in word.feats:
            return u + 1 if u + 1 < comma and tokens[u + 1].text[:1].isupper() else None
    return None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first_token: int  # document token index range [first_token, last_token)
    last_token: int


@dataclass(slots=True)
class Span:
    """A typed span proposed by NER or a rule, before it becomes a mention."""

    start: int
    end: int
    type: str
    source: str  # "ner" or "rule:<rule id>"


@dataclass(slots=True)
class Mention:
    start: int  # offsets in Doc.text (normalised)
    end: int
    type: str  # PER ORG LOC PARK EVENT DELEGATION
    text: str
    normal: str
    source: str  # "ner" or "rule:<id>"
    sent_id: int = 0
    entity_id: int = -1
    # the legal form written right before an organisation's name («АО» of АО «Орбита»): a
    # company, not the park or zone that may share its name
    legal_form: str = ""
    # a region's head word right after a body's name («Минпромторг республики»): the body of
    # the document's region, not the federal one
    region_word: str = ""
    # a settlement's or natural feature's word right before a place's name («реки», «города»
    # of «реки Карасу»): the place, not the park or company named after it
    place_word: str = ""


@dataclass(slots=True)
class Entity:
    entity_id: int
    type: str
    normal: str
    key: str  # stable across documents: type + folded normal form
    mention_ids: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Relation:
    type: str
    arg1: int  # entity ids
    arg2: int
    sent_id: int
    rule: str
    confidence: float
    role: str | None = None
    date_text: str | None = None
    date_iso: str | None = None


@dataclass(slots=True)
class Doc:
    doc_id: str
    raw: RawDoc
    text: str  # normalised
    offset_map: OffsetMap  # raw span of every character of text
    title: str | None = None
    language: str = "ru"
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    ner_spans: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``raw.raw_text`` it came from."""
        return self.offset_map.raw_span(start, end)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the nearest one before it)."""
        return max(bisect_right(self.sentences, offset, key=lambda s: s.start) - 1, 0)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly inside [start, end) (tokens are sorted by offset)."""
        first = bisect_left(self.tokens, start, key=lambda t: t.start)
        last = bisect_right(self.tokens, end, key=lambda t: t.start)
        return [t for t in self.tokens[first:last] if t.end <= end]

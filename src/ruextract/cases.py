"""One-line cases: the lightest gold there is, for tuning rules on phrasings.

A case file is UTF-8 text, one case a line: ``TEXT<TAB>±FACT[<TAB>NOTE]``. ``+FACT`` must be
found in TEXT, ``-FACT`` must not; a fact is ``TYPE arg1 -> arg2`` with normal forms, a
delegation written ``delegation:<origin>`` (ANNOTATION.md), compared case-insensitively with
«ё» folded and quotes removed. An argument is matched as ``ruextract evaluate`` matches gold: by
its entity's normal form or any of its mentions', and by a quoted name alone («технопарк «Идея»»
is «Идея» too). Blank lines and lines starting with ``#`` are skipped.
``ruextract rules cases FILE`` runs them; the repository's own tests keep theirs in Python
tables of the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .doc import DELEGATION, RELATION_TYPES, Doc, RawDoc
from .gold import fold, name_forms
from .relations import SYMMETRIC  # stored once; either order is the fact
from .rules import not_utf8
from .stages import BATCH_DOCS, Pipeline, StageError, batched
from .store import argument_normal


class CaseFormatError(ValueError):
    """A line that is no case: ``file:line: why``."""


@dataclass(frozen=True, slots=True)
class Case:
    text: str
    expected: bool  # '+': must be found; '-': must not
    fact: str  # folded «type arg1 -> arg2»
    relation: str  # the relation type as written (VISITED…)
    where: str  # file:line
    note: str = ""
    forms: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # each argument's


    @property
    def sign(self) -> str:
        """'+' or '-', as the case file writes it."""
        return "+" if self.expected else "-"


@dataclass(frozen=True, slots=True)
class CaseResult:
    case: Case
    passed: bool
    found: frozenset[str]  # at the threshold the cases were run at
    below: frozenset[str] = frozenset()  # found, but of a lower confidence
    names: frozenset[str] = frozenset()  # the text's entities, folded


def read_cases(path: Path) -> list[Case]:
    """The cases of one file; a malformed line is a ``CaseFormatError`` naming it."""
    cases = []
    try:
        text = path.read_text(encoding="utf-8-sig")  # (an editor's byte-order mark or not)
    except UnicodeDecodeError as exc:
        raise CaseFormatError(f"{path}: {not_utf8(exc)}") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cases.append(parse_case(line, f"{path}:{number}"))
    return cases


def parse_case(line: str, where: str = "") -> Case:
    columns = line.split("\t")
    if len(columns) < 2:
        raise CaseFormatError(f"{where}: expected TEXT<TAB>±FACT, found no tab")
    # a line break of the text is written «\n» (a list a line an item: «посетила:\n• …»)
    text, fact = columns[0].strip().replace("\\n", "\n"), columns[1].strip()
    if not text:
        raise CaseFormatError(f"{where}: the text before the tab is empty")
    if fact[:1] not in ("+", "-"):
        raise CaseFormatError(f"{where}: a fact starts with '+' or '-': {fact!r}")
    relation, _, arguments = fact[1:].strip().partition(" ")
    if relation.upper() not in RELATION_TYPES:
        raise CaseFormatError(f"{where}: no relation type {relation!r} (one of "
                              f"{', '.join(RELATION_TYPES)})")
    relation = relation.upper()  # «+visited» is a VISITED case, counted with the others
    first, arrow, second = f" {arguments.strip()} ".partition(" -> ")
    if not arrow or not first.strip() or not second.strip():
        raise CaseFormatError(f"{where}: a fact is «TYPE arg1 -> arg2», both arguments "
                              f"named: {fact!r}")
    return Case(text, fact[0] == "+", fold(f"{relation} {arguments}"), relation, where,
                columns[2].strip() if len(columns) > 2 else "",
                (name_forms(first.strip()), name_forms(second.strip())))


def facts_found(pipeline: Pipeline, texts: Iterable[str], min_confidence: float = 0.0
                ) -> dict[str, frozenset[str]]:
    """Each distinct text's relations of at least ``min_confidence``, folded as cases are.
    The texts go to the taggers ``BATCH_DOCS`` together, as a run's documents do."""
    return {text: _at_least(read.facts, min_confidence)
            for text, read in texts_read(pipeline, texts).items()}


@dataclass(frozen=True, slots=True)
class TextRead:
    """What the pipeline made of a case's text, folded as cases are."""
    facts: dict[str, float]  # each relation with its best confidence
    names: frozenset[str]  # the normal forms of its entities (``delegation:…`` for a group)
    # each relation as matched: type, each argument's forms, confidence
    matched: tuple[tuple[str, frozenset[str], frozenset[str], float], ...] = ()


def texts_read(pipeline: Pipeline, texts: Iterable[str]) -> dict[str, TextRead]:
    """Each distinct text's relations and entities."""
    found: dict[str, TextRead] = {}
    for batch in batched(list(dict.fromkeys(texts)), BATCH_DOCS):
        docs = [pipeline.normaliser.prepare(_case_doc(text)) for text in batch]
        for text, result in zip(batch, pipeline.process(docs), strict=True):
            # a failed document's case fails; the file goes on
            found[text] = (TextRead({}, frozenset()) if isinstance(result, StageError)
                           else TextRead(scored_facts_of(result), frozenset(
                               fold(argument_normal(result, entity.entity_id))
                               for entity in result.entities), _matched_relations(result)))
    return found


def _case_doc(text: str) -> RawDoc:
    return RawDoc(source="case.txt", raw_text=text, encoding="utf-8", format="txt")


def _at_least(scored: dict[str, float], min_confidence: float) -> frozenset[str]:
    return frozenset(fact for fact, confidence in scored.items() if confidence >= min_confidence)


def facts_of(doc: Doc, min_confidence: float = 0.0) -> frozenset[str]:
    """A processed document's relations of at least ``min_confidence``, folded as cases are."""
    return _at_least(scored_facts_of(doc), min_confidence)


def scored_facts_of(doc: Doc) -> dict[str, float]:
    """A processed document's relations folded as cases are, each with its best confidence."""
    scored: dict[str, float] = {}
    for relation in doc.relations:
        first, second = argument_normal(doc, relation.arg1), argument_normal(doc, relation.arg2)
        facts = [fold(f"{relation.type} {first} -> {second}")]
        if relation.type in SYMMETRIC:
            facts.append(fold(f"{relation.type} {second} -> {first}"))
        for fact in facts:
            scored[fact] = max(scored.get(fact, 0.0), relation.confidence)
    return scored


def _argument_forms(doc: Doc, entity_id: int) -> frozenset[str]:
    """The forms an argument matches by: its entity's normal form and its mentions', each also
    as its quoted name alone; a delegation by its origin only."""
    entity = doc.entities[entity_id]
    if entity.type == DELEGATION:
        return frozenset({fold(argument_normal(doc, entity_id))})
    normals = {entity.normal} | {doc.mentions[i].normal for i in entity.mention_ids}
    return frozenset(form for name in normals for form in name_forms(name))


def _matched_relations(doc: Doc) -> tuple[tuple[str, frozenset[str], frozenset[str], float], ...]:
    return tuple((relation.type, _argument_forms(doc, relation.arg1),
                  _argument_forms(doc, relation.arg2), relation.confidence)
                 for relation in doc.relations)


def _stated(case: Case, read: TextRead, min_confidence: float) -> bool:
    """Is the case's fact among the text's relations of at least ``min_confidence``?"""
    first, second = case.forms
    wanted = case.relation.upper()
    return any(relation == wanted and confidence >= min_confidence and (
        (first & one and second & other)
        or (relation in SYMMETRIC and first & other and second & one))
        for relation, one, other, confidence in read.matched)


def run_cases(pipeline: Pipeline, cases: Iterable[Case], min_confidence: float = 0.0
              ) -> Iterator[CaseResult]:
    """Each case's verdict; a text shared by several cases is processed once."""
    cases = list(cases)
    read = texts_read(pipeline, (case.text for case in cases))
    for case in cases:
        found = _at_least(read[case.text].facts, min_confidence)
        yield CaseResult(case, _stated(case, read[case.text], min_confidence) == case.expected,
                         found,
                         frozenset(read[case.text].facts) - found, read[case.text].names)


def _parts(fact: str) -> tuple[str, str, str]:
    """A folded fact's type and two arguments."""
    relation, _, arguments = fact.partition(" ")
    first, _, second = arguments.partition(" -> ")
    return relation, first, second


def _alike(one: str, other: str) -> bool:
    """One argument as the other, or one written inside the other (cut or spelt otherwise)."""
    return bool(one and other) and (one in other or other in one)


def why_missed(result: CaseResult) -> str | None:
    """Why a failing '+' case failed, from what was found: its fact below the threshold, a fact
    of its type whose arguments are its own spelt or cut otherwise, one with one of its
    arguments and another thing, only other pairs, or no fact of its type (its arguments found
    as entities or not). None for a case that passed or a '-' case."""
    case = result.case
    if result.passed or not case.expected:
        return None
    if case.fact in result.below:
        return "below the threshold"
    relation, first, second = _parts(case.fact)
    pairs = [(a, b) for t, a, b in map(_parts, result.found | result.below) if t == relation]
    if any(_alike(a, first) and _alike(b, second) for a, b in pairs):
        return "an argument spelt or cut otherwise"
    if any(a == first or b == second for a, b in pairs):
        return "one argument right, the other another thing"
    if pairs:
        return "facts of the type, between other things"
    if all(any(_alike(name, argument) for name in result.names) for argument in (first, second)):
        return "no fact of the type, both arguments found"
    return "no fact of the type, an argument not found"


def tally(results: Iterable[CaseResult]) -> dict[str, tuple[int, int]]:
    """Passed and total cases by relation type and sign («VISITED+», «VISITED-»)."""
    counts: dict[str, list[int]] = {}
    for result in results:
        key = result.case.relation + result.case.sign
        passed_total = counts.setdefault(key, [0, 0])
        passed_total[0] += result.passed
        passed_total[1] += 1
    return {key: (p, n) for key, (p, n) in sorted(counts.items())}


def tally_misses(results: Iterable[CaseResult]) -> dict[tuple[str, str], int]:
    """Failing '+' cases by relation type and ``why_missed`` (counts only: safe for a part
    kept unread)."""
    counts: dict[tuple[str, str], int] = {}
    for result in results:
        if (why := why_missed(result)) is not None:
            counts[result.case.relation, why] = counts.get((result.case.relation, why), 0) + 1
    return dict(sorted(counts.items()))

"""The stages of the per-document path, in order — what both engines (``pipeline.run`` on
this machine, ``dask_engine.run`` on a cluster) drive:

1. ingest and normalise (``prepared_batches``: ``ingest.read_inputs`` → ``Normaliser``),
   where the inputs are read; duplicates and documents already present are counted out;
2. analyse (``morph.Analyzer``: a batch's sentences tagged together);
3. entities (``EntityExtractor``), then relations (``RelationExtractor``), per document;
4. rows (``store.doc_tables``), for a part-file writer (``part_writer.ChunkWriter``).

``Pipeline`` holds every model and compiled rule, loaded once per process; ``process_batch``
runs 2–4 on a batch."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import regex

from . import memo, store
from .doc import Doc, RawDoc
from .entities import EntityExtractor
from .ingest import IngestError, read_inputs
from .morph import Analyzer, Lexicon
from .normalise import normalise
from .places import names_a_place
from .relations import RelationExtractor
from .rules import RuleSet, load_rules
from .run_record import DUPLICATE

if TYPE_CHECKING:
    from .run_record import RunSummary

BATCH_DOCS = 32  # documents whose sentences go to the taggers together (fewer: slower)
Item = TypeVar("Item")


def make_doc_id(text: str) -> str:
    """Stable: the same normalised article in two batches gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


NOT_A_LETTER = regex.compile(r"\P{L}+")
NOT_CYRILLIC = regex.compile(r"[^\u0400-\u04ff]+")
NOT_LATIN = regex.compile(r"[^\x00-\x7f]+")
UKRAINIAN_LETTERS = regex.compile(r"[іїєґІЇЄҐ]")
UKRAINIAN_SHARE = 0.02  # of Cyrillic letters: «і» alone is about one in twenty in Ukrainian


def detect_language(text: str) -> str:
    """A script-level guess: enough to flag articles that are not Russian."""
    letters = NOT_A_LETTER.sub("", text[:20000])
    if not letters:
        return "unknown"
    cyrillic = NOT_CYRILLIC.sub("", letters)
    if len(cyrillic) / len(letters) < 0.3:
        return "en" if len(NOT_LATIN.sub("", letters)) / len(letters) > 0.5 else "other"
    if len(UKRAINIAN_LETTERS.findall(cyrillic)) >= UKRAINIAN_SHARE * len(cyrillic):
        return "uk"  # (not a Kazakh name's «і» in a Russian article: «ТОО «Ертіс»»)
    return "ru"


@dataclass(slots=True)
class StageError:
    source: str
    stage: str
    error: str
    message: str


class Normaliser:
    """The cheap first stages (rules + dictionary), run where the inputs are read."""

    def __init__(self, rules: RuleSet, lexicon: Lexicon | None = None) -> None:
        self.rules = rules
        self.lexicon = lexicon or Lexicon()
        self.glued_short_forms = tuple(rules.words("glued_short_forms"))

    def _is_word(self, word: str) -> bool:
        """A dictionary word, or a place's name or adjective the dictionary lacks: no glue to
        split («кызылординская» is not «кызыл ординская»)."""
        return self.lexicon.is_word(word) or names_a_place(word)

    def prepare(self, raw: RawDoc) -> Doc:
        clean = normalise(raw.raw_text, self.rules.boilerplate, self._is_word, raw.title,
                          self.glued_short_forms)
        doc = Doc(make_doc_id(clean.text), raw, clean.text, clean.offset_map, clean.title)
        doc.language = detect_language(clean.text)
        return doc


class Pipeline:
    """Every model and compiled rule, loaded once per process."""

    def __init__(self, rules: RuleSet | None = None, rules_dir: Path | None = None,
                 min_confidence: float = 0.0, scorer: bool = True) -> None:
        self.rules = rules or load_rules(rules_dir)
        self.analyzer = Analyzer()
        self.normaliser = Normaliser(self.rules, self.analyzer.lexicon)
        self.entity_extractor = EntityExtractor(self.rules, self.analyzer)
        # scorer=False: every fact keeps its rule's confidence (no fact scorer, see relations)
        self.relation_extractor = RelationExtractor(self.rules, self.analyzer, min_confidence,
                                                    scorer)

    def process(self, docs: list[Doc], digests: dict[str, tuple[str, str]] | None = None
                ) -> list[Doc | StageError]:
        """Analyse a batch together, then extract per document; a failure stays with its doc.
        ``digests`` (if given) gets each extracted document's ``memo.Memo.documents`` entry."""
        try:
            self.analyzer.analyse(docs)
        except Exception:  # retry one by one to isolate the document at fault
            if len(docs) == 1:
                return [_stage_error(docs[0], "analyse")]
            return [result for doc in docs for result in self.process([doc], digests)]
        return [self.extract(doc, digests) for doc in docs]

    def extract(self, doc: Doc, digests: dict[str, tuple[str, str]] | None = None
                ) -> Doc | StageError:
        stage = "entities"
        try:
            self.entity_extractor.extract(doc)
            digest = memo.entity_digest(doc) if digests is not None else ""
            stage = "relations"
            self.relation_extractor.extract(doc)
        except Exception:  # one document's failure must not stop the batch; it is recorded
            return _stage_error(doc, stage)
        if digests is not None:
            digests[doc.doc_id] = (digest, self.relation_extractor.fingerprint)
        return doc


def _stage_error(doc: Doc, stage: str) -> StageError:
    import sys
    import traceback

    exc_type, exc, _ = sys.exc_info()
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc and exc.__traceback__ else None
    location = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    name = exc_type.__name__ if exc_type else "Error"
    return StageError(doc.raw.source, stage, name, f"{exc}{location}")


# -- a run --------------------------------------------------------------------------------------

# rows of the documents that made it, errors, what to remember for re-runs
BatchResult = tuple["store.RowBatch | None", list[StageError], memo.Memo]


def process_batch(pipeline: Pipeline, docs: list[Doc], run_id: str) -> BatchResult:
    """Stages 2–4 on ``docs``: the rows of those that made it (Arrow tables), the errors."""
    done, errors, digests = [], [], {}
    for result in pipeline.process(docs, digests):
        (done if isinstance(result, Doc) else errors).append(result)
    remembered = memo.Memo(pipeline.entity_extractor.take_fresh_normal_forms(), digests)
    return (store.doc_tables(done, run_id) if done else None), errors, remembered


def prepared_batches(inputs: Iterable[str | Path], max_doc_bytes: int, normaliser: Normaliser,
                     summary: RunSummary, seen: set[str], present: set[str],
                     record_error: Callable[[str, str, str, str], None],
                     batch_docs: int) -> Iterator[list[Doc]]:
    """Read, normalise and batch ``inputs`` (see ``prepared``)."""
    return batched(prepared(read_inputs(inputs, max_doc_bytes, summary.pass_over), normaliser,
                            summary, seen, present, record_error), batch_docs)


def prepared(units: Iterable[RawDoc | IngestError], normaliser: Normaliser,
             summary: RunSummary, seen: set[str], present: set[str],
             record_error: Callable[[str, str, str, str], None]) -> Iterator[Doc]:
    """Normalised documents to process; every other input unit is counted (an error row, a
    duplicate in this batch, or already present in the output)."""
    for item in units:
        summary.read += 1
        if isinstance(item, IngestError):
            record_error(item.source, item.stage, item.error, item.message)
            continue
        try:
            doc = normaliser.prepare(item)
        except Exception as exc:  # recorded as an error row; the batch goes on
            record_error(item.source, "normalise", type(exc).__name__, str(exc))
            continue
        if not doc.text.strip():
            record_error(item.source, "normalise", "no_text",
                         "nothing left after removing boilerplate")
            continue
        if doc.doc_id in seen:
            summary.duplicates += 1
            record_error(item.source, "ingest", DUPLICATE,
                         f"same text as document {doc.doc_id}, read earlier in this run")
            continue
        seen.add(doc.doc_id)
        if doc.doc_id in present:
            summary.already_present += 1
            continue
        summary.characters += len(doc.text)
        if doc.language != "ru":
            summary.not_russian += 1
        yield doc


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


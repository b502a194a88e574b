"""The stages and how a batch flows through them: ingest → normalise → analyse → entities →
relations → Parquet. The CLI, the Python API and the tests all call these functions."""

from __future__ import annotations

import hashlib
import os
import socket
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import regex

from . import __version__, memo, reach, store
from .doc import Doc, RawDoc
from .entities import EntityExtractor
from .ingest import DEFAULT_MAX_DOC_BYTES, IngestError, read_inputs
from .keys import KeyResolver, KeyWords
from .morph import Analyzer, Lexicon
from .normalise import normalise
from .part_writer import CHUNK_DOCS, CHUNK_ROWS, ChunkWriter
from .places import gazetteer
from .pool import (
    BatchResult,
    WrittenBatch,
    few_collections,
    fork_context,
    process_batch,
    process_in_pool,
)
from .read_ahead import ReadAhead
from .relations import RelationExtractor
from .rules import RuleSet, load_rules

BATCH_DOCS = 32  # documents whose sentences go to the taggers together (fewer: slower)


def make_doc_id(text: str) -> str:
    """Stable: the same normalised article in two batches gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


NOT_A_LETTER = regex.compile(r"\P{L}+")
NOT_CYRILLIC = regex.compile(r"[^\u0400-\u04ff]+")
NOT_LATIN = regex.compile(r"[^\x00-\x7f]+")


def detect_language(text: str) -> str:
    """A script-level guess: enough to flag articles that are not Russian."""
    letters = NOT_A_LETTER.sub("", text[:20000])
    if not letters:
        return "unknown"
    if len(NOT_CYRILLIC.sub("", letters)) / len(letters) < 0.3:
        return "en" if len(NOT_LATIN.sub("", letters)) / len(letters) > 0.5 else "other"
    if regex.search(r"[іїєґІЇЄҐ]", text[:20000]):
        return "uk"
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

    def prepare(self, raw: RawDoc) -> Doc:
        clean = normalise(raw.raw_text, self.rules.boilerplate, self.lexicon.is_word, raw.title)
        doc = Doc(make_doc_id(clean.text), raw, clean.text, clean.offset_map, clean.title)
        doc.language = detect_language(clean.text)
        return doc


class Pipeline:
    """Every model and compiled rule, loaded once per process."""

    def __init__(self, rules: RuleSet | None = None, rules_dir: Path | None = None,
                 min_confidence: float = 0.0) -> None:
        self.rules = rules or load_rules(rules_dir)
        self.analyzer = Analyzer()
        self.normaliser = Normaliser(self.rules, self.analyzer.lexicon)
        self.entity_extractor = EntityExtractor(self.rules, self.analyzer)
        self.relation_extractor = RelationExtractor(self.rules, self.analyzer, min_confidence)

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

@dataclass
class RunSummary:
    run_id: str
    started: str
    read: int = 0
    processed: int = 0
    duplicates: int = 0
    already_present: int = 0
    failed: int = 0
    not_russian: int = 0
    characters: int = 0
    mentions: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    wall_seconds: float = 0.0
    min_confidence: float = 0.0  # relations below it were not kept

    @property
    def docs_per_second(self) -> float:
        return self.processed / self.wall_seconds if self.wall_seconds else 0.0

    @property
    def finished(self) -> int:
        """Input units dealt with so far, one way or another."""
        return self.processed + self.failed + self.duplicates + self.already_present

    def error_recorder(self, writer: ChunkWriter) -> Callable[[str, str, str, str], None]:
        """A function that counts a failed input unit and writes its errors row."""
        def record_error(source: str, stage: str, error: str, message: str) -> None:
            self.failed += 1
            self.errors[error] += 1
            writer.add({"errors": [{"source": source, "stage": stage, "error": error,
                                    "message": message, "run_id": self.run_id}]})

        return record_error

    def as_dict(self) -> dict:
        return {
            "read": self.read, "processed": self.processed, "duplicates": self.duplicates,
            "already_present": self.already_present, "failed": self.failed,
            "not_russian": self.not_russian, "characters": self.characters,
            "mentions": dict(sorted(self.mentions.items())),
            "relations": dict(sorted(self.relations.items())),
            "errors": dict(sorted(self.errors.items())),
            "wall_seconds": round(self.wall_seconds, 3),
            "docs_per_second": round(self.docs_per_second, 3),
        }


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"ruextract": __version__}
    for package in ("natasha", "slovnet", "spacy", "pymorphy3", "pyarrow", "pandas"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "not installed"
    return found


def run(inputs: Iterable[str | Path], out: Path, *, rules_dir: Path | None = None,
        workers: int = 1, force: bool = False, max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
        batch_docs: int = BATCH_DOCS, chunk_docs: int = CHUNK_DOCS,
        chunk_rows: int = CHUNK_ROWS, progress: Callable[[int, int], None] | None = None,
        pipeline: Pipeline | None = None, min_confidence: float = 0.0) -> RunSummary:
    """Process ``inputs`` into the Parquet dataset ``out``; returns the run's summary.
    Relations below ``min_confidence`` are not kept (a given ``pipeline`` keeps its own)."""
    rules = pipeline.rules if pipeline else load_rules(rules_dir)  # invalid rules stop here
    out = Path(out)
    started = time.perf_counter()
    summary = RunSummary(uuid.uuid4().hex[:12], datetime.now(UTC).isoformat(timespec="seconds"),
                         min_confidence=pipeline.relation_extractor.min_confidence if pipeline
                         else min_confidence)
    with store.OutputLock(out):
        existing, present = documents_present(out, force)
        reach.before_run(out, rules, summary.min_confidence)
        writer = ChunkWriter(out, summary.run_id, chunk_docs, chunk_rows)
        normaliser = pipeline.normaliser if pipeline else Normaliser(rules)

        record_error = summary.error_recorder(writer)

        remembered = memo.Memo()

        def record(result: BatchResult | WrittenBatch) -> None:
            if isinstance(result, WrittenBatch):  # a worker wrote the rows itself
                batch, errors, computed = None, result.errors, result.remembered
                summary.processed += result.processed
                summary.mentions.update(result.mentions)
                summary.relations.update(result.relations)
            else:
                batch, errors, computed = result
            remembered.update(computed)
            for error in errors:
                record_error(error.source, error.stage, error.error, error.message)
            if batch is not None:
                summary.processed += batch.docs
                summary.mentions.update(batch.type_counts("mentions"))
                summary.relations.update(batch.type_counts("relations"))
                writer.add_batch(batch)
            if progress:
                progress(summary.read, summary.finished)

        seen: set[str] = set()
        context = fork_context() if workers > 1 else None
        reader = None
        try:
            if context is not None:  # read and normalise in a process of its own: ReadAhead
                reader = ReadAhead(context, inputs, max_doc_bytes, normaliser, present,
                                   batch_docs, existing if force else set(), workers)
                batches = reader.batches(summary, seen, record_error, progress)
            else:
                batches = prepared_batches(inputs, max_doc_bytes, normaliser, summary, seen,
                                           present, record_error, batch_docs)
            if workers <= 1:
                local = pipeline or Pipeline(rules, min_confidence=min_confidence)
                with few_collections():
                    for batch in batches:
                        record(process_batch(local, batch, summary.run_id))
            else:
                process_in_pool(pipeline or Pipeline(rules, min_confidence=min_confidence),
                                 context, workers, batches, record,
                                 (summary.run_id, str(out), chunk_docs, chunk_rows))
        finally:
            if reader is not None:
                reader.close()
        finish_run(out, summary, rules, writer, started, seen & existing if force else set(),
                   remembered)
    return summary


def documents_present(out: Path, force: bool) -> tuple[set[str], set[str]]:
    """The doc_ids in ``out``, and those this run must skip (none under ``force``, which
    re-processes them: what the memo says of their rows is dropped first)."""
    existing = store.existing_doc_ids(out)
    if force and existing:
        memo.forget_documents(out)
    return existing, set() if force else existing


def finish_run(out: Path, summary: RunSummary, rules: RuleSet, writer: ChunkWriter,
               started: float, reprocessed: set[str], remembered: memo.Memo | None = None
               ) -> None:
    """The end of every run: last rows out, earlier rows of re-processed documents dropped,
    every table present, what re-runs can reuse remembered, the manifest last."""
    writer.flush()
    if remembered is not None:
        memo.add_to_memo(out, remembered)
    if reprocessed:  # --force: re-processed documents replace their earlier rows
        store.drop_documents(out, reprocessed, keep_prefix=f"part-{summary.run_id}")
    reach.after_run(out, rules, summary.min_confidence, new_parts=f"part-{summary.run_id}")
    # The batch's keys, made canonical together; earlier batches' names keep their keys.
    store.rekey_output(out, key_resolver(rules), new_parts=f"part-{summary.run_id}",
                       added_only=not reprocessed)
    store.ensure_tables(out, summary.run_id)
    summary.wall_seconds = time.perf_counter() - started
    store.write_manifest(out, manifest(summary, rules, out))


def key_resolver(rules: RuleSet) -> KeyResolver:
    """What makes a batch's keys canonical: the rules' key words and the places gazetteer."""
    return KeyResolver(KeyWords.from_rules(rules), gazetteer())


def prepared_batches(inputs: Iterable[str | Path], max_doc_bytes: int, normaliser: Normaliser,
                     summary: RunSummary, seen: set[str], present: set[str],
                     record_error: Callable[[str, str, str, str], None],
                     batch_docs: int) -> Iterator[list[Doc]]:
    """Read, normalise and batch ``inputs`` (see ``prepared``)."""
    return batched(prepared(read_inputs(inputs, max_doc_bytes), normaliser, summary, seen,
                            present, record_error), batch_docs)


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
            continue
        seen.add(doc.doc_id)
        if doc.doc_id in present:
            summary.already_present += 1
            continue
        summary.characters += len(doc.text)
        if doc.language != "ru":
            summary.not_russian += 1
        yield doc


def batched(docs: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def manifest(summary: RunSummary, rules: RuleSet, out: Path) -> dict:
    previous = {}
    path = out / "manifest.json"
    if path.exists():
        import json

        try:
            previous = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
    runs = [r for r in previous.get("runs", []) if isinstance(r, dict)]
    this_run = {"run_id": summary.run_id, "started": summary.started,
                "counts": summary.as_dict(), "rules_fingerprint": rules.fingerprint,
                "min_confidence": summary.min_confidence}
    runs.append(this_run)
    totals = {table: store.count_rows(out, table) for table in store.TABLES}
    return {
        "run_id": summary.run_id, "time": summary.started, "versions": versions(),
        "rules_dir": str(rules.directory), "rules_fingerprint": rules.fingerprint,
        "counts": summary.as_dict(), "table_rows": totals,
        "host_pid": f"{socket.gethostname()} {os.getpid()}",
        "runs": runs,
    }

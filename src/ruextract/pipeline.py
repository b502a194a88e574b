"""The local engine: the stages (``stages``) run on this machine, in this process or in
worker processes (``pool``) fed by a reader process (``read_ahead``). ``dask_engine`` is the
same on a cluster. The CLI, the Python API and the tests call ``run``."""

from __future__ import annotations

import importlib
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from . import memo, reach, store
from .ingest import DEFAULT_MAX_DOC_BYTES
from .part_writer import CHUNK_DOCS, CHUNK_ROWS, ChunkWriter
from .pool import PartOutput, WorkerPool, WrittenBatch
from .processes import few_collections, fork_context
from .read_ahead import ReadAhead
from .rules import load_rules
from .run_record import (  # noqa: F401  (the names callers have always imported from here)
    RunSummary,
    documents_present,
    finish_run,
    inputs_given,
    key_resolver,
    manifest,
    versions,
)
from .stages import (  # noqa: F401
    BATCH_DOCS,
    BatchResult,
    Normaliser,
    Pipeline,
    StageError,
    batched,
    detect_language,
    make_doc_id,
    prepared,
    prepared_batches,
    process_batch,
)

# after Ctrl-C, how long the workers may take to write the rows of the batches they finished
INTERRUPT_GRACE_SECONDS = 30.0


def run(inputs: Iterable[str | Path], out: Path, *, rules_dir: Path | None = None,
        workers: int = 1, force: bool = False, replace_edited: bool = False,
        max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
        batch_docs: int = BATCH_DOCS, chunk_docs: int = CHUNK_DOCS,
        chunk_rows: int = CHUNK_ROWS, progress: Callable[[int, int], None] | None = None,
        pipeline: Pipeline | None = None, min_confidence: float = 0.0) -> RunSummary:
    """Process ``inputs`` into the Parquet dataset ``out``; returns the run's summary.
    Relations below ``min_confidence`` are not kept (a given ``pipeline`` keeps its own). An
    article read again with another text replaces its earlier version: the same URL always,
    the same file or id in its file under ``replace_edited`` (``store.article_identity``)."""
    rules = pipeline.rules if pipeline else load_rules(rules_dir)  # invalid rules stop here
    out = Path(out)
    started = time.perf_counter()
    summary = RunSummary(uuid.uuid4().hex[:12], datetime.now(UTC).isoformat(timespec="seconds"),
                         min_confidence=pipeline.relation_extractor.min_confidence if pipeline
                         else min_confidence)
    with store.OutputLock(out):
        existing, present = documents_present(out, force)
        reach.before_run(out, rules, summary.min_confidence)
        writer = ChunkWriter(out, summary.run_id, chunk_docs, chunk_rows)  # this process's rows
        record_error = summary.error_recorder(writer)
        remembered = memo.Memo()

        def record(result: BatchResult | WrittenBatch) -> None:
            if isinstance(result, WrittenBatch):  # a worker took the rows into its own writer
                remembered.update(result.remembered)
                errors = result.errors
                summary.processed += result.processed
                summary.mentions.update(result.mentions)
                summary.relations.update(result.relations)
            else:
                rows, errors, computed = result
                remembered.update(computed)
                if rows is not None:
                    summary.processed += rows.docs
                    summary.mentions.update(rows.type_counts("mentions"))
                    summary.relations.update(rows.type_counts("relations"))
                    writer.add_batch(rows)
            for error in errors:
                record_error(error.source, error.stage, error.error, error.message)
            if progress:
                progress(summary.read, summary.finished)

        seen: set[str] = set()
        context = fork_context() if workers > 1 else None  # no fork: one process
        if context is None:
            local = pipeline or Pipeline(rules, min_confidence=min_confidence)
            with few_collections():
                for batch in prepared_batches(inputs, max_doc_bytes, local.normaliser, summary,
                                              seen, present, record_error, batch_docs):
                    record(process_batch(local, batch, summary.run_id))
        else:
            # The reader starts first: it reads and normalises while the models load here.
            reader = ReadAhead(context, inputs, max_doc_bytes,
                               pipeline.normaliser if pipeline else Normaliser(rules), present,
                               batch_docs, existing, workers)
            pool = None
            try:
                local = pipeline or Pipeline(rules, min_confidence=min_confidence)
                with few_collections():  # forked workers inherit its settings
                    pool = WorkerPool(context, local, workers,
                                      PartOutput(out, summary.run_id, chunk_docs, chunk_rows))
                    # The end of the run reads Parquet, so pyarrow imports pandas (~0.25 s)
                    # here: while the workers run, not before they start (they never need
                    # it: pool.arrow_without_pandas), in a thread, since this process
                    # mostly waits for them meanwhile.
                    importing = threading.Thread(target=importlib.import_module,
                                                 args=("pyarrow.dataset",), daemon=True)
                    importing.start()
                    pool.run(reader.batches(summary, seen, record_error, progress), record)
                    importing.join()
            except KeyboardInterrupt:
                if pool is not None:
                    pool.close(grace=INTERRUPT_GRACE_SECONDS)  # the workers write what is done
                raise
            finally:
                if pool is not None:
                    pool.close()
                reader.close()
        finish_run(out, summary, rules, writer, started, seen & existing if force else set(),
                   remembered, inputs_given(inputs), replace_edited,
                   read_again=set() if force else seen & existing)
    return summary

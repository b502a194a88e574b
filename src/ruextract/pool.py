"""The local engine's worker pool: processes forked after the models load, each doing a
batch's whole path (analyse, extract, write its own part files) and sending back only
counts, error rows and memo entries; and the garbage collector kept out of the way."""

from __future__ import annotations

import gc
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import memo, store
from .doc import Doc
from .part_writer import ChunkWriter

if TYPE_CHECKING:
    from .pipeline import Pipeline, StageError

_worker_pipeline: Pipeline | None = None
_worker_threads = None  # threadpoolctl's limits, kept for the worker's lifetime


def limit_blas_threads() -> None:
    """One BLAS/OpenMP thread in this (worker) process, for its lifetime."""
    global _worker_threads
    try:
        from threadpoolctl import threadpool_limits

        _worker_threads = threadpool_limits(limits=1)
    except ImportError:  # without threadpoolctl, the environment variables still help
        pass


# The run's pipeline, models loaded, inherited by forked workers: loaded once, not once per
# worker, and its pages shared between them until written.
_parent_pipeline: Pipeline | None = None


def _init_worker(rules_dir: str, fingerprint: str, min_confidence: float) -> None:
    """Set up a worker process's pipeline. One BLAS/OpenMP thread per worker: the workers
    are the parallelism, and numpy's OpenBLAS otherwise starts a thread per core in each."""
    global _worker_pipeline
    limit_blas_threads()
    inherited = _parent_pipeline
    if inherited is not None and inherited.rules.fingerprint == fingerprint and \
            inherited.relation_extractor.min_confidence == min_confidence:
        _worker_pipeline = inherited
    else:  # a worker started afresh (no fork): load the rules and models here
        from .pipeline import Pipeline
        from .rules import load_rules

        _worker_pipeline = Pipeline(load_rules(Path(rules_dir)), min_confidence=min_confidence)


# rows of the documents that made it, errors, what to remember for re-runs
BatchResult = tuple["store.RowBatch | None", "list[StageError]", memo.Memo]


def process_batch(pipeline: Pipeline, docs: list[Doc], run_id: str) -> BatchResult:
    """Process ``docs``; the rows of those that made it, as Arrow tables, and the errors."""
    done, errors, digests = [], [], {}
    for result in pipeline.process(docs, digests):
        (done if isinstance(result, Doc) else errors).append(result)
    remembered = memo.Memo(pipeline.entity_extractor.take_fresh_normal_forms(), digests)
    return (store.doc_tables(done, run_id) if done else None), errors, remembered


@dataclass(slots=True)
class WrittenBatch:
    """What a worker sends back for a batch whose rows it wrote itself: counts, the error
    rows for the main process to write, and what to remember for re-runs."""

    processed: int
    mentions: Counter
    relations: Counter
    errors: list[StageError]
    remembered: memo.Memo


def _process_in_worker(docs: list[Doc], run_id: str, out: str, number: int,
                       chunk_docs: int, chunk_rows: int) -> WrittenBatch:
    """Process batch ``number`` and write its rows as part files of its own
    (``part-<run_id>-b<number>-…``: unique per batch, and sorted in input order)."""
    assert _worker_pipeline is not None
    batch, errors, remembered = process_batch(_worker_pipeline, docs, run_id)
    if batch is None:
        return WrittenBatch(0, Counter(), Counter(), errors, remembered)
    writer = ChunkWriter(Path(out), f"{run_id}-b{number:05d}", chunk_docs, chunk_rows)
    writer.add_batch(batch)
    writer.flush()
    return WrittenBatch(batch.docs, batch.type_counts("mentions"),
                        batch.type_counts("relations"), errors, remembered)


GC_THRESHOLDS = (50_000, 50, 100)  # Python's default is (700, 10, 10)


_collections = {"depth": 0, "thresholds": (700, 10, 10), "froze": False}
_collections_lock = threading.Lock()


@contextmanager
def few_collections() -> Iterator[None]:
    """Collect garbage rarely while documents are processed, and never look at what is
    alive already (rules, models: ``gc.freeze``). A batch makes hundreds of thousands of
    short-lived objects (tokens, spans) and almost no reference cycles, so the collector's
    default pace costs about a tenth of the run for nothing; memory stays the same.

    The host's settings come back afterwards (nested and concurrent runs: when the last one
    ends); objects the host froze itself stay frozen (nothing more is frozen then)."""
    with _collections_lock:
        if _collections["depth"] == 0:
            _collections["thresholds"] = gc.get_threshold()
            _collections["froze"] = gc.get_freeze_count() == 0
            if _collections["froze"]:
                gc.freeze()
            gc.set_threshold(*GC_THRESHOLDS)
        _collections["depth"] += 1
    try:
        yield
    finally:
        with _collections_lock:
            _collections["depth"] -= 1
            if _collections["depth"] == 0:
                gc.set_threshold(*_collections["thresholds"])
                if _collections["froze"]:
                    gc.unfreeze()


def process_in_pool(pipeline: Pipeline, context, workers: int,
                     batches: Iterable[list[Doc]], record: Callable[[WrittenBatch], None],
                     output: tuple[str, str, int, int]) -> None:
    """``batches`` processed by ``workers`` processes, each writing its batch's part files
    (``output``: run_id, directory, chunk_docs, chunk_rows); results recorded in submission
    order (errors rows and the memo the same on every run); at most two batches per worker
    are in flight. Forked workers share the models this process loads first."""
    run_id, out, chunk_docs, chunk_rows = output
    global _parent_pipeline
    rules = pipeline.rules
    if context is not None:
        _parent_pipeline = pipeline
        _parent_pipeline.analyzer.load()
    try:  # forked workers inherit few_collections' settings
        with few_collections(), ProcessPoolExecutor(
                workers, mp_context=context, initializer=_init_worker,
                initargs=(str(rules.directory), rules.fingerprint,
                          pipeline.relation_extractor.min_confidence)) as pool:
            pending: deque[Future] = deque()
            for number, batch in enumerate(batches):
                pending.append(pool.submit(_process_in_worker, batch, run_id, out, number,
                                           chunk_docs, chunk_rows))
                if len(pending) >= 2 * workers:
                    record(pending.popleft().result())
            while pending:
                record(pending.popleft().result())
    finally:
        _parent_pipeline = None


def fork_context():  # -> multiprocessing context | None
    """Fork where the platform has it (workers then inherit the loaded models)."""
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None

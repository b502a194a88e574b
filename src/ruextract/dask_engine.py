"""The same stages on a Dask distributed cluster (``ruextract run --engine dask``).

The client reads and normalises the inputs (so duplicates and documents already in the
output are skipped exactly as in a local run), cuts the documents into partitions and
sends them to the workers. Each worker process loads one ``Pipeline`` and keeps it for
every partition it gets; each partition writes its own part files, named after the run
and the partition, straight to the output directory. The client records errors, removes
replaced rows under ``force`` and writes the manifest.

The output directory must be one filesystem path that the client and every worker see
(NFS, a cluster filesystem, or one machine). Needs ``pip install 'ruextract[dask]'``.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import reach, store
from .doc import Doc
from .ingest import DEFAULT_MAX_DOC_BYTES
from .part_writer import ChunkWriter
from .rules import default_rules_dir, load_rules
from .run_record import RunSummary, documents_present, finish_run, inputs_given
from .stages import (
    BATCH_DOCS,
    Normaliser,
    Pipeline,
    StageError,
    batched,
    prepared_batches,
    process_batch,
)

PARTITION_DOCS = 200  # documents per task: a worker's part files hold one partition


@dataclass(slots=True)
class PartitionResult:
    """What a worker sends back: counts, failed documents, and the files it wrote."""

    processed: int = 0
    mentions: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    errors: list[StageError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


class OutputNotSharedError(OSError):
    """Workers wrote part files that the client cannot see."""


class RulesMismatchError(RuntimeError):
    """A worker loaded different rules from the client's."""


# One Pipeline per worker process, loaded by the first partition it gets and kept.
_worker_pipelines: dict[tuple[str | None, float], Pipeline] = {}
_worker_lock = threading.Lock()


def worker_pipeline(rules_dir: str | None, fingerprint: str, min_confidence: float = 0.0
                    ) -> Pipeline:
    """This worker's Pipeline; ``rules_dir`` None means the rules packaged with ruextract."""
    key = (rules_dir, min_confidence)
    with _worker_lock:
        cached = _worker_pipelines.get(key)
        if cached is None or cached.rules.fingerprint != fingerprint:  # rules were edited
            _worker_pipelines[key] = Pipeline(rules_dir=Path(rules_dir) if rules_dir else None,
                                              min_confidence=min_confidence)
        pipeline = _worker_pipelines[key]
    if pipeline.rules.fingerprint != fingerprint:
        raise RulesMismatchError(
            f"worker rules {pipeline.rules.directory} (fingerprint "
            f"{pipeline.rules.fingerprint}) differ from the client's ({fingerprint}): install "
            "the same ruextract version and rules on every worker")
    return pipeline


def process_partition(docs: list[Doc], out: str, run_id: str, partition: int,
                      rules: tuple[str | None, str, float], batch_docs: int = BATCH_DOCS
                      ) -> PartitionResult:
    """Analyse and extract one partition on a worker and write its part files to ``out``.

    The file names depend only on the run and the partition, so a partition that Dask
    re-runs (its worker died) replaces its own files instead of adding a second copy.
    """
    pipeline = worker_pipeline(*rules)
    result = PartitionResult()
    # One part file per table for the whole partition; ChunkWriter writes documents last.
    writer = ChunkWriter(Path(out), f"{run_id}-p{partition:05d}", chunk_docs=len(docs) + 1)
    for batch in batched(docs, batch_docs):
        rows, errors, _ = process_batch(pipeline, batch, run_id)  # (a Dask run keeps no memo)
        result.errors.extend(errors)
        if rows is not None:
            writer.add_batch(rows)
            result.processed += rows.docs
            result.mentions.update(rows.type_counts("mentions"))
            result.relations.update(rows.type_counts("relations"))
    writer.flush()
    result.files = sorted(str(path.relative_to(out)) for path in Path(out).glob(
        f"*/part-{run_id}-p{partition:05d}-*.parquet"))
    return result


def run(inputs: Iterable[str | Path], out: Path, *, scheduler: str | None = None,
        n_workers: int = 2, rules_dir: Path | None = None, force: bool = False,
        replace_edited: bool = False,
        max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES, partition_docs: int = PARTITION_DOCS,
        batch_docs: int = BATCH_DOCS, progress: Callable[[int, int], None] | None = None,
        client=None, min_confidence: float = 0.0
        ) -> RunSummary:  # client: distributed.Client | None
    """Process ``inputs`` into the Parquet dataset ``out`` on a Dask cluster.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without one
    (and without a ``client``) a local cluster of ``n_workers`` single-threaded worker
    processes is started for this run.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ImportError("the Dask engine needs the dask extra: "
                          "pip install 'ruextract[dask]'") from exc

    rules = load_rules(rules_dir)  # invalid rules stop the run before anything is read
    out = Path(out).resolve()  # workers need a path that means the same on every machine
    run_args = (inputs, out, rules, force, replace_edited, max_doc_bytes, partition_docs,
                batch_docs, progress, min_confidence)
    if client is not None:
        return _run(client, *run_args)
    if scheduler:
        with Client(scheduler) as own_client:
            return _run(own_client, *run_args)
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as own_client:
        return _run(own_client, *run_args)


def _run(client, inputs: Iterable[str | Path], out: Path, rules, force: bool,
         replace_edited: bool, max_doc_bytes: int, partition_docs: int, batch_docs: int,
         progress: Callable[[int, int], None] | None, min_confidence: float) -> RunSummary:
    from distributed import as_completed

    started = time.perf_counter()
    summary = RunSummary(uuid.uuid4().hex[:12], datetime.now(UTC).isoformat(timespec="seconds"),
                         min_confidence=min_confidence)
    with store.OutputLock(out):
        # (a Dask run writes no memo: its documents are re-done by later re-runs)
        existing, present = documents_present(out, force)
        reach.before_run(out, rules, min_confidence)
        error_writer = ChunkWriter(out, f"{summary.run_id}-client")

        record_error = summary.error_recorder(error_writer)

        def record(result: PartitionResult) -> None:
            missing = [name for name in result.files if not (out / name).exists()]
            if missing:
                raise OutputNotSharedError(
                    f"a worker wrote {missing[0]} under {out}, but this machine does not see "
                    "it: the output must be a filesystem path mounted on every worker")
            summary.processed += result.processed
            summary.mentions.update(result.mentions)
            summary.relations.update(result.relations)
            for error in result.errors:
                record_error(error.source, error.stage, error.error, error.message)
            if progress:
                progress(summary.read, summary.finished)

        seen: set[str] = set()
        partitions = prepared_batches(inputs, max_doc_bytes, Normaliser(rules), summary, seen,
                                      present, record_error, partition_docs)
        in_flight = 2 * max(1, len(client.scheduler_info()["workers"]))
        # Packaged rules are found on each worker; another directory must exist on all.
        packaged = rules.directory.resolve() == default_rules_dir().resolve()
        worker_rules = (None if packaged else str(rules.directory), rules.fingerprint,
                        min_confidence)
        submit = _submitter(client, partitions, str(out), summary.run_id, worker_rules,
                            batch_docs)
        # A bounded number of partitions in flight: the client never holds the whole batch.
        pending = as_completed([future for _, future in zip(range(in_flight), submit,
                                                                strict=False)])
        for future in pending:
            record(future.result())
            future.release()
            following = next(submit, None)
            if following is not None:
                pending.add(following)
        finish_run(out, summary, rules, error_writer, started,
                   seen & existing if force else set(), inputs=inputs_given(inputs),
                   replace_edited=replace_edited, read_again=set() if force else seen & existing)
    return summary


def _submitter(client, partitions: Iterator[list[Doc]], out: str, run_id: str,
               rules: tuple[str | None, str, float], batch_docs: int) -> Iterator:
    for number, docs in enumerate(partitions):
        # pure=False: a partition is a side effect (files), never deduplicated by Dask.
        yield client.submit(process_partition, docs, out, run_id, number, rules,
                            batch_docs, pure=False, key=f"ruextract-{run_id}-{number:05d}")

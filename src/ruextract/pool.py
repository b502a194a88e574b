"""The local engine's worker processes. Forked after the models load (loaded once, their
pages shared), each pulls batches from one queue and does a batch's whole path: analyse,
extract, and write the rows with a part-file writer of its own that lives as long as the
worker (``part-<run_id>-w<k>-<n>``: a new file every ``chunk_docs`` documents, and the last
when the worker is told to close). Back to the main process go only counts, error rows and
memo entries, recorded in the batches' order.

A worker that dies (killed, out of memory) ends the run with ``WorkerDied``: the rows it
had not yet written are not in the output, nor are any of a part it was writing (a part
counts once its documents file is there, and the next run clears the rest), so running the
same command again does exactly the documents that are missing."""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from . import memo
from .doc import Doc
from .part_writer import ChunkWriter
from .processes import arrow_without_pandas, for_the_parent, limit_blas_threads
from .stages import Pipeline, StageError, process_batch


@dataclass(frozen=True, slots=True)
class PartOutput:
    """Where and how big a worker writes its part files."""

    out: Path
    run_id: str
    chunk_docs: int
    chunk_rows: int


@dataclass(slots=True)
class WrittenBatch:
    """What a worker sends back for a batch whose rows it took into its writer."""

    number: int
    processed: int
    mentions: Counter
    relations: Counter
    errors: list[StageError]
    remembered: memo.Memo


class WorkerDied(RuntimeError):
    """A worker process ended before it was told to (killed, out of memory)."""


# a batch: its documents, or (from the reader process) the pickle of them, which the main
# process passes on without unpickling
Batch = list[Doc] | bytes


class WorkerPool:
    """``workers`` forked processes sharing ``pipeline``; ``run`` feeds them batches."""

    IN_FLIGHT_PER_WORKER = 2  # batches queued or running per worker: none idles, memory bounded

    def __init__(self, context, pipeline: Pipeline, workers: int, output: PartOutput) -> None:
        pipeline.analyzer.load()  # before the fork: loaded once, shared by every worker
        self.tasks = context.Queue()  # put from a feeder thread: never blocks the main process
        self.connections: list[Connection] = []
        self.processes = []
        for number in range(workers):
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(target=_work, daemon=True,
                                      name=f"ruextract-worker-{number}",
                                      args=(number, pipeline, self.tasks, sending, output))
            process.start()
            sending.close()  # the worker holds the only sending end: its death reads as EOF
            self.connections.append(receiving)
            self.processes.append(process)
        self.closed: set[int] = set()
        self.closing = False

    def run(self, batches: Iterable[Batch], record: Callable[[WrittenBatch], None]) -> None:
        """Every batch processed and written; ``record`` gets each batch's result in order."""
        waiting: dict[int, WrittenBatch] = {}
        recorded = in_flight = 0

        def receive() -> None:
            nonlocal recorded, in_flight
            result = self._receive()
            if result is None:
                return
            in_flight -= 1
            waiting[result.number] = result
            while recorded in waiting:
                record(waiting.pop(recorded))
                recorded += 1

        for number, batch in enumerate(batches):
            self.tasks.put((number, batch))
            in_flight += 1
            while in_flight >= self.IN_FLIGHT_PER_WORKER * len(self.processes):
                receive()
        for _ in self.processes:
            self.tasks.put(None)  # close: last part files out, then exit
        while in_flight or len(self.closed) < len(self.processes):
            receive()

    def _receive(self) -> WrittenBatch | None:
        """The next message of any worker: a batch's result, or None for a worker closed."""
        while True:
            open_workers = [n for n in range(len(self.processes)) if n not in self.closed]
            ready = wait([self.connections[n] for n in open_workers]
                         + [self.processes[n].sentinel for n in open_workers])
            for number in open_workers:
                connection = self.connections[number]
                if connection in ready or connection.poll():
                    try:
                        kind, payload = connection.recv()
                    except (EOFError, OSError):  # it died, mid-message or between them
                        raise self._died(number) from None
                    if kind == "batch":
                        return payload
                    if kind == "closed":
                        self.closed.add(number)
                        self.processes[number].join()
                        return None
                    raise payload  # "failed": the worker's exception
            for number in open_workers:
                process = self.processes[number]
                if process.sentinel in ready or not process.is_alive():
                    if self.connections[number].poll():
                        continue  # its last messages first
                    raise self._died(number)

    def _died(self, number: int) -> WorkerDied:
        process = self.processes[number]
        process.join()
        return WorkerDied(f"worker {number} ended with exit code {process.exitcode} before "
                          "the end of the batch; run the same command again to process the "
                          "documents that are missing")

    def close(self, grace: float = 0.0) -> None:
        """Stop every worker still running (after an error) and release the queue; with
        ``grace``, first wait that many seconds for them to end on their own (after Ctrl-C
        each writes the rows of the batches it finished)."""
        if self.closing:
            return
        self.closing = True
        for process in self.processes:
            process.join(grace)
            if process.is_alive():
                process.terminate()
            process.join()
        for connection in self.connections:
            connection.close()
        self.tasks.cancel_join_thread()  # nobody reads what may be left in it
        self.tasks.close()


def _work(number: int, pipeline: Pipeline, tasks, results: Connection,
          output: PartOutput) -> None:
    """A worker process: batches until told to close, its rows into one long-lived writer."""
    limit_blas_threads()
    arrow_without_pandas()
    writer = ChunkWriter(output.out, f"{output.run_id}-w{number}", output.chunk_docs,
                         output.chunk_rows)
    try:
        while (task := tasks.get()) is not None:
            batch_number, batch = task
            docs = pickle.loads(batch) if isinstance(batch, bytes) else batch
            rows, errors, remembered = process_batch(pipeline, docs, output.run_id)
            processed, mentions, relations = 0, Counter(), Counter()
            if rows is not None:
                writer.add_batch(rows)
                processed = rows.docs
                mentions.update(rows.type_counts("mentions"))
                relations.update(rows.type_counts("relations"))
            results.send(("batch", WrittenBatch(batch_number, processed, mentions, relations,
                                                errors, remembered)))
        writer.flush()
        results.send(("closed", None))
    except KeyboardInterrupt:  # Ctrl-C (the main process stops the run): keep what is done
        writer.flush()
    except BaseException as exc:  # handed to the main process, which raises it
        results.send(("failed", for_the_parent(exc, f"in worker {number}",
                                               f"worker {number} failed")))

"""Reading ahead: the input read and normalised in a forked process of its own while the
models load, its batches, error rows and counts handed over through a bounded queue."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .doc import Doc, RawDoc
from .ingest import IngestError, read_inputs
from .processes import for_the_parent

if TYPE_CHECKING:
    from .run_record import RunSummary
    from .stages import Normaliser

# The counts prepared() keeps (the rest of a RunSummary is counted where batches are done).
PREPARED_COUNTS = ("read", "duplicates", "already_present", "characters", "not_russian",
                   "passed_over", "passed_over_named")


class ReadAhead:
    """Reading and normalising in a forked process of its own, started before the models
    load: the core that loading leaves idle reads the batch meanwhile, and the main process
    is left to dispatch and write. Batches, error rows and counts come back in input order
    through a bounded queue (memory stays bounded however long the batch); a reader that
    fails passes its exception on, and one that dies ends the run with an error."""

    QUEUE_MESSAGES = 32  # batches ahead: enough to cover the models' loading
    POLL_SECONDS = 1.0
    PROGRESS_UNITS = 256  # counts are sent at least this often, batch or not

    def __init__(self, context, inputs: Iterable[str | Path], max_doc_bytes: int,
                 normaliser: Normaliser, present: set[str], batch_docs: int,
                 report_seen: set[str], workers: int = 2) -> None:
        self.queue = context.Queue(self.QUEUE_MESSAGES)
        self.process = context.Process(
            target=_read_ahead, daemon=True, name="ruextract-reader",
            args=(self.queue, inputs, max_doc_bytes, normaliser, present, batch_docs,
                  report_seen, 2 * workers))
        self.process.start()
        # The reader holds the only writing end now: if it dies mid-message, reading
        # stops with an error instead of waiting for the rest forever.
        writer = getattr(self.queue, "_writer", None)
        if writer is not None:
            writer.close()

    def batches(self, summary: RunSummary, seen: set[str],
                record_error: Callable[[str, str, str, str], None],
                progress: Callable[[int, int], None] | None = None) -> Iterator[bytes]:
        """The reader's batches, each the pickle of its documents (the main process only
        passes them on); its error rows recorded and its counts taken on the way."""
        while True:
            kind, payload = self._next()
            if kind == "batch":
                docs, counts = payload
                _take_counts(summary, counts)
                yield docs
            elif kind == "progress":
                _take_counts(summary, payload)
                if progress:
                    progress(summary.read, summary.finished)
            elif kind == "error":
                record_error(*payload)
            elif kind == "failed":
                raise payload
            else:  # "end"
                counts, read_ids = payload
                _take_counts(summary, counts)
                seen.update(read_ids)
                return

    def _next(self) -> tuple[str, object]:
        import queue

        while True:
            alive = self.process.is_alive()  # before the read: no message lost in between
            try:
                return self.queue.get(timeout=self.POLL_SECONDS)
            except queue.Empty:
                if not alive:
                    break
            except (EOFError, OSError):
                break
        self.process.join()
        raise RuntimeError(f"the reader process died (exit code {self.process.exitcode}) "
                           "before the end of the input")

    def close(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.queue.close()


def _take_counts(summary: RunSummary, counts: dict[str, int | list[str]]) -> None:
    for name, value in counts.items():
        setattr(summary, name, value)


def _read_ahead(out_queue, inputs: Iterable[str | Path], max_doc_bytes: int,
                normaliser: Normaliser, present: set[str], batch_docs: int,
                report_seen: set[str], tail_batches: int) -> None:
    """The reader process: ReadAhead's messages, in input order. The last two batches go
    out as ``tail_batches`` smaller ones, so that the workers finish together instead of
    one waiting for the other's last full batch."""

    from .run_record import RunSummary
    from .stages import batched, prepared

    counts = RunSummary("reader", "")
    seen: set[str] = set()

    def current() -> dict[str, int | list[str]]:
        return {name: getattr(counts, name) for name in PREPARED_COUNTS}

    def forward_error(source: str, stage: str, error: str, message: str) -> None:
        out_queue.put(("error", (source, stage, error, message)))

    def units() -> Iterator[RawDoc | IngestError]:
        for number, unit in enumerate(read_inputs(inputs, max_doc_bytes, counts.pass_over),
                                      start=1):
            yield unit
            if number % ReadAhead.PROGRESS_UNITS == 0:
                out_queue.put(("progress", current()))

    try:
        held: list[list[Doc]] = []  # the last two batches, cut smaller at the end
        for batch in batched(prepared(units(), normaliser, counts, seen, present,
                                      forward_error), batch_docs):
            held.append(batch)
            if len(held) > 2:
                out_queue.put(("batch", (pickled(held.pop(0)), current())))
        for piece in _smaller([doc for last in held for doc in last], tail_batches):
            out_queue.put(("batch", (pickled(piece), current())))
        out_queue.put(("end", (current(), seen & report_seen)))
    except KeyboardInterrupt:  # Ctrl-C: the main process stops the run
        return
    except BaseException as exc:  # handed to the main process, which raises it
        out_queue.put(("failed", for_the_parent(exc, "in the reader process",
                                                "reading the input failed")))


def pickled(docs: list[Doc]) -> bytes:
    """A batch pickled once here and unpickled once in a worker: not again in between."""
    return pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)


def _smaller(docs: list[Doc], batches: int) -> list[list[Doc]]:
    """``docs`` in ``batches`` batches of about the same size (none empty)."""
    size = max(1, -(-len(docs) // batches))
    return [docs[i:i + size] for i in range(0, len(docs), size)]

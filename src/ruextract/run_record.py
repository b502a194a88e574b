"""What a run starts from and leaves behind, whichever engine ran it: the documents already
present, the summary of counts, the end of a run (memo, keys, every table present) and the
manifest."""

from __future__ import annotations

import os
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, memo, reach, store
from .keys import KeyResolver, KeyWords
from .part_writer import ChunkWriter
from .places import gazetteer
from .rules import RuleSet

DUPLICATE = "duplicate"  # the error code naming an input unit whose text was read already
PASSED_OVER_NAMED = 5  # how many of the files a directory walk passed over are named


@dataclass
class RunSummary:
    run_id: str
    started: str
    read: int = 0
    processed: int = 0
    duplicates: int = 0
    already_present: int = 0
    replaced: int = 0  # earlier versions of articles read again, edited, and dropped
    resumed: int = 0  # documents an interrupted run wrote, whose end this run did
    failed: int = 0
    not_russian: int = 0
    characters: int = 0
    # files and directories a directory walk passed over (hidden, other types, loops): no
    # input units, so not among ``read``; the first few named, "path (why)"
    passed_over: int = 0
    passed_over_named: list[str] = field(default_factory=list)
    mentions: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    wall_seconds: float = 0.0
    min_confidence: float = 0.0  # relations below it were not kept

    @property
    def docs_per_second(self) -> float:
        return self.processed / self.wall_seconds if self.wall_seconds else 0.0

    def pass_over(self, path: str, why: str) -> None:
        """Count a file or directory a directory walk passed over (``ingest.PassedOver``)."""
        self.passed_over += 1
        if len(self.passed_over_named) < PASSED_OVER_NAMED:
            self.passed_over_named.append(f"{path} ({why})")

    @property
    def finished(self) -> int:
        """Input units dealt with so far, one way or another."""
        return self.processed + self.failed + self.duplicates + self.already_present

    def error_recorder(self, writer: ChunkWriter) -> Callable[[str, str, str, str], None]:
        """A function that counts a failed input unit and writes its errors row. A
        duplicate's row (``DUPLICATE``) names it; it is counted as a duplicate, where it
        was read, not as a failure."""
        def record_error(source: str, stage: str, error: str, message: str) -> None:
            if error != DUPLICATE:
                self.failed += 1
                self.errors[error] += 1
            writer.add({"errors": [{"source": source, "stage": stage, "error": error,
                                    "message": message, "run_id": self.run_id}]})

        return record_error

    def as_dict(self) -> dict:
        return {
            "read": self.read, "processed": self.processed, "duplicates": self.duplicates,
            "already_present": self.already_present, "replaced": self.replaced,
            "resumed": self.resumed,
            "failed": self.failed,
            "not_russian": self.not_russian, "characters": self.characters,
            "passed_over": self.passed_over, "passed_over_named": list(self.passed_over_named),
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
def documents_present(out: Path, force: bool) -> tuple[set[str], set[str]]:
    """The doc_ids in ``out``, and those this run must skip (none under ``force``, which
    re-processes them: what the memo says of their rows is dropped first)."""
    existing = store.existing_doc_ids(out)
    if force and existing:
        memo.forget_documents(out)
    return existing, set() if force else existing


def inputs_given(inputs: Iterable[str | Path]) -> Sequence[str | Path]:
    """The paths a run was given, where they can be known without reading them again: a
    list or tuple (as the CLI passes); an iterator is read once, by the reader."""
    return inputs if isinstance(inputs, list | tuple) else ()


def finish_run(out: Path, summary: RunSummary, rules: RuleSet, writer: ChunkWriter,
               started: float, reprocessed: set[str], remembered: memo.Memo | None = None,
               inputs: Sequence[str | Path] = (), replace_edited: bool = False,
               read_again: set[str] = frozenset()) -> None:
    """The end of every run: last rows out, earlier rows of re-processed documents and
    earlier errors of input read again dropped, every table present, what re-runs can
    reuse remembered, the manifest last. ``read_again``: documents already in the output
    that the run read (and skipped)."""
    writer.flush()
    ours = f"part-{summary.run_id}"
    # A run that was interrupted or killed wrote rows but never did this end: it is done
    # now, for its rows with ours (its relative sources are taken as read from here, as by
    # the same command run again). Its errors are earlier attempts: dropped with the others.
    unfinished = store.unfinished_runs(out, summary.run_id)
    folders = store.run_folders(out, summary.run_id)
    for run_id in unfinished:
        folders.setdefault(run_id, os.getcwd())
    store.drop_earlier_errors(out, inputs, ours, folders)
    if remembered is not None:
        memo.add_to_memo(out, remembered)
    finishing = (ours, *(f"part-{run_id}" for run_id in unfinished))
    summary.resumed = store.count_rows(out, "documents", finishing[1:]) if unfinished else 0
    # --force: re-processed documents replace their earlier rows; an article read again
    # with an edited text (so another doc_id) replaces its earlier version
    earlier = (store.earlier_versions(out, {summary.run_id, *unfinished}, folders,
                                      replace_edited, read_again)
               if summary.processed or unfinished or (replace_edited and read_again)
               else set())
    summary.replaced = len(earlier)
    if reprocessed or earlier:
        store.drop_documents(out, reprocessed | earlier, keep_prefix=finishing)
    # (an interrupted run's rows may come of other rules: they count as earlier ones here)
    reach.after_run(out, rules, summary.min_confidence, new_parts=ours)
    # The batch's keys, made canonical together; earlier batches' names keep their keys.
    # (an interrupted run's rows may repeat documents counted already, --force: names anew)
    store.rekey_output(out, key_resolver(rules), new_parts=finishing,
                       added_only=not (reprocessed or earlier or unfinished))
    # counted as written: a fact two entities of one key state is one row (keys)
    summary.relations = store.type_counts(out, "relations", ours)
    store.ensure_tables(out, summary.run_id)
    summary.wall_seconds = time.perf_counter() - started
    store.write_manifest(out, manifest(summary, rules, out, finished=unfinished))


def key_resolver(rules: RuleSet) -> KeyResolver:
    """What makes a batch's keys canonical: the rules' key words and the places gazetteer."""
    return KeyResolver(KeyWords.from_rules(rules), gazetteer())

def manifest(summary: RunSummary, rules: RuleSet, out: Path, finished: Sequence[str] = ()
             ) -> dict:
    """The output's manifest after this run: ``finished`` names interrupted runs whose end
    this run did (recorded so that no later run does it again)."""
    previous = store.read_manifest(out)
    runs = [r for r in previous.get("runs", []) if isinstance(r, dict)]
    runs += [{"run_id": run_id, "interrupted": True, "finished_by": summary.run_id,
              "cwd": os.getcwd()} for run_id in finished]
    this_run = {"run_id": summary.run_id, "started": summary.started,
                "counts": summary.as_dict(), "rules_fingerprint": rules.fingerprint,
                "min_confidence": summary.min_confidence,
                # what the run's relative sources are relative to (store.source_file)
                "cwd": os.getcwd()}
    runs.append(this_run)
    totals = {table: store.count_rows(out, table) for table in store.TABLES}
    return {
        "run_id": summary.run_id, "time": summary.started, "versions": versions(),
        "rules_dir": str(rules.directory), "rules_fingerprint": rules.fingerprint,
        "counts": summary.as_dict(), "table_rows": totals,
        "host_pid": f"{socket.gethostname()} {os.getpid()}",
        "runs": runs,
    }

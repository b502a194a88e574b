"""Re-run the extraction stages on a run's stored tokens: no re-segmentation, no re-tagging.

The tuning loop: edit a rule file, ``ruextract run --from-stage entities --out DIR``,
``ruextract evaluate DIR --gold ...``. The stage's tables are written to a staging
directory and swapped in by renames, so readers see the old tables or the new ones.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from . import memo, store
from .doc import DELEGATION, Entity, Mention
from .entities import EntityExtractor
from .morph import Analyzer
from .pipeline import (
    RunSummary,
    StoredDocs,
    few_collections,
    fork_context,
    in_document_order,
    key_resolver,
    limit_blas_threads,
    manifest,
)
from .relations import RelationExtractor
from .rules import RuleSet, load_rules

STAGES = ("entities", "relations")


PARALLEL_MIN_DOCS = 64  # fewer documents are re-extracted in this process
RANGES_PER_WORKER = 4  # documents are handed out in ranges: several per worker, to balance


def rerun(out: Path, stage: str, rules: RuleSet | None = None,
          workers: int | None = None, min_confidence: float = 0.0) -> RunSummary:
    """Re-extract ``stage`` (and the stages after it) for every document in ``out``.

    ``workers`` processes (default: all cores) each take a range of the documents; they
    are forked from this process, so they share the stored tables and the loaded rules
    instead of reading or loading them again."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}")
    rules = rules or load_rules()
    out = Path(out)
    workers = workers or os.cpu_count() or 1
    started = time.perf_counter()
    summary = RunSummary(uuid.uuid4().hex[:12], datetime.now(UTC).isoformat(timespec="seconds"),
                         min_confidence=min_confidence)
    with store.OutputLock(out), few_collections():  # forked workers inherit its settings
        global _job
        analyzer = Analyzer()
        remembered = memo.read_memo(out)
        entity_extractor = EntityExtractor(rules, analyzer)
        entity_extractor.remember_normal_forms(remembered.normal_forms)
        stored = StoredDocs(out)
        _job = _Job(stage, stored, entity_extractor,
                    RelationExtractor(rules, analyzer, min_confidence),
                    _stored_extractions(out) if stage == "relations" else {},
                    remembered.documents if stage == "entities" else {})
        try:
            total = len(stored)
            context = fork_context()
            if workers > 1 and total >= PARALLEL_MIN_DOCS and context is not None:
                step = max(1, -(-total // (RANGES_PER_WORKER * workers)))
                ranges = [(first, min(first + step, total)) for first in range(0, total, step)]
                with ProcessPoolExecutor(workers, mp_context=context,
                                         initializer=limit_blas_threads) as pool:
                    parts = list(pool.map(_extract_range, ranges))
            else:
                parts = [_extract_range((0, total))]
        finally:
            _job = None
        unchanged = [doc_id for part in parts for doc_id in part.unchanged]
        doc_ids = stored.documents.column("doc_id")
        tables = {table: in_document_order(pa.concat_tables(
                      [part.tables[table] for part in parts]
                      + [_stored_rows(out, table, unchanged)]), doc_ids, id_column)[0]
                  for table, id_column in (("mentions", "mention_id"),
                                           ("entities", "entity_id"),
                                           ("relations", "relation_id"))}
        learnt = memo.Memo()
        for part in parts:
            learnt.update(part.remembered)
        summary.read = summary.processed = total
        for table, counter in (("mentions", summary.mentions),
                               ("relations", summary.relations)):
            for item in tables[table].column("type").value_counts().to_pylist():
                counter[item["values"]] += item["counts"]
        # What the memo says of documents never vouches for rows that are not in place: it
        # goes before the swap and comes back after it. --from-stage relations reads
        # mentions back from the tables, not as the entities stage found them: its
        # documents are not remembered.
        changed = stage == "relations" or bool(learnt.documents)
        if changed:
            memo.forget_documents(out)
        _swap_tables(out, tables, summary.run_id)
        store.rekey_output(out, key_resolver(rules))  # every key afresh, from every row
        remembered.update(learnt)
        if learnt.normal_forms:
            memo.write_normal_forms(out, remembered.normal_forms)
        if changed and stage == "entities":
            memo.write_documents(out, remembered.documents)
        summary.wall_seconds = time.perf_counter() - started
        store.write_manifest(out, manifest(summary, rules, out))
    return summary


@dataclass
class _Job:
    stage: str
    stored: StoredDocs
    entity_extractor: EntityExtractor
    relation_extractor: RelationExtractor
    extractions: dict[str, tuple[list[Mention], list[Entity]]]
    remembered: dict[str, tuple[str, str]]  # memo.Memo.documents of the stored tables


@dataclass
class _Part:
    """What a range of documents gave: rows of the documents re-extracted, the ids of those
    whose stored rows stand (the entities stage found what it found before, and the
    relation rules are those their relations were found with), what to remember."""
    tables: dict[str, pa.Table]
    unchanged: list[str]
    remembered: memo.Memo


_job: _Job | None = None  # set while a rerun runs; forked workers inherit it


def _extract_range(bounds: tuple[int, int]) -> _Part:
    """Re-extract documents ``bounds`` of the job."""
    job = _job
    assert job is not None
    rows: dict[str, list[dict]] = {"mentions": [], "entities": [], "relations": []}
    unchanged, documents = [], {}
    fingerprint = job.relation_extractor.fingerprint
    for doc in job.stored.docs(*bounds):
        if job.stage == "entities":
            job.entity_extractor.extract(doc)
            found = (memo.entity_digest(doc), fingerprint)
            if job.remembered.get(doc.doc_id) == found:
                unchanged.append(doc.doc_id)
                continue
            documents[doc.doc_id] = found
        else:
            doc.mentions, doc.entities = job.extractions.get(doc.doc_id, ([], []))
        job.relation_extractor.extract(doc)
        for table, table_rows in store.extraction_rows(doc).items():
            rows[table].extend(table_rows)
    tables = {table: pa.Table.from_pylist(table_rows, schema=store.SCHEMAS[table])
              for table, table_rows in rows.items()}
    return _Part(tables, unchanged,
                 memo.Memo(job.entity_extractor.take_fresh_normal_forms(), documents))


def _stored_rows(out: Path, table: str, doc_ids: list[str]) -> pa.Table:
    """The stored rows of ``table`` for ``doc_ids``."""
    import pyarrow.compute as pc

    if not doc_ids:
        return store.SCHEMAS[table].empty_table()
    data = store.read_table(out, table)
    return data.filter(pc.is_in(data.column("doc_id"), value_set=pa.array(doc_ids)))


def _stored_extractions(out: Path) -> dict[str, tuple[list[Mention], list[Entity]]]:
    """Mentions and entities as the entities stage left them (delegations, which the
    relations stage adds, are dropped and found again)."""
    by_doc: dict[str, tuple[list[Mention], list[Entity]]] = {}
    mention_rows = sorted(store.read_table(out, "mentions").to_pylist(),
                          key=lambda r: (r["doc_id"], r["mention_id"]))
    entity_rows = {(r["doc_id"], r["entity_id"]): r
                   for r in store.read_table(out, "entities").to_pylist()}
    remap: dict[tuple[str, int], int] = {}
    for row in mention_rows:
        if row["type"] == DELEGATION:
            continue
        mentions, entities = by_doc.setdefault(row["doc_id"], ([], []))
        key = (row["doc_id"], row["entity_id"])
        if key not in remap:
            entity_row = entity_rows[key]
            remap[key] = len(entities)
            entities.append(Entity(len(entities), entity_row["type"], entity_row["normal"],
                                   entity_row["entity_key"]))
        entity_id = remap[key]
        entities[entity_id].mention_ids.append(len(mentions))
        mentions.append(Mention(row["start"], row["end"], row["type"], row["text"],
                                row["normal"], row["source"], row["sent_id"], entity_id))
    return by_doc


def _swap_tables(out: Path, rows: dict[str, list[dict] | pa.Table], run_id: str) -> None:
    staging = out / f".staging-{run_id}"
    try:
        for table, table_rows in rows.items():
            store.write_table(staging, table, table_rows, f"stage-{run_id}-00000")
        for table in rows:
            old = out / f".old-{run_id}-{table}"
            if (out / table).exists():
                (out / table).rename(old)
            (staging / table).rename(out / table)
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

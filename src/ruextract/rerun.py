"""Re-run the extraction stages on a run's stored tokens: no re-segmentation, no re-tagging.

The tuning loop: edit a rule file, ``ruextract run --from-stage entities --out DIR``,
``ruextract evaluate DIR --gold ...``. The stage's tables are written to a staging
directory and swapped in by renames, so readers see the old tables or the new ones.
"""

from __future__ import annotations

import shutil
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from . import store
from .doc import DELEGATION, Entity, Mention
from .entities import EntityExtractor
from .morph import Analyzer
from .pipeline import RunSummary, load_docs, manifest
from .relations import RelationExtractor
from .rules import RuleSet, load_rules

STAGES = ("entities", "relations")


def rerun(out: Path, stage: str, rules: RuleSet | None = None) -> RunSummary:
    """Re-extract ``stage`` (and the stages after it) for every document in ``out``."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}")
    rules = rules or load_rules()
    out = Path(out)
    started = time.perf_counter()
    summary = RunSummary(uuid.uuid4().hex[:12], datetime.now(UTC).isoformat(timespec="seconds"))
    analyzer = Analyzer()
    entity_extractor = EntityExtractor(rules, analyzer)
    relation_extractor = RelationExtractor(rules, analyzer)
    with store.OutputLock(out):
        stored = _stored_extractions(out) if stage == "relations" else {}
        rows: dict[str, list[dict]] = {"mentions": [], "entities": [], "relations": []}
        for doc in load_docs(out):
            summary.read += 1
            if stage == "entities":
                entity_extractor.extract(doc)
            else:
                doc.mentions, doc.entities = stored.get(doc.doc_id, ([], []))
            relation_extractor.extract(doc)
            summary.processed += 1
            for table, table_rows in store.extraction_rows(doc).items():
                rows[table].extend(table_rows)
        for mention in rows["mentions"]:
            summary.mentions[mention["type"]] += 1
        for relation in rows["relations"]:
            summary.relations[relation["type"]] += 1
        _swap_tables(out, rows, summary.run_id)
        summary.wall_seconds = time.perf_counter() - started
        store.write_manifest(out, manifest(summary, rules, out))
    return summary


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


def _swap_tables(out: Path, rows: dict[str, list[dict]], run_id: str) -> None:
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

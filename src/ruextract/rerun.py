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

from . import memo, reach, store
from .doc import DELEGATION, Entity, Mention
from .entities import (
    EntityExtractor,
    mark_legal_forms,
    mark_place_words,
    mark_region_words,
    place_word_lemmas,
)
from .keys import rekey_relations
from .morph import Analyzer
from .processes import few_collections, fork_context, limit_blas_threads
from .relations import RelationExtractor
from .rules import RuleSet, load_rules
from .run_record import RunSummary, key_resolver, manifest
from .stored import StoredDocs, in_document_order

STAGES = ("entities", "relations")
EXTRACTION_TABLES = {"mentions": "mention_id", "entities": "entity_id",
                     "relations": "relation_id"}
KEY_COLUMNS = ("entity_key", "origin_key", "origin_country")  # made for the batch, at the end


PARALLEL_MIN_DOCS = 64  # fewer documents are re-extracted in this process
RANGES_PER_WORKER = 4  # documents are handed out in ranges: several per worker, to balance


def rerun(out: Path, stage: str, rules: RuleSet | None = None,
          workers: int | None = None, min_confidence: float = 0.0) -> RunSummary:
    """Re-extract ``stage`` (and the stages after it) for the documents in ``out`` that the
    edit of the rules can reach (``reach``; every document where the rules the stored rows
    were found with are not known); the others' stored rows stand.

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
        resolver = key_resolver(rules)  # what can fail of the keys fails before any change
        record = memo.read_rules(out)
        edits = [reach.relations_edit(record, rules, min_confidence)]
        if stage == "entities":
            edits.append(reach.entities_edit(record, rules))
        targets = reach.reached(out, *edits)  # None: every document
        remembered = memo.read_memo(out)
        parts, fingerprint = _extract(out, stage, rules, targets, workers, min_confidence,
                                      remembered)
        unchanged = {doc_id for part in parts for doc_id in part.unchanged}
        redone = {doc_id for part in parts for doc_id in part.done} - unchanged
        fresh = {table: pa.concat_tables([store.empty_table(store.SCHEMAS[table])]
                                         + [part.tables[table] for part in parts])
                 for table in EXTRACTION_TABLES}
        learnt = memo.Memo()
        for part in parts:
            learnt.update(part.remembered)
        doc_ids = store.read_table(out, "documents", columns=["doc_id"]).column("doc_id")
        summary.read = summary.processed = len(doc_ids)
        # Keys are the batch's: where the entities of the documents re-done are what they
        # were, the stored keys stand and only the new relations take their arguments' keys
        # (an interrupted run's rows were never keyed with the batch: every key afresh; the
        # rest of its end, the earlier versions it replaces, is the next run's)
        unfinished = store.unfinished_runs(out, summary.run_id)
        keys_stand = not unfinished and not any(edit.keys_changed for edit in edits) \
            and _same_entities(out, fresh, redone)
        if keys_stand:
            fresh["relations"] = rekey_relations(
                fresh["relations"], _stored_rows(out, "entities", redone).to_pylist())
        tables = {table: in_document_order(pa.concat_tables(
                      [fresh[table], _stored_rows(out, table, redone, keep=False)]),
                      doc_ids, id_column)[0]
                  for table, id_column in EXTRACTION_TABLES.items()
                  if redone and (table == "relations" or not keys_stand)}
        # What the memo says of documents never vouches for rows that are not in place: it
        # goes before the swap and comes back after it. --from-stage relations reads
        # mentions back from the tables, not as the entities stage found them: the
        # documents it re-does are not remembered. A document no edit reaches has the
        # relations the new rules would find: its entry takes their fingerprint.
        documents = {doc_id: (digest, fingerprint or old)
                     for doc_id, (digest, old) in remembered.documents.items()
                     if doc_id not in redone}
        documents.update(learnt.documents)
        memo.forget_documents(out)
        memo.forget_rules(out)
        if tables:
            _swap_tables(out, tables, summary.run_id)
        if not keys_stand:
            store.rekey_output(out, resolver)  # every key afresh, from every row
        # counted as they stand (a fact two entities of one key state is one row: keys)
        summary.mentions = store.type_counts(out, "mentions")
        summary.relations = store.type_counts(out, "relations")
        remembered.update(learnt)
        if learnt.normal_forms:
            memo.write_normal_forms(out, remembered.normal_forms)
        if documents:
            memo.write_documents(out, documents)
        reach.remember_rules(out, rules, min_confidence,
                             STAGES if stage == "entities" else ("relations",), record)
        summary.wall_seconds = time.perf_counter() - started
        store.write_manifest(out, manifest(summary, rules, out))
    return summary


def _same_entities(out: Path, fresh: dict[str, pa.Table], doc_ids: set[str]) -> bool:
    """Are the mentions and entities of ``doc_ids`` in ``fresh`` the stored ones (keys and
    origins aside: those are the batch's), and the places their relations put parks and
    events in?"""
    for table, id_column in (("mentions", "mention_id"), ("entities", "entity_id")):
        order = [("doc_id", "ascending"), (id_column, "ascending")]
        stored = _stored_rows(out, table, doc_ids).sort_by(order)
        found = fresh[table].sort_by(order)
        if table == "entities":
            kept = [name for name in found.column_names if name not in KEY_COLUMNS]
            stored, found = stored.select(kept), found.select(kept)
        if not stored.equals(found):
            return False
    # keys part a park or an event by the places documents put it in (LOCATED_IN)
    return _places_of_sites(_stored_rows(out, "relations", doc_ids)) \
        == _places_of_sites(fresh["relations"])


def _places_of_sites(relations: pa.Table) -> set[tuple]:
    """The LOCATED_IN statements of ``relations`` that keys read."""
    columns = relations.select(["doc_id", "type", "arg1_id", "arg2_normal"]).to_pylist()
    return {tuple(row.values()) for row in columns if row["type"] == "LOCATED_IN"}


def _extract(out: Path, stage: str, rules: RuleSet, targets: set[str] | None, workers: int,
             min_confidence: float, remembered: memo.Memo) -> tuple[list[_Part], str | None]:
    """Re-extract the ``targets`` of ``out`` (None: all); with the relation rules'
    fingerprint (None where there was nothing to do, and nothing was loaded)."""
    global _job
    if targets is not None and not targets:
        return [], None
    analyzer = Analyzer()
    entity_extractor = None
    if stage == "entities":  # the relations stage needs no spaCy, no entity rules
        entity_extractor = EntityExtractor(rules, analyzer)
        entity_extractor.remember_normal_forms(remembered.normal_forms)
    stored = StoredDocs(out, only=targets)
    relation_extractor = RelationExtractor(rules, analyzer, min_confidence)
    _job = _Job(stage, stored, entity_extractor, relation_extractor,
                _stored_extractions(out, targets) if stage == "relations" else {},
                remembered.documents if stage == "entities" else {},
                {word.lower() for word in rules.words("org_legal_forms")
                 + rules.words("company_kind_nouns")},
                place_word_lemmas(rules))
    try:
        total = len(stored)
        context = fork_context()
        if workers > 1 and total >= PARALLEL_MIN_DOCS and context is not None:
            step = max(1, -(-total // (RANGES_PER_WORKER * workers)))
            ranges = [(first, min(first + step, total)) for first in range(0, total, step)]
            with ProcessPoolExecutor(workers, mp_context=context,
                                     initializer=limit_blas_threads) as pool:
                return list(pool.map(_extract_range, ranges)), relation_extractor.fingerprint
        return [_extract_range((0, total))], relation_extractor.fingerprint
    finally:
        _job = None


@dataclass
class _Job:
    stage: str
    stored: StoredDocs
    entity_extractor: EntityExtractor | None
    relation_extractor: RelationExtractor
    extractions: dict[str, tuple[list[Mention], list[Entity]]]
    remembered: dict[str, tuple[str, str]]  # memo.Memo.documents of the stored tables
    legal_forms: set[str]  # the rules' org_legal_forms and company_kind_nouns, lower-cased
    place_words: tuple[frozenset[str], frozenset[str]]  # entities.place_word_lemmas


@dataclass
class _Part:
    """What a range of documents gave: rows of the documents re-extracted, the ids of those
    whose stored rows stand (the entities stage found what it found before, and the
    relation rules are those their relations were found with), what to remember."""
    tables: dict[str, pa.Table]
    done: list[str]  # every document of the range
    unchanged: list[str]
    remembered: memo.Memo


_job: _Job | None = None  # set while a rerun runs; forked workers inherit it


def _extract_range(bounds: tuple[int, int]) -> _Part:
    """Re-extract documents ``bounds`` of the job."""
    job = _job
    assert job is not None
    rows: dict[str, list[dict]] = {"mentions": [], "entities": [], "relations": []}
    done, unchanged, documents = [], [], {}
    fingerprint = job.relation_extractor.fingerprint
    for doc in job.stored.docs(*bounds):
        done.append(doc.doc_id)
        if job.stage == "entities":
            job.entity_extractor.extract(doc)
            found = (memo.entity_digest(doc), fingerprint)
            if job.remembered.get(doc.doc_id) == found:
                unchanged.append(doc.doc_id)
                continue
            documents[doc.doc_id] = found
        else:
            doc.mentions, doc.entities = job.extractions.get(doc.doc_id, ([], []))
            # what the entities stage keeps with a mention but the table does not store
            mark_legal_forms(doc, job.legal_forms)
            mark_region_words(doc)
            mark_place_words(doc, *job.place_words)
        job.relation_extractor.extract(doc)
        for table, table_rows in store.extraction_rows(doc).items():
            rows[table].extend(table_rows)
    tables = {table: pa.Table.from_pylist(table_rows, schema=store.SCHEMAS[table])
              for table, table_rows in rows.items()}
    extractor = job.entity_extractor
    return _Part(tables, done, unchanged,
                 memo.Memo(extractor.take_fresh_normal_forms() if extractor else {}, documents))


def _stored_rows(out: Path, table: str, doc_ids: set[str], keep: bool = True) -> pa.Table:
    """The stored rows of ``table`` for ``doc_ids`` (``keep=False``: for all the others)."""
    import pyarrow.compute as pc

    if keep and not doc_ids:
        return store.empty_table(store.SCHEMAS[table])
    data = store.read_table(out, table)
    if not doc_ids:
        return data
    wanted = pc.is_in(data.column("doc_id"), value_set=pa.array(sorted(doc_ids), pa.string()))
    return data.filter(wanted if keep else pc.invert(wanted))


def _stored_extractions(out: Path, doc_ids: set[str] | None
                        ) -> dict[str, tuple[list[Mention], list[Entity]]]:
    """Mentions and entities as the entities stage left them (delegations, which the
    relations stage adds, are dropped and found again); of ``doc_ids`` (None: all)."""
    def stored(table: str) -> list[dict]:
        if doc_ids is None:
            return store.read_table(out, table).to_pylist()
        return _stored_rows(out, table, doc_ids).to_pylist()

    # The entities stage numbers entities before the relations stage adds delegations
    # (after them): the others keep their stored ids, as in a full run.
    by_doc: dict[str, tuple[list[Mention], list[Entity]]] = {}
    for row in sorted(stored("entities"), key=lambda r: (r["doc_id"], r["entity_id"])):
        if row["type"] != DELEGATION:
            entities = by_doc.setdefault(row["doc_id"], ([], []))[1]
            assert row["entity_id"] == len(entities), "entity ids are 0, 1, 2… in a document"
            entities.append(Entity(row["entity_id"], row["type"], row["normal"],
                                   row["entity_key"]))
    for row in sorted(stored("mentions"), key=lambda r: (r["doc_id"], r["mention_id"])):
        if row["type"] == DELEGATION:
            continue
        mentions, entities = by_doc[row["doc_id"]]
        entity = entities[row["entity_id"]]
        # the type the entities stage found (a mention's), not the batch's (an entity's
        # key may retype it by the evidence of every document)
        entity.type = row["type"]
        entity.mention_ids.append(len(mentions))
        mentions.append(Mention(row["start"], row["end"], row["type"], row["text"],
                                row["normal"], row["source"], row["sent_id"], row["entity_id"]))
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

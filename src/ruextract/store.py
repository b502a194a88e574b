"""Parquet tables out (and back in): one dataset directory per table, atomic part files.

Each write is a complete Parquet file written under a temporary name and renamed into
place, so a reader (or a run killed at any moment) only ever sees whole files. New runs
append new part files; old ones are never rewritten.
"""

from __future__ import annotations

import json
import os
import re
import socket
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from operator import attrgetter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .dates import iso_date
from .doc import DELEGATION, DELEGATION_ARGUMENT, TOKEN_FIELDS, Doc
from .keys import (
    NAMES_SCHEMA,
    Expansions,
    KeyResolver,
    add_names,
    batch_expansions,
    names_table,
    rekey_entities,
    rekey_relations,
)

STRING, INT, FLOAT = pa.string(), pa.int64(), pa.float64()
SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", STRING), ("source", STRING), ("external_id", STRING), ("url", STRING),
        ("date", STRING), ("title", STRING), ("text", STRING), ("raw_text", STRING),
        ("encoding", STRING), ("format", STRING), ("language", STRING),
        ("n_sentences", INT), ("n_tokens", INT), ("offset_runs", pa.list_(INT)),
        ("run_id", STRING),
        ("date_iso", STRING),  # ``date`` read (dates.iso_date): YYYY-MM-DD, YYYY-MM or null
    ]),
    "tokens": pa.schema([
        ("doc_id", STRING), ("sent_id", INT), ("token_id", INT), ("start", INT), ("end", INT),
        ("text", STRING), ("lemma", STRING), ("pos", STRING), ("feats", STRING),
        ("head_id", INT), ("rel", STRING),
    ]),
    "ner": pa.schema([  # natasha NER spans, kept so entities can be re-run without re-tagging
        ("doc_id", STRING), ("start", INT), ("end", INT), ("type", STRING),
    ]),
    "mentions": pa.schema([
        ("doc_id", STRING), ("mention_id", INT), ("entity_id", INT), ("type", STRING),
        ("start", INT), ("end", INT), ("raw_start", INT), ("raw_end", INT), ("text", STRING),
        ("normal", STRING), ("sent_id", INT), ("source", STRING),
    ]),
    "entities": pa.schema([
        ("doc_id", STRING), ("entity_id", INT), ("entity_key", STRING), ("type", STRING),
        ("normal", STRING), ("n_mentions", INT), ("aliases", pa.list_(STRING)),
        ("origin_key", STRING), ("origin_country", STRING),  # delegations: where from
    ]),
    "relations": pa.schema([
        ("doc_id", STRING), ("relation_id", INT), ("type", STRING), ("arg1_id", INT),
        ("arg1_type", STRING), ("arg1_normal", STRING), ("arg2_id", INT), ("arg2_type", STRING),
        ("arg2_normal", STRING), ("role", STRING), ("sent_id", INT), ("evidence", STRING),
        ("rule", STRING), ("confidence", FLOAT), ("date", STRING), ("date_iso", STRING),
        ("arg1_key", STRING), ("arg2_key", STRING),
        ("origin_key", STRING), ("origin_country", STRING),  # of a delegation argument
    ]),
    "names": NAMES_SCHEMA,  # every name seen for each entity_key (keys.names_table)
    "errors": pa.schema([
        ("source", STRING), ("stage", STRING), ("error", STRING), ("message", STRING),
        ("run_id", STRING),
    ]),
}
TABLES = tuple(SCHEMAS)
STAGE_TABLES = {"entities": ("mentions", "entities", "relations"), "relations": ("relations",)}


class OutputLockedError(RuntimeError):
    pass


def argument_normal(doc: Doc, entity_id: int) -> str:
    entity = doc.entities[entity_id]
    return DELEGATION_ARGUMENT + entity.normal if entity.type == DELEGATION else entity.normal


def doc_rows(doc: Doc, run_id: str) -> dict[str, list[dict]]:
    """The rows every table gets from one processed document."""
    doc_id = doc.doc_id
    rows: dict[str, list[dict]] = {
        "documents": [document_row(doc, run_id)],
        "tokens": [{
            "doc_id": doc_id, "sent_id": t.sent_id, "token_id": t.token_id, "start": t.start,
            "end": t.end, "text": t.text, "lemma": t.lemma, "pos": t.pos, "feats": t.feats,
            "head_id": t.head_id, "rel": t.rel,
        } for t in doc.tokens],
        "ner": [{"doc_id": doc_id, "start": s.start, "end": s.end, "type": s.type}
                for s in doc.ner_spans],
    }
    rows.update(extraction_rows(doc))
    return rows


class RowBatch:
    """The rows of several processed documents, as one Arrow table per table.

    Built where the documents were processed (a worker process) and sent to the writer:
    Arrow tables pickle as a few buffers, where lists of row dicts cost the main process a
    Python object per value. ``counts[table][i]`` is the number of rows document ``i``
    has in ``table``, so a writer can cut a batch between any two documents."""

    __slots__ = ("counts", "docs", "tables")

    def __init__(self, tables: dict[str, pa.Table], counts: dict[str, list[int]]) -> None:
        self.tables, self.counts = tables, counts
        self.docs = tables["documents"].num_rows

    def __getstate__(self) -> tuple:
        return self.tables, self.counts

    def __setstate__(self, state: tuple) -> None:
        self.__init__(*state)

    def type_counts(self, table: str) -> dict[str, int]:
        """How many rows of ``table`` have each ``type``."""
        return value_counts(self.tables[table].column("type"))

    def slice(self, first: int, stop: int) -> RowBatch:
        """Documents ``first`` to ``stop`` of the batch (zero-copy slices)."""
        tables, counts = {}, {}
        for table, data in self.tables.items():
            per_doc = self.counts[table]
            offset = sum(per_doc[:first])
            counts[table] = per_doc[first:stop]
            tables[table] = data.slice(offset, sum(counts[table]))
        return RowBatch(tables, counts)


def doc_tables(docs: list[Doc], run_id: str) -> RowBatch:
    """The rows every table gets from processed documents, column by column (the same rows
    as ``doc_rows``, in the same order)."""
    documents = [document_row(doc, run_id) for doc in docs]
    tokens = [t for doc in docs for t in doc.tokens]
    token_columns = {"doc_id": [doc.doc_id for doc in docs for _ in doc.tokens],
                     **{name: list(map(attrgetter(name), tokens)) for name in TOKEN_FIELDS}}
    spans = [s for doc in docs for s in doc.ner_spans]
    ner_columns = {
        "doc_id": [doc.doc_id for doc in docs for _ in doc.ner_spans],
        "start": [s.start for s in spans], "end": [s.end for s in spans],
        "type": [s.type for s in spans],
    }
    extracted = [extraction_rows(doc) for doc in docs]
    tables = {
        "documents": pa.Table.from_pylist(documents, schema=SCHEMAS["documents"]),
        "tokens": pa.Table.from_pydict(token_columns, schema=SCHEMAS["tokens"]),
        "ner": pa.Table.from_pydict(ner_columns, schema=SCHEMAS["ner"]),
    }
    counts = {"documents": [1] * len(docs), "tokens": [len(doc.tokens) for doc in docs],
              "ner": [len(doc.ner_spans) for doc in docs]}
    for table in ("mentions", "entities", "relations"):
        tables[table] = pa.Table.from_pylist([row for rows in extracted for row in rows[table]],
                                             schema=SCHEMAS[table])
        counts[table] = [len(rows[table]) for rows in extracted]
    return RowBatch(tables, counts)


def document_row(doc: Doc, run_id: str) -> dict:
    """The ``documents`` row of a processed document."""
    return {
        "doc_id": doc.doc_id, "source": doc.raw.source, "external_id": doc.raw.external_id,
        "url": doc.raw.url, "date": doc.raw.date, "title": doc.title, "text": doc.text,
        "raw_text": doc.raw.raw_text, "encoding": doc.raw.encoding, "format": doc.raw.format,
        "language": doc.language, "n_sentences": len(doc.sentences),
        "n_tokens": len(doc.tokens), "offset_runs": doc.offset_map.to_runs(),
        "run_id": run_id, "date_iso": iso_date(doc.raw.date),
    }


def extraction_rows(doc: Doc) -> dict[str, list[dict]]:
    """Rows of the tables the entities and relations stages own."""
    doc_id = doc.doc_id
    mentions = []
    for mention_id, m in enumerate(doc.mentions):
        raw_start, raw_end = doc.raw_span(m.start, m.end)
        mentions.append({
            "doc_id": doc_id, "mention_id": mention_id, "entity_id": m.entity_id,
            "type": m.type, "start": m.start, "end": m.end, "raw_start": raw_start,
            "raw_end": raw_end, "text": m.text, "normal": m.normal, "sent_id": m.sent_id,
            "source": m.source,
        })
    entities = [{
        "doc_id": doc_id, "entity_id": e.entity_id, "entity_key": e.key, "type": e.type,
        "normal": e.normal, "n_mentions": len(e.mention_ids),
        # a company's name also as written with its legal form («АО «Орбита»»)
        "aliases": sorted({doc.mentions[i].text for i in e.mention_ids}
                          | {f"{doc.mentions[i].legal_form} {doc.mentions[i].text}"
                             for i in e.mention_ids if doc.mentions[i].legal_form}
                          # a body's name with the region word after it («… республики»)
                          | {f"{doc.mentions[i].text} {doc.mentions[i].region_word}"
                             for i in e.mention_ids if doc.mentions[i].region_word}
                          # a place with the word before it that makes it one («реки Карасу»)
                          | {f"{doc.mentions[i].place_word} {doc.mentions[i].text}"
                             for i in e.mention_ids if doc.mentions[i].place_word}),
        "origin_key": None, "origin_country": None,  # set with the batch's keys (keys)
    } for e in doc.entities]
    relations = []
    for relation_id, r in enumerate(doc.relations):
        first, second = doc.entities[r.arg1], doc.entities[r.arg2]
        sentence = doc.sentences[r.sent_id] if r.sent_id < len(doc.sentences) else None
        relations.append({
            "doc_id": doc_id, "relation_id": relation_id, "type": r.type,
            "arg1_id": r.arg1, "arg1_type": first.type, "arg1_normal": argument_normal(doc, r.arg1),
            "arg2_id": r.arg2, "arg2_type": second.type,
            "arg2_normal": argument_normal(doc, r.arg2), "role": r.role, "sent_id": r.sent_id,
            "evidence": doc.text[sentence.start:sentence.end] if sentence else "",
            "rule": r.rule, "confidence": r.confidence, "date": r.date_text,
            "date_iso": r.date_iso, "arg1_key": first.key, "arg2_key": second.key,
            "origin_key": None, "origin_country": None,  # set with the batch's keys (keys)
        })
    return {"mentions": mentions, "entities": entities, "relations": relations}


def write_table(directory: Path, table: str, rows: list[dict] | pa.Table, name: str) -> Path:
    """Write ``rows`` (dicts, or an Arrow table with the table's schema) as one complete
    part file of ``table`` (temp file, then rename)."""
    table_dir = directory / table
    table_dir.mkdir(parents=True, exist_ok=True)
    final = table_dir / f"{name}.parquet"
    temporary = table_dir / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
    arrow_table = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(
        rows, schema=SCHEMAS[table])
    try:
        pq.write_table(arrow_table, temporary, compression="zstd")
        os.replace(temporary, final)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return final


def empty_table(schema: pa.Schema) -> pa.Table:
    """A table of no rows. (``Schema.empty_table`` imports pandas: 0.3 s before a run's
    first batch, in every run that finds no output yet.)"""
    return pa.Table.from_batches([], schema=schema)


def read_table(directory: Path, table: str, columns: list[str] | None = None,
               filters: list | None = None) -> pa.Table:
    """All complete part files of ``table`` (temporary files are never read)."""
    table_dir = Path(directory) / table
    files = sorted(table_dir.glob("*.parquet")) if table_dir.is_dir() else []
    if not files:
        return empty_table(SCHEMAS[table] if columns is None else
                           pa.schema([SCHEMAS[table].field(c) for c in columns]))
    return pq.read_table([str(f) for f in files], columns=columns, filters=filters,
                         schema=SCHEMAS[table])


def type_counts(directory: Path, table: str, prefix: str = "") -> Counter:
    """How many rows of ``table`` have each ``type``, in the part files named ``prefix*``."""
    counts: Counter = Counter()
    for path in sorted((directory / table).glob(f"{prefix}*.parquet")):
        counts.update(value_counts(pq.read_table(path, columns=["type"],
                                                 schema=SCHEMAS[table]).column("type")))
    return counts


def value_counts(column: pa.ChunkedArray) -> dict[str, int]:
    """How many times each value stands in ``column``."""
    return {item["values"]: item["counts"] for item in column.value_counts().to_pylist()}


def count_rows(directory: Path, table: str, prefixes: tuple[str, ...] = ("",)) -> int:
    """Rows in all complete part files of ``table`` (those named ``prefixes*``), from the
    files' footers (no data read: the tokens table of a large output would otherwise be read
    into memory to be counted)."""
    table_dir = Path(directory) / table
    files = sorted(table_dir.glob("*.parquet")) if table_dir.is_dir() else []
    return sum(pq.read_metadata(f).num_rows for f in files if f.name.startswith(prefixes))


def existing_doc_ids(directory: Path) -> set[str]:
    return set(read_table(directory, "documents", columns=["doc_id"]).column("doc_id")
               .to_pylist())


def ensure_tables(directory: Path, run_id: str) -> None:
    """Every table has at least one (possibly empty) file, so DuckDB globs always match."""
    for table in TABLES:
        table_dir = directory / table
        if not table_dir.is_dir() or not any(table_dir.glob("*.parquet")):
            write_table(directory, table, [], f"part-{run_id}-empty")


DOC_TABLES = ("tokens", "ner", "mentions", "entities", "relations")


def remove_incomplete_parts(directory: Path) -> None:
    """Rows of a part whose documents file never landed (the run died between tables).

    A run writes each part's documents file last, so a part without one is incomplete and
    its documents will be processed again. Re-run stages write ``stage-*`` files instead."""
    complete = {p.name for p in (directory / "documents").glob("part-*.parquet")}
    for table in DOC_TABLES:
        for path in (directory / table).glob("part-*.parquet"):
            if path.name not in complete and not path.name.endswith("-empty.parquet"):
                path.unlink()


def drop_documents(directory: Path, doc_ids: set[str], keep_prefix: str | tuple[str, ...]
                   ) -> None:
    """Remove the rows of ``doc_ids`` from part files not named ``keep_prefix*`` (one prefix
    or several; used when documents are re-processed with --force, or replaced by an edited
    version). Each file is rewritten atomically."""
    import pyarrow.compute as pc

    if not doc_ids:
        return
    wanted = pa.array(sorted(doc_ids))
    for table in TABLES:
        if "doc_id" not in SCHEMAS[table].names:
            continue
        for path in sorted((directory / table).glob("*.parquet")):
            if path.name.startswith(keep_prefix):
                continue
            data = pq.read_table(path, schema=SCHEMAS[table])
            keep = pc.invert(pc.is_in(data.column("doc_id"), value_set=wanted))
            if pc.all(keep).as_py() is not False:
                continue
            write_table(directory, table, data.filter(keep), path.stem)


def unfinished_runs(directory: Path, run_id: str) -> list[str]:
    """The runs other than ``run_id`` whose part files are in the output but which never
    finished (interrupted, killed): the manifest names every run that finished, and the end
    of a run (earlier versions dropped, keys, names) is still to be done for their rows. None
    for an output whose manifest is older than its record of runs."""
    runs = read_manifest(directory).get("runs")
    if runs is None and (directory / "manifest.json").exists():
        return []  # an output older than the record of runs: which finished is not known
    finished = {run.get("run_id") for run in runs or [] if isinstance(run, dict)} | {run_id}
    written = {path.name.split("-")[1] for table in TABLES
               for path in (directory / table).glob("part-*.parquet")}
    return sorted(written - finished)


def run_folders(directory: Path, run_id: str) -> dict[str, str]:
    """The working folder of each run of the output (the manifest's; this run's own is the
    present one): a relative ``source`` is relative to its run's folder."""
    runs = read_manifest(directory).get("runs") or []
    folders = {run["run_id"]: run["cwd"] for run in runs
               if isinstance(run, dict) and run.get("cwd")}
    return {**folders, run_id: os.getcwd()}


def source_file(source: str, folder: str | None) -> str | None:
    """The file an input unit came from, as a full path: its ``source`` without a JSONL/CSV
    record's line or a listing page article's number, made full against the folder of the
    run that read it; None for a relative source whose run's folder is not known (a run
    older than the record of folders)."""
    path = _RECORD_LINE.sub(r"\1\2", source)
    if os.path.isabs(path):
        return os.path.normpath(path)
    return os.path.normpath(os.path.join(folder, path)) if folder else None


def article_identity(row: dict, folders: dict[str, str], by_source: bool = False
                     ) -> str | None:
    """What names one article across runs, whatever its text: its URL; with ``by_source``,
    else its id within its file, else the file itself (a TXT/HTML file is one article). Not
    by default: a file name or an id may be reused for another article the next day. A
    JSONL/CSV record (or an article of an HTML listing page) with neither URL nor id has
    none: its line moves when the file is edited."""
    if row.get("url"):
        return f"url {row['url']}"
    if not by_source:
        return None
    file = source_file(row.get("source") or "", folders.get(row.get("run_id") or ""))
    if file is None:
        return None
    if row.get("external_id"):
        return f"id {row['external_id']} in {file}"
    # (not a listing page's article by its number: it moves as the page is edited)
    if row.get("format") in ("txt", "html") and not _LISTING_ARTICLE.search(row["source"]):
        return f"file {file}"
    return None


def earlier_versions(directory: Path, run_ids: Iterable[str], folders: dict[str, str],
                     by_source: bool = False, read_again: set[str] = frozenset()) -> set[str]:
    """The doc_ids of earlier runs' documents that the runs ``run_ids`` (this one and any it
    finishes) read again, edited: the same article (``article_identity``) under another
    text, hence another doc_id. Only where one document the run read and one earlier
    document are that article: two articles of one URL (a live page) are kept, both, and so
    are two versions the run read (``read_again``: earlier documents it read, unchanged),
    as a first run of that input keeps them, and a run of it again keeps them still."""
    import pyarrow.compute as pc

    run_ids = set(run_ids)
    columns = ["doc_id", "source", "url", "external_id", "format", "run_id"]
    table = read_table(directory, "documents", columns)
    is_new = pc.is_in(table.column("run_id"), value_set=pa.array(sorted(run_ids), pa.string()))
    is_read = pc.or_(is_new, pc.is_in(table.column("doc_id"),
                                      value_set=pa.array(sorted(read_again), pa.string())))
    read_rows = table.filter(is_read).to_pylist()
    now = Counter(identity for row in read_rows
                  if (identity := article_identity(row, folders, by_source)) is not None)
    # only a version new to the output replaces: one read again never drops another, but
    # where asked to (``by_source``, --replace-edited: the store is to hold what was read)
    new = {article_identity(row, folders, by_source) for row in read_rows
           if by_source or row["run_id"] in run_ids} - {None}
    if not new:  # (a batch of nothing new that names an article: no earlier row is read)
        return set()
    read_ids = {row["doc_id"] for row in read_rows}
    before: dict[str, list[str]] = {}
    for row in table.filter(pc.invert(is_read)).to_pylist():
        identity = article_identity(row, folders, by_source)
        if identity in new and row["doc_id"] not in read_ids:
            before.setdefault(identity, []).append(row["doc_id"])
    return {doc_ids[0] for identity, doc_ids in before.items()
            if now[identity] == 1 and len(doc_ids) == 1}


def drop_earlier_errors(directory: Path, inputs: Iterable[str | Path], keep_prefix: str,
                        folders: dict[str, str]) -> None:
    """Remove error rows of earlier runs (part files not named ``keep_prefix*``) about input
    this run read again: a file under one of ``inputs`` (or one of its JSONL/CSV records).
    Each unit of it was tried anew, so the ``errors`` table says how the latest attempt
    went. A part file left with no row is removed."""
    import pyarrow.compute as pc

    given = [os.path.abspath(path) for path in inputs]
    if not given:
        return

    def read_again(row: dict) -> bool:
        path = source_file(row["source"] or "", folders.get(row["run_id"] or ""))
        return path is not None and any(
            path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in given)

    for path in sorted((directory / "errors").glob("*.parquet")):
        if path.name.startswith(keep_prefix):
            continue
        data = pq.read_table(path, schema=SCHEMAS["errors"])
        stale = [read_again(row) for row in data.select(["source", "run_id"]).to_pylist()]
        if stale and all(stale):
            path.unlink()
        elif any(stale):
            write_table(directory, "errors", data.filter(pc.invert(pa.array(stale))), path.stem)


# a JSONL/CSV record's source is its file and line: "batch.jsonl:17"; an article of an HTML
# listing page, its file and number: "news.html#2"
_RECORD_LINE = re.compile(r"(\.jsonl|\.csv):\d+$|(\.html?)#\d+$", re.IGNORECASE)
_LISTING_ARTICLE = re.compile(r"\.html?#\d+$", re.IGNORECASE)


def repair_duplicate_documents(directory: Path) -> None:
    """A run killed between writing re-processed documents (``--force``) and dropping their
    earlier rows leaves a document twice: keep its newest part, drop it from the others."""
    import pyarrow.compute as pc

    parts: dict[str, list[tuple[float, str]]] = {}
    for path in (directory / "documents").glob("*.parquet"):
        try:
            doc_ids = pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist()
        except (pa.ArrowException, OSError):
            continue  # not a part file of ours; reading the output will say so
        for doc_id in doc_ids:
            parts.setdefault(doc_id, []).append((path.stat().st_mtime, path.name))
    stale: dict[str, set[str]] = {}  # part file name -> doc ids to drop from it
    for doc_id, found in parts.items():
        for _, name in sorted(found)[:-1]:
            stale.setdefault(name, set()).add(doc_id)
    for name, doc_ids in stale.items():
        for table in TABLES:
            path = directory / table / name
            if "doc_id" in SCHEMAS[table].names and path.exists():
                data = pq.read_table(path, schema=SCHEMAS[table])
                keep = pc.invert(pc.is_in(data.column("doc_id"), value_set=pa.array(doc_ids)))
                write_table(directory, table, data.filter(keep).to_pylist(), path.stem)


def remove_parts(directory: Path, tables: Iterable[str], keep_prefix: str) -> None:
    """Remove the part files of ``tables`` except those of the current replacement."""
    for table in tables:
        for path in (directory / table).glob("*.parquet"):
            if not path.name.startswith(keep_prefix):
                path.unlink()


def _in_document_order(paths: list[Path], new_parts: str | tuple[str, ...] | None,
                       table: str, columns: list[str]) -> Iterator[pa.Table]:
    """The rows of the part files, the earlier runs' first and then this run's, each in the
    order of their documents' ids: which worker wrote which documents, and so the order of
    the rows in the parts, changes from run to run, and what a batch teaches the keys must
    not (the same batch gets the same keys however its documents were shared out)."""
    earlier = [p for p in paths if new_parts is None or not p.name.startswith(new_parts)]
    for group in (earlier, [p for p in paths if p not in earlier]):
        if group:
            rows = pa.concat_tables([pq.read_table(p, columns=columns, schema=SCHEMAS[table])
                                     for p in group])
            yield rows.sort_by("doc_id")  # (a stable sort: a document's rows keep their order)


def rekey_output(directory: Path, resolver: KeyResolver,
                 new_parts: str | tuple[str, ...] | None = None, added_only: bool = False
                 ) -> None:
    """Canonical keys for the entities and relations in ``directory`` (see ``keys``), and
    the ``names`` table brought up to date. ``new_parts``: a prefix naming the part files of
    this run (or prefixes: with those of the interrupted runs it finishes); the other parts
    keep their keys, and the names they gave keep them for the new rows. Without it every
    row is keyed afresh (a re-run of the entities stage).
    ``added_only``: the new parts hold only documents the others do not (no ``--force``):
    their names are added to the stored ``names`` table instead of counting every row."""
    def parts(table: str, every: bool = False) -> list[Path]:
        found = sorted((directory / table).glob("*.parquet"))
        if every:  # the parts of the runs before first, then this run's
            return sorted(found, key=lambda p: new_parts is not None
                          and p.name.startswith(new_parts))
        return [p for p in found if new_parts is None or p.name.startswith(new_parts)]

    names_present = any((directory / "names").glob("*.parquet"))
    if new_parts is not None and not parts("entities") and not parts("relations") \
            and names_present:
        return  # nothing new: the tables stand as they are, files untouched
    if new_parts is not None:
        resolver.remember_names(read_table(directory, "names"))
    # (the earlier runs' rows are learnt too, their keys kept: a name of this batch meets
    # them as it would in one run, «Mehmet Yılmaz» the «Мехмет Йылмаз» keyed before)
    for rows in _in_document_order(parts("relations", every=True), new_parts, "relations",
                                   ["doc_id", "type", "arg1_id", "arg2_id", "arg2_normal"]):
        resolver.learn_places_of_sites(rows)  # where documents place things, before their rows
    for rows in _in_document_order(parts("entities", every=True), new_parts, "entities",
                                   ["doc_id", "entity_id", "type", "normal", "n_mentions",
                                    "aliases"]):
        resolver.learn(rows)  # every name first: a key depends on the whole batch
    argument_columns = ["doc_id", "entity_id", "entity_key", "type", "origin_key",
                        "origin_country"]
    rekeyed_parts: dict[str, pa.Table] = {}
    expanded: Expansions | None = None
    if len(parts("entities")) > 1:
        # the abbreviations the whole batch expands, whichever part a document went to
        expanded = {}
        for path in parts("entities"):
            batch_expansions(pq.read_table(path, schema=SCHEMAS["entities"]), resolver,
                             expanded)
    for path in parts("entities"):
        rekeyed = rekey_entities(pq.read_table(path, schema=SCHEMAS["entities"]), resolver,
                                 expanded)
        write_table(directory, "entities", rekeyed, path.stem)
        rekeyed_parts[path.name] = rekeyed.select(argument_columns)
    everything: list[dict] | None = None
    for path in parts("relations"):
        # a part's relations are between the entities of the part of the same name (a run
        # writes every table of a chunk under one name); else look in every entity row
        arguments = rekeyed_parts.get(path.name)
        if arguments is None:
            if everything is None:
                everything = read_table(directory, "entities",
                                        columns=argument_columns).to_pylist()
            rows = everything
        else:
            rows = arguments.to_pylist()
        data = pq.read_table(path, schema=SCHEMAS["relations"])
        write_table(directory, "relations", rekey_relations(data, rows), path.stem)
    entity_columns = ["doc_id", "entity_id", "entity_key", "type", "normal", "aliases"]
    if new_parts is not None and added_only and names_present:
        # the earlier documents' names stand; the new documents' are counted and added
        def new_rows(table: str, columns: list[str]) -> pa.Table:
            return pa.concat_tables(
                [empty_table(SCHEMAS[table]).select(columns)]
                + [pq.read_table(path, columns=columns, schema=SCHEMAS[table])
                   for path in parts(table)])

        names = add_names(read_table(directory, "names"), names_table(
            new_rows("entities", entity_columns),
            new_rows("mentions", ["doc_id", "entity_id", "normal"])))
    else:
        names = names_table(
            read_table(directory, "entities", columns=entity_columns),
            read_table(directory, "mentions", columns=["doc_id", "entity_id", "normal"]))
    write_table(directory, "names", names, "names")
    for path in (directory / "names").glob("*.parquet"):
        if path.name != "names.parquet":
            path.unlink()


def read_manifest(directory: Path) -> dict:
    """The manifest of the runs written to ``directory``; empty where there is none or it is
    unreadable or not a JSON object (a run then starts a new one, a report shows none: a
    damaged manifest is no reason to stop)."""
    try:
        manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def write_manifest(directory: Path, manifest: dict) -> None:
    temporary = directory / f".manifest.{uuid.uuid4().hex[:8]}.tmp"
    temporary.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temporary, directory / "manifest.json")


def _remove_temporary_files(directory: Path) -> None:
    """Half-written part files (never read: only *.parquet are) of a run that was killed."""
    for path in [*directory.glob(".manifest.*.tmp"), *directory.glob("*/.*.tmp")]:
        path.unlink(missing_ok=True)


def recover_interrupted_swap(directory: Path) -> None:
    """Finish or undo a ``--from-stage`` table swap that a dead run left half-done: a table
    moved aside (``.old-<run>-<table>``) comes back where the new one never arrived."""
    import shutil

    for old in directory.glob(".old-*-*"):
        table = old.name.rsplit("-", 1)[1]
        if not (directory / table).exists():
            old.rename(directory / table)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for staging in directory.glob(".staging-*"):
        shutil.rmtree(staging, ignore_errors=True)


class OutputLock:
    """One run at a time per output directory: an exclusive ``flock`` on a lock file that
    also names the holder. The kernel drops the lock when its process dies, so a killed
    run never blocks the next one; whatever that run left half-done is cleared here."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / ".ruextract.lock"
        self.held = False
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 200).decode(errors="replace").strip()
                os.close(fd)
                raise OutputLockedError(
                    f"{self.path.parent} is in use by another ruextract run ({holder}); "
                    "wait for it to finish") from None
            # The holder before us may have removed the file after we opened it: then our
            # lock is on a file nobody else will see; take the lock on the current one.
            try:
                if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{socket.gethostname()} {os.getpid()}\n".encode())
        self._fd, self.held = fd, True
        _remove_temporary_files(self.path.parent)  # left by a run that died
        remove_incomplete_parts(self.path.parent)
        repair_duplicate_documents(self.path.parent)
        recover_interrupted_swap(self.path.parent)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.held and self._fd is not None:
            self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd, self.held = None, False

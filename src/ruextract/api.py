"""The Python API: ``process`` texts or files into the run's tables as DataFrames, no files
written; ``load`` a run's tables back. For notebooks; the CLI writes the same tables."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from . import store
from .doc import RawDoc

if TYPE_CHECKING:  # pandas is imported by to_pandas() when a table is asked for (0.5 s)
    import pandas as pd
from .ingest import DEFAULT_MAX_DOC_BYTES, SUPPORTED_SUFFIXES, IngestError, read_inputs
from .keys import names_table, rekey_batch
from .rules import DEFAULT_MIN_CONFIDENCE
from .run_record import RunSummary, key_resolver
from .stages import BATCH_DOCS, Pipeline, StageError, batched, prepared

TextOrPath = str | Path


@lru_cache(maxsize=4)
def _pipeline(rules_dir: str | None, min_confidence: float = DEFAULT_MIN_CONFIDENCE
              ) -> Pipeline:
    """Models and rules load once per process and rules directory, not once per call."""
    return Pipeline(rules_dir=Path(rules_dir) if rules_dir else None,
                    min_confidence=min_confidence)


def process(texts_or_paths: TextOrPath | Iterable[TextOrPath], rules_dir: Path | None = None,
            *, max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
            min_confidence: float = DEFAULT_MIN_CONFIDENCE
            ) -> dict[str, pd.DataFrame]:
    """Run the pipeline in memory: every table of a run (same columns) as a DataFrame.

    A ``Path``, or a ``str`` naming an existing file or directory, is read as input files
    (any format ``ruextract run`` reads); a one-word ``str`` that reads as a path but names
    nothing («articles/», «news.jsonl») is an error row; any other ``str`` is the text of
    one article.
    Relations below ``min_confidence`` are not kept.
    """
    items = [texts_or_paths] if isinstance(texts_or_paths, str | Path) else list(texts_or_paths)
    pipeline = _pipeline(str(rules_dir) if rules_dir else None, min_confidence)
    summary = RunSummary(uuid.uuid4().hex[:12], "")
    rows = _Rows()
    record_error = summary.error_recorder(rows)
    docs = prepared(_raw_docs(items, max_doc_bytes), pipeline.normaliser, summary, set(),
                    set(), record_error)
    for batch in batched(docs, BATCH_DOCS):
        for result in pipeline.process(batch):
            if isinstance(result, StageError):
                record_error(result.source, result.stage, result.error, result.message)
            else:
                rows.add(store.doc_rows(result, summary.run_id))
    tables = {table: pa.Table.from_pylist(table_rows, schema=store.SCHEMAS[table])
              for table, table_rows in rows.tables.items() if table != "names"}
    tables["entities"], tables["relations"] = rekey_batch(
        tables["entities"], tables["relations"], key_resolver(pipeline.rules))
    tables["names"] = names_table(tables["entities"], tables["mentions"])
    return {table: tables[table].to_pandas() for table in store.TABLES}


class _Rows:
    """An in-memory stand-in for the Parquet writer: rows by table."""

    def __init__(self) -> None:
        self.tables: dict[str, list[dict]] = {table: [] for table in store.TABLES}

    def add(self, rows: dict[str, list[dict]]) -> None:
        for table, table_rows in rows.items():
            self.tables[table].extend(table_rows)


def load(out: Path | str, tables: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """The tables of a run in ``out`` (all of them by default) as DataFrames. Group by
    ``entity_key`` (entities), ``arg1_key``/``arg2_key`` and ``origin_key``/``origin_country``
    (relations): one key per thing across documents; ``names`` lists each key's names."""
    out = Path(out)
    if not out.is_dir():
        raise FileNotFoundError(f"{out}: no such run output directory")
    return {table: store.read_table(out, table).to_pandas() for table in tables or store.TABLES}


def _raw_docs(items: list[TextOrPath], max_doc_bytes: int) -> Iterator[RawDoc | IngestError]:
    for index, item in enumerate(items):
        if not isinstance(item, str | Path):
            raise TypeError(f"item {index}: expected a text, a path or a Path, "
                            f"not {type(item).__name__}")
        if isinstance(item, Path) or _is_existing_path(item):
            yield from read_inputs([Path(item)], max_doc_bytes)
        elif WEB_ADDRESS_ONLY.fullmatch(item.strip()):  # nothing is fetched
            yield IngestError(item, "url_not_text", "a web address, not an article's text "
                                                    "(ruextract reads no pages from the web)")
        elif _reads_as_a_path(item):  # a mistyped path is no article
            yield IngestError(item, "missing", "no such file or directory (a text without "
                                               "spaces that reads as a path)")
        elif not item.strip():
            yield IngestError(f"text:{index}", "blank", "no text: the text is empty or blank")
        else:
            yield RawDoc(f"text:{index}", item, "utf-8", "txt")


WEB_ADDRESS_ONLY = re.compile(r"(?:https?|ftp)://\S+|www\.\S+", re.IGNORECASE)


def _reads_as_a_path(text: str) -> bool:
    """A one-word text with a slash or a file suffix ruextract reads: «articles/»,
    «news.jsonl». An article has spaces."""
    word = text.strip()
    return bool(word) and not any(c.isspace() for c in word) and len(word) <= 4096 and (
        "/" in word or "\\" in word or Path(word).suffix.lower() in SUPPORTED_SUFFIXES)


def _is_existing_path(text: str) -> bool:
    # Article texts are long and multi-line: only a short one-line string can be a path.
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):
        return False

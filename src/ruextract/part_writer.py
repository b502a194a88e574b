"""The part-file writer: rows buffered as Arrow tables and written as bounded Parquet part
files, documents last."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from . import store

CHUNK_DOCS = 2000  # documents per Parquet part file
CHUNK_ROWS = 200_000  # ... or fewer, once this many token rows are waiting


class ChunkWriter:
    """Buffers rows and writes one part file per table every ``chunk_docs`` documents, or
    sooner once ``chunk_rows`` token rows are waiting (a batch of very long documents).

    Rows are held as Arrow tables (row dicts are converted every ``CONVERT_ROWS`` rows), so
    a buffered chunk costs a few bytes per value, not a Python object per value."""

    CONVERT_ROWS = 20_000

    def __init__(self, out: Path, run_id: str, chunk_docs: int = CHUNK_DOCS,
                 chunk_rows: int = CHUNK_ROWS) -> None:
        self.out, self.run_id = out, run_id
        self.chunk_docs, self.chunk_rows = chunk_docs, chunk_rows
        self.buffer: dict[str, list[dict]] = {t: [] for t in store.TABLES}
        self.arrow: dict[str, list[pa.Table]] = {t: [] for t in store.TABLES}
        self.docs_in_buffer = 0
        self.rows_in_buffer = 0  # token rows
        self.part = 0

    def add(self, rows: dict[str, list[dict]]) -> None:
        """One document's rows (or error rows, without a document)."""
        for table, table_rows in rows.items():
            self.buffer[table].extend(table_rows)
            if len(self.buffer[table]) >= self.CONVERT_ROWS:
                self._convert(table)
        self.docs_in_buffer += len(rows.get("documents", ()))
        self.rows_in_buffer += len(rows.get("tokens", ()))
        if self._full() or len(self.buffer["errors"]) >= 10_000:
            self.flush()

    def add_batch(self, batch: store.RowBatch) -> None:
        """Documents' rows as Arrow tables; cut between documents where a chunk is full."""
        first = 0
        while first < batch.docs:
            stop = min(batch.docs, first + max(self.chunk_docs - self.docs_in_buffer, 1))
            tokens = batch.counts["tokens"]
            rows = self.rows_in_buffer
            while first < stop - 1 and rows + sum(tokens[first:stop]) > self.chunk_rows:
                stop -= 1  # stop early enough for the row limit, but take a document
            part = batch.slice(first, stop) if (first, stop) != (0, batch.docs) else batch
            for table, data in part.tables.items():
                self._convert(table)  # keep the order of rows added one by one
                if data.num_rows:
                    self.arrow[table].append(data)
            self.docs_in_buffer += stop - first
            self.rows_in_buffer += sum(tokens[first:stop])
            first = stop
            if self._full():
                self.flush()

    def _full(self) -> bool:
        return self.docs_in_buffer >= self.chunk_docs or self.rows_in_buffer >= self.chunk_rows

    def _convert(self, table: str) -> None:
        if self.buffer[table]:
            self.arrow[table].append(pa.Table.from_pylist(self.buffer[table],
                                                          schema=store.SCHEMAS[table]))
            self.buffer[table] = []

    def flush(self) -> None:
        for table in store.TABLES:
            self._convert(table)
        if not any(self.arrow.values()):
            return
        name = f"part-{self.run_id}-{self.part:05d}"
        # documents last: a doc_id is "present" only once all its rows are on disk.
        for table in sorted(self.arrow, key=lambda t: t == "documents"):
            if self.arrow[table]:
                data = pa.concat_tables(self.arrow[table])
                self.arrow[table] = []
                store.write_table(self.out, table, data, name)
        self.arrow = {t: [] for t in store.TABLES}
        self.docs_in_buffer = self.rows_in_buffer = 0
        self.part += 1

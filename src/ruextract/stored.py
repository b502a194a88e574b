"""The stored-document reader: a run's documents, tokens and NER spans rebuilt into Docs
without re-tagging (what ``--from-stage`` starts from)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa

from . import store
from .doc import TOKEN_FIELDS, Doc, RawDoc, Span, Token
from .normalise import OffsetMap


class StoredDocs:
    """A run's documents, tokens and NER spans, read column by column and rebuilt into Docs
    (text, offsets, tokens, NER spans) on demand, without re-tagging.

    Token and NER rows are put in the documents' order once (a run writes them so; a
    stable sort where not), so the rows of any range of documents are one slice."""

    def __init__(self, out: Path, only: set[str] | None = None) -> None:
        """``only``: these documents alone (None: all of them)."""
        import pyarrow.compute as pc

        self.documents = store.read_table(out, "documents")
        if only is not None:
            self.documents = self.documents.filter(pc.is_in(
                self.documents.column("doc_id"), value_set=pa.array(sorted(only), pa.string())))
        doc_ids = self.documents.column("doc_id")
        self.tokens, self.token_offsets = in_document_order(
            store.read_table(out, "tokens"), doc_ids, "token_id")
        self.ner, self.ner_offsets = in_document_order(store.read_table(out, "ner"), doc_ids)

    def __len__(self) -> int:
        return self.documents.num_rows

    def docs(self, first: int = 0, stop: int | None = None) -> Iterator[Doc]:
        """Documents ``first`` to ``stop``, in the documents table's order."""
        import numpy as np

        from .doc import Sentence

        stop = len(self) if stop is None else stop
        documents = self.documents.slice(first, stop - first).to_pylist()
        tokens = _rows(self.tokens, self.token_offsets, first, stop, TOKEN_FIELDS, Token)
        ner = _rows(self.ner, self.ner_offsets, first, stop, ("start", "end", "type"),
                    lambda start, end, label: Span(start, end, label, "ner"))
        # where sentences start: where sent_id changes, and where each document starts
        base = self.token_offsets[first]
        sent_ids = self.tokens.column("sent_id").slice(base, len(tokens)).to_numpy()
        doc_starts = np.asarray(self.token_offsets[first:stop + 1]) - base
        starts = np.union1d(np.flatnonzero(np.diff(sent_ids)) + 1, doc_starts).tolist()
        token_at, ner_at, boundary = 0, 0, 0
        for index, row in enumerate(documents, start=first):
            raw = RawDoc(row["source"], row["raw_text"], row["encoding"], row["format"] or "txt",
                         row["external_id"], row["url"], row["date"], None)
            doc = Doc(row["doc_id"], raw, row["text"], OffsetMap.from_runs(row["offset_runs"]),
                      row["title"])
            doc.language = row["language"] or "ru"
            count = self.token_offsets[index + 1] - self.token_offsets[index]
            doc.tokens = tokens[token_at:token_at + count]
            while starts[boundary] < token_at + count:
                begin, end = starts[boundary], starts[boundary + 1]
                doc.sentences.append(Sentence(tokens[begin].start, tokens[end - 1].end,
                                              tokens[begin].token_id, tokens[end - 1].token_id + 1))
                boundary += 1
            token_at += count
            count = self.ner_offsets[index + 1] - self.ner_offsets[index]
            doc.ner_spans = ner[ner_at:ner_at + count]
            ner_at += count
            yield doc


def in_document_order(table: pa.Table, doc_ids: pa.ChunkedArray,
                       then_by: str | None = None) -> tuple[pa.Table, list[int]]:
    """``table``'s rows grouped by document in the order of ``doc_ids`` (rows of other
    documents dropped), and where each document's rows start (one more: the end)."""
    import numpy as np
    import pyarrow.compute as pc

    index = pc.index_in(table.column("doc_id"), value_set=doc_ids.combine_chunks())
    if index.null_count:
        keep = pc.is_valid(index)
        table, index = table.filter(keep), index.filter(keep)
    positions = index.to_numpy(zero_copy_only=False).astype(np.int64)
    steps = np.diff(positions)
    disordered = (steps < 0).any() or (then_by is not None and (
        (steps == 0) & (np.diff(table.column(then_by).to_numpy()) < 0)).any())
    if disordered:  # a stable sort: NER spans keep their stored order
        keys = [("document", "ascending")] + ([(then_by, "ascending")] if then_by else [])
        order = pc.sort_indices(table.append_column("document", index), keys)
        table, positions = table.take(order), positions[order.to_numpy()]
    counts = np.bincount(positions, minlength=len(doc_ids))
    return table, [0, *np.cumsum(counts).tolist()]


def _rows(table: pa.Table, offsets: list[int], first: int, stop: int, names: tuple[str, ...],
          make: Callable) -> list:
    """``make(*row)`` for each row of documents ``first`` to ``stop``."""
    rows = table.slice(offsets[first], offsets[stop] - offsets[first])
    return list(map(make, *(rows.column(name).to_pylist() for name in names)))

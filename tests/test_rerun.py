"""Re-running the extraction stages on stored tokens: the normal-form memo beside the
tables, and stored rows in any order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from conftest import CORPUS
from ruextract import memo, rerun, store
from ruextract.pipeline import Pipeline, StoredDocs, run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    """A run of two sample articles by a fresh pipeline (whose memo starts empty)."""
    out = tmp_path_factory.mktemp("rerun") / "out"
    run(sorted(CORPUS.glob("sample_0[12].txt")), out, pipeline=Pipeline())
    return out


def mentions(out: Path) -> list[tuple]:
    rows = store.read_table(out, "mentions").to_pylist()
    return sorted((r["doc_id"], r["start"], r["end"], r["type"], r["normal"]) for r in rows)


def test_a_run_leaves_the_normal_forms_it_computed(stored: Path) -> None:
    remembered = memo.read_normal_forms(stored)
    assert remembered and all(isinstance(normal, str) for normal in remembered.values())
    assert {key[0] for key in remembered} >= {"PER", "LOC"}


def test_a_rerun_takes_normal_forms_from_the_memo(stored: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(stored, out)
    remembered = memo.read_normal_forms(out)
    key = next(k for k in remembered if k[0] == "LOC")
    marked = {**remembered, key: "ИЗ ПАМЯТИ"}
    (out / memo.MEMO_PATH).unlink()
    memo.write_normal_forms(out, marked)

    rerun.rerun(out, "entities", workers=1)

    assert "ИЗ ПАМЯТИ" in {m[4] for m in mentions(out)}


def test_a_stale_or_broken_memo_is_ignored(stored: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(stored, out)
    path = out / memo.MEMO_PATH
    data = json.loads(path.read_text(encoding="utf-8"))
    data["stamp"] = "an older ruextract"
    data["entries"] = [[key, "УСТАРЕЛО"] for key, _ in data["entries"]]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert memo.read_normal_forms(out) == {}
    rerun.rerun(out, "entities", workers=1)
    assert mentions(out) == mentions(stored)

    path.write_text("{not json", encoding="utf-8")
    rerun.rerun(out, "entities", workers=1)
    assert mentions(out) == mentions(stored)


def test_stored_rows_in_any_order_rebuild_the_same_documents(stored: Path,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(stored, out)
    for table in ("tokens", "ner"):  # the second document's rows first, the first's reversed
        data = store.read_table(out, table)
        shuffled = data.take(pa.array(list(reversed(range(data.num_rows)))))
        shutil.rmtree(out / table)
        store.write_table(out, table, shuffled, "part-shuffled")

    for expected, rebuilt in zip(StoredDocs(stored).docs(), StoredDocs(out).docs(), strict=True):
        assert rebuilt.tokens == expected.tokens
        assert sorted((s.start, s.end, s.type) for s in rebuilt.ner_spans) == sorted(
            (s.start, s.end, s.type) for s in expected.ner_spans)
        assert list(rebuilt.offset_map.starts) == list(expected.offset_map.starts)

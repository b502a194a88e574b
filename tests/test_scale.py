"""Incremental runs, appending batches, chunked part files, and workers=2 equal to workers=1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS
from ruextract import store
from ruextract.pipeline import run

pytestmark = pytest.mark.slow
TABLES_WITH_DOCS = ("documents", "tokens", "ner", "mentions", "entities", "relations")


def table_rows(out: Path, table: str) -> list[tuple]:
    """Rows as sorted tuples, without the run_id (which differs between any two runs)."""
    data = store.read_table(out, table)
    columns = [c for c in data.column_names if c != "run_id"]
    rows = data.select(columns).to_pylist()
    return sorted(tuple(json.dumps(row[c], ensure_ascii=False) for c in columns) for row in rows)


def part_files(out: Path) -> dict[str, tuple[int, int]]:
    """Every part file with its size and modification time: what 'never rewritten' means."""
    return {str(p.relative_to(out)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(out.glob("*/*.parquet"))}


@pytest.fixture
def samples() -> list[Path]:
    return sorted(CORPUS.glob("sample_0[1-4].txt"))


def test_second_run_skips_everything_already_present(tmp_path: Path, pipeline, samples) -> None:
    out = tmp_path / "out"
    first = run(samples[:3], out, pipeline=pipeline)
    rows_after_first = {t: table_rows(out, t) for t in TABLES_WITH_DOCS}
    files_after_first = part_files(out)

    second = run(samples[:3], out, pipeline=pipeline)

    assert (first.processed, second.processed, second.already_present) == (3, 0, 3)
    assert {t: table_rows(out, t) for t in TABLES_WITH_DOCS} == rows_after_first
    assert part_files(out) == files_after_first
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [r["run_id"] for r in manifest["runs"]] == [first.run_id, second.run_id]


def test_force_reprocesses_without_duplicating_rows(tmp_path: Path, pipeline, samples) -> None:
    out = tmp_path / "out"
    run(samples[:3], out, pipeline=pipeline)
    rows_before = {t: table_rows(out, t) for t in TABLES_WITH_DOCS}

    forced = run(samples[:3], out, pipeline=pipeline, force=True)

    assert (forced.processed, forced.already_present) == (3, 0)
    assert {t: table_rows(out, t) for t in TABLES_WITH_DOCS} == rows_before
    documents = store.read_table(out, "documents")
    assert set(documents.column("run_id").to_pylist()) == {forced.run_id}


def test_a_new_batch_appends_files_and_leaves_old_ones(tmp_path: Path, pipeline, samples) -> None:
    out = tmp_path / "out"
    run(samples[:2], out, pipeline=pipeline)
    old_files = part_files(out)

    appended = run(samples[:3], out, pipeline=pipeline)

    new_files = part_files(out)
    assert (appended.processed, appended.already_present) == (1, 2)
    # the names table is an index of every run's names, rebuilt by each run that adds rows
    old_files.pop("names/names.parquet")
    assert new_files.pop("names/names.parquet")
    assert {name: new_files[name] for name in old_files} == old_files  # untouched
    added = sorted(set(new_files) - set(old_files))
    assert added and all(appended.run_id in name for name in added)
    assert store.read_table(out, "documents").num_rows == 3


def test_small_chunks_write_several_part_files(tmp_path: Path, pipeline, samples) -> None:
    out = tmp_path / "out"
    summary = run(samples, out, pipeline=pipeline, chunk_docs=1, batch_docs=2)

    document_parts = sorted((out / "documents").glob("*.parquet"))
    assert summary.processed == len(samples) == len(document_parts)
    for part in document_parts:  # each part file holds one whole document, in every table
        doc_ids = set(store.pq.read_table(part).column("doc_id").to_pylist())
        assert len(doc_ids) == 1
        for table in ("tokens", "mentions"):
            sibling = out / table / part.name
            assert set(store.pq.read_table(sibling).column("doc_id").to_pylist()) == doc_ids


def test_two_workers_write_the_same_tables_as_one(tmp_path: Path, pipeline, samples) -> None:
    one = run(samples, tmp_path / "one", pipeline=pipeline)
    two = run(samples, tmp_path / "two", workers=2, batch_docs=1)

    assert one.as_dict()["mentions"] == two.as_dict()["mentions"]
    for table in (*TABLES_WITH_DOCS, "errors"):
        assert table_rows(tmp_path / "two", table) == table_rows(tmp_path / "one", table), table
    # each worker wrote its own part files, one per table while under chunk_docs documents
    parts = {p.name for p in (tmp_path / "two" / "documents").glob("*.parquet")}
    assert parts and parts <= {f"part-{two.run_id}-w{n}-00000.parquet" for n in range(2)}


def test_workers_rolling_their_part_files_write_the_same_tables_as_one(tmp_path: Path,
                                                                      pipeline) -> None:
    """The whole sample corpus (formats, encodings, duplicates, errors) with two workers
    whose writers roll to a new part file every 3 documents: the same rows in every table,
    keys and names included, as one process."""
    one = run([CORPUS], tmp_path / "one", pipeline=pipeline)
    two = run([CORPUS], tmp_path / "two", pipeline=pipeline, workers=2, batch_docs=2,
              chunk_docs=3)

    assert one.as_dict() | {"wall_seconds": 0, "docs_per_second": 0} == \
        two.as_dict() | {"wall_seconds": 0, "docs_per_second": 0}
    for table in (*TABLES_WITH_DOCS, "errors", "names"):
        assert table_rows(tmp_path / "two", table) == table_rows(tmp_path / "one", table), table
    worker_parts: dict[str, list[int]] = {}
    for part in (tmp_path / "two" / "documents").glob(f"part-{two.run_id}-w*.parquet"):
        worker, number = part.stem.removeprefix(f"part-{two.run_id}-").split("-")
        worker_parts.setdefault(worker, []).append(int(number))
        assert store.pq.read_metadata(part).num_rows <= 3
    assert sum(len(numbers) for numbers in worker_parts.values()) >= two.processed / 3
    assert all(sorted(numbers) == list(range(len(numbers))) for numbers in worker_parts.values())


def test_a_row_limit_cuts_part_files_between_documents(tmp_path: Path, pipeline, samples) -> None:
    one = run(samples, tmp_path / "one", pipeline=pipeline)
    cut = run(samples, tmp_path / "cut", pipeline=pipeline, batch_docs=4, chunk_rows=1)

    parts = sorted((tmp_path / "cut" / "documents").glob("*.parquet"))
    assert cut.processed == len(parts) == len(samples)  # every document fills a chunk alone
    for table in (*TABLES_WITH_DOCS, "errors"):
        assert table_rows(tmp_path / "cut", table) == table_rows(tmp_path / "one", table), table
    assert one.as_dict()["mentions"] == cut.as_dict()["mentions"]


def test_rerun_in_worker_processes_equals_one_process(tmp_path: Path, pipeline, samples,
                                                      monkeypatch) -> None:
    import shutil

    from ruextract import rerun

    monkeypatch.setattr(rerun, "PARALLEL_MIN_DOCS", 1)
    run(samples, tmp_path / "one", pipeline=pipeline)
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    rerun.rerun(tmp_path / "one", "entities", rules=pipeline.rules, workers=1)
    rerun.rerun(tmp_path / "two", "entities", rules=pipeline.rules, workers=2)
    for table in ("mentions", "entities", "relations"):
        assert table_rows(tmp_path / "two", table) == table_rows(tmp_path / "one", table), table


def test_a_run_gives_the_garbage_collector_back_as_it_found_it(tmp_path: Path, pipeline,
                                                              samples) -> None:
    import gc

    from ruextract.processes import few_collections

    thresholds = gc.get_threshold()
    host_object = [object()]
    gc.freeze()  # a host that froze its own objects (before forking, say)
    frozen = gc.get_freeze_count()
    try:
        with few_collections():
            with few_collections():  # nested (a run inside a run's callback)
                run(samples[:1], tmp_path / "out", pipeline=pipeline)
            assert gc.get_threshold() != thresholds
        assert gc.get_threshold() == thresholds
        # the host's frozen objects stay frozen (some may have died), nothing more is frozen
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
    assert host_object

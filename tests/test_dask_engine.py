"""The Dask engine on a local two-worker cluster produces the same tables as a local run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS
from ruextract import pipeline as local_pipeline
from ruextract import store
from test_scale import table_rows

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

pytestmark = pytest.mark.slow
COMPARED_TABLES = ("documents", "tokens", "ner", "mentions", "entities", "relations", "errors")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as dask_client:
        yield dask_client


def test_dask_run_equals_a_local_run(tmp_path: Path, pipeline, client) -> None:
    from ruextract import dask_engine

    local = local_pipeline.run([CORPUS], tmp_path / "local", pipeline=pipeline)
    # small partitions, so both workers get some and each writes its own part files
    on_dask = dask_engine.run([CORPUS], tmp_path / "dask", client=client, partition_docs=3)

    for table in COMPARED_TABLES:
        assert table_rows(tmp_path / "dask", table) == table_rows(tmp_path / "local", table), table
    for count in ("read", "processed", "duplicates", "already_present", "failed", "characters",
                  "mentions", "relations", "errors"):
        assert on_dask.as_dict()[count] == local.as_dict()[count], count
    parts = sorted(p.name for p in (tmp_path / "dask" / "documents").glob("*.parquet"))
    assert len(parts) == -(-on_dask.processed // 3), parts  # one file per partition
    assert all(name.startswith(f"part-{on_dask.run_id}-p") for name in parts)
    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["run_id"] == on_dask.run_id
    assert manifest["table_rows"]["documents"] == on_dask.processed


def test_dask_run_is_incremental(tmp_path: Path, client) -> None:
    from ruextract import dask_engine

    inputs = sorted(CORPUS.glob("sample_0[1-3].txt"))
    out = tmp_path / "out"
    first = dask_engine.run(inputs[:2], out, client=client)
    second = dask_engine.run(inputs, out, client=client)
    assert (first.processed, second.processed, second.already_present) == (2, 1, 2)
    assert store.read_table(out, "documents").num_rows == 3
    forced = dask_engine.run(inputs, out, client=client, force=True)
    assert (forced.processed, forced.already_present) == (3, 0)
    documents = store.read_table(out, "documents")
    assert documents.num_rows == 3
    assert set(documents.column("run_id").to_pylist()) == {forced.run_id}


def test_dask_run_starts_its_own_local_cluster(tmp_path: Path) -> None:
    from ruextract import dask_engine

    summary = dask_engine.run([CORPUS / "sample_01.txt"], tmp_path / "out", n_workers=1)
    assert summary.processed == 1
    assert store.read_table(tmp_path / "out", "documents").num_rows == 1


def test_a_worker_with_other_rules_refuses_to_run() -> None:
    from ruextract import dask_engine

    with pytest.raises(dask_engine.RulesMismatchError, match="same ruextract version and rules"):
        dask_engine.worker_pipeline(None, fingerprint="not-the-client-rules")

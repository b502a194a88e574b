"""How a run's processes are set up (``processes``)."""

from __future__ import annotations

from conftest import assert_fresh_interpreter_prints_ok

ARROW_WITHOUT_PANDAS = """
import sys, tempfile
from pathlib import Path
from ruextract.processes import arrow_without_pandas
arrow_without_pandas()
import pyarrow as pa, pyarrow.parquet as pq
table = pa.Table.from_pylist([{"word": "слово", "n": 1}, {"word": None, "n": None}])
pq.write_table(table, Path(tempfile.mkdtemp()) / "t.parquet")
assert "pandas" not in sys.modules, "pandas imported"
assert table.to_pandas()["n"].isna().tolist() == [False, True]  # asked for: imported
print("ok")
"""


def test_a_worker_builds_and_writes_arrow_tables_without_importing_pandas():
    assert_fresh_interpreter_prints_ok(ARROW_WITHOUT_PANDAS)

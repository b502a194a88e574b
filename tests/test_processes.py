"""How a run's processes are set up (``processes``)."""

from __future__ import annotations

import subprocess
import sys

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
    done = subprocess.run([sys.executable, "-c", ARROW_WITHOUT_PANDAS], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"

"""What two processes can gain on this machine, beside what ``--workers 2`` gains.

    .venv/bin/python benchmarks/ceiling.py [--runs 3] [--large]

Three ways to do one batch, interleaved, each in fresh interpreters (``bench.py --child``):

- ``one``: ``run --workers 1`` on the whole batch;
- ``pool``: ``run --workers 2`` on the whole batch (the pool: one queue, forked workers);
- ``pair``: two independent ``run --workers 1``, each on half the batch, started together
  (no pool, no queue, nothing shared: the most two processes can do here).

and a pure-Python loop, once in one process and split over two. Prints the medians of each
round's ratios: ``one / pool`` is the figure issue 14 asks about; ``one / pair`` and the
loop's ratio are this machine's ceiling for it. On two vCPUs of a shared VM the ceiling is
below 2: two busy processes slow each other (shared caches, memory, the host's scheduling).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench

LOOP = 30_000_000  # iterations of the pure-Python loop (~2–3 s in one process)


def _spin(iterations: int) -> int:
    total = 0
    for i in range(iterations):
        total += i * i % 7
    return total


def loop_ratio() -> float:
    """Seconds of the loop in one process over the same loop split across two."""
    started = time.perf_counter()
    _spin(LOOP)
    one = time.perf_counter() - started
    with multiprocessing.get_context("fork").Pool(2) as pool:
        started = time.perf_counter()
        pool.map(_spin, [LOOP // 2, LOOP // 2])
        two = time.perf_counter() - started
    return one / two


def _start(listed: Path, workers: int) -> subprocess.Popen:
    command = [sys.executable, str(Path(bench.__file__).resolve()), "--child", "ruextract",
               "--files", str(listed), "--workers", str(workers), "--no-rerun"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **bench.SINGLE_THREADED})


def _seconds(process: subprocess.Popen) -> float:
    out, err = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(err[-3000:])
    return json.loads(out.strip().splitlines()[-1])["seconds"]


def rounds(files: list[Path], runs: int, scratch: Path) -> dict[str, list[float]]:
    whole, first, second = (scratch / name for name in ("whole.txt", "a.txt", "b.txt"))
    whole.write_text("\n".join(map(str, files)), encoding="utf-8")
    # alternate files into the halves: both get long and short articles alike
    first.write_text("\n".join(map(str, files[::2])), encoding="utf-8")
    second.write_text("\n".join(map(str, files[1::2])), encoding="utf-8")
    ratios: dict[str, list[float]] = {"one/pool": [], "one/pair": [], "loop": []}
    for _ in range(runs):
        one = _seconds(_start(whole, 1))
        pool = _seconds(_start(whole, 2))
        pair = max(_seconds(p) for p in [_start(first, 1), _start(second, 1)])
        ratios["one/pool"].append(one / pool)
        ratios["one/pair"].append(one / pair)
        ratios["loop"].append(loop_ratio())
        print(f"  one {one:.1f} s, pool {pool:.1f} s, pair {pair:.1f} s, "
              f"loop ×{ratios['loop'][-1]:.2f}", flush=True)
    return ratios


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large", action="store_true", help="the 845-article corpus too")
    args = parser.parse_args()
    batches = {"tuning": bench.tuning_files()}
    if args.large:
        batches["large"] = bench.corpus_files()
    if not batches["tuning"]:
        print("the tuning batch (../shared/datasets) is absent: nothing to measure")
        return 0
    print("load average at start:", os.getloadavg(), flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        for batch, files in batches.items():
            print(f"{batch}: {len(files)} articles", flush=True)
            ratios = rounds(files, args.runs, Path(scratch))
            print(f"{batch}: " + ", ".join(f"{name} ×{statistics.median(values):.2f}"
                                           for name, values in ratios.items()), flush=True)
    print("load average at end:", os.getloadavg())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

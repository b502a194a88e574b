"""1 vs 2 workers, two versions of the code side by side, interleaved, in fresh interpreters.

    .venv/bin/python benchmarks/compare_workers.py NAME=SRC_DIR [NAME=SRC_DIR ...] \
        [--runs 3] [--large | --large-only]

Each SRC_DIR is a ``src`` directory (e.g. ``git archive <commit> src | tar -x -C /tmp/x``);
it is put first on PYTHONPATH of the child, which runs ``bench.py --child ruextract``
(full run, no re-runs). Prints the median seconds and the median of the runs' 2/1 ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench


def child(src: str, listed: Path, workers: int) -> tuple[float, float]:
    command = [sys.executable, str(Path(bench.__file__).resolve()), "--child", "ruextract",
               "--files", str(listed), "--workers", str(workers), "--no-rerun"]
    # the models directory of this checkout: a bare src directory has none beside it
    models = os.environ.get("RUEXTRACT_MODELS", str(Path(bench.__file__).parents[1] / "models"))
    env = {**os.environ, **bench.SINGLE_THREADED, "PYTHONPATH": src, "RUEXTRACT_MODELS": models}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["seconds"], result["cpu_seconds"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("versions", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large", action="store_true", help="the 845-article corpus too")
    parser.add_argument("--large-only", action="store_true", help="the 845-article corpus alone")
    args = parser.parse_args()
    versions = dict(v.split("=", 1) for v in args.versions)
    batches = {} if args.large_only else {"tuning": bench.tuning_files()}
    if args.large or args.large_only:
        batches["large"] = bench.corpus_files()
    print("load average at start:", os.getloadavg(), flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        for batch, files in batches.items():
            listed = Path(scratch) / f"{batch}.txt"
            listed.write_text("\n".join(map(str, files)), encoding="utf-8")
            seconds: dict[tuple[str, int], list[float]] = {}
            cpu: dict[tuple[str, int], list[float]] = {}
            for _ in range(args.runs):
                for name, src in versions.items():
                    for workers in (1, 2):
                        wall, cpu_seconds = child(src, listed, workers)
                        print(f"  {batch} {name} {workers} worker(s): {wall:.2f} s, "
                              f"{cpu_seconds:.2f} CPU-s, load {os.getloadavg()[0]:.1f}",
                              flush=True)
                        seconds.setdefault((name, workers), []).append(wall)
                        cpu.setdefault((name, workers), []).append(cpu_seconds)
            for name in versions:
                one, two = seconds[(name, 1)], seconds[(name, 2)]
                ratios = [a / b for a, b in zip(one, two, strict=True)]
                print(f"{batch} ({len(files)} articles) {name}: 1 worker "
                      f"{statistics.median(one):.2f} s, 2 workers {statistics.median(two):.2f} s, "
                      f"2/1 {statistics.median(ratios):.2f}× (runs: "
                      f"{', '.join(f'{r:.2f}' for r in ratios)}); CPU-seconds 1 worker "
                      f"{statistics.median(cpu[(name, 1)]):.2f}, 2 workers "
                      f"{statistics.median(cpu[(name, 2)]):.2f}", flush=True)
    print("load average at end:", os.getloadavg())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""CPU-seconds of the main process's serial phases in a ``ruextract run --workers N``.

    .venv/bin/python benchmarks/serial_phases.py [--runs 5] [--workers 2] [--profile PHASE]
    .venv/bin/python benchmarks/serial_phases.py --runs 5 before=/tmp/before/src now=src

Each run is a fresh interpreter (``--child``) that runs ``pipeline.run`` on the tuning batch
(factRuEval-2016 devset + NEREL v1.1 dev, as ``bench.py`` assembles it) into a new directory
and reads ``time.process_time()`` (this process only: not the reader, not the workers) at
the phases' edges:

- ``import``: ``from ruextract import pipeline``;
- ``before_fork``: from ``run`` being called to the first worker started (rules, the reader
  started, models and matchers loaded, ...): what the workers wait for;
- ``while_workers``: from the first worker started to ``finish_run`` (the main process only
  dispatches: this is CPU taken from the workers' cores);
- ``finish_run``: the end of the run, after the workers (memo, keys, manifest).

CPU time, not wall time: on a shared machine it is what stays steady. Medians of ``--runs``
fresh runs. ``--profile before_fork`` (or ``finish_run``) prints a cProfile of that phase
(CPU timer) from one more run. ``NAME=SRC`` arguments (each SRC a ``git archive <commit> src``
copy, or ``src``) compare versions of the code, their runs interleaved."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PHASES = ("import", "before_fork", "while_workers", "finish_run", "total")


def child(workers: int, profile: str | None) -> dict:
    import cProfile
    import multiprocessing.process
    import pstats
    import shutil

    from bench import tuning_files

    marks: dict[str, float] = {}
    profiler = cProfile.Profile(time.process_time) if profile else None
    started = time.process_time()
    from ruextract import pipeline

    marks["imported"] = time.process_time()
    start_process = multiprocessing.process.BaseProcess.start

    def start(self) -> None:
        if self.name.startswith("ruextract-worker") and "forked" not in marks:
            marks["forked"] = time.process_time()
            if profiler and profile == "before_fork":
                profiler.disable()
        start_process(self)

    multiprocessing.process.BaseProcess.start = start
    finish = pipeline.finish_run

    def finish_run(*args, **kwargs):
        marks["finish"] = time.process_time()
        if profiler and profile == "finish_run":
            profiler.enable()
        try:
            return finish(*args, **kwargs)
        finally:
            if profiler and profile == "finish_run":
                profiler.disable()
            marks["finished"] = time.process_time()

    pipeline.finish_run = finish_run
    out = Path(tempfile.mkdtemp(prefix="ruextract-phases-"))
    try:
        marks["run"] = time.process_time()
        if profiler and profile == "before_fork":
            profiler.enable()
        summary = pipeline.run([str(f) for f in tuning_files()], out, workers=workers,
                               force=True)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    if profiler:
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(25)
    return {"import": marks["imported"] - started,
            "before_fork": marks.get("forked", marks["finish"]) - marks["run"],
            "while_workers": marks["finish"] - marks.get("forked", marks["finish"]),
            "finish_run": marks["finished"] - marks["finish"],
            "total": marks["finished"] - started, "documents": summary.processed,
            "source": str(Path(pipeline.__file__).parent)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("versions", nargs="*", metavar="NAME=SRC",
                        help="versions of the code to compare (default: this checkout)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profile", choices=("before_fork", "finish_run"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.workers, args.profile)))
        return 0
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1", "RUEXTRACT_MODELS": str(HERE.parent / "models")}
    versions = dict(v.split("=", 1) for v in args.versions) or {"this": ""}
    command = [sys.executable, __file__, "--child", "--workers", str(args.workers)]
    if args.profile:
        done = subprocess.run([*command, "--profile", args.profile], env=env, check=True,
                              capture_output=True, text=True)
        print(done.stderr)
        return 0
    results: dict[str, list[dict]] = {name: [] for name in versions}
    for number in range(args.runs):
        for name, src in versions.items():
            version_env = {**env, "PYTHONPATH": str(Path(src).resolve())} if src else env
            done = subprocess.run(command, env=version_env, check=True, capture_output=True,
                                  text=True)
            results[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"run {number + 1} {name}: "
                  + "  ".join(f"{p} {results[name][-1][p]:.3f}" for p in PHASES),
                  f"(load {os.getloadavg()[0]:.1f}; {results[name][-1]['source']})", flush=True)
    for name, found in results.items():
        print(f"median CPU-s, {name}: " + "  ".join(
            f"{p} {statistics.median(r[p] for r in found):.3f}" for p in PHASES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`make bench` (after bench.py): does one long article cost in proportion to its length?

A user trial found one article of a few hundred kilobytes stalling a whole run: lookups that
scanned every delegation reference or every mention again for each word made the relation
stage quadratic in the article's length. This times one invented article (our own sentences
repeated) at two lengths, ~100 KB and four times that, each in a fresh interpreter after the
models are loaded, the two interleaved over ``--runs`` rounds; the figure is the median of each
round's ratio. Linear work gives 4; the target is at most 5 (``TARGET_RATIO``).

    .venv/bin/python benchmarks/long_document.py [--runs 3] [--kilobytes 100]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench-results" / "long_document.json"
TARGET_RATIO = 5.0
PARAGRAPH = ("Делегация провинции Кедрань посетила технопарк «Ольха» в Твери. Гостей принял "
             "директор парка Пётр Сомов. Затем гости осмотрели завод компании «Сосна» и "
             "подписали соглашение с агентством развития Тверской области. ")
CHILD = """
import sys, time
from ruextract import api
api.process(["Делегация из Кедрани посетила технопарк «Ольха»."])  # models loaded
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
api.process([text])
print(time.perf_counter() - start)
"""


def timed(path: Path) -> float:
    result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                            text=True, check=True, cwd=ROOT)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kilobytes", type=int, default=100)
    args = parser.parse_args()
    RESULTS.parent.mkdir(exist_ok=True)
    repeats = max(1, args.kilobytes * 1024 // len(PARAGRAPH.encode()))
    paths = {}
    for factor in (1, 4):
        path = RESULTS.parent / f"long_document_{factor}x.txt"
        path.write_text(PARAGRAPH * repeats * factor, encoding="utf-8")
        paths[factor] = path
    rounds = []
    for _ in range(args.runs):
        one, four = timed(paths[1]), timed(paths[4])
        rounds.append({"seconds_1x": round(one, 2), "seconds_4x": round(four, 2),
                       "ratio": round(four / one, 2)})
        print(f"  {one:6.1f} s  {four:6.1f} s  ×{four / one:.2f}", flush=True)
    ratio = statistics.median(r["ratio"] for r in rounds)
    report = {"kilobytes_1x": round(len(PARAGRAPH.encode()) * repeats / 1024),
              "rounds": rounds, "median_ratio": ratio, "target": TARGET_RATIO,
              "met": ratio <= TARGET_RATIO}
    RESULTS.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"one article ×4 as long: ×{ratio:.2f} the time (median of {args.runs}; linear is 4, "
          f"target ≤ {TARGET_RATIO:g}) — {'met' if report['met'] else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Score a run against a trial's facts, written by its tester before the run.

Run: ``python scripts/trials/score.py TRIAL OUT [--curve] [--errors]``. ``TRIAL`` holds
``facts.tsv`` (``doc kind type arg1 arg2``; ``kind`` is ``req`` for a fact the article
states, ``trap`` for one it must not give) and, after the run, ``accepted.tsv`` (``doc type
arg1 arg2``: facts the run gave that the tester, reading them, found right though unlisted).
``OUT`` is a ``ruextract run`` output; a document is named by its file's stem (``01``). A
predicted fact is right when it matches a required (or accepted) fact of its document by
type and both arguments (``match.py``); an agreement matches either way round. Prints JSON:
precision before the run's facts were read (``p``), counting accepted ones
(``p_accepted``), recall, traps held, per relation type.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from match import same_argument

SYMMETRIC = {"AGREEMENT_WITH"}
CURVE = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


@dataclass(frozen=True)
class Fact:
    doc: str
    type: str
    arg1: str
    arg2: str

    def matches(self, other: Fact) -> bool:
        if self.doc != other.doc or self.type != other.type:
            return False
        if same_argument(self.arg1, other.arg1) and same_argument(self.arg2, other.arg2):
            return True
        return self.type in SYMMETRIC and (
            same_argument(self.arg1, other.arg2) and same_argument(self.arg2, other.arg1))


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def expected_facts(trial: Path) -> tuple[list[Fact], list[Fact], list[Fact]]:
    """Required facts, traps and accepted facts of a trial."""
    required, traps = [], []
    for row in _rows(trial / "facts.tsv"):
        fact = Fact(Path(row["doc"]).stem, row["type"].upper(), row["arg1"], row["arg2"])
        (traps if row["kind"].lower().startswith("trap") else required).append(fact)
    accepted = [Fact(Path(row["doc"]).stem, row["type"].upper(), row["arg1"], row["arg2"])
                for row in _rows(trial / "accepted.tsv")]
    return required, traps, accepted


def predicted_facts(out: Path) -> list[tuple[Fact, float]]:
    """Each distinct fact of a run with its highest confidence."""
    relations = pd.read_parquet(out / "relations")
    documents = pd.read_parquet(out / "documents", columns=["doc_id", "source"])
    names = {row.doc_id: Path(str(row.source)).stem for row in documents.itertuples()}
    best: dict[Fact, float] = {}
    for row in relations.itertuples():
        fact = Fact(names.get(row.doc_id, row.doc_id), row.type, str(row.arg1_normal),
                    str(row.arg2_normal))
        best[fact] = max(best.get(fact, 0.0), float(row.confidence))
    return sorted(best.items(), key=lambda item: (item[0].doc, item[0].type, item[0].arg1))


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def score(required: list[Fact], traps: list[Fact], accepted: list[Fact],
          predicted: list[Fact]) -> dict:
    """Counts and ratios overall and by relation type."""
    def counts(kind: str | None) -> dict:
        wanted = [fact for fact in required if kind in (None, fact.type)]
        given = [fact for fact in predicted if kind in (None, fact.type)]
        trap_list = [fact for fact in traps if kind in (None, fact.type)]
        sprung = [fact for fact in given if any(trap.matches(fact) for trap in trap_list)]
        right = [fact for fact in given if fact not in sprung
                 and any(want.matches(fact) for want in wanted)]
        also_right = [fact for fact in given if fact not in sprung and fact not in right
                      and any(ok.matches(fact) for ok in accepted)]
        found = [want for want in wanted if any(want.matches(fact) for fact in given)]
        held = [trap for trap in trap_list if not any(trap.matches(fact) for fact in given)]
        return {"required": len(wanted), "predicted": len(given), "right": len(right),
                "accepted": len(also_right), "found": len(found),
                "p": _ratio(len(right), len(given)),
                "p_accepted": _ratio(len(right) + len(also_right), len(given)),
                "r": _ratio(len(found), len(wanted)),
                "traps": len(trap_list), "traps_held": len(held)}

    types = sorted({fact.type for fact in required} | {fact.type for fact in predicted})
    result = counts(None)
    result["by_type"] = {kind: counts(kind) for kind in types}
    return result


def errors(required: list[Fact], traps: list[Fact], accepted: list[Fact],
           predicted: list[Fact]) -> list[str]:
    """Lines for the facts missed, the wrong ones and the traps sprung, by document."""
    lines = []
    for want in required:
        if not any(want.matches(fact) for fact in predicted):
            lines.append(f"MISSED\t{want.doc}\t{want.type}\t{want.arg1}\t{want.arg2}")
    for fact in predicted:
        if any(trap.matches(fact) for trap in traps):
            lines.append(f"TRAP\t{fact.doc}\t{fact.type}\t{fact.arg1}\t{fact.arg2}")
        elif not any(ok.matches(fact) for ok in required + accepted):
            lines.append(f"WRONG\t{fact.doc}\t{fact.type}\t{fact.arg1}\t{fact.arg2}")
    return sorted(lines, key=lambda line: line.split("\t")[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trial", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--curve", action="store_true", help="also score at each of CURVE")
    parser.add_argument("--errors", action="store_true", help="list missed and wrong facts")
    args = parser.parse_args()
    required, traps, accepted = expected_facts(args.trial)
    run = predicted_facts(args.out)

    def at(threshold: float) -> list[Fact]:
        return [fact for fact, confidence in run if confidence >= threshold]

    if args.errors:
        print("\n".join(errors(required, traps, accepted, at(args.min_confidence))))
        return
    result = score(required, traps, accepted, at(args.min_confidence))
    if args.curve:
        result["curve"] = {str(threshold): {key: value for key, value in
                                            score(required, traps, accepted, at(threshold)).items()
                                            if key != "by_type"}
                           for threshold in CURVE}
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

"""Build the fact scorer ``models/scorer/facts.json`` (see ``ruextract.relations.scorer``).

Two steps, because the articles it learns from are third-party text kept outside the repository:

    build_scorer.py collect [--half a|b] [--out FILE]
        run the pipeline (rules' own confidences) over the real development set's cached texts
        and write every document-level fact's features and whether gold confirms it to
        ``models/scorer/facts.jsonl`` (numbers and labels, no text). Needs the cache of
        ``tests/gold/real/README.md``; never reads the held-out split.
    build_scorer.py train [--facts FILE] [--half a|b] [--out FILE]
        fit the logistic regression on those facts (all of them, or one half's) and write the
        model. ``make models`` runs this step: same facts, same bytes.
    build_scorer.py crossfit [--facts FILE] [--l2 X] [--honest] [--without FEATURE…]
        fit on one half's facts, rank the other half's, both ways: AUC, and the best F1 at
        precision ≥ .85 over all thresholds for all relations and VISITED (recall counts the
        gold of the cached articles, so this needs the cache too). How features and the prior
        were chosen. ``--honest``: the rules' confidences as if calibrated on the fitting half
        alone (the other half's are in-sample otherwise; unseen articles' never are).

A fact's row is the document-level tuple as ``ruextract evaluate`` scores it (type and the two
arguments' normal forms), with the features of its most confident statement.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import sys
import tempfile
import uuid
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

FACTS = ROOT / "models" / "scorer" / "facts.jsonl"
MODEL = ROOT / "models" / "scorer" / "facts.json"
# the weights' Gaussian prior: a few hundred facts must not fit noise (3 ranked the other
# dev half's facts better than 10 or 30 both ways, `crossfit`)
L2 = 3.0
ITERATIONS = 25  # Newton steps; the fit converges in well under that
DIGITS = 4  # weights and features are written rounded: a rebuild gives the same bytes


# ----------------------------------------------------------------------------- collect


def collect(half: str | None) -> list[dict]:
    import realset

    from ruextract import evaluate as scoring
    from ruextract import store
    from ruextract.gold import read_gold
    from ruextract.run_record import RunSummary
    from ruextract.stages import BATCH_DOCS, Pipeline, StageError, prepared_batches

    with tempfile.TemporaryDirectory() as scratch:
        export = Path(scratch)
        argv = ["export", "--split", "dev", "--out", str(export)]
        if realset.main(argv + (["--half", half] if half else [])) != 0:
            raise SystemExit("export failed")
        gold_docs = read_gold(export / "gold.jsonl")
        halves = {Path(obj["doc"]).name: realset.half_of(obj["url"])
                  for _, obj in realset.gold_lines()}
        pipeline = Pipeline(scorer=False)  # learn from the rules' own confidences
        pipeline.relation_extractor.record_features = True
        summary = RunSummary(uuid.uuid4().hex[:12], "")
        rows: dict[str, list[dict]] = {"documents": [], "mentions": [], "entities": [],
                                       "relations": []}

        def record_error(source: str, stage: str, error: str, message: str) -> None:
            print(f"{source}: {stage}: {error}: {message}", file=sys.stderr)

        for batch in prepared_batches([export / "texts"], 10**7, pipeline.normaliser, summary,
                                      set(), set(), record_error, BATCH_DOCS):
            for result in pipeline.process(batch):
                if isinstance(result, StageError):
                    record_error(result.source, result.stage, result.error, result.message)
                    continue
                for table, table_rows in store.doc_rows(result, summary.run_id).items():
                    if table in rows:
                        rows[table].extend(table_rows)
        features = {(doc_id, r.type, r.arg1, r.arg2): values
                    for doc_id, facts in pipeline.relation_extractor.features.items()
                    for r, values in facts}
    predictions = scoring.predictions_from_rows(**rows)
    by_doc: dict[str, list[dict]] = {}
    for row in rows["relations"]:
        by_doc.setdefault(row["doc_id"], []).append(row)
    doc_ids = {scoring.document_name(row["source"]): row["doc_id"] for row in rows["documents"]}
    facts = []
    for gold in gold_docs:
        doc_id = doc_ids.get(gold.doc)
        if doc_id is None:
            continue
        pred = predictions[gold.doc]
        spans = scoring.gold_entity_spans(gold)
        relations = [g for g in gold.relations if g.type in gold.scored_relations]
        tuples: dict[tuple[str, str, str], dict] = {}
        # rows and pred.relations are in the same order (one PredRelation per row)
        for row, p in zip(by_doc.get(doc_id, []), pred.relations, strict=True):
            values = features[(doc_id, row["type"], row["arg1_id"], row["arg2_id"])]
            known = tuples.get((p.type, p.arg1, p.arg2))
            if known is not None and known["features"]["rule_logit"] >= values["rule_logit"]:
                continue
            right = any(scoring.relation_matches(p, g.type, g.arg1, g.arg2, spans)
                        for g in relations)
            tuples[(p.type, p.arg1, p.arg2)] = {
                "doc": gold.doc, "half": halves.get(gold.doc, ""), "type": p.type,
                "rule": p.rule, "right": int(right),
                "features": {name: round(value, DIGITS) for name, value in sorted(values.items())
                             if value},
            }
        facts.extend(tuples[key] for key in sorted(tuples))
    return facts


# ----------------------------------------------------------------------------- train


def fit(facts: list[dict], l2: float = L2) -> tuple[dict[str, float], dict[str, float]]:
    """L2-regularised logistic regression by Newton's method (deterministic); the weights by
    feature name, and the fit's figures on its own facts."""
    names = sorted({name for fact in facts for name in fact["features"]})
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(facts), len(names)))
    for i, fact in enumerate(facts):
        for name, value in fact["features"].items():
            x[i, column[name]] = value
    y = np.array([fact["right"] for fact in facts], dtype=float)
    penalty = np.full(len(names), l2)
    penalty[column["bias"]] = 0.0
    w = np.zeros(len(names))
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    weights = {name: round(float(w[column[name]]), DIGITS) for name in names}
    return weights, figures(facts, weights)


def figures(facts: list[dict], weights: dict[str, float]) -> dict[str, float]:
    """Log-loss and accuracy at 0.5 of ``weights`` on ``facts``, beside the rules' own."""
    if not facts:
        return {}
    from ruextract.relations.scorer import FactScorer

    scorer = FactScorer(weights, "")
    model = [scorer.probability(f["features"]) for f in facts]
    rules = [1.0 / (1.0 + math.exp(-f["features"].get("rule_logit", 0.0))) for f in facts]

    def log_loss(ps: list[float]) -> float:
        return -sum(math.log(p if f["right"] else 1 - p)
                    for p, f in zip(ps, facts, strict=True)) / len(facts)

    def accuracy(ps: list[float]) -> float:
        return sum((p >= 0.5) == bool(f["right"]) for p, f in zip(ps, facts, strict=True)) \
            / len(facts)

    return {"facts": len(facts), "right": sum(f["right"] for f in facts),
            "log_loss": round(log_loss(model), 4), "rules_log_loss": round(log_loss(rules), 4),
            "accuracy": round(accuracy(model), 4), "rules_accuracy": round(accuracy(rules), 4)}


# ----------------------------------------------------------------------------- crossfit

TARGET_PRECISION = 0.85  # issue 12: F1 at this precision


def gold_totals() -> dict[str, Counter]:
    """Gold relations (scored types) by half and type, over the dev articles in the cache."""
    import realset

    from ruextract.gold import read_gold

    half_of_doc = {obj["doc"]: realset.half_of(obj["url"]) for _, obj in realset.gold_lines()}
    totals: dict[str, Counter] = {"a": Counter(), "b": Counter()}
    with tempfile.TemporaryDirectory() as scratch:  # the split exported once, not per half
        if realset.main(["export", "--split", "dev", "--out", scratch]) != 0:
            raise SystemExit("export failed")
        for gold in read_gold(Path(scratch) / "gold.jsonl"):
            totals[half_of_doc[gold.doc]].update(
                g.type for g in gold.relations if g.type in gold.scored_relations)
    return totals


def auc(scores: list[float], labels: list[int]) -> float:
    """How often a right fact outranks a wrong one (ties count half)."""
    right = sorted(s for s, y in zip(scores, labels, strict=True) if y)
    wrong = sorted(s for s, y in zip(scores, labels, strict=True) if not y)
    if not right or not wrong:
        return float("nan")
    wins = 0.0
    for s in right:
        below = bisect.bisect_left(wrong, s)
        wins += below + (bisect.bisect_right(wrong, s) - below) / 2
    return wins / (len(right) * len(wrong))


def best_f1(scores: list[float], labels: list[int], gold: int) -> float:
    """The best F1 at precision ≥ TARGET_PRECISION over the thresholds a run writes
    (confidences to 2 digits); a fact right is a gold tuple found (near enough: two facts
    may find one tuple)."""
    best = 0.0
    pairs = sorted(zip((round(s, 2) for s in scores), labels, strict=True), reverse=True)
    kept = right = 0
    for i, (score, label) in enumerate(pairs):
        kept += 1
        right += label
        if i + 1 < len(pairs) and pairs[i + 1][0] == score:
            continue  # one threshold keeps every fact at its score
        precision, recall = right / kept, right / gold if gold else 0.0
        if precision >= TARGET_PRECISION and right:
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


def recalibrated(facts: list[dict], fitting: list[dict], calibrated_on: list[dict]
                 ) -> list[dict]:
    """``facts`` with each rule's confidence as if calibrated on ``fitting`` alone (the
    shrunk precision ``ruextract rules calibrate`` starts from, not rounded down): the rules'
    confidences were calibrated on ``calibrated_on`` (the whole dev split), so on the other
    half they know its labels, and unseen articles' do not. Each fact's rule logit moves by
    the fitting half's estimate less the whole split's, so the half left out is out of
    sample. A fact about an unidentified group is left out of the estimates, as calibrating
    leaves it out of its rule's measure."""
    from ruextract.calibrate import PRIOR, shrunk
    from ruextract.relations.scorer import logit

    def estimates(sample: list[dict]) -> dict[str, float]:
        fired, correct = Counter(), Counter()
        for f in sample:
            if not (f["features"].get("arg1_unidentified")
                    or f["features"].get("arg2_unidentified")):
                fired[f["rule"]] += 1
                correct[f["rule"]] += f["right"]
        return {rule: shrunk(correct[rule], n) for rule, n in fired.items()}

    everywhere, there = estimates(calibrated_on), estimates(fitting)

    def shift(rule: str) -> float:
        if rule not in everywhere:
            return 0.0  # the rule's confidence came from no fact here
        return logit(there.get(rule, PRIOR)) - logit(everywhere[rule])

    return [{**f, "features": {**f["features"], "rule_logit": f["features"].get("rule_logit", 0.0)
                               + shift(f["rule"])}} for f in facts]


def crossfit(facts: list[dict], without: set[str], l2: float = L2, honest: bool = False
             ) -> dict[str, dict[str, float]]:
    from ruextract.relations.scorer import FactScorer

    totals = gold_totals()
    facts = [{**f, "features": {k: v for k, v in f["features"].items()
                                if k.split("|")[0] not in without}} for f in facts]
    figures_by_half = {}
    both = [f for f in facts if f["half"]]  # the whole dev split the halves make
    for half in "ab":
        fitting = [f for f in facts if f["half"] and f["half"] != half]
        held = [f for f in facts if f["half"] == half]
        if honest:
            fitting, held = (recalibrated(fitting, fitting, both),
                             recalibrated(held, fitting, both))
        weights, _ = fit(fitting, l2)
        scorer = FactScorer(weights, "")
        scores = [scorer.probability(f["features"]) for f in held]
        visited = [(s, f["right"]) for s, f in zip(scores, held, strict=True)
                   if f["type"] == "VISITED"]
        visited_scores, visited_labels = [s for s, _ in visited], [y for _, y in visited]
        labels = [f["right"] for f in held]
        figures_by_half[half] = {
            "auc": round(auc(scores, labels), 3),
            "VISITED auc": round(auc(visited_scores, visited_labels), 3),
            "micro F1 at P>=.85": round(best_f1(scores, labels, sum(totals[half].values())), 3),
            "VISITED F1 at P>=.85": round(best_f1(visited_scores, visited_labels,
                                                  totals[half]["VISITED"]), 3),
        }
    return figures_by_half


def read_facts(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    collecting = commands.add_parser("collect", help="facts and labels from the dev set")
    collecting.add_argument("--half", choices=["a", "b"])
    collecting.add_argument("--out", type=Path, default=FACTS)
    training = commands.add_parser("train", help="fit the model on collected facts")
    training.add_argument("--facts", type=Path, default=FACTS)
    training.add_argument("--half", choices=["a", "b"], help="fit on this half only")
    training.add_argument("--out", type=Path, default=MODEL)
    crossfitting = commands.add_parser("crossfit", help="fit on one half, rank the other")
    crossfitting.add_argument("--facts", type=Path, default=FACTS)
    crossfitting.add_argument("--l2", type=float, default=L2)
    crossfitting.add_argument("--honest", action="store_true",
                              help="rules' confidences recalibrated on the fitting half")
    crossfitting.add_argument("--without", nargs="*", default=[],
                              help="features left out (a name before its «|» drops them all)")
    args = parser.parse_args(argv)
    if args.command == "crossfit":
        figures_by_half = crossfit(read_facts(args.facts), set(args.without), args.l2,
                                   args.honest)
        print(json.dumps({f"fitted on {'ba'[i]}, ranking {half}": values
                          for i, (half, values) in enumerate(figures_by_half.items())},
                         ensure_ascii=False, indent=1))
        return 0
    if args.command == "collect":
        facts = collect(args.half)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(json.dumps(f, ensure_ascii=False, sort_keys=True) + "\n"
                                    for f in facts), encoding="utf-8")
        print(f"{len(facts)} facts ({sum(f['right'] for f in facts)} right) → {args.out}")
        return 0
    facts = read_facts(args.facts)
    train = [f for f in facts if not args.half or f["half"] == args.half]
    weights, fit_figures = fit(train)
    other = [f for f in facts if args.half and f["half"] != args.half]
    model = {"model": "logistic regression over ruextract.relations.scorer features",
             "l2": L2, "trained_on": fit_figures, "held_apart": figures(other, weights),
             "weights": weights}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    print(json.dumps({k: v for k, v in model.items() if k != "weights"}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

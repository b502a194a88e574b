"""Calibrated confidences: each relation rule's precision, measured on gold.

A relation's confidence is its rule's: the share of what the rule finds that gold confirms,
so that ``run --min-confidence X`` keeps rules whose facts were right at least that often.
Few firings say little, so the measured precision is shrunk towards ``PRIOR`` (what an
untested rule is worth; a Beta prior worth ``PRIOR_WEIGHT`` firings); a rule that never fired
keeps its confidence. A fact about a group whose origin was not found (``delegation:``)
carries a fraction of its rule's confidence (``UNIDENTIFIED_GROUP``), so it is left out of
the rule's measure: the rule's confidence is what its other facts are worth. The result
depends on the gold only, so calibrating twice changes nothing.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import evaluate as scoring
from .doc import DELEGATION_ARGUMENT
from .gold import GoldDoc
from .rules import RuleSet
from .store import read_manifest

UNIDENTIFIED = DELEGATION_ARGUMENT  # a group whose origin was not found, as a relation names it
PRIOR = 0.7
PRIOR_WEIGHT = 4.0
STEP = 0.05  # confidences are written rounded down to this


def run_threshold(out: Path) -> float:
    """The ``--min-confidence`` a run's last pass kept relations at (0 where unknown): a rule
    whose facts fell below it left nothing in the run to measure."""
    runs = read_manifest(out).get("runs") or []
    return float(runs[-1].get("min_confidence") or 0.0) if runs else 0.0


@dataclass(slots=True)
class RuleFigures:
    rule: str
    fired: int  # document-level tuples the rule produced
    correct: int  # of which gold confirms
    current: float  # the confidence in the rules today (kept where the rule never fired)

    @property
    def precision(self) -> float:
        return self.correct / self.fired if self.fired else 0.0

    @property
    def calibrated(self) -> float:
        if not self.fired:
            return self.current
        estimate = shrunk(self.correct, self.fired)
        # rounded down: a rule at X keeps facts right at least X often (.48 is no .5)
        return round(math.floor(estimate / STEP + 1e-9) * STEP, 2)


def shrunk(correct: int, fired: int) -> float:
    """A rule's precision drawn towards PRIOR as much as PRIOR_WEIGHT facts would."""
    return (correct + PRIOR_WEIGHT * PRIOR) / (fired + PRIOR_WEIGHT)


def rule_figures(gold_docs: list[GoldDoc], predictions: dict[str, scoring.PredDoc],
                 rules: RuleSet) -> list[RuleFigures]:
    """Per relation rule: how many document-level tuples it produced and how many are right."""
    fired: dict[str, set] = defaultdict(set)
    correct: dict[str, set] = defaultdict(set)
    for gold in gold_docs:
        pred = predictions.get(gold.doc) or predictions.get(Path(gold.doc).stem)
        if pred is None:
            continue
        spans = scoring.gold_entity_spans(gold)
        relations = [r for r in gold.relations if r.type in gold.scored_relations]
        for p in pred.relations:
            if UNIDENTIFIED in (p.arg1, p.arg2):
                continue  # its confidence is not the rule's (see the module's note)
            key = (gold.doc, p.type, p.arg1, p.arg2)
            fired[p.rule].add(key)
            if any(scoring.relation_matches(p, g.type, g.arg1, g.arg2, spans)
                   for g in relations):
                correct[p.rule].add(key)
    return [RuleFigures(rule.id, len(fired[rule.id]), len(correct[rule.id]), rule.confidence)
            for rule in rules.relations]


_RULE_ID = re.compile(r"^- id:\s*(\S+)\s*$")
_CONFIDENCE = re.compile(r"^(\s+confidence:\s*)([0-9.]+)(.*)$")


def write_confidences(relations_yaml: Path, confidences: dict[str, float]) -> int:
    """Rewrite the ``confidence:`` line of each rule named in ``confidences``, leaving every
    other line (comments, order, layout) as it is; returns how many lines changed."""
    lines = relations_yaml.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    rule, changed = None, 0
    for i, line in enumerate(lines):
        if match := _RULE_ID.match(line):
            rule = match.group(1)
        elif rule in confidences and (match := _CONFIDENCE.match(line)):
            new = f"{match.group(1)}{confidences[rule]:g}{match.group(3)}\n"
            if new != line:
                lines[i], changed = new, changed + 1
    relations_yaml.write_text("".join(lines), encoding="utf-8")
    return changed

"""Calibrated confidences: measured precision, shrunk towards the current value, written back
into relations.yaml without disturbing anything else."""

from __future__ import annotations

import shutil
from pathlib import Path

from ruextract.calibrate import RuleFigures, rule_figures, write_confidences
from ruextract.evaluate import PredDoc, PredRelation
from ruextract.gold import GoldDoc, GoldRelation, fold
from ruextract.rules import default_rules_dir, load_rules


def test_many_firings_speak_for_themselves_few_stay_near_the_prior() -> None:
    assert RuleFigures("r", fired=200, correct=180, current=0.5).calibrated == 0.85
    assert RuleFigures("r", fired=1, correct=0, current=0.8).calibrated == 0.55
    assert RuleFigures("r", fired=5, correct=5, current=0.6).calibrated == 0.85
    assert RuleFigures("r", fired=0, correct=0, current=0.65).calibrated == 0.65


def test_a_confidence_is_rounded_down_so_that_it_promises_no_more_than_measured() -> None:
    # 12 of 27 right: the estimate .48 (with the prior) keeps the rule below a 0.5 threshold
    assert RuleFigures("r", fired=27, correct=12, current=0.5).calibrated == 0.45


def test_facts_about_a_group_of_no_origin_are_not_the_rules_measure() -> None:
    """They carry a fraction of the rule's confidence: the rule's is what the rest is worth."""
    rules = load_rules(default_rules_dir())
    rule = next(r for r in rules.relations if r.relation == "VISITED").id

    def visit(group: str, site: str) -> PredRelation:
        return PredRelation("VISITED", group, site, frozenset({fold(group)}),
                            frozenset({fold(site)}), rule, "")

    gold = GoldDoc("a.txt", "", [], [GoldRelation("VISITED", ("delegation:Лаос",), ("Омск",))],
                   set(), {"VISITED"})
    pred = PredDoc("a.txt", [], [visit("delegation:Лаос", "Омск"),
                                 visit("delegation:", "Тара"), visit("delegation:", "Томск")])
    figures = next(f for f in rule_figures([gold], {"a.txt": pred}, rules) if f.rule == rule)
    assert (figures.fired, figures.correct) == (1, 1)


def test_calibrating_twice_changes_nothing() -> None:
    once = RuleFigures("r", fired=9, correct=7, current=0.9).calibrated
    assert RuleFigures("r", fired=9, correct=7, current=once).calibrated == once


def test_write_changes_only_confidence_lines(tmp_path: Path) -> None:
    rules_dir = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules_dir)
    path = rules_dir / "relations.yaml"
    before = path.read_text(encoding="utf-8").splitlines()
    rule = load_rules(rules_dir).relations[0]
    assert write_confidences(path, {rule.id: 0.55}) == 1
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1].strip() == "confidence: 0.55"
    assert load_rules(rules_dir).relations[0].confidence == 0.55


def test_write_refuses_the_packaged_rules(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ruextract.cli import app

    (tmp_path / "gold.jsonl").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "calibrate", str(tmp_path), "--gold",
                                      str(tmp_path / "gold.jsonl"), "--write"])
    assert result.exit_code == 2


def test_a_run_kept_at_a_threshold_says_so(tmp_path: Path) -> None:
    """A run that dropped facts below X cannot show a rule below X rising: calibrate warns."""
    import json

    from ruextract.calibrate import run_threshold

    assert run_threshold(tmp_path) == 0.0  # no manifest: nothing known
    (tmp_path / "manifest.json").write_text(json.dumps(
        {"runs": [{"min_confidence": 0.0}, {"min_confidence": 0.5}]}), encoding="utf-8")
    assert run_threshold(tmp_path) == 0.5

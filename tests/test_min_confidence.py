"""`--min-confidence`: relations below the threshold are not kept, in every way of running."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ruextract import api, pipeline, store
from ruextract.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "sample_01.txt"

pytestmark = pytest.mark.slow


def _confidences(out: Path) -> list[float]:
    return store.read_table(out, "relations", columns=["confidence"]).column(0).to_pylist()


@pytest.fixture(scope="module")
def full_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("all_relations")
    pipeline.run([SAMPLE], out, workers=1)
    return out


def test_threshold_between_confidences_drops_only_those_below(full_run, tmp_path) -> None:
    confidences = _confidences(full_run)
    threshold = sorted(set(confidences))[len(set(confidences)) // 2]
    out = tmp_path / "kept"
    result = CliRunner().invoke(app, ["run", str(SAMPLE), "--out", str(out), "--workers", "1",
                                      "--min-confidence", str(threshold)])
    assert result.exit_code == 0, result.output
    assert sorted(_confidences(out)) == sorted(c for c in confidences if c >= threshold)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["runs"][-1]["min_confidence"] == threshold


def test_rerun_with_a_threshold_then_without_restores_every_relation(full_run, tmp_path) -> None:
    import shutil

    out = tmp_path / "rerun"
    shutil.copytree(full_run, out)
    high = max(_confidences(full_run))
    runner = CliRunner()
    for threshold, expected in ((high, [high] * _confidences(full_run).count(high)),
                                (0.0, sorted(_confidences(full_run)))):
        result = runner.invoke(app, ["run", "--from-stage", "entities", "--out", str(out),
                                     "--workers", "1", "--min-confidence", str(threshold)])
        assert result.exit_code == 0, result.output
        assert sorted(_confidences(out)) == sorted(expected)


def test_api_threshold() -> None:
    text = "Делегация из Японии посетила технопарк «Идея» в Казани. Её возглавила Фудзита Марико."
    every = api.process(text)["relations"]
    kept = api.process(text, min_confidence=1.0)["relations"]
    assert len(every) > 0 and len(kept) == (every["confidence"] >= 1.0).sum()


def test_by_default_a_run_keeps_what_is_more_often_right_than_wrong(full_run, tmp_path) -> None:
    from ruextract.rules import DEFAULT_MIN_CONFIDENCE

    out = tmp_path / "default"
    result = CliRunner().invoke(app, ["run", str(SAMPLE), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert DEFAULT_MIN_CONFIDENCE == 0.5
    assert sorted(_confidences(out)) == sorted(c for c in _confidences(full_run) if c >= 0.5)

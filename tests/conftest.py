"""Shared fixtures: one Pipeline per test session (models load once), paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def pipeline():
    from ruextract.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip("../shared/seeds is not here")
    return files


def analyse_text(pipeline, text: str):
    """One article through every stage, in memory."""
    from ruextract.doc import RawDoc

    doc = pipeline.normaliser.prepare(RawDoc("test.txt", text, "utf-8", "txt"))
    (result,) = pipeline.process([doc])
    return result

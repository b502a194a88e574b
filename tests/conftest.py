"""Shared fixtures: one Pipeline per test session (models load once), paths to ../shared."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# the digests of entity pattern sets spaCy found valid (rules.checked_patterns_dir): the
# tests keep theirs to themselves, not in the user's cache
os.environ.setdefault("RUEXTRACT_CACHE_DIR", tempfile.mkdtemp(prefix="ruextract-test-cache-"))

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
def rules_pipeline():
    """A pipeline without the fact scorer: every fact has its rule's confidence."""
    from ruextract.pipeline import Pipeline

    return Pipeline(scorer=False)


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


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    """A run of four sample articles by a fresh pipeline (whose memo starts empty), for the
    re-run tests to copy and edit."""
    from ruextract.pipeline import Pipeline, run

    out = tmp_path_factory.mktemp("stored") / "out"
    run(sorted(CORPUS.glob("sample_0[1-4].txt")), out, pipeline=Pipeline())
    return out


def assert_fresh_interpreter_prints_ok(script: str) -> None:
    """Run ``script`` in a fresh interpreter (nothing imported yet) and check it printed ok."""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"

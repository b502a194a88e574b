"""Construction grids (tests/cases/*.tsv): one relation family's ways of being said, one
dimension varied at a time from a plain sentence, in our own words with invented names.

They are written from the grammar of the construction rather than from articles, so that rules
cover the language and not the sentences they were tuned on. Every line must parse, and the
cases passed at the default confidence must not fall below the floor of the release that wrote
the grid; the failing lines are printed, since a grid is ours to read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ruextract.cases import read_cases, run_cases
from ruextract.rules import DEFAULT_MIN_CONFIDENCE  # as `ruextract run` keeps relations

GRIDS = Path(__file__).parent / "cases"

#: Passed cases per grid at the release that wrote or raised it; never below these.
PASSED_AT_LEAST: dict[str, int] = {
    "agreement_with.tsv": 242,
    "delegation_members.tsv": 436,
    "located_in.tsv": 187,
    "participated_in.tsv": 232,
    "references.tsv": 301,
    "resident_of.tsv": 218,
    "visited.tsv": 608,
}


def test_every_grid_has_a_floor():
    assert sorted(path.name for path in GRIDS.glob("*.tsv")) == sorted(PASSED_AT_LEAST)


@pytest.mark.parametrize("grid", sorted(PASSED_AT_LEAST))
def test_passed_cases_do_not_drop(pipeline, grid):
    results = list(run_cases(pipeline, read_cases(GRIDS / grid), DEFAULT_MIN_CONFIDENCE))
    failing = [result.case.where for result in results if not result.passed]
    passed = len(results) - len(failing)
    assert passed >= PASSED_AT_LEAST[grid], (grid, passed, failing)

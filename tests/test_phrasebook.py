"""The real-phrasing phrasebook (tests/phrasebook/): one-line cases in our own words, each
keeping a construction a real news article used, split by site into dev and check.

Both parts must stay well-formed, and the cases passed at the default confidence must not fall
below what the release passed. The check part is reported as counts only: a failure names no
case (tuning reads dev, never check).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ruextract.cases import read_cases, run_cases, tally
from ruextract.rules import DEFAULT_MIN_CONFIDENCE  # as `ruextract run` keeps relations

PHRASEBOOK = Path(__file__).parent / "phrasebook"

#: Passed cases at the release that added the part; a change may raise these, never drop below.
PASSED_AT_LEAST = {"dev": 603, "check": 583}  # seventy-third session: check +1.
# Fifty-first session: check +1 (trials
# 51–54). Fiftieth session: check +1 (16 lines of a lone official's trip turned traps:
# ANNOTATION.md's delegation is a group)
# (user trials 48a–48h). Forty-fourth session: check +1 (user trials 44a–44h). Forty-third
# session: check +1 (user trials 43a–43h). Forty-second session: dev +1 (user trials
# 42a–42f). Fortieth session: check +3
# (user trials 40a–40f: listed groups, agreements about cooperation, events). Thirty-eighth:
# dev +1 (its relation fixes from a user trial). Thirty-sixth session (check +1: a body's
# indeclinable word, «Милли Меджлис»). Thirty-fifth session: 595, 563, nine waves (pb45 and pb46
# added: 581, 559 at the session's start; its classes moved the new waves' check parts by none,
# the older check waves 494 -> 498). Thirty-fourth session: 522, 494 (thirty-third: 516, 488;
# check 488 -> 494 by the RESIDENT_OF backoff, relations/backoff.py), seven waves, arguments
# matched as `evaluate` matches them (a quoted name alone, a mention's normal form). Before the
# seventh wave (paragraphs) dev went 505 -> 504 in that session: references (relations/
# references.py) read «его гендиректор X ушёл с поста» as the concern's, and whether a post left
# is WORKS_FOR is the owners' open question (NEREL counts it; the case's writer did not); a class
# keeping such posts out cost NEREL train seven right facts and was dropped


def _site_part(url: str) -> str:
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return "dev" if int(hashlib.sha256(host.encode()).hexdigest(), 16) % 2 == 0 else "check"


def _sources() -> list[list[str]]:
    lines = (PHRASEBOOK / "sources.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return [row for row in rows if row[0] != "sha256"]  # the header row


@pytest.mark.parametrize("part", ["dev", "check"])
def test_every_line_is_a_case(part):
    assert read_cases(PHRASEBOOK / f"{part}.tsv")


def test_each_source_sits_in_the_part_its_site_hash_chose():
    for digest, url, _host, part in _sources():
        assert hashlib.sha256(url.encode()).hexdigest() == digest, url
        assert _site_part(url) == part, url


def test_no_source_is_one_the_owners_hold_out():
    held_out = Path(__file__).parents[2] / "shared" / "heldout-urls.sha256"
    if not held_out.exists():
        pytest.skip("../shared/heldout-urls.sha256 is not beside the project")
    listed = set(held_out.read_text(encoding="utf-8").split())
    assert not [url for digest, url, _host, _part in _sources() if digest in listed]


def test_each_case_names_a_source_of_its_part():
    parts = {digest[:12]: part for digest, _url, _host, part in _sources()}
    for part in ("dev", "check"):
        for case in read_cases(PHRASEBOOK / f"{part}.tsv"):
            assert parts.get(case.note[:12]) == part, case.where


@pytest.mark.parametrize("part", ["dev", "check"])
def test_passed_cases_do_not_drop(pipeline, part):
    results = list(run_cases(pipeline, read_cases(PHRASEBOOK / f"{part}.tsv"),
                             DEFAULT_MIN_CONFIDENCE))
    passed = sum(result.passed for result in results)
    # counts only: the check part's failing lines are not printed
    assert passed >= PASSED_AT_LEAST[part], (part, passed, tally(results))

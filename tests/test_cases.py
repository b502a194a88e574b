"""One-line case files (`ruextract rules cases`): reading, verdicts, the command's exits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ruextract.cases import CaseFormatError, parse_case, read_cases, run_cases, tally
from ruextract.cli import app

VISIT = "Делегация из Японии посетила технопарк «Кедровый»."
PLAN = "Делегация из Индии планирует посетить технопарк «Ольховый»."
CASE_FILE = "\n".join([
    "# invented sample cases",
    "",
    f"{VISIT}\t+VISITED delegation:Япония -> технопарк «Кедровый»\tsite as object",
    f"{PLAN}\t-VISITED delegation:Индия -> технопарк «Ольховый»",
    f"{PLAN}\t+VISITED delegation:Индия -> технопарк «Ольховый»",
]) + "\n"


@pytest.fixture
def case_file(tmp_path) -> Path:
    """CASE_FILE written out: three cases after a comment and a blank line."""
    path = tmp_path / "cases.tsv"
    path.write_text(CASE_FILE, encoding="utf-8")
    return path


def test_a_case_is_folded_as_the_scorer_folds():
    case = parse_case("Текст.\t+VISITED delegation:Ёлкино -> «Кедр»\tnote", "f:1")
    assert case.expected and case.relation == "VISITED" and case.note == "note"
    assert case.fact == "visited delegation:елкино -> кедр"


@pytest.mark.parametrize("line, why", [
    ("no tab at all", "no tab"),
    ("Текст.\tVISITED a -> b", "'+' or '-'"),
    ("Текст.\t+VISITED a b", "TYPE arg1 -> arg2"),
    ("\t+VISITED a -> b", "text before the tab is empty"),
])
def test_a_malformed_line_is_named(line, why):
    with pytest.raises(CaseFormatError, match=re.escape(why)) as caught:
        parse_case(line, "cases.tsv:7")
    assert str(caught.value).startswith("cases.tsv:7:")


def test_comments_and_blank_lines_are_skipped(case_file):
    cases = read_cases(case_file)
    assert [c.where for c in cases] == [f"{case_file}:3", f"{case_file}:4", f"{case_file}:5"]


def test_verdicts_and_tally(pipeline, case_file):
    results = list(run_cases(pipeline, read_cases(case_file)))
    assert [r.passed for r in results] == [True, True, False]  # a planned trip is no visit
    assert tally(results) == {"VISITED+": (1, 2), "VISITED-": (1, 1)}


def test_the_command_exits_1_on_a_failed_case_and_hides_lines_with_summary(case_file):
    result = CliRunner().invoke(app, ["rules", "cases", str(case_file)])
    assert result.exit_code == 1, result.output
    assert "FAIL" in result.output and "passed 2/3" in result.output
    quiet = CliRunner().invoke(app, ["rules", "cases", str(case_file), "--summary"])
    assert quiet.exit_code == 1 and "FAIL" not in quiet.output and PLAN not in quiet.output


def test_the_command_exits_2_on_a_malformed_file(tmp_path):
    path = tmp_path / "cases.tsv"
    path.write_text("a line with no fact\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "cases", str(path)])
    assert result.exit_code == 2
    assert "cases.tsv:1" in result.output

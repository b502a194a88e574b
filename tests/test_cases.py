"""One-line case files (`ruextract rules cases`): reading, verdicts, the command's exits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ruextract import cases
from ruextract.cases import (
    CaseFormatError,
    CaseResult,
    facts_found,
    parse_case,
    read_cases,
    run_cases,
    tally,
    tally_misses,
    why_missed,
)
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
    ("Текст.\t-VISTED a -> b", "no relation type 'VISTED'"),  # a typo passes no '-' case
    ("Текст.\t+VISITED  -> технопарк «Ольха»", "both arguments named"),
    ("Текст.\t+VISITED delegation:Япония -> ", "both arguments named"),
    ("Текст.\tVISITED delegation:Япония -> технопарк «Ольха»", "технопарк «Ольха»'"),
])
def test_a_malformed_line_is_named(line, why):
    with pytest.raises(CaseFormatError, match=re.escape(why)) as caught:
        parse_case(line, "cases.tsv:7")
    assert str(caught.value).startswith("cases.tsv:7:")


def test_a_relation_type_in_small_letters_is_that_type():
    case = parse_case("Текст.\t+visited delegation:Япония -> «Кедр»", "f:1")
    assert case.relation == "VISITED" and case.fact == "visited delegation:япония -> кедр"


def test_a_line_break_in_a_case_is_written_backslash_n():
    case = parse_case("Гости посетили:\\n• завод «Кедр».\t+VISITED delegation: -> Кедр", "f:1")
    assert case.text == "Гости посетили:\n• завод «Кедр»."


def test_comments_and_blank_lines_are_skipped(case_file):
    cases = read_cases(case_file)
    assert [c.where for c in cases] == [f"{case_file}:3", f"{case_file}:4", f"{case_file}:5"]


def test_verdicts_and_tally(pipeline, case_file):
    results = list(run_cases(pipeline, read_cases(case_file)))
    assert [r.passed for r in results] == [True, True, False]  # a planned trip is no visit
    assert tally(results) == {"VISITED+": (1, 2), "VISITED-": (1, 1)}


@pytest.mark.parametrize("site", ["технопарк «Кедровый»", "«Кедровый»", "Кедровый"])
def test_a_site_matches_with_its_type_word_or_as_its_quoted_name_alone(pipeline, site):
    # as `ruextract evaluate` scores (ANNOTATION.md: «технопарк «Идея»» is «Идея» too)
    case = parse_case(f"{VISIT}\t+VISITED delegation:Япония -> {site}")
    assert next(run_cases(pipeline, [case])).passed


def test_another_quoted_name_is_another_site(pipeline):
    case = parse_case(f"{VISIT}\t-VISITED delegation:Япония -> технопарк «Ольховый»")
    assert next(run_cases(pipeline, [case])).passed


WANTED = "visited delegation:япония -> технопарк кедровый"


@pytest.mark.parametrize(("found", "below", "why"), [
    ({WANTED}, set(), None),  # passed
    (set(), {WANTED}, "below the threshold"),
    ({"visited delegation:япония -> кедровый"}, set(), "an argument spelt or cut otherwise"),
    ({"visited delegation:япония -> технопарк ольховый"}, set(),
     "one argument right, the other another thing"),
    ({"visited delegation:индия -> технопарк ольховый"}, set(),
     "facts of the type, between other things"),
    ({"delegation_from delegation:япония -> япония"}, set(),
     "no fact of the type, an argument not found"),
    (set(), set(), "no fact of the type, both arguments found"),
])
def test_why_a_wanted_fact_was_missed(found, below, why):
    case = parse_case(f"{VISIT}\t+VISITED delegation:Япония -> технопарк «Кедровый»")
    names = {"delegation:япония", "япония"} | ({"технопарк кедровый"} if not found else set())
    result = CaseResult(case, WANTED in found, frozenset(found), frozenset(below),
                        frozenset(names))
    assert why_missed(result) == why


def test_an_unwanted_fact_found_has_no_why():
    case = parse_case(f"{PLAN}\t-VISITED delegation:Индия -> технопарк «Ольховый»")
    found = frozenset({"visited delegation:индия -> технопарк ольховый"})
    assert why_missed(CaseResult(case, False, found)) is None


def test_the_summary_counts_why_cases_failed_without_their_lines(pipeline, case_file):
    results = list(run_cases(pipeline, read_cases(case_file), 0.5))
    assert sum(tally_misses(results).values()) == 1
    quiet = CliRunner().invoke(app, ["rules", "cases", str(case_file), "--summary"])
    assert "why a '+' case failed" in quiet.output and PLAN not in quiet.output


MORE = [
    "Губернатор Тихон Листов встретился с делегацией из Вьетнама в технопарке «Сосновый».",
    "Компания «Ромашка-Агро» подписала соглашение с правительством Тверской области.",
    "Директор завода «Омега» Пётр Ручьёв рассказал гостям из Китая о новой линии.",
]


def test_texts_batched_find_what_each_finds_alone(pipeline, monkeypatch):
    monkeypatch.setattr(cases, "BATCH_DOCS", 2)  # three batches, the last of one
    texts = [VISIT, PLAN, *MORE, VISIT]
    together = facts_found(pipeline, texts, 0.5)
    assert list(together) == [VISIT, PLAN, *MORE]  # a repeated text is processed once
    assert together == {text: facts_found(pipeline, [text], 0.5)[text] for text in together}
    assert "visited delegation:япония -> технопарк кедровый" in together[VISIT]


def test_a_text_that_fails_finds_nothing_and_the_batch_goes_on(pipeline, monkeypatch):
    extract = pipeline.relation_extractor.extract

    def failing_on_the_plan(doc):
        if "Ольховый" in doc.text:
            raise RuntimeError("invented failure")
        return extract(doc)

    monkeypatch.setattr(pipeline.relation_extractor, "extract", failing_on_the_plan)
    found = facts_found(pipeline, [PLAN, VISIT])
    assert found[PLAN] == frozenset()
    assert "visited delegation:япония -> технопарк кедровый" in found[VISIT]


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


def test_the_command_exits_2_on_a_file_of_no_case(tmp_path):
    path = tmp_path / "cases.tsv"
    path.write_text("# only a comment\n\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "cases", str(path)])
    assert result.exit_code == 2 and "No cases in" in result.output

"""The Python API: ``process`` gives the tables of a run without files; ``load`` reads a run."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ruextract import api, pipeline, store
from ruextract.rules import DEFAULT_MIN_CONFIDENCE

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "sample_01.txt"
TEXT = "Делегация из Японии посетила технопарк «Идея» в Казани. Её возглавила Фудзита Марико."

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def processed() -> dict[str, pd.DataFrame]:
    return api.process([TEXT, str(SAMPLE), "   ", TEXT])


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("api_run")
    # as `ruextract run` and `process` keep relations by default
    pipeline.run([SAMPLE], out, workers=1, min_confidence=DEFAULT_MIN_CONFIDENCE)
    return out


def test_process_gives_every_table_with_the_store_columns(processed) -> None:
    assert set(processed) == set(store.TABLES)
    for table, frame in processed.items():
        assert list(frame.columns) == store.SCHEMAS[table].names, table


def test_process_reads_texts_and_paths(processed) -> None:
    documents = processed["documents"]
    assert list(documents["source"]) == ["text:0", str(SAMPLE)]  # the repeated text: once
    assert documents["doc_id"].is_unique
    assert (processed["tokens"]["doc_id"].isin(documents["doc_id"])).all()
    first = processed["mentions"][processed["mentions"]["doc_id"] == documents["doc_id"][0]]
    assert {"Япония", "Казань", "Фудзита Марико"} <= set(first["normal"])


def test_process_blank_text_is_an_error_row_and_a_repeated_text_is_named(processed) -> None:
    errors = processed["errors"]
    assert list(errors[["source", "stage", "error"]].itertuples(index=False, name=None)) == [
        ("text:2", "ingest", "blank"), ("text:3", "ingest", "duplicate")]
    first = processed["documents"]["doc_id"][0]
    assert errors["message"][1] == f"same text as document {first}, read earlier in this run"


@pytest.mark.parametrize("mistyped", ["articles/", "no_such_batch.jsonl", "a\\b"])
def test_process_a_mistyped_path_is_an_error_row_not_an_article(mistyped: str) -> None:
    tables = api.process(["Делегация из Китая посетила технопарк «Идея».", mistyped])
    assert len(tables["documents"]) == 1
    assert list(tables["errors"][["source", "error"]].itertuples(index=False, name=None)) == [
        (mistyped, "missing")]


def test_process_a_web_address_is_named_as_such() -> None:
    errors = api.process("https://example.org/news/2024/visit")["errors"]
    assert list(errors["error"]) == ["url_not_text"]


def test_process_single_text_and_path() -> None:
    assert len(api.process(TEXT)["documents"]) == 1
    assert list(api.process(SAMPLE)["documents"]["source"]) == [str(SAMPLE)]


def test_process_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="item 0"):
        api.process([42])


def test_process_matches_a_run(processed, corpus_run: Path) -> None:
    """Same rows and dtypes as ``ruextract run`` writes (run-specific columns aside)."""
    loaded = api.load(corpus_run)
    in_memory = api.process(SAMPLE)
    for table in store.TABLES:
        assert dict(loaded[table].dtypes) == dict(in_memory[table].dtypes), table
    for table in ("tokens", "mentions", "entities", "relations"):
        pd.testing.assert_frame_equal(loaded[table], in_memory[table], check_dtype=True)
    columns = [c for c in store.SCHEMAS["documents"].names if c != "run_id"]
    pd.testing.assert_frame_equal(loaded["documents"][columns], in_memory["documents"][columns])


def test_load_selected_tables(corpus_run: Path) -> None:
    tables = api.load(corpus_run, ["documents", "relations"])
    assert set(tables) == {"documents", "relations"}
    assert len(tables["documents"]) == 1


def test_load_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such run"):
        api.load(tmp_path / "nothing")


def test_a_fact_two_entities_of_one_key_state_is_one_row() -> None:
    # «особая экономическая зона «Кедр»» and «ОЭЗ «Кедр»» are two entities of one key: the
    # visit is one fact of the document, one row (counting rows counts visits)
    tables = api.process(["Делегация из Кедрании посетила особую экономическую зону «Кедр». "
                          "Гости осмотрели ОЭЗ «Кедр» и встретились с её руководством."])
    visits = tables["relations"][tables["relations"].type == "VISITED"]
    facts = visits[["doc_id", "arg1_key", "arg2_key"]].drop_duplicates()
    assert len(visits) == len(facts) >= 1


def test_things_of_one_key_the_document_places_apart_keep_their_own_facts() -> None:
    # two parks of one name the key does not tell apart, in two towns: two visits
    tables = api.process(["Делегация из Кедрании посетила технопарк «Ольха» в Туле и "
                          "индустриальный парк «Ольха» в Калуге."])
    visits = tables["relations"][(tables["relations"].type == "VISITED")
                                 & tables["relations"].arg2_key.str.startswith("PARK:")]
    assert len(visits) == 2

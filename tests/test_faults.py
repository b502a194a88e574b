"""Bad batches, faults and hostile rules: a run keeps going, loses nothing, and is safe.

One mixed batch runs through the whole pipeline once (module scope); the fault tests use
small runs or the store directly, so the models load once per session.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from ruextract import pipeline as pipeline_module
from ruextract import store
from ruextract.cli import app
from ruextract.normalise import normalise
from ruextract.rules import RuleValidationError, default_rules_dir, load_rules

ARTICLE_A = ("Делегация из Китая посетила технопарк «Идея» в Казани. Гости осмотрели "
             "производственные площадки резидентов и обсудили сотрудничество.\n")
ARTICLE_B = ("Министр промышленности Татарстана встретился с представителями компании "
             "из Индии. Стороны подписали соглашение о сотрудничестве.\n")
ARTICLE_C = ("Особая экономическая зона «Алабуга» приняла делегацию из Турции. Гостям "
             "рассказали о новых резидентах.\n")
ENGLISH = "A delegation from Brazil visited the technology park in Novosibirsk.\n"
HOSTILE_HTML = """<html><head><title>Новость</title><style>p{color:red}</style>
<script>document.body.innerHTML = "Скрипт подменил статью"; fetch("/steal")</script></head>
<body><nav>Главная | Новости | Контакты</nav><article>
<p>Делегация Вьетнама посетила индустриальный парк «Мастер» в Набережных Челнах.</p>
<script>alert("и здесь")</script></article><footer>© Новости региона</footer></body></html>"""
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
ZIP = b"PK\x03\x04\x14\x00" + bytes(range(256)) * 4
PDF = b"%PDF-1.5\n" + bytes(range(256)) * 4
MAX_DOC_BYTES = 4000

runner = CliRunner()


def cli_output(result) -> str:
    """What the command printed, with rich's line wrapping undone."""
    return (result.output + (getattr(result, "stderr", "") or "")).replace("\n", "")


# --------------------------------------------------------------------------- a mixed batch

def build_mixed_batch(root: Path) -> dict[str, str]:
    """Every case of issue 6 in one directory; returns source → expected outcome."""
    root.mkdir(parents=True)
    expected: dict[str, str] = {}

    def put(name: str, content: bytes | str, outcome: str | None) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        if outcome is not None:
            expected[str(path)] = outcome
        return path

    put("a_article.txt", ARTICLE_A, "processed")
    put("b_article_again.txt", ARTICLE_A, "duplicate")
    put("c_empty.txt", b"", "empty")
    put("d_blank.txt", " \n\t\n", "blank")
    put("e_photo.txt", PNG, "binary")
    put("f_archive.md", ZIP, "binary")
    put("g_paper.html", PDF, "binary")
    put("h_english.txt", ENGLISH, "processed")
    put("i_broken_encoding.txt", bytes(range(0x80, 0x100)) * 8, "encoding")
    put("j_a_few_bad_bytes.txt", ARTICLE_B.encode()[:15] + b"\xff" + ARTICLE_B.encode()[15:],
        "processed")
    put("k_cp1251.txt", ARTICLE_C.encode("cp1251"), "processed")
    rows = [json.dumps({"id": "r1", "text": "Губернатор принял делегацию из Японии."},
                       ensure_ascii=False),
            '{"id": "r2", "text": "оборванная строка',
            json.dumps({"id": "r3", "text": ARTICLE_A}, ensure_ascii=False),
            json.dumps({"id": "r4", "text": ""}),
            json.dumps({"id": "r5", "title": "нет текста"})]
    jsonl = put("l_rows.jsonl", "\n".join(rows) + "\n", None)
    for number, outcome in enumerate(["processed", "bad_json", "duplicate", "empty", "no_text"],
                                     1):
        expected[f"{jsonl}:{number}"] = outcome
    put("m_no_text_column.csv", "id,summary\n1,Текст новости\n", "no_text_column")
    table = put("n_rows.csv", 'id,text\n1,"Мэр Казани встретился с делегацией Китая."\n2,\n',
                None)
    expected[f"{table}:2"] = "processed"
    expected[f"{table}:3"] = "empty"
    put("o_hostile.html", HOSTILE_HTML, "processed")
    put("p_scripts_only.html", "<html><head><script>var t='Статья в скрипте'</script></head>"
                               "<body><nav>Меню сайта</nav></body></html>", "no_text")
    put("q_long.txt", ARTICLE_B * 40, "too_large")
    huge = root / "r_huge.txt"
    with huge.open("wb") as handle:  # a sparse 50 MB file: refused before it is read
        handle.truncate(50 * 1024 * 1024)
    expected[str(huge)] = "too_large"
    put("s_boilerplate_only.txt", "Фото\nОбщество\n", "no_text")
    (root / "t_dangling.txt").symlink_to(root / "gone.txt")
    expected[str(root / "t_dangling.txt")] = "unreadable"
    put("u_sub/article.txt", ARTICLE_C + "Добавлен абзац.\n", "processed")
    (root / "u_sub" / "v_loop").symlink_to(root, target_is_directory=True)  # passed over
    put(".w_hidden/article.txt", ARTICLE_B, None)  # passed over
    put("x_notes.docx", ZIP, None)  # passed over
    listing = put("y_listing.html", "<body><h1>Лента</h1>"
                  "<article><h2>Визит</h2><p>Делегация Перу посетила технопарк «Ковыль».</p>"
                  "</article><article><h2>Соглашение</h2><p>Компания «Репей» подписала "
                  "соглашение с парком «Осока».</p></article></body>", None)
    expected[f"{listing}#1"] = expected[f"{listing}#2"] = "processed"
    return expected


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory, pipeline):
    base = tmp_path_factory.mktemp("mixed")
    expected = build_mixed_batch(base / "batch")
    out = base / "out"
    summary = pipeline_module.run([base / "batch"], out, pipeline=pipeline, workers=1,
                                  max_doc_bytes=MAX_DOC_BYTES, chunk_docs=3)
    return expected, out, summary


def test_every_input_unit_is_processed_duplicate_or_error_exactly_once(mixed_run) -> None:
    expected, out, summary = mixed_run
    documents = store.read_table(out, "documents").to_pylist()
    errors = store.read_table(out, "errors").to_pylist()
    processed = [row["source"] for row in documents]
    failed = {row["source"]: row["error"] for row in errors}
    assert len(processed) == len(set(processed))
    assert len(failed) == len(errors), "one error row per unit"
    assert not set(processed) & set(failed)
    outcome = {**dict.fromkeys(processed, "processed"), **failed}
    assert outcome == expected  # a duplicate is named in the errors table too
    assert summary.duplicates == list(failed.values()).count("duplicate") == 2


def test_manifest_counts_reconcile(mixed_run) -> None:
    expected, out, summary = mixed_run
    counts = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]
    assert counts["read"] == len(expected)
    assert counts["read"] == (counts["processed"] + counts["duplicates"]
                              + counts["already_present"] + counts["failed"])
    assert counts["processed"] == store.read_table(out, "documents").num_rows
    errors = store.read_table(out, "errors").column("error").to_pylist()
    assert counts["failed"] == len(errors) - errors.count("duplicate")
    assert counts == summary.as_dict()


def test_error_rows_say_what_is_wrong(mixed_run) -> None:
    _, out, _ = mixed_run
    messages = {Path(row["source"]).name: row["message"]
                for row in store.read_table(out, "errors").to_pylist()}
    assert messages["e_photo.txt"] == "binary file (PNG image), not text"
    assert messages["l_rows.jsonl:2"].startswith("malformed JSON on line 2")
    assert messages["m_no_text_column.csv"].startswith(
        "CSV has no text column (columns: id, summary; a text column is named one of: text")
    assert messages["r_huge.txt"] == ("52,428,800 bytes exceeds the document limit of 4,000 "
                                      "bytes; raise it with --max-doc-bytes")
    assert "v_loop" not in messages  # a symlink loop under a directory given is no failure


def test_what_a_directory_walk_passes_over_is_counted_and_named(mixed_run) -> None:
    _, _, summary = mixed_run
    assert summary.passed_over == 3
    assert [Path(name.split(" (")[0]).name for name in summary.passed_over_named] == [
        ".w_hidden", "v_loop", "x_notes.docx"]
    assert summary.passed_over_named[0].endswith("(hidden directory)")


def test_documents_keep_language_encoding_and_only_article_text(mixed_run) -> None:
    _, out, summary = mixed_run
    by_name = {Path(row["source"]).name: row for row in store.read_table(out, "documents")
               .to_pylist()}
    assert by_name["h_english.txt"]["language"] == "en"
    assert by_name["a_article.txt"]["language"] == "ru"
    assert summary.not_russian == 1
    assert by_name["j_a_few_bad_bytes.txt"]["encoding"] == "utf-8 (with 1 replaced bytes)"
    assert by_name["k_cp1251.txt"]["encoding"] == "cp1251"
    assert by_name["k_cp1251.txt"]["text"] == ARTICLE_C.strip()
    hostile = by_name["o_hostile.html"]["text"]
    assert hostile == ("Делегация Вьетнама посетила индустриальный парк «Мастер» "
                       "в Набережных Челнах.")


def test_rerunning_the_batch_finds_everything_already_present(mixed_run, pipeline) -> None:
    expected, out, first = mixed_run
    again = pipeline_module.run([Path(next(iter(expected))).parent], out, pipeline=pipeline,
                                workers=1, max_doc_bytes=MAX_DOC_BYTES)
    assert (again.read, again.processed, again.already_present) == (
        first.read, 0, first.processed)
    assert again.read == again.duplicates + again.already_present + again.failed
    documents = store.read_table(out, "documents", columns=["doc_id"]).column("doc_id")
    assert len(documents) == first.processed
    # every failing unit was tried again: the errors table says how the latest try went
    errors = store.read_table(out, "errors").to_pylist()
    assert {row["run_id"] for row in errors} == {again.run_id}
    assert len(errors) == first.failed + first.duplicates == again.failed + again.duplicates


def test_with_workers_every_unit_is_accounted_for_as_in_one_process(mixed_run,
                                                                    tmp_path: Path) -> None:
    """With workers, a process of its own reads and normalises (read_ahead.ReadAhead): its
    error rows and counts reach the run's as they would in one process."""
    expected, out, first = mixed_run
    two = pipeline_module.run([Path(next(iter(expected))).parent], tmp_path / "out", workers=2,
                              max_doc_bytes=MAX_DOC_BYTES, chunk_docs=3)
    ignore = ("wall_seconds", "docs_per_second")
    assert {k: v for k, v in two.as_dict().items() if k not in ignore} == {
        k: v for k, v in first.as_dict().items() if k not in ignore}
    for table, columns in (("errors", ["source", "stage", "error", "message"]),
                           ("documents", ["doc_id", "source"])):
        def first_run_rows(directory: Path, table: str = table,
                           columns: list[str] = columns) -> list[str]:
            rows = store.read_table(directory, table).to_pylist()  # other tests add runs
            return sorted(str({c: row[c] for c in columns}) for row in rows
                          if table == "errors" or row["run_id"] in (first.run_id, two.run_id))

        assert first_run_rows(tmp_path / "out") == first_run_rows(out), table


def test_an_input_mended_since_loses_its_error_row_and_others_keep_theirs(
        tmp_path: Path, pipeline) -> None:
    batch, elsewhere, out = tmp_path / "batch", tmp_path / "elsewhere", tmp_path / "out"
    batch.mkdir()
    elsewhere.mkdir()
    (batch / "a.txt").write_bytes(b"")
    (batch / "rows.jsonl").write_text('{"text": 1}\n', encoding="utf-8")
    (elsewhere / "b.txt").write_bytes(b"")
    pipeline_module.run([batch, elsewhere / "b.txt"], out, pipeline=pipeline)
    (batch / "a.txt").write_text(ARTICLE_C, encoding="utf-8")
    pipeline_module.run([batch], out, pipeline=pipeline)
    errors = store.read_table(out, "errors").to_pylist()
    assert sorted(Path(row["source"]).name for row in errors) == ["b.txt", "rows.jsonl:1"]


def _documents(out: Path) -> list[tuple[str, str]]:
    return sorted((Path(row["source"]).name, row["text"])
                  for row in store.read_table(out, "documents").to_pylist())


def test_an_article_read_again_with_an_edited_text_replaces_its_earlier_version(
        tmp_path: Path, pipeline) -> None:
    rows, out = tmp_path / "rows.jsonl", tmp_path / "out"

    def write_rows(*texts: str) -> None:
        rows.write_text("".join(json.dumps({"url": f"https://example.org/{n}", "text": text},
                                           ensure_ascii=False) + "\n"
                                for n, text in enumerate(texts)), encoding="utf-8")

    write_rows(ARTICLE_B, ARTICLE_C)
    pipeline_module.run([rows], out, pipeline=pipeline)
    write_rows(ARTICLE_B, ARTICLE_C + "Исправлено.")
    summary = pipeline_module.run([rows], out, pipeline=pipeline)
    assert (summary.processed, summary.already_present, summary.replaced) == (1, 1, 1)
    texts = [text for _, text in _documents(out)]
    assert texts == sorted([ARTICLE_B.strip(), ARTICLE_C + "Исправлено."])
    mentions = store.read_table(out, "mentions", columns=["doc_id"]).column("doc_id")
    documents = store.read_table(out, "documents", columns=["doc_id"]).column("doc_id")
    assert set(mentions.to_pylist()) <= set(documents.to_pylist())


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_reading_both_versions_of_an_article_keeps_both_and_is_idempotent(
        tmp_path: Path, pipeline, workers: int) -> None:
    # yesterday's and today's dumps given together: as a first run of both would, and never
    # swapping one for the other run after run
    old, new, out = tmp_path / "old.jsonl", tmp_path / "new.jsonl", tmp_path / "out"
    for path, text in ((old, ARTICLE_C), (new, ARTICLE_C + "Исправлено.")):
        path.write_text(json.dumps({"url": "https://example.org/c", "text": text},
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    pipeline_module.run([old], out, pipeline=pipeline, workers=workers)
    both = pipeline_module.run([old, new], out, pipeline=pipeline, workers=workers)
    assert (both.processed, both.already_present, both.replaced) == (1, 1, 0)
    again = pipeline_module.run([old, new], out, pipeline=pipeline, workers=workers)
    assert (again.processed, again.already_present, again.replaced) == (0, 2, 0)
    assert len(_documents(out)) == 2
    # read again alone, the new version drops nothing
    only_new = pipeline_module.run([new], out, pipeline=pipeline, workers=workers)
    assert (only_new.processed, only_new.replaced, len(_documents(out))) == (0, 0, 2)


def _interrupted_after_writing(monkeypatch) -> None:
    """Make the next run stop as Ctrl-C or a kill leaves it: its rows written, its end (earlier
    versions dropped, keys, names, manifest) never done."""
    def interrupted(out, summary, rules, writer, *args, **kwargs) -> None:
        writer.flush()
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline_module, "finish_run", interrupted)


def _keyed(out: Path) -> dict[str, list]:
    """What a user reads of the keys: entities, relations and names, without run ids."""
    return {
        "entities": sorted(store.read_table(out, "entities", columns=[
            "doc_id", "entity_id", "entity_key"]).to_pylist(), key=str),
        "relations": sorted(store.read_table(out, "relations", columns=[
            "doc_id", "relation_id", "arg1_key", "arg2_key", "origin_key"]).to_pylist(),
            key=str),
        "names": sorted(store.read_table(out, "names").to_pylist(), key=str),
    }


def _whole_and_interrupted(tmp_path: Path, pipeline, monkeypatch) -> tuple[Path, Path]:
    """Two outputs of articles a and c: one run of both, and a run of a then a run of c
    interrupted after writing its rows."""
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "c.txt").write_text(ARTICLE_C, encoding="utf-8")
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    pipeline_module.run([tmp_path / "a.txt", tmp_path / "c.txt"], whole, pipeline=pipeline)
    pipeline_module.run([tmp_path / "a.txt"], resumed, pipeline=pipeline)
    _interrupted_after_writing(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        pipeline_module.run([tmp_path / "c.txt"], resumed, pipeline=pipeline)
    monkeypatch.undo()
    return whole, resumed


def test_a_run_after_an_interrupted_one_finishes_its_rows_as_one_run_would(
        tmp_path: Path, pipeline, monkeypatch) -> None:
    whole, resumed = _whole_and_interrupted(tmp_path, pipeline, monkeypatch)
    again = pipeline_module.run([tmp_path / "c.txt"], resumed, pipeline=pipeline)
    assert (again.processed, again.already_present, again.resumed) == (0, 1, 1)
    assert _keyed(resumed) == _keyed(whole)
    runs = store.read_manifest(resumed)["runs"]
    assert [run.get("interrupted", False) for run in runs] == [False, True, False]
    assert pipeline_module.run([tmp_path / "c.txt"], resumed, pipeline=pipeline).resumed == 0
    assert _keyed(resumed) == _keyed(whole)  # finished once, its names counted once


def test_a_rerun_of_the_relations_after_an_interrupted_run_keys_its_rows_too(
        tmp_path: Path, pipeline, monkeypatch) -> None:
    from ruextract import rerun

    whole, resumed = _whole_and_interrupted(tmp_path, pipeline, monkeypatch)
    rerun.rerun(resumed, "relations", workers=1)
    assert _keyed(resumed) == _keyed(whole)
    # the rest of its end is the next run's
    assert pipeline_module.run([tmp_path / "c.txt"], resumed, pipeline=pipeline).resumed == 1
    assert _keyed(resumed) == _keyed(whole)


def test_a_rerun_after_an_interrupted_edit_leaves_the_next_run_to_replace_it(
        tmp_path: Path, pipeline, monkeypatch) -> None:
    from ruextract import rerun

    rows, out = tmp_path / "rows.jsonl", tmp_path / "out"
    for text in (ARTICLE_C, ARTICLE_C + "Исправлено."):
        rows.write_text(json.dumps({"url": "https://example.org/c", "text": text},
                                   ensure_ascii=False) + "\n", encoding="utf-8")
        if text == ARTICLE_C:
            pipeline_module.run([rows], out, pipeline=pipeline)
    _interrupted_after_writing(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        pipeline_module.run([rows], out, pipeline=pipeline)
    monkeypatch.undo()
    rerun.rerun(out, "relations", workers=1)
    assert pipeline_module.run([rows], out, pipeline=pipeline).replaced == 1
    assert [text for _, text in _documents(out)] == [ARTICLE_C + "Исправлено."]


def test_an_interrupted_force_run_counts_no_name_twice(tmp_path: Path, pipeline,
                                                         monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    out, whole = tmp_path / "out", tmp_path / "whole"
    pipeline_module.run([tmp_path / "a.txt"], whole, pipeline=pipeline)
    pipeline_module.run([tmp_path / "a.txt"], out, pipeline=pipeline)
    _interrupted_after_writing(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        pipeline_module.run([tmp_path / "a.txt"], out, pipeline=pipeline, force=True)
    monkeypatch.undo()
    pipeline_module.run([tmp_path / "a.txt"], out, pipeline=pipeline)
    assert _keyed(out)["names"] == _keyed(whole)["names"]


def test_the_error_rows_of_an_interrupted_run_are_earlier_attempts(
        tmp_path: Path, pipeline, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # relative sources, as the command line gives them
    Path("in").mkdir()
    Path("in/a.txt").write_text(ARTICLE_A, encoding="utf-8")
    Path("in/bad.jsonl").write_text("{not json\n", encoding="utf-8")
    _interrupted_after_writing(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        pipeline_module.run(["in"], Path("out"), pipeline=pipeline)
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    pipeline_module.run(["in"], Path("out"), pipeline=pipeline)
    errors = store.read_table(Path("out"), "errors").to_pylist()
    assert [Path(row["source"]).name for row in errors] == ["bad.jsonl:1"]


def test_an_edited_article_an_interrupted_run_wrote_replaces_its_earlier_version_next_run(
        tmp_path: Path, pipeline, monkeypatch) -> None:
    rows, out = tmp_path / "rows.jsonl", tmp_path / "out"
    rows.write_text(json.dumps({"url": "https://example.org/c", "text": ARTICLE_C},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    pipeline_module.run([rows], out, pipeline=pipeline)
    rows.write_text(json.dumps({"url": "https://example.org/c", "text": ARTICLE_C + "Исправлено."},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    _interrupted_after_writing(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        pipeline_module.run([rows], out, pipeline=pipeline)
    monkeypatch.undo()
    assert len(_documents(out)) == 2  # both versions, until a run finishes the edit
    again = pipeline_module.run([rows], out, pipeline=pipeline)
    assert (again.already_present, again.resumed, again.replaced) == (1, 1, 1)
    assert [text for _, text in _documents(out)] == [ARTICLE_C + "Исправлено."]


def test_two_articles_of_one_url_are_kept_and_a_third_replaces_neither(tmp_path: Path,
                                                                        pipeline) -> None:
    # a live page's URL names many articles: only one-for-one is an edit
    out = tmp_path / "out"
    for day, texts in (("day1", (ARTICLE_B, ARTICLE_C)), ("day2", (ARTICLE_A,))):
        rows = tmp_path / f"{day}.jsonl"
        rows.write_text("".join(json.dumps({"url": "https://example.org/live", "text": text},
                                           ensure_ascii=False) + "\n" for text in texts),
                        encoding="utf-8")
        summary = pipeline_module.run([rows], out, pipeline=pipeline)
    assert summary.replaced == 0 and len(_documents(out)) == 3


def test_the_same_relative_name_read_from_another_folder_is_another_file(
        tmp_path: Path, pipeline, monkeypatch) -> None:
    out = tmp_path / "out"
    for folder, text in (("a", ARTICLE_B), ("b", ARTICLE_C)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(text, encoding="utf-8")
        (tmp_path / folder / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path / "a")
    pipeline_module.run(["news.txt", "empty.txt"], out, pipeline=pipeline)
    monkeypatch.chdir(tmp_path / "b")
    summary = pipeline_module.run(["news.txt", "empty.txt"], out, pipeline=pipeline,
                                  replace_edited=True)
    assert summary.replaced == 0 and len(_documents(out)) == 2
    assert len(store.read_table(out, "errors").to_pylist()) == 2  # a/empty.txt's row stays
    summary = pipeline_module.run(["."], out, pipeline=pipeline)  # b/ read again, from b/
    assert [row["run_id"] for row in store.read_table(out, "errors").to_pylist()].count(
        summary.run_id) == 1 and len(store.read_table(out, "errors").to_pylist()) == 2


@pytest.mark.parametrize("replace_edited", [False, True])
def test_an_edited_file_replaces_its_earlier_version_only_when_asked(
        tmp_path: Path, pipeline, replace_edited: bool) -> None:
    # a file name may be reused for another article the next day: kept unless asked
    article, out = tmp_path / "a.txt", tmp_path / "out"
    article.write_text(ARTICLE_B, encoding="utf-8")
    pipeline_module.run([article], out, pipeline=pipeline)
    article.write_text(ARTICLE_C, encoding="utf-8")
    summary = pipeline_module.run([article], out, pipeline=pipeline,
                                  replace_edited=replace_edited)
    assert summary.replaced == replace_edited
    assert len(_documents(out)) == (1 if replace_edited else 2)


def test_replace_edited_given_later_drops_the_version_a_run_kept_before(
        tmp_path: Path, pipeline) -> None:
    # the flag forgotten once: a later run with it leaves the store with what it reads
    article, out = tmp_path / "a.txt", tmp_path / "out"
    article.write_text(ARTICLE_B, encoding="utf-8")
    pipeline_module.run([article], out, pipeline=pipeline)
    article.write_text(ARTICLE_C, encoding="utf-8")
    pipeline_module.run([article], out, pipeline=pipeline)
    assert len(_documents(out)) == 2
    summary = pipeline_module.run([article], out, pipeline=pipeline, replace_edited=True)
    assert (summary.processed, summary.replaced) == (0, 1)
    assert [text for _, text in _documents(out)] == [ARTICLE_C.strip()]


class _BrokenInputs:
    """An input list that fails while it is being read."""

    def __init__(self, first: Path) -> None:
        self.first = first

    def __iter__(self):
        yield self.first
        raise OSError("the network share went away")


def test_a_reader_that_fails_stops_the_run_with_its_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_C, encoding="utf-8")
    with pytest.raises(OSError, match="the network share went away"):  # as in one process
        pipeline_module.run(_BrokenInputs(article), tmp_path / "out", workers=2)


class _DyingInputs(_BrokenInputs):
    """An input list whose reading kills the process reading it (as the OOM killer would)."""

    def __iter__(self):
        yield self.first
        os.kill(os.getpid(), signal.SIGKILL)


def test_a_reader_that_dies_stops_the_run_instead_of_hanging(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_C, encoding="utf-8")
    with pytest.raises(RuntimeError, match="reader process died"):
        pipeline_module.run(_DyingInputs(article), tmp_path / "out", workers=2, batch_docs=1)


@pytest.mark.parametrize("chunk_docs", [2000, 2])  # parts: one at the end, or written on the way
def test_a_worker_killed_stops_the_run_and_a_rerun_finishes_it(tmp_path: Path, pipeline,
                                                                monkeypatch, chunk_docs) -> None:
    """Workers write their own part files: a worker killed mid-batch (as the OOM killer
    would) ends the run with an error, and running it again adds only what is missing."""
    from ruextract import pool

    inputs, out = tmp_path / "in", tmp_path / "out"
    generated_articles(inputs, 12)
    real_process_batch = pool.process_batch

    def dies_on_article_7(worker_pipeline, docs, run_id):
        if any("Новость номер 7." in doc.text for doc in docs):
            os.kill(os.getpid(), signal.SIGKILL)
        return real_process_batch(worker_pipeline, docs, run_id)

    monkeypatch.setattr(pool, "process_batch", dies_on_article_7)  # forked workers inherit it
    with pytest.raises(pool.WorkerDied):
        pipeline_module.run([inputs], out, pipeline=pipeline, workers=2, batch_docs=2,
                            chunk_docs=chunk_docs)
    monkeypatch.setattr(pool, "process_batch", real_process_batch)
    again = pipeline_module.run([inputs], out, pipeline=pipeline, workers=2, batch_docs=2)
    assert again.processed + again.already_present == 12 and again.failed == 0
    doc_ids = store.read_table(out, "documents", columns=["doc_id"]).column("doc_id").to_pylist()
    assert len(doc_ids) == len(set(doc_ids)) == 12  # no document twice, none missing
    assert not list(out.rglob("*.tmp"))


# --------------------------------------------------------------------------- atomic output

def generated_articles(directory: Path, count: int) -> None:
    directory.mkdir(parents=True)
    cities = ["Казани", "Томске", "Новосибирске", "Перми", "Самаре", "Уфе", "Твери", "Калуге"]
    for n in range(count):
        city = cities[n % len(cities)]
        text = (f"Новость номер {n}. Делегация из Китая посетила технопарк в {city}. "
                f"Гости осмотрели площадки резидентов и обсудили проект номер {n}. ") * 6
        (directory / f"article_{n:03d}.txt").write_text(text, encoding="utf-8")


def test_killed_run_leaves_only_complete_parts_and_rerun_finishes(tmp_path: Path,
                                                                   pipeline) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    generated_articles(inputs, 40)
    script = textwrap.dedent(f"""
        from pathlib import Path
        from ruextract.pipeline import run
        run([Path({str(inputs)!r})], Path({str(out)!r}), workers=1, chunk_docs=5, batch_docs=5)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while not list((out / "documents").glob("*.parquet")):
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "no part file within 60 s"
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"

    parts = sorted(out.rglob("*.parquet"))
    assert parts
    for part in parts:
        pq.read_table(part)  # complete, readable files only
    killed_docs = store.read_table(out, "documents").num_rows
    assert 0 < killed_docs < 40

    summary = pipeline_module.run([inputs], out, pipeline=pipeline, workers=1, chunk_docs=5)
    assert summary.already_present == killed_docs  # the stale lock of the killed run is gone
    assert summary.processed == 40 - killed_docs
    doc_ids = store.read_table(out, "documents", columns=["doc_id"]).column("doc_id").to_pylist()
    assert len(doc_ids) == len(set(doc_ids)) == 40
    assert not (out / ".ruextract.lock").exists()
    assert not list(out.rglob("*.tmp")), "the killed run's temporary files are cleared"


def test_crash_between_tables_of_a_part_leaves_no_orphan_rows(tmp_path: Path, pipeline,
                                                               monkeypatch) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    generated_articles(inputs, 6)
    real_write = store.write_table

    def dies_before_second_documents(directory, table, rows, name):
        if table == "documents" and name.endswith("-00001"):
            raise KeyboardInterrupt  # the moment a SIGKILL can fall on
        return real_write(directory, table, rows, name)

    monkeypatch.setattr(store, "write_table", dies_before_second_documents)
    with pytest.raises(KeyboardInterrupt):
        pipeline_module.run([inputs], out, pipeline=pipeline, workers=1, chunk_docs=3,
                            batch_docs=3)
    monkeypatch.setattr(store, "write_table", real_write)
    pipeline_module.run([inputs], out, pipeline=pipeline, workers=1, chunk_docs=3)
    tokens = store.read_table(out, "tokens", columns=["doc_id", "token_id"]).to_pylist()
    keys = [(t["doc_id"], t["token_id"]) for t in tokens]
    assert len(keys) == len(set(keys))


# --------------------------------------------------------------------------- the lock

def test_second_lock_on_the_same_output_fails_clearly(tmp_path: Path) -> None:
    second = store.OutputLock(tmp_path / "out")
    with store.OutputLock(tmp_path / "out"), \
            pytest.raises(store.OutputLockedError, match="in use by another ruextract run"):
        second.__enter__()
    assert not second.held
    with store.OutputLock(tmp_path / "out"):  # released: the next run may go
        pass


def test_lock_of_a_dead_run_is_taken_over(tmp_path: Path) -> None:
    import socket

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    out = tmp_path / "out"
    out.mkdir()
    (out / ".ruextract.lock").write_text(f"{socket.gethostname()} {gone.pid}\n")
    (out / "tokens").mkdir()
    (out / "tokens" / ".part-x-00003.1234abcd.tmp").write_bytes(b"PAR1 half")
    (out / "tokens" / "part-x-00002.parquet").write_bytes(b"kept")
    (out / "documents").mkdir()  # the part is complete: its documents file landed
    (out / "documents" / "part-x-00002.parquet").write_bytes(b"kept")
    with store.OutputLock(out) as lock:
        assert lock.held
    assert [p.name for p in (out / "tokens").iterdir()] == ["part-x-00002.parquet"]


def test_an_interrupted_table_swap_is_undone_by_the_next_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".old-run1-mentions").mkdir(parents=True)  # moved aside, new table never arrived
    (out / ".old-run1-mentions" / "part-a.parquet").write_bytes(b"old")
    (out / ".old-run1-entities").mkdir()  # moved aside and replaced
    (out / "entities").mkdir()
    (out / ".staging-run1" / "relations").mkdir(parents=True)
    with store.OutputLock(out):
        pass
    assert (out / "mentions" / "part-a.parquet").read_bytes() == b"old"
    assert sorted(p.name for p in out.iterdir()) == ["entities", "mentions"]


@pytest.mark.parametrize("strict", [False, True])
def test_cli_run_that_reads_nothing_warns_and_names_what_it_passed_over(
        tmp_path: Path, pipeline, monkeypatch, strict: bool) -> None:
    monkeypatch.setattr(pipeline_module, "Pipeline", lambda *args, **kwargs: pipeline)
    saved = tmp_path / "saved"
    for name in ("news.php?id=101", "index.html.1", "article_2031_04_03"):
        (saved / name).parent.mkdir(parents=True, exist_ok=True)
        (saved / name).write_text(ARTICLE_A, encoding="utf-8")
    result = runner.invoke(app, ["run", str(saved), "--out", str(tmp_path / "out"),
                                 "--workers", "1", *(["--strict"] if strict else [])])
    output = cli_output(result)
    assert result.exit_code == (1 if strict else 0), output
    assert "Warning: no input was read" in output
    assert "passed over" in output and "news.php?id=101 (type .php?id=101)" in output
    assert "article_2031_04_03 (no extension)" in output


def test_a_listing_page_article_is_its_file_and_number(tmp_path: Path) -> None:
    assert store.source_file("pages/news.html#2", str(tmp_path)) == str(
        tmp_path / "pages" / "news.html")
    row = {"source": str(tmp_path / "news.html#2"), "format": "html", "run_id": "r"}
    # by its number it is no article across runs (the number moves as the page is edited)
    assert store.article_identity(row, {}, by_source=True) is None
    assert store.article_identity({**row, "url": "https://z.example/2"}, {}) == \
        "url https://z.example/2"
    single = {**row, "source": str(tmp_path / "page.html")}
    assert store.article_identity(single, {}, by_source=True) == \
        f"file {tmp_path / 'page.html'}"


def test_cli_run_into_a_locked_output_exits_3(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    out = tmp_path / "out"
    with store.OutputLock(out):
        result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(out),
                                     "--workers", "1"])
    assert result.exit_code == 3, cli_output(result)
    assert "in use by another ruextract run" in cli_output(result)
    assert not list(out.rglob("*.parquet"))


# --------------------------------------------------------------------------- unwritable, full

def test_output_under_a_file_is_a_clear_error_and_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    blocker = tmp_path / "not_a_directory"
    blocker.write_text("x")
    before = sorted(tmp_path.rglob("*"))
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out",
                                 str(blocker / "sub"), "--workers", "1"])
    assert result.exit_code == 3, cli_output(result)
    assert "Cannot write to" in cli_output(result)
    assert "Not a directory" in cli_output(result)
    assert sorted(tmp_path.rglob("*")) == before
    assert blocker.read_text() == "x"


@pytest.fixture
def full_disk(monkeypatch):
    """pyarrow writes half a file, then the disk is full."""

    def write_table(table, where, **kwargs):
        Path(where).write_bytes(b"PAR1 half a file")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(where))

    monkeypatch.setattr(store.pq, "write_table", write_table)


def test_disk_full_leaves_no_partial_files(tmp_path: Path, pipeline, full_disk) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(OSError) as raised:
        pipeline_module.run([tmp_path / "a.txt"], out, pipeline=pipeline, workers=1)
    assert raised.value.errno == errno.ENOSPC
    assert [p for p in out.rglob("*") if p.is_file()] == []


def test_cli_disk_full_exits_3(tmp_path: Path, pipeline, full_disk, monkeypatch) -> None:
    monkeypatch.setattr(pipeline_module, "Pipeline", lambda *args, **kwargs: pipeline)
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(out),
                                 "--workers", "1"])
    assert result.exit_code == 3, cli_output(result)
    assert "No space left on device" in cli_output(result)
    assert [p for p in out.rglob("*") if p.is_file()] == []


# --------------------------------------------------------------------------- rules

@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), directory)
    return directory


def append_rule(rules_dir: Path, text: str) -> int:
    """Append YAML to boilerplate.yaml; returns the line the addition starts on."""
    path = rules_dir / "boilerplate.yaml"
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(content + textwrap.dedent(text), encoding="utf-8")
    return content.count("\n") + 1


def test_yaml_that_would_run_code_is_refused_with_file_and_line(rules_copy: Path,
                                                                tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    line = append_rule(rules_copy, f"""\
        - id: boilerplate.evil
          pattern: !!python/object/apply:os.system ["touch {marker}"]
        """)
    with pytest.raises(RuleValidationError) as raised:
        load_rules(rules_copy)
    (problem,) = raised.value.problems
    assert str(problem).startswith(f"{rules_copy / 'boilerplate.yaml'}:{line + 1}: ")
    assert "python/object/apply" in problem.message
    assert not marker.exists()


def test_invalid_rule_stops_the_run_before_any_input_is_read(rules_copy: Path, tmp_path: Path,
                                                             monkeypatch) -> None:
    line = append_rule(rules_copy, """\
        - id: boilerplate.broken
          pattern: '([unclosed'
        """)

    def must_not_read(*args, **kwargs):
        raise AssertionError("an input was read despite invalid rules")

    monkeypatch.setattr("ruextract.stages.read_inputs", must_not_read)
    monkeypatch.setattr("ruextract.ingest.read_file", must_not_read)
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--rules", str(rules_copy),
                                 "--out", str(out), "--workers", "1"])
    assert result.exit_code == 2, cli_output(result)
    output = cli_output(result)
    assert f"boilerplate.yaml:{line}: bad regular expression in 'boilerplate.broken'" in output
    assert not out.exists()


def test_catastrophic_boilerplate_regex_cannot_hang(rules_copy: Path) -> None:
    append_rule(rules_copy, """\
        - id: boilerplate.catastrophic
          pattern: '(a|aa)+$'
        """)
    rules = load_rules(rules_copy)
    raw = "".join("a" * (40 + n) + "!\n" for n in range(40)) + "Делегация посетила технопарк.\n"
    started = time.monotonic()
    result = normalise(raw, rules.boilerplate)
    elapsed = time.monotonic() - started
    # without the bound this takes ages (backtracking doubles with every «a»); the margin is
    # wide because a shared, loaded machine may run the bounded work many times slower
    assert elapsed < 60, f"{elapsed:.1f} s: the timeout must bound the whole document"
    assert result.text.splitlines()[-1] == "Делегация посетила технопарк."
    assert len(result.text.splitlines()) == 41  # the lines the rule could not decide are kept


def test_catastrophic_regex_in_a_rule_example_is_a_rule_problem(rules_copy: Path) -> None:
    append_rule(rules_copy, """\
        - id: boilerplate.catastrophic
          pattern: '(a|aa)+$'
          examples: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!']
        """)
    with pytest.raises(RuleValidationError, match="timed out"):
        load_rules(rules_copy)


def test_a_force_run_killed_before_dropping_old_rows_is_repaired(tmp_path: Path, pipeline,
                                                                 monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    out = tmp_path / "out"
    pipeline_module.run([tmp_path / "a.txt"], out, pipeline=pipeline)

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the run dies between writing new rows and dropping old

    monkeypatch.setattr(store, "drop_documents", killed)
    with pytest.raises(KeyboardInterrupt):
        pipeline_module.run([tmp_path / "a.txt"], out, pipeline=pipeline, force=True)
    monkeypatch.undo()
    assert len(pq.read_table(out / "documents")) == 2  # the article twice
    with store.OutputLock(out):
        pass
    for table, key in (("documents", ["doc_id"]), ("tokens", ["doc_id", "token_id"]),
                       ("mentions", ["doc_id", "mention_id"])):
        rows = pq.read_table(out / table, columns=key).to_pandas()
        assert not rows.duplicated().any(), table


def test_a_pattern_set_spacy_found_valid_is_not_checked_again(rules_copy: Path, tmp_path: Path,
                                                              monkeypatch) -> None:
    from ruextract import rules as rules_module

    monkeypatch.setenv("RUEXTRACT_CACHE_DIR", str(tmp_path / "cache"))
    checks = []
    original = rules_module._spacy_check
    monkeypatch.setattr(rules_module, "_spacy_check",
                        lambda *args: (checks.append(1), original(*args)))
    load_rules(rules_copy)
    load_rules(rules_copy)
    assert len(checks) == 1

    path = rules_copy / "entities.yaml"  # a malformed pattern is checked (and refused) each time
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('{ORTH: "«"}', '{ORTH: "«", OP: "?!"}', 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleValidationError, match="malformed spaCy pattern"):
            load_rules(rules_copy)
    assert len(checks) == 3

"""End to end: the CLI on the sample corpus and on the seeds, the output contract, offsets
that slice back to surfaces, and gold scores asserted as floors that may only rise."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import CORPUS, GOLD
from ruextract import __version__
from ruextract.cli import app
from ruextract.evaluate import evaluate, predictions_from_output
from ruextract.gold import read_gold

runner = CliRunner()
CONTRACT = {
    "documents": ["doc_id", "source", "external_id", "url", "date", "title", "text", "raw_text",
                  "encoding", "n_sentences", "n_tokens", "run_id"],
    "tokens": ["doc_id", "sent_id", "token_id", "start", "end", "text", "lemma", "pos", "feats",
               "head_id", "rel"],
    "mentions": ["doc_id", "mention_id", "entity_id", "type", "start", "end", "raw_start",
                 "raw_end", "text", "normal", "sent_id", "source"],
    "entities": ["doc_id", "entity_id", "entity_key", "type", "normal", "n_mentions", "aliases",
                 "origin_key", "origin_country"],
    "relations": ["doc_id", "relation_id", "type", "arg1_id", "arg1_type", "arg1_normal",
                  "arg2_id", "arg2_type", "arg2_normal", "role", "sent_id", "evidence", "rule",
                  "arg1_key", "arg2_key", "origin_key", "origin_country"],
    "names": ["entity_key", "alias", "n_documents"],
    "errors": ["source", "stage", "error", "message", "run_id"],
}
# Floors measured on this code (see the issue notes); raise them when the scores rise.
CORPUS_FLOORS = {"PER": 0.97, "LOC": 0.95, "ORG": 0.95, "PARK": 0.90, "EVENT": 0.95}
# Issue 2's targets on the seeds: PER/ORG/LOC ≥ 0.90, PARK ≥ 0.85, normal forms ≥ 0.95.
SEED_FLOORS = {"PER": 0.93, "LOC": 0.95, "ORG": 0.90, "PARK": 0.90, "EVENT": 0.8}
NORMAL_FLOOR = {"corpus": 0.98, "seeds": 0.98}
# relations' micro F1 at the default confidence (the thirty-ninth session's .987 and .857)
RELATION_FLOOR = {"corpus": 0.985, "seeds": 0.855}
# Things (gold canonical ids) in two or more documents that get exactly one key; seeds and
# corpus are also run as one batch.
# tests/fixtures/keys: invented articles that name one zone, company, country and region
# in the ways the issue lists (КНР/Китай/Поднебесная, ОЭЗ/особая экономическая зона/«…» in
# any case, Подмосковье, legal forms), gold in tests/gold/keys.jsonl (canonical ids only).
KEY_FLOORS = {"corpus": 1.0, "seeds": 1.0, "both": 1.0, "keys": 1.0}


def _run(inputs: list[str], out: Path) -> None:
    result = runner.invoke(app, ["run", *inputs, "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "out"
    _run([str(CORPUS)], out)
    return out


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory, seed_files) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "out"
    _run([str(p) for p in seed_files], out)
    return out


@pytest.fixture(scope="module")
def both_out(tmp_path_factory, seed_files) -> Path:
    out = tmp_path_factory.mktemp("both") / "out"
    _run([str(CORPUS), *(str(p) for p in seed_files)], out)
    return out


@pytest.fixture(scope="module")
def keys_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("keys") / "out"
    _run([str(GOLD.parent / "fixtures" / "keys")], out)
    return out


def test_version_and_help():
    assert __version__ in runner.invoke(app, ["--version"]).output
    for command in (["run"], ["evaluate"], ["rules", "check"], ["rules", "list"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_python_dash_m_is_the_console_script(tmp_path):
    """``python -m ruextract`` runs the same app, under the same program name."""
    import subprocess
    import sys

    def call(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ruextract", *args], capture_output=True,
                              text=True, timeout=120, cwd=tmp_path)

    assert call("--version").stdout.strip() == f"ruextract {__version__}"
    usage = call("rules", "check", "--help")
    assert usage.returncode == 0 and "Usage: ruextract rules check" in usage.stdout
    assert call("rules", "check").returncode == 0
    assert call("no-such-command").returncode == 2


def test_output_contract(corpus_out):
    for table, columns in CONTRACT.items():
        frame = pd.read_parquet(corpus_out / table)
        assert set(columns) <= set(frame.columns), (table, set(columns) - set(frame.columns))
    manifest = json.loads((corpus_out / "manifest.json").read_text())
    assert {"run_id", "time", "versions", "rules_fingerprint", "counts"} <= set(manifest)
    assert {"ruextract", "natasha", "spacy", "pymorphy3"} <= set(manifest["versions"])
    # the summary counts rows as written: one row per fact, however many entities of a key
    relations = pd.read_parquet(corpus_out / "relations")["type"].value_counts().to_dict()
    assert manifest["counts"]["relations"] == relations


def test_a_rerun_counts_relations_as_the_table_holds_them(corpus_out, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(corpus_out, out)
    result = runner.invoke(app, ["run", "--from-stage", "entities", "--out", str(out)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    relations = pd.read_parquet(out / "relations")["type"].value_counts().to_dict()
    assert manifest["counts"]["relations"] == relations


def test_corpus_is_fully_processed(corpus_out):
    documents = pd.read_parquet(corpus_out / "documents")
    errors = pd.read_parquet(corpus_out / "errors")
    assert len(errors) == 0, errors.to_dict("records")
    assert len(documents) == 11  # 8 txt, 1 html, 2 jsonl rows
    assert {e.split()[0] for e in documents.encoding} >= {"cp1251", "koi8-r"}
    assert documents.doc_id.is_unique
    jsonl = documents[documents.format == "jsonl"]
    assert sorted(jsonl.external_id) == ["sample-jsonl-1", "sample-jsonl-2"]
    assert all(":" in source for source in jsonl.source)
    html = documents[documents.format == "html"].iloc[0]
    assert "<script" not in html.raw_text and "Пример" not in html.text


def test_every_mention_slices_back_to_its_surface(corpus_out):
    documents = pd.read_parquet(corpus_out / "documents").set_index("doc_id")
    mentions = pd.read_parquet(corpus_out / "mentions")
    assert len(mentions) > 100
    for row in mentions.itertuples():
        doc = documents.loc[row.doc_id]
        assert doc.text[row.start:row.end] == row.text
        raw = doc.raw_text[row.raw_start:row.raw_end]
        assert " ".join(raw.replace("\u00a0", " ").split()) == " ".join(row.text.split()) or (
            raw.replace("\u2011", "-").replace('"', "«") != ""), (raw, row.text)


def test_entity_keys_are_stable_across_runs(corpus_out, tmp_path):
    again = tmp_path / "again"
    _run([str(CORPUS / "sample_01.txt")], again)
    first = pd.read_parquet(corpus_out / "entities")
    second = pd.read_parquet(again / "entities")
    assert set(second.entity_key) <= set(first.entity_key)
    assert set(pd.read_parquet(again / "documents").doc_id) <= set(
        pd.read_parquet(corpus_out / "documents").doc_id)


@pytest.mark.parametrize("gold_name, output, floors", [
    ("corpus", "corpus_out", CORPUS_FLOORS),
    ("seeds", "seeds_out", SEED_FLOORS),
])
def test_scores_do_not_drop(request, gold_name, output, floors):
    out = request.getfixturevalue(output)  # the seeds' fixture skips where ../shared is absent
    result = evaluate(read_gold(GOLD / f"{gold_name}.jsonl"), predictions_from_output(out))
    assert not result.unmatched_gold
    for entity_type, floor in floors.items():
        assert result.mentions[entity_type].f1 >= floor, (entity_type, result.as_dict())
    assert result.normal_accuracy >= NORMAL_FLOOR[gold_name]
    assert result.micro(result.relations).f1 >= RELATION_FLOOR[gold_name], result.as_dict()


@pytest.mark.parametrize("gold_names, output", [
    (["corpus"], "corpus_out"), (["seeds"], "seeds_out"), (["seeds", "corpus"], "both_out"),
    (["keys"], "keys_out"),
])
def test_one_thing_one_key_does_not_drop(request, gold_names, output):
    out = request.getfixturevalue(output)
    gold = [doc for name in gold_names for doc in read_gold(GOLD / f"{name}.jsonl")]
    result = evaluate(gold, predictions_from_output(out))
    floor = KEY_FLOORS[gold_names[0] if len(gold_names) == 1 else "both"]
    assert result.recurring_things
    assert result.one_key_share >= floor, result.as_dict()["keys"]
    assert result.keys_covering_two_things == []


def test_seed_boilerplate_is_not_in_the_text(seeds_out):
    text = "\n".join(pd.read_parquet(seeds_out / "documents").text)
    for noise in (".JPG", "format(webp)", "Войдите на сайт", "телеграм-канал", "©", "logo"):
        assert noise not in text


def test_evaluate_command(corpus_out, tmp_path):
    report = tmp_path / "scores.json"
    result = runner.invoke(app, ["evaluate", str(corpus_out), "--gold",
                                 str(GOLD / "corpus.jsonl"), "--errors", "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert "PARK" in result.output and "normal-form accuracy" in result.output
    figures = json.loads(report.read_text())
    assert figures["pipeline"]["mentions_micro"]["f1"] > 0.8
    # a gold line short of one mention: the run's mention is a false positive, F1 below 1
    lines = (GOLD / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["mentions"] = first["mentions"][1:]
    short = tmp_path / "short.jsonl"
    short.write_text("\n".join([json.dumps(first, ensure_ascii=False), *lines[1:]]) + "\n",
                     encoding="utf-8")
    failing = runner.invoke(app, ["evaluate", str(corpus_out), "--gold", str(short),
                                  "--min-f1", "0.999"])
    assert failing.exit_code == 1
    not_a_run = runner.invoke(app, ["evaluate", str(CORPUS), "--gold",
                                    str(GOLD / "corpus.jsonl")])
    assert not_a_run.exit_code == 2 and "holds no run output" in not_a_run.output
    curve = runner.invoke(app, ["evaluate", str(corpus_out), "--gold",
                                str(GOLD / "corpus.jsonl"), "--curve"])
    assert curve.exit_code == 0 and "the curve starts there" in curve.output


def test_rerun_from_entities_stage_gives_the_same_tables(corpus_out):
    before = pd.read_parquet(corpus_out / "mentions").sort_values(["doc_id", "mention_id"])
    result = runner.invoke(app, ["run", "--from-stage", "entities", "--out", str(corpus_out)])
    assert result.exit_code == 0, result.output
    after = pd.read_parquet(corpus_out / "mentions").sort_values(["doc_id", "mention_id"])
    columns = ["doc_id", "type", "start", "end", "normal", "raw_start", "raw_end"]
    assert before[columns].reset_index(drop=True).equals(after[columns].reset_index(drop=True))
    assert not list(corpus_out.glob(".staging-*")) and not list(corpus_out.glob(".old-*"))


def test_rules_list_counts_matches_and_says_boilerplate_leaves_none_to_count(corpus_out):
    result = runner.invoke(app, ["rules", "list", "--out", str(corpus_out)])
    assert result.exit_code == 0, result.output
    rows = [line.rstrip(" │").rsplit("│", 1) for line in result.output.splitlines()
            if line.startswith("│") and "│" in line[1:]]
    counts = [cell.strip() for _, cell in (row for row in rows if len(row) == 2)]
    assert "—" in counts  # the boilerplate rules'
    assert any(cell.isdigit() and int(cell) > 0 for cell in counts)


def test_inputs_given_with_from_stage_are_said_to_be_unused(corpus_out):
    result = runner.invoke(app, ["run", str(CORPUS), "--from-stage", "relations",
                                 "--out", str(corpus_out)])
    assert result.exit_code == 0, result.output
    assert "are not used" in " ".join(result.output.split())


def test_invalid_rules_stop_the_run_before_reading(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "entities.yaml").write_text(
        "- id: bad.rule\n  label: PLACE\n  pattern: [{LEMMA: {BAD_KEY: 1}}]\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(tmp_path / "out"),
                                 "--rules", str(rules)])
    assert result.exit_code == 2
    assert "entities.yaml:1" in result.output and "PLACE" in result.output
    assert not (tmp_path / "out").exists()
    check = runner.invoke(app, ["rules", "check", str(rules)])
    assert check.exit_code == 2


def _rules_copy(tmp_path: Path) -> Path:
    from ruextract.rules import default_rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    return rules


def test_a_rule_naming_no_method_is_invalid_before_the_run(tmp_path):
    rules = _rules_copy(tmp_path)
    path = rules / "relations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "method: delegation_origin\n", "method: delegation_origin_typo\n", 1), encoding="utf-8")
    check = runner.invoke(app, ["rules", "check", str(rules)])
    assert check.exit_code == 2 and "delegation_origin_typo" in check.output
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(tmp_path / "out"),
                                 "--rules", str(rules)])
    assert result.exit_code == 2 and "relations.yaml:" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("file, old, new, said", [
    ("relations.yaml", "confidence: 0.9\n", "confidence: high\n",
     "confidence must be a number, got 'high'"),
    ("relations.yaml", "confidence: 0.9\n", "confidence: 1.7\n",
     "confidence must be between 0.0 and 1.0, got 1.7"),
    ("relations.yaml", "confidence: 0.9\n", "confidence: 0.9\n  window: -2\n",
     "window must be at least 0, got -2"),
    ("entities.yaml", "priority: 20\n", "priority: twenty\n",
     "priority must be a whole number, got 'twenty'"),
    ("relations.yaml", "trigger: visit_triggers\n", "trigger: visit_trigers\n",
     "did you mean visit_triggers?"),
    ("entities.yaml", "priority: 20\n", "priority: 20\n  keep: from:99\n",
     "keep: from:99 points past the pattern"),
    ("entities.yaml", "priority: 20\n", "priority: 20\n  keep: from:0,upto:99\n",
     "keep: from:0,upto:99 points past the pattern"),
    ("entities.yaml", "priority: 20\n", "priority: 20\n  keep: upto:1,from:0\n",
     "'from:N,upto:M'"),
])
def test_a_rule_value_of_the_wrong_kind_is_named_at_its_rule(tmp_path, file, old, new, said):
    rules = _rules_copy(tmp_path)
    path = rules / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    check = runner.invoke(app, ["rules", "check", str(rules)])
    assert check.exit_code == 2 and said in check.output and f"{file}:" in check.output


def test_rules_check_notes_a_rule_file_of_no_rules_and_an_empty_trigger_list(tmp_path):
    rules = _rules_copy(tmp_path)
    (rules / "relations.yaml").write_text("", encoding="utf-8")
    check = runner.invoke(app, ["rules", "check", str(rules)])
    assert check.exit_code == 0 and "relations.yaml is missing or holds no rules" in check.output
    rules = _rules_copy(tmp_path / "again")
    (rules / "words" / "visit_triggers.txt").write_text("# none\n", encoding="utf-8")
    check = runner.invoke(app, ["rules", "check", str(rules)])
    assert check.exit_code == 0 and "visit_triggers.txt has no words" in check.output


@pytest.mark.parametrize("text, said", [
    ("- id: park.one\n  label: PARK\n  pattern: [{LOWER: технопарк}]\n  colour: red\n",
     "entities.yaml:4: unknown key 'colour'"),  # the key's own line, not the rule's
    ("- id: park.one\n  label: PARK\n  pattern: [{LOWER: технопарк}]\n- технопарк\n",
     "entities.yaml:4: a rule must be a mapping"),
    ("- id: park.one\n  label: PARK\n  pattern: [{LOWER: технопарк}\n",
     "YAML syntax error: "),
])
def test_rule_file_problems_are_told_at_their_own_line(tmp_path, text, said):
    rules = _rules_copy(tmp_path)
    (rules / "entities.yaml").write_text(text, encoding="utf-8")
    check = runner.invoke(app, ["rules", "check", str(rules)])
    assert check.exit_code == 2 and said in check.output
    assert "<unicode string>" not in check.output


def test_args_written_as_a_string_is_named_not_a_traceback(tmp_path):
    rules = _rules_copy(tmp_path)
    path = rules / "relations.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  args: {arg1: [DELEGATION], arg2: [LOC, ORG, PARK]}\n"
    assert old in text
    path.write_text(text.replace(old, "  args: DELEGATION\n", 1), encoding="utf-8")
    check = runner.invoke(app, ["rules", "check", str(rules)])
    assert check.exit_code == 2 and "args must be a mapping" in check.output


def test_a_word_list_the_pipeline_reads_missing_is_invalid_and_a_rerun_leaves_out_alone(
        tmp_path, corpus_out):
    rules = _rules_copy(tmp_path)
    (rules / "words" / "key_org_forms.txt").unlink()
    check = runner.invoke(app, ["rules", "check", str(rules)])
    assert check.exit_code == 2 and "word list 'key_org_forms' is missing" in check.output
    out = tmp_path / "out"
    shutil.copytree(corpus_out, out)
    before = {path.relative_to(out): path.read_bytes() for path in out.rglob("*")
              if path.is_file()}
    result = runner.invoke(app, ["run", "--from-stage", "entities", "--out", str(out),
                                 "--rules", str(rules)])
    assert result.exit_code == 2
    assert {path.relative_to(out): path.read_bytes() for path in out.rglob("*")
            if path.is_file()} == before


def test_word_lists_saved_with_a_bom_read_alike_and_other_code_pages_are_named(tmp_path):
    from ruextract.rules import load_rules

    rules = _rules_copy(tmp_path)
    path = rules / "words" / "visit_triggers.txt"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert load_rules(rules).wordlists["visit_triggers"] == \
        load_rules().wordlists["visit_triggers"]
    path.write_bytes(text.encode("cp1251"))
    check = runner.invoke(app, ["rules", "check", str(rules)])
    assert check.exit_code == 2 and "visit_triggers.txt" in check.output \
        and "UTF-8" in check.output


def test_documents_kept_from_other_rules_are_told(tmp_path):
    """A second run into the same output with edited rules skips the documents already there,
    and says that they keep what the earlier rules made of them."""
    from ruextract.rules import default_rules_dir

    text = tmp_path / "in" / "a.txt"
    text.parent.mkdir()
    text.write_text("Делегация из Кении посетила технопарк «Орион» в Твери.", encoding="utf-8")
    out = tmp_path / "out"
    first = runner.invoke(app, ["run", str(text.parent), "--out", str(out), "--workers", "1"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["run", str(text.parent), "--out", str(out), "--workers", "1"])
    assert "other rules" not in again.output
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    titles = rules / "words" / "post_titles.txt"
    titles.write_text(titles.read_text(encoding="utf-8") + "юнга\n", encoding="utf-8")
    edited = runner.invoke(app, ["run", str(text.parent), "--out", str(out), "--workers", "1",
                                 "--rules", str(rules)])
    assert edited.exit_code == 0, edited.output
    assert "1 documents already in" in edited.output and "other rules" in edited.output

"""``ruextract diff``: small hand-made outputs (exact changes and gold marks), then two real
runs of the sample corpus, before and after a rule edit re-run with ``--from-stage``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, GOLD
from ruextract import rerun, store
from ruextract.cli import app
from ruextract.diff import diff_outputs
from ruextract.gold import (
    ENTITY_TYPES,
    RELATION_TYPES,
    GoldDoc,
    GoldMention,
    GoldRelation,
    fold,
    read_gold,
)
from ruextract.pipeline import run
from ruextract.rules import default_rules_dir, load_rules

TEXT = "Делегация из Китая посетила технопарк «Идея». Её встретил Иван Петров из «Ромашки»."


def write_output(out: Path, mentions: list[str], relations: list[str] = (),
                 text: str = TEXT, doc_id: str = "d1", source: str = "/in/a.txt") -> Path:
    """One document's tables. A mention is ``surface TYPE source``, a relation
    ``TYPE arg1 > arg2 rule``; each mention is its own entity."""
    split = text.find("Её") % (len(text) + 1)  # two sentences, or one
    sentences = [(0, split), (split, len(text))] if split else [(0, len(text))]
    store.write_table(out, "documents", [{"doc_id": doc_id, "source": source, "text": text,
                                          "raw_text": text}], f"part-{doc_id}")
    store.write_table(out, "tokens", [{"doc_id": doc_id, "sent_id": i, "token_id": i,
                                       "start": a, "end": b} for i, (a, b) in enumerate(sentences)],
                      f"part-{doc_id}")
    mention_rows, entity_rows = [], []
    for i, line in enumerate(mentions):
        surface, mention_type, origin = line.rsplit(" ", 2)
        start = text.index(surface)
        sent_id = next(n for n, (a, b) in enumerate(sentences) if a <= start < b)
        mention_rows.append({"doc_id": doc_id, "mention_id": i, "entity_id": i,
                             "type": mention_type, "start": start, "end": start + len(surface),
                             "raw_start": start, "raw_end": start + len(surface),
                             "text": surface, "normal": surface, "sent_id": sent_id,
                             "source": origin})
        entity_rows.append({"doc_id": doc_id, "entity_id": i, "type": mention_type,
                            "entity_key": f"{mention_type}:{fold(surface)}", "normal": surface,
                            "n_mentions": 1, "aliases": []})
    relation_rows = []
    for i, line in enumerate(relations):
        head, rule = line.rsplit(" ", 1)
        relation_type, args = head.split(" ", 1)
        arg1, arg2 = args.split(" > ")
        relation_rows.append({"doc_id": doc_id, "relation_id": i, "type": relation_type,
                              "arg1_normal": arg1, "arg2_normal": arg2, "sent_id": 0,
                              "evidence": "Делегация из Китая посетила технопарк «Идея».",
                              "rule": rule})
    store.write_table(out, "mentions", mention_rows, f"part-{doc_id}")
    store.write_table(out, "entities", entity_rows, f"part-{doc_id}")
    store.write_table(out, "relations", relation_rows, f"part-{doc_id}")
    return out


BEFORE = ["Китая LOC ner", "Идея ORG ner", "Иван Петров PER ner"]
AFTER = ["Китая LOC ner", "технопарк «Идея» PARK rule:park.quoted_head", "Иван Петров PER ner"]


def changes(result) -> list[tuple]:
    return [(c.kind, c.change, c.type, c.rule, c.text, c.gold) for c in result.changes]


def test_no_change(tmp_path: Path) -> None:
    old = write_output(tmp_path / "old", BEFORE, ["VISITED delegation:Китай > Идея v.one"])
    new = write_output(tmp_path / "new", BEFORE, ["VISITED delegation:Китай > Идея v.one"])
    result = diff_outputs(old, new)
    assert result.documents == 1 and result.changes == []


def test_added_and_removed_by_type_and_rule(tmp_path: Path) -> None:
    old = write_output(tmp_path / "old", BEFORE, ["VISITED delegation:Китай > Идея v.one"])
    new = write_output(tmp_path / "new", AFTER, ["VISITED delegation:Китай > «Идея» v.one",
                                                 "WORKS_FOR Иван Петров > Ромашка w.from"])
    result = diff_outputs(old, new)
    assert changes(result) == [
        ("mentions", "removed", "ORG", "ner", "Идея", None),
        ("mentions", "added", "PARK", "rule:park.quoted_head", "технопарк «Идея»", None),
        ("entities", "removed", "ORG", "ner", "ORG:идея", None),
        ("entities", "added", "PARK", "rule:park.quoted_head", "PARK:технопарк идея", None),
        # «Идея» and Идея fold alike: the same relation, not a change
        ("relations", "added", "WORKS_FOR", "w.from", "Иван Петров → Ромашка", None),
    ]
    mention = result.changes[1]
    assert mention.doc == "a.txt" and mention.evidence == TEXT[:TEXT.index(" Её")]
    assert result.changes[-1].evidence.startswith("Делегация")  # the relation's own evidence
    counts = result.counts()
    assert counts["mentions"][("PARK", "rule:park.quoted_head")]["added"] == 1
    assert counts["relations"] == {("WORKS_FOR", "w.from"): {"added": 1}}


@pytest.mark.parametrize("types, rules, expected", [
    (["PARK"], [], ["технопарк «Идея»", "PARK:технопарк идея"]),
    ([], ["park.*"], ["технопарк «Идея»", "PARK:технопарк идея"]),
    ([], ["rule:park.quoted_head"], ["технопарк «Идея»", "PARK:технопарк идея"]),
    (["ORG"], ["ner"], ["Идея", "ORG:идея"]),
    (["WORKS_*"], [], ["Иван Петров → Ромашка"]),
    (["PER"], [], []),
])
def test_filters(tmp_path: Path, types, rules, expected) -> None:
    old = write_output(tmp_path / "old", BEFORE)
    new = write_output(tmp_path / "new", AFTER, ["WORKS_FOR Иван Петров > Ромашка w.from"])
    assert [c.text for c in diff_outputs(old, new).select(types, rules).changes] == expected


def test_gold_marks(tmp_path: Path) -> None:
    old = write_output(tmp_path / "old", ["Китая LOC ner", "Идея ORG ner", "Петров PER ner"],
                       ["VISITED delegation:Китай > Идея v.one"])
    new = write_output(tmp_path / "new", ["Иван Петров PER ner", "Идея PARK rule:p",
                                          "Делегация DELEGATION rule:d"],
                       ["WORKS_FOR Иван Петров > Ромашка w.from"])

    def at(surface: str, mention_type: str) -> GoldMention:
        return GoldMention(TEXT.index(surface), TEXT.index(surface) + len(surface),
                           mention_type, surface)

    gold = GoldDoc("a.txt", None, [at("Китая", "LOC"), at("Иван Петров", "PER"),
                                   at("Идея", "PARK")],
                   [GoldRelation("VISITED", ("delegation:Китай",), ("технопарк «Идея»", "Идея"))],
                   ENTITY_TYPES, RELATION_TYPES)
    result = diff_outputs(old, new, [gold])
    assert [(c.change, c.type, c.text, c.gold) for c in result.changes
            if c.kind != "entities"] == [
        ("added", "DELEGATION", "Делегация", None),  # not a type the gold annotates
        ("removed", "LOC", "Китая", "break"),
        ("removed", "ORG", "Идея", "removed FP"),
        ("added", "PARK", "Идея", "fix"),
        ("added", "PER", "Иван Петров", "fix"),
        ("removed", "PER", "Петров", "removed FP"),
        ("removed", "VISITED", "delegation:Китай → Идея", "break"),
        ("added", "WORKS_FOR", "Иван Петров → Ромашка", "new FP"),
    ]
    assert {c.gold for c in result.changes if c.kind == "entities"} == {None}
    # a document the gold does not hold gets no mark
    assert {c.gold for c in diff_outputs(old, new, []).changes} == {None}


def test_documents_in_one_output_only_are_not_compared(tmp_path: Path) -> None:
    old = write_output(tmp_path / "old", BEFORE)
    new = write_output(tmp_path / "new", BEFORE)
    write_output(new, AFTER, text="Другой текст: технопарк «Идея», Китая, Иван Петров.",
                 doc_id="d2", source="/in/b.txt")
    result = diff_outputs(old, new)
    assert (result.documents, result.only_old, result.only_new) == (1, [], ["b.txt"])
    assert result.changes == []


def test_cli_counts_details_and_json(tmp_path: Path) -> None:
    old = write_output(tmp_path / "old", BEFORE)
    new = write_output(tmp_path / "new", AFTER)
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert "mentions: +1 −1" in result.output and "relations: no change" in result.output
    assert "технопарк «Идея»" not in result.output  # counts only
    result = runner.invoke(app, ["diff", str(old), str(new), "-v", "--type", "PARK"])
    assert "+ a.txt: технопарк «Идея» — Делегация из Китая" in result.output
    assert "ORG" not in result.output  # filtered out
    data = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--json"]).output)
    assert data["counts"]["mentions"] == [
        {"type": "ORG", "rule": "ner", "removed": 1},
        {"type": "PARK", "rule": "rule:park.quoted_head", "added": 1},
    ]
    assert len(data["changes"]) == 4
    assert runner.invoke(app, ["diff", str(old), str(tmp_path)]).exit_code == 2


# --------------------------------------------------------------------------- real runs


@pytest.mark.slow
def test_two_real_runs_before_and_after_a_rule_edit(tmp_path: Path) -> None:
    """The sample corpus, then the same output re-run from the relations stage with two
    visit triggers taken out: the diff holds exactly the relations that went and came."""
    old = tmp_path / "old"
    run(sorted(CORPUS.glob("sample_0*.txt")), old, workers=1)
    new = tmp_path / "new"
    shutil.copytree(old, new)
    rules_dir = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules_dir)
    triggers = rules_dir / "words" / "visit_triggers.txt"
    lines = triggers.read_text(encoding="utf-8").splitlines()
    triggers.write_text("\n".join(w for w in lines if w not in {"посетить", "осмотреть"}) + "\n",
                        encoding="utf-8")
    rerun.rerun(new, "relations", rules=load_rules(rules_dir), workers=1)

    result = diff_outputs(old, new, read_gold(GOLD / "corpus.jsonl"))
    assert result.documents == 8 and not result.only_old and not result.only_new
    # the relations stage keeps the mentions; it finds delegations again
    assert {c.type for c in result.changes if c.kind != "relations"} <= {"DELEGATION"}
    result = result.select([], ["visited.*"])
    removed = [c for c in result.changes if c.change == "removed"]
    assert removed and all(c.type == "VISITED" and c.rule for c in removed)
    assert any("посетил" in c.evidence for c in removed)
    assert "break" in {c.gold for c in removed}

    def relation_keys(out: Path) -> set[tuple]:
        rows = store.read_table(out, "relations").to_pylist()
        return {(r["doc_id"], r["type"], fold(r["arg1_normal"]), fold(r["arg2_normal"]))
                for r in rows if r["rule"].startswith("visited.")}

    before, after = relation_keys(old), relation_keys(new)
    assert len(removed) == len(before - after)
    assert len(result.changes) - len(removed) == len(after - before)

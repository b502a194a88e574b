"""``--from-stage`` re-does only the documents an edit can reach (``reach``), and its tables
are those of a re-run of every document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CORPUS
from ruextract import memo, reach, rerun, store
from ruextract.doc import fold
from ruextract.pipeline import Pipeline, run
from ruextract.rules import default_rules_dir, load_rules
from test_rerun import rows

TABLES = ("mentions", "entities", "relations", "names")


def edited(tmp_path: Path, file: str, old: str, new: str) -> Path:
    directory = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), directory)
    text = (directory / file).read_text(encoding="utf-8")
    assert old in text
    (directory / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


def redone_by(monkeypatch) -> list[str]:
    """The documents whose relations are found again from now on."""
    from ruextract.relations import RelationExtractor

    extracted: list[str] = []
    original = RelationExtractor.extract
    monkeypatch.setattr(RelationExtractor, "extract",
                        lambda self, doc: (extracted.append(doc.doc_id), original(self, doc)))
    return extracted


def a_word_of_one_document(out: Path) -> tuple[str, str]:
    """A lemma that one document holds and no other holds even part of; and that document."""
    words: dict[str, str] = {}
    for table, column in (("documents", "text"), ("tokens", "lemma"), ("mentions", "normal")):
        for row in store.read_table(out, table, columns=["doc_id", column]).to_pylist():
            words[row["doc_id"]] = words.get(row["doc_id"], "") + " " + fold(row[column] or "")
    tokens = store.read_table(out, "tokens", columns=["doc_id", "lemma", "pos"]).to_pylist()
    for token in tokens:
        lemma = token["lemma"]
        if token["pos"] == "NOUN" and len(lemma) > 6 and lemma.isalpha() and not any(
                lemma[:-1] in text for doc_id, text in words.items()
                if doc_id != token["doc_id"]):
            return lemma, token["doc_id"]
    raise AssertionError("every word is in two documents")


@pytest.mark.slow
@pytest.mark.parametrize("stage, file, old, new", [
    # a relation rule changed
    ("relations", "relations.yaml", "confidence: 0.9", "confidence: 0.55"),
    # a rule removed and another added (a rule of any arguments: every document)
    ("relations", "relations.yaml", "- id: headed_by.at_the_head", "- id: headed_by.renamed"),
    # a word list the relation matchers read, an entry removed
    ("relations", "words/visit_triggers.txt", "посетить\n", ""),
    # an entity word list, an entry added that no document holds
    ("entities", "words/event_nouns.txt", "форум\n", "форум\nколлоквиум\n"),
    # an entity word list, an entry removed that documents hold
    ("entities", "words/event_nouns.txt", "форум\n", ""),
    # a list keys are made with: every key afresh
    ("entities", "words/key_org_forms.txt", "ано\n", ""),
    # an entity rule: the documents holding one of its required words
    ("entities", "entities.yaml", "priority: 5\n", "priority: 25\n"),
    # an entity rule removed (its id changed: one removed, one added)
    ("entities", "entities.yaml", "- id: park.head_quoted\n", "- id: park.renamed\n"),
])
def test_a_rerun_of_the_documents_reached_equals_one_of_every_document(
        stored: Path, tmp_path: Path, stage: str, file: str, old: str, new: str) -> None:
    rules = load_rules(edited(tmp_path, file, old, new))
    targeted, everything = tmp_path / "targeted", tmp_path / "everything"
    shutil.copytree(stored, targeted)
    shutil.copytree(stored, everything)
    (everything / memo.RULES_PATH).unlink()

    rerun.rerun(targeted, stage, rules=rules, workers=1)
    rerun.rerun(everything, stage, rules=rules, workers=1)

    for table in TABLES:
        assert sorted(rows(targeted, table)) == sorted(rows(everything, table)), table
    if stage == "entities":  # (the relations stage alone does not say what made entities)
        assert memo.read_rules(targeted) == memo.read_rules(everything) == \
            reach.rules_record(rules, 0.0)


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["relations", "entities"])
def test_a_word_list_edit_reaches_the_documents_holding_its_word(
        stored: Path, tmp_path: Path, monkeypatch, stage: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(stored, out)
    word, doc_id = a_word_of_one_document(out)
    rules = load_rules(edited(tmp_path, "words/post_titles.txt", "\n", f"\n{word}\n"))
    extracted = redone_by(monkeypatch)

    rerun.rerun(out, stage, rules=rules, workers=1)
    assert extracted == [doc_id]

    extracted.clear()
    rerun.rerun(out, stage, rules=rules, workers=1)  # the same rules again: nothing to do
    assert extracted == []


@pytest.mark.slow
def test_the_record_is_dropped_when_a_run_adds_rows_of_other_rules(stored: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(stored, out)
    assert memo.read_rules(out) == reach.rules_record(load_rules(), 0.0)

    rules = load_rules(edited(tmp_path, "relations.yaml", "confidence: 0.9", "confidence: 0.5"))
    run(sorted(CORPUS.glob("sample_05.txt")), out, pipeline=Pipeline(rules))
    assert memo.read_rules(out) is None  # its rows and the earlier ones: other rules

    rerun.rerun(out, "entities", rules=rules, workers=1)  # every document, then known again
    assert memo.read_rules(out) == reach.rules_record(rules, 0.0)


class Rules:
    """What ``relations_edit`` reads of a rule set."""

    def __init__(self, relations, wordlists=None) -> None:
        self.relations = relations
        self.wordlists = wordlists or {}
        self.entities = []
        self.file_digests = {"entities.yaml": ""}

    def words(self, name: str) -> list[str]:
        return self.wordlists.get(name, [])


class Rule:
    def __init__(self, rule_id: str, text: str, args: dict | None = None) -> None:
        self.id, self.text = rule_id, text
        self.args = {"arg1": ["DELEGATION"], "arg2": ["LOC"]} if args is None else args

    def __repr__(self) -> str:
        return self.text


def edit_of(old: list[Rule], new: list[Rule], **changes) -> reach.Edit:
    rules = Rules(new, changes.get("new_lists"))
    record = reach.rules_record(Rules(old, changes.get("old_lists")), 0.0)
    return reach.relations_edit(record, rules, changes.get("min_confidence", 0.0))


DELEGATION_LOC = (frozenset({"DELEGATION"}), frozenset({"LOC"}))


@pytest.mark.parametrize("old, new, everything, arg_types", [
    ([Rule("a", "1"), Rule("b", "2")], [Rule("a", "1"), Rule("b", "2")], False, []),
    ([Rule("a", "1"), Rule("b", "2")], [Rule("a", "1"), Rule("b", "3")], False,
     [DELEGATION_LOC, DELEGATION_LOC]),
    ([Rule("a", "1")], [Rule("a", "1"), Rule("b", "2")], False, [DELEGATION_LOC]),  # added
    ([Rule("a", "1"), Rule("b", "2")], [Rule("b", "2")], False, [DELEGATION_LOC]),  # removed
    ([Rule("a", "1"), Rule("b", "2")], [Rule("b", "2"), Rule("a", "1")], False,  # moved
     [DELEGATION_LOC] * 4),
    ([Rule("a", "1", {})], [Rule("a", "2", {})], True, []),  # any arguments: everywhere
])
def test_which_relation_rules_changed(old, new, everything, arg_types) -> None:
    edit = edit_of(old, new)
    assert edit.everything == everything
    assert edit.arg_types == arg_types
    assert not edit.stems


def test_a_word_list_edit_gives_the_stems_of_its_changed_entries() -> None:
    rules = [Rule("a", "1")]
    edit = edit_of(rules, rules, old_lists={"titles": ["министр", "мэр"]},
                   new_lists={"titles": ["министр", "Губернатор", "посол = Посольство"]})
    assert edit.stems == {"мэ", "губернато", "посо", "посольств"}
    assert not edit.everything and not edit.keys_changed


def test_what_reaches_every_document() -> None:
    rules = [Rule("a", "1")]
    assert reach.relations_edit(None, Rules(rules), 0.0).everything  # rules not known
    assert edit_of(rules, rules, min_confidence=0.5).everything
    edit = edit_of(rules, rules, old_lists={"key_org_forms": ["ооо"]},
                   new_lists={"key_org_forms": ["ооо", "ао"]})
    assert edit.keys_changed and edit.stems == {"а"}


@pytest.mark.slow
@pytest.mark.parametrize("file, old, new", [
    ("relations.yaml", "confidence: 0.9", "confidence: 0.55"),
    ("words/visit_triggers.txt", "посетить\n", ""),
])
def test_a_rerun_after_a_relation_edit_equals_a_full_run_with_the_edit(
        stored: Path, tmp_path: Path, file: str, old: str, new: str) -> None:
    rules = load_rules(edited(tmp_path, file, old, new))
    out = tmp_path / "out"
    shutil.copytree(stored, out)
    rerun.rerun(out, "relations", rules=rules, workers=1)

    full = tmp_path / "full"
    run(sorted(CORPUS.glob("sample_0[1-4].txt")), full, pipeline=Pipeline(rules))
    for table in TABLES:
        assert sorted(rows(out, table)) == sorted(rows(full, table)), table


def test_another_gazetteer_makes_every_key_afresh() -> None:
    rules = Rules([Rule("a", "1")])
    record = reach.rules_record(rules, 0.0)
    assert not reach.relations_edit(record, rules, 0.0).keys_changed
    record["places"] = "another gazetteer"
    assert reach.relations_edit(record, rules, 0.0).keys_changed


@pytest.mark.parametrize("pattern, stems", [
    # the required token with the fewest values; «» and other one-letter words say nothing
    ([{"LEMMA": {"IN": ["технопарк", "наукоград"]}}, {"ORTH": "«"}, {"IS_PUNCT": False}],
     ["наукогра", "технопар"]),
    ([{"LOWER": "ОЭЗ"}, {"LEMMA": {"IN": ["зона", "парк"]}}], ["оэ"]),
    ([{"LEMMA": "технопарк", "OP": "?"}, {"ORTH": "«"}], None),  # optional: not required
    ([{"POS": "PROPN"}], None),
])
def test_what_an_entity_pattern_cannot_match_without(pattern, stems) -> None:
    assert reach._required_stems(pattern) == stems

"""Re-running the extraction stages on stored tokens: the memo beside the tables (normal
forms, and what each document's stored relations follow from), and stored rows in any order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from conftest import CORPUS
from ruextract import memo, rerun, store
from ruextract.pipeline import Pipeline, run
from ruextract.rules import default_rules_dir, load_rules
from ruextract.stored import StoredDocs

pytestmark = pytest.mark.slow
EXTRACTION_TABLES = ("mentions", "entities", "relations")


def rows(out: Path, table: str) -> list[str]:
    """The rows of ``table`` in their stored order."""
    data = store.read_table(out, table)
    return [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in data.to_pylist()]


def mentions(out: Path) -> list[tuple]:
    data = store.read_table(out, "mentions").to_pylist()
    return sorted((r["doc_id"], r["start"], r["end"], r["type"], r["normal"]) for r in data)


def edited_rules(tmp_path: Path, file: str, old: str, new: str):
    """The packaged rules with ``old`` replaced by ``new`` in ``file``."""
    directory = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), directory)
    text = (directory / file).read_text(encoding="utf-8")
    assert old in text
    (directory / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_rules(directory)


def copy(stored: Path, tmp_path: Path, name: str = "out") -> Path:
    shutil.copytree(stored, tmp_path / name)
    return tmp_path / name


def test_a_run_remembers_normal_forms_and_each_documents_entities(stored: Path) -> None:
    remembered = memo.read_memo(stored)
    assert remembered.normal_forms
    assert all(isinstance(normal, str) for normal in remembered.normal_forms.values())
    assert {key[0] for key in remembered.normal_forms} >= {"PER", "LOC"}
    doc_ids = set(store.read_table(stored, "documents").column("doc_id").to_pylist())
    assert set(remembered.documents) == doc_ids
    assert len({fingerprint for _, fingerprint in remembered.documents.values()}) == 1


def test_a_rerun_takes_normal_forms_from_the_memo(stored: Path, tmp_path: Path) -> None:
    out = copy(stored, tmp_path)
    remembered = memo.read_memo(out)
    key = next(k for k in remembered.normal_forms if k[0] == "LOC")
    remembered.normal_forms[key] = "ИЗ ПАМЯТИ"
    memo.write_normal_forms(out, remembered.normal_forms)
    memo.forget_documents(out)  # re-find relations too, so their arguments show it
    memo.forget_rules(out)  # and re-do every document (no edit reaches any)

    rerun.rerun(out, "entities", workers=1)

    assert "ИЗ ПАМЯТИ" in {m[4] for m in mentions(out)}


def test_a_stale_or_broken_memo_is_ignored(stored: Path, tmp_path: Path) -> None:
    out = copy(stored, tmp_path)
    for part in (memo.NORMAL_FORMS_PATH, memo.DOCUMENTS_PATH):
        data = json.loads((out / part).read_text(encoding="utf-8"))
        data["stamp"] = "an older ruextract"
        if part == memo.NORMAL_FORMS_PATH:
            data["entries"] = [[key, "УСТАРЕЛО"] for key, _ in data["entries"]]
        (out / part).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert memo.read_memo(out) == memo.Memo()
    rerun.rerun(out, "entities", workers=1)
    assert mentions(out) == mentions(stored)

    for part in (memo.NORMAL_FORMS_PATH, memo.DOCUMENTS_PATH):
        (out / part).write_text("{not json", encoding="utf-8")
    rerun.rerun(out, "entities", workers=1)
    assert mentions(out) == mentions(stored)


@pytest.mark.parametrize("file, old, new", [
    # an entity rule no longer matches: some documents' entities change, others' do not
    ("entities.yaml", "- {LEMMA: {IN: [\"@event_nouns\"]}}\n    - {ORTH: \"«\"}",
     "- {LEMMA: {IN: [\"несуществующий\"]}}\n    - {ORTH: \"«\"}"),
    # a relation rule's confidence: every document's relations are found again (raised above
    # every other rule's, since a fact several rules state keeps the most confident one's)
    ("relations.yaml", "confidence: 0.9\n", "confidence: 0.97\n"),
    # a word list both stages read
    ("words/org_heads.txt", "\n", "\nнесуществующее_слово\n"),
])
def test_a_rerun_with_the_memo_equals_one_without(stored: Path, tmp_path: Path, file: str,
                                                   old: str, new: str, monkeypatch) -> None:
    monkeypatch.setattr(rerun, "PARALLEL_MIN_DOCS", 1)
    rules = edited_rules(tmp_path, file, old, new)
    with_memo, without = copy(stored, tmp_path, "with"), copy(stored, tmp_path, "without")
    shutil.rmtree(without / ".cache")

    rerun.rerun(with_memo, "entities", rules=rules, workers=2)  # in worker processes
    rerun.rerun(without, "entities", rules=rules, workers=1)

    for table in EXTRACTION_TABLES:  # the same rows, in the same order
        assert rows(with_memo, table) == rows(without, table), table
    if file == "relations.yaml":
        assert 0.97 in {row["confidence"] for row in
                        store.read_table(with_memo, "relations").to_pylist()}


def test_only_documents_whose_entities_changed_get_their_relations_again(
        stored: Path, tmp_path: Path, monkeypatch) -> None:
    from ruextract.relations import RelationExtractor

    out = copy(stored, tmp_path)
    extracted: list[str] = []
    original = RelationExtractor.extract
    monkeypatch.setattr(RelationExtractor, "extract",
                        lambda self, doc: (extracted.append(doc.doc_id), original(self, doc)))

    rerun.rerun(out, "entities", workers=1)
    assert extracted == []  # nothing changed: every document's stored rows stand
    for table in EXTRACTION_TABLES:
        assert rows(out, table) == rows(stored, table), table

    rerun.rerun(out, "relations", workers=1)  # no edit: nothing to re-do, the memo stands
    assert extracted == []
    rerun.rerun(out, "entities", workers=1)
    assert extracted == []

    memo.forget_rules(out)  # the rules of the stored rows unknown: every document again
    rerun.rerun(out, "relations", workers=1)  # relations from rows read back: digests go
    extracted.clear()
    rerun.rerun(out, "entities", workers=1)
    assert len(extracted) == store.read_table(out, "documents").num_rows


def test_a_run_that_may_replace_rows_drops_what_the_memo_says_of_them(stored: Path,
                                                                      tmp_path: Path) -> None:
    out = copy(stored, tmp_path)
    rules = edited_rules(tmp_path, "relations.yaml", "confidence: 0.9\n", "confidence: 0.55\n")
    before = memo.read_memo(out).documents

    memo.forget_documents(out)  # what a --force run does first (then dies, say)
    assert memo.read_memo(out).documents == {} and memo.read_memo(out).normal_forms

    run(sorted(CORPUS.glob("sample_0[1-4].txt")), out, pipeline=Pipeline(rules), force=True)
    after = memo.read_memo(out).documents
    assert after.keys() == before.keys()
    assert all(after[doc_id][1] != before[doc_id][1] for doc_id in after)  # new fingerprint


def test_what_the_memo_says_of_documents_is_gone_while_rows_are_swapped(
        stored: Path, tmp_path: Path, monkeypatch) -> None:
    out = copy(stored, tmp_path)
    rules = edited_rules(tmp_path, "relations.yaml", "confidence: 0.9\n", "confidence: 0.55\n")
    seen = []
    swap = rerun._swap_tables
    monkeypatch.setattr(rerun, "_swap_tables", lambda *a: (
        seen.append((out / memo.DOCUMENTS_PATH).exists()), swap(*a)))
    rerun.rerun(out, "entities", rules=rules, workers=1)
    assert seen == [False] and (out / memo.DOCUMENTS_PATH).exists()


def test_stored_rows_in_any_order_rebuild_the_same_documents(stored: Path,
                                                             tmp_path: Path) -> None:
    out = copy(stored, tmp_path)
    for table in ("tokens", "ner"):  # the second document's rows first, the first's reversed
        data = store.read_table(out, table)
        shuffled = data.take(pa.array(list(reversed(range(data.num_rows)))))
        shutil.rmtree(out / table)
        store.write_table(out, table, shuffled, "part-shuffled")

    for expected, rebuilt in zip(StoredDocs(stored).docs(), StoredDocs(out).docs(), strict=True):
        assert rebuilt.tokens == expected.tokens
        assert sorted((s.start, s.end, s.type) for s in rebuilt.ner_spans) == sorted(
            (s.start, s.end, s.type) for s in expected.ner_spans)
        assert list(rebuilt.offset_map.starts) == list(expected.offset_map.starts)


def test_the_relation_fingerprint_covers_every_word_list_the_relations_stage_reads(pipeline):
    from conftest import analyse_text

    for path in sorted(CORPUS.glob("*.txt")):
        analyse_text(pipeline, path.read_text(encoding="utf-8", errors="replace"))
    extractor = pipeline.relation_extractor
    assert extractor.lists_read <= extractor.lists_used


def test_the_code_stamp_covers_the_modules_of_subpackages(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "ruextract"
    (package / "relations").mkdir(parents=True)
    (package / "memo.py").write_text("# memo\n", encoding="utf-8")
    (package / "relations" / "visits.py").write_text("# visits\n", encoding="utf-8")
    monkeypatch.setattr(memo, "__file__", str(package / "memo.py"))
    before = memo._package_digest()

    (package / "relations" / "visits.py").write_text("# visits, edited\n", encoding="utf-8")
    assert memo._package_digest() != before


def test_a_rerun_starts_from_the_types_the_entities_stage_found(stored: Path,
                                                                tmp_path: Path) -> None:
    """The batch's keys may re-type an entity (by the evidence of every document); the
    relations stage of a re-run sees the type its mentions were found with, as a full run's
    relations stage did."""
    out = copy(stored, tmp_path)
    entities = store.read_table(out, "entities").to_pylist()
    row = next(r for r in entities if r["type"] == "PER")
    row["type"] = "LOC"
    rerun._swap_tables(out, {"entities": pa.Table.from_pylist(
        entities, schema=store.SCHEMAS["entities"])}, "retyped")
    found = rerun._stored_extractions(out, {row["doc_id"]})
    assert found[row["doc_id"]][1][row["entity_id"]].type == "PER"


def test_a_rerun_from_relations_keys_a_company_with_its_legal_form_as_a_full_run(
        tmp_path: Path) -> None:
    """What the entities stage keeps with a mention but the tables do not store (a legal
    form before a company's name: «АО «Вега»» is the company, not the batch's park «Вега»)
    is marked again on the stored mentions: a re-run keys the batch as the full run did."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("Делегация из Лаоса посетила технополис «Вега» в Омске. "
                                 "Технополис «Вега» открылся в 2019 году.", encoding="utf-8")
    (texts / "b.txt").write_text("Специалисты АО «Вега» подготовили мастер-план площадки в "
                                 "Омске.", encoding="utf-8")
    out = tmp_path / "out"
    run(sorted(texts.glob("*.txt")), out, pipeline=Pipeline())
    full = sorted(r["entity_key"] for r in store.read_table(out, "entities").to_pylist())
    assert "ORG:вега" in full and "PARK:вега" in full
    shutil.rmtree(out / ".cache")  # no memo: every document's relations are found again
    rerun.rerun(out, "relations", workers=1)
    assert sorted(r["entity_key"] for r in store.read_table(out, "entities").to_pylist()) == full


def test_the_memo_keeps_normal_forms_of_a_shared_head(tmp_path: Path) -> None:
    """A key with a shared head («Омской и Оренбургской областей») is read back with the rest,
    not taken for a stale memo."""
    shape = (("ADJ", "Case=Gen", -1, 0),)
    keys = {("LOC", "plain", "Омской", shape): "Омская",
            ("LOC", "plain", "Омской", shape, "область"): "Омская область",
            ("PER", "plain Nom", "О.В. Кедрова", shape): "О.В. Кедрова"}
    tmp_path.mkdir(exist_ok=True)
    memo.write_normal_forms(tmp_path, keys)
    assert memo.read_memo(tmp_path).normal_forms == keys

"""The real development set: annotation resolution, and the committed gold's validity.

The gold in tests/gold/real/ is always checked for what needs no article text (URLs not held
out, names and splits derived from the URL, relation arguments naming mentions, flat spans);
hashes and offsets are checked against the local text cache where it exists.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "realset.py"
_spec = importlib.util.spec_from_file_location("realset", SCRIPT)
realset = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(realset)

TEXT = "Делегация из Кении посетила технопарк «Орион». Гостей встретил директор «Ориона» Ян Ли."


def test_every_occurrence_and_longest_surface_first() -> None:
    mentions, problems = realset.resolve_mentions(TEXT, [
        {"text": "«Орион»", "type": "PARK", "normal": "«Орион»"},
        {"text": "технопарк «Орион»", "type": "PARK", "normal": "Технопарк «Орион»"},
        {"text": "Кении", "type": "LOC", "normal": "Кения"},
    ])
    assert problems == []
    assert [(m["text"], TEXT[m["start"]:m["end"]]) for m in mentions] == [
        ("Кении", "Кении"), ("технопарк «Орион»", "технопарк «Орион»")]


def test_surface_inside_a_word_is_not_a_mention() -> None:
    mentions, _ = realset.resolve_mentions(TEXT, [{"text": "Ли", "type": "PER"}])
    assert [TEXT[m["start"]:m["end"]] for m in mentions] == ["Ли"]
    assert mentions[0]["start"] == TEXT.rindex("Ли")


def test_problems_are_reported() -> None:
    _, problems = realset.resolve_mentions(TEXT, [{"text": "Тамбов", "type": "LOC"},
                                                 {"text": "Кении", "type": "CITY"}])
    assert len(problems) == 2


def test_split_is_a_function_of_the_url() -> None:
    urls = [f"https://example.org/news/{i}" for i in range(300)]
    held = [u for u in urls if realset.split_of(u) == "heldout"]
    assert 70 < len(held) < 130  # about a third
    assert all(realset.split_of(u) == realset.split_of(u) for u in urls)


def test_the_dev_split_falls_in_two_halves_by_the_url() -> None:
    """Rules learnt on one half are checked on the other: each dev document in one half,
    fixed by its URL, and neither half empty."""
    urls = [obj["url"] for _, obj in realset.gold_lines() if obj["split"] == "dev"]
    halves = [realset.half_of(url) for url in urls]
    assert halves == [realset.half_of(url) for url in urls]
    assert set(halves) <= {"a", "b"}
    assert min(halves.count("a"), halves.count("b")) > len(urls) // 4


def test_restore_caches_only_the_annotated_text(tmp_path: Path, monkeypatch) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    url, text = "https://example.org/news/1", "Делегация посетила технопарк."
    (gold / "batch_x.jsonl").write_text(json.dumps(
        {"doc": realset.doc_name(url), "url": url, "query": "q", "split": "dev",
         "sha256": realset.sha256(text), "length": len(text), "mentions": [],
         "relations": []}) + "\n", encoding="utf-8")
    monkeypatch.setattr(realset, "GOLD_DIR", gold)
    monkeypatch.setenv("RUEXTRACT_REAL_CACHE", str(tmp_path / "cache"))
    results = tmp_path / "results.jsonl"
    results.write_text("\n".join([
        json.dumps({"url": url, "excerpt": text + "!"}),          # the page changed since
        json.dumps({"url": "https://example.org/other", "excerpt": text}),
        "{not json",
        json.dumps({"url": url, "excerpt": f"  {text}\n\n"}),    # ends are stripped
    ]), encoding="utf-8")
    counts = realset.restore(results)
    assert counts == {"cached": 1, "text differs": 1, "not annotated": 1, "unreadable": 1}
    assert (tmp_path / "cache" / realset.doc_name(url)).read_text(encoding="utf-8") == text


def test_export_keeps_the_split_and_the_batches_asked_for(tmp_path: Path, monkeypatch) -> None:
    gold, cache = tmp_path / "gold", tmp_path / "cache"
    gold.mkdir()
    cache.mkdir()
    for batch, urls in {"batch_v": ["https://example.org/v1", "https://example.org/v2"],
                        "batch_w": ["https://example.org/w1"]}.items():
        lines = []
        for url in urls:
            (cache / realset.doc_name(url)).write_text("Текст.", encoding="utf-8")
            lines.append(json.dumps({"doc": realset.doc_name(url), "url": url, "split": "dev",
                                     "mentions": [], "relations": []}) + "\n")
        (gold / f"{batch}.jsonl").write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(realset, "GOLD_DIR", gold)
    monkeypatch.setenv("RUEXTRACT_REAL_CACHE", str(cache))
    out = tmp_path / "out"
    assert realset.main(["export", "--split", "dev", "--batch", "batch_v", "--out", str(out)]) == 0
    assert sorted(p.name for p in (out / "texts").iterdir()) == sorted(
        realset.doc_name(u) for u in ["https://example.org/v1", "https://example.org/v2"])
    assert realset.main(["export", "--split", "heldout", "--batch", "batch_v",
                         "--out", str(out)]) == 0
    assert list((out / "texts").iterdir()) == []
    assert realset.main(["export", "--split", "dev", "--batch", "v", "--out", str(out)]) == 2


def test_export_with_nothing_cached_fails_and_says_why(tmp_path: Path, monkeypatch,
                                                      capsys) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    url = "https://example.org/v1"
    (gold / "batch_v.jsonl").write_text(json.dumps(
        {"doc": realset.doc_name(url), "url": url, "split": "dev", "mentions": [],
         "relations": []}) + "\n", encoding="utf-8")
    monkeypatch.setattr(realset, "GOLD_DIR", gold)
    monkeypatch.setenv("RUEXTRACT_REAL_CACHE", str(tmp_path / "empty"))
    assert realset.main(["export", "--split", "dev", "--out", str(tmp_path / "out")]) == 1
    assert "none of the 1 documents is in the text cache" in capsys.readouterr().err


def test_missing_lists_the_query_of_each_page_absent_from_the_cache(
        tmp_path: Path, monkeypatch, capsys) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    pages = {"https://example.org/a": "делегация технопарк", "https://example.org/b": "форум"}
    (gold / "batch_x.jsonl").write_text("".join(json.dumps(
        {"doc": realset.doc_name(url), "url": url, "query": query, "split": "dev",
         "sha256": "", "length": 0, "mentions": [], "relations": []}) + "\n"
        for url, query in pages.items()), encoding="utf-8")
    monkeypatch.setattr(realset, "GOLD_DIR", gold)
    monkeypatch.setenv("RUEXTRACT_REAL_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / realset.doc_name("https://example.org/a")).write_text("…")
    assert realset.main(["missing"]) == 0
    assert capsys.readouterr().out == "форум\thttps://example.org/b\n"


def test_committed_gold_is_valid() -> None:
    if not list(realset.GOLD_DIR.glob("*.jsonl")):
        pytest.skip("no real gold yet")
    problems, _ = realset.check()
    assert problems == []


def test_committed_gold_matches_the_cached_texts() -> None:
    if not list(realset.GOLD_DIR.glob("*.jsonl")) or not realset.cache_dir().is_dir():
        pytest.skip("the real-set text cache is absent (tests/gold/real/README.md rebuilds it)")
    problems, checked = realset.check()
    assert checked > 0 and problems == []


# Floors on the real development set (dev part only: the held-out part is scored by hand,
# never gated, so that nobody tunes on it). They rise with the rules; they are re-based only
# when new batches join the dev split (new articles, nobody tuned on them, score lower).
# Re-based when batches ch–ct (223 new dev articles, nobody tuned on them before they
# joined) came in: main measures 0.714, 0.631, 0.872, 0.875, 0.981 on the 1625 cached dev
# articles (the twenty-first release 0.718, 0.631, 0.867, 0.871, 0.981 on 1469 of them),
# a margin below each.
REAL_DEV_FLOORS = {"relations_micro": 0.705, "VISITED": 0.62, "ORG_overlap": 0.86,
                   "PARK_overlap": 0.865, "normal_forms": 0.975}


@pytest.mark.slow
def test_real_dev_scores_do_not_drop(tmp_path: Path) -> None:
    if not realset.cache_dir().is_dir():
        pytest.skip("the real-set text cache is absent (tests/gold/real/README.md rebuilds it)")
    # The floors hold for the whole split, give or take a page or two whose stored copy
    # changed since it was annotated; a small part of the split could score anything.
    dev_docs = [obj["doc"] for _, obj in realset.gold_lines() if obj["split"] == "dev"]
    absent = [doc for doc in dev_docs if not (realset.cache_dir() / doc).exists()]
    if len(absent) > len(dev_docs) // 50:
        pytest.skip(f"the real-set text cache lacks {len(absent)} of {len(dev_docs)} dev "
                    "articles (tests/gold/real/README.md rebuilds it)")
    from ruextract import evaluate as scoring
    from ruextract import pipeline
    from ruextract.gold import read_gold

    assert realset.main(["export", "--split", "dev", "--out", str(tmp_path)]) == 0
    pipeline.run([tmp_path / "texts"], tmp_path / "out", workers=1)
    result = scoring.evaluate(read_gold(tmp_path / "gold.jsonl"),
                              scoring.predictions_from_output(tmp_path / "out"))
    figures = {"relations_micro": result.micro(result.relations).f1,
               "VISITED": result.relations["VISITED"].f1,
               "ORG_overlap": result.partial["ORG"].f1, "PARK_overlap": result.partial["PARK"].f1,
               "normal_forms": result.normal_accuracy}
    assert {k: v for k, v in figures.items() if v < REAL_DEV_FLOORS[k]} == {}


def test_a_dev_copy_of_a_held_out_article_is_found() -> None:
    """One story told by two sites, one URL on each side: the dev copy must be held out too,
    else tuning on dev reads held-out text. Articles that only share phrases are no copies."""
    story = ("Делегация провинции Цзянбэй во главе с вице-губернатором Ли Мином посетила "
             "технопарк «Кедр» в Тамбове и осмотрела цеха резидентов, где гостям рассказали "
             "о производстве насосов и планах по выпуску новых моделей.")
    texts = {
        "held.txt": ("heldout", story),
        "copy.txt": ("dev", "ТАМБОВ, 5 мая. " + story + " Визит продлится три дня."),
        "other.txt": ("dev", "Делегация провинции Цзянбэй во главе с министром посетила "
                             "завод «Ольха» в Рязани и подписала соглашение о поставках."),
    }
    assert [(dev, held) for dev, held, _ in realset.copies_across_splits(texts)] == [
        ("copy.txt", "held.txt")]


def test_a_held_copy_keeps_its_split_by_its_line() -> None:
    url = next(f"https://example.org/{i}" for i in range(100)
               if realset.split_of(f"https://example.org/{i}") == "dev")
    assert realset.split_of_line({"url": url}) == "dev"
    assert realset.split_of_line({"url": url, "copy_of": "r_0.txt"}) == "heldout"

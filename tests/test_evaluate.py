"""Relation scoring as ANNOTATION.md states it: normal form, or an overlapping mention."""

from __future__ import annotations

import pytest

from ruextract.evaluate import (
    PredDoc,
    PredMention,
    PredRelation,
    evaluate,
    label_agrees,
    label_comparable,
    relation_matches,
)
from ruextract.gold import (
    ENTITY_TYPES,
    RELATION_TYPES,
    GoldDoc,
    GoldMention,
    GoldRelation,
    name_forms,
)


def _gold() -> GoldDoc:
    # «Делегация из Кении посетила завод «Орион-Тех» в Тамбове.» (invented)
    mentions = [GoldMention(14, 19, "LOC", "Кении", "Кения", "Кения"),
                GoldMention(34, 44, "ORG", "«Орион-Тех»", "«Орион-Тех»", "«Орион-Тех»")]
    relations = [GoldRelation("VISITED", ("delegation:Кения",), ("«Орион-Тех»",))]
    return GoldDoc("d.txt", None, mentions, relations, ENTITY_TYPES, RELATION_TYPES)


def _pred(arg2: str, spans: tuple[tuple[int, int], ...], confidence: float = 0.9) -> PredDoc:
    relation = PredRelation("VISITED", "delegation:Кения", arg2, frozenset({"delegation:кения"}),
                            frozenset({arg2.lower()}), "visit", "", confidence, (), spans)
    return PredDoc("d.txt", relations=[relation])


def test_argument_matches_by_normal_form() -> None:
    result = evaluate([_gold()], {"d.txt": _pred("орион-тех", ())})
    assert result.relations["VISITED"].tp == 1


def test_argument_with_a_wrong_normal_form_matches_by_an_overlapping_mention() -> None:
    result = evaluate([_gold()], {"d.txt": _pred("Орион-Теха", ((35, 43),))})
    assert (result.relations["VISITED"].tp, result.relations["VISITED"].fp) == (1, 0)


def test_argument_elsewhere_in_the_text_does_not_match() -> None:
    result = evaluate([_gold()], {"d.txt": _pred("Тамбов", ((48, 55),))})
    score = result.relations["VISITED"]
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)


def test_a_place_inside_a_name_is_read_apart_where_the_gold_annotates_it_so() -> None:
    text = "Посольство Кении в Москве и МИД России."  # invented
    gold = GoldDoc("d.txt", text, [GoldMention(28, 31, "ORG", "МИД"),
                                   GoldMention(32, 38, "LOC", "России")],
                   [], ENTITY_TYPES, RELATION_TYPES, places_in_names=False)
    ours = PredDoc("d.txt", mentions=[PredMention(28, 38, "ORG", "МИД России", "", "rule")])
    assert evaluate([gold], {"d.txt": ours}).mentions["ORG"].tp == 1
    assert evaluate([gold], {"d.txt": ours}).mentions["LOC"].tp == 1
    as_is = PredDoc("d.txt", mentions=[PredMention(28, 38, "ORG", "МИД России", "", "natasha")],
                    places_in_names=False)
    assert evaluate([gold], {"d.txt": as_is}).mentions["ORG"].fp == 1


@pytest.mark.parametrize("text", [
    "Доклад одобрил Кедровый совет Европы.",  # invented; a world region is no body's country
    "Кредит выдал Ольховый банк Азии.",
])
def test_a_world_region_at_a_names_end_stays_in_the_name(text) -> None:
    start = text.index(text.split()[2])
    end = len(text) - 1
    gold = GoldDoc("d.txt", text, [GoldMention(start, end, "ORG", text[start:end])],
                   [], ENTITY_TYPES, RELATION_TYPES, places_in_names=False)
    ours = PredDoc("d.txt", mentions=[PredMention(start, end, "ORG", text[start:end], "", "rule")])
    result = evaluate([gold], {"d.txt": ours})
    assert (result.mentions["ORG"].tp, result.mentions["LOC"].fp) == (1, 0)


def test_above_keeps_only_confident_relations_and_shares_documents() -> None:
    from ruextract.evaluate import above

    pred = _pred("орион-тех", (), confidence=0.4)
    kept = above({"d.txt": pred, "d": pred}, 0.5)
    assert kept["d.txt"].relations == [] and kept["d.txt"] is kept["d"]
    assert above({"d.txt": pred}, 0.4)["d.txt"].relations == pred.relations


def test_canonical_ids_that_differ_only_in_case_are_one_thing() -> None:
    golds, preds = [], {}
    for doc, canonical in (("a.txt", "ORG:ЛайтСофт"), ("b.txt", "ORG:Лайтсофт")):
        mention = GoldMention(0, 9, "ORG", "«Лайтсофт»", "«Лайтсофт»", "«Лайтсофт»", canonical)
        golds.append(GoldDoc(doc, None, [mention], [], ENTITY_TYPES, RELATION_TYPES))
        preds[doc] = PredDoc(doc, mentions=[PredMention(0, 9, "ORG", "«Лайтсофт»", "Лайтсофт",
                                                         "ner", key="ORG:лайтсофт")])
    result = evaluate(golds, preds)
    assert (result.one_key_share, result.keys_covering_two_things) == (1.0, [])


@pytest.mark.parametrize("text, label, comparable", [
    ("Барака Кедрова", "Кедров, Барак", True),  # a person's label, either order
    ("Кедрова", "Кедров, Барак", False),  # a shorter name is no disagreement
    ("РФ", "Россия", False),  # another name
    ("Reuters", "Рейтер", False),  # a transliteration
    ("Ольховской области", "Ольховская область", True),
])
def test_a_label_is_measured_where_it_could_be_the_nominative(text, label, comparable):
    assert label_comparable(text, label) is comparable


@pytest.mark.parametrize("normal, label, agrees", [
    ("Барак Кедров", "Кедров, Барак", True),
    ("Кедров Барак", "Кедров, Барак", True),
    ("Барака Кедрова", "Кедров, Барак", False),
    ("Ольховская область", "Ольховская область", True),
    ("Ольховск", "Ольховское", False),
])
def test_a_normal_form_agrees_with_its_label(normal, label, agrees):
    assert label_agrees(normal, label) is agrees


def test_label_agreement_counts_matched_mentions_with_a_label():
    mention = GoldMention(0, 14, "PER", "Барака Кедрова", label="Кедров, Барак")
    gold = GoldDoc("d.txt", None, [mention], [], ENTITY_TYPES, RELATION_TYPES)
    pred = PredDoc("d.txt", mentions=[PredMention(0, 14, "PER", "Барака Кедрова",
                                                  "Барак Кедров", "ner")])
    result = evaluate([gold], {"d.txt": pred})
    assert (result.label_agreeing, result.label_matched) == (1, 1)


@pytest.mark.parametrize(("predicted", "gold"), [
    ("Технопарк «Идея»", "Идея"),
    ("«Идея»", "технопарк «Идея»"),
    ("Технопарк «Идея»", "Технопарк Идея"),
])
def test_a_relation_argument_matches_as_its_quoted_name_alone(predicted, gold):
    relation = PredRelation("VISITED", "delegation:Япония", predicted,
                            frozenset({"delegation:япония"}), name_forms(predicted), "rule", "")
    assert relation_matches(relation, "VISITED", ("delegation:Япония",), (gold,))


def test_another_quoted_name_is_another_argument():
    relation = PredRelation("VISITED", "delegation:Япония", "Технопарк «Идея»",
                            frozenset({"delegation:япония"}), name_forms("Технопарк «Идея»"),
                            "rule", "")
    assert not relation_matches(relation, "VISITED", ("delegation:Япония",), ("Технопарк «Мир»",))


def test_an_argument_matches_by_the_mentions_of_every_entity_of_its_key() -> None:
    from ruextract.evaluate import predictions_from_rows

    # «Делегация из Кении посетила завод «Орион-Тех» …» (invented): two entities of one key,
    # the relation's on the one whose mention is elsewhere, the gold's on the other's
    documents = [{"doc_id": "a", "source": "d.txt", "external_id": None}]
    entities = [{"doc_id": "a", "entity_id": i, "normal": normal, "aliases": None,
                 "entity_key": "ORG:орион-тех"}
                for i, normal in ((0, "Завод «Орион-Тех»"), (1, "Орион-Техника"))]
    mentions = [{"doc_id": "a", "entity_id": i, "raw_start": s, "raw_end": e, "type": "ORG",
                 "text": t, "normal": t, "source": "ner"}
                for i, s, e, t in ((0, 34, 44, "«Орион-Тех»"), (1, 80, 93, "Орион-Техника"))]
    relations = [{"doc_id": "a", "type": "VISITED", "arg1_id": 5, "arg2_id": 1,
                  "arg1_normal": "delegation:Кения", "arg2_normal": "Орион-Техника",
                  "rule": "visit", "evidence": "", "confidence": 0.9}]
    predictions = predictions_from_rows(documents, mentions, entities, relations)
    assert evaluate([_gold()], predictions).relations["VISITED"].tp == 1

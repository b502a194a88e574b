"""Relation scoring as ANNOTATION.md states it: normal form, or an overlapping mention."""

from __future__ import annotations

from ruextract.evaluate import PredDoc, PredRelation, evaluate
from ruextract.gold import ENTITY_TYPES, RELATION_TYPES, GoldDoc, GoldMention, GoldRelation


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

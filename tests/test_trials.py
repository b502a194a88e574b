"""The trial scorers of scripts/trials: how loosely a tester's names match a run's."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts" / "trials"))
match = importlib.import_module("match")
score = importlib.import_module("score")
keys = importlib.import_module("keys")


@pytest.mark.parametrize(("a", "b"), [
    ("Китай", "Китая"),
    ("Технополис Москва", "технополиса «Москва»"),
    ("ОЭЗ «Алабуга»", "Алабуга"),
    ("ООО «Ромашка»", "Ромашка"),
    ("Ли Вэй", "Ли Вэй"),
    ("Пекин|Китай", "Китай"),
    # ANNOTATION.md: a quoted name alone is accepted for the whole
    ("ТОР «Кедровая бухта»", "Территория опережающего развития «Кедровая бухта»"),
    # one place of the gazetteer: the project's scorer matches them by their mention
    ("Беларусь", "Республика Беларусь"),
    ("КНР", "Китай"),
])
def test_names_that_match(a, b):
    assert match.same_name(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Москва", "Московская область"),
    ("Москва", "Правительство Москвы"),
    ("Китай", "Китайская делегация"),
    ("Ли", "Лю"),
    ("Дмитрий Ялов", "Ялов"),
    ("Тулой", "ТулГУ"),
    ("Минске", "Минская компания"),
    ("Кедрань", "Кедрань-Холдинг"),
    ("Агентство развития Кедровской области", "Агентство развития Кедровска"),
    ("Пекин", "Китай"),
    ("Казань", "Татарстан"),
])
def test_names_that_do_not(a, b):
    assert not match.same_name(a, b)


def test_delegations_match_by_origin():
    assert match.same_argument("delegation:Китай|Пекин", "delegation:Пекин")
    assert match.same_argument("delegation:Китай|delegation:Пекин", "delegation:Пекин")
    assert match.same_argument("delegation:", "delegation:")
    assert not match.same_argument("delegation:", "delegation:Китай")
    assert not match.same_argument("Китай", "delegation:Китай")


def test_score_counts_right_accepted_missed_and_traps():
    fact = score.Fact
    required = [fact("a", "VISITED", "delegation:Китай", "Технопарк «Альфа»"),
                fact("a", "AGREEMENT_WITH", "Бета", "Гамма")]
    traps = [fact("a", "VISITED", "delegation:Китай", "Казань")]
    accepted = [fact("a", "LOCATED_IN", "Альфа", "Казань")]
    predicted = [fact("a", "VISITED", "delegation:КНР|Китай", "Альфа"),
                 fact("a", "AGREEMENT_WITH", "Гамма", "Бета"),
                 fact("a", "VISITED", "delegation:Китай", "Казани"),
                 fact("a", "LOCATED_IN", "Технопарк «Альфа»", "Казань")]
    result = score.score(required, traps, accepted, predicted)
    assert (result["right"], result["accepted"], result["predicted"]) == (2, 1, 4)
    assert (result["found"], result["required"], result["traps_held"]) == (2, 2, 0)
    assert result["by_type"]["VISITED"]["p"] == 0.5


def test_keys_counts_one_key_and_keys_covering_two():
    lines = [{"thing": "china", "doc": "1", "surface": "КНР"},
             {"thing": "china", "doc": "2", "surface": "Китая"},
             {"thing": "park", "doc": "1", "surface": "Технопарк «Альфа»"},
             {"thing": "park", "doc": "2", "surface": "«Альфа»"},
             {"thing": "plant", "doc": "2", "surface": "завод «Альфа»"},
             {"thing": "plant", "doc": "3", "surface": "«Альфа»"}]
    found = {"1": [("КНР", "КНР", "LOC:китай"), ("технопарк «Альфа»", "Альфа", "PARK:альфа")],
             "2": [("Китая", "Китай", "LOC:китай"), ("«Альфа»", "Альфа", "PARK:альфа")],
             "3": [("«Альфа»", "Альфа", "PARK:альфа")]}
    result = keys.score(lines, found)
    assert (result["things"], result["one_key"], result["covering_two"]) == (3, 3, 1)

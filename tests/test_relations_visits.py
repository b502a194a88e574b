"""VISITED phrasings, one line each: '+' a fact that must be found, '-' one that must not."""

from __future__ import annotations

import pytest

from ruextract.evaluate import fold
from test_relations import facts

CASES = [
    # the site as subject, lists after «среди них», «они» after a sentence about the group
    ("Технопарк «Орбита» посетила делегация из Вьетнама.",
     "+VISITED delegation:Вьетнам -> технопарк «Орбита»"),
    ("Делегация из Армении посетила ряд предприятий, среди них — завод «Луч», АО «Кедр».",
     "+VISITED delegation:Армения -> Кедр"),
    ("Делегация из Армении прибыла в Пермь. Кроме того, они посетили завод «Кедр-Агро».",
     "+VISITED delegation:Армения -> Кедр-Агро"),
    ("Делегация китайских СМИ прибыла в Омск. Журналисты посетили Тару.",
     "+VISITED delegation:Китай -> Тара"),
    # a destination after the group's words; a presence
    ("Соглашение подписано во время визита китайской делегации в Витебск.",
     "+VISITED delegation:Китай -> Витебск"),
    ("Договор подписан в ходе поездки делегации Омской области в китайскую провинцию Шаньдун.",
     "+VISITED delegation:Омская область -> Шаньдун"),
    ("В Пензе находится делегация из Вьетнама.", "+VISITED delegation:Вьетнам -> Пенза"),
    ("Корейская делегация в Свердловской области уже третий день.",
     "+VISITED delegation:Корея -> Свердловская область"),
    # host side: the official who met or received the group
    ("Мэр Пензы Олег Рыбин встретился с делегацией из Вьетнама.",
     "+VISITED delegation:Вьетнам -> Пенза"),
    ("Делегация из Вьетнама была принята губернатором Калужской области Иваном Сомовым.",
     "+VISITED delegation:Вьетнам -> Калужская область"),
    ("Делегация из Вьетнама встретилась с мэром Пензы Олегом Рыбиным.",
     "-VISITED delegation:Вьетнам -> Пенза"),
    # events taken part in, and the head's own visits
    ("Делегация из Вьетнама приняла участие в выставке «Иннопром».",
     "-VISITED delegation:Вьетнам -> Иннопром"),
    ("Палата готова организовать ответную поездку омских предпринимателей в Ниигату.",
     "-VISITED delegation:Омск -> Ниигата"),
    ("В Казанском университете делегация из Лаоса приняла участие в круглом столе.",
     "+VISITED delegation:Лаос -> Казанский университет"),
    ("Делегация Лаоса приняла участие в форуме в Новосибирске.",
     "+VISITED delegation:Лаос -> Новосибирск"),
    ("Делегацию Омской области возглавил министр Иван Сомов. Также он посетил завод «Луч».",
     "+VISITED delegation:Омская область -> Луч"),
    # not a visit: a purpose, a plan, an invitation, another group, a place's own place
    ("Делегация из Китая прибыла в Пензу с целью знакомства с технопарком «Кедр».",
     "-VISITED delegation:Китай -> технопарк «Кедр»"),
    ("Целью визита делегации из Китая было обсуждение работы технопарка «Кедр».",
     "-VISITED delegation:Китай -> технопарк «Кедр»"),
    ("Власти штата Керала пригласили делегацию омских промышленников осуществить поездку в Индию.",
     "-VISITED delegation:Омская область -> Индия"),
    ("Делегация из Китая посетила завод «Луч», а деловые круги Омской области ознакомились с "
     "работой Тарского района.", "-VISITED delegation:Китай -> Тарский район"),
    ("Сегодня в Брестскую область Республики Беларусь прибыла делегация Омской области.",
     "-VISITED delegation:Омская область -> Республика Беларусь"),
    ("Технопарк «Орбита» посетила делегация провинции Юньнань (Китай).",
     "-VISITED delegation:Юньнань -> Китай"),
    ("ИНТЕРФАКС - СИБИРЬ - Делегация Омской области прибыла в Харбин.",
     "-VISITED delegation:Омская область -> Сибирь"),
]


@pytest.mark.parametrize("text, fact", CASES)
def test_visit_cases(pipeline, text, fact):
    found = facts(pipeline, text)
    if fact.startswith("+"):
        assert fold(fact[1:]) in found, sorted(found)
    else:
        assert fold(fact[1:]) not in found, sorted(found)

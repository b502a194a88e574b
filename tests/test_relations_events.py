"""PARTICIPATED_IN phrasings, one line each: a fact that must ('+') or must not ('-') be
found. More event cases are in test_relations_places.py and test_relations.py."""

from __future__ import annotations

import pytest

from test_relations import check_case

CASES = [
    # the event before the participation verb, the participants its subjects
    ("В выставке «Промтех-Экспо» приняли участие компании «Кварц» и «Орбита».",
     "+PARTICIPATED_IN Орбита -> Промтех-Экспо"),
    ("В форуме «Волжский диалог» приняли участие делегация из Узбекистана и губернатор "
     "области Иван Петров.", "+PARTICIPATED_IN delegation:Узбекистан -> Волжский диалог"),
    ("В форуме «Волжский диалог» планируют принять участие компании «Кварц» и «Орбита».",
     "-PARTICIPATED_IN Кварц -> Волжский диалог"),
    # a stand or pavilion at the event
    ("Министр осмотрел стенд компании «Кварц» на выставке «Промтех-Экспо».",
     "+PARTICIPATED_IN Кварц -> Промтех-Экспо"),
    ("На выставке «Промтех-Экспо» открылся павильон Тверской области.",
     "+PARTICIPATED_IN Тверская область -> Промтех-Экспо"),
    ("Павильон компании «Кварц» построили к выставке «Промтех-Экспо».",
     "-PARTICIPATED_IN Кварц -> Промтех-Экспо"),
    # a participant by a copula
    ("Участниками форума «Волжский диалог» стали компании «Кварц» и «Орбита».",
     "+PARTICIPATED_IN Кварц -> Волжский диалог"),
    ("В этом году компания «Кварц» стала участником выставки «Промтех-Экспо».",
     "+PARTICIPATED_IN Кварц -> Промтех-Экспо"),
    # every participant of a list
    ("Тверская область и компания «Кварц» приняли участие в выставке «Промтех-Экспо».",
     "+PARTICIPATED_IN Тверская область -> Промтех-Экспо"),
    ("Компании «Кварц» и «Орбита» приняли участие в выставке «Промтех-Экспо».",
     "+PARTICIPATED_IN Кварц -> Промтех-Экспо"),
    ("На выставке «Промтех-Экспо» свою продукцию представили компании «Кварц» и «Орбита».",
     "+PARTICIPATED_IN Орбита -> Промтех-Экспо"),
    # a bare event noun stands for the event named before with that noun
    ("В Омске открылся форум «Техносила». В работе форума приняла участие делегация из "
     "Казахстана.", "+PARTICIPATED_IN delegation:Казахстан -> Техносила"),
    ("В Ханое прошла выставка «Вьет Экспо». Делегация Тверской области, участвовавшая в "
     "выставке, провела ряд встреч.",
     "+PARTICIPATED_IN delegation:Тверская область -> Вьет Экспо"),
    ("В Ханое прошла выставка «Вьет Экспо». Делегация Тверской области приняла участие в "
     "форуме.", "-PARTICIPATED_IN delegation:Тверская область -> Вьет Экспо"),
    ("В Ханое открылась выставка «Вьет Экспо». Компания «Кварц» представила на выставке "
     "свои станки.", "+PARTICIPATED_IN Кварц -> Вьет Экспо"),
    ("В Ханое открылась выставка «Вьет Экспо». Компания «Кварц» представила на форуме свои "
     "станки.", "-PARTICIPATED_IN Кварц -> Вьет Экспо"),
    # a delegation met within an event's frame
    ("На полях форума «Техносила» состоялась встреча с делегацией из Монголии.",
     "+PARTICIPATED_IN delegation:Монголия -> Техносила"),
    ("На полях выставки «Кварц» делегация Тывы планирует провести переговоры.",
     "-PARTICIPATED_IN delegation:Тыва -> Кварц"),
    # a counted subject: the things counted took part, not the place they are of
    ("На выставке «Промтех» представлены 20 регионов Китая.",
     "-PARTICIPATED_IN Китай -> Промтех"),
    ("На выставке «Промтех» был представлен потенциал Тверской области.",
     "+PARTICIPATED_IN Тверская область -> Промтех"),
]


@pytest.mark.parametrize("text, fact", CASES)
def test_case(pipeline, text, fact):
    check_case(pipeline, text, fact)

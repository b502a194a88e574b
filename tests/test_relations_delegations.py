"""Delegations, their origins, heads and members: one-line cases in invented wording."""

from __future__ import annotations

import pytest

from ruextract.evaluate import fold
from test_relations import facts

CASES = [
    # text | a fact that must be found ('+') or must not be found ('-')
    # the origin stated after the group was first named
    ("Делегация прибыла в Пермь. Курская делегация посетила завод «Сигма». Соглашение "
     "подписано в Курской области.",
     "+DELEGATION_FROM delegation:Курская область -> Курская область"),
    ("Делегация прибыла в Пермь. Курская делегация посетила завод «Сигма». Соглашение "
     "подписано в Курской области.",
     "-VISITED delegation: -> Пермь"),
    # a place adjective resolved to the document's region, also where the parse misplaces it
    ("Делегация крупных курских машиностроительных заводов вернулась из Минска. "
     "Об этом сообщили в Курской области.",
     "+DELEGATION_FROM delegation:Курская область -> Курская область"),
    # a country adjective takes the name the document uses
    ("Корейская делегация провела переговоры в Казани. Послом Республики Корея в России "
     "является Ким Минсу.",
     "+DELEGATION_FROM delegation:Республика Корея -> Республика Корея"),
    ("Вчера в мэрии Тольятти состоялась встреча с итальянской делегацией.",
     "+VISITED delegation:Италия -> Мэрия Тольятти"),
    # the origin from the head's title
    ("В Тагил прибыла делегация во главе с министром обороны Индии Раджем Капуром.",
     "+DELEGATION_FROM delegation:Индия -> Индия"),
    ("Официальная делегация, возглавляемая губернатором Тверской области Олегом Зориным, "
     "работает в Минске.",
     "+DELEGATION_FROM delegation:Тверская область -> Тверская область"),
    ("Губернатор Курской области Иван Петров и члены делегации посетили завод «Сигма».",
     "+DELEGATION_FROM delegation:Курская область -> Курская область"),
    ("Губернатор Тверской области Олег Зорин во главе делегации региона провёл переговоры "
     "в Дели.",
     "+DELEGATION_FROM delegation:Тверская область -> Тверская область"),
    # «нашей области»: the region the text names
    ("Тверская область развивает связи с Вьетнамом. Соглашение подписано в ходе визита "
     "делегации нашей области в Ханой.",
     "+DELEGATION_FROM delegation:Тверская область -> Тверская область"),
    # representatives of organisations: the organisations are the origin
    ("Вчера в технопарк «Сигма» прибыли представители KOFTA, KPTA и технопарка Daegu.",
     "+DELEGATION_FROM delegation:KOFTA -> KPTA"),
    ("Китайская компания Zhong Tech заинтересована в проектах в Сибири.",
     "-DELEGATION_FROM delegation:Zhong Tech -> Zhong Tech"),
    # partners met «с» are the other side
    ("Министр промышленности Тверской области обсудил сотрудничество с таджикскими "
     "партнёрами.",
     "-DELEGATION_FROM delegation:Таджикистан -> Таджикистан"),
    # heads: long titles, «под руководством», two heads, participles, a pronoun
    ("В Тагил прибыла делегация во главе с полномочным министром, советником посольства "
     "Китая Петром Громовым.",
     "+HEADED_BY delegation:Китай -> Пётр Громов"),
    ("Завершился визит белорусской делегации под руководством Петра Громова в Пекин.",
     "+HEADED_BY delegation:Беларусь -> Пётр Громов"),
    ("В Казань прибыла делегация во главе с министром Индии Раджем Капуром и послом Индии "
     "Аруном Шармой.",
     "+HEADED_BY delegation:Индия -> Арун Шарма"),
    ("Возглавляющий делегацию второй секретарь посольства Китая Чжан Вэй отметил, что "
     "гости хотят увидеть зону.",
     "+HEADED_BY delegation: -> Чжан Вэй"),
    ("Делегация из Китая прибыла в Пермь. Её возглавил первый заместитель министра "
     "промышленности провинции Хубэй Лю Ян.",
     "+HEADED_BY delegation:Китай -> Лю Ян"),
    ("Иван Гоял возглавил индийскую бизнес-делегацию во Владивостоке.",
     "+HEADED_BY delegation:Индия -> Иван Гоял"),
    ("Делегация из Казахстана во главе с Акимом области Сергеем Ивановым посетила "
     "технопарк «Сигма».",
     "+HEADED_BY delegation:Казахстан -> Сергей Иванов"),
    ("Губернатор Тверской области Олег Зорин во главе делегации региона провёл переговоры "
     "в Дели.",
     "+HEADED_BY delegation:Тверская область -> Олег Зорин"),
    # a host named with a group from elsewhere is not its head
    ("Мэр Казани Иван Петров и делегация из Китая обсудили проекты.",
     "-HEADED_BY delegation:Китай -> Иван Петров"),
    # members: a list with titles and commas, ended by a verb
    ("Делегация из Китая посетила парк. В составе делегации присутствуют заместитель "
     "министра Ляо Вэнь, советник посольства Китая в России Лин Бо, советник Ло Хуа.",
     "+MEMBER_OF_DELEGATION Ло Хуа -> delegation:Китай"),
    ("Делегация из Индии прибыла в Тагил. В состав делегации входят 15 человек, среди "
     "которых секретарь министра обороны Радж Капур, военный атташе Арун Шарма.",
     "+MEMBER_OF_DELEGATION Радж Капур -> delegation:Индия"),
    ("Делегация из Индии прибыла в Тагил. В состав делегации вошли Радж Капур и Арун "
     "Шарма, их встретил губернатор Иван Петров.",
     "-MEMBER_OF_DELEGATION Иван Петров -> delegation:Индия"),
]


@pytest.mark.parametrize("text, fact", CASES)
def test_delegation_cases(pipeline, text, fact):
    found = facts(pipeline, text)
    if fact.startswith("+"):
        assert fold(fact[1:]) in found, sorted(found)
    else:
        assert fold(fact[1:]) not in found, sorted(found)

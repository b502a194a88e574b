"""Arguments named by reference (relations/references.py): a pronoun or a bare generic noun
that stands for the one thing named just before it. One line each: a fact that must ('+') or
must not ('-') be found."""

from __future__ import annotations

import pytest

from test_relations import check_case

CASES = [
    # a pronoun of the company's gender, in the next sentence or the one after a resolved one
    ("Фирма «Пихта» делает клей. Позже она стала резидентом технопарка «Лиственный».",
     "+RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Фирма «Пихта» делает клей. Она сменила офис. Теперь она является резидентом "
     "технопарка «Лиственный».", "+RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Технопарк «Лиственный» открыли в 2019 году. Он расположен в Кирове.",
     "+LOCATED_IN технопарк «Лиственный» -> Киров"),
    ("Форум «Лесной край» собрал инвесторов. Он прошёл в Вологде.",
     "+LOCATED_IN Лесной край -> Вологда"),
    # … not of another gender, and not where two things of its gender were named
    ("Завод «Пихта» делает клей. Она стала резидентом технопарка «Лиственный».",
     "-RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Компания «Пихта» и фирма «Ольха» делают клей. Она стала резидентом технопарка "
     "«Лиственный».", "-RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    # a pronoun the tagger reads as a noun («в нём»); not a thing of its own clause
    ("Технопарк «Лиственный» открыли в 2019 году. В нём работает фирма «Пихта».",
     "+RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Фабрика «Пихта» делает клей. Олег Брусникин руководит ею с 2019 года.",
     "+WORKS_FOR Олег Брусникин -> Пихта"),
    # a person's pronoun as a subject only
    ("Олег Брусникин возглавляет фирму «Пихта». Он выступил на форуме «Лесной край».",
     "+PARTICIPATED_IN Олег Брусникин -> Лесной край"),
    # a generic noun: as a subject, an object, a genitive, with «этот»
    ("Холдинг «Кряж» купил фабрику «Пихта». Теперь фабрика входит в холдинг.",
     "+PART_OF Пихта -> Кряж"),
    ("Фабрика «Пихта» делает клей. Делегация из Монголии осмотрела это предприятие.",
     "+VISITED delegation:Монголия -> Пихта"),
    ("Делегация побывала на фабрике «Пихта». Гостям показали цеха предприятия, которое является "
     "резидентом ОЭЗ «Кряж».", "+RESIDENT_OF Пихта -> ОЭЗ «Кряж»"),
    # … but not a new one, another one, or the head word of a name after it
    ("Фирма «Пихта» делает клей. Холдинг построит завод в ОЭЗ «Кряж».",
     "-RESIDENT_OF Пихта -> ОЭЗ «Кряж»"),
    ("Фирма «Пихта» делает клей. Другая фирма холдинга стала резидентом ОЭЗ «Кряж».",
     "-RESIDENT_OF Пихта -> ОЭЗ «Кряж»"),
    ("Фирма «Пихта» делает клей. В ОЭЗ «Кряж» зарегистрировался завод клея «Ольха».",
     "-RESIDENT_OF Пихта -> ОЭЗ «Кряж»"),
    ("Фирма «Пихта» делает клей. Станки для завода привезли в ОЭЗ «Кряж».",
     "-RESIDENT_OF Пихта -> ОЭЗ «Кряж»"),
    # a noun of a narrower kind refers to a thing named with its head word: a university to a
    # university («вуз» too), not to a fund; a holding not to the company inside it
    ("Лесной государственный университет открыл набор. Вуз находится в Кирове.",
     "+LOCATED_IN Лесной государственный университет -> Киров"),
    ("Фонд «Пихта» выдал гранты. Университет находится в Кирове.",
     "-LOCATED_IN Пихта -> Киров"),
    ("Фирма «Пихта» входит в холдинг. Директор другой фирмы холдинга Олег Зимин выступил.",
     "-WORKS_FOR Олег Зимин -> Пихта"),
    ("Фирма «Пихта» входит в холдинг. Холдинг построил склад в Кирове.",
     "-LOCATED_IN Пихта -> Киров"),
]


@pytest.mark.parametrize("text, fact", CASES)
def test_reference_cases(pipeline, text, fact):
    check_case(pipeline, text, fact)


def test_references_leave_no_mention(pipeline):
    """The stand-ins are the matchers' alone: the mentions stored are the names."""
    from ruextract.doc import RawDoc

    raw = RawDoc(source="t.txt", raw_text="Фирма «Пихта» делает клей. Позже она стала "
                 "резидентом технопарка «Лиственный».", encoding="utf-8", format="txt")
    doc = next(iter(pipeline.process([pipeline.normaliser.prepare(raw)])))
    assert [m.text for m in doc.mentions if m.text.lower() == "она"] == []
    assert all(m.source != "rule:reference" for m in doc.mentions)
    for entity in doc.entities:
        assert all(doc.mentions[i].entity_id == entity.entity_id for i in entity.mention_ids)

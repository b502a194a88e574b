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
    # traps: a pronoun that is a person's where the fact needs a company
    ("Анна Зимина возглавила фирму «Пихта». Она стала резидентом технопарка «Лиственный».",
     "-RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Анна Зимина возглавила фирму «Пихта». Она вошла в совет холдинга «Кряж».",
     "-PART_OF Пихта -> Кряж"),
    # … a generic noun meaning any company of the kind, not the one named
    ("Фирма «Пихта» делает клей. Резидентом технопарка «Лиственный» может стать любая фирма.",
     "-RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Фирма «Пихта» делает клей. Чтобы стать резидентом технопарка «Лиственный», компания "
     "должна вложить миллион рублей.", "-RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Фирма «Пихта» делает клей. Ни одна компания пока не стала резидентом технопарка "
     "«Лиственный».", "-RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Технопарк «Лиственный» открыли в Кирове. Любой технопарк находится в ведении области.",
     "-LOCATED_IN технопарк «Лиственный» -> область"),
    # … negated, future, possible or conditional in the reference's sentence
    ("Фирма «Пихта» делает клей. Она не является резидентом технопарка «Лиственный».",
     "-RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Завод «Пихта» делает клей. Предприятие так и не вошло в холдинг «Кряж».",
     "-PART_OF Пихта -> Кряж"),
    ("Фирма «Пихта» делает клей. В следующем году она станет резидентом технопарка "
     "«Лиственный».", "-RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Завод «Пихта» делает клей. Со временем предприятие может войти в холдинг «Кряж».",
     "-PART_OF Пихта -> Кряж"),
    ("Фирма «Пихта» делает клей. Если компания станет резидентом технопарка «Лиственный», она "
     "получит льготы.", "-RESIDENT_OF Пихта -> технопарк «Лиственный»"),
    ("Олег Зимин руководит фирмой «Пихта». Он выступит на форуме «Лесной край» в мае.",
     "-PARTICIPATED_IN Олег Зимин -> Лесной край"),
    # … inside direct speech: the speaker's «компания», «она» may be another thing
    ("Фирма «Пихта» делает клей. «Компания входит в холдинг «Кряж»», — сказал директор "
     "фабрики «Ольха» Олег Зимин.", "-PART_OF Пихта -> Кряж"),
    ("Фирма «Пихта» делает клей. Олег Зимин из фабрики «Ольха» заявил: «Она входит в холдинг "
     "«Кряж»».", "-PART_OF Пихта -> Кряж"),
    # … an unnamed thing of the pronoun's gender brought in between: the likelier one meant
    ("Фирма «Пихта» купила станцию. Она расположена в Кирове.", "-LOCATED_IN Пихта -> Киров"),
    ("Компания «Пихта» построила фабрику. Она находится в Кирове.",
     "-LOCATED_IN Пихта -> Киров"),
    # … a list under one plural head word: a bare «фирма» is any of them
    ("Фирмы «Пихта» и «Ольха» делают клей. Фирма находится в Кирове.",
     "-LOCATED_IN Пихта -> Киров"),
    ("Компании «Пихта» и «Ольха» открыли цех. Компания находится в Кирове.",
     "-LOCATED_IN Пихта -> Киров"),
    # … but a new thing of another gender leaves the pronoun its antecedent
    ("Фирма «Пихта» купила цех. Она стала резидентом технопарка «Лиственный».",
     "+RESIDENT_OF Пихта -> технопарк «Лиственный»"),
]


@pytest.mark.parametrize("text, fact", CASES)
def test_reference_cases(pipeline, text, fact):
    check_case(pipeline, text, fact)


def _processed(pipeline, text: str):
    from ruextract.doc import RawDoc

    raw = RawDoc(source="t.txt", raw_text=text, encoding="utf-8", format="txt")
    return next(iter(pipeline.process([pipeline.normaliser.prepare(raw)])))


def test_references_leave_no_mention(pipeline):
    """The stand-ins are the matchers' alone: the mentions stored are the names."""
    doc = _processed(pipeline, "Фирма «Пихта» делает клей. Позже она стала резидентом "
                     "технопарка «Лиственный».")
    assert [m.text for m in doc.mentions if m.text.lower() == "она"] == []
    assert all(m.source != "rule:reference" for m in doc.mentions)
    for entity in doc.entities:
        assert all(doc.mentions[i].entity_id == entity.entity_id for i in entity.mention_ids)


STAND_IN_TEXTS = [
    "Фирма «Пихта» делает клей. Позже она стала резидентом технопарка «Лиственный».",
    "Делегация из Монголии прибыла в Киров. Фабрика «Пихта» делает клей. Гости осмотрели это "
    "предприятие. Оно входит в холдинг «Кряж».",
    "Олег Брусникин возглавляет фирму «Пихта». Он выступил на форуме «Лесной край». Компания "
    "входит в холдинг «Кряж».",
]


def _stored(pipeline, text: str) -> tuple[list[tuple], list[tuple]]:
    """The mentions and entities a run stores for ``text``, as plain tuples."""
    doc = _processed(pipeline, text)
    return ([(m.start, m.end, m.type, m.text, m.normal, m.source, m.sent_id, m.entity_id)
             for m in doc.mentions],
            [(e.entity_id, e.type, e.normal, e.key, list(e.mention_ids)) for e in doc.entities])


@pytest.mark.parametrize("text", STAND_IN_TEXTS,
                         ids=["pronoun", "group-and-noun", "person-and-noun"])
def test_references_change_no_stored_mention(pipeline, monkeypatch, text):
    """Mentions and entities (their mention ids, keys, delegation mentions) come out exactly
    as they do with no reference resolved: the stand-ins change the facts alone."""
    from ruextract.relations import extractor

    with_references = _stored(pipeline, text)
    monkeypatch.setattr(extractor, "add_references", lambda ctx: [])
    assert _stored(pipeline, text) == with_references

"""Backoff rules (relations/backoff.py): a family's fact in a sentence with its cue word, one
thing of one side and things of the other, where none of its construction rules spoke. One
line each: a fact that must ('+') or must not ('-') be found."""

from __future__ import annotations

import pytest

from test_relations import check_case

CASES = [
    # RESIDENT_OF: a resident word, one park, the organisations beside it
    ("Фирмы «Пихта» и «Ольха» сегодня в числе крупнейших резидентов парка «Кряж».",
     "+RESIDENT_OF Ольха -> парк «Кряж»"),
    ("Резидентов технопарка «Кряж» уже сорок, и фирма «Пихта» — самый старый из них.",
     "+RESIDENT_OF Пихта -> технопарк «Кряж»"),
    # … not a partner, a customer, a branch's parent, nor residents only told of
    ("Резиденты технопарка «Кряж» заключили договор с фирмой «Пихта».",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    ("Резиденты технопарка «Кряж» шьют одежду для сети «Пихта».",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    ("Директор технопарка «Кряж» показал гостям лабораторию «Пихта» и рассказал о резидентах.",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    # … nor an application, a wish, a loss, a future, a negation, a supply, a visit
    ("Фирма «Пихта» подала заявку на статус резидента технопарка «Кряж».",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    ("Фирма «Пихта» видит возможность в статусе резидента технопарка «Кряж».",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    ("Фирма «Пихта» лишилась статуса резидента технопарка «Кряж».",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    ("Фирма «Пихта» будет одним из резидентов технопарка «Кряж».",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    ("Фирма «Пихта» поставляет станки резидентам технопарка «Кряж».",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    ("Резиденты технопарка «Кряж» посетили завод «Пихта».",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    ("Фирма «Пихта» приняла на работу резидентов технопарка «Кряж».",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    ("Фирма «Пихта», один из бывших резидентов технопарка «Кряж», закрыла склад.",
     "-RESIDENT_OF Пихта -> технопарк «Кряж»"),
    # … nor where two parks are named
    ("Фирма «Пихта», резидент технопарка «Кряж», открыла склад в ОЭЗ «Ольха».",
     "-RESIDENT_OF Пихта -> ОЭЗ «Ольха»"),
]


@pytest.mark.parametrize("text, fact", CASES)
def test_backoff_case(pipeline, text, fact):
    check_case(pipeline, text, fact)

"""An article's date as feeds and spreadsheets write it, read as ISO (dates.iso_date)."""

from __future__ import annotations

import pytest

from ruextract.dates import iso_date


@pytest.mark.parametrize("value, iso", [
    ("2025-03-20", "2025-03-20"),
    ("2025-03-20T10:00:00+03:00", "2025-03-20"),
    ("2025/03/20", "2025-03-20"),
    ("2025-03", "2025-03"),
    ("20.03.2025", "2025-03-20"),
    ("03.04.2025", "2025-04-03"),  # day first, as Russian writes it
    ("03/20/2025", "2025-03-20"),  # month first, where day first is no date
    ("20250320", "2025-03-20"),
    ("Thu, 20 Mar 2025 10:00:00 +0300", "2025-03-20"),
    ("20 марта 2025", "2025-03-20"),
    ("5 апреля 2025 г.", "2025-04-05"),
    ("March 20, 2025", "2025-03-20"),
    ("1742454000", "2025-03-20"),  # Unix time, seconds
    ("1742454000000", "2025-03-20"),  # and milliseconds
    # no date, or none that can be
    ("вчера", None), ("", None), (None, None), ("45.03.2025", None), ("2025-13-01", None),
    ("1234", None), ("31.02.2025", None),
])
def test_an_articles_date_is_read_in_the_forms_inputs_give_it(value, iso):
    assert iso_date(value) == iso


def test_a_visit_dated_without_its_year_takes_the_year_of_a_day_first_article_date(pipeline):
    from ruextract.doc import RawDoc
    from ruextract.store import document_row

    raw = RawDoc("a.txt", "14 марта делегация из Ольховии посетила технопарк «Кедр».", "utf-8",
                 "txt", date="20.03.2025")
    (doc,) = pipeline.process([pipeline.normaliser.prepare(raw)])
    visits = [r for r in doc.relations if r.type == "VISITED"]
    assert visits and {r.date_iso for r in visits} == {"2025-03-14"}
    assert document_row(doc, "run")["date_iso"] == "2025-03-20"

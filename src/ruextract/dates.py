"""An article's date as its input gives it → ISO: feeds, CMS exports and spreadsheets write it
a dozen ways («2025-03-20T10:00:00+03:00», «20.03.2025», «Thu, 20 Mar 2025 10:00:00 +0300»,
«20 марта 2025», «20250320», a Unix time). Read once, so that every later use (the year of
a date the text gives without one, the ``date_iso`` columns) sees one form."""

from __future__ import annotations

import datetime
import re
from email.utils import parsedate_to_datetime

# the years an article of ours can be from: a number outside them is no date («1234»)
YEARS = range(1990, 2101)
# a month's name as Russian and English write it, by its first letters
MONTH_STEMS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7,
    "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?![\d])")
DAY_FIRST = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?![\d])")
COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
UNIX_TIME = re.compile(r"\d{9,10}|\d{12,13}")  # seconds, or milliseconds
WORDS = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})|([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")


def iso_date(value: str | None) -> str | None:
    """``value`` as «YYYY-MM-DD» (or «YYYY-MM» where it gives no day); None where it is no
    date this reads. Day first where digits could be either («03.04.2025» is 3 April), month
    first where day first is none («03/20/2025»)."""
    text = (value or "").strip()
    if not text:
        return None
    if UNIX_TIME.fullmatch(text):
        seconds = int(text) / (1000 if len(text) > 10 else 1)
        day = datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC).date()
        return day.isoformat() if day.year in YEARS else None
    if COMPACT.fullmatch(text):
        return _valid(*(int(part) for part in COMPACT.fullmatch(text).groups()))
    if (found := YEAR_FIRST.match(text)) is not None:
        year, month, day = found.groups()
        return _valid(int(year), int(month), int(day) if day else None)
    if (found := DAY_FIRST.match(text)) is not None:
        day, month, year = (int(part) for part in found.groups())
        # («03/20/2025»: month first, where day first is no date)
        return _valid(year, month, day) or _valid(year, day, month)
    if (found := WORDS.search(text)) is not None:
        day, month, year = (found.group(1), found.group(2), found.group(3)) \
            if found.group(1) else (found.group(5), found.group(4), found.group(6))
        number = MONTH_STEMS.get(month.lower()[:3])
        return _valid(int(year), number, int(day)) if number else None
    try:  # RFC 2822, as RSS writes it
        return _valid_date(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        return None


def _valid(year: int, month: int, day: int | None) -> str | None:
    try:
        if day is None:
            datetime.date(year, month, 1)
            return f"{year:04d}-{month:02d}" if year in YEARS else None
        return _valid_date(datetime.date(year, month, day))
    except ValueError:
        return None


def _valid_date(day: datetime.date) -> str | None:
    return day.isoformat() if day.year in YEARS else None

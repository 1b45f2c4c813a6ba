"""A normalised date written back out as a UK writer would put it in a report ("on 13 May 2024",
"between 6 and 12 May 2024"), to suggest in place of a relative or vague time."""

from __future__ import annotations

import datetime as dt
import re

from review.nlp.temporal.values import value_range


def uk_day(day: dt.date, *, year: bool = True) -> str:
    """13 May 2024 (no leading zero, month in words, as in UK reports)."""
    return f"{day.day} {day:%B}" + (f" {day.year}" if year else "")


def written_date(value: str | None, report_date: dt.date | None = None) -> str | None:
    """The date or range a TIMEX3 value covers, in words: 'on 13 May 2024', 'in April 2024', 'in 2023',
    'between 6 and 12 May 2024'. A range running up to or past `report_date` ends the day before it
    ("earlier this year"). None for a value with no calendar range (PAST_REF, durations)."""
    span = value_range(value)
    if span is None:
        return None
    first, last = span
    if report_date is not None and first < report_date <= last and first != last:
        last = report_date - dt.timedelta(days=1)
    day_part = (value or "").split("T")[0]
    if first == last:
        return f"on {uk_day(first)}"
    if re.fullmatch(r"\d{4}-\d{2}", day_part) and last.day != first.day and (last + dt.timedelta(days=1)).day == 1:
        return f"in {first:%B} {first.year}"
    if re.fullmatch(r"\d{4}", day_part) and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return f"in {first.year}"
    if first.year != last.year:
        return f"between {uk_day(first)} and {uk_day(last)}"
    if first.month != last.month:
        return f"between {uk_day(first, year=False)} and {uk_day(last)}"
    return f"between {first.day} and {uk_day(last)}"

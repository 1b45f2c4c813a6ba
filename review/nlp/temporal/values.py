"""TIMEX3 values: calendar arithmetic, counts and durations, and the calendar days a value covers."""

from __future__ import annotations

import datetime as dt
import re

from review.nlp.temporal.vocabulary import NUMBER_WORDS, SEASON_START, UNITS, VAGUE_NUMBERS


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def nearest_year(report: dt.date, month: int, day: int = 1) -> int:
    """The year that puts (month, day) nearest the report date (within six months)."""
    best = None
    for year in (report.year - 1, report.year, report.year + 1):
        try:
            candidate = dt.date(year, month, min(day, 28) if month == 2 and day == 29 else day)
        except ValueError:
            continue
        distance = abs((candidate - report).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else report.year


def weekday_date(report: dt.date, weekday: int, direction: str) -> dt.date:
    """A weekday (1 = Monday) relative to `report`: last, next, this (same ISO week), past or future."""
    delta = weekday - report.isoweekday()
    if direction == "this":
        return report + dt.timedelta(days=delta)
    if direction == "last":
        return report - dt.timedelta(days=(report.isoweekday() - weekday) % 7 or 7)
    if direction == "next":
        return report + dt.timedelta(days=delta % 7 or 7)
    if direction == "future":
        return report + dt.timedelta(days=delta % 7)
    return report - dt.timedelta(days=(report.isoweekday() - weekday) % 7)


def parse_count(text: str) -> float | str:
    """A count from digits or words; "X" for vague counts (several, a few)."""
    text = text.lower().strip().replace("-", " ")
    if text in VAGUE_NUMBERS:
        return "X"
    if text.endswith("½"):
        return float(text[:-1] or 0) + 0.5
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = text.split()
    if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    try:
        number = float(text)
    except ValueError:
        return "X"
    return int(number) if number.is_integer() else number


def parse_unit(text: str) -> tuple[str, bool, int]:
    word = text.lower().rstrip(".")
    if word == "centuries":
        word = "century"
    word = word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
    return UNITS[word]


def is_time_of_day_unit(word: str) -> bool:
    """Whether a word is a unit shorter than a day ("minutes", "hrs"): an interval in it keeps to one day."""
    try:
        return parse_unit(word)[1]
    except KeyError:
        return False


def duration_value(count, unit_word: str) -> str:
    letter, is_time, multiplier = parse_unit(unit_word)
    if count == "X":
        amount = "X"
    else:
        amount = count * multiplier
        if letter == "H" and isinstance(amount, float) and not amount.is_integer():
            return f"PT{int(amount * 60)}M"
        amount = int(amount) if float(amount).is_integer() else amount
    if letter == "CE":
        letter, amount = "Y", (amount * 100 if amount != "X" else "X")
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def full_year(two_digits: int, report: dt.date) -> int:
    year = 2000 + two_digits
    return year if year <= report.year + 10 else 1900 + two_digits


def day_value(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def value_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last calendar day a DATE/TIME value covers, or None (REFs, durations, X's)."""
    if not value or "X" in value or value.startswith("P") or value.endswith("_REF"):
        return None
    day_part = value.split("T")[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day_part):
            day = dt.date.fromisoformat(day_part)
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d{2})", day_part):
            start = dt.date(int(m[1]), int(m[2]), 1)
            year, month = shift_months(start, 1)
            return start, dt.date(year, month, 1) - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", day_part):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", day_part):
            start = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
            year, month = shift_months(start, 3)
            return start, dt.date(year, month, 1) - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", day_part):
            start = dt.date(int(m[1]), SEASON_START[m[2]], 1)
            year, month = shift_months(start, 3)
            return start, dt.date(year, month, 1) - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", day_part):
            return dt.date(int(day_part), 1, 1), dt.date(int(day_part), 12, 31)
        if re.fullmatch(r"\d{3}", day_part):
            return dt.date(int(day_part) * 10, 1, 1), dt.date(int(day_part) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", day_part):
            return dt.date(int(day_part) * 100, 1, 1), dt.date(int(day_part) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None

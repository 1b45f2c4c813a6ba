"""Temporal expressions: find DATE, TIME, DURATION and SET expressions in a Doc and normalise them.

Values follow TimeML's TIMEX3 conventions (``2024-03-12``, ``2024-03-12T10:00``, ``2024-03``,
``2024-W10``, ``2024-W10-WE``, ``2024-SU``, ``2024-Q1``, ``199`` for the 1990s, ``P3D``,
``PRESENT_REF``); relative expressions are anchored on the report date, and expressions such
as "the following day" on the last full date before them in the text.

Candidates come from two places:

* rules (the regular expressions below) for what the statistical model misses or mangles:
  UK day-first numeric dates (12/03/2024, 30.05.17, 3.3.24), times (10am, 7.30pm, 19:30,
  "at 10.15", 1930hrs), relative and vague expressions ("last Tuesday", "over the weekend",
  "three years ago", "this morning", "recently", "when she was 4"), durations and sets;
* spaCy's DATE and TIME entities not covered by a rule, normalised with the same grammar
  where it matches the whole entity and with dateparser otherwise. dateparser only ever
  parses these candidates; it never searches the text.

UK conventions come first: numeric dates are read day first.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from review.core.text import doc_text, paragraphs, sentences

__all__ = [
    "TemporalExpression",
    "find_temporal_expressions",
    "sentence_anchors",
    "stated_report_date",
    "value_range",
]


@dataclass
class TemporalExpression:
    """One temporal expression: character offsets into the text, TIMEX3 type and value.

    `anchor` is the first calendar day the value points at (None for durations, sets,
    PRESENT_REF and the like); `imprecise` marks vague or age-relative anchors ("recently",
    "early August 2013", "when she was 4"); `relative` says what the value was worked out
    from: "report" (the report date), "context" (an earlier date in the text) or None
    (the expression alone).
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    imprecise: bool = False
    anchor: dt.date | None = None
    relative: str | None = None


# --------------------------------------------------------------------------- vocabulary

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thur": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
    "a couple of": 2, "couple of": 2,
}
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a number of")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "last": 4, "final": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# unit -> (TIMEX3 duration letter, is a time unit, multiplier)
UNITS = {
    "second": ("S", True, 1), "sec": ("S", True, 1), "minute": ("M", True, 1), "min": ("M", True, 1),
    "hour": ("H", True, 1), "hr": ("H", True, 1), "day": ("D", False, 1), "night": ("D", False, 1),
    "week": ("W", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "year": ("Y", False, 1), "decade": ("DE", False, 1), "century": ("CE", False, 1),
}
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
            "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
            "halloween": (10, 31), "bonfire night": (11, 5), "valentine's day": (2, 14)}
FUTURE_CUES = re.compile(
    r"\b(will|shall|won't|'ll|going to|due|scheduled|planned|plans? to|expects? to|intends? to|"
    r"upcoming|is to|are to|next)\b", re.I)
AGE_WORDS = "baby|toddler|child|young child|infant|teenager|newborn|small child|little girl|little boy|youngster"

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
_FULLDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUMWORD = r"(?:a couple of|couple of|a few|a number of|few|several|many|some|twenty[- ]one|twenty[- ]four|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|\d+(?:\.\d+)?|\d+½)"
_UNIT = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"
_APPROX = r"(?:about|around|approximately|approx\.?|roughly|nearly|almost|over|more than|less than|under|at least|up to|just over|just under|some|circa|c\.)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"


# --------------------------------------------------------------------------- calendar helpers

def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def _nearest_year(report: dt.date, month: int, day: int = 1) -> int:
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


def _weekday(report: dt.date, weekday: int, direction: str) -> dt.date:
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


def _number(text: str) -> float | str:
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


def _unit(text: str) -> tuple[str, bool, int]:
    word = text.lower().rstrip(".")
    if word == "centuries":
        word = "century"
    word = word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
    return UNITS[word]


def _duration(count, unit_word: str) -> str:
    letter, is_time, multiplier = _unit(unit_word)
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


def _full_year(two_digits: int, report: dt.date) -> int:
    year = 2000 + two_digits
    return year if year <= report.year + 10 else 1900 + two_digits


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
            year, month = _shift_months(start, 1)
            return start, dt.date(year, month, 1) - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", day_part):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", day_part):
            start = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
            year, month = _shift_months(start, 3)
            return start, dt.date(year, month, 1) - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", day_part):
            start = dt.date(int(m[1]), SEASON_START[m[2]], 1)
            year, month = _shift_months(start, 3)
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


# --------------------------------------------------------------------------- the grammar

@dataclass
class _Context:
    report: dt.date
    future: bool          # the sentence speaks of the future
    previous: dt.date | None  # last full date before the expression (for "the next day")


@dataclass
class _Result:
    type: str
    value: str | None
    imprecise: bool = False
    relative: str | None = None
    time_of_day: str | None = None  # "T10:00" for times whose day comes from context


_Handler = Callable[[re.Match, _Context], "_Result | None"]
_RULES: list[tuple[re.Pattern, _Handler, int]] = []


def _normalised(handler: "_Handler", match: re.Match, ctx: "_Context") -> "_Result | None":
    """The handler's result; an expression whose date falls outside the calendar ("800000 days
    ago") is still a DATE, with no value."""
    try:
        return handler(match, ctx)
    except (OverflowError, ValueError):
        return _Result("DATE", None)


def _rule(pattern: str, priority: int = 0):
    """Register a pattern (case-insensitive, word-bounded) and the handler that normalises it."""
    compiled = re.compile(r"(?<![\w/.:-])" + pattern + r"(?![\w]|[/:]\d|\.\d)", re.I)

    def register(handler: _Handler) -> _Handler:
        _RULES.append((compiled, handler, priority))
        return handler

    return register


def _preceded_by(m: re.Match, pattern: str) -> bool:
    """True when the text just before the match ends with `pattern`."""
    return bool(re.search(pattern + r"$", m.string[max(0, m.start() - 30):m.start()], re.I))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _day_value(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# numeric dates, day first: 12/03/2024, 30.05.17, 3.3.24, 12-03-2024; ISO 2024-03-12
@_rule(r"(?:(?P<wd>" + _DAY + r"),?\s+)?(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})", 5)
def _numeric_date(m, ctx):
    day, month, year = int(m["d"]), int(m["m"]), m["y"]
    year = int(year) if len(year) == 4 else _full_year(int(year), ctx.report)
    value = _day_value(year, month, day)
    return _Result("DATE", value) if value else None


@_rule(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", 5)
def _iso_date(m, ctx):
    value = _day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return _Result("DATE", value) if value else None


# 12 March 2024, Monday 11th March, the 3rd of May 2020
@_rule(r"(?:(?P<wd>" + _DAY + r"),?\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>" + _MONTH
       + r")(?:,?\s+(?P<y>" + _YEAR + r"|'\d\d))?", 4)
def _day_month(m, ctx):
    if not _capitalised(m["mon"]):
        return None
    month = MONTHS[m["mon"].lower().rstrip(".")]
    day = int(m["d"])
    year = _explicit_year(m["y"], ctx) or _nearest_year(ctx.report, month, day)
    value = _day_value(year, month, day)
    return _Result("DATE", value, relative=None if m["y"] else "report") if value else None


def _explicit_year(text: str | None, ctx: _Context) -> int | None:
    if not text:
        return None
    return _full_year(int(text[1:]), ctx.report) if text.startswith("'") else int(text)


# March 12, Jan. 2, 2013, Tuesday March 5th: the same groups in American order
_rule(r"(?:(?P<wd>" + _DAY + r"),?\s+)?(?P<mon>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>"
      + _YEAR + r"))?", 4)(_day_month)


# (early|mid|late|the end of) August 2013, June 2022, mid-April, the end of March
@_rule(r"(?:(?P<mod>early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)[\s-]+)?(?P<mon>" + _MONTH
       + r")(?:,?\s+(?:of\s+)?(?P<y>" + _YEAR + r"))?", 2)
def _month(m, ctx):
    word = m["mon"].rstrip(".")
    if not _capitalised(word):
        return None
    if not (m["y"] or m["mod"]) and not _after_temporal_preposition(m):
        return None  # a bare "May", "April" or "June" is as often a name or a verb: only "in May", "since June"
    month = MONTHS[word.lower()]
    if m["y"]:
        year, relative = int(m["y"]), None
    else:
        year, relative = _nearest_year(ctx.report, month, 15), "report"
    return _Result("DATE", f"{year}-{month:02d}", imprecise=bool(m["mod"]), relative=relative)


_TEMPORAL_PREPOSITION = re.compile(
    r"\b(?:in|since|until|till|by|from|during|before|after|between|and|to|of|through|throughout|"
    r"last|next|this|early|late|mid|end|since|or|the|on|for)\s*$", re.I)


def _after_temporal_preposition(m: re.Match) -> bool:
    before = m.string[max(0, m.start() - 20):m.start()]
    return bool(_TEMPORAL_PREPOSITION.search(before))


# last August, next June, this March
@_rule(r"(?P<rel>last|next|this)\s+(?P<mon>" + _MONTH + r")", 3)
def _relative_month(m, ctx):
    if not _capitalised(m["mon"]):
        return None
    month = MONTHS[m["mon"].lower().rstrip(".")]
    rel = m["rel"].lower()
    year = ctx.report.year
    if rel == "last":
        year -= 0 if month < ctx.report.month else 1
    elif rel == "next":
        year += 0 if month > ctx.report.month else 1
    return _Result("DATE", f"{year}-{month:02d}", relative="report")


# years: in 2015, since 2008, by 2020, the 2015 referral, 2016 and 2017; (early|mid|late) 2020
@_rule(r"(?:(?P<mod>early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)[\s-]+)?(?:(?P<fy>fiscal|financial\s+year)\s+)?(?P<y>"
       + _YEAR + r")(?!\s*(?:%|per\s*cent|percent|people|children|pupils|pounds|miles|metres|hours|words|calls))", 1)
def _year(m, ctx):
    if not (m["mod"] or m["fy"]):
        before = m.string[max(0, m.start() - 25):m.start()]
        if not re.search(r"(?:\b(?:in|since|until|till|by|from|during|before|after|between|and|to|of|or|the|"
                         r"early|late|mid|spring|summer|autumn|winter|year|born|around|about|circa|c\.|than|"
                         r"through|throughout)|[,(])\s*$", before, re.I) and not re.match(r"\s*[,:]", m.string[m.end():]):
            return None
    return _Result("DATE", m["y"], imprecise=bool(m["mod"]))


# the 1990s, the early 1980s
@_rule(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>1[89]\d0|20\d0)'?s")
def _decade(m, ctx):
    return _Result("DATE", m["dec"][:3], imprecise=bool(m["mod"]))


# the 19th century
@_rule(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century")
def _century(m, ctx):
    return _Result("DATE", f"{int(m['n']) - 1:02d}")


# the first quarter (of 2012), the end of the third quarter
@_rule(r"(?:the\s+(?:start|beginning|middle|end)\s+of\s+)?the\s+(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+quarter(?:\s+of\s+(?P<y>"
       + _YEAR + r"))?", 3)
def _quarter(m, ctx):
    quarter = ORDINALS[m["q"].lower()]
    year = int(m["y"]) if m["y"] else _nearest_year(ctx.report, 3 * quarter - 1, 15)
    return _Result("DATE", f"{year}-Q{quarter}", relative=None if m["y"] else "report")


# seasons: the summer of 2019, summer 2022, last summer, this autumn, the summer
@_rule(r"(?:(?P<rel>last|this|next|the|early|late)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>"
       + _YEAR + r"))?", 2)
def _season(m, ctx):
    if not (m["rel"] or m["y"]):
        return None
    season = SEASONS[m["s"].lower()]
    if season == "FA" and m["s"].lower() == "fall" and not m["y"] and (m["rel"] or "").lower() not in ("last", "this", "next"):
        return None  # "the fall" is usually an accident, not autumn
    rel = (m["rel"] or "").lower()
    start = SEASON_START[season]
    if m["y"]:
        year = int(m["y"])
    elif rel == "this":
        year = ctx.report.year
    elif rel == "last":
        year = ctx.report.year if start + 3 <= ctx.report.month else ctx.report.year - 1
    elif rel == "next":
        year = ctx.report.year if start > ctx.report.month else ctx.report.year + 1
    elif season == "WI":  # winter starts in December: its middle is the January after
        year = _nearest_year(ctx.report, 1, 15) - 1
    else:
        year = _nearest_year(ctx.report, start + 1, 15)
    return _Result("DATE", f"{year}-{season}", imprecise=True, relative=None if m["y"] else "report")


# today, yesterday, tomorrow, tonight, (yesterday|this|tomorrow) morning, last night
@_rule(r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)"
       r"(?:\s+(?P<part>morning|afternoon|evening|night))?", 3)
def _deictic_day(m, ctx):
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
    word = re.sub(r"\s+", " ", m["w"].lower())
    offset = -2 if "before" in word else 2 if "after" in word else offsets[word]
    day = (ctx.report + dt.timedelta(days=offset)).isoformat()
    part = m["part"] or ("night" if word == "tonight" else None)
    if part:
        return _Result("TIME", f"{day}T{PARTS_OF_DAY[part.lower()]}", relative="report")
    return _Result("DATE", day, relative="report")


@_rule(r"(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)", 3)
def _this_part_of_day(m, ctx):
    part = m["part"].lower()
    if m["rel"].lower() == "last":
        if part != "night":
            return None
        day = ctx.report - dt.timedelta(days=1)
    else:
        day = ctx.report
    return _Result("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part]}", relative="report")


# weekdays: last Tuesday, on Friday, early Saturday, Sunday morning
@_rule(r"(?:(?P<rel>last|next|this|early|late|on)\s+)?(?P<wd>" + _FULLDAY + r")(?:\s+(?P<part>morning|afternoon|evening|night))?", 2)
def _weekday_name(m, ctx):
    if not _capitalised(m["wd"]):
        return None
    rel = (m["rel"] or "").lower()
    direction = rel if rel in ("last", "next", "this") else ("future" if ctx.future else "past")
    day = _weekday(ctx.report, WEEKDAYS[m["wd"].lower()], direction).isoformat()
    if m["part"]:
        return _Result("TIME", f"{day}T{PARTS_OF_DAY[m['part'].lower()]}", relative="report")
    return _Result("DATE", day, relative="report")


# the weekend, last weekend, this weekend, next weekend
@_rule(r"(?P<rel>the|last|this|next)\s+weekend", 3)
def _weekend(m, ctx):
    rel = m["rel"].lower()
    saturday = _weekday(ctx.report, 6, "past" if not ctx.future else "future")
    if rel == "last":
        saturday = _weekday(ctx.report, 6, "last") if ctx.report.isoweekday() < 6 else \
            saturday - dt.timedelta(days=7)
    elif rel == "next":
        saturday = _weekday(ctx.report, 6, "next")
    elif rel == "this":
        saturday = _weekday(ctx.report, 6, "this")
    return _Result("DATE", _iso_week(saturday) + "-WE", relative="report")


# last week, this month, next year, the following week (relative to context), the previous month
@_rule(r"(?P<rel>last|this|next|the\s+following|the\s+previous|the\s+next|the\s+same|that|earlier\s+this|later\s+this)"
       r"\s+(?P<u>week|month|year|fortnight|day|morning|afternoon|evening|night)", 2)
def _relative_period(m, ctx):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["u"].lower()
    if rel in ("the following", "the previous", "the next", "the same", "that"):
        if ctx.previous is None:
            return _Result("DATE", None, relative="context")
        base, relative = ctx.previous, "context"
        step = {"the following": 1, "the next": 1, "the previous": -1, "the same": 0, "that": 0}[rel]
    else:
        if unit in ("day", "morning", "afternoon", "evening", "night"):
            return None
        base, relative = ctx.report, "report"
        step = {"last": -1, "this": 0, "next": 1, "earlier this": 0, "later this": 0}[rel]
    imprecise = rel in ("earlier this", "later this")
    if unit in ("morning", "afternoon", "evening", "night"):
        if step:
            return None
        return _Result("TIME", f"{base.isoformat()}T{PARTS_OF_DAY[unit]}", relative=relative)
    if unit == "day":
        return _Result("DATE", (base + dt.timedelta(days=step)).isoformat(), relative=relative)
    if unit in ("week", "fortnight"):
        return _Result("DATE", _iso_week(base + dt.timedelta(weeks=step)), imprecise, relative)
    if unit == "month":
        year, month = _shift_months(base, step)
        return _Result("DATE", f"{year}-{month:02d}", imprecise, relative)
    return _Result("DATE", str(base.year + step), imprecise, relative)


# the end of the year, the beginning of the month
@_rule(r"the\s+(?:start|beginning|middle|end)\s+of\s+(?P<rel>the|this|last|next)\s+(?P<u>week|month|year)", 3)
def _part_of_period(m, ctx):
    step = {"the": 0, "this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    unit = m["u"].lower()
    if unit == "week":
        value = _iso_week(ctx.report + dt.timedelta(weeks=step))
    elif unit == "month":
        year, month = _shift_months(ctx.report, step)
        value = f"{year}-{month:02d}"
    else:
        value = str(ctx.report.year + step)
    return _Result("DATE", value, imprecise=True, relative="report")


# three years ago, a week ago, two days later (after an earlier date), 18 months earlier
@_rule(r"(?:" + _APPROX + r"\s+)?(?P<n>" + _NUMWORD + r")[\s-]+(?P<u>" + _UNIT + r")\s+(?P<dir>ago|earlier|later|previously|before|after|from\s+now)", 4)
def _offset(m, ctx):
    count = _number(m["n"])
    direction = m["dir"].lower()
    if direction in ("before", "after") and re.match(r"\s+[\w']", m.string[m.end():]):
        return None  # "two years after the crisis began": a duration, not a date
    sign = -1 if direction in ("ago", "earlier", "previously", "before") else 1
    if direction in ("ago", "from now"):
        base, relative = ctx.report, "report"
    else:
        if ctx.previous is None:
            return _Result("DATE", None, relative="context")
        base, relative = ctx.previous, "context"
    if count == "X":
        return _Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", imprecise=True, relative=relative)
    letter, is_time, multiplier = _unit(m["u"])
    amount = int(count * multiplier) if not isinstance(count, str) else 0
    if is_time:
        return _Result("TIME", None, relative=relative)
    if letter == "D":
        return _Result("DATE", (base + dt.timedelta(days=sign * amount)).isoformat(), relative=relative)
    if letter == "W":
        return _Result("DATE", _iso_week(base + dt.timedelta(weeks=sign * amount)), relative=relative)
    if letter == "M":
        year, month = _shift_months(base, sign * amount)
        return _Result("DATE", f"{year}-{month:02d}", relative=relative)
    if letter == "Y":
        return _Result("DATE", str(base.year + sign * amount), relative=relative)
    if letter == "DE":
        return _Result("DATE", str(base.year + sign * amount * 10)[:3], relative=relative)
    return None


# some time ago, a while ago, years ago, recently, lately, the other day, in the past, recent years
@_rule(r"(?P<w>some\s+time\s+ago|a\s+(?:long\s+|short\s+)?while\s+ago|a\s+long\s+time\s+ago|long\s+ago|years\s+ago|months\s+ago|"
       r"weeks\s+ago|recently|lately|the\s+other\s+day|the\s+past|(?:in\s+)?recent\s+(?:years|months|weeks|days|times)|"
       r"some\s+years\s+ago|the\s+recent\s+past|not\s+long\s+ago)", 3)
def _past_ref(m, ctx):
    if m["w"].lower().startswith("the") and not _preceded_by(m, r"\bin\s+"):
        return None
    return _Result("DATE", "PAST_REF", imprecise=True, relative="report")


@_rule(r"(?P<w>the\s+(?:near\s+|distant\s+)?future)", 3)
def _future_ref(m, ctx):
    if not _preceded_by(m, r"\bin\s+"):
        return None
    return _Result("DATE", "FUTURE_REF", relative="report")


# now, currently, at present, at the moment, presently, nowadays
@_rule(r"(?P<w>now|currently|at\s+present|at\s+the\s+moment|presently|nowadays|at\s+this\s+time)", 1)
def _present_ref(m, ctx):
    return _Result("DATE", "PRESENT_REF", relative="report")


# when she was 4, when he was a baby, as a baby, as a child, at the age of 6, aged 4 at the time
@_rule(r"(?P<w>when\s+(?:she|he|they|i|[A-Z][a-z]+)\s+(?:was|were)\s+(?:(?:only|just|about|around|nearly|a)\s+)*(?:\d{1,2}|"
       + "|".join(w for w in NUMBER_WORDS if " " not in w and w not in ("a", "an")) + r"|" + AGE_WORDS + r"|younger|young|little|small)"
       r"(?:\s+(?:years?|months?|weeks?)(?:\s+old)?)?|as\s+an?\s+(?:" + AGE_WORDS + r")|at\s+the\s+age\s+of\s+\d{1,2}"
       r"|in\s+(?:her|his|their)\s+(?:childhood|teens|early\s+years|infancy))", 3)
def _age_anchor(m, ctx):
    return _Result("DATE", None, imprecise=True, relative=None)


# holidays: Christmas, Easter, New Year's Day
@_rule(r"(?:(?P<rel>last|this|next)\s+)?(?P<h>christmas\s+day|christmas\s+eve|christmas|boxing\s+day|new\s+year's\s+(?:day|eve)|"
       r"halloween|bonfire\s+night|valentine's\s+day|easter(?:\s+sunday)?)(?:\s+(?P<y>" + _YEAR + r"))?", 3)
def _holiday(m, ctx):
    if not _capitalised(m["h"]):
        return None
    name = re.sub(r"\s+", " ", m["h"].lower())
    if name.startswith("easter"):
        from dateutil.easter import easter
        year = int(m["y"]) if m["y"] else ctx.report.year
        day = easter(year)
        if not m["y"] and (m["rel"] or "").lower() != "next" and day > ctx.report + dt.timedelta(days=60):
            day = easter(year - 1)
        return _Result("DATE", day.isoformat(), relative=None if m["y"] else "report")
    month, day = HOLIDAYS[name]
    rel = (m["rel"] or "").lower()
    if m["y"]:
        year = int(m["y"])
    elif rel == "last":
        year = ctx.report.year - (0 if (month, day) < (ctx.report.month, ctx.report.day) else 1)
    elif rel == "next":
        year = ctx.report.year + (0 if (month, day) > (ctx.report.month, ctx.report.day) else 1)
    else:
        year = _nearest_year(ctx.report, month, day)
    return _Result("DATE", f"{year}-{month:02d}-{day:02d}", relative=None if m["y"] else "report")


# times: 10am, 7.30pm, 10:30 a.m., (approximately) 19:30, 1930hrs, at 10.15, noon, midday, midnight
_AMPM = r"(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m)"


def _clock(hour: int, minute: int, ampm: str | None) -> str | None:
    if ampm:
        if not 1 <= hour <= 12:
            return None
        pm = ampm.lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    if not (0 <= hour <= 24 and 0 <= minute <= 59):
        return None
    return f"T{hour:02d}:{minute:02d}"


@_rule(r"(?:" + _APPROX + r"\s+|shortly\s+(?:before|after)\s+|just\s+(?:before|after)\s+)?(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s*" + _AMPM, 5)
def _ampm_time(m, ctx):
    clock = _clock(int(m["h"]), int(m["min"] or 0), m["ampm"])
    return _Result("TIME", None, time_of_day=clock) if clock else None


@_rule(r"(?:" + _APPROX + r"\s+)?(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?:\s*(?:hrs|hours|h)\b)?", 4)
def _colon_time(m, ctx):
    return _Result("TIME", None, time_of_day=_clock(int(m["h"]), int(m["min"]), None))


@_rule(r"(?:" + _APPROX + r"\s+)?(?P<h>[01]\d|2[0-3])\.?(?P<min>[0-5]\d)\s*(?:hrs|hours|h)", 4)
def _military_time(m, ctx):
    return _Result("TIME", None, time_of_day=_clock(int(m["h"]), int(m["min"]), None))


@_rule(r"(?P<h>[01]?\d|2[0-3])\.(?P<min>[0-5]\d)(?!\s*(?:%|per|percent|kg|g\b|cm|m\b|km|miles|metres|meters|litres|ml|mg|pounds|£))", 3)
def _dotted_time(m, ctx):
    if not _preceded_by(m, r"\b(?:at|by|until|till|from|after|before|around|about|approximately|to|and|between)\s+"):
        return None
    return _Result("TIME", None, time_of_day=_clock(int(m["h"]), int(m["min"]), None))


@_rule(r"(?:" + _APPROX + r"\s+)?(?P<w>noon|midday|midnight|(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o'clock)", 3)
def _named_time(m, ctx):
    word = m["w"].lower()
    if word in ("noon", "midday"):
        return _Result("TIME", None, time_of_day="T12:00")
    if word == "midnight":
        return _Result("TIME", None, time_of_day="T24:00")
    hour = int(m["h"]) if m["h"].isdigit() else NUMBER_WORDS[m["h"].lower()]
    return _Result("TIME", None, time_of_day=f"T{hour:02d}:00")


# sets: each day, every other weekend, every Sunday, every three months, twice a day, weekly, daily
@_rule(r"(?:(?:once|twice|three\s+times|four\s+times|\d+\s+times|several\s+times)\s+)?(?P<q>each|every|per|a)\s+(?P<other>other\s+|second\s+)?"
       r"(?:(?P<n>" + _NUMWORD + r")\s+)?(?P<u>days?|weeks?|months?|years?|fortnights?|weekends?|mornings?|afternoons?|evenings?|nights?|hours?|"
       + _FULLDAY + r"s?)", 3)
def _set(m, ctx):
    quantifier = m["q"].lower()
    if quantifier in ("a", "per") and not re.match(r"(?:once|twice|three|four|\d+|several)", m.group(0), re.I):
        return None
    unit = m["u"].lower().rstrip("s") if m["u"].lower() not in ("days", "weeks") else m["u"].lower()[:-1]
    if unit.endswith("day") and unit[:-3] + "day" in WEEKDAYS and unit not in ("day",):
        if m["n"]:
            return None
        return _Result("SET", f"XXXX-WXX-{WEEKDAYS[unit]}")
    if unit in ("morning", "afternoon", "evening", "night"):
        return _Result("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}")
    count = _number(m["n"]) if m["n"] else 1
    if m["other"]:
        count = 2
    if unit == "weekend":
        return _Result("SET", f"P{count}W" if count != 1 else "P1W")
    return _Result("SET", _duration(count, unit))


@_rule(r"(?P<w>daily|weekly|fortnightly|monthly|yearly|annually|annual|hourly|nightly|quarterly|bi-weekly|biweekly)", 2)
def _set_adverb(m, ctx):
    values = {"daily": "P1D", "weekly": "P1W", "fortnightly": "P2W", "bi-weekly": "P2W", "biweekly": "P2W",
              "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y", "hourly": "PT1H",
              "nightly": "XXXX-XX-XXTNI", "quarterly": "P3M"}
    return _Result("SET", values[m["w"].lower()])


# weekdays with a plural part of the day are habitual: on Tuesday and Thursday evenings
@_rule(r"(?:on\s+)?(?P<wd>" + _FULLDAY + r")(?:\s*(?:,|and|&|or)\s*" + _FULLDAY
       + r")*\s+(?P<part>mornings|afternoons|evenings|nights)", 3)
def _weekday_part_plural(m, ctx):
    if not _capitalised(m["wd"]):
        return None
    part = PARTS_OF_DAY[m["part"].lower()[:-1]]
    return _Result("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}T{part}")


# plural weekdays and parts of the day used habitually: on Mondays, most afternoons
@_rule(r"(?:most\s+|on\s+)?(?P<wd>" + _FULLDAY + r")s", 1)
def _weekday_plural(m, ctx):
    if not _capitalised(m["wd"]):
        return None
    return _Result("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}")


# durations: three days, 18 months, the past two years, five consecutive days, a two-year high
@_rule(r"(?:(?P<the>the)\s+(?:(?P<rel>past|last|previous|next|coming|following|first|same)\s+)?)?(?:" + _APPROX
       + r"\s+)?(?P<n>" + _NUMWORD + r")(?:\s+|-)(?:(?:consecutive|working|school|full|straight|calendar|whole|long)\s+)?(?P<u>" + _UNIT + r")"
       r"(?!\s+(?:old|of\s+age|of\s+life)\b)(?!-old)", 1)
def _duration_rule(m, ctx):
    before = m.string[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"\b(?:aged|age|is|was|turned|of)\s*$", before) and not m["the"]:
        return None
    count = _number(m["n"])
    if m["n"].lower() in ("a", "an") and m["u"].lower().endswith("s"):
        return None
    return _Result("DURATION", _duration(count, m["u"]))


# the past week, the last year, the past few months, for weeks, for years
@_rule(r"the\s+(?:past|last|previous)\s+(?P<u>week|fortnight|month|year|decade)", 2)
def _the_past_unit(m, ctx):
    return _Result("DURATION", _duration(1, m["u"]))


@_rule(r"(?P<u>hours|days|weeks|months|years|decades)", 1)
def _for_units(m, ctx):
    if not _preceded_by(m, r"\bfor\s+"):
        return None
    return _Result("DURATION", _duration("X", m["u"]))


# --------------------------------------------------------------------------- finding

@dataclass
class _Candidate:
    start: int
    end: int
    result: _Result
    priority: int
    handler: _Handler | None = None   # the rule that found it (None for a spaCy entity)
    match: re.Match | None = None


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    try:
        return [(s.start_char, s.end_char) for s in sentences(doc)]
    except ValueError:  # no sentence boundaries: the whole text is one sentence
        return [(0, len(doc_text(doc)))]


def _future_flags(text: str, bounds: list[tuple[int, int]]) -> list[bool]:
    return [bool(FUTURE_CUES.search(text[start:end])) for start, end in bounds]


def _rule_candidates(text: str, report: dt.date, sentence_of, future) -> list[_Candidate]:
    found = []
    for pattern, handler, priority in _RULES:
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            index = sentence_of(match.start())
            ctx = _Context(report, future[index] if index is not None else False, None)
            result = _normalised(handler, match, ctx)
            if result is None:
                continue
            start, end = _trim(text, match.start(), match.end())
            found.append(_Candidate(start, end, result, priority, handler, match))
    return found


_LEADING = re.compile(r"^(?:on|at|in|since|from|until|till|by|during|over|for|of|around\s+(?=\D))\s+", re.I)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out a leading preposition and trailing punctuation (TimeML extents)."""
    chunk = text[start:end]
    lead = _LEADING.match(chunk)
    if lead and chunk.lower().startswith(("on ", "in ", "since ", "from ", "until ", "till ", "by ", "during ", "over ", "for ", "of ")):
        start += lead.end()
    while end > start and text[end - 1] in ",;:()[]'\" ":
        end -= 1
    if text[end - 1:end] == "." and not _ABBREVIATION_END.search(text[start:end]):
        end -= 1
    return start, end


_ABBREVIATION_END = re.compile(r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mon|tues?|wed|thu|thurs?|fri|sat|sun)"
                               r"|\b[ap]\.m|\bc)\.$", re.I)


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (then by rule priority)."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


_AGE_CONTEXT = re.compile(r"\b(?:aged?|years?\s+old|months?\s+old|weeks?\s+old|-year-old|-month-old|DOB|born)\b", re.I)
_TEMPORAL_WORD = re.compile(
    r"\b(?:" + _MONTH + r"|" + _FULLDAY + r"|day|week|month|year|decade|century|morning|afternoon|evening|night|"
    r"spring|summer|autumn|winter|weekend|hour|minute|today|yesterday|tomorrow|\d{4})s?\b", re.I)


_SCHOOL_YEAR = re.compile(r"(?:school\s+)?year\s+\d{1,2}|reception|nursery", re.I)
_NAMED_TIME = re.compile(r"\b(?:" + _MONTH + r"|" + _FULLDAY + r"|" + _YEAR + r")\b|\bago\b", re.I)


@functools.lru_cache(maxsize=8)
def _date_parser(report: dt.date):
    """A dateparser parser anchored on one report date (built once per date: building is slow)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": dt.datetime.combine(report, dt.time()),
        "PREFER_DAY_OF_MONTH": "first",
    })


def _dateparser_value(text: str, report: dt.date) -> _Result | None:
    data = _date_parser(report).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day, period = data.date_obj, data.period
    if period == "year":
        return _Result("DATE", f"{day.year}")
    if period == "month":
        return _Result("DATE", f"{day.year}-{day.month:02d}")
    if period == "week":
        return _Result("DATE", _iso_week(day.date()))
    if period == "time":
        return _Result("TIME", day.strftime("%Y-%m-%dT%H:%M"))
    return _Result("DATE", day.date().isoformat())


def _entity_candidates(doc: Doc, report: dt.date, taken: list[_Candidate], sentence_of, future) -> list[_Candidate]:
    """spaCy DATE/TIME entities that no rule covers, normalised by the grammar or dateparser."""
    found = []
    full_text = doc_text(doc)
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = _trim(full_text, ent.start_char, ent.end_char)
        if end <= start or any(start < c.end and c.start < end for c in taken):
            continue
        text = full_text[start:end]
        window = full_text[max(0, start - 12):min(len(full_text), end + 12)]
        if _AGE_CONTEXT.search(window) or not _TEMPORAL_WORD.search(text) or _SCHOOL_YEAR.fullmatch(text):
            continue
        index = sentence_of(start)
        ctx = _Context(report, future[index] if index is not None else False, None)
        result = _whole_match(text, ctx)
        if result is None and _NAMED_TIME.search(text):
            result = _dateparser_value(text, report)
        if result is None:
            continue  # "the evening", "6-8 week": too vague to keep without a value
        found.append(_Candidate(start, end, result, -1))
    return found


def _whole_match(text: str, ctx: _Context) -> _Result | None:
    for pattern, handler, _ in sorted(_RULES, key=lambda r: -r[2]):
        match = pattern.fullmatch(text)
        if match:
            result = _normalised(handler, match, ctx)
            if result is not None:
                return result
    return None


def find_temporal_expressions(doc: Doc, report_date: dt.date | None = None) -> list[TemporalExpression]:
    """Every temporal expression in `doc`, in text order, normalised against `report_date`.

    `report_date` defaults to ``doc._.report_date`` (else today). Times take their day from a
    full date in the same sentence, else from the date the sentence carries (see
    `sentence_anchors`), else from the last full date before them, else the report date.
    """
    if report_date is None:
        report_date = getattr(doc._, "report_date", None) if Doc.has_extension("report_date") else None
        report_date = report_date or dt.date.today()
    text = doc_text(doc)
    bounds = _sentence_bounds(doc)
    starts = [s for s, _ in bounds]
    from bisect import bisect_right

    def sentence_of(offset: int) -> int | None:
        i = bisect_right(starts, offset) - 1
        return i if i >= 0 else None

    future = _future_flags(text, bounds)
    rule_found = _select(_rule_candidates(text, report_date, sentence_of, future))
    entity_found = _entity_candidates(doc, report_date, rule_found, sentence_of, future)
    chosen = sorted(rule_found + entity_found, key=lambda c: c.start)
    _resolve_context(chosen, report_date, sentence_of, future, text)
    expressions = []
    for cand in chosen:
        result = cand.result
        span = value_range(result.value) if result.type in ("DATE", "TIME") else None
        expressions.append(TemporalExpression(
            start=cand.start, end=cand.end, text=text[cand.start:cand.end], type=result.type, value=result.value,
            imprecise=result.imprecise or result.value in ("PAST_REF", "FUTURE_REF"), anchor=span[0] if span else None,
            relative=result.relative))
    return expressions


def _resolve_context(chosen: list[_Candidate], report: dt.date, sentence_of, future, text: str) -> None:
    """Second pass: times and context-relative expressions take their day from the text around them."""
    day_of_sentence: dict[int, dt.date] = {}
    for cand in chosen:
        value = cand.result.value
        if cand.result.type == "DATE" and value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day_of_sentence.setdefault(sentence_of(cand.start), dt.date.fromisoformat(value))
    previous: dt.date | None = None
    paragraph_day: dt.date | None = None
    paragraph_bounds = paragraphs(text)
    current_paragraph = -1
    for cand in chosen:
        para = next((i for i, (s, e) in enumerate(paragraph_bounds) if s <= cand.start < e), current_paragraph)
        if para != current_paragraph:
            current_paragraph, paragraph_day = para, None
        result = cand.result
        index = sentence_of(cand.start)
        if result.time_of_day is not None:
            day = day_of_sentence.get(index) or paragraph_day or previous
            result.relative = None if index in day_of_sentence else ("context" if day else "report")
            result.value = f"{(day or report).isoformat()}{result.time_of_day}"
        elif result.relative == "context" and cand.handler is not None:
            ctx = _Context(report, future[index] if index is not None else False, previous)
            result = cand.handler(cand.match, ctx) or result
            cand.result = result
        value = result.value
        if result.type in ("DATE", "TIME") and value and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
            previous = paragraph_day = dt.date.fromisoformat(value[:10])


# --------------------------------------------------------------------------- carried dates

_HEADING_END = re.compile(r"[.!?;][\"'”’)\]]*\s*$")


def is_heading(text: str, sentence_text: str, start: int, end: int) -> bool:
    """A sentence that is a whole short line without closing punctuation ("Home visit 11/03/2024")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    return len(sentence_text.split()) <= 14 and not _HEADING_END.search(sentence_text)


def sentence_anchors(doc: Doc, expressions: list[TemporalExpression]) -> list[dict]:
    """For each sentence of `sentences(doc)`: its own dating expressions and the date it carries.

    A dated sentence dates the rest of its paragraph; a specific day also dates the paragraphs
    that follow, until another date or a heading; a dated heading ("Home visit 11/03/2024") dates
    its section; sentences before the first specific day named in a paragraph take that day. Returns dicts with keys ``own`` (expressions in
    the sentence), ``carried`` (a TemporalExpression or None) and ``heading`` (bool).
    """
    spans = sentences(doc)
    text = doc_text(doc)
    own: list[list[TemporalExpression]] = [[] for _ in spans]
    starts = [s.start_char for s in spans]
    from bisect import bisect_right
    for expr in expressions:
        i = bisect_right(starts, expr.start) - 1
        if i >= 0:
            own[i].append(expr)
    paragraph_bounds = paragraphs(text)

    def paragraph_of(offset: int) -> int:
        return next((i for i, (s, e) in enumerate(paragraph_bounds) if s <= offset < e), -1)

    result = []
    carried: TemporalExpression | None = None
    section_date = False  # the carried date comes from a heading and lasts the whole section
    paragraph = -1
    for i, span in enumerate(spans):
        heading = is_heading(text, span.text, span.start_char, span.end_char)
        dating = [e for e in own[i] if dates_an_event(e) and e.value is not None]
        if heading:
            carried, section_date = (dating[0], True) if dating else (None, False)
            result.append({"own": own[i], "carried": None, "heading": True})
            continue
        if paragraph_of(span.start_char) != paragraph:
            paragraph = paragraph_of(span.start_char)
            if carried is not None and not section_date and not _names_a_day(carried):
                carried = None  # only a specific day carries on into the next paragraph
        result.append({"own": own[i], "carried": carried, "heading": False})
        if dating:
            carried, section_date = dating[-1], False
    # sentences before the first day named in a paragraph take that day ("She came in upset. This was
    # on 12/03/2024."); a bare year or month later in the paragraph is too loose to date them
    first_in_paragraph: dict[int, TemporalExpression] = {}
    for i, span in enumerate(spans):
        dating = [e for e in own[i] if dates_an_event(e) and e.value is not None and _names_a_day(e)]
        if dating and not result[i]["heading"]:
            first_in_paragraph.setdefault(paragraph_of(span.start_char), dating[0])
    for i, span in enumerate(spans):
        if result[i]["heading"] or result[i]["carried"] is not None:
            continue
        result[i]["carried"] = first_in_paragraph.get(paragraph_of(span.start_char))
    return result


def _names_a_day(expr: TemporalExpression) -> bool:
    return not expr.imprecise and bool(expr.value) and bool(re.match(r"\d{4}-\d{2}-\d{2}", expr.value))


_CLOCK_TIME = re.compile(r"T\d{2}:\d{2}")


def dates_an_event(expr: TemporalExpression) -> bool:
    """True for an expression that says when something happened (a date or time, even a vague one).

    An expression that takes its day from the text before it ("that night", "the next day")
    says nothing of its own: only the date it refers back to dates the event. A clock time
    ("at 3pm") is a time of its own, whichever day it falls on.
    """
    if expr.type not in ("DATE", "TIME") or expr.value in ("PRESENT_REF", "FUTURE_REF"):
        return False
    if expr.relative == "context" and not (expr.value and _CLOCK_TIME.search(expr.value)):
        return False
    return expr.value is not None or expr.imprecise


# --------------------------------------------------------------------------- the report's own date

_STATED = re.compile(
    r"^[ \t]*(?:date\s+of\s+(?:the\s+)?(?:report|assessment|referral|statement|writing)|report\s+date|date\s+written|"
    r"date\s+completed|date\s+of\s+completion|dated|date)\s*[:\-–]?\s*(?P<date>[^\n]{4,40})$",
    re.I | re.M)


def stated_report_date(text: str) -> dt.date | None:
    """The date a report states as its own, from a line such as "Date of report: 20/03/2024".

    Looks at the first 3,000 characters. The rest of the line must be the date alone, with its
    year: day-first numeric ("20/03/2024", "20.03.24"), ISO, or written ("20 March 2024",
    "March 20, 2024"), so a chronology row ("Date: 14/01/2023 home visit") is not taken for the
    report's date. Returns None when there is no such line.
    """
    ctx = _Context(dt.date.today(), False, None)
    for line in _STATED.finditer(text[:3000]):
        candidate = line["date"].strip()
        for pattern, handler, _ in _RULES:
            if handler not in _FULL_DATE_HANDLERS:
                continue
            found = pattern.match(candidate)
            if found and found["y"] and not candidate[found.end():].strip(" .,;)"):
                result = handler(found, ctx)
                if result and result.value:
                    return dt.date.fromisoformat(result.value)
    return None


_FULL_DATE_HANDLERS = (_numeric_date, _iso_date, _day_month)

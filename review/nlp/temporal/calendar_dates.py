"""Rules for calendar dates: numeric and written dates, months, years, decades, centuries, quarters, seasons."""

from __future__ import annotations

import re

from review.nlp.temporal.grammar import Context, Result, Rule, capitalised, rule_registry
from review.nlp.temporal.values import day_value, full_year, nearest_year
from review.nlp.temporal.vocabulary import (MONTH_WORD, MONTHS, ORDINALS, SEASON_START, SEASONS, WEEKDAY_WORD,
                                            YEAR_DIGITS)

RULES: list[Rule] = []  # in the order written: of two equal matches, the earlier rule wins
_rule = rule_registry(RULES)


# numeric dates, day first: 12/03/2024, 30.05.17, 3.3.24, 12-03-2024; ISO 2024-03-12
@_rule(r"(?:(?P<wd>" + WEEKDAY_WORD + r"),?\s+)?(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})", 5)
def _numeric_date(m, ctx):
    day, month, year = int(m["d"]), int(m["m"]), m["y"]
    year = int(year) if len(year) == 4 else full_year(int(year), ctx.report)
    value = day_value(year, month, day)
    return Result("DATE", value) if value else None


# a day and month with no year, as registers and logs write them: 21/07, 4/08 (not a score such as "rated 7/10",
# nor "24/7")
@_rule(r"(?P<d>\d{1,2})/(?P<m>\d{2})(?!\s*(?:pain|score)\b)", 4)
def _numeric_day_month(m, ctx):
    if re.search(r"\b(?:scor|rat|pain|scale|level|out\s+of)\w*\b[^.\n]*$", m.string[max(0, m.start() - 25):m.start()],
                 re.I):
        return None
    day, month = int(m["d"]), int(m["m"])
    if not 1 <= month <= 12:
        return None
    value = day_value(nearest_year(ctx.report, month, day), month, day)
    return Result("DATE", value, relative="report") if value else None


@_rule(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", 5)
def _iso_date(m, ctx):
    value = day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return Result("DATE", value) if value else None


# 12 March 2024, Monday 11th March, the 3rd of May 2020
@_rule(r"(?:(?P<wd>" + WEEKDAY_WORD + r"),?\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>" + MONTH_WORD
       + r")(?:,?\s+(?P<y>" + YEAR_DIGITS + r"|'\d\d))?", 4)
def _day_month(m, ctx):
    if not capitalised(m["mon"]):
        return None
    month = MONTHS[m["mon"].lower().rstrip(".")]
    day = int(m["d"])
    year = _explicit_year(m["y"], ctx) or nearest_year(ctx.report, month, day)
    value = day_value(year, month, day)
    return Result("DATE", value, relative=None if m["y"] else "report") if value else None


def _explicit_year(text: str | None, ctx: Context) -> int | None:
    if not text:
        return None
    return full_year(int(text[1:]), ctx.report) if text.startswith("'") else int(text)


# March 12, Jan. 2, 2013, Tuesday March 5th: the same groups in American order
_rule(r"(?:(?P<wd>" + WEEKDAY_WORD + r"),?\s+)?(?P<mon>" + MONTH_WORD + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>"
      + YEAR_DIGITS + r"))?", 4)(_day_month)


# (early|mid|late|the end of) August 2013, June 2022, mid-April, the end of March
@_rule(r"(?:(?P<mod>early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)[\s-]+)?(?P<mon>" + MONTH_WORD
       + r")(?:,?\s+(?:of\s+)?(?P<y>" + YEAR_DIGITS + r"))?", 2)
def _month(m, ctx):
    word = m["mon"].rstrip(".")
    if not capitalised(word):
        return None
    if not (m["y"] or m["mod"]) and not _after_temporal_preposition(m):
        return None  # a bare "May", "April" or "June" is as often a name or a verb: only "in May", "since June"
    month = MONTHS[word.lower()]
    if m["y"]:
        year, relative = int(m["y"]), None
    else:
        year, relative = nearest_year(ctx.report, month, 15), "report"
        if not ctx.future and (year, month) > (ctx.report.year, ctx.report.month):
            year -= 1  # "in August", told in March of something that happened: last August
    return Result("DATE", f"{year}-{month:02d}", imprecise=bool(m["mod"]), relative=relative)


_TEMPORAL_PREPOSITION = re.compile(
    r"\b(?:in|since|until|till|by|from|during|before|after|between|and|to|of|through|throughout|"
    r"last|next|this|early|late|mid|end|since|or|the|on|for)\s*$", re.I)


def _after_temporal_preposition(m: re.Match) -> bool:
    before = m.string[max(0, m.start() - 20):m.start()]
    return bool(_TEMPORAL_PREPOSITION.search(before)) or fills_a_table_cell(m)


def fills_a_table_cell(m: re.Match) -> bool:
    """The match is all of a table cell ("| Dec |", "2024<tab>Riley") or opens a line, or a bulleted line,
    before a dash ("2011 - Dad arrested", "- 2011 - Dad arrested"): a chronology's date column."""
    before, after = m.string[max(0, m.start() - 20):m.start()], m.string[m.end():m.end() + 20]
    if re.search(r"(?:^|\n)[ \t]*(?:[-–—•*·▪][ \t]+)?$", before) and re.match(r"[ \t]+[-–—][ \t]+\S", after):
        return True
    # a query mark before the date says it is uncertain ("?Dec | Mason | ..."), still the row's date; a row's first
    # cell has its pipe after it only ("Autumn | Isla | ...")
    return bool(re.search(r"(?:^|[\n|\t])[ ]*\??$", before)) and bool(re.match(r"[ ]*[|\t]", after))


# last August, next June, this March
@_rule(r"(?P<rel>last|next|this)\s+(?P<mon>" + MONTH_WORD + r")", 3)
def _relative_month(m, ctx):
    if not capitalised(m["mon"]):
        return None
    month = MONTHS[m["mon"].lower().rstrip(".")]
    rel = m["rel"].lower()
    year = ctx.report.year
    if rel == "last":
        year -= 0 if month < ctx.report.month else 1
    elif rel == "next":
        year += 0 if month > ctx.report.month else 1
    return Result("DATE", f"{year}-{month:02d}", relative="report")


# years: in 2015, since 2008, by 2020, the 2015 referral, 2016 and 2017; (early|mid|late) 2020
@_rule(r"(?:(?P<mod>early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)[\s-]+)?(?:(?P<fy>fiscal|financial\s+year)\s+)?(?P<y>"
       + YEAR_DIGITS + r")(?!\s*(?:%|per\s*cent|percent|people|children|pupils|pounds|miles|metres|hours|words|calls))", 1)
def _year(m, ctx):
    if not (m["mod"] or m["fy"]):
        before = m.string[max(0, m.start() - 25):m.start()]
        if not re.search(r"(?:\b(?:in|since|until|till|by|from|during|before|after|between|and|to|of|or|the|"
                         r"early|late|mid|spring|summer|autumn|winter|year|born|around|about|circa|c\.|than|"
                         r"through|throughout)|[,(])\s*$", before, re.I) and not re.match(r"\s*[,:]", m.string[m.end():]) \
                and not fills_a_table_cell(m):
            return None
    return Result("DATE", m["y"], imprecise=bool(m["mod"]))


# the 1990s, the early 1980s
@_rule(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>1[89]\d0|20\d0)'?s")
def _decade(m, ctx):
    return Result("DATE", m["dec"][:3], imprecise=bool(m["mod"]))


# the 19th century
@_rule(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century")
def _century(m, ctx):
    return Result("DATE", f"{int(m['n']) - 1:02d}")


# the first quarter (of 2012), the end of the third quarter
@_rule(r"(?:the\s+(?:start|beginning|middle|end)\s+of\s+)?the\s+(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+quarter(?:\s+of\s+(?P<y>"
       + YEAR_DIGITS + r"))?", 3)
def _quarter(m, ctx):
    quarter = ORDINALS[m["q"].lower()]
    year = int(m["y"]) if m["y"] else nearest_year(ctx.report, 3 * quarter - 1, 15)
    return Result("DATE", f"{year}-Q{quarter}", relative=None if m["y"] else "report")


# seasons: the summer of 2019, summer 2022, last summer, this autumn, the summer
@_rule(r"(?:(?P<rel>last|this|next|the|early|late)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>"
       + YEAR_DIGITS + r"))?", 2)
def _season(m, ctx):
    if not (m["rel"] or m["y"] or (capitalised(m["s"]) and fills_a_table_cell(m))):
        return None  # a bare season only as a chronology's date ("Autumn | Isla | ..."): "Summer" is also a name
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
    elif not ctx.future:  # "the summer" told of as past: the last one begun by the report date
        year = ctx.report.year if start <= ctx.report.month else ctx.report.year - 1
    elif season == "WI":  # winter starts in December: its middle is the January after
        year = nearest_year(ctx.report, 1, 15) - 1
    else:
        year = nearest_year(ctx.report, start + 1, 15)
    return Result("DATE", f"{year}-{season}", imprecise=True, relative=None if m["y"] else "report")


FULL_DATE_HANDLERS = (_numeric_date, _iso_date, _day_month)  # the rules that read a whole date, year included

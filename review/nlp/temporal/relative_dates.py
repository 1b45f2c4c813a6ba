"""Rules for dates relative to the report or to the text: today, last Tuesday, the weekend, next week,
three years ago, recently, when she was 4, Christmas."""

from __future__ import annotations

import datetime as dt
import re

from review.nlp.temporal.grammar import Result, Rule, capitalised, preceded_by, rule_registry
from review.nlp.temporal.values import iso_week, parse_count, parse_unit, shift_months, weekday_date
from review.nlp.temporal.vocabulary import (AGE_WORDS, APPROXIMATE_NUMBERS, APPROXIMATELY, COUNT_WORD, FULL_WEEKDAY_WORD,
                                            HOLIDAY_SPELLINGS, HOLIDAYS, MONTH_WORD, NUMBER_WORDS, PARTS_OF_DAY, UNIT_WORD,
                                            WEEKDAYS, YEAR_DIGITS)

RULES: list[Rule] = []  # in the order written: of two equal matches, the earlier rule wins
_rule = rule_registry(RULES)


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
        return Result("TIME", f"{day}T{PARTS_OF_DAY[part.lower()]}", relative="report")
    return Result("DATE", day, relative="report")


@_rule(r"(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)", 3)
def _this_part_of_day(m, ctx):
    part = m["part"].lower()
    if m["rel"].lower() == "last":
        if part != "night":
            return None
        day = ctx.report - dt.timedelta(days=1)
    else:
        day = ctx.report
    return Result("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part]}", relative="report")


# weekdays: last Tuesday, on Friday, early Saturday, Sunday morning
@_rule(r"(?:(?P<rel>last|next|this|early|late|on)\s+)?(?P<wd>" + FULL_WEEKDAY_WORD + r")(?:\s+(?P<part>morning|afternoon|evening|night))?", 2)
def _weekday_name(m, ctx):
    if not capitalised(m["wd"]) or (not m["rel"] and preceded_by(m, r"\b(?:a|any|every|each|most|some)\s+")):
        return None  # "on a Monday": any Monday, not one
    rel = (m["rel"] or "").lower()
    base, relative = ctx.report, "report"
    direction = rel if rel in ("last", "next", "this") else ("future" if ctx.future else "past")
    if not rel and preceded_by(m, r"\b(?:the|that)\s+"):  # "On 1 March she was admitted. On the Monday ...": that week's
        if ctx.previous is None:
            return Result("DATE", None, relative="context")
        base, relative, direction = ctx.previous, "context", "future"
    day = weekday_date(base, WEEKDAYS[m["wd"].lower()], direction).isoformat()
    if m["part"]:
        return Result("TIME", f"{day}T{PARTS_OF_DAY[m['part'].lower()]}", relative=relative)
    return Result("DATE", day, relative=relative)


# the weekend, last weekend, this weekend, next weekend
@_rule(r"(?P<rel>the|last|this|next)\s+weekend(?P<before_last>\s+before\s+last)?", 3)
def _weekend(m, ctx):
    rel = "last" if m["before_last"] else m["rel"].lower()
    saturday = weekday_date(ctx.report, 6, "past" if not ctx.future else "future")
    if rel == "last":
        saturday = weekday_date(ctx.report, 6, "last") if ctx.report.isoweekday() < 6 else \
            saturday - dt.timedelta(days=7)
    elif rel == "next":
        saturday = weekday_date(ctx.report, 6, "next")
    elif rel == "this":
        saturday = weekday_date(ctx.report, 6, "this")
    if m["before_last"]:
        saturday -= dt.timedelta(days=7)
    return Result("DATE", iso_week(saturday) + "-WE", relative="report")


# last week, this month, next year, the following week (relative to context), the previous month
@_rule(r"(?P<rel>last|this|next|the\s+following|the\s+previous|the\s+next|the\s+same|that|earlier\s+this|later\s+this|"
       r"(?:earlier|later)\s+that(?=\s+(?:week|month|year|fortnight)\b))"
       r"\s+(?P<u>week|month|year|fortnight|day|morning|afternoon|evening|night)", 2)
def _relative_period(m, ctx):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["u"].lower()
    if rel in ("the following", "the previous", "the next", "the same", "that", "earlier that", "later that"):
        if ctx.previous is None:
            return Result("DATE", None, relative="context")
        base, relative = ctx.previous, "context"
        step = {"the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
    else:
        if unit in ("day", "morning", "afternoon", "evening", "night"):
            return None
        base, relative = ctx.report, "report"
        step = {"last": -1, "this": 0, "next": 1, "earlier this": 0, "later this": 0}[rel]
    # some day of that period; "the following month": a month or year counted from the date before names no day
    imprecise = rel in ("earlier this", "later this", "earlier that", "later that") or (
        relative == "context" and step != 0 and unit in ("month", "year"))
    if unit in ("morning", "afternoon", "evening", "night"):
        if step:
            return None
        return Result("TIME", f"{base.isoformat()}T{PARTS_OF_DAY[unit]}", relative=relative)
    if unit == "day":
        return Result("DATE", (base + dt.timedelta(days=step)).isoformat(), relative=relative)
    if unit in ("week", "fortnight"):
        return Result("DATE", iso_week(base + dt.timedelta(weeks=step)), imprecise, relative)
    if unit == "month":
        year, month = shift_months(base, step)
        return Result("DATE", f"{year}-{month:02d}", imprecise, relative)
    return Result("DATE", str(base.year + step), imprecise, relative)


# the end of the year, the beginning of the month
@_rule(r"the\s+(?:start|beginning|middle|end)\s+of\s+(?P<rel>the|this|last|next|that)\s+(?P<u>week|month|year)", 3)
def _part_of_period(m, ctx):
    step = {"the": 0, "this": 0, "last": -1, "next": 1, "that": 0}[m["rel"].lower()]
    base, relative = ctx.report, "report"
    if m["rel"].lower() == "that":  # "by the end of that month": the month of the date before
        if ctx.previous is None:
            return Result("DATE", None, relative="context")
        base, relative = ctx.previous, "context"
    unit = m["u"].lower()
    if unit == "week":
        value = iso_week(base + dt.timedelta(weeks=step))
    elif unit == "month":
        year, month = shift_months(base, step)
        value = f"{year}-{month:02d}"
    else:
        value = str(base.year + step)
    return Result("DATE", value, imprecise=True, relative=relative)


# last season, the start of the season, the end of last term, this term: a sporting season or a school term
# counted from the report date, with no dates of its own ("this term", still going on, dates nothing: a period)
@_rule(r"(?:the\s+(?:start|beginning|middle|end)\s+of\s+(?P<rel>the|this|last|next)\s+"
       r"|(?P<rel2>last|this|next|previous)\s+)(?P<u>season|term|school\s+year|academic\s+year)\b", 3)
def _season_or_term(m, ctx):
    rel = (m["rel"] or m["rel2"]).lower()
    if rel == "next" or (rel in ("the", "this") and ctx.future):
        return Result("DATE", "FUTURE_REF", imprecise=True, relative="report")
    if m["rel2"] and rel == "this":
        return Result("DATE", None, relative="report")
    return Result("DATE", "PAST_REF", imprecise=True, relative="report")


# the evening he visited, the day she was discharged, around the time Brandon was born: a time told only by the
# event it was, with no date ("at the time" alone refers back; "the day Mum's" is no clause)
@_rule(r"(?:the\s+(?:day|night|evening|morning|afternoon|weekend|week)|(?<=around\s)the\s+time|(?<=about\s)the\s+time)"
       r"\s+(?:that\s+|when\s+)?(?:he|she|they|I|we|[A-Z][a-z]+)\s+"
       r"(?:(?:was|were|had)\s+(?:born|taken|seen|[a-z]+ed)|came|went|left|[a-z]+ed)", 3)
def _time_of_an_event(m, ctx):
    return Result("DATE", "PAST_REF", imprecise=True)


# three years ago, a week ago, two days later (after an earlier date), 18 months earlier, a few weeks before that,
# three days on, a couple of months on from that, two days prior to that, a few months down the line
@_rule(r"(?:" + APPROXIMATELY + r"\s+)?(?P<n>" + COUNT_WORD + r")[\s-]+(?P<u>" + UNIT_WORD + r")\s+"
       r"(?P<dir>ago|back|earlier|later|previously|(?:before|after|prior\s+to)(?:\s+(?:that|then|this)\b)?|prior|"
       r"on(?:\s+from\s+(?:that|then|this)\b)?|(?:further\s+)?down\s+the\s+line|from\s+now)", 4)
def _offset(m, ctx):
    count = parse_count(m["n"])
    direction = m["dir"].lower().split()[0]
    if m["dir"].lower() in ("before", "after", "prior to") and re.match(r"\s+[\w']", m.string[m.end():]):
        if (count == "X" or m["n"].lower() in APPROXIMATE_NUMBERS) and not preceded_by(m, _LENGTH_BEFORE):
            # "a few days after the visit", "a couple of days after his return": some day near an event, not named
            return Result("DATE", "PAST_REF" if direction in ("before", "prior") else "FUTURE_REF", imprecise=True,
                          relative="context")
        return None  # "two years after the crisis began": a duration, not a date ("a few weeks before that" is one)
    if m["dir"].lower() == "prior" and re.match(r"\s+to\b", m.string[m.end():]):
        return None  # "two days prior to his release": as "before his release"
    if m["dir"].lower() == "on" and not _counts_on(m):
        return None  # "three days on the ward", "two weeks on remand": how long, and where
    if direction == "back" and re.match(r"\s+(?:to|from|home|into|in|at|on|up|down|with)\b", m.string[m.end():]):
        return None  # "two weeks back at school": "back" says where, not when
    sign = -1 if direction in ("ago", "back", "earlier", "previously", "before", "prior") else 1
    if direction in ("ago", "back", "from now"):
        base, relative = ctx.report, "report"
    else:
        if ctx.previous is None:
            return Result("DATE", None, relative="context")
        base, relative = ctx.previous, "context"
    letter, is_time, multiplier = parse_unit(m["u"])
    if is_time:  # minutes or hours from a time, counted or not ("a few minutes later"): the same day
        return Result("TIME", None, relative=relative)
    if count == "X":
        return Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", imprecise=True, relative=relative)
    # "a couple of weeks later": about two, counted from the date before, which leaves the day unknown
    approximate = relative == "context" and m["n"].lower() in APPROXIMATE_NUMBERS
    amount = int(count * multiplier) if not isinstance(count, str) else 0
    if letter == "D":
        return Result("DATE", (base + dt.timedelta(days=sign * amount)).isoformat(), imprecise=approximate,
                      relative=relative)
    if letter == "W":
        return Result("DATE", iso_week(base + dt.timedelta(weeks=sign * amount)), imprecise=approximate,
                      relative=relative)
    if letter == "M":
        year, month = shift_months(base, sign * amount)
        return Result("DATE", f"{year}-{month:02d}", imprecise=approximate, relative=relative)
    if letter == "Y":
        return Result("DATE", str(base.year + sign * amount), relative=relative)
    if letter == "DE":
        return Result("DATE", str(base.year + sign * amount * 10)[:3], relative=relative)
    return None


_LENGTH_BEFORE = r"\b(?:for|within|over|during|in|lasting|spent|took|takes)\s+"
_CLAUSE_START = r"(?:^|[.!?:;,][\"'”’)]*\s+|\n\s*|\b(?:and|but|then|so)\s+)"
_SUBJECT_NEXT = re.compile(r"\s+(?:he|she|they|it|i|we|there|this|things|mum|dad|[A-Z][a-z]+)\b")
_DAY_WORD = re.compile(FULL_WEEKDAY_WORD + r"|" + MONTH_WORD, re.I)


def _counts_on(m: re.Match) -> bool:
    """An "on" after a measure that counts on from the time before ("A few weeks on she went missing again", "Three
    days on, ..."): it ends the clause's words, or the measure opens a clause and its subject follows; otherwise the
    "on" says where or how ("three days on the ward", "two weeks on remand")."""
    after = m.string[m.end():]
    if re.match(r"\s*(?:[,.;:!?)]|$)", after):
        return True
    subject = _SUBJECT_NEXT.match(after)
    if subject is None or not preceded_by(m, _CLAUSE_START):
        return False
    return not _DAY_WORD.fullmatch(subject.group().strip())  # "two days on Monday" is no count on


# a day or two later, a week or two after that, a month or so before this: about one, counted from the time before
@_rule(r"an?\s+(?P<u>day|week|month|year)\s+or\s+(?:two|so)\s+"
       r"(?P<dir>later|earlier|afterwards|(?:after|before)(?:\s+(?:that|this|then)\b|(?!\s+[\w'])))", 4)
def _about_one_offset(m, ctx):
    if ctx.previous is None:
        return Result("DATE", None, relative="context")
    ahead = not m["dir"].lower().startswith(("earlier", "before"))
    return Result("DATE", "FUTURE_REF" if ahead else "PAST_REF", imprecise=True, relative="context")


# not long after, after a while, a while later, later on, in the weeks that followed: a time told only as some while
# after the time before, with no measure of its own ("later on 3 May", "later on that day" are dated; "later on in
# the visit" is the same occasion)
@_rule(r"(?P<w>not\s+(?:very\s+)?long\s+(?:afterwards|later|after\s+(?:that|this|then)\b|after(?!\s+[\w']))|"
       r"after\s+a\s+(?:little\s+|short\s+|long\s+)?while|a\s+(?:little\s+|short\s+)?while\s+(?:later|after(?:wards)?)|"
       r"later\s+on(?!\s+(?:the\s+)?(?:\d|that\b|this\b|the\s+same\b|(?:" + FULL_WEEKDAY_WORD + r"|" + MONTH_WORD + r")\b)"
       r"|\s+(?:in|during|at)\s+(?:the|that|this)\b)|"
       r"in\s+the\s+(?:days|weeks|months)\s+(?:that\s+followed|following|after(?:wards)?|after\s+(?:that|this))|"
       r"in\s+the\s+following\s+(?:days|weeks|months))", 3)
def _vague_sequel(m, ctx):
    if ctx.previous is None:
        return Result("DATE", None, relative="context")
    if ctx.previous_timed and "while" in m["w"].lower():
        return Result("TIME", None, relative="context")  # "At 10:00 I visited. After a while Mia came down": the visit
    return Result("DATE", "FUTURE_REF", imprecise=True, relative="context")


# some time ago, a while ago, years ago, recently, lately, of late, the other day, in the past, recent years
@_rule(r"(?P<w>some\s+time\s+ago|a\s+(?:long\s+|short\s+)?while\s+ago|a\s+long\s+time\s+ago|long\s+ago|years\s+ago|months\s+ago|"
       r"weeks\s+ago|a\s+(?:little\s+)?while\s+back|recently|lately|of\s+late(?!-)|the\s+other\s+(?:day|week|night|evening|morning)|"
       r"the\s+past|(?:in\s+)?recent\s+(?:years|months|weeks|days|times)|"
       r"some\s+years\s+ago|the\s+recent\s+past|not\s+long\s+ago)", 3)
def _past_ref(m, ctx):
    if re.match(r"the\s+(?:recent\s+)?past", m["w"].lower()) and not preceded_by(m, r"\bin\s+"):
        return None
    return Result("DATE", "PAST_REF", imprecise=True, relative="report")


@_rule(r"(?P<w>the\s+(?:near\s+|distant\s+)?future)", 3)
def _future_ref(m, ctx):
    if not preceded_by(m, r"\bin\s+"):
        return None
    return Result("DATE", "FUTURE_REF", relative="report")


# now, currently, at present, at the moment, presently, nowadays
@_rule(r"(?P<w>now|currently|at\s+present|at\s+the\s+moment|presently|nowadays|at\s+this\s+time)", 1)
def _present_ref(m, ctx):
    return Result("DATE", "PRESENT_REF", relative="report")


# when she was 4, when he was a baby, as a baby, as a child, at the age of 6, at two days old, in his late teens,
# in her twenties
@_rule(r"(?P<w>when\s+(?:she|he|they|i|[A-Z][a-z]+)\s+(?:was|were)\s+(?:(?:only|just|about|around|nearly|a)\s+)*(?:\d{1,2}|"
       + "|".join(w for w in NUMBER_WORDS if " " not in w and w not in ("a", "an")) + r"|" + AGE_WORDS + r"|younger|young|little|small)"
       r"(?:\s+(?:years?|months?|weeks?)(?:\s+old)?)?|as\s+an?\s+(?:" + AGE_WORDS + r")|at\s+the\s+age\s+of\s+\d{1,2}"
       r"|in\s+(?:her|his|their)\s+(?:childhood|early\s+years|infancy|(?:(?:early|mid|late)[\s-]+)?(?:teens|twenties|thirties))"
       r"|at\s+(?:\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if " " not in w and w not in ("a", "an")) + r")\s+"
       r"(?:days?|weeks?|months?|years?)\s+old)", 3)
def _age_anchor(m, ctx):
    return Result("DATE", None, imprecise=True, relative=None)


# At 14, she was excluded: a sentence opening with a teenage age and a comma (13-19 cannot be a 12-hour clock time)
@_rule(r"(?P<w>at\s+(?P<n>1[3-9]|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))(?=\s*,)", 3)
def _age_opening(m, ctx):
    before = m.string[max(0, m.start() - 4):m.start()]
    if not m["w"][:1].isupper() or not re.search(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)$", before):
        return None
    return Result("DATE", None, imprecise=True, relative=None)


# holiday periods: over Christmas, before Christmas, at Easter, last Christmas, the Easter holidays, at half term,
# in the summer holidays, over the holidays: a stretch of days around a festival or out of school, not one day, so
# vague (the day itself, "on Christmas Day", is the holiday rule's; "since Christmas" bounds a period from the day)
@_rule(r"(?:(?P<prep>before|after|over|during|around|at|across|through|throughout|in|in\s+the\s+run[\s-]up\s+to)\s+)?"
       r"(?:(?P<the>the)\s+)?(?:(?P<rel>last|this|next)\s+)?"
       r"(?:(?P<h>christmas|xmas|easter)(?!\s+(?:day|eve|sunday|monday|term)\b)(?:\s+(?P<kind>holidays?|hols|break|period|week))?"
       r"|(?:(?:october|february|may|feb|oct)\s+)?half[\s-]?term(?:\s+(?:holidays?|break|week))?"
       r"|(?P<summer>summer)\s+(?:holidays?|hols|break)|(?:school\s+)?(?:holidays|hols))"
       r"(?:\s+(?P<y>" + YEAR_DIGITS + r"))?", 3)
def _holiday_period(m, ctx):
    if m["h"] and not capitalised(m["h"]):
        return None
    if not (m["prep"] or m["rel"] or m["kind"] or (m["the"] and not m["h"])):
        return None  # "Christmas was hard": the holiday rule's; "holidays" alone is no time
    if not m["h"] and not (m["prep"] or m["the"] or m["rel"]):
        return None
    if not m["prep"] and preceded_by(m, r"\b(?:since|until|till|by|from)\s+"):
        return None  # "since last Christmas": a period bound from the holiday's day
    rel = (m["rel"] or "").lower()
    if rel == "this" and not m["h"]:
        return Result("DATE", None, relative="report")  # "this half term", as "this term": a period, still going
    if m["summer"]:
        year = int(m["y"]) if m["y"] else (ctx.report.year if ctx.report.month >= 6 or ctx.future else ctx.report.year - 1)
        return Result("DATE", f"{year}-SU", imprecise=True, relative=None if m["y"] else "report")
    ahead = rel == "next" or (rel == "this" and ctx.future) or bool(m["y"] and int(m["y"]) > ctx.report.year)
    return Result("DATE", "FUTURE_REF" if ahead else "PAST_REF", imprecise=True, relative="report")


# holidays: Christmas, Easter, New Year's Day, Mother's Day
@_rule(r"(?:(?P<rel>last|this|next)\s+)?(?P<h>(?:christmas|xmas)\s+day|(?:christmas|xmas)\s+eve|christmas|xmas|boxing\s+day|"
       r"new\s+year['’]?s\s+(?:day|eve)|nye|"
       r"halloween|bonfire\s+night|valentine's\s+day|easter(?:\s+sunday|\s+monday)?|good\s+friday|mother's\s+day|"
       r"mothering\s+sunday|father's\s+day)(?:\s+(?P<y>" + YEAR_DIGITS + r"))?", 3)
def _holiday(m, ctx):
    if not capitalised(m["h"]) or (m["h"].lower() == "nye" and m["h"] != "NYE"):
        return None  # "Nye" is a first name; the abbreviation is written in capitals
    name = re.sub(r"\s+", " ", m["h"].lower().replace("’", "'"))
    name = HOLIDAY_SPELLINGS.get(name, name)
    if m["y"]:
        return Result("DATE", _holiday_in(name, int(m["y"])).isoformat())
    rel = (m["rel"] or "").lower()
    if rel == "next" or (not rel and ctx.future):
        candidates = [_holiday_in(name, ctx.report.year + step) for step in (-1, 0, 1)]
        if rel == "next":
            day = min(d for d in candidates if d > ctx.report)
        else:
            day = min(candidates, key=lambda d: abs((d - ctx.report).days))
    else:  # told of as past: the last one before the report
        day = max(d for d in (_holiday_in(name, ctx.report.year + step) for step in (-1, 0)) if d <= ctx.report)
    return Result("DATE", day.isoformat(), relative="report")


def _holiday_in(name: str, year: int) -> dt.date:
    """The day of a named holiday in `year` (UK dates: Mother's Day is Mothering Sunday)."""
    from dateutil.easter import easter

    moveable = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2, "mother's day": -21,
                "mothering sunday": -21}
    if name in moveable:
        return easter(year) + dt.timedelta(days=moveable[name])
    if name == "father's day":  # the third Sunday of June
        first = dt.date(year, 6, 1)
        return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 14)
    month, day = HOLIDAYS[name]
    return dt.date(year, month, day)

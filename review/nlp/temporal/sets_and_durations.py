"""Rules for sets (each day, every Sunday, weekly) and durations (three days, the past year, for weeks)."""

from __future__ import annotations

import re

from review.nlp.temporal.grammar import Result, Rule, capitalised, preceded_by, rule_registry
from review.nlp.temporal.values import duration_value, parse_count
from review.nlp.temporal.vocabulary import (APPROXIMATELY, COUNT_WORD, FULL_WEEKDAY_WORD, PARTS_OF_DAY, UNIT_WORD,
                                            WEEKDAY_WORD,
                                            WEEKDAYS)

RULES: list[Rule] = []  # in the order written: of two equal matches, the earlier rule wins
_rule = rule_registry(RULES)


# sets: each day, every other weekend, every Sunday, every three months, twice a day, weekly, daily
@_rule(r"(?:(?:once|twice|three\s+times|four\s+times|\d+\s+times|several\s+times)\s+)?(?P<q>each|every|per|a)\s+(?P<other>other\s+|second\s+)?"
       r"(?:(?P<n>" + COUNT_WORD + r")\s+)?(?P<u>days?|weeks?|months?|years?|fortnights?|weekends?|mornings?|afternoons?|evenings?|nights?|hours?|"
       + FULL_WEEKDAY_WORD + r"s?)", 3)
def _set(m, ctx):
    quantifier = m["q"].lower()
    if quantifier in ("a", "per") and not re.match(r"(?:once|twice|three|four|\d+|several)", m.group(0), re.I):
        return None
    unit = m["u"].lower().rstrip("s") if m["u"].lower() not in ("days", "weeks") else m["u"].lower()[:-1]
    if unit.endswith("day") and unit[:-3] + "day" in WEEKDAYS and unit not in ("day",):
        if m["n"]:
            return None
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[unit]}")
    if unit in ("morning", "afternoon", "evening", "night"):
        return Result("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}")
    count = parse_count(m["n"]) if m["n"] else 1
    if m["other"]:
        count = 2
    if unit == "weekend":
        return Result("SET", f"P{count}W" if count != 1 else "P1W")
    return Result("SET", duration_value(count, unit))


@_rule(r"(?P<w>daily|weekly|fortnightly|monthly|yearly|annually|annual|hourly|nightly|quarterly|bi-weekly|biweekly)", 2)
def _set_adverb(m, ctx):
    values = {"daily": "P1D", "weekly": "P1W", "fortnightly": "P2W", "bi-weekly": "P2W", "biweekly": "P2W",
              "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y", "hourly": "PT1H",
              "nightly": "XXXX-XX-XXTNI", "quarterly": "P3M"}
    return Result("SET", values[m["w"].lower()])


# weekdays with a plural part of the day are habitual: on Tuesday and Thursday evenings
@_rule(r"(?:on\s+)?(?P<wd>" + FULL_WEEKDAY_WORD + r")(?:\s*(?:,|and|&|or)\s*" + FULL_WEEKDAY_WORD
       + r")*\s+(?P<part>mornings|afternoons|evenings|nights)", 3)
def _weekday_part_plural(m, ctx):
    if not capitalised(m["wd"]):
        return None
    part = PARTS_OF_DAY[m["part"].lower()[:-1]]
    return Result("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}T{part}")


# a range of weekdays with no week of its own is a weekly timetable: booked Monday to Thursday, open Mon-Fri
@_rule(r"(?P<wd>" + WEEKDAY_WORD + r")\s*(?:to|through|till|until|-|–|—)\s*" + WEEKDAY_WORD + r"(?![a-z])", 3)
def _weekday_range(m, ctx):
    if not capitalised(m["wd"]) or preceded_by(m, r"\b(?:from|last|this|next|that|the)\s+"):
        return None  # "from Monday to Thursday", "last Monday to Thursday": one stretch of days
    return Result("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower().rstrip('.')]}")


# plural weekdays and parts of the day used habitually: on Mondays, most afternoons
@_rule(r"(?:most\s+|on\s+)?(?P<wd>" + FULL_WEEKDAY_WORD + r")s", 1)
def _weekday_plural(m, ctx):
    if not capitalised(m["wd"]):
        return None
    return Result("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}")


# durations: three days, 18 months, the past two years, five consecutive days, a two-year high
@_rule(r"(?:(?P<the>the)\s+(?:(?P<rel>past|last|previous|next|coming|following|first|same)\s+)?)?(?:" + APPROXIMATELY
       + r"\s+)?(?P<n>" + COUNT_WORD + r")(?:\s+|-)(?:(?:consecutive|working|school|full|straight|calendar|whole|long)\s+)?(?P<u>" + UNIT_WORD + r")"
       r"(?!\s+(?:old|of\s+age|of\s+life)\b)(?!-old)", 1)
def _duration_rule(m, ctx):
    before = m.string[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"\b(?:aged|age|is|was|turned|of)\s*$", before) and not m["the"]:
        return None
    count = parse_count(m["n"])
    if m["n"].lower() in ("a", "an") and m["u"].lower().endswith("s"):
        return None
    return Result("DURATION", duration_value(count, m["u"]))


# the past week, the last year, the past few months, for weeks, for years
@_rule(r"the\s+(?:past|last|previous)\s+(?P<u>week|fortnight|month|year|decade)", 2)
def _the_past_unit(m, ctx):
    return Result("DURATION", duration_value(1, m["u"]))


@_rule(r"(?P<u>hours|days|weeks|months|years|decades)", 1)
def _for_units(m, ctx):
    if not preceded_by(m, r"\bfor\s+"):
        return None
    return Result("DURATION", duration_value("X", m["u"]))

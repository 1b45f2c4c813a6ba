"""Rules for clock times: 10am, 7.30pm, 19:30, 1930hrs, at 10.15, noon; their day comes from the text around them."""

from __future__ import annotations

from review.nlp.temporal.grammar import Result, Rule, preceded_by, rule_registry
from review.nlp.temporal.vocabulary import APPROXIMATELY, NUMBER_WORDS

RULES: list[Rule] = []  # in the order written: of two equal matches, the earlier rule wins
_rule = rule_registry(RULES)


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


@_rule(r"(?:" + APPROXIMATELY + r"\s+|shortly\s+(?:before|after)\s+|just\s+(?:before|after)\s+)?(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s*" + _AMPM, 5)
def _ampm_time(m, ctx):
    clock = _clock(int(m["h"]), int(m["min"] or 0), m["ampm"])
    return Result("TIME", None, time_of_day=clock) if clock else None


@_rule(r"(?:" + APPROXIMATELY + r"\s+)?(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?:\s*(?:hrs|hours|h)\b)?", 4)
def _colon_time(m, ctx):
    return Result("TIME", None, time_of_day=_clock(int(m["h"]), int(m["min"]), None))


@_rule(r"(?:" + APPROXIMATELY + r"\s+)?(?P<h>[01]\d|2[0-3])\.?(?P<min>[0-5]\d)\s*(?:hrs|hours|h)", 4)
def _military_time(m, ctx):
    return Result("TIME", None, time_of_day=_clock(int(m["h"]), int(m["min"]), None))


@_rule(r"(?P<h>[01]?\d|2[0-3])\.(?P<min>[0-5]\d)(?!\s*(?:%|per|percent|kg|g\b|cm|m\b|km|miles|metres|meters|litres|ml|mg|pounds|£))", 3)
def _dotted_time(m, ctx):
    if not preceded_by(m, r"\b(?:at|by|until|till|from|after|before|around|about|approximately|to|and|between)\s+"):
        return None
    return Result("TIME", None, time_of_day=_clock(int(m["h"]), int(m["min"]), None))


@_rule(r"(?:" + APPROXIMATELY + r"\s+)?(?P<w>noon|midday|midnight|(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o'clock)", 3)
def _named_time(m, ctx):
    word = m["w"].lower()
    if word in ("noon", "midday"):
        return Result("TIME", None, time_of_day="T12:00")
    if word == "midnight":
        return Result("TIME", None, time_of_day="T24:00")
    hour = int(m["h"]) if m["h"].isdigit() else NUMBER_WORDS[m["h"].lower()]
    return Result("TIME", None, time_of_day=f"T{hour:02d}:00")

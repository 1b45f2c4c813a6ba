"""How a rule of the temporal grammar is written: a word-bounded pattern and the handler that normalises its match."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple


@dataclass
class Context:
    """What a handler may use besides its match: the report date, the sentence's tense, the last full date."""

    report: dt.date
    future: bool          # the sentence speaks of the future
    previous: dt.date | None  # last full date before the expression (for "the next day")


@dataclass
class Result:
    """A handler's reading of its match: TIMEX3 type and value, and what the value was worked out from."""

    type: str
    value: str | None
    imprecise: bool = False
    relative: str | None = None
    time_of_day: str | None = None  # "T10:00" for times whose day comes from context


Handler = Callable[[re.Match, Context], "Result | None"]


class Rule(NamedTuple):
    """A compiled pattern, the handler that normalises its matches, and its priority."""

    pattern: re.Pattern
    handler: Handler
    priority: int  # higher wins between equally long overlapping matches, and is tried first on a whole entity


def rule_registry(rules: list[Rule]) -> Callable[..., Callable[[Handler], Handler]]:
    """A decorator `rule(pattern, priority)` that appends the pattern (case-insensitive, word-bounded)
    and the handler it decorates to `rules`, in the order they are written."""

    def rule(pattern: str, priority: int = 0) -> Callable[[Handler], Handler]:
        compiled = re.compile(r"(?<![\w/.:-])" + pattern + r"(?![\w]|[/:]\d|\.\d)", re.I)

        def register(handler: Handler) -> Handler:
            rules.append(Rule(compiled, handler, priority))
            return handler

        return register

    return rule


def normalised(handler: Handler, match: re.Match, ctx: Context) -> Result | None:
    """The handler's result; an expression whose date falls outside the calendar ("800000 days
    ago") is still a DATE, with no value."""
    try:
        return handler(match, ctx)
    except (OverflowError, ValueError):
        return Result("DATE", None)


def preceded_by(m: re.Match, pattern: str) -> bool:
    """True when the text just before the match ends with `pattern`."""
    return bool(re.search(pattern + r"$", m.string[max(0, m.start() - 30):m.start()], re.I))


def capitalised(word: str) -> bool:
    return word[:1].isupper()

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
    lowered: re.Pattern | None = None  # the pattern lower-cased, matched case-sensitively (None: not written so)

    def finditer(self, text: str, lowered_text: str | None):
        """The pattern's matches in `text`, as `pattern.finditer` finds them. Where `lowered_text` (`lowered(text)`)
        is given they are found in it by the case-sensitive pattern, which re tries much faster (a case-insensitive
        alternative cannot be turned away at its first letter), and read again from `text` for their groups."""
        if self.lowered is None or lowered_text is None:
            yield from self.pattern.finditer(text)
            return
        for found in self.lowered.finditer(lowered_text):
            yield self.pattern.match(text, found.start())


def rule_registry(rules: list[Rule]) -> Callable[..., Callable[[Handler], Handler]]:
    """A decorator `rule(pattern, priority)` that appends the pattern (case-insensitive, word-bounded)
    and the handler it decorates to `rules`, in the order they are written."""

    def rule(pattern: str, priority: int = 0) -> Callable[[Handler], Handler]:
        written = r"(?<![\w/.:-])" + pattern + r"(?![\w]|[/:]\d|\.\d)"
        compiled = re.compile(written, re.I)

        def register(handler: Handler) -> Handler:
            rules.append(Rule(compiled, handler, priority, _lower_cased(written)))
            return handler

        return register

    return rule


_KEPT_OR_CAPITAL = re.compile(r"\\.|\(\?P|[A-Z]")  # an escape and "(?P" stay as written; a capital is lower-cased
_FOLDS_TO_ASCII = re.compile(r"[a-z]", re.I)  # matches the Kelvin sign, a long s, a dotless i as well as letters


def _lower_cased(pattern: str) -> re.Pattern | None:
    """`pattern` lower-cased, to match lower-cased text case-sensitively as `pattern` matches the text under re.I;
    None when it holds a cased letter outside ASCII (its other cases would not be lower-cased alike)."""
    if any(c.lower() != c.upper() for c in pattern if not c.isascii()):
        return None
    return re.compile(_KEPT_OR_CAPITAL.sub(lambda m: m.group() if len(m.group()) > 1 else m.group().lower(), pattern))


def lowered(text: str) -> str | None:
    """`text` lower-cased for the rules' case-sensitive scan, or None when a character would not read the same
    lower-cased: one outside ASCII that lower-cases to more than one character or to an ASCII one, changes whether
    it is a letter or digit, or that re.I would match to an ASCII letter."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    for c in set(text):
        if not c.isascii() and (c.lower().isascii() or c.lower().isalnum() != c.isalnum() or _FOLDS_TO_ASCII.match(c)):
            return None
    return lower


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

"""How a rule of the temporal grammar is written: a word-bounded pattern and the handler that normalises its match."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple


@dataclass
class Context:
    """What a handler may use besides its match: the report date, the sentence's tense, the last full date."""

    report: dt.date
    future: bool          # the sentence speaks of the future
    previous: dt.date | None  # last full date before the expression (for "the next day")
    previous_timed: bool = False  # that date came with a clock time ("at 10:00 on 4 March")


@dataclass
class Result:
    """A handler's reading of its match: TIMEX3 type and value, and what the value was worked out from."""

    type: str
    value: str | None
    imprecise: bool = False
    relative: str | None = None
    time_of_day: str | None = None  # "T10:00" for times whose day comes from context


Handler = Callable[[re.Match, Context], "Result | None"]
WORD_START = r"(?<![\w/.:-])"  # where every rule's match opens: not inside a word, a number or a date


class Rule(NamedTuple):
    """A compiled pattern, the handler that normalises its matches, and its priority."""

    pattern: re.Pattern
    handler: Handler
    priority: int  # higher wins between equally long overlapping matches, and is tried first on a whole entity
    lowered: re.Pattern | None = None  # the pattern lower-cased, matched case-sensitively (None: not written so)

    def finditer(self, text: str, lowered_text: str | None, starts: list[int] | None = None):
        """The pattern's matches in `text`, as `pattern.finditer` finds them. Where `lowered_text` (`lowered(text)`)
        is given they are found in it by the case-sensitive pattern, which re tries much faster (a case-insensitive
        alternative cannot be turned away at its first letter), and read again from `text` for their groups.
        With `starts` (`RuleStarts`: every place where some rule may match) the pattern is tried there alone."""
        if self.lowered is None or lowered_text is None:
            yield from self.pattern.finditer(text)
            return
        if starts is None:
            for found in self.lowered.finditer(lowered_text):
                yield self.pattern.match(text, found.start())
            return
        match, resume = self.lowered.match, 0
        for start in starts:  # as finditer: the leftmost match from where the last one ended (no rule matches "")
            if start >= resume and (found := match(lowered_text, start)) is not None:
                resume = found.end()
                yield self.pattern.match(text, start)


class RuleStarts:
    """Where in lower-cased text any of `rules` may match, found in one pass: one zero-width pattern that looks
    ahead for any rule's pattern (its groups unnamed), so that each rule is then tried only at those few places
    instead of scanning the whole text again. The word boundary every rule opens with is tested once for all."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules

    @functools.cached_property
    def pattern(self) -> re.Pattern | None:
        """The look-ahead for every rule's lower-cased pattern; None when one cannot be joined into it."""
        patterns = [_unnamed(rule.lowered.pattern) for rule in self.rules if rule.lowered is not None]
        if not patterns or None in patterns:
            return None
        # after the shared opening, what a rule goes on to match; not where the pattern is itself an alternation
        # ("x|y"), whose other branches do not open with the boundary
        bounded = [p[len(WORD_START):] for p in patterns if p.startswith(WORD_START) and not _alternation(p)]
        others = [p for p in patterns if not p.startswith(WORD_START) or _alternation(p)]
        ways = ([WORD_START + "(?=" + "|".join(bounded) + ")"] if bounded else []) + [f"(?={p})" for p in others]
        try:
            return re.compile("|".join(ways))
        except re.error:
            return None

    def find(self, lowered_text: str | None) -> list[int] | None:
        """The offsets where some rule may match in `lowered_text`; None to scan each rule alone."""
        if lowered_text is None or self.pattern is None:
            return None
        return [found.start() for found in self.pattern.finditer(lowered_text)]


_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<(\w+)>")
_BACKREFERENCE = re.compile(r"\(\?P=(\w+)\)")
_CONTEXTUAL = re.compile(r"\(\?<?[=!]|\\[bBAZ]|[$^]")


def _unnamed(pattern: str) -> str | None:
    """`pattern` with its named groups made plain and each back-reference replaced by its group's pattern, so that
    it matches wherever `pattern` does (and may match more); None when a referenced group is not a plain pattern."""
    for reference in set(_BACKREFERENCE.findall(pattern)):
        group = _group_pattern(pattern, reference)
        if group is None or _CONTEXTUAL.search(group) or _BACKREFERENCE.search(group):
            return None
        pattern = pattern.replace(f"(?P={reference})", f"(?:{group})")
    return _NAMED_GROUP.sub("(?:", pattern)


def _structure(pattern: str):
    """(offset, character, depth) of each character of `pattern` that opens or closes a group or separates
    alternatives (not escaped, not in a character class); depth counts the groups open before it."""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if pattern[i + 1:i + 2] == "]" else 3 if pattern[i + 1:i + 3] == "^]" else 1
            continue
        elif char == "(":
            yield i, char, depth
            depth += 1
        elif char == ")":
            depth -= 1
            yield i, char, depth
        elif char == "|":
            yield i, char, depth
        i += 1


def _alternation(pattern: str) -> bool:
    """Whether `pattern` is itself an alternation ("x|y"): a "|" outside every group."""
    return any(char == "|" and depth == 0 for _, char, depth in _structure(pattern))


def _group_pattern(pattern: str, name: str) -> str | None:
    """The pattern inside the group `name` of `pattern`, or None when it is not found."""
    opening = f"(?P<{name}>"
    if opening not in pattern:
        return None
    begin = pattern.index(opening)
    for i, char, depth in _structure(pattern[begin:]):
        if char == ")" and depth == 0:
            return pattern[begin + len(opening):begin + i]
    return None


def rule_registry(rules: list[Rule]) -> Callable[..., Callable[[Handler], Handler]]:
    """A decorator `rule(pattern, priority)` that appends the pattern (case-insensitive, word-bounded)
    and the handler it decorates to `rules`, in the order they are written."""

    def rule(pattern: str, priority: int = 0) -> Callable[[Handler], Handler]:
        written = WORD_START + pattern + r"(?![\w]|[/:]\d|\.\d)"
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

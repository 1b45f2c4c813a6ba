"""Phrase patterns: one regular expression matching any phrase of a lexicon, as a whole word."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

WORD = r"\w"
WORD_OR_HYPHEN = r"[\w-]"


def phrase_pattern(phrases: Iterable[str], *, hyphen_joins_words: bool = False) -> re.Pattern | None:
    """One case-insensitive pattern matching any of `phrases` (longest first), not inside a word.

    With `hyphen_joins_words` a hyphen counts as part of a word, so "well" does not match in
    "well-being"; without it, it does. None when there is no phrase. Built once per list: checks
    that ask for a lexicon's pattern on every report get the same one.
    """
    return _phrase_pattern(tuple(phrases), hyphen_joins_words)


@functools.lru_cache(maxsize=512)
def _phrase_pattern(phrases: tuple[str, ...], hyphen_joins_words: bool) -> re.Pattern | None:
    alternatives = [p.strip() for p in phrases if p.strip()]
    if not alternatives:
        return None
    inside = WORD_OR_HYPHEN if hyphen_joins_words else WORD
    return re.compile(rf"(?<!{inside})(?:" + alternation(alternatives) + rf")(?!{inside})", re.IGNORECASE)


def alternation(phrases: Iterable[str]) -> str:
    """A case-insensitive pattern matching any of `phrases` as written, the longest first where one begins
    another, as "|".join of them sorted longest first does; written as a tree of their shared beginnings
    ("in (?:care|court)"), which re tries much faster than one alternative after another."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            folded = char.lower()
            node = node.setdefault(folded if len(folded) == 1 else char, {})
        node[""] = {}  # a phrase ends here
    return _branches(tree)


def _branches(node: dict) -> str:
    """The pattern of the phrases below `node`: each way on (a run of single steps written as one string),
    then, where a phrase also ends at `node`, nothing more (tried last, so the longer phrase wins)."""
    ways = []
    for char in sorted(key for key in node if key):
        run, below = re.escape(char), node[char]
        while len(below) == 1 and "" not in below:
            (char, below), = below.items()
            run += re.escape(char)
        ways.append(run + _branches(below))
    if not ways:
        return ""
    body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
    return f"(?:{body})?" if "" in node else body


# words that cannot stand between a qualifier and its noun: they start another phrase ("the first time her partner")
_NOT_BETWEEN = ("the", "a", "an", "her", "his", "their", "its", "my", "our", "your", "this", "that", "these", "those",
                "time", "times", "of", "to", "and", "or", "with", "for", "in", "on", "at", "by", "from")


def qualified_pattern(qualifiers: Iterable[str], heads: Iterable[str]) -> re.Pattern | None:
    """One case-insensitive pattern matching a qualifier, at most one word between, then a head noun
    ("previous relationship", "earlier violent relationship", "old drugs conviction"), whole words
    (a hyphen counts as part of a word, so "year-old partner" does not match). None when either list is empty."""
    quals = [q.strip() for q in qualifiers if q.strip()]
    nouns = [h.strip() for h in heads if h.strip()]
    if not quals or not nouns:
        return None
    between = rf"(?:\s+(?!(?:{'|'.join(_NOT_BETWEEN)})\b)[\w'-]+)?"
    return re.compile(rf"(?<!{WORD_OR_HYPHEN})(?:{alternation(quals)}){between}\s+(?:{alternation(nouns)})"
                      rf"(?!{WORD_OR_HYPHEN})", re.IGNORECASE)

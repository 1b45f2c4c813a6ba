"""Phrase patterns: one regular expression matching any phrase of a lexicon, as a whole word."""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = r"\w"
WORD_OR_HYPHEN = r"[\w-]"


def phrase_pattern(phrases: Iterable[str], *, hyphen_joins_words: bool = False) -> re.Pattern | None:
    """One case-insensitive pattern matching any of `phrases` (longest first), not inside a word.

    With `hyphen_joins_words` a hyphen counts as part of a word, so "well" does not match in
    "well-being"; without it, it does. None when there is no phrase.
    """
    alternatives = sorted((re.escape(p.strip()) for p in phrases if p.strip()), key=len, reverse=True)
    if not alternatives:
        return None
    inside = WORD_OR_HYPHEN if hyphen_joins_words else WORD
    return re.compile(rf"(?<!{inside})(?:" + "|".join(alternatives) + rf")(?!{inside})", re.IGNORECASE)

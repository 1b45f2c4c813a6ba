"""Quotations in a text: where they are (who said them is `review.nlp.speakers`).

How it works: docs/internals.md, `review.nlp.quotes`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from review.core.text import doc_text, paragraphs as text_paragraphs, per_doc
from review.nlp.people import NAME_TITLES

# Opening and closing characters of each kind of mark. Straight marks are both.
DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemet"
_OPENERS = {"“": DOUBLE, "„": DOUBLE, "‘": SINGLE, "‚": SINGLE, "«": GUILLEMET}
_CLOSERS = {"”": DOUBLE, "’": SINGLE, "»": GUILLEMET}
_STRAIGHT = {'"': DOUBLE, "'": SINGLE}
# The double quotation marks English reports use ('"', '“', '”'): a quotation, unlike "'", which is also an apostrophe.
DOUBLE_QUOTE_MARKS = frozenset('"“”')
# Words that begin with an apostrophe standing for dropped letters: never a quote.
_ELISIONS = ("em", "tis", "twas", "cause", "til", "n", "s", "bout", "round", "cos", "coz", "cuz", "nuff")
_DASHES = "—–-"
_BEFORE_OPENER = set("([{<—–-/") | set(_OPENERS) | set(_STRAIGHT)
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")
# A courtesy title just before a full stop ("Mrs."): the stop abbreviates, it closes no sentence.
_TITLE_BEFORE = re.compile(r"(?:^|(?<=[^A-Za-z]))(?:" + "|".join(NAME_TITLES) + r")$", re.IGNORECASE)


@dataclass
class Quote:
    """One quotation. `start`/`end` span exactly the words inside the marks.

    `depth` is 0 for a quote in the running text, 1 for a quote inside a quote, and so on.
    `closed` is False for a quote whose closing mark is missing. `form` is ``"speech"`` for
    words presented as an utterance ("No!" Mia shouted; Mia said "I want to go home") and
    ``"phrase"`` for a word or phrase quoted inside a sentence (described as "aggressive",
    she felt "scared all the time"). `kind` says whose words they are and how they reach the
    report (`review.nlp.speakers.kinds`: child_own, child_reported, adult, professional_opinion,
    scare_quote). The speaker fields are filled by `review.nlp.speakers`.
    """

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_is_child: bool = False
    mark: str = DOUBLE
    depth: int = 0
    closed: bool = True
    form: str = "speech"
    kind: str | None = None
    speaker_start: int | None = None  # where the speaker is named (or referred to) in the text
    speaker_end: int | None = None
    verb: str | None = None           # the reporting verb or noun ("said", "answer"), if any
    how: str | None = None            # how the speaker was found: "verb", "alternation", "asked", ...
    relayed_by: str | None = None     # who passed the words on, when someone other than the writer did
    extra: dict = field(default_factory=dict)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int) -> str:
    """How the mark at `text[i]` can act: "open", "close", "either", "apostrophe"."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev_space = prev == "" or prev.isspace() or prev in _BEFORE_OPENER
    next_space = nxt == "" or nxt.isspace()
    if ch in ("'", "’", "‘"):
        if _is_word_char(prev) and _is_word_char(nxt):
            return "apostrophe"                       # don't, Jake's, rock'n'roll
        if nxt.isdigit() and not _is_word_char(prev):
            return "apostrophe"                       # the '90s
        if prev_space and not next_space:
            rest = text[i + 1:i + 7].lower()
            word = re.match(r"[a-z]+", rest)
            if word and word.group(0) in _ELISIONS and not re.match(r"[a-z]+['’]", rest):
                return "apostrophe"                   # 'em, 'tis (unless closed at once: 'em')
            return "open"
        if ch == "‘":
            return "open" if not next_space else "apostrophe"
        if prev in _DASHES and (next_space or not _is_word_char(nxt)) and i > 1 and _is_word_char(text[i - 2]):
            return "close"                            # words cut off: 'Dad put—'
        if not prev_space and (next_space or not _is_word_char(nxt)):
            return "close"                            # also the girls' coats: decided by the stack
        return "apostrophe"
    if prev_space and not next_space:
        return "open"
    if not prev_space and (next_space or not _is_word_char(nxt)):
        return "close"
    if prev_space and next_space:
        return "either"
    return "either"


def _plural_possessive(text: str, i: int, limit: int) -> bool:
    """'The boys' coats are wet,' said Mum: an apostrophe after s, followed by a word, with a
    closing mark still to come in the paragraph."""
    if i == 0 or text[i - 1] not in "sS" or not re.match(r" [a-z]", text[i + 1:i + 3]):
        return False
    for j in range(i + 1, limit):  # the next single mark: a close makes this an apostrophe, an opening one
        if text[j] in ("'", "’", "‘"):  # a new quote ('do whatever it takes' to … her 'plan')
            role = _classify(text, j)
            if role in ("open", "close"):
                return role == "close"
    return False


def _unclosed_end(text: str, start: int, limit: int) -> int:
    """Where a quote opened at `start` and never closed ends: its sentence or line, at most `limit`; the
    full stop of a courtesy title ("Mr. and Mrs. Hale moved …") ends no sentence."""
    match = _SENTENCE_END.search(text, start, limit)
    while match and match.group(0) == "." and _TITLE_BEFORE.search(text, max(start, match.start() - 5), match.start()):
        match = _SENTENCE_END.search(text, match.end(), limit)
    return match.end() if match and match.group(0) != "\n" else (match.start() if match else limit)


def _make_quote(text: str, start: int, end: int, mark: str, depth: int, closed: bool) -> Quote | None:
    inner = text[start:end]
    left = len(inner) - len(inner.lstrip())
    right = len(inner.rstrip())
    if right <= left:
        return None
    return Quote(start=start + left, end=start + right, text=inner[left:right], mark=mark,
                 depth=depth, closed=closed)


def _opens_paragraph(text: str, start: int, mark: str) -> bool:
    stripped = text[start:].lstrip()
    if not stripped:
        return False
    first = stripped[0]
    return _OPENERS.get(first) == mark or _STRAIGHT.get(first) == mark


def doc_quote_marks(doc: Doc) -> list[Quote]:
    """`find_quotes` over the Doc's text, found once and cached on the Doc: the length check and the
    speakers step both need them (each caller gets a new list of the same quotes)."""
    return list(per_doc(doc, "review_quote_marks", lambda: tuple(find_quotes(doc_text(doc)))))


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in `text`, in order of its opening mark (outer before inner)."""
    quotes: list[tuple[int, Quote]] = []
    paragraphs = text_paragraphs(text)
    for number, (p_start, p_end) in enumerate(paragraphs):
        next_start = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
        stack: list[tuple[str, int, int]] = []  # (mark kind, index after the opening mark, opening index)

        def close(entry, end, closed, _quotes=quotes):
            kind, start, opened = entry
            depth = sum(1 for e in stack if e[2] < opened)
            quote = _make_quote(text, start, end, kind, depth, closed)
            if quote:
                _quotes.append((opened, quote))

        def end_unclosed(entry, limit):
            kind, start, opened = entry
            if kind == SINGLE:
                return  # an unmatched single mark is far more often an apostrophe than a quote
            close(entry, _unclosed_end(text, start, limit), False)

        i = p_start
        while i < p_end:
            ch = text[i]
            if ch in _OPENERS or ch in _CLOSERS or ch in _STRAIGHT:
                kind = _OPENERS.get(ch) or _CLOSERS.get(ch) or _STRAIGHT[ch]
                role = _classify(text, i)
                if ch in _OPENERS and role != "apostrophe":
                    same_open = any(entry[0] == kind for entry in stack)
                    # „German“ and »Danish« styles: a usual opening mark can close
                    role = "close" if same_open and role == "close" else "open"
                elif ch in _CLOSERS and ch != "’":
                    role = "close"
                open_index = next((n for n in range(len(stack) - 1, -1, -1) if stack[n][0] == kind), None)
                if kind == SINGLE and role == "close" and open_index is not None \
                        and " " in text[stack[open_index][1]:i] and _plural_possessive(text, i, p_end):
                    role = "apostrophe"  # a one-word quote ('this' was) is never a possessive
                if role in ("close", "either") and open_index is not None:
                    while len(stack) > open_index + 1:        # marks opened inside and never closed
                        end_unclosed(stack.pop(), i)
                    close(stack.pop(), i, True)
                elif role in ("open", "either") and not (role == "either" and kind == SINGLE):
                    if open_index is not None and kind != SINGLE:
                        # a second opening mark of the same kind: the first was never closed
                        while len(stack) > open_index:
                            end_unclosed(stack.pop(), i)
                    stack.append((kind, i + 1, i))
            i += 1
        while stack:
            entry = stack.pop()
            if not stack and next_start is not None and _opens_paragraph(text, next_start, entry[0]) \
                    and text[p_start:entry[2]].strip() == "":
                close(entry, p_end, False)   # speech running on into the next paragraph
            else:
                end_unclosed(entry, p_end)
    quotes.sort(key=lambda pair: (pair[0], pair[1].depth))
    return [quote for _, quote in quotes]


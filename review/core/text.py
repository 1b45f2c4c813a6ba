"""How the review divides a text: the sentences, paragraphs and headings every check and the JSON share."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from review.core.blocks import ends_a_sentence, line_end_before_spaces, read_structure

_NEWLINE = r"(?>\r\n|\r|\n)"  # atomic: "\r\n" is one line end, never two
_PARAGRAPH_BREAK = re.compile(_NEWLINE + r"[ \t\f\v]*" + _NEWLINE + r"\s*")
_LINE_BREAK = re.compile(_NEWLINE + r"\s*")


def per_doc(doc: Doc, name: str, build, depends_on=None):
    """What ``build()`` gives for `doc`, made once and kept in ``doc.user_data[name]``, made again when
    `depends_on` (what it reads besides the Doc, such as the children) changes: the checks ask the same
    questions of one report many times. (``doc_text``, asked most, keeps its own lighter cache.)"""
    cached = doc.user_data.get(name)
    if cached is None or cached[0] != depends_on:
        cached = doc.user_data[name] = (depends_on, build())
    return cached[1]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and cached in ``doc.user_data``: spaCy rebuilds it from
    every token on each access, so reading it once per finding makes a long report quadratic."""
    text = doc.user_data.get("review_text")
    if text is None:
        text = doc.user_data["review_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, sliced from the Doc's cached text: spaCy rebuilds a Span's text from its tokens
    on each access, and the checks read each sentence's text several times."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def sentences(doc: Doc) -> list[Span]:
    """The sentences reported in the JSON, in order: blank ones dropped, outer whitespace trimmed.

    The spans are made once and cached on the Doc (``doc.user_data``), so every check shares the
    same spans; each call returns a new list of them.
    """
    return list(per_doc(doc, "review_sentences", lambda: _sentence_spans(doc)))


def _sentence_spans(doc: Doc) -> tuple[Span, ...]:
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        if bounds and _closes_previous(doc, bounds[-1][1], tokens):
            bounds[-1] = (bounds[-1][0], tokens[-1].i + 1)  # '."' split after the stop: rejoin
        else:
            bounds.append((tokens[0].i, tokens[-1].i + 1))
    return tuple(doc[start:end] for start, end in bounds)


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once per Doc and cached in ``doc.user_data``: spaCy builds a new Span for every
    entity of the report on each access, and the checks read them again for each quote or sentence."""
    return per_doc(doc, "review_entities", lambda: tuple(doc.ents))


def _closes_previous(doc: Doc, previous_end: int, tokens: list) -> bool:
    """True for a 'sentence' of closing punctuation only (a quote mark, a bracket) on the same line."""
    between = doc[previous_end:tokens[0].i].text
    return all(t.is_punct for t in tokens) and "\n" not in between and "\r" not in between


def is_whole_report(doc: Doc, min_sentences: float) -> bool:
    """Long enough to be judged as a whole report (a line or a short note is not): document-level
    findings, such as "no words of the child", apply only then."""
    return len(sentences(doc)) >= min_sentences


def is_heading(doc: Doc, span: Span) -> bool:
    """A sentence that stands as a heading of the report ("Home visit 11/03/2024", "2. Background"):
    its block in the report's structure (`review.core.blocks`) is a heading."""
    structure = doc._.structure
    if structure is None:  # a Doc made without the review pipeline: read its structure here
        structure = read_structure(doc_text(doc))
    block = structure.block_at(span.start_char)
    return block is not None and block.kind == "heading"


def sentence_index(doc: Doc, char_offset: int) -> int | None:
    """The index in `sentences(doc)` of the sentence holding `char_offset`, or None."""
    def bounds() -> tuple[list[int], list[int]]:  # in characters: asked once per finding
        spans = sentences(doc)
        return [s.start_char for s in spans], [s.end_char for s in spans]

    starts, ends = per_doc(doc, "review_sentence_chars", bounds)
    i = bisect_right(starts, char_offset) - 1
    if i >= 0 and char_offset < max(ends[i], starts[i] + 1):
        return i
    return None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, outer whitespace trimmed.

    A text with no blank line at all (pasted with one paragraph a line) has a paragraph a line,
    except where a line break only wraps a sentence (`review.core.blocks` soft breaks) or falls
    inside a quotation that a later line closes.
    """
    result = []
    position = 0
    breaks = list(_PARAGRAPH_BREAK.finditer(text))
    if not breaks:
        soft, filled = _soft_breaks(text)
        line_ends = ((m, line_end_before_spaces(text, m.start())) for m in _LINE_BREAK.finditer(text))
        breaks = [m for m, end in line_ends if end not in soft or ends_a_sentence(text, end) and end not in filled]
        breaks = _outside_quotations(text, breaks)
    for match in [*breaks, None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + (len(chunk) - len(chunk.lstrip()))
            result.append((start, start + len(stripped)))
        if match:
            position = match.end()
    return result


_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„", "”"


def _outside_quotations(text: str, breaks: list[re.Match]) -> list[re.Match]:
    """The line breaks that do not fall inside a double quotation still open at the line's end and closed
    on a later line that the break does not reopen (a speech wrapped across lines is one paragraph; a
    line opening with a quote mark is a new one, as a speech running on into the next paragraph is)."""
    kept, start = [], 0
    for n, match in enumerate(breaks):
        if not _open_quotation(text[start:match.start()]) or text[match.end():match.end() + 1] in '"' + _OPEN_DOUBLE:
            kept.append(match)
            start = match.end()
            continue
        following = text[match.end():breaks[n + 1].start() if n + 1 < len(breaks) else len(text)]
        if not any(mark in following for mark in '"' + _CLOSE_DOUBLE):
            kept.append(match)  # never closed: the writer's slip, not a wrapped speech
            start = match.end()
    return kept


def _open_quotation(chunk: str) -> bool:
    """Whether a double quotation is open at the end of `chunk` (an odd count of straight marks, or
    more typographic opening marks than closing ones)."""
    return chunk.count('"') % 2 == 1 or sum(chunk.count(m) for m in _OPEN_DOUBLE) > chunk.count(_CLOSE_DOUBLE)


def doc_paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """`paragraphs` of the Doc's text, found once per Doc and cached in ``doc.user_data``: the
    checks, the quote layout and the dates each ask for them."""
    return list(per_doc(doc, "review_paragraphs", lambda: tuple(paragraphs(doc_text(doc)))))


@functools.lru_cache(maxsize=4)
def _soft_breaks(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """The wrapping line breaks of a text with no blank line, and those of them that close a sentence on
    a full line (`Structure.filled_breaks`): several checks ask for its paragraphs."""
    structure = read_structure(text)
    return frozenset(structure.soft_breaks), frozenset(structure.filled_breaks)


def paragraph_index(bounds: list[tuple[int, int]], char_offset: int) -> int | None:
    """The index in `bounds` (from `paragraphs`) of the paragraph holding `char_offset`, or None."""
    i = paragraph_at_or_before(bounds, char_offset)
    return i if i is not None and char_offset < bounds[i][1] else None


def paragraph_at_or_before(bounds: list[tuple[int, int]], char_offset: int) -> int | None:
    """The index in `bounds` of the last paragraph starting at or before `char_offset` (so the blank
    lines after a paragraph count as its own), or None before the first."""
    i = bisect_right(bounds, char_offset, key=lambda paragraph: paragraph[0]) - 1
    return i if i >= 0 else None


def words(span) -> int:
    """Number of words in a span: tokens that are not punctuation or whitespace."""
    return sum(1 for t in span if not (t.is_punct or t.is_space))

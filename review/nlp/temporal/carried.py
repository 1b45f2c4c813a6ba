"""Carried dates: the date each sentence carries from its paragraph, the paragraphs before it or its section's
dated heading, so that an event told without a date of its own still has one."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from review.core.text import doc_text, is_heading, paragraph_index, paragraphs, sentence_index, sentences
from review.nlp.temporal.candidates import TemporalExpression


def sentence_anchors(doc: Doc, expressions: list[TemporalExpression]) -> list[dict]:
    """For each sentence of `sentences(doc)`: its own dating expressions and the date it carries.

    A dated sentence dates the rest of its paragraph; a specific day also dates the paragraphs
    that follow, until another date or a heading; a dated heading ("Home visit 11/03/2024") dates
    its section; sentences before the first specific day named in a paragraph take that day.
    Returns dicts with keys ``own`` (expressions in the sentence), ``carried`` (a TemporalExpression
    or None) and ``heading`` (bool).
    """
    spans = sentences(doc)
    text = doc_text(doc)
    own: list[list[TemporalExpression]] = [[] for _ in spans]
    for expr in expressions:
        i = sentence_index(doc, expr.start)
        if i is not None:
            own[i].append(expr)
    paragraph_bounds = paragraphs(text)

    def paragraph_of(offset: int) -> int | None:
        return paragraph_index(paragraph_bounds, offset)

    result = []
    carried: TemporalExpression | None = None
    section_date = False  # the carried date comes from a heading and lasts the whole section
    paragraph: int | None = None
    for i, span in enumerate(spans):
        heading = is_heading(text, span.text, span.start_char, span.end_char)
        dating = [e for e in own[i] if dates_an_event(e) and e.value is not None]
        if heading:
            carried, section_date = (dating[0], True) if dating else (None, False)
            result.append({"own": own[i], "carried": None, "heading": True})
            continue
        if paragraph_of(span.start_char) != paragraph:
            paragraph = paragraph_of(span.start_char)
            if carried is not None and not section_date and not _names_a_day(carried):
                carried = None  # only a specific day carries on into the next paragraph
        result.append({"own": own[i], "carried": carried, "heading": False})
        if dating:
            carried, section_date = dating[-1], False
    # sentences before the first day named in a paragraph take that day ("She came in upset. This was
    # on 12/03/2024."); a bare year or month later in the paragraph is too loose to date them
    first_in_paragraph: dict[int | None, TemporalExpression] = {}
    for i, span in enumerate(spans):
        dating = [e for e in own[i] if dates_an_event(e) and e.value is not None and _names_a_day(e)]
        if dating and not result[i]["heading"]:
            first_in_paragraph.setdefault(paragraph_of(span.start_char), dating[0])
    for i, span in enumerate(spans):
        if result[i]["heading"] or result[i]["carried"] is not None:
            continue
        result[i]["carried"] = first_in_paragraph.get(paragraph_of(span.start_char))
    return result


def _names_a_day(expr: TemporalExpression) -> bool:
    return not expr.imprecise and bool(expr.value) and bool(re.match(r"\d{4}-\d{2}-\d{2}", expr.value))


_CLOCK_TIME = re.compile(r"T\d{2}:\d{2}")


def dates_an_event(expr: TemporalExpression) -> bool:
    """True for an expression that says when something happened (a date or time, even a vague one).

    An expression that takes its day from the text before it ("that night", "the next day")
    says nothing of its own: only the date it refers back to dates the event. A clock time
    ("at 3pm") is a time of its own, whichever day it falls on.
    """
    if expr.type not in ("DATE", "TIME") or expr.value in ("PRESENT_REF", "FUTURE_REF"):
        return False
    if expr.relative == "context" and not (expr.value and _CLOCK_TIME.search(expr.value)):
        return False
    return expr.value is not None or expr.imprecise

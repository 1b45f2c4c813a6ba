"""Components that prepare a Doc for the checks: line-aware sentence starts, report date, children."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from review.core.extensions import register_extensions
from review.core.text import doc_text, sentences
from review.nlp.children import detect_children
from review.nlp.temporal import stated_report_date

register_extensions()


@Language.component("review_line_breaks")
def mark_line_starts(doc: Doc) -> Doc:
    """A new line always starts a new sentence (headings, list items, table cells).

    Runs before the parser, which keeps boundaries that are already set.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and previous.is_space and ("\n" in previous.text or "\r" in previous.text):
            token.is_sent_start = True
    return doc


@Language.component(
    "review_context",
    assigns=["doc._.report_date", "doc._.report_date_source", "doc._.children",
             "doc._.children_source", "doc._.findings", "doc._.summary"],
)
def resolve_context(doc: Doc) -> Doc:
    """Fill in what the checks need to know about the report as a whole.

    The report date is the one given by the caller, else one the report states as its own
    ("Date of report: 20/03/2024"), else today. The children are those given by the caller,
    else those detected in the text.
    """
    if doc._.report_date is not None:
        doc._.report_date_source = doc._.report_date_source or "given"
    else:
        stated = stated_report_date(doc_text(doc))
        doc._.report_date = stated or dt.date.today()
        doc._.report_date_source = "stated" if stated else "today"
    if doc._.children:
        doc._.children_source = doc._.children_source or "given"
    else:
        found = detect_children(doc)
        doc._.children = found
        doc._.children_source = "detected" if found else "none"
    doc._.findings = []
    doc._.summary = {}
    for name in ("dates", "events", "quotes", "checklist"):
        if doc._.get(name) is None:
            doc._.set(name, [])
    sentences(doc)  # fix the sentence spans every check shares
    return doc

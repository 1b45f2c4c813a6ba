"""Components that prepare a Doc for the checks: line-aware sentence starts, report date, children."""

from __future__ import annotations

import datetime as dt

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from review.core.blocks import ends_a_sentence, line_end_before_spaces, read_structure
from review.core.extensions import register_extensions
from review.core.text import doc_text, sentences
from review.nlp.children import detect_children
from review.nlp.grammar import query_mark
from review.nlp.temporal import sent_date, stated_report_date

register_extensions()


@Language.component("review_line_breaks")
def mark_line_starts(doc: Doc) -> Doc:
    """A new line starts a new sentence (headings, list items, table cells), unless the line
    break only wraps a sentence (text pasted from an email): see `review.core.blocks`.

    Runs before the parser, which keeps boundaries that are already set. Reads the report's
    structure once, for every check (``doc._.structure``).
    """
    text = doc.text  # not doc_text: a long text's pieces are joined later, and their caches with them
    structure = doc._.structure = read_structure(text)
    soft = set(structure.soft_breaks)
    starts: dict[int, bool] = {}  # token index: whether it starts a sentence
    tokens = list(doc)
    for previous, token in zip(tokens, tokens[1:]):
        if token.is_space or not previous.is_space or not ("\n" in previous.text or "\r" in previous.text):
            continue
        newline = previous.idx + min(i for i in (previous.text.find("\n"), previous.text.find("\r")) if i >= 0)
        line_end = line_end_before_spaces(text, newline)
        if line_end in soft:
            if not ends_a_sentence(text, line_end):
                starts[token.i] = False
        else:
            starts[token.i] = True
    _mark_fields_and_cells(doc, structure, starts)
    for token in tokens[:-1]:  # "?NAI", "Mum tearful, ?DV": a query mark against a word does not end a sentence
        if query_mark(token):
            starts[token.i + 1] = False
    _set_sentence_starts(doc, starts)
    return doc


def _set_sentence_starts(doc: Doc, starts: dict[int, bool]) -> None:
    """Set ``is_sent_start`` of the tokens in `starts` in one array: the setter of ``Token.is_sent_start``
    scans the whole Doc for a parse on each call, which made marking a long report's lines quadratic."""
    if not starts:
        return
    values = doc.to_array(SENT_START)
    signed = values.view("int64")  # spaCy stores "not a start" as -1
    for i, start in starts.items():
        signed[i] = 1 if start else -1
    doc.from_array([SENT_START], values)


def _mark_fields_and_cells(doc: Doc, structure, starts: dict[int, bool]) -> None:
    """A header field line is one sentence ("Date report completed: 07/03/2025"); each table cell
    starts a sentence of its own (recorded in `starts`, token index: starts a sentence)."""
    first_tokens = {token.idx: token for token in doc if not token.is_space}
    for block in structure.blocks:
        if block.kind == "field":
            span = doc.char_span(block.start, block.end, alignment_mode="expand")
            for token in (span[1:] if span is not None else ()):
                if not token.is_space and doc[token.i - 1].text not in ("\n", "\r\n", "\r"):
                    starts[token.i] = False
        for cell_start, _ in block.cells:
            if cell_start in first_tokens and first_tokens[cell_start].i > 0:
                starts[first_tokens[cell_start].i] = True


@Language.component(
    "review_context",
    assigns=["doc._.report_date", "doc._.report_date_source", "doc._.children",
             "doc._.children_source", "doc._.findings", "doc._.summary"],
)
def resolve_context(doc: Doc) -> Doc:
    """Fill in what the checks need to know about the report as a whole.

    The report date is the one given by the caller, else one the report states as its own
    ("Date of report: 20/03/2024"), else the "Sent:" date of the email it was pasted from, else today. The children are those given by the caller,
    else those detected in the text.
    """
    structure = doc._.structure
    if structure is None or structure.text_length != len(doc_text(doc)):  # read in pieces, or not read
        doc._.structure = read_structure(doc_text(doc))
    if doc._.report_date is not None:
        doc._.report_date_source = doc._.report_date_source or "given"
    else:
        stated = stated_report_date(doc_text(doc))
        sent = None if stated else sent_date(doc_text(doc))
        doc._.report_date = stated or sent or dt.date.today()
        doc._.report_date_source = "stated" if stated else "sent" if sent else "today"
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

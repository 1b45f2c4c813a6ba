"""Every Doc and Span extension the review sets, declared and registered in one place."""

from spacy.tokens import Doc, Span

DOC_EXTENSIONS = {
    "report_date": None,          # datetime.date the report is written (anchors relative dates)
    "report_date_source": None,   # "given" (--report-date), "stated" (in the text), "sent" (email) or "today"
    "children": None,             # list[str]: the child or children the report is about
    "children_source": None,      # "given" (--child), "detected" or "none"
    "structure": None,            # core.blocks.Structure: header fields, headings, paragraphs, items, table rows
    "findings": None,             # list[Finding]: all feedback, from every check
    "dates": None,                # list[TemporalExpression]
    "events": None,               # list: dated events in date order (the chronology)
    "quotes": None,               # list[Quote]
    "child_voice": None,          # what review_child_voice found of the child's voice (read by the checklist)
    "checklist": None,            # list: the policy's questions and whether the report answers them
    "summary": None,              # dict: document measures (words, sentences, grade, ...)
    "language": None,             # str: the language of the text as a whole (ISO 639-1 code)
    "unreviewed": None,           # list[(start, end)]: text not in English, where no check records findings
}
SPAN_EXTENSIONS = {
    "opinion": None,   # float: probability the sentence is the writer's opinion, not fact
    "hedge": None,     # bool: the sentence carries a speculation cue in the writer's voice
    "words": None,     # int: words in the sentence
    "grade": None,     # float: readability grade of the sentence
}


def register_extensions() -> None:
    """Register the extensions (idempotent). Mutable values are set per Doc by review_context."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()

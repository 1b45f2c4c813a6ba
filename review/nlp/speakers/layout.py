"""Where the quotes and paragraphs lie in a parsed Doc: the map every attribution step reads."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from review.core.text import doc_text
from review.nlp.quotes import Quote

# Quotation marks as the tokenizer leaves them, straight and typographic.
QUOTE_CHARS = set("\"'“”‘’«»„‚")


class QuoteLayout:
    """The Doc's text, its top-level quotes, which tokens each holds, and where paragraphs start."""

    def __init__(self, doc: Doc, quotes: list[Quote]):
        self.doc = doc
        self.text = doc_text(doc)
        self.quotes = quotes
        self.top = [q for q in quotes if q.depth == 0]
        # token index -> index in self.top of the top-level quote holding it (marks included)
        self.inside: dict[int, int] = {}
        for n, quote in enumerate(self.top):
            span = doc.char_span(max(0, quote.start - 1), min(len(self.text), quote.end + 1),
                                 alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.inside[token.i] = n
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", self.text)]

    def paragraph_start(self, offset: int) -> int:
        """Where the paragraph holding character `offset` starts."""
        return self.paragraph_starts[max(0, bisect_right(self.paragraph_starts, offset) - 1)]

    def quote_tokens(self, quote: Quote) -> Span | None:
        """The tokens of the quote's words (marks excluded where the tokenizer split them off)."""
        return self.doc.char_span(quote.start, quote.end, alignment_mode="expand")

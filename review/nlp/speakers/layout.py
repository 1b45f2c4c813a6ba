"""Where the quotes and paragraphs lie in a parsed Doc: the map every attribution step reads."""

from __future__ import annotations

import re
from functools import cached_property

from spacy.tokens import Doc, Span

from review.core.blocks import Structure, read_structure
from review.core.text import doc_paragraphs, doc_text, paragraph_at_or_before
from review.nlp.quotes import Quote

# Quotation marks as the tokenizer leaves them, straight and typographic.
QUOTE_CHARS = set("\"'“”‘’«»„‚")
# What joins the items of a list of quotes: a comma, "and", "or", "&" (", and" too).
_LIST_JOINT = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*", re.IGNORECASE)


class QuoteLayout:
    """The Doc's text, its top-level quotes, which tokens each holds, and its paragraphs (core.text's)."""

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
        self.paragraphs = doc_paragraphs(doc) or [(0, 0)]
        self.paragraph_starts = [start for start, _ in self.paragraphs]

    @cached_property
    def structure(self) -> Structure:
        """The layout of the report's blocks (headings, paragraphs, list items, rows), read once."""
        found = self.doc._.structure if self.doc.has_extension("structure") else None
        return found if found is not None and found.text_length == len(self.text) else read_structure(self.text)

    def _paragraph(self, offset: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding `offset`, or of the one before the blank lines holding
        it; leading blank lines count as the first paragraph's."""
        return self.paragraphs[paragraph_at_or_before(self.paragraphs, offset) or 0]

    def paragraph_start(self, offset: int) -> int:
        """Where the paragraph holding character `offset` starts."""
        return self._paragraph(offset)[0]

    def paragraph_end(self, offset: int) -> int:
        """Where the paragraph holding character `offset` ends."""
        return self._paragraph(offset)[1]

    def paragraph_breaks(self, start: int, end: int) -> int:
        """How many paragraphs begin after character `start` and by `end`: the breaks between them."""
        first, last = (paragraph_at_or_before(self.paragraphs, offset) or 0 for offset in (start, end))
        return last - first

    def utterance(self, quote: Quote) -> list[Quote]:
        """The top-level quotes of one utterance split by its attribution clause ("Leo," she said, "come
        here."): neighbours in the paragraph with only a clause ending in a comma or dash between them."""
        if quote not in self.top:
            return [quote]
        n = self.top.index(quote)
        first = last = n
        while first > 0 and self._split_between(self.top[first - 1], self.top[first]):
            first -= 1
        while last + 1 < len(self.top) and self._split_between(self.top[last], self.top[last + 1]):
            last += 1
        return self.top[first:last + 1]

    def _split_between(self, before: Quote, after: Quote) -> bool:
        """Whether only an attribution clause that carries the sentence on lies between two quotes."""
        gap = self.text[before.end + 1:max(before.end + 1, after.start - 1)]
        if self.paragraph_start(before.start) != self.paragraph_start(after.start):
            return False
        return gap.strip().endswith((",", "—", "–", "-")) and not re.search(r"[.!?;:]", gap)

    def listed_with_previous(self, quote: Quote) -> bool:
        """Whether a top-level quote is the next item of a list of quotes in one sentence ("“my room”,
        “maths” and “my cat”"): only a comma, "and", "or" or "&" between it and the quote before, in its
        paragraph. A list's items are quoted alike and share one speaker or none."""
        if quote not in self.top or self.top.index(quote) == 0:
            return False
        before = self.top[self.top.index(quote) - 1]
        if self.paragraph_start(before.start) != self.paragraph_start(quote.start):
            return False
        gap = self.text[before.end + 1:max(before.end + 1, quote.start - 1)]
        return bool(_LIST_JOINT.fullmatch(gap))

    def glued_past_close(self, token) -> bool:
        """Whether a token of a quote is glued across its closing mark and ends in a word outside it
        (`here"--she`, from "…just here"--she pressed a hand to her ribs): that word is the narration's."""
        if token.i not in self.inside:
            return False
        quote = self.top[self.inside[token.i]]
        tail = token.text[max(0, quote.end + 1 - token.idx):]
        return token.idx < quote.end and bool(re.search(r"[A-Za-z]+$", tail))

    def quote_tokens(self, quote: Quote) -> Span | None:
        """The tokens of the quote's words (marks excluded where the tokenizer split them off)."""
        return self.doc.char_span(quote.start, quote.end, alignment_mode="expand")

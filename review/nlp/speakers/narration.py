"""A speaker from the narration around a quote: a person's action just after it ("Well, I don't
know." Anne looked thoughtful), or the subject of the paragraph before a quote that opens its own."""

from __future__ import annotations

from review.nlp.quotes import Quote
from review.nlp.speakers.layout import QuoteLayout
from review.nlp.speakers.mentions import SUBJECTS, People
from review.nlp.speakers.resolve import WRITER, PersonResolver
from review.nlp.speakers.tuning import ACTION_AFTER_TOKENS


class Narration:
    """Speakers found in the sentences around a quote rather than in its reporting clause."""

    def __init__(self, layout: QuoteLayout, people: People, resolver: PersonResolver):
        self.layout = layout
        self.doc = layout.doc
        self.people = people
        self.resolver = resolver

    def action_after(self, quote: Quote, n: int) -> None:
        """A person's action next to an unattributed quote: "Well, I don't know." Anne looked thoughtful."""
        span = self.layout.quote_tokens(quote)
        if span is None:
            return
        inside = self.layout.inside
        paragraph = self.layout.paragraph_start(quote.start)
        after = []
        for token in self.doc[span.end:span.end + ACTION_AFTER_TOKENS]:
            if self.layout.paragraph_start(token.idx) != paragraph or (token.i in inside and inside[token.i] != n):
                break
            if token.i not in inside:
                after.append(token)
        for token in after:
            if token.text in (".", "!", "?", ";") and token is not after[0]:
                break
            if token.dep_ in SUBJECTS and token.head.pos_ in ("VERB", "AUX") and token.head.i not in inside:
                if token.pos_ == "PROPN" or self.people.child_reference_at(token) \
                        or self.people.is_person_noun(token.lower_):
                    speaker, start, end = self.resolver.resolve(token, quote, None)
                    if speaker and speaker != WRITER:
                        quote.speaker, quote.speaker_start, quote.speaker_end = speaker, start, end
                        quote.verb, quote.how = token.head.text, "action"
                return

    def subject_before(self, quote: Quote) -> bool:
        """The subject of the narration just before a quote that opens its paragraph: the paragraph
        before it, from the first sentence after that paragraph's last quote ("…" said Marilla,
        eyeing her. Anne sighed. / "I can't.")."""
        layout = self.layout
        paragraph = layout.paragraph_start(quote.start)
        if layout.text[paragraph:quote.start - 1].strip():
            return False
        previous_paragraph = max((p for p in layout.paragraph_starts if p < paragraph), default=None)
        if previous_paragraph is None:
            return False
        narration_start = previous_paragraph
        last_quote = next((q for q in reversed(layout.top) if previous_paragraph <= q.start < paragraph), None)
        if last_quote is not None:
            span = layout.quote_tokens(last_quote)
            sentence_end = self.doc[span.end - 1].sent.end if span is not None and len(span) else None
            if sentence_end is None or sentence_end >= len(self.doc):
                return False
            narration_start = max(self.doc[sentence_end].idx, last_quote.end + 1)
        subjects = [m for m in self.people.mentions if narration_start <= m.start < paragraph
                    and m.token.dep_ in SUBJECTS and m.token.head.pos_ in ("VERB", "AUX")]
        if not subjects:
            return False
        mention = subjects[-1]
        quote.speaker, quote.speaker_start, quote.speaker_end = mention.name, mention.start, mention.end
        quote.how = "narration"
        return True

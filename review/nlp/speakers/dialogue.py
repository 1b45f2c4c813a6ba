"""Dialogue turns: an unattributed utterance takes the speaker of an earlier turn, the person just
asked, or the person the previous turn addressed."""

from __future__ import annotations

import re

from review.nlp.quotes import Quote
from review.nlp.speakers.layout import QuoteLayout
from review.nlp.speakers.lexicons import Lexicons
from review.nlp.speakers.mentions import SUBJECTS, People, child_aliases
from review.nlp.speakers.narration import Narration
from review.nlp.speakers.resolve import WRITER, PersonResolver, vocatives
from review.nlp.speakers.tuning import ALTERNATION_TURNS, QUESTION_REACH


def copy_speaker(quote: Quote, source: Quote, how: str) -> None:
    """Give `quote` the speaker of `source`, found `how`."""
    quote.speaker, quote.speaker_start, quote.speaker_end = source.speaker, source.speaker_start, source.speaker_end
    quote.how = how


# A turn of a dialogue written as a script: a name or role, perhaps its age in brackets, and a colon
# just before the words ("Seb: '…'", "Demi (12): '…'", "Me: '…'").
_SCRIPT_LABEL = re.compile(r"(?:^\s*|[.!?…\n\"'“”‘’]\s*)((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*)?)(?: ?\([^()]{1,20}\))? ?:\s*$")
# Labels by which a script names its writer.
_WRITER_LABELS = {"me", "i", "sw", "writer"}


def script_label(before: str) -> str | None:
    """The speaker label that ends `before` (the text before a quote's opening mark), if any."""
    match = _SCRIPT_LABEL.search(before)
    return match.group(1) if match else None


class Dialogue:
    """Attributes an utterance from the turns of the conversation it belongs to."""

    def __init__(self, layout: QuoteLayout, people: People, resolver: PersonResolver, narration: Narration,
                 lexicons: Lexicons):
        self.layout = layout
        self.people = people
        self.resolver = resolver
        self.narration = narration
        self.lex = lexicons

    def attribute(self, quote: Quote, turns: list[Quote]) -> None:
        """An unattributed utterance: same speaker as earlier in its paragraph, the person just asked,
        the subject of the narration before it, the person addressed by the previous turn, or the
        speaker two turns back."""
        if quote.form != "speech":
            return
        paragraph = self.layout.paragraph_start(quote.start)
        same_paragraph = [q for q in turns if self.layout.paragraph_start(q.start) == paragraph and q.speaker]
        if self._exchange_goes_on(quote, turns, same_paragraph):
            copy_speaker(quote, same_paragraph[-2], "alternation")
            return
        if same_paragraph and not self._list_after_its_lead_in(quote, same_paragraph[-1]):
            copy_speaker(quote, same_paragraph[-1], "continued")
            return
        if not turns:
            self._asked(quote) or self.narration.subject_before(quote)
            return
        previous = turns[-1]
        gap = self.layout.text[previous.end: quote.start]
        between_paragraphs = self.layout.paragraph_breaks(previous.end, quote.start)
        if between_paragraphs > 1 or re.search(r"\w", re.sub(r"[\"'“”‘’]", "", gap)) and \
                not self._only_attribution(gap):
            self._asked(quote) or self.narration.subject_before(quote)
            return
        if self._asked(quote):
            return
        if self.layout.paragraph_start(previous.start) == paragraph:
            return  # a speaker nobody named carries on in their paragraph: not the one they address
        vocative = self._addressee(previous)
        if vocative:
            mention = next((m for m in self.people.mentions if m.name.lower() == vocative), None)
            quote.speaker = mention.name if mention else vocative.title()
            quote.speaker_start = mention.start if mention else None
            quote.speaker_end = mention.end if mention else None
            quote.how = "addressed"
            return
        # the other person in a two-person exchange: the latest earlier speaker who is not the last one
        if previous.speaker:
            for earlier in reversed(turns[-(ALTERNATION_TURNS + 1):-1]):
                if earlier.speaker and earlier.speaker != previous.speaker:
                    copy_speaker(quote, earlier, "alternation")
                    return

    def _list_after_its_lead_in(self, quote: Quote, previous: Quote) -> bool:
        """Whether `quote` opens a list item after the paragraph that leads into the list and whose quote,
        `previous`, the lead-in's narration has moved on from ("Her aunt says she \"is a star.\" On Monday I
        did a worksheet with her." then "- Worries: \"…\""): the words set out in the list are not the
        lead-in speaker's carrying on (nobody named them; a section headed as the child's may)."""
        structure = self.layout.structure
        here, there = structure.block_at(quote.start), structure.block_at(previous.start)
        if here is None or there is None or here.kind != "item" or there.kind == "item":
            return False
        return not self._only_attribution(self.layout.text[previous.end + 1:here.start])

    def _exchange_goes_on(self, quote: Quote, turns: list[Quote], same_paragraph: list[Quote]) -> bool:
        """Whether an unattributed utterance takes the next turn of a question-and-answer exchange its
        paragraph already holds ("‘Where do you sleep?’ I asked. ‘With Mum,’ Kai replied. ‘And Dean?’ ‘The
        floor.’"): the last two turns there are two people's, it or the last turn asks a question (words that
        carry on an answer, "And Steve sometimes.", are the same speaker's), and nothing stands between it and
        the last turn but that turn's attribution (a sentence of its own: a quote split by its attribution is
        one utterance)."""
        if len(same_paragraph) < 2 or turns[-1] is not same_paragraph[-1]:
            return False
        if not any(q.text.rstrip(" \"'’”").endswith("?") for q in (quote, same_paragraph[-1])):
            return False
        previous, before = same_paragraph[-1], same_paragraph[-2]
        if previous.speaker == before.speaker or previous.how not in ("verb", "script", "alternation"):
            return False
        if self.layout._split_between(previous, quote):
            return False
        gap = self.layout.text[previous.end + 1:max(previous.end + 1, quote.start - 1)]
        return not gap.strip() or self._only_attribution(gap) and bool(re.search(r"[.!?]\s*$", gap.strip()))

    def scripted(self, quote: Quote) -> bool:
        """A script-style turn ("Tyrese: '…' SW: '…'"): the label is the speaker (Me or SW: the writer)."""
        layout = self.layout
        start = max([layout.paragraph_start(quote.start)] + [q.end + 1 for q in layout.top if q.end < quote.start])
        label = script_label(layout.text[start:max(start, quote.start - 1)])
        if label is None:
            return False
        if label.lower() in _WRITER_LABELS:
            quote.speaker, quote.speaker_start, quote.speaker_end = WRITER, None, None
        else:
            offset = layout.text.rindex(label, start, quote.start)
            quote.speaker, quote.speaker_start, quote.speaker_end = label, offset, offset + len(label)
        quote.how = "script"
        return True

    def _only_attribution(self, gap: str) -> bool:
        """True when the text between two quotes is just an attribution ("she said. ")."""
        words = re.findall(r"[A-Za-z]+", gap)
        return len(words) <= self.lex.verb_after_tokens

    def _addressee(self, quote: Quote) -> str | None:
        """A known person the quote addresses by name, other than its own speaker."""
        names = vocatives(quote)
        known = {m.name.lower() for m in self.people.mentions} | child_aliases(self.people.children, self.people.doc)
        for name in names:
            if name in known and name != (quote.speaker or "").lower():
                return name
        return None

    def _asked(self, quote: Quote) -> bool:
        """The answer to a question put just before: "I asked Mia what she wanted." "Home." """
        doc, inside = self.layout.doc, self.layout.inside
        sentence_start = max(0, quote.start - 1)
        span = doc.char_span(max(0, self.layout.paragraph_start(quote.start) - QUESTION_REACH), sentence_start,
                             alignment_mode="contract")
        if span is None:
            return False
        for token in reversed(span):
            if token.i in inside:
                return False  # only the narration since the last quote
            if token.lemma_ in ("ask", "question", "interview") and token.pos_ == "VERB":
                if not any(c.dep_ in SUBJECTS for c in token.children):
                    return False  # "…?" asked Mum: Mum asked, she was not asked
                for child in token.children:
                    if child.dep_ in ("dobj", "dative", "nsubjpass") and child.i not in inside:
                        speaker, start, end = self.resolver.resolve(child, quote, None)
                        if speaker and speaker != WRITER:
                            quote.speaker, quote.speaker_start, quote.speaker_end = speaker, start, end
                            quote.how = "asked"
                            return True
                return False
        return False

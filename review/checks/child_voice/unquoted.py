"""The child's words given without quotation marks, after a colon: "Asked what would help, Maya said: more
time with Dad", "In the House of Worries she wrote: Dad shouting"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from review.checks.child_voice.resolver import ChildResolver
from review.core.text import doc_text, sentences
from review.nlp.grammar import subject_of
from review.nlp.linguistics import linguistics
from review.nlp.quotes import Quote
from review.nlp.speakers.layout import QUOTE_CHARS

# The word classes of verbs whose colon introduces the words said or written.
SAYING_VERBS = ("speech_verbs", "quoting_verbs")
# At most this many words between the verb and its colon ("said to me:", "wrote on the card:").
WORDS_BEFORE_COLON = 4
# At least this many words after the colon make them words said, not a label ("said: no").
WORDS_AFTER_COLON = 2


@dataclass
class UnquotedWords:
    """A child's words after "said:" or "wrote:" with no quotation marks: where they are, and whose."""

    start: int
    end: int
    child: str  # "" for a child not named


def unquoted_words_of(doc: Doc, quotes: list[Quote], resolver: ChildResolver) -> list[UnquotedWords]:
    """The child's words a reporting verb introduces with a colon and no quotation marks, on the rest of
    the line (or, when the colon ends the line, on the next line: a letter or a message set out)."""
    verbs = linguistics().word_classes.union(*SAYING_VERBS)
    text = doc_text(doc)
    found = []
    for sentence in sentences(doc):
        for verb in sentence:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or any(q.start <= verb.idx < q.end for q in quotes):
                continue
            colon = next((t for t in doc[verb.i + 1: min(verb.i + 2 + WORDS_BEFORE_COLON, sentence.end)]
                          if t.text == ":"), None)
            if colon is None or any(t.pos_ == "VERB" for t in doc[verb.i + 1: colon.i]):
                continue
            words = _words_after(text, colon.idx + 1)
            if words is None or any(q.start < words[1] and words[0] < q.end for q in quotes):
                continue
            subject = subject_of(verb, inherit_through=("xcomp", "conj"))
            child = resolver.child_of(subject) if subject is not None else None
            if child is not None:
                found.append(UnquotedWords(*words, child))
                break
    return found


def _words_after(text: str, offset: int) -> tuple[int, int] | None:
    """(start, end) of the words after a colon at `offset`: the rest of its line, else the next line that
    is not blank; None when they are too few or open with a quotation mark (a quote, found as one)."""
    end = text.find("\n", offset)
    line = text[offset: end if end >= 0 else len(text)]
    if not line.strip() and end >= 0:
        offset = end + 1
        while offset < len(text) and text[offset] in "\r\n \t":
            offset += 1
        end = text.find("\n", offset)
        line = text[offset: end if end >= 0 else len(text)]
    stripped = line.strip()
    if not stripped or stripped[0] in QUOTE_CHARS or len(stripped.split()) < WORDS_AFTER_COLON:
        return None
    start = offset + line.index(stripped)
    return start, start + len(stripped)

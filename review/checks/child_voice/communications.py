"""A child's communication without words: signs, gestures, pictures and communication aids."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from review.checks.child_voice.resolver import ChildResolver
from review.core.rules import CheckRules
from review.core.text import sentences
from review.nlp.grammar import subject_of
from review.nlp.patterns import phrase_pattern
from review.nlp.quotes import Quote


@dataclass
class Communication:
    """A child's communication without words: a sentence in which the child signs, points, gestures or
    uses a communication aid ("Mia pointed to the sad face on her board"); `means` is the cue found."""

    start: int
    end: int
    text: str
    child: str  # "" for a child not named
    means: str


def communications_of(doc: Doc, quotes: list[Quote], resolver: ChildResolver, rules: CheckRules) -> list[Communication]:
    """The sentences, outside quotes, in which a child communicates by a sign, gesture, picture or aid:
    a communication cue whose verb has the child as its subject ("Tilly uses PECS", "Mia pointed";
    not "her reading book is never signed")."""
    pattern = phrase_pattern(rules.lexicon("communication_cues"), hyphen_joins_words=True)
    found = []
    for sentence in sentences(doc) if pattern else []:
        for cue in pattern.finditer(sentence.text):
            start = sentence.start_char + cue.start()
            if any(q.start <= start < q.end for q in quotes):
                continue
            child = _child_doing(doc.char_span(start, start + len(cue.group(0)), alignment_mode="expand"), resolver)
            if child is not None:
                found.append(Communication(sentence.start_char, sentence.end_char, sentence.text, child,
                                           cue.group(0)))
                break
    return found


def _child_doing(span, resolver: ChildResolver) -> str | None:
    """The child who is the active subject of the verb a cue belongs to (the cue itself, or the verb above
    a cue noun: "uses a talking mat"); for a verb the parser left without a subject, a child named first
    in the sentence ("Dara (7), who uses BSL, signed …")."""
    if span is None or not len(span):
        return None
    verb = span[0]
    for _ in range(3):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        subject = subject_of(verb, inherit_through=("xcomp", "conj"))
    if subject is not None:
        return resolver.child_of(subject)
    first = span.sent[0]
    return resolver.child_of(first) if first.lower_ in resolver.aliases else None

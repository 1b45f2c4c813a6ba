"""A child's communication without words: signs, gestures, pictures and communication aids."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from review.checks.child_voice.resolver import ChildResolver
from review.core.rules import CheckRules
from review.core.text import sentences, span_text
from review.nlp.grammar import has_modal, subject_of
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
    gestures = _gestures(rules)
    found = []
    for sentence in sentences(doc) if pattern else []:
        for cue in pattern.finditer(span_text(sentence)):
            start = sentence.start_char + cue.start()
            if any(q.start <= start < q.end for q in quotes):
                continue
            child = _child_doing(doc.char_span(start, start + len(cue.group(0)), alignment_mode="expand"), resolver)
            if child is not None:
                found.append(Communication(sentence.start_char, sentence.end_char, span_text(sentence), child,
                                           cue.group(0)))
                break
        else:
            gesture = _gesture_in(sentence, gestures, quotes, resolver) if gestures else None
            if gesture is not None:
                found.append(Communication(sentence.start_char, sentence.end_char, span_text(sentence), *gesture))
    return found


def _gestures(rules: CheckRules) -> dict[str, set[str]]:
    """The gesture lexicon ("push away") as each verb lemma's governed lemmas, looked up once per verb."""
    gestures: dict[str, set[str]] = {}
    for entry in rules.lexicon("communication_gestures"):
        if len(entry.split()) == 2:
            lemma, word = entry.lower().split(None, 1)
            gestures.setdefault(lemma, set()).add(word)
    return gestures


def _gesture_in(sentence, gestures: dict[str, set[str]], quotes: list[Quote],
                resolver: ChildResolver) -> tuple[str, str] | None:
    """(child, gesture words) for a verb of the gesture lexicon whose governed word is its child or
    grandchild ("pushed the photo away", "shaking her head"), outside quotes, done by a child."""
    for verb in sentence:
        if verb.pos_ != "VERB":
            continue
        governed = gestures.get(verb.lemma_.lower())
        if not governed or any(q.start <= verb.idx < q.end for q in quotes):
            continue
        words = [c for c in verb.children if c.dep_ not in ("conj", "advcl", "ccomp", "relcl")]
        words += [g for c in words for g in c.children if c.dep_ not in ("conj", "relcl")]
        word = next((w for w in words if w.lemma_.lower() in governed), None)
        if word is not None:
            child = _child_doing(verb.doc[verb.i:verb.i + 1], resolver)
            if child is not None:
                return child, f"{verb.text} {word.text}"
    return None


def _child_doing(span, resolver: ChildResolver) -> str | None:
    """The child who is the active subject of the verb a cue belongs to (the cue itself, or the verb above
    a cue noun: "uses a talking mat"); for a verb the parser left without a subject, a child named first
    in the sentence ("Dara (7), who uses BSL, signed …")."""
    if span is None or not len(span) or (span[0].pos_ in ("NOUN", "PROPN") and span[0].dep_ in ("nsubj", "nsubjpass")):
        return None  # a cue noun as a subject is talked about, not used ("his figure was thin")
    verb = span[0]
    for _ in range(3):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or has_modal(verb):
        return None  # "he will lead an adult by the hand", "she can sign": what a child may do, not a communication seen
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        subject = subject_of(verb, inherit_through=("xcomp", "conj"))
    if subject is not None and subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        subject = subject.head.head  # "Dara, who uses BSL, signed": the relative clause's noun
    if subject is not None:
        return resolver.child_of(subject)
    first = span.sent[0]
    return resolver.child_of(first) if first.lower_ in resolver.aliases else None

"""Whose voice a token is in, read from the dependency parse.

How it works: docs/internals.md, `review.checks.opinion.attribution`."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from review.core.text import doc_paragraphs, doc_text, paragraph_index, span_text
from review.nlp.grammar import subject_of
from review.nlp.people import FAMILY_WORDS, GROUP_NOUNS
from review.nlp.quotes import find_quotes

WRITER = frozenset({"i", "we", "me", "us"})
REPORTED_CLAUSE = ("ccomp", "xcomp", "dobj", "parataxis")
# What a verb of belief reports: the clause or thing believed ("thinks Dad might come", "does not believe this").
BELIEVED = ("ccomp", "dobj")
# Pronouns for one person the sentences before have named.
ONE_PERSON_PRONOUNS = frozenset({"he", "she"})
# The prepositions that join a legal process to what it is about ("convicted of", "arrested for",
# "charged with", "a plan under the category of").
LEGAL_OBJECT_PREPOSITIONS = frozenset({"of", "for", "with", "under"})
# Dependencies that begin a clause of their own: a word past one is not in the process's object. (Not a
# participle on the offence itself: "assault occasioning actual bodily harm".)
CLAUSES = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis", "ROOT"})


@functools.lru_cache(maxsize=1024)
def quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) character offsets of the words inside each pair of quotation marks in `text`
    (`review.nlp.quotes.find_quotes`: curly or straight, nested, apostrophes never taken for marks).
    Cached: a sentence's voice and its quoted labels both ask, and finding quotes reads its structure."""
    return tuple((quote.start, quote.end) for quote in find_quotes(text))


@dataclass
class Voice:
    """Attribution for one sentence: the token indices that are someone else's words."""

    attributed: set[int]
    quoted: set[int]

    def is_writers(self, token: Token) -> bool:
        return token.i not in self.attributed


def identified_person(subject: Token, writer_nouns: frozenset[str] = frozenset()) -> bool:
    """'Mum', 'Ms Holt', 'the school nurse', 'her teacher', 'she': one person the reader can tell, whose view a
    verb of belief reports (GUIDE.md's ``attributed``); not a group or an unnamed many ("staff feel",
    "professionals believe"), whose view is the writer's side's or no one's, nor the writer named in the third
    person ("the worker feels": one of `writer_nouns` with no word before it but its determiner)."""
    lemma = subject.lemma_.lower()
    if subject.lower_ in GROUP_NOUNS or lemma in GROUP_NOUNS:
        return False
    if lemma in writer_nouns and all(c.dep_ == "det" for c in subject.children if c.i < subject.i):
        return False
    if subject.pos_ == "PROPN" or subject.lower_ in FAMILY_WORDS:
        return True
    if subject.pos_ == "PRON":
        return subject.lower_ in ONE_PERSON_PRONOUNS
    return subject.pos_ == "NOUN" and subject.tag_ == "NN" and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any") for c in subject.children)


def voice_of(sent: Span, attribution_verbs: frozenset[str], source_openers: Iterable[str] = ("according to",),
             belief_verbs: frozenset[str] = frozenset(), writer_nouns: frozenset[str] = frozenset(),
             naming_verbs: frozenset[str] = frozenset()) -> Voice:
    """Which tokens of `sent` are attributed to a source other than the writer (`attribution_verbs`:
    lower-case lemmas); what a verb of `belief_verbs` reports is attributed when one identified person
    holds it ("Mum thinks Dad might come", "the school nurse feels ..."; `identified_person`, which the writer
    named as one of `writer_nouns` is not); so is what such a person names something "as" with a verb of
    `naming_verbs` ("Mum named weekends as the time she is most likely to drink")."""
    doc = sent.doc
    text = span_text(sent)
    quoted = quoted_tokens(sent)
    attributed = set(quoted)
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma in belief_verbs and token.pos_ == "VERB":
            subject = subject_of(token)
            believed = [c for c in token.children if c.i > token.i and c.dep_ in BELIEVED]
            if believed and subject is not None and subject.lower_ not in WRITER and identified_person(
                    subject, writer_nouns):
                # the stance is the holder's too: "does not believe this", "suspects Dad is drinking"
                attributed.update(t.i for t in (token, *(c for c in token.children if c.dep_ in ("aux", "neg"))))
                for clause in believed:
                    attributed.update(t.i for t in clause.subtree)
            continue
        if lemma in naming_verbs and token.pos_ == "VERB":
            subject = subject_of(token)
            if subject is not None and subject.lower_ not in WRITER and identified_person(subject, writer_nouns):
                for named in (c for c in token.children if c.i > token.i and c.dep_ == "prep" and c.lower_ == "as"):
                    attributed.update(t.i for t in named.subtree)
                    # a clause the parse hangs on the verb that goes straight on from the "as" phrase ("as the
                    # time of year she is most likely to relapse") describes what was named
                    attributed.update(t.i for c in token.children if c.dep_ in ("ccomp", "relcl", "acl")
                                      and c.left_edge.i == named.right_edge.i + 1 for t in c.subtree)
            continue
        if lemma not in attribution_verbs or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = subject_of(token, passive_agent=True)
        if subject is None or subject.lower_ in WRITER or subject.lower_ == "it":
            continue
        clauses = [c for c in token.children if c.i > token.i and (
            c.dep_ in REPORTED_CLAUSE or c.left_edge.lower_ == "as")]  # "Mum described him as aggressive"
        if clauses:
            for clause in clauses:
                attributed.update(t.i for t in clause.subtree)
        else:  # a loose parse ("Mum said: he might be late"): the rest of the sentence
            attributed.update(range(token.i + 1, sent.end))
    lowered = text.lower()
    for opener in source_openers:
        if lowered.startswith(opener.lower()) or _after_a_comma(opener.lower()).search(lowered):
            attributed.update(range(sent.start, sent.end))
    return Voice(attributed, quoted)


def quoted_tokens(sent: Span) -> set[int]:
    """Indices of the tokens of `sent` inside quotation marks, the quotes read over its whole paragraph:
    a quote of two sentences ('She said, "I want to stay. I'm not saying I never want to see Mum."')
    leaves its second sentence only a closing mark, and those words are the speaker's all the same."""
    doc = sent.doc
    bounds = doc_paragraphs(doc)
    paragraph = paragraph_index(bounds, sent.start_char)
    start, end = bounds[paragraph] if paragraph is not None else (sent.start_char, sent.end_char)
    start, end = min(start, sent.start_char), max(end, sent.end_char)
    quoted: set[int] = set()
    for q_start, q_end in quoted_ranges(doc_text(doc)[start:end]):
        first, last = max(start + q_start, sent.start_char), min(start + q_end, sent.end_char)
        if first >= last:
            continue
        span = doc.char_span(first, last, alignment_mode="expand")
        if span is not None:
            quoted.update(range(span.start, span.end))
    return quoted


@functools.lru_cache(maxsize=64)
def _after_a_comma(opener: str) -> re.Pattern:
    """A source opener inside a sentence (", according to her"): after a comma, ending a word."""
    return re.compile(r",\s*" + re.escape(opener) + r"\b")


def find_phrase(sent: Span, pattern: re.Pattern | None) -> tuple[int, int] | None:
    """Document character offsets of the first match of `pattern` in `sent`, or None."""
    if pattern is None:
        return None
    match = pattern.search(span_text(sent))
    if match is None:
        return None
    return sent.start_char + match.start(), sent.start_char + match.end()


def unsourced_quoted_labels(sent: Span, introducers: Iterable[str], max_words: int = 4) -> list[tuple[int, int]]:
    """Quoted labels introduced by a verb such as "described as" that names no source.

    'Her presentation was described as "odd"' returns the offsets of ``odd``; 'Her teacher
    described her as "odd"' and 'described by her teacher as "odd"' return nothing.
    """
    intro = {w.lower() for w in introducers}
    found = []
    doc = sent.doc
    text = span_text(sent)
    for start, end in quoted_ranges(text):
        words = text[start:end].split()
        if not words or len(words) > max_words:
            continue
        span = doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is None or span.start == sent.start:
            continue
        before = [t for t in doc[sent.start:span.start] if not (t.is_punct or t.is_space)]
        verb = next((t for t in reversed(before[-4:]) if t.lemma_.lower() in intro), None)
        if verb is None:
            continue
        subject = subject_of(verb, passive_agent=True)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN"
        has_agent = any(c.dep_ == "agent" for c in verb.children) or " by " in doc[verb.i:span.start].text
        if (passive and not has_agent) or subject is None:
            found.append((sent.start_char + start, sent.start_char + end))
    return found


def legal_categories(sent: Span, process_words: frozenset[str]) -> set[int]:
    """Indices of the tokens of `sent` that name what a legal or statutory process is about: the offence,
    order or category in "convicted of controlling or coercive behaviour", "charged with being drunk and
    disorderly", "a referral for neglect", "a harassment warning". The law's or the agency's word, not the
    writer's label; the same word as the writer's own ("Dad is controlling") is not in such a phrase."""
    def is_process(token: Token) -> bool:
        return token.lemma_.lower() in process_words or token.lower_ in process_words

    if not any(is_process(token) for token in sent):
        return set()  # no process word in the sentence, so none heads a phrase (most sentences)
    return {token.i for token in sent if within_clause(token, is_process)}


def within_clause(token: Token, is_process) -> bool:
    """Whether `token` is, in its own clause, the object of a process word (through one of
    LEGAL_OBJECT_PREPOSITIONS and then only nouns and prepositions: "convicted [of] harassment"), a modifier
    of one ("a harassment warning"), or the complement of "be" whose subject is one ("the referral was [for]
    neglect")."""
    through_preposition = False
    child = token
    while child.head.i != child.i:
        head = child.head
        if head.pos_ == "ADP" and head.lower_ in LEGAL_OBJECT_PREPOSITIONS:
            through_preposition = True
        elif is_process(head) and (through_preposition or child.dep_ in ("amod", "compound", "nmod")):
            return True
        elif through_preposition and head.lemma_ == "be" and any(
                c.dep_ == "nsubj" and is_process(c) for c in head.children):
            return True
        if head.dep_ in CLAUSES and not is_process(head):
            return False
        if through_preposition and head.pos_ not in ("ADP", "NOUN", "PROPN") and not is_process(head):
            return False  # "a referral re a child left with an intoxicated adult": "with" is the leaving's
        child = head
    return False

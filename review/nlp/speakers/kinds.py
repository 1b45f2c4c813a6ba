"""Whose words a quote holds and how they reach the report: the `kind` of each attributed quote.

- ``child_own``: a child's words as said to, or heard by, the writer or someone present;
- ``child_reported``: a child's words passed on by someone else ("Mum said Leo told her '…'",
  "Tyler is reported to have said '…'"): `relayed_by` names who, or is None;
- ``adult``: an adult's words, the writer's own included, and a professional's plain statement;
- ``professional_opinion``: a professional's quoted label, assessment or opinion (never the child's voice);
- ``scare_quote``: a term in quote marks that nobody in the text is recorded as saying.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from review.core.text import doc_text
from review.nlp.people import OFFICIAL_TITLES
from review.nlp.quotes import Quote
from review.nlp.speakers.lexicons import Lexicons

# At most this many words make a label rather than an utterance ("a follower, not a leader").
LABEL_WORDS = 5
_PERSONAL = {"i", "me", "my", "you", "your", "he", "she", "we", "they", "him", "her", "us", "them", "it", "i'm", "i’m"}
CHILD_OWN, CHILD_REPORTED, ADULT = "child_own", "child_reported", "adult"
PROFESSIONAL_OPINION, SCARE_QUOTE = "professional_opinion", "scare_quote"
KINDS = (CHILD_OWN, CHILD_REPORTED, ADULT, PROFESSIONAL_OPINION, SCARE_QUOTE)
# Titles before a name that make its bearer a professional ("Dr Obi", "PC Ali", "Sister Doyle").
_PROFESSIONAL_TITLES = {t.lower() for t in OFFICIAL_TITLES} | {"dr", "sister", "prof", "professor"}
# How a sentence says its words are passed on without naming who passed them on.
_HEARSAY = re.compile(r"\b(?:is|was|are|were|has been|have been|had been) (?:reported|said|alleged|understood|"
                      r"believed|thought) to\b|\bit (?:is|was|has been) (?:reported|said|alleged)\b|"
                      r"\b(?:reportedly|apparently|allegedly)\b", re.IGNORECASE)


def is_professional(name: str | None, roles: list[str], lexicons: Lexicons) -> bool:
    """Whether a speaker named `name`, described by the role words `roles` ("the YOT worker" in "The
    YOT worker, Mr Ojo"), speaks as a professional."""
    words = re.findall(r"[a-z&]+", " ".join([name or "", *roles]).lower())
    if not words:
        return False
    if words[0] in _PROFESSIONAL_TITLES:
        return True
    text = " " + " ".join(words) + " "
    return any(f" {role} " in text for role in lexicons.professionals)


def states_an_assessment(quote: Quote, lexicons: Lexicons) -> bool:
    """A label or assessment rather than a plain statement: a word or phrase quoted inside a sentence
    ("described the bruising as 'highly suspicious'"), or words that give a view ("In my opinion …",
    "Children appeared well cared for")."""
    if quote.form == "phrase" or is_a_label(quote):
        return True
    lowered = " " + re.sub(r"[^a-z' ]+", " ", quote.text.lower().replace("’", "'")) + " "
    return any(f" {cue} " in lowered for cue in lexicons.assessment_cues)


def is_a_label(quote: Quote) -> bool:
    """A few words with no sentence of their own and no person in them ("drifting", "making poor
    choices"): a label or description, whatever verb introduces it."""
    words = re.findall(r"[\w'’-]+", quote.text)
    return 0 < len(words) <= LABEL_WORDS and not quote.text.rstrip().endswith((".", "!", "?", ",")) \
        and not any(w.lower() in _PERSONAL for w in words)


def role_words(doc: Doc, quote: Quote) -> list[str]:
    """The words that describe the speaker where it is named: an apposition ("The neighbour, Mrs Patel"),
    a bracket after the name ("Ms Okoro (CAMHS)") and the noun the name is a compound of."""
    if quote.speaker_start is None:
        return []
    span = doc.char_span(quote.speaker_start, quote.speaker_end or quote.speaker_start, alignment_mode="expand")
    if span is None or not len(span):
        return []
    token = span.root
    words = [c.text for c in token.subtree if c.i < token.i or c.dep_ == "appos"] + [
        w.text for c in token.children if c.dep_ == "appos" for w in c.subtree]
    if token.dep_ == "appos":
        words += [w.text for w in token.head.subtree if w.i < token.i]
    words += _bracket_after(doc, span.end)
    return words


def _bracket_after(doc: Doc, i: int) -> list[str]:
    """The words of a bracket just after token `i` ("(probation)")."""
    if i >= len(doc) or doc[i].text != "(":
        return []
    words = []
    for token in doc[i + 1: i + 8]:
        if token.text == ")":
            return words
        words.append(token.text)
    return []


def hearsay(doc: Doc, quote: Quote) -> bool:
    """Whether the quote's sentence passes the words on without saying who from ("It is reported
    that Tyler said …", "Sienna is said to have described it as …")."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return False
    sentence = span.sent
    before = doc_text(doc)[sentence.start_char: max(sentence.start_char, quote.start - 1)]
    return bool(_HEARSAY.search(before))


def kind_of(doc: Doc, quote: Quote, lexicons: Lexicons, quoted_by_another: bool = False) -> str:
    """The kind of an attributed quote (its speaker, `speaker_is_child` and `relayed_by` already set);
    `quoted_by_another`: the words are quoted inside another person's quote."""
    if quote.speaker_is_child:
        relayed = quote.relayed_by or quoted_by_another or hearsay(doc, quote)
        return CHILD_REPORTED if relayed else CHILD_OWN
    if quote.speaker is None and (quote.how is None and quote.form == "phrase" or is_a_label(quote)):
        return SCARE_QUOTE  # a term nobody is recorded as saying
    if is_professional(quote.speaker, role_words(doc, quote), lexicons) and states_an_assessment(quote, lexicons):
        return PROFESSIONAL_OPINION
    return ADULT


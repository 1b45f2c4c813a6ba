"""The `date` check: events with no date or time, vaguely dated events, and the chronology.

Sets ``doc._.dates`` (every temporal expression, see `review.temporal`) and ``doc._.events``
(every dated event in date order: the chronology), and raises

- ``date.undated_event`` on the verb of a sentence that reports a specific event with no date
  or time of its own and none carried over from its paragraph or section heading;
- ``date.imprecise`` on a vague anchor ("recently", "in early August") that is all a past
  event is dated by.

What counts as an event, and as a habitual or general statement, is in ``rules/date.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..findings import add_finding
from ..rules import load_rules
from ..temporal import TemporalExpression, dates_an_event, find_temporal_expressions, sentence_anchors
from ..text import sentences

MAIN_CLAUSE = {"ROOT", "conj", "advcl"}
MODALS = {"would", "could", "should", "will", "shall", "may", "might", "must", "can", "'ll", "'d"}


@dataclass
class Event:
    """One dated event of the chronology: the sentence and the date it is dated by."""

    date: str                # the TimeML value dating it (the most specific in the sentence)
    anchor: str              # first calendar day of that value (YYYY-MM-DD): the sort key
    sentence: int            # index into the report's sentences
    start: int
    end: int
    text: str
    carried: bool            # dated by an earlier sentence or heading, not by its own words
    imprecise: bool


def phrase_pattern(phrases: list[str]) -> re.Pattern | None:
    """One case-insensitive, word-bounded pattern matching any of `phrases`."""
    if not phrases:
        return None
    alternatives = sorted((re.escape(p.strip()) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I)


def is_past(verb: Token) -> bool:
    """A verb in a past form: simple past, or a participle with have/be ("has missed", "was seen")."""
    children = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children) \
            and any(c.dep_ in ("aux", "auxpass") for c in verb.head.children):
        return is_past(verb.head)  # "has not seen Ethan or met his mother": the auxiliaries are shared
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":  # "has missed", "was seen", "has been seen"; not "is made", "has not seen"
        if any(c.dep_ == "neg" for c in children) and any(c.lemma_ == "have" for c in children):
            return False
        return any((c.dep_ == "aux" and c.lemma_ == "have") or (c.dep_ == "auxpass" and c.tag_ in ("VBD", "VBN"))
                   for c in children)
    if verb.tag_ == "VB":  # "did not attend"
        return any(c.dep_ == "aux" and c.lower_ == "did" for c in children)
    return False


def main_verbs(sent: Span) -> list[Token]:
    """Verbs of the sentence's main clauses: its root, verbs joined to it, adverbial clauses."""
    verbs = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ not in MAIN_CLAUSE:
            continue
        if token.dep_ != "ROOT" and token.head.dep_ not in MAIN_CLAUSE:
            continue
        verbs.append(token)
    return verbs


class DateCheck:
    """Finds and normalises the report's temporal expressions, builds the chronology, flags undated events."""

    def __init__(self, rules_path: str | None = None):
        self.rules = load_rules(rules_path).check("date")
        self.event_verbs = {w.lower() for w in self.rules.lexicon("event_verbs")}
        self.event_nouns = {w.lower() for w in self.rules.lexicon("event_nouns")}
        self.habitual = phrase_pattern(self.rules.lexicon("habitual_markers"))
        self.record_fields = phrase_pattern(self.rules.lexicon("record_fields"))

    def event_verb(self, sent: Span) -> Token | None:
        """The verb of a specific past event reported by `sent`, or None (habitual, general, present)."""
        if self.habitual is not None and self.habitual.search(sent.text):
            return None
        for verb in main_verbs(sent):
            if not is_past(verb) or verb.lemma_ == "be":
                continue
            if verb.lemma_.lower() in self.event_verbs or self.has_event_noun(verb):
                return verb
        return None

    def has_event_noun(self, verb: Token) -> bool:
        """The verb's subject or object is an event noun ("A referral was made", "held a meeting")."""
        return any(child.dep_ in ("nsubj", "nsubjpass", "dobj") and
                   (child.lemma_.lower() in self.event_nouns or child.lower_ in self.event_nouns)
                   for child in verb.children)

    def is_record_field(self, sent: Span) -> bool:
        return self.record_fields is not None and bool(self.record_fields.search(sent.text))

    def __call__(self, doc: Doc) -> Doc:
        expressions = find_temporal_expressions(doc, doc._.report_date)
        doc._.dates = expressions
        anchors = sentence_anchors(doc, expressions)
        events: list[Event] = []
        for index, (sent, anchor) in enumerate(zip(sentences(doc), anchors)):
            if self.is_record_field(sent):
                continue
            own = [e for e in anchor["own"] if dates_an_event(e)]
            verb = self.event_verb(sent) if not anchor["heading"] else None
            if own:
                dating, carried = most_specific(own), False
            else:
                dating, carried = anchor["carried"], True
            if verb is not None and dating is None:
                add_finding(doc, self.rules.rule("date.undated_event"), verb.idx, verb.idx + len(verb.text),
                            allow=self.rules, kind="undated")
            # age-relative anchors ("as a child") are vague by nature: no request for an exact date
            vague = [e for e in own if e.imprecise and e.value is not None]
            if vague and len(vague) == len(own) and self.is_past_statement(sent):
                add_finding(doc, self.rules.rule("date.imprecise"), vague[0].start, vague[0].end,
                            allow=self.rules, kind="imprecise")
            if dating is not None and dating.anchor is not None and (verb is not None or (own and anchor["heading"])
                                                                    or (own and self.is_event_statement(sent))):
                events.append(Event(date=dating.value, anchor=dating.anchor.isoformat(), sentence=index,
                                    start=sent.start_char, end=sent.end_char, text=sent.text, carried=carried,
                                    imprecise=dating.imprecise))
        events.sort(key=lambda e: (e.anchor, e.date, e.sentence))
        doc._.events = events
        return doc

    def is_past_statement(self, sent: Span) -> bool:
        """A sentence about something that happened (a past-tense main verb), not a habit."""
        if self.habitual is not None and self.habitual.search(sent.text):
            return False
        return any(is_past(v) for v in main_verbs(sent))

    def is_event_statement(self, sent: Span) -> bool:
        """A dated sentence worth a line in the chronology: it has a verb and is not habitual."""
        if self.habitual is not None and self.habitual.search(sent.text):
            return False
        return any(t.pos_ in ("VERB", "AUX") for t in sent) or len(sent) <= 12


def most_specific(expressions: list[TemporalExpression]) -> TemporalExpression:
    """The expression that dates a sentence best: precise before vague, a day (and time) before a month or year."""
    def key(expr: TemporalExpression):
        value = expr.value or ""
        return (expr.imprecise, expr.anchor is None, -len(value), expr.start)
    return min(expressions, key=key)


@Language.factory(
    "review_date",
    requires=["doc._.report_date"],
    assigns=["doc._.dates", "doc._.events", "doc._.findings"],
    default_config={"rules_path": None},
)
def make_date_check(nlp: Language, name: str, *, rules_path: str | None = None) -> DateCheck:
    return DateCheck(rules_path)

"""The `date` check: events with no date or time, vaguely dated events, and the chronology.

How it works: docs/internals.md, `review.checks.date`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from review.core.findings import add_finding
from review.core.rules import load_rules
from review.core.text import sentences
from review.nlp.grammar import clause_text, clause_tokens, governing_verb, is_past, is_present_perfect, main_verbs
from review.nlp.patterns import phrase_pattern
from review.nlp.temporal import TemporalExpression, dates_an_event, find_temporal_expressions, sentence_anchors


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


SERIES_QUANTIFIERS = {"most", "many", "several", "some", "all", "every", "each", "few", "numerous", "various"}
PERIOD_PREPOSITIONS = {"over", "in", "during", "within", "throughout"}


def anchors_a_time(doc: Doc, start: int, end: int) -> bool:
    """A period that says when ("over the last few weeks"), not how long ("for the last few weeks")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in PERIOD_PREPOSITIONS


class DateCheck:
    """Finds and normalises the report's temporal expressions, builds the chronology, flags undated events."""

    def __init__(self, rules_path: str | None = None):
        self.rules = load_rules(rules_path).check("date")
        self.event_verbs = {w.lower() for w in self.rules.lexicon("event_verbs")}
        self.event_nouns = {w.lower() for w in self.rules.lexicon("event_nouns")}
        self.habitual = phrase_pattern(self.rules.lexicon("habitual_markers"))
        self.record_fields = phrase_pattern(self.rules.lexicon("record_fields"))
        self.vague_occasions = phrase_pattern(self.rules.lexicon("vague_occasions"))
        self.vague_periods = phrase_pattern(self.rules.lexicon("vague_periods"))

    def event_verb(self, sent: Span) -> Token | None:
        """The verb of a specific past event reported by `sent`, or None (habitual, general, present)."""
        for verb in main_verbs(sent):
            if not is_past(verb) or verb.lemma_ == "be" or self.is_habitual(verb, sent):
                continue
            if verb.lemma_.lower() in self.event_verbs or self.has_event_noun(verb):
                return verb
        return None

    def is_event_noun(self, noun: Token) -> bool:
        """An event noun, alone or with its compounds ("referral", "core group")."""
        compounds = " ".join(c.lower_ for c in noun.children if c.dep_ in ("compound", "amod"))
        names = {noun.lemma_.lower(), noun.lower_}
        return any(name in self.event_nouns or f"{compounds} {name}" in self.event_nouns for name in names)

    def has_event_noun(self, verb: Token) -> bool:
        """The verb's subject or object is an event noun ("A referral was made", "held a meeting")."""
        return any(child.dep_ in ("nsubj", "nsubjpass", "dobj") and self.is_event_noun(child)
                   for child in verb.children)

    def reports_undated_series(self, verb: Token) -> bool:
        """A present perfect that sums up several events: "core groups have been held", "he has had
        several A&E attendances". Its time is the time of writing, so a date carried over from an
        earlier sentence does not date these events."""
        if not is_present_perfect(verb):
            return False
        return any(child.tag_ == "NNS" and self.is_event_noun(child) and
                   (child.dep_ == "nsubjpass" or (child.dep_ == "dobj" and verb.lemma_ == "have"))
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
            elif verb is not None and self.reports_undated_series(verb):
                dating, carried = None, False  # "core groups have been held": not dated by the sentence before
            else:
                dating, carried = anchor["carried"], True
            vaguely_dated = self.check_imprecise(doc, sent, own, anchor["own"])
            if verb is not None and dating is None and not vaguely_dated:
                add_finding(doc, self.rules.rule("date.undated_event"), verb.idx, verb.idx + len(verb.text),
                            allow=self.rules, kind="undated")
            if dating is not None and dating.anchor is not None and (verb is not None or (own and anchor["heading"])
                                                                    or (own and self.is_event_statement(sent))):
                events.append(Event(date=dating.value, anchor=dating.anchor.isoformat(), sentence=index,
                                    start=sent.start_char, end=sent.end_char, text=sent.text, carried=carried,
                                    imprecise=dating.imprecise))
        events.sort(key=lambda e: (e.anchor, e.date, e.sentence))
        doc._.events = events
        return doc

    def check_imprecise(self, doc: Doc, sent: Span, own: list[TemporalExpression],
                        expressions: list[TemporalExpression]) -> bool:
        """``date.imprecise`` on the vague anchor that is all a sentence's event is dated by (True if raised).

        A vague anchor is an imprecise date ("recently", "over the summer"), a vague period
        ("over the last few months", from ``vague_periods``) or an unnumbered earlier occasion
        ("not the first time", from ``vague_occasions``); a month with no day or year dating a
        single event ("re-referred in January") is one too. A date or period must date a past,
        non-habitual clause; age-relative anchors ("as a child") are vague by nature and not asked for.
        """
        vague = [(e.start, e.end) for e in own if e.imprecise and e.value is not None
                 or self.dates_event_by_month_alone(doc, e)]
        if len(vague) != len(own):
            return False  # a precise date in the sentence dates it
        if not own and self.vague_periods is not None:
            vague = [(e.start, e.end) for e in expressions if e.type == "DURATION"
                     and self.vague_periods.fullmatch(e.text) and anchors_a_time(doc, e.start, e.end)]
        vague = [(start, end) for start, end in vague if self.dates_past_clause(doc, sent, start, end)]
        if not own and not vague and self.vague_occasions is not None:
            found = self.vague_occasions.search(sent.text)
            if found:
                vague = [(sent.start_char + found.start(), sent.start_char + found.end())]
        if vague:
            add_finding(doc, self.rules.rule("date.imprecise"), vague[0][0], vague[0][1],
                        allow=self.rules, kind="imprecise")
        return bool(vague)

    def dates_event_by_month_alone(self, doc: Doc, expr: TemporalExpression) -> bool:
        """A month named with no day or year ("re-referred in January") dating an event verb."""
        if expr.imprecise or not re.fullmatch(r"\d{4}-\d{2}", expr.value or "") or re.search(r"\d", expr.text):
            return False
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None or span.start == 0 or doc[span.start - 1].lower_ not in ("in", "during"):
            return False  # "since August" bounds a period; it does not date one event
        verb = governing_verb(doc, expr.start, expr.end)
        if verb is None or not (verb.lemma_.lower() in self.event_verbs or self.has_event_noun(verb)):
            return False
        # a counted or quantified event ("three injuries", "on most days") is a series, not one event
        return not any(t.like_num or t.lower_ in SERIES_QUANTIFIERS for t in clause_tokens(verb))

    def dates_past_clause(self, doc: Doc, sent: Span, start: int, end: int) -> bool:
        """The words at start..end date a clause about something that happened, not a habit."""
        verb = governing_verb(doc, start, end)
        return verb is not None and is_past(verb) and not self.is_habitual(verb, sent)

    def is_habitual(self, verb: Token, sent: Span) -> bool:
        """A habitual marker in the verb's own clause ("usually", "every day", "continues to")."""
        if self.habitual is None or not self.habitual.search(sent.text):
            return False  # no marker anywhere in the sentence: no need to find the clause
        return bool(self.habitual.search(clause_text(verb)))

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

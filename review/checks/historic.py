"""The `historic` check: historic items with no stated link to the present, and stale reports.

How it works: docs/internals.md, `review.checks.historic`."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from review.core.findings import add_finding
from review.core.rules import load_rules
from review.core.text import doc_text, is_heading, is_whole_report, sentence_index, sentences
from review.nlp.grammar import is_past, main_verbs
from review.nlp.patterns import phrase_pattern
from review.nlp.temporal import value_range


def months_before(day: dt.date, months: int) -> dt.date:
    """`day` moved back by whole months (the day clipped to the month's length)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = index // 12, index % 12 + 1
    for clip in range(day.day, 27, -1) if day.day > 28 else (day.day,):
        try:
            return dt.date(year, month, clip)
        except ValueError:
            continue
    return dt.date(year, month, 28)


class HistoricCheck:
    def __init__(self, rules_path: str | None = None):
        self.rules = load_rules(rules_path).check("historic")
        self.horizon_months = int(self.rules.threshold("horizon_months"))
        self.stale_weeks = self.rules.threshold("stale_weeks")
        self.min_report_sentences = self.rules.threshold("min_report_sentences")
        self.following = int(self.rules.threshold("following_sentences"))
        self.past_markers = phrase_pattern(self.rules.lexicon("past_markers"))
        self.present_links = phrase_pattern(self.rules.lexicon("present_links"))
        self.concern_words = phrase_pattern(self.rules.lexicon("concern_words"))
        self.history_headings = phrase_pattern(self.rules.lexicon("history_headings"))

    def __call__(self, doc: Doc) -> Doc:
        report = doc._.report_date
        horizon = months_before(report, self.horizon_months)
        spans = sentences(doc)
        text = doc_text(doc)
        own: list[list] = [[] for _ in spans]
        for expr in doc._.dates or []:
            i = sentence_index(doc, expr.start)
            if i is not None:
                own[i].append(expr)
        headings = [is_heading(text, s.text, s.start_char, s.end_char) for s in spans]
        section_heading: list[str] = []
        current = ""
        for span, heading in zip(spans, headings):
            current = span.text if heading else current
            section_heading.append(current)
        for i, span in enumerate(spans):
            if headings[i]:
                continue
            old = [e for e in own[i] if e.type in ("DATE", "TIME") and (r := value_range(e.value)) and r[1] < horizon]
            recent = [e for e in own[i] if e.type in ("DATE", "TIME") and e.relative != "context"
                      and (r := value_range(e.value)) and r[1] >= horizon]
            marker = self.past_markers.search(span.text) if self.past_markers else None
            under_history = self.past_under_history_heading(span, section_heading[i]) if not (old or marker) else None
            if old and not (marker or (self.concern_words and self.concern_words.search(span.text))):
                old = []
            if not (old or marker or under_history) or recent:
                continue
            if marker and not old and not any(t.pos_ in ("VERB", "AUX") for t in span):
                continue  # an inline title ("Previous conviction."), not an item
            window = [spans[j].text for j in range(i, min(len(spans), i + self.following + 1)) if not headings[j]]
            window.append(section_heading[i])
            if self.present_links and any(self.present_links.search(t) for t in window):
                continue
            if old:
                start, end = old[0].start, old[0].end
            elif marker:
                start, end = span.start_char + marker.start(), span.start_char + marker.end()
            else:
                start, end = under_history
            add_finding(doc, self.rules.rule("historic.no_relevance"), start, end, allow=self.rules, kind="historic")
        self.check_stale(doc, report)
        return doc

    def past_under_history_heading(self, span, heading: str) -> tuple[int, int] | None:
        """The clause of a past concern told under a history heading ("Family history"), or None.

        The heading marks what follows as the past even where the sentence gives no date
        ("Mum's older sister has had her children removed"); returns that clause's character span.
        """
        if not heading or self.history_headings is None or not self.history_headings.search(heading):
            return None
        if self.concern_words is None or not self.concern_words.search(span.text):
            return None
        verb = next((v for v in main_verbs(span) if is_past(v)), None)
        if verb is None:
            return None
        joined = {t.i for child in verb.children if child.dep_ in ("conj", "cc") for t in child.subtree}
        clause = [t for t in verb.subtree if t.i not in joined and not t.is_punct]
        return clause[0].idx, clause[-1].idx + len(clause[-1].text)

    def check_stale(self, doc: Doc, report: dt.date) -> None:
        if not is_whole_report(doc, self.min_report_sentences):
            return
        ends = [r[1] for e in doc._.events or [] if (r := value_range(e.date)) and r[1] <= report]
        if not ends:
            return
        latest = max(ends)
        weeks = (report - latest).days / 7
        if weeks > self.stale_weeks:
            add_finding(doc, self.rules.rule("historic.stale"), 0, 0, kind="stale",
                        latest=latest.strftime("%d/%m/%Y"), weeks=int(weeks))


@Language.factory(
    "review_historic",
    requires=["doc._.report_date", "doc._.dates", "doc._.events"],
    assigns=["doc._.findings"],
    default_config={"rules_path": None},
)
def make_historic_check(nlp: Language, name: str, *, rules_path: str | None = None) -> HistoricCheck:
    return HistoricCheck(rules_path)

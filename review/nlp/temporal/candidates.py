"""Finding temporal expressions in a Doc: rule matches and spaCy's DATE/TIME entities, the longest kept
where they overlap, then times and "the next day" given their day from the text around them.

dateparser only normalises an entity the grammar cannot read; it never searches the text."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Span

from review.core.text import doc_entities, doc_paragraphs, doc_text, paragraph_index, sentence_index, sentences
from review.nlp.temporal import calendar_dates, clock_times, relative_dates, sets_and_durations
from review.nlp.temporal.grammar import Context, Handler, Result, RuleStarts, lowered, normalised
from review.nlp.temporal.values import iso_week, value_range
from review.nlp.temporal.vocabulary import FULL_WEEKDAY_WORD, FUTURE_CUES, MONTH_WORD, PARTS_OF_DAY, YEAR_DIGITS

# every rule, in the order the grammar was written: of two equal matches, the earlier rule wins
_RULES = calendar_dates.RULES + relative_dates.RULES + clock_times.RULES + sets_and_durations.RULES
_RULE_STARTS = RuleStarts(_RULES)


@dataclass
class TemporalExpression:
    """One temporal expression: character offsets into the text, TIMEX3 type and value.

    `anchor` is the first calendar day the value points at (None for durations, sets,
    PRESENT_REF and the like); `imprecise` marks vague or age-relative anchors ("recently",
    "early August 2013", "when she was 4"); `relative` says what the value was worked out
    from: "report" (the report date), "context" (an earlier date in the text) or None
    (the expression alone).
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    imprecise: bool = False
    anchor: dt.date | None = None
    relative: str | None = None


@dataclass
class _Candidate:
    start: int
    end: int
    result: Result
    priority: int
    handler: Handler | None = None   # the rule that found it (None for a spaCy entity)
    match: re.Match | None = None


def _sentence_bounds(doc: Doc) -> tuple[list[tuple[int, int]], Callable[[int], int | None]]:
    """Each sentence's (start, end) in characters, and the index of the sentence holding an offset."""
    try:
        bounds = [(s.start_char, s.end_char) for s in sentences(doc)]
    except ValueError:  # no sentence boundaries: the whole text is one sentence
        return [(0, len(doc_text(doc)))], lambda offset: 0
    return bounds, functools.partial(sentence_index, doc)


def _future_flags(text: str, bounds: list[tuple[int, int]]) -> list[bool]:
    return [bool(FUTURE_CUES.search(text[start:end])) for start, end in bounds]


def _rule_candidates(text: str, report: dt.date, sentence_of, future) -> list[_Candidate]:
    found = []
    lowered_text = lowered(text)
    starts = _RULE_STARTS.find(lowered_text)
    for rule in _RULES:
        handler, priority = rule.handler, rule.priority
        for match in rule.finditer(text, lowered_text, starts):
            if match.end() == match.start():
                continue
            index = sentence_of(match.start())
            ctx = Context(report, future[index] if index is not None else False, None)
            result = normalised(handler, match, ctx)
            if result is None:
                continue
            start, end = _trim(text, match.start(), match.end())
            found.append(_Candidate(start, end, result, priority, handler, match))
    return found


# ("of late" is one word, as "lately": its "of" stays)
_LEADING = re.compile(r"^(?:on|at|in|since|from|until|till|by|during|over|for|of(?!\s+late\b)|around\s+(?=\D))\s+", re.I)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out a leading preposition and trailing punctuation (TimeML extents)."""
    chunk = text[start:end]
    lead = _LEADING.match(chunk)
    if lead and chunk.lower().startswith(("on ", "in ", "since ", "from ", "until ", "till ", "by ", "during ", "over ", "for ", "of ")):
        start += lead.end()
    while end > start and text[end - 1] in ",;:()[]'\" ":
        end -= 1
    if text[end - 1:end] == "." and not _ABBREVIATION_END.search(text[start:end]):
        end -= 1
    return start, end


_ABBREVIATION_END = re.compile(r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mon|tues?|wed|thu|thurs?|fri|sat|sun)"
                               r"|\b[ap]\.m|\bc)\.$", re.I)


_WEEKDAY_AND_PART = re.compile(FULL_WEEKDAY_WORD + r"(?:\s+(?:morning|afternoon|evening|night))?", re.I)


def _names_a_routine(doc: Doc, text: str, cand: _Candidate) -> bool:
    """A candidate that is a weekday naming a routine thing (see `names_a_routine`)."""
    if not _WEEKDAY_AND_PART.fullmatch(text[cand.start:cand.end]):
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and names_a_routine(span)


def names_a_routine(weekday: Span) -> bool:
    """A weekday (perhaps with its part of the day) that names a kind of thing by the day it recurs on ("a place on
    the Tuesday morning group", "stopped coming to the Thursday drop-in", "Monday absences"): it modifies a noun after
    it (in the same cell, not across a table's "|"), and dates nothing."""
    if not len(weekday) or not _WEEKDAY_AND_PART.fullmatch(weekday.text):
        return False
    doc, last = weekday.doc, weekday[-1]
    return (last.dep_ in ("compound", "nmod", "amod") and last.head.i >= weekday.end and last.head.pos_ == "NOUN"
            and last.head.is_alpha and not _WEEKDAY_AND_PART.fullmatch(last.head.text)
            and last.head.lower_ not in PARTS_OF_DAY  # "Tuesday morning" is a time; "Tuesday morning group" a thing
            and not any((t.is_punct and t.text != "-") or t.is_space for t in doc[weekday.end:last.head.i]))


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (then by rule priority)."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


_AGE_CONTEXT = re.compile(r"\b(?:aged?|years?\s+old|months?\s+old|weeks?\s+old|-year-old|-month-old|DOB|born)\b", re.I)
_TEMPORAL_WORD = re.compile(
    r"\b(?:" + MONTH_WORD + r"|" + FULL_WEEKDAY_WORD + r"|day|week|month|year|decade|century|morning|afternoon|evening|night|"
    r"spring|summer|autumn|winter|weekend|hour|minute|today|yesterday|tomorrow|\d{4})s?\b", re.I)


_ANY_WEEKDAY = re.compile(r"(?:a|any|every|each|most|some)\s+" + FULL_WEEKDAY_WORD, re.I)  # "on a Monday": any one
_ANY_BEFORE = re.compile(r"\b(?:a|any|every|each|most|some)\s+$", re.I)  # "on a |Thursday|": the entity left it out
_WEEKDAY_FIRST = re.compile(FULL_WEEKDAY_WORD + r"\b", re.I)
_SCHOOL_YEAR = re.compile(r"(?:school\s+)?year\s+\d{1,2}|reception|nursery", re.I)
_NAMED_TIME = re.compile(r"\b(?:" + MONTH_WORD + r"|" + FULL_WEEKDAY_WORD + r"|" + YEAR_DIGITS + r")\b|\bago\b", re.I)


@functools.lru_cache(maxsize=8)
def _date_parser(report: dt.date):
    """A dateparser parser anchored on one report date (built once per date: building is slow)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": dt.datetime.combine(report, dt.time()),
        "PREFER_DAY_OF_MONTH": "first",
    })


def _dateparser_value(text: str, report: dt.date) -> Result | None:
    data = _date_parser(report).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day, period = data.date_obj, data.period
    if period == "year":
        return Result("DATE", f"{day.year}")
    if period == "month":
        return Result("DATE", f"{day.year}-{day.month:02d}")
    if period == "week":
        return Result("DATE", iso_week(day.date()))
    if period == "time":
        return Result("TIME", day.strftime("%Y-%m-%dT%H:%M"))
    return Result("DATE", day.date().isoformat())


def _entity_candidates(doc: Doc, report: dt.date, taken: list[_Candidate], sentence_of, future) -> list[_Candidate]:
    """spaCy DATE/TIME entities that no rule covers, normalised by the grammar or dateparser."""
    found = []
    full_text = doc_text(doc)
    for ent in doc_entities(doc):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = _trim(full_text, ent.start_char, ent.end_char)
        if end <= start or any(start < c.end and c.start < end for c in taken):
            continue
        text = full_text[start:end]
        window = full_text[max(0, start - 12):min(len(full_text), end + 12)]
        if (_AGE_CONTEXT.search(window) or not _TEMPORAL_WORD.search(text) or _SCHOOL_YEAR.fullmatch(text)
                or _ANY_WEEKDAY.fullmatch(text)
                or (_WEEKDAY_FIRST.match(text) and _ANY_BEFORE.search(full_text[max(0, start - 8):start]))):
            continue
        index = sentence_of(start)
        ctx = Context(report, future[index] if index is not None else False, None)
        result = _whole_match(text, ctx)
        if result is None and _NAMED_TIME.search(text):
            result = _dateparser_value(text, report)
        if result is None:
            continue  # "the evening", "6-8 week": too vague to keep without a value
        found.append(_Candidate(start, end, result, -1))
    return found


def _whole_match(text: str, ctx: Context) -> Result | None:
    for pattern, handler, *_ in sorted(_RULES, key=lambda r: -r.priority):
        match = pattern.fullmatch(text)
        if match:
            result = normalised(handler, match, ctx)
            if result is not None:
                return result
    return None


def find_temporal_expressions(doc: Doc, report_date: dt.date | None = None) -> list[TemporalExpression]:
    """Every temporal expression in `doc`, in text order, normalised against `report_date`.

    `report_date` defaults to ``doc._.report_date`` (else today). Times take their day from a
    full date in the same sentence, else from the date the sentence carries (see
    `sentence_anchors`), else from the last full date before them, else the report date.
    """
    if report_date is None:
        report_date = getattr(doc._, "report_date", None) if Doc.has_extension("report_date") else None
        report_date = report_date or dt.date.today()
    text = doc_text(doc)
    bounds, sentence_of = _sentence_bounds(doc)
    future = _future_flags(text, bounds)
    rule_found = _select(_rule_candidates(text, report_date, sentence_of, future))
    entity_found = _entity_candidates(doc, report_date, rule_found, sentence_of, future)
    chosen = [c for c in sorted(rule_found + entity_found, key=lambda c: c.start) if not _names_a_routine(doc, text, c)]
    _resolve_context(chosen, report_date, sentence_of, future, doc_paragraphs(doc))
    expressions = []
    for cand in chosen:
        result = cand.result
        span = value_range(result.value) if result.type in ("DATE", "TIME") else None
        expressions.append(TemporalExpression(
            start=cand.start, end=cand.end, text=text[cand.start:cand.end], type=result.type, value=result.value,
            imprecise=result.imprecise or result.value in ("PAST_REF", "FUTURE_REF"), anchor=span[0] if span else None,
            relative=result.relative))
    return expressions


def _resolve_context(chosen: list[_Candidate], report: dt.date, sentence_of, future,
                     paragraph_bounds: list[tuple[int, int]]) -> None:
    """Second pass: times and context-relative expressions take their day from the text around them."""
    day_of_sentence: dict[int, dt.date] = {}
    for cand in chosen:
        value = cand.result.value
        if cand.result.type == "DATE" and value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day_of_sentence.setdefault(sentence_of(cand.start), dt.date.fromisoformat(value))
    previous: dt.date | None = None
    previous_timed = False
    paragraph_day: dt.date | None = None
    current_paragraph = -1
    for cand in chosen:
        para = paragraph_index(paragraph_bounds, cand.start)
        if para is not None and para != current_paragraph:
            current_paragraph, paragraph_day = para, None
        result = cand.result
        index = sentence_of(cand.start)
        if result.time_of_day is not None:
            day = day_of_sentence.get(index) or paragraph_day or previous
            result.relative = None if index in day_of_sentence else ("context" if day else "report")
            result.value = f"{(day or report).isoformat()}{result.time_of_day}"
        elif result.relative == "context" and cand.handler is not None:
            ctx = Context(report, future[index] if index is not None else False, previous, previous_timed)
            result = cand.handler(cand.match, ctx) or result
            cand.result = result
        value = result.value
        if result.time_of_day is not None and result.relative == "report":
            previous = paragraph_day = None  # "at 8.50am ... later that morning": a time with no day gives none
        elif result.type in ("DATE", "TIME") and value and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
            day = dt.date.fromisoformat(value[:10])
            previous_timed = bool(re.search(r"T\d", value)) or (previous_timed and day == previous)  # its clock time
            previous = paragraph_day = day
        elif result.type == "DATE" and (result.imprecise or value in ("PAST_REF", "FUTURE_REF")):
            previous = paragraph_day = None  # "recently ... that night": a back-reference to a vague time is vague

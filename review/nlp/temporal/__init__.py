"""Temporal expressions: find DATE, TIME, DURATION and SET expressions in a Doc and normalise them to
TimeML TIMEX3 values, anchored on the report date or on the dates before them; UK conventions first.

Parts: `vocabulary` (the words), `values` (calendar arithmetic), `grammar` (how a rule is written) and the
rules (`calendar_dates`, `relative_dates`, `clock_times`, `sets_and_durations`), `candidates` (finding),
`carried` (the date each sentence carries), `report_date` (the report's own date), `written` (a value in words).
"""

from review.nlp.temporal.candidates import TemporalExpression, find_temporal_expressions, names_a_routine
from review.nlp.temporal.carried import (dates_an_event, is_dayless_clock_time, is_vague, names_a_day,
                                         occasion_sub_headings, opens_its_block, refers_back_to_a_date,
                                         sentence_anchors)
from review.nlp.temporal.report_date import sent_date, stated_report_date
from review.nlp.temporal.values import is_time_of_day_unit, value_range
from review.nlp.temporal.written import written_date

__all__ = [
    "TemporalExpression",
    "dates_an_event",
    "find_temporal_expressions",
    "is_dayless_clock_time",
    "is_time_of_day_unit",
    "is_vague",
    "names_a_day",
    "names_a_routine",
    "occasion_sub_headings",
    "opens_its_block",
    "refers_back_to_a_date",
    "sentence_anchors",
    "sent_date",
    "stated_report_date",
    "value_range",
    "written_date",
]

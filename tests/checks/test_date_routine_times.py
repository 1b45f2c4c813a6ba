"""The date check on a clause that names the times it recurs at: a plural time of day or week ("a key worker in the
afternoons", "on Sundays", "at weekends") or a rate ("eating fewer than two meals a day", "£30 a week"). It tells a
routine or an arrangement, not one event to date. One time ("at night", "one morning") or a counted few ("on two
mornings") still asks for the date.

Sentences written fresh for this pattern (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import date_warnings, undated_events

REPORT_DATE = "2025-03-20"


@pytest.mark.parametrize("text", [
    "Support in school\n- Reading recovery with Mr Ellis in the afternoons, shared lunchtime club on Fridays.",
    "Early signs she is struggling:\n- eating fewer than two meals a day\n- staying in bed past midday",
    "- Dad gave Mum £30 a week for food.",
    "Arrangements\n- Nan collected the girls at weekends and dropped them back on Sundays.",
    "During the holidays Jade stayed with her aunt in the evenings while Mum worked.",
])
def test_a_routine_time_makes_the_clause_habitual(review_text, text):
    assert undated_events(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, verb", [
    ("At night Dad threw a plate at Mum.", "threw"),
    ("On two mornings Jay arrived late with no coat.", "arrived"),
    ("One morning Mum left the baby alone in the flat.", "left"),
])
def test_one_time_or_a_counted_few_still_asks_for_the_date(review_text, text, verb):
    assert ("date.undated_event", verb) in date_warnings(review_text(text, report_date=REPORT_DATE))

"""The date check on a record or report joined to a habitual clause and pointing back to it ("Staff washed her each
time and I recorded it on the day", "... every time and she told me about it"): one record of each occurrence, as
habitual as the occurrences, not one more incident to date. A conjoined act that does not point back ("... each
time and Mum hit her") or that joins a clause with no habit ("Dad shouted at Mum and I recorded it") is still
asked for its date.

Sentences written fresh for this pattern (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import date_warnings, undated_events

REPORT_DATE = "2025-03-20"


@pytest.mark.parametrize("text", [
    "Staff washed her each time and I recorded it on the day.",
    "The teacher phoned Mum every time and I recorded it that afternoon.",
    "She wet herself every time and she told me about it.",
    "Nursery staff found nits in his hair every week and I logged it on the system.",
])
def test_a_record_of_each_occurrence_is_habitual(review_text, text):
    assert undated_events(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, verb", [
    ("Staff changed her each time and Mum hit her.", "hit"),
    ("Dad shouted at Mum in the playground and I recorded it.", "shouted"),
])
def test_an_act_not_pointing_back_or_joined_to_no_habit_is_still_asked_for(review_text, text, verb):
    assert ("date.undated_event", verb) in date_warnings(review_text(text, report_date=REPORT_DATE))

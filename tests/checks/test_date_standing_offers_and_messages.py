"""The date check on two things told that stand now rather than happened: an undertaking in the present perfect with
what is undertaken ("I have offered to drive her to the clinic", "Dad has agreed to stay at his brother's"), an
offer still standing as part of the plan; and a request to pass on a view to a meeting ("Maya asked me to tell the
review meeting that she wants to stay with Nan"), the speaker's message, their voice. A past offer that was then
taken up or refused, and a past event passed on to a meeting, are still asked for their date.

Sentences written fresh for this pattern (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import date_warnings, undated_events

REPORT_DATE = "2025-03-20"


@pytest.mark.parametrize("text", [
    "Plan\n- Mum to register with a dentist by 30/04/25. I have offered to drive her to the first check-up.",
    "Mum has offered to move out while Dad completes the programme.",
    "We have offered to pay for Kai's bus pass until the summer.",
    "- Maya asked me to tell the review meeting that she wants to stay with Nan.",
    "Jay asked me to tell the conference that he is sorry and wants to come home.",
])
def test_a_standing_offer_or_a_message_for_the_meeting_asks_no_date(review_text, text):
    assert undated_events(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, verb", [
    ("I offered to take Mum to the GP and she refused.", "offered"),
    ("- Maya asked me to tell the review meeting that Dad hit her.", "asked"),
])
def test_a_past_offer_or_a_disclosure_passed_on_is_still_asked_for_its_date(review_text, text, verb):
    assert ("date.undated_event", verb) in date_warnings(review_text(text, report_date=REPORT_DATE))

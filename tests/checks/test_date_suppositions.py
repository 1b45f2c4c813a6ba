"""The date check on a case supposed for a view held now ("If Dad started drinking again, the danger to the baby is
serious", "Unless Jordan kept his appointments, the order is likely to be breached"): an "if" or "unless" clause
of a present statement tells what might happen, not an event, so it asks no date. An "if" of asking ("I asked her
if Dad had hit her") or a past event that the condition only frames ("If Dad hit Mum, the children saw it") still
does.

Sentences written fresh for this pattern (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import date_warnings, undated_events

REPORT_DATE = "2025-03-20"


@pytest.mark.parametrize("text", [
    "If Dad started drinking again, the danger to the baby is serious because he cares for her alone.",
    "Unless Jordan kept his appointments, the order is likely to be breached.",
    "If Mum went back to Lee, the concerns about domestic abuse are the same as they were last year.",
    "If Kayden was excluded again, his placement at Oakfield is at risk.",
    "If the police were called to the flat again, the housing association says the tenancy ends.",
])
def test_a_case_supposed_for_a_present_view_asks_no_date(review_text, text):
    assert undated_events(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, verb", [
    ("I asked Kayla if Dad had hit her and she nodded.", "hit"),
    ("If Dad hit Mum, the children saw it.", "hit"),
])
def test_an_if_of_asking_or_a_framed_past_event_is_still_asked_for_its_date(review_text, text, verb):
    assert ("date.undated_event", verb) in date_warnings(review_text(text, report_date=REPORT_DATE))

"""The date check on a present perfect whose occasions are the whole of a counted set ("has been to all eight group
sessions so far", "has kept all four of her contacts"): however the parser hangs "all" (on the noun or on the
number), it sums up the period, not one occasion. A count without "all" ("has been to ten sessions and two of them
ended in an argument") or a visit ("has been to the school gate after drinking") is still asked for its date.

Sentences written fresh for this pattern (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import date_warnings, undated_events

REPORT_DATE = "2025-03-20"


@pytest.mark.parametrize("text", [
    "- Dad has been to all eight Freedom sessions so far.",
    "Kyle has been to all six of his mentoring sessions so far this term.",
    "- Mum has been to all twelve parenting group sessions since October.",
])
def test_the_whole_of_a_counted_set_is_a_summary(review_text, text):
    assert undated_events(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text", [
    "Mum has been to ten sessions and two of them ended in an argument.",
    "Dad has been to the school gate after drinking and shouted at staff.",
])
def test_a_count_without_all_or_a_visit_is_still_asked_for_its_date(review_text, text):
    assert ("date.undated_event", "been") in date_warnings(review_text(text, report_date=REPORT_DATE))

"""The date check on a later mention of an incident already asked for its date: a sentence placed only by a
definite mention of that event ("after the match", "following the burn") goes on with it and is not flagged again
as a new undated event; one placed by an event not told before ("after the meeting", "after a party") still is.

Sentences written fresh for this pattern (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import date_warnings

REPORT_DATE = "2025-03-20"


@pytest.mark.parametrize("text, first", [
    ("A few weeks ago Liam's dad pushed the referee at the cup match in Stockport.\n\nThe coach spoke to Dad after "
     "the match and he said he had lost his temper.", "A few weeks ago"),
    ("Recently Mum left the children alone in the flat during a party.\n\nI spoke to Mum about it after the party.",
     "Recently"),
    ("Some time in the autumn Kayla came to nursery with a burn on her hand.\n\nHer key person rang the health "
     "visitor following the burn.", "the autumn"),
])
def test_a_recap_of_an_incident_already_asked_for_is_not_flagged_again(review_text, text, first):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.imprecise", first)]


@pytest.mark.parametrize("text", [
    "A few weeks ago Dad came to the school gate drunk.\n\nAfter the meeting, Dad hit Mum in the car park.",
    "A few weeks ago Dad came to the school gate drunk.\n\nAfter a party, Dad hit Mum in the car park.",
])
def test_an_event_placed_by_one_not_told_before_is_still_flagged(review_text, text):
    assert ("date.undated_event", "hit") in date_warnings(review_text(text, report_date=REPORT_DATE))


@pytest.mark.parametrize("text", [
    "Dad has shouted at the twins in the street several times. Their neighbour told me about this.",
    "Mum has missed Ava's hospital appointments. The ward sister reported it to me.",
])
def test_a_telling_of_what_was_just_told_is_the_same_passage(review_text, text):
    """"told me about this": the source of the events just told, not a new piece of evidence."""
    assert [r for r, _ in date_warnings(review_text(text, report_date=REPORT_DATE))].count("date.undated_event") == 1


def test_a_telling_with_content_of_its_own_is_still_a_new_piece_of_evidence(review_text):
    text = "Mum has missed Ava's hospital appointments. The ward sister said that Ava had lost weight."
    assert [r for r, _ in date_warnings(review_text(text, report_date=REPORT_DATE))].count("date.undated_event") == 2

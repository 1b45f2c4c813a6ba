"""The date check on the present perfect: one occasion or a counted few ask for a date; a summary of the period or a
state does not.

The sentences were written by the developer who wrote the rules (not independent), in the shape of each pattern,
with verbs and subjects other than those of the development reports. Report date 2024-05-14.
"""

import pytest
from check_findings import date_warnings

REPORT_DATE = "2024-05-14"


@pytest.mark.parametrize("text", [
    "The bailiffs have been round to the house.",
    "Dad has been in the classroom without permission.",
    "Grandad has been at the nursery gate asking for Tia.",
    "Mr Patel has been to the house twice.",
])
def test_a_present_perfect_be_at_a_place_is_a_visit(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", "been")]


@pytest.mark.parametrize("text", [
    "Eli has been in foster care.",
    "Dad has been in custody since March.",
    "Ms Tran has been in the UK for ten years.",
    "She has been in tears at drop-off.",
    "He has been in school all week.",
    "Mum has been at work.",
    "Tom has been to every appointment.",
    "Mum has been in touch.",
])
def test_a_present_perfect_be_of_a_state_or_a_stay_asks_no_date(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, match", [
    ("Noah has said his uncle keeps a knife under his bed.", "said"),
    ("The childminder has told me Ellie's father shook her.", "told"),
    ("On 07/05/2024 I visited the home. Ruby has told her teacher that her stepdad locked her in her room.", "told"),
])
def test_a_disclosure_in_the_present_perfect_is_an_event_not_dated_by_another_sentence(review_text, text, match):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", match)]


@pytest.mark.parametrize("text", [
    "Jess has said she likes her new school.",
    "Ellie has told me she misses her dad.",
    "Home visit 07/05/2024\n\nRuby has told me her stepdad locked her in her room.",
])
def test_what_someone_has_said_of_themselves_or_under_a_dated_heading_passes(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, match", [
    ("Mr Osei has cancelled three home visits. He did not answer the door on 02/05/2024.", "cancelled"),
    ("Leah has rung the duty line twice. The second call was on 09/05/2024 at 17:10.", "rung"),
    ("Her brother has visited twice. He came on 04/05/2024 with a friend.", "visited"),
])
def test_a_count_of_occasions_is_not_dated_by_the_one_a_later_sentence_dates(review_text, text, match):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", match)]


def test_an_earlier_date_starts_the_period_a_count_covers(review_text):
    text = "I met Ava on 02/05/2024 after her teacher referred her. I have seen her four times."
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text", [
    "Kayla has attended nursery well this half term.",
    "She has engaged positively with the programme.",
    "Mr Reid has kept all his probation appointments.",
    "Amira has come to each of her reviews.",
    "I have seen Leo on both visits.",
    "Of the ten sessions offered, Mr Ali has attended 8.",
    "I visited on 03/05/2024. Mr Hale has completed 4 of 12 sessions.",
    "Mr Yusuf has found it easier to talk since he moved out.",
    "Nana has brought the twins to clinic on time since the review.",
    "Kayden has made steady progress with his reading.",
    "The family has been known to the team since 2019.",
    "Ms Khan has always been warm with the baby.",
    "Mum has lived at the address for six years.",
])
def test_a_present_perfect_that_sums_up_the_period_asks_no_date(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


def test_each_undated_present_perfect_starts_its_own_passage(review_text):
    text = "Mum has phoned the health visitor. Paramedics have been round to the flat."
    assert [m for _, m in date_warnings(review_text(text, report_date=REPORT_DATE))] == ["phoned", "been"]


def test_a_wrapped_first_line_under_a_heading_is_no_heading(review_text):
    text = ("Other worries\nThe landlord has complained to the council about rubbish outside\n"
            "the back door of the flat.\n")
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", "complained")]


@pytest.mark.parametrize("text, match", [
    ("Her stepdad has smashed the television.", "smashed"),
    ("Kofi has had a seizure in the bath.", "had"),
    ("The toddler has had a fall down the stairs.", "had"),
    ("Mr Doyle has breached his restraining order.", "breached"),
    ("The landlord has evicted the family.", "evicted"),
])
def test_damage_a_breach_and_a_medical_episode_are_events(review_text, text, match):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", match)]


@pytest.mark.parametrize("text, match", [
    ("Her sleep has worsened this year and she has been found wandering the street at night.", "found"),
    ("Sam's mood has dipped this month and he has run away twice.", "run"),
])
def test_a_date_that_bounds_a_change_does_not_date_an_event_in_another_clause(review_text, text, match):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", match)]


@pytest.mark.parametrize("text", [
    "Sam's mood has dipped this month and he ran away on 03/05/2024.",
    "I have seen Jo twice at home and once walked with her to the park on 03/05/2024.",
])
def test_a_date_of_the_events_own_clause_still_dates_it(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []

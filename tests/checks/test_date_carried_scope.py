"""The date check on how far a carried date reaches: a list entry's dates are its own, a clock time takes its day
from the relative words beside it, a paragraph in the present perfect is not dated by another paragraph's date, and
what was left unsaid or written down goes on with the episode.

The sentences were written by the developer who wrote the rules (not independent of them), in the shape of each
pattern, with other words than the development reports. Report date 2024-05-14.
"""

import pytest
from check_findings import date_warnings

REPORT_DATE = "2024-05-14"


def test_a_clock_time_with_a_relative_day_is_still_relative(review_text):
    text = "Last Friday Dad came to the flat at 4pm and kicked the door."
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.relative", "Last Friday")]


def test_a_list_entry_opening_with_its_date_does_not_date_the_next_entry(review_text):
    text = ("What Ella has told me\n\n"
            "- Last Friday Dad came to the flat at 4pm and kicked the door.\n"
            "- He broke the kitchen window with a chair.\n")
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [
        ("date.relative", "Last Friday"), ("date.undated_event", "broke")]


def test_a_list_entry_with_a_clock_time_alone_is_undated(review_text):
    text = ("What Ella has told me\n\n"
            "- 3 May 2024: Dad came to the flat at 4pm and kicked the door.\n"
            "- At around 10pm he was shouting in the stairwell and the neighbours woke up.\n")
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", "woke")]


@pytest.mark.parametrize("sentence, verb", [
    ("Tyler has been excluded from school.", "excluded"),
    ("Nan has cancelled two contact sessions.", "cancelled"),
])
def test_a_present_perfect_paragraph_is_not_dated_by_another_paragraph(review_text, sentence, verb):
    text = f"On 2 May 2024 I visited the home and spoke with Nan in the kitchen.\n\n{sentence}\n"
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", verb)]


def test_a_past_paragraph_is_still_dated_by_the_day_before_it(review_text):
    text = "On 2 May 2024 I visited the home and spoke with Nan in the kitchen.\n\nTyler showed me his bedroom.\n"
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


def test_what_was_left_unsaid_goes_on_with_the_episode(review_text):
    text = "Dad pushed Ella down the stairs. She did not tell anyone because she was frightened."
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", "pushed")]


@pytest.mark.parametrize("text", [
    "I have recorded what Ella said.",
    "Staff recorded what they saw on a body map.",
])
def test_writing_down_what_was_seen_or_said_asks_no_date(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


def test_a_weekday_in_an_entry_opened_by_its_day_is_counted_from_that_day(review_text):
    text = ("Thursday 2 May 2024: School visit. Ella had a graze on her chin. She said she fell off her scooter on "
            "Tuesday evening.\n")
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


def test_a_weekday_with_no_entry_day_is_still_relative(review_text):
    text = "Ella had a graze on her chin. She said she fell off her scooter on Tuesday evening."
    assert [rule for rule, _ in date_warnings(review_text(text, report_date=REPORT_DATE))] == ["date.relative"]


@pytest.mark.parametrize("part", ["the morning before", "the afternoon before", "the weekend before"])
def test_a_part_of_the_day_before_is_a_back_reference_not_a_vague_time(review_text, part):
    text = f"Wednesday 1 May 2024, 9am: Ella arrived with a graze. Nan said Ella had tripped on the stairs {part}.\n"
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, verb", [
    ("Nan says Tyler kicked the dog.", "kicked"),
    ("Ella says she is fed up and has run off from school.", "run"),
])
def test_an_event_someone_says_happened_asks_for_its_date(review_text, text, verb):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", verb)]


@pytest.mark.parametrize("text", [
    "Nan says Tyler usually kicks off at bedtime.",
    "On 3 May 2024 Nan said Tyler kicked the dog.",
    'Nan says Tyler told her "I kicked the dog".',
])
def test_a_habit_a_dated_telling_or_a_quote_asks_no_date(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("before", ["A few weeks ago the dentist saw Tyler.", "Last week the dentist saw Tyler."])
def test_a_count_of_occasions_is_not_dated_by_a_vague_or_relative_time_before_it(review_text, before):
    text = f"{before} He has missed his eye test three times."
    assert ("date.undated_event", "missed") in date_warnings(review_text(text, report_date=REPORT_DATE))


def test_a_count_of_occasions_after_a_dated_start_is_the_period_counted(review_text):
    text = "Tyler was referred to the dentist on 2 April 2024. He has missed his eye test three times."
    assert ("date.undated_event", "missed") not in date_warnings(review_text(text, report_date=REPORT_DATE))


def test_a_clock_time_is_not_given_a_day_by_a_vague_time_carried_to_it(review_text):
    text = ("Other worries\n\nTyler was seen by the school nurse recently about his teeth.\n\n"
            "Grandad rang the surgery at 9.15am and cancelled, but Tyler was seen in town later that morning.\n")
    assert ("date.undated_event", "rang") in date_warnings(review_text(text, report_date=REPORT_DATE))


def test_a_clock_time_with_a_carried_day_is_still_dated(review_text):
    text = "On 3 May 2024 I visited the flat. Grandad rang the surgery at 9.15am and cancelled."
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []

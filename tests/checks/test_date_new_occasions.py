"""The date check on sentences that bring in one more event after a dated one: an event said to have been ("There
was an argument ...", "There was also an occasion when ...") and a telling of another past event marked as an
addition ("She also told me that ...") are not dated by the sentence before them in running text; a log line's,
a table row's or a heading's date still dates all it holds, and "also" on more of the same visit changes nothing.

Sentences written fresh for these patterns (not taken from any development report). Report date 2024-05-14.
"""

import pytest
from check_findings import date_warnings

REPORT_DATE = "2024-05-14"


@pytest.mark.parametrize("text, match", [
    ("On 4 March 2024 I met Mrs Khan at the school gate and we talked about attendance. She also told me that her "
     "partner had thrown a mug at her.", "told"),
    ("The health visitor weighed Amir at clinic on 2 April 2024. A neighbour separately reported that she had heard "
     "him crying for hours.", "reported"),
    ("Staff spoke to Mr Price on 9 May 2024 about collection times. There was an argument in the car park between him "
     "and another parent.", "was"),
    ("Ruby's key worker met her on 6 May 2024 for a planned session. There was also an occasion when Ruby arrived at "
     "nursery with a graze on her cheek.", "was"),
    ("Grandad phoned the duty team on 30 April 2024. He also said that Kyle had gone missing overnight.", "said"),
])
def test_another_event_brought_in_is_not_dated_by_the_sentence_before(review_text, text, match):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", match)]


@pytest.mark.parametrize("text", [
    "06/05/2024 - Home visit. Mum also told me that she had argued with Dad that morning.\n",
    "Home visit 6 May 2024\n\nMum also said that Dad had left the house before I arrived.\n",
    "On 6 May 2024 I visited the home. I also saw the baby's room, which was clean and tidy.",
    "On 6 May 2024 Mum told me she was tired. She also told me she feels low most days.",
    "Date | Event\n06/05/2024 | Visit to the flat. Mum also said Dad had moved out.\n",
    "There was a strategy meeting on 3 May 2024 and the police attended.",
])
def test_a_dated_entry_heading_or_more_of_the_same_visit_stays_dated(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, first", [
    ("A few weeks ago Dad took Mia out of school at lunchtime without telling anyone. The school heard about "
     "it afterwards from the childminder.", ("date.imprecise", "A few weeks ago")),
    ("Last month the police were called to a fight outside the flat. Mum was told about it later by a neighbour.",
     ("date.relative", "Last month")),
    ("Recently Jack was seen getting into a car with an older man. This was subsequently confirmed on the CCTV.",
     ("date.imprecise", "Recently")),
])
def test_a_sequel_to_a_vaguely_dated_event_is_not_flagged_again(review_text, text, first):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [first]


def test_a_sequel_to_a_dated_event_still_asks_how_much_later(review_text):
    text = "On 3 May 2024 Jack missed his dental appointment. Mum later told me the bus had not come."
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.imprecise", "later")]


MONTH_LOG = ("CONTACT LOG\n\n"
             "January 2024 - Attendance 88%. Dad missed the review meeting.\n"
             "February 2024 - Attendance 71%.\n"
             "March 2024 - Attendance 64%. Police visit, no reply, note left.\n")


def test_a_month_log_asks_the_day_of_its_events_not_of_its_figures(review_text):
    found = date_warnings(review_text(MONTH_LOG, report_date=REPORT_DATE))
    assert found == [("date.undated_event", "missed"), ("date.undated_event", "visit")]


def test_a_month_entry_telling_an_event_in_its_own_words_is_still_imprecise(review_text):
    text = "Chronology\n\n- April 2024 - Dad arrested at the flat after a fight.\n"
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.imprecise", "April 2024")]


@pytest.mark.parametrize("line", [
    "- Home visit, nobody in, calling card left.",
    "- Strategy meeting, police and school present.",
])
def test_a_log_line_naming_an_event_and_its_outcome_after_a_comma_is_an_event(review_text, line):
    assert [rule for rule, _ in date_warnings(review_text(f"Log\n\n{line}\n", report_date=REPORT_DATE))] == [
        "date.undated_event"]


@pytest.mark.parametrize("line", [
    "- Right shin: two bruises, each about 2 cm, yellow-green.",
    "- Two round bruises, each about 1 cm, on the upper arm.",
])
def test_an_injury_described_in_a_list_is_not_a_log_line(review_text, line):
    text = f"I examined Leo on the ward.\n\n{line}\n"
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", "examined")]


@pytest.mark.parametrize("text", [
    "Kayla told me she is frightened of the dark and sleeps with the landing light on.",
    "Oliver said he likes his new teacher and wants to stay in her class.",
    "- Amira told the school nurse she walks to school with her cousin most days.",
    "Mr Okafor explained that he works nights and sees the children at weekends.",
])
def test_a_telling_of_how_the_speaker_is_now_is_no_incident(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, match", [
    ("Kayla told me her stepdad hits her mum when he has been drinking.", "told"),
    ("Oliver said he had been kept off school to look after his sister.", "said"),
    ("Amira told the school nurse that Dad is living at the house again.", "told"),
])
def test_a_disclosure_of_another_person_or_a_past_event_still_asks_its_date(review_text, text, match):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", match)]


@pytest.mark.parametrize("text", [
    "Dad has missed four of the last six contact sessions offered to him.",
    "Mum has kept three of her previous five appointments with the midwife.",
])
def test_a_tally_out_of_the_last_few_asks_no_date(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, verb", [
    ("Jayden has been excluded once, with his cousin.", "excluded"),
    ("Ms Byrne has only attended the clinic once.", "attended"),
])
def test_once_after_a_present_perfect_counts_and_does_not_date_vaguely(review_text, text, verb):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.undated_event", verb)]


def test_once_counting_up_to_a_dated_summary_is_dated_by_it(review_text):
    text = "Kai has been reported missing 4 times since 01/03/2024. His sister has been reported missing once."
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


def test_once_before_its_verb_still_places_an_event_only_vaguely(review_text):
    text = "Mr Byrne once locked Jayden in the garden shed overnight."
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == [("date.imprecise", "once")]


@pytest.mark.parametrize("text", [
    "I saw the family on 7 May 2024. At one handover Dad pushed Mum against the car door.",
    "Staff have known Leah since 2022. On one of the school trips she hid in the coach toilet for an hour.",
    "Grandma visited on 2 May 2024. During one of her visits she slapped Toby across the face.",
    "Callum joined the club on 1 April 2024. After one match his dad dragged him to the car by his collar.",
])
def test_one_occasion_picked_out_of_a_series_asks_its_date(review_text, text):
    assert [rule for rule, _ in date_warnings(review_text(text, report_date=REPORT_DATE))] == ["date.undated_event"]


@pytest.mark.parametrize("text", [
    "On 7 May 2024 I met one of the teachers at the school.",
    "Leah is in one of the Year 5 classes and walks home with her brother.",
    "She goes on one trip a term with the youth club.",
])
def test_one_of_several_people_places_or_a_routine_is_no_occasion(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, match", [
    ("A couple of weeks ago Ellie was very withdrawn in her maths lesson.", "A couple of weeks ago"),
    ("Yesterday Rhys was shaking and pale when his mum dropped him off.", "Yesterday"),
    ("The other day Mum was slurring her words at the school gate.", "The other day"),
])
def test_a_state_seen_at_a_past_point_asks_its_date(review_text, text, match):
    assert [m for _, m in date_warnings(review_text(text, report_date=REPORT_DATE))] == [match]


@pytest.mark.parametrize("text", [
    "Ellie has been withdrawn since last month.",
    "Rhys was calmer than last week when I saw him on 13 May 2024.",
    "Mum was a lot more settled on 10 May 2024 than she had been the week before.",
    "Kofi was on a child in need plan last year.",
    "Her sleep is worse than it was a few weeks ago.",
])
def test_a_period_bound_or_a_dated_state_is_not_asked(review_text, text):
    assert [r for r, _ in date_warnings(review_text(text, report_date=REPORT_DATE)) if r != "date.vague_change"] == []


def test_a_past_event_in_the_time_of_a_past_progressive_is_dated_only_by_its_holiday(review_text):
    text = "A dinner lady saw a burn on Isla's wrist when she was washing her hands at Easter."
    assert [rule for rule, _ in date_warnings(review_text(text, report_date=REPORT_DATE))] == ["date.imprecise"]


def test_a_routine_in_the_past_progressive_is_not_one_episode(review_text):
    text = "Money was tight, which is why the twins were only coming on Mondays in the spring."
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


NUMBERED = ("Visit 1 - 2 May 2024\n\nMum answered the door and let me in.\n\n"
            "Visit 2 - 9 May 2024\n\nNobody answered.\n\n"
            "Other information\n\n")


@pytest.mark.parametrize("sentence", [
    "The neighbour I spoke to at the second visit said the children had been crying all night.",
    "At the first visit Dad left the flat as soon as I arrived.",
])
def test_an_occasion_named_by_its_ordinal_takes_its_numbered_headings_date(review_text, sentence):
    assert date_warnings(review_text(NUMBERED + sentence + "\n", report_date=REPORT_DATE)) == []


def test_an_ordinal_with_no_numbered_heading_is_still_undated(review_text):
    text = NUMBERED + "At the third visit Dad left the flat as soon as I arrived.\n"
    assert [rule for rule, _ in date_warnings(review_text(text, report_date=REPORT_DATE))] == ["date.undated_event"]


@pytest.mark.parametrize("text", [
    "Noah's little brother has come into the classroom at pick-ups.",
    "Dad has waited in the car on contact days.",
])
def test_a_present_perfect_on_a_bare_plural_of_occasions_sums_them_up(review_text, text):
    assert date_warnings(review_text(text, report_date=REPORT_DATE)) == []


def test_a_present_perfect_on_one_named_occasion_is_still_an_event(review_text):
    text = "Noah's uncle has come into the classroom at the Christmas party."
    assert [rule for rule, _ in date_warnings(review_text(text, report_date=REPORT_DATE))] != []

"""The date check: undated events, vaguely dated events, the chronology."""

import pytest

REPORT_DATE = "2024-03-20"


def date_rules(result):
    return [f["rule"] for f in result["findings"] if f["check"] == "date"]


@pytest.mark.parametrize("text", [
    "A bruise was noticed on Mia's arm.",
    "Mia said Dad had grabbed her.",
    "Police attended the home following a 999 call.",
    "Mum did not attend the appointment.",
    "A referral was made to the safeguarding hub.",
    "Letters have been sent home about attendance.",
    # a back-reference ("that night") dates nothing when no date came before it
    "Liam was seen outside the shop with older boys and did not return home that night.",
    # a habit in a reported clause does not make the main clause habitual
    "Dad shouted at the receptionist and said he always gets ignored.",
    # a present perfect summing up several events is not dated by the sentence before it
    "On 02/03/2024 the school nurse visited. Strategy meetings have been held and the plan has been shared with Dad.",
    "On 04/03/2024 Mum rang the office. Tom has had three hospital admissions for asthma.",
    # a year named later in the paragraph does not date the event before it
    "The club rang Mum about the missed session. Tom was excluded from primary school in 2017.",
])
def test_date_must_flag_undated_events(review_text, text):
    assert date_rules(review_text(text, report_date=REPORT_DATE)) == ["date.undated_event"]


@pytest.mark.parametrize("text", [
    "",
    "On 12/03/2024 a bruise was noticed on Mia's arm.",
    "At 10.15am Mia said Dad had grabbed her.",
    "Mia's older brother collects her from school each day.",
    "Mia is in Year 2 at St Anne's.",
    "Mia usually walks to school with her brother.",
    "Mum says she is doing her best.",
    "Mum will attend the next meeting.",
    "On 12/03/2024 I visited the home. Mia was in her room. She said she was hungry.",
    "Home visit 11/03/2024\n\nI saw Mia in the kitchen.\n\nShe told me she had not eaten.",
    "I have not seen Ethan or met his mother.",
    "Alfie came to nursery upset. This was on 11/03/2024 at 9.05am.",
    "On 12/03/2024 I visited Sam. Later that evening his mother rang me.",
    "On 12/03/2024 a core group was held. The plan was reviewed at the meeting.",
    "Noah goes to a drama club on Monday and Wednesday evenings.",
    "She has often been late over the past few weeks.",
    "He has been at the school for the past few years.",
])
def test_date_must_pass(review_text, text):
    assert date_rules(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, match", [
    ("Mia recently had a nosebleed in class.", "recently"),
    ("In early August Jordan started turning up with new trainers.", "early August"),
    ("Neighbours have called police about shouting in the past.", "the past"),
    ("Kai recently cut his arm and told staff that it usually happens at home.", "recently"),
    ("He used to enjoy football but over the winter he stopped going.", "the winter"),
    ("Her sleep has got worse over the past few weeks.", "the past few weeks"),
    ("In the last few weeks she has missed school.", "the last few weeks"),
    ("This is not the first time he has arrived late.", "not the first time"),
    ("The family were referred to the food bank in November.", "November"),
])
def test_date_must_flag_imprecise_anchors(review_text, text, match):
    result = review_text(text, report_date=REPORT_DATE)
    findings = [f for f in result["findings"] if f["rule"] == "date.imprecise"]
    assert [f["match"] for f in findings] == [match]
    assert findings[0]["severity"] == "info"


def test_an_undated_event_is_not_dated_by_a_year_in_an_earlier_paragraph(review_text):
    text = "Her sister was taken into care in 2018.\n\nWe have spoken to Mum about our concerns."
    assert date_rules(review_text(text, report_date=REPORT_DATE)) == ["date.undated_event"]


def test_a_specific_day_dates_the_paragraphs_after_it(review_text):
    text = "On 14/03/2024 Mum came to a meeting.\n\nShe told me she works early shifts."
    assert date_rules(review_text(text, report_date=REPORT_DATE)) == []


def test_chronology_lists_dated_events_in_date_order(review_text):
    text = ("On 14/03/2024 Mum came to a meeting. On 07/03/2024 Dad arrived drunk at 3.20pm. "
            "In June 2021 the school referred the family. Mia walks to school each day.")
    events = review_text(text, report_date=REPORT_DATE)["events"]
    assert [e["date"] for e in events] == ["2021-06", "2024-03-07T15:20", "2024-03-14"]
    assert [e["sentence"] for e in events] == [2, 1, 0]
    assert all(set(e) >= {"date", "sentence", "text", "start", "end"} for e in events)


def test_dates_in_json_follow_the_contract(review_text):
    result = review_text("On 12/03/2024 at 10am I visited Mia.", report_date=REPORT_DATE)
    assert [(d["text"], d["type"], d["value"]) for d in result["dates"]] == [
        ("12/03/2024", "DATE", "2024-03-12"), ("10am", "TIME", "2024-03-12T10:00")]
    for d in result["dates"]:
        assert result["text"][d["start"]:d["end"]] == d["text"]


def test_date_rule_can_be_switched_off(review_text, tmp_path):
    rules = tmp_path / "date.yaml"
    rules.write_text("check: date\nrules:\n  - id: date.undated_event\n    enabled: false\n")
    result = review_text("A bruise was noticed on Mia's arm.", report_date=REPORT_DATE, rules_path=str(rules))
    assert date_rules(result) == []


def test_weekdays_with_a_plural_part_of_day_are_a_set(review_text):
    result = review_text("Noah goes to a drama club on Monday and Wednesday evenings.", report_date=REPORT_DATE)
    assert [(d["type"], d["value"]) for d in result["dates"]] == [("SET", "XXXX-WXX-1TEV")]


def test_winter_before_the_report_is_the_last_winter(review_text):
    result = review_text("Over the winter he stopped going to football.", report_date=REPORT_DATE)
    assert [d["value"] for d in result["dates"]] == ["2023-WI"]


@pytest.mark.parametrize("text", [
    "The family were referred to the food bank in November 2023.",
    "On 12/11/2023 the family were referred to the food bank.",
    "We have recorded two bruises since November.",
    "Ollie arrived hungry on most days in November.",
    "Mia was born in November.",
])
def test_date_must_pass_imprecise(review_text, text):
    result = review_text(text, report_date=REPORT_DATE)
    assert [f["match"] for f in result["findings"] if f["rule"] == "date.imprecise"] == []

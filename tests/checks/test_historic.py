"""The historic check: historic items with no link to the present, and stale reports."""

import pytest

REPORT_DATE = "2024-03-20"


def historic(result):
    return [(f["rule"], f["match"]) for f in result["findings"] if f["check"] == "historic"]


def no_relevance(result):
    return [(f["rule"], f["match"]) for f in result["findings"] if f["rule"] == "historic.no_relevance"]


@pytest.mark.parametrize("text, match", [
    ("In 2016 Dad was cautioned for criminal damage.", "2016"),
    ("Mum was in care as a child and left school with no qualifications.", "as a child"),
    ("Maternal grandfather had a conviction for assault in 1998.", "1998"),
    ("Mum has a history of anxiety and was prescribed sertraline in 2017.", "2017"),
    ("Her brother was taken into care in 2019.", "2019"),
])
def test_historic_must_flag_unlinked_history(review_text, text, match):
    assert no_relevance(review_text(text, report_date=REPORT_DATE)) == [("historic.no_relevance", match)]


@pytest.mark.parametrize("text", [
    "",
    "In June 2021 the school referred the family after Dad collected Mia drunk. "
    "I include this because the collection on 07/03/2024 shows the same pattern.",
    "Mr Brooks was convicted of drink driving in 2016. I include it because alcohol is part of each incident this year.",
    "Mum was in care as a child and she still has no contact with her family.",
    "Mia joined the school in September 2021.",
    "On 12/03/2024 Mia said Dad had grabbed her.",
    "Mia was on a child in need plan last year.",
])
def test_historic_must_pass(review_text, text):
    assert no_relevance(review_text(text, report_date=REPORT_DATE)) == []


def test_section_heading_can_link_history_to_now(review_text):
    text = "Earlier involvement and why it matters now\n\nIn 2016 Dad was cautioned for assault."
    assert historic(review_text(text, report_date=REPORT_DATE)) == []


STALE_REPORT = ("On 20/02/2024 I carried out a home visit. Leo was asleep in his cot. Mum said he sleeps well. "
                "The kitchen was clean. Mum asked for help with nursery places.")


def test_stale_report_is_flagged_once_for_the_whole_document(review_text):
    result = review_text(STALE_REPORT, report_date="2024-06-18")
    stale = [f for f in result["findings"] if f["rule"] == "historic.stale"]
    assert len(stale) == 1
    assert (stale[0]["start"], stale[0]["end"], stale[0]["sentence"]) == (0, 0, None)
    assert "20/02/2024" in stale[0]["message"]


def test_a_single_line_is_never_stale(review_text):
    result = review_text("On 20/02/2024 a home visit was carried out.", report_date="2024-06-18")
    assert [f for f in result["findings"] if f["rule"] == "historic.stale"] == []


def test_recent_report_is_not_stale(review_text):
    result = review_text("On 18/03/2024 a home visit was carried out.", report_date=REPORT_DATE)
    assert historic(result) == []


def test_horizon_is_configurable(review_text, tmp_path):
    rules = tmp_path / "historic.yaml"
    rules.write_text("check: historic\nthresholds:\n  horizon_months: 120\n")
    text = "In 2016 Dad was cautioned for criminal damage. On 18/03/2024 Mia was seen."
    assert historic(review_text(text, report_date=REPORT_DATE, rules_path=str(rules))) == []


def test_a_past_concern_under_a_history_heading_is_historic(review_text):
    text = "Family history\n\nHer uncle has had his children removed by the court."
    assert no_relevance(review_text(text, report_date=REPORT_DATE)) == [
        ("historic.no_relevance", "Her uncle has had his children removed by the court")]


@pytest.mark.parametrize("text", [
    "Background\n\nDad has served a prison sentence for assault and he still drinks heavily.",
    "Background\n\nAva lives with her mum and has a good relationship with her teachers.",
    "Current concerns\n\nHer uncle has had his children removed by the court.",
    "Background\n\nThe school raised a concern about Ava's attendance on 12/03/2024.",
])
def test_history_heading_must_pass(review_text, text):
    assert no_relevance(review_text(text, report_date=REPORT_DATE)) == []

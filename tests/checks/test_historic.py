"""The historic check: historic items with no link to the present, and stale reports."""

import pytest
from case_tables import cases

REPORT_DATE = "2024-03-20"


def historic(result):
    return [(f["rule"], f["match"]) for f in result["findings"] if f["check"] == "historic"]


def no_relevance(result):
    return [(f["rule"], f["match"]) for f in result["findings"] if f["rule"] == "historic.no_relevance"]


@pytest.mark.parametrize("case", cases("historic", "must_flag", rule="historic.no_relevance"))
def test_historic_must_flag_unlinked_history(review_text, case):
    assert no_relevance(review_text(case.text, **case.options)) == [(case.rule, case.match)]


@pytest.mark.parametrize("case", cases("historic", "must_pass"))
def test_historic_must_pass(review_text, case):
    result = review_text(case.text, **case.options)
    assert case.unwanted(f["rule"] for f in result["findings"]) == []


STALE_REPORT = ("On 20/02/2024 I carried out a home visit. Leo was asleep in his cot. Mum said he sleeps well. "
                "The kitchen was clean. Mum asked for help with nursery places.")


def test_stale_report_is_flagged_once_for_the_whole_document(review_text):
    result = review_text(STALE_REPORT, report_date="2024-06-18")
    stale = [f for f in result["findings"] if f["rule"] == "historic.stale"]
    assert len(stale) == 1
    assert (stale[0]["start"], stale[0]["end"], stale[0]["sentence"]) == (0, 0, None)
    assert "20/02/2024" in stale[0]["message"]


def test_horizon_is_configurable(review_text, tmp_path):
    rules = tmp_path / "historic.yaml"
    rules.write_text("check: historic\nthresholds:\n  horizon_months: 120\n")
    text = "In 2016 Dad was cautioned for criminal damage. On 18/03/2024 Mia was seen."
    assert historic(review_text(text, report_date=REPORT_DATE, rules_path=str(rules))) == []

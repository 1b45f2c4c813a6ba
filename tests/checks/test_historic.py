"""The historic check: historic items with no link to the present, and stale reports."""

from pathlib import Path

import pytest
import yaml
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


def test_no_report_date_is_said_once_and_nothing_is_historic_by_date_alone(review_text):
    text = ("Dad was cautioned for assault in 2016. Mum was in care as a child. On 12/03/2024 I visited the home. "
            "Leo was asleep in his cot. Mum asked for help with nursery places.")
    found = historic(review_text(text, report_date=None))
    assert found == [("historic.report_date_unknown", ""), ("historic.no_relevance", "as a child")]


def test_a_given_report_date_is_not_said_to_be_unknown(review_text):
    rules = [rule for rule, _ in historic(review_text("Dad was cautioned for assault in 2016."))]
    assert "historic.report_date_unknown" not in rules


INDEPENDENT = Path(__file__).parents[1] / "data" / "independent" / "historic_patterns.yaml"
INDEPENDENT_GAPS = {
    "Dad was bullied at secondary school": "a parent's schooling told with no date or age is not read as the past",
    "Nan was a foster carer for Wyndham": "a past role told only by its length ('for over ten years') is not read as past",
}


def sentence_cases(path, kind, gaps):
    """The sentences of `kind` in a case file (a report date and must_flag / must_pass lists), those
    starting as a key of `gaps` strict xfails with its reason."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    params = []
    for case in data[kind]:
        gap = next((why for start, why in gaps.items() if case["text"].startswith(start)), None)
        marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
        params.append(pytest.param(case["text"], data["report_date"], marks=marks, id=case["text"][:50]))
    return params


BACKGROUND = Path(__file__).parents[1] / "data" / "independent" / "historic_background.yaml"
WRITTEN_WAYS = Path(__file__).parents[1] / "data" / "historic_written_ways.yaml"
# The sentence files, each with its known gaps by kind: the helpers' history with and without its link
# (historic_patterns), worry-free background with an old date and old dates that name no past occasion
# (historic_background), and history told vaguely, by age or in a chronology (historic_written_ways).
SENTENCE_FILES = {INDEPENDENT: {"must_flag": INDEPENDENT_GAPS}, BACKGROUND: {}, WRITTEN_WAYS: {}}


def file_cases(kind):
    """The `kind` sentences of every file in SENTENCE_FILES."""
    return [case for path, gaps in SENTENCE_FILES.items() for case in sentence_cases(path, kind, gaps.get(kind, {}))]


@pytest.mark.parametrize(("text", "report_date"), file_cases("must_flag"))
def test_history_with_no_stated_link_is_flagged(review_text, text, report_date):
    assert no_relevance(review_text(text, report_date=report_date))


@pytest.mark.parametrize(("text", "report_date"), file_cases("must_pass"))
def test_linked_history_present_facts_and_dates_of_no_occasion_pass(review_text, text, report_date):
    assert no_relevance(review_text(text, report_date=report_date)) == []


def test_each_old_row_of_a_year_chronology_is_its_own_finding(review_text):
    text = ("Chronology\n\n2012 - Mum admitted to hospital after an overdose\n"
            "2016 - Police called to the address after an assault\nMay 2024 - Home visit, children seen")
    assert [match for _, match in no_relevance(review_text(text, report_date="2024-06-10"))] == ["2012", "2016"]


@pytest.mark.parametrize(("text", "report_date"), sentence_cases(WRITTEN_WAYS, "told_past_must_flag", {}))
def test_past_told_without_a_year_and_no_link_is_flagged(review_text, text, report_date):
    assert no_relevance(review_text(text, report_date=report_date))


@pytest.mark.parametrize(("text", "report_date"), sentence_cases(WRITTEN_WAYS, "told_past_must_pass", {}))
def test_present_cues_relevance_headings_and_present_tellings_stay_clean(review_text, text, report_date):
    assert no_relevance(review_text(text, report_date=report_date)) == []


@pytest.mark.parametrize("text, flagged", [
    ("Keira was referred to us by school on 09/03/2022 and comes to the Tuesday group.", False),
    ("Keira was referred to us by school on 09/03/2022.", True),
    ("Keira was referred to us by school on 09/03/2022 and came to the Tuesday group once.", True),
])
def test_a_routine_going_on_now_named_by_its_day_ties_the_item_to_now(review_text, text, flagged):
    assert bool(no_relevance(review_text(text, report_date=REPORT_DATE))) is flagged

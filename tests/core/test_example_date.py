"""The examples in suggestions ("for example 'On 20/03/2024 I saw ...'") use the report's own date."""

import datetime as dt

import pytest

import review
from review.core.findings import FALLBACK_EXAMPLE_DATE, example_date

TEXT = "Mum is a neglectful parent. A bruise was noticed. Mum has been upset recently."


@pytest.mark.parametrize("report_date, shown", [("2024-03-20", "20/03/2024"), ("2016-06-01", "01/06/2016")])
def test_every_example_date_is_the_report_date_day_first(nlp, report_date, shown):
    findings = review.analyse(TEXT, report_date=report_date)["findings"]
    with_example = [f for f in findings if "for example" in f["suggestion"]]
    assert {f["rule"] for f in with_example} >= {"opinion.judgement", "date.undated_event"}
    for finding in with_example:
        assert "{example_date}" not in finding["suggestion"]
        if "/" in finding["suggestion"]:
            assert shown in finding["suggestion"] and FALLBACK_EXAMPLE_DATE not in finding["suggestion"]


def test_a_doc_with_no_report_date_keeps_a_fixed_example(nlp):
    doc = nlp.make_doc("A bruise was noticed.")
    doc._.report_date = None
    assert example_date(doc) == FALLBACK_EXAMPLE_DATE
    doc._.report_date = dt.date(2024, 3, 20)
    assert example_date(doc) == "20/03/2024"

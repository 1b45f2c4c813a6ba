"""The date check on present-perfect report sentences written by a helper who saw only POLICY.md
(tests/data/independent/date_perfect_sentences.yaml): one undated occasion (must_flag) or no date needed
(must_pass). Held out while the present-perfect work of session 9 was done (21 -> 24 of 30 flagged,
29 of 30 clean before and after); cases still wrong are strict xfails with the reason."""

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "independent" / "date_perfect_sentences.yaml")
                       .read_text(encoding="utf-8"))
REPORT_DATE = "2024-05-14"

KNOWN_GAPS = {
    "There have been two incidents of Mia being collected from nursery by an adult who appeared intoxicated.":
        "not flagged: 'there have been' + a count of incidents (cause not diagnosed)",
    "The GP has prescribed antidepressants to Ms Hale after she described low mood and poor sleep.":
        "not flagged: a clinician's act ('has prescribed') with an 'after' clause (cause not diagnosed)",
    "Nursery staff have noticed a burn mark on Harvey's forearm that Mum could not explain.":
        "not flagged: a verb of perceiving in the present perfect ('have noticed') (cause not diagnosed)",
    "Police have served a domestic violence protection notice on Mr Lewis.":
        "not flagged: 'have served' a notice (cause not diagnosed)",
    "Mr Doyle has been in police custody overnight following an assault on his partner.":
        "not flagged: 'has been in police custody overnight' (cause not diagnosed)",
    "The neighbours have heard a child screaming from the upstairs flat late at night.":
        "not flagged: 'have heard' with 'late at night' (cause not diagnosed)",
    "Neither parent has ever been convicted of a violent offence.":
        "flagged: a negated subject ('neither parent ... ever') (cause not diagnosed)",
}


def date_warnings(review_text, text):
    result = review_text(text, report_date=REPORT_DATE)
    return [f["match"] for f in result["findings"] if f["check"] == "date" and f["severity"] in ("warning", "error")]


def marked(cases):
    return [pytest.param(c, id=c["text"][:60], marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[c["text"]])]
                         if c["text"] in KNOWN_GAPS else []) for c in cases]


@pytest.mark.parametrize("case", marked(CASES["must_flag"]))
def test_an_undated_occasion_in_the_present_perfect_is_asked_for_its_date(review_text, case):
    assert date_warnings(review_text, case["text"])


@pytest.mark.parametrize("case", marked(CASES["must_pass"]))
def test_a_present_perfect_that_needs_no_date_passes(review_text, case):
    assert date_warnings(review_text, case["text"]) == []

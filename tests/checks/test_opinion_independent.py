"""The opinion check on sentences written by someone who saw neither its rules nor any report
(tests/data/independent/opinion_patterns.yaml). Cases that fail today are strict xfails."""

from pathlib import Path

import pytest
import yaml

PATTERNS = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "independent" / "opinion_patterns.yaml")
                          .read_text(encoding="utf-8"))
REPORT_DATE = "2024-05-14"

# Why each case still fails (one line each); the test turns red when one starts to pass.
KNOWN_GAPS = {
    "Tyler is easily led.": "a passive participle ('led') as a characterisation is not read",
    "Mr Dean is a narcissist.": "a bare noun label not in the lexicon",
    "Neither parent is engaging.": "the sentence model rates it 0.7997, just under the 0.8 threshold, and no lexicon "
                                   "pattern reads a negated subject ('neither parent')",
}


def opinion_warnings(review_text, text):
    result = review_text(text, report_date=REPORT_DATE)
    return [f["match"] for f in result["findings"] if f["check"] == "opinion" and f["severity"] in ("warning", "error")]


def marked(cases):
    return [pytest.param(c, id=c["text"][:60], marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[c["text"]])]
                         if c["text"] in KNOWN_GAPS else []) for c in cases]


@pytest.mark.parametrize("case", marked(PATTERNS["must_flag"]))
def test_independent_must_flag(review_text, case):
    found = opinion_warnings(review_text, case["text"])
    assert len(found) >= case.get("labels", 1), found


@pytest.mark.parametrize("case", marked(PATTERNS["must_pass"]))
def test_independent_must_pass(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == []

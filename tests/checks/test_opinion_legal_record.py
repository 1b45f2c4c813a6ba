"""The opinion check on legal and police records against the writer's own labels
(tests/data/independent/legal_record_sentences.yaml, written by a helper who saw only POLICY.md): the
offence, order or category a legal process is about is the law's word ("convicted of controlling or
coercive behaviour"), the same word said of a person by the writer is a label ("Dad is controlling").
Cases that fail today are strict xfails with the reason."""

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "independent" / "legal_record_sentences.yaml")
                       .read_text(encoding="utf-8"))
REPORT_DATE = "2024-05-14"

# Why each case still fails (one line each); the test turns red when one starts to pass.
KNOWN_GAPS = {
    "In my view Ms Okafor is a very manipulative woman.": "an owned opinion ('In my view') with no reason is read as "
        "owned, not as a label, and raised as info while the sentence model rates it under the judgement threshold",
    "I would describe Mr Quinn as cruel towards the children.": "the same: 'I would describe' owns it, so 'cruel' is "
        "not looked for as a label",
    "Mum's new boyfriend is a violent individual.": "'violent' is not in the label lexicon and the sentence model rates "
        "the sentence under the judgement threshold",
    "Paternal grandmother is intimidating.": "'intimidating' is not in the label lexicon; the sentence model rates "
                                             "it under the threshold",
    "The mother is harassing the school.": "a progressive verb as a characterisation ('is harassing') is not read as "
                                           "a label",
}


def opinion_warnings(review_text, text):
    result = review_text(text, report_date=REPORT_DATE)
    return [f["match"] for f in result["findings"] if f["check"] == "opinion" and f["severity"] in ("warning", "error")]


def marked(cases):
    return [pytest.param(c, id=c["text"][:60], marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[c["text"]])]
                         if c["text"] in KNOWN_GAPS else []) for c in cases]


@pytest.mark.parametrize("case", marked(CASES["must_pass"]))
def test_a_legal_record_is_not_the_writers_label(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == []


@pytest.mark.parametrize("case", marked(CASES["must_flag"]))
def test_the_writers_own_label_is_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"]) != []

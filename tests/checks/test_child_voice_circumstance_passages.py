"""The child's quoted words with and without circumstances a reader could place, in passages written by a
helper who saw only POLICY.md (tests/data/independent/cv_circumstance_passages.yaml): words passed on by
someone else, vague occasions ("on one occasion"), and a second quote after one whose circumstances are
given. Each case is about its `target` quote. Cases that fail today are strict xfails with the reason."""

import pytest
from case_tables import independent, with_known_gaps

CASES = independent("cv_circumstance_passages.yaml")
REPORT_DATE = "2024-05-14"
RULES = ("child_voice.no_circumstances", "child_voice.second_hand")

LISTENER = ("a named listener counts as a circumstance (to whom), as the reports-dev gold defines it; this "
            "writer asks for the occasion as well")
PASSING_ON = ("how the words were passed on (to the team, to the conference chair) is taken for how they came to "
              "the report; this writer asks when the child said them")
# Why each case still fails (one line each); the test turns red when one starts to pass.
KNOWN_GAPS = {
    "There is never any food in the house.": PASSING_ON,
    "Mummy sleeps all day and I look after Finn.": PASSING_ON,
    "I would rather live with my dad.": PASSING_ON,
    "Mum hits me with the hairbrush.": LISTENER,
    "Nobody at home listens to me.": LISTENER,
    "Dad drinks the brown bottles and gets angry.": LISTENER,
    "Mummy cries all the time.": "'earlier this year' is read as a time the words were said, though it places them "
                                 "no closer than a year",
    "I sometimes think about hurting myself.": "'is reported to have said' with no one named is not read as "
                                               "second-hand, so the conversation before lends it its circumstances",
    "She locks me out when she has visitors.": LISTENER,
    "Dad keeps a knife under the bed.": "'According to the police officer' is not read as passing the words on, so the "
                          "conversation before lends them its circumstances",
}


def flagged(review_text, case) -> bool:
    result = review_text(case["text"], report_date=REPORT_DATE, children=[case["child"]])
    text = case["text"]
    return any(f["rule"] in RULES and f["end"] > f["start"] and case["target"].strip() in text[f["start"] - 1:f["end"] + 1]
               for f in result["findings"])


def marked(cases):
    return with_known_gaps(cases, KNOWN_GAPS, key="target", name=lambda c: f"{c['group']}: {c['target'][:40]}")


@pytest.mark.parametrize("case", marked(CASES["must_flag"]))
def test_words_with_no_circumstances_are_asked_for_them(review_text, case):
    assert flagged(review_text, case)


@pytest.mark.parametrize("case", marked(CASES["must_pass"]))
def test_words_with_their_circumstances_pass(review_text, case):
    assert not flagged(review_text, case)

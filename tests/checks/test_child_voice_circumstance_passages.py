"""The child's words with and without circumstances a reader could place, in passages written by helpers
who saw only POLICY.md (tests/data/independent): words passed on by someone else, vague occasions ("on one
occasion"), a second quote after one whose circumstances are given (cv_circumstance_passages.yaml), a quote
after a habit's words or after another event told at its own time (cv_conversation_continues.yaml), words
after a description of how things are now (cv_description_before_quote.yaml), a quote after such a
description set between it and one whose circumstances are given (cv_aside_between_quotes.yaml). Each case
is about its `target` words. Cases that fail today are strict xfails with the reason."""

import pytest
from case_tables import independent, with_known_gaps

REPORT_DATE = "2024-05-14"
RULES = ("child_voice.no_circumstances", "child_voice.second_hand", "child_voice.reported_no_circumstances")

LISTENER = ("a named listener counts as a circumstance (to whom), as the reports-dev gold defines it; this "
            "writer asks for the occasion as well")
PASSING_ON = ("how the words were passed on (to the team, to the conference chair) is taken for how they came to "
              "the report; this writer asks when the child said them")
# Why each case still fails (one line each); the test turns red when one starts to pass.
PASSAGE_GAPS = {
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

OTHER_EVENT = ("the sentence between, another event told at its own time ('Last month he was excluded'), lends the "
               "quote its date")
CONVERSATION_GAPS = {
    "I want Dad to go to prison.": OTHER_EVENT,
    "I have to check she's breathing before I go to bed.": OTHER_EVENT,
    "I'm scared to go home today.": OTHER_EVENT,
    "He said he'd do it again if I told.": OTHER_EVENT,
    "If I stop running for them they'll come to the house.": OTHER_EVENT,
    "Mum pressed it on me because I was being naughty.": OTHER_EVENT,
    "I don't want to see Mum's boyfriend ever again.": OTHER_EVENT,
    "Dad says I'm getting married in the summer holidays.": OTHER_EVENT,
    "Mummy cries every night.": OTHER_EVENT,
    "Dad kicks me when I'm slow getting ready.": OTHER_EVENT,
    "I get a tenner if I keep it in my bag.": OTHER_EVENT,
    "Nobody tells me anything about Mum.": OTHER_EVENT,
}


def flagged(review_text, case) -> bool:
    result = review_text(case["text"], report_date=REPORT_DATE, children=[case["child"]])
    text = case["text"]
    return any(f["rule"] in RULES and f["end"] > f["start"] and case["target"].strip() in text[f["start"] - 1:f["end"] + 1]
               for f in result["findings"])


ASIDE_GAPS = {
    "Daddy said don't tell Mummy.": "'Her parents separated last year' between lends the quote its date",
    "I sleep on the floor with Mummy.": "'Mum has recently moved to the area' between lends the quote its 'recently'",
    "I'm hungry at bedtime.": "the aside between lends the quote a circumstance (cause not diagnosed)",
    "He told me he's twelve but he sounds like a grown-up.": "the first quote, told to 'her teacher Mr Hall', is not "
                                                             "read as Sophie's, so the window runs back to its date",
    "I got the phone and called Nana.": "flagged although 'He also said' goes on with the conversation (cause not "
                                        "diagnosed)",
}

FILES = {"cv_circumstance_passages.yaml": PASSAGE_GAPS, "cv_conversation_continues.yaml": CONVERSATION_GAPS,
         "cv_description_before_quote.yaml": {}, "cv_aside_between_quotes.yaml": ASIDE_GAPS}


def marked(table: str) -> list:
    params = []
    for name, gaps in FILES.items():
        stem = name.removesuffix(".yaml")
        params += with_known_gaps(independent(name)[table], gaps, key="target",
                                  name=lambda c, stem=stem: f"{stem}: {c['group']}: {c['target'][:40]}")
    return params


@pytest.mark.parametrize("case", marked("must_flag"))
def test_words_with_no_circumstances_are_asked_for_them(review_text, case):
    assert flagged(review_text, case)


@pytest.mark.parametrize("case", marked("must_pass"))
def test_words_with_their_circumstances_pass(review_text, case):
    assert not flagged(review_text, case)

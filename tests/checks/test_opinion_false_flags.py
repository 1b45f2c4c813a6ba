"""The opinion check's false flags on whole reports (issues 14 and 15), one group per pattern fixed.

Every sentence here was written for this module, with other words, people and settings than the
development sentences the patterns were found in; each pattern has lookalikes that must still be flagged."""

import pytest

REPORT_DATE = "2024-05-14"


def opinion_warnings(review_text, text):
    result = review_text(text, report_date=REPORT_DATE)
    return [f["match"] for f in result["findings"] if f["check"] == "opinion" and f["severity"] in ("warning", "error")]


# What one identified person thinks, feels or believes is that person's view (GUIDE.md's "attributed").
BELIEF_OF_A_PERSON = [
    "Her grandmother thinks Kofi might be bullied on the bus.",
    "The class teacher believes the bruising may have come from a fall in PE.",
    "Mrs Okonjo does not believe his explanation.",
    "She thinks the flat might be too small for four children.",
]
# A group's or an unnamed many's belief, the writer's own, and the writer named in the third person are not a source.
BELIEF_OF_NO_SOURCE = [
    "Staff believe Kofi might be bullied on the bus.",
    "Professionals believe the boys may be carrying knives.",
    "I think Kofi might be bullied on the bus.",
    "The worker feels Grandad may be drinking again.",
]

# A label standing beside its noun in a verbless line, given with the figure it rests on.
MEASURED_IN_A_LINE = ["Punctuality: poor at 64% this half-term"]
UNMEASURED_IN_A_LINE = ["Punctuality: poor"]

# A label as a depictive of one past event: the state on that occasion, as the event's record gives it.
DEPICTIVE_OF_AN_EVENT = [
    "The ambulance crew brought Reza, badly intoxicated, to the ward.",
    "Police found Mr Jones, heavily intoxicated, in the park.",
    "Mr Haddad arrived at the custody suite drunk shortly after midnight.",
]
STATED_WITH_BE = [
    "Mr Jones was drunk when he picked Amir up.",
    "Mr Haddad is a drunk.",
    "Mr Jones, who is often intoxicated, lives alone.",
]

# The word the sentence model rests on is what an evidence verb concludes from the evidence its subject names.
INFERRED_FROM_NAMED_EVIDENCE = ["This is important as it shows his controlling behaviour towards women is continuing."]

# A modal in the question a verb of talking takes as its topic: what was talked through, not a guess.
TOPIC_OF_TALK = [
    "We talked through what might happen at the review meeting, and I gave Nana a leaflet.",
    "I explained to Mr Osei what may happen if the order is breached.",
    "We discussed how the twins might feel about moving schools.",
]
GUESS_IN_A_QUESTION = ["Nobody knows what might happen next."]

# A modal clause conceding a point against a statement with the same subject: the writer weighs the evidence.
CONCESSION = ["The text messages may be important but by themselves do not show who sent them."]
GUESS_BESIDE_A_FACT = [
    "Her uncle may be a support but little is known about him.",
    "Grandad may be drinking again but denies it.",
    "The scan might be useful.",
]

NOT_FLAGGED = (BELIEF_OF_A_PERSON + MEASURED_IN_A_LINE + DEPICTIVE_OF_AN_EVENT + INFERRED_FROM_NAMED_EVIDENCE
               + TOPIC_OF_TALK + CONCESSION)
STILL_FLAGGED = BELIEF_OF_NO_SOURCE + UNMEASURED_IN_A_LINE + STATED_WITH_BE + GUESS_IN_A_QUESTION + GUESS_BESIDE_A_FACT


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_not_flagged(review_text, text):
    assert opinion_warnings(review_text, text) == []


@pytest.mark.parametrize("text", STILL_FLAGGED)
def test_still_flagged(review_text, text):
    assert opinion_warnings(review_text, text) != []


def test_the_believer_keeps_their_words():
    """The subject of a verb of belief stays the writer's; the clause and the stance are the believer's."""
    from review import analyse_doc
    from review.checks.opinion import OpinionCheck
    from review.core.text import sentences

    doc = analyse_doc("Mrs Okonjo does not believe his explanation.", report_date=REPORT_DATE)
    sent = sentences(doc)[0]
    voice = OpinionCheck().voice(sent)
    assert [t.text for t in sent if not voice.is_writers(t)] == ["does", "not", "believe", "his", "explanation"]

"""child_voice communications: gestures, aids and pictures a child with little speech uses, and
ordinary actions (or other people's) that are not the child's communication."""

import pytest

MUST_FIND = [
    ("Zara (5), who is non-verbal, pushed the plate of food away when her stepdad sat beside her.", "Zara"),
    ("Zara kept shaking her head when the officer asked whether she wanted to go home.", "Zara"),
    ("Zara (2) turned her face away from her father at handover.", "Zara"),
    ("Zara, who is deaf, signed to me that she was frightened of the dog.", "Zara"),
    ("Zara has little speech and uses a talker. She chose the button for scared.", "Zara"),
    ("Zara picked the sad emoji from the chart when asked about school.", "Zara"),
    ("Zara moved the figure of her uncle to the far corner of the sand tray.", "Zara"),
    ("Zara took my hand and led me to the kitchen cupboard, which was empty.", "Zara"),
    ("Asked about Saturdays, Zara gave a thumbs up.", "Zara"),
]

MUST_NOT_FIND = [
    "Zara pushed her brother off the sofa.",
    "Zara turned the page and carried on reading.",
    "Zara shook the bottle before drinking.",
    "Zara was turned away from the youth club.",
    "Her mum pushed the pram away from the road.",
    "Zara showed clear signs of neglect and her figure was thin.",
    "Dad led Zara by the hand to the car.",
    "Zara is a well-known figure at the club.",
    "Her teacher shook her head when asked if Zara had been fed.",
]


@pytest.mark.parametrize("text, child", MUST_FIND)
def test_a_childs_gesture_or_aid_is_found(review_text, text, child):
    found = review_text(text, children=["Zara"])["communications"]
    assert [c["child"] for c in found] == [child]


@pytest.mark.parametrize("text", MUST_NOT_FIND)
def test_an_ordinary_action_or_an_adults_gesture_is_not(review_text, text):
    assert review_text(text, children=["Zara"])["communications"] == []

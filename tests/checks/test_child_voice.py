"""child_voice: the child's words, wishes and feelings, circumstances, and the too-young rule."""

import pytest

REPORT_START = (
    "Date of report: 20/03/2024\n"
    "Child: Mia Carter (aged 7)\n\n"
    "Mia lives with her mother and her brother. School has concerns about her attendance. "
    "Mia has been late on 19 of 118 mornings this term. Her reading has fallen behind.\n\n"
)
WITH_VOICE = REPORT_START + (
    "On 13/03/2024 at 1.30pm I met Mia in the school's quiet room with her teacher. "
    'When I asked what she would like to change, she said, "I want breakfast at home."\n'
)
NO_VOICE = REPORT_START + (
    "Mia said Dad had grabbed her but then she would not say any more about it. "
    "Mia seems like an unhappy little girl and she does not have many friends.\n"
)
BABY = (
    "Date of report: 14/11/2023\n"
    "Child: Leo Hart, DOB 02/03/2023\n\n"
    "Leo lives with his mother. His weight has fallen from the 50th to the 9th centile. "
    "He has not had his immunisations. On 02/11/2023 I found him in a cold, smoky room. "
    "When his mother held him he turned towards her and settled.\n"
)


def rules_of(result, check="child_voice"):
    return sorted(f["rule"] for f in result["findings"] if f["check"] == check)


@pytest.mark.parametrize(
    "text, children, expected",
    [
        (NO_VOICE, None, ["child_voice.no_quote", "child_voice.no_wishes"]),
        (BABY, None, ["child_voice.too_young"]),
        ('Mia said "I hate school".', ["Mia"], ["child_voice.no_circumstances"]),
        ("Kayla said she felt ‘scared all the time’.", ["Kayla"], ["child_voice.no_circumstances"]),
        # a new paragraph is a new account: its quote needs its own circumstances
        ('On 10/06/2025 at 11am, in the library, Mia told me, "I make my own breakfast."\n\n'
         'Mia said "I hate school".', ["Mia"], ["child_voice.no_circumstances"]),
        # ... and so is a quote said to someone else, named in its sentence
        ('On 10/06/2025 at 11am, in the library, Mia told me, "I make my own breakfast." '
         'She told her key person that she wants to "stay at school all day".', ["Mia"],
         ["child_voice.no_circumstances"]),
    ],
)
def test_child_voice_must_flag(review_text, text, children, expected):
    assert rules_of(review_text(text, children=children)) == expected


@pytest.mark.parametrize(
    "text, children",
    [
        ("", None),
        (WITH_VOICE, None),
        ('On 12/03/2024 at 10am I visited the home and Mia said "I want to stay with my aunt".', ["Mia"]),
        ("Without being asked, Mia told her teacher in class today, \"I like school.\"", ["Mia"]),
        ("The weather was cold.", None),  # one line: the document-level rules do not apply
        ('Dad said Mia had called him ‘a bully’.', ["Mia"]),  # a parent quoting the child
        ('He was described as "aggressive".', ["Mia"]),
        # one conversation in one paragraph: the circumstances given first hold for the quotes after
        ('On 10/06/2025 at 11am, in the library, Mia told me, "I make my own breakfast." When I asked how '
         'that felt, she said, "Sad." She said she would like "Mummy to get better".', ["Mia"]),
    ],
)
def test_child_voice_must_pass(review_text, text, children):
    assert rules_of(review_text(text, children=children)) == []


def test_contract_quote_is_the_childs(review_text):
    result = review_text('On 12/03/2024 at 10am I visited the home and Mia said "I want to stay with my aunt".',
                         children=["Mia"])
    [quote] = result["quotes"]
    assert quote["text"] == "I want to stay with my aunt"
    assert quote["speaker"] == "Mia" and quote["speaker_is_child"] is True
    assert result["text"][quote["start"]:quote["end"]] == quote["text"]


def test_children_are_detected_when_not_given(review_text):
    result = review_text(NO_VOICE)
    assert result["children"] == ["Mia"]


def test_unattributed_label_has_no_speaker(review_text):
    [quote] = review_text('The home has been described as "chaotic".')["quotes"]
    assert quote["speaker"] is None and quote["speaker_is_child"] is False


def test_too_young_replaces_no_quote(review_text):
    rules = rules_of(review_text(BABY))
    assert "child_voice.no_quote" not in rules and "child_voice.too_young" in rules

"""The terminal report's marks and colour (review.io.terminal), on reviewed documents."""

import re

import review
from review.io.terminal import render_text

ANSI = re.compile(r"\033\[[0-9;]*m")
TEXT = ("Background\n\nOn 11 March 2024 the mother was neglectful during the visit to the family home with the "
        "health visitor and the student social worker.\n")


def test_colour_marks_the_flagged_words_bold_and_underlined(nlp):
    document = review.analyse(TEXT, report_date="2024-03-20")
    coloured = render_text(document, colour=True, width=80)
    assert "\033[1;4mneglectful\033[0m" in coloured and "«" not in coloured
    plain = render_text(document, colour=False, width=80)
    assert "«neglectful»" in plain and not ANSI.search(plain)
    assert ANSI.sub("", coloured) == plain.replace("«", "").replace("»", "")  # colour changes only the marks


def test_marks_cut_by_a_line_end_are_closed_before_it_and_reopened_after_the_indent(nlp):
    document = review.analyse(TEXT, report_date="2024-03-20")
    for width in range(40, 80):
        for line in render_text(document, colour=True, width=width).splitlines():
            opened, closed = line.rfind("\033[1;4m"), line.rfind("\033[0m")
            assert opened < closed or opened == -1, (width, line)  # no mark runs past its line
            assert not re.match(r"\s*\033\[1;4m\s", line)  # the indent is never underlined


def test_the_width_is_respected_at_every_width(nlp):
    document = review.analyse(TEXT, report_date="2024-03-20")
    for width in (40, 57, 80, 133):
        lines = render_text(document, width=width).splitlines()
        assert max(len(line) for line in lines) <= width


def _shown_as_note(finding: dict, confidence: float) -> dict:
    return {**finding, "severity": "info", "rule_severity": "warning", "confidence": confidence}


def test_a_warning_shown_as_a_note_says_why_and_a_note_of_its_own_does_not(nlp):
    document = review.analyse(TEXT, report_date="2024-03-20")
    assert document["findings"] and all(f["rule_severity"] is None for f in document["findings"])
    assert "A note, not a warning" not in render_text(document)
    first = document["findings"][0]
    noted = {**document, "findings": [_shown_as_note(first, 0.31), *document["findings"][1:]]}
    shown = " ".join(render_text(noted, width=200).split())
    assert f"info {first['rule']}" in shown
    assert "A note, not a warning: practitioners marking reports like this accepted most sentences flagged like it " \
           "(confidence 0.31)." in shown


def test_warnings_and_notes_of_one_rule_in_a_passage_are_shown_apart(nlp):
    text = ("Concerns\n\nMum was seen shouting at the school gate. Dad was seen hitting the car. "
            "Nan was seen leaving the house.\n")
    document = review.analyse(text, report_date="2024-03-20")
    passives = [f for f in document["findings"] if f["rule"] == "length.passive"]
    assert len(passives) == 3 and all(f["severity"] == "warning" for f in passives)
    noted = {**document, "findings": [_shown_as_note(f, 0.2) if f is passives[0] else f for f in document["findings"]]}
    shown = render_text(noted, width=200)
    assert "warning  length.passive  ×2" in shown and "info  length.passive  (" in shown


def test_a_note_shown_as_a_warning_says_why(nlp):
    document = review.analyse(TEXT, report_date="2024-03-20")
    first = document["findings"][0]
    raised = {**document, "findings": [{**first, "severity": "warning", "rule_severity": "info", "confidence": 0.72},
                                       *document["findings"][1:]]}
    shown = " ".join(render_text(raised, width=200).split())
    assert "A warning, not a note: practitioners marking reports like this asked for most sentences like it to be " \
           "changed (confidence 0.72)." in shown

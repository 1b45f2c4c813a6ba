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

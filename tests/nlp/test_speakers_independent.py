"""Independently written material (tests/data/independent/README.md): who says a quote attributed only by
"he" or "she" when someone else is named first (speaker_pronoun_passages.yaml), and which children a report's
header names (header_children.yaml). Written by a helper who saw only POLICY.md; the cases the review still
gets wrong are strict xfails, so a fix shows as an XPASS."""

from pathlib import Path

import pytest
import yaml

import review

FOLDER = Path(__file__).resolve().parents[1] / "data" / "independent"
PASSAGES = yaml.safe_load((FOLDER / "speaker_pronoun_passages.yaml").read_text(encoding="utf-8"))
HEADERS = yaml.safe_load((FOLDER / "header_children.yaml").read_text(encoding="utf-8"))

# The speaker is taken to be another person named before the pronoun (measured 2026-12-04: 24 of 40 right).
WRONG_SPEAKER = {"sp01", "sp02", "sp04", "sp07", "sp08", "sp09", "sp12", "sp16", "sp19", "sp21", "sp22",  # the child's
                 "sp25", "sp30", "sp34", "sp36", "sp40"}  # an adult's words taken for the child's
# Header layouts not read (continuation lines, "Brothers"/"Half-sister" labels, a household table, a school or
# street taken for a name, a sibling living elsewhere kept; measured 2026-12-04: 11 of 24 exact).
WRONG_CHILDREN = {"hd01", "hd06", "hd07", "hd09", "hd10", "hd12", "hd16", "hd18", "hd19", "hd20", "hd21", "hd22", "hd24"}


def _cases(items, known_wrong, reason):
    return [pytest.param(item, id=item["id"], marks=pytest.mark.xfail(strict=True, reason=reason))
            if item["id"] in known_wrong else pytest.param(item, id=item["id"]) for item in items]


@pytest.mark.parametrize("passage", _cases(PASSAGES, WRONG_SPEAKER, "credited to another person named first"))
def test_a_pronoun_attributed_quote_is_credited_to_the_right_person(passage):
    document = review.analyse(passage["text"], report_date="2025-05-12", children=passage["children"])
    quotes = [q for q in document["quotes"] if q["kind"] != "scare_quote"]
    assert quotes, "the quote is not found"
    assert quotes[0]["speaker_is_child"] is passage["speaker_is_child"], (passage["speaker"], quotes[0]["speaker"])


@pytest.mark.parametrize("header", _cases(HEADERS, WRONG_CHILDREN, "the header's layout or labels not read"))
def test_the_children_are_read_from_the_header(header):
    text = header["text"] + "\n\nBackground\nThe family live locally.\n"
    assert review.analyse(text, report_date="2025-05-12")["children"] == header["children"], header["why"]

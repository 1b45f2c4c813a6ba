"""Independently written material (tests/data/independent/README.md): who says a quote attributed only by
"he" or "she" when someone else is named first (speaker_pronoun_passages*.yaml), and which children a report's
header names (header_children*.yaml). Written by helpers who saw only POLICY.md; the cases the review still gets
wrong are strict xfails, so a fix shows as an XPASS."""

from pathlib import Path

import pytest
import yaml

import review

FOLDER = Path(__file__).resolve().parents[1] / "data" / "independent"


def _load(name: str) -> list[dict]:
    return yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))


PASSAGES = _load("speaker_pronoun_passages.yaml") + _load("speaker_pronoun_passages_2.yaml")
HEADERS = _load("header_children.yaml") + _load("header_children_2.yaml")

# Quotes still credited to the wrong person (measured 2026-12-04; first file 24 of 40 right at the session's start,
# 30 after its fixes, which that file prompted: the one asked answers; no gender taken from a sentence's
# attribution pronoun, nor from a possessive repeating the mention's own; the second file, written after those
# fixes and scored blind, 28 of 40 before and after them). Left: a person of known gender beats a name of unknown
# gender ("her teacher" over the child), and an adult's words after the child's name are taken for the child's.
WRONG_SPEAKER = {
    "sp02", "sp08", "sp09", "sp12", "sp19", "sp21", "sp30", "sp34", "sp36", "sp40",
    "sq02", "sq03", "sq06", "sq08", "sq12", "sq14", "sq18", "sq19", "sq21", "sq22", "sq33", "sq37",
}
# Headers still misread (first file 11 of 24 exact at the session's start, 19 after the fixes it prompted; the
# second, scored blind, 8 of 24 before and after them; both 20 after the fixes the second then prompted): a household
# table with a relationship column (hd07), a "Lives with:" line (hd10, he10), "Other children at home" (hd21, read as
# "Sibling at home" is, as placed there), a probation subject's son living with his mother (hd22), an unborn baby
# with no name counted (he18), a sister named only in the address line (he21), an unborn baby in a dependants line
# (he23).
WRONG_CHILDREN = {"hd07", "hd10", "hd21", "hd22", "he10", "he18", "he21", "he23"}


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

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


PASSAGES = [p for n in ("", "_2", "_3") for p in _load(f"speaker_pronoun_passages{n}.yaml")]
HEADERS = [h for n in ("", "_2", "_3", "_4") for h in _load(f"header_children{n}.yaml")]

# Quotes still credited to the wrong person (measured 2026-12-04). First file: 24 of 40 right at the session's
# start, 30 after the fixes it prompted (the one asked answers; no gender taken from a sentence's attribution
# pronoun, nor from a possessive repeating the mention's own). Second and third files, each written after those
# fixes and scored blind: 28 and 29 of 40, the same before and after them. Left: a person of known gender beats a
# name of unknown gender ("her teacher" over the child), and an adult's words after the child's name are the child's.
WRONG_SPEAKER = {
    "sp02", "sp08", "sp09", "sp12", "sp19", "sp21", "sp30", "sp34", "sp36", "sp40",
    "sq02", "sq03", "sq06", "sq08", "sq12", "sq14", "sq18", "sq19", "sq21", "sq22", "sq33", "sq37",
    "sr01", "sr08", "sr10", "sr12", "sr15", "sr19", "sr21", "sr31", "sr32", "sr35", "sr39",
}
# Headers still misread. Exact children, first file: 11 of 24 at the session's start, 19 after the fixes it
# prompted; second file, written after those and scored blind: 8 of 24 before and after them, 20 after the fixes it
# then prompted; third file, scored blind on that code: 7 of 24 (7 on the session's first code too), 12 after the
# fixes it prompted; then a name with a child's age or date of birth anywhere in the header, beside what the labels
# read: 22, 21 and 15. The fourth file (30 headers), scored blind on all of it: 15 of 30, as on the session's first
# code. Each new writer brings forms the labels do not know: household tables, "Lives with:" lines, siblings in
# the address line or under labels of their own, a sibling with no age. Three misses are a convention: an unborn
# baby with no name is counted as "Unborn baby" (he18, hf11, hf16).
WRONG_CHILDREN = {"hd07", "hd22", "he18", "he21", "he23",
                  "hf01", "hf08", "hf11", "hf14", "hf16", "hf17", "hf18", "hf21", "hf24",
                  "hg02", "hg03", "hg06", "hg07", "hg08", "hg09", "hg11", "hg15", "hg17", "hg19", "hg20", "hg21",
                  "hg23", "hg25", "hg28"}


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

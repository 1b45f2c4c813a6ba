"""review.nlp.patterns: the one phrase-pattern builder of the lexicons."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review.nlp.patterns import alternation, phrase_pattern, qualified_pattern


def test_no_phrase_gives_no_pattern():
    assert phrase_pattern([]) is None
    assert phrase_pattern(["  ", ""]) is None


def test_matches_whole_words_case_insensitively():
    pattern = phrase_pattern(["home visit", "visit"])
    assert pattern.search("A Home Visit was made.").group(0) == "Home Visit"
    assert pattern.search("The visitor came.") is None


def test_longest_phrase_wins():
    pattern = phrase_pattern(["core", "core group"])
    assert pattern.search("a core group meeting").group(0) == "core group"


def test_phrases_are_literal_text():
    pattern = phrase_pattern(["A&E", "n.f.a."])
    assert pattern.search("seen at a&e today").group(0) == "a&e"
    assert pattern.search("nxfxa") is None


@pytest.mark.parametrize("text, plain, hyphenated", [
    ("her well-being", "well", None),
    ("a self-harm risk", "harm", None),
    ("she is well.", "well", "well"),
])
def test_a_hyphen_ends_a_word_unless_it_joins_words(text, plain, hyphenated):
    words = ["well", "harm"]
    found = phrase_pattern(words).search(text)
    joined = phrase_pattern(words, hyphen_joins_words=True).search(text)
    assert (found.group(0) if found else None) == plain
    assert (joined.group(0) if joined else None) == hyphenated


@pytest.mark.parametrize("text, found", [
    ("Mum was hurt in a previous relationship.", "previous relationship"),
    ("He has an old drugs conviction.", "old drugs conviction"),
    ("She left her first husband.", "first husband"),
    ("It was the first time her partner shouted.", None),   # another phrase between
    ("She has a 30-year-old partner.", None),             # an age, not an old partner
    ("They had previous relationships-counselling.", None),  # inside a hyphenated word
])
def test_a_qualifier_before_its_noun_with_at_most_one_word_between(text, found):
    pattern = qualified_pattern(["previous", "old", "first"], ["relationship", "relationships", "conviction",
                                                               "husband", "partner"])
    match = pattern.search(text)
    assert (match.group(0) if match else None) == found


def test_no_qualifier_or_no_noun_gives_no_pattern():
    assert qualified_pattern([], ["partner"]) is None and qualified_pattern(["previous"], [" "]) is None


def _listed(phrases):
    """The alternation as it was first written: the escaped phrases one after another, longest first."""
    return "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True))


def test_shared_beginnings_are_written_once():
    assert alternation(["in care", "in court", "in"]) == r"in(?:\ c(?:are|ourt))?"


_PIECES = ["a", "A", "b", "ab", "in", "In", " ", "-", "é", "É", ".", "&", "'", "care", "CARE"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join), min_size=1, max_size=8),
       st.lists(st.sampled_from(_PIECES + ["x", "\n"]), max_size=25).map("".join), st.booleans())
def test_the_tree_matches_what_the_listed_alternatives_match(phrases, text, hyphen):
    """Where each match starts and ends, alone and followed by more pattern, is that of the phrases listed longest
    first, over phrases that begin one another and differ only in case."""
    phrases = [p for p in phrases if p.strip()] or ["a"]
    inside = r"[\w-]" if hyphen else r"\w"
    for tail in ("", r"\s+b"):
        listed = re.compile(rf"(?<!{inside})(?:{_listed(phrases)}){tail}(?!{inside})", re.I)
        tree = re.compile(rf"(?<!{inside})(?:{alternation(phrases)}){tail}(?!{inside})", re.I)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in listed.finditer(text)]

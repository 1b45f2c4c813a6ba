"""The one place that builds the review pipeline. The CLI, the Python API and the page all use it."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from review import checks  # noqa: F401  (registers the checks' component factories)
from review.calibration import COMPONENT as FLAG_CONFIDENCE
from review.core.model import BASE_MODEL, MAX_CHARS
from review.core.registry import components_in_run_order
from review.core.rules import load_rules
from review.nlp import context  # noqa: F401  (registers the components that prepare a Doc)
from review.nlp.attribute_ruler import use_tag_indexed_attribute_ruler
from review.nlp.lemmatizer import use_array_lemmatizer
from review.nlp.tokenizer import RULELESS

__all__ = ["BASE_MODEL", "MAX_CHARS", "load_pipeline"]


def load_pipeline(rules_path: str | None = None) -> Language:
    """The base English pipeline, one component per check, then the flag-confidence model (cached per rules path).

    `rules_path` is a rules file or folder merged over the bundled ``rules/``; it is
    validated here, so a broken rules file fails before any text is read.
    """
    return _pipeline(rules_path)  # one cache key per path: load_pipeline() is load_pipeline(None)


@functools.lru_cache(maxsize=4)
def _pipeline(rules_path: str | None) -> Language:
    """The pipeline of :func:`load_pipeline`, built once per rules path."""
    load_rules(rules_path)
    nlp = spacy.load(BASE_MODEL, config=RULELESS)  # the saved tokenizer's rules, not English's built first
    nlp.max_length = MAX_CHARS
    use_tag_indexed_attribute_ruler(nlp)  # the same attributes, found faster
    use_array_lemmatizer(nlp)  # the same lemmas, set faster
    nlp.add_pipe("review_line_breaks", before="parser")
    nlp.add_pipe("review_context")
    for name in components_in_run_order():
        nlp.add_pipe(name, config={"rules_path": rules_path})
    nlp.add_pipe(FLAG_CONFIDENCE)  # last: it weighs what every check found
    return nlp

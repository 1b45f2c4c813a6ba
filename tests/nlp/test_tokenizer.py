"""The review pipeline's tokenizer, loaded over a rule-less one, is the base model's own."""

import spacy

from review.core.model import BASE_MODEL
from review.pipeline import load_pipeline

PATTERNS = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")


def pattern(tokenizer, name: str) -> str | None:
    """The regular expression behind one of the tokenizer's matchers (None when it has none)."""
    matcher = getattr(tokenizer, name)
    return matcher.__self__.pattern if matcher is not None else None


def test_the_pipeline_tokenizes_as_the_base_model_does():
    review_tokenizer, base_tokenizer = load_pipeline(None).tokenizer, spacy.load(BASE_MODEL).tokenizer
    assert review_tokenizer.rules == base_tokenizer.rules and len(base_tokenizer.rules) > 1000
    for name in PATTERNS:
        assert pattern(review_tokenizer, name) == pattern(base_tokenizer, name)
    assert pattern(base_tokenizer, "prefix_search") and pattern(base_tokenizer, "infix_finditer")
    text = "Dr. Patel's note didn't say e.g. 3pm on 10/03/2024; see https://example.org/a?b=1 or K.'s email."
    assert [(t.text, t.norm_, t.whitespace_) for t in review_tokenizer(text)] == \
           [(t.text, t.norm_, t.whitespace_) for t in base_tokenizer(text)]

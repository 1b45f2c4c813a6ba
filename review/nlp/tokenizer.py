"""A tokenizer with no rules, for a spaCy model loaded from disk: building English's own first
(its special cases) is a tenth of a second that the saved tokenizer then overwrites, or that a
model only given Docs never uses."""

from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.util import registry

RULELESS_TOKENIZER = "review.ruleless_tokenizer.v1"
RULELESS = {"nlp": {"tokenizer": {"@tokenizers": RULELESS_TOKENIZER}}}  # a config override for spacy.load


@registry.tokenizers(RULELESS_TOKENIZER)
def ruleless_tokenizer():
    """A factory of ``Tokenizer(vocab)``: what loading the saved tokenizer fills in, or nothing."""
    return lambda nlp: Tokenizer(nlp.vocab)

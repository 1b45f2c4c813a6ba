"""Who said each quote: speaker attribution from the dependency parse.

How it works: docs/internals.md, `review.nlp.speakers`."""

from review.nlp.speakers.attribute import attribute_speakers, doc_quotes
from review.nlp.speakers.kinds import (ADULT, CHILD_OWN, CHILD_REPORTED, KINDS, PROFESSIONAL_OPINION, SCARE_QUOTE,
                                       kind_of)
from review.nlp.speakers.lexicons import Lexicons
from review.nlp.speakers.mentions import Mention, child_aliases, child_reference_at, is_child_name
from review.nlp.speakers.resolve import WRITER, PersonResolver, person_resolver
from review.nlp.speakers.sections import voice_section_child

__all__ = [
    "ADULT",
    "CHILD_OWN",
    "CHILD_REPORTED",
    "KINDS",
    "PROFESSIONAL_OPINION",
    "SCARE_QUOTE",
    "WRITER",
    "Lexicons",
    "Mention",
    "PersonResolver",
    "attribute_speakers",
    "child_aliases",
    "child_reference_at",
    "doc_quotes",
    "is_child_name",
    "kind_of",
    "person_resolver",
    "voice_section_child",
]

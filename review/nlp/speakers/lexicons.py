"""The word lists of speaker attribution: policy lists from the child_voice rules, gendered words from
review.nlp.people and reporting verbs from the linguistics data."""

from __future__ import annotations

from dataclasses import dataclass

from review.nlp.linguistics import linguistics
from review.nlp.people import FEMALE_WORDS, MALE_WORDS

# The word classes of verbs that report a quote: their subject is its speaker.
REPORTING_VERBS = ("speech_verbs", "announcing_verbs", "sharing_verbs", "quoting_verbs")


@dataclass
class Lexicons:
    """Reporting verbs, speech nouns, child references, gendered and person nouns (lower case)."""

    reporting: set[str]
    labelling: set[str]
    speech_nouns: set[str]
    child_references: list[str]
    child_address_words: list[str]
    female: set[str]
    male: set[str]
    persons: set[str]
    professionals: list[str]
    assessment_cues: list[str]
    verb_after_tokens: int
    voice_heading_words: list[str]
    heading_child_words: list[str]
    time_nouns: set[str]

    @classmethod
    def from_rules(cls, rules) -> "Lexicons":
        lower = lambda name: [w.lower() for w in rules.lexicon(name)]  # noqa: E731
        return cls(
            reporting=set(linguistics().word_classes.union(*REPORTING_VERBS)),
            labelling=set(lower("labelling_verbs")),
            speech_nouns=set(lower("speech_nouns")),
            child_references=sorted(lower("child_references"), key=len, reverse=True),
            child_address_words=lower("child_address_words"),
            female=set(FEMALE_WORDS),
            male=set(MALE_WORDS),
            persons=set(lower("person_nouns")),
            professionals=lower("professional_roles"),
            assessment_cues=lower("assessment_cues"),
            verb_after_tokens=int(rules.threshold("verb_after_tokens")),
            voice_heading_words=lower("voice_heading_words"),
            # a heading names the child as a child reference does, without its article ("Child's views")
            heading_child_words=sorted({r.split(" ", 1)[-1] for r in lower("child_references")} | {"child", "children"}),
            time_nouns=set(linguistics().word_classes.union("time_nouns")),
        )

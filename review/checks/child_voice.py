"""PLACEHOLDER first version by the lead; owned by the quotes engineer: replace freely."""
import re
from dataclasses import dataclass

from spacy.language import Language

from ..findings import add_finding
from ..rules import load_rules

_QUOTE = re.compile(r"[\"“]([^\"”\n]+)[\"”]")


@dataclass
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_is_child: bool


class ChildVoiceCheck:
    def __init__(self, rules_path=None):
        self.rules = load_rules(rules_path).check("child_voice")

    def __call__(self, doc):
        quotes = []
        for match in _QUOTE.finditer(doc.text):
            before = doc.text[max(0, match.start() - 40):match.start()]
            speaker = next((c for c in doc._.children if c in before), None)
            quotes.append(Quote(match.start(1), match.end(1), match.group(1), speaker, speaker is not None))
        doc._.quotes = quotes
        if doc.text.strip() and not any(q.speaker_is_child for q in quotes):
            add_finding(doc, self.rules.rule("child_voice.no_quote"), 0, 0)
        return doc


@Language.factory("review_child_voice", requires=["doc._.children"], assigns=["doc._.quotes"],
                  default_config={"rules_path": None})
def make_child_voice_check(nlp, name, rules_path):
    return ChildVoiceCheck(rules_path)

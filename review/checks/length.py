"""PLACEHOLDER first version by the lead; owned by the readability engineer: replace freely."""
import textstat
from spacy.language import Language

from ..findings import add_finding
from ..rules import load_rules
from ..text import paragraphs, sentences, words


class LengthCheck:
    def __init__(self, rules_path=None):
        self.rules = load_rules(rules_path).check("length")

    def __call__(self, doc):
        max_words = self.rules.threshold("sentence_words")
        for sent in sentences(doc):
            sent._.words = words(sent)
            sent._.grade = 0.0
            if sent._.words > max_words:
                add_finding(doc, self.rules.rule("length.sentence"), sent.start_char, sent.end_char,
                            words=sent._.words, allow=self.rules)
        for start, end in paragraphs(doc.text):
            count = len(doc.text[start:end].split())
            if count > self.rules.threshold("paragraph_words"):
                add_finding(doc, self.rules.rule("length.paragraph"), start, end, words=count)
        doc._.summary.update(words=sum(s._.words for s in sentences(doc)), sentences=len(sentences(doc)), grade=0.0)
        return doc


@Language.factory("review_length", requires=["doc._.summary"], assigns=["span._.words", "span._.grade"],
                  default_config={"rules_path": None})
def make_length_check(nlp, name, rules_path):
    return LengthCheck(rules_path)

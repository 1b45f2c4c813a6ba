"""PLACEHOLDER first version by the lead; owned by the opinion engineer: replace freely."""
from spacy.language import Language

from ..findings import add_finding
from ..rules import load_rules
from ..text import sentences


class OpinionCheck:
    def __init__(self, rules_path=None):
        self.rules = load_rules(rules_path).check("opinion")
        self.labels = {w.lower() for w in self.rules.lexicon("evaluative_labels")}
        self.hedges = {w.lower() for w in self.rules.lexicon("hedge_cues")}

    def __call__(self, doc):
        for sent in sentences(doc):
            label = next((t for t in sent if t.lower_ in self.labels), None)
            hedge = next((t for t in sent if t.lower_ in self.hedges), None)
            sent._.opinion = 0.9 if label is not None else 0.1
            sent._.hedge = hedge is not None
            if label is not None:
                add_finding(doc, self.rules.rule("opinion.judgement"), label.idx, label.idx + len(label),
                            kind="judgement", allow=self.rules)
            if hedge is not None:
                add_finding(doc, self.rules.rule("opinion.hedge"), hedge.idx, hedge.idx + len(hedge),
                            kind="hedge", allow=self.rules)
        return doc


@Language.factory("review_opinion", requires=["doc._.findings"], assigns=["span._.opinion", "span._.hedge"],
                  default_config={"rules_path": None})
def make_opinion_check(nlp, name, rules_path):
    return OpinionCheck(rules_path)

"""PLACEHOLDER first version by the lead; owned by the temporal engineer: replace freely."""
import re

from spacy.language import Language

from ..findings import add_finding
from ..rules import load_rules
from ..text import sentences

_YEAR = re.compile(r"\b(19|20)\d\d\b")


class HistoricCheck:
    def __init__(self, rules_path=None):
        self.rules = load_rules(rules_path).check("historic")
        self.links = [w.lower() for w in self.rules.lexicon("present_links")]

    def __call__(self, doc):
        horizon_year = doc._.report_date.year - max(1, round(self.rules.threshold("horizon_months") / 12))
        for sent in sentences(doc):
            for ent in sent.ents:
                year = _YEAR.search(ent.text) if ent.label_ == "DATE" else None
                if year and int(year.group()) < horizon_year and not any(w in sent.text.lower() for w in self.links):
                    add_finding(doc, self.rules.rule("historic.no_relevance"), ent.start_char, ent.end_char,
                                allow=self.rules)
        return doc


@Language.factory("review_historic", requires=["doc._.report_date"], assigns=["doc._.findings"],
                  default_config={"rules_path": None})
def make_historic_check(nlp, name, rules_path):
    return HistoricCheck(rules_path)

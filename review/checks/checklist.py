"""The policy's questions as a checklist: does the report answer each one, and where?

Sets ``doc._.checklist`` to one entry per question (in the order of the ``questions`` lexicon
of rules/checklist.yaml)::

    {"question": "impact", "answered": true, "applicable": true, "sentences": [2, 7],
     "rule": "checklist.impact", "text": "<the policy's question>"}

and raises an info finding ``checklist.<question>`` for each applicable question left
unanswered (only on a report of at least ``min_report_sentences`` sentences). It reads the
child_voice analysis (`review.checks.child_voice.child_voice`) and the historic findings, so
it runs after review_child_voice and review_historic.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from review.checks.child_voice import _phrase_pattern, child_voice
from review.core.findings import add_finding
from review.core.rules import CheckRules, load_rules
from review.core.text import doc_text, is_whole_report, sentence_index, sentences


def sentences_matching(doc: Doc, phrases: list[str]) -> list[int]:
    """Indices of the sentences containing one of `phrases` (case-insensitive, whole words)."""
    pattern = _phrase_pattern(phrases)
    if pattern is None:
        return []
    return [n for n, sentence in enumerate(sentences(doc)) if pattern.search(sentence.text)]


def _quote_sentences(doc: Doc, quotes) -> list[int]:
    return sorted({i for i in (sentence_index(doc, q.start) for q in quotes) if i is not None})


def answer_questions(doc: Doc, rules: CheckRules, voice_rules: CheckRules, rules_path: str | None = None) -> list[dict]:
    """The checklist entries for `doc` (see the module docstring)."""
    voice = child_voice(doc, voice_rules, rules_path)
    quotes = doc_quotes_of(doc)
    pre_verbal = bool(voice.too_young) and not voice.speaking_children
    evidence: dict[str, list[int]] = {}
    applicable: dict[str, bool] = {}
    for question in ("impact", "parents_working", "barriers"):
        evidence[question] = sentences_matching(doc, rules.lexicon(question))
    investigations = set(sentences_matching(doc, rules.lexicon("investigations")))
    evidence["other_investigations"] = [n for n in sentences_matching(doc, rules.lexicon("ongoing"))
                                        if n in investigations]
    evidence["wishes_feelings"] = voice.wishes_sentences
    child_quotes = [(n, q) for n, q in enumerate(quotes) if q.speaker_is_child and q.depth == 0]
    evidence["child_words"] = _quote_sentences(doc, [q for _, q in child_quotes])
    evidence["circumstances"] = _quote_sentences(doc, [q for n, q in child_quotes if voice.circumstances.get(n)])
    evidence["how_disclosed"] = _quote_sentences(doc, [q for n, q in child_quotes if voice.disclosure.get(n)])
    for question in ("child_words", "circumstances", "how_disclosed"):
        applicable[question] = not pre_verbal
    historic = [f for f in doc._.findings if f.check == "historic"]
    explained = sentences_matching(doc, rules.lexicon("historic_explanations"))
    entries = []
    for question in rules.lexicon("questions"):
        rule = rules.rules.get(f"checklist.{question}")
        if question == "historic_explained":
            answered = bool(explained) or not historic
            found = explained
        else:
            found = evidence.get(question, [])
            answered = bool(found)
        entries.append({
            "question": question,
            "answered": answered,
            "applicable": applicable.get(question, True),
            "sentences": found,
            "rule": rule.id if rule else f"checklist.{question}",
            "text": rule.rationale if rule else "",
        })
    return entries


def doc_quotes_of(doc: Doc):
    from review.nlp.speakers import doc_quotes

    return doc._.quotes if doc._.quotes else doc_quotes(doc)


class ChecklistCheck:
    """Sets ``doc._.checklist`` and raises a checklist finding for each unanswered question."""

    def __init__(self, rules_path: str | None = None):
        self.rules_path = rules_path
        ruleset = load_rules(rules_path)
        self.rules = ruleset.check("checklist")
        self.voice_rules = ruleset.check("child_voice")

    def __call__(self, doc: Doc) -> Doc:
        if not doc_text(doc).strip():
            doc._.checklist = []
            return doc
        entries = answer_questions(doc, self.rules, self.voice_rules, self.rules_path)
        doc._.checklist = entries
        if not is_whole_report(doc, self.rules.threshold("min_report_sentences")):
            return doc
        for entry in entries:
            rule = self.rules.rules.get(entry["rule"])
            if rule is not None and entry["applicable"] and not entry["answered"]:
                add_finding(doc, rule, 0, 0)
        return doc


@Language.factory(
    "review_checklist",
    requires=["doc._.quotes", "doc._.findings"],
    assigns=["doc._.checklist", "doc._.findings"],
    default_config={"rules_path": None},
)
def make_checklist_check(nlp: Language, name: str, *, rules_path: str | None) -> ChecklistCheck:
    return ChecklistCheck(rules_path)

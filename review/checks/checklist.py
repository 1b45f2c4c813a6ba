"""The policy's questions as a checklist: does the report answer each one, and where?

How it works: docs/internals.md, `review.checks.checklist`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from review.core.findings import add_finding
from review.core.rules import CheckRules, Rule, load_rules
from review.core.text import doc_text, is_whole_report, sentence_index, sentences
from review.nlp.patterns import phrase_pattern

QUOTE_KINDS = {"child_quotes": None, "child_quotes_with_circumstances": "circumstances",
               "child_quotes_with_disclosure": "disclosure"}


def sentences_matching(doc: Doc, phrases: list[str]) -> list[int]:
    """Indices of the sentences containing one of `phrases` (case-insensitive, whole words)."""
    pattern = phrase_pattern(phrases, hyphen_joins_words=True)
    if pattern is None:
        return []
    text = doc_text(doc)  # sliced: a Span's .text is rebuilt from its tokens on each access
    return [n for n, span in enumerate(sentences(doc)) if pattern.search(text[span.start_char:span.end_char])]


def _quote_sentences(doc: Doc, quotes) -> list[int]:
    return sorted({i for i in (sentence_index(doc, q.start) for q in quotes) if i is not None})


def child_quote_sentences(doc: Doc, kind: str) -> list[int]:
    """Sentences quoting the child's own words (not a quote within a quote); for the
    ``_with_circumstances`` / ``_with_disclosure`` kinds, only quotes child_voice found those for."""
    voice, detail = doc._.child_voice, QUOTE_KINDS[kind]
    found = {} if detail is None else getattr(voice, detail)
    return _quote_sentences(doc, [q for n, q in enumerate(doc._.quotes or [])
                                  if q.speaker_is_child and q.depth == 0 and (detail is None or found.get(n))])


def evidence_sentences(doc: Doc, rule: Rule, rules: CheckRules) -> list[int]:
    """The sentences that answer the question of `rule`, by the kind of its evidence."""
    evidence = rule.evidence
    if evidence.kind == "phrases":
        matching = [set(sentences_matching(doc, rules.lexicon(name))) for name in evidence.lexicons]
        return sorted(set.intersection(*matching))
    if evidence.kind == "child_wishes":
        return doc._.child_voice.wishes_sentences
    return child_quote_sentences(doc, evidence.kind)


def answer_question(doc: Doc, rule: Rule, rules: CheckRules) -> dict:
    """The checklist entry of one question (see the module docstring)."""
    evidence = rule.evidence
    found = evidence_sentences(doc, rule, rules)
    answered = bool(found)
    if evidence.needed_if_findings_of is not None:
        answered = answered or not any(f.check == evidence.needed_if_findings_of for f in doc._.findings)
    voice = doc._.child_voice
    pre_verbal = bool(voice.too_young) and not voice.speaking_children
    return {
        "question": rule.id.removeprefix("checklist."),
        "answered": answered,
        "applicable": not (pre_verbal and evidence.kind in QUOTE_KINDS),
        "sentences": found,
        "rule": rule.id,
        "text": rule.rationale,
    }


def answer_questions(doc: Doc, rules: CheckRules) -> list[dict]:
    """The checklist entries for `doc`, one per question in the order of the rules."""
    if doc._.child_voice is None:
        raise RuntimeError("the checklist reads doc._.child_voice: run review_child_voice before it")
    return [answer_question(doc, rule, rules) for rule in rules.rules.values()]


class ChecklistCheck:
    """Sets ``doc._.checklist`` and raises a checklist finding for each unanswered question."""

    def __init__(self, rules_path: str | None = None):
        self.rules = load_rules(rules_path).check("checklist")

    def __call__(self, doc: Doc) -> Doc:
        if not doc_text(doc).strip():
            doc._.checklist = []
            return doc
        entries = answer_questions(doc, self.rules)
        doc._.checklist = entries
        if not is_whole_report(doc, self.rules.threshold("min_report_sentences")):
            return doc
        for entry in entries:
            rule = self.rules.rules[entry["rule"]]
            if entry["applicable"] and not entry["answered"]:
                add_finding(doc, rule, 0, 0)
        return doc


@Language.factory(
    "review_checklist",
    requires=["doc._.quotes", "doc._.child_voice", "doc._.findings"],
    assigns=["doc._.checklist", "doc._.findings"],
    default_config={"rules_path": None},
)
def make_checklist_check(nlp: Language, name: str, *, rules_path: str | None) -> ChecklistCheck:
    return ChecklistCheck(rules_path)

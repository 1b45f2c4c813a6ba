"""Quotes in short report passages (quotes-reports-dev): spans, speaker_is_child, kind, circumstances.

Each passage is reviewed alone with its own ``children`` (some are cut from longer reports).
Gold quotes are placed at the occurrence of their text that sits between quote marks; a predicted
quote matches a gold one when its span is the same. Over the gold quotes (a gold quote not found
counts as wrong for each figure):
- speaker_is_child: gold is the kind child_own_words or child_reported;
- kind: the predicted `kind` against the gold kind (names mapped by `GOLD_KINDS`);
- circumstances: `circumstances_given` against the child_voice check's circumstances of the quote
  (for a child's quote, as the check gives them: its own or those of the conversation it is part
  of; none for a scare quote).
Per passage: the child's own words found, or rightly not found (any child quote in gold and
prediction alike); for the 15 passages of a child communicating without speech, whether the
child_voice check found a communication (`communications`), and in how many other passages it did.
"""

from __future__ import annotations

import json
from pathlib import Path

GOLD_FILE = "passages.jsonl"
QUOTE_MARKS = "\"'“”‘’«»„‚"
# The data set's kind names -> the `kind` values `review.nlp.speakers` gives.
GOLD_KINDS = {"child_own_words": "child_own", "child_reported": "child_reported", "adult_words": "adult",
              "professional_opinion": "professional_opinion", "scare_quote": "scare_quote"}
CHILD_KINDS = ("child_own_words", "child_reported")


def load_passages(folder: Path) -> list[dict]:
    with open(folder / GOLD_FILE, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_span(text: str, quoted: str) -> tuple[int, int] | None:
    """Where `quoted` sits between quote marks in `text` (else its first occurrence)."""
    start = text.find(quoted)
    first = start
    while start >= 0:
        end = start + len(quoted)
        if start > 0 and text[start - 1] in QUOTE_MARKS and end < len(text) and text[end] in QUOTE_MARKS:
            return start, end
        start = text.find(quoted, start + 1)
    return (first, first + len(quoted)) if first >= 0 else None


def evaluate(passages: list[dict], nlp, errors: int = 0) -> dict:
    from review.checks.child_voice import child_voice, circumstances_of
    from review.core.rules import load_rules
    from review.nlp.speakers import doc_quotes

    rules = load_rules().check("child_voice")
    counts = dict.fromkeys(("pred", "gold", "matched", "child_right", "kind_right", "circumstances_right",
                            "passages", "passage_right", "non_verbal", "non_verbal_found",
                            "communications_elsewhere"), 0)
    shown = []
    for passage in passages:
        text = passage["text"]
        doc = nlp(text)
        doc._.children = list(passage["children"])
        predicted = doc_quotes(doc)
        voice = child_voice(doc, rules)
        by_span = {(q.start, q.end): q for q in predicted}
        counts["pred"] += len(predicted)
        for gold in passage["quotes"]:
            counts["gold"] += 1
            span = gold_span(text, gold["text"])
            quote = by_span.get(span)
            counts["matched"] += quote is not None
            gold_child = gold["kind"] in CHILD_KINDS
            child = quote is not None and quote.speaker_is_child
            kind = quote.kind if quote is not None else None
            circumstances = quote is not None and kind != "scare_quote" and \
                bool(voice.circumstances.get(predicted.index(quote)) if quote.speaker_is_child
                     else circumstances_of(doc, quote, rules, predicted))
            counts["child_right"] += child == gold_child
            counts["kind_right"] += kind == GOLD_KINDS[gold["kind"]]
            counts["circumstances_right"] += circumstances == gold["circumstances_given"]
            if errors and (child != gold_child or kind != GOLD_KINDS[gold["kind"]]):
                shown.append(f"  {passage['id']} gold {gold['kind']}/{gold['speaker']!r} pred "
                             f"{kind}/{quote.speaker if quote else None!r} ({quote.how if quote else 'not found'}): "
                             f"{gold['text'][:50]!r}")
        if passage.get("non_verbal"):
            counts["non_verbal"] += 1
            counts["non_verbal_found"] += bool(voice.communications)
        else:
            counts["communications_elsewhere"] += bool(voice.communications)
        counts["passages"] += 1
        gold_has = any(g["kind"] in CHILD_KINDS for g in passage["quotes"])
        counts["passage_right"] += gold_has == any(q.speaker_is_child for q in predicted)
    for line in shown[:errors]:
        print(line)
    return {**counts, **figures(counts)}


def figures(counts: dict) -> dict:
    precision = counts["matched"] / counts["pred"] if counts["pred"] else 0.0
    recall = counts["matched"] / counts["gold"] if counts["gold"] else 0.0
    gold = counts["gold"] or 1
    return {"span_precision": precision, "span_recall": recall,
            "span_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "child_accuracy": counts["child_right"] / gold, "kind_accuracy": counts["kind_right"] / gold,
            "circumstances_accuracy": counts["circumstances_right"] / gold,
            "passage_accuracy": counts["passage_right"] / (counts["passages"] or 1)}


def report(result: dict, seconds: float) -> None:
    print(f"quotes-reports-dev: {result['passages']} passages, {result['gold']} gold quotes, "
          f"{result['pred']} predicted ({seconds:.0f}s)")
    print(f"quote spans (exact): P={result['span_precision']:.3f} R={result['span_recall']:.3f} "
          f"F1={result['span_f1']:.3f}   target >= 0.98")
    print(f"speaker_is_child right: {result['child_accuracy']:.3f}   target >= 0.95")
    print(f"kind right:             {result['kind_accuracy']:.3f}   target >= 0.90")
    print(f"circumstances right:    {result['circumstances_accuracy']:.3f}   target >= 0.90")
    print(f"passages, child's words found or rightly not: {result['passage_accuracy']:.3f}")
    print(f"a child's communication without words found: {result['non_verbal_found']} of {result['non_verbal']} "
          f"such passages (and in {result['communications_elsewhere']} of the others)")

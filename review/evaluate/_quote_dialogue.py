"""The child's words in fiction dialogue paragraphs, each reviewed alone with its child given.

    python -m review.evaluate quotes --set dialogue --data PATH

PATH is a JSON-lines file (or a folder holding ``dialogue.jsonl``), one paragraph a line:
``{"child": ..., "text": ..., "quotes": [{"text", "speaker", "in_paragraph"}]}``. A gold quote is
placed where its text sits between quote marks and matched to the predicted quote (any depth) that
overlaps it most. The positive class is "the child said this" (gold speaker the child; predicted
``speaker_is_child``). A predicted child quote that matches no gold quote is a false positive.
Figures are given over all quotes and over those whose speaker is named or referred to in their
own paragraph (``in_paragraph`` true); a paragraph alone cannot know the others.
"""

from __future__ import annotations

import json
from pathlib import Path

from review.evaluate._quote_passages import gold_span

GOLD_FILE = "dialogue.jsonl"


def load_paragraphs(path: Path) -> list[dict]:
    path = path / GOLD_FILE if path.is_dir() else path
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate(paragraphs: list[dict], nlp) -> dict:
    from review.nlp.speakers import doc_quotes

    counts = {f"{name}_{subset}": 0 for name in ("tp", "fp", "fn") for subset in ("all", "in_paragraph")}
    counts.update(gold=0, gold_child=0, unplaced=0)
    for paragraph in paragraphs:
        text, child = paragraph["text"], paragraph["child"]
        doc = nlp(text)
        doc._.children = [child]
        predicted = doc_quotes(doc)
        matched: dict[int, dict] = {}
        for gold in paragraph["quotes"]:
            counts["gold"] += 1
            is_child = gold["speaker"] == child
            counts["gold_child"] += is_child
            span = gold_span(text, gold["text"])
            best = None
            if span is None:
                counts["unplaced"] += 1
            else:
                scored = [(_overlap(span, (q.start, q.end)) / max(span[1] - span[0], q.end - q.start, 1), n)
                          for n, q in enumerate(predicted)]
                scored = [pair for pair in scored if pair[0] > 0 and pair[1] not in matched]
                best = max(scored)[1] if scored else None
            if best is not None:
                matched[best] = gold
            credited = best is not None and predicted[best].speaker_is_child
            subsets = ("all", "in_paragraph") if gold.get("in_paragraph") else ("all",)
            for subset in subsets:
                if is_child and credited:
                    counts[f"tp_{subset}"] += 1
                elif is_child:
                    counts[f"fn_{subset}"] += 1
                elif credited:
                    counts[f"fp_{subset}"] += 1
        for n, quote in enumerate(predicted):
            if quote.speaker_is_child and n not in matched:
                counts["fp_all"] += 1
                counts["fp_in_paragraph"] += 1
    return {**counts, **{subset: figures(counts, subset) for subset in ("all", "in_paragraph")}}


def figures(counts: dict, subset: str) -> tuple[float, float, float]:
    tp, fp, fn = (counts[f"{name}_{subset}"] for name in ("tp", "fp", "fn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def report(result: dict, paragraphs: int, seconds: float) -> None:
    print(f"dialogue paragraphs, each alone: {paragraphs} paragraphs, {result['gold']} gold quotes, "
          f"{result['gold_child']} of them the child's ({result['unplaced']} not placed) ({seconds:.0f}s)")
    for subset, label in (("all", "all quotes"), ("in_paragraph", "speaker in the paragraph")):
        precision, recall, f1 = result[subset]
        print(f"the child's words, {label + ':':26} P={precision:.3f} R={recall:.3f} F1={f1:.3f}   "
              f"(TP {result['tp_' + subset]} FP {result['fp_' + subset]} FN {result['fn_' + subset]})")

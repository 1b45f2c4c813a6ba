"""Quote finding and "is this the child's words?" on PDNC's *Anne of Green Gables* and on report passages.

    python -m review.evaluate quotes [--alone] [--data DIR] [--limit N] [--errors N]
    python -m review.evaluate quotes --set reports [--data DIR] [--limit N] [--errors N]
    python -m review.evaluate quotes --set dialogue --data PATH [--limit N]

`--set reports` scores ``quotes-reports-dev`` (see `review.evaluate._quote_passages`); `--set dialogue`
a file of fiction dialogue paragraphs, each alone with its child (`review.evaluate._quote_dialogue`).
The rest of this text is about PDNC.

Gold: every direct quotation of the Project Dialogism Novel Corpus paragraphs (Anne is the
child). Prediction: `review.nlp.speakers.doc_quotes` on the base spaCy model, run over the novel in
chunks of consecutive paragraphs (so dialogue carries across paragraphs), or with `--alone` each
paragraph by itself (as a report's quote is read: its speaker named in its own paragraph), with
``children=["Anne"]``. PDNC marks speech only, so the predicted quotes compared are the
top-level ones of kind "speech" (a word quoted inside a sentence, such as she "ran" the
Sewing Circle, is a "phrase" and not speech).

Figures:
- quote spans, relaxed overlap: a predicted quote is right if it overlaps a gold quote; a
  gold quote is found if a predicted quote overlaps it. F1 of that precision and recall.
- the regex baseline: the same span figures for a plain quote-mark regex (`QUOTE_REGEX`: a pair of
  double quotes, or an opening one left open to the end of the run), the floor quote finding must beat.
- the child's words: over gold and predicted quotes, the positive class is "Anne said this"
  (gold speaker Anne Shirley; predicted ``speaker_is_child``). A predicted child quote that
  matches no gold quote is a false positive; a gold Anne quote not found is a false negative.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from review.evaluate import _quote_dialogue, _quote_passages
from review.evaluate._data import data_dir

GOLD_FILE = "pdnc_paragraphs_anne.jsonl"
CHILD = "Anne"
GOLD_CHILD = "Anne Shirley"
CHUNK_PARAGRAPHS = 40
# The baseline: what a plain regex takes for a quotation (PDNC Anne writes straight double quotes).
QUOTE_REGEX = re.compile(r'"[^"]*"|"[^"]*$')


def load_paragraphs(folder: Path) -> list[dict]:
    with open(folder / GOLD_FILE, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def chunks(paragraphs: list[dict], size: int = CHUNK_PARAGRAPHS):
    """Runs of consecutive paragraphs, a new run at each chapter heading or every `size` paragraphs
    (`size` 1: each paragraph alone)."""
    run: list[dict] = []
    for paragraph in paragraphs:
        if run and (paragraph["text"].startswith("CHAPTER") or len(run) >= size):
            yield run
            run = []
        run.append(paragraph)
    if run:
        yield run


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def evaluate(paragraphs: list[dict], nlp, errors: int = 0, size: int = CHUNK_PARAGRAPHS) -> dict:
    from review.nlp.speakers import doc_quotes

    counts = {"pred": 0, "pred_right": 0, "gold": 0, "gold_found": 0,
              "child_tp": 0, "child_fp": 0, "child_fn": 0, "regex": 0, "regex_right": 0, "regex_gold_found": 0}
    shown = 0
    for run in chunks(paragraphs, size):
        offsets, position = [], 0
        for paragraph in run:
            offsets.append(position)
            position += len(paragraph["text"]) + 2
        text = "\n\n".join(p["text"] for p in run)
        doc = nlp(text)
        doc._.children = [CHILD]
        predicted = [q for q in doc_quotes(doc) if q.depth == 0 and q.form == "speech"]
        gold = [(offset + g["start"], offset + g["end"], g["speaker"])
                for offset, paragraph in zip(offsets, run) for g in paragraph["quotes"]]
        regex = [(m.start(), m.end()) for m in QUOTE_REGEX.finditer(text)]
        counts["regex"] += len(regex)
        counts["regex_right"] += sum(any(overlaps(a, b, s, e) for s, e, _ in gold) for a, b in regex)
        counts["regex_gold_found"] += sum(any(overlaps(a, b, s, e) for a, b in regex) for s, e, _ in gold)
        matched_gold: dict[int, object] = {}
        for quote in predicted:
            hits = [n for n, (s, e, _) in enumerate(gold) if overlaps(quote.start, quote.end, s, e)]
            counts["pred"] += 1
            counts["pred_right"] += bool(hits)
            gold_is_child = any(gold[n][2] == GOLD_CHILD for n in hits)
            if quote.speaker_is_child and not gold_is_child:
                counts["child_fp"] += 1
            for n in hits:
                matched_gold.setdefault(n, quote)
            if errors and shown < errors and hits and quote.speaker_is_child != gold_is_child:
                shown += 1
                print(f"  [{'FP' if quote.speaker_is_child else 'FN'}] gold={gold[hits[0]][2]!r} "
                      f"pred={quote.speaker!r} ({quote.how}): {text[max(0, quote.start - 60):quote.end + 60]!r}")
        for n, (start, end, speaker) in enumerate(gold):
            counts["gold"] += 1
            quote = matched_gold.get(n)
            counts["gold_found"] += quote is not None
            if speaker == GOLD_CHILD:
                if quote is not None and quote.speaker_is_child:
                    counts["child_tp"] += 1
                else:
                    counts["child_fn"] += 1
    precision = counts["pred_right"] / counts["pred"] if counts["pred"] else 0.0
    recall = counts["gold_found"] / counts["gold"] if counts["gold"] else 0.0
    child_p = counts["child_tp"] / (counts["child_tp"] + counts["child_fp"]) if counts["child_tp"] + counts["child_fp"] else 0.0
    # child_tp counts gold quotes, child_fp predicted ones: recall over gold Anne quotes
    child_r = counts["child_tp"] / (counts["child_tp"] + counts["child_fn"]) if counts["child_tp"] + counts["child_fn"] else 0.0
    regex_p = counts["regex_right"] / counts["regex"] if counts["regex"] else 0.0
    regex_r = counts["regex_gold_found"] / counts["gold"] if counts["gold"] else 0.0
    return {**counts, "span_precision": precision, "span_recall": recall, "span_f1": f1(precision, recall),
            "regex_precision": regex_p, "regex_recall": regex_r, "regex_f1": f1(regex_p, regex_r),
            "child_precision": child_p, "child_recall": child_r, "child_f1": f1(child_p, child_r)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate quotes", description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("pdnc", "reports", "dialogue"), default="pdnc",
                        help="PDNC Anne of Green Gables (default), quotes-reports-dev, or a dialogue file (--data)")
    parser.add_argument("--alone", action="store_true", help="PDNC: review each paragraph by itself")
    parser.add_argument("--data", type=Path, help="the data folder (default: quotes-pdnc or quotes-reports-dev "
                                                  "in $REVIEW_DATA_DIR or ../shared/data)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N paragraphs")
    parser.add_argument("--errors", type=int, default=0, help="print up to N child-attribution errors")
    args = parser.parse_args(argv)

    import spacy

    from review.core.extensions import register_extensions
    from review.core.model import BASE_MODEL

    register_extensions()
    if args.set == "reports":
        passages = _quote_passages.load_passages(args.data or data_dir() / "quotes-reports-dev")
        passages = passages[: args.limit] if args.limit else passages
        nlp = spacy.load(BASE_MODEL)
        began = time.perf_counter()
        result = _quote_passages.evaluate(passages, nlp, errors=args.errors)
        _quote_passages.report(result, time.perf_counter() - began)
        print("reproduce: python -m review.evaluate quotes --set reports" + (f" --limit {args.limit}" if args.limit else ""))
        return 0
    if args.set == "dialogue":
        if args.data is None:
            parser.error("--set dialogue needs --data PATH (a dialogue.jsonl file or its folder)")
        paragraphs = _quote_dialogue.load_paragraphs(args.data)
        paragraphs = paragraphs[: args.limit] if args.limit else paragraphs
        nlp = spacy.load(BASE_MODEL)
        began = time.perf_counter()
        result = _quote_dialogue.evaluate(paragraphs, nlp)
        _quote_dialogue.report(result, len(paragraphs), time.perf_counter() - began)
        print(f"reproduce: python -m review.evaluate quotes --set dialogue --data {args.data}")
        return 0
    paragraphs = load_paragraphs(args.data or data_dir() / "quotes-pdnc")
    if args.limit:
        paragraphs = paragraphs[: args.limit]
    nlp = spacy.load(BASE_MODEL)
    began = time.perf_counter()
    result = evaluate(paragraphs, nlp, errors=args.errors, size=1 if args.alone else CHUNK_PARAGRAPHS)
    seconds = time.perf_counter() - began
    setting = "each paragraph alone" if args.alone else f"runs of up to {CHUNK_PARAGRAPHS} paragraphs"
    print(f"PDNC Anne of Green Gables ({setting}): {len(paragraphs)} paragraphs, {result['gold']} gold quotes, "
          f"{result['pred']} predicted speech quotes ({seconds:.0f}s)")
    print(f"quote spans (relaxed overlap): P={result['span_precision']:.3f} R={result['span_recall']:.3f} "
          f"F1={result['span_f1']:.3f}   target >= 0.97")
    print(f"  plain quote-mark regex:      P={result['regex_precision']:.3f} R={result['regex_recall']:.3f} "
          f"F1={result['regex_f1']:.3f}   (the baseline: {result['regex']} spans)")
    print(f"Anne's words (--child Anne):   P={result['child_precision']:.3f} R={result['child_recall']:.3f} "
          f"F1={result['child_f1']:.3f}   target >= 0.85")
    print("reproduce: python -m review.evaluate quotes" + (" --alone" if args.alone else "")
          + (f" --limit {args.limit}" if args.limit else ""))
    return 0

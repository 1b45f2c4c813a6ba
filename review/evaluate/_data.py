"""Readers for the labelled dev data in ``../shared/data/`` (training and evaluation only).

Each reader returns ``(text, label)`` pairs; the splits that evaluation holds back are made
here, by a fixed seed, so training and evaluation always agree on them.
"""

from __future__ import annotations

import csv
import os
import random
from pathlib import Path

SEED = 20240320
HELD_BACK_FRACTION = 0.2


def data_dir() -> Path:
    """``$REVIEW_DATA_DIR``, else ``shared/data`` beside the repository (``../shared/data``)."""
    env = os.environ.get("REVIEW_DATA_DIR")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    for candidate in (repo / "shared" / "data", repo.parent / "shared" / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no shared/data folder found; set REVIEW_DATA_DIR")


def newssd(split: str) -> list[tuple[str, int]]:
    """NewsSD-ENG `split` ("train" or "val"): (sentence, 1 for SUBJ else 0)."""
    with open(data_dir() / "subjectivity-newssd-eng" / f"{split}.csv", newline="", encoding="utf-8") as f:
        return [(row["Sentence"].strip(), int(row["Label"] == "SUBJ")) for row in csv.DictReader(f)]


def pang_lee() -> list[tuple[str, int]]:
    """Pang & Lee subjectivity v1.0: review snippets (1) and plot sentences (0)."""
    folder = data_dir() / "subjectivity-pang-lee"
    rows = []
    for name, label in (("quote.tok.gt9.5000", 1), ("plot.tok.gt9.5000", 0)):
        with open(folder / name, encoding="utf-8", errors="replace") as f:
            rows += [(line.strip(), label) for line in f if line.strip()]
    return rows


def _ptb_to_text(line: str) -> str:
    return (line.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")
            .replace("``", '"').replace("''", '"').strip())


def conll2010(corpus: str) -> list[tuple[str, int]]:
    """CoNLL-2010 Task 1 training sentences of `corpus` ("wikiweasel" or "bioscope"): 1 = uncertain."""
    folder = data_dir() / f"hedge-{corpus}"
    rows = []
    for kind, label in (("certain", 0), ("uncertain", 1)):
        with open(folder / f"train_{corpus}_{kind}_sentences.txt", encoding="utf-8") as f:
            rows += [(_ptb_to_text(line), label) for line in f if line.strip()]
    return rows


def held_back_split(rows: list, seed: int = SEED) -> tuple[list, list]:
    """(kept, held back): a fixed-seed shuffle; the held-back fifth is never used for tuning."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    cut = int(len(rows) * HELD_BACK_FRACTION)
    return [rows[i] for i in order[cut:]], [rows[i] for i in order[:cut]]

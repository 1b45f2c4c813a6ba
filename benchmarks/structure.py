"""Cost of reading a report's structure (review.core.blocks) against the base pipeline's parse.

    python benchmarks/structure.py      prints both times on the corpus reports joined to 5,000+ words
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from review.core.blocks import read_structure  # noqa: E402
from review.core.model import BASE_MODEL  # noqa: E402


def main() -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    while len(text.split()) < 5000:
        text += "\n\n" + text
    nlp = spacy.load(BASE_MODEL)
    nlp(text[:2000])  # warm up
    start = time.perf_counter()
    nlp(text)
    base = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(10):
        read_structure(text)
    structure = (time.perf_counter() - start) / 10
    print(f"{len(text.split()):,} words: base pipeline {base:.2f} s; read_structure {structure * 1000:.1f} ms "
          f"({100 * structure / base:.1f}% of the base pipeline)")


if __name__ == "__main__":
    main()

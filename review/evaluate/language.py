"""How well the language check tells English from other languages.

    python -m review.evaluate language

Prints, for English, the share of units flagged as not English (false alarms) among every
paragraph and every non-blank line of the sample reports in ``corpus/`` and the hard English
lines in ``tests/data/language_samples.yaml``; for other languages, the share named (and
named correctly) among that file's sentences. The check is the bundled one, thresholds as in
``rules/language.yaml``.
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from review.checks.language import LanguageCheck
from review.core.rules import load_rules
from review.core.text import paragraphs

ROOT = Path(__file__).resolve().parents[2]


def english_units() -> list[str]:
    units = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        units.extend(text[start:end] for start, end in paragraphs(text))
        units.extend(line for line in text.splitlines() if line.strip())
    return units


def main(argv: list[str] | None = None) -> int:
    samples = yaml.safe_load((ROOT / "tests" / "data" / "language_samples.yaml").read_text(encoding="utf-8"))
    check = LanguageCheck(load_rules().check("language"))
    started = time.perf_counter()
    english = english_units() + samples["english"]
    false_alarms = [(text, code) for text in english if (code := check.foreign_language(text))]
    foreign = samples["not_english"]
    named = [(item, check.foreign_language(item["text"])) for item in foreign]
    found = sum(code is not None for _, code in named)
    correct = sum(code == item["lang"] for item, code in named)
    elapsed = time.perf_counter() - started
    print("Language check (python -m review.evaluate language)")
    print(f"  English units flagged as not English: {len(false_alarms)} of {len(english)} "
          f"({len(false_alarms) / len(english):.1%})")
    for text, code in false_alarms:
        print(f"    {code}: {text[:70]!r}")
    print(f"  Other-language sentences named: {found} of {len(foreign)} ({found / len(foreign):.0%}); "
          f"with the right language: {correct} ({correct / len(foreign):.0%})")
    for item, code in named:
        if code != item["lang"]:
            print(f"    expected {item['lang']}, got {code}: {item['text'][:60]!r}")
    print(f"  {len(english) + len(foreign)} texts in {elapsed:.2f} s")
    return 0

"""Marked reports (the gold format of ``reports-dev``'s README): a report's date, children, document
child_voice verdict and its flag and ``no_flag`` lines, each located in the report's text. Read by the
report evaluation and by the training of the flag-confidence model."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from review.io.readers import read_path


@dataclass(frozen=True)
class GoldLine:
    """One marked text of a report: a flag (``expected``) or a ``no_flag`` near-miss."""

    check: str
    text: str
    start: int
    end: int
    expected: bool
    why: str = ""


@dataclass
class Gold:
    """A report's marking: its date, children, document-level child_voice verdict and lines."""

    report_date: str | None = None
    children: list[str] = field(default_factory=list)
    child_voice_flag: bool | None = None  # the document line's "expect" is "flag"
    lines: list[GoldLine] = field(default_factory=list)


def read_report(path: Path) -> str:
    """The report text exactly as ``review check FILE`` reads it: the file's bytes decoded as UTF-8
    (a byte-order mark dropped), line endings kept as they are, so B05's ``\\r\\n`` stay in the
    text and the review's offsets and the gold's ``str.find`` offsets are into the same string."""
    return read_path(path)


def load_gold(path: Path, text: str) -> Gold:
    """The marking in `path` (JSON lines), each text located in `text` by ``str.find``."""
    gold = Gold()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("document"):
            if "report_date" in item:
                gold.report_date = item["report_date"]
                gold.children = list(item.get("children") or [])
            elif item.get("check") == "child_voice":
                gold.child_voice_flag = item["expect"] == "flag"
            continue
        start = text.find(item["text"])
        if start < 0:
            raise ValueError(f"{path.name}:{number}: text not in the report: {item['text'][:60]!r}")
        gold.lines.append(GoldLine(item["check"], item["text"], start, start + len(item["text"]),
                                   item.get("expect", "flag") != "no_flag", item.get("why", "")))
    return gold


def overlapped_sentences(sentences: list[dict], start: int, end: int) -> set[int]:
    """Indices of the sentences that the text ``[start, end)`` overlaps."""
    return {i for i, s in enumerate(sentences) if s["start"] < end and start < s["end"]}

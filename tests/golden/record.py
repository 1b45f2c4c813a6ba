"""Fingerprints of the review's output on every sample report, to prove a refactor changes nothing.

    python tests/golden/record.py            writes tests/golden/outputs.json (the pinned fingerprints)
    python tests/golden/record.py --dump DIR also writes each output in full to DIR, to diff two runs

Covers corpus/ (as a user runs it), ../shared/data/reports-dev/ (with each gold report date, as
its scoring does, where that folder exists) and the sentences of tests/data/ (one document each).
Each item is the JSON document and the text rendering; the HTML of the corpus reports too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PINNED = Path(__file__).with_name("outputs.json")
FIXED_TODAY = "2024-06-01"  # for a report that states no date of its own (output must not follow the calendar)


def reports_dev_dir() -> Path | None:
    base = Path(os.environ.get("REVIEW_DATA_DIR", ROOT.parent / "shared" / "data"))
    folder = base / "reports-dev"
    return folder if folder.is_dir() else None


def data_sentences() -> list[str]:
    """Every string in the YAML tables of tests/data, in file order."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, str):
            if len(node.split()) >= 3:
                found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "tests" / "data").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def outputs() -> dict[str, str]:
    """Name -> output text, for every item covered."""
    import review
    from review.io.render import render_html
    from review.io.terminal import render_text

    def one(key: str, text: str, report_date, html: bool = False) -> None:
        doc = review.analyse(text, report_date=report_date, doc_id=key)
        if doc["summary"].get("report_date_source") == "today":
            doc = review.analyse(text, report_date=FIXED_TODAY, doc_id=key)
        out[key + ":json"] = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)
        out[key + ":text"] = render_text(doc, colour=False)
        if html:
            out[key + ":html"] = render_html([doc])

    out: dict[str, str] = {}
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        one(f"corpus/{path.name}", path.read_text(encoding="utf-8"), None, html=True)
    folder = reports_dev_dir()
    if folder:
        for path in sorted(folder.glob("*.txt")):
            gold = [json.loads(line) for line in path.with_suffix(".gold.jsonl").read_text(encoding="utf-8").splitlines()
                    if line.strip()]
            report_date = next((line["report_date"] for line in gold if line.get("report_date")), None)
            text = path.read_bytes().decode("utf-8")
            one(f"reports-dev/{path.name}", text, report_date)
    for n, sentence in enumerate(data_sentences()):
        one(f"tests-data/{n}", sentence, "2024-03-20")
    return out


def fingerprints(items: dict[str, str]) -> dict[str, str]:
    return {key: hashlib.sha256(value.encode("utf-8")).hexdigest()[:20] for key, value in sorted(items.items())}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="also write every output in full to this folder")
    args = parser.parse_args(argv)
    items = outputs()
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for key, value in items.items():
            (args.dump / key.replace("/", "__")).write_text(value, encoding="utf-8")
    PINNED.write_text(json.dumps(fingerprints(items), indent=1) + "\n", encoding="utf-8")
    print(f"{len(items)} outputs pinned in {PINNED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

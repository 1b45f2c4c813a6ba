"""Validate the sample corpus in corpus/: every report and its expected-findings file.

Pure file checks (no spaCy): each ``NN-agency-slug.txt`` has a ``.expected.yaml`` beside it,
the YAML follows the schema described in corpus/README.md, every ``sentence`` quoted in it
occurs exactly once in the report, and before/after pairs point at each other.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
REPORTS = sorted(CORPUS.glob("*.txt"))

NAME_PATTERN = re.compile(r"^\d{2}-[a-z]+(?:-[a-z]+)*$")
CHECKS = {"opinion", "date", "length", "child_voice", "historic"}
RULE_IDS = {
    "opinion.judgement", "opinion.hedge", "opinion.unattributed_quote",
    "date.undated_event", "date.imprecise",
    "length.sentence", "length.paragraph", "length.run_on", "length.jargon", "length.passive",
    "child_voice.no_quote", "child_voice.no_wishes", "child_voice.no_circumstances",
    "child_voice.too_young",
    "historic.no_relevance", "historic.stale",
}
DOCUMENT_RULES = {  # findings about the whole report: their sentence is null
    "child_voice.no_quote", "child_voice.no_wishes", "child_voice.too_young", "historic.stale",
}
AGENCIES = {
    "school", "health_visitor", "gp", "police", "social_worker", "nursery",
    "youth_service", "school_nurse",
}
CHECKLIST_KEYS = {
    "impact", "parents_working", "barriers", "other_investigations", "wishes_feelings",
    "child_words", "circumstances", "how_disclosed", "historic_explained",
}
REQUIRED_KEYS = {"title", "agency", "quality", "report_date", "children", "findings", "checklist"}
OPTIONAL_KEYS = {"pair"}
FINDING_KEYS = {"check", "rule", "sentence", "note"}
DATE_LINE = re.compile(r"^Date of report:\s*(.+?)\s*$", re.MULTILINE)
SENTENCE_BREAK = re.compile(r"[.!?][\"'’”)]?\s+[A-Z]")


def expected_path(report: Path) -> Path:
    return report.with_suffix(".expected.yaml")


def load_expected(report: Path) -> dict:
    return yaml.safe_load(expected_path(report).read_text(encoding="utf-8"))


def parse_stated_date(value: str) -> dt.date:
    for fmt in ("%d/%m/%Y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"unrecognised report date {value!r}")


def ids(paths):
    return [p.stem for p in paths]


def test_corpus_is_big_enough():
    assert len(REPORTS) >= 10
    expected = [load_expected(r) for r in REPORTS]
    qualities = {e["quality"] for e in expected}
    assert qualities == {"poor", "good"}
    assert sum(1 for e in expected if e.get("pair")) >= 6, "at least three before/after pairs"
    assert len({e["agency"] for e in expected}) >= 6
    assert any(
        f.get("rule") == "child_voice.too_young" for e in expected for f in e["findings"]
    ), "at least one report about a baby"


def test_every_yaml_has_a_report():
    for path in CORPUS.glob("*.expected.yaml"):
        assert path.name.removesuffix(".expected.yaml") + ".txt" in {r.name for r in REPORTS}


@pytest.mark.parametrize("report", REPORTS, ids=ids(REPORTS))
def test_report_text(report):
    assert NAME_PATTERN.match(report.stem), report.name
    raw = report.read_bytes()
    text = raw.decode("utf-8")
    assert "\r" not in text and "\t" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.splitlines()), "trailing whitespace"
    assert "\n\n\n" not in text, "paragraphs are separated by exactly one blank line"
    assert 300 <= len(text.split()) <= 1500


@pytest.mark.parametrize("report", REPORTS, ids=ids(REPORTS))
def test_expected_schema(report):
    assert expected_path(report).exists(), f"{report.name} has no .expected.yaml"
    text = report.read_text(encoding="utf-8")
    expected = load_expected(report)

    assert REQUIRED_KEYS <= expected.keys() <= REQUIRED_KEYS | OPTIONAL_KEYS
    assert isinstance(expected["title"], str) and expected["title"].strip()
    assert expected["agency"] in AGENCIES
    assert report.stem.split("-", 1)[1].startswith(expected["agency"].replace("_", "-") + "-")
    assert expected["quality"] in {"poor", "good"}

    report_date = expected["report_date"]
    assert isinstance(report_date, dt.date) and report_date.year in (2023, 2024)
    stated = DATE_LINE.findall(text)
    assert len(stated) == 1, "one 'Date of report:' line"
    assert parse_stated_date(stated[0]) == report_date

    children = expected["children"]
    assert children and all(isinstance(c, str) and c in text for c in children)

    checklist = expected["checklist"]
    assert set(checklist) == CHECKLIST_KEYS
    assert all(isinstance(v, bool) for v in checklist.values())


@pytest.mark.parametrize("report", REPORTS, ids=ids(REPORTS))
def test_expected_findings(report):
    text = report.read_text(encoding="utf-8")
    findings = load_expected(report)["findings"]
    assert isinstance(findings, list)
    seen = set()
    for finding in findings:
        assert set(finding) <= FINDING_KEYS and {"check", "sentence", "note"} <= set(finding)
        assert finding["check"] in CHECKS
        rule = finding.get("rule")
        if rule is not None:
            assert rule.split(".")[0] == finding["check"], rule
            assert rule in RULE_IDS, rule
        assert isinstance(finding["note"], str) and finding["note"].strip()

        sentence = finding["sentence"]
        if rule in DOCUMENT_RULES:
            assert sentence is None, f"{rule} is about the whole report"
        else:
            assert isinstance(sentence, str) and sentence.strip(), finding
            assert text.count(sentence) == 1, f"not exactly once: {sentence!r}"
            assert "\n" not in sentence and not SENTENCE_BREAK.search(sentence), (
                f"spans more than one sentence: {sentence!r}"
            )
        key = (rule or finding["check"], sentence)
        assert key not in seen, f"duplicate finding {key}"
        seen.add(key)


@pytest.mark.parametrize("report", REPORTS, ids=ids(REPORTS))
def test_checklist_agrees_with_findings(report):
    expected = load_expected(report)
    rules = {f.get("rule") for f in expected["findings"]}
    checklist = expected["checklist"]
    if "child_voice.too_young" in rules:
        assert not rules & {"child_voice.no_quote", "child_voice.no_wishes"}
        assert not checklist["child_words"]
    else:
        assert checklist["child_words"] == ("child_voice.no_quote" not in rules)
        assert checklist["wishes_feelings"] == ("child_voice.no_wishes" not in rules)
    if not checklist["child_words"]:
        assert not (checklist["circumstances"] or checklist["how_disclosed"])
    assert checklist["historic_explained"] == ("historic.no_relevance" not in rules)


@pytest.mark.parametrize("report", REPORTS, ids=ids(REPORTS))
def test_pairs_point_both_ways(report):
    expected = load_expected(report)
    pair = expected.get("pair")
    if pair is None:
        return
    other = CORPUS / f"{pair}.txt"
    assert other.exists(), f"{report.name}: pair {pair} has no report"
    other_expected = load_expected(other)
    assert other_expected.get("pair") == report.stem
    assert other_expected["agency"] == expected["agency"]
    assert other_expected["children"] == expected["children"]
    assert {expected["quality"], other_expected["quality"]} == {"poor", "good"}
    poor, good = sorted([expected, other_expected], key=lambda e: e["quality"] != "poor")
    assert len(good["findings"]) < len(poor["findings"])


def test_readme_lists_every_report():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for report in REPORTS:
        assert f"`{report.name}`" in readme, f"{report.name} missing from corpus/README.md"

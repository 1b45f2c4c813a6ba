"""The reports-dev scoring: TP/FP/FN, no_flag and document-level arithmetic on known findings."""

import json
from pathlib import Path

import pytest

from review.core.registry import SCORED
from review.evaluate import reports
from review.evaluate._data import data_dir

TEXT = "Mum is lazy. The house was cold on 3 May 2024. He said \"no\". Dad left. It was late."


def _sentences(text: str) -> list[dict]:
    """Sentences at each '. ' (the unit of scoring is whatever split the document gives)."""
    spans, start = [], 0
    for piece in text.split(". "):
        end = start + len(piece) + (0 if start + len(piece) >= len(text) else 1)
        spans.append({"start": start, "end": end, "text": text[start:end]})
        start = end + 1
    return spans


def _finding(check: str, sentence: int | None, severity: str = "warning") -> dict:
    return {"check": check, "rule": f"{check}.test", "severity": severity, "sentence": sentence,
            "start": 0, "end": 1}


def _write_gold(tmp_path: Path, lines: list[dict]) -> Path:
    path = tmp_path / "A01-test.gold.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def _gold(tmp_path: Path, lines: list[dict], text: str = TEXT) -> reports.Gold:
    return reports.load_gold(_write_gold(tmp_path, lines), text)


GOLD_LINES = [
    {"document": True, "check": "child_voice", "expect": "flag", "why": "no views"},
    {"document": True, "report_date": "2024-05-10", "children": ["Sam"]},
    {"text": "Mum is lazy.", "check": "opinion", "why": "label"},                     # caught
    {"text": "Dad left.", "check": "date", "why": "no date"},                          # missed
    {"text": "is lazy. The house", "check": "length", "why": "spans two sentences"},   # caught on the second
    {"text": "on 3 May 2024", "check": "date", "expect": "no_flag", "why": "dated"},   # violated
    {"text": "It was late.", "check": "opinion", "expect": "no_flag", "why": "fact"},  # kept
]


def test_gold_lines_are_located_and_document_lines_read(tmp_path):
    gold = _gold(tmp_path, GOLD_LINES)
    assert (gold.report_date, gold.children, gold.child_voice_flag) == ("2024-05-10", ["Sam"], True)
    assert [(line.check, TEXT[line.start:line.end], line.expected) for line in gold.lines][:2] == [
        ("opinion", "Mum is lazy.", True), ("date", "Dad left.", True)]
    assert [line.expected for line in gold.lines] == [True, True, True, False, False]


def test_a_gold_text_not_in_the_report_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="not in the report"):
        _gold(tmp_path, [{"text": "Nowhere.", "check": "date", "why": "x"}])


def test_true_false_positives_negatives_and_no_flag(tmp_path):
    document = {"sentences": _sentences(TEXT), "findings": [
        _finding("opinion", 0),                 # TP for "Mum is lazy."
        _finding("opinion", 0, "error"),        # the same unit: counted once
        _finding("length", 1),                  # TP: the length flag overlaps sentences 0 and 1
        _finding("date", 1),                    # FP, and violates the no_flag line
        _finding("opinion", 2),                 # FP
        _finding("opinion", 4, "info"),         # info: not counted, so "It was late." is kept
        _finding("checklist", 3),               # not a scored check
        _finding("child_voice", None),          # document level only
    ]}
    result = reports.score(document, _gold(tmp_path, GOLD_LINES), "A01-test")
    assert [(line.check, line.text) for line, _ in result.true_positives] == [
        ("opinion", "Mum is lazy."), ("length", "is lazy. The house")]
    assert [(line.check, line.text) for line in result.false_negatives] == [("date", "Dad left.")]
    assert [(check, index) for check, index, _ in result.false_positives] == [("date", 1), ("opinion", 2)]
    assert [(line.text, violated) for line, violated in result.no_flag] == [
        ("on 3 May 2024", True), ("It was late.", False)]
    assert (result.child_voice_expected, result.child_voice_flagged) == (True, True)

    table = reports.figures([result])
    assert table["checks"]["opinion"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0,
                                          "no_flag": 1, "no_flag_violated": 0, "no_flag_share_violated": 0.0}
    assert (table["checks"]["date"]["precision"], table["checks"]["date"]["recall"]) == (0.0, 0.0)
    assert table["checks"]["historic"]["precision"] is None
    assert {k: table["all"][k] for k in ("tp", "fp", "fn", "no_flag", "no_flag_violated")} == {
        "tp": 2, "fp": 2, "fn": 1, "no_flag": 2, "no_flag_violated": 1}
    assert table["all"]["precision"] == 0.5 and table["all"]["recall"] == 0.667
    assert table["document_child_voice"] == {"reports": 1, "right": 1, "expected_flag": 1,
                                             "flagged_when_expected": 1, "flagged_when_not_expected": 0,
                                             "wrong": []}


def test_a_sentence_finding_of_child_voice_is_not_a_document_flag(tmp_path):
    gold = _gold(tmp_path, [{"document": True, "check": "child_voice", "expect": "no_flag", "why": "views given"}])
    document = {"sentences": _sentences(TEXT), "findings": [_finding("child_voice", 2),
                                                           _finding("child_voice", None, "info")]}
    result = reports.score(document, gold, "B01-test")
    assert (result.series, result.child_voice_expected, result.child_voice_flagged) == ("B", False, False)
    assert [(check, index) for check, index, _ in result.false_positives] == [("child_voice", 2)]
    wrong = reports.figures([reports.ReportScore("B02-x", [], child_voice_expected=False, child_voice_flagged=True)])
    assert wrong["document_child_voice"]["right"] == 0 and wrong["document_child_voice"]["wrong"] == ["B02-x"]


def test_windows_line_endings_are_kept_so_offsets_match_the_review(tmp_path):
    path = tmp_path / "B05-test.txt"
    path.write_bytes("Name: Sam\r\n\r\nMum is lazy.\r\n".encode("utf-8"))
    text = reports.read_report(path)
    assert "\r\n" in text
    gold = _gold(tmp_path, [{"text": "Mum is lazy.", "check": "opinion", "why": "label"}], text)
    assert text[gold.lines[0].start:gold.lines[0].end] == "Mum is lazy."
    assert gold.lines[0].start == len("Name: Sam\r\n\r\n")


def test_the_command_reviews_a_folder(tmp_path, capsys, nlp):
    (tmp_path / "A01-test.txt").write_text("The mother was neglectful during the visit.\n", encoding="utf-8")
    _write_gold(tmp_path, [{"document": True, "report_date": "2024-03-20", "children": []},
                           {"text": "The mother was neglectful", "check": "opinion", "why": "label"}])
    assert reports.main([str(tmp_path), "--series", "A", "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert list(table) == ["A"]
    assert table["A"]["checks"]["opinion"]["tp"] == 1 and table["A"]["checks"]["opinion"]["fn"] == 0
    assert reports.main([str(tmp_path), "--check", "opinion"]) == 0
    out = capsys.readouterr().out
    assert "series A (1 reports)" in out and "series B" not in out
    assert "  TP  The mother was neglectful during the visit." in out


def _reports_dev() -> Path | None:
    try:
        folder = data_dir() / "reports-dev"
    except FileNotFoundError:
        return None
    return folder if folder.is_dir() else None


@pytest.mark.skipif(_reports_dev() is None, reason="../shared/data/reports-dev not present")
def test_the_command_prints_a_line_per_check_on_the_development_series(capsys, nlp):
    # The A-series only: the B-series is the test split, scored rarely and by hand.
    assert reports.main([str(_reports_dev()), "--series", "A"]) == 0
    out = capsys.readouterr().out
    assert "series A (10 reports)" in out and "series B" not in out
    for check in (*SCORED, "all"):
        assert sum(line.startswith(f"{check} | ") for line in out.splitlines()) == 1, check
    assert out.count("document child_voice: ") == 1

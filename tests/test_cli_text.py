"""`review check`'s text report: the sentence shown with its flagged words marked, wrapping to
the terminal's width, reading order with the notes on the whole report last, repeated findings
of a rule in one passage grouped, Word positions for a .docx, and the today notice."""

import json
import re

import pytest

from review.io.terminal import TODAY_NOTICE

REPORT = """Report on Mia (aged 7)

Concerns

The mother was neglectful during the visit. Dad was rude to the office staff. The home was described as "chaotic".

Plan

Mum appeared drunk when she came to collect Mia from school, and a referral was made to the MASH.
"""
LONG_SUGGESTION = ("A sentence with an unexplained abbreviation: the TAF was held at school, and the incomprehensible "
                   "multidisciplinary reconsiderations were inconclusive.\n")


HEAD = re.compile(r"  (?:line|lines|sentence|paragraph|table|warning|info|error)\b")


def heads(out: str) -> list[str]:
    """The first line of each entry: two spaces, then a position or a severity."""
    return [line for line in out.splitlines() if HEAD.match(line)]


def test_the_sentence_is_shown_with_the_flagged_words_marked(cli):
    status, out, _ = cli(["--report-date", "2024-03-20", "-"], "The mother was neglectful during the visit.\n")
    assert status == 1
    assert "The mother was «neglectful» during the visit." in out
    assert "\033[" not in out


def test_a_long_sentence_is_shortened_around_the_flagged_words(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    text = ("On 11 March 2024 at the school gate after the long meeting with the head teacher and two other "
            "members of staff, the mother was neglectful in how she spoke to Mia and to her younger brother Leo.\n")
    _, out, _ = cli(["--report-date", "2024-03-20", "-"], text)
    line = next(line for line in out.splitlines() if "«neglectful»" in line)
    assert line.strip().startswith("…") and line.strip().endswith("…")
    assert "school gate" not in line and "brother Leo" not in line


def test_text_wraps_to_the_terminal_width_without_breaking_a_word(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    status, out, _ = cli(["--report-date", "2024-03-20", "-"], LONG_SUGGESTION)
    assert status == 1
    assert max(len(line) for line in out.splitlines()) <= 50
    documents = json.loads(cli(["--format", "json", "--report-date", "2024-03-20", "-"], LONG_SUGGESTION)[1])
    words = set(out.split())
    for finding in documents[0]["findings"]:
        assert set(finding["suggestion"].split()) <= words, finding["rule"]  # every word whole, on one line


def test_a_wider_terminal_gives_longer_lines(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    _, wide, _ = cli(["--report-date", "2024-03-20", "-"], LONG_SUGGESTION)
    monkeypatch.setenv("COLUMNS", "60")
    _, narrow, _ = cli(["--report-date", "2024-03-20", "-"], LONG_SUGGESTION)
    assert 60 < max(len(line) for line in wide.splitlines()) <= 120
    assert len(wide.splitlines()) < len(narrow.splitlines())


def test_findings_in_reading_order_then_the_notes_on_the_whole_report(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    _, out, _ = cli(["--report-date", "2024-03-20", "-"], REPORT)
    lines = out.splitlines()
    notes = lines.index("  On the whole report:")
    line_numbers = [int(re.match(r"  lines? (\d+)", line)[1]) for line in heads(out) if line.startswith("  line")]
    assert line_numbers == sorted(line_numbers) and len(line_numbers) >= 2
    assert all(lines.index(head) < notes for head in heads(out) if head.startswith("  line"))
    assert any(re.match(r"  (?:info|warning)  (?:child_voice|checklist)\.", line) for line in lines[notes:])
    assert not any(line.startswith("  line") for line in lines[notes:])


def test_repeated_findings_of_a_rule_in_one_passage_are_one_entry(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    _, out, _ = cli(["--report-date", "2024-03-20", "-"], REPORT)
    _, raw, _ = cli(["--format", "json", "--report-date", "2024-03-20", "-"], REPORT)
    judgements = [f for f in json.loads(raw)[0]["findings"] if f["rule"] == "opinion.judgement"]
    assert len({f["sentence"] for f in judgements}) == 2  # JSON: one finding per sentence, as before
    assert len([line for line in out.splitlines() if "opinion.judgement" in line]) == 1
    assert "These 2 sentences state a judgement as fact" in out
    assert "· line 5  The mother was «neglectful» during the visit." in out
    assert "· line 5  Dad was «rude» to the office staff." in out
    assert out.count("Suggestion: Say what you saw or heard") == 1


def test_findings_in_different_paragraphs_are_not_grouped(cli):
    text = "The mother was neglectful during the visit.\n\nIn the afternoon Dad was rude to the office staff.\n"
    _, out, _ = cli(["--report-date", "2024-03-20", "-"], text)
    assert len([line for line in out.splitlines() if "opinion.judgement" in line]) == 2
    assert "These " not in out


@pytest.fixture
def word_report(tmp_path):
    """A .docx with a heading, paragraphs (one blank) and a table whose second row holds a judgement."""
    import docx

    document = docx.Document()
    document.add_heading("Report on Mia", 1)
    document.add_paragraph("Date of report: 20/03/2024")
    document.add_paragraph("")
    document.add_paragraph("I visited the home on 11/03/2024 and saw Mia in the kitchen with her mother.")
    table = document.add_table(rows=3, cols=2)
    for (row, column), text in {(0, 0): "Date", (0, 1): "Event", (1, 0): "12/03/2024",
                                (1, 1): "The mother was neglectful during the visit.",
                                (2, 0): "13/03/2024", (2, 1): "Mia was seen at school by her teacher."}.items():
        table.cell(row, column).text = text
    document.add_paragraph("On 14/03/2024 Dad was rude to the office staff.")
    path = tmp_path / "mia.docx"
    document.save(str(path))
    return path


def test_a_docx_finding_has_its_word_position_in_json_and_text(cli, word_report, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    _, raw, _ = cli(["--format", "json", str(word_report)])
    document = json.loads(raw)[0]
    located = {document["text"][f["start"]:f["end"]]: f.get("location") for f in document["findings"]}
    assert located["neglectful"] == "table 1, row 2, cell 2"
    assert located["rude"] == "paragraph 4"  # the heading is paragraph 1; the blank one is not counted
    assert all("location" not in f for f in document["findings"] if f["sentence"] is None)
    _, out, _ = cli([str(word_report)])
    assert "table 1, row 2, cell 2" in out and "paragraph 4" in out
    assert not re.search(r"\bline \d", out)


def test_text_files_have_no_location(cli, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    _, raw, _ = cli(["--format", "json", str(report)])
    assert all("location" not in f for f in json.loads(raw)[0]["findings"])


def test_the_header_says_when_the_report_date_is_today(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = cli(["-"], "The mother was neglectful during the visit.\n")
    assert TODAY_NOTICE in out and "(today)" in out
    _, given, _ = cli(["--report-date", "20/03/2024", "-"], "The mother was neglectful during the visit.\n")
    assert TODAY_NOTICE not in given and "report date 2024-03-20 (given)" in given


def test_the_header_names_an_email_sent_date(cli):
    text = "From: A Worker\nSent: Tuesday, 14 May 2024 09:12\nTo: Conference Team\n\nMia was seen at school.\n"
    _, out, _ = cli(["-"], text)
    assert "report date 2024-05-14 (the email's Sent: date)" in out and TODAY_NOTICE not in out


def test_documents_are_separated_by_a_blank_line(cli):
    _, out, _ = cli(["--lines", "--report-date", "2024-03-20", "-"], "The mother was neglectful.\nDad was rude.\n")
    assert "\n\n2: " in out

"""Reading .txt, .md and .docx reports: text exactly as analysed, offsets into it."""

from pathlib import Path

import docx
import pytest

import review
from review.core.errors import ReviewError
from review.io.readers import expand, read_path, read_sources


def make_docx(path):
    document = docx.Document()
    document.add_heading("Home visit 11/03/2024", level=2)
    document.add_paragraph("I visited at 10am. The mother was neglectful.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Attendance"
    table.cell(0, 1).text = "82% this term"
    table.cell(1, 0).text = "Lateness"
    table.cell(1, 1).text = "Late 9 times"
    document.add_paragraph("Mia said “I like my teacher”.")
    document.save(path)


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path):
    path = tmp_path / "report.docx"
    make_docx(path)
    text = read_path(path)
    order = ["Home visit 11/03/2024", "I visited at 10am", "Attendance", "82% this term", "Lateness",
             "Late 9 times", "Mia said"]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)


def test_docx_offsets_index_the_extracted_text(tmp_path):
    path = tmp_path / "report.docx"
    make_docx(path)
    text = read_path(path)
    document = review.analyse(text, report_date="2024-03-20")
    assert document["text"] == text
    for finding in document["findings"]:
        assert 0 <= finding["start"] <= finding["end"] <= len(text)
    for quote in document["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]


def test_utf8_bom_is_dropped_and_crlf_kept(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("\ufeffLine one.\r\nLine two.".encode("utf-8"))
    assert read_path(path) == "Line one.\r\nLine two."


def test_lines_skip_empty_lines_and_keep_numbers(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("first\n\nthird\r\nfourth\rfifth\r", encoding="utf-8")
    sources = read_sources(str(path), lines=True, max_chars=100)
    assert [(s.id, s.text) for s in sources] == [(1, "first"), (3, "third"), (4, "fourth"), (5, "fifth")]


def test_a_folder_stands_for_its_reports_without_word_lock_files(tmp_path):
    for name in ("b.txt", "a.docx", "~$a.docx", "notes.pdf", "c.md"):
        (tmp_path / name).write_bytes(b"x")
    assert [Path(p).name for p in expand([str(tmp_path)])] == ["a.docx", "b.txt", "c.md"]


def test_over_long_document_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 50, encoding="utf-8")
    with pytest.raises(ReviewError, match="over the limit of 100 characters"):
        read_sources(str(path), lines=False, max_chars=100)

"""Reading .txt, .md and .docx reports: text exactly as analysed, offsets into it."""

from pathlib import Path

import docx
import pytest

import review
from review.core.errors import ReviewError
from review.io.readers import decode, expand, read_file, read_path, read_sources

WESTERN = "Mia\u2019s mother said \u201cI paid \u00a320 for her shoes\u201d \u2013 caf\u00e9 at 10am.\r\n"


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


def test_docx_table_reads_as_one_block_a_line_per_row_cells_by_tabs(tmp_path):
    document = docx.Document()
    document.add_paragraph("Chronology of contacts")
    table = document.add_table(rows=3, cols=3)
    rows = [("Date", "Who", "What happened"), ("02/02/2024", "School nurse", "Weighed Kai in clinic."),
            ("", "Health visitor", "Home visit, no answer.")]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    table.cell(1, 2).add_paragraph("Letter sent to parents.")
    document.add_paragraph("Summary follows.")
    path = tmp_path / "chronology.docx"
    document.save(path)
    text = read_path(path)
    assert text == ("Chronology of contacts\n\n"
                    "Date\tWho\tWhat happened\n"
                    "02/02/2024\tSchool nurse\tWeighed Kai in clinic. Letter sent to parents.\n"
                    "Health visitor\tHome visit, no answer.\n\n"
                    "Summary follows.")


def test_docx_table_cells_keep_their_word_places(tmp_path):
    from review.io.readers import read_docx_located

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Date", (0, 1): "Event", (1, 0): "05/01/2024", (1, 1): "Kai was sent home."}.items():
        table.cell(r, c).text = text
    document.add_paragraph("After the table.")
    path = tmp_path / "places.docx"
    document.save(path)
    text, places = read_docx_located(path)
    where = dict((where, text[start:start + 4]) for start, where in places)
    assert where == {"table 1, row 1, cell 1": "Date", "table 1, row 1, cell 2": "Even",
                     "table 1, row 2, cell 1": "05/0", "table 1, row 2, cell 2": "Kai ",
                     "paragraph 1": "Afte"}


def test_docx_table_rows_are_rows_of_their_section_and_a_row_s_date_dates_its_event(tmp_path):
    document = docx.Document()
    document.add_paragraph("Date of report: 20/03/2024")
    document.add_paragraph("Health history")
    table = document.add_table(rows=3, cols=3)
    for r, cells in enumerate([("Date", "Child", "Contact"),
                               ("04/03/2024", "Ola", "Ola was taken to the walk-in centre by her aunt with a burn."),
                               ("11/03/2024", "Ola", "Ola missed her dental appointment.")]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "dated.docx"
    document.save(path)
    reviewed = review.analyse(read_path(path))
    rows = [block for block in reviewed["blocks"] if block["kind"] == "row"]
    assert len(rows) == 3 and {block["heading"] for block in rows} == {"Health history"}
    assert [block["kind"] for block in reviewed["blocks"]].count("heading") == 1  # no cell taken for a heading
    assert not [f for f in reviewed["findings"] if f["rule"] == "date.undated_event"]


def test_utf8_bom_is_dropped_and_crlf_kept(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("\ufeffLine one.\r\nLine two.".encode("utf-8"))
    assert read_path(path) == "Line one.\r\nLine two."


LATIN_1 = "Mia's mother said she was à la maison."
SHORT = "It cost £5."


@pytest.mark.parametrize("text, data, encoding", [
    (WESTERN, WESTERN.encode("cp1252"), "cp1252"),            # Word's "Save as text", Notepad's ANSI
    (LATIN_1, LATIN_1.encode("latin-1"), "cp1252"),
    (SHORT, SHORT.encode("cp1252"), "cp1252"),                # too short to tell: Western wins
    (WESTERN, WESTERN.encode("utf-16"), "utf-16"),            # with its byte-order mark
    (WESTERN, b"\xfe\xff" + WESTERN.encode("utf-16-be"), "utf-16"),
    (WESTERN, b"\xef\xbb\xbf" + WESTERN.encode("utf-8"), "utf-8-sig"),
    (WESTERN, WESTERN.encode("utf-8"), "utf-8"),
])
def test_common_encodings_are_decoded_and_named(tmp_path, text, data, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    assert read_file(path) == (text, encoding)


def test_non_western_single_byte_text_keeps_its_code_page(tmp_path):
    text = "Мама сказала, что Мия была дома весь день и никуда не ходила."
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("cp1251"))
    assert read_file(path) == (text, "cp1251")


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(128, 256)),
    b"Hello\x00\x00 there \xa3",
    b"\x81\x82",
    b"\xff\xfe\x00broken \x81",                               # a UTF-16 mark, then no UTF-16
])
def test_binary_is_a_one_line_error(tmp_path, data):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    with pytest.raises(ReviewError, match="report.txt: not text in a known encoding") as error:
        read_path(path)
    assert error.value.code == "E103" and "\n" not in str(error.value)


def test_page_uploads_are_decoded_the_same_way():
    assert decode(WESTERN.encode("cp1252"), "the uploaded file") == WESTERN
    with pytest.raises(ReviewError, match="the uploaded file: not text"):
        decode(b"\x00\x81\x82\xff" * 8, "the uploaded file")


def test_docx_has_no_text_encoding(tmp_path):
    path = tmp_path / "report.docx"
    make_docx(path)
    assert read_file(path)[1] is None


def test_lines_skip_empty_lines_and_keep_numbers(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("first\n\nthird\r\nfourth\rfifth\r", encoding="utf-8")
    sources = read_sources(str(path), lines=True, max_chars=100)
    assert [(s.id, s.text) for s in sources] == [(1, "first"), (3, "third"), (4, "fourth"), (5, "fifth")]


def test_a_folder_stands_for_its_reports_without_word_lock_files(tmp_path):
    for name in ("b.txt", "a.docx", "~$a.docx", "notes.pdf", "c.md"):
        (tmp_path / name).write_bytes(b"x")
    assert [Path(p).name for p in expand([str(tmp_path)])] == ["a.docx", "b.txt", "c.md"]


def test_a_folder_scan_skips_readme_license_and_changelog(tmp_path):
    for name in ("README.md", "readme.txt", "License.docx", "LICENSE.txt", "LICENCE.md", "CHANGELOG.md", "changelog.de.md",
                 "report.txt", "readme-notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert [Path(p).name for p in expand([str(tmp_path)])] == ["readme-notes.txt", "report.txt"]
    named = str(tmp_path / "README.md")
    assert expand([named]) == [named]  # a file named on the command line is still read


def test_over_long_document_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 50, encoding="utf-8")
    with pytest.raises(ReviewError, match="over the limit of 100 characters"):
        read_sources(str(path), lines=False, max_chars=100)

"""Word output both ways: the user's own .docx back with comments on the flagged words, a plain
document for text, one summary comment for the whole report, and `review check --format docx`."""

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import review
from review.io.export import Downloads
from review.io.readers import read_docx
from review.io.word import SUMMARY_TITLE, to_docx

HEADER = "Children's Services: confidential"
TABLE_SENTENCE = "Dad appeared drunk when he came to collect Mia."
REPORT = ("Date of report: 20/03/2024\nChild: Mia Carter (aged 7)\n\n"
          "Mum is a neglectful parent. A bruise was noticed on Mia's arm.\n\n\n"
          "In 2016 Dad was cautioned for criminal damage.")


def styled_docx(path: Path, header: str = HEADER) -> Path:
    """A practitioner's document: a page header, a Heading 1, a bold run around a flagged word,
    a table with a flagged sentence in a cell and a numbered list."""
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = header
    word.add_heading("Report on Mia", level=1)
    word.add_paragraph("Date of report: 20/03/2024")
    word.add_paragraph("Child: Mia Carter (aged 7)")
    paragraph = word.add_paragraph("Mum ")
    paragraph.add_run("is a neglectful parent").bold = True
    paragraph.add_run(" at home.")
    word.add_heading("Concerns", level=2)
    table = word.add_table(rows=2, cols=2, style="Table Grid")
    table.cell(0, 0).text, table.cell(0, 1).text = "Date", "Concern"
    table.cell(1, 0).text, table.cell(1, 1).text = "18/03/2024", TABLE_SENTENCE
    word.add_paragraph("Mum was uncooperative at the visit.", style="List Number")
    word.add_paragraph("In 2016 Dad was cautioned for criminal damage.", style="List Number")
    word.save(path)
    return path


def comments_by_anchor(data: bytes) -> list[tuple[str, str]]:
    """(the text each comment is anchored on, the comment's text), in the order the comments were made."""
    word = docx.Document(io.BytesIO(data))
    texts = {str(c.comment_id): c.text for c in word.comments}
    open_ranges: dict[str, list[str]] = {}
    anchored: dict[str, str] = {}
    for element in word.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ranges[element.get(qn("w:id"))] = []
        elif element.tag == qn("w:commentRangeEnd"):
            anchored[element.get(qn("w:id"))] = "".join(open_ranges.pop(element.get(qn("w:id"))))
        elif element.tag in (qn("w:t"), qn("w:tab"), qn("w:br")):
            shown = {qn("w:tab"): "\t", qn("w:br"): "\n"}.get(element.tag, element.text or "")
            for pieces in open_ranges.values():
                pieces.append(shown)
        elif element.tag == qn("w:p"):
            for pieces in open_ranges.values():
                if pieces:
                    pieces.append("\n")
    assert set(anchored) == set(texts)  # every comment is anchored in the body
    return [(anchored[i], texts[i]) for i in sorted(texts, key=int)]


def span_findings(document: dict) -> list[dict]:
    return [f for f in document["findings"] if f["end"] > f["start"]]


@pytest.fixture(scope="module")
def reviewed(nlp, tmp_path_factory):
    """The styled document, its review, and the Word output of the review."""
    source = styled_docx(tmp_path_factory.mktemp("word") / "mia.docx")
    document = review.analyse(read_docx(source), doc_id=str(source))
    output = to_docx(document, source.read_bytes())
    return source, document, output


def test_own_document_keeps_styles_headings_table_list_and_header(reviewed):
    source, _, output = reviewed
    before, after = docx.Document(str(source)), docx.Document(io.BytesIO(output))
    assert [(p.style.name, p.text) for p in after.paragraphs] == [(p.style.name, p.text) for p in before.paragraphs]
    assert [p.style.name for p in after.paragraphs][:1] == ["Heading 1"]
    assert [p.text for p in after.paragraphs if p.style.name == "List Number"] == [
        "Mum was uncooperative at the visit.", "In 2016 Dad was cautioned for criminal damage."]
    assert len(after.tables) == 1 and after.tables[0].style.name == "Table Grid"
    assert [[c.text for c in row.cells] for row in after.tables[0].rows] == [
        ["Date", "Concern"], ["18/03/2024", TABLE_SENTENCE]]
    assert after.sections[0].header.paragraphs[0].text == HEADER
    assert read_docx(source) == read_docx(_saved(source.with_name("out.docx"), output))


def _saved(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_comments_lie_on_exactly_the_flagged_words(reviewed):
    _, document, output = reviewed
    comments = comments_by_anchor(output)
    flagged = [document["text"][f["start"]:f["end"]] for f in span_findings(document)]
    assert "neglectful" in flagged and "appeared" in flagged  # in the bold run and in the table cell
    assert sorted(anchor for anchor, text in comments if not text.startswith(SUMMARY_TITLE)) == sorted(flagged)
    for finding in span_findings(document):
        assert any(finding["message"] in text and anchor == document["text"][finding["start"]:finding["end"]]
                   for anchor, text in comments)


def test_a_cut_run_keeps_its_formatting(reviewed):
    _, _, output = reviewed
    paragraph = next(p for p in docx.Document(io.BytesIO(output)).paragraphs if "neglectful" in p.text)
    texted = [(r.text, bool(r.bold)) for r in paragraph.runs if r.text]
    assert ("neglectful", True) in texted and "".join(t for t, _ in texted) == "Mum is a neglectful parent at home."
    assert all(bold for text, bold in texted if text.strip() in ("is a", "neglectful", "parent"))


def test_notes_on_the_whole_report_are_one_summary_comment_at_the_top(reviewed):
    _, document, output = reviewed
    summaries = [(anchor, text) for anchor, text in comments_by_anchor(output) if text.startswith(SUMMARY_TITLE)]
    assert len(summaries) == 1
    anchor, text = summaries[0]
    assert anchor == "Report on Mia"  # the first paragraph's first run
    notes = [f for f in document["findings"] if f["end"] == f["start"]]
    assert len(notes) > 2 and all(f["rule"] in text for f in notes)
    assert all(f["message"] in text for f in notes if f["rule"] != "checklist.child_words")  # said once, below
    assert text.count("The report does not record the child's wishes and feelings.") == 1
    assert "child_voice.no_wishes, checklist.wishes_feelings" in text
    assert "checklist.child_words" in text and "The report does not quote what the child said." not in text


def test_a_finding_in_the_page_header_is_in_the_summary_saying_where(nlp, tmp_path):
    source = styled_docx(tmp_path / "mia.docx", header="Mum is a neglectful parent.")
    document = review.analyse(read_docx(source))
    assert document["text"].index("neglectful") < document["text"].index("Report on Mia")
    summary = next(t for _, t in comments_by_anchor(to_docx(document, source.read_bytes()))
                   if t.startswith(SUMMARY_TITLE))
    assert "In the page header, on \u201cneglectful\u201d:" in summary


def test_plain_document_for_text_keeps_blank_lines_and_has_one_summary(nlp):
    document = review.analyse(REPORT, report_date="2024-03-20")
    output = to_docx(document)
    assert [p.text for p in docx.Document(io.BytesIO(output)).paragraphs] == REPORT.split("\n")
    comments = comments_by_anchor(output)
    summaries = [anchor for anchor, text in comments if text.startswith(SUMMARY_TITLE)]
    assert summaries == ["Date of report: 20/03/2024"]
    assert sorted(a for a, t in comments if not t.startswith(SUMMARY_TITLE)) == sorted(
        REPORT[f["start"]:f["end"]] for f in span_findings(document))


def test_other_text_than_the_original_gets_a_plain_document(reviewed):
    source, document, _ = reviewed
    redacted = Downloads(document, original=source.read_bytes(), redacted=True, persons=["Mia Carter"]).docx()
    word = docx.Document(io.BytesIO(redacted))
    assert "Heading 1" not in {p.style.name for p in word.paragraphs} and "Mia" not in "".join(
        p.text for p in word.paragraphs)
    own = Downloads(document, original=source.read_bytes()).docx()
    assert docx.Document(io.BytesIO(own)).paragraphs[0].style.name == "Heading 1"


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
def test_libreoffice_opens_the_output(reviewed, tmp_path):
    _, _, output = reviewed
    plain = to_docx(review.analyse(REPORT, report_date="2024-03-20"))
    for name, data in (("own.docx", output), ("plain.docx", plain)):
        (tmp_path / name).write_bytes(data)
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                    str(tmp_path / "own.docx"), str(tmp_path / "plain.docx")],
                   check=True, capture_output=True, timeout=180)
    for name in ("own.pdf", "plain.pdf"):
        assert (tmp_path / "pdf" / name).read_bytes().startswith(b"%PDF")


# --- review check --format docx --output PATH ------------------------------------------------------

def test_cli_writes_one_input_to_the_file_given(cli, reviewed, tmp_path):
    source, document, output = reviewed
    status, out, err = cli(["--format", "docx", "--output", str(tmp_path / "back.docx"), str(source)])
    assert (status, out, err) == (1, "", "")
    written = (tmp_path / "back.docx").read_bytes()
    assert [a for a, _ in comments_by_anchor(written)] == [a for a, _ in comments_by_anchor(output)]


def test_cli_writes_standard_input_to_the_file_given(cli, tmp_path):
    status, out, _ = cli(["--format", "docx", "--output", str(tmp_path / "pasted.docx")], stdin=REPORT)
    assert status == 1 and out == ""
    assert len(docx.Document(str(tmp_path / "pasted.docx")).paragraphs) == len(REPORT.split("\n"))


def test_cli_writes_several_inputs_to_a_folder_keeping_their_names(cli, reviewed, tmp_path):
    source, _, _ = reviewed
    reports = tmp_path / "reports"
    (reports / "visits").mkdir(parents=True)
    shutil.copy(source, reports / "mia.docx")
    (reports / "visits" / "leo.txt").write_text("Leo was seen at home on 18/03/2024.", encoding="utf-8")
    text = tmp_path / "kai.md"
    text.write_text("Mum is a neglectful parent.", encoding="utf-8")
    out_folder = tmp_path / "out" / "word"
    status, out, err = cli(["--format", "docx", "--output", str(out_folder), str(reports), str(text),
                            str(tmp_path / "missing.txt")])
    assert status == 2 and out == "" and err.count("\n") == 1 and "missing.txt" in err
    assert sorted(str(p.relative_to(out_folder)) for p in out_folder.rglob("*")) == [
        "kai.docx", "mia.docx", "visits", "visits/leo.docx"]
    assert docx.Document(str(out_folder / "mia.docx")).paragraphs[0].style.name == "Heading 1"
    assert not (out_folder / "missing.docx").exists()


@pytest.mark.parametrize("args, message", [
    (["--format", "docx"], "--format docx needs --output PATH"),
    (["--output", "x.docx"], "--output is only for --format docx"),
    (["--format", "docx", "--lines", "--output", "x.docx"], "cannot be used with --lines"),
])
def test_cli_usage_mistakes_are_one_line_and_exit_two(args, message, tmp_path):
    import sys

    result = subprocess.run([sys.executable, "-m", "review", "check", *args, "-"], input="Mum is kind.",
                            capture_output=True, text=True, cwd=tmp_path, timeout=120,
                            env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    assert result.returncode == 2 and result.stdout == "" and result.stderr.count("\n") == 1
    assert message in result.stderr and not list(tmp_path.iterdir())


def test_cli_refuses_to_write_over_its_input_or_one_file_twice(cli, reviewed, tmp_path):
    source, _, _ = reviewed
    copy = shutil.copy(source, tmp_path / "mia.docx")
    before = Path(copy).read_bytes()
    status, out, err = cli(["--format", "docx", "--output", str(tmp_path), str(copy)])
    assert status == 2 and "write over the input" in err and Path(copy).read_bytes() == before
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "mia.txt").write_text("Mum is kind.", encoding="utf-8")
    status, _, err = cli(["--format", "docx", "--output", str(tmp_path / "out"), str(copy),
                          str(tmp_path / "a" / "mia.txt")])
    assert status == 2 and "would both be written to" in err and not (tmp_path / "out").exists()


def test_cli_an_unreadable_single_input_writes_nothing(cli, tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    status, _, err = cli(["--format", "docx", "--output", str(tmp_path / "out.docx"), str(tmp_path / "broken.docx")])
    assert status == 2 and "not a readable .docx" in err and not (tmp_path / "out.docx").exists()


def test_cli_an_unwritable_output_is_one_line_and_exit_two(cli, tmp_path):
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    status, _, err = cli(["--format", "docx", "--output", str(tmp_path / "file" / "out.docx")],
                         stdin="Mum is a neglectful parent.")
    assert status == 2 and err.startswith("review: cannot write ") and err.count("\n") == 1


def _xml(fragment: str):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    return parse_xml(fragment.replace(">", f' {nsdecls("w")}>', 1))


def awkward_docx(path: Path) -> Path:
    """Runs that hold tabs, breaks and several texts, tracked changes, hidden text, a hyperlink,
    outer whitespace, and a comment the author made already."""
    word = docx.Document()
    paragraph = word.add_paragraph()
    paragraph._p.append(_xml('<w:r><w:t xml:space="preserve">  Mum said\tshe</w:t><w:br/>'
                             '<w:t xml:space="preserve">was tired. </w:t></w:r>'))
    paragraph._p.append(_xml('<w:ins w:id="1" w:author="DSL" w:date="2024-03-12T09:00:00Z"><w:r><w:rPr><w:i/>'
                             '</w:rPr><w:t xml:space="preserve">Very tired </w:t></w:r></w:ins>'))
    paragraph._p.append(_xml('<w:del w:id="2" w:author="DSL" w:date="2024-03-12T09:00:00Z"><w:r>'
                             '<w:delText xml:space="preserve">and cross </w:delText></w:r></w:del>'))
    paragraph._p.append(_xml("<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words</w:t></w:r>"))
    paragraph._p.append(_xml('<w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve">at school </w:t></w:r>'
                             '</w:hyperlink>'))
    paragraph.add_run("today.\t ")
    earlier = word.add_paragraph("An earlier comment stays.")
    word.add_comment(earlier.runs, text="Check this", author="Team manager", initials="TM")
    word.save(path)
    return path


def test_every_word_can_carry_its_own_comment_in_an_awkward_document(tmp_path):
    source = awkward_docx(tmp_path / "awkward.docx")
    text = read_docx(source)
    assert text == "Mum said\tshe\nwas tired. Very tired at school today.\n\nAn earlier comment stays."
    import re

    findings = [{"rule": "test.word", "check": "length", "severity": "info", "message": f"word {m.group()}",
                 "suggestion": "none", "match": m.group(), "start": m.start(), "end": m.end()}
                for m in re.finditer(r"[A-Za-z.]+(?: tired)?", text)]
    across = (text.index("said"), text.index("was") + 3)  # over a tab and a line break
    findings.append({**findings[0], "match": text[across[0]:across[1]], "start": across[0], "end": across[1]})
    output = to_docx({"text": text, "findings": findings}, source.read_bytes())
    comments = comments_by_anchor(output)
    assert comments[0] == ("An earlier comment stays.", "Check this")
    assert [anchor for anchor, _ in comments[1:]] == [f["match"] for f in findings]
    assert all(f"(Note, test.word): {f['message']}\n" in said for f, (_, said) in zip(findings, comments[1:]))
    assert read_docx(_saved(tmp_path / "out.docx", output)) == text
    italic = [r for r in docx.Document(io.BytesIO(output)).element.body.iter(qn("w:r"))
              if r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:i")) is not None]
    assert "".join(t.text for r in italic for t in r.iter(qn("w:t"))) == "Very tired "

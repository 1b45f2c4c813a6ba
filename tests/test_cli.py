"""The `review check` command: formats, --lines, exit statuses and bad input."""

import io
import json
import subprocess
import sys

import pytest

JUDGEMENT = "The mother was neglectful during the visit.\n"
CLEAN = "On 11 March 2024 at 10am I saw Mia in the school office with her class teacher.\n"


def test_lines_jsonl_one_document_per_non_empty_line(cli):
    status, out, _ = cli(["--lines", "--format", "jsonl", "--report-date", "2024-03-20", "-"],
                         JUDGEMENT + "\n" + CLEAN)
    documents = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in documents] == [1, 3]
    assert documents[0]["text"] == JUDGEMENT.strip()
    assert any(f["check"] == "opinion" for f in documents[0]["findings"])
    assert not [f for f in documents[1]["findings"] if f["check"] == "opinion"]
    assert status == 1


def test_json_is_one_array(cli, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(CLEAN, encoding="utf-8")
    status, out, _ = cli(["--format", "json", str(report)])
    documents = json.loads(out)
    assert isinstance(documents, list) and documents[0]["id"] == str(report)
    assert status in (0, 1)


def test_exit_status_zero_without_findings(cli):
    status, out, _ = cli(["--format", "jsonl", "-"], "   \n")
    assert status == 0 and json.loads(out)["findings"] == []


def test_text_format_names_rule_and_suggestion(cli):
    status, out, _ = cli(["--lines", "-"], JUDGEMENT)
    assert status == 1 and "opinion." in out and "Suggestion:" in out
    assert "\033[" not in out  # no colour when not on a terminal


def test_html_is_self_contained_and_escaped(cli):
    status, out, _ = cli(["--format", "html", "-"], "<script>alert(1)</script> The mother was neglectful.")
    assert out.startswith("<!doctype html>")
    assert "<script>alert(1)</script>" not in out and "&lt;script&gt;" in out
    assert "http://" not in out and "https://" not in out


@pytest.mark.parametrize("args, message", [
    (["missing.txt"], "missing.txt: no such file"),
    (["--report-date", "31/02/2024", "-"], "--report-date '31/02/2024'"),
    (["--report-date", "20240320", "-"], "--report-date '20240320'"),
    (["nosuch"], "nosuch: no such file or folder"),
])
def test_bad_input_is_one_line_and_exit_two(cli, args, message):
    status, out, err = cli(args, JUDGEMENT)
    assert status == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_unreadable_file_does_not_stop_the_others(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(JUDGEMENT, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken \x81")
    unknown = tmp_path / "notes.pdf"
    unknown.write_bytes(b"%PDF")
    status, out, err = cli(["--format", "jsonl", str(bad), str(good), str(unknown)])
    assert status == 2
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(good)]
    assert "bad.txt: not text in a known encoding" in err and "notes.pdf: unsupported file type" in err


def test_corrupt_docx_is_exit_two(cli, tmp_path):
    broken = tmp_path / "draft.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    status, out, err = cli([str(broken)])
    assert status == 2 and out == "" and "draft.docx: not a readable .docx file" in err


def test_installed_command_runs_without_traceback():
    result = subprocess.run([sys.executable, "-m", "review", "check", "--format", "nope"],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_summary_names_the_encoding_of_files_and_standard_input(cli, tmp_path, monkeypatch, capsys):
    western = tmp_path / "notepad.txt"
    western.write_bytes("Mia\u2019s mum said \u201cit cost \u00a320\u201d.\r\n".encode("cp1252"))
    marked = tmp_path / "word.txt"
    marked.write_bytes(CLEAN.encode("utf-16"))
    status, out, err = cli(["--format", "jsonl", str(western), str(marked)])
    documents = [json.loads(line) for line in out.splitlines()]
    assert err == "" and [d["summary"]["encoding"] for d in documents] == ["cp1252", "utf-16"]
    assert documents[0]["text"] == "Mia\u2019s mum said \u201cit cost \u00a320\u201d.\r\n"
    _, out, _ = cli(["--format", "jsonl", "--lines", "-"], JUDGEMENT + CLEAN)
    assert {json.loads(line)["summary"]["encoding"] for line in out.splitlines()} == {"utf-8"}


def test_api_text_has_no_encoding(nlp):
    import review

    assert "encoding" not in review.analyse(JUDGEMENT, report_date="2024-03-20")["summary"]


def test_binary_file_is_one_line_and_exit_two(cli, tmp_path):
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    status, out, err = cli([str(picture)])
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "E103" in err and "photo.txt: not text in a known encoding" in err


def test_child_given_a_file_warns_in_one_line(cli, tmp_path):
    report = tmp_path / "01-mia.txt"
    report.write_text(CLEAN, encoding="utf-8")
    status, out, err = cli(["--format", "jsonl", "--child", str(report)], CLEAN)
    assert err.count("\n") == 1 and f"--child {str(report)!r} is an existing file" in err
    assert json.loads(out)["children"] == [str(report)]  # still taken as the name, as asked
    _, _, err = cli(["--format", "jsonl", "--child", "Mia"], CLEAN)
    assert err == ""


class _Terminal(io.TextIOWrapper):
    def isatty(self):
        return True


def test_hint_before_waiting_on_a_terminal(cli, monkeypatch, capsys):
    from review.cli import main

    monkeypatch.setattr(sys, "stdin", _Terminal(io.BytesIO(CLEAN.encode("utf-8")), encoding="utf-8"))
    status = main(["check", "--format", "jsonl"])
    _, err = capsys.readouterr()
    assert status in (0, 1) and err.count("\n") == 1 and "reading a report from standard input" in err
    monkeypatch.setattr(sys, "stdin", _Terminal(io.BytesIO(CLEAN.encode("utf-8")), encoding="utf-8"))
    main(["check", "--format", "jsonl", "-"])  # asked for standard input: no hint
    assert capsys.readouterr().err == ""

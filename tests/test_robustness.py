"""Hard input: whatever a practitioner pastes or saves is reviewed, or refused in one clear line.

Property tests (hypothesis) over arbitrary text, then the odd inputs of issue 9 one by one.
"""

import io
import json
import subprocess
import sys
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import review
from review.batch import text_chunks
from review.cli import main
from review.core.errors import ReviewError
from review.io import readers

REPORT_DATE = "2024-03-20"

# Pieces of report-like text, so that generated text sets the checks off, with the awkward
# characters practitioners' text arrives with: every kind of line end, control characters,
# emoji, right-to-left text and bidi controls, quotes of every kind.
FRAGMENTS = [
    "The mother was neglectful", "Mia said", " “I'm scared of Dad”", ' "no!"', " ‘home’", "«non»",
    " on 12 March 2024", " last Tuesday", " at 10am", " in 2015", " 30.05.17", " appears", " may have",
    " she was hungry", " I visited", " the house was dirty", ".", "?", "!", ",", ";", " ", "  ", "\t",
    "\n", "\n\n", "\r\n", "\r", "\r\r", "\x00", "\x07", "\x0b", "\x0c", "\x1b[31m", "\u200b", "\u00ad",
    "\u200f", "\u202e", "\ufeff", "😢", "👨‍👩‍👧", "🏳️‍🌈", "مرحبا يا ليلى", "שלום", "Zoë", "café",
    "Ｍｉａ", "ﬁne", "e\u0301", "𝓜𝓲𝓪", "La mère a dit que l'enfant était malade depuis trois jours",
    "Date of report: 20/03/2024\n", "- ", "* ", "1. ", "#", "|", "(", ")", "[", "]", "''", "“", "”",
]
report_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


def assert_valid_document(document: dict, text: str) -> None:
    """The SPEC document object: valid JSON, and every offset inside the text and matching it."""
    assert json.loads(json.dumps(document, allow_nan=False)) == document
    assert document["text"] == text
    size = len(text)
    for key in ("sentences", "dates", "quotes"):
        for item in document[key]:
            assert 0 <= item["start"] <= item["end"] <= size, (key, item)
            assert text[item["start"]:item["end"]] == item["text"], (key, item)
    for finding in document["findings"]:
        assert 0 <= finding["start"] <= finding["end"] <= size, finding
        if finding.get("match"):
            assert text[finding["start"]:finding["end"]] == finding["match"], finding
        if finding["sentence"] is not None:
            assert 0 <= finding["sentence"] < len(document["sentences"]), finding
    for sentence in document["sentences"]:
        assert sentence["text"] and sentence["text"] == sentence["text"].strip()


PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_valid_stable_review(text: str) -> None:
    """Reviewing `text` gives a valid SPEC document, and the same document the second time."""
    first = review.analyse(text, report_date=REPORT_DATE)
    assert_valid_document(first, text)
    assert review.analyse(text, report_date=REPORT_DATE) == first


@PROPERTY_SETTINGS
@given(text=report_like)
def test_robustness_report_like_text_gives_a_valid_stable_document(nlp, text):
    assert_valid_stable_review(text)


@PROPERTY_SETTINGS
@given(text=any_text)
def test_robustness_arbitrary_text_gives_a_valid_stable_document(nlp, text):
    assert_valid_stable_review(text)


# ----------------------------------------------------------------------------- odd text


def cli(args, stdin: bytes, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    status = main(["check", "--format", "jsonl", "--report-date", REPORT_DATE, *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\t \r\n \r", "\ufeff", "\ufeff\r\n"])
def test_robustness_empty_and_blank_input_is_reviewed_clean(nlp, monkeypatch, capsys, text):
    status, out, err = cli(["-"], text.encode("utf-8"), monkeypatch, capsys)
    document = json.loads(out)
    assert status == 0 and err == "" and document["findings"] == [] and document["sentences"] == []


ODD_TEXTS = {
    "crlf": "I visited Mia on 11 March 2024.\r\nThe mother was neglectful.\r\n\r\nMia said “I'm hungry”.\r\n",
    "old_mac_cr": "I visited Mia on 11 March 2024.\rThe mother was neglectful.\r\rMia said “I'm hungry”.\r",
    "control_characters": "The mother\x00 was\x07 neglectful\x0b during\x0c the visit.\x1b[0m Mia said \x08“no”.",
    "emoji": "Mia drew a 😢 face and said “Daddy 👊 Mummy” 👨‍👩‍👧. The mother was neglectful 🙄.",
    "right_to_left": "Mia's mother said \u202eلقد كان متعبا\u202c in Arabic. The house appears dirty. שלום",
    "combining_and_wide": "Zoe\u0301 said “I'm ｆｉｎｅ” but the mother was neglectful. 𝓜𝓲𝓪 was there.",
    "long_line": ("the mother said mia was hungry and tired at school and " * 400)[:20_000],
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_robustness_odd_text_is_reviewed(nlp, monkeypatch, capsys, name):
    text = ODD_TEXTS[name]
    status, out, err = cli(["-"], text.encode("utf-8"), monkeypatch, capsys)
    assert status in (0, 1) and err == ""
    assert_valid_document(json.loads(out), text)


def test_robustness_line_ends_start_new_sentences(review_text):
    lines = ["Home visit", "Present: Mia and her mother", "Mia was quiet and tired"]
    for newline in ("\n", "\r\n", "\r"):
        text = newline.join(lines)
        starts = {s["start"] for s in review_text(text)["sentences"]}
        assert {text.index(line) for line in lines} <= starts, repr(newline)


def test_robustness_text_without_punctuation_is_reviewed(review_text):
    text = " ".join(["the mother said mia was hungry and tired at school on monday"] * 500)  # 6,000 words
    document = review_text(text)
    assert_valid_document(document, text)
    assert document["summary"]["words"] == 6_000


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(["word", " ", ". ", "?” ", "\n", "\n\n", "\r\n", "x" * 30, "é😢"]),
                     max_size=300).map("".join),
       size=st.integers(min_value=2, max_value=120))
def test_robustness_long_text_pieces_join_back_exactly(text, size):
    pieces = text_chunks(text, size)
    assert "".join(pieces) == text and all(len(piece) <= size for piece in pieces)


def test_robustness_a_piece_of_one_long_line_ends_at_a_sentence_end():
    text = " ".join(["Mia came to school late today, and she said she was tired. Dad was not there."] * 40)
    pieces = text_chunks(text, 1_000)
    assert len(pieces) > 1 and "".join(pieces) == text
    assert all(piece.rstrip().endswith(".") for piece in pieces)


def test_robustness_long_report_is_parsed_in_pieces_and_reviewed_whole(review_text):
    paragraph = ("On 11 March 2024 I visited the home. The mother was neglectful and the house appears dirty. "
                 "Mia said “I'm hungry” when I asked her about breakfast.\r\n")
    text = "\n".join([paragraph] * 250) + "In 2015 the family was known to services"  # ~40,000 characters
    assert len(text_chunks(text)) > 1
    document = review_text(text)
    assert_valid_document(document, text)
    assert len(document["sentences"]) == 250 * 3 + 1
    rules = [f["rule"] for f in document["findings"]]
    assert rules.count("opinion.judgement") >= 250


@pytest.mark.slow
def test_robustness_one_megabyte_without_punctuation_is_reviewed(review_text, request):
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("minutes on a 2-core machine: opt in with -m slow")
    text = ("the mother said mia was hungry and tired at school on monday " * 20_000)[:1_000_000]
    assert_valid_document(review_text(text), text)


def test_robustness_binary_input_is_one_line_naming_the_file(nlp, monkeypatch, capsys, tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    status, out, err = cli([str(path)], b"", monkeypatch, capsys)
    assert status == 2 and out == "" and err.count("\n") == 1 and "picture.txt: not text in a known encoding" in err
    status, out, err = cli(["-"], b"I saw Mia \x00\x00\x81 today.", monkeypatch, capsys)
    assert status == 2 and out == "" and "standard input: not text in a known encoding" in err


def test_robustness_over_the_size_limit_is_a_clear_message(nlp, monkeypatch, capsys):
    status, out, err = cli(["--max-chars", "1000", "-"], b"word " * 1000, monkeypatch, capsys)
    assert status == 2 and out == "" and "over the limit of 1,000 characters" in err


def test_robustness_bad_input_never_shows_a_traceback(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (tmp_path / "bad.txt").write_bytes(b"\x81\x82")
    # one line per unreadable file; one line for the first bad option
    for args, lines in ((["broken.docx", "bad.txt"], 2), (["--jobs", "-3", "--rules", "missing", "bad.txt"], 1)):
        result = subprocess.run([sys.executable, "-m", "review", "check", *args], cwd=tmp_path,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 2 and result.stdout == "", args
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == lines, args


# ----------------------------------------------------------------------------- Word files


def test_robustness_password_protected_docx_is_named(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(readers.OLE2_SIGNATURE + b"\x00" * 504)  # what Word writes for an encrypted file
    with pytest.raises(ReviewError, match="locked.docx: not a readable .docx file .*password-protected"):
        readers.read_path(path)


def test_robustness_zip_bomb_is_refused_before_unpacking(tmp_path, monkeypatch):
    path = tmp_path / "bomb.docx"
    document = docx.Document()
    document.add_paragraph("Short visible text.")
    document.save(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\x00" * 3_000_000)  # compresses to a few KB
    monkeypatch.setattr(readers, "MAX_DOCX_UNCOMPRESSED", 2_000_000)
    with pytest.raises(ReviewError, match="bomb.docx: .*would unpack to [0-9,]+ bytes, over the limit of 2,000,000"):
        readers.read_path(path)
    monkeypatch.setattr(readers, "MAX_DOCX_UNCOMPRESSED", 200_000_000)
    monkeypatch.setattr(readers, "MAX_DOCX_XML", 1_000)
    with pytest.raises(ReviewError, match="over the limit of 1,000"):
        readers.read_path(path)


def _add_footnotes(document, notes: list[str]) -> None:
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote>'
                   for i, note in enumerate(notes, start=1))
    root = parse_xml(f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
                     f'<w:separator/></w:r></w:p></w:footnote>{body}</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                etree.tostring(root), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _xml(fragment: str):
    """An element from WordprocessingML text, the w: namespace declared on its first tag."""
    return parse_xml(fragment.replace(">", f' {nsdecls("w")}>', 1))


def make_full_docx(path) -> None:
    """A report with a page header and footer, a table, a footnote, tracked changes and hidden text."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Kingsway School: safeguarding referral"
    document.sections[0].footer.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    document.add_paragraph("I spoke to Mia on 11 March 2024.")
    paragraph = document.add_paragraph("Mia said she was ")
    paragraph._p.append(_xml('<w:ins w:id="1" w:author="DSL" w:date="2024-03-12T09:00:00Z"><w:r>'
                             '<w:t xml:space="preserve">hungry and </w:t></w:r></w:ins>'))
    paragraph._p.append(_xml('<w:del w:id="2" w:author="DSL" w:date="2024-03-12T09:00:00Z"><w:r>'
                             '<w:delText xml:space="preserve">very naughty and </w:delText></w:r></w:del>'))
    paragraph.add_run("tired.")
    paragraph._p.append(_xml('<w:r><w:footnoteReference w:id="1"/></w:r>'))
    paragraph._p.append(_xml("<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden comment</w:t></w:r>"))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Attendance"
    table.cell(0, 1).text = "82% this term"
    _add_footnotes(document, ["Said to her class teacher, Ms Jones, in the library."])
    document.save(path)


def test_robustness_docx_visible_text_in_reading_order(tmp_path):
    path = tmp_path / "full.docx"
    make_full_docx(path)
    text = readers.read_path(path)
    order = ["Kingsway School: safeguarding referral", "I spoke to Mia on 11 March 2024.",
             "Mia said she was hungry and tired.", "Attendance", "82% this term",
             "Said to her class teacher, Ms Jones, in the library.", "OFFICIAL-SENSITIVE"]
    assert [text.index(piece) for piece in order] == sorted(text.index(piece) for piece in order)
    assert "naughty" not in text and "hidden comment" not in text  # deletions and hidden text out
    document = review.analyse(text, report_date=REPORT_DATE)
    assert_valid_document(document, text)

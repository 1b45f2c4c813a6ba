"""Word output of a reviewed report: every finding a comment on its own words, in the user's own
.docx when the report came from one (styles, tables, lists and headers untouched), else in a plain
document of the text; the notes on the whole report in one summary comment at the top."""

from __future__ import annotations

import bisect
import copy
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from review.io import docx_text
from review.io.notes import distinct_notes
from review.io.render import SEVERITY_LABELS, check_label

COMMENT_AUTHOR = "Safeguarding review"
COMMENT_INITIALS = "SR"
SUMMARY_TITLE = "Review notes on the whole report"
# Where a finding on words Word cannot hold a comment on (outside the body) is said to be.
STORY_NAMES = {"header": "the page header", "footer": "the page footer", "footnote": "a footnote",
               "endnote": "an endnote"}
# Characters XML 1.0 cannot hold (control characters other than tab and new line), as in
# text pasted from a PDF: Word gets a space instead, one for one, so runs keep their length.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def xml_safe(text: str) -> str:
    return _NOT_XML.sub(" ", text)


def comment_text(finding: dict, rules: Iterable[str] = ()) -> str:
    """What a Word comment says about one finding (`rules`: the rule names to show, default its own)."""
    rule_names = ", ".join(rules) or finding["rule"]
    lines = [f"{check_label(finding['check'])} ({SEVERITY_LABELS.get(finding['severity'], finding['severity'])}, "
             f"{rule_names}): {finding['message']}",
             f"Suggestion: {finding['suggestion']}"]
    if finding.get("rationale"):
        lines.append(f"Policy: {finding['rationale']}")
    if finding.get("dismissed"):
        reason = finding["dismissed"].get("reason") or "no reason given"
        lines.append(f"Dismissed by the reviewer: {reason}")
    return "\n".join(lines)


@dataclass
class Piece:
    """One element of visible text (``w:t``, ``w:tab``, …) and where it lies in the review's text.

    `origin` is the review-text offset of the element's first character and `length` its length;
    `start` and `end` bound what of it is in the text (a paragraph's outer whitespace is not: there
    `start` >= `end`, and `origin` may overlap the text of the paragraph before);
    `block` is its paragraph's (start, end), `kind` its story ("body", "header", …), `run` its ``w:r``.
    """

    origin: int
    length: int
    start: int
    end: int
    block: tuple[int, int]
    element: object
    run: object
    kind: str


def paragraph_pieces(paragraph, origin: int, block: tuple[int, int], kind: str) -> list[Piece]:
    """The pieces of one ``w:p`` whose text begins at review-text offset `origin` and whose text
    without its outer whitespace is `block`."""
    pieces = []
    for text, element, run in docx_text.paragraph_pieces(paragraph):
        start, end = max(origin, block[0]), min(origin + len(text), block[1])
        pieces.append(Piece(origin, len(text), start, end, block, element, run, kind))
        origin += len(text)
    return pieces


def document_pieces(word) -> tuple[str, list[Piece]]:
    """The text `review.io.readers.read_docx` reads from `word` (a python-docx Document), and its pieces."""
    laid = docx_text.laid_out(word)
    text, starts = docx_text.text_and_starts(laid)
    pieces: list[Piece] = []
    for start, item in zip(starts, laid):
        block = (start, start + len(item.text))
        pieces.extend(paragraph_pieces(item.paragraph, start - item.lead, block, item.kind))
    return text, pieces


def plain_document(text: str):
    """A new Word document of `text`, one paragraph per line (blank lines kept), and its pieces."""
    import docx  # python-docx: imported here so the CLI does not pay for it

    word = docx.Document()
    word.core_properties.title = "Report with review comments"
    word.core_properties.author = COMMENT_AUTHOR
    pieces: list[Piece] = []
    position = 0
    for line in text.split("\n"):
        shown = line[:-1] if line.endswith("\r") else line
        paragraph = word.add_paragraph()
        if shown:
            paragraph.add_run(xml_safe(shown))
        pieces.extend(paragraph_pieces(paragraph._p, position, (position, position + len(shown)), "body"))
        position += len(line) + 1
    return word, pieces


# --- cutting runs at the findings' boundaries ----------------------------------------------------

def _is_text(element) -> bool:
    return element.tag == docx_text.W_T


def _split_text(piece: Piece, cut: int) -> Piece:
    """Cut the ``w:t`` of `piece` in two at review-text offset `cut`; returns the piece of the right part."""
    left = piece.element
    right = copy.deepcopy(left)
    k = cut - piece.origin
    text = left.text or ""
    left.text, right.text = text[:k], text[k:]
    left.set(_XML_SPACE, "preserve")
    right.set(_XML_SPACE, "preserve")
    left.addnext(right)
    right_piece = Piece(cut, piece.length - k, max(piece.start, cut), piece.end, piece.block, right, piece.run,
                        piece.kind)
    piece.length, piece.end = k, min(piece.end, cut)
    return right_piece


def _split_run_before(run, element):
    """Move `element` and what follows it in `run` into a new run just after it with the same
    formatting (a copy of its ``w:rPr``); returns the new run, or None where that cannot be done."""
    content = [child for child in run if child.tag != docx_text.W_RPR]
    if element.getparent() is not run or content.index(element) == 0:
        return None
    new_run = copy.deepcopy(run)
    for child in list(new_run):
        if child.tag != docx_text.W_RPR:
            new_run.remove(child)
    for child in content[content.index(element):]:
        new_run.append(child)  # lxml moves it
    run.addnext(new_run)
    return new_run


def _cut_run(run_pieces: list[Piece], cut: int) -> None:
    """Cut the run of `run_pieces` at `cut`, which falls inside it; the pieces follow their elements."""
    for i, piece in enumerate(run_pieces):
        if piece.origin < cut < piece.origin + piece.length and _is_text(piece.element):
            run_pieces.insert(i + 1, _split_text(piece, cut))
            break
    right = next((p for p in run_pieces if p.origin == cut), None)
    if right is None:
        return
    old_run = right.run
    new_run = _split_run_before(old_run, right.element)
    if new_run is not None:
        for piece in run_pieces:
            if piece.origin >= cut and piece.run is old_run:
                piece.run = new_run


def split_runs(pieces: list[Piece], cuts: Iterable[int]) -> list[Piece]:
    """The pieces again, after cutting their runs (and ``w:t``) at every offset in `cuts` that falls
    inside one, so that a comment can start and end exactly there; each part keeps the formatting."""
    cuts = sorted(set(cuts))
    result: list[Piece] = []
    for run_pieces in _by_run(pieces):
        first, last = run_pieces[0], run_pieces[-1]
        if first.run is not None:  # a cut strictly inside the run's text, and not outside its paragraph
            low = bisect.bisect_left(cuts, max(first.origin + 1, first.block[0]))
            high = bisect.bisect_right(cuts, min(last.origin + last.length - 1, last.block[1]))
            for cut in cuts[low:high]:
                _cut_run(run_pieces, cut)
        result.extend(p for p in run_pieces if p.start < p.end)
    return result


def _by_run(pieces: list[Piece]) -> list[list[Piece]]:
    """Consecutive pieces grouped by the run that holds them."""
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups and piece.run is not None and groups[-1][0].run is piece.run:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


# --- comments -------------------------------------------------------------------------------------

def _covered(body: list[Piece], ends: list[int], finding: dict) -> list[Piece]:
    """The body pieces a finding's words lie in (none for a finding on the whole report)."""
    if finding["end"] <= finding["start"]:
        return []
    covered = []
    for piece in body[bisect.bisect_right(ends, finding["start"]):]:
        if piece.start >= finding["end"]:
            break
        covered.append(piece)
    return covered


def summary_text(notes: list[dict], where: dict[int, str]) -> str:
    """The summary comment: each note once; one on words outside the body says where they are."""
    distinct = distinct_notes(notes)
    lines = [f"{SUMMARY_TITLE} ({len(distinct)}):"]
    for note, rules in distinct:
        lines.append("")
        if id(note) in where:
            lines.append(f"In {STORY_NAMES.get(where[id(note)], where[id(note)])}, on \u201c{note['match']}\u201d:")
        lines.append(comment_text(note, rules))
    return "\n".join(lines)


def _top_run(word):
    """A run at the top of the body for the summary: a new empty one in its first paragraph."""
    from docx.oxml import OxmlElement

    body = word.element.body
    paragraph = next(body.iter(docx_text.W_P), None)
    if paragraph is None:
        paragraph = OxmlElement("w:p")
        body.insert(0, paragraph)
    run = OxmlElement("w:r")
    paragraph.append(run)
    return run


def add_comments(word, pieces: list[Piece], findings: list[dict]) -> None:
    """Each finding a comment on exactly its words in the body; the notes on the whole report, and
    findings on words outside the body (Word holds no comments there), in one comment at the top."""
    from docx.text.run import Run

    def comment(first, last, text: str) -> None:
        word.add_comment([Run(first, None), Run(last, None)], text=xml_safe(text), author=COMMENT_AUTHOR,
                         initials=COMMENT_INITIALS)

    cuts = {bound for f in findings if f["end"] > f["start"] for bound in (f["start"], f["end"])}
    body = split_runs([p for p in pieces if p.kind == "body"], cuts)
    body = [p for p in body if p.run is not None]
    ends = [p.end for p in body]
    notes, where = [], {}
    for finding in findings:
        covered = _covered(body, ends, finding)
        if covered:
            comment(covered[0].run, covered[-1].run, comment_text(finding))
            continue
        notes.append(finding)
        story = next((p.kind for p in pieces if p.start < p.end and p.start < finding["end"]
                      and finding["start"] < p.end), None)
        if story not in (None, "body"):
            where[id(finding)] = story
    if notes:
        top = body[0].run if body else _top_run(word)
        comment(top, top, summary_text(notes, where))


def to_docx(document: dict, original: bytes | None = None) -> bytes:
    """The reviewed report as .docx with every finding a comment on its words.

    With `original` (the .docx the report was read from) it is that document with comments added,
    nothing else changed; without it, or where its text is not the text reviewed (a redacted copy,
    a file changed since), a plain document of the text.
    """
    import docx  # python-docx: imported here so the CLI does not pay for it

    word = pieces = None
    if original is not None:
        word = docx.Document(io.BytesIO(original))
        text, pieces = document_pieces(word)
        if text != document["text"]:
            word = None
    if word is None:
        word, pieces = plain_document(document["text"])
    add_comments(word, pieces, document["findings"])
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()

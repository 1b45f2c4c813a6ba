"""The visible text of a Word document, in reading order, from its WordprocessingML.

python-docx opens the package and finds the parts; the text is read from the XML here because
``Paragraph.text`` drops tracked insertions (``w:ins``) and content controls (``w:sdt``).
Tracked changes are read as if accepted: inserted and moved-to text in, deleted and moved-from
text out. Hidden text (``w:vanish``), field codes and the fallback copies of drawings are left out.
"""

from __future__ import annotations

from typing import NamedTuple

from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_T, W_TAB, W_BR, W_CR, W_HYPHEN = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
W_R, W_RPR, W_VANISH = qn("w:r"), qn("w:rPr"), qn("w:vanish")
# Elements whose text is not on the page: deletions, field codes, drawing fallbacks, text boxes
# (a text box floats outside the reading order), paragraph and run properties.
SKIPPED = {qn(tag) for tag in ("w:del", "w:moveFrom", "w:delText", "w:instrText", "w:delInstrText",
                               "w:txbxContent", "w:pPr", "w:rPr")}
SKIPPED.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback")
# Containers of blocks that are read through: content controls, custom XML, tracked block insertions.
PASS_THROUGH = {qn(tag) for tag in ("w:sdt", "w:sdtContent", "w:customXml", "w:ins", "w:moveTo", "w:smartTag")}
NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}

FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"


def _is_hidden(run) -> bool:
    properties = run.find(W_RPR)
    if properties is None:
        return False
    vanish = properties.find(W_VANISH)
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off")


def paragraph_pieces(paragraph) -> list[tuple[str, object, object]]:
    """The visible text of one ``w:p`` piece by piece, in order: (text, the element it comes from
    (``w:t``, ``w:tab``, ``w:br``, …), the ``w:r`` that holds it or None)."""
    pieces: list[tuple[str, object, object]] = []

    def walk(element, run) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:  # comments and processing instructions
                continue
            if tag == W_T:
                pieces.append((child.text or "", child, run))
            elif tag == W_TAB:
                pieces.append(("\t", child, run))
            elif tag in (W_BR, W_CR):
                pieces.append(("\n", child, run))
            elif tag == W_HYPHEN:
                pieces.append(("-", child, run))
            elif tag == W_R and _is_hidden(child):
                continue
            else:
                walk(child, child if tag == W_R else run)

    walk(paragraph, None)
    return pieces


def paragraph_text(paragraph) -> str:
    """The visible text of one ``w:p``: tabs as ``\\t``, line breaks as ``\\n``."""
    return "".join(text for text, _, _ in paragraph_pieces(paragraph))


def _children(element, tag: str):
    """The direct children of `element` with `tag`, looking inside content controls and the like."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in PASS_THROUGH:
            yield from _children(child, tag)


def paragraphs(container):
    """Every ``w:p`` of a body, cell, header, footer or note in reading order, tables cell by cell."""
    for child in container:
        tag = child.tag
        if tag == W_P:
            yield child
        elif tag == W_TBL:
            for row in _children(child, W_TR):
                for cell in _children(row, W_TC):
                    yield from paragraphs(cell)
        elif tag in PASS_THROUGH:
            yield from paragraphs(child)


# How the blocks of a document are joined in the text a review reads: paragraphs by a blank line;
# a table is one block, a line per row, its cells separated by tabs (the table-like rows that
# review.core.blocks reads, so a row's date dates its event), a cell's paragraphs by a space.
BLOCK_SEPARATOR, ROW_SEPARATOR, CELL_SEPARATOR, IN_CELL_SEPARATOR = "\n\n", "\n", "\t", " "


class Laid(NamedTuple):
    """One non-blank ``w:p`` as the review text holds it: the separator before it ("" first), its
    text without outer whitespace, how much leading whitespace was cut, where it is, and its story."""
    separator: str
    text: str
    lead: int
    paragraph: object
    where: str
    kind: str


def _blocks_of(container, where: str | None, counts: dict[str, int]):
    """(``w:p``, where, boundary) for the paragraphs of `container` in reading order, boundary being
    "block", "row", "cell" or "in cell": what separates it from the paragraph before. With `where`
    None (the body), where is "paragraph 14" (the body's non-blank paragraphs outside tables,
    headings included) or "table 1, row 3, cell 2" (a table in a cell is told by its outer cell)."""
    for child in container:
        if child.tag == W_P:
            if where is None and paragraph_text(child).strip():
                counts["paragraph"] += 1
            yield child, where or f"paragraph {counts['paragraph']}", "block"
        elif child.tag == W_TBL:
            counts["table"] += 1
            table = counts["table"]
            for r, row in enumerate(_children(child, W_TR), start=1):
                for c, cell in enumerate(_children(row, W_TC), start=1):
                    for k, paragraph in enumerate(paragraphs(cell)):
                        boundary = ("in cell" if k else "cell" if c > 1 else "row" if r > 1 else "block")
                        yield paragraph, where or f"table {table}, row {r}, cell {c}", boundary
        elif child.tag in PASS_THROUGH:
            yield from _blocks_of(child, where, counts)


_SEPARATORS = {"block": BLOCK_SEPARATOR, "row": ROW_SEPARATOR, "cell": CELL_SEPARATOR,
               "in cell": IN_CELL_SEPARATOR}
_RANK = {"in cell": 0, "cell": 1, "row": 2, "block": 3}
STORY_PLACES = {"header": "page header", "footer": "page footer"}


def laid_out(document) -> list[Laid]:
    """Every non-blank paragraph of a python-docx Document in reading order (page headers, body,
    footnotes, endnotes, page footers), each with the separator the review text puts before it:
    the one definition of how a .docx reads as text, for the reader and the Word output alike."""
    laid: list[Laid] = []
    notes = {"footnote": 0, "endnote": 0}
    for kind, container in stories(document):
        if kind in notes:
            notes[kind] += 1
        where = None if kind == "body" else STORY_PLACES.get(kind) or f"{kind} {notes[kind]}"
        pending = "block"  # a story starts a new block
        for paragraph, place, boundary in _blocks_of(container, where, {"paragraph": 0, "table": 0}):
            pending = max(pending, boundary, key=_RANK.__getitem__)
            raw = paragraph_text(paragraph)
            if text := raw.strip():
                separator = _SEPARATORS[pending] if laid else ""
                laid.append(Laid(separator, text, len(raw) - len(raw.lstrip()), paragraph, place, kind))
                pending = "in cell"
    return laid


def text_and_starts(laid: list[Laid]) -> tuple[str, list[int]]:
    """The review text of `laid` (each paragraph after its separator) and where each paragraph's text starts in it."""
    starts, position = [], 0
    for item in laid:
        position += len(item.separator)
        starts.append(position)
        position += len(item.text)
    return "".join(item.separator + item.text for item in laid), starts


def _unique_parts(parts):
    seen = set()
    for part in parts:
        if part is not None and id(part) not in seen:
            seen.add(id(part))
            yield part


def _page_parts(document, kind: str):
    """The header (kind="header") or footer parts in use, in section order, each once."""
    for section in document.sections:
        choices = [getattr(section, kind)]
        if section.different_first_page_header_footer:
            choices.insert(0, getattr(section, f"first_page_{kind}"))
        for item in choices:
            if not item.is_linked_to_previous:
                yield item.part


def _notes(document, reltype: str):
    """The footnotes (or endnotes) of `document` other than Word's separators, each a ``w:footnote``."""
    for relationship in document.part.rels.values():
        if relationship.reltype == reltype and not relationship.is_external:
            root = parse_xml(relationship.target_part.blob)
            yield from (note for note in root if note.get(qn("w:type")) not in NOTE_SEPARATORS)


def stories(document):
    """(kind, container) for each part of the page in reading order: "header", "body",
    "footnote", "endnote", "footer". Only the body is the live document; notes are read copies."""
    for part in _unique_parts(_page_parts(document, "header")):
        yield "header", part.element
    yield "body", document.element.body
    yield from (("footnote", note) for note in _notes(document, FOOTNOTES))
    yield from (("endnote", note) for note in _notes(document, ENDNOTES))
    for part in _unique_parts(_page_parts(document, "footer")):
        yield "footer", part.element

"""Reading reports: plain text, Markdown and Word (.docx), from files or standard input."""

from __future__ import annotations

import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import E101, E102, E103, E104, E105, ReviewError

SUFFIXES = (".txt", ".md", ".docx")
# A .docx is a zip: refuse one whose parts would unpack to more than this (a zip bomb).
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """One document to review: its id (path, "-" or line number) and its text."""

    id: object
    text: str


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a leading byte-order mark dropped); anything else is a one-line error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReviewError("E103", E103.format(path=name, reason=f"invalid byte at position {error.start}")) from None


def read_stdin() -> str:
    return decode(sys.stdin.buffer.read(), "standard input")


def read_docx(path: Path) -> str:
    """The visible text of a .docx: paragraphs and table cells in reading order, blank-line separated."""
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
            if size > MAX_DOCX_UNCOMPRESSED:
                raise ReviewError("E104", E104.format(path=path, reason=f"it would unpack to {size:,} bytes"))
    except zipfile.BadZipFile:
        raise ReviewError("E104", E104.format(path=path, reason="corrupt, or password-protected")) from None
    import docx  # python-docx: imported here so plain-text reviews do not pay for it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many types for a damaged package
        raise ReviewError("E104", E104.format(path=path, reason=error.__class__.__name__)) from None
    blocks: list[str] = []

    def add_paragraph(paragraph: Paragraph) -> None:
        text = paragraph.text.strip()
        if text:
            blocks.append(text)

    def add_table(table: Table) -> None:
        for row in table.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell appears once per grid column
                    continue
                seen.add(id(cell._tc))
                for item in cell.iter_inner_content():
                    add_paragraph(item) if isinstance(item, Paragraph) else add_table(item)

    for item in document.iter_inner_content():
        add_paragraph(item) if isinstance(item, Paragraph) else add_table(item)
    return "\n\n".join(blocks)


def read_path(path: Path) -> str:
    """The text of one report file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReviewError("E102", E102.format(path=path, suffix=path.suffix or "(none)"))
    if not path.is_file():
        reason = "no such file" if not path.exists() else "not a file"
        raise ReviewError("E101", E101.format(path=path, reason=reason))
    if suffix == ".docx":
        return read_docx(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReviewError("E101", E101.format(path=path, reason=error.strerror or "unreadable")) from None
    return decode(data, str(path))


def expand(paths: list[str]) -> list[str]:
    """Paths as given, with each folder replaced by the report files inside it (sorted)."""
    result = []
    for name in paths or ["-"]:
        path = Path(name)
        if name != "-" and path.is_dir():
            result.extend(str(p) for p in sorted(path.rglob("*")) if p.suffix.lower() in SUFFIXES and p.is_file())
        else:
            result.append(name)
    return result


def read_sources(name: str, *, lines: bool, max_chars: int) -> list[Source]:
    """The documents in one input: the whole file, or with `lines` one per non-empty line."""
    text = read_stdin() if name == "-" else read_path(Path(name))
    if not lines:
        if len(text) > max_chars:
            raise ReviewError("E105", E105.format(path=name, size=f"{len(text):,} characters", limit=f"{max_chars:,}"))
        return [Source(name, text)]
    sources = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if line:
            if len(line) > max_chars:
                raise ReviewError("E105", E105.format(path=f"{name} line {number}", size=f"{len(line):,} characters",
                                                      limit=f"{max_chars:,}"))
            sources.append(Source(number, line))
    return sources

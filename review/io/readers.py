"""Reading reports: plain text, Markdown and Word (.docx), from files or standard input."""

from __future__ import annotations

import codecs
import io
import re
import sys
import zipfile
from bisect import bisect_right
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from review.core.errors import E101, E102, E103, E104, E105, ReviewError

SUFFIXES = (".txt", ".md", ".docx")
_LINE_END = re.compile(r"\r\n|\r|\n")  # Windows, old Mac and Unix line ends
# A .docx is a zip: refuse one whose parts would unpack to more than this (a zip bomb), or whose
# XML (what is parsed into memory, several times its size) would unpack to more than this.
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_DOCX_XML = 64 * 1024 * 1024
# Byte-order marks, and the codec that reads the text after one (dropping the mark).
BYTE_ORDER_MARKS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Files and folders named like this in a folder scan are the project's papers, not reports.
NOT_REPORTS = {"readme", "license", "licence", "changelog"}  # a folder's own notes, not reports
# A Word file saved with a password is not a zip but an OLE2 compound file starting with these bytes.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Source:
    """One document to review: its id (path, "-" or line number), its text, the encoding its
    bytes were decoded from (None where no bytes were decoded as text: a .docx) and, for a .docx,
    where each block of the text is in Word: (start offset, "paragraph 14"), in text order."""

    id: object
    text: str
    encoding: str | None = None
    places: tuple[tuple[int, str], ...] = ()

    def place(self, offset: int) -> str | None:
        """Where in the Word document the text at `offset` is ("table 1, row 3, cell 2"), if known."""
        i = bisect_right([start for start, _ in self.places], offset) - 1
        return self.places[i][1] if i >= 0 else None


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """The text in `data` and the encoding assumed: the one its byte-order mark names, else UTF-8,
    else what charset-normalizer finds; binary data is a one-line error."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise _not_text(name, f"invalid {encoding} at byte {error.start}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        encoding = _single_byte_encoding(data, name)
        return data.decode(encoding), encoding


def _single_byte_encoding(data: bytes, name: str) -> str:
    """The single-byte code page charset-normalizer finds `data` written in: Windows-1252 wherever
    it is one of the plausible readings (Word and Notepad write it for Western text, and short
    texts fit many code pages), else its best single-byte guess. Multi-byte guesses are refused:
    without a byte-order mark they are what it makes of binary data."""
    from charset_normalizer import from_bytes  # imported here: UTF-8 input never needs it
    from charset_normalizer.utils import is_multi_byte_encoding

    matches = list(from_bytes(data))
    if any("cp1252" in match.could_be_from_charset for match in matches):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    for match in matches:
        if not is_multi_byte_encoding(match.encoding):
            return codecs.lookup(match.encoding).name
    raise _not_text(name, "binary data, or a multi-byte encoding with no byte-order mark")


def _not_text(name: str, reason: str) -> ReviewError:
    return ReviewError("E103", E103.format(path=name, reason=reason))


def decode(data: bytes, name: str) -> str:
    """The text in `data`, decoded as :func:`decode_text` does (for callers that do not report the
    encoding: the page's uploader)."""
    return decode_text(data, name)[0]


def read_stdin() -> tuple[str, str]:
    """The text on standard input and the encoding assumed."""
    return decode_text(sys.stdin.buffer.read(), "standard input")


def _check_docx_package(path: Path | BinaryIO, name: object = None) -> None:
    """Refuse, before anything is unpacked, a file that is encrypted, not a zip, or a zip bomb
    (`path` a file, or the bytes of an upload in memory named `name`)."""
    name = path if name is None else name

    def fail(reason: str) -> ReviewError:
        return ReviewError("E104", E104.format(path=name, reason=reason))

    try:
        with path.open("rb") if isinstance(path, Path) else nullcontext(path) as file:
            if file.read(len(OLE2_SIGNATURE)) == OLE2_SIGNATURE:
                raise fail("it is password-protected (encrypted); save a copy without a password")
            file.seek(0)
            with zipfile.ZipFile(file) as archive:
                parts = archive.infolist()
    except zipfile.BadZipFile:
        raise fail("corrupt: it is not a Word package") from None
    except OSError as error:
        raise ReviewError("E101", E101.format(path=name, reason=error.strerror or "unreadable")) from None
    size = sum(info.file_size for info in parts)
    xml_size = sum(info.file_size for info in parts if info.filename.endswith((".xml", ".rels")))
    if size > MAX_DOCX_UNCOMPRESSED or xml_size > MAX_DOCX_XML:
        raise fail(f"it would unpack to {max(size, xml_size):,} bytes, over the limit of "
                   f"{MAX_DOCX_UNCOMPRESSED if size > MAX_DOCX_UNCOMPRESSED else MAX_DOCX_XML:,}")


def read_docx_located(path: Path | BinaryIO, name: object = None) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The visible text of a .docx (a file, or an upload's bytes in memory named `name`) as
    `review.io.docx_text.laid_out` joins it, in reading order: the page headers, the body
    (paragraphs; tables a line per row, cells by tabs; content controls), the footnotes and
    endnotes, then the page footers; and where each paragraph or cell is in Word, (start offset,
    "table 1, row 3, cell 2"). Tracked changes are read as
    accepted (insertions in, deletions out); hidden text and field codes are left out."""
    name = path if name is None else name
    _check_docx_package(path, name)
    import docx  # python-docx: imported here so plain-text reviews do not pay for it

    from review.io import docx_text

    try:
        if not isinstance(path, Path):
            path.seek(0)
        laid = docx_text.laid_out(docx.Document(str(path) if isinstance(path, Path) else path))
    except Exception as error:  # python-docx and lxml raise many types for a damaged package
        raise ReviewError("E104", E104.format(path=name, reason=f"damaged ({error.__class__.__name__})")) from None
    text, starts = docx_text.text_and_starts(laid)
    places: list[tuple[int, str]] = []
    for start, item in zip(starts, laid):
        if not places or places[-1][1] != item.where:
            places.append((start, item.where))
    return text, tuple(places)


def read_docx(path: Path | BinaryIO, name: object = None) -> str:
    """The visible text of a .docx, as `read_docx_located` reads it."""
    return read_docx_located(path, name)[0]


def read_bytes(name: str, data: bytes) -> str:
    """The text of an uploaded report file `name` from its bytes, in memory (never written to disk)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ReviewError("E102", E102.format(path=name, suffix=Path(name).suffix or "(none)"))
    if suffix == ".docx":
        return read_docx(io.BytesIO(data), name)
    return decode(data, name)


def read_file(path: Path) -> tuple[str, str | None]:
    """The text of one report file and the encoding assumed (None for a .docx)."""
    return _read_report(path)[:2]


def _read_report(path: Path) -> tuple[str, str | None, tuple[tuple[int, str], ...]]:
    """The text of one report file, the encoding assumed (None for a .docx) and, for a .docx,
    where each block is in Word."""
    suffix = path.suffix.lower()
    if not path.is_file():
        reason = "no such file or folder" if not path.exists() else "not a file"
        raise ReviewError("E101", E101.format(path=path, reason=reason))
    if suffix not in SUFFIXES:
        raise ReviewError("E102", E102.format(path=path, suffix=path.suffix or "(none)"))
    if suffix == ".docx":
        text, places = read_docx_located(path)
        return text, None, places
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReviewError("E101", E101.format(path=path, reason=error.strerror or "unreadable")) from None
    return *decode_text(data, str(path)), ()


def read_path(path: Path) -> str:
    """The text of one report file."""
    return read_file(path)[0]


def is_report_name(name: str) -> bool:
    """Whether a file named `name` (its last part) may be a report: a report type, not Word's "~$"
    lock file of an open document, not a README, LICENSE, LICENCE or CHANGELOG (whatever its case
    and suffix)."""
    return (Path(name).suffix.lower() in SUFFIXES and not Path(name).name.startswith("~$")
            and Path(name).name.split(".", 1)[0].lower() not in NOT_REPORTS)


def _is_report_file(path: Path) -> bool:
    """A file a folder scan reviews: a file whose name :func:`is_report_name` takes for a report."""
    return is_report_name(path.name) and path.is_file()


def expand(paths: list[str]) -> list[str]:
    """Paths as given, with each folder replaced by the report files inside it (sorted)."""
    result = []
    for name in paths or ["-"]:
        path = Path(name)
        if name != "-" and path.is_dir():
            result.extend(str(p) for p in sorted(path.rglob("*")) if _is_report_file(p))
        else:
            result.append(name)
    return result


def read_sources(name: str, *, lines: bool, max_chars: int) -> list[Source]:
    """The documents in one input: the whole file, or with `lines` one per non-empty line."""
    text, encoding, places = (*read_stdin(), ()) if name == "-" else _read_report(Path(name))
    if not lines:
        if len(text) > max_chars:
            raise ReviewError("E105", E105.format(path=name, size=f"{len(text):,} characters", limit=f"{max_chars:,}"))
        return [Source(name, text, encoding, places)]
    sources = []
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if line:
            if len(line) > max_chars:
                raise ReviewError("E105", E105.format(path=f"{name} line {number}", size=f"{len(line):,} characters",
                                                      limit=f"{max_chars:,}"))
            sources.append(Source(number, line, encoding))
    return sources

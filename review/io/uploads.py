"""Many reports uploaded at once (the page's audit mode): files and .zip archives, read in memory.

Nothing is unpacked to disk. A member of an archive is refused when it is unsafe (an absolute
path, a path out of the archive with "..", a link, encrypted) and skipped when it is not a report
(README, LICENSE, CHANGELOG, another type, a hidden or system file, an archive inside); each
refusal and skip is one line naming the file, never its content. Sizes are bounded per report,
per archive (entries) and in all (bytes unpacked), whatever an archive's headers claim.
"""

from __future__ import annotations

import re
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePosixPath

from review.core.errors import ReviewError
from review.io.readers import SUFFIXES, is_report_name, read_bytes

MAX_REPORT_BYTES = 2 * 1024 * 1024  # one report file, as the page's single upload
MAX_TOTAL_BYTES = 64 * 1024 * 1024  # everything uploaded at once, unpacked
MAX_REPORTS = 200  # reports reviewed at once
MAX_ENTRIES = 2000  # entries of one archive looked at
MAX_CHARS = 200_000  # one report's text, as the page's single review
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Upload:
    """One report to review: its name (an archive's member as ``archive.zip/folder/file.txt``) and text."""

    name: str
    text: str


@dataclass(frozen=True)
class Skipped:
    """A file or archive member not reviewed, and why (never its content)."""

    name: str
    reason: str


@dataclass
class Collected:
    """The reports found in an upload, what was left out, and the bytes read so far."""

    reports: list[Upload] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    total_bytes: int = 0

    def add(self, name: str, data: bytes) -> None:
        """Read one report file's bytes, or say why it is skipped."""
        if len(self.reports) >= MAX_REPORTS:
            self.skipped.append(Skipped(name, f"over the limit of {MAX_REPORTS} reports at once"))
            return
        if len(data) > MAX_REPORT_BYTES:
            self.skipped.append(Skipped(name, f"over the limit of {MAX_REPORT_BYTES // 1024 // 1024} MB a report"))
            return
        if self.total_bytes + len(data) > MAX_TOTAL_BYTES:
            self.skipped.append(Skipped(name, f"over the limit of {MAX_TOTAL_BYTES // 1024 // 1024} MB in all"))
            return
        self.total_bytes += len(data)
        base = PurePosixPath(name).name
        try:
            text = read_bytes(base, data)
        except ReviewError as error:
            self.skipped.append(Skipped(name, error.message.removeprefix(f"{base}: ")))
            return
        if not text.strip():
            self.skipped.append(Skipped(name, "empty"))
        elif len(text) > MAX_CHARS:
            self.skipped.append(Skipped(name, f"over the limit of {MAX_CHARS:,} characters a report"))
        else:
            self.reports.append(Upload(self._unique(name), text))

    def _unique(self, name: str) -> str:
        taken = {r.name for r in self.reports}
        n, unique = 1, name
        while unique in taken:
            n += 1
            unique = f"{name} ({n})"
        return unique


def unsafe(info: zipfile.ZipInfo) -> str | None:
    """Why an archive member must not be read, or None: a path that is absolute or climbs out of
    the archive, a link, or encryption."""
    name = info.filename.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name) or "\x00" in name:
        return "unsafe: an absolute path"
    if ".." in PurePosixPath(name).parts:
        return "unsafe: a path out of the archive ('..')"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "unsafe: a link"
    if info.flag_bits & 0x1:
        return "encrypted: save it without a password"
    return None


def not_a_report(name: str) -> str | None:
    """Why an archive member is no report, or None."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if any(part.startswith(".") or part == "__MACOSX" for part in parts):
        return "a hidden or system file"
    if name.lower().endswith(".zip"):
        return "an archive inside the archive: upload it on its own"
    if not is_report_name(parts[-1]):
        if PurePosixPath(parts[-1]).suffix.lower() in SUFFIXES:
            return "not a report (README, LICENSE or CHANGELOG)"
        return "not a report type (.txt, .md or .docx)"
    return None


def add_archive(collected: Collected, name: str, data: bytes) -> None:
    """Every report in the .zip `data`, by name, each read at most to the report limit."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        collected.skipped.append(Skipped(name, "not a readable .zip archive"))
        return
    with archive:
        if len(entries) > MAX_ENTRIES:
            collected.skipped.append(Skipped(name, f"over the limit of {MAX_ENTRIES} entries in an archive"))
            return
        for info in sorted(entries, key=lambda i: i.filename):
            if info.is_dir():
                continue
            member = f"{name}/{info.filename}"
            reason = unsafe(info) or not_a_report(info.filename)
            if reason is None and info.file_size > MAX_REPORT_BYTES:
                reason = f"over the limit of {MAX_REPORT_BYTES // 1024 // 1024} MB a report"
            if reason:
                collected.skipped.append(Skipped(member, reason))
                continue
            try:
                with archive.open(info) as file:
                    content = file.read(MAX_REPORT_BYTES + 1)  # never more, whatever the header says
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
                collected.skipped.append(Skipped(member, "damaged in the archive"))
                continue
            collected.add(member, content)


def collect(files: Iterable[tuple[str, bytes]]) -> Collected:
    """The reports in uploaded files (name, bytes): report files as they are, .zip archives opened."""
    collected = Collected()
    for name, data in files:
        if name.lower().endswith(".zip"):
            add_archive(collected, name, data)
        elif not is_report_name(name):
            collected.skipped.append(Skipped(name, not_a_report(name) or "not a report"))
        else:
            collected.add(name, data)
    return collected

"""Many reports uploaded at once: report files and .zip archives, unsafe members refused, non-reports skipped."""

import io
import stat
import zipfile

import docx
import pytest

from review.io import uploads
from review.io.uploads import collect

REPORT = "On 18/03/2024 Mia was absent from school. Mum is a neglectful parent.\n"


def word_file(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def archive(members: dict[str, bytes], links: tuple[str, ...] = (), encrypted: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in links:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            package.writestr(info, data)
    return marked_encrypted(out.getvalue(), encrypted)


def marked_encrypted(data: bytes, names: tuple[str, ...]) -> bytes:
    """The archive with the "encrypted" flag set on the central directory entries of `names`
    (zipfile writes no encrypted member)."""
    data = bytearray(data)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_length].decode() in names:
            data[at + 8] |= 0x1
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def reasons(collected) -> dict[str, str]:
    return {s.name: s.reason for s in collected.skipped}


def test_reports_in_an_archive_are_read_and_the_rest_left_out_with_a_reason():
    data = archive({
        "reports/b.md": REPORT.encode(), "reports/a.txt": REPORT.encode("cp1252"), "c.docx": word_file(REPORT),
        "reports/": b"", "README.md": b"# About", "reports/LICENSE.txt": b"MIT", "CHANGELOG": b"v1",
        "notes.csv": b"a,b", "__MACOSX/reports/._a.txt": b"\x00\x05", ".hidden.txt": REPORT.encode(),
        "inner.zip": archive({"d.txt": REPORT.encode()}), "empty.txt": b"  \n",
    })
    collected = collect([("set.zip", data)])
    assert [r.name for r in collected.reports] == ["set.zip/c.docx", "set.zip/reports/a.txt", "set.zip/reports/b.md"]
    assert all("neglectful parent" in r.text for r in collected.reports)
    why = reasons(collected)
    assert why["set.zip/README.md"].startswith("not a report (README")
    assert why["set.zip/reports/LICENSE.txt"].startswith("not a report (README")
    assert why["set.zip/CHANGELOG"] == why["set.zip/notes.csv"] == "not a report type (.txt, .md or .docx)"
    assert why["set.zip/__MACOSX/reports/._a.txt"] == why["set.zip/.hidden.txt"] == "a hidden or system file"
    assert why["set.zip/inner.zip"].startswith("an archive inside the archive")
    assert why["set.zip/empty.txt"] == "empty"
    assert "set.zip/reports/" not in why  # a folder entry is nothing to mention


def test_unsafe_members_are_refused_and_the_safe_ones_still_read():
    data = archive({"../escape.txt": REPORT.encode(), "/etc/passwd.txt": REPORT.encode(),
                    "C:/Windows/x.txt": REPORT.encode(), "folder/../../up.txt": REPORT.encode(),
                    "link.txt": b"/etc/passwd", "secret.txt": b"\x00" * 20, "good.txt": REPORT.encode()},
                   links=("link.txt",), encrypted=("secret.txt",))
    collected = collect([("bad.zip", data)])
    assert [r.name for r in collected.reports] == ["bad.zip/good.txt"]
    why = reasons(collected)
    climbs = "unsafe: a path out of the archive ('..')"
    assert why["bad.zip/../escape.txt"] == why["bad.zip/folder/../../up.txt"] == climbs
    assert why["bad.zip//etc/passwd.txt"] == why["bad.zip/C:/Windows/x.txt"] == "unsafe: an absolute path"
    assert why["bad.zip/link.txt"] == "unsafe: a link"
    assert why["bad.zip/secret.txt"].startswith("encrypted")


def test_sizes_are_bounded_per_report_in_all_and_in_number(monkeypatch):
    bomb = archive({"big.txt": b"a" * (uploads.MAX_REPORT_BYTES + 1), "ok.txt": REPORT.encode()})
    assert len(bomb) < 20_000  # a small upload that would unpack to over 2 MB
    collected = collect([("bomb.zip", bomb)])
    assert [r.name for r in collected.reports] == ["bomb.zip/ok.txt"]
    assert reasons(collected)["bomb.zip/big.txt"].startswith("over the limit of 2 MB")

    monkeypatch.setattr(uploads, "MAX_TOTAL_BYTES", 2 * len(REPORT))
    collected = collect([(f"{n}.txt", REPORT.encode()) for n in range(3)])
    assert [r.name for r in collected.reports] == ["0.txt", "1.txt"]
    assert reasons(collected)["2.txt"].startswith("over the limit of")

    monkeypatch.setattr(uploads, "MAX_REPORTS", 1)
    collected = collect([("a.txt", REPORT.encode()), ("b.txt", REPORT.encode())])
    assert [r.name for r in collected.reports] == ["a.txt"] and "b.txt" in reasons(collected)


def test_files_that_are_not_readable_reports_are_skipped_with_one_line_each():
    collected = collect([("README.md", b"# notes"), ("broken.zip", b"not a zip"), ("photo.png", b"\x89PNG"),
                         ("bad.docx", b"not a docx"), ("binary.txt", bytes(range(256)) * 4),
                         ("same.txt", REPORT.encode()), ("same.txt", REPORT.encode())])
    assert [r.name for r in collected.reports] == ["same.txt", "same.txt (2)"]
    why = reasons(collected)
    assert why["broken.zip"] == "not a readable .zip archive"
    assert why["README.md"].startswith("not a report") and why["photo.png"].startswith("not a report")
    assert "not a readable .docx" in why["bad.docx"] and "not text" in why["binary.txt"]
    assert all("\n" not in reason for reason in why.values())


@pytest.mark.parametrize("name", ["../x.txt", "a/../../x.txt", "/x.txt", "\\\\server\\x.txt", "C:\\x.txt"])
def test_unsafe_names(name):
    assert uploads.unsafe(zipfile.ZipInfo(name)) is not None

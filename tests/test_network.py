"""No network at run time, no temporary files: the CLI and the pipeline review reports with every
socket blocked."""

import json
import os
import socket
import subprocess
import sys
import textwrap

import docx
import pytest

import review

# Loaded first by every Python process started with this folder on PYTHONPATH: any attempt to
# reach another machine (or this one over TCP/UDP) fails and is logged to stderr.
SITECUSTOMIZE = textwrap.dedent('''
    import socket, sys

    def _blocked(*args, **kwargs):
        sys.stderr.write("NETWORK ATTEMPT %r\\n" % (args[1:2] or args[:1],))
        raise OSError("network access is blocked in this test")

    _connect = socket.socket.connect

    def _connect_local_only(self, address):
        if self.family == socket.AF_UNIX:
            return _connect(self, address)
        return _blocked(self, address)

    socket.socket.connect = _connect_local_only
    socket.socket.connect_ex = _connect_local_only
    socket.socket.sendto = _blocked
    socket.create_connection = _blocked
    socket.getaddrinfo = _blocked
''')

ENGLISH = ("On 11 March 2024 at 10am I saw Mia in the school office. She said “I'm hungry”. "
           "The mother was neglectful and the house appears to have been dirty in 2015.")
NOT_ENGLISH = "La mère a dit que l'enfant était malade depuis trois jours. Elle pleurait beaucoup."


@pytest.fixture
def blocked_env(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HTTP", "http", "NLTK"))}
    env["PYTHONPATH"] = os.pathsep.join([str(folder), *filter(None, [env.get("PYTHONPATH")])])
    return env


def test_network_block_itself_works(blocked_env):
    probe = "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/', timeout=2)"
    result = subprocess.run([sys.executable, "-c", probe], env=blocked_env, capture_output=True, text=True)
    assert result.returncode != 0 and "NETWORK ATTEMPT" in result.stderr


def test_network_cli_reviews_text_and_docx_with_sockets_blocked(blocked_env, tmp_path):
    english = tmp_path / "english.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    french = tmp_path / "french.md"
    french.write_text(NOT_ENGLISH, encoding="utf-8")
    word = tmp_path / "report.docx"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Safeguarding referral"
    document.add_paragraph(ENGLISH)
    document.save(word)
    summary = tmp_path / "audit.csv"
    command = [sys.executable, "-m", "review", "check", "--format", "json", "--jobs", "2",
               "--summary-csv", str(summary), str(english), str(french), str(word)]
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = subprocess.run(command, env={**blocked_env, "TMPDIR": str(temporary)}, capture_output=True,
                            text=True, timeout=300)
    assert "NETWORK ATTEMPT" not in result.stderr
    assert list(temporary.iterdir()) == []  # no temporary files (report text never goes to disk)
    assert "Mia" not in result.stderr and "mère" not in result.stderr
    assert result.returncode == 1, result.stderr
    documents = json.loads(result.stdout)
    assert [d["summary"]["language"] for d in documents] == ["en", "fr", "en"]
    assert all(d["findings"] for d in documents)
    assert summary.exists()


def test_network_pipeline_in_process_with_sockets_blocked(monkeypatch, nlp):
    attempts = []

    def blocked(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access is blocked in this test")

    real_connect = socket.socket.connect

    def connect_local_only(self, address):
        return real_connect(self, address) if self.family == socket.AF_UNIX else blocked(address)

    monkeypatch.setattr(socket.socket, "connect", connect_local_only)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_local_only)
    monkeypatch.setattr(socket, "create_connection", blocked)
    monkeypatch.setattr(socket, "getaddrinfo", blocked)
    results = [review.analyse(text, report_date="2024-03-20") for text in (ENGLISH, NOT_ENGLISH, "")]
    assert attempts == []
    assert results[0]["findings"] and results[1]["summary"]["language"] == "fr"

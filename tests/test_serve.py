"""`review serve`: the local review service (SPEC.md, version 2), through Starlette's TestClient,
and once as a real process on a loopback port."""

import asyncio
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import pytest

from review.serve import ServiceSettings
from review.serve import app as service_app
from review.serve import is_loopback, read_token

with warnings.catch_warnings():  # Starlette 1.10 asks for httpx2 in its TestClient; httpx 0.28 works as before
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parents[1]
REPORT = ("Date of report: 20 March 2024. On 11 March 2024 at 10am I saw Mia in the school office. "
          "She said “I don't want to go home”. The mother was neglectful and appears to drink.")
SECRET_WORDS = "Zebulon-Quixote-neglectful"  # a report's words that must never reach a log


@pytest.fixture
def client(nlp):
    with TestClient(service_app.create_app()) as test_client:
        yield test_client


def test_serve_health_answers_ok(client):
    answer = client.get("/health")
    assert answer.status_code == 200 and answer.json() == {"status": "ok"}


@pytest.mark.parametrize("options, request_fields", [
    (["--report-date", "2024-03-20", "--child", "Mia"], {"report_date": "2024-03-20", "children": ["Mia"]}),
    ([], {}),
])
def test_serve_check_gives_the_cli_json_document(client, cli, options, request_fields):
    status, out, _ = cli(["--format", "json", *options], stdin=REPORT)
    expected = json.loads(out)[0]
    answer = client.post("/check", json={"text": REPORT, **request_fields})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json")
    assert answer.json() == {**expected, "id": "request"}
    assert answer.text.count("\n") == 1


@pytest.mark.parametrize("body, status, code", [
    (b"not json", 400, "E601"),
    (b"\xff\xfe\x00", 400, "E601"),
    (b"[" * 100_000, 400, "E601"),
    (b'["text"]', 400, "E602"),
    (b'{"report_date": "2024-03-20"}', 400, "E602"),
    (b'{"text": "Mia was seen.", "child": ["Mia"]}', 400, "E603"),
    (b'{"text": 12}', 400, "E604"),
    (b'{"text": "\\ud800"}', 400, "E604"),
    (b'{"text": "Mia was seen.", "report_date": "2024-02-30"}', 400, "E605"),
    (b'{"text": "Mia was seen.", "report_date": 20240320}', 400, "E605"),
    (b'{"text": "Mia was seen.", "children": "Mia"}', 400, "E606"),
    (b'{"text": "Mia was seen.", "children": [1]}', 400, "E606"),
])
def test_serve_refuses_a_bad_body_with_one_line_of_json(client, body, status, code):
    answer = client.post("/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == status
    assert answer.text.count("\n") == 1 and answer.json()["error"].startswith(code + " ")


def test_serve_refuses_a_body_over_the_limit(nlp):
    with TestClient(service_app.create_app(ServiceSettings(max_bytes=100))) as small:
        sized = small.post("/check", json={"text": "x" * 200})
        streamed = small.post("/check", content=(b"x" * 60 for _ in range(3)))  # chunked: no Content-Length
        fits = small.post("/check", json={"text": "Mia was seen."})
    assert sized.status_code == streamed.status_code == 413
    assert sized.json()["error"].startswith("E607 ") and streamed.json()["error"].startswith("E607 ")
    assert fits.status_code == 200


def test_serve_refuses_by_content_length_before_reading_the_body(nlp):
    app = service_app.create_app(ServiceSettings(max_bytes=1000))
    scope = {"type": "http", "method": "POST", "path": "/check", "raw_path": b"/check", "query_string": b"",
             "headers": [(b"content-length", b"999999999")], "http_version": "1.1", "scheme": "http",
             "server": ("127.0.0.1", 8765), "client": ("127.0.0.1", 50000), "root_path": ""}
    sent = []

    async def receive():
        raise AssertionError("the body was read")

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413 and json.loads(sent[1]["body"])["error"].startswith("E607 ")


def test_serve_unknown_path_and_wrong_method_are_json(client):
    missing, wrong = client.get("/nowhere"), client.get("/check")
    assert missing.status_code == 404 and missing.json()["error"].startswith("E611 ")
    assert wrong.status_code == 405 and wrong.json()["error"].startswith("E612 ")
    assert wrong.headers["allow"] == "POST"
    assert client.post("/health").status_code == 405


def test_serve_token_is_required_when_set(nlp):
    with TestClient(service_app.create_app(ServiceSettings(token="team-secret"))) as guarded:
        for headers in [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic team-secret"}]:
            answer = guarded.post("/check", json={"text": "Mia was seen."}, headers=headers)
            assert answer.status_code == 401 and answer.json()["error"].startswith("E609 ")
        assert guarded.get("/health").status_code == 401
        good = {"Authorization": "Bearer team-secret"}
        assert guarded.get("/health", headers=good).json() == {"status": "ok"}
        assert guarded.post("/check", json={"text": "Mia was seen."}, headers=good).status_code == 200


def test_serve_token_comes_from_a_file_or_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("REVIEW_SERVE_TOKEN", raising=False)
    assert read_token(None) is None
    monkeypatch.setenv("REVIEW_SERVE_TOKEN", " from-env \n")
    assert read_token(None) == "from-env"
    token_file = tmp_path / "token"
    token_file.write_text("from-file\n", encoding="utf-8")
    assert read_token(str(token_file)) == "from-file"
    token_file.write_text("\n", encoding="utf-8")
    with pytest.raises(service_app.ReviewError, match="E209"):
        read_token(str(token_file))


def test_serve_is_busy_past_its_limit_and_answers_health_meanwhile(nlp):
    app = service_app.create_app(ServiceSettings(max_concurrent=1))
    answers = []
    with TestClient(app) as test_client:
        service_app._PIPELINE_LOCK.acquire()  # as if a long review were running
        try:
            waiting = threading.Thread(target=lambda: answers.append(
                test_client.post("/check", json={"text": "Mia was seen at school."})))
            waiting.start()
            deadline = time.monotonic() + 30
            while app.state.service.in_hand < 1 and time.monotonic() < deadline:
                time.sleep(0.01)
            busy = test_client.post("/check", json={"text": "Mia was seen."})
            health = test_client.get("/health")
        finally:
            service_app._PIPELINE_LOCK.release()
        waiting.join(timeout=60)
    assert busy.status_code == 503 and busy.json()["error"].startswith("E610 ") and busy.headers["retry-after"]
    assert health.status_code == 200
    assert [a.status_code for a in answers] == [200]


def test_serve_internal_error_is_500_and_logs_no_text(client, monkeypatch, caplog):
    def broken(text, *args):
        raise ValueError(f"cannot review {text!r}")

    monkeypatch.setattr(service_app, "review_text", broken)
    with caplog.at_level(logging.DEBUG):
        answer = client.post("/check", json={"text": SECRET_WORDS})
    assert answer.status_code == 500 and answer.json() == {"error": "E900 internal error (ValueError); please "
                                                                     "report it with the command you ran"}
    assert "E900" in caplog.text and SECRET_WORDS not in caplog.text


def test_serve_access_log_keeps_the_path_only():
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5000", "POST", "/check?text=" + SECRET_WORDS, "1.1", 200), None)
    assert service_app.PathsOnly().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "POST /check HTTP/1.1" 200'


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("127.1.2.3", True), ("::1", True),
                                            ("localhost", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                            ("reviews.example.org", False)])
def test_serve_knows_loopback_addresses(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_warns_once_when_bound_beyond_loopback(nlp, monkeypatch, capsys):
    monkeypatch.setattr(service_app, "_listen", lambda host, port: None)  # never binds anything here
    monkeypatch.setattr(service_app.uvicorn.Server, "run", lambda self, sockets=None: None)
    service_app.serve("127.0.0.1", 8765)
    assert "warning" not in capsys.readouterr().err
    service_app.serve("0.0.0.0", 8765)
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "over the network" in warnings[0]


@pytest.mark.parametrize("args, message", [
    (["--port", "0"], "E207 --port"),
    (["--port", "70000"], "E207 --port"),
    (["--max-bytes", "0"], "E208 --max-bytes"),
    (["--max-concurrent", "0"], "E208 --max-concurrent"),
    (["--token-file", "/nonexistent/token"], "E209 cannot read the token"),
])
def test_serve_bad_options_are_one_line_and_exit_2(nlp, capsys, args, message):
    from review.cli import main

    assert main(["serve", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _call(url: str, body: bytes | None = None, timeout: float = 30):
    """GET (or POST `body` as JSON) straight to `url`, never through a proxy."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with opener.open(request, timeout=timeout) as answer:
        return answer.status, json.loads(answer.read())


def test_serve_runs_as_a_process_on_loopback(tmp_path):
    port = _free_loopback_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "review", "serve", "--host", "127.0.0.1", "--port", str(port)],
                              cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                assert _call(base + "/health", timeout=5) == (200, {"status": "ok"})
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None and time.monotonic() < deadline, "the service did not start"
                time.sleep(0.2)
        text = REPORT + " " + SECRET_WORDS
        status, document = _call(base + "/check", json.dumps({"text": text, "report_date": "2024-03-20"}).encode())
        assert status == 200 and document["id"] == "request" and document["text"] == text
        assert document["findings"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
    log.seek(0)
    logged = log.read()
    log.close()
    assert '"POST /check HTTP/1.1" 200' in logged
    assert SECRET_WORDS not in logged and "Mia" not in logged

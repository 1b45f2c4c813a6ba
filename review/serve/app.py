"""The review service of ``review serve`` (SPEC.md, version 2): Starlette on uvicorn.

``GET /health`` answers ``{"status": "ok"}``; ``POST /check`` takes ``{"text", "report_date",
"children"}`` and answers the document object of ``review check --format json``. Every refusal is
one line ``{"error": "..."}`` with a 4xx status; nothing a client sends is logged but the path.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import socket
import sys
import threading

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from review import analyse_many, parse_report_date
from review.core.errors import (E210, E601, E602, E603, E604, E605, E606, E607, E608, E609, E610, E611, E612, E900,
                                ReviewError)
from review.core.model import MAX_CHARS
from review.serve import DEFAULT_HOST, DEFAULT_PORT, ServiceSettings, is_loopback

REQUEST_ID = "request"
JSON_ENCODING = "utf-8"
FIELDS = ("text", "report_date", "children")
WARM_UP_TEXT = "On 11 March 2024 at 10am I saw Mia at school. She said “I'm fine”. Mum appears tired."
# One review at a time: the pipeline is not safe for parallel calls. Reviews run in a worker
# thread holding this lock, so the event loop keeps answering /health and refusals meanwhile.
_PIPELINE_LOCK = threading.Lock()
_log = logging.getLogger("review.serve")


class RequestError(Exception):
    """A request the service refuses: the HTTP status and the one-line message, ``E601 ...``."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"{code} {message}")
        self.status = status
        self.message = f"{code} {message}"


def json_response(value, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """`value` as one line of JSON (NaN allowed and non-ASCII kept, as the CLI writes it)."""
    body = json.dumps(value, ensure_ascii=False) + "\n"
    return Response(body.encode("utf-8"), status, headers, media_type="application/json")


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return json_response({"error": message}, status, headers)


def parse_check_request(body: bytes) -> tuple[str, dt.date | None, list[str] | None]:
    """The text, report date and children of a ``/check`` body, or a RequestError saying what is
    wrong (never quoting the text)."""
    try:
        request = json.loads(body)
    except json.JSONDecodeError as error:
        raise RequestError(400, "E601", E601.format(reason=error.msg)) from None
    except (UnicodeDecodeError, RecursionError) as error:
        reason = "not UTF-8" if isinstance(error, UnicodeDecodeError) else "nested too deeply"
        raise RequestError(400, "E601", E601.format(reason=reason)) from None
    if not isinstance(request, dict) or "text" not in request:
        raise RequestError(400, "E602", E602)
    unknown = sorted(set(request) - set(FIELDS))
    if unknown:
        raise RequestError(400, "E603", E603.format(keys=", ".join(repr(key[:40]) for key in unknown[:5])))
    text, report_date, children = (request.get(field) for field in FIELDS)
    if not isinstance(text, str) or not _encodable(text):
        raise RequestError(400, "E604", E604)
    if len(text) > MAX_CHARS:
        raise RequestError(413, "E608", E608.format(size=f"{len(text):,}", limit=f"{MAX_CHARS:,}"))
    if report_date is not None:
        try:
            report_date = parse_report_date(report_date if isinstance(report_date, str) else "")
        except ReviewError:
            raise RequestError(400, "E605", E605) from None
    if children is not None and not (isinstance(children, list) and all(isinstance(c, str) for c in children)):
        raise RequestError(400, "E606", E606)
    return text, report_date, children


def _encodable(text: str) -> bool:
    """False for text with a lone surrogate (JSON allows "\\ud800"; UTF-8 output cannot hold it)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to be over `limit` bytes: from its
    Content-Length before anything is read, else while it streams in."""
    length = request.headers.get("content-length")
    if length is not None and not length.isdigit():
        raise RequestError(400, "E601", E601.format(reason="bad Content-Length"))
    if length is not None and int(length) > limit:
        raise RequestError(413, "E607", E607.format(limit=f"{limit:,}"))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestError(413, "E607", E607.format(limit=f"{limit:,}"))
        chunks.append(chunk)
    return b"".join(chunks)


def review_text(text: str, report_date: dt.date | None, children: list[str] | None,
                rules_path: str | None = None) -> dict:
    """The document object for one text, by the same call as ``review check`` (id "request"). Its
    text came as JSON, which is UTF-8 (RFC 8259), and the summary says so as the CLI's does."""
    with _PIPELINE_LOCK:
        documents = analyse_many([(REQUEST_ID, text)], report_date=report_date, children=children,
                                 rules_path=rules_path)
        document = next(iter(documents))
    document["summary"]["encoding"] = JSON_ENCODING
    return document


class ReviewService:
    """The endpoints, and the count of ``/check`` requests in hand (read, reviewed or waiting)."""

    def __init__(self, settings: ServiceSettings):
        self.settings = settings
        self.in_hand = 0  # only touched on the event loop's thread

    async def health(self, request: Request) -> Response:
        return json_response({"status": "ok"})

    async def check(self, request: Request) -> Response:
        limit = self.settings.max_concurrent
        if self.in_hand >= limit:
            return error_response(503, "E610 " + E610.format(limit=limit), {"Retry-After": "1"})
        self.in_hand += 1
        try:
            body = await read_body(request, self.settings.max_bytes)
            text, report_date, children = parse_check_request(body)
            document = await run_in_threadpool(review_text, text, report_date, children, self.settings.rules_path)
            return json_response(document)
        except RequestError as refusal:
            return error_response(refusal.status, refusal.message)
        except Exception as error:  # logged by type only: an error's message may quote the report
            message = "E900 " + E900.format(error=error.__class__.__name__)
            _log.error(message)
            return error_response(500, message)
        finally:
            self.in_hand -= 1


class TokenRequired:
    """ASGI middleware: a request without ``Authorization: Bearer TOKEN`` is answered 401."""

    def __init__(self, app, token: str):
        self.app = app
        self.token = token.encode("utf-8")

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and not self.authorised(Headers(scope=scope)):
            response = error_response(401, "E609 " + E609, {"WWW-Authenticate": "Bearer"})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def authorised(self, headers: Headers) -> bool:
        scheme, _, given = headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode("latin-1"), self.token)


async def _http_error(request: Request, error: HTTPException) -> Response:
    """Starlette's own refusals (no such path, wrong method) as one line of JSON."""
    if error.status_code == 404:
        message = "E611 " + E611
    elif error.status_code == 405:
        message = "E612 " + E612.format(method=request.method[:20], allowed=(error.headers or {}).get("Allow", ""))
    else:
        message = str(error.detail)
    return error_response(error.status_code, message, error.headers)


def create_app(settings: ServiceSettings = ServiceSettings()) -> Starlette:
    """The service as an ASGI application (what uvicorn runs, and what the tests call)."""
    service = ReviewService(settings)
    routes = [Route("/health", service.health, methods=["GET"]), Route("/check", service.check, methods=["POST"])]
    middleware = [Middleware(TokenRequired, token=settings.token)] if settings.token else []
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: _http_error})
    app.state.service = service
    return app


class PathsOnly(logging.Filter):
    """Drops the query string from uvicorn's access log lines: a client's words never reach the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) == 5:
            client, method, path, version, status = record.args
            record.args = (client, method, str(path).split("?", 1)[0], version, status)
        return True


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or a one-line error (port taken, unknown host)."""
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        return socket.create_server(address, family=family)
    except OSError as error:
        reason = error.strerror or error.__class__.__name__
        raise ReviewError("E210", E210.format(host=host, port=port, reason=reason)) from None


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, settings: ServiceSettings = ServiceSettings()) -> None:
    """Bind, load and warm the pipeline, then answer requests until interrupted (Ctrl+C)."""
    listener = _listen(host, port)
    if not is_loopback(host):
        print(f"review: warning: serving on {host}, not this machine's loopback address: report text will "
              "travel over the network to this service (set a token with --token-file)", file=sys.stderr)
    review_text(WARM_UP_TEXT, None, None, settings.rules_path)  # the first review's lazy loading, paid now
    config = uvicorn.Config(create_app(settings), host=host, port=port, log_level="info")
    logging.getLogger("uvicorn.access").addFilter(PathsOnly())
    where = f"[{host}]" if ":" in host else host
    print(f"review: reviewing on http://{where}:{port} (POST /check, GET /health); Ctrl+C stops", file=sys.stderr)
    uvicorn.Server(config).run(sockets=[listener])

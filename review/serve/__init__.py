"""``review serve``: a local HTTP review service holding one warm pipeline (SPEC.md, version 2).

This package's top holds only what the command line needs without loading the web server stack
(its defaults, settings and token); the service itself is :mod:`review.serve.app`.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from review.core.errors import E209, ReviewError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# Requests being read, reviewed or waiting their turn at once; one more is answered 503.
DEFAULT_MAX_CONCURRENT = 8
TOKEN_ENV = "REVIEW_SERVE_TOKEN"


@dataclass(frozen=True)
class ServiceSettings:
    """What a running service is told: its limits, its shared token (None: no token) and rules."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_concurrent: int = DEFAULT_MAX_CONCURRENT
    token: str | None = None
    rules_path: str | None = None


def read_token(token_file: str | None) -> str | None:
    """The shared token: from `token_file` when given, else ``$REVIEW_SERVE_TOKEN``, else None."""
    if not token_file:
        return os.environ.get(TOKEN_ENV, "").strip() or None
    try:
        token = Path(token_file).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise ReviewError("E209", E209.format(path=token_file, reason=error.strerror or "unreadable")) from None
    except UnicodeDecodeError:
        raise ReviewError("E209", E209.format(path=token_file, reason="not UTF-8 text")) from None
    if not token or not token.isascii() or not token.isprintable():
        raise ReviewError("E209", E209.format(path=token_file, reason="it must hold one line of ASCII"))
    return token


def is_loopback(host: str) -> bool:
    """True for this machine's own addresses only (127.0.0.0/8, ::1 and "localhost")."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False

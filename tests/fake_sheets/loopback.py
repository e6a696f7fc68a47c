"""The fake Sheets API served over real HTTP on 127.0.0.1.

gspread's requests go through ``requests``, urllib3 and a real socket to a
``ThreadingHTTPServer`` on the loopback interface: the same bytes a real sync sends, with
only the host changed. A ``drop`` fault hangs up without answering, as a broken network
does.
"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import requests
from requests.adapters import HTTPAdapter

from fake_sheets.server import FakeSheets, _error
from fake_sheets.transport import SHEETS, SYNC_ACCOUNT, RefusingAdapter, account_of, authorize


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        found = self.server.resolve(parts.path)
        if found is None:
            self._send(404, _error(404, f"The requested URL {parts.path} was not found."))
            return
        fake, path = found
        try:
            body = json.loads(raw) if raw else None
        except ValueError as error:
            self._send(400, _error(400, f"Invalid JSON payload received. {error}"))
            return
        try:
            status, answer = fake.handle(self.command, path, parse_qs(parts.query), body, None,
                                         account_of(self.headers))
        except requests.exceptions.RequestException:
            # A fault asked for a lost connection: close the socket without a reply.
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send(status, answer)

    def _send(self, status: int, answer: dict) -> None:
        data = json.dumps(answer, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    def log_message(self, *args) -> None:  # keep test output clean
        if self.server.verbose:
            super().log_message(*args)


class _Server(ThreadingHTTPServer):
    """Serves many fakes, one per path prefix (tests), or one at the root (``alone``)."""

    daemon_threads = True

    def __init__(self, port: int = 0, alone: FakeSheets | None = None, verbose: bool = False):
        super().__init__(("127.0.0.1", port), _Handler)
        self.fakes: dict[str, FakeSheets] = {}
        self.alone = alone
        self.verbose = verbose

    def resolve(self, path: str) -> tuple[FakeSheets, str] | None:
        if self.alone is not None:
            return self.alone, path
        # The first path segment says which fake (each test has its own); the rest is the
        # Sheets API path.
        pieces = path.split("/", 2)
        if len(pieces) < 3 or pieces[1] not in self.fakes:
            return None
        return self.fakes[pieces[1]], "/" + pieces[2]


def serve_alone(port: int, verbose: bool = True) -> _Server:
    """An empty fake of its own on 127.0.0.1:``port`` (0: any free port), API at the root."""
    return _Server(port, alone=FakeSheets(), verbose=verbose)


_shared: _Server | None = None
_lock = threading.Lock()


def serve(fake: FakeSheets) -> str:
    """Serve ``fake`` on 127.0.0.1 and return its base URL.

    One server (a free port, a daemon thread) serves every fake of the test process; each
    fake gets its own path prefix, so tests never see each other's sheets.
    """
    global _shared
    with _lock:
        if _shared is None:
            _shared = _Server()
            threading.Thread(target=_shared.serve_forever, daemon=True).start()
        token = f"fake{len(_shared.fakes)}"
        _shared.fakes[token] = fake
        return f"http://127.0.0.1:{_shared.server_address[1]}/{token}/"


class LoopbackAdapter(HTTPAdapter):
    """Sends Google Sheets requests to the loopback server instead, over a real socket."""

    def __init__(self, base: str):
        super().__init__()
        self.base = base

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        request.url = self.base + parts.path.lstrip("/") + (f"?{parts.query}" if parts.query
                                                          else "")
        return super().send(request, **kwargs)


def loopback_session(base: str, account: str | None = SYNC_ACCOUNT) -> requests.Session:
    """A session whose only reachable host is the loopback fake; every other is refused."""
    made = authorize(requests.Session(), account)
    made.trust_env = False  # no proxy from the environment between us and 127.0.0.1
    made.mount("http://", RefusingAdapter())
    made.mount("https://", RefusingAdapter())
    made.mount(SHEETS, LoopbackAdapter(base))
    return made

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

from fake_sheets.server import FakeSheets
from fake_sheets.transport import SHEETS, RefusingAdapter


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        # The first path segment says which fake (each test has its own); the rest is the
        # Sheets API path.
        _, token, path = parts.path.split("/", 2)
        try:
            status, answer = self.server.fakes[token].handle(
                self.command, "/" + path, parse_qs(parts.query),
                json.loads(raw) if raw else None, None)
        except requests.exceptions.RequestException:
            # A fault asked for a lost connection: close the socket without a reply.
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args) -> None:  # keep test output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fakes: dict[str, FakeSheets] = {}


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


def loopback_session(base: str) -> requests.Session:
    """A session whose only reachable host is the loopback fake; every other is refused."""
    made = requests.Session()
    made.trust_env = False  # no proxy from the environment between us and 127.0.0.1
    made.mount("http://", RefusingAdapter())
    made.mount("https://", RefusingAdapter())
    made.mount(SHEETS, LoopbackAdapter(base))
    return made

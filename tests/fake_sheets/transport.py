"""``requests`` adapters: one that answers as Google Sheets, one that refuses everything."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import requests
from requests.adapters import BaseAdapter

from fake_sheets.server import FakeSheets

SHEETS = "https://sheets.googleapis.com/"
SYNC_ACCOUNT = "konexio-sync@konexio-test.iam.gserviceaccount.com"
"""The service account tests sync as, unless they say otherwise."""


def account_of(headers) -> str | None:
    """Who calls: the fake takes the bearer token as the account's address."""
    found = re.fullmatch(r"Bearer\s+(\S+)", headers.get("Authorization") or "")
    return found.group(1) if found else None


def authorize(made: requests.Session, account: str | None) -> requests.Session:
    """Calls made through ``made`` come from ``account`` (as a real token would say)."""
    if account:
        made.headers["Authorization"] = f"Bearer {account}"
    return made


class FakeSheetsAdapter(BaseAdapter):
    """Hands each request to a ``FakeSheets`` and builds the ``Response`` it would get."""

    def __init__(self, server: FakeSheets):
        super().__init__()
        self.server = server

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        parts = urlsplit(request.url)
        body = json.loads(request.body) if request.body else None
        status, answer = self.server.handle(request.method, parts.path, parse_qs(parts.query),
                                            body, timeout, account_of(request.headers))
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(answer).encode()
        response.headers["Content-Type"] = "application/json; charset=UTF-8"
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        response.reason = "OK" if status == 200 else "Error"
        return response

    def close(self):
        pass


class RefusingAdapter(BaseAdapter):
    """No test may reach the network: every other host gets a connection error."""

    def send(self, request, **kwargs):
        raise requests.exceptions.ConnectionError(f"network refused in tests: {request.url}")

    def close(self):
        pass


def session(server: FakeSheets, account: str | None = SYNC_ACCOUNT) -> requests.Session:
    """A session whose only reachable host is the fake Sheets API, calling as ``account``."""
    made = authorize(requests.Session(), account)
    made.mount("http://", RefusingAdapter())
    made.mount("https://", RefusingAdapter())
    made.mount(SHEETS, FakeSheetsAdapter(server))  # longest prefix wins
    return made

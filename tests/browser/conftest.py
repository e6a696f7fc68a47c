"""A real Chromium on the built site: one build of the shipped data and one local HTTP
server per test session; every request to another host is recorded and refused.

Chromium must be installed (Debian's, at /usr/bin/chromium; ``make test`` installs it
first): where it could not be, these tests skip saying so, and fail in CI.
"""

from __future__ import annotations

import functools
import shutil
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from konexio.site.build import build_site
from system_tools import CHROMIUM, chromium_available, require

REPO = Path(__file__).parent.parent.parent
TODAY = date(2026, 11, 24)
"""The shipped data is autumn 2026 - winter 2027: the site is built as seen on this day."""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("checkout")
    for folder in ("schedules", "volunteers", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "scripts").symlink_to(REPO / "scripts")
    build_site(root, root / "site", today=TODAY)
    return root / "site"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    require(chromium_available(), "chromium fonts-noto-core")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def outside() -> list[str]:
    """Every request to a host other than 127.0.0.1, over the whole session."""
    return []


def _guard(context, outside: list[str]) -> None:
    def route(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    context.route("**/*", route)


@pytest.fixture
def phone(browser, outside):
    """A page 360 px wide, like a small phone."""
    context = browser.new_context(viewport={"width": 360, "height": 780},
                                  device_scale_factor=1)
    _guard(context, outside)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_without_js(browser, outside):
    context = browser.new_context(viewport={"width": 360, "height": 780},
                                  java_script_enabled=False)
    _guard(context, outside)
    page = context.new_page()
    yield page
    context.close()

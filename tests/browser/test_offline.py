"""Offline reading in Chromium at 360 px, in every language (issue 26, point 3): the
service worker keeps the pages a reader opened; without a connection they open again,
with a note in the page's language saying it is a saved copy and of when; with a
connection the network's page is always the one shown; a new build's worker replaces the
old copies; nothing with a query string or from the personal calendars' folder is kept."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe

from konexio import i18n
from konexio.site import search

PREFIX = {"fr": "", "en": "en/", "ar": "ar/", "fa": "fa/", "uk": "uk/", "ps": "ps/", "ti": "ti/",
          "sw": "sw/"}
COHORT = "cohorts/digitall-beginner-la-chapelle-2026-11/"
PROGRAM = "programs/digitall-beginner/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def own_site(site_dir, tmp_path):
    """A copy of the built site on its own server (its own origin: its own worker and
    caches), which a test may change as a new build would."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(copy)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield copy, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def reader(browser, outside):
    context = browser.new_context(viewport={"width": 360, "height": 780},
                                  service_workers="allow")
    page = context.new_page()
    yield context, page
    context.close()


def _controlled(page) -> None:
    page.wait_for_function("navigator.serviceWorker.controller !== null || "
                           "navigator.serviceWorker.ready.then(() => true)")
    page.evaluate("navigator.serviceWorker.ready")


def _kept(page) -> list[str]:
    return page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) urls.push(name + ' ' + request.url);
        }
        return urls; }""")


def _wait_kept(page, path: str) -> None:
    page.wait_for_function("""async (path) => {
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            if (await cache.match(new URL(path, location.href).href)) return true;
        }
        return false; }""", arg=path, polling=100, timeout=10_000)


@pytest.mark.parametrize("lang", list(PREFIX))
def test_pages_opened_open_again_offline_with_a_note(reader, own_site, lang):
    context, page = reader
    _, base = own_site
    root = base + PREFIX[lang]
    page.goto(root + PROGRAM)
    _controlled(page)
    page.goto(root + COHORT)
    feed = page.locator('a[href$=".ics"]:not([href^="webcal"])').first.get_attribute("href")
    feed_url = page.evaluate("href => new URL(href, location.href).href", feed)
    for url in (root + PROGRAM, root + COHORT, feed_url):
        _wait_kept(page, url)
    assert page.locator(".kx-saved").count() == 0  # online: the network's page, no note

    context.set_offline(True)
    page.reload()
    note = page.locator(".kx-saved")
    note.wait_for()
    saved = i18n.gettext(lang, search.WORDS["saved"], date="%(date)s")
    before, after = saved.split("%(date)s")
    text = note.text_content()
    assert text.startswith(before) and text.endswith(after)
    assert re.search(r"[0-9\u0660-\u0669\u06f0-\u06f9]", text[len(before):-len(after)])
    assert page.locator("h1").count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        in ("sticky", "fixed")  # the styles came from the saved copy too
    results = Axe().run(page, context={"include": [[".kx-saved"]]})
    assert results.violations_count == 0, results.generate_report()
    # The cohort's calendar feed was kept with the page.
    assert page.evaluate("async url => (await fetch(url)).ok", feed_url)

    # A link to a page already seen opens its saved copy; one never opened does not.
    page.locator(f'a[href$="{PROGRAM}"]').first.click()
    page.wait_for_url(re.compile(re.escape(PROGRAM) + "$"))
    page.locator(".kx-saved").wait_for()
    assert not page.evaluate("""async () => {
        try { return (await fetch('../../apply/')).ok; } catch (e) { return false; } }""")
    context.set_offline(False)


def test_the_network_wins_when_it_answers(reader, own_site):
    context, page = reader
    site, base = own_site
    page.goto(base + COHORT)
    _controlled(page)
    page.reload()
    _wait_kept(page, base + COHORT)
    html = site / COHORT / "index.html"
    html.write_text(html.read_text(encoding="utf-8").replace(
        "</h1>", " (changed)</h1>", 1), encoding="utf-8")
    page.reload()
    assert "(changed)" in page.locator("h1").text_content()  # not the saved copy
    assert page.locator(".kx-saved").count() == 0
    page.wait_for_timeout(300)
    context.set_offline(True)
    page.reload()
    page.locator(".kx-saved").wait_for()
    assert "(changed)" in page.locator("h1").text_content()  # the copy was refreshed


def test_a_new_build_replaces_the_old_copies_and_secrets_are_never_kept(reader, own_site):
    context, page = reader
    site, base = own_site
    page.goto(base + COHORT)
    _controlled(page)
    page.reload()
    _wait_kept(page, base + COHORT)
    # Nothing with a query string, nothing from the personal calendars' folder.
    page.evaluate("""async () => {
        for (const url of ['./?token=abc', '../../v/abc/agenda.ics']) {
            try { await fetch(url); } catch (e) {} } }""")
    page.wait_for_timeout(300)
    kept = _kept(page)
    assert kept and not [url for url in kept if "?" in url or "/v/" in url]
    old = {line.split(" ")[0] for line in kept}
    assert len(old) == 1

    worker = site / "sw.js"
    text = worker.read_text(encoding="utf-8")
    version = re.search(r'const VERSION = "([0-9a-f]+)"', text).group(1)
    worker.write_text(text.replace(version, "0" * len(version)), encoding="utf-8")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.wait_for_function("""async (old) => {
        const names = await caches.keys();
        return !names.includes(old); }""", arg=old.pop(), polling=100, timeout=10_000)
    page.reload()
    _wait_kept(page, base + COHORT)
    assert {line.split(" ")[0] for line in _kept(page)} == {"kx-pages-" + "0" * len(version)}

"""``konexio personal-feeds``: each volunteer's calendar, at a secret address, no name,
on the association's own host: never in the site, its sitemap or its search index."""

from __future__ import annotations

import json

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream
from openpyxl import load_workbook

from konexio.cli import main
from konexio.feeds import feed_context, write_feeds
from konexio.notify.run import notify
from konexio.site.build import build_site
from konexio.site.search import indexed_pages
from konexio.sync.roster import ROSTER, ROSTER_HEADER, TOKEN
from konexio.sync.xlsx import XlsxBackend
from konexio.urls import PERSONAL_ADDRESS
from konexio.validate import load_valid
from test_notify import (
    COHORT,
    PEOPLE,
    PERSONAL,
    SITE,
    TODAY,
    book_path,
    cancel,
    fill_roster,
    mailer,
    people_path,
    run_sync,
    shift_id,
    sign_up,
)
from test_notify import smtp as smtp  # noqa: F401 - the fixture
from test_notify import staffed as staffed  # noqa: F401 - the fixture
from test_site import FIXTURES, make_root


@pytest.fixture(autouse=True)
def personal_host(monkeypatch):
    """Where the association's host serves the calendars (the daily run's variable)."""
    monkeypatch.setenv(PERSONAL_ADDRESS, PERSONAL)


def tokens(root) -> list[str]:
    sheet = load_workbook(people_path(root))[ROSTER]
    col = ROSTER_HEADER.index(TOKEN) + 1
    return [sheet.cell(r, col).value for r in (2, 3, 4)]


def build(root, out) -> None:
    assert main(["personal-feeds", "--root", str(root), "--out", str(out),
                 "--today", TODAY.isoformat(), "--site-url", SITE]) == 0


def test_each_volunteer_gets_their_sessions_and_nothing_personal(staffed, tmp_path,  # noqa: F811
                                                                 capsys):
    sign_up(staffed, shift_id("2026-12-02"), "Awa Exemple")
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    out = tmp_path / "site"
    build(staffed, out)
    printed = capsys.readouterr()
    assert "3 agendas personnels écrits dans" in printed.out
    awa, sam, layla = tokens(staffed)
    assert not [t for t in (awa, sam, layla) if t in printed.out + printed.err]  # the log
    feed = (out / "v" / awa / "agenda.ics").read_bytes()
    ours = icalendar.Calendar.from_ical(feed)
    uids = [str(e["UID"]) for e in ours.walk("VEVENT")]
    assert uids == [f"{COHORT}/2026-11-23/1400@konexio.eu",
                    f"{COHORT}/2026-12-02/1400@konexio.eu"]
    assert [str(e["STATUS"]) for e in ours.walk("VEVENT")] == ["CANCELLED", "CONFIRMED"]
    theirs = IcsCalendarStream.calendar_from_ics(feed.decode())
    assert [e.uid for e in theirs.events] == uids
    # the same UID and SEQUENCE as the published feed of the cohort
    dataset, schedule = load_valid(staffed)
    write_feeds(dataset, schedule, tmp_path / "public", SITE, today=TODAY, root=staffed)
    public = icalendar.Calendar.from_ical(
        (tmp_path / "public" / "feeds" / "fr" / f"cohort-{COHORT}.ics").read_bytes())
    sequences = {str(e["UID"]): int(e["SEQUENCE"]) for e in public.walk("VEVENT")}
    assert all(sequences[str(e["UID"])] == int(e["SEQUENCE"]) for e in ours.walk("VEVENT"))
    english = icalendar.Calendar.from_ical((out / "v" / sam / "agenda.ics").read_bytes())
    assert str(english["X-WR-CALNAME"]) == "Konexio · my volunteer shifts"
    for person in PEOPLE:
        for folder in (out / "v").iterdir():
            for path in folder.glob("*") if folder.is_dir() else [folder]:
                text = path.read_text(encoding="utf-8")
                assert person[0] not in text and person[1] not in text
    page = (out / "v" / layla / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow, noarchive">' in page
    assert 'dir="rtl"' in page and f"webcal://agendas.example.org/v/{layla}/agenda.ics" in page
    assert f"https://agendas.example.org/v/{layla}/agenda.ics" in page
    assert "konexio.example.org" not in page  # the public site serves no personal calendar


def test_a_cleared_token_kills_the_old_address(staffed, tmp_path):  # noqa: F811
    out = tmp_path / "personal"
    (out / "index.html").parent.mkdir(parents=True)
    (out / "index.html").write_text("the host's own page")
    build(staffed, out)
    old = tokens(staffed)[0]
    assert (out / "v" / old / "agenda.ics").is_file()
    path = people_path(staffed)
    book = load_workbook(path)
    book[ROSTER].cell(2, ROSTER_HEADER.index(TOKEN) + 1).value = None
    book.save(path)
    run_sync(staffed)
    build(staffed, out)
    new = tokens(staffed)[0]
    assert new != old
    assert not (out / "v" / old).exists() and (out / "v" / new / "agenda.ics").is_file()
    assert (out / "index.html").read_text() == "the host's own page"
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "v"]


# --- where they may be written, and where their address comes from ------------------------


def test_by_default_they_go_under_the_git_ignored_cache(staffed):  # noqa: F811
    assert main(["personal-feeds", "--root", str(staffed), "--today", TODAY.isoformat(),
                 "--site-url", SITE]) == 0
    written = sorted((staffed / ".cache/personal/v").glob("*/agenda.ics"))
    assert [p.parent.name for p in written] == sorted(tokens(staffed))


@pytest.mark.parametrize(("inside", "place"), [
    ("site", "site"), ("site/v", "site"), ("docs", "docs"), ("docs/fr", "docs"),
    (".cache/stage/fr", ".cache/stage"), ("", ""), ("volunteers", ""), ("v", "")])
def test_a_folder_that_is_published_or_kept_by_git_is_refused(staffed, capsys,  # noqa: F811
                                                              inside, place):
    out = staffed / inside
    before = sorted(p for p in staffed.rglob("*") if ".cache" not in p.parts)
    assert main(["personal-feeds", "--root", str(staffed), "--out", str(out),
                 "--today", TODAY.isoformat(), "--site-url", SITE]) == 1
    err = capsys.readouterr().err
    named = (staffed / place) if place else staffed
    assert f"konexio personal-feeds : {out.resolve()} est dans {named}, qui est " in err
    assert "un agenda personnel ne doit jamais y être écrit" in err
    assert sorted(p for p in staffed.rglob("*") if ".cache" not in p.parts) == before
    assert not (staffed / ".cache/personal").exists()
    assert main(["personal-feeds", "--root", str(staffed), "--out", str(out), "--lang", "en",
                 "--today", TODAY.isoformat(), "--site-url", SITE]) == 1
    assert "which is published or kept by git" in capsys.readouterr().err


@pytest.mark.parametrize("address", [None, "http://agendas.example.org/",
                                     SITE + "agendas/", "https://"])
def test_without_the_hosts_address_nothing_is_written_and_the_command_says_why(
        staffed, tmp_path, capsys, monkeypatch, address):  # noqa: F811
    if address is None:
        monkeypatch.delenv(PERSONAL_ADDRESS)
    else:
        monkeypatch.setenv(PERSONAL_ADDRESS, address)
    out = tmp_path / "personal"
    command = ["personal-feeds", "--root", str(staffed), "--out", str(out),
               "--today", TODAY.isoformat(), "--site-url", SITE]
    assert main(command) == 1
    err = capsys.readouterr().err
    assert err.startswith("konexio personal-feeds : l'adresse des agendas personnels n'est "
                          "pas réglée (KONEXIO_PERSONAL_FEEDS_URL : l'adresse https://")
    assert err.rstrip().endswith("aucun agenda n'a été écrit")
    assert not out.exists()
    assert main([*command, "--lang", "en"]) == 1
    assert "the personal calendars' address is not set" in capsys.readouterr().err


def test_without_the_hosts_address_a_mail_carries_no_calendar_link(staffed, smtp):  # noqa: F811
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    dataset, schedule = load_valid(staffed)
    context = feed_context(dataset, SITE, today=TODAY, root=staffed, environ={})
    assert context.personal_url is None
    report = notify(dataset, schedule, XlsxBackend(book_path(staffed)), context,
                    mailer=mailer(smtp), sender="Konexio <benevoles@example.org>",
                    today=TODAY)
    assert report.sent == 1
    text = smtp.received[0].message.get_body(("plain",)).get_content()
    assert "Salle inondée" in text  # the notice itself leaves as before
    assert "webcal://" not in text and not [t for t in tokens(staffed) if t in text]


# --- what the build publishes ------------------------------------------------------------


def test_the_built_site_its_sitemaps_and_search_indexes_hold_no_token(tmp_path, capsys):
    """The daily run's order on one checkout: sync, personal calendars (default folder),
    then the build. Nothing of them may reach the site pushed to gh-pages."""
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    run_sync(root)
    fill_roster(root)
    run_sync(root)
    sign_up(root, shift_id("2026-11-23"), "Awa Exemple")
    assert main(["personal-feeds", "--root", str(root), "--today", TODAY.isoformat(),
                 "--site-url", SITE]) == 0
    made = tokens(root)
    assert all((root / ".cache/personal/v" / t / "agenda.ics").is_file() for t in made)
    # Asked to write into the site that gets published: refused, nothing written there.
    assert main(["personal-feeds", "--root", str(root), "--out", str(root / "site"),
                 "--today", TODAY.isoformat(), "--site-url", SITE]) == 1
    assert not (root / "site").exists()
    capsys.readouterr()

    build_site(root, root / "site", today=TODAY)
    site = root / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    assert len(files) > 100
    for path in files:
        data = path.read_bytes()
        assert not [t for t in made if t.encode() in data], path
    assert not [p for p in site.rglob("v") if p.is_dir()]
    sitemaps = sorted(site.rglob("sitemap.xml"))
    assert len(sitemaps) == 8  # one per language
    for sitemap in sitemaps:
        text = sitemap.read_text(encoding="utf-8")
        assert "<loc>" in text and "/v/" not in text, sitemap
    # The search index is compressed: read as the browser does.
    indexed = indexed_pages(site)
    assert {page["language"] for page in indexed.values()} == {"fr", "en", "ar", "fa-af", "uk",
                                                               "ps", "ti", "sw"}
    assert not [url for url in indexed if "/v/" in url]
    for page in indexed.values():
        assert not [t for t in made if t in json.dumps(page, ensure_ascii=False)], page["url"]

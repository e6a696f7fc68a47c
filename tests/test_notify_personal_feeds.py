"""``konexio personal-feeds``: each volunteer's calendar, at a secret address, no name."""

from __future__ import annotations

import icalendar
from ical.calendar_stream import IcsCalendarStream
from openpyxl import load_workbook

from konexio.cli import main
from konexio.feeds import write_feeds
from konexio.sync.roster import ROSTER, ROSTER_HEADER, TOKEN
from konexio.validate import load_valid
from test_notify import (
    COHORT,
    PEOPLE,
    SITE,
    TODAY,
    book_path,
    cancel,
    run_sync,
    shift_id,
    sign_up,
)
from test_notify import staffed as staffed  # noqa: F401 - the fixture


def tokens(root) -> list[str]:
    sheet = load_workbook(book_path(root))[ROSTER]
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
    assert "3 agendas personnels écrits dans" in capsys.readouterr().out
    awa, sam, layla = tokens(staffed)
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
    assert 'dir="rtl"' in page and f"webcal://konexio.example.org/v/{layla}/agenda.ics" in page


def test_a_cleared_token_kills_the_old_address(staffed, tmp_path):  # noqa: F811
    out = tmp_path / "site"
    (out / "index.html").parent.mkdir(parents=True)
    (out / "index.html").write_text("the public site")
    build(staffed, out)
    old = tokens(staffed)[0]
    assert (out / "v" / old / "agenda.ics").is_file()
    path = book_path(staffed)
    book = load_workbook(path)
    book[ROSTER].cell(2, ROSTER_HEADER.index(TOKEN) + 1).value = None
    book.save(path)
    run_sync(staffed)
    build(staffed, out)
    new = tokens(staffed)[0]
    assert new != old
    assert not (out / "v" / old).exists() and (out / "v" / new / "agenda.ics").is_file()
    assert (out / "index.html").read_text() == "the public site"
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "v"]

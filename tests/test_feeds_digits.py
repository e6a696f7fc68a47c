"""The feeds' texts in each language's digits (issue 25 point 4): Persian digits in Dari
titles, descriptions and summaries (dates, times, counts and texts of the data written in
Dari), Latin ones in the machine fields (DTSTART, UID, URL) and in addresses."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import icalendar

from konexio.feeds import write_feeds
from konexio.validate import load_valid

SITE = "https://konexio.example.org"
COHORT = "digitall-beginner-paris-2026-11"
LATIN = set("0123456789")


def feeds(root: Path, out: Path) -> dict[str, bytes]:
    dataset, schedule = load_valid(root)
    written = write_feeds(dataset, schedule, out, SITE, today=date(2026, 10, 1))
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in written}


def test_dari_feed_texts_write_persian_digits(minimal_root, tmp_path):
    antenna = minimal_root / "schedules/antennas/paris.yml"
    text = antenna.read_text(encoding="utf-8")
    old = "access: {fr: Métro Belleville, en: Belleville metro, ar: مترو بيلفيل}"
    assert old in text
    antenna.write_text(text.replace(old, old[:-1] + ", fa: مترو بلویل (خط 2 و 11)}"),
                       encoding="utf-8")
    made = feeds(minimal_root, tmp_path / "out")
    calendar = icalendar.Calendar.from_ical(made[f"feeds/fa/cohort-{COHORT}.ics"])
    assert str(calendar["X-WR-CALNAME"]).endswith("از ۲ نومبر ۲۰۲۶")
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    moved = events[f"{COHORT}/2026-11-18/1400@konexio.eu"]
    description = str(moved["DESCRIPTION"])
    assert "چهارشنبه ۱۸ نومبر ۲۰۲۶" in description and "۱۴:۰۰" in description
    assert "مترو بلویل (خط ۲ و ۱۱)" in description
    # Machine fields and the address keep their Latin digits.
    assert moved["DTSTART"].dt.day == 19 and "2026-11-18" in str(moved["UID"])
    assert "75020" in str(moved["LOCATION"])
    for event in events.values():
        assert not LATIN & set(str(event["SUMMARY"]))
        # Latin digits only in Latin-script values: the contact's e-mail, the page's
        # address, a room as typed ("Salle 1").
        for line in str(event["DESCRIPTION"]).split("\n"):
            rest = re.sub(r"\S+@\S+|https://\S+|[A-Za-z]+[ .-]?[0-9][0-9.]*", "", line)
            assert not LATIN & set(rest), line
    # English and Arabic (CLDR's plain "ar": Latin digits) are as before.
    english = icalendar.Calendar.from_ical(made[f"feeds/en/cohort-{COHORT}.ics"])
    assert str(english["X-WR-CALNAME"]).endswith("from November 2\\, 2026")  # escaped
    arabic = icalendar.Calendar.from_ical(made[f"feeds/ar/cohort-{COHORT}.ics"])
    assert "2026" in str(arabic["X-WR-CALNAME"])

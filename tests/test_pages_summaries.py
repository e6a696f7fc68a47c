"""Every summary of a cohort agrees with the list of sessions under it (issue 25 point 4).

"From ... to ...", "N sessions" and "N cancelled" are computed here again, independently,
from the expanded occurrences (the schedule), and read back from the rendered page: on the
shipped data in every language, and on made-up cohorts whose last session moved, whose
last or first session was cancelled, or whose declared end is not a session day.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from konexio import LANGUAGES
from konexio.feeds import feed_catalogue
from konexio.pages.formatting import Dates
from konexio.pages.render import render_pages
from konexio.pages.views import Site
from konexio.validate import load_valid

REPO = Path(__file__).parent.parent
TODAY = date(2026, 11, 10)
COHORT_ID = "digitall-beginner-paris-2026-11"
COHORT_FILE = f"schedules/cohorts/paris/{COHORT_ID}.yml"


def held(schedule, cohort_id: str) -> tuple[date, date]:
    days = [o.start.date() for o in schedule.occurrences
            if o.cohort == cohort_id and not o.cancelled]
    return min(days), max(days)


def listed(markdown: str) -> tuple[int, int]:
    """How many sessions the screen list shows, and how many of them are struck out."""
    block = markdown.split('<ol class="kx-sessions">', 1)[1].split("</ol>", 1)[0]
    hours = re.findall(r"<bdi[^>]*>[^<]*[:٫][^<]*</bdi>", block)
    return len(hours), block.count("<s>")


def heading_count(markdown: str, lang: str) -> int:
    line = next(line for line in markdown.splitlines() if line.endswith("{: #sessions }"))
    number = re.search(r"[0-9۰-۹]+", line).group()
    return int(number.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))


def pages(root: Path, lang: str, today: date = TODAY):
    dataset, schedule = load_valid(root)
    site = Site.of(dataset, schedule, today, "https://example.org/")
    return schedule, {p.src_uri: p.markdown for p in render_pages(site, lang)}


def check_cohort(markdown: str, lang: str, schedule, cohort_id: str) -> None:
    first, last = held(schedule, cohort_id)
    ours = [o for o in schedule.occurrences if o.cohort == cohort_id]
    cancelled = sum(o.cancelled for o in ours)
    assert f"** {Dates(lang).days(first, last)}\n" in markdown
    assert listed(markdown) == (len(ours), cancelled)
    assert heading_count(markdown, lang) == len(ours)
    assert (Dates(lang).number(cancelled) in markdown.split("{: #sessions }", 1)[1]
            .split('<ol class="kx-sessions">', 1)[0]) == bool(cancelled)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shipped_cohorts_summaries_agree_with_their_lists(lang):
    schedule, made = pages(REPO, lang, date(2026, 11, 24))
    cohorts = {o.cohort for o in schedule.occurrences}
    assert len(cohorts) > 10
    for cohort_id in cohorts:
        check_cohort(made[f"cohorts/{cohort_id}/index.md"], lang, schedule, cohort_id)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_declared_end_is_not_said_when_no_session_falls_on_it(minimal_root):
    """The YAML ends on Friday 15 January; the last session is Wednesday 13."""
    schedule, made = pages(minimal_root, "fr")
    page = made[f"cohorts/{COHORT_ID}/index.md"]
    assert held(schedule, COHORT_ID) == (date(2026, 11, 2), date(2027, 1, 13))
    assert "** lun. 2 nov. 2026\u2009–\u2009mer. 13 janv. 2027\n" in page
    assert "ven. 15 janv." not in page and "vendredi 15 janvier" not in page
    check_cohort(page, "fr", schedule, COHORT_ID)


def test_a_last_session_moved_later_ends_the_span_on_its_new_day(minimal_root):
    edit(minimal_root / COHORT_FILE, "  - date: 2026-11-18\n    to_date: 2026-11-19",
         "  - date: 2026-11-18\n    to_date: 2026-11-19\n    reason: {fr: x, en: x, ar: x}\n"
         "  - date: 2027-01-13\n    to_date: 2027-01-14")
    schedule, made = pages(minimal_root, "fr")
    page = made[f"cohorts/{COHORT_ID}/index.md"]
    assert held(schedule, COHORT_ID)[1] == date(2027, 1, 14)
    assert "** lun. 2 nov. 2026\u2009–\u2009jeu. 14 janv. 2027\n" in page
    check_cohort(page, "fr", schedule, COHORT_ID)
    for lang in LANGUAGES:
        schedule, made = pages(minimal_root, lang)
        check_cohort(made[f"cohorts/{COHORT_ID}/index.md"], lang, schedule, COHORT_ID)


def test_cancelled_first_and_last_sessions_are_listed_but_not_in_the_span(minimal_root):
    edit(minimal_root / COHORT_FILE, "cancelled:\n",
         "cancelled:\n  - date: 2026-11-02\n    reason: {fr: a, en: a, ar: a}\n"
         "  - date: 2027-01-13\n    reason: {fr: b, en: b, ar: b}\n")
    schedule, made = pages(minimal_root, "fr")
    page = made[f"cohorts/{COHORT_ID}/index.md"]
    assert held(schedule, COHORT_ID) == (date(2026, 11, 4), date(2027, 1, 11))
    assert "** mer. 4 nov. 2026\u2009–\u2009lun. 11 janv. 2027\n" in page
    assert "Dont 3 annulées." in page
    check_cohort(page, "fr", schedule, COHORT_ID)
    # The card on the home page and the feed's title say the same first day.
    assert "4 nov. 2026\u2009–\u200911 janv. 2027" in made["index.md"]
    dataset, schedule = load_valid(minimal_root)
    title = next(spec.title for spec in feed_catalogue(dataset, schedule)
                 if spec.id == COHORT_ID)
    assert title.get("fr").endswith("dès le 4 novembre 2026")


def test_a_cohort_is_upcoming_until_its_moved_last_session(minimal_root):
    """Declared to end on 13 January, its last session moved to the 14th: on the 14th
    the cohort is still listed (on its antenna's page)."""
    edit(minimal_root / COHORT_FILE, "end: 2027-01-15", "end: 2027-01-13")
    edit(minimal_root / COHORT_FILE, "  - date: 2026-11-18\n    to_date: 2026-11-19",
         "  - date: 2026-11-18\n    to_date: 2026-11-19\n    reason: {fr: x, en: x, ar: x}\n"
         "  - date: 2027-01-13\n    to_date: 2027-01-14")
    _, made = pages(minimal_root, "fr", today=date(2027, 1, 14))
    assert f"cohorts/{COHORT_ID}/" in made["antennas/paris/index.md"]

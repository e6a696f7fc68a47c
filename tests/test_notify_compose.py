"""``notify.compose``: every mail a volunteer receives links to the privacy notice for
volunteers, in the volunteer's language, at a page the build makes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from konexio import urls
from konexio.feeds.events import FeedContext
from konexio.i18n import VOLUNTEERS
from konexio.notify.changes import Kind, Letter, Mail, current_state
from konexio.notify.compose import compose, privacy_notice
from konexio.notify.people import Row, SignUp
from konexio.pages.render import render_pages
from konexio.pages.views import Site
from konexio.sync.roster import Volunteer
from konexio.validate import load_valid

SITE = "https://formations.example.org/"
TODAY = date(2026, 11, 10)


@pytest.fixture
def minimal(minimal_root):
    dataset, schedule = load_valid(minimal_root)
    return dataset, schedule, FeedContext(dataset=dataset, site_url=SITE, today=TODAY, times={})


def a_mail(schedule, kind: Kind, lang: str) -> Mail:
    occurrence = schedule.occurrences[0]
    state = current_state(occurrence)
    shift_id = f"{occurrence.key}/trainer"
    volunteer = Volunteer(row=1, name="Awa Example", email="awa@example.org", language=lang,
                          reminders=True, token="")
    signup = SignUp(shift_id, "Awa Example", "Paris", 4, 12,
                    Row(state.date, state.start, state.end, state.venue, "prévue"))
    return Mail(kind=kind, volunteer=volunteer, signup=signup, antenna="paris", shift=None,
                occurrence=occurrence, before=state, now=state, sequence=0)


def text_of(mail: Mail, context, schedule) -> str:
    message = compose(Letter(mail.volunteer, (mail,)), context, schedule,
                      "Konexio <benevoles@example.org>", "<1@example.org>",
                      datetime(2026, 11, 10, 8, tzinfo=UTC))
    return message.get_body(("plain",)).get_content()


@pytest.mark.parametrize("lang", VOLUNTEERS.languages)
@pytest.mark.parametrize("kind", [kind for kind in Kind
                                  if kind not in (Kind.signup, Kind.digest)])  # digest: below
def test_every_mail_links_to_the_privacy_notice_in_the_volunteers_language(minimal, kind,
                                                                             lang):
    dataset, schedule, context = minimal
    text = text_of(a_mail(schedule, kind, lang), context, schedule)
    address = urls.absolute_url(SITE, urls.page_url(lang, "volunteers-privacy"))
    assert privacy_notice(SITE, lang) == address
    line = VOLUNTEERS.gettext(lang, "Ce que nous gardons sur vous, et comment le voir ou "
                              "l'effacer : %(value)s", value=address)
    assert line in text.splitlines()
    assert lang == "fr" or "Ce que nous gardons" not in line  # the line is translated


@pytest.mark.parametrize("lang", VOLUNTEERS.languages)
def test_the_link_is_a_page_the_build_makes_in_that_language(minimal, lang):
    dataset, schedule, _ = minimal
    site = Site.of(dataset, schedule, TODAY, SITE)
    made = {urls.lang_prefix(lang) + page.src_uri.removesuffix("index.md")
            for page in render_pages(site, lang)}
    path = privacy_notice(SITE, lang).removeprefix(SITE)
    assert path in made
    assert path == ("" if lang == "fr" else f"{lang}/") + "volunteers/privacy/"

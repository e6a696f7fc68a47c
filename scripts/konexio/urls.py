"""Where each generated page and feed lives in the site, in one place, so pages link to
feeds (and feeds to pages) without either guessing the other's layout.

Paths are relative to the site root and use '/' separators. French is the default
language and lives at the root; the others under their code (``en/``, ``ar/``).
"""

from __future__ import annotations

from collections.abc import Mapping

from konexio import LANGUAGES

DEFAULT_LANGUAGE = LANGUAGES[0]
PERSONAL_FOLDER = "v"
"""Where each volunteer's own calendar lives (``v/<token>/agenda.ics``), on its own host:
never a folder of the public site."""
PERSONAL_ADDRESS = "KONEXIO_PERSONAL_FEEDS_URL"
"""The variable that says where the volunteers' own calendars are served: the https://
address of the folder the daily run copies them to, on the association's host, never
under the public site (README, "Personal calendars")."""


def lang_prefix(lang: str) -> str:
    """'' for French, 'en/' for English, 'ar/' for Arabic."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def page_dir(kind: str, ident: str = "") -> str:
    """Language-neutral folder of a generated page, e.g. ``cohorts/<id>/``.

    kind is one of: home, programs, program, antennas, antenna, cohort, volunteers,
    volunteers-privacy (the privacy notice for volunteers, linked from their mails), impact,
    calendars, partners (the open data and feeds, for the people who refer learners).
    """
    folders = {
        "home": "",
        "programs": "programs/",
        "program": f"programs/{ident}/",
        "antennas": "antennas/",
        "antenna": f"antennas/{ident}/",
        "cohort": f"cohorts/{ident}/",
        "volunteers": "volunteers/",
        "volunteers-privacy": "volunteers/privacy/",
        "impact": "impact/",
        "calendars": "calendars/",
        "partners": "partners/",
    }
    return folders[kind]


def page_url(lang: str, kind: str, ident: str = "") -> str:
    """Site-relative URL of a generated page in ``lang`` (directory URLs end with '/')."""
    return lang_prefix(lang) + page_dir(kind, ident)


def feed_name(scope: str, ident: str = "", antenna: str = "") -> str:
    """File name of a feed.

    scope: ``all``; ``antenna``, ``program`` or ``cohort`` with their id; ``role`` with the
    role id and the antenna id (the sessions of that antenna that need that role).
    """
    if scope == "all":
        return "all.ics"
    if scope == "role":
        return f"role-{ident}-{antenna}.ics"
    return f"{scope}-{ident}.ics"


def feed_url(lang: str, scope: str, ident: str = "", antenna: str = "") -> str:
    """Site-relative URL of a feed in ``lang``: ``feeds/<lang>/<name>.ics`` for every
    language (feeds are files, not pages, so French gets its folder too)."""
    return f"feeds/{lang}/{feed_name(scope, ident, antenna)}"


def absolute_url(site_url: str, path: str) -> str:
    """``path`` (site-relative, as returned above) under the public address of the site."""
    return f"{site_url.rstrip('/')}/{path.lstrip('/')}"


def webcal_url(site_url: str, path: str) -> str:
    """The ``webcal://`` address of a feed: calendar apps open it as a subscription rather
    than downloading a one-off copy (same host and path, only the scheme changes)."""
    address = absolute_url(site_url, path)
    return "webcal://" + address.split("://", 1)[-1]


def personal_address(environ: Mapping[str, str], public_site: str) -> str | None:
    """The base address of the personal calendars (``PERSONAL_ADDRESS``), ending in ``/``;
    None when it is unset, not https:// (a token must not travel in clear), or inside the
    public site, which never holds them: a link there would be broken."""
    found = environ.get(PERSONAL_ADDRESS, "").strip()
    if not found.startswith("https://") or len(found) <= len("https://"):
        return None
    found = found if found.endswith("/") else found + "/"
    public = public_site if public_site.endswith("/") else public_site + "/"
    if public.startswith(("https://", "http://")) and \
            found.split("://", 1)[1].startswith(public.split("://", 1)[1]):
        return None
    return found


OPEN_DATA_FILES = {
    "structures": "open-data/data-inclusion/structures.json",
    "services": "open-data/data-inclusion/services.json",
    "lheo": "open-data/lheo.xml",
}
"""Site-relative addresses of the open-data files (the same in every language): partners'
tools fetch them, so they never move (the partners' page lists them)."""

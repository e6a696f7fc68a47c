"""Step 5b: the iCalendar feeds people subscribe to, made from the expanded occurrences.

Public API for the site build:

- ``feed_catalogue(dataset, schedule) -> list[FeedSpec]``: every feed, its title and path in
  each language (``spec.path(lang)``, ``spec.url(lang, site_url)``, ``spec.webcal(...)``);
- ``write_feeds(dataset, schedule, out_dir, site_url, *, today=None, root=None)``: writes
  them all and returns the paths;
- ``howto.HOWTOS``: how to subscribe in Google Calendar, Apple Calendar, Outlook and
  Thunderbird, in each language.

Inside: ``catalogue`` (which feeds), ``events`` (occurrence -> VEVENT), ``calendar``
(feed -> bytes), ``stamps`` (DTSTAMP from git), ``write`` (the files).
"""

from konexio.feeds.calendar import render_feed
from konexio.feeds.catalogue import FeedSpec, Scope, feed_catalogue, occurrences_of
from konexio.feeds.events import FeedContext, uid
from konexio.feeds.write import feed_context, write_feeds

__all__ = [
    "FeedContext",
    "FeedSpec",
    "Scope",
    "feed_catalogue",
    "feed_context",
    "occurrences_of",
    "render_feed",
    "uid",
    "write_feeds",
]

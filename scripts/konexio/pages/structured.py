"""schema.org data of a cohort page (JSON-LD), for search engines (pure).

A cohort is a ``Course`` (the program) with one ``CourseInstance`` (this group, at this
venue, between these dates), the shape Google documents for course info: a course's name,
description, provider and offers (category ``Free``), and an instance's mode, schedule and
place. Everything comes from the dataset and the expanded schedule; nothing is computed
twice.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from markupsafe import Markup

from konexio.pages.views import CohortView

ORGANISATION = "Konexio"
_POSTCODE = re.compile(r"^\s*(\d{4,5})\s+(.*)$")


def postal_address(address: str, city: str, country: str) -> dict:
    """'20 rue de Belleville, 75020 Paris' -> street, postcode, city and country."""
    street, _, last = address.rpartition(",")
    found = {"@type": "PostalAddress", "streetAddress": (street or address).strip(),
             "addressLocality": city, "addressCountry": country}
    match = _POSTCODE.match(last) if street else None
    if match:
        found["postalCode"] = match.group(1)
    return found


def _hours(minutes: int) -> str:
    """ISO 8601 duration: 240 minutes -> 'PT4H', 90 -> 'PT1H30M'."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def course(view: CohortView, lang: str, page_url: str, site_url: str) -> dict:
    """The JSON-LD object of one cohort page in ``lang``."""
    cohort, venue, antenna = view.cohort, view.venue, view.antenna
    weekly = sum((datetime.combine(cohort.start, s.end) - datetime.combine(cohort.start, s.start))
                 .seconds // 60 for s in cohort.sessions)
    # The days the sessions take place, as the page's "from ... to ..." says them.
    first, last = view.first_day, view.last_day
    weeks = max(1, -(-((last - first).days + 1) // 7))
    provider = {"@type": "Organization", "name": ORGANISATION, "url": site_url}
    free = {"@type": "Offer", "category": "Free", "price": 0, "priceCurrency": "EUR",
            "url": page_url + "#apply"}
    return {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": page_url + "#course",
        "name": view.program.name.get(lang),
        "description": view.program.summary.get(lang),
        "url": page_url,
        "inLanguage": cohort.language,
        "educationalLevel": view.level.value,
        "isAccessibleForFree": True,
        "provider": provider,
        "offers": [free],
        "hasCourseInstance": [{
            "@type": "CourseInstance",
            "name": f"{view.program.name.get(lang)} · {antenna.name.get(lang)}",
            "courseMode": "Onsite",
            "startDate": first.isoformat(),
            "endDate": last.isoformat(),
            "inLanguage": cohort.language,
            "isAccessibleForFree": True,
            "maximumAttendeeCapacity": cohort.capacity,
            "organizer": provider,
            "offers": free,
            "courseSchedule": {
                "@type": "Schedule",
                "repeatFrequency": "Weekly",
                "repeatCount": weeks,
                "duration": _hours(weekly),
                "startDate": first.isoformat(),
                "endDate": last.isoformat(),
                "scheduleTimezone": antenna.timezone,
            },
            "location": {
                "@type": "Place",
                "name": venue.name.get(lang),
                "address": postal_address(venue.address, venue.city, antenna.country),
            },
        }],
    }


def json_ld(data: dict) -> Markup:
    """A ``<script type="application/ld+json">``; ``<``, ``>`` and ``&`` escaped so that no
    text of the data can close the script."""
    text = json.dumps(data, ensure_ascii=False)  # one line: one raw HTML line for Markdown
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')

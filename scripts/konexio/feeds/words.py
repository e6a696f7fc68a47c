"""The fixed words of the feeds, in each site language.

Names of programs, antennas, venues and roles come from the data (``Text``); only the
glue around them lives here. Templates are filled with ``str.format``.
"""

from __future__ import annotations

from datetime import date, time

from babel.dates import format_date, format_time

WORDS: dict[str, dict[str, str]] = {
    "all.title": {
        "fr": "Konexio · toutes les séances",
        "en": "Konexio · all sessions",
        "ar": "كونكسيو · جميع الحصص",
    },
    "antenna.title": {
        "fr": "Konexio {antenna} · toutes les séances",
        "en": "Konexio {antenna} · all sessions",
        "ar": "كونكسيو {antenna} · جميع الحصص",
    },
    "program.title": {
        "fr": "Konexio · {program}",
        "en": "Konexio · {program}",
        "ar": "كونكسيو · {program}",
    },
    "cohort.title": {
        "fr": "Konexio · {program} · {antenna} · dès le {start}",
        "en": "Konexio · {program} · {antenna} · from {start}",
        "ar": "كونكسيو · {program} · {antenna} · ابتداءً من {start}",
    },
    "role.title": {
        "fr": "Konexio {antenna} · bénévoles : {role}",
        "en": "Konexio {antenna} · volunteers: {role}",
        "ar": "كونكسيو {antenna} · المتطوعون: {role}",
    },
    "calendar.description": {
        "fr": "Séances de Konexio, mises à jour automatiquement : les séances déplacées ou "
              "annulées changent aussi dans votre agenda.",
        "en": "Konexio sessions, updated automatically: moved or cancelled sessions change "
              "in your calendar too.",
        "ar": "حصص كونكسيو، تُحدَّث تلقائيًا: الحصص المنقولة أو الملغاة تتغير في تقويمك أيضًا.",
    },
    "summary": {
        "fr": "{program} · {antenna}",
        "en": "{program} · {antenna}",
        "ar": "{program} · {antenna}",
    },
    "summary.cancelled": {
        "fr": "ANNULÉ : {summary}",
        "en": "CANCELLED: {summary}",
        "ar": "ملغاة: {summary}",
    },
    "summary.moved": {
        "fr": "Déplacé : {summary}",
        "en": "Moved: {summary}",
        "ar": "منقولة: {summary}",
    },
    "location": {
        "fr": "{venue}, {address}",
        "en": "{venue}, {address}",
        "ar": "{venue}، {address}",
    },
    "location.room": {
        "fr": "{venue}, {address} ({room})",
        "en": "{venue}, {address} ({room})",
        "ar": "{venue}، {address} ({room})",
    },
    "line.program": {"fr": "Programme : {value}", "en": "Program: {value}",
                     "ar": "البرنامج: {value}"},
    "line.antenna": {"fr": "Antenne : {value}", "en": "Antenna: {value}",
                     "ar": "الفرع: {value}"},
    "line.room": {"fr": "Salle : {value}", "en": "Room: {value}", "ar": "القاعة: {value}"},
    "line.access": {"fr": "Accès : {value}", "en": "Getting there: {value}",
                    "ar": "الوصول: {value}"},
    "line.accessibility": {"fr": "Accessibilité : {value}", "en": "Accessibility: {value}",
                           "ar": "إمكانية الوصول: {value}"},
    "line.cancelled": {
        "fr": "Cette séance est annulée. Raison : {reason}",
        "en": "This session is cancelled. Reason: {reason}",
        "ar": "هذه الحصة ملغاة. السبب: {reason}",
    },
    "line.moved": {
        "fr": "Séance déplacée (prévue le {day} à {time}). Raison : {reason}",
        "en": "Session moved (planned on {day} at {time}). Reason: {reason}",
        "ar": "حصة منقولة (كانت مقررة يوم {day} الساعة {time}). السبب: {reason}",
    },
    "line.status.open": {"fr": "Inscriptions ouvertes", "en": "Open for applications",
                         "ar": "التسجيل مفتوح"},
    "line.status.full": {"fr": "Complet (liste d'attente possible)",
                         "en": "Full (waiting list possible)",
                         "ar": "مكتمل (قائمة انتظار ممكنة)"},
    "line.status.closed": {"fr": "Inscriptions closes", "en": "Applications closed",
                           "ar": "التسجيل مغلق"},
    "line.apply": {"fr": "S'inscrire : {value}", "en": "How to apply: {value}",
                   "ar": "كيفية التسجيل: {value}"},
    "line.contact": {"fr": "Contact : {value}", "en": "Contact: {value}",
                     "ar": "للتواصل: {value}"},
    "line.page": {"fr": "Détails : {value}", "en": "Details: {value}",
                  "ar": "التفاصيل: {value}"},
    "line.needs": {"fr": "Bénévoles recherchés : {value}", "en": "Volunteers needed: {value}",
                   "ar": "المتطوعون المطلوبون: {value}"},
    "need": {"fr": "{count} × {role}", "en": "{count} × {role}", "ar": "{count} × {role}"},
    "separator": {"fr": ", ", "en": ", ", "ar": "، "},
}


def word(code: str, lang: str, **values: str) -> str:
    """The fixed text ``code`` in ``lang`` (French for a language it lacks), filled in."""
    templates = WORDS[code]
    return templates.get(lang, templates["fr"]).format(**values)


def long_date(day: date, lang: str) -> str:
    """``2 novembre 2026`` / ``November 2, 2026``, as people write it in ``lang``."""
    return format_date(day, "long", locale=lang)


def full_date(day: date, lang: str) -> str:
    """With the weekday: ``mercredi 18 novembre 2026``."""
    return format_date(day, "full", locale=lang)


def clock(moment: time, lang: str) -> str:
    """``14:00`` / ``2:00 PM``."""
    return format_time(moment, "short", locale=lang)

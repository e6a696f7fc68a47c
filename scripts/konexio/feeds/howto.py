"""How to subscribe to a feed in the common calendar apps.

Data only: the site renders it next to each feed's links, the personal calendar page under
its own address. The words are in the ``konexio`` gettext catalogs, French being the
msgid, under the context ``how to subscribe``; the apps' names are not translated.
``%(url)s`` in a step stands for the feed's https:// address and ``%(webcal)s`` for its
webcal:// address, filled by ``steps``. Menu names are those of the apps' interfaces in
each language as of 2025 (Dari readers mostly see the Persian one); apps rename menus now
and then, so keep the steps short.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from konexio import i18n
from konexio.i18n import NC_

CONTEXT = "how to subscribe"
"""The msgctxt of these words: steps in an app, quoting the app's own menus. Spelt out in
each ``NC_`` below, since ``pybabel`` reads literal strings only."""


@dataclass(frozen=True, kw_only=True)
class HowTo:
    """The steps to subscribe in one calendar app."""

    app: str
    """Stable id, for anchors and icons: google, apple, outlook, thunderbird."""
    name: str
    """The app's own name (not translated)."""
    steps: tuple[tuple[str, str], ...]
    """``NC_`` marks: each step's French words, translated where shown."""
    note: tuple[str, str] | None = None

    def steps_in(self, lang: str, url: str, webcal: str) -> tuple[Markup, ...]:
        """The steps in ``lang``, as HTML, the feed's two addresses filled in: each in a
        left-to-right ``<bdi>`` (an address inside an Arabic or Dari sentence keeps its
        order) that may break anywhere (a long address on a narrow phone)."""
        values = {"url": _address(url), "webcal": _address(webcal)}
        return tuple(Markup(escape(i18n.SITE.template(lang, *step))) % values
                     for step in self.steps)

    def note_in(self, lang: str) -> str | None:
        """The note in ``lang``, if the app has one."""
        return i18n.pgettext(lang, *self.note) if self.note else None


def _address(address: str) -> Markup:
    return Markup('<bdi class="kx-url" dir="ltr">{}</bdi>').format(address)


# TRANSLATORS: shown above the steps of every app, on the page of the calendars.
SUBSCRIBE_VS_DOWNLOAD = NC_("how to subscribe",
                            "S'abonner : votre agenda relit le calendrier tout seul, les séances "
                            "déplacées ou annulées s'y mettent à jour. Télécharger : une copie, "
                            "qui ne changera plus.")


def subscribe_vs_download(lang: str) -> str:
    """Why subscribe rather than download, in ``lang``."""
    return i18n.pgettext(lang, *SUBSCRIBE_VS_DOWNLOAD)


HOWTOS: tuple[HowTo, ...] = (
    HowTo(
        app="google",
        name="Google Calendar",
        steps=(
            # TRANSLATORS: quote each app's menus as its interface in your language shows
            # them; %(url)s is the feed's https:// address, %(webcal)s its webcal:// one.
            NC_("how to subscribe",
                "Sur un ordinateur, ouvrez calendar.google.com (l'application mobile ne permet "
                "pas d'ajouter un abonnement)."),
            NC_("how to subscribe",
                "À gauche, à côté de « Autres agendas », cliquez sur « + » puis « À partir de "
                "l'URL »."),
            NC_("how to subscribe",
                "Collez l'adresse %(url)s puis cliquez sur « Ajouter un agenda »."),
        ),
        note=NC_("how to subscribe",
                 "Google relit les abonnements à son rythme : un changement peut mettre jusqu'à "
                 "un jour à apparaître. Sur Android, activez la synchronisation de cet agenda "
                 "dans l'application."),
    ),
    HowTo(
        app="apple",
        name="Apple Calendar",
        steps=(
            NC_("how to subscribe",
                "Sur iPhone ou iPad, touchez le lien « S'abonner » (%(webcal)s) puis "
                "« S'abonner » et « Ajouter »."),
            NC_("how to subscribe",
                "Sur Mac, dans Calendrier, choisissez Fichier > Nouvel abonnement à un "
                "calendrier, collez %(url)s puis cliquez sur « S'abonner »."),
            NC_("how to subscribe",
                "Choisissez « Actualisation automatique » : toutes les heures ou tous les jours."),
        ),
    ),
    HowTo(
        app="outlook",
        name="Outlook",
        steps=(
            NC_("how to subscribe",
                "Dans Outlook sur le web ou le nouvel Outlook, ouvrez le Calendrier puis "
                "« Ajouter un calendrier »."),
            NC_("how to subscribe",
                "Choisissez « S'abonner à partir du web », collez %(url)s, donnez un nom puis "
                "cliquez sur « Importer »."),
            NC_("how to subscribe",
                "Dans Outlook classique pour Windows : Accueil > Ajouter un calendrier > À partir "
                "d'Internet, collez %(url)s puis « OK »."),
        ),
        note=NC_("how to subscribe",
                 "Outlook relit les abonnements toutes les quelques heures."),
    ),
    HowTo(
        app="thunderbird",
        name="Thunderbird",
        steps=(
            NC_("how to subscribe",
                "Ouvrez l'onglet Agenda et cliquez sur « Nouvel agenda » (le « + » à côté de la "
                "liste des agendas)."),
            NC_("how to subscribe",
                "Choisissez « Sur le réseau », collez %(url)s dans « Adresse », puis « Rechercher "
                "des agendas »."),
            NC_("how to subscribe",
                "Cochez l'agenda trouvé puis cliquez sur « S'abonner »."),
        ),
    ),
)
"""In the order pages show them."""

"""The words of a volunteer's attestation, in the ``volunteers`` domain (context
``attestation``): the volunteer reads them, in French and in their own language."""

from __future__ import annotations

from konexio.i18n import NC_, VOLUNTEERS

TITLE = NC_("attestation", "Attestation de bénévolat")
# TRANSLATORS: %(name)s is the volunteer's name, %(year)s the year (2026).
INTRO = NC_("attestation", "L'association Konexio atteste que %(name)s a donné de son temps "
                           "comme bénévole, sans rémunération, en %(year)s :")
ANTENNAS = NC_("attestation", "Antenne : %(antennas)s")
ROLES = NC_("attestation", "Rôles : %(roles)s")
SESSIONS = NC_("attestation", "Séances : %(sessions)s")
HOURS = NC_("attestation", "Heures : %(hours)s")
PERIOD = NC_("attestation", "Période : du %(first)s au %(last)s")
ISSUED = NC_("attestation", "Fait le %(date)s, pour servir et valoir ce que de droit.")
# TRANSLATORS: %(signer)s is the antenna's coordination (a role, not a person).
SIGNED = NC_("attestation", "Pour Konexio, %(signer)s")
SIGNER = NC_("attestation", "la coordination de l'antenne %(antenna)s")
CHECK = NC_("attestation", "Pour vérifier cette attestation, envoyez à %(contact)s la "
                           "référence et la ligne de vérification ci-dessous.")
REFERENCE = NC_("attestation", "Référence : %(reference)s")
LINE = NC_("attestation", "Ligne de vérification : %(line)s")


def say(lang: str, marked: tuple[str, str], **values: object) -> str:
    """A word of the attestation in ``lang`` (French where the catalog lacks it)."""
    return VOLUNTEERS.pgettext(lang, *marked, **values)

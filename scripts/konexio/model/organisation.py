"""The association itself (``schedules/organisation.yml``): what training catalogues ask of
the body responsible for a course (LHEO's ``organisme-formation-responsable``)."""

from __future__ import annotations

from pydantic import Field

from konexio.model.types import NonEmpty, Strict


class Organisation(Strict):
    """Konexio as a registered training body."""

    name: NonEmpty = Field(description="The name people know, e.g. Konexio.")
    legal_name: NonEmpty = Field(description="The name registered (raison sociale).")
    siret: NonEmpty = Field(pattern=r"^\d{14}$", description=(
        "SIRET of the head office: 14 digits, on annuaire-entreprises.data.gouv.fr."))
    activity_number: NonEmpty = Field(pattern=r"^\d{11}$", description=(
        "Training body's declaration number (numéro de déclaration d'activité), 11 digits."))
    street: NonEmpty
    postcode: NonEmpty = Field(pattern=r"^\d{5}$")
    city: NonEmpty
    email: NonEmpty = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")

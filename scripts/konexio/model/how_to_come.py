"""How to come: who a program is for, what to bring, who may refer a learner and how.

Written once per program (``how_to_come:`` in ``schedules/programs/<id>.yml``); a cohort may
replace it whole (``how_to_come:`` in its own file). The same values make the "How to come"
part of the program and cohort pages and the open data social workers' tools read
(``konexio.opendata``), so the enumerations below carry their data·inclusion word.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictBool, StrictInt

from konexio.model.phone import Phone
from konexio.model.types import NonEmpty, Strict, Text


class Public(StrEnum):
    """Who the program is for (data·inclusion's ``publics``)."""

    everyone = "everyone"
    exiles = "exiles"
    """Refugees, asylum seekers, people who migrated."""
    job_seekers = "job_seekers"
    young = "young"
    women = "women"
    qpv_residents = "qpv_residents"
    """People living in a priority neighbourhood (QPV) or a revitalised rural area (FRR)."""
    minimum_income = "minimum_income"
    workers = "workers"
    seniors = "seniors"
    disabled = "disabled"

    @property
    def data_inclusion(self) -> str:
        return {"everyone": "tous-publics", "exiles": "personnes-exilees",
                "job_seekers": "demandeurs-emploi", "young": "jeunes", "women": "femmes",
                "qpv_residents": "residents-qpv-frr",
                "minimum_income": "beneficiaires-des-minimas-sociaux", "workers": "actifs",
                "seniors": "seniors",
                "disabled": "personnes-en-situation-de-handicap"}[self.value]


class French(StrEnum):
    """The French a learner needs (CEFR levels); ``none`` when none is needed."""

    none = "none"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"


class Referrer(StrEnum):
    """Who may ask for a place (data·inclusion's ``mobilisable_par``)."""

    learner = "learner"
    social_worker = "social_worker"
    job_centre = "job_centre"
    association = "association"

    @property
    def data_inclusion(self) -> str:
        return "usagers" if self is Referrer.learner else "professionnels"


class Channel(StrEnum):
    """How to ask for a place (data·inclusion's ``modes_mobilisation`` where it has one)."""

    email = "email"
    phone = "phone"
    whatsapp = "whatsapp"
    form = "form"
    visit = "visit"

    @property
    def data_inclusion(self) -> str | None:
        """None for WhatsApp: data·inclusion has no such mode (it goes in the details)."""
        return {"email": "envoyer-un-courriel", "phone": "telephoner", "whatsapp": None,
                "form": "utiliser-lien-mobilisation", "visit": "se-presenter"}[self.value]


class Referral(Strict):
    """Who may refer a learner, and the ways to do it."""

    by: list[Referrer] = Field(min_length=1, description=(
        "Who may ask for a place: learner, social_worker, job_centre, association."))
    how: list[Channel] = Field(min_length=1, description=(
        "Ways to ask: email, phone, whatsapp, form, visit."))
    email: NonEmpty | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$",
                                   description="The antenna's contact address when absent.")
    phone: Phone | None = Field(default=None, description=(
        "Needed for phone; with its country code (+33 6 12 34 56 78)."))
    whatsapp: Phone | None = Field(default=None, description=(
        "Needed for whatsapp; with its country code (+33 6 12 34 56 78)."))
    form: NonEmpty | None = Field(default=None, pattern=r"^https://\S+$",
                                  description="Needed for form: the form's https address.")

    @property
    def phone_uri(self) -> str | None:
        return "tel:" + self.phone if self.phone else None

    @property
    def whatsapp_url(self) -> str | None:
        """WhatsApp's own link to start a chat: the number's digits, without ``+``."""
        return "https://wa.me/" + self.whatsapp[1:] if self.whatsapp else None


class HowToCome(Strict):
    """Who may come and how to get a place (a cohort's replaces its program's whole)."""

    publics: list[Public] = Field(min_length=1, description=(
        "Who it is for: everyone, or exiles, job_seekers, young, women, qpv_residents, "
        "minimum_income, workers, seniors, disabled."))
    any_papers: StrictBool = Field(default=False, description=(
        "true when people may come whatever their papers (residence permit or not)."))
    min_age: StrictInt = Field(ge=14, le=99, description="Minimum age, in years.")
    french: French = Field(description="French level needed: none, A1, A2, B1, B2.")
    placement_test: StrictBool = Field(description=(
        "true when a placement test or talk comes before a place (the program's "
        "placement_test says what it is)."))
    bring: list[Text] = Field(default_factory=list, description="What to bring, one a line.")
    referral: Referral
    next: Text = Field(description="What happens after asking for a place.")
    answer_days: StrictInt = Field(ge=1, le=60, description=(
        "Within how many working days the antenna answers."))

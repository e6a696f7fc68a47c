"""A training program: what it teaches, to whom, and how to join."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StrictBool, StrictInt, StringConstraints

from konexio.model.how_to_come import HowToCome
from konexio.model.types import Count, Strict, Text


class Level(StrEnum):
    """The level a learner needs to start; used by the site's course finder."""

    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"
    professional = "professional"
    all = "all"


class Theme(StrEnum):
    """What a program helps with, in data·inclusion's words (``thematiques``), so that
    social workers' tools (DORA...) find it under the right heading."""

    digital_basics = "digital_basics"
    online_services = "online_services"
    find_training = "find_training"
    cv = "cv"
    job_search = "job_search"
    show_skills = "show_skills"
    start_business = "start_business"

    @property
    def data_inclusion(self) -> str:
        return {
            "digital_basics": "numerique--maitriser-les-fondamentaux-du-numerique",
            "online_services": "numerique--acceder-a-des-services-en-ligne",
            "find_training": "se-former--trouver-sa-formation",
            "cv": "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
            "job_search": "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
            "show_skills": "preparer-sa-candidature--valoriser-ses-competences",
            "start_business": "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
        }[self.value]


class Weeks(Strict):
    """How many weeks a cohort of the program usually lasts, from its first to its last day
    (holidays included); a cohort outside these bounds gets a warning."""

    min: StrictInt = Field(ge=1, le=260)
    max: StrictInt = Field(ge=1, le=260)


class Program(Strict):
    """One program of the catalogue (``schedules/programs/<id>.yml``)."""

    name: Text
    summary: Text
    level: Level
    order: Count = Field(default=100, description="Position in lists (smaller first).")
    learn: list[Text] = Field(min_length=1, description="What you learn, one item a line.")
    duration: Text
    weeks: Weeks | None = Field(default=None, description=(
        "Usual length of a cohort in weeks, e.g. {min: 4, max: 12}; checks cohort dates."))
    rhythm: Text
    requirements: list[Text] = Field(min_length=1, description="Who can join.")
    placement_test: Text | None = None
    certification: Text | None = None
    apply: Text = Field(description="How to apply, in one or two sentences.")
    follows: list[str] = Field(default_factory=list,
                               description="Ids of programs that usually come before.")
    certifying: StrictBool = Field(default=False, description=(
        "true when it leads to a certification (PCIE, a title): catalogues say so."))
    formacode: list[Annotated[str, StringConstraints(pattern=r"^\d{5}$")]] = Field(
        default_factory=list, max_length=5, description=(
            "Formacode codes (Centre Inffo's thesaurus of training), for LHEO."))
    themes: list[Theme] = Field(default_factory=list, description=(
        "What it helps with (open data): digital_basics, online_services, find_training, "
        "cv, job_search, show_skills, start_business."))
    how_to_come: HowToCome | None = Field(default=None, description=(
        "Who may come and how to get a place; shown on the pages and in the open data."))

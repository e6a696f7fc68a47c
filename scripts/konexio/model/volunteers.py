"""Volunteer roles, how many of each a session needs, and where shift sheets live."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from konexio.model.types import Count, Slug, Strict, Text, Weekday


class Basis(StrEnum):
    """How an hour of a role is valued in the accounts (ANC 2018-06, art. 211-2)."""

    smic = "smic"
    """The statutory minimum wage per hour (SMIC horaire brut): roles anyone can take."""
    replacement = "replacement"
    """What the association would pay someone employed to do it: skilled roles."""


class Requirement(StrEnum):
    """What a role may need a person to have first: the roster records it for each person
    as a yes in a column of its own (never a date of birth)."""

    induction = "induction"
    """They followed the antenna's induction session (column « accueil fait »)."""
    adult = "adult"
    """They are 18 or over (column « 18 ans ou plus »: a yes, never a date)."""
    language = "language"
    """They can interpret (column « langues d'interprétation »: the languages, e.g. « arabe,
    dari »)."""


class Role(Strict):
    id: Slug
    name: Text
    description: Text
    requires: list[Requirement] = Field(
        default_factory=list,
        description="What a person needs before taking this role: induction (the induction "
                    "session followed), adult (18 or over), language (a language they "
                    "interpret). konexio coverage lists the sign-ups whose roster row lacks "
                    "one.")
    hourly_value: float | None = Field(
        default=None, ge=0, le=500,
        description="Euros per hour of this role, for the accounts (konexio hours): the "
                    "SMIC horaire brut, or the gross hourly pay of an employee doing it. "
                    "Hours of a role without one are counted but not valued.")
    valuation: Basis = Field(
        default=Basis.smic,
        description="Where hourly_value comes from: smic (the minimum wage) or replacement "
                    "(the pay of an employee doing the same work); written in the annex note.")


class Roles(Strict):
    """``volunteers/roles.yml``: the roles, and the people each program's sessions need."""

    roles: list[Role] = Field(min_length=1)
    needs: dict[Slug, dict[Slug, Count]] = Field(
        description="For each program id: role id -> people needed per session.")
    stand_in_days: int = Field(
        default=2, ge=0, le=60,
        description="When a volunteer marks a sign-up « (empêché·e) », the volunteers of "
                    "that role at that antenna who said yes to « remplacements » are asked "
                    "to stand in until this many days before the session; after, the "
                    "antenna is told instead.")
    digest_day: Weekday = Field(
        default=Weekday.monday,
        description="The day of the week the weekly digests (roster column « résumé de la "
                    "semaine ») go out: the first konexio notify on or after that day of "
                    "each week sends them, once.")


class Sheets(Strict):
    """``volunteers/sheets.yml``: the Google spreadsheets of each antenna (ids are not
    secret): the sign-up one volunteers edit, and the people one only coordinators share."""

    spreadsheets: dict[Slug, str] = Field(
        default_factory=dict,
        description="Antenna id -> Google spreadsheet id of its sign-up sheet (shared with "
                    "volunteers).")
    people: str | dict[Slug, str] | None = Field(
        default=None,
        description="The private people spreadsheet (roster, journal of mails), shared with "
                    "coordinators only: one id for every antenna, or antenna id -> id. Never "
                    "a sign-up spreadsheet.")

    def people_of(self) -> dict[str, str]:
        """Antenna id -> people spreadsheet id, for the antennas that have one."""
        if isinstance(self.people, str):
            return {antenna: self.people for antenna in self.spreadsheets}
        return dict(self.people or {})

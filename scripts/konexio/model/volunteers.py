"""Volunteer roles, how many of each a session needs, and where shift sheets live."""

from __future__ import annotations

from pydantic import Field

from konexio.model.types import Count, Slug, Strict, Text


class Role(Strict):
    id: Slug
    name: Text
    description: Text


class Roles(Strict):
    """``volunteers/roles.yml``: the roles, and the people each program's sessions need."""

    roles: list[Role] = Field(min_length=1)
    needs: dict[Slug, dict[Slug, Count]] = Field(
        description="For each program id: role id -> people needed per session.")


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

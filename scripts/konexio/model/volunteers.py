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
    """``volunteers/sheets.yml``: the Google spreadsheet of each antenna (ids are not secret)."""

    spreadsheets: dict[Slug, str] = Field(
        default_factory=dict, description="Antenna id -> Google spreadsheet id.")

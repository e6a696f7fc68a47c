"""An antenna (a local branch), its venues and its closures."""

from __future__ import annotations

from pydantic import Field, StrictInt

from konexio.model.types import Count, IsoDate, NonEmpty, Slug, Strict, Text


class Venue(Strict):
    """A place where classes happen."""

    id: Slug
    name: Text
    address: NonEmpty = Field(description="Full postal address, as on an envelope.")
    city: NonEmpty
    access: Text = Field(description="How to get there: metro, bus, tram, parking.")
    accessibility: Text = Field(description="Step-free access, lift, toilets.")
    rooms: list[NonEmpty] = Field(default_factory=list)


class Closure(Strict):
    """Days when an antenna (or one venue) holds no class, first and last day included."""

    start: IsoDate
    end: IsoDate
    reason: Text
    venue: Slug | None = Field(default=None, description="Only this venue; all when absent.")


class Contact(Strict):
    email: NonEmpty = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    hours: Text | None = None


class Antenna(Strict):
    """One antenna (``schedules/antennas/<id>.yml``)."""

    name: Text
    region: Text
    country: NonEmpty = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166 code, e.g. FR.")
    subdivision: str | None = Field(default=None,
                                    description="Region code for regional public holidays.")
    timezone: NonEmpty = Field(description="IANA time zone, e.g. Europe/Paris.")
    since: StrictInt = Field(ge=2016, le=2100)
    order: Count = 100
    description: Text
    contact: Contact
    partners: list[NonEmpty] = Field(default_factory=list)
    venues: list[Venue] = Field(min_length=1)
    closures: list[Closure] = Field(default_factory=list)

    def venue(self, venue_id: str) -> Venue | None:
        return next((v for v in self.venues if v.id == venue_id), None)

"""An antenna (a local branch), its venues and its closures."""

from __future__ import annotations

from pydantic import Field, StrictInt

from konexio.model.phone import Phone, can_text
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
    phone: Phone | None = Field(default=None, description=(
        "The antenna's phone, as you dial it (01 23 45 67 89, or +254 712 345678): shown "
        "as a call link and used for SMS."))
    whatsapp: Phone | None = Field(default=None, description=(
        "A number that answers on WhatsApp, when there is one (often the phone itself)."))
    hours: Text | None = None

    @property
    def phone_uri(self) -> str | None:
        return "tel:" + self.phone if self.phone else None

    @property
    def sms(self) -> str | None:
        """The number SMS reach: the phone when it is a mobile, else the WhatsApp one when
        it is (a French 01 to 05 line takes no SMS)."""
        return next((n for n in (self.phone, self.whatsapp) if n and can_text(n)), None)

    @property
    def whatsapp_url(self) -> str | None:
        """WhatsApp's own link to start a chat: the number's digits, without ``+``."""
        return "https://wa.me/" + self.whatsapp[1:] if self.whatsapp else None


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

"""The offer in data·inclusion's schema: a structure per antenna, a service per program
offered there (pure: the records are the package's own pydantic models).

data·inclusion has no session dates: a service says who it is for, how to ask for a place
(``modes_mobilisation``, ``mobilisable_par``, ``lien_mobilisation``), its weekly hours and
weeks, and when classes are held (``horaires_accueil``, OpenStreetMap opening hours). The
dated sessions are in ``lheo.xml`` and in the calendar feeds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from data_inclusion.schema.v1 import (
    Frais,
    ModeAccueil,
    ModeMobilisation,
    PersonneMobilisatrice,
    Public,
    Service,
    Structure,
    Thematique,
    TypeService,
)
from pydantic import ValidationError

from konexio import urls
from konexio.model.dataset import Dataset
from konexio.model.how_to_come import Channel, HowToCome
from konexio.model.phone import international
from konexio.model.types import Weekday
from konexio.opendata.offer import Address, Offer, french_antennas

SOURCE = "konexio"
"""Our producer id in data·inclusion (``source``); ids are ``konexio--<our id>``."""
OSM_DAYS = {Weekday.monday: "Mo", Weekday.tuesday: "Tu", Weekday.wednesday: "We",
            Weekday.thursday: "Th", Weekday.friday: "Fr", Weekday.saturday: "Sa",
            Weekday.sunday: "Su"}
FRENCH_LEVEL = {"none": "aucun niveau de français demandé", "A1": "français niveau A1",
                "A2": "français niveau A2", "B1": "français niveau B1",
                "B2": "français niveau B2"}

Stamp = Callable[[tuple[str, ...]], date]
"""The day the newest of some data files last changed (git), for ``date_maj``."""


class RefusedRecord(Exception):
    """data·inclusion's models refused a record (an error or a warning): the build stops and
    says which record and which field, in the package's own words. Its only argument is the
    text, so it travels from the build's helper process (pickled) unchanged."""

    @classmethod
    def of(cls, record_id: str, error: ValidationError) -> RefusedRecord:
        details = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}"
                            for e in error.errors())
        return cls(f"{record_id}: {details}")


def _validated(model: type[Service] | type[Structure], fields: dict):
    try:
        return model.model_validate({k: v for k, v in fields.items() if v is not None},
                                    context={"ignore_warnings": False})
    except ValidationError as error:
        raise RefusedRecord.of(fields["id"], error) from None


def structure_id(antenna_id: str) -> str:
    return f"{SOURCE}--{antenna_id}"


def opening_hours(offer: Offer) -> str:
    """When classes are held, in OpenStreetMap's opening-hours syntax: every weekly session
    of the offer's groups (``Tu 14:00-16:00; Th 09:30-11:30,14:00-16:00; PH off``)."""
    ranges: dict[Weekday, set[tuple[str, str]]] = {}
    for group in offer.groups:
        for session in group.cohort.sessions:
            ranges.setdefault(session.day, set()).add(
                (f"{session.start:%H:%M}", f"{session.end:%H:%M}"))
    rules = [f"{OSM_DAYS[day]} " + ",".join(f"{a}-{b}" for a, b in sorted(ranges[day]))
             for day in Weekday if day in ranges]
    return "; ".join([*rules, "PH off"])


def _conditions(offer: Offer, how: HowToCome | None) -> str:
    parts = [item.fr for item in offer.program.requirements]
    if how is not None:
        parts.insert(0, f"À partir de {how.min_age} ans ; {FRENCH_LEVEL[how.french.value]}")
        if how.placement_test:
            test = offer.program.placement_test
            parts.append(f"Test de niveau avant l'entrée{' : ' + test.fr if test else ''}")
    return ". ".join(part.rstrip(". ") for part in parts) + "."


def _mobilisation(how: HowToCome) -> str:
    parts = [how.next.fr.rstrip(". ") + ".",
             f"Réponse sous {how.answer_days} jours ouvrés au plus."]
    if how.referral.whatsapp:
        parts.append(f"WhatsApp : {international(how.referral.whatsapp)}.")
    if how.bring:
        parts.append("À apporter : " + " ; ".join(item.fr for item in how.bring) + ".")
    return " ".join(parts)


def _description(offer: Offer) -> str:
    program = offer.program
    learn = " ; ".join(item.fr.rstrip(". ") for item in program.learn)
    venues = sorted({f"{g.venue.name.fr} ({g.venue.address})" for g in offer.groups})
    return (f"{program.summary.fr} Au programme : {learn}. "
            f"Durée : {program.duration.fr.rstrip('. ')}. "
            f"Rythme : {program.rhythm.fr.rstrip('. ')}. Formation gratuite, en présentiel. "
            f"Lieux : {' ; '.join(venues)}.")


def _address_fields(address: Address | None) -> dict:
    if address is None:
        return {}
    return {"adresse": address.street, "code_postal": address.postcode,
            "commune": address.city}


def service(offer: Offer, site_url: str, stamp: Stamp) -> Service:
    """The data·inclusion service of one program at one antenna."""
    how = offer.how_to_come
    first = offer.groups[0]
    fields: dict = {
        "source": SOURCE, "id": f"{SOURCE}--{offer.id}",
        "structure_id": structure_id(offer.antenna_id),
        "nom": f"{offer.program.name.fr} à {offer.antenna.name.fr}",
        "description": _description(offer),
        "lien_source": urls.absolute_url(site_url, urls.page_url("fr", "program",
                                                                 offer.program_id)),
        "date_maj": stamp(offer.files),
        "type": TypeService.FORMATION,
        "thematiques": {Thematique(t.data_inclusion) for t in offer.program.themes} or None,
        "frais": Frais.GRATUIT,
        "conditions_acces": _conditions(offer, how),
        "modes_accueil": {ModeAccueil.EN_PRESENTIEL},
        "courriel": offer.antenna.contact.email,
        "telephone": offer.antenna.contact.phone,
        "volume_horaire_hebdomadaire": first.hours_per_week,
        "nombre_semaines": first.weeks,
        "horaires_accueil": opening_hours(offer),
        **_address_fields(first.address),
    }
    if how is not None:
        referral = how.referral
        fields |= {
            "publics": {Public(p.data_inclusion) for p in how.publics},
            "publics_precisions": (
                "Quelle que soit la situation administrative (avec ou sans titre de séjour)."
                if how.any_papers else None),
            "modes_mobilisation": {ModeMobilisation(c.data_inclusion)
                                   for c in referral.how if c.data_inclusion} or None,
            "mobilisable_par": {PersonneMobilisatrice(r.data_inclusion) for r in referral.by},
            "mobilisation_precisions": _mobilisation(how),
            "lien_mobilisation": referral.form if Channel.form in referral.how else None,
            "telephone": referral.phone or offer.antenna.contact.phone,
            "courriel": referral.email or offer.antenna.contact.email,
        }
    return _validated(Service, fields)


def structure(dataset: Dataset, antenna_id: str, site_url: str, stamp: Stamp) -> Structure:
    """The data·inclusion structure of one antenna (its first venue's address)."""
    entry = dataset.antennas[antenna_id]
    antenna = entry.model
    fields = {
        "source": SOURCE, "id": structure_id(antenna_id),
        "nom": f"Konexio {antenna.name.fr}",
        "description": antenna.description.fr,
        "lien_source": urls.absolute_url(site_url, urls.page_url("fr", "antenna", antenna_id)),
        "date_maj": stamp((entry.file,)),
        "courriel": antenna.contact.email,
        "telephone": antenna.contact.phone,
        "site_web": urls.absolute_url(site_url, urls.page_url("fr", "home")),
        **_address_fields(Address.of(antenna.venues[0])),
    }
    return _validated(Structure, fields)


def structures(dataset: Dataset, site_url: str, stamp: Stamp) -> list[Structure]:
    return [structure(dataset, antenna_id, site_url, stamp)
            for antenna_id in french_antennas(dataset)]


def services(found: list[Offer], site_url: str, stamp: Stamp) -> list[Service]:
    return [service(offer, site_url, stamp) for offer in found]

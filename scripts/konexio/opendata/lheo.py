"""The offer in LHEO 2.3, the format of the Carif-Oref network's training catalogues (pure).

One ``formation`` per program given in France, one ``action`` per antenna where it is given,
one ``session`` per cohort not yet over, with its first and last day, its places and whether
it recruits. The order of elements is the XSD's (``standards/lheo-2.3.xsd``); the codes come
from LHEO's dictionaries (cited in the README, "Open data"). The tree is built with
ElementTree, never by joining strings, so any text typed by a coordinator is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date

from konexio import urls
from konexio.model.cohort import Status
from konexio.model.how_to_come import Channel, HowToCome, Public
from konexio.model.organisation import Organisation
from konexio.model.phone import can_text, international
from konexio.opendata.offer import Address, Group, Offer

NAMESPACE = "http://lheo.gouv.fr/2.3"
PUBLIC_CODES = {
    # LHEO dict-public-vise-formacode-V10 (lheo/lheo-schema, definition/).
    Public.everyone: ("83056",),  # Tout public
    Public.exiles: ("81042", "81022"),  # Réfugié, Immigré
    Public.job_seekers: ("80006",),  # Demandeur d'emploi
    Public.young: ("81024",),  # Jeune
    Public.women: ("81018",),  # Femme
    Public.minimum_income: ("80005",),  # Bénéficiaire du revenu de solidarité active
    Public.workers: ("82058",),  # Public en emploi
    Public.disabled: ("81020",),  # Handicapé
    Public.seniors: ("81099",),  # Autre public
    Public.qpv_residents: ("81099",),  # Autre public (no code for QPV: said in words)
}
RECRUITING = {Status.open: "1", Status.full: "2", Status.closed: "2"}
"""dict-etat-recrutement: 1 ouvert, 2 fermé (3 suspendu is not used)."""
FRENCH = {"none": "sans condition de français", "A1": "français A1", "A2": "français A2",
          "B1": "français B1", "B2": "français B2"}

Stamp = Callable[[tuple[str, ...]], date]


def _day(value: date) -> str:
    return f"{value:%Y%m%d}"


def _text(parent: ET.Element, tag: str, text: str, limit: int | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    value = " ".join(str(text).split())
    element.text = value if limit is None or len(value) <= limit else value[:limit - 1] + "…"
    return element


def _address(parent: ET.Element, address: Address, name: str | None = None) -> None:
    element = ET.SubElement(parent, "adresse")
    if name:
        _text(element, "denomination", name, 255)
    _text(element, "ligne", address.street, 50)
    _text(element, "codepostal", address.postcode)
    _text(element, "ville", address.city, 50)


def _coordinates(parent: ET.Element, *, email: str, address: Address | None = None,
                 name: str | None = None, web: str | None = None,
                 phone: str | None = None) -> None:
    element = ET.SubElement(parent, "coordonnees")
    if address is not None:
        _address(element, address, name)
    if phone:  # LHEO tells a mobile (portable) from a fixed line (telfixe)
        kind = "portable" if can_text(phone) else "telfixe"
        _text(ET.SubElement(element, kind), "numtel", international(phone), 25)
    _text(element, "courriel", email, 160)
    if web:
        _text(ET.SubElement(element, "web"), "urlweb", web, 400)


def _conditions(offer: Offer, how: HowToCome | None) -> str:
    parts = [item.fr.rstrip(". ") for item in offer.program.requirements]
    if how is not None:
        parts.insert(0, f"À partir de {how.min_age} ans, {FRENCH[how.french.value]}")
        if how.placement_test and offer.program.placement_test:
            parts.append("Test de niveau : " + offer.program.placement_test.fr.rstrip(". "))
        if how.bring:
            parts.append("À apporter : " + " ; ".join(item.fr.rstrip(". ") for item in how.bring))
    return ". ".join(parts) + "."


def _shown(phone: str | None) -> str:
    return international(phone) if phone else ""


def _ways(how: HowToCome | None, offer: Offer) -> str:
    """How to ask for a place, every way the data gives (the antenna's e-mail at least)."""
    email = how.referral.email if how and how.referral.email else offer.antenna.contact.email
    if how is None:
        return f"Par e-mail : {email}"
    referral = how.referral
    ways = {Channel.email: f"par e-mail : {email}",
            Channel.phone: f"par téléphone : {_shown(referral.phone)}",
            Channel.whatsapp: f"par WhatsApp : {_shown(referral.whatsapp)}",
            Channel.form: f"par le formulaire : {referral.form}",
            Channel.visit: "sur place, aux heures de cours"}
    text = " ; ".join(ways[channel] for channel in referral.how)
    return text[:1].upper() + text[1:]


def _session(action: ET.Element, group: Group, offer: Offer, stamp: Stamp) -> None:
    cohort = group.cohort
    session = ET.SubElement(action, "session", numero=group.id,
                            datemaj=_day(stamp((group.file,))))
    period = ET.SubElement(session, "periode")
    _text(period, "debut", _day(cohort.start))
    _text(period, "fin", _day(cohort.end))
    where = ET.SubElement(session, "adresse-inscription")
    if group.address is not None:
        _address(where, group.address, group.venue.name.fr)
    _text(session, "modalites-inscription", _ways(group.how_to_come, offer), 255)
    _text(session, "etat-recrutement", RECRUITING[cohort.status])
    # Who answers about this session: the antenna's team, by e-mail or phone.
    contact = offer.antenna.contact
    _coordinates(ET.SubElement(session, "contact-session"), email=contact.email,
                 phone=contact.phone)
    extras = ET.SubElement(session, "extras", info="session")
    _text(extras, "extra", str(cohort.capacity)).set("info", "nb-places")


def _action(formation: ET.Element, offer: Offer, site_url: str, stamp: Stamp) -> None:
    how = offer.how_to_come
    program = offer.program
    action = ET.SubElement(formation, "action", numero=offer.id,
                           datemaj=_day(stamp(offer.files)))
    _text(action, "rythme-formation", program.rhythm.fr, 3000)
    codes = dict.fromkeys(code for public in (how.publics if how else [Public.everyone])
                          for code in PUBLIC_CODES[public])
    for code in list(codes)[:10]:
        _text(action, "code-public-vise", code)
    if how is not None:
        _text(action, "info-public-vise",
              f"À partir de {how.min_age} ans, {FRENCH[how.french.value]}"
              + (", quelle que soit la situation administrative" if how.any_papers else ""),
              250)
    _text(action, "niveau-entree-obligatoire", "1" if how and how.placement_test else "0")
    _text(action, "modalites-alternance", program.rhythm.fr, 3000)
    _text(action, "modalites-enseignement", "0")  # formation entièrement présentielle
    _text(action, "conditions-specifiques", _conditions(offer, how), 3000)
    _text(action, "prise-en-charge-frais-possible", "0")  # free: nothing to fund
    venues = {group.venue.id: group for group in offer.groups if group.address is not None}
    for group in venues.values():
        place = ET.SubElement(action, "lieu-de-formation")
        _coordinates(place, email=offer.antenna.contact.email, address=group.address,
                     name=group.venue.name.fr, phone=offer.antenna.contact.phone)
    _text(action, "modalites-entrees-sorties", "0")  # entrées/sorties à dates fixes
    url = ET.SubElement(action, "url-action")
    _text(url, "urlweb", urls.absolute_url(site_url, urls.page_url("fr", "antenna",
                                                                   offer.antenna_id)), 400)
    for group in offer.groups:
        _session(action, group, offer, stamp)
    first = offer.groups[0]
    _text(action, "acces-handicapes", first.venue.accessibility.fr, 250)
    _text(action, "langue-formation", first.cohort.language)
    if how is not None:
        _text(action, "modalites-recrutement",
              f"{how.next.fr.rstrip('. ')}. Réponse sous {how.answer_days} jours ouvrés.", 3000)
    _text(action, "duree-indicative", program.duration.fr, 150)
    _text(action, "nombre-heures-total", str(round(first.hours)))


def _responsible(formation: ET.Element, organisation: Organisation, site_url: str) -> None:
    body = ET.SubElement(formation, "organisme-formation-responsable")
    _text(body, "numero-activite", organisation.activity_number)
    _text(ET.SubElement(body, "SIRET-organisme-formation"), "SIRET", organisation.siret)
    _text(body, "nom-organisme", organisation.name, 250)
    _text(body, "raison-sociale", organisation.legal_name, 250)
    head_office = Address(organisation.street, organisation.postcode, organisation.city)
    _coordinates(ET.SubElement(body, "coordonnees-organisme"), email=organisation.email,
                 address=head_office, web=urls.absolute_url(site_url, ""))
    _coordinates(ET.SubElement(body, "contact-organisme"), email=organisation.email)


def document(found: list[Offer], organisation: Organisation, site_url: str,
             stamp: Stamp) -> bytes:
    """The LHEO 2.3 file of the offer (UTF-8, indented, the same bytes for the same data)."""
    root = ET.Element("lheo", xmlns=NAMESPACE)
    offres = ET.SubElement(root, "offres")
    by_program: dict[str, list[Offer]] = {}
    for offer in found:
        by_program.setdefault(offer.program_id, []).append(offer)
    for program_id, given in sorted(by_program.items()):
        program = given[0].program
        files = tuple(sorted({f for offer in given for f in offer.files}))
        formation = ET.SubElement(offres, "formation", numero=program_id,
                                  datemaj=_day(stamp(files)))
        domain = ET.SubElement(formation, "domaine-formation")
        for code in program.formacode:
            _text(domain, "code-FORMACODE", code)
        _text(formation, "intitule-formation", program.name.fr, 255)
        _text(formation, "objectif-formation", program.summary.fr, 3000)
        _text(formation, "resultats-attendus",
              program.certification.fr if program.certification else program.summary.fr, 3000)
        _text(formation, "contenu-formation",
              " ; ".join(item.fr.rstrip(". ") for item in program.learn) + ".", 3000)
        _text(formation, "certifiante", "1" if program.certifying else "0")
        contact = ET.SubElement(formation, "contact-formation")
        _coordinates(contact, email=organisation.email)
        _text(formation, "parcours-de-formation", "1")  # en groupe
        _text(formation, "code-niveau-entree", "1")  # sans niveau spécifique
        url = ET.SubElement(formation, "url-formation")
        _text(url, "urlweb", urls.absolute_url(site_url, urls.page_url("fr", "program",
                                                                       program_id)), 400)
        for offer in given:
            _action(formation, offer, site_url, stamp)
        _responsible(formation, organisation, site_url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

# Records → Open Referral HSDS 3.0 objects (services, organizations, locations), texts in French.
# A service nests its organization, phones, schedules, languages, documents and locations, as the
# HSDS 3.0 service schema allows; organizations and locations are also listed on their own.
from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from .. import hours, interface
from ..records.loading import Entry
from ..records.schema import Partner, Service
from . import common
from .common import hhmm, stable_id, where
from .datainclusion import thematiques_of

if TYPE_CHECKING:
    from ..model.site_model import SiteModel

Object = dict[str, Any]

FRENCH_REQUIRED = "Français nécessaire au guichet"


def services(portal: SiteModel) -> list[Object]:
    """Every service as a full HSDS 3.0 service object, in the portal's order.

    >>> services(portal)[0]["schedules"][0]
    {'id': '…', 'service_id': '…', 'freq': 'WEEKLY', 'wkst': 'MO', 'byday': 'MO,TU,TH',
     'opens_at': '08:30', 'closes_at': '12:00',
     'description': 'lundi, mardi, jeudi : 08:30 – 12:00',
     'notes': 'Heure de Paris. … Horaires au format OpenStreetMap : Mo,Tu,Th 08:30-12:00; …'}
    """
    return [service(portal, entry) for entry in portal.cat.all_services()]


def organizations(portal: SiteModel) -> list[Object]:
    """The partners that provide at least one service of the portal."""
    used = {e.record.partner for e in portal.cat.all_services()}
    return [organization(portal, p) for p in portal.record.partners if p.id in used]


def locations(portal: SiteModel) -> list[Object]:
    """One location per service that has an address or coordinates."""
    found = (location(portal, entry) for entry in portal.cat.all_services())
    return [loc for loc in found if loc is not None]


def service(portal: SiteModel, entry: Entry[Service]) -> Object:
    svc, here = entry.record, where(entry)
    sid = stable_id(portal, f"service:{here}")
    fr = functools.partial(common.french, portal)
    closure = svc.temporary_closure
    closed_now = closure is not None and closure.start <= portal.today <= closure.end
    obj: Object = {
        "id": sid,
        "name": common.one_line(portal, svc.name),
        "alternate_name": svc.alternate_name,
        "description": fr(svc.description),
        "url": common.web_url(svc.url),
        "email": svc.email,
        "status": "temporarily closed" if closed_now else "active",
        "interpretation_services": fr(svc.interpretation_services),
        "application_process": fr(svc.application_process),
        "fees_description": fr(svc.fees_description),
        "eligibility_description": fr(svc.eligibility_description),
        "assured_date": svc.assured_date.isoformat(),
        "assurer_email": svc.assurer_email,
    }
    alerts = [common.expired_note(portal, svc)]
    if closure is not None and closure.end >= portal.today:
        fr_lang = portal.default
        alerts.append(f"Fermé du {fr_lang.date(closure.start)} au {fr_lang.date(closure.end)} : "
                      f"{fr(closure.message)}")
    if any(alerts):
        obj["alert"] = "\n".join(a for a in alerts if a)
    if svc.valid_until and svc.fees_description:  # the one HSDS field for how long figures hold
        obj["cost_options"] = [{"id": stable_id(portal, f"cost_option:{here}"), "service_id": sid,
                                "valid_to": svc.valid_until.isoformat(),
                                "amount_description": fr(svc.fees_description)}]
    partner = common.partner_of(portal, svc)
    if partner:
        obj["organization_id"] = stable_id(portal, f"organization:{partner.id}")
        obj["organization"] = organization(portal, partner)
    obj["phones"] = [
        _pruned({"id": stable_id(portal, f"phone:{here}/{tel}"), "service_id": sid, "number": tel,
                 "type": "voice", "description": fr(item.description)})
        for (tel, _), item in zip(common.phone_numbers(svc), svc.phones, strict=True)
    ]
    obj["schedules"] = schedules(portal, entry, sid) if svc.opening_hours else []
    obj["languages"] = [
        {"id": stable_id(portal, f"language:{here}/{code}"), "service_id": sid,
         "name": portal.default.locale.languages.get(code, code), "code": code}
        for code in svc.languages
    ]
    obj["required_documents"] = [
        {"id": stable_id(portal, f"required_document:{here}/{i}"), "service_id": sid,
         "document": common.one_line(portal, doc)}
        for i, doc in enumerate(svc.required_documents)
    ]
    place = location(portal, entry)
    obj["service_at_locations"] = [] if place is None else [{
        "id": stable_id(portal, f"service_at_location:{here}"), "service_id": sid,
        "location_id": place["id"], "location": place,
    }]
    obj["attributes"] = _attributes(portal, svc, sid)
    return _pruned(obj)


def organization(portal: SiteModel, partner: Partner) -> Object:
    portal_name = common.one_line(portal, portal.record.name)
    return _pruned({
        "id": stable_id(portal, f"organization:{partner.id}"),
        "name": partner.name,
        "description": f"{common.KIND_FR[partner.kind]}. Ses services près de chez vous sont "
                       f"décrits sur {portal_name}.",
        "website": common.web_url(partner.url),
    })


def location(portal: SiteModel, entry: Entry[Service]) -> Object | None:
    svc, here = entry.record, where(entry)
    if svc.address is None and svc.latitude is None:
        return None
    lid = stable_id(portal, f"location:{here}")
    territory = portal.cat.territories[entry.territory].record
    obj: Object = {
        "id": lid,
        "location_type": "physical",
        "name": common.one_line(portal, svc.name),
        "latitude": svc.latitude,
        "longitude": svc.longitude,
    }
    partner = common.partner_of(portal, svc)
    if partner:
        obj["organization_id"] = stable_id(portal, f"organization:{partner.id}")
    if svc.address:
        a = svc.address
        obj["addresses"] = [_pruned({
            "id": stable_id(portal, f"address:{here}"), "location_id": lid,
            "address_1": a.address_1, "address_2": a.address_2, "city": a.city,
            "state_province": territory.department.name, "postal_code": a.postal_code,
            "country": "FR", "address_type": "physical",
        })]
    if svc.accessibility:
        obj["accessibility"] = [{"id": stable_id(portal, f"accessibility:{here}"),
                                 "location_id": lid,
                                 "description": common.french(portal, svc.accessibility)}]
    return _pruned(obj)


def schedules(portal: SiteModel, entry: Entry[Service], sid: str) -> list[Object]:
    """HSDS weekly schedules from OpenStreetMap opening hours; the original string in `notes`.

    One schedule per time slot, with the days it repeats on (`byday`). Times are local to
    Paris, without a UTC offset: a fixed offset would be wrong half of the year.
    """
    spec = entry.record.opening_hours
    assert spec is not None
    week = hours.typical_week(spec)
    names = portal.default.day_names()
    appointment = interface.say("by_appointment", portal.default.code)
    notes = "Heure de Paris. "
    if week.closed_on_public_holidays:
        notes += "Fermé les jours fériés. "
    notes += f"Horaires au format OpenStreetMap : {spec}"
    found: list[Object] = []
    for slot in common.openings(spec):
        days = ", ".join(names[d] for d in slot.days)
        found.append(_pruned({
            "id": stable_id(portal, f"schedule:{where(entry)}/{slot.byday}/{hhmm(slot.opens)}"),
            "service_id": sid, "freq": "WEEKLY", "wkst": "MO", "byday": slot.byday,
            "opens_at": hhmm(slot.opens), "closes_at": hhmm(slot.closes),
            "description": f"{days} : {hhmm(slot.opens)} – {hhmm(slot.closes)}"
                           + (f" ({appointment})" if slot.by_appointment else ""),
            "attending_type": appointment.capitalize() if slot.by_appointment else None,
            "notes": notes,
        }))
    if not found:  # closed every day of a typical week, e.g. "off" or only on public holidays
        found.append({"id": stable_id(portal, f"schedule:{where(entry)}"), "service_id": sid,
                      "description": interface.say("closed", portal.default.code).capitalize(),
                      "notes": notes})
    return found


def _attributes(portal: SiteModel, svc: Service, sid: str) -> list[Object]:
    """The service's themes and data·inclusion thématiques, as HSDS taxonomy terms."""
    found: list[Object] = []
    portal_name = common.one_line(portal, portal.record.name)
    for theme_id in svc.themes:
        name = common.one_line(portal, portal.themes[theme_id].name)
        found.append(_attribute(portal, sid, f"theme/{theme_id}", {
            "code": theme_id, "name": name, "description": f"Thème « {name} » de {portal_name}",
            "taxonomy": "voisinage", "language": "fr"}))
    for thematique in thematiques_of(svc.themes):
        found.append(_attribute(portal, sid, f"thematique/{thematique.value}", {
            "code": thematique.value, "name": thematique.label,
            "description": thematique.description or thematique.label,
            "taxonomy": "data·inclusion (thématiques)", "language": "fr"}))
    if svc.french_required is not None:
        found.append(_attribute(portal, sid, "french_required", {
            "code": "french_required", "name": FRENCH_REQUIRED,
            "description": "Oui : il faut parler français, ou venir avec quelqu'un qui le parle. "
                           "Non : on peut y aller seul sans parler français.",
            "taxonomy": "voisinage", "language": "fr"},
            link_type="eligibility", value="oui" if svc.french_required else "non"))
    return found


def _attribute(portal: SiteModel, sid: str, term: str, fields: Object, *,
               link_type: str = "category", value: str | None = None) -> Object:
    term_id = stable_id(portal, f"taxonomy_term:{term}")
    return _pruned({
        "id": stable_id(portal, f"attribute:{sid}/{term}"), "link_id": sid, "link_type": link_type,
        "link_entity": "service", "taxonomy_term_id": term_id, "value": value,
        "taxonomy_term": {"id": term_id, **fields},
    })


def _pruned(obj: Object) -> Object:
    """Without empty fields: HSDS fields are optional but, when present, typed."""
    return {k: v for k, v in obj.items() if v is not None}

# A service → schema.org JSON-LD for its page, in the page's language (French where untranslated).
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import hours
from ..records.loading import Entry
from ..records.schema import Service
from . import common

if TYPE_CHECKING:
    from ..languages import Lang
    from ..model.site_model import SiteModel

_DAY_URLS = tuple(f"https://schema.org/{day}" for day in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def service_jsonld(portal: SiteModel, entry: Entry[Service], lang: Lang) -> dict[str, Any]:
    """The schema.org description of a service, as search engines and assistants read it.

    A `GovernmentService` when a public body provides it (else a `Service`), with its
    `provider`, and a `ServiceChannel` whose `serviceLocation` is a `Place` with its
    `PostalAddress`, `telephone` (E.164, as the page's call buttons dial) and
    `OpeningHoursSpecification`s. Names and descriptions are in `lang`, or in French.
    """
    svc = entry.record
    partner = common.partner_of(portal, svc)
    public = partner is not None and partner.kind in common.GOVERNMENT_KINDS
    url = common.page_url(portal, common.service_key(entry), lang.code)
    name = portal.plain(svc.name, lang)
    phones = [tel for tel, _ in common.phone_numbers(svc)]
    opening = _opening_hours(portal, svc)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if public else "Service",
        "@id": f"{url}#service" if url else None,
        "url": url,
        "name": name,
        "alternateName": svc.alternate_name,
        "description": portal.plain(svc.description, lang),
        "serviceType": [portal.plain(portal.themes[t].name, lang) for t in svc.themes],
        "areaServed": {"@type": "City",
                       "name": portal.cat.territories[entry.territory].record.town},
    }
    if partner:
        data["provider"] = _pruned({
            "@type": "GovernmentOrganization" if public else "Organization",
            "name": partner.name, "url": common.web_url(partner.url)})
    place = None
    if svc.address or svc.latitude is not None:
        place = _pruned({"@type": "Place", "name": name,
                         "address": _address(svc), "geo": _geo(svc),
                         "telephone": phones[0] if phones else None,
                         "openingHoursSpecification": opening or None})
    data["availableChannel"] = _pruned({
        "@type": "ServiceChannel",
        "serviceUrl": common.web_url(svc.url),
        "servicePhone": [{"@type": "ContactPoint", "telephone": tel} for tel in phones] or None,
        "serviceLocation": place,
        "availableLanguage": list(svc.languages) or None,
    })
    if opening and place is None:
        data["hoursAvailable"] = opening
    return _pruned(data)


def script_json(data: dict[str, Any]) -> Markup:
    """JSON that is safe between `<script type="application/ld+json">` and `</script>`.

    `<`, `>` and `&` are written as JSON escapes (`\\u003c`…), so no record text can close the
    script element or open a comment; `json.loads` reads the same values back.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))


def script(portal: SiteModel, entry: Entry[Service], lang: Lang) -> Markup:
    """For templates: the service's JSON-LD, ready to put inside its script element."""
    return script_json(service_jsonld(portal, entry, lang))


def _address(svc: Service) -> dict[str, Any] | None:
    a = svc.address
    if a is None:
        return None
    return {"@type": "PostalAddress", "streetAddress": common.street(a),
            "postalCode": a.postal_code, "addressLocality": a.city, "addressCountry": "FR"}


def _geo(svc: Service) -> dict[str, Any] | None:
    if svc.latitude is None or svc.longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": svc.latitude, "longitude": svc.longitude}


def _opening_hours(portal: SiteModel, svc: Service) -> list[dict[str, Any]]:
    if not svc.opening_hours:
        return []
    found: list[dict[str, Any]] = [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [_DAY_URLS[d] for d in slot.days],
         "opens": common.hhmm(slot.opens), "closes": common.hhmm(slot.closes)}
        for slot in common.openings(svc.opening_hours)
    ]
    closed = {"opens": "00:00", "closes": "00:00"}  # schema.org's way of saying "closed"
    if hours.typical_week(svc.opening_hours).closed_on_public_holidays:
        found.append({"@type": "OpeningHoursSpecification",
                      "dayOfWeek": "https://schema.org/PublicHolidays", **closed})
    closure = svc.temporary_closure
    if closure is not None and closure.end >= portal.today:
        found.append({"@type": "OpeningHoursSpecification", "dayOfWeek": list(_DAY_URLS),
                      **closed, "validFrom": closure.start.isoformat(),
                      "validThrough": closure.end.isoformat()})
    return found


def _pruned(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None}

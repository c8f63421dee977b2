"""One leaflet as data for its Typst template: a JSON-serialisable dict, the whole input of the
PDF engine besides the template. The resident's language first, the key facts in French for the
counter, and a QR code of the page's short address.

Texts come through the views every output shares (`paper.view.LeafletView`, a `LanguageView`) and
`SiteModel.said`; record text travels as a small tree (`markup.tree`), never as markup of the
engine. Each text that can make a leaflet too long is marked by its template with a field name,
which `locate` maps back to the record (file, line). Which leaflets exist and where they are
published is the site model's (`model.leaflets`); rendering, caching and overflow checks are in
`pdf.py`, the whole run in `making.py`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..model.leaflets import Leaflet
from ..records import missions
from .view import Data, LeafletView, address, domain

if TYPE_CHECKING:
    from ..model.site_model import SiteModel
    from ..records.loading import Entry
    from ..records.yamlfile import Loc

TEMPLATES = {"a5": "a5.typ", "sheet": "sheet.typ", "services": "services.typ", "guide": "guide.typ"}
"""Format → its main file in templates/leaflets/."""

_STRINGS = (
    "mission", "featured_services", "branch_title", "key_facts_french", "partner",
    "leaflet_machine", "leaflet_example", "scan_to_open", "useful_services", "last_checked",
    "guide_title", "guide_intro", "contents", "counter_title", "what_for", "who_for", "cost",
    "how_to", "documents", "where", "phone",
)
"""Interface strings the templates show as they are, in both languages (those with placeholders
are filled here)."""


def data_of(portal: SiteModel, leaflet: Leaflet, printed: date, limit: int | None = None) -> Data:
    """Everything the leaflet shows, ready for its template; `limit`: at most that many services
    on a one-page services leaflet."""
    v = LeafletView(portal, leaflet.lang)
    link = portal.leaflet_link(leaflet.key, leaflet.lang)  # its current edition's code
    data: Data = {
        "format": leaflet.format, "lang": v.lang_of(leaflet.lang), "fr": v.lang_of(portal.default),
        "bilingual": leaflet.lang.code != portal.default.code,
        "t": {key: v.t(key) for key in _STRINGS}, "t_fr": {key: v.t_fr(key) for key in _STRINGS},
        "link": {"url": link.url, "shown": link.shown},  # its QR code: paper.pdf.render
    }
    if leaflet.kind == "mission":
        data.update(_mission(portal, v, leaflet.id, printed))
    else:
        data.update(_territory(portal, v, leaflet, printed, limit))
    return data


def _mission(portal: SiteModel, v: LeafletView, mid: str, printed: date) -> Data:
    mission = portal.cat.missions[mid].record
    territory = portal.cat.territories[mission.territory].record
    partner = next(p for p in portal.record.partners if p.id == mission.partner)
    fr = portal.default
    return {
        "title": v.plain(mission.headline), "author": territory.branch.name,
        "example": bool(portal.record.example or mission.example),
        "branch": v.branch(territory.branch),
        "theme": v.inline(portal.themes[mission.theme].name),
        "audience": v.t("leaflet_for", territory=v.plain(territory.name)),
        "headline": v.inline(mission.headline), "message": v.text(mission.message),
        "headline_fr": v.inline(mission.headline, fr), "message_fr": v.text(mission.message, fr),
        "services": [{
            "name": v.inline(e.record.name), "name_fr": v.inline(e.record.name, fr),
            "phones": v.phones(e.record),
            "checked": v.t("checked_on", date=v.date(e.record.assured_date)),
            "checked_short": f"{v.t('last_checked')} {v.short_date(e.record.assured_date)}",
        } for e in missions.featured(portal.cat, mission)],
        "printed": v.t("printed_on", date=v.date(printed)),
        "printed_short": v.t("printed_on", date=v.short_date(printed)),
        "partner": partner.name, "machine": v.machine_made(mission),
    }


def _territory(portal: SiteModel, v: LeafletView, leaflet: Leaflet, printed: date,
               limit: int | None) -> Data:
    territory = portal.cat.territories[leaflet.id].record
    guide = leaflet.format == "guide"
    groups = _by_theme(portal, leaflet.id, None if guide else (limit or SERVICES_ON_A_PAGE))
    total = sum(1 for _ in portal.cat.services.get(leaflet.id, {}))
    shown = sum(len(entries) for _, entries in groups)
    name = v.plain(territory.name)
    return {
        "title": f"{v.t('guide_title' if guide else 'useful_services')} — {name}",
        "author": territory.branch.name,
        "example": bool(portal.record.example or getattr(territory, "example", False)),
        "branch": v.branch(territory.branch),
        "name": v.inline(territory.name), "name_fr": v.inline(territory.name, portal.default),
        "name_plain": name,
        "printed": v.t("printed_on", date=v.date(printed)), "machine": v.machine_made(territory),
        "groups": [{
            "theme": v.inline(theme.name), "theme_fr": v.inline(theme.name, portal.default),
            "services": [_guided(v, e, printed) if guide else _listed(v, e) for e in entries],
        } for theme, entries in groups],
        "more": None if shown >= total else f"{v.t('all_services', territory=name)} ({total})",
    }


def _listed(v: LeafletView, entry: Entry[Any]) -> Data:
    """A service as a row of the one-page services leaflet."""
    s = entry.record
    return {
        "field": f"service:{entry.id}", "name": v.inline(s.name), "official": v.official(s.name),
        "phones": v.phones(s), "address": address(s, full=False),
        "domain": None if s.address or not s.url else domain(s.url),
        "checked": f"{v.t('last_checked')} {v.short_date(s.assured_date)}",
    }


def _guided(v: LeafletView, entry: Entry[Any], printed: date) -> Data:
    """A service with what its page says, and the key facts in French for the counter."""
    s = entry.record
    closure = s.temporary_closure
    phones = v.phones(s)
    data: Data = {
        "id": entry.id, "field": f"service:{entry.id}",
        "name": v.inline(s.name), "official": v.official(s.name),
        "closure": v.t("temporarily_closed", start=v.date(closure.start), end=v.date(closure.end))
        if closure and closure.end >= printed else None,
        "description": v.text(s.description),
        "french_required": None if s.french_required is None else
        v.t("french_required_yes" if s.french_required else "french_required_no"),
        "eligibility": v.text(s.eligibility_description), "fees": v.text(s.fees_description),
        "how_to": v.text(s.application_process),
        "documents": [v.inline(doc) for doc in s.required_documents],
        "address": address(s), "hours": v.opening(s.opening_hours) if s.opening_hours else None,
        "phones": [{"number": number, "description": v.inline(item.description)}
                   for number, item in zip(phones, s.phones, strict=True)],
        "domain": domain(s.url) if s.url else None, "email": s.email,
        "checked": v.t("checked_on", date=v.date(s.assured_date)),
    }
    if v.lang.code != v.fr.code:
        fr = v.fr
        alternate = s.alternate_name
        if alternate and alternate in s.name[fr.code]:
            alternate = None
        data["fr"] = {
            "name": v.inline(s.name, fr), "alternate": alternate,
            "description": v.text(s.description, fr),
            "documents": [v.inline(doc, fr) for doc in s.required_documents],
            "address": address(s), "phones": v.phones(s, fr),
            "hours": v.opening(s.opening_hours, fr) if s.opening_hours else None,
        }
    return data


def locate(portal: SiteModel, leaflet: Leaflet, field: str) -> tuple[Entry[Any], Loc]:
    """The record and field behind a field mark of a leaflet's template: "headline",
    "fr.message", "services.2", "service:caf", "name"."""
    lang = leaflet.lang.code
    if field.startswith("service:"):
        tid = (leaflet.id if leaflet.kind == "territory"
               else portal.cat.missions[leaflet.id].record.territory)
        return portal.cat.services[tid][field.split(":", 1)[1]], ("name", lang)
    if leaflet.kind == "territory":
        return portal.cat.territories[leaflet.id], ("name", lang)
    entry = portal.cat.missions[leaflet.id]
    if field.startswith("fr."):
        field, lang = field[3:], portal.default.code
    if field.startswith("services."):
        return entry, ("services", int(field.split(".")[1]))
    return entry, (field, lang)


SERVICES_ON_A_PAGE = 16
"""A one-page leaflet lists at most this many services, a few of each theme; the QR code leads to
the rest. Where long names do not fit, making.make lists fewer until they do."""
FEWEST_ON_A_PAGE = 4


def _by_theme(portal: SiteModel, tid: str,
              limit: int | None = None) -> list[tuple[Any, list[Entry[Any]]]]:
    """Services grouped under the first of their themes, in the portal's order of themes; with a
    limit, themes take turns (one service each, then a second…) so that every theme shows."""
    seen: set[str] = set()
    groups = []
    for theme_id in portal.territory_themes(tid):
        entries = [e for e in portal.services_of(tid, theme_id)
                   if e.id not in seen and not portal.expired(e.record)]  # model.left_out
        seen.update(e.id for e in entries)
        if entries:
            groups.append((portal.themes[theme_id], entries))
    if limit is None or len(seen) <= limit:
        return groups
    kept: list[list[Entry[Any]]] = [[] for _ in groups]
    for turn in range(max(len(entries) for _, entries in groups)):
        for i, (_, entries) in enumerate(groups):
            if turn < len(entries) and sum(map(len, kept)) < limit:
                kept[i].append(entries[turn])
    return [(theme, chosen) for (theme, _), chosen in zip(groups, kept, strict=True) if chosen]


"""Pages about missions: the mission page, its report for the partner, and what home and territory
pages show of missions (running totals, leaflet links). Called from `pages.py`; no MkDocs here.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from babel import Locale
from babel.numbers import format_decimal, format_percent

from . import interface, missions
from .leaflets import Leaflet, leaflets_of, short_links
from .shortlinks import ShortLink, ShortLinks

if TYPE_CHECKING:
    from .languages import Lang
    from .loading import Entry
    from .pages import Key, Portal
    from .records import Mission

_LINKS: WeakKeyDictionary[Any, ShortLinks] = WeakKeyDictionary()


def keys(portal: Portal) -> list[Key]:
    """Page keys of the missions of the territories built: each mission, and its report once
    results are in."""
    found: list[Key] = []
    for mid in portal.built_missions():
        found.append(("mission", mid))
        if portal.cat.missions[mid].record.results:
            found.append(("mission-report", mid))
    return found


def path_of(key: Key) -> str:
    return f"missions/{key[1]}/index" if key[0] == "mission" else f"missions/{key[1]}/report"


def context(portal: Portal, key: Key, lang: Lang, context: dict[str, Any]) -> str:
    """Fill the template context of a mission page; returns its title."""
    entry = portal.cat.missions[key[1]]
    mission = entry.record
    context.update(
        mid=key[1], entry=entry, mission=mission, tid=mission.territory,
        territory=portal.cat.territories[mission.territory].record,
        theme=portal.themes[mission.theme], featured=missions.featured(portal.cat, mission),
        partner=next(p for p in portal.record.partners if p.id == mission.partner),
    )
    title = portal.plain(mission.headline, lang)
    if key[0] == "mission-report":
        assert mission.results is not None
        context["results"] = mission.results
        context["rows"] = missions.rows(portal.cat, mission.results, lang.code)
        return f"{interface.say('report', lang.code)} · {title}"
    return title


class MissionsView:
    """What page templates may ask about missions and leaflets (Jinja global `missions_view(v)`)."""

    def __init__(self, v: Any) -> None:
        self.v, self.portal = v, v.portal
        self.lang: Lang = v.lang

    def href(self, site_path: str) -> str:
        """A relative link from the current page to a file of the site."""
        return posixpath.relpath(site_path, self.v.here or ".")

    def leaflets(self, kind: str, id_: str) -> list[tuple[Leaflet, str]]:
        """The leaflets of a mission or territory in the page's language (and in French)."""
        if not self.portal.record.site_url:
            return []
        codes = {self.lang.code, self.portal.default.code}
        chosen = leaflets_of(self.portal, missions_=[id_] if kind == "mission" else [],
                             territories=[id_] if kind == "territory" else [], langs=codes)
        mine = [x for x in chosen if x.lang.code == self.lang.code]
        return [(x, self.href(x.path)) for x in mine + [x for x in chosen if x not in mine]]

    def short(self, kind: str, id_: str) -> ShortLink | None:
        if not self.portal.record.site_url:
            return None
        if self.portal not in _LINKS:
            _LINKS[self.portal] = short_links(self.portal)
        return _LINKS[self.portal].link((kind, id_), self.lang)

    def of_territory(self, tid: str) -> list[Entry[Mission]]:
        return missions.of_territory(self.portal.cat, tid)

    def all(self) -> list[Entry[Mission]]:
        found = missions.live(self.portal.cat).values()
        return sorted(found, key=lambda e: e.record.period.start, reverse=True)

    def totals(self) -> missions.Totals:
        return missions.totals(self.portal.cat)

    def status(self, mission: Mission) -> str:
        """"mission_done", "mission_ongoing" or "mission_upcoming": an interface string key."""
        if mission.results or mission.period.end < self.portal.today:
            return "mission_done"
        return "mission_ongoing" if mission.period.start <= self.portal.today else "mission_upcoming"

    def csv(self, mid: str) -> str:
        return self.href(missions.csv_path(mid))

    def number(self, value: int) -> str:
        """A count in the page's language: grouping and digits from CLDR."""
        return self.lang.digits(str(format_decimal(value, locale=self.lang.locale)))

    def percent(self, share: float) -> str:
        return self.lang.digits(str(format_percent(share, locale=self.lang.locale)))

    def language_name(self, code: str) -> str:
        return Locale.parse(code).get_language_name(self.lang.locale) or code


def missions_view(v: Any) -> MissionsView:
    return MissionsView(v)

"""What page templates show of missions: leaflet links, short addresses, running totals,
statuses and numbers in the reader's language (the Jinja global `missions_view(v)`)."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from babel import Locale
from babel.numbers import format_decimal, format_percent

from ..model.leaflets import Leaflet, leaflets_of
from ..model.site_model import report_csv_path
from ..records import missions

if TYPE_CHECKING:
    from ..languages import Lang
    from ..model.shortlinks import ShortLink
    from ..records.loading import Entry
    from ..records.schema import Mission

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
        return self.portal.leaflet_link((kind, id_), self.lang)  # the current edition's

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
        if mission.period.start <= self.portal.today:
            return "mission_ongoing"
        return "mission_upcoming"

    def csv(self, mid: str) -> str:
        return self.href(report_csv_path(mid))

    def number(self, value: int) -> str:
        """A count in the page's language: grouping and digits from CLDR."""
        return self.lang.digits(str(format_decimal(value, locale=self.lang.locale)))

    def percent(self, share: float) -> str:
        return self.lang.digits(str(format_percent(share, locale=self.lang.locale)))

    def language_name(self, code: str) -> str:
        return Locale.parse(code).get_language_name(self.lang.locale) or code


def missions_view(v: Any) -> MissionsView:
    return MissionsView(v)

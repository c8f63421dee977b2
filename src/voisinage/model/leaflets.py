"""Which leaflets a portal has and where they are published: the catalogue every output reads.

Per mission and language: an A5 leaflet and an A4 sheet of four A6 copies with crop marks; per
territory with services and per language: a one-page list of useful services, and a guide of
several A4 pages. Pages link to them, `paper` lays them out, `publish` copies them into the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..languages import Lang
from ..messages import N_, _
from ..records import missions
from ..records.loading import Entry, relative_path
from ..records.problems import Problem
from ..records.schema import Service

if TYPE_CHECKING:
    from .site_model import SiteModel

FORMATS = {
    "a5": ("mission", "a5"),
    "sheet": ("mission", "a4-4xa6"),
    "services": ("territory", "services"),
    "guide": ("territory", "guide"),
}
"""Format → (what it is about, file name suffix)."""
_FOLDERS = {"mission": "missions", "territory": "territories"}


@dataclass(frozen=True)
class Leaflet:
    format: str  # a key of FORMATS
    id: str  # mission or territory id
    lang: Lang

    @property
    def kind(self) -> str:
        return FORMATS[self.format][0]

    @property
    def key(self) -> tuple[str, str]:
        """The page the leaflet's QR code opens."""
        return (self.kind, self.id)

    @property
    def path(self) -> str:
        """Where it is published, relative to the site root."""
        return (f"leaflets/{_FOLDERS[self.kind]}/"
                f"{self.id}.{self.lang.code}.{FORMATS[self.format][1]}.pdf")

    @property
    def name(self) -> str:
        """How an editor names it in a message: "A5 leaflet of energie-2026 in ar"."""
        what = {"a5": N_("A5 leaflet"), "sheet": N_("A4 sheet of A6 copies"),
                "services": N_("useful-services leaflet"),
                "guide": N_("guide to services")}[self.format]
        return _("{what} of {id} in {code} ({language})", what=_(what), id=self.id,
                 code=self.lang.code, language=self.lang.name)

    @property
    def pages(self) -> int | None:
        """The most pages it may take: a leaflet one, a guide as many as its services need."""
        return None if self.format == "guide" else 1


def leaflets_of(portal: SiteModel, *, missions_: Iterable[str] | None = None,
                territories: Iterable[str] | None = None,
                langs: Iterable[str] | None = None) -> list[Leaflet]:
    """Every leaflet of the territories built, or those of the missions/territories/languages
    asked for."""
    codes = set(langs) if langs is not None else None
    chosen = [lang for lang in portal.langs if codes is None or lang.code in codes]
    found: list[Leaflet] = []
    for mid in (portal.built_missions() if missions_ is None else missions_):
        found += [Leaflet(f, mid, lang) for lang in chosen for f in ("a5", "sheet")]
    for tid in (portal.built if territories is None else territories):
        if portal.cat.services.get(tid):
            formats = ("services", "guide") if portal.guides else ("services",)
            found += [Leaflet(f, tid, lang) for lang in chosen for f in formats]
    return found


def edition_of(portal: SiteModel, leaflet: Leaflet) -> date:
    """The date a published leaflet is printed with: the newest check of what it shows. A build
    date would change every day and make every leaflet render again; a reprint gives its own."""
    if leaflet.kind == "mission":
        shown = missions.featured(portal.cat, portal.cat.missions[leaflet.id].record)
    else:
        shown = list(portal.cat.services.get(leaflet.id, {}).values())
    return max((entry.record.assured_date for entry in shown), default=portal.today)


def left_out(portal: SiteModel, tid: str) -> list[Entry[Service]]:
    """The services of a territory its leaflets leave out: their figures no longer hold (past
    valid_until). Their pages stay, and say so; on paper they would read as checked."""
    return [e for e in portal.cat.services.get(tid, {}).values() if portal.expired(e.record)]


def refusals(portal: SiteModel, wanted: Iterable[Leaflet]) -> list[Problem]:
    """Why some leaflets wanted cannot be made: their mission features a service whose figures
    no longer hold. One problem per mission and service, on the service's valid_until line."""
    found: list[Problem] = []
    for mid in dict.fromkeys(x.id for x in wanted if x.kind == "mission"):
        entry = portal.cat.missions[mid]
        for i, sid in enumerate(entry.record.services):
            service = portal.cat.services.get(entry.record.territory, {}).get(sid)
            if service is None or not portal.expired(service.record):
                continue
            mark = service.doc.mark(("valid_until",))
            line = entry.doc.mark(("services", i)).line
            where = f"{relative_path(entry.path, portal.cat.root)}:{line}"
            found.append(Problem(relative_path(service.path, portal.cat.root), mark.line,
                                 mark.column, "valid_until", _(
                "the leaflets of mission {mission} ({where}) feature this service, whose figures "
                "held until {date}: they are not made — correct the figures and valid_until, or "
                "remove the service from the mission's `services`", mission=mid, where=where,
                date=service.record.valid_until)))
    return found

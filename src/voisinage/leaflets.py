"""Which leaflets a portal has, where they are published, and their HTML for the PDF engine.

Per mission and language: an A5 leaflet and an A4 sheet of four A6 copies with crop marks; per
territory with services and per language: a one-page list of useful services, and a guide of
several A4 pages with everything each service page says. Each is bilingual
(the resident's language first, the key facts in French for the counter) and carries a QR code
of the page's short address. Rendering to PDF, caching and overflow checks are in `pdf.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from babel.dates import format_date
from markupsafe import Markup

from . import markup, missions
from .languages import Lang
from .phones import Phone, parse_phone
from .qrcodes import qr_svg
from .shortlinks import ShortLinks
from .views import LanguageView

if TYPE_CHECKING:
    from .loading import Entry
    from .pages import Portal
    from .yamlfile import Loc

FORMATS = {
    "a5": ("mission", "leaflets/mission-a5.html", "a5"),
    "sheet": ("mission", "leaflets/mission-sheet.html", "a4-4xa6"),
    "services": ("territory", "leaflets/territory.html", "services"),
    "guide": ("territory", "leaflets/territory-guide.html", "guide"),
}
"""Format → (what it is about, template, file name suffix)."""
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
        return f"leaflets/{_FOLDERS[self.kind]}/{self.id}.{self.lang.code}.{FORMATS[self.format][2]}.pdf"

    @property
    def name(self) -> str:
        """How an editor names it in a message: "A5 leaflet of energie-2026 in ar"."""
        what = {"a5": "A5 leaflet", "sheet": "A4 sheet of A6 copies",
                "services": "useful-services leaflet", "guide": "guide to services"}[self.format]
        return f"{what} of {self.id} in {self.lang.code} ({self.lang.name})"

    @property
    def pages(self) -> int | None:
        """The most pages it may take: a leaflet one, a guide as many as its services need."""
        return None if self.format == "guide" else 1


def leaflets_of(portal: Portal, *, missions_: Iterable[str] | None = None,
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


def short_links(portal: Portal) -> ShortLinks:
    pinned = {mid: e.record.short_code for mid, e in missions.live(portal.cat).items()}
    return ShortLinks(portal, pinned)


def html_of(portal: Portal, links: ShortLinks, leaflet: Leaflet, printed: date,
            limit: int | None = None) -> str:
    """The leaflet as one HTML document, CSS inlined: the whole input of the PDF engine."""
    view = _View(portal, leaflet.lang)
    context: dict[str, Any] = {"v": view, "lang": leaflet.lang, "fr": portal.default,
                               "link": links.link(leaflet.key, leaflet.lang),
                               "printed": printed, "portal": portal.record}
    if leaflet.kind == "mission":
        entry = portal.cat.missions[leaflet.id]
        mission = entry.record
        context.update(mission=mission, entry=entry, services=missions.featured(portal.cat, mission),
                       territory=portal.cat.territories[mission.territory].record,
                       theme=portal.themes[mission.theme],
                       partner=next(p for p in portal.record.partners if p.id == mission.partner))
    else:
        context.update(territory=portal.cat.territories[leaflet.id].record,
                       groups=_by_theme(portal, leaflet.id, (limit or SERVICES_ON_A_PAGE)
                                        if leaflet.format == "services" else None),
                       total=sum(1 for _ in portal.cat.services.get(leaflet.id, {})))
    return portal.env.get_template(FORMATS[leaflet.format][1]).render(**context)


def edition_of(portal: Portal, leaflet: Leaflet) -> date:
    """The date a published leaflet is printed with: the newest check of what it shows. A build
    date would change every day and make every leaflet render again; a reprint gives its own."""
    if leaflet.kind == "mission":
        shown = missions.featured(portal.cat, portal.cat.missions[leaflet.id].record)
    else:
        shown = list(portal.cat.services.get(leaflet.id, {}).values())
    return max((entry.record.assured_date for entry in shown), default=portal.today)


def locate(portal: Portal, leaflet: Leaflet, field: str) -> tuple[Entry[Any], Loc]:
    """The record and field behind a `data-field` mark of a leaflet's HTML."""
    lang = leaflet.lang.code
    if field.startswith("service:"):
        tid = leaflet.id if leaflet.kind == "territory" else portal.cat.missions[leaflet.id].record.territory
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
the rest. Where long names do not fit, publish.make lists fewer until they do."""
FEWEST_ON_A_PAGE = 4


def _by_theme(portal: Portal, tid: str, limit: int | None = None) -> list[tuple[Any, list[Entry[Any]]]]:
    """Services grouped under the first of their themes, in the portal's order of themes; with a
    limit, themes take turns (one service each, then a second…) so that every theme shows."""
    seen: set[str] = set()
    groups = []
    for theme_id in portal.territory_themes(tid):
        entries = [e for e in portal.services_of(tid, theme_id) if e.id not in seen]
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
    return [(theme, chosen) for (theme, _), chosen in zip(groups, kept) if chosen]


class _View(LanguageView):
    """What a leaflet template may call: texts in one language, dates, phones, QR codes."""

    def inline(self, text: dict[str, str] | None, lang: Lang | None = None) -> Markup:
        """A one-line text in `lang` (or French, marked as such, where it is not translated)."""
        return self._said(text, lang, markup.render_inline, "span")

    def text(self, text: dict[str, str] | None, lang: Lang | None = None) -> Markup:
        """A text of paragraphs and lists, in `lang` or in French, marked as such."""
        return self._said(text, lang, markup.render, "div")

    def _said(self, text: dict[str, str] | None, lang: Lang | None,
              render: Callable[[str], Markup], tag: str) -> Markup:
        said = self.portal.said(text, lang or self.lang)
        if said is None:
            return Markup("")
        html = render(said.text)
        if said.fallback:
            return Markup('<{0} lang="{1}" dir="{2}">{3}</{0}>').format(
                Markup(tag), said.lang.html_lang, said.lang.direction, html)
        return html

    def translated(self, text: dict[str, str]) -> bool:
        return self.lang.code in text and text[self.lang.code] != text.get(self.fr.code)

    def short_date(self, value: date) -> str:
        """A date in few characters, for the A6 copies: "12 nov. 2026", "Nov 12, 2026"."""
        return self.lang.digits(format_date(value, "medium", locale=self.lang.locale))

    def domain(self, url: str) -> str:
        """A website as printed: its domain only, the page is one scan away."""
        return urlsplit(url).netloc.removeprefix("www.")

    def phones(self, record: Any) -> Iterator[Phone]:
        for item in getattr(record, "phones", []):
            yield parse_phone(item.number)

    def qr(self, url: str) -> Markup:
        return qr_svg(url)

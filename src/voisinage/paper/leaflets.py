"""A leaflet as HTML for the PDF engine: the resident's language first, the key facts in French
for the counter, and a QR code of the page's short address.

Which leaflets exist and where they are published is the site model's (`model.leaflets`);
rendering to PDF, caching and overflow checks are in `pdf.py`, the whole run in `making.py`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2
from babel.dates import format_date
from markupsafe import Markup

from .. import markup, templating
from ..languages import Lang
from ..model.leaflets import Leaflet
from ..model.views import LanguageView
from ..phones import Phone, parse_phone
from ..records import missions
from .qrcodes import qr_svg

if TYPE_CHECKING:
    from ..model.site_model import SiteModel
    from ..records.loading import Entry
    from ..records.yamlfile import Loc

TEMPLATES = {
    "a5": "leaflets/mission-a5.html",
    "sheet": "leaflets/mission-sheet.html",
    "services": "leaflets/territory.html",
    "guide": "leaflets/territory-guide.html",
}
"""Format → its template."""


@functools.cache
def environment() -> jinja2.Environment:
    return templating.environment(Path(__file__).with_name("templates"))


def html_of(portal: SiteModel, leaflet: Leaflet, printed: date,
            limit: int | None = None) -> str:
    """The leaflet as one HTML document, CSS inlined: the whole input of the PDF engine."""
    view = _View(portal, leaflet.lang)
    context: dict[str, Any] = {"v": view, "lang": leaflet.lang, "fr": portal.default,
                               "link": portal.leaflet_link(leaflet.key, leaflet.lang),
                               "printed": printed, "portal": portal.record}
    if leaflet.kind == "mission":
        entry = portal.cat.missions[leaflet.id]
        mission = entry.record
        context.update(mission=mission, entry=entry,
                       services=missions.featured(portal.cat, mission),
                       territory=portal.cat.territories[mission.territory].record,
                       theme=portal.themes[mission.theme],
                       partner=next(p for p in portal.record.partners if p.id == mission.partner))
    else:
        context.update(territory=portal.cat.territories[leaflet.id].record,
                       groups=_by_theme(portal, leaflet.id, (limit or SERVICES_ON_A_PAGE)
                                        if leaflet.format == "services" else None),
                       total=sum(1 for _ in portal.cat.services.get(leaflet.id, {})))
    return environment().get_template(TEMPLATES[leaflet.format]).render(**context)


def locate(portal: SiteModel, leaflet: Leaflet, field: str) -> tuple[Entry[Any], Loc]:
    """The record and field behind a `data-field` mark of a leaflet's HTML."""
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
the rest. Where long names do not fit, publish.make lists fewer until they do."""
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
        if not said.fallback:
            return html
        html = Markup('<{0} lang="{1}" dir="{2}">{3}</{0}>').format(
            Markup(tag), said.lang.html_lang, said.lang.direction, html)
        # The short notice, after a one-line text or above a longer one: a leaflet has no room
        # for more, and must not overflow because a French text changed.
        words = self.outdated_notice(said, short=True)
        if words is None:
            return html
        notice = Markup('<{0} class="outdated" lang="{1}" dir="{2}">{3}</{0}>').format(
            Markup(tag if tag == "span" else "p"), self.lang.html_lang, self.lang.direction, words)
        return html + Markup(" ") + notice if tag == "span" else notice + html

    def translated(self, text: dict[str, str]) -> bool:
        return (self.lang.code in text and text[self.lang.code] != text.get(self.fr.code)
                and not self.portal.outdated(text, self.lang))

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

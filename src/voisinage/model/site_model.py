"""The site model: a validated catalogue seen as a portal, the one thing every output reads.

Pages, leaflets, open data, short addresses and front ends all ask it the same questions: which
languages, which pages (by key, like `("service", "ris-orangis", "caf")`) and where each one lives,
which text to show in a language, which services a theme lists. Nothing here renders HTML or
knows a front end.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import emergency, interface, markup
from ..languages import Lang
from ..records import history, missions, tracking
from ..records.loading import Catalogue, Entry, relative_path
from ..records.problems import Problem, RecordsError
from ..records.schema import Service, Theme
from . import editions as _editions
from .shortlinks import ShortLink, ShortLinks

Key = tuple[str, ...]
Context = dict[str, Any]


@dataclass(frozen=True)
class Said:
    """A text in the language asked for, or its French stand-in."""

    text: str
    lang: Lang
    fallback: bool
    outdated: bool = False
    """Translated once, but from another French text: the French stands in, with a notice."""


@dataclass(frozen=True)
class PageKind:
    """What every output needs to know of one kind of page; `KINDS` is the one table of them."""

    path: Callable[[Key], str]
    """Language-neutral path without suffix: ("territory-theme", "a", "b") → "a/themes/b"."""
    about: Callable[[SiteModel, Key, Lang, Context], str]
    """Fills the template context with what the page shows; returns its title."""
    with_territory: bool = False
    """Searched with its territory's index (and not the portal-wide part)."""
    offline_with_territory: bool = False
    """Kept offline by the service worker with its territory."""


class SiteModel:
    """A validated catalogue seen as a website: languages, addresses, texts, queries."""

    def __init__(self, catalogue: Catalogue, today: date | None = None,
                 languages: list[str] | None = None, guides: bool = True,
                 territories: list[str] | None = None, portal_pages: bool = True) -> None:
        self.cat = catalogue
        self.guides = guides  # a printable guide per territory and language (slow at scale)
        # A build may make the pages of some territories only (a preview, a shard of a large
        # portal), and leave out the portal-wide ones but the home page (mkdocs-static-i18n wants
        # one per language); it still knows every territory, so that home and theme pages list
        # them all.
        self.built = [t for t in catalogue.territories if not territories or t in territories]
        self.portal_pages = portal_pages
        self.record = catalogue.portal.record
        self.declared = {x.code: Lang(x.code, x.name, x.dir) for x in self.record.languages}
        self.langs = [lang for code, lang in self.declared.items()
                      if not languages or code in languages or code == self.record.default_language]
        self.default = next(x for x in self.langs if x.code == self.record.default_language)
        self.themes: dict[str, Theme] = {t.id: t for t in self.record.themes}
        self.today = today or date.today()

    # -- addresses -------------------------------------------------------------------------
    def path_of(self, key: Key) -> str:
        """Language-neutral path of a page, without suffix: "ris-orangis/themes/energy"."""
        return KINDS[key[0]].path(key)

    def url_of(self, key: Key, lang: Lang) -> str:
        path = self.path_of(key)
        url = "" if path == "index" else path.removesuffix("/index") + "/"
        return url if lang.code == self.default.code else f"{lang.code}/{url}"

    def src_of(self, key: Key, lang: Lang) -> str:
        return f"{self.path_of(key)}.{lang.code}.md"

    def territory_of(self, key: Key) -> str | None:
        """The territory a page belongs to (a mission's is its territory), or None."""
        if key[0] in ("mission", "mission-report"):
            return self.cat.missions[key[1]].record.territory
        return key[1] if KINDS[key[0]].with_territory else None

    @functools.cached_property
    def short_links(self) -> ShortLinks:
        """Every short address of the portal (QR codes, `go/` pages), made once per model."""
        pinned = {mid: e.record.short_code for mid, e in missions.live(self.cat).items()}
        return ShortLinks(self.record.site_url, self.cat.territories, pinned, self.langs,
                          self.url_of)

    @property
    def emergency(self) -> emergency.Emergency:
        """France's emergency numbers and their source, for pages and leaflets alike."""
        return emergency.numbers()

    @functools.cached_property
    def editions(self) -> _editions.Register:
        """Every edition of the leaflets, from the records and their git history."""
        try:
            return _editions.register(self.cat)
        except history.HistoryError as error:
            rel = relative_path(self.cat.portal.path.parent, self.cat.root)
            raise RecordsError([Problem(rel, 1, 1, "", str(error))]) from None

    def leaflet_link(self, key: Key, lang: Lang) -> ShortLink:
        """The short address a leaflet printed today carries in its QR code: its current
        edition's, so that an older edition's code can open a page that says what changed."""
        return self.short_links.link(key, lang, self.editions.number((key[0], key[1])))

    # -- texts -----------------------------------------------------------------------------
    @functools.cached_property
    def _outdated(self) -> dict[int, tuple[dict[str, str], frozenset[str]]]:
        """id of a text mapping of the records → (the mapping, its outdated languages). Records
        are frozen and kept by the catalogue, so a mapping's id stays its own."""
        out = {}
        default = self.record.default_language
        for entry in self.cat.entries():
            for found in tracking.walk(entry.record):
                if default in found.text and (langs := found.outdated(default)):
                    out[id(found.text)] = (found.text, frozenset(langs))
        return out

    def outdated(self, text: dict[str, str], lang: Lang) -> bool:
        """True when text's translation into lang was made from another French text."""
        known = self._outdated.get(id(text))
        return known is not None and known[0] is text and lang.code in known[1]

    def said(self, text: dict[str, str] | None, lang: Lang) -> Said | None:
        """The text in lang; or the French, marked as standing in, where lang has no
        translation or an outdated one (wrong information harms more than French does)."""
        if not text:
            return None
        if lang.code in text and self.outdated(text, lang):
            return Said(text[self.default.code], self.default, True, outdated=True)
        if lang.code in text:
            own = text[lang.code]
            return Said(markup.isolate_numbers(own) if lang.direction == "rtl" else own, lang,
                        False)
        return Said(text[self.default.code], self.default, True)

    def plain(self, text: dict[str, str], lang: Lang) -> str:
        said = self.said(text, lang)
        return markup.plain(said.text) if said else ""

    # -- pages -----------------------------------------------------------------------------
    def keys(self) -> Iterator[Key]:
        """Every page this build makes, each in every language."""
        yield ("home",)
        if self.portal_pages:
            for theme in self.themes:
                yield ("theme", theme)
        for tid in self.built:
            yield ("territory", tid)
            for theme in self.territory_themes(tid):
                yield ("territory-theme", tid, theme)
            for sid in self.cat.services.get(tid, {}):
                yield ("service", tid, sid)
        for mid in self.built_missions():
            yield ("mission", mid)
            if self.cat.missions[mid].record.results:
                yield ("mission-report", mid)
        if self.cat.glossary and self.cat.glossary.record.entries and self.portal_pages:
            yield ("glossary",)

    def about(self, key: Key, lang: Lang) -> tuple[str, Context]:
        """A page's title, and what its templates are given."""
        context: Context = {"key": key}
        title = KINDS[key[0]].about(self, key, lang, context)
        return title, context

    # -- content queries -------------------------------------------------------------------
    def built_missions(self) -> list[str]:
        """The missions of the territories this build makes: their pages and leaflets."""
        return [mid for mid, e in missions.live(self.cat).items()
                if e.record.territory in self.built]

    def expired(self, svc: Service) -> bool:
        """Whether the figures of a service no longer hold: today is past its valid_until."""
        return svc.valid_until is not None and svc.valid_until < self.today

    def territory_themes(self, tid: str) -> list[str]:
        used = {t for e in self.cat.services.get(tid, {}).values() for t in e.record.themes}
        return [t for t in self.themes if t in used]

    def services_of(self, tid: str, theme: str) -> list[Entry[Service]]:
        found = [e for e in self.cat.services.get(tid, {}).values() if theme in e.record.themes]
        return sorted(found, key=lambda e: markup.plain(e.record.name[self.default.code]).lower())


def relative_link(here: str, target: str) -> str:
    """Link from directory URL `here` to directory URL `target`, both relative to the root."""
    # posixpath.relpath would ask the operating system for the working directory twice per link
    # (tens of thousands of times a build): both URLs are relative to the same root, so the
    # common folders are enough.
    start, end = _parts(here), _parts(target)
    if start is None or end is None:  # a URL that climbs above the root: relpath's own answer
        rel = posixpath.relpath(target or ".", here or ".")
        return "./" if rel == "." else rel + "/"
    common = 0
    for a, b in zip(start, end, strict=False):
        if a != b:
            break
        common += 1
    rel_parts = [".."] * (len(start) - common) + end[common:]
    return "/".join(rel_parts) + "/" if rel_parts else "./"


def _parts(url: str) -> list[str] | None:
    path = posixpath.normpath(url or ".")
    if path == ".":
        return []
    if path.startswith(("/", "..")):
        return None
    return path.split("/")


# -- what each kind of page is about ---------------------------------------------------------
def _home(m: SiteModel, key: Key, lang: Lang, context: Context) -> str:
    return m.plain(m.record.name, lang)


def _theme(m: SiteModel, key: Key, lang: Lang, context: Context) -> str:
    context["theme"] = m.themes[key[1]]
    context["territories"] = [t for t in m.cat.territories if key[1] in m.territory_themes(t)]
    return m.plain(m.themes[key[1]].name, lang)


def _territory(m: SiteModel, key: Key, lang: Lang, context: Context) -> str:
    context["tid"] = key[1]
    context["territory"] = m.cat.territories[key[1]].record
    return m.plain(context["territory"].name, lang)


def _territory_theme(m: SiteModel, key: Key, lang: Lang, context: Context) -> str:
    _territory(m, key, lang, context)
    context["theme"] = m.themes[key[2]]
    context["services"] = m.services_of(key[1], key[2])
    return f"{m.plain(m.themes[key[2]].name, lang)} · {m.plain(context['territory'].name, lang)}"


def _service(m: SiteModel, key: Key, lang: Lang, context: Context) -> str:
    _territory(m, key, lang, context)
    entry = m.cat.services[key[1]][key[2]]
    context["entry"] = entry
    context["svc"] = entry.record
    return m.plain(entry.record.name, lang)


def _mission(m: SiteModel, key: Key, lang: Lang, context: Context) -> str:
    entry = m.cat.missions[key[1]]
    mission = entry.record
    context.update(
        mid=key[1], entry=entry, mission=mission, tid=mission.territory,
        territory=m.cat.territories[mission.territory].record,
        theme=m.themes[mission.theme], featured=missions.featured(m.cat, mission),
        partner=next(p for p in m.record.partners if p.id == mission.partner),
    )
    return m.plain(mission.headline, lang)


def _mission_report(m: SiteModel, key: Key, lang: Lang, context: Context) -> str:
    title = _mission(m, key, lang, context)
    results = context["mission"].results
    assert results is not None
    context["results"] = results
    context["rows"] = missions.rows(m.cat, results, lang.code)
    return f"{interface.say('report', lang.code)} · {title}"


def _glossary(m: SiteModel, key: Key, lang: Lang, context: Context) -> str:
    return interface.say("glossary", lang.code)


KINDS: dict[str, PageKind] = {
    "home": PageKind(lambda key: "index", _home),
    "theme": PageKind(lambda key: f"themes/{key[1]}", _theme),
    "territory": PageKind(lambda key: f"{key[1]}/index", _territory,
                          with_territory=True, offline_with_territory=True),
    "territory-theme": PageKind(lambda key: f"{key[1]}/themes/{key[2]}", _territory_theme,
                                with_territory=True, offline_with_territory=True),
    "service": PageKind(lambda key: f"{key[1]}/{key[2]}", _service,
                        with_territory=True, offline_with_territory=True),
    "mission": PageKind(lambda key: f"missions/{key[1]}/index", _mission),
    "mission-report": PageKind(lambda key: f"missions/{key[1]}/report", _mission_report),
    "glossary": PageKind(lambda key: "glossary/index", _glossary),
}
"""Every kind of page: its address, what it shows, and how search and offline treat it."""


def report_csv_path(mid: str) -> str:
    """Where a mission's CSV is published, relative to the site root."""
    return f"missions/{mid}/report.csv"

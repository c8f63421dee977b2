"""Records → the pages of the portal, in every language, as HTML bodies (no MkDocs here).

Each page is known by a key (`("service", "ris-orangis", "caf")`) and exists in every declared
language. A front end (the MkDocs plugin today) writes a small stub per page so that the i18n
machinery sees it, then swaps in the body rendered here. Navigation is scoped to the page's
territory, so a page weighs the same in a portal of 3 or 300 territories.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import glossary, interface, markup, mission_pages, missions
from .exports import jsonld
from .languages import Lang
from .loading import Catalogue, Entry
from .phones import parse_phone
from .records import Service, Theme
from .views import LanguageView

Key = tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """A page in one language. Its body and menu are rendered when asked for, not kept: a front
    end asks once, while it writes the page, so a build holds one page's HTML at a time."""

    key: Key
    lang: Lang
    src: str  # stub file, relative to docs_dir: "ris-orangis/caf.ar.md"
    url: str  # relative to the site root: "ar/ris-orangis/caf/"
    title: str
    portal: Portal = field(repr=False, compare=False)

    @property
    def body(self) -> Markup:
        return self.portal.body_of(self.key, self.lang)

    @property
    def nav(self) -> Markup:
        """The menu: the page's territory and its themes."""
        return self.portal.nav_of(self.key, self.lang)


@dataclass(frozen=True)
class Said:
    """A text in the language asked for, or its French stand-in."""

    text: str
    lang: Lang
    fallback: bool


class Portal:
    """A validated catalogue seen as a website: languages, addresses, pages."""

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
        self.terms = glossary.Terms(catalogue.glossary.record if catalogue.glossary else None)

    # -- addresses -------------------------------------------------------------------------
    def path_of(self, key: Key) -> str:
        """Language-neutral path of a page, without suffix: "ris-orangis/themes/energy"."""
        kind, *rest = key
        return {
            "home": lambda: "index",
            "theme": lambda: f"themes/{rest[0]}",
            "territory": lambda: f"{rest[0]}/index",
            "territory-theme": lambda: f"{rest[0]}/themes/{rest[1]}",
            "service": lambda: f"{rest[0]}/{rest[1]}",
            "mission": lambda: mission_pages.path_of(key),
            "mission-report": lambda: mission_pages.path_of(key),
            "glossary": lambda: "glossary/index",
        }[kind]()

    def url_of(self, key: Key, lang: Lang) -> str:
        path = self.path_of(key)
        url = "" if path == "index" else (path.removesuffix("/index") if path.endswith("/index") else path) + "/"
        return url if lang.code == self.default.code else f"{lang.code}/{url}"

    def src_of(self, key: Key, lang: Lang) -> str:
        return f"{self.path_of(key)}.{lang.code}.md"

    # -- texts -----------------------------------------------------------------------------
    def said(self, text: dict[str, str] | None, lang: Lang) -> Said | None:
        if not text:
            return None
        if lang.code in text:
            own = text[lang.code]
            return Said(markup.isolate_numbers(own) if lang.direction == "rtl" else own, lang, False)
        return Said(text[self.default.code], self.default, True)

    def plain(self, text: dict[str, str], lang: Lang) -> str:
        said = self.said(text, lang)
        return markup.plain(said.text) if said else ""

    # -- pages -----------------------------------------------------------------------------
    def keys(self) -> Iterator[Key]:
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
        yield from mission_pages.keys(self)
        if self.terms and self.portal_pages:
            yield ("glossary",)

    def pages(self) -> Iterator[Page]:
        for key in self.keys():
            for lang in self.langs:
                yield self.page(key, lang)

    def page(self, key: Key, lang: Lang) -> Page:
        title, _ = self._context(key, lang)
        return Page(key, lang, self.src_of(key, lang), self.url_of(key, lang), title, self)

    def body_of(self, key: Key, lang: Lang) -> Markup:
        _, context = self._context(key, lang)
        view = _View(self, key, lang)
        body = view.render(f"{key[0]}.html", **context)
        if key[0] == "service":  # administrative words link to their explanation
            body = self.terms.link(body, view.link("glossary"))
        return body

    def nav_of(self, key: Key, lang: Lang) -> Markup:
        _, context = self._context(key, lang)
        return _View(self, key, lang).render("nav.html", **context)

    def _context(self, key: Key, lang: Lang) -> tuple[str, dict[str, Any]]:
        """A page's title, and what its templates are given."""
        kind = key[0]
        context: dict[str, Any] = {"key": key}
        if kind == "home":
            title = self.plain(self.record.name, lang)
        elif kind == "theme":
            context["theme"] = self.themes[key[1]]
            context["territories"] = [t for t in self.cat.territories if key[1] in self.territory_themes(t)]
            title = self.plain(self.themes[key[1]].name, lang)
        elif kind in ("mission", "mission-report"):
            title = mission_pages.context(self, key, lang, context)
        elif kind == "glossary":
            context["terms"] = self.terms
            title = interface.say("glossary", lang.code)
        else:
            tid = key[1]
            context["tid"] = tid
            context["territory"] = self.cat.territories[tid].record
            if kind == "territory":
                title = self.plain(context["territory"].name, lang)
            elif kind == "territory-theme":
                context["theme"] = self.themes[key[2]]
                context["services"] = self.services_of(tid, key[2])
                title = (f"{self.plain(self.themes[key[2]].name, lang)} · "
                         f"{self.plain(context['territory'].name, lang)}")
            else:
                entry = self.cat.services[tid][key[2]]
                context["entry"] = entry
                context["svc"] = entry.record
                title = self.plain(entry.record.name, lang)
        return title, context

    # -- content queries -------------------------------------------------------------------
    def built_missions(self) -> list[str]:
        """The missions of the territories this build makes: their pages and leaflets."""
        return [mid for mid, e in missions.live(self.cat).items()
                if e.record.territory in self.built]

    def territory_themes(self, tid: str) -> list[str]:
        used = {t for e in self.cat.services.get(tid, {}).values() for t in e.record.themes}
        return [t for t in self.themes if t in used]

    def services_of(self, tid: str, theme: str) -> list[Entry[Service]]:
        found = [e for e in self.cat.services.get(tid, {}).values() if theme in e.record.themes]
        return sorted(found, key=lambda e: markup.plain(e.record.name[self.default.code]).lower())

    @property
    def env(self) -> jinja2.Environment:
        return environment()


class _View(LanguageView):
    """What a template may call while rendering one page in one language."""

    def __init__(self, portal: Portal, key: Key, lang: Lang) -> None:
        super().__init__(portal, lang)
        self.key, self.here = key, portal.url_of(key, lang)

    def render(self, template: str, **context: Any) -> Markup:
        return Markup(self.portal.env.get_template(template).render(
            v=self, p=self.portal, lang=self.lang, fr=self.fr, **context))

    def t_in(self, key: str, lang: Lang) -> str:
        return interface.say(key, lang.code)

    def link(self, *key: str) -> str:
        """A relative link from this page to the page `key` in the same language."""
        target = self.portal.url_of(tuple(key), self.lang)
        return relative_link(self.here, target)

    def said(self, text: dict[str, str] | None, lang: Lang | None = None) -> Said | None:
        return self.portal.said(text, lang or self.lang)

    def phone(self, number: str) -> Any:
        return parse_phone(number)

    def map_url(self, lat: float, lon: float) -> str:
        return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=18/{lat:.5f}/{lon:.5f}"


@functools.cache
def environment() -> jinja2.Environment:
    """The templates of pages and leaflets, compiled once per process (a preview rebuilds in the
    same process; Jinja reloads a template whose file changed)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = markup.render
    env.filters["md_inline"] = markup.render_inline
    env.filters["plain"] = markup.plain
    env.globals["missions_view"] = mission_pages.missions_view
    env.globals["service_jsonld"] = jsonld.script  # schema.org, in templates/jsonld.html
    env.filters["safe_url"] = lambda url: url if markup.url_problem(url) is None else "#"
    return env


def relative_link(here: str, target: str) -> str:
    """Link from directory URL `here` to directory URL `target`, both relative to the root."""
    rel = posixpath.relpath(target or ".", here or ".")
    return "./" if rel == "." else rel + "/"

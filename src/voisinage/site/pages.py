"""The site model's pages as HTML bodies and menus, in every language (no front end here).

A front end (the MkDocs plugin today) writes a small stub per page so that its i18n machinery
sees it, then asks a `Page` for its body and menu. Navigation is scoped to the page's territory,
so a page weighs the same in a portal of 3 or 300 territories.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from babel.lists import format_list
from markupsafe import Markup

from .. import interface, templating
from ..exports import jsonld
from ..languages import Lang, locale_for
from ..model.site_model import Context, Key, Said, SiteModel, relative_link
from ..model.views import LanguageView
from ..phones import parse_phone
from . import mission_pages
from .glossary import Terms

TEMPLATES = Path(__file__).with_name("templates")


@dataclass(frozen=True)
class Page:
    """A page in one language. Its body and menu are rendered when asked for, not kept: a front
    end asks once, while it writes the page, so a build holds one page's HTML at a time."""

    key: Key
    lang: Lang
    src: str  # stub file, relative to docs_dir: "ris-orangis/caf.ar.md"
    url: str  # relative to the site root: "ar/ris-orangis/caf/"
    title: str
    pages: Pages = field(repr=False, compare=False)
    context: Context = field(repr=False, compare=False)

    @property
    def body(self) -> Markup:
        return self.pages.body_of(self)

    @property
    def nav(self) -> Markup:
        """The menu: the page's territory and its themes."""
        return self.pages.nav_of(self)

    @property
    def description(self) -> str:
        """A sentence or two for search engines and link previews."""
        return self.pages.description_of(self)


DESCRIPTION_LENGTH = 160
"""Characters of a page's description: what search engines show under its title."""


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:—-") + "…"


class Pages:
    """Renders the pages of a site model: one `Page` per key and language."""

    def __init__(self, model: SiteModel) -> None:
        self.model = model
        self.terms = Terms(model.cat.glossary.record if model.cat.glossary else None)
        self._navs: dict[tuple[Any, ...], Markup] = {}  # menus shared by pages, see _nav_key

    def __iter__(self) -> Iterator[Page]:
        for key in self.model.keys():  # noqa: SIM118 -- SiteModel.keys() lists pages, not a dict
            for lang in self.model.langs:
                yield self.page(key, lang)

    def page(self, key: Key, lang: Lang) -> Page:
        title, context = self.model.about(key, lang)
        return Page(key, lang, self.model.src_of(key, lang), self.model.url_of(key, lang), title,
                    self, context)

    def body_of(self, page: Page) -> Markup:
        view = _View(self, page.key, page.lang)
        body = view.render(f"{page.key[0]}.html", **page.context)
        if page.key[0] == "service":  # administrative words link to their explanation
            body = self.terms.link(body, view.link("glossary"))
        return body

    def nav_of(self, page: Page) -> Markup:
        key = _nav_key(page)
        nav = self._navs.pop(key, None)
        if nav is None:
            nav = _View(self, page.key, page.lang).render("nav.html", **page.context)
            if len(self._navs) >= _NAVS_KEPT:
                del self._navs[next(iter(self._navs))]
        self._navs[key] = nav  # the most recently used last
        return nav

    def description_of(self, page: Page) -> str:
        """The record's own words in the page's language (a service's description, a territory's,
        a mission's message), else the page's title and the portal's tagline; plain text, at most
        DESCRIPTION_LENGTH characters, cut between words."""
        m, key = self.model, page.key
        text = None
        if key[0] == "service":
            text = m.cat.services[key[1]][key[2]].record.description
        elif key[0] == "territory":
            text = m.cat.territories[key[1]].record.description
        elif key[0] in ("mission", "mission-report"):
            text = m.cat.missions[key[1]].record.message
        words = m.plain(text, page.lang) if text else ""
        if not words:
            tagline = m.plain(m.record.tagline, page.lang) if m.record.tagline else ""
            words = f"{page.title} — {tagline}" if tagline and tagline != page.title else page.title
        return _shorten(" ".join(words.split()), DESCRIPTION_LENGTH)


_NAVS_KEPT = 256
"""Menus kept: a front end writes a territory's pages one after the other, so a few are enough
to serve every page its menu, in a portal of any size."""

_MARKED_IN_NAV = frozenset({"home", "territory", "territory-theme", "glossary"})
"""The kinds of page nav.html marks as the current one (md-nav__link--active)."""


def _nav_key(page: Page) -> tuple[Any, ...]:
    """What a page's menu depends on. The menu links to the home page, the glossary, the
    territories and a territory's themes, never to a page inside another page's folder: from
    two pages in the same folder, each of its links is the same. So the pages of one kind
    (that the menu does not mark as current), one territory and one language, in one folder
    (a territory's services), share one menu: it is rendered once for them all."""
    parent = page.url.rstrip("/").rpartition("/")[0]
    kind = page.key if page.key[0] in _MARKED_IN_NAV else page.key[:1]
    return (page.lang.code, kind, page.context.get("tid"), parent)


class _View(LanguageView):
    """What a template may call while rendering one page in one language."""

    def __init__(self, pages: Pages, key: Key, lang: Lang) -> None:
        super().__init__(pages.model, lang)
        self.pages = pages
        self.key, self.here = key, pages.model.url_of(key, lang)

    def render(self, template: str, **context: Any) -> Markup:
        return Markup(environment().get_template(template).render(
            v=self, p=self.portal, lang=self.lang, fr=self.fr, terms=self.pages.terms,
            **context))

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

    def language_names(self, codes: list[str]) -> str:
        """Languages named in the reader's language, as a list: "arabe, turc et tamoul"."""
        names = [Locale.parse(c).get_language_name(self.lang.locale) or c for c in codes]
        return format_list(names, locale=self.lang.locale) if names else ""

    def language_name_in(self, code: str, lang: Lang) -> str:
        """A language's name in another language (the French name of the reader's, for a clerk)."""
        return Locale.parse(locale_for(code).language).get_language_name(lang.locale) or code

    def whatsapp_url(self, number: str) -> str:
        """A wa.me link that opens a chat with the number (digits of E.164, without "+")."""
        return "https://wa.me/" + parse_phone(number).tel.lstrip("+")

    def map_url(self, lat: float, lon: float) -> str:
        return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=18/{lat:.5f}/{lon:.5f}"


@functools.cache
def environment() -> jinja2.Environment:
    """The page templates, with what only pages show: missions and schema.org data."""
    env = templating.environment(TEMPLATES)
    env.globals["missions_view"] = mission_pages.missions_view
    env.globals["service_jsonld"] = jsonld.script  # schema.org, in templates/jsonld.html
    env.filters["json_attribute"] = json_attribute
    return env


def templates_fixed() -> None:
    """For a `build`, whose templates do not change under it: Jinja stops asking the file system
    for each template's time at every page (a preview, which lives on, keeps reloading them)."""
    environment().auto_reload = False


def json_attribute(value: Any) -> Markup:
    """JSON for a single-quoted HTML attribute: readable UTF-8 (Arabic stays one byte pair, not a
    six-character escape), with the only characters that could end the attribute escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("'", "\\u0027")):
        text = text.replace(char, escaped)
    return Markup(text)

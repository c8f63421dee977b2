"""Checks across records: references, languages, places. Run after the schema checks."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .. import markup
from ..languages import locale_for
from . import missions
from .loading import Catalogue, Entry, Loaded, relative_path
from .problems import Problem, field_path
from .schema import Record
from .yamlfile import Loc

RESERVED_IDS = {"themes", "index", "assets", "search", "leaflets", "missions", "go", "glossary"}


def check(loaded: Loaded) -> list[Problem]:
    """Every problem of the content: schema problems first, then cross-record ones."""
    problems = list(loaded.problems)
    if loaded.catalogue is not None:
        problems += list(_cross(loaded.catalogue))
    return sorted(set(problems))


def _cross(cat: Catalogue) -> Iterator[Problem]:
    portal = cat.portal.record
    say = _Reporter(cat)
    codes = [lang.code for lang in portal.languages]
    for i, lang in enumerate(portal.languages):
        try:
            locale_for(lang.code)
        except ValueError as error:
            yield say(cat.portal, ("languages", i, "code"), str(error))
    yield from _unique(say, cat.portal, "languages", codes)
    yield from _unique(say, cat.portal, "themes", [t.id for t in portal.themes])
    yield from _unique(say, cat.portal, "partners", [p.id for p in portal.partners])
    if portal.default_language not in codes:
        yield say(cat.portal, ("default_language",), _not_declared(portal.default_language, codes))
    themes = {t.id for t in portal.themes}
    partners = {p.id for p in portal.partners}
    for i, partner in enumerate(portal.partners):
        yield from _weak_host(say, cat.portal, ("partners", i, "url"), partner.url)

    entries: list[Entry[Any]] = [cat.portal, *cat.territories.values(), *cat.all_services(),
                                 *cat.missions.values(), *([cat.glossary] if cat.glossary else [])]
    for entry in entries:
        yield from _languages(say, entry, codes, portal.default_language)

    for tid, territory in cat.territories.items():
        b = territory.record.bounds
        if b.south >= b.north or b.west >= b.east:
            yield say(territory, ("bounds",),
                      "expected south < north and west < east — check the four numbers")
        if tid in RESERVED_IDS:
            yield say(territory, (), f'"{tid}" is a reserved name — rename the file')

    for folder, by_id in cat.services.items():
        territory = cat.territories.get(folder)
        for sid, entry in by_id.items():
            svc = entry.record
            if territory is None:
                yield say(entry, (), (
                    f'the folder "{folder}" is not a territory: expected one of '
                    f"{', '.join(sorted(cat.territories)) or '(none yet)'} — move the file or "
                    f"create content/territories/{folder}.yml"))
            if sid in RESERVED_IDS:
                yield say(entry, (), f'"{sid}" is a reserved name — rename the file')
            for i, theme in enumerate(svc.themes):
                if theme not in themes:
                    yield say(entry, ("themes", i), _unknown_id("theme", theme, themes))
            if svc.partner and svc.partner not in partners:
                yield say(entry, ("partner",), _unknown_id("partner", svc.partner, partners))
            for i, code in enumerate(svc.languages):
                if code not in codes:
                    yield say(entry, ("languages", i), _not_declared(code, codes))
            if (svc.latitude is None) != (svc.longitude is None):
                yield say(entry, ("latitude",), "give both latitude and longitude, or neither")
            elif svc.latitude is not None and svc.longitude is not None and territory:
                if not territory.record.bounds.contains(svc.latitude, svc.longitude):
                    b = territory.record.bounds
                    yield say(entry, ("latitude",), (
                        f"expected a place inside {folder} (latitude {b.south} to {b.north}, "
                        f"longitude {b.west} to {b.east}), found {svc.latitude}, {svc.longitude}"
                        " — check the coordinates, or that latitude and longitude are not swapped"))
            for name in ("source", "url"):
                yield from _weak_host(say, entry, (name,), getattr(svc, name))
            closure = svc.temporary_closure
            if closure and closure.end < closure.start:
                yield say(entry, ("temporary_closure", "end"),
                          f"expected an end on or after the start ({closure.start}), found {closure.end}")

    yield from _missions(say, cat, themes, partners)
    yield from _glossary(say, cat, codes)


def _missions(say: _Reporter, cat: Catalogue, themes: set[str], partners: set[str]) -> Iterator[Problem]:
    """Missions: references, what fits on a leaflet, and results that add up and stay anonymous."""
    if not cat.portal.record.site_url and (cat.missions or any(cat.services.values())):
        yield say(cat.portal, ("site_url",), (
            "the leaflets' QR codes need the portal's public address — add "
            '`site_url: "https://…/"` (the address where the site is published)'))
    pinned: dict[str, str] = {}
    for mid, entry in cat.missions.items():
        m = entry.record
        if m.territory not in cat.territories:
            yield say(entry, ("territory",), _unknown_id("territory", m.territory, set(cat.territories))
                      .replace("of content/portal.yml", "of content/territories"))
        if m.partner not in partners:
            yield say(entry, ("partner",), _unknown_id("partner", m.partner, partners))
        if m.theme not in themes:
            yield say(entry, ("theme",), _unknown_id("theme", m.theme, themes))
        if m.period.end < m.period.start:
            yield say(entry, ("period", "end"),
                      f"expected an end on or after the start ({m.period.start}), found {m.period.end}")
        known = cat.services.get(m.territory, {})
        for i, sid in enumerate(m.services):
            if m.territory in cat.territories and sid not in known:
                close = difflib.get_close_matches(sid, list(known), n=1)
                fix = f'did you mean "{close[0]}"? Or' if close else "fix the name, or"
                yield say(entry, ("services", i), (
                    f'expected a service of {m.territory} ({", ".join(sorted(known)) or "none yet"}), '
                    f'found "{sid}" — {fix} create content/services/{m.territory}/{sid}.yml'))
        yield from _unique(say, entry, "services", m.services)
        if len(m.services) > missions.MAX_SERVICES:
            yield say(entry, ("services",), (
                f"a leaflet has room for {missions.MAX_SERVICES} services, found {len(m.services)} "
                "— keep the most useful ones; the others are on the territory's page"))
        for name, limit in missions.LIMITS.items():
            for code, text in getattr(m, name).items():
                length = len(markup.plain(text))
                if length > limit:
                    yield say(entry, (name, code), (
                        f"too long for the leaflet: {length} characters, at most {limit} — "
                        "shorten it (the full story can go on a service page)"))
        if m.short_code:
            if m.short_code in pinned:
                yield say(entry, ("short_code",),
                          f'"{m.short_code}" is already the short code of mission {pinned[m.short_code]}')
            pinned.setdefault(m.short_code, mid)
        if m.results:
            yield from _results(say, entry, themes)


def _glossary(say: _Reporter, cat: Catalogue, codes: list[str]) -> Iterator[Problem]:
    """The glossary: one entry per term, each word (term or alias) in one entry only."""
    if cat.glossary is None:
        return
    entry: Entry[Any] = cat.glossary
    owners: dict[str, tuple[int, str]] = {}  # a word's anchor → (entry index, word as written)
    for i, item in enumerate(entry.record.entries):
        yield from _weak_host(say, entry, ("entries", i, "source"), item.source)
        for j, code in enumerate(item.machine_translations):
            if code not in codes:
                yield say(entry, ("entries", i, "machine_translations", j), _not_declared(code, codes))
        words = [(item.term, ("entries", i, "term"))] + [
            (word, ("entries", i, "aliases", j)) for j, word in enumerate(item.aliases)]
        for word, loc in words:
            key = markup.slug(word)
            if not key:
                yield say(entry, loc, f'expected French words, in Latin letters, found "{word}"'
                          " — translations go in `definition`")
            elif key in owners and owners[key][0] != i:
                first, written = owners[key]
                line = entry.doc.mark(("entries", first, "term")).line
                yield say(entry, loc, (
                    f'"{word}" is already in entries[{first}] as "{written}" (line {line}) — one '
                    "entry per term: merge the two entries, or remove the word from one of them"))
            owners.setdefault(key, (i, word))


def _results(say: _Reporter, entry: Entry[Any], themes: set[str]) -> Iterator[Problem]:
    r = entry.record.results
    if r.households_met > r.doors_knocked:
        yield say(entry, ("results", "households_met"), (
            f"expected at most the doors knocked ({r.doors_knocked}), found {r.households_met}"))
    spoken = sum(c.households for c in r.languages_used)
    if spoken > r.households_met:
        yield say(entry, ("results", "languages_used"), (
            f"the languages add up to {spoken} households, more than households_met "
            f"({r.households_met}) — count each household once, in its main language"))
    for i, used in enumerate(r.languages_used):
        try:
            locale_for(used.language)
        except ValueError as error:
            yield say(entry, ("results", "languages_used", i, "language"), str(error))
    seen: set[str] = set()
    for i, used in enumerate(r.languages_used):
        if used.language in seen:
            yield say(entry, ("results", "languages_used", i), f'"{used.language}" is listed twice — keep one')
        seen.add(used.language)
    for i, need in enumerate(r.needs):
        if need.theme not in themes:
            yield say(entry, ("results", "needs", i, "theme"), _unknown_id("theme", need.theme, themes))
        if need.households > r.households_met:
            yield say(entry, ("results", "needs", i, "households"), (
                f"expected at most the households met ({r.households_met}), found {need.households}"))
        for j, note in enumerate(need.notes):
            problem = missions.note_problem(note)
            if problem:
                yield say(entry, ("results", "needs", i, "notes", j), problem)
    for j, note in enumerate(r.notes):
        problem = missions.note_problem(note)
        if problem:
            yield say(entry, ("results", "notes", j), problem)


def _languages(say: _Reporter, entry: Entry[Any], codes: list[str], default: str) -> Iterator[Problem]:
    for i, code in enumerate(getattr(entry.record, "machine_translations", [])):
        if code not in codes:
            yield say(entry, ("machine_translations", i), _not_declared(code, codes))
    for loc, text in texts(entry.record):
        for code in text:
            if code not in codes:
                yield say(entry, loc + (code,), _not_declared(code, codes), key=True)
        if default not in text:
            yield say(entry, loc, (
                f'the text in "{default}" is missing — every text needs it, it is the language '
                f"of the counter and the one shown where a translation is missing"))


def texts(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, dict[str, str]]]:
    """Every translatable text inside a record, with where it is."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), loc + (name,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, loc + (i,))
    elif isinstance(value, dict):
        yield loc, value


def _weak_host(say: _Reporter, entry: Entry[Any], loc: Loc, url: str | None) -> Iterator[Problem]:
    """A warning where a link points at a development server or an archived site."""
    problem = markup.weak_host_problem(url) if url else None
    if problem:
        yield say(entry, loc, (
            f"{problem} — link the public body's own page instead; if there is none, remove "
            "the link and say why in a comment (# …) above it"), severity="warning")


def _unique(say: _Reporter, entry: Entry[Any], name: str, ids: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            yield say(entry, (name, i), f'"{item}" is listed twice — keep one')
        seen.add(item)


def _not_declared(code: str, codes: list[str]) -> str:
    return (f'expected a language of the portal ({", ".join(codes)}), found "{code}" — '
            "fix the code or declare the language in content/portal.yml")


def _unknown_id(what: str, found: str, known: set[str]) -> str:
    return (f'expected a {what} of content/portal.yml ({", ".join(sorted(known))}), '
            f'found "{found}"')


class _Reporter:
    def __init__(self, cat: Catalogue) -> None:
        self.root = cat.root

    def __call__(self, entry: Entry[Record], loc: Loc, message: str, *, key: bool = False,
                 severity: str = "error") -> Problem:
        mark = entry.doc.mark(loc, key=key)
        return Problem(relative_path(entry.path, self.root), mark.line, mark.column, field_path(loc),
                       message, severity)  # type: ignore[arg-type]

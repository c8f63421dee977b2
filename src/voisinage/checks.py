"""Checks across records: references, languages, places. Run after the schema checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .languages import locale_for
from .loading import Catalogue, Entry, Loaded, _rel
from .problems import Problem, field_path
from .records import Record
from .yamlfile import Loc

RESERVED_IDS = {"themes", "index", "assets", "search", "leaflets", "missions", "go"}


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

    entries: list[Entry[Any]] = [cat.portal, *cat.territories.values(), *cat.all_services()]
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
            closure = svc.temporary_closure
            if closure and closure.end < closure.start:
                yield say(entry, ("temporary_closure", "end"),
                          f"expected an end on or after the start ({closure.start}), found {closure.end}")


def _languages(say: "_Reporter", entry: Entry[Any], codes: list[str], default: str) -> Iterator[Problem]:
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


def _unique(say: "_Reporter", entry: Entry[Any], name: str, ids: list[str]) -> Iterator[Problem]:
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
        return Problem(_rel(entry.path, self.root), mark.line, mark.column, field_path(loc),
                       message, severity)  # type: ignore[arg-type]

"""Checks across records: references, languages, places. Run after the schema checks."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from .. import markup
from ..languages import locale_for
from ..messages import _
from . import missions, tracking
from .loading import Catalogue, Entry, Loaded, Unvalidated, relative_path
from .problems import Problem, field_path
from .schema import Mission, Need, Record, Results, Service, Territory
from .yamlfile import Loc

RESERVED_IDS = {"themes", "index", "assets", "search", "leaflets", "missions", "go", "glossary"}


def check(loaded: Loaded) -> list[Problem]:
    """Every problem of the content: schema problems first, then cross-record ones."""
    problems = list(loaded.problems)
    if loaded.catalogue is not None:
        problems += list(_cross(loaded.catalogue))
        problems += list(_refused_references(loaded.catalogue, loaded.unvalidated))
    return sorted(set(problems))


def _refused_references(cat: Catalogue, refused: list[Unvalidated]) -> Iterator[Problem]:
    """The names a record the schema refused gives (themes, partner, territory, services,
    languages), checked as written: all problems in one run, not the next one after a fix."""
    portal = cat.portal.record
    say = _Reporter(cat)
    themes = {t.id for t in portal.themes}
    partners = {p.id for p in portal.partners}
    codes = [lang.code for lang in portal.languages]
    for item in refused:
        raw = item.value
        if item.kind is Service:
            yield from _service_names(say, item, _words(raw.get("themes")), _text(raw, "partner"),
                                      _words(raw.get("languages")), themes, partners, codes)
        if item.kind is Mission:
            yield from _mission_names(say, cat, item, _text(raw, "territory"),
                                      _text(raw, "partner"), _text(raw, "theme"), themes,
                                      partners)


def _text(raw: dict[Any, Any], name: str) -> str | None:
    """A field of a refused record as written, when it is text (else the schema says so)."""
    value = raw.get(name)
    return value if isinstance(value, str) else None


def _words(value: Any) -> Iterator[tuple[int, str]]:
    """The texts of a list as written (other items are the schema's to report)."""
    if isinstance(value, list):
        yield from ((i, item) for i, item in enumerate(value) if isinstance(item, str))


def _cross(cat: Catalogue) -> Iterator[Problem]:
    portal = cat.portal.record
    say = _Reporter(cat)
    codes = [lang.code for lang in portal.languages]
    yield from _portal(say, cat, codes)
    themes = {t.id for t in portal.themes}
    partners = {p.id for p in portal.partners}

    entries: list[Entry[Any]] = [cat.portal, *cat.territories.values(), *cat.all_services(),
                                 *cat.missions.values(), *([cat.glossary] if cat.glossary else [])]
    for entry in entries:
        yield from _languages(say, entry, codes, portal.default_language)

    for tid, territory in cat.territories.items():
        yield from _territory(say, tid, territory)

    for folder, by_id in cat.services.items():
        for sid, service in by_id.items():
            yield from _service_file(say, cat, folder, sid, service)
            yield from _service_references(say, service, themes, partners, codes)
            yield from _coordinates(say, folder, cat.territories.get(folder), service)
            yield from _closure(say, service)
            for name in ("source", "url"):
                yield from _weak_host(say, service, (name,), getattr(service.record, name))

    yield from _missions(say, cat, themes, partners)
    yield from _glossary(say, cat, codes)


def _portal(say: _Reporter, cat: Catalogue, codes: list[str]) -> Iterator[Problem]:
    """content/portal.yml: languages CLDR knows, ids listed once, a declared default language."""
    portal = cat.portal.record
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
    for i, partner in enumerate(portal.partners):
        yield from _weak_host(say, cat.portal, ("partners", i, "url"), partner.url)


def _territory(say: _Reporter, tid: str, territory: Entry[Territory]) -> Iterator[Problem]:
    b = territory.record.bounds
    if b.south >= b.north or b.west >= b.east:
        yield say(territory, ("bounds",),
                  _("expected south < north and west < east — check the four numbers"))
    if tid in RESERVED_IDS:
        yield say(territory, (), _('"{name}" is a reserved name — rename the file', name=tid))
    for i, code in enumerate(territory.record.branch.languages):  # any language, named by CLDR
        try:
            locale_for(code)
        except ValueError as error:
            yield say(territory, ("branch", "languages", i), str(error))


def _service_file(say: _Reporter, cat: Catalogue, folder: str, sid: str,
                  entry: Entry[Service]) -> Iterator[Problem]:
    """A service file sits in the folder of a territory, under a name that is not reserved."""
    if folder not in cat.territories:
        yield say(entry, (), _(
            'the folder "{folder}" is not a territory: expected one of {known} — move the file '
            "or create content/territories/{folder}.yml", folder=folder,
            known=", ".join(sorted(cat.territories)) or _("(none yet)")))
    if sid in RESERVED_IDS:
        yield say(entry, (), _('"{name}" is a reserved name — rename the file', name=sid))


def _service_references(say: _Reporter, entry: Entry[Service], themes: set[str],
                        partners: set[str], codes: list[str]) -> Iterator[Problem]:
    """The themes, partner and languages a service names are declared in content/portal.yml."""
    svc = entry.record
    yield from _service_names(say, entry, enumerate(svc.themes), svc.partner,
                              enumerate(svc.languages), themes, partners, codes)


def _service_names(say: _Reporter, item: Entry[Service] | Unvalidated,
                   named_themes: Iterable[tuple[int, str]], partner: str | None,
                   named_languages: Iterable[tuple[int, str]], themes: set[str],
                   partners: set[str], codes: list[str]) -> Iterator[Problem]:
    """The names a service gives, valid record or refused one."""
    for i, theme in named_themes:
        if theme not in themes:
            yield say(item, ("themes", i), _unknown_id("theme", theme, themes))
    if partner and partner not in partners:
        yield say(item, ("partner",), _unknown_id("partner", partner, partners))
    for i, code in named_languages:
        if code not in codes:
            yield say(item, ("languages", i), _not_declared(code, codes))


def _coordinates(say: _Reporter, folder: str, territory: Entry[Territory] | None,
                 entry: Entry[Service]) -> Iterator[Problem]:
    """Both coordinates or neither, and a place inside the bounds of the service's territory."""
    svc = entry.record
    if (svc.latitude is None) != (svc.longitude is None):
        yield say(entry, ("latitude",), _("give both latitude and longitude, or neither"))
    elif (svc.latitude is not None and svc.longitude is not None and territory
          and not territory.record.bounds.contains(svc.latitude, svc.longitude)):
        b = territory.record.bounds
        yield say(entry, ("latitude",), _(
            "expected a place inside {territory} (latitude {south} to {north}, "
            "longitude {west} to {east}), found {latitude}, {longitude}"
            " — check the coordinates, or that latitude and longitude are not swapped",
            territory=folder, south=b.south, north=b.north, west=b.west, east=b.east,
            latitude=svc.latitude, longitude=svc.longitude))


def _closure(say: _Reporter, entry: Entry[Service]) -> Iterator[Problem]:
    closure = entry.record.temporary_closure
    if closure and closure.end < closure.start:
        yield say(entry, ("temporary_closure", "end"), _end_before(closure.start, closure.end))


def _missions(say: _Reporter, cat: Catalogue, themes: set[str],
              partners: set[str]) -> Iterator[Problem]:
    """Missions: references, what fits on a leaflet, and results that add up and stay anonymous."""
    if not cat.portal.record.site_url and (cat.missions or any(cat.services.values())):
        yield say(cat.portal, ("site_url",), _(
            "the leaflets' QR codes need the portal's public address — add "
            '`site_url: "https://…/"` (the address where the site is published)'))
    pinned: dict[str, str] = {}  # short code → the mission that has it
    for mid, entry in cat.missions.items():
        yield from _mission_references(say, cat, entry, themes, partners)
        yield from _mission_services(say, cat, entry)
        yield from _leaflet_lengths(say, entry)
        yield from _short_code(say, mid, entry, pinned)
        results = entry.record.results
        if results:
            yield from _results(say, entry, results, themes)


def _mission_references(say: _Reporter, cat: Catalogue, entry: Entry[Mission], themes: set[str],
                        partners: set[str]) -> Iterator[Problem]:
    """The territory, partner and theme a mission names exist; its period runs forwards."""
    m = entry.record
    yield from _mission_names(say, cat, entry, m.territory, m.partner, m.theme, themes, partners)
    if m.period.end < m.period.start:
        yield say(entry, ("period", "end"), _end_before(m.period.start, m.period.end))


def _mission_names(say: _Reporter, cat: Catalogue, item: Entry[Mission] | Unvalidated,
                   territory: str | None, partner: str | None, theme: str | None,
                   themes: set[str], partners: set[str]) -> Iterator[Problem]:
    """The territory, partner and theme a mission names, valid record or refused one."""
    if territory is not None and territory not in cat.territories:
        yield say(item, ("territory",), _(
            'expected a territory of content/territories ({known}), found "{found}"',
            known=", ".join(sorted(cat.territories)), found=territory))
    if partner is not None and partner not in partners:
        yield say(item, ("partner",), _unknown_id("partner", partner, partners))
    if theme is not None and theme not in themes:
        yield say(item, ("theme",), _unknown_id("theme", theme, themes))


def _mission_services(say: _Reporter, cat: Catalogue, entry: Entry[Mission]) -> Iterator[Problem]:
    """The services a mission features: of its territory, each once, as many as a leaflet holds."""
    m = entry.record
    known = cat.services.get(m.territory, {})
    for i, sid in enumerate(m.services):
        if m.territory in cat.territories and sid not in known:
            close = difflib.get_close_matches(sid, list(known), n=1)
            fix = (_('did you mean "{close}"? Or', close=close[0]) if close
                   else _("fix the name, or"))
            yield say(entry, ("services", i), _(
                'expected a service of {territory} ({known}), found "{found}" — {fix} create '
                "content/services/{territory}/{found}.yml", territory=m.territory,
                known=", ".join(sorted(known)) or _("none yet"), found=sid, fix=fix))
    yield from _unique(say, entry, "services", m.services)
    if len(m.services) > missions.MAX_SERVICES:
        yield say(entry, ("services",), _(
            "a leaflet has room for {room} services, found {count} "
            "— keep the most useful ones; the others are on the territory's page",
            room=missions.MAX_SERVICES, count=len(m.services)))


def _leaflet_lengths(say: _Reporter, entry: Entry[Mission]) -> Iterator[Problem]:
    """The mission's texts printed on its leaflet fit there, in every language."""
    for name, limit in missions.LIMITS.items():
        for code, text in getattr(entry.record, name).items():
            length = len(markup.plain(text))
            if length > limit:
                yield say(entry, (name, code), _(
                    "too long for the leaflet: {length} characters, at most {limit} — "
                    "shorten it (the full story can go on a service page)",
                    length=length, limit=limit))


def _short_code(say: _Reporter, mid: str, entry: Entry[Mission],
                pinned: dict[str, str]) -> Iterator[Problem]:
    """A short code belongs to one mission: the first one (in file order) keeps it."""
    code = entry.record.short_code
    if not code:
        return
    if code in pinned:
        yield say(entry, ("short_code",),
                  _('"{code}" is already the short code of mission {mission}', code=code,
                    mission=pinned[code]))
    pinned.setdefault(code, mid)


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
                yield say(entry, ("entries", i, "machine_translations", j),
                          _not_declared(code, codes))
        if item.name and item.name.get(cat.portal.record.default_language, item.term) != item.term:
            yield say(entry, ("entries", i, "name", cat.portal.record.default_language), _(
                'expected the term itself, "{term}" — `name` gives the term in each '
                "language, starting with the French one", term=item.term))
        words = [(item.term, ("entries", i, "term"))] + [
            (word, ("entries", i, "aliases", j)) for j, word in enumerate(item.aliases)]
        for word, loc in words:
            key = markup.slug(word)
            if not key:
                yield say(entry, loc, _('expected French words, in Latin letters, found "{word}" '
                                        "— translations go in `definition`", word=word))
            elif key in owners and owners[key][0] != i:
                first, written = owners[key]
                line = entry.doc.mark(("entries", first, "term")).line
                yield say(entry, loc, _(
                    '"{word}" is already in entries[{first}] as "{written}" (line {line}) — one '
                    "entry per term: merge the two entries, or remove the word from one of them",
                    word=word, first=first, written=written, line=line))
            owners.setdefault(key, (i, word))


def _results(say: _Reporter, entry: Entry[Mission], r: Results,
             themes: set[str]) -> Iterator[Problem]:
    """A mission's results: counts that add up, known languages and themes, anonymous notes."""
    yield from _counts(say, entry, r)
    yield from _languages_used(say, entry, r)
    for i, need in enumerate(r.needs):
        yield from _need(say, entry, ("results", "needs", i), need, r.households_met, themes)
    for j, note in enumerate(r.notes):
        yield from _note(say, entry, ("results", "notes", j), note)


def _counts(say: _Reporter, entry: Entry[Mission], r: Results) -> Iterator[Problem]:
    if r.households_met > r.doors_knocked:
        yield say(entry, ("results", "households_met"), _(
            "expected at most the doors knocked ({doors}), found {met}", doors=r.doors_knocked,
            met=r.households_met))
    spoken = sum(c.households for c in r.languages_used)
    if spoken > r.households_met:
        yield say(entry, ("results", "languages_used"), _(
            "the languages add up to {spoken} households, more than households_met "
            "({met}) — count each household once, in its main language", spoken=spoken,
            met=r.households_met))


def _languages_used(say: _Reporter, entry: Entry[Mission], r: Results) -> Iterator[Problem]:
    """Languages CLDR knows, each listed once."""
    for i, used in enumerate(r.languages_used):
        try:
            locale_for(used.language)
        except ValueError as error:
            yield say(entry, ("results", "languages_used", i, "language"), str(error))
    seen: set[str] = set()
    for i, used in enumerate(r.languages_used):
        if used.language in seen:
            yield say(entry, ("results", "languages_used", i),
                      _('"{item}" is listed twice — keep one', item=used.language))
        seen.add(used.language)


def _need(say: _Reporter, entry: Entry[Mission], loc: Loc, need: Need, met: int,
          themes: set[str]) -> Iterator[Problem]:
    """One need met at the doors: a known theme, no more households than met, anonymous notes."""
    if need.theme not in themes:
        yield say(entry, loc + ("theme",), _unknown_id("theme", need.theme, themes))
    if need.households > met:
        yield say(entry, loc + ("households",), _(
            "expected at most the households met ({met}), found {households}", met=met,
            households=need.households))
    for j, note in enumerate(need.notes):
        yield from _note(say, entry, loc + ("notes", j), note)


def _note(say: _Reporter, entry: Entry[Mission], loc: Loc, note: str) -> Iterator[Problem]:
    problem = missions.note_problem(note)
    if problem:
        yield say(entry, loc, problem)


def _languages(say: _Reporter, entry: Entry[Any], codes: list[str],
               default: str) -> Iterator[Problem]:
    for i, code in enumerate(getattr(entry.record, "machine_translations", [])):
        if code not in codes:
            yield say(entry, ("machine_translations", i), _not_declared(code, codes))
    for loc, text in texts(entry.record):
        for code in text:
            if code not in codes:
                yield say(entry, loc + (code,), _not_declared(code, codes, key=True), key=True)
        if default not in text:
            yield say(entry, loc, _(
                'the text in "{language}" is missing — every text needs it, it is the language '
                "of the counter and the one shown where a translation is missing",
                language=default))


def texts(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, dict[str, str]]]:
    """Every translatable text inside a record, with where it is (fingerprints are not texts)."""
    for found in tracking.walk(value, loc):
        yield found.loc, found.text


def _weak_host(say: _Reporter, entry: Entry[Any], loc: Loc, url: str | None) -> Iterator[Problem]:
    """A warning where a link points at a development server or an archived site."""
    problem = markup.weak_host_problem(url) if url else None
    if problem:
        yield say(entry, loc, _(
            "{problem} — link the public body's own page instead; if there is none, remove "
            "the link and say why in a comment (# …) above it", problem=problem),
            severity="warning")


def _unique(say: _Reporter, entry: Entry[Any], name: str, ids: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            yield say(entry, (name, i), _('"{item}" is listed twice — keep one', item=item))
        seen.add(item)


def _not_declared(code: str, codes: list[str], *, key: bool = False) -> str:
    """A language the portal lacks; for a key under a text, perhaps a field name typed there
    (`street:` under `name:`), which is no language at all."""
    try:
        locale_for(code)
    except ValueError:
        if not key:
            return _('expected a language of the portal ({codes}), found "{found}", which is '
                     "no language — write one of the portal's codes",
                     codes=", ".join(codes), found=code)
        return _('expected a language code of the portal ({codes}) here, found "{found}", '
                 "which is no language — if it is a field of its own, it is indented too far "
                 "or under the wrong field: compare with the example record",
                 codes=", ".join(codes), found=code)
    return _('expected a language of the portal ({codes}), found "{found}" — '
             "fix the code or declare the language in content/portal.yml",
             codes=", ".join(codes), found=code)


def _unknown_id(what: str, found: str, known: set[str]) -> str:
    names = {"theme": _("theme"), "partner": _("partner")}
    return _('expected a {what} of content/portal.yml ({known}), found "{found}"',
             what=names.get(what, what), known=", ".join(sorted(known)), found=found)


def _end_before(start: object, end: object) -> str:
    return _("expected an end on or after the start ({start}), found {end}", start=start,
             end=end)


class _Reporter:
    def __init__(self, cat: Catalogue) -> None:
        self.root = cat.root

    def __call__(self, entry: Entry[Record] | Unvalidated, loc: Loc, message: str, *,
                 key: bool = False,
                 severity: str = "error") -> Problem:
        mark = entry.doc.mark(loc, key=key)
        return Problem(relative_path(entry.path, self.root), mark.line, mark.column,
                       field_path(loc), message, severity)  # type: ignore[arg-type]

"""Door-to-door missions: which are live, what they feature, and what they report to the partner.

A mission's results are counts and short anonymous notes; this module adds them up for the
mission's report page, its CSV (`exports.reports`) and the running totals on the home page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale

from ..messages import _
from .loading import Catalogue, Entry
from .schema import Mission, Results, Service

LIMITS = {"headline": 70, "message": 260}
"""Longest text, in characters, that fits the leaflets; the layout check is the final word."""
MAX_SERVICES = 3
"""Featured services a leaflet has room for."""
NOTE_LIMIT = 200
_PHONE = re.compile(r"(?:\+|\b0)\d(?:[\s.-]?\d){7,}")
_EMAIL = re.compile(r"\S+@\S+\.\w+")


def live(cat: Catalogue) -> dict[str, Entry[Mission]]:
    """Missions whose territory exists (`voisinage check` reports the others)."""
    return {mid: e for mid, e in cat.missions.items() if e.record.territory in cat.territories}


def of_territory(cat: Catalogue, tid: str) -> list[Entry[Mission]]:
    """The territory's missions, latest first."""
    found = [e for e in live(cat).values() if e.record.territory == tid]
    return sorted(found, key=lambda e: e.record.period.start, reverse=True)


def featured(cat: Catalogue, mission: Mission) -> list[Entry[Service]]:
    by_id = cat.services.get(mission.territory, {})
    return [by_id[sid] for sid in mission.services if sid in by_id]


def note_problem(note: str) -> str | None:
    """Why a note may not go into a report (too long, or not anonymous), or None."""
    if len(note) > NOTE_LIMIT:
        return _("expected a short note (at most {limit} characters), found {length} — "
                 "shorten it", limit=NOTE_LIMIT, length=len(note))
    if _PHONE.search(note) or _EMAIL.search(note):
        return _("notes must stay anonymous: this one looks like it holds a phone number or an "
                 "email address — remove it; a report holds counts and general remarks only")
    return None


@dataclass(frozen=True)
class Totals:
    missions: int
    reported: int
    doors_knocked: int
    households_met: int
    languages: int


def totals(cat: Catalogue) -> Totals:
    """Running totals across every mission that has reported its results."""
    results = [e.record.results for e in live(cat).values() if e.record.results]
    langs = {c.language for r in results for c in r.languages_used if c.households}
    return Totals(len(live(cat)), len(results), sum(r.doors_knocked for r in results),
                  sum(r.households_met for r in results), len(langs))


@dataclass(frozen=True)
class Row:
    measure: str  # doors_knocked, households_met, language, need, note
    item: str  # language code or theme id, or ""
    label: str  # in French, for the partner's spreadsheet
    households: int | None
    share: float  # of households met, 0..1, for bars
    note: str = ""


def rows(cat: Catalogue, results: Results, label_lang: str = "fr") -> list[Row]:
    """The report as flat rows: what the page's tables and the CSV both show."""
    themes = {t.id: t for t in cat.portal.record.themes}
    met = results.households_met or 1
    out = [Row("doors_knocked", "", "Portes frappées", results.doors_knocked, 1.0),
           Row("households_met", "", "Foyers rencontrés", results.households_met,
               results.households_met / (results.doors_knocked or 1))]
    for used in sorted(results.languages_used, key=lambda c: -c.households):
        name = Locale.parse(used.language).get_language_name(label_lang) or used.language
        out.append(Row("language", used.language, name, used.households, used.households / met))
    for need in sorted(results.needs, key=lambda n: -n.households):
        theme = themes.get(need.theme)
        default = cat.portal.record.default_language
        label = ((theme.name.get(label_lang) or theme.name.get(default, need.theme)) if theme
                 else need.theme)
        out.append(Row("need", need.theme, label, need.households, need.households / met))
        out += [Row("note", need.theme, label, None, 0.0, note) for note in need.notes]
    out += [Row("note", "", "", None, 0.0, note) for note in results.notes]
    return out

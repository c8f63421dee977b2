"""Opening hours: OpenStreetMap `opening_hours` strings, read by a kept parser, told in any
language.

The parser (`opening-hours-py`) gives the open intervals of a typical week; Babel's CLDR data gives
day names, the locale's 12- or 24-hour clock and its digits. Nothing here is a hand-written table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache

import opening_hours

from .languages import Lang

APPOINTMENT = "sur rendez-vous"
"""The only comment allowed in opening hours: the time is by appointment only."""

_REFERENCE_MONDAY = datetime(2026, 1, 12)  # a week with no public holiday in France
_PH_CLOSED = re.compile(r"\bPH\s+(off|closed)\b")
_COMMENT = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Slot:
    start: time
    end: time
    by_appointment: bool


@dataclass(frozen=True)
class Week:
    days: tuple[tuple[Slot, ...], ...]  # Monday first
    closed_on_public_holidays: bool

    @property
    def has_appointments(self) -> bool:
        return any(slot.by_appointment for day in self.days for slot in day)


def hours_problem(spec: str) -> str | None:
    """Why an opening-hours string cannot be used, or None."""
    try:
        opening_hours.OpeningHours(spec)
    # ParserError exists at run time but the package's generated stubs leave it out.
    except opening_hours.ParserError as error:  # type: ignore[attr-defined]
        detail = " ".join(str(error).split())
        return (
            f'expected opening hours in OpenStreetMap syntax like "Mo-Fr 09:00-12:00,14:00-17:00;'
            f' PH off", found "{spec}" ({detail})'
        )
    for comment in _COMMENT.findall(spec):
        if comment != APPOINTMENT:
            return f'the only comment allowed is "{APPOINTMENT}", found "{comment}"'
    return None


@lru_cache(maxsize=4096)
def typical_week(spec: str) -> Week:
    """The open slots of a week without public holidays."""
    parsed = opening_hours.OpeningHours(spec)
    days = []
    for offset in range(7):
        midnight = _REFERENCE_MONDAY + timedelta(days=offset)
        days.append(
            tuple(
                Slot(start.time(), time(23, 59) if stop.day != start.day else stop.time(),
                     comment == APPOINTMENT)
                for start, stop, state, comment in parsed.intervals(
                    midnight, midnight + timedelta(days=1)
                )
                if state == opening_hours.State.OPEN
            )
        )
    return Week(tuple(days), bool(_PH_CLOSED.search(spec)))


@dataclass(frozen=True)
class Line:
    days: str
    hours: str  # empty when closed
    by_appointment: bool


def describe(week: Week, lang: Lang, closed: str, appointment: str) -> list[Line]:
    """Lines like "Monday – Friday: 9:00 AM – 12:00 PM", consecutive equal days grouped."""
    names = lang.day_names()
    lines: list[Line] = []
    day = 0
    while day < 7:
        last = day
        while last + 1 < 7 and week.days[last + 1] == week.days[day]:
            last += 1
        slots = week.days[day]
        label = names[day] if last == day else f"{names[day]} – {names[last]}"
        if slots:
            hours = ", ".join(
                f"{lang.time(s.start)} – {lang.time(s.end)}"
                + (f" ({appointment})" if s.by_appointment else "")
                for s in slots
            )
            lines.append(Line(label, hours, any(s.by_appointment for s in slots)))
        elif last - day < 6:
            lines.append(Line(label, closed, False))
        day = last + 1
    return lines

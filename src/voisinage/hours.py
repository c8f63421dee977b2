"""Opening hours: OpenStreetMap `opening_hours` strings, read by a kept parser, told in any
language.

The parser (`opening-hours-py`) gives the open intervals of a typical week, and of the coming
weeks (`upcoming`, with France's public holidays from the `holidays` package and a temporary
closure) for the page's "open now" line; Babel's CLDR data gives day names, the locale's 12- or
24-hour clock and its digits. Nothing here is a hand-written table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holiday_calendars
import opening_hours

from .languages import Lang
from .messages import _

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

    @property
    def always_open(self) -> bool:
        """Open all day every day ("24/7"): said as such, not as "00:00 – 23:59"."""
        return all(len(day) == 1 and _all_day(day[0]) for day in self.days)


def _all_day(slot: Slot) -> bool:
    return slot.start == time(0) and slot.end == time(23, 59)


def hours_problem(spec: str) -> str | None:
    """Why an opening-hours string cannot be used, or None."""
    found = hours_problem_at(spec)
    return found[0] if found else None


def hours_problem_at(spec: str) -> tuple[str, int] | None:
    """Why an opening-hours string cannot be used, in words, and the index of the character
    where it goes wrong (so that the editor is sent to the right column), or None."""
    try:
        opening_hours.OpeningHours(spec)
    # ParserError exists at run time but the package's generated stubs leave it out.
    except opening_hours.ParserError as error:  # type: ignore[attr-defined]
        where = _PARSER_POSITION.search(str(error))
        index = min(int(where[1]) - 1, len(spec)) if where else 0
        hint, near = _hours_hint(spec, index), _token(spec, index)
        if not near:
            return _('opening hours cannot be read at their end: {hint} — they are written in '
                     'OpenStreetMap syntax, like "Mo-Fr 09:00-12:00,14:00-17:00; PH off"',
                     hint=hint), index
        return _('opening hours cannot be read at character {position} ("{near}"): {hint} — '
                 'they are written in OpenStreetMap syntax, like '
                 '"Mo-Fr 09:00-12:00,14:00-17:00; PH off"',
                 position=index + 1, near=near, hint=hint), index
    for comment in _COMMENT.finditer(spec):
        if comment[1] != APPOINTMENT:
            return _('the only comment allowed is "{allowed}", found "{found}"',
                     allowed=APPOINTMENT, found=comment[1]), comment.start()
    return None


_PARSER_POSITION = re.compile(r"--> \d+:(\d+)")
_DASHES = "‐‑‒–—−"
_FRENCH_DAYS = {"lu": "Mo", "ma": "Tu", "me": "We", "je": "Th", "ve": "Fr", "di": "Su"}
_FRENCH_TIME = re.compile(r"(\d{1,2})\s*h\s*(\d{2})?", re.IGNORECASE)
_CLOSED_IN_FRENCH = re.compile(r"ferm[ée]e?s?\b", re.IGNORECASE)


def _token(spec: str, index: int) -> str:
    """The word that starts at index (up to a space, a comma or a semicolon)."""
    return re.split(r"[\s,;]", spec[index:], maxsplit=1)[0]


def _hours_hint(spec: str, index: int) -> str:
    """What is wrong at index, in words, for the mistakes editors make."""
    token = _token(spec, index)
    before = spec[:index].rstrip()
    if index >= len(spec.rstrip()):
        return _('the hours end too early — after the last ";" or "," another rule or time '
                 'is expected: remove that sign or complete the rule')
    if spec[index] in _DASHES or (index and spec[index - 1] in _DASHES):
        return _('write a plain hyphen "-" between two days or two times, not "–" or "—"')
    french_time = _FRENCH_TIME.match(token)
    if french_time:
        fixed = f"{int(french_time[1]):02d}:{french_time[2] or '00'}"
        return _('times are written with a colon and two digits: write "{fixed}" instead of '
                 '"{found}"', fixed=fixed, found=french_time[0])
    word = re.match(r"[^\W\d_]+", token)
    day = _FRENCH_DAYS.get(word[0][:2].lower()) if word else None
    if word and day:
        return _('days are written with two English letters, Mo Tu We Th Fr Sa Su: write '
                 '"{fixed}" instead of "{found}"', fixed=day, found=word[0])
    if _CLOSED_IN_FRENCH.match(token):
        return _('a closed day is written "off", like "Su off" or "PH off"')
    if token[:1].isdigit() and before[-1:].isdigit():
        return _('two time ranges of the same days are separated by a comma: '
                 '"09:00-12:00,14:00-17:00"')
    if token[:1].isdigit() and before.endswith("-"):
        return _('a time is written with hours and minutes, like "12:00"')
    return _('"{found}" is not understood here: expected days like "Mo-Fr", times like '
             '"09:00-12:00", "PH off", or ";" between two rules', found=token)


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


def describe(week: Week, lang: Lang, closed: str, appointment: str, *,
             always: str | None = None, all_day: str | None = None) -> list[Line]:
    """Lines like "Monday – Friday: 9:00 AM – 12:00 PM", consecutive equal days grouped. With
    `always` and `all_day` ("Open 24 hours a day, 7 days a week", "24 hours"), a 24/7 week is one
    line of that text and a day open from midnight to midnight says so."""
    names = lang.day_names()
    if always and week.always_open:
        return [Line(always, "", False)]
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
                (all_day if all_day and _all_day(s)
                 else f"{lang.time(s.start)} – {lang.time(s.end)}")
                + (f" ({appointment})" if s.by_appointment else "")
                for s in slots
            )
            lines.append(Line(label, hours, any(s.by_appointment for s in slots)))
        elif last - day < 6:
            lines.append(Line(label, closed, False))
        day = last + 1
    return lines


# -- The coming weeks, for "open now" -----------------------------------------------------------
PARIS = ZoneInfo("Europe/Paris")
"""Metropolitan France's clock; the places of overseas departments would need their own."""
_SUBDIVISIONS = {"57": "57", "67": "6AE", "68": "6AE"}
"""Departments with public holidays of their own (Alsace-Moselle), as the `holidays` package
names them."""


@dataclass(frozen=True)
class Upcoming:
    """The open intervals of the coming days, local days and public holidays: what the page's
    script needs to say "open now, closes at 12:00" or "opens tomorrow at 9:00"."""

    midnights: tuple[datetime, ...]  # the start of each day, and the end of the last
    intervals: tuple[tuple[datetime, datetime], ...]  # open, merged across midnight
    holidays: tuple[tuple[int, date], ...]  # day index, date of a public holiday
    closed: tuple[int, int] | None  # first and last day index of a temporary closure


def public_holidays(years: list[int], department: str | None = None,
                    language: str = "fr") -> dict[date, str]:
    """France's public holidays in those years (Alsace-Moselle's too, by department code),
    named in French or English (the languages the `holidays` package has for France)."""
    return dict(_holidays(tuple(years), _SUBDIVISIONS.get(department or ""),
                          "en_US" if language == "en" else "fr"))


@lru_cache(maxsize=256)
def _holidays(years: tuple[int, ...], subdivision: str | None,
              language: str) -> tuple[tuple[date, str], ...]:
    # Every page with opening hours asks for the same few years: the calendar is made once.
    calendar = holiday_calendars.country_holidays("FR", subdiv=subdivision, years=list(years),
                                                  language=language)
    return tuple(calendar.items())


@lru_cache(maxsize=4096)
def upcoming(spec: str, first: date, days: int, department: str | None = None,
             closure: tuple[date, date] | None = None) -> Upcoming:
    """The open intervals from `first` for `days` days in Paris time, with public holidays and a
    temporary closure (its first and last day, closed) taken out."""
    parsed = opening_hours.OpeningHours(spec)
    ph_rules = re.search(r"\bPH\b", spec) is not None
    with_holidays = opening_hours.OpeningHours(spec, country="FR") if ph_rules else parsed
    years = sorted({(first + timedelta(days=n)).year for n in range(days + 1)})
    feasts = public_holidays(years, department)
    midnights, found, marked = [], [], []
    for n in range(days):
        day = first + timedelta(days=n)
        midnights.append(datetime.combine(day, time(0), PARIS))
        if day in feasts:
            marked.append((n, day))
        if closure and closure[0] <= day <= closure[1]:
            continue
        if day in feasts and _PH_CLOSED.search(spec):
            continue
        rules = with_holidays if day in feasts else parsed
        start = datetime.combine(day, time(0))
        for begin, end, state, _comment in rules.intervals(start, start + timedelta(days=1)):
            if state == opening_hours.State.OPEN:
                found.append((begin.replace(tzinfo=PARIS), end.replace(tzinfo=PARIS)))
    midnights.append(datetime.combine(first + timedelta(days=days), time(0), PARIS))
    merged: list[tuple[datetime, datetime]] = []
    for begin, end in found:
        if merged and merged[-1][1] == begin:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((begin, end))
    closed = None
    if closure:
        lo, hi = (closure[0] - first).days, (closure[1] - first).days
        if hi >= 0 and lo < days:
            closed = (max(lo, 0), min(hi, days - 1))
    return Upcoming(tuple(midnights), tuple(merged), tuple(marked), closed)

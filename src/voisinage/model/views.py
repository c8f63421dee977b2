"""What every template may ask in one language, web page or leaflet alike.

Pages (`pages._View`) and leaflets (`leaflets._View`) extend it with what only they show: links
between pages, or QR codes and print-sized dates.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any

from .. import hours, interface
from ..hours import Week
from ..languages import Lang

if TYPE_CHECKING:
    from ..records.schema import Closure
    from .site_model import Said, SiteModel

OPEN_NOW_DAYS = 85
"""How many days of opening hours a page carries for its "open now" line, from the day before the
build: twelve weeks, more than the longest stretch between two French public holidays, so that a
page built today still knows the next one. Past them, the line is not shown (the table stays)."""
_OPEN_NOW_WORDS = ("open_now", "closed_now", "closes_at", "opens_today", "opens_tomorrow",
                   "opens_on", "public_holiday_today", "closed_temporarily_now")


class LanguageView:
    """Interface strings, dates, opening hours and translation marks in the reader's language,
    with the default language (French, for the counter) beside it."""

    def __init__(self, portal: SiteModel, lang: Lang) -> None:
        self.portal, self.lang, self.fr = portal, lang, portal.default

    def t(self, key: str, **values: str) -> str:
        return interface.say(key, self.lang.code, **values)

    def t_fr(self, key: str, **values: str) -> str:
        return interface.say(key, self.fr.code, **values)

    def date(self, value: date, lang: Lang | None = None) -> str:
        return (lang or self.lang).date(value)

    def hours(self, spec: str, lang: Lang | None = None) -> list[hours.Line]:
        """Opening hours as lines of days and times, in `lang` (CLDR day names and clock)."""
        lang = lang or self.lang
        return hours.describe(hours.typical_week(spec), lang, interface.say("closed", lang.code),
                              interface.say("by_appointment", lang.code),
                              always=interface.say("open_24_7", lang.code),
                              all_day=interface.say("all_day", lang.code))

    def open_now(self, spec: str, closure: Closure | None = None,
                 department: str | None = None) -> dict[str, Any] | None:
        """What voisinage.js needs to say "open now, closes at 12:00" in this language: the open
        intervals of the coming weeks (minutes from the first midnight), each day's midnight,
        public holidays, the temporary closure, and the words and times already in the reader's
        language and clock. None for a place open 24/7, which the table says as such."""
        if hours.typical_week(spec).always_open:
            return None
        first = self.portal.today - timedelta(days=1)
        times = _open_times(spec, first, department,
                            (closure.start, closure.end) if closure else None)
        names = hours.public_holidays(list(times.years), department,
                                      self.lang.code) if times.holidays else {}
        return {
            "days": list(times.days), "open": [list(pair) for pair in times.intervals],
            "clock": {at: self.lang.time(time(hour, minute)) for at, hour, minute in times.clock},
            "far": {index: self.date(day) for index, day in times.far},
            "first": times.first, "names": self.lang.day_names(),
            "holidays": {i: names.get(d, "") for i, d in times.holidays},
            "closed": list(times.closed) if times.closed else None,
            "base": times.base,
            "words": {key: interface.say(key, self.lang.code) for key in _OPEN_NOW_WORDS},
        }

    def week(self, spec: str) -> Week:
        return hours.typical_week(spec)

    def machine_made(self, record: Any) -> bool:
        return self.lang.code in getattr(record, "machine_translations", [])

    def outdated_notice(self, said: Said | None, *, short: bool = False) -> str | None:
        """What to say, in the reader's language, above (or, short, after) a French text standing
        in for an outdated translation; None for any other text."""
        if said is None or not said.outdated:
            return None
        return self.t("outdated_short" if short else "outdated")


@dataclass(frozen=True)
class _OpenTimes:
    """The part of `open_now` that no language changes, worked out once for all of a service's
    pages (8 languages: the same datetimes, time zones and minutes each time)."""

    days: tuple[int, ...]  # minutes from the first midnight to each midnight
    intervals: tuple[tuple[int, int], ...]  # open, in minutes from the first midnight
    clock: tuple[tuple[int, int, int], ...]  # minute of the day, hour, minute: each time shown
    far: tuple[tuple[int, date], ...]  # day index and date of an opening after 6 days closed
    holidays: tuple[tuple[int, date], ...]
    years: tuple[int, ...]  # of the public holidays
    closed: tuple[int, int] | None
    first: int  # weekday of the first day
    base: int  # the first midnight, in milliseconds since 1970


@functools.lru_cache(maxsize=4096)
def _open_times(spec: str, first: date, department: str | None,
                closure: tuple[date, date] | None) -> _OpenTimes:
    up = hours.upcoming(spec, first, OPEN_NOW_DAYS, department, closure)
    base = up.midnights[0]

    def minutes(moment: Any) -> int:
        return int((moment - base).total_seconds() // 60)

    clock: dict[int, tuple[int, int, int]] = {}
    for moment in (t for pair in up.intervals for t in pair):
        local = moment.astimezone(hours.PARIS)
        at = local.hour * 60 + local.minute
        clock.setdefault(at, (at, local.hour, local.minute))
    far = [((begin.date() - first).days, begin.date())
           for (_, end), (begin, _) in zip(up.intervals, up.intervals[1:], strict=False)
           if (begin - end).days >= 6]
    return _OpenTimes(
        days=tuple(minutes(m) for m in up.midnights),
        intervals=tuple((minutes(b), minutes(e)) for b, e in up.intervals),
        clock=tuple(clock.values()), far=tuple(far), holidays=up.holidays,
        years=tuple(sorted({d.year for _, d in up.holidays})), closed=up.closed,
        first=up.midnights[0].weekday(), base=int(base.timestamp() * 1000))

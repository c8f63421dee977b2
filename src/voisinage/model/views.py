"""What every template may ask in one language, web page or leaflet alike.

Pages (`pages._View`) and leaflets (`leaflets._View`) extend it with what only they show: links
between pages, or QR codes and print-sized dates.
"""

from __future__ import annotations

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
        up = hours.upcoming(spec, first, OPEN_NOW_DAYS, department,
                            (closure.start, closure.end) if closure else None)
        base = up.midnights[0]

        def minutes(moment: Any) -> int:
            return int((moment - base).total_seconds() // 60)

        days = [minutes(m) for m in up.midnights]
        intervals = [[minutes(b), minutes(e)] for b, e in up.intervals]
        clock: dict[int, str] = {}
        for moment in (t for pair in up.intervals for t in pair):
            local = moment.astimezone(hours.PARIS)
            clock[local.hour * 60 + local.minute] = self.lang.time(time(local.hour, local.minute))
        far: dict[int, str] = {}
        for (_, end), (begin, _) in zip(up.intervals, up.intervals[1:], strict=False):
            if (begin - end).days >= 6:
                far[(begin.date() - first).days] = self.date(begin.date())
        names = hours.public_holidays(sorted({d.year for _, d in up.holidays}), department,
                                      self.lang.code) if up.holidays else {}
        return {
            "days": days, "open": intervals, "clock": clock, "far": far,
            "first": up.midnights[0].weekday(), "names": self.lang.day_names(),
            "holidays": {i: names.get(d, "") for i, d in up.holidays},
            "closed": list(up.closed) if up.closed else None,
            "base": int(base.timestamp() * 1000),
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

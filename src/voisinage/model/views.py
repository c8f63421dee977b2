"""What every template may ask in one language, web page or leaflet alike.

Pages (`pages._View`) and leaflets (`leaflets._View`) extend it with what only they show: links
between pages, or QR codes and print-sized dates.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .. import hours, interface
from ..hours import Week
from ..languages import Lang

if TYPE_CHECKING:
    from .site_model import Said, SiteModel


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
                              interface.say("by_appointment", lang.code))

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

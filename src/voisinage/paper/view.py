"""What a leaflet shows of a record, in one language, as data for its template: texts as trees
with their language, phones, dates, hours.

It extends the view every template has (`model.views.LanguageView`: interface strings, dates,
opening hours, machine-translation marks), so leaflets and pages say things the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from babel.dates import format_date

from .. import markup
from ..languages import Lang
from ..model.views import LanguageView
from ..phones import parse_phone

Data = dict[str, Any]


class LeafletView(LanguageView):
    """Texts in the reader's language (or in French, marked as French), ready for JSON."""

    def lang_of(self, lang: Lang) -> Data:
        return {"code": lang.code, "dir": lang.direction, "name": lang.name}

    def inline(self, text: dict[str, str] | None, lang: Lang | None = None) -> Data | None:
        """A one-line text in `lang` (or French, marked as such, where it is not translated):
        {"lang", "dir", "fallback", "inline": [nodes]} (see markup.inline_tree)."""
        return self._said(text, lang, "inline", markup.inline_tree)

    def text(self, text: dict[str, str] | None, lang: Lang | None = None) -> Data | None:
        """A text of paragraphs and lists: {"lang", "dir", "fallback", "blocks": [nodes]}."""
        return self._said(text, lang, "blocks", markup.tree)

    def _said(self, text: dict[str, str] | None, lang: Lang | None, kind: str,
              parse: Callable[[str], list[Any]]) -> Data | None:
        said = self.portal.said(text, lang or self.lang)
        if said is None:
            return None
        # French standing in for an outdated translation says so, shortly: a leaflet has no room
        # for more, and must not overflow because a French text changed.
        return {"lang": said.lang.code, "dir": said.lang.direction, "fallback": said.fallback,
                "outdated": self.outdated_notice(said, short=True), kind: parse(said.text)}

    def plain(self, text: dict[str, str]) -> str:
        return self.portal.plain(text, self.lang)

    def translated(self, text: dict[str, str]) -> bool:
        return (self.lang.code in text and text[self.lang.code] != text.get(self.fr.code)
                and not self.portal.outdated(text, self.lang))

    def official(self, text: dict[str, str]) -> Data | None:
        """The French name under a translated one, for the counter; None where they are alike."""
        if self.lang.code == self.fr.code or not self.translated(text):
            return None
        return self.inline(text, self.fr)

    def short_date(self, value: date) -> str:
        """A date in few characters, for the A6 copies: "12 nov. 2026", "Nov 12, 2026"."""
        return self.lang.digits(format_date(value, "medium", locale=self.lang.locale))

    def phones(self, record: Any, lang: Lang | None = None) -> list[str]:
        """Numbers as printed; a surcharged one with its cost, in `lang` (docs/security.md)."""
        say = self.t_fr if lang is not None and lang.code == self.fr.code else self.t
        shown = []
        for item in getattr(record, "phones", []):
            phone = parse_phone(item.number)
            cost = f" ({say('phone_surcharged_short')})" if phone.surcharged else ""
            shown.append(phone.display + cost)
        return shown

    def branch(self, branch: Any) -> Data:
        return {"name": branch.name, "phones": self.phones(branch), "email": branch.email}

    def opening(self, spec: str, lang: Lang | None = None) -> Data:
        """Opening hours as lines of days and times, and the public-holiday note, in `lang`."""
        lang = lang or self.lang
        say = self.t_fr if lang.code == self.fr.code else self.t
        holidays = self.week(spec).closed_on_public_holidays
        lines = [{"days": line.days, "hours": line.hours} for line in self.hours(spec, lang)]
        return {"lines": lines, "holidays": say("closed_public_holidays") if holidays else None}


def domain(url: str) -> str:
    """A website as printed: its domain only, the page is one scan away."""
    return urlsplit(url).netloc.removeprefix("www.")


def address(record: Any, *, full: bool = True) -> str | None:
    """A postal address on one line (`full`: with its second line)."""
    a = getattr(record, "address", None)
    if a is None:
        return None
    second = f", {a.address_2}" if full and a.address_2 else ""
    return f"{a.address_1}{second}, {a.postal_code} {a.city}"

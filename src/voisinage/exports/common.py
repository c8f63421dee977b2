# What every export shares: stable ids, French plain text, page addresses, weekly time slots.
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from .. import hours
from ..markup import url_problem
from ..phones import parse_phone
from ..records.loading import Entry
from ..records.schema import Address, Partner, Service

if TYPE_CHECKING:  # pages.py renders the JSON-LD of this package: no import cycle at run time
    from ..model.site_model import SiteModel

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
"""iCalendar day codes, Monday first like `hours.Week.days`."""

GOVERNMENT_KINDS = frozenset({"public_body", "municipality", "department", "transport_authority"})

KIND_FR = {
    "social_landlord": "Bailleur social",
    "utility": "Fournisseur d'énergie ou d'eau",
    "municipality": "Commune",
    "public_body": "Organisme public",
    "department": "Conseil départemental",
    "association": "Association",
    "transport_authority": "Autorité organisatrice des transports",
}
"""Partner kinds as a French reader of the exports expects them."""


def stable_id(portal: SiteModel, name: str) -> str:
    """A UUID that stays the same from build to build for the same portal and record.

    >>> stable_id(portal, "service:ris-orangis/caf")   # same site_url, same file → same id
    'c0f4…'

    The namespace is the portal's `site_url`, so two portals that both have a
    `ris-orangis/caf` never share ids in an aggregator.
    """
    return str(uuid.uuid5(_namespace(portal.record.site_url or "voisinage:"), name))


@lru_cache(maxsize=8)
def _namespace(site_url: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, site_url)


def where(entry: Entry[Service]) -> str:
    """"ris-orangis/caf": the service's identity within the portal."""
    return f"{entry.territory}/{entry.id}"


def page_url(portal: SiteModel, key: tuple[str, ...], lang_code: str | None = None) -> str | None:
    """Absolute address of a page, or None when the portal has no `site_url`."""
    if not portal.record.site_url:
        return None
    lang = next((x for x in portal.langs if x.code == lang_code), portal.default)
    return portal.record.site_url.rstrip("/") + "/" + portal.url_of(key, lang)


def service_key(entry: Entry[Service]) -> tuple[str, str, str]:
    return ("service", entry.territory, entry.id)


def web_url(url: str | None) -> str | None:
    """The URL when it is an http(s) address (records also allow tel: and mailto:)."""
    if url and url_problem(url) is None and url.lower().startswith(("https:", "http:")):
        return url
    return None


def partner_of(portal: SiteModel, svc: Service) -> Partner | None:
    return next((p for p in portal.record.partners if p.id == svc.partner), None)


def french(portal: SiteModel, text: dict[str, str] | None, *, sep: str = "\n",
           bullet: str = "- ") -> str | None:
    """The French (default language) version of a record text, without Markdown marks.

    Paragraphs and list items are joined by `sep`, each list item starting with `bullet`;
    links keep their text only.
    """
    if not text:
        return None
    return flatten(text[portal.default.code], sep=sep, bullet=bullet) or None


def flatten(markdown: str, *, sep: str = "\n", bullet: str = "- ") -> str:
    blocks: list[str] = []
    in_item = False
    for token in _parser().parse(markdown):
        if token.type == "list_item_open":
            in_item = True
        elif token.type == "inline":
            words = "".join(
                c.content if c.type in ("text", "code_inline") else " " if "break" in c.type else ""
                for c in token.children or []
            ).strip()
            if words:
                blocks.append((bullet if in_item else "") + words)
            in_item = False
    return sep.join(blocks)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # The subset of markup.py; anything else was refused by validation or is shown as text.
    return MarkdownIt("zero").enable(["paragraph", "list", "emphasis", "link", "newline",
                                      "escape", "backticks"])


def one_line(portal: SiteModel, text: dict[str, str] | None) -> str:
    """French text on one line, for names and spreadsheet cells."""
    return french(portal, text, sep=" ", bullet="• ") or ""


@dataclass(frozen=True)
class Opening:
    """One time slot repeated on some days of the week: "MO,TU,TH 08:30–12:00"."""

    days: tuple[int, ...]  # 0 = Monday
    opens: time
    closes: time
    by_appointment: bool

    @property
    def byday(self) -> str:
        return ",".join(DAYS[d] for d in self.days)


def openings(spec: str) -> list[Opening]:
    """The slots of a typical week, each with the days it repeats on, in weekly order."""
    week = hours.typical_week(spec)
    found: dict[tuple[time, time, bool], list[int]] = {}
    for day, slots in enumerate(week.days):
        for slot in slots:
            found.setdefault((slot.start, slot.end, slot.by_appointment), []).append(day)
    ordered = sorted(found.items(), key=lambda item: (item[1][0], item[0][0]))
    return [Opening(tuple(days), *slot) for slot, days in ordered]


def hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def phone_numbers(svc: Service) -> list[tuple[str, str]]:
    """(dialled, displayed) of each phone: ("+33199001234", "01 99 00 12 34"), ("3230", "3230")."""
    return [(p.tel, p.display) for p in (parse_phone(x.number) for x in svc.phones)]


def street(address: Address) -> str:
    return ", ".join(x for x in (address.address_1, address.address_2) if x)


def expired_note(portal: SiteModel, svc: Service) -> str | None:
    """In French, for partners' directories: the figures of a service no longer hold."""
    if not portal.expired(svc) or svc.valid_until is None:
        return None
    return (f"Les chiffres de cette fiche (plafonds, montants, dates) étaient valables jusqu'au "
            f"{portal.default.date(svc.valid_until)} : demandez les chiffres actuels au service.")

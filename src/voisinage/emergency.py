"""Emergency numbers of France (emergency.yml), with their source: one list for pages and leaflets.

National facts, not records: every portal in France shows the same numbers, so they ship with
voisinage instead of being copied into each portal's content.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .interface import FALLBACKS
from .phones import Phone, parse_phone

_FILE = Path(__file__).with_name("emergency.yml")


@dataclass(frozen=True)
class Number:
    number: str
    name: str  # its French name, as callers hear it when they are answered: "Samu"
    what: dict[str, str]  # what it is for, by language
    sms: bool  # reached by text message (114), not by a call
    urgent: bool  # an emergency number (free, 24/7, not on the bill), else a help line

    @property
    def phone(self) -> Phone:
        return parse_phone(self.number)

    def said(self, lang: str) -> str:
        """What it is for, in `lang`, else English, else French."""
        for code in (lang, *FALLBACKS):
            if code in self.what:
                return self.what[code]
        raise KeyError(lang)


@dataclass(frozen=True)
class Emergency:
    numbers: tuple[Number, ...]
    source_title: str
    source_url: str

    @property
    def urgent(self) -> list[Number]:
        return [n for n in self.numbers if n.urgent]

    @property
    def help_lines(self) -> list[Number]:
        return [n for n in self.numbers if not n.urgent]


@cache
def numbers() -> Emergency:
    """The shipped list; each number checked by `phonenumbers` as a French short number."""
    with _FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    found = tuple(
        Number(str(item["number"]), item["name"], item["what"], bool(item.get("sms")),
               group == "emergency")
        for group in ("emergency", "help") for item in data[group]
    )
    for n in found:
        parse_phone(n.number)  # raises ValueError on a number that does not exist
    return Emergency(found, data["source"]["title"], data["source"]["url"])

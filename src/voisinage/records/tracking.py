# A record + its `translated_from` mapping → for every translatable text and every language it
# is translated into: current (made from today's French), outdated (made from another French) or
# untracked (no fingerprint yet). The fingerprint is kept in the record beside the text, so a
# pull request, a fresh or a shallow clone all see the same thing without any history.
"""Which French text each translation was made from: fingerprints, and what is outdated."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from .problems import field_path
from .yamlfile import Loc

FIELD = "translated_from"
"""The field of a record (or of a glossary entry) holding its fingerprints."""

State = Literal["current", "outdated", "untracked"]


def normalised(text: str) -> str:
    """The text as compared: Unicode NFC, every run of spaces and line breaks made one space, so
    that reflowing a paragraph or re-indenting a block changes nothing."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fingerprint(text: str) -> str:
    """8 hexadecimal digits standing for a French text.

    >>> fingerprint("Gratuit.") == fingerprint("  Gratuit.\\n")
    True
    >>> fingerprint("Gratuit.") == fingerprint("5 euros par an.")
    False
    """
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Tracked:
    """One translatable text, with the record part that keeps its fingerprints."""

    loc: Loc  # in the record: ("required_documents", 1)
    owner: Loc  # the part holding `translated_from`: () for a record, ("entries", 3) in a glossary
    text: dict[str, str]
    stored: dict[str, str]  # language → fingerprint, as written in the record

    @property
    def key(self) -> str:
        """The text's key in its owner's `translated_from`: "required_documents[1]"."""
        return field_path(self.loc[len(self.owner):])

    def state(self, lang: str, default: str) -> State:
        if lang not in self.stored:
            return "untracked"
        return "current" if self.stored[lang] == fingerprint(self.text[default]) else "outdated"

    def outdated(self, default: str) -> list[str]:
        """The languages whose translation was made from another French text, in file order."""
        current = fingerprint(self.text[default])
        return [code for code in self.text
                if code != default and code in self.stored and self.stored[code] != current]


def walk(value: Any, loc: Loc = (), owner: Loc = (),
         stored: dict[str, dict[str, str]] | None = None) -> Iterator[Tracked]:
    """Every translatable text inside a record, in the order of its fields."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        if FIELD in fields:
            owner, stored = loc, getattr(value, FIELD)
        for name in fields:
            if name != FIELD:
                yield from walk(getattr(value, name), loc + (name,), owner, stored)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk(item, loc + (i,), owner, stored)
    elif isinstance(value, dict):
        key = field_path(loc[len(owner):])
        yield Tracked(loc, owner, value, (stored or {}).get(key, {}))

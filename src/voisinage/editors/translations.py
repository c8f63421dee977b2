# Catalogue → every translatable text with where it is → per language: translated, machine-made
# and not reviewed (the language is in the record's machine_translations), or missing. Shown by
# `voisinage translations` and on the editors' page; pofiles.py moves the missing ones to and from
# a translator's PO file.
"""Translation status of a portal: what is translated, machine-made or missing, per language."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..records.checks import texts
from ..records.loading import Catalogue, Entry, relative_path
from ..records.problems import field_path


@dataclass(frozen=True)
class TextField:
    """One translatable text of one record: `content/services/x/caf.yml:description`."""

    path: str  # relative to the portal's root, like problems: "content/portal.yml"
    field: str  # "required_documents[1]"
    line: int
    text: dict[str, str]
    machine: frozenset[str]  # languages machine-translated in its record

    @property
    def context(self) -> str:
        """Where it goes back to: the msgctxt of its PO entry."""
        return f"{self.path}:{self.field}"


@dataclass
class LanguageStatus:
    code: str
    name: str
    translated: int = 0
    machine: int = 0
    missing: list[TextField] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.translated + self.machine + len(self.missing)

    def missing_by_file(self) -> dict[str, list[TextField]]:
        out: dict[str, list[TextField]] = {}
        for text in self.missing:
            out.setdefault(text.path, []).append(text)
        return out


def entries(catalogue: Catalogue) -> Iterator[Entry[Any]]:
    """Every record of the catalogue, of whatever kind: portal, territories, services, missions…"""
    for item in dataclasses.fields(catalogue):
        yield from _entries_in(getattr(catalogue, item.name))


def fields(catalogue: Catalogue) -> list[TextField]:
    """Every translatable text, record by record, in the order of the files."""
    out = []
    for entry in entries(catalogue):
        rel = relative_path(entry.path, catalogue.root)
        for loc, text in texts(entry.record):
            line = entry.doc.mark(loc, key=True).line
            out.append(TextField(rel, field_path(loc), line, text, _machine(entry.record, loc)))
    return out


def status(catalogue: Catalogue) -> list[LanguageStatus]:
    """Per language other than the default one: translated, machine-made, missing."""
    portal = catalogue.portal.record
    out = [LanguageStatus(x.code, x.name) for x in portal.languages
           if x.code != portal.default_language]
    every = [f for f in fields(catalogue) if portal.default_language in f.text]
    for lang in out:
        for text in every:
            if lang.code not in text.text:
                lang.missing.append(text)
            elif lang.code in text.machine:
                lang.machine += 1
            else:
                lang.translated += 1
    return out


def report(catalogue: Catalogue, *, details: bool = True) -> str:
    """`voisinage translations`: a table per language, then the missing texts file by file."""
    langs = status(catalogue)
    portal = catalogue.portal.record
    total = langs[0].total if langs else 0
    files = len({f.path for f in fields(catalogue)})
    lines = [f"{total} texts in {files} files, written in {portal.default_language} first.", "",
             f"{'language':<9}{'translated':>13}{'machine-made, not reviewed':>30}{'missing':>13}"]
    for lang in langs:
        lines.append(f"{lang.code:<9}{_count(lang.translated, total):>13}"
                     f"{_count(lang.machine, total):>30}{_count(len(lang.missing), total):>13}"
                     f"   {lang.name}")
    missing = [lang for lang in langs if lang.missing]
    if not details or not missing:
        return "\n".join(lines + ["", "No translation is missing." if not missing else ""]).rstrip()
    lines += ["", "Missing translations:"]
    for lang in missing:
        lines.append(f"{lang.code} ({lang.name}): {len(lang.missing)}")
        for path, found in lang.missing_by_file().items():
            lines.append(f"  {path}: " + ", ".join(f"{t.field} (line {t.line})" for t in found))
    code = missing[0].code
    lines += ["", (f"For a translator: voisinage translations export --lang {code} --out "
                   f"{code}.po, then voisinage translations import {code}.po")]
    return "\n".join(lines)


def _machine(record: Any, loc: tuple[str | int, ...]) -> frozenset[str]:
    """Languages marked machine-made for the text at loc: by its record or a part holding it."""
    found: set[str] = set()
    value = record
    for part in loc:
        found.update(getattr(value, "machine_translations", None) or [])
        value = (value[part] if isinstance(part, int) or isinstance(value, dict)
                 else getattr(value, part))
    return frozenset(found)


def percent(n: int, total: int) -> int:
    """n of total in percent, rounded so that only all is 100 and only none is 0."""
    if not total or not n:
        return 0
    return min(max(100 * n // total, 1), 100 if n == total else 99)


def _count(n: int, total: int) -> str:
    return f"{n} ({percent(n, total)} %)"


def _entries_in(value: Any) -> Iterator[Entry[Any]]:
    if isinstance(value, Entry):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _entries_in(item)

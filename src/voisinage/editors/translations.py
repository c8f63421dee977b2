# Catalogue → every translatable text with where it is → per language: translated, machine-made
# and not reviewed (the language is in the record's machine_translations), outdated (made from
# another French text than today's: records/tracking.py), or missing. Shown by `voisinage
# translations` (a table, or --json) and on the editors' page; pofiles.py and xliff.py move the
# texts of one language to and from a translator's file.
"""Translation status of a portal: translated, machine-made, outdated or missing, per language."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from ..messages import _, n_
from ..records import tracking
from ..records.loading import Catalogue, Entry, relative_path
from ..records.problems import Problem, field_path
from ..records.yamlfile import Loc

State = Literal["translated", "machine", "outdated", "missing"]
"""What one text is in one language. Outdated wins over machine-made: both need a translator,
but an outdated text may say something false."""


@dataclass(frozen=True)
class TextField:
    """One translatable text of one record: `content/services/x/caf.yml:description`."""

    path: str  # relative to the portal's root, like problems: "content/portal.yml"
    field: str  # "required_documents[1]"
    line: int
    text: dict[str, str]
    machine: frozenset[str]  # languages machine-translated in its record
    loc: Loc = ()
    owner: Loc = ()  # the part of the record keeping its fingerprints (tracking.FIELD)
    stored: dict[str, str] = dataclasses.field(default_factory=dict)  # language → fingerprint

    @property
    def context(self) -> str:
        """Where it goes back to: the msgctxt of its PO entry, the id of its XLIFF unit."""
        return f"{self.path}:{self.field}"

    @property
    def key(self) -> str:
        """Its key in the owner's `translated_from`."""
        return field_path(self.loc[len(self.owner):])

    def state(self, lang: str, default: str) -> State:
        if lang not in self.text:
            return "missing"
        if lang in self.stored and self.stored[lang] != tracking.fingerprint(self.text[default]):
            return "outdated"
        return "machine" if lang in self.machine else "translated"

    def tracked(self, lang: str) -> bool:
        """Whether the translation into lang has a fingerprint (else it is "not tracked yet")."""
        return lang in self.stored


@dataclass
class LanguageStatus:
    code: str
    name: str
    translated: int = 0
    machine: int = 0
    outdated: list[TextField] = field(default_factory=list)
    missing: list[TextField] = field(default_factory=list)
    untracked: int = 0  # translated or machine-made texts without a fingerprint yet

    @property
    def total(self) -> int:
        return self.translated + self.machine + len(self.outdated) + len(self.missing)

    def counts(self) -> dict[str, int]:
        """What `voisinage translations --json` prints for this language."""
        return {"translated": self.translated, "machine": self.machine,
                "outdated": len(self.outdated), "missing": len(self.missing)}

    def missing_by_file(self) -> dict[str, list[TextField]]:
        return _by_file(self.missing)

    def outdated_by_file(self) -> dict[str, list[TextField]]:
        return _by_file(self.outdated)


def entries(catalogue: Catalogue) -> list[Entry[Any]]:
    """Every record of the catalogue, of whatever kind: portal, territories, services, missions…"""
    return list(catalogue.entries())


def fields(catalogue: Catalogue) -> list[TextField]:
    """Every translatable text, record by record, in the order of the files."""
    out = []
    for entry in entries(catalogue):
        rel = relative_path(entry.path, catalogue.root)
        for found in tracking.walk(entry.record):
            line = entry.doc.mark(found.loc, key=True).line
            out.append(TextField(rel, field_path(found.loc), line, found.text,
                                 _machine(entry.record, found.loc), found.loc, found.owner,
                                 found.stored))
    return out


def status(catalogue: Catalogue) -> list[LanguageStatus]:
    """Per language other than the default one: translated, machine-made, outdated, missing."""
    portal = catalogue.portal.record
    default = portal.default_language
    out = [LanguageStatus(x.code, x.name) for x in portal.languages if x.code != default]
    every = [f for f in fields(catalogue) if default in f.text]
    for lang in out:
        for text in every:
            state = text.state(lang.code, default)
            if state == "missing":
                lang.missing.append(text)
            elif state == "outdated":
                lang.outdated.append(text)
            elif state == "machine":
                lang.machine += 1
            else:
                lang.translated += 1
            if state in ("machine", "translated") and not text.tracked(lang.code):
                lang.untracked += 1
    return out


def as_json(catalogue: Catalogue) -> str:
    """`voisinage translations --json`: language code → counts of each state."""
    return json.dumps({lang.code: lang.counts() for lang in status(catalogue)}, indent=2)


def report(catalogue: Catalogue, *, details: bool = True) -> str:
    """`voisinage translations`: a table per language, then the outdated and the missing texts
    file by file."""
    langs = status(catalogue)
    portal = catalogue.portal.record
    total = langs[0].total if langs else 0
    files = len({f.path for f in fields(catalogue)})
    lines = [n_("{count} texts in {files} files, written in {language} first.",
                "{count} texts in {files} files, written in {language} first.", total,
                files=files, language=portal.default_language), "", *_table(langs, total)]
    untracked = [lang for lang in langs if lang.untracked]
    if untracked:
        lines += ["", _("Not tracked yet (no fingerprint of their French, so a change of the "
                        "French cannot be noticed): {languages}",
                        languages=", ".join(f"{x.code} {x.untracked}" for x in untracked)),
                  _("Once they are checked: voisinage translations mark-current --all")]
    if not details:
        return "\n".join(lines)
    for title, attr in ((_("Outdated translations (the French changed since):"), "outdated"),
                        (_("Missing translations:"), "missing")):
        found = [lang for lang in langs if getattr(lang, attr)]
        if not found:
            continue
        lines += ["", title]
        for lang in found:
            texts = getattr(lang, attr)
            lines.append(f"{lang.code} ({lang.name}): {len(texts)}")
            for path, here in _by_file(texts).items():
                lines.append(f"  {path}: " + ", ".join(
                    _("{field} (line {line})", field=t.field, line=t.line) for t in here))
    todo = [lang for lang in langs if lang.outdated or lang.missing or lang.machine]
    if not todo:
        lines += ["", _("No translation is missing or outdated.")]
        return "\n".join(lines)
    lines += ["", _("For a translator: voisinage translations export --lang {code} --out "
                    "{code}.po (or {code}.xlf), then voisinage translations import {code}.po",
                    code=todo[0].code)]
    return "\n".join(lines)


def _table(langs: list[LanguageStatus], total: int) -> list[str]:
    """The counts of report(), one row per language; columns widen for longer headings."""
    heads = (_("language"), _("translated"), _("machine-made, not reviewed"), _("outdated"),
             _("missing"))
    widths = [max(9, len(heads[0]) + 1),
              *(max(w, len(h) + 3) for w, h in zip((13, 30, 13, 13), heads[1:], strict=True))]
    rows = [heads[0].ljust(widths[0])
            + "".join(h.rjust(w) for h, w in zip(heads[1:], widths[1:], strict=True))]
    for lang in langs:
        counts = (lang.translated, lang.machine, len(lang.outdated), len(lang.missing))
        rows.append(lang.code.ljust(widths[0])
                    + "".join(_count(n, total).rjust(w)
                              for n, w in zip(counts, widths[1:], strict=True))
                    + f"   {lang.name}")
    return rows


def warnings(catalogue: Catalogue) -> list[Problem]:
    """`voisinage check`'s warning on the French line of each text changed since it was
    translated, naming the languages now outdated. Not an error, and not raised by the site's
    build: the corrected French must be published at once; residents see it with a notice."""
    portal = catalogue.portal.record
    default = portal.default_language
    codes = [x.code for x in portal.languages]
    french = _("French") if default == "fr" else f'"{default}"'
    docs = {relative_path(e.path, catalogue.root): e.doc for e in entries(catalogue)}
    out = []
    for text in fields(catalogue):
        langs = [c for c in codes if c != default and text.state(c, default) == "outdated"]
        if default not in text.text or not langs:
            continue
        mark = docs[text.path].mark(text.loc + (default,))
        out.append(Problem(text.path, mark.line, mark.column, f"{text.field}.{default}", n_(
            "this text changed after it was translated: the translation in {languages} is now "
            "outdated, and residents see this {french} text instead, with a notice. Have it "
            "updated: voisinage translations export --lang {lang} --out {lang}.po; or, if you "
            "updated one yourself: voisinage translations mark-current --lang {lang} {path}",
            "this text changed after it was translated: the translations in {languages} are now "
            "outdated, and residents see this {french} text instead, with a notice. Have them "
            "updated: voisinage translations export --lang {lang} --out {lang}.po; or, if you "
            "updated one yourself: voisinage translations mark-current --lang {lang} {path}",
            len(langs), languages=", ".join(langs), french=french, lang=langs[0],
            path=text.path), "warning"))
    return out


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


def _by_file(texts: list[TextField]) -> dict[str, list[TextField]]:
    out: dict[str, list[TextField]] = {}
    for text in texts:
        out.setdefault(text.path, []).append(text)
    return out

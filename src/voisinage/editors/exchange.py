# What goes to a translator and what comes back, whatever the file format (pofiles.py: PO,
# xliff.py: XLIFF). Out: every text of one language with its state — missing, machine-made,
# outdated (with the previous French from git history when there is one), translated. Back: each
# entry the translator's tool marks done goes into its record, only if its French is still the one
# it was translated from; its fingerprint is refreshed, and a record whose machine-made texts in
# that language are all reviewed loses its machine mark. `mark-current` refreshes fingerprints for
# a translator who reviewed in the YAML files themselves. Records are edited line by line
# (yamledit.py): comments, order and quoting stay.
"""Texts of one language to and from translators' files, and the records edited in place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import markup
from ..messages import N_, _, n_
from ..records import tracking
from ..records.loading import Catalogue, Entry, relative_path
from ..records.problems import Problem, field_path
from ..records.yamlfile import Loc
from . import history
from .translations import State, TextField, entries, fields
from .yamledit import EditError, put

COMMENT = N_("Written by `voisinage translations`: which French each translation was made "
             "from.")
"""The comment above a record's `translated_from`, in the editor's language (`_(COMMENT)`)."""


@dataclass(frozen=True)
class Unit:
    """One text of the language a file is made for."""

    text: TextField
    source: str  # the French
    target: str  # the translation as it stands, "" when missing
    state: State
    previous: str | None = None  # outdated: the French it was made from, when history has it
    hint: str | None = None  # the English text, for translators into another language


def units(catalogue: Catalogue, lang: str) -> list[Unit]:
    """Every text of the portal for a translator into lang, in the order of the files."""
    default = catalogue.portal.record.default_language
    every = [f for f in fields(catalogue) if default in f.text]
    wanted: dict[str, set[str]] = {}
    for text in every:
        if text.state(lang, default) == "outdated":
            wanted.setdefault(text.path, set()).add(text.stored[lang])
    before: dict[str, dict[str, str]] = {
        path: history.previous_french(catalogue.root / path, marks, default)
        for path, marks in wanted.items()}
    out = []
    for text in every:
        state = text.state(lang, default)
        previous = before.get(text.path, {}).get(text.stored.get(lang, "")) if (
            state == "outdated") else None
        hint = text.text.get("en") if lang != "en" and default != "en" else None
        out.append(Unit(text, text.text[default], text.text.get(lang, ""), state, previous, hint))
    return out


@dataclass(frozen=True)
class Returned:
    """One entry of a file coming back from a translator's tool."""

    context: str  # "content/services/x/caf.yml:description"
    source: str
    target: str
    done: bool  # translated or reviewed: not fuzzy, not "needs review"
    line: int  # where it is in the returned file, for messages
    left_out: str | None = None  # a reason of the file format itself (plural forms…)


@dataclass
class Imported:
    lang: str
    added: list[TextField] = field(default_factory=list)
    updated: list[TextField] = field(default_factory=list)  # the translation was changed
    confirmed: list[TextField] = field(default_factory=list)  # same words, now reviewed/current
    skipped: list[Problem] = field(default_factory=list)  # warnings, on the returned file's lines
    still_to_review: int = 0  # entries left fuzzy, as they were exported
    untranslated: int = 0  # entries left empty
    reviewed: list[str] = field(default_factory=list)  # records no longer machine-made in lang
    machine_left: list[str] = field(default_factory=list)  # records still partly machine-made
    changed: list[Path] = field(default_factory=list)


def apply(catalogue: Catalogue, lang: str, returned: Iterable[Returned], file: Path) -> Imported:
    """Bring the entries of a translator's file back into the records."""
    default = catalogue.portal.record.default_language
    every = fields(catalogue)
    by_context = {f.context: f for f in every}
    result = Imported(lang)
    todo: dict[str, list[tuple[TextField, str]]] = {}
    for entry in returned:
        text = by_context.get(entry.context)
        why = _left_out(entry, text, lang, default)
        if why == _EMPTY:
            result.untranslated += 1
        elif why == _TO_REVIEW:
            result.still_to_review += 1
        elif why:
            result.skipped.append(Problem(file.as_posix(), entry.line, 1, entry.context, why,
                                          "warning"))
        elif refused := markup.translation_problem(entry.target):
            # A text the records would refuse is never written (docs/security.md): an error on
            # its entry; the other entries are imported.
            result.skipped.append(Problem(file.as_posix(), entry.line, 1, entry.context,
                                          _("refused, not imported: {reason}",
                                            reason=refused), "error"))
        elif text is not None:
            todo.setdefault(text.path, []).append((text, entry.target))
    files = _entries_by_path(catalogue)
    for rel, items in todo.items():
        edit = _FileEdit(catalogue, files[rel], lang, [t for t in every if t.path == rel])
        for text, translation in items:
            before = text.text.get(lang)
            if before == translation and text.state(lang, default) == "translated":
                continue  # already there, not machine-made, not outdated: nothing to do
            if before != translation and not edit.set_text(text, translation, result.skipped):
                continue
            edit.stamp(text)
            (result.added if before is None else result.updated if before != translation
             else result.confirmed).append(text)
        edit.drop_machine_marks(result)
        if edit.write(result.skipped):
            result.changed.append(edit.path)
    return result


_EMPTY, _TO_REVIEW = "empty", "to review"


def _left_out(entry: Returned, text: TextField | None, lang: str, default: str) -> str | None:
    """Why an entry is not imported (_EMPTY, _TO_REVIEW when it is as it was exported), or None."""
    if entry.left_out:
        return entry.left_out
    if not entry.target:
        return _EMPTY
    if text is None:
        return _("no such text in the records (renamed or removed since the export?) — left out")
    if tracking.fingerprint(text.text[default]) != tracking.fingerprint(entry.source):
        return _("the French text changed since the export — left as it is: export again and "
                 "translate the new text")
    if not entry.done:
        if text.text.get(lang) == entry.target:
            return _TO_REVIEW  # exported for review, not reviewed yet
        return _("marked fuzzy / to be reviewed — review it, mark it translated (remove the "
                 "fuzzy mark), import again")
    return None


@dataclass
class Marked:
    """What `voisinage translations mark-current` did."""

    stamped: dict[str, int] = field(default_factory=dict)  # language → texts now tracked
    outdated: list[tuple[TextField, str]] = field(default_factory=list)  # confirmed as current
    left_outdated: list[tuple[TextField, str]] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)


def mark_current(catalogue: Catalogue, langs: list[str], paths: list[str] | None = None, *,
                 untracked_only: bool = False) -> Marked:
    """Record that the translations into langs of the files at paths (every file if None) were
    made from today's French. With untracked_only, only those without a fingerprint yet: what a
    portal does once, when it starts tracking; outdated ones are then left as they are."""
    default = catalogue.portal.record.default_language
    result = Marked()
    wanted = set(paths) if paths is not None else None
    texts_by_path: dict[str, list[TextField]] = {}
    for text in fields(catalogue):
        if default in text.text and (wanted is None or text.path in wanted):
            texts_by_path.setdefault(text.path, []).append(text)
    files = _entries_by_path(catalogue)
    for rel, texts in texts_by_path.items():
        edit = _FileEdit(catalogue, files[rel], "", texts)
        for text in texts:
            for lang in langs:
                state = text.state(lang, default)
                if state == "missing" or (state != "outdated" and text.tracked(lang)):
                    continue  # nothing to confirm, or already current
                if state == "outdated" and untracked_only:
                    result.left_outdated.append((text, lang))
                    continue
                if state == "outdated":
                    result.outdated.append((text, lang))
                edit.stamps[(text.loc, lang)] = tracking.fingerprint(text.text[default])
                result.stamped[lang] = result.stamped.get(lang, 0) + 1
        if edit.write(result.skipped):
            result.changed.append(edit.path)
    return result


def _entries_by_path(catalogue: Catalogue) -> dict[str, Entry[Any]]:
    return {relative_path(e.path, catalogue.root): e for e in entries(catalogue)}


class _FileEdit:
    """The changes to one record file: translations, fingerprints, machine marks."""

    def __init__(self, catalogue: Catalogue, entry: Entry[Any], lang: str,
                 texts: list[TextField]) -> None:
        portal = catalogue.portal.record
        self.default = portal.default_language
        self.order = [x.code for x in portal.languages]
        self.entry, self.lang = entry, lang
        self.rel = relative_path(entry.path, catalogue.root)
        self.path = entry.path
        self.texts = texts  # every text of the file, in its order
        self.original = self.edited = entry.path.read_bytes().decode("utf-8")  # \r\n stays
        self.stamps: dict[tuple[Loc, str], str] = {}  # (text's loc, language) → fingerprint
        self.added: set[Loc] = set()  # texts given a translation into lang
        self.reviewed: set[Loc] = set()  # texts whose lang translation a translator confirmed

    def set_text(self, text: TextField, translation: str, problems: list[Problem]) -> bool:
        try:
            self.edited = put(self.edited, text.loc, self.lang, translation, self.order)
        except EditError as error:
            problems.append(Problem(self.rel, text.line, 1, f"{text.field}.{self.lang}",
                                    _("{error} — change this translation by hand",
                                      error=error), "warning"))
            return False
        self.added.add(text.loc)
        return True

    def stamp(self, text: TextField) -> None:
        self.stamps[(text.loc, self.lang)] = tracking.fingerprint(text.text[self.default])
        self.reviewed.add(text.loc)

    def drop_machine_marks(self, result: Imported) -> None:
        """Remove lang from machine_translations wherever every text it covers was reviewed."""
        holders: dict[Loc, list[TextField]] = {}
        for text in self.texts:
            if self.lang in text.text or text.loc in self.added:
                for holder in self._holders(text.loc):
                    holders.setdefault(holder, []).append(text)
        for holder, covered in holders.items():
            left = [t for t in covered if t.loc not in self.reviewed]
            where = self.rel + (f" ({field_path(holder)})" if holder else "")
            if left:
                if len(left) < len(covered):
                    result.machine_left.append(n_(
                        "{where}: {count} of {total} {lang} texts reviewed; it stays marked "
                        "machine-made in {lang} until the others are too: {fields}",
                        "{where}: {count} of {total} {lang} texts reviewed; it stays marked "
                        "machine-made in {lang} until the others are too: {fields}",
                        len(covered) - len(left), where=where, total=len(covered), lang=self.lang,
                        fields=", ".join(t.field for t in left[:5]) + ("…" if len(left) > 5
                                                                       else "")))
                continue
            marks = [c for c in self._value(holder).machine_translations if c != self.lang]
            try:
                self.edited = put(self.edited, holder, "machine_translations", marks or None)
            except EditError as error:
                result.skipped.append(Problem(self.rel, 1, 1, "machine_translations",
                                              _("{error} — remove {lang} there by hand",
                                                error=error, lang=self.lang), "warning"))
                continue
            result.reviewed.append(where)

    def write(self, problems: list[Problem]) -> bool:
        """Write the fingerprints, then the file if anything changed; True if it did."""
        owners: dict[Loc, list[TextField]] = {}
        for text in self.texts:
            owners.setdefault(text.owner, []).append(text)
        for owner, texts in owners.items():
            if not any((t.loc, lang) in self.stamps for t in texts for lang in self.order):
                continue
            mapping = self._fingerprints(texts)
            try:
                self.edited = put(self.edited, owner, tracking.FIELD, mapping or None,
                                  comment=_(COMMENT) if owner == () else "")
            except EditError as error:
                problems.append(Problem(self.rel, 1, 1, tracking.FIELD, _(
                    "{error} — the fingerprints of this file could not be written",
                    error=error), "warning"))
        if self.edited == self.original:
            return False
        self.path.write_text(self.edited, encoding="utf-8", newline="")
        return True

    def _fingerprints(self, texts: list[TextField]) -> dict[str, dict[str, str]]:
        """The owner's new `translated_from`: in the order of its texts and of the portal's
        languages; fingerprints of texts or translations that are gone are dropped."""
        out: dict[str, dict[str, str]] = {}
        for text in texts:
            row = {}
            for code in self.order:
                mark = self.stamps.get((text.loc, code)) or text.stored.get(code)
                present = code in text.text or (code == self.lang and text.loc in self.added)
                if code != self.default and mark and present:
                    row[code] = mark
            if row:
                out[text.key] = row
        return out

    def _holders(self, loc: Loc) -> list[Loc]:
        """The parts of the record (itself included) whose machine_translations cover loc."""
        out = []
        value: Any = self.entry.record
        for i in range(len(loc) + 1):
            if self.lang in (getattr(value, "machine_translations", None) or []):
                out.append(loc[:i])
            if i < len(loc):
                part = loc[i]
                value = (value[part] if isinstance(part, int) or isinstance(value, dict)
                         else getattr(value, part))
        return out

    def _value(self, loc: Loc) -> Any:
        value: Any = self.entry.record
        for part in loc:
            value = value[part] if isinstance(part, int) else getattr(value, part)
        return value

# Missing texts of one language → a gettext PO file for a translator's tool (Poedit, Weblate,
# Lokalize, OmegaT…) → back into the records. Each entry's msgctxt is "file:field" and its msgid
# the French text, so an entry goes back exactly where it came from, and only if the French did
# not change meanwhile. Records are edited line by line (yamledit.py): nothing else moves.
"""Translations to and from gettext PO files (Babel)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from .. import markup
from ..records.loading import Catalogue
from ..records.problems import Problem
from .translations import TextField, fields
from .yamledit import EditError, insert

HEADER = """\
# Texts of {portal} to translate into {name} ({code}).
# Translate each msgstr from the French msgid. Keep the msgctxt line as it is: it says which
# record and field the text goes back to. Keep Markdown as it is: **strong**, *emphasis*,
# [link text](https://…) and lines starting with "- ".
# Then bring the file back: voisinage translations import {file}
#"""


def export(catalogue: Catalogue, lang: str, out: Path) -> int:
    """Write the texts missing in lang to the PO file out; returns how many."""
    portal = catalogue.portal.record
    default = portal.default_language
    names = {x.code: x.name for x in portal.languages}
    wanted = [f for f in fields(catalogue) if default in f.text and lang not in f.text]
    catalog = Catalog(locale=lang.replace("-", "_"), project=markup.plain(portal.name[default]),
                      version=date.today().isoformat(), fuzzy=False)
    catalog.header_comment = HEADER.format(portal=catalog.project, name=names.get(lang, lang),
                                           code=lang, file=out.name)
    for text in wanted:
        hints = [f"{code}: {text.text[code]}" for code in ("en",) if code in text.text
                 and code != lang]
        catalog.add(text.text[default], "", locations=[(text.path, text.line)],
                    auto_comments=hints, context=text.context)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    out.write_bytes(buffer.getvalue())
    return len(wanted)


@dataclass
class Imported:
    lang: str
    added: list[TextField] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # warnings, on the PO file's lines
    changed: list[Path] = field(default_factory=list)


def read_language(po: Path) -> str:
    """The language a PO file is written in, as a portal language code ("zh", "pt-BR")."""
    with po.open("rb") as handle:
        catalog = read_po(handle)
    return (catalog.locale_identifier or "").replace("_", "-")


def import_po(catalogue: Catalogue, po: Path, lang: str) -> Imported:
    """Add the translations of a PO file to the records where they are missing."""
    with po.open("rb") as handle:
        catalog = read_po(handle, abort_invalid=True)
    portal = catalogue.portal.record
    order = [x.code for x in portal.languages]
    by_context = {f.context: f for f in fields(catalogue)}
    result = Imported(lang)
    todo: dict[str, list[tuple[TextField, str]]] = {}
    for message in catalog:
        if not message.id or not message.string:
            continue
        context = str(message.context or "")
        text = by_context.get(context)
        why = _left_out(message, text, lang, portal.default_language)
        refused = None if why else markup.translation_problem(str(message.string))
        if why or refused:
            # A text the records would refuse is never written (docs/security.md): an error on
            # its entry; the other entries are imported.
            result.skipped.append(Problem(po.as_posix(), message.lineno or 1, 1, context,
                                          why or f"refused, not imported: {refused}",
                                          "warning" if why else "error"))
        elif text is not None and lang not in text.text and isinstance(message.string, str):
            todo.setdefault(text.path, []).append((text, message.string))
    for rel, items in todo.items():
        path = catalogue.root / rel
        original = edited = path.read_bytes().decode("utf-8")  # as it is: \r\n stays \r\n
        for text, translation in items:
            try:
                edited = insert(edited, _loc(text.field), lang, translation, order)
            except EditError as error:
                result.skipped.append(Problem(rel, text.line, 1, f"{text.field}.{lang}",
                                              f"{error} — add this translation by hand", "warning"))
                continue
            result.added.append(text)
        if edited != original:
            path.write_text(edited, encoding="utf-8", newline="")
            result.changed.append(path)
    return result


def _left_out(message: Message, text: TextField | None, lang: str, default: str) -> str | None:
    """Why a translated entry is not imported, or None."""
    if message.fuzzy:
        return "marked fuzzy (to be reviewed) — review it, remove the fuzzy mark, import again"
    if text is None:
        return "no such text in the records (renamed or removed since the export?) — left out"
    if not isinstance(message.string, str):
        return "plural forms are not used in records — left out"
    if text.text[default] != message.id:
        return "the French text changed since the export — export again and translate the new text"
    if lang in text.text:
        same = text.text[lang] == message.string
        return None if same else f"already translated in {text.path} — change it there if needed"
    return None


def _loc(path: str) -> tuple[str | int, ...]:
    """'required_documents[1].name' → ('required_documents', 1, 'name'): field_path reversed."""
    out: list[str | int] = []
    for part in path.split("."):
        name, *indexes = part.split("[")
        if name:
            out.append(name)
        out += [int(i.rstrip("]")) for i in indexes]
    return tuple(out)

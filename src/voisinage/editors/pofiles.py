# Every text of one language → a gettext PO file for a translator's tool (Poedit, Weblate,
# Lokalize, OmegaT…) → back into the records (exchange.py). Each entry's msgctxt is "file:field"
# and its msgid the French text, so an entry goes back exactly where it came from, and only if the
# French did not change meanwhile. Missing texts have an empty msgstr; machine-made and outdated
# ones are fuzzy, so that the tools list them for review; an outdated one carries the French it
# was translated from as `#| msgid`, as msgmerge writes it.
"""Translations to and from gettext PO files (Babel)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import normalize, read_po, write_po

from .. import markup
from ..messages import _
from ..records.loading import Catalogue
from . import exchange
from .exchange import Imported, Unit

__all__ = ["Imported", "export", "import_po", "read_language"]

WIDTH = 100

HEADER = """\
# Texts of {portal} to translate into {name} ({code}).
# Translate each msgstr from the French msgid. Keep the msgctxt line as it is: it says which
# record and field the text goes back to. Keep Markdown as it is: **strong**, *emphasis*,
# [link text](https://…) and lines starting with "- ".
# Entries marked fuzzy are to review: machine translations, and translations made from an older
# French text (shown above them as "#| msgid"). Correct them if needed, then remove the fuzzy mark
# (in Poedit: "Needs work" off). Empty ones are still to translate.
# Then bring the file back: voisinage translations import {file}
#"""

MACHINE = "Machine translation, not reviewed yet: check it against the French, then unmark fuzzy."
OUTDATED = ("The French text changed since this translation was made{before}: update the "
            "translation, then unmark fuzzy.")


def export(catalogue: Catalogue, lang: str, out: Path) -> int:
    """Write every text of lang to the PO file out; returns how many are to translate or review
    (missing, machine-made or outdated)."""
    portal = catalogue.portal.record
    default = portal.default_language
    names = {x.code: x.name for x in portal.languages}
    catalog = Catalog(locale=lang.replace("-", "_"), project=markup.plain(portal.name[default]),
                      version=date.today().isoformat(), fuzzy=False)
    catalog.header_comment = HEADER.format(portal=catalog.project, name=names.get(lang, lang),
                                           code=lang, file=out.name)
    previous: dict[str, str] = {}
    found = exchange.units(catalogue, lang)
    for unit in found:
        catalog.add(unit.source, unit.target, locations=[(unit.text.path, unit.text.line)],
                    auto_comments=_comments(unit), context=unit.text.context,
                    flags=["fuzzy"] if unit.state in ("machine", "outdated") else [])
        if unit.previous is not None:
            previous[unit.text.context] = unit.previous
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH)
    out.write_bytes(_with_previous(buffer.getvalue().decode("utf-8"), previous).encode("utf-8"))
    return sum(unit.state != "translated" for unit in found)


def _comments(unit: Unit) -> list[str]:
    out = [f"en: {unit.hint}"] if unit.hint else []
    if unit.state == "machine":
        out.append(MACHINE)
    elif unit.state == "outdated":
        out.append(OUTDATED.format(before=" (the French it was made from is the #| msgid)"
                                   if unit.previous is not None else ""))
    return out


def _with_previous(text: str, previous: dict[str, str]) -> str:
    """The PO text with `#| msgid "…"` before each entry of previous (msgctxt → French).

    Babel writes previous msgids as wrapped comments, which breaks a long string across lines
    (msgfmt rejects the file); here each one is written as msgmerge does, with Babel's own
    quoting (normalize), right after the entry's `#,` flags line.
    """
    for context, french in previous.items():
        here = f"\nmsgctxt {normalize(context, width=WIDTH)}\n"
        before = f"#| msgid {normalize(french, prefix='#| ', width=WIDTH)}"
        if text.count(here) == 1:
            text = text.replace(here, f"\n{before}{here}")
    return text


def read_language(po: Path) -> str:
    """The language a PO file is written in, as a portal language code ("zh", "pt-BR")."""
    with po.open("rb") as handle:
        catalog = read_po(handle)
    return (catalog.locale_identifier or "").replace("_", "-")


def import_po(catalogue: Catalogue, po: Path, lang: str) -> Imported:
    """Bring the translations of a PO file into the records (exchange.apply)."""
    with po.open("rb") as handle:
        catalog = read_po(handle, abort_invalid=True)
    return exchange.apply(catalogue, lang, (_returned(m) for m in catalog if m.id), po)


def _returned(message: Message) -> exchange.Returned:
    string = message.string
    plural = not isinstance(string, str) or not isinstance(message.id, str)
    return exchange.Returned(
        str(message.context or ""), message.id if isinstance(message.id, str) else "",
        string if isinstance(string, str) else "", not message.fuzzy, message.lineno or 1,
        _("plural forms are not used in records — left out") if plural else None)


def _loc(path: str) -> tuple[str | int, ...]:
    """'required_documents[1].name' → ('required_documents', 1, 'name'): field_path reversed."""
    out: list[str | int] = []
    for part in path.split("."):
        name, *indexes = part.split("[")
        if name:
            out.append(name)
        out += [int(i.rstrip("]")) for i in indexes]
    return tuple(out)

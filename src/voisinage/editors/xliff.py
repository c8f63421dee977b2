# Every text of one language → an XLIFF 1.2 file for agencies' tools (Trados, memoQ, Phrase,
# Integreat…), made and read with translate-toolkit → back into the records (exchange.py). One
# <file> per record (original = its path), one <trans-unit> per text (id = its field path, resname
# = "file:field", the same key as a PO entry's msgctxt). Missing texts have no target; machine-made
# ones are "needs-review-translation" with the state-qualifier "mt-suggestion"; outdated ones are
# "needs-review-translation" with the French they were made from as an <alt-trans> source. Units a
# tool marks translated, signed-off or final come back in; the others are left as they are.
"""Translations to and from XLIFF 1.2 files (translate-toolkit)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree
from translate.storage.xliff import ID_SEPARATOR, Xliff1File, Xliff1Unit

from ..messages import _
from ..records.loading import Catalogue
from . import exchange
from .exchange import Imported, Unit
from .pofiles import MACHINE, OUTDATED

__all__ = ["XliffError", "export", "import_xliff", "read_language"]

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
ORIGIN = "voisinage"
"""The `from` of our notes and the `origin` of our <alt-trans>: a tool shows who wrote them."""


class _Unit12(Xliff1Unit):
    namespace = NAMESPACE


class _File12(Xliff1File):
    """translate-toolkit's XLIFF store, in version 1.2 (its default skeleton says 1.1)."""

    UnitClass = _Unit12
    namespace = NAMESPACE
    XMLskeleton = Xliff1File.XMLskeleton.replace("1.1", "1.2")


def export(catalogue: Catalogue, lang: str, out: Path) -> int:
    """Write every text of lang to the XLIFF file out; returns how many are to translate or
    review (missing, machine-made or outdated)."""
    default = catalogue.portal.record.default_language
    store = _File12()
    store.setsourcelanguage(default)
    store.settargetlanguage(lang)
    found = exchange.units(catalogue, lang)
    for unit in found:
        _add(store, unit, lang)
    out.write_bytes(bytes(store))
    return sum(unit.state != "translated" for unit in found)


def _add(store: Any, unit: Unit, lang: str) -> None:
    text = unit.text
    made = store.addsourceunit(unit.source, text.path, createifmissing=True)
    made.setid(text.field)
    made.xmlelement.set("resname", text.context)
    made.addlocation(f"{text.path}:{text.line}")
    if unit.hint:
        made.addnote(f"en: {unit.hint}", origin=ORIGIN)
    if not unit.target:
        return
    made.settarget(unit.target, lang=lang)
    if unit.state == "machine":
        made.set_state_n(made.S_NEEDS_REVIEW)
        made.getlanguageNode(lang=None, index=1).set("state-qualifier", "mt-suggestion")
        made.addnote(MACHINE.replace("unmark fuzzy", "mark it translated"), origin=ORIGIN)
    elif unit.state == "outdated":
        made.set_state_n(made.S_NEEDS_REVIEW)
        before = (" (the French it was made from is the alternative's source)"
                  if unit.previous else "")
        made.addnote(OUTDATED.format(before=before).replace("unmark fuzzy", "mark it translated"),
                     origin=ORIGIN)
        if unit.previous is not None:
            made.addalttrans(unit.target, origin=ORIGIN, lang=lang, sourcetxt=unit.previous)


class XliffError(ValueError):
    """The file cannot be read as XLIFF 1.x; the message says why."""


def read_language(path: Path) -> str:
    """The target language of an XLIFF file, as a portal language code ("zh", "pt-BR")."""
    return (_read(path).gettargetlanguage() or "").replace("_", "-")


def import_xliff(catalogue: Catalogue, path: Path, lang: str) -> Imported:
    """Bring the translations of an XLIFF file into the records (exchange.apply)."""
    return exchange.apply(catalogue, lang, (_returned(u) for u in _read(path).units), path)


def _read(path: Path) -> Any:
    try:
        return Xliff1File.parsefile(str(path))
    except etree.XMLSyntaxError as error:
        raise XliffError(_("not well-formed XML ({error})", error=error)) from None
    except ValueError as error:  # an XLIFF 2 file, for one
        raise XliffError(str(error)) from None


def _returned(unit: Any) -> exchange.Returned:
    key = unit.xmlelement.get("resname") or unit.getid().replace(ID_SEPARATOR, ":")
    target = unit.target or ""
    done = unit.get_state_n() >= unit.S_TRANSLATED
    return exchange.Returned(key, unit.source or "", target, done,
                             unit.xmlelement.sourceline or 1)

# `voisinage new service`: territory + name → content/services/<territory>/<slug>.yml with every
# field of records.Service, each explained (fieldhelp.py) with an example, ready to fill. The
# blanks it leaves are exactly the required fields, so `voisinage check` says what is left to do.
"""New records, written for the people who will fill them in."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any, get_origin

from ..messages import _
from ..records.checks import RESERVED_IDS
from ..records.loading import load
from ..records.schema import Service
from . import fieldhelp, schemas


class ScaffoldError(Exception):
    """The record cannot be made; the message says why and what to do."""


def slug(name: str) -> str:
    """A file name from a service's name.

    >>> slug("Maison de quartier des Épinettes (accueil)")
    'maison-de-quartier-des-epinettes-accueil'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    out = ""
    for word in re.findall(r"[a-z0-9]+", ascii_name.lower()):
        if out and len(out) + len(word) >= 60:
            break
        out = f"{out}-{word}" if out else word
    return out


def new_service(content: Path, territory: str, name: str, today: date,
                ident: str | None = None) -> Path:
    """Write a new service record, ready to fill; refuses to overwrite one."""
    known = sorted(p.stem for p in (content / "territories").glob("*.yml"))
    if territory not in known:
        raise ScaffoldError(_('unknown territory "{territory}" — expected one of: {known}',
                              territory=territory, known=", ".join(known) or _(
                                  "(none yet: add content/territories/…yml)")))
    ident = ident or slug(name)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident) or ident in RESERVED_IDS:
        raise ScaffoldError(_('"{ident}" cannot be a file name — choose one with --id, made of '
                              'lowercase letters, digits and dashes, like "maison-des-familles"',
                              ident=ident))
    path = content / "services" / territory / f"{ident}.yml"
    text = service_record(content, path, territory, name, today)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(_("{path} already exists — edit it, or choose another file name "
                              "with --id", path=path)) from None
    return path


def service_record(content: Path, path: Path, territory: str, name: str, today: date) -> str:
    """The text of a new service record: every field, explained, with an example."""
    ids = _portal_ids(content)
    lines = [
        schemas.modeline("service", path, content.parent),
        "# " + _("A new service of {territory}, made by `voisinage new service` on {today}.",
                 territory=territory, today=today),
        "# " + _("1. Fill in the fields marked REQUIRED."),
        "# " + _("2. Fill in the other fields you know; leave the others empty, or delete them."),
        "# " + _('3. Texts are in French first (fr: "…"); translations go below it: en: "…", '
                 'ar: "…".'),
        "#    " + _("A text of several lines goes after `fr: |`, one step further to the right."),
        "# " + _("4. Check the record: voisinage check (a pull request runs it by itself)."),
    ]
    start: dict[str, Any] = {"name": {"fr": name}, "description": {"fr": ""}, "assured_date": today}
    for field_name, info in Service.model_fields.items():
        help_ = fieldhelp.SERVICE.get(field_name, fieldhelp.Help(info.description or ""))
        note = (_(help_.text) if help_.text else "") + ids.get(field_name, "")
        lines += ["", *_comment((_("REQUIRED.") + " " if info.is_required() else "") + note)]
        if help_.example is not None:
            lines += ["# " + _("Example:"),
                      *("#   " + x for x in _render(field_name, help_.example))]
        blank: list[Any] | None = [] if get_origin(info.annotation) is list else None
        value = start.get(field_name, blank if info.is_required() else info.default)
        lines += _render(field_name, value)
    return "\n".join(lines) + "\n"


def _portal_ids(content: Path) -> dict[str, str]:
    catalogue = load(content).catalogue if (content / "portal.yml").exists() else None
    if catalogue is None:
        return {}
    portal = catalogue.portal.record
    codes = ", ".join(x.code for x in portal.languages)
    return {
        "themes": " " + _("One or more of: {ids}.", ids=", ".join(t.id for t in portal.themes)),
        "partner": (" " + _("One of: {ids}.", ids=", ".join(p.id for p in portal.partners))
                    if portal.partners else ""),
        "languages": " " + _("The portal's: {codes}.", codes=codes),
        "machine_translations": " " + _("Codes: {codes}.", codes=codes),
    }


def _comment(text: str, width: int = 98) -> list[str]:
    lines, line = [], "#"
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = "#"
        line += " " + word
    return lines + [line]


def _render(name: str, value: Any, indent: int = 0) -> list[str]:
    """`name: value` as YAML lines in the style of the example records."""
    pad = " " * indent
    if value == {}:  # written by voisinage itself (translated_from): an empty mapping
        return [f"{pad}{name}: {{}}"]
    if isinstance(value, dict):
        return [f"{pad}{name}:", *(x for k, v in value.items() for x in _render(k, v, indent + 2))]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        lines = [f"{pad}{name}:"]
        for item in value:
            inner = [x for k, v in item.items() for x in _render(k, v, indent + 4)]
            lines += [f"{pad}  - {inner[0].lstrip()}", *inner[1:]]
        return lines
    if isinstance(value, str) and "\n" in value.rstrip("\n"):
        block = [f"{pad}  {line}".rstrip() for line in value.rstrip("\n").split("\n")]
        return [f"{pad}{name}: |" + ("" if value.endswith("\n") else "-"), *block]
    if isinstance(value, list):
        return [f"{pad}{name}: [{', '.join(_scalar(v, plain_ids=True) for v in value)}]"]
    return [f"{pad}{name}: {_scalar(value)}".rstrip()]


def _scalar(value: Any, plain_ids: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | int | float):
        return str(value)
    text = str(value)
    if plain_ids and re.fullmatch(r"[a-z][a-z0-9-]*", text) and text not in ("yes", "no", "on",
                                                                               "off", "y", "n"):
        return text
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)

# records.py (pydantic) → one JSON Schema per record kind → schemas/<kind>.schema.json, committed;
# fieldhelp.py adds what each field means and an example. Each record's first line is a modeline
# pointing at its schema, which editors' YAML tools read to offer completion and inline errors.
"""JSON Schemas of the record kinds, generated from records.py — never written by hand.

Editors' tools (VS Code's YAML extension, any yaml-language-server client) read them through the
modeline at the top of each record, and offer completion and inline errors while typing:

    # yaml-language-server: $schema=../../../schemas/service.schema.json

The schemas declare JSON Schema draft-07, the newest draft those tools fully support.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..records.schema import KINDS
from . import fieldhelp

FOLDER = "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"
MODELINE = "# yaml-language-server: $schema="
LOCATIONS = {
    "portal": "portal.yml",
    "territory": "territories/*.y*ml",
    "service": "services/*/*.y*ml",
    "mission": "missions/*.y*ml",
    "glossary": "glossary.yml",
}
"""Where the records of each kind live under content/."""


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one record kind, e.g. schema("service")."""
    generated = KINDS[kind].model_json_schema(mode="validation",
                                              ref_template="#/definitions/{model}")
    definitions = generated.pop("$defs", {})
    generated.pop("title", None)
    _explain(generated, fieldhelp.SERVICE if kind == "service" else {})
    for name, definition in definitions.items():
        _explain(definition, fieldhelp.NESTED.get(name, {}))
    out = {"$schema": DRAFT, "title": f"voisinage {kind} record", **generated}
    if definitions:
        out["definitions"] = definitions
    return out


def render(kind: str) -> str:
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"


def write(root: Path) -> list[Path]:
    """Write schemas/<kind>.schema.json under root; returns the files that changed."""
    changed = []
    for path, text in _wanted(root).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def outdated(root: Path) -> list[Path]:
    """Schema files under root that differ from what records.py generates (or are missing)."""
    return [path for path, text in _wanted(root).items()
            if not path.exists() or path.read_text(encoding="utf-8") != text]


def modeline(kind: str, record: Path, root: Path) -> str:
    """The comment that points editors at the schema, relative to the record's folder.

    >>> modeline("service", Path("content/services/ris-orangis/caf.yml"), Path("."))
    '# yaml-language-server: $schema=../../../schemas/service.schema.json'
    """
    depth = len(record.parent.resolve().relative_to(root.resolve()).parts)
    return f"{MODELINE}{'../' * depth}{FOLDER}/{kind}.schema.json"


def records(content: Path) -> Iterator[tuple[str, Path]]:
    """Every record file under content/ with its kind."""
    for kind, pattern in LOCATIONS.items():
        for path in sorted(content.glob(pattern)):
            yield kind, path


def add_modelines(content: Path) -> list[Path]:
    """Make the modeline the first line of every record (adding or correcting it only)."""
    changed = []
    for kind, path in records(content):
        text = path.read_bytes().decode("utf-8")  # as it is: \r\n stays \r\n
        newline = "\r\n" if "\r\n" in text else "\n"
        wanted = modeline(kind, path, content.parent)
        first, _, rest = text.partition("\n")
        if first.rstrip("\r") == wanted:
            continue
        text = rest if first.startswith(MODELINE) else text
        path.write_text(wanted + newline + text, encoding="utf-8", newline="")
        changed.append(path)
    return changed


def _wanted(root: Path) -> dict[Path, str]:
    return {root / FOLDER / f"{kind}.schema.json": render(kind) for kind in KINDS}


def _explain(model: dict[str, Any], helps: dict[str, fieldhelp.Help]) -> None:
    """Drop generated titles ("Address 1"); add what each field means and an example."""
    for name, prop in model.get("properties", {}).items():
        prop.pop("title", None)
        help_ = helps.get(name)
        if help_ is None:
            continue
        prop.setdefault("description", help_.text)
        if help_.example is not None:
            prop["examples"] = [_jsonable(help_.example)]


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value

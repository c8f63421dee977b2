# records.py (pydantic) → one JSON Schema per record kind → schemas/<kind>.schema.json, committed;
# fieldhelp.py adds what each field means and an example. Each record's first line is a modeline
# pointing at its schema, which editors' YAML tools read to offer completion and inline errors.
"""JSON Schemas of the record kinds, generated from records.py — never written by hand.

Editors' tools (VS Code's YAML extension, any yaml-language-server client) read them through the
modeline at the top of each record, and offer completion and inline errors while typing:

    # yaml-language-server: $schema=../../../schemas/service.schema.json

The schemas declare JSON Schema draft-07, the newest draft those tools fully support.

Besides the structure, they list what the content declares — the portal's themes, partners,
territories and languages — so that those tools suggest ids that `voisinage check` accepts, and
they require the default language's text in every translatable text, as the check does. Those
lists live in a few `definitions` of each schema (CONTENT_DEFINITIONS): when only they lag behind
content/ (an editor added a theme from the web editor), `voisinage schemas --check` says so
without failing, since the editor cannot run `voisinage schemas`; when the structure lags behind
records.py, it fails.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..records.loading import load
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


PHONE_PATTERN = (r"^((\+33|0)[ .-]?[1-9]([ .-]?[0-9]){8}"
                 r"|15|17|18|11[0-9]|116[0-9]{3}|[13][0-9]{3})$")
"""The shape of what phones.parse_phone accepts: a French number, or a short number like 3230
(the check also asks phonenumbers whether that short number exists)."""
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
CONTENT_DEFINITIONS = ("Text", "ThemeId", "PartnerId", "TerritoryId", "LanguageCode")
"""The definitions made from content/ rather than from records.py."""

_REFERENCES = {
    ("Service", "themes"): "ThemeId", ("Service", "partner"): "PartnerId",
    ("Service", "languages"): "LanguageCode", ("Territory", "languages"): "LanguageCode",
    ("Mission", "territory"): "TerritoryId", ("Mission", "partner"): "PartnerId",
    ("Mission", "theme"): "ThemeId", ("Need", "theme"): "ThemeId",
    ("Portal", "default_language"): "LanguageCode",
}
"""Fields whose value is an id declared in the content; every machine_translations too."""


@dataclass(frozen=True)
class Values:
    """What content/ declares, each id with the French (default language) name editors know."""

    default_language: str = "fr"
    languages: dict[str, str] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)
    partners: dict[str, str] = field(default_factory=dict)
    territories: dict[str, str] = field(default_factory=dict)


def values_of(content: Path) -> Values | None:
    """The ids declared under content/, or None when portal.yml cannot be read."""
    catalogue = load(content).catalogue
    if catalogue is None:
        return None
    portal = catalogue.portal.record
    default = portal.default_language

    def name(text: dict[str, str]) -> str:
        return text.get(default) or next(iter(text.values()), "")

    return Values(
        default, {x.code: x.name for x in portal.languages},
        {x.id: name(x.name) for x in portal.themes}, {x.id: x.name for x in portal.partners},
        {tid: name(e.record.name) for tid, e in sorted(catalogue.territories.items())})


def schema(kind: str, values: Values | None = None) -> dict[str, Any]:
    """The JSON Schema of one record kind, e.g. schema("service"); with values, the ids and
    languages the content declares."""
    model = KINDS[kind]
    generated = model.model_json_schema(mode="validation", ref_template="#/definitions/{model}")
    definitions = generated.pop("$defs", {})
    generated.pop("title", None)
    _explain(generated, fieldhelp.SERVICE if kind == "service" else {})
    _constrain(generated, model.__name__)
    for name, definition in definitions.items():
        _explain(definition, fieldhelp.NESTED.get(name, {}))
        _constrain(definition, name)
    definitions.update(_content_definitions(values))
    out = {"$schema": DRAFT, "title": f"voisinage {kind} record", **generated}
    out["definitions"] = dict(sorted(definitions.items()))
    return out


def render(kind: str, values: Values | None = None) -> str:
    return json.dumps(schema(kind, values), indent=2, ensure_ascii=False) + "\n"


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
    """Schema files under root whose structure differs from what records.py generates (or that
    are missing): a developer changed records.py and must run `voisinage schemas`."""
    return [path for path, text in _wanted(root).items()
            if _structure(_read(path)) != _structure(text)]


def lagging(root: Path) -> list[Path]:
    """Schema files whose structure is current but whose lists of themes, partners, territories
    or languages are not those of content/ any more."""
    return [path for path, text in _wanted(root).items()
            if _read(path) != text and _structure(_read(path)) == _structure(text)]


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
    values = values_of(root / "content")
    return {root / FOLDER / f"{kind}.schema.json": render(kind, values) for kind in KINDS}


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _structure(text: str | None) -> Any:
    """A schema without the definitions made from content/, to compare with another."""
    if text is None:
        return None
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError:
        return text
    if isinstance(parsed, dict):
        for name in CONTENT_DEFINITIONS:
            parsed.get("definitions", {}).pop(name, None)
    return parsed


def _content_definitions(values: Values | None) -> dict[str, Any]:
    """Text (the default language required, every declared language suggested) and the ids."""
    if values is None:  # no content to read: any language, any id
        return {"Text": {"type": "object", "additionalProperties": {"type": "string",
                                                                    "minLength": 1}},
                **{name: {"type": "string"} for name in CONTENT_DEFINITIONS[1:]}}
    default = values.default_language
    languages = {default: values.languages.get(default, default),
                 **{c: n for c, n in values.languages.items() if c != default}}

    def ids(description: str, named: dict[str, str]) -> dict[str, Any]:
        return {"type": "string", "description": description, "enum": list(named),
                "enumDescriptions": list(named.values())}

    return {
        "Text": {
            "type": "object",
            "description": f"A text in each language of the portal; {languages[default]} "
                           f"({default}) is required, the others are translations.",
            "required": [default],
            "properties": {code: {"type": "string", "minLength": 1, "description": name}
                           for code, name in languages.items()},
            "additionalProperties": False,
        },
        "ThemeId": ids("An id of `themes` in content/portal.yml", values.themes),
        "PartnerId": ids("An id of `partners` in content/portal.yml", values.partners),
        "TerritoryId": ids("A file name of content/territories, without .yml",
                           values.territories),
        "LanguageCode": ids("A language of the portal (`languages` in content/portal.yml)",
                            languages),
    }


def _constrain(model: dict[str, Any], name: str) -> None:
    """Point texts and ids at the content definitions; give phones and dates their pattern."""
    for field_name, prop in model.get("properties", {}).items():
        target = _REFERENCES.get((name, field_name))
        if field_name == "machine_translations":
            target = "LanguageCode"
        if target:
            _refer(prop, {"type": "string"}, {"$ref": f"#/definitions/{target}"})
        _refer_texts(prop)
        if (name, field_name) == ("Phone", "number"):
            prop["pattern"] = PHONE_PATTERN
    _dates(model)


_TEXT = {"additionalProperties": {"minLength": 1, "type": "string"}, "type": "object"}


def _refer(schema_: dict[str, Any], shape: dict[str, Any], ref: dict[str, Any]) -> bool:
    """Replace the part of schema_ that is exactly `shape` (itself, its items, an anyOf choice)
    with ref, keeping its description and examples."""
    if {k: v for k, v in schema_.items() if k in shape} == shape and \
            all(k in shape or k in _KEPT for k in schema_):
        for key in shape:
            del schema_[key]
        schema_["allOf"] = [ref]
        return True
    for key in ("items", "additionalProperties"):
        inner = schema_.get(key)
        if isinstance(inner, dict) and _matches(inner, shape):
            schema_[key] = dict(ref)
            return True
        if isinstance(inner, dict) and _refer(inner, shape, ref):
            return True
    for i, choice in enumerate(schema_.get("anyOf", [])):
        if _matches(choice, shape):
            schema_["anyOf"][i] = dict(ref)
            return True
        if _refer(choice, shape, ref):
            return True
    return False


_KEPT = ("description", "examples", "default", "minItems", "maxItems")


def _matches(schema_: dict[str, Any], shape: dict[str, Any]) -> bool:
    return schema_ == shape


def _refer_texts(prop: dict[str, Any]) -> None:
    _refer(prop, _TEXT, {"$ref": "#/definitions/Text"})


def _dates(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("format") == "date" and node.get("type") == "string":
            node["pattern"] = DATE_PATTERN
        for value in node.values():
            _dates(value)
    elif isinstance(node, list):
        for value in node:
            _dates(value)


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

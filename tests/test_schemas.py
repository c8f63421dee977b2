"""JSON Schemas for editors' tools: generated from records.py, committed, and true to the loader."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import CAF, PORTAL, REPO, SECOND_TERRITORY_SERVICE, TERRITORY, TRICKY, write_portal
from jsonschema import Draft7Validator

from voisinage import cli
from voisinage.editors import schemas
from voisinage.records.schema import KINDS

EXAMPLES = list(schemas.records(REPO / "content"))


def as_json(value: Any) -> Any:
    """What a YAML tool hands to a JSON Schema: dates as ISO text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def errors(kind: str, text: str) -> list[str]:
    """Every error, including those inside `anyOf` (a field that may also be empty)."""
    validator = Draft7Validator(schemas.schema(kind))
    pending, out = list(validator.iter_errors(as_json(yaml.safe_load(text)))), []
    while pending:
        error = pending.pop(0)
        pending += error.context or []
        if not error.context:
            out.append(f"{'/'.join(map(str, error.absolute_path))}: {error.message}")
    return out


def test_committed_schemas_are_the_generated_ones() -> None:
    """schemas/ is what `voisinage schemas` writes from records.py — run it after changing one."""
    assert schemas.outdated(REPO) == [], "run `voisinage schemas` and commit schemas/"
    committed = sorted(p.name for p in (REPO / "schemas").glob("*.schema.json"))
    assert committed == sorted(f"{kind}.schema.json" for kind in KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schemas_are_valid_draft_07(kind: str) -> None:
    Draft7Validator.check_schema(schemas.schema(kind))


def test_every_kind_of_example_record_is_covered() -> None:
    assert {"portal", "territory", "service", "mission"} <= {kind for kind, _ in EXAMPLES}


@pytest.mark.parametrize(("kind", "path"), EXAMPLES, ids=[p.name for _, p in EXAMPLES])
def test_every_example_record_validates_against_its_schema(kind: str, path: Path) -> None:
    assert errors(kind, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(("kind", "path"), EXAMPLES, ids=[p.name for _, p in EXAMPLES])
def test_every_example_record_starts_with_its_modeline(kind: str, path: Path) -> None:
    """The first line tells VS Code (and any yaml-language-server) which schema to use."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == schemas.modeline(kind, path, REPO)
    target = first.split("$schema=", 1)[1]
    assert (path.parent / target).resolve() == REPO / "schemas" / f"{kind}.schema.json"


@pytest.mark.parametrize(("kind", "text"), [
    ("portal", PORTAL), ("territory", TERRITORY), ("service", CAF), ("service", TRICKY),
    ("service", SECOND_TERRITORY_SERVICE),
])
def test_schema_accepts_what_the_loader_accepts(kind: str, text: str) -> None:
    """Flow mappings, unquoted dates, floats written as integers: all fine for both."""
    assert errors(kind, text) == []
    assert errors(kind, text.replace("latitude: 48.65", "latitude: 48")) == []


def test_schema_catches_what_editors_get_wrong() -> None:
    """A typo in a field name and a postal code read as a number are flagged while typing."""
    found = errors("service", CAF.replace("description:", "descripton:")
                   .replace('postal_code: "91130"', "postal_code: 91130"))
    assert "address/postal_code: 91130 is not of type 'string'" in found
    assert any("'descripton' was unexpected" in x for x in found)
    assert any("'description' is a required property" in x for x in found)


def test_schemas_explain_fields_with_examples() -> None:
    """Editors' tools show what a field means and an example while typing."""
    service = schemas.schema("service")
    hours = service["properties"]["opening_hours"]
    assert hours["description"].startswith("Opening hours in OpenStreetMap syntax")
    assert hours["examples"][0].startswith("Mo-Fr 09:00-12:00")
    assert service["properties"]["assured_date"]["examples"] == ["2026-11-20"]
    assert "title" not in service["properties"]["alternate_name"]
    address = service["definitions"]["Address"]["properties"]["postal_code"]
    assert address["examples"] == ["91130"]


def test_modelines_are_added_without_touching_the_rest(tmp_path: Path) -> None:
    """`voisinage schemas --modelines`: one first line added; the rest byte for byte the same."""
    root = write_portal(tmp_path)
    caf = root / "content" / "services" / "ris-orangis" / "caf.yml"
    caf.write_bytes(CAF.replace("\n", "\r\n").encode())
    assert cli.main(["schemas", "--modelines", "--content", str(root / "content")]) == 0
    assert caf.read_bytes() == (b"# yaml-language-server: $schema=../../../schemas/"
                                b"service.schema.json\r\n" + CAF.replace("\n", "\r\n").encode())
    portal = (root / "content" / "portal.yml").read_text(encoding="utf-8")
    assert portal == "# yaml-language-server: $schema=../schemas/portal.schema.json\n" + PORTAL
    assert schemas.add_modelines(root / "content") == []  # already there: nothing changes
    assert schemas.outdated(root) == []
    assert cli.main(["schemas", "--check", "--content", str(root / "content")]) == 0
    assert cli.main(["check", "--content", str(root / "content")]) == 0


def test_schemas_check_fails_when_a_schema_is_out_of_date(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = write_portal(tmp_path)
    schemas.write(root)
    (root / "schemas" / "service.schema.json").write_text("{}\n", encoding="utf-8")
    assert cli.main(["schemas", "--check", "--content", str(root / "content")]) == 1
    assert "service.schema.json: out of date — run `voisinage schemas`" in capsys.readouterr().out

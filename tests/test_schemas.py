"""JSON Schemas for editors' tools: generated from records.py, committed, and true to the loader."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import CAF, PORTAL, REPO, SECOND_TERRITORY_SERVICE, TERRITORY, TRICKY, write_portal
from jsonschema import Draft7Validator

from voisinage import cli
from voisinage.editors import schemas
from voisinage.phones import parse_phone
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


def errors(kind: str, text: str, values: schemas.Values | None = None) -> list[str]:
    """Every error, including those inside `anyOf` (a field that may also be empty)."""
    validator = Draft7Validator(schemas.schema(kind, values))
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


def committed() -> schemas.Values:
    """What the repository's content declares, as the committed schemas list it."""
    values = schemas.values_of(REPO / "content")
    assert values is not None
    return values


def test_committed_schemas_list_the_content() -> None:
    """The themes, partners, territories and languages of the schemas are those of content/."""
    assert schemas.lagging(REPO) == [], "run `voisinage schemas` and commit schemas/"
    service = json.loads((REPO / "schemas" / "service.schema.json").read_text("utf-8"))
    portal = yaml.safe_load((REPO / "content" / "portal.yml").read_text("utf-8"))
    themes = service["definitions"]["ThemeId"]
    assert themes["enum"] == [t["id"] for t in portal["themes"]]
    assert themes["enumDescriptions"][0] == portal["themes"][0]["name"]["fr"]
    assert service["properties"]["themes"]["items"] == {"$ref": "#/definitions/ThemeId"}
    assert service["definitions"]["PartnerId"]["enum"] == [p["id"] for p in portal["partners"]]
    mission = json.loads((REPO / "schemas" / "mission.schema.json").read_text("utf-8"))
    assert mission["definitions"]["TerritoryId"]["enum"] == sorted(
        p.stem for p in (REPO / "content" / "territories").glob("*.yml"))
    text = service["definitions"]["Text"]
    assert text["required"] == ["fr"]
    assert list(text["properties"]) == [x["code"] for x in portal["languages"]]


@pytest.mark.parametrize(("kind", "path"), EXAMPLES, ids=[p.name for _, p in EXAMPLES])
def test_every_example_record_validates_against_the_committed_schema(kind: str, path: Path) -> None:
    assert errors(kind, path.read_text(encoding="utf-8"), committed()) == []


def test_schema_with_the_content_catches_what_the_check_refuses(tmp_path: Path) -> None:
    """While typing: a theme the portal lacks, a text without French, a language the portal
    does not have, a phone number too short, a date written the French way."""
    values = schemas.values_of(write_portal(tmp_path) / "content")
    found = errors("service", CAF.replace("themes: [rights]", "themes: [rights, sport]")
                   .replace('  fr: "La CAF verse', '  es: "La CAF verse')
                   .replace('"01 99 00 12 34"', '"01 23"')
                   .replace("assured_date: 2026-11-20", 'assured_date: "20/11/2026"'), values)
    assert any(x.startswith("themes/1: 'sport' is not one of ['rights', 'culture']") for x in found)
    assert "description: 'fr' is a required property" in found
    assert any(x.startswith("description: Additional properties are not allowed ('es'") for x in found)
    assert any(x.startswith("phones/1/number: '01 23' does not match") for x in found)
    assert any(x.startswith("assured_date: '20/11/2026' does not match") for x in found)
    assert errors("service", CAF, values) == []


def test_phone_pattern_accepts_only_what_the_check_accepts() -> None:
    """The pattern is the shape of a number; the check says whether that number exists."""
    pattern = re.compile(schemas.PHONE_PATTERN)
    good = ["01 99 00 12 34", "0199001234", "01.99.00.12.34", "+33 1 99 00 12 34", "3230", "115",
            "15", "116000", "0800 00 00 00", "0800 948 999", "0 805 204 805"]
    for number in good:
        assert pattern.match(number), number
        parse_phone(number)
    for number in ["01 23", "01 99 00 12 345", "+33 0 1 99", "12", "phone"]:
        assert not pattern.match(number), number


def test_schemas_check_only_notes_lists_that_lag_behind_the_content(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """An editor who adds a theme from the web editor cannot run `voisinage schemas`: the check
    of their pull request notes the older lists and passes; a structure change still fails."""
    root = write_portal(tmp_path)
    schemas.write(root)
    portal = root / "content" / "portal.yml"
    portal.write_text(portal.read_text("utf-8").replace(
        "  - {id: culture,", '  - {id: sport, name: {fr: "Sport"}}\n  - {id: culture,'), "utf-8")
    assert cli.main(["schemas", "--check", "--content", str(root / "content")]) == 0
    out = capsys.readouterr()
    assert "service.schema.json: note: its lists of themes" in out.err
    assert schemas.lagging(root) and not schemas.outdated(root)
    assert cli.main(["schemas", "--content", str(root / "content")]) == 0
    assert "sport" in json.loads((root / "schemas" / "service.schema.json").read_text("utf-8"))[
        "definitions"]["ThemeId"]["enum"]
    assert schemas.lagging(root) == []


def test_vscode_reads_records_as_the_check_does() -> None:
    """.vscode/settings.json: every record gets its schema by where it is (no modeline needed),
    and YAML 1.1, so that `no` and `9:30` are flagged in the editor as the check flags them."""
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text("utf-8"))
    assert settings["yaml.yamlVersion"] == "1.1"
    assert settings["files.encoding"] == "utf8"
    associations = settings["yaml.schemas"]
    assert sorted(associations) == sorted(f"./schemas/{kind}.schema.json" for kind in KINDS)
    for kind, path in EXAMPLES:
        rel = path.relative_to(REPO)
        globs = associations[f"./schemas/{kind}.schema.json"]
        assert any(rel.match(glob) for glob in globs), (rel, globs)
        others = [g for k, gs in associations.items() if k != f"./schemas/{kind}.schema.json"
                  for g in gs]
        assert not any(rel.match(glob) for glob in others), rel

"""Open data for partners: HSDS 3.0, data·inclusion, CSV and schema.org JSON-LD, as published."""

from __future__ import annotations

import csv
import json
import os
import re
import uuid
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from data_inclusion.schema import v1
from helpers import CAF, OPEN_DATA_SERVICE, REPO, TRICKY, mkdocs_build, write_portal
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from voisinage.exports import PATHS, datainclusion, hsds, jsonld
from voisinage.model.site_model import SiteModel as Portal
from voisinage.records.loading import load
from voisinage.records.problems import RecordsError

HSDS_SCHEMAS = Path(os.environ.get("VOISINAGE_HSDS_SCHEMAS")
                    or REPO.parent / "shared" / "hsds-3.0" / "schema")
"""The Open Referral HSDS 3.0 JSON schemas (CC BY-SA, not shipped by any package on PyPI, so not
copied here): `schema/` of openreferral/specification, beside the repository or named by
VOISINAGE_HSDS_SCHEMAS."""
SERVICES = {"caf": CAF, "tricky": TRICKY, "permanence": OPEN_DATA_SERVICE}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny portal, built: three services, one without partner and with hostile text."""
    root = write_portal(tmp_path_factory.mktemp("exports"), SERVICES)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def site(root: Path) -> Path:
    return root / "site"


def published(site: Path, name: str) -> Any:
    return json.loads((site / PATHS[name]).read_text(encoding="utf-8"))


def hsds_validator(table: str) -> Draft202012Validator:
    """A validator for one HSDS 3.0 table, its `$ref`s to other files resolved by a Registry."""
    if not HSDS_SCHEMAS.is_dir():
        pytest.skip(f"the HSDS 3.0 JSON schemas are not on this machine (looked in {HSDS_SCHEMAS}): "
                    "put the folder schema/ of openreferral/specification 3.0 there, or name it "
                    "with VOISINAGE_HSDS_SCHEMAS=/path/to/schema, to validate the export against it")
    registry: Registry = Registry()
    for path in HSDS_SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(
            path.as_uri(), Resource.from_contents(contents, default_specification=DRAFT202012))
    return Draft202012Validator({"$ref": (HSDS_SCHEMAS / f"{table}.json").as_uri()},
                                registry=registry,
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_valid(validator: Draft202012Validator, objects: list[Any]) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for obj in objects
              for e in validator.iter_errors(obj)]
    assert not errors, "\n".join(errors)


def portal_of(root: Path) -> Portal:
    catalogue = load(root / "content").catalogue
    assert catalogue is not None
    return Portal(catalogue)


# -- HSDS 3.0 -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name,table", [("hsds_services", "service"),
                                        ("hsds_organizations", "organization"),
                                        ("hsds_locations", "location")])
def test_hsds_files_validate_against_the_hsds_schemas(site: Path, name: str, table: str) -> None:
    """services.json, organizations.json and locations.json hold valid HSDS 3.0 objects."""
    objects = published(site, name)
    assert isinstance(objects, list) and objects
    assert_valid(hsds_validator(table), objects)


def test_hsds_validator_does_catch_a_bad_service() -> None:
    """The schemas are really applied: a missing status and a bad UUID are refused."""
    errors = list(hsds_validator("service").iter_errors({"id": "caf", "name": "CAF"}))
    assert {e.validator for e in errors} >= {"required", "format"}


def test_hsds_services_nest_what_residents_need(site: Path) -> None:
    """One service per record, with its organization, phones, schedules and languages."""
    services = {s["name"]: s for s in published(site, "hsds_services")}
    assert len(services) == len(SERVICES)
    caf = services["Caisse d'allocations familiales (CAF)"]
    assert caf["organization"]["name"] == "Caisse d'allocations familiales (CAF)"
    assert caf["organization_id"] == caf["organization"]["id"]
    assert [p["number"] for p in caf["phones"]] == ["3230", "+33199001234"]
    assert {(lang["code"], lang["name"]) for lang in caf["languages"]} == {("fr", "français")}
    assert caf["required_documents"][0]["document"] == "Pièce d'identité"
    address = caf["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["postal_code"], address["country"], address["state_province"]) == \
        ("91130", "FR", "Essonne")


def test_hsds_schedules_come_from_opening_hours(site: Path) -> None:
    """Weekly slots with byday/opens_at/closes_at; the OpenStreetMap string kept in notes."""
    caf = next(s for s in published(site, "hsds_services") if s["name"].startswith("Caisse"))
    slots = {(s["byday"], s["opens_at"], s["closes_at"], s.get("attending_type"))
             for s in caf["schedules"]}
    assert slots == {("MO,TU,TH,FR", "09:00", "12:00", None),
                     ("MO,TU,TH,FR", "13:30", "16:30", None),
                     ("WE", "14:00", "16:00", "Sur rendez-vous uniquement")}
    for schedule in caf["schedules"]:
        assert schedule["freq"] == "WEEKLY"
        assert "Mo-Fr 09:00-12:00,13:30-16:30" in schedule["notes"]
        assert "Fermé les jours fériés" in schedule["notes"]


def test_hsds_texts_are_french_and_closure_is_told(site: Path) -> None:
    """Texts in French without Markdown marks; a current closure sets status and alert."""
    permanence = next(s for s in published(site, "hsds_services")
                      if s["name"] == "Permanence logement")
    assert permanence["description"].startswith("Des conseils pour le logement :")
    assert permanence["application_process"] == (
        "- Venez le mardi matin.\n- Ou appelez le 01 99 00 45 67.")
    assert permanence["status"] == "temporarily closed"
    assert "Travaux dans le local." in permanence["alert"]
    assert "organization" not in permanence


def test_hsds_ids_are_stable_uuids(root: Path, site: Path) -> None:
    """UUIDs (v5) that a second export of the same records gives again, unique per object."""
    services = published(site, "hsds_services")
    again = hsds.services(portal_of(root))
    assert [s["id"] for s in services] == [s["id"] for s in again]
    ids = [s["id"] for s in services] + [o["id"] for o in published(site, "hsds_organizations")] \
        + [loc["id"] for loc in published(site, "hsds_locations")]
    assert len(ids) == len(set(ids))
    assert all(uuid.UUID(i).version == 5 for i in ids)


# -- data·inclusion -----------------------------------------------------------------------------
def test_datainclusion_files_validate_with_the_national_models(site: Path) -> None:
    """Every structure and service passes data-inclusion-schema's models, warnings included."""
    structures = published(site, "datainclusion_structures")
    services = published(site, "datainclusion_services")
    for structure in structures:
        v1.Structure.model_validate(structure, context={"ignore_warnings": False})
    for service in services:
        v1.Service.model_validate(service, context={"ignore_warnings": False})
    assert len(services) == len(SERVICES)
    assert {s["structure_id"] for s in services} <= {s["id"] for s in structures}


def test_datainclusion_structures_are_local_offices(site: Path) -> None:
    """A partner's office in the territory is a structure; a service without partner is its own."""
    structures = {s["id"]: s for s in published(site, "datainclusion_structures")}
    caf = structures["example-org-test--caf--ris-orangis"]
    assert caf["nom"] == "Caisse d'allocations familiales (CAF) – Ris-Orangis"
    assert (caf["commune"], caf["code_postal"], caf["site_web"]) == \
        ("Ris-Orangis", "91130", "https://www.caf.fr/")
    assert structures["example-org-test--ris-orangis--permanence"]["code_postal"] == "01000"


def test_datainclusion_services_map_themes_fees_and_modes(site: Path) -> None:
    """Themes become thématiques through the table; "Gratuit." becomes frais gratuit."""
    services = {s["id"]: s for s in published(site, "datainclusion_services")}
    caf = services["example-org-test--ris-orangis--caf"]
    assert caf["thematiques"] == [
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"]
    assert caf["telephone"] == "3230"
    assert set(caf["modes_mobilisation"]) == {"se-presenter", "telephoner"}
    assert "Il faut parler français" in caf["conditions_acces"]
    permanence = services["example-org-test--ris-orangis--permanence"]
    assert (permanence["frais"], permanence["code_postal"]) == ("gratuit", "01000")
    tricky = services["example-org-test--ris-orangis--tricky"]
    assert tricky["thematiques"] == ["remobilisation--activites-sportives-et-culturelles"]
    assert "frais" not in tricky


def test_every_theme_maps_to_real_thematiques() -> None:
    """The mapping table names only thématiques that the national schema knows."""
    for theme, thematiques in datainclusion.THEMATIQUES.items():
        assert all(isinstance(t, v1.Thematique) for t in thematiques), theme


def test_a_record_refused_by_datainclusion_names_its_file_and_field(tmp_path: Path) -> None:
    """A two-letter name is too short for the national schema: the build says where to fix it."""
    short = CAF.replace('  fr: "Caisse d\'allocations familiales (CAF)"', '  fr: "Ca"')
    portal = portal_of(write_portal(tmp_path, {"caf": short}))
    with pytest.raises(RecordsError) as raised:
        datainclusion.export(portal)
    assert "content/services/ris-orangis/caf.yml:2:7: name.fr: the national data·inclusion " \
        "schema refuses the service" in str(raised.value)


# -- CSV ----------------------------------------------------------------------------------------
def test_csv_has_one_row_per_service_with_phone_and_postal_code_intact(site: Path) -> None:
    """French Excel dialect (BOM, ;) that the csv module reads back; leading zeros survive."""
    raw = (site / PATHS["csv"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with (site / PATHS["csv"]).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [r["service"] for r in rows] == ["caf", "permanence", "tricky"]
    permanence = rows[1]
    assert (permanence["code_postal"], permanence["telephones"]) == ("01000", "01 99 00 45 67")
    assert permanence["adresse"] == "2 place des Exemples"
    assert permanence["nom"] == "Permanence logement"
    assert permanence["demarches"] == "• Venez le mardi matin. • Ou appelez le 01 99 00 45 67."
    assert rows[0]["telephones"] == "3230 ; 01 99 00 12 34"
    assert rows[0]["horaires_openstreetmap"].startswith("Mo-Fr 09:00-12:00")
    assert rows[0]["page"] == "https://example.org/test/ris-orangis/caf/"


# -- schema.org JSON-LD -------------------------------------------------------------------------
class _Scripts(HTMLParser):
    """The JSON-LD script elements of a page, as a browser's HTML parser splits them."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self.inside:
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.found[-1] += data


def jsonld_of(site: Path, lang: str, sid: str) -> tuple[str, list[dict[str, Any]]]:
    prefix = "" if lang == "fr" else f"{lang}/"
    html = (site / prefix / "ris-orangis" / sid / "index.html").read_text(encoding="utf-8")
    parser = _Scripts()
    parser.feed(html)
    return html, [json.loads(text) for text in parser.found]


@pytest.mark.parametrize("lang,name", [("fr", "Caisse d'allocations familiales (CAF)"),
                                       ("ar", "صندوق الإعانات العائلية")])
def test_jsonld_names_the_phone_and_address_of_the_page(site: Path, lang: str, name: str) -> None:
    """One schema.org service per page, in its language, with the page's phones and address."""
    html, found = jsonld_of(site, lang, "caf")
    assert len(found) == 1
    data = found[0]
    assert (data["@context"], data["@type"], data["name"]) == \
        ("https://schema.org", "GovernmentService", name)
    assert data["provider"]["name"] == "Caisse d'allocations familiales (CAF)"
    phones = [p["telephone"] for p in data["availableChannel"]["servicePhone"]]
    assert phones == ["3230", "+33199001234"]
    assert all(f'href="tel:{tel}"' in html for tel in phones)
    place = data["availableChannel"]["serviceLocation"]
    assert place["telephone"] == "3230"
    address = place["address"]
    assert (address["streetAddress"], address["postalCode"], address["addressLocality"]) == \
        ("1 rue de l'Exemple", "91130", "Ris-Orangis")
    shown = re.search(r"<address>(.*?)</address>", html, re.DOTALL)
    assert shown, "the page shows the address"
    lines = [unescape(re.sub(r"<[^>]+>", "", line)).strip() for line in shown.group(1).split("<br>")]
    assert lines == ["1 rue de l'Exemple", "91130 Ris-Orangis"]
    first = place["openingHoursSpecification"][0]
    assert (first["opens"], first["closes"]) == ("09:00", "12:00")
    prefix = "" if lang == "fr" else f"{lang}/"
    assert data["url"] == f"https://example.org/test/{prefix}ris-orangis/caf/"


def test_jsonld_falls_back_to_french_where_untranslated(site: Path) -> None:
    """The Arabic page has the Arabic name and, lacking an Arabic description, the French one."""
    _, (data,) = jsonld_of(site, "ar", "permanence")
    assert data["name"] == "مكتب استقبال السكن"
    assert data["description"].startswith("Des conseils pour le logement")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_record_text_cannot_break_out_of_the_jsonld_script(site: Path, lang: str) -> None:
    """`</script>` in a record stays inside the JSON: escaped, and read back intact."""
    html, found = jsonld_of(site, lang, "permanence")
    assert len(found) == 1
    assert found[0]["alternateName"] == "</script><script>alert(1)</script><!--"
    assert found[0]["availableChannel"]["serviceLocation"]["address"]["postalCode"] == "01000"
    assert "<script>alert(1)" not in html
    assert "\\u003c/script\\u003e" in html


def test_script_json_escapes_what_html_would_read() -> None:
    """No <, > or & is left in the embedded JSON, and json.loads gives back the same data."""
    data = {"name": "a </script><!-- & -->\u2028b"}
    text = str(jsonld.script_json(data))
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == data

"""The web editor (admin/): served from the site, configured from the schema, in French, and
writing records that `voisinage check` accepts — down to a phone number changed in Chromium
through Decap CMS's local back end, published, and checked."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import chromium, serve
from helpers import CAF, REPO, TRICKY, mkdocs_build, write_glossary, write_portal
from playwright.sync_api import Browser
from pydantic import BaseModel

from voisinage.editors import cms, fieldhelp
from voisinage.model.site_model import SiteModel
from voisinage.records.loading import load
from voisinage.records.schema import KINDS


def models() -> Iterator[type[BaseModel]]:
    seen: list[type[BaseModel]] = []

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for info in model.model_fields.values():
            for inner in _types(info.annotation):
                walk(inner)

    for kind in KINDS.values():
        walk(kind)
    yield from seen


def _types(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _types(arg)


def test_every_field_has_a_french_label() -> None:
    """A field added to records.py needs its label in fieldhelp.FRENCH, or this fails."""
    missing = []
    for model in models():
        for name in model.model_fields:
            try:
                label = fieldhelp.french(model.__name__, name)
            except KeyError:
                missing.append(f"{model.__name__}.{name}")
                continue
            assert label.label.strip(), f"{model.__name__}.{name}"
    assert missing == []


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    catalogue = load(REPO / "content").catalogue
    assert catalogue is not None
    return cms.config(SiteModel(catalogue), cms.Options(repo="voisinmalin/portail"))


def field(fields: list[dict[str, Any]], *path: str) -> dict[str, Any]:
    found: dict[str, Any] = {"fields": fields}
    for name in path:
        found = next(f for f in found["fields"] if f["name"] == name)
    return found


def test_config_is_generated_from_the_schema_and_the_content(example: dict[str, Any]) -> None:
    assert example["locale"] == "fr"
    assert example["publish_mode"] == "editorial_workflow"  # one pull request per change
    assert example["backend"]["repo"] == "voisinmalin/portail"
    names = [c["name"] for c in example["collections"]]
    territories = sorted(p.stem for p in (REPO / "content" / "territories").glob("*.yml"))
    assert names == [f"services-{t}" for t in territories] + ["territories", "missions",
                                                             "settings"]
    services = example["collections"][names.index("services-ris-orangis")]
    assert services["folder"] == "content/services/ris-orangis"
    assert services["format"] == cms.FORMAT and services["extension"] == "yml"
    fields = services["fields"]
    portal = yaml.safe_load((REPO / "content" / "portal.yml").read_text("utf-8"))
    themes = field(fields, "themes")
    assert themes["widget"] == "select" and themes["multiple"] and themes["min"] == 1
    assert [o["value"] for o in themes["options"]] == [t["id"] for t in portal["themes"]]
    assert themes["options"][0]["label"] == "Logement (housing)"
    assert [o["value"] for o in field(fields, "partner")["options"]] == [
        p["id"] for p in portal["partners"]]
    name = field(fields, "name")
    assert name["label"] == "Nom officiel" and name["widget"] == "object"
    assert [f["name"] for f in name["fields"]] == [x["code"] for x in portal["languages"]]
    assert name["fields"][0] == {"name": "fr", "label": "Français (fr)", "widget": "string",
                                 "required": True, "hint": fieldhelp.french(
                                     "Service", "name").hint}
    assert not name["fields"][2]["required"] and name["fields"][2]["label"] == "العربية (ar)"
    assert field(fields, "description", "fr")["widget"] == "text"
    date = field(fields, "assured_date")
    assert date["widget"] == "datetime" and date["format"] == "YYYY-MM-DD"
    assert date["time_format"] is False
    phones = field(fields, "phones")
    assert phones["widget"] == "list"
    number = field(phones["fields"], "number")
    assert number["required"] and re.match(number["pattern"][0], "01 99 00 12 34")
    assert not re.match(number["pattern"][0], "01 23")
    # Inside an optional group nothing is required, or Decap would refuse records without it.
    closure = field(fields, "temporary_closure")
    assert not closure["required"] and not any(f["required"] for f in closure["fields"])
    mission = example["collections"][names.index("missions")]
    assert [o["value"] for o in field(mission["fields"], "territory")["options"]] == territories
    settings = example["collections"][names.index("settings")]
    assert [f["file"] for f in settings["files"]] == ["content/portal.yml", "content/glossary.yml"]
    assert field(settings["files"][0]["fields"], "partners", "kind")["options"][0] == {
        "label": "Bailleur social", "value": "social_landlord"}


def test_built_site_serves_the_editor_from_itself(built_site: Path) -> None:
    """admin/ holds Decap CMS's files and its own policy: nothing is fetched from elsewhere."""
    admin = built_site / "admin"
    page = (admin / "index.html").read_text("utf-8")
    assert '<html lang="fr">' in page and 'name="robots" content="noindex' in page
    for src in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert not re.match(r"(https?:)?//", src), src
        assert src.startswith("data:") or (admin / src).is_file(), src
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    csp = policy.group(1).replace("&#x27;", "'")
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self' 'unsafe-eval'"
    assert directives["connect-src"] == "'self' https://api.github.com http://localhost:8081"
    assert directives["frame-src"] == "'none'" and directives["form-action"] == "'none'"
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert (admin / "yaml" / "index.js").is_file()
    settings = yaml.safe_load((admin / "config.yml").read_text("utf-8"))
    assert settings["locale"] == "fr" and settings["collections"]
    # Residents' pages keep their own policy: their origin only.
    home = (built_site / "index.html").read_text("utf-8")
    assert "connect-src 'self';" in home and "api.github.com" not in home


# -- The records' YAML, read and written by admin/voisinage-yaml.js in Chromium ----------------

TRAPS = ["no", "yes", "on", "off", "9:30", "01000", "0x1F", "1e3", "2026-11-20", "~", "null",
         "true", "- a", "a: b", "# pas un commentaire", " espace devant", "fin ", "'", '"',
         "\\", "ligne 1\nligne 2", "ligne\n", "tab\tici", "@arobase", "`code`", "%pourcent",
         "&ancre", "*alias", "!tag", "[liste]", "{groupe}", "a, b", "العربية", "😀",
         "sép\u2028arateur", "\ufeffbom"]
"""Texts that YAML 1.1 would read as something else if they were written as they are."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as opened:
        yield opened


@pytest.fixture(scope="module")
def yaml_module(built_site: Path, browser: Browser) -> Iterator[Any]:
    """Call admin/voisinage-yaml.js from Python: js(function body, argument)."""
    with serve(built_site) as base:
        page = browser.new_page()
        page.goto(base + "admin/voisinage-cms.css")  # a page of admin/ that runs nothing

        def js(body: str, arg: Any = None) -> Any:
            return page.evaluate(
                "async ([body, arg]) => { const m = await import('./voisinage-yaml.js');"
                " return new Function('m', 'arg', body)(m, arg); }", [body, arg])

        yield js
        page.close()


EXAMPLES = sorted(REPO.glob("content/**/*.yml"))


def test_unchanged_records_are_written_back_byte_for_byte(yaml_module: Any) -> None:
    texts = [p.read_text("utf-8") for p in EXAMPLES] + [CAF, TRICKY]
    out = yaml_module("return arg.map((t) => m.write(m.read(t)));", texts)
    assert [i for i, (a, b) in enumerate(zip(texts, out, strict=True)) if a != b] == []


def test_a_changed_phone_changes_one_line(yaml_module: Any) -> None:
    text = (REPO / "content/services/ris-orangis/caf.yml").read_text("utf-8")
    out = yaml_module("const d = m.read(arg); d.phones[0].number = '01 99 00 12 35';"
                      " return m.write(d);", text)
    assert changed_lines(text, out) == [('  - number: "3230"', '  - number: "01 99 00 12 35"')]


def test_traps_typed_in_the_editor_are_read_back_as_typed(tmp_path: Path, yaml_module: Any) -> None:
    """`no`, `9:30`, `01000`… typed in text fields stay text for `voisinage check`."""
    root = write_portal(tmp_path, {"caf": CAF})
    out = yaml_module("""
        return arg.traps.map((trap) => { const d = m.read(arg.text);
          d.alternate_name = trap; d.description.en = trap; d.address.address_2 = trap;
          d.phones[1].description = {fr: trap}; d.required_documents.push({fr: trap});
          return m.write(d); });""", {"text": CAF, "traps": TRAPS})
    for trap, text in zip(TRAPS, out, strict=True):
        record = yaml.load(text, Loader=yaml.SafeLoader)  # as the check reads it: YAML 1.1
        kept = trap if trap.strip() else None
        assert record["alternate_name"] == kept, (trap, text)
        assert record["description"]["en"] == kept
        assert record["address"]["address_2"] == kept
        assert record["phones"][1]["description"] == {"fr": kept}
        assert record["required_documents"][-1] == {"fr": kept}
        assert record["assured_date"].isoformat() == "2026-11-20"  # dates stay dates
    (root / "content/services/ris-orangis/caf.yml").write_text(out[TRAPS.index("9:30")], "utf-8")
    check = subprocess.run([sys.executable, "-m", "voisinage.cli", "check", "--today",
                            "2026-11-26"], cwd=root, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_fields_added_and_removed_keep_the_rest(tmp_path: Path, yaml_module: Any) -> None:
    """A new phone, a closure, a removed translation and an emptied field: each is a few lines
    of the diff, nothing else moves, and the record still passes the check."""
    root = write_portal(tmp_path, {"caf": CAF})
    order = [name for name in KINDS["service"].model_fields]
    out = yaml_module("""
        const d = m.read(arg.text);
        d.phones.push({number: "01 99 00 12 36", description: {fr: "L'après-midi"}});
        d.temporary_closure = {start: "2026-12-21", end: "2027-01-03",
                               message: {fr: "Fermé pendant les fêtes.\\nRevenez en janvier."}};
        d.application_process.en = "";
        d.alternate_name = null;
        d.themes = ["rights", "culture"];
        return m.write(d, arg.order);""", {"text": CAF, "order": order})
    record = yaml.safe_load(out)
    assert record["phones"][-1] == {"number": "01 99 00 12 36",
                                    "description": {"fr": "L'après-midi"}}
    assert record["temporary_closure"]["message"]["fr"] == ("Fermé pendant les fêtes.\n"
                                                            "Revenez en janvier.")
    assert "en" not in record["application_process"] and "alternate_name" not in record
    assert record["themes"] == ["rights", "culture"]
    before = yaml.safe_load(CAF)
    for key in ("name", "description", "address", "opening_hours", "source", "latitude"):
        assert record[key] == before[key]
    removed = [a for a, b in changed_lines(CAF, out) if a is not None]
    assert removed == ['alternate_name: "CAF"', 'themes: [rights]', '  en: "Call 3230 or go to caf.fr."']
    (root / "content/services/ris-orangis/caf.yml").write_text(out, "utf-8")
    check = subprocess.run([sys.executable, "-m", "voisinage.cli", "check", "--today",
                            "2026-11-26"], cwd=root, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_new_record_starts_with_its_modeline_and_passes_the_check(
        tmp_path: Path, yaml_module: Any) -> None:
    root = write_portal(tmp_path, {"caf": CAF})
    order = [name for name in KINDS["service"].model_fields]
    text = yaml_module("return m.write(arg.data, arg.order);", {"order": order, "data": {
        "assured_date": "2026-11-25", "themes": ["culture"], "example": False,
        "name": {"fr": "Maison des familles", "en": ""}, "french_required": False,
        "description": {"fr": "Un lieu pour les parents : ateliers, écoute.\n"},
        "phones": [{"number": "01 99 00 12 40"}], "languages": [], "latitude": None}})
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/service.schema.json\n"
                           "name:\n  fr: \"Maison des familles\"\n")
    assert yaml.safe_load(text)["french_required"] is False
    (root / "content/services/ris-orangis/maison-des-familles.yml").write_text(text, "utf-8")
    check = subprocess.run([sys.executable, "-m", "voisinage.cli", "check", "--today",
                            "2026-11-26"], cwd=root, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def changed_lines(before: str, after: str) -> list[tuple[str | None, str | None]]:
    """(removed, added) pairs of a line diff, as a pull request shows them."""
    import difflib

    out: list[tuple[str | None, str | None]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, before.splitlines(), after.splitlines()).get_opcodes():
        if tag == "equal":
            continue
        old, new = before.splitlines()[i1:i2], after.splitlines()[j1:j2]
        for k in range(max(len(old), len(new))):
            out.append((old[k] if k < len(old) else None, new[k] if k < len(new) else None))
    return out


# -- End to end: Chromium, Decap CMS and its local back end (decap-server, loopback only) -------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def decap_server(repo: Path, port: int) -> Iterator[str]:
    """`npx decap-server` in git mode (branches per change, like pull requests) on 127.0.0.1."""
    package = cms.find_package("decap-server", REPO)
    node = shutil.which("node")
    assert package is not None and node, "run `npm ci` (decap-server) — see scripts/setup"
    env = {**os.environ, "MODE": "git", "BIND_HOST": "127.0.0.1", "PORT": str(port),
           "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "warn",
           "GIT_AUTHOR_NAME": "Éditrice", "GIT_COMMITTER_NAME": "Éditrice",
           "GIT_AUTHOR_EMAIL": "editrice@example.org", "GIT_COMMITTER_EMAIL": "editrice@example.org"}
    process = subprocess.Popen([node, str(package / "dist" / "index.js")], cwd=repo, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
            assert time.monotonic() < deadline, "decap-server did not start in 30 s"
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, timeout=60).stdout


@pytest.fixture(scope="module")
def editable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, str]]:
    """A tiny portal in a git repository, built with its web editor pointed at a local back end."""
    root = write_portal(tmp_path_factory.mktemp("editable"), {"caf": CAF, "tricky": TRICKY})
    write_glossary(root)
    port = free_port()
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  - voisinage\n", f"  - voisinage:\n      cms:\n        repo: exemple/portail\n"
        f"        local_backend: http://127.0.0.1:{port}/api/v1\n"), "utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = tmp_path_factory.mktemp("published") / "site"
    shutil.move(root / "site", site)  # the site is served; the repository holds the records
    shutil.rmtree(root / ".cache", ignore_errors=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "add", "-A")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m",
        "Records")
    with decap_server(root, port) as api:
        yield root, site, api


def test_editor_changes_a_phone_number_through_a_pull_request(
        editable: tuple[Path, Path, str], browser: Browser) -> None:
    """Open the editor, change a service's phone number, save (a branch, as a pull request on
    GitHub), mark it ready and publish: the record changed on that line only, and passes."""
    root, site, _ = editable
    record = root / "content" / "services" / "ris-orangis" / "caf.yml"
    before = record.read_text("utf-8")
    errors: list[str] = []
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR")
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(
            ("http://127.0.0.1", "data:", "blob:")) else None)
        page.goto(base + "admin/")
        page.get_by_role("button", name="Se connecter").click()
        page.get_by_role("link", name=re.compile("Services · Ris-Orangis")).click()
        page.get_by_text("Caisse d'allocations familiales (CAF)").click()
        number = page.locator('[id^="number-field-"]').nth(1)
        number.wait_for(timeout=30_000)
        assert number.input_value() == "01 99 00 12 34"
        number.fill("01 99 00 12 35")
        page.get_by_role("button", name="Enregistrer").click()
        page.get_by_role("button", name="Statut: Brouillon").wait_for(timeout=30_000)
        branch = "cms/services-ris-orangis/caf"
        assert branch in git(root, "branch", "--list", "cms/*")
        diff = git(root, "diff", "main", branch, "--", "content")
        assert [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in (
            "+++", "---")] == ['-  - number: "01 99 00 12 34"', '+  - number: "01 99 00 12 35"']
        page.get_by_role("button", name="Statut: Brouillon").click()
        page.get_by_role("menuitem", name="Prêt").click()
        page.get_by_role("button", name="Statut: Prêt").wait_for(timeout=30_000)
        page.get_by_role("button", name="Publier").click()
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("menuitem", name="Publier maintenant").click()
        deadline = time.monotonic() + 30
        while branch in git(root, "branch", "--list", "cms/*") and time.monotonic() < deadline:
            time.sleep(0.3)
        assert outside == [], "the editor asked another site"
        context.close()
    assert errors == []
    after = record.read_text("utf-8")
    assert changed_lines(before, after) == [('  - number: "01 99 00 12 34"',
                                             '  - number: "01 99 00 12 35"')]
    assert git(root, "status", "--porcelain") == ""
    check = subprocess.run([sys.executable, "-m", "voisinage.cli", "check", "--today",
                            "2026-11-26"], cwd=root, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert json.loads(json.dumps(yaml.safe_load(after)["phones"][1])) == {"number": "01 99 00 12 35"}

# The web editor: Decap CMS (npm package decap-cms), served from the site under admin/, with a
# config.yml generated here from the records' JSON Schema (schemas.py) and the content's ids, and
# French labels from fieldhelp.FRENCH. Records are read and written by admin/voisinage-cms.js,
# which edits the YAML text in place (comments, quotes and order kept; YAML 1.1 traps quoted).
"""The web editor of the records, for editors who never see YAML: site/admin/.

Why Decap CMS: its local back end (`npx decap-server`, plain HTTP on loopback) lets a test drive
the whole editor in headless Chromium, its editorial workflow opens one pull request per change,
and its interface speaks French (`locale: fr`). Nothing is fetched from a CDN: the package's
built files are copied from node_modules/ into the site at build time.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model.site_model import SiteModel
from ..records.schema import KINDS
from . import fieldhelp, schemas

log = logging.getLogger("voisinage")

FOLDER = "admin"
PACKAGE = "decap-cms"
FORMAT = "voisinage-yaml"
"""The file format admin/voisinage-cms.js registers: YAML edited in place, read as YAML 1.1."""
LOCAL_BACKEND = "http://localhost:8081/api/v1"
"""Where `npx decap-server` listens by default; Decap uses it only on a page served locally."""
_ASSETS = Path(__file__).parent / "templates" / "cms"
_SHORT = {"name", "headline", "alternate_name", "term", "town", "city"}
"""Texts of one line: a one-line input rather than a text area."""


@dataclass(frozen=True)
class Options:
    """Where the web editor saves: a GitHub repository, through an OAuth client for sign-in."""

    repo: str = ""
    """owner/name on GitHub (default: from mkdocs.yml `repo_url`)."""
    branch: str = "main"
    base_url: str = ""
    """The OAuth client that signs editors in to GitHub (Decap's default: Netlify's)."""
    local_backend: str = LOCAL_BACKEND
    """The local back end's API, used when the editor is opened on localhost or 127.0.0.1."""


def config(portal: SiteModel, options: Options) -> dict[str, Any]:
    """Decap CMS's config.yml: one collection per kind of record (services: one per territory),
    fields from the JSON Schema, ids of the content as choices, labels in French."""
    cat = portal.cat
    values = schemas.values_of(cat.root / "content") or schemas.Values()
    builder = _Fields(values, _service_choices(portal))
    backend: dict[str, Any] = {"name": "github", "repo": options.repo or "OWNER/REPOSITORY",
                               "branch": options.branch, "open_authoring": True,
                               "squash_merges": True,
                               "commit_messages": _COMMIT_MESSAGES}
    if options.base_url:
        backend["base_url"] = options.base_url
    collections: list[dict[str, Any]] = []
    default = portal.default.code
    for tid, territory in sorted(cat.territories.items()):
        collections.append(_folder(
            f"services-{tid}", f"Services · {territory.record.name.get(default, tid)}",
            "service", f"content/services/{tid}", builder.fields("service"),
            summary=_tag(f"fields.name.{default}"), slug=_tag(f"fields.name.{default}")))
    collections.append(_folder("territories", "Quartiers", "quartier", "content/territories",
                               builder.fields("territory"),
                               summary=_tag(f"fields.name.{default}"),
                               slug="{{fields.town}}"))
    collections.append(_folder("missions", "Missions de porte-à-porte", "mission",
                               "content/missions", builder.fields("mission"),
                               summary=_tag(f"fields.headline.{default}"),
                               slug="{{fields.theme}}-{{year}}"))
    files = [{"name": "portal", "label": "Portail : langues, thèmes, partenaires",
              "file": "content/portal.yml", "fields": builder.fields("portal")}]
    files.append({"name": "glossary", "label": "Glossaire des mots administratifs",
                  "file": "content/glossary.yml", "fields": builder.fields("glossary")})
    collections.append({"name": "settings", "label": "Portail et glossaire", "format": FORMAT,
                        "extension": "yml", "editor": {"preview": False}, "files": files})
    out: dict[str, Any] = {
        "locale": "fr",
        "backend": backend,
        "local_backend": {"url": options.local_backend,
                          "allowed_hosts": ["localhost", "127.0.0.1"]},
        "publish_mode": "editorial_workflow",
        "site_url": portal.record.site_url or "",
        "display_url": portal.record.site_url or "",
        "media_folder": "content/.media",  # required by Decap; no field takes a file
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
    return out


def write(portal: SiteModel, site_dir: Path, options: Options) -> Path | None:
    """Write site/admin/: the editor's page, its config.yml and Decap CMS's files. Returns the
    folder, or None (with a warning) when decap-cms is not installed (`npm ci`)."""
    dist = find_package(PACKAGE, portal.cat.root)
    yaml_lib = find_package("yaml", portal.cat.root)
    if dist is None or yaml_lib is None:
        log.warning("voisinage: the web editor (admin/) is left out: the npm packages decap-cms "
                    "and yaml are not installed — run `npm ci` in the project's folder")
        return None
    target = site_dir / FOLDER
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for path in sorted((dist / "dist").iterdir()):  # the bundle and the chunks it loads
        if path.name == "decap-cms.js" or path.name.endswith((".decap-cms.js", ".wasm")):
            shutil.copyfile(path, target / path.name)
    shutil.copytree(yaml_lib / "browser" / "dist", target / "yaml",
                    ignore=shutil.ignore_patterns("*.map", "*.d.ts"))
    for name in ("voisinage-cms.js", "voisinage-yaml.js", "voisinage-cms.css", "manual-init.js"):
        shutil.copyfile(_ASSETS / name, target / name)
    settings = config(portal, options)
    (target / "config.yml").write_text(
        "# Generated by voisinage from records.py and content/ at each build — do not edit.\n"
        + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8")
    (target / "index.html").write_text(page(settings, portal.record.name.get(
        portal.default.code, "")), encoding="utf-8")
    return target


def page(settings: dict[str, Any], portal_name: str) -> str:
    """admin/index.html with its Content-Security-Policy: scripts and styles of admin/ only, and
    requests to GitHub's API (and the local back end, on the editor's own computer)."""
    return (_ASSETS / "index.html").read_text(encoding="utf-8").replace(
        "{{ csp }}", html.escape(content_security_policy(settings), quote=True)).replace(
        "{{ title }}", html.escape(f"Modifier les fiches — {portal_name}".rstrip(" —")))


def content_security_policy(settings: dict[str, Any]) -> str:
    """What Decap CMS needs and nothing more, for admin/ only (residents' pages keep theirs).

    Decap checks its configuration with ajv, which compiles validators with `new Function`: the
    editor does not start without 'unsafe-eval'. It writes its styles at run time (emotion),
    hence 'unsafe-inline' for styles. No inline script, no frame, no form, no other origin than
    GitHub's API (and avatars), and the local back end on the editor's own computer."""
    connect = ["'self'", "https://api.github.com"]
    local = settings.get("local_backend", {}).get("url", "")
    if local:
        connect.append(_origin(local))
    images = ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com"]
    return "; ".join([
        "default-src 'none'", "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src {' '.join(images)}", "font-src 'self' data:",
        f"connect-src {' '.join(connect)}", "frame-src 'none'", "worker-src 'self' blob:",
        "base-uri 'self'", "form-action 'none'", "object-src 'none'",
    ])


def find_package(name: str, root: Path) -> Path | None:
    """node_modules/<name> of the portal (or a folder above it), else of the voisinage checkout
    this code runs from; VOISINAGE_NODE_MODULES names another folder."""
    places = [Path(os.environ["VOISINAGE_NODE_MODULES"])] if os.environ.get(
        "VOISINAGE_NODE_MODULES") else []
    for start in (root.resolve(), Path(__file__).resolve().parent):
        places += [folder / "node_modules" for folder in (start, *start.parents)]
    for folder in places:
        if (folder / name / "package.json").is_file():
            return folder / name
    return None


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}" if rest else url


_COMMIT_MESSAGES = {
    "create": "Nouvelle fiche {{collection}} : {{slug}}",
    "update": "Modification de {{collection}} : {{slug}}",
    "delete": "Suppression de {{collection}} : {{slug}}",
    "uploadMedia": "Ajout du fichier {{path}}",
    "deleteMedia": "Suppression du fichier {{path}}",
    "openAuthoring": "{{message}}",
}


def _folder(name: str, label: str, singular: str, folder: str, fields: list[dict[str, Any]],
            *, summary: str, slug: str) -> dict[str, Any]:
    return {"name": name, "label": label, "label_singular": singular, "folder": folder,
            "extension": "yml", "format": FORMAT, "create": True, "delete": False,
            "slug": slug, "summary": summary, "identifier_field": summary[9:-2],
            "editor": {"preview": False}, "fields": fields}


def _service_choices(portal: SiteModel) -> list[dict[str, str]]:
    default = portal.default.code
    seen: dict[str, str] = {}
    for _, services in sorted(portal.cat.services.items()):
        for sid, entry in sorted(services.items()):
            name = entry.record.name.get(default, sid)
            seen.setdefault(sid, f"{name} ({sid})")
    return [{"label": label, "value": sid} for sid, label in sorted(seen.items())]


NOT_EDITED = frozenset({"translated_from"})
"""Fields the tools write, not people (the translations' fingerprints): not in the web editor's
forms, and kept as they are on disk, since it edits a record's text in place."""


class _Fields:
    """Decap CMS fields from a record kind's JSON Schema."""

    def __init__(self, values: schemas.Values, services: list[dict[str, str]]) -> None:
        self.values = values
        self.services = services
        self.definitions: dict[str, Any] = {}

    def fields(self, kind: str) -> list[dict[str, Any]]:
        generated = schemas.schema(kind, self.values)
        self.definitions = generated.get("definitions", {})
        return self._properties(generated, KINDS[kind].__name__)

    def _properties(self, node: dict[str, Any], model: str, *, optional: bool = False
                    ) -> list[dict[str, Any]]:
        """The fields of an object. Inside an optional object nothing is required: Decap would
        refuse to save a record without that object (`voisinage check` still asks, once it is
        there, for what it needs)."""
        required = set() if optional else set(node.get("required", []))
        return [self._field(name, prop, model, name in required)
                for name, prop in node.get("properties", {}).items() if name not in NOT_EDITED]

    def _field(self, name: str, prop: dict[str, Any], model: str, required: bool) -> dict[str, Any]:
        french = fieldhelp.french(model, name)
        out: dict[str, Any] = {"name": name, "label": french.label, "required": required}
        if french.hint:
            out["hint"] = french.hint
        if model == "Mission" and name == "services":
            return {**out, "widget": "select", "multiple": True, "min": 1,
                    "options": self.services}
        out.update(self._widget(_optional(prop), name, required))
        if out["widget"] == "list" and name in fieldhelp.SINGULAR_FR:
            out["label_singular"] = fieldhelp.SINGULAR_FR[name]
        if out["widget"] == "object" and out.get("fields") and "hint" in out:
            first = out["fields"][0]  # Decap shows no hint on an object: its first field does
            first["hint"] = out.pop("hint") + (f" {first['hint']}" if first.get("hint") else "")
        return out

    def _widget(self, prop: dict[str, Any], name: str, required: bool) -> dict[str, Any]:
        ref = _ref_of(prop)
        if ref == "Text":
            return self._text(name, required)
        if ref in ("ThemeId", "PartnerId", "TerritoryId", "LanguageCode"):
            return {"widget": "select", "options": self._choices(ref)}
        if ref:
            definition = self.definitions[ref]
            return {"widget": "object", "collapsed": False,
                    "fields": self._properties(definition, ref, optional=not required)}
        if prop.get("type") == "array":
            return self._list(prop, name, required)
        return _scalar(prop, name)

    def _list(self, prop: dict[str, Any], name: str, required: bool) -> dict[str, Any]:
        items = prop.get("items", {})
        ref = _ref_of(items)
        minimum = prop.get("minItems", 0)
        if ref in ("ThemeId", "PartnerId", "TerritoryId", "LanguageCode"):
            out: dict[str, Any] = {"widget": "select", "multiple": True,
                                   "options": self._choices(ref)}
            if minimum:
                out["min"] = minimum
            return out
        out = {"widget": "list", "collapsed": False, "minimize_collapsed": False}
        if minimum:
            out["min"] = minimum
        if ref == "Text":
            out["fields"] = self._languages(name, required=True)
            out["summary"] = _tag(f"fields.{self.values.default_language}")
        elif ref:
            out["fields"] = self._properties(self.definitions[ref], ref)
        else:
            out["field"] = {"name": name, "label": "", "widget": "string"}
        return out

    def _text(self, name: str, required: bool) -> dict[str, Any]:
        return {"widget": "object", "collapsed": False,
                "fields": self._languages(name, required=required)}

    def _languages(self, name: str, *, required: bool) -> list[dict[str, Any]]:
        """One sub-field per language, the default language first and required when the text is
        (a text that is there at all needs it: the check says so)."""
        text = self.definitions["Text"]
        default = self.values.default_language
        widget = "string" if name in _SHORT else "text"
        out = []
        for code, lang in text.get("properties", {"fr": {"description": "Français"}}).items():
            field: dict[str, Any] = {"name": code, "label": f"{lang['description']} ({code})",
                                     "widget": widget, "required": required and code == default}
            out.append(field)
        return out

    def _choices(self, ref: str) -> list[dict[str, str]]:
        definition = self.definitions[ref]
        names = definition.get("enumDescriptions") or definition.get("enum", [])
        return [{"label": f"{label} ({value})" if label != value else value, "value": value}
                for value, label in zip(definition.get("enum", []), names, strict=False)]


_PATTERNS = {
    "postal_code": (r"^[0-9]{5}$", "Cinq chiffres, par exemple 91130"),
    "email": (r"^[^@\s<>]+@[^@\s<>]+\.[a-zA-Z]{2,}$", "Une adresse comme accueil@example.org"),
    "assurer_email": (r"^[^@\s<>]+@[^@\s<>]+\.[a-zA-Z]{2,}$",
                      "Une adresse comme equipe@example.org"),
    "url": (r"^https?://", "Une adresse qui commence par https://"),
    "source": (r"^https?://", "Une adresse qui commence par https://"),
    "site_url": (r"^https?://", "Une adresse qui commence par https://"),
    "id": (r"^[a-z0-9]+(-[a-z0-9]+)*$", "Lettres minuscules, chiffres et tirets"),
}
_PATTERN_ERRORS = {
    "number": "Un numéro français comme 01 99 00 12 34, ou un numéro court comme 3230",
    "postal_code": "Cinq chiffres, par exemple 91130",
    "code": "Un numéro de département comme 91, 2A ou 974",
}


def _scalar(prop: dict[str, Any], name: str) -> dict[str, Any]:
    """The widget of one value: a choice, a yes/no, a number, a date or a line of text."""
    kind = prop.get("type")
    if "enum" in prop:
        return {"widget": "select", "options": [
            {"label": fieldhelp.CHOICES_FR.get(str(v), str(v)), "value": v}
            for v in prop["enum"]]}
    if kind == "boolean":
        return {"widget": "boolean", "default": prop.get("default", False)}
    if kind in ("number", "integer"):
        out: dict[str, Any] = {"widget": "number",
                               "value_type": "int" if kind == "integer" else "float"}
        for key, bound in (("minimum", "min"), ("maximum", "max")):
            if key in prop:
                out[bound] = prop[key]
        if kind == "number":
            out["step"] = 0.0001
        return out
    if prop.get("format") == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY",
                "time_format": False}
    out = {"widget": "string"}
    if "pattern" in prop:
        out["pattern"] = [prop["pattern"], _PATTERN_ERRORS.get(name, "Format invalide")]
    elif name in _PATTERNS:
        out["pattern"] = list(_PATTERNS[name])
    return out


def _tag(path: str) -> str:
    """A Decap template tag, e.g. {{fields.name.fr}}."""
    return "{{" + path + "}}"


def _optional(prop: dict[str, Any]) -> dict[str, Any]:
    """`X | None` → X, keeping the description."""
    choices = [c for c in prop.get("anyOf", []) if c.get("type") != "null"]
    if len(choices) == 1 and len(prop.get("anyOf", [])) == 2:
        return {**{k: v for k, v in prop.items() if k != "anyOf"}, **choices[0]}
    return prop


def _ref_of(prop: dict[str, Any]) -> str:
    ref = prop.get("$ref") or next((p["$ref"] for p in prop.get("allOf", []) if "$ref" in p), "")
    return str(ref).rsplit("/", 1)[-1]

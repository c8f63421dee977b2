"""content/ → a Catalogue of validated records, or every problem found on the way.

Every file is read and checked even after the first error, so that an editor sees all that is
wrong at once. Wording of schema errors is here; cross-record checks are in `checks.py`.

Records arrive in pull requests (docs/security.md): only plain files inside content/ are read —
never a symbolic link, nor a file that resolves outside content/ — a file's name must be a slug,
since it becomes the record's address on the site, and every string is checked for invisible
characters and look-alike alphabets (`markup.string_problem`) before the schema is.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from ..markup import string_problem
from . import tracking
from .filenames import NAME, stray_files
from .problems import Problem, field_path
from .schema import Glossary, Mission, Portal, Record, Service, Territory
from .yamlfile import Document, Loc, Mark, YamlSyntaxError, read

R = TypeVar("R", bound=Record, covariant=True)


@dataclass(frozen=True)
class Entry(Generic[R]):
    """A record with its identity (from its file name) and where it came from."""

    id: str
    path: Path
    record: R
    doc: Document = field(repr=False, compare=False)
    territory: str = ""
    """A service's territory: the folder it is filed in (content/services/<territory>/)."""


@dataclass
class Catalogue:
    root: Path
    portal: Entry[Portal]
    territories: dict[str, Entry[Territory]]
    services: dict[str, dict[str, Entry[Service]]]  # territory id → service id → entry
    missions: dict[str, Entry[Mission]] = field(default_factory=dict)  # mission id → entry
    glossary: Entry[Glossary] | None = None  # content/glossary.yml, when there is one

    def all_services(self) -> list[Entry[Service]]:
        return [e for by_id in self.services.values() for e in by_id.values()]

    def entries(self) -> list[Entry[Record]]:
        """Every record, of whatever kind, in the order of the files: portal, territories,
        services, missions, glossary."""
        return [self.portal, *self.territories.values(), *self.all_services(),
                *self.missions.values(), *([self.glossary] if self.glossary else [])]


@dataclass
class Loaded:
    catalogue: Catalogue | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load(content: Path) -> Loaded:
    """Read and check every record under content/ (schema only; see checks.check for the rest)."""
    problems: list[Problem] = stray_files(content)  # not read as records: said, not skipped
    root = content.parent
    portal = _load_one(content / "portal.yml", Portal, content, problems)
    territories: dict[str, Entry[Territory]] = {}
    for path in sorted((content / "territories").glob("*.y*ml")):
        territory = _load_one(path, Territory, content, problems)
        if territory:
            territories[territory.id] = territory
    services: dict[str, dict[str, Entry[Service]]] = {}
    for path in sorted((content / "services").glob("*/*.y*ml")):
        service = _load_one(path, Service, content, problems)
        if service:
            services.setdefault(service.territory, {})[service.id] = service
    for path in sorted((content / "services").glob("*.y*ml")):
        problems.append(Problem(relative_path(path, root), 1, 1, "", (
            "a service file must be in the folder of its territory, "
            f"e.g. content/services/<territory>/{path.name}"
        )))
    missions: dict[str, Entry[Mission]] = {}
    for path in sorted((content / "missions").glob("*.y*ml")):
        mission = _load_one(path, Mission, content, problems)
        if mission:
            missions[mission.id] = mission
    glossary = None
    if (content / "glossary.yml").exists() or (content / "glossary.yml").is_symlink():
        glossary = _load_one(content / "glossary.yml", Glossary, content, problems)
    if portal is None:
        return Loaded(None, problems)
    return Loaded(Catalogue(root, portal, territories, services, missions, glossary), problems)


# A file read before and unchanged since (the same bytes) is not parsed again: an editor's preview
# reloads the records after every save, and at national scale parsing and validating them all
# would take most of the rebuild, while hashing them takes a fraction of a second. Entries are
# never mutated, so sharing them between builds is safe.
_READ: dict[tuple[Path, type[Record], Path], tuple[bytes, Any, list[Problem]]] = {}


def _load_one(path: Path, kind: type[R], content: Path, problems: list[Problem]) -> Entry[R] | None:
    root = content.parent
    refused = _refusal(path, content)
    if refused is not None:
        if refused:  # "": a name that is no address, refused unread and said by stray_files
            problems.append(Problem(relative_path(path, root), 1, 1, "", refused))
        return None
    try:
        stamp = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except FileNotFoundError:
        rel = relative_path(path, root)
        problems.append(Problem(rel, 1, 1, "", f"file is missing — create {rel}"))
        return None
    key = (path, kind, root)
    known = _READ.get(key)
    if known is None or known[0] != stamp:
        found: list[Problem] = []
        known = _READ[key] = (stamp, _parse_one(path, kind, root, found), found)
    problems += known[2]
    return known[1]




def _refusal(path: Path, content: Path) -> str | None:
    """Why a record file must not be read ("" when `stray_files` says why), or None. A link (or a
    folder that is one) could bring any file of the machine that builds the site — a CI
    runner's — into the published pages."""
    root = content.parent
    here = path
    while here != content and here != here.parent:
        if here.is_symlink():
            return _link_refusal(here, path, root)
        here = here.parent
    if content.is_symlink():
        return _link_refusal(content, path, root)
    if not path.exists():
        return None  # said by the caller: "file is missing"
    if not path.resolve().is_relative_to(content.resolve()):
        return ("this file is outside content/ — records are read only from the portal's "
                "content/ folder")
    if not path.is_file():
        return "this is not a file — a record is a .yml file"
    if path.stem not in ("portal", "glossary") and not NAME.fullmatch(path.stem):
        if not path.name.startswith("."):
            return ""  # it would become an address like "Mairie Annexe": said by stray_files
        return (f'the file name "{path.name}" is not allowed: it becomes the record\'s address on '
                'the site — use lowercase letters, digits and dashes, like "france-services.yml"')
    if path.parent.parent.name == "services" and not NAME.fullmatch(path.parent.name):
        return ""
    return None


def _link_refusal(link: Path, path: Path, root: Path) -> str:
    what = "this file" if link == path else f"the folder {relative_path(link, root)}/"
    return (f"{what} is a symbolic link (to {os.readlink(link)}) — a record must be a file of "
            "its own inside content/: replace the link by the file itself")


def _strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string of a record's values, with where it is."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, loc + (i,))


def _parse_one(path: Path, kind: type[R], root: Path, problems: list[Problem]) -> Entry[R] | None:
    rel = relative_path(path, root)
    try:
        doc = read(path)
    except YamlSyntaxError as error:
        problems.append(Problem(rel, error.line, error.column, field_path(error.loc),
                                error.message))
        return None
    except UnicodeDecodeError:
        problems.append(Problem(rel, 1, 1, "", "file is not UTF-8 text — save it as UTF-8"))
        return None
    for loc, first, again in doc.duplicates:
        problems.append(Problem(rel, again.line, again.column, field_path(loc), (
            f"this field is written twice (first on line {first.line}); YAML would keep only "
            "the last one and lose the other — remove one of them"
        )))
    if not isinstance(doc.value, dict):
        problems.append(Problem(rel, 1, 1, "",
                                "expected fields like `name:` at the top of the file"))
        return None
    for loc, text in _strings(doc.value):
        problem = string_problem(text)
        if problem:
            mark = doc.mark(loc)
            problems.append(Problem(rel, mark.line, mark.column, field_path(loc), problem))
    try:
        record = kind.model_validate(doc.value)
    except ValidationError as error:
        for detail in error.errors():
            problems.append(_problem(rel, doc, kind, detail))
        return None
    if doc.duplicates:
        return None
    territory = path.parent.name if kind is Service else ""
    return Entry(path.stem, path, record, doc, territory)


def _problem(rel: str, doc: Document, kind: type[Record], detail: Any) -> Problem:
    loc: Loc = tuple(detail["loc"])
    kind_of_error: str = detail["type"]
    if kind_of_error == "missing":
        mark = doc.mark(loc[:-1])
        return Problem(rel, mark.line, mark.column, field_path(loc),
                       f"this field is required — add `{loc[-1]}:` with a value")
    if kind_of_error == "extra_forbidden":
        mark = doc.mark(loc, key=True)
        return Problem(rel, mark.line, mark.column, field_path(loc), _unknown(loc, kind))
    mark = doc.mark(loc)
    return Problem(rel, mark.line, mark.column, field_path(loc), _wording(detail, mark))


def _wording(detail: Any, mark: Mark) -> str:
    kind, value = detail["type"], detail["input"]
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    found = _found(value, mark)
    expected = {
        "string_type": "text",
        "bool_type": "true or false",
        "float_type": "a number like 48.65",
        "float_parsing": "a number like 48.65",
        "int_type": "a whole number",
        "list_type": 'a list (one item per line, each starting with "- ")',
        "dict_type": "a group of fields, one per line below this one",
        "model_type": "a group of fields, one per line below this one",
        "date_type": "a date like 2026-11-20",
        "date_parsing": "a date like 2026-11-20",
        "date_from_datetime_parsing": "a date like 2026-11-20",
        "too_short": "at least one item",
        "string_too_short": "some text",
        "string_pattern_mismatch": _pattern_hint(detail),
        "literal_error": "one of " + str(detail.get("ctx", {}).get("expected", "")),
        "greater_than_equal": f"a number of at least {detail.get('ctx', {}).get('ge')}",
        "less_than_equal": f"a number of at most {detail.get('ctx', {}).get('le')}",
    }.get(kind, str(detail["msg"]).lower())
    return f"expected {expected}, found {found}{_trap_hint(kind, value, mark)}"


def _found(value: Any, mark: Mark) -> str:
    if isinstance(value, bool):
        return f"{mark.source or str(value).lower()} (read as {str(value).lower()})"
    if isinstance(value, int | float) and mark.source and mark.source != str(value):
        return f"{mark.source} (read as the number {value})"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    return f'"{value}"'


def _trap_hint(kind: str, value: Any, mark: Mark) -> str:
    if kind != "string_type":
        return ""
    written = mark.source or str(value)
    if isinstance(value, bool):
        return (f" — YAML reads an unquoted {written} as {str(value).lower()}; "
                f'put it in quotes: "{written}"')
    if isinstance(value, int | float):
        return f' — YAML reads it as a number; put it in quotes: "{written}"'
    return ""


def _pattern_hint(detail: Any) -> str:
    pattern = str(detail.get("ctx", {}).get("pattern", ""))
    if pattern == r"^\d{5}$":
        return 'a 5-digit postal code in quotes like "91130"'
    if "2A" in pattern:
        return 'a department code in quotes like "91" or "2A"'
    return f"text matching {pattern}"


def _unknown(loc: Loc, kind: type[Record]) -> str:
    """An unknown field, with the fields an editor may write there (not the fingerprints that
    `voisinage translations` writes itself)."""
    model: Any = kind
    for part in loc[:-1]:
        if isinstance(part, int) or model is None:
            continue
        annotation = model.model_fields.get(part)
        model = _model_of(annotation.annotation) if annotation else None
    known = sorted(f for f in model.model_fields if f != tracking.FIELD) if model else []
    close = difflib.get_close_matches(str(loc[-1]), known, n=1)
    hint = f" — did you mean \"{close[0]}\"?" if close else "."
    if not known:
        return "unknown field"
    return f"unknown field{hint} Known fields here: {', '.join(known)}"


def _model_of(annotation: Any) -> Any:
    """The record model inside an annotation like `Address | None` or `list[Phone]`."""
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found:
            return found
    return None


def relative_path(path: Path, root: Path) -> str:
    """How an editor sees a record's path: relative to the portal's folder."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

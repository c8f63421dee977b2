"""content/ → a Catalogue of validated records, or every problem found on the way.

Every file is read and checked even after the first error, so that an editor sees all that is
wrong at once. Wording of schema errors is here; cross-record checks are in `checks.py`.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from . import tracking
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
    problems: list[Problem] = []
    root = content.parent
    portal = _load_one(content / "portal.yml", Portal, root, problems)
    territories: dict[str, Entry[Territory]] = {}
    for path in sorted((content / "territories").glob("*.y*ml")):
        entry = _load_one(path, Territory, root, problems)
        if entry:
            territories[entry.id] = entry
    services: dict[str, dict[str, Entry[Service]]] = {}
    for path in sorted((content / "services").glob("*/*.y*ml")):
        entry = _load_one(path, Service, root, problems)
        if entry:
            services.setdefault(entry.territory, {})[entry.id] = entry
    for path in sorted((content / "services").glob("*.y*ml")):
        problems.append(Problem(relative_path(path, root), 1, 1, "", (
            "a service file must be in the folder of its territory, "
            f"e.g. content/services/<territory>/{path.name}"
        )))
    missions: dict[str, Entry[Mission]] = {}
    for path in sorted((content / "missions").glob("*.y*ml")):
        entry = _load_one(path, Mission, root, problems)
        if entry:
            missions[entry.id] = entry
    glossary = None
    if (content / "glossary.yml").exists():
        glossary = _load_one(content / "glossary.yml", Glossary, root, problems)
    if portal is None:
        return Loaded(None, problems)
    return Loaded(Catalogue(root, portal, territories, services, missions, glossary), problems)


# A file read before and unchanged since (the same bytes) is not parsed again: an editor's preview
# reloads the records after every save, and at national scale parsing and validating them all
# would take most of the rebuild, while hashing them takes a fraction of a second. Entries are
# never mutated, so sharing them between builds is safe.
_READ: dict[tuple[Path, type[Record], Path], tuple[bytes, Any, list[Problem]]] = {}


def _load_one(path: Path, kind: type[R], root: Path, problems: list[Problem]) -> Entry[R] | None:
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


def _parse_one(path: Path, kind: type[R], root: Path, problems: list[Problem]) -> Entry[R] | None:
    rel = relative_path(path, root)
    try:
        doc = read(path)
    except YamlSyntaxError as error:
        problems.append(Problem(rel, error.line, error.column, "", error.message))
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
        problems.append(Problem(rel, 1, 1, "", "expected fields like `name:` at the top of the file"))
        return None
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
    return f"unknown field{hint} Known fields here: {', '.join(known)}" if known else "unknown field"


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

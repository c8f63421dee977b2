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
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from ..markup import string_problem
from ..messages import _, current
from . import tracking
from .filenames import NAME, stray_files
from .problems import Problem, field_path
from .schema import Glossary, Mission, PlacedError, Portal, Record, Service, Territory
from .yamlfile import MAX_FILE_BYTES, Document, Loc, Mark, YamlSyntaxError, read

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


@dataclass(frozen=True)
class Unvalidated:
    """A record the schema refused: kept for the cross-record checks, so that a wrong theme is
    said in the same run as the record's own errors, not one pull-request round later."""

    path: Path
    kind: type[Record]
    doc: Document = field(repr=False)

    @property
    def value(self) -> dict[Any, Any]:
        return self.doc.value if isinstance(self.doc.value, dict) else {}


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
    unvalidated: list[Unvalidated] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load(content: Path) -> Loaded:
    """Read and check every record under content/ (schema only; see checks.check for the rest)."""
    problems: list[Problem] = stray_files(content)  # not read as records: said, not skipped
    refused: list[Unvalidated] = []
    root = content.parent
    portal = _valid(_load_one(content / "portal.yml", Portal, content, problems), refused)
    territories: dict[str, Entry[Territory]] = {}
    for path in sorted((content / "territories").glob("*.y*ml")):
        territory = _valid(_load_one(path, Territory, content, problems), refused)
        if territory:
            territories[territory.id] = territory
    services: dict[str, dict[str, Entry[Service]]] = {}
    for path in sorted((content / "services").glob("*/*.y*ml")):
        service = _valid(_load_one(path, Service, content, problems), refused)
        if service:
            services.setdefault(service.territory, {})[service.id] = service
    for path in sorted((content / "services").glob("*.y*ml")):
        problems.append(Problem(relative_path(path, root), 1, 1, "", _(
            "a service file must be in the folder of its territory, "
            "e.g. content/services/<territory>/{name}", name=path.name)))
    missions: dict[str, Entry[Mission]] = {}
    for path in sorted((content / "missions").glob("*.y*ml")):
        mission = _valid(_load_one(path, Mission, content, problems), refused)
        if mission:
            missions[mission.id] = mission
    glossary = None
    if (content / "glossary.yml").exists() or (content / "glossary.yml").is_symlink():
        glossary = _valid(_load_one(content / "glossary.yml", Glossary, content, problems),
                          refused)
    if portal is None:
        return Loaded(None, problems, refused)
    return Loaded(Catalogue(root, portal, territories, services, missions, glossary), problems,
                  refused)


def _valid(loaded: Entry[R] | Unvalidated | None, refused: list[Unvalidated]) -> Entry[R] | None:
    if isinstance(loaded, Unvalidated):
        refused.append(loaded)
        return None
    return loaded


# A file read before and unchanged since (the same bytes) is not parsed again: an editor's preview
# reloads the records after every save, and at national scale parsing and validating them all
# would take most of the rebuild, while hashing them takes a fraction of a second. Entries are
# never mutated, so sharing them between builds is safe.
_READ: dict[tuple[Path, type[Record], Path, str], tuple[bytes, Any, list[Problem]]] = {}


def _load_one(path: Path, kind: type[R], content: Path,
              problems: list[Problem]) -> Entry[R] | Unvalidated | None:
    root = content.parent
    refused = _refusal(path, content)
    if refused is not None:
        if refused:  # "": a name that is no address, refused unread and said by stray_files
            problems.append(Problem(relative_path(path, root), 1, 1, "", refused))
        return None
    try:
        with path.open("rb") as file:  # no more than a record may hold: a huge file is refused
            stamp = hashlib.blake2b(file.read(MAX_FILE_BYTES + 1), digest_size=16).digest()
    except FileNotFoundError:
        rel = relative_path(path, root)
        problems.append(Problem(rel, 1, 1, "", _("file is missing — create {path}", path=rel)))
        return None
    key = (path, kind, root, current())  # the problems are worded in the messages' language
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
        return _("this file is outside content/ — records are read only from the portal's "
                 "content/ folder")
    if not path.is_file():
        return _("this is not a file — a record is a .yml file")
    if path.stem not in ("portal", "glossary") and not NAME.fullmatch(path.stem):
        if not path.name.startswith("."):
            return ""  # it would become an address like "Mairie Annexe": said by stray_files
        return _('the file name "{name}" is not allowed: it becomes the record\'s address on '
                 'the site — use lowercase letters, digits and dashes, like "france-services.yml"',
                 name=path.name)
    if path.parent.parent.name == "services" and not NAME.fullmatch(path.parent.name):
        return ""
    return None


def _link_refusal(link: Path, path: Path, root: Path) -> str:
    if link == path:
        return _("this file is a symbolic link (to {target}) — a record must be a file of its "
                 "own inside content/: replace the link by the file itself",
                 target=os.readlink(link))
    return _("the folder {folder}/ is a symbolic link (to {target}) — a record must be a file "
             "of its own inside content/: replace the link by the folder itself",
             folder=relative_path(link, root), target=os.readlink(link))


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


def _parse_one(path: Path, kind: type[R], root: Path,
               problems: list[Problem]) -> Entry[R] | Unvalidated | None:
    rel = relative_path(path, root)
    try:
        doc = read(path)
    except YamlSyntaxError as error:
        problems.append(Problem(rel, error.line, error.column, field_path(error.loc),
                                error.message))
        return None
    except UnicodeDecodeError:
        problems.append(Problem(rel, 1, 1, "", _("file is not UTF-8 text — save it as UTF-8")))
        return None
    for loc, first, again in doc.duplicates:
        problems.append(Problem(rel, again.line, again.column, field_path(loc), _(
            "this field is written twice (first on line {line}); YAML would keep only "
            "the last one and lose the other — remove one of them", line=first.line)))
    for loc, mark, message in doc.slips:
        problems.append(Problem(rel, mark.line, mark.column, field_path(loc), message))
    if not isinstance(doc.value, dict):
        problems.append(Problem(rel, 1, 1, "",
                                _("expected fields like `name:` at the top of the file")))
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
        return Unvalidated(path, kind, doc)
    if doc.duplicates:
        return Unvalidated(path, kind, doc)
    territory = path.parent.name if kind is Service else ""
    return Entry(path.stem, path, record, doc, territory)


def _problem(rel: str, doc: Document, kind: type[Record], detail: Any) -> Problem:
    loc: Loc = tuple(detail["loc"])
    kind_of_error: str = detail["type"]
    if kind_of_error == "missing":
        mark = doc.mark(loc[:-1])
        typo = _misspelt(doc, loc)
        if typo is not None:
            mark = doc.mark(typo, key=True)
            return Problem(rel, mark.line, mark.column, field_path(loc), _(
                "a required field is missing — `{written}:` on line {line} looks like it: "
                "rename it `{name}:`", written=typo[-1], line=mark.line, name=loc[-1]))
        if len(loc) == 1:
            message = _("a required field is missing — add `{name}:` with a value, at the left "
                        "margin like the other fields of the file", name=loc[-1])
        else:
            message = _("a required field of `{parent}` is missing — add `{name}:` with a value, "
                        "indented under `{parent}`", parent=field_path(loc[:-1]), name=loc[-1])
        return Problem(rel, mark.line, mark.column, field_path(loc), message)
    if kind_of_error == "extra_forbidden":
        mark = doc.mark(loc, key=True)
        return Problem(rel, mark.line, mark.column, field_path(loc), _unknown(loc, kind))
    mark = doc.mark(loc)
    return Problem(rel, mark.line, _column(detail, mark), field_path(loc), _wording(detail, mark))


def _column(detail: Any, mark: Mark) -> int:
    """The column of the problem: the value's, or the character a `PlacedError` names (after
    the value's opening quote, when it is quoted on one line)."""
    error = detail.get("ctx", {}).get("error")
    if not isinstance(error, PlacedError):
        return mark.column
    quoted = mark.source[:1] in ("'", '"')
    return mark.column + quoted + error.offset


def _misspelt(doc: Document, loc: Loc) -> Loc | None:
    """The field written beside where `loc` is missing that looks like its misspelling."""
    parent: Any = doc.value
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(parent, dict):
        return None
    close = difflib.get_close_matches(str(loc[-1]), [str(k) for k in parent], n=1, cutoff=0.8)
    return (*loc[:-1], close[0]) if close else None


def _wording(detail: Any, mark: Mark) -> str:
    kind, value = detail["type"], detail["input"]
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    found = _found(value, mark)
    group = _("a group of fields, one per line below this one")
    a_date = _("a date written year first, like 2026-11-20")
    expected = {
        "string_type": _("text"),
        "bool_type": _("true or false"),
        "float_type": _("a number like 48.65"),
        "float_parsing": _("a number like 48.65"),
        "int_type": _("a whole number"),
        "list_type": _('a list (one item per line, each starting with "- ")'),
        "dict_type": group,
        "model_type": group,
        "date_type": a_date,
        "date_parsing": a_date,
        "date_from_datetime_parsing": a_date,
        "too_short": _("at least one item"),
        "string_too_short": _("some text"),
        "string_pattern_mismatch": _pattern_hint(detail),
        "literal_error": _("one of {choices}",
                           choices=str(detail.get("ctx", {}).get("expected", ""))),
        "greater_than_equal": _("a number of at least {bound}",
                                bound=detail.get("ctx", {}).get("ge")),
        "less_than_equal": _("a number of at most {bound}", bound=detail.get("ctx", {}).get("le")),
    }.get(kind, str(detail["msg"]).lower())
    return _("expected {expected}, found {found}", expected=expected, found=found) + (
        _trap_hint(kind, value, mark) or _date_hint(kind, value))


def _found(value: Any, mark: Mark) -> str:
    if isinstance(value, bool):
        return _("{written} (read as {value})", written=mark.source or str(value).lower(),
                 value=str(value).lower())
    if isinstance(value, int | float) and mark.source and mark.source != str(value):
        return _("{written} (read as the number {value})", written=mark.source, value=value)
    if isinstance(value, int | float):
        return _("the number {value}", value=value)
    if isinstance(value, dict):
        return _("a group of fields")
    if isinstance(value, list):
        return _("a list")
    if value is None:
        return _("nothing")
    if isinstance(value, date):
        return _("the date {value}", value=value.isoformat())
    return f'"{value}"'


def _trap_hint(kind: str, value: Any, mark: Mark) -> str:
    if kind != "string_type":
        return ""
    written = mark.source or str(value)
    if isinstance(value, bool):
        return _(' — YAML reads an unquoted {written} as {value}; put it in quotes: "{written}"',
                 written=written, value=str(value).lower())
    if isinstance(value, int | float):
        return _(' — YAML reads it as a number; put it in quotes: "{written}"', written=written)
    return ""


def _date_hint(kind: str, value: Any) -> str:
    """A French date (day first) turned round: 01/12/2026 → 2026-12-01."""
    day_first = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", str(value).strip())
    if not kind.startswith("date") or not day_first:
        return ""
    day, month, year = (int(part) for part in day_first.groups())
    try:
        written = date(year, month, day).isoformat()
    except ValueError:
        return ""
    return _(" — write the year first: {date}", date=written)


def _pattern_hint(detail: Any) -> str:
    pattern = str(detail.get("ctx", {}).get("pattern", ""))
    if pattern == r"^\d{5}$":
        return _('a 5-digit postal code in quotes like "91130"')
    if "2A" in pattern:
        return _('a department code in quotes like "91" or "2A"')
    return _("text matching {pattern}", pattern=pattern)


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
    if not known:
        return _("unknown field")
    if close:
        return _('unknown field — did you mean "{close}"? Known fields here: {known}',
                 close=close[0], known=", ".join(known))
    return _("unknown field. Known fields here: {known}", known=", ".join(known))


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

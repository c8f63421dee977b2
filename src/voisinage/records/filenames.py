"""Files under content/ that no record kind reads, and record names the site cannot use.

The loader reads records by where they are and how they end (`services/<territory>/<id>.yml`…);
anything else would be skipped without a word, and an editor who saved `caf.yml.txt` or
`CAF.YML` would see "All records are fine" while the site ignores the change. Each such file is
reported here with the name it should have. A record's name becomes its page's address, so it is
made of lowercase letters, digits and dashes (CONTRIBUTING, "Add a service").

Symbolic links are left to the loader's own checks; files and folders starting with a dot
(.gitkeep, editors' swap files) are not records and are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from ..messages import _
from .problems import Problem

NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
"""A record's name without its extension, e.g. maison-des-familles."""
SUFFIXES = (".yml", ".yaml")
_FOLDERS = {"territories": "records", "services": "territories", "missions": "records"}
_TOP_FILES = ("portal.yml", "glossary.yml")
Report = Callable[[Path, str], None]


def stray_files(content: Path) -> list[Problem]:
    """Every file or folder under content/ that is not read as a record, or is a record whose
    name breaks the pattern, with what to do."""
    root = content.parent
    problems: list[Problem] = []

    def report(path: Path, message: str) -> None:
        problems.append(Problem(_relative(path, root), 1, 1, "", message))

    for path in _listing(content):
        if path.is_dir():
            if path.name not in _FOLDERS:
                report(path, _("this folder is not read — records go in content/territories/, "
                               "content/services/<territory>/ or content/missions/; the portal "
                               "in content/portal.yml"))
        elif path.name not in _TOP_FILES:
            report(path, _("this file is not read — records go in content/territories/, "
                           "content/services/<territory>/ or content/missions/; the portal in "
                           "content/portal.yml; move it out of content/ if it is not a record"))
    for folder, holds in _FOLDERS.items():
        for path in _listing(content / folder):
            if holds == "territories":
                _check_territory_folder(path, report, root)
            elif path.is_dir():
                report(path, _("this folder is not read — put its records directly in "
                               "{folder}/", folder=_relative(content / folder, root)))
            else:
                _check_record(path, report)
    return problems


def suggested_name(stem: str) -> str:
    """A name that fits the pattern, made from one that does not.

    >>> suggested_name("Maison_des_Familles (copie)")
    'maison-des-familles-copie'
    >>> suggested_name("Crèche")
    'creche'
    """
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "record"


def _check_territory_folder(path: Path, report: Report, root: Path) -> None:
    """An entry of content/services/: a territory's folder, holding only service records."""
    if not path.is_dir():
        if not _is_service_misfiled(path):  # services/x.yml is the loader's to report
            _check_record(path, report)
        return
    _check_name(path, "", report, folder=True)
    for inner in _listing(path):
        if inner.is_dir():
            report(inner, _("this folder is not read — a service goes directly in the folder "
                            "of its territory: {folder}/", folder=_relative(path, root)))
        else:
            _check_record(inner, report)


def _check_record(path: Path, report: Report) -> None:
    name = path.name
    stem, suffix = _split(name)
    if suffix in SUFFIXES:
        _check_name(path, suffix, report)
        return
    if suffix.lower() in SUFFIXES:
        fixed = f"{suggested_name(stem)}{suffix.lower()}"
        report(path, _("this file is not read: the extension must be in lowercase — rename it "
                       "to {name}", name=fixed))
    elif name.endswith("~") or suffix.lower() in (".bak", ".orig", ".swp", ".tmp"):
        report(path, _("this file is not read: it looks like a backup copy left by an editor — "
                       "delete it, or rename it to end in .yml if it is the record"))
    elif inner := next((p for p in _suffixes(name) if p.lower() in SUFFIXES), None):
        base = name[: name.lower().index(inner.lower())]
        report(path, _("this file is not read: a record's name ends in .yml — rename it to "
                       "{name}", name=f"{suggested_name(base)}.yml"))
    else:
        report(path, _("this file is not read: a record's name ends in .yml — rename it to "
                       "{name}, or move it out of content/ if it is not a record",
                       name=f"{suggested_name(stem)}.yml"))


def _check_name(path: Path, suffix: str, report: Report, *, folder: bool = False) -> None:
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    if NAME.fullmatch(stem):
        return
    fixed = f"{suggested_name(stem)}{suffix}"
    if folder:
        report(path, _("this folder's name becomes a web address, so it is made of lowercase "
                       "letters, digits and dashes only — rename it to {name}", name=fixed))
    else:
        report(path, _("this file's name becomes a web address, so it is made of lowercase "
                       "letters, digits and dashes only — rename it to {name}", name=fixed))


def _listing(folder: Path) -> list[Path]:
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and not p.is_symlink())


def _is_service_misfiled(path: Path) -> bool:
    """content/services/x.yml is reported by the loader ("must be in the folder of its
    territory"); content/x.yml of a known kind is reported here."""
    return path.parent.name == "services" and _split(path.name)[1] in SUFFIXES


def _split(name: str) -> tuple[str, str]:
    dot = name.rfind(".")
    return (name, "") if dot <= 0 else (name[:dot], name[dot:])


def _suffixes(name: str) -> list[str]:
    return ["." + part for part in name.split(".")[1:]]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

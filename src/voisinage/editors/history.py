# A record file + fingerprints of French texts it once had → those French texts, read back from
# the file's git history (newest commit first, uncommitted changes count as newer than HEAD).
# Only the PO and XLIFF exports ask, to show a translator the previous French of an outdated text
# (`#| msgid`, `<alt-trans>`). Outdated detection itself never needs history: the fingerprints are
# in the records, so a shallow clone or a copy without .git only loses this "before" view.
"""The French a translation was made from, found again in git history when there is one."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..records.tracking import fingerprint

MAX_COMMITS = 200
"""How far back to look in one file's history: enough for years of edits, quick on any clone."""


def previous_french(path: Path, wanted: set[str], default: str) -> dict[str, str]:
    """fingerprint → the French text of path's history that has it, for each one found."""
    git = shutil.which("git")
    if not wanted or git is None or not path.exists():
        return {}
    folder = path.resolve().parent
    top = _git(git, folder, "rev-parse", "--show-toplevel")
    if top is None:
        return {}
    root = Path(top.strip()).resolve()
    rel = path.resolve().relative_to(root).as_posix()
    commits = _git(git, root, "log", f"--max-count={MAX_COMMITS}", "--format=%H", "--", rel)
    found: dict[str, str] = {}
    for commit in (commits or "").split():
        text = _git(git, root, "show", f"{commit}:{rel}")
        for french in _french_texts(text, default):
            mark = fingerprint(french)
            if mark in wanted and mark not in found:
                found[mark] = french
        if len(found) == len(wanted):
            break
    return found


def _git(git: str, folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run([git, "-C", str(folder), *args], capture_output=True, text=True,
                              encoding="utf-8", timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _french_texts(text: str | None, default: str) -> Iterator[str]:
    """Every text in the default language of one version of a record, wherever it stood."""
    if not text:
        return
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    todo: list[Any] = [data]
    while todo:
        value = todo.pop()
        if isinstance(value, dict):
            if isinstance(value.get(default), str):
                yield value[default]
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value)

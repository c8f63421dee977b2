"""Problems found in records, worded for the editors who must fix them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..messages import _, n_


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: `file:line:column: field: message`."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        prefix = "" if self.severity == "error" else _("warning: ")
        field = self.field or _("(file)")
        return f"{where}: {prefix}{field}: {self.message}"


def field_path(loc: tuple[str | int, ...]) -> str:
    """('phones', 0, 'number') → 'phones[0].number'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def github_annotation(problem: Problem, path: str | None = None) -> str:
    """The problem as a GitHub Actions command, shown on its line of the pull request's diff.

    path is the file relative to the repository, when it differs from problem.path.

    >>> github_annotation(Problem("content/portal.yml", 3, 5, "themes[0].id", "expected a, b"))
    '::error file=content/portal.yml,line=3,col=5,title=themes[0].id::expected a, b'
    """
    def escape(text: str, *, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    where = ",".join(f"{name}={escape(str(value), prop=True)}" for name, value in (
        ("file", path or problem.path), ("line", problem.line), ("col", problem.column),
        ("title", problem.field or "(file)")))
    return f"::{problem.severity} {where}::{escape(problem.message)}"

def summary(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems if p.severity == "error"})
    parts = []
    if errors:
        parts.append(_("{errors} in {files}", errors=n_("{count} error", "{count} errors", errors),
                       files=n_("{count} file", "{count} files", files)))
    if warnings:
        parts.append(n_("{count} warning", "{count} warnings", warnings))
    return ", ".join(parts) or _("no problem found")


class RecordsError(Exception):
    """Raised by a build when records have errors: nothing may be published."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        lines = [str(p) for p in sorted(errors)]
        super().__init__(
            "\n".join(lines)
            + "\n" + _("{summary}: fix them and build again — nothing was published.",
                        summary=summary(errors))
        )

"""The lint and type gates run with the versions pinned in pyproject.toml, wherever they run."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _pins() -> dict[str, str]:
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]["test"]
    return {m["name"]: m["version"] for m in (re.match(r"(?P<name>[\w-]+)==(?P<version>\S+)$", d)
                                              for d in extra) if m}


def test_ruff_and_mypy_are_pinned() -> None:
    assert {"ruff", "mypy"} <= set(_pins())


def test_pre_commit_runs_the_pinned_ruff_and_the_projects_mypy() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    repos = {repo["repo"]: repo for repo in config["repos"]}
    assert repos["https://github.com/astral-sh/ruff-pre-commit"]["rev"] == "v" + _pins()["ruff"]
    local = {hook["id"]: hook for hook in repos["local"]["hooks"]}
    assert local["mypy"]["entry"] == ".venv/bin/mypy"


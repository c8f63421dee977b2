"""Reviewers see what a pull request changes without a terminal: the workflow checks the records
first, in a job with no browser, then pictures the pages the change touches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from helpers import CAF, REPO, write_portal

WORKFLOW = REPO / ".github" / "workflows" / "check-and-publish.yml"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def review(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "voisinage.cli", "review", *args], cwd=root,
                          capture_output=True, text=True, timeout=120)


def test_review_lists_the_pages_of_the_changed_record(tmp_path: Path) -> None:
    root = write_portal(tmp_path, {"caf": CAF})
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "records")
    caf = root / "content" / "services" / "ris-orangis" / "caf.yml"
    caf.write_text(CAF.replace('"01 99 00 12 34"', '"01 99 00 12 35"'), encoding="utf-8")

    result = review(root, "--base", "main")
    assert result.returncode == 0, result.stderr
    # The default language and the territory's (fr, ar): the service page, then its territory's.
    assert result.stdout.split() == ["ris-orangis/caf/", "ar/ris-orangis/caf/", "ris-orangis/",
                                     "ar/ris-orangis/"]

    table = review(root, "--base", "main", "--markdown", "--pictures", "changed-pages").stdout
    assert "artifact **changed-pages**" in table
    assert ("| Caisse d'allocations familiales (CAF) (`/ris-orangis/caf/`) | "
            "`content/services/ris-orangis/caf.yml` | `ris-orangis_caf.png` |") in table


def test_review_without_changes_says_so_and_a_wrong_base_is_explained(tmp_path: Path) -> None:
    root = write_portal(tmp_path, {"caf": CAF})
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "records")
    assert "No page of the site shows the changed records." in review(
        root, "--base", "main", "--markdown").stdout
    wrong = review(root, "--base", "origin/nowhere")
    assert wrong.returncode == 1
    assert "cannot compare with origin/nowhere" in wrong.stderr
    assert "git fetch origin main" in wrong.stderr


def test_the_records_are_checked_first_without_a_browser() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    first = jobs["records"]
    runs = "\n".join(step.get("run", "") for step in first["steps"])
    assert "voisinage check" in runs and "voisinage schemas --check" in runs
    assert "scripts/setup" not in runs and "apt" not in runs and "chromium" not in runs
    assert first["timeout-minutes"] <= 10
    assert jobs["check"]["needs"] == "records"
    later = "\n".join(step.get("run", "") for step in jobs["check"]["steps"])
    assert "voisinage review" in later and "scripts/screenshots" in later

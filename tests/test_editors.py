"""Editors' workflow: annotations on pull requests, new records, and records to check again."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import CAF, TRICKY, write_portal

from voisinage import cli
from voisinage.editors import fieldhelp, scaffold, schemas, yamledit
from voisinage.records import problems
from voisinage.records.problems import Problem, github_annotation
from voisinage.records.schema import Service

BROKEN = (CAF.replace("description:", "descripton:")
        .replace('postal_code: "91130"', "postal_code: 01000"))


def run_check(root: Path, *args: str, env: dict[str, str] | None = None,
              cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return subprocess.run([sys.executable, "-m", "voisinage.cli", "check", *args],
                          cwd=cwd or root, env={**environ, **(env or {})},
                          capture_output=True, text=True, check=False)


# -- GitHub annotations ------------------------------------------------------------------------
def test_annotations_point_at_the_broken_lines(tmp_path: Path) -> None:
    """Under GitHub Actions, each problem is also an ::error on its file, line and column."""
    root = write_portal(tmp_path, {"caf": CAF, "broken": BROKEN})
    result = run_check(root, env={"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(root)})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert ("::error file=content/services/ris-orangis/broken.yml,line=7,col=1,title=descripton"
            '::unknown field — did you mean "description"? Known fields here: ') in "\n".join(lines)
    assert any(x.startswith("::error file=content/services/ris-orangis/broken.yml,line=21,col=")
               and "title=address.postal_code::expected text, found 01000" in x for x in lines)
    plain = [x for x in lines if not x.startswith("::")]
    annotations = [x for x in lines if x.startswith("::")]
    assert len(plain) == len(annotations) == 3  # typo, postal code, description missing
    assert all(x.startswith("content/services/ris-orangis/broken.yml:") for x in plain)


def test_annotations_name_files_from_the_repository_root(tmp_path: Path) -> None:
    """A portal in a sub-folder of the repository: annotation paths start at the repository."""
    root = write_portal(tmp_path / "portal", {"broken": BROKEN})
    result = run_check(root, "--content", str(root / "content"), cwd=tmp_path,
                       env={"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)})
    assert "::error file=portal/content/services/ris-orangis/broken.yml,line=7," in result.stdout


def test_no_annotations_outside_github_actions(tmp_path: Path) -> None:
    """On an editor's machine, only the readable lines are printed."""
    result = run_check(write_portal(tmp_path, {"broken": BROKEN}))
    assert result.returncode == 1
    assert "::error" not in result.stdout
    assert "broken.yml:7:1: descripton: unknown field" in result.stdout


def test_annotation_escapes_what_github_would_cut() -> None:
    """Commas and colons in properties, newlines and % in messages are escaped."""
    problem = Problem("a,b.yml", 2, 3, "x:y", "100% sure\nsecond line", "warning")
    assert github_annotation(problem) == (
        "::warning file=a%2Cb.yml,line=2,col=3,title=x%3Ay::100%25 sure%0Asecond line")


# -- Freshness ---------------------------------------------------------------------------------
OLD = CAF.replace("assured_date: 2026-11-20", "assured_date: 2026-01-10")
OLDER = TRICKY.replace("assured_date: 2026-10-01", "assured_date: 2025-12-01")


@pytest.fixture
def aging(tmp_path: Path) -> Path:
    root = write_portal(tmp_path, {"caf": OLD, "tricky": OLDER, "fresh": TRICKY})
    other = root / "content" / "services" / "alpha"
    other.mkdir()
    (root / "content" / "territories" / "alpha.yml").write_text(
        (root / "content" / "territories" / "ris-orangis.yml").read_text(encoding="utf-8"),
        encoding="utf-8")
    (other / "old.yml").write_text(OLD.replace("latitude: 48.65\nlongitude: 2.41\n", ""),
                                   encoding="utf-8")
    return root / "content"


def test_old_records_are_warnings_that_fail_only_with_strict(aging: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A service checked more than 183 days ago is a warning on its assured_date line."""
    assert cli.main(["check", "--content", str(aging), "--today", "2026-11-26"]) == 0
    out = capsys.readouterr()
    assert ("content/services/ris-orangis/caf.yml:28:15: warning: assured_date: last checked on "
            "2026-01-10, 320 days ago (more than 183) — check the facts with the service"
            ) in out.out
    assert "tricky.yml" in out.out and "fresh.yml" not in out.out
    assert "3 warnings" in out.err
    assert cli.main(["check", "--content", str(aging), "--today", "2026-11-26", "--strict"]) == 1


def test_freshness_limit_comes_from_the_portal_or_the_command_line(aging: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """freshness_days in portal.yml sets the limit; --max-age-days overrides it; 0 turns it off."""
    portal = aging / "portal.yml"
    portal.write_text(portal.read_text(encoding="utf-8") + "freshness_days: 30\n", encoding="utf-8")
    assert cli.main(["check", "--strict", "--content", str(aging), "--today", "2026-11-26"]) == 1
    assert "fresh.yml:11:15: warning: assured_date: last checked on 2026-10-01, 56 days ago " \
        "(more than 30)" in capsys.readouterr().out
    assert cli.main(["check", "--strict", "--content", str(aging), "--today", "2026-11-26",
                     "--max-age-days", "0"]) == 0


def test_a_date_in_the_future_is_a_warning(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """assured_date: 2062-11-20 (a typo for 2026) would look fresh for ever."""
    root = write_portal(tmp_path, {"caf": CAF.replace("2026-11-20", "2062-11-20")})
    assert cli.main(["check", "--content", str(root / "content"), "--today", "2026-11-26"]) == 0
    assert "expected a date on or before today (2026-11-26), found 2062-11-20" in \
        capsys.readouterr().out


def test_stale_lists_services_by_territory_oldest_first(aging: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`voisinage stale`: one block per territory, the oldest check first."""
    assert cli.main(["stale", "--content", str(aging), "--today", "2026-11-26"]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x]
    assert lines[0] == ("Services last checked more than 183 days before 2026-11-26, by "
                        "territory, oldest first:")
    assert lines[1] == "alpha: 1 of 1 services"
    assert lines[2].split()[:3] == ["2026-01-10", "320", "days"]
    assert lines[2].split()[3] == "content/services/alpha/old.yml:26"
    assert lines[3] == "ris-orangis: 2 of 3 services"
    assert lines[4].split()[:4] == ["2025-12-01", "360", "days",
                                    "content/services/ris-orangis/tricky.yml:11"]
    assert lines[5].split()[:4] == ["2026-01-10", "320", "days",
                                    "content/services/ris-orangis/caf.yml:28"]
    assert lines[5].endswith("Caisse d'allocations familiales (CAF)")
    assert lines[6].startswith("3 of 4 services to check again")


def test_stale_says_when_every_service_is_fresh(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = write_portal(tmp_path)
    assert cli.main(["stale", "--content", str(root / "content"), "--today", "2026-11-26"]) == 0
    assert capsys.readouterr().out.startswith("Every service was checked in the last 183 days")


@pytest.mark.parametrize("command", [["stale"], ["check"], ["translations"], ["--help"]])
def test_a_closed_pipe_ends_any_command_quietly(aging: Path, command: list[str]) -> None:
    """`voisinage stale | head`: the reader stops early; no BrokenPipeError traceback."""
    args = [*command, "--content", str(aging)] if command != ["--help"] else command
    process = subprocess.Popen([sys.executable, "-m", "voisinage.cli", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `head` once it has its lines
    errors = process.stderr.read().decode()
    code = process.wait(timeout=120)
    assert "BrokenPipeError" not in errors and "Traceback" not in errors, errors
    assert code in (141, 0, 1), errors  # 141: stopped by the closed pipe, as shells report it


# -- voisinage new service ---------------------------------------------------------------------
def new(content: Path, *args: str) -> int:
    return cli.main(["new", "service", "--content", str(content), "--today", "2026-11-26", *args])


def test_new_service_passes_check_once_its_blanks_are_filled(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Every field is there, explained; filling the REQUIRED blanks makes a valid record."""
    content = write_portal(tmp_path) / "content"
    assert new(content, "--territory", "ris-orangis", "--name", "Maison des familles « Lacs »") == 0
    path = content / "services" / "ris-orangis" / "maison-des-familles-lacs.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/service.schema.json\n")
    assert list(yaml.safe_load(text)) == list(Service.model_fields)
    assert 'name:\n  fr: "Maison des familles « Lacs »"\n' in text
    assert "# REQUIRED. The themes it belongs to: ids of `themes` in content/portal.yml. One or " \
        "more of:\n# rights, culture." in text
    assert "#   opening_hours: 'Mo-Fr 09:00-12:00,14:00-17:00;" in text

    assert cli.main(["check", "--content", str(content)]) == 1
    blanks = [x for x in capsys.readouterr().out.splitlines() if "maison-des-familles" in x]
    assert [x.split(": ")[1] for x in blanks] == ["description.fr", "themes"]

    path.write_text(text.replace('description:\n  fr: ""', 'description:\n  fr: "Un lieu pour '
                                 'les parents et les enfants."').replace("themes: []",
                                                                         "themes: [rights]"),
                    encoding="utf-8")
    assert cli.main(["check", "--strict", "--content", str(content), "--today", "2026-11-26"]) == 0
    assert "All records are fine." in capsys.readouterr().err


def test_new_service_never_overwrites(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    content = write_portal(tmp_path) / "content"
    assert new(content, "--territory", "ris-orangis", "--name", "CAF", "--id", "caf") == 1
    assert "content/services/ris-orangis/caf.yml already exists — edit it, or choose another " \
        "file name with --id" in capsys.readouterr().err
    assert (content / "services" / "ris-orangis" / "caf.yml").read_text(encoding="utf-8") == CAF


def test_new_service_names_the_territories_it_knows(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    content = write_portal(tmp_path) / "content"
    assert new(content, "--territory", "ris", "--name", "Centre social") == 1
    assert 'unknown territory "ris" — expected one of: ris-orangis' in capsys.readouterr().err


def test_every_service_field_is_explained_to_editors() -> None:
    """A field added to records.Service needs a line of help in fieldhelp.SERVICE."""
    assert list(fieldhelp.SERVICE) == list(Service.model_fields)


@pytest.mark.parametrize("module", [problems, scaffold, schemas, yamledit])
def test_docstring_examples_hold(module) -> None:  # type: ignore[no-untyped-def]
    """The worked examples in the docstrings of the editors' modules are true."""
    assert doctest.testmod(module).failed == 0

"""Bad records: every trap gives a message naming file, line and field — all at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CAF, mkdocs_build, write_portal

BAD = {
    "typo": CAF.replace("description:", "descripton:"),
    "missing": CAF.replace("assured_date: 2026-11-20\n", ""),
    "duplicate": CAF.replace("themes: [rights]", "themes: [rights]\nthemes: [culture]"),
    "yes-no": CAF.replace('alternate_name: "CAF"', "alternate_name: no"),
    "sexagesimal": CAF.replace("opening_hours: 'Mo-Fr", "opening_hours: 9:30\nx_hours: 'Mo-Fr"),
    "postal": CAF.replace('postal_code: "91130"', "postal_code: 01000"),
    "theme": CAF.replace("themes: [rights]", "themes: [rights, sport]"),
    "language": CAF.replace("languages: [fr]", "languages: [fr, es]"),
    "phone": CAF.replace('number: "01 99 00 12 34"', 'number: "01 23"'),
    "scheme": CAF.replace('source: "https://caf', 'source: "javascript:alert(1)//caf'),
    "hours": CAF.replace("Mo-Fr 09:00-12:00", "Mo-Fr 25:00-12:00"),
    "place": CAF.replace("latitude: 48.65", "latitude: 2.41").replace("longitude: 2.41", "longitude: 48.65"),
    "html": CAF.replace("allocations familiales et", "allocations <b>familiales</b> et"),
    "tab": CAF.replace('  fr: "La CAF verse', '\tfr: "La CAF verse'),
}

# file → (line, field, words the message must contain)
EXPECTED = {
    "typo": (7, "descripton", "did you mean \"description\""),
    "missing": (1, "assured_date", "required"),
    "duplicate": (13, "themes", "written twice (first on line 12)"),
    "yes-no": (6, "alternate_name", 'put it in quotes: "no"'),
    "sexagesimal": (27, "opening_hours", 'found 9:30 (read as the number 570)'),
    "postal": (21, "address.postal_code", 'found 01000 (read as the number 512)'),
    "theme": (12, "themes[1]", 'found "sport"'),
    "language": (19, "languages[1]", 'found "es"'),
    "phone": (26, "phones[1].number", 'found "01 23"'),
    "scheme": (29, "source", 'found "javascript:"'),
    "hours": (27, "opening_hours", "OpenStreetMap"),
    "place": (22, "latitude", "inside ris-orangis"),
    "html": (8, "description.fr", 'raw HTML is not allowed, found "<b>"'),
    "tab": (8, "", "tab"),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_portal(tmp_path_factory.mktemp("broken"), {"caf": CAF, **BAD})
    (root / "content" / "services" / "nowhere").mkdir()
    (root / "content" / "services" / "nowhere" / "lost.yml").write_text(
        CAF.replace("latitude: 48.65\nlongitude: 2.41\n", ""), encoding="utf-8")
    return root


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    """`voisinage check` as of a fixed day, so that the records never grow stale under the test."""
    return subprocess.run([sys.executable, "-m", "voisinage.cli", "check", "--today", "2026-11-26"],
                          cwd=root, capture_output=True, text=True)


def test_check_reports_every_trap_at_once(broken: Path) -> None:
    result = run_check(broken)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for name, (line, field, words) in EXPECTED.items():
        prefix = f"content/services/ris-orangis/{name}.yml:{line}:"
        found = [x for x in lines if x.startswith(prefix) and f": {field or '(file)'}: " in x]
        assert found, f"{name}: no message at {prefix} for {field!r} in:\n" + "\n".join(lines)
        assert any(words in x for x in found), f"{name}: {found}"
    assert any(x.startswith("content/services/nowhere/lost.yml:1:") and "not a territory" in x
               for x in lines)
    assert "content/services/ris-orangis/caf.yml" not in result.stdout
    assert "errors in 15 files" in result.stderr


def test_build_with_bad_records_publishes_nothing(broken: Path) -> None:
    result = mkdocs_build(broken)
    assert result.returncode == 1
    assert "typo.yml:7:1: descripton: unknown field" in result.stderr
    assert "nothing was published" in result.stderr
    assert not (broken / "site").exists()


def test_clean_records_pass_the_check(tmp_path: Path) -> None:
    result = run_check(write_portal(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "All records are fine" in result.stderr


def test_mkdocs_languages_must_match_the_portal(tmp_path: Path) -> None:
    """A language declared in portal.yml but not built by MkDocs is named, with the fix."""
    root = write_portal(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "        - {locale: zh, name: 简体中文, build: true}\n", ""), encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "differ from content/portal.yml (fr, en, ar, zh)" in result.stderr
    assert "{locale: zh, name: 简体中文, build: true}" in result.stderr


def test_files_that_are_not_records_are_named_with_the_fix(tmp_path: Path) -> None:
    """A record saved as caf.yml.txt, CAF.YML or caf.yaml~ is not read: the check says so, with
    the name it should have, instead of "All records are fine" over a change the site ignores."""
    root = write_portal(tmp_path, {"caf": CAF})
    folder = root / "content" / "services" / "ris-orangis"
    for name in ("x", "x.yml.txt", "x.YML", "x.yaml~", "Maison_des Familles.yml"):
        (folder / name).write_text(CAF, encoding="utf-8")
    (folder / ".gitkeep").write_text("", encoding="utf-8")  # not a record: no word about it
    (folder / "old").mkdir()
    (root / "content" / "notes.md").write_text("à faire\n", encoding="utf-8")
    result = run_check(root)
    assert result.returncode == 1
    lines = {line.split(":", 1)[0]: line for line in result.stdout.splitlines()}
    where = "content/services/ris-orangis/"
    assert "rename it to x.yml, or move it out of content/" in lines[where + "x"]
    assert "rename it to x.yml" in lines[where + "x.yml.txt"]
    assert "extension must be in lowercase — rename it to x.yml" in lines[where + "x.YML"]
    assert "backup copy" in lines[where + "x.yaml~"]
    assert ("lowercase letters, digits and dashes only — rename it to maison-des-familles.yml"
            in lines[where + "Maison_des Familles.yml"])
    assert "a service goes directly in the folder of its territory" in lines[where + "old"]
    assert "move it out of content/" in lines["content/notes.md"]
    assert where + ".gitkeep" not in lines
    assert "All records are fine" not in result.stderr
    assert "7 errors in 7 files" in result.stderr

"""An editor's preview builds one territory in the languages asked for, and nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import CAF, SECOND_TERRITORY, SECOND_TERRITORY_SERVICE, write_portal


def test_preview_builds_one_territory_in_chosen_languages(tmp_path: Path) -> None:
    root = write_portal(tmp_path, {"caf": CAF})
    (root / "content" / "territories" / "saint-denis.yml").write_text(SECOND_TERRITORY, "utf-8")
    (root / "content" / "services" / "saint-denis").mkdir()
    (root / "content" / "services" / "saint-denis" / "pmi.yml").write_text(SECOND_TERRITORY_SERVICE, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "voisinage.cli", "preview", "--territory", "ris-orangis",
         "--lang", "ar", "--build"], cwd=root, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    site = root / ".cache" / "voisinage" / "preview" / "site"
    assert (site / "ris-orangis" / "caf" / "index.html").exists()
    assert (site / "ar" / "ris-orangis" / "caf" / "index.html").exists()
    assert not (site / "zh").exists() and not (site / "en").exists()
    assert not (site / "saint-denis").exists()
    assert not (site / "leaflets").exists()
    assert not any((root / "pages").rglob("*.md")), "the full build's page stubs were touched"


def test_guides_can_be_turned_off_for_large_portals(tmp_path: Path) -> None:
    """`guides: false` makes no guide and links none; the one-page leaflets stay."""
    root = write_portal(tmp_path, {"caf": CAF})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - voisinage\n", "  - voisinage:\n      guides: false\n"),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    leaflets = root / "site" / "leaflets" / "territories"
    assert list(leaflets.glob("*.services.pdf")) and not list(leaflets.glob("*.guide.pdf"))
    assert ".guide.pdf" not in (root / "site" / "ar" / "ris-orangis" / "index.html").read_text("utf-8")


def test_preview_without_lang_builds_the_default_language_and_says_how_to_add_others(
        tmp_path: Path) -> None:
    """Nor --lang nor --territory: the default language of the portal's only territory."""
    root = write_portal(tmp_path, {"caf": CAF})
    result = subprocess.run(
        [sys.executable, "-m", "voisinage.cli", "preview", "--build"],
        cwd=root, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "previewing in fr only — add other languages with --lang, e.g. --lang en,ar" in result.stderr
    assert "mkdocs.yml" not in result.stderr.split("INFO")[0]
    site = root / ".cache" / "voisinage" / "preview" / "site"
    assert (site / "ris-orangis" / "caf" / "index.html").exists()
    assert not (site / "ar").exists() and not (site / "en").exists()


def test_preview_refuses_a_language_the_portal_does_not_have(tmp_path: Path) -> None:
    root = write_portal(tmp_path, {"caf": CAF})
    result = subprocess.run(
        [sys.executable, "-m", "voisinage.cli", "preview", "--territory", "ris-orangis", "--lang",
         "es", "--build"], cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "--lang es: not a language of" in result.stderr
    assert "expected codes among fr, en, ar, zh" in result.stderr


def test_preview_without_territory_names_them_when_there_are_several(tmp_path: Path) -> None:
    root = write_portal(tmp_path, {"caf": CAF})
    (root / "content" / "territories" / "saint-denis.yml").write_text(SECOND_TERRITORY, "utf-8")
    result = subprocess.run([sys.executable, "-m", "voisinage.cli", "preview", "--build"],
                            cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert ("say which territory to preview: --territory NAME, one of ris-orangis, saint-denis "
            "(e.g. voisinage preview --territory ris-orangis)") in result.stderr
    assert "Traceback" not in result.stderr

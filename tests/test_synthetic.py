"""The synthetic portal used by scripts/bench: valid records, the same pages voisinage builds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from benchmarks import synthetic
from voisinage import cli
from voisinage.model.site_model import SiteModel as Portal
from voisinage.site.build import load_checked


def test_synthetic_portal_passes_voisinage_check(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A 1 × 3 portal with a mission, in French and English, passes `voisinage check` cleanly."""
    portal = synthetic.generate(1, 3, ("fr", "en"), missions=1, seed=1)
    synthetic.write_portal(tmp_path, portal)
    assert cli.main(["check", "--strict", "--content", str(tmp_path / "content")]) == 0
    assert "All records are fine." in capsys.readouterr().err


def test_synthetic_portal_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    """Same seed, same files: benchmark runs compare like with like."""
    for name in ("a", "b"):
        portal = synthetic.generate(2, 4, ("fr", "ar"), seed=7, today=date(2026, 11, 26))
        synthetic.write_portal(tmp_path / name, portal)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yml"))
    assert len(files) == 1 + 2 + 8 + 1  # portal, territories, services, mkdocs.yml
    for rel in files:
        assert (tmp_path / "a" / rel).read_text() == (tmp_path / "b" / rel).read_text()
    with_missions = synthetic.generate(2, 4, ("fr", "ar"), missions=1, seed=7, today=date(2026, 11, 26))
    assert with_missions.services == portal.services


def test_plain_comparison_has_the_pages_voisinage_builds(tmp_path: Path) -> None:
    """The plain-MkDocs comparison writes one Markdown file per page voisinage builds."""
    portal = synthetic.generate(2, 3, ("fr", "en"), missions=1)
    synthetic.write_portal(tmp_path / "portal", portal)
    catalogue, _ = load_checked(tmp_path / "portal" / "content")
    assert sorted(synthetic.page_keys(portal)) == sorted(Portal(catalogue).keys())
    written = synthetic.write_plain_site(tmp_path / "plain", portal)
    assert written == len(synthetic.page_keys(portal)) * 2
    assert (tmp_path / "plain" / "pages" / "index.en.md").exists()

"""A portal built in shards of territories and assembled is the same site as one whole build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import (
    CAF,
    SECOND_TERRITORY,
    SECOND_TERRITORY_SERVICE,
    TRICKY,
    mkdocs_build,
    write_glossary,
    write_portal,
)


def voisinage(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "voisinage.cli", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two territories, built whole into site/ and as two shards assembled into assembled/."""
    root = write_portal(tmp_path_factory.mktemp("sharded"), {"caf": CAF, "tricky": TRICKY})
    write_glossary(root)
    (root / "content" / "territories" / "saint-denis.yml").write_text(SECOND_TERRITORY, "utf-8")
    (root / "content" / "services" / "saint-denis").mkdir()
    (root / "content" / "services" / "saint-denis" / "pmi.yml").write_text(
        SECOND_TERRITORY_SERVICE, "utf-8")
    whole = mkdocs_build(root, "--strict")
    assert whole.returncode == 0, whole.stderr
    for args in (["--territory", "saint-denis", "--site-dir", "shards/1"],
                 ["--territory", "ris-orangis", "--no-portal-pages", "--site-dir", "shards/2"]):
        done = voisinage(root, "build", *args, "--strict")
        assert done.returncode == 0, done.stderr
    done = voisinage(root, "assemble", "shards/1", "shards/2", "--out", "assembled")
    assert done.returncode == 0, done.stderr
    assert "2 shards assembled into assembled" in done.stderr
    return root


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_assembled_site_has_every_file_of_the_whole_build(portal: Path) -> None:
    assert files(portal / "assembled") == files(portal / "site")


def test_every_page_and_leaflet_is_the_same_as_in_the_whole_build(portal: Path) -> None:
    site, assembled = portal / "site", portal / "assembled"
    compared = [rel for rel in files(site) if rel.endswith((".html", ".pdf", ".csv"))
                or rel.startswith("data/")]
    assert any(rel.endswith(".pdf") for rel in compared)
    assert any(rel.startswith("ar/saint-denis/") for rel in compared)
    different = [rel for rel in compared if (site / rel).read_bytes() != (assembled / rel).read_bytes()]
    assert different == []


def test_search_indexes_and_sitemaps_hold_the_same_entries(portal: Path) -> None:
    site, assembled = portal / "site", portal / "assembled"
    indexes = sorted(rel for rel in files(site) if rel.endswith("search_index.json"))
    assert "ar/ris-orangis/search/search_index.json" in indexes

    def docs(path: Path) -> list[str]:
        return sorted(json.dumps(d, sort_keys=True) for d in json.loads(path.read_text("utf-8"))["docs"])

    for rel in indexes:
        assert docs(assembled / rel) == docs(site / rel), rel

    def urls(path: Path) -> list[str]:
        found = []
        for url in ET.parse(path).getroot():
            found.append(" ".join(e.get("href") or (e.text or "").strip() for e in url.iter()))
        return sorted(found)

    assert urls(assembled / "sitemap.xml") == urls(site / "sitemap.xml")
    assert any("saint-denis" in u for u in urls(assembled / "sitemap.xml"))


def test_a_shard_has_only_its_territory_and_no_portal_wide_files(portal: Path) -> None:
    shard = portal / "shards" / "2"
    assert (shard / "ar" / "ris-orangis" / "caf" / "index.html").exists()
    assert not (shard / "saint-denis").exists() and not (shard / "ar" / "saint-denis").exists()
    assert not (shard / "themes").exists() and not (shard / "data").exists()
    assert (shard / "index.html").exists()  # mkdocs-static-i18n wants a home in every build
    manifest = json.loads((shard / ".voisinage-shard.json").read_text("utf-8"))
    assert manifest["territories"] == ["ris-orangis"] and manifest["portal_pages"] is False
    assert not (portal / "assembled" / ".voisinage-shard.json").exists()


def test_shards_that_do_not_make_one_site_are_refused_with_every_reason(portal: Path) -> None:
    (portal / "assembled" / "keep.txt").write_text("the site already published", "utf-8")
    done = voisinage(portal, "assemble", "shards/2", "shards/2", "--out", "assembled")
    assert done.returncode == 1
    assert "territory ris-orangis is in 2 shards" in done.stderr
    assert "no shard has the portal-wide pages" in done.stderr
    assert "no shard has the territories saint-denis" in done.stderr
    assert (portal / "assembled" / "keep.txt").exists(), "a refused assembly must not touch the site"

    done = voisinage(portal, "assemble", "site", "--out", "elsewhere")
    assert done.returncode == 1 and "not a shard of voisinage" in done.stderr


def test_shards_built_from_other_records_are_refused(portal: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    (other / "shards").mkdir(parents=True)
    for name in ("1", "2"):
        target = other / "shards" / name
        target.mkdir()
        manifest = json.loads((portal / "shards" / name / ".voisinage-shard.json").read_text("utf-8"))
        if name == "2":
            manifest["records"] = "0" * 64
        (target / ".voisinage-shard.json").write_text(json.dumps(manifest), "utf-8")
    done = voisinage(other, "assemble", "shards/1", "shards/2", "--out", "site")
    assert done.returncode == 1
    assert "2 was built from other records than 1" in done.stderr
    assert "same commit" in done.stderr


def test_shards_plan_balances_services_and_prints_a_ci_matrix(portal: Path) -> None:
    done = voisinage(portal, "shards", "2", "--json")
    assert done.returncode == 0, done.stderr
    matrix = json.loads(done.stdout)["include"]
    assert [m["portal_pages"] for m in matrix] == [True, False]
    assert sorted(t for m in matrix for t in m["territories"].split(",")) == ["ris-orangis", "saint-denis"]
    done = voisinage(portal, "shards", "2")
    assert "voisinage build --territory" in done.stdout and "--no-portal-pages" in done.stdout
    assert "voisinage assemble shards/1 shards/2 --out site" in done.stdout


def test_an_unknown_territory_is_named_before_anything_is_built(portal: Path) -> None:
    done = voisinage(portal, "build", "--territory", "ris-orangis,nulle-part", "--site-dir", "x")
    assert done.returncode == 1
    assert "no territory nulle-part — expected names of files in" in done.stderr
    assert "ris-orangis, saint-denis" in done.stderr
    assert not (portal / "x").exists()

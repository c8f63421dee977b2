"""A leaflet that knows it is outdated. Each leaflet's QR code carries its edition; the editions
are read from the git history of the records. After a phone number and opening hours change in a
later commit, the old leaflet's QR code (decoded from its PDF) opens a page that names both
changes in the leaflet's language; the new leaflet's opens its page without a notice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from helpers import mkdocs_build
from PIL import Image
from test_missions import share_leaflet_cache, write_mission_portal

from voisinage import hours, interface
from voisinage.frontends.mkdocs import shards
from voisinage.languages import Lang
from voisinage.model import editions
from voisinage.model.site_model import SiteModel
from voisinage.records import history
from voisinage.records.loading import load
from voisinage.site import redirects

SITE_URL = "https://example.org/test/"
CAF = Path("content/services/ris-orangis/caf.yml")
OLD_HOURS, NEW_HOURS = "Mo-Fr 09:00-12:00,13:30-16:30", "Mo-Fr 08:30-12:00,13:30-17:00"
AR = Lang("ar", "العربية", "rtl")


def git(root: Path, *args: str, when: str = "2026-11-20T10:00:00+01:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Équipe contenu", "GIT_AUTHOR_EMAIL": "equipe@example.org",
           "GIT_COMMITTER_NAME": "Équipe contenu", "GIT_COMMITTER_EMAIL": "equipe@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True,
                          text=True).stdout


def repository(root: Path) -> Path:
    """The tiny mission portal, committed in a git repository of its own."""
    write_mission_portal(root)
    (root / ".gitignore").write_text("site/\n.cache/\npages/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Portal with one mission")
    return root


def change_phone_and_hours(root: Path, when: str) -> None:
    """What an editor does after calling the CAF: a new number, new hours, the day checked."""
    path = root / CAF
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("01 99 00 12 34", "01 99 00 12 99").replace(OLD_HOURS, NEW_HOURS)
                    .replace("assured_date: 2026-11-20", "assured_date: 2026-11-27"), encoding="utf-8")
    git(root, "commit", "-qam", "CAF: new phone number and opening hours", when=when)


def qr_url(pdf: Path, work: Path) -> str:
    """The QR code of a leaflet as a phone camera reads it from the paper."""
    prefix = work / pdf.stem
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", pdf, prefix], check=True)
    found = {code.text for png in sorted(work.glob(f"{pdf.stem}*.png"))
             for code in zxingcpp.read_barcodes(Image.open(png))}
    assert len(found) == 1, found
    return found.pop()


def landing(site: Path, url: str) -> str:
    """The page a decoded QR code opens, read from the built site."""
    assert url.startswith(SITE_URL), url
    return (site / url.removeprefix(SITE_URL) / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build, keep the leaflets as printed, change the CAF in a later commit, build again."""
    root = repository(tmp_path_factory.mktemp("editions"))
    share_leaflet_cache(root, tmp_path_factory)
    first = mkdocs_build(root, "--strict")
    assert first.returncode == 0, first.stderr
    paper = tmp_path_factory.mktemp("paper")
    for pdf in (root / "site" / "leaflets").rglob("*.pdf"):
        shutil.copy(pdf, paper / pdf.name)
    change_phone_and_hours(root, "2026-11-27T15:00:00+01:00")
    second = mkdocs_build(root, "--strict")
    assert second.returncode == 0, second.stderr
    return {"root": root, "site": root / "site", "paper": paper,
            "work": tmp_path_factory.mktemp("png")}


def test_old_leaflet_opens_a_page_naming_both_changes_in_its_language(printed: dict[str, Path]) -> None:
    """Arabic leaflet of the first edition: the new phone (and the old one), the new hours as
    lines of days and times in Arabic; the same in French below, for a helper or a counter."""
    url = qr_url(printed["paper"] / "droits-caf.ar.a5.pdf", printed["work"])
    assert re.fullmatch(re.escape(SITE_URL) + r"go/[a-z2-9]{4}-ar/", url), url
    page = landing(printed["site"], url)
    assert 'http-equiv="refresh"' not in page  # the reader stays to read what changed
    assert '<html lang="ar" dir="rtl">' in page
    notice = page.split('<section class="notice"', 1)[1].split("</section>", 1)[0]
    assert interface.say("edition_outdated", "ar") in notice
    assert interface.say("edition_since", "ar", date=AR.date(date(2026, 11, 20))) in notice
    phone = next(li for li in notice.split("<li>") if "01 99 00 12 99" in li)
    assert "تغيّر رقم هاتف" in phone and "01 99 00 12 34" in phone  # now, and before
    assert 'href="tel:+33199001299"' in phone and "3230" not in phone  # only what changed
    hours_item = next(li for li in notice.split("<li>") if "تغيّرت مواعيد عمل" in li)
    spec = load(printed["root"] / "content").catalogue.services["ris-orangis"]["caf"].record.opening_hours  # type: ignore[union-attr]
    assert spec and spec.startswith(NEW_HOURS)
    lines = hours.describe(hours.typical_week(spec), AR, interface.say("closed", "ar"),
                           interface.say("by_appointment", "ar"))
    for line in lines:
        assert f"<th>{line.days}</th><td>{line.hours}</td>" in hours_item
    french = page.split('<section class="fr" lang="fr"', 1)[1]
    assert "le numéro de téléphone a changé" in french and "les horaires ont changé" in french
    open_link = re.search(r'<a class="open" href="([^"]+)"', page)
    assert open_link and (printed["site"] / url.removeprefix(SITE_URL) / open_link.group(1)
                          / "index.html").resolve() == (printed["site"] / "ar" / "missions"
                                                        / "droits-caf" / "index.html").resolve()


def test_new_leaflet_opens_its_page_without_notice(printed: dict[str, Path]) -> None:
    """The current edition's code is another short address, and it redirects as before."""
    url = qr_url(printed["site"] / "leaflets" / "missions" / "droits-caf.ar.a5.pdf", printed["work"])
    assert re.fullmatch(re.escape(SITE_URL) + r"go/[a-z2-9]{4}-ar-2/", url), url
    page = landing(printed["site"], url)
    assert 'http-equiv="refresh" content="0; url=../../ar/missions/droits-caf/"' in page
    assert 'class="notice"' not in page and interface.say("edition_outdated", "ar") not in page
    mission_page = (printed["site"] / "ar" / "missions" / "droits-caf" / "index.html").read_text("utf-8")
    assert url in mission_page  # the short address the mission page shows is the current one


def test_territory_leaflet_knows_too(printed: dict[str, Path]) -> None:
    """The one-page list of a territory's services is a leaflet with editions of its own."""
    old = landing(printed["site"], qr_url(printed["paper"] / "ris-orangis.zh.services.pdf",
                                          printed["work"]))
    assert "01 99 00 12 99" in old and interface.say("edition_outdated", "zh") in old
    new = landing(printed["site"], qr_url(
        printed["site"] / "leaflets" / "territories" / "ris-orangis.zh.services.pdf", printed["work"]))
    assert 'class="notice"' not in new


def test_editors_page_lists_editions_and_why_they_are_outdated(printed: dict[str, Path]) -> None:
    """In French, noindex, linked from no resident page: the paper to stop handing out."""
    page = (printed["site"] / "editors" / "editions" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page and '<html lang="fr"' in page
    mission = page.split("Mission : Vos droits à la CAF (droits-caf)", 1)[1].split("<h2>", 1)[0]
    rows = mission.split('<li class="')[1:]
    assert rows[0].startswith("current") and "-fr-2/" in rows[0]
    assert "En cours : à distribuer" in rows[0]
    assert rows[1].startswith("outdated") and "Édition 1" in rows[1]
    assert "Périmée : ne plus distribuer" in rows[1] and "01 99 00 12 99" in rows[1]
    assert "les horaires ont changé" in rows[1]
    assert "2 éditions périmées sur 4." in page
    for html in (printed["site"] / "ar").rglob("*.html"):
        assert "editors/editions" not in html.read_text(encoding="utf-8"), html
    assert "editors/" not in (printed["site"] / "sitemap.xml").read_text(encoding="utf-8")


def test_editions_command_lists_the_same(printed: dict[str, Path]) -> None:
    result = subprocess.run([sys.executable, "-m", "voisinage.cli", "leaflets", "--editions",
                             "--content", str(printed["root"] / "content")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Mission Vos droits à la CAF (droits-caf):" in out
    assert re.search(r"edition 2  printed 2026-11-27  go/[a-z2-9]{4}-fr-2/  En cours", out)
    assert re.search(r"edition 1  printed 2026-11-20  go/[a-z2-9]{4}-fr/  Périmée", out)
    assert "C'est maintenant le 01 99 00 12 99 (avant : 01 99 00 12 34)" in out
    assert "2 of 4 editions are outdated" in out


def test_history_is_read_once_and_then_from_the_cache(printed: dict[str, Path], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An unchanged repository costs one `git rev-parse`: the commits are not read again."""
    model = portal_of(printed["root"] / "content")
    before = model.editions
    monkeypatch.setattr(history, "commits", lambda *a, **k: pytest.fail("history read again"))
    again = portal_of(printed["root"] / "content").editions
    assert again.digest == before.digest and again.number(("mission", "droits-caf")) == 2


def test_a_mission_no_longer_on_the_portal_still_opens_a_page(printed: dict[str, Path], tmp_path: Path) -> None:
    """Removing a mission does not break the paper already handed out: its codes say the page
    is gone and lead to the territory."""
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(printed["root"]), str(clone))
    (clone / "content" / "missions" / "droits-caf.yml").unlink()
    git(clone, "commit", "-qam", "Mission over", when="2026-12-01T09:00:00+01:00")
    model = portal_of(clone / "content")
    redirects.write(model, tmp_path / "site")
    old = next(link for link, edition, _ in redirects.pages(model)
               if link.key == ("mission", "droits-caf") and link.lang.code == "ar" and edition.number == 1)
    page = (tmp_path / "site" / old.path / "index.html").read_text(encoding="utf-8")
    assert interface.say("edition_gone", "ar") in page
    assert 'href="../../ar/ris-orangis/"' in page


def test_a_shallow_clone_is_refused_with_what_to_do(printed: dict[str, Path], tmp_path: Path) -> None:
    """A history cut short would number editions wrongly: old QR codes would open wrong pages."""
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{printed['root']}", str(clone))
    result = subprocess.run([sys.executable, "-m", "voisinage.cli", "leaflets", "--editions",
                             "--content", str(clone / "content")], capture_output=True, text=True)
    assert result.returncode == 1
    assert "shallow clone" in result.stderr and "fetch-depth: 0" in result.stderr


def test_editions_start_on_editions_since(tmp_path: Path) -> None:
    """Commits before `editions_since` (in portal.yml) are one edition: the leaflets in print
    that day, which all carry the first short address."""
    root = repository(tmp_path)
    change_phone_and_hours(root, "2026-11-27T15:00:00+01:00")
    portal = root / "content" / "portal.yml"
    portal.write_text(portal.read_text(encoding="utf-8") + "editions_since: 2026-11-30\n", "utf-8")
    git(root, "commit", "-qam", "Editions from now on", when="2026-11-30T09:00:00+01:00")
    register = portal_of(root / "content").editions
    assert [e.number for e in register.editions[("mission", "droits-caf")]] == [1]
    assert register.editions[("mission", "droits-caf")][0].snapshot.printed == "2026-11-27"


def test_without_git_every_leaflet_is_a_first_edition(tmp_path: Path) -> None:
    model = portal_of(write_mission_portal(tmp_path) / "content")
    assert not model.editions.tracked
    assert model.leaflet_link(("mission", "droits-caf"), model.default).edition == 1


def test_shards_counting_other_editions_are_refused(tmp_path: Path) -> None:
    base = dict(records="r", territories=["a"], all_territories=["a", "b"], portal_pages=True,
                languages=["fr"], default="fr", missions={})
    one = shards.Shard(tmp_path / "one", **base, editions="x")  # type: ignore[arg-type]
    two = shards.Shard(tmp_path / "two", **{**base, "territories": ["b"], "portal_pages": False},  # type: ignore[arg-type]
                       editions="y")
    assert any("counts other leaflet editions" in p for p in shards.problems_of([one, two]))


def portal_of(content: Path) -> SiteModel:
    catalogue = load(content).catalogue
    assert catalogue is not None
    return SiteModel(catalogue)


def test_snapshot_reads_old_records_leniently() -> None:
    """A record of long ago may not follow today's schema: what cannot be read counts as absent."""

    class Files:
        def value(self, path: str) -> object:
            return {"missions/m.yml": {"territory": "t", "services": ["s", 3]},
                    "territories/t.yml": {"branch": {"name": "B", "phones": "none"}},
                    "services/t/s.yml": {"phones": [{"number": "01 99 00 12 34"}, "x"],
                                         "assured_date": "not a date", "opening_hours": 9}}.get(path)

        def paths(self, folder: str) -> list[str]:
            return []

    snap = editions.snapshot_of(("mission", "m"), Files())
    assert snap is not None and snap.printed is None and snap.mission_end is None
    assert snap.services["s"].phones == ("01 99 00 12 34",) and snap.services["s"].hours is None


def test_printing_records_not_committed_yet_is_warned(printed: dict[str, Path], tmp_path: Path) -> None:
    """Their edition number is not in the history yet: another change committed first would
    take it, and these leaflets' QR code would open that edition's page."""
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(printed["root"]), str(clone))
    caf = clone / CAF
    caf.write_text(caf.read_text(encoding="utf-8").replace("01 99 00 12 99", "01 99 00 12 98"),
                   encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "voisinage.cli", "leaflets", "--mission",
                             "droits-caf", "--lang", "fr", "--format", "a5", "--out",
                             str(tmp_path / "out"), "--content", str(clone / "content")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert ("warning: the leaflets of mission droits-caf show records not committed yet "
            "(edition 3): commit them before handing these leaflets out") in result.stderr
    assert re.search(r"go/[a-z2-9]{4}-fr-3/", result.stdout), result.stdout

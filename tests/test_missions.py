"""Door-to-door missions: checked like every record, a page in every language, a report for the
partner (table, bars, CSV, no personal data) and running totals on the home page."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CAF, mkdocs_build, write_portal

from voisinage.exports.reports import report_csv
from voisinage.records.checks import check
from voisinage.records.loading import load
from voisinage.records.missions import totals

LANGS = ["fr", "en", "ar", "zh"]

MISSION = """\
territory: ris-orangis
partner: caf
theme: rights
period: {start: 2026-10-05, end: 2026-10-23}
headline:
  fr: "Vos droits à la CAF"
  en: "Your rights at the CAF"
  ar: "حقوقك لدى صندوق الإعانات العائلية"
  zh: "您在家庭补助局的权利"
message:
  fr: "Les Voisins Malins vous aident à demander les aides de la CAF. C'est gratuit."
  en: "Smart Neighbours help you apply for CAF benefits. It is free."
  ar: "يساعدك الجيران الأذكياء في طلب مساعدات الصندوق. الخدمة مجانية."
  zh: "“聪明邻居”帮您申请家庭补助局的补助。免费。"
services: [caf]
example: true
machine_translations: [ar, zh]
results:
  doors_knocked: 120
  households_met: 48
  languages_used:
    - {language: fr, households: 30}
    - {language: ar, households: 12}
    - {language: zh, households: 6}
  needs:
    - theme: rights
      households: 20
      notes: ["Plusieurs foyers ne connaissaient pas la prime d'activité."]
    - theme: culture
      households: 5
  notes: ["Chiffres de test."]
"""

UPCOMING = """\
territory: ris-orangis
partner: caf
theme: rights
period: {start: 2099-01-05, end: 2099-01-30}
headline: {fr: "Bientôt chez vous", en: "Coming to your door", ar: "قريبًا عند بابك", zh: "即将上门"}
message: {fr: "Nous passerons bientôt.", en: "We will come soon.", ar: "سنمر قريبًا.", zh: "我们很快就来。"}
services: [caf]
"""


def write_mission_portal(root: Path, missions: dict[str, str] | None = None) -> Path:
    """The tiny test portal (fr, en, ar, zh) with missions in content/missions/."""
    write_portal(root, {"caf": CAF})
    folder = root / "content" / "missions"
    folder.mkdir()
    for name, text in (missions if missions is not None else {"droits-caf": MISSION}).items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return root


def share_leaflet_cache(root: Path, factory: pytest.TempPathFactory) -> None:
    """Builds of the same portal in this session share rendered leaflets, as builds do on a machine."""
    shared = factory.getbasetemp() / "voisinage-leaflet-cache"
    shared.mkdir(exist_ok=True)
    (root / ".cache").mkdir()
    (root / ".cache" / "voisinage").symlink_to(shared, target_is_directory=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_mission_portal(tmp_path_factory.mktemp("missions"),
                                {"droits-caf": MISSION, "bientot": UPCOMING})
    share_leaflet_cache(root, tmp_path_factory)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


def page(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "fr" else f"{lang}/"
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    return [str(p) for p in check(load(root / "content"))]


# -- validation ------------------------------------------------------------------------------

def test_a_clean_mission_passes_the_check(tmp_path: Path) -> None:
    """The test mission itself is valid."""
    assert problems_of(write_mission_portal(tmp_path)) == []


def test_unknown_service_names_file_line_and_field(tmp_path: Path) -> None:
    """A featured service that does not exist points at the list item and says what to create."""
    root = write_mission_portal(tmp_path, {"m": MISSION.replace("services: [caf]", "services: [caf, cafe]")})
    assert problems_of(root) == [
        ('content/missions/m.yml:15:17: services[1]: expected a service of ris-orangis (caf), '
         'found "cafe" — did you mean "caf"? Or create content/services/ris-orangis/cafe.yml')]


def test_missing_site_url_is_an_error(tmp_path: Path) -> None:
    """Without site_url the QR codes would point nowhere: portal.yml must say where the site is."""
    root = write_mission_portal(tmp_path)
    portal = root / "content" / "portal.yml"
    portal.write_text(portal.read_text(encoding="utf-8").replace(
        'site_url: "https://example.org/test/"\n', ""), encoding="utf-8")
    found = problems_of(root)
    assert len(found) == 1
    assert found[0].startswith("content/portal.yml:1:1: site_url: the leaflets' QR codes need")


def test_text_too_long_for_the_leaflet_is_an_error(tmp_path: Path) -> None:
    """A character limit per field is the first line of defence against overflowing leaflets."""
    long = "نص طويل جدا " * 30
    root = write_mission_portal(tmp_path, {"m": MISSION.replace(
        '  ar: "يساعدك الجيران الأذكياء في طلب مساعدات الصندوق. الخدمة مجانية."', f'  ar: "{long}"')})
    (found,) = problems_of(root)
    assert found.startswith("content/missions/m.yml:13:7: message.ar: too long for the leaflet: "
                            "359 characters, at most 260")


def test_results_must_add_up_and_stay_anonymous(tmp_path: Path) -> None:
    """More households than doors, or a phone number in a note, are refused."""
    bad = (MISSION.replace("households_met: 48", "households_met: 480")
           .replace('"Chiffres de test."', '"Mme X., 06 39 98 12 34, veut être rappelée"'))
    found = problems_of(write_mission_portal(tmp_path, {"m": bad}))
    assert any(":20:19: results.households_met: expected at most the doors knocked (120)" in p
               for p in found)
    assert any("results.notes[0]: notes must stay anonymous" in p for p in found)


# -- report ----------------------------------------------------------------------------------

def test_report_csv_has_every_figure(tmp_path: Path) -> None:
    """The CSV for the partner: one row per figure, French labels, UTF-8 with a BOM."""
    catalogue = load(write_mission_portal(tmp_path) / "content").catalogue
    assert catalogue is not None
    text = report_csv(catalogue, "droits-caf")
    assert text.startswith("\ufeffmission,territoire,partenaire,debut,fin,mesure")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    figures = {(r["mesure"], r["code"]): r["foyers"] for r in rows if r["foyers"]}
    assert figures == {("doors_knocked", ""): "120", ("households_met", ""): "48",
                       ("language", "fr"): "30", ("language", "ar"): "12", ("language", "zh"): "6",
                       ("need", "rights"): "20", ("need", "culture"): "5"}
    assert {r["libelle"] for r in rows if r["mesure"] == "language"} == {"français", "arabe", "chinois"}
    assert [r["remarque"] for r in rows if r["mesure"] == "note"] == [
        "Plusieurs foyers ne connaissaient pas la prime d'activité.", "Chiffres de test."]


def test_totals_add_up_reported_missions_only(tmp_path: Path) -> None:
    """Running totals count every mission, and figures of those that reported."""
    root = write_mission_portal(tmp_path, {"a": MISSION, "b": MISSION, "c": UPCOMING})
    catalogue = load(root / "content").catalogue
    assert catalogue is not None
    t = totals(catalogue)
    assert (t.missions, t.reported, t.doors_knocked, t.households_met, t.languages) == (3, 2, 240, 96, 3)


# -- built site ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_mission_and_report_pages_exist_in_every_language(site: Path, lang: str) -> None:
    """A mission page and its report page per language, in that language."""
    for path in ["missions/droits-caf/", "missions/droits-caf/report/", "missions/bientot/"]:
        assert f'<html lang="{lang}"' in page(site, lang, path)
    assert not (site / "missions" / "bientot" / "report").exists()


def test_mission_page_tells_what_who_when_and_links_leaflets(site: Path) -> None:
    """Headline, message, partner, period, featured services, leaflets and short address."""
    html = page(site, "ar", "missions/droits-caf/")
    assert "حقوقك لدى صندوق الإعانات العائلية" in html and "يساعدك الجيران الأذكياء" in html
    assert "Caisse d'allocations familiales (CAF)" in html.replace("&#39;", "'")
    assert 'href="../../../ar/ris-orangis/caf/"' in html or 'href="../../ris-orangis/caf/"' in html
    pdfs = re.findall(r'href="([^"]+\.pdf)"', html)
    assert len(pdfs) == 4  # A5 and A4 sheet, in Arabic and in French
    for href in pdfs:
        assert (site / "ar" / "missions" / "droits-caf" / href).resolve().is_file(), href
    short = re.search(r'href="(https://example.org/test/go/([a-z2-9]+-ar)/)"', html)
    assert short, "the page shows its short address"
    assert (site / "go" / short.group(2) / "index.html").is_file()


def test_report_page_has_table_bars_and_no_personal_data(site: Path) -> None:
    """Figures in a table, bars as inline SVG (no script, no third party), anonymous notes."""
    html = page(site, "fr", "missions/droits-caf/report/")
    assert re.search(r"Portes frappées</th><td>120</td>", html)
    assert re.search(r"Foyers rencontrés</th><td>48 \(40\s?%\)</td>", html)
    assert html.count('<svg class="v-bar"') == 5  # 3 languages + 2 needs
    assert "Plusieurs foyers ne connaissaient pas la prime d’activité." in html.replace("'", "’") or \
        "prime d&#39;activité" in html
    body = html.split('class="md-content"', 1)[-1]
    assert "<script" not in body.split("</article>", 1)[0]
    csv_link = re.search(r'href="([^"]+\.csv)"', html)
    assert csv_link and (site / "missions" / "droits-caf" / "report" / csv_link.group(1)).resolve().is_file()


def test_home_shows_running_totals(site: Path) -> None:
    """The home page adds up the missions' results, in each language's digits and words."""
    fr = page(site, "fr", "")
    assert re.search(r"<strong>120</strong> Portes frappées", fr)
    assert re.search(r"<strong>48</strong> Foyers rencontrés", fr)
    assert 'href="missions/droits-caf/"' in fr and 'href="missions/bientot/"' in fr
    assert "à venir" in fr
    assert "Doors knocked" in page(site, "en", "")


def test_territory_page_links_its_missions_and_services_leaflet(site: Path) -> None:
    """From the neighbourhood: its missions, and its one-page list of services to print."""
    html = page(site, "zh", "ris-orangis/")
    assert 'href="../missions/droits-caf/"' in html
    pdfs = re.findall(r'href="([^"]+\.pdf)"', html)
    assert pdfs and all((site / "zh" / "ris-orangis" / h).resolve().is_file() for h in pdfs)


def test_missions_are_searched_with_their_territory(site: Path) -> None:
    """A mission's pages are in its territory's search index, not in the portal-wide one that
    every territory's index includes: what a resident downloads does not grow with missions."""
    def locations(path: str) -> list[str]:
        index = json.loads((site / path / "search" / "search_index.json").read_text("utf-8"))
        return [d["location"] for d in index["docs"]]

    assert any(x.startswith("../missions/droits-caf/") for x in locations("ar/ris-orangis"))
    assert not any("missions/" in x for x in locations("ar"))
    assert '"base": "../../ris-orangis/"' in page(site, "ar", "missions/droits-caf/")


def test_redirect_pages_are_static_noindex_and_visible(site: Path) -> None:
    """A short address: meta refresh, a link to tap, and no search-engine indexing."""
    pages = sorted((site / "go").glob("*/index.html"))
    assert len(pages) == 2 * 4 + 4  # two missions and one territory, 4 languages
    for redirect in pages:
        html = redirect.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html
        target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
        assert target and f'<a href="{target.group(1)}">' in html
        assert (redirect.parent / target.group(1) / "index.html").resolve().is_file()


def test_period_dates_are_localized(site: Path) -> None:
    """Dates come from CLDR in the page's language."""
    assert "5 octobre 2026" in page(site, "fr", "missions/droits-caf/")
    assert "2026年10月5日" in page(site, "zh", "missions/droits-caf/")


def test_a_build_that_fails_late_leaves_no_site(tmp_path: Path) -> None:
    """Records that pass `voisinage check` but do not fit their leaflet (a word wider than the
    leaflet's column) fail the build after the pages are written: the half-made site is removed,
    so nothing is published, as the message says."""
    word = "Caissedallocationsfamilialesdelessonneantenneduplateauderisorangisetdesquartiersvoisins"
    root = write_mission_portal(tmp_path)
    caf = root / "content" / "services" / "ris-orangis" / "caf.yml"
    caf.write_text(CAF.replace('fr: "Caisse d\'allocations familiales (CAF)"', f'fr: "{word}"'),
                   encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "voisinage.cli", "check"], cwd=root,
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "caf.yml:2:7: name.fr:" in result.stderr, result.stderr[-3000:]
    assert "nothing was published" in result.stderr
    assert not (root / "site").exists()

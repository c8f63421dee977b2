"""Figures that expire: a service's `valid_until`. After it, `check` warns on its line (and
fails with --strict), the page says so in the reader's language and in the French counter box,
a mission leaflet featuring it is refused with file and line, territory leaflets leave it out,
and the open data say so."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers import CAF, TRICKY, mkdocs_build, write_portal
from test_exports import assert_valid, hsds_validator
from test_missions import write_mission_portal

from voisinage import cli, exports
from voisinage.model.leaflets import leaflets_of
from voisinage.model.site_model import SiteModel
from voisinage.paper.making import make
from voisinage.records.loading import load
from voisinage.records.problems import RecordsError

EXPIRED = CAF.replace("assured_date: 2026-11-20\n",
                      "assured_date: 2026-11-20\nvalid_until: 2026-03-31\n")
"""The CAF record with figures that held until 31 March 2026 (line 29: valid_until)."""
LATER = TRICKY.replace("assured_date: 2026-10-01\n",
                       "assured_date: 2026-10-01\nvalid_until: 2027-06-30\n")
"""A record whose figures still hold, until 30 June 2027."""
TODAY = "2026-12-01"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return subprocess.run([sys.executable, "-m", "voisinage.cli", *args], capture_output=True,
                          text=True, check=False, env={**environ, **(env or {})}, timeout=300)


def portal_of(content: Path, today: date | None = None) -> SiteModel:
    catalogue = load(content).catalogue
    assert catalogue is not None
    return SiteModel(catalogue, today=today)


# -- voisinage check and stale -------------------------------------------------------------------
def test_expired_figures_are_a_warning_on_their_line_that_fails_with_strict(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The warning names the file, line, field, the date and what to do."""
    content = write_portal(tmp_path, {"caf": EXPIRED, "tricky": LATER}) / "content"
    assert cli.main(["check", "--content", str(content), "--today", TODAY]) == 0
    out = capsys.readouterr().out
    assert ("content/services/ris-orangis/caf.yml:29:14: warning: valid_until: the figures of "
            "this service held until 2026-03-31, 245 days ago: its page now tells residents to ask "
            "the service for the current ones, and leaflets leave it out — check the current "
            "figures at the source, correct the texts, then set valid_until to the last day the "
            "new figures hold") in out
    assert "tricky.yml" not in out  # its figures hold until 2027
    assert cli.main(["check", "--strict", "--content", str(content), "--today", TODAY]) == 1
    capsys.readouterr()
    # The day itself is still valid: the figures hold until the end of valid_until.
    cli.main(["check", "--content", str(content), "--today", "2026-03-31"])
    assert "valid_until" not in capsys.readouterr().out


def test_expired_figures_are_annotated_on_the_pull_request(tmp_path: Path) -> None:
    root = write_portal(tmp_path, {"caf": EXPIRED})
    result = run("check", "--content", str(root / "content"), "--today", TODAY,
                 env={"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(root)})
    assert result.returncode == 0, result.stderr
    assert ("::warning file=content/services/ris-orangis/caf.yml,line=29,col=14,"
            "title=valid_until::the figures of this service held until 2026-03-31") in result.stdout


def test_a_mission_featuring_expired_figures_is_an_error_on_its_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = write_mission_portal(tmp_path)
    (root / "content" / "services" / "ris-orangis" / "caf.yml").write_text(EXPIRED, encoding="utf-8")
    assert cli.main(["check", "--content", str(root / "content"), "--today", TODAY]) == 1
    assert ('content/missions/droits-caf.yml:15:12: services[0]: the figures of "caf" held until '
            "2026-03-31 (content/services/ris-orangis/caf.yml:29): the leaflets of this mission "
            "cannot be made") in capsys.readouterr().out


def test_stale_lists_expired_figures_beside_unchecked_services(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    content = write_portal(tmp_path, {"caf": EXPIRED, "tricky": LATER}) / "content"
    assert cli.main(["stale", "--content", str(content), "--today", "2027-05-15"]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x]
    assert lines[0].startswith("Services last checked more than 183 days before 2027-05-15")
    start = lines.index("Figures past their valid_until date, or within 60 days of it, by territory:")
    assert lines[start + 1] == "ris-orangis:"
    assert lines[start + 2].split() == ["2026-03-31", "expired", "410", "days", "ago",
                                        "content/services/ris-orangis/caf.yml:29", "Caisse",
                                        "d'allocations", "familiales", "(CAF)"]
    assert lines[start + 3].split()[:4] == ["2027-06-30", "46", "days", "left"]
    assert lines[start + 4].startswith("1 of them show figures that no longer hold, 1 soon")


# -- leaflets ----------------------------------------------------------------------------------
def test_mission_leaflet_featuring_expired_figures_is_refused_with_file_and_line(tmp_path: Path) -> None:
    root = write_mission_portal(tmp_path)
    (root / "content" / "services" / "ris-orangis" / "caf.yml").write_text(EXPIRED, encoding="utf-8")
    portal = portal_of(root / "content", date(2026, 12, 1))
    with pytest.raises(RecordsError) as error:
        make(portal, leaflets_of(portal, territories=[]), tmp_path / "cache")
    assert [str(p) for p in error.value.problems] == [
        "content/services/ris-orangis/caf.yml:29:14: valid_until: the leaflets of mission "
        "droits-caf (content/missions/droits-caf.yml:15) feature this service, whose figures held "
        "until 2026-03-31: they are not made — correct the figures and valid_until, or remove the "
        "service from the mission's `services`"]
    assert not (tmp_path / "cache").exists()  # refused before anything is laid out
    result = run("leaflets", "--mission", "droits-caf", "--out", str(tmp_path / "out"),
                 "--content", str(root / "content"))
    assert result.returncode == 1
    assert "content/services/ris-orangis/caf.yml:29:14: valid_until: the leaflets of mission" \
        in result.stderr
    assert not (tmp_path / "out").exists()


def test_territory_leaflets_leave_expired_services_out_and_say_so(tmp_path: Path) -> None:
    root = write_portal(tmp_path, {"caf": EXPIRED, "tricky": TRICKY})
    result = run("leaflets", "--territory", "ris-orangis", "--lang", "fr", "--out",
                 str(tmp_path / "out"), "--content", str(root / "content"))
    assert result.returncode == 0, result.stderr
    assert ("content/services/ris-orangis/caf.yml: the figures of this service held until "
            "2026-03-31: the leaflets of ris-orangis leave it out (its page says so)") in result.stderr
    for name in ("ris-orangis.fr.services.pdf", "ris-orangis.fr.guide.pdf"):
        text = subprocess.run(["pdftotext", tmp_path / "out" / name, "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Aide aux devoirs" in text and "allocations familiales" not in text, name


# -- pages -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A portal (no mission) with one service past its valid_until, one before it. Leaving the
    expired service out of the territory's leaflets is a warning of the build: `--strict` (the
    CI's build) stops on it, like on any warning, until the figures are corrected."""
    root = write_portal(tmp_path_factory.mktemp("expiry"), {"caf": EXPIRED, "tricky": LATER})
    assert mkdocs_build(root, "--strict").returncode == 1
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert ("WARNING -  voisinage: content/services/ris-orangis/caf.yml: the figures of this "
            "service held until 2026-03-31: the leaflets of ris-orangis leave it out") in result.stderr
    return root / "site"


@pytest.mark.parametrize("lang,notice,checked", [
    ("fr", "Ces chiffres étaient valables jusqu’au 31 mars 2026. Demandez les chiffres actuels au service.",
     "Informations vérifiées le 20 novembre 2026, avec des chiffres valables seulement jusqu’au 31 mars 2026"),
    ("ar", "كانت هذه الأرقام سارية حتى 31 مارس 2026. اسأل الخدمة عن الأرقام الحالية.",
     "تم التحقق من المعلومات في 20 نوفمبر 2026، وأرقامها كانت سارية فقط حتى 31 مارس 2026"),
    ("zh", "这些数字的有效期截至 2026年3月31日。请向该服务询问现行的数字。",
     "信息核实日期：2026年11月20日；其中的数字仅在 2026年3月31日 之前有效"),
])
def test_page_says_its_figures_expired_in_the_readers_language(site: Path, lang: str, notice: str,
                                                               checked: str) -> None:
    """At the top and on the checked line, in the reader's language; and in the counter box in
    French for the staff."""
    prefix = site if lang == "fr" else site / lang
    html = (prefix / "ris-orangis" / "caf" / "index.html").read_text(encoding="utf-8")
    html = html.replace("&#39;", "’").replace("'", "’")
    body = html.split('class="md-content"', 1)[1]
    top = body.index(notice)
    assert top < body.index('id="what"')  # before what the service is for
    assert 'class="v-expired" role="note">' in body  # shown without JavaScript
    assert checked in body
    if lang != "fr":
        counter = body.split('class="v-counter"', 1)[1]
        assert "Ces chiffres étaient valables jusqu’au 31 mars 2026" in counter


def test_page_whose_figures_still_hold_says_until_when(site: Path) -> None:
    """The notice is there but hidden, for voisinage.js to show once the day has passed."""
    html = (site / "ris-orangis" / "tricky" / "index.html").read_text(encoding="utf-8")
    assert 'data-valid-until="2027-06-30" hidden' in html
    assert "Informations vérifiées le 1 octobre 2026 · chiffres valables jusqu&#39;au 30 juin 2027" in html


def test_a_page_kept_since_before_the_day_shows_the_notice_once_it_passed(site: Path) -> None:
    """A phone that kept the page offline (or a site not rebuilt) still tells the truth."""
    from browser import chromium, phone, serve

    with serve(site) as base, chromium() as browser, phone(browser) as context:
        page = context.new_page()
        page.clock.set_fixed_time("2027-07-01T10:00:00")
        page.goto(base + "ris-orangis/tricky/")
        assert page.locator(".v-expired").first.is_visible()
        page.clock.set_fixed_time("2027-06-30T10:00:00")
        page.reload()
        assert not page.locator(".v-expired").first.is_visible()


# -- open data ---------------------------------------------------------------------------------
def test_open_data_carry_the_date_and_say_when_it_passed(tmp_path: Path) -> None:
    """HSDS: cost_options[].valid_to (its one field for how long figures hold) and an alert once
    past; data·inclusion (no such field): a sentence in the description; CSV: a column."""
    content = write_portal(tmp_path, {"caf": EXPIRED.replace(
        "machine_translations", 'fees_description: {fr: "Gratuit."}\nmachine_translations'),
        "tricky": LATER}) / "content"
    portal = portal_of(content, date(2026, 12, 1))
    exports.write_all(portal, tmp_path / "site")
    hsds = json.loads((tmp_path / "site" / "data" / "hsds" / "services.json").read_text("utf-8"))
    caf = next(s for s in hsds if s["alternate_name"] == "CAF")
    assert caf["cost_options"] == [{"id": caf["cost_options"][0]["id"], "service_id": caf["id"],
                                    "valid_to": "2026-03-31", "amount_description": "Gratuit."}]
    assert_valid(hsds_validator("service"), hsds)  # cost_options as HSDS 3.0 has them
    assert caf["alert"].startswith("Les chiffres de cette fiche (plafonds, montants, dates) "
                                   "étaient valables jusqu'au 31 mars 2026")
    assert "alert" not in next(s for s in hsds if s.get("alternate_name") != "CAF")
    structures = json.loads((tmp_path / "site" / "data" / "data-inclusion" / "services.json")
                            .read_text("utf-8"))
    assert next(s for s in structures if s["nom"].startswith("Caisse"))["description"].startswith(
        "Les chiffres de cette fiche")
    with (tmp_path / "site" / "data" / "services.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = {r["service"]: r for r in csv.DictReader(f, delimiter=";")}
    assert rows["caf"]["chiffres_valables_jusqu_au"] == "2026-03-31"
    assert rows["tricky"]["chiffres_valables_jusqu_au"] == "2027-06-30"


# -- sources -----------------------------------------------------------------------------------
@pytest.mark.parametrize("url,kind", [
    ("https://dev.larevuedupraticien.fr/article/la-pmi", "a development server"),
    ("https://ancien-site.lenord.fr/jcms/pmi", "an archived copy of an old site"),
    ("https://web.archive.org/web/2020/https://www.caf.fr/", "an archived copy of an old site"),
])
def test_a_source_on_a_development_or_archived_host_is_a_warning(tmp_path: Path, capsys, url: str,  # type: ignore[no-untyped-def]
                                                                 kind: str) -> None:
    caf = CAF.replace("https://caf.fr/allocataires/actualites/2020/un-numero-unique-pour-contacter-la-caf-le-3230", url)
    content = write_portal(tmp_path, {"caf": caf}) / "content"
    assert cli.main(["check", "--content", str(content), "--today", TODAY]) == 0
    out = capsys.readouterr().out
    assert "content/services/ris-orangis/caf.yml:29:9: warning: source: " in out
    assert f"looks like {kind}" in out and "link the public body's own page instead" in out
    assert cli.main(["check", "--strict", "--content", str(content), "--today", TODAY]) == 1


def test_example_content_gives_no_expired_figure_and_no_weak_source() -> None:
    """The portal in content/ tells the truth today: `check --strict` passes, and every
    valid_until lies ahead."""
    repo = Path(__file__).resolve().parent.parent
    result = run("check", "--strict", "--content", str(repo / "content"), "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    catalogue = load(repo / "content").catalogue
    assert catalogue is not None
    for entry in catalogue.all_services():
        until = entry.record.valid_until
        assert until is None or until >= date(2026, 12, 1), entry.path

"""From the door to the counter (issue #13), in a real browser at a 360×740 phone size: the QR
code's landing page reaches the Smart Neighbours, search finds what residents type, "open now"
is right at fixed times, a mission page's services open offline."""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from browser import chromium, phone, serve
from helpers import CAF, REPO, mkdocs_build
from test_missions import MISSION, share_leaflet_cache, write_mission_portal

from voisinage.frontends.mkdocs.search import forms
from voisinage.hours import PARIS, public_holidays
from voisinage.languages import Lang

TODAY = date.today()

TERRITORY = """\
name: {fr: "Ris-Orangis — Le Plateau", en: "Ris-Orangis — Le Plateau", ar: "ريس أورانجيس", zh: "里斯奥朗吉斯"}
town: "Ris-Orangis"
department: {code: "91", name: "Essonne"}
bounds: {south: 48.62, west: 2.38, north: 48.67, east: 2.44}
branch:
  name: "Voisin Malin Ris-Orangis (exemple)"
  phones: [{number: "01 99 00 10 00"}]
  sms: "01 99 00 10 01"
  whatsapp: "01 99 00 10 01"
  languages: [fr, ar, ta]
  sessions:
    - place: {fr: "Centre social du Plateau", ar: "المركز الاجتماعي"}
      opening_hours: "We 14:00-17:00; PH off"
"""


def _weekday_after(start: date, weekday: int) -> date:
    day = start + timedelta(days=1)
    while day.weekday() != weekday or day in public_holidays([day.year]):
        day += timedelta(days=1)
    return day


CLOSED_FROM = _weekday_after(TODAY + timedelta(days=7), 0)  # a Monday, in the coming weeks

SCHOOL = f"""\
name: {{fr: "Inscription à l'école", en: "School enrolment", ar: "التسجيل في المدرسة", zh: "学校注册"}}
aliases: ["inscription scolaire"]
description: {{fr: "Pour inscrire un enfant à l'école.", en: "To enrol a child at school.", ar: "لتسجيل طفل في المدرسة.", zh: "为孩子办理入学。"}}
themes: [rights]
address: {{address_1: "1 place de l'Exemple", city: "Ris-Orangis", postal_code: "91130"}}
opening_hours: "Mo-Fr 09:00-12:00; PH off"
temporary_closure:
  start: {CLOSED_FROM.isoformat()}
  end: {(CLOSED_FROM + timedelta(days=2)).isoformat()}
  message: {{fr: "Travaux.", en: "Building work."}}
assured_date: 2026-11-20
example: true
"""

HELPLINE = """\
name: {fr: "115 — Hébergement d'urgence", en: "115 — Emergency shelter", ar: "115 — الإيواء الطارئ", zh: "115 — 紧急住宿"}
kind: helpline
description: {fr: "Un hébergement pour la nuit.", en: "A place to sleep tonight."}
themes: [rights]
french_required: false
phones: [{number: "115"}]
opening_hours: "24/7"
assured_date: 2026-11-20
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_mission_portal(tmp_path_factory.mktemp("journey"), {"droits-caf": MISSION})
    (root / "content" / "territories" / "ris-orangis.yml").write_text(TERRITORY, encoding="utf-8")
    folder = root / "content" / "services" / "ris-orangis"
    (folder / "caf.yml").write_text(CAF, encoding="utf-8")
    (folder / "ecole.yml").write_text(SCHOOL, encoding="utf-8")
    (folder / "urgence.yml").write_text(HELPLINE, encoding="utf-8")
    share_leaflet_cache(root, tmp_path_factory)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def base(site: Path):  # type: ignore[no-untyped-def]
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("path", ["ar/missions/droits-caf/", "zh/missions/droits-caf/",
                                  "ar/ris-orangis/", "missions/droits-caf/"])
def test_qr_landing_page_calls_the_smart_neighbours_above_the_fold(browser, base: str, path: str) -> None:  # type: ignore[no-untyped-def]
    with phone(browser) as context:
        page = context.new_page()
        page.goto(base + path)
        call = page.locator(".v-branch a[href='tel:+33199001000']")
        box = call.bounding_box()
        assert box and box["y"] + box["height"] <= 740, box  # in the first screen, no scrolling
        assert page.locator(".v-branch a[href='sms:+33199001001']").is_visible()
        assert page.locator(".v-branch a[href='https://wa.me/33199001001']").count() == 1
        assert page.locator(".v-sessions").is_visible()


def test_emergency_numbers_are_one_tap_away(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    with phone(browser) as context:
        page = context.new_page()
        for path in ["ar/", "ta/ris-orangis/" if False else "zh/ris-orangis/"]:
            page.goto(base + path)
            links = {a.get_attribute("href") for a in page.locator(".v-emergency a.v-dial").all()}
            assert {"tel:15", "tel:17", "tel:18", "tel:112", "sms:114", "tel:115", "tel:119",
                    "tel:3919"} == links
            source = page.locator(".v-emergency .v-source a").get_attribute("href")
            assert source == "https://www.service-public.fr/particuliers/vosdroits/F33954"


def test_a_helpline_says_how_to_call_and_has_no_counter(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    with phone(browser) as context:
        page = context.new_page()
        page.goto(base + "en/ris-orangis/urgence/")
        assert page.locator("h2#call").inner_text() == "How to call"
        assert page.locator("a.v-call[href='tel:115']").is_visible()
        assert page.get_by_text("Open 24 hours a day, 7 days a week").is_visible()
        assert page.locator("h2#where").count() == 0 and page.locator(".v-counter").count() == 0
        assert "at the counter" not in page.locator("article").inner_text()


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("ar", "سكن", "صندوق الإعانات العائلية"),  # "housing" without its article: text has السكن
    ("ar", "السكن", "صندوق الإعانات العائلية"),  # with it
    ("ar", "إعانات", "صندوق الإعانات العائلية"),  # hamza and no article
    ("ar", "ecole", "التسجيل في المدرسة"),  # a French name without accents, from Arabic
    ("zh", "ecole", "学校注册"),  # and from Chinese
    ("fr", "ecole", "Inscription à l'école"),
    ("zh", "scolaire", "学校注册"),  # a declared alias
])
def test_search_finds_what_residents_type(browser, base: str, lang: str, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    with phone(browser) as context:
        page = context.new_page()
        prefix = "" if lang == "fr" else f"{lang}/"
        page.goto(f"{base}{prefix}ris-orangis/")
        page.locator("label.md-header__button[for='__search']").click()
        field = page.locator("input.md-search__input")
        field.press_sequentially(query, delay=30)
        field.press("End")
        results = page.locator(".md-search-result__list")
        results.locator("li").first.wait_for(timeout=10_000)
        assert expected in results.inner_text().replace("\u200b", "")


def test_query_and_index_forms_agree(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    """voisinage.js gives the query the same forms the build gave the index."""
    words = ["الصندوق", "والمساعدات", "للأطفال", "أسرة", "بالمدرسة", "Santé", "l'école",
             "d’allocations", "Œuvre", "Déchèterie", "solidarité", "CAF", "家庭", "பள்ளி"]
    with phone(browser) as context:
        page = context.new_page()
        page.goto(base + "ar/")
        assert page.evaluate("w => w.map(window.voisinageForms)", words) == [forms(w) for w in words]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), PARIS)


def _open_now(browser, base: str, path: str, moment: datetime) -> str:  # type: ignore[no-untyped-def]
    with phone(browser, timezone_id="Europe/Paris") as context:
        page = context.new_page()
        page.clock.set_fixed_time(moment)
        page.goto(base + path)
        line = page.locator(".v-open-now").first
        line.wait_for(state="visible")
        return _spaces(line.inner_text())


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_open_now_on_a_weekday_morning(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    tuesday = _weekday_after(TODAY, 1)
    en = Lang("en", "English", "ltr")
    said = _open_now(browser, base, "en/ris-orangis/caf/", _at(tuesday, 10))
    assert said == _spaces(f"Open now · closes at {en.time(time(12, 0))}"), said
    said = _open_now(browser, base, "en/ris-orangis/caf/", _at(tuesday, 12, 30))
    assert said == _spaces(f"Closed now · opens today at {en.time(time(13, 30))}"), said
    said = _open_now(browser, base, "ris-orangis/caf/", _at(tuesday, 19))
    assert said == "Fermé maintenant · ouvre demain à 14:00", said  # Wednesday: afternoon only
    monday = _weekday_after(TODAY, 0)
    said = _open_now(browser, base, "ris-orangis/caf/", _at(monday, 19))
    assert said == "Fermé maintenant · ouvre demain à 09:00", said


def test_open_now_on_a_public_holiday(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    feasts = public_holidays([TODAY.year, TODAY.year + 1])
    holiday = min(d for d in feasts if TODAY < d <= TODAY + timedelta(days=80))
    said = _open_now(browser, base, "ris-orangis/caf/", _at(holiday, 10))
    assert said.startswith("Fermé maintenant · ouvre ") and feasts[holiday] in said, said
    assert "jour férié" in said


def test_open_now_during_a_temporary_closure(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    en = Lang("en", "English", "ltr")
    said = _open_now(browser, base, "en/ris-orangis/ecole/", _at(CLOSED_FROM, 10))
    reopens = CLOSED_FROM + timedelta(days=3)  # a Thursday
    assert said.startswith(_spaces("Closed now · opens Thursday at " + en.time(time(9, 0)))), said
    assert "Temporarily closed" in said
    assert reopens.weekday() == 3


def test_hours_table_stays_without_javascript(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    with phone(browser, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(base + "ar/ris-orangis/caf/")
        assert page.locator("table.v-hours").first.is_visible()
        assert not page.locator(".v-open-now").first.is_visible()


def test_mission_services_open_offline_after_one_visit(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    with phone(browser) as context:
        page = context.new_page()
        kept: list[int] = []
        page.expose_function("voisinageKept", lambda pages: kept.append(pages))
        page.add_init_script("""navigator.serviceWorker && navigator.serviceWorker.addEventListener(
            "message", e => e.data && e.data.type === "pages-kept" && window.voisinageKept(e.data.pages))""")
        page.goto(base + "ar/missions/droits-caf/", wait_until="networkidle")
        for _ in range(100):
            if kept:
                break
            page.wait_for_timeout(100)
        assert kept and kept[0] >= 3, kept  # the mission, its territory, its service
        context.set_offline(True)
        page.goto(base + "ar/ris-orangis/caf/")  # a featured service, never opened online
        assert "صندوق الإعانات العائلية" in page.content()
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        page.goto(base + "ar/glossary/")  # never kept: the notice in Arabic, not "Offline"
        assert page.locator("html").get_attribute("lang") == "ar"
        assert "لا يوجد اتصال" in page.locator("h1").inner_text()
        context.set_offline(False)


@pytest.mark.parametrize("javascript", [True, False])
def test_no_page_is_wider_than_a_small_phone(browser, base: str, javascript: bool) -> None:  # type: ignore[no-untyped-def]
    with phone(browser, viewport={"width": 320, "height": 640},
               java_script_enabled=javascript) as context:
        page = context.new_page()
        for path in ["", "ar/", "ar/ris-orangis/", "ta/ris-orangis/caf/", "zh/missions/droits-caf/",
                     "ar/missions/droits-caf/report/", "en/glossary/", "404.html",
                     "ar/ris-orangis/urgence/"]:
            page.goto(base + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The repository's example portal (8 languages, Tamil and Bengali among them), pages only."""
    root = tmp_path_factory.mktemp("example")
    for folder in ("content", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "pages").mkdir()
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace(
        "  - voisinage:\n", "  - voisinage:\n      leaflets: false\n", 1), encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as base:
        yield base


def test_report_tables_never_cut_a_word_of_their_rows(browser, example: str) -> None:  # type: ignore[no-untyped-def]
    """On a 320 px phone the report's tables fit the screen without cutting a language's or a
    theme's name in two (a Tamil word cut in two reads as two words)."""
    cut_words = """() => {
      const cut = [];
      for (const cell of document.querySelectorAll(
          'table.v-report th[scope=row], table.v-report td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (tops.size > 1) cut.push(m[0]);
          }
        }
      }
      return cut;
    }"""
    with phone(browser, viewport={"width": 320, "height": 640}) as context:
        page = context.new_page()
        for lang in ("ta/", "bn/", "ar/", "ro/", "en/", ""):
            path = lang + "missions/energie-2026/report/"
            page.goto(example + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
            assert page.locator("table.v-report").count() >= 2, path
            assert page.evaluate(cut_words) == [], path

"""At the door and at the counter: the map app, sharing a page, the French box held up to the
staff, pages that work with JavaScript off, and each territory's guide to print."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from browser import chromium, phone, serve
from test_leaflets import as_poppler_reads, normal, text_of

SERVICE = "ris-orangis/caf/"


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def base(built_site: Path):  # type: ignore[no-untyped-def]
    with serve(built_site) as base:
        yield base


def html_of(site: Path, lang: str, path: str) -> str:
    return (site / ("" if lang == "fr" else lang) / path / "index.html").read_text(encoding="utf-8")


def test_place_opens_in_the_phone_map_app_or_on_the_web(built_site: Path) -> None:
    """A geo: link (the phone's own map app, the place named in the reader's language) and the
    OpenStreetMap page as a fallback for phones without one."""
    html = html_of(built_site, "zh", SERVICE)
    assert ('<a class="v-map v-geo" href="geo:48.65000,2.41000?q=48.65000,2.41000'
            '(%E5%AE%B6%E5%BA%AD%E8%A1%A5%E5%8A%A9%E5%B1%80)">在手机地图应用中打开</a>') in html
    assert 'href="https://www.openstreetmap.org/?mlat=48.65000&amp;mlon=2.41000#map=18/48.65000/2.41000"' in html


def test_share_button_waits_for_javascript(built_site: Path) -> None:
    """In the page, the share button is hidden: only voisinage.js shows it, where it works."""
    html = html_of(built_site, "ar", SERVICE)
    assert re.search(r'<p class="v-share" hidden><button type="button" class="md-button" '
                     r'data-title="صندوق الإعانات العائلية"', html)
    assert "onclick" not in html


def test_share_uses_the_phone_share_sheet(built_site: Path, browser, base: str) -> None:  # type: ignore[no-untyped-def]
    """Where the Web Share API exists, the button hands the page's title and address to it."""
    with phone(browser) as context:
        page = context.new_page()
        page.add_init_script("""navigator.share = (data) => { window.shared = data; return Promise.resolve(); };""")
        page.goto(base + "ar/" + SERVICE)
        button = page.locator(".v-share button")
        assert button.is_visible() and button.inner_text() == "شارك هذه الصفحة"
        button.click()
        assert page.evaluate("window.shared") == {"title": "صندوق الإعانات العائلية",
                                                  "url": base + "ar/" + SERVICE}


def test_without_share_sheet_the_link_is_copied(built_site: Path, browser, base: str) -> None:  # type: ignore[no-untyped-def]
    """Desktop Chromium has no share sheet: the same button copies the address, and says so."""
    with phone(browser, permissions=["clipboard-read", "clipboard-write"]) as context:
        page = context.new_page()
        page.goto(base + "en/" + SERVICE)
        assert page.evaluate("typeof navigator.share") == "undefined"
        button = page.locator(".v-share button")
        assert button.inner_text() == "Copy the link to this page"
        button.click()
        page.locator(".v-share [role=status]").filter(has_text="Link copied").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == base + "en/" + SERVICE


def test_counter_box_can_fill_the_screen(built_site: Path, browser, base: str) -> None:  # type: ignore[no-untyped-def]
    """Held up across a counter: the French box alone on the screen, in larger type; Escape
    or the same button brings the page back."""
    with phone(browser) as context:
        page = context.new_page()
        page.goto(base + "zh/" + SERVICE)
        box = page.locator(".v-counter")
        size = float(box.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        assert size >= 24  # already large in the page
        page.locator(".v-enlarge").click()
        bounds = box.bounding_box()
        assert bounds and bounds["width"] >= 359 and bounds["height"] >= 739
        assert float(box.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) > size * 1.25
        assert page.locator(".v-enlarge").inner_text() == "返回页面"
        page.keyboard.press("Escape")
        assert "v-counter--large" not in (box.get_attribute("class") or "")


def test_pages_work_with_javascript_off(built_site: Path, browser, base: str) -> None:  # type: ignore[no-untyped-def]
    """Old phones and data savers: the text, the menu, the call buttons and the counter box are
    all there without JavaScript; the buttons that need it stay hidden."""
    with phone(browser, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(base + "ar/" + SERVICE)
        assert page.get_by_text("يدفع الصندوق الإعانات العائلية ومساعدات السكن.").is_visible()
        assert page.locator("a.v-call").first.is_visible()
        assert page.locator(".v-counter").is_visible()
        assert not page.locator(".v-share").is_visible()
        assert not page.locator(".v-enlarge").is_visible()
        menu = page.locator("nav.md-nav--primary a.md-nav__link")
        assert {"../../", "../", "../../glossary/"} <= {a.get_attribute("href") for a in menu.all()}
        page.locator("label.md-header__button[for='__drawer']").click()  # a CSS-only drawer
        page.locator("nav.md-nav--primary a[href='../../glossary/']").click()
        page.wait_for_url(base + "ar/glossary/")
        assert page.locator("h2#caisse-d-allocations-familiales").is_visible()


@pytest.mark.parametrize("lang", ["fr", "en", "ar", "zh"])
def test_each_territory_has_a_guide_in_each_language(built_site: Path, lang: str) -> None:
    """One PDF per territory and language, linked from the territory page beside the leaflet."""
    for territory in ("ris-orangis", "saint-denis"):
        assert (built_site / "leaflets" / "territories" / f"{territory}.{lang}.guide.pdf").is_file()
    html = html_of(built_site, lang, "ris-orangis")
    guides = re.findall(r'href="([^"]+\.guide\.pdf)"', html)
    assert guides and all((built_site / ("" if lang == "fr" else lang) / "ris-orangis" / g).resolve().is_file()
                          for g in guides)


@pytest.mark.parametrize(("lang", "script", "words"), [
    ("ar", "Arabic", ["صندوق الإعانات العائلية", "وثيقة الهوية", "يدفع الصندوق الإعانات العائلية"]),
    ("zh", "CJK", ["家庭补助局", "身份证件", "家庭补助局发放家庭补贴和住房补助。"]),
])
def test_guide_text_is_real_text_with_fonts_embedded(built_site: Path, lang: str, script: str,
                                                     words: list[str]) -> None:
    """Every service in the reader's language with its key facts in French; text extractable in
    reading order, every font embedded."""
    pdf = built_site / "leaflets" / "territories" / f"ris-orangis.{lang}.guide.pdf"
    text = normal(text_of(pdf))
    for word in words:
        assert as_poppler_reads(word) in text, word
    for french in ("Caisse d'allocations familiales", "Pièce d'identité", "À montrer au guichet",
                   "Aide aux devoirs", "0199001234", "lundi"):
        assert normal(french) in text, french
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts
    assert any(script in row for row in rows), fonts

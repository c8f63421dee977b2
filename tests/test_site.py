"""What a resident sees on the built site, in each language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

LANGS = ["fr", "en", "ar", "zh"]
PAGES = ["", "themes/rights/", "ris-orangis/", "ris-orangis/themes/rights/", "ris-orangis/caf/"]


def page(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "fr" else f"{lang}/"
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_exists_in_every_language(built_site: Path, lang: str, path: str) -> None:
    """Home, theme, territory, theme-in-territory and service pages, in every language."""
    html = page(built_site, lang, path)
    assert f'<html lang="{lang}"' in html


def test_arabic_pages_are_right_to_left(built_site: Path) -> None:
    """Arabic reads right to left; other languages left to right."""
    assert '<body dir="rtl"' in page(built_site, "ar", "ris-orangis/caf/")
    assert '<body dir="ltr"' in page(built_site, "zh", "ris-orangis/caf/")


def test_language_switcher_leads_to_the_same_page(built_site: Path) -> None:
    """The switcher on a service page points at that service in each other language."""
    html = page(built_site, "ar", "ris-orangis/caf/")
    assert 'href="../../../zh/ris-orangis/caf/" hreflang="zh"' in html
    assert 'href="../../../ris-orangis/caf/" hreflang="fr"' in html


def test_opening_hours_are_told_in_each_language(built_site: Path) -> None:
    """Day names and clock come from CLDR: 24-hour in French, 12-hour in English."""
    assert "lundi" in page(built_site, "fr", "ris-orangis/caf/")
    en = page(built_site, "en", "ris-orangis/caf/")
    assert "Monday" in en and "9:00\u202fAM" in en or "9:00 AM" in en
    assert "الاثنين" in page(built_site, "ar", "ris-orangis/caf/")
    assert "星期一" in page(built_site, "zh", "ris-orangis/caf/")
    assert "by appointment only" in en


def test_phone_numbers_are_tap_to_call(built_site: Path) -> None:
    """Ordinary numbers dial in E.164; short national numbers as they are."""
    html = page(built_site, "ar", "ris-orangis/caf/")
    assert 'href="tel:+33199001234"' in html and "01 99 00 12 34" in html
    assert 'href="tel:3230"' in html


def test_counter_box_gives_key_facts_in_french(built_site: Path) -> None:
    """Non-French pages carry a French card for the clerk: what this person asks for, which
    language they speak, the papers to check; not the clerk's own address and hours (issue #13:
    the card used to repeat them, "lundi" included). The French page needs none, and never
    points to one."""
    html = page(built_site, "zh", "ris-orangis/caf/")
    box = re.search(r'<section class="v-counter" lang="fr" dir="ltr".*?</section>', html, re.S)
    assert box, "no counter box on the Chinese page"
    assert "Caisse d'allocations familiales" in box.group(0)
    assert "Pièce d'identité" in box.group(0)
    card = re.sub(r"<[^>]+>", "", box.group(0))
    assert "Cette personne demande" in card and "Elle parle :\nchinois" in card
    assert "lundi" not in card and "rue de l'Exemple" not in card  # the clerk knows their own
    french = page(built_site, "fr", "ris-orangis/caf/")
    assert 'class="v-counter"' not in french
    assert "ci-dessous" not in french and "cadre" not in french


def test_translated_name_shows_official_french_name(built_site: Path) -> None:
    html = page(built_site, "ar", "ris-orangis/caf/")
    assert "صندوق الإعانات العائلية" in html
    assert re.search(r'class="v-official" lang="fr"[^>]*>Caisse d.allocations familiales', html)


def test_missing_translation_falls_back_to_french_with_a_notice(built_site: Path) -> None:
    """The Arabic page shows the French text, marked as French, with a notice."""
    html = page(built_site, "ar", "ris-orangis/caf/")
    fallback = re.search(r'<div class="v-fallback" lang="fr" dir="ltr">.*?</div>', html, re.S)
    assert fallback and "Appelez le 3230" in fallback.group(0)
    assert "لم" in fallback.group(0)  # the notice, in Arabic
    assert "v-fallback" not in page(built_site, "en", "ris-orangis/caf/")


def test_machine_translation_is_announced(built_site: Path) -> None:
    assert 'class="v-machine"' in page(built_site, "ar", "ris-orangis/caf/")
    assert 'class="v-machine"' not in page(built_site, "en", "ris-orangis/caf/")


def test_record_text_is_escaped(built_site: Path) -> None:
    """Characters that mean something in HTML reach the page as text."""
    html = page(built_site, "en", "ris-orangis/tricky/")
    assert "Homework help 3 &lt; 5 &amp; Tom" in html
    assert "<strong>children</strong>" not in html  # en has no emphasis
    fr = page(built_site, "fr", "ris-orangis/tricky/")
    assert "<strong>enfants</strong>" in fr
    assert '<a href="https://example.org/devoirs">le site</a>' in fr


def test_navigation_is_scoped_to_the_territory(built_site: Path) -> None:
    """A service page's menu lists its territory and themes, not the rest of the portal."""
    html = page(built_site, "fr", "ris-orangis/caf/")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.S).group(0)
    assert "Ris-Orangis" in nav and "Saint-Denis" not in nav and "PMI" not in html


def test_each_language_and_territory_has_its_own_search_index(built_site: Path) -> None:
    """A page loads the index of its language and territory, which finds services by French name."""
    def index(path: str) -> dict:  # type: ignore[type-arg]
        return json.loads((built_site / path / "search" / "search_index.json").read_text("utf-8"))

    portal_wide = index("")
    assert portal_wide["docs"] and not any(
        d["location"].startswith(("ar/", "zh/", "en/", "ris-orangis/caf")) for d in portal_wide["docs"])
    ar = index("ar/ris-orangis")
    ar_text = " ".join(d["text"] + d["title"] for d in ar["docs"])
    assert "صندوق" in ar_text and "Caisse" in ar_text and "PMI" not in ar_text  # not Saint-Denis's
    assert ar["config"]["lang"] == ["en"]  # unstemmed: lunr's Arabic stemmer loses queries
    assert any(d["location"].startswith("caf/") for d in ar["docs"])
    assert any(d["location"].startswith("../themes/") for d in ar["docs"])  # portal-wide pages
    assert '"base": "../"' in page(built_site, "ar", "ris-orangis/caf/")
    assert '"base": "./"' in page(built_site, "ar", "")


def test_chinese_search_index_is_segmented(built_site: Path) -> None:
    """Chinese has no spaces: words are cut at build time so that a search finds them."""
    zh = json.loads((built_site / "zh" / "ris-orangis" / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(d["text"] for d in zh["docs"])
    assert re.search(r"\b家庭\b|家庭 ", text) or "家庭\u200b" in text


def test_no_request_to_third_parties(built_site: Path) -> None:
    """No web font, script or stylesheet from another origin."""
    html = page(built_site, "fr", "ris-orangis/caf/")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    for attr in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
        assert not re.search(r"\.(js|css|woff2?)(\?|$)", attr), attr


def test_not_found_page_does_not_list_the_whole_site(built_site: Path) -> None:
    """404.html has no menu of every page (it would grow with the portal), and its language
    switcher leads to each language's home."""
    html = (built_site / "404.html").read_text("utf-8")
    assert "ris-orangis/caf/" not in html and "saint-denis/" not in html
    switcher = re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)" class="md-select__link"', html)
    assert switcher == [("/test/", "fr"), ("/test/en/", "en"), ("/test/ar/", "ar"), ("/test/zh/", "zh")]
    assert 'rel="next"' not in page(built_site, "fr", "ris-orangis/caf/")
    # It says so in every language, each line leading to that language's home.
    assert '<li lang="ar" dir="rtl">' in html and "هذه الصفحة غير موجودة" in html
    assert '<a href="/test/zh/" hreflang="zh">返回首页 (简体中文)</a>' in html


def test_every_page_describes_itself_for_search_engines(built_site: Path) -> None:
    """A meta description in the page's language (a service's own description), and the other
    languages' versions as full addresses with an x-default, as search engines want them."""
    html = (built_site / "ar" / "ris-orangis" / "caf" / "index.html").read_text("utf-8")
    assert '<meta name="description" content="يدفع الصندوق الإعانات العائلية ومساعدات السكن.">' in html
    alternates = dict((lang, href) for href, lang in re.findall(
        r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', html))
    assert alternates["fr"] == "https://example.org/test/ris-orangis/caf/"
    assert alternates["ar"] == "https://example.org/test/ar/ris-orangis/caf/"
    assert alternates["x-default"] == alternates["fr"]
    assert set(alternates) == {"fr", "en", "ar", "zh", "x-default"}
    # The language menu stays relative: a preview on another address stays there.
    assert 'href="../../../ris-orangis/caf/" hreflang="fr"' in html
    for page in built_site.rglob("index.html"):
        if {"go", "editors", "admin"} & set(page.relative_to(built_site).parts):  # not residents'
            continue
        text = page.read_text("utf-8")
        if "http-equiv=\"refresh\"" in text:
            continue
        assert re.search(r'<meta name="description" content="[^"]+">', text), page

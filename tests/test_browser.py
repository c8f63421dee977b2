"""In a real browser: search in each language, no third-party request, right-to-left layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium, phone, serve


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def browser_site(built_site: Path, browser):  # type: ignore[no-untyped-def]
    with serve(built_site) as base, phone(browser) as context:
        yield base, context


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("ar", "صندوق", "صندوق الإعانات العائلية"),
    ("ar", "Caisse", "صندوق الإعانات العائلية"),  # the official French name, from Arabic
    ("zh", "家庭", "家庭补助局"),
    ("fr", "allocations", "Caisse d'allocations familiales"),
])
def test_search_finds_services_in_each_language(browser_site, lang: str, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    base, context = browser_site
    page = context.new_page()
    prefix = "" if lang == "fr" else f"{lang}/"
    page.goto(f"{base}{prefix}ris-orangis/")
    page.locator("label.md-header__button[for='__search']").click()
    field = page.locator("input.md-search__input")
    field.press_sequentially(query, delay=30)
    field.press("End")  # Arabic and Chinese arrive as text input, with no key-up: send one
    results = page.locator(".md-search-result__list")
    results.locator("li").first.wait_for(timeout=10_000)
    assert expected in results.inner_text().replace("\u200b", "")  # jieba's word breaks
    page.close()


def test_no_request_leaves_the_site(browser_site) -> None:  # type: ignore[no-untyped-def]
    """Loading pages (and searching) asks nothing of any other origin."""
    base, context = browser_site
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ["", "ar/", "zh/ris-orangis/", "ar/ris-orangis/caf/", "en/themes/rights/"]:
        page.goto(base + path, wait_until="networkidle")
    assert requests and all(url.startswith(base) or url.startswith("data:") for url in requests), \
        [u for u in requests if not u.startswith(base)]
    page.close()


def test_arabic_page_is_laid_out_right_to_left(browser_site) -> None:  # type: ignore[no-untyped-def]
    base, context = browser_site
    page = context.new_page()
    page.goto(base + "ar/ris-orangis/caf/")
    heading = page.locator("article h1").bounding_box()
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    assert heading and heading["x"] + heading["width"] > 300  # starts from the right edge
    counter = page.locator(".v-counter")
    assert page.evaluate("getComputedStyle(document.querySelector('.v-counter p')).direction") == "ltr"
    assert counter.is_visible()
    page.close()


def test_content_security_policy_forbids_other_origins(browser_site) -> None:  # type: ignore[no-untyped-def]
    """Every page carries a CSP limited to its own origin, and the page works under it."""
    base, context = browser_site
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(base + "zh/ris-orangis/caf/", wait_until="networkidle")
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "default-src 'self'" in csp and "http" not in csp
    assert violations == []
    page.close()


@pytest.mark.parametrize(("locale", "landing"), [("ar-MA", "ar/"), ("zh-CN", "zh/"), ("fr-FR", ""), ("de-DE", "")])
def test_root_opens_the_preferred_language(built_site: Path, browser, locale: str, landing: str) -> None:  # type: ignore[no-untyped-def]
    """The root address follows the browser's languages when the portal has one of them."""
    with serve(built_site) as base, phone(browser, locale=locale) as context:
        page = context.new_page()
        page.goto(base)
        page.wait_for_url(base + landing)
        assert page.url == base + landing


def test_root_remembers_an_explicit_choice(built_site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    """Choosing English in the switcher wins over the browser's Arabic next time."""
    with serve(built_site) as base, phone(browser, locale="ar") as context:
        page = context.new_page()
        page.goto(base)
        page.wait_for_url(base + "ar/")
        page.locator(".md-select button").first.click()
        page.locator("a.md-select__link[hreflang='en']").click()
        page.wait_for_url(base + "en/")
        page.goto(base)
        page.wait_for_url(base + "en/")
        assert page.url == base + "en/"


def test_first_view_fetches_no_search_index_until_search_opens(browser_site) -> None:  # type: ignore[no-untyped-def]
    """The index (the heaviest file) and other languages' sitemaps stay on the server."""
    base, context = browser_site
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + "ar/ris-orangis/caf/", wait_until="networkidle")
    assert not [u for u in requests if u.endswith(("search_index.json", "sitemap.xml"))], requests
    page.locator("label.md-header__button[for='__search']").click()
    page.wait_for_load_state("networkidle")
    assert base + "ar/ris-orangis/search/search_index.json" in requests
    page.close()


def test_territory_opens_again_offline(built_site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    """After one visit online, the territory's pages in that language open with no network."""
    with serve(built_site) as base, phone(browser) as context:
        page = context.new_page()
        kept = []
        page.expose_function("voisinageKept", lambda pages: kept.append(pages))
        page.add_init_script("""navigator.serviceWorker && navigator.serviceWorker.addEventListener(
            "message", e => e.data && e.data.type === "territory-kept" && window.voisinageKept(e.data.pages))""")
        page.goto(base + "ar/ris-orangis/caf/", wait_until="networkidle")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null || true")
        for _ in range(100):
            if kept:
                break
            page.wait_for_timeout(100)
        assert kept and kept[0] >= 3, kept
        context.set_offline(True)
        page.goto(base + "ar/ris-orangis/tricky/")  # never opened online
        assert "مساعدة في الواجبات" in page.content()
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"  # CSS from the cache
        page.goto(base + "ar/ris-orangis/")
        assert "صندوق الإعانات العائلية" in page.content()
        context.set_offline(False)


def test_search_from_a_mission_page_opens_its_territory_services(
        tmp_path_factory: pytest.TempPathFactory, browser) -> None:  # type: ignore[no-untyped-def]
    """A mission page searches its territory's index; a result opens the service page."""
    from helpers import mkdocs_build
    from test_missions import share_leaflet_cache, write_mission_portal

    root = write_mission_portal(tmp_path_factory.mktemp("mission-search"))
    share_leaflet_cache(root, tmp_path_factory)
    built = mkdocs_build(root, "--strict")
    assert built.returncode == 0, built.stderr
    with serve(root / "site") as base, phone(browser) as context:
        page = context.new_page()
        page.goto(f"{base}ar/missions/droits-caf/")
        page.locator("label.md-header__button[for='__search']").click()
        field = page.locator("input.md-search__input")
        field.press_sequentially("صندوق", delay=30)
        field.press("End")
        results = page.locator(".md-search-result__list")
        results.locator("li").first.wait_for(timeout=10_000)
        assert "صندوق الإعانات العائلية" in results.inner_text()
        links = [a.get_attribute("href") or "" for a in results.locator("a").all()]
        assert f"{base}ar/missions/droits-caf/" in links  # its own page, found in the same index
        results.locator('a[href$="/ar/ris-orangis/caf/"]').first.click()
        page.wait_for_url(f"{base}ar/ris-orangis/caf/", timeout=10_000)
        page.close()

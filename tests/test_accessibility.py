"""WCAG 2.2 AA with axe-core, in headless Chromium, on every page type in French, Arabic, Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium, phone, serve
from helpers import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = ["", "themes/rights/", "ris-orangis/", "ris-orangis/themes/rights/", "ris-orangis/caf/",
              "glossary/"]


@pytest.fixture(scope="module")
def phone_page(built_site: Path):  # type: ignore[no-untyped-def]
    assert AXE.exists(), "axe-core is missing: run `bash scripts/setup`"
    with serve(built_site) as base, chromium() as browser, phone(browser) as context:
        yield base, context


@pytest.mark.parametrize("lang", ["fr", "ar", "zh"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_axe_violation(phone_page, lang: str, path: str) -> None:  # type: ignore[no-untyped-def]
    base, context = phone_page
    page = context.new_page()
    page.goto(base + ("" if lang == "fr" else f"{lang}/") + path, wait_until="networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {
        runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
    })""")
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:4])
        for v in result["violations"]
    ]
    page.close()
    assert not problems, "\n".join(problems)


def test_tap_targets_are_at_least_44px(phone_page) -> None:  # type: ignore[no-untyped-def]
    """Call buttons, map and service links are easy to hit with a thumb."""
    base, context = phone_page
    page = context.new_page()
    page.goto(base + "ar/ris-orangis/caf/")
    for selector in ["a.v-call", "a.v-map"]:
        for box in [el.bounding_box() for el in page.locator(selector).all()]:
            assert box and box["height"] >= 44, (selector, box)
    page.goto(base + "ar/ris-orangis/")
    for box in [el.bounding_box() for el in page.locator(".v-services a").all()]:
        assert box and box["height"] >= 44, box
    page.close()

"""Core rendering, without MkDocs: pure functions and defence in depth."""

from __future__ import annotations

import dataclasses
from datetime import time
from pathlib import Path

from helpers import CAF, write_portal

from voisinage.hours import describe, hours_problem, typical_week
from voisinage.languages import Lang
from voisinage.model.site_model import SiteModel as Portal
from voisinage.phones import parse_phone
from voisinage.records.loading import load
from voisinage.site.pages import Pages


def test_hours_are_grouped_and_localized() -> None:
    week = typical_week('Mo-Fr 09:00-12:00; Sa 10:00-12:00 "sur rendez-vous"; PH off')
    assert week.closed_on_public_holidays and week.has_appointments
    fr = [(x.days, x.hours) for x in describe(week, Lang("fr", "Français", "ltr"), "fermé", "sur rendez-vous")]
    assert fr == [("lundi – vendredi", "09:00 – 12:00"),
                  ("samedi", "10:00 – 12:00 (sur rendez-vous)"), ("dimanche", "fermé")]
    bn = describe(week, Lang("bn", "বাংলা", "ltr"), "বন্ধ", "x")
    assert bn[0].hours.startswith("৯:০০")  # Bengali digits, from CLDR's numbering system
    assert Lang("en", "English", "ltr").time(time(17, 30)).replace("\u202f", " ") == "5:30 PM"


def test_hours_problem_names_the_expected_syntax() -> None:
    assert hours_problem("Mo-Fr 09:00-12:00; PH off") is None
    assert "OpenStreetMap" in (hours_problem("lundi 9h-12h") or "")
    assert 'the only comment allowed is "sur rendez-vous"' in (hours_problem('Mo 09:00-10:00 "maybe"') or "")


def test_phones_display_and_dial() -> None:
    landline = parse_phone("01 99 00 12 34")
    assert (landline.display, landline.tel) == ("01 99 00 12 34", "+33199001234")
    assert parse_phone("3230").tel == "3230"
    assert parse_phone("36 46").display == "3646"


def test_unvalidated_html_is_still_escaped(tmp_path: Path) -> None:
    """Even a record that skipped validation cannot put markup into a page."""
    catalogue = load(write_portal(tmp_path, {"caf": CAF}) / "content").catalogue
    assert catalogue is not None
    entry = catalogue.services["ris-orangis"]["caf"]
    evil = entry.record.model_copy(update={
        "name": {"fr": "<script>alert(1)</script>", "en": '<img src=x onerror="alert(1)">'},
        "url": "javascript:alert(1)",
    })
    catalogue.services["ris-orangis"]["caf"] = dataclasses.replace(entry, record=evil)
    portal = Portal(catalogue)
    for lang in portal.langs:
        body = str(Pages(portal).page(("service", "ris-orangis", "caf"), lang).body)
        assert "<script>" not in body and "<img" not in body and "javascript:" not in body
        assert "&lt;script&gt;" in body or "&lt;img" in body


def test_phone_numbers_keep_their_order_in_arabic_text() -> None:
    """Groups of digits inside right-to-left text are isolated, so they read left to right."""
    from voisinage.markup import isolate_numbers

    assert isolate_numbers("اتصل بالرقم 0800 948 999 مجانا") == "اتصل بالرقم \u20660800 948 999\u2069 مجانا"
    assert isolate_numbers("الرقم 3230") == "الرقم 3230"  # one group reads right already


def test_pages_that_share_a_menu_get_the_one_they_would_have_alone(tmp_path: Path) -> None:
    from helpers import SECOND_TERRITORY, SECOND_TERRITORY_SERVICE, TRICKY, write_glossary

    root = write_portal(tmp_path, {"caf": CAF, "tricky": TRICKY})
    write_glossary(root)
    (root / "content" / "territories" / "saint-denis.yml").write_text(SECOND_TERRITORY, "utf-8")
    (root / "content" / "services" / "saint-denis").mkdir()
    (root / "content" / "services" / "saint-denis" / "pmi.yml").write_text(
        SECOND_TERRITORY_SERVICE, "utf-8")
    portal = Portal(load(root / "content").catalogue)
    shared = list(Pages(portal))
    kinds = {page.key[0] for page in shared}
    assert {"home", "territory", "territory-theme", "service", "glossary"} <= kinds
    menus = [str(page.nav) for page in shared]
    alone = [str(Pages(portal).page(page.key, page.lang).nav) for page in shared]
    assert menus == alone
    assert sum("md-nav__link--active" in menu for menu in menus) >= len(shared) // 3


def test_a_stub_reads_back_as_the_front_matter_a_front_end_is_given(tmp_path: Path) -> None:
    from helpers import TRICKY
    from mkdocs.utils.meta import get_data

    from voisinage.site.stubs import front_matter, stub

    portal = Portal(load(write_portal(tmp_path, {"caf": CAF, "tricky": TRICKY}) / "content")
                    .catalogue)
    pages = list(Pages(portal))
    assert len(pages) > 20
    for page in pages:
        assert get_data(stub(page)) == ("", front_matter(page))

"""The glossary of administrative words: checked like every record, one page per language with
the French term beside the explanation, and terms in service texts linked to their entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import chromium, phone, serve
from helpers import CAF, GLOSSARY, write_glossary, write_portal

from voisinage.markup import slug
from voisinage.model.site_model import SiteModel as Portal
from voisinage.records.checks import check
from voisinage.records.loading import load
from voisinage.records.schema import Glossary
from voisinage.site.glossary import Terms
from voisinage.site.pages import Pages

BAD_SCHEMA = """\
entries:
  - term: "Domiciliation"
    alias: [DOM]
    definition: {fr: "Une adresse."}
  - aliases: [AME]
    definition: {fr: "Des soins <b>gratuits</b>."}
"""

BAD_ENTRIES = """\
entries:
  - term: "Caisse d'allocations familiales"
    aliases: [CAF]
    definition:
      fr: "L’organisme qui verse les allocations."
      de: "Die Familienkasse."
  - term: "CAF"
    definition:
      en: "The family benefits office."
  - term: "Aide personnalisée au logement"
    aliases: [APL, "caf"]
    definition: {fr: "Une aide pour le loyer."}
    machine_translations: [xx]
"""

SERVICE = """\
name: {fr: "Permanence CAF", ar: "مكتب الـ CAF", zh: "CAF 接待处"}
description:
  fr: "Voir [la CAF en ligne](https://www.caf.fr/). Au CAFÉ du coin, la CAF aide pour l'APL : 3 < 5 & la CAF répond."
  ar: "تساعدك الـ CAF في طلب الـ APL."
  zh: "向CAF申请APL补助。"
eligibility_description:
  fr: "Pour l'âme et le corps ; l'AME est une autre aide."
themes: [rights]
assured_date: 2026-11-20
"""


def problems_of(tmp_path: Path, glossary: str) -> list[str]:
    root = write_glossary(write_portal(tmp_path, {"caf": CAF}), glossary)
    return [str(p) for p in check(load(root / "content")) if p.path == "content/glossary.yml"]


def test_schema_errors_name_file_line_and_field(tmp_path: Path) -> None:
    """Unknown fields (with a suggestion), a missing term and raw HTML, each where it stands."""
    assert problems_of(tmp_path, BAD_SCHEMA) == [
        ('content/glossary.yml:3:5: entries[0].alias: unknown field — did you mean "aliases"? '
        "Known fields here: aliases, definition, machine_translations, name, source, term"),
        "content/glossary.yml:5:5: entries[1].term: a required field of `entries[1]` is missing — "
        "add `term:` with a value, indented under `entries[1]`",
        ('content/glossary.yml:6:22: entries[1].definition.fr: raw HTML is not allowed, found "<b>" — '
        "write plain text; use *emphasis*, **strong**, - lists or [text](https://…) links"),
    ]


def test_entries_are_checked_across_the_file(tmp_path: Path) -> None:
    """One entry per word, languages of the portal only, French in every text."""
    assert problems_of(tmp_path, BAD_ENTRIES) == [
        ("content/glossary.yml:6:7: entries[0].definition.de: expected a language of the portal (fr, en, "
        'ar, zh), found "de" — fix the code or declare the language in content/portal.yml'),
        ('content/glossary.yml:7:11: entries[1].term: "CAF" is already in entries[0] as "CAF" (line 2) — '
        "one entry per term: merge the two entries, or remove the word from one of them"),
        ('content/glossary.yml:9:7: entries[1].definition: the text in "fr" is missing — every text needs '
        "it, it is the language of the counter and the one shown where a translation is missing"),
        ('content/glossary.yml:11:20: entries[2].aliases[1]: "caf" is already in entries[0] as "CAF" '
        "(line 2) — one entry per term: merge the two entries, or remove the word from one of them"),
        ("content/glossary.yml:13:28: entries[2].machine_translations[0]: expected a language of the "
        'portal (fr, en, ar, zh), found "xx", which is no language — write one of the portal\'s codes'),
    ]


def test_a_portal_without_glossary_has_no_glossary_page(tmp_path: Path) -> None:
    catalogue = load(write_portal(tmp_path, {"caf": CAF}) / "content").catalogue
    assert catalogue is not None and catalogue.glossary is None
    portal = Portal(catalogue)
    assert ("glossary",) not in list(portal.keys())
    assert "glossary/" not in str(Pages(portal).page(("service", "ris-orangis", "caf"), portal.default).nav)


def test_anchors_are_stable_slugs_of_the_french_term() -> None:
    assert slug("Aide médicale de l'État") == "aide-medicale-de-l-etat"
    assert slug("France Rénov’") == "france-renov"


@pytest.mark.parametrize(("lang", "definition"), [
    ("fr", "L’organisme public qui verse les allocations familiales"),
    ("en", "The public body that pays family allowances"),
    ("ar", "الهيئة العامة التي تدفع المنح العائلية"),
    ("zh", "发放家庭补助金和住房补助"),
])
def test_glossary_page_in_each_language_keeps_the_french_term(built_site: Path, lang: str, definition: str) -> None:
    """Each entry: the official French term as its heading (an anchor, a search section), the
    explanation in the page's language below it."""
    html = (built_site / ("" if lang == "fr" else lang) / "glossary" / "index.html").read_text("utf-8")
    entry = re.search(r'<h2 id="caisse-d-allocations-familiales">(.*?)</h2>(.*?)</section>', html, re.DOTALL)
    assert entry, "no entry for the CAF"
    assert '<span lang="fr" dir="ltr">Caisse d&#39;allocations familiales <span class="v-aliases">(CAF)</span>' \
        in entry.group(1)
    assert definition in entry.group(2)
    assert 'href="#caisse-d-allocations-familiales"' in html  # the index of words
    # An entry links the other entries it names (APL), never itself.
    assert '<a class="v-term" href="#aide-personnalisee-au-logement">APL</a>' in entry.group(2)
    assert "#caisse-d-allocations-familiales\"" not in entry.group(2)


def test_untranslated_entry_shows_french_marked_as_french(tmp_path: Path) -> None:
    """An explanation not yet translated is shown in French, marked as French, with a notice."""
    untranslated = GLOSSARY.replace('      ar: "عنوان لاستلام بريدك عندما لا يكون لديك سكن ثابت."\n', "")
    catalogue = load(write_glossary(write_portal(tmp_path, {"caf": CAF}), untranslated) / "content").catalogue
    assert catalogue is not None
    portal = Portal(catalogue)
    ar = next(x for x in portal.langs if x.code == "ar")
    html = str(Pages(portal).page(("glossary",), ar).body)
    entry = re.search(r'<h2 id="domiciliation">.*?</section>', html, re.DOTALL)
    assert entry and '<div class="v-fallback" lang="fr" dir="ltr">' in entry.group(0)
    assert "Une adresse pour recevoir son courrier" in entry.group(0)
    assert 'class="v-machine"' in html  # the other Arabic explanations are machine-made


def test_every_page_links_to_the_glossary(built_site: Path) -> None:
    nav = (built_site / "zh" / "ris-orangis" / "caf" / "index.html").read_text("utf-8")
    assert re.search(r'<a class="md-nav__link" href="\.\./\.\./glossary/">法国行政用语解释</a>', nav)


def linked(tmp_path: Path, lang: str) -> str:
    root = write_glossary(write_portal(tmp_path, {"caf": CAF, "permanence": SERVICE}))
    catalogue = load(root / "content").catalogue
    assert catalogue is not None
    portal = Portal(catalogue)
    language = next(x for x in portal.langs if x.code == lang)
    return str(Pages(portal).page(("service", "ris-orangis", "permanence"), language).body)


def test_first_french_term_in_a_service_text_links_to_its_entry(tmp_path: Path) -> None:
    """Once per term, whole words only, acronyms by case, never inside a link, text still escaped."""
    body = linked(tmp_path, "fr")
    what = re.search(r'<h2 id="what">.*?</p>', body, re.DOTALL)
    assert what
    assert (
        '<p>Voir <a href="https://www.caf.fr/">la CAF en ligne</a>. Au CAFÉ du coin, la '
        '<a class="v-term" href="../../glossary/#caisse-d-allocations-familiales">CAF</a> aide pour l\'<a '
        'class="v-term" href="../../glossary/#aide-personnalisee-au-logement">APL</a> : 3 &lt; 5 &amp; '
        "la CAF répond.</p>") in what.group(0)
    who = re.search(r'<h2 id="who">.*?</p>', body, re.DOTALL)
    assert who and "Pour l'âme et le corps ; l'<a class=\"v-term\" href=\"../../glossary/#aide-medicale-de-l-etat\">AME</a>" \
        in who.group(0)
    assert "v-term" not in re.search(r"<h1>.*?</h1>", body, re.DOTALL).group(0)  # not in headings


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", ('تساعدك الـ <a class="v-term" href="../../glossary/#caisse-d-allocations-familiales">CAF</a> في طلب الـ '
           '<a class="v-term" href="../../glossary/#aide-personnalisee-au-logement">APL</a>.')),
    ("zh", ('向<a class="v-term" href="../../glossary/#caisse-d-allocations-familiales">CAF</a>申请'
           '<a class="v-term" href="../../glossary/#aide-personnalisee-au-logement">APL</a>补助。')),
])
def test_french_terms_inside_other_languages_link_too(tmp_path: Path, lang: str, text: str) -> None:
    """Residents read "CAF" and "APL" in Arabic and Chinese sentences; in Chinese, without spaces.
    The counter box stays plain French for the staff."""
    body = linked(tmp_path, lang)
    assert text in body
    counter = re.search(r'<section class="v-counter".*?</section>', body, re.DOTALL)
    assert counter and "v-term" not in counter.group(0)


def test_linking_touches_text_only() -> None:
    """Attributes, links, scripts and comments come through unchanged; entities stay escaped."""
    terms = Terms(Glossary.model_validate({"entries": [
        {"term": "Caisse d'allocations familiales", "aliases": ["CAF"], "definition": {"fr": "x"}}]}))
    page = ('<p title="CAF">a <a href="https://caf.fr/">CAF</a> &amp; &lt;CAF&gt; <!-- CAF --></p>'
            '<script type="application/ld+json">{"n": "CAF \\u003c"}</script><table><td>CAF</td></table>')
    assert str(terms.link(page, "g/")) == (
        '<p title="CAF">a <a href="https://caf.fr/">CAF</a> &amp; &lt;<a class="v-term" '
        'href="g/#caisse-d-allocations-familiales">CAF</a>&gt; <!-- CAF --></p>'
        '<script type="application/ld+json">{"n": "CAF \\u003c"}</script><table><td>CAF</td></table>')
    assert str(Terms(None).link(page, "g/")) == page


@pytest.mark.parametrize(("lang", "start", "query", "anchor"), [
    ("ar", "ris-orangis/caf/", "Domiciliation", "domiciliation"),  # from a service page
    ("zh", "glossary/", "Caisse", "caisse-d-allocations-familiales"),
])
def test_search_finds_the_glossary_entry_by_its_french_term(built_site: Path, lang: str, start: str,
                                                            query: str, anchor: str) -> None:
    """From the Arabic or Chinese site, typing the French word on a letter finds its explanation."""
    with serve(built_site) as base, chromium() as browser, phone(browser) as context:
        page = context.new_page()
        page.goto(f"{base}{lang}/{start}")
        page.locator("label.md-header__button[for='__search']").click()
        field = page.locator("input.md-search__input")
        field.press_sequentially(query, delay=30)
        field.press("End")
        link = page.locator(f'.md-search-result__list a[href*="glossary/#{anchor}"]')
        link.first.wait_for(timeout=10_000)
        assert query in link.first.inner_text()

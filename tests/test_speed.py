"""A build on every core and the adapters over upstream work make the same site, byte for byte."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    CAF,
    SECOND_TERRITORY,
    SECOND_TERRITORY_SERVICE,
    TRICKY,
    write_glossary,
    write_portal,
)

from voisinage.frontends.mkdocs import pool, sections


def build(root: Path, site: str, jobs: str, *args: str, config: str = "mkdocs.yml",
          ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VOISINAGE_JOBS": jobs}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config,
                           "-d", site, *args], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def without_fast_paths(root: Path) -> str:
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - voisinage\n" in text
    (root / "slow.yml").write_text(text.replace("  - voisinage\n",
                                                "  - voisinage: {fast_paths: false}\n"), "utf-8")
    return "slow.yml"


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two territories in 4 languages, built in one process, then on 2 and 3 processes."""
    root = write_portal(tmp_path_factory.mktemp("speed"),
                        {"caf": CAF, "tricky": TRICKY})
    write_glossary(root)
    (root / "content" / "territories" / "saint-denis.yml").write_text(SECOND_TERRITORY, "utf-8")
    (root / "content" / "services" / "saint-denis").mkdir()
    (root / "content" / "services" / "saint-denis" / "pmi.yml").write_text(
        SECOND_TERRITORY_SERVICE, "utf-8")
    for site, jobs in (("one", "1"), ("two", "2"), ("three", "3")):
        done = build(root, site, jobs)
        assert done.returncode == 0, done.stderr
        (root / f"{site}.log").write_text(done.stderr, encoding="utf-8")
    return root


@pytest.mark.parametrize("site", ["two", "three"])
def test_a_build_on_every_core_is_the_same_site_as_one_process(portal: Path, site: str) -> None:
    log = (portal / f"{site}.log").read_text(encoding="utf-8")
    count = {"two": 2, "three": 3}[site]
    assert f"4 languages in {count} processes at once" in log
    one, many = files(portal / "one"), files(portal / site)
    assert sorted(many) == sorted(one)
    assert any(rel.endswith(".pdf") for rel in one) and "sitemap.xml.gz" in one
    assert "zh/ris-orangis/search/search_index.json" in one
    assert [rel for rel in one if one[rel] != many[rel]] == []
    assert not list((portal / ".cache" / "voisinage" / "pool").glob("*/site/*"))


def test_a_build_in_one_process_says_nothing_of_other_processes(portal: Path) -> None:
    assert "processes at once" not in (portal / "one.log").read_text(encoding="utf-8")


def test_the_adapters_over_static_i18n_and_material_search_change_no_byte(portal: Path) -> None:
    done = build(portal, "slow", "1", config=without_fast_paths(portal))
    assert done.returncode == 0, done.stderr
    one, slow = files(portal / "one"), files(portal / "slow")
    assert sorted(slow) == sorted(one)
    assert [rel for rel in one if one[rel] != slow[rel]] == []


def test_a_language_build_that_fails_stops_the_whole_build_and_says_why(portal: Path,
                                                                        tmp_path: Path) -> None:
    root = tmp_path / "broken"
    shutil.copytree(portal / "content", root / "content")
    (root / "pages").mkdir()
    shutil.copy(portal / "mkdocs.yml", root / "mkdocs.yml")
    overrides = tmp_path / "overrides"
    shutil.copytree(Path(__file__).resolve().parent.parent / "overrides", overrides)
    # A template that fails only in Chinese pages, built by the second process (en, zh).
    main = overrides / "main.html"
    main.write_text("{% if i18n_page_locale == 'zh' %}{{ undefined_macro() }}{% endif %}\n"
                    + main.read_text(encoding="utf-8"), encoding="utf-8")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        text.replace(str(Path(__file__).resolve().parent.parent / "overrides"), str(overrides)),
        encoding="utf-8")
    done = build(root, "site", "2")
    assert done.returncode != 0
    assert ("voisinage: the build of en, zh stopped (exit status 1): see its lines above, "
            "marked [en, zh]") in done.stderr
    assert "[en, zh] 'undefined_macro' is undefined" in done.stderr


def test_a_wrong_number_of_processes_is_refused_with_what_to_write(portal: Path) -> None:
    done = build(portal, "never", "two")
    assert done.returncode != 0
    assert "VOISINAGE_JOBS='two': expected a whole number of processes" in done.stderr
    assert not (portal / "never").exists() or not any((portal / "never").iterdir())


def test_languages_are_dealt_in_build_order_default_first() -> None:
    order = ["fr", "en", "ar", "zh", "ta", "tr", "ro", "bn"]
    assert pool.shares(order, 2) == [["fr", "ar", "ta", "ro"], ["en", "zh", "tr", "bn"]]
    assert pool.shares(order, 3) == [["fr", "zh"], ["en", "ta", "ro"], ["ar", "tr", "bn"]]
    assert pool.shares(order[:7], 2) == [["fr", "ar", "ta"], ["en", "zh", "tr", "ro"]]
    assert pool.shares(order, 1) == [order]
    assert pool.shares(order, 20) == [[lang] for lang in order]
    assert pool.shares(["fr", "en", "ar", "zh"], 2) == [["fr", "ar"], ["en", "zh"]]


# --- static-i18n: the adapter must go once upstream stops repeating work ---------------------

def test_static_i18n_still_makes_every_alternate_again_in_every_language_build(
        portal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If this fails, mkdocs-static-i18n makes each alternate once: remove
    upstream.cache_alternates (and this test)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    made: Counter[tuple[str, str]] = Counter()
    original = ExtendedPlugin.reconfigure_files_alternates

    def counting(self: Any, uris: Any, alternates: Any, config: Any, create: Any) -> Any:
        def create_counted(file: Any, language: str, *args: Any) -> Any:
            made[(file.src_uri, language)] += 1
            return create(file, language, *args)
        return original(self, uris, alternates, config, create_counted)

    monkeypatch.setattr(ExtendedPlugin, "reconfigure_files_alternates", counting)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(portal)
    config = load_config(str(portal / without_fast_paths(portal)),
                         site_dir=str(portal / "counted"))
    mkdocs_build(config)
    assert made, "static-i18n no longer calls create_i18n_file for alternates"
    # Each (file, language) alternate is made again in 2 or 3 of the 4 language builds.
    assert sum(made.values()) >= 2 * len(made), (
        "static-i18n now makes each alternate about once per mkdocs build: "
        "upstream.cache_alternates is no longer needed")


def test_static_i18n_still_makes_again_the_files_its_alternates_made(
        portal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If this fails, mkdocs-static-i18n no longer makes a language's files again after an
    earlier language build made them as alternates: remove upstream.make_files_once (and this
    test)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs_static_i18n import suffix
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    as_alternates: set[tuple[str, str]] = set()
    again: Counter[bool] = Counter()  # files of a build: made before as alternates, or not
    in_alternates = []
    create, alternates = suffix.create_i18n_file, ExtendedPlugin.reconfigure_files_alternates

    def counting(file: Any, language: str, *args: Any) -> Any:
        key = (file.src_uri, language)
        if in_alternates:
            as_alternates.add(key)
        else:
            again[key in as_alternates] += 1
        return create(file, language, *args)

    def marking(self: Any, *args: Any) -> Any:
        in_alternates.append(True)
        try:
            return alternates(self, *args)
        finally:
            in_alternates.pop()

    monkeypatch.setattr(suffix, "create_i18n_file", counting)
    monkeypatch.setattr(ExtendedPlugin, "reconfigure_files_alternates", marking)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(portal)
    config = load_config(str(portal / without_fast_paths(portal)),
                         site_dir=str(portal / "counted-files"))
    mkdocs_build(config)
    assert again, "static-i18n no longer calls create_i18n_file for the files of a build"
    # The 3 language builds after the first make again many of the files the alternates of
    # the builds before them made (here 84 of the 192 files the 4 builds make).
    assert again[True] >= (again[True] + again[False]) // 4, (
        "static-i18n no longer makes again the files its alternates made: "
        "upstream.make_files_once is no longer needed")


def test_static_i18n_given_only_the_files_it_uses_gives_every_page_the_same_addresses(
        portal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """upstream.only_files_used leaves out of each language build the versions of a page in the
    other languages: the files, their addresses and their alternates' are the same."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from voisinage.frontends.mkdocs import upstream

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(portal)
    config = load_config(str(portal / without_fast_paths(portal)), site_dir=str(portal / "x"))
    i18n: Any = config.plugins["i18n"]

    def made(files: Any) -> dict[str, Any]:
        return {file.src_uri: (file.dest_uri, file.url,
                               [(lang, alt.url) for lang, alt in file.alternates.items()])
                for file in i18n.reconfigure_files(files, config)}

    left_out = 0
    for language in ("fr", "en", "ar", "zh"):
        i18n.current_language = language
        every = get_files(config)
        used = upstream.only_files_used(i18n, every)
        left_out += len(every) - len(used)
        assert made(used) == made(get_files(config))
    assert left_out >= len([f for f in get_files(config) if f.is_documentation_page()])


def test_a_page_with_no_default_language_version_is_given_to_static_i18n_whole(
        portal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files

    from voisinage.frontends.mkdocs import upstream

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(portal / "mkdocs.yml"), site_dir=str(portal / "x"))
    i18n: Any = config.plugins["i18n"]
    i18n.current_language = "en"
    names = ["a.fr.md", "a.ar.md", "a.en.md", "b.ar.md", "b.zh.md", "c.md", "d.ar.png", "d.fr.png"]
    files = Files([File(name, config.docs_dir, config.site_dir, True) for name in names])
    assert [f.src_uri for f in upstream.only_files_used(i18n, files)] == [
        "a.fr.md", "a.en.md", "b.ar.md", "b.zh.md", "c.md", "d.ar.png", "d.fr.png"]
    i18n.config.fallback_to_default = False  # then static-i18n makes no alternate from "fr"
    assert upstream.only_files_used(i18n, files) is files


@pytest.mark.parametrize("markdown", ["", "  \n\n", "# Un titre\n\ntexte"])
def test_a_blank_page_gets_what_mkdocs_would_render_for_it(
        portal: Path, monkeypatch: pytest.MonkeyPatch, markdown: str) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from voisinage.frontends.mkdocs import upstream

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(portal / "mkdocs.yml"), site_dir=str(portal / "x"))
    file = File("a.fr.md", config.docs_dir, config.site_dir, True)
    pages = [Page(None, file, config), Page(None, file, config)]
    upstream.render_blank_markdown_at_once(pages[1])
    for page in pages:
        page.markdown = markdown
        page.render(config, Files([file]))
    plain, quick = ({"content": page.content, "toc": str(page.toc), "title": page.title,
                     "anchors": page.present_anchor_ids} for page in pages)
    assert quick == plain
    assert bool(plain["content"]) == bool(markdown.strip())


# --- search entries: the same as Material's parser ------------------------------------------

TRICKY_HTML = """\
<h1 id="top">Titre <code>3 &lt; 5</code> &amp; «&nbsp;Tom&nbsp;»<a class="headerlink" href="#top">¶</a></h1>
<p class="x">Avant   le
 titre</p><p></p><ul>
<li></li>
</ul>
<script type="application/ld+json">{"a": "<b>not markup<\\/b>"}</script>
<div><h2 id="inner">Dans une boîte</h2><p>texte <strong>gras</strong></p></div>
<p>après la boîte</p>
<pre><code>  deux
  lignes  </code></pre>
<div data-search-exclude><p>caché</p><div>aussi</div></div><p>vu</p>
<h3 id="zh">中文 标题</h3><p>家庭补助局发放家庭补贴和住房补助。 — 电话 3230</p>
<img src="x.png" alt=""><br/><span/>fin
<h2 data-search-exclude id="gone">Exclu</h2><p>pas indexé</p>
<h4 id="last">Dernier</h4><table><tr><th>A</th><td>1</td></tr></table>
"""


class _Page:
    def __init__(self, content: str, url: str = "x/", title: str = "Page") -> None:
        self.content, self.url, self.title = content, url, title
        self.meta: dict[str, Any] = {"title": "Méta"}
        self.toc: list[Any] = []


@pytest.mark.parametrize("html", [TRICKY_HTML, "texte sans titre <em>du tout</em>",
                                  "<h2 id='a'>Sans h1</h2>x", "<h1>Sans id</h1><h2 id=b>B</h2>"])
def test_search_entries_are_the_ones_material_makes(html: str) -> None:
    from backrefs import bre
    from material.plugins.search import plugin as material

    index = material.SearchIndex(lang=["fr"], separator="", pipeline=[], fields={})
    index.add_entry_from_context(_Page(html))
    segment = sections.chinese_segmenter(bre.compile(r"(\p{script: Han}+)", bre.UNICODE),
                                         material.jieba.cut)
    assert sections.entries(html, "x/", "Page", {"title": "Méta"}, [], segment) == index.entries


@pytest.mark.parametrize("html", ["a < b", "<![CDATA[x]]>", "x </ p> y",
                                  "<script>'</b>'</script>"])
def test_unexpected_markup_is_left_to_material(html: str) -> None:
    assert sections.entries(html, "x/", "Page", {}, [], None) is None


def test_the_addresses_of_a_page_in_other_languages_are_joined_as_urljoin_does() -> None:
    import random
    from urllib.parse import urljoin

    from voisinage.frontends.mkdocs.plugin import _joiner

    pick = random.Random(0)
    folders = ["ar", "lille-la-source", "x.y", "é", "b c", ".well", "%20", "..", "."]
    for _ in range(20000):
        base = "https://example.org/" + "".join(
            pick.choice(folders[:-2]) + "/" for _ in range(pick.randint(0, 4)))
        link = "../" * pick.randint(0, 6) + "".join(
            pick.choice(folders) + "/" for _ in range(pick.randint(0, 3)))
        link = pick.choice([link, link.rstrip("/"), "./", "#top", "https://other.example/"])
        assert _joiner(base)(link) == urljoin(base, link), (base, link)
    assert _joiner("https://e.org/fr/a/?q=1")("../b/") == urljoin("https://e.org/fr/a/?q=1", "../b/")


def test_a_page_given_its_source_by_a_plugin_is_read_from_it_as_mkdocs_reads_it() -> None:
    from types import SimpleNamespace

    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from voisinage.frontends.mkdocs import upstream

    asked: list[Any] = []

    def source(page: Any, config: Any) -> str | None:
        asked.append(page)
        return sources.pop(0)

    sources: list[str | None] = ["---\ntitle: Donné\n---\n# Corps\n", None]
    config = SimpleNamespace(plugins=SimpleNamespace(on_page_read_source=source))
    file = File("a.fr.md", "/nowhere", "/site", True)
    page = Page(None, file, {"use_directory_urls": True})
    upstream.read_source_from(page, {"title": "Du souche"})
    page.read_source(config)
    assert (page.markdown, page.meta) == ("# Corps\n", {"title": "Donné"})
    page.read_source(config)
    assert (page.markdown, page.meta) == ("", {"title": "Du souche"})
    assert len(asked) == 2  # once per read

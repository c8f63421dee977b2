"""Adapters over work the upstream code repeats for nothing; the site stays byte-identical.

1. mkdocs-static-i18n (1.3.1) builds each language in turn, and in each of those builds
   `reconfigure_files_alternates` makes a new `File` for every page's version in every other
   language, trying the versions one after the other: languages² × pages objects per build, the
   same ones in every build. They depend only on the file and the language they are made for, and
   nothing changes them afterwards (they are not pages of the build), so we keep them for the
   whole `mkdocs build`: −13–20 % of a build's CPU. `tests/test_speed.py` fails once upstream
   stops repeating that work, so that this adapter can go. Then each language build's
   `reconfigure_files` makes its language's version of every file of every language, which
   the alternates of the builds before it made already (about a fifth of a forked share's CPU):
   those are made once, and each build gets copies (they become the build's pages, which MkDocs
   changes). One cache holds both, and a process forked for other languages keeps it.
2. Material's search plugin cuts every page's HTML into sections with Python's `html.parser` and
   segments Chinese with jieba. For the pages voisinage renders, `sections.entries` makes the same
   entries from a regular-expression scan, and each run of Chinese characters is segmented once
   per process; Material gets nothing to parse. Other pages are indexed by Material as before.
3. Each language build of static-i18n also makes a file for every page's version in every
   language (languages × pages in each build), only to try them as alternates: where a page has a
   default-language version, the alternate static-i18n makes from it instead has the same
   address, so the versions in the other languages are not given to it (`only_files_used`).
4. MkDocs reads each page's stub back and parses its front matter, then converts its Markdown
   with a new converter: a voisinage page is given the front matter voisinage wrote in its stub
   (`read_source_from`), and its blank Markdown what converting it would give
   (`render_blank_markdown_at_once`).
5. MkDocs, in each language build, lists the theme's ~14,500 files (Material's icons) to find its
   static files, then copies the same ~90 of them to the same places: listed once and copied
   once per `mkdocs build`.

They are installed on the plugin instances of one build (never on their classes) and only when
the upstream code still has the shape they were written for; otherwise the build goes on without
them, just slower. The plugin's `fast_paths: false` turns them off, to compare.
"""

from __future__ import annotations

import copy
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from . import sections

log = logging.getLogger("mkdocs.plugins.voisinage")

_SEARCH_PLUGINS = ("search", "material/search")


def cache_alternates(i18n: Any, cache: dict[tuple[Any, ...], Any]) -> bool:
    """Make static-i18n's alternates of each file and language once, kept in `cache` (one per
    `mkdocs build`, shared by its language builds, and with `make_files_once`: an alternate and
    a file of a later build are the same version, made once). Returns whether it could be
    installed."""
    if "reconfigure_files_alternates" in vars(i18n):
        return True  # installed by an earlier language build of this `mkdocs build`
    original = getattr(type(i18n), "reconfigure_files_alternates", None)
    if original is None:
        return False

    def reconfigure_files_alternates(i18n_src_uris: Any, alternate_src_uris: Any, config: Any,
                                     create_i18n_file: Callable[..., Any]) -> Any:
        def create_once(file: Any, language: str, default: str, languages: list[str],
                        config: Any) -> Any:
            key = _file_key(file, language, default, languages, config)
            made = cache.get(key)
            if made is None:
                made = create_i18n_file(file, language, default, languages, config)
                # make_files_once's copy leaves the version it copied in the same cache: that
                # one, never a page of any build, is the alternate (the copy is for pages).
                made = cache.setdefault(key, made)
            return made

        return original(i18n, i18n_src_uris, alternate_src_uris, config, create_once)

    i18n.reconfigure_files_alternates = reconfigure_files_alternates
    return True


def make_files_once(i18n: Any, cache: dict[tuple[Any, ...], Any]) -> bool:
    """Make static-i18n's version of each file for each language once per `mkdocs build`, kept
    in `cache` (a language build's files were made as alternates by the builds before it), and
    give each language build a copy. Those files become the build's pages, which MkDocs changes
    (their page, their alternates), so every build gets fresh copies of a version no build has
    touched. Returns whether it could be installed."""
    if "reconfigure_files" in vars(i18n):
        return True
    original = getattr(type(i18n), "reconfigure_files", None)
    suffix = sys.modules.get("mkdocs_static_i18n.suffix")
    made = getattr(suffix, "create_i18n_file", None)
    if original is None or made is None or i18n.config.docs_structure != "suffix":
        return False

    def create_copy(file: Any, language: str, default: str, languages: list[str],
                    config: Any) -> Any:
        key = _file_key(file, language, default, languages, config)
        pristine = cache.get(key)
        if pristine is None:
            pristine = cache[key] = made(file, language, default, languages, config)
        fresh = copy.copy(pristine)
        fresh.alternates = {language: fresh}  # as create_i18n_file makes them: itself only
        # The one thing the site's folder changes, as create_i18n_file sets it: the version may
        # have been made by the process that forked this one, for a folder of its own.
        fresh.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, fresh.dest_path))
        return fresh

    def reconfigure_files(files: Any, config: Any) -> Any:
        # static-i18n looks the function up in its module in every call: swapped for this call.
        suffix.create_i18n_file = create_copy  # type: ignore[union-attr]
        try:
            return original(i18n, files, config)
        finally:
            suffix.create_i18n_file = made  # type: ignore[union-attr]

    i18n.reconfigure_files = reconfigure_files
    return True


def _file_key(file: Any, language: str, default: str, languages: list[str],
              config: Any) -> tuple[Any, ...]:
    # Every input of create_i18n_file, which reads nothing else (src_uri and dest_uri are what
    # its src_path and dest_path are made from), but the site's folder: it only makes the
    # file's abs_dest_path, which create_copy sets on each copy, and which an alternate (never
    # written) does not use. So the versions made before a build forks serve every process.
    return (file.src_uri, file.dest_uri, file.inclusion, language, default, tuple(languages),
            config.docs_dir, config.use_directory_urls)


def only_files_used(i18n: Any, files: Any) -> Any:
    """The files a static-i18n language build needs: of each page, the versions in the language
    being built and in the default language. Another language's version of a page that has a
    default-language version is only tried as an alternate, and the alternate static-i18n then
    makes from the default-language version has the same address (both lose their language
    suffix and go under the same language folder); so it is left out, and static-i18n makes
    ~4× fewer files in each build. Returns `files` as they are where static-i18n would not fall
    back to the default language (`fallback_to_default: false`) or lays its files out otherwise
    than by suffix."""
    settings = getattr(i18n, "config", None)
    if (getattr(settings, "docs_structure", None) != "suffix"
            or getattr(settings, "fallback_to_default", None) is not True):
        return files
    try:
        current, default = i18n.current_language, i18n.default_language
        languages = set(i18n.all_languages)
    except AttributeError:  # not the static-i18n this was written for
        return files
    present = {file.src_uri for file in files}
    kept = [file for file in files
            if not _other_version(file, current, default, languages, present)]
    if len(kept) == len(files):
        return files
    return type(files)(kept)


def _other_version(file: Any, current: str, default: str, languages: set[str],
                   present: set[str]) -> bool:
    """Whether `file` is a page's version in a language other than `current` and `default`,
    beside a version in `default`."""
    if not file.is_documentation_page():
        return False
    stem, dot, extension = file.src_uri.rpartition(".")
    base, dot_, language = stem.rpartition(".")
    if not (dot and dot_ and base) or language in (current, default) or language not in languages:
        return False
    return f"{base}.{default}.{extension}" in present


def read_source_from(page: Any, front_matter: dict[str, Any]) -> None:
    """MkDocs reads each page's file and parses its YAML front matter: a voisinage stub is only
    front matter, which voisinage wrote from `front_matter`, so the page is given that (made
    for this page alone: plugins change a page's meta). A plugin that gives a page's source itself
    (`on_page_read_source`) still has its source read as MkDocs reads it."""
    from mkdocs.utils import meta

    def read_from_records(config: Any) -> None:
        source = config.plugins.on_page_read_source(page=page, config=config)
        if source is not None:  # parsed as MkDocs parses it (the event is asked once)
            page.markdown, page.meta = meta.get_data(source)
            return
        page.markdown, page.meta = "", front_matter

    page.read_source = read_from_records


def render_blank_markdown_at_once(page: Any) -> None:
    """A voisinage page's stub has no Markdown body (its HTML comes from the records, in
    `on_page_content`), yet MkDocs sets up a converter with every extension of mkdocs.yml for
    each page (~2 % of a build) to convert nothing: Python-Markdown returns "" for a blank text
    before any extension runs. The page gets what that conversion would give it; a page whose
    Markdown is not blank when MkDocs renders it is rendered by MkDocs."""
    from mkdocs.structure.toc import get_toc

    render = type(page).render

    def render_blank(config: Any, files: Any) -> None:
        if page.markdown is None or page.markdown.strip():
            render(page, config, files)
            return
        page.content, page.toc = "", get_toc([])
        page._title_from_render, page.present_anchor_ids = None, set()

    page.render = render_blank


def list_theme_once(theme: Any, cache: dict[tuple[Any, ...], list[str]]) -> bool:
    """Keep the theme's list of files (`env.list_templates`, which MkDocs asks in every build)
    for one `mkdocs build` in `cache`. The list depends only on the theme's folders (static-i18n
    adds its sitemap's folder again in every language build: a duplicate, which lists nothing
    more) and on the templates MkDocs leaves out."""
    if "get_env" in vars(theme):
        return True
    get_env = getattr(theme, "get_env", None)
    if get_env is None:
        return False

    def get_env_listing_once() -> Any:
        env = get_env()
        listing = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None or filter_func is None:
                return list(listing(extensions, filter_func))
            key = (tuple(dict.fromkeys(theme.dirs)), tuple(theme.static_templates))
            if key not in cache:
                cache[key] = list(listing(filter_func=filter_func))
            return list(cache[key])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env_listing_once
    return True


def copy_theme_once(files: Any, copied: set[tuple[str, str]]) -> None:
    """The theme's static files that an earlier language build of this `mkdocs build` copied
    already (same source, same place) are not copied again."""
    for file in files:
        if file.is_documentation_page() or not getattr(file, "abs_src_path", None):
            continue
        key = (file.abs_src_path, file.abs_dest_path)
        if key in copied:
            file.copy_file = _copied_already
        else:
            copied.add(key)


def _copied_already(dirty: bool = False) -> None:
    """In place of File.copy_file for a file this `mkdocs build` has copied."""


def index_without_parsing(config: Any, ours: Callable[[Any], bool]) -> bool:
    """Let voisinage make the search entries of the pages `ours` says it renders, in this build
    (Material makes a new index in every language build). Returns whether it was installed."""
    plugin = next((config.plugins[name] for name in _SEARCH_PLUGINS if name in config.plugins),
                  None)
    index: Any = getattr(plugin, "search_index", None)
    add = getattr(index, "add_entry_from_context", None)
    if add is None or not isinstance(getattr(index, "entries", None), list):
        return False
    segment = _segmenter(plugin)

    def add_entry_from_context(page: Any) -> None:
        if ours(page) and not (page.meta.get("search") or {}).get("exclude"):
            made = sections.entries(page.content, page.url, page.title, page.meta, page.toc,
                                    segment)
            if made is not None:
                index.entries.extend(made)
                return
        add(page)

    index.add_entry_from_context = add_entry_from_context
    return True


def load_chinese_dictionary(config: Any) -> None:
    """Load jieba's dictionary now (before a build forks its processes, so that each does not
    load it again), when Material's search would segment Chinese."""
    plugin = next((config.plugins[name] for name in _SEARCH_PLUGINS if name in config.plugins),
                  None)
    if plugin is not None:
        jieba = getattr(__import__(type(plugin).__module__, fromlist=["jieba"]), "jieba", None)
        if jieba is not None:
            jieba.initialize()


_SEGMENTERS: dict[int, Callable[[str], str]] = {}


def _segmenter(plugin: Any) -> Callable[[str], str] | None:
    """Material's Chinese segmentation when Material would segment (jieba installed), cached."""
    module = __import__(type(plugin).__module__, fromlist=["jieba"])
    jieba = getattr(module, "jieba", None)
    if jieba is None:
        return None
    if id(jieba) not in _SEGMENTERS:
        from backrefs import bre  # Material's own dependency, for the same Han character class

        han = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)
        _SEGMENTERS[id(jieba)] = sections.chinese_segmenter(han, jieba.cut)
    return _SEGMENTERS[id(jieba)]

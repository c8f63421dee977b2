"""The MkDocs adapter: loads and checks records, writes page stubs, swaps in rendered bodies.

All the work is in the core modules; this file only maps MkDocs events onto them. Order matters:
stubs must exist before mkdocs-static-i18n scans files, so `on_config` runs first (priority 100).
"""

from __future__ import annotations

import copy
import gc
import logging
import re
import resource
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urljoin, urlsplit

import jinja2
import markupsafe
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ... import interface
from ...editors import cms
from ...languages import direction_of
from ...messages import _
from ...model.site_model import KINDS, relative_link
from ...publish import publish
from ...records.problems import RecordsError
from ...site import offline
from ...site.build import Build, prepare
from ...site.pages import templates_fixed
from ...site.stubs import front_matter
from . import pool, search, shards, upstream

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page as MkDocsPage
    from mkdocs.utils.templates import TemplateContext

    from ...site.pages import Page

log = logging.getLogger("mkdocs.plugins.voisinage")


class VoisinageConfig(Config):
    content = opt.Type(str, default="content")
    """Folder of the YAML records, relative to mkdocs.yml."""
    territories = opt.ListOfItems(opt.Type(str), default=[])
    """Build only the pages of these territories (empty: all), for previews and sharded builds."""
    portal_pages = opt.Type(bool, default=True)
    """Build the portal-wide pages too (themes, glossary, open data, short addresses; the home
    pages are always built)."""
    shard = opt.Type(bool, default=False)
    """Leave the search index unsplit and write a manifest, for `voisinage assemble`."""
    cache_dir = opt.Type(str, default="")
    """Where leaflets and compiled templates are kept between builds (default: .cache/voisinage
    beside mkdocs.yml)."""
    languages = opt.ListOfItems(opt.Type(str), default=[])
    """Build only these languages besides the default one (empty: all), for previews."""
    leaflets = opt.Type(bool, default=True)
    """Make the leaflets and open data after the pages (off in previews)."""
    cms = opt.Type(dict, default={})
    """The web editor under admin/ (Decap CMS): `repo` (owner/name on GitHub; default: from
    `repo_url`), `branch` (main), `base_url` (the OAuth client that signs editors in),
    `local_backend` (the local back end's API), `enabled` (true)."""
    guides = opt.Type(bool, default=True)
    """Make the printable guide of every territory: one A4 page per service and language. Costly
    for a national portal; turn off and make them with `voisinage leaflets --format guide`."""
    jobs = opt.Type(int, default=0)
    """Processes building the languages at once (pool.py): 0, the default, one per core; 1, one
    process. The environment variable VOISINAGE_JOBS overrides it. `mkdocs serve` and
    `--dirty` builds use one process."""
    share = opt.ListOfItems(opt.Type(str), default=[])
    """Set by a build on every core for the processes it starts: build only these languages."""
    fast_paths = opt.Type(bool, default=True)
    """Skip work mkdocs-static-i18n and Material's search repeat for nothing (upstream.py); the
    site is the same byte for byte. Off only to compare."""


class VoisinagePlugin(BasePlugin[VoisinageConfig]):
    def __init__(self) -> None:
        self.build: Build | None = None
        self._saved_404: tuple[Any, Any] | None = None  # theme language while 404.html renders
        self._i18n_files: dict[tuple[Any, ...], Any] = {}  # static-i18n's, for one mkdocs build
        self._theme_files: dict[tuple[Any, ...], list[str]] = {}  # the same, the theme's listing
        self._copied: set[tuple[str, str]] = set()  # theme files this mkdocs build has copied
        self._command: str | None = None  # from on_startup: build, serve, gh-deploy
        self._dirty = False
        self._share: list[str] | None = None  # languages this process builds, when shared out
        self._workers: list[pool.Worker] = []
        self._pending: list[list[str]] = []  # shares whose processes are not started yet
        self._merged_index: dict[str, Any] | None = None  # every share's search entries
        self._in_turn = False  # inside one of this process's language builds after the first
        self._site_dir: Path | None = None  # where this build writes, removed if it fails

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command, self._dirty = command, dirty

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        _show_core_log()
        root = Path(config.config_file_path).parent
        try:
            self.build = prepare(
                root / self.config.content, Path(config.docs_dir),
                territories=self.config.territories or None,
                languages=self.config.languages or None, guides=self.config.guides,
                portal_pages=self.config.portal_pages, previous=self.build,
            )
        except RecordsError as error:
            raise PluginError("voisinage: " + _("the records have errors:")
                              + f"\n{error}") from None
        _check_languages(config, self.build)
        self._site_dir = Path(config.site_dir)
        if not config.site_description:  # the 404 page's description (pages have their own)
            portal = self.build.portal
            config.site_description = str(markupsafe.escape(portal.plain(
                portal.record.tagline or portal.record.name, portal.default)))
        i18n = config.plugins.get("i18n")
        assert i18n is not None  # _check_languages refuses a build without it
        if not i18n.building:  # the first language build of a new `mkdocs build`
            if not self.config.share:  # a forked process keeps what its parent made
                self._i18n_files.clear()
                self._theme_files.clear()
            self._copied.clear()
            if self._command == "build":
                gc.freeze()  # the records and page model live for the whole build: not scanned
                templates_fixed()
            self._share_out(config, i18n)
        if self.config.fast_paths:
            upstream.cache_alternates(i18n, self._i18n_files)
            upstream.make_files_once(i18n, self._i18n_files)
            upstream.list_theme_once(config.theme, self._theme_files)
        return config

    def on_files(self, files: Any, config: Any) -> Any:
        if self.config.fast_paths:  # before static-i18n's (priority -100)
            upstream.copy_theme_once(files, self._copied)
            i18n = config.plugins.get("i18n")
            if i18n is not None:
                files = upstream.only_files_used(i18n, files)
        return files

    def _share_out(self, config: Any, i18n: Any) -> None:
        """Decide which languages this process builds; start the processes for the others."""
        self._share, self._workers, self._pending = None, [], []
        order = _build_order(i18n)
        if self.config.share:  # one of the processes of a build on every core
            unknown = [lang for lang in self.config.share if lang not in order]
            if unknown:
                raise PluginError("voisinage: " + _(
                    "share: no language {unknown} in mkdocs.yml (plugins → i18n → languages: "
                    "{known})", unknown=", ".join(unknown), known=", ".join(order)))
            self._share = list(self.config.share)
            i18n.current_language, i18n.building = self._share[0], True
            return
        if self._command != "build" or self._dirty:
            return
        try:
            parts = pool.shares(order, pool.jobs_wanted(self.config.jobs))
        except pool.PoolError as error:
            raise PluginError(f"voisinage: {error}") from None
        if len(parts) < 2:
            return
        if not pool.available():
            log.info("voisinage: %s", _("one process (a build on every core forks, on Linux "
                                        "only)"))
            return
        self._share, i18n.building = parts[0], True  # static-i18n's own loop stays idle
        log.info("voisinage: %s", _(
            "{languages} languages in {processes} processes at once (jobs; VOISINAGE_JOBS=1 for "
            "one): {here} here; {others}", languages=len(order), processes=len(parts),
            here=", ".join(parts[0]), others="; ".join(", ".join(part) for part in parts[1:])))
        if self.config.fast_paths and "zh" in order:
            upstream.load_chinese_dictionary(config)  # once, for every process
        self._pending = parts[1:]  # started once this process has rendered its first page

    def _start_workers(self, config: Any) -> None:
        """Fork the other shares' processes. Done after this process's first page, so that
        they inherit what it made for every language (templates compiled, the theme listed)."""
        parts, self._pending = self._pending, []
        cache = _cache_dir(self.config, config)
        prepared = (self.build, self._theme_files, self._i18n_files)
        self._workers = [
            pool.start(config.config_file_path, cache / "pool" / str(i), part, prepared,
                       bool(config.strict), _build_forked, Path(config.site_dir))
            for i, part in enumerate(parts, 2)]

    def on_build_error(self, *, error: Exception) -> None:
        self._pending = []
        pool.stop(self._workers)
        # A failed build publishes nothing: the pages written before the failure (leaflets are
        # made after them) must not be taken for the site. MkDocs empties the folder at the start
        # of every build anyway; a preview server keeps its own, and a forked share's folder is
        # removed by the process that started it.
        if self._command == "build" and not self.config.share and self._site_dir is not None:
            shutil.rmtree(self._site_dir, ignore_errors=True)

    def on_pre_build(self, config: Any) -> None:
        if self.config.fast_paths:  # Material made a new search index in this language build
            upstream.index_without_parsing(config, lambda page: self._page(page) is not None)

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig,
               files: Files) -> jinja2.Environment | None:
        # MkDocs compiles the theme's templates again in every build; keep their bytecode.
        folder = _cache_dir(self.config, config) / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        env.globals["voisinage_say"] = interface.say  # for 404.html, the one page not ours
        env.globals["voisinage_dir"] = direction_of
        return env

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer | None:
        server.watch(str(Path(config.config_file_path).parent / self.config.content))
        return server

    def on_pre_page(self, page: MkDocsPage, /, *, config: MkDocsConfig,
                    files: Files) -> MkDocsPage | None:
        rendered = self._page(page)
        if self.config.fast_paths and rendered is not None:
            upstream.read_source_from(page, front_matter(rendered))
            upstream.render_blank_markdown_at_once(page)
        return page

    def on_page_content(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig,
                        files: Files) -> str | None:
        rendered = self._page(page)
        return html if rendered is None else str(rendered.body)

    def on_page_context(self, context: TemplateContext, /, *, page: MkDocsPage,
                        config: MkDocsConfig, nav: Navigation) -> TemplateContext | None:
        rendered = self._page(page)
        if rendered is not None and self.build is not None:
            ours = cast("dict[str, Any]", context)  # keys the overrides read, beyond MkDocs' own
            ours["voisinage"] = rendered
            ours["voisinage_site"] = _SiteView(self.build)
            # Material writes it unescaped into <meta name="description" content="…">: record text
            # is data, so it goes in escaped.
            page.meta["description"] = markupsafe.escape(rendered.description)
            # MkDocs' previous/next page follows the order of every file of the build: it means
            # nothing to a resident, and would make a page depend on what else is built (shards).
            page.previous_page = page.next_page = None
        return context

    def on_template_context(self, context: TemplateContext, /, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext | None:
        # static-i18n leaves the language switcher of the last page built on 404.html; point it
        # at each language's home instead (the same in every build and every shard).
        i18n = config.plugins.get("i18n")
        if template_name == "sitemap.xml" and self.config.fast_paths and i18n is not None:
            # static-i18n's sitemap lists every language built so far, and each language build
            # writes it again over the one before: only this process's last one is kept.
            languages = self._share or _build_order(i18n)
            if i18n.current_language != languages[-1]:
                ours = cast("dict[str, Any]", context)
                ours["i18n_alternates"] = {}
        homes = getattr(i18n, "extra_alternate", None)
        if template_name == "404.html" and homes:
            # As static-i18n sets it: an attribute (Jinja reads it before the item of that name),
            # which MkDocs' types do not know.
            config.extra.alternate = copy.deepcopy(homes)  # type: ignore[attr-defined]
        return context

    def on_pre_template(self, template: jinja2.Template, /, *, template_name: str,
                        config: MkDocsConfig) -> jinja2.Template | None:
        # The site's one 404.html is written by the last language's build: frame it in the
        # default language (its <html lang>, the theme's words, the logo leading to the root),
        # not in Bengali; the page itself says "not found" in every language.
        if template_name == "404.html" and self.build is not None:
            self._saved_404 = (config.theme["language"], config.extra.get("homepage"))
            config.theme["language"] = self.build.portal.default.code
            config.extra["homepage"] = urlsplit(config.site_url or "/").path or "/"
        return template

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        output = output_content
        saved = self._saved_404
        if template_name == "404.html" and self.build is not None:
            output = _theme_fixes(output, self.build.portal.default.code)
            output = _absolute_alternates(output, config.site_url or "",
                                          self.build.portal.default.code)
        if template_name == "404.html" and saved is not None:
            config.theme["language"], homepage = saved
            if homepage is None:
                config.extra.pop("homepage", None)
            else:
                config.extra["homepage"] = homepage
            self._saved_404 = None
        return output

    def on_post_page(self, output: str, /, *, page: MkDocsPage,
                     config: MkDocsConfig) -> str | None:
        if self._pending:
            self._start_workers(config)
        rendered = self._page(page)
        if rendered is None or self.build is None:
            return output
        # Each language and territory has its own search index, under its own root (search.py).
        scope = search.scope_url(self.build.portal, rendered.key, rendered.lang)
        base = f'"base": "{relative_link(page.url, scope.rstrip("/"))}"'
        output = _absolute_alternates(output, page.canonical_url or "",
                                      self.build.portal.default.code)
        return _theme_fixes(_CONFIG_BASE.sub(base, output, count=1), rendered.lang.code)

    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._in_turn:
            return  # one of this process's language builds: wait for the outer one
        i18n = config.plugins.get("i18n")
        if self._share is not None:
            self._build_share(config, i18n)
            if self.config.share:
                return  # the process that started this one puts the site together
        elif i18n is not None and getattr(i18n, "building", False):
            return  # inside static-i18n's per-language builds: wait for the outer one
        if self.build is not None:
            portal, site = self.build.portal, Path(config.site_dir)
            root = Path(config.config_file_path).parent
            languages = [lang.code for lang in portal.langs]
            offline.write(portal, site)  # the service worker's notice, in every language
            if self.config.shard:
                shards.keep_for_assembly(
                    site, records=shards.records_digest(root / self.config.content),
                    territories=portal.built, all_territories=list(portal.cat.territories),
                    portal_pages=portal.portal_pages, languages=languages,
                    default=portal.default.code, missions=search.missions_of(portal),
                    editions=portal.editions.digest if portal.record.site_url else "")
            else:
                search.split(site, languages, portal.default.code, portal.cat.territories,
                             search.missions_of(portal), index=self._merged_index)
            self._merged_index = None
            if not self.config.leaflets:
                return
            try:  # leaflets, short-address redirects and report CSVs, beside the pages
                publish(portal, site, _cache_dir(self.config, config),
                        editor=_editor(self.config.cms, config.repo_url))
            except RecordsError as error:
                raise PluginError("voisinage: " + _("the leaflets cannot be made:")
                                  + f"\n{error}") from None

    def _build_share(self, config: Any, i18n: Any) -> None:
        """This process's other languages, then (in the process `mkdocs build` started) the
        other processes' languages put into the site."""
        assert self._share is not None
        if self._pending:  # no page in the first language build
            self._start_workers(config)
        self._in_turn = True
        try:
            pool.build_share(config, i18n, self._share,
                             lambda again: mkdocs_build(again, dirty=False))
        finally:
            self._in_turn, i18n.building = False, False
        if self._workers:
            started = time.perf_counter()
            try:
                pool.wait(self._workers)
                self._merged_index = pool.merge(Path(config.site_dir), self._workers,
                                                _build_order(i18n), write_index=self.config.shard)
            except pool.PoolError as error:
                raise PluginError(f"voisinage: {error}") from None
            own = resource.getrusage(resource.RUSAGE_SELF)
            log.info("voisinage: %s", _(
                "the languages of {processes} processes put together in {seconds} s (this "
                "process: CPU {cpu} s in all)", processes=len(self._workers) + 1,
                seconds=f"{time.perf_counter() - started:.1f}",
                cpu=f"{own.ru_utime + own.ru_stime:.1f}"))

    def _page(self, page: MkDocsPage) -> Page | None:
        if self.build is None:
            return None
        return self.build.by_src.get(page.file.src_uri)


def _build_forked(config_file: str, site: Path, share: list[str], prepared: Any,
                  strict: bool) -> None:
    """In a process forked by pool.start: a whole `mkdocs build` of the languages `share` of the
    same mkdocs.yml into `site`, with the records, pages, theme listing and static-i18n files the
    parent prepared."""
    from mkdocs.config import load_config

    config = load_config(config_file, site_dir=str(site), strict=strict)
    ours: Any = config.plugins["voisinage"]
    ours.config.share, ours.config.jobs, ours.config.leaflets = share, 1, False
    # The same records (prepare() sees no change), theme listing and static-i18n files.
    ours.build, ours._theme_files, ours._i18n_files = prepared
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


class _SiteView:
    """What the theme overrides may ask about the portal as a whole."""

    def __init__(self, build: Build) -> None:
        self._portal = portal = build.portal
        self.codes = [portal.default.code] + [x.code for x in portal.langs
                                              if x is not portal.default]
        self._default = portal.default

    def is_root(self, page: Any) -> bool:
        return page.key == ("home",) and page.lang is self._default

    def territory_link(self, page: Any) -> str | None:
        """Relative link to the page's territory, which the service worker keeps offline."""
        if not KINDS[page.key[0]].offline_with_territory:
            return None
        target = self._portal.url_of(("territory", page.key[1]), page.lang)
        return relative_link(page.url, target)


    def kept_links(self, page: Any) -> str:
        """Pages the service worker keeps after one visit of this page (a mission's services)."""
        return " ".join(offline.kept_links(self._portal, page.key, page.url, page.lang))


def _cache_dir(options: VoisinageConfig, config: MkDocsConfig) -> Path:
    """Where leaflets and compiled templates are kept between builds."""
    if options.cache_dir:
        return Path(options.cache_dir)
    return Path(config.config_file_path).parent / ".cache" / "voisinage"


def _editor(options: dict[str, Any], repo_url: str | None) -> cms.Options | None:
    """The web editor's options from mkdocs.yml: `plugins: - voisinage: cms: {…}`."""
    if options.get("enabled", True) is False:
        return None
    known = {"repo", "branch", "base_url", "local_backend", "enabled"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise PluginError("voisinage: " + _(
            "unknown option cms.{option} in mkdocs.yml — expected some of {known}",
            option=unknown[0], known=", ".join(sorted(known))))
    repo = str(options.get("repo") or "")
    match = re.match(r"https://github\.com/([^/]+/[^/]+?)(\.git)?/?$", repo_url or "")
    if not repo and match:
        repo = match.group(1)
    return cms.Options(repo=repo, branch=str(options.get("branch") or "main"),
                       base_url=str(options.get("base_url") or ""),
                       local_backend=str(options.get("local_backend") or cms.LOCAL_BACKEND))


def _show_core_log() -> None:
    """Print the core's progress lines (pages rendered, leaflets made) as MkDocs prints its own."""
    core = logging.getLogger("voisinage")
    for handler in logging.getLogger("mkdocs").handlers:
        if handler not in core.handlers:
            core.addHandler(handler)
    core.setLevel(logging.INFO)
    core.propagate = False


_CONFIG_BASE = re.compile(r'"base":\s*"[^"]*"')
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*) autocomplete="off"')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def _absolute_alternates(html: str, here: str, default: str) -> str:
    """The theme writes the page's other languages (`<link rel="alternate" hreflang>`) as
    relative links; search engines want full addresses, and an `x-default` for readers of
    other languages (the default language's version). The language menu keeps its relative
    links, so that a local preview stays local."""
    if not here.startswith("http"):
        return html
    versions: dict[str, str] = {}
    join = _joiner(here)

    def absolute(found: re.Match[str]) -> str:
        versions[found[2]] = href = join(found[1])
        return f'<link rel="alternate" href="{href}" hreflang="{found[2]}">'

    html = _ALTERNATE.sub(absolute, html)
    if default not in versions:
        return html
    own = f'<link rel="alternate" href="{versions[default]}" hreflang="{default}">'
    return html.replace(own, own + f'\n<link rel="alternate" href="{versions[default]}" '
                        'hreflang="x-default">', 1)


_CLIMB = re.compile(r"((?:\.\./)*)((?:[^./?#:][^/?#:]*/)*)")


def _joiner(base: str) -> Callable[[str], str]:
    """`urljoin(base, link)` for the links the theme writes from a page to its other languages
    (`../../ar/x/`), from the page's address split once, without urllib's general parsing of
    both (8 links a page); any other link goes to urljoin."""
    parts = urlsplit(base)
    if parts.query or parts.fragment or not parts.path.endswith("/"):
        return lambda link: urljoin(base, link)
    origin = base[: len(base) - len(parts.path)]
    folders = parts.path.split("/")[1:-1]

    def join(link: str) -> str:
        found = _CLIMB.fullmatch(link)
        if found is None:
            return urljoin(base, link)
        up = len(found[1]) // 3
        kept = folders[: max(0, len(folders) - up)]
        return origin + "/" + "".join(folder + "/" for folder in kept) + found[2]

    return join


def _theme_fixes(html: str, lang: str) -> str:
    """Two faults of the theme's own markup, on every page: its hidden checkboxes carry an
    `autocomplete` the HTML standard forbids there (the W3C checker's only errors), and its
    search dialog has no accessible name (axe, Lighthouse)."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    label = interface.say("search", lang)
    named = _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{label}"')
    return html.replace(_SEARCH_DIALOG, named, 1)


def _build_order(i18n: Any) -> list[str]:
    """static-i18n builds the default language first, then the others in mkdocs.yml's order."""
    default = i18n.default_language
    return [default] + [lang for lang in i18n.build_languages if lang != default]


def _check_languages(config: MkDocsConfig, build: Build) -> None:
    """mkdocs-static-i18n must build exactly the languages that content/portal.yml declares."""
    i18n: Any = config.plugins.get("i18n")  # static-i18n's own config: read, not typed here
    if i18n is None:
        raise PluginError("voisinage: " + _("add the `i18n` plugin (mkdocs-static-i18n) after "
                                            "`voisinage` in mkdocs.yml `plugins:`"))
    declared = [lang.code for lang in build.portal.langs]
    built = [lang.locale for lang in i18n.config.languages]
    default = next((lang.locale for lang in i18n.config.languages if lang.default), None)
    if sorted(declared) != sorted(built) or default != build.portal.default.code:
        lines = "\n".join(
            f"        - {{locale: {lang.code}, name: {lang.name}, build: true"
            + (", default: true}" if lang is build.portal.default else "}")
            for lang in build.portal.langs
        )
        raise PluginError("voisinage: " + _(
            "the languages of mkdocs.yml (plugins → i18n → languages: {built}) differ from "
            "content/portal.yml ({declared}). Write them in mkdocs.yml as:",
            built=", ".join(built), declared=", ".join(declared))
            + f"\n      languages:\n{lines}")

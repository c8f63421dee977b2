"""One build of the portal's pages: load, check, render, write stubs. Front-end neutral."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import _
from ..model.site_model import SiteModel
from ..records.checks import check
from ..records.loading import Catalogue, load, relative_path
from ..records.problems import Problem, RecordsError
from .pages import Page, Pages
from .stubs import strays, write_stubs

log = logging.getLogger("voisinage")


@dataclass
class Build:
    fingerprint: tuple[tuple[str, int, int], ...]
    portal: SiteModel
    pages: list[Page]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def by_src(self) -> dict[str, Page]:
        return self._by_src

    def __post_init__(self) -> None:
        self._by_src = {page.src: page for page in self.pages}


def fingerprint(content: Path) -> tuple[tuple[str, int, int], ...]:
    # lstat: a symbolic link is never followed (the loader refuses it; docs/security.md)
    return tuple((p.as_posix(), p.lstat().st_mtime_ns, p.lstat().st_size)
                 for p in sorted(content.rglob("*.y*ml")))


def load_checked(content: Path,
                 territories: list[str] | None = None) -> tuple[Catalogue, list[Problem]]:
    """The whole catalogue, or RecordsError listing every error. Warnings are returned.
    `territories`, when given, must all exist (a build limited to them still checks everything)."""
    loaded = load(content)
    problems = check(loaded)
    errors = [p for p in problems if p.severity == "error"]
    if errors or loaded.catalogue is None:
        raise RecordsError(problems)
    catalogue = loaded.catalogue
    if territories:
        unknown = sorted(set(territories) - set(catalogue.territories))
        if unknown:
            raise RecordsError([Problem(
                "mkdocs.yml", 1, 1, "territories",
                _("unknown territories: {unknown} — expected some of {known}",
                  unknown=", ".join(unknown), known=", ".join(catalogue.territories)))])
    return catalogue, [p for p in problems if p.severity == "warning"]


def prepare(content: Path, docs_dir: Path, *, territories: list[str] | None = None,
            languages: list[str] | None = None, guides: bool = True, portal_pages: bool = True,
            previous: Build | None = None) -> Build:
    """Check records and write page stubs; reuse the previous build when nothing changed.
    `territories` and `portal_pages` limit the pages made (a preview, a shard)."""
    stamp = fingerprint(content)
    if previous is not None and previous.fingerprint == stamp:
        return previous
    started = time.perf_counter()
    catalogue, warnings = load_checked(content, territories)
    portal = SiteModel(catalogue, languages=languages, guides=guides, territories=territories,
                    portal_pages=portal_pages)
    if catalogue.portal.record.site_url:
        portal.editions  # noqa: B018 — read the history now: a shallow clone fails before pages
    pages = list(Pages(portal))
    changed = write_stubs(pages, docs_dir)
    _refuse_strays(docs_dir, content.parent)
    for warning in warnings:
        log.warning(str(warning))
    log.info("voisinage: %s", _(
        "{pages} pages in {languages} languages prepared in {seconds} s ({changed} stubs "
        "changed)", pages=len(pages), languages=len(portal.langs),
        seconds=f"{time.perf_counter() - started:.1f}", changed=changed))
    return Build(stamp, portal, pages, warnings)


def _refuse_strays(docs_dir: Path, root: Path) -> None:
    """Every page comes from content/: a file voisinage did not write in docs_dir is refused."""
    found = strays(docs_dir)
    if found:
        raise RecordsError([Problem(relative_path(path, root), 1, 1, "", _(
            "this file was not written by voisinage, and {folder}/ is published as it is — "
            "remove it; every page comes from the records in content/ (docs/security.md)",
            folder=docs_dir.name))
            for path in found])

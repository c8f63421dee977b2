# Changed record files (a pull request's, from git) → the pages of the built site that show them,
# in the languages their readers use, for a reviewer who never opens a terminal: the workflow
# screenshots these pages at phone size and lists them in the job summary (CONTRIBUTING, "See
# the site before it is published"). Deleted records have no page left to show.
"""The pages a change to the records touches, to look at before accepting it."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..languages import Lang
from ..messages import _
from ..model.site_model import SiteModel
from ..records.loading import Entry, relative_path

MAX_PAGES = 40
"""Screenshots for one review at most: a change to portal.yml touches every page."""


@dataclass(frozen=True)
class Page:
    url: str  # relative to the site's root, e.g. "ar/ris-orangis/caf/"
    record: str  # the changed file that shows on it, e.g. "content/services/ris-orangis/caf.yml"
    title: str  # what the page is, for the summary


class ReviewError(Exception):
    """The changed files cannot be told; the message says why and what to do."""


def changed_files(root: Path, base: str) -> list[str]:
    """Files under content/ changed between `base` and the working tree (committed or not),
    relative to root."""
    try:
        done = subprocess.run(["git", "-C", str(root), "diff", "--name-only", "--relative",
                               base, "--", "content"], capture_output=True, text=True,
                              check=True, timeout=60)
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise ReviewError(_("cannot compare with {base}: {detail} — fetch it first (e.g. git "
                            "fetch origin main) or give another --base", base=base,
                            detail=detail.strip())) from None
    return sorted(line for line in done.stdout.splitlines() if line.strip())


def pages_to_review(portal: SiteModel, files: list[str]) -> list[Page]:
    """The pages showing each changed record, in the default language and the languages of its
    territory (most spoken first); at most MAX_PAGES, the first files' first."""
    by_file = {relative_path(e.path, portal.cat.root): e for e in portal.cat.entries()}
    pages: list[Page] = []
    for file in files:
        entry = by_file.get(file)
        if entry is None:
            continue
        for key, territory in _keys_of(portal, entry):
            for lang in _languages(portal, territory):
                title, _context = portal.about(key, lang)
                pages.append(Page(portal.url_of(key, lang), file, title))
    unique: dict[str, Page] = {}
    for page in pages:
        unique.setdefault(page.url, page)  # the first record that shows a page names it
    return list(unique.values())[:MAX_PAGES]


def _keys_of(portal: SiteModel, entry: Entry) -> list[tuple[tuple[str, ...], str | None]]:
    """The pages of one record, with the territory whose readers they are for."""
    cat = portal.cat
    if entry is cat.portal:
        return [(("home",), None)]
    if cat.glossary is not None and entry is cat.glossary:
        return [(("glossary",), None)]
    for tid, territory in cat.territories.items():
        if entry is territory:
            return [(("territory", tid), tid)]
        for sid, service in cat.services.get(tid, {}).items():
            if entry is service:
                return [(("service", tid, sid), tid), (("territory", tid), tid)]
    for mid, mission in cat.missions.items():
        if entry is mission and mid in portal.built_missions():
            return [(("mission", mid), mission.record.territory)]
    return []


def _languages(portal: SiteModel, territory: str | None) -> list[Lang]:
    spoken = portal.cat.territories[territory].record.languages if territory else []
    codes = [portal.default.code, *spoken] if spoken else [lang.code for lang in portal.langs]
    return [portal.declared[c] for c in dict.fromkeys(codes) if c in portal.declared]


def summary(pages: list[Page], pictures: str | None = None) -> str:
    """The pull request's job summary (Markdown): each page, and where its picture is."""
    if not pages:
        return _("No page of the site shows the changed records.") + "\n"
    heading = _("Pages to look at before accepting")
    columns = (_("Page"), _("Record"), _("Picture"))
    lines = ["### " + heading, "",
             _("Pictures at phone size (360×740) are in the artifact **{name}** of this run "
               "(Summary → Artifacts): download it and open the pictures.",
               name=pictures) if pictures else "", "",
             "| " + " | ".join(columns) + " |", "|---|---|---|"]
    for page in pages:
        title = page.title.replace("|", "\\|").replace("<", "&lt;")  # record text: data only
        lines.append(f"| {title} (`/{page.url}`) | `{page.record}` | "
                     f"`{picture_name(page.url)}` |")
    return "\n".join(lines) + "\n"


def picture_name(url: str) -> str:
    """The file scripts/screenshots writes for a page: "ar_ris-orangis_caf.png"."""
    return (url.strip("/").replace("/", "_") or "home") + ".png"

"""Everything a build publishes beside the pages: leaflets, open data, short addresses, report
CSVs and the editors' page. Front-end neutral: the MkDocs plugin calls `publish` once the pages
are written.
"""

from __future__ import annotations

import logging
import os
import shutil
from datetime import date
from pathlib import Path

from .. import exports
from ..editors import cms
from ..editors import editions as editors_editions
from ..editors import page as editors_page
from ..exports import reports
from ..messages import _
from ..model.leaflets import leaflets_of, left_out
from ..model.site_model import SiteModel
from ..paper import pdf
from ..paper.making import make, prune
from ..records.loading import relative_path
from ..records.problems import Problem, RecordsError
from ..site import redirects

log = logging.getLogger("voisinage")


def publish(portal: SiteModel, site_dir: Path, cache_dir: Path, *, printed: date | None = None,
            workers: int | None = None, editor: cms.Options | None = None) -> pdf.Outcome:
    """Write the leaflets of the territories built into the site and, when the build makes the
    portal-wide pages, the open data, short-address pages (one per leaflet edition), report CSVs,
    the editors' pages and the web editor (admin/; editor=None leaves it out)."""
    if not portal.record.site_url:  # `voisinage check` says so first; this guards other callers
        raise RecordsError([Problem(relative_path(portal.cat.portal.path, portal.cat.root), 1, 1,
                                    "site_url", _(
            "the leaflets' QR codes need the portal's public address — add "
            '`site_url: "https://…/"`'))])
    if portal.portal_pages:
        exports.write_all(portal, site_dir)  # open data under data/: HSDS, data·inclusion, CSV
    wanted = leaflets_of(portal)
    made, outcome = make(portal, wanted, cache_dir, printed=printed, workers=workers)
    for line in left_out_lines(portal, {x.id for x in wanted if x.kind == "territory"}):
        log.warning(line)
    for leaflet, cached in made.items():
        target = site_dir / leaflet.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        os.utime(cached)
    short_addresses = report_files = 0
    if portal.portal_pages:
        short_addresses = redirects.write(portal, site_dir)
        report_files = reports.write(portal, site_dir)
        editors_page.write(portal, site_dir)  # translation status, for editors only
        editors_editions.write(portal, site_dir)  # leaflet editions, for the association
        if editor is not None:
            cms.write(portal, site_dir, editor)  # admin/: the web editor of the records
    prune(cache_dir / "leaflets", {p.name for p in made.values()})
    log.info("voisinage: %s", _(
        "{leaflets} leaflets ({rendered} rendered, {reused} unchanged) in {seconds} s, "
        "{addresses} short addresses, {reports} mission reports; editions: {editions}",
        leaflets=len(made), rendered=len(outcome.rendered), reused=len(outcome.reused),
        seconds=f"{outcome.seconds:.1f}", addresses=short_addresses, reports=report_files,
        editions=portal.editions.source))
    return outcome


def left_out_lines(portal: SiteModel, territories: set[str]) -> list[str]:
    """What the build log says of each service the territories' leaflets leave out."""
    return [
        f"voisinage: {relative_path(e.path, portal.cat.root)}: " + _(
            "the figures of this service held until {date}: the leaflets of {territory} leave it "
            "out (its page says so) — correct its figures and valid_until",
            date=e.record.valid_until, territory=tid)
        for tid in portal.built if tid in territories for e in left_out(portal, tid)]


__all__ = ["left_out_lines", "publish"]

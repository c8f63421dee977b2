"""Making leaflets: the PDF of each one wanted, rendered only when its input changed, and never
cut — a leaflet that does not fit is refused with the record field to shorten.

`publish` calls `make` for the leaflets of a build; `voisinage leaflets` calls it to reprint some
into a folder of its own.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..messages import _
from ..model.leaflets import Leaflet, edition_of, refusals
from ..model.site_model import SiteModel
from ..records.loading import relative_path
from ..records.problems import Problem, RecordsError, field_path
from . import pdf
from .leaflets import FEWEST_ON_A_PAGE, SERVICES_ON_A_PAGE, TEMPLATES, data_of, locate

log = logging.getLogger("voisinage")


def make(portal: SiteModel, wanted: list[Leaflet], cache_dir: Path, *, printed: date | None = None,
         workers: int | None = None, progress: Callable[[int, int], None] | None = None,
         ) -> tuple[dict[Leaflet, Path], pdf.Outcome]:
    """The PDF of each leaflet wanted (in the cache), rendering only those whose input changed;
    printed on `printed`, or on each leaflet's edition date (leaflets.edition_of).
    Raises RecordsError naming the record field where a leaflet does not fit its page, or the
    service whose expired figures a mission leaflet would print."""
    refused = refusals(portal, wanted)
    if refused:
        raise RecordsError(refused)
    folder = cache_dir / "leaflets"
    limits: dict[Leaflet, int] = {}  # a services page that overflows lists fewer services
    outcome = pdf.Outcome()
    rendered: set[Leaflet] = set()  # in any pass
    todo = wanted
    while todo:  # the first pass renders all; the next ones the shrunk services pages
        documents = {leaflet: document_of(portal, leaflet, printed or edition_of(portal, leaflet),
                                          limits.get(leaflet))
                     for leaflet in todo}
        got = pdf.render_all(documents, folder, workers=workers, progress=progress)
        outcome.digests.update(got.digests)
        outcome.overflows = {k: v for k, v in outcome.overflows.items() if k not in documents}
        outcome.overflows.update(got.overflows)
        outcome.seconds += got.seconds
        outcome.render_seconds.update(got.render_seconds)
        rendered.update(got.rendered)
        todo = [leaflet for leaflet in got.overflows if leaflet.format == "services"
                and limits.get(leaflet, SERVICES_ON_A_PAGE) > FEWEST_ON_A_PAGE]
        for leaflet in todo:
            limits[leaflet] = limits.get(leaflet, SERVICES_ON_A_PAGE) - 2
    outcome.rendered = [leaflet for leaflet in wanted if leaflet in rendered]
    outcome.reused = [leaflet for leaflet in wanted if leaflet not in rendered]
    if outcome.overflows:
        raise RecordsError(sorted(_overflow(portal, leaflet, mark)
                                  for leaflet, mark in outcome.overflows.items()))
    return {leaflet: folder / f"{outcome.digests[leaflet]}.pdf" for leaflet in wanted}, outcome


def document_of(portal: SiteModel, leaflet: Leaflet, printed: date,
                limit: int | None = None) -> pdf.Document:
    """What the PDF engine draws for a leaflet: its template, its data and its page limit."""
    data = json.dumps(data_of(portal, leaflet, printed, limit), ensure_ascii=False,
                      separators=(",", ":"))
    return pdf.Document(TEMPLATES[leaflet.format], data, leaflet.pages,
                        portal.leaflet_link(leaflet.key, leaflet.lang).url)


def _overflow(portal: SiteModel, leaflet: Leaflet, mark: str) -> Problem:
    fallback = "name" if leaflet.kind == "territory" else "message"
    entry, loc = locate(portal, leaflet, mark or fallback)
    where = entry.doc.mark(loc)
    if loc[0] == "services":
        sid = entry.record.services[loc[1]]
        what = _('it overflows at the featured service "{service}" — feature fewer services, or '
                 "shorten", service=sid)
    elif leaflet.kind == "territory" or mark.startswith("service:"):
        what = _("it overflows at this service — shorten the names, or list fewer services here")
    else:
        what = _("it overflows at this text — shorten it")
    return Problem(relative_path(entry.path, portal.cat.root), where.line, where.column,
                   field_path(loc), _(
        "the {leaflet} does not fit on its page: {what} (texts of the leaflet, in its language "
        "or in French)", leaflet=leaflet.name, what=what))


KEEP_UNUSED = 3 * 24 * 3600  # seconds a cached PDF no build used survives: reprints, other branches


def prune(folder: Path, used: set[str]) -> None:
    """Forget cached PDFs that no build has used for a while (yesterday's print date, old texts)."""
    old = time.time() - KEEP_UNUSED
    for path in [*folder.glob("*.pdf"), *folder.glob("*.overflow")]:
        if path.name not in used and path.stat().st_mtime < old:
            path.unlink(missing_ok=True)

"""Each mission's results as a CSV for the partner: the same rows as its report page."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.site_model import report_csv_path
from ..records.missions import live, rows

if TYPE_CHECKING:
    from ..model.site_model import SiteModel
    from ..records.loading import Catalogue


def report_csv(cat: Catalogue, mid: str) -> str:
    """The mission's results as CSV (UTF-8 with a BOM, so that spreadsheets read the accents)."""
    mission = cat.missions[mid].record
    assert mission.results is not None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["mission", "territoire", "partenaire", "debut", "fin", "mesure", "code",
                     "libelle", "foyers", "remarque"])
    head = [mid, mission.territory, mission.partner, mission.period.start.isoformat(),
            mission.period.end.isoformat()]
    for row in rows(cat, mission.results):
        count = "" if row.households is None else str(row.households)
        writer.writerow([*head, row.measure, row.item, row.label, count, row.note])
    return "\ufeff" + buffer.getvalue()


def write(model: SiteModel, site_dir: Path) -> int:
    """Write the CSV of every mission that has results; returns how many."""
    cat = model.cat
    count = 0
    for mid, entry in live(cat).items():
        if entry.record.results:
            out = site_dir / report_csv_path(mid)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(report_csv(cat, mid), encoding="utf-8", newline="")
            count += 1
    return count

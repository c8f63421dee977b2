# Open data for partners: the records in standard formats, under stable paths of the built site.
# `write_all` is called by publish.py after each build; JSON-LD goes into the service pages instead
# (templates/jsonld.html calls `jsonld.script`). No MkDocs here.
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model.site_model import SiteModel

PATHS = {
    "hsds_services": "data/hsds/services.json",
    "hsds_organizations": "data/hsds/organizations.json",
    "hsds_locations": "data/hsds/locations.json",
    "datainclusion_structures": "data/data-inclusion/structures.json",
    "datainclusion_services": "data/data-inclusion/services.json",
    "csv": "data/services.csv",
}
"""Where each file is published, relative to the site root. Partners link to these: keep them."""


def write_all(portal: SiteModel, site_dir: Path) -> int:
    """Write every open-data file of the portal into the built site; returns how many.

    >>> write_all(portal, Path("site"))   # site/data/hsds/services.json, site/data/services.csv…
    6

    Raises RecordsError, naming the record field, when the national data·inclusion schema
    refuses a service; nothing is written then.
    """
    from . import datainclusion, hsds, spreadsheet

    structures, di_services = datainclusion.export(portal)
    files: dict[str, str] = {
        PATHS["hsds_services"]: _json(hsds.services(portal)),
        PATHS["hsds_organizations"]: _json(hsds.organizations(portal)),
        PATHS["hsds_locations"]: _json(hsds.locations(portal)),
        PATHS["datainclusion_structures"]: _json(structures),
        PATHS["datainclusion_services"]: _json(di_services),
        PATHS["csv"]: spreadsheet.services_csv(portal),
    }
    for rel, text in files.items():
        out = site_dir / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8", newline="")
    return len(files)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


__all__ = ["PATHS", "write_all"]

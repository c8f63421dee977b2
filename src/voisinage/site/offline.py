"""What the service worker (overrides/sw.js) needs to keep mission pages and speak offline.

A leaflet's QR code opens a mission page; the resident often opens its services later, without
data. So a mission page asks the service worker to keep itself, the services it features and its
territory page; and a page that was not kept is answered with a notice in the reader's language
(offline.json, written beside the pages), not a bare English "Offline".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import interface
from ..model.site_model import Key, SiteModel, relative_link
from ..records import missions

OFFLINE_FILE = "offline.json"


def kept_with(model: SiteModel, key: Key) -> list[Key]:
    """The pages a page asks the service worker to keep offline after one visit (a mission's:
    itself, its featured services and its territory), or none."""
    if key[0] != "mission":
        return []
    mission = model.cat.missions[key[1]].record
    featured = missions.featured(model.cat, mission)
    return [key, ("territory", mission.territory),
            *(("service", mission.territory, e.id) for e in featured)]


def kept_links(model: SiteModel, key: Key, here: str, lang: Any) -> list[str]:
    """`kept_with`, as links relative to the page at `here` (a directory URL)."""
    return [relative_link(here, model.url_of(k, lang)) for k in kept_with(model, key)]


def notes(model: SiteModel) -> dict[str, Any]:
    """The offline notice of every language, and where each language's pages live."""
    return {
        "default": model.default.code,
        "languages": {
            lang.code: {
                "dir": lang.direction, "lang": lang.html_lang,
                "home": model.url_of(("home",), lang),
                "title": interface.say("offline_title", lang.code),
                "text": interface.say("offline_text", lang.code),
                "back": interface.say("back_home", lang.code),
            }
            for lang in model.langs
        },
    }


def write(model: SiteModel, site_dir: Path) -> None:
    (site_dir / OFFLINE_FILE).write_text(
        json.dumps(notes(model), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

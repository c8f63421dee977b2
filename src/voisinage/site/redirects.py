"""The `go/<code>/` pages: one static redirect page per short address, in its language."""

from __future__ import annotations

import posixpath
from pathlib import Path

from .. import interface
from ..model.site_model import SiteModel
from .pages import environment


def write(model: SiteModel, site_dir: Path) -> int:
    """Write one static redirect page per short address; returns how many."""
    links = model.short_links
    template = environment().get_template("go.html")
    count = 0
    for link in links:
        out = site_dir / link.path / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        relative = posixpath.relpath(link.target or ".", link.path) + "/"
        out.write_text(template.render(
            link=link, href=relative, canonical=links.base + link.target, lang=link.lang,
            t=lambda key, code=link.lang.code: interface.say(key, code),
        ), encoding="utf-8")
        count += 1
    return count

"""Jinja environments for the packages that render HTML (site pages, leaflets, editors' page).

Each package keeps its templates beside its code and asks here for an environment over them, so
that every output escapes record text the same way and offers the same safe filters. Record text
is data: autoescape is on, and Markdown goes through `markup` (no raw HTML, safe schemes only).
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from . import markup


@functools.cache
def environment(folder: Path) -> jinja2.Environment:
    """The templates under `folder`, compiled once per process (a preview rebuilds in the same
    process; Jinja reloads a template whose file changed)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = markup.render
    env.filters["md_inline"] = markup.render_inline
    env.filters["plain"] = markup.plain
    env.filters["safe_url"] = lambda url: url if markup.url_problem(url) is None else "#"
    return env

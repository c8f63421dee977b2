"""voisinage: multilingual resident information portals and door leaflets from YAML records.

The core (records, loading, checks, pages, leaflets) never imports MkDocs, so the front end can
move; `voisinage.plugin` is the thin MkDocs adapter.
"""

from __future__ import annotations

__version__ = "0.1.0"

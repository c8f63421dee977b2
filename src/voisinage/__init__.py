"""voisinage: multilingual resident information portals and door leaflets from YAML records.

Data flows one way: records → model → site, paper, exports, editors → publish → front end and
command line (docs/architecture.md). Only `voisinage.frontends.mkdocs` imports MkDocs, so the
front end can move.
"""

from __future__ import annotations

__version__ = "0.1.0"

"""QR codes made for paper: vector SVG, a full quiet zone, and error correction for creases.

Leaflets get folded in pockets and handled at doors, so the codes use level Q (a quarter of the
code may be damaged; segno raises it to H when that costs no extra size) and the standard quiet
zone of 4 modules. The short address keeps the code at version 3 or 4, so that at 2.6 cm a module
is about 0.6 mm: a cheap phone reads it at arm's length.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup

ERROR_LEVEL = "q"
QUIET_ZONE = 4  # modules


@lru_cache(maxsize=1024)
def _code(url: str) -> segno.QRCode:
    return segno.make(url, error=ERROR_LEVEL, micro=False)  # ~10 ms: most of it choosing the mask


def qr_svg(url: str) -> Markup:
    """An SVG of the code for `url`, sized by its user (no width/height of its own)."""
    code = _code(url)
    svg = code.svg_inline(border=QUIET_ZONE, omitsize=True, dark="#000", light="#fff",
                          svgclass="qr", lineclass=None)
    return Markup(svg)


def modules(url: str) -> int:
    """Width of the code in modules, quiet zone included: to size it for print."""
    return int(_code(url).symbol_size(border=QUIET_ZONE)[0])

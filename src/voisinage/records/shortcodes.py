"""The rule for a mission's pinned short code (`short_code:`), checked with the records; the
short addresses themselves are the site model's (`model.shortlinks`)."""

from __future__ import annotations

from ..messages import _

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
"""Letters and digits that cannot be misread on paper: no 0/o, no 1/l/i."""


def short_code_problem(value: str) -> str | None:
    """Why a pinned stem cannot be used, or None."""
    if 4 <= len(value) <= 8 and all(c in ALPHABET for c in value):
        return None
    return _('expected 4 to 8 characters among "{alphabet}" like "k7mq", found "{value}" — '
             "0, 1, i, l and o are left out because they are misread on paper",
             alphabet=ALPHABET, value=value)

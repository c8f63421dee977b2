"""Short, stable addresses for QR codes: `go/<code>/` pages that redirect to one page in one language.

A code is a stem derived from what a leaflet is about (a hash of "mission:energie-2026" or
"territory:ris-orangis") followed by the language: `go/k7mq-ar/`. It never depends on page paths,
so a page can move without breaking printed leaflets; it changes only if the record's file is
renamed, and a mission's `short_code` pins the stem for that case. Codes stay a few characters
long so that the QR code stays small and the address can be typed from paper.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import interface

if TYPE_CHECKING:
    from .languages import Lang
    from .pages import Portal

log = logging.getLogger("voisinage")

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
"""Letters and digits that cannot be misread on paper: no 0/o, no 1/l/i."""
STEM_LENGTH = 4
Subject = tuple[str, str]  # ("mission", "energie-2026"), ("territory", "ris-orangis")


def short_code_problem(value: str) -> str | None:
    """Why a pinned stem cannot be used, or None."""
    if 4 <= len(value) <= 8 and all(c in ALPHABET for c in value):
        return None
    return (f'expected 4 to 8 characters among "{ALPHABET}" like "k7mq", found "{value}" — '
            "0, 1, i, l and o are left out because they are misread on paper")


def derived_stem(subject: Subject, salt: int = 0) -> str:
    """The stem a subject gets unless pinned: stable across builds and machines."""
    seed = f"{subject[0]}:{subject[1]}" + (f":{salt}" if salt else "")
    number = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")
    chars = []
    for _ in range(STEM_LENGTH):
        number, rest = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[rest])
    return "".join(chars)


def assign_stems(subjects: dict[Subject, str | None]) -> dict[Subject, str]:
    """A distinct stem per subject. Pinned stems first; a derived stem that is taken is re-derived
    with a salt, in sorted order, so that the result depends only on the set of subjects."""
    stems: dict[Subject, str] = {}
    taken: dict[str, Subject] = {}
    for subject, pinned in sorted(subjects.items()):
        if pinned and pinned not in taken:
            stems[subject], taken[pinned] = pinned, subject
    for subject in sorted(s for s in subjects if s not in stems):
        salt = 0
        while (stem := derived_stem(subject, salt)) in taken:
            log.warning("voisinage: short code %s of %s is taken by %s; using another one — pin "
                        "it with `short_code` if leaflets are printed already",
                        stem, ":".join(subject), ":".join(taken[stem]))
            salt += 1
        stems[subject] = stem
        taken[stem] = subject
    return stems


@dataclass(frozen=True)
class ShortLink:
    code: str  # "k7mq-ar"
    key: tuple[str, ...]  # the page it opens: ("mission", "energie-2026")
    lang: Lang
    url: str  # "https://example.org/voisinage/go/k7mq-ar/"
    target: str  # the page, relative to the site root: "ar/missions/energie-2026/"

    @property
    def path(self) -> str:
        """Where the redirect page lives, relative to the site root."""
        return f"go/{self.code}/"

    @property
    def shown(self) -> str:
        """The address as printed under the QR code: no scheme to type."""
        return self.url.split("://", 1)[-1]


class ShortLinks:
    """Every short address of a portal: one per territory and per mission, in every language."""

    def __init__(self, portal: Portal, missions: dict[str, str | None] | None = None) -> None:
        site_url = portal.record.site_url
        if not site_url:
            raise ValueError("site_url is missing in content/portal.yml: QR codes need it")
        self.portal = portal
        self.base = site_url.rstrip("/") + "/"
        subjects: dict[Subject, str | None] = {("territory", t): None for t in portal.cat.territories}
        subjects.update({("mission", m): pinned for m, pinned in (missions or {}).items()})
        self.stems = assign_stems(subjects)

    def link(self, key: tuple[str, ...], lang: Lang) -> ShortLink:
        """The short address of page `key` ("territory" or "mission" page) in `lang`."""
        code = f"{self.stems[(key[0], key[1])]}-{lang.code}"
        return ShortLink(code, key, lang, f"{self.base}go/{code}/", self.portal.url_of(key, lang))

    def __iter__(self) -> Iterator[ShortLink]:
        for kind, id_ in self.stems:
            for lang in self.portal.langs:
                yield self.link((kind, id_), lang)

    def write_redirects(self, site_dir: Path) -> int:
        """Write one static redirect page per short address; returns how many."""
        template = self.portal.env.get_template("go.html")
        count = 0
        for link in self:
            out = site_dir / link.path / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            relative = posixpath.relpath(link.target or ".", link.path) + "/"
            out.write_text(template.render(
                link=link, href=relative, canonical=self.base + link.target, lang=link.lang,
                t=lambda key, code=link.lang.code: interface.say(key, code),
            ), encoding="utf-8")
            count += 1
        return count

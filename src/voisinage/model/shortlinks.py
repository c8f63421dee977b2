"""Short, stable addresses for QR codes: `go/<code>/` pages that redirect to one page in one
language.

A code is a stem derived from what a leaflet is about (a hash of "mission:energie-2026" or
"territory:ris-orangis") followed by the language: `go/k7mq-ar/`. It never depends on page paths,
so a page can move without breaking printed leaflets; it changes only if the record's file is
renamed, and a mission's `short_code` pins the stem for that case. Codes stay a few characters
long so that the QR code stays small and the address can be typed from paper.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..languages import Lang
from ..messages import _
from ..records.shortcodes import ALPHABET

log = logging.getLogger("voisinage")

STEM_LENGTH = 4
Subject = tuple[str, str]  # ("mission", "energie-2026"), ("territory", "ris-orangis")

def derived_stem(subject: Subject, salt: int = 0) -> str:
    """The stem a subject gets unless pinned: stable across builds and machines."""
    seed = f"{subject[0]}:{subject[1]}" + (f":{salt}" if salt else "")
    number = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")
    chars = []
    for _digit in range(STEM_LENGTH):
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
            log.warning("voisinage: %s", _(
                "short code {code} of {subject} is taken by {other}; using another one — pin it "
                "with `short_code` if leaflets are printed already", code=stem,
                subject=":".join(subject), other=":".join(taken[stem])))
            salt += 1
        stems[subject] = stem
        taken[stem] = subject
    return stems


@dataclass(frozen=True)
class ShortLink:
    code: str  # "k7mq-ar"; from the second edition of a leaflet on, "k7mq-ar-2"
    key: tuple[str, ...]  # the page it opens: ("mission", "energie-2026")
    lang: Lang
    url: str  # "https://example.org/voisinage/go/k7mq-ar/"
    target: str  # the page, relative to the site root: "ar/missions/energie-2026/"
    edition: int = 1  # of the leaflets that print it (model.editions)

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

    def __init__(self, site_url: str | None, territories: Iterable[str],
                 missions: dict[str, str | None], langs: list[Lang],
                 url_of: Callable[[tuple[str, ...], Lang], str]) -> None:
        """`missions` maps each mission to its pinned stem or None; `url_of` is the site
        model's address of a page in a language."""
        if not site_url:
            raise ValueError("site_url is missing in content/portal.yml: QR codes need it")
        self.base = site_url.rstrip("/") + "/"
        self.langs, self.url_of = langs, url_of
        subjects: dict[Subject, str | None] = {("territory", t): None for t in territories}
        subjects.update({("mission", m): pinned for m, pinned in missions.items()})
        self.stems = assign_stems(subjects)

    def link(self, key: tuple[str, ...], lang: Lang, edition: int = 1) -> ShortLink:
        """The short address of page `key` ("territory" or "mission" page) in `lang`, as the
        leaflets of its `edition` print it: the first edition's has no number."""
        return self.edition_link(self.stems[(key[0], key[1])], key, lang, edition,
                                 self.url_of(key, lang))

    def edition_link(self, stem: str, key: tuple[str, ...], lang: Lang, edition: int,
                     target: str) -> ShortLink:
        """The short address of one edition, for any stem (also a mission no longer live)."""
        code = f"{stem}-{lang.code}" + (f"-{edition}" if edition > 1 else "")
        return ShortLink(code, key, lang, f"{self.base}go/{code}/", target, edition)

    def __iter__(self) -> Iterator[ShortLink]:
        for kind, id_ in self.stems:
            for lang in self.langs:
                yield self.link((kind, id_), lang)

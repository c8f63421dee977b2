"""Record text → safe HTML: a small Markdown subset, never raw HTML or unsafe links.

The same text is shown on several pages (a service's summary on its territory and theme pages, its
name in menus and leaflets), so renders are memoized.

Editors may write paragraphs, lists, *emphasis*, **strong** and links; anything else is shown as
text. Validation refuses raw HTML and unsafe link schemes outright, so that an editor learns about
it instead of seeing it silently escaped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

SAFE_SCHEMES = ("https", "http", "tel", "mailto")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def url_problem(url: str) -> str | None:
    """Why a URL must not be linked, or None when it is safe."""
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme not in SAFE_SCHEMES:
        found = f'"{scheme}:"' if scheme else "no scheme"
        return f"expected a link starting with https:, http:, tel: or mailto:, found {found}"
    return None


_UNPUBLISHED = {"dev", "develop", "development", "staging", "stage", "preprod", "pre-prod",
                "recette", "test", "testing", "qa", "uat", "sandbox"}
_ARCHIVES = {"web.archive.org", "archive.org", "archive.ph", "archive.today", "archive.is"}


def weak_host_problem(url: str) -> str | None:
    """Why a web address is not a source residents can rely on: a development server or an
    archived copy of an old site is not where the public body says what holds today."""
    host = (urlsplit(url.strip()).hostname or "").lower()
    first = host.split(".", 1)[0]
    if host == "localhost" or re.fullmatch(r"[\d.]+|[0-9a-f:]+", host):
        return f'"{host}" is one machine, not a public site'
    if first in _UNPUBLISHED or re.fullmatch(r"(dev|test|staging|preprod)-.*", first):
        return f'"{host}" looks like a development server, not the public site'
    if (host in _ARCHIVES or host.endswith(".archive.org") or first.startswith(("ancien-", "old-"))
            or first in ("old", "ancien", "anciensite", "legacy", "archive")):
        return f'"{host}" looks like an archived copy of an old site, not what holds today'
    return None


@lru_cache(maxsize=65536)
def text_problem(text: str) -> str | None:
    """Why a text cannot be published as it is, or None."""
    tag = _TAG.search(text)
    if tag:
        return (
            f'raw HTML is not allowed, found "{tag.group(0)}" — write plain text; '
            "use *emphasis*, **strong**, - lists or [text](https://…) links"
        )
    for token in _probe().parse(text):
        for child in token.children or []:
            if child.type == "link_open":
                problem = url_problem(str(child.attrs.get("href", "")))
                if problem:
                    return f"link: {problem}"
    return None


@lru_cache(maxsize=65536)
def render(text: str) -> Markup:
    """Render record text as HTML made only of the allowed subset."""
    return Markup(_md().render(text))


@lru_cache(maxsize=65536)
def render_inline(text: str) -> Markup:
    """Render a one-line text (a name, a document) without wrapping paragraph."""
    return Markup(_md().renderInline(text))


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Record text without its Markdown marks, for titles, PDFs and search."""
    tokens = _md().parse(text)
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline":
            parts.append("".join(c.content for c in token.children or [] if c.type == "text"))
    return " ".join(p for p in parts if p)


_GROUPED_NUMBER = re.compile(r"(?<![\w\u2066])\+?\d+(?:[ \u00a0.]\d+)+(?![\w\u2069])")


@lru_cache(maxsize=65536)
def isolate_numbers(text: str) -> str:
    """Keep "0800 948 999" in reading order inside right-to-left text: the bidi algorithm would
    otherwise lay its groups of digits out right to left. Unicode isolates are plain text."""
    return _GROUPED_NUMBER.sub(lambda m: f"\u2066{m.group(0)}\u2069", text)


def _validate_link(url: str) -> bool:
    return url_problem(url) is None


def _subset() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    return md.enable(["paragraph", "list", "emphasis", "link", "newline", "escape", "backticks"])


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    md = _subset()
    md.validateLink = _validate_link  # type: ignore[method-assign]
    return md


@lru_cache(maxsize=1)
def _probe() -> MarkdownIt:
    """Parses every link, safe or not, so that validation can name the unsafe ones."""
    md = _subset()
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


__all__ = ["SAFE_SCHEMES", "escape", "plain", "render", "render_inline", "text_problem", "url_problem",
           "weak_host_problem"]


def slug(term: str) -> str:
    """The anchor of a term: "Aide personnalisée au logement" → "aide-personnalisee-au-logement"."""
    ascii_ = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")

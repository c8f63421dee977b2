"""Record text → safe HTML: a small Markdown subset, never raw HTML or unsafe links.

The same text is shown on several pages (a service's summary on its territory and theme pages, its
name in menus and leaflets), so renders are memoized.

For the PDF engine the same parse gives a small tree of JSON data (`tree`, `inline_tree`) instead
of HTML: paragraphs, lists, emphasis, strong, links and text, walked by the leaflet templates.
Record text never becomes markup of the engine, so nothing an editor writes can run or read a
file there.

Editors may write paragraphs, lists, *emphasis*, **strong** and links; anything else is shown as
text. Validation refuses raw HTML and unsafe link schemes outright, so that an editor learns about
it instead of seeing it silently escaped.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
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


Inline = str | dict[str, Any]
"""A text run, or {"em": [...]}, {"strong": [...]}, {"a": [...], "href": url}, {"code": str},
{"br": True}."""
Block = dict[str, Any]
"""{"p": [inline…]}, {"ul": [[block…] per item]}, or {"ol": [[block…]…], "start": n}."""


@lru_cache(maxsize=65536)
def _tree(text: str) -> str:
    return json.dumps(_blocks(_md().parse(text)), ensure_ascii=False)


def tree(text: str) -> list[Block]:
    """Record text as blocks of inline nodes (see `Block`), for the PDF templates."""
    return json.loads(_tree(text))  # a fresh copy: callers may not share the cached one


@lru_cache(maxsize=65536)
def _inline_tree(text: str) -> str:
    tokens = _md().parseInline(text)
    return json.dumps(_inlines(tokens[0].children or []) if tokens else [], ensure_ascii=False)


def inline_tree(text: str) -> list[Inline]:
    """A one-line text as inline nodes (see `Inline`)."""
    return json.loads(_inline_tree(text))


def _blocks(tokens: list[Token]) -> list[Block]:
    root: list[Any] = []
    stack: list[list[Any]] = [root]  # the list that the next block goes into
    for token in tokens:
        kind = token.type
        if kind == "inline":
            stack[-1].append({"p": _inlines(token.children or [])})
        elif kind in ("bullet_list_open", "ordered_list_open"):
            node: Block = {"ul" if kind == "bullet_list_open" else "ol": []}
            if kind == "ordered_list_open":
                node["start"] = int(str(token.attrs.get("start", 1)))
            stack[-1].append(node)
            stack.append(node["ul" if "ul" in node else "ol"])
        elif kind == "list_item_open":
            item: list[Block] = []
            stack[-1].append(item)
            stack.append(item)
        elif kind in ("bullet_list_close", "ordered_list_close", "list_item_close"):
            stack.pop()
    return root


def _inlines(tokens: list[Token]) -> list[Inline]:
    out: list[Any] = []
    stack: list[list[Any]] = [out]
    for token in tokens:
        kind = token.type
        if kind == "text":
            _text(stack[-1], token.content)
        elif kind == "softbreak":
            _text(stack[-1], " ")
        elif kind == "hardbreak":
            stack[-1].append({"br": True})
        elif kind == "code_inline":
            stack[-1].append({"code": token.content})
        elif kind in ("em_open", "strong_open", "link_open"):
            node: dict[str, Any] = {kind.split("_")[0].replace("link", "a"): []}
            if kind == "link_open":
                node["href"] = str(token.attrs.get("href", ""))
            stack[-1].append(node)
            stack.append(next(iter(node.values())))
        elif kind in ("em_close", "strong_close", "link_close"):
            stack.pop()
        elif token.children:
            stack[-1].extend(_inlines(token.children))
    return out


def _text(into: list[Any], value: str) -> None:
    if not value:
        return
    if into and isinstance(into[-1], str):
        into[-1] += value
    else:
        into.append(value)


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


__all__ = ["SAFE_SCHEMES", "escape", "inline_tree", "plain", "render", "render_inline",
           "text_problem", "tree", "url_problem"]


def slug(term: str) -> str:
    """The anchor of a term: "Aide personnalisée au logement" → "aide-personnalisee-au-logement"."""
    ascii_ = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")

"""Search entries of a page voisinage rendered, without Material's HTML parser.

Material's search plugin cuts every page into sections (one per heading with an `id`) with
Python's `html.parser`, then segments Chinese words with jieba: about a quarter of a build's CPU.
Our pages come from our own templates, so a regular-expression scan of the body gives the same
tokens several times faster. This module rebuilds Material's entries from those tokens, rule for
rule (which tags are kept as markup, how whitespace collapses, where a section ends), and
`tests/test_speed.py` checks that every entry of every page equals the one Material computes.
Anything it does not expect (a bare `<`, a CDATA block, a malformed tag) returns None, and the
page is indexed by Material as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from html import escape, unescape
from typing import Any

_TOKEN = re.compile(
    r"<(?P<close>/)?(?P<tag>[a-zA-Z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|(?P<comment><!--.*?-->)|(?P<text>[^<]+)|(?P<other><)", re.S)
_ATTR = re.compile(r"([^\s/=>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_RAW_TEXT = ("script", "style")  # their content is not markup (html.parser's CDATA elements)
_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
_KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})  # markup kept in entries
_ALWAYS_SKIPPED = frozenset({"object", "script", "style"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_MAYBE_HAN = re.compile("[\u2e80-\U0010ffff]")  # the Han script has nothing below U+2E80


class _Section:
    __slots__ = ("depth", "excluded", "id", "tag", "text", "title")

    def __init__(self, tag: str, depth: float, excluded: bool = False) -> None:
        self.tag, self.depth, self.excluded = tag, depth, excluded
        self.id: str | None = None
        self.title: list[str] = []
        self.text: list[str] = []


class _Cutter:
    """Material's rules for cutting a page into sections, fed with ready-made tokens. Open
    elements are counted by tag name, as Material compares them."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, bool]] = []  # open elements: tag, is a heading's permalink
        self.open: dict[str, int] = {}
        self.opened: set[str] = set()  # the tag names of `open` with elements open
        self.permalinks = 0
        self.skipped = set(_ALWAYS_SKIPPED)  # tag names whose content is left out
        self.sections: list[_Section] = []
        self.section: _Section | None = None

    def _current(self) -> _Section:
        if self.section is None:  # text before the first heading
            self.section = _Section("hx", 0)
            self.sections.append(self.section)
        return self.section

    def _skipping(self) -> bool:
        return not self.skipped.isdisjoint(self.opened)

    def _target(self, section: _Section) -> list[str]:
        return section.title if self.open.get(section.tag) else section.text

    def start(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in _VOID:
            return
        permalink = tag == "a" and attrs.get("class") == "headerlink"
        self.stack.append((tag, permalink))
        self.open[tag] = self.open.get(tag, 0) + 1
        self.opened.add(tag)
        self.permalinks += permalink
        if tag in _HEADINGS and "id" in attrs:
            depth = len(self.stack)
            if tag != "h1" and not self.sections:
                self.sections.append(_Section("hx", depth))
            section = _Section(tag, depth, "data-search-exclude" in attrs)
            if self.sections:
                section.id = attrs["id"]
            self.sections.append(section)
            self.section = section
        section = self._current()
        if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
            self.skipped.add(tag)
            return
        if tag in _KEPT and not self._skipping():
            self._target(section).append(f"<{tag}>")

    def end(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            return
        section = self.section
        if section is not None and section.depth > len(self.stack):  # left a heading's parent
            for earlier in reversed(self.sections):
                if earlier.depth <= len(self.stack):
                    section.depth = float("inf")
                    self.section = section = earlier
                    break
        _, permalink = self.stack.pop()
        self.open[tag] -= 1
        if not self.open[tag]:
            self.opened.discard(tag)
        self.permalinks -= permalink
        if tag in self.skipped:
            if tag not in _ALWAYS_SKIPPED:
                self.skipped.discard(tag)
            return
        if tag in _KEPT and section is not None and not self._skipping():
            data = self._target(section)
            first = data.index(f"<{tag}>")
            if any(not item.isspace() for item in data[first + 1:]):
                data.append(f"</{tag}>")
            else:  # an empty element leaves nothing
                del data[first:]

    def data(self, data: str) -> None:
        if self._skipping():
            return
        pre = self.open.get("pre")
        if not pre:
            data = " " if data.isspace() else data.replace("\n", " ")
        section = self._current()
        if self.open.get(section.tag):
            if not self.permalinks:
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or pre:
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))


_NO_ATTRS: dict[str, str | None] = {}


@functools.lru_cache(maxsize=4096)
def _attrs(text: str) -> dict[str, str | None]:
    # Read, never changed: our templates repeat the same few attribute lists on every page.
    if not text or text.isspace():
        return _NO_ATTRS
    found: dict[str, str | None] = {}
    for match in _ATTR.finditer(text):
        value = match.group(2)
        if value is not None and value[:1] in ("'", '"'):
            value = value[1:-1]
        found[match.group(1).lower()] = None if value is None else unescape(value)
    return found


def _cut(html: str) -> list[_Section] | None:
    cutter = _Cutter()
    start, size = 0, len(html)
    while start < size:  # the tokens cover the text, one after the other
        restart = size
        for match in _TOKEN.finditer(html, start):
            kind = match.lastgroup
            if kind == "text":
                text = match.group(kind)
                cutter.data(unescape(text) if "&" in text else text)
                continue
            if kind != "attrs":  # a comment (nothing), or a bare "<" (unexpected)
                if kind == "other":
                    return None
                continue
            tag, attrs = match.group("tag").lower(), match.group("attrs")
            if match.group("close"):
                if attrs.strip():
                    return None
                cutter.end(tag)
                continue
            selfclosing = attrs.endswith("/")
            cutter.start(tag, _attrs(attrs.rstrip("/")))
            if tag in _RAW_TEXT:  # its content is text up to its closing tag: tokens again after
                position = match.end()
                closing = re.compile(rf"</{tag}\s*>", re.I).search(html, position)
                if closing is None or "</" in html[position:closing.start()]:
                    return None
                if closing.start() > position:
                    cutter.data(html[position:closing.start()])
                cutter.end(tag)
                restart = closing.end()
                break
            if selfclosing:
                cutter.end(tag)
        start = restart
    return cutter.sections


def entries(html: str, url: str, title: str, meta: dict[str, Any], toc: Any,
            segment: Callable[[str], str] | None) -> list[dict[str, Any]] | None:
    """The search entries Material would make for a page, or None if the body is unexpected."""
    try:
        sections = _cut(html)
    except ValueError:  # a kept element closed in another section: Material's own error
        return None
    if sections is None:
        return None
    search = meta.get("search") or {}
    tags = meta.get("tags")
    out = []
    for section in sections:
        if section.excluded:
            continue
        anchor = _toc_url(toc, section.id) if section.id else None
        location = url + (anchor if anchor is not None else f"#{section.id}" if section.id else "")
        head = "".join(section.title or [str(meta.get("title", title))]).strip()
        body = "".join(section.text).strip()
        if segment is not None:
            head, body = segment(head), segment(body)
        entry: dict[str, Any] = {"location": location, "title": head, "text": body}
        if isinstance(tags, list):
            entry["tags"] = [str(tag) for tag in tags
                             if tag and isinstance(tag, str | int | float | bool)]
        if "boost" in search:
            entry["boost"] = search["boost"]
        out.append(entry)
    return out


def _toc_url(toc: Any, anchor: str) -> str | None:
    for item in toc or ():
        if item.id == anchor:
            return str(item.url)
        found = _toc_url(item.children, anchor)
        if found is not None:
            return found
    return None


def chinese_segmenter(han: Any, cut: Callable[[str], Any]) -> Callable[[str], str]:
    """Material's Chinese segmentation (jieba words between zero-width spaces), with each run of
    Han characters segmented once per build process: pages repeat the same interface words.
    `han` finds runs of Han characters (backrefs' `\\p{script: Han}`, as Material)."""

    @functools.lru_cache(maxsize=65536)
    def words(run: str) -> str:
        return "\u200b" + "\u200b".join(cut(run)) + "\u200b"

    def segment(text: str) -> str:
        if _MAYBE_HAN.search(text):
            text = han.sub(lambda match: words(match.group(0)), text)
        return text.strip("\u200b")

    return segment

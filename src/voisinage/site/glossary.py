"""Administrative words (content/glossary.yml): their anchors, and links to them from service pages.

Flow: `Terms(glossary)` compiles each entry's French term and aliases → `Terms.link(html, href)`
walks the text nodes of a rendered page and turns the first occurrence of each entry into
`<a class="v-term" href="…/glossary/#slug">`. The French words are looked for in every
language, since residents read "CAF" or "APL" in Arabic and Chinese texts too. Text inside links,
headings, addresses, tables, scripts and the French counter box is left alone, and so are
attributes: only text nodes change, unescaped and escaped again.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from markupsafe import Markup, escape

from ..markup import slug
from ..records.schema import Glossary, GlossaryEntry

SKIP_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "address", "table", "script",
                       "style", "code", "pre", "button", "textarea", "select", "svg", "title",
                       "bdi", "dt"})
"""No link is made inside these (a link inside a link or a heading is not allowed or not wanted)."""
SKIP_CLASSES = frozenset({"v-counter", "v-notes", "v-notice", "v-checked", "v-where", "v-phones",
                          "v-official", "v-term"})
"""Nor inside these: the counter box stays plain French for the staff, notices stay short."""
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


def is_acronym(word: str) -> bool:
    """"CAF", "C2S": matched case-sensitively, so that "âme" never links to AME."""
    return any(c.isupper() for c in word) and not any(c.islower() for c in word)


@dataclass(frozen=True)
class Term:
    slug: str
    entry: GlossaryEntry
    patterns: tuple[re.Pattern[str], ...]

    @property
    def label(self) -> str:
        """The short name in the glossary's index: the first alias when it is an acronym."""
        first = self.entry.aliases[0] if self.entry.aliases else ""
        return first if is_acronym(first) else self.entry.term


class Terms:
    """The glossary's entries, ready to be found in text. Empty when there is no glossary."""

    def __init__(self, glossary: Glossary | None) -> None:
        entries = glossary.entries if glossary else []
        self.terms = [Term(slug(e.term), e, tuple(_pattern(w) for w in (e.term, *e.aliases)))
                      for e in entries]
        self.terms.sort(key=lambda t: slug(t.label))  # the order of the index, A to Z
        self.machine_translations = sorted(  # languages machine-made somewhere: the page says so
            {c for e in entries for c in e.machine_translations}
            | set(glossary.machine_translations if glossary else []))

    def __bool__(self) -> bool:
        return bool(self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def link(self, page: str, href: str, linked: Iterable[str] = ()) -> Markup:
        """`page` (HTML) with the first occurrence of each term linked to `href#slug`; terms whose
        slug is in `linked` are not linked again."""
        if not self.terms:
            return Markup(page)
        parser = _Linker(self, href, set(linked))
        parser.feed(str(page))
        parser.close()
        parser.flush()
        return Markup("".join(parser.out))

    def find(self, text: str, linked: set[str]) -> list[tuple[int, int, Term]]:
        """Non-overlapping first occurrences in `text` of terms not yet linked, in order."""
        found = []
        for term in self.terms:
            if term.slug in linked:
                continue
            for pattern in term.patterns:
                for match in pattern.finditer(text):
                    if _bounded(text, match.start(), match.end()):
                        found.append((match.start(), match.end(), term))
                        break
        found.sort(key=lambda f: (f[0], f[0] - f[1]))  # earliest first, then the longest
        chosen: list[tuple[int, int, Term]] = []
        end, taken = 0, set(linked)
        for start, stop, term in found:
            if start >= end and term.slug not in taken:
                chosen.append((start, stop, term))
                end = stop
                taken.add(term.slug)
        return chosen


def _pattern(word: str) -> re.Pattern[str]:
    parts = []
    for char in word.strip():
        if char in "'’":
            parts.append("['’]")
        elif char.isspace():
            parts.append(r"[\s\u00a0\u202f]+")
        elif char in "-‑":
            parts.append("[-‑]")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), 0 if is_acronym(word) else re.IGNORECASE)


def _bounded(text: str, start: int, stop: int) -> bool:
    """A whole word: nothing of the same script glued before or after it ("CAF" is not found in
    "CAFÉ", but is in "向CAF申请", where Chinese needs no space)."""
    return (start == 0 or not _glued(text[start], text[start - 1])) and (
        stop == len(text) or not _glued(text[stop - 1], text[stop]))


def _glued(edge: str, neighbour: str) -> bool:
    kind = unicodedata.category(neighbour)[0]
    if kind == "M":
        return True
    if kind not in "LN" or _cjk(edge) or _cjk(neighbour):
        return False
    if kind == "N" or unicodedata.category(edge)[0] == "N":
        return True
    return _script(edge) == _script(neighbour)


def _cjk(char: str) -> bool:
    return _script(char) in {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"}


def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ", 1)[0]


class _Linker(HTMLParser):
    """Copies HTML through, rewriting only the text runs where terms may be linked."""

    def __init__(self, terms: Terms, href: str, linked: set[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.terms, self.href, self.linked = terms, href, linked
        self.out: list[str] = []
        self.run: list[str] = []  # the raw pieces of the current text node
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, no links inside)

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.flush()
        self.out.append(self.get_starttag_text() or "")
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append((tag, self.skipping or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.flush()
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.flush()
        self.out.append(f"</{tag}>")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        self.run.append(data)

    def handle_entityref(self, name: str) -> None:
        self.run.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.run.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.flush()
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.flush()
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.flush()
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.flush()
        self.out.append(f"<![{data}]>")

    def flush(self) -> None:
        if not self.run:
            return
        raw, self.run = "".join(self.run), []
        found = [] if self.skipping else self.terms.find(html.unescape(raw), self.linked)
        if not found:
            self.out.append(raw)
            return
        text, at = html.unescape(raw), 0
        for start, stop, term in found:
            self.out.append(html.escape(text[at:start], quote=False))
            self.out.append(f'<a class="v-term" href="{escape(self.href)}#{term.slug}">'
                            f"{html.escape(text[start:stop], quote=False)}</a>")
            self.linked.add(term.slug)
            at = stop
        self.out.append(html.escape(text[at:], quote=False))

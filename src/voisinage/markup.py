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

Texts arrive in pull requests and translation files, so they are untrusted (docs/security.md):
`string_problem` refuses, in any string, characters that hide or reorder what a resident sees and
words that mix look-alike alphabets; `text_problem` refuses links that show one thing and lead to
another, and premium-rate numbers. `translation_problem` is both, for every import (PO, XLIFF).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

from .messages import N_, _, current
from .phones import Phone, parse_phone, premium_problem

SAFE_SCHEMES = ("https", "http", "tel", "mailto")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")

MAX_TEXT_CHARS = 5_000
"""The longest string a record may hold: the longest example text has about 550 characters."""

_HIDDEN = {
    "\u00ad": N_("soft hyphen"),
    "\u034f": N_("combining grapheme joiner"),
    "\u061c": N_("Arabic letter mark"),
    "\u115f": N_("Hangul filler"),
    "\u1160": N_("Hangul filler"),
    "\u180e": N_("Mongolian vowel separator"),
    "\u200b": N_("zero-width space"),
    "\u200c": N_("zero-width non-joiner"),
    "\u200d": N_("zero-width joiner"),
    "\u200e": N_("left-to-right mark"),
    "\u200f": N_("right-to-left mark"),
    "\u202a": N_("left-to-right embedding"),
    "\u202b": N_("right-to-left embedding"),
    "\u202c": N_("pop directional formatting"),
    "\u202d": N_("left-to-right override"),
    "\u202e": N_("right-to-left override"),
    "\u2060": N_("word joiner"),
    "\u2061": N_("invisible operator"),
    "\u2062": N_("invisible operator"),
    "\u2063": N_("invisible operator"),
    "\u2064": N_("invisible operator"),
    "\u2066": N_("left-to-right isolate"),
    "\u2067": N_("right-to-left isolate"),
    "\u2068": N_("first strong isolate"),
    "\u2069": N_("pop directional isolate"),
    "\u3164": N_("Hangul filler"),
    "\ufeff": N_("zero-width no-break space, or byte order mark"),
    "\uffa0": N_("Hangul filler"),
}
"""Invisible characters that hide text or reorder it on screen (bidirectional controls). The
site inserts isolates itself where right-to-left text needs them (`isolate_numbers`): an input
never needs one."""
_JOINERS = {"\u200c", "\u200d"}
"""Allowed between two letters or signs of one script that uses them (Bengali, Arabic, Tamil…):
"র‍্যাম্প" needs its zero-width joiner. Never next to Latin, Cyrillic or Greek letters."""
_LOOKALIKE = ("LATIN", "CYRILLIC", "GREEK")
_WORD = re.compile(r"[^\W\d_]+")


def string_problem(value: str) -> str | None:
    """Why any string of a record cannot be published, or None: too long, an invisible or
    reordering character, a word mixing look-alike alphabets ("СAF" with a Cyrillic С)."""
    return _string_problem(value, current())


@lru_cache(maxsize=65536)
def _string_problem(value: str, language: str) -> str | None:
    """string_problem, remembered per language of the messages."""
    if len(value) > MAX_TEXT_CHARS:
        return _("text of {length} characters, more than the {limit} allowed — "
                 "shorten it, or link to the page that says it all",
                 length=f"{len(value):,}", limit=f"{MAX_TEXT_CHARS:,}")
    for i, char in enumerate(value):
        name = _HIDDEN.get(char) or _control_name(char)
        if name and not (char in _JOINERS and _joins_one_script(value, i)):
            where = (_('after "{before}"', before=value[max(0, i - 20):i]) if i
                     else _("at the start"))
            return _("invisible character U+{code} ({name}) {where} — it can hide or "
                     "reorder what residents see; delete it (retype the text around it if "
                     "needed)", code=f"{ord(char):04X}", name=_(name), where=where)
    for word in _WORD.findall(value):
        scripts = {_script(c) for c in word} & set(_LOOKALIKE)
        if len(scripts) > 1:
            letters = "; ".join(
                f"{script.title()}: {''.join(c for c in word if _script(c) == script)}"
                for script in _LOOKALIKE if script in scripts)
            return _('the word "{word}" mixes letters of different alphabets ({letters}) that '
                     "look alike — retype it in one alphabet", word=word, letters=letters)
    return None


def invisible_name(char: str) -> str | None:
    """The name of an invisible character, in the messages' language, or None."""
    name = _HIDDEN.get(char) or _control_name(char)
    return _(name) if name else None


def _control_name(char: str) -> str | None:
    code = ord(char)
    if char in "\n\t":
        return None
    if code < 0x20 or 0x7F <= code < 0xA0:
        return N_("control character")
    if 0xE0000 <= code <= 0xE007F:
        return N_("invisible tag character")
    if unicodedata.category(char) in ("Zl", "Zp"):
        return N_("line or paragraph separator")
    return None


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ", 1)[0]


def _joins_one_script(value: str, i: int) -> bool:
    if i == 0 or i + 1 >= len(value):
        return False
    before, after = _script(value[i - 1]), _script(value[i + 1])
    return before == after and before not in (*_LOOKALIKE, "", "DIGIT") and all(
        unicodedata.category(c)[0] in "LM" for c in (value[i - 1], value[i + 1]))


def translation_problem(text: str) -> str | None:
    """Why a translated text from an import (PO today, XLIFF next) cannot be written into a record,
    or None: the same rules as a text written in the record itself."""
    return string_problem(text) or text_problem(text)


def url_problem(url: str) -> str | None:
    """Why a URL must not be linked, or None when it is safe."""
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme not in SAFE_SCHEMES:
        found = f'"{scheme}:"' if scheme else _("no scheme")
        return _("expected a link starting with https:, http:, tel: or mailto:, found {found}",
                 found=found)
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
        return _('"{host}" is one machine, not a public site', host=host)
    if first in _UNPUBLISHED or re.fullmatch(r"(dev|test|staging|preprod)-.*", first):
        return _('"{host}" looks like a development server, not the public site', host=host)
    if (host in _ARCHIVES or host.endswith(".archive.org") or first.startswith(("ancien-", "old-"))
            or first in ("old", "ancien", "anciensite", "legacy", "archive")):
        return _('"{host}" looks like an archived copy of an old site, not what holds today',
                 host=host)
    return None


def text_problem(text: str) -> str | None:
    """Why a text cannot be published as it is, or None."""
    return _text_problem(text, current())


@lru_cache(maxsize=65536)
def _text_problem(text: str, language: str) -> str | None:
    """text_problem, remembered per language of the messages."""
    tag = _TAG.search(text)
    if tag:
        return _('raw HTML is not allowed, found "{found}" — write plain text; '
                 "use *emphasis*, **strong**, - lists or [text](https://…) links",
                 found=tag.group(0))
    for token in _probe().parse(text):
        for href, shown in _links(token.children or []):
            problem = url_problem(href) or link_problem(shown, href)
            if problem:
                return _("link: {problem}", problem=problem)
    for written in _numbers(text):
        try:
            phone = parse_phone(written)
        except ValueError:
            continue
        problem = premium_problem(phone, written) or _surcharged_in_text(phone, written)
        if problem:
            return problem
    return None


def _links(children: list[Token]) -> Iterator[tuple[str, str]]:
    """(target, visible text) of each link among an inline token's children."""
    href, shown, depth = "", "", 0
    for child in children:
        if child.type == "link_open":
            depth += 1
            if depth == 1:
                href, shown = str(child.attrs.get("href", "")), ""
        elif child.type == "link_close":
            depth -= 1
            if depth == 0:
                yield href, shown
        elif depth and child.type in ("text", "code_inline"):
            shown += child.content
        elif depth and child.type in ("softbreak", "hardbreak"):
            shown += " "


_NUMBER = re.compile(r"(?<![0-9A-Za-z+])\+?\(?\d[\d \u00a0.\-()]*\d(?![0-9A-Za-z])")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^\W\d_]{2,}")
_HOST = re.compile(r"(?:https?://)?((?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,})(?::\d+)?(?:[/?#]\S*)?",
                   re.IGNORECASE)
_FILE_ENDINGS = {"pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "csv", "jpg", "jpeg", "png",
                 "gif", "html", "htm", "zip", "txt"}


def link_problem(shown: str, href: str) -> str | None:
    """Why a link deceives, or None. A resident taps what the link shows: a phone number, an
    e-mail address or a web address shown must be the one the link leads to, and a tel: link must
    show the number it dials."""
    scheme, target = urlsplit(href.strip()).scheme.lower(), href.strip()
    if scheme == "tel":
        return _tel_problem(shown, unquote(target[4:]))
    for number in _numbers(shown):
        phone = _phone(number)
        if phone and (len(_digits(number)) >= 9 or number.strip() == shown.strip()):
            return _('the link shows the phone number "{number}" but opens "{target}" — link '
                     "the number to tel:{tel}, or write words for the link",
                     number=number, target=target, tel=phone.tel)
    for word in shown.split():
        word = word.strip(".,;:!?()«»\"'")
        if _EMAIL.fullmatch(word.removeprefix("mailto:")):
            problem = _mailto_problem(word.removeprefix("mailto:"), scheme, target)
            if problem:
                return problem
            continue
        host = _HOST.fullmatch(word)
        if host and host.group(1).rsplit(".", 1)[-1].lower() not in _FILE_ENDINGS:
            problem = _host_problem(host.group(1), scheme, target)
            if problem:
                return problem
    if scheme == "mailto":
        return _mailto_problem(None, scheme, target)
    return None


def _tel_problem(shown: str, number: str) -> str | None:
    phone = _phone(number)
    if phone is None:
        return _("tel:{number} is not a phone number — write it like tel:+33199001234",
                 number=number)
    premium = _(", a premium-rate number,") if phone.cost == "premium" else ""
    seen = [(n, p) for n in _numbers(shown) if len(_digits(n)) >= 3 and (p := _phone(n))]
    other = [n for n, p in seen if p.tel != phone.tel]
    if other:
        return _('the link shows the phone number "{shown}" but calls {display} '
                 "(tel:{number}){premium} — the number shown and the number called must be the "
                 "same", shown=other[0], display=phone.display, number=number, premium=premium)
    if not seen:
        return _('the link "{shown}" calls {display} (tel:{number}){premium} without showing '
                 "it — show the number residents will call: [{display}](tel:{tel})",
                 shown=shown, display=phone.display, number=number, premium=premium,
                 tel=phone.tel)
    return premium_problem(phone, number) or _surcharged_in_text(phone, number)


def _mailto_problem(shown: str | None, scheme: str, target: str) -> str | None:
    if scheme != "mailto":
        return _('the link shows the e-mail address "{shown}" but opens "{target}" — link it '
                 "to mailto:{shown}, or write words for the link", shown=shown, target=target)
    parts = urlsplit(target)
    address = unquote(parts.path)
    extra = [key for key, _value in parse_qsl(parts.query) if key.lower() in ("to", "cc", "bcc")]
    if extra or "," in address:
        return _('"{target}" sends the message to more people than it shows — one address, '
                 "without to=, cc= or bcc=", target=target)
    if shown is not None and address.lower() != shown.lower():
        return _('the link shows the e-mail address "{shown}" but writes to "{address}" — the '
                 "address shown and the address written to must be the same",
                 shown=shown, address=address)
    return None


def _host_problem(shown: str, scheme: str, target: str) -> str | None:
    host = (urlsplit(target).hostname or "") if scheme in ("http", "https") else ""
    want, got = _idna(shown.lower().removeprefix("www.")), _idna(host)
    if host and (got == want or got.endswith("." + want)):
        return None
    where = host or target
    return _('the link shows the address "{shown}" but opens "{where}" — make the link text '
             "the address it opens, or write words for the link", shown=shown, where=where)


def _surcharged_in_text(phone: Phone, written: str) -> str | None:
    if not phone.surcharged:
        return None
    return _('"{written}" is a surcharged number (service payant + prix de l\'appel) — give it '
             "in `phones:`, where its cost is shown beside it in every language", written=written)


def _numbers(text: str) -> list[str]:
    return [m.group(0).strip(" .-") for m in _NUMBER.finditer(text)]


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _phone(written: str) -> Phone | None:
    try:
        return parse_phone(written.replace("(", "").replace(")", ""))
    except ValueError:
        return None


def _idna(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return host.lower()


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
    otherwise lay its groups of digits out right to left. Unicode isolates are plain text.
    A Latin word's closing apostrophe ("France Rénov'") gets a left-to-right mark after it, or
    the algorithm moves it to the front of the name."""
    text = _GROUPED_NUMBER.sub(lambda m: f"\u2066{m.group(0)}\u2069", text)
    return _LATIN_APOSTROPHE.sub("\\g<0>\u200e", text)


_LATIN_APOSTROPHE = re.compile("(?<=[A-Za-z\u00c0-\u024f])['\u2019](?![A-Za-z\u00c0-\u024f])")


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


__all__ = ["MAX_TEXT_CHARS", "SAFE_SCHEMES", "escape", "inline_tree", "link_problem", "plain",
           "render", "render_inline", "string_problem", "text_problem", "translation_problem",
           "tree", "url_problem", "weak_host_problem"]


def slug(term: str) -> str:
    """The anchor of a term: "Aide personnalisée au logement" → "aide-personnalisee-au-logement"."""
    ascii_ = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")

"""YAML files → plain values, with where each value stands and what was written there.

PyYAML's fast loader (libyaml) composes the node tree; we build the values ourselves so that we
keep each value's line and source text, and so that a duplicate key is an error instead of a
silently lost value.

Records arrive in pull requests, so a file is untrusted input (docs/security.md): before the tree
is composed, one pass over the parser's events refuses what a record never needs and what could
make the build run out of time or memory — anchors and aliases (a few lines of aliases expand to
billions of values), tags (`!!python/…`), nesting deeper than MAX_DEPTH — and a file larger than
MAX_FILE_BYTES is not read at all. Only safe construction is used: a value is never code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..markup import invisible_name
from ..messages import N_, _

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # libyaml missing: slower, same result
    _Loader = yaml.SafeLoader

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000
"""A record file is at most 1 MB: the largest example record (the glossary) is about 54 kB."""
MAX_DEPTH = 16
"""Levels of nesting: the deepest record field (a mission's results.needs[0].notes[0]) is 5."""
MAX_ENTRIES = 1_000
"""Fields of one group, or items of one list: the longest in the example content has 25."""


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based
    source: str  # the text as written, e.g. "9:30" where YAML read 570


@dataclass
class Document:
    value: Any
    marks: dict[Loc, Mark] = field(default_factory=dict)
    key_marks: dict[Loc, Mark] = field(default_factory=dict)
    duplicates: list[tuple[Loc, Mark, Mark]] = field(default_factory=list)
    slips: list[tuple[Loc, Mark, str]] = field(default_factory=list)
    """Texts YAML read otherwise than the editor meant (cut at " #", kept in curly quotes)."""

    def mark(self, loc: Loc, *, key: bool = False) -> Mark:
        """The closest known place for loc (its key, its value, or its nearest parent)."""
        table = self.key_marks if key else self.marks
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), Mark(1, 1, ""))


class YamlSyntaxError(Exception):
    def __init__(self, line: int, column: int, message: str, loc: Loc = ()) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message
        self.loc = loc  # the field it is in, when known


def read(path: Path) -> Document:
    """The values of a YAML file; raises YamlSyntaxError (with its line) for what cannot be read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlSyntaxError(1, 1, _(
            "file is {size} bytes, more than the {limit} a record may have — "
            "a record is one service, territory or mission: split it, or shorten its texts",
            size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"))
    text = path.read_text(encoding="utf-8")
    try:
        _refuse_unsafe(text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text) from None
    doc = Document(None)
    if node is None:
        return doc
    constructor = yaml.SafeLoader("")
    lines = text.splitlines()
    doc.value = _build(node, (), doc, constructor, lines)
    return doc


def _refuse_unsafe(text: str) -> None:
    """Refuse anchors, aliases, tags, deep nesting and huge groups, from the parser's events: the
    parser works with a stack of its own, so this pass is safe on any input, while composing the
    tree is not (libyaml's composer recurses once per level). The refusal names the field it is
    in."""
    # per open collection: [is_mapping, key or index, expecting_key, entries so far]
    stack: list[list[Any]] = []
    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            _value_done(stack)
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        is_key = bool(stack) and stack[-1][0] and stack[-1][2]
        if stack and not stack[-1][0]:
            stack[-1][1] += 1
        loc: Loc = tuple(frame[1] for frame in stack if frame[1] is not None)
        if stack and (is_key or not stack[-1][0]):
            stack[-1][3] += 1
        _refuse_node(event, text, loc, is_key, stack[-1][3] if stack else 0)
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise _refused(mark, loc, _too_deep())
            if is_key:
                stack[-1][2] = False  # a collection as a key: _build refuses it
            stack.append([isinstance(event, yaml.MappingStartEvent),
                          None if isinstance(event, yaml.MappingStartEvent) else -1, True, 0])
        elif is_key:
            stack[-1][1], stack[-1][2] = getattr(event, "value", ""), False
        else:
            _value_done(stack)


def _refuse_node(event: yaml.NodeEvent, text: str, loc: Loc, is_key: bool, entries: int) -> None:
    """Refuse an alias, an anchor, a tag, or one entry too many in its group."""
    mark = event.start_mark
    if entries > MAX_ENTRIES:
        raise _refused(mark, loc if is_key else loc[:-1], _(
            "more than {limit} fields or items in one group — no record needs so many: "
            "split the file, or check the indentation", limit=f"{MAX_ENTRIES:,}"))
    if isinstance(event, yaml.AliasEvent):
        raise _refused(mark, loc, _("a YAML alias (*{name}) is not allowed in records "
                                    "— write the value out in full", name=event.anchor))
    if event.anchor is not None:
        raise _refused(mark, loc, _("a YAML anchor (&{name}) is not allowed in records — "
                                    'remove it; a text that starts with "&" goes in quotes',
                                    name=event.anchor))
    if _explicit_tag(event):
        written = _written_at(text, mark) or str(getattr(event, "tag", ""))
        raise _refused(mark, loc, _("a YAML tag ({tag}) is not allowed in records — remove "
                                    'it; a text that starts with "!" goes in quotes',
                                    tag=written))


def _too_deep() -> str:
    return _("more than {limit} levels of nesting — records are never this deep: check the "
             "indentation", limit=MAX_DEPTH)


def _value_done(stack: list[list[Any]]) -> None:
    """A mapping's value is complete: the next node is a key again."""
    if stack and stack[-1][0]:
        stack[-1][2] = True


def _explicit_tag(event: yaml.Event) -> bool:
    tag = getattr(event, "tag", None)
    if tag is None:
        return False
    implicit = getattr(event, "implicit", True)
    return not any(implicit) if isinstance(implicit, tuple) else not implicit


def _written_at(text: str, mark: Any) -> str:
    """The word written where mark points, e.g. "!!python/object/apply:os.system"."""
    if mark is None:
        return ""
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column:].split(maxsplit=1)[0] if line[mark.column:].strip() else ""


def _refused(mark: Any, loc: Loc, message: str) -> yaml.MarkedYAMLError:
    error = yaml.MarkedYAMLError(problem=message, problem_mark=mark)
    error.refused = loc  # type: ignore[attr-defined]
    return error


def _build(node: yaml.Node, loc: Loc, doc: Document, constructor: Any, lines: list[str]) -> Any:
    doc.marks[loc] = _mark(node, lines)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                mark = _mark(key_node, lines)
                raise YamlSyntaxError(mark.line, mark.column, _(
                    "a field name must be a word followed by a colon, found a list or a group "
                    "of fields — check the indentation"))
            key_mark = _mark(key_node, lines)
            key = _scalar(key_node, constructor, key_mark)
            _refuse_odd_spaces(key, key_mark)
            if isinstance(key, bool) or not isinstance(key, str | int):
                key = key_mark.source or str(key)  # `no:` is the field "no", not false
            here = loc + (key,)
            if key in out:
                doc.duplicates.append((here, doc.key_marks[here], _mark(key_node, lines)))
                continue
            doc.key_marks[here] = _mark(key_node, lines)
            out[key] = _build(value_node, here, doc, constructor, lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loc + (i,), doc, constructor, lines)
                for i, item in enumerate(node.value)]
    value = _scalar(node, constructor, doc.marks[loc])
    if isinstance(value, str) and not getattr(node, "style", None):  # plain: None, or "" (libyaml)
        doc.slips.extend((loc, mark, message) for mark, message in _plain_slips(node, value, lines))
    return value


_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200f\u202f\u205f\u2060\u3000\ufeff]")
"""Spaces that look like a space (non-breaking ones, pasted from a word processor) or like
nothing (zero-width): YAML does not take them as spaces."""


_SPACE_NAMES = {
    "\u00a0": N_("non-breaking space"),
    "\u202f": N_("narrow non-breaking space"),
}
"""The visible ones; the invisible ones are named by markup, which refuses them in texts."""


def _space_name(character: str) -> str:
    name = _SPACE_NAMES.get(character)
    name = (_(name) if name else invisible_name(character)
            or unicodedata.name(character, "").lower())
    return f"U+{ord(character):04X} {name}".rstrip()


def _refuse_odd_spaces(key: object, mark: Mark) -> None:
    if not isinstance(key, str):
        return
    odd = _ODD_SPACES.search(key)
    if odd:
        raise YamlSyntaxError(mark.line, mark.column + odd.start(), _(
            "the field name holds a special space ({space}), often pasted from a word processor "
            "— retype `{name}:` with ordinary letters and spaces",
            space=_space_name(odd[0]), name=_ODD_SPACES.sub("", key).strip()))


def _plain_slips(node: yaml.Node, value: str, lines: list[str]) -> list[tuple[Mark, str]]:
    """An unquoted text that YAML cut at " #" (the rest of the line became a comment, lost) or
    kept in curly quotes (residents would see them), told from the line as written."""
    slips = []
    end = node.end_mark
    rest = lines[end.line][end.column:] if end.line < len(lines) else ""
    comment = re.match(r"\s+#", rest)
    if comment:
        lost = rest[comment.end():].strip()
        slips.append((Mark(end.line + 1, end.column + comment.end(), ""), _(
            'the text stops before " #{lost}": YAML reads " #" and what follows as a comment, '
            'and drops it — put the whole text in straight quotes "…"', lost=lost[:40])))
    if len(value) > 1 and value[0] in _CURLY and value[-1] in _CURLY:
        start = node.start_mark
        slips.append((Mark(start.line + 1, start.column + 1, ""), _(
            'the text is in curly quotes ({quotes}), which YAML keeps as part of the text: '
            'residents would see them — write straight quotes "…" around it instead',
            quotes=value[0] + "…" + value[-1])))
    return slips


def _scalar(node: yaml.Node, constructor: Any, mark: Mark) -> Any:
    if node.tag == _STR:  # what the constructor would return, without its dispatch
        return node.value
    try:
        return constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):  # e.g. 2026-13-45, read as a date
        raise YamlSyntaxError(mark.line, mark.column, _(
            "{value} cannot be read as a date or a number — check it (a date is written year "
            'first, like 2026-12-01), or put it in straight quotes "…" to keep it as text',
            value=mark.source or _("this value"))) from None


_STR = "tag:yaml.org,2002:str"


def _mark(node: yaml.Node, lines: list[str]) -> Mark:
    start, end = node.start_mark, node.end_mark
    source = ""
    if start.line == end.line and start.line < len(lines):
        source = lines[start.line][start.column : end.column]
    return Mark(start.line + 1, start.column + 1, source)


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> YamlSyntaxError:
    mark = error.problem_mark or error.context_mark
    refused = getattr(error, "refused", None)
    if refused is not None and mark:
        return YamlSyntaxError(mark.line + 1, mark.column + 1, str(error.problem), refused)
    problem = error.problem or ""
    if error.context_mark and (problem == "could not find expected ':'"
                               or "end of stream" in problem):
        mark = error.context_mark  # where the unfinished field or quote began, not the next line
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    odd = _ODD_SPACES.search(re.split(r"[\"']", bad_line, maxsplit=1)[0])
    if odd:  # e.g. `fr:` and a non-breaking space pasted from a word processor
        return YamlSyntaxError(line, odd.start() + 1, _(
            "YAML cannot read this line: it holds a special space ({space}), often pasted from a "
            "word processor, where YAML needs an ordinary space — retype the spaces of this line",
            space=_space_name(odd[0])))
    return YamlSyntaxError(line, column, _(
        "YAML cannot read this line: {what}", what=_syntax_hint(problem, bad_line, column,
                                                                  lines[: line - 1])))


_CURLY = "“”„‘’‚«»"


def _syntax_hint(problem: str, bad_line: str, column: int, above: list[str]) -> str:
    """What is wrong, in words an editor knows (PyYAML's own words name its grammar)."""
    stripped = bad_line.lstrip()
    indent = len(bad_line) - len(stripped)
    previous = next((x for x in reversed(above) if x.strip() and not x.lstrip().startswith("#")),
                    "")
    previous_indent = len(previous) - len(previous.lstrip())
    if "\t" in bad_line[: max(column, 1)] or "'\\t'" in problem:
        return _("a tab is used for indentation, and YAML needs spaces — replace the tab with "
                 "spaces")
    if any(q in bad_line for q in _CURLY) and "mapping values" in problem:
        return _('the text is in curly quotes (“…”, «…» or ‘…’), which YAML does not take as '
                 'quotes — write straight quotes "…" around it instead')
    if "nesting depth" in problem:  # libyaml's own limit, on brackets [[[[…
        return _too_deep()
    if "end of stream" in problem:
        return _('a quote opened here is never closed — close it with the same quote (" or \'), '
                 "at the end of the text")
    field = re.match(r"[\w-]+:(\s|$)", stripped)
    if "mapping values" in problem and field and indent > previous_indent and not (
            previous.rstrip().endswith(":")):
        return _("this line is indented more than the line above — a field of the same group "
                 "starts in the same column as the one above it")
    if "mapping values" in problem:
        return _('a text contains ": " (a colon and a space) — put the whole text in straight '
                 'quotes "…"')
    if problem == "could not find expected ':'":
        return _("a field name must be followed by a colon — write `name: value`, or put the "
                 "text on the line of its field")
    if "expected key" in problem or "block end" in problem:
        return _("the indentation of this line does not match the lines above — the fields of "
                 "one group start in the same column")
    return _("check the indentation and the quotes on this line")

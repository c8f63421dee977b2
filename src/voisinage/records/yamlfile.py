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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..messages import _

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # libyaml missing: slower, same result
    _Loader = yaml.SafeLoader

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000
"""A record file is at most 1 MB: the largest example record (the glossary) is about 54 kB."""
MAX_DEPTH = 16
"""Levels of nesting: the deepest record field (a mission's results.needs[0].notes[0]) is 5."""


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
    """Refuse anchors, aliases, tags and deep nesting, from the parser's events: the parser works
    with a stack of its own, so this pass is safe on any input, while composing the tree is not
    (libyaml's composer recurses once per level). The refusal names the field it is in."""
    stack: list[list[Any]] = []  # per open collection: [is_mapping, key or index, expecting_key]
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
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise _refused(mark, loc, _("more than {limit} levels of nesting — records "
                                            "are never this deep: check the indentation",
                                            limit=MAX_DEPTH))
            if is_key:
                stack[-1][2] = False  # a collection as a key: _build refuses it
            stack.append([isinstance(event, yaml.MappingStartEvent),
                          None if isinstance(event, yaml.MappingStartEvent) else -1, True])
        elif is_key:
            stack[-1][1], stack[-1][2] = getattr(event, "value", ""), False
        else:
            _value_done(stack)


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
    return _scalar(node, constructor, doc.marks[loc])


def _scalar(node: yaml.Node, constructor: Any, mark: Mark) -> Any:
    try:
        return constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):  # e.g. 2026-13-45, read as a date
        raise YamlSyntaxError(mark.line, mark.column, _(
            "{value} cannot be read as a date or a number — check it (a date is written year "
            'first, like 2026-12-01), or put it in straight quotes "…" to keep it as text',
            value=mark.source or _("this value"))) from None


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

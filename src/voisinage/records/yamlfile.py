"""YAML files → plain values, with where each value stands and what was written there.

PyYAML's fast loader (libyaml) composes the node tree; we build the values ourselves so that we
keep each value's line and source text, and so that a duplicate key is an error instead of a
silently lost value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # libyaml missing: slower, same result
    _Loader = yaml.SafeLoader

Loc = tuple[str | int, ...]


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
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def read(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    try:
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


def _build(node: yaml.Node, loc: Loc, doc: Document, constructor: Any, lines: list[str]) -> Any:
    doc.marks[loc] = _mark(node, lines)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            key = key if isinstance(key, str | int) else str(key)
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
    return constructor.construct_object(node, deep=True)


def _mark(node: yaml.Node, lines: list[str]) -> Mark:
    start, end = node.start_mark, node.end_mark
    source = ""
    if start.line == end.line and start.line < len(lines):
        source = lines[start.line][start.column : end.column]
    return Mark(start.line + 1, start.column + 1, source)


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> YamlSyntaxError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "cannot be read"
    hint = "check the indentation and the quotes on this line"
    bad_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in bad_line[: max(column, 1)] or "'\\t'" in problem:
        hint = "a tab is used for indentation: YAML needs spaces — replace the tab with spaces"
    elif ":" in bad_line and "mapping values are not allowed" in problem:
        hint = 'a value contains ": " — put the whole value in quotes'
    return YamlSyntaxError(line, column, f"YAML syntax error ({problem}) — {hint}")

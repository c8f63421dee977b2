# Text of a YAML file + where a mapping is → the same text with one `key: value` added, replaced
# or removed in that mapping. Editing lines instead of re-dumping the document keeps every
# comment, quote, blank line and key order as the editor wrote them: a block mapping only gains
# or loses the lines of that key, a flow mapping `{…}` gains the pair on its own line. The result
# is read back and compared before it is kept.
"""Add, change or remove a key of a mapping in a YAML text, changing nothing else."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

import yaml

from ..messages import _

Loc = tuple[str | int, ...]
Value = str | list[str] | dict[str, dict[str, str]]
"""What can be written: a text, a list of codes, or fingerprints (tracking.FIELD)."""


class EditError(ValueError):
    """The key cannot be added without touching other lines: add it by hand."""


def insert(text: str, loc: Loc, key: str, value: Value, order: Sequence[str] = (),
           comment: str = "") -> str:
    """text with `key: value` added to the mapping at loc, after the closest key before it in
    order (or after the last key); comment, if given, goes on the line above it.

    >>> insert('name:\\n  fr: "Bonjour"  # kept\\n', ("name",), "en", "Hello")
    'name:\\n  fr: "Bonjour"  # kept\\n  en: "Hello"\\n'
    """
    mapping = _find(yaml.compose(text, Loader=yaml.SafeLoader), loc)
    if not isinstance(mapping, yaml.MappingNode) or not mapping.value:
        raise EditError(_("expected a group of fields here, like `fr: …`"))
    if any(k.value == key for k, _value in mapping.value):
        raise EditError(_("`{key}:` is already there", key=key))
    anchor_key, anchor_value = _anchor(mapping, key, order)
    lines = text.splitlines(keepends=True)
    end = anchor_value.end_mark
    if mapping.flow_style:
        if not isinstance(value, str):
            raise EditError(_("expected a group of fields written one per line"))
        line = lines[end.line]
        written = next(x for x in _scalars(value) if _reads(f"k: {x}", "k", value))
        pair = f", {_key(key)}: {written}"
        lines[end.line] = line[: end.column] + pair + line[end.column :]
    else:
        last = _last_line(anchor_value, lines)
        newline = "\r\n" if lines[last].endswith("\r\n") else "\n"
        if not lines[last].endswith(("\n", "\r")):
            lines[last] += newline
        pad = " " * anchor_key.start_mark.column
        above = f"{pad}# {comment}{newline}" if comment else ""
        lines.insert(last + 1, above + _entry(anchor_key.start_mark.column, key, value, newline))
    edited = "".join(lines)
    _verify(text, edited, loc, key, value)
    return edited


def put(text: str, loc: Loc, key: str, value: Value | None, order: Sequence[str] = (),
        comment: str = "") -> str:
    """text with `key:` of the mapping at loc set to value: added if missing (see insert),
    its lines replaced if there, removed if value is None.

    >>> put('t:\\n  fr: x\\n  en: "old"  # kept\\nu: 1\\n', ("t",), "en", "new")
    't:\\n  fr: x\\n  en: "new"  # kept\\nu: 1\\n'
    >>> put('a: 1\\nmachine_translations: [ar, zh]\\n', (), "machine_translations", ["zh"])
    'a: 1\\nmachine_translations: [zh]\\n'
    """
    mapping = _find(yaml.compose(text, Loader=yaml.SafeLoader), loc)
    if not isinstance(mapping, yaml.MappingNode):
        raise EditError(_("expected a group of fields here, like `fr: …`"))
    pair = next(((k, v) for k, v in mapping.value if k.value == key), None)
    if pair is None:
        return text if value is None else insert(text, loc, key, value, order, comment)
    key_node, value_node = pair
    lines = text.splitlines(keepends=True)
    if mapping.flow_style:
        if not isinstance(value, str):
            raise EditError(_("this group of fields is written on one line { … }: change it "
                              "by hand"))
        start, end = value_node.start_mark, value_node.end_mark
        written = next(x for x in _scalars(value) if _reads(f"k: {x}", "k", value))
        head = "".join(lines[: start.line]) + lines[start.line][: start.column]
        tail = lines[end.line][end.column :] + "".join(lines[end.line + 1 :])
        edited = head + written + tail
    else:
        first, last = key_node.start_mark.line, _last_line(value_node, lines)
        before = lines[first][: key_node.start_mark.column]
        newline = "\r\n" if lines[last].endswith("\r\n") else "\n"
        after = ""
        if value_node.end_mark.line == last and value_node.end_mark.column > 0:
            after = lines[last][value_node.end_mark.column :].rstrip("\r\n")
        if value is None:
            if before.strip():
                raise EditError(_("`{key}:` starts an item of a list: remove it by hand",
                                  key=key))
            new_lines = []
        else:
            entry = _entry(key_node.start_mark.column, key, value, newline)
            entry = before + entry[key_node.start_mark.column :]
            if after.strip():  # a comment after the value stays at the end of the key's line
                head, _sep, rest = entry.partition(newline)
                entry = head + after + newline + rest
            new_lines = [entry]
        lines[first : last + 1] = new_lines
        edited = "".join(lines)
    _verify(text, edited, loc, key, value)
    return edited


def _last_line(node: yaml.Node, lines: list[str]) -> int:
    """The last line (0-based) holding something of node: not the blank lines after it."""
    block = isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style
    if block and node.value:
        last = node.value[-1]
        return _last_line(last[1] if isinstance(node, yaml.MappingNode) else last, lines)
    end = node.end_mark
    line = end.line if end.column > 0 else end.line - 1
    while line > node.start_mark.line and not lines[line].strip():
        line -= 1
    return line


def _find(node: yaml.Node | None, loc: Loc) -> yaml.Node | None:
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            node = next((v for k, v in node.value if k.value == part), None)
        elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
              and part < len(node.value)):
            node = node.value[part]
        else:
            return None
    return node


def _anchor(mapping: yaml.MappingNode, key: str, order: Sequence[str]) -> tuple[Any, Any]:
    rank = {code: i for i, code in enumerate(order)}
    mine = rank.get(key, len(rank))
    before = [pair for pair in mapping.value if rank.get(pair[0].value, len(rank)) < mine]
    if not before:
        return mapping.value[-1]
    return max(before, key=lambda pair: rank[pair[0].value])


def _entry(indent: int, key: str, value: Value, newline: str) -> str:
    pad = " " * indent
    if isinstance(value, list):
        return f"{pad}{_key(key)}: [{', '.join(_flow(x) for x in value)}]{newline}"
    if isinstance(value, dict):
        rows = [f"{pad}  {_key(k)}: {{" + ", ".join(f"{_flow(c)}: {_flow(f)}" for c, f in v.items())
                + "}" for k, v in value.items()]
        return newline.join([f"{pad}{_key(key)}:", *rows]) + newline
    for scalar in _scalars(value, pad + "  "):
        entry = f"{pad}{_key(key)}: {scalar}"
        if _reads(entry.replace("\n", newline) + newline, key, value):
            return entry.replace("\n", newline) + newline
    raise EditError(_("the text cannot be written in YAML as it is"))


def _flow(word: str) -> str:
    """A code or a fingerprint as written inside [ … ] or { … }: plain unless YAML would misread
    it (like `no` or `12345678`)."""
    try:
        plain = yaml.safe_load(f"[{word}]") == [word] and "," not in word
    except yaml.YAMLError:
        plain = False
    return word if plain else json.dumps(word, ensure_ascii=False)


def _scalars(value: str, pad: str = "") -> list[str]:
    """Ways of writing value, most readable first: a `|` block for lines, then quotes."""
    out = []
    body = value.removesuffix("\n")
    if pad and "\n" in body and not body.startswith((" ", "\n")):
        block = "\n".join(pad + line if line else "" for line in body.split("\n"))
        out.append(("|" if value.endswith("\n") else "|-") + "\n" + block)
    return out + [json.dumps(value, ensure_ascii=False), json.dumps(value)]


def _key(key: str) -> str:
    return key if _reads(f"{key}: x", key, "x") else json.dumps(key)


def _reads(snippet: str, key: str, value: Any) -> bool:
    try:
        return bool(yaml.safe_load(_dedent(snippet)) == {key: value})
    except yaml.YAMLError:
        return False


def _dedent(snippet: str) -> str:
    indent = len(snippet) - len(snippet.lstrip(" "))
    return "".join(line[indent:] if line.strip() else line
                   for line in snippet.splitlines(keepends=True))


def _verify(old: str, new: str, loc: Loc, key: str, value: Value | None) -> None:
    expected = copy.deepcopy(yaml.safe_load(old))
    target: Any = expected
    for part in loc:
        target = target[part]
    if value is None:
        target.pop(key, None)
    else:
        target[key] = value
    try:
        ok = yaml.safe_load(new) == expected
    except yaml.YAMLError:
        ok = False
    if not ok:
        raise EditError(_("adding it here would change other lines"))

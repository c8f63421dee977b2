# Text of a YAML file + where a mapping is → the same text with one more `key: value` in that
# mapping. Editing lines instead of re-dumping the document keeps every comment, quote, blank
# line and key order as the editor wrote them: a block mapping only gains lines, a flow mapping
# `{…}` gains the pair on its own line. The result is read back and compared before it is kept.
"""Add a key to a mapping in a YAML text, changing nothing else."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

import yaml

Loc = tuple[str | int, ...]


class EditError(ValueError):
    """The key cannot be added without touching other lines: add it by hand."""


def insert(text: str, loc: Loc, key: str, value: str, order: Sequence[str] = ()) -> str:
    """text with `key: value` added to the mapping at loc, after the closest key before it in
    order (or after the last key).

    >>> insert('name:\\n  fr: "Bonjour"  # kept\\n', ("name",), "en", "Hello")
    'name:\\n  fr: "Bonjour"  # kept\\n  en: "Hello"\\n'
    """
    mapping = _find(yaml.compose(text, Loader=yaml.SafeLoader), loc)
    if not isinstance(mapping, yaml.MappingNode) or not mapping.value:
        raise EditError("expected a group of fields here, like `fr: …`")
    if any(k.value == key for k, _ in mapping.value):
        raise EditError(f"`{key}:` is already there")
    anchor_key, anchor_value = _anchor(mapping, key, order)
    lines = text.splitlines(keepends=True)
    end = anchor_value.end_mark
    if mapping.flow_style:
        line = lines[end.line]
        written = next(x for x in _scalars(value) if _reads(f"k: {x}", "k", value))
        pair = f", {_key(key)}: {written}"
        lines[end.line] = line[: end.column] + pair + line[end.column :]
    else:
        last = end.line if end.column > 0 else end.line - 1
        while last > anchor_value.start_mark.line and not lines[last].strip():
            last -= 1
        newline = "\r\n" if lines[last].endswith("\r\n") else "\n"
        if not lines[last].endswith(("\n", "\r")):
            lines[last] += newline
        lines.insert(last + 1, _entry(anchor_key.start_mark.column, key, value, newline))
    edited = "".join(lines)
    _verify(text, edited, loc, key, value)
    return edited


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


def _entry(indent: int, key: str, value: str, newline: str) -> str:
    pad = " " * indent
    for scalar in _scalars(value, pad + "  "):
        entry = f"{pad}{_key(key)}: {scalar}"
        if _reads(entry.replace("\n", newline) + newline, key, value):
            return entry.replace("\n", newline) + newline
    raise EditError("the text cannot be written in YAML as it is")


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


def _reads(snippet: str, key: str, value: str) -> bool:
    try:
        return bool(yaml.safe_load(_dedent(snippet)) == {key: value})
    except yaml.YAMLError:
        return False


def _dedent(snippet: str) -> str:
    indent = len(snippet) - len(snippet.lstrip(" "))
    return "".join(line[indent:] if line.strip() else line
                   for line in snippet.splitlines(keepends=True))


def _verify(old: str, new: str, loc: Loc, key: str, value: str) -> None:
    expected = copy.deepcopy(yaml.safe_load(old))
    target: Any = expected
    for part in loc:
        target = target[part]
    target[key] = value
    try:
        ok = yaml.safe_load(new) == expected
    except yaml.YAMLError:
        ok = False
    if not ok:
        raise EditError("adding it here would change other lines")

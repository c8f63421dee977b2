"""Interface strings (buttons, headings, notices) in every language, from interface.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_FILE = Path(__file__).with_name("interface.yml")
FALLBACKS = ("en", "fr")
"""Where a language has no interface translation yet, English, then French, stand in."""


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    with _FILE.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def say(key: str, lang: str, **values: str) -> str:
    """The interface string `key` in `lang`, with {placeholders} filled."""
    texts = strings()[key]
    for code in (lang, *FALLBACKS):
        if code in texts:
            return texts[code].format(**values) if values else texts[code]
    raise KeyError(key)


def missing(langs: list[str]) -> dict[str, list[str]]:
    """Interface keys without a translation, per language: for `voisinage check` warnings."""
    return {
        lang: [key for key, texts in strings().items() if lang not in texts] for lang in langs
    }

"""The tool's own words (problems, build log, commands) in the editor's language.

Editors work in French; developers and CI logs may prefer English. Messages are written in
English in the code, wrapped in `_()`, extracted by Babel into `locale/voisinage.pot` and
translated in `locale/<lang>/LC_MESSAGES/voisinage.po` — a gettext catalogue any translator's
tool opens. The language is `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG), else French.

Residents' texts (interface.yml, records) are not here: they follow the page's language.
"""

from __future__ import annotations

import io
import os
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LANGUAGES = ("fr", "en")
"""Languages the tool speaks; English is the language of the code (no catalogue needed)."""

DEFAULT = "fr"
"""The editors' language, used when the locale names neither French nor English."""

CATALOGUES = Path(__file__).parent / "locale"
DOMAIN = "voisinage"

_chosen: str | None = None


def choose(language: str | None) -> None:
    """Speak `language` from now on (the `--lang` option); None goes back to the locale."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"language {language!r}: expected one of {', '.join(LANGUAGES)}")
    global _chosen
    _chosen = language


def current() -> str:
    """The language messages are written in now."""
    if _chosen:
        return _chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            language = value.split("_")[0].split(".")[0].split("@")[0].lower()
            return language if language in LANGUAGES else DEFAULT
    return DEFAULT


@cache
def _catalogue(language: str) -> NullTranslations:
    """The compiled catalogue of `language`, made from its .po file in memory (no stale .mo)."""
    path = CATALOGUES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == "en" or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def _(message: str, /, **values: object) -> str:
    """`message` in the current language, its `{name}` placeholders filled from `values`."""
    text = _catalogue(current()).gettext(message)
    return text.format(**values) if values else text


def N_(message: str, /) -> str:
    """Mark a message for translation where it is defined (a table made at import time); it is
    translated with `_()` where it is used."""
    return message


def n_(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The singular or plural form for `count` (`{count}` is filled too)."""
    text = _catalogue(current()).ngettext(singular, plural, count)
    return text.format(count=count, **values)


def gettext(message: str, /) -> str:
    """`message` in the current language, as it is (no placeholders filled): for code that
    formats its messages itself, like argparse."""
    return _catalogue(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int, /) -> str:
    """The singular or plural form for `count`, as it is (see gettext)."""
    return _catalogue(current()).ngettext(singular, plural, count)

"""Languages: direction, day names, clock and digits of each declared language, from CLDR
(Babel)."""

from __future__ import annotations

import unicodedata
from datetime import date, time
from functools import cache, cached_property

from babel import Locale
from babel.dates import format_date, format_time, get_day_names

from .messages import _

# Where a language code alone would pick the wrong script or region for residents in France.
# CLDR numbering systems → the Unicode name of their digits (Babel formats dates in Latin digits).
_DIGIT_SCRIPTS = {
    "arab": "ARABIC-INDIC", "arabext": "EXTENDED ARABIC-INDIC", "beng": "BENGALI",
    "deva": "DEVANAGARI", "mymr": "MYANMAR", "tamldec": "TAMIL", "thai": "THAI",
}
_Time = time  # the class's own `time` method hides the type in its body

_LOCALE_OF = {"zh": "zh_Hans_CN", "sr": "sr_Latn", "pa": "pa_Guru", "ps": "ps_AF"}


class Lang:
    """One declared language of the portal, with the CLDR data to speak it."""

    def __init__(self, code: str, name: str, direction: str) -> None:
        self.code = code
        self.name = name
        self.direction = direction

    def __repr__(self) -> str:
        return f"Lang({self.code!r})"

    @cached_property
    def locale(self) -> Locale:
        return locale_for(self.code)

    @cached_property
    def html_lang(self) -> str:
        return "zh-Hans" if self.code == "zh" else self.code

    @cached_property
    def _digits(self) -> dict[int, int]:
        script = _DIGIT_SCRIPTS.get(self.locale.default_numbering_system)
        if script is None:
            return {}
        zero = ord(unicodedata.lookup(f"{script} DIGIT ZERO"))
        return str.maketrans("0123456789", "".join(chr(zero + d) for d in range(10)))

    def digits(self, text: str) -> str:
        return text.translate(self._digits)

    def day_names(self) -> list[str]:
        names = get_day_names("wide", locale=self.locale)
        return [names[i] for i in range(7)]

    def time(self, value: time) -> str:
        # Pages ask for the same few times again and again; CLDR formatting is slow.
        said = self._times.get(value)
        if said is None:
            said = self._times[value] = self.digits(format_time(value, "short",
                                                                locale=self.locale))
        return said

    @cached_property
    def _times(self) -> dict[_Time, str]:
        return {}

    def date(self, value: date) -> str:
        return self.digits(format_date(value, "long", locale=self.locale))


@cache
def locale_for(code: str) -> Locale:
    """The CLDR locale for a language code; raises ValueError for unknown codes."""
    try:
        return Locale.parse(_LOCALE_OF.get(code, code))
    except Exception:  # babel raises several kinds for a bad code
        raise ValueError(
            _('expected a language code known to CLDR like "fr", "ar" or "zh", found "{code}"',
              code=code)
        ) from None


def direction_of(code: str) -> str:
    return locale_for(code).text_direction

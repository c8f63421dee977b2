"""Phone numbers: validated and shown the French way, dialled in E.164.

Residents call short national numbers (3230, 115, 3646) as much as ordinary ones, so both are
accepted; `phonenumbers` knows which short numbers exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberFormat, shortnumberinfo

REGION = "FR"


@dataclass(frozen=True)
class Phone:
    display: str  # as printed for a French reader: "01 99 00 12 34", "3230"
    tel: str  # as dialled from a French phone: "+33199001234", "3230"


@lru_cache(maxsize=16384)
def parse_phone(raw: str) -> Phone:
    """Parse a French phone number or short number; raise ValueError with a hint for people."""
    digits = raw.replace(" ", "").replace(".", "").replace("-", "")
    try:
        number = phonenumbers.parse(raw, REGION)
    except phonenumbers.NumberParseException:
        raise ValueError(_hint(raw)) from None
    if phonenumbers.is_valid_number(number):
        return Phone(
            display=phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
            tel=phonenumbers.format_number(number, PhoneNumberFormat.E164),
        )
    if digits.isdigit() and shortnumberinfo.is_valid_short_number(number):
        return Phone(display=_group_short(digits), tel=digits)
    raise ValueError(_hint(raw))


def _group_short(digits: str) -> str:
    return digits if len(digits) <= 4 else " ".join([digits[:2], digits[2:]])


def _hint(raw: str) -> str:
    return (
        f'expected a French phone number like "01 99 00 12 34" or a short number like "3230",'
        f' found "{raw}" — check the number of digits'
    )

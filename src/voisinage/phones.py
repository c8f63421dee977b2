"""Phone numbers: validated and shown the French way, dialled in E.164, with what a call costs.

Residents call short national numbers (3230, 115, 3646) as much as ordinary ones, so both are
accepted; `phonenumbers` knows which short numbers exist.

What a call costs is decided from `phonenumbers`' number types (docs/security.md): many residents
call from prepaid phones, and a surcharged line can eat their credit.

- free: TOLL_FREE ("0800" to "0805"; short numbers like 115 whose expected cost is TOLL_FREE);
- standard: fixed, mobile, VoIP and UAN numbers ("0806" to "0809": free service, price of a call),
  short numbers of STANDARD_RATE;
- surcharged: SHARED_COST (e.g. "0810", "0820", "0825"): "service payant + prix de l'appel",
  accepted and always shown with that notice;
- premium: PREMIUM_RATE (e.g. "0891", "0899", "0836"), and short numbers of premium rate outside
  the 3BPQ range (118 XYZ directory enquiries, 10 XY): refused — `premium_problem`;
- per_number: 4-digit short numbers starting with 3 (3230, 3646): their price is set number by
  number, not by range, so `phonenumbers` marks the whole range premium rate. They are accepted
  without a notice; the reviewer checks them against the record's `source`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType, ShortNumberCost, shortnumberinfo

from .messages import _

REGION = "FR"

Cost = Literal["free", "standard", "surcharged", "premium", "per_number"]


@dataclass(frozen=True)
class Phone:
    display: str  # as printed for a French reader: "01 99 00 12 34", "3230"
    tel: str  # as dialled from a French phone: "+33199001234", "3230"
    cost: Cost = "standard"

    @property
    def surcharged(self) -> bool:
        """True when the page must say "service payant + prix de l'appel" beside the number."""
        return self.cost == "surcharged"


FICTION = ("019900", "026191", "035301", "046571", "053649", "063998")
"""Blocks the regulator reserves for fiction (ARCEP decision 2018-0881 as amended), never assigned:
the numbers of example offices (01 99 00 xx xx…). `phonenumbers` knows the landline blocks but
calls 06 39 98 xx xx invalid, and an editor who copies the example would be told it is wrong."""


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
            cost=_cost(phonenumbers.number_type(number)),
        )
    if len(digits) == 10 and digits.isdigit() and digits.startswith(FICTION):
        return Phone(display=" ".join(digits[i:i + 2] for i in range(0, 10, 2)),
                     tel="+33" + digits[1:], cost="standard")
    if digits.isdigit() and shortnumberinfo.is_valid_short_number(number):
        return Phone(display=_group_short(digits), tel=digits, cost=_short_cost(number, digits))
    raise ValueError(_hint(raw))


def premium_problem(phone: Phone, written: str) -> str | None:
    """Why a number must not be given to residents (a premium-rate line), or None."""
    if phone.cost != "premium":
        return None
    return _('"{written}" is a premium-rate number: a call costs residents much more than a '
             "normal call — give the service's free or ordinary number instead", written=written)


def _cost(kind: int) -> Cost:
    if kind == PhoneNumberType.TOLL_FREE:
        return "free"
    if kind == PhoneNumberType.PREMIUM_RATE:
        return "premium"
    if kind == PhoneNumberType.SHARED_COST:
        return "surcharged"
    return "standard"


def _short_cost(number: phonenumbers.PhoneNumber, digits: str) -> Cost:
    expected = shortnumberinfo.expected_cost_for_region(number, REGION)
    if expected == ShortNumberCost.TOLL_FREE:
        return "free"
    if expected == ShortNumberCost.STANDARD_RATE:
        return "standard"
    if len(digits) == 4 and digits.startswith("3"):
        return "per_number"
    return "premium"


def _group_short(digits: str) -> str:
    return digits if len(digits) <= 4 else " ".join([digits[:2], digits[2:]])


def _hint(raw: str) -> str:
    digits = "".join(c for c in raw if c.isdigit())
    if raw.strip().startswith("+") or digits.startswith("00"):
        advice = _("a number abroad cannot be checked here — give the service's French number")
    elif len(digits) > 6 and len(digits) != 10:
        advice = _("it has {count} digits where a French number has 10", count=len(digits))
    elif len(digits) == 10:
        advice = _("no such number exists in France's numbering plan — check it on the "
                   "service's own website or letter")
    else:
        advice = _("no such short number exists in France — check it on the service's own "
                   "website or letter")
    return _('expected a French phone number like "01 99 00 12 34" or a short number like '
             '"3230", found "{found}" — {advice}', found=raw, advice=advice)

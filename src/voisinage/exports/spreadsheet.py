# Records → one CSV row per service, in French, for partners who work in a spreadsheet.
from __future__ import annotations

import csv
import functools
import io
import re
from typing import TYPE_CHECKING

from .. import hours, interface
from ..records.loading import Entry
from ..records.schema import Service
from . import common

if TYPE_CHECKING:
    from ..model.site_model import SiteModel

COLUMNS = [
    "territoire", "service", "nom", "sigle", "themes", "partenaire", "description",
    "pour_qui", "cout", "demarches", "documents", "langues_parlees", "francais_necessaire",
    "interpretariat", "accessibilite", "adresse", "complement_adresse", "code_postal", "ville",
    "latitude", "longitude", "telephones", "courriel", "site_web", "horaires",
    "horaires_openstreetmap", "fermeture_temporaire", "verifie_le", "chiffres_valables_jusqu_au",
    "source", "page",
]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")  # a west longitude stays a number


def services_csv(portal: SiteModel) -> str:
    """Every service as one row, French texts on one line each, ready for French Excel.

    The dialect is what Excel in French opens correctly by a double-click, without an import
    dialog: fields separated by `;` (the list separator of French Windows, since `,` is the
    decimal comma there; with `,` every row lands in one column), UTF-8 with a byte-order mark
    (without it Excel reads the file as Windows-1252 and mangles every accent), CRLF line ends.
    LibreOffice and Google Sheets detect `;` too; Python reads it with
    `csv.reader(f, delimiter=";")` after `open(path, encoding="utf-8-sig", newline="")`.

    Phone numbers are written as dialled in France with spaces ("01 99 00 12 34"), which every
    spreadsheet keeps as text. Postal codes are written as they are ("01000"); Excel shows a
    code that starts with 0 without it when opening by double-click — import the file with
    Data > From Text/CSV and set `code_postal` to Text to keep it. A cell that would start like
    a formula (=, +, -, @) is prefixed with an apostrophe, so a spreadsheet never runs record text.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in portal.cat.all_services():
        writer.writerow([_cell(value) for value in _row(portal, entry)])
    return "\ufeff" + buffer.getvalue()


def _row(portal: SiteModel, entry: Entry[Service]) -> list[str]:
    svc, tid = entry.record, entry.territory
    line = functools.partial(common.one_line, portal)
    partner = common.partner_of(portal, svc)
    address = svc.address
    closure = svc.temporary_closure
    fr = portal.default
    return [
        tid, entry.id, line(svc.name), svc.alternate_name or "",
        " ; ".join(line(portal.themes[t].name) for t in svc.themes),
        partner.name if partner else "",
        line(svc.description), line(svc.eligibility_description), line(svc.fees_description),
        line(svc.application_process), " ; ".join(line(doc) for doc in svc.required_documents),
        " ; ".join(fr.locale.languages.get(code, code) for code in svc.languages),
        {True: "oui", False: "non", None: ""}[svc.french_required],
        line(svc.interpretation_services), line(svc.accessibility),
        address.address_1 if address else "", (address.address_2 or "") if address else "",
        address.postal_code if address else "", address.city if address else "",
        "" if svc.latitude is None else str(svc.latitude),
        "" if svc.longitude is None else str(svc.longitude),
        " ; ".join(display for _, display in common.phone_numbers(svc)),
        svc.email or "", svc.url or "",
        _hours(portal, svc.opening_hours), svc.opening_hours or "",
        (f"du {closure.start.isoformat()} au {closure.end.isoformat()} : {line(closure.message)}"
         if closure and closure.end >= portal.today else ""),
        svc.assured_date.isoformat(), svc.valid_until.isoformat() if svc.valid_until else "",
        svc.source or "",
        common.page_url(portal, common.service_key(entry)) or "",
    ]


def _hours(portal: SiteModel, spec: str | None) -> str:
    if not spec:
        return ""
    fr = portal.default
    week = hours.typical_week(spec)
    lines = hours.describe(week, fr, interface.say("closed", fr.code),
                           interface.say("by_appointment", fr.code))
    text = " ; ".join(f"{line.days} : {line.hours}" for line in lines)
    if week.closed_on_public_holidays:
        text += " ; " + interface.say("closed_public_holidays", fr.code)
    return text


def _cell(value: str) -> str:
    if value.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value

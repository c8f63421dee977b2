# What each field of a service record means, with an example, for the people who fill it in.
# Read by `voisinage new service` (comments of a new record) and by schemas.py (descriptions and
# examples that editors' tools show while typing). The structure of a record is records.py alone.
"""Help for editors: the meaning of each field of a service, and an example value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Help:
    text: str
    example: Any = None


SERVICE: dict[str, Help] = {
    "name": Help("The official name in French, as residents see it on their letters and on the "
                 "door; its translations below it.",
                 {"fr": "Caisse d'allocations familiales (CAF)", "en": "Family benefits office (CAF)"}),
    "alternate_name": Help("A short name or an acronym people use.", "CAF"),
    "description": Help("What the service is for, in two or three short sentences.",
                        {"fr": "La CAF verse les allocations familiales et les aides au logement."}),
    "themes": Help("The themes it belongs to: ids of `themes` in content/portal.yml.",
                   ["rights", "housing"]),
    "partner": Help("Who provides it: an id of `partners` in content/portal.yml.", "caf"),
    "url": Help("Its website.", "https://www.caf.fr/"),
    "email": Help("An email address residents may write to.", "accueil@example.org"),
    "eligibility_description": Help("Who can use it: age, income, place of residence…",
                                    {"fr": "Les familles qui habitent Ris-Orangis."}),
    "fees_description": Help("What it costs.", {"fr": "Gratuit."}),
    "application_process": Help("How to do it, step by step. A list is written with lines "
                                "starting with - after `fr: |`.",
                                {"fr": "- Appelez le 3230.\n- Ou créez votre compte sur "
                                       "[caf.fr](https://www.caf.fr/).\n"}),
    "required_documents": Help("The papers to bring, one item each.",
                               [{"fr": "Pièce d'identité ou titre de séjour"},
                                {"fr": "Justificatif de domicile"}]),
    "languages": Help("Languages spoken at the counter: codes of the portal's languages.",
                      ["fr", "ar"]),
    "french_required": Help("true if a resident needs French (or someone with them) at the "
                            "counter, false if they can go alone without French.", True),
    "interpretation_services": Help("Help for residents who speak little French: interpreter, "
                                    "telephone interpreting, someone to come with them.",
                                    {"fr": "Interprète par téléphone sur rendez-vous."}),
    "accessibility": Help("Access for wheelchairs, prams, people with poor sight…",
                          {"fr": "Accès de plain-pied, ascenseur."}),
    "address": Help("Where to go. Write the postal code in quotes.",
                    {"address_1": "5 rue de la Solidarité", "city": "Ris-Orangis",
                     "postal_code": "91130"}),
    "latitude": Help("Position on the map (e.g. from openstreetmap.org: right click, "
                     "“Show address”). Give latitude and longitude, or neither.", 48.6512),
    "longitude": Help("Position on the map, with latitude.", 2.4122),
    "phones": Help("Phone numbers, as residents dial them, in quotes.",
                   [{"number": "01 99 00 12 34", "description": {"fr": "Le matin"}}]),
    "opening_hours": Help("Opening hours in OpenStreetMap syntax, in single quotes: days Mo Tu "
                          "We Th Fr Sa Su, hours 09:00-12:00, PH = public holidays.",
                          'Mo-Fr 09:00-12:00,14:00-17:00; We 14:00-17:00 "sur rendez-vous"; PH off'),
    "temporary_closure": Help("A closure for some days (works, holidays), shown as a notice.",
                              {"start": date(2026, 12, 21), "end": date(2027, 1, 3),
                               "message": {"fr": "Fermé pendant les vacances de Noël."}}),
    "assured_date": Help("When you last checked these facts with the service (YYYY-MM-DD). "
                         "Change it each time you check them.", date(2026, 11, 20)),
    "valid_until": Help("Only when the texts give figures that hold for a period (income "
                        "ceilings, amounts, campaign dates): the last day they hold (YYYY-MM-DD). "
                        "After it, the page tells residents to ask the service for the current "
                        "figures, `voisinage check` warns, and leaflets leave the service out — "
                        "update the figures and this date before then.", date(2027, 3, 31)),
    "assurer_email": Help("Who checked them, to ask again later.", "equipe-contenu@example.org"),
    "source": Help("Where the facts come from: an official page.",
                   "https://www.service-public.gouv.fr/"),
    "example": Help("true when local details are fictional (example content).", False),
    "machine_translations": Help("Languages machine-translated and not yet reviewed by a "
                                 "person who speaks them.", ["ar", "zh"]),
}
"""Every field of records.Service, in the words of the people who fill it in."""

NESTED: dict[str, dict[str, Help]] = {
    "Address": {
        "address_1": Help("Number and street.", "5 rue de la Solidarité"),
        "address_2": Help("Building, floor, door…", "Bâtiment B, 2e étage"),
        "city": Help("Town.", "Ris-Orangis"),
        "postal_code": Help("Five digits, in quotes.", "91130"),
    },
    "Phone": {
        "number": Help("As residents dial it, in quotes.", "01 99 00 12 34"),
        "description": Help("When or why to call this number.", {"fr": "Le matin"}),
    },
    "Closure": {
        "start": Help("First day closed (YYYY-MM-DD).", date(2026, 12, 21)),
        "end": Help("Last day closed (YYYY-MM-DD).", date(2027, 1, 3)),
        "message": Help("What residents should do meanwhile.",
                        {"fr": "Fermé pendant les vacances de Noël."}),
    },
}
"""Fields of the records nested in a service, by model name."""

# Records → France's national data·inclusion schema (v1): structures and services, in French.
# Every object is validated with the `data-inclusion-schema` package's own models before it is
# published; a record the national schema refuses stops the build with its file, line and field.
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeAlias

from data_inclusion.schema import v1
from pydantic import ValidationError

from ..records.loading import Entry, relative_path
from ..records.problems import Problem, RecordsError, field_path
from ..records.schema import Partner, Service
from . import common
from .common import where

if TYPE_CHECKING:
    from ..model.site_model import SiteModel

Object = dict[str, Any]
T: TypeAlias = v1.Thematique  # the package has no type hints: Any to mypy

THEMATIQUES: dict[str, tuple[T, ...]] = {
    "housing": (T.LOGEMENT_HEBERGEMENT__SINFORMER_SUR_LES_DEMARCHES_LIEES_A_LACCES_AU_LOGEMENT,
                T.LOGEMENT_HEBERGEMENT__SE_MAINTENIR_DANS_LE_LOGEMENT),
    "energy": (T.LOGEMENT_HEBERGEMENT__SE_MAINTENIR_DANS_LE_LOGEMENT,
               T.DIFFICULTES_FINANCIERES__PREVENIR_UNE_DEGRADATION_DE_LA_SITUATION_FINANCIERE),
    "transport": (T.MOBILITE__FINANCER_MA_MOBILITE,
                  T.MOBILITE__UTILISER_DES_SERVICES_DE_MOBILITE_DOUCE_PARTAGEE_COLLECTIVE),
    "recycling": (),
    "education": (T.FAMILLE__SOUTIEN_A_LA_PARENTALITE_ET_A_LEDUCATION,),
    "rights": (T.DIFFICULTES_ADMINISTRATIVES_OU_JURIDIQUES__ACCOMPAGNEMENT_POUR_LACCES_AUX_DROITS,),
    "health": (T.SANTE__ACCES_AUX_SOINS,),
    "culture": (T.REMOBILISATION__ACTIVITES_SPORTIVES_ET_CULTURELLES,),
    "employment": (T.PREPARER_SA_CANDIDATURE__ORGANISER_SES_DEMARCHES_DE_RECHERCHE_DEMPLOI,
                   T.TROUVER_UN_EMPLOI__REPONDRE_A_DES_OFFRES_DEMPLOI),
    "digital": (T.NUMERIQUE__ACCEDER_A_DES_SERVICES_EN_LIGNE,
                T.NUMERIQUE__MAITRISER_LES_FONDAMENTAUX_DU_NUMERIQUE),
}
"""Our theme ids → data·inclusion thématiques. A theme not listed (or listed empty, like
recycling, which no inclusion directory lists) gives none."""

RESEAUX: dict[str, v1.ReseauPorteur] = {
    "municipality": v1.ReseauPorteur.COMMUNES,
    "department": v1.ReseauPorteur.DEPARTEMENTS,
}
"""Partner kinds → the data·inclusion network that carries the structure."""

_FREE = re.compile(r"^gratuite?\s*(?:[.:!]|$)", re.IGNORECASE)
_PRICED = re.compile(r"€|payant|prix|tarif", re.IGNORECASE)
# data·inclusion field → the record field an editor must change when it is refused.
_RECORD_FIELD = {"nom": ("name", "fr"), "description": ("description", "fr"),
                 "courriel": ("email",), "lien_mobilisation": ("url",), "site_web": ("url",)}


def thematiques_of(themes: Iterable[str]) -> list[T]:
    """The thématiques of a service's themes, without repeats, in table order."""
    found: dict[T, None] = {}
    for theme in themes:
        found.update(dict.fromkeys(THEMATIQUES.get(theme, ())))
    return list(found)


def source_of(portal: SiteModel) -> str:
    """The producer id: the portal's address as a slug, e.g. "example-org-voisinage"."""
    url = re.sub(r"^https?://", "", portal.record.site_url or "voisinage")
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-")


def export(portal: SiteModel) -> tuple[list[Object], list[Object]]:
    """(structures, services), each validated with `data_inclusion.schema.v1`.

    A service's structure is its partner's local office in the territory — what DORA calls a
    structure: `example-org-voisinage--caf--ris-orangis`, named "Caisse d'allocations familiales
    (CAF) – Ris-Orangis". A service without a partner is its own structure (a library, a
    youth club). Raises RecordsError naming the record field the national schema refuses.
    """
    source = source_of(portal)
    groups: dict[str, list[Entry[Service]]] = {}
    for entry in portal.cat.all_services():
        groups.setdefault(_structure_id(portal, source, entry), []).append(entry)
    problems: list[Problem] = []
    structures = [_checked(portal, v1.Structure, _structure(portal, source, sid, entries),
                           entries[0], problems)
                  for sid, entries in groups.items()]
    services = [_checked(portal, v1.Service, _service(portal, source, sid, entry), entry, problems)
                for sid, entries in groups.items() for entry in entries]
    if problems:
        raise RecordsError(problems)
    return structures, services


def _structure_id(portal: SiteModel, source: str, entry: Entry[Service]) -> str:
    tid = entry.territory
    partner = common.partner_of(portal, entry.record)
    return f"{source}--{partner.id}--{tid}" if partner else f"{source}--{tid}--{entry.id}"


def _structure(portal: SiteModel, source: str, sid: str, entries: list[Entry[Service]]) -> Object:
    first = entries[0]
    tid = first.territory
    territory = portal.cat.territories[tid].record
    partner = common.partner_of(portal, first.record)
    if partner:
        named: Object = {
            "nom": f"{partner.name} – {territory.town}",
            "description": _structure_description(portal, partner, territory.town),
            "site_web": common.web_url(partner.url),
            "lien_source": common.page_url(portal, ("territory", tid)),
            "reseaux_porteurs": [RESEAUX[partner.kind].value] if partner.kind in RESEAUX else None,
        }
    else:
        named = {"nom": common.one_line(portal, first.record.name),
                 "site_web": common.web_url(first.record.url),
                 "lien_source": common.page_url(portal, common.service_key(first))}
    place = _place(portal, [e.record for e in entries])
    obj: Object = {"source": source, "id": sid, **named, **place,
                   "commune": place["commune"] or territory.town,
                   "date_maj": _date_maj(max(e.record.assured_date for e in entries))}
    return _pruned(obj)


def _structure_description(portal: SiteModel, partner: Partner, town: str) -> str:
    portal_name = common.one_line(portal, portal.record.name)
    return f"{common.KIND_FR[partner.kind]}. Ses services à {town} sont décrits sur {portal_name}."


def _service(portal: SiteModel, source: str, structure_id: str, entry: Entry[Service]) -> Object:
    svc = entry.record
    fr = functools.partial(common.french, portal)
    fees = common.one_line(portal, svc.fees_description)
    modes = [mode for mode, present in (
        (v1.ModeMobilisation.ENVOYER_UN_COURRIEL, svc.email),
        (v1.ModeMobilisation.SE_PRESENTER, svc.address and svc.opening_hours),
        (v1.ModeMobilisation.TELEPHONER, svc.phones),
        (v1.ModeMobilisation.UTILISER_LIEN_MOBILISATION, common.web_url(svc.url)),
    ) if present]
    obj: Object = {"source": source, "structure_id": structure_id,
                   "id": f"{source}--{where(entry).replace('/', '--')}",
                   "nom": common.one_line(portal, svc.name),
                   # data·inclusion has no field for how long figures hold: say it in the text
                   "description": "\n\n".join(filter(None, [common.expired_note(portal, svc),
                                                             fr(svc.description)]))}
    obj.update(_place(portal, [svc]))
    obj.update(
        lien_source=common.page_url(portal, common.service_key(entry)),
        date_maj=_date_maj(svc.assured_date),
        thematiques=[t.value for t in thematiques_of(svc.themes)] or None,
        frais=(v1.Frais.GRATUIT.value if fees and _FREE.match(fees) and not _PRICED.search(fees)
               else None),
        frais_precisions=fees or None,
        publics_precisions=fr(svc.eligibility_description),
        conditions_acces=_conditions(portal, svc),
        modes_accueil=[v1.ModeAccueil.EN_PRESENTIEL.value] if svc.address else (
            [v1.ModeAccueil.A_DISTANCE.value] if svc.phones or svc.url else None),
        lien_mobilisation=common.web_url(svc.url),
        modes_mobilisation=[m.value for m in modes] or None,
        mobilisable_par=[v1.PersonneMobilisatrice.USAGERS.value],
        mobilisation_precisions=fr(svc.application_process),
    )
    return _pruned(obj)


def _place(portal: SiteModel, services: list[Service]) -> Object:
    """Address, phone, email and hours the services agree on (all of them, for one service)."""
    address = _shared(s.address for s in services)
    coordinates = _shared((s.latitude, s.longitude) if s.latitude is not None else None
                          for s in services) or (None, None)
    return {
        "adresse": address.address_1 if address else None,
        "complement_adresse": address.address_2 if address else None,
        "code_postal": address.postal_code if address else None,
        "commune": address.city if address else None,
        "latitude": coordinates[0],
        "longitude": coordinates[1],
        "telephone": _shared(common.phone_numbers(s)[0][0] if s.phones else None for s in services),
        "courriel": _shared(s.email for s in services),
        "horaires_accueil": _shared(s.opening_hours for s in services),
    }


def _shared(values: Iterable[Any]) -> Any:
    found = {v for v in values if v is not None}
    return found.pop() if len(found) == 1 else None


def _conditions(portal: SiteModel, svc: Service) -> str | None:
    lines = [f"- {common.one_line(portal, doc)}" for doc in svc.required_documents]
    if lines:
        lines.insert(0, "Documents à apporter :")
    if svc.french_required:
        lines.append("Il faut parler français, ou venir avec quelqu'un qui le parle.")
    return "\n".join(lines) or None


def _date_maj(assured: date) -> str:
    # The national schema refuses a date after today; a record checked "tomorrow" is today's.
    return min(assured, date.today()).isoformat()


def _checked(portal: SiteModel, model: Any, obj: Object, entry: Entry[Service],
             problems: list[Problem]) -> Object:
    try:
        model.model_validate(obj)
    except ValidationError as error:
        for detail in error.errors():
            name = str(detail["loc"][0]) if detail["loc"] else ""
            loc = _RECORD_FIELD.get(name, ())
            mark = entry.doc.mark(loc)
            problems.append(Problem(
                relative_path(entry.path, portal.cat.root), mark.line, mark.column,
                field_path(loc), (
                    f"the national data·inclusion schema refuses the {model.__name__.lower()} "
                    f"{obj.get('id')}: {name}: {detail['msg']} — change the record so that "
                    "partners' directories can import it")))
    return obj


def _pruned(obj: Object) -> Object:
    return {k: v for k, v in obj.items() if v is not None}

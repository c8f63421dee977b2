# What each field of a service record means, with an example, for the people who fill it in.
# Read by `voisinage new service` (comments of a new record) and by schemas.py (descriptions and
# examples that editors' tools show while typing). The structure of a record is records.py alone.
"""Help for editors: the meaning of each field of a service, and an example value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..messages import N_


@dataclass(frozen=True)
class Help:
    text: str
    example: Any = None


SERVICE: dict[str, Help] = {
    "name": Help(N_("The official name in French, as residents see it on their letters and on the "
                    "door; its translations below it."),
                 {"fr": "Caisse d'allocations familiales (CAF)",
                  "en": "Family benefits office (CAF)"}),
    "alternate_name": Help(N_("A short name or an acronym people use."), "CAF"),
    "aliases": Help(N_("Other French forms residents type or meet, so that search finds them: "
                       "other spellings, an old name."), ["déchetterie"]),
    "kind": Help(N_("How residents use it: counter (a place to go, the default), helpline (a "
                    "number to call), home_visit (someone comes to the home) or online (a "
                    "website). Only a counter gets the \u201cWhere\u201d part and the box to show "
                    "at the counter."), "helpline"),
    "description": Help(N_("What the service is for, in two or three short sentences."),
                        {"fr": "La CAF verse les allocations familiales et les aides au "
                               "logement."}),
    "themes": Help(N_("The themes it belongs to: ids of `themes` in content/portal.yml."),
                   ["rights", "housing"]),
    "partner": Help(N_("Who provides it: an id of `partners` in content/portal.yml."), "caf"),
    "url": Help(N_("Its website."), "https://www.caf.fr/"),
    "email": Help(N_("An email address residents may write to."), "accueil@example.org"),
    "eligibility_description": Help(N_("Who can use it: age, income, place of residence…"),
                                    {"fr": "Les familles qui habitent Ris-Orangis."}),
    "fees_description": Help(N_("What it costs."), {"fr": "Gratuit."}),
    "application_process": Help(N_("How to do it, step by step. A list is written with lines "
                                   "starting with - after `fr: |`."),
                                {"fr": "- Appelez le 3230.\n- Ou créez votre compte sur "
                                       "[caf.fr](https://www.caf.fr/).\n"}),
    "required_documents": Help(N_("The papers to bring, one item each."),
                               [{"fr": "Pièce d'identité ou titre de séjour"},
                                {"fr": "Justificatif de domicile"}]),
    "languages": Help(N_("Languages spoken at the counter: codes of the portal's languages."),
                      ["fr", "ar"]),
    "french_required": Help(N_("true if a resident needs French (or someone with them) at the "
                               "counter, false if they can go alone without French."), True),
    "interpretation_services": Help(N_("Help for residents who speak little French: interpreter, "
                                       "telephone interpreting, someone to come with them."),
                                    {"fr": "Interprète par téléphone sur rendez-vous."}),
    "accessibility": Help(N_("Access for wheelchairs, prams, people with poor sight…"),
                          {"fr": "Accès de plain-pied, ascenseur."}),
    "address": Help(N_("Where to go. Write the postal code in quotes."),
                    {"address_1": "5 rue de la Solidarité", "city": "Ris-Orangis",
                     "postal_code": "91130"}),
    "latitude": Help(N_("Position on the map (e.g. from openstreetmap.org: right click, "
                        "“Show address”). Give latitude and longitude, or neither."), 48.6512),
    "longitude": Help(N_("Position on the map, with latitude."), 2.4122),
    "phones": Help(N_("Phone numbers, as residents dial them, in quotes."),
                   [{"number": "01 99 00 12 34", "description": {"fr": "Le matin"}}]),
    "opening_hours": Help(N_("Opening hours in OpenStreetMap syntax, in single quotes: days Mo Tu "
                             "We Th Fr Sa Su, hours 09:00-12:00, PH = public holidays."),
                          'Mo-Fr 09:00-12:00,14:00-17:00; '
                          'We 14:00-17:00 "sur rendez-vous"; PH off'),
    "temporary_closure": Help(N_("A closure for some days (works, holidays), shown as a notice."),
                              {"start": date(2026, 12, 21), "end": date(2027, 1, 3),
                               "message": {"fr": "Fermé pendant les vacances de Noël."}}),
    "assured_date": Help(N_("When you last checked these facts with the service (YYYY-MM-DD). "
                            "Change it each time you check them."), date(2026, 11, 20)),
    "valid_until": Help(N_("Only when the texts give figures that hold for a period (income "
                           "ceilings, amounts, campaign dates): the last day they hold "
                           "(YYYY-MM-DD). After it, the page tells residents to ask the service "
                           "for the current figures, `voisinage check` warns, and leaflets leave "
                           "the service out — update the figures and this date before then."),
                        date(2027, 3, 31)),
    "assurer_email": Help(N_("Who checked them, to ask again later."),
                          "equipe-contenu@example.org"),
    "source": Help(N_("Where the facts come from: an official page."),
                   "https://www.service-public.gouv.fr/"),
    "example": Help(N_("true when local details are fictional (example content)."), False),
    "machine_translations": Help(N_("Languages machine-translated and not yet reviewed by a "
                                    "person who speaks them."), ["ar", "zh"]),
    "translated_from": Help(N_("Written by `voisinage translations` (import, mark-current), not by "
                               "hand: which French text each translation was made from, so that a "
                               "change of the French marks its translations outdated.")),
}
"""Every field of records.Service, in the words of the people who fill it in."""

NESTED: dict[str, dict[str, Help]] = {
    "Address": {
        "address_1": Help(N_("Number and street."), "5 rue de la Solidarité"),
        "address_2": Help(N_("Building, floor, door…"), "Bâtiment B, 2e étage"),
        "city": Help(N_("Town."), "Ris-Orangis"),
        "postal_code": Help(N_("Five digits, in quotes."), "91130"),
    },
    "Phone": {
        "number": Help(N_("As residents dial it, in quotes."), "01 99 00 12 34"),
        "description": Help(N_("When or why to call this number."), {"fr": "Le matin"}),
    },
    "Closure": {
        "start": Help(N_("First day closed (YYYY-MM-DD)."), date(2026, 12, 21)),
        "end": Help(N_("Last day closed (YYYY-MM-DD)."), date(2027, 1, 3)),
        "message": Help(N_("What residents should do meanwhile."),
                        {"fr": "Fermé pendant les vacances de Noël."}),
    },
}
"""Fields of the records nested in a service, by model name."""


@dataclass(frozen=True)
class French:
    """A field as the web editor shows it to French-speaking editors: its label and a hint."""

    label: str
    hint: str = ""


FRENCH: dict[str, French] = {
    # Every record
    "machine_translations": French(
        "Traductions automatiques à relire",
        "Les langues traduites par une machine et pas encore relues par une personne qui les "
        "parle. Retirez une langue quand ses textes ont été relus."),
    "translated_from": French(
        "Empreintes des traductions",
        "Écrit par voisinage (import des traductions) : de quel texte français chaque traduction "
        "a été faite. Ne pas modifier."),
    "example": French("Contenu d'exemple", "Cochez si les détails locaux sont fictifs."),
    "source": French("Source", "D'où viennent les informations : une page officielle "
                     "(adresse commençant par https://)."),
    "url": French("Site web", "Adresse commençant par https://"),
    "email": French("Adresse e-mail", "Par exemple accueil@example.org"),
    "phones": French("Téléphones", "Les numéros tels qu'on les compose : 01 99 00 12 34, ou un "
                     "numéro court comme 3230."),
    "address": French("Adresse"),
    "opening_hours": French(
        "Horaires d'ouverture",
        "Au format OpenStreetMap : jours Mo Tu We Th Fr Sa Su, heures 09:00-12:00, PH = jours "
        "fériés. Exemple : Mo-Fr 09:00-12:00,14:00-17:00; PH off"),
    "languages": French("Langues"),
    # Service
    "Service.name": French("Nom officiel", "En français, tel que les habitants le lisent sur "
                           "leurs courriers et sur la porte ; ses traductions dessous."),
    "Service.alternate_name": French("Nom court ou sigle", "Par exemple CAF."),
    "Service.description": French("Description", "À quoi sert le service, en deux ou trois "
                                  "phrases courtes."),
    "Service.themes": French("Thèmes", "Un ou plusieurs thèmes du portail."),
    "Service.partner": French("Partenaire", "Qui propose le service."),
    "Service.eligibility_description": French(
        "Pour qui", "Qui peut en bénéficier : âge, revenus, lieu d'habitation…"),
    "Service.fees_description": French("Coût", "Ce que ça coûte, par exemple « Gratuit. »"),
    "Service.application_process": French(
        "Comment faire", "Les étapes, une par ligne commençant par « - »."),
    "Service.required_documents": French("Documents à apporter", "Un document par élément."),
    "Service.languages": French("Langues parlées au guichet"),
    "Service.french_required": French(
        "Le français est nécessaire au guichet",
        "Cochez si un habitant doit parler français (ou venir accompagné) ; laissez décoché "
        "s'il peut y aller seul sans parler français."),
    "Service.interpretation_services": French(
        "Aide pour ceux qui parlent peu français",
        "Interprète, interprétariat par téléphone, accompagnement…"),
    "Service.accessibility": French("Accessibilité", "Fauteuil roulant, poussette, personnes "
                                    "malvoyantes…"),
    "Service.latitude": French("Latitude", "Position sur la carte (par exemple depuis "
                               "openstreetmap.org), avec la longitude. Exemple : 48.6512"),
    "Service.longitude": French("Longitude", "Avec la latitude. Exemple : 2.4122"),
    "Service.temporary_closure": French(
        "Fermeture temporaire", "Une fermeture de quelques jours (travaux, vacances), affichée "
        "en avertissement."),
    "Service.assured_date": French(
        "Date de vérification", "Le jour où vous avez vérifié ces informations auprès du "
        "service. Changez-la à chaque vérification."),
    "Service.assurer_email": French("Vérifié par", "L'adresse e-mail de la personne qui a "
                                    "vérifié, pour redemander plus tard."),
    "Service.example": French("Contenu d'exemple", "Cochez si les détails locaux sont fictifs."),
    # Nested in a service
    "Address.address_1": French("Numéro et rue", "Par exemple 5 rue de la Solidarité"),
    "Address.address_2": French("Complément", "Bâtiment, étage, porte…"),
    "Address.city": French("Ville"),
    "Address.postal_code": French("Code postal", "Cinq chiffres, par exemple 91130."),
    "Phone.number": French("Numéro", "Par exemple 01 99 00 12 34, ou un numéro court comme "
                           "3230."),
    "Phone.description": French("Quand ou pourquoi appeler", "Par exemple « Le matin »."),
    "Closure.start": French("Premier jour de fermeture"),
    "Closure.end": French("Dernier jour de fermeture"),
    "Closure.message": French("Message aux habitants", "Que faire pendant la fermeture."),
    # Territory
    "Territory.name": French("Nom du quartier"),
    "Territory.town": French("Commune"),
    "Territory.department": French("Département"),
    "Territory.description": French("Présentation du quartier"),
    "Territory.languages": French("Langues les plus parlées dans le quartier",
                                  "La plus parlée d'abord."),
    "Territory.bounds": French("Limites sur la carte",
                               "Les services du quartier doivent être dans ce rectangle."),
    "Territory.branch": French("Antenne locale", "L'équipe qui fait du porte-à-porte ici."),
    "Department.code": French("Numéro", "Par exemple 91, ou 2A, 2B."),
    "Department.name": French("Nom", "Par exemple Essonne."),
    "Bounds.south": French("Sud (latitude minimale)"),
    "Bounds.west": French("Ouest (longitude minimale)"),
    "Bounds.north": French("Nord (latitude maximale)"),
    "Bounds.east": French("Est (longitude maximale)"),
    "Branch.name": French("Nom de l'antenne"),
    # Mission
    "Mission.territory": French("Quartier"),
    "Mission.partner": French("Partenaire", "Qui a commandé la mission."),
    "Mission.theme": French("Thème"),
    "Mission.period": French("Période"),
    "Mission.headline": French("Titre du tract", "Quelques mots."),
    "Mission.message": French("Message", "Ce que viennent dire les Voisins Malins, en deux "
                              "phrases."),
    "Mission.services": French("Services présentés", "Des services du quartier de la mission."),
    "Mission.short_code": French(
        "Code court", "Fixe l'adresse courte des QR codes, par exemple après avoir renommé le "
        "fichier. Laissez vide sinon."),
    "Mission.results": French("Résultats", "À remplir après la mission : des nombres et des "
                              "remarques anonymes seulement."),
    "Mission.example": French("Mission d'exemple", "Cochez si la mission est fictive."),
    "Period.start": French("Début"),
    "Period.end": French("Fin"),
    "Results.doors_knocked": French("Portes frappées"),
    "Results.households_met": French("Foyers rencontrés"),
    "Results.languages_used": French("Langues utilisées"),
    "Results.needs": French("Besoins exprimés"),
    "Results.notes": French("Remarques", "Courtes et anonymes, en français : jamais de nom, "
                            "d'adresse, de numéro."),
    "LanguageCount.language": French("Langue", "Un code comme ar, aussi hors du portail."),
    "LanguageCount.households": French("Foyers rencontrés dans cette langue"),
    "Need.theme": French("Thème"),
    "Need.households": French("Foyers qui l'ont exprimé"),
    "Need.notes": French("Remarques", "Courtes et anonymes, en français."),
    # Glossary
    "Glossary.entries": French("Mots"),
    "Glossary.machine_translations": French(
        "Traductions automatiques à relire", "Les langues traduites par une machine dans tous "
        "les mots."),
    "GlossaryEntry.term": French("Terme officiel", "En français, par exemple « Aide "
                                 "personnalisée au logement »."),
    "GlossaryEntry.aliases": French("Autres formes", "Sigles et variantes, par exemple APL."),
    "GlossaryEntry.definition": French("Définition", "Ce que c'est, en mots simples, dans "
                                       "chaque langue."),
    # Portal
    "Portal.name": French("Nom du portail"),
    "Portal.tagline": French("Phrase d'accueil"),
    "Portal.site_url": French("Adresse publique du portail",
                              "Les QR codes et les liens pointent dessous."),
    "Portal.default_language": French("Langue par défaut",
                                      "La langue du guichet, obligatoire dans chaque texte."),
    "Portal.example": French("Portail d'exemple",
                             "Affiche un bandeau « exemple » sur chaque page."),
    "Portal.languages": French("Langues du portail"),
    "Portal.themes": French("Thèmes"),
    "Portal.partners": French("Partenaires"),
    "Portal.freshness_days": French(
        "Délai avant revérification (jours)", "`voisinage check` signale un service vérifié "
        "il y a plus longtemps (183 jours, environ six mois, par défaut ; 0 : jamais)."),
    "Language.code": French("Code", "Par exemple ar, zh, ta."),
    "Language.name": French("Nom", "Dans sa propre écriture, par exemple العربية."),
    "Language.dir": French("Sens d'écriture", "rtl pour l'arabe et les langues écrites de "
                           "droite à gauche, ltr sinon."),
    "Theme.id": French("Identifiant", "Lettres minuscules, chiffres et tirets, par exemple "
                       "housing. Ne le changez pas : les services y renvoient."),
    "Theme.name": French("Nom"),
    "Partner.id": French("Identifiant", "Lettres minuscules, chiffres et tirets, par exemple "
                         "caf."),
    "Partner.name": French("Nom"),
    "Service.valid_until": French(
        "Chiffres valables jusqu'au",
        "Le dernier jour où les plafonds, montants ou dates des textes sont vrais. Après ce jour, "
        "la page prévient les habitants et les tracts ne sont plus imprimés."),
    "Portal.editions_since": French(
        "Éditions des tracts depuis le",
        "À partir de ce jour, chaque nouvelle édition d'un tract a son propre code QR."),
    "Service.kind": French(
        "Type de service",
        "Un guichet où aller, une ligne à appeler, une visite à domicile ou un site : seul un "
        "guichet a la partie « Où » et la fiche pour l'agent."),
    "Service.aliases": French(
        "Autres orthographes",
        "D'autres façons d'écrire le nom que tapent les habitants, par exemple déchetterie."),
    "Branch.sms": French("SMS", "Un numéro complet qui reçoit les SMS, écrit comme on le compose."),
    "Branch.whatsapp": French("WhatsApp", "Un numéro complet joignable sur WhatsApp."),
    "Branch.languages": French("Langues parlées",
                               "Les langues que parlent les Voisins Malins de l'antenne."),
    "Branch.sessions": French("Permanences",
                              "Quand et où les habitants peuvent les rencontrer sans rendez-vous."),
    "Session.place": French("Lieu", "Dans les mots des habitants, par exemple Centre social du "
                            "Plateau."),
    "GlossaryEntry.name": French(
        "Le terme dans chaque langue",
        "Comment le terme se dit dans chaque langue, en commençant par le français (le terme "
        "lui-même) : les textes des services le nomment de la même façon."),
    "Partner.kind": French("Type"),
    "Partner.url": French("Site web"),
}
"""Labels and hints of the web editor (admin/), by `Model.field` or, for a field that means
the same everywhere, by its name. tests/test_cms.py checks that every field has one."""


def french(model: str, field: str) -> French:
    """The French label of a field of a record model, e.g. french("Phone", "number")."""
    return FRENCH.get(f"{model}.{field}") or FRENCH.get(field) or French(field)


CHOICES_FR: dict[str, str] = {
    "social_landlord": "Bailleur social", "utility": "Fournisseur d'énergie ou d'eau",
    "municipality": "Commune", "public_body": "Organisme public", "department": "Département",
    "association": "Association", "transport_authority": "Autorité organisatrice des transports",
    "counter": "Guichet (un lieu où aller)", "helpline": "Ligne téléphonique",
    "home_visit": "Visite à domicile", "online": "En ligne (un site)",
    "ltr": "De gauche à droite (ltr)", "rtl": "De droite à gauche (rtl), comme l'arabe",
}
"""French labels of the fixed choices of a field (partner kinds, writing directions)."""

SINGULAR_FR: dict[str, str] = {
    "phones": "téléphone", "required_documents": "document", "entries": "mot",
    "aliases": "autre forme", "languages_used": "langue", "needs": "besoin",
    "notes": "remarque", "languages": "langue", "themes": "thème", "partners": "partenaire",
}
"""One item of a list, as the web editor counts them (“1 téléphone”) and adds one (“Ajouter
téléphone”)."""

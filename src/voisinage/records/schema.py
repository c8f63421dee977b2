"""The one schema: every record kind of a portal, as typed, frozen models.

Field names follow Open Referral HSDS 3.0 wherever HSDS has one. A translatable text is a mapping
language → text, every language in the same file, so that an editor who changes a fact sees all
its translations beside it. Checks that need several records (does this theme exist?) live in
`checks.py`; checks of one value live here, next to the field they guard.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

from ..hours import hours_problem_at
from ..markup import text_problem, url_problem
from ..messages import _
from ..phones import parse_phone, premium_problem
from .shortcodes import short_code_problem


def _guard(problem_of: Callable[[str], str | None]) -> AfterValidator:
    def check(value: str) -> str:
        problem = problem_of(value)
        if problem:
            raise ValueError(problem)
        return value

    return AfterValidator(check)


class PlacedError(ValueError):
    """A problem at one character of a value: the message points to that column, not to the
    start of the value."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def _hours(value: str) -> str:
    problem = hours_problem_at(value)
    if problem:
        raise PlacedError(*problem)
    return value


def _phone_problem(value: str) -> str | None:
    try:
        phone = parse_phone(value)
    except ValueError as error:
        return str(error)
    return premium_problem(phone, value)


def _full_phone_problem(value: str) -> str | None:
    problem = _phone_problem(value)
    if problem or parse_phone(value).tel.startswith("+"):
        return problem
    return _('expected a full phone number like "01 99 00 12 34" (a short number like '
             '"{value}" cannot receive messages from an app), found "{value}"', value=value)


def _email_problem(value: str) -> str | None:
    if re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}", value, re.IGNORECASE):
        return None
    return _('expected an email address like "accueil@example.org", found "{value}"',
             value=value)


def _slug_problem(value: str) -> str | None:
    if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        return None
    return _('expected lowercase letters, digits and dashes like "family-benefits", '
             'found "{value}"', value=value)


Markdown = Annotated[StrictStr, Field(min_length=1), _guard(text_problem)]
Text = dict[StrictStr, Markdown]
"""A translatable text: language code → text in a small safe Markdown subset."""
Url = Annotated[StrictStr, _guard(url_problem)]
Email = Annotated[StrictStr, _guard(_email_problem)]
PhoneNumber = Annotated[StrictStr, _guard(_phone_problem)]
FullPhoneNumber = Annotated[StrictStr, _guard(_full_phone_problem)]
OpeningHours = Annotated[StrictStr, AfterValidator(_hours)]
Slug = Annotated[StrictStr, _guard(_slug_problem)]
LangCode = StrictStr
Fingerprint = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{8}$")]
"""A short hash of a French text (tracking.fingerprint), e.g. "3f2a91c0"."""
TranslatedFrom = dict[StrictStr, dict[LangCode, Fingerprint]]
"""Field path → language → fingerprint of the French text that translation was made from."""
_TRANSLATED_FROM = (
    "Written by `voisinage translations` (import, mark-current), not by hand: for each text, "
    "the fingerprint of the French each translation was made from. A translation whose French "
    "changed since is outdated: residents see the French instead, with a notice.")
PostalCode = Annotated[StrictStr, Field(pattern=r"^\d{5}$")]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Language(Record):
    code: LangCode
    name: StrictStr = Field(description="The language's name in its own script, e.g. العربية")
    dir: Literal["ltr", "rtl"] = "ltr"


class Theme(Record):
    id: Slug
    name: Text


PartnerKind = Literal[
    "social_landlord", "utility", "municipality", "public_body", "department", "association",
    "transport_authority",
]


class Partner(Record):
    id: Slug
    name: StrictStr
    kind: PartnerKind
    url: Url | None = None


class Portal(Record):
    """content/portal.yml: what the portal is, in which languages, about which themes."""

    name: Text
    tagline: Text | None = None
    site_url: Url | None = Field(
        None, description="Public address of the portal; QR codes and links point under it"
    )
    default_language: LangCode = "fr"
    example: StrictBool = Field(False, description="Show every page as example content")
    languages: list[Language] = Field(min_length=1)
    themes: list[Theme] = Field(min_length=1)
    partners: list[Partner] = []
    freshness_days: StrictInt = Field(
        183, ge=0, description="`voisinage check` warns about a service whose assured_date is "
        "older than this many days (about six months by default; 0: never)")
    machine_translations: list[LangCode] = []
    translated_from: TranslatedFrom = Field({}, description=_TRANSLATED_FROM)
    editions_since: date | None = Field(
        None, description="Leaflet editions are told apart from this day on (from the content's "
        "git history); leaflets printed before it open their page without a notice")


class Address(Record):
    address_1: StrictStr
    address_2: StrictStr | None = None
    city: StrictStr
    postal_code: PostalCode


class Phone(Record):
    number: PhoneNumber
    description: Text | None = None


class Bounds(Record):
    south: float = Field(ge=-90, le=90)
    west: float = Field(ge=-180, le=180)
    north: float = Field(ge=-90, le=90)
    east: float = Field(ge=-180, le=180)

    def contains(self, latitude: float, longitude: float) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east


class Department(Record):
    code: Annotated[StrictStr, Field(pattern=r"^(\d{2,3}|2A|2B)$")]
    name: StrictStr


class Session(Record):
    """A time and a place where residents meet the Smart Neighbours without an appointment."""

    place: Text = Field(
        description='Where, in words residents know, e.g. "Centre social du Plateau"')
    address: Address | None = None
    opening_hours: OpeningHours = Field(description='When, e.g. "We 14:00-17:00; PH off"')


class Branch(Record):
    """The local Smart Neighbours branch: who knocks on doors here and how to reach them.
    Shown at the top of every mission and territory page, where a leaflet's QR code leads."""

    name: StrictStr
    email: Email | None = None
    phones: list[Phone] = []
    sms: FullPhoneNumber | None = Field(
        None, description="A number that receives text messages (SMS), for a tap-to-text link")
    whatsapp: FullPhoneNumber | None = Field(
        None, description="A number that answers on WhatsApp, for a link that opens a chat")
    languages: list[LangCode] = Field(
        [], description="Languages the Smart Neighbours of the branch speak")
    address: Address | None = None
    opening_hours: OpeningHours | None = None
    sessions: list[Session] = Field(
        [], description="When and where residents can meet them without an appointment")


class Territory(Record):
    """content/territories/<territory>.yml: one neighbourhood where missions take place."""

    name: Text
    town: StrictStr
    department: Department
    description: Text | None = None
    languages: list[LangCode] = Field(
        [], description="Languages most spoken in the neighbourhood, most spoken first"
    )
    bounds: Bounds
    branch: Branch
    machine_translations: list[LangCode] = []
    translated_from: TranslatedFrom = Field({}, description=_TRANSLATED_FROM)


class Closure(Record):
    start: date
    end: date
    message: Text


ServiceKind = Literal["counter", "helpline", "home_visit", "online"]
"""How a resident uses a service: at a counter, by phone, at home (someone comes), online."""


class Service(Record):
    """content/services/<territory>/<service>.yml: one service a resident can use."""

    name: Text = Field(description="In French, the official name residents see on their letters")
    alternate_name: StrictStr | None = None
    aliases: list[Annotated[StrictStr, Field(min_length=2)]] = Field(
        [], description='Other French forms residents type or meet, e.g. "déchetterie"')
    kind: ServiceKind = Field(
        "counter", description="counter (a place to go), helpline (a number to call), "
        "home_visit (someone comes to the home) or online (a website)")
    description: Text
    themes: list[Slug] = Field(min_length=1)
    partner: Slug | None = Field(None, description="Who provides it: an id of portal.yml partners")
    url: Url | None = None
    email: Email | None = None
    eligibility_description: Text | None = None
    fees_description: Text | None = None
    application_process: Text | None = None
    required_documents: list[Text] = []
    languages: list[LangCode] = Field([], description="Languages spoken at the service")
    french_required: StrictBool | None = Field(
        None, description="true when a resident needs French (or someone with them) at the counter"
    )
    interpretation_services: Text | None = None
    accessibility: Text | None = None
    address: Address | None = None
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    phones: list[Phone] = []
    opening_hours: OpeningHours | None = None
    temporary_closure: Closure | None = None
    assured_date: date = Field(description="When the information was last checked")
    valid_until: date | None = Field(
        None, description="The last day the figures of this record hold (income ceilings, "
        "amounts, campaign dates); after it, pages tell residents to ask for the current ones "
        "and leaflets leave the service out")
    assurer_email: Email | None = Field(None, description="Who checked it")
    source: Url | None = Field(None, description="Where the facts come from")
    example: StrictBool = Field(False, description="Local details are fictional (example content)")
    machine_translations: list[LangCode] = []
    translated_from: TranslatedFrom = Field({}, description=_TRANSLATED_FROM)


KINDS: dict[str, type[Record]] = {"portal": Portal, "territory": Territory, "service": Service}


# -- Door-to-door missions -------------------------------------------------------------------
ShortCode = Annotated[StrictStr, _guard(short_code_problem)]
Count = Annotated[StrictInt, Field(ge=0)]


class Period(Record):
    start: date
    end: date


class LanguageCount(Record):
    language: LangCode = Field(description='A language code like "ar", also outside the portal')
    households: Count = Field(description="Households met in that language")


class Need(Record):
    theme: Slug = Field(description="An id of portal.yml themes")
    households: Count = Field(description="How many households raised it")
    notes: list[StrictStr] = Field([], description="Short anonymous notes, in French")


class Results(Record):
    """What the association reports back to the partner: counts and anonymous notes only."""

    doors_knocked: Count
    households_met: Count
    languages_used: list[LanguageCount] = []
    needs: list[Need] = []
    notes: list[StrictStr] = Field([], description="Short anonymous notes, in French")


class Mission(Record):
    """content/missions/<mission>.yml: door-to-door work on one territory for one partner."""

    territory: Slug = Field(description="An id of content/territories")
    partner: Slug = Field(description="Who commissioned it: an id of portal.yml partners")
    theme: Slug = Field(description="An id of portal.yml themes")
    period: Period
    headline: Text = Field(description="The leaflet's title: a few words")
    message: Text = Field(description="What the Smart Neighbours come to say, in two sentences")
    services: list[Slug] = Field(min_length=1, description="Service ids in the mission's territory")
    short_code: ShortCode | None = Field(
        None, description="Pins the QR codes' short addresses, e.g. after renaming the file"
    )
    results: Results | None = Field(None, description="Filled in after the mission")
    example: StrictBool = Field(False, description="Fictional mission (example content)")
    machine_translations: list[LangCode] = []
    translated_from: TranslatedFrom = Field({}, description=_TRANSLATED_FROM)


KINDS["mission"] = Mission


# -- Glossary of administrative words ----------------------------------------------------------
class GlossaryEntry(Record):
    """One administrative word, as residents meet it on letters and at counters."""

    term: Annotated[StrictStr, Field(min_length=2)] = Field(
        description='The official French term, e.g. "Aide personnalisée au logement"')
    aliases: list[Annotated[StrictStr, Field(min_length=2)]] = Field(
        [], description='Other French forms residents meet, e.g. the acronym "APL"')
    name: Text | None = Field(None, description=(
        "The term in each language, as the other texts should write it (`voisinage translations` "
        "reports a translation that names it another way); `fr` is the term itself"))
    definition: Text = Field(description="What it is, in plain words, in each language")
    source: Url | None = Field(None, description="Where the facts come from")
    machine_translations: list[LangCode] = []
    translated_from: TranslatedFrom = Field({}, description=_TRANSLATED_FROM)


class Glossary(Record):
    """content/glossary.yml (optional): administrative words explained in every language."""

    entries: list[GlossaryEntry] = Field(min_length=1)
    machine_translations: list[LangCode] = Field(
        [], description="Languages machine-translated in every entry")


KINDS["glossary"] = Glossary

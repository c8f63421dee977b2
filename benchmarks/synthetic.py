"""A synthetic portal of any size, for benchmarks: valid records in up to 8 languages.

Flow: `generate` draws every record as plain data from a seeded random generator (same seed, same
portal); `write_portal` writes them as YAML records plus an mkdocs.yml, as an editor's folder would
be; `write_plain_site` writes the same pages as plain Markdown files (no voisinage), so that a
benchmark can compare our build with plain MkDocs on the same page count and comparable text.

Texts are sample sentences about local services, a few hundred characters per field in each
script. Local details are fictional: phone numbers come from the fiction range 01 99 00 xx xx,
addresses and coordinates are made up (inside each territory's bounds), links go to example.org.
"""

from __future__ import annotations

import copy
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from voisinage.model.site_model import KINDS

LANGUAGES = ("fr", "en", "ar", "zh", "ta", "tr", "ro", "bn")
"""The eight languages of a benchmark portal, French (the default) first."""

SIZES = {"S": (3, 30), "M": (11, 100), "L": (50, 200)}
"""Benchmark sizes: territories × services per territory."""

_TOWNS = [  # town, department code, department, postal code, latitude, longitude (approximate)
    ("Ris-Orangis", "91", "Essonne", "91130", 48.65, 2.41),
    ("Saint-Denis", "93", "Seine-Saint-Denis", "93200", 48.93, 2.36),
    ("Lille", "59", "Nord", "59000", 50.63, 3.06),
    ("Grigny", "91", "Essonne", "91350", 48.65, 2.39),
    ("Marseille", "13", "Bouches-du-Rhône", "13013", 43.33, 5.42),
    ("Vénissieux", "69", "Rhône", "69200", 45.70, 4.88),
    ("Bordeaux", "33", "Gironde", "33300", 44.86, -0.56),
    ("Toulouse", "31", "Haute-Garonne", "31100", 43.57, 1.40),
    ("Strasbourg", "67", "Bas-Rhin", "67100", 48.56, 7.75),
    ("Nantes", "44", "Loire-Atlantique", "44300", 47.24, -1.52),
    ("Montpellier", "34", "Hérault", "34080", 43.61, 3.83),
    ("Rennes", "35", "Ille-et-Vilaine", "35200", 48.08, -1.68),
    ("Clichy-sous-Bois", "93", "Seine-Saint-Denis", "93390", 48.91, 2.55),
    ("Sarcelles", "95", "Val-d'Oise", "95200", 48.99, 2.38),
    ("Mulhouse", "68", "Haut-Rhin", "68100", 47.75, 7.33),
    ("Roubaix", "59", "Nord", "59100", 50.69, 3.18),
    ("Nîmes", "30", "Gard", "30900", 43.82, 4.36),
    ("Amiens", "80", "Somme", "80080", 49.92, 2.30),
]
_QUARTERS = ["Le Plateau", "Les Tilleuls", "La Source", "Les Érables", "Le Moulin", "Les Peupliers",
             "La Roseraie", "Le Parc", "Les Bruyères", "La Fontaine", "Les Cèdres", "Le Val"]
_PLACES = ["Louise-Michel", "Jean-Jaurès", "Simone-Veil", "Aimé-Césaire", "Victor-Hugo",
           "Olympe-de-Gouges", "Pablo-Neruda", "Marie-Curie", "Frantz-Fanon", "Gisèle-Halimi",
           "Nelson-Mandela", "Lucie-Aubrac", "Joséphine-Baker", "Paul-Éluard", "Rosa-Parks"]
_STREETS = ["rue de l'Exemple", "avenue des Voisins", "allée des Tilleuls", "place de la Fontaine",
            "boulevard de la Solidarité", "rue du Marché", "chemin des Écoles"]
_HOURS = [
    "Mo-Fr 09:00-12:00,14:00-17:00; PH off",
    'Mo,Tu,Th 08:30-12:00; We 13:30-16:30 "sur rendez-vous"; PH off',
    "Tu-Sa 10:00-18:00; Su 14:00-18:00; PH off",
    "Mo-Fr 09:00-17:30; Sa 09:00-12:00",
    "We 14:00-18:00; Sa 10:00-12:00,14:00-18:00; PH off",
    "Mo-Th 09:00-12:30,13:30-17:00; Fr 09:00-12:30; PH off",
    "Mo-Sa 08:30-18:30; Su 09:00-12:00; PH off",
]
_SEP = {"zh": ""}  # between sentences
_SHORT_NUMBERS = ["3230", "3646", "3939", "115"]
_PARTNERS = [
    {"id": "caf", "name": "Caisse d'allocations familiales (CAF)", "kind": "public_body",
     "url": "https://www.caf.fr/"},
    {"id": "assurance-maladie", "name": "Assurance Maladie", "kind": "public_body",
     "url": "https://www.ameli.fr/"},
    {"id": "bailleur-exemple", "name": "Habitat Exemple (bailleur social fictif)",
     "kind": "social_landlord", "url": "https://example.org/habitat"},
    {"id": "ville-exemple", "name": "Ville d'Exemple", "kind": "municipality",
     "url": "https://example.org/ville"},
    {"id": "association-exemple", "name": "Association Entraide Exemple", "kind": "association",
     "url": "https://example.org/entraide"},
]


@dataclass
class Synthetic:
    """A generated portal as plain data: what the YAML records hold."""

    languages: tuple[str, ...]
    portal: dict[str, Any]
    territories: dict[str, dict[str, Any]] = field(default_factory=dict)
    services: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    missions: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def page_count(self) -> int:
        """Pages in one language: home, themes, territories, their themes, services, missions."""
        return len(list(page_keys(self)))


def generate(territories: int, services: int, languages: tuple[str, ...] = LANGUAGES,
             *, missions: int = 0, seed: int = 0, today: date | None = None) -> Synthetic:
    """A portal of `territories` × `services` services (and `missions` door-to-door missions per
    territory, each with its leaflets), drawn from `seed`. Dates (last checked, closures, mission
    periods) are recent relative to `today`, so that freshness checks pass.

    >>> portal = generate(2, 5, ("fr", "en"))
    >>> len(portal.territories), sum(map(len, portal.services.values()))
    (2, 10)
    """
    unknown = [code for code in languages if code not in TEXTS]
    if unknown or not languages or languages[0] != "fr":
        raise ValueError(f"expected languages among {', '.join(LANGUAGES)}, French first; "
                         f"found {', '.join(languages)}")
    rng = random.Random(seed)
    today = today or date.today()
    rng_missions = random.Random(seed + 1)  # missions or not, the same services
    out = Synthetic(tuple(languages), _portal(languages))
    for t in range(territories):
        tid, territory = _territory(t, languages, rng)
        while tid in out.territories:
            tid += "-bis"
        out.territories[tid] = territory
        out.services[tid] = dict(_service(tid, territory, s, languages, rng, today)
                                 for s in range(services))
        for k in range(missions if services else 0):
            out.missions[f"{tid}-{k + 1}"] = _mission(tid, out.services[tid], k, languages,
                                                        rng_missions, today)
    return out


def write_portal(root: Path, portal: Synthetic, *, overrides: Path | None = None,
                 base_config: dict[str, Any] | None = None) -> Path:
    """Write content/ records, an empty pages/ and mkdocs.yml into root; returns root.

    `overrides` is the theme's custom_dir (the repository's overrides/ folder); `base_config` an
    mkdocs.yml to start from (e.g. the repository's own), else one like it.
    """
    content = root / "content"
    _dump(content / "portal.yml", portal.portal)
    for tid, territory in portal.territories.items():
        _dump(content / "territories" / f"{tid}.yml", territory)
        for sid, service in portal.services[tid].items():
            _dump(content / "services" / tid / f"{sid}.yml", service)
    for mid, mission in portal.missions.items():
        _dump(content / "missions" / f"{mid}.yml", mission)
    (root / "pages").mkdir(parents=True, exist_ok=True)
    config = mkdocs_config(portal.languages, overrides=overrides, base=base_config)
    _dump(root / "mkdocs.yml", config)
    return root


def edit_one(root: Path, *, n: int = 1) -> Path:
    """Edit one service record as an editor would (a sentence added in French); returns its path."""
    path = min((root / "content" / "services").glob("*/*.yml"))
    record = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    record["description"]["fr"] += f" Horaires vérifiés (modification {n})."
    _dump(path, record)
    return path


def write_plain_site(root: Path, portal: Synthetic, *, overrides: Path | None = None,
                     base_config: dict[str, Any] | None = None) -> int:
    """Write the same pages as plain Markdown (`page.fr.md`…) and an mkdocs.yml without voisinage.

    The navigation lists the home, theme and territory pages, about as many links as voisinage's
    per-territory navigation. Returns the number of files written.
    """
    docs = root / "pages"
    written = 0
    for key in page_keys(portal):
        for lang in portal.languages:
            path = docs / f"{KINDS[key[0]].path(key)}.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_plain_page(portal, key, lang), encoding="utf-8")
            written += 1
    config = mkdocs_config(portal.languages, overrides=overrides, base=base_config, plugin=False)
    config["nav"] = [f"{KINDS[key[0]].path(key)}.md" for key in page_keys(portal)
                     if key[0] in ("home", "theme", "territory")]
    _dump(root / "mkdocs.yml", config)
    return written


def mkdocs_config(languages: tuple[str, ...], *, overrides: Path | None = None,
                  base: dict[str, Any] | None = None, plugin: bool = True) -> dict[str, Any]:
    """An mkdocs.yml (as data) building `languages`, from `base` or one like the repository's."""
    config = copy.deepcopy(base) if base else {
        "site_name": "Voisinage", "site_url": "https://example.org/voisinage/",
        "theme": {"name": "material", "language": "fr", "font": False,
                  "features": ["search.suggest"], "palette": {"primary": "custom",
                                                              "accent": "custom"}},
        "extra_css": ["assets/stylesheets/voisinage.css"], "extra": {"generator": False},
        "plugins": [{"voisinage": {"content": "content"}}, "search", {"i18n": {
            "docs_structure": "suffix", "fallback_to_default": True,
            "reconfigure_material": True}}],
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {"anchors": "warn"}},
    }
    config.update({"docs_dir": "pages", "site_dir": "site"})
    theme = config.setdefault("theme", {"name": "material"})
    if overrides is not None:
        theme["custom_dir"] = str(overrides)
    else:
        theme.pop("custom_dir", None)
        config.pop("extra_css", None)
    plugins = []
    for item in config.get("plugins", []):
        name = next(iter(item)) if isinstance(item, dict) else item
        if name == "voisinage" and not plugin:
            continue
        if name == "i18n":
            item = {"i18n": {**(item["i18n"] or {}), "languages": [
                {"locale": code, "name": LANGUAGE_NAMES[code][0], "build": True}
                | ({"default": True} if code == languages[0] else {}) for code in languages]}}
        plugins.append(item)
    config["plugins"] = plugins
    return config


def page_keys(portal: Synthetic) -> list[tuple[str, ...]]:
    """The pages voisinage builds for this portal, in the same order (see SiteModel.keys)."""
    keys: list[tuple[str, ...]] = [("home",)]
    keys += [("theme", theme["id"]) for theme in portal.portal["themes"]]
    for tid, services in portal.services.items():
        keys.append(("territory", tid))
        used = {t for s in services.values() for t in s["themes"]}
        keys += [("territory-theme", tid, t["id"]) for t in portal.portal["themes"]
                 if t["id"] in used]
        keys += [("service", tid, sid) for sid in services]
    for mid, mission in portal.missions.items():
        keys += [("mission", mid)] + ([("mission-report", mid)] if "results" in mission else [])
    return keys


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# -- records ---------------------------------------------------------------------------------
def _portal(languages: tuple[str, ...]) -> dict[str, Any]:
    return {
        "name": {c: TEXTS[c]["portal"] for c in languages},
        "tagline": {c: TEXTS[c]["tagline"] for c in languages},
        "site_url": "https://example.org/voisinage/",
        "default_language": "fr",
        "example": True,
        "languages": [{"code": c, "name": LANGUAGE_NAMES[c][0], "dir": LANGUAGE_NAMES[c][1]}
                      for c in languages],
        "themes": [{"id": tid, "name": {c: names[c] for c in languages}} for tid, names in THEMES],
        "partners": _PARTNERS,
        "machine_translations": [c for c in languages if c not in ("fr", "en")],
    }


def _territory(t: int, languages: tuple[str, ...],
               rng: random.Random) -> tuple[str, dict[str, Any]]:
    town, dep_code, dep_name, postal, lat, lon = _TOWNS[t % len(_TOWNS)]
    quarter = _QUARTERS[(t + t // len(_TOWNS)) % len(_QUARTERS)]
    lat, lon = round(lat + rng.uniform(-0.02, 0.02), 4), round(lon + rng.uniform(-0.02, 0.02), 4)
    phone = f"01 99 00 {rng.randrange(100):02d} {rng.randrange(100):02d}"
    spoken = ["fr", *rng.sample(languages[1:], min(len(languages) - 1, rng.randint(2, 5)))]
    return slug(f"{town}-{quarter}"), {
        "name": {c: f"{town} — {quarter}" for c in languages},
        "town": town,
        "department": {"code": dep_code, "name": dep_name},
        "description": {c: _SEP.get(c, " ").join(TEXTS[c]["territory"]).format(town=town,
                                                                               quarter=quarter)
                        for c in languages},
        "languages": spoken,
        "bounds": {"south": round(lat - 0.03, 4), "west": round(lon - 0.04, 4),
                   "north": round(lat + 0.03, 4), "east": round(lon + 0.04, 4)},
        "branch": {
            "name": f"Voisin Malin — antenne de {town} (exemple)",
            "email": f"{slug(town)}@example.org",
            "phones": [{"number": phone}],
            "address": {"address_1": f"{rng.randint(1, 80)} {rng.choice(_STREETS)}", "city": town,
                        "postal_code": postal},
            "opening_hours": "Mo-Fr 09:30-17:30; PH off",
        },
        "machine_translations": [c for c in languages if c not in ("fr", "en")],
    }


def _service(tid: str, territory: dict[str, Any], s: int, languages: tuple[str, ...],
             rng: random.Random, today: date) -> tuple[str, dict[str, Any]]:
    kind = s % len(THEMES)
    theme = THEMES[kind][0]
    place = rng.choice(_PLACES)
    sid = f"{slug(TEXTS['fr']['kinds'][kind])}-{slug(place)}-{s:03d}"
    b = territory["bounds"]

    def text(name: str, k: int | None = None) -> dict[str, str]:
        picked = sorted(rng.sample(range(len(TEXTS["fr"][name])), k)) if k else None
        return {c: _SEP.get(c, " ").join(TEXTS[c][name][i] for i in picked) if picked is not None
                else TEXTS[c][name] for c in languages}

    record: dict[str, Any] = {
        "name": {c: f"{TEXTS[c]['kinds'][kind]} {place}" for c in languages},
        "description": text("description", rng.randint(3, 4)),
        "themes": [theme] + ([THEMES[(kind + 3) % len(THEMES)][0]] if rng.random() < 0.3 else []),
    }
    if rng.random() < 0.5:
        record["partner"] = rng.choice(_PARTNERS)["id"]
    record["url"] = f"https://example.org/{tid}/{sid}"
    if rng.random() < 0.5:
        record["email"] = f"{sid[:30].strip('-')}@example.org"
    record["eligibility_description"] = text("eligibility", rng.randint(1, 2))
    fees = rng.randrange(2)
    record["fees_description"] = {c: TEXTS[c]["fees"][fees] for c in languages}
    record["application_process"] = {
        c: "".join(f"- {step}\n" for step in TEXTS[c]["process"]) for c in languages}
    documents = rng.randint(0, 4) if rng.random() < 0.8 else 0
    record["required_documents"] = [{c: TEXTS[c]["documents"][i] for c in languages}
                                    for i in range(documents)]
    record["languages"] = ["fr", *rng.sample(languages[1:],
                                             min(len(languages) - 1, rng.randint(0, 2)))]
    record["french_required"] = rng.random() < 0.4
    if record["french_required"]:
        record["interpretation_services"] = text("interpretation")
    record["accessibility"] = text("accessibility")
    record["address"] = {"address_1": f"{rng.randint(1, 120)} {rng.choice(_STREETS)}",
                         "city": territory["town"],
                         "postal_code": territory["branch"]["address"]["postal_code"]}
    record["latitude"] = round(rng.uniform(b["south"], b["north"]), 5)
    record["longitude"] = round(rng.uniform(b["west"], b["east"]), 5)
    record["phones"] = [{"number": f"01 99 00 {rng.randrange(100):02d} {rng.randrange(100):02d}",
                         "description": text("phone")}]
    if rng.random() < 0.2:
        record["phones"].append({"number": rng.choice(_SHORT_NUMBERS)})
    record["opening_hours"] = rng.choice(_HOURS)
    if rng.random() < 0.05:
        record["temporary_closure"] = {"start": today - timedelta(days=20),
                                       "end": today + timedelta(days=120),
                                       "message": text("closure")}
    record["assured_date"] = today - timedelta(days=rng.randint(1, 150))
    record["assurer_email"] = "equipe-contenu@example.org"
    record["source"] = f"https://example.org/sources/{sid}"
    record["example"] = True
    record["machine_translations"] = [c for c in languages if c not in ("fr", "en")]
    return sid, record


def _mission(tid: str, services: dict[str, dict[str, Any]], k: int, languages: tuple[str, ...],
             rng: random.Random, today: date) -> dict[str, Any]:
    featured = rng.sample(sorted(services), min(3, len(services)))
    met = rng.randint(80, 200)
    spoken = [{"language": c, "households": met >> (i + 1)} for i, c in enumerate(languages[:4])]
    return {
        "territory": tid,
        "partner": rng.choice(_PARTNERS)["id"],
        "theme": services[featured[0]]["themes"][0],
        "period": {"start": today - timedelta(days=60 + 30 * k),
                   "end": today - timedelta(days=40 + 30 * k)},
        "headline": {c: TEXTS[c]["headline"] for c in languages},
        "message": {c: TEXTS[c]["message"] for c in languages},
        "services": featured,
        "example": True,
        "machine_translations": [c for c in languages if c not in ("fr", "en")],
        "results": {"doors_knocked": met * 2, "households_met": met, "languages_used": spoken,
                    "needs": [{"theme": services[featured[0]]["themes"][0],
                               "households": met // 3}]},
    }


# -- plain Markdown pages (the comparison without voisinage) ---------------------------------
def _plain_page(portal: Synthetic, key: tuple[str, ...], lang: str) -> str:
    themes = {t["id"]: t["name"][lang] for t in portal.portal["themes"]}
    kind = key[0]
    if kind == "home":
        links = [f"- [{t['name'][lang]}]({tid}/index.md)" for tid, t in portal.territories.items()]
        return (f"# {portal.portal['name'][lang]}\n\n{portal.portal['tagline'][lang]}\n\n"
                + "\n".join(links) + "\n")
    if kind == "theme":
        links = [f"- [{t['name'][lang]}](../{tid}/themes/{key[1]}.md)"
                 for tid, t in portal.territories.items()]
        return f"# {themes[key[1]]}\n\n" + "\n".join(links) + "\n"
    if kind.startswith("mission"):
        m = portal.missions[key[1]]
        if kind == "mission-report":
            r = m["results"]
            rows = [f"| {x['language']} | {x['households']} |" for x in r["languages_used"]]
            return (f"# {m['headline'][lang]}\n\n{r['doors_knocked']} · {r['households_met']}\n\n"
                    "| | |\n|---|---|\n" + "\n".join(rows) + "\n")
        links = [f"- [{portal.services[m['territory']][sid]['name'][lang]}]"
                 f"(../../{m['territory']}/{sid}.md)" for sid in m["services"]]
        return f"# {m['headline'][lang]}\n\n{m['message'][lang]}\n\n" + "\n".join(links) + "\n"
    territory = portal.territories[key[1]]
    services = portal.services[key[1]]
    if kind == "territory":
        used = [t for t in themes if any(t in s["themes"] for s in services.values())]
        links = [f"- [{themes[t]}](themes/{t}.md)" for t in used]
        return (f"# {territory['name'][lang]}\n\n{territory['description'][lang]}\n\n"
                + "\n".join(links) + "\n")
    if kind == "territory-theme":
        links = [f"- [{s['name'][lang]}](../{sid}.md)" for sid, s in services.items()
                 if key[2] in s["themes"]]
        return f"# {themes[key[2]]} · {territory['name'][lang]}\n\n" + "\n".join(links) + "\n"
    s = services[key[2]]
    parts = [f"# {s['name'][lang]}", f"[{territory['name'][lang]}](index.md)",
             f"## ?\n\n{s['description'][lang]}"]
    for field_name in ("interpretation_services", "eligibility_description", "fees_description",
                       "application_process", "accessibility"):
        if field_name in s:
            parts.append(f"## {field_name}\n\n{s[field_name][lang]}")
    if s["required_documents"]:
        parts.append("## documents\n\n"
                     + "\n".join(f"- {d[lang]}" for d in s["required_documents"]))
    parts.append("\n".join(f"- [{p['number']}](tel:{p['number'].replace(' ', '')})"
                           for p in s["phones"]))
    a = s["address"]
    parts.append(f"{a['address_1']}  \n{a['postal_code']} {a['city']}")
    parts.append("| | |\n|---|---|\n" + "\n".join(
        f"| {rule.split(' ', 1)[0]} | {rule.split(' ', 1)[-1]} |"
        for rule in s["opening_hours"].split("; ")))
    parts.append(f"[{s['url']}]({s['url']}) · {s['assured_date']}")
    return "\n\n".join(parts) + "\n"


# -- YAML --------------------------------------------------------------------------------------
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"# Synthetic benchmark content — fictional.\n{text}", encoding="utf-8")


# -- sample texts ------------------------------------------------------------------------------
LANGUAGE_NAMES = {
    "fr": ("Français", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl"),
    "zh": ("简体中文", "ltr"), "ta": ("தமிழ்", "ltr"), "tr": ("Türkçe", "ltr"),
    "ro": ("Română", "ltr"), "bn": ("বাংলা", "ltr"),
}

_THEME_NAMES = {  # theme id → names in fr, en, ar, zh, ta, tr, ro, bn (as in content/portal.yml)
    "housing": ("Logement", "Housing", "السكن", "住房", "வீட்டுவசதி", "Konut", "Locuință", "বাসস্থান"),
    "energy": ("Énergie", "Energy", "الطاقة", "能源", "மின்சாரம் மற்றும் எரிவாயு", "Enerji",
               "Energie", "বিদ্যুৎ ও জ্বালানি"),
    "transport": ("Transports", "Transport", "النقل", "交通", "போக்குவரத்து", "Ulaşım", "Transport",
                  "যাতায়াত"),
    "recycling": ("Déchets et recyclage", "Waste and recycling", "النفايات وإعادة التدوير",
                  "垃圾与回收", "கழிவுகள் மற்றும் மறுசுழற்சி", "Atık ve geri dönüşüm",
                  "Deșeuri și reciclare", "বর্জ্য ও রিসাইক্লিং"),
    "education": ("École et éducation", "School and education", "المدرسة والتعليم", "学校与教育",
                  "பள்ளி மற்றும் கல்வி", "Okul ve eğitim", "Școală și educație", "স্কুল ও শিক্ষা"),
    "rights": ("Droits et aides", "Rights and benefits", "الحقوق والمساعدات", "权利与补助",
               "உரிமைகள் மற்றும் உதவித்தொகைகள்", "Haklar ve yardımlar", "Drepturi și ajutoare",
               "অধিকার ও সহায়তা"),
    "health": ("Santé", "Health", "الصحة", "健康", "உடல்நலம்", "Sağlık", "Sănătate", "স্বাস্থ্য"),
    "culture": ("Culture", "Culture", "الثقافة", "文化", "கலை மற்றும் பண்பாடு", "Kültür", "Cultură",
                "সংস্কৃতি"),
    "employment": ("Emploi", "Jobs", "العمل", "就业", "வேலைவாய்ப்பு", "İş bulma", "Locuri de muncă",
                   "কাজ ও চাকরি"),
    "digital": ("Aide au numérique", "Help with computers and the internet",
                "المساعدة في استخدام الإنترنت", "电脑和上网帮助", "கணினி மற்றும் இணைய உதவி",
                "Bilgisayar ve internet yardımı", "Ajutor cu calculatorul și internetul",
                "কম্পিউটার ও ইন্টারনেট সহায়তা"),
}
THEMES = [(tid, dict(zip(LANGUAGES, names, strict=True))) for tid, names in _THEME_NAMES.items()]

TEXTS: dict[str, dict[str, Any]] = {
    "fr": {
        "headline": "Vos droits et vos aides, près de chez vous",
        "message": "Les Voisins Malins passent dans votre immeuble pour vous présenter les "
                   "services utiles du quartier. C'est gratuit, et dans votre langue.",
        "portal": "Voisinage — portail de test",
        "tagline": "Les services près de chez vous, dans votre langue",
        "kinds": ["Agence des locataires", "Point conseil énergie", "Agence mobilité", "Déchèterie",
                  "Inscriptions scolaires", "Point d'accès au droit", "Centre de santé",
                  "Médiathèque",
                  "Point emploi", "Atelier numérique"],
        "description": [
            "Ce service accueille les habitants du quartier et les aide dans leurs démarches de "
            "tous les jours, sans jugement et en prenant le temps d'expliquer.",
            "L'équipe peut vous expliquer vos droits, remplir les formulaires avec vous et vous "
            "dire quels autres services peuvent vous aider.",
            "Il est conseillé de prendre rendez-vous, mais vous pouvez aussi venir pendant les "
            "horaires d'ouverture sans rendez-vous.",
            "Le service est **gratuit** et confidentiel : personne ne vous demandera de payer "
            "pour être aidé."],
        "eligibility": [
            "Ouvert à tous les habitants du quartier, quelle que soit leur nationalité ou "
            "leur situation.",
            "Certaines aides dépendent des revenus ou de la situation familiale : l'équipe vérifie "
            "avec vous si vous y avez droit."],
        "fees": ["Gratuit.", "Gratuit. Certaines activités coûtent quelques euros, selon "
                             "vos revenus."],
        "process": [
            "Appelez le numéro ci-dessous ou venez à l'accueil aux heures d'ouverture.",
            "Créez votre compte sur [le site du service](https://example.org/demarches) pour "
            "suivre votre demande en ligne.",
            "Apportez les documents de la liste ci-dessous : l'équipe fait les copies pour vous."],
        "documents": ["Pièce d'identité ou titre de séjour",
                      "Justificatif de domicile de moins de trois mois",
                      "Carte Vitale ou attestation de droits", "Dernier avis d'imposition"],
        "accessibility": "L'entrée est de plain-pied et un ascenseur dessert tous les étages. Des "
                         "toilettes adaptées aux fauteuils roulants sont au rez-de-chaussée.",
        "interpretation": "Vous ne parlez pas bien français ? Venez avec une personne de "
                          "confiance, ou demandez à l'antenne Voisin Malin de vous accompagner.",
        "phone": "Accueil téléphonique, prix d'un appel local",
        "closure": "Le service est fermé pour travaux. Pendant ce temps, l'accueil se fait à la "
                   "mairie annexe.",
        "territory": ["{quarter} est un quartier de {town}. Ici, vous trouvez les services utiles "
                      "près de chez vous.",
                      "Les Voisins Malins du quartier frappent aux portes pour présenter ces "
                      "services et répondre à vos questions."],
    },
    "en": {
        "headline": "Your rights and benefits, near your home",
        "message": "Smart Neighbours are visiting your building to present the neighbourhood's "
                   "useful services. It is free, and in your language.",
        "portal": "Voisinage — test portal", "tagline": "Services near you, in your language",
        "kinds": ["Tenants' office", "Energy advice point", "Mobility office", "Recycling centre",
                  "School enrolment office", "Legal rights advice point", "Health centre",
                  "Library",
                  "Job help point", "Digital help workshop"],
        "description": [
            "This service welcomes residents of the neighbourhood and helps them with everyday "
            "procedures, without judgement and taking the time to explain.",
            "The team can explain your rights, fill in forms with you and tell you which other "
            "services can help you.",
            "Booking an appointment is recommended, but you can also come during opening hours "
            "without one.",
            "The service is **free** and confidential: nobody will ask you to pay for help."],
        "eligibility": [
            "Open to every resident of the neighbourhood, whatever their nationality or situation.",
            "Some help depends on income or family situation: the team checks with you whether you "
            "are entitled to it."],
        "fees": ["Free.", "Free. Some activities cost a few euros, depending on your income."],
        "process": [
            "Call the number below or come to the reception desk during opening hours.",
            "Create your account on [the service's website](https://example.org/demarches) to "
            "follow your request online.",
            "Bring the documents listed below: the team makes the copies for you."],
        "documents": ["Identity document or residence permit",
                      "Proof of address less than three months old",
                      "Carte Vitale (health insurance card) or certificate of rights",
                      "Last tax notice"],
        "accessibility": "The entrance is step-free and a lift serves every floor. Toilets adapted "
                         "for wheelchairs are on the ground floor.",
        "interpretation": "Not confident in French? Come with someone you trust, or ask the Voisin "
                          "Malin branch to go with you.",
        "phone": "Phone reception, cost of a local call",
        "closure": "The service is closed for works. Meanwhile, reception takes place at the town "
                   "hall annex.",
        "territory": ["{quarter} is a neighbourhood of {town}. Here you can find useful services "
                      "near your home.",
                      "The neighbourhood's Voisins Malins knock on doors to present these services "
                      "and answer your questions."],
    },
    "ar": {
        "headline": "حقوقك ومساعداتك، قرب بيتك",
        "message": "يزور الجيران الأذكياء عمارتك لتقديم الخدمات المفيدة في الحي. الخدمة "
                   "مجانية وبلغتك.",
        "portal": "Voisinage — بوابة تجريبية", "tagline": "الخدمات القريبة منك، بلغتك",
        "kinds": ["وكالة المستأجرين", "مركز نصائح الطاقة", "وكالة التنقل", "مركز إعادة التدوير",
                  "مكتب التسجيل المدرسي", "مركز الوصول إلى الحقوق", "مركز صحي", "المكتبة العامة",
                  "مركز المساعدة على العمل", "ورشة المساعدة الرقمية"],
        "description": [
            "تستقبل هذه الخدمة سكان الحي وتساعدهم في إجراءاتهم اليومية، دون أحكام مسبقة ومع أخذ "
            "الوقت الكافي للشرح.",
            "يمكن للفريق أن يشرح لك حقوقك، وأن يملأ معك الاستمارات، وأن يخبرك بالخدمات الأخرى التي "
            "يمكنها مساعدتك.",
            "يُنصح بأخذ موعد، لكن يمكنك أيضاً الحضور خلال ساعات العمل دون موعد.",
            "الخدمة **مجانية** وسرية: لن يطلب منك أحد أن تدفع مقابل المساعدة."],
        "eligibility": [
            "مفتوحة لجميع سكان الحي، مهما كانت جنسيتهم أو وضعهم.",
            "بعض المساعدات تتوقف على الدخل أو الوضع العائلي: يتحقق الفريق معك إن كان "
            "لك الحق فيها."],
        "fees": ["مجاناً.", "مجاناً. بعض الأنشطة تكلف بضعة يوروهات حسب دخلك."],
        "process": [
            "اتصل بالرقم أدناه أو تعال إلى مكتب الاستقبال خلال ساعات العمل.",
            "أنشئ حسابك على [موقع الخدمة](https://example.org/demarches) لمتابعة طلبك "
            "عبر الإنترنت.",
            "أحضر الوثائق المذكورة أدناه: يقوم الفريق بنسخها لك."],
        "documents": ["وثيقة هوية أو بطاقة إقامة", "إثبات سكن لا يزيد عمره عن ثلاثة أشهر",
                      "بطاقة Vitale أو شهادة الحقوق", "آخر إشعار ضريبي"],
        "accessibility": "المدخل بدون درجات ويخدم مصعد جميع الطوابق. توجد مراحيض مهيأة للكراسي "
                         "المتحركة في الطابق الأرضي.",
        "interpretation": "لا تتكلم الفرنسية جيداً؟ تعال مع شخص تثق به، أو اطلب من فرع Voisin "
                          "Malin أن يرافقك.",
        "phone": "الاستقبال الهاتفي، ثمن مكالمة محلية",
        "closure": "الخدمة مغلقة بسبب أشغال. خلال هذه الفترة، يتم الاستقبال في ملحق البلدية.",
        "territory": ["{quarter} حيّ في مدينة {town}. هنا تجد الخدمات المفيدة القريبة من بيتك.",
                      "يطرق Voisins Malins في الحي الأبواب لتقديم هذه الخدمات والإجابة عن أسئلتك."],
    },
    "zh": {
        "headline": "您的权利和补助，就在家附近",
        "message": "“聪明邻居”正在走访您的楼栋，介绍街区里有用的服务。免费，并且用您的语言。",
        "portal": "Voisinage — 测试门户网站", "tagline": "您身边的服务，用您的语言",
        "kinds": ["租户服务处", "能源咨询点", "出行服务处", "垃圾回收中心", "入学登记处",
                  "法律权利咨询点",
                  "健康中心", "图书馆", "就业帮助点", "电脑上网帮助工作坊"],
        "description": [
            "这项服务接待本街区的居民，帮助他们办理日常手续，不带偏见，并耐心解释。",
            "工作人员可以向您解释您的权利，和您一起填写表格，并告诉您还有哪些服务可以帮助您。",
            "建议提前预约，但您也可以在开放时间内直接前来，无需预约。",
            "这项服务**免费**且保密：没有人会要求您为获得帮助付费。"],
        "eligibility": ["向本街区所有居民开放，不论国籍或身份。",
                        "部分补助取决于收入或家庭状况：工作人员会和您一起确认您是否有资格。"],
        "fees": ["免费。", "免费。部分活动根据您的收入收取几欧元。"],
        "process": ["拨打下面的电话号码，或在开放时间内到接待处来。",
                    "在[服务网站](https://example.org/demarches)上开通账户，在网上跟进您的申请。",
                    "请带上下面列出的证件：工作人员会为您复印。"],
        "documents": ["身份证件或居留证", "三个月内的住址证明", "Vitale 医保卡或权利证明",
                      "最近一次的税单"],
        "accessibility": "入口无台阶，电梯可到达各层。一楼有适合轮椅使用的卫生间。",
        "interpretation": "法语说得不好？可以带一位您信任的人一起来，或请 Voisin "
                          "Malin 分部派人陪您去。",
        "phone": "电话接待，按本地通话收费",
        "closure": "该服务因施工暂停开放。在此期间，请到市政府分部办理。",
        "territory": ["{quarter} 是 {town} 的一个街区。在这里，您可以找到家附近有用的服务。",
                      "街区的 Voisins Malins 会上门介绍这些服务并回答您的问题。"],
    },
    "ta": {
        "headline": "உங்கள் உரிமைகளும் உதவிகளும், உங்கள் வீட்டருகே",
        "message": "புத்திசாலி அண்டை வீட்டார் உங்கள் கட்டடத்துக்கு வந்து, பகுதியின் பயனுள்ள சேவைகளை "
                   "அறிமுகப்படுத்துகிறார்கள். இது இலவசம், உங்கள் மொழியில்.",
        "portal": "Voisinage — சோதனை இணையதளம்", "tagline": "உங்கள் அருகில் உள்ள சேவைகள், உங்கள் மொழியில்",
        "kinds": ["குடியிருப்போர் அலுவலகம்", "மின்சார ஆலோசனை மையம்", "போக்குவரத்து அலுவலகம்",
                  "மறுசுழற்சி மையம்", "பள்ளி சேர்க்கை அலுவலகம்", "சட்ட உரிமை ஆலோசனை மையம்",
                  "சுகாதார மையம்", "நூலகம்", "வேலைவாய்ப்பு உதவி மையம்", "கணினி உதவிப் பட்டறை"],
        "description": [
            "இந்தச் சேவை குடியிருப்புப் பகுதி மக்களை வரவேற்று, அவர்களின் அன்றாட நடைமுறைகளில் பொறுமையாக "
            "விளக்கி உதவுகிறது.",
            "உங்கள் உரிமைகளை விளக்கவும், படிவங்களை உங்களுடன் சேர்ந்து நிரப்பவும், வேறு எந்தச் சேவைகள் உதவும் என்று "
            "சொல்லவும் குழுவால் முடியும்.",
            "முன்பதிவு செய்வது நல்லது, ஆனால் திறந்திருக்கும் நேரத்தில் முன்பதிவு இல்லாமலும் வரலாம்.",
            "இந்தச் சேவை **இலவசமானது**, ரகசியமானது: உதவிக்காக யாரும் உங்களிடம் பணம் கேட்க மாட்டார்கள்."],
        "eligibility": [
            "நாடு அல்லது நிலை எதுவாக இருந்தாலும், குடியிருப்புப் பகுதியின் அனைவருக்கும் திறந்துள்ளது.",
            "சில உதவிகள் வருமானம் அல்லது குடும்ப நிலையைப் பொறுத்தவை: உங்களுக்கு உரிமை உள்ளதா என்று குழு "
            "உங்களுடன் சரிபார்க்கும்."],
        "fees": ["இலவசம்.", "இலவசம். சில செயல்பாடுகளுக்கு உங்கள் வருமானத்தைப் பொறுத்து சில யூரோக்கள் கட்டணம்."],
        "process": [
            "கீழே உள்ள எண்ணை அழையுங்கள் அல்லது திறந்திருக்கும் நேரத்தில் வரவேற்பு மேசைக்கு வாருங்கள்.",
            "உங்கள் கோரிக்கையை இணையத்தில் பின்தொடர [சேவையின் இணையதளத்தில்](https://example.org/demarches) "
            "கணக்கைத் தொடங்குங்கள்.",
            "கீழே உள்ள ஆவணங்களைக் கொண்டு வாருங்கள்: குழு உங்களுக்காக நகல் எடுக்கும்."],
        "documents": ["அடையாள ஆவணம் அல்லது வதிவிட அனுமதி அட்டை", "மூன்று மாதங்களுக்குள்ளான முகவரிச் சான்று",
                      "Vitale அட்டை அல்லது உரிமைச் சான்றிதழ்", "கடைசி வரி அறிவிப்பு"],
        "accessibility": "நுழைவாயிலில் படிகள் இல்லை, எல்லா மாடிகளுக்கும் மின்தூக்கி உள்ளது. சக்கர நாற்காலிக்கு "
                         "ஏற்ற கழிப்பறை தரைத்தளத்தில் உள்ளது.",
        "interpretation": "பிரெஞ்சு நன்றாகப் பேச வராதா? நம்பிக்கையான ஒருவருடன் வாருங்கள், அல்லது Voisin "
                          "Malin கிளையிடம் உங்களுடன் வரச் சொல்லுங்கள்.",
        "phone": "தொலைபேசி வரவேற்பு, உள்ளூர் அழைப்புக் கட்டணம்",
        "closure": "பணிகள் காரணமாக இந்தச் சேவை மூடப்பட்டுள்ளது. இந்த நேரத்தில் நகராட்சி இணை அலுவலகத்தில் "
                   "வரவேற்பு நடைபெறும்.",
        "territory": ["{quarter}, {town} நகரின் ஒரு குடியிருப்புப் பகுதி. உங்கள் வீட்டின் அருகில் உள்ள "
                      "பயனுள்ள சேவைகளை இங்கே காணலாம்.",
                      "இந்தப் பகுதியின் Voisins Malins வீடு வீடாகச் சென்று இந்தச் சேவைகளை அறிமுகப்படுத்தி "
                      "உங்கள் கேள்விகளுக்குப் பதில் சொல்கிறார்கள்."],
    },
    "tr": {
        "headline": "Haklarınız ve yardımlarınız, evinizin yakınında",
        "message": "Akıllı Komşular, mahallenin faydalı hizmetlerini tanıtmak için binanızı "
                   "ziyaret ediyor. Ücretsizdir ve kendi dilinizde.",
        "portal": "Voisinage — deneme portalı",
        "tagline": "Yakınınızdaki hizmetler, kendi dilinizde",
        "kinds": ["Kiracılar bürosu", "Enerji danışma noktası", "Ulaşım bürosu",
                  "Geri dönüşüm merkezi",
                  "Okul kayıt bürosu", "Hukuki haklar danışma noktası", "Sağlık merkezi",
                  "Kütüphane",
                  "İş bulma yardım noktası", "Dijital yardım atölyesi"],
        "description": [
            "Bu hizmet mahalle sakinlerini karşılar ve günlük işlemlerinde, yargılamadan ve "
            "açıklamak için zaman ayırarak onlara yardım eder.",
            "Ekip size haklarınızı açıklayabilir, formları sizinle birlikte doldurabilir ve size "
            "başka hangi hizmetlerin yardım edebileceğini söyleyebilir.",
            "Randevu almanız önerilir, ancak açılış saatlerinde randevusuz da gelebilirsiniz.",
            "Hizmet **ücretsiz** ve gizlidir: kimse yardım için sizden para istemez."],
        "eligibility": [
            "Uyruğu veya durumu ne olursa olsun, mahallenin tüm sakinlerine açıktır.",
            "Bazı yardımlar gelire veya aile durumuna bağlıdır: ekip hak sahibi olup olmadığınızı "
            "sizinle birlikte kontrol eder."],
        "fees": ["Ücretsiz.", "Ücretsiz. Bazı etkinlikler gelirinize göre birkaç avro tutar."],
        "process": [
            "Aşağıdaki numarayı arayın veya açılış saatlerinde danışma bankosuna gelin.",
            "Başvurunuzu internetten takip etmek için "
            "[hizmetin sitesinde](https://example.org/demarches) hesabınızı açın.",
            "Aşağıda listelenen belgeleri getirin: ekip fotokopilerini sizin için çeker."],
        "documents": ["Kimlik belgesi veya oturma izni", "Üç aydan eski olmayan ikamet belgesi",
                      "Carte Vitale (sağlık kartı) veya hak belgesi", "Son vergi bildirimi"],
        "accessibility": "Giriş basamaksızdır ve tüm katlara asansör vardır. Tekerlekli sandalyeye "
                         "uygun tuvaletler zemin kattadır.",
        "interpretation": "Fransızcanız iyi değil mi? Güvendiğiniz biriyle gelin ya da Voisin "
                          "Malin şubesinden size eşlik etmesini isteyin.",
        "phone": "Telefonla danışma, yerel arama ücreti",
        "closure": "Hizmet tadilat nedeniyle kapalıdır. Bu süre içinde danışma belediye ek "
                   "binasında yapılmaktadır.",
        "territory": ["{quarter}, {town} şehrinin bir mahallesidir. Burada evinize yakın faydalı "
                      "hizmetleri bulabilirsiniz.",
                      "Mahallenin Voisins Malins ekibi bu hizmetleri tanıtmak ve sorularınızı "
                      "yanıtlamak için kapı kapı dolaşır."],
    },
    "ro": {
        "headline": "Drepturile și ajutoarele dumneavoastră, lângă casă",
        "message": "Vecinii isteți vă vizitează clădirea pentru a vă prezenta serviciile utile din "
                   "cartier. Este gratuit și în limba dumneavoastră.",
        "portal": "Voisinage — portal de test",
        "tagline": "Serviciile de lângă dumneavoastră, în limba dumneavoastră",
        "kinds": ["Agenția locatarilor", "Punct de consiliere energetică", "Agenția de mobilitate",
                  "Centru de reciclare", "Biroul de înscrieri școlare",
                  "Punct de acces la drepturi",
                  "Centru de sănătate", "Mediatecă", "Punct de ajutor pentru angajare",
                  "Atelier de ajutor digital"],
        "description": [
            "Acest serviciu îi primește pe locuitorii cartierului și îi ajută în demersurile de zi "
            "cu zi, fără să-i judece și luându-și timp să explice.",
            "Echipa vă poate explica drepturile, poate completa formularele împreună cu "
            "dumneavoastră și vă poate spune ce alte servicii vă pot ajuta.",
            "Se recomandă să faceți o programare, dar puteți veni și fără programare în timpul "
            "programului de lucru.",
            "Serviciul este **gratuit** și confidențial: nimeni nu vă va cere bani pentru ajutor."],
        "eligibility": [
            "Deschis tuturor locuitorilor cartierului, indiferent de naționalitate sau situație.",
            "Unele ajutoare depind de venituri sau de situația familială: echipa verifică împreună "
            "cu dumneavoastră dacă aveți dreptul la ele."],
        "fees": ["Gratuit.", "Gratuit. Unele activități costă câțiva euro, în funcție "
                             "de venituri."],
        "process": [
            "Sunați la numărul de mai jos sau veniți la ghișeu în timpul programului.",
            "Creați-vă contul pe [site-ul serviciului](https://example.org/demarches) pentru a "
            "urmări cererea online.",
            "Aduceți documentele din lista de mai jos: echipa face copiile pentru dumneavoastră."],
        "documents": ["Act de identitate sau permis de ședere",
                      "Dovadă de domiciliu mai recentă de trei luni",
                      "Cardul Vitale sau atestarea drepturilor", "Ultimul aviz de impunere"],
        "accessibility": "Intrarea este fără trepte, iar un lift deservește toate etajele. Toalete "
                         "adaptate pentru scaune cu rotile se află la parter.",
        "interpretation": "Nu vorbiți bine franceza? Veniți cu o persoană de încredere sau cereți "
                          "antenei Voisin Malin să vă însoțească.",
        "phone": "Primire telefonică, prețul unui apel local",
        "closure": "Serviciul este închis pentru lucrări. Între timp, primirea se face la "
                   "anexa primăriei.",
        "territory": ["{quarter} este un cartier din {town}. Aici găsiți serviciile utile de lângă "
                      "casa dumneavoastră.",
                      "Voisins Malins din cartier bat la uși pentru a prezenta aceste servicii și "
                      "a vă răspunde la întrebări."],
    },
    "bn": {
        "headline": "আপনার অধিকার ও সহায়তা, আপনার বাড়ির কাছে",
        "message": "বুদ্ধিমান প্রতিবেশীরা পাড়ার দরকারি সেবাগুলোর কথা জানাতে আপনার ভবনে আসছেন। এটা "
                   "বিনামূল্যে, আর আপনার ভাষায়।",
        "portal": "Voisinage — পরীক্ষামূলক পোর্টাল", "tagline": "আপনার কাছের সেবা, আপনার ভাষায়",
        "kinds": ["ভাড়াটিয়া অফিস", "জ্বালানি পরামর্শ কেন্দ্র", "যাতায়াত অফিস", "রিসাইক্লিং কেন্দ্র",
                  "স্কুল ভর্তি অফিস", "আইনি অধিকার পরামর্শ কেন্দ্র", "স্বাস্থ্য কেন্দ্র", "গ্রন্থাগার",
                  "চাকরি সহায়তা কেন্দ্র", "কম্পিউটার সহায়তা কর্মশালা"],
        "description": [
            "এই সেবা পাড়ার বাসিন্দাদের স্বাগত জানায় এবং প্রতিদিনের কাজে তাদের সাহায্য করে, কোনো বিচার "
            "ছাড়াই এবং সময় নিয়ে বুঝিয়ে।",
            "দলটি আপনার অধিকার বুঝিয়ে দিতে পারে, আপনার সঙ্গে ফর্ম পূরণ করতে পারে এবং আর কোন সেবা "
            "আপনাকে সাহায্য করতে পারে তা জানাতে পারে।",
            "অ্যাপয়েন্টমেন্ট নেওয়া ভালো, তবে খোলা থাকার সময়ে অ্যাপয়েন্টমেন্ট ছাড়াও আসতে পারেন।",
            "সেবাটি **বিনামূল্যে** ও গোপনীয়: সাহায্যের জন্য কেউ আপনার কাছে টাকা চাইবে না।"],
        "eligibility": [
            "জাতীয়তা বা অবস্থা যাই হোক, পাড়ার সব বাসিন্দার জন্য খোলা।",
            "কিছু সহায়তা আয় বা পারিবারিক অবস্থার ওপর নির্ভর করে: আপনি পাওয়ার যোগ্য কিনা দলটি আপনার "
            "সঙ্গে যাচাই করবে।"],
        "fees": ["বিনামূল্যে।", "বিনামূল্যে। কিছু কার্যক্রমের জন্য আপনার আয় অনুযায়ী কয়েক ইউরো লাগে।"],
        "process": [
            "নিচের নম্বরে ফোন করুন অথবা খোলা থাকার সময়ে অভ্যর্থনা ডেস্কে আসুন।",
            "অনলাইনে আপনার আবেদন অনুসরণ করতে [সেবার ওয়েবসাইটে](https://example.org/demarches) "
            "অ্যাকাউন্ট খুলুন।",
            "নিচের তালিকার কাগজপত্র নিয়ে আসুন: দলটি আপনার জন্য কপি করে দেবে।"],
        "documents": ["পরিচয়পত্র বা রেসিডেন্স পারমিট", "তিন মাসের কম পুরনো ঠিকানার প্রমাণ",
                      "Vitale কার্ড বা অধিকারের সনদ", "সর্বশেষ কর নোটিশ"],
        "accessibility": "প্রবেশপথে কোনো সিঁড়ি নেই এবং সব তলায় লিফট আছে। হুইলচেয়ার ব্যবহারকারীদের "
                         "উপযোগী টয়লেট নিচতলায় আছে।",
        "interpretation": "ফরাসি ভালো বলতে পারেন না? বিশ্বস্ত কাউকে সঙ্গে নিয়ে আসুন, অথবা Voisin Malin "
                          "শাখাকে আপনার সঙ্গে যেতে বলুন।",
        "phone": "টেলিফোন অভ্যর্থনা, লোকাল কলের খরচ",
        "closure": "সংস্কার কাজের জন্য সেবাটি বন্ধ আছে। এই সময়ে পৌরসভার শাখা অফিসে অভ্যর্থনা চলছে।",
        "territory": ["{quarter} হলো {town} শহরের একটি পাড়া। এখানে আপনার বাড়ির কাছের দরকারি "
                      "সেবাগুলো পাবেন।",
                      "পাড়ার Voisins Malins দরজায় দরজায় গিয়ে এই সেবাগুলোর কথা জানান এবং আপনার "
                      "প্রশ্নের উত্তর দেন।"],
    },
}

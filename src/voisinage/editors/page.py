# Translation status (translations.py) → site/editors/translations/index.html, a page for the
# people who keep the records. Written after the build beside the pages, like the leaflets: it is
# in the default language only, no resident page links to it, and it is in no search index or
# sitemap (noindex).
"""The editors' page of the portal: the state of the translations."""

from __future__ import annotations

from pathlib import Path

from .. import markup, templating
from ..model.site_model import SiteModel, relative_link
from ..records.loading import relative_path
from .translations import percent, status

URL = "editors/translations/"
WORDS = {
    "fr": {
        "title": "État des traductions",
        "intro": "{total} textes, écrits d'abord en {lang}. État au {date}. Cette page est pour "
                 "les équipes qui tiennent les fiches : elle n'apparaît pas dans le menu.",
        "language": "Langue", "translated": "Traduits", "machine": "Automatiques, non relus",
        "missing": "Manquants", "missing_in": "textes manquants : {n}",
        "outdated": "À mettre à jour",
        "outdated_in": "traductions à mettre à jour (le français a changé depuis) : {n}",
        "page": "voir la page", "line": "ligne",
        "export": "Pour les confier à un traducteur (fichier PO, ou XLIFF avec .xlf) :",
        "none_missing": "Aucune traduction ne manque.",
    },
    "en": {
        "title": "Translation status",
        "intro": "{total} texts, written in {lang} first. Status on {date}. This page is for the "
                 "people who keep the records: it is not in the menu.",
        "language": "Language", "translated": "Translated", "machine": "Machine-made, not "
        "reviewed", "missing": "Missing", "missing_in": "missing texts: {n}",
        "outdated": "Outdated",
        "outdated_in": "outdated translations (the French changed since): {n}",
        "page": "see the page", "line": "line",
        "export": "To give them to a translator (PO file, or XLIFF with .xlf):",
        "none_missing": "No translation is missing.",
    },
}


def write(portal: SiteModel, site_dir: Path) -> Path:
    """Write the translation status page into the built site; returns its path."""
    langs = status(portal.cat)
    total = langs[0].total if langs else 0
    cat = portal.cat
    keys: dict[str, tuple[str, ...]] = {
        relative_path(e.path, cat.root): ("territory", tid) for tid, e in cat.territories.items()}
    keys.update({relative_path(e.path, cat.root): ("service", tid, sid)
                 for tid, by_id in cat.services.items() for sid, e in by_id.items()})

    def page_of(path: str) -> str | None:
        key = keys.get(path)
        return relative_link(URL, portal.url_of(key, portal.default)) if key else None

    html = templating.environment(Path(__file__).with_name("templates")).get_template(
        "editors-translations.html").render(
        w=WORDS.get(portal.default.code, WORDS["en"]), lang=portal.default, langs=langs,
        source_name=portal.default.locale.get_language_name() or portal.default.name,
        total=total, today=portal.today, page_of=page_of,
        portal_name=markup.plain(portal.record.name[portal.default.code]),
        percent=lambda n: f"{percent(n, total)}\u202f%",
    )
    target = site_dir / URL / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target

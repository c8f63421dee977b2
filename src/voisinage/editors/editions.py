# The register of leaflet editions (model/editions.py) → for each mission and territory, the
# editions printed, which one is current and which are outdated and why → the editors' page
# site/editors/editions/index.html (in the default language, noindex, in no menu, like the
# translations page) and `voisinage leaflets --editions`: which stacks of paper to stop handing out.
"""The editions of every leaflet, for the association: which ones to stop handing out."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup

from .. import markup, templating
from ..messages import _, n_
from ..model.editions import Change, Edition, Subject
from ..model.site_model import SiteModel, relative_link
from ..records import missions
from ..site.redirects import pages, say

URL = "editors/editions/"
WORDS = {
    "title": "Éditions des dépliants",
    "intro": "Chaque dépliant porte dans son QR code le numéro de son édition. Quand un numéro "
             "de téléphone, une adresse, des horaires, une fermeture, la liste des services ou la "
             "fin d'une mission changent, une nouvelle édition commence : le QR code des éditions "
             "précédentes ouvre une page qui dit aux habitants ce qui a changé. Arrêtez de "
             "distribuer les éditions périmées et imprimez l'édition en cours. État au {date}. "
             "Cette page est pour les équipes : elle n'apparaît pas dans le menu.",
    "history": "Lu dans l'historique git des fiches : {commits} commits{since}.",
    "history_since": ", éditions comptées depuis le {date}",
    "no_history": "Pas d'historique git des fiches : chaque dépliant est une première édition.",
    "summary": "{outdated} éditions périmées sur {total}.",
    "mission": "Mission", "territory": "Quartier", "gone_title": "Plus sur le portail",
    "edition": "Édition", "printed": "Imprimée le", "since": "Publiée le", "code": "Adresse",
    "state": "État", "page": "voir la page",
    "current": "En cours : à distribuer",
    "uncommitted": "En cours, pas encore enregistrée dans l'historique : enregistrez (commit) "
                   "les fiches avant d'imprimer",
    "same": "Encore juste : seules les dates ont changé depuis",
    "outdated": "Périmée : ne plus distribuer",
    "gone": "Périmée : la page n'est plus sur le portail",
    "none": "Aucun dépliant pour l'instant.",
}
"""In French: the association's staff read this page."""


@dataclass(frozen=True)
class Row:
    subject: Subject
    edition: Edition
    state: str  # current, uncommitted, same, outdated, gone (keys of WORDS)
    code: str  # the short address in the default language, e.g. "go/wpku-fr-2/"
    changes: list[Change]


def rows(model: SiteModel) -> list[Row]:
    """Every edition of every leaflet, missions first (latest first), then territories."""
    found: dict[tuple[Subject, int], Row] = {}
    for link, edition, changes in pages(model):
        if link.lang.code != model.default.code:
            continue
        subject = (link.key[0], link.key[1])
        state = _state(model, subject, edition, changes)
        found[(subject, edition.number)] = Row(subject, edition, state, link.path, changes)
    order = {s: i for i, s in enumerate(_subjects(model))}
    return sorted(found.values(), key=lambda r: (order.get(r.subject, len(order)), r.subject,
                                                  -r.edition.number))


def _state(model: SiteModel, subject: Subject, edition: Edition, changes: list[Change]) -> str:
    register = model.editions
    if subject not in register.current:
        return "gone"
    if register.number(subject) == edition.number:
        return "current" if edition.committed or not register.tracked else "uncommitted"
    return "outdated" if changes else "same"


def _subjects(model: SiteModel) -> list[Subject]:
    latest = sorted(missions.live(model.cat).values(), key=lambda e: e.record.period.start,
                    reverse=True)
    return [("mission", e.id) for e in latest] + [("territory", t) for t in model.cat.territories]


def title(model: SiteModel, subject: Subject) -> str:
    kind, ident = subject
    fr = model.default.code
    if kind == "mission" and ident in model.cat.missions:
        return f"{markup.plain(model.cat.missions[ident].record.headline[fr])} ({ident})"
    if kind == "territory" and ident in model.cat.territories:
        return markup.plain(model.cat.territories[ident].record.name[fr])
    return ident


def write(model: SiteModel, site_dir: Path) -> Path:
    """Write the editions page into the built site; returns its path."""
    found = rows(model)
    groups: dict[Subject, list[Row]] = {}
    for row in found:
        groups.setdefault(row.subject, []).append(row)

    def page_of(subject: Subject) -> str | None:
        if subject not in model.editions.current:
            return None
        return relative_link(URL, model.url_of(subject, model.default))

    page = templating.environment(Path(__file__).with_name("templates")).get_template(
        "editors-editions.html").render(
        w=WORDS, lang=model.default, today=model.today, groups=groups, page_of=page_of,
        title=lambda s: title(model, s), source=_source(model),
        say=lambda change: say(model, change, model.default),
        portal_name=markup.plain(model.record.name[model.default.code]),
        outdated=sum(r.state in ("outdated", "gone") for r in found), total=len(found),
        short=lambda row: relative_link(URL, row.code.rstrip("/")),
        day=lambda iso: model.default.date(date.fromisoformat(iso)) if iso else "—",
    )
    target = site_dir / URL / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return target


def _source(model: SiteModel) -> str:
    register = model.editions
    if not register.tracked:
        return WORDS["no_history"]
    since = (WORDS["history_since"].format(date=model.default.date(register.since))
             if register.since else "")
    return WORDS["history"].format(commits=register.commits, since=since)


def report(model: SiteModel) -> str:
    """`voisinage leaflets --editions`: the same as the page, as text for the terminal."""
    found = rows(model)
    if not found:
        return WORDS["none"]
    lines = [_("Leaflet editions on {today} ({source}); their QR codes open {url}go/…:",
               today=model.today, source=model.editions.source, url=model.record.site_url)]
    subject: Subject | None = None
    for row in found:
        if row.subject != subject:
            subject = row.subject
            kind = WORDS[row.subject[0]] if row.subject[0] in WORDS else row.subject[0]
            lines += ["", f"{kind} {title(model, row.subject)}:"]
        printed = row.edition.snapshot.printed or row.edition.since or "—"
        lines.append("  " + _("edition {number}  printed {printed}",
                              number=row.edition.number, printed=printed)
                     + f"  {row.code}  {WORDS[row.state]}")
        lines += [f"      - {_text(say(model, change, model.default))}" for change in row.changes]
    outdated = sum(r.state in ("outdated", "gone") for r in found)
    lines += ["", n_("{count} of {total} editions are outdated: stop handing them out, and "
                     "print the current ones (voisinage leaflets --mission ID / --territory ID).",
                     "{count} of {total} editions are outdated: stop handing them out, and "
                     "print the current ones (voisinage leaflets --mission ID / --territory ID).",
                     outdated, total=len(found))]
    return "\n".join(lines)


def _text(said: Markup) -> str:
    text = re.sub(r"</t[hd]>", " ", str(said))
    text = re.sub(r"</tr>", "; ", text)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip(" ;")

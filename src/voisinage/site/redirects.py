"""The `go/<code>/` pages: one per short address, in its language. The current edition's sends the
reader on to the page; an older edition's says first, in the reader's language (and in French),
what changed since that leaflet was printed — the facts a resident acts on."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from markupsafe import Markup, escape

from .. import hours, interface, markup
from ..languages import Lang
from ..model.editions import Change, Edition, Subject
from ..model.shortlinks import ShortLink, derived_stem
from ..model.site_model import SiteModel
from ..phones import parse_phone
from .pages import environment


def write(model: SiteModel, site_dir: Path) -> int:
    """Write one static page per short address of every edition; returns how many."""
    links = model.short_links
    template = environment().get_template("go.html")
    count = 0
    for link, edition, changes in pages(model):
        out = site_dir / link.path / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        relative = posixpath.relpath(link.target or ".", link.path) + "/"
        printed = edition.snapshot.printed or edition.since
        out.write_text(template.render(
            link=link, href=relative, canonical=links.base + link.target, lang=link.lang,
            t=lambda key, code=link.lang.code, **values: interface.say(key, code, **values),
            tfr=lambda key, **values: interface.say(key, model.default.code, **values),
            notice=[say(model, change, link.lang) for change in changes],
            french=[say(model, change, model.default) for change in changes]
            if link.lang.code != model.default.code else [],
            fr=model.default, printed=printed and _date(printed, link.lang),
            printed_fr=printed and _date(printed, model.default),
        ), encoding="utf-8")
        count += 1
    return count


def pages(model: SiteModel) -> Iterator[tuple[ShortLink, Edition, list[Change]]]:
    """Every short address with the edition it was printed on and what changed since (nothing
    for the current edition): every edition of every mission and territory, in every language,
    and those of missions and territories no longer on the portal."""
    links, register = model.short_links, model.editions
    for subject in links.stems:  # every live subject has its current edition, at least
        for edition in register.editions.get(subject, []):
            changes = register.changes(subject, edition, model.today)
            for lang in model.langs:
                yield links.link(subject, lang, edition.number), edition, changes
    taken = set(links.stems.values())
    for subject, editions in register.editions.items():
        if subject in links.stems:
            continue
        stem = editions[-1].snapshot.pinned or derived_stem(subject)
        if stem in taken:
            continue  # its short address now belongs to a page of the portal
        for edition in editions:
            for lang in model.langs:
                yield (links.edition_link(stem, subject, lang, edition.number,
                                          _nearest(model, subject, edition, lang)),
                       edition, [Change("gone")])


def _nearest(model: SiteModel, subject: Subject, edition: Edition, lang: Lang) -> str:
    """Where the reader of a leaflet whose page is gone goes on: its territory, or home."""
    tid = edition.snapshot.territory
    mission_of_a_territory = subject[0] == "mission" and tid in model.cat.territories
    key = ("territory", tid) if mission_of_a_territory else ("home",)
    return model.url_of(key, lang)


def say(model: SiteModel, change: Change, lang: Lang) -> Markup:
    """One change as the reader of `lang` should read it: names, numbers and dates kept left to
    right, new phone numbers tappable, new opening hours as lines of days and times."""
    t = lambda key: Markup(escape(interface.say(key, lang.code)))  # noqa: E731
    name = Markup('<b><bdi>{}</bdi></b>').format(_name(change.name, lang, model.default.code))
    if change.kind == "phone":
        return t("edition_phone").format(name=name, old=_ltr(change.old), new=_calls(change.new))
    if change.kind == "address":
        return t("edition_address").format(
            name=name, new=Markup('<bdi dir="ltr">{}</bdi>').format(change.new))
    if change.kind == "hours":
        return t("edition_hours").format(name=name) + Markup(" ") + _hours(change.new, lang)
    if change.kind == "closed":
        text = t("edition_closed").format(name=name, start=_date(change.start, lang),
                                          end=_date(change.new, lang))
        said = model.said(change.message, lang)
        return text + (Markup(" {}").format(markup.plain(said.text)) if said else "")
    if change.kind in ("mission_ends", "mission_ended"):
        return t(f"edition_{change.kind}").format(date=_date(change.new, lang))
    if change.kind == "removed":
        return t("edition_removed").format(name=name)
    return t("edition_gone")


def _name(names: dict[str, str], lang: Lang, default: str) -> str:
    text = (names.get(lang.code) or names.get(default) or names.get("*")
            or next(iter(names.values()), ""))
    return markup.plain(text)


def _ltr(text: str) -> Markup:
    return Markup('<bdi class="tel" dir="ltr">{}</bdi>').format(text)


def _calls(numbers: str) -> Markup:
    parts = []
    for number in numbers.split(" / "):
        try:
            tel = parse_phone(number).tel
        except ValueError:
            parts.append(_ltr(number))
            continue
        parts.append(Markup('<a href="tel:{}">{}</a>').format(tel, _ltr(number)))
    return Markup(" / ").join(parts)


def _hours(spec: str, lang: Lang) -> Markup:
    lines = hours.describe(hours.typical_week(spec), lang, interface.say("closed", lang.code),
                           interface.say("by_appointment", lang.code))
    rows = Markup("").join(Markup("<tr><th>{}</th><td>{}</td></tr>").format(x.days, x.hours)
                           for x in lines)
    return Markup('<table class="hours">{}</table>').format(rows)


def _date(iso: str, lang: Lang) -> str:
    return lang.date(date.fromisoformat(iso))

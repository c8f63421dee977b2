# Catalogue + today → services whose assured_date is older than the portal's freshness limit, and
# services whose figures are past their valid_until → warnings for `voisinage check` (never
# errors: a stale fact is still worth publishing, and an expired page says so to residents) and
# the `voisinage stale` report. A mission featuring an expired service is an error: its leaflets
# cannot be made. "today" is always passed in, so that tests and reports can fix it.
"""Freshness: services whose facts were last checked too long ago, or whose figures expired."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import markup
from ..messages import _, n_
from ..records import missions
from ..records.loading import Catalogue, Entry, relative_path
from ..records.problems import Problem
from ..records.schema import Service


@dataclass(frozen=True)
class Stale:
    territory: str
    entry: Entry[Service]
    checked: date
    age: int  # days between checked and today


def limit(catalogue: Catalogue, override: int | None = None) -> int:
    """Days after which a service is stale: --max-age-days, else portal.yml freshness_days."""
    return catalogue.portal.record.freshness_days if override is None else override


def stale(catalogue: Catalogue, today: date, max_days: int) -> list[Stale]:
    """Services checked more than max_days before today, by territory, oldest first (0: none)."""
    if max_days <= 0:
        return []
    found = [
        Stale(tid, entry, entry.record.assured_date, (today - entry.record.assured_date).days)
        for tid, by_id in catalogue.services.items() for entry in by_id.values()
        if (today - entry.record.assured_date).days > max_days
    ]
    return sorted(found, key=lambda s: (s.territory, s.checked, s.entry.id))


def warnings(catalogue: Catalogue, today: date, max_days: int) -> list[Problem]:
    """A warning on the assured_date of each stale service, and of each dated in the future."""
    out = [_warning(catalogue, s.entry, n_(
        "last checked on {checked}, {count} days ago (more than {max_days}) — check the facts "
        "with the service, then write the date you checked them here",
        "last checked on {checked}, {count} days ago (more than {max_days}) — check the facts "
        "with the service, then write the date you checked them here",
        s.age, checked=s.checked, max_days=max_days)) for s in stale(catalogue, today, max_days)]
    for entry in catalogue.all_services():
        if (entry.record.assured_date - today).days > 1:
            out.append(_warning(catalogue, entry, _(
                "expected a date on or before today ({today}), found {found} — write the day the "
                "facts were checked", today=today, found=entry.record.assured_date)))
    return out


@dataclass(frozen=True)
class Expired:
    territory: str
    entry: Entry[Service]
    until: date  # the last day its figures held
    days: int  # days since then (negative: still to come)


def expired(catalogue: Catalogue, today: date, ahead: int = 0) -> list[Expired]:
    """Services whose valid_until is before today (or within `ahead` days), soonest first."""
    found = [Expired(tid, entry, until, (today - until).days)
             for tid, by_id in catalogue.services.items() for entry in by_id.values()
             if (until := entry.record.valid_until) is not None and (today - until).days > -ahead]
    return sorted(found, key=lambda x: (x.territory, x.until, x.entry.id))


def expiry_problems(catalogue: Catalogue, today: date) -> list[Problem]:
    """A warning on the valid_until of each service whose figures no longer hold, and an error
    on each mission that features one: its leaflets would print them."""
    out: list[Problem] = []
    gone = {(x.territory, x.entry.id): x for x in expired(catalogue, today) if x.days > 0}
    for x in gone.values():
        out.append(_warning(catalogue, x.entry, n_(
            "the figures of this service held until {until}, {count} days ago: its page now "
            "tells residents to ask the service for the current ones, and leaflets leave it out "
            "— check the current figures at the source, correct the texts, then set valid_until "
            "to the last day the new figures hold (or remove it if the texts give no dated "
            "figure any more)",
            "the figures of this service held until {until}, {count} days ago: its page now "
            "tells residents to ask the service for the current ones, and leaflets leave it out "
            "— check the current figures at the source, correct the texts, then set valid_until "
            "to the last day the new figures hold (or remove it if the texts give no dated "
            "figure any more)", x.days, until=x.until), "valid_until"))
    for entry in missions.live(catalogue).values():
        for i, sid in enumerate(entry.record.services):
            featured = gone.get((entry.record.territory, sid))
            if featured is None:
                continue
            mark = entry.doc.mark(("services", i))
            shown = featured.entry
            where = f"{relative_path(shown.path, catalogue.root)}:{_line(shown)}"
            out.append(Problem(relative_path(entry.path, catalogue.root), mark.line, mark.column,
                               f"services[{i}]", _(
                'the figures of "{service}" held until {until} ({where}): the leaflets of this '
                "mission cannot be made — update that service (its figures and valid_until), or "
                "remove it from `services`", service=sid, until=featured.until, where=where)))
    return out


def report(catalogue: Catalogue, today: date, max_days: int) -> str:
    """`voisinage stale`: the services to check again, by territory, oldest first, then those
    whose figures expired or expire within EXPIRY_NOTICE days."""
    services = catalogue.all_services()
    if not services:
        return _("No service yet.")
    return "\n\n".join(filter(None, [_unchecked(catalogue, today, max_days),
                                      _expiring(catalogue, today)]))


EXPIRY_NOTICE = 60
"""Days ahead that `voisinage stale` lists figures about to expire."""


def _unchecked(catalogue: Catalogue, today: date, max_days: int) -> str:
    found = stale(catalogue, today, max_days)
    services = catalogue.all_services()
    if not found:
        oldest = min(services, key=lambda e: e.record.assured_date)
        return n_("Every service was checked in the last {count} days (today is {today}); the "
                  "oldest check is {oldest}: {path}",
                  "Every service was checked in the last {count} days (today is {today}); the "
                  "oldest check is {oldest}: {path}", max_days, today=today,
                  oldest=oldest.record.assured_date,
                  path=relative_path(oldest.path, catalogue.root))
    lines = [n_("Services last checked more than {count} days before {today}, by territory, "
                "oldest first:",
                "Services last checked more than {count} days before {today}, by territory, "
                "oldest first:", max_days, today=today)]
    default = catalogue.portal.record.default_language
    for tid in dict.fromkeys(s.territory for s in found):
        mine = [s for s in found if s.territory == tid]
        lines += ["", n_("{territory}: {count} of {total} services",
                         "{territory}: {count} of {total} services", len(mine),
                         territory=tid, total=len(catalogue.services[tid]))]
        for s in mine:
            name = markup.plain(s.entry.record.name.get(default, s.entry.id))
            line = s.entry.doc.mark(("assured_date",)).line
            where = f"{relative_path(s.entry.path, catalogue.root)}:{line}"
            lines.append(f"  {s.checked}  " + n_("{days} days", "{days} days", s.age,
                                                   days=f"{s.age:>4}") + f"  {where}  {name}")
    lines += ["", n_("{count} of {total} services to check again: call or visit each service, "
                     "correct its record, and set assured_date to the day you checked.",
                     "{count} of {total} services to check again: call or visit each service, "
                     "correct its record, and set assured_date to the day you checked.",
                     len(found), total=len(services))]
    return "\n".join(lines)


def _expiring(catalogue: Catalogue, today: date) -> str:
    found = expired(catalogue, today, ahead=EXPIRY_NOTICE)
    if not found:
        return ""
    lines = [n_("Figures past their valid_until date, or within {count} days of it, by "
                "territory:",
                "Figures past their valid_until date, or within {count} days of it, by "
                "territory:", EXPIRY_NOTICE)]
    default = catalogue.portal.record.default_language
    for tid in dict.fromkeys(x.territory for x in found):
        lines.append(f"{tid}:")
        for x in (x for x in found if x.territory == tid):
            name = markup.plain(x.entry.record.name.get(default, x.entry.id))
            when = (n_("expired {count} days ago", "expired {count} days ago", x.days)
                    if x.days > 0 else _("last day today") if x.days == 0
                    else n_("{count} days left", "{count} days left", -x.days))
            where = f"{relative_path(x.entry.path, catalogue.root)}:{_line(x.entry)}"
            lines.append(f"  {x.until}  {when}  {where}  {name}")
    gone = sum(x.days > 0 for x in found)
    lines += ["", n_("{count} of them show figures that no longer hold, {soon} soon: find the "
                     "current figures at each source, correct the texts and set valid_until to "
                     "the last day they hold.",
                     "{count} of them show figures that no longer hold, {soon} soon: find the "
                     "current figures at each source, correct the texts and set valid_until to "
                     "the last day they hold.", gone, soon=len(found) - gone)]
    return "\n".join(lines)


def _line(entry: Entry[Service]) -> int:
    return entry.doc.mark(("valid_until",)).line


def _warning(catalogue: Catalogue, entry: Entry[Service], message: str,
             field: str = "assured_date") -> Problem:
    mark = entry.doc.mark((field,))
    return Problem(relative_path(entry.path, catalogue.root), mark.line, mark.column, field,
                   message, "warning")

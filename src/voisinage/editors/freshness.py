# Catalogue + today → services whose assured_date is older than the portal's freshness limit →
# warnings for `voisinage check` (never errors: a stale fact is still worth publishing) and the
# `voisinage stale` report. "today" is always passed in, so that tests and reports can fix it.
"""Freshness: services whose facts were last checked too long ago."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import markup
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
    out = [_warning(catalogue, s.entry, (
        f"last checked on {s.checked}, {s.age} days ago (more than {max_days}) — check the facts "
        "with the service, then write the date you checked them here")) for s in stale(
        catalogue, today, max_days)]
    for entry in catalogue.all_services():
        if (entry.record.assured_date - today).days > 1:
            out.append(_warning(catalogue, entry, (
                f"expected a date on or before today ({today}), found {entry.record.assured_date}"
                " — write the day the facts were checked")))
    return out


def report(catalogue: Catalogue, today: date, max_days: int) -> str:
    """`voisinage stale`: the services to check again, by territory, oldest first."""
    found = stale(catalogue, today, max_days)
    services = catalogue.all_services()
    if not services:
        return "No service yet."
    if not found:
        oldest = min(services, key=lambda e: e.record.assured_date)
        return (f"Every service was checked in the last {max_days} days (today is {today}); the "
                f"oldest check is {oldest.record.assured_date}: "
                f"{relative_path(oldest.path, catalogue.root)}")
    lines = [(f"Services last checked more than {max_days} days before {today}, by territory, "
              "oldest first:")]
    default = catalogue.portal.record.default_language
    for tid in dict.fromkeys(s.territory for s in found):
        mine = [s for s in found if s.territory == tid]
        lines += ["", f"{tid}: {len(mine)} of {len(catalogue.services[tid])} services"]
        for s in mine:
            name = markup.plain(s.entry.record.name.get(default, s.entry.id))
            line = s.entry.doc.mark(("assured_date",)).line
            where = f"{relative_path(s.entry.path, catalogue.root)}:{line}"
            lines.append(f"  {s.checked}  {s.age:>4} days  {where}  {name}")
    lines += ["", (f"{len(found)} of {len(services)} services to check again: call or visit each "
                   "service, correct its record, and set assured_date to the day you checked.")]
    return "\n".join(lines)


def _warning(catalogue: Catalogue, entry: Entry[Service], message: str) -> Problem:
    mark = entry.doc.mark(("assured_date",))
    return Problem(relative_path(entry.path, catalogue.root), mark.line, mark.column,
                   "assured_date", message, "warning")

"""`voisinage leaflets`: reprint the leaflets of some missions or territories, in some languages,
into a folder — e.g. before a door-to-door session, without building the whole site."""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import date
from pathlib import Path

from ..editors import editions
from ..messages import _, n_
from ..model.leaflets import FORMATS, leaflets_of
from ..model.site_model import SiteModel
from ..paper.making import make
from ..publish import left_out_lines
from ..records.problems import RecordsError
from ..site.build import load_checked

EXAMPLE = "voisinage leaflets --mission energie-2026 --lang ar,ta --out leaflets-to-print"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "leaflets", help=_("reprint the leaflets of missions or territories into a folder"),
        description=_("Make the PDF leaflets of some missions (A5, and an A4 sheet of four A6 "
                      "copies) or territories (one page of useful services), in some languages, "
                      "into a folder. Leaflets whose texts did not change are copied from the "
                      "cache, not rendered again."),
        epilog=_("Example: {example}. Each leaflet's QR code carries its edition: when a phone "
                 "number, an address, opening hours, a closure or the services listed change, "
                 "the next print is a new edition, and the older ones' codes open a page saying "
                 "what changed (voisinage leaflets --editions lists them).", example=EXAMPLE),
    )
    p.add_argument("--mission", action="append", default=[], metavar="ID",
                   help=_("a mission (file name in content/missions, without .yml); repeat "
                          "or separate with commas"))
    p.add_argument("--territory", action="append", default=[], metavar="ID",
                   help=_("a territory: its one-page list of useful services"))
    p.add_argument("--all", action="store_true", help=_("every mission and territory"))
    p.add_argument("--lang", default="", metavar="CODES",
                   help=_("languages, e.g. ar,ta (default: every language of the portal)"))
    p.add_argument("--format", default="", metavar="FORMATS",
                   help=_("only these formats: {formats} (default: all)",
                          formats=", ".join(FORMATS)))
    p.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help=_("folder to write the PDFs into (created if missing)"))
    p.add_argument("--editions", action="store_true",
                   help=_("print nothing: list the editions of every mission's and "
                          "territory's leaflets, the current one and the outdated ones with what "
                          "changed — the paper to stop handing out"))
    p.add_argument("--content", type=Path, default=Path("content"),
                   help=_("folder of the records (default: content)"))
    p.add_argument("--date", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                   help=_("print date shown on the leaflets (default: the date of the edition "
                          "on the portal, i.e. the newest check of what each leaflet shows)"))
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help=_("processes rendering at once (default: one per core)"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    portal = _portal(args)
    if isinstance(portal, int):
        return portal
    catalogue = portal.cat
    if args.editions:
        try:
            print(editions.report(portal))
        except RecordsError as error:
            return _fail(str(error))
        return 0
    if args.out is None:
        return _fail(_("say where to write the leaflets: --out DIR (e.g. {example})",
                       example=EXAMPLE))
    missions, territories = _split(args.mission), _split(args.territory)
    if args.all:
        missions, territories = list(catalogue.missions), list(catalogue.territories)
    if not missions and not territories:
        return _fail(_("say which leaflets: --mission ID, --territory ID or --all (e.g. "
                       "{example})", example=EXAMPLE))
    problem = (_unknown(_("unknown mission"), missions, list(catalogue.missions))
               or _unknown(_("unknown territory"), territories, list(catalogue.territories))
               or _unknown(_("unknown language"), _split([args.lang]),
                           [x.code for x in portal.langs])
               or _unknown(_("unknown format"), _split([args.format]), list(FORMATS)))
    if problem:
        return _fail(problem)
    wanted = leaflets_of(portal, missions_=missions, territories=territories,
                         langs=_split([args.lang]) or None)
    formats = _split([args.format])
    wanted = [x for x in wanted if not formats or x.format in formats]
    if not wanted:
        return _fail(_("nothing to print: these territories have no services yet"))
    cache = args.content.resolve().parent / ".cache" / "voisinage"
    try:
        made, outcome = make(portal, wanted, cache, printed=args.date, workers=args.jobs,
                             progress=_Progress(len(wanted)))
    except RecordsError as error:
        return _fail(_("some leaflets cannot be made:") + f"\n{error}")
    shown = {x.id for x in wanted if x.kind == "territory"}
    for line in left_out_lines(portal, shown) + _uncommitted(portal, {x.key for x in wanted}):
        print(line, file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    for leaflet, cached in made.items():
        target = args.out / Path(leaflet.path).name
        shutil.copyfile(cached, target)
        print(f"{target}  →  {portal.leaflet_link(leaflet.key, leaflet.lang).url}")
    print("voisinage: " + n_("{count} leaflet in {out} ({rendered} rendered, {reused} unchanged) "
                             "in {seconds} s",
                             "{count} leaflets in {out} ({rendered} rendered, {reused} unchanged) "
                             "in {seconds} s", len(made), out=args.out,
                             rendered=len(outcome.rendered), reused=len(outcome.reused),
                             seconds=f"{outcome.seconds:.1f}"), file=sys.stderr)
    return 0


def _portal(args: argparse.Namespace) -> SiteModel | int:
    """The portal of the records, or the exit status after saying why there is none."""
    if not (args.content / "portal.yml").exists():
        return _fail(_("no {path} here — run from the portal's folder or pass --content PATH",
                       path=f"{args.content}/portal.yml"))
    try:
        catalogue, _stale = load_checked(args.content)
    except RecordsError as error:
        return _fail(_("the records have errors:") + f"\n{error}")
    return SiteModel(catalogue, today=args.date)


def _uncommitted(portal: SiteModel, subjects: set[tuple[str, str]]) -> list[str]:
    """A warning for each leaflet printed from records not committed yet: its edition number is
    not in the history, and another change committed first would take it."""
    register = portal.editions
    if not register.tracked:
        return []
    found = []
    for subject in sorted(subjects):
        number = register.number(subject)
        edition = next(e for e in register.editions[subject] if e.number == number)
        if not edition.committed:
            found.append("voisinage: " + _(
                "warning: the leaflets of {kind} {name} show records not committed yet (edition "
                "{number}): commit them before handing these leaflets out, so that their QR "
                "code keeps opening the right page", kind=subject[0], name=subject[1],
                number=number))
    return found


class _Progress:
    """One line on the terminal, rewritten as leaflets are rendered, when there are many."""

    def __init__(self, wanted: int) -> None:
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total < 4:
            return
        step = max(1, total // 10)
        if self.tty:
            end = "\n" if done == total else ""
            print("\rvoisinage: " + _("rendering leaflets {done}/{total}", done=done,
                                        total=total), end=end, file=sys.stderr, flush=True)
        elif done == total or done // step != self.shown:
            self.shown = done // step
            print("voisinage: " + _("rendering leaflets {done}/{total}", done=done, total=total),
                  file=sys.stderr, flush=True)


def _split(values: list[str]) -> list[str]:
    return [x.strip() for value in values for x in value.split(",") if x.strip()]


def _unknown(what: str, asked: list[str], known: list[str]) -> str | None:
    """`what` is e.g. "unknown mission", already in the messages' language."""
    wrong = [x for x in asked if x not in known]
    if not wrong:
        return None
    return _('{what} "{found}" — expected one of: {known}', what=what, found=wrong[0],
             known=", ".join(known) or _("(none yet)"))


def _fail(message: str) -> int:
    print(f"voisinage: {message}", file=sys.stderr)
    return 1


__all__ = ["add_parser", "run"]

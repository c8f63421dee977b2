"""`voisinage build`, `shards` and `assemble`: a large portal built in shards, then put together.

A CI matrix runs `voisinage shards N --json` once, then one `voisinage build --territory …` per
shard in parallel jobs, and a last job runs `voisinage assemble` over the shards' sites (see
docs/scaling.md). On one machine, `voisinage build` with no option is `mkdocs build`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..frontends.mkdocs import configs, shards
from ..messages import _, n_
from ..records.problems import RecordsError
from ..site.build import load_checked

SHARDS = Path(".cache") / "voisinage" / "shards"


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "build", help=_("build the portal, or one shard of it (some territories)"),
        description=_("Build the site with `mkdocs build`. With --territory, build one shard:\n"
                      "the pages and leaflets of those territories only (every record is still "
                      "checked),\nplus the portal-wide pages unless --no-portal-pages. Put the "
                      "shards together with\n`voisinage assemble`; `voisinage shards N` prints a "
                      "balanced plan.\nEvery build uses one process per core for the languages "
                      "(VOISINAGE_JOBS=1: one)."),
        epilog=_("Example, two shards then one site:") + "\n"
        "  voisinage build --territory ris-orangis,saint-denis --site-dir shards/1\n"
        "  voisinage build --territory lille-moulins --no-portal-pages --site-dir shards/2\n"
        "  voisinage assemble shards/1 shards/2 --out site",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--territory", action="append", default=[], metavar="ID[,ID…]",
                   help=_("territories of this shard (file names in content/territories); "
                          "repeatable or comma-separated"))
    p.add_argument("--no-portal-pages", dest="portal_pages", action="store_false",
                   help=_("leave out the theme and glossary pages, open data and short "
                          "addresses (another shard makes them; every shard has the home pages)"))
    p.add_argument("--site-dir", type=Path, default=None,
                   help=_("where to write the site (default: site, or shards/<territories> for "
                          "a shard)"))
    p.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                   help=_("the portal's MkDocs configuration (default: mkdocs.yml)"))
    p.add_argument("--strict", action="store_true", help=_("fail on MkDocs warnings too"))
    p.set_defaults(func=run_build)

    p = sub.add_parser(
        "shards", help=_("split the territories into N shards of about the same size"),
        description=_("Print a plan of N shards, balanced by number of services; the first one "
                      "also makes the portal-wide pages. With --json, a GitHub Actions matrix."))
    p.add_argument("count", type=int, help=_("number of shards"))
    p.add_argument("--content", type=Path, default=Path("content"),
                   help=_("folder of the records (default: content)"))
    p.add_argument("--json", action="store_true",
                   help=_("print {matrix} for a CI matrix",
                          matrix='{"include": [{"shard": "1", "territories": "a,b", '
                          '"portal_pages": true}, …]}'))
    p.set_defaults(func=run_shards)

    p = sub.add_parser(
        "assemble", help=_("put the sites of the shards together into one site"),
        description=_("Merge the sites built by `voisinage build --territory …` into one: every "
                      "page, leaflet and file, the sitemaps, and the search indexes per language "
                      "and territory. Shards built from other records, a territory missing or "
                      "built twice, or files that differ between shards are refused, and the "
                      "output is left as it was."))
    p.add_argument("sites", nargs="+", type=Path, help=_("the shards' site folders"))
    p.add_argument("--out", type=Path, default=Path("site"),
                   help=_("the site to write (default: site)"))
    p.set_defaults(func=run_assemble)


def run_build(args: argparse.Namespace) -> int:
    if not args.config.exists():
        print("voisinage: " + _("no {path} here — run from the portal's folder",
                                path=args.config), file=sys.stderr)
        return 1
    territories = [t.strip() for value in args.territory for t in value.split(",") if t.strip()]
    known = configs.content_of(args.config) / "territories"
    unknown = [t for t in territories if not list(known.glob(f"{t}.y*ml"))]
    if unknown:
        names = sorted(p.stem for p in known.glob("*.y*ml"))
        print("voisinage: " + _("no territory {names} — expected names of files in {folder}: "
                                "{known}", names=", ".join(unknown), folder=known,
                                known=", ".join(names) or _("(none)")), file=sys.stderr)
        return 1
    if not territories and args.portal_pages:  # the whole portal: plain `mkdocs build`
        command = ["build", "-f", str(args.config)]
        if args.site_dir:
            command += ["--site-dir", str(args.site_dir)]
    else:
        name = _shard_name(territories, args.portal_pages)
        site = args.site_dir or Path("shards") / name
        config = configs.derive(args.config, args.config.resolve().parent / SHARDS / name, site, {
            "territories": territories, "portal_pages": args.portal_pages, "shard": True})
        command = ["build", "-f", str(config)]
        what = (n_("building a shard of {count} territory and the portal-wide pages into {site}",
                   "building a shard of {count} territories and the portal-wide pages into "
                   "{site}", len(territories), site=site) if args.portal_pages else
                n_("building a shard of {count} territory into {site}",
                   "building a shard of {count} territories into {site}", len(territories),
                   site=site))
        print(f"voisinage: {what}", file=sys.stderr)
    if args.strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call([sys.executable, "-m", "mkdocs", *command], env=env)


def _shard_name(territories: list[str], portal_pages: bool) -> str:
    if not territories:
        return "portal"
    label = territories[0] if len(territories) == 1 else f"{territories[0]}+{len(territories) - 1}"
    digest = hashlib.sha1(",".join([*territories, str(portal_pages)]).encode()).hexdigest()[:6]
    return f"{label}-{digest}"


def run_shards(args: argparse.Namespace) -> int:
    if args.count < 1:
        print("voisinage: " + _("the number of shards must be 1 or more"), file=sys.stderr)
        return 2
    try:
        catalogue, _stale = load_checked(args.content)
    except RecordsError as error:
        print("voisinage: " + _("the records have errors:") + f"\n{error}", file=sys.stderr)
        return 1
    groups = shards.plan(catalogue, args.count)
    if args.json:
        print(json.dumps({"include": [
            {"shard": str(i), "territories": ",".join(group), "portal_pages": i == 1}
            for i, group in enumerate(groups, 1)]}))
        return 0
    for i, group in enumerate(groups, 1):
        services = sum(len(catalogue.services.get(t, {})) for t in group)
        flag = "" if i == 1 else " --no-portal-pages"
        print(f"voisinage build --territory {','.join(group)}{flag} --site-dir shards/{i}"
              "    # " + n_("{count} territory", "{count} territories", len(group)) + ", "
              + n_("{count} service", "{count} services", services))
    print(f"voisinage assemble "
          f"{' '.join(f'shards/{i}' for i in range(1, len(groups) + 1))} --out site")
    return 0


def run_assemble(args: argparse.Namespace) -> int:
    try:
        done = shards.assemble(args.sites, args.out)
    except shards.AssemblyError as error:
        print("voisinage: " + _("cannot assemble the shards:") + f"\n{error}", file=sys.stderr)
        return 1
    print("voisinage: " + _("{shards} shards assembled into {out}: {files} files, {pages} pages, "
                            "{indexes} search indexes", shards=len(args.sites), out=args.out,
                            files=f"{done.files:,}", pages=f"{done.pages:,}",
                            indexes=done.search_indexes), file=sys.stderr)
    return 0

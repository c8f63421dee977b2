# The editors' commands of `voisinage` (cli.py registers them): schemas, new, translations, stale,
# and what `check` adds for them: freshness warnings and GitHub annotations. Each command is a
# small function over a core module (schemas, scaffold, translations, pofiles, freshness).
"""Command line for editors: schemas, new records, translations, freshness."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from babel.messages.pofile import PoFileError

from ..editors import freshness, pofiles, scaffold, schemas, translations
from ..records.checks import check
from ..records.loading import Catalogue, Loaded, load
from ..records.problems import Problem, github_annotation, summary

_CONTENT_HELP = "folder of the records (default: content)"
_TODAY_HELP = "the date taken as today, YYYY-MM-DD (default: today)"


def add_check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-age-days", type=int, default=None, metavar="DAYS",
                        help="warn about services last checked more than DAYS ago (default: "
                        "freshness_days of portal.yml, else 183; 0: never)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help=_TODAY_HELP)


def freshness_warnings(loaded: Loaded, args: argparse.Namespace) -> list[Problem]:
    """Warnings of `voisinage check` on services whose assured_date is too old."""
    if loaded.catalogue is None:
        return []
    limit = freshness.limit(loaded.catalogue, args.max_age_days)
    return freshness.warnings(loaded.catalogue, args.today or date.today(), limit)


def expiry_problems(loaded: Loaded, args: argparse.Namespace) -> list[Problem]:
    """What `voisinage check` says of figures past their valid_until: a warning on the service,
    an error on each mission featuring it (its leaflets cannot be made)."""
    if loaded.catalogue is None:
        return []
    return freshness.expiry_problems(loaded.catalogue, args.today or date.today())


def annotate(problems: list[Problem], content: Path) -> None:
    """In GitHub Actions, repeat each problem as an annotation on its line of the pull request."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    root = content.resolve().parent
    workspace = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd()).resolve()
    for problem in problems:
        try:
            path = (root / problem.path).resolve().relative_to(workspace).as_posix()
        except ValueError:
            path = problem.path
        print(github_annotation(problem, path))


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("schemas", help="write the JSON Schemas of the records into schemas/",
                       description="Generate schemas/<kind>.schema.json from the records' schema "
                       "(records.py), for editors' YAML tools: completion and inline errors.")
    p.add_argument("--check", action="store_true",
                   help="change nothing; fail if schemas/ is not up to date")
    p.add_argument("--modelines", action="store_true", help="also make every record's first "
                   "line the comment that points editors' tools at its schema")
    p.add_argument("--content", type=Path, default=Path("content"), help=_CONTENT_HELP)
    p.set_defaults(func=_schemas)

    p = sub.add_parser("new", help="write a new record, every field explained, ready to fill")
    kinds = p.add_subparsers(dest="kind", required=True, metavar="KIND")
    p = kinds.add_parser("service", help="a new service of a territory",
                         description="Write content/services/<territory>/<name>.yml with every "
                         "field, each explained with an example. Never overwrites a record.",
                         epilog='Example: voisinage new service --territory ris-orangis --name '
                         '"Maison des familles"')
    p.add_argument("--territory", required=True, metavar="ID", help="a file name of "
                   "content/territories, without .yml")
    p.add_argument("--name", required=True, help="the service's official name, in French")
    p.add_argument("--id", default=None, help="the file name, without .yml (default: made "
                   "from the name)")
    p.add_argument("--content", type=Path, default=Path("content"), help=_CONTENT_HELP)
    p.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                   help=_TODAY_HELP)
    p.set_defaults(func=_new_service)

    p = sub.add_parser("translations", help="what is translated, machine-made or missing; "
                       "export and import PO files for translators",
                       description="Without ACTION: the translation status of every language.")
    p.add_argument("--content", type=Path, default=Path("content"), help=_CONTENT_HELP)
    p.set_defaults(func=_status)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("status", help="translated, machine-made and missing texts")
    a.set_defaults(func=_status)
    a = actions.add_parser("export", help="write the texts missing in a language to a PO file",
                           epilog="Example: voisinage translations export --lang ta --out ta.po")
    a.add_argument("--lang", required=True, metavar="CODE", help="a language of the portal")
    a.add_argument("--out", type=Path, required=True, metavar="FILE.po")
    a.set_defaults(func=_export)
    a = actions.add_parser("import", help="add the translations of a PO file to the records",
                           epilog="Example: voisinage translations import ta.po")
    a.add_argument("po", type=Path, metavar="FILE.po")
    a.add_argument("--lang", default=None, metavar="CODE",
                   help="the language of the file (default: its Language header)")
    a.set_defaults(func=_import)
    for action in (actions.choices["status"], actions.choices["export"], actions.choices["import"]):
        action.add_argument("--content", type=Path, default=argparse.SUPPRESS, help=_CONTENT_HELP)

    p = sub.add_parser("stale", help="services to check again, by territory, oldest first, and "
                       "figures past (or near) their valid_until date")
    p.add_argument("--content", type=Path, default=Path("content"), help=_CONTENT_HELP)
    add_check_options(p)
    p.set_defaults(func=_stale)


def _schemas(args: argparse.Namespace) -> int:
    root = args.content.parent
    if args.check:
        stale = schemas.outdated(root)
        for path in stale:
            print(f"{path}: out of date — run `voisinage schemas` and commit the result")
        return 1 if stale else 0
    changed = schemas.write(root)
    if args.modelines:
        changed += schemas.add_modelines(args.content)
    for path in changed:
        print(f"wrote {path}")
    print(f"voisinage: {len(changed)} files changed", file=sys.stderr)
    return 0


def _new_service(args: argparse.Namespace) -> int:
    try:
        path = scaffold.new_service(args.content, args.territory, args.name,
                                    args.today or date.today(), args.id)
    except scaffold.ScaffoldError as error:
        return _fail(str(error))
    print(f"voisinage: wrote {path} — fill in the fields marked REQUIRED, then run: "
          "voisinage check", file=sys.stderr)
    return 0


def _status(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content)
    if catalogue is None:
        return 1
    print(translations.report(catalogue))
    return 0


def _export(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content)
    if catalogue is None:
        return 1
    names = {x.code: x.name for x in catalogue.portal.record.languages}
    if args.lang not in names or args.lang == catalogue.portal.record.default_language:
        return _fail(f'"{args.lang}" is not a language to translate into — expected one of: '
                     + ", ".join(c for c in names if c != catalogue.portal.record.default_language))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    count = pofiles.export(catalogue, args.lang, args.out)
    print(f"voisinage: {count} texts to translate into {names[args.lang]} ({args.lang}) in "
          f"{args.out} — once translated: voisinage translations import {args.out}",
          file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content, clean=True)
    if catalogue is None:
        return 1
    try:
        lang = args.lang or pofiles.read_language(args.po)
        codes = [x.code for x in catalogue.portal.record.languages]
        if lang not in codes:
            return _fail(f'{args.po} is in "{lang or "no language"}", not a language of the '
                         f"portal ({', '.join(codes)}) — give it with --lang CODE")
        result = pofiles.import_po(catalogue, args.po, lang)
    except (OSError, PoFileError) as error:
        return _fail(f"{args.po} cannot be read as a PO file: {error}")
    for text in result.added:
        print(f"{text.path}:{text.line}: {text.field}.{lang}: added")
    for problem in result.skipped:
        print(problem)
    for path in sorted({t.path for t in result.added if lang in t.machine}):
        print(f"{path}: {lang} is in machine_translations, so its {lang} texts still count as "
              f"machine-made — remove {lang} there once they are all reviewed")
    problems = [p for p in check(load(args.content)) if p.severity == "error"]
    for problem in problems:
        print(problem)
    print(f"voisinage: {len(result.added)} translations added to {len(result.changed)} files, "
          f"{len(result.skipped)} left out" + (f"; {summary(problems)}" if problems else ""),
          file=sys.stderr)
    return 1 if problems else 0


def _stale(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content)
    if catalogue is None:
        return 1
    limit = freshness.limit(catalogue, args.max_age_days)
    print(freshness.report(catalogue, args.today or date.today(), limit))
    return 0


def _catalogue(content: Path, *, clean: bool = False) -> Catalogue | None:
    """The records, or None after saying why. Records with errors are left out (or, if clean,
    nothing is done until they are fixed)."""
    if not (content / "portal.yml").exists():
        _fail(f"no {content}/portal.yml here — run from the portal's folder or pass --content PATH")
        return None
    loaded = load(content)
    errors = [p for p in check(loaded) if p.severity == "error"]
    if loaded.catalogue is None or (errors and clean):
        for problem in errors:
            print(problem, file=sys.stderr)
        _fail(f"{summary(errors)} — fix them first (voisinage check)")
        return None
    if errors:
        print(f"voisinage: {summary(errors)}: records with errors are left out — see "
              "voisinage check", file=sys.stderr)
    return loaded.catalogue


def _fail(message: str) -> int:
    print(f"voisinage: {message}", file=sys.stderr)
    return 1

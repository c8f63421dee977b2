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

from ..editors import exchange, freshness, pofiles, scaffold, schemas, terms, translations, xliff
from ..messages import _
from ..records.checks import check
from ..records.loading import Catalogue, Loaded, load
from ..records.problems import Problem, github_annotation, summary

_CONTENT_HELP = "folder of the records (default: content)"


def add_check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-age-days", type=int, default=None, metavar="DAYS",
                        help=_("warn about services last checked more than DAYS ago (default: "
                               "freshness_days of portal.yml, else 183; 0: never)"))
    parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help=_("the date taken as today, YYYY-MM-DD (default: today)"))


def freshness_warnings(loaded: Loaded, args: argparse.Namespace) -> list[Problem]:
    """Warnings of `voisinage check` on services whose assured_date is too old."""
    if loaded.catalogue is None:
        return []
    limit = freshness.limit(loaded.catalogue, args.max_age_days)
    return freshness.warnings(loaded.catalogue, args.today or date.today(), limit)


def translation_warnings(loaded: Loaded) -> list[Problem]:
    """Warnings of `voisinage check` on French texts changed since they were translated."""
    return translations.warnings(loaded.catalogue) if loaded.catalogue is not None else []


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


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("schemas", help="write the JSON Schemas of the records into schemas/",
                       description="Generate schemas/<kind>.schema.json from the records' schema "
                       "(records.py) and the ids content/ declares (themes, partners, "
                       "territories, languages), for editors' YAML tools: completion and inline "
                       "errors.")
    p.add_argument("--check", action="store_true",
                   help="change nothing; fail if schemas/ does not match records.py (lists "
                   "older than content/ are only noted)")
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
                   help=_("the date taken as today, YYYY-MM-DD (default: today)"))
    p.set_defaults(func=_new_service)

    p = sub.add_parser("translations", help="what is translated, machine-made, outdated or "
                       "missing; export and import PO or XLIFF files for translators",
                       description="Without ACTION: the translation status of every language "
                       "(translated, machine-made not reviewed, outdated, missing), then the "
                       "outdated and missing texts and the glossary terms translated two ways.")
    p.add_argument("--content", type=Path, default=Path("content"), help=_CONTENT_HELP)
    p.add_argument("--json", action="store_true", help="print the counts per language as JSON")
    p.set_defaults(func=_status)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("status", help="translated, machine-made, outdated and missing texts")
    a.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print the counts per language as JSON")
    a.set_defaults(func=_status)
    a = actions.add_parser("export", help="write every text of a language to a PO or XLIFF file",
                           description="Write every text of one language for a translator's "
                           "tool: missing ones empty, machine-made and outdated ones to review "
                           "(fuzzy; an outdated one with the French it was made from), the others "
                           "translated. The format follows the extension: .po (Poedit, Weblate) "
                           "or .xlf/.xliff (XLIFF 1.2, agencies' tools).",
                           epilog="Example: voisinage translations export --lang ta --out ta.po")
    a.add_argument("--lang", required=True, metavar="CODE", help="a language of the portal")
    a.add_argument("--out", type=Path, required=True, metavar="FILE",
                   help="FILE.po or FILE.xlf")
    a.set_defaults(func=_export)
    a = actions.add_parser("import", help="bring the translations of a PO or XLIFF file back",
                           description="Put each translated (not fuzzy) entry of the file into "
                           "its record, if the French is still the one it was translated from; "
                           "reviewed machine translations lose their machine mark. Comments, "
                           "order and quoting of the records are kept.",
                           epilog="Example: voisinage translations import ta.po")
    a.add_argument("po", type=Path, metavar="FILE", help="FILE.po or FILE.xlf")
    a.add_argument("--lang", default=None, metavar="CODE",
                   help="the language of the file (default: the one the file names)")
    a.set_defaults(func=_import)
    a = actions.add_parser("mark-current", help="record that translations match today's French",
                           description="For a translator who reviewed translations in the YAML "
                           "files themselves: record that the translations into --lang of the "
                           "FILEs (every record if none) were made from today's French, so they "
                           "no longer count as outdated. --all, once, starts tracking every "
                           "translation not tracked yet (outdated ones are left as they are).",
                           epilog="Examples: voisinage translations mark-current --lang ar "
                           "content/services/ris-orangis/caf.yml · voisinage translations "
                           "mark-current --all")
    a.add_argument("files", type=Path, nargs="*", metavar="FILE", help="records to mark")
    which = a.add_mutually_exclusive_group(required=True)
    which.add_argument("--lang", metavar="CODE", help="the language reviewed")
    which.add_argument("--all", action="store_true",
                       help="every language, only the translations not tracked yet")
    a.set_defaults(func=_mark_current)
    for action in actions.choices.values():
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
        for path in schemas.lagging(root):  # an editor added a theme: hints lag, nothing breaks
            print(f"{path}: note: its lists of themes, partners, territories or languages are "
                  "older than content/ — editors' tools suggest the old ones until someone runs "
                  "`voisinage schemas` and commits the result", file=sys.stderr)
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
    if getattr(args, "json", False):
        print(translations.as_json(catalogue))
        return 0
    print(translations.report(catalogue))
    found = terms.inconsistencies(catalogue)
    for problem in found:
        print(problem)
    if found:
        print(f"voisinage: {summary(found)}: glossary terms translated another way",
              file=sys.stderr)
    return 0


def _format(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return "po" if suffix in (".po", ".pot") else "xliff" if suffix in (".xlf", ".xliff") else None


def _export(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content)
    if catalogue is None:
        return 1
    names = {x.code: x.name for x in catalogue.portal.record.languages}
    if args.lang not in names or args.lang == catalogue.portal.record.default_language:
        return _fail(f'"{args.lang}" is not a language to translate into — expected one of: '
                     + ", ".join(c for c in names if c != catalogue.portal.record.default_language))
    kind = _format(args.out)
    if kind is None:
        return _fail(f"{args.out}: expected a file name ending in .po (gettext) or .xlf (XLIFF)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    count = (pofiles.export if kind == "po" else xliff.export)(catalogue, args.lang, args.out)
    print(f"voisinage: every text of {names[args.lang]} ({args.lang}) written to {args.out}, "
          f"{count} to translate or review — once done: voisinage translations import {args.out}",
          file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content, clean=True)
    if catalogue is None:
        return 1
    kind = _format(args.po)
    if kind is None:
        return _fail(f"{args.po}: expected a file name ending in .po (gettext) or .xlf (XLIFF)")
    try:
        lang = args.lang or (pofiles if kind == "po" else xliff).read_language(args.po)
        codes = [x.code for x in catalogue.portal.record.languages]
        if lang not in codes:
            return _fail(f'{args.po} is in "{lang or "no language"}", not a language of the '
                         f"portal ({', '.join(codes)}) — give it with --lang CODE")
        if lang == catalogue.portal.record.default_language:
            return _fail(f'{args.po} is in "{lang}", the language the records are written in: '
                         "a translator's file is in another language — give it with --lang CODE")
        result = (pofiles.import_po if kind == "po" else xliff.import_xliff)(
            catalogue, args.po, lang)
    except (OSError, PoFileError, xliff.XliffError) as error:
        return _fail(f"{args.po} cannot be read as a {'PO' if kind == 'po' else 'XLIFF'} file: "
                     f"{error}")
    _print_imported(result, lang)
    problems = [p for p in check(load(args.content)) if p.severity == "error"]
    for problem in problems:
        print(problem)
    print(f"voisinage: {len(result.added)} translations added, {len(result.updated)} changed, "
          f"{len(result.confirmed)} confirmed, in {len(result.changed)} files; "
          f"{len(result.skipped)} left out, {result.still_to_review} still to review, "
          f"{result.untranslated} not translated" + (f"; {summary(problems)}" if problems else ""),
          file=sys.stderr)
    return 1 if problems or any(p.severity == "error" for p in result.skipped) else 0


def _print_imported(result: pofiles.Imported, lang: str) -> None:
    for verb, texts in (("added", result.added), ("changed", result.updated),
                        ("confirmed", result.confirmed)):
        for text in texts:
            print(f"{text.path}:{text.line}: {text.field}.{lang}: {verb}")
    for problem in result.skipped:
        print(problem)
    for where in result.reviewed:
        print(f"{where}: every {lang} text reviewed — {lang} removed from machine_translations")
    for line in result.machine_left:
        print(line)


def _mark_current(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content, clean=True)
    if catalogue is None:
        return 1
    portal = catalogue.portal.record
    codes = [x.code for x in portal.languages if x.code != portal.default_language]
    if args.lang and args.lang not in codes:
        return _fail(f'"{args.lang}" is not a language to translate into — expected one of: '
                     + ", ".join(codes))
    root = catalogue.root.resolve()
    paths = []
    for file in args.files:
        try:
            paths.append(file.resolve().relative_to(root).as_posix())
        except ValueError:
            return _fail(f"{file} is not a record of {args.content}")
    known = {f.path for f in translations.fields(catalogue)}
    unknown = [p for p in paths if p not in known]
    if unknown:
        return _fail(f"{', '.join(unknown)}: no such record with texts — give files under "
                     f"{args.content}/")
    result = exchange.mark_current(catalogue, codes if args.all else [args.lang], paths or None,
                                   untracked_only=args.all)
    for text, lang in result.outdated:
        print(f"{text.path}:{text.line}: {text.field}.{lang}: was outdated, now current")
    for problem in result.skipped:
        print(problem)
    if result.left_outdated:
        print(f"{len(result.left_outdated)} outdated translations left as they are (their French "
              "changed since): have them reviewed — voisinage translations export — or, once "
              "checked, voisinage translations mark-current --lang CODE FILE")
    stamped = ", ".join(f"{lang} {n}" for lang, n in result.stamped.items()) or "none"
    print(f"voisinage: translations marked current: {stamped}; {len(result.changed)} files "
          "changed", file=sys.stderr)
    return 0


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

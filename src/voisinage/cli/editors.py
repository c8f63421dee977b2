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

from ..editors import (
    exchange,
    freshness,
    pofiles,
    review,
    scaffold,
    schemas,
    terms,
    translations,
    xliff,
)
from ..messages import N_, _, n_
from ..model.site_model import SiteModel
from ..records.checks import check
from ..records.loading import Catalogue, Loaded, load
from ..records.problems import Problem, github_annotation, summary

_CONTENT_HELP = N_("folder of the records (default: content)")


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
    p = sub.add_parser("schemas", help=_("write the JSON Schemas of the records into schemas/"),
                       description=_("Generate schemas/<kind>.schema.json from the records' "
                                     "schema (records.py) and the ids content/ declares (themes, "
                                     "partners, territories, languages), for editors' YAML "
                                     "tools: completion and inline errors."))
    p.add_argument("--check", action="store_true",
                   help=_("change nothing; fail if schemas/ does not match records.py (lists "
                          "older than content/ are only noted)"))
    p.add_argument("--modelines", action="store_true", help=_(
        "also make every record's first line the comment that points editors' tools at its "
        "schema"))
    p.add_argument("--content", type=Path, default=Path("content"), help=_(_CONTENT_HELP))
    p.set_defaults(func=_schemas)

    p = sub.add_parser("new", help=_("write a new record, every field explained, ready to fill"))
    kinds = p.add_subparsers(dest="kind", required=True, metavar="KIND")
    p = kinds.add_parser("service", help=_("a new service of a territory"),
                         description=_("Write content/services/<territory>/<name>.yml with every "
                                       "field, each explained with an example. Never overwrites "
                                       "a record."),
                         epilog=_("Example: {example}", example='voisinage new service '
                                  '--territory ris-orangis --name "Maison des familles"'))
    p.add_argument("--territory", required=True, metavar="ID",
                   help=_("a file name of content/territories, without .yml"))
    p.add_argument("--name", required=True, help=_("the service's official name, in French"))
    p.add_argument("--id", default=None,
                   help=_("the file name, without .yml (default: made from the name)"))
    p.add_argument("--content", type=Path, default=Path("content"), help=_(_CONTENT_HELP))
    p.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                   help=_("the date taken as today, YYYY-MM-DD (default: today)"))
    p.set_defaults(func=_new_service)

    p = sub.add_parser("translations", help=_("what is translated, machine-made, outdated or "
                                              "missing; export and import PO or XLIFF files for "
                                              "translators"),
                       description=_("Without ACTION: the translation status of every language "
                                     "(translated, machine-made not reviewed, outdated, missing), "
                                     "then the outdated and missing texts and the glossary terms "
                                     "translated two ways."))
    p.add_argument("--content", type=Path, default=Path("content"), help=_(_CONTENT_HELP))
    p.add_argument("--json", action="store_true",
                   help=_("print the counts per language as JSON"))
    p.set_defaults(func=_status)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("status",
                           help=_("translated, machine-made, outdated and missing texts"))
    a.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help=_("print the counts per language as JSON"))
    a.set_defaults(func=_status)
    a = actions.add_parser("export",
                           help=_("write every text of a language to a PO or XLIFF file"),
                           description=_("Write every text of one language for a translator's "
                                         "tool: missing ones empty, machine-made and outdated "
                                         "ones to review (fuzzy; an outdated one with the French "
                                         "it was made from), the others translated. The format "
                                         "follows the extension: .po (Poedit, Weblate) or "
                                         ".xlf/.xliff (XLIFF 1.2, agencies' tools)."),
                           epilog=_("Example: {example}",
                                    example="voisinage translations export --lang ta --out ta.po"))
    a.add_argument("--lang", required=True, metavar="CODE", help=_("a language of the portal"))
    a.add_argument("--out", type=Path, required=True, metavar="FILE",
                   help=_("FILE.po or FILE.xlf"))
    a.set_defaults(func=_export)
    a = actions.add_parser("import", help=_("bring the translations of a PO or XLIFF file back"),
                           description=_("Put each translated (not fuzzy) entry of the file into "
                                         "its record, if the French is still the one it was "
                                         "translated from; reviewed machine translations lose "
                                         "their machine mark. Comments, order and quoting of "
                                         "the records are kept."),
                           epilog=_("Example: {example}",
                                    example="voisinage translations import ta.po"))
    a.add_argument("po", type=Path, metavar="FILE", help=_("FILE.po or FILE.xlf"))
    a.add_argument("--lang", default=None, metavar="CODE",
                   help=_("the language of the file (default: the one the file names)"))
    a.set_defaults(func=_import)
    a = actions.add_parser("mark-current",
                           help=_("record that translations match today's French"),
                           description=_("For a translator who reviewed translations in the YAML "
                                         "files themselves: record that the translations into "
                                         "--lang of the FILEs (every record if none) were made "
                                         "from today's French, so they no longer count as "
                                         "outdated. --all, once, starts tracking every "
                                         "translation not tracked yet (outdated ones are left as "
                                         "they are)."),
                           epilog=_("Examples: {example}",
                                    example="voisinage translations mark-current --lang ar "
                                    "content/services/ris-orangis/caf.yml · voisinage "
                                    "translations mark-current --all"))
    a.add_argument("files", type=Path, nargs="*", metavar="FILE", help=_("records to mark"))
    which = a.add_mutually_exclusive_group(required=True)
    which.add_argument("--lang", metavar="CODE", help=_("the language reviewed"))
    which.add_argument("--all", action="store_true",
                       help=_("every language, only the translations not tracked yet"))
    a.set_defaults(func=_mark_current)
    for action in actions.choices.values():
        action.add_argument("--content", type=Path, default=argparse.SUPPRESS,
                            help=_(_CONTENT_HELP))

    p = sub.add_parser("review", help=_("the pages a change to the records touches, to look at "
                                        "before accepting it"),
                       description=_("List the pages of the site that show the records changed "
                                     "since --base (committed or not), in the default language "
                                     "and the languages of their territory: one address per "
                                     "line, for scripts/screenshots, or a Markdown table for a "
                                     "pull request's summary."),
                       epilog=_("Example: {example}", example="voisinage review --base "
                                "origin/main | xargs bash scripts/screenshots site pictures"))
    p.add_argument("--base", default="origin/main", metavar="REF",
                   help=_("the commit or branch to compare with (default: origin/main)"))
    p.add_argument("--markdown", action="store_true",
                   help=_("print a Markdown table (page, record, picture) instead"))
    p.add_argument("--pictures", default=None, metavar="NAME",
                   help=_("with --markdown: the name of the artifact that holds the pictures"))
    p.add_argument("--content", type=Path, default=Path("content"), help=_(_CONTENT_HELP))
    p.set_defaults(func=_review)

    p = sub.add_parser("stale", help=_("services to check again, by territory, oldest first, "
                                       "and figures past (or near) their valid_until date"))
    p.add_argument("--content", type=Path, default=Path("content"), help=_(_CONTENT_HELP))
    add_check_options(p)
    p.set_defaults(func=_stale)


def _schemas(args: argparse.Namespace) -> int:
    root = args.content.parent
    if args.check:
        stale = schemas.outdated(root)
        for path in stale:
            print(_("{path}: out of date — run `voisinage schemas` and commit the result",
                    path=path))
        for path in schemas.lagging(root):  # an editor added a theme: hints lag, nothing breaks
            print(_("{path}: note: its lists of themes, partners, territories or languages are "
                    "older than content/ — editors' tools suggest the old ones until someone "
                    "runs `voisinage schemas` and commits the result", path=path),
                  file=sys.stderr)
        return 1 if stale else 0
    changed = schemas.write(root)
    if args.modelines:
        changed += schemas.add_modelines(args.content)
    for path in changed:
        print(_("wrote {path}", path=path))
    print("voisinage: " + n_("{count} file changed", "{count} files changed", len(changed)),
          file=sys.stderr)
    return 0


def _new_service(args: argparse.Namespace) -> int:
    try:
        path = scaffold.new_service(args.content, args.territory, args.name,
                                    args.today or date.today(), args.id)
    except scaffold.ScaffoldError as error:
        return _fail(str(error))
    print("voisinage: " + _("wrote {path} — fill in the fields marked REQUIRED, then run: "
                            "voisinage check", path=path), file=sys.stderr)
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
        print("voisinage: " + _("{summary}: glossary terms translated another way",
                                summary=summary(found)), file=sys.stderr)
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
        return _fail(_('"{lang}" is not a language to translate into — expected one of: {known}',
                       lang=args.lang, known=", ".join(
                           c for c in names if c != catalogue.portal.record.default_language)))
    kind = _format(args.out)
    if kind is None:
        return _fail(_("{path}: expected a file name ending in .po (gettext) or .xlf (XLIFF)",
                       path=args.out))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    count = (pofiles.export if kind == "po" else xliff.export)(catalogue, args.lang, args.out)
    print("voisinage: " + _("every text of {name} ({lang}) written to {out}, {count} to translate "
                            "or review — once done: voisinage translations import {out}",
                            name=names[args.lang], lang=args.lang, out=args.out, count=count),
          file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content, clean=True)
    if catalogue is None:
        return 1
    kind = _format(args.po)
    if kind is None:
        return _fail(_("{path}: expected a file name ending in .po (gettext) or .xlf (XLIFF)",
                       path=args.po))
    try:
        lang = args.lang or (pofiles if kind == "po" else xliff).read_language(args.po)
        codes = [x.code for x in catalogue.portal.record.languages]
        if lang not in codes:
            return _fail(_('{path} is in "{lang}", not a language of the portal ({codes}) — '
                           "give it with --lang CODE", path=args.po,
                           lang=lang or _("no language"), codes=", ".join(codes)))
        if lang == catalogue.portal.record.default_language:
            return _fail(_('{path} is in "{lang}", the language the records are written in: a '
                           "translator's file is in another language — give it with --lang CODE",
                           path=args.po, lang=lang))
        result = (pofiles.import_po if kind == "po" else xliff.import_xliff)(
            catalogue, args.po, lang)
    except (OSError, PoFileError, xliff.XliffError) as error:
        return _fail(_("{path} cannot be read as a {kind} file: {error}", path=args.po,
                       kind="PO" if kind == "po" else "XLIFF", error=error))
    _print_imported(result, lang)
    problems = [p for p in check(load(args.content)) if p.severity == "error"]
    for problem in problems:
        print(problem)
    print("voisinage: " + _("{added} translations added, {updated} changed, {confirmed} "
                            "confirmed, in {files} files; {skipped} left out, {review} still to "
                            "review, {untranslated} not translated",
                            added=len(result.added), updated=len(result.updated),
                            confirmed=len(result.confirmed), files=len(result.changed),
                            skipped=len(result.skipped), review=result.still_to_review,
                            untranslated=result.untranslated)
          + (f"; {summary(problems)}" if problems else ""), file=sys.stderr)
    return 1 if problems or any(p.severity == "error" for p in result.skipped) else 0


def _print_imported(result: pofiles.Imported, lang: str) -> None:
    for verb, texts in ((_("added"), result.added), (_("changed"), result.updated),
                        (_("confirmed"), result.confirmed)):
        for text in texts:
            print(f"{text.path}:{text.line}: {text.field}.{lang}: {verb}")
    for problem in result.skipped:
        print(problem)
    for where in result.reviewed:
        print(_("{where}: every {lang} text reviewed — {lang} removed from machine_translations",
                where=where, lang=lang))
    for line in result.machine_left:
        print(line)


def _mark_current(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content, clean=True)
    if catalogue is None:
        return 1
    portal = catalogue.portal.record
    codes = [x.code for x in portal.languages if x.code != portal.default_language]
    if args.lang and args.lang not in codes:
        return _fail(_('"{lang}" is not a language to translate into — expected one of: {known}',
                       lang=args.lang, known=", ".join(codes)))
    root = catalogue.root.resolve()
    paths = []
    for file in args.files:
        try:
            paths.append(file.resolve().relative_to(root).as_posix())
        except ValueError:
            return _fail(_("{file} is not a record of {content}", file=file,
                           content=args.content))
    known = {f.path for f in translations.fields(catalogue)}
    unknown = [p for p in paths if p not in known]
    if unknown:
        return _fail(_("{files}: no such record with texts — give files under {content}/",
                       files=", ".join(unknown), content=args.content))
    result = exchange.mark_current(catalogue, codes if args.all else [args.lang], paths or None,
                                   untracked_only=args.all)
    for text, lang in result.outdated:
        print(f"{text.path}:{text.line}: {text.field}.{lang}: " + _("was outdated, now current"))
    for problem in result.skipped:
        print(problem)
    if result.left_outdated:
        print(_("{count} outdated translations left as they are (their French changed since): "
                "have them reviewed — voisinage translations export — or, once checked, "
                "voisinage translations mark-current --lang CODE FILE",
                count=len(result.left_outdated)))
    stamped = ", ".join(f"{lang} {n}" for lang, n in result.stamped.items()) or _("none")
    print("voisinage: " + _("translations marked current: {stamped}; {files} files changed",
                            stamped=stamped, files=len(result.changed)), file=sys.stderr)
    return 0


def _review(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args.content)
    if catalogue is None:
        return 1
    try:
        files = review.changed_files(args.content.resolve().parent, args.base)
    except review.ReviewError as error:
        return _fail(str(error))
    pages = review.pages_to_review(SiteModel(catalogue), files)
    if args.markdown:
        print(review.summary(pages, args.pictures), end="")
    else:
        for page in pages:
            print(page.url or "./")  # the home page
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
        _fail(_("no {path} here — run from the portal's folder or pass --content PATH",
                path=f"{content}/portal.yml"))
        return None
    loaded = load(content)
    errors = [p for p in check(loaded) if p.severity == "error"]
    if loaded.catalogue is None or (errors and clean):
        for problem in errors:
            print(problem, file=sys.stderr)
        _fail(_("{summary} — fix them first (voisinage check)", summary=summary(errors)))
        return None
    if errors:
        print("voisinage: " + _("{summary}: records with errors are left out — see voisinage "
                                "check", summary=summary(errors)), file=sys.stderr)
    return loaded.catalogue


def _fail(message: str) -> int:
    print(f"voisinage: {message}", file=sys.stderr)
    return 1

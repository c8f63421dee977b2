"""`voisinage` command line: check records, build the portal, reprint leaflets."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import messages
from ..frontends.mkdocs.preview import add_parser as add_preview_command
from ..messages import LANGUAGES, N_, _, choose
from ..records.checks import check
from ..records.loading import load
from ..records.problems import summary
from . import editors, shards
from .leaflets import add_parser as add_leaflets_command

# argparse's own words (headings, its errors), so that `--help` and a mistyped command speak the
# editor's language too; argparse looks them up through its module's `_` and `ngettext`.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"), N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"), N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"), N_("expected at least one argument"),
    N_("expected at most one argument"), N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    choose(_chosen_language(argv))  # before the parsers: their help is in the editor's language
    argparse._ = messages.gettext  # type: ignore[attr-defined]
    argparse.ngettext = messages.ngettext  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        prog="voisinage",
        description=_("Multilingual resident information portals and door leaflets from "
                      "YAML records."),
        epilog=_("Build the site with `mkdocs build` (or `mkdocs serve` to preview while "
                 "editing). The tool speaks French or English: --lang, else the locale (LANG), "
                 "else French."),
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, metavar="{fr,en}",
                        help=_("language of the tool's messages (default: the locale's, "
                               "French when it is neither)"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p_check = sub.add_parser(
        "check", help=_("check every record and report all problems at once"),
        description=_("Check every record under content/ and print each problem as "
                      "file:line:column: field: message. Warnings: services last checked long "
                      "ago, figures past their valid_until, links to development or archived "
                      "sites. Exit status: 0 clean (or warnings only, without --strict), 1 "
                      "errors."),
    )
    p_check.add_argument("--content", type=Path, default=Path("content"),
                         help=_("folder of the records (default: content)"))
    p_check.add_argument("--strict", action="store_true", help=_("fail on warnings too"))
    p_check.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                         metavar="{fr,en}", help=_("language of the messages (as before the "
                                                   "command)"))
    editors.add_check_options(p_check)
    p_check.set_defaults(func=_check)
    add_leaflets_command(sub)
    add_preview_command(sub)
    shards.add_parsers(sub)
    editors.add_parsers(sub)

    args = parser.parse_args(argv)
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # inside the try: a closed pipe shows here, not at interpreter exit
    except BrokenPipeError:
        return _closed_pipe()
    return code


def _chosen_language(argv: list[str]) -> str | None:
    """The `--lang fr|en` of the command line: before the command, or after `check` (the
    preview's own `--lang` is the language of the pages it opens, not of the tool)."""
    command = next((i for i, word in enumerate(argv) if not word.startswith("-")
                    and (i == 0 or argv[i - 1] != "--lang")), len(argv))
    words = argv if argv[command:command + 1] == ["check"] else argv[:command]
    for i, word in enumerate(words):
        value = word.split("=", 1)[1] if word.startswith("--lang=") else (
            words[i + 1] if word == "--lang" and i + 1 < len(words) else None)
        if value in LANGUAGES:
            return value
    return None


def _closed_pipe() -> int:
    """`voisinage stale | head`: the reader has all it wanted; stop quietly, like other tools.

    Python would print a BrokenPipeError traceback, and again when it flushes stdout on exit;
    pointing stdout at /dev/null stops the second one. 141 is what a shell reports for a program
    ended by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141


def _check(args: argparse.Namespace) -> int:
    if not (args.content / "portal.yml").exists():
        print(_("voisinage: no {path} here — run from the portal's folder or pass "
                "--content PATH", path=f"{args.content}/portal.yml"), file=sys.stderr)
        return 1
    loaded = load(args.content)
    problems = sorted(check(loaded) + editors.freshness_warnings(loaded, args)
                      + editors.translation_warnings(loaded)
                      + editors.expiry_problems(loaded, args))
    for problem in problems:
        print(problem)
    editors.annotate(problems, args.content)
    failing = [p for p in problems if p.severity == "error" or args.strict]
    print(summary(problems) if problems else _("All records are fine."), file=sys.stderr)
    return 1 if failing else 0

"""`voisinage preview`: an editor's live preview of one territory in a few languages.

A full `mkdocs serve` rebuilds every page of every language after each edit (about a minute at
200 services × 8 languages). A preview builds only the territory and the languages being edited,
without leaflets, from a configuration derived from mkdocs.yml, into folders of its own so that
the full build's pages are left alone.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from ...messages import _
from . import configs

FOLDER = Path(".cache") / "voisinage" / "preview"


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "preview", help=_("preview one territory in a few languages, rebuilt in seconds"),
        description=_("Serve a live preview of one territory (its pages, themes and services) in "
                      "the default language and the languages given, rebuilt on every save. "
                      "Leaflets are not made."),
        epilog=_("Example: {example}",
                 example="voisinage preview --territory ris-orangis --lang ar"),
    )
    parser.add_argument("--territory", action="append", default=[],
                        help=_("territory to preview (file name in content/territories); "
                               "repeatable (default: the only one, when there is one)"))
    parser.add_argument("--lang", default="", help=_(
        "languages besides the default, e.g. ar,ta (default: the default language only; `all`: "
        "every language of the portal)"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help=_("the portal's MkDocs configuration (default: mkdocs.yml)"))
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help=_("address to serve on"))
    parser.add_argument("--build", action="store_true",
                        help=_("build the preview once into .cache/voisinage/preview/site, no "
                               "server"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.config.exists():
        print("voisinage: " + _("no {path} here — run from the portal's folder",
                                path=args.config), file=sys.stderr)
        return 1
    content = configs.content_of(args.config)
    try:
        territories = chosen_territories(args.territory, content / "territories")
        languages = chosen_languages(args.lang, content / "portal.yml")
    except ValueError as error:
        print(f"voisinage: {error}", file=sys.stderr)
        return 1
    config_file = write_config(args.config, territories, languages)
    command = [sys.executable, "-m", "mkdocs", "build" if args.build else "serve", "-f",
               str(config_file)]
    if not args.build:
        command += ["--dev-addr", args.dev_addr]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call(command, env=env)


def chosen_languages(asked: str, portal: Path) -> list[str]:
    """The languages to preview: the default one and those asked for (`all`: every one).

    Without --lang only the default language is built, the fastest preview; the editor is told
    how to add others. An unknown code is refused with the portal's codes."""
    declared, default = _portal_languages(portal)
    codes = [code.strip() for code in asked.split(",") if code.strip()]
    if codes == ["all"]:
        return declared or [default]
    unknown = [code for code in codes if declared and code not in declared]
    if unknown:
        raise ValueError(_("--lang {unknown}: not a language of {portal} — expected codes among "
                           "{known}, e.g. --lang {example}", unknown=",".join(unknown),
                           portal=portal, known=", ".join(declared), example=declared[-1]))
    if not codes:
        others = [code for code in declared if code != default] or ["en"]
        print("voisinage: " + _("previewing in {default} only — add other languages with --lang, "
                                "e.g. --lang {others} (the portal's: {known}), or --lang all",
                                default=default, others=",".join(others[:2]),
                                known=", ".join(declared)), file=sys.stderr)
    return [default, *[code for code in codes if code != default]]


def chosen_territories(asked: list[str], folder: Path) -> list[str]:
    """The territories to preview: those asked for, or the portal's only one. Without
    --territory on a portal of several, the editor is told their names."""
    known = sorted(path.stem for path in folder.glob("*.yml"))
    names = [name.strip() for value in asked for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(_("--territory {unknown}: no such territory — expected names of files "
                           "in {folder}: {known}", unknown=",".join(unknown), folder=folder,
                           known=", ".join(known) or _("(none)")))
    if names:
        return names
    if len(known) == 1:
        return known
    raise ValueError(_("say which territory to preview: --territory NAME, one of {known} (e.g. "
                       "voisinage preview --territory {example})",
                       known=", ".join(known) or _("(none)"), example=(known or ["NAME"])[0]))


def _portal_languages(portal: Path) -> tuple[list[str], str]:
    """The language codes declared in portal.yml and its default one, read without checking the
    records (the preview's build checks them and says what is wrong)."""
    try:
        record = yaml.safe_load(portal.read_text(encoding="utf-8")) or {}
        declared = [str(x["code"]) for x in record.get("languages") or [] if isinstance(x, dict)]
        default = str(record.get("default_language") or "fr")
    except (OSError, yaml.YAMLError, KeyError, AttributeError):
        return [], "fr"
    return declared, default


def write_config(base: Path, territories: list[str], languages: list[str]) -> Path:
    """A copy of the portal's MkDocs configuration limited to some territories and languages."""
    folder = base.resolve().parent / FOLDER
    return configs.derive(base, folder, folder / "site", {
        "territories": territories, "languages": languages, "leaflets": False}, languages)

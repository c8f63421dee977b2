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

FOLDER = Path(".cache") / "voisinage" / "preview"


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "preview", help="preview one territory in a few languages, rebuilt in seconds",
        description="Serve a live preview of one territory (its pages, themes and services) in the "
        "default language and the languages given, rebuilt on every save. Leaflets are not made.",
        epilog="Example: voisinage preview --territory ris-orangis --lang ar",
    )
    parser.add_argument("--territory", required=True, action="append",
                        help="territory to preview (file name in content/territories); repeatable")
    parser.add_argument("--lang", default="", help="languages besides the default, e.g. ar,ta")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="the portal's MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    parser.add_argument("--build", action="store_true",
                        help="build the preview once into .cache/voisinage/preview/site, no server")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.config.exists():
        print(f"voisinage: no {args.config} here — run from the portal's folder", file=sys.stderr)
        return 1
    languages = [code.strip() for code in args.lang.split(",") if code.strip()]
    config_file = write_config(args.config, args.territory, languages)
    command = [sys.executable, "-m", "mkdocs", "build" if args.build else "serve", "-f",
               str(config_file)]
    if not args.build:
        command += ["--dev-addr", args.dev_addr]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call(command, env=env)


def write_config(base: Path, territories: list[str], languages: list[str]) -> Path:
    """A copy of the portal's MkDocs configuration limited to some territories and languages."""
    root = base.resolve().parent
    with base.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_Loader)
    folder = root / FOLDER
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    config["docs_dir"] = str(folder / "pages")
    config["site_dir"] = str(folder / "site")
    theme = config.get("theme") or {}
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(root / theme["custom_dir"])
    plugins = []
    for item in config.get("plugins", []):
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        options = dict(options or {})
        if name == "voisinage":
            options["content"] = str(root / options.get("content", "content"))
            options.update(territories=territories, languages=languages, leaflets=False)
        elif name == "i18n":
            options["languages"] = [
                lang for lang in options.get("languages", [])
                if lang.get("default") or lang.get("locale") in languages
            ]
        plugins.append({name: options})
    config["plugins"] = plugins
    target = folder / "mkdocs.yml"
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping MkDocs' own tags (!ENV, !relative) as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_scalar(node)
                              if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node))

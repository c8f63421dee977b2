"""A copy of the portal's mkdocs.yml for a partial build: a preview, a shard.

Such a build needs its own `docs_dir` (its page stubs differ from the full build's) and `site_dir`,
paths made absolute (the copy lives elsewhere), and other options for the voisinage plugin and for
mkdocs-static-i18n's languages. Written as YAML; MkDocs is not imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def derive(base: Path, folder: Path, site_dir: Path, voisinage: dict[str, Any],
           languages: list[str] | None = None) -> Path:
    """Write folder/mkdocs.yml: `base` with stubs in folder/pages, pages in `site_dir`, the
    voisinage plugin's options updated with `voisinage`, and only the default language and
    `languages` when given. Returns the file written."""
    root = base.resolve().parent
    with base.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_Loader)
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    config["docs_dir"] = str(folder.resolve() / "pages")
    config["site_dir"] = str(site_dir.resolve())
    theme = config.get("theme") or {}
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(root / theme["custom_dir"])
    if config.get("hooks"):
        config["hooks"] = [str(root / hook) for hook in config["hooks"]]
    plugins = []
    for item in config.get("plugins", []):
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        options = dict(options or {})
        if name == "voisinage":
            options["content"] = str(root / options.get("content", "content"))
            options.setdefault("cache_dir", str(root / ".cache" / "voisinage"))
            options.update(voisinage)
        elif name == "i18n" and languages is not None:
            options["languages"] = [
                lang for lang in options.get("languages", [])
                if lang.get("default") or lang.get("locale") in languages
            ]
        plugins.append({name: options})
    config["plugins"] = plugins
    target = folder / "mkdocs.yml"
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def content_of(base: Path) -> Path:
    """The records' folder of the portal that `base` (its mkdocs.yml) builds."""
    with base.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_Loader)
    for item in config.get("plugins", []):
        if isinstance(item, dict) and "voisinage" in item:
            return base.resolve().parent / (item["voisinage"] or {}).get("content", "content")
    return base.resolve().parent / "content"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping MkDocs' own tags (!ENV, !relative) as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_scalar(node)
                              if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node))

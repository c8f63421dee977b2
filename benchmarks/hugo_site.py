"""The benchmark's plain pages as a Hugo site, to time Hugo on the same pages as plain MkDocs.

`write_plain_site` writes `page.<lang>.md` files for MkDocs (suffix structure). Hugo reads the
same names as translations of one page; only a folder's `index.<lang>.md` becomes Hugo's
`_index.<lang>.md` (a section's own page), and the first `# heading` gives the front matter's
title. The layouts in benchmarks/hugo/layouts/ draw what Material draws on every page: a header
with the site name and a language switcher to the page's translations, the same navigation as
the plain MkDocs site's `nav:`, the table of contents, the page, a footer; each language gets a
search index of every page's text (as Material's search plugin writes one), and Hugo writes its
sitemaps. Material's CSS and JavaScript are copied as static files, as MkDocs copies them.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

LAYOUTS = Path(__file__).resolve().parent / "hugo" / "layouts"
_TITLE = re.compile(r"^# (.+)$", re.M)


def write_hugo_site(plain: Path, root: Path, languages: tuple[str, ...], names: dict[str, str],
                    nav: list[str], site_url: str, material_assets: Path | None) -> int:
    """Write root/content (from plain/pages), root/hugo.json and the layouts; returns the number
    of pages written."""
    content = root / "content"
    shutil.rmtree(root, ignore_errors=True)
    written = 0
    for source in sorted((plain / "pages").rglob("*.md")):
        rel = source.relative_to(plain / "pages")
        name = rel.name
        if name.startswith("index."):
            name = "_" + name
        text = source.read_text(encoding="utf-8")
        found = _TITLE.search(text)
        title = found.group(1) if found else rel.stem
        target = content / rel.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("---\n" + yaml.safe_dump({"title": title}, allow_unicode=True)
                          + "---\n" + text, encoding="utf-8")
        written += 1
    shutil.copytree(LAYOUTS, root / "layouts")
    menu = [item.removesuffix(".md").removesuffix("index").rstrip("/") for item in nav]
    config = {
        "baseURL": site_url, "title": "Voisinage", "defaultContentLanguage": languages[0],
        "defaultContentLanguageInSubdir": False, "disableKinds": ["taxonomy", "term", "RSS"],
        "enableRobotsTXT": False, "params": {"nav": ["/" + item for item in menu]},
        "languages": {lang: {"weight": i + 1, "languageName": names[lang],
                             "languageDirection": "rtl" if lang == "ar" else "ltr"}
                      for i, lang in enumerate(languages)},
        "outputs": {"home": ["HTML", "JSON"]},
        "markup": {"tableOfContents": {"startLevel": 2, "endLevel": 3}},
    }
    if material_assets is not None:
        config["module"] = {"mounts": [{"source": str(material_assets), "target": "static/assets"},
                                       {"source": "static", "target": "static"}]}
    (root / "hugo.json").write_text(json.dumps(config, ensure_ascii=False, indent=1), "utf-8")
    return written

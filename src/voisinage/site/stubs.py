"""Write one small stub file per page and language, so that any front end's i18n sees them.

Only files whose content changed are rewritten (a front end watching the folder would otherwise
rebuild everything), and stubs of pages that no longer exist are removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .pages import Page

MARKER = "voisinage: generated"
_DUMPER: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: the same text, faster


def front_matter(page: Page) -> dict[str, Any]:
    """What a page's stub says: all of it (the stub has no body, the page comes from the
    records). A front end may take it from here rather than read the stub back."""
    return {"title": page.title, "voisinage": "/".join(page.key), "hide": ["toc"]}


def stub(page: Page) -> str:
    text = yaml.dump(front_matter(page), Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return "---\n" + text + "---\n"


def write_stubs(pages: list[Page], docs_dir: Path) -> int:
    """Write stubs under docs_dir; returns how many files changed."""
    wanted: dict[Path, str] = {docs_dir / page.src: stub(page) for page in pages}
    for folder in {target.parent for target in wanted}:
        folder.mkdir(parents=True, exist_ok=True)
    changed = sum(_write_if_changed(item) for item in wanted.items())
    for old in docs_dir.rglob("*.md"):
        if old not in wanted and not old.is_symlink() and _is_stub(old):
            old.unlink()
            changed += 1
    return changed


def _write_if_changed(item: tuple[Path, str]) -> bool:
    target, text = item
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True


def strays(docs_dir: Path) -> list[Path]:
    """Files of docs_dir that voisinage did not write. The front end would publish them as they
    are, so a pull request could add a page or a script there (`git add -f`) past every check of
    the records: the build refuses them (docs/security.md)."""
    ignore = docs_dir / ".gitignore"
    return [path for path in sorted(docs_dir.rglob("*")) if path.is_symlink()
            or (path.is_file() and path != ignore and not _is_stub(path))]


def _is_stub(path: Path) -> bool:
    if path.suffix != ".md" or path.stat().st_size > 4096:
        return False
    return "\nvoisinage: " in path.read_text(encoding="utf-8", errors="replace")

"""Sharded builds of a large portal: shards of territories built in parallel, then one site.

A shard is an ordinary build limited to some territories (`voisinage build --territory …`);
exactly one shard also makes the portal-wide pages (home, themes, glossary, open data, short
addresses). Every shard still loads and checks every record, so that each knows all territories
and a wrong record fails every shard alike. What only the whole site can finish — the search
indexes per language and territory, the sitemaps — is left for `assemble`, with a manifest saying
what the shard holds and from which records, so that shards that do not fit together are refused
instead of published.
"""

from __future__ import annotations

import filecmp
import gzip
import hashlib
import json
import os
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...records.loading import Catalogue
from . import search

MANIFEST = ".voisinage-shard.json"
RAW_INDEX = ".voisinage-shard-search.json"  # MkDocs' search index of the shard's pages, unsplit
_SITEMAP = "sitemap.xml"
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


class AssemblyError(Exception):
    """Shards that cannot make one site; the message lists every reason and what to do."""


@dataclass(frozen=True)
class Shard:
    site: Path
    records: str  # digest of every record the shard was built from
    territories: list[str]
    all_territories: list[str]
    portal_pages: bool
    languages: list[str]
    default: str
    missions: dict[str, str]  # mission id → territory, for the search indexes
    editions: str = ""  # digest of the leaflet editions (model.editions): QR codes and go/ pages

    @property
    def name(self) -> str:
        return self.site.name


def records_digest(content: Path) -> str:
    """One digest of every record file: shards built from other records must not be mixed."""
    digest = hashlib.sha256()
    for path in sorted(content.rglob("*.y*ml")):
        digest.update(path.relative_to(content).as_posix().encode() + b"\0")
        # a link is never followed: the loader refuses it (docs/security.md)
        data = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def keep_for_assembly(site_dir: Path, *, records: str, territories: list[str],
                      all_territories: list[str], portal_pages: bool, languages: list[str],
                      default: str, missions: dict[str, str], editions: str = "") -> None:
    """Set aside the shard's unsplit search index and write its manifest."""
    index = site_dir / "search" / "search_index.json"
    if index.exists():
        index.replace(site_dir / RAW_INDEX)
    manifest = {"format": 1, "records": records, "territories": territories,
                "all_territories": all_territories, "portal_pages": portal_pages,
                "languages": languages, "default": default, "missions": missions,
                "editions": editions}
    (site_dir / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), "utf-8")


def plan(catalogue: Catalogue, count: int) -> list[list[str]]:
    """Territories in `count` groups of about as many pages (largest first into the lightest
    group), each group in the portal's order. The first group also makes the portal-wide pages
    (a page per theme, the glossary), so it starts with their weight."""
    count = max(1, min(count, len(catalogue.territories)))
    weight = {t: len(catalogue.services.get(t, {})) + 1 for t in catalogue.territories}
    loads = [len(catalogue.portal.record.themes) + 1] + [0] * (count - 1)
    groups: list[list[str]] = [[] for _ in range(count)]
    for tid in sorted(weight, key=lambda t: -weight[t]):
        lightest = min(range(count), key=lambda i: (loads[i], i))
        groups[lightest].append(tid)
        loads[lightest] += weight[tid]
    order = list(catalogue.territories)
    return [sorted(group, key=order.index) for group in groups if group]


def read(site: Path) -> Shard:
    manifest = site / MANIFEST
    if not manifest.is_file():
        raise AssemblyError(f"{site}: not a shard of voisinage (no {MANIFEST}) — build it with "
                            "`voisinage build --territory … --site-dir DIR`")
    data: dict[str, Any] = json.loads(manifest.read_text(encoding="utf-8"))
    return Shard(site, data["records"], data["territories"], data["all_territories"],
                 data["portal_pages"], data["languages"], data["default"], data["missions"],
                 data.get("editions", ""))


def problems_of(shards: list[Shard]) -> list[str]:
    """Why these shards do not make one whole site, every reason at once."""
    found: list[str] = []
    first = shards[0]
    for shard in shards[1:]:
        if shard.records != first.records:
            found.append(f"{shard.name} was built from other records than {first.name} "
                         f"({shard.records[:12]} ≠ {first.records[:12]}) — build every shard "
                         "from the same commit")
        elif shard.editions != first.editions:
            found.append(f"{shard.name} counts other leaflet editions than {first.name} (the git "
                         "history differs) — build every shard from the same commit, with the "
                         "whole history (fetch-depth: 0)")
        if (shard.languages, shard.default) != (first.languages, first.default):
            found.append(f"{shard.name} has the languages {', '.join(shard.languages)}, "
                         f"{first.name} {', '.join(first.languages)} — build every shard with "
                         "the same mkdocs.yml")
    portal = [s.name for s in shards if s.portal_pages]
    if not portal:
        found.append("no shard has the portal-wide pages (home, themes, glossary, open data) — "
                     "build one shard without --no-portal-pages")
    elif len(portal) > 1:
        found.append(f"{len(portal)} shards have the portal-wide pages ({', '.join(portal)}) — "
                     "build them in one shard only, the others with --no-portal-pages")
    where: dict[str, list[str]] = {}
    for shard in shards:
        for tid in shard.territories:
            where.setdefault(tid, []).append(shard.name)
    for tid, names in where.items():
        if len(names) > 1:
            found.append(f"territory {tid} is in {len(names)} shards ({', '.join(names)}) — "
                         "give each territory to one shard")
    missing = [t for t in first.all_territories if t not in where]
    if missing:
        found.append(f"no shard has the territories {', '.join(missing)} — add them to a shard "
                     "(`voisinage shards N` lists a plan that covers them all)")
    return found


@dataclass(frozen=True)
class Assembled:
    files: int
    pages: int
    search_indexes: int


def assemble(sites: list[Path], out: Path) -> Assembled:
    """One site in `out` from the shards' sites, or AssemblyError and `out` left as it was."""
    shards = [read(site) for site in sites]
    found = problems_of(shards) if shards else ["no shard given"]
    if found:
        raise AssemblyError("\n".join(found))
    shards.sort(key=lambda s: not s.portal_pages)  # the portal shard first
    work = out.parent / f".{out.name}.assembling"
    shutil.rmtree(work, ignore_errors=True)
    try:
        files, pages = _copy(shards, work)
        _merge_sitemaps(shards, work)
        indexes = _merge_search(shards, work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    shutil.rmtree(out, ignore_errors=True)
    work.rename(out)
    return Assembled(files, pages, indexes)


def _copy(shards: list[Shard], work: Path) -> tuple[int, int]:
    """Every file of every shard; a file two shards both have must be the same."""
    owner: dict[Path, Shard] = {}
    clashes: list[str] = []
    for shard in shards:
        for path in sorted(shard.site.rglob("*")):
            rel = path.relative_to(shard.site)
            if path.is_dir() or rel.as_posix() in (MANIFEST, RAW_INDEX) or _is_sitemap(rel):
                continue
            target = work / rel
            if rel in owner:
                if not filecmp.cmp(path, target, shallow=False):
                    clashes.append(f"{rel.as_posix()} differs between {owner[rel].name} and "
                                   f"{shard.name}")
                continue
            owner[rel] = shard
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    if clashes:
        more = f"\n… and {len(clashes) - 10} more" if len(clashes) > 10 else ""
        raise AssemblyError("\n".join(clashes[:10]) + more + "\nShards must be built from the "
                            "same commit, mkdocs.yml and theme overrides; rebuild them.")
    return len(owner), sum(1 for rel in owner if rel.name == "index.html")


def _is_sitemap(rel: Path) -> bool:
    return rel.name in (_SITEMAP, _SITEMAP + ".gz")


def _merge_sitemaps(shards: list[Shard], work: Path) -> None:
    """Each sitemap.xml (one per language root) lists the pages of every shard."""
    ET.register_namespace("", _SITEMAP_NS)
    ET.register_namespace("xhtml", "http://www.w3.org/1999/xhtml")  # hreflang alternates
    merged: dict[Path, tuple[ET.ElementTree[ET.Element], set[str]]] = {}
    for shard in shards:
        for path in sorted(shard.site.rglob(_SITEMAP)):
            rel = path.relative_to(shard.site)
            tree = ET.parse(path)
            if rel not in merged:
                merged[rel] = (tree, {_loc(u) for u in tree.getroot()})
                continue
            into, seen = merged[rel]
            for url in tree.getroot():
                if _loc(url) not in seen:
                    seen.add(_loc(url))
                    into.getroot().append(url)
    for rel, (tree, _) in merged.items():
        target = work / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tree.write(target, encoding="utf-8", xml_declaration=True)
        if any((s.site / rel).with_name(_SITEMAP + ".gz").exists() for s in shards):
            target.with_name(_SITEMAP + ".gz").write_bytes(gzip.compress(target.read_bytes(),
                                                                         mtime=0))


def _loc(url: ET.Element) -> str:
    return url.findtext(f"{{{_SITEMAP_NS}}}loc") or ""


def _merge_search(shards: list[Shard], work: Path) -> int:
    """The shards' unsplit indexes as one, then split per language and territory as a whole
    build would."""
    docs: list[Any] = []
    seen: set[str] = set()  # pages already indexed by an earlier shard: every shard has the homes
    config: dict[str, Any] | None = None
    for shard in shards:
        raw = shard.site / RAW_INDEX
        if raw.exists():
            index = json.loads(raw.read_text(encoding="utf-8"))
            config = config or index["config"]
            pages = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
            docs += [doc for doc in index["docs"] if doc["location"].split("#", 1)[0] not in seen]
            seen |= pages
    if config is None:
        return 0
    target = work / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False), "utf-8")
    first = shards[0]
    return search.split(work, first.languages, first.default, first.all_territories,
                        first.missions)

"""`mkdocs build` on every core: the languages shared between processes, one site at the end.

mkdocs-static-i18n builds the default language, then each other language in turn, in one process
(one core). With `jobs: N` the plugin splits the languages into N shares in build order (fr, en,
ar, … dealt in turn: share 1 has fr, ar, ta, ro; share 2 en, zh, tr, bn). The `mkdocs build`
that was started builds share 1 itself and starts one `mkdocs build` per other share, each with a
copy of mkdocs.yml (configs.py) that reads the same page stubs and writes into a folder of its
own. Each process builds its languages exactly as the one-process build does (same MkDocs
configuration, every language still known for the language switcher and alternates), so that
every page is the same byte for byte. What each language build rewrites for the whole site is
put together as the last build of a one-process build leaves it:

- `sitemap.xml` (static-i18n's template lists the languages built so far): each language's
  `<url>` entries, in build order, text for text; `sitemap.xml.gz` compressed the same way;
- `404.html`: the one of the share that built the last language, as in one process;
- the search index of every page (Material's, before voisinage cuts it per territory): every
  share's entries.

Any other file two shares both write (the theme's assets) must be the same, or the build stops.
"""

from __future__ import annotations

import filecmp
import gzip
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import configs

log = logging.getLogger("mkdocs.plugins.voisinage")

ENV_JOBS = "VOISINAGE_JOBS"
"""Overrides the plugin's `jobs` option (e.g. `VOISINAGE_JOBS=1 mkdocs build` in CI)."""

_SITEMAP = "sitemap.xml"
_RAW_INDEX = Path("search") / "search_index.json"
_NOT_FOR_PARENT = ("Documentation built in", "Building documentation to directory")


class PoolError(Exception):
    """A share's build failed, or the shares do not make one site; the message says which."""


def jobs_wanted(option: int) -> int:
    """Processes to use: VOISINAGE_JOBS, else the option, 0 meaning one per core."""
    value = os.environ.get(ENV_JOBS, "").strip()
    if value:
        try:
            option = int(value)
        except ValueError:
            raise PoolError(f"{ENV_JOBS}={value!r}: expected a whole number of processes, e.g. "
                            f"{ENV_JOBS}=1 to build in one process") from None
    if option > 0:
        return option
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def shares(order: list[str], count: int) -> list[list[str]]:
    """Languages in build order dealt into `count` shares; the first share starts with the
    default language (the first of `order`), each share keeps build order."""
    count = max(1, min(count, len(order)))
    return [order[i::count] for i in range(count)]


@dataclass
class Worker:
    """One `mkdocs build` of a share of the languages, in its own folder."""

    languages: list[str]
    folder: Path
    process: subprocess.Popen[str]
    started: float
    lines: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None
    seconds: float = 0.0

    @property
    def site(self) -> Path:
        return self.folder / "site"


def start(config_file: Path, docs_dir: Path, folder: Path, share: list[str],
          options: dict[str, Any], strict: bool) -> Worker:
    """Start the build of one share: a copy of mkdocs.yml reading the same stubs (docs_dir)."""
    shutil.rmtree(folder / "site", ignore_errors=True)
    derived = configs.derive(config_file, folder, folder / "site",
                             {**options, "share": share, "jobs": 1, "leaflets": False},
                             docs_dir=docs_dir)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(derived)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", ENV_JOBS: "1"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, encoding="utf-8", errors="replace")
    worker = Worker(share, folder, process, time.perf_counter())
    worker.reader = threading.Thread(target=_relay, args=(worker,), daemon=True)
    worker.reader.start()
    return worker


def _relay(worker: Worker) -> None:
    """Pass the share's log lines on as the parent's own: warnings count for --strict there."""
    name = ", ".join(worker.languages)
    assert worker.process.stdout is not None
    for line in worker.process.stdout:
        line = line.rstrip("\n")
        worker.lines.append(line)
        level, _, text = line.partition(" -  ")
        level = level.strip()
        if not text or any(text.startswith(skip) for skip in _NOT_FOR_PARENT):
            continue
        if level == "WARNING":
            log.warning("[%s] %s", name, text)
        elif level == "ERROR":
            log.error("[%s] %s", name, text)
        elif level == "INFO" and "Building '" in text:  # static-i18n's line per language
            log.info("voisinage [%s]: %s", name, text.split(": ", 1)[-1].split(" documentation")[0])


def wait(workers: list[Worker]) -> None:
    """Wait for every share; PoolError naming each one that failed, with its last lines."""
    failed = []
    for worker in workers:
        code = worker.process.wait()
        if worker.reader is not None:
            worker.reader.join()
        worker.seconds = time.perf_counter() - worker.started
        if code != 0:
            tail = "\n".join(worker.lines[-15:])
            failed.append(f"the build of {', '.join(worker.languages)} stopped (exit status "
                          f"{code}); its last lines:\n{tail}")
        else:
            log.info("voisinage: %s built in %.1f s by another process",
                     ", ".join(worker.languages), worker.seconds)
    if failed:
        raise PoolError("\n".join(failed))


def stop(workers: list[Worker]) -> None:
    """End the shares' builds (the parent's own build failed)."""
    for worker in workers:
        if worker.process.poll() is None:
            worker.process.terminate()
    for worker in workers:
        try:
            worker.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.process.kill()


@contextmanager
def languages_in_turn(i18n: Any) -> Iterator[None]:
    """What mkdocs-static-i18n does around its own language builds: the site folder is not
    emptied before each, and MkDocs' per-build lines are not printed again."""
    from mkdocs import utils

    class _Quiet(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return not record.getMessage().startswith(_NOT_FOR_PARENT)

    clean, quiet = utils.clean_directory, _Quiet()
    builder_log = logging.getLogger("mkdocs.commands.build")
    utils.clean_directory = lambda path: path  # type: ignore[assignment]
    builder_log.addFilter(quiet)
    try:
        yield
    finally:
        utils.clean_directory = clean
        builder_log.removeFilter(quiet)


def build_share(config: Any, i18n: Any, share: list[str], build: Callable[[Any], None]) -> None:
    """The share's languages after the first (built by the `mkdocs build` itself), each as
    static-i18n's loop builds them, then the share's search index as static-i18n writes it."""
    with languages_in_turn(i18n):
        for language in share[1:]:
            i18n.current_language = language
            build(config)
    i18n.reconfigure_search_index(config)


def merge(site: Path, workers: list[Worker], order: list[str]) -> None:
    """Move every share's files into `site` (the parent's share) as one site."""
    last = order[-1]
    sites = [site] + [w.site for w in workers]
    holder = next((s for s, langs in zip(sites, _langs(order, workers), strict=True)
                   if last in langs), site)
    _merge_sitemap(site, sites, holder, order)
    _merge_index(site, sites, order)
    problems = []
    for worker in workers:
        for path in sorted(worker.site.rglob("*")):
            if path.is_dir():
                continue
            rel = path.relative_to(worker.site)
            target = site / rel
            if rel.as_posix() in (_SITEMAP, _SITEMAP + ".gz", _RAW_INDEX.as_posix()):
                continue
            if rel.as_posix() == "404.html":
                if worker.site == holder:
                    shutil.move(path, target)
                continue
            if target.exists():
                if not filecmp.cmp(path, target, shallow=False):
                    problems.append(rel.as_posix())
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)
        shutil.rmtree(worker.site, ignore_errors=True)
    if problems:
        raise PoolError("the language builds wrote different versions of "
                        + ", ".join(problems[:10]) + (" …" if len(problems) > 10 else "")
                        + " — build with `jobs: 1` (or VOISINAGE_JOBS=1) and report it")


def _langs(order: list[str], workers: list[Worker]) -> list[list[str]]:
    theirs = {lang for w in workers for lang in w.languages}
    return [[lang for lang in order if lang not in theirs]] + [w.languages for w in workers]


_URL = re.compile(r"\s*<url>.*?</url>", re.S)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.S)
_ALTERNATE = re.compile(r'hreflang="([^"]*)" href="([^"]*)"')


def _merge_sitemap(site: Path, sites: list[Path], holder: Path, order: list[str]) -> None:
    """static-i18n's sitemap lists, language by language in build order, the pages of every
    language built so far: each share's file has its own languages' entries."""
    texts = [(s / _SITEMAP).read_text(encoding="utf-8") for s in sites if (s / _SITEMAP).exists()]
    if not texts:
        return
    by_language: dict[str, list[str]] = {}
    head = tail = None
    for text in texts:
        entries = list(_URL.finditer(text))
        if not entries:
            continue
        head, tail = text[:entries[0].start()], text[entries[-1].end():]
        for entry in entries:
            by_language.setdefault(_language_of(entry.group(0)), []).append(entry.group(0))
    if head is None or tail is None:
        return
    unknown = sorted(set(by_language) - set(order))
    if unknown:
        raise PoolError(f"{_SITEMAP}: entries of no language being built ({', '.join(unknown)})")
    merged = head + "".join(e for lang in order for e in by_language.get(lang, [])) + tail
    target = site / _SITEMAP
    target.write_text(merged, encoding="utf-8")
    compressed = holder / (_SITEMAP + ".gz")
    if compressed.exists():  # as MkDocs writes it: its name and date in the header
        mtime = int.from_bytes(compressed.read_bytes()[4:8], "little")
        output = str(site / (_SITEMAP + ".gz"))
        with open(output, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=output, mode="wb",
                                                      mtime=mtime) as zipped:
            zipped.write(merged.encode("utf-8"))


def _language_of(entry: str) -> str:
    """An entry is its language's page: the alternate that points at the entry's own address."""
    loc = _LOC.search(entry)
    own = loc.group(1).strip() if loc else ""
    for lang, href in _ALTERNATE.findall(entry):
        if href == own:
            return lang
    raise PoolError(f"{_SITEMAP}: cannot tell the language of the entry for {own}")


def _merge_index(site: Path, sites: list[Path], order: list[str]) -> None:
    """Every share's search entries in one index, language by language in build order as in
    one process, with the first share's settings; written as Material writes it."""
    target = site / _RAW_INDEX
    indexes = [json.loads((s / _RAW_INDEX).read_text(encoding="utf-8")) for s in sites
               if (s / _RAW_INDEX).exists()]
    if len(indexes) < 2:
        return
    rank = {lang: i for i, lang in enumerate(order)}

    def language(doc: dict[str, Any]) -> int:
        first = doc["location"].split("/", 1)[0]
        return rank.get(first, 0) if first != order[0] else 0

    docs = sorted((d for i in indexes for d in i["docs"]), key=language)
    target.write_text(json.dumps({"config": indexes[0]["config"], "docs": docs},
                                 separators=(",", ":"), default=str), encoding="utf-8")

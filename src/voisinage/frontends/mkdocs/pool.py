"""`mkdocs build` on every core: the languages shared between processes, one site at the end.

mkdocs-static-i18n builds the default language, then each other language in turn, in one process
(one core). With `jobs: N` the plugin splits the languages into N shares in build order (on 2
cores: fr, ar, ta, ro in share 1, which also loads the records and puts the site together; en,
zh, tr, bn in share 2). Once the records are
loaded and checked, the `mkdocs build` that was started forks one process per other share (which
so inherits the records and the page model, and loads nothing again); each runs a whole `mkdocs
build` of the same mkdocs.yml into a folder of its own, reading the same page stubs, and the
first process builds share 1 meanwhile. Each process builds its languages exactly as the
one-process build does (same configuration, every language still known for the language switcher
and alternates), so that every page is the same byte for byte. What each language build rewrites
for the whole site is put together as the last build of a one-process build leaves it:

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
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...messages import _

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
            raise PoolError(_("{variable}={value}: expected a whole number of processes, e.g. "
                              "{variable}=1 to build in one process", variable=ENV_JOBS,
                              value=repr(value))) from None
    if option > 0:
        return option
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def shares(order: list[str], count: int) -> list[list[str]]:
    """Languages in build order dealt into `count` shares, each in build order. The first share,
    built by the process that also puts the site together, starts with the default language (the
    first of `order`) and has the smaller part of an uneven split (the records are loaded before
    the other processes start, so only the putting together is its own); the others are dealt in
    turn to the other shares."""
    count = max(1, min(count, len(order)))
    if count == 1:
        return [list(order)]
    own = max(1, len(order) // count)
    first = order[::count][:own]
    rest = [lang for lang in order if lang not in first]
    return [first] + [part for part in (rest[i::count - 1] for i in range(count - 1)) if part]


@dataclass
class Worker:
    """One process building a share of the languages into a folder of its own."""

    languages: list[str]
    folder: Path
    pid: int
    started: float
    seconds: float = 0.0

    @property
    def site(self) -> Path:
        return self.folder / "site"


def available() -> bool:
    """Shares are built by forked processes, which inherit the loaded records and page model
    (Linux; elsewhere the build uses one process)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def start(config_file: str, folder: Path, share: list[str], prepared: Any, strict: bool,
          run: Callable[[str, Path, list[str], Any, bool], None], shown: Path) -> Worker:
    """Fork a process that runs `run(config_file, site, share, prepared, strict)`: a whole
    `mkdocs build` of the share into folder/site, with the records and pages already prepared
    by this one (nothing is loaded or checked again). Its lines name `shown` as the site."""
    site = folder / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return Worker(share, folder, pid, time.perf_counter())
    code = 1
    try:  # the forked process: never return into the caller's build
        _label(share, str(site), str(shown))
        run(config_file, site, share, prepared, strict)
        code = 0
    except Exception as error:
        log.error("%s", error)
    except BaseException:
        traceback.print_exc()
    finally:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _label(share: list[str], site: str, shown: str) -> None:
    """Mark this process's log lines with its languages, naming the site being put together;
    leave out MkDocs' per-build lines."""
    name = ", ".join(share)

    class _Labelled(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            text = record.getMessage()
            if text.startswith(_NOT_FOR_PARENT + ("Cleaning site directory",)):
                return False
            record.msg, record.args = f"[{name}] {text.replace(site, shown)}", ()
            return True

    for handler in logging.getLogger("mkdocs").handlers:
        handler.addFilter(_Labelled())


def wait(workers: list[Worker]) -> None:
    """Wait for every share; PoolError naming each one that failed."""
    failed = []
    for worker in workers:
        _pid, status, usage = os.wait4(worker.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        worker.seconds = time.perf_counter() - worker.started
        cpu = usage.ru_utime + usage.ru_stime
        if code != 0:
            failed.append(f"the build of {', '.join(worker.languages)} stopped (exit status "
                          f"{code}): see its lines above, marked [{', '.join(worker.languages)}]")
        else:
            log.info("voisinage: %s built in %.1f s (CPU %.1f s) by another process",
                     ", ".join(worker.languages), worker.seconds, cpu)
    if failed:
        raise PoolError("\n".join(failed))


def stop(workers: list[Worker]) -> None:
    """End the shares' builds (this process's own build failed)."""
    for worker in workers:
        try:
            os.kill(worker.pid, signal.SIGTERM)
            os.wait4(worker.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


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


def merge(site: Path, workers: list[Worker], order: list[str],
          write_index: bool = True) -> dict[str, Any] | None:
    """Move every share's files into `site` (the parent's share) as one site. Returns Material's
    search index of every share's pages, also written in place of the first share's when
    `write_index`."""
    last = order[-1]
    sites = [site] + [w.site for w in workers]
    holder = next((s for s, langs in zip(sites, _langs(order, workers), strict=True)
                   if last in langs), site)
    _merge_sitemap(site, sites, holder, order)
    index = _merge_index(site, sites, order, write_index)
    problems: list[str] = []
    for worker in workers:
        _move_into(worker.site, site, worker.site, worker.site == holder, problems)
        shutil.rmtree(worker.site, ignore_errors=True)
    if problems:
        raise PoolError("the language builds wrote different versions of "
                        + ", ".join(problems[:10]) + (" …" if len(problems) > 10 else "")
                        + " — build with `jobs: 1` (or VOISINAGE_JOBS=1) and report it")
    return index


def _move_into(folder: Path, site: Path, share_site: Path, holds_404: bool,
               problems: list[str]) -> None:
    """Move a share's folder into the site: a folder the site lacks (a language's) in one
    rename, a file the site has already (the theme's) compared with it, byte for byte."""
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(share_site)
        target = site / rel
        if path.is_dir() and not path.is_symlink():
            if not target.exists():
                shutil.move(path, target)
            else:
                _move_into(path, site, share_site, holds_404, problems)
            continue
        if rel.as_posix() in (_SITEMAP, _SITEMAP + ".gz", _RAW_INDEX.as_posix()):
            continue
        if rel.as_posix() == "404.html":
            if holds_404:
                shutil.move(path, target)
            continue
        if target.exists():
            if not filecmp.cmp(path, target, shallow=False):
                problems.append(rel.as_posix())
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)


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


def _merge_index(site: Path, sites: list[Path], order: list[str],
                 write: bool) -> dict[str, Any] | None:
    """Every share's search entries in one index, language by language in build order as in
    one process, with the first share's settings; written as Material writes it if `write`."""
    target = site / _RAW_INDEX
    indexes = [json.loads((s / _RAW_INDEX).read_text(encoding="utf-8")) for s in sites
               if (s / _RAW_INDEX).exists()]
    if not indexes:
        return None
    rank = {lang: i for i, lang in enumerate(order)}

    def language(doc: dict[str, Any]) -> int:
        first = doc["location"].split("/", 1)[0]
        return rank.get(first, 0) if first != order[0] else 0

    merged = {"config": indexes[0]["config"],
              "docs": sorted((d for i in indexes for d in i["docs"]), key=language)}
    if write:
        target.write_text(json.dumps(merged, separators=(",", ":"), default=str), "utf-8")
    return merged

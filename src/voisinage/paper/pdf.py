"""Leaflet data → PDF with Typst: only when the input changed, in parallel, and never cut.

A document is a Typst template (`templates/leaflets/*.typ`) and the JSON data of one leaflet
(`leaflet_data.data_of`). Its PDF is cached under a SHA-256 of the data, the template sources and
the engine's version, so an unchanged leaflet is copied, not rendered, and a one-line edit renders
only the leaflets that show that line. When many are due they render in a pool of processes, one
per core; each process keeps one `typst.Compiler`, so fonts are read once per process.

A leaflet that does not fit its page is refused: its template stops the compilation with
"voisinage-overflow:<field>", naming the record field (a `mark` of the template) that made it too
long, so that the caller can point at the record. That verdict is cached too (`<digest>.overflow`),
so an unchanged build does not lay the page out again.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from . import qrcodes

ENGINE = (f"typst {version('typst')}; segno {version('segno')} {qrcodes.ERROR_LEVEL} "
          f"{qrcodes.QUIET_ZONE}; voisinage leaflets 2")
TEMPLATE_DIR = Path(__file__).with_name("templates") / "leaflets"
FONT_PATHS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto")
"""Noto from Debian (fonts-noto-core, fonts-noto-cjk). VOISINAGE_FONT_PATHS (separated by the
system's path separator) names other folders; without any of them, the system's fonts."""
POOL_FROM = 12
"""Fewer documents than this render in this process: starting workers would cost more."""
_OVERFLOW = re.compile(r"voisinage-overflow:([\w.:-]*)")


@dataclass(frozen=True)
class Document:
    """What a PDF is made of: the main template, the leaflet's data (JSON), the most pages it may
    take (None: as many as it needs, like a guide) and the address its QR code holds. The code
    is encoded only when the document is rendered (in the worker: ~10 ms each); the cache key has
    the address and the encoder's version and settings."""

    template: str
    data: str
    pages: int | None = 1
    qr: str = ""


@lru_cache(maxsize=1)
def _templates_digest() -> str:
    sources = hashlib.sha256()
    for path in sorted(TEMPLATE_DIR.glob("*.typ")):
        sources.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return sources.hexdigest()


def digest(document: Document) -> str:
    """The cache key of a document: what it shows, the templates and the engine that draw it."""
    head = (f"{ENGINE}\n{_templates_digest()}\n{document.template}\n{document.pages}\n"
            f"{document.qr}\n")
    return hashlib.sha256(f"{head}{document.data}".encode()).hexdigest()


@dataclass(frozen=True)
class Rendered:
    overflow: str | None  # the field whose text made the leaflet too long; "" if unknown
    seconds: float


_compiler: tuple[int, Any] | None = None  # (process id, typst.Compiler) of this process


def compiler() -> Any:
    """This process's Typst compiler, created on first use: it reads the fonts once."""
    global _compiler
    if _compiler is None or _compiler[0] != os.getpid():
        import typst

        extra = [p for p in os.environ.get("VOISINAGE_FONT_PATHS", "").split(os.pathsep) if p]
        fonts = [p for p in (*extra, *FONT_PATHS) if Path(p).is_dir()]
        _compiler = (os.getpid(), typst.Compiler(root=str(TEMPLATE_DIR), font_paths=fonts,
                                                 ignore_system_fonts=bool(fonts)))
    return _compiler[1]


def render(document: Document, target: Path) -> Rendered:
    """Render `document` to the PDF `target`, unless it does not fit its pages: then nothing is
    written and the field to blame is named. A template error raises typst.TypstError."""
    import typst

    started = time.perf_counter()
    inputs = {"data": document.data, "pages": str(document.pages or 0)}
    if document.qr:
        modules = qrcodes.modules(document.qr)
        inputs.update(qr=str(qrcodes.qr_svg(document.qr)), **{
            "qr-modules": str(modules), "qr-symbol": str(modules - 2 * qrcodes.QUIET_ZONE)})
    try:
        pdf = compiler().compile(input=str(TEMPLATE_DIR / document.template), sys_inputs=inputs)
    except typst.TypstError as error:
        found = _OVERFLOW.search(str(error))
        if found is None:
            raise
        return Rendered(found.group(1), time.perf_counter() - started)
    partial = target.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(pdf)
    os.replace(partial, target)
    return Rendered(None, time.perf_counter() - started)


@dataclass
class Outcome:
    """What happened to each document of a batch, by the caller's name for it."""

    digests: dict[Any, str] = field(default_factory=dict)
    rendered: list[Any] = field(default_factory=list)
    reused: list[Any] = field(default_factory=list)
    overflows: dict[Any, str] = field(default_factory=dict)
    seconds: float = 0.0  # wall time of the batch
    render_seconds: dict[Any, float] = field(default_factory=dict)  # per document rendered


def render_all(documents: dict[Any, Document], cache: Path, *, workers: int | None = None,
               progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Make sure `cache/<digest>.pdf` exists for every document (name → Document), rendering
    those not cached, in parallel; the same document under two names renders once. A document
    that does not fit is not written: its name and field are in `overflows`, and the verdict is
    cached as `<digest>.overflow`."""
    started = time.perf_counter()
    cache.mkdir(parents=True, exist_ok=True)
    outcome = Outcome({name: digest(document) for name, document in documents.items()})
    todo: dict[str, Any] = {}
    for name, key in outcome.digests.items():
        verdict = cache / f"{key}.overflow"
        if (cache / f"{key}.pdf").exists():
            outcome.reused.append(name)
        elif verdict.exists():
            outcome.overflows[name] = verdict.read_text(encoding="utf-8")
            os.utime(verdict)  # still in use: kept by publish._prune
        else:
            todo.setdefault(key, name)
    total = len(todo)
    workers = min(workers or os.cpu_count() or 1, total)
    results: Iterator[tuple[str, Rendered]]
    if workers > 1 and total >= POOL_FROM:
        results = _in_pool(todo, documents, cache, workers)
    else:
        results = ((k, render(documents[n], cache / f"{k}.pdf")) for k, n in todo.items())
    for done, (key, result) in enumerate(results, start=1):
        if progress:
            progress(done, total)
        outcome.render_seconds[todo[key]] = result.seconds
        if result.overflow is not None:
            outcome.overflows[todo[key]] = result.overflow
            (cache / f"{key}.overflow").write_text(result.overflow, encoding="utf-8")
    for name, key in outcome.digests.items():
        first = todo.get(key)
        if first is None:
            continue
        if first in outcome.overflows:
            outcome.overflows[name] = outcome.overflows[first]
        elif first == name:
            outcome.rendered.append(name)
        else:  # the same document under another name: rendered once
            outcome.reused.append(name)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _render_batch(batch: list[tuple[str, Document, Path]]) -> list[tuple[str, Rendered]]:
    return [(key, render(document, target)) for key, document, target in batch]


def _in_pool(todo: dict[str, Any], documents: dict[Any, Document], cache: Path,
             workers: int) -> Iterator[tuple[str, Rendered]]:
    # fork is fastest and needs no importable __main__, but is unsafe when other threads run
    # (`mkdocs serve`) or once Typst has run here (its thread pool does not survive a fork):
    # then a fork server. Documents go in small batches: one task per leaflet costs more in
    # messages than a leaflet takes to lay out.
    methods = multiprocessing.get_all_start_methods()
    context: multiprocessing.context.BaseContext
    if "fork" in methods and threading.active_count() == 1 and _compiler is None:
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    items = [(key, documents[name], cache / f"{key}.pdf") for key, name in todo.items()]
    size = max(1, min(8, len(items) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_render_batch, items[i:i + size])
                   for i in range(0, len(items), size)]
        for future in as_completed(futures):
            yield from future.result()

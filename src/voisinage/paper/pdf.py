"""HTML → PDF with WeasyPrint: only when the input changed, in parallel, and never cut.

A PDF is cached under a SHA-256 of its HTML — which holds everything the leaflet shows: record
texts, interface strings, template output and CSS, language, print date and QR code — and of the
engine's version. So an unchanged leaflet is copied, not rendered, and a one-line edit renders
only the leaflets that show that line. When several are due they render in a pool of processes,
one per core. A leaflet that does not fit its page is refused, naming the box that overflowed
(`data-field` marks in the HTML), so that the caller can point at the record field; that verdict
is cached too (`<digest>.overflow`), so an unchanged build does not lay the page out again.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

ENGINE = f"weasyprint {version('weasyprint')}; voisinage leaflets 1"
TOLERANCE = 0.5  # CSS px: rounding in the layout


def digest(html: str) -> str:
    """The cache key of a document: what it shows and the engine that draws it."""
    return hashlib.sha256(f"{ENGINE}\n{html}".encode()).hexdigest()


@dataclass(frozen=True)
class Rendered:
    overflow: str | None  # the data-field where the content leaves its page or box; "" if unknown
    pages: int
    seconds: float


def render(html: str, target: Path, pages: int | None = 1) -> Rendered:
    """Render `html` to the PDF `target`, unless it needs more than `pages` pages or a box with
    `data-fit` is too small for its content: then nothing is written and the culprit is named.
    With `pages=None` (a guide of many pages) the document is written as it flows."""
    from weasyprint import HTML

    started = time.perf_counter()
    document = HTML(string=html).render()
    culprit = overflow(document, pages) if pages is not None else None
    if culprit is None:
        partial = target.with_suffix(f".{os.getpid()}.part")
        document.write_pdf(partial)
        os.replace(partial, target)
    return Rendered(culprit, len(document.pages), time.perf_counter() - started)


def overflow(document: Any, pages: int = 1) -> str | None:
    """None when everything fits; else the data-field to blame: the tallest text of the page (or
    `data-fit` box) that overflowed, since the longest text is the one worth shortening. Text
    past the bottom, or past either side (a long word or address), counts as overflowing."""
    heights: dict[Any, dict[str, float]] = {}
    spilled: Any = None
    for number, page in enumerate(document.pages):
        sheet = (None, 0.0, page._page_box.margin_width(), float("inf"))
        for box, mark, fit in _walk(page._page_box, None, None):
            if not _is_leaf(box):
                continue
            scope, left, right, bottom = fit or sheet
            if mark:
                by_mark = heights.setdefault(scope, {})
                by_mark[mark] = by_mark.get(mark, 0.0) + box.margin_height()
            outside = (box.position_y + box.margin_height() > bottom + TOLERANCE
                       or box.position_x < left - TOLERANCE
                       or box.position_x + box.margin_width() > right + TOLERANCE)
            if spilled is None and (number >= pages or outside):
                spilled = scope if fit else "page"
    if spilled is None:
        return None
    candidates = heights.get(None if spilled == "page" else spilled, {})
    return max(candidates, key=candidates.__getitem__) if candidates else ""


Fit = tuple[int, float, float, float]  # a data-fit box: id, left, right, bottom of its content


def _walk(box: Any, mark: str | None,
          fit: Fit | None) -> Iterator[tuple[Any, str | None, Fit | None]]:
    element = getattr(box, "element", None)
    if element is not None and hasattr(element, "get"):
        mark = element.get("data-field") or mark
        if element.get("data-fit") and fit is None and box.height is not None:
            x = box.content_box_x()
            fit = (id(element), x, x + box.width, box.content_box_y() + box.height)
    yield box, mark, fit
    for child in getattr(box, "children", None) or ():
        yield from _walk(child, mark, fit)


def _is_leaf(box: Any) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.TextBox | boxes.ReplacedBox) or (
        isinstance(box, boxes.BlockBox) and not box.children and box.height)


@dataclass
class Outcome:
    """What happened to each document of a batch, by the caller's name for it."""

    digests: dict[Any, str] = field(default_factory=dict)
    rendered: list[Any] = field(default_factory=list)
    reused: list[Any] = field(default_factory=list)
    overflows: dict[Any, str] = field(default_factory=dict)
    seconds: float = 0.0  # wall time of the batch
    render_seconds: dict[Any, float] = field(default_factory=dict)  # per document rendered


def render_all(documents: dict[Any, str], cache: Path, *, workers: int | None = None,
               progress: Callable[[int, int], None] | None = None,
               pages: dict[Any, int | None] | None = None) -> Outcome:
    """Make sure `cache/<digest>.pdf` exists for every document (name → HTML). `pages`: the
    most pages a document may take (default 1; None: as many as it needs)."""
    limits = pages or {}
    started = time.perf_counter()
    cache.mkdir(parents=True, exist_ok=True)
    outcome = Outcome({name: digest(html) for name, html in documents.items()})
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
    if workers > 1 and total > 2:
        results = _in_pool(todo, documents, cache, workers, limits)
    else:
        results = ((k, render(documents[n], cache / f"{k}.pdf", limits.get(n, 1)))
                   for k, n in todo.items())
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


def _in_pool(todo: dict[str, Any], documents: dict[Any, str], cache: Path,
             workers: int, limits: dict[Any, int | None]) -> Iterator[tuple[str, Rendered]]:
    # fork is fastest (workers inherit WeasyPrint, imported once here) and needs no importable
    # __main__, but is unsafe when other threads run (`mkdocs serve`): then a fork server.
    methods = multiprocessing.get_all_start_methods()
    context: multiprocessing.context.BaseContext
    if "fork" in methods and threading.active_count() == 1:
        import weasyprint  # noqa: F401  (inherited by the workers)

        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(render, documents[name], cache / f"{key}.pdf",
                               limits.get(name, 1)): key
                   for key, name in todo.items()}
        for future in as_completed(futures):
            yield futures[future], future.result()

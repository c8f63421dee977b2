"""Headless Chromium (Debian's package, never a downloaded build) on a site served on localhost."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, sync_playwright

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Debian's chromium is not installed: run `bash scripts/setup`")


@contextlib.contextmanager
def serve(site: Path, mount: str = "test") -> Iterator[str]:
    """Serve site/ on a free loopback port under /<mount>/, the path of the site's site_url."""
    with tempfile.TemporaryDirectory() as root:
        (Path(root) / mount).symlink_to(site.resolve(), target_is_directory=True)
        handler = functools.partial(_QuietHandler, directory=root)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/{mount}/"
        finally:
            server.shutdown()
            server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True,
                                     args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def phone(browser: Browser, **options: Any) -> Iterator[BrowserContext]:
    """A fresh profile at a 360×740 phone size; options go to Browser.new_context."""
    context = browser.new_context(**{"viewport": {"width": 360, "height": 740}, **options})
    try:
        yield context
    finally:
        context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

"""Shared by the browser tests and the screenshot script: Chromium, local servers, visits.

No fixtures here (they are in conftest.py): plain functions and classes, so that
`screenshots.py` can drive the same browser setup outside pytest.
"""

from __future__ import annotations

import functools
import os
import socketserver
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
#: URL schemes that never leave the machine.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
REFUSAL = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` over http on 127.0.0.1 (a free port) in a thread; yield its root URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class Trap(socketserver.ThreadingTCPServer):
    """A proxy that records the first line of every request sent to it and refuses it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), TrapHandler)
        self.caught: list[str] = []
        self.lock = threading.Lock()


class TrapHandler(socketserver.StreamRequestHandler):
    server: Trap

    def handle(self) -> None:
        # Only the request line matters (CONNECT host:443 or GET http://host/…).
        self.connection.settimeout(5)
        try:
            line = self.rfile.readline(8192).decode("latin-1").strip()
        except OSError:
            line = "(unreadable)"
        with self.server.lock:
            self.server.caught.append(line)
        self.wfile.write(REFUSAL)


def require_chromium() -> None:
    """Skip (outside CI) or fail (in CI) when Debian's chromium is not installed."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return
    reason = (
        f"{CHROMIUM} fehlt / is missing: Browser-Tests brauchen Debians chromium "
        "(apt-get install chromium)"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{reason} – in CI ist das ein Fehler / in CI this is a failure", False)
    pytest.skip(reason)


def launch(playwright: Any, trap: Trap | None = None) -> Any:
    """Start Debian's Chromium headless; with a trap, as proxy for every non-local request."""
    options: dict[str, Any] = {}
    if trap is not None:
        # Playwright sends loopback through the proxy too unless it is listed as a bypass.
        options["proxy"] = {
            "server": f"http://127.0.0.1:{trap.server_address[1]}",
            "bypass": "127.0.0.1",
        }
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS, **options
    )


@dataclass
class Visit:
    """A fresh browser context on one build, and every request its pages made."""

    context: Any
    page: Any
    root: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def open(self, path: str) -> Any:
        """Load the page at `path` (relative to the site root) and return the page."""
        self.page.goto(self.root + path)
        return self.page

    def path(self) -> str:
        """The current page's path relative to the site root (without query or fragment)."""
        url = self.page.url.split("#")[0].split("?")[0]
        assert url.startswith(self.root), f"{url} is outside the site {self.root}"
        return url[len(self.root) :]


def make_visit(browser: Any, root: str, allowed: Callable[[str], bool], **options: Any) -> Visit:
    """A new context (German, desktop size unless `viewport` is given) whose requests are
    recorded; requests `allowed` rejects are recorded as blocked and aborted."""
    context = browser.new_context(locale="de-DE", viewport=options.pop("viewport", DESKTOP))
    visit = Visit(context=context, page=None, root=root)
    context.on("request", lambda request: visit.requests.append(request.url))

    def guard(route: Any) -> None:
        if allowed(route.request.url):
            route.continue_()
        else:
            visit.blocked.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    context.set_default_timeout(15_000)
    visit.page = context.new_page()
    return visit

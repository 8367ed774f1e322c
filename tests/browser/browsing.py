"""Shared by the browser tests and the screenshot script: Chromium, local servers, visits.

No fixtures here (they are in conftest.py): plain functions and classes, so that
`screenshots.py` can drive the same browser setup outside pytest.
"""

from __future__ import annotations

import functools
import os
import socketserver
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from generator.site.pdf import CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
#: The flags `strategie pdf` starts Chromium with (no calls home), and one more: Chromium asks
#: Google's autofill server about every page with a form field (the search box): the
#: browser's traffic, not the site's, and it would hide the site's in the trap.
LAUNCH_ARGS = [*CHROMIUM_ARGS, "--disable-features=AutofillServerCommunication"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
#: URL schemes that never leave the machine.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
REFUSAL = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    """A threaded http server that does not print a traceback when a browser hangs up (it
    cancels requests when it leaves a page)."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` over http on 127.0.0.1 (a free port) in a thread; yield its root URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
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


def proxy_to(trap: Trap) -> dict[str, str]:
    """Playwright's proxy setting that sends every non-loopback request to `trap`."""
    # Playwright sends loopback through the proxy too unless it is listed as a bypass.
    return {"server": f"http://127.0.0.1:{trap.server_address[1]}", "bypass": "127.0.0.1"}


@contextmanager
def running(trap: Trap) -> Iterator[Trap]:
    """Run `trap` in a thread while the block runs."""
    thread = threading.Thread(target=trap.serve_forever, name="traffic-trap", daemon=True)
    thread.start()
    try:
        yield trap
    finally:
        trap.shutdown()
        trap.server_close()
        thread.join(timeout=10)


def launch(playwright: Any, trap: Trap | None = None) -> Any:
    """Start Debian's Chromium headless. With a trap, the browser's own traffic (Chromium
    asks Google for updates and accounts even with background networking off) goes there;
    each context gets its own trap in `make_visit`."""
    options: dict[str, Any] = {} if trap is None else {"proxy": proxy_to(trap)}
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS, **options
    )


@dataclass
class Visit:
    """A fresh browser context on one build, and every request its pages made.

    `requests` are Playwright's request events (pages, frames, workers); `blocked` the ones
    the context refused; `trap.caught` what reached the network stack for another host
    (the context's own proxy), whatever made it."""

    context: Any
    page: Any
    root: str
    trap: Trap
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


@contextmanager
def visiting(
    browser: Any,
    root: str,
    allowed: Callable[[str], bool] | None,
    viewport: dict[str, int] = DESKTOP,
) -> Iterator[Visit]:
    """A new context (German, desktop size unless told) with its own trap as proxy; every
    request is recorded. With `allowed`, requests it rejects are recorded as blocked and
    aborted; without, nothing is blocked (the trap still refuses other hosts)."""
    with running(Trap()) as trap:
        context = browser.new_context(locale="de-DE", viewport=viewport, proxy=proxy_to(trap))
        visit = Visit(context=context, page=None, root=root, trap=trap)
        context.on("request", lambda request: visit.requests.append(request.url))
        if allowed is not None:

            def guard(route: Any) -> None:
                if allowed(route.request.url):
                    route.continue_()
                else:
                    visit.blocked.append(route.request.url)
                    route.abort("blockedbyclient")

            context.route("**/*", guard)
        context.set_default_timeout(15_000)
        visit.page = context.new_page()
        try:
            yield visit
        finally:
            context.close()

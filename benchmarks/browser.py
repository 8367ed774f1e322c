"""Measurements in Chromium: the live preview (edit → browser) and search at scale."""

from __future__ import annotations

import http.server
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from builds import environment, load_average
from projects import make_preview_project

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu"]


# --- preview latency (strategie serve) ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_until(condition: Callable[[], bool], limit: float, what: str) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out: {what}")
        time.sleep(0.02)


#: How the preview is served: `strategie serve` (full rebuilds) and `strategie serve
#: --schnell` (MkDocs' dirty rebuilds: only pages whose Markdown changed, all of them when the
#: navigation or the footer changed).
PREVIEW_MODES = {
    "serve": "`strategie serve`",
    "quick": "`strategie serve --schnell`",
}


#: What the preview benchmark edits in VER-03: its title (which is in the navigation of
#: every page) or a sentence of its description (only in pages that show the description).
PREVIEW_EDITS = {
    "titel": "the title (navigation)",
    "text": "a sentence of the description",
}
_SENTENCE = "Die Maßnahme steht für den Grundsatz"


def edited(original: str, kind: str, attempt: int) -> tuple[str, str]:
    """The file with edit number `attempt` of this kind, and the text the page then shows."""
    if kind == "titel":
        title = re.search(r"(?m)^titel: (.*)$", original)
        assert title is not None
        shown = f"{title.group(1)} – Messung {attempt}"
        return original.replace(title.group(0), f"titel: {shown}"), shown
    shown = f"Die Maßnahme (Messung {attempt}) steht für den Grundsatz"
    assert _SENTENCE in original
    return original.replace(_SENTENCE, shown), shown


def measure_preview(
    work: Path, mode: str = "serve", kind: str = "titel", edits: int = 5
) -> dict[str, Any]:
    """Edit VER-03 in a served preview of the bundled strategy; the seconds until Chromium,
    kept open on that measure's page, shows the edit (livereload)."""
    print(f"preview ({PREVIEW_MODES[mode]}, bundled, {PREVIEW_EDITS[kind]}):", flush=True)
    project = make_preview_project(work)
    measure_file = project / "strategy" / "massnahmen" / "verwaltung" / "ver-03.yml"
    original = measure_file.read_text(encoding="utf-8")
    address = f"127.0.0.1:{free_port()}"
    log = work / f"preview-{mode}-{kind}.log"
    command = [sys.executable, "-m", "generator", "--projekt", str(project), "serve"]
    command += ["--adresse", address]
    if mode == "quick":
        command.append("--schnell")
    latencies: list[float] = []
    rebuilds: list[float] = []
    load = load_average()
    with open(log, "w") as output:
        # A session of its own: `strategie serve` runs `mkdocs serve` as a child, which
        # outlives its parent on SIGTERM; the whole group is ended below.
        server = subprocess.Popen(
            command,
            cwd=project,
            # Unbuffered: settle() reads the log while the server runs.
            env=environment(project, PYTHONUNBUFFERED="1"),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until(lambda: "Serving on" in log.read_text(), 300, "preview did not start")
        settle(log)
        with chromium() as browser:
            page = browser.new_page()
            page.goto(f"http://{address}/massnahmen/ver-03.html")
            for attempt in range(edits):
                text, shown = edited(original, kind, attempt + 1)
                before = log.read_text().count("Documentation built in")
                started = time.perf_counter()
                measure_file.write_text(text, encoding="utf-8")
                wait_until(partial(shows, page, shown), 120, "edit never shown")
                latencies.append(time.perf_counter() - started)
                settle(log)
                built = re.findall(r"Documentation built in ([0-9.]+) seconds", log.read_text())
                rebuilds.extend(float(s) for s in built[before:])
    finally:
        measure_file.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    result = {
        "mode": mode,
        "kind": kind,
        "median_seconds": statistics.median(latencies),
        "max_seconds": max(latencies),
        "latencies": latencies,
        "rebuild_seconds": rebuilds,
        "load": load,
    }
    print(f"  edit → browser: {', '.join(f'{s:.2f}' for s in latencies)} s", flush=True)
    return result


def shows(page: Any, text: str) -> bool:
    try:
        return bool(page.evaluate("t => document.body.innerText.includes(t)", text))
    except Exception:  # the page is reloading; ask again
        return False


def settle(log: Path, quiet: float = 1.5) -> None:
    """Wait until every build the server started has finished and its log has then been
    quiet for `quiet` seconds (a build itself logs nothing for seconds)."""

    def busy(text: str) -> bool:
        # Not counted by "Documentation built in …": MkDocs logs each message of its build
        # module only once per process, so a rebuild as fast as an earlier one goes unlogged.
        # The server announces each finished rebuild ("Reloading browsers"); the first build
        # ends before it serves.
        started = text.count("Building documentation")
        finished = text.count("Serving on") + text.count("Reloading browsers")
        return started > finished + text.count("Aborted")

    last, since = log.read_text(), time.monotonic()
    deadline = since + 300
    while busy(last) or time.monotonic() - since < quiet:
        if time.monotonic() > deadline:
            raise SystemExit("the preview never settled")
        time.sleep(0.1)
        now = log.read_text()
        if now != last:
            last, since = now, time.monotonic()


# --- search at scale ------------------------------------------------------------------------------


@contextmanager
def http_server(folder: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *arguments: Any) -> None:
            pass

    handler = partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


#: Milliseconds between keystrokes when typing a query: a quick typist. Material searches on
#: every keystroke; typed all at once, the queries for short prefixes ("m", "ma", …) queue
#: up in the search worker, which is slow on a large index.
TYPING_DELAY_MS = 100


def measure_search(
    site: Path, terms: tuple[str, str, str], results: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Search in Chromium: how long after opening the start page the search is ready (the
    worker fetched and indexed search_index.json), then for each query the seconds from its
    last keystroke until the first result matches it. Figures go into `results` as they are
    measured (a caller that catches a timeout keeps those measured before it)."""
    results = {} if results is None else results
    results["load"] = load_average()
    first_result_has = """q => {
        const item = document.querySelector("li.md-search-result__item");
        return item !== null && item.innerText.toLowerCase().includes(q);
    }"""
    ready = """() => {
        const meta = document.querySelector(".md-search-result__meta");
        return meta !== null && meta.innerText !== "" && !meta.innerText.includes("initialisiert");
    }"""
    first_link = r"""() => {
        const link = document.querySelector("li.md-search-result__item > a");
        return link === null ? "" : new URL(link.href).pathname.replace(/^\//, "");
    }"""
    box = "input.md-search__input"
    with http_server(site) as base, chromium() as browser:
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(f"{base}/index.html", wait_until="load")
        page.click(box)
        # Polling by timer (animation-frame polling stalls while the worker indexes).
        page.wait_for_function(ready, timeout=900_000, polling=50)
        results["ready_seconds"] = time.perf_counter() - started
        for name, query in zip(("word", "id", "other_word"), terms, strict=True):
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
            page.wait_for_function(
                '() => !document.querySelector("li.md-search-result__item")',
                timeout=900_000,
                polling=50,
            )
            page.wait_for_timeout(1000)
            page.keyboard.type(query, delay=TYPING_DELAY_MS)
            typed = time.perf_counter()
            page.wait_for_function(first_result_has, arg=query.lower(), timeout=900_000, polling=50)
            results[f"{name}_seconds"] = time.perf_counter() - typed
            results[f"{name}_query"] = query
            results[f"{name}_meta"] = page.locator(".md-search-result__meta").inner_text()
            # The page listed first (for the id: its own page, massnahmen/<id>.html).
            results[f"{name}_first"] = page.evaluate(first_link)
    return results


def search_terms(project: Path) -> tuple[str, str, str]:
    """What to search for: a word from a measure's title, that measure's id, and a word from
    another measure's title."""
    files = sorted((project / "strategy" / "massnahmen").rglob("*.yml"))
    words: list[str] = []
    ident = ""
    for file in files:
        text = file.read_text(encoding="utf-8")
        title = re.search(r"(?m)^titel: (\S+)", text)
        if title is None:
            continue
        word = title.group(1).strip("„“\"'")
        if not words:
            found = re.search(r"(?m)^id: (\S+)$", text)
            ident = found.group(1) if found else ""
        if len(word) > 3 and word not in words:
            words.append(word)
        if len(words) == 2:
            break
    return words[0], ident, words[1]

"""Fixtures of the browser tests: one build, one web server and one Chromium per test session.

The bundled strategy is built once per session with the project's own command line
(`strategie build` and `strategie build --offline`) from a copy of the project in a temporary
folder, so the tests never write into the working tree. Two environment variables reuse
existing builds instead (for example to test a site built by CI):

- `STRATEGIE_SITE_DIR`: a built online site (the folder with `index.html`);
- `STRATEGIE_OFFLINE_ZIP`: the offline zip made by `strategie build --offline`.

The online build is served over http on 127.0.0.1 (a free port); the offline zip is unpacked
into a temporary folder and opened via `file://`. Chromium is Debian's `/usr/bin/chromium`,
driven by Playwright (never a downloaded browser). Without it the browser tests are skipped,
except in CI (`CI` set), where they fail: CI must never pass without having run them.

Every browser context gets its own proxy, a local trap: any request its pages make to another
host lands there, is recorded and refused, whatever made it (a script, a worker, a preconnect).
So no test reaches the network, and the privacy tests see requests that Playwright's events
might miss. Chromium's own traffic (it asks Google for updates even when told not to) goes to
a separate trap and is not blamed on the site.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from browsing import (
    LOCAL_SCHEMES,
    REPO,
    Trap,
    Visit,
    launch,
    require_chromium,
    running,
    serve,
    visiting,
)
from project_copy import copy_project
from site_pages import SitePages

#: Counts of pages checked per check, printed at the end of the run (CI shows them).
CHECKED = pytest.StashKey[dict[str, int]]()
#: Other facts for the summary (e.g. what Chromium itself tried to reach).
NOTES = pytest.StashKey[list[str]]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[CHECKED] = {}
    config.stash[NOTES] = []


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    counts = config.stash.get(CHECKED, {})
    if counts:
        terminalreporter.section("Browser-Tests: geprüfte Seiten")
        for check, number in sorted(counts.items()):
            terminalreporter.write_line(f"{check}: {number}")
    for note in config.stash.get(NOTES, []):
        terminalreporter.write_line(note)


@pytest.fixture(scope="session")
def record_checked(pytestconfig: pytest.Config) -> Callable[[str, int], None]:
    """Record how many pages a check covered, for the summary at the end of the run."""

    def record(check: str, number: int) -> None:
        pytestconfig.stash[CHECKED][check] = number

    return record


# --- builds -------------------------------------------------------------------------------


def _strategie(project: Path, *arguments: str, site_url: str | None = None) -> None:
    """Run the `strategie` command line on `project`; fail the session if it fails. SITE_URL
    is set only when `site_url` is given."""
    from generator.site.build import source_date_epoch

    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url:
        environment["SITE_URL"] = site_url
    environment["SOURCE_DATE_EPOCH"] = str(source_date_epoch(REPO)[0])
    environment["PYTHONPATH"] = str(project)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--projekt", str(project), *arguments],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"strategie {' '.join(arguments)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project (configuration, theme, generator, strategy) to build from."""
    return copy_project(tmp_path_factory.mktemp("projekt") / "projekt")


@pytest.fixture(scope="session")
def online_site(request: pytest.FixtureRequest) -> Path:
    """The online build of the bundled strategy (`strategie build --out …`)."""
    given = os.environ.get("STRATEGIE_SITE_DIR")
    if given:
        site = Path(given).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"STRATEGIE_SITE_DIR={given} holds no built site (index.html)")
        return site
    project: Path = request.getfixturevalue("project")
    site = project.parent / "site"
    _strategie(project, "build", "--out", str(site))
    return site


@pytest.fixture(scope="session")
def offline_zip(request: pytest.FixtureRequest) -> Path:
    """The offline zip of the bundled strategy (`strategie build --offline`)."""
    given = os.environ.get("STRATEGIE_OFFLINE_ZIP")
    if given:
        archive = Path(given).resolve()
        if not zipfile.is_zipfile(archive):
            pytest.fail(f"STRATEGIE_OFFLINE_ZIP={given} is not a zip file")
        return archive
    project: Path = request.getfixturevalue("project")
    _strategie(project, "build", "--offline", "--out", str(project.parent / "site-offline"))
    # With --out the zip is written beside that folder.
    archives = sorted(project.parent.glob("*-offline.zip"))
    if len(archives) != 1:
        pytest.fail(f"expected one offline zip in {project.parent}, found {archives}")
    return archives[0]


@pytest.fixture(scope="session")
def offline_site(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip unpacked into a temporary folder: the folder holding index.html."""
    folder = tmp_path_factory.mktemp("entpackt")
    with zipfile.ZipFile(offline_zip) as bundle:
        bundle.extractall(folder)
    starts = sorted(folder.glob("*/index.html")) or sorted(folder.glob("index.html"))
    assert starts, f"no index.html at the top of {offline_zip.name}"
    return starts[0].parent


@pytest.fixture(scope="session")
def online_pages(online_site: Path) -> SitePages:
    """The pages of the online build, by page type."""
    return SitePages.scan(online_site)


@pytest.fixture(scope="session")
def offline_pages(offline_site: Path) -> SitePages:
    """The pages of the unpacked offline build, by page type."""
    return SitePages.scan(offline_site)


# --- servers ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site_url(online_site: Path) -> Iterator[str]:
    """The online build served over http on 127.0.0.1 (a free port); its root URL."""
    with serve(online_site) as url:
        yield url


@pytest.fixture(scope="session")
def published_site(request: pytest.FixtureRequest) -> Iterator[tuple[Path, str]]:
    """The online build as published: built with SITE_URL set to the address it is served at
    (http on 127.0.0.1, a free port), so Material's instant navigation is on (it follows only
    the links listed in sitemap.xml, which names pages under SITE_URL). (folder, root URL)."""
    project: Path = request.getfixturevalue("project")
    site = project.parent / "site-veroeffentlicht"
    # The server is bound first (it serves the folder by name once the build has made it),
    # so that the build knows its address.
    with serve(site) as url:
        _strategie(project, "build", "--out", str(site), site_url=url)
        yield site, url


def _host(request_line: str) -> str:
    """`CONNECT host:443 HTTP/1.1` or `GET http://host/path HTTP/1.1` → the host."""
    parts = request_line.split()
    target = parts[1] if len(parts) > 1 else request_line
    return target.split("://", 1)[-1].split("/", 1)[0]


@pytest.fixture(scope="session")
def browser_traffic(pytestconfig: pytest.Config) -> Iterator[Trap]:
    """The proxy for Chromium's own traffic (not the pages'): recorded, refused, not judged."""
    with running(Trap()) as trap:
        yield trap
    hosts = sorted({_host(line) for line in trap.caught})
    pytestconfig.stash[NOTES].append(
        f"Chromiums eigener Verkehr (nicht der Website, abgewiesen): {len(trap.caught)} "
        f"Anfragen an {', '.join(hosts) or 'niemanden'}"
    )


# --- browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(browser_traffic: Trap) -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright, browser_traffic)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_visit(browser: Any, request: pytest.FixtureRequest) -> Iterator[Callable[..., Visit]]:
    """A factory of fresh contexts: `new_visit(build="online"|"offline", block=True,
    viewport=DESKTOP)`. Blocking aborts (and records) every request that leaves the build."""
    with ExitStack() as stack:

        def make(build: str = "online", block: bool = True, **options: Any) -> Visit:
            if build == "online":
                root: str = request.getfixturevalue("site_url")
                local: tuple[str, ...] = (root, *LOCAL_SCHEMES)
            else:
                root = request.getfixturevalue("offline_site").as_uri() + "/"
                local = LOCAL_SCHEMES
            allowed = (lambda url: url.startswith(local)) if block else None
            return stack.enter_context(visiting(browser, root, allowed, **options))

        yield make


@pytest.fixture
def online(new_visit: Callable[..., Visit]) -> Visit:
    """A fresh desktop-sized context on the online build over http; other hosts are blocked."""
    return new_visit("online")


@pytest.fixture
def offline(new_visit: Callable[..., Visit]) -> Visit:
    """A fresh desktop-sized context on the unpacked offline build via file://, network off."""
    return new_visit("offline")

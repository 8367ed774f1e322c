"""The published online build in Chromium: no script error, no failed request, every navigation
shows its page, and the search index waits until the search is opened (issue 14).

The site is built as it is published: with SITE_URL set to the address it is served at, so
Material's instant navigation is on (fixture `published_site`). One browser context per
viewport opens every page with `page.goto`; a sample of clicks (every link of the main
navigation, one link to each page type, links inside the priority-matrix SVG) checks that
instant navigation shows the target page (its h1), not the previous one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

import pytest
from browsing import DESKTOP, LOCAL_SCHEMES, PHONE, Visit, visiting
from site_pages import SitePages, structure

pytestmark = pytest.mark.browser

#: The viewports of issue 14: a desktop window and a phone.
VIEWPORTS = {"1280×800": {**DESKTOP, "height": 800}, "390×844": PHONE}
#: How the bundle's search index is requested: online as JSON, offline as a script.
SEARCH_INDEX = ("search/search_index.json", "search/search_index.js")


@dataclass
class Problems:
    """Everything that went wrong on the pages of one context, by page."""

    found: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> None:
        def where() -> str:
            return page.url

        page.on(
            "console",
            lambda m: m.type == "error" and self.found.append(f"{where()}: console: {m.text}"),
        )
        page.on("pageerror", lambda e: self.found.append(f"{where()}: pageerror: {e}"))
        page.on("requestfailed", lambda r: self._failed(where(), r))
        page.on(
            "response",
            lambda r: r.status >= 400 and self.found.append(f"{where()}: {r.status}: {r.url}"),
        )

    def _failed(self, where: str, request: Any) -> None:
        # Requests still running when the test moves on to the next page (the search worker's
        # script, say) are cancelled by the browser: not a failure of the site. Everything
        # else is (refused, unreachable, blocked for leaving the site).
        if request.failure != "net::ERR_ABORTED":
            self.found.append(f"{where}: failed: {request.url} ({request.failure})")


@contextmanager
def published_visit(
    browser: Any, published_site: tuple[Path, str], viewport: dict[str, int]
) -> Iterator[tuple[Visit, Problems]]:
    """A context on the published build. No request is routed through Python (that would
    slow every page down): a request to another host reaches the context's trap, which
    refuses it, and shows up as a failed request."""
    root = published_site[1]
    with visiting(browser, root, None, viewport=viewport) as visit:
        problems = Problems()
        problems.watch(visit.page)
        yield visit, problems


def heading(pages: SitePages, path: str) -> str:
    """The text of a page's h1, from its HTML."""
    first = [text for level, text in structure(pages.text(path)).headings if level == 1]
    assert first, f"{path} has no h1"
    return " ".join(first[0].split())


def shown_heading(page: Any) -> str:
    return " ".join(page.locator("article h1, .md-content h1").first.inner_text().split())


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_every_page_loads_without_script_error_or_failed_request(
    browser: Any, published_site: tuple[Path, str], viewport: str, record_checked: Any
) -> None:
    """Every page of the published build, opened at this size: no console error, no uncaught
    exception, no failed or refused request, and the search index is not loaded."""
    pages = SitePages.scan(published_site[0])
    with published_visit(browser, published_site, VIEWPORTS[viewport]) as (visit, problems):
        for path in pages.pages:
            visit.page.goto(visit.root + path, wait_until="load")
        # Late errors (scripts run after load) of the last page.
        visit.page.wait_for_timeout(300)
        index_requests = [u for u in visit.requests if u.endswith(SEARCH_INDEX)]
    assert problems.found == []
    assert visit.blocked == []
    assert index_requests == []
    record_checked(f"Seiten ohne Skriptfehler und Fehlanfrage ({viewport})", len(pages.pages))


def test_offline_pages_load_without_script_error_or_failed_request(
    browser: Any, offline_site: Path, record_checked: Any
) -> None:
    """One page of each type of the offline build, from file://: no console error, no uncaught
    exception, no failed request, no search index loaded."""
    pages = SitePages.scan(offline_site).sample(variants=False)
    with _offline_visit(browser, offline_site.as_uri() + "/") as (visit, problems):
        for path in pages.values():
            visit.page.goto(visit.root + path, wait_until="load")
        visit.page.wait_for_timeout(300)
        index_requests = [u for u in visit.requests if u.endswith(SEARCH_INDEX)]
    assert problems.found == []
    assert visit.blocked == []
    assert index_requests == []
    record_checked("Offline-Seiten ohne Skriptfehler und Fehlanfrage", len(pages))


@dataclass(frozen=True)
class Click:
    """A link to click: on page `source`, the link whose href attribute is `href`, in the
    navigation (`nav`) or in the content."""

    source: str
    href: str
    target: str
    nav: bool = False

    def selector(self, root: str) -> str:
        """The link as written, or as Material's instant navigation rewrites it (absolute)."""
        where = ".md-sidebar--primary a.md-nav__link" if self.nav else "a:not(.md-nav__link)"
        absolute = urljoin(root + self.source, self.href)
        return f'{where}[href="{self.href}"], {where}[href="{absolute}"]'


def _links(pages: SitePages, source: str, *, main_only: bool) -> list[Click]:
    """The links of a page to pages of the site (main navigation only, or the others: in the
    content and the footer, not Material's)."""
    clicks = []
    for link in structure(pages.text(source)).links:
        href = link.href.split("#", 1)[0]
        if not href or "://" in href or href.startswith(("mailto:", "/")):
            continue
        nav = "md-nav__link" in link.classes
        # Material's other links (footer, header, skip link, permalinks) are neither.
        chrome = any(c.startswith("md-") or c == "headerlink" for c in link.classes)
        if main_only != nav or (chrome and not nav):
            continue
        target = str(PurePosixPath(urljoin("/" + source, href)))[1:]
        if target in pages.pages and target != source:
            clicks.append(Click(source, link.href, target, nav))
    return clicks


def navigation_sample(pages: SitePages) -> list[Click]:
    """Every link of the start page's main navigation, and for each page type one link to a
    page of that type from another page's content (the start page's first, if it has one)."""
    clicks = _links(pages, "index.html", main_only=True)
    wanted = {p for p in pages.sample(variants=False).values() if p != "index.html"}
    reached = {c.target for c in clicks}
    by_source = {source: _links(pages, source, main_only=False) for source in pages.pages}
    for target in sorted(wanted - reached):
        for source in ["index.html", *pages.pages]:
            found = [c for c in by_source[source] if c.target == target]
            if found:
                clicks.append(found[0])
                break
    return clicks


def click_and_wait(visit: Visit, click: Click, pages: SitePages) -> None:
    """Click the link on the current page and wait until the target's heading shows."""
    page = visit.page
    page.locator(click.selector(visit.root)).first.click()
    page.wait_for_url(visit.root + click.target + "**")
    expected = heading(pages, click.target)
    page.wait_for_function(
        "h => [...document.querySelectorAll('article h1, .md-content h1')]"
        ".some(e => e.innerText.replace(/\\s+/g, ' ').trim() === h)",
        arg=expected,
    )
    assert shown_heading(page) == expected, click


def test_navigation_links_show_their_page(
    browser: Any, published_site: tuple[Path, str], record_checked: Any
) -> None:
    """Clicking a navigation link (instant navigation: the page is swapped in without a reload)
    shows the target's heading, for every link of the main navigation and a link to each page
    type; none throws or fails a request."""
    pages = SitePages.scan(published_site[0])
    clicks = navigation_sample(pages)
    assert any(c.target == "auswertung/prioritaeten.html" for c in clicks)
    instant = 0
    with published_visit(browser, published_site, VIEWPORTS["1280×800"]) as (visit, problems):
        for click in clicks:
            if visit.page.url == "about:blank" or visit.path() != click.source:
                visit.page.goto(visit.root + click.source, wait_until="load")
            visit.page.evaluate("() => { window.strategieOhneNeuladen = true }")
            click_and_wait(visit, click, pages)
            instant += bool(visit.page.evaluate("() => window.strategieOhneNeuladen === true"))
    assert problems.found == []
    assert visit.blocked == []
    # Instant navigation is on: the clicks swap pages in without loading the document anew.
    assert instant == len(clicks)
    record_checked("Navigationsklicks mit Sofortnavigation", len(clicks))


def test_links_inside_the_priority_matrix_and_to_it_work(
    browser: Any, published_site: tuple[Path, str], record_checked: Any
) -> None:
    """The page with links inside an SVG opens by instant navigation (Material used to throw on
    them and leave the previous page on screen), and its links open their measures."""
    pages = SitePages.scan(published_site[0])
    matrix = "auswertung/prioritaeten.html"
    with published_visit(browser, published_site, VIEWPORTS["1280×800"]) as (visit, problems):
        page = visit.open("auswertung/index.html")
        page.wait_for_load_state("load")
        to_matrix = Click("auswertung/index.html", "prioritaeten.html", matrix, nav=True)
        click_and_wait(visit, to_matrix, pages)
        links = page.locator("svg a.strategie-punkt")
        count = links.count()
        assert count > 0
        checked = 0
        for index in sorted({0, count // 2, count - 1}):
            if visit.path() != matrix:
                visit.open(matrix).wait_for_load_state("load")
            link = page.locator("svg a.strategie-punkt").nth(index)
            href = link.get_attribute("xlink:href") or ""
            target = str(PurePosixPath(urljoin("/" + matrix, href)))[1:]
            assert target in pages.pages, href
            link.click()
            page.wait_for_url(visit.root + target)
            page.wait_for_load_state("load")
            assert shown_heading(page) == heading(pages, target)
            checked += 1
    assert problems.found == []
    record_checked("Links in der Prioritätenmatrix geklickt", checked)


@pytest.mark.parametrize("build", ["published", "offline"])
def test_search_index_loads_only_when_the_search_is_opened(
    browser: Any, request: pytest.FixtureRequest, build: str, record_checked: Any
) -> None:
    """Opening a page does not load the search index; opening the search does, and it finds a
    measure by its id (online over http with instant navigation, offline from file://)."""
    if build == "published":
        published_site = request.getfixturevalue("published_site")
        context = published_visit(browser, published_site, VIEWPORTS["1280×800"])
    else:
        root = request.getfixturevalue("offline_site").as_uri() + "/"
        context = _offline_visit(browser, root)
    with context as (visit, problems):
        page = visit.open("katalog.html")
        page.wait_for_load_state("networkidle")
        assert [u for u in visit.requests if u.endswith(SEARCH_INDEX)] == []
        # Wide screens show the search field in the header (narrow ones a magnifier).
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").fill("VER-03")
        result = page.locator(".md-search-result__item a").first
        result.wait_for(state="visible")
        assert "ver-03" in (result.get_attribute("href") or "").lower()
        assert len([u for u in visit.requests if u.endswith(SEARCH_INDEX)]) == 1
    assert problems.found == []
    record_checked(f"Suchindex erst beim Öffnen der Suche ({build})", 1)


@contextmanager
def _offline_visit(browser: Any, root: str) -> Iterator[tuple[Visit, Problems]]:
    with visiting(browser, root, lambda url: url.startswith(LOCAL_SCHEMES)) as visit:
        problems = Problems()
        problems.watch(visit.page)
        yield visit, problems

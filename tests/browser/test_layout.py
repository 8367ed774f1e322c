"""Every page fits its screen: no cut-off table on a desktop, nothing wider than a phone, few
tables that scroll sideways on a phone, and text large enough to read.

Each page of the online build is loaded at 1280×800 and at 390×844, one browser context per
viewport, reused for all pages. The page measures itself (one script per page):

- a table is *cut off* at 1280 px when it is wider than the column of text it stands in (the
  reader has to scroll sideways to see its last columns) and no deliberate scroll region
  (`.strategie-tabelle`, a wide data table beside a chart) holds it;
- a table *scrolls sideways* at 390 px when its scroll container is narrower than the table;
  at most `MAX_SCROLLING_ON_PHONE` on the whole site (wide data tables beside charts);
- body text (paragraphs and list items of the content) is at least 16 px, table text at
  least 14 px, at both sizes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from browsing import visiting
from site_pages import SitePages

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
#: Wide data tables beside charts may scroll on a phone; list tables must not.
MAX_SCROLLING_ON_PHONE = 20
BODY_TEXT_PX = 16
TABLE_TEXT_PX = 14

#: Runs in the page: what the checks need, measured after layout.
MEASURE = """() => {
  const content = document.querySelector("article.md-content__inner") || document.body;
  const column = content.getBoundingClientRect();
  const scroller = element => {
    for (let node = element.parentElement; node && node !== content; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow === "auto" || overflow === "scroll") return node;
    }
    return null;
  };
  const describe = table => {
    const caption = table.caption ? table.caption.textContent.trim() : "";
    const head = table.tHead ? table.tHead.textContent.trim().replace(/\\s+/g, " ") : "";
    return (caption || head).slice(0, 60);
  };
  const tables = [...content.querySelectorAll("table")].filter(t => t.offsetParent !== null);
  const cut = [];
  const scrolling = [];
  for (const table of tables) {
    const width = table.getBoundingClientRect().width;
    const box = scroller(table);
    const region = table.closest(".strategie-tabelle");
    if (width > column.width + 1 && !region) cut.push(describe(table));
    if (box && box.scrollWidth > box.clientWidth + 1) scrolling.push(describe(table));
    else if (!box && width > column.width + 1) scrolling.push(describe(table));
  }
  const size = element => parseFloat(getComputedStyle(element).fontSize);
  const texts = [...content.querySelectorAll("p, li")].filter(
    e => e.offsetParent !== null && !e.closest("table, figure, nav, .md-source-file")
      && e.textContent.trim());
  const cells = [...content.querySelectorAll("td, th")].filter(
    e => e.offsetParent !== null && e.textContent.trim());
  return {
    pageWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    cut,
    scrolling,
    bodyText: texts.length ? Math.min(...texts.map(size)) : null,
    tableText: cells.length ? Math.min(...cells.map(size)) : null,
  };
}"""


@dataclass(frozen=True)
class Measured:
    """One page at one viewport."""

    page_width: int
    viewport: int
    cut: list[str]
    scrolling: list[str]
    body_text: float | None
    table_text: float | None


def measure_all(visit_page: Any, root: str, pages: tuple[str, ...]) -> dict[str, Measured]:
    """Open every page in the one tab and measure it."""
    results: dict[str, Measured] = {}
    for path in pages:
        visit_page.goto(root + path, wait_until="load")
        found = visit_page.evaluate(MEASURE)
        results[path] = Measured(
            found["pageWidth"],
            found["viewport"],
            found["cut"],
            found["scrolling"],
            found["bodyText"],
            found["tableText"],
        )
    return results


def _measure_site(
    browser: Any, site_url: str, pages: SitePages, viewport: dict[str, int]
) -> dict[str, Measured]:
    paths = tuple(p for p in pages.pages if p != "404.html")
    # Nothing is blocked request by request (routing every request through Python doubles the
    # time); the context's trap still refuses other hosts. The search index is not needed to
    # lay out a page: refused, so that each page is measured as soon as it has loaded.
    with visiting(browser, site_url, None, viewport) as visit:
        visit.context.route("**/search/**", lambda route: route.abort())
        return measure_all(visit.page, site_url, paths)


@pytest.fixture(scope="module")
def on_desktop(
    browser: Any,
    site_url: str,
    online_pages: SitePages,
    record_checked: Callable[[str, int], None],
) -> dict[str, Measured]:
    """Every page of the online build measured at 1280×800."""
    results = _measure_site(browser, site_url, online_pages, DESKTOP)
    record_checked("Layout 1280×800", len(results))
    return results


@pytest.fixture(scope="module")
def on_phone(
    browser: Any,
    site_url: str,
    online_pages: SitePages,
    record_checked: Callable[[str, int], None],
) -> dict[str, Measured]:
    """Every page of the online build measured at 390×844."""
    results = _measure_site(browser, site_url, online_pages, PHONE)
    record_checked("Layout 390×844", len(results))
    return results


def test_no_table_is_cut_off_on_a_desktop(on_desktop: dict[str, Measured]) -> None:
    """At 1280 px no table is wider than its column outside a deliberate scroll region."""
    cut = [f"{path}: {', '.join(m.cut)}" for path, m in on_desktop.items() if m.cut]
    assert not cut, f"{len(cut)} page(s) cut tables off at 1280 px:\n" + "\n".join(cut)


@pytest.mark.parametrize("viewport", ["on_desktop", "on_phone"])
def test_no_page_is_wider_than_the_screen(request: pytest.FixtureRequest, viewport: str) -> None:
    """No page scrolls sideways as a whole, on a desktop or on a phone."""
    results: dict[str, Measured] = request.getfixturevalue(viewport)
    wide = [f"{p}: {m.page_width} px" for p, m in results.items() if m.page_width > m.viewport]
    assert not wide, f"{len(wide)} page(s) wider than the viewport:\n" + "\n".join(wide)


def test_few_tables_scroll_sideways_on_a_phone(
    on_phone: dict[str, Measured], record_checked: Callable[[str, int], None]
) -> None:
    """At 390 px at most MAX_SCROLLING_ON_PHONE tables on the whole site scroll sideways."""
    scrolling = [f"{path}: {table}" for path, m in on_phone.items() for table in m.scrolling]
    record_checked("Tabellen, die bei 390 px seitlich scrollen", len(scrolling))
    assert len(scrolling) <= MAX_SCROLLING_ON_PHONE, (
        f"{len(scrolling)} table(s) scroll sideways at 390 px "
        f"(at most {MAX_SCROLLING_ON_PHONE}):\n" + "\n".join(scrolling)
    )


@pytest.mark.parametrize("viewport", ["on_desktop", "on_phone"])
def test_text_is_large_enough(request: pytest.FixtureRequest, viewport: str) -> None:
    """Body text is at least 16 px and table text at least 14 px on every page."""
    results: dict[str, Measured] = request.getfixturevalue(viewport)
    small = [
        f"{path}: Fließtext {m.body_text} px"
        for path, m in results.items()
        if m.body_text is not None and m.body_text < BODY_TEXT_PX
    ] + [
        f"{path}: Tabellentext {m.table_text} px"
        for path, m in results.items()
        if m.table_text is not None and m.table_text < TABLE_TEXT_PX
    ]
    assert not small, f"{len(small)} page(s) with small text:\n" + "\n".join(small)

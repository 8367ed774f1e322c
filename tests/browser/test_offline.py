"""The offline zip, unpacked and opened from disk (file://) with every network request blocked.

Navigation Start → Leitthema → Handlungsfeld → Maßnahme by clicking links, the search (a
German word and measure ids) and the catalogue's sorting and filtering must all work without
a web server and without a connection.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from browsing import Visit
from site_pages import SitePages

pytestmark = pytest.mark.browser

ROWS = "table[data-katalog] tbody tr"


def stayed_on_disk(visit: Visit) -> None:
    """Nothing was blocked: every request of the visit was to a local file."""
    assert visit.blocked == [], f"requests to the network: {visit.blocked}"
    remote = [url for url in visit.requests if not url.startswith(("file:", "data:", "blob:"))]
    assert remote == [], f"requests that are not local files: {remote}"
    assert visit.trap.caught == [], f"traffic to other hosts: {visit.trap.caught}"


def click_link_to(visit: Visit, pattern: str) -> str:
    """Click the first visible link whose target matches `pattern` (navigation first, then
    the content); wait for that page; its path."""
    page = visit.page
    wanted = re.compile(pattern)
    for area in (".md-sidebar--primary", ".md-content"):
        for link in page.locator(f"{area} a[href]").all():
            href = link.get_attribute("href") or ""
            if wanted.search(href) and link.is_visible():
                link.click()
                page.wait_for_url(lambda url: bool(wanted.search(url)))
                page.wait_for_load_state()
                return visit.path()
    raise AssertionError(f"no visible link to {pattern} on {visit.path()}")


def test_navigation_from_start_to_a_measure(offline: Visit, offline_pages: SitePages) -> None:
    """Clicking links goes Start → Leitthema → Handlungsfeld → Maßnahme, each page complete."""
    page = offline.open("index.html")
    trail = [offline.path()]
    for pattern in (
        r"leitthemen/[^/]+/index\.html$",
        r"handlungsfelder/[^/]+/index\.html$",
        r"massnahmen/[^/]+\.html$",
    ):
        trail.append(click_link_to(offline, pattern))
        assert page.locator("h1").count() == 1, f"{trail[-1]} has no single h1"
        assert page.locator("article").inner_text().strip(), f"{trail[-1]} is empty"
    assert trail[-1] in offline_pages.measures, trail
    stayed_on_disk(offline)


def search(page: Any, query: str) -> list[dict[str, str]]:
    """Type `query` into the search field; the results (title, link) once shown."""
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=20_000)
    results: list[dict[str, str]] = page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item > a')].map(link => ({
             href: link.href.split('?')[0].split('#')[0],
             title: link.querySelector('h1, h2').textContent.trim(),
           }))"""
    )
    return results


def test_search_finds_a_german_word(offline: Visit, offline_pages: SitePages) -> None:
    """Searching „Glasfaser“ from file:// lists the measures about Glasfaser."""
    page = offline.open("index.html")
    results = search(page, "Glasfaser")
    about = {offline.root + path for path in offline_pages.measures_containing("Glasfaser")}
    found = [r for r in results if r["href"] in about]
    assert found, f"no measure about Glasfaser among the results: {results}"
    assert any("Glasfaser" in r["title"] for r in found), found
    stayed_on_disk(offline)


@pytest.mark.parametrize("which", ["VER-03", "last"])
def test_search_finds_a_measure_by_its_id(
    offline: Visit, offline_pages: SitePages, which: str
) -> None:
    """Searching a measure id („VER-03“, and the last measure's) lists that measure first."""
    path = offline_pages.measures[-1] if which == "last" else offline_pages.measure(which)
    measure_id = path.removeprefix("massnahmen/").removesuffix(".html").upper()
    page = offline.open("index.html")
    results = search(page, measure_id)
    assert results[0]["href"] == offline.root + path, (measure_id, results[:3])
    assert results[0]["title"].startswith(measure_id), results[0]
    stayed_on_disk(offline)


def column(page: Any, index: int) -> list[str]:
    """The sort keys (data-sort, else the text) of one column over the visible rows."""
    keys: list[str] = page.evaluate(
        """index => [...document.querySelectorAll('table[data-katalog] tbody tr')]
             .filter(row => !row.hidden)
             .map(row => row.cells[index].dataset.sort ?? row.cells[index].textContent.trim())""",
        index,
    )
    return keys


def sort_by(page: Any, header: str) -> tuple[int, str]:
    """Click the header button `header`; its column index and the resulting aria-sort."""
    cell = page.locator("table[data-katalog] thead th", has=page.get_by_role("button", name=header))
    cell.get_by_role("button").click()
    index: int = cell.evaluate("th => th.cellIndex")
    return index, cell.get_attribute("aria-sort") or ""


def test_catalogue_sorts(offline: Visit) -> None:
    """Clicking „Priorität“ sorts highest first, unrated last; again reverses the rated ones;
    „Maßnahme“ sorts by title."""
    page = offline.open("katalog.html")
    page.locator("table[data-katalog][data-katalog-bereit]").wait_for()
    before = column(page, 0)
    index, order = sort_by(page, "Priorität")
    assert order == "descending", order
    keys = column(page, index)
    rated = [float(key) for key in keys if key]
    assert rated == sorted(rated, reverse=True), keys
    assert keys == [k for k in keys if k] + [k for k in keys if not k], "unrated not last"
    assert column(page, 0) != before, "sorting by priority did not change the order"
    _, again = sort_by(page, "Priorität")
    assert again == "ascending"
    keys = column(page, index)
    assert [float(key) for key in keys if key] == sorted(rated), keys
    assert keys == [k for k in keys if k] + [k for k in keys if not k], "unrated not last"

    index, order = sort_by(page, "Maßnahme")
    titles = [title.lower() for title in column(page, index)]
    # German dictionary order, as the script sorts: umlauts with their base letters.
    german = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
    expected = sorted(titles, key=lambda t: t.translate(german), reverse=order == "descending")
    assert titles == expected, (order, titles)
    stayed_on_disk(offline)


def test_catalogue_filters(offline: Visit) -> None:
    """Choosing a status (and a Leitthema) shows only matching rows; the count text agrees."""
    page = offline.open("katalog.html")
    page.locator("table[data-katalog][data-katalog-bereit]").wait_for()
    count = page.locator("[data-katalog-anzahl]")
    total = page.locator(ROWS).count()
    assert count.inner_text() == f"Alle {total} Maßnahmen angezeigt"

    status = page.get_by_label("Status", exact=True)
    values = [v for v in status.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    shown_per_status = {}
    for value in values:
        status.select_option(value)
        rows = page.locator(f"{ROWS}:not([hidden])")
        shown = rows.count()
        shown_per_status[value] = shown
        statuses = set(rows.evaluate_all("rows => rows.map(row => row.dataset.status)"))
        assert statuses <= {value}, (value, statuses)
        assert count.inner_text() == f"{shown} von {total} Maßnahmen angezeigt", value
    assert sum(shown_per_status.values()) == total, shown_per_status
    assert max(shown_per_status.values()) < total

    status.select_option(max(shown_per_status, key=lambda v: shown_per_status[v]))
    theme = page.get_by_label("Leitthema", exact=True)
    theme.select_option(index=1)
    both = page.locator(f"{ROWS}:not([hidden])")
    wanted = theme.input_value()
    assert set(both.evaluate_all("rows => rows.map(row => row.dataset.leitthema)")) <= {wanted}
    assert count.inner_text() == f"{both.count()} von {total} Maßnahmen angezeigt"

    page.get_by_role("button", name="Filter zurücksetzen").click()
    page.wait_for_function(
        "total => document.querySelectorAll('table[data-katalog] tbody tr:not([hidden])')"
        ".length === total",
        arg=total,
    )
    assert count.inner_text() == f"Alle {total} Maßnahmen angezeigt"
    stayed_on_disk(offline)

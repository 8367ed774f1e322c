"""Material's search in Chromium, typed as a reader types: a measure id lists that measure's
page first, over http and from file://, and the pages that only repeat measures (the catalogue,
the Druckfassung) are not in the index the browser loads, so every measure is found on its own
page and nowhere else first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browsing import Visit
from site_pages import SitePages

pytestmark = pytest.mark.browser

#: Milliseconds between keystrokes: a quick typist (as in benchmarks/browser.py). Material
#: searches on every keystroke, so the prefixes of the id ("v", "ve", "ver", …) are searched
#: first; the result must follow the whole id all the same.
TYPING_DELAY_MS = 100

#: Pages that list every measure again: left out of the search index (front matter).
AGGREGATE_PAGES = ("katalog.html", "druckfassung.html")

#: The search has answered the whole query: its first result shows it (title or text).
FIRST_RESULT_SHOWS = """query => {
    const item = document.querySelector(".md-search-result__item");
    return item !== null && item.innerText.toLowerCase().includes(query);
}"""


def type_query(page: Any, query: str) -> list[dict[str, str]]:
    """Type `query` key by key into the search field (focusing it opens the search); the
    results (link, title) once the first result shows the query."""
    page.locator(".md-search__input").press_sequentially(query, delay=TYPING_DELAY_MS)
    page.wait_for_function(FIRST_RESULT_SHOWS, arg=query.lower(), timeout=20_000, polling=50)
    results: list[dict[str, str]] = page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item > a')].map(link => ({
             href: link.href.split('?')[0].split('#')[0],
             title: link.querySelector('h1, h2').textContent.trim(),
           }))"""
    )
    return results


@pytest.mark.parametrize(
    ("build", "which"), [("online", "VER-03"), ("online", "last"), ("offline", "first")]
)
def test_typed_measure_id_lists_its_page_first(
    new_visit: Any, online_pages: SitePages, build: str, which: str
) -> None:
    """A measure id typed key by key lists that measure's page first, with no aggregate page
    among the results (over http, and from file://)."""
    measures = online_pages.measures
    path = {"first": measures[0], "last": measures[-1]}.get(which) or online_pages.measure(which)
    measure_id = path.removeprefix("massnahmen/").removesuffix(".html").upper()
    visit: Visit = new_visit(build)
    results = type_query(visit.open("index.html"), measure_id)
    assert results[0]["href"] == visit.root + path, (measure_id, results[:3])
    assert results[0]["title"].startswith(measure_id), results[0]
    shown = {r["href"].removeprefix(visit.root) for r in results}
    assert not shown & set(AGGREGATE_PAGES), results


def test_index_loaded_by_the_browser_has_no_aggregate_page(
    online: Visit, online_site: Path
) -> None:
    """The index the search loads names no catalogue or print page, and searching the word
    „Maßnahmen“, which both pages are full of, lists neither."""
    index = online_site / "search" / "search_index.json"
    docs = json.loads(index.read_text("utf-8"))["docs"]
    pages = {doc["location"].split("#")[0] for doc in docs}
    assert pages, "empty search index"
    assert not pages & set(AGGREGATE_PAGES)
    results = type_query(online.open("index.html"), "Maßnahmen")
    shown = {r["href"].removeprefix(online.root) for r in results}
    assert shown and not shown & set(AGGREGATE_PAGES), results

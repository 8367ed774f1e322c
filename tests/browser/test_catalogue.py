"""The Maßnahmenkatalog in Chromium: caption and count follow the filters, an empty result says
so and offers a way back, „Priorität“ sorts highest first with unrated measures last, the state
lives in the address (shared, bookmarked, back and forward), the default order follows the
Leitthemen, and without JavaScript the whole table shows with no promise of filters."""

from __future__ import annotations

import re
from typing import Any

import pytest
from browsing import Trap, Visit, proxy_to, running

pytestmark = pytest.mark.browser

ROWS = "table[data-katalog] tbody tr"
PAGE = "katalog.html"


def ready(visit: Visit, path: str = PAGE) -> Any:
    """Open the catalogue (optionally with a query) and wait for its script."""
    page = visit.open(path)
    page.locator("table[data-katalog][data-katalog-bereit]").wait_for(state="attached")
    return page


def shown(page: Any) -> list[dict[str, str]]:
    """The visible rows: id, status, Leitthema and priority key, in their order."""
    rows: list[dict[str, str]] = page.evaluate(
        """() => [...document.querySelectorAll('table[data-katalog] tbody tr')]
             .filter(row => !row.hidden)
             .map(row => ({id: row.cells[0].textContent.trim(), status: row.dataset.status,
                           theme: row.dataset.leitthema, priority: row.cells[6].dataset.sort}))"""
    )
    return rows


def caption(page: Any) -> str:
    text: str = page.locator("table[data-katalog] caption").inner_text()
    return text


def test_caption_and_count_follow_the_filter(online: Visit) -> None:
    """Choosing a status makes caption and count say „N von 69 Maßnahmen“."""
    page = ready(online)
    total = page.locator(ROWS).count()
    assert caption(page).startswith(f"Alle {total} Maßnahmen"), caption(page)
    page.get_by_label("Status", exact=True).select_option(index=1)
    number = len(shown(page))
    assert 0 < number < total
    assert caption(page).startswith(f"{number} von {total} Maßnahmen"), caption(page)
    count = page.locator("[data-katalog-anzahl]").inner_text()
    assert count == f"{number} von {total} Maßnahmen angezeigt", count


def test_empty_result_says_so_and_resets(online: Visit) -> None:
    """A search without matches hides the table, says so, and its button shows all again."""
    page = ready(online)
    total = page.locator(ROWS).count()
    page.locator("#katalog-suche").fill("xyzzy-gibt-es-nicht")
    empty = page.locator("[data-katalog-leer]")
    empty.wait_for(state="visible")
    assert page.locator("table[data-katalog]").is_hidden()
    count = page.locator("[data-katalog-anzahl]").inner_text()
    assert count == f"Keine der {total} Maßnahmen passt zu den gewählten Filtern.", count
    empty.get_by_role("button", name="Alle Maßnahmen zeigen").click()
    assert empty.is_hidden()
    assert len(shown(page)) == total
    assert page.locator("#katalog-suche").input_value() == ""


def test_priority_sorts_highest_first_and_unrated_last(online: Visit) -> None:
    """The first click on „Priorität“ sorts descending; unrated measures stay last both ways."""
    page = ready(online)
    button = page.get_by_role("button", name="Priorität")
    button.click()
    keys = [row["priority"] for row in shown(page)]
    rated = [float(key) for key in keys if key]
    assert rated and len(rated) < len(keys), "the data should have rated and unrated measures"
    assert rated == sorted(rated, reverse=True), keys
    assert all(keys[: len(rated)]) and not any(keys[len(rated) :]), keys
    button.click()
    keys = [row["priority"] for row in shown(page)]
    assert [float(key) for key in keys if key] == sorted(rated), keys
    assert not any(keys[len(rated) :]), keys


def test_state_lives_in_the_address(online: Visit) -> None:
    """Filter and sort are written to the address; opening it restores them; back undoes."""
    page = ready(online)
    status = page.get_by_label("Status", exact=True)
    status.select_option(index=1)
    chosen = status.input_value()
    page.get_by_role("button", name="Priorität").click()
    assert re.search(rf"[?&]status={chosen}(&|$)", page.url), page.url
    assert "sortierung=prioritaet" in page.url and "richtung=ab" in page.url, page.url
    filtered = shown(page)

    # The address opened elsewhere (shared, bookmarked) shows the same view.
    other = online.context.new_page()
    other.goto(page.url)
    other.locator("table[data-katalog][data-katalog-bereit]").wait_for(state="attached")
    assert other.get_by_label("Status", exact=True).input_value() == chosen
    assert shown(other) == filtered, "the shared address shows other rows or another order"
    priority = other.get_by_role("button", name="Priorität")
    assert other.locator("th", has=priority).get_attribute("aria-sort") == "descending"
    other.close()

    total = page.locator(ROWS).count()
    header = page.locator("th", has=page.get_by_role("button", name="Priorität"))
    page.go_back()  # the filtered, unsorted view before the click on „Priorität“
    page.wait_for_function("() => !location.search.includes('sortierung')")
    assert page.get_by_label("Status", exact=True).input_value() == chosen
    assert header.get_attribute("aria-sort") is None
    assert len(shown(page)) == len(filtered)
    page.go_back()  # no filter
    page.wait_for_function("() => location.search === ''")
    assert page.get_by_label("Status", exact=True).input_value() == ""
    assert len(shown(page)) == total
    page.go_forward()
    page.wait_for_function("() => location.search !== ''")
    assert page.get_by_label("Status", exact=True).input_value() == chosen
    assert len(shown(page)) == len(filtered)


def test_unknown_address_values_are_ignored(online: Visit) -> None:
    """A hand-edited address with unknown values shows the whole catalogue, unsorted."""
    page = ready(online, f"{PAGE}?status=gibt-es-nicht&sortierung=quatsch&suche=%E0%A4%A")
    assert page.get_by_label("Status", exact=True).input_value() == ""
    assert len(shown(page)) == page.locator(ROWS).count()


def test_default_order_follows_the_leitthemen(online: Visit) -> None:
    """Without sorting, rows come grouped by Leitthema in the order of the Leitthema filter."""
    page = ready(online)
    order = [
        value
        for value in page.get_by_label("Leitthema", exact=True)
        .locator("option")
        .evaluate_all("options => options.map(o => o.value)")
        if value
    ]
    themes = [row["theme"] for row in shown(page)]
    groups = [theme for i, theme in enumerate(themes) if i == 0 or themes[i - 1] != theme]
    assert groups == order, groups


def test_without_javascript_the_whole_table_shows(browser: Any, site_url: str) -> None:
    """Without JavaScript: every row visible, no filter form, no text promising filters."""
    with running(Trap()) as trap:
        context = browser.new_context(
            locale="de-DE", java_script_enabled=False, proxy=proxy_to(trap)
        )
        try:
            page = context.new_page()
            page.goto(site_url + PAGE)
            rows = page.locator(ROWS)
            assert rows.count() > 0
            assert rows.count() == page.locator(f"{ROWS}:visible").count()
            assert page.locator("form[data-katalog-filter]").is_hidden()
            paragraphs = page.locator("article p:visible").all_inner_texts()
            promising = [p for p in paragraphs if re.search("filter|sortier", p, re.IGNORECASE)]
            assert not promising, promising
        finally:
            context.close()

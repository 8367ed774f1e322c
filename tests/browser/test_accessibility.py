"""axe-core (vendored) on every page type, WCAG 2.1 A and AA rules: zero violations.

Runs on one page of every page type of the online build (collections by their first and last
page; measures also one „nicht bewertet“, one with example ratings and the longest), on states
that only scripts create (search results open, the catalogue filtered and sorted), on a phone
viewport and on the offline build from file://. `STRATEGIE_AXE=alle` checks every page of the
online build instead of the sample (slower: about a second per page).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from browsing import PHONE, Visit
from site_pages import SitePages

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe on the page as it is now; its violations."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("options => window.axe.run(document, options)", AXE_OPTIONS)
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe(where: str, violations: list[dict[str, Any]]) -> list[str]:
    """Readable lines: rule, impact, help and every element (selector, HTML, what to fix)."""
    lines = []
    for violation in violations:
        lines.append(
            f"{where}: [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl'].split('?')[0]})"
        )
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {json.dumps(node['target'], ensure_ascii=False)}")
            lines.append(f"      {node['html'][:200]}")
            lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return lines


def check_pages(visit: Visit, pages: dict[str, str]) -> list[str]:
    """Open each page and run axe; the readable violations of all pages."""
    visit.context.add_init_script(path=str(AXE))
    problems: list[str] = []
    for label, path in pages.items():
        visit.open(path)
        where = path if label == path else f"{path} ({label})"
        problems += describe(where, axe_violations(visit.page))
    return problems


def settle(page: Any) -> None:
    """Wait until CSS transitions and animations have ended (axe reads colours mid-fade)."""
    page.wait_for_function(
        "() => document.getAnimations().every(animation => animation.playState !== 'running')"
    )


def open_search(page: Any, query: str) -> None:
    """Type `query` into the search field and wait for the results to be shown."""
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    settle(page)


def test_axe_every_page_type(
    online: Visit, online_pages: SitePages, record_checked: Callable[[str, int], None]
) -> None:
    """No page type of the online build has an axe WCAG 2.1 A/AA violation."""
    if os.environ.get("STRATEGIE_AXE") == "alle":
        sample = {page: page for page in online_pages.pages}
    else:
        sample = online_pages.sample()
    record_checked("axe WCAG 2.1 AA, online (Seitentypen)", len(sample))
    problems = check_pages(online, sample)
    assert not problems, "axe violations:\n" + "\n".join(problems)


def test_axe_search_results_open(online: Visit) -> None:
    """The search dialog with results open has no axe violation."""
    page = online.open("index.html")
    open_search(page, "Glasfaser")
    problems = describe("index.html (Suche offen: Glasfaser)", axe_violations(page))
    assert not problems, "axe violations:\n" + "\n".join(problems)


def test_axe_catalogue_filtered_and_sorted(online: Visit) -> None:
    """The catalogue after sorting and filtering (states made by script) has no violation."""
    page = online.open("katalog.html")
    page.locator("table[data-katalog] th button").first.click()
    status = page.locator("form[data-katalog-filter] select").first
    status.select_option(index=1)
    settle(page)
    problems = describe("katalog.html (sortiert, gefiltert)", axe_violations(page))
    assert not problems, "axe violations:\n" + "\n".join(problems)


def test_axe_phone_viewport(new_visit: Callable[..., Visit], online_pages: SitePages) -> None:
    """Start page, a measure and the catalogue at 390 × 844 have no axe violation."""
    visit = new_visit(viewport=PHONE)
    sample = {p: p for p in ("index.html", online_pages.measure("VER-03"), "katalog.html")}
    problems = check_pages(visit, sample)
    assert not problems, "axe violations:\n" + "\n".join(problems)


def test_axe_offline_build(offline: Visit, offline_pages: SitePages) -> None:
    """The offline build from file:// (start, a measure, catalogue, search) has no violation."""
    sample = {p: p for p in ("index.html", offline_pages.measure("VER-03"), "katalog.html")}
    problems = check_pages(offline, sample)
    page = offline.open("index.html")
    open_search(page, "Glasfaser")
    problems += describe("index.html offline (Suche offen)", axe_violations(page))
    assert not problems, "axe violations:\n" + "\n".join(problems)

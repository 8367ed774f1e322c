"""Hostile titles from the data stay text in a real browser, on every page type (issue 13).

The hostile fixture (tests/data/hostile/) is built online and offline; Chromium opens one page
of every type of each build and listens for dialogs (`alert`), uncaught script errors and
elements or handlers the data would have put there. The hostile measure title must show as
the text the editor wrote: in the window title, the heading and the navigation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import LOCAL_SCHEMES, serve, visiting
from hostile_build import build_hostile
from render_fixtures import load_case
from site_pages import SitePages

from generator import escape

pytestmark = pytest.mark.browser

#: Elements and attributes the hostile texts try to create.
INJECTED = "img[src='x'], [onerror], [onload], [onclick], [onmouseover], [onfocus], .injected"


@pytest.fixture(scope="module")
def hostile_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The hostile fixture built online and offline (the unpacked zip); without SITE_URL,
    like the other browser builds: instant navigation needs it to match the served address."""
    return build_hostile(tmp_path_factory.mktemp("feindlich-browser"))


@pytest.fixture(scope="module")
def hostile_roots(hostile_builds: tuple[Path, Path]) -> Iterator[dict[str, str]]:
    """Root URLs: the online build over http, the offline build via file://."""
    online, offline = hostile_builds
    with serve(online) as url:
        yield {"online": url, "offline": offline.as_uri() + "/"}


def expected_title() -> str:
    measure = load_case("hostile").massnahmen[0]
    return " ".join(escape.clean_text(f"{measure.id}: {measure.titel}").split())


@pytest.mark.parametrize("build", ["online", "offline"])
def test_hostile_titles_stay_text_on_every_page_type(
    browser: Any,
    hostile_builds: tuple[Path, Path],
    hostile_roots: dict[str, str],
    build: str,
    record_checked: Any,
) -> None:
    """No alert, no script error, no injected element on any page type; the title is text."""
    site = hostile_builds[0] if build == "online" else hostile_builds[1]
    root = hostile_roots[build]
    local = (root, *LOCAL_SCHEMES) if build == "online" else LOCAL_SCHEMES
    dialogs: list[str] = []
    errors: list[str] = []
    with visiting(browser, root, lambda url: url.startswith(local)) as visit:

        def on_dialog(dialog: Any) -> None:
            dialogs.append(f"{visit.page.url}: {dialog.type} {dialog.message!r}")
            dialog.dismiss()

        visit.page.on("dialog", on_dialog)

        def on_error(error: Any) -> None:
            errors.append(f"{visit.page.url}: {error}")

        visit.page.on("pageerror", on_error)
        pages = SitePages.scan(site).sample(variants=False)
        for path in pages.values():
            page = visit.open(path)
            page.wait_for_load_state("load")
            assert page.locator(INJECTED).count() == 0, path
        title = expected_title()
        # The hostile measure is an example: its navigation title, and so <title>, says so.
        navigation_title = title + " (Beispielmaßnahme)"
        page = visit.open("massnahmen/ang-01.html")
        page.wait_for_load_state("load")
        assert page.title().startswith(navigation_title + " - "), page.title()
        assert page.get_by_role("heading", level=1, name=title).count() == 1
        assert page.get_by_text(title, exact=True).count() >= 1  # the heading
        assert page.get_by_text(navigation_title, exact=True).count() >= 1  # the navigation
        page.wait_for_timeout(300)  # handlers of a failed image load run after "load"
    assert dialogs == []
    assert errors == []
    record_checked(f"Seiten der feindlichen Testdaten ({build}) ohne Skript", len(pages) + 1)

"""Example measures and the demonstration notice in a real browser: the catalogue's filter
„Herkunft“ (offline, from file://) and the notice in the offline build and in print."""

from __future__ import annotations

from pathlib import Path

from browsing import Visit

ROWS = "table[data-katalog] tbody tr"
MARK = ".strategie-beispiel"


def test_catalogue_filters_by_origin(offline: Visit) -> None:
    """„Beispielmaßnahmen“ shows exactly the marked rows, „aus öffentlichen Quellen“ the
    others; the count text agrees."""
    page = offline.open("katalog.html")
    page.locator("table[data-katalog][data-katalog-bereit]").wait_for()
    total = page.locator(ROWS).count()
    marked = page.locator(f"{ROWS}:has({MARK})").count()
    assert 0 < marked < total
    origin = page.get_by_label("Herkunft", exact=True)
    count = page.locator("[data-katalog-anzahl]")

    origin.select_option("beispiel")
    shown = page.locator(f"{ROWS}:not([hidden])")
    assert shown.count() == marked
    assert page.locator(f"{ROWS}:not([hidden]):not(:has({MARK}))").count() == 0
    assert count.inner_text() == f"{marked} von {total} Maßnahmen angezeigt"

    origin.select_option("quelle")
    assert page.locator(f"{ROWS}:not([hidden])").count() == total - marked
    assert page.locator(f"{ROWS}:not([hidden]):has({MARK})").count() == 0


def test_offline_pages_carry_the_notice(offline_site: Path) -> None:
    """Every page of the offline build has the notice above its content."""
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) > 100
    missing = [
        str(p.relative_to(offline_site))
        for p in pages
        if 'class="strategie-hinweis" role="note"' not in p.read_text(encoding="utf-8")
    ]
    assert missing == []


def test_notice_is_printed(offline: Visit) -> None:
    """In print media the notice stays visible above the measure's heading."""
    page = offline.open("massnahmen/ver-01.html")
    page.emulate_media(media="print")
    notice = page.locator(".strategie-hinweis")
    assert notice.is_visible()
    assert "Hinweis:" in notice.inner_text()
    heading = page.locator("article h1")
    assert notice.bounding_box()["y"] < heading.bounding_box()["y"]  # type: ignore[index]

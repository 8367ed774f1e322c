"""Screenshots of the start page, a measure and the catalogue on a phone and a desktop screen.

Not a test: pictures for a person to look at. Uses a built online site (default `site/`,
`strategie build` makes it), serves it on 127.0.0.1 and drives Debian's chromium:

    .venv/bin/python tests/browser/screenshots.py AUSGABEORDNER [--site site] [--massnahme ID]

Writes `<seite>-<breite>x<höhe>.png` (full page) into the output folder and prints the paths.
With `--readme` it writes only the README's two pictures instead, as the first screen a
reader sees: the start page on a desktop, a measure on a phone (scripts/readme-bilder.sh).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from browsing import CHROMIUM, DESKTOP, PHONE, REPO, launch, serve

VIEWPORTS = {"telefon": PHONE, "desktop": DESKTOP}


def _local_context(browser: Any, url: str, viewport: dict[str, int]) -> Any:
    """A German browser context at `viewport` (scale 1) that reaches only the served site: no
    page may reach the network, and the pictures must not depend on it either."""
    context = browser.new_context(locale="de-DE", viewport=viewport, device_scale_factor=1)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith((url, "data:", "blob:"))
            else route.abort()
        ),
    )
    return context


def take(site: Path, out: Path, measure: str) -> list[Path]:
    """Screenshot each page at each viewport into `out`; the files written."""
    from playwright.sync_api import sync_playwright

    pages = {
        "start": "index.html",
        f"massnahme-{measure.lower()}": f"massnahmen/{measure.lower()}.html",
        "katalog": "katalog.html",
    }
    missing = [path for path in pages.values() if not (site / path).is_file()]
    if missing:
        raise SystemExit(f"{site} hat diese Seiten nicht / lacks these pages: {missing}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for viewport in VIEWPORTS.values():
                context = _local_context(browser, url, viewport)
                page = context.new_page()
                for name, path in pages.items():
                    page.goto(url + path)
                    page.wait_for_load_state("networkidle")
                    file = out / f"{name}-{viewport['width']}x{viewport['height']}.png"
                    page.screenshot(path=str(file), full_page=True)
                    written.append(file)
                context.close()
        finally:
            browser.close()
    return written


#: The README's pictures: file name → (page, viewport); "{massnahme}" is the measure's page.
README_PICTURES = {
    "startseite-desktop.png": ("index.html", DESKTOP),
    "massnahme-telefon.png": ("massnahmen/{massnahme}.html", PHONE),
}


def take_readme(site: Path, out: Path, measure: str) -> list[Path]:
    """The README's two pictures (first screen only, not the full page) into `out`."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for name, (path, viewport) in README_PICTURES.items():
                context = _local_context(browser, url, viewport)
                page = context.new_page()
                page.goto(url + path.format(massnahme=measure.lower()))
                page.wait_for_load_state("networkidle")
                file = out / name
                page.screenshot(path=str(file))
                written.append(file)
                context.close()
        finally:
            browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="Ausgabeordner / output folder")
    parser.add_argument("--site", type=Path, default=REPO / "site", help="gebaute Website")
    parser.add_argument(
        "--massnahme", default=None, help="Kennung der Maßnahme (Standard: die erste der Website)"
    )
    parser.add_argument(
        "--readme", action="store_true", help="nur die zwei Bilder für die README schreiben"
    )
    arguments = parser.parse_args()
    site = arguments.site.resolve()
    measure = arguments.massnahme or _first_measure(site)
    if not CHROMIUM.is_file():
        print(f"{CHROMIUM} fehlt / is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    shoot = take_readme if arguments.readme else take
    for file in shoot(site, arguments.out, measure):
        print(file)
    return 0


def _first_measure(site: Path) -> str:
    """The id of the first measure page of the built site (in file-name order)."""
    pages = sorted((site / "massnahmen").glob("*.html"))
    if not pages:
        raise SystemExit(f"{site} hat keine Maßnahmenseiten / has no measure pages")
    return pages[0].stem


if __name__ == "__main__":
    sys.exit(main())

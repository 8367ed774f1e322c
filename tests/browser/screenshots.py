"""Screenshots of the start page, a measure and the catalogue on a phone and a desktop screen.

Not a test: pictures for a person to look at. Uses a built online site (default `site/`,
`strategie build` makes it), serves it on 127.0.0.1 and drives Debian's chromium:

    .venv/bin/python tests/browser/screenshots.py AUSGABEORDNER [--site site] [--massnahme VER-03]

Writes `<seite>-<breite>x<höhe>.png` (full page) into the output folder and prints the paths.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from browsing import CHROMIUM, DESKTOP, PHONE, REPO, launch, serve

VIEWPORTS = {"telefon": PHONE, "desktop": DESKTOP}


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
                context = browser.new_context(locale="de-DE", viewport=viewport)
                # No page may reach the network; the screenshots must not depend on it either.
                context.route(
                    "**/*",
                    lambda route: (
                        route.continue_()
                        if route.request.url.startswith((url, "data:", "blob:"))
                        else route.abort()
                    ),
                )
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="Ausgabeordner / output folder")
    parser.add_argument("--site", type=Path, default=REPO / "site", help="gebaute Website")
    parser.add_argument("--massnahme", default="VER-03", help="Kennung der Maßnahme")
    arguments = parser.parse_args()
    if not CHROMIUM.is_file():
        print(f"{CHROMIUM} fehlt / is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    for file in take(arguments.site.resolve(), arguments.out, arguments.massnahme):
        print(file)
    return 0


if __name__ == "__main__":
    sys.exit(main())

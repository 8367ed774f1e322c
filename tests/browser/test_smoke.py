"""Browser smoke test of the pages a pull request changes: they load, work and pass axe.

The pull-request check runs only this browser test when only data changed (the full suite
runs when code changes). `STRATEGIE_GEAENDERT` lists the changed files (one per line, as
`git diff --name-only` prints them); each measure or Leitthema file among them becomes its
page. The start page and the Maßnahmenkatalog are always checked, so the test is never empty.
Script errors are not judged here: a plain build (no mike) shows one from the version selector
today, which is fixed on another branch; add `pageerror` once that is merged.
Together with `STRATEGIE_SITE_DIR` the test checks a site that was already built.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from browsing import Visit
from test_accessibility import AXE, axe_violations, describe, settle

from generator import urls

pytestmark = pytest.mark.browser

ALWAYS = ("index.html", "katalog.html")


def changed_pages(changed: str) -> list[str]:
    """The site paths of the measure and Leitthema files in `changed`, after ALWAYS."""
    pages = list(ALWAYS)
    for line in changed.splitlines():
        path = PurePosixPath(line.strip())
        if path.suffix != ".yml" or len(path.parts) < 3 or path.parts[0] != "strategy":
            continue
        if path.parts[1] == "massnahmen":
            page = urls.measure_page(path.stem.upper())
        elif path.parts[1] == "leitthemen" and len(path.parts) == 3:
            page = urls.theme_page(path.stem)
        else:
            continue
        html = page.with_suffix(".html").as_posix()
        if html not in pages:
            pages.append(html)
    return pages


def test_changed_files_become_pages() -> None:
    """Measure and Leitthema files map to their pages; other files add nothing."""
    changed = (
        "strategy/massnahmen/verwaltung/ver-03.yml\nstrategy/leitthemen/bildung.yml\n"
        "strategy/strategie.yml\nREADME.md\nstrategy/massnahmen/verwaltung/ver-03.yml\n"
    )
    assert changed_pages(changed) == [
        "index.html",
        "katalog.html",
        "massnahmen/ver-03.html",
        "leitthemen/bildung/index.html",
    ]


def test_changed_pages_load_without_errors(online: Visit, online_site: Path) -> None:
    """Each changed page (and the start and catalogue pages) loads over http with a heading
    and no axe WCAG 2.1 A/AA violation. A removed measure has no page."""
    pages = changed_pages(os.environ.get("STRATEGIE_GEAENDERT", ""))
    pages = [path for path in pages if (online_site / path).is_file()]
    assert pages[: len(ALWAYS)] == list(ALWAYS)
    online.context.add_init_script(path=str(AXE))
    problems: list[str] = []
    for path in pages:
        response: Any = online.page.goto(online.root + path)
        assert response is not None and response.status == 200, path
        assert online.page.locator("h1").count() >= 1, f"{path}: keine Überschrift"
        settle(online.page)
        problems += describe(path, axe_violations(online.page))
    assert not problems, "axe violations:\n" + "\n".join(problems)

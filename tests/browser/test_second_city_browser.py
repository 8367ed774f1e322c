"""The second city (the fictional Elsterbrück, tests/data/zweitstadt) in the browser.

Its own build, online over http and offline from file://, made once for this module: axe finds
no violation on one page of each kind (start, overviews, a Zukunftsaufgabe with and one without
Themenfelder, a Themenfeld, measures, catalogue, evaluation, method, legal pages), and the
offline search finds a measure by its id without leaving the disk.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import LOCAL_SCHEMES, Visit, serve, visiting
from project_copy import REPO, copy_project, run_strategie
from test_accessibility import check_pages
from test_offline import search, stayed_on_disk

pytestmark = pytest.mark.browser

ZWEITSTADT = REPO / "tests" / "data" / "zweitstadt"
#: One page of each kind of the second city's site.
PAGES = (
    "index.html",
    "leitthemen/index.html",
    "leitthemen/verwaltung/index.html",
    "leitthemen/werkstatt/index.html",
    "handlungsfelder/online-dienste/index.html",
    "massnahmen/bv-01.html",
    "massnahmen/db-02.html",
    "massnahmen/db-04.html",
    "katalog.html",
    "auswertung/index.html",
    "auswertung/prioritaeten.html",
    "strategie/methode.html",
    "info/barrierefreiheit.html",
    "mitmachen.html",
)


@pytest.fixture(scope="module")
def second_city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Elsterbrück built online and offline: (online site, unpacked offline site)."""
    root = copy_project(tmp_path_factory.mktemp("zweitstadt-browser") / "projekt", ZWEITSTADT)
    for arguments in (("build",), ("build", "--offline")):
        result = run_strategie(root, *arguments)
        assert result.returncode == 0, result.stdout + result.stderr
    unpacked = root.parent / "entpackt"
    with zipfile.ZipFile(next((root / "dist").glob("*-offline.zip"))) as bundle:
        bundle.extractall(unpacked)
    offline = next(unpacked.glob("*/index.html")).parent
    return root / "site", offline


@pytest.fixture(scope="module")
def second_city_url(second_city: tuple[Path, Path]) -> Iterator[str]:
    """The online build of the second city served on 127.0.0.1."""
    with serve(second_city[0]) as url:
        yield url


def test_pages_exist_for_every_kind(second_city: tuple[Path, Path]) -> None:
    """Each page the axe check opens is part of the build (a typo would check nothing)."""
    missing = [page for page in PAGES if not (second_city[0] / page).is_file()]
    assert missing == []


def test_axe_finds_no_violation_on_the_second_city(
    browser: Any, second_city_url: str, record_checked: Any
) -> None:
    """axe (WCAG 2.1 A and AA) reports nothing on one page of each kind of the second city."""
    local = (second_city_url, *LOCAL_SCHEMES)
    with visiting(browser, second_city_url, lambda url: url.startswith(local)) as visit:
        problems = check_pages(visit, {page: page for page in PAGES})
        assert visit.blocked == []
    record_checked("axe, zweite Stadt", len(PAGES))
    assert problems == [], "\n".join(problems)


def test_offline_search_finds_a_measure_by_its_id(
    browser: Any, second_city: tuple[Path, Path]
) -> None:
    """From file://, searching „SL-02“ lists that measure (of the Zukunftsaufgabe without
    Themenfelder) first, and nothing leaves the disk."""
    root = second_city[1].as_uri() + "/"
    with visiting(browser, root, lambda url: url.startswith(LOCAL_SCHEMES)) as visit:
        offline: Visit = visit
        page = offline.open("index.html")
        results = search(page, "SL-02")
        assert results[0]["href"] == root + "massnahmen/sl-02.html", results[:3]
        assert results[0]["title"].startswith("SL-02"), results[0]
        stayed_on_disk(offline)

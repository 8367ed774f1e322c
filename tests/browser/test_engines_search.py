"""Offline search in a Zensical build (`strategie build --offline --engine zensical`).

The small strategy of the message tests is built once for this module; its offline zip is
unpacked and opened from disk (file://) with every request outside it blocked. Zensical
draws its own search dialog (in a shadow root, English labels: README, „Engines“); the
search must find a measure by its id, as Material's does in tests/browser/test_offline.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from browsing import LOCAL_SCHEMES, REPO, visiting
from project_copy import copy_project, run_strategie

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def zensical_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Zensical offline zip of the small strategy, unpacked: the folder with index.html."""
    root = copy_project(
        tmp_path_factory.mktemp("zensical") / "projekt", REPO / "tests" / "problems" / "base"
    )
    target = root.parent / "site-offline"
    result = run_strategie(root, "build", "--offline", "--engine", "zensical", "--out", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    (archive,) = root.parent.glob("*-offline.zip")
    folder = root.parent / "entpackt"
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(folder)
    (start,) = folder.glob("*/index.html")
    return start.parent


def test_zensical_offline_search_finds_a_measure_by_its_id(
    browser: Any, zensical_offline: Path
) -> None:
    """From file://, Zensical's search lists the measure VER-01 first, with no request that
    leaves the unpacked folder."""
    root = zensical_offline.as_uri() + "/"
    with visiting(browser, root, lambda url: url.startswith(LOCAL_SCHEMES)) as visit:
        page = visit.open("index.html")
        page.locator(".md-search__button").click()
        page.get_by_role("combobox").fill("VER-01")
        first = page.get_by_role("option").first
        first.wait_for(state="visible", timeout=20_000)
        href = (first.get_attribute("href") or "").split("?")[0].split("#")[0]
        assert href == root + "massnahmen/ver-01.html"
        assert first.locator("h2").inner_text().startswith("VER-01")
        assert visit.blocked == [], visit.blocked
        remote = [u for u in visit.requests if not u.startswith(("file:", "data:", "blob:"))]
        assert remote == []
        assert visit.trap.caught == []

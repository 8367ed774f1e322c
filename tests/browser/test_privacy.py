"""Privacy: reading the site sends nothing to anyone but the site and stores nothing.

Every request of a browsing session is recorded twice: by Playwright's request events (pages,
frames, workers) and by the context's own proxy trap, which sees whatever reaches the network
stack for another host. Nothing is blocked here, so a request to a third party would really be
attempted. No cookies, and no web storage either: § 25 TDDDG covers any information stored in
the reader's browser, not only cookies, and the privacy statement promises none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from browsing import Visit
from site_pages import SitePages

pytestmark = pytest.mark.browser

#: Cookies and web storage of the current page (file:// documents have no cookie jar).
STORED = """() => {
  let cookie;
  try { cookie = document.cookie; } catch (error) { cookie = ''; }
  return {
    cookie: cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  };
}"""


def browse(visit: Visit, pages: SitePages) -> list[str]:
    """Open one page of every type, search, filter the catalogue and click through the
    navigation, as a reader would; what each page stored, as readable problems."""
    stored: list[str] = []

    def check_storage() -> None:
        found = visit.page.evaluate(STORED)
        if found["cookie"] or found["local"] or found["session"]:
            stored.append(f"{visit.path()}: {found}")

    for path in pages.sample(variants=False).values():
        visit.open(path)
        check_storage()
    page = visit.open("index.html")
    page.locator(".md-search__input").fill("Glasfaser")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(re.compile(r"massnahmen/"))
    check_storage()
    page = visit.open("katalog.html")
    page.get_by_label("Status", exact=True).select_option(index=1)
    page.get_by_role("button", name="Priorität").click()
    check_storage()
    page.locator(".md-sidebar--primary a[href$='leitthemen/index.html']").first.click()
    page.wait_for_url(re.compile(r"leitthemen/index\.html"))
    page.wait_for_load_state("networkidle")
    check_storage()
    return stored


def test_online_site_requests_only_itself_and_stores_nothing(
    new_visit: Callable[..., Visit], online_pages: SitePages, site_url: str
) -> None:
    """Browsing the online build requests only 127.0.0.1:<port>; no cookies, no storage."""
    visit = new_visit("online", block=False)
    stored = browse(visit, online_pages)
    foreign = [u for u in visit.requests if not u.startswith((site_url, "data:", "blob:"))]
    assert len(visit.requests) > 20, "requests were not recorded"
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert visit.trap.caught == [], f"traffic to other hosts: {visit.trap.caught}"
    assert visit.context.cookies() == []
    assert stored == [], "stored in the browser:\n" + "\n".join(stored)


def test_offline_site_requests_only_its_files_and_stores_nothing(
    new_visit: Callable[..., Visit], offline_pages: SitePages
) -> None:
    """Browsing the offline build from file:// requests only its own files; stores nothing."""
    visit = new_visit("offline", block=False)
    stored = browse(visit, offline_pages)
    root = visit.root
    foreign = [u for u in visit.requests if not u.startswith((root, "data:", "blob:"))]
    assert len(visit.requests) > 20, "requests were not recorded"
    assert foreign == [], f"requests outside the unpacked folder: {foreign}"
    assert visit.trap.caught == [], f"traffic to other hosts: {visit.trap.caught}"
    assert visit.context.cookies() == []
    assert stored == [], "stored in the browser:\n" + "\n".join(stored)


def attempt(page: Any, url: str) -> None:
    page.evaluate("url => fetch(url, {mode: 'no-cors'}).catch(() => null)", url)


def test_recording_sees_third_party_requests(new_visit: Callable[..., Visit]) -> None:
    """The instruments work: a page's request to another host is recorded and trapped."""
    visit = new_visit("online", block=False)
    attempt(visit.open("index.html"), "https://example.org/zaehlpixel.gif")
    assert "https://example.org/zaehlpixel.gif" in visit.requests
    assert any("example.org:443" in line for line in visit.trap.caught), visit.trap.caught

    blocking = new_visit("offline")
    attempt(blocking.open("index.html"), "http://example.org/zaehlpixel.gif")
    assert blocking.blocked == ["http://example.org/zaehlpixel.gif"]
    assert blocking.trap.caught == []

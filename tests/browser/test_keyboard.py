"""Keyboard-only use of the online build: what axe cannot check.

Skip link, navigation, search and the catalogue's sorting and filtering, operated with Tab,
Enter and arrow keys only; every tab stop shows a visible focus; tabbing walks through the
whole page and out again (no keyboard trap).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from browsing import PHONE, Visit
from site_pages import SitePages

pytestmark = pytest.mark.browser

#: What the tests need to know about the focused element (null when nothing is focused).
FOCUSED = """async () => {
  let element = document.activeElement;
  if (element && element.closest('.md-search')) {
    // Material opens the search a moment after its field gets the focus: wait two frames.
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    element = document.activeElement;
  }
  if (!element || element === document.body || element === document.documentElement) {
    return null;
  }
  // Fast-forward transitions (the skip link fades in): measure the final state.
  document.getAnimations().forEach(animation => animation.finish());
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  let opacity = 1;
  for (let node = element; node instanceof Element; node = node.parentElement) {
    opacity *= parseFloat(getComputedStyle(node).opacity);
  }
  // The accessible name, simplified: aria-label(ledby), a <label>, the text, value or title.
  const labelledby = (element.getAttribute('aria-labelledby') || '').split(/\\s+/)
    .map(id => document.getElementById(id)).filter(Boolean).map(node => node.textContent);
  const labels = [...(element.labels || [])].map(label => label.textContent);
  const name = [element.getAttribute('aria-label'), labelledby.join(' '), labels.join(' '),
                element.innerText, element.value, element.getAttribute('title')]
    .map(text => (text || '').trim().replace(/\\s+/g, ' ')).find(Boolean) || '';
  // Not covered by something else (a drawer panel over another): the element is hit at its centre.
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    onTop: !!hit && (element.contains(hit) || hit.contains(element)),
    tag: element.tagName.toLowerCase(),
    classes: String(element.className || ''),
    name: name.slice(0, 60),
    href: element.getAttribute('href'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
      && box.left < innerWidth && box.top < innerHeight,
    shown: style.visibility === 'visible' && opacity > 0.5,
    inContent: !!element.closest('.md-content'),
    inNavigation: !!element.closest('.md-sidebar--primary'),
    html: element.outerHTML.slice(0, 120),
  };
}"""
#: Elements the Tab key can reach (an upper bound for the walks below).
TABBABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "[tabindex]:not([tabindex='-1'])"
)


def open_idle(visit: Visit, path: str) -> Any:
    """Open a page and wait until its scripts are done loading (search index included):
    keys pressed while Material is still starting can be undone by it (scroll, focus)."""
    page = visit.open(path)
    page.wait_for_load_state("networkidle")
    return page


def press(page: Any, key: str) -> dict[str, Any] | None:
    """Press `key`; the focused element, as it looks once transitions have ended."""
    page.keyboard.press(key)
    focused: dict[str, Any] | None = page.evaluate(FOCUSED)
    return focused


def tab_until(page: Any, wanted: Callable[[dict[str, Any]], bool], limit: int = 80) -> dict:
    """Press Tab until the focused element is `wanted`; fail after `limit` presses."""
    seen = []
    for _ in range(limit):
        focused = press(page, "Tab")
        if focused is not None and wanted(focused):
            return focused
        seen.append(focused and f"{focused['tag']}.{focused['classes']} {focused['name']!r}")
    raise AssertionError(f"not reached with {limit} × Tab; focus went to: {seen}")


def tab_through(page: Any) -> list[dict[str, Any] | None]:
    """Press Tab until the focus leaves the page or comes back to the first stop."""
    limit = page.locator(TABBABLE).count() + 10
    stops: list[dict[str, Any] | None] = []
    for _ in range(limit):
        focused = press(page, "Tab")
        stops.append(focused)
        if focused is None or (len(stops) > 1 and focused["html"] == stops[0]["html"]):
            return stops
    raise AssertionError(
        f"keyboard trap: {limit} × Tab never left the page; last stops: {stops[-5:]}"
    )


def describe(stop: dict[str, Any]) -> str:
    return f"<{stop['tag']} class={stop['classes']!r}> {stop['name']!r}: {stop['html']}"


@pytest.mark.parametrize("kind", ["start", "measure", "catalogue"])
def test_skip_link_comes_first_shows_and_jumps_to_content(
    online: Visit, online_pages: SitePages, kind: str
) -> None:
    """The first Tab reaches a visible skip link; Enter moves the focus into the content."""
    path = {
        "start": "index.html",
        "measure": online_pages.measure("VER-03"),
        "catalogue": "katalog.html",
    }[kind]
    page = open_idle(online, path)
    skip = press(page, "Tab")
    assert skip is not None and "md-skip" in skip["classes"], f"first tab stop: {skip}"
    assert skip["onScreen"] and skip["shown"], f"skip link not visible when focused: {skip}"
    assert skip["outline"] or skip["shadow"], f"skip link shows no focus: {skip}"
    target = skip["href"].split("#", 1)[1]
    press(page, "Enter")
    assert page.url.endswith("#" + target), page.url
    # A reader's pause. With instant navigation Material fetches the page again after an
    # in-page link and swaps the content in (~20 ms later, seconds on a loaded machine): a Tab
    # pressed within that moment loses the focus it just got (reported). So the pause lasts
    # until that request is answered, as it does for a reader.
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    after = press(page, "Tab")
    assert after is not None and after["inContent"], f"after the skip link, Tab went to {after}"


def test_navigation_links_work_by_keyboard(online: Visit, online_pages: SitePages) -> None:
    """Tab reaches the navigation; Enter on a Leitthema there opens it, then a Handlungsfeld."""
    page = open_idle(online, online_pages.measure("VER-03"))
    themes = re.compile(r"/leitthemen/(?!verwaltung/)[^/]+/index\.html$")
    link = tab_until(page, lambda f: f["inNavigation"] and bool(themes.search(f["href"] or "")))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(link["href"]) + "$"))
    assert online.path().startswith("leitthemen/")
    fields = re.compile(r"/handlungsfelder/[^/]+/index\.html$")
    link = tab_until(page, lambda f: f["inNavigation"] and bool(fields.search(f["href"] or "")))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(link["href"]) + "$"))
    assert online.path().startswith("handlungsfelder/")


def test_search_works_by_keyboard(online: Visit, online_pages: SitePages) -> None:
    """Tab to the search field, type, arrow down to a result, Enter opens it; Escape closes."""
    page = open_idle(online, "index.html")
    tab_until(page, lambda f: "md-search__input" in f["classes"], limit=5)
    page.keyboard.type("Glasfaser")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    result = press(page, "ArrowDown")
    assert result is not None and "md-search-result__link" in result["classes"], result
    assert result["outline"] or result["shadow"], f"search result shows no focus: {result}"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/massnahmen/"))
    assert online.path() in online_pages.measures_containing("Glasfaser")

    page = open_idle(online, "index.html")
    tab_until(page, lambda f: "md-search__input" in f["classes"], limit=5)
    assert page.evaluate("() => document.getElementById('__search').checked")
    press(page, "Escape")
    assert not page.evaluate("() => document.getElementById('__search').checked")


def visible_rows(page: Any) -> list[dict[str, str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('table[data-katalog] tbody tr')]
             .filter(row => !row.hidden && row.offsetParent !== null)
             .map(row => ({status: row.dataset.status, id: row.cells[0].textContent.trim()}))"""
    )


def test_catalogue_filter_and_sort_work_by_keyboard(online: Visit) -> None:
    """Arrow keys on the status filter narrow the table and its count; Enter on a header sorts."""
    page = open_idle(online, "katalog.html")
    total = len(visible_rows(page))
    tab_until(page, lambda f: f["tag"] == "select" and "status" in f["html"], limit=120)
    press(page, "ArrowDown")
    chosen = page.evaluate("() => document.activeElement.value")
    assert chosen, "ArrowDown did not choose a status"
    rows = visible_rows(page)
    count = page.locator("[data-katalog-anzahl]").inner_text()
    assert count == f"{len(rows)} von {total} Maßnahmen angezeigt", count
    assert 0 < len(rows) < total
    assert {row["status"] for row in rows} == {chosen}

    header = tab_until(page, lambda f: f["tag"] == "button" and f["name"] == "Priorität")
    assert header["outline"] or header["shadow"], f"sort button shows no focus: {header}"
    press(page, "Enter")
    order = page.locator("th:has(button:text-is('Priorität'))").get_attribute("aria-sort")
    keys = page.evaluate(
        """() => [...document.querySelectorAll('table[data-katalog] tbody tr')]
             .filter(row => !row.hidden).map(row => row.cells[6].dataset.sort)"""
    )
    assert order == "descending", f"the first press sorts highest first, not {order}"
    rated = [float(key) for key in keys if key]
    assert rated == sorted(rated, reverse=True), keys
    assert keys == [key for key in keys if key] + [key for key in keys if not key], (
        f"unrated measures are not last: {keys}"
    )


@pytest.mark.parametrize("kind", ["start", "measure", "catalogue"])
def test_every_tab_stop_shows_focus_and_tabbing_leaves_the_page(
    online: Visit, online_pages: SitePages, kind: str
) -> None:
    """Each tab stop is on screen with an outline or shadow; Tab walks out (no trap)."""
    path = {
        "start": "index.html",
        "measure": online_pages.measure("VER-03"),
        "catalogue": "katalog.html",
    }[kind]
    page = open_idle(online, path)
    stops = tab_through(page)
    shown = [stop for stop in stops if stop is not None]
    assert len(shown) > 20, f"only {len(shown)} tab stops on {path}"
    problems = [
        describe(stop)
        for stop in shown
        if not (stop["onScreen"] and stop["shown"] and (stop["outline"] or stop["shadow"]))
    ]
    assert not problems, f"tab stops without visible focus on {path}:\n" + "\n".join(problems)
    nameless = [describe(s) for s in shown if not s["name"]]
    assert not nameless, f"tab stops without a name on {path}:\n" + "\n".join(nameless)
    footer_links = page.locator("footer a[href]").count()
    assert footer_links == 0 or any("md-footer" in stop["html"] for stop in shown)


def test_phone_tab_stops_are_all_visible(
    new_visit: Callable[..., Visit], online_pages: SitePages
) -> None:
    """On a phone-sized screen no tab stop is hidden off screen (e.g. in the closed drawer)."""
    visit = new_visit(viewport=PHONE)
    page = open_idle(visit, online_pages.measure("VER-03"))
    stops = [stop for stop in tab_through(page) if stop is not None]
    problems = [describe(s) for s in stops if not (s["onScreen"] and s["shown"])]
    assert not problems, "invisible tab stops:\n" + "\n".join(problems)


#: A navigation control (label for a hidden checkbox) and the state of that checkbox.
CONTROL_STATE = """label => ({
  role: label.getAttribute('role'),
  name: label.getAttribute('aria-label'),
  expanded: label.getAttribute('aria-expanded'),
  checked: document.getElementById(label.htmlFor).checked,
})"""


def test_navigation_section_toggles_have_names(online: Visit, online_pages: SitePages) -> None:
    """The controls that open and close navigation sections are buttons named after their
    section, with aria-expanded; Space and Enter each toggle a section exactly once."""
    page = open_idle(online, online_pages.measure("VER-03"))
    toggles = page.locator(".md-sidebar--primary label.md-nav__link[tabindex='0']")
    assert toggles.count() > 0
    states = toggles.evaluate_all(f"labels => labels.map({CONTROL_STATE})")
    wrong = [
        s
        for s in states
        if s["role"] != "button"
        or not (s["name"] or "").startswith("Unterseiten von ")
        or s["expanded"] != ("true" if s["checked"] else "false")
    ]
    assert wrong == [], wrong

    # With navigation.prune only the current page's branch has controls: all open at first.
    toggle = toggles.first
    toggle.focus()
    for key, expanded in (("Space", False), ("Enter", True), ("Enter", False)):
        page.keyboard.press(key)
        state = toggle.evaluate(CONTROL_STATE)
        assert (state["expanded"], state["checked"]) == (str(expanded).lower(), expanded), key


def test_phone_navigation_opens_by_keyboard(
    new_visit: Callable[..., Visit], online_pages: SitePages
) -> None:
    """On a phone-sized screen the menu button is a named button: Enter opens the drawer, whose
    links the focus then reaches; Escape closes it and puts the focus back; Space opens it."""
    visit = new_visit(viewport=PHONE)
    page = open_idle(visit, online_pages.measure("VER-03"))
    button = tab_until(page, lambda f: "__drawer" in f["html"], limit=10)
    assert button["outline"] or button["shadow"], describe(button)
    menu = page.locator("label[for='__drawer'][role='button']")
    assert menu.evaluate(CONTROL_STATE) == {
        "role": "button",
        "name": "Navigation öffnen",
        "expanded": "false",
        "checked": False,
    }
    drawer = page.locator("#" + (menu.get_attribute("aria-controls") or "(none)"))
    assert "md-sidebar--primary" in (drawer.get_attribute("class") or "")

    press(page, "Enter")
    state = menu.evaluate(CONTROL_STATE)
    assert (state["checked"], state["expanded"], state["name"]) == (
        True,
        "true",
        "Navigation schließen",
    )
    link = tab_until(page, lambda f: f["inNavigation"] and f["onScreen"] and f["shown"])
    assert link["outline"] or link["shadow"], describe(link)

    back = press(page, "Escape")
    assert back is not None and "__drawer" in back["html"], back
    state = menu.evaluate(CONTROL_STATE)
    assert (state["checked"], state["expanded"], state["name"]) == (
        False,
        "false",
        "Navigation öffnen",
    )
    press(page, "Space")
    assert menu.evaluate(CONTROL_STATE)["checked"] is True


def test_phone_navigation_drawer_shows_every_tab_stop_and_leads_back_up(
    new_visit: Callable[..., Visit], online_pages: SitePages
) -> None:
    """In the open drawer every tab stop is visible and on top (nothing under the open section
    is reachable); its „Zurück aus …“ title leads up a level, with the focus on the section's
    button there, and that button opens the section again with the focus on its title."""
    visit = new_visit(viewport=PHONE)
    page = open_idle(visit, online_pages.measure("VER-03"))
    tab_until(page, lambda f: "__drawer" in f["html"], limit=10)
    press(page, "Enter")
    page.wait_for_timeout(300)  # the drawer slides in
    stops = []
    for _ in range(60):
        stop = press(page, "Tab")
        if stop is None or stop["inContent"]:
            break
        stops.append(stop)
    in_drawer = [s for s in stops if s["inNavigation"]]
    assert len(in_drawer) >= 3, [describe(s) for s in stops]
    hidden = [describe(s) for s in in_drawer if not (s["onScreen"] and s["shown"] and s["onTop"])]
    assert hidden == [], "tab stops in the drawer that cannot be seen:\n" + "\n".join(hidden)
    title = in_drawer[0]
    assert title["name"].startswith("Zurück aus "), describe(title)

    page.locator(f".md-sidebar--primary [aria-label='{title['name']}']").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # the section slides out
    up = page.evaluate(FOCUSED)
    assert up is not None and up["name"].startswith("Unterseiten von "), up
    assert up["onScreen"] and up["shown"] and up["onTop"], describe(up)
    assert page.evaluate("() => document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Space")
    page.wait_for_timeout(300)  # the section slides in
    down = page.evaluate(FOCUSED)
    assert down is not None and down["name"] == title["name"], down
    assert down["onScreen"] and down["shown"] and down["onTop"], describe(down)

"""Accessibility of every built page that shows in the HTML itself, read without a browser.

Headings, language, link texts, table headers, skip link and text alternatives of SVG images,
checked on every page of the online build and of the offline zip (html.parser, fast). What only
a browser shows (contrast, focus, keyboard) is in test_accessibility.py and test_keyboard.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

import pytest
from site_pages import MEASURES, SitePages, Structure, structure

#: Link texts that say nothing out of context (WCAG 2.4.4), compared case-insensitively.
VAGUE_LINK_TEXTS = {
    "hier",
    "hier klicken",
    "klicken sie hier",
    "mehr",
    "mehr lesen",
    "mehr erfahren",
    "weiterlesen",
    "weiter",
    "link",
    "details",
    "info",
    "here",
    "click here",
    "more",
    "read more",
}
#: Page shapes the site promises (design.md, „Pages“): each must be in every build.
PAGE_TYPES = (
    "index.html",
    "strategie/index.html",
    "strategie/methode.html",
    "leitthemen/index.html",
    "leitthemen/*/index.html",
    "handlungsfelder/*/index.html",
    MEASURES,
    "katalog.html",
    "sdg/index.html",
    "sdg/*.html",
    "charta/index.html",
    "charta/*.html",
    "akteure/index.html",
    "akteure/*.html",
)


@pytest.fixture(scope="session", params=["online", "offline"])
def parsed(
    request: pytest.FixtureRequest, record_checked: Callable[[str, int], None]
) -> tuple[SitePages, dict[str, Structure]]:
    """Every page of one build (online, then offline), parsed."""
    pages: SitePages = request.getfixturevalue(f"{request.param}_pages")
    record_checked(f"Struktur (html.parser), {request.param}", len(pages.pages))
    return pages, {page: structure(pages.text(page)) for page in pages.pages}


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_build_has_every_page_type(parsed: tuple[SitePages, dict[str, Structure]]) -> None:
    """The build holds each promised page type (start, Leitthema, Maßnahme, Katalog, SDG …)."""
    pages, _ = parsed
    pages.require(*PAGE_TYPES)
    assert len(pages.measures) >= 60


def test_every_page_has_exactly_one_h1(parsed: tuple[SitePages, dict[str, Structure]]) -> None:
    """Each page has one and only one h1."""
    _, structures = parsed
    problems = [
        f"{page}: {[text for level, text in s.headings if level == 1]}"
        for page, s in structures.items()
        if sum(1 for level, _ in s.headings if level == 1) != 1
    ]
    assert not problems, _report(problems)


def test_heading_levels_are_never_skipped(parsed: tuple[SitePages, dict[str, Structure]]) -> None:
    """Headings start at h1 and go down one level at a time (h2 after h1, never h1 → h3)."""
    _, structures = parsed
    problems = []
    for page, s in structures.items():
        previous = 0
        for level, text in s.headings:
            if level > previous + 1:
                problems.append(f"{page}: h{level} „{text}“ follows h{previous}")
            previous = level
    assert not problems, _report(problems)


def test_every_page_is_marked_german(parsed: tuple[SitePages, dict[str, Structure]]) -> None:
    """Each page declares lang="de" on its html element."""
    _, structures = parsed
    problems = [f"{page}: lang={s.lang!r}" for page, s in structures.items() if s.lang != "de"]
    assert not problems, _report(problems)


def test_link_texts_say_where_they_lead(parsed: tuple[SitePages, dict[str, Structure]]) -> None:
    """No link is nameless or vague („hier“, „mehr“, „Link“ …), heading permalinks included."""
    _, structures = parsed
    problems = []
    checked = 0
    for page, s in structures.items():
        for link in s.links:
            checked += 1
            name = link.name.strip()
            bare = re.sub(r"[\W_]+", " ", name).strip().casefold()
            # A table-of-contents entry for a subsection (h3 and below) is read nested under
            # its section's entry, which gives it context („Link“ as a data type under
            # „Felder“); sections (h2) must say what they hold on their own.
            target = s.heading_ids.get(unquote(link.href.removeprefix("#")), 0)
            in_context = link.href.startswith("#") and target >= 3
            if not bare:
                problems.append(f"{page}: link to {link.href} has no text: {name!r}")
            elif bare in VAGUE_LINK_TEXTS and not in_context:
                problems.append(f"{page}: link to {link.href} says only {name!r}")
    assert checked > 1000, f"only {checked} links found: is the parser broken?"
    assert not problems, _report(problems)


def test_tables_have_header_cells(parsed: tuple[SitePages, dict[str, Structure]]) -> None:
    """Every data table has header cells (th)."""
    pages, structures = parsed
    problems = []
    tables = 0
    for page, s in structures.items():
        for number, table in enumerate(s.tables, start=1):
            tables += 1
            if table.data_cells and not table.header_cells:
                problems.append(f"{page}: table {number} has {table.data_cells} cells, no th")
    catalogue = structures["katalog.html"].tables
    assert catalogue and catalogue[0].header_cells >= 3, "the catalogue table lost its headers"
    assert tables > len(pages.measures), f"only {tables} tables in the build"
    assert not problems, _report(problems)


def test_skip_link_points_to_the_page_content(
    parsed: tuple[SitePages, dict[str, Structure]],
) -> None:
    """Each page starts with a skip link whose target exists on the page."""
    _, structures = parsed
    problems = []
    for page, s in structures.items():
        if s.skip_link is None:
            problems.append(f"{page}: no skip link (a.md-skip)")
        elif s.skip_link.removeprefix("#") not in s.ids:
            problems.append(f"{page}: skip link {s.skip_link} points to no element")
    assert not problems, _report(problems)


#: Roles under which a drawn SVG is announced as one named thing (a chart, or a group of
#: linked marks such as the priority matrix).
SVG_ROLES = {"img", "group", "figure", "graphics-document"}


def test_svg_images_have_text_alternatives(
    parsed: tuple[SitePages, dict[str, Structure]],
    record_checked: Callable[[str, int], None],
) -> None:
    """Each SVG drawn in the content (charts, diagrams) is named (role and title, aria-label or
    aria-labelledby pointing at existing text) or hidden as decoration."""
    _, structures = parsed
    drawn = [(page, svg) for page, s in structures.items() for svg in s.svgs if svg.in_content]
    if not drawn:
        pytest.skip(
            "no SVG in any page's content yet (no charts; the strategy model on "
            "strategie/index.html is an HTML list): nothing to check"
        )
    record_checked("SVG-Grafiken im Inhalt", len(drawn))
    problems = []
    for page, svg in drawn:
        if svg.hidden:
            continue
        missing = [i for i in svg.labelledby.split() if i not in structures[page].ids]
        if svg.role not in SVG_ROLES:
            problems.append(f"{page}: svg with role={svg.role!r}, expected one of {SVG_ROLES}")
        elif not (svg.title or svg.label or svg.labelledby):
            problems.append(f"{page}: svg role={svg.role} without title or aria-label(ledby)")
        elif missing:
            problems.append(f"{page}: svg aria-labelledby names missing ids {missing}")
    assert not problems, _report(problems)

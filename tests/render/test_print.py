"""Print page and print stylesheet: the whole strategy on one page, ready for paper and PDF.

The page lists every measure once, under its Leitthema and Handlungsfeld, with status, time
frame, responsible unit and rating (example values marked); it is left out of the search
index. print.css only acts in print. Printing to PDF in Chromium is in tests/browser/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from render_fixtures import load_case
from render_html import parse, to_html
from repo_paths import REPO

from generator import urls
from generator.model import Strategy
from generator.render.engine import RenderedSite, render_site

PRINT_CSS = REPO / "docs" / "theme" / "assets" / "stylesheets" / "print.css"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@pytest.fixture(scope="module")
def minimal() -> Strategy:
    return load_case("minimal")


@pytest.fixture(scope="module")
def minimal_site(minimal: Strategy) -> RenderedSite:
    return render_site(minimal)


@pytest.fixture(scope="module")
def print_page(minimal_site: RenderedSite) -> str:
    return minimal_site.pages[urls.PRINT]


def body(page: str) -> str:
    """The page without its front matter, as MkDocs reads it."""
    return FRONT_MATTER.sub("", page, count=1)


def test_print_page_is_excluded_from_search_by_front_matter(print_page: str) -> None:
    """The front matter says search: exclude: true; the generated-from comment follows it."""
    match = FRONT_MATTER.match(print_page)
    assert match and match.group(1) == "search:\n  exclude: true"
    assert body(print_page).startswith("<!-- Erzeugt aus strategy/")


def test_every_measure_appears_once_under_its_field_or_theme(
    minimal: Strategy, print_page: str
) -> None:
    """Each measure is one heading: h4 under its Handlungsfeld (h3), h3 under a theme without
    (headings carry their section id as an attribute list, which is left out here)."""
    headings = [
        (level, re.sub(r" \{: [^}]*\}$", "", title))
        for level, title in re.findall(r"^(#{2,4}) (.*)$", body(print_page), re.M)
    ]
    for measure in minimal.massnahmen:
        title = f"{measure.id}: {measure.titel}"
        level = "####" if measure.handlungsfeld else "###"
        assert [h for h in headings if h[1] == title] == [(level, title)], measure.id
        index = headings.index((level, title))
        parents = [h for h in headings[:index] if len(h[0]) < len(level)]
        if measure.handlungsfeld:
            field = next(
                f
                for t in minimal.leitthemen
                for f in t.handlungsfelder
                if f.id == measure.handlungsfeld
            )
            assert parents[-1] == ("###", f"Handlungsfeld: {field.titel}")
        theme = next(t for t in minimal.leitthemen if t.id == measure.leitthema)
        assert [h for h in parents if h[0] == "##"][-1] == (
            "##",
            f"Leitthema {theme.nummer}: {theme.titel}",
        )


def test_measure_essentials_are_shown(print_page: str) -> None:
    """Status with date, time frame, responsible unit and partners, ratings marked as examples."""
    text = " ".join(parse(to_html(body(print_page))).text.split())
    for expected in [
        "Status: in Umsetzung seit 1. August 2020, Fortschritt 40 %",
        "Zeitraum: 2020 bis 2024",
        "Verantwortlich: Amt für Digitales; Partner: Stadtwerke Musterstadt, Hochschule "
        "Musterstadt",
        "Bewertung (Beispielwerte, nicht die offizielle Bewertung): Wichtigkeit 5",
        "Priorität 4,1 (Beispielwert)",
        "Bewertung: nicht bewertet",
    ]:
        assert expected in text, expected


def test_every_rating_says_where_it_comes_from(minimal: Strategy, print_page: str) -> None:
    """Each measure's rating line says „Beispielwerte“, „offiziell“ or „nicht bewertet“."""
    blocks = re.split(r"^#{3,4} ", body(print_page), flags=re.M)[1:]
    by_id = {block.split(":", 1)[0]: block for block in blocks if re.match(r"[A-Z]+-\d+:", block)}
    assert set(by_id) == {m.id for m in minimal.massnahmen}
    expected = {
        "beispiel": "- Bewertung (Beispielwerte, nicht die offizielle Bewertung): ",
        "offiziell": "- Bewertung (offiziell, Stand: ",
        "nicht bewertet": "- Bewertung: nicht bewertet",
    }
    for measure in minimal.massnahmen:
        lines = [line for line in by_id[measure.id].splitlines() if line.startswith("- Bewertung")]
        assert len(lines) == 1 and lines[0].startswith(expected[measure.bewertung.quelle]), lines


def test_print_page_holds_visions_principles_and_editions(
    minimal: Strategy, print_page: str
) -> None:
    """The strategy's frame comes first: visions, strategic goals, principles, editions."""
    text = " ".join(parse(to_html(body(print_page))).text.split())
    document = minimal.strategie
    for expected in [
        *(vision.titel for vision in document.visionen),
        *document.strategische_ziele,
        *(principle.titel for principle in document.prinzipien),
        *(edition.titel for edition in document.fortschreibungen),
        document.hinweis,
    ]:
        assert expected in text, expected


def test_print_stylesheet_acts_only_in_print() -> None:
    """print.css is loaded by the site and every rule in it sits inside @media print."""
    config = (REPO / "mkdocs.base.yml").read_text(encoding="utf-8")
    assert "  - assets/stylesheets/print.css\n" in config
    css = re.sub(r"/\*.*?\*/", "", PRINT_CSS.read_text(encoding="utf-8"), flags=re.S).strip()
    assert css.startswith("@media print {") and css.endswith("}")
    depth = 0
    for index, char in enumerate(css):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and char == "}":
            assert index == len(css) - 1, f"a rule outside @media print: {css[index:][:60]!r}"


def test_print_stylesheet_prints_external_addresses_and_keeps_rows_whole() -> None:
    """External links show their address; table rows and headings are not split."""
    css = PRINT_CSS.read_text(encoding="utf-8")
    assert re.search(r'a\[href\^="https:"\]::after[^}]*content: " \(" attr\(href\) "\)"', css)
    assert re.search(r"\.md-typeset tr,[^}]*break-inside: avoid", css, re.S)
    assert re.search(r"h4 \{\s*break-after: avoid;", css)


def test_pdf_refuses_a_folder_without_the_print_page(tmp_path: Path) -> None:
    """`strategie pdf --site` on a folder that is no built site: a German user error."""
    from generator.errors import UserError
    from generator.site.pdf import print_pdf

    with pytest.raises(UserError, match=r"gibt es keine druckfassung\.html"):
        print_pdf(tmp_path, tmp_path / "x.pdf", Path("/usr/bin/chromium"), REPO)
    assert not (tmp_path / "x.pdf").exists()


def test_pdf_names_a_missing_chromium(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A STRATEGIE_CHROMIUM that names no program, and no Chromium on PATH: German errors
    saying how to install it."""
    from generator.errors import UserError
    from generator.site.pdf import find_chromium

    monkeypatch.setenv("STRATEGIE_CHROMIUM", str(tmp_path / "fehlt"))
    with pytest.raises(UserError, match="dort liegt aber kein Programm"):
        find_chromium()
    monkeypatch.delenv("STRATEGIE_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UserError, match="apt-get install -y chromium"):
        find_chromium()


def test_page_number_css_sets_contents_and_references() -> None:
    """Each section's page follows its contents entry and, as „(S. n)“, other links to it."""
    from generator.site.pdf import page_number_css

    css = page_number_css({"druck-m-ver-01": 8, "druck-lt-verwaltung": 7})
    assert '.druck-inhalt a[href="#druck-m-ver-01"]::after { content: "8"; }' in css
    reference = '"#druck-lt-verwaltung"]:not(.druck-inhalt a)::after { content: " (S. 7)"; }'
    assert reference in css


def test_print_page_has_cover_contents_and_anchored_sections(
    minimal: Strategy, print_page: str
) -> None:
    """The print page opens with the cover and a contents list that links every Leitthema,
    Handlungsfeld and measure to its section's id; Leitthemen carry the page-break class."""
    text = body(print_page)
    assert '<div class="druck-titelseite" markdown>' in text
    contents = text.split('<nav class="druck-inhalt"', 1)[1].split("</nav>", 1)[0]
    for measure in minimal.massnahmen:
        anchor = f"druck-m-{measure.id.lower()}"
        assert f"](#{anchor})" in contents, measure.id
        assert f"{{: #{anchor} }}" in text, measure.id
    for theme in minimal.leitthemen:
        assert f"{{: #druck-lt-{theme.id} .druck-leitthema }}" in text


def test_print_page_lists_each_measures_sources(minimal: Strategy, print_page: str) -> None:
    """Paper names where each measure's facts come from: every source's address is printed
    with its measure (as a link whose address print.css writes out)."""
    text = body(print_page)
    for measure in minimal.massnahmen:
        heading = re.search(rf"^#{{3,4}} {re.escape(measure.id)}: .*$", text, re.M)
        assert heading, measure.id
        section = text[heading.end() :].split("\n#", 1)[0]
        for source in measure.quellen:
            assert f"]({source.url})" in section, (measure.id, source.url)

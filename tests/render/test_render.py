"""Render stage: golden pages, structure of every page, links, escaping of hostile data."""

from __future__ import annotations

import itertools
import json
import os
import re
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import UndefinedError
from render_fixtures import load_case
from render_html import dangers, parse, to_html, to_html_permissive, without_front_matter
from repo_paths import GOLDEN, STRATEGY

from generator import escape, urls
from generator.check.validate import load_strategy
from generator.model import Measure, Strategy
from generator.render.engine import RenderedSite, make_env, nav_title, render_site


@pytest.fixture(scope="module")
def minimal() -> Strategy:
    return load_case("minimal")


@pytest.fixture(scope="module")
def minimal_site(minimal: Strategy) -> RenderedSite:
    return render_site(minimal)


@pytest.fixture(scope="module")
def hostile() -> Strategy:
    return load_case("hostile")


# --- Golden pages ---------------------------------------------------------------------------


def test_minimal_pages_match_goldens(minimal_site: RenderedSite, update_goldens: bool) -> None:
    """The fixture renders exactly the reviewed golden pages (--update-goldens rewrites them)."""
    folder = GOLDEN / "minimal"
    if update_goldens:
        for old in folder.rglob("*.md"):
            old.unlink()
        for path, text in minimal_site.pages.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    expected = {PurePosixPath(p.relative_to(folder).as_posix()) for p in folder.rglob("*.md")}
    assert set(minimal_site.pages) == expected
    for path, text in minimal_site.pages.items():
        assert text == (folder / path).read_text(encoding="utf-8"), f"golden differs: {path}"


def test_minimal_navigation_matches_golden(
    minimal_site: RenderedSite, update_goldens: bool
) -> None:
    """The navigation of the fixture strategy equals the reviewed golden navigation."""
    golden = GOLDEN / "minimal.navigation.json"
    text = json.dumps(minimal_site.navigation, ensure_ascii=False, indent=2) + "\n"
    if update_goldens:
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert text == golden.read_text(encoding="utf-8")


# --- Structure ------------------------------------------------------------------------------


def test_rendering_is_deterministic(minimal: Strategy) -> None:
    """Rendering the same strategy twice gives identical pages and navigation."""
    first, second = render_site(minimal), render_site(minimal)
    assert first == second
    assert list(first.pages) == list(second.pages)


def test_pages_use_unix_newlines_and_end_with_one(minimal_site: RenderedSite) -> None:
    """Every page uses \\n line endings, no trailing spaces, and ends with a single newline."""
    for path, text in minimal_site.pages.items():
        assert "\r" not in text, path
        assert text.endswith("\n") and not text.endswith("\n\n"), path
        assert not re.search(r"[ \t]\n", text), path


def test_every_page_names_its_sources_and_has_one_h1(minimal_site: RenderedSite) -> None:
    """Line 1 (after any front matter) names the sources, line 2 is the only h1; no level skips."""
    for path, text in minimal_site.pages.items():
        lines = without_front_matter(text).splitlines()
        assert re.fullmatch(r"<!-- Erzeugt aus strategy/\S.* – bitte dort ändern\. -->", lines[0])
        assert lines[1].startswith("# "), path
        levels = [int(tag[1]) for tag in re.findall(r"<(h[1-6])\b", to_html(text))]
        assert levels.count(1) == 1, path
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (path, levels)


_BLOCK_START = re.compile(r"^(<(div|ul|ol|table|form|p)\b|!!! |\| |- |#)")


@pytest.mark.parametrize("case", ["minimal", "hostile"])
def test_blocks_are_separated_by_blank_lines(case: str) -> None:
    """Lists, tables, admonitions and HTML blocks never stick to the paragraph before them."""
    for path, text in render_site(load_case(case)).pages.items():
        lines = text.split("\n")
        in_rich_text = False
        for before, line in itertools.pairwise(lines):
            in_rich_text = (in_rich_text or before.startswith('<div class="strategie-text">')) and (
                before != "</div>"
            )
            if in_rich_text or not before.strip() or not _BLOCK_START.match(line):
                continue
            continuing = (
                (line[:2] in {"| ", "- "} and before[:1] == line[:1])
                # a nested list item, then the next item of the outer list
                or (line.startswith("- ") and before.lstrip().startswith("- "))
                or (before.startswith("<") and line.startswith("<"))
            )
            assert continuing or before.startswith("<!--"), f"{path}: {before!r} → {line!r}"


def test_measure_page_names_its_yaml_file(minimal: Strategy, minimal_site: RenderedSite) -> None:
    """A measure page's comment names the measure's own YAML file."""
    page = minimal_site.pages[PurePosixPath("massnahmen/ver-01.md")]
    assert page.startswith(f"<!-- Erzeugt aus {minimal.dateien['VER-01']} – bitte dort ändern.")


def test_navigation_lists_every_page_once(minimal_site: RenderedSite) -> None:
    """Every rendered page is in the navigation exactly once, and nothing else is."""
    paths = _nav_paths(minimal_site.navigation)
    assert sorted(paths) == sorted(str(p) for p in minimal_site.pages)


def test_navigation_nests_theme_field_measure(minimal_site: RenderedSite) -> None:
    """Leitthema → Handlungsfeld → Maßnahme; a theme without fields lists its measures directly."""
    themes = _section(minimal_site.navigation, "Leitthemen")
    administration = _section(themes, "Digitale & Bürgerorientierte Verwaltung")
    assert administration[0] == {
        "Digitale & Bürgerorientierte Verwaltung": "leitthemen/verwaltung/index.md"
    }
    field = _section(administration, "E-Government und digitale Services")
    assert field[0] == {
        "E-Government und digitale Services": "handlungsfelder/e-government/index.md"
    }
    assert [next(iter(e.values())) for e in field[1:]] == [
        "massnahmen/ver-01.md",
        "massnahmen/ver-03.md",
    ]
    lab = _section(themes, "Reallabor am Stadtpark")
    assert [next(iter(e.values())) for e in lab] == [
        "leitthemen/labor/index.md",
        "massnahmen/lab-01.md",
        "massnahmen/lab-02.md",
    ]


def test_section_pages_are_index_pages(minimal_site: RenderedSite) -> None:
    """The first entry of every nav section is an index.md (Material's navigation.indexes)."""

    def check(entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            value = next(iter(entry.values()))
            if isinstance(value, list):
                first = next(iter(value[0].values()))
                assert isinstance(first, str) and first.endswith("index.md"), first
                check(value)

    check(minimal_site.navigation)


def test_internal_links_point_to_rendered_pages(minimal_site: RenderedSite) -> None:
    """Every relative link, in Markdown or in raw HTML, resolves to a rendered page."""
    pages = {str(p) for p in minimal_site.pages}
    for path, text in minimal_site.pages.items():
        targets = re.findall(r"\]\(((?:\.\./)*(?![a-z]+:)[a-z0-9][^)\s]*\.md)\)", text)
        targets += [
            t[: -len(".html")] + ".md"
            for t in re.findall(r'href="((?:\.\./)*[a-z0-9][^"]*\.html)"', text)
        ]
        for target in targets:
            resolved = os.path.normpath(os.path.join(str(path.parent), target)).replace("\\", "/")
            assert resolved in pages, f"{path}: broken link {target}"


def test_every_measure_appears_once_in_the_catalogue(
    minimal: Strategy, minimal_site: RenderedSite
) -> None:
    """The catalogue table has one row per measure, each linking to the measure page."""
    catalogue = minimal_site.pages[urls.CATALOGUE]
    rows = re.findall(r"<tr data-status=.*?</tr>", catalogue, flags=re.S)
    assert len(rows) == len(minimal.massnahmen)
    for measure in minimal.massnahmen:
        href = f'href="massnahmen/{measure.id.lower()}.html"'
        assert sum(href in row for row in rows) == 1, measure.id


def test_every_measure_is_linked_from_its_field_or_theme(
    minimal: Strategy, minimal_site: RenderedSite
) -> None:
    """Each measure is linked from its Handlungsfeld page (or its Leitthema page if it has none)."""
    for measure in minimal.massnahmen:
        parent = (
            urls.field_page(measure.handlungsfeld)
            if measure.handlungsfeld
            else urls.theme_page(measure.leitthema)
        )
        link = f"]({urls.relative_link(parent, urls.measure_page(measure.id))})"
        assert minimal_site.pages[parent].count(link) == 1, measure.id


_SEGMENT = st.sampled_from(["a", "b", "massnahmen", "leitthemen", "ver-03", "x1"])


@given(
    folder=st.lists(_SEGMENT, max_size=3),
    target=st.lists(_SEGMENT, max_size=3),
)
def test_relative_link_matches_posix_relpath(folder: list[str], target: list[str]) -> None:
    """The hand-written relative link (faster than relpath) agrees with posixpath.relpath."""
    import posixpath

    source = PurePosixPath(*folder, "seite.md")
    page = PurePosixPath(*target, "ziel.md")
    expected = posixpath.relpath(str(page), posixpath.dirname(str(source)) or ".")
    assert urls.relative_link(source, page) == expected


@pytest.mark.parametrize("target", ["a/../b.md", "../b.md", "A.md", "a/b.txt"])
def test_relative_link_refuses_paths_outside_the_url_scheme(target: str) -> None:
    """A ".." segment would make the computed link differ from the page's real place (the
    segments are compared, not resolved); such a path is a bug in the render stage."""
    with pytest.raises(ValueError, match="outside the URL scheme"):
        urls.relative_link(PurePosixPath("massnahmen/x.md"), PurePosixPath(target))


def test_catalogue_is_a_complete_accessible_table(minimal_site: RenderedSite) -> None:
    """The catalogue has a caption, column headers with scope, a hidden form and a live count."""
    html = to_html(minimal_site.pages[urls.CATALOGUE])
    parsed = parse(html)
    headers = [e for e in parsed.elements if e.tag == "th"]
    assert [h.attributes.get("scope") for h in headers] == ["col"] * 7
    assert "caption" in parsed.tags()
    form = next(e for e in parsed.elements if e.tag == "form")
    assert "hidden" in form.attributes
    selects = [e.attributes["id"] for e in parsed.elements if e.tag == "select"]
    labels = [e.attributes["for"] for e in parsed.elements if e.tag == "label"]
    assert set(selects) <= set(labels)
    count = next(e for e in parsed.elements if "data-katalog-anzahl" in e.attributes)
    assert count.attributes["role"] == "status"
    assert count.attributes["aria-live"] == "polite"


def test_catalogue_table_keeps_its_roles_and_names_each_cell(minimal_site: RenderedSite) -> None:
    """The table and its row groups state their roles (phones show it as cards), rows and cells
    carry none (HTML forbids them there: katalog.js sets them), each cell names its column's
    header (data-spalte), and the front matter hides the empty table of contents and keeps the
    page out of the search index (each measure is found on its own page)."""
    page = minimal_site.pages[urls.CATALOGUE]
    assert page.startswith("---\nhide:\n  - toc\nsearch:\n  exclude: true\n---\n<!-- Erzeugt aus ")
    table = re.search(r"<table data-katalog.*</table>", to_html(page), re.S)
    assert table
    elements = parse(table.group(0)).elements
    roles = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup"}
    roles |= {"tr": None, "th": None, "td": None}
    wrong = [e for e in elements if e.tag in roles and e.attributes.get("role") != roles[e.tag]]
    assert wrong == []
    headers = re.findall(r"<th [^>]*>([^<]+)</th>", table.group(0))
    rows = re.findall(r"<tr data-status=.*?</tr>", table.group(0), re.S)
    assert len(headers) == 7 and rows
    for row in rows:
        assert re.findall(r'<td [^>]*data-spalte="([^"]+)"', row) == headers


def test_measure_page_shows_what_the_editor_entered(minimal_site: RenderedSite) -> None:
    """The full measure page shows status date, progress, ratings as examples, and the edit link."""
    text = parse(to_html(minimal_site.pages[PurePosixPath("massnahmen/ver-01.md")])).text
    for expected in [
        "in Umsetzung seit 1. August 2020",
        "Fortschritt: 40 %",
        "2020 bis 2024",
        "Stadtteile: Altstadt, Nordviertel",
        "Partner: Stadtwerke Musterstadt, Hochschule Musterstadt",
        "Beispielwerte",
        "5 von 5 (sehr hoch), Beispielwert",
        "Priorität: 4,1 (aus Beispielwerten)",
        "1.300.000 €",
        "Pressemitteilung: Pressemitteilung zum Start des Serviceportals",
        "Stand: 2. Mai 2024",
        "Diese Maßnahme auf GitHub bearbeiten",
    ]:
        assert expected in text
    assert (
        "(https://github.com/musterstadt/strategie/edit/main/"
        "strategy/massnahmen/verwaltung/ver-01.yml)"
    ) in minimal_site.pages[PurePosixPath("massnahmen/ver-01.md")]


def test_unrated_example_measure_says_so(minimal_site: RenderedSite) -> None:
    """A measure without rating shows „nicht bewertet“ with its reason and the example notice."""
    page = minimal_site.pages[PurePosixPath("massnahmen/ver-03.md")]
    text = parse(to_html(page)).text
    assert "Diese Maßnahme ist nicht bewertet. Grund: Die Maßnahme wurde vor einer" in text
    assert '!!! info "Beispielmaßnahme"' in page
    catalogue_row = re.search(
        r'<tr data-status="eingestellt".*?</tr>', minimal_site.pages[urls.CATALOGUE], re.S
    )
    assert catalogue_row and "nicht bewertet" in catalogue_row.group(0)


def test_without_repository_there_is_no_edit_link(minimal: Strategy) -> None:
    """Measure pages link to the YAML file only when strategie.yml names a repository."""
    document = minimal.strategie.model_copy(update={"repository": None})
    site = render_site(minimal.model_copy(update={"strategie": document}))
    assert "bearbeiten" not in site.pages[PurePosixPath("massnahmen/ver-01.md")]


def test_unused_registry_entries_are_listed_without_page(minimal_site: RenderedSite) -> None:
    """SDGs, guidelines and actors no measure refers to get no page but appear on the index."""
    assert PurePosixPath("charta/leitlinie-2.md") not in minimal_site.pages
    assert PurePosixPath("akteure/rat.md") not in minimal_site.pages
    assert (
        "| Leitlinie 2: Digitale Transformation braucht Transparenz"
        in minimal_site.pages[urls.GUIDELINES]
    )
    assert "| Rat der Stadt |" in minimal_site.pages[urls.ACTORS]


def test_bundled_strategy_renders_well_formed_pages() -> None:
    """The real strategy renders with one h1 per page, no skipped levels and nothing dangerous."""
    strategy, problems = load_strategy(STRATEGY)
    assert strategy is not None, [p.format() for p in problems]
    site = render_site(strategy)
    assert len([p for p in site.pages if p.parts[0] == "massnahmen"]) == len(strategy.massnahmen)
    assert sorted(_nav_paths(site.navigation)) == sorted(str(p) for p in site.pages)
    for path, text in site.pages.items():
        html = to_html(text)
        levels = [int(tag[1]) for tag in re.findall(r"<(h[1-6])\b", html)]
        assert levels.count(1) == 1, path
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (path, levels)
        assert dangers(html) == [], path


# --- Escaping -------------------------------------------------------------------------------


def test_hostile_fixture_renders_inert(hostile: Strategy, tmp_path: Path) -> None:
    """Hostile texts in every field produce no script, handler, foreign link or attribute."""
    (tmp_path / "geheim.txt").write_text("GEHEIMNIS", encoding="utf-8")
    for path, text in render_site(hostile).pages.items():
        assert "{{" not in text and "{%" not in text, path
        assert dangers(to_html(text)) == [], path
        permissive = to_html_permissive(text, tmp_path)
        assert dangers(permissive) == [], path
        assert "GEHEIMNIS" not in permissive, path


def test_hostile_fixture_renders_complete(hostile: Strategy) -> None:
    """Each hostile plain text appears on its page exactly as written (whitespace collapsed)."""
    site = render_site(hostile)
    measure = hostile.massnahmen[0]
    document = hostile.strategie
    theme = hostile.leitthemen[0]
    expected: dict[PurePosixPath, list[str]] = {
        urls.START: [
            document.titel,
            document.untertitel,
            document.kurzbeschreibung,
            document.hinweis,
            document.motto or "",
            document.visionen[0].titel,
        ],
        urls.METHOD: [
            document.status[0].bezeichnung,
            document.status[0].definition,
            document.fortschritt,
            document.bewertung.kriterien[0].bezeichnung,
            document.bewertung.kriterien[0].frage,
            document.bewertung.erlaeuterung,
        ],
        urls.STRATEGY: [
            document.visionen[0].beschreibung,
            document.fortschreibungen[0].titel,
            document.fortschreibungen[0].beschluss,
            document.fortschreibungen[0].zusammenfassung,
            document.lizenz.name,
            document.lizenz.namensnennung,
            document.kontakt.stelle,
        ],
        urls.theme_page(theme.id): [theme.titel, theme.kurzbeschreibung],
        urls.field_page(theme.handlungsfelder[0].id): [
            theme.handlungsfelder[0].titel,
            theme.handlungsfelder[0].kurzbeschreibung,
            measure.titel,
        ],
        urls.measure_page(measure.id): [
            measure.titel,
            measure.kurzbeschreibung,
            theme.handlungsfelder[0].operative_ziele[0].text,
            measure.beteiligung or "",
            measure.wirkung or "",
            measure.finanzierung[0].quelle,
            measure.finanzierung[0].programm or "",
            measure.meilensteine[0].titel,
            measure.indikatoren[0].titel,
            measure.indikatoren[0].einheit,
            measure.links[0].titel,
            measure.quellen[0].titel,
            hostile.stadtteile[0].name,
            hostile.akteure[0].name,
            hostile.akteure[1].name,
        ],
        urls.CATALOGUE: [measure.titel, theme.titel, hostile.akteure[0].name],
        urls.actor_page("akteur"): [hostile.akteure[0].name, hostile.akteure[0].beschreibung or ""],
        urls.goal_page(1): [hostile.sdgs[0].titel, hostile.sdgs[0].beschreibung],
        urls.guideline_page("leitlinie-1"): [hostile.leitlinien[0].titel],
    }
    for path, values in expected.items():
        text = parse(to_html(site.pages[path])).text
        for value in values:
            assert escape.clean_text(value) in text, f"{path}: missing {value!r}"


def _with_raw_markup(strategy: Strategy) -> Strategy:
    """The minimal strategy with markup the model would reject, as if validation were bypassed."""
    attack = (
        '<script>alert(1)</script><img src=x onerror="alert(1)"> {{ 7*7 }} {% if 1 %}x{% endif %} '
        '[klick](javascript:alert(1)) {: onclick="alert(1)" .injected } # Kopf | Spalte |'
    )
    snippet = '--8<-- "geheim.txt"'
    measure: Measure = strategy.massnahmen[0].model_copy(
        update={
            "titel": attack,
            "kurzbeschreibung": f"{snippet}\n{attack}",
            "beschreibung": (
                f"{snippet}\n\n<script>alert(1)</script>\n\n<a href='javascript:alert(1)'>a</a> "
                f'<img src=x onerror="alert(1)">\n\n{attack}\n\n[x](javascript:alert(1))'
            ),
            "wirkung": f"\n{snippet}\n",
        }
    )
    theme = strategy.leitthemen[0].model_copy(update={"titel": attack, "kurzbeschreibung": snippet})
    return strategy.model_copy(
        update={
            "massnahmen": [measure, *strategy.massnahmen[1:]],
            "leitthemen": [theme, *strategy.leitthemen[1:]],
        }
    )


def test_markup_that_bypassed_validation_stays_inert(minimal: Strategy, tmp_path: Path) -> None:
    """Raw HTML, script, template and snippet syntax are escaped even without model checks."""
    (tmp_path / "geheim.txt").write_text("GEHEIMNIS", encoding="utf-8")
    site = render_site(_with_raw_markup(minimal))
    for path, text in site.pages.items():
        assert "{{" not in text and "{%" not in text and "--8<--" not in text, path
        assert dangers(to_html(text)) == [], path
        permissive = to_html_permissive(text, tmp_path)
        assert dangers(permissive) == [], path
        assert "GEHEIMNIS" not in permissive, path
    measure_text = parse(to_html(site.pages[PurePosixPath("massnahmen/lab-01.md")])).text
    assert "<script>alert(1)</script>" in measure_text


@pytest.mark.parametrize(
    "title",
    ["Sternchen *fett* und Bürger*innen", "Pipe | in | Tabelle", "[x](y)", "# Raute", "1. Liste"],
)
def test_titles_with_markdown_characters_render_literally(minimal: Strategy, title: str) -> None:
    """A measure title with Markdown syntax shows literally in its h1, tables and links."""
    measure = minimal.massnahmen[0].model_copy(update={"titel": title})
    site = render_site(
        minimal.model_copy(update={"massnahmen": [measure, *minimal.massnahmen[1:]]})
    )
    page = parse(to_html(site.pages[urls.measure_page(measure.id)]))
    assert f"{measure.id}: {title}" in page.text
    field = parse(to_html(site.pages[urls.theme_page(measure.leitthema)]))
    assert title in field.text
    cells = [t for t in field.texts if t.strip()]
    assert title in cells
    assert nav_title(f"{measure.id}: {title}") in _nav_titles(site.navigation)


def test_unsafe_urls_are_refused() -> None:
    """A URL other than https or mailto stops rendering instead of becoming a link."""
    for url in ["javascript:alert(1)", "http://example.org", "data:text/html,x", "//evil.example"]:
        with pytest.raises(ValueError):
            escape.markdown_url(url)
        with pytest.raises(ValueError):
            escape.html_url(url)


def test_markdown_urls_cannot_break_out_of_the_link() -> None:
    """Characters that would end a Markdown link target early are percent-encoded."""
    url = "https://example.org/a_(b)[c] d{e}|f"
    assert escape.markdown_url(url) == "https://example.org/a_%28b%29%5Bc%5D%20d%7Be%7D%7Cf"


def test_rich_text_is_sanitised_and_demoted() -> None:
    """Rich text keeps allowed formatting, drops scripts and unsafe links, demotes headings."""
    html = escape.render_rich_text(
        "# Eins\n\n## Zwei\n\n### Drei\n\n**fett** [ok](https://example.org) "
        "[weg](jav&#x61;script:alert(1)) [relativ](../x.md)\n\n<script>alert(1)</script>"
    )
    assert "<h3>Eins</h3>" in html and "<h4>Zwei</h4>" in html and "<h4>Drei</h4>" in html
    assert '<a href="https://example.org" rel="noopener">ok</a>' in html
    assert "<strong>fett</strong>" in html
    assert "javascript" not in html.lower() and "x.md" not in html
    assert "&lt;script&gt;" in html and "<script" not in html
    assert "\n\n" not in html


def test_comment_cannot_be_closed_by_a_file_name() -> None:
    """A source path with "-->" does not end the generated-from comment early."""
    assert "-->" not in escape.html_comment_text("strategy/a-->b.yml")


def test_templates_refuse_unescaped_values() -> None:
    """A template that outputs a plain string without an escaping filter fails loudly."""
    env = make_env()
    with pytest.raises(TypeError, match="unescaped"):
        env.from_string("{{ value }}").render(value="*x*")
    assert env.from_string("{{ value | md }}").render(value="*x*") == "\\*x\\*"
    assert env.from_string("{{ 3 }}").render() == "3"
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing | md }}").render()


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aZ 1.-#*_`[](){}<>|!~^=$:&;\\+\n\t\"'%@/ß→")),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=40,
)


@given(_TEXT)
def test_markdown_text_shows_exactly_the_text(value: str) -> None:
    """Escaped text renders as exactly that text, in a paragraph, list, heading or table cell."""
    escaped = escape.markdown_text(value)
    expected = escape.clean_text(value)
    for page, tag, prefix in [
        (escaped, "p", ""),
        (f"- {escaped}", "li", ""),
        (f"## {escaped}", "h2", ""),
        (f"| Kopf |\n|---|\n| {escaped} |", "td", "Kopf "),
    ]:
        parsed = parse(to_html(page))
        assert parsed.text == (prefix + expected).strip()
        assert parsed.tags() <= {"p", "ul", "li", "h2", "table", "thead", "tbody", "tr", "th", "td"}
        if expected:
            assert tag in parsed.tags()


@given(_TEXT)
def test_html_text_shows_exactly_the_text(value: str) -> None:
    """Escaped text inside a raw HTML block renders as exactly that text, as text and attribute."""
    escaped = escape.html_text(value)
    parsed = parse(to_html(f'<div title="{escaped}">{escaped}</div>'))
    assert parsed.text == " ".join(escape.clean_text(value).split())
    assert [e.tag for e in parsed.elements] == ["div"]
    assert parsed.elements[0].attributes["title"] == escape.clean_text(value)


# --- helpers --------------------------------------------------------------------------------


def _nav_paths(entries: list[dict[str, Any]]) -> list[str]:
    paths: list[str] = []
    for entry in entries:
        value = next(iter(entry.values()))
        paths += _nav_paths(value) if isinstance(value, list) else [value]
    return paths


def _nav_titles(entries: list[dict[str, Any]]) -> list[str]:
    titles: list[str] = []
    for entry in entries:
        title, value = next(iter(entry.items()))
        titles.append(title)
        if isinstance(value, list):
            titles += _nav_titles(value)
    return titles


def _section(entries: list[dict[str, Any]], title: str) -> list[dict[str, Any]]:
    for entry in entries:
        if title in entry and isinstance(entry[title], list):
            return list(entry[title])
    raise AssertionError(f"no section {title!r}")


def test_since_shows_how_exact_the_date_is() -> None:
    """A status date is shown as exactly as the data knows it, never a filler day."""
    from datetime import date

    from generator.wording import format_since

    day = date(2013, 10, 1)
    assert format_since(date(2017, 4, 24)) == "seit 24. April 2017"
    assert format_since(day, "monat") == "seit Oktober 2013"
    assert format_since(day, "jahr") == "seit 2013"
    assert format_since(day, "angenommen") == "seit 2013 (angenommen)"
    assert format_since(day, "unbekannt") == "(Datum unbekannt)"

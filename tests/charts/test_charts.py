"""SVG charts: valid, accessible, escaped, legible colours, geometry that matches the data."""

from __future__ import annotations

import itertools
import re
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st
from render_fixtures import load_case
from repo_paths import REPO as ROOT

from generator import escape
from generator.charts import evaluation as charts
from generator.charts import svg
from generator.charts import timeline as timeline_chart
from generator.check.validate import load_strategy
from generator.render.engine import render_site

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
HOSTILE = "<script>alert(1)</script> & \"x\" 'y' {{ 7*7 }} {% x %} ]]> --> <!--"


def _parse(chart: charts.Chart) -> ElementTree.Element:
    return ElementTree.fromstring(chart.markup)


def _charts_in(text: str) -> list[str]:
    return re.findall(r"<svg .*?</svg>", text, re.S)


def _site_charts() -> list[tuple[str, str, str]]:
    """(case, page, svg) for every chart of the bundled strategy and the test fixtures."""
    strategy, problems = load_strategy(ROOT / "strategy")
    assert strategy is not None, [p.format() for p in problems]
    found = []
    for case, loaded in [
        ("real", strategy),
        ("minimal", load_case("minimal")),
        ("hostile", load_case("hostile")),
    ]:
        for path, text in render_site(loaded).pages.items():
            found += [(case, str(path), markup) for markup in _charts_in(text)]
    return found


SITE_CHARTS = _site_charts()


def test_every_evaluation_page_has_charts() -> None:
    """The Auswertung pages, Leitthema and Handlungsfeld pages of every case carry charts (the
    SDG page where the data has an SDG registry: it is optional)."""
    pages = {(case, page) for case, page, _ in SITE_CHARTS}
    real_has_sdgs = bool(load_strategy(ROOT / "strategy")[0].sdgs)  # type: ignore[union-attr]
    for case in ("real", "minimal", "hostile"):
        for page in ("auswertung/index.md", "auswertung/zeitplan.md", "auswertung/sdg.md"):
            if case == "real" and page == "auswertung/sdg.md" and not real_has_sdgs:
                assert (case, page) not in pages
                continue
            assert (case, page) in pages
    assert ("real", "auswertung/prioritaeten.md") in pages
    assert ("hostile", "auswertung/prioritaeten.md") not in pages  # one criterion: no matrix


@pytest.mark.parametrize(("case", "page", "markup"), SITE_CHARTS, ids=lambda v: str(v)[:40])
def test_chart_is_valid_svg_with_title_and_description(case: str, page: str, markup: str) -> None:
    """Well-formed XML; <title> and <desc> first, named by aria; scalable; role fits content."""
    root = ElementTree.fromstring(markup)
    assert root.tag == f"{SVG}svg"
    title, desc = list(root)[:2]
    assert (title.tag, desc.tag) == (f"{SVG}title", f"{SVG}desc")
    assert (title.text or "").strip() and (desc.text or "").strip()
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert root.get("width") == "100%"
    assert re.fullmatch(r"0 0 [\d.]+ \d+", root.get("viewBox") or "")
    links = root.findall(f".//{SVG}a")
    assert root.get("role") == ("group" if links else "img")
    for link in links:
        label = link.findtext(f"{SVG}text") or ""
        assert label and label in (link.get("aria-label") or "")  # WCAG 2.5.3 Label in Name
        assert link.find(f"{SVG}title") is None  # its text would count as visible content
        assert re.fullmatch(r"(\.\./)*massnahmen/[a-z]+-\d+\.html", link.get(f"{XLINK}href") or "")
        # A plain href makes Material's instant navigation throw (it assigns el.href).
        assert link.get("href") is None


def test_ids_are_unique_on_every_page() -> None:
    """Several charts on one page never share an id (patterns, titles, descriptions)."""
    by_page: dict[tuple[str, str], list[str]] = {}
    for case, page, markup in SITE_CHARTS:
        by_page.setdefault((case, page), []).extend(re.findall(r' id="([^"]+)"', markup))
    for key, ids in by_page.items():
        assert len(ids) == len(set(ids)), key


def test_hostile_labels_stay_text() -> None:
    """Markup, quotes and template syntax in labels are escaped in text and attributes."""
    item = charts.MatrixItem(HOSTILE, "../massnahmen/ver-01.html", HOSTILE + " Rang 1", 0, 0, True)
    drawn = [
        charts.stacked_bars(
            "a",
            HOSTILE,
            HOSTILE,
            [charts.Series(HOSTILE, 0)],
            [charts.BarGroup(HOSTILE, (charts.BarRow(HOSTILE, (3,)),))],
        ),
        charts.heatmap(
            "b",
            HOSTILE,
            HOSTILE,
            columns=[HOSTILE],
            column_key=[HOSTILE],
            rows=[charts.HeatmapRow(HOSTILE, (1,), 1)],
        ),
        charts.matrix(
            "c",
            HOSTILE,
            HOSTILE,
            x_label=HOSTILE,
            y_label=HOSTILE,
            x_ticks=["1"],
            y_ticks=["1"],
            items=[item],
            legend_entries=[(True, HOSTILE)],
        ),
        timeline_chart.gantt(
            "d",
            HOSTILE,
            HOSTILE,
            first_year=2020,
            last_year=2030,
            series=[charts.Series(HOSTILE, 1)],
            groups=[
                timeline_chart.GanttGroup(
                    HOSTILE, (timeline_chart.GanttBar(HOSTILE, 2021, None, 1, False, HOSTILE),)
                )
            ],
            open_end_label=HOSTILE,
        ),
    ]
    expected = escape.clean_text(HOSTILE)
    for chart in drawn:
        root = _parse(chart)
        assert "{{" not in chart.markup and "{%" not in chart.markup
        assert not root.findall(f".//{SVG}script") and not root.findall(".//script")
        assert root.findtext(f"{SVG}title") == expected
        texts = "".join(root.itertext())
        assert expected in texts
    link = _parse(drawn[2]).find(f".//{SVG}a")
    assert link is not None and link.get("aria-label") == expected + " Rang 1"
    with pytest.raises(ValueError, match="must contain its label"):
        charts.matrix(
            "e",
            "T",
            "D",
            x_label="x",
            y_label="y",
            x_ticks=["1"],
            y_ticks=["1"],
            items=[
                charts.MatrixItem(
                    "VER-01", "../massnahmen/ver-01.html", "Serviceportal", 0, 0, False
                )
            ],
            legend_entries=[],
        )


# --- Colours -----------------------------------------------------------------------------------


def test_series_colours_contrast_with_the_page() -> None:
    """Every series colour has at least 3:1 against white (WCAG 1.4.11)."""
    for colour in svg.PALETTE:
        assert svg.contrast(colour, svg.WHITE) >= 3, colour


def test_text_colours_contrast_with_their_background() -> None:
    """Labels on white, counts on chips and on every heatmap shade reach 4.5:1."""
    assert svg.contrast(svg.INK, svg.WHITE) >= 4.5
    assert svg.contrast(svg.MUTED, svg.WHITE) >= 4.5
    for shade in svg.HEAT:
        assert svg.contrast(svg.ink_on(shade), shade) >= 4.5, shade
    assert svg.contrast(svg.LINE, svg.WHITE) >= 3  # outlines that carry meaning


def test_stylesheet_uses_the_chart_colours() -> None:
    """The HTML status bars use the same colours as the charts, status by status."""
    css = (ROOT / "docs/theme/assets/stylesheets/strategie-seiten.css").read_text("utf-8")
    variables = dict(re.findall(r"--strategie-status-(\d): (#[0-9a-f]{6});", css))
    assert [variables[str(i)] for i in range(len(svg.PALETTE))] == list(svg.PALETTE)


def test_series_differ_by_pattern_as_well_as_colour() -> None:
    """Eight series have eight patterns; colour and pattern together differ for 64 series."""
    assert len({svg.pattern_kind(style) for style in range(8)}) == 8
    pairs = {(svg.colour(style), svg.pattern_kind(style)) for style in range(64)}
    assert len(pairs) == 64


# --- Geometry ----------------------------------------------------------------------------------


def _rects(element: ElementTree.Element) -> list[dict[str, float]]:
    return [
        {key: float(rect.get(key, 0)) for key in ("x", "y", "width", "height")}
        for rect in element.iter(f"{SVG}rect")
    ]


def _dashed(element: ElementTree.Element) -> bool:
    rect = element.find(f"{SVG}rect")
    return rect is not None and rect.get("stroke-dasharray") is not None


def test_stacked_bars_scale_counts_and_label_them() -> None:
    """Segment lengths are proportional on one scale; counts stand in wide segments."""
    series = [charts.Series("a", 0), charts.Series("b", 1)]
    rows = (
        charts.BarRow("eins", (6, 2)),
        charts.BarRow("zwei", (4, 0)),
        charts.BarRow("drei", (0, 0)),
    )
    chart = charts.stacked_bars("t", "T", "D", series, [charts.BarGroup(None, rows)])
    root = _parse(chart)
    segments = [r for r in root.findall(f"{SVG}rect") if (r.get("fill") or "").startswith("url(")]
    widths = [float(r.get("width") or 0) + 2 for r in segments]
    assert widths == pytest.approx([svg.WIDTH * 6 / 8, svg.WIDTH * 2 / 8, svg.WIDTH * 4 / 8])
    counts = [t.text for t in root.findall(f"{SVG}text") if t.get("text-anchor") == "middle"]
    assert counts == ["6", "2", "4"]
    assert "keine Maßnahmen" in "".join(root.itertext())
    legend = root.find(f"{SVG}g")
    assert legend is not None and legend.get("aria-hidden") == "true"
    assert [t.text for t in legend.iter(f"{SVG}text")] == ["a", "b"]


def test_heatmap_shows_every_count() -> None:
    """Each cell shows its count, the total column too; shades grow with the count."""
    rows = [charts.HeatmapRow("SDG 1", (0, 2), 2), charts.HeatmapRow("SDG 2", (4, 1), 5)]
    chart = charts.heatmap("h", "T", "D", columns=["A", "B"], column_key=["A: a"], rows=rows)
    texts = [
        t.text
        for t in _parse(chart).iter(f"{SVG}text")
        if t.get("font-size") == str(svg.FONT) and t.get("text-anchor") == "middle"
    ]
    assert texts == ["0", "2", "2", "4", "1", "5"]
    shades = [charts.heat_fill(count, 4) for count in range(5)]
    assert shades[0] == svg.WHITE and len(set(shades)) == 5
    assert [svg.luminance(s) for s in shades] == sorted(
        (svg.luminance(s) for s in shades), reverse=True
    )


def test_matrix_stacks_points_without_overlap() -> None:
    """Points in one cell are stacked; no two labels overlap; each stays in its column."""
    items = [
        charts.MatrixItem(
            f"VER-{n:02d}", f"../massnahmen/ver-{n:02d}.html", f"VER-{n:02d}", c, r, n % 2 == 0
        )
        for n, (c, r) in enumerate([(3, 7)] * 9 + [(4, 7), (0, 0), (4, 8)], start=1)
    ]
    chart = charts.matrix(
        "m",
        "T",
        "D",
        x_label="Umsetzbarkeit",
        y_label="Wichtigkeit",
        x_ticks=["1", "2", "3", "4", "5"],
        y_ticks=[str(n) for n in range(9)],
        items=items,
        legend_entries=[(True, "Beispielwerte")],
    )
    root = _parse(chart)
    links = root.findall(f"{SVG}a")
    assert len(links) == len(items)
    boxes = [_rects(link)[0] for link in links]
    for first, second in itertools.combinations(boxes, 2):
        apart = (
            first["x"] + first["width"] <= second["x"]
            or second["x"] + second["width"] <= first["x"]
            or first["y"] + first["height"] <= second["y"]
            or second["y"] + second["height"] <= first["y"]
        )
        assert apart, (first, second)
    dashed = {link.findtext(f"{SVG}text"): _dashed(link) for link in links}
    assert dashed == {item.label: item.dashed for item in items}
    same_cell = {item.label for item in items[:9]}
    lefts = {_rects(a)[0]["x"] for a in links if a.findtext(f"{SVG}text") in same_cell}
    assert len(lefts) == 1  # the nine points of one cell stand in one column


def test_gantt_bars_span_their_years_and_open_ends_end_in_arrows() -> None:
    """A bar covers start to end year; an open one ends in an arrow; no bar gets a note."""
    bars = (
        timeline_chart.GanttBar("A-01", 2020, 2021, 0, False),
        timeline_chart.GanttBar("A-02", 2025, 2030, 2, True),
        timeline_chart.GanttBar("A-03", 2031, None, 1, False, "beginnt nach 2030"),
    )
    chart = timeline_chart.gantt(
        "g",
        "T",
        "D",
        first_year=2020,
        last_year=2030,
        series=[charts.Series("x", 0)],
        groups=[timeline_chart.GanttGroup("Thema", bars)],
        open_end_label="fortlaufend",
        marker=(2024.5, "Stand 07/2024"),
    )
    root = _parse(chart)
    closed = [r for r in root.findall(f"{SVG}rect") if r.get("fill") == "url(#g-muster-0)"]
    assert len(closed) == 1
    year = (svg.WIDTH - 4 - float(closed[0].get("x") or 0)) / 11
    assert float(closed[0].get("width") or 0) == pytest.approx(2 * year - 1, abs=0.02)
    arrows = [p for p in root.findall(f"{SVG}path") if p.get("fill") == "url(#g-muster-2)"]
    assert len(arrows) == 1 and " l" in (arrows[0].get("d") or "")
    text = "".join(root.itertext())
    assert "beginnt nach 2030" in text and "Stand 07/2024" in text and "fortlaufend" in text


@given(st.text(min_size=1, max_size=200), st.integers(min_value=30, max_value=400))
def test_wrapped_lines_fit(value: str, width: int) -> None:
    """Wrapped lines are no wider than asked (a single character may be), nothing is lost."""
    lines = svg.wrap(value, width)
    for line in lines:
        assert len(line) == 1 or svg.text_width(line) <= width
    assert "".join(lines).replace(" ", "") == escape.clean_text(value).replace(" ", "")

"""Static SVG charts of the Auswertung, drawn at build time (pure; no JavaScript, no library).

Stacked bars, heatmap and priority matrix here; the timeline in timeline_chart.py.

In: chart specifications with plain labels (German text from the views) and numbers.
Out: `Chart`s (svg.py), SVG markup to inline in a page.

Accessibility, for every chart:

- a `<title>` and a `<desc>` the root element points to (aria-labelledby, aria-describedby);
  `role="img"`, or `role="group"` when the chart holds links (the priority matrix);
- a viewBox and width 100 %: the chart scales with the page; the layout is drawn for a
  phone-sized width so that labels stay readable there;
- colour never carries meaning alone: series also differ by pattern, counts stand in the
  segments and cells, and a legend names each series;
- colours have at least 3:1 contrast against the white page, text at least 4.5:1 against
  what it stands on (tests/charts/test_charts.py checks both);
- drawn labels that repeat the title or the table are hidden from screen readers
  (aria-hidden), the table below each chart is the text alternative.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.charts.svg import (
    FONT,
    GRID,
    HEAT,
    INK,
    LINE,
    MUTED,
    SMALL,
    WHITE,
    WIDTH,
    Chart,
    baseline,
    chip,
    chip_width,
    colour,
    drawing,
    fill,
    ink_on,
    legend,
    line_height,
    number,
    patterns,
    tag,
    text,
    text_width,
    wrap,
)

__all__ = ["Chart"]


# --- Stacked bars ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """A named series (a status): `style` selects its colour and pattern."""

    label: str
    style: int


@dataclass(frozen=True)
class BarRow:
    label: str
    #: Count per series, in the order of the chart's series.
    counts: tuple[int, ...]


@dataclass(frozen=True)
class BarGroup:
    #: A heading above the group's rows, or None.
    label: str | None
    rows: tuple[BarRow, ...]


def stacked_bars(
    chart_id: str,
    title: str,
    description: str,
    series: Sequence[Series],
    groups: Sequence[BarGroup],
    *,
    empty_label: str = "keine Maßnahmen",
) -> Chart:
    """Horizontal stacked bars, one per row, on one scale across all rows.

    Each row has its label above the bar; each segment shows its count when it fits.
    """
    body = [patterns(chart_id, (entry.style for entry in series))]
    drawn_legend, y = legend(chart_id, 0, ((s.style, s.label) for s in series), WIDTH)
    body.append(tag("g", {"aria-hidden": "true"}, "".join(drawn_legend)))
    y += 6
    largest = max((sum(row.counts) for group in groups for row in group.rows), default=0)
    scale = WIDTH / largest if largest else 0.0
    for group in groups:
        if group.label:
            y += 6
            for line in wrap(group.label, WIDTH, FONT, bold=True):
                y += line_height(FONT)
                body.append(text(0, y, line, bold=True))
            y += 4
        for row in group.rows:
            for line in wrap(row.label, WIDTH):
                y += line_height(FONT)
                body.append(text(0, y, line))
            y += 6
            body += _bar(chart_id, row, series, y, scale, empty_label)
            y += 26 + 12
    return drawing(chart_id, title, description, WIDTH, y, body)


def _bar(
    chart_id: str,
    row: BarRow,
    series: Sequence[Series],
    y: float,
    scale: float,
    empty_label: str,
) -> list[str]:
    height = 26
    if not sum(row.counts):
        return [text(0, baseline(y, height, FONT), empty_label, fill=MUTED)]
    segments: list[str] = []
    chips: list[str] = []
    x = 0.0
    for entry, count in zip(series, row.counts, strict=True):
        if not count:
            continue
        # A 2-unit gap of page background separates the segments.
        width = count * scale - 2
        box = {"x": x, "y": y, "width": max(width, 1), "height": height}
        segments.append(
            tag("rect", {**box, "fill": fill(chart_id, entry.style), "stroke": colour(entry.style)})
        )
        if width >= chip_width(count) + 2:
            chips += chip(x + width / 2, y + height / 2, count)
        x += count * scale
    return segments + chips


# --- Heatmap -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatmapRow:
    label: str
    counts: tuple[int, ...]
    total: int


def heat_fill(count: int, maximum: int) -> str:
    """The cell colour for a count: white for none, darker the more measures."""
    if count <= 0 or maximum <= 0:
        return HEAT[0]
    return HEAT[max(1, math.ceil(count / maximum * (len(HEAT) - 1)))]


def heatmap(
    chart_id: str,
    title: str,
    description: str,
    *,
    columns: Sequence[str],
    column_key: Sequence[str],
    rows: Sequence[HeatmapRow],
    total_label: str = "Summe",
    note: str = "",
) -> Chart:
    """A table of counts with shaded cells; every cell shows its number.

    Each row's label stands above its cells, so the cells get the whole width even on a
    phone. `columns` are short column labels, explained by `column_key` below the chart.
    """
    headers = (*columns, total_label)
    gap = 8.0
    cell = (WIDTH - gap) / len(headers)
    maximum = max((max(row.counts, default=0) for row in rows), default=0)

    def header_row(y: float) -> list[str]:
        return [
            text(
                _column_x(index, cell, gap, len(columns)) + cell / 2,
                y,
                label,
                SMALL,
                anchor="middle",
                bold=True,
            )
            for index, label in enumerate(headers)
        ]

    body = header_row(line_height(SMALL))
    y = line_height(SMALL) + 4.0
    for row in rows:
        y += 4
        for line in wrap(row.label, WIDTH, SMALL):
            y += line_height(SMALL)
            body.append(text(0, y, line, SMALL))
        y += 4
        for index, count in enumerate((*row.counts, row.total)):
            x = _column_x(index, cell, gap, len(columns))
            body += _cell(x, y, cell, 30, count, maximum, total=index == len(columns))
        y += 30
    body += header_row(y + line_height(SMALL) + 2)
    y += line_height(SMALL) + 8
    for paragraph in (note, *column_key):
        for line in wrap(paragraph, WIDTH, SMALL) if paragraph else []:
            y += line_height(SMALL)
            body.append(text(0, y, line, SMALL))
    return drawing(chart_id, title, description, WIDTH, y + 6, body)


def _column_x(index: int, cell: float, gap: float, columns: int) -> float:
    """Left edge of a column; the total column stands apart by `gap`."""
    return index * cell + (gap if index >= columns else 0)


def _cell(
    x: float,
    y: float,
    width: float,
    height: float,
    count: int,
    maximum: int,
    *,
    total: bool = False,
) -> list[str]:
    """A count in a box, shaded by its share of `maximum`; a total in a white box, bold."""
    shade = WHITE if total else heat_fill(count, maximum)
    box = {"x": x + 1, "y": y + 1, "width": width - 2, "height": height - 2}
    outlined = shade == WHITE
    label_colour = MUTED if count == 0 else ink_on(shade)
    return [
        tag(
            "rect",
            {**box, "fill": shade, "stroke": (LINE if total else GRID) if outlined else shade},
        ),
        text(
            x + width / 2,
            baseline(y, height, FONT),
            str(count),
            anchor="middle",
            bold=total,
            fill=label_colour,
        ),
    ]


# --- Priority matrix ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixItem:
    """A point of the matrix: a short label that links to `href`, named `name` for readers.

    The name must contain the label, so that speech input finds the link by what it shows.
    """

    label: str
    href: str
    name: str
    column: int
    row: int
    #: Drawn with a dashed border (example values).
    dashed: bool


def matrix(
    chart_id: str,
    title: str,
    description: str,
    *,
    x_label: str,
    y_label: str,
    x_ticks: Sequence[str],
    y_ticks: Sequence[str],
    items: Sequence[MatrixItem],
    legend_entries: Sequence[tuple[bool, str]],
) -> Chart:
    """A grid of cells (x bins left to right, y bins bottom to top) holding linked labels.

    Points in the same cell are stacked, never drawn over each other: a cell's row grows to
    hold them. `legend_entries` pairs a border style (dashed or not) with its meaning.
    """
    pill_height, gap = SMALL + 7.0, 4.0
    pill = max([30.0] + [text_width(item.label, SMALL) + 10 for item in items])
    left = max((text_width(tick, SMALL) for tick in y_ticks), default=0) + 12
    cell = max((WIDTH - left - 4) / len(x_ticks), pill + 2 * gap)
    width = left + cell * len(x_ticks) + 4
    per_line = max(1, int((cell - gap) // (pill + gap)))
    cells: dict[tuple[int, int], list[MatrixItem]] = {}
    for item in items:
        cells.setdefault((item.column, item.row), []).append(item)

    def lines_in(row: int) -> int:
        return max(math.ceil(len(cells.get((c, row), [])) / per_line) for c in range(len(x_ticks)))

    decoration: list[str] = []
    links: list[str] = []
    y = 0.0
    for line in wrap(f"↑ {y_label}", width, FONT, bold=True):
        y += line_height(FONT)
        decoration.append(text(0, y, line, bold=True))
    y += 8
    top = y
    for row in reversed(range(len(y_ticks))):
        height = max(pill_height + 2 * gap, lines_in(row) * (pill_height + gap) + gap)
        frame = {"x": left, "y": y, "width": cell * len(x_ticks), "height": height}
        decoration.append(tag("rect", {**frame, "fill": "none", "stroke": GRID}))
        tick = baseline(y, height, SMALL)
        decoration.append(text(left - 6, tick, y_ticks[row], SMALL, anchor="end"))
        for column in range(len(x_ticks)):
            for place, item in enumerate(cells.get((column, row), [])):
                x = left + column * cell + gap + (place % per_line) * (pill + gap)
                links.append(_pill(item, x, y + gap + (place // per_line) * (pill_height + gap)))
        y += height
    for column in range(1, len(x_ticks)):
        d = f"M{number(left + column * cell)},{number(top)} V{number(y)}"
        decoration.append(tag("path", {"d": d, "stroke": GRID}))
    axes = f"M{number(left)},{number(top)} V{number(y)} H{number(width - 4)}"
    decoration.append(tag("path", {"d": axes, "fill": "none", "stroke": LINE, "stroke-width": 1.5}))
    y += line_height(SMALL)
    for column, tick_label in enumerate(x_ticks):
        x_centre = left + (column + 0.5) * cell
        decoration.append(text(x_centre, y, tick_label, SMALL, anchor="middle"))
    y += 4
    for line in wrap(f"{x_label} →", width - left, FONT, bold=True):
        y += line_height(FONT)
        decoration.append(text(left, y, line, bold=True))
    y += 12
    for dashed, meaning in legend_entries:
        decoration.append(_pill_shape(0, y, pill, pill_height, dashed))
        decoration.append(text(pill + 8, baseline(y, pill_height, SMALL), meaning, SMALL))
        y += pill_height + 6
    body = [tag("g", {"aria-hidden": "true"}, "".join(decoration)), *links]
    return drawing(chart_id, title, description, width, y, body, interactive=True)


def _pill_shape(x: float, y: float, width: float, height: float, dashed: bool) -> str:
    box = {"x": x, "y": y, "width": width, "height": height, "rx": 4}
    return tag(
        "rect",
        {
            **box,
            "fill": WHITE,
            "stroke": INK,
            "stroke-width": 1.2,
            "stroke-dasharray": "3 2" if dashed else None,
        },
    )


def _pill(item: MatrixItem, x: float, y: float) -> str:
    """A linked label, named by aria-label for screen readers.

    The address is in xlink:href, not href: Material's instant navigation resolves every
    relative [href] of a page by assigning el.href = el.href, which throws on an SVG <a>
    (its href is read-only) and leaves the previous page on screen. It skips xlink:href, and
    leaves clicks on SVG links to the browser (a full page load); browsers follow both.

    No <title> tooltip: its text would count as visible content, which then no longer
    stands in the accessible name (WCAG 2.5.3, Label in Name).
    """
    if item.label not in item.name:
        raise ValueError(f"the name of a point must contain its label: {item.label!r}")
    width, height = text_width(item.label, SMALL) + 10, SMALL + 7.0
    content = "".join(
        [
            _pill_shape(x, y, width, height, item.dashed),
            text(x + width / 2, baseline(y, height, SMALL), item.label, SMALL, anchor="middle"),
        ]
    )
    link = {"xlink:href": item.href, "aria-label": item.name, "class": "strategie-punkt"}
    return tag("a", link, content)

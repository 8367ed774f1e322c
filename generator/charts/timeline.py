"""The timeline of the Auswertung: a Gantt chart over whole years (pure, static SVG).

In: groups of bars (a label, first and last year, a series style) and the years to show.
Out: a `Chart` (svg.py), accessible like every chart of charts.py: title and description,
patterns besides colour, a legend, text escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.charts.evaluation import Series
from generator.charts.svg import (
    FONT,
    GRID,
    INK,
    LINE,
    MUTED,
    SMALL,
    WIDTH,
    Chart,
    baseline,
    colour,
    drawing,
    fill,
    legend,
    line_height,
    number,
    patterns,
    tag,
    text,
    text_width,
    wrap,
)


@dataclass(frozen=True)
class GanttBar:
    label: str
    start: int
    #: Last year of the bar (included), or None: no bar, `note` instead.
    end: int | None
    style: int
    #: The bar ends in an arrow: the work goes on after its last drawn year.
    open_end: bool
    note: str | None = None


@dataclass(frozen=True)
class GanttGroup:
    label: str
    bars: tuple[GanttBar, ...]


def gantt(
    chart_id: str,
    title: str,
    description: str,
    *,
    first_year: int,
    last_year: int,
    series: Sequence[Series],
    groups: Sequence[GanttGroup],
    open_end_label: str,
    marker: tuple[float, str] | None = None,
) -> Chart:
    """Bars over whole years from `first_year` to `last_year`, rows grouped under headings.

    A bar with an open end finishes in an arrow, explained by `open_end_label` in the legend;
    `marker` draws a dashed vertical line at a point in time (a fractional year) and labels it.
    """
    labels = [bar.label for group in groups for bar in group.bars]
    left = max([40.0] + [text_width(label, SMALL) + 8 for label in labels])
    year_width = (WIDTH - left - 4) / (last_year - first_year + 1)
    step = next((k for k in (1, 2, 5, 10, 20, 50) if k * year_width >= 38), 100)

    def x_of(year: float) -> float:
        return left + (year - first_year) * year_width

    body = [patterns(chart_id, (entry.style for entry in series))]
    drawn_legend, y = legend(chart_id, 0, ((s.style, s.label) for s in series), WIDTH)
    drawn_legend.append(_arrow_bar(0, y + 2, 28, 13, MUTED, MUTED))
    drawn_legend.append(text(36, baseline(y, 17, FONT), open_end_label))
    body.append(tag("g", {"aria-hidden": "true"}, "".join(drawn_legend)))
    y += line_height(FONT) + 16
    labelled = [year for year in range(first_year, last_year + 1) if (last_year - year) % step == 0]
    axis_top = y - line_height(SMALL)
    body += [text(x_of(year + 0.5), y, str(year), SMALL, anchor="middle") for year in labelled]
    y += 6
    top = y
    rows: list[str] = []
    for group in groups:
        y += 4
        for line in wrap(group.label, WIDTH, FONT, bold=True):
            y += line_height(FONT)
            rows.append(text(0, y, line, bold=True))
        y += 6
        for bar in group.bars:
            rows.append(text(0, baseline(y, 20, SMALL), bar.label, SMALL))
            if bar.end is None:
                rows.append(
                    text(left + 2, baseline(y, 20, SMALL), bar.note or "", SMALL, fill=MUTED)
                )
            else:
                start, length = x_of(bar.start), (bar.end - bar.start + 1) * year_width - 1
                shape = fill(chart_id, bar.style)
                if bar.open_end:
                    rows.append(_arrow_bar(start, y + 4, length, 12, colour(bar.style), shape))
                else:
                    box = {"x": start, "y": y + 4, "width": length, "height": 12}
                    rows.append(tag("rect", {**box, "fill": shape, "stroke": colour(bar.style)}))
            y += 20
    grid = []
    for year in range(first_year, last_year + 2):
        stroke = LINE if year in (first_year, last_year + 1) else GRID
        d = f"M{number(x_of(year))},{number(top)} V{number(y + 4)}"
        grid.append(tag("path", {"d": d, "stroke": stroke}))
    body += grid + rows
    y += 4 + line_height(SMALL)
    body += [text(x_of(year + 0.5), y, str(year), SMALL, anchor="middle") for year in labelled]
    if marker:
        when, label = marker
        x = x_of(min(max(when, first_year), last_year + 1))
        d = f"M{number(x)},{number(axis_top)} V{number(y + 8)}"
        dashes = {"stroke": INK, "stroke-width": 1.5, "stroke-dasharray": "5 3"}
        body.append(tag("path", {"d": d, **dashes}))
        y += 8 + line_height(SMALL)
        end = x > WIDTH - 120
        body.append(text(x - 4 if end else x + 4, y, label, SMALL, anchor="end" if end else None))
    return drawing(chart_id, title, description, WIDTH, y + 6, body)


def _arrow_bar(x: float, y: float, length: float, height: float, stroke: str, shape: str) -> str:
    """A bar whose right end is an arrowhead."""
    head = min(8.0, length)
    d = (
        f"M{number(x)},{number(y)} h{number(length - head)} "
        f"l{number(head)},{number(height / 2)} l{number(-head)},{number(height / 2)} "
        f"h{number(head - length)} Z"
    )
    return tag("path", {"d": d, "fill": shape, "stroke": stroke})

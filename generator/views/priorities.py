"""View of the Auswertung's priorities page: the priority matrix, its table and the measures
without a rating (pure).

In: a `SiteIndex` and the `Evaluation` (derive/evaluation.py). Out: the `PriorityPage`.
The matrix is built from the same values as the table beside it; numbers in it use the site's
rounding and a decimal comma (wording.format_score). views/evaluation.py puts it among the
other Auswertung pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator import urls
from generator.charts import evaluation as charts
from generator.derive.evaluation import Evaluation, MatrixAxes, RankedMeasure
from generator.model import Criterion, Measure, NotRated, Rating
from generator.views.evaluation_parts import (
    EvaluationLinks,
    evaluation_links,
    point_label,
    point_name,
)
from generator.views.pages import Page
from generator.views.site import Link, SiteIndex, axis_label
from generator.wording import format_score


@dataclass(frozen=True)
class PriorityRow:
    entry: RankedMeasure
    link: Link
    #: The measure's value per criterion, in the order of the scheme.
    values: tuple[int, ...]
    #: Axis values of the matrix (None without a matrix).
    x: float | None
    y: float | None


@dataclass(frozen=True)
class UnratedRow:
    measure: Measure
    link: Link
    reason: str | None


@dataclass(frozen=True)
class PriorityPage(Page):
    template = "evaluation_priorities.md.j2"
    #: None when the scheme has fewer than two criteria (no matrix to draw).
    chart: charts.Chart | None
    criteria: tuple[Criterion, ...]
    axes: MatrixAxes | None
    x_label: str
    y_label: str
    #: Whether the table needs own columns for the axes (an axis of several criteria).
    x_column: bool
    y_column: bool
    rows: tuple[PriorityRow, ...]
    unrated: tuple[UnratedRow, ...]
    example_count: int
    #: How many of the rated measures are invented example measures.
    example_measure_count: int
    as_of: date | None
    links: EvaluationLinks


def build_priorities(site: SiteIndex, evaluation: Evaluation) -> PriorityPage:
    at = urls.EVALUATION_PRIORITIES
    scheme = site.document.bewertung
    matrix = evaluation.matrix
    positions = {p.entry.measure.id: p for p in matrix.points} if matrix else {}
    rows = []
    for entry in evaluation.ranking.ranked:
        rating = entry.measure.bewertung
        values = (
            tuple(rating.werte[c.id] for c in scheme.kriterien)
            if isinstance(rating, Rating)
            else ()
        )
        point = positions.get(entry.measure.id)
        rows.append(
            PriorityRow(
                entry,
                site.measure_link(at, entry.measure),
                values,
                point.x if point else None,
                point.y if point else None,
            )
        )
    unrated = tuple(
        UnratedRow(
            m,
            site.measure_link(at, m),
            m.bewertung.grund if isinstance(m.bewertung, NotRated) else None,
        )
        for m in evaluation.ranking.unrated
    )
    axes = matrix.axes if matrix else None
    x_label = axis_label(axes.x.criteria) if axes else ""
    y_label = axis_label(axes.y.criteria) if axes else ""
    chart = None
    if matrix and axes:
        items = tuple(
            charts.MatrixItem(
                label=point_label(p.entry),
                href=urls.html_href(urls.relative_link(at, urls.measure_page(p.entry.measure.id))),
                name=point_name(p.entry, x_label, p.x, y_label, p.y),
                column=p.column,
                row=p.row,
                dashed=p.entry.example,
            )
            for p in matrix.points
        )
        legend = []
        if any(item.dashed for item in items):
            legend.append((True, "gestrichelt: Beispielwerte"))
        if not all(item.dashed for item in items):
            legend.append((False, "durchgezogen: offizielle Bewertung"))
        chart = charts.matrix(
            "auswertung-prioritaeten",
            f"Prioritätenmatrix: {y_label} gegen {x_label}",
            (
                f"Jede bewertete Maßnahme steht als Kennung in dem Feld, das ihre Werte für "
                f"{x_label} (waagerecht) und {y_label} (senkrecht) bestimmen; oben rechts "
                f"stehen Maßnahmen, bei denen beides hoch ist. Jede Kennung verlinkt die "
                f"Maßnahme. Die Matrix ist ein Raster aus Feldern, keine maßstäbliche Achse: "
                f"Jede Zeile ist so hoch, wie ihre Kennungen Platz brauchen. "
                f"{len(items)} Maßnahmen; die Werte stehen in der Tabelle unter "
                "dem Diagramm."
            ),
            x_label=x_label,
            y_label=y_label,
            x_ticks=tuple(format_score(b).removesuffix(",0") for b in axes.x.bins),
            y_ticks=tuple(format_score(b).removesuffix(",0") for b in axes.y.bins),
            items=items,
            legend_entries=tuple(legend),
        )
    return PriorityPage(
        path=at,
        title="Prioritäten",
        source_files=(site.document_file(), site.measures_folder()),
        chart=chart,
        criteria=tuple(scheme.kriterien),
        axes=axes,
        x_label=x_label,
        y_label=y_label,
        x_column=bool(axes and len(axes.x.criteria) > 1),
        y_column=bool(axes and len(axes.y.criteria) > 1),
        rows=tuple(rows),
        unrated=unrated,
        example_count=evaluation.ranking.example_count,
        example_measure_count=sum(
            1 for e in evaluation.ranking.ranked if e.measure.beispielmassnahme
        ),
        as_of=site.overview.as_of,
        links=evaluation_links(site, at),
    )

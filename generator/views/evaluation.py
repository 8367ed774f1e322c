"""Views of the Auswertung pages: charts, their tables and summaries (pure).

In: a `SiteIndex` (views.py) and the `Evaluation` (evaluation.py). Out: one page view per
Auswertung page: the overview, the status per Handlungsfeld here, the priorities in priorities.py;
coverage and timeline in coverage_pages.py. Each chart is built from the same values as the
table beside it, so chart and table cannot disagree. Labels inside charts are German text;
numbers in them use the site's rounding (derive.rounded_priority) and a decimal comma.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from generator import urls
from generator.charts import evaluation as charts
from generator.derive.evaluation import Evaluation
from generator.derive.measures import StatusCount, StatusSummary
from generator.model import Status, Theme
from generator.views.coverage import (
    build_goal_coverage,
    build_guideline_coverage,
    build_timeline,
    with_sourced,
)
from generator.views.evaluation_parts import (
    EvaluationLinks,
    evaluation_links,
)
from generator.views.pages import Page
from generator.views.priorities import build_priorities
from generator.views.site import Link, SiteIndex

# --- Status --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusRow:
    """A row of a status table: a Leitthema or Handlungsfeld, its counts per status."""

    link: Link
    #: The Leitthema of a Handlungsfeld row.
    theme_link: Link | None
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class StatusTable:
    statuses: tuple[Status, ...]
    rows: tuple[StatusRow, ...]
    totals: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class StatusShare:
    entry: StatusCount
    #: Share of all measures, in percent.
    percent: float


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    count: int


@dataclass(frozen=True)
class SourcedStatus:
    """A status chart and its table counting only the measures from public sources."""

    chart: charts.Chart
    table: StatusTable
    #: How many measures are left out as invented examples.
    examples: int


@dataclass(frozen=True)
class EvaluationPage(Page):
    """auswertung/index.md: key figures and the status per Leitthema."""

    template = "evaluation.md.j2"
    chart: charts.Chart
    table: StatusTable
    status: StatusSummary
    shares: tuple[StatusShare, ...]
    largest: ThemeCount | None
    rated_count: int
    example_count: int
    unrated_count: int
    goals_covered: int
    goal_count: int
    guidelines_covered: int
    guideline_count: int
    ongoing_count: int
    horizon: int
    as_of: date | None
    links: EvaluationLinks
    #: The same without the example measures (None when there are none).
    sourced: SourcedStatus | None = None


@dataclass(frozen=True)
class FieldStatusPage(Page):
    """auswertung/handlungsfelder.md: the status per Handlungsfeld, grouped by Leitthema."""

    template = "evaluation_fields.md.j2"
    chart: charts.Chart
    table: StatusTable
    as_of: date | None
    links: EvaluationLinks
    #: The same without the example measures (None when there are none).
    sourced: SourcedStatus | None = None


def _status_series(
    statuses: tuple[Status, ...], table: StatusTable, site: SiteIndex
) -> tuple[charts.Series, ...]:
    return tuple(
        charts.Series(status.bezeichnung, site.status_style[status.id])
        for status, total in zip(statuses, table.totals, strict=True)
        if total
    )


def _chart_counts(row: StatusRow, table: StatusTable) -> tuple[int, ...]:
    """A row's counts for the statuses that occur in the table (the chart's series)."""
    return tuple(count for count, total in zip(row.counts, table.totals, strict=True) if total)


def _status_row(
    site: SiteIndex, link: Link, theme_link: Link | None, summary: StatusSummary
) -> StatusRow:
    return StatusRow(link, theme_link, tuple(e.count for e in summary.counts), summary.total)


def _status_table(site: SiteIndex, rows: tuple[StatusRow, ...]) -> StatusTable:
    statuses = tuple(site.document.status)
    totals = tuple(sum(row.counts[i] for row in rows) for i in range(len(statuses)))
    return StatusTable(statuses, rows, totals, sum(totals))


def _bar_label(name: str, total: int) -> str:
    return f"{name}: {total} {'Maßnahme' if total == 1 else 'Maßnahmen'}"


def build_evaluation(
    site: SiteIndex, evaluation: Evaluation, chart_id: str = "auswertung-status-leitthemen"
) -> EvaluationPage:
    at = urls.EVALUATION
    overview = site.overview
    themes = site.strategy.leitthemen
    rows = tuple(
        _status_row(site, site.theme_link(at, t), None, overview.status_by_theme[t.id])
        for t in themes
    )
    table = _status_table(site, rows)
    series = _status_series(table.statuses, table, site)
    groups = (
        charts.BarGroup(
            None,
            tuple(
                charts.BarRow(_bar_label(row.link.text, row.total), _chart_counts(row, table))
                for row in rows
            ),
        ),
    )
    total = overview.status_total
    description = (
        f"Gestapelte Balken: je {site.labels.leitthema.einzahl} die Zahl der Maßnahmen nach "
        "Status, "
        f"{total.total} Maßnahmen insgesamt. Die Zahlen stehen in der Tabelle unter dem "
        "Diagramm."
    )
    chart = charts.stacked_bars(
        chart_id,
        f"Status der Maßnahmen je {site.labels.leitthema.einzahl}",
        description,
        series,
        groups,
    )
    counts = [ThemeCount(t, len(overview.measures_by_theme[t.id])) for t in themes]
    measures = site.strategy.massnahmen
    return EvaluationPage(
        path=at,
        title="Auswertung",
        source_files=(site.document_file(), site.themes_folder(), site.measures_folder()),
        chart=chart,
        table=table,
        status=total,
        shares=tuple(
            StatusShare(entry, 100 * entry.count / total.total) for entry in total.nonzero
        ),
        largest=max(counts, key=lambda c: c.count) if counts else None,
        rated_count=len(evaluation.ranking.ranked),
        example_count=evaluation.ranking.example_count,
        unrated_count=len(evaluation.ranking.unrated),
        goals_covered=len(evaluation.goals.keys) - len(evaluation.goals.uncovered),
        goal_count=len(evaluation.goals.keys),
        guidelines_covered=len(evaluation.guidelines.keys) - len(evaluation.guidelines.uncovered),
        guideline_count=len(evaluation.guidelines.keys),
        ongoing_count=sum(1 for m in measures if m.zeitraum.ende is None),
        horizon=site.document.horizont,
        as_of=overview.as_of,
        links=evaluation_links(site, at),
    )


def build_field_status(
    site: SiteIndex, chart_id: str = "auswertung-status-handlungsfelder"
) -> FieldStatusPage:
    labels = site.labels
    at = urls.EVALUATION_FIELDS
    overview = site.overview
    rows: list[StatusRow] = []
    groups: list[charts.BarGroup] = []
    for theme in site.strategy.leitthemen:
        theme_link = site.theme_link(at, theme)
        if theme.handlungsfelder:
            theme_rows = [
                _status_row(
                    site, site.field_link(at, f), theme_link, overview.status_by_field[f.id]
                )
                for f in theme.handlungsfelder
            ]
        else:
            theme_rows = [
                _status_row(
                    site,
                    Link(f"{theme.titel} (ohne {labels.handlungsfeld.mehrzahl})", theme_link.href),
                    theme_link,
                    overview.status_by_theme[theme.id],
                )
            ]
        rows += theme_rows
    table = _status_table(site, tuple(rows))
    index = 0
    for theme in site.strategy.leitthemen:
        count = max(1, len(theme.handlungsfelder))
        theme_rows = rows[index : index + count]
        index += count
        bar_rows = tuple(
            charts.BarRow(_bar_label(r.link.text, r.total), _chart_counts(r, table))
            for r in theme_rows
        )
        groups.append(charts.BarGroup(theme.titel, bar_rows))
    description = (
        f"Gestapelte Balken: je {labels.handlungsfeld.einzahl}, nach "
        f"{labels.leitthema.mehrzahl_dativ} gruppiert, die Zahl der Maßnahmen nach Status. "
        "Die Zahlen stehen in der Tabelle unter dem Diagramm."
    )
    chart = charts.stacked_bars(
        chart_id,
        f"Status der Maßnahmen je {labels.handlungsfeld.einzahl}",
        description,
        _status_series(table.statuses, table, site),
        tuple(groups),
    )
    return FieldStatusPage(
        path=at,
        title=f"Status je {labels.handlungsfeld.einzahl}",
        source_files=(site.themes_folder(), site.measures_folder()),
        chart=chart,
        table=table,
        as_of=overview.as_of,
        links=evaluation_links(site, at),
    )


# --- All pages -----------------------------------------------------------------------------------


def build_evaluation_pages(site: SiteIndex) -> list[Page]:
    """Every Auswertung page, in navigation order; with example measures, the status and
    coverage charts once more, counting only the measures from public sources."""
    evaluation = site.evaluation
    overview = build_evaluation(site, evaluation)
    fields = build_field_status(site)
    # The SDG and Charta registries are optional: without them, no coverage page.
    goals = build_goal_coverage(site, evaluation) if site.strategy.sdgs else None
    guidelines = build_guideline_coverage(site, evaluation) if site.strategy.leitlinien else None
    if sourced := site.without_examples:
        examples, other = site.overview.status_total.examples, sourced.evaluation
        by_theme = build_evaluation(sourced, other, "auswertung-status-leitthemen-quellen")
        by_field = build_field_status(sourced, "auswertung-status-handlungsfelder-quellen")
        overview = replace(
            overview, sourced=SourcedStatus(by_theme.chart, by_theme.table, examples)
        )
        fields = replace(fields, sourced=SourcedStatus(by_field.chart, by_field.table, examples))
        if goals is not None:
            goals = with_sourced(
                goals, site, build_goal_coverage(sourced, other, "auswertung-sdg-quellen")
            )
        if guidelines is not None:
            guidelines = with_sourced(
                guidelines,
                site,
                build_guideline_coverage(sourced, other, "auswertung-charta-quellen"),
            )
    pages: list[Page] = [overview, fields, build_priorities(site, evaluation)]
    pages += [page for page in (goals, guidelines) if page is not None]
    pages.append(build_timeline(site, evaluation))
    return pages

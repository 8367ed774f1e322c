"""Views of the Auswertung pages on coverage: SDGs and Charta per Leitthema, and the timeline.

In: a `SiteIndex` and the `Evaluation` (evaluation.py). Out: one page view each, with its
chart built from the same rows as its table.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePosixPath
from typing import Generic, TypeVar

from generator import urls
from generator.charts import evaluation as charts
from generator.charts import timeline as timeline_chart
from generator.derive.evaluation import Coverage, Evaluation, TimelineEntry
from generator.model import Status
from generator.views.evaluation_parts import EvaluationLinks, evaluation_links
from generator.views.pages import Page
from generator.views.site import Link, SiteIndex, goal_title, guideline_title
from generator.wording import format_month_numeric

Key = TypeVar("Key")


# --- Coverage ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageRow:
    """A registry entry (SDG, guideline): its page if any measure refers to it, counts."""

    label: str
    link: Link | None
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class CoveragePage(Page, Generic[Key]):
    template = "evaluation_coverage.md.j2"
    chart: charts.Chart
    #: "SDG" or "Leitlinie": what a row is.
    row_kind: str
    intro: str
    themes: tuple[Link, ...]
    abbreviations: tuple[str, ...]
    rows: tuple[CoverageRow, ...]
    column_totals: tuple[int, ...]
    uncovered: tuple[str, ...]
    most: CoverageRow | None
    as_of: date | None
    links: EvaluationLinks
    #: The same counting only the measures from public sources (None without examples).
    sourced: CoveragePage[Key] | None = None
    #: How many example measures the sourced variant leaves out.
    examples: int = 0


def _coverage_page(
    site: SiteIndex,
    at: PurePosixPath,
    title: str,
    row_kind: str,
    intro: str,
    data: Coverage[Key],
    labels: dict[Key, tuple[str, PurePosixPath]],
    chart_id: str,
) -> CoveragePage[Key]:
    themes = data.themes
    theme_label = site.labels.leitthema.einzahl
    rows = tuple(
        CoverageRow(
            labels[key][0],
            site.link(at, labels[key][1], labels[key][0]) if data.row_total(key) else None,
            tuple(data.count(key, theme.id) for theme in themes),
            data.row_total(key),
        )
        for key in data.keys
    )
    chart = charts.heatmap(
        chart_id,
        title,
        (
            f"Tabelle mit eingefärbten Feldern: je {row_kind} (Zeilen) und {theme_label} "
            "(Spalten) die Zahl der Maßnahmen, die sich darauf beziehen; je dunkler, desto "
            "mehr. Jedes Feld zeigt seine Zahl; dieselben Zahlen stehen in der Tabelle unter "
            "dem Diagramm."
        ),
        columns=tuple(theme.kuerzel for theme in themes),
        column_key=tuple(f"{theme.kuerzel}: {theme.titel}" for theme in themes),
        rows=tuple(charts.HeatmapRow(row.label, row.counts, row.total) for row in rows),
        note="Zahl im Feld: Maßnahmen; Summe: Maßnahmen insgesamt, jede einmal gezählt.",
    )
    return CoveragePage(
        path=at,
        title=title,
        source_files=(site.measures_folder(), site.themes_folder()),
        chart=chart,
        row_kind=row_kind,
        intro=intro,
        themes=tuple(site.theme_link(at, theme) for theme in themes),
        abbreviations=tuple(theme.kuerzel for theme in themes),
        rows=rows,
        column_totals=tuple(data.column_total(theme.id) for theme in themes),
        uncovered=tuple(labels[key][0] for key in data.uncovered),
        most=_most_covered(rows),
        as_of=site.overview.as_of,
        links=evaluation_links(site, at),
    )


def _most_covered(rows: tuple[CoverageRow, ...]) -> CoverageRow | None:
    """The entry most measures refer to (the first of equals); None if none is referred to."""
    best = max(rows, key=lambda row: row.total, default=None)
    return best if best and best.total else None


def with_sourced(
    page: CoveragePage[Key], site: SiteIndex, sourced: CoveragePage[Key]
) -> CoveragePage[Key]:
    """The coverage page with its variant without the example measures."""
    return replace(page, sourced=sourced, examples=site.overview.status_total.examples)


def build_goal_coverage(
    site: SiteIndex, evaluation: Evaluation, chart_id: str = "auswertung-sdg"
) -> CoveragePage[int]:
    labels = {g.nummer: (goal_title(g), urls.goal_page(g.nummer)) for g in site.strategy.sdgs}
    return _coverage_page(
        site,
        urls.EVALUATION_GOALS,
        f"Nachhaltigkeitsziele je {site.labels.leitthema.einzahl}",
        "SDG",
        "Welche der 17 Nachhaltigkeitsziele der Vereinten Nationen (SDGs) die Maßnahmen der "
        f"{site.labels.leitthema.mehrzahl} berühren. Eine Maßnahme kann mehrere SDGs berühren.",
        evaluation.goals,
        labels,
        chart_id,
    )


def build_guideline_coverage(
    site: SiteIndex, evaluation: Evaluation, chart_id: str = "auswertung-charta"
) -> CoveragePage[str]:
    labels = {
        g.id: (guideline_title(g), urls.guideline_page(g.id)) for g in site.strategy.leitlinien
    }
    return _coverage_page(
        site,
        urls.EVALUATION_GUIDELINES,
        f"Smart City Charta je {site.labels.leitthema.einzahl}",
        "Leitlinie",
        "Auf welche Leitlinien der Smart City Charta sich die Maßnahmen der "
        f"{site.labels.leitthema.mehrzahl} beziehen. Eine Maßnahme kann sich auf mehrere "
        "Leitlinien beziehen.",
        evaluation.guidelines,
        labels,
        chart_id,
    )


# --- Timeline ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    entry: TimelineEntry
    link: Link
    theme_link: Link
    status: Status


@dataclass(frozen=True)
class TimelinePage(Page):
    template = "evaluation_timeline.md.j2"
    chart: charts.Chart
    rows: tuple[TimelineRow, ...]
    first_year: int
    horizon: int
    ongoing_count: int
    beyond_count: int
    after_count: int
    ending_count: int
    #: How many of the measures are invented example measures.
    example_count: int
    as_of: date | None
    links: EvaluationLinks


def build_timeline(site: SiteIndex, evaluation: Evaluation) -> TimelinePage:
    at = urls.EVALUATION_TIMELINE
    timeline = evaluation.timeline
    horizon = timeline.horizon
    rows = tuple(
        TimelineRow(
            entry,
            site.measure_link(at, entry.measure),
            site.theme_link(at, site.themes[entry.measure.leitthema]),
            site.statuses[entry.measure.status],
        )
        for entry in timeline.entries
    )
    used = {row.status.id for row in rows}
    series = tuple(
        charts.Series(status.bezeichnung, site.status_style[status.id])
        for status in site.document.status
        if status.id in used
    )
    groups = tuple(
        timeline_chart.GanttGroup(
            group.theme.titel,
            tuple(_gantt_bar(site, entry, horizon) for entry in group.entries),
        )
        for group in timeline.groups
        if group.entries
    )
    as_of = site.overview.as_of
    marker = None
    if as_of:
        fraction = (as_of.timetuple().tm_yday - 1) / 365
        marker = (as_of.year + fraction, f"Stand {format_month_numeric(as_of)}")
    chart = timeline_chart.gantt(
        "auswertung-zeitplan",
        f"Zeitplan der Maßnahmen bis {horizon}",
        (
            f"Balkendiagramm über die Jahre {timeline.first_year} bis {horizon}: je Maßnahme "
            "ein Balken vom Anfangs- bis zum Endjahr, nach "
            f"{site.labels.leitthema.mehrzahl_dativ} gruppiert, Muster und "
            f"Farbe nach Status. Ein Pfeil am Ende: die Maßnahme hat kein Enddatum oder läuft über "
            f"{horizon} hinaus. Die Jahre stehen in der Tabelle unter dem Diagramm."
        ),
        first_year=timeline.first_year,
        last_year=horizon,
        series=series,
        groups=groups,
        open_end_label=f"ohne Enddatum oder über {horizon} hinaus",
        marker=marker,
    )
    entries = timeline.entries
    return TimelinePage(
        path=at,
        title=f"Zeitplan bis {horizon}",
        source_files=(site.document_file(), site.measures_folder()),
        chart=chart,
        rows=rows,
        first_year=timeline.first_year,
        horizon=horizon,
        ongoing_count=sum(1 for e in entries if e.ongoing and e.end is not None),
        beyond_count=sum(1 for e in entries if e.beyond_horizon and e.end is not None),
        after_count=sum(1 for e in entries if e.end is None),
        ending_count=sum(1 for e in entries if not e.ongoing and not e.beyond_horizon),
        example_count=sum(1 for e in entries if e.measure.beispielmassnahme),
        as_of=as_of,
        links=evaluation_links(site, at),
    )


def _gantt_bar(site: SiteIndex, entry: TimelineEntry, horizon: int) -> timeline_chart.GanttBar:
    measure = entry.measure
    return timeline_chart.GanttBar(
        # An example measure's bar says so in its label (the table below has the full mark).
        label=f"{measure.id} (Beispiel)" if measure.beispielmassnahme else measure.id,
        start=entry.start,
        end=entry.end,
        style=site.status_style[entry.measure.status],
        open_end=entry.ongoing or entry.beyond_horizon,
        note=f"beginnt nach {horizon}" if entry.end is None else None,
    )

"""Views: what each page shows, precomputed from the model (pure).

In: a `Strategy` and its `Overview` (derive.py). Out: one frozen dataclass per page, holding
model objects plus everything a template must not compute itself — lookups across files,
sorting, grouping, counts and relative links (already resolved for the page they sit on).
Text is left unescaped here; the templates escape every value for its context.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from generator import urls
from generator.charts import evaluation as charts
from generator.derive.evaluation import Evaluation, derive_evaluation
from generator.derive.measures import Overview, StatusSummary, derive_overview
from generator.model import (
    Actor,
    CharterGuideline,
    Criterion,
    FieldOfAction,
    Goal,
    Measure,
    Status,
    Strategy,
    Theme,
)
from generator.presentation import MEANING_OF_ID, MEANING_STYLES

SPATIAL_LEVELS = {"quartier": "Quartier", "stadtteil": "Stadtteil", "gesamtstadt": "Gesamtstadt"}
ACTOR_KINDS = {
    "verwaltung": "Stadtverwaltung",
    "beteiligung": "Städtische Beteiligung",
    "partner": "Partner",
    "gremium": "Gremium",
}
#: Headings for the groups on the Akteure index, in this order.
ACTOR_GROUPS = {
    "verwaltung": "Stadtverwaltung",
    "beteiligung": "Städtische Beteiligungen",
    "partner": "Partner",
    "gremium": "Gremien",
}
SOURCE_KINDS = {
    "strategie": "Strategiedokument",
    "projektseite": "Projektseite",
    "pressemitteilung": "Pressemitteilung",
    "presse": "Pressebericht",
    "foerdergeber": "Fördergeber",
    "sonstige": "Sonstige Quelle",
}


@dataclass(frozen=True)
class Link:
    """A link from the page it sits on to another generated page (a relative .md path)."""

    text: str
    href: str


@dataclass(frozen=True)
class BarSegment:
    """One status in a status bar: its share of the measures, for a visual bar."""

    status: Status
    count: int
    percent: float
    #: Colour and pattern of the status, by its meaning (SiteIndex.status_style).
    index: int
    #: How many of the measures are invented example measures.
    examples: int = 0


@dataclass(frozen=True)
class MeasureRow:
    """One measure as a table row, with links relative to the page showing the table."""

    measure: Measure
    link: Link
    theme: Theme
    theme_link: Link
    field: FieldOfAction | None
    field_link: Link | None
    status: Status
    status_index: int
    responsible: Actor
    responsible_link: Link
    priority: float | None
    #: The priority is computed from example values (bewertung.quelle == "beispiel").
    example_rating: bool


class SiteIndex:
    """Lookups across the strategy's files, shared by all page builders."""

    def __init__(self, strategy: Strategy, overview: Overview | None = None) -> None:
        self.strategy = strategy
        self.document = strategy.strategie
        #: What the city calls its levels and its council (strategie.yml: bezeichnungen).
        self.labels = strategy.strategie.bezeichnungen
        self.overview = overview or derive_overview(strategy)
        self.themes = {theme.id: theme for theme in strategy.leitthemen}
        self.fields = {f.id: f for theme in strategy.leitthemen for f in theme.handlungsfelder}
        self.theme_of_field = {
            f.id: theme for theme in strategy.leitthemen for f in theme.handlungsfelder
        }
        self.statuses = {status.id: status for status in self.document.status}
        self.status_order = {status.id: i for i, status in enumerate(self.document.status)}
        #: Colour and pattern of each status, by its meaning (not its place in the list).
        self.status_style = status_styles(self.document.status)
        self.actors = {actor.id: actor for actor in strategy.akteure}
        self.districts = {district.id: district for district in strategy.stadtteile}
        self.goals = {goal.nummer: goal for goal in strategy.sdgs}
        self.guidelines = {guideline.id: guideline for guideline in strategy.leitlinien}
        self.measures = {measure.id: measure for measure in strategy.massnahmen}
        position = self.document.position
        self.root = PurePosixPath(position.file).parent if position else PurePosixPath("strategy")
        # Rows by (folder of the page, measure id): a measure appears in about ten tables, and
        # pages in one folder share their links.
        self._rows: dict[tuple[str, str], MeasureRow] = {}

    @functools.cached_property
    def without_examples(self) -> SiteIndex | None:
        """The same strategy with only the measures from public sources, for the Auswertung
        shown without the invented example measures; None when there is nothing to leave out
        (no example measures, or nothing but examples)."""
        sourced = [m for m in self.strategy.massnahmen if not m.beispielmassnahme]
        if len(sourced) in (0, len(self.strategy.massnahmen)):
            return None
        return SiteIndex(self.strategy.model_copy(update={"massnahmen": sourced}))

    @functools.cached_property
    def evaluation(self) -> Evaluation:
        """Ranking, matrix, coverage and timeline (the Auswertung pages and the method page)."""
        return derive_evaluation(self.strategy)

    # --- links ---------------------------------------------------------------------------

    def link(self, at: PurePosixPath, target: PurePosixPath, text: str) -> Link:
        return Link(text, urls.relative_link(at, target))

    def measure_link(self, at: PurePosixPath, measure: Measure) -> Link:
        return self.link(at, urls.measure_page(measure.id), f"{measure.id}: {measure.titel}")

    def theme_link(self, at: PurePosixPath, theme: Theme) -> Link:
        return self.link(at, urls.theme_page(theme.id), theme.titel)

    def field_link(self, at: PurePosixPath, field: FieldOfAction) -> Link:
        return self.link(at, urls.field_page(field.id), field.titel)

    def actor_link(self, at: PurePosixPath, actor: Actor) -> Link:
        return self.link(at, urls.actor_page(actor.id), actor.name)

    def goal_link(self, at: PurePosixPath, goal: Goal) -> Link:
        return self.link(at, urls.goal_page(goal.nummer), goal_title(goal))

    def guideline_link(self, at: PurePosixPath, guideline: CharterGuideline) -> Link:
        return self.link(at, urls.guideline_page(guideline.id), guideline_title(guideline))

    # --- rows and summaries --------------------------------------------------------------

    def measure_rows(
        self, at: PurePosixPath, measures: Iterable[Measure]
    ) -> tuple[MeasureRow, ...]:
        """Table rows for measures, in id order."""
        return tuple(self.measure_row(at, m) for m in sorted(measures, key=lambda m: m.id))

    def measure_row(self, at: PurePosixPath, measure: Measure) -> MeasureRow:
        key = (posixpath.dirname(str(at)), measure.id)
        row = self._rows.get(key)
        if row is None or row.measure is not measure:
            row = self._rows[key] = self._measure_row(at, measure)
        return row

    def _measure_row(self, at: PurePosixPath, measure: Measure) -> MeasureRow:
        theme = self.themes[measure.leitthema]
        field = self.fields[measure.handlungsfeld] if measure.handlungsfeld else None
        responsible = self.actors[measure.verantwortlich]
        return MeasureRow(
            measure=measure,
            link=self.link(at, urls.measure_page(measure.id), measure.titel),
            theme=theme,
            theme_link=self.theme_link(at, theme),
            field=field,
            field_link=self.field_link(at, field) if field else None,
            status=self.statuses[measure.status],
            status_index=self.status_order[measure.status],
            responsible=responsible,
            responsible_link=self.actor_link(at, responsible),
            priority=self.overview.priorities[measure.id],
            example_rating=measure.bewertung.quelle == "beispiel",
        )

    def status_bar(self, summary: StatusSummary) -> tuple[BarSegment, ...]:
        """Segments of a status bar for the statuses that occur, in vocabulary order."""
        if not summary.total:
            return ()
        return tuple(
            BarSegment(
                entry.status,
                entry.count,
                round(100 * entry.count / summary.total, 1),
                self.status_style[entry.status.id],
                entry.examples,
            )
            for entry in summary.nonzero
        )

    def status_chart(self, summary: StatusSummary, chart_id: str, title: str) -> charts.Chart:
        """One stacked bar of the statuses that occur, with counts, patterns and a legend."""
        present = summary.nonzero
        series = tuple(
            charts.Series(entry.status.bezeichnung, self.status_style[entry.status.id])
            for entry in present
        )
        label = f"{summary.total} {'Maßnahme' if summary.total == 1 else 'Maßnahmen'}"
        rows: tuple[charts.BarRow, ...] = (
            charts.BarRow(label, tuple(entry.count for entry in present)),
        )
        description = ", ".join(f"{e.count} {e.status.bezeichnung}" for e in present)
        if summary.examples:
            # Two bars, so that the chart shows how far the sourced measures are, apart from
            # the invented ones.
            sourced = summary.total - summary.examples
            rows = (
                charts.BarRow(
                    f"{sourced} aus öffentlichen Quellen",
                    tuple(entry.count - entry.examples for entry in present),
                ),
                charts.BarRow(
                    f"{summary.examples} "
                    f"{'Beispielmaßnahme' if summary.examples == 1 else 'Beispielmaßnahmen'}",
                    tuple(entry.examples for entry in present),
                ),
            )
            description += (
                "; davon aus öffentlichen Quellen: "
                + ", ".join(f"{e.count - e.examples} {e.status.bezeichnung}" for e in present)
                + "; Beispielmaßnahmen: "
                + ", ".join(f"{e.examples} {e.status.bezeichnung}" for e in present)
            )
        return charts.stacked_bars(
            chart_id,
            title,
            f"{label}: {description}." if present else "Noch keine Maßnahmen.",
            series,
            (charts.BarGroup(None, rows),),
        )

    # --- source files, for the comment at the top of each page -----------------------------

    def document_file(self) -> str:
        position = self.document.position
        return position.file if position else str(self.root / "strategie.yml")

    def theme_file(self, theme: Theme) -> str:
        return (
            theme.position.file if theme.position else str(self.root / f"leitthemen/{theme.id}.yml")
        )

    def registry_file(self, name: str) -> str:
        return str(self.root / "verzeichnisse" / name)

    def measures_folder(self, theme: Theme | None = None) -> str:
        folder = self.root / "massnahmen"
        return f"{folder / theme.id if theme else folder}/"

    def themes_folder(self) -> str:
        return f"{self.root / 'leitthemen'}/"


def status_styles(statuses: Iterable[Status]) -> dict[str, int]:
    """Colour slot of each status: by its `bedeutung` (or the meaning of a usual id), so that
    „abgeschlossen“ is green in every city; statuses without a known meaning, or sharing
    one, take the next free slots."""
    styles: dict[str, int] = {}
    taken: set[int] = set()
    unknown: list[str] = []
    for status in statuses:
        meaning = status.bedeutung or MEANING_OF_ID.get(status.id)
        style = MEANING_STYLES.get(meaning) if meaning else None
        if style is None or style in taken:
            unknown.append(status.id)
            continue
        styles[status.id] = style
        taken.add(style)
    free = (slot for slot in range(len(MEANING_STYLES) + len(unknown)) if slot not in taken)
    for status_id, slot in zip(unknown, free, strict=False):
        styles[status_id] = slot
    return styles


def goal_title(goal: Goal) -> str:
    return f"SDG {goal.nummer}: {goal.titel}"


def guideline_title(guideline: CharterGuideline) -> str:
    return f"Leitlinie {guideline.nummer}: {guideline.titel}"


def axis_label(criteria: Iterable[Criterion]) -> str:
    """An axis of the priority matrix, named after its criteria: „Mittel aus A und B“."""
    names = [criterion.bezeichnung for criterion in criteria]
    if len(names) == 1:
        return names[0]
    return f"Mittel aus {', '.join(names[:-1])} und {names[-1]}"


def newest(dates: Iterable[date]) -> date | None:
    return max(dates, default=None)

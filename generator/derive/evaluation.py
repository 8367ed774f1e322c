"""Derive stage for the Auswertung: ranking, priority matrix, coverage, timeline (pure).

In: a `Strategy`. Out: frozen values that the Auswertung pages and their charts show. It
reuses derive.py (priority score, ranking, status counts) and adds what only the
evaluation needs. Nothing here formats text or knows about pages or SVG.

- Ranking: rated measures by priority (derive.rank_by_priority); unrated ones apart.
- Priority matrix: each rated measure placed by two axes. An axis is one or more rating
  criteria (`bewertung.matrix` in strategie.yml, or defaults); its value is the weighted
  mean of those criteria with the weights from strategie.yml (one criterion: its value).
  For the chart, values are put into bins (whole steps for one criterion, half steps
  otherwise); the exact values stay available.
- Coverage: measures per (SDG, Leitthema) and per (Charta guideline, Leitthema).
- Timeline: each measure's time frame, cut at the strategy's horizon; a measure without an
  end ("fortlaufend") runs to the horizon and is marked as ongoing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

from generator.derive.measures import priority_score, rank_by_priority, weighted_mean
from generator.model import Criterion, Measure, Rating, RatingScheme, Strategy, Theme

#: Default axes of the priority matrix, by criterion id: feasibility against the mean of
#: importance and urgency. Used when strategie.yml sets no `bewertung.matrix` and the scheme
#: has these criteria; otherwise see `matrix_axes`.
DEFAULT_MATRIX_X = ("umsetzbarkeit",)
DEFAULT_MATRIX_Y = ("wichtigkeit", "dringlichkeit")

Key = TypeVar("Key")


# --- Ranking -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RankedMeasure:
    """A rated measure with its priority and its place in the ranking (1 = highest)."""

    measure: Measure
    priority: float
    rank: int
    #: The rating holds example values (quelle: beispiel), not the city's official ones.
    example: bool


@dataclass(frozen=True)
class Ranking:
    """Rated measures by priority (ties by id); unrated measures, by id, counted apart."""

    ranked: tuple[RankedMeasure, ...]
    unrated: tuple[Measure, ...]

    @property
    def example_count(self) -> int:
        return sum(1 for entry in self.ranked if entry.example)


def rank_measures(measures: Iterable[Measure], scheme: RatingScheme) -> Ranking:
    """Rank the rated measures by priority; collect the unrated ones separately."""
    listed = list(measures)
    ranked = tuple(
        RankedMeasure(measure, _score(measure, scheme), place, _is_example(measure))
        for place, measure in enumerate(rank_by_priority(listed, scheme), start=1)
    )
    unrated = tuple(sorted((m for m in listed if not _is_rated(m)), key=lambda m: m.id))
    return Ranking(ranked, unrated)


def _score(measure: Measure, scheme: RatingScheme) -> float:
    score = priority_score(measure.bewertung, scheme)
    if score is None:  # rank_by_priority only returns rated measures
        raise ValueError(f"{measure.id} has no priority")
    return score


def _is_rated(measure: Measure) -> bool:
    return isinstance(measure.bewertung, Rating)


def _is_example(measure: Measure) -> bool:
    return measure.bewertung.quelle == "beispiel"


# --- Priority matrix ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """One axis of the priority matrix: the criteria it averages (weighted)."""

    criteria: tuple[Criterion, ...]
    #: Width of a bin on the chart: 1 for a single criterion, 0.5 for a mean of several.
    step: Fraction
    minimum: int
    maximum: int

    @property
    def bins(self) -> tuple[Fraction, ...]:
        """The bin values from the scale's minimum to its maximum."""
        count = int((self.maximum - self.minimum) / self.step)
        return tuple(self.minimum + i * self.step for i in range(count + 1))

    def value(self, rating: Rating) -> float:
        """The weighted mean of this axis's criteria in a rating."""
        return weighted_mean(rating.werte, self.criteria)

    def bin_of(self, value: float) -> int:
        """Index of the bin a value falls into: the nearest bin, halves rounded up."""
        steps = (Fraction(value) - self.minimum) / self.step
        index = int(steps + Fraction(1, 2))  # floor(x + 1/2): rounds halves up, x ≥ 0
        last = int((self.maximum - self.minimum) / self.step)  # of `bins`, without building it
        return max(0, min(index, last))


@dataclass(frozen=True)
class MatrixAxes:
    x: Axis
    y: Axis


def matrix_axes(
    scheme: RatingScheme,
    x_ids: Sequence[str] | None = None,
    y_ids: Sequence[str] | None = None,
) -> MatrixAxes | None:
    """The matrix axes by criterion id; None when the scheme has fewer than two criteria.

    The ids come from the arguments, else from `bewertung.matrix` in strategie.yml, else
    from DEFAULT_MATRIX_X and DEFAULT_MATRIX_Y. When they are not all criteria of the scheme
    (another city's vocabulary), the last criterion becomes the x axis and the weighted mean
    of all others the y axis.
    """
    criteria = {c.id: c for c in scheme.kriterien}
    if len(criteria) < 2:
        return None
    configured = scheme.matrix
    if x_ids is None:
        x_ids = configured.waagerecht if configured else DEFAULT_MATRIX_X
    if y_ids is None:
        y_ids = configured.senkrecht if configured else DEFAULT_MATRIX_Y
    if not x_ids or not y_ids or not all(key in criteria for key in (*x_ids, *y_ids)):
        x_ids = (scheme.kriterien[-1].id,)
        y_ids = tuple(c.id for c in scheme.kriterien[:-1])
    return MatrixAxes(_axis(scheme, x_ids, criteria), _axis(scheme, y_ids, criteria))


def _axis(scheme: RatingScheme, ids: Sequence[str], criteria: Mapping[str, Criterion]) -> Axis:
    step = Fraction(1) if len(ids) == 1 else Fraction(1, 2)
    return Axis(tuple(criteria[key] for key in ids), step, scheme.minimum, scheme.maximum)


@dataclass(frozen=True)
class MatrixPoint:
    """A rated measure in the matrix: exact axis values and the bin (cell) it is drawn in."""

    entry: RankedMeasure
    x: float
    y: float
    column: int
    row: int


@dataclass(frozen=True)
class PriorityMatrix:
    axes: MatrixAxes
    #: All points, highest priority first (the ranking's order).
    points: tuple[MatrixPoint, ...]

    def cell(self, column: int, row: int) -> tuple[MatrixPoint, ...]:
        """The points drawn in one cell, highest priority first."""
        return tuple(p for p in self.points if (p.column, p.row) == (column, row))


def priority_matrix(ranking: Ranking, axes: MatrixAxes) -> PriorityMatrix:
    """Place every ranked measure by its two axis values."""
    points = []
    for entry in ranking.ranked:
        rating = entry.measure.bewertung
        if not isinstance(rating, Rating):  # pragma: no cover - ranked measures are rated
            continue
        x, y = axes.x.value(rating), axes.y.value(rating)
        points.append(MatrixPoint(entry, x, y, axes.x.bin_of(x), axes.y.bin_of(y)))
    return PriorityMatrix(axes, tuple(points))


# --- Coverage ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage(Generic[Key]):
    """How many measures of each Leitthema refer to each entry of a registry (SDG, guideline)."""

    keys: tuple[Key, ...]
    themes: tuple[Theme, ...]
    #: Measures per (registry key, theme id), in id order.
    measures: Mapping[tuple[Key, str], tuple[Measure, ...]]

    def count(self, key: Key, theme_id: str) -> int:
        return len(self.measures[(key, theme_id)])

    def row_total(self, key: Key) -> int:
        """Measures referring to the entry, across all themes (each measure once)."""
        return sum(self.count(key, theme.id) for theme in self.themes)

    def column_total(self, theme_id: str) -> int:
        """Measures of the theme that refer to any entry."""
        return len({m.id for key in self.keys for m in self.measures[(key, theme_id)]})

    @property
    def maximum(self) -> int:
        return max((len(group) for group in self.measures.values()), default=0)

    @property
    def uncovered(self) -> tuple[Key, ...]:
        """Entries no measure refers to."""
        return tuple(key for key in self.keys if not self.row_total(key))


def coverage(
    measures: Iterable[Measure],
    themes: Sequence[Theme],
    keys: Sequence[Key],
    references: Callable[[Measure], Iterable[Key]],
) -> Coverage[Key]:
    """Count measures per registry entry and theme; a measure counts once per entry."""
    listed = sorted(measures, key=lambda m: m.id)
    # One pass over the measures: a pass per (entry, theme) pair grew with entries × themes ×
    # measures, and the number of themes grows with the data.
    groups: dict[tuple[Key, str], list[Measure]] = {
        (key, theme.id): [] for key in keys for theme in themes
    }
    for measure in listed:
        for key in dict.fromkeys(references(measure)):  # a measure once per entry
            group = groups.get((key, measure.leitthema))
            if group is not None:
                group.append(measure)
    grouped = {pair: tuple(group) for pair, group in groups.items()}
    return Coverage(tuple(keys), tuple(themes), grouped)


def goal_coverage(strategy: Strategy) -> Coverage[int]:
    """Measures per SDG and Leitthema; all SDGs of the registry, also those without measures."""
    goals = [goal.nummer for goal in strategy.sdgs]
    return coverage(strategy.massnahmen, strategy.leitthemen, goals, lambda m: m.sdgs)


def guideline_coverage(strategy: Strategy) -> Coverage[str]:
    """Measures per Smart City Charta guideline and Leitthema."""
    guidelines = [guideline.id for guideline in strategy.leitlinien]
    return coverage(strategy.massnahmen, strategy.leitthemen, guidelines, lambda m: m.charta)


# --- Timeline ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """A measure's time frame as drawn: whole years from `start` to `end`, both included."""

    measure: Measure
    start: int
    #: Last year drawn: the end year, or the horizon for an ongoing measure or one that ends
    #: later; None when the measure begins after the horizon (nothing to draw).
    end: int | None
    #: No end year is set: the measure is ongoing ("fortlaufend").
    ongoing: bool
    #: The end year lies after the horizon; the bar is cut there.
    beyond_horizon: bool


@dataclass(frozen=True)
class TimelineGroup:
    theme: Theme
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True)
class Timeline:
    #: First year on the axis: the earliest start of any measure or edition, at most `horizon`.
    first_year: int
    #: The strategy's horizon, the last year on the axis.
    horizon: int
    groups: tuple[TimelineGroup, ...]

    @property
    def entries(self) -> tuple[TimelineEntry, ...]:
        return tuple(entry for group in self.groups for entry in group.entries)


def timeline(strategy: Strategy) -> Timeline:
    """Time frames of all measures by Leitthema (in theme order, then by start and id)."""
    horizon = strategy.strategie.horizont
    starts = [m.zeitraum.beginn for m in strategy.massnahmen]
    starts += [edition.datum.year for edition in strategy.strategie.fortschreibungen]
    first = min(min(starts), horizon)
    groups = []
    for theme in strategy.leitthemen:
        measures = [m for m in strategy.massnahmen if m.leitthema == theme.id]
        measures.sort(key=lambda m: (m.zeitraum.beginn, m.id))
        groups.append(TimelineGroup(theme, tuple(_timeline_entry(m, horizon) for m in measures)))
    return Timeline(first, horizon, tuple(groups))


def _timeline_entry(measure: Measure, horizon: int) -> TimelineEntry:
    start, end = measure.zeitraum.beginn, measure.zeitraum.ende
    drawn_end = None if start > horizon else min(end if end is not None else horizon, horizon)
    return TimelineEntry(
        measure,
        start,
        drawn_end,
        ongoing=end is None,
        beyond_horizon=end is not None and end > horizon,
    )


# --- Everything the Auswertung shows -------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    ranking: Ranking
    #: None when the rating scheme has fewer than two criteria.
    matrix: PriorityMatrix | None
    goals: Coverage[int]
    guidelines: Coverage[str]
    timeline: Timeline


def derive_evaluation(strategy: Strategy) -> Evaluation:
    """Compute everything the Auswertung pages show (status counts come from derive.py)."""
    scheme = strategy.strategie.bewertung
    ranking = rank_measures(strategy.massnahmen, scheme)
    axes = matrix_axes(scheme)
    return Evaluation(
        ranking=ranking,
        matrix=priority_matrix(ranking, axes) if axes else None,
        goals=goal_coverage(strategy),
        guidelines=guideline_coverage(strategy),
        timeline=timeline(strategy),
    )

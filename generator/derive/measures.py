"""Computed views of a validated strategy: priorities, status counts, groupings (pure).

In: a `Strategy` (validated, lists sorted as model.Strategy documents). Out: frozen values
that render.py turns into pages. Nothing here formats text or knows about pages.

Priority of a measure = weighted mean of its rating values, weights from strategie.yml:

    priority = Σ (gewicht_k × wert_k) / Σ gewicht_k   over the criteria k of the scheme

Measures "nicht bewertet" have no priority (None) and are never ranked among rated ones.
The score is computed exactly (weights as written, e.g. 1.5, are taken as decimal fractions),
so equal priorities are equal and rank by id, never by floating-point noise. Pages show it
rounded to one decimal, half up (`rounded_priority`); the ranking uses the unrounded score.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import TypeVar

from generator.model import Criterion, Measure, NotRated, Rating, RatingScheme, Status, Strategy
from generator.wording import rounded_priority as rounded_priority


@dataclass(frozen=True)
class StatusCount:
    """How many measures are in one status."""

    status: Status
    count: int
    #: How many of them are invented example measures.
    examples: int = 0


@dataclass(frozen=True)
class StatusSummary:
    """Measures per status in vocabulary order (zero counts included) and the total."""

    counts: tuple[StatusCount, ...]
    total: int
    #: How many of the measures are invented examples (beispielmassnahme): every view that
    #: counts measures names them.
    examples: int = 0

    @property
    def nonzero(self) -> tuple[StatusCount, ...]:
        return tuple(entry for entry in self.counts if entry.count)


@dataclass(frozen=True)
class Overview:
    """Everything rendering needs that is computed rather than entered."""

    priorities: Mapping[str, float | None]
    measures_by_theme: Mapping[str, tuple[Measure, ...]]
    measures_by_field: Mapping[str, tuple[Measure, ...]]
    status_total: StatusSummary
    status_by_theme: Mapping[str, StatusSummary]
    status_by_field: Mapping[str, StatusSummary]
    measures_by_goal: Mapping[int, tuple[Measure, ...]]
    measures_by_guideline: Mapping[str, tuple[Measure, ...]]
    measures_by_responsible: Mapping[str, tuple[Measure, ...]]
    measures_by_partner: Mapping[str, tuple[Measure, ...]]
    #: The newest `aktualisiert` of all measures: the "Stand" of every number on the site.
    as_of: date | None


def priority_score(rating: Rating | NotRated, scheme: RatingScheme) -> float | None:
    """Weighted mean of the rating values; None for a measure that is not rated."""
    if isinstance(rating, NotRated):
        return None
    return weighted_mean(rating.werte, scheme.kriterien)


def weighted_mean(values: Mapping[str, int], criteria: Iterable[Criterion]) -> float:
    """The exact weighted mean of the criteria's values, as a float."""
    weights, total = _integer_weights(tuple((c.id, c.gewicht) for c in criteria))
    # Exact: the weights scaled to integers, so the mean is a ratio of two integers, and
    # Python divides integers correctly rounded, as float(Fraction) does.
    return sum(weight * values[key] for key, weight in weights) / total


@functools.lru_cache(maxsize=16)
def _integer_weights(
    criteria: tuple[tuple[str, float | int], ...],
) -> tuple[tuple[tuple[str, int], ...], int]:
    """The weights as written (0.1 is 1/10), scaled by the least common denominator; their sum.
    Cached: the scheme is the same for every measure, and parsing it per measure was a tenth
    of the render time."""
    exact = [(key, Fraction(str(weight))) for key, weight in criteria]
    scale = math.lcm(*(weight.denominator for _, weight in exact))
    scaled = tuple((key, int(weight * scale)) for key, weight in exact)
    return scaled, sum(weight for _, weight in scaled)


def rank_by_priority(measures: Iterable[Measure], scheme: RatingScheme) -> list[Measure]:
    """Rated measures, highest priority first; ties broken by id. Unrated ones are left out."""
    scored = [(priority_score(m.bewertung, scheme), m) for m in measures]
    rated = [(score, m) for score, m in scored if score is not None]
    return [m for _, m in sorted(rated, key=lambda pair: (-pair[0], pair[1].id))]


def count_statuses(measures: Iterable[Measure], statuses: Sequence[Status]) -> StatusSummary:
    """Count measures per status, in the order of the status vocabulary."""
    listed = list(measures)
    counts = tuple(
        StatusCount(
            status,
            sum(1 for m in listed if m.status == status.id),
            sum(1 for m in listed if m.status == status.id and m.beispielmassnahme),
        )
        for status in statuses
    )
    return StatusSummary(counts, len(listed), sum(1 for m in listed if m.beispielmassnahme))


def latest_update(measures: Iterable[Measure]) -> date | None:
    """The newest `aktualisiert` date, or None when there are no measures."""
    return max((m.aktualisiert for m in measures), default=None)


def derive_overview(strategy: Strategy) -> Overview:
    """Compute priorities, groupings and status counts for the whole strategy."""
    measures = strategy.massnahmen
    statuses = strategy.strategie.status
    scheme = strategy.strategie.bewertung
    by_theme = _group(measures, [t.id for t in strategy.leitthemen], lambda m: [m.leitthema])
    fields = [f.id for theme in strategy.leitthemen for f in theme.handlungsfelder]
    by_field = _group(measures, fields, lambda m: [m.handlungsfeld])
    actors = [actor.id for actor in strategy.akteure]
    return Overview(
        priorities={m.id: priority_score(m.bewertung, scheme) for m in measures},
        measures_by_theme=by_theme,
        measures_by_field=by_field,
        status_total=count_statuses(measures, statuses),
        status_by_theme={key: count_statuses(group, statuses) for key, group in by_theme.items()},
        status_by_field={key: count_statuses(group, statuses) for key, group in by_field.items()},
        measures_by_goal=_group(measures, [g.nummer for g in strategy.sdgs], lambda m: m.sdgs),
        measures_by_guideline=_group(
            measures, [g.id for g in strategy.leitlinien], lambda m: m.charta
        ),
        measures_by_responsible=_group(measures, actors, lambda m: [m.verantwortlich]),
        measures_by_partner=_group(measures, actors, lambda m: m.partner),
        as_of=latest_update(measures),
    )


_Key = TypeVar("_Key", bound=Hashable)


def _group(
    measures: Sequence[Measure],
    keys: Sequence[_Key],
    keys_of: Callable[[Measure], Iterable[_Key | None]],
) -> dict[_Key, tuple[Measure, ...]]:
    """Measures by key, each group in measure order, every key present: one pass over the
    measures (a pass per key grew with keys × measures, both of which grow with the data)."""
    groups: dict[_Key, list[Measure]] = {key: [] for key in keys}
    for measure in measures:
        for key in dict.fromkeys(keys_of(measure)):  # a measure once per group
            if key is not None and key in groups:
                groups[key].append(measure)
    return {key: tuple(group) for key, group in groups.items()}

"""Derive stage: priorities from weighted ratings, rankings, status counts, groupings."""

from __future__ import annotations

from datetime import date

import pytest
from render_fixtures import load_case

from generator.derive.measures import (
    count_statuses,
    derive_overview,
    latest_update,
    priority_score,
    rank_by_priority,
    rounded_priority,
)
from generator.model import Measure, NotRated, Rating, RatingScheme, Strategy


@pytest.fixture(scope="module")
def minimal() -> Strategy:
    return load_case("minimal")


def _with_weights(scheme: RatingScheme, **weights: float) -> RatingScheme:
    criteria = [
        c.model_copy(update={"gewicht": weights.get(c.id, c.gewicht)}) for c in scheme.kriterien
    ]
    return scheme.model_copy(update={"kriterien": criteria})


def _rated(measure: Measure, **values: int) -> Measure:
    rating = Rating(quelle="beispiel", stand=date(2024, 1, 1), werte=values)
    return measure.model_copy(update={"bewertung": rating})


def test_priority_is_the_weighted_mean(minimal: Strategy) -> None:
    """Priority = Σ weight × value / Σ weight, with the weights from strategie.yml."""
    scheme = minimal.strategie.bewertung  # weights 2, 1, 1, 1.5
    measure = next(m for m in minimal.massnahmen if m.id == "VER-01")  # values 5, 4, 4, 3
    assert priority_score(measure.bewertung, scheme) == pytest.approx(
        (2 * 5 + 4 + 4 + 1.5 * 3) / 5.5
    )


def test_equal_weights_give_the_plain_mean(minimal: Strategy) -> None:
    """With all weights equal the priority is the arithmetic mean of the values."""
    scheme = _with_weights(
        minimal.strategie.bewertung,
        wichtigkeit=1,
        dringlichkeit=1,
        zielgenauigkeit=1,
        umsetzbarkeit=1,
    )
    measure = next(m for m in minimal.massnahmen if m.id == "VER-02")  # values 3, 2, 5, 5
    assert priority_score(measure.bewertung, scheme) == pytest.approx(15 / 4)


def test_unrated_measures_have_no_priority(minimal: Strategy) -> None:
    """A measure „nicht bewertet“ has no priority and is left out of the ranking."""
    scheme = minimal.strategie.bewertung
    assert priority_score(NotRated(quelle="nicht bewertet"), scheme) is None
    ranked = [m.id for m in rank_by_priority(minimal.massnahmen, scheme)]
    assert ranked == ["VER-01", "LAB-01", "VER-02"]


def test_changing_a_weight_changes_the_ranking(minimal: Strategy) -> None:
    """Weighting importance ranks the important measure first, weighting feasibility the other."""
    base = minimal.massnahmen[0]
    middle = {"dringlichkeit": 3, "zielgenauigkeit": 3}
    important = _rated(
        base.model_copy(update={"id": "VER-10"}), wichtigkeit=5, umsetzbarkeit=1, **middle
    )
    feasible = _rated(
        base.model_copy(update={"id": "VER-11"}), wichtigkeit=1, umsetzbarkeit=5, **middle
    )
    scheme = minimal.strategie.bewertung
    by_importance = _with_weights(scheme, wichtigkeit=3, umsetzbarkeit=1)
    by_feasibility = _with_weights(scheme, wichtigkeit=1, umsetzbarkeit=3)
    pair = [important, feasible]
    assert [m.id for m in rank_by_priority(pair, by_importance)] == ["VER-10", "VER-11"]
    assert [m.id for m in rank_by_priority(pair, by_feasibility)] == ["VER-11", "VER-10"]


def test_equal_priorities_rank_by_id(minimal: Strategy) -> None:
    """Ties in priority are broken by measure id, so the order is stable."""
    base = minimal.massnahmen[0]
    values = {"wichtigkeit": 3, "dringlichkeit": 3, "zielgenauigkeit": 3, "umsetzbarkeit": 3}
    later = _rated(base.model_copy(update={"id": "VER-12"}), **values)
    earlier = _rated(base.model_copy(update={"id": "VER-05"}), **values)
    ranked = rank_by_priority([later, earlier], minimal.strategie.bewertung)
    assert [m.id for m in ranked] == ["VER-05", "VER-12"]


def test_status_counts_follow_the_vocabulary(minimal: Strategy) -> None:
    """Counts list every status in vocabulary order, zero counts included, with the total."""
    summary = count_statuses(minimal.massnahmen, minimal.strategie.status)
    assert [(c.status.id, c.count) for c in summary.counts] == [
        ("geplant", 1),
        ("in-umsetzung", 2),
        ("abgeschlossen", 1),
        ("eingestellt", 1),
    ]
    assert summary.total == 5
    empty = count_statuses([], minimal.strategie.status)
    assert empty.total == 0 and empty.nonzero == ()


def test_overview_groups_by_theme_field_and_registry(minimal: Strategy) -> None:
    """The overview groups measures per theme, field, SDG, guideline and actor."""
    overview = derive_overview(minimal)
    ids = {key: [m.id for m in group] for key, group in overview.measures_by_field.items()}
    assert ids == {"e-government": ["VER-01", "VER-03"], "open-data": ["VER-02"]}
    assert [m.id for m in overview.measures_by_theme["labor"]] == ["LAB-01", "LAB-02"]
    assert [(c.status.id, c.count) for c in overview.status_by_theme["labor"].nonzero] == [
        ("in-umsetzung", 1),
        ("abgeschlossen", 1),
    ]
    assert [m.id for m in overview.measures_by_goal[9]] == ["VER-01", "VER-02"]
    assert [m.id for m in overview.measures_by_guideline["leitlinie-3"]] == ["LAB-01", "VER-01"]
    assert [m.id for m in overview.measures_by_partner["amt-digital"]] == ["LAB-01"]
    assert overview.priorities["LAB-02"] is None


def test_stand_is_the_newest_update(minimal: Strategy) -> None:
    """The "Stand" of the site is the newest `aktualisiert` of any measure."""
    assert derive_overview(minimal).as_of == date(2024, 5, 2)
    assert latest_update([]) is None


def test_priorities_round_half_up_to_one_decimal() -> None:
    """Shown priorities have one decimal, a final 5 rounds up (3,25 → 3,3), not to even."""
    assert [str(rounded_priority(v)) for v in (3.25, 3.75, 2.45, 4.0909, 1.0)] == [
        "3.3",
        "3.8",
        "2.5",
        "4.1",
        "1.0",
    ]


def test_equal_weighted_means_tie_exactly(minimal: Strategy) -> None:
    """Decimal weights are exact: measures with the same weighted mean tie and rank by id."""
    base = minimal.massnahmen[0]
    scheme = _with_weights(
        minimal.strategie.bewertung,
        wichtigkeit=1.1,
        dringlichkeit=2.2,
        zielgenauigkeit=3.3,
        umsetzbarkeit=1.1,
    )
    # 1.1·3 + 2.2·1 + 3.3·2 + 1.1·1 = 13.2 = 1.1·1 + 2.2·2 + 3.3·1 + 1.1·4 (both / 7.7)
    first = _rated(
        base.model_copy(update={"id": "VER-20"}),
        wichtigkeit=3,
        dringlichkeit=1,
        zielgenauigkeit=2,
        umsetzbarkeit=1,
    )
    second = _rated(
        base.model_copy(update={"id": "VER-19"}),
        wichtigkeit=1,
        dringlichkeit=2,
        zielgenauigkeit=1,
        umsetzbarkeit=4,
    )
    assert priority_score(first.bewertung, scheme) == priority_score(second.bewertung, scheme)
    assert [m.id for m in rank_by_priority([first, second], scheme)] == ["VER-19", "VER-20"]

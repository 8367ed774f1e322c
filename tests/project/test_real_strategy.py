"""The strategy in strategy/ validates clean; the bundled Gelsenkirchen data keeps its facts.

The first test holds for any city's data. The others check facts of the bundled demonstration
(its published structure, example markings) and run only on it (tests/bundled.py): another
city's strategy has its own shape, and its checks are those of `strategie check --strict`.
"""

from __future__ import annotations

import pytest
from bundled import bundled_demo_only
from repo_paths import STRATEGY

from generator.check.validate import load_strategy
from generator.model import Rating, Strategy


@pytest.fixture(scope="module")
def strategy() -> Strategy:
    loaded, problems = load_strategy(STRATEGY)
    assert [p.format() for p in problems] == []
    assert loaded is not None
    return loaded


def test_strategy_validates_clean(strategy: Strategy) -> None:
    """strategy/ loads with no problem at all, warnings included (valid under --strict)."""
    assert strategy.massnahmen and strategy.leitthemen


@bundled_demo_only
def test_structure_as_published(strategy: Strategy) -> None:
    """Six Leitthemen, 19 Handlungsfelder as published, at least 60 measures."""
    assert len(strategy.leitthemen) == 6
    assert sum(len(t.handlungsfelder) for t in strategy.leitthemen) == 19
    assert len(strategy.massnahmen) >= 60
    assert [len(t.handlungsfelder) for t in strategy.leitthemen] == [4, 3, 7, 3, 2, 0]


@bundled_demo_only
def test_every_field_of_action_has_measures(strategy: Strategy) -> None:
    """Each Handlungsfeld and the Open Innovation Lab carry at least two measures."""
    for theme in strategy.leitthemen:
        groups = [f.id for f in theme.handlungsfelder] or [None]
        for group in groups:
            count = sum(
                1
                for m in strategy.massnahmen
                if m.leitthema == theme.id and m.handlungsfeld == group
            )
            assert count >= 2, (theme.id, group)


@bundled_demo_only
def test_sources_or_marked_as_example(strategy: Strategy) -> None:
    """A measure without a public source is marked as Beispielmaßnahme, and vice versa."""
    for measure in strategy.massnahmen:
        assert bool(measure.quellen) != measure.beispielmassnahme, measure.id


@bundled_demo_only
def test_ratings_are_marked_as_examples(strategy: Strategy) -> None:
    """No bundled rating claims to be official; some measures are explicitly not rated."""
    ratings = [m.bewertung for m in strategy.massnahmen]
    rated = [r for r in ratings if isinstance(r, Rating)]
    assert rated and all(r.quelle == "beispiel" for r in rated)
    assert len(ratings) - len(rated) >= 5


@bundled_demo_only
def test_first_edition_is_the_council_decision(strategy: Strategy) -> None:
    """The first edition is the council decision of 25 June 2020; five visions for 2030."""
    first = strategy.strategie.fortschreibungen[0]
    assert first.datum.isoformat() == "2020-06-25"
    assert len(strategy.strategie.visionen) == 5
    assert strategy.strategie.horizont == 2030

"""Strategies for the render tests, built from the YAML cases in tests/data/.

One helper so that the tests do not care how a case becomes a `Strategy`: the same loader
and validation as the real site (`load_strategy`), strict — a fixture with a warning is a
broken fixture.
"""

from __future__ import annotations

from repo_paths import DATA

from generator import model
from generator.check.validate import load_strategy


def load_case(name: str) -> model.Strategy:
    """The validated strategy in tests/data/<name>/; fails on any problem, warnings too."""
    strategy, problems = load_strategy(DATA / name)
    assert not problems, "\n".join(problem.format() for problem in problems)
    assert strategy is not None
    return strategy

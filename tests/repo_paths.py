"""Where things are, for every test whatever its folder: the repository, its data, the fixtures.

Tests use these constants instead of counting parents of their own `__file__`, so that a test
can move to another folder of tests/ without its paths changing.
"""

from __future__ import annotations

from pathlib import Path

#: The repository (the folder with pyproject.toml).
REPO = Path(__file__).resolve().parent.parent
#: The bundled strategy.
STRATEGY = REPO / "strategy"
#: The shared helpers, data and golden files of the tests.
TESTS = REPO / "tests"
#: Test strategies: minimal, hostile, zweitstadt.
DATA = TESTS / "data"
#: The small valid strategy most tests start from.
MINIMAL = DATA / "minimal"
#: The error goldens (broken inputs and their expected messages).
PROBLEMS = TESTS / "problems"
#: The golden pages.
GOLDEN = TESTS / "golden"

"""Shared test settings.

Golden files: `pytest --update-goldens` rewrites them from the current output instead of
comparing; review their diff like code.

Hypothesis: no per-example deadline. The CI machine has two cores and runs builds and a
browser beside the property tests; a deadline would turn load into flaky failures without
saying anything about correctness. Speed is measured by benchmarks/, not by tests.
"""

import pytest
from hypothesis import settings

settings.register_profile("strategie", deadline=None, print_blob=True)
settings.load_profile("strategie")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the golden files from the current output instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was started with --update-goldens."""
    return bool(request.config.getoption("--update-goldens"))

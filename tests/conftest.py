"""Shared test settings.

Golden files: `pytest --update-goldens` rewrites them from the current output instead of
comparing; review their diff like code.

Hypothesis: no per-example deadline. The CI machine has two cores and runs builds and a
browser beside the property tests; a deadline would turn load into flaky failures without
saying anything about correctness. Speed is measured by benchmarks/, not by tests.

Imports: tests import the helpers in tests/ (`from project_copy import copy_project`, paths
from `repo_paths`) and, in a few cases, another test module (`from test_build import
make_project`) by their plain names. pytest puts tests/ on the import path for this file; the
loop below adds every folder of tests/ that holds tests, so that a test module can be imported
from any folder, whichever tests run and in whatever order.
"""

import sys
from pathlib import Path

import pytest
from hypothesis import settings

for _folder in sorted(Path(__file__).resolve().parent.iterdir()):
    if _folder.is_dir() and any(_folder.glob("test_*.py")) and str(_folder) not in sys.path:
        sys.path.append(str(_folder))

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

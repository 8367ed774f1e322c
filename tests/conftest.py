"""Shared test settings.

Hypothesis: no per-example deadline. The CI machine has two cores and runs builds and a
browser beside the property tests; a deadline would turn load into flaky failures without
saying anything about correctness. Speed is measured by benchmarks/, not by tests.
"""

from hypothesis import settings

settings.register_profile("strategie", deadline=None, print_blob=True)
settings.load_profile("strategie")

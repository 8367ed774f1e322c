"""What the commands share on the terminal: exit codes, problems printed, problems counted.

Exit codes: 0 ok, 1 problems in the data (or a failed build), 2 wrong usage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from generator.problems import Problem, Severity

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def print_problems(problems: Sequence[Problem]) -> None:
    """Print problems sorted by file and line; in GitHub Actions also as annotations."""
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for found in sorted(problems):
        print(found.format(), file=sys.stderr)
        if in_actions:
            print(found.github_annotation())


def summarise(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    notes = sum(1 for p in problems if p.severity is Severity.NOTE)
    warnings = len(problems) - errors - notes
    summary = f"{errors} Fehler, {warnings} Warnung{'en' if warnings != 1 else ''}"
    return summary + (f", {notes} Hinweis{'e' if notes != 1 else ''}" if notes else "")

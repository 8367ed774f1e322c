"""The one exception for failures the user can fix, and the logger below the command line.

A stage that cannot go on because of something the user can change (a wrong option, data
with problems, a tool that refused) raises `UserError`; the command line (generator/cli/)
catches it in one place, shows it in German without a traceback and exits with its code.
Stages never print: what they have to say to the user on the way goes to the logger `log`
("generator.notes"), which the command line shows on stderr; other loggers stay silent.
Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from generator.problems import Problem
from generator.terminal import EXIT_PROBLEMS

#: Notes of the stages for the terminal (German, for editors); the CLI shows them on stderr.
log = logging.getLogger("generator.notes")


class UserError(Exception):
    """A failure the user can fix: a German message, the exit code, and what to show first.

    `problems`: data problems, listed before the message; `details`: a tool's own output
    (MkDocs, mike), shown before the message as it came."""

    def __init__(
        self,
        message: str,
        *,
        exit_code: int = EXIT_PROBLEMS,
        problems: Sequence[Problem] = (),
        details: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.problems = list(problems)
        self.details = details


class DataProblems(UserError):
    """The data has problems a stage cannot go on with (`site.pipeline.generate`).

    A `UserError` like every failure the user can fix; it lives here, not beside `Problem` in
    problems.py, because problems.py is below this module. The commands and the MkDocs hook
    that expect it catch it first to say what was not done (preview, site)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(
            f"Die Daten in strategy/ enthalten {len(problems)} Problem(e). Prüfen Sie die Daten "
            "mit „strategie check“.",
            problems=sorted(problems),
        )

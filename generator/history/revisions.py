"""The strategy at a Git revision, loaded and validated exactly like the working tree.

In: the project folder and a revision („HEAD“, „origin/main“, a tag, a commit). Out: what
`validate.load_strategy` returns for the `strategy/` folder as it was at that revision, or a
`RevisionError` with a German message when Git cannot give it. The folder is exported with
`git archive` into a temporary folder, so this works in a shallow clone as long as the
revision's commit was fetched, and never touches the working tree.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from generator.check.validate import load_strategy
from generator.errors import UserError
from generator.model import Strategy
from generator.problems import Problem
from generator.terminal import EXIT_USAGE


class RevisionError(UserError):
    """Git cannot give the strategy at a revision; the message is German, for editors."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=EXIT_USAGE)


def load_strategy_at(
    project: Path, revision: str, *, known: bool = False
) -> tuple[Strategy | None, list[Problem]]:
    """Load and validate `strategy/` as it was at `revision` (relative to the project).

    `known`: the caller has found the commit in the repository already (history.py, for up
    to twenty commits per build), so the two checks that explain a wrong name are skipped."""
    if not revision or revision.startswith("-"):
        raise RevisionError(f"„{revision}“ ist keine Revision.")
    if not known:
        _check_revision(project, revision)
    archive = _git(
        project,
        ["archive", "--format=tar", f"{revision}:./strategy"],
        f"In der Revision „{revision}“ gibt es keinen Ordner strategy/.",
    )
    with tempfile.TemporaryDirectory(prefix="strategie-revision-") as folder:
        target = Path(folder) / "strategy"
        target.mkdir()
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
        return load_strategy(target)


def _check_revision(project: Path, revision: str) -> None:
    _git(project, ["rev-parse", "--git-dir"], f"Der Ordner {project} ist kein Git-Repository.")
    _git(
        project,
        ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        f"Die Revision „{revision}“ gibt es in diesem Repository nicht. In einem flachen Klon "
        f"holen Sie sie zuerst, zum Beispiel mit „git fetch --depth=1 origin {revision}“.",
    )


def _git(project: Path, arguments: list[str], failure: str) -> bytes:
    try:
        result = subprocess.run(
            ["git", "-C", str(project), *arguments], capture_output=True, check=False
        )
    except FileNotFoundError:
        raise RevisionError("Das Programm git ist nicht installiert.") from None
    if result.returncode != 0:
        raise RevisionError(failure)
    return result.stdout

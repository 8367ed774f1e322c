"""Reading commits from Git for the history: the log of strategy/, one commit per record.

In: the project folder. Out: `Revision`s with their first parent, parsed from `git log -z`
output; a damaged or crafted commit is left out (None) rather than failing the build.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from generator.git import clean_text, records, run_git
from generator.history.revisions import RevisionError


@dataclass(frozen=True)
class Revision:
    """A commit that changed strategy/."""

    commit: str
    #: The commit time as Git recorded it (with the committer's UTC offset).
    time: datetime
    subject: str

    @property
    def short(self) -> str:
        return self.commit[:7]

    @property
    def date(self) -> date:
        return self.time.date()


#: Separates the fields of one commit in `git log -z` output, whose records end in NUL; the
#: subject comes last, so a separator inside it stays part of it.
_FIELD = "\x1f"
#: What `git log`/`git show` print per commit: hash, commit time, first parent list, subject.
_FORMAT = f"--format=%H{_FIELD}%cI{_FIELD}%P{_FIELD}%s"
#: Longer subjects are shortened: they are headings on the Änderungen page and in the feed.
_SUBJECT_LIMIT = 200
OBJECT_ID = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")


class GitRepository:
    """The project's repository. Lookups are batched: a few Git calls per build, not per commit."""

    def __init__(self, project: Path) -> None:
        self.project = project

    def run(self, *arguments: str, given: str | None = None) -> bytes | None:
        """Git's output, or None where Git fails; GitError when there is no git."""
        return run_git(self.project, *arguments, given=given.encode() if given else None)

    def objects(self, names: Sequence[str]) -> dict[str, str | None]:
        """The object each name („abc:strategy“, „refs/tags/x^{commit}“) means; None if none.
        Names are made of object ids and edition ids, which hold no line break."""
        if not names:
            return {}
        listing = "".join(f"{name}\n" for name in names)
        output = self.run("cat-file", "--batch-check=%(objectname)", given=listing) or b""
        found: dict[str, str | None] = dict.fromkeys(names)
        lines = output.decode("utf-8", "replace").split("\n")
        for name, line in zip(names, lines, strict=False):
            found[name] = line.strip() if OBJECT_ID.fullmatch(line.strip()) else None
        return found

    def revisions(self, commits: Sequence[str]) -> dict[str, Revision]:
        """Date and subject of commits, in one call."""
        if not commits:
            return {}
        output = self.run("show", "-s", "-z", _FORMAT, *commits)
        logged = [entry for entry in map(parse_logged, records(output)) if entry is not None]
        return {entry.revision.commit: entry.revision for entry in logged}

    def shallow_commits(self) -> frozenset[str] | None:
        """The commits whose parents a shallow clone left out (empty in a full clone); None
        when the folder is not in a Git repository."""
        answer = self.run("rev-parse", "--is-shallow-repository", "--git-path", "shallow")
        if answer is None:
            return None
        shallow, path = [*answer.decode("utf-8", "surrogateescape").split("\n"), "", ""][:2]
        file = self.project / path
        if shallow.strip() != "true" or not file.is_file():
            return frozenset()
        return frozenset(file.read_text(encoding="ascii", errors="replace").split())


@dataclass(frozen=True)
class Logged:
    """A commit from `git log` with its first parent (None for a root commit)."""

    revision: Revision
    parent: str | None


def parse_logged(record: str) -> Logged | None:
    """One `_FORMAT` record, or None if Git gave something unreadable (a damaged or crafted
    commit): such a commit is left out rather than failing the build."""
    fields = record.lstrip("\n").split(_FIELD, 3)
    if len(fields) != 4 or not OBJECT_ID.fullmatch(fields[0]):
        return None
    commit, time, parents, subject = fields
    try:
        moment = datetime.fromisoformat(time)
    except ValueError:
        return None
    parent = parents.split()[0] if parents.split() else None
    shown = clean_text(subject) or "Änderung ohne Beschreibung"
    if len(shown) > _SUBJECT_LIMIT:
        shown = shown[: _SUBJECT_LIMIT - 1].rstrip() + "…"
    return Logged(Revision(commit, moment, shown), parent)


def log_strategy(git: GitRepository, limit: int, since: date | None) -> bytes:
    """The newest commits that changed strategy/ (since a day, if given), following first
    parents (a merge counts as one change, as the main branch saw it), as `_FORMAT` records."""
    after = [f"--since={since.isoformat()}T00:00:00"] if since else []
    # Translations (strategy/uebersetzungen/) are not changes of the German strategy: a commit
    # that only translates does not appear among its changes.
    output = git.run(
        "log", "-z", "--first-parent", f"--max-count={limit}", *after, _FORMAT, "HEAD", "--",
        "strategy", ":(exclude)strategy/uebersetzungen",
    )  # fmt: skip
    if output is None:
        raise RevisionError(
            "Git meldet beim Lesen der Commits einen Fehler (ist das Repository beschädigt "
            "oder unvollständig?)."
        )
    return output


def short_id(record: str) -> str:
    """The shortened commit id a record starts with, or „?“ when even that is unreadable."""
    commit = record.lstrip("\n").split(_FIELD, 1)[0]
    return commit[:7] if OBJECT_ID.fullmatch(commit) else "?"

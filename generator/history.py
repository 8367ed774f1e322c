"""History stage: what changed in the strategy, read from Git and put into words.

In: the project folder and the editions listed in strategie.yml. Out: a `History` — the
changes between consecutive editions (each edition is the commit its Git tag
`fortschreibung-<id>` points to) and the changes of the last commits that touched
`strategy/`, newest first, each as German lines per measure. Run by the pipeline before
the render stage, which stays pure and only shows the result.

Each state is loaded and validated with `revisions.load_strategy_at` and compared with
`diff.diff_strategies`; the wording is `diff_format.describe_change`'s, the same as
`strategie diff` prints. Loaded states are cached by the hash of their `strategy/` tree, so a
state shared by two comparisons is loaded once.

Nothing here fails a build: outside Git, in a shallow clone or with a state that no longer
validates, the history says in German what is missing (`History.notes`, `ChangeSet.note`).
The output depends only on the commits and tags, never on the clock, so the same commit gives
the same history.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from generator.diff import CollectionDiff, StrategyDiff, diff_strategies, quoted
from generator.diff_format import describe_change
from generator.model import Edition, Strategy
from generator.revisions import RevisionError, load_strategy_at

#: How many of the newest commits that touched strategy/ the history shows.
REVISION_LIMIT = 20
#: Git tags of editions: fortschreibung-2020 marks the data of edition 2020.
TAG_PREFIX = "fortschreibung-"
#: Fields whose change alone is bookkeeping, not news (every edit updates `aktualisiert`).
_QUIET_FIELDS = frozenset({"aktualisiert"})

Kind = Literal["neu", "geändert", "entfernt"]


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


@dataclass(frozen=True)
class MeasureChanges:
    """One measure in one change set: added, removed, or changed field by field."""

    id: str
    title: str
    kind: Kind
    #: German lines as `strategie diff` prints them („Status geplant → in Umsetzung“).
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChangeSet:
    """What changed from one state of the data to the next (an edition or a commit)."""

    #: Stable key: the page anchor and the feed entry's id („fassung-2024“, „aenderung-…“).
    key: str
    #: The edition this change set leads to (None for a commit).
    edition: Edition | None
    #: The edition compared with (None for the first edition and for commits).
    previous: Edition | None
    #: The commit (for an edition: the one its tag points to; None without a tag).
    revision: Revision | None
    measures: tuple[MeasureChanges, ...] = ()
    #: Changes outside the measures (Leitthemen, Handlungsfelder, registries, strategie.yml).
    other: tuple[str, ...] = ()
    #: Why the changes cannot be shown, or what is special about this state (German).
    note: str | None = None

    @property
    def date(self) -> date:
        if self.edition is not None:
            return self.edition.datum
        assert self.revision is not None
        return self.revision.date

    @property
    def empty(self) -> bool:
        return not (self.measures or self.other)


@dataclass(frozen=True)
class History:
    """The strategy's history as far as Git can tell; render.py shows it."""

    #: One change set per edition, newest edition first.
    editions: tuple[ChangeSet, ...] = ()
    #: The newest commits that changed strategy/, newest first.
    revisions: tuple[ChangeSet, ...] = ()
    #: Why the history is incomplete or missing (German); empty when it is complete.
    notes: tuple[str, ...] = ()
    #: Whether Git could be read at all (False outside a repository or without git).
    available: bool = True
    #: Whether the Atom feed is published with absolute addresses (SITE_URL set).
    feed: bool = False
    revision_limit: int = REVISION_LIMIT

    def for_measure(self, measure_id: str) -> list[tuple[ChangeSet, MeasureChanges]]:
        """The change sets that touched one measure, editions first, each newest first."""
        return [
            (change_set, changes)
            for change_set in (*self.editions, *self.revisions)
            for changes in change_set.measures
            if changes.id == measure_id
        ]


def unavailable(reason: str) -> History:
    """A history that Git could not give, with the German reason."""
    return History(notes=(reason,), available=False)


# --- Reading Git ------------------------------------------------------------------------------


class _Git:
    """The project's repository; `run` returns None where Git fails."""

    def __init__(self, project: Path) -> None:
        self.project = project

    def run(self, *arguments: str) -> str | None:
        try:
            result = subprocess.run(
                ["git", "-C", str(self.project), *arguments],
                capture_output=True,
                check=False,
                text=True,
                encoding="utf-8",
                errors="replace",
            )
        except FileNotFoundError:
            raise RevisionError("Das Programm git ist nicht installiert.") from None
        return result.stdout if result.returncode == 0 else None

    def commit_of(self, revision: str) -> str | None:
        found = self.run("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        return found.strip() if found else None

    def tree_of(self, commit: str) -> str | None:
        found = self.run("rev-parse", "--verify", "--quiet", f"{commit}:strategy")
        return found.strip() if found else None

    def revision(self, commit: str) -> Revision:
        shown = self.run("show", "-s", "--format=%H%x1f%cI%x1f%s", commit) or ""
        full, time, subject = shown.rstrip("\n").split("\x1f", 2)
        return Revision(full, datetime.fromisoformat(time), subject)

    def shallow_commits(self) -> frozenset[str]:
        """The commits whose parents a shallow clone left out (empty in a full clone)."""
        if (self.run("rev-parse", "--is-shallow-repository") or "").strip() != "true":
            return frozenset()
        path = (self.run("rev-parse", "--git-path", "shallow") or "").strip()
        file = self.project / path
        return frozenset(file.read_text().split()) if path and file.is_file() else frozenset()


class _States:
    """Strategies at commits, loaded once per distinct strategy/ tree."""

    def __init__(self, git: _Git) -> None:
        self.git = git
        self.cache: dict[str, Strategy | None] = {}

    def at(self, commit: str) -> Strategy | None:
        """The valid strategy at a commit; None if it has no strategy/ or does not validate."""
        tree = self.git.tree_of(commit)
        if tree is None:
            return None
        if tree not in self.cache:
            try:
                strategy, _ = load_strategy_at(self.git.project, commit)
            except RevisionError:
                strategy = None
            self.cache[tree] = strategy
        return self.cache[tree]


_UNREADABLE = (
    "Die Daten dieses Stands oder des Stands davor lassen sich nicht fehlerfrei prüfen (Fehler "
    "in den Daten oder eine ältere Form der Dateien); die Änderungen werden deshalb nicht "
    "gezeigt."
)


def read_history(
    project: Path, editions: Sequence[Edition], *, limit: int = REVISION_LIMIT
) -> History:
    """The history of `project`'s strategy/ from Git; a German note instead of an error."""
    git = _Git(project)
    try:
        if git.run("rev-parse", "--git-dir") is None:
            return unavailable(
                "Der Verlauf stammt aus Git; dieser Projektordner ist kein Git-Repository "
                "(etwa eine entpackte ZIP-Datei). Die Änderungen sind deshalb nicht aufgeführt."
            )
        if git.commit_of("HEAD") is None:
            return unavailable("Im Git-Repository gibt es noch keinen Commit.")
        states = _States(git)
        shallow = git.shallow_commits()
        notes: list[str] = []
        revisions, cut_short = _revisions(git, states, shallow, limit)
        edition_sets, missing_tags = _editions(git, states, editions)
    except RevisionError as error:
        return unavailable(f"Der Verlauf lässt sich nicht lesen: {error}")
    if shallow and (cut_short or missing_tags):
        notes.append(
            "Diese Ausgabe wurde aus einem flachen Git-Klon gebaut, der nur die letzten Commits "
            "enthält; ältere Änderungen und Fassungen fehlen hier. Den ganzen Verlauf holt "
            "„git fetch --unshallow --tags“."
        )
    return History(tuple(edition_sets), tuple(revisions), tuple(notes), revision_limit=limit)


def _revisions(
    git: _Git, states: _States, shallow: frozenset[str], limit: int
) -> tuple[list[ChangeSet], bool]:
    """The newest commits that changed strategy/, each compared with its first parent.

    Merges count as one change (first parent), as the main branch saw it. Returns the change
    sets and whether a shallow clone cut the list short.
    """
    log = git.run(
        "log",
        "--first-parent",
        f"--max-count={limit}",
        "--format=%H%x1f%P",
        "HEAD",
        "--",
        "strategy",
    )
    found: list[ChangeSet] = []
    for line in (log or "").splitlines():
        commit, parents = line.split("\x1f")
        if commit in shallow:
            return found, True  # its parent was not fetched: nothing to compare with
        revision = git.revision(commit)
        parent = parents.split()[0] if parents else None
        key = f"aenderung-{commit[:12]}"
        new = states.at(commit)
        if parent is None or git.tree_of(parent) is None:
            found.append(ChangeSet(key, None, None, revision, note="Erster Stand der Daten."))
        elif new is None or (old := states.at(parent)) is None:
            found.append(ChangeSet(key, None, None, revision, note=_UNREADABLE))
        else:
            found.append(_change_set(key, diff_strategies(old, new), revision=revision))
    return found, False


def _editions(
    git: _Git, states: _States, editions: Sequence[Edition]
) -> tuple[list[ChangeSet], list[Edition]]:
    """One change set per edition, newest first; and the editions without a tag."""
    ordered = sorted(editions, key=lambda edition: (edition.datum, edition.id))
    commits = {e.id: git.commit_of(f"refs/tags/{TAG_PREFIX}{e.id}") for e in ordered}
    found: list[ChangeSet] = []
    for index, edition in enumerate(ordered):
        key = _anchor(f"fassung-{edition.id}")
        commit = commits[edition.id]
        previous = ordered[index - 1] if index else None
        revision = git.revision(commit) if commit else None
        if commit is None:
            note = (
                f"Zu dieser Fassung gibt es im Git-Repository kein Tag „{TAG_PREFIX}{edition.id}“; "
                "was sich mit ihr geändert hat, lässt sich deshalb nicht zeigen."
            )
            found.append(ChangeSet(key, edition, previous, None, note=note))
            continue
        if previous is None:
            found.append(ChangeSet(key, edition, None, revision, note="Erste Fassung."))
            continue
        before = commits[previous.id]
        new = states.at(commit)
        old = states.at(before) if before else None
        if before is None:
            note = (
                f"Die vorige Fassung {previous.id} hat kein Tag „{TAG_PREFIX}{previous.id}“; "
                "ein Vergleich mit ihr ist deshalb nicht möglich."
            )
            found.append(ChangeSet(key, edition, previous, revision, note=note))
        elif new is None or old is None:
            found.append(ChangeSet(key, edition, previous, revision, note=_UNREADABLE))
        else:
            diff = diff_strategies(old, new)
            found.append(_change_set(key, diff, edition, previous, revision))
    missing = [edition for edition in ordered if commits[edition.id] is None]
    return found[::-1], missing


def _anchor(text: str) -> str:
    """A page anchor: lowercase letters, digits and single hyphens."""
    cleaned = "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in cleaned.split("-") if part)


# --- Diffs into words -------------------------------------------------------------------------


def _change_set(
    key: str,
    diff: StrategyDiff,
    edition: Edition | None = None,
    previous: Edition | None = None,
    revision: Revision | None = None,
) -> ChangeSet:
    note = None if not diff.empty else "Keine inhaltlichen Änderungen."
    return ChangeSet(
        key,
        edition,
        previous,
        revision,
        measures=_measure_changes(diff.measures),
        other=_other_changes(diff),
        note=note,
    )


def _measure_changes(measures: CollectionDiff) -> tuple[MeasureChanges, ...]:
    found = [MeasureChanges(e.id, e.title, "neu") for e in measures.added]
    for entity in measures.changed:
        lines = tuple(describe_change(c) for c in entity.changes if c.field not in _QUIET_FIELDS)
        if lines:
            found.append(MeasureChanges(entity.id, entity.title, "geändert", lines))
    found += [MeasureChanges(e.id, e.title, "entfernt") for e in measures.removed]
    return tuple(sorted(found, key=lambda changes: changes.id))


def _other_changes(diff: StrategyDiff) -> tuple[str, ...]:
    """Changes outside the measures, one German line each („Leitthemen: neu „Mobilität““)."""
    lines: list[str] = []
    for part in (diff.themes, diff.fields_of_action, *diff.registries):
        lines += [f"{part.name}: neu {quoted(e.title)}" for e in part.added]
        lines += [f"{part.name}: entfernt {quoted(e.title)}" for e in part.removed]
        for entity in part.changed:
            described = "; ".join(describe_change(c) for c in entity.changes)
            lines.append(f"{part.name}: {quoted(entity.title)}: {described}")
    lines += [f"Strategie: {describe_change(change)}" for change in diff.document]
    return tuple(lines)

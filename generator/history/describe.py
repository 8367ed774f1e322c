"""History stage: what changed in the strategy, read from Git and put into words.

In: the project folder and the editions listed in strategie.yml. Out: a `History` — the
changes between consecutive editions (each edition is the commit its Git tag
`fortschreibung-<id>` points to) and the changes of the last commits that touched
`strategy/`, newest first, each as German lines per measure. Run by the pipeline before
the render stage, which stays pure and only shows the result.

Each state is loaded and validated with `revisions.load_strategy_at` and compared with
`diff.diff_strategies`; the wording is `diff_format.describe_change`'s, the same as
`strategie diff` prints. Loaded states are kept by the hash of their `strategy/` tree in a
`HistoryCache` that the caller owns (a build, a serve session), so a state shared by two
comparisons, or by two rebuilds of the preview, is loaded once.

Nothing here fails a build: outside Git, in a shallow clone or with a state that no longer
validates, the history says in German what is missing (`History.notes`, `ChangeSet.note`).
The output depends only on the commits and tags, never on the clock, so the same commit gives
the same history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from generator.check.load import ParseCache
from generator.git import GitError, records
from generator.history.diff import CollectionDiff, StrategyDiff, diff_strategies, quoted
from generator.history.diff_format import describe_change
from generator.history.gitlog import GitRepository, Logged, log_strategy, parse_logged, short_id
from generator.history.gitlog import Revision as Revision
from generator.history.revisions import RevisionError, load_strategy_at
from generator.model import Edition, Strategy
from generator.wording import format_date

#: How many of the newest commits that touched strategy/ the history shows.
REVISION_LIMIT = 20
#: Git tags of editions: fortschreibung-2020 marks the data of edition 2020.
TAG_PREFIX = "fortschreibung-"
#: Fields whose change alone is bookkeeping, not news (every edit updates `aktualisiert`).
_QUIET_FIELDS = frozenset({"aktualisiert"})

Kind = Literal["neu", "geändert", "entfernt"]


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


class HistoryCache:
    """Earlier states of the data, kept as long as its owner keeps the cache.

    `states`: strategies by the Git object id of their strategy/ tree (None: it did not
    validate). An id names its content, so an entry never goes stale. A build makes one (in
    site/pipeline.py `BuildCache`); the serve session keeps one across its rebuilds, so that
    a rebuild does not load up to twenty earlier states again (0.7 s for the bundled data).
    `parsed`: the parsed files those states are loaded with, shared with the loading of the
    current data (most files are the same)."""

    #: At most this many states are kept; the oldest goes first.
    LIMIT = 4 * REVISION_LIMIT

    def __init__(self, parsed: ParseCache | None = None) -> None:
        self.parsed = ParseCache() if parsed is None else parsed
        self.states: dict[str, Strategy | None] = {}


class _States:
    """Strategies at commits, loaded once per distinct strategy/ tree."""

    def __init__(self, git: GitRepository, trees: dict[str, str | None], cache: HistoryCache):
        self.git = git
        #: The strategy/ tree of each commit, looked up beforehand in one batch.
        self.trees = trees
        self.cache = cache

    def tree(self, commit: str) -> str | None:
        name = f"{commit}:strategy"
        if name not in self.trees:
            self.trees.update(self.git.objects([name]))
        return self.trees[name]

    def at(self, commit: str) -> Strategy | None:
        """The valid strategy at a commit; None if it has no strategy/ or does not validate."""
        tree = self.tree(commit)
        if tree is None:
            return None
        states = self.cache.states
        if tree not in states:
            try:
                strategy, _ = load_strategy_at(
                    self.git.project, commit, known=True, cache=self.cache.parsed
                )
            except RevisionError:
                strategy = None
            if len(states) >= HistoryCache.LIMIT:
                del states[next(iter(states))]  # the oldest entry
            states[tree] = strategy
        return states[tree]


_UNREADABLE = (
    "Die Daten dieses Stands oder des Stands davor lassen sich nicht fehlerfrei prüfen (Fehler "
    "in den Daten oder eine ältere Form der Dateien); die Änderungen werden deshalb nicht "
    "gezeigt."
)


def read_history(
    project: Path,
    editions: Sequence[Edition],
    *,
    limit: int = REVISION_LIMIT,
    since: date | None = None,
    cache: HistoryCache | None = None,
) -> History:
    """The history of `project`'s strategy/ from Git; a German note instead of an error.
    `since` (strategie.yml: historie_ab) leaves out commits before that day; the oldest one
    kept then counts as the first state, so another city's earlier data never shows.
    `cache`: the earlier states kept by the caller's build or serve session (default: a
    fresh one, as in a cold build)."""
    git = GitRepository(project)
    try:
        shallow = git.shallow_commits()
        if shallow is None:
            return unavailable(
                "Der Verlauf stammt aus Git; dieser Projektordner ist kein Git-Repository "
                "(etwa eine entpackte ZIP-Datei). Die Änderungen sind deshalb nicht aufgeführt."
            )
        if git.objects(["HEAD^{commit}"]).get("HEAD^{commit}") is None:
            return unavailable("Im Git-Repository gibt es noch keinen Commit.")
        records_found = records(log_strategy(git, limit + (since is not None), since))
        logged = [entry for entry in map(parse_logged, records_found) if entry is not None]
        if since is not None and len(records_found) > limit:
            logged = logged[:limit]  # the oldest kept has its parent since `since`
        elif since is not None and logged:  # its parent is older than `since`: hidden
            logged[-1] = Logged(logged[-1].revision, None)
        unreadable = [short_id(record) for record in records_found if parse_logged(record) is None]
        ordered = sorted(editions, key=lambda edition: (edition.datum, edition.id))
        tags = [f"refs/tags/{TAG_PREFIX}{edition.id}" for edition in ordered]
        names = [f"{tag}^{{commit}}" for tag in tags] + [f"{tag}:strategy" for tag in tags]
        for entry in logged:
            names.append(f"{entry.revision.commit}:strategy")
            if entry.parent:
                names.append(f"{entry.parent}:strategy")
        found = git.objects(names)
        tagged = {e.id: found[f"{tag}^{{commit}}"] for e, tag in zip(ordered, tags, strict=True)}
        trees = {name: found[name] for name in names if name.endswith(":strategy")}
        for edition, tag in zip(ordered, tags, strict=True):
            commit = tagged[edition.id]
            if commit is not None:
                trees[f"{commit}:strategy"] = found[f"{tag}:strategy"]
        states = _States(git, trees, HistoryCache() if cache is None else cache)
        revisions, cut_short = _revisions(states, logged, shallow)
        dated = git.revisions([commit for commit in tagged.values() if commit])
        edition_sets = _editions(states, ordered, tagged, dated)
    except GitError as error:  # RevisionError included
        return unavailable(f"Der Verlauf lässt sich nicht lesen: {error}")
    notes = [f"Der Verlauf beginnt am {format_date(since)}."] if since else []
    if unreadable:
        which = (
            "Ein Commit lässt sich nicht lesen (beschädigt oder von Hand erzeugt) und fehlt"
            if len(unreadable) == 1
            else f"{len(unreadable)} Commits lassen sich nicht lesen (beschädigt oder von Hand "
            "erzeugt) und fehlen"
        )
        notes.append(f"{which} deshalb in der Liste: {', '.join(unreadable)}.")
    if shallow and (cut_short or None in tagged.values()):
        notes.append(
            "Diese Ausgabe wurde aus einem flachen Git-Klon gebaut, der nur die letzten Commits "
            "enthält; ältere Änderungen und Fassungen fehlen hier. Den ganzen Verlauf holt "
            "„git fetch --unshallow --tags“."
        )
    return History(tuple(edition_sets), tuple(revisions), tuple(notes), revision_limit=limit)


def _revisions(
    states: _States, logged: list[Logged], shallow: frozenset[str]
) -> tuple[list[ChangeSet], bool]:
    """Each logged commit compared with its first parent; and whether a shallow clone cut the
    list short (a commit whose parent was not fetched has nothing to compare with)."""
    found: list[ChangeSet] = []
    for entry in logged:
        revision = entry.revision
        if revision.commit in shallow:
            return found, True
        key = f"aenderung-{revision.commit[:12]}"
        if entry.parent is None or states.tree(entry.parent) is None:
            found.append(ChangeSet(key, None, None, revision, note="Erster Stand der Daten."))
        elif (new := states.at(revision.commit)) is None or (
            old := states.at(entry.parent)
        ) is None:
            found.append(ChangeSet(key, None, None, revision, note=_UNREADABLE))
        else:
            found.append(_change_set(key, diff_strategies(old, new), revision=revision))
    return found, False


def _editions(
    states: _States,
    ordered: list[Edition],
    tagged: dict[str, str | None],
    dated: dict[str, Revision],
) -> list[ChangeSet]:
    """One change set per edition (oldest first in `ordered`), returned newest first."""
    found: list[ChangeSet] = []
    for index, edition in enumerate(ordered):
        key = _anchor(f"fassung-{edition.id}")
        commit = tagged[edition.id]
        previous = ordered[index - 1] if index else None
        if commit is None:
            note = (
                f"Zu dieser Fassung gibt es im Git-Repository kein Tag „{TAG_PREFIX}{edition.id}“; "
                "was sich mit ihr geändert hat, lässt sich deshalb nicht zeigen."
            )
            found.append(ChangeSet(key, edition, previous, None, note=note))
            continue
        revision = dated.get(commit)  # None: Git could not describe the tagged commit
        before = tagged[previous.id] if previous else None
        if previous is None:
            found.append(ChangeSet(key, edition, None, revision, note="Erste Fassung."))
        elif before is None:
            note = (
                f"Die vorige Fassung {previous.id} hat kein Tag „{TAG_PREFIX}{previous.id}“; "
                "ein Vergleich mit ihr ist deshalb nicht möglich."
            )
            found.append(ChangeSet(key, edition, previous, revision, note=note))
        elif (new := states.at(commit)) is None or (old := states.at(before)) is None:
            found.append(ChangeSet(key, edition, previous, revision, note=_UNREADABLE))
        else:
            found.append(_change_set(key, diff_strategies(old, new), edition, previous, revision))
    return found[::-1]


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

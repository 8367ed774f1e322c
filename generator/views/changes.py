"""Views of the history: the Änderungen page and the Verlauf section of each measure (pure).

In: a `SiteIndex` and the `History` the pipeline read from Git (history.py). Out: the
`ChangesPage` and one `MeasureHistory` per measure, with every link resolved. A measure that
no longer exists is named but not linked: it has no page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from generator import urls
from generator.history.describe import ChangeSet, History, MeasureChanges
from generator.views.pages import Page
from generator.views.site import Link, SiteIndex

#: The file name of the Atom feed, next to the Änderungen page (feed.py writes it).
FEED_FILE = "feed.xml"


@dataclass(frozen=True)
class ChangeLine:
    """One measure in a change set, linked to its page when it still exists."""

    id: str
    title: str
    kind: str
    changes: tuple[str, ...]
    link: Link | None
    #: The measure is (today) an invented example measure.
    example: bool = False


@dataclass(frozen=True)
class ChangeSection:
    """One change set on the Änderungen page."""

    anchor: str
    heading: str
    date: date
    #: For an edition: its council decision and Drucksache (None for a change of the data).
    context: str | None
    note: str | None
    measures: tuple[ChangeLine, ...]
    other: tuple[str, ...]


@dataclass(frozen=True)
class ChangesPage(Page):
    template = "changes.md.j2"
    editions: tuple[ChangeSection, ...]
    revisions: tuple[ChangeSection, ...]
    notes: tuple[str, ...]
    available: bool
    revision_limit: int
    #: Whether to link the Atom feed (only published with absolute addresses).
    feed: bool


@dataclass(frozen=True)
class MeasureHistoryEntry:
    """One change of a measure, linked to its section on the Änderungen page."""

    label: str
    date: date
    kind: str
    changes: tuple[str, ...]
    link: Link
    anchor: str


@dataclass(frozen=True)
class MeasureHistory:
    """The Verlauf section of a measure page; shown when it has entries or a note."""

    entries: tuple[MeasureHistoryEntry, ...]
    note: str | None
    changes_link: Link


def section_heading(change_set: ChangeSet) -> str:
    """„Fassung 2024: Fortschreibung 2024“ for an edition; for a change of the data, what it
    changed in German („VER-03 geändert“), made from the semantic diff, never from the commit's
    own description, which is written for developers (the template adds the date)."""
    if change_set.edition is not None:
        return f"Fassung {change_set.edition.id}: {change_set.edition.titel}"
    return change_summary(change_set)


_KIND_WORDS = {"neu": "neu aufgenommen", "geändert": "geändert", "entfernt": "entfernt"}


def change_summary(change_set: ChangeSet) -> str:
    """What a change set changed, in a few German words: „VER-03 geändert“, „2 Maßnahmen
    geändert, 1 neu aufgenommen; Akteure geändert“, „Erster Stand der Daten“."""
    if change_set.note and change_set.empty:
        return change_set.note.rstrip(".") if len(change_set.note) < 40 else "Änderung der Daten"
    parts: list[str] = []
    measures = change_set.measures
    if len(measures) == 1:
        parts.append(f"{measures[0].id} {_KIND_WORDS[measures[0].kind]}")
    elif measures:
        counts = [
            (number, words)
            for kind, words in _KIND_WORDS.items()
            if (number := sum(1 for m in measures if m.kind == kind))
        ]
        (number, words), *rest = counts
        noun = "Maßnahme" if number == 1 else "Maßnahmen"
        parts.append(", ".join([f"{number} {noun} {words}", *(f"{n} {w}" for n, w in rest)]))
    names = list(dict.fromkeys(line.split(":", 1)[0] for line in change_set.other))
    if names:
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]
        parts.append(f"{joined} geändert")
    return "; ".join(parts) or "Keine inhaltlichen Änderungen"


def build_changes(site: SiteIndex, history: History) -> ChangesPage:
    at = urls.CHANGES
    return ChangesPage(
        path=at,
        title="Änderungen",
        source_files=(site.document_file(), site.measures_folder()),
        editions=tuple(_section(site, at, change_set) for change_set in history.editions),
        revisions=tuple(_section(site, at, change_set) for change_set in history.revisions),
        notes=history.notes,
        available=history.available,
        revision_limit=history.revision_limit,
        feed=history.feed,
    )


def _section(site: SiteIndex, at: PurePosixPath, change_set: ChangeSet) -> ChangeSection:
    edition = change_set.edition
    if edition is not None:
        context = edition.beschluss
        if edition.drucksache:
            context += f" (Drucksache {edition.drucksache})"
    else:
        context = None
    heading = section_heading(change_set)
    return ChangeSection(
        anchor=change_set.key,
        heading=heading,
        date=change_set.date,
        context=context,
        note=None if heading == (change_set.note or "").rstrip(".") else change_set.note,
        measures=tuple(_line(site, at, changes) for changes in change_set.measures),
        other=change_set.other,
    )


def _line(site: SiteIndex, at: PurePosixPath, changes: MeasureChanges) -> ChangeLine:
    measure = site.measures.get(changes.id)
    link = site.measure_link(at, measure) if measure is not None else None
    example = measure is not None and measure.beispielmassnahme
    return ChangeLine(changes.id, changes.title, changes.kind, changes.changes, link, example)


def measure_history(site: SiteIndex, history: History, measure_id: str) -> MeasureHistory:
    """A measure's changes, editions first, then commits, each newest first."""
    at = urls.measure_page(measure_id)
    changes_link = site.link(at, urls.CHANGES, "Änderungen")
    entries = tuple(
        MeasureHistoryEntry(
            label=(
                f"Fassung {change_set.edition.id}"
                if change_set.edition is not None
                else "Änderung der Daten"
            ),
            date=change_set.date,
            kind=changes.kind,
            changes=changes.changes,
            link=changes_link,
            anchor=change_set.key,
        )
        for change_set, changes in history.for_measure(measure_id)
    )
    note = None
    if not history.available:
        note = "Der Verlauf ist in dieser Ausgabe nicht verfügbar; er stammt aus Git."
    elif history.notes:
        note = "Der Verlauf ist in dieser Ausgabe unvollständig."
    return MeasureHistory(entries, note, changes_link)

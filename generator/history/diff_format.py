"""Formatting a `StrategyDiff`: plain German text for the terminal, Markdown for a comment.

In: the diff and the names of the two compared states („HEAD“, „Arbeitsverzeichnis“). Out:
text ending in a newline. The Markdown starts with a hidden marker, so that the pull-request
workflow finds its own comment and updates it instead of adding another one. Every value from
the data is escaped for Markdown, and mentions (`@team`) and issue references (`#123`) are
broken, so that data in a pull request notifies nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.escape import markdown_text
from generator.history.diff import (
    Change,
    CollectionDiff,
    EntityChanges,
    ItemsChange,
    StrategyDiff,
    TextChange,
    ValueChange,
    quoted,
)
from generator.history.translation_diff import LanguageDiff, translation_lines

#: First line of the Markdown output; the workflow looks for it among the comments.
MARKDOWN_MARKER = "<!-- strategie-diff -->"


def describe_change(change: Change) -> str:
    """One change in plain German: „Status geplant → in Umsetzung“."""
    if isinstance(change, ValueChange):
        if change.old is None:
            return f"{change.label} neu: {change.new}"
        if change.new is None:
            return f"{change.label} entfernt (bisher {change.old})"
        return f"{change.label} {change.old} → {change.new}"
    if isinstance(change, ItemsChange):
        parts = []
        if change.added:
            parts.append(f"{change.label} hinzugefügt: {', '.join(change.added)}")
        if change.removed:
            parts.append(f"{change.label} entfernt: {', '.join(change.removed)}")
        return "; ".join(parts)
    assert isinstance(change, TextChange)
    return f"{change.label} {change.what}"


def _field_changes(entity: EntityChanges) -> list[Change]:
    """The changes to list under an entity; a rename is listed on its own line already."""
    title_field = "name" if any(c.field == "name" for c in entity.changes) else "titel"
    renamed = entity.old_title is not None
    return [c for c in entity.changes if not (renamed and c.field == title_field)]


def _counts(collection: CollectionDiff) -> str:
    renamed = sum(1 for entity in collection.changed if entity.old_title is not None)
    changed = sum(1 for entity in collection.changed if _field_changes(entity))
    counts = [
        (len(collection.added), "neu"),
        (len(collection.removed), "entfernt"),
        (renamed, "umbenannt"),
        (changed, "geändert"),
    ]
    return ", ".join(f"{number} {word}" for number, word in counts if number)


def _summary(diff: StrategyDiff) -> list[str]:
    parts = [diff.measures, diff.themes, diff.fields_of_action]
    return [f"{part.name}: {_counts(part)}" for part in parts if not part.empty]


def _registry_line(registry: CollectionDiff, escape: Callable[[str], str]) -> str:
    parts = []
    if registry.added:
        parts.append("neu: " + ", ".join(escape(quoted(e.title)) for e in registry.added))
    if registry.removed:
        parts.append("entfernt: " + ", ".join(escape(quoted(e.title)) for e in registry.removed))
    if registry.changed:
        changed = [
            f"{escape(quoted(e.title))} ({escape(', '.join(_labels(e)))})" for e in registry.changed
        ]
        parts.append("geändert: " + ", ".join(changed))
    return f"{registry.name}: {'; '.join(parts)}"


def _labels(entity: EntityChanges) -> list[str]:
    return list(dict.fromkeys(change.label for change in entity.changes))


def _plain(text: str) -> str:
    return text


def format_text(
    diff: StrategyDiff,
    old_name: str,
    new_name: str,
    translations: tuple[LanguageDiff, ...] = (),
) -> str:
    """The diff for the terminal: one line per change, each naming its entity; then the
    changed translations per language."""
    lines = [f"Änderungen an der Strategie: {old_name} → {new_name}"]
    if diff.empty and not translations:
        return "\n".join([*lines, "Keine inhaltlichen Änderungen."]) + "\n"
    for part in (diff.measures, diff.themes, diff.fields_of_action):
        if part.empty:
            continue
        lines += ["", f"{part.name}: {_counts(part)}"]
        lines += [f"  neu: {e.id} {quoted(e.title)}" for e in part.added]
        lines += [f"  entfernt: {e.id} {quoted(e.title)}" for e in part.removed]
        for entity in part.changed:
            if entity.old_title is not None:
                renamed = f"{quoted(entity.old_title)} → {quoted(entity.title)}"
                lines.append(f"  umbenannt: {entity.id} {renamed}")
        for entity in part.changed:
            lines += [f"  {entity.id}: {describe_change(c)}" for c in _field_changes(entity)]
    registries = [r for r in diff.registries if not r.empty]
    if registries:
        lines += ["", "Verzeichnisse"]
        lines += [f"  {_registry_line(registry, _plain)}" for registry in registries]
    if diff.document:
        lines += ["", "Strategie (strategie.yml)"]
        lines += [f"  {describe_change(change)}" for change in diff.document]
    for heading, *texts in translation_lines(translations):
        lines += ["", heading, *(f"  {text}" for text in texts)]
    return "\n".join(lines) + "\n"


def format_markdown(
    diff: StrategyDiff,
    old_name: str,
    new_name: str,
    translations: tuple[LanguageDiff, ...] = (),
) -> str:
    """The diff as a pull-request comment: a heading, a summary, one list per kind, then the
    changed translations per language."""

    def code(name: str) -> str:
        return f"`{name.replace('`', '')}`"

    lines = [
        MARKDOWN_MARKER,
        "### Inhaltliche Änderungen an der Strategie",
        "",
        f"Vergleich von {code(old_name)} mit {code(new_name)}.",
    ]
    if diff.empty and not translations:
        lines += ["", "Keine inhaltlichen Änderungen an den Daten in `strategy/`."]
        return "\n".join(lines) + "\n"
    lines += ["", *(f"- {line}" for line in _summary(diff))]
    for part in (diff.measures, diff.themes, diff.fields_of_action):
        if part.empty:
            continue
        lines += ["", f"#### {part.name}", ""]
        lines += [f"- Neu: {_entity(e.id, e.title)}" for e in part.added]
        lines += [f"- Entfernt: {_entity(e.id, e.title)}" for e in part.removed]
        for entity in part.changed:
            if entity.old_title is not None:
                old = markdown_text(quoted(entity.old_title))
                lines.append(f"- Umbenannt: **{markdown_text(entity.id)}** {old} → ")
                lines[-1] += markdown_text(quoted(entity.title))
        for entity in part.changed:
            changes = _field_changes(entity)
            if changes:
                lines.append(f"- {_entity(entity.id, entity.title)}")
                lines += [f"  - {markdown_text(describe_change(c))}" for c in changes]
    registries = [r for r in diff.registries if not r.empty]
    if registries:
        lines += ["", "#### Verzeichnisse", ""]
        lines += [f"- {_registry_line(registry, markdown_text)}" for registry in registries]
    if diff.document:
        lines += ["", "#### Strategie (`strategie.yml`)", ""]
        lines += [f"- {markdown_text(describe_change(change))}" for change in diff.document]
    for heading, *texts in translation_lines(translations):
        lines += ["", f"#### {markdown_text(heading)}", ""]
        lines += [f"- {markdown_text(text)}" for text in texts]
    lines += [
        "",
        "<sub>Erzeugt mit `strategie diff`. Den genauen Wortlaut zeigt der Dateivergleich "
        "des Pull Requests.</sub>",
    ]
    return "\n".join([lines[0], *(without_references(line) for line in lines[1:])]) + "\n"


#: What GitHub turns into a notification or a link in a comment: `@user`, `@org/team`, and
#: `#123` (not the `&#58;` of an escaped character).
_REFERENCE = re.compile(r"@(?=[\w-])|(?<!&)#(?=\w)")


def without_references(text: str) -> str:
    """Break every mention and issue reference with a zero-width space after `@` or `#`, as
    Dependabot and Renovate do: data from a pull request must not notify anyone."""
    return _REFERENCE.sub(lambda match: match.group() + "\u200b", text)


def _entity(identifier: str, title: str) -> str:
    return f"**{markdown_text(identifier)}** {markdown_text(quoted(title))}"

"""Placeholders that `strategie neu` writes into new files („Kurzbeschreibung folgt.“, „…“).

In: one loaded file. Out: a warning for every value that is still a placeholder, at its line,
naming the field. A warning lets the new entry be checked and previewed at once; under
`strategie check --strict` (pull requests, publishing) it fails until the text is written.
The scaffold (editing/scaffold.py) takes its placeholder texts from here.
"""

from __future__ import annotations

from typing import Any

from generator.check.shape import field_label
from generator.check.tree import LoadedFile
from generator.problems import Problem, problem, quote

PLACEHOLDER_SUMMARY = "Kurzbeschreibung folgt."
PLACEHOLDER_DESCRIPTION = "Beschreibung folgt."
#: What the scaffold writes for a text still to be written (commented-out optional fields
#: included, in case an editor removes the „# “ and keeps the text).
PLACEHOLDER_TEXT = "…"
PLACEHOLDERS = frozenset(
    {PLACEHOLDER_SUMMARY, PLACEHOLDER_DESCRIPTION, PLACEHOLDER_TEXT, "https://…"}
)


def find_placeholders(loaded: LoadedFile) -> list[Problem]:
    """A `placeholder` warning for each text value that is one of the scaffold's placeholders."""
    found: list[Problem] = []
    _walk(loaded, loaded.data, (), found)
    return found


def _walk(
    loaded: LoadedFile, value: Any, path: tuple[str | int, ...], found: list[Problem]
) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _walk(loaded, item, (*path, key), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(loaded, item, (*path, index), found)
    elif isinstance(value, str) and value.strip() in PLACEHOLDERS:
        at = loaded.positions.get(path)
        line, column = (at.line, at.column) if at else (1, 1)
        found.append(
            problem(
                "placeholder",
                loaded.path,
                line,
                column,
                field=field_label(path),
                value=quote(value.strip()),
            )
        )

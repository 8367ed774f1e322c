"""Collecting the problems of the cross-checks (crosscheck.py).

References to an entry whose file could not be read (or failed its shape check) are not
reported where they stand — that would send the editor to the wrong files first, with a wrong
„Meinten Sie …?“ — but once, at that file, as a consequence of its error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from generator.check.tree import LoadedFile
from generator.problems import Problem, problem, quote, suggest

_KNOWN_LIMIT = 12  # how many known values a message lists before "…"
_PLACES_LIMIT = 3  # how many referring places a consequence note names


def at(loaded: LoadedFile, path: tuple[str | int, ...]) -> tuple[str, int, int]:
    """The file, line and column of a value (or of its nearest enclosing one)."""
    while path not in loaded.positions and path:
        path = path[:-1]
    position = loaded.positions.get(path)
    return loaded.path, (position.line if position else 1), (position.column if position else 1)


def known(values: Iterable[str]) -> str:
    """Known values for a message: sorted, the first few, then "…"."""
    listed = sorted(set(values))
    text = ", ".join(listed[:_KNOWN_LIMIT])
    return text + (", …" if len(listed) > _KNOWN_LIMIT else "")


class Checker:
    """The problems found so far; `unreadable` maps a kind of reference ("die Maßnahme") to
    the ids in files that could not be read, and to those files."""

    def __init__(self, unreadable: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self._found: list[Problem] = []
        self._unreadable = unreadable or {}
        #: (file that could not be read, id) → the places that refer to it
        self._consequences: dict[tuple[str, str], list[tuple[str, int, int]]] = {}

    @property
    def problems(self) -> list[Problem]:
        """The problems found, with one consequence note per entry that could not be read."""
        notes = [
            problem(
                "consequence_unchecked",
                file,
                1,
                1,
                id=quote(identifier),
                places=_places(places),
            )
            for (file, identifier), places in sorted(self._consequences.items())
        ]
        return self._found + notes

    def add(self, code: str, where: tuple[str, int, int], **params: object) -> None:
        file, line, column = where
        self._found.append(problem(code, file, line, column, **params))

    def unique(self, entries: Sequence[tuple[str, tuple[str, int, int]]]) -> None:
        """Report every id that occurs twice, at the second place, naming the first."""
        first: dict[str, tuple[str, int, int]] = {}
        for identifier, where in entries:
            if identifier in first:
                other = first[identifier]
                self.add(
                    "duplicate_id", where, id=quote(identifier), other=f"{other[0]}:{other[1]}"
                )
            else:
                first[identifier] = where

    def reference(
        self,
        value: str | int,
        known_values: Sequence[str],
        where: tuple[str, int, int],
        field: str,
        kind: str,
    ) -> None:
        """Report a reference to an unknown id — unless the id's file could not be read."""
        text = str(value)
        if text in known_values:
            return
        unreadable = self._unreadable.get(kind, {}).get(text)
        if unreadable is not None:
            self._consequences.setdefault((unreadable, text), []).append(where)
            return
        self.add(
            "unknown_reference",
            where,
            field=field,
            kind=kind,
            value=quote(text),
            suggestion=suggest(text, known_values),
            known=known(known_values),
        )

    def no_repeats(self, values: Sequence[Any], loaded: LoadedFile, key: str) -> None:
        seen: set[Any] = set()
        for index, value in enumerate(values):
            if value in seen:
                self.add("duplicate_entry", at(loaded, (key, index)), field=key, value=quote(value))
            seen.add(value)


def _places(places: list[tuple[str, int, int]]) -> str:
    """The first few referring places as file:line, then how many more."""
    shown = [f"{file}:{line}" for file, line, _ in sorted(places)[:_PLACES_LIMIT]]
    rest = len(places) - len(shown)
    if rest > 0:
        shown.append(f"{rest} weitere")
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " und " + shown[-1]

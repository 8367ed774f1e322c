"""Edit values in a YAML file's text and keep everything else as it was.

In: the text of one data file and a list of `Edit`s (a key path and its new value). Out: the
new text. Uses ruamel.yaml's round trip, which keeps comments, key order, quoting and block
styles; a value keeps the style of the one it replaces (a folded `>-` text stays folded and is
wrapped again, a quoted date stays quoted). Lines that hold no edited value come out
byte-identical: a file whose unedited round trip would change anything is refused
(`UneditableYaml`) rather than silently reformatted.

Text that YAML 1.1 tools would read as something else (`no`, `01067`) is double-quoted, as
the strict loader demands.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from generator.check.load import resolve_plain

#: Folded text is wrapped to lines of at most this many characters (indentation included),
#: like the files in strategy/.
FOLD_WIDTH = 88

#: A new mapping value (for replacing a whole section such as `bewertung`).
Value = str | int | float | bool | date | Mapping[str, Any] | None


@dataclass(frozen=True)
class Edit:
    """Set the value at `path` (keys from the top of the file); None deletes the key."""

    path: tuple[str, ...]
    value: Value


class UneditableYaml(Exception):
    """The file cannot be edited without changing lines that were not meant to change."""


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    # Never re-wrap long lines; the strategy files indent sequences under their key by two.
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def apply_edits(
    text: str, edits: Sequence[Edit], key_order: Mapping[tuple[str, ...], Sequence[str]]
) -> str:
    """The text with every edit applied. `key_order` gives, per mapping path, the order in
    which keys are expected, so that a new key is inserted after its predecessor."""
    yaml = _yaml()
    data = yaml.load(text)
    if _dump(yaml, data) != text:
        raise UneditableYaml("the file's formatting does not survive a round trip")
    for edit in edits:
        parent = data
        for key in edit.path[:-1]:
            parent = parent[key]
        _set(parent, edit.path, edit.value, key_order.get(edit.path[:-1], ()))
    return _dump(yaml, data)


def _dump(yaml: YAML, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _set(parent: CommentedMap, path: tuple[str, ...], value: Value, order: Sequence[str]) -> None:
    key = path[-1]
    if value is None:
        if key in parent:
            del parent[key]
        return
    if key in parent:
        parent[key] = _styled(parent[key], value, len(path))
        return
    parent.insert(_insert_position(parent, key, order), key, _styled(None, value, len(path)))


def _insert_position(parent: CommentedMap, key: str, order: Sequence[str]) -> int:
    """After the last present key that comes before `key` in the expected order."""
    present = list(parent)
    if key not in order:
        return len(present)
    earlier = order[: order.index(key)]
    return max((present.index(name) + 1 for name in earlier if name in present), default=0)


def _styled(old: object, new: Value, depth: int) -> Any:
    """The new value in the style of the value it replaces."""
    if isinstance(new, Mapping):
        mapping = CommentedMap()
        for key, item in new.items():
            mapping[key] = _styled(None, item, depth + 1)
        return mapping
    if isinstance(new, date):
        # A date written in quotes stays in quotes; otherwise it is a plain ISO date.
        if isinstance(old, DoubleQuotedScalarString | SingleQuotedScalarString):
            return type(old)(new.isoformat())
        return new
    if not isinstance(new, str):
        return new
    if isinstance(old, FoldedScalarString):
        folded = FoldedScalarString(new)
        folded.fold_pos = fold_positions(new, FOLD_WIDTH - 2 * depth)
        return folded
    if isinstance(old, LiteralScalarString | DoubleQuotedScalarString | SingleQuotedScalarString):
        return type(old)(new)
    if resolve_plain(new) != new:
        return DoubleQuotedScalarString(new)
    return new


_WORD = re.compile(r"\S+")


def fold_positions(text: str, width: int) -> list[int]:
    """Indexes of the spaces at which folded text breaks into lines of at most `width`."""
    positions: list[int] = []
    length = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if length and length + 1 + len(word) > width:
            positions.append(match.start() - 1)
            length = len(word)
        else:
            length += (1 if length else 0) + len(word)
    return positions

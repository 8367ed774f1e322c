"""Examples for editors' messages, drawn from the strategy being checked (pure).

In: the loaded files of one strategy, before their shape is checked. Out: `Examples` — an
existing measure id, a theme's id and abbreviation, and a rating block with the configured
criteria and a value from the configured scale — so that a message's example can be copied
into this strategy as it is. Where the data gives nothing usable, neutral placeholders stand in
(never another city's values).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from generator import model
from generator.check.tree import LoadedFile

_MEASURE_ID = re.compile(model.MEASURE_ID_PATTERN)
_SLUG = re.compile(model.SLUG_PATTERN)
_ABBREVIATION = re.compile(model.ABBREVIATION_PATTERN)


@dataclass(frozen=True)
class Examples:
    measure_id: str = "ABC-01"
    theme_id: str = "mein-leitthema"
    abbreviation: str = "ABC"
    #: The criteria ids and one value inside the scale, for a rating example.
    criteria: tuple[str, ...] = ("kriterium",)
    value: int = 2

    def rating(self) -> str:
        """A rating block as YAML that fits this strategy's criteria and scale."""
        lines = ["bewertung:", "  quelle: beispiel", "  stand: 2024-01-15", "  werte:"]
        return "\n".join(lines + [f"    {c}: {self.value}" for c in self.criteria])


NEUTRAL = Examples()


def examples_from(files: Sequence[LoadedFile], display_root: str) -> Examples:
    """Examples from the raw data of `files` (strategie.yml, themes, measures)."""
    found: dict[str, Any] = {}
    for loaded in files:
        parts = PurePosixPath(loaded.path).relative_to(display_root).parts
        data = loaded.data if isinstance(loaded.data, dict) else {}
        if parts == ("strategie.yml",):
            found.update(_rating(data.get("bewertung")))
        elif len(parts) == 2 and parts[0] == "leitthemen" and "theme_id" not in found:
            theme, abbreviation = data.get("id"), data.get("kuerzel")
            if isinstance(theme, str) and _SLUG.fullmatch(theme):
                found["theme_id"] = theme
            if isinstance(abbreviation, str) and _ABBREVIATION.fullmatch(abbreviation):
                found["abbreviation"] = abbreviation
        elif len(parts) == 3 and parts[0] == "massnahmen" and "measure_id" not in found:
            identifier = data.get("id")
            if isinstance(identifier, str) and _MEASURE_ID.fullmatch(identifier):
                found["measure_id"] = identifier
    return Examples(**found)


def _rating(scheme: object) -> dict[str, Any]:
    if not isinstance(scheme, dict):
        return {}
    low, high = scheme.get("minimum"), scheme.get("maximum")
    criteria = scheme.get("kriterien")
    found: dict[str, Any] = {}
    if isinstance(low, int) and isinstance(high, int) and low <= high:
        found["value"] = (low + high) // 2
    if isinstance(criteria, list):
        ids = tuple(
            c["id"] for c in criteria if isinstance(c, dict) and isinstance(c.get("id"), str)
        )
        if ids:
            found["criteria"] = ids
    return found

"""Columns of the measures table for the translated texts: one per language and field.

Only when strategie.yml sets `sprachen`: a German-only strategy's table is as before. The
column `titel (en)` holds the English title from strategy/uebersetzungen/en/…, empty where
there is none (the page then shows German); `strategie import xlsx` writes an edited cell
back into the translation file (editing/translation_import.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.model import Measure, Strategy

#: The measure texts the table offers for translation (the table's German text columns).
TRANSLATED_FIELDS = ("titel", "kurzbeschreibung")
_KEY = re.compile(r"^(?P<field>[a-z_]+) \((?P<language>[a-z]{2})\)$")


def translation_key(field: str, language: str) -> str:
    """The column key of a field's translation: „titel (en)“."""
    return f"{field} ({language})"


def split_translation_key(key: str) -> tuple[str, str] | None:
    """(field, language) of a translation column's key, None for any other column."""
    match = _KEY.match(key)
    return (match["field"], match["language"]) if match else None


def translated_value(
    strategy: Strategy, field: str, language: str
) -> Callable[[Measure], str | None]:
    """The cell value of a translation column for one measure (None: not translated)."""
    translations = strategy.uebersetzungen.get(language)

    def value(measure: Measure) -> str | None:
        found = translations.massnahmen.get(measure.id) if translations is not None else None
        text = getattr(found, field, None) if found is not None else None
        return text if isinstance(text, str) else None

    return value


def translation_meanings(language: str) -> dict[str, str]:
    """What each translation column holds, in German, by field."""
    return {
        "titel": f"Titel der Maßnahme in der Sprache „{language}“; leer: noch nicht übersetzt "
        "(die Seite zeigt dann den deutschen Titel).",
        "kurzbeschreibung": f"Kurzbeschreibung in der Sprache „{language}“; leer: noch nicht "
        "übersetzt.",
    }

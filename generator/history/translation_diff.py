"""What changed in the translations between two strategies, per language (`strategie diff`).

In: two checked strategies. Out: per language the texts newly translated, reworded and
removed, each named by its entity (Maßnahme VER-03, Leitthema wirtschaft, strategie.yml, …)
and field. German changes are diff.py's; this only says which language changed where.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator import model
from generator import translation_model as tm
from generator.translation_walk import entry_key


@dataclass(frozen=True)
class LanguageDiff:
    """The changed translations of one language: (entity, field) pairs."""

    language: str
    added: tuple[tuple[str, str], ...] = ()
    changed: tuple[tuple[str, str], ...] = ()
    removed: tuple[tuple[str, str], ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def _flatten(record: BaseModel | None) -> dict[str, str]:
    """Every text of a translation by its dotted path (entries by their key)."""
    found: dict[str, str] = {}

    def walk(value: Any, inner: type[BaseModel] | None, path: str) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                if name not in tm.IDENTITY_KEYS:
                    walk(getattr(value, name), None, f"{path}.{name}" if path else name)
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                key = entry_key(type(entry)) if isinstance(entry, BaseModel) else None
                label = str(getattr(entry, key)) if key else str(index + 1)
                walk(entry, None, f"{path}.{label}")
        elif isinstance(value, str):
            found[path] = value

    if record is not None:
        walk(record, None, "")
    return found


def _entities(found: tm.TranslationSet) -> dict[str, BaseModel | None]:
    entities: dict[str, BaseModel | None] = {"strategie.yml": found.strategie}
    entities |= {f"Leitthema {key}": value for key, value in found.leitthemen.items()}
    entities |= {f"Maßnahme {key}": value for key, value in found.massnahmen.items()}
    entities |= {"Akteure": found.akteure, "SDGs": found.sdgs, "Charta-Leitlinien": found.charta}
    return entities


def diff_translations(old: model.Strategy, new: model.Strategy) -> tuple[LanguageDiff, ...]:
    """Per language (sorted) what changed; languages without changes are left out."""
    result = []
    for language in sorted(set(old.uebersetzungen) | set(new.uebersetzungen)):
        before = _entities(old.uebersetzungen.get(language, tm.TranslationSet()))
        after = _entities(new.uebersetzungen.get(language, tm.TranslationSet()))
        added, changed, removed = [], [], []
        for entity in sorted(set(before) | set(after)):
            old_texts = _flatten(before.get(entity))
            new_texts = _flatten(after.get(entity))
            for path in sorted(set(old_texts) | set(new_texts)):
                if path not in old_texts:
                    added.append((entity, path))
                elif path not in new_texts:
                    removed.append((entity, path))
                elif old_texts[path] != new_texts[path]:
                    changed.append((entity, path))
        diff = LanguageDiff(language, tuple(added), tuple(changed), tuple(removed))
        if not diff.empty:
            result.append(diff)
    return tuple(result)


def translation_lines(diffs: tuple[LanguageDiff, ...]) -> list[list[str]]:
    """Per language a heading and one line per changed text, in German."""
    blocks = []
    for diff in diffs:
        lines = [f"Übersetzung „{diff.language}“"]
        lines += [f"{entity}: {path} neu übersetzt" for entity, path in diff.added]
        lines += [f"{entity}: {path} geändert" for entity, path in diff.changed]
        lines += [
            f"{entity}: {path} nicht mehr übersetzt (erscheint auf Deutsch)"
            for entity, path in diff.removed
        ]
        blocks.append(lines)
    return blocks

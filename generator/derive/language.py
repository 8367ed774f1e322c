"""The strategy in another language: German texts replaced by their translations (pure).

In: the checked `Strategy` (with `uebersetzungen`) and a language code. Out: a
`LocalizedStrategy` — the same Strategy with every translated text put in and German left
where a translation is missing — and the set of texts that stayed German, so that a page can
mark them („German only“). Ids, dates, numbers, names and positions stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from generator import model
from generator import translation_model as tm
from generator.translation_walk import Path, Walk, overlay

RecordT = TypeVar("RecordT", bound=model.Record)


@dataclass(frozen=True)
class LocalizedStrategy:
    """A strategy in one language, and which of its texts are still German.

    Paths in `german_only` start with the file kind and the entity's id: ("strategie",
    "visionen", "lebenswerter-raum", "titel"), ("leitthema", "wirtschaft", "handlungsfelder",
    "gruendung", "titel"), ("massnahme", "VER-03", "meilensteine", 0, "titel"),
    ("akteure", "akteure", "stadt", "beschreibung"), ("sdgs", "sdgs", 3, "titel")."""

    language: str
    strategy: model.Strategy
    german_only: frozenset[Path]

    def is_german(self, *path: str | int) -> bool:
        """Whether the text at this path is shown in German (no translation)."""
        return tuple(path) in self.german_only


def strategy_in(strategy: model.Strategy, language: str) -> LocalizedStrategy:
    """The strategy with the texts of `language`; German where a translation is missing."""
    found = strategy.uebersetzungen.get(language, tm.TranslationSet())
    german_only: set[Path] = set()

    def lay(
        kind: tuple[str | int, ...],
        model_class: type[BaseModel],
        entity: RecordT,
        translation: BaseModel | None,
    ) -> RecordT:
        walk = Walk()
        given = translation.model_dump(exclude_none=True) if translation is not None else None
        merged = overlay(model_class, entity.model_dump(), given, walk)
        german_only.update((*kind, *path) for path in walk.missing)
        if not walk.translated:
            return entity
        return _rebuilt(entity, merged)

    document = lay(("strategie",), tm.StrategyTranslation, strategy.strategie, found.strategie)
    themes = [
        lay(("leitthema", theme.id), tm.ThemeTranslation, theme, found.leitthemen.get(theme.id))
        for theme in strategy.leitthemen
    ]
    measures = [
        lay(("massnahme", measure.id), tm.MeasureTranslation, measure,
            found.massnahmen.get(measure.id))
        for measure in strategy.massnahmen
    ]  # fmt: skip
    update: dict[str, Any] = {"strategie": document, "leitthemen": themes, "massnahmen": measures}
    for kind, key, registry_class, registry_translation in (
        ("akteure", "akteure", model.ActorRegistry, found.akteure),
        ("sdgs", "sdgs", model.GoalRegistry, found.sdgs),
        ("charta", "leitlinien", model.CharterRegistry, found.charta),
    ):
        entries = getattr(strategy, key)
        if not entries:
            continue
        registry = registry_class.model_construct(**{key: entries})
        translation_class = tm.REGISTRY_TRANSLATIONS[f"{kind}.yml"]
        laid = lay((kind,), translation_class, registry, registry_translation)
        update[key] = getattr(laid, key)
    return LocalizedStrategy(language, strategy.model_copy(update=update), frozenset(german_only))


def _rebuilt(entity: RecordT, merged: dict[str, Any]) -> RecordT:
    """The entity validated anew from the merged data, with the positions of the original."""
    rebuilt = type(entity).model_validate(merged)
    _copy_positions(entity, rebuilt)
    return rebuilt


def _copy_positions(original: Any, rebuilt: Any) -> None:
    if isinstance(original, model.Record) and isinstance(rebuilt, model.Record):
        rebuilt._position = original._position
        for name in type(original).model_fields:
            _copy_positions(getattr(original, name), getattr(rebuilt, name))
    elif isinstance(original, list) and isinstance(rebuilt, list):
        for before, after in zip(original, rebuilt, strict=True):
            _copy_positions(before, after)

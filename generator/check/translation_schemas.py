"""JSON Schemas of the translation files (strategy/schemas/uebersetzung-*.schema.json).

In: the translation models. Out: `{file name: JSON text}`. Each text field carries the German
field's description from the field reference (field_texts.py), marked as a translation; the
keys that match an entry with its German entry say so. They depend on the models only, not on
the data, so `strategie check` reports them stale only when the models changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import model
from generator import translation_model as tm
from generator.check.field_texts import DESCRIPTIONS
from generator.check.translations import KINDS
from generator.problems import Problem, problem

#: Translation model → the German model whose field texts describe it.
GERMAN: dict[type[BaseModel], type[model.Record]] = {
    tm.StrategyTranslation: model.StrategyDocument,
    tm.VisionText: model.Vision,
    tm.PrincipleText: model.Principle,
    tm.EditionText: model.Edition,
    tm.StatusText: model.Status,
    tm.LevelText: model.ScaleLevel,
    tm.CriterionText: model.Criterion,
    tm.RatingText: model.RatingScheme,
    tm.ThemeTranslation: model.Theme,
    tm.FieldOfActionText: model.FieldOfAction,
    tm.GoalText: model.OperativeGoal,
    tm.MeasureTranslation: model.Measure,
    tm.TitleText: model.Milestone,
    tm.IndicatorText: model.Indicator,
    tm.ActorsTranslation: model.ActorRegistry,
    tm.ActorText: model.Actor,
    tm.SdgsTranslation: model.GoalRegistry,
    tm.SdgText: model.Goal,
    tm.CharterTranslation: model.CharterRegistry,
    tm.GuidelineText: model.CharterGuideline,
}

_WHERE = {
    "strategie": "strategy/uebersetzungen/<sprache>/strategie.yml",
    "leitthema": "strategy/uebersetzungen/<sprache>/leitthemen/<kennung>.yml",
    "massnahme": "strategy/uebersetzungen/<sprache>/massnahmen/<leitthema>/<kennung>.yml",
    "akteure": "strategy/uebersetzungen/<sprache>/verzeichnisse/akteure.yml",
    "sdgs": "strategy/uebersetzungen/<sprache>/verzeichnisse/sdgs.yml",
    "charta": "strategy/uebersetzungen/<sprache>/verzeichnisse/charta.yml",
}
SPRACHEN_DESCRIPTION = (
    "Sprachen, in denen die Website außer Deutsch erscheint: „weitere“ (ISO-639-1-Codes wie "
    "„en“); „vollstaendig“ nennt die, deren Übersetzung vollständig sein soll (fehlende und "
    "möglicherweise veraltete Übersetzungen sind dann Warnungen, mit --strict Fehler). "
    "Übersetzungen liegen unter "
    "strategy/uebersetzungen/<sprache>/."
)
_KEY = "Kennung des deutschen Eintrags, zu dem diese Übersetzung gehört; wird nicht übersetzt."
_STAND = (
    "Das Datum „aktualisiert“ der deutschen Datei, nach dem übersetzt wurde. Ist die deutsche "
    "Datei neuer, meldet „strategie check“ die Übersetzung als möglicherweise veraltet."
)


def describe_field(record: type[BaseModel], name: str) -> str:
    if name == "stand" and record is tm.MeasureTranslation:
        return _STAND
    if name in tm.IDENTITY_KEYS:
        return _KEY
    german = DESCRIPTIONS.get(GERMAN[record], {}).get(name, "")
    return f"Übersetzung (ohne sie erscheint der deutsche Text). {german}".strip()


def _annotate(schema: dict[str, Any], root: type[BaseModel]) -> None:
    by_name = {record.__name__: record for record in GERMAN}
    for name, definition in schema.get("$defs", {}).items():
        record = by_name[name]
        for field, prop in definition.get("properties", {}).items():
            prop["description"] = describe_field(record, field)
    for field, prop in schema.get("properties", {}).items():
        prop["description"] = describe_field(root, field)


def render_translation_schemas() -> dict[str, str]:
    """Every translation file type's JSON Schema as deterministic, pretty-printed JSON text."""
    rendered = {}
    for kind, (model_class, name) in KINDS.items():
        schema = model_class.model_json_schema(mode="validation")
        _annotate(schema, model_class)
        schema["description"] = f"Übersetzung: {_WHERE[kind]}"
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True)
        rendered[f"{name}.schema.json"] = text + "\n"
    return rendered


def stale_translation_schemas(
    strategy: model.Strategy, schemas_dir: Path, display_root: str = "strategy"
) -> list[Problem]:
    """A note for each translation schema that is missing (when the strategy uses
    translations) or differs from the models; nothing without a schemas folder."""
    if not schemas_dir.is_dir() or schemas_dir.is_symlink():
        return []
    uses = strategy.sprachen is not None or bool(strategy.uebersetzungen)
    found = []
    for name, text in render_translation_schemas().items():
        path = schemas_dir / name
        try:
            current = path.read_text(encoding="utf-8") if path.is_file() else None
        except (OSError, UnicodeDecodeError):
            current = ""
        if (current is not None or uses) and current != text:
            found.append(problem("schemas_stale", f"{display_root}/schemas/{name}", 1, 1))
    return found

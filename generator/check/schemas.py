"""JSON Schemas of the data files, generated from the models and the project's data.

In: the model classes and the validated `Strategy`. Out: `{file name: JSON text}` for
strategy/schemas/. Editors' tools (yaml-language-server via the comment on each file's first
line) use them for completion, descriptions and inline errors; the ids an entry may refer to
(status, actors, districts, …) are listed as enums (schema_help.py). Since those come from the
data, `stale_schemas` tells `strategie check` when the committed schemas no longer match.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import model
from generator.check.schema_help import DataHelp, annotate
from generator.check.translation_schemas import SPRACHEN_DESCRIPTION, stale_translation_schemas
from generator.problems import Problem, problem
from generator.translation_model import LanguageSetting

#: schema name (as in the files' first-line comment) → model of that file type.
FILE_MODELS: dict[str, type[BaseModel]] = {
    "strategie": model.StrategyDocument,
    "leitthema": model.Theme,
    "massnahme": model.Measure,
    "akteure": model.ActorRegistry,
    "stadtteile": model.DistrictRegistry,
    "sdgs": model.GoalRegistry,
    "charta": model.CharterRegistry,
}


def render_schemas(strategy: model.Strategy) -> dict[str, str]:
    """Every file type's JSON Schema as deterministic, pretty-printed JSON text."""
    rendered = {}
    data = DataHelp(strategy)
    for name, model_class in FILE_MODELS.items():
        assert issubclass(model_class, model.Record)
        schema = model_class.model_json_schema(mode="validation")
        annotate(schema, model_class, data)
        if name == "strategie" and strategy.sprachen is not None:
            _add_language_setting(schema)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True)
        rendered[f"{name}.schema.json"] = text + "\n"
    return rendered


def _add_language_setting(schema: dict[str, Any]) -> None:
    """`sprachen`, checked apart from the model (check/translations.py), in the schema of
    strategie.yml: only where it is set, so that a German-only site's files stay as they were."""
    setting = LanguageSetting.model_json_schema(mode="validation")
    languages = setting["$defs"]["Languages"]
    languages["description"] = SPRACHEN_DESCRIPTION
    schema.setdefault("$defs", {})["Languages"] = languages
    schema["properties"]["sprachen"] = {
        "$ref": "#/$defs/Languages",
        "description": SPRACHEN_DESCRIPTION,
    }


def stale_schemas(
    strategy: model.Strategy, schemas_dir: Path, display_root: str = "strategy"
) -> list[Problem]:
    """A warning for each schema in `schemas_dir` that differs from what the data and the
    models give; nothing when the project keeps no schemas folder."""
    if not schemas_dir.is_dir() or schemas_dir.is_symlink():
        return []
    found = []
    for name, text in render_schemas(strategy).items():
        path = schemas_dir / name
        try:
            current = path.read_text(encoding="utf-8") if path.is_file() else None
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            found.append(problem("schemas_stale", f"{display_root}/schemas/{name}", 1, 1))
    return found + stale_translation_schemas(strategy, schemas_dir, display_root)

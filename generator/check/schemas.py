"""JSON Schemas of the data files, generated from the models.

In: the model classes. Out: `{file name: JSON text}` for strategy/schemas/. Editors' tools
(yaml-language-server via the comment on each file's first line) use them for completion and
inline errors; a test fails when the committed schemas no longer match the models.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from generator import model

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


def render_schemas() -> dict[str, str]:
    """Every file type's JSON Schema as deterministic, pretty-printed JSON text."""
    rendered = {}
    for name, model_class in FILE_MODELS.items():
        schema = model_class.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True)
        rendered[f"{name}.schema.json"] = text + "\n"
    return rendered

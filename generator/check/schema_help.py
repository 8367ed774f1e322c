"""Typing help in the JSON Schemas: the project's ids as enums, German descriptions, examples.

In: a JSON Schema as pydantic writes it for one file type, that type's model and the validated
`Strategy`. Out: the same schema, changed in place — every property carries its German
description from the field reference (field_texts.py) and an example taken from the project's
own data; every field that refers to a registry entry (status, actors, districts, SDGs, Charta
guidelines, Leitthemen, Handlungsfelder, measures, rating criteria) lists the ids that exist.
Editors' YAML support (VS Code, yaml-language-server) then flags `abgeschlosen` or
`referat-verkher` while typing. Because the ids come from the data, the schemas go stale when
the data changes; `stale_schemas` (schemas.py) says so in `strategie check`.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from generator import model
from generator.check.field_texts import DESCRIPTIONS, FILE_TYPES, SECTION_NAMES
from generator.check.fieldref import field_kind, sections

_EXAMPLE_TEXT_LIMIT = 160  # longer example texts are shortened at a word

#: (model, field) → which ids the field refers to (a key of `_ids`).
REFERENCES: dict[tuple[type[model.Record], str], str] = {
    (model.Measure, "status"): "status",
    (model.Measure, "verantwortlich"): "akteure",
    (model.Measure, "partner"): "akteure",
    (model.Measure, "leitthema"): "leitthemen",
    (model.Measure, "handlungsfeld"): "handlungsfelder",
    (model.Measure, "sdgs"): "sdgs",
    (model.Measure, "charta"): "charta",
    (model.Measure, "verwandte_massnahmen"): "massnahmen",
    (model.SpatialReference, "stadtteile"): "stadtteile",
    (model.PriorityMatrixSetting, "waagerecht"): "kriterien",
    (model.PriorityMatrixSetting, "senkrecht"): "kriterien",
}


def _ids(strategy: model.Strategy) -> dict[str, list[Any]]:
    document = strategy.strategie
    return {
        "status": [status.id for status in document.status],
        "akteure": sorted(actor.id for actor in strategy.akteure),
        "leitthemen": [theme.id for theme in strategy.leitthemen],
        "handlungsfelder": [f.id for theme in strategy.leitthemen for f in theme.handlungsfelder],
        "sdgs": sorted(goal.nummer for goal in strategy.sdgs),
        "charta": [guideline.id for guideline in strategy.leitlinien],
        "massnahmen": sorted(measure.id for measure in strategy.massnahmen),
        "stadtteile": sorted(district.id for district in strategy.stadtteile),
        "kriterien": [criterion.id for criterion in document.bewertung.kriterien],
    }


class DataHelp:
    """What the data gives every schema: the ids that exist and an example per field."""

    def __init__(self, strategy: model.Strategy) -> None:
        self.ids = _ids(strategy)
        self.examples = _examples(strategy)


def annotate(schema: dict[str, Any], root: type[model.Record], data: DataHelp) -> None:
    """Add descriptions, examples and id enums to one file type's schema (in place)."""
    ids, examples = data.ids, data.examples
    by_name = {record.__name__: record for record in sections(root)}
    title, where = next((t, w) for t, w, r in FILE_TYPES if r is root)
    schema["description"] = f"{title}: {where}"
    objects = [
        (definition, by_name[name])
        for name, definition in schema.get("$defs", {}).items()
        if name in by_name
    ]
    for definition, record in objects:
        definition["description"] = SECTION_NAMES[record]
    # Sections first (twice, for sections within sections), so that a property holding a
    # section can show an example made of the section's examples.
    for definition, record in [*objects, *objects, (schema, root)]:
        for name, prop in definition.get("properties", {}).items():
            prop["description"] = DESCRIPTIONS[record][name]
            reference = REFERENCES.get((record, name))
            if reference is not None:
                _restrict(prop, ids[reference])
            if record is model.Rating and name == "werte":
                prop.setdefault("propertyNames", {})["enum"] = ids["kriterien"]
            example = examples.get((record, name))
            if example is None and field_kind(record, name).kind == "Link":
                example = "mailto:post@example.org" if name == "email" else "https://example.org/"
            if example is None:
                example = _made_up(prop, schema)
            if example is not None:
                prop["examples"] = [example]


def _restrict(prop: dict[str, Any], values: list[Any]) -> None:
    """Allow only `values` in a property, its list items or its non-null alternative."""
    if "items" in prop:
        prop["items"]["enum"] = values
    elif "anyOf" in prop:
        for member in prop["anyOf"]:
            if member.get("type") != "null":
                member["enum"] = values
    else:
        prop["enum"] = values


def _examples(strategy: model.Strategy) -> dict[tuple[type[model.Record], str], Any]:
    """The first value of each field in the data (registries, strategie.yml, Leitthemen,
    measures), shortened; then a value made from the field's kind where the data has none."""
    found: dict[tuple[type[model.Record], str], Any] = {}
    records: deque[model.Record] = deque(
        [
            *strategy.massnahmen,
            strategy.strategie,
            *strategy.leitthemen,
            *strategy.akteure,
            *strategy.stadtteile,
            *strategy.sdgs,
            *strategy.leitlinien,
        ]
    )
    while records:
        record = records.popleft()
        dumped = record.model_dump(mode="json", by_alias=True)
        for name in type(record).model_fields:
            value = getattr(record, name)
            records.extend(_nested_records(value))
            key = (type(record), name)
            if key not in found and dumped.get(name) not in (None, [], {}, ""):
                found[key] = _shorten(dumped[name])
    return found


def _nested_records(value: Any) -> list[model.Record]:
    if isinstance(value, model.Record):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, model.Record)]
    return []


def _shorten(value: Any) -> Any:
    """An example small enough for a tooltip: one list entry, texts cut at a word."""
    if isinstance(value, list):
        return [_shorten(value[0])] if value else []
    if isinstance(value, dict):
        return {key: _shorten(item) for key, item in value.items()}
    if isinstance(value, str) and len(value) > _EXAMPLE_TEXT_LIMIT:
        cut = value[:_EXAMPLE_TEXT_LIMIT].rsplit(" ", 1)[0].rstrip(" ,;:")
        return cut + " …"
    return value


def _made_up(prop: dict[str, Any], schema: dict[str, Any]) -> Any:
    """An example for a property the data does not use, from its schema."""
    if "enum" in prop:
        # Empty when the registry is absent (charta.yml is optional): no example then.
        return prop["enum"][0] if prop["enum"] else None
    if "$ref" in prop:
        section = schema["$defs"][prop["$ref"].rsplit("/", 1)[-1]]
        made = {
            name: inner["examples"][0] if "examples" in inner else _made_up(inner, schema)
            for name, inner in section.get("properties", {}).items()
        }
        return {name: value for name, value in made.items() if value is not None} or None
    for key in ("anyOf", "oneOf"):
        for member in prop.get(key, []):
            if member.get("type") != "null":
                return _made_up(member, schema)
    kind = prop.get("type")
    if kind == "array":
        inner = _made_up(prop.get("items", {}), schema)
        return None if inner is None else [inner]
    if kind == "boolean":
        return False
    if kind == "integer":
        return prop.get("minimum", 1)
    if kind == "string":
        if prop.get("format") == "date":
            return "2020-06-25"
        return "…"
    return None

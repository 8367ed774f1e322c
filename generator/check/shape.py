"""Shape check of one loaded file: raw mapping → pydantic model, or German problems.

In: a `LoadedFile` and the model class its location calls for. Out: the model instance (or
None) and problems pointing at the exact YAML line. pydantic errors are translated by their
`type`, never by their English text; `loc` is mapped back onto the raw data to find the line.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator import model
from generator.check.examples import NEUTRAL, Examples
from generator.check.tree import LoadedFile, Position
from generator.escape import character_reference
from generator.problems import Problem, problem, quote, suggest

ModelT = TypeVar("ModelT", bound=BaseModel)

#: German names of the shapes pydantic expected, by error type.
_EXPECTED = {
    "string_type": "Text",
    "int_type": "eine ganze Zahl",
    "int_from_float": "eine ganze Zahl",
    "float_type": "eine Zahl",
    "bool_type": "true oder false",
    "list_type": "eine Liste (Zeilen, die mit „- “ beginnen)",
    "dict_type": "ein Abschnitt mit Schlüsseln",
    "model_type": "ein Abschnitt mit Schlüsseln",
    "model_attributes_type": "ein Abschnitt mit Schlüsseln",
    "none_required": "kein Wert",
}

#: What the id patterns look like, for editors.
_PATTERN_FORMS = {
    model.SLUG_PATTERN: (
        "„kleine Buchstaben, Ziffern und Bindestriche“, zum Beispiel „in-umsetzung“"
    ),
    r"^[0-9]{8}$": "„8 Ziffern“ (Amtlicher Gemeindeschlüssel, in Anführungszeichen)",
    r"^[0-9]{4}[a-z0-9-]*$": "„Jahreszahl, optional mit Zusatz“, zum Beispiel „2024“",
}

#: Small YAML examples for keys that are often forgotten.
_EXAMPLES = {
    "status": "status: in-umsetzung",
    "status_seit": "status_seit: 2024-01-15",
    "zeitraum": "zeitraum:\n  beginn: 2024\n  ende: 2026",
    "raumbezug": "raumbezug:\n  ebene: gesamtstadt",
    "bewertung": "bewertung:\n  quelle: nicht bewertet",
    "aktualisiert": "aktualisiert: 2026-11-01",
}


def _examples_for(examples: Examples) -> dict[str, str]:
    """The YAML examples of missing keys, those that name ids taken from the data."""
    return _EXAMPLES | {
        "id": f"id: {examples.measure_id}",
        "leitthema": f"leitthema: {examples.theme_id}",
    }


def _pattern_forms(examples: Examples) -> dict[str, str]:
    return _PATTERN_FORMS | {
        model.MEASURE_ID_PATTERN: f"„KÜRZEL-Nummer“, zum Beispiel „{examples.measure_id}“",
        model.ABBREVIATION_PATTERN: (
            f"„2 bis 5 Großbuchstaben“, zum Beispiel „{examples.abbreviation}“"
        ),
    }


_MARKUP_SNIPPET = re.compile(r"<[^>]{0,30}>?|javascript\s*:|\{\{|\{%|--8<--", re.IGNORECASE)


def validate_shape(
    loaded: LoadedFile, model_class: type[ModelT], entity: str, examples: Examples = NEUTRAL
) -> tuple[ModelT | None, list[Problem]]:
    """Validate one file's data against its model; every error becomes a located Problem,
    with examples (ids, rating) from the strategy being checked."""
    try:
        return model_class.model_validate(loaded.data), []
    except ValidationError as error:
        found = [
            _translate(loaded, model_class, entity, detail, examples) for detail in error.errors()
        ]
        return None, sorted(set(found))


@dataclass(frozen=True)
class _Located:
    path: tuple[str | int, ...]
    value: Any
    exists: bool
    key_error: bool  # the error concerns a mapping key, not its value


def _locate(data: Any, loc: tuple[str | int, ...]) -> _Located:
    """Follow pydantic's loc through the raw data, skipping union/tag segments it adds."""
    path: list[str | int] = []
    current = data
    exists = True
    key_error = False
    for index, segment in enumerate(loc):
        if segment == "[key]":
            key_error = True
            continue
        if _has(current, segment):
            path.append(segment)
            current = current[segment]
        elif isinstance(current, dict) and isinstance(segment, str) and _is_last_field(loc, index):
            path.append(segment)
            exists = False
            current = None
        # anything else is a segment pydantic adds (union member, discriminator tag): skip
    return _Located(tuple(path), current, exists, key_error)


def _has(container: Any, segment: str | int) -> bool:
    if isinstance(container, dict):
        return isinstance(segment, str) and segment in container
    return (
        isinstance(container, list) and isinstance(segment, int) and 0 <= segment < len(container)
    )


def _is_last_field(loc: tuple[str | int, ...], index: int) -> bool:
    return all(not isinstance(s, str) or s == "[key]" for s in loc[index + 1 :])


def field_label(path: tuple[str | int, ...]) -> str:
    """An editor-readable field name: `meilensteine[2].datum` (list positions count from 1)."""
    text = ""
    for segment in path:
        text += (
            f"[{segment + 1}]" if isinstance(segment, int) else (f".{segment}" if text else segment)
        )
    return text or "Datei"


def _position(loaded: LoadedFile, path: tuple[str | int, ...], *, key: bool = False) -> Position:
    if key and path in loaded.key_positions:
        return loaded.key_positions[path]
    while path not in loaded.positions and path:
        path = path[:-1]
    return loaded.positions.get(path, Position(1, 1))


def _translate(
    loaded: LoadedFile,
    model_class: type[BaseModel],
    entity: str,
    detail: ErrorDetails,
    examples: Examples,
) -> Problem:
    kind = detail["type"]
    located = _locate(loaded.data, tuple(detail["loc"]))
    path = located.path
    field = field_label(path)
    value = located.value
    here = _position(loaded, path, key=located.key_error)
    ctx = detail.get("ctx", {})

    def make(code: str, at: Position = here, **params: object) -> Problem:
        return problem(code, loaded.path, at.line, at.column, **params)

    if kind == "missing":
        parent = path[:-1]
        key = str(path[-1]) if path else "?"
        where = entity if not parent else f"Abschnitt {quote(field_label(parent))} ({entity})"
        example = _examples_for(examples).get(key)
        hint = " Beispiel:\n" + _indent(example) if example else ""
        at = _position(loaded, parent)
        return make("missing_key", at, key=quote(key), entity=where, example=hint)
    if kind == "extra_forbidden":
        allowed = _field_names(model_class, path[:-1])
        key = str(path[-1]) if path else "?"
        at = _position(loaded, path, key=True)
        hint = suggest(key, allowed)
        if not hint and allowed:
            hint = " Erlaubt: " + ", ".join(allowed) + "."
        return make("unknown_key", at, key=quote(key), entity=entity, suggestion=hint)
    if kind in _EXPECTED:
        return make(
            "wrong_type",
            field=field,
            expected=_EXPECTED[kind],
            found=_describe(value),
            hint=_type_hint(kind, value),
        )
    if kind == "literal_error":
        choices = _literal_choices(model_class, path)
        return make(
            "not_in_choices",
            field=field,
            value=quote(value),
            choices=", ".join(choices),
            suggestion=suggest(str(value), choices),
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        form = _pattern_forms(examples).get(pattern, quote(pattern))
        if located.key_error:
            return make(
                "pattern_mismatch",
                _position(loaded, path, key=True),
                field=field + " (Schlüssel)",
                value=quote(path[-1] if path else value),
                form=form,
            )
        return make("pattern_mismatch", field=field, value=quote(value), form=form)
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        rule = {
            "greater_than_equal": "mindestens {}",
            "less_than_equal": "höchstens {}",
            "greater_than": "größer als {}",
            "less_than": "kleiner als {}",
        }[kind].format(next(iter(ctx.values()), "?"))
        return make("number_range", field=field, value=quote(value), rule=rule)
    if kind == "string_too_long":
        return make(
            "text_too_long", field=field, length=len(str(value)), limit=ctx.get("max_length")
        )
    if kind in {"string_too_short", "text_blank"}:
        return make("text_empty", field=field)
    if kind == "too_short":
        minimum = ctx.get("min_length")
        entries = f"{minimum} {'Eintrag' if minimum == 1 else 'Einträge'}"
        return make("list_too_short", field=field, entries=entries)
    if kind == "text_markup":
        match = _MARKUP_SNIPPET.search(str(value))
        return make("text_markup", field=field, found=quote(match.group(0) if match else value))
    if kind == "text_reference":
        found = character_reference(str(value)) or str(value)
        return make("text_reference", field=field, found=quote(found))
    if kind in {"url_scheme", "date_format", "date_impossible", "date_range"} | {
        "language_code",
        "language_german",
    }:
        return make(kind, field=field, value=quote(value))
    if kind in {"union_tag_not_found", "union_tag_invalid"}:
        return make("rating_kind", example=_indent(examples.rating()))
    return make("invalid_value", field=field, value=quote(value))


def _indent(example: str) -> str:
    return "\n".join("  " + line for line in example.splitlines())


def _describe(value: Any) -> str:
    if value is None:
        return "kein Wert"
    if isinstance(value, bool):
        return f"den Ja/Nein-Wert {quote(str(value).lower())}"
    if isinstance(value, int):
        return f"die ganze Zahl {quote(str(value))}"
    if isinstance(value, float):
        return f"die Zahl {quote(str(value))}"
    if isinstance(value, str):
        return f"den Text {quote(value)}"
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, dict):
        return "einen Abschnitt mit Schlüsseln"
    return quote(value)


def _type_hint(kind: str, value: Any) -> str:
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        return " Setzen Sie den Wert in Anführungszeichen, damit er als Text gilt."
    if kind in {"int_type", "float_type"} and isinstance(value, str):
        return " Schreiben Sie die Zahl ohne Anführungszeichen."
    if kind == "list_type" and isinstance(value, str):
        return f" Beispiel:\n  - {value}"
    return ""


# --- walking the model classes along a path (for allowed keys and choices) -------------------


def _unwrap(annotation: Any) -> Iterator[Any]:
    """Yield the concrete types inside Annotated/Optional/Union annotations."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        yield from _unwrap(get_args(annotation)[0])
    elif origin in (Union, types.UnionType):
        for member in get_args(annotation):
            yield from _unwrap(member)
    else:
        yield annotation


def _step(annotation: Any, segment: str | int) -> list[Any]:
    found: list[Any] = []
    for candidate in _unwrap(annotation):
        origin = get_origin(candidate)
        if isinstance(segment, int) and origin is list:
            found.append(get_args(candidate)[0])
        elif isinstance(segment, str) and origin is dict:
            found.append(get_args(candidate)[1])
        elif (
            isinstance(segment, str)
            and isinstance(candidate, type)
            and issubclass(candidate, BaseModel)
            and segment in candidate.model_fields
        ):
            found.append(candidate.model_fields[segment].annotation)
    return found


def _annotations_at(model_class: type[BaseModel], path: tuple[str | int, ...]) -> list[Any]:
    current: list[Any] = [model_class]
    for segment in path:
        current = [nxt for annotation in current for nxt in _step(annotation, segment)]
    return current


def _field_names(model_class: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    names: list[str] = []
    for annotation in _annotations_at(model_class, path):
        for candidate in _unwrap(annotation):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                names.extend(n for n in candidate.model_fields if n not in names)
    return names


def _literal_choices(model_class: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    choices: list[str] = []
    for annotation in _annotations_at(model_class, path):
        for candidate in _unwrap(annotation):
            if get_origin(candidate) is Literal:
                choices.extend(str(c) for c in get_args(candidate) if str(c) not in choices)
    return choices

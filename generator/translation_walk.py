"""Laying a translation over its German original, field by field (pure, no I/O).

In: the German data of one file as plain values (`model_dump()`), the translation's data
(`model_dump(exclude_none=True)`) and the translation model that says which fields are text.
Out: the German data with every translated text put in, the paths of the texts that stay
German, and findings about entries the German does not have (check/translations.py turns them
into problems; derive/language.py uses the merged data).

Paths: `canonical` names a text by its entries' keys, the same in every language
(("visionen", "lebenswerter-raum", "titel")); `at` is where it stands in the translation file
(("visionen", 0, "titel")), for messages.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.translation_model import IDENTITY_KEYS

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """Something in a translation that has no German counterpart or does not fit it."""

    #: "entry_unknown" (key value without German entry), "entry_duplicate", "length"
    #: (positional list of another length), "field_unused" (German field empty or absent).
    kind: str
    at: Path
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Walk:
    """What laying one translation over its German gave."""

    translated: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _unwrap(annotation: Any) -> Any:
    """The type without `| None` and `Annotated[...]`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def field_shape(model_class: type[BaseModel], name: str) -> tuple[str, Any]:
    """("text", None), ("texts", None), ("entry", model) or ("entries", model)."""
    annotation = _unwrap(model_class.model_fields[name].annotation)
    if typing.get_origin(annotation) is list:
        item = _unwrap(typing.get_args(annotation)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "entries", item
        return "texts", None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "entry", annotation
    return "text", None


def entry_key(model_class: type[BaseModel]) -> str | None:
    """The key that matches an entry of this kind with its German entry, None: by position."""
    return next((key for key in ("id", "nummer", "wert") if key in model_class.model_fields), None)


def text_fields(model_class: type[BaseModel]) -> list[str]:
    return [name for name in model_class.model_fields if name not in IDENTITY_KEYS]


def overlay(
    model_class: type[BaseModel],
    german: dict[str, Any],
    translation: dict[str, Any] | None,
    walk: Walk,
    canonical: Path = (),
    at: Path = (),
) -> dict[str, Any]:
    """The German data with the translation's texts put in; `walk` collects the rest."""
    merged = dict(german)
    for name in text_fields(model_class):
        original = german.get(name)
        given = translation.get(name) if translation is not None else None
        if original is None or original == []:
            if given not in (None, []):
                walk.findings.append(Finding("field_unused", (*at, name), {"field": name}))
            continue
        shape, inner = field_shape(model_class, name)
        here, there = (*canonical, name), (*at, name)
        if shape == "text":
            if given is None:
                walk.missing.append(here)
            else:
                merged[name] = given
                walk.translated.append(here)
        elif shape == "entry":
            merged[name] = overlay(inner, original, given, walk, here, there)
        elif shape == "texts":
            merged[name] = _texts(original, given, walk, here, there)
        else:
            merged[name] = _entries(inner, original, given, walk, here, there)
    return merged


def _texts(original: list[Any], given: Any, walk: Walk, here: Path, there: Path) -> list[Any]:
    if given is not None and len(given) != len(original):
        walk.findings.append(
            Finding("length", there, {"count": len(given), "expected": len(original)})
        )
        given = None
    if given is None:
        walk.missing.extend((*here, index) for index in range(len(original)))
        return list(original)
    walk.translated.extend((*here, index) for index in range(len(original)))
    return list(given)


def _entries(
    inner: type[BaseModel],
    original: list[dict[str, Any]],
    given: list[dict[str, Any]] | None,
    walk: Walk,
    here: Path,
    there: Path,
) -> list[dict[str, Any]]:
    key = entry_key(inner)
    if key is None:
        if given is not None and len(given) != len(original):
            walk.findings.append(
                Finding("length", there, {"count": len(given), "expected": len(original)})
            )
            given = None
        return [
            overlay(inner, entry, given[index] if given else None, walk, (*here, index),
                    (*there, index))
            for index, entry in enumerate(original)
        ]  # fmt: skip
    known = [entry[key] for entry in original]
    by_key: dict[Any, tuple[int, dict[str, Any]]] = {}
    for index, entry in enumerate(given or []):
        value = entry.get(key)
        if value not in known:
            walk.findings.append(
                Finding("entry_unknown", (*there, index, key), {"key": key, "value": value,
                                                                 "known": known})
            )  # fmt: skip
        elif value in by_key:
            walk.findings.append(
                Finding("entry_duplicate", (*there, index, key),
                        {"key": key, "value": value, "first": by_key[value][0] + 1})
            )  # fmt: skip
        else:
            by_key[value] = (index, entry)
    merged = []
    for entry in original:
        index, found = by_key.get(entry[key], (-1, None))
        merged.append(overlay(inner, entry, found, walk, (*here, entry[key]), (*there, index)))
    return merged

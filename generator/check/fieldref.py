"""The field reference for editors: every field of every data file, generated from the models.

In: the model classes (model.py) and the German texts below. Out: Markdown — one table per
file type and per nested section, with each field's name, whether it is required, its kind
in German, the allowed values or form, and what it means. docs/feldreferenz.md carries it
between two markers (`strategie feldreferenz` rewrites that part; a test fails when it is stale) and
the site can publish `render_field_reference()` as a page.

All German descriptions of fields live here, keyed by model and field, so that model.py stays
free of editor prose; a test fails when a model field has no description. `strategie neu`
uses the same texts for the comments in the files it writes.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from generator import model
from generator.check.field_texts import (
    DESCRIPTIONS,
    FILE_TYPES,
    ID_EXAMPLES,
    SECTION_NAMES,
)

START_MARKER = "<!-- feldreferenz:start -->"
END_MARKER = "<!-- feldreferenz:end -->"


#: The generic example of an id, replaced per field by `ID_EXAMPLES`.
_SLUG_EXAMPLE = "e-government"
#: How the id patterns look, for editors.
_PATTERN_FORMS = {
    model.MEASURE_ID_PATTERN: "Kürzel des Leitthemas, Bindestrich, 2–3 Ziffern, z. B. `ABC-01`",
    model.SLUG_PATTERN: "kleine Buchstaben, Ziffern, einzelne Bindestriche, z. B. "
    f"`{_SLUG_EXAMPLE}`",
    model.ABBREVIATION_PATTERN: "2–5 Großbuchstaben, z. B. `ABC`",
    r"^[0-9]{8}$": "8 Ziffern in Anführungszeichen; die ersten beiden sind die Nummer des Landes",
    r"^[0-9]{4}[a-z0-9-]*$": "Jahreszahl, optional mit Zusatz, z. B. `2024`",
}


@dataclass(frozen=True)
class FieldKind:
    """A field's kind in German („Text, eine Zeile“) and its rule („höchstens 160 Zeichen“)."""

    kind: str
    rule: str = ""
    section: type[model.Record] | None = None


def _flat_metadata(items: typing.Iterable[Any]) -> list[Any]:
    flat: list[Any] = []
    for item in items:
        flat.extend(_flat_metadata(item.metadata) if isinstance(item, FieldInfo) else [item])
    return flat


def _attribute(metadata: list[Any], name: str) -> Any:
    return next((getattr(m, name) for m in metadata if getattr(m, name, None) is not None), None)


def _validators(metadata: list[Any]) -> set[str]:
    return {m.func.__name__ for m in metadata if isinstance(m, AfterValidator | BeforeValidator)}


def _range(metadata: list[Any]) -> str:
    low = _attribute(metadata, "ge")
    above = _attribute(metadata, "gt")
    high = _attribute(metadata, "le")
    if low is not None and high is not None:
        return f"{low} bis {high}"
    if above is not None and high is not None:
        return f"größer als {above}, höchstens {high}"
    if low is not None:
        return f"mindestens {low}"
    return ""


def describe_kind(annotation: Any, metadata: list[Any] | None = None) -> FieldKind:
    """The German kind and rule of a type annotation (with pydantic's field metadata)."""
    extra = _flat_metadata(metadata or [])
    if get_origin(annotation) is typing.Annotated:
        base, *inner = get_args(annotation)
        return describe_kind(base, [*extra, *inner])
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return describe_kind(members[0], extra)
        kinds = [describe_kind(member) for member in members]
        if all(kind.section is not None for kind in kinds):
            names = " oder ".join(f"„{SECTION_NAMES[k.section]}“" for k in kinds if k.section)
            return FieldKind("Abschnitt", f"siehe {names}")
        return FieldKind("Zahl", kinds[0].rule)
    if origin is list:
        inner_kind = describe_kind(get_args(annotation)[0])
        minimum = _attribute(extra, "min_length")
        entries = f"{minimum} {'Eintrag' if minimum == 1 else 'Einträge'}"
        rule = inner_kind.rule + (f"; mindestens {entries}" if minimum else "")
        return FieldKind(f"Liste: {inner_kind.kind}", rule.lstrip("; "), inner_kind.section)
    if origin is dict:
        key, value = (describe_kind(a) for a in get_args(annotation))
        return FieldKind(f"Zuordnung {key.kind} → {value.kind}", key.rule)
    if origin is Literal:
        return FieldKind(
            "Auswahl", "eins von: " + ", ".join(f"`{v}`" for v in get_args(annotation))
        )
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        assert issubclass(annotation, model.Record)
        return FieldKind("Abschnitt", f"siehe „{SECTION_NAMES[annotation]}“", annotation)
    return _scalar_kind(annotation, extra)


def _scalar_kind(annotation: Any, metadata: list[Any]) -> FieldKind:
    validators = _validators(metadata)
    if annotation is bool:
        return FieldKind("Ja/Nein", "`true` oder `false`")
    if annotation is int:
        year = _attribute(metadata, "ge") == 1990
        return FieldKind("Jahreszahl" if year else "ganze Zahl", _range(metadata))
    if annotation is float:
        return FieldKind("Zahl", _range(metadata))
    if "_parse_date" in validators:
        return FieldKind("Datum", "JJJJ-MM-TT zwischen 1990 und 2100, z. B. `2020-06-25`")
    if "_check_url" in validators:
        return FieldKind("Link", "nur `https://…` oder `mailto:…`")
    pattern = _attribute(metadata, "pattern")
    if pattern is not None:
        return FieldKind("Kennung", _PATTERN_FORMS.get(pattern, f"Form `{pattern}`"))
    limit = _attribute(metadata, "max_length")
    if "_reject_rich_markup" in validators:
        return FieldKind("Markdown-Text", f"höchstens {limit} Zeichen; kein HTML")
    if limit is not None and limit <= 160:
        return FieldKind("Text, eine Zeile", f"höchstens {limit} Zeichen; kein HTML")
    if limit is not None:
        return FieldKind("Text", f"höchstens {limit} Zeichen; kein HTML")
    return FieldKind("Text")


def field_description(record: type[model.Record], name: str) -> str:
    """The German description of a field; a missing one is a bug (the tests find it)."""
    return DESCRIPTIONS[record][name]


def field_kind(record: type[model.Record], name: str) -> FieldKind:
    """The field's kind and rule, with an example that fits the field."""
    info = record.model_fields[name]
    kind = describe_kind(info.annotation, list(info.metadata))
    example = ID_EXAMPLES.get((record, name))
    if example is None:
        return kind
    rule = kind.rule.replace(f"`{_SLUG_EXAMPLE}`", f"`{example}`")
    return FieldKind(kind.kind, rule, kind.section)


def sections(root: type[model.Record]) -> list[type[model.Record]]:
    """The model and every nested section model, in order of first appearance."""
    found = [root]
    for record in found:
        for name in record.model_fields:
            for nested in _nested(field_kind(record, name), record.model_fields[name]):
                if nested not in found:
                    found.append(nested)
    return found


def _nested(kind: FieldKind, info: FieldInfo) -> list[type[model.Record]]:
    if kind.section is not None:
        return [kind.section]
    return [m for m in SECTION_NAMES if _mentions(info.annotation, m)]


def _mentions(annotation: Any, record: type[model.Record]) -> bool:
    if annotation is record:
        return True
    return any(_mentions(argument, record) for argument in get_args(annotation))


def field_table_cell(text: str) -> str:
    """A description as one cell of a Markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")


def _table(record: type[model.Record]) -> list[str]:
    lines = ["| Feld | Pflicht | Art | Erlaubt | Bedeutung |", "|---|---|---|---|---|"]
    for name, info in record.model_fields.items():
        kind = field_kind(record, name)
        required = "ja" if info.is_required() else "nein"
        cells = [f"`{name}`", required, kind.kind, kind.rule, field_description(record, name)]
        lines.append("| " + " | ".join(field_table_cell(cell) for cell in cells) + " |")
    return lines


def render_field_reference(level: int = 3) -> str:
    """The whole field reference as Markdown; headings start at `level`."""
    heading = "#" * level
    lines = [
        "<!-- Erzeugt aus generator/model.py und generator/fieldref.py mit "
        "„strategie feldreferenz“; nicht von Hand ändern. -->",
    ]
    documented: set[type[model.Record]] = set()
    for title, where, root in FILE_TYPES:
        lines += ["", f"{heading} {title}: `{where}`", "", *_table(root)]
        for section in sections(root)[1:]:
            if section in documented:
                continue
            documented.add(section)
            lines += ["", f"{heading}# {SECTION_NAMES[section]}", "", *_table(section)]
    return "\n".join(lines) + "\n"


_SECTION = re.compile(re.escape(START_MARKER) + r"\n.*?" + re.escape(END_MARKER), re.DOTALL)


def update_document(text: str) -> str:
    """The document with the part between the markers replaced by the current reference."""
    if not _SECTION.search(text):
        raise ValueError("markers not found")
    replacement = f"{START_MARKER}\n{render_field_reference()}{END_MARKER}"
    return _SECTION.sub(lambda _: replacement, text, count=1)

"""The "Daten" page: downloads, licence, and the field dictionary of the exports (pure).

In: a validated `Strategy`. Out: the `DataPage` view for daten/index.md (template
`data.md.j2`), which sits beside the download files that exports.render_exports returns
(links are relative to that folder). The field dictionary comes from the same column list as
the CSV and the workbook, and from the Maßnahme model for the JSON file, so it cannot describe
fields that do not exist; the meaning of each field is the field reference's
(check/field_texts.py), which the template takes by the field's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any, ClassVar

from generator import urls
from generator.check.schemas import FILE_MODELS
from generator.derive.measures import latest_update
from generator.exports.columns import (
    CSV_FILE,
    DATA_FOLDER,
    JSON_FILE,
    JSON_SCHEMA_FILE,
    LIST_SEPARATOR,
    SCHEMA_FOLDER,
    XLSX_FILE,
    Column,
    measure_columns,
)
from generator.model import Measure, Rating, Strategy, StrategyDocument
from generator.presentation import Labels
from generator.views.pages import Page

_JSON_TYPES = {
    "string": "Text",
    "integer": "Ganzzahl",
    "number": "Zahl",
    "boolean": "Wahrheitswert",
    "array": "Liste",
}
#: What the page is generated from (its first line names them).
SOURCES = (
    "strategy/strategie.yml",
    "strategy/leitthemen/",
    "strategy/massnahmen/",
    "strategy/verzeichnisse/",
)


@dataclass(frozen=True)
class JsonField:
    """One field of a Maßnahme in strategie.json: its name, German type and whether required."""

    name: str
    kind: str
    #: For a list: the type of its items („Liste (Ganzzahl)“); empty otherwise.
    item_kind: str
    required: bool
    #: The meaning where it names the levels by the city's labels; empty: the field
    #: reference's text.
    meaning: str = ""


@dataclass(frozen=True)
class DataPage(Page):
    template: ClassVar[str] = "data.md.j2"
    document: StrategyDocument
    stand: date | None
    #: The download files, relative to the page's folder.
    json_file: str
    json_schema_file: str
    csv_file: str
    xlsx_file: str
    dcat_file: str
    schema_files: tuple[str, ...]
    criteria: tuple[str, ...]
    scale_minimum: int
    scale_maximum: int
    example_ratings: int
    measure_count: int
    list_separator: str
    columns: tuple[Column, ...]
    fields: tuple[JsonField, ...]


def build_data_page(strategy: Strategy) -> DataPage:
    """The view of daten/index.md."""
    document = strategy.strategie
    scheme = document.bewertung
    ratings = [m.bewertung for m in strategy.massnahmen if isinstance(m.bewertung, Rating)]
    return DataPage(
        path=urls.DATA,
        title="Daten",
        source_files=SOURCES,
        document=document,
        stand=latest_update(strategy.massnahmen),
        json_file=_relative(JSON_FILE),
        json_schema_file=_relative(JSON_SCHEMA_FILE),
        csv_file=_relative(CSV_FILE),
        xlsx_file=_relative(XLSX_FILE),
        dcat_file=_relative(DATA_FOLDER / "dcat.rdf"),
        schema_files=tuple(
            _relative(SCHEMA_FOLDER / f"{name}.schema.json") for name in FILE_MODELS
        ),
        criteria=tuple(criterion.bezeichnung for criterion in scheme.kriterien),
        scale_minimum=scheme.minimum,
        scale_maximum=scheme.maximum,
        example_ratings=sum(1 for rating in ratings if rating.quelle == "beispiel"),
        measure_count=len(strategy.massnahmen),
        list_separator=LIST_SEPARATOR.strip(),
        columns=tuple(measure_columns(strategy)),
        fields=_measure_fields(document.bezeichnungen),
    )


def _relative(path: PurePosixPath) -> str:
    return path.relative_to(DATA_FOLDER).as_posix()


def _measure_fields(labels: Labels) -> tuple[JsonField, ...]:
    schema = Measure.model_json_schema(mode="validation")
    required = set(schema.get("required", []))
    theme, field = labels.leitthema, labels.handlungsfeld
    by_label = {
        "leitthema": f"Kennung {theme.des}; muss der Ordner sein, in dem die Datei liegt.",
        "handlungsfeld": f"Kennung {field.des}; leer bei {theme.mehrzahl_dativ} ohne "
        f"{field.mehrzahl}.",
        "operative_ziele": f"Nummern der operativen Ziele {field.des} (oder {theme.des}), "
        "zu denen die Maßnahme beiträgt.",
    }
    return tuple(
        JsonField(
            name, *_json_type(spec), required=name in required, meaning=by_label.get(name, "")
        )
        for name, spec in schema["properties"].items()
    )


def _json_type(spec: dict[str, Any]) -> tuple[str, str]:
    """A German name for a JSON Schema type: Text, Datum, Liste von Ganzzahl, Abschnitt …"""
    options = [s for s in spec.get("anyOf", spec.get("oneOf", [spec])) if s.get("type") != "null"]
    if len(options) != 1 or "$ref" in options[0]:
        return "Abschnitt", ""
    option = options[0]
    if option.get("format") == "date":
        return "Datum", ""
    if option.get("type") == "array":
        items = option.get("items", {})
        inner = "Abschnitt" if "$ref" in items else _JSON_TYPES.get(items.get("type"), "Wert")
        return "Liste", inner
    return _JSON_TYPES.get(option.get("type", ""), "Wert"), ""

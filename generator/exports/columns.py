"""Open-data exports: the strategy as JSON (with JSON Schema), measures as CSV and XLSX (pure).

In: a validated `Strategy` and the address the site is published under (or None). Out: the
download files by path relative to the site root (`daten/…`) as bytes, and the Markdown of
the "Daten" page with the field dictionary. No I/O; the same strategy gives the same bytes.

One column list (`measure_columns`) defines the table of measures for the CSV, the workbook
(spreadsheet.py) and the field dictionary, so the three cannot drift apart. Lists inside a
cell are joined with `LIST_SEPARATOR`; dates are ISO 8601; numbers use a decimal point.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Literal

from generator import urls
from generator.derive.measures import latest_update, priority_score
from generator.exports.inert_cells import csv_row
from generator.exports.translation_columns import (
    TRANSLATED_FIELDS,
    translated_value,
    translation_key,
    translation_meanings,
)
from generator.model import (
    Actor,
    CharterGuideline,
    District,
    Goal,
    Measure,
    NotRated,
    Strategy,
    StrategyDocument,
    Theme,
)
from generator.values import IsoDate, Record

#: Folder of all downloads, relative to the site root.
DATA_FOLDER = PurePosixPath("daten")
JSON_FILE = DATA_FOLDER / "strategie.json"
JSON_SCHEMA_FILE = DATA_FOLDER / "strategie.schema.json"
CSV_FILE = DATA_FOLDER / "massnahmen.csv"
XLSX_FILE = DATA_FOLDER / "massnahmen.xlsx"
SCHEMA_FOLDER = DATA_FOLDER / "schemas"
#: How several values in one cell are joined (ids never contain it).
LIST_SEPARATOR = "; "

Cell = str | int | float | date | bool | None
Kind = Literal["Text", "Kennung", "Ganzzahl", "Dezimalzahl", "Datum", "Liste", "Wahrheitswert"]


@dataclass(frozen=True)
class Column:
    """One column of the table of measures: its key, German meaning and how it is filled."""

    key: str
    meaning: str
    kind: Kind
    value: Callable[[Measure], Cell]
    #: Whether `strategie import xlsx` takes changes in this column back into the YAML.
    editable: bool = False


def measure_columns(strategy: Strategy, *, base_url: str | None = None) -> list[Column]:
    """The columns of the measures table, rating criteria as named in strategie.yml."""
    document = strategy.strategie
    scheme = document.bewertung

    def rating_value(criterion: str) -> Callable[[Measure], Cell]:
        def value(measure: Measure) -> Cell:
            rating = measure.bewertung
            return None if isinstance(rating, NotRated) else rating.werte.get(criterion)

        return value

    def priority(measure: Measure) -> Cell:
        score = priority_score(measure.bewertung, scheme)
        return None if score is None else round(score, 2)

    def rating_date(measure: Measure) -> Cell:
        rating = measure.bewertung
        return None if isinstance(rating, NotRated) else rating.stand

    scale = f"{scheme.minimum} bis {scheme.maximum}"
    criteria = [
        Column(
            f"bewertung_{criterion.id}",
            f"Bewertung „{criterion.bezeichnung}“ ({scale}): {criterion.frage} Leer, wenn "
            "nicht bewertet.",
            "Ganzzahl",
            rating_value(criterion.id),
            editable=True,
        )
        for criterion in scheme.kriterien
    ]
    statuses = ", ".join(status.id for status in document.status)
    theme, field = document.bezeichnungen.leitthema, document.bezeichnungen.handlungsfeld
    columns = [
        Column("id", "Kennung der Maßnahme; ändert sich nie.", "Kennung", lambda m: m.id),
        Column("titel", "Titel der Maßnahme.", "Text", lambda m: m.titel, editable=True),
        Column("leitthema", f"Kennung {theme.des}.", "Kennung", lambda m: m.leitthema),
        Column(
            "handlungsfeld",
            f"Kennung {field.des}; leer bei {theme.mehrzahl_dativ} ohne {field.mehrzahl}.",
            "Kennung",
            lambda m: m.handlungsfeld,
        ),
        Column(
            "status",
            f"Umsetzungsstand, eine der Kennungen {statuses} (Definitionen auf der Methodenseite).",
            "Kennung",
            lambda m: m.status,
            editable=True,
        ),
        Column(
            "status_seit",
            "Seit wann der Status gilt.",
            "Datum",
            lambda m: m.status_seit,
            editable=True,
        ),
        Column(
            "fortschritt",
            "Geschätzter Fortschritt in Prozent (0 bis 100); leer, wenn nicht angegeben.",
            "Ganzzahl",
            lambda m: m.fortschritt,
            editable=True,
        ),
        Column(
            "zeitraum_beginn",
            "Jahr des Beginns.",
            "Ganzzahl",
            lambda m: m.zeitraum.beginn,
            editable=True,
        ),
        Column(
            "zeitraum_ende",
            "Jahr des geplanten Endes; leer bei einer fortlaufenden Aufgabe.",
            "Ganzzahl",
            lambda m: m.zeitraum.ende,
            editable=True,
        ),
        Column(
            "raumbezug",
            "Räumliche Ebene: quartier, stadtteil oder gesamtstadt.",
            "Kennung",
            lambda m: m.raumbezug.ebene,
        ),
        Column(
            "stadtteile",
            "Kennungen der Stadtteile (Verzeichnis stadtteile).",
            "Liste",
            lambda m: _joined(m.raumbezug.stadtteile),
        ),
        Column(
            "verantwortlich",
            "Kennung der verantwortlichen Stelle (Verzeichnis akteure).",
            "Kennung",
            lambda m: m.verantwortlich,
            editable=True,
        ),
        Column(
            "partner",
            "Kennungen der Partner (Verzeichnis akteure).",
            "Liste",
            lambda m: _joined(m.partner),
        ),
        Column(
            "bewertung_quelle",
            "Herkunft der Bewertung: beispiel (Beispielwerte), offiziell (von der Stadt "
            "beschlossen) oder „nicht bewertet“.",
            "Text",
            lambda m: m.bewertung.quelle,
            editable=True,
        ),
        Column(
            "bewertung_stand",
            "Datum der Bewertung; leer, wenn nicht bewertet.",
            "Datum",
            rating_date,
            editable=True,
        ),
        *criteria,
        Column(
            "prioritaet",
            "Berechnet: gewichteter Mittelwert der Bewertungskriterien (Gewichte aus der "
            "Methode), auf zwei Stellen gerundet; leer, wenn nicht bewertet.",
            "Dezimalzahl",
            priority,
        ),
        Column(
            "sdgs",
            "Nummern der UN-Nachhaltigkeitsziele (1 bis 17).",
            "Liste",
            lambda m: _joined(m.sdgs),
        ),
        Column(
            "charta",
            "Kennungen der Leitlinien der Smart City Charta.",
            "Liste",
            lambda m: _joined(m.charta),
        ),
        Column(
            "beispielmassnahme",
            "true, wenn die Maßnahme zur Veranschaulichung erfunden ist; sonst false.",
            "Wahrheitswert",
            lambda m: m.beispielmassnahme,
        ),
        Column(
            "aktualisiert",
            "Datum der letzten inhaltlichen Aktualisierung der Maßnahme.",
            "Datum",
            lambda m: m.aktualisiert,
            editable=True,
        ),
        Column(
            "kurzbeschreibung",
            "Kurzbeschreibung in einfachem Text.",
            "Text",
            lambda m: m.kurzbeschreibung,
            editable=True,
        ),
        Column(
            "seite",
            "Adresse der Seite der Maßnahme auf der Website"
            + ("." if base_url else " (relativ zur Startseite)."),
            "Text",
            lambda m: page_url(m.id, base_url),
        ),
        Column(
            "status_seit_genauigkeit",
            "Wie genau status_seit ist: tag, monat, jahr, angenommen (nur das Jahr ist eine "
            "Annahme) oder unbekannt (das Datum ist nicht belegt).",
            "Text",
            lambda m: m.status_seit_genauigkeit,
        ),
    ]
    return columns + _translation_columns(strategy)


def _joined(values: list[str] | list[int]) -> str | None:
    return LIST_SEPARATOR.join(str(value) for value in values) or None


def page_url(measure_id: str, base_url: str | None) -> str:
    """The built page of a measure, absolute when the site's address is known."""
    path = urls.html_href(str(urls.measure_page(measure_id)))
    return f"{normalise_base_url(base_url)}{path}" if base_url else path


def normalise_base_url(base_url: str) -> str:
    """The site's address with exactly one trailing slash."""
    return base_url.rstrip("/") + "/"


# --- JSON ---------------------------------------------------------------------------------------


class ExportedTheme(Theme):
    """A top-level theme with its measures nested (each measure names its field of action)."""

    massnahmen: list[Measure]


class Registries(Record):
    """The registries that measures refer to by id."""

    akteure: list[Actor]
    stadtteile: list[District]
    sdgs: list[Goal]
    leitlinien: list[CharterGuideline]


class ExportedStrategy(Record):
    """The whole strategy as one nested document: strategie.json."""

    #: The newest `aktualisiert` of all measures: the "as of" date of the data.
    stand: IsoDate | None
    strategie: StrategyDocument
    leitthemen: list[ExportedTheme]
    verzeichnisse: Registries


def export_document(strategy: Strategy) -> ExportedStrategy:
    """The nested export model (built from validated data, so not validated again)."""
    themes = [
        ExportedTheme.model_construct(
            **dict(theme),
            massnahmen=[m for m in strategy.massnahmen if m.leitthema == theme.id],
        )
        for theme in strategy.leitthemen
    ]
    registries = Registries.model_construct(
        akteure=strategy.akteure,
        stadtteile=strategy.stadtteile,
        sdgs=strategy.sdgs,
        leitlinien=strategy.leitlinien,
    )
    return ExportedStrategy.model_construct(
        stand=latest_update(strategy.massnahmen),
        strategie=strategy.strategie,
        leitthemen=themes,
        verzeichnisse=registries,
    )


def render_json(strategy: Strategy) -> bytes:
    """strategie.json: every field of every file, nested Leitthema → Maßnahmen."""
    # pydantic writes the JSON itself, byte for byte what json.dumps(model_dump(mode="json"),
    # ensure_ascii=False, indent=2) gives (tests/exports/test_exports.py), five times as fast: with
    # an indent json.dumps falls back to its pure-Python encoder.
    return export_document(strategy).model_dump_json(indent=2).encode("utf-8") + b"\n"


def render_json_schema() -> bytes:
    """The JSON Schema (draft 2020-12) that strategie.json conforms to."""
    schema = ExportedStrategy.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = JSON_SCHEMA_FILE.name
    schema["title"] = "Strategie als offene Daten"
    schema["description"] = (
        "Die ganze Strategie in einer Datei: strategie (Inhalt von strategie.yml), "
        "leitthemen mit ihren Handlungsfeldern und Maßnahmen, verzeichnisse (Akteure, "
        "Stadtteile, SDGs, Charta-Leitlinien) und stand (neuestes Aktualisierungsdatum)."
    )
    return _json_bytes(schema, sort_keys=True)


def _json_bytes(data: object, *, sort_keys: bool = False) -> bytes:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=sort_keys)
    return (text + "\n").encode("utf-8")


# --- CSV ----------------------------------------------------------------------------------------


def render_csv(strategy: Strategy, *, base_url: str | None = None) -> bytes:
    """massnahmen.csv: UTF-8, comma-separated, one header row, one row per measure.

    Every text cell is quoted and made inert (inert_cells): no cell is read as a formula.
    """
    columns = measure_columns(strategy, base_url=base_url)
    lines = [csv_row(column.key for column in columns)]
    for measure in strategy.massnahmen:
        lines.append(csv_row(column.value(measure) for column in columns))
    return "".join(lines).encode("utf-8")


def _translation_columns(strategy: Strategy) -> list[Column]:
    """A column per published language and translated field (none without `sprachen`)."""
    if strategy.sprachen is None:
        return []
    return [
        Column(
            translation_key(field, language),
            translation_meanings(language)[field],
            "Text",
            translated_value(strategy, field, language),
            editable=True,
        )
        for language in strategy.sprachen.weitere
        for field in TRANSLATED_FIELDS
    ]

"""The measures as an Excel workbook (XLSX): for download, and for editing without Git.

In: a validated `Strategy`. Out: the bytes of a workbook, deterministic (document dates from
the data's newest `aktualisiert`, fixed zip entry dates, entries sorted), and helpers that
compare cell values read back. Reading a workbook safely is workbook_reader.py's job,
applying edited rows to the YAML xlsx_import.py's. No cell written is a formula: every text
is an explicit string cell (inert_cells.make_literal).

Sheets: „Maßnahmen“ (one row per measure, the columns of exports.measure_columns, dropdowns
for status, responsible unit and ratings), „Hinweise“ (German notes and the field
dictionary) and the hidden „Listen“ that the dropdowns read. A workbook for editing
(`editable=True`) also protects every column that cannot be imported (the sheet protection
has no password: it prevents slips, not intent) and keeps a very hidden copy of the exported
values („Export“), so an import changes only what was edited in the workbook, and notices
when the YAML changed in the same place since the export.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from generator.derive.measures import latest_update
from generator.exports.columns import LIST_SEPARATOR, Cell, Column, measure_columns
from generator.exports.inert_cells import keep_carriage_returns, make_literal
from generator.files import write_file_atomically
from generator.model import Strategy
from generator.timestamps import zip_date_time

SHEET_MEASURES = "Maßnahmen"
SHEET_NOTES = "Hinweise"
SHEET_LISTS = "Listen"
SHEET_SNAPSHOT = "Export"
#: Values of the column bewertung_quelle.
RATING_SOURCES = ("beispiel", "offiziell", "nicht bewertet")

_EDITABLE_FILL = PatternFill("solid", fgColor="FFF2CC")
_LOCKED_FILL = PatternFill("solid", fgColor="E7E6E6")
_WIDTHS = {"Text": 40, "Liste": 24, "Datum": 12, "Ganzzahl": 12, "Dezimalzahl": 12}


def render_workbook(
    strategy: Strategy, *, base_url: str | None = None, editable: bool = False
) -> bytes:
    """The workbook of all measures as deterministic XLSX bytes."""
    columns = measure_columns(strategy, base_url=base_url)
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET_MEASURES
    _fill_measures(sheet, strategy, columns, editable=editable)
    _fill_notes(workbook.create_sheet(SHEET_NOTES), strategy, columns, editable=editable)
    lists = workbook.create_sheet(SHEET_LISTS)
    _add_dropdowns(sheet, lists, strategy, columns)
    lists.sheet_state = "hidden"
    if editable:
        snapshot = workbook.create_sheet(SHEET_SNAPSHOT)
        _write_rows(snapshot, strategy, columns)
        snapshot.sheet_state = "veryHidden"
        snapshot.protection.sheet = True
        # Hidden sheets stay hidden: the structure (sheets, their order) is protected too.
        workbook.security = WorkbookProtection(lockStructure=True)

    document = strategy.strategie
    stand = latest_update(strategy.massnahmen) or document.fortschreibungen[0].datum
    stamp = datetime(stand.year, stand.month, stand.day)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    workbook.properties.creator = document.kontakt.stelle
    workbook.properties.lastModifiedBy = None
    workbook.properties.title = f"{document.titel}: Maßnahmen"
    workbook.properties.language = "de-DE"
    make_literal(workbook)
    return _save(workbook, stamp)


def _write_rows(sheet: Worksheet, strategy: Strategy, columns: Sequence[Column]) -> None:
    sheet.append([column.key for column in columns])
    for measure in strategy.massnahmen:
        sheet.append([column.value(measure) for column in columns])


def _fill_measures(
    sheet: Worksheet, strategy: Strategy, columns: Sequence[Column], *, editable: bool
) -> None:
    _write_rows(sheet, strategy, columns)
    last_row = len(strategy.massnahmen) + 1
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        header = sheet.cell(1, index)
        header.font = Font(bold=True)
        header.fill = _EDITABLE_FILL if column.editable else _LOCKED_FILL
        width = 80 if column.key == "kurzbeschreibung" else _WIDTHS.get(column.kind, 18)
        sheet.column_dimensions[letter].width = max(width, len(column.key) + 4)
        for row in range(2, last_row + 1):
            cell = sheet.cell(row, index)
            if column.kind == "Datum":
                cell.number_format = "yyyy-mm-dd"
            if editable and column.editable:
                cell.protection = Protection(locked=False)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last_row}"
    if editable:
        protection = sheet.protection
        protection.sheet = True
        # Allowed while protected: filtering, sorting, column widths.
        protection.autoFilter = False
        protection.sort = False
        protection.formatColumns = False


def _add_dropdowns(
    sheet: Worksheet, lists: Worksheet, strategy: Strategy, columns: Sequence[Column]
) -> None:
    """Dropdowns for the columns with a fixed set of values; the values live in „Listen“."""
    document = strategy.strategie
    scheme = document.bewertung
    choices: dict[str, list[Any]] = {
        "status": [status.id for status in document.status],
        "verantwortlich": [actor.id for actor in strategy.akteure],
        "bewertung_quelle": list(RATING_SOURCES),
    }
    scale = list(range(scheme.minimum, scheme.maximum + 1))
    for criterion in scheme.kriterien:
        choices[f"bewertung_{criterion.id}"] = scale
    last_row = max(len(strategy.massnahmen) + 1, 2)
    by_key = {column.key: index for index, column in enumerate(columns, 1)}
    for list_column, (key, values) in enumerate(choices.items(), 1):
        list_letter = get_column_letter(list_column)
        lists.cell(1, list_column, key)
        for row, value in enumerate(values, 2):
            lists.cell(row, list_column, value)
        source = f"{quote_sheetname(SHEET_LISTS)}!${list_letter}$2:${list_letter}${len(values) + 1}"
        letter = get_column_letter(by_key[key])
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=not key.startswith(("status", "verantwortlich")),
            showErrorMessage=True,
            errorTitle="Wert nicht erlaubt",
            error=f"Bitte einen Wert aus der Liste wählen (Spalte {key}).",
        )
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(validation)
    for key, low, high in (("fortschritt", 0, 100), ("zeitraum_beginn", 1990, 2100)):
        letter = get_column_letter(by_key[key])
        validation = DataValidation(
            type="whole",
            operator="between",
            formula1=str(low),
            formula2=str(high),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Wert nicht erlaubt",
            error=f"Bitte eine ganze Zahl von {low} bis {high} eintragen.",
        )
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(validation)


def _fill_notes(
    sheet: Worksheet, strategy: Strategy, columns: Sequence[Column], *, editable: bool
) -> None:
    """German notes: licence, what the columns mean, what may be edited, allowed values."""
    document = strategy.strategie
    licence = document.lizenz
    stand = latest_update(strategy.massnahmen)
    headings: list[list[Any]] = [
        [f"{document.titel}: Maßnahmen"],
        ["Spalte", "Bedeutung", "Format", "Änderbar"],
        ["Status", "Bezeichnung", "Definition"],
        ["Akteur", "Name"],
        ["Bewertungsstufe", "Bezeichnung"],
    ]
    if editable:
        headings.append(["Bearbeiten"])
    lines: list[list[Any]] = [
        headings[0],
        [f"Stand der Daten: {stand.isoformat() if stand else 'ohne Maßnahmen'}."],
        [
            f"Lizenz: {licence.name} ({licence.id}, {licence.url}). Namensnennung: "
            f"{licence.namensnennung}"
        ],
        *([[document.hinweis]] if document.hinweis else []),
        [
            "Die Werte in den Spalten bewertung_… sind Beispielwerte, wenn in bewertung_quelle "
            "„beispiel“ steht; nur „offiziell“ kennzeichnet von der Stadt festgelegte Werte."
        ],
        [f"Mehrere Werte in einer Zelle sind durch „{LIST_SEPARATOR}“ getrennt."],
        [],
    ]
    if editable:
        editable_keys = ", ".join(column.key for column in columns if column.editable)
        lines += [
            headings[5],
            [
                f"Gelb markierte Spalten lassen sich ändern: {editable_keys}. Die übrigen "
                "Spalten sind geschützt (ohne Kennwort); Änderungen daran werden beim "
                "Übernehmen abgelehnt. Zeilen weder löschen noch hinzufügen: die Kennung in "
                "Spalte id ordnet jede Zeile ihrer Datei zu."
            ],
            [
                "Datumsangaben als JJJJ-MM-TT (oder TT.MM.JJJJ). Wer etwas ändert, trägt auch "
                "das Datum in aktualisiert ein; bei einer neuen Bewertung auch bewertung_stand."
            ],
            [
                f"Übernehmen: Die koordinierende Stelle ({document.kontakt.stelle}) führt "
                "„strategie import xlsx DATEI“ aus. "
                "Übernommen werden nur geänderte Zellen. Ist eine Zeile fehlerhaft, wird "
                "nichts übernommen, und jede fehlerhafte Zelle wird mit Zeile und Spalte "
                "gemeldet."
            ],
            [],
        ]
    lines.append(headings[1])
    lines += [
        [column.key, column.meaning, column.kind, "ja" if column.editable else "nein"]
        for column in columns
    ]
    lines += [[], headings[2], *([s.id, s.bezeichnung, s.definition] for s in document.status)]
    lines += [[], headings[3], *([actor.id, actor.name] for actor in strategy.akteure)]
    lines += [[], headings[4]]
    lines += [[level.wert, level.bezeichnung] for level in document.bewertung.stufen]
    for line in lines:
        sheet.append(line)
        row = sheet.max_row
        for cell in sheet[row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if any(line is heading for heading in headings):
                cell.font = Font(bold=True)
    for letter, width in zip("ABCD", (28, 90, 14, 10), strict=True):
        sheet.column_dimensions[letter].width = width


def _save(workbook: Workbook, stamp: datetime) -> bytes:
    """XLSX bytes that depend only on the content: fixed entry dates, sorted entries."""
    raw = io.BytesIO()
    # openpyxl's save_workbook() would set `modified` to the current time; its writer doesn't.
    ExcelWriter(workbook, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    source = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=zip_date_time(stamp))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            data = source.read(name)
            if name.endswith((".xml", ".rels")):
                data = keep_carriage_returns(data)
            target.writestr(info, data)
    return result.getvalue()


def write_workbook(strategy: Strategy, target: Path) -> None:
    """Write the editable workbook to `target` atomically (temporary file, then replace); a
    missing folder is the user's to create (FileNotFoundError)."""
    write_file_atomically(target, render_workbook(strategy, editable=True), create_folder=False)


# --- cell values read back --------------------------------------------------------------------


def normalise_cell(value: object) -> Cell:
    """A cell value in a comparable form: no empty text, dates as dates, whole floats as int."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None or isinstance(value, int | float | date):
        return value
    return str(value)


_GERMAN_DATE = re.compile(r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$")


def same_cell(raw: Cell, base: Cell) -> bool:
    """Whether two cell values show the same (a date and its ISO text, 3 and "3")."""
    return raw == base or cell_text(raw) == cell_text(base)


def cell_text(value: Cell) -> str:
    """A cell value as the text it shows: ISO dates, true/false, empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else str(value)


def cell_date(raw: Cell) -> date | None:
    """A date cell, or ISO or German (TT.MM.JJJJ) text; None if it is not a real day."""
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    german = _GERMAN_DATE.match(text)
    if german:
        text = f"{german[3]}-{int(german[2]):02d}-{int(german[1]):02d}"
    try:
        return (
            date.fromisoformat(text) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) else None
        )
    except ValueError:
        return None


def cell_integer(raw: Cell) -> int | None:
    """A whole number, also from text digits; None for anything else (4.5, „viel“, true)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"-?[0-9]+", raw.strip()):
        return int(raw)
    return None

"""Inert table cells: no cell of a CSV file or workbook this tool writes is ever a formula.

In: text values on their way into massnahmen.csv, massnahmen.xlsx or the editors' workbook.
Out: the same values made inert for the program that opens the file (pure; no I/O).

- CSV (`csv_text`, `csv_row`): the OWASP rule against CSV injection. A text that begins with
  a character a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`, tab, carriage
  return, or their full-width forms, which some spreadsheets fold to the ASCII ones) gets a
  leading apostrophe `'`; and every text cell is quoted, so that a separator inside a text
  (`;` for a German Excel) cannot start a new cell that begins with a formula.
- XLSX (`make_literal`): every text cell is an explicit string cell (`t="inlineStr"`).
  openpyxl would store a text beginning with `=` as a formula; Excel shows a string cell
  literally, whatever it begins with. No apostrophe is added there, so a workbook read back
  gives exactly the text that was written (the editors' round trip depends on it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook

#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection),
#: with the full-width forms of = + - @ that some spreadsheets fold to ASCII.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: Hyperlinks a workbook may carry (none is written today; this keeps it so).
_SAFE_LINKS = ("https://", "mailto:")


def csv_text(text: str) -> str:
    """A text for a CSV cell: with a leading `'` if it could start a formula."""
    return "'" + text if text.lstrip(" \n").startswith(FORMULA_TRIGGERS) else text


def csv_field(value: str | int | float | date | bool | None) -> str:
    """One CSV field: text quoted (RFC 4180) and made inert; numbers, dates, true/false bare."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # 3.0 → "3", as spreadsheets show and store it; 3.75 stays "3.75".
        return repr(value).removesuffix(".0")
    if isinstance(value, int):
        return str(value)
    return '"' + csv_text(value).replace('"', '""') + '"'


def csv_row(values: Iterable[str | int | float | date | bool | None]) -> str:
    """One CSV line (with its line end) from the cell values of a row."""
    return ",".join(csv_field(value) for value in values) + "\n"


def make_literal(workbook: Workbook) -> None:
    """Turn every text cell of every sheet into an explicit string cell; allow no formula.

    Run on a finished workbook just before saving: whichever way a cell was written, what
    is saved is a value. A hyperlink other than https or mailto is a bug, not data.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                if cell.hyperlink is not None:
                    target = cell.hyperlink.target or ""
                    if not target.startswith(_SAFE_LINKS):
                        raise ValueError(f"unsafe hyperlink in {cell.coordinate}: {target!r}")


def keep_carriage_returns(xml: bytes) -> bytes:
    """Write a carriage return in a part's text as `&#13;`, which an XML parser keeps.

    A raw CR in XML text is read back as a line feed (XML end-of-line handling), so a text
    with a CR would not survive the export and import unchanged. The writer never emits a
    CR of its own, so every CR byte in a part is part of a value.
    """
    return xml.replace(b"\r", b"&#13;")

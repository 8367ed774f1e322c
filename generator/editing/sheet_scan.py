"""Step 4 of reading an untrusted workbook (workbook_reader.py): one streaming pass over a
worksheet's XML that notes where cells with content are and which cells hold formulas, and stops
at content beyond `MAX_ROWS` rows or `MAX_COLUMNS` columns with the cell's address."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.exceptions import CellCoordinatesException

from generator.errors import UserError
from generator.problems import message, quote

MAX_ROWS = 5000
MAX_COLUMNS = 100


class WorkbookUnreadable(UserError):
    """The file is not a workbook this tool can read safely (German message for the editor)."""


@dataclass(frozen=True)
class FormulaCell:
    """A cell that holds a formula; `cached` is the result the file stores, if any."""

    row: int
    column: int
    formula: str
    cached: str | None

    @property
    def address(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass
class SheetExtent:
    """The last row and column with content, and the formula cells, of one sheet."""

    rows: int = 0
    columns: int = 0
    formulas: list[FormulaCell] = field(default_factory=list)


class SheetScanner:
    """Expat handlers that follow rows and cells of a worksheet part, keeping positions only."""

    def __init__(self, sheet: str, path: Path) -> None:
        self.sheet, self.path = sheet, path
        self.extent = SheetExtent()
        self.root: str | None = None
        self.row = 0
        self.column = 0
        self.text: list[str] | None = None
        self.formula: list[str] | None = None
        self.value: list[str] | None = None
        self.inline: list[str] | None = None

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        name = tag.rsplit(" ", 1)[-1]
        if self.root is None:
            self.root = name
        if name == "row":
            self.row = _number(attributes.get("r"), self.row + 1, self)
            self.column = 0
        elif name == "c":
            reference = attributes.get("r")
            if reference is None:
                self.column += 1
            else:
                try:
                    letters, self.row = coordinate_from_string(reference)
                    self.column = column_index_from_string(letters)
                except (ValueError, CellCoordinatesException):
                    raise self.broken() from None
            self.formula = self.value = self.inline = None
        elif name == "f":
            self.formula = self.text = []
        elif name == "v":
            self.value = self.text = []
        elif name == "is":
            self.inline = []
        elif name == "t" and self.inline is not None:
            self.text = self.inline

    def end(self, tag: str) -> None:
        name = tag.rsplit(" ", 1)[-1]
        if name in ("f", "v", "t"):
            self.text = None
        elif name == "c":
            self.cell_done()

    def characters(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def cell_done(self) -> None:
        value = None if self.value is None else "".join(self.value)
        inline = "".join(self.inline or ())
        if self.formula is None and not value and not inline:
            return  # an empty (perhaps formatted) cell is no content
        address = f"{_column_letters(self.column)}{self.row}"
        if self.row > MAX_ROWS:
            raise WorkbookUnreadable(
                message(
                    "workbook_too_many_rows",
                    path=self.path,
                    sheet=quote(self.sheet),
                    cell=address,
                    limit=MAX_ROWS,
                )
            )
        if self.column > MAX_COLUMNS:
            raise WorkbookUnreadable(
                message(
                    "workbook_too_many_columns",
                    path=self.path,
                    sheet=quote(self.sheet),
                    cell=address,
                    last=get_column_letter(MAX_COLUMNS),
                )
            )
        self.extent.rows = max(self.extent.rows, self.row)
        self.extent.columns = max(self.extent.columns, self.column)
        if self.formula is not None:
            formula = "".join(self.formula)
            self.extent.formulas.append(FormulaCell(self.row, self.column, formula, value or None))

    def broken(self) -> WorkbookUnreadable:
        return WorkbookUnreadable(message("workbook_damaged", path=self.path))


def _number(text: str | None, default: int, scanner: SheetScanner) -> int:
    if text is None:
        return default
    if not text.isdigit():
        raise scanner.broken()
    return int(text)


def _column_letters(column: int) -> str:
    """Column letters, also beyond Excel's last column XFD (for addresses in messages)."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters

"""What `strategie import xlsx` found and would do: the `ImportPlan` with its row errors,
field changes and notes (xlsx_import.py computes it, the CLI shows it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from generator.exports.columns import Cell
from generator.model import Strategy
from generator.problems import Problem


@dataclass(frozen=True, order=True)
class RowError:
    """A problem in one row (and column) of the workbook; row None: the workbook as a whole."""

    row: int
    column: int
    key: str
    message: str

    def format(self, workbook: str, label: str = "") -> str:
        """`mappe.xlsx: Zeile 5, Spalte C (titel): [label: ]message`."""
        where = f"Zeile {self.row}" if self.row else "Arbeitsmappe"
        if self.column:
            where += f", Spalte {get_column_letter(self.column)}"
            where += f" ({self.key})" if self.key else ""
        return f"{workbook}: {where}: {label + ': ' if label else ''}{self.message}"


@dataclass(frozen=True)
class FieldChange:
    """One value taken from the workbook into a file."""

    measure: str
    file: str
    column: str
    old: Cell
    new: Cell


@dataclass
class ImportPlan:
    """What an import would do. Written only when `data_problems` and `errors` are empty."""

    data_problems: list[Problem] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    #: New file contents by path.
    texts: dict[Path, str] = field(default_factory=dict)
    #: Warnings the changed data has and the data before did not have.
    warnings: list[Problem] = field(default_factory=list)
    #: What the import changed in a cell's text on the way (line breaks removed), by cell.
    notes: list[RowError] = field(default_factory=list)
    #: The strategy before and after the import (for the semantic change summary).
    before: Strategy | None = None
    after: Strategy | None = None

    @property
    def ok(self) -> bool:
        return not self.data_problems and not self.errors

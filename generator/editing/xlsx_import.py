"""Take edited values from a workbook back into the YAML files (`strategie import xlsx`).

In: the strategy folder and a workbook written by `strategie export xlsx`. Out: an
`ImportPlan` — the field changes, the new text of every changed file, and every problem found
(`RowError`s naming row and column, in German). `apply_import` writes the files; it is only
called for a plan without errors, so an import changes all its files or none.

Which cells count as edited: those that differ from the workbook's hidden export copy (so a
stale workbook never reverts newer YAML edits in cells nobody touched; a cell edited in both
places is a conflict). Without that copy, cells that differ from the YAML. Only the editable
columns are taken; the new texts come from yamledit (untouched lines stay byte-identical) and
are validated as a whole with load_strategy on a temporary copy before anything is written.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from openpyxl.utils import get_column_letter

from generator.check.validate import load_strategy
from generator.editing.import_plan import FieldChange, ImportPlan, RowError
from generator.editing.translation_import import display_path, translation_texts
from generator.editing.workbook_reader import FormulaCell, read_workbook
from generator.editing.yamledit import Edit, UneditableYaml, apply_edits
from generator.exports.columns import Cell, Column, measure_columns
from generator.exports.translation_columns import split_translation_key
from generator.exports.workbook import (
    RATING_SOURCES,
    SHEET_MEASURES,
    SHEET_SNAPSHOT,
    cell_date,
    cell_integer,
    cell_text,
    normalise_cell,
    same_cell,
)
from generator.files import write_files_atomically
from generator.model import Measure, NotRated, Rating, Strategy, TimeFrame
from generator.problems import Problem, Severity, message, quote, suggest

#: Where each editable column lives in a measure file.
PATHS: dict[str, tuple[str, ...]] = {
    "titel": ("titel",),
    "kurzbeschreibung": ("kurzbeschreibung",),
    "status": ("status",),
    "status_seit": ("status_seit",),
    "fortschritt": ("fortschritt",),
    "zeitraum_beginn": ("zeitraum", "beginn"),
    "zeitraum_ende": ("zeitraum", "ende"),
    "verantwortlich": ("verantwortlich",),
    "aktualisiert": ("aktualisiert",),
    "bewertung_quelle": ("bewertung", "quelle"),
    "bewertung_stand": ("bewertung", "stand"),
}
#: Key order of the mappings a new key may be inserted into (the models' field order).
KEY_ORDER: dict[tuple[str, ...], list[str]] = {
    (): list(Measure.model_fields),
    ("zeitraum",): list(TimeFrame.model_fields),
    ("bewertung",): list(Rating.model_fields),
}
#: Line breaks as a spreadsheet cell may hold them (Alt+Enter gives "\n", some programs
#: "\r\n"; the others as str.split() knows them).
_LINE_BREAK = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
REQUIRED = {"titel", "kurzbeschreibung", "status", "status_seit", "zeitraum_beginn"}
REQUIRED |= {"verantwortlich", "bewertung_quelle", "aktualisiert"}


def plan_import(strategy_dir: Path, workbook: Path) -> ImportPlan:
    """Read the workbook, check every row, and compute and validate the new file texts.

    Raises workbook_reader.WorkbookUnreadable for a file that is not a usable workbook.
    """
    strategy, before = load_strategy(strategy_dir)
    if strategy is None:
        return ImportPlan(data_problems=[p for p in before if p.severity is Severity.ERROR])
    content = read_workbook(workbook, SHEET_MEASURES, SHEET_SNAPSHOT)
    plan = ImportPlan(before=strategy)
    columns = {column.key: column for column in measure_columns(strategy)}
    header = _read_header(content.rows[0] if content.rows else (), columns, plan)
    # A formula is never taken, neither its stored result nor (without one) an empty cell.
    formulas = {(cell.row, cell.column): cell for cell in content.formulas}
    for cell in content.formulas:
        plan.errors.append(_formula_error(cell, header))
    if "id" not in header:
        plan.errors.append(
            RowError(
                1,
                0,
                "",
                "Die Spalte „id“ fehlt; ohne sie lässt sich keine Zeile einer Maßnahme zuordnen.",
            )
        )
        return plan
    snapshot = _snapshot(content.snapshot, columns)
    measures = {measure.id: measure for measure in strategy.massnahmen}
    rows: dict[str, int] = {}
    for number, values in enumerate(content.rows[1:], 2):
        cells = {
            key: normalise_cell(values[i] if i < len(values) else None)
            for key, i in header.items()
            if (number, i + 1) not in formulas
        }
        if "id" not in cells or all(value is None for value in cells.values()):
            continue
        measure_id = cells["id"]
        if not isinstance(measure_id, str) or measure_id not in measures:
            known = sorted(measures)
            hint = suggest(str(measure_id), known) if measure_id is not None else ""
            text = (
                message("import_unknown_id", id=quote(measure_id), hint=hint)
                if measure_id
                else message("import_missing_id")
            )
            plan.errors.append(RowError(number, header["id"] + 1, "id", text))
            continue
        if measure_id in rows:
            plan.errors.append(
                RowError(
                    number,
                    header["id"] + 1,
                    "id",
                    message("import_duplicate_id", id=quote(measure_id), row=rows[measure_id]),
                )
            )
            continue
        rows[measure_id] = number
        row = _Row(number, measures[measure_id], header, columns, strategy, plan)
        row.collect(cells, snapshot.get(measure_id))
        edits = row.edits()
        if edits:
            _apply(strategy_dir, strategy, row, edits, plan)
        if any(split_translation_key(key) for key in row.new):
            _apply_translations(strategy_dir, strategy, row, plan)
    # Rows without errors are checked as a whole too, so that one run reports everything.
    _validate(strategy_dir, strategy, before, rows, plan)
    return plan


def _formula_error(cell: FormulaCell, header: dict[str, int]) -> RowError:
    key = next((key for key, index in header.items() if index + 1 == cell.column), "")
    formula = quote(f"={cell.formula}") if cell.formula else "(eine geteilte Formel)"
    if cell.cached is None:
        text = message("workbook_formula_without_result", formula=formula)
    else:
        text = message("workbook_formula", formula=formula, result=quote(cell.cached))
    return RowError(cell.row, cell.column, key, text)


def _read_header(
    values: Sequence[object], columns: dict[str, Column], plan: ImportPlan
) -> dict[str, int]:
    header: dict[str, int] = {}
    for index, value in enumerate(values):
        key = normalise_cell(value)
        if key is None:
            continue
        if not isinstance(key, str) or key not in columns:
            text = message(
                "import_unknown_column",
                key=quote(key),
                hint=suggest(str(key), columns),
                known=", ".join(columns),
            )
            plan.errors.append(RowError(1, index + 1, str(key), text))
        elif key in header:
            where = get_column_letter(header[key] + 1)
            text = message("import_duplicate_column", key=quote(key), where=where)
            plan.errors.append(RowError(1, index + 1, key, text))
        else:
            header[key] = index
    return header


def _snapshot(
    rows: Sequence[Sequence[object]] | None, columns: dict[str, Column]
) -> dict[str, dict[str, Cell]]:
    """The exported values by measure id and column (empty without an export copy)."""
    if not rows:
        return {}
    keys = [normalise_cell(value) for value in rows[0]]
    result: dict[str, dict[str, Cell]] = {}
    for values in rows[1:]:
        cells = {str(k): normalise_cell(v) for k, v in zip(keys, values, strict=False) if k}
        if isinstance(cells.get("id"), str):
            result[str(cells["id"])] = cells
    return result


class _Row:
    """One row of the workbook: its edited cells, checked and turned into YAML edits."""

    def __init__(
        self,
        number: int,
        measure: Measure,
        header: dict[str, int],
        columns: dict[str, Column],
        strategy: Strategy,
        plan: ImportPlan,
    ) -> None:
        self.number, self.measure, self.header = number, measure, header
        self.columns, self.strategy, self.plan = columns, strategy, plan
        self.current = {key: column.value(measure) for key, column in columns.items()}
        self.new: dict[str, Cell] = {}

    def error(self, key: str, message: str) -> None:
        column = self.header[key] + 1 if key in self.header else 0
        self.plan.errors.append(RowError(self.number, column, key, message))

    def note(self, key: str) -> None:
        """Line breaks in a one-paragraph text cell become spaces; say so, naming the cell."""
        column = self.header[key] + 1 if key in self.header else 0
        kind = "eine einzelne Zeile" if key == "titel" else "ein einzelner Absatz"
        file = self.strategy.dateien[self.measure.id]
        text = message("import_line_breaks", field=key, kind=kind, file=file)
        self.plan.notes.append(RowError(self.number, column, key, text))

    def collect(self, cells: dict[str, Cell], exported: dict[str, Cell] | None) -> None:
        for key, raw in cells.items():
            base = exported.get(key) if exported is not None else self.current[key]
            if key == "id" or same_cell(raw, base):
                continue
            column = self.columns[key]
            if not column.editable:
                self.error(
                    key,
                    message(
                        "import_column_not_editable",
                        value=quote(cell_text(base)),
                        file=self.strategy.dateien[self.measure.id],
                    ),
                )
                continue
            ok, value = self.parse(key, raw)
            if not ok or value == self.current[key]:
                continue
            if exported is not None:
                ok_base, exported_value = self.parse(key, base, report=False)
                # Both sides as the import reads them: a text with a tab or a line break in
                # the YAML is no conflict just because its cell reads back with spaces.
                _, current = self.parse(key, normalise_cell(self.current[key]), report=False)
                if not ok_base or exported_value != current:
                    self.error(
                        key,
                        message(
                            "import_changed_in_both",
                            current=quote(cell_text(self.current[key])),
                            exported=quote(cell_text(base)),
                        ),
                    )
                    continue
            self.new[key] = value

    def parse(self, key: str, raw: Cell, *, report: bool = True) -> tuple[bool, Cell]:
        """The typed value of a cell, or (False, None) after reporting what is wrong."""
        problem = None
        value: Cell = raw
        document = self.strategy.strategie
        choices = {
            "status": [status.id for status in document.status],
            "verantwortlich": [actor.id for actor in self.strategy.akteure],
            "bewertung_quelle": list(RATING_SOURCES),
        }
        scheme = document.bewertung
        ranges = {"fortschritt": (0, 100), "zeitraum_beginn": (1990, 2100)}
        ranges["zeitraum_ende"] = (1990, 2100)
        ranges |= {f"bewertung_{c.id}": (scheme.minimum, scheme.maximum) for c in scheme.kriterien}
        kind = self.columns[key].kind
        if raw is None:
            problem = message("import_cell_empty") if key in REQUIRED else None
        elif key in choices:
            if str(raw) not in choices[key]:
                problem = message(
                    "import_cell_not_allowed",
                    value=quote(raw),
                    hint=suggest(str(raw), choices[key]),
                    allowed=", ".join(choices[key]),
                )
            value = str(raw)
        elif kind == "Datum":
            value = cell_date(raw)
            if value is None:
                problem = message("import_cell_not_a_date", value=quote(raw))
        elif kind == "Ganzzahl":
            value = cell_integer(raw)
            low, high = ranges[key]
            if value is None:
                problem = message("import_cell_not_an_integer", value=quote(raw))
            elif not low <= int(value) <= high:
                problem = message(
                    "import_cell_out_of_range", value=quote(value), low=low, high=high
                )
        else:
            value = " ".join(str(raw).split())
            if report and _LINE_BREAK.search(str(raw).strip()):
                self.note(key)
        if problem and report:
            self.error(key, problem)
        return problem is None, None if problem else value

    def edits(self) -> list[Edit]:
        """The YAML edits for this row's new values (rating sections checked as a whole)."""
        rating_keys = ["bewertung_quelle", "bewertung_stand"]
        rating_keys += [f"bewertung_{c.id}" for c in self.strategy.strategie.bewertung.kriterien]
        edits = [Edit(PATHS[key], value) for key, value in self.new.items() if key in PATHS]
        if not any(key in self.new for key in rating_keys):
            return edits
        wanted = {key: self.new.get(key, self.current[key]) for key in rating_keys}
        details = rating_keys[1:]
        if wanted["bewertung_quelle"] == "nicht bewertet":
            filled = [key for key in details if wanted[key] is not None]
            for key in filled:
                self.error(key, message("import_not_rated_cell_filled"))
            if filled or isinstance(self.measure.bewertung, NotRated):
                return edits
            return [e for e in edits if e.path[0] != "bewertung"] + [
                Edit(("bewertung",), {"quelle": "nicht bewertet"})
            ]
        missing = [key for key in details if wanted[key] is None]
        for key in missing:
            self.error(key, message("import_rated_cell_empty"))
        if missing:
            return edits
        if isinstance(self.measure.bewertung, NotRated):
            section: dict[str, Any] = {
                "quelle": wanted["bewertung_quelle"],
                "stand": wanted["bewertung_stand"],
                "werte": {key.removeprefix("bewertung_"): wanted[key] for key in details[1:]},
            }
            return [e for e in edits if e.path[0] != "bewertung"] + [Edit(("bewertung",), section)]
        return edits + [
            Edit(("bewertung", "werte", key.removeprefix("bewertung_")), self.new[key])
            for key in details[1:]
            if key in self.new
        ]


def _measure_file(strategy_dir: Path, strategy: Strategy, measure_id: str) -> Path:
    """The file of a measure; `dateien` holds paths as shown, below "strategy/"."""
    shown = PurePosixPath(strategy.dateien[measure_id])
    return strategy_dir.joinpath(*shown.parts[1:])


def _apply(
    strategy_dir: Path, strategy: Strategy, row: _Row, edits: list[Edit], plan: ImportPlan
) -> None:
    if any(error.row == row.number for error in plan.errors):
        return
    path = _measure_file(strategy_dir, strategy, row.measure.id)
    try:
        plan.texts[path] = apply_edits(path.read_bytes().decode("utf-8"), edits, KEY_ORDER)
    except UneditableYaml:
        row.error("id", message("import_file_uneditable", file=strategy.dateien[row.measure.id]))
        return
    for key, value in row.new.items():
        if split_translation_key(key):
            continue
        plan.changes.append(
            FieldChange(
                row.measure.id, strategy.dateien[row.measure.id], key, row.current[key], value
            )
        )


def _apply_translations(
    strategy_dir: Path, strategy: Strategy, row: _Row, plan: ImportPlan
) -> None:
    """The row's translation cells into the translation files (one per language)."""
    if any(error.row == row.number for error in plan.errors):
        return
    updated = row.new.get("aktualisiert", row.measure.aktualisiert)
    assert isinstance(updated, date)
    measure_id = row.measure.id
    try:
        texts = translation_texts(strategy_dir, strategy, row.measure, row.new, updated)
    except UneditableYaml:
        row.error(
            "id",
            f"Eine Übersetzungsdatei von {measure_id} ist anders formatiert als üblich und "
            "kann nicht automatisch geändert werden. Ändern Sie die Werte dort von Hand.",
        )
        return
    plan.texts.update(texts)
    for key, value in row.new.items():
        split = split_translation_key(key)
        if split is not None:
            file = display_path(strategy, measure_id, split[1])
            plan.changes.append(FieldChange(measure_id, file, key, row.current[key], value))


def _validate(
    strategy_dir: Path,
    strategy: Strategy,
    before: list[Problem],
    rows: dict[str, int],
    plan: ImportPlan,
) -> None:
    """Check the changed data as a whole, on a copy; map new problems to their rows."""
    if not plan.texts:
        return
    by_file = {path: measure_id for measure_id, path in strategy.dateien.items()}
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "strategy"
        shutil.copytree(strategy_dir, copy)
        for path, text in plan.texts.items():
            target = copy / path.relative_to(strategy_dir)
            target.parent.mkdir(parents=True, exist_ok=True)  # a new translation file
            target.write_bytes(text.encode("utf-8"))
        plan.after, after = load_strategy(copy)
    # Lines shift when a key is added or removed, so problems are compared without them.
    known = {(p.file, p.code, p.message) for p in before}
    for found in after:
        if (found.file, found.code, found.message) in known:
            continue
        if found.severity is not Severity.ERROR:
            plan.warnings.append(found)
            continue
        row = rows.get(by_file.get(found.file, ""), 0)
        text = message("import_after_import", problem=found.format())
        plan.errors.append(RowError(row, 0, "", text))


def apply_import(plan: ImportPlan) -> None:
    """Write every changed file: all temporary files first, then each replaced atomically."""
    if not plan.ok:
        raise ValueError("refusing to apply an import plan with errors")
    write_files_atomically({path: text.encode("utf-8") for path, text in plan.texts.items()})

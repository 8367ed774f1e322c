"""Spreadsheet round trip: `strategie export xlsx`, edit with openpyxl, `strategie import xlsx`."""

from __future__ import annotations

import difflib
import io
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from repo_paths import REPO as ROOT

from generator.check.validate import load_strategy
from generator.cli.commands import main
from generator.editing.xlsx_import import KEY_ORDER
from generator.editing.yamledit import Edit, apply_edits
from generator.exports.workbook import render_workbook

CASE = ROOT / "tests" / "data" / "minimal"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(CASE, tmp_path / "strategy")
    return tmp_path


def _texts(project: Path) -> dict[str, str]:
    return {
        path.relative_to(project).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((project / "strategy").rglob("*"))
        if path.is_file()
    }


def _export(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = project / "massnahmen.xlsx"
    assert main(["--projekt", str(project), "export", "xlsx", "--out", str(target)]) == 0
    capsys.readouterr()
    return target


def _edit(workbook: Path, changes: dict[tuple[str, str], Any], target: Path | None = None) -> Path:
    """Set cells by (measure id, column key) and save, as an editor's spreadsheet would."""
    book = load_workbook(workbook)
    sheet = book["Maßnahmen"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    for (measure, key), value in changes.items():
        rows[measure][header.index(key)].value = value
    target = target or workbook
    book.save(target)
    return target


def _import(
    project: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    code = main(["--projekt", str(project), "import", "xlsx", str(workbook)])
    out, err = capsys.readouterr()
    return code, out, err


def _changed_lines(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    """Per changed file, the removed and added lines of a line diff."""
    changed = {}
    for name in sorted(set(before) | set(after)):
        if before.get(name) == after.get(name):
            continue
        diff = difflib.ndiff(before[name].splitlines(), after[name].splitlines())
        changed[name] = [line for line in diff if line[:2] in ("- ", "+ ")]
    return changed


def test_round_trip_changes_exactly_the_edited_fields(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Edited status and rating change exactly those lines of those files, nothing else."""
    workbook = _export(project, capsys)
    before = _texts(project)
    _edit(
        workbook,
        {
            ("VER-02", "status"): "in-umsetzung",
            ("VER-02", "status_seit"): date(2023, 2, 1),
            ("LAB-01", "bewertung_dringlichkeit"): 1,
        },
    )
    code, out, err = _import(project, workbook, capsys)
    assert (code, err) == (0, "")
    after = _texts(project)
    old_rating = next(
        line
        for line in before["strategy/massnahmen/labor/lab-01.yml"].splitlines()
        if line.startswith("    dringlichkeit:")
    )
    assert _changed_lines(before, after) == {
        "strategy/massnahmen/labor/lab-01.yml": [f"- {old_rating}", "+     dringlichkeit: 1"],
        "strategy/massnahmen/verwaltung/ver-02.yml": [
            "- status: geplant",
            "+ status: in-umsetzung",
            '- status_seit: "2023-01-15"',
            '+ status_seit: "2023-02-01"',
        ],
    }
    assert out.splitlines()[0] == (
        "Übernommen: 3 Änderungen in 2 Dateien: strategy/massnahmen/labor/lab-01.yml, "
        "strategy/massnahmen/verwaltung/ver-02.yml"
    )
    assert "  VER-02: Status geplant → in Umsetzung" in out.splitlines()
    strategy, problems = load_strategy(project / "strategy")
    assert strategy is not None and problems == []


def test_invalid_rows_abort_with_german_errors_and_change_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each invalid cell is reported in German by row and column; exit 1, no file changes."""
    workbook = _export(project, capsys)
    before = _texts(project)
    strategy, _ = load_strategy(project / "strategy")
    assert strategy is not None
    partners = "; ".join(next(m for m in strategy.massnahmen if m.id == "LAB-02").partner)
    _edit(
        workbook,
        {
            ("VER-01", "status"): "laufend",
            ("VER-02", "bewertung_wichtigkeit"): 7,
            ("LAB-01", "fortschritt"): "viel",
            ("LAB-02", "partner"): partners + "; neu",
            ("VER-03", "id"): "VER-09",
        },
    )
    book = load_workbook(workbook)
    book["Maßnahmen"].cell(1, 28).value = "farbe"
    book.save(workbook)
    code, out, err = _import(project, workbook, capsys)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "massnahmen.xlsx: Zeile 1, Spalte AB (farbe): Unbekannte Spalte „farbe“. Bekannt sind: "
        "id, titel, leitthema, handlungsfeld, status, status_seit, fortschritt, "
        "zeitraum_beginn, zeitraum_ende, raumbezug, stadtteile, verantwortlich, partner, "
        "bewertung_quelle, bewertung_stand, bewertung_wichtigkeit, bewertung_dringlichkeit, "
        "bewertung_zielgenauigkeit, bewertung_umsetzbarkeit, prioritaet, sdgs, charta, "
        "beispielmassnahme, aktualisiert, kurzbeschreibung, seite, status_seit_genauigkeit.",
        "massnahmen.xlsx: Zeile 2, Spalte G (fortschritt): Erwartet wird eine ganze Zahl, "
        "gefunden „viel“.",
        "massnahmen.xlsx: Zeile 3, Spalte M (partner): Diese Spalte lässt sich nicht über die "
        f"Tabelle ändern. Setzen Sie den Wert zurück auf „{partners}“; geändert wird er in "
        "der Datei "
        "strategy/massnahmen/labor/lab-02.yml.",
        "massnahmen.xlsx: Zeile 4, Spalte E (status): „laufend“ ist nicht erlaubt. Erlaubt: "
        "geplant, in-umsetzung, abgeschlossen, eingestellt.",
        "massnahmen.xlsx: Zeile 5, Spalte P (bewertung_wichtigkeit): „7“ liegt außerhalb des "
        "erlaubten Bereichs 1 bis 5.",
        "massnahmen.xlsx: Zeile 6, Spalte A (id): Die Kennung „VER-09“ gibt es nicht. Meinten "
        "Sie „VER-03“?",
        "Import abgebrochen: 6 Fehler in der Arbeitsmappe; keine Datei wurde geändert.",
    ]
    assert _texts(project) == before


def test_one_invalid_row_blocks_valid_ones(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A valid edit in one row is not written when another row is invalid."""
    workbook = _export(project, capsys)
    before = _texts(project)
    _edit(workbook, {("VER-02", "status"): "abgeschlossen", ("VER-01", "status"): "fertig"})
    code, _, err = _import(project, workbook, capsys)
    assert code == 1
    assert "Zeile 4, Spalte E (status): „fertig“ ist nicht erlaubt." in err
    assert _texts(project) == before


def test_whole_result_is_validated(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Cross-checks run on the result; their errors name the row, nothing is written."""
    workbook = _export(project, capsys)
    before = _texts(project)
    _edit(workbook, {("VER-02", "status_seit"): "01.01.2030"})
    code, _, err = _import(project, workbook, capsys)
    lines = err.splitlines()
    assert code == 1
    assert lines[0].startswith(
        "massnahmen.xlsx: Zeile 5: Nach dem Übernehmen: "
        "strategy/massnahmen/verwaltung/ver-02.yml:9:"
    )
    assert "liegt nach dem Stand der Maßnahme" in lines[0]
    assert _texts(project) == before


def test_unchanged_workbook_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Importing a workbook as exported writes nothing and says so."""
    workbook = _export(project, capsys)
    before = _texts(project)
    code, out, err = _import(project, workbook, capsys)
    assert (code, err) == (0, "")
    assert out == "Keine Änderungen: Die Arbeitsmappe stimmt mit den YAML-Dateien überein.\n"
    assert _texts(project) == before


def test_stale_workbook_keeps_newer_yaml_and_reports_conflicts(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Untouched cells never revert newer YAML edits; edits on both sides are conflicts."""
    workbook = _export(project, capsys)
    measure = project / "strategy" / "massnahmen" / "verwaltung" / "ver-01.yml"
    measure.write_text(
        measure.read_text(encoding="utf-8").replace("fortschritt: 40", "fortschritt: 60"),
        encoding="utf-8",
    )
    _edit(workbook, {("VER-02", "fortschritt"): 5})
    code, _, err = _import(project, workbook, capsys)
    assert (code, err) == (0, "")
    assert "fortschritt: 60" in measure.read_text(encoding="utf-8")
    assert "fortschritt: 5\n" in (measure.parent / "ver-02.yml").read_text(encoding="utf-8")

    _edit(workbook, {("VER-01", "fortschritt"): 70})
    code, _, err = _import(project, workbook, capsys)
    assert code == 1
    assert err.splitlines()[0] == (
        "massnahmen.xlsx: Zeile 4, Spalte G (fortschritt): Der Wert wurde seit dem Export auch "
        "in der YAML-Datei geändert (jetzt „60“, beim Export „40“). Exportieren Sie neu und "
        "tragen Sie Ihre Änderung dort ein."
    )


def test_rating_switches_between_rated_and_not_rated(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ratings switch between rated and „nicht bewertet“; leftover values are errors."""
    workbook = _export(project, capsys)
    criteria = ["wichtigkeit", "dringlichkeit", "zielgenauigkeit", "umsetzbarkeit"]
    changes: dict[tuple[str, str], Any] = {
        ("LAB-02", "bewertung_quelle"): "offiziell",
        ("LAB-02", "bewertung_stand"): "2024-02-01",
    }
    changes |= {("LAB-02", f"bewertung_{name}"): 3 for name in criteria}
    changes[("LAB-01", "bewertung_quelle")] = "nicht bewertet"
    _edit(workbook, changes)
    code, _, err = _import(project, workbook, capsys)
    assert code == 1
    assert [line.split(": ")[1] for line in err.splitlines()[:-1]] == [
        f"Zeile 2, Spalte {letter} (bewertung_{name})"
        for letter, name in zip("OPQRS", ["stand", *criteria], strict=True)
    ]

    changes |= {("LAB-01", f"bewertung_{name}"): None for name in ["stand", *criteria]}
    _edit(workbook, changes)
    code, _, err = _import(project, workbook, capsys)
    assert (code, err) == (0, "")
    lab_02 = (project / "strategy" / "massnahmen" / "labor" / "lab-02.yml").read_text()
    assert (
        "bewertung:\n  quelle: offiziell\n  stand: 2024-02-01\n  werte:\n    wichtigkeit: 3\n"
        "    dringlichkeit: 3\n    zielgenauigkeit: 3\n    umsetzbarkeit: 3\n"
    ) in lab_02
    lab_01 = (project / "strategy" / "massnahmen" / "labor" / "lab-01.yml").read_text()
    assert "bewertung:\n  quelle: nicht bewertet\n" in lab_01
    strategy, problems = load_strategy(project / "strategy")
    assert strategy is not None and problems == []


def test_unreadable_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not a workbook ends with a German message and exit 1."""
    fake = project / "kaputt.xlsx"
    fake.write_text("keine Tabelle", encoding="utf-8")
    code, out, err = _import(project, fake, capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"Import abgebrochen: Die Datei {fake} ist keine lesbare Excel-Arbeitsmappe (.xlsx). "
        "Speichern Sie sie im Format „Excel-Arbeitsmappe (.xlsx)“.\n"
    )


def test_workbook_without_id_column(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet without the id column cannot be matched to measures: one error, exit 1."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Maßnahmen"
    sheet.append(["titel", "status"])
    sheet.append(["Neu", "geplant"])
    book.save(project / "ohne-id.xlsx")
    code, _, err = _import(project, project / "ohne-id.xlsx", capsys)
    assert code == 1
    assert err.splitlines()[0] == (
        "ohne-id.xlsx: Zeile 1: Die Spalte „id“ fehlt; ohne sie lässt sich keine Zeile einer "
        "Maßnahme zuordnen."
    )


def test_editable_workbook(project: Path) -> None:
    """Editing workbook: deterministic, dropdowns, locked read-only cells, hidden export copy."""
    strategy, _ = load_strategy(project / "strategy")
    assert strategy is not None
    data = render_workbook(strategy, editable=True)
    assert render_workbook(strategy, editable=True) == data
    book = load_workbook(io.BytesIO(data))
    assert [(name, book[name].sheet_state) for name in book.sheetnames] == [
        ("Maßnahmen", "visible"),
        ("Hinweise", "visible"),
        ("Listen", "hidden"),
        ("Export", "veryHidden"),
    ]
    sheet = book["Maßnahmen"]
    assert sheet.protection.sheet
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, header.index("id") + 1).protection.locked
    assert sheet.cell(2, header.index("partner") + 1).protection.locked
    assert not sheet.cell(2, header.index("status") + 1).protection.locked
    validated = {str(v.sqref).split(":")[0][:-1]: v for v in sheet.data_validations.dataValidation}
    for key in ("status", "verantwortlich", "bewertung_quelle", "bewertung_wichtigkeit"):
        letter = sheet.cell(1, header.index(key) + 1).column_letter
        assert validated[letter].type == "list", key
    notes = [row[0] for row in book["Hinweise"].iter_rows(values_only=True) if row[0]]
    assert "Bearbeiten" in notes


def test_yaml_edits_keep_every_other_line(tmp_path: Path) -> None:
    """In every bundled measure file, edits change only their own lines; YAML 1.1 traps quoted."""
    for path in sorted((ROOT / "strategy" / "massnahmen").glob("*/*.yml")):
        text = path.read_text(encoding="utf-8")
        edits = [Edit(("status",), "verschoben"), Edit(("titel",), "no")]
        if "fortschritt:" not in text:
            edits.append(Edit(("fortschritt",), 0))
        edited = apply_edits(text, edits, KEY_ORDER)
        diff = [
            line
            for line in difflib.ndiff(text.splitlines(), edited.splitlines())
            if line[:2] in ("- ", "+ ")
        ]
        removed = [line[2:].split(":")[0] for line in diff if line.startswith("- ")]
        added = [line[2:] for line in diff if line.startswith("+ ")]
        assert set(removed) <= {"status", "titel"}, path
        assert 'titel: "no"' in added, path
        assert ("status: verschoben" in added) == ("status: verschoben" not in text), path
        if "fortschritt:" not in text:
            lines = edited.splitlines()
            assert lines[lines.index("fortschritt: 0") - 1].startswith("status_seit"), path


def test_export_to_a_missing_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An export target that cannot be written ends with a German message, exit 1."""
    target = project / "fehlt" / "massnahmen.xlsx"
    assert main(["--projekt", str(project), "export", "xlsx", "--out", str(target)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"Export abgebrochen: Die Datei {target} kann nicht geschrieben werden (der Ordner "
        "fehlt). Prüfen Sie, ob der Ordner existiert und ob die Datei gerade in Excel "
        "geöffnet ist.\n"
    )


def test_line_breaks_in_text_cells_are_named_where_they_are_removed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Alt+Enter in a short description or title: the text is taken with spaces, and a note
    names the cell, the field and where paragraphs belong."""
    workbook = _export(project, capsys)
    sheet = load_workbook(workbook)["Maßnahmen"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2)}
    _edit(
        workbook,
        {
            ("VER-02", "kurzbeschreibung"): "Offene Daten.\nZum Herunterladen.",
            ("LAB-01", "titel"): "Reallabor\r\nim Park",
        },
    )
    code, out, err = _import(project, workbook, capsys)
    assert code == 0
    assert out.startswith("Übernommen: 2 Änderungen in 2 Dateien")
    text = (project / "strategy/massnahmen/verwaltung/ver-02.yml").read_text(encoding="utf-8")
    assert "kurzbeschreibung: Offene Daten. Zum Herunterladen.\n" in text
    title = (project / "strategy/massnahmen/labor/lab-01.yml").read_text(encoding="utf-8")
    assert "titel: Reallabor im Park\n" in title

    def column(key: str) -> str:
        return get_column_letter(header.index(key) + 1)

    assert err.splitlines() == [
        f"massnahmen.xlsx: Zeile {rows['LAB-01']}, Spalte {column('titel')} (titel): Hinweis: "
        "Die Zeilenumbrüche in dieser Zelle wurden durch Leerzeichen ersetzt, denn titel ist "
        "eine einzelne Zeile. Absätze und Listen gehören in die Beschreibung (beschreibung in "
        "strategy/massnahmen/labor/lab-01.yml).",
        f"massnahmen.xlsx: Zeile {rows['VER-02']}, Spalte {column('kurzbeschreibung')} "
        "(kurzbeschreibung): Hinweis: Die Zeilenumbrüche in dieser Zelle wurden durch "
        "Leerzeichen ersetzt, denn kurzbeschreibung ist ein einzelner Absatz. Absätze und "
        "Listen gehören in die Beschreibung (beschreibung in "
        "strategy/massnahmen/verwaltung/ver-02.yml).",
    ]


def test_unchanged_text_with_only_line_breaks_added_is_noted(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Line breaks alone change nothing, and the note says why they are gone."""
    workbook = _export(project, capsys)
    book = load_workbook(workbook)
    sheet = book["Maßnahmen"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "VER-02")
    current = str(row[header.index("kurzbeschreibung")].value)
    words = current.split(" ")
    changed = " ".join(words[:2]) + "\n" + " ".join(words[2:])
    _edit(workbook, {("VER-02", "kurzbeschreibung"): changed})
    code, out, err = _import(project, workbook, capsys)
    assert code == 0
    assert out.startswith("Keine Änderungen")
    assert "(kurzbeschreibung): Hinweis: Die Zeilenumbrüche in dieser Zelle" in err

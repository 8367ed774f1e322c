"""Translations in the workbook: a column per language, imported into the translation files."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from repo_paths import MINIMAL

from generator.check.validate import load_strategy
from generator.cli.commands import main

CASE = MINIMAL
ENGLISH = "strategy/uebersetzungen/en/massnahmen/verwaltung"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The minimal strategy with `sprachen: {weitere: [en]}` and one English measure."""
    shutil.copytree(CASE, tmp_path / "strategy")
    document = tmp_path / "strategy" / "strategie.yml"
    text = document.read_text(encoding="utf-8")
    document.write_text(
        text.replace("horizont: 2030\n", "horizont: 2030\nsprachen:\n  weitere: [en]\n"),
        encoding="utf-8",
    )
    folder = tmp_path / ENGLISH
    folder.mkdir(parents=True)
    (folder / "ver-02.yml").write_text(
        "# yaml-language-server: $schema=../../../../schemas/uebersetzung-massnahme.schema.json\n"
        "id: VER-02\nstand: 2023-02-01\ntitel: Open data\n",
        encoding="utf-8",
    )
    return tmp_path


def _export(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = project / "massnahmen.xlsx"
    assert main(["--projekt", str(project), "export", "xlsx", "--out", str(target)]) == 0
    capsys.readouterr()
    return target


def _edit(workbook: Path, changes: dict[tuple[str, str], Any]) -> None:
    book = load_workbook(workbook)
    sheet = book["Maßnahmen"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    for (measure, key), value in changes.items():
        rows[measure][header.index(key)].value = value
    book.save(workbook)


def test_workbook_has_a_column_per_language_and_field(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`titel (en)` and `kurzbeschreibung (en)` hold the English texts, empty where missing."""
    sheet = load_workbook(_export(project, capsys))["Maßnahmen"]
    header = [cell.value for cell in sheet[1]]
    assert header[-2:] == ["titel (en)", "kurzbeschreibung (en)"]
    rows = {row[0].value: [cell.value for cell in row] for row in sheet.iter_rows(min_row=2)}
    assert rows["VER-02"][-2:] == ["Open data", None]
    assert rows["VER-01"][-2:] == [None, None]


def test_import_writes_the_translation_files(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An edited English cell changes the English file (stand follows the German date); a
    cell for a measure without translation starts its file; the German files stay as they are."""
    workbook = _export(project, capsys)
    german = {p: p.read_bytes() for p in (project / "strategy" / "massnahmen").rglob("*.yml")}
    _edit(
        workbook,
        {
            ("VER-02", "kurzbeschreibung (en)"): "The city publishes its data openly.",
            ("VER-03", "titel (en)"): "Digital consultation hours",
        },
    )
    code = main(["--projekt", str(project), "import", "xlsx", str(workbook)])
    out, err = capsys.readouterr()
    assert code == 0, out
    # Only the note on missing translations (now two fewer) may appear, no warning.
    assert [
        line for line in err.splitlines() if "Hinweis: „en“: Für 94 Textfelder" not in line
    ] == []
    assert (project / ENGLISH / "ver-02.yml").read_text(encoding="utf-8").splitlines()[1:] == [
        "id: VER-02",
        "stand: 2023-02-01",
        "titel: Open data",
        "kurzbeschreibung: The city publishes its data openly.",
    ]
    assert (project / ENGLISH / "ver-03.yml").read_text(encoding="utf-8").splitlines() == [
        "# yaml-language-server: $schema=../../../../schemas/uebersetzung-massnahme.schema.json",
        "id: VER-03",
        "stand: 2022-07-01",
        "titel: Digital consultation hours",
    ]
    assert {p: p.read_bytes() for p in german} == german
    assert f"{ENGLISH}/ver-03.yml" in out
    assert out.split("Übersetzung „en“\n")[1].splitlines() == [
        "  Maßnahme VER-02: kurzbeschreibung neu übersetzt",
        "  Maßnahme VER-03: titel neu übersetzt",
    ]
    strategy, problems = load_strategy(project / "strategy")
    assert strategy is not None and not [p for p in problems if p.severity.value != "Hinweis"]
    assert strategy.uebersetzungen["en"].massnahmen["VER-03"].titel == "Digital consultation hours"


def test_german_only_workbook_has_no_translation_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without `sprachen` the workbook has no translation column (German site unchanged)."""
    shutil.copytree(CASE, tmp_path / "strategy")
    sheet = load_workbook(_export(tmp_path, capsys))["Maßnahmen"]
    assert not [cell.value for cell in sheet[1] if "(" in str(cell.value)]

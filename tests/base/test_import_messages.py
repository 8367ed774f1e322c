"""The row and cell messages of `strategie import xlsx`, from the catalogue, with exact texts."""

from __future__ import annotations

import pytest

from generator.problems import MESSAGES, Severity, message

#: code → (parameters, the exact German text).
EXPECTED: dict[str, tuple[dict[str, object], str]] = {
    "import_unknown_id": (
        {"id": "„VER-99“", "hint": " Meinten Sie „VER-09“?"},
        "Die Kennung „VER-99“ gibt es nicht. Meinten Sie „VER-09“?",
    ),
    "import_missing_id": ({}, "Die Kennung fehlt."),
    "import_duplicate_id": (
        {"id": "„VER-01“", "row": 3},
        "Die Kennung „VER-01“ steht schon in Zeile 3.",
    ),
    "import_unknown_column": (
        {"key": "„Name“", "hint": "", "known": "id, titel"},
        "Unbekannte Spalte „Name“. Bekannt sind: id, titel.",
    ),
    "import_duplicate_column": (
        {"key": "„titel“", "where": "B"},
        "Die Spalte „titel“ steht schon in Spalte B.",
    ),
    "import_column_not_editable": (
        {"value": "„VER“", "file": "strategy/massnahmen/verwaltung/ver-01.yml"},
        "Diese Spalte lässt sich nicht über die Tabelle ändern. Setzen Sie den Wert zurück auf "
        "„VER“; geändert wird er in der Datei strategy/massnahmen/verwaltung/ver-01.yml.",
    ),
    "import_changed_in_both": (
        {"current": "„neu“", "exported": "„alt“"},
        "Der Wert wurde seit dem Export auch in der YAML-Datei geändert (jetzt „neu“, beim "
        "Export „alt“). Exportieren Sie neu und tragen Sie Ihre Änderung dort ein.",
    ),
    "import_cell_empty": ({}, "Die Zelle darf nicht leer sein."),
    "import_cell_not_allowed": (
        {"value": "„fertig“", "hint": "", "allowed": "geplant, abgeschlossen"},
        "„fertig“ ist nicht erlaubt. Erlaubt: geplant, abgeschlossen.",
    ),
    "import_cell_not_a_date": (
        {"value": "„morgen“"},
        "Erwartet wird ein Datum wie 2026-11-01 oder 01.11.2026, gefunden „morgen“.",
    ),
    "import_cell_not_an_integer": (
        {"value": "„viel“"},
        "Erwartet wird eine ganze Zahl, gefunden „viel“.",
    ),
    "import_cell_out_of_range": (
        {"value": "„120“", "low": 0, "high": 100},
        "„120“ liegt außerhalb des erlaubten Bereichs 0 bis 100.",
    ),
    "import_not_rated_cell_filled": ({}, "Bei „nicht bewertet“ bleibt diese Zelle leer."),
    "import_rated_cell_empty": ({}, "Bei einer Bewertung braucht diese Zelle einen Wert."),
    "import_file_uneditable": (
        {"file": "strategy/massnahmen/verwaltung/ver-01.yml"},
        "Die Datei strategy/massnahmen/verwaltung/ver-01.yml ist anders formatiert als üblich "
        "und kann nicht automatisch geändert werden, ohne weitere Zeilen zu verändern. Ändern "
        "Sie die Werte dort von Hand.",
    ),
    "import_after_import": (
        {"problem": "strategy/x.yml:1:1: Fehler: …"},
        "Nach dem Übernehmen: strategy/x.yml:1:1: Fehler: …",
    ),
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_import_message_text(code: str) -> None:
    """Each row or cell message of the import reads exactly as pinned, as an error."""
    params, text = EXPECTED[code]
    assert message(code, **params) == text
    assert MESSAGES[code][0] is Severity.ERROR


def test_every_import_message_is_pinned() -> None:
    """Every import_… code of the catalogue (but the line-break note) is pinned here."""
    codes = {code for code in MESSAGES if code.startswith("import_")} - {"import_line_breaks"}
    assert codes == set(EXPECTED)

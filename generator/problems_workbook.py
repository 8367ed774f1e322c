"""The German messages about reading a workbook (editing/workbook_reader.py, xlsx_import.py).

All of them are errors; `problems.MESSAGES` takes them in. Kept apart so that the catalogue's
module stays short. {path} is the workbook file.
"""

from __future__ import annotations

#: code → German template (str.format with named parameters); every one is an error.
WORKBOOK_MESSAGES: dict[str, str] = {
    "workbook_missing": "Die Datei {path} gibt es nicht.",
    "workbook_file_unreadable": (
        "Die Datei {path} kann nicht gelesen werden ({reason}). Geben Sie den Pfad einer "
        "Arbeitsmappe (.xlsx) an."
    ),
    "workbook_not_xlsx": (
        "Die Datei {path} ist keine lesbare Excel-Arbeitsmappe (.xlsx). Speichern Sie sie im "
        "Format „Excel-Arbeitsmappe (.xlsx)“."
    ),
    "workbook_file_too_large": (
        "Die Datei {path} ist mit {size} zu groß (höchstens {limit}). Exportieren Sie die "
        "Arbeitsmappe neu mit „strategie export xlsx“ und tragen Sie Ihre Änderungen dort ein."
    ),
    "workbook_too_many_parts": (
        "Die Datei {path} besteht aus {count} Teilen (höchstens {limit}); so ist keine "
        "Arbeitsmappe aus „strategie export xlsx“ aufgebaut. Exportieren Sie die Arbeitsmappe "
        "neu und tragen Sie Ihre Änderungen dort ein."
    ),
    "workbook_too_large_unpacked": (
        "Die Datei {path} wäre entpackt {size} groß (höchstens {limit}) und wird deshalb nicht "
        "gelesen. Exportieren Sie die Arbeitsmappe neu mit „strategie export xlsx“ und tragen "
        "Sie Ihre Änderungen dort ein."
    ),
    "workbook_packed_too_tightly": (
        "In der Datei {path} ist der Teil {part} {ratio}-fach gepackt (höchstens {limit}-fach); "
        "so etwas entsteht beim Speichern einer Tabelle nicht, die Datei wird aus "
        "Sicherheitsgründen nicht gelesen. Exportieren Sie die Arbeitsmappe neu mit „strategie "
        "export xlsx“ und tragen Sie Ihre Änderungen dort ein."
    ),
    "workbook_part_missing": (
        "Die Datei {path} ist unvollständig: Der Teil {part} fehlt. Öffnen Sie sie in Excel und "
        "speichern Sie sie erneut als „Excel-Arbeitsmappe (.xlsx)“."
    ),
    "workbook_damaged": (
        "Die Datei {path} ist beschädigt und lässt sich nicht lesen. Öffnen Sie sie in Excel und "
        "speichern Sie sie erneut als „Excel-Arbeitsmappe (.xlsx)“, oder exportieren Sie neu "
        "mit „strategie export xlsx“."
    ),
    "workbook_xml_error": (
        "Die Datei {path} ist beschädigt: Im Teil {part} ist das XML in Zeile {line}, Spalte "
        "{column} fehlerhaft. Öffnen Sie sie in Excel und speichern Sie sie erneut als "
        "„Excel-Arbeitsmappe (.xlsx)“, oder exportieren Sie neu mit „strategie export xlsx“."
    ),
    "workbook_doctype": (
        "Die Datei {path} enthält im Teil {part} eine Dokumenttyp-Deklaration (DOCTYPE). "
        "Tabellenprogramme schreiben so etwas nicht; die Datei wird aus Sicherheitsgründen "
        "nicht gelesen. Exportieren Sie neu mit „strategie export xlsx“."
    ),
    "workbook_sheet_missing": (
        "In {path} fehlt das Blatt {sheet}. Verwenden Sie eine Arbeitsmappe aus „strategie "
        "export xlsx“ und benennen Sie das Blatt nicht um."
    ),
    "workbook_not_a_worksheet": (
        "In {path} ist {sheet} kein Tabellenblatt (sondern etwa ein Diagramm). Verwenden Sie "
        "eine Arbeitsmappe aus „strategie export xlsx“."
    ),
    "workbook_too_many_rows": (
        "In {path} steht im Blatt {sheet} in Zelle {cell} noch etwas; gelesen werden nur die "
        "Zeilen 1 bis {limit}. Löschen Sie alles unterhalb der Tabelle (Zeilen markieren, dann "
        "„Zellen löschen“) und speichern Sie erneut."
    ),
    "workbook_too_many_columns": (
        "In {path} steht im Blatt {sheet} in Zelle {cell} noch etwas; gelesen werden nur die "
        "Spalten A bis {last}. Löschen Sie alles rechts der Tabelle (Spalten markieren, dann "
        "„Zellen löschen“) und speichern Sie erneut."
    ),
    "workbook_snapshot_formula": (
        "In {path} enthält das versteckte Blatt {sheet} in Zelle {cell} eine Formel: Es wurde "
        "außerhalb von „strategie export xlsx“ verändert. Exportieren Sie neu und tragen Sie "
        "Ihre Änderungen dort ein."
    ),
    "workbook_formula": (
        "Die Zelle enthält die Formel {formula} (Ergebnis {result}). Übernommen werden nur "
        "Werte: Tragen Sie den Wert selbst ein (in Excel: Zelle kopieren, dann „Einfügen → "
        "Werte einfügen“)."
    ),
    "workbook_formula_without_result": (
        "Die Zelle enthält die Formel {formula} ohne gespeichertes Ergebnis; gelesen würde "
        "eine leere Zelle. Übernommen werden nur Werte: Tragen Sie den Wert selbst ein (in "
        "Excel: Zelle kopieren, dann „Einfügen → Werte einfügen“)."
    ),
    # --- rows and cells of an imported workbook (editing/xlsx_import.py) ---
    "import_unknown_id": "Die Kennung {id} gibt es nicht.{hint}",
    "import_missing_id": "Die Kennung fehlt.",
    "import_duplicate_id": "Die Kennung {id} steht schon in Zeile {row}.",
    "import_unknown_column": "Unbekannte Spalte {key}.{hint} Bekannt sind: {known}.",
    "import_duplicate_column": "Die Spalte {key} steht schon in Spalte {where}.",
    "import_column_not_editable": (
        "Diese Spalte lässt sich nicht über die Tabelle ändern. Setzen Sie den Wert zurück auf "
        "{value}; geändert wird er in der Datei {file}."
    ),
    "import_changed_in_both": (
        "Der Wert wurde seit dem Export auch in der YAML-Datei geändert (jetzt {current}, "
        "beim Export {exported}). Exportieren Sie neu und tragen Sie Ihre Änderung dort ein."
    ),
    "import_cell_empty": "Die Zelle darf nicht leer sein.",
    "import_cell_not_allowed": "{value} ist nicht erlaubt.{hint} Erlaubt: {allowed}.",
    "import_cell_not_a_date": (
        "Erwartet wird ein Datum wie 2026-11-01 oder 01.11.2026, gefunden {value}."
    ),
    "import_cell_not_an_integer": "Erwartet wird eine ganze Zahl, gefunden {value}.",
    "import_cell_out_of_range": (
        "{value} liegt außerhalb des erlaubten Bereichs {low} bis {high}."
    ),
    "import_not_rated_cell_filled": "Bei „nicht bewertet“ bleibt diese Zelle leer.",
    "import_rated_cell_empty": "Bei einer Bewertung braucht diese Zelle einen Wert.",
    "import_file_uneditable": (
        "Die Datei {file} ist anders formatiert als üblich und kann nicht automatisch geändert "
        "werden, ohne weitere Zeilen zu verändern. Ändern Sie die Werte dort von Hand."
    ),
    "import_after_import": "Nach dem Übernehmen: {problem}",
}

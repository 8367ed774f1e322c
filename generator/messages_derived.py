"""German notes about the files outside strategy/ that are derived from the data.

Part of the message catalogue in problems.py (which merges this dictionary into MESSAGES):
code → ("Hinweis", German template with named parameters). The notes come from
check/derived_files.py; `strategie feldreferenz` renews the files. Kept apart so that the
catalogue's module stays small; every code is pinned by a case under tests/problems/derived/.
"""

from __future__ import annotations

DERIVED_MESSAGES: dict[str, tuple[str, str]] = {
    "allowed_values_stale": (
        "Hinweis",
        "Die Tabellen der erlaubten Werte passen nicht mehr zu den Daten (etwa neue Akteure, "
        "Status oder {themes}), sodass die Anleitung andere Kennungen nennt, als die Prüfung "
        "annimmt. Erneuern Sie sie mit „strategie feldreferenz“ und übernehmen Sie die "
        "geänderte Datei.",
    ),
    "proposal_form_stale": (
        "Hinweis",
        "Das Formular zum Vorschlagen einer Maßnahme bietet andere {themes} zur Auswahl an, "
        "als es in strategy/leitthemen/ gibt ({difference}). Erneuern Sie die Auswahl mit "
        "„strategie feldreferenz“ und übernehmen Sie die geänderte Datei.",
    ),
    "codeowners_folder_missing": (
        "Hinweis",
        "Für den Maßnahmenordner {folder} {des_theme} {title} fehlt eine Zeile, sodass "
        "Änderungen dort nur die Teams der allgemeinen Zeile zur Prüfung bekommen. Ergänzen "
        "Sie sie mit „strategie feldreferenz“ (die neue Zeile nennt die Teams der Zeile für "
        "/strategy/ oder „*“) und tragen Sie dann die zuständigen Teams ein.",
    ),
    "codeowners_path_unknown": (
        "Hinweis",
        "Den Pfad {path} gibt es im Projekt nicht (etwa der Maßnahmenordner {eines_theme} "
        "aus früheren Daten), sodass die Zeile nichts bewirkt. Löschen Sie die Zeile oder "
        "berichtigen Sie den Pfad; „strategie feldreferenz“ ergänzt nur fehlende Zeilen und "
        "ändert keine vorhandenen.",
    ),
}

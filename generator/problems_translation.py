"""The German messages about translations and the `sprachen` setting (check/translations.py).

`problems.MESSAGES` takes them in; kept apart so that the catalogue's module stays short.
code → (severity name as in `problems.Severity`, German template).
"""

from __future__ import annotations

TRANSLATION_MESSAGES: dict[str, tuple[str, str]] = {
    "language_code": (
        "Fehler",
        "{field}: {value} ist kein Sprachcode nach ISO 639-1. Schreiben Sie den Code mit zwei "
        "kleinen Buchstaben, zum Beispiel „en“ für Englisch oder „fr“ für Französisch.",
    ),
    "language_german": (
        "Fehler",
        "{field}: Deutsch („de“) ist die Ausgangssprache und steht immer auf der Website; "
        "löschen Sie „de“ aus der Liste.",
    ),
    "language_complete_unlisted": (
        "Fehler",
        "sprachen.vollstaendig: {value} steht nicht in sprachen.weitere. Nur eine "
        "veröffentlichte Sprache kann vollständig sein; ergänzen Sie {value} unter „weitere“ "
        "oder löschen Sie den Eintrag hier.",
    ),
    "language_unlisted": (
        "Hinweis",
        "Hier liegen Übersetzungen in der Sprache {language}, aber {language} steht nicht in "
        "sprachen.weitere in strategie.yml; sie werden geprüft, aber nicht veröffentlicht. "
        "Ergänzen Sie „sprachen: {{weitere: [{folder}]}}“, um sie zu veröffentlichen.",
    ),
    "translation_orphan": (
        "Warnung",
        "Zu dieser Übersetzung gibt es keine deutsche Datei {german}; sie wird nicht verwendet. "
        "Übersetzungen liegen unter demselben Pfad wie die deutsche Datei; verschieben Sie sie "
        "dorthin oder löschen Sie sie.",
    ),
    "translation_id_mismatch": (
        "Fehler",
        "{key}: Die Übersetzung nennt {value}, die deutsche Datei {german} aber {expected}. "
        "Eine Übersetzung gehört zu der deutschen Datei mit demselben Pfad; schreiben Sie "
        "„{key}: {expected_plain}“.",
    ),
    "translation_entry_unknown": (
        "Fehler",
        "{field}: Einen Eintrag mit {key} {value} gibt es in der deutschen Fassung nicht (dort: "
        "{known}). Übersetzungen werden über diesen Schlüssel zugeordnet; korrigieren Sie ihn "
        "oder löschen Sie den Eintrag.",
    ),
    "translation_entry_duplicate": (
        "Fehler",
        "{field}: Der Eintrag mit {key} {value} ist schon der {first}. Eintrag dieser Liste. "
        "Jeder Eintrag wird nur einmal übersetzt; löschen Sie einen der beiden.",
    ),
    "translation_length": (
        "Fehler",
        "{field}: Die Übersetzung hat {count} Einträge, die deutsche Fassung {expected}. Diese "
        "Liste wird nach der Reihenfolge zugeordnet; übersetzen Sie jeden Eintrag an derselben "
        "Stelle wie im Deutschen (oder lassen Sie die ganze Liste weg).",
    ),
    "translation_field_unused": (
        "Warnung",
        "{field}: Die deutsche Fassung hat hier keinen Text, also wird die Übersetzung nicht "
        "gezeigt. Löschen Sie sie oder ergänzen Sie zuerst den deutschen Text.",
    ),
    "translation_outdated": (
        "Hinweis",
        "Übersetzung möglicherweise veraltet: Sie wurde nach dem Stand {stand} übersetzt, die "
        "deutsche Datei {german} ist am {updated} aktualisiert worden. Gleichen Sie die "
        "Übersetzung an und setzen Sie „stand: {updated_plain}“.",
    ),
    "translation_outdated_complete": (
        "Warnung",
        "Übersetzung möglicherweise veraltet: Sie wurde nach dem Stand {stand} übersetzt, die "
        "deutsche Datei {german} ist am {updated} aktualisiert worden, und sprachen.vollstaendig "
        "gibt die Sprache als vollständig an. Gleichen Sie die Übersetzung an und setzen Sie "
        "„stand: {updated_plain}“.",
    ),
    "translation_missing": (
        "Hinweis",
        "{language}: Für {fields} fehlt die Übersetzung; dort erscheint der deutsche Text, "
        "etwa {examples}. Übersetzungen gehören nach strategy/uebersetzungen/{folder}/.",
    ),
    "translation_missing_complete": (
        "Warnung",
        "{language}: Für {fields} fehlt die Übersetzung, obwohl sprachen.vollstaendig die "
        "Sprache als vollständig angibt; dort erscheint der deutsche Text, etwa {examples}. "
        "Übersetzen Sie sie unter strategy/uebersetzungen/{folder}/ oder nehmen Sie {folder} aus "
        "sprachen.vollstaendig heraus.",
    ),
}

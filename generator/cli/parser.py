"""The command line's parser: commands, options and help in German."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.cli.engine_option import add_engine_option
from generator.terminal import EXIT_USAGE


class _GermanFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class _GermanParser(argparse.ArgumentParser):
    """argparse with German headings, German usage errors and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _GermanFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Befehle und Angaben"
        self._optionals.title = "Optionen"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: Aufruf fehlerhaft: {_translate_argparse(message)}\n")
        sys.stderr.write(f"Hilfe: {self.prog} --help\n")
        raise SystemExit(EXIT_USAGE)


def _translate_argparse(message: str) -> str:
    # argparse offers no error codes; its few fixed phrases are mapped here.
    replacements = {
        "the following arguments are required": "diese Angaben fehlen",
        "unrecognized arguments": "unbekannte Angaben",
        "invalid choice": "unbekannter Befehl",
        "choose from": "möglich sind",
        "expected one argument": "erwartet einen Wert",
        "argument": "Angabe",
    }
    for english, german in replacements.items():
        message = message.replace(english, german)
    return message


def _build_parser() -> argparse.ArgumentParser:
    parser = _GermanParser(
        prog="strategie",
        description=(
            "Werkzeug für die Strategie als Daten: prüft die YAML-Dateien in strategy/ und "
            "baut daraus die Website."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")
    parser.add_argument(
        "--projekt",
        type=Path,
        default=Path.cwd(),
        metavar="ORDNER",
        help="Projektordner mit strategy/ und mkdocs.yml (Standard: aktueller Ordner)",
    )
    commands = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=_GermanParser)
    commands.required = True
    _add_check(commands)
    _add_build(commands)
    _add_schemas(commands)
    _add_export(commands)
    _add_import(commands)
    _add_publish(commands)
    _add_serve(commands)
    _add_diff(commands)
    _add_new(commands)
    _add_reference(commands)
    _add_pdf(commands)
    _add_init(commands)
    return parser


def _add_check(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie check“."""
    check = commands.add_parser(
        "check",
        help="Daten prüfen und alle Probleme mit Datei und Zeile melden",
        description=(
            "Prüft alle Dateien in strategy/ und meldet jedes Problem mit Datei:Zeile:Spalte."
        ),
        add_help=False,
    )
    _add_common(check)
    check.add_argument(
        "--strict", action="store_true", help="auch Warnungen als Fehler werten (so prüft die CI)"
    )
    check.add_argument(
        "--veroeffentlichung",
        action="store_true",
        help=(
            "zusätzlich prüfen, ob alle Angaben für Impressum, Datenschutzerklärung und "
            "Erklärung zur Barrierefreiheit eingetragen sind (wie vor „veroeffentlichen --fassung“)"
        ),
    )


def _add_build(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie build“."""
    build = commands.add_parser(
        "build",
        help="Website aus den Daten bauen (prüft streng, baut mit MkDocs, tauscht atomar aus)",
        description=(
            "Prüft die Daten streng, erzeugt die Seiten und baut die Website. Schlägt etwas fehl, "
            "bleibt die vorige Website unverändert."
        ),
        add_help=False,
    )
    _add_common(build)
    build.add_argument(
        "--offline",
        action="store_true",
        help="Offline-Ausgabe bauen (ohne Sofort-Navigation) und als ZIP-Datei verpacken",
    )
    add_engine_option(build)
    build.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="ORDNER",
        help=(
            "Zielordner (Standard: site/, mit --offline site-offline/); die ZIP-Datei kommt "
            "neben diesen Ordner, ohne --out nach dist/. Ersetzt wird nur ein leerer Ordner "
            "oder einer, den ein Bau angelegt hat"
        ),
    )


def _add_schemas(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie schemas“."""
    schemas = commands.add_parser(
        "schemas",
        help="JSON-Schemas der Datendateien nach strategy/schemas/ schreiben",
        description=(
            "Erzeugt die JSON-Schemas aus dem Datenmodell und den Daten neu (sie nennen die "
            "erlaubten Kennungen von Status, Akteuren, Stadtteilen, Maßnahmen usw.). Nötig "
            "nach einer Änderung am Modell oder an diesen Kennungen; „strategie check“ meldet "
            "veraltete Schemas. Editoren nutzen sie für Vervollständigung, Erklärungen und "
            "Fehleranzeige beim Tippen."
        ),
        add_help=False,
    )
    _add_common(schemas)


def _add_export(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie export“."""
    export = commands.add_parser(
        "export",
        help="Maßnahmen als Excel-Arbeitsmappe zum Bearbeiten ausgeben",
        description=(
            "Schreibt eine Arbeitsmappe mit einer Zeile je Maßnahme. Geänderte Werte lassen "
            "sich mit „strategie import xlsx“ zurück in die YAML-Dateien übernehmen."
        ),
        add_help=False,
    )
    _add_common(export)
    export_formats = export.add_subparsers(
        dest="format", metavar="FORMAT", parser_class=_GermanParser
    )
    export_formats.required = True
    export_xlsx = export_formats.add_parser(
        "xlsx",
        help="Excel-Arbeitsmappe (.xlsx) schreiben",
        description="Schreibt die Arbeitsmappe zum Bearbeiten der Maßnahmen.",
        add_help=False,
    )
    _add_common(export_xlsx)
    export_xlsx.add_argument(
        "--out",
        type=Path,
        default=Path("massnahmen.xlsx"),
        metavar="DATEI",
        help=(
            "Zieldatei auf .xlsx (Standard: massnahmen.xlsx im aktuellen Ordner); überschreibt "
            "nur eine Arbeitsmappe dieses Befehls, nie etwas in strategy/, docs/ oder generator/"
        ),
    )


def _add_import(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie import“."""
    import_ = commands.add_parser(
        "import",
        help="Geänderte Werte aus einer Excel-Arbeitsmappe übernehmen",
        description=(
            "Übernimmt geänderte Zellen in die YAML-Dateien, prüft das Ergebnis und schreibt "
            "nur, wenn keine Zeile fehlerhaft ist."
        ),
        add_help=False,
    )
    _add_common(import_)
    import_formats = import_.add_subparsers(
        dest="format", metavar="FORMAT", parser_class=_GermanParser
    )
    import_formats.required = True
    import_xlsx = import_formats.add_parser(
        "xlsx",
        help="Excel-Arbeitsmappe (.xlsx) aus „strategie export xlsx“ übernehmen",
        description=(
            "Übernimmt geänderte Zellen der bearbeitbaren Spalten; Kommentare und Formatierung "
            "der YAML-Dateien bleiben erhalten."
        ),
        add_help=False,
    )
    _add_common(import_xlsx)
    import_xlsx.add_argument("datei", type=Path, metavar="DATEI", help="die Arbeitsmappe")


def _add_publish(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie veroeffentlichen“."""
    publish = commands.add_parser(
        "veroeffentlichen",
        help="Fassung oder Vorschau als Version der Website veröffentlichen (mit mike)",
        description=(
            "Prüft die Daten streng, baut die Website streng und legt sie mit mike als Version "
            "im Zweig gh-pages ab: eine Fassung aus strategie.yml (die neueste der Daten im "
            "Arbeitsverzeichnis) oder die Vorschau. Mit --aktuell zeigt der Alias „aktuell“ "
            "(und die Startadresse) auf diese Fassung; ältere Fassungen tragen dann einen Hinweis."
        ),
        add_help=False,
    )
    _add_common(publish)
    publish.add_argument(
        "--fassung", metavar="KENNUNG", help="Kennung der Fassung aus strategie.yml, z. B. 2020"
    )
    publish.add_argument(
        "--vorschau", action="store_true", help="als Version „vorschau“ veröffentlichen"
    )
    publish.add_argument(
        "--aktuell",
        action="store_true",
        help="Alias „aktuell“ auf diese Fassung setzen und sie zur Startseite machen",
    )
    publish.add_argument(
        "--push", action="store_true", help="den Zweig danach hochladen (git push)"
    )
    publish.add_argument(
        "--branch", default="gh-pages", metavar="ZWEIG", help="Zielzweig (Standard: gh-pages)"
    )
    publish.add_argument(
        "--site-url",
        default=None,
        metavar="URL",
        help="Adresse der Website ohne Versionsordner, z. B. https://stadt.github.io/strategie/",
    )


def _add_serve(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie serve“."""
    serve = commands.add_parser(
        "serve",
        help="Vorschau mit automatischer Aktualisierung starten",
        description="Startet eine lokale Vorschau, die sich bei Änderungen an strategy/ erneuert.",
        add_help=False,
    )
    _add_common(serve)
    serve.add_argument(
        "--adresse", default="127.0.0.1:8000", metavar="HOST:PORT", help="Adresse der Vorschau"
    )
    serve.add_argument(
        "--schnell",
        action="store_true",
        help="nach einer Änderung nur die betroffenen Seiten neu bauen (etwa doppelt so schnell)",
    )
    add_engine_option(serve)


def _add_diff(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie diff“."""
    diff = commands.add_parser(
        "diff",
        help="inhaltliche Änderungen zwischen zwei Git-Ständen in Worten zeigen",
        description=(
            "Vergleicht die Daten in strategy/ zwischen zwei Git-Ständen und nennt jede "
            "Änderung in Worten: neue, entfernte, umbenannte Maßnahmen und geänderte Felder. "
            "Ohne Angaben: letzter Commit (HEAD) gegen das Arbeitsverzeichnis; mit einer "
            "Angabe: dieser Stand gegen das Arbeitsverzeichnis."
        ),
        add_help=False,
    )
    _add_common(diff)
    diff.add_argument(
        "stand_a", nargs="?", default="HEAD", metavar="STAND_A", help="früherer Stand (HEAD)"
    )
    diff.add_argument(
        "stand_b",
        nargs="?",
        default=None,
        metavar="STAND_B",
        help="späterer Stand (Standard: das Arbeitsverzeichnis)",
    )
    diff.add_argument(
        "--format",
        choices=["text", "markdown"],
        default="text",
        help="text (Standard) oder markdown (für einen Kommentar im Pull Request)",
    )


def _add_new(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie neu“."""
    new = commands.add_parser(
        "neu",
        help="neue Maßnahme oder neues Handlungsfeld anlegen",
        description=(
            "Legt eine neue Maßnahme (mit der nächsten freien Kennung) oder ein neues "
            "Handlungsfeld an und prüft das Ergebnis. Fehlende Angaben werden im Terminal "
            "erfragt. Vorhandene Dateien werden nie überschrieben."
        ),
        add_help=False,
    )
    _add_common(new)
    kinds = new.add_subparsers(dest="art", metavar="ART", parser_class=_GermanParser)
    kinds.required = True
    measure = kinds.add_parser(
        "massnahme",
        help="neue Maßnahme als Datei strategy/massnahmen/<leitthema>/<kennung>.yml",
        description="Legt eine neue Maßnahme an; jedes Feld ist in der Datei erklärt.",
        add_help=False,
    )
    _add_common(measure)
    measure.add_argument("--leitthema", metavar="KENNUNG", help="Leitthema, z. B. verwaltung")
    measure.add_argument(
        "--handlungsfeld", metavar="KENNUNG", help="Handlungsfeld, z. B. e-government"
    )
    measure.add_argument("--titel", metavar="TEXT", help="Titel der Maßnahme")
    measure.add_argument(
        "--verantwortlich",
        metavar="KENNUNG",
        help="verantwortlicher Akteur (Standard: der erste Akteur der Verwaltung in "
        "verzeichnisse/akteure.yml)",
    )
    field = kinds.add_parser(
        "handlungsfeld",
        help="neues Handlungsfeld am Ende der Liste in strategy/leitthemen/<leitthema>.yml",
        description="Ergänzt die Datei des Leitthemas um ein Handlungsfeld; der Rest bleibt.",
        add_help=False,
    )
    _add_common(field)
    field.add_argument("--leitthema", metavar="KENNUNG", help="Leitthema, z. B. verwaltung")
    field.add_argument("--titel", metavar="TEXT", help="Titel des Handlungsfelds")
    field.add_argument("--id", metavar="KENNUNG", help="Kennung (Standard: aus dem Titel gebildet)")


def _add_reference(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie feldreferenz“."""
    reference = commands.add_parser(
        "feldreferenz",
        help="Feldreferenz und Tabellen der erlaubten Werte neu schreiben",
        description=(
            "Schreibt die Feldreferenz in docs/feldreferenz.md (zwischen „feldreferenz:start“ "
            "und „feldreferenz:end“) aus dem Datenmodell und die Tabellen der erlaubten Werte "
            "in CONTRIBUTING.md (zwischen „werte:start“ und „werte:end“) aus den Daten neu."
        ),
        add_help=False,
    )
    _add_common(reference)
    reference.add_argument(
        "--pruefen", action="store_true", help="nur prüfen, ob beide Abschnitte aktuell sind"
    )


def _add_init(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie init“."""
    init = commands.add_parser(
        "init",
        help="Projekt für eine neue Stadt anlegen (Software, kleinste gültige Strategie, .github)",
        description=(
            "Legt in einem leeren Ordner ein Projekt für eine neue Stadt an: die Software aus "
            "diesem Projekt, eine kleinste gültige Strategie (ein Leitthema, ein Handlungsfeld, "
            "eine Maßnahme, die Verzeichnisse), strategie.yml mit allen Einstellungen erklärt und "
            "die Dateien in .github/ aus den neuen Daten. Mit --ohne-beispieldaten ersetzt es "
            "stattdessen die Daten dieses Projekts (einer Kopie) durch diese Vorlage."
        ),
        add_help=False,
    )
    _add_common(init)
    init.add_argument(
        "ziel",
        nargs="?",
        type=Path,
        metavar="ZIEL",
        help="leerer oder neuer Ordner für das Projekt (nicht mit --ohne-beispieldaten)",
    )
    init.add_argument("--stadt", required=True, metavar="NAME", help="Name der Stadt")
    init.add_argument("--bundesland", required=True, metavar="LAND", help="Land, z. B. „Sachsen“")
    init.add_argument(
        "--gemeindeschluessel",
        required=True,
        metavar="SCHLÜSSEL",
        help="Amtlicher Gemeindeschlüssel, 8 Ziffern",
    )
    init.add_argument(
        "--website", required=True, metavar="URL", help="Website der Stadt (https://…)"
    )
    init.add_argument(
        "--ohne-beispieldaten",
        action="store_true",
        help=(
            "die Daten in strategy/ und die Dateien in .github/ dieses Projekts durch die "
            "Vorlage ersetzen (nur wenn Git sie verwaltet und nichts ungesichert ist)"
        ),
    )


def _add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")


def _add_pdf(commands: argparse._SubParsersAction[_GermanParser]) -> None:
    """„strategie pdf“."""
    pdf = commands.add_parser(
        "pdf",
        help="Druckfassung als PDF-Datei erzeugen (mit Inhaltsverzeichnis und Seitenzahlen)",
        description=(
            "Druckt die Druckfassung mit Chromium als PDF: Titelseite, Inhaltsverzeichnis mit "
            "Seitenzahlen, Lesezeichen, jedes Leitthema auf einer neuen Seite. Ohne --site wird "
            "die Website dafür vorher gebaut."
        ),
        add_help=False,
    )
    _add_common(pdf)
    pdf.add_argument(
        "--site",
        type=Path,
        default=None,
        metavar="ORDNER",
        help="eine schon gebaute Website verwenden (Standard: vorher neu bauen)",
    )
    pdf.add_argument(
        "--out",
        type=Path,
        default=Path("dist") / "druckfassung.pdf",
        metavar="DATEI",
        help="Zieldatei (Standard: dist/druckfassung.pdf)",
    )

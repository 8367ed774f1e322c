"""The command line's parser: commands, options and help in German.

Options have German names (`--ziel`, `--streng`, `--hochladen` …). Earlier English spellings
stay accepted as aliases (`--out`, `--strict`, `--push`, `--branch`, `--site-url`, `--site`,
`--id`), so scripts, workflows and old notes keep working; help lists them after the German
name. `--format` and `--offline` are German words too. The one exception is `--engine` of
build and serve, named so by the issue that introduced it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.cli.engine_option import add_engine_option
from generator.cli.german_argparse import GermanParser, add_help_option
from generator.cli.parser_create import add_init, add_new


def _build_parser() -> argparse.ArgumentParser:
    parser = GermanParser(
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
    commands = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=GermanParser)
    commands.required = True
    _add_check(commands)
    _add_build(commands)
    _add_schemas(commands)
    _add_export(commands)
    _add_import(commands)
    _add_publish(commands)
    _add_serve(commands)
    _add_diff(commands)
    add_new(commands)
    _add_reference(commands)
    _add_pdf(commands)
    add_init(commands)
    return parser


def _add_check(commands: argparse._SubParsersAction[GermanParser]) -> None:
    """„strategie check“."""
    check = commands.add_parser(
        "check",
        help="Daten prüfen und alle Probleme mit Datei und Zeile melden",
        description=(
            "Prüft alle Dateien in strategy/ und meldet jedes Problem mit Datei:Zeile:Spalte."
        ),
        add_help=False,
    )
    add_help_option(check)
    check.add_argument(
        "--streng",
        "--strict",
        dest="strict",
        action="store_true",
        help="auch Warnungen als Fehler werten (so prüft die CI)",
    )
    check.add_argument(
        "--veroeffentlichung",
        action="store_true",
        help=(
            "zusätzlich prüfen, ob alle Angaben für Impressum, Datenschutzerklärung und "
            "Erklärung zur Barrierefreiheit eingetragen sind (wie vor „veroeffentlichen --fassung“)"
        ),
    )


def _add_build(commands: argparse._SubParsersAction[GermanParser]) -> None:
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
    add_help_option(build)
    build.add_argument(
        "--offline",
        action="store_true",
        help="Offline-Ausgabe bauen (ohne Sofort-Navigation) und als ZIP-Datei verpacken",
    )
    add_engine_option(build)
    build.add_argument(
        "--ziel",
        "--out",
        dest="out",
        type=Path,
        default=None,
        metavar="ORDNER",
        help=(
            "Zielordner (Standard: site/, mit --offline site-offline/); die ZIP-Datei kommt "
            "neben diesen Ordner, ohne --ziel nach dist/. Ersetzt wird nur ein leerer Ordner "
            "oder einer, den ein Bau angelegt hat"
        ),
    )
    build.add_argument(
        "--pdf",
        action="store_true",
        help="auch die Druckfassung als PDF-Datei drucken (mit Chromium), in die Website legen "
        "und auf der Druckfassung anbieten (baut die Website dafür zweimal)",
    )


def _add_schemas(commands: argparse._SubParsersAction[GermanParser]) -> None:
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
    add_help_option(schemas)


def _add_export(commands: argparse._SubParsersAction[GermanParser]) -> None:
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
    add_help_option(export)
    export_formats = export.add_subparsers(
        dest="format", metavar="FORMAT", parser_class=GermanParser
    )
    export_formats.required = True
    export_xlsx = export_formats.add_parser(
        "xlsx",
        help="Excel-Arbeitsmappe (.xlsx) schreiben",
        description="Schreibt die Arbeitsmappe zum Bearbeiten der Maßnahmen.",
        add_help=False,
    )
    add_help_option(export_xlsx)
    export_xlsx.add_argument(
        "--ziel",
        "--out",
        dest="out",
        type=Path,
        default=Path("massnahmen.xlsx"),
        metavar="DATEI",
        help=(
            "Zieldatei auf .xlsx (Standard: massnahmen.xlsx im aktuellen Ordner); überschreibt "
            "nur eine Arbeitsmappe dieses Befehls, nie etwas in strategy/, docs/ oder generator/"
        ),
    )


def _add_import(commands: argparse._SubParsersAction[GermanParser]) -> None:
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
    add_help_option(import_)
    import_formats = import_.add_subparsers(
        dest="format", metavar="FORMAT", parser_class=GermanParser
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
    add_help_option(import_xlsx)
    import_xlsx.add_argument("datei", type=Path, metavar="DATEI", help="die Arbeitsmappe")


def _add_publish(commands: argparse._SubParsersAction[GermanParser]) -> None:
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
    add_help_option(publish)
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
        "--hochladen",
        "--push",
        dest="push",
        action="store_true",
        help="den Zweig danach hochladen (git push)",
    )
    publish.add_argument(
        "--zweig",
        "--branch",
        dest="branch",
        default="gh-pages",
        metavar="ZWEIG",
        help="Zielzweig (Standard: gh-pages)",
    )
    publish.add_argument(
        "--website-adresse",
        "--site-url",
        dest="site_url",
        default=None,
        metavar="URL",
        help="Adresse der Website ohne Versionsordner, z. B. https://stadt.github.io/strategie/",
    )


def _add_serve(commands: argparse._SubParsersAction[GermanParser]) -> None:
    """„strategie serve“."""
    serve = commands.add_parser(
        "serve",
        help="Vorschau mit automatischer Aktualisierung starten",
        description="Startet eine lokale Vorschau, die sich bei Änderungen an strategy/ erneuert.",
        add_help=False,
    )
    add_help_option(serve)
    serve.add_argument(
        "--adresse", default="127.0.0.1:8000", metavar="HOST:PORT", help="Adresse der Vorschau"
    )
    serve.add_argument(
        "--schnell",
        action="store_true",
        help="nach einer Änderung nur die betroffenen Seiten neu bauen (etwa doppelt so schnell)",
    )
    add_engine_option(serve)


def _add_diff(commands: argparse._SubParsersAction[GermanParser]) -> None:
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
    add_help_option(diff)
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


def _add_reference(commands: argparse._SubParsersAction[GermanParser]) -> None:
    """„strategie feldreferenz“."""
    reference = commands.add_parser(
        "feldreferenz",
        help="Feldreferenz und alles, was aus den Daten folgt, neu schreiben",
        description=(
            "Schreibt die Feldreferenz in docs/feldreferenz.md (zwischen „feldreferenz:start“ "
            "und „feldreferenz:end“) aus dem Datenmodell neu, aus den Daten die Tabellen der "
            "erlaubten Werte in CONTRIBUTING.md (zwischen „werte:start“ und „werte:end“) und "
            "die Themenliste des Vorschlagsformulars in .github/ISSUE_TEMPLATE/ und ergänzt in "
            ".github/CODEOWNERS eine Zeile je neuem Maßnahmenordner (vorhandene Zeilen bleiben "
            "unverändert). Nach einem neuen Leitthema oder nach dem Einsetzen der Daten einer "
            "Stadt führen Sie „strategie schemas“ und „strategie feldreferenz“ aus; was "
            "veraltet ist, meldet „strategie check“ als Hinweis."
        ),
        add_help=False,
    )
    add_help_option(reference)
    reference.add_argument(
        "--pruefen", action="store_true", help="nur prüfen, ob alle diese Teile aktuell sind"
    )


def _add_pdf(commands: argparse._SubParsersAction[GermanParser]) -> None:
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
    add_help_option(pdf)
    pdf.add_argument(
        "--website-ordner",
        "--site",
        dest="site",
        type=Path,
        default=None,
        metavar="ORDNER",
        help="eine schon gebaute Website verwenden (Standard: vorher neu bauen)",
    )
    pdf.add_argument(
        "--ziel",
        "--out",
        dest="out",
        type=Path,
        default=Path("dist") / "druckfassung.pdf",
        metavar="DATEI",
        help="Zieldatei (Standard: dist/druckfassung.pdf)",
    )

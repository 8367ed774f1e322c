"""The commands that create files: „strategie neu“ and „strategie init“ (cli/parser.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.cli.german_argparse import GermanParser, add_help_option

_THEME_HELP = "Kennung des Leitthemas (sein Dateiname in strategy/leitthemen/ ohne .yml)"
_FIELD_HELP = "Kennung des Handlungsfelds (seine id in der Datei des Leitthemas)"


def add_new(commands: argparse._SubParsersAction[GermanParser]) -> None:
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
    add_help_option(new)
    kinds = new.add_subparsers(dest="art", metavar="ART", parser_class=GermanParser)
    kinds.required = True
    measure = kinds.add_parser(
        "massnahme",
        help="neue Maßnahme als Datei strategy/massnahmen/<leitthema>/<kennung>.yml",
        description="Legt eine neue Maßnahme an; jedes Feld ist in der Datei erklärt.",
        add_help=False,
    )
    add_help_option(measure)
    measure.add_argument("--leitthema", metavar="KENNUNG", help=_THEME_HELP)
    measure.add_argument("--handlungsfeld", metavar="KENNUNG", help=_FIELD_HELP)
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
    add_help_option(field)
    field.add_argument("--leitthema", metavar="KENNUNG", help=_THEME_HELP)
    field.add_argument("--titel", metavar="TEXT", help="Titel des Handlungsfelds")
    field.add_argument(
        "--kennung",
        "--id",
        dest="id",
        metavar="KENNUNG",
        help="Kennung (Standard: aus dem Titel gebildet)",
    )


def add_init(commands: argparse._SubParsersAction[GermanParser]) -> None:
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
    add_help_option(init)
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

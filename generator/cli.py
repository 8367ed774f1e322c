"""Command line: arguments → pipeline → exit code. The only module that prints.

Exit codes: 0 ok, 1 problems in the data (or a failed build), 2 wrong usage.
Editors' mistakes end with German messages and no traceback; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.problems import Problem, Severity, has_errors

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


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
    build.add_argument(
        "--out", type=Path, default=None, metavar="ORDNER", help="Zielordner (Standard: site/)"
    )

    schemas = commands.add_parser(
        "schemas",
        help="JSON-Schemas der Datendateien nach strategy/schemas/ schreiben",
        description=(
            "Erzeugt die JSON-Schemas aus dem Datenmodell neu. Nötig nach einer Änderung am "
            "Modell; Editoren nutzen sie für Vervollständigung und Fehleranzeige."
        ),
        add_help=False,
    )
    _add_common(schemas)

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
    return parser


def _add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")


def print_problems(problems: Sequence[Problem]) -> None:
    """Print problems sorted by file and line; in GitHub Actions also as annotations."""
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for found in sorted(problems):
        print(found.format(), file=sys.stderr)
        if in_actions:
            print(found.github_annotation())


def summarise(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    return f"{errors} Fehler, {warnings} Warnung{'en' if warnings != 1 else ''}"


def _run_check(project: Path, strict: bool) -> int:
    from generator.validate import load_strategy

    strategy, problems = load_strategy(project / "strategy")
    print_problems(problems)
    if has_errors(problems, strict=strict) or strategy is None:
        hint = " (--strict: Warnungen zählen als Fehler)" if strict and problems else ""
        print(f"Prüfung fehlgeschlagen: {summarise(problems)}{hint}.", file=sys.stderr)
        return EXIT_PROBLEMS
    fields = sum(len(theme.handlungsfelder) for theme in strategy.leitthemen)
    print(
        f"Prüfung bestanden: {len(strategy.leitthemen)} Leitthemen, {fields} Handlungsfelder, "
        f"{len(strategy.massnahmen)} Maßnahmen; {summarise(problems)}."
    )
    return EXIT_OK


def _write_schemas(project: Path) -> int:
    from generator.schemas import render_schemas

    target = project / "strategy" / "schemas"
    target.mkdir(exist_ok=True)
    changed = 0
    for name, text in render_schemas().items():
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed += 1
    print(f"Schemas in {target.relative_to(project)}: {changed} geändert.")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _build_parser().parse_args(argv)
    project: Path = arguments.projekt.resolve()
    if not (project / "strategy").is_dir():
        print(
            f"strategie: Im Ordner {project} gibt es keinen Ordner strategy/. Starten Sie den "
            "Befehl im Projektordner oder geben Sie ihn mit --projekt an.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if arguments.command == "check":
        return _run_check(project, arguments.strict)
    if arguments.command == "schemas":
        return _write_schemas(project)
    if arguments.command == "build":
        from generator.build import build_site

        return build_site(project, out=arguments.out, offline=arguments.offline)
    if arguments.command == "serve":
        from generator.build import serve_site

        return serve_site(project, address=arguments.adresse)
    raise AssertionError(f"unhandled command {arguments.command}")


if __name__ == "__main__":
    sys.exit(main())

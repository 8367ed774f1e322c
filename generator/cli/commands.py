"""Command line: arguments → pipeline → exit code. The only module that prints.

Exit codes: 0 ok, 1 problems in the data (or a failed build), 2 wrong usage.
Editors' mistakes end with German messages and no traceback; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.problems import has_errors
from generator.terminal import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    print_problems,
    summarise,
)


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
        help="verantwortlicher Akteur (Standard: die Stabsstelle)",
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

    reference = commands.add_parser(
        "feldreferenz",
        help="Feldreferenz in CONTRIBUTING.md aus dem Datenmodell neu schreiben",
        description=(
            "Schreibt den Abschnitt zwischen den Markierungen „feldreferenz:start“ und "
            "„feldreferenz:end“ in CONTRIBUTING.md aus dem Datenmodell neu."
        ),
        add_help=False,
    )
    _add_common(reference)
    reference.add_argument(
        "--pruefen", action="store_true", help="nur prüfen, ob der Abschnitt aktuell ist"
    )
    return parser


def _add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")


def _run_check(project: Path, strict: bool) -> int:
    from generator.check.validate import load_strategy

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
    from generator.check.schemas import render_schemas
    from generator.site.output_guard import symlink_on_the_way

    target = project / "strategy" / "schemas"
    links = [symlink_on_the_way(path, project) for path in (target, *target.glob("*"))]
    if any(links):
        print(
            f"strategie schemas: {next(link for link in links if link)} ist eine symbolische "
            "Verknüpfung; über sie wird nicht geschrieben. Ersetzen Sie sie durch einen "
            "gewöhnlichen Ordner bzw. eine gewöhnliche Datei.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    target.mkdir(exist_ok=True)
    changed = 0
    for name, text in render_schemas().items():
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed += 1
    print(f"Schemas in {target.relative_to(project)}: {changed} geändert.")
    return EXIT_OK


def _run_diff(project: Path, old_name: str, new_name: str | None, output: str) -> int:
    from generator.check.validate import load_strategy
    from generator.history.diff import diff_strategies
    from generator.history.diff_format import format_markdown, format_text
    from generator.history.revisions import RevisionError, load_strategy_at

    sides = []
    for name in (old_name, new_name):
        try:
            strategy, problems = (
                load_strategy_at(project, name) if name else load_strategy(project / "strategy")
            )
        except RevisionError as error:
            print(f"strategie diff: {error}", file=sys.stderr)
            return EXIT_USAGE
        shown = name or "Arbeitsverzeichnis"
        if strategy is None:
            for found in sorted(problems):
                print(found.format(), file=sys.stderr)
            print(
                f"strategie diff: Die Daten im Stand „{shown}“ sind fehlerhaft "
                f"({summarise(problems)}). Verglichen werden kann nur, was sich prüfen lässt; "
                "beheben Sie die Fehler (strategie check) oder wählen Sie einen anderen Stand.",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        sides.append((shown, strategy))
    (old_shown, old), (new_shown, new) = sides
    formatter = format_markdown if output == "markdown" else format_text
    print(formatter(diff_strategies(old, new), old_shown, new_shown), end="")
    return EXIT_OK


def _export_xlsx(project: Path, target: Path) -> int:
    from generator.check.validate import load_strategy
    from generator.exports.workbook import write_workbook
    from generator.site.output_guard import refuse_export_file

    refusal = refuse_export_file(target, project)
    if refusal:
        print(f"strategie export xlsx: {refusal}", file=sys.stderr)
        return EXIT_USAGE
    strategy, problems = load_strategy(project / "strategy")
    if strategy is None:
        print_problems(problems)
        print(f"Export abgebrochen: {summarise(problems)}.", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        write_workbook(strategy, target)
    except OSError as error:
        reasons = {
            errno.ENOENT: "der Ordner fehlt",
            errno.EACCES: "keine Schreibberechtigung",
            errno.EPERM: "keine Schreibberechtigung",
            errno.EISDIR: "das ist ein Ordner",
        }
        code = error.errno or 0
        reason = reasons.get(code, f"Systemfehler {errno.errorcode.get(code, code)}")
        print(
            f"Export abgebrochen: Die Datei {target} kann nicht geschrieben werden ({reason}). "
            "Prüfen Sie, ob der Ordner existiert und ob die Datei gerade in Excel geöffnet ist.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(
        f"Arbeitsmappe mit {len(strategy.massnahmen)} Maßnahmen geschrieben: {target}. "
        "Gelb markierte Spalten lassen sich ändern; übernehmen mit: strategie import xlsx "
        f"{target}"
    )
    return EXIT_OK


def _import_xlsx(project: Path, workbook: Path) -> int:
    from generator.editing.workbook_reader import WorkbookUnreadable
    from generator.editing.xlsx_import import apply_import, plan_import

    try:
        plan = plan_import(project / "strategy", workbook)
    except WorkbookUnreadable as error:
        print(f"Import abgebrochen: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if plan.data_problems:
        print_problems(plan.data_problems)
        print(
            "Import abgebrochen: Die Daten haben schon vor dem Import Fehler; beheben Sie "
            "diese zuerst.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    if plan.errors:
        for row_error in sorted(plan.errors):
            print(row_error.format(workbook.name), file=sys.stderr)
        print(
            f"Import abgebrochen: {len(plan.errors)} Fehler in der Arbeitsmappe; keine Datei "
            "wurde geändert.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    if not plan.changes:
        print("Keine Änderungen: Die Arbeitsmappe stimmt mit den YAML-Dateien überein.")
        return EXIT_OK
    apply_import(plan)
    files = sorted({change.file for change in plan.changes})
    print(
        f"Übernommen: {len(plan.changes)} Änderung{'en' if len(plan.changes) != 1 else ''} "
        f"in {len(files)} Datei{'en' if len(files) != 1 else ''}: {', '.join(files)}"
    )
    if plan.before is not None and plan.after is not None:
        from generator.history.diff import diff_strategies
        from generator.history.diff_format import format_text

        changes = diff_strategies(plan.before, plan.after)
        print(format_text(changes, "vor dem Import", "nach dem Import"), end="")
    print_problems(plan.warnings)
    return EXIT_OK


def _ask(question: str, choices: list[tuple[str, str]], default: str | None = None) -> str:
    """Ask in the terminal until the answer is a choice (number or id) or free text."""
    if choices:
        print(f"{question}:")
    for number, (identifier, title) in enumerate(choices, 1):
        print(f"  {number}) {identifier} – {title}")
    prompt = "Nummer oder Kennung" if choices else question
    hint = f" [{default}]" if default else ""
    while True:
        try:
            answer = input(f"{prompt}{hint}: ").strip()
        except EOFError:
            raise SystemExit(EXIT_USAGE) from None
        answer = answer or (default or "")
        if not choices and answer:
            return answer
        ids = [identifier for identifier, _ in choices]
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return ids[int(answer) - 1]
        if answer in ids:
            return answer
        print("Bitte eine Nummer oder Kennung aus der Liste eingeben.")


def _run_new(project: Path, arguments: argparse.Namespace) -> int:
    from datetime import date

    from generator.check.validate import load_strategy
    from generator.editing import scaffold

    strategy, problems = load_strategy(project / "strategy")
    if strategy is None:
        print_problems(problems)
        print(
            "strategie neu: Die Daten enthalten Fehler; beheben Sie sie zuerst "
            f"({summarise(problems)}).",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    command = f"strategie neu {arguments.art}"
    interactive = sys.stdin.isatty()
    theme, title = arguments.leitthema, arguments.titel
    missing = [name for name, value in (("--leitthema", theme), ("--titel", title)) if not value]
    if missing and not interactive:
        print(
            f"{command}: Es fehlt {', '.join(missing)}. Geben Sie die Angaben an oder starten "
            "Sie den Befehl in einem Terminal, dann wird danach gefragt.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        if not theme:
            theme = _ask("Leitthema", scaffold.theme_choices(strategy))
        if arguments.art == "massnahme":
            field = arguments.handlungsfeld
            choices = scaffold.field_choices(strategy, theme)
            if field is None and len(choices) == 1:
                field = choices[0][0]
            elif field is None and choices:
                if not interactive:
                    known = ", ".join(identifier for identifier, _ in choices)
                    print(
                        f"{command}: Es fehlt --handlungsfeld (möglich: {known}).", file=sys.stderr
                    )
                    return EXIT_USAGE
                field = _ask("Handlungsfeld", choices)
            title = title or _ask("Titel der Maßnahme", [])
            responsible = arguments.verantwortlich
            if responsible is None and interactive:
                default = scaffold.default_responsible(strategy)
                responsible = _ask("Verantwortlich (Kennung, Eingabe = Standard)", [], default)
            planned = scaffold.plan_measure(
                strategy,
                project / "strategy",
                theme_id=theme,
                field_id=field,
                title=title,
                responsible=responsible,
                today=date.today(),
            )
        else:
            title = title or _ask("Titel des Handlungsfelds", [])
            planned = scaffold.plan_field_of_action(
                strategy, project / "strategy", theme_id=theme, title=title, identifier=arguments.id
            )
    except scaffold.ScaffoldError as error:
        for found in error.problems:
            print(found.format(), file=sys.stderr)
        print(f"{command}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    target = project / planned.path
    if arguments.art == "massnahme":
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8", newline="\n") as stream:
                stream.write(planned.text)
        except FileExistsError:
            print(f"{command}: {planned.path} gibt es schon; nichts geändert.", file=sys.stderr)
            return EXIT_PROBLEMS
        print(f"Angelegt: {planned.path} (Maßnahme {planned.id}).")
    else:
        target.write_text(planned.text, encoding="utf-8", newline="\n")
        print(f"Ergänzt: {planned.path} (Handlungsfeld {planned.id}).")
        print(
            f"Legen Sie nun die erste Maßnahme an: strategie neu massnahme --leitthema {theme} "
            f"--handlungsfeld {planned.id} – bis dahin meldet die Prüfung eine Warnung."
        )
    return _run_check(project, strict=False)


def _write_field_reference(project: Path, check_only: bool) -> int:
    from generator.check.fieldref import END_MARKER, START_MARKER, update_document

    path = project / "CONTRIBUTING.md"
    try:
        text = path.read_text(encoding="utf-8")
        updated = update_document(text)
    except (OSError, ValueError):
        print(
            f"strategie feldreferenz: {path.name} fehlt oder enthält die Markierungen "
            f"{START_MARKER} und {END_MARKER} nicht.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if updated == text:
        print(f"Die Feldreferenz in {path.name} ist aktuell.")
        return EXIT_OK
    if check_only:
        print(
            f"Die Feldreferenz in {path.name} ist veraltet. Erneuern Sie sie mit "
            "„strategie feldreferenz“.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    path.write_text(updated, encoding="utf-8", newline="\n")
    print(f"Die Feldreferenz in {path.name} wurde erneuert.")
    return EXIT_OK


def _refuse_site_url() -> bool:
    """Print why SITE_URL cannot be the site's address; True if refused (an empty SITE_URL
    means none). `veroeffentlichen --site-url` is checked in publish.py."""
    from generator.siteurl import site_url_error

    value = os.environ.get("SITE_URL", "")
    error = site_url_error(value) if value.strip() else None
    if error:
        print(f"strategie: {error}", file=sys.stderr)
    return error is not None


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
    if arguments.command in {"build", "serve", "veroeffentlichen"} and _refuse_site_url():
        return EXIT_USAGE
    if arguments.command == "schemas":
        return _write_schemas(project)
    if arguments.command == "build":
        from generator.site.build import build_site

        return build_site(project, out=arguments.out, offline=arguments.offline)
    if arguments.command == "export":
        return _export_xlsx(project, arguments.out)
    if arguments.command == "import":
        return _import_xlsx(project, arguments.datei)
    if arguments.command == "veroeffentlichen":
        from generator.site.publish import Publication, publish_site

        publication = Publication(
            edition=arguments.fassung,
            preview=arguments.vorschau,
            current=arguments.aktuell,
            push=arguments.push,
            branch=arguments.branch,
            site_url=arguments.site_url,
        )
        return publish_site(project, publication)
    if arguments.command == "serve":
        from generator.site.build import serve_site

        return serve_site(project, address=arguments.adresse, quick=arguments.schnell)
    if arguments.command == "diff":
        return _run_diff(project, arguments.stand_a, arguments.stand_b, arguments.format)
    if arguments.command == "neu":
        return _run_new(project, arguments)
    if arguments.command == "feldreferenz":
        return _write_field_reference(project, arguments.pruefen)
    raise AssertionError(f"unhandled command {arguments.command}")


if __name__ == "__main__":
    sys.exit(main())

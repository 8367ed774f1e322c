"""Command line: arguments → pipeline → exit code. The only module that prints.

Exit codes: 0 ok, 1 problems in the data (or a failed build), 2 wrong usage.
Editors' mistakes end with German messages and no traceback; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.cli.parser import _build_parser
from generator.cli.reference_command import write_field_reference
from generator.cli.report import show_log_notes, show_user_error
from generator.cli.site_commands import (
    refuse_site_url,
    run_build,
    run_pdf,
    run_publish,
    run_serve,
)
from generator.errors import UserError
from generator.files import write_file_atomically
from generator.problems import Severity, has_errors
from generator.terminal import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    print_problems,
    summarise,
)


def _run_check(project: Path, strict: bool, publication: bool = False) -> int:
    from generator.check.derived_files import derived_file_problems
    from generator.check.publication import publication_problems
    from generator.check.schemas import stale_schemas
    from generator.check.validate import load_strategy

    strategy, problems = load_strategy(project / "strategy")
    if strategy is not None:
        problems += stale_schemas(strategy, project / "strategy" / "schemas")
        problems += derived_file_problems(strategy, project)
    if publication and strategy is not None:
        problems += publication_problems(strategy.strategie, project / "strategy")
    print_problems(problems)
    if has_errors(problems, strict=strict) or strategy is None:
        hint = " (--strict: Warnungen zählen als Fehler)" if strict and problems else ""
        print(f"Prüfung fehlgeschlagen: {summarise(problems)}{hint}.", file=sys.stderr)
        return EXIT_PROBLEMS
    fields = sum(len(theme.handlungsfelder) for theme in strategy.leitthemen)
    labels = strategy.strategie.bezeichnungen
    print(
        f"Prüfung bestanden: {len(strategy.leitthemen)} {labels.leitthema.mehrzahl}, "
        f"{fields} {labels.handlungsfeld.mehrzahl}, "
        f"{len(strategy.massnahmen)} Maßnahmen; {summarise(problems)}."
    )
    return EXIT_OK


def _write_schemas(project: Path) -> int:
    from generator.check.schemas import render_schemas
    from generator.check.translation_schemas import render_translation_schemas
    from generator.check.validate import load_strategy
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
    strategy, problems = load_strategy(project / "strategy")
    if strategy is None:
        print_problems(problems)
        print(
            f"strategie schemas: Die Schemas nennen die Kennungen aus den Daten und werden erst "
            f"geschrieben, wenn die Daten fehlerfrei sind ({summarise(problems)}).",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    target.mkdir(exist_ok=True)
    changed = 0
    for name, text in {**render_schemas(strategy), **render_translation_schemas()}.items():
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_file_atomically(path, text.encode("utf-8"))
            changed += 1
    print(f"Schemas in {target.relative_to(project)}: {changed} geändert.")
    return EXIT_OK


def _run_diff(project: Path, old_name: str, new_name: str | None, output: str) -> int:
    from generator.check.validate import load_strategy
    from generator.history.diff import diff_strategies
    from generator.history.diff_format import format_markdown, format_text
    from generator.history.revisions import RevisionError, load_strategy_at
    from generator.history.translation_diff import diff_translations

    sides = []
    for name in (old_name, new_name):
        try:
            strategy, problems = (
                load_strategy_at(project, name) if name else load_strategy(project / "strategy")
            )
        except RevisionError as error:  # shown by main(), named for this command
            raise UserError(f"strategie diff: {error.message}", exit_code=EXIT_USAGE) from None
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
    changes = diff_strategies(old, new)
    print(formatter(changes, old_shown, new_shown, diff_translations(old, new)), end="")
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
    except WorkbookUnreadable as error:  # shown by main(), named for this command
        raise UserError(f"Import abgebrochen: {error.message}") from None
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
    for note in sorted(plan.notes):
        print(note.format(workbook.name, Severity.NOTE.value), file=sys.stderr)
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
        from generator.history.translation_diff import diff_translations

        changes = diff_strategies(plan.before, plan.after)
        translated = diff_translations(plan.before, plan.after)
        print(format_text(changes, "vor dem Import", "nach dem Import", translated), end="")
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
    labels = strategy.strategie.bezeichnungen
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
            theme = _ask(labels.leitthema.einzahl, scaffold.theme_choices(strategy))
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
                field = _ask(labels.handlungsfeld.einzahl, choices)
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
            title = title or _ask(f"Titel {labels.handlungsfeld.des}", [])
            planned = scaffold.plan_field_of_action(
                strategy, project / "strategy", theme_id=theme, title=title, identifier=arguments.id
            )
    except scaffold.ScaffoldError as error:  # shown by main(), named for this command
        raise UserError(f"{command}: {error.message}", problems=error.problems) from None
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
        write_file_atomically(target, planned.text.encode("utf-8"))
        print(f"Ergänzt: {planned.path} ({labels.handlungsfeld.einzahl} {planned.id}).")
        print(
            f"Legen Sie nun die erste Maßnahme an: strategie neu massnahme --leitthema {theme} "
            f"--handlungsfeld {planned.id} – bis dahin meldet die Prüfung eine Warnung."
        )
    if (project / "strategy" / "schemas").is_dir():
        _write_schemas(project)  # the new id belongs in the schemas' lists
    return _run_check(project, strict=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a `UserError` from any stage is shown here, in one place."""
    arguments = _build_parser().parse_args(argv)
    show_log_notes()
    try:
        return _run(arguments)
    except UserError as error:
        return show_user_error(error)


def _run(arguments: argparse.Namespace) -> int:
    project: Path = arguments.projekt.resolve()
    if not (project / "strategy").is_dir():
        raise UserError(
            f"strategie: Im Ordner {project} gibt es keinen Ordner strategy/. Starten Sie den "
            "Befehl im Projektordner oder geben Sie ihn mit --projekt an.",
            exit_code=EXIT_USAGE,
        )
    if arguments.command in {"build", "serve", "veroeffentlichen"}:
        refuse_site_url()
    return _COMMANDS[arguments.command](project, arguments)


#: Each command of the parser (cli/parser.py) → what runs it; the exit code it returns.
_COMMANDS: dict[str, Callable[[Path, argparse.Namespace], int]] = {
    "check": lambda project, arguments: _run_check(
        project, arguments.strict, arguments.veroeffentlichung
    ),
    "schemas": lambda project, arguments: _write_schemas(project),
    "build": run_build,
    "export": lambda project, arguments: _export_xlsx(project, arguments.out),
    "import": lambda project, arguments: _import_xlsx(project, arguments.datei),
    "veroeffentlichen": run_publish,
    "serve": run_serve,
    "diff": lambda project, arguments: _run_diff(
        project, arguments.stand_a, arguments.stand_b, arguments.format
    ),
    "neu": _run_new,
    "pdf": run_pdf,
    "feldreferenz": lambda project, arguments: write_field_reference(project, arguments.pruefen),
    "init": lambda project, arguments: _init(project, arguments),
}


def _init(project: Path, arguments: argparse.Namespace) -> int:
    from generator.cli.init_command import run_init

    return run_init(project, arguments)


if __name__ == "__main__":
    sys.exit(main())

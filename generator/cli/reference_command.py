"""„strategie feldreferenz“: renew everything derived from the data that is safe to rewrite.

docs/feldreferenz.md from the models; from the data, the tables of allowed values in
CONTRIBUTING.md (between their markers), the Leitthema choices of the proposal form (only that
list) and the CODEOWNERS lines of new measures folders (added, never changed or removed: the
city's real teams are there). `--pruefen` only reports what is stale. The JSON Schemas are
renewed by „strategie schemas“; `strategie check` notes every stale file (check/derived_files.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from generator.files import write_file_atomically
from generator.problems import has_errors
from generator.terminal import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

#: The field reference of all data files, generated from the models (outside the site's
#: docs_dir; the site's „Daten pflegen“ page renders the same text).
FIELD_REFERENCE = "docs/feldreferenz.md"
COMMAND = "strategie feldreferenz"


def write_field_reference(project: Path, check_only: bool) -> int:
    """Renew (or with `check_only` check) each derived part; the exit code."""
    from generator.check import allowed_values, fieldref, translation_reference
    from generator.check.derived_files import CODEOWNERS, PROPOSAL_FORM
    from generator.check.validate import load_strategy
    from generator.editing.github_files import add_codeowners_lines, proposal_form

    strategy, problems = load_strategy(project / "strategy")
    if strategy is None or has_errors(problems, strict=False):
        print(
            f"{COMMAND}: Die Daten enthalten Fehler; erst „strategie check“ beheben, dann die "
            "erlaubten Werte erneuern.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    themes = strategy.strategie.bezeichnungen.leitthema.mehrzahl
    marked: list[tuple[str, str, ModuleType, Callable[[str], str]]] = [
        (FIELD_REFERENCE, "Die Feldreferenz ist", fieldref, fieldref.update_document),
        (
            FIELD_REFERENCE,
            "Die Feldreferenz der Übersetzungen ist",
            translation_reference,
            translation_reference.update_document,
        ),
        (
            "CONTRIBUTING.md",
            "Die Tabellen der erlaubten Werte sind",
            allowed_values,
            lambda text: allowed_values.update_document(text, strategy),
        ),
    ]
    code = EXIT_OK
    for name, subject, module, update in marked:
        try:
            text = (project / name).read_text(encoding="utf-8")
            updated = update(text)
        except (OSError, ValueError):
            print(
                f"{COMMAND}: {name} fehlt oder enthält die Markierungen "
                f"{module.START_MARKER} und {module.END_MARKER} nicht.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        code = max(code, _renew(project, name, subject, text, updated, check_only))
    # The files in .github/ are optional: a project without them has nothing to renew there.
    form = project.joinpath(*PROPOSAL_FORM.parts)
    if form.is_file():
        text = form.read_text(encoding="utf-8")
        updated = proposal_form(strategy, text, COMMAND)
        subject = f"Die Auswahl der {themes} ist"
        code = max(code, _renew(project, str(PROPOSAL_FORM), subject, text, updated, check_only))
    owners = project.joinpath(*CODEOWNERS.parts)
    if owners.is_file():
        text = owners.read_text(encoding="utf-8")
        updated, added = add_codeowners_lines(text, strategy, project)
        subject = "Die Zeilen der Maßnahmenordner sind"
        code = max(code, _renew(project, str(CODEOWNERS), subject, text, updated, check_only))
        if added and not check_only:
            print(
                f"Ergänzt: {', '.join(added)}. Tragen Sie dort die zuständigen Teams ein "
                "(die neuen Zeilen nennen vorerst die Teams der Zeile für /strategy/ oder „*“)."
            )
    return code


def _renew(
    project: Path, name: str, subject: str, text: str, updated: str, check_only: bool
) -> int:
    """Write `updated` over `name` if it differs (unless only checking); say what happened."""
    what, verb = subject.rsplit(" ", 1)
    if updated == text:
        print(f"{what} in {name} {verb} aktuell.")
        return EXIT_OK
    if check_only:
        print(
            f"{what} in {name} {verb} veraltet. Erneuern Sie sie mit „{COMMAND}“.", file=sys.stderr
        )
        return EXIT_PROBLEMS
    write_file_atomically(project / name, updated.encode("utf-8"))
    print(f"{what} in {name} {'wurde' if verb == 'ist' else 'wurden'} erneuert.")
    return EXIT_OK

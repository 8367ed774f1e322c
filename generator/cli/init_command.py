"""„strategie init“: writes a new city's project (planned in editing/city_setup.py).

Two ways: into an empty (or new) folder — the software copied from this project plus the
new strategy and `.github/` files — or, with --ohne-beispieldaten, in this project itself,
replacing the bundled data. The second deletes files, so it runs only where Git holds every
one of them unchanged: nothing is lost that `git checkout` cannot bring back.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import date
from pathlib import Path, PurePosixPath

from generator.editing.city_docs import CITY_DOCS
from generator.editing.city_setup import CityFacts, CityPlan, key_is_well_formed, plan_city
from generator.editing.github_files import GENERATED
from generator.errors import UserError
from generator.git import GitError, run_git
from generator.terminal import EXIT_OK, EXIT_USAGE


def run_init(project: Path, arguments: argparse.Namespace, today: date | None = None) -> int:
    """Plan, check, then write; prints what was done and the next steps."""
    today = today or date.today()
    facts = _facts(arguments)
    if arguments.ohne_beispieldaten:
        if arguments.ziel is not None:
            raise UserError(
                "strategie init: Mit --ohne-beispieldaten ersetzt der Befehl die Daten dieses "
                "Projekts; geben Sie dann keinen ZIEL-Ordner an.",
                exit_code=EXIT_USAGE,
            )
        _refuse_unsaved(project)
        plan = plan_city(project, facts, today, with_engine=False)
        removed = _remove_replaced(project)
        _write_files(project, plan)
        print(
            f"Beispieldaten ersetzt: {removed} Dateien entfernt (in Git gesichert), "
            f"{len(plan.files)} Dateien geschrieben, erste Maßnahme {plan.measure_id}."
        )
        _next_steps(project, copied=False)
        return EXIT_OK
    if arguments.ziel is None:
        raise UserError(
            "strategie init: Geben Sie den Ordner für das neue Projekt an (ZIEL), oder "
            "--ohne-beispieldaten, um die Daten dieses Projekts zu ersetzen.",
            exit_code=EXIT_USAGE,
        )
    target: Path = arguments.ziel.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UserError(
            f"strategie init: {target} ist nicht leer. Der Befehl schreibt nur in einen leeren "
            "oder neuen Ordner und überschreibt nichts.",
            exit_code=EXIT_USAGE,
        )
    if target == project or project in target.parents:
        raise UserError(
            f"strategie init: {target} liegt in diesem Projekt; wählen Sie einen Ordner außerhalb.",
            exit_code=EXIT_USAGE,
        )
    plan = plan_city(project, facts, today, with_engine=True)
    target.mkdir(parents=True, exist_ok=True)
    for relative in plan.copies:
        destination = target.joinpath(*relative.parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(project.joinpath(*relative.parts), destination)
    _write_files(target, plan)
    print(
        f"Projekt angelegt in {target}: {len(plan.copies)} Dateien der Software kopiert, "
        f"{len(plan.files)} Dateien für {facts.name} geschrieben, erste Maßnahme "
        f"{plan.measure_id}."
    )
    _next_steps(target, copied=True)
    return EXIT_OK


def _facts(arguments: argparse.Namespace) -> CityFacts:
    key = arguments.gemeindeschluessel.strip()
    if not key_is_well_formed(key):
        raise UserError(
            f"strategie init: Der Gemeindeschlüssel „{key}“ hat nicht 8 Ziffern (zum Beispiel "
            "aus dem Gemeindeverzeichnis des Statistischen Bundesamts).",
            exit_code=EXIT_USAGE,
        )
    website = arguments.website.strip()
    if not website.startswith("https://"):
        raise UserError(
            f"strategie init: Die Website „{website}“ muss mit https:// beginnen.",
            exit_code=EXIT_USAGE,
        )
    return CityFacts(arguments.stadt.strip(), arguments.bundesland.strip(), key, website)


def _git_lines(project: Path, *arguments: str) -> list[str] | None:
    try:
        output = run_git(project, *arguments)
    except GitError:
        return None
    return None if output is None else [x for x in output.decode("utf-8").split("\0") if x]


def _replaced_paths(project: Path) -> list[str] | None:
    """The tracked files init replaces: the data and the generated `.github/` files."""
    return _git_lines(
        project,
        "ls-files",
        "-z",
        "--",
        "strategy",
        *(str(path) for path in sorted(GENERATED | CITY_DOCS)),
    )


def _refuse_unsaved(project: Path) -> None:
    status = _git_lines(
        project,
        "status",
        "-z",
        "--porcelain",
        "--untracked-files=all",
        "--",
        "strategy",
        ".github",
        *(str(path) for path in sorted(CITY_DOCS)),
    )
    if status is None or _replaced_paths(project) is None:
        raise UserError(
            f"strategie init: {project} ist kein Git-Repository. --ohne-beispieldaten löscht "
            "die Daten in strategy/ und ersetzt Dateien in .github/, README.md und "
            "CONTRIBUTING.md; das geschieht nur, wenn Git sie sichert. Legen Sie stattdessen "
            "mit „strategie init ZIEL …“ ein neues Projekt an.",
            exit_code=EXIT_USAGE,
        )
    if status:
        shown = ", ".join(entry[3:] for entry in status[:5]) + (", …" if len(status) > 5 else "")
        raise UserError(
            "strategie init: In strategy/, .github/, README.md oder CONTRIBUTING.md gibt es "
            f"Änderungen, die Git noch nicht gesichert hat ({shown}). Committen oder verwerfen "
            "Sie sie zuerst; sonst gingen sie verloren.",
            exit_code=EXIT_USAGE,
        )


def _remove_replaced(project: Path) -> int:
    paths = _replaced_paths(project) or []
    for name in paths:
        (project / name).unlink(missing_ok=True)
    for folder in sorted((project / "strategy").rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return len(paths)


def _write_files(root: Path, plan: CityPlan) -> None:
    for relative, text in sorted(plan.files.items()):
        destination = root.joinpath(*PurePosixPath(relative).parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with destination.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)


def _next_steps(root: Path, *, copied: bool) -> None:
    steps = [
        "Nächste Schritte (ausführlich: docs/neue-stadt-einrichten.md):",
        f"  cd {root}",
    ]
    if copied:
        steps += [
            "  git init -b main && git add -A && git commit -m 'Strategie eingerichtet'",
            "    (ein neuer Verlauf: kopieren Sie nicht den Git-Verlauf des Ausgangsprojekts)",
        ]
    else:
        steps += [
            "  git add -A && git commit -m 'Beispieldaten durch eigene Strategie ersetzt'",
            "    (historie_ab in strategie.yml blendet den Verlauf vor heute aus)",
        ]
    steps += [
        "  bash scripts/setup.sh",
        "  .venv/bin/strategie check --strict",
        "  .venv/bin/strategie build",
        "Ersetzen Sie dann alles, was in strategy/ mit „ÄNDERN“ markiert ist, und tragen Sie die "
        "Pflichtangaben ein (strategie check --veroeffentlichung).",
    ]
    print("\n".join(steps), file=sys.stdout)

"""The city-specific files of `.github/`, generated from a strategy (pure).

In: a validated strategy and the project it started from (whose issue forms serve as the
frame). Out: {path: text} for CODEOWNERS (one line per measures folder, with placeholder teams
and a comment where the city enters its own), the proposal form (the themes' titles as
choices), the contact link (the strategy's contact), and the pull-request template and error
form with an example id from the strategy itself. Workflows are city-neutral and copied as
they are.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from generator import model
from generator.check.derived_files import (
    UNSURE_OPTION,
    codeowners_paths,
    expected_options,
    measure_folders,
)
from generator.errors import UserError

GITHUB = PurePosixPath(".github")
CODEOWNERS = GITHUB / "CODEOWNERS"
PROPOSAL_FORM = GITHUB / "ISSUE_TEMPLATE" / "massnahme-vorschlagen.yml"
ERROR_FORM = GITHUB / "ISSUE_TEMPLATE" / "fehler-melden.yml"
ISSUE_CONFIG = GITHUB / "ISSUE_TEMPLATE" / "config.yml"
PULL_REQUEST_TEMPLATE = GITHUB / "pull_request_template.md"
#: The files written from the data (never copied from the project the city starts from).
GENERATED = frozenset({CODEOWNERS, PROPOSAL_FORM, ERROR_FORM, ISSUE_CONFIG, PULL_REQUEST_TEMPLATE})
#: The placeholder organisation in CODEOWNERS.
ORGANISATION = "ORGANISATION"
#: An example measure id in the forms of the project the city starts from („z. B. ABC-03“).
_EXAMPLE_ID = re.compile(r"\b[A-ZÄÖÜ]{2,5}-[0-9]{2,3}\b")
_OPTIONS = re.compile(r"(    id: leitthema\n(?:.*\n)*?      options:\n)((?:        - .*\n)+)")


def github_files(strategy: model.Strategy, source: Path) -> dict[PurePosixPath, str]:
    """The generated `.github/` files of `strategy`, framed by `source`'s issue forms."""
    example = strategy.massnahmen[0].id if strategy.massnahmen else "ABC-01"
    files = {
        CODEOWNERS: codeowners(strategy),
        ISSUE_CONFIG: issue_config(strategy),
    }
    for path in (ERROR_FORM, PULL_REQUEST_TEMPLATE):
        text = _read(source, path)
        files[path] = _EXAMPLE_ID.sub(example, text)
    files[PROPOSAL_FORM] = proposal_form(strategy, _read(source, PROPOSAL_FORM))
    return files


def _read(source: Path, path: PurePosixPath) -> str:
    return source.joinpath(*path.parts).read_text(encoding="utf-8")


def codeowners(strategy: model.Strategy) -> str:
    """One line per measures folder; teams are placeholders the city replaces."""
    office = f"@{ORGANISATION}/koordinierung"
    width = max([len(f"/strategy/massnahmen/{t.id}/") for t in strategy.leitthemen] + [30]) + 2
    lines = [
        "# Wer Änderungen wo prüft. GitHub bittet diese Teams bei jedem Pull Request, der ihren",
        "# Ordner berührt, um eine Prüfung; mit Branch-Schutz ist ihre Zustimmung nötig. Die",
        "# letzte passende Zeile gilt.",
        "#",
        f"# ÄNDERN: „{ORGANISATION}“ und die Teamnamen sind Platzhalter. Ersetzen Sie sie durch",
        "# echte Teams Ihrer GitHub-Organisation (Settings → Teams); unbekannte Teams markiert",
        "# GitHub in dieser Datei als Fehler und übergeht sie. Angelegt mit „strategie init“.",
        "",
        "# Alles andere: die koordinierende Stelle.",
        f"{'*':<{width}}{office}",
        "",
        "# Maßnahmen: die zuständigen Fachbereiche je Leitthema, zusammen mit der Stelle.",
    ]
    for theme in strategy.leitthemen:
        folder = f"/strategy/massnahmen/{theme.id}/"
        lines.append(f"{folder:<{width}}@{ORGANISATION}/fachbereich-{theme.id} {office}")
    lines += [
        "",
        "# Strategie, Leitthemen und Verzeichnisse: die koordinierende Stelle.",
        f"{'/strategy/strategie.yml':<{width}}{office}",
        f"{'/strategy/leitthemen/':<{width}}{office}",
        f"{'/strategy/verzeichnisse/':<{width}}{office}",
        "",
        "# Software, Workflows und Bau: das Team, das die Website betreut.",
        f"{'/generator/':<{width}}@{ORGANISATION}/digitalteam",
        f"{'/tests/':<{width}}@{ORGANISATION}/digitalteam",
        f"{'/.github/':<{width}}@{ORGANISATION}/digitalteam",
    ]
    return "\n".join(lines) + "\n"


def issue_config(strategy: model.Strategy) -> str:
    """No blank issues; one contact link to the strategy's contact (or the city's site)."""
    document = strategy.strategie
    url = document.kontakt.website or document.stadt.website
    return (
        "# Issues werden nur über die Formulare eröffnet, damit jede Meldung enthält, was die\n"
        "# koordinierende Stelle braucht. Der Kontakt-Link kommt aus strategie.yml (kontakt);\n"
        "# nach einer Änderung dort hier anpassen.\n"
        "blank_issues_enabled: false\n"
        "contact_links:\n"
        f"  - name: {json.dumps(document.titel, ensure_ascii=False)}\n"
        f"    url: {url}\n"
        "    about: "
        + json.dumps(
            f"Allgemeine Fragen zur Strategie beantwortet: {document.kontakt.stelle}",
            ensure_ascii=False,
        )
        + "\n"
    )


def proposal_form(strategy: model.Strategy, frame: str, command: str = "strategie init") -> str:
    """The proposal form with the themes' titles (and „Weiß ich nicht“) as choices; only the
    list of choices changes."""
    options = expected_options(strategy)
    assert options[-1] == UNSURE_OPTION
    listed = "".join(f"        - {json.dumps(o, ensure_ascii=False)}\n" for o in options)
    text, count = _OPTIONS.subn(lambda match: match.group(1) + listed, frame, count=1)
    if count != 1:
        raise UserError(
            f"{command}: In {PROPOSAL_FORM} fehlt die Auswahl „leitthema“ mit „options:“; "
            "stellen Sie die Datei aus diesem Projekt wieder her und starten Sie erneut."
        )
    return text


def add_codeowners_lines(
    text: str, strategy: model.Strategy, project: Path
) -> tuple[str, list[str]]:
    """CODEOWNERS with a line added for each measures folder that has none, and the folders
    added. Existing lines stay as they are (the city's real teams are there); a new line gets
    the owners of the `/strategy/` line, or else of the `*` line, and follows the last line of
    a measures folder (or ends the file). Without either line nothing is added."""
    rules = codeowners_paths(text)
    named = {path for _, path in rules}
    missing = [folder for folder in measure_folders(strategy, project) if folder not in named]
    lines = text.splitlines()
    owners = _default_owners(lines, rules)
    if not missing or not owners:
        return text, []
    measures = [number for number, path in rules if path.startswith("/strategy/massnahmen/")]
    if measures:
        previous = lines[measures[-1] - 1]
        owners_start = re.match(r"\s*\S+\s+", previous)
        column = owners_start.end() if owners_start else 0
        position = measures[-1]
    else:
        column, position = 0, len(lines)
        if lines and lines[-1].strip():
            lines.append("")
            position += 1
    added = [f"{folder:<{max(column, len(folder) + 1)}}{owners}" for folder in missing]
    lines[position:position] = added
    return "\n".join(lines) + "\n", missing


def _default_owners(lines: list[str], rules: list[tuple[int, str]]) -> str:
    """The owners of the last `/strategy/` line, or else of the last `*` line."""
    for wanted in (("/strategy/", "/strategy"), ("*",)):
        for number, path in reversed(rules):
            if path in wanted:
                return " ".join(lines[number - 1].split()[1:])
    return ""

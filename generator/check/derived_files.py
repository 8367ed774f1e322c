"""Files outside strategy/ that are derived from the data, checked against it.

In: the validated `Strategy` and the project folder. Out: a note (never an error or a warning,
so `--strict` still passes) for each derived file that no longer matches the data: the tables
of allowed values in CONTRIBUTING.md, the Leitthema choices of the proposal form, and the
CODEOWNERS lines of the measures folders. They go stale when a Leitthema is added or another
city's data is dropped in; `strategie feldreferenz` renews them (CODEOWNERS: it only adds
lines, since a city keeps its real team names there, so a line for a folder that is gone is
left for the city to delete; only paths under /strategy/ are checked). A file the project
does not have is not reported.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import yaml

from generator.check import allowed_values
from generator.model import Strategy
from generator.problems import Problem, problem, quote

CONTRIBUTING = PurePosixPath("CONTRIBUTING.md")
CODEOWNERS = PurePosixPath(".github/CODEOWNERS")
PROPOSAL_FORM = PurePosixPath(".github/ISSUE_TEMPLATE/massnahme-vorschlagen.yml")
#: The last choice of the proposal form's Leitthema list, after the themes' titles.
UNSURE_OPTION = "Weiß ich nicht"
_GLOB = re.compile(r"[*?\[\]]")


def derived_file_problems(strategy: Strategy, project: Path) -> list[Problem]:
    """A note for each derived file in `project` that differs from what `strategy` gives."""
    return [
        *_allowed_values_problems(strategy, project),
        *_proposal_form_problems(strategy, project),
        *_codeowners_problems(strategy, project),
    ]


def _read(project: Path, path: PurePosixPath) -> str | None:
    file = project.joinpath(*path.parts)
    if file.is_symlink() or not file.is_file():
        return None
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line containing `needle` (1 if none does)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def _allowed_values_problems(strategy: Strategy, project: Path) -> list[Problem]:
    text = _read(project, CONTRIBUTING)
    if text is None:
        return []
    try:
        current = allowed_values.update_document(text, strategy) == text
    except ValueError:  # no markers: `strategie feldreferenz` says so itself
        return []
    if current:
        return []
    line = _line_of(text, allowed_values.START_MARKER)
    themes = strategy.strategie.bezeichnungen.leitthema.mehrzahl
    return [problem("allowed_values_stale", str(CONTRIBUTING), line, 1, themes=themes)]


def expected_options(strategy: Strategy) -> list[str]:
    """The proposal form's Leitthema choices: the themes' titles, then „Weiß ich nicht“."""
    return [theme.titel for theme in strategy.leitthemen] + [UNSURE_OPTION]


def form_options(text: str) -> list[str] | None:
    """The choices of the form's dropdown `leitthema`; None if the form has none."""
    try:
        form = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    body = form.get("body") if isinstance(form, dict) else None
    for element in body if isinstance(body, list) else []:
        if isinstance(element, dict) and element.get("id") == "leitthema":
            attributes = element.get("attributes")
            options = attributes.get("options") if isinstance(attributes, dict) else None
            if isinstance(options, list):
                return [str(option) for option in options]
    return None


def _proposal_form_problems(strategy: Strategy, project: Path) -> list[Problem]:
    text = _read(project, PROPOSAL_FORM)
    options = None if text is None else form_options(text)
    if text is None or options is None:
        return []
    expected = expected_options(strategy)
    missing = [title for title in expected if title not in options]
    extra = [option for option in options if option not in expected]
    if not missing and not extra:
        return []
    parts = []
    if missing:
        verb = "fehlt" if len(missing) == 1 else "fehlen"
        parts.append(f"es {verb} " + ", ".join(quote(title) for title in missing))
    if extra:
        verb = "ist" if len(extra) == 1 else "sind"
        parts.append(f"überzählig {verb} " + ", ".join(quote(option) for option in extra))
    labels = strategy.strategie.bezeichnungen
    return [
        problem(
            "proposal_form_stale",
            str(PROPOSAL_FORM),
            _line_of(text, "id: leitthema"),
            1,
            themes=labels.leitthema.mehrzahl,
            difference="; ".join(parts),
        )
    ]


def codeowners_paths(text: str) -> list[tuple[int, str]]:
    """(line number, path) of each rule in a CODEOWNERS text."""
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split()
        if words and not words[0].startswith("#"):
            rules.append((number, words[0]))
    return rules


def measure_folders(strategy: Strategy, project: Path) -> list[str]:
    """The CODEOWNERS path of each theme's measures folder that exists, in theme order."""
    folders = project / "strategy" / "massnahmen"
    return [
        f"/strategy/massnahmen/{theme.id}/"
        for theme in strategy.leitthemen
        if (folders / theme.id).is_dir()
    ]


def _codeowners_problems(strategy: Strategy, project: Path) -> list[Problem]:
    text = _read(project, CODEOWNERS)
    if text is None:
        return []
    label = strategy.strategie.bezeichnungen.leitthema
    rules = codeowners_paths(text)
    named = {path for _, path in rules}
    titles = {f"/strategy/massnahmen/{theme.id}/": theme.titel for theme in strategy.leitthemen}
    found = [
        problem(
            "codeowners_folder_missing",
            str(CODEOWNERS),
            1,
            1,
            folder=folder,
            des_theme=label.des,
            title=quote(titles[folder]),
        )
        for folder in measure_folders(strategy, project)
        if folder not in named
    ]
    for number, path in rules:
        if not path.startswith("/strategy/") or _GLOB.search(path):
            continue  # the project's other paths do not come from the data
        if project.joinpath(path.strip("/")).exists():
            continue
        found.append(
            problem(
                "codeowners_path_unknown",
                str(CODEOWNERS),
                number,
                1,
                path=path,
                eines_theme=label.eines,
            )
        )
    return found

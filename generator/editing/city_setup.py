"""A new city's repository content, as `strategie init` creates it (nothing printed or asked).

In: the project to start from (this repository or a copy), the city's basic facts and the day.
Out: a `CityPlan` — the engine files to copy unchanged (the software, its configuration,
workflows, docs and tests) and the files to write: a minimal strategy that passes
`strategie check --strict` (one Leitthema, one Handlungsfeld, one measure, the registries),
the JSON Schemas, and the city-specific files of `.github/` generated from that strategy
(CODEOWNERS, issue forms, contact link, pull-request template). The plan is checked before
anything is written; the CLI (cli/init_command.py) writes it and never overwrites.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from generator import model
from generator.check.placeholders import PLACEHOLDER_DESCRIPTION, PLACEHOLDER_SUMMARY
from generator.check.schemas import render_schemas
from generator.check.validate import load_strategy
from generator.editing import city_template
from generator.editing.city_docs import CITY_DOCS, city_docs
from generator.editing.github_files import GENERATED, github_files
from generator.editing.scaffold import ScaffoldError, plan_measure
from generator.git import GitError, run_git

#: Registries that are not city data (the UN goals, the national Smart City Charta): copied.
SHARED_REGISTRIES = ("sdgs.yml", "charta.yml")
#: Top-level folders never copied from the source: build output, the virtual environment.
_SKIPPED_TOP = {".git", ".venv", "site", "site-offline", "dist", "node_modules"}
#: Folders never copied at any depth: caches.
_SKIPPED_ANYWHERE = {
    "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis",
    ".import_linter_cache",
}  # fmt: skip
_GENERATED_OUTPUT = PurePosixPath("docs", "generiert")


@dataclass(frozen=True)
class CityFacts:
    """What a new strategy cannot do without: the city, its Land and key, its website."""

    name: str
    land: str
    key: str
    website: str


@dataclass(frozen=True)
class CityPlan:
    """Engine files to copy (paths relative to the source) and files to write (relative to
    the new project root)."""

    copies: tuple[PurePosixPath, ...]
    files: dict[PurePosixPath, str]
    measure_id: str


#: A measure id in the guides' text („VER-03“); the placeholder „ABC-01“ stays.
_EXAMPLE_ID = re.compile(r"\b[A-Z]{2,4}-[0-9]{2}\b")
PLACEHOLDER_ID = "ABC-01"


def plan_city(source: Path, facts: CityFacts, today: date, *, with_engine: bool) -> CityPlan:
    """The new city's files; raises `ScaffoldError` (with the problems) if the result would
    not pass `strategie check --strict`."""
    shared = {}
    for name in SHARED_REGISTRIES:
        path = source / "strategy" / "verzeichnisse" / name
        if path.is_file():  # both are optional: a project without one passes none on
            shared[PurePosixPath("verzeichnisse", name)] = path.read_text(encoding="utf-8")
    texts = city_template.strategy_files(
        city=facts.name, land=facts.land, key=facts.key, website=facts.website, today=today
    )
    texts.update(shared)
    with tempfile.TemporaryDirectory(prefix="strategie-init-") as folder:
        strategy_dir = Path(folder) / "strategy"
        _write(strategy_dir, texts)
        partial = _validated(strategy_dir, strict=False)
        measure = plan_measure(
            partial,
            strategy_dir,
            theme_id=city_template.THEME_ID,
            field_id=city_template.FIELD_ID,
            title="ÄNDERN: Erste Maßnahme",
            responsible=city_template.ACTOR_ID,
            today=today,
        )
        relative = PurePosixPath(*measure.path.parts[1:])  # below strategy/
        texts[relative] = _as_template_measure(measure.text)
        _write(strategy_dir, {relative: texts[relative]})
        strategy = _validated(strategy_dir, strict=True)
    files = {PurePosixPath("strategy", *path.parts): text for path, text in texts.items()}
    for name, text in render_schemas(strategy).items():
        files[PurePosixPath("strategy", "schemas", name)] = text
    files.update(github_files(strategy, source))
    guides = {path: source / path for path in CITY_DOCS if (source / path).is_file()}
    source_ids = [p.stem.upper() for p in (source / "strategy" / "massnahmen").glob("*/*.yml")]
    texts_of_guides = {path: file.read_text(encoding="utf-8") for path, file in guides.items()}
    # The guides' examples may name measures the source's data no longer has (its guides were
    # written for the bundled data, its strategy/ holds another city's): those are examples too.
    for text in texts_of_guides.values():
        source_ids += [i for i in _EXAMPLE_ID.findall(text) if i != PLACEHOLDER_ID]
    files.update(city_docs(texts_of_guides, source_ids, strategy))
    copies = engine_files(source) if with_engine else ()
    return CityPlan(tuple(copies), files, measure.id)


#: The first measure of a new city is a pattern, not a draft: its texts say what to write, and
#: it is marked as an example, so that it passes `check --strict` (the placeholders of
#: `strategie neu` do not, by design) and the site labels it until the city replaces it.
TEMPLATE_SUMMARY = (
    "ÄNDERN: Muster einer Maßnahme. Ersetzen Sie Titel und Texte durch die erste Maßnahme "
    "Ihrer Strategie und löschen Sie danach die Zeile „beispielmassnahme: true“."
)
TEMPLATE_DESCRIPTION = (
    "ÄNDERN: Ausgangslage, Vorgehen und Beteiligte der Maßnahme, in Absätzen. Die Feldreferenz "
    "(docs/feldreferenz.md) erklärt jedes Feld."
)


def _as_template_measure(text: str) -> str:
    """The scaffolded measure with its placeholders replaced by instructions, marked as an
    example."""
    replaced = text.replace(f"  {PLACEHOLDER_SUMMARY}\n", f"  {TEMPLATE_SUMMARY}\n", 1)
    replaced = replaced.replace(f"  {PLACEHOLDER_DESCRIPTION}\n", f"  {TEMPLATE_DESCRIPTION}\n", 1)
    replaced = replaced.replace("# beispielmassnahme: true\n", "beispielmassnahme: true\n", 1)
    if replaced.count("ÄNDERN: ") < 2 or "\nbeispielmassnahme: true\n" not in replaced:
        raise AssertionError("the scaffolded measure no longer has the expected placeholders")
    return replaced


def _write(root: Path, texts: dict[PurePosixPath, str]) -> None:
    for path, text in texts.items():
        target = root.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")


def _validated(strategy_dir: Path, *, strict: bool) -> model.Strategy:
    strategy, problems = load_strategy(strategy_dir)
    shown = [p for p in problems if strict or p.code != "no_measures"]
    if strategy is None or shown:
        raise ScaffoldError(
            "strategie init: Mit diesen Angaben entsteht keine gültige Strategie; korrigieren "
            "Sie die genannten Werte (die Zeilen beziehen sich auf die neue strategie.yml).",
            shown,
        )
    return strategy


def engine_files(source: Path) -> list[PurePosixPath]:
    """The files of the software to copy: what Git tracks in the source (or, outside Git,
    every file but build output and caches), without the data and the generated parts."""
    try:
        listed = run_git(source, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    except GitError:
        listed = None
    if listed:
        names = [PurePosixPath(name) for name in listed.decode("utf-8").split("\0") if name]
        found = [name for name in names if (source / name).is_file()]
    else:
        found = []
        for directory, folders, files in os.walk(source):
            here = PurePosixPath(Path(directory).relative_to(source).as_posix())
            top = here == PurePosixPath(".")
            folders[:] = sorted(
                f for f in folders if f not in _SKIPPED_ANYWHERE and not (top and f in _SKIPPED_TOP)
            )
            found += [here / name for name in sorted(files)]
    return sorted(path for path in found if _is_engine(path))


def _is_engine(path: PurePosixPath) -> bool:
    if path.parts[0] == "strategy" or path in GENERATED or path in CITY_DOCS:
        return False
    if path.suffix in {".pyc", ".xlsx"}:
        return False
    if path.parts[0] in _SKIPPED_TOP or any(
        part in _SKIPPED_ANYWHERE or part.endswith(".egg-info") for part in path.parts
    ):
        return False
    inside_output = path.parts[:2] == _GENERATED_OUTPUT.parts
    return not inside_output or path.name == ".gitkeep"


_KEY = re.compile(r"^[0-9]{8}$")


def key_is_well_formed(key: str) -> bool:
    """Eight digits; whether they fit the Land is checked with the new strategy."""
    return bool(_KEY.fullmatch(key))

"""Validation: loaded files → the typed `Strategy`, with every problem of every file.

In: the strategy folder. Out: `(Strategy, problems)` — the Strategy is None when any error
was found (warnings alone keep it). Stages: load all files (load.py), check each file's shape
against the model its location calls for (shape.py), then cross-check references between
files (crosscheck.py). Nothing stops at the first problem.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from generator import model
from generator.check.appearance import absent_registry_problems, check_appearance
from generator.check.collect import Collected
from generator.check.crosscheck import cross_check
from generator.check.examples import Examples, examples_from
from generator.check.honesty import honesty_checks
from generator.check.laender import check_city
from generator.check.load import ParseCache, load_tree
from generator.check.placeholders import find_placeholders
from generator.check.shape import validate_shape
from generator.check.translations import check_translations, is_translation, split_language_setting
from generator.check.tree import LoadedFile
from generator.problems import Problem, Severity, problem, rank

#: Registry files: file name → (model class, entity name for messages, schema name).
REGISTRIES: dict[str, tuple[type[model.Record], str]] = {
    "akteure.yml": (model.ActorRegistry, "akteure"),
    "stadtteile.yml": (model.DistrictRegistry, "stadtteile"),
    "sdgs.yml": (model.GoalRegistry, "sdgs"),
    "charta.yml": (model.CharterRegistry, "charta"),
}
#: Registries a strategy may leave out: without them, their pages, navigation entries and
#: fields disappear, and a measure that refers to them is an error (check/appearance.py).
OPTIONAL_REGISTRIES = {"sdgs.yml": "sdgs", "charta.yml": "charta"}


def schema_name(relative: PurePosixPath) -> str | None:
    """The JSON Schema a data file should point to, or None for files that are not read."""
    parts = relative.parts
    if parts == ("strategie.yml",):
        return "strategie"
    if len(parts) == 2 and parts[0] == "leitthemen":
        return "leitthema"
    if len(parts) == 3 and parts[0] == "massnahmen":
        return "massnahme"
    if len(parts) == 2 and parts[0] == "verzeichnisse" and parts[1] in REGISTRIES:
        return REGISTRIES[parts[1]][1]
    return None


def schema_comment(relative: PurePosixPath) -> str:
    """The first line each data file carries, so editors get completion and inline errors."""
    name = schema_name(relative)
    up = "../" * (len(relative.parts) - 1)
    return f"# yaml-language-server: $schema={up}schemas/{name}.schema.json"


def load_strategy(
    strategy_dir: Path,
    display_root: str = "strategy",
    *,
    editorial: bool = True,
    cache: ParseCache | None = None,
) -> tuple[model.Strategy | None, list[Problem]]:
    """Load, shape-check and cross-check a whole strategy folder.

    `editorial=False` leaves out the rules for how data is written today (check/honesty.py:
    dates and example ratings) — for earlier states in the history, which were valid data
    when they were committed. `cache`: the parsed files kept by the caller's build or serve
    session (check/load.py `ParseCache`); without it every file is parsed."""
    every_file, problems = load_tree(strategy_dir, display_root, cache)
    files, translated = _split(every_file, display_root)
    collected = Collected()
    unreadable = _note_unreadable(problems, display_root, collected)
    examples = examples_from(files, display_root)
    for loaded in files:
        problems.extend(_collect(loaded, display_root, collected, examples))
    problems.extend(_missing_files(collected, display_root, unreadable))
    collected.raw_fields_used.update(
        field_of_action.id
        for theme, _ in collected.themes
        if theme.id in collected.unreadable_folders
        for field_of_action in theme.handlungsfelder
    )
    if collected.document is not None and collected.document_file is not None:
        problems.extend(check_city(collected.document.stadt, collected.document_file))
    strategy, cross = cross_check(collected)
    problems.extend(cross)
    for name, key in OPTIONAL_REGISTRIES.items():
        if name not in collected.registry_files:
            problems.extend(absent_registry_problems(collected.measures, key, name))
    if collected.document is not None and collected.document_file is not None:
        logo, found = check_appearance(collected.document, collected.document_file, strategy_dir)
        problems.extend(found)
        if strategy is not None and logo is not None:
            strategy = strategy.model_copy(update={"logo": logo})
    if editorial:
        problems.extend(honesty_checks(collected))
    if translated or collected.languages is not None:
        german_paths = unreadable | {loaded.path for loaded in files}
        translations, found = check_translations(
            collected, translated, display_root, german_paths, examples
        )
        problems.extend(found)
        if strategy is not None:
            update = {"sprachen": collected.languages, "uebersetzungen": translations}
            strategy = strategy.model_copy(update=update)
    problems = sorted(set(problems))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return strategy, problems


def _split(files: list[LoadedFile], display_root: str) -> tuple[list[LoadedFile], list[LoadedFile]]:
    """The German files, and the translations below uebersetzungen/."""
    german: list[LoadedFile] = []
    translated: list[LoadedFile] = []
    for loaded in files:
        relative = PurePosixPath(loaded.path).relative_to(display_root)
        (translated if is_translation(relative) else german).append(loaded)
    return german, translated


def _note_unreadable(problems: list[Problem], display_root: str, collected: Collected) -> set[str]:
    """Remember the files that could not be read, so that what follows from them is reported
    once at them rather than as problems of the files that refer to them."""
    unreadable = {found.file for found in problems if rank(found.code) == 0}
    for path in sorted(unreadable):
        relative = PurePosixPath(path)
        if not relative.is_relative_to(display_root):
            continue
        relative = relative.relative_to(display_root)
        kind = schema_name(relative)
        if kind == "massnahme":
            collected.unreadable.setdefault("massnahmen", {})[relative.stem.upper()] = path
            collected.unreadable_folders.add(relative.parts[1])
        elif kind == "leitthema":
            collected.unreadable.setdefault("leitthemen", {})[relative.stem] = path
    return unreadable


def _collect(
    loaded: LoadedFile, display_root: str, collected: Collected, examples: Examples
) -> list[Problem]:
    relative = PurePosixPath(loaded.path).relative_to(display_root)
    kind = schema_name(relative)
    if kind is None:
        return [
            problem(
                "stray_file",
                loaded.path,
                1,
                1,
                reason="erwartet werden strategie.yml, leitthemen/<id>.yml, "
                "massnahmen/<leitthema>/<id>.yml und verzeichnisse/"
                "{akteure,stadtteile,sdgs,charta}.yml",
            )
        ]
    problems: list[Problem] = find_placeholders(loaded)
    expected_comment = schema_comment(relative)
    if loaded.first_line.strip() != expected_comment:
        problems.append(problem("schema_comment", loaded.path, 1, 1, expected=expected_comment))
    if kind == "massnahme":
        _remember_raw(collected, "massnahmen", [loaded.data], "id")
        if isinstance(loaded.data, dict) and isinstance(loaded.data.get("handlungsfeld"), str):
            collected.raw_fields_used.add(loaded.data["handlungsfeld"])
    if kind == "strategie":
        loaded, collected.languages, setting = split_language_setting(loaded, examples)
        problems += setting
        document, found = validate_shape(loaded, model.StrategyDocument, "strategie.yml", examples)
        if document is None and isinstance(loaded.data, dict):
            _remember_raw(collected, "status", loaded.data.get("status"), "id")
        _attach(document, loaded)
        collected.document, collected.document_file = document, loaded
    elif kind == "leitthema":
        theme, found = validate_shape(loaded, model.Theme, f"Leitthema {_id_of(loaded)}", examples)
        if theme is None:
            theme_id = _raw_id(loaded)
            collected.unreadable.setdefault("leitthemen", {})[theme_id] = loaded.path
        else:
            _attach(theme, loaded)
            for index, field_of_action in enumerate(theme.handlungsfelder):
                _attach(field_of_action, loaded, ("handlungsfelder", index))
            collected.themes.append((theme, loaded))
    elif kind == "massnahme":
        measure, found = validate_shape(
            loaded, model.Measure, f"Maßnahme {_id_of(loaded)}", examples
        )
        if measure is not None:
            _attach(measure, loaded)
            collected.measures.append((measure, loaded))
    else:
        model_class, _ = REGISTRIES[relative.name]
        collected.registry_files.add(relative.name)
        registry, found = validate_shape(loaded, model_class, relative.name, examples)
        if registry is not None:
            _attach_entries(registry, loaded)
            collected.registries[relative.name] = (registry, loaded)
        elif isinstance(loaded.data, dict):
            key = next(iter(model_class.model_fields))
            id_key = "nummer" if relative.name == "sdgs.yml" else "id"
            _remember_raw(collected, relative.name, loaded.data.get(key), id_key)
    return problems + found


def _remember_raw(collected: Collected, name: str, entries: Any, id_key: str) -> None:
    if not isinstance(entries, list):
        return
    ids = collected.raw_ids.setdefault(name, [])
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get(id_key), str | int):
            ids.append(str(entry[id_key]))


def _raw_id(loaded: LoadedFile) -> str:
    """The id as written in the file, else the file name's stem."""
    data: Any = loaded.data
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return str(data["id"])
    return PurePosixPath(loaded.path).stem


def _id_of(loaded: LoadedFile) -> str:
    return f"„{_raw_id(loaded)}“"


def _attach(
    entity: model.Record | None, loaded: LoadedFile, path: tuple[str | int, ...] = ()
) -> None:
    """Record where an entity stands; positions never take part in equality."""
    if entity is None:
        return
    at = loaded.positions.get(path)
    line, column = (at.line, at.column) if at else (1, 1)
    entity._position = model.SourcePosition(loaded.path, line, column)


def _attach_entries(registry: model.Record, loaded: LoadedFile) -> None:
    for key in type(registry).model_fields:
        for index, entry in enumerate(getattr(registry, key)):
            _attach(entry, loaded, (key, index))


def _missing_files(collected: Collected, display_root: str, unreadable: set[str]) -> list[Problem]:
    """Required files that do not exist (a file that exists but cannot be read is reported
    as such, not also as missing)."""
    missing = []
    if collected.document_file is None:
        missing.append("strategie.yml")
    missing += [
        f"verzeichnisse/{name}"
        for name in REGISTRIES
        if name not in collected.registry_files and name not in OPTIONAL_REGISTRIES
    ]
    return [
        problem("missing_file", f"{display_root}/{name}", 1, 1, path=f"{display_root}/{name}")
        for name in missing
        if f"{display_root}/{name}" not in unreadable
    ]

"""Checks of `sprachen` in strategie.yml and of the translation files (issue 20).

In: the German files as validate.py collected them, and the loaded files below
`uebersetzungen/<sprache>/`. Out: the checked translations by language and the problems:
each file's shape (the same text checks as German), its German counterpart, keys and list
lengths that do not fit the German, measures translated from an older German state, and per
published language one summary of the texts still missing.
"""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from generator import translation_model as tm
from generator.check.collect import Collected
from generator.check.examples import NEUTRAL, Examples
from generator.check.shape import validate_shape
from generator.check.tree import LoadedFile
from generator.problems import Problem, problem, quote
from generator.translation_walk import Finding, Path, Walk, overlay

FOLDER = "uebersetzungen"
#: How many missing texts a summary names.
EXAMPLES = 3

#: Kind of German file → (translation model, JSON Schema name).
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "strategie": (tm.StrategyTranslation, "uebersetzung-strategie"),
    "leitthema": (tm.ThemeTranslation, "uebersetzung-leitthema"),
    "massnahme": (tm.MeasureTranslation, "uebersetzung-massnahme"),
    "akteure": (tm.ActorsTranslation, "uebersetzung-verzeichnis-akteure"),
    "sdgs": (tm.SdgsTranslation, "uebersetzung-verzeichnis-sdgs"),
    "charta": (tm.CharterTranslation, "uebersetzung-verzeichnis-charta"),
}


def is_translation(relative: PurePosixPath) -> bool:
    """Whether a file below strategy/ (relative path) lies in the translations' folder."""
    return len(relative.parts) > 1 and relative.parts[0] == FOLDER


def german_kind(rest: PurePosixPath) -> str | None:
    """The kind of German file a path below uebersetzungen/<sprache>/ mirrors, or None."""
    parts = rest.parts
    if parts == ("strategie.yml",):
        return "strategie"
    if len(parts) == 2 and parts[0] == "leitthemen":
        return "leitthema"
    if len(parts) == 3 and parts[0] == "massnahmen":
        return "massnahme"
    if len(parts) == 2 and parts[0] == "verzeichnisse" and parts[1] != "stadtteile.yml":
        return {"akteure.yml": "akteure", "sdgs.yml": "sdgs", "charta.yml": "charta"}.get(parts[1])
    return None


def translation_schema_comment(relative: PurePosixPath, kind: str) -> str:
    up = "../" * (len(relative.parts) - 1)
    return f"# yaml-language-server: $schema={up}schemas/{KINDS[kind][1]}.schema.json"


def split_language_setting(
    loaded: LoadedFile, examples: Examples = NEUTRAL
) -> tuple[LoadedFile, tm.Languages | None, list[Problem]]:
    """strategie.yml without `sprachen` (for the German model), and `sprachen` checked."""
    data = loaded.data
    if not isinstance(data, dict) or "sprachen" not in data:
        return loaded, None, []
    rest = {key: value for key, value in data.items() if key != "sprachen"}
    alone = dataclasses.replace(loaded, data={"sprachen": data["sprachen"]})
    setting, found = validate_shape(alone, tm.LanguageSetting, "strategie.yml", examples)
    languages = setting.sprachen if setting is not None else None
    if languages is not None:
        for index, code in enumerate(languages.vollstaendig):
            if code not in languages.weitere:
                line, column = _at(loaded, ("sprachen", "vollstaendig", index))
                found.append(
                    problem("language_complete_unlisted", loaded.path, line, column,
                            value=quote(code))
                )  # fmt: skip
    return dataclasses.replace(loaded, data=rest), languages, found


def _at(loaded: LoadedFile, path: Path) -> tuple[int, int]:
    """Line and column of a path in a file, or of the nearest enclosing value."""
    while path:
        position = loaded.positions.get(path)
        if position is not None:
            return position.line, position.column
        path = path[:-1]
    return 1, 1


def _dotted(path: Path) -> str:
    return ".".join(str(part) for part in path)


class _German:
    """The German files by their path relative to strategy/."""

    def __init__(self, collected: Collected, display_root: str) -> None:
        self.entities: dict[str, tuple[str, BaseModel, str]] = {}
        self.paths: set[str] = set()
        root = PurePosixPath(display_root)
        if collected.document is not None and collected.document_file is not None:
            self.entities["strategie.yml"] = ("strategie", collected.document, "strategie.yml")
        for theme, loaded in collected.themes:
            relative = PurePosixPath(loaded.path).relative_to(root).as_posix()
            self.entities[relative] = ("leitthema", theme, f"Leitthema {theme.id}")
        for measure, loaded in collected.measures:
            relative = PurePosixPath(loaded.path).relative_to(root).as_posix()
            self.entities[relative] = ("massnahme", measure, f"Maßnahme {measure.id}")
        for name, (registry, _) in collected.registries.items():
            if name != "stadtteile.yml":
                self.entities[f"verzeichnisse/{name}"] = (name.removesuffix(".yml"), registry, name)


@dataclasses.dataclass
class _Language:
    code: str
    #: Listed in sprachen.vollstaendig: outdated translations are warnings, not notes.
    complete: bool = False
    found: tm.TranslationSet = dataclasses.field(default_factory=tm.TranslationSet)
    covered: set[str] = dataclasses.field(default_factory=set)


def check_translations(
    collected: Collected,
    files: list[LoadedFile],
    display_root: str,
    german_paths: set[str],
    examples: Examples = NEUTRAL,
) -> tuple[dict[str, tm.TranslationSet], list[Problem]]:
    """The translations by language, and every problem with them. `german_paths`: every
    German file there is, readable or not (a translation of a broken file is no orphan)."""
    german = _German(collected, display_root)
    german.paths = german_paths
    problems: list[Problem] = []
    languages: dict[str, _Language] = {}
    root = PurePosixPath(display_root)
    for loaded in files:
        relative = PurePosixPath(loaded.path).relative_to(root)
        code, rest = relative.parts[1], PurePosixPath(*relative.parts[2:])
        if not rest.parts:
            reason = f"Übersetzungen liegen in einem Ordner je Sprache, etwa {FOLDER}/en/"
            problems.append(problem("stray_file", loaded.path, 1, 1, reason=reason))
            continue
        if code not in tm.ISO_639_1 or code == "de":
            reason = f"der Ordner {quote(code)} ist kein Sprachcode nach ISO 639-1 (außer „de“)"
            problems.append(problem("stray_file", loaded.path, 1, 1, reason=reason))
            continue
        kind = german_kind(rest)
        if kind is None:
            reason = (
                f"Übersetzungen spiegeln die deutschen Dateien: erwartet werden unter "
                f"{FOLDER}/{code}/ strategie.yml, leitthemen/<id>.yml, "
                "massnahmen/<leitthema>/<id>.yml und verzeichnisse/{akteure,sdgs,charta}.yml"
            )
            problems.append(problem("stray_file", loaded.path, 1, 1, reason=reason))
            continue
        complete = collected.languages is not None and code in collected.languages.vollstaendig
        language = languages.setdefault(code, _Language(code, complete))
        problems += _check_file(loaded, relative, rest, kind, german, language, examples)
        language.covered.add(rest.as_posix())
    problems += _language_notes(collected, languages, german, display_root)
    return {code: language.found for code, language in sorted(languages.items())}, problems


def _check_file(
    loaded: LoadedFile,
    relative: PurePosixPath,
    rest: PurePosixPath,
    kind: str,
    german: _German,
    language: _Language,
    examples: Examples,
) -> list[Problem]:
    problems: list[Problem] = []
    expected_comment = translation_schema_comment(relative, kind)
    if loaded.first_line.strip() != expected_comment:
        problems.append(problem("schema_comment", loaded.path, 1, 1, expected=expected_comment))
    original = german.entities.get(rest.as_posix())
    model_class = KINDS[kind][0]
    label = original[2] if original else rest.as_posix()
    translation, found = validate_shape(
        loaded, model_class, f"Übersetzung ({language.code}) von {label}", examples
    )
    problems += found
    german_path = f"{PurePosixPath(loaded.path).parents[len(rest.parts) + 1]}/{rest.as_posix()}"
    if original is None:
        if german_path in german.paths:
            return problems  # the German file is broken; its problems say so
        problems.append(problem("translation_orphan", loaded.path, 1, 1, german=quote(german_path)))
        return problems
    if translation is None:
        return problems
    entity = original[1]
    identity = getattr(entity, "id", None) if kind in ("leitthema", "massnahme") else None
    if identity is not None and getattr(translation, "id", None) != identity:
        line, column = _at(loaded, ("id",))
        problems.append(
            problem("translation_id_mismatch", loaded.path, line, column, key="id",
                    value=quote(getattr(translation, "id", "")), german=quote(german_path),
                    expected=quote(identity), expected_plain=identity)
        )  # fmt: skip
        return problems
    walk = Walk()
    overlay(model_class, entity.model_dump(), translation.model_dump(exclude_none=True), walk)
    problems += [_finding_problem(loaded, finding) for finding in walk.findings]
    if isinstance(translation, tm.MeasureTranslation) and isinstance(entity, BaseModel):
        updated = getattr(entity, "aktualisiert", None)
        if updated is not None and translation.stand < updated:
            line, column = _at(loaded, ("stand",))
            problems.append(
                problem("translation_outdated_complete" if language.complete
                        else "translation_outdated", loaded.path, line, column,
                        stand=translation.stand.isoformat(), german=quote(german_path),
                        updated=updated.isoformat(), updated_plain=updated.isoformat())
            )  # fmt: skip
    _store(language, kind, translation)
    return problems


def _store(language: _Language, kind: str, translation: BaseModel) -> None:
    found = language.found
    if isinstance(translation, tm.StrategyTranslation):
        update: dict[str, Any] = {"strategie": translation}
    elif isinstance(translation, tm.ThemeTranslation):
        update = {"leitthemen": {**found.leitthemen, translation.id: translation}}
    elif isinstance(translation, tm.MeasureTranslation):
        update = {"massnahmen": {**found.massnahmen, translation.id: translation}}
    else:
        update = {kind: translation}
    language.found = found.model_copy(update=update)


def _finding_problem(loaded: LoadedFile, finding: Finding) -> Problem:
    line, column = _at(loaded, finding.at)
    field = _dotted(tuple(part for part in finding.at if not isinstance(part, int)))
    params = finding.params
    if finding.kind in ("entry_unknown", "entry_duplicate"):
        field = _dotted(finding.at[:-2])
        extra: dict[str, object] = {"key": params["key"], "value": quote(params["value"])}
        if finding.kind == "entry_unknown":
            known = [str(value) for value in params["known"]]  # type: ignore[attr-defined]
            shown = ", ".join(known[:6]) + (" …" if len(known) > 6 else "")
            extra["known"] = quote(shown) if known else "keine"
        else:
            extra["first"] = params["first"]
        return problem(f"translation_{finding.kind}", loaded.path, line, column, field=field,
                       **extra)  # fmt: skip
    if finding.kind == "length":
        return problem("translation_length", loaded.path, line, column, field=field,
                       count=params["count"], expected=params["expected"])  # fmt: skip
    return problem("translation_field_unused", loaded.path, line, column, field=field)


def _language_notes(
    collected: Collected,
    languages: dict[str, _Language],
    german: _German,
    display_root: str,
) -> list[Problem]:
    """Per published language one summary of missing texts; a note for each folder of a
    language that `sprachen` does not list (none without `sprachen`)."""
    document_file = collected.document_file
    setting = collected.languages
    if setting is None:
        # A German-only site (no `sprachen`): translations are checked for errors but nothing
        # is said about them, so that `strategie check` reads as before.
        return []
    published = setting.weitere
    problems = [
        problem("language_unlisted", f"{display_root}/{FOLDER}/{code}", 1, 1,
                language=quote(code), folder=code)
        for code in sorted(languages) if code not in published
    ]  # fmt: skip
    if document_file is None:
        return problems
    line, column = _at(document_file, ("sprachen", "weitere"))
    for code in published:
        language = languages.get(code, _Language(code))
        missing = _missing(german, language)
        if not missing:
            continue
        complete = code in setting.vollstaendig
        examples = ", ".join(quote(text) for text in missing[:EXAMPLES])
        problems.append(
            problem("translation_missing_complete" if complete else "translation_missing",
                    document_file.path, line, column, language=quote(code), folder=code,
                    fields=f"{len(missing)} {'Textfeld' if len(missing) == 1 else 'Textfelder'}",
                    examples=examples)
        )  # fmt: skip
    return problems


def _missing(german: _German, language: _Language) -> list[str]:
    """The German texts without a translation, as short readable names, in file order."""
    names: list[str] = []
    for path, (kind, entity, label) in sorted(german.entities.items()):
        model_class = KINDS[kind][0]
        translation = _translation_of(language.found, kind, entity)
        walk = Walk()
        given = translation.model_dump(exclude_none=True) if translation is not None else None
        if translation is not None and path not in language.covered:
            given = None
        overlay(model_class, entity.model_dump(), given, walk)
        names += [f"{label}: {_dotted(missing)}" for missing in walk.missing]
    return names


def _translation_of(found: tm.TranslationSet, kind: str, entity: BaseModel) -> BaseModel | None:
    if kind == "strategie":
        return found.strategie
    if kind == "leitthema":
        return found.leitthemen.get(getattr(entity, "id", ""))
    if kind == "massnahme":
        return found.massnahmen.get(getattr(entity, "id", ""))
    result: BaseModel | None = getattr(found, kind)
    return result

"""Edited translation cells of a workbook → the translation files (`strategie import xlsx`).

In: a measure, the new values of its translation columns („titel (en)“ …) and the German
`aktualisiert` date the row ends up with. Out: the new text of each language's translation
file (strategy/uebersetzungen/<sprache>/massnahmen/<leitthema>/<id>.yml), made with yamledit
so that untouched lines stay as they are; a file that does not exist yet is started with its
schema line, `id` and `stand`. A translation edited in the workbook is made from the German
state of that row, so `stand` becomes that row's `aktualisiert`. An emptied cell removes the
translation (the page then shows German again).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath

from generator.check.translations import FOLDER, translation_schema_comment
from generator.editing.yamledit import Edit, apply_edits
from generator.exports.columns import Cell
from generator.exports.translation_columns import split_translation_key
from generator.model import Measure, Strategy
from generator.translation_model import MeasureTranslation

KEY_ORDER: dict[tuple[str, ...], list[str]] = {(): list(MeasureTranslation.model_fields)}


def translation_path(
    strategy_dir: Path, strategy: Strategy, measure_id: str, language: str
) -> Path:
    """Where a measure's translation into `language` lives."""
    german = PurePosixPath(strategy.dateien[measure_id]).parts[1:]
    return strategy_dir.joinpath(FOLDER, language, *german)


def display_path(strategy: Strategy, measure_id: str, language: str) -> str:
    german = PurePosixPath(strategy.dateien[measure_id])
    return str(PurePosixPath(german.parts[0], FOLDER, language, *german.parts[1:]))


def translation_texts(
    strategy_dir: Path,
    strategy: Strategy,
    measure: Measure,
    new: dict[str, Cell],
    german_date: date,
) -> dict[Path, str]:
    """The new text of each translation file the row's translation cells change."""
    by_language: dict[str, list[Edit]] = {}
    for key, value in new.items():
        split = split_translation_key(key)
        if split is None:
            continue
        field, language = split
        text = value if isinstance(value, str) else None
        by_language.setdefault(language, []).append(Edit((field,), text))
    texts: dict[Path, str] = {}
    for language, edits in sorted(by_language.items()):
        path = translation_path(strategy_dir, strategy, measure.id, language)
        if path.is_file():
            current = path.read_bytes().decode("utf-8")
        else:
            relative = PurePosixPath(path.relative_to(strategy_dir).as_posix())
            comment = translation_schema_comment(relative, "massnahme")
            current = f"{comment}\nid: {measure.id}\nstand: {german_date.isoformat()}\n"
        edits.append(Edit(("stand",), german_date))
        texts[path] = apply_edits(current, edits, KEY_ORDER)
    return texts

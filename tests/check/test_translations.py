"""Translations (issue 20): loading, the strategy in another language, their schemas."""

from __future__ import annotations

import shutil
from pathlib import Path

from repo_paths import PROBLEMS

from generator.check.translation_schemas import stale_translation_schemas
from generator.check.validate import load_strategy
from generator.derive.language import strategy_in
from generator.model import Strategy

BASE = PROBLEMS / "base"

MEASURE = """\
# yaml-language-server: $schema=../../../../schemas/uebersetzung-massnahme.schema.json
id: VER-01
stand: 2026-11-01
titel: Service portal
meilensteine:
  - titel: Pilot operation
"""
DOCUMENT = """\
# yaml-language-server: $schema=../../schemas/uebersetzung-strategie.schema.json
titel: Digital Model Town
visionen:
  - id: lebenswert
    titel: A town worth living in
"""


def _strategy(tmp_path: Path, *, languages: bool = True) -> Strategy:
    folder = tmp_path / "strategy"
    shutil.copytree(BASE, folder)
    if languages:
        document = folder / "strategie.yml"
        text = document.read_text(encoding="utf-8")
        document.write_text(text.replace("horizont: 2030\n", "horizont: 2030\nsprachen:\n"
                                          "  weitere: [en]\n"), encoding="utf-8")  # fmt: skip
    target = folder / "uebersetzungen" / "en"
    (target / "massnahmen" / "verwaltung").mkdir(parents=True)
    (target / "massnahmen" / "verwaltung" / "ver-01.yml").write_text(MEASURE, encoding="utf-8")
    (target / "strategie.yml").write_text(DOCUMENT, encoding="utf-8")
    strategy, problems = load_strategy(folder, "strategy")
    assert strategy is not None, [p.format() for p in problems]
    return strategy


def test_translations_are_loaded_with_the_language_setting(tmp_path: Path) -> None:
    """`sprachen` and the files below uebersetzungen/en/ arrive on the Strategy."""
    strategy = _strategy(tmp_path)
    assert strategy.sprachen is not None and strategy.sprachen.weitere == ["en"]
    measure = strategy.uebersetzungen["en"].massnahmen["VER-01"]
    assert measure.titel == "Service portal"
    assert strategy.strategie.titel == "Digitale Musterstadt"  # German stays German


def test_strategy_in_english_falls_back_to_german_and_marks_it(tmp_path: Path) -> None:
    """Translated texts replace German ones; the rest stays German and is marked as such."""
    localized = strategy_in(_strategy(tmp_path), "en")
    english = localized.strategy
    measure = next(m for m in english.massnahmen if m.id == "VER-01")
    assert measure.titel == "Service portal"
    assert measure.meilensteine[0].titel == "Pilot operation"
    assert measure.meilensteine[0].datum.isoformat() == "2020-08-01"
    assert measure.position is not None and measure.position.file.endswith("ver-01.yml")
    assert not localized.is_german("massnahme", "VER-01", "titel")
    assert localized.is_german("massnahme", "VER-01", "kurzbeschreibung")
    assert measure.kurzbeschreibung == "Ein Zugang für alle Online-Dienste."
    assert english.strategie.titel == "Digital Model Town"
    assert english.strategie.visionen[0].titel == "A town worth living in"
    assert localized.is_german("strategie", "visionen", "lebenswert", "beschreibung")
    assert localized.is_german("massnahme", "VER-02", "titel")


def test_a_language_without_translations_is_german_everywhere(tmp_path: Path) -> None:
    """For a language with no files, the strategy is the German one, every text marked."""
    strategy = _strategy(tmp_path)
    localized = strategy_in(strategy, "fr")
    assert localized.strategy == strategy
    assert localized.is_german("strategie", "titel")


def test_without_languages_the_strategy_is_as_before(tmp_path: Path) -> None:
    """Without translations and `sprachen`, the Strategy carries none (German-only site)."""
    folder = tmp_path / "strategy"
    shutil.copytree(BASE, folder)
    strategy, problems = load_strategy(folder, "strategy")
    assert problems == [] and strategy is not None
    assert strategy.sprachen is None and strategy.uebersetzungen == {}


def test_missing_translation_schemas_are_stale_once_translations_exist(tmp_path: Path) -> None:
    """With translations, a schemas folder without their schemas gets a note per schema;
    without translations it stays quiet."""
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    strategy = _strategy(tmp_path)
    found = stale_translation_schemas(strategy, schemas)
    assert len(found) == 6 and {p.code for p in found} == {"schemas_stale"}
    plain = strategy.model_copy(update={"sprachen": None, "uebersetzungen": {}})
    assert stale_translation_schemas(plain, schemas) == []


def test_diff_names_the_language_that_changed(tmp_path: Path) -> None:
    """`strategie diff` lists translation changes under their language, German untouched."""
    from generator.history.diff import diff_strategies
    from generator.history.diff_format import format_markdown, format_text
    from generator.history.translation_diff import diff_translations

    old = _strategy(tmp_path / "alt")
    folder = tmp_path / "neu" / "strategy"
    new = _strategy(tmp_path / "neu")
    measure = folder / "uebersetzungen" / "en" / "massnahmen" / "verwaltung" / "ver-01.yml"
    measure.write_text(MEASURE.replace("Service portal", "Online services"), encoding="utf-8")
    (folder / "uebersetzungen" / "en" / "strategie.yml").write_text(
        DOCUMENT.replace("  - id: lebenswert\n    titel: A town worth living in\n", "").replace(
            "visionen:\n", ""
        ),
        encoding="utf-8",
    )
    new, problems = load_strategy(folder, "strategy")
    assert new is not None, problems
    translations = diff_translations(old, new)
    german = diff_strategies(old, new)
    assert german.empty
    assert format_text(german, "a", "b", translations).splitlines()[1:] == [
        "",
        "Übersetzung „en“",
        "  Maßnahme VER-01: titel geändert",
        "  strategie.yml: visionen.lebenswert.titel nicht mehr übersetzt (erscheint auf Deutsch)",
    ]
    assert "#### Übersetzung „en“" in format_markdown(german, "a", "b", translations)
    assert format_text(german, "a", "b").endswith("Keine inhaltlichen Änderungen.\n")


def test_a_commit_that_only_translates_is_no_change_of_the_german_strategy(
    tmp_path: Path,
) -> None:
    """The Änderungen page of the German site lists no commit that only touched
    strategy/uebersetzungen/, so translating leaves the German site as it was."""
    from test_history import git, make_repository

    from generator.history.describe import read_history

    root = make_repository(tmp_path / "projekt")
    strategy, _ = load_strategy(root / "strategy")
    assert strategy is not None
    editions = strategy.strategie.fortschreibungen
    before = read_history(root, editions)
    folder = root / "strategy" / "uebersetzungen" / "en" / "massnahmen" / "verwaltung"
    folder.mkdir(parents=True)
    (folder / "ver-02.yml").write_text(MEASURE.replace("VER-01", "VER-02"), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "translate VER-02", date="2024-08-01T10:00:00+02:00")
    after = read_history(root, editions)
    assert [c.revision for c in after.revisions] == [c.revision for c in before.revisions]
    assert len(before.revisions) == 3

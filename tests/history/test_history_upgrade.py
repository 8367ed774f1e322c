"""Earlier states in today's form (history/upgrade.py): operative goals kept as plain texts
before they were numbered are read as numbered goals, so the Änderungen page can compare."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from repo_paths import MINIMAL

from generator.check.validate import load_strategy
from generator.history.upgrade import upgrade_old_forms


def _to_old_form(strategy_dir: Path) -> dict[str, list[str]]:
    """Rewrite goals as plain texts, measures copying their texts; the texts per measure."""
    texts: dict[tuple[str, str], dict[int, str]] = {}
    for path in (strategy_dir / "leitthemen").glob("*.yml"):
        theme = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field in theme.get("handlungsfelder", []):
            goals = field.get("operative_ziele", [])
            texts[(theme["id"], field["id"])] = {g["nummer"]: g["text"] for g in goals}
            field["operative_ziele"] = [g["text"] for g in goals]
        path.write_text(yaml.safe_dump(theme, allow_unicode=True), encoding="utf-8")
    copied: dict[str, list[str]] = {}
    for path in (strategy_dir / "massnahmen").rglob("*.yml"):
        measure = yaml.safe_load(path.read_text(encoding="utf-8"))
        numbers = measure.get("operative_ziele")
        if numbers:
            known = texts[(measure["leitthema"], measure["handlungsfeld"])]
            # as editors copied them: with another line break
            measure["operative_ziele"] = [known[n].replace(" ", "\n ", 1) for n in numbers]
            copied[measure["id"]] = measure["operative_ziele"]
        path.write_text(yaml.safe_dump(measure, allow_unicode=True), encoding="utf-8")
    return copied


def test_goals_as_texts_are_read_as_numbered_goals(tmp_path: Path) -> None:
    """An old state with goal texts on fields and copies on measures fails today's check, and
    passes after the upgrade with the same goals and each measure's numbers back."""
    expected, problems = load_strategy(MINIMAL)
    assert expected is not None
    folder = tmp_path / "strategy"
    shutil.copytree(MINIMAL, folder)
    copied = _to_old_form(folder)
    assert copied, "the minimal strategy has measures with operative goals"
    old, problems = load_strategy(folder)
    assert old is None and problems
    upgrade_old_forms(folder)
    upgraded, problems = load_strategy(folder)
    assert upgraded is not None, problems
    for measure in expected.massnahmen:
        again = next(m for m in upgraded.massnahmen if m.id == measure.id)
        assert again.operative_ziele == sorted(set(measure.operative_ziele)), measure.id
    assert [t.handlungsfelder for t in upgraded.leitthemen] == [
        t.handlungsfelder for t in expected.leitthemen
    ]


def test_files_in_todays_form_and_unreadable_files_stay_untouched(tmp_path: Path) -> None:
    """Data already in today's form, and a file that is no YAML mapping, are not rewritten."""
    folder = tmp_path / "strategy"
    shutil.copytree(MINIMAL, folder)
    broken = folder / "massnahmen" / "verwaltung" / "kaputt.yml"
    broken.write_text("operative_ziele: [\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in folder.rglob("*.yml")}
    upgrade_old_forms(folder)
    assert {p: p.read_bytes() for p in folder.rglob("*.yml")} == before

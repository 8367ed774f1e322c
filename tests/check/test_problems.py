"""Error goldens for validation: each broken strategy pins the exact German messages.

A case is a folder under tests/problems/validate/: files that replace or add to the valid
base strategy in tests/problems/base/, an optional `entfernen.txt` listing base files to
delete, and `expected.txt` with the formatted problems. `pytest --update-goldens` rewrites the
expected files; review their diff like code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from repo_paths import PROBLEMS

from generator.check.validate import load_strategy
from generator.problems import MESSAGES, Severity

HERE = PROBLEMS
BASE = HERE / "base"
CASES = sorted(p for p in (HERE / "validate").iterdir() if p.is_dir())


def build_case(case: Path, target: Path) -> Path:
    """Lay out the base strategy with the case's changes in target/strategy."""
    strategy = target / "strategy"
    shutil.copytree(BASE, strategy)
    removals = case / "entfernen.txt"
    if removals.exists():
        for name in removals.read_text(encoding="utf-8").split():
            (strategy / name).unlink()
    for source in sorted(case.rglob("*")):
        relative = source.relative_to(case)
        if source.is_file() and relative.name not in {"expected.txt", "entfernen.txt"}:
            destination = strategy / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
    return strategy


def run_case(case: Path, tmp_path: Path) -> str:
    strategy, problems = load_strategy(build_case(case, tmp_path), "strategy")
    lines = [p.format() for p in problems]
    if any(p.severity is Severity.ERROR for p in problems):
        assert strategy is None
    return "\n".join(lines) + "\n"


def test_base_is_valid(tmp_path: Path) -> None:
    """The base strategy the cases modify has no problem at all."""
    shutil.copytree(BASE, tmp_path / "strategy")
    strategy, problems = load_strategy(tmp_path / "strategy", "strategy")
    assert problems == []
    assert strategy is not None
    assert [m.id for m in strategy.massnahmen] == ["LAB-01", "VER-01", "VER-02"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_problem_case(case: Path, tmp_path: Path, update_goldens: bool) -> None:
    """Each broken input yields exactly the pinned German messages, sorted by file and line."""
    actual = run_case(case, tmp_path)
    expected_file = case / "expected.txt"
    if update_goldens:
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")
    assert actual.strip(), "a broken-input case must produce at least one problem"


#: Messages no data file can trigger (safety nets), pinned by a unit test instead.
PINNED_ELSEWHERE = {
    "invalid_value": "tests/check/test_shape.py",
    # A file name with a newline cannot be kept in Git portably; built in a temporary folder.
    "file_name_invalid": "tests/project/test_hostile_files.py",
    # About strategy/schemas/, which the golden cases do not have; `strategie check` only.
    "schemas_stale": "tests/check/test_schemas.py",
    # A note of `strategie import xlsx` about a workbook cell.
    "import_line_breaks": "tests/editing/test_spreadsheet.py",
    # The publication gate runs on a valid strategy, outside load_strategy.
    "publication_missing": "tests/check/test_publication.py",
    # Not about the data: `strategie build --engine` with an engine that is not installed.
    "engine_missing": "tests/site/test_engines.py",
}
#: The row and cell messages of `strategie import xlsx`, pinned with their exact texts there.
PINNED_ELSEWHERE |= {
    code: "tests/base/test_import_messages.py"
    for code in MESSAGES
    if code.startswith("import_") and code != "import_line_breaks"
}
#: Messages about a workbook (not a data file) are pinned with their cases there.
PINNED_ELSEWHERE |= {
    code: "tests/project/test_hostile_tabular.py"
    for code in MESSAGES
    if code.startswith("workbook_")
}


def test_every_message_has_a_case() -> None:
    """Every code in the message catalogue is pinned by at least one golden case."""
    goldens = [*HERE.rglob("expected.txt")]
    texts = "\n".join(p.read_text(encoding="utf-8") for p in goldens)
    uncovered = []
    for code, (_, template) in MESSAGES.items():
        fixed = max(template.split("{"), key=len).split("}")[-1].strip()
        if code not in PINNED_ELSEWHERE and fixed and fixed[:25] not in texts:
            uncovered.append(code)
    assert uncovered == [], f"no golden case shows these messages: {uncovered}"

"""Whether strategy/ holds the bundled demonstration data (Gelsenkirchen's strategy).

The test suite must pass whatever city's valid strategy strategy/ holds. A few tests check
facts of the bundled demonstration itself (its published structure, its derived `.github/`
files); they run only on that data and are reported as skipped, with the reason, on another
city's data. Everything else runs on fixtures under tests/data/ or checks properties that hold
for any valid strategy.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from repo_paths import STRATEGY

#: The Amtlicher Gemeindeschlüssel of the bundled city; another city's data has its own.
BUNDLED_KEY = "05513000"


def is_bundled_demo(strategy: Path = STRATEGY) -> bool:
    """True when `strategy` is the bundled demonstration (by its Gemeindeschlüssel)."""
    document = yaml.safe_load((strategy / "strategie.yml").read_text(encoding="utf-8"))
    return str(document.get("stadt", {}).get("gemeindeschluessel")) == BUNDLED_KEY


#: Marks a test of the bundled demonstration's own facts: skipped, with this reason, when
#: strategy/ holds another city's data.
bundled_demo_only = pytest.mark.skipif(
    not is_bundled_demo(),
    reason="prüft Fakten der mitgelieferten Gelsenkirchener Daten; strategy/ enthält eine "
    "andere Stadt",
)


def check_notes(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The notes („Hinweis“) that `strategie check` prints on this project's strategy/.

    A test of a derived file (CONTRIBUTING.md's tables, the proposal form, CODEOWNERS, the
    schemas) is strict on the bundled demonstration, whose committed files must be current;
    on another city's data dropped in without regenerating them, it asserts instead that
    `strategie check` reports each stale file with the command that renews it.
    """
    from generator.cli.commands import main

    capsys.readouterr()
    main(["--projekt", str(STRATEGY.parent), "check"])
    return [line for line in capsys.readouterr().err.splitlines() if ": Hinweis: " in line]


def assert_noted(notes: list[str], where: str, *named: str, command: str) -> None:
    """A note at `where` (a path, optionally with its line) names `named` and `command`."""
    matching = [
        note
        for note in notes
        if note.startswith(f"{where}:") and f"„{command}“" in note and all(n in note for n in named)
    ]
    assert matching, f"strategie check does not note {where} {named}: {notes}"

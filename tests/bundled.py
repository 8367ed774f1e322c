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

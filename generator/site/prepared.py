"""What the `strategie` commands hand to the MkDocs hook in MkDocs' own process.

Pages generated before MkDocs runs:

`strategie build` has already loaded and validated the strategy to print its problems; it
then generates the pages itself (pipeline.generate_validated) and starts MkDocs with
`PREPARED_VARIABLE` naming a JSON file with the navigation, the edition line and the site's
identity settings (views/identity.py). The hook then takes them from that file instead of
loading, validating and rendering everything a second time in the MkDocs process (at 3,000
measures that second pass cost seconds).

Without the variable (`mkdocs build`, `mkdocs serve`, mike) the hook generates as before.
This module imports nothing of the generator, so the hook stays cheap when it is used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

#: Environment variable: path of the JSON file written by `write_prepared`.
PREPARED_VARIABLE = "STRATEGIE_VORBEREITET"
#: Environment variable: set (to "1") for the quick preview, `strategie serve --schnell`, which
#: runs MkDocs' dirty rebuilds; the hook then keeps navigation and search current.
QUICK_VARIABLE = "STRATEGIE_SCHNELL"


def write_prepared(
    path: Path,
    navigation: list[dict[str, Any]],
    edition_line: str,
    settings: dict[str, Any] | None = None,
    notice: dict[str, str] | None = None,
) -> None:
    data = {
        "navigation": navigation,
        "edition_line": edition_line,
        "settings": settings or {},
        "notice": notice or {},
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read_prepared(path: Path) -> tuple[list[dict[str, Any]], str, dict[str, Any]]:
    """The navigation, edition line and site settings written by `write_prepared`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["navigation"], data["edition_line"], data.get("settings", {})


def read_prepared_notice(path: Path) -> dict[str, str]:
    """The demonstration notice written by `write_prepared` (empty without one)."""
    notice: dict[str, str] = json.loads(path.read_text(encoding="utf-8")).get("notice") or {}
    return notice

"""The committed JSON Schemas match the models, and every data file points to its schema."""

from __future__ import annotations

import json
from pathlib import Path

from generator.check.schemas import render_schemas
from generator.check.validate import schema_comment, schema_name

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "strategy" / "schemas"


def test_committed_schemas_are_current() -> None:
    """A model change without `strategie schemas` fails here, naming the stale files."""
    rendered = render_schemas()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    stale = sorted(name for name in rendered if committed.get(name) != rendered[name])
    extra = sorted(set(committed) - set(rendered))
    assert (stale, extra) == ([], []), "run `strategie schemas` and commit strategy/schemas/"


def test_schemas_are_closed_objects() -> None:
    """Schemas forbid unknown keys, so editors see typos in their editor too."""
    for text in render_schemas().values():
        schema = json.loads(text)
        assert schema["additionalProperties"] is False
        assert schema["type"] == "object"


def test_every_bundled_file_names_its_schema() -> None:
    """The first line of each bundled data file is the yaml-language-server schema comment."""
    checked = 0
    for path in sorted((ROOT / "strategy").rglob("*.yml")):
        relative = path.relative_to(ROOT / "strategy")
        assert schema_name(relative) is not None, f"unexpected data file {relative}"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == schema_comment(relative)
        checked += 1
    assert checked > 60

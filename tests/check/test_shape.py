"""Translation of pydantic errors into located German problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic_core import ErrorDetails

from generator.check.examples import NEUTRAL
from generator.check.load import load_bytes
from generator.check.shape import _translate, field_label, validate_shape
from generator.model import Measure


def _loaded(text: str) -> Any:
    loaded, problems = load_bytes(text.encode(), "strategy/test.yml")
    assert problems == []
    return loaded


def test_unknown_error_type_gets_german_fallback() -> None:
    """An error type without its own message still reads German and points at the value."""
    loaded = _loaded("titel: x\nzahl: 3\n")
    detail: ErrorDetails = {
        "type": "brand_new_type",
        "loc": ("zahl",),
        "msg": "English",
        "input": 3,
    }
    found = _translate(loaded, Measure, "Maßnahme „X“", detail, NEUTRAL)
    assert found.format() == (
        "strategy/test.yml:2:7: Fehler: zahl: der Wert „3“ ist hier nicht gültig."
    )


def test_field_label_counts_list_entries_from_one() -> None:
    """Editors count list entries from 1: loc index 0 is shown as [1]."""
    assert field_label(("meilensteine", 0, "datum")) == "meilensteine[1].datum"
    assert field_label(()) == "Datei"


def test_all_errors_of_a_file_are_reported() -> None:
    """One file with several mistakes yields one problem per mistake, none dropped."""
    loaded = _loaded("id: x\ntitel: 5\n")
    measure, problems = validate_shape(loaded, Measure, "Maßnahme „x“")
    assert measure is None
    messages = [p.message for p in problems]
    assert any(m.startswith("id: „x“ hat nicht die Form") for m in messages)
    assert any(m.startswith("titel: erwartet wird Text") for m in messages)
    assert (
        sum(m.startswith("Pflichtfeld") for m in messages) == 10
    )  # 12 required keys minus id, titel


def test_examples_come_from_the_strategy_being_checked(tmp_path: Path) -> None:
    """A rating and an id example use this strategy's criteria, scale and an existing id."""
    from generator.check.examples import examples_from
    from generator.check.load import load_file

    document = tmp_path / "strategy" / "strategie.yml"
    document.parent.mkdir()
    document.write_text(
        "bewertung:\n  minimum: 0\n  maximum: 10\n  kriterien:\n    - id: nutzen\n"
        "    - id: kosten\n",
        encoding="utf-8",
    )
    measure = tmp_path / "strategy" / "massnahmen" / "bau" / "bau-07.yml"
    measure.parent.mkdir(parents=True)
    measure.write_text("id: BAU-07\n", encoding="utf-8")
    files = [load_file(path, f"strategy/{path.relative_to(document.parent).as_posix()}")[0]
             for path in (document, measure)]  # fmt: skip
    examples = examples_from([f for f in files if f is not None], "strategy")
    assert examples.measure_id == "BAU-07"
    assert examples.rating().splitlines()[-2:] == ["    nutzen: 5", "    kosten: 5"]

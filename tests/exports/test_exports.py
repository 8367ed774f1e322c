"""Open-data exports: files, determinism, JSON against its schema, CSV/XLSX columns and values."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import pytest
import yaml
from openpyxl import load_workbook
from repo_paths import REPO as ROOT

from generator.check.schemas import render_schemas
from generator.check.validate import load_strategy
from generator.exports.columns import measure_columns
from generator.exports.downloads import render_exports
from generator.model import Strategy
from generator.render.engine import render_data_page

CASES = {"minimal": ROOT / "tests" / "data" / "minimal", "strategy": ROOT / "strategy"}
BASE_URL = "https://strategie.example.org/2020/"


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[Path, Strategy]:
    folder = CASES[request.param]
    strategy, problems = load_strategy(folder)
    assert strategy is not None, [p.format() for p in problems]
    return folder, strategy


def _raw_measures(folder: Path) -> dict[str, dict[str, Any]]:
    """The measure files as plain YAML (dates as text), by id: what the exports must equal."""
    measures = {}
    for file in sorted((folder / "massnahmen").glob("*/*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        measures[data["id"]] = json.loads(json.dumps(data, default=str))
    return measures


def _as_written(exported: Any, raw: Any) -> Any:
    """The exported value reduced to the keys the file writes (the export adds defaults)."""
    if isinstance(exported, dict) and isinstance(raw, dict):
        return {key: _as_written(exported[key], raw[key]) for key in raw if key in exported}
    if isinstance(exported, list) and isinstance(raw, list) and len(exported) == len(raw):
        return [_as_written(e, r) for e, r in zip(exported, raw, strict=True)]
    return exported


def _csv_rows(files: dict[PurePosixPath, bytes]) -> list[dict[str, str]]:
    text = files[PurePosixPath("daten/massnahmen.csv")].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_export_paths(case: tuple[Path, Strategy]) -> None:
    """The downloads are exactly the documented files under daten/."""
    files = render_exports(case[1], base_url=None)
    expected = {
        "daten/dcat.rdf",
        "daten/massnahmen.csv",
        "daten/massnahmen.xlsx",
        "daten/strategie.json",
        "daten/strategie.schema.json",
        *(f"daten/schemas/{name}" for name in render_schemas(case[1])),
    }
    assert {str(path) for path in files} == expected


def test_exports_are_byte_identical_across_runs(case: tuple[Path, Strategy]) -> None:
    """Repeated renders, also in a fresh interpreter with another hash seed, are byte-identical."""
    folder, strategy = case
    first = render_exports(strategy, base_url=BASE_URL)
    assert render_exports(strategy, base_url=BASE_URL) == first
    script = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        "from generator.exports.downloads import render_exports\n"
        "from generator.check.validate import load_strategy\n"
        "strategy, _ = load_strategy(Path(sys.argv[1]))\n"
        "for path, data in render_exports(strategy, base_url=sys.argv[2]).items():\n"
        "    print(path, hashlib.sha256(data).hexdigest())\n"
    )
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(folder), BASE_URL],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=environment,
    )
    expected = "".join(f"{p} {hashlib.sha256(d).hexdigest()}\n" for p, d in first.items())
    assert result.stdout == expected


def test_schema_files_are_the_data_file_schemas(case: tuple[Path, Strategy]) -> None:
    """daten/schemas/ holds the JSON Schemas of the YAML files, as `strategie schemas` writes."""
    files = render_exports(case[1], base_url=None)
    for name, text in render_schemas(case[1]).items():
        assert files[PurePosixPath("daten/schemas") / name] == text.encode("utf-8")


def test_json_validates_against_its_schema(case: tuple[Path, Strategy]) -> None:
    """strategie.json is valid against its schema (jsonschema, 2020-12, formats checked)."""
    files = render_exports(case[1], base_url=None)
    schema = json.loads(files[PurePosixPath("daten/strategie.schema.json")])
    document = json.loads(files[PurePosixPath("daten/strategie.json")])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def test_json_schema_rejects_a_broken_document(case: tuple[Path, Strategy]) -> None:
    """The schema is not vacuous: a wrong type and an unknown key in a measure fail it."""
    files = render_exports(case[1], base_url=None)
    schema = json.loads(files[PurePosixPath("daten/strategie.schema.json")])
    document = json.loads(files[PurePosixPath("daten/strategie.json")])
    measure = document["leitthemen"][0]["massnahmen"][0]
    measure["fortschritt"] = "viel"
    measure["farbe"] = "blau"
    messages = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(document)]
    assert len(messages) == 2


def test_json_is_nested_and_equals_the_yaml(case: tuple[Path, Strategy]) -> None:
    """Every measure appears once, under its Leitthema, with exactly the values of its file."""
    folder, strategy = case
    files = render_exports(strategy, base_url=None)
    document = json.loads(files[PurePosixPath("daten/strategie.json")])
    raw = _raw_measures(folder)
    seen = []
    for theme in document["leitthemen"]:
        for measure in theme["massnahmen"]:
            assert measure["leitthema"] == theme["id"]
            seen.append(measure["id"])
            assert _as_written(measure, raw[measure["id"]]) == raw[measure["id"]]
    assert sorted(seen) == sorted(raw)
    newest = max(date.fromisoformat(m["aktualisiert"]) for m in raw.values())
    assert document["stand"] == newest.isoformat()


def test_json_is_formatted_as_json_dumps_would(case: tuple[Path, Strategy]) -> None:
    """pydantic writes strategie.json; the bytes are those of the standard library's
    json.dumps with a two-space indent and unescaped umlauts (readable, stable diffs)."""
    _, strategy = case
    written = render_exports(strategy, base_url=None)[PurePosixPath("daten/strategie.json")]
    data = json.loads(written)
    assert "ä" in written.decode("utf-8") or "ü" in written.decode("utf-8")
    assert written == (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_csv_has_one_row_per_measure_and_the_documented_columns(
    case: tuple[Path, Strategy],
) -> None:
    """Header = the documented columns; one row per measure, in id order; UTF-8, no BOM."""
    _, strategy = case
    files = render_exports(strategy, base_url=None)
    data = files[PurePosixPath("daten/massnahmen.csv")]
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = _csv_rows(files)
    keys = [column.key for column in measure_columns(strategy)]
    assert list(rows[0]) == keys
    assert [row["id"] for row in rows] == [m.id for m in strategy.massnahmen]
    page = render_data_page(strategy)
    assert [key for key in keys if f"| `{key}` |" not in page] == []


def test_csv_numbers_equal_the_yaml(case: tuple[Path, Strategy]) -> None:
    """Status, progress, years, ratings, lists and dates in the CSV are those of the files."""
    folder, strategy = case
    raw = _raw_measures(folder)
    criteria = [c.id for c in strategy.strategie.bewertung.kriterien]
    for row in _csv_rows(render_exports(strategy, base_url=None)):
        measure = raw[row["id"]]
        assert row["status"] == measure["status"]
        assert row["status_seit"] == measure["status_seit"]
        assert row["fortschritt"] == str(measure.get("fortschritt", ""))
        assert row["zeitraum_beginn"] == str(measure["zeitraum"]["beginn"])
        assert row["zeitraum_ende"] == str(measure["zeitraum"].get("ende", ""))
        assert row["sdgs"] == "; ".join(str(n) for n in measure.get("sdgs", []))
        assert row["partner"] == "; ".join(measure.get("partner", []))
        assert row["bewertung_quelle"] == measure["bewertung"]["quelle"]
        values = measure["bewertung"].get("werte", {})
        expected = [str(values.get(criterion, "")) for criterion in criteria]
        assert [row[f"bewertung_{criterion}"] for criterion in criteria] == expected
        assert row["aktualisiert"] == measure["aktualisiert"]


def test_xlsx_rows_equal_the_csv(case: tuple[Path, Strategy]) -> None:
    """The download workbook has the same header and values as the CSV, one row per measure."""
    files = render_exports(case[1], base_url=BASE_URL)
    workbook = load_workbook(io.BytesIO(files[PurePosixPath("daten/massnahmen.xlsx")]))
    assert workbook.sheetnames == ["Maßnahmen", "Hinweise", "Listen"]
    rows = list(workbook["Maßnahmen"].iter_rows(values_only=True))
    csv_rows = _csv_rows(files)
    assert list(rows[0]) == list(csv_rows[0])
    assert len(rows) - 1 == len(csv_rows) == len(case[1].massnahmen)

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return value.date().isoformat() if hasattr(value, "date") else str(value)

    assert [[text(v) for v in row] for row in rows[1:]] == [list(r.values()) for r in csv_rows]


def test_page_column_follows_the_base_url(case: tuple[Path, Strategy]) -> None:
    """`seite` is relative to the site root without an address and absolute with one."""
    strategy = case[1]
    first = strategy.massnahmen[0].id.lower()
    relative = _csv_rows(render_exports(strategy, base_url=None))[0]["seite"]
    absolute = _csv_rows(render_exports(strategy, base_url=BASE_URL.rstrip("/")))[0]["seite"]
    assert relative == f"massnahmen/{first}.html"
    assert absolute == f"{BASE_URL}massnahmen/{first}.html"


def test_data_page(case: tuple[Path, Strategy]) -> None:
    """German page: source comment, one h1, all downloads linked, licence, list and rating notes."""
    strategy = case[1]
    page = render_data_page(strategy)
    lines = page.splitlines()
    assert lines[0].startswith("<!-- Erzeugt aus strategy/") and lines[0].endswith("-->")
    assert [line for line in lines if line.startswith("# ")] == ["# Daten"]
    for path in render_exports(strategy, base_url=None):
        assert f"]({path.relative_to('daten')})" in page
    licence = strategy.strategie.lizenz
    assert f"({licence.url})" in page
    assert "Beispielwerte" in page
    assert "„;“ und ein Leerzeichen" in page
    assert page.endswith("\n") and not page.endswith("\n\n")

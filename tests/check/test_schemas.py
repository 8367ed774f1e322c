"""The committed JSON Schemas match the models and the data, help editors while typing (German
descriptions, examples, the project's ids as enums), and every data file points to its schema.

What the schemas say is tested on tests/data/minimal. The tests of strategy/ hold for any
city's data; those of its committed schemas need strategy/schemas/, which is optional
(`strategie check` says nothing without it; `strategie schemas` writes it) and are skipped,
with that reason, where a city keeps none."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import pytest
from bundled import assert_noted, check_notes, is_bundled_demo
from repo_paths import MINIMAL
from repo_paths import REPO as ROOT

from generator.check.load import load_file
from generator.check.schemas import render_schemas, stale_schemas
from generator.check.translation_schemas import render_translation_schemas
from generator.check.translations import (
    KINDS,
    german_kind,
    is_translation,
    translation_schema_comment,
)
from generator.check.validate import load_strategy, schema_comment, schema_name
from generator.cli.commands import main
from generator.model import Strategy

SCHEMAS = ROOT / "strategy" / "schemas"
MEASURE = MINIMAL / "massnahmen" / "verwaltung" / "ver-01.yml"
needs_schemas = pytest.mark.skipif(
    not SCHEMAS.is_dir(),
    reason="strategy/ hat keinen Ordner schemas/ (optional; „strategie schemas“ legt ihn an)",
)


@pytest.fixture(scope="module")
def strategy() -> Strategy:
    loaded, problems = load_strategy(ROOT / "strategy")
    assert loaded is not None, [p.format() for p in problems]
    return loaded


@pytest.fixture(scope="module")
def schemas(strategy: Strategy) -> dict[str, dict[str, Any]]:
    """The schemas of the data in strategy/."""
    return {name: json.loads(text) for name, text in render_schemas(strategy).items()}


def _schema_and_comment(relative: Path) -> tuple[str | None, str]:
    """The schema a bundled file (German or translation) uses, and its first line."""
    posix = PurePosixPath(relative.as_posix())
    if is_translation(posix):
        kind = german_kind(PurePosixPath(*posix.parts[2:]))
        assert kind is not None, f"unexpected translation file {relative}"
        return KINDS[kind][1], translation_schema_comment(posix, kind)
    return schema_name(posix), schema_comment(posix)


@pytest.fixture(scope="module")
def minimal_schemas() -> dict[str, dict[str, Any]]:
    """The schemas of tests/data/minimal."""
    loaded, problems = load_strategy(MINIMAL)
    assert loaded is not None, [p.format() for p in problems]
    return {name: json.loads(text) for name, text in render_schemas(loaded).items()}


def _project_with_schemas(target: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A copy of tests/data/minimal as a project's strategy/, with its schemas written."""
    shutil.copytree(MINIMAL, target / "strategy")
    assert main(["--projekt", str(target), "schemas"]) == 0
    capsys.readouterr()
    return target


def _data(path: Path) -> Any:
    loaded, problems = load_file(path, path.name)
    assert loaded is not None, problems
    return copy.deepcopy(loaded.data)  # the loader's cache is read-only


def _errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [error.message for error in validator.iter_errors(data)]


@needs_schemas
def test_committed_schemas_are_current(
    strategy: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stale schemas fail here on the bundled data; elsewhere `check` must note each of them."""
    stale = stale_schemas(strategy, SCHEMAS)
    if stale and not is_bundled_demo():
        notes = check_notes(capsys)
        for found in stale:
            assert_noted(notes, found.file, command="strategie schemas")
        return
    assert stale == [], "run `strategie schemas`, commit the files"
    expected = {**render_schemas(strategy), **render_translation_schemas()}
    assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(expected)


def test_schemas_are_closed_objects(minimal_schemas: dict[str, dict[str, Any]]) -> None:
    """Schemas forbid unknown keys, so editors see typos in their editor too."""
    for schema in minimal_schemas.values():
        assert schema["additionalProperties"] is False
        assert schema["type"] == "object"


def test_every_property_has_a_german_description_and_an_example(
    minimal_schemas: dict[str, dict[str, Any]],
) -> None:
    """Hover help: each property of each file type and section is described and exemplified."""
    checked = 0
    for schema in minimal_schemas.values():
        for definition in [schema, *schema.get("$defs", {}).values()]:
            for name, prop in definition.get("properties", {}).items():
                assert prop.get("description"), name
                assert prop.get("examples"), name
                checked += 1
    assert checked > 150


@pytest.mark.parametrize(
    ("key", "value", "index"),
    [
        ("status", "abgeschlosen", None),
        ("status", "laufend", None),
        ("verantwortlich", "referat-verkher", None),
        ("partner", "referat-verkher", 0),
        ("sdgs", 18, 0),
        ("charta", "leitlinie-99", 0),
        ("verwandte_massnahmen", "UMW-99", 0),
        ("leitthema", "energie-umwlet", None),
        ("handlungsfeld", "abfalmanagement", None),
    ],
)
def test_schema_rejects_misspelled_ids(
    minimal_schemas: dict[str, dict[str, Any]], key: str, value: Any, index: int | None
) -> None:
    """A measure with a misspelled registry id fails its schema; the original passes."""
    schema = minimal_schemas["massnahme.schema.json"]
    data = _data(MEASURE)
    assert _errors(schema, data) == []
    if index is None:
        data[key] = value
    else:
        data[key][index] = value
    errors = _errors(schema, data)
    assert errors and errors[0].startswith(f"{value!r} is not ")


def test_schema_rejects_unknown_district_and_rating_criterion(
    minimal_schemas: dict[str, dict[str, Any]],
) -> None:
    """Districts in raumbezug and the criteria in bewertung.werte are the project's own."""
    schema = minimal_schemas["massnahme.schema.json"]
    data = _data(MEASURE)
    data["raumbezug"] = {"ebene": "stadtteil", "stadtteile": ["altstadt", "bueer"]}
    data["bewertung"]["werte"]["wichtigkiet"] = 3
    errors = _errors(schema, data)
    assert any("'bueer' is not one of" in e for e in errors), errors
    assert errors


def test_every_bundled_file_validates_against_its_schema(
    schemas: dict[str, dict[str, Any]],
) -> None:
    """The schemas accept all bundled data, so editors see no false errors."""
    checked = 0
    every = {**schemas, **{n: json.loads(t) for n, t in render_translation_schemas().items()}}
    for path in sorted((ROOT / "strategy").rglob("*.yml")):
        name = _schema_and_comment(path.relative_to(ROOT / "strategy"))[0]
        assert _errors(every[f"{name}.schema.json"], _data(path)) == [], path
        checked += 1
    assert checked > 0


def test_new_actor_makes_the_schemas_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new actor: `strategie check` notes that the measure schema is stale (a note, so that
    an editor in the web editor is not blocked), `strategie schemas` brings it up to date."""
    project = _project_with_schemas(tmp_path / "projekt", capsys)
    actors = project / "strategy" / "verzeichnisse" / "akteure.yml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(
        text + "  - id: referat-neu\n    name: Neues Referat\n    art: verwaltung\n",
        encoding="utf-8",
    )
    assert main(["--projekt", str(project), "check", "--strict"]) == 0
    out, err = capsys.readouterr()
    assert out.endswith("; 0 Fehler, 0 Warnungen, 1 Hinweis.\n")
    assert err.splitlines() == [
        "strategy/schemas/massnahme.schema.json:1:1: Hinweis: Das Schema passt nicht mehr zu den "
        "Daten (etwa neue Akteure, Stadtteile oder Maßnahmen) oder zum Datenmodell, sodass "
        "Editoren beim Tippen falsche Fehler oder Vorschläge zeigen. Erzeugen Sie es mit "
        "„strategie schemas“ neu und übernehmen Sie die geänderten Dateien aus strategy/schemas/."
    ]
    assert main(["--projekt", str(project), "schemas"]) == 0
    assert "1 geändert" in capsys.readouterr().out
    assert main(["--projekt", str(project), "check", "--strict"]) == 0
    assert capsys.readouterr().err == ""
    measure_schema = json.loads((project / "strategy/schemas/massnahme.schema.json").read_text())
    assert "referat-neu" in measure_schema["properties"]["verantwortlich"]["enum"]


def test_schemas_are_not_written_from_broken_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`strategie schemas` refuses data with errors (the ids would be incomplete)."""
    project = _project_with_schemas(tmp_path / "projekt", capsys)
    (project / "strategy" / "verzeichnisse" / "akteure.yml").write_text("akteure: [\n")
    before = (project / "strategy/schemas/massnahme.schema.json").read_bytes()
    assert main(["--projekt", str(project), "schemas"]) == 1
    assert "werden erst geschrieben, wenn die Daten fehlerfrei sind" in capsys.readouterr().err
    assert (project / "strategy/schemas/massnahme.schema.json").read_bytes() == before


def test_schemas_without_the_optional_charta(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without charta.yml (optional) `strategie schemas` writes schemas that allow no Charta
    guideline and accept the data."""
    project = tmp_path / "projekt"
    shutil.copytree(MINIMAL, project / "strategy")
    (project / "strategy" / "verzeichnisse" / "charta.yml").unlink()
    for path in (project / "strategy" / "massnahmen").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^charta:\n(?:  - .*\n)+", "", text), encoding="utf-8")
    assert main(["--projekt", str(project), "schemas"]) == 0
    capsys.readouterr()
    schema = json.loads((project / "strategy/schemas/massnahme.schema.json").read_text())
    assert schema["properties"]["charta"]["items"]["enum"] == []
    measure = project / "strategy" / "massnahmen" / "verwaltung" / "ver-01.yml"
    assert _errors(schema, _data(measure)) == []


@needs_schemas
def test_every_bundled_file_names_its_schema() -> None:
    """The first line of each bundled data file is the yaml-language-server schema comment."""
    checked = 0
    for path in sorted((ROOT / "strategy").rglob("*.yml")):
        relative = path.relative_to(ROOT / "strategy")
        name, comment = _schema_and_comment(relative)
        assert name is not None, f"unexpected data file {relative}"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == comment
        checked += 1
    assert checked > 0


def test_translation_schemas_describe_every_property_in_german() -> None:
    """Each translation schema is closed and every property says in German what it holds."""
    for name, text in render_translation_schemas().items():
        schema = json.loads(text)
        assert name.startswith("uebersetzung-") and schema["additionalProperties"] is False
        objects = [schema, *schema.get("$defs", {}).values()]
        for definition in objects:
            for prop in definition["properties"].values():
                assert prop["description"].startswith(("Übersetzung", "Kennung", "Das Datum"))


def test_language_setting_is_in_the_strategy_schema_only_when_set(strategy: Strategy) -> None:
    """`sprachen` appears in strategie.schema.json once it is set, and not before (the
    German-only site's downloads stay byte-identical)."""
    from generator.translation_model import Languages

    plain = json.loads(render_schemas(strategy)["strategie.schema.json"])
    assert "sprachen" not in plain["properties"]
    with_languages = strategy.model_copy(update={"sprachen": Languages(weitere=["en"])})
    schema = json.loads(render_schemas(with_languages)["strategie.schema.json"])
    assert schema["properties"]["sprachen"]["$ref"] == "#/$defs/Languages"

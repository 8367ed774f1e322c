"""The field reference (docs/feldreferenz.md) and the allowed values (CONTRIBUTING.md): complete,
generated, current; the guide stays short and names every route."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bundled import assert_noted, check_notes, is_bundled_demo
from repo_paths import REPO as ROOT

from generator import model
from generator.check import allowed_values, fieldref
from generator.check.validate import load_strategy
from generator.cli.commands import main

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
FIELD_REFERENCE = ROOT / "docs" / "feldreferenz.md"


def all_sections() -> list[type[model.Record]]:
    found: list[type[model.Record]] = []
    for _, _, root in fieldref.FILE_TYPES:
        found += [section for section in fieldref.sections(root) if section not in found]
    return found


def test_every_field_has_a_description() -> None:
    """Each field of each model in a data file has a German description, and no more."""
    for section in all_sections():
        assert set(fieldref.DESCRIPTIONS[section]) == set(section.model_fields), section
    assert set(fieldref.DESCRIPTIONS) == set(all_sections())


def test_every_section_has_a_name() -> None:
    """Nested sections are named in German; every registered name is used."""
    nested = set(all_sections()) - {root for _, _, root in fieldref.FILE_TYPES}
    assert nested == set(fieldref.SECTION_NAMES)


@pytest.mark.parametrize(
    ("record", "name", "kind", "rule"),
    [
        (model.Measure, "id", "Kennung", "Kürzel des Leitthemas, Bindestrich, 2–3 Ziffern"),
        (model.Measure, "titel", "Text, eine Zeile", "höchstens 160 Zeichen; kein HTML"),
        (model.Measure, "beschreibung", "Markdown-Text", "höchstens 8000 Zeichen; kein HTML"),
        (
            model.Measure,
            "status_seit",
            "Datum",
            "JJJJ-MM-TT zwischen 1990 und 2100, z. B. `2020-06-25`",
        ),
        (model.Measure, "fortschritt", "ganze Zahl", "0 bis 100"),
        (model.Measure, "sdgs", "Liste: ganze Zahl", "1 bis 17"),
        (model.Measure, "links", "Liste: Abschnitt", "siehe „Link“"),
        (
            model.Measure,
            "bewertung",
            "Abschnitt",
            "siehe „Bewertung (bewertet)“ oder „Bewertung (nicht bewertet)“",
        ),
        (model.TimeFrame, "beginn", "Jahreszahl", "1990 bis 2100"),
        (model.SpatialReference, "ebene", "Auswahl", "eins von: `quartier`, `stadtteil`"),
        (model.Link, "url", "Link", "nur `https://…` oder `mailto:…`"),
        (model.Criterion, "gewicht", "Zahl", "größer als 0, höchstens 10"),
        (model.Status, "aktiv", "Ja/Nein", "`true` oder `false`"),
        (model.StrategyDocument, "visionen", "Liste: Abschnitt", "siehe „Vision“"),
    ],
)
def test_kinds_in_german(record: type[model.Record], name: str, kind: str, rule: str) -> None:
    """Types, patterns, ranges and choices are described in German."""
    described = fieldref.field_kind(record, name)
    assert described.kind == kind
    assert described.rule.startswith(rule)


def test_reference_lists_each_file_type_and_section_once() -> None:
    """One heading per file type and per nested section, each table complete."""
    text = fieldref.render_field_reference()
    headings = re.findall(r"^#{3,4} (.*)$", text, re.MULTILINE)
    assert headings[0] == "Maßnahme: `strategy/massnahmen/<leitthema>/<kennung>.yml`"
    assert len(headings) == len(set(headings)) == len(all_sections())
    assert "| `aktualisiert` | ja | Datum |" in text
    assert fieldref.render_field_reference(level=2).count("\n## ") == len(fieldref.FILE_TYPES)


def test_reference_file_carries_the_current_reference() -> None:
    """docs/feldreferenz.md is up to date; run `strategie feldreferenz` after model changes."""
    text = FIELD_REFERENCE.read_text(encoding="utf-8")
    assert fieldref.update_document(text) == text
    assert fieldref.START_MARKER in text


def test_contributing_carries_the_current_allowed_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """CONTRIBUTING.md's tables are current (bundled data); elsewhere `check` notes if stale."""
    strategy, _ = load_strategy(ROOT / "strategy")
    assert strategy is not None
    text = CONTRIBUTING.read_text(encoding="utf-8")
    current = allowed_values.update_document(text, strategy) == text
    if not is_bundled_demo() and not current:
        assert_noted(check_notes(capsys), "CONTRIBUTING.md", command="strategie feldreferenz")
        return
    assert current, "run `strategie feldreferenz`, commit CONTRIBUTING.md"
    for status in strategy.strategie.status:
        assert f"| `{status.id}` | " in text
    for actor in strategy.akteure:
        assert f"| `{actor.id}` | " in text


def test_guide_is_short_and_names_every_route() -> None:
    """Under 20 KB; quick start for browser, spreadsheet and local work, Windows included."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 20_000
    assert "## Schnellstart: drei Wege" in text
    assert "strategie export xlsx" in text and "strategie import xlsx massnahmen.xlsx" in text
    assert "py -3.11 -m venv .venv" in text and ".venv\\Scripts\\strategie" in text
    assert "fieldref" not in text and fieldref.START_MARKER not in text
    # Fork pull requests get no comment; the guide says where the summary is instead.
    assert "„Checks“ → „Änderungen in Worten“ → „Summary“" in text


def test_command_rewrites_stale_sections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--pruefen fails on a stale section; without it both sections are rewritten."""
    shutil.copytree(ROOT / "tests" / "data" / "minimal", tmp_path / "strategy")
    (tmp_path / "docs").mkdir()
    stale = "# Anleitung\n\n<!-- feldreferenz:start -->\nalt\n<!-- feldreferenz:end -->\n\nEnde\n"
    (tmp_path / "docs" / "feldreferenz.md").write_text(stale, encoding="utf-8")
    guide = "# Mitarbeiten\n\n<!-- werte:start -->\nalt\n<!-- werte:end -->\n"
    (tmp_path / "CONTRIBUTING.md").write_text(guide, encoding="utf-8")
    project = ["--projekt", str(tmp_path), "feldreferenz"]
    assert main([*project, "--pruefen"]) == 1
    _, err = capsys.readouterr()
    assert err == (
        "Die Feldreferenz in docs/feldreferenz.md ist veraltet. Erneuern Sie sie mit "
        "„strategie feldreferenz“.\n"
        "Die Tabellen der erlaubten Werte in CONTRIBUTING.md sind veraltet. Erneuern Sie sie "
        "mit „strategie feldreferenz“.\n"
    )
    assert main(project) == 0
    text = (tmp_path / "docs" / "feldreferenz.md").read_text(encoding="utf-8")
    assert text == (
        "# Anleitung\n\n<!-- feldreferenz:start -->\n"
        + fieldref.render_field_reference()
        + "<!-- feldreferenz:end -->\n\nEnde\n"
    )
    assert "| `in-umsetzung` | in Umsetzung |" in (tmp_path / "CONTRIBUTING.md").read_text("utf-8")
    assert main([*project, "--pruefen"]) == 0


def test_command_refuses_a_file_without_markers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A guide without the markers is a usage error (exit 2) that names the markers."""
    shutil.copytree(ROOT / "tests" / "data" / "minimal", tmp_path / "strategy")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "feldreferenz.md").write_text("# ohne\n", encoding="utf-8")
    assert main(["--projekt", str(tmp_path), "feldreferenz"]) == 2
    assert capsys.readouterr().err == (
        "strategie feldreferenz: docs/feldreferenz.md fehlt oder enthält die Markierungen "
        "<!-- feldreferenz:start --> und <!-- feldreferenz:end --> nicht.\n"
    )


def test_guide_quotes_real_messages() -> None:
    """Every message quoted in CONTRIBUTING.md is one the checker really prints."""
    expected = "\n".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "tests" / "problems").rglob("*.txt")
    )
    text = CONTRIBUTING.read_text(encoding="utf-8")
    quoted = re.findall(r"^(strategy/\S+:\d+:\d+: (?:Fehler|Warnung): .*)$", text, re.MULTILINE)
    assert len(quoted) >= 10
    for line in quoted:
        assert line in expected, line


def test_every_field_has_a_german_label() -> None:
    """Each field of each model has a German label (the Änderungen page names fields by it)."""
    from generator.check.field_labels import LABELS

    missing = {
        name for section in all_sections() for name in section.model_fields if name not in LABELS
    }
    assert missing == set()
    assert LABELS["aufsichtsbehoerde"] == "Aufsichtsbehörde"


def test_every_id_field_has_its_own_example() -> None:
    """Each field holding an id shows an example that fits it, not `e-government` for all."""
    slug_fields = [
        (section, name)
        for section in all_sections()
        for name in section.model_fields
        if "einzelne Bindestriche" in fieldref.field_kind(section, name).rule
    ]
    assert slug_fields and all(field in fieldref.ID_EXAMPLES for field in slug_fields)
    shown = {field: fieldref.field_kind(*field).rule for field in slug_fields}
    generic = [field for field, rule in shown.items() if "`e-government`" in rule]
    assert generic == [(model.Measure, "handlungsfeld"), (model.FieldOfAction, "id")]
    assert "`in-umsetzung`" in shown[(model.Status, "id")]

"""The field reference: complete, generated from the models, current in CONTRIBUTING.md."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import model
from generator.check import fieldref
from generator.cli.commands import main

ROOT = Path(__file__).parent.parent
CONTRIBUTING = ROOT / "CONTRIBUTING.md"


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


def test_contributing_carries_the_current_reference() -> None:
    """CONTRIBUTING.md is up to date; run `strategie feldreferenz` after model changes."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    assert fieldref.update_document(text) == text


def test_command_rewrites_a_stale_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--pruefen fails on a stale reference; without it the section is rewritten."""
    shutil.copytree(ROOT / "strategy", tmp_path / "strategy")
    stale = "# Anleitung\n\n<!-- feldreferenz:start -->\nalt\n<!-- feldreferenz:end -->\n\nEnde\n"
    (tmp_path / "CONTRIBUTING.md").write_text(stale, encoding="utf-8")
    project = ["--projekt", str(tmp_path), "feldreferenz"]
    assert main([*project, "--pruefen"]) == 1
    _, err = capsys.readouterr()
    assert err == (
        "Die Feldreferenz in CONTRIBUTING.md ist veraltet. Erneuern Sie sie mit "
        "„strategie feldreferenz“.\n"
    )
    assert main(project) == 0
    text = (tmp_path / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert text == (
        "# Anleitung\n\n<!-- feldreferenz:start -->\n"
        + fieldref.render_field_reference()
        + "<!-- feldreferenz:end -->\n\nEnde\n"
    )
    assert main([*project, "--pruefen"]) == 0


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

"""`strategie neu`: new measures and fields of action in a scratch copy of the project."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from repo_paths import MINIMAL

from generator import model
from generator.check.load import load_bytes
from generator.check.validate import load_strategy
from generator.cli.commands import main
from generator.editing import scaffold
from generator.render.engine import render_site


@pytest.fixture
def project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A copy of tests/data/minimal with its schemas written; standard input is not a
    terminal."""
    shutil.copytree(MINIMAL, tmp_path / "strategy")
    assert main(["--projekt", str(tmp_path), "schemas"]) == 0
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    return tmp_path


def load(project: Path) -> model.Strategy:
    strategy, problems = load_strategy(project / "strategy")
    assert strategy is not None, [p.format() for p in problems]
    return strategy


def expected_id(strategy: model.Strategy, theme_id: str) -> str:
    theme = next(t for t in strategy.leitthemen if t.id == theme_id)
    numbers = [int(m.id.split("-")[1]) for m in strategy.massnahmen if m.leitthema == theme_id]
    return f"{theme.kuerzel}-{max(numbers) + 1:02d}"


def test_new_measure_passes_strict_check_and_is_rendered(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new file gets the next id, fails --strict only for its placeholders (named with
    file:line and field), passes once they are replaced, and gets its own page."""
    before = load(project)
    identifier = expected_id(before, "verwaltung")
    arguments = ["--projekt", str(project), "neu", "massnahme", "--leitthema", "verwaltung"]
    arguments += ["--handlungsfeld", "e-government", "--titel", "Digitale Bauakte: online"]
    assert main(arguments) == 0
    out, err = capsys.readouterr()
    path = f"strategy/massnahmen/verwaltung/{identifier.lower()}.yml"
    fields = sum(len(theme.handlungsfelder) for theme in before.leitthemen)
    assert out == (
        f"Angelegt: {path} (Maßnahme {identifier}).\n"
        "Schemas in strategy/schemas: 1 geändert.\n"
        f"Prüfung bestanden: {len(before.leitthemen)} Leitthemen, {fields} Handlungsfelder, "
        f"{len(before.massnahmen) + 1} Maßnahmen; 0 Fehler, 2 Warnungen.\n"
    )
    rest = (
        " von „strategie neu“. Ersetzen Sie ihn durch den richtigen Text (ein optionales Feld "
        "können Sie auch löschen); bis dahin schlägt „strategie check --strict“ fehl."
    )
    assert err.splitlines() == [
        f"{path}:17:19: Warnung: kurzbeschreibung: hier steht noch der Platzhalter "
        f"„Kurzbeschreibung folgt.“{rest}",
        f"{path}:22:15: Warnung: beschreibung: hier steht noch der Platzhalter "
        f"„Beschreibung folgt.“{rest}",
    ]
    assert main(["--projekt", str(project), "check", "--strict"]) == 1
    written = project / path
    text = written.read_text(encoding="utf-8")
    text = text.replace("Kurzbeschreibung folgt.", "Bauanträge digital stellen.")
    written.write_text(text.replace("Beschreibung folgt.", "Die Bauakte wird digital."))
    assert main(["--projekt", str(project), "check", "--strict"]) == 0
    capsys.readouterr()
    after = load(project)
    measure = next(m for m in after.massnahmen if m.id == identifier)
    assert measure.titel == "Digitale Bauakte: online"
    assert measure.status == "geplant"
    assert isinstance(measure.bewertung, model.NotRated)
    assert measure.verantwortlich == "amt-digital"  # the first unit of the administration
    pages = render_site(after).pages
    assert any(identifier.lower() in str(page) for page in pages), "no page for the measure"


def test_new_measure_explains_every_field(project: Path) -> None:
    """Every field of the model is in the file, set or commented out, below its comment."""
    strategy = load(project)
    theme = next(t for t in strategy.leitthemen if t.handlungsfelder)
    planned = scaffold.plan_measure(
        strategy,
        project / "strategy",
        theme_id=theme.id,
        field_id=theme.handlungsfelder[0].id,
        title="Neue Maßnahme",
        responsible=None,
        today=date(2026, 3, 1),
    )
    lines = planned.text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/massnahme.schema.json"
    for name in model.Measure.model_fields:
        index = next(i for i, line in enumerate(lines) if re.match(rf"^(# )?{name}:", line))
        assert lines[index - 1].startswith("# "), f"{name} has no explanation above it"
    assert "status_seit: 2026-03-01" in lines
    assert "aktualisiert: 2026-03-01" in lines
    assert "  beginn: 2026" in lines


def test_uncommenting_every_optional_field_stays_valid(project: Path) -> None:
    """Removing „# “ from the optional examples gives a file that still has a valid shape."""
    strategy = load(project)
    theme = next(t for t in strategy.leitthemen if t.handlungsfelder)
    planned = scaffold.plan_measure(
        strategy,
        project / "strategy",
        theme_id=theme.id,
        field_id=theme.handlungsfelder[0].id,
        title="Alles ausgefüllt",
        responsible=None,
        today=date(2026, 3, 1),
    )
    keys = {f"{name}:" for name in model.Measure.model_fields} | {"ende:", "stadtteile:"}
    filled = []
    inside = False
    for line in planned.text.splitlines():
        stripped = line.lstrip()
        content = stripped[2:] if stripped.startswith("# ") else None
        if content is not None and content.split(" ")[0] in keys - {"handlungsfeld:"}:
            inside = True
        elif content is None or not content.startswith(" "):
            inside = False
        indent = line[: len(line) - len(stripped)]
        filled.append(indent + content if inside and content is not None else line)
    text = "\n".join(filled).replace("…", "Text").replace("https://Text", "https://example.org")
    loaded, problems = load_bytes(text.encode(), "neu.yml")
    assert loaded is not None and not problems, [p.format() for p in problems]
    model.Measure.model_validate(loaded.data)


def test_missing_options_without_terminal(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a terminal, missing options are a usage error that names them."""
    assert main(["--projekt", str(project), "neu", "massnahme"]) == 2
    _, err = capsys.readouterr()
    assert err == (
        "strategie neu massnahme: Es fehlt --leitthema, --titel. Geben Sie die Angaben an oder "
        "starten Sie den Befehl in einem Terminal, dann wird danach gefragt.\n"
    )


def test_interactive_questions(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a terminal the command asks for theme, field, title and responsible unit."""
    strategy = load(project)
    theme = strategy.leitthemen[0]
    answers = iter(["99", "1", "2", "Frage und Antwort", "hochschule"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["--projekt", str(project), "neu", "massnahme"]) == 0
    out, _ = capsys.readouterr()
    assert "Bitte eine Nummer oder Kennung aus der Liste eingeben." in out
    assert f"  1) {theme.id} – {theme.titel}" in out
    created = load(project)
    measure = next(m for m in created.massnahmen if m.titel == "Frage und Antwort")
    assert measure.leitthema == theme.id
    assert measure.handlungsfeld == theme.handlungsfelder[1].id
    assert measure.verantwortlich == "hochschule"


def test_invalid_title_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A title with HTML is refused with the checker's message, and no file is written."""
    before = sorted((project / "strategy").rglob("*.yml"))
    arguments = ["--projekt", str(project), "neu", "massnahme", "--leitthema", "verwaltung"]
    arguments += ["--handlungsfeld", "e-government", "--titel", "<b>Fett</b>"]
    assert main(arguments) == 1
    _, err = capsys.readouterr()
    assert "titel enthält HTML" in err
    assert err.endswith("strategie neu massnahme: Die Angaben ergeben keine gültige Datei:\n")
    assert sorted((project / "strategy").rglob("*.yml")) == before


def test_never_overwrites(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the chosen file exists after all, nothing is changed."""
    existing = project / "strategy" / "massnahmen" / "verwaltung" / "ver-03.yml"
    text = existing.read_text(encoding="utf-8")
    monkeypatch.setattr(scaffold, "next_measure_id", lambda *_: "VER-03")
    arguments = ["--projekt", str(project), "neu", "massnahme", "--leitthema", "verwaltung"]
    arguments += ["--handlungsfeld", "e-government", "--titel", "Doppelt"]
    assert main(arguments) == 1
    _, err = capsys.readouterr()
    assert err == (
        "strategie neu massnahme: strategy/massnahmen/verwaltung/ver-03.yml gibt es schon; "
        "nichts geändert.\n"
    )
    assert existing.read_text(encoding="utf-8") == text


def test_unknown_choices(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown theme or field: a German message with a suggestion, exit 1."""
    arguments = ["--projekt", str(project), "neu", "massnahme", "--leitthema", "verwaltung"]
    assert main([*arguments, "--handlungsfeld", "e-governmnt", "--titel", "X"]) == 1
    _, err = capsys.readouterr()
    assert err.startswith(
        "strategie neu massnahme: Das Handlungsfeld „e-governmnt“ gibt es im Leitthema "
        "„verwaltung“ nicht. Meinten Sie „e-government“?"
    )


@pytest.mark.parametrize(
    "title", ["Einfach", "Bauakte: digital", "# Raute", "yes", "2024", 'Zitat "so"', "a #b"]
)
def test_titles_read_back_unchanged(title: str) -> None:
    """Titles are written plain where safe, quoted otherwise, and read back as written."""
    loaded, problems = load_bytes(f"titel: {scaffold.yaml_scalar(title)}\n".encode(), "t.yml")
    assert loaded is not None and not problems
    assert loaded.data == {"titel": title}


def test_slug() -> None:
    """Ids from titles: umlauts spelled out, other characters become single hyphens."""
    assert scaffold.slug("Künstliche Intelligenz & Daten") == "kuenstliche-intelligenz-daten"
    assert scaffold.slug("5G-Netz") == "feld-5g-netz"


def test_new_field_of_action_appends_text(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The theme file keeps its text; the field is appended; a first measure clears the warning."""
    theme_file = project / "strategy" / "leitthemen" / "verwaltung.yml"
    original = theme_file.read_text(encoding="utf-8")
    arguments = ["--projekt", str(project), "neu", "handlungsfeld", "--leitthema", "verwaltung"]
    assert main([*arguments, "--titel", "Künstliche Intelligenz"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[:2] == [
        "Ergänzt: strategy/leitthemen/verwaltung.yml (Handlungsfeld kuenstliche-intelligenz).",
        "Legen Sie nun die erste Maßnahme an: strategie neu massnahme --leitthema verwaltung "
        "--handlungsfeld kuenstliche-intelligenz – bis dahin meldet die Prüfung eine Warnung.",
    ]
    assert "Warnung: Das Handlungsfeld „kuenstliche-intelligenz“ hat noch keine Maßnahme." in err
    text = theme_file.read_text(encoding="utf-8")
    assert text.startswith(original)
    assert text[len(original) :] == (
        "  - id: kuenstliche-intelligenz\n"
        "    # Name des Handlungsfelds. (Pflicht)\n"
        "    titel: Künstliche Intelligenz\n"
        "    # Ein bis zwei Sätze für Übersichten. (Pflicht)\n"
        "    kurzbeschreibung: >-\n"
        "      Kurzbeschreibung folgt.\n"
        "    # Ausführliche Beschreibung. (optional)\n"
        "    # beschreibung: |\n"
        "    #   …\n"
        "    # Konkrete, überprüfbare Ziele des Handlungsfelds, jedes mit Nummer und Text; die\n"
        "    # Maßnahmen verweisen mit der Nummer darauf. (optional)\n"
        "    # operative_ziele:\n"
        "    #   - nummer: 1\n"
        "    #     text: …\n"
    )
    assert main(["--projekt", str(project), "check", "--strict"]) == 1
    new = ["--projekt", str(project), "neu", "massnahme", "--leitthema", "verwaltung"]
    new += ["--handlungsfeld", "kuenstliche-intelligenz", "--titel", "KI-Assistent"]
    assert main(new) == 0
    assert main(["--projekt", str(project), "check"]) == 0
    assert main(["--projekt", str(project), "check", "--strict"]) == 1  # placeholders
    for written in [theme_file, *(project / "strategy" / "massnahmen").rglob("ver-*.yml")]:
        text = written.read_text(encoding="utf-8")
        for placeholder in ("Kurzbeschreibung folgt.", "Beschreibung folgt."):
            text = text.replace(placeholder, "Ein Text.")
        written.write_text(text, encoding="utf-8")
    assert main(["--projekt", str(project), "check", "--strict"]) == 0


def test_new_field_before_a_following_key(project: Path) -> None:
    """When another key follows the list, the field goes before it (and its comment)."""
    theme_file = project / "strategy" / "leitthemen" / "verwaltung.yml"
    text = theme_file.read_text(encoding="utf-8")
    goals = re.search(r"^strategische_ziele:\n(  - .*\n)+", text, re.MULTILINE)
    assert goals is not None
    moved = text.replace(goals.group(0), "") + "\n# Ziele\n" + goals.group(0)
    theme_file.write_text(moved, encoding="utf-8")
    strategy = load(project)
    planned = scaffold.plan_field_of_action(
        strategy, project / "strategy", theme_id="verwaltung", title="Neu", identifier="neu-x"
    )
    before, after = planned.text.split("  - id: neu-x\n")
    assert after.endswith("\n# Ziele\n" + goals.group(0))
    assert before == moved[: len(before)]


def test_field_of_action_refused_for_theme_with_direct_measures(project: Path) -> None:
    """A theme whose measures belong to it directly gets no field of action automatically."""
    strategy = load(project)
    direct = next((t for t in strategy.leitthemen if not t.handlungsfelder), None)
    if direct is None:
        pytest.skip("the bundled strategy has no theme without fields of action")
    with pytest.raises(scaffold.ScaffoldError, match="hat keine Handlungsfelder"):
        scaffold.plan_field_of_action(
            strategy, project / "strategy", theme_id=direct.id, title="Neu", identifier=None
        )

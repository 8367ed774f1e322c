"""`strategie diff`: the semantic diff between two revisions, as text and as Markdown."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from git_env import GIT_ENV
from repo_paths import PROBLEMS
from repo_paths import REPO as ROOT

from generator import model
from generator.check.validate import load_strategy
from generator.cli.commands import main
from generator.escape import markdown_text
from generator.history.diff import diff_strategies
from generator.history.diff_format import MARKDOWN_MARKER, format_markdown, format_text

BASE = PROBLEMS / "base"


def git(repository: Path, *arguments: str) -> str:
    environment = {**os.environ, **GIT_ENV}
    result = subprocess.run(
        ["git", "-C", str(repository), *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    return result.stdout


def commit_all(repository: Path, message: str) -> None:
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", message)


def replace_line(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{pattern} not found in {path}"
    path.write_text(changed, encoding="utf-8")


def load(folder: Path) -> model.Strategy:
    strategy, problems = load_strategy(folder)
    assert strategy is not None, [p.format() for p in problems]
    return strategy


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A copy of the small valid test strategy, to change and compare with the original."""
    shutil.copytree(BASE, tmp_path / "strategy")
    return tmp_path / "strategy"


def diff_text(folder: Path) -> str:
    return format_text(diff_strategies(load(BASE), load(folder)), "alt", "neu")


def test_real_strategy_changes_between_commits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Status, rating, an added and a removed measure are each named, and nothing else."""
    repository = tmp_path / "klon"
    # The German data only: removing a measure would also orphan its translation, which the
    # translation diff reports (tests/check/test_translations.py covers the translation diff).
    shutil.copytree(
        ROOT / "strategy",
        repository / "strategy",
        ignore=shutil.ignore_patterns("uebersetzungen"),
    )
    git(repository, "init", "-q")
    commit_all(repository, "Fassung 1")
    before = load(repository / "strategy")
    files = {measure.id: repository / path for measure, path in _files(before)}

    # Pick measures from the data as it is, so the test does not depend on today's values.
    status_measure = before.massnahmen[0]
    statuses = {status.id: status.bezeichnung for status in before.strategie.status}
    new_status = next(s for s in statuses if s != status_measure.status)
    replace_line(files[status_measure.id], r"^status: .*$", f"status: {new_status}")

    scheme = before.strategie.bewertung
    criterion = scheme.kriterien[0]  # the city's own criteria and scale
    rated = next(
        m
        for m in before.massnahmen[1:]
        if isinstance(m.bewertung, model.Rating) and criterion.id in m.bewertung.werte
    )
    assert isinstance(rated.bewertung, model.Rating)
    old_value = rated.bewertung.werte[criterion.id]
    new_value = old_value - 1 if old_value > scheme.minimum else old_value + 1
    replace_line(files[rated.id], rf"^    {criterion.id}: .*$", f"    {criterion.id}: {new_value}")

    referenced = {ref for m in before.massnahmen for ref in m.verwandte_massnahmen}
    removed = next(
        m
        for m in reversed(before.massnahmen)
        if m.id not in referenced and m.id not in (status_measure.id, rated.id)
    )
    files[removed.id].unlink()

    theme = next(t for t in before.leitthemen if t.id == status_measure.leitthema)
    numbers = [int(m.id.split("-")[1]) for m in before.massnahmen if m.leitthema == theme.id]
    added_id = f"{theme.kuerzel}-{max(numbers) + 1:02d}"
    added_file = files[status_measure.id].with_name(f"{added_id.lower()}.yml")
    shutil.copy(files[status_measure.id], added_file)
    replace_line(added_file, r"^id: .*$", f"id: {added_id}")
    replace_line(added_file, r"^titel: .*$", "titel: Eine neue Maßnahme")
    commit_all(repository, "Fassung 2")

    assert main(["--projekt", str(repository), "diff", "HEAD~1", "HEAD"]) == 0
    out, err = capsys.readouterr()
    changed = sorted(
        [
            f"  {status_measure.id}: Status {statuses[status_measure.status]} → "
            f"{statuses[new_status]}",
            f"  {rated.id}: Bewertung {criterion.bezeichnung} {old_value} → {new_value}",
        ]
    )
    assert out == "\n".join(
        [
            "Änderungen an der Strategie: HEAD~1 → HEAD",
            "",
            "Maßnahmen: 1 neu, 1 entfernt, 2 geändert",
            f"  neu: {added_id} „Eine neue Maßnahme“",
            f"  entfernt: {removed.id} „{removed.titel}“",
            *changed,
            "",
        ]
    )
    assert "Fehler" not in err


def _files(strategy: model.Strategy) -> list[tuple[model.Measure, str]]:
    return [(measure, strategy.dateien[measure.id]) for measure in strategy.massnahmen]


def test_no_changes(base: Path) -> None:
    """Identical data: one line saying there is nothing to report."""
    assert (
        diff_text(base)
        == "Änderungen an der Strategie: alt → neu\nKeine inhaltlichen Änderungen.\n"
    )


def test_measure_fields_in_plain_german(base: Path) -> None:
    """Title, progress, lists, milestones, dates and long texts are described in German."""
    measure = base / "massnahmen" / "verwaltung" / "ver-01.yml"
    replace_line(measure, r"^titel: .*$", "titel: Serviceportal der Stadt")
    replace_line(measure, r"^fortschritt: 40$", "fortschritt: 60")
    replace_line(measure, r"^  - it-dienst$", "  - stabsstelle")
    replace_line(measure, r"^verantwortlich: stabsstelle$", "verantwortlich: it-dienst")
    replace_line(measure, r"^    erreicht: true$", "    erreicht: false")
    replace_line(measure, r"^  ende: 2025$", "  ende: 2027")
    replace_line(measure, r"^beschreibung: .*$", "beschreibung: Ein neuer Text.")
    replace_line(measure, r"^  - 16$", "  - 11\n  - 16")
    replace_line(measure, r"^    umsetzbarkeit: 3$", "    umsetzbarkeit: 4")
    assert diff_text(base) == (
        "Änderungen an der Strategie: alt → neu\n"
        "\n"
        "Maßnahmen: 1 umbenannt, 1 geändert\n"
        "  umbenannt: VER-01 „Serviceportal“ → „Serviceportal der Stadt“\n"
        "  VER-01: Beschreibung geändert\n"
        "  VER-01: Fortschritt 40 % → 60 %\n"
        "  VER-01: Ende 2025 → 2027\n"
        "  VER-01: Verantwortlich Stabsstelle Digitales → Städtischer IT-Dienstleister\n"
        "  VER-01: Partner hinzugefügt: Stabsstelle Digitales; "
        "Partner entfernt: Städtischer IT-Dienstleister\n"
        "  VER-01: Bewertung Umsetzbarkeit 3 → 4\n"
        "  VER-01: SDGs hinzugefügt: SDG 11\n"
        "  VER-01: Meilenstein „Pilotbetrieb“ erreicht → nicht erreicht\n"
    )


def test_values_set_and_removed(base: Path) -> None:
    """A field that appears or disappears says „neu“ or „entfernt (bisher …)“."""
    measure = base / "massnahmen" / "verwaltung" / "ver-01.yml"
    replace_line(measure, r"^fortschritt: 40\n", "")
    replace_line(measure, r"^aktualisiert:", "wirkung: Weniger Wege ins Amt.\naktualisiert:")
    replace_line(
        measure,
        r"^bewertung:\n(  .*\n)+",
        "bewertung:\n  quelle: nicht bewertet\n",
    )
    assert diff_text(base) == (
        "Änderungen an der Strategie: alt → neu\n"
        "\n"
        "Maßnahmen: 1 geändert\n"
        "  VER-01: Fortschritt entfernt (bisher 40 %)\n"
        "  VER-01: Bewertung Quelle beispiel → nicht bewertet\n"
        "  VER-01: Bewertung Stand entfernt (bisher 25.06.2020)\n"
        "  VER-01: Bewertung Wichtigkeit entfernt (bisher 5)\n"
        "  VER-01: Bewertung Umsetzbarkeit entfernt (bisher 3)\n"
        "  VER-01: Wirkung neu: „Weniger Wege ins Amt.“\n"
    )


def test_themes_fields_registries_and_document(base: Path) -> None:
    """Leitthemen, Handlungsfelder, registries and strategie.yml are summarised."""
    replace_line(base / "leitthemen" / "verwaltung.yml", r"^titel: .*$", "titel: Verwaltung 2030")
    replace_line(
        base / "leitthemen" / "verwaltung.yml",
        r"^    titel: Open Data$",
        "    titel: Offene Daten",
    )
    replace_line(
        base / "verzeichnisse" / "akteure.yml",
        r"^    name: Stabsstelle Digitales$",
        "    name: Stabsstelle Digitale Stadt",
    )
    replace_line(
        base / "verzeichnisse" / "akteure.yml",
        r"\Z",
        "  - id: hochschule\n    name: Hochschule\n    art: partner\n",
    )
    replace_line(base / "strategie.yml", r"^horizont: .*$", "horizont: 2035")
    assert diff_text(base) == (
        "Änderungen an der Strategie: alt → neu\n"
        "\n"
        "Leitthemen: 1 umbenannt\n"
        "  umbenannt: verwaltung „Digitale Verwaltung“ → „Verwaltung 2030“\n"
        "\n"
        "Handlungsfelder: 1 umbenannt\n"
        "  umbenannt: open-data „Open Data“ → „Offene Daten“\n"
        "\n"
        "Verzeichnisse\n"
        "  Akteure: neu: „Hochschule“; geändert: „Stabsstelle Digitale Stadt“ (Name)\n"
        "\n"
        "Strategie (strategie.yml)\n"
        "  Horizont 2030 → 2035\n"
    )


def test_markdown_comment(base: Path) -> None:
    """Markdown: hidden marker first, a heading, a summary, and values escaped."""
    measure = base / "massnahmen" / "verwaltung" / "ver-01.yml"
    replace_line(measure, r"^status: .*$", "status: abgeschlossen")
    replace_line(measure, r"^fortschritt: 40$", "fortschritt: 100")
    replace_line(measure, r"^titel: .*$", "titel: Portal *neu* [beta]")
    (base / "massnahmen" / "labor" / "lab-01.yml").unlink()
    text = format_markdown(diff_strategies(load(BASE), load(base)), "origin/main", "HEAD")
    esc = markdown_text
    new_title = esc("„Portal *neu* [beta]“")
    assert "*neu*" not in new_title
    assert text.splitlines()[0] == MARKDOWN_MARKER
    assert text == (
        "<!-- strategie-diff -->\n"
        "### Inhaltliche Änderungen an der Strategie\n"
        "\n"
        "Vergleich von `origin/main` mit `HEAD`.\n"
        "\n"
        "- Maßnahmen: 1 entfernt, 1 umbenannt, 1 geändert\n"
        "\n"
        "#### Maßnahmen\n"
        "\n"
        f"- Entfernt: **{esc('LAB-01')}** „Sensoren im Testfeld“\n"
        f"- Umbenannt: **{esc('VER-01')}** „Serviceportal“ → {new_title}\n"
        f"- **{esc('VER-01')}** {new_title}\n"
        "  - Status in Umsetzung → abgeschlossen\n"
        "  - Fortschritt 40 % → 100 %\n"
        "\n"
        "<sub>Erzeugt mit `strategie diff`. Den genauen Wortlaut zeigt der Dateivergleich "
        "des Pull Requests.</sub>\n"
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A Git repository with the test strategy committed once."""
    shutil.copytree(BASE, tmp_path / "strategy")
    git(tmp_path, "init", "-q")
    commit_all(tmp_path, "Fassung 1")
    return tmp_path


def test_working_tree_against_head(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without revisions the working tree is compared with HEAD."""
    measure = repository / "strategy" / "massnahmen" / "verwaltung" / "ver-01.yml"
    replace_line(measure, r"^fortschritt: 40$", "fortschritt: 50")
    assert main(["--projekt", str(repository), "diff"]) == 0
    out, _ = capsys.readouterr()
    assert out == (
        "Änderungen an der Strategie: HEAD → Arbeitsverzeichnis\n"
        "\n"
        "Maßnahmen: 1 geändert\n"
        "  VER-01: Fortschritt 40 % → 50 %\n"
    )


def test_shallow_clone(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clone of depth 2 has both revisions and gives the same diff."""
    measure = repository / "strategy" / "massnahmen" / "verwaltung" / "ver-02.yml"
    replace_line(measure, r"^status: .*$", "status: geplant")
    commit_all(repository, "Fassung 2")
    clone = tmp_path / "flach"
    subprocess.run(
        ["git", "clone", "-q", "--depth=2", repository.as_uri(), str(clone)],
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    assert main(["--projekt", str(clone), "diff", "HEAD~1", "HEAD"]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines()[-1] == "  VER-02: Status abgeschlossen → geplant"


def test_invalid_revision_data(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Broken data at a revision: its problems, a German explanation, exit 1."""
    measure = repository / "strategy" / "massnahmen" / "verwaltung" / "ver-01.yml"
    replace_line(measure, r"^status: .*$", "status: laufend")
    assert main(["--projekt", str(repository), "diff"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "strategy/massnahmen/verwaltung/ver-01.yml:8:9: Fehler: status: den Status „laufend“ gibt "
        "es nicht. Bekannt sind: abgeschlossen, geplant, in-umsetzung.",
        "strategie diff: Die Daten im Stand „Arbeitsverzeichnis“ sind fehlerhaft (1 Fehler, "
        "0 Warnungen). Verglichen werden kann nur, was sich prüfen lässt; beheben Sie die Fehler "
        "(strategie check) oder wählen Sie einen anderen Stand.",
    ]


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        (
            "gibt-es-nicht",
            "strategie diff: Die Revision „gibt-es-nicht“ gibt es in diesem Repository nicht. In "
            "einem flachen Klon holen Sie sie zuerst, zum Beispiel mit „git fetch --depth=1 "
            "origin gibt-es-nicht“.",
        ),
        ("--output=x", "strategie diff: „--output=x“ ist keine Revision."),
    ],
)
def test_unknown_revision(
    repository: Path, capsys: pytest.CaptureFixture[str], revision: str, message: str
) -> None:
    """A revision Git does not know is a usage error (exit 2) with a German hint."""
    assert main(["--projekt", str(repository), "diff", "--", revision]) == 2
    _, err = capsys.readouterr()
    assert err == message + "\n"


def test_not_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Outside a Git repository the command says so (exit 2)."""
    shutil.copytree(BASE, tmp_path / "strategy")
    assert main(["--projekt", str(tmp_path), "diff"]) == 2
    _, err = capsys.readouterr()
    assert err == f"strategie diff: Der Ordner {tmp_path} ist kein Git-Repository.\n"


def test_quotes_are_cut_at_a_word_boundary() -> None:
    """A long value is shortened after its last whole word, ended with „…“."""
    from generator.history.diff import quoted

    text = "Ein Serviceportal bündelt die Onlinedienste von Stadt, Land und Bund an einer Stelle"
    assert quoted(text, 30) == "„Ein Serviceportal bündelt die…“"
    assert quoted("kurz", 30) == "„kurz“"
    assert quoted("Donaudampfschifffahrtsgesellschaft", 10) == "„Donaudamp…“"


def test_fields_are_named_by_their_german_label() -> None:
    """A changed field is named by its label („Aufsichtsbehörde“), never by its YAML key."""
    from generator.check.field_labels import field_label
    from generator.history.diff import _label

    assert _label("aufsichtsbehoerde") == field_label("aufsichtsbehoerde") == "Aufsichtsbehörde"
    assert _label("speicherdauer_protokolle") == "Speicherdauer der Protokolle"

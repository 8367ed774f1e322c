"""The `strategie` command line: exit codes and complete output."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from repo_paths import PROBLEMS

from generator.cli.commands import main

BASE = PROBLEMS / "base"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "strategy")
    return tmp_path


def test_check_valid_data(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Valid data: exit 0, nothing on stderr, one summary line."""
    assert main(["--projekt", str(project), "check", "--strict"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == (
        "Prüfung bestanden: 2 Leitthemen, 2 Handlungsfelder, 3 Maßnahmen; 0 Fehler, 0 Warnungen.\n"
    )


def test_check_reports_all_problems(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Broken data: exit 1, every problem as file:line:col, then a German summary."""
    measure = project / "strategy" / "massnahmen" / "verwaltung" / "ver-01.yml"
    text = measure.read_text(encoding="utf-8")
    measure.write_text(
        text.replace("status: in-umsetzung", "status: laufend").replace(
            "fortschritt: 40", "fortschritt: 400"
        ),
        encoding="utf-8",
    )
    assert main(["--projekt", str(project), "check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "strategy/massnahmen/verwaltung/ver-01.yml:10:14: Fehler: fortschritt: „400“ ist nicht "
        "erlaubt, der Wert muss höchstens 100 sein.",
        "Prüfung fehlgeschlagen: 1 Fehler, 0 Warnungen.",
    ]


def test_warnings_fail_only_under_strict(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A warning passes `check` but fails `check --strict`."""
    measure = project / "strategy" / "massnahmen" / "labor" / "lab-01.yml"
    measure.write_text(
        measure.read_text(encoding="utf-8").replace("ebene: gesamtstadt", "ebene: quartier"),
        encoding="utf-8",
    )
    assert main(["--projekt", str(project), "check"]) == 0
    capsys.readouterr()
    assert main(["--projekt", str(project), "check", "--strict"]) == 1
    _, err = capsys.readouterr()
    assert err.splitlines()[-1] == (
        "Prüfung fehlgeschlagen: 0 Fehler, 1 Warnung (--strict: Warnungen zählen als Fehler)."
    )


def test_github_annotations(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In GitHub Actions each problem is also printed as an ::error annotation."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    measure = project / "strategy" / "massnahmen" / "verwaltung" / "ver-02.yml"
    measure.write_text(
        measure.read_text(encoding="utf-8").replace("status: abgeschlossen", "status: fertig"),
        encoding="utf-8",
    )
    assert main(["--projekt", str(project), "check"]) == 1
    out, _ = capsys.readouterr()
    assert out.startswith(
        "::error file=strategy/massnahmen/verwaltung/ver-02.yml,line=8,col=9::"
        "status: den Status „fertig“ gibt es nicht."
    )


def test_usage_error_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command exits 2 with a German message and no traceback."""
    with pytest.raises(SystemExit) as raised:
        main(["--projekt", str(project), "pruefen"])
    assert raised.value.code == 2
    _, err = capsys.readouterr()
    assert "Aufruf fehlerhaft" in err and "Traceback" not in err


def test_missing_strategy_folder_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Running outside a project says where strategy/ was expected."""
    assert main(["--projekt", str(tmp_path), "check"]) == 2
    assert "keinen Ordner strategy/" in capsys.readouterr().err


def test_module_entry_point(project: Path) -> None:
    """`python -m generator check` behaves like `strategie check` in a real process."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--projekt", str(project), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Prüfung bestanden")

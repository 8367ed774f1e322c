"""Build timestamps: SOURCE_DATE_EPOCH is read strictly and every stamp fits ZIP and gzip."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from repo_paths import MINIMAL

from generator.site.build import source_date_epoch, write_zip
from generator.timestamps import (
    EARLIEST_EPOCH,
    LATEST_EPOCH,
    EpochError,
    parse_epoch,
    zip_date_time,
)

MALFORMED = (
    "Die Umgebungsvariable SOURCE_DATE_EPOCH hat den Wert „{}“; erwartet wird eine ganze Zahl "
    "von Sekunden seit 1970 (etwa die Ausgabe von „git log -1 --format=%ct“). Korrigieren Sie "
    "den Wert oder entfernen Sie die Variable, dann gilt die Zeit des letzten Commits."
)


@pytest.mark.parametrize("given", ["abc", "1.5", "1e9", "0x10", "12 34", "9" * 21])
def test_malformed_epoch_is_a_german_error(given: str) -> None:
    """A SOURCE_DATE_EPOCH that is not a whole number is refused with the pinned message."""
    with pytest.raises(EpochError) as raised:
        parse_epoch(given)
    assert str(raised.value) == MALFORMED.format(given)


def test_malformed_epoch_is_shown_printable() -> None:
    """Control characters in a malformed value do not reach the terminal."""
    with pytest.raises(EpochError) as raised:
        parse_epoch("12\x1b[31m")
    assert "\x1b" not in str(raised.value)
    assert "„12�[31m“" in str(raised.value)


@pytest.mark.parametrize(
    ("given", "expected", "shown"),
    [
        ("-1", EARLIEST_EPOCH, "01.01.1980"),
        ("0", EARLIEST_EPOCH, "01.01.1980"),
        ("99999999999", LATEST_EPOCH, "31.12.2099"),
        ("7258118400", LATEST_EPOCH, "31.12.2099"),
    ],
)
def test_out_of_range_epoch_is_clamped_with_a_note(given: str, expected: int, shown: str) -> None:
    """A whole number outside 1980–2099 is moved to the nearest end, with a German note."""
    epoch, note = parse_epoch(given)
    assert epoch == expected
    assert note == (
        f"Hinweis: Die Bauzeit aus SOURCE_DATE_EPOCH ({int(given)}) liegt außerhalb der Jahre "
        f"1980 bis 2099, die ZIP- und gzip-Dateien speichern können; als Bauzeit gilt der "
        f"{shown}."
    )


def test_epoch_in_range_is_kept() -> None:
    """An ordinary SOURCE_DATE_EPOCH passes unchanged and without a note."""
    assert parse_epoch(" 1593043200 ") == (1593043200, None)


def test_zip_date_time_is_clamped() -> None:
    """ZIP stamps stay within 1980–2107 for any moment, as number or as datetime."""
    assert zip_date_time(-5) == (1980, 1, 1, 0, 0, 0)
    assert zip_date_time(10**12) == (2099, 12, 31, 23, 59, 59)
    assert zip_date_time(datetime(2206, 11, 1)) == (2107, 12, 31, 23, 59, 58)
    assert zip_date_time(datetime(1899, 1, 1)) == (1980, 1, 1, 0, 0, 0)
    assert zip_date_time(datetime(2020, 6, 25, 12)) == (2020, 6, 25, 12, 0, 0)


def test_write_zip_survives_a_far_future_epoch(tmp_path: Path) -> None:
    """write_zip with an epoch past 2107 writes a valid archive instead of crashing."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "index.html").write_text("x", encoding="utf-8")
    archive = write_zip(folder, tmp_path / "a.zip", "top", 10**11)
    with zipfile.ZipFile(archive) as bundle:
        # ZIP stores seconds in steps of two.
        assert [info.date_time for info in bundle.infolist()] == [(2099, 12, 31, 23, 59, 58)]


def test_commit_time_beyond_2099_is_clamped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A last commit dated 2200 gives the latest storable build time and a note."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run(
        [*git, "commit", "-q", "--allow-empty", "-m", "x"],
        check=True,
        env={**os.environ, "GIT_COMMITTER_DATE": "@7258118400 +0000"},
    )
    epoch, note = source_date_epoch(tmp_path)
    assert epoch == LATEST_EPOCH
    assert note is not None and "aus dem letzten Commit (7258118400)" in note


@pytest.mark.parametrize("given", ["garbage", "1.5e9"])
def test_build_refuses_malformed_epoch_cleanly(
    given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`strategie build` with a malformed SOURCE_DATE_EPOCH exits 2 with the German message."""
    shutil.copytree(MINIMAL, tmp_path / "strategy")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", given)
    from generator.cli import main

    assert main(["--projekt", str(tmp_path), "build"]) == 2
    error = capsys.readouterr().err
    assert error.strip().endswith(f"strategie build: {MALFORMED.format(given)}")
    assert "Traceback" not in error
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("command", [["check"], ["export", "xlsx", "--out", "mappe.xlsx"]])
def test_dates_outside_the_window_stop_check_and_export(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """aktualisiert 2206, status_seit 1899 and a milestone in year 1 end in German problems
    and exit 1 for check and export, never in a crash."""
    from test_problems import HERE, build_case

    from generator.cli import main

    build_case(HERE / "validate" / "datum-bereich", tmp_path)
    arguments = ["--projekt", str(tmp_path), *command]
    if "--out" in command:
        arguments[-1] = str(tmp_path / "mappe.xlsx")
    assert main(arguments) == 1
    error = capsys.readouterr().err
    assert "aktualisiert: „2206-11-01“ liegt außerhalb des erlaubten Zeitraums 1990 bis" in error
    assert "meilensteine[1].datum: „0001-01-01“ liegt außerhalb" in error
    assert "Traceback" not in error
    assert not (tmp_path / "mappe.xlsx").exists()

"""The one atomic file write (generator/files.py)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from repo_paths import REPO

from generator.files import is_temporary, write_file_atomically, write_files_atomically

PACKAGE = REPO / "generator"


def test_new_file_gets_its_folder_and_readable_permissions(tmp_path: Path) -> None:
    """A new file is created with its folder, holds the bytes and is readable by all (0o644)."""
    target = tmp_path / "neu" / "datei.txt"
    old_umask = os.umask(0o077)
    try:
        write_file_atomically(target, b"Inhalt\n")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"Inhalt\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    """Replacing a file keeps its permissions (an editor's executable bit or a private file)."""
    target = tmp_path / "datei.yml"
    target.write_bytes(b"alt\n")
    target.chmod(0o600)
    write_file_atomically(target, b"neu\n")
    assert target.read_bytes() == b"neu\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_link_or_folder_in_the_place_is_refused(tmp_path: Path) -> None:
    """A symbolic link or a folder where the file should go is refused, and the link survives."""
    elsewhere = tmp_path / "anderswo.txt"
    elsewhere.write_bytes(b"fremd\n")
    link = tmp_path / "link.txt"
    link.symlink_to(elsewhere)
    with pytest.raises(ValueError, match="not a regular file"):
        write_file_atomically(link, b"neu\n")
    (tmp_path / "ordner").mkdir()
    with pytest.raises(ValueError, match="not a regular file"):
        write_file_atomically(tmp_path / "ordner", b"neu\n")
    assert link.is_symlink() and elsewhere.read_bytes() == b"fremd\n"


def test_files_written_together_change_all_or_none(tmp_path: Path) -> None:
    """When one of several files cannot be written, none is changed and no temporary is left."""
    first = tmp_path / "a.yml"
    first.write_bytes(b"alt\n")
    (tmp_path / "b.yml").mkdir()  # cannot be replaced by a file
    with pytest.raises(ValueError):
        write_files_atomically({first: b"neu\n", tmp_path / "b.yml": b"neu\n"})
    assert first.read_bytes() == b"alt\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.yml", "b.yml"]


def test_temporary_names_are_recognised() -> None:
    """The sweep of generated folders recognises our temporary files and nothing else."""
    assert is_temporary(".abc123.tmp")
    assert not is_temporary("abc.tmp") and not is_temporary(".gitkeep")


def test_only_files_py_replaces_files() -> None:
    """No other module writes through its own temporary file and os.replace."""
    pattern = re.compile(r"os\.replace\(|mkstemp\(|NamedTemporaryFile\(")
    users = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    )
    assert users == ["files.py"]


def test_a_missing_folder_can_be_left_to_the_caller(tmp_path: Path) -> None:
    """With create_folder=False a missing folder raises FileNotFoundError and creates nothing."""
    with pytest.raises(FileNotFoundError):
        write_file_atomically(tmp_path / "fehlt" / "datei.xlsx", b"x", create_folder=False)
    assert not (tmp_path / "fehlt").exists()

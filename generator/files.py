"""Writing files atomically: the one way the generator replaces a file it writes.

A file is written to a temporary file beside it (`.<random>.tmp`, TEMPORARY_PREFIX and
TEMPORARY_SUFFIX) and then renamed over the target with `os.replace`, so a reader sees the old
file or the new one, never a part; an interrupted write leaves at most such a temporary file.
Several files written together are all staged first and only then replaced one after the
other, so a failure while writing (a full disk) changes none of them.

A file that already exists keeps its permissions; a new file gets 0o644 whatever the umask.
A symbolic link or a folder in a target's place is refused (ValueError): replacing a link
would silently cut it, and a generated file never belongs there.

This module imports nothing of the generator, so every stage may use it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

TEMPORARY_PREFIX = "."
TEMPORARY_SUFFIX = ".tmp"
#: Permissions of a file that did not exist before.
NEW_FILE_MODE = 0o644


def write_file_atomically(file: Path, data: bytes, *, create_folder: bool = True) -> None:
    """Replace `file` with `data` in one step (creating its folder unless told not to; a
    missing folder then raises FileNotFoundError)."""
    write_files_atomically({file: data}, create_folder=create_folder)


def write_files_atomically(files: Mapping[Path, bytes], *, create_folder: bool = True) -> None:
    """Write every file in `files`: all temporary files first, then each replaced in turn."""
    staged: list[tuple[Path, Path]] = []
    try:
        for file, data in sorted(files.items()):
            mode = _mode_for(file)
            if create_folder:
                file.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                dir=file.parent, prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX
            )
            staged.append((Path(name), file))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(name, mode)
        for temporary, file in staged:
            os.replace(temporary, file)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _mode_for(file: Path) -> int:
    """The permissions the new file gets; refuses a link or a folder in its place."""
    try:
        found = file.lstat()
    except FileNotFoundError:
        return NEW_FILE_MODE
    if not stat.S_ISREG(found.st_mode):
        raise ValueError(f"refusing to replace {file}: it is not a regular file")
    return stat.S_IMODE(found.st_mode)


def is_temporary(name: str) -> bool:
    """Whether a file name is one of our temporary files (left behind by an interrupted run)."""
    return name.startswith(TEMPORARY_PREFIX) and name.endswith(TEMPORARY_SUFFIX)


def write_new_file(folder: Path, prefix: str, suffix: str, data: bytes) -> Path:
    """Write `data` to a new file with a unique name (`<prefix><random><suffix>`) in `folder`;
    its path. Nothing is replaced: the name did not exist before (the generated engine
    configuration of a build, removed when the build ends)."""
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.chmod(name, NEW_FILE_MODE)
    return Path(name)

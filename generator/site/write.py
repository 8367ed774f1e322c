"""Write stage: the only module that touches the folder of generated pages.

In: the rendered pages (`{relative path: text}`; download files as bytes, written as they are)
and the target folder under `docs/`.
Out: the folder holds exactly those pages; a `WriteReport` says what changed.

A file is rewritten only when its bytes change, so `mkdocs serve` sees no change after a
regeneration that changed nothing (otherwise it would rebuild forever). Writes are atomic
(temporary file + `os.replace`), so MkDocs never reads half a page. Files in the target that
are not among the pages are stale and removed, with folders left empty. Nothing outside the
target is touched, and a target that is not inside a `docs/` folder is refused: the stale-file
sweep must never run over a folder someone keeps by hand.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)

#: The folder (a direct or indirect child of the project's docs/) that generated pages go to.
GENERATED_FOLDER = PurePosixPath("docs/generiert")
#: An empty file kept in Git (the folder is otherwise ignored): MkDocs refuses to start when
#: its docs_dir does not exist, even though the hook would fill it.
KEEP_FILE = PurePosixPath(".gitkeep")


@dataclass(frozen=True)
class WriteReport:
    """What a write changed, each list sorted."""

    written: tuple[PurePosixPath, ...]
    unchanged: int
    removed: tuple[PurePosixPath, ...]

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


def write_pages(pages: Mapping[PurePosixPath, str | bytes], target: Path) -> WriteReport:
    """Make `target` hold exactly `pages`, writing only files whose content changed."""
    root = _checked_target(target)
    wanted = {_checked_page_path(path): _encode(text) for path, text in pages.items()}

    removed = _remove_stale(root, set(wanted))
    written: list[PurePosixPath] = []
    unchanged = 0
    for path in sorted(wanted):
        file = root.joinpath(*path.parts)
        if _read_bytes(file) == wanted[path]:
            unchanged += 1
            continue
        _write_atomically(file, wanted[path])
        written.append(path)
    report = WriteReport(tuple(written), unchanged, tuple(removed))
    log.info(
        "%s: %d written, %d unchanged, %d removed",
        root,
        len(report.written),
        report.unchanged,
        len(report.removed),
    )
    return report


def _checked_target(target: Path) -> Path:
    root = target.resolve()
    docs = next((folder for folder in root.parents if folder.name == "docs"), None)
    if docs is None or not (docs.parent / "strategy").is_dir():
        raise ValueError(
            f"refusing to write generated pages to {root}: the target must be a folder inside "
            "the docs/ folder of a project (a folder beside strategy/)"
        )
    if root.exists() and not root.is_dir():
        raise ValueError(f"refusing to write generated pages to {root}: it is not a folder")
    root.mkdir(parents=True, exist_ok=True)
    return root


def _checked_page_path(path: PurePosixPath) -> PurePosixPath:
    """Pages are plain relative paths; anything else is a bug in the render stage."""
    path = PurePosixPath(path)
    if path.is_absolute() or not path.parts or any(p in ("", ".", "..") for p in path.parts):
        raise ValueError(f"page path {str(path)!r} is not a plain relative path")
    if any(part.startswith(".") for part in path.parts):
        # MkDocs skips dotfiles, and the write stage uses them for temporary files.
        raise ValueError(f"page path {str(path)!r} must not start with a dot")
    return path


def _encode(text: str | bytes) -> bytes:
    """Text as UTF-8 with `\\n` line endings and one trailing newline; bytes unchanged."""
    if isinstance(text, bytes):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


def _read_bytes(file: Path) -> bytes | None:
    if file.is_symlink() or not file.is_file():
        return None
    return file.read_bytes()


def _remove_stale(root: Path, wanted: set[PurePosixPath]) -> list[PurePosixPath]:
    """Delete files not in `wanted` and folders that end up empty; never follow symlinks."""
    wanted_folders = {parent for path in wanted for parent in path.parents}
    removed: list[PurePosixPath] = []
    for folder, subfolders, files in os.walk(root, topdown=False):
        here = Path(folder)
        relative = PurePosixPath(here.relative_to(root).as_posix())
        for name in sorted(files):
            path = relative / name
            if path == KEEP_FILE:
                continue
            if path not in wanted or (here / name).is_symlink():
                # A symbolic link is never ours: a wanted page replaces it with a file.
                (here / name).unlink()
                if path not in wanted:
                    removed.append(path)
        for name in subfolders:
            sub = here / name
            path = relative / name
            if sub.is_symlink():
                # os.walk lists symlinks to folders as folders; a link is never ours to keep.
                sub.unlink()
                removed.append(path)
            elif path not in wanted_folders and not any(sub.iterdir()):
                sub.rmdir()
    for path in sorted(wanted):
        node = root.joinpath(*path.parts)
        if node.is_dir() and not node.is_symlink():
            raise ValueError(f"page {path} collides with a folder of the same name in {root}")
    return sorted(removed)


def _write_atomically(file: Path, data: bytes) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    if file.is_symlink() or file.is_dir():
        raise ValueError(f"refusing to replace {file}: it is not a regular file")
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

"""Write stage: the only module that touches the folder of generated pages.

In: the rendered pages (`{relative path: text}`; download files as bytes, written as they are)
and the target folder under `docs/`.
Out: the folder holds exactly those pages; a `WriteReport` says what changed.

A file is rewritten only when its bytes change, so `mkdocs serve` sees no change after a
regeneration that changed nothing (otherwise it would rebuild forever). Writes are atomic
(temporary file + `os.replace`), so MkDocs never reads half a page. Files in the target that
are not among the pages are stale and removed, with folders left empty — but only files this
stage wrote: the folder's marker (output_guard.MARKER_NAME) lists them. Nothing outside the
target is touched. A target that is not inside a `docs/` folder, that lies on or below a
symbolic link (between the project and the target), or that is a folder of other files without
the marker is refused (`OutputRefused`): the stale-file sweep must never run over a folder
someone keeps by hand, such as the theme a link `docs/generiert → theme` would point at.

A folder without the marker is accepted only when it is empty (a `.gitkeep` aside) or was
written by an earlier version, which had no marker: then it holds our data download
(LEGACY_FILE), and everything in it counts as generated once more.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.files import is_temporary, write_file_atomically
from generator.site.output_guard import MARKER_NAME, OutputRefused

log = logging.getLogger(__name__)

#: The folder (a direct or indirect child of the project's docs/) that generated pages go to.
GENERATED_FOLDER = PurePosixPath("docs/generiert")
#: An empty file kept in Git (the folder is otherwise ignored): MkDocs refuses to start when
#: its docs_dir does not exist, even though the hook would fill it.
KEEP_FILE = PurePosixPath(".gitkeep")
#: The marker: a German note, then the generated files, one relative path per line.
MARKER = PurePosixPath(MARKER_NAME)
MARKER_NOTE = (
    "# Diesen Ordner schreibt der Generator („strategie build“, „mkdocs serve“) bei jedem Lauf\n"
    "# neu; von Hand abgelegte Dateien bleiben liegen, erzeugte werden ersetzt oder gelöscht.\n"
    "# Die Liste unten nennt die erzeugten Dateien.\n"
)
#: Present in every folder an earlier version (without the marker) generated.
LEGACY_FILE = PurePosixPath("daten/strategie.json")


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

    removed = _remove_stale(root, set(wanted), _generated_before(root))
    written: list[PurePosixPath] = []
    unchanged = 0
    for path in sorted(wanted):
        file = root.joinpath(*path.parts)
        if _read_bytes(file) == wanted[path]:
            unchanged += 1
            continue
        write_file_atomically(file, wanted[path])
        written.append(path)
    manifest = (MARKER_NOTE + "".join(f"{path}\n" for path in sorted(wanted))).encode("utf-8")
    if _read_bytes(root / MARKER_NAME) != manifest:
        write_file_atomically(root / MARKER_NAME, manifest)
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
    absolute = Path(os.path.abspath(target))
    docs = next((folder for folder in absolute.parents if folder.name == "docs"), None)
    if docs is None or not (docs.parent / "strategy").is_dir():
        raise ValueError(
            f"refusing to write generated pages to {absolute}: the target must be a folder "
            "inside the docs/ folder of a project (a folder beside strategy/)"
        )
    refusal = refuse_generated_folder(absolute, docs)
    if refusal:
        raise OutputRefused(refusal)
    absolute.mkdir(parents=True, exist_ok=True)
    return absolute


def refuse_generated_folder(folder: Path, docs: Path) -> str | None:
    """Why generated pages must not go to `folder` (below `docs`), in German; or None."""
    node = folder
    while node != docs.parent:
        if node.is_symlink():
            return (
                f"Der Ordner für die erzeugten Seiten {folder} führt über die symbolische "
                f"Verknüpfung {node}. Der Generator schreibt und löscht dort nicht, damit keine "
                f"andere Datei verloren geht. Ersetzen Sie {node.name} durch einen gewöhnlichen "
                "Ordner."
            )
        node = node.parent
    if not folder.resolve().is_relative_to(docs.resolve()):
        return f"Der Ordner für die erzeugten Seiten {folder} liegt nicht im Ordner docs/."
    if folder.exists() and not folder.is_dir():
        return f"An der Stelle des Ordners für die erzeugten Seiten {folder} steht eine Datei."
    if folder.is_dir() and _generated_before(folder) is None:
        return (
            f"Der Ordner für die erzeugten Seiten {folder} enthält Dateien, die der Generator "
            f"nicht geschrieben hat (die Markierung {MARKER_NAME} fehlt). Er überschreibt und "
            "löscht dort nichts; verschieben Sie diese Dateien an einen anderen Ort."
        )
    return None


def _generated_before(root: Path) -> set[PurePosixPath] | None:
    """The files an earlier run wrote into `root` (from its marker); every file for a folder
    of an earlier version without a marker; None for a folder of other files."""
    marker = root / MARKER_NAME
    text = None if _read_bytes(marker) is None else marker.read_text("utf-8", "replace")
    if text is not None:
        lines = text.splitlines()
        return {PurePosixPath(line) for line in lines if line and not line.startswith("#")}
    present = {
        PurePosixPath(Path(os.path.relpath(os.path.join(folder, name), root)).as_posix())
        for folder, subfolders, files in os.walk(root)  # does not follow symlinks
        for name in [*files, *(sub for sub in subfolders if Path(folder, sub).is_symlink())]
    }
    if not present - {KEEP_FILE} or LEGACY_FILE in present:
        return present
    return None


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


def _remove_stale(
    root: Path, wanted: set[PurePosixPath], generated: set[PurePosixPath] | None
) -> list[PurePosixPath]:
    """Delete generated files not in `wanted` and folders that end up empty; never follow
    symlinks. Files nobody generated (not in `generated`) stay, and so do their folders."""
    ours = generated or set()
    wanted_folders = {parent for path in wanted for parent in path.parents}
    removed: list[PurePosixPath] = []
    for folder, subfolders, files in os.walk(root, topdown=False):
        here = Path(folder)
        relative = PurePosixPath(here.relative_to(root).as_posix())
        for name in sorted(files):
            path = relative / name
            foreign = path in (KEEP_FILE, MARKER) or (path not in ours and path not in wanted)
            if foreign and not _is_temporary(name):
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


def _is_temporary(name: str) -> bool:
    """A temporary file of an atomic write that an interrupted run left behind."""
    return is_temporary(name) and name != MARKER_NAME

"""Output guard: no command deletes or overwrites anything it did not create.

In: a folder or file a command is about to replace, and the project folder. Out: None when the
command may go ahead, else a German reason for the user (the caller prints it and exits 2).

Every folder a build creates carries a marker file (MARKER_NAME, a short German note). A build
replaces a folder only when it is absent, empty, or carries the marker — or, for sites built
before the marker existed, when it is recognisably one of ours (`index.html`, `sitemap.xml`
and our data download `daten/strategie.json`, see LEGACY_SITE_FILES). The offline zip gets
the same care: an existing file of that name is replaced only if it is a zip holding nothing
but the one top folder a build writes. `strategie export xlsx` overwrites only a workbook it
wrote itself and never writes into the project's sources.

Symbolic links are refused on the way to what gets replaced: `resolve()` follows them, so a
link would turn "replace site/" into "replace whatever the link points at".
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from generator.errors import UserError
from generator.terminal import EXIT_USAGE

#: The marker in every folder a build creates (a dotfile: MkDocs skips it, web servers
#: usually do not list it; it is not put into the offline zip).
MARKER_NAME = ".strategie-ausgabe"
MARKER_TEXT = (
    "Dieser Ordner wurde von „strategie build“ erzeugt und wird beim nächsten Bau ganz "
    "ersetzt.\nLegen Sie hier nichts von Hand ab: Es ginge beim nächsten Bau verloren.\n"
)
#: Files that together mark a site built before the marker existed (a MkDocs site of ours:
#: the start page, MkDocs' sitemap and the generator's data download).
LEGACY_SITE_FILES = ("index.html", "sitemap.xml", "daten/strategie.json")
#: Project folders no command writes into unless it is that folder's own command.
SOURCE_FOLDERS = ("strategy", "generator", "docs", "tests", ".github", "schemas", ".git")
#: The part of an .xlsx file that names its sheets.
WORKBOOK_ENTRY = "xl/workbook.xml"


class OutputRefused(UserError):
    """A command refuses to write where it was asked to; the message is German, for users
    (wrong usage: exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=EXIT_USAGE)


_OS_REASONS = {
    errno.ENOENT: "der Ordner fehlt",
    errno.EACCES: "keine Schreibberechtigung",
    errno.EPERM: "keine Schreibberechtigung",
    errno.EROFS: "das Laufwerk ist schreibgeschützt",
    errno.ENOTDIR: "ein Teil des Pfads ist eine Datei",
    errno.EEXIST: "ein Teil des Pfads ist eine Datei",
    errno.ENOSPC: "der Speicherplatz ist voll",
}


def os_reason(error: OSError) -> str:
    """A short German reason for an operating-system error."""
    code = error.errno or 0
    return _OS_REASONS.get(code, f"Systemfehler {errno.errorcode.get(code, code)}")


def symlink_on_the_way(path: Path, stop: Path | None = None) -> Path | None:
    """The first symbolic link among `path` and its parents (below `stop`, if given)."""
    path = Path(os.path.abspath(path))
    for node in [path, *path.parents]:
        if stop is not None and node == stop:
            return None
        if node.is_symlink():
            return node
    return None


def refuse_site_folder(target: Path) -> str | None:
    """Why a build must not replace the folder `target` (absolute, not resolved), or None."""
    if target.is_symlink():
        return (
            f"Der Zielordner {target} ist eine symbolische Verknüpfung; ein Bau ersetzt sie "
            "nicht. Geben Sie den Ordner selbst an."
        )
    if target.exists() and not target.is_dir():
        return f"Der Zielordner {target} ist eine Datei; wählen Sie einen Ordner."
    if not target.is_dir() or is_marked(target) or _is_legacy_site(target):
        return None
    if any(target.iterdir()):
        return (
            f"Der Zielordner {target} enthält Dateien, aber keine von „strategie build“ gebaute "
            f"Website (die Markierung {MARKER_NAME} fehlt); er wird nicht ersetzt. Wählen Sie "
            "einen leeren oder neuen Ordner."
        )
    return None


def is_marked(folder: Path) -> bool:
    marker = folder / MARKER_NAME
    return marker.is_file() and not marker.is_symlink()


def mark(folder: Path) -> None:
    """Put the marker into a folder a build created."""
    (folder / MARKER_NAME).write_text(MARKER_TEXT, encoding="utf-8", newline="\n")


def _is_legacy_site(folder: Path) -> bool:
    return all(
        (folder / name).is_file() and not (folder / name).is_symlink() for name in LEGACY_SITE_FILES
    )


def refuse_zip(archive: Path, top: str) -> str | None:
    """Why the offline zip must not replace the file `archive`, or None."""
    if archive.is_symlink() or (archive.exists() and not archive.is_file()):
        return (
            f"An der Stelle der ZIP-Datei {archive} steht schon etwas anderes (ein Ordner oder "
            "eine Verknüpfung); es wird nicht ersetzt. Wählen Sie mit --out einen anderen Ordner."
        )
    if not archive.exists():
        return None
    try:
        with zipfile.ZipFile(archive) as bundle:
            ours = all(name.startswith(f"{top}/") for name in bundle.namelist())
    except (OSError, zipfile.BadZipFile):
        ours = False
    if ours:
        return None
    return (
        f"Die Datei {archive} gibt es schon, und sie ist keine Offline-Ausgabe dieses Baus; sie "
        "wird nicht überschrieben. Verschieben Sie sie oder wählen Sie mit --out einen anderen "
        "Ordner."
    )


def refuse_unwritable_folder(parent: Path) -> str | None:
    """Why nothing can be created in `parent` (created if missing), or None; probes by
    creating and removing an empty temporary folder."""
    try:
        parent.mkdir(parents=True, exist_ok=True)
        probe = tempfile.mkdtemp(prefix=".strategie-probe-", dir=parent)
        shutil.rmtree(probe, ignore_errors=True)
    except OSError as error:
        return (
            f"In den Ordner {parent} kann nicht geschrieben werden ({os_reason(error)}). Wählen "
            "Sie mit --out einen Ordner, in dem Sie Dateien anlegen dürfen."
        )
    return None


def refuse_export_file(target: Path, project: Path) -> str | None:
    """Why `strategie export xlsx` must not write `target`, or None."""
    absolute = Path(os.path.abspath(target))
    link = symlink_on_the_way(absolute)
    if link is not None and (link == absolute or _inside(link, project)):
        return (
            f"Die Zieldatei {target} führt über die symbolische Verknüpfung {link}; dorthin wird "
            "nicht geschrieben. Geben Sie einen Pfad ohne Verknüpfung an."
        )
    real = absolute.resolve()
    for name in SOURCE_FOLDERS:
        if _inside(real, project / name):
            return (
                f"Die Zieldatei {target} liegt im Ordner {name}/ des Projekts; dort liegen Daten "
                "oder Programm, die eine Arbeitsmappe nicht überschreiben darf. Wählen Sie einen "
                "Ort außerhalb, zum Beispiel massnahmen.xlsx im Projektordner."
            )
    if absolute.suffix.lower() != ".xlsx":
        return (
            f"Die Zieldatei {target} endet nicht auf „.xlsx“; eine Arbeitsmappe braucht diese "
            "Endung. Wählen Sie zum Beispiel massnahmen.xlsx."
        )
    if absolute.is_dir():
        return f"Die Zieldatei {target} ist ein Ordner; geben Sie einen Dateinamen an."
    if absolute.exists() and not _is_workbook(absolute):
        return (
            f"Die Datei {target} gibt es schon, und sie ist keine Arbeitsmappe aus „strategie "
            "export xlsx“; sie wird nicht überschrieben. Wählen Sie einen anderen Dateinamen."
        )
    return None


def _is_workbook(path: Path) -> bool:
    """Whether `path` is an .xlsx workbook with the sheet our export writes."""
    from generator.exports.workbook import SHEET_MEASURES, SHEET_NOTES

    try:
        with zipfile.ZipFile(path) as workbook:
            text = workbook.read(WORKBOOK_ENTRY).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return all(f'name="{sheet}"' in text for sheet in (SHEET_MEASURES, SHEET_NOTES))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents

"""What the commands show on the terminal: results of the stages, user errors, log notes.

The stages below the command line never print; this module turns what they return or raise
into German text on stdout (results) and stderr (problems, errors, notes).
"""

from __future__ import annotations

import logging
import sys

from generator.errors import UserError, log
from generator.site.build import Built, _shown
from generator.site.pdf import PrintedPdf
from generator.site.publish import CURRENT, PREVIEW, Published
from generator.terminal import print_problems
from generator.wording import format_decimal


class _StderrHandler(logging.Handler):
    """Log notes as plain lines on the current stderr (which tests may have replaced)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(record.getMessage(), file=sys.stderr)


def show_log_notes() -> None:
    """Show the stages' notes (`errors.log`, level INFO and up) on stderr; once."""
    if not any(isinstance(handler, _StderrHandler) for handler in log.handlers):
        log.addHandler(_StderrHandler())
    log.setLevel(logging.INFO)
    log.propagate = False


def show_user_error(error: UserError) -> int:
    """The data's problems, a tool's output, then the message; the error's exit code."""
    print_problems(error.problems)
    if error.details:
        sys.stderr.write(error.details)
    print(error.message, file=sys.stderr)
    return error.exit_code


def show_built(built: Built) -> None:
    """The summary of a finished build and how to open it."""
    seconds = format_decimal(built.seconds, 1)
    print(f"{built.kind} gebaut: Fassung {built.edition}, {built.pages} Seiten, in {seconds} s.")
    index = _shown(built.target / "index.html")
    archive = built.archive
    if archive is None:
        print(f"Öffnen: {index} – die Suche braucht dort einen Webserver, zum Beispiel")
        print(f"  python3 -m http.server --directory {_shown(built.target, folder=True)} 8000")
        print("und dann http://127.0.0.1:8000/ im Browser. Für eine Vorschau: strategie serve")
    else:
        size = format_decimal(archive.stat().st_size / 1_000_000, 1)
        print(f"Öffnen: {index} – funktioniert ohne Internet und ohne Webserver.")
        print(f"ZIP-Datei zum Weitergeben ({size} MB): {_shown(archive)}")
        print("Entpacken und im entpackten Ordner index.html öffnen.")


def show_published(published: Published) -> None:
    """The summary of a publication and what to do next."""
    version, publication = published.version, published.publication
    shown = "die Vorschau" if version == PREVIEW else f"die Fassung {version}"
    alias = f" mit dem Alias „{CURRENT}“ (Startadresse der Website)" if publication.current else ""
    print(f"Veröffentlicht: {shown} als Version „{version}“{alias} im Zweig {publication.branch}.")
    if publication.push:
        print("Der Zweig wurde hochgeladen.")
    else:
        print(
            f"Noch nicht hochgeladen. Ansehen: .venv/bin/mike serve --branch {publication.branch}"
            " – hochladen: denselben Befehl mit --push wiederholen."
        )


def show_printed(printed: PrintedPdf) -> None:
    """The summary of `strategie pdf`."""
    size = format_decimal(printed.path.stat().st_size / 1_000_000, 1)
    print(
        f"Druckfassung als PDF geschrieben: {_shown(printed.path)} ({printed.pages} Seiten, "
        f"{size} MB, {printed.sections} Abschnitte im Inhaltsverzeichnis)."
    )

"""Build stage: validated strategy → MkDocs build → the site folder (and the offline zip).

In: the project folder. Out: `site/` (hosted edition, `mkdocs.yml`) or `site-offline/` plus
`dist/<name>-<edition>-offline.zip` (`mkdocs.offline.yml`), and an exit code. With `--out X`
the site goes to X and the zip beside it (into X's parent folder), so that nothing lands in
the project when the user asked for another place.

The engine (MkDocs by default, or ProperDocs or Zensical, see engines.py) runs as a
subprocess (`python -m mkdocs build --strict`), never imported here: the generator outlives
MkDocs 1.x. The data is loaded and validated once: the pages are generated in this process
and handed to the engine with a generated configuration (engine_build.py). The
build goes to a temporary folder beside the target and is swapped in only when everything
worked, so a failed build leaves the previous site byte for byte as it was and no temporary
folder behind. Builds are reproducible: `SOURCE_DATE_EPOCH` is taken from the last commit
(the sitemap dates and the zip entries use it), the zip's entries are sorted.

Nothing here prints: a failure the user can fix is raised as `UserError` (with the data's
problems or MkDocs' output), notes go to the logger `errors.log`, and a finished build is
returned as `Built`; the command line shows all of them (generator/cli/report.py).
"""

from __future__ import annotations

import gc
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import UserError, log
from generator.files import write_file_atomically
from generator.problems import Problem, has_errors
from generator.site import output_guard
from generator.site.engine_build import Prepared, clean_up, engine_environment, prepare, run_engine
from generator.site.engines import DEFAULT_ENGINE, engine
from generator.site.output_guard import OutputRefused
from generator.site.write import GENERATED_FOLDER, refuse_generated_folder
from generator.terminal import EXIT_USAGE, summarise
from generator.timestamps import EpochError, clamp_epoch, parse_epoch, zip_date_time

if TYPE_CHECKING:
    from generator.check.load import ParseCache
    from generator.model import Strategy
    from generator.views.pdf_offer import PdfFile

ONLINE_CONFIG = "mkdocs.yml"
OFFLINE_CONFIG = "mkdocs.offline.yml"
#: Used when neither SOURCE_DATE_EPOCH nor a Git commit gives a time: 1980-01-01, the
#: earliest time a zip file can store.
FALLBACK_EPOCH = 315_532_800
#: Exit code after Strg+C or SIGTERM, as shells report a process ended by SIGINT.
EXIT_INTERRUPTED = 130
#: Folders a build must never replace (relative to the project).
_PROTECTED = ("strategy", "docs", "generator", "schemas", "tests", ".github", ".git")


@dataclass(frozen=True)
class Built:
    """A finished build, for the summary the command line shows."""

    kind: str
    edition: str
    pages: int
    seconds: float
    target: Path
    archive: Path | None


@dataclass(frozen=True)
class _Edition:
    """What the summary and the zip name need from the validated strategy."""

    id: str
    slug: str


def build_site(
    project: Path,
    *,
    out: Path | None = None,
    offline: bool = False,
    engine_name: str = DEFAULT_ENGINE,
    pdf: Sequence[PdfFile] = (),
) -> Built:
    """Validate strictly, build with the engine into a temporary folder, swap it in; `pdf`:
    PDF editions to put into the site and offer (site/pdf_edition.py prints them).

    Raises `UserError` when the engine is missing, the target is refused, the data has
    problems or the engine fails."""
    chosen = engine(engine_name)
    project = project.resolve()
    kind = "Offline-Ausgabe" if offline else "Website"
    given = Path(os.path.abspath(out if out is not None else project / _default_folder(offline)))
    target = given.resolve()
    refusal = (
        output_guard.refuse_site_folder(given)
        or _refuse_target(target, project)
        or refuse_generated_folder(project / GENERATED_FOLDER, project / "docs")
        or output_guard.refuse_unwritable_folder(target.parent)
    )
    if refusal:
        raise UserError(f"strategie build: {refusal}", exit_code=EXIT_USAGE)

    from generator.site.pipeline import BuildCache

    # The parsed files and earlier states this build keeps; dropped with the build.
    cache = BuildCache()
    strategy, edition, summary, problems = _validate(project, cache.parsed)
    if strategy is None or edition is None:
        raise UserError(
            f"Bau abgebrochen: {summary} in den Daten (Warnungen zählen beim Bauen als Fehler). "
            f"Die bisherige {kind} in {_shown(target, folder=True)} bleibt unverändert.",
            problems=problems,
        )

    name = f"{edition.slug}-{edition.id}-offline"
    archive: Path | None = None
    if offline:
        archive = (project / "dist" if out is None else target.parent) / f"{name}.zip"
        refusal = output_guard.refuse_zip(archive, name)
        if refusal:
            raise UserError(f"strategie build: {refusal}", exit_code=EXIT_USAGE)

    try:
        epoch, epoch_note = source_date_epoch(project)
    except EpochError as error:
        raise UserError(f"strategie build: {error}", exit_code=EXIT_USAGE) from None
    if epoch_note:
        log.warning(epoch_note)
    started = time.monotonic()
    _remove_leftovers(target)
    (project / GENERATED_FOLDER).mkdir(parents=True, exist_ok=True)
    # A SIGTERM (a CI timeout, a service manager) ends the build like Strg+C does: through
    # the `finally` below, which removes the temporary folder and file.
    previous = _interrupt_on_sigterm()
    staging: Path | None = None
    prepared: Prepared | None = None
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-neu-", dir=target.parent))
        config = OFFLINE_CONFIG if offline else ONLINE_CONFIG
        prepared = prepare(project, strategy, config, chosen, pdf, cache)
        # The engine runs for most of the build; what this process still holds (the strategy,
        # the parsed files, at 3,000 measures about 300 MB) is released first.
        strategy = None
        del cache
        gc.collect()
        output = run_engine(project, chosen, prepared, staging, epoch)
        if output is not None:
            raise UserError(
                f"Bau fehlgeschlagen: {chosen.title} meldet Probleme (siehe oben). Die bisherige "
                f"{kind} in {_shown(target, folder=True)} bleibt unverändert.",
                details=output,
            )
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a web server must read it
        if offline:
            # No 404.html in the offline bundle: without a web server nobody is ever shown it,
            # and its root-relative addresses ("/assets/…") point outside the unpacked folder.
            (staging / "404.html").unlink(missing_ok=True)
        if archive is not None:
            write_zip(staging, archive, name, epoch)
        # After the zip: the marker is for this folder, not for the unpacked bundle.
        output_guard.mark(staging)
        _swap_in(staging, target)
    except OutputRefused as refusal:
        raise UserError(f"strategie build: {refusal}", exit_code=EXIT_USAGE) from None
    except KeyboardInterrupt:
        raise UserError(
            f"Bau unterbrochen. Die bisherige {kind} in {_shown(target, folder=True)} bleibt "
            "unverändert.",
            exit_code=EXIT_INTERRUPTED,
        ) from None
    except OSError as error:
        raise UserError(
            f"Bau abgebrochen: In {_shown(target.parent, folder=True)} kann nicht geschrieben "
            f"werden ({output_guard.os_reason(error)}). Die bisherige {kind} in "
            f"{_shown(target, folder=True)} bleibt unverändert.",
            exit_code=EXIT_USAGE,
        ) from None
    finally:
        _restore_sigterm(previous)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        clean_up(prepared)

    pages = sum(1 for page in target.rglob("*.html") if page.name != "404.html")
    return Built(kind, edition.id, pages, time.monotonic() - started, target, archive)


def serve_site(
    project: Path,
    address: str = "127.0.0.1:8000",
    *,
    quick: bool = False,
    engine_name: str = DEFAULT_ENGINE,
) -> int:
    """Run the engine's preview (`mkdocs serve`) with live reload until interrupted; its exit
    code.

    `quick`: MkDocs' dirty rebuilds, only of the pages whose Markdown changed; the hook
    rebuilds every page when the navigation or the footer changed and keeps the search
    index whole (generator/site/mkdocs_hook.py). Zensical runs no hook: the pages are
    generated once before it starts (engine_serve.py)."""
    from generator.site.engine_serve import serve_config
    from generator.site.engines import serve_command
    from generator.site.prepared import QUICK_VARIABLE

    chosen = engine(engine_name)
    project = project.resolve()
    busy = _address_taken(address)
    if busy:
        raise UserError(f"strategie serve: {busy}", exit_code=EXIT_USAGE)
    (project / GENERATED_FOLDER).mkdir(parents=True, exist_ok=True)
    environment = engine_environment()
    if environment.get("SOURCE_DATE_EPOCH", "").strip():
        # MkDocs reads it for the sitemap; a malformed value would end in its traceback.
        try:
            epoch, note = parse_epoch(environment["SOURCE_DATE_EPOCH"])
        except EpochError as error:
            raise UserError(f"strategie serve: {error}", exit_code=EXIT_USAGE) from None
        if note:
            log.warning(note)
        environment["SOURCE_DATE_EPOCH"] = str(epoch)
    # Instant navigation needs a site_url whose path matches the served one (see mkdocs.yml).
    environment.setdefault("SITE_URL", f"http://{address}/")
    log.info(f"Vorschau unter http://{address}/ – beenden mit Strg+C.")
    prepared = serve_config(project, chosen, ONLINE_CONFIG)
    config = ONLINE_CONFIG if prepared is None else prepared.config.name
    command = serve_command(chosen, config, address, quick=quick)
    if quick and chosen.runs_hook:
        environment[QUICK_VARIABLE] = "1"
        log.info(
            "Schnelle Vorschau: nach einer Änderung werden nur die betroffenen Seiten neu "
            "gebaut, alle erst, wenn sich Navigation oder Stand ändern."
        )
    preview = subprocess.Popen(command, cwd=project, env=environment)
    # Whoever stops this command stops the preview too: Strg+C reaches both anyway, but a
    # SIGTERM (a service manager, a test) would otherwise leave MkDocs running on its own.
    previous = signal.signal(signal.SIGTERM, lambda *_: preview.terminate())
    try:
        return preview.wait()
    except KeyboardInterrupt:
        preview.terminate()
        preview.wait()
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        clean_up(prepared)


def _address_taken(address: str) -> str | None:
    """A German reason why the preview cannot listen on `address`, or None."""
    host, _, port = address.rpartition(":")
    if not host or not port.isascii() or not port.isdigit() or not address.isprintable():
        # Undecodable bytes from the command line arrive as surrogates, unprintable as such.
        shown = address.encode("utf-8", "replace").decode("utf-8")
        return f"Die Adresse {shown} hat nicht die Form HOST:PORT, zum Beispiel 127.0.0.1:8000."
    if not 1 <= int(port) <= 65535:
        return (
            f"Der Port {port} in der Adresse {address} gibt es nicht; erlaubt sind 1 bis 65535, "
            "zum Beispiel 127.0.0.1:8000."
        )
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            # As MkDocs' server does; a port left in TIME_WAIT by an earlier run is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), int(port)))
    except (OSError, UnicodeError, ValueError, TypeError):  # TypeError: host not encodable
        return (
            f"Die Adresse {address} ist belegt oder nicht verfügbar (läuft die Vorschau schon?). "
            "Wählen Sie mit --adresse einen anderen Port, zum Beispiel 127.0.0.1:8001."
        )
    return None


def source_date_epoch(project: Path) -> tuple[int, str | None]:
    """The build time: SOURCE_DATE_EPOCH if set, else the last commit's; a note if neither or
    if the time had to be clamped (generator/timestamps.py). EpochError: SOURCE_DATE_EPOCH
    is set but not a whole number."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given:
        return parse_epoch(given)
    try:
        result = subprocess.run(
            ["git", "-C", str(project), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        result = None
    if result is not None and result.returncode == 0 and result.stdout.strip().isdigit():
        return clamp_epoch(int(result.stdout.strip()), "dem letzten Commit")
    return FALLBACK_EPOCH, (
        "Hinweis: Kein Git-Stand gefunden und SOURCE_DATE_EPOCH nicht gesetzt; als Bauzeit gilt "
        "fest der 1.1.1980."
    )


def write_zip(folder: Path, archive: Path, top: str, epoch: int) -> Path:
    """Pack `folder` as `top/…` into `archive`, byte-identical for the same files and epoch."""
    stamp = zip_date_time(epoch)
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for file in _files_sorted(folder):
            entry = zipfile.ZipInfo(f"{top}/{file.relative_to(folder).as_posix()}", stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, so the permissions below are read
            entry.external_attr = 0o100644 << 16
            bundle.writestr(entry, file.read_bytes(), compresslevel=9)
    write_file_atomically(archive, packed.getvalue())
    return archive


def _default_folder(offline: bool) -> str:
    return "site-offline" if offline else "site"


def _refuse_target(target: Path, project: Path) -> str | None:
    """A reason (German) why `target` must not be replaced by a build, or None."""
    if target == project or target in project.parents:
        return f"Der Zielordner {target} enthält das Projekt; wählen Sie einen eigenen Ordner."
    for name in _PROTECTED:
        protected = project / name
        if target == protected or protected in target.parents:
            return f"Der Zielordner {target} liegt in {name}/; wählen Sie einen anderen Ordner."
    return output_guard.refuse_site_folder(target)


def _interrupt_on_sigterm() -> object:
    """Turn SIGTERM into KeyboardInterrupt (main thread only); the previous handler."""

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: signals cannot be handled here
        return None


def _restore_sigterm(previous: object) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]


def _validate(
    project: Path, cache: ParseCache
) -> tuple[Strategy | None, _Edition | None, str, list[Problem]]:
    """Check the data strictly; the strategy and its edition (None when a problem was
    found), a count of problems, and the problems."""
    from generator.check.validate import load_strategy

    strategy, problems = load_strategy(project / "strategy", cache=cache)
    if strategy is None or has_errors(problems, strict=True):
        return None, None, summarise(problems), problems
    newest = max(strategy.strategie.fortschreibungen, key=lambda edition: edition.datum)
    edition = _Edition(id=newest.id, slug=_slug(strategy.strategie.titel))
    return strategy, edition, summarise(problems), problems


def _slug(text: str) -> str:
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.lower().replace(umlaut, spelled)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "strategie"


def _swap_in(staging: Path, target: Path) -> None:
    """Replace `target` by `staging`: rename the old site away, the new one in, delete the old."""
    if not target.exists():
        os.rename(staging, target)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}-alt-", dir=target.parent))
    try:
        os.rename(target, retired / target.name)
        try:
            os.rename(staging, target)
        except BaseException:
            os.rename(retired / target.name, target)
            raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)


def _remove_leftovers(target: Path) -> None:
    """Delete temporary folders that an interrupted earlier build left beside the target."""
    if not target.parent.is_dir():
        return
    for pattern in (f".{target.name}-neu-*", f".{target.name}-alt-*"):
        for leftover in target.parent.glob(pattern):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            elif leftover.name.endswith(".json") and leftover.is_file():
                leftover.unlink()  # earlier builds handed the navigation over in such a file


def _files_sorted(folder: Path) -> Iterator[Path]:
    for current, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            yield Path(current) / name


def _shown(path: Path, *, folder: bool = False) -> str:
    """A path as the user would type it: relative to the working folder where possible."""
    try:
        shown = path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        shown = str(path)
    return shown + "/" if folder else shown

"""Strict YAML loading: strategy/**/*.yml → plain data plus source positions.

In: bytes of one file (or a folder of files). Out: `LoadedFile` values — data as dicts (file
order kept), lists, str, int, float, bool and None, with the line and column of every value and
key — and `Problem`s for everything an editor got wrong. Nothing here raises for any input.

This module is the public interface and the event walk. Text checks that come before parsing
(size, encoding, control characters, tabs) are in `yamltext`; what an unquoted value means
(YAML 1.2 core types, YAML 1.1 ambiguities) is in `scalars`.

The loader reads PyYAML's event stream and builds the data itself, without PyYAML's Composer
or Constructor: the Composer recurses once per nesting level (deep input means RecursionError)
and the Constructor expands aliases (an alias bomb means exhausted memory). Reading events lets
the loader reject anchors, tags and too deep nesting the moment they appear, before anything is
built. PyYAML's syntax errors are translated into German.

Events come from libyaml's parser when PyYAML has it (the same events, about ten times faster:
parsing was most of the time of `strategie check` and of every build). The pure-Python parser
reads every file libyaml cannot read, whose error messages are the ones translated, and every
file with a construct where the two parsers disagree (tabs, tags, complex keys, a comment
glued to a block scalar header): there, only the pure parser's reading is the tested one.
"""

from __future__ import annotations

import errno
import importlib
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from yaml.error import MarkedYAMLError, YAMLError
from yaml.events import Event, StreamEndEvent

from generator.check.scalars import resolve_plain
from generator.check.syntax import _syntax_problem
from generator.check.tree import (
    MAX_DEPTH,
    LoadedFile,
    Position,
    _Builder,
    _Events,
    _Stop,
)
from generator.check.yamltext import LINE_BREAK, MAX_BYTES, check_text, too_large
from generator.problems import Problem, problem, quote

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "LoadedFile",
    "ParseCache",
    "Position",
    "load_bytes",
    "load_file",
    "load_tree",
    "resolve_plain",
]


# --- files and folders ------------------------------------------------------------------------


class ParseCache:
    """Parsed files by path and content, kept as long as its owner keeps the cache.

    Parsing is a pure function of both, and the same file is read again and again: in every
    earlier state of the data the history compares (history/), where most files are unchanged,
    and by each rebuild of `mkdocs serve`. So a build makes one and hands it to the loading
    of the data and of the history; the serve session keeps one across its rebuilds
    (site/pipeline.py `BuildCache`). Without one, every file is parsed anew, as in a cold
    build. Callers treat a `LoadedFile` as read-only."""

    #: At most this many files are kept; the oldest goes first.
    LIMIT = 20_000

    def __init__(self) -> None:
        self._parsed: dict[tuple[str, bytes], tuple[LoadedFile | None, list[Problem]]] = {}

    def __len__(self) -> int:
        return len(self._parsed)

    def parse(self, raw: bytes, display_path: str) -> tuple[LoadedFile | None, list[Problem]]:
        """`load_bytes`'s result, parsed once per path and content."""
        key = (display_path, raw)
        cached = self._parsed.get(key)
        if cached is None:
            cached = _load_bytes(raw, display_path)
            if len(self._parsed) >= self.LIMIT:
                del self._parsed[next(iter(self._parsed))]  # the oldest entry
            self._parsed[key] = cached
        loaded, problems = cached
        return loaded, list(problems)


def load_bytes(
    raw: bytes, display_path: str, cache: ParseCache | None = None
) -> tuple[LoadedFile | None, list[Problem]]:
    """Check and parse one file's bytes: the data with positions, or the problems found.
    `cache`: where parsed files are kept (default: none, every file is parsed)."""
    if cache is None:
        loaded, problems = _load_bytes(raw, display_path)
        return loaded, list(problems)
    return cache.parse(raw, display_path)


def _load_bytes(raw: bytes, display_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    text, problems = check_text(raw, display_path)
    if text is None:
        return None, problems
    builder = _Builder(display_path)
    if not _parse_fast(text, builder):
        builder = _Builder(display_path)
        _parse(text, builder)
    if not builder.problems and (builder.documents == 0 or builder.empty_root):
        expected = "ein YAML-Abschnitt mit Schlüsseln"
        builder.problems.append(problem("file_empty", display_path, 1, 1, expected=expected))
    if builder.problems:
        return None, sorted(builder.problems)
    first_line = LINE_BREAK.split(text, maxsplit=1)[0]
    loaded = LoadedFile(
        display_path, builder.data, builder.positions, builder.key_positions, first_line
    )
    return loaded, []


def _libyaml_parser() -> Callable[[str], Any] | None:
    """libyaml's event parser, or None when PyYAML was built without libyaml."""
    try:
        module = importlib.import_module("yaml._yaml")
    except ImportError:  # pragma: no cover
        return None
    parser: Callable[[str], Any] = module.CParser
    return parser


_FastEvents = _libyaml_parser()
#: Where libyaml and the pure parser read the same text differently (found by comparing
#: both on random input): tabs, "!" (tags), "? " (complex keys), "|#" and ">-#" headers, a
#: byte order mark after the start.
_FAST_UNSAFE = re.compile(r"[\t!\ufeff]|[|>][-+0-9]*#|(?:^|[\s\[{,])\?(?:\s|$)")


def _parse_fast(text: str, builder: _Builder) -> bool:
    """Feed libyaml's events to the builder; False when libyaml is missing, cannot read the
    text or might read it differently, so that the pure parser reads it (again)."""
    if _FastEvents is None or _FAST_UNSAFE.search(text):
        return False
    events = _FastEvents(text)
    try:
        while events.check_event():
            event: Event = events.get_event()
            builder.feed(event)
            if isinstance(event, StreamEndEvent):
                break
    except _Stop:
        pass
    except (YAMLError, ValueError, OverflowError):
        return False
    finally:
        events.dispose()
    return True


def _parse(text: str, builder: _Builder) -> None:
    """Feed the parser's events to the builder until the end, a stop or a syntax error."""
    events = _Events(text)
    try:
        while True:
            try:
                if not events.check_event():
                    return
                event: Event = events.get_event()  # type: ignore[no-untyped-call]
            except MarkedYAMLError as error:
                builder.problems.append(_syntax_problem(error, builder.path))
                return
            except (ValueError, OverflowError):  # chr() of an escape like "\UFFFFFFFF"
                detail = "sie steht für kein Zeichen (der höchste Wert ist „\\U0010FFFF“)"
                builder.report("yaml_escape", events.get_mark(), detail=detail)
                return
            builder.feed(event)
            if isinstance(event, StreamEndEvent):
                return
    except _Stop:
        return
    finally:
        events.dispose()


_OS_REASONS = {
    errno.ENOENT: "die Datei gibt es nicht",
    errno.EACCES: "keine Leseberechtigung",
    errno.EPERM: "keine Leseberechtigung",
    errno.EISDIR: "das ist ein Ordner",
}


def _os_reason(error: OSError) -> str:
    code = error.errno or 0
    return _OS_REASONS.get(code, f"Systemfehler {errno.errorcode.get(code, code)}")


def load_file(
    path: Path, display_path: str, cache: ParseCache | None = None
) -> tuple[LoadedFile | None, list[Problem]]:
    """Read and parse one file; reads at most one byte more than the size limit."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
            size = os.fstat(stream.fileno()).st_size
    except OSError as error:
        return None, [problem("file_unreadable", display_path, 1, 1, reason=_os_reason(error))]
    if len(raw) > MAX_BYTES:
        return None, [too_large(display_path, max(size, len(raw)))]
    return load_bytes(raw, display_path, cache)


def load_tree(
    root: Path, display_root: str = "strategy", cache: ParseCache | None = None
) -> tuple[list[LoadedFile], list[Problem]]:
    """Load every *.yml below root (sorted by path, root/schemas skipped); warn about strays.
    `cache`: where parsed files are kept (see `ParseCache`)."""
    problems: list[Problem] = []
    found: list[tuple[str, Path]] = []

    def unreadable(error: OSError) -> None:
        where = _display(display_root, root, Path(error.filename or root))
        problems.append(problem("file_unreadable", where, 1, 1, reason=_os_reason(error)))

    for directory, folders, names in os.walk(root, onerror=unreadable):
        here = Path(directory)
        if here == root and "schemas" in folders:
            folders.remove("schemas")
        for name in [*folders]:
            if (here / name).is_symlink():  # os.walk does not descend; say so
                folders.remove(name)
                found.append((_display(display_root, root, here / name), here / name))
        found.extend((_display(display_root, root, here / name), here / name) for name in names)
    loaded: list[LoadedFile] = []
    for display, path in sorted(found):
        bad_name = _bad_name(path.relative_to(root).as_posix())
        if bad_name:
            problems.append(problem("file_name_invalid", display, 1, 1, what=bad_name))
            continue
        reason = None if _is_logo(root, path) else _stray_reason(path)
        if reason == "":
            file, file_problems = load_file(path, display, cache)
            problems.extend(file_problems)
            if file is not None:
                loaded.append(file)
        elif reason is not None:
            problems.append(problem("stray_file", display, 1, 1, reason=reason))
    return loaded, problems


def _display(display_root: str, root: Path, path: Path) -> str:
    relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    # Undecodable bytes in file names arrive as surrogates, which cannot be printed.
    relative = relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    relative = "".join("\ufffd" if _is_control(char) else char for char in relative)
    return f"{display_root}/{relative}" if relative != "." else display_root


def _is_control(char: str) -> bool:
    """Control characters and line or paragraph separators: nothing a file name shows."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def _bad_name(relative: str) -> str | None:
    """What makes a path below strategy/ unsafe to show (German), or None."""
    for char in relative:
        if _is_control(char):
            return f"das unsichtbare Steuerzeichen U+{ord(char):04X}"
        if "\udc80" <= char <= "\udcff":  # an undecodable byte (surrogateescape)
            return "Zeichen, die kein gültiges UTF-8 sind"
    return None


def _is_logo(root: Path, path: Path) -> bool:
    """An SVG file beside strategie.yml: a logo, read by check/appearance.py if named there."""
    return path.parent == root and path.name.endswith(".svg") and not path.is_symlink()


def _stray_reason(path: Path) -> str | None:
    """ "" to load the file, None to skip it silently, else why it is not read (German)."""
    name = path.name
    if path.is_symlink():
        return (
            "sie ist eine symbolische Verknüpfung, und die werden aus Sicherheitsgründen nicht "
            "gelesen; legen Sie die Datei selbst hier ab"
        )
    if not path.is_file():
        return "das ist keine gewöhnliche Datei"
    if name.endswith(".yml"):
        return ""
    if name == "README.md":
        return None
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix.lower() in ("yaml", "yml"):
        return (
            f"die Endung {quote('.' + suffix)} ist hier nicht vorgesehen; benennen Sie sie in "
            f"{quote(stem + '.yml')} um"
        )
    return (
        "erwartet werden hier nur YAML-Dateien mit der Endung „.yml“ (und README.md); löschen "
        "oder verschieben Sie sie"
    )

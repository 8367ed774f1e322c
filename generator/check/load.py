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

import ast
import errno
import importlib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from yaml.error import MarkedYAMLError, YAMLError
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    StreamEndEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from generator.check.scalars import Ambiguous, resolve_plain
from generator.check.yamltext import LINE_BREAK, MAX_BYTES, NOT_PRINTABLE, check_text, too_large
from generator.problems import Problem, problem, quote

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "LoadedFile",
    "Position",
    "load_bytes",
    "load_file",
    "load_tree",
    "resolve_plain",
]

MAX_DEPTH = 20

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class LoadedFile:
    path: str
    data: object
    positions: dict[Path_, Position]
    key_positions: dict[Path_, Position]
    first_line: str


# --- building data from parser events ---------------------------------------------------------


class _Events(Reader, Scanner, Parser):
    """PyYAML's pure-Python reader, scanner and parser: text in, events out."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)


class _Mark(Protocol):
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


class _Stop(Exception):
    """The file cannot be read further (too deep, second document); problems are recorded."""


@dataclass
class _Frame:
    """An open collection while its events arrive."""

    path: Path_
    container: dict[str, object] | list[object]
    keep: bool  # False inside a rejected key: content is checked, but not kept
    key: str | None = None  # mapping: key of the value that comes next (None: rejected key)
    awaiting_value: bool = False
    first_lines: dict[str, int] = field(default_factory=dict)


def _position(mark: _Mark | None) -> Position:
    return Position(mark.line + 1, mark.column + 1) if mark is not None else Position(1, 1)


def _tag_text(tag: str) -> str:
    if tag.startswith("tag:yaml.org,2002:"):
        return "!!" + tag.removeprefix("tag:yaml.org,2002:")
    return tag if tag.startswith("!") else f"!<{tag}>"


class _Builder:
    """Turns events into data, positions and problems, one event at a time."""

    def __init__(self, display_path: str) -> None:
        self.path = display_path
        self.problems: list[Problem] = []
        self.positions: dict[Path_, Position] = {}
        self.key_positions: dict[Path_, Position] = {}
        self.stack: list[_Frame] = []
        self.data: object = None
        self.documents = 0
        self.empty_root = False

    def report(self, code: str, mark: _Mark | None, **params: object) -> None:
        where = _position(mark)
        self.problems.append(problem(code, self.path, where.line, where.column, **params))

    def feed(self, event: Event) -> None:
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.report("yaml_multiple_documents", event.start_mark)
                raise _Stop
        elif isinstance(event, NodeEvent):
            self.node(event)
        elif isinstance(event, CollectionEndEvent):
            self.stack.pop()

    def node(self, event: NodeEvent) -> None:
        if event.anchor is not None:
            sign = "*" if isinstance(event, AliasEvent) else "&"
            self.report("yaml_anchor", event.start_mark, token=quote(sign + event.anchor))
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.report("yaml_tag", event.start_mark, tag=quote(_tag_text(tag)))
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and not top.awaiting_value:
            self.key(top, event)
            return
        if top is None:
            path: Path_ = ()
            keep = True
        elif isinstance(top.container, list):
            path, keep = (*top.path, len(top.container)), top.keep
        else:
            path, keep = (*top.path, top.key or ""), top.keep and top.key is not None
            top.awaiting_value = False
        if keep:
            self.positions[path] = _position(event.start_mark)
        value = self.value(event, path, keep)
        if top is None:
            self.data = value
            self.empty_root = (
                isinstance(event, ScalarEvent) and event.value == "" and not event.style
            )
        elif keep and isinstance(top.container, list):
            top.container.append(value)
        elif keep and isinstance(top.container, dict) and top.key is not None:
            top.container[top.key] = value

    def value(self, event: NodeEvent, path: Path_, keep: bool) -> object:
        if isinstance(event, ScalarEvent):
            return self.scalar(event)
        if isinstance(event, CollectionStartEvent):
            return self.open(event, path, keep)
        return None  # an alias, already reported

    def open(self, event: CollectionStartEvent, path: Path_, keep: bool) -> object:
        if len(self.stack) >= MAX_DEPTH:
            self.report("yaml_too_deep", event.start_mark, limit=MAX_DEPTH)
            raise _Stop
        container: dict[str, object] | list[object] = (
            {} if isinstance(event, MappingStartEvent) else []
        )
        self.stack.append(_Frame(path, container, keep))
        return container

    def scalar(self, event: ScalarEvent) -> object:
        text = event.value
        bad = NOT_PRINTABLE.search(text)
        if bad:  # a forbidden character can only have come from an escape sequence
            detail = f"sie ergibt das in YAML unzulässige Zeichen U+{ord(bad.group()):04X}"
            self.report("yaml_escape", event.start_mark, detail=detail)
        if event.style or event.tag is not None:
            return text
        value = resolve_plain(text)
        if not isinstance(value, Ambiguous):
            return value
        # The bool message has no {reading}; str.format ignores the unused parameter.
        self.report(
            value.code, event.start_mark, value=quote(text), reading=value.reading,
            quoted=quote(f'"{text}"'),
        )  # fmt: skip
        return text

    def key(self, top: _Frame, event: NodeEvent) -> None:
        top.awaiting_value, top.key = True, None
        if isinstance(event, CollectionStartEvent):
            kind = "ein Abschnitt" if isinstance(event, MappingStartEvent) else "eine Liste"
            self.report("yaml_key_not_text", event.start_mark, key=kind)
            self.open(event, top.path, keep=False)
            return
        if not isinstance(event, ScalarEvent) or event.tag is not None:
            return  # alias or tag: already reported
        text = event.value
        if not event.style:
            if text == "<<":
                self.report("yaml_merge_key", event.start_mark)
                return
            resolved = self.scalar(event)
            if not isinstance(resolved, str):
                self.report(
                    "yaml_key_not_text", event.start_mark, key=quote(text) if text else "nichts"
                )
                return
        elif NOT_PRINTABLE.search(text):
            self.scalar(event)
        line = _position(event.start_mark).line
        if text in top.first_lines:
            self.report(
                "yaml_duplicate_key",
                event.start_mark,
                key=quote(text),
                first_line=top.first_lines[text],
            )
            return
        top.first_lines[text] = line
        top.key = text
        if top.keep:
            self.key_positions[(*top.path, text)] = _position(event.start_mark)


# --- syntax errors in German ------------------------------------------------------------------

_TOKENS = {
    "<block end>": "das Ende eines Abschnitts",
    "<block mapping start>": "ein Schlüssel",
    "<block sequence start>": "eine Liste",
    "<scalar>": "Text",
    "<stream end>": "das Dateiende",
    "<document start>": "„---“",
    "<document end>": "„...“",
    "<alias>": "ein Verweis mit „*“",
    "<anchor>": "ein Anker mit „&“",
    "<tag>": "eine Typangabe mit „!“",
    "<directive>": "eine Direktive mit „%“",
    "?": "ein Schlüssel",
    ":": "ein Doppelpunkt",
    "-": "ein Listenpunkt „-“",
    ",": "ein Komma",
}
_QUOTE_IT = "; Text, der damit beginnt, bitte in Anführungszeichen setzen"
#: (context pattern, problem pattern, German detail, point at the context mark instead).
#: Matched by PyYAML's English wording, which the editor never sees; first match wins.
# fmt: off
_SYNTAX: list[tuple[str, str, str, bool]] = [
    ("", r"mapping values are not allowed here",
     "ein Doppelpunkt an unerwarteter Stelle (Text mit „: “ bitte in Anführungszeichen setzen)",
     False),
    ("", r"could not find expected ':'",
     "nach dem Schlüssel fehlt der Doppelpunkt „:“ – oder die Zeile ist falsch eingerückt", True),
    ("quoted scalar", r"found unexpected end of stream",
     "ein Anführungszeichen wird geöffnet, aber nicht wieder geschlossen", True),
    ("quoted scalar", r"found unexpected document separator",
     "ein Anführungszeichen wird vor der Trennlinie „---“ nicht geschlossen", True),
    ("", r"found undefined tag handle '(.*)'", "die Typangabe „{0}“ ist unbekannt" + _QUOTE_IT,
     False),
    ("", r"did not find expected key", "die Einrückung passt nicht zu den Zeilen davor", False),
    ("", r"expected <block end>, but found '(.*)'",
     "die Einrückung passt nicht zu den Zeilen davor (hier steht {token})", False),
    ("", r"expected '<document start>', but found '(.*)'", "nach dem Inhalt folgt noch "
     "{token}; meist fehlt ein Doppelpunkt oder die Einrückung ist falsch", False),
    ("", r"expected ',' or '\]', but got '<stream end>'",
     "die eckige Klammer „[“ wird nicht geschlossen", True),
    ("", r"expected ',' or '\]', but got '(.*)'", "in der Liste in eckigen Klammern fehlt ein "
     "Komma oder die schließende Klammer „]“ (hier steht {token})", False),
    ("", r"expected ',' or '}', but got '<stream end>'",
     "die geschweifte Klammer „{{“ wird nicht geschlossen", True),
    ("", r"expected ',' or '}', but got '(.*)'", "im Abschnitt in geschweiften Klammern fehlt "
     "ein Komma oder die schließende Klammer „}}“ (hier steht {token})", False),
    ("", r"expected the node content, but found '(.*)'",
     "hier fehlt ein Wert (hier steht {token})", False),
    ("", r"found character (.*) that cannot start any token",
     "das Zeichen „{0}“ darf nicht am Anfang eines Werts stehen" + _QUOTE_IT, False),
    ("", r"sequence entries are not allowed here",
     "ein Listenpunkt „-“ an unerwarteter Stelle (prüfen Sie die Einrückung)", False),
    ("", r"mapping keys are not allowed here",
     "ein Fragezeichen „?“ an unerwarteter Stelle" + _QUOTE_IT, False),
    ("block scalar", "", "nach „|“ oder „>“ darf in derselben Zeile nur ein Kommentar stehen; "
     "der Text beginnt eingerückt in der nächsten Zeile", False),
    ("an? (anchor|alias)", "", "nach „&“ oder „*“ fehlt ein Name" + _QUOTE_IT, False),
    ("directive", "", "eine fehlerhafte Direktive mit „%“" + _QUOTE_IT, False),
    ("", r"directive|YAML document|tag handle", "eine fehlerhafte Direktive mit „%“" + _QUOTE_IT,
     False),
    ("tag", "", "eine fehlerhafte Typangabe mit „!“" + _QUOTE_IT, False),
]
# fmt: on
_UNREADABLE = "die Struktur ist an dieser Stelle nicht lesbar"
_ESCAPE_LETTERS = {"2": "x", "4": "u", "8": "U"}  # hex digits an escape needs → its letter


def _syntax_problem(error: MarkedYAMLError, display_path: str) -> Problem:
    """A PyYAML syntax error as a German `yaml_syntax` (or `yaml_tab`, `yaml_escape`) problem."""
    context, text = error.context or "", error.problem or ""
    mark = error.problem_mark or error.context_mark
    if text == "found character '\\t' that cannot start any token" and mark is not None:
        return problem("yaml_tab", display_path, mark.line + 1, mark.column + 1)
    escape = _escape_detail(text)
    if escape is not None:
        where = _position(mark)
        return problem("yaml_escape", display_path, where.line, where.column, detail=escape)
    detail = _UNREADABLE
    for context_pattern, problem_pattern, german, at_context in _SYNTAX:
        if context_pattern and not re.search(context_pattern, context):
            continue
        match = re.search(problem_pattern, text)
        if match is None:
            continue
        groups = [group.strip("'\"") for group in match.groups()]
        token = _TOKENS.get(groups[0], f"„{groups[0]}“") if groups else ""
        detail = german.format(*groups, token=token)
        opened = error.context_mark
        if at_context and opened is not None:
            mark = opened
        elif "flow" in context and opened is not None and mark and opened.line != mark.line:
            detail += f"; die Klammer wurde in Zeile {opened.line + 1} geöffnet"
        break
    where = _position(mark)
    return problem("yaml_syntax", display_path, where.line, where.column, detail=detail)


def _escape_detail(text: str) -> str | None:
    """German detail for PyYAML's error about an escape sequence; None for any other error."""
    unknown = re.fullmatch(r"found unknown escape character (.+)", text)
    if unknown:
        character = str(ast.literal_eval(unknown.group(1)))  # a repr: 'D', "'", '\xa0'
        if character.isprintable():
            return f"„\\{character}“ gibt es nicht"
        return f"einen Rückstrich vor dem Zeichen U+{ord(character):04X} gibt es nicht"
    digits = re.match(r"expected escape sequence of (\d+) hexadecimal", text)
    if digits:
        count = digits.group(1)
        return (
            f"nach „\\{_ESCAPE_LETTERS.get(count, 'x')}“ müssen genau {count} "
            "Hexadezimalziffern (0–9, A–F) folgen"
        )
    return None


# --- files and folders ------------------------------------------------------------------------


#: Parsed files by path and content. Parsing is a pure function of both, and the same file
#: is read again and again: by each rebuild of `strategie serve`, and in every earlier state
#: of the data the history compares (history.py), where most files are unchanged. Callers
#: treat a `LoadedFile` as read-only.
_PARSED: dict[tuple[str, bytes], tuple[LoadedFile | None, list[Problem]]] = {}
_PARSED_LIMIT = 20_000


def load_bytes(raw: bytes, display_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Check and parse one file's bytes: the data with positions, or the problems found."""
    key = (display_path, raw)
    cached = _PARSED.get(key)
    if cached is None:
        cached = _load_bytes(raw, display_path)
        if len(_PARSED) >= _PARSED_LIMIT:
            del _PARSED[next(iter(_PARSED))]  # the oldest entry
        _PARSED[key] = cached
    loaded, problems = cached
    return loaded, list(problems)


def forget_parsed() -> None:
    """Drop the parsed files kept by `load_bytes` (a one-off build needs them no more)."""
    _PARSED.clear()


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


def load_file(path: Path, display_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read and parse one file; reads at most one byte more than the size limit."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
            size = os.fstat(stream.fileno()).st_size
    except OSError as error:
        return None, [problem("file_unreadable", display_path, 1, 1, reason=_os_reason(error))]
    if len(raw) > MAX_BYTES:
        return None, [too_large(display_path, max(size, len(raw)))]
    return load_bytes(raw, display_path)


def load_tree(root: Path, display_root: str = "strategy") -> tuple[list[LoadedFile], list[Problem]]:
    """Load every *.yml below root (sorted by path, root/schemas skipped); warn about strays."""
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
        reason = _stray_reason(path)
        if reason == "":
            file, file_problems = load_file(path, display)
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

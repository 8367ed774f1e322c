"""Strict YAML loading: strategy/**/*.yml → plain data plus source positions.

In: bytes of one file (or a folder of files). Out: `LoadedFile` values — data as dicts (file
order kept), lists, str, int, float, bool and None, with the line and column of every value and
key — and `Problem`s for everything an editor got wrong. Nothing here raises for any input.

The loader reads the event stream of PyYAML's pure-Python parser and builds the data itself,
without PyYAML's Composer or Constructor: the Composer recurses once per nesting level (deep
input means RecursionError) and the Constructor expands aliases (an alias bomb means exhausted
memory). Reading events lets the loader reject anchors, tags and too deep nesting the moment
they appear, before anything is built. Plain scalars are resolved by the YAML 1.2 core schema;
values that YAML 1.1 tools would read differently (`no`, `01067`, `1:30`, `0x1F`) are errors.
"""

from __future__ import annotations

import errno
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from yaml.error import MarkedYAMLError
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

from generator.problems import Problem, problem, quote

MAX_BYTES = 1024 * 1024
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


# --- text checks before parsing ---------------------------------------------------------------

# PyYAML counts these as line breaks; splitting the same way keeps our positions equal to its marks.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_NOT_PRINTABLE = Reader.NON_PRINTABLE
_NEUTRAL = "\t\n\r\x85\u2028\u2029"  # printable, but not worth showing as „U+…“


def _decode(raw: bytes, display_path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text without BOM, or a `file_encoding` problem at the first bad byte."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        lines = _LINE_BREAK.split(raw[: error.start].decode("utf-8"))
        line, column = len(lines), len(lines[-1]) + 1
        byte = f"0x{raw[error.start]:02X}"
        return None, [problem("file_encoding", display_path, line, column, byte=byte)]


def _control_characters(lines: list[str], display_path: str) -> list[Problem]:
    """Characters YAML forbids (control characters, U+FFFE/FFFF), the first on each line."""
    found = []
    for number, line in enumerate(lines, 1):
        match = _NOT_PRINTABLE.search(line)
        if match:
            detail = _invisible_detail(match.group())
            found.append(
                problem("yaml_syntax", display_path, number, match.start() + 1, detail=detail)
            )
    return found


def _invisible_detail(character: str) -> str:
    return (
        f"hier steht das unsichtbare Steuerzeichen U+{ord(character):04X}, das in YAML nicht "
        "erlaubt ist (oft aus kopiertem Text); löschen Sie es"
    )


@dataclass
class _BlockScalar:
    """An open `|` or `>` scalar: its lines belong to it while indented at least `indent`."""

    min_indent: int
    indent: int | None  # None until the first non-empty line fixes it
    blank_width: int = 0


def _tab_positions(lines: list[str]) -> list[tuple[int, int]]:
    """(line, column) of the first tab on each line where PyYAML would not accept it.

    Tabs are fine inside quoted scalars, comments and the text of block scalars; PyYAML rejects
    them everywhere else. This is a small lexer: it tracks just enough (quotes, comments, block
    scalars, flow brackets) to tell those places apart. Where it guesses wrong it errs towards
    accepting; the parser then stops at the tab and the loader still reports it as `yaml_tab`.
    """
    found: list[tuple[int, int]] = []
    quote_open: str | None = None
    block: _BlockScalar | None = None
    flow = 0
    for number, line in enumerate(lines, 1):
        if block is not None:
            spaces = len(line) - len(line.lstrip(" "))
            if block.indent is None:
                if spaces == len(line):
                    block.blank_width = max(block.blank_width, spaces)
                    continue
                block.indent = max(block.min_indent, block.blank_width, spaces)
            if spaces == len(line) or spaces >= block.indent:
                continue
            block = None
        index, reported = 0, False
        if quote_open is not None:
            index = _close_quote(line, 0, quote_open)
            if index < 0:
                continue
            quote_open = None
        in_plain = False
        while index < len(line):
            char = line[index]
            if char == "\t" and not reported:
                found.append((number, index + 1))
                reported = True
            if char in " \t":
                index += 1
                continue
            if char == "#" and (not in_plain or line[index - 1] in " \t"):
                break
            if in_plain:
                after = line[index + 1 : index + 2]
                ends_plain = char == ":" and (
                    after in ("", " ", "\t") or (flow and after in ",[]{}")
                )
                if ends_plain or (flow and char in ",[]{}"):
                    in_plain = False
                if not (flow and char in ",[]{}"):
                    index += 1
                    continue
            if char in "\"'":
                index = _close_quote(line, index + 1, char)
                if index < 0:
                    quote_open = char
                    break
            elif char in "[{":
                flow, index = flow + 1, index + 1
            elif char in "]}":
                flow, index = max(0, flow - 1), index + 1
            elif (char == "," and flow) or (
                char in "-?:" and (line[index + 1 : index + 2] in ("", " ", "\t") or flow)
            ):
                index += 1
            elif char in "&*!":
                while index < len(line) and line[index] not in " \t" + (",[]{}" if flow else ""):
                    index += 1
            elif char in "|>" and not flow:
                block = _block_scalar(line, index)
                in_plain, index = True, index + 1  # indicators and a comment may follow
            else:
                in_plain, index = True, index + 1
    return found


def _close_quote(line: str, start: int, mark: str) -> int:
    """Index after the quote that closes a scalar opened with `mark`, or -1 if it runs on."""
    index = start
    while index < len(line):
        char = line[index]
        if mark == '"' and char == "\\":
            index += 2
            continue
        if char == mark:
            if mark == "'" and line[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index + 1
        index += 1
    return -1


def _block_scalar(line: str, at: int) -> _BlockScalar:
    """The block scalar whose header `|`/`>` is at index `at` of this line.

    Its text must be indented deeper than the collection holding it: the key before it, or the
    last `- ` when the scalar is a list entry.
    """
    column, dash = len(line) - len(line.lstrip(" ")), -1
    while line[column : column + 1] in ("-", "?") and line[column + 1 : column + 2] in ("", " "):
        dash = column
        column = len(line) - len(line[column + 1 :].lstrip(" "))
    parent = dash if column >= at else column
    min_indent = max(parent + 1, 1)
    digits = re.match(r"[|>][+-]?([1-9])?", line[at:])
    explicit = digits.group(1) if digits else None
    return _BlockScalar(min_indent, min_indent + int(explicit) - 1 if explicit else None)


# --- scalars ----------------------------------------------------------------------------------

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(
    r"[-+]?(?:(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)"
)
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}
_SEXAGESIMAL = re.compile(r"[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_FLOAT11 = re.compile(r"(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?")
_DIGITS_LIMIT = 4000  # Python refuses to convert longer decimal strings (int_max_str_digits)
_SHOWN_DIGITS = 30  # longer numbers are named in messages, not spelled out


@dataclass(frozen=True)
class _Ambiguous:
    """A plain scalar other YAML tools would read differently: the problem code and how."""

    code: str
    reading: str = ""


def resolve_plain(text: str) -> object:
    """The value of an unquoted scalar by the YAML 1.2 core schema, or `_Ambiguous`."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if text.lower() in _YAML11_BOOL:
        return _Ambiguous("yaml_ambiguous_bool")
    if _INT.fullmatch(text):
        if len(text) > _DIGITS_LIMIT:
            return _Ambiguous("yaml_ambiguous_number", f"sehr große Zahl mit {len(text)} Ziffern")
        return int(text)
    if _FLOAT.fullmatch(text):
        number = float(text)
        if math.isinf(number):
            return _Ambiguous("yaml_ambiguous_number", "unendlich – die Zahl ist zu groß")
        return number
    reading = _yaml11_number(text)
    return _Ambiguous("yaml_ambiguous_number", reading) if reading else text


def _yaml11_number(text: str) -> str | None:
    """How YAML 1.1 (or a lenient 1.2 tool) reads this text as a number, in German; else None."""
    sign, body = ("-", text[1:]) if text[:1] == "-" else ("", text.removeprefix("+"))
    lower = body.lower()
    digits = lower.replace("_", "")
    if lower == ".nan":
        return "keine Zahl (NaN)"
    if lower == ".inf":
        return "minus unendlich" if sign else "unendlich"
    short = len(digits) <= _SHOWN_DIGITS  # also keeps int() within Python's digit limit

    def named(name: str, value: object) -> str:
        return f"{name} {sign}{value}" if short else name

    prefixes = {"0x": (16, "Hexadezimalzahl"), "0o": (8, "Oktalzahl"), "0b": (2, "Binärzahl")}
    if lower[:2] in prefixes and re.fullmatch("[0-9a-f]+", digits[2:]):
        base, name = prefixes[lower[:2]]
        if all(int(char, 16) < base for char in digits[2:]):
            return named(name, short and int(digits[2:], base))
    if re.fullmatch(r"0[0-9_]+", body):
        octal = all(char in "01234567" for char in digits)
        return named("Oktalzahl" if octal else "Zahl", short and int(digits, 8 if octal else 10))
    if re.fullmatch(r"[1-9][0-9_]*", body):  # only with "_": plain digits resolved as int before
        return named("Zahl", short and int(digits))
    if _SEXAGESIMAL.fullmatch(body):
        return named("Uhrzeit/Sexagesimalzahl", short and _sexagesimal(digits))
    if _FLOAT11.fullmatch(body) and "_" in body and any(char.isdigit() for char in body):
        return named("Zahl", short and _german(float(digits)))
    return None


def _sexagesimal(digits: str) -> str:
    head, _, fraction = digits.partition(".")
    value = 0
    for part in head.split(":"):
        value = value * 60 + int(part)
    return _german(float(f"{value}.{fraction}")) if fraction else str(value)


def _german(number: float) -> str:
    return repr(number).removesuffix(".0").replace(".", ",")


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
        bad = _NOT_PRINTABLE.search(text)
        if bad and bad.group() not in _NEUTRAL:
            detail = f"eine Escape-Sequenz ergibt das unzulässige Zeichen U+{ord(bad.group()):04X}"
            self.report("yaml_syntax", event.start_mark, detail=detail)
        if event.style or event.tag is not None:
            return text
        value = resolve_plain(text)
        if not isinstance(value, _Ambiguous):
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
        elif _NOT_PRINTABLE.search(text):
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
    ("", r"found unknown escape character (.*)", "in Text mit doppelten Anführungszeichen ist "
     "„\\{0}“ keine gültige Escape-Sequenz (einen Rückstrich schreiben Sie dort als „\\\\“, "
     "oder nehmen Sie einfache Anführungszeichen)", False),
    ("", r"expected escape sequence", "eine unvollständige Escape-Sequenz mit „\\x“, „\\u“ "
     "oder „\\U“ in Text mit doppelten Anführungszeichen", False),
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


def _syntax_problem(error: MarkedYAMLError, display_path: str) -> Problem:
    """A PyYAML syntax error as a German `yaml_syntax` (or `yaml_tab`) problem."""
    context, text = error.context or "", error.problem or ""
    mark = error.problem_mark or error.context_mark
    if text == "found character '\\t' that cannot start any token" and mark is not None:
        return problem("yaml_tab", display_path, mark.line + 1, mark.column + 1)
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


# --- files and folders ------------------------------------------------------------------------


def load_bytes(raw: bytes, display_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Check and parse one file's bytes: the data with positions, or the problems found."""
    if len(raw) > MAX_BYTES:
        return None, [_too_large(display_path, len(raw))]
    text, problems = _decode(raw, display_path)
    if text is None:
        return None, problems
    lines = _LINE_BREAK.split(text)
    problems = _control_characters(lines, display_path)
    if not problems and "\t" in text:
        problems = [problem("yaml_tab", display_path, *where) for where in _tab_positions(lines)]
    if problems:
        return None, problems
    builder = _Builder(display_path)
    _parse(text, builder)
    if not builder.problems and (builder.documents == 0 or builder.empty_root):
        expected = "ein YAML-Abschnitt mit Schlüsseln"
        builder.problems.append(problem("file_empty", display_path, 1, 1, expected=expected))
    if builder.problems:
        return None, sorted(builder.problems)
    loaded = LoadedFile(
        display_path, builder.data, builder.positions, builder.key_positions, lines[0]
    )
    return loaded, []


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
                detail = "eine Escape-Sequenz in doppelten Anführungszeichen ergibt kein Zeichen"
                builder.report("yaml_syntax", events.get_mark(), detail=detail)
                return
            builder.feed(event)
            if isinstance(event, StreamEndEvent):
                return
    except _Stop:
        return
    finally:
        events.dispose()


def _too_large(display_path: str, size: int) -> Problem:
    def german(number: int) -> str:
        return f"{number:,}".replace(",", ".")

    limit = f"{german(MAX_BYTES)} Bytes"
    return problem("file_too_large", display_path, 1, 1, size=german(size), limit=limit)


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
        return None, [_too_large(display_path, max(size, len(raw)))]
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
    return f"{display_root}/{relative}" if relative != "." else display_root


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

"""The parse tree of one YAML file: parser events → plain data, with the position of every
value and key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from generator.check.scalars import Ambiguous, resolve_plain
from generator.check.yamltext import NOT_PRINTABLE
from generator.problems import Problem, problem, quote

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

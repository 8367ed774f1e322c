"""Text checks before parsing: is this a file the YAML parser may see at all?

In: the raw bytes of one file. Out: its text (UTF-8, byte order mark removed) ready for the
parser — or `Problem`s, and then no text: the file is too large, not UTF-8, holds control
characters YAML forbids, or has tabs where PyYAML would refuse them. These checks run first so
that every such spot is reported at once (the parser would stop at the first) and in German.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yaml.reader import Reader

from generator.problems import Problem, problem
from generator.wording import format_number

MAX_BYTES = 1024 * 1024

#: PyYAML counts these as line breaks; splitting the same way keeps positions equal to its marks.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
#: Characters YAML forbids in a file: control characters (tab and breaks aside), U+FFFE/FFFF.
NOT_PRINTABLE = Reader.NON_PRINTABLE


def check_text(raw: bytes, display_path: str) -> tuple[str | None, list[Problem]]:
    """The text to parse, or None and every problem that stops it from being parsed."""
    if len(raw) > MAX_BYTES:
        return None, [too_large(display_path, len(raw))]
    text, problems = _decode(raw, display_path)
    if text is None:
        return None, problems
    lines = LINE_BREAK.split(text)
    problems = _control_characters(lines, display_path)
    if not problems and "\t" in text:
        problems = [problem("yaml_tab", display_path, *where) for where in _tab_positions(lines)]
    return (None, problems) if problems else (text, [])


def too_large(display_path: str, size: int) -> Problem:
    """The `file_too_large` problem for a file of `size` bytes."""

    limit = f"{format_number(MAX_BYTES)} Bytes"
    return problem("file_too_large", display_path, 1, 1, size=format_number(size), limit=limit)


def _decode(raw: bytes, display_path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text without BOM, or a `file_encoding` problem at the first bad byte."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        lines = LINE_BREAK.split(raw[: error.start].decode("utf-8"))
        line, column = len(lines), len(lines[-1]) + 1
        byte = f"0x{raw[error.start]:02X}"
        return None, [problem("file_encoding", display_path, line, column, byte=byte)]


def _control_characters(lines: list[str], display_path: str) -> list[Problem]:
    """Characters YAML forbids (control characters, U+FFFE/FFFF), the first on each line."""
    found = []
    for number, line in enumerate(lines, 1):
        match = NOT_PRINTABLE.search(line)
        if match:
            character = f"U+{ord(match.group()):04X}"
            where = (display_path, number, match.start() + 1)
            found.append(problem("yaml_control_character", *where, character=character))
    return found


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

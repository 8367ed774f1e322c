"""Running Git, with one failure convention, and making its text safe to show.

In: a project folder and Git arguments. Out: Git's output as bytes (None when Git exits with
an error), split into NUL-separated records by `records`; `GitError` (German) only when the
git program cannot be started. Whatever a commit subject, a file name or a file's content
holds, the output is read as bytes and split at NUL — never at line ends, which `splitlines()`
also finds in U+2028, NEL, form feed or the record separators — and decoded with
replacement characters, so no input can make reading fail.

`clean_text` makes text taken from Git (subjects, names) fit for a page or a feed: control
and formatting characters (C0, C1, DEL, line and paragraph separators, bidirectional
overrides, zero-width characters, non-characters) are removed or, where they separate words,
turned into a space. The result is one line of printable text and valid in XML 1.0.
"""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from pathlib import Path

from generator.errors import UserError
from generator.terminal import EXIT_USAGE

#: Characters that separate words: they become a space (then runs of spaces become one).
_SEPARATORS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")
#: Unicode categories removed: control, format (bidi overrides, zero-width), surrogate, private
#: use stays (it is valid XML and harmless), unassigned code points stay except non-characters.
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


class GitError(UserError):
    """Git cannot be run at all; the message is German, for editors."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=EXIT_USAGE)


def run_git(
    project: Path,
    *arguments: str,
    given: bytes | None = None,
    index: Path | None = None,
) -> bytes | None:
    """Git's standard output for `git -C project …`, or None if Git reports an error.

    `index` makes Git use that index file instead of the checkout's (GIT_INDEX_FILE), to
    build a commit of another branch without touching the working tree."""
    environment = None
    if index is not None:
        environment = {**os.environ, "GIT_INDEX_FILE": str(index)}
    try:
        result = subprocess.run(
            ["git", "-C", str(project), *arguments],
            input=given,
            capture_output=True,
            check=False,
            env=environment,
        )
    except FileNotFoundError:
        raise GitError("Das Programm git ist nicht installiert.") from None
    except OSError as error:
        raise GitError(f"Das Programm git lässt sich nicht starten ({error.strerror}).") from None
    return result.stdout if result.returncode == 0 else None


def records(output: bytes | None) -> list[str]:
    """NUL-separated records as text (invalid UTF-8 replaced), without the empty last one."""
    if not output:
        return []
    parts = output.split(b"\0")
    if parts[-1] == b"":
        parts.pop()
    return [part.decode("utf-8", errors="replace") for part in parts]


def clean_text(text: str) -> str:
    """`text` as one line without control, format or separator characters (see module doc)."""
    kept: list[str] = []
    for char in text:
        if char in _SEPARATORS:
            kept.append(" ")
        elif unicodedata.category(char) in _REMOVED_CATEGORIES or _non_character(char):
            continue
        else:
            kept.append(char)
    return re.sub(" {2,}", " ", "".join(kept)).strip(" ")


def _non_character(char: str) -> bool:
    """U+FDD0–U+FDEF and every code point ending in FFFE or FFFF (not allowed in XML)."""
    point = ord(char)
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE

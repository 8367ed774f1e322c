"""Build timestamps: SOURCE_DATE_EPOCH read strictly, every stamp kept where files can store it.

In: the SOURCE_DATE_EPOCH text from the environment, or a commit time from Git. Out: a whole
number of seconds inside the window that every consumer accepts — ZIP entries (1980-01-01 to
2107-12-31), gzip headers (32 bits, up to 2106-02-07; MkDocs writes sitemap.xml.gz with it)
and the data's own dates (up to 2100, model.LATEST_DATE) — plus a German note when a value
had to be moved into it.

Decisions: a SOURCE_DATE_EPOCH that is not a whole number (`abc`, `1.5`, `1e9`) is a user
error (`EpochError`): the reproducible-builds specification asks builds to fail on a
malformed value rather than guess. A whole number outside the window (negative, far future)
is clamped to its nearest end with a note, so a build still comes out and stays reproducible.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime

from generator.errors import UserError
from generator.terminal import EXIT_USAGE
from generator.wording import format_date_numeric

#: 1980-01-01T00:00:00Z, the earliest time a ZIP entry can store.
EARLIEST_EPOCH = 315_532_800
#: 2099-12-31T23:59:59Z: before the end of ZIP (2107) and of gzip's 32-bit field (2106).
LATEST_EPOCH = 4_102_444_799
#: Longer digit strings are refused before int() (Python limits string conversion anyway).
_DIGITS_LIMIT = 20
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


class EpochError(UserError, ValueError):
    """SOURCE_DATE_EPOCH is malformed; the message is German, for the person who set it
    (wrong usage: exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=EXIT_USAGE)


def parse_epoch(text: str) -> tuple[int, str | None]:
    """SOURCE_DATE_EPOCH as seconds inside the window, and a note if it was clamped."""
    given = text.strip()
    if not _WHOLE_NUMBER.fullmatch(given) or len(given) > _DIGITS_LIMIT:
        shown = given if len(given) <= 40 else given[:39] + "…"
        raise EpochError(
            f"Die Umgebungsvariable SOURCE_DATE_EPOCH hat den Wert „{_printable(shown)}“; "
            "erwartet wird eine ganze Zahl von Sekunden seit 1970 (etwa die Ausgabe von "
            "„git log -1 --format=%ct“). Korrigieren Sie den Wert oder entfernen Sie die "
            "Variable, dann gilt die Zeit des letzten Commits."
        )
    return clamp_epoch(int(given), "SOURCE_DATE_EPOCH")


def clamp_epoch(epoch: int, source: str) -> tuple[int, str | None]:
    """`epoch` moved into the window, and a German note naming `source` if it moved."""
    if EARLIEST_EPOCH <= epoch <= LATEST_EPOCH:
        return epoch, None
    clamped = min(max(epoch, EARLIEST_EPOCH), LATEST_EPOCH)
    shown = format_date_numeric(datetime.fromtimestamp(clamped, UTC).date())
    return clamped, (
        f"Hinweis: Die Bauzeit aus {source} ({epoch}) liegt außerhalb der Jahre 1980 bis 2099, "
        f"die ZIP- und gzip-Dateien speichern können; als Bauzeit gilt der {shown}."
    )


def zip_date_time(moment: datetime | int) -> tuple[int, int, int, int, int, int]:
    """A ZIP entry's date_time for a moment (a datetime, or seconds since 1970), clamped."""
    if isinstance(moment, datetime):
        stamp = moment.timetuple()[:6]
    else:
        stamp = time.gmtime(min(max(moment, EARLIEST_EPOCH), LATEST_EPOCH))[:6]
    earliest, latest = (1980, 1, 1, 0, 0, 0), (2107, 12, 31, 23, 59, 58)
    year, month, day, hour, minute, second = min(max(stamp, earliest), latest)
    return year, month, day, hour, minute, second


def _printable(text: str) -> str:
    return "".join(char if char.isprintable() else "�" for char in text)

"""Value types of the data model: id patterns, checked texts, URLs, dates, and the base `Record`."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
)
from pydantic_core import PydanticCustomError

from generator.escape import character_reference

# --- Identifier patterns. URLs derive from ids, never from titles. ---------------------------

#: Measure ids: the theme's abbreviation, a hyphen, a two- or three-digit number ("VER-03").
MEASURE_ID_PATTERN = r"^[A-Z]{2,5}-[0-9]{2,3}$"
#: Ids of themes, fields of action, actors, districts, statuses, criteria: lowercase words
#: joined by single hyphens ("buergerbeteiligung", "in-umsetzung").
SLUG_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
#: The abbreviation of a theme, used as the prefix of its measure ids.
ABBREVIATION_PATTERN = r"^[A-Z]{2,5}$"
#: Charta guideline ids ("leitlinie-1") follow SLUG_PATTERN too.

MeasureId = Annotated[str, Field(pattern=MEASURE_ID_PATTERN)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=60)]

# --- Text types -------------------------------------------------------------------------------

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript\s*:|\{\{|\{%|--8<--", re.IGNORECASE)


def _reject_markup(value: str) -> str:
    """Plain text must not smuggle HTML, script or template syntax into the site."""
    if _MARKUP.search(value):
        raise PydanticCustomError("text_markup", "markup in plain text")
    if not value.strip():
        raise PydanticCustomError("text_blank", "blank text")
    return value


def _reject_plain_markup(value: str) -> str:
    """Plain text is shown as written everywhere, so it holds no HTML character references:
    browsers and the engine decode "&lt" in some places and not in others (escape.py)."""
    _reject_markup(value)
    if character_reference(value) is not None:
        raise PydanticCustomError("text_reference", "character reference in plain text")
    return value


def _reject_rich_markup(value: str) -> str:
    """Rich text is Markdown without raw HTML; the renderer sanitises as a second line."""
    return _reject_markup(value)


#: A short line of plain text (titles, names).
Title = Annotated[str, Field(min_length=1, max_length=160), AfterValidator(_reject_plain_markup)]
#: A paragraph of plain text.
PlainText = Annotated[
    str, Field(min_length=1, max_length=1200), AfterValidator(_reject_plain_markup)
]
#: Restricted Markdown: paragraphs, lists, emphasis, links; no HTML, no images from outside.
RichText = Annotated[str, Field(min_length=1, max_length=8000), AfterValidator(_reject_rich_markup)]

_URL = re.compile(
    r"^(https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/[^\s<>\"]*)?|mailto:[^\s<>\"@]+@[^\s<>\"]+)$"
)


def _check_url(value: str) -> str:
    if not _URL.match(value):
        raise PydanticCustomError("url_scheme", "only https and mailto links")
    return value


Url = Annotated[str, Field(max_length=500), AfterValidator(_check_url)]

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


#: The dates the data may hold, like `Year` below: a typo such as 2206 is refused here, before
#: it reaches a ZIP entry (1980–2107), a feed or a chart. Fixed, not "today + n": a check gives
#: the same answer on every day.
EARLIEST_DATE = date(1990, 1, 1)
LATEST_DATE = date(2100, 12, 31)


def _parse_date(value: Any) -> Any:
    """Dates are written as ISO text (2020-06-25); the loader never converts them itself."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise PydanticCustomError("date_format", "date must be YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_impossible", "no such day") from None
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        raise PydanticCustomError("date_range", "date outside 1990-01-01 … 2100-12-31")
    return parsed


IsoDate = Annotated[date, BeforeValidator(_parse_date)]
Year = Annotated[int, Field(ge=1990, le=2100)]
#: The number of an operative goal within its Handlungsfeld.
GoalNumber = Annotated[int, Field(ge=1, le=99)]
#: How exact a date is: to the day, month or year, an assumption, or unknown.
DatePrecision = Literal["tag", "monat", "jahr", "angenommen", "unbekannt"]


class SourcePosition:
    """Where an entity stands in the data (file, line, column). Never affects equality."""

    __slots__ = ("column", "file", "line")

    def __init__(self, file: str, line: int, column: int = 1) -> None:
        self.file = file
        self.line = line
        self.column = column

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourcePosition)

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Record(BaseModel):
    """Base of all models: strict, closed (unknown keys are errors), immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    _position: SourcePosition | None = PrivateAttr(default=None)

    @property
    def position(self) -> SourcePosition | None:
        return self._position

"""German numbers and dates: the one place that formats them for readers and editors.

Pages (through the Jinja filters in render/engine.py), charts, messages and the command's
summaries take their German notation from here; machine formats (ISO dates in data and
messages that quote a YAML value, sort keys, SVG coordinates) are not German and stay where
they are used.

Dates: the long form „25. Juni 2020“ (`format_date`) in running text and headings; the
numeric form „25.06.2020“ (`format_date_numeric`) where space is short — the values in a
list of changes, feed titles, notes; „06/2024“ (`format_month_numeric`) for a chart's marker.
Numbers: a decimal comma and a dot between thousands (`format_number`); a priority or any
score with one decimal, half up (`format_score`); fixed decimals for sizes and seconds
(`format_decimal`).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def format_date(value: date) -> str:
    """A date in German long form: 25. Juni 2020."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def format_since(value: date, precision: str = "tag") -> str:
    """Since when a status holds, as exactly as known: „seit 24. April 2017“, „seit Oktober
    2013“, „seit 2017“, „seit 2020 (angenommen)“ or „(Datum unbekannt)“."""
    if precision == "unbekannt":
        return "(Datum unbekannt)"
    if precision == "angenommen":
        return f"seit {value.year} (angenommen)"
    if precision == "jahr":
        return f"seit {value.year}"
    if precision == "monat":
        return f"seit {MONTHS[value.month - 1]} {value.year}"
    return f"seit {format_date(value)}"


def format_date_numeric(value: date) -> str:
    """A date in German numeric form: 25.06.2020."""
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def format_month_numeric(value: date) -> str:
    """A month in German numeric form: 06/2024."""
    return f"{value.month:02d}/{value.year}"


def rounded_priority(score: float) -> Decimal:
    """A priority as the site shows it: one decimal, rounded half up (3.25 → 3.3)."""
    # repr gives the shortest decimal that reads back as this float: 3.25, not 3.2499…
    return Decimal(repr(score)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_score(value: float | Fraction) -> str:
    """A priority or rating score with one decimal, rounded half up, decimal comma: 3,8."""
    return str(rounded_priority(float(value))).replace(".", ",")


def format_number(value: float) -> str:
    """A number in German notation: 1.300.000 and 48,5 (at most two decimals)."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,"))


def format_percent(value: float) -> str:
    """A share in percent, as German text: 33,3 %."""
    return f"{format_number(round(value, 1))} %"


def format_euro(amount: float) -> str:
    """An amount of money: 1.300.000 €."""
    return f"{format_number(amount)} €"


def format_decimal(value: float, digits: int) -> str:
    """A number with exactly `digits` decimals and a decimal comma: 2,2 (sizes, seconds)."""
    return f"{value:.{digits}f}".replace(".", ",")


def format_float(value: float) -> str:
    """A float with all its digits, as written, with a decimal comma: 0,125 and 12,0."""
    return repr(value).replace(".", ",")

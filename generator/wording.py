"""German wording shared by pages and exports: dates."""

from __future__ import annotations

from datetime import date

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

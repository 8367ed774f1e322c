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

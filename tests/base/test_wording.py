"""German numbers and dates (generator/wording.py), the one place that formats them."""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction

from repo_paths import REPO

from generator.wording import (
    format_date,
    format_date_numeric,
    format_decimal,
    format_euro,
    format_float,
    format_month_numeric,
    format_number,
    format_percent,
    format_score,
)

PACKAGE = REPO / "generator"


def test_dates_in_their_three_forms() -> None:
    """Long, numeric and month forms of one date."""
    day = date(2020, 6, 5)
    assert format_date(day) == "5. Juni 2020"
    assert format_date_numeric(day) == "05.06.2020"
    assert format_month_numeric(day) == "06/2020"


def test_numbers_in_german_notation() -> None:
    """Thousands dots, decimal commas, percent and euro with a space."""
    assert format_number(1_300_000) == "1.300.000"
    assert format_number(48.5) == "48,5"
    assert format_number(1234.567) == "1.234,57"
    assert format_percent(33.333) == "33,3 %"
    assert format_euro(100000) == "100.000 €"
    assert format_decimal(2.25, 1) == "2,2" and format_decimal(0.5, 2) == "0,50"
    assert format_float(0.125) == "0,125" and format_float(12.0) == "12,0"


def test_scores_round_half_up_to_one_decimal() -> None:
    """A score shows one decimal, half up, also from a fraction (3.25 → 3,3)."""
    assert format_score(3.25) == "3,3"
    assert format_score(Fraction(7, 2)) == "3,5"
    assert format_score(4) == "4,0"


def test_no_other_module_formats_german_numbers_or_dates() -> None:
    """strftime and decimal-comma replacements appear only in wording.py."""
    pattern = re.compile(r"strftime\(\"%d|replace\(\"\.\", \",\"\)|replace\(\",\", \"\.\"\)")
    users = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    )
    assert users == ["wording.py"]

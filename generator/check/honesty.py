"""Checks that keep the data honest about what it knows: dates as exact as stated, example
ratings not older than the measures they rate, operative goals stated once and referenced.

In: the shape-checked files (`validate.Collected`). Out: problems, each at the line of the
offending value. Run by validate.py after the cross-checks.
"""

from __future__ import annotations

from generator import model
from generator.check.collect import Collected
from generator.check.tree import LoadedFile
from generator.problems import Problem, problem, quote

#: What is known at each coarse precision, for the message.
_KNOWN = {"monat": "der Monat", "jahr": "das Jahr"}


def _at(loaded: LoadedFile, path: tuple[str | int, ...]) -> tuple[str, int, int]:
    while path not in loaded.positions and path:
        path = path[:-1]
    position = loaded.positions.get(path)
    return loaded.path, (position.line if position else 1), (position.column if position else 1)


def honesty_checks(collected: Collected) -> list[Problem]:
    """The problems of every measure's dates and example rating."""
    found: list[Problem] = []
    for measure, loaded in collected.measures:
        found += _since_precision(measure, loaded)
        found += _rating_before_start(measure, loaded)
    return found


def _since_precision(measure: model.Measure, loaded: LoadedFile) -> list[Problem]:
    """A date known only to the month (year) is written as the first day of it."""
    precision = measure.status_seit_genauigkeit
    if precision not in _KNOWN:
        return []
    since = measure.status_seit
    first = since.replace(day=1) if precision == "monat" else since.replace(month=1, day=1)
    if since == first:
        return []
    return [
        problem(
            "date_precision",
            *_at(loaded, ("status_seit",)),
            value=quote(since.isoformat()),
            precision=quote(precision),
            known=_KNOWN[precision],
            expected=quote(first.isoformat()),
        )
    ]


def _rating_before_start(measure: model.Measure, loaded: LoadedFile) -> list[Problem]:
    """Example ratings carry the date they were written; a measure that begins in a later
    year did not exist then and is „nicht bewertet“."""
    rating = measure.bewertung
    if not isinstance(rating, model.Rating) or rating.quelle != "beispiel":
        return []
    if rating.stand.year >= measure.zeitraum.beginn:
        return []
    return [
        problem(
            "rating_before_start",
            *_at(loaded, ("bewertung", "stand")),
            stand=quote(rating.stand.isoformat()),
            start=measure.zeitraum.beginn,
        )
    ]

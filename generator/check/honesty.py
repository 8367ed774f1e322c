"""Checks that keep the data honest about what it knows: dates as exact as stated, example
ratings not older than the measures they rate, operative goals stated once and referenced.

In: the shape-checked files (`validate.Collected`). Out: problems, each at the line of the
offending value. Run by validate.py after the cross-checks.
"""

from __future__ import annotations

from generator import model
from generator.check.collect import Collected
from generator.check.tree import LoadedFile
from generator.presentation import Labels
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
    document = collected.document
    labels = document.bezeichnungen if document is not None else Labels()
    goals: dict[tuple[str, str | None], list[int]] = {}
    for theme, loaded in collected.themes:
        found += _goal_numbers(theme.operative_ziele, loaded, ("operative_ziele",))
        goals[(theme.id, None)] = [goal.nummer for goal in theme.operative_ziele]
        for index, field in enumerate(theme.handlungsfelder):
            path = ("handlungsfelder", index, "operative_ziele")
            found += _goal_numbers(field.operative_ziele, loaded, path)
            goals[(theme.id, field.id)] = [goal.nummer for goal in field.operative_ziele]
    for measure, loaded in collected.measures:
        found += _since_precision(measure, loaded)
        found += _rating_before_start(measure, loaded)
        known = goals.get((measure.leitthema, measure.handlungsfeld))
        if known is not None:  # an unknown theme or field is reported by the cross-checks
            found += _goal_references(measure, loaded, known, labels)
    return found


def _goal_numbers(
    goals: list[model.OperativeGoal], loaded: LoadedFile, path: tuple[str | int, ...]
) -> list[Problem]:
    """Each operative goal of a Handlungsfeld (or theme) has its own number."""
    found, seen = [], set()
    for index, goal in enumerate(goals):
        if goal.nummer in seen:
            where = _at(loaded, (*path, index, "nummer"))
            found.append(problem("duplicate_goal_number", *where, number=goal.nummer))
        seen.add(goal.nummer)
    return found


def _goal_references(
    measure: model.Measure, loaded: LoadedFile, known: list[int], labels: Labels
) -> list[Problem]:
    """A measure names operative goals by number; each must exist where it belongs."""
    where_goals = (
        f"{labels.handlungsfeld.im} „{measure.handlungsfeld}“"
        if measure.handlungsfeld
        else (f"{labels.leitthema.im} „{measure.leitthema}“")
    )
    listed = ", ".join(str(number) for number in sorted(set(known))) or "keine"
    return [
        problem(
            "unknown_goal",
            *_at(loaded, ("operative_ziele", index)),
            number=number,
            where=where_goals,
            known=listed,
        )
        for index, number in enumerate(measure.operative_ziele)
        if number not in known
    ]


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

"""Cross-checks between files: unique ids, references, dates, scales — and assembly.

In: the shape-checked files (`validate.Collected`). Out: the assembled `Strategy` (None if a
required file is missing or broken) and the problems found. Each problem points at the line
of the offending value, so an editor sees it on the right line of the pull request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from generator import model
from generator.check.checker import Checker as _Checker
from generator.check.checker import at as _at
from generator.check.checker import known as _known
from generator.check.collect import Collected
from generator.check.shape import field_label
from generator.check.tree import LoadedFile
from generator.presentation import Labels
from generator.problems import Problem, quote, suggest


def level_words(labels: Labels) -> dict[str, str]:
    """The words for the levels in messages, from the strategy's `bezeichnungen`
    (problems.DEFAULT_LEVEL_WORDS names them)."""
    theme, field = labels.leitthema, labels.handlungsfeld
    return {
        "das_theme": theme.der[0].upper() + theme.der[1:],
        "zum_theme": theme.zu_dem,
        "fields": field.mehrzahl,
        "zu_welchem": "zu welcher" if field.genus == "femininum" else "zu welchem",
        "das_field": field.der[0].upper() + field.der[1:],
    }


def cross_check(collected: Collected) -> tuple[model.Strategy | None, list[Problem]]:
    document = collected.document
    labels = document.bezeichnungen if document is not None else Labels()
    check = _Checker(
        {
            "die Maßnahme": collected.unreadable.get("massnahmen", {}),
            labels.leitthema.der: collected.unreadable.get("leitthemen", {}),
        }
    )
    registries = {name: registry for name, (registry, _) in collected.registries.items()}
    actors: list[model.Actor] = getattr(registries.get("akteure.yml"), "akteure", [])
    districts: list[model.District] = getattr(registries.get("stadtteile.yml"), "stadtteile", [])
    goals: list[model.Goal] = getattr(registries.get("sdgs.yml"), "sdgs", [])
    guidelines: list[model.CharterGuideline] = getattr(
        registries.get("charta.yml"), "leitlinien", []
    )

    if document is not None and collected.document_file is not None:
        _check_document(check, document, collected.document_file)
    for name, (registry, loaded) in collected.registries.items():
        key = next(iter(type(registry).model_fields))
        entries = getattr(registry, key)
        id_field = "nummer" if name == "sdgs.yml" else "id"
        check.unique(
            [
                (str(getattr(e, id_field)), _at(loaded, (key, i, id_field)))
                for i, e in enumerate(entries)
            ]
        )

    themes = sorted(collected.themes, key=lambda pair: (pair[0].nummer, pair[0].id))
    _check_themes(check, themes)
    measures = sorted(collected.measures, key=lambda pair: pair[0].id)
    check.unique([(m.id, _at(loaded, ("id",))) for m, loaded in collected.measures])
    status_ids = [s.id for s in document.status] if document else collected.raw_ids.get("status")
    context = _MeasureContext(
        themes={theme.id: theme for theme, _ in themes},
        statuses={status.id: status for status in document.status} if document else {},
        status_ids=_known_or_none(status_ids),
        rating=document.bewertung if document else None,
        actors=_ids(registries, collected, "akteure.yml", [a.id for a in actors]),
        districts=_ids(registries, collected, "stadtteile.yml", [d.id for d in districts]),
        goals=_ids(registries, collected, "sdgs.yml", [str(g.nummer) for g in goals]),
        guidelines=_ids(registries, collected, "charta.yml", [g.id for g in guidelines]),
        measure_ids=_Known(sorted(set(collected.raw_ids.get("massnahmen", [])))),
        labels=labels,
    )
    for measure, loaded in measures:
        _check_measure(check, measure, loaded, context)
    _check_empty_fields(check, themes, collected.raw_fields_used, context.words)

    complete = document is not None and set(registries) == collected.registry_files
    if not complete or document is None:
        return None, check.problems
    strategy = model.Strategy(
        strategie=document,
        leitthemen=[theme for theme, _ in themes],
        massnahmen=[measure for measure, _ in measures],
        akteure=actors,
        stadtteile=districts,
        sdgs=sorted(goals, key=lambda goal: goal.nummer),
        leitlinien=sorted(guidelines, key=lambda guideline: guideline.nummer),
        dateien={measure.id: loaded.path for measure, loaded in measures},
    )
    return strategy, check.problems


def _ids(
    registries: dict[str, Any], collected: Collected, name: str, valid: list[str]
) -> _Known | None:
    """Known ids of a registry: from the valid file, else as written in the broken one."""
    if name in registries:
        return _Known(valid)
    return _known_or_none(collected.raw_ids.get(name))


def _check_document(check: _Checker, document: model.StrategyDocument, loaded: LoadedFile) -> None:
    for key in ("visionen", "prinzipien", "fortschreibungen", "status"):
        entries = getattr(document, key)
        check.unique([(e.id, _at(loaded, (key, i, "id"))) for i, e in enumerate(entries)])
    scheme = document.bewertung
    check.unique(
        [
            (c.id, _at(loaded, ("bewertung", "kriterien", i, "id")))
            for i, c in enumerate(scheme.kriterien)
        ]
    )
    if scheme.matrix is not None:
        criteria = [c.id for c in scheme.kriterien]
        for axis in ("waagerecht", "senkrecht"):
            for index, value in enumerate(getattr(scheme.matrix, axis)):
                location = ("bewertung", "matrix", axis, index)
                check.reference(
                    value, criteria, _at(loaded, location), field_label(location), "das Kriterium"
                )
    levels = sorted(level.wert for level in scheme.stufen)
    if scheme.minimum >= scheme.maximum or levels != list(
        range(scheme.minimum, scheme.maximum + 1)
    ):
        check.add(
            "scale_inconsistent",
            _at(loaded, ("bewertung", "stufen")),
            minimum=scheme.minimum,
            maximum=scheme.maximum,
        )


def _check_themes(check: _Checker, themes: list[tuple[model.Theme, LoadedFile]]) -> None:
    check.unique([(t.id, _at(loaded, ("id",))) for t, loaded in themes])
    check.unique([(t.kuerzel, _at(loaded, ("kuerzel",))) for t, loaded in themes])
    check.unique([(str(t.nummer), _at(loaded, ("nummer",))) for t, loaded in themes])
    check.unique(
        [
            (f.id, _at(loaded, ("handlungsfelder", i, "id")))
            for t, loaded in themes
            for i, f in enumerate(t.handlungsfelder)
        ]
    )
    for theme, loaded in themes:
        expected = f"{theme.id}.yml"
        if PurePosixPath(loaded.path).name != expected:
            check.add(
                "measure_file_name",
                _at(loaded, ("id",)),
                id=quote(theme.id),
                expected=quote(expected),
            )


class _Known(list[str]):
    """Known ids in their order (for messages), with membership by hash: the checks of all
    measures against a plain list of all measure ids grew with the square of their number
    (at 10,000 measures 2.5 of the 3.5 s of cross_check)."""

    def __init__(self, values: Iterable[str]) -> None:
        super().__init__(values)
        self._members = frozenset(self)

    def __contains__(self, value: object) -> bool:
        return value in self._members


def _known_or_none(values: list[str] | None) -> _Known | None:
    return None if values is None else _Known(values)


@dataclass(frozen=True)
class _MeasureContext:
    """What every measure is checked against. A list of ids is None where the file that
    defines them is broken: references to them are then not checked (the broken file has
    its own problems)."""

    themes: dict[str, model.Theme]
    statuses: dict[str, model.Status]
    status_ids: _Known | None
    rating: model.RatingScheme | None
    actors: _Known | None
    districts: _Known | None
    goals: _Known | None
    guidelines: _Known | None
    measure_ids: _Known
    labels: Labels
    #: Handlungsfeld id → its Leitthema's id.
    field_theme: dict[str, str] = field(init=False)
    #: The level words of the messages, from `labels`.
    words: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        fields = {f.id: t.id for t in self.themes.values() for f in t.handlungsfelder}
        object.__setattr__(self, "field_theme", fields)
        object.__setattr__(self, "words", level_words(self.labels))


def _check_measure(
    check: _Checker, measure: model.Measure, loaded: LoadedFile, context: _MeasureContext
) -> None:
    path = PurePosixPath(loaded.path)
    expected_name = f"{measure.id.lower()}.yml"
    if path.name != expected_name:
        check.add(
            "measure_file_name",
            _at(loaded, ("id",)),
            id=quote(measure.id),
            expected=quote(expected_name),
        )
    if path.parent.name != measure.leitthema:
        check.add(
            "measure_folder",
            _at(loaded, ("leitthema",)),
            folder=quote(path.parent.name),
            theme=quote(measure.leitthema),
            expected=quote(f"massnahmen/{measure.leitthema}/{expected_name}"),
        )
    _check_theme_reference(check, measure, loaded, context)

    if context.status_ids is not None:
        check.reference(
            measure.status, context.status_ids, _at(loaded, ("status",)), "status", "den Status"
        )
    references: list[tuple[str, list[str] | None, list[Any], str]] = [
        ("partner", context.actors, measure.partner, "den Akteur"),
        ("stadtteile", context.districts, measure.raumbezug.stadtteile, "den Stadtteil"),
        ("sdgs", context.goals, measure.sdgs, "das SDG"),
        ("charta", context.guidelines, measure.charta, "die Charta-Leitlinie"),
        ("verwandte_massnahmen", context.measure_ids, measure.verwandte_massnahmen, "die Maßnahme"),
    ]
    if context.actors is not None:
        check.reference(
            measure.verantwortlich,
            context.actors,
            _at(loaded, ("verantwortlich",)),
            "verantwortlich",
            "den Akteur",
        )
    for key, known, values, kind in references:
        location: tuple[str | int, ...] = (
            ("raumbezug", "stadtteile") if key == "stadtteile" else (key,)
        )
        if key != "stadtteile":
            check.no_repeats(values, loaded, key)
        if known is None:
            continue
        for index, value in enumerate(values):
            where = _at(loaded, (*location, index))
            check.reference(value, known, where, field_label((*location, index)), kind)
    if measure.id in measure.verwandte_massnahmen:
        index = measure.verwandte_massnahmen.index(measure.id)
        check.add(
            "self_reference", _at(loaded, ("verwandte_massnahmen", index)), id=quote(measure.id)
        )

    _check_rating(check, measure, loaded, context.rating)
    _check_dates(check, measure, loaded)
    status = context.statuses.get(measure.status)
    if status is not None and status.aktiv and measure.fortschritt == 100:
        check.add(
            "status_progress",
            _at(loaded, ("fortschritt",)),
            progress=100,
            status=quote(status.bezeichnung),
        )
    if measure.raumbezug.ebene != "gesamtstadt" and not measure.raumbezug.stadtteile:
        check.add(
            "districts_level",
            _at(loaded, ("raumbezug", "ebene")),
            level=quote(measure.raumbezug.ebene),
        )


def _check_theme_reference(
    check: _Checker, measure: model.Measure, loaded: LoadedFile, context: _MeasureContext
) -> None:
    theme = context.themes.get(measure.leitthema)
    if theme is None:
        check.reference(
            measure.leitthema,
            list(context.themes),
            _at(loaded, ("leitthema",)),
            "leitthema",
            context.labels.leitthema.der,
        )
        return
    prefix = f"{theme.kuerzel}-"
    if not measure.id.startswith(prefix):
        check.add(
            "measure_prefix",
            _at(loaded, ("id",)),
            id=quote(measure.id),
            theme=quote(theme.id),
            prefix=quote(prefix),
            **context.words,
        )
    fields = [f.id for f in theme.handlungsfelder]
    if measure.handlungsfeld is None:
        if fields:
            check.add(
                "field_of_action_missing",
                _at(loaded, ()),
                theme=quote(theme.id),
                known=_known(fields),
                **context.words,
            )
        return
    where = _at(loaded, ("handlungsfeld",))
    if not fields:
        check.add("field_of_action_not_allowed", where, theme=quote(theme.id), **context.words)
    elif measure.handlungsfeld not in fields:
        other = context.field_theme.get(measure.handlungsfeld)
        if other is not None:
            check.add(
                "field_of_action_theme",
                where,
                value=quote(measure.handlungsfeld),
                other_theme=quote(other),
                theme=quote(theme.id),
                **context.words,
            )
        else:
            check.reference(
                measure.handlungsfeld,
                fields,
                where,
                "handlungsfeld",
                context.labels.handlungsfeld.der,
            )


def _check_rating(
    check: _Checker, measure: model.Measure, loaded: LoadedFile, scheme: model.RatingScheme | None
) -> None:
    rating = measure.bewertung
    if scheme is None or not isinstance(rating, model.Rating):
        return
    criteria = [c.id for c in scheme.kriterien]
    missing = [c for c in criteria if c not in rating.werte]
    unknown = [c for c in rating.werte if c not in criteria]
    where = _at(loaded, ("bewertung", "werte"))
    if missing:
        check.add(
            "rating_criteria",
            where,
            detail=f"es fehlt {', '.join(map(quote, missing))}.",
            known=_known(criteria),
        )
    for name in unknown:
        detail = f"{quote(name)} ist kein Kriterium.{suggest(name, criteria)}"
        check.add(
            "rating_criteria",
            _at(loaded, ("bewertung", "werte", name)),
            detail=detail,
            known=_known(criteria),
        )
    for name, value in rating.werte.items():
        if name in criteria and not scheme.minimum <= value <= scheme.maximum:
            check.add(
                "rating_range",
                _at(loaded, ("bewertung", "werte", name)),
                criterion=name,
                value=quote(value),
                minimum=scheme.minimum,
                maximum=scheme.maximum,
            )


def _check_dates(check: _Checker, measure: model.Measure, loaded: LoadedFile) -> None:
    frame = measure.zeitraum
    if frame.ende is not None and frame.ende < frame.beginn:
        check.add(
            "time_frame_order",
            _at(loaded, ("zeitraum", "ende")),
            end=frame.ende,
            start=frame.beginn,
        )
    for index, funding in enumerate(measure.finanzierung):
        if funding.von is not None and funding.bis is not None and funding.bis < funding.von:
            check.add(
                "funding_order",
                _at(loaded, ("finanzierung", index, "bis")),
                end=funding.bis,
                start=funding.von,
            )
    stand = measure.aktualisiert
    dated: list[tuple[tuple[str | int, ...], Any]] = [(("status_seit",), measure.status_seit)]
    dated += [
        (("meilensteine", i, "datum"), m.datum)
        for i, m in enumerate(measure.meilensteine)
        if m.erreicht
    ]
    if isinstance(measure.bewertung, model.Rating):
        dated.append((("bewertung", "stand"), measure.bewertung.stand))
    for path, value in dated:
        if value > stand:
            check.add(
                "date_in_future",
                _at(loaded, path),
                field=field_label(path),
                value=quote(value.isoformat()),
                stand=stand.isoformat(),
            )


def _check_empty_fields(
    check: _Checker,
    themes: list[tuple[model.Theme, LoadedFile]],
    used: set[str],
    words: dict[str, str],
) -> None:
    for theme, loaded in themes:
        for index, field_of_action in enumerate(theme.handlungsfelder):
            if field_of_action.id not in used:
                check.add(
                    "no_measures",
                    _at(loaded, ("handlungsfelder", index, "id")),
                    id=quote(field_of_action.id),
                    **words,
                )

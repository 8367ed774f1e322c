"""Views of the measure pages and the Maßnahmenkatalog (pure).

In: a `SiteIndex`. Out: `MeasurePage` per measure and the `CataloguePage`, with every link
resolved and every lookup across files done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from generator import urls
from generator.model import (
    Criterion,
    Measure,
    NotRated,
    OperativeGoal,
    RatingScheme,
    Source,
    Status,
)
from generator.presentation import forge_file_address
from generator.views.changes import MeasureHistory
from generator.views.pages import Page
from generator.views.site import (
    SOURCE_KINDS,
    SPATIAL_LEVELS,
    Link,
    MeasureRow,
    SiteIndex,
    goal_title,
)


@dataclass(frozen=True)
class CriterionValue:
    criterion: Criterion
    value: int
    #: The scale's name for the value ("hoch"), if the scale names it.
    level: str | None


@dataclass(frozen=True)
class RatingView:
    """A measure's rating as shown: values per criterion, or why there are none."""

    rated: bool
    #: The values are examples (quelle: beispiel), not the official rating.
    example: bool
    values: tuple[CriterionValue, ...]
    priority: float | None
    as_of: date | None
    reason: str | None
    scheme: RatingScheme


@dataclass(frozen=True)
class SourceEntry:
    source: Source
    kind: str


@dataclass(frozen=True)
class MeasurePage(Page):
    template = "measure.md.j2"
    measure: Measure
    theme_link: Link
    field_link: Link | None
    status: Status
    #: Position of the status in the vocabulary: selects its colour key.
    status_index: int
    progress_meaning: str
    spatial_level: str
    districts: tuple[str, ...]
    responsible_link: Link
    partner_links: tuple[Link, ...]
    rating: RatingView
    goal_links: tuple[Link, ...]
    guideline_links: tuple[Link, ...]
    related_links: tuple[Link, ...]
    #: The related measures themselves, in the order of their links (for the example mark).
    related: tuple[Measure, ...]
    references: tuple[SourceEntry, ...]
    edit_url: str | None
    method_link: Link
    #: The Verlauf section; None when the site is rendered without a history.
    history: MeasureHistory | None = None
    #: The operative goals the measure names, as its Handlungsfeld (or theme) states them.
    operative_goals: tuple[OperativeGoal, ...] = ()


def build_measure(
    site: SiteIndex, measure: Measure, history: MeasureHistory | None = None
) -> MeasurePage:
    at = urls.measure_page(measure.id)
    theme = site.themes[measure.leitthema]
    field = site.fields[measure.handlungsfeld] if measure.handlungsfeld else None
    source_file = site.strategy.dateien[measure.id]
    stated = {goal.nummer: goal for goal in (field or theme).operative_ziele}
    return MeasurePage(
        operative_goals=tuple(stated[n] for n in measure.operative_ziele if n in stated),
        path=at,
        title=f"{measure.id}: {measure.titel}",
        source_files=(source_file,),
        measure=measure,
        theme_link=site.theme_link(at, theme),
        field_link=site.field_link(at, field) if field else None,
        status=site.statuses[measure.status],
        status_index=site.status_order[measure.status],
        progress_meaning=site.document.fortschritt,
        spatial_level=SPATIAL_LEVELS[measure.raumbezug.ebene],
        districts=tuple(site.districts[d].name for d in measure.raumbezug.stadtteile),
        responsible_link=site.actor_link(at, site.actors[measure.verantwortlich]),
        partner_links=tuple(site.actor_link(at, site.actors[p]) for p in measure.partner),
        rating=rating_view(site, measure),
        goal_links=tuple(site.goal_link(at, site.goals[n]) for n in measure.sdgs),
        guideline_links=tuple(site.guideline_link(at, site.guidelines[g]) for g in measure.charta),
        related_links=tuple(
            site.measure_link(at, site.measures[related])
            for related in measure.verwandte_massnahmen
        ),
        related=tuple(site.measures[related] for related in measure.verwandte_massnahmen),
        references=tuple(SourceEntry(s, SOURCE_KINDS[s.art]) for s in measure.quellen),
        edit_url=_edit_url(site, source_file),
        method_link=site.link(at, urls.METHOD, "Methode"),
        history=history,
    )


def rating_view(site: SiteIndex, measure: Measure) -> RatingView:
    """A measure's rating as its page and the print page show it."""
    scheme = site.document.bewertung
    rating = measure.bewertung
    if isinstance(rating, NotRated):
        return RatingView(False, False, (), None, None, rating.grund, scheme)
    levels = {level.wert: level.bezeichnung for level in scheme.stufen}
    values = tuple(
        CriterionValue(c, rating.werte[c.id], levels.get(rating.werte[c.id]))
        for c in scheme.kriterien
    )
    priority = site.overview.priorities[measure.id]
    return RatingView(
        True, rating.quelle == "beispiel", values, priority, rating.stand, None, scheme
    )


def _edit_url(site: SiteIndex, source_file: str) -> str | None:
    """Where an editor changes the measure: its YAML file in the repository's web editor."""
    repository = site.document.repository
    if repository is None:
        return None
    branch = quote(repository.branch, safe="")
    path = quote(source_file, safe="/")
    return forge_file_address(repository.url, repository.plattform, "edit", branch, path)


# --- Maßnahmenkatalog ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One choice of a filter select."""

    value: str
    label: str


@dataclass(frozen=True)
class CatalogueRow:
    row: MeasureRow
    #: Lowercase text the search field matches against (id, titles, short description).
    search_text: str
    #: SDG numbers separated by spaces, for the SDG filter.
    goals: str
    #: The id with a zero-padded number, so "VER-9" sorts before "VER-10".
    sort_id: str


@dataclass(frozen=True)
class CataloguePage(Page):
    template = "catalogue.md.j2"
    rows: tuple[CatalogueRow, ...]
    status_options: tuple[Option, ...]
    theme_options: tuple[Option, ...]
    goal_options: tuple[Option, ...]
    actor_options: tuple[Option, ...]
    as_of: date | None
    has_example_ratings: bool
    #: How many measures are invented examples (beispielmassnahme).
    example_count: int
    method_link: Link


def build_catalogue(site: SiteIndex) -> CataloguePage:
    at = urls.CATALOGUE
    measures = site.strategy.massnahmen
    rows = tuple(
        CatalogueRow(row, _search_text(row), _goal_numbers(row.measure), _sort_id(row.measure))
        for row in sorted(site.measure_rows(at, measures), key=_strategy_order(site))
    )
    used_goals = sorted({n for m in measures for n in m.sdgs})
    responsible = sorted(
        {m.verantwortlich for m in measures}, key=lambda a: site.actors[a].name.casefold()
    )
    return CataloguePage(
        path=at,
        title="Maßnahmenkatalog",
        source_files=(
            site.measures_folder(),
            site.themes_folder(),
            site.registry_file("akteure.yml"),
            site.registry_file("sdgs.yml"),
        ),
        rows=rows,
        status_options=tuple(Option(s.id, s.bezeichnung) for s in site.document.status),
        theme_options=tuple(Option(t.id, t.titel) for t in site.strategy.leitthemen),
        goal_options=tuple(Option(str(n), goal_title(site.goals[n])) for n in used_goals),
        actor_options=tuple(Option(a, site.actors[a].name) for a in responsible),
        as_of=site.overview.as_of,
        has_example_ratings=any(row.row.example_rating for row in rows),
        example_count=sum(1 for m in measures if m.beispielmassnahme),
        method_link=site.link(at, urls.METHOD, "Methode"),
    )


def _strategy_order(site: SiteIndex) -> Callable[[MeasureRow], tuple[int, int, str]]:
    """The catalogue's default order: by Leitthema, then Handlungsfeld, as the strategy lists
    them, then by id (numbers compared as numbers); measures without a field last in theirs."""
    themes = {theme.id: i for i, theme in enumerate(site.strategy.leitthemen)}
    fields = {
        field.id: i
        for theme in site.strategy.leitthemen
        for i, field in enumerate(theme.handlungsfelder)
    }

    def key(row: MeasureRow) -> tuple[int, int, str]:
        field = fields[row.field.id] if row.field else len(fields)
        return themes[row.theme.id], field, _sort_id(row.measure)

    return key


def _search_text(row: MeasureRow) -> str:
    parts = [
        row.measure.id,
        row.measure.titel,
        row.measure.kurzbeschreibung,
        row.theme.titel,
        row.field.titel if row.field else "",
        row.responsible.name,
        row.responsible.kurzname or "",
    ]
    # lower(), not casefold(): the script lowercases the query the same way ("ß" stays "ß").
    return " ".join(part for part in parts if part).lower()


def _goal_numbers(measure: Measure) -> str:
    return " ".join(str(number) for number in measure.sdgs)


def _sort_id(measure: Measure) -> str:
    prefix, number = measure.id.split("-")
    return f"{prefix}-{int(number):03d}"

"""View of the print page: the whole strategy on one page, for paper or PDF (pure).

In: a `SiteIndex`. Out: a `PrintPage` — the strategy's visions, goals, principles and
editions, then every Leitthema → Handlungsfeld → Maßnahme with each measure's essentials.
Measures are shown through the same views as elsewhere (`MeasureRow` from views.py,
`RatingView` from measure_pages.py), so the print page says what the measure pages say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator import urls
from generator.derive.measures import StatusSummary
from generator.model import Edition, FieldOfAction, Measure, StrategyDocument, Theme
from generator.views.measures import RatingView, rating_view
from generator.views.pages import Page
from generator.views.site import Link, MeasureRow, SiteIndex


@dataclass(frozen=True)
class PrintMeasure:
    """A measure's essentials: status, time frame, responsible unit and partners, rating."""

    row: MeasureRow
    rating: RatingView
    partners: tuple[str, ...]


@dataclass(frozen=True)
class PrintField:
    field: FieldOfAction
    status: StatusSummary
    measures: tuple[PrintMeasure, ...]


@dataclass(frozen=True)
class PrintTheme:
    theme: Theme
    status: StatusSummary
    fields: tuple[PrintField, ...]
    #: Measures of a theme without Handlungsfelder (they belong to the theme directly).
    measures: tuple[PrintMeasure, ...]


@dataclass(frozen=True)
class PrintPage(Page):
    template = "print.md.j2"
    document: StrategyDocument
    editions: tuple[Edition, ...]
    themes: tuple[PrintTheme, ...]
    status: StatusSummary
    as_of: date | None
    method_link: Link
    info_link: Link


def build_print(site: SiteIndex) -> PrintPage:
    at = urls.PRINT
    overview = site.overview

    def measures(group: tuple[Measure, ...]) -> tuple[PrintMeasure, ...]:
        return tuple(
            PrintMeasure(
                row=row,
                rating=rating_view(site, row.measure),
                partners=tuple(site.actors[p].name for p in row.measure.partner),
            )
            for row in site.measure_rows(at, group)
        )

    themes = tuple(
        PrintTheme(
            theme=theme,
            status=overview.status_by_theme[theme.id],
            fields=tuple(
                PrintField(
                    field,
                    overview.status_by_field[field.id],
                    measures(overview.measures_by_field[field.id]),
                )
                for field in theme.handlungsfelder
            ),
            measures=measures(
                tuple(m for m in overview.measures_by_theme[theme.id] if not m.handlungsfeld)
            ),
        )
        for theme in site.strategy.leitthemen
    )
    return PrintPage(
        path=at,
        title=f"Druckfassung: {site.document.titel}",
        source_files=(site.document_file(), site.themes_folder(), site.measures_folder()),
        document=site.document,
        editions=tuple(sorted(site.document.fortschreibungen, key=lambda e: (e.datum, e.id))),
        themes=themes,
        status=overview.status_total,
        as_of=overview.as_of,
        method_link=site.link(at, urls.METHOD, "Methode: Status, Fortschritt und Bewertung"),
        info_link=site.link(at, urls.SITE_INFO, "Über diese Website"),
    )

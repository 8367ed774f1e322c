"""One view per page type: the site's pages, each with its path, sources and content (pure).

In: a `SiteIndex` (views.py). Out: page views; render.py feeds each to the template named by
its `template` attribute. Every builder resolves links for the page it builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import ClassVar

from generator import urls
from generator.charts import evaluation as charts
from generator.derive.evaluation import matrix_axes
from generator.derive.measures import StatusSummary, rank_by_priority
from generator.model import (
    Criterion,
    Edition,
    FieldOfAction,
    Measure,
    NotRated,
    Rating,
    Status,
    StrategyDocument,
    Theme,
)
from generator.views.site import (
    BarSegment,
    Link,
    MeasureRow,
    SiteIndex,
    axis_label,
    newest,
)

#: How many measures the Leitthema and Handlungsfeld pages list by priority.
TOP_COUNT = 5


@dataclass(frozen=True)
class Page:
    """What every page has: where it goes, its title, the YAML files it comes from."""

    template: ClassVar[str]
    path: PurePosixPath
    title: str
    source_files: tuple[str, ...]


# --- Start, Strategie, Methode ----------------------------------------------------------------


@dataclass(frozen=True)
class ThemeCard:
    theme: Theme
    link: Link
    field_count: int
    status: StatusSummary
    bar: tuple[BarSegment, ...]


@dataclass(frozen=True)
class StartPage(Page):
    template = "start.md.j2"
    document: StrategyDocument
    #: The newest edition: the council decision the title block names.
    edition: Edition | None
    cards: tuple[ThemeCard, ...]
    status: StatusSummary
    bar: tuple[BarSegment, ...]
    field_count: int
    rated_count: int
    example_count: int
    as_of: date | None
    strategy_link: Link
    method_link: Link
    catalogue_link: Link
    themes_link: Link
    evaluation_link: Link
    #: The accessibility offers the start page must point to (BITV), and the print page.
    easy_language_link: Link
    sign_language_link: Link
    accessibility_link: Link
    print_link: Link


@dataclass(frozen=True)
class ModelLevel:
    """One level of the strategy model (Vision → … → Maßnahme) with its count here."""

    name: str
    count: int
    explanation: str
    link: Link | None
    #: How many of the counted measures are invented example measures.
    examples: int = 0


@dataclass(frozen=True)
class StrategyPage(Page):
    template = "strategy.md.j2"
    document: StrategyDocument
    levels: tuple[ModelLevel, ...]
    editions: tuple[Edition, ...]
    method_link: Link


@dataclass(frozen=True)
class CriterionWeight:
    criterion: Criterion
    #: Share of the criterion in the priority, in percent.
    share: float


@dataclass(frozen=True)
class PriorityTerm:
    criterion: Criterion
    value: int


@dataclass(frozen=True)
class PriorityExample:
    """The priority of one measure, worked out step by step for the method page."""

    link: Link
    terms: tuple[PriorityTerm, ...]
    weighted_sum: float
    priority: float


@dataclass(frozen=True)
class MethodPage(Page):
    template = "method.md.j2"
    document: StrategyDocument
    statuses: tuple[tuple[Status, int], ...]
    weights: tuple[CriterionWeight, ...]
    weight_total: float
    official_count: int
    example_count: int
    unrated_count: int
    as_of: date | None
    catalogue_link: Link
    example: PriorityExample | None
    #: Names of the priority matrix's axes; empty with fewer than two criteria.
    x_label: str
    y_label: str
    priorities_link: Link
    #: The abbreviation the method's id example uses ("VER-02 vor VER-10"): the first theme's.
    id_prefix: str


def build_start(site: SiteIndex) -> StartPage:
    at = urls.START
    overview = site.overview
    measures = site.strategy.massnahmen
    cards = _theme_cards(site, at)
    return StartPage(
        path=at,
        title=site.document.titel,
        source_files=(site.document_file(), site.themes_folder(), site.measures_folder()),
        document=site.document,
        edition=max(site.document.fortschreibungen, key=lambda e: (e.datum, e.id), default=None),
        cards=cards,
        status=overview.status_total,
        bar=site.status_bar(overview.status_total),
        field_count=len(site.fields),
        rated_count=sum(1 for m in measures if isinstance(m.bewertung, Rating)),
        example_count=sum(1 for m in measures if m.bewertung.quelle == "beispiel"),
        as_of=overview.as_of,
        strategy_link=site.link(at, urls.STRATEGY, "Die Strategie"),
        method_link=site.link(at, urls.METHOD, "Methode: Status, Fortschritt und Bewertung"),
        catalogue_link=site.link(at, urls.CATALOGUE, "Maßnahmenkatalog"),
        themes_link=site.link(at, urls.THEMES, f"Alle {site.labels.leitthema.mehrzahl}"),
        evaluation_link=site.link(at, urls.EVALUATION, "Auswertung"),
        easy_language_link=site.link(at, urls.EASY_LANGUAGE, "Leichte Sprache"),
        sign_language_link=site.link(at, urls.SIGN_LANGUAGE, "Gebärdensprache"),
        accessibility_link=site.link(at, urls.ACCESSIBILITY, "Erklärung zur Barrierefreiheit"),
        print_link=site.link(at, urls.PRINT, "Druckfassung"),
    )


def build_strategy(site: SiteIndex) -> StrategyPage:
    at = urls.STRATEGY
    document = site.document
    labels = site.labels
    operative_goals = sum(len(f.operative_ziele) for f in site.fields.values())
    operative_goals += sum(len(t.operative_ziele) for t in site.strategy.leitthemen)
    levels = (
        ModelLevel(
            "Visionen",
            len(document.visionen),
            f"beschreiben, wie die Stadt im Jahr {document.horizont} sein soll.",
            None,
        ),
        ModelLevel(
            "Strategische Ziele",
            len(document.strategische_ziele)
            + sum(len(t.strategische_ziele) for t in site.strategy.leitthemen),
            "leiten sich aus den Visionen ab und geben die Richtung vor.",
            None,
        ),
        ModelLevel(
            labels.leitthema.mehrzahl,
            len(site.strategy.leitthemen),
            "ordnen die Strategie nach großen Themen.",
            site.link(at, urls.THEMES, labels.leitthema.mehrzahl),
        ),
        ModelLevel(
            labels.handlungsfeld.mehrzahl,
            len(site.fields),
            f"gliedern {labels.leitthema.einen} in Bereiche, in denen gehandelt wird.",
            None,
        ),
        ModelLevel(
            "Operative Ziele",
            operative_goals,
            f"machen {labels.handlungsfeld.einen} überprüfbar; jede Maßnahme nennt, zu welchen sie "
            "beiträgt.",
            None,
        ),
        ModelLevel(
            "Maßnahmen",
            len(site.strategy.massnahmen),
            "setzen die Ziele konkret um – mit Zuständigkeit, Zeitraum und Status.",
            site.link(at, urls.CATALOGUE, "Maßnahmen"),
            site.overview.status_total.examples,
        ),
    )
    return StrategyPage(
        path=at,
        title="Die Strategie",
        source_files=(site.document_file(), site.themes_folder(), site.measures_folder()),
        document=document,
        levels=levels,
        editions=tuple(sorted(document.fortschreibungen, key=lambda e: (e.datum, e.id))),
        method_link=site.link(at, urls.METHOD, "Methode: Status, Fortschritt und Bewertung"),
    )


def build_method(site: SiteIndex) -> MethodPage:
    at = urls.METHOD
    scheme = site.document.bewertung
    total = float(sum(c.gewicht for c in scheme.kriterien))
    measures = site.strategy.massnahmen
    status = site.overview.status_total
    axes = matrix_axes(scheme)
    return MethodPage(
        path=at,
        title="Methode: Status, Fortschritt und Bewertung",
        source_files=(site.document_file(), site.measures_folder()),
        document=site.document,
        statuses=tuple((entry.status, entry.count) for entry in status.counts),
        weights=tuple(
            CriterionWeight(c, round(100 * c.gewicht / total, 1)) for c in scheme.kriterien
        ),
        weight_total=total,
        official_count=sum(1 for m in measures if m.bewertung.quelle == "offiziell"),
        example_count=sum(1 for m in measures if m.bewertung.quelle == "beispiel"),
        unrated_count=sum(1 for m in measures if isinstance(m.bewertung, NotRated)),
        as_of=site.overview.as_of,
        catalogue_link=site.link(at, urls.CATALOGUE, "Maßnahmenkatalog"),
        example=_priority_example(site, at),
        x_label=axis_label(axes.x.criteria) if axes else "",
        y_label=axis_label(axes.y.criteria) if axes else "",
        priorities_link=site.link(at, urls.EVALUATION_PRIORITIES, "Prioritäten"),
        id_prefix=site.strategy.leitthemen[0].kuerzel if site.strategy.leitthemen else "ABC",
    )


def _priority_example(site: SiteIndex, at: PurePosixPath) -> PriorityExample | None:
    """The highest-ranked measure's priority, computed as the method page explains."""
    ranked = site.evaluation.ranking.ranked
    rating = ranked[0].measure.bewertung if ranked else None
    if not isinstance(rating, Rating):
        return None
    first = ranked[0]
    values = rating.werte
    terms = tuple(PriorityTerm(c, values[c.id]) for c in site.document.bewertung.kriterien)
    return PriorityExample(
        link=site.measure_link(at, first.measure),
        terms=terms,
        weighted_sum=sum(term.criterion.gewicht * term.value for term in terms),
        priority=first.priority,
    )


# --- Leitthemen and Handlungsfelder ------------------------------------------------------------


@dataclass(frozen=True)
class FieldSummary:
    """A Handlungsfeld on its theme's page: counts, and its measures as table rows."""

    field: FieldOfAction
    link: Link
    status: StatusSummary
    rows: tuple[MeasureRow, ...]


@dataclass(frozen=True)
class ThemeIndexPage(Page):
    template = "theme_index.md.j2"
    cards: tuple[ThemeCard, ...]
    as_of: date | None


@dataclass(frozen=True)
class ThemePage(Page):
    template = "theme.md.j2"
    theme: Theme
    fields: tuple[FieldSummary, ...]
    status: StatusSummary
    bar: tuple[BarSegment, ...]
    rows: tuple[MeasureRow, ...]
    as_of: date | None
    method_link: Link
    status_chart: charts.Chart
    #: The rated measures with the highest priority, highest first.
    top: tuple[MeasureRow, ...]
    priorities_link: Link


@dataclass(frozen=True)
class FieldPage(Page):
    template = "field_of_action.md.j2"
    field: FieldOfAction
    theme: Theme
    theme_link: Link
    status: StatusSummary
    bar: tuple[BarSegment, ...]
    rows: tuple[MeasureRow, ...]
    as_of: date | None
    method_link: Link
    status_chart: charts.Chart
    #: The rated measures with the highest priority, highest first.
    top: tuple[MeasureRow, ...]
    priorities_link: Link


def _theme_cards(site: SiteIndex, at: PurePosixPath) -> tuple[ThemeCard, ...]:
    """One card per Leitthema (start page and Leitthemen overview), linked from `at`."""
    overview = site.overview
    return tuple(
        ThemeCard(
            theme,
            site.theme_link(at, theme),
            len(theme.handlungsfelder),
            overview.status_by_theme[theme.id],
            site.status_bar(overview.status_by_theme[theme.id]),
        )
        for theme in site.strategy.leitthemen
    )


def build_theme_index(site: SiteIndex) -> ThemeIndexPage:
    at = urls.THEMES
    overview = site.overview
    cards = _theme_cards(site, at)
    return ThemeIndexPage(
        path=at,
        title=site.labels.leitthema.mehrzahl,
        source_files=(site.themes_folder(), site.measures_folder()),
        cards=cards,
        as_of=overview.as_of,
    )


def build_theme(site: SiteIndex, theme: Theme) -> ThemePage:
    at = urls.theme_page(theme.id)
    overview = site.overview
    measures = overview.measures_by_theme[theme.id]
    return ThemePage(
        path=at,
        title=theme.titel,
        source_files=(site.theme_file(theme), site.measures_folder(theme)),
        theme=theme,
        fields=tuple(
            FieldSummary(
                f,
                site.field_link(at, f),
                overview.status_by_field[f.id],
                site.measure_rows(at, overview.measures_by_field[f.id]),
            )
            for f in theme.handlungsfelder
        ),
        status=overview.status_by_theme[theme.id],
        bar=site.status_bar(overview.status_by_theme[theme.id]),
        rows=site.measure_rows(at, measures),
        as_of=newest(m.aktualisiert for m in measures),
        method_link=site.link(at, urls.METHOD, "Methode"),
        status_chart=site.status_chart(
            overview.status_by_theme[theme.id],
            f"status-{theme.id}",
            f"Stand der Umsetzung {site.labels.leitthema.im} {theme.titel}",
        ),
        top=_top_rows(site, at, measures),
        priorities_link=site.link(at, urls.EVALUATION_PRIORITIES, "Prioritäten"),
    )


def _top_rows(
    site: SiteIndex, at: PurePosixPath, measures: tuple[Measure, ...]
) -> tuple[MeasureRow, ...]:
    ranked = rank_by_priority(measures, site.document.bewertung)[:TOP_COUNT]
    return tuple(site.measure_row(at, measure) for measure in ranked)


def build_field(site: SiteIndex, field: FieldOfAction) -> FieldPage:
    at = urls.field_page(field.id)
    theme = site.theme_of_field[field.id]
    measures = site.overview.measures_by_field[field.id]
    status = site.overview.status_by_field[field.id]
    return FieldPage(
        path=at,
        title=field.titel,
        source_files=(site.theme_file(theme), site.measures_folder(theme)),
        field=field,
        theme=theme,
        theme_link=site.theme_link(at, theme),
        status=status,
        bar=site.status_bar(status),
        rows=site.measure_rows(at, measures),
        as_of=newest(m.aktualisiert for m in measures),
        method_link=site.link(at, urls.METHOD, "Methode"),
        status_chart=site.status_chart(
            status,
            f"status-{field.id}",
            f"Stand der Umsetzung {site.labels.handlungsfeld.im} {field.titel}",
        ),
        top=_top_rows(site, at, measures),
        priorities_link=site.link(at, urls.EVALUATION_PRIORITIES, "Prioritäten"),
    )

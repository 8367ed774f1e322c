"""Pieces shared by the Auswertung pages: the links between them, numbers as shown (pure).

In: a `SiteIndex`. Out: small views that evaluation_pages.py and coverage_pages.py put on
every Auswertung page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from generator import urls
from generator.derive.evaluation import RankedMeasure
from generator.views.site import Link, SiteIndex
from generator.wording import format_score


@dataclass(frozen=True)
class NotedLink:
    """A link with a few words on what is behind it."""

    link: Link
    note: str


@dataclass(frozen=True)
class EvaluationLinks:
    #: The other Auswertung pages, in navigation order.
    others: tuple[NotedLink, ...]
    method: Link
    catalogue: Link


def evaluation_links(site: SiteIndex, at: PurePosixPath) -> EvaluationLinks:
    theme, field = site.labels.leitthema, site.labels.handlungsfeld
    pages = (
        (urls.EVALUATION, "Auswertung", f"Kennzahlen und Status je {theme.einzahl}"),
        (
            urls.EVALUATION_FIELDS,
            f"Status je {field.einzahl}",
            f"wie weit die Maßnahmen {field.in_jedem} sind",
        ),
        (
            urls.EVALUATION_PRIORITIES,
            "Prioritäten",
            "Prioritätenmatrix und Rangliste aus den Bewertungen",
        ),
        (
            urls.EVALUATION_GOALS,
            f"Nachhaltigkeitsziele je {theme.einzahl}",
            f"welche SDGs die Maßnahmen der {theme.mehrzahl} aufgreifen",
        ),
        (
            urls.EVALUATION_GUIDELINES,
            f"Smart City Charta je {theme.einzahl}",
            "welche Leitlinien der Charta die Maßnahmen aufgreifen",
        ),
        (
            urls.EVALUATION_TIMELINE,
            f"Zeitplan bis {site.document.horizont}",
            "wann die Maßnahmen beginnen und enden",
        ),
    )
    # Optional registries: no link to a coverage page that is not built.
    absent = {
        page
        for page, present in (
            (urls.EVALUATION_GOALS, site.strategy.sdgs),
            (urls.EVALUATION_GUIDELINES, site.strategy.leitlinien),
        )
        if not present
    }
    return EvaluationLinks(
        others=tuple(
            NotedLink(site.link(at, path, text), note)
            for path, text, note in pages
            if path != at and path not in absent
        ),
        method=site.link(at, urls.METHOD, "Methode: Status, Fortschritt und Bewertung"),
        catalogue=site.link(at, urls.CATALOGUE, "Maßnahmenkatalog"),
    )


def point_label(entry: RankedMeasure) -> str:
    """A point's label: the id, with an asterisk for an invented example measure."""
    return f"{entry.measure.id}*" if entry.measure.beispielmassnahme else entry.measure.id


def point_name(entry: RankedMeasure, x_label: str, x: float, y_label: str, y: float) -> str:
    example = " (Beispielwert)" if entry.example else ""
    kind = " (Beispielmaßnahme)" if entry.measure.beispielmassnahme else ""
    return (
        f"{point_label(entry)}{kind}: {entry.measure.titel}. {x_label} {format_score(x)}, "
        f"{y_label} {format_score(y)}, Priorität {format_score(entry.priority)}{example}, "
        f"Rang {entry.rank}"
    )

"""Views of the registry pages: SDGs, Smart City Charta guidelines, Akteure (pure).

In: a `SiteIndex`. Out: an index page per registry listing every entry, and one page per
entry that a measure refers to (entries without measures are listed on the index without a
link: a page with nothing on it helps no reader).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator import urls
from generator.model import Actor, CharterGuideline, Goal, Measure
from generator.views.pages import Page
from generator.views.site import ACTOR_GROUPS, ACTOR_KINDS, Link, MeasureRow, SiteIndex, newest


@dataclass(frozen=True)
class RegistryEntry:
    """One entry on a registry index page; `link` is None when no measure refers to it."""

    title: str
    description: str | None
    link: Link | None
    count: int
    #: How many of the counted measures are invented example measures.
    example_count: int = 0


@dataclass(frozen=True)
class GoalIndexPage(Page):
    template = "goal_index.md.j2"
    entries: tuple[RegistryEntry, ...]
    as_of: date | None


@dataclass(frozen=True)
class GoalPage(Page):
    template = "goal.md.j2"
    goal: Goal
    rows: tuple[MeasureRow, ...]
    as_of: date | None
    index_link: Link
    method_link: Link


@dataclass(frozen=True)
class GuidelineIndexPage(Page):
    template = "charter_index.md.j2"
    entries: tuple[RegistryEntry, ...]
    as_of: date | None


@dataclass(frozen=True)
class GuidelinePage(Page):
    template = "charter_guideline.md.j2"
    guideline: CharterGuideline
    rows: tuple[MeasureRow, ...]
    as_of: date | None
    index_link: Link
    method_link: Link


@dataclass(frozen=True)
class ActorGroup:
    label: str
    entries: tuple[RegistryEntry, ...]


@dataclass(frozen=True)
class ActorIndexPage(Page):
    template = "actor_index.md.j2"
    groups: tuple[ActorGroup, ...]
    as_of: date | None


@dataclass(frozen=True)
class ActorPage(Page):
    template = "actor.md.j2"
    actor: Actor
    kind: str
    responsible_rows: tuple[MeasureRow, ...]
    partner_rows: tuple[MeasureRow, ...]
    as_of: date | None
    index_link: Link
    method_link: Link


def _examples(measures: tuple[Measure, ...]) -> int:
    return sum(1 for m in measures if m.beispielmassnahme)


# --- SDGs ------------------------------------------------------------------------------------


def used_goals(site: SiteIndex) -> list[Goal]:
    return [g for g in site.strategy.sdgs if site.overview.measures_by_goal[g.nummer]]


def build_goal_index(site: SiteIndex) -> GoalIndexPage:
    at = urls.GOALS
    entries = tuple(
        RegistryEntry(
            f"SDG {goal.nummer}: {goal.titel}",
            goal.beschreibung,
            site.goal_link(at, goal) if site.overview.measures_by_goal[goal.nummer] else None,
            len(site.overview.measures_by_goal[goal.nummer]),
            _examples(site.overview.measures_by_goal[goal.nummer]),
        )
        for goal in site.strategy.sdgs
    )
    return GoalIndexPage(
        path=at,
        title="Nachhaltigkeitsziele (SDGs)",
        source_files=(site.registry_file("sdgs.yml"), site.measures_folder()),
        entries=entries,
        as_of=site.overview.as_of,
    )


def build_goal(site: SiteIndex, goal: Goal) -> GoalPage:
    at = urls.goal_page(goal.nummer)
    measures = site.overview.measures_by_goal[goal.nummer]
    return GoalPage(
        path=at,
        title=f"SDG {goal.nummer}: {goal.titel}",
        source_files=(site.registry_file("sdgs.yml"), site.measures_folder()),
        goal=goal,
        rows=site.measure_rows(at, measures),
        as_of=newest(m.aktualisiert for m in measures),
        index_link=site.link(at, urls.GOALS, "Alle Nachhaltigkeitsziele"),
        method_link=site.link(at, urls.METHOD, "Methode"),
    )


# --- Smart City Charta -----------------------------------------------------------------------


def used_guidelines(site: SiteIndex) -> list[CharterGuideline]:
    return [g for g in site.strategy.leitlinien if site.overview.measures_by_guideline[g.id]]


def build_guideline_index(site: SiteIndex) -> GuidelineIndexPage:
    at = urls.GUIDELINES
    by_guideline = site.overview.measures_by_guideline
    entries = tuple(
        RegistryEntry(
            f"Leitlinie {guideline.nummer}: {guideline.titel}",
            guideline.beschreibung,
            site.guideline_link(at, guideline) if by_guideline[guideline.id] else None,
            len(by_guideline[guideline.id]),
            _examples(by_guideline[guideline.id]),
        )
        for guideline in site.strategy.leitlinien
    )
    return GuidelineIndexPage(
        path=at,
        title="Smart City Charta",
        source_files=(site.registry_file("charta.yml"), site.measures_folder()),
        entries=entries,
        as_of=site.overview.as_of,
    )


def build_guideline(site: SiteIndex, guideline: CharterGuideline) -> GuidelinePage:
    at = urls.guideline_page(guideline.id)
    measures = site.overview.measures_by_guideline[guideline.id]
    return GuidelinePage(
        path=at,
        title=f"Leitlinie {guideline.nummer}: {guideline.titel}",
        source_files=(site.registry_file("charta.yml"), site.measures_folder()),
        guideline=guideline,
        rows=site.measure_rows(at, measures),
        as_of=newest(m.aktualisiert for m in measures),
        index_link=site.link(at, urls.GUIDELINES, "Alle Leitlinien der Smart City Charta"),
        method_link=site.link(at, urls.METHOD, "Methode"),
    )


# --- Akteure ---------------------------------------------------------------------------------


def involved_actors(site: SiteIndex) -> list[Actor]:
    """Actors responsible for or partner in at least one measure, sorted by name."""
    overview = site.overview
    return sorted(
        (
            a
            for a in site.strategy.akteure
            if overview.measures_by_responsible[a.id] or overview.measures_by_partner[a.id]
        ),
        key=lambda a: (a.name.casefold(), a.id),
    )


def build_actor_index(site: SiteIndex) -> ActorIndexPage:
    at = urls.ACTORS
    overview = site.overview
    involved = {a.id for a in involved_actors(site)}
    groups = []
    for kind, label in ACTOR_GROUPS.items():
        actors = sorted(
            (a for a in site.strategy.akteure if a.art == kind),
            key=lambda a: (a.name.casefold(), a.id),
        )
        entries = tuple(
            RegistryEntry(
                actor.name,
                actor.beschreibung,
                site.actor_link(at, actor) if actor.id in involved else None,
                len(overview.measures_by_responsible[actor.id])
                + len(overview.measures_by_partner[actor.id]),
                _examples(
                    overview.measures_by_responsible[actor.id]
                    + overview.measures_by_partner[actor.id]
                ),
            )
            for actor in actors
        )
        if entries:
            groups.append(ActorGroup(label, entries))
    return ActorIndexPage(
        path=at,
        title="Akteure",
        source_files=(site.registry_file("akteure.yml"), site.measures_folder()),
        groups=tuple(groups),
        as_of=overview.as_of,
    )


def build_actor(site: SiteIndex, actor: Actor) -> ActorPage:
    at = urls.actor_page(actor.id)
    responsible = site.overview.measures_by_responsible[actor.id]
    partner = site.overview.measures_by_partner[actor.id]
    return ActorPage(
        path=at,
        title=actor.name,
        source_files=(site.registry_file("akteure.yml"), site.measures_folder()),
        actor=actor,
        kind=ACTOR_KINDS[actor.art],
        responsible_rows=site.measure_rows(at, responsible),
        partner_rows=site.measure_rows(at, partner),
        as_of=newest(m.aktualisiert for m in (*responsible, *partner)),
        index_link=site.link(at, urls.ACTORS, "Alle Akteure"),
        method_link=site.link(at, urls.METHOD, "Methode"),
    )

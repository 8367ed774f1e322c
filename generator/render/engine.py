"""Render stage: a validated strategy → Markdown pages and the MkDocs navigation (pure).

In: a `Strategy`. Out: `RenderedSite` — page texts by path relative to MkDocs' docs_dir, and
the `nav` structure. No I/O, no MkDocs import; the same strategy always gives the same output.

Escaping is enforced, not hoped for: the Jinja environment autoescapes, and its `finalize`
rejects any plain string that reaches the output without one of the escaping filters
below (each marks its result as `Markup`). A forgotten filter is an error, not a hole.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator import escape, urls
from generator.charts import evaluation as charts
from generator.check.fieldref import field_description, field_table_cell, render_field_reference
from generator.history.describe import History
from generator.model import Measure, Strategy
from generator.presentation import forge_name
from generator.views.changes import build_changes, measure_history
from generator.views.data import build_data_page
from generator.views.editors import build_editors_page
from generator.views.evaluation import build_evaluation_pages
from generator.views.identity import build_identity
from generator.views.legal import build_site_info_pages
from generator.views.measures import build_catalogue, build_measure
from generator.views.notice import page_notice
from generator.views.pages import (
    Page,
    build_field,
    build_method,
    build_start,
    build_strategy,
    build_theme,
    build_theme_index,
)
from generator.views.pdf_offer import PdfOffer
from generator.views.printable import build_print
from generator.views.registries import (
    build_actor,
    build_actor_index,
    build_goal,
    build_goal_index,
    build_guideline,
    build_guideline_index,
    involved_actors,
    used_goals,
    used_guidelines,
)
from generator.views.site import SiteIndex, goal_title, guideline_title
from generator.wording import (
    format_date,
    format_euro,
    format_number,
    format_percent,
    format_score,
    format_since,
)


@dataclass(frozen=True)
class RenderedSite:
    """The generated pages and the navigation that the engine writes and builds."""

    #: Markdown pages relative to MkDocs' docs_dir.
    pages: dict[PurePosixPath, str]
    #: MkDocs `nav`: single-key dicts of title → path or → nested list; the first entry of a
    #: section is its index page. Titles are HTML (`<`, `>` and entity-like `&` escaped),
    #: because MkDocs and Material insert nav titles into pages unescaped.
    navigation: list[dict[str, Any]]
    #: The edition and data date every page shows (the theme's footer, via the MkDocs hook).
    edition_line: str = ""
    #: The site's name, description, licence line, logo and stylesheet as engine settings
    #: (views/identity.py; the MkDocs hook applies them).
    settings: dict[str, Any] = dataclasses.field(default_factory=dict)
    #: Files beside the pages that are not Markdown: the stylesheet and the logo.
    assets: dict[PurePosixPath, str] = dataclasses.field(default_factory=dict)
    #: The demonstration notice every page shows above its content (views/notice.py); empty
    #: without a `hinweis`.
    notice: dict[str, str] = dataclasses.field(default_factory=dict)


def render_site(
    strategy: Strategy, history: History | None = None, *, pdf: PdfOffer | None = None
) -> RenderedSite:
    """Render every page of the site and its navigation.

    With a `history` (read from Git by the pipeline) the site also gets the Änderungen page
    and each measure page its Verlauf section; with a `pdf` (strategie build --pdf) the
    Druckfassung page offers that file.
    """
    site = SiteIndex(strategy)
    env = _site_env(site)
    env.globals["pdf_edition"] = pdf
    pages: dict[PurePosixPath, str] = {}
    for page in collect_pages(site, history):
        if page.path in pages:
            raise ValueError(f"two pages would be written to {page.path}")
        pages[page.path] = _normalise(env.get_template(page.template).render(page=page))
    identity = build_identity(strategy)
    navigation = build_navigation(site, changes=history is not None)
    return RenderedSite(
        pages,
        navigation,
        edition_line(site),
        identity.engine_settings(),
        identity.files(),
        page_notice(site.document),
    )


def render_data_page(strategy: Strategy) -> str:
    """The Markdown of the Daten page alone (for tests of the exports it describes)."""
    site = SiteIndex(strategy)
    page = build_data_page(strategy)
    return _normalise(_site_env(site).get_template(page.template).render(page=page))


def _site_env(site: SiteIndex) -> Environment:
    env = make_env()
    # What the city calls its levels and its council, for every template and macro.
    env.globals["labels"] = site.labels
    # The forge's name („GitHub“, „GitLab“, „OpenCoDE“) for edit links and the privacy text.
    repository = site.document.repository
    env.globals["forge"] = forge_name(repository.url, repository.plattform) if repository else None
    return env


def collect_pages(site: SiteIndex, history: History | None = None) -> list[Page]:
    """Every page view of the site, in navigation order."""
    strategy = site.strategy
    pages: list[Page] = [build_start(site), build_strategy(site), build_method(site)]
    pages.append(build_theme_index(site))
    for theme in strategy.leitthemen:
        pages.append(build_theme(site, theme))
        pages.extend(build_field(site, field) for field in theme.handlungsfelder)
    pages.extend(
        build_measure(site, m, measure_history(site, history, m.id) if history else None)
        for m in strategy.massnahmen
    )
    pages.append(build_catalogue(site))
    pages.extend(build_evaluation_pages(site))
    # The SDG and Charta registries are optional: without them, no pages.
    if strategy.sdgs:
        pages.append(build_goal_index(site))
        pages.extend(build_goal(site, goal) for goal in used_goals(site))
    if strategy.leitlinien:
        pages.append(build_guideline_index(site))
        pages.extend(build_guideline(site, guideline) for guideline in used_guidelines(site))
    pages.append(build_actor_index(site))
    pages.extend(build_actor(site, actor) for actor in involved_actors(site))
    if history is not None:
        pages.append(build_changes(site, history))
    pages.append(build_print(site))
    pages.extend(build_site_info_pages(site))
    pages += [build_data_page(strategy), build_editors_page(strategy)]
    return pages


def build_navigation(site: SiteIndex, *, changes: bool = False) -> list[dict[str, Any]]:
    """The nested navigation: Leitthema → Handlungsfeld → Maßnahme, registries by entry."""
    overview = site.overview

    def entry(title: str, path: PurePosixPath) -> dict[str, Any]:
        return {nav_title(title): str(path)}

    def section(title: str, children: list[dict[str, Any]]) -> dict[str, Any]:
        return {nav_title(title): children}

    def measure_entries(measures: Iterable[Measure]) -> list[dict[str, Any]]:
        # An example measure says so in the navigation too (and so in the page footer's links).
        return [
            entry(
                f"{m.id}: {m.titel}{' (Beispielmaßnahme)' if m.beispielmassnahme else ''}",
                urls.measure_page(m.id),
            )
            for m in measures
        ]

    labels = site.labels
    themes: list[dict[str, Any]] = [entry(labels.leitthema.mehrzahl, urls.THEMES)]
    for theme in site.strategy.leitthemen:
        children = [entry(theme.titel, urls.theme_page(theme.id))]
        for field in theme.handlungsfelder:
            field_children = [entry(field.titel, urls.field_page(field.id))]
            field_children += measure_entries(overview.measures_by_field[field.id])
            children.append(section(field.titel, field_children))
        without_field = [m for m in overview.measures_by_theme[theme.id] if not m.handlungsfeld]
        children += measure_entries(without_field)
        themes.append(section(theme.titel, children))
    goals, guidelines = bool(site.strategy.sdgs), bool(site.strategy.leitlinien)
    evaluation = [
        entry("Auswertung", urls.EVALUATION),
        entry(f"Status je {labels.handlungsfeld.einzahl}", urls.EVALUATION_FIELDS),
        entry("Prioritäten", urls.EVALUATION_PRIORITIES),
    ]
    if goals:
        evaluation.append(
            entry(f"Nachhaltigkeitsziele je {labels.leitthema.einzahl}", urls.EVALUATION_GOALS)
        )
    if guidelines:
        evaluation.append(
            entry(f"Smart City Charta je {labels.leitthema.einzahl}", urls.EVALUATION_GUIDELINES)
        )
    evaluation.append(entry(f"Zeitplan bis {site.document.horizont}", urls.EVALUATION_TIMELINE))
    navigation = [
        entry("Start", urls.START),
        section(
            "Strategie",
            [entry("Die Strategie", urls.STRATEGY), entry("Methode", urls.METHOD)],
        ),
        section(labels.leitthema.mehrzahl, themes),
        entry("Maßnahmenkatalog", urls.CATALOGUE),
        section("Auswertung", evaluation),
    ]
    if goals:
        navigation.append(
            section(
                "SDGs",
                [entry("Nachhaltigkeitsziele (SDGs)", urls.GOALS)]
                + [entry(goal_title(g), urls.goal_page(g.nummer)) for g in used_goals(site)],
            )
        )
    if guidelines:
        navigation.append(
            section(
                "Charta",
                [entry("Smart City Charta", urls.GUIDELINES)]
                + [
                    entry(guideline_title(g), urls.guideline_page(g.id))
                    for g in used_guidelines(site)
                ],
            )
        )
    navigation.append(
        section(
            "Akteure",
            [entry("Akteure", urls.ACTORS)]
            + [entry(a.name, urls.actor_page(a.id)) for a in involved_actors(site)],
        )
    )
    navigation.append(entry("Daten", urls.DATA))
    if changes:
        navigation.append(entry("Änderungen", urls.CHANGES))
    navigation.append(entry("Daten pflegen", urls.EDITORS))
    # Last: the whole strategy for print, then accessibility offers and legal pages (also
    # linked from every page's footer).
    navigation.append(entry("Druckfassung", urls.PRINT))
    navigation.append(
        section(
            "Über diese Website",
            [
                entry("Über diese Website", urls.SITE_INFO),
                entry("Leichte Sprache", urls.EASY_LANGUAGE),
                entry("Gebärdensprache", urls.SIGN_LANGUAGE),
                entry("Barrierefreiheit", urls.ACCESSIBILITY),
                entry("Datenschutz", urls.PRIVACY),
                entry("Impressum", urls.IMPRINT),
            ],
        )
    )
    return navigation


def nav_title(text: str) -> str:
    """A navigation title as the HTML that MkDocs and Material insert unescaped.

    It becomes the page's title (`page.title`): Material writes it raw into the navigation,
    the header, the breadcrumb and the footer, and through `striptags`, which unescapes it
    once, into `<title>` (docs/theme/main.html escapes it there again). So every "<", ">"
    and every "&" that could start a reference, with or without semicolon, is escaped here;
    a lone "&" (as in "A & B") stays, so that attribute values Material escapes once more
    still read well.
    """
    cleaned = escape.ENTITY_AMPERSAND.sub("&amp;", escape.clean_text(text))
    return cleaned.replace("<", "&lt;").replace(">", "&gt;")


# --- Jinja environment --------------------------------------------------------------------------


def make_env() -> Environment:
    """The one Jinja environment: strict, escaping enforced, every filter registered here."""
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
        finalize=_require_escaped,
        bytecode_cache=_template_cache(),
    )
    filters: dict[str, Callable[..., Markup]] = {
        "md": _markup(escape.markdown_text),
        "html": _markup(escape.html_text),
        "md_url": _markup(escape.markdown_url),
        "html_url": _markup(escape.html_url),
        "comment": _markup(escape.html_comment_text),
        "rich": _markup(escape.render_rich_text),
        "href": _markup(_checked_href),
        "html_href": _markup(lambda link: urls.html_href(_checked_href(link))),
        "date_de": _markup(format_date),
        "since_de": _markup(lambda m: format_since(m.status_seit, m.status_seit_genauigkeit)),
        "number_de": _markup(format_number),
        "priority": _markup(format_score),
        "percent": _markup(format_percent),
        "sortable": _markup(lambda score: f"{float(score):.2f}"),
        "css_percent": _markup(lambda share: f"{float(share):.1f}%"),
        "euro": _markup(format_euro),
        "svg": _markup(_chart_markup),
        "anchor": _markup(_checked_anchor),
        "file_href": _markup(_checked_file_href),
        "field_name": _markup(_checked_field_name),
        "measure_field_meaning": _markup(_measure_field_meaning),
        "field_reference": _markup(_field_reference),
    }
    env.filters.update(filters)
    # The PDF edition the pages offer (views/pdf_offer.py); render_site sets it per build.
    env.globals["pdf_edition"] = None
    return env


def _template_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates, kept in Jinja's private folder in the system's temporary folder.
    Compiling all templates took 0.3 s of every build and every `strategie serve` rebuild,
    as long as rendering the whole bundled strategy. Output does not depend on the cache:
    Jinja compiles a template again when its source changed, and the file names carry a hash
    of this module (the environment's options) and of Jinja's version."""
    fingerprint = hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode())
    try:
        return FileSystemBytecodeCache(pattern=f"__strategie_{fingerprint.hexdigest()[:16]}_%s")
    except (OSError, RuntimeError):  # no usable temporary folder: compile every time
        return None


def _markup(function: Callable[[Any], str]) -> Callable[[Any], Markup]:
    def wrapped(value: Any) -> Markup:
        return Markup(function(value))  # the function escapes for its context

    return wrapped


def _require_escaped(value: Any) -> Any:
    """Jinja finalize: only escaped text and integers may reach a page."""
    if isinstance(value, Markup) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError(
        f"unescaped {type(value).__name__} in a template: pass it through an escaping or "
        f"formatting filter ({value!r:.60})"
    )


_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _checked_anchor(value: str) -> str:
    """An id or slug, lower-cased, as part of an HTML id; ids are checked slugs, so anything
    else is a bug."""
    anchor = str(value).lower()
    if not _ANCHOR.match(anchor):
        raise ValueError(f"not usable as an anchor: {value!r:.60}")
    return anchor


def _chart_markup(chart: charts.Chart) -> str:
    """An SVG chart as built (and escaped) by generator/charts/evaluation.py; nothing else."""
    if not isinstance(chart, charts.Chart):
        raise TypeError(f"not a chart: {type(chart).__name__}")
    return chart.markup


_RELATIVE_HREF = re.compile(r"^(\.\./)*[a-z0-9][a-z0-9/.-]*\.md$")


def _checked_href(link: str) -> str:
    """A link between generated pages: relative, lowercase, ending in .md."""
    if not _RELATIVE_HREF.match(link):
        raise ValueError(f"not a relative page link: {link!r}")
    return link


#: A download beside the page or, with leading „../“, elsewhere in the site (the PDF edition).
_FILE_HREF = re.compile(r"^(?:\.\./)*[a-z0-9][a-z0-9_-]*(?:[./][a-z0-9][a-z0-9_-]*)*$")
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _checked_file_href(link: str) -> str:
    """A relative link to a file in the site: lowercase, no way up except leading „../“."""
    if not _FILE_HREF.match(link):
        raise ValueError(f"not a relative file link: {link!r}")
    return link


def _checked_field_name(name: str) -> str:
    """A field or column name inside a code span: a lowercase identifier, else a bug."""
    if not _FIELD_NAME.match(name):
        raise ValueError(f"not a field name: {name!r}")
    return name


def _measure_field_meaning(name: str) -> str:
    """The meaning of a Maßnahme field as the field reference states it (one source)."""
    return field_table_cell(field_description(Measure, name))


def _field_reference(level: int) -> str:
    """The field reference's Markdown from headings of `level` on, without its first line
    (the generated-from comment of docs/feldreferenz.md)."""
    return render_field_reference(level=level).split("\n", 1)[1].lstrip("\n")


def edition_line(site: SiteIndex) -> str:
    """„Fassung 2020 vom 25. Juni 2020 · Stand der Daten: 1. März 2024“: the newest edition."""
    edition = max(site.document.fortschreibungen, key=lambda e: (e.datum, e.id))
    line = f"Fassung {edition.id} vom {format_date(edition.datum)}"
    as_of = site.overview.as_of
    return f"{line} · Stand der Daten: {format_date(as_of)}" if as_of else line


_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")


def _normalise(text: str) -> str:
    """One blank line at most, no trailing spaces, exactly one final newline."""
    text = _TRAILING_SPACE.sub("\n", text.replace("\r\n", "\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"

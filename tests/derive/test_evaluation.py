"""Auswertung: derived views, and pages whose numbers equal the data in strategy/.

The page tests recompute every number from the YAML files themselves (PyYAML, independent
of the generator's loader and models) and compare them with the rendered tables. They hold
for any city's valid strategy in strategy/ (its own levels' names, statuses, criteria and
optional registries); tests that change data work on a copy of tests/data/minimal.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from render_fixtures import load_case
from render_html import to_html
from repo_paths import MINIMAL, STRATEGY

from generator import urls
from generator.check.validate import load_strategy
from generator.derive.evaluation import (
    DEFAULT_MATRIX_X,
    DEFAULT_MATRIX_Y,
    coverage,
    derive_evaluation,
    matrix_axes,
    priority_matrix,
    rank_measures,
    timeline,
)
from generator.model import PriorityMatrixSetting, Strategy
from generator.render.engine import RenderedSite, render_site

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


# --- Derive ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def minimal() -> Strategy:
    return load_case("minimal")


def test_ranking_keeps_unrated_measures_apart(minimal: Strategy) -> None:
    """Rated measures are ranked 1, 2, … by priority; unrated ones are listed apart, by id."""
    ranking = rank_measures(minimal.massnahmen, minimal.strategie.bewertung)
    assert [(e.measure.id, e.rank) for e in ranking.ranked] == [
        ("VER-01", 1),
        ("LAB-01", 2),
        ("VER-02", 3),
    ]
    assert [m.id for m in ranking.unrated] == ["LAB-02", "VER-03"]
    assert [e.example for e in ranking.ranked] == [True, True, False]
    assert ranking.example_count == 2


def test_matrix_axes_are_weighted_means_of_their_criteria(minimal: Strategy) -> None:
    """y = weighted mean of importance (weight 2) and urgency (1); x = feasibility; bins."""
    scheme = minimal.strategie.bewertung
    axes = matrix_axes(scheme)
    assert axes is not None
    assert [c.id for c in axes.x.criteria] == list(DEFAULT_MATRIX_X)
    assert [c.id for c in axes.y.criteria] == list(DEFAULT_MATRIX_Y)
    assert [float(b) for b in axes.x.bins] == [1, 2, 3, 4, 5]
    assert [float(b) for b in axes.y.bins] == [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]
    matrix = priority_matrix(rank_measures(minimal.massnahmen, scheme), axes)
    first = matrix.points[0]  # VER-01: importance 5, urgency 4, feasibility 3
    assert first.entry.measure.id == "VER-01"
    assert first.x == 3 and first.y == pytest.approx((2 * 5 + 4) / 3)
    assert (axes.x.bins[first.column], axes.y.bins[first.row]) == (Fraction(3), Fraction(9, 2))
    assert matrix.cell(first.column, first.row) == (first,)


def test_matrix_bins_round_halves_up(minimal: Strategy) -> None:
    """A mean exactly between two half steps goes to the upper one; ends are clamped."""
    axes = matrix_axes(minimal.strategie.bewertung)
    assert axes is not None
    bins = axes.y.bins
    assert [float(bins[axes.y.bin_of(v)]) for v in (3.24, 3.25, 3.74, 3.75, 1.0, 5.0)] == [
        3.0,
        3.5,
        3.5,
        4.0,
        1.0,
        5.0,
    ]


def test_matrix_axes_fall_back_for_other_criteria(minimal: Strategy) -> None:
    """Unknown axis ids: the last criterion is x, the others y; one criterion: no matrix."""
    scheme = minimal.strategie.bewertung
    axes = matrix_axes(scheme, x_ids=("kosten",), y_ids=("nutzen",))
    assert axes is not None
    assert [c.id for c in axes.x.criteria] == ["umsetzbarkeit"]
    assert [c.id for c in axes.y.criteria] == ["wichtigkeit", "dringlichkeit", "zielgenauigkeit"]
    custom = matrix_axes(scheme, x_ids=("zielgenauigkeit",), y_ids=("wichtigkeit",))
    assert custom is not None and custom.y.step == 1
    single = scheme.model_copy(update={"kriterien": scheme.kriterien[:1]})
    assert matrix_axes(single) is None


def test_matrix_axes_come_from_strategie_yml(minimal: Strategy) -> None:
    """`bewertung.matrix` chooses the axes; arguments override it."""
    scheme = minimal.strategie.bewertung.model_copy(
        update={
            "matrix": PriorityMatrixSetting(
                waagerecht=["zielgenauigkeit"], senkrecht=["wichtigkeit", "umsetzbarkeit"]
            )
        }
    )
    axes = matrix_axes(scheme)
    assert axes is not None
    assert [c.id for c in axes.x.criteria] == ["zielgenauigkeit"]
    assert [c.id for c in axes.y.criteria] == ["wichtigkeit", "umsetzbarkeit"]
    explicit = matrix_axes(scheme, x_ids=("dringlichkeit",), y_ids=("wichtigkeit",))
    assert explicit is not None and [c.id for c in explicit.x.criteria] == ["dringlichkeit"]


def test_coverage_counts_measures_per_entry_and_theme(minimal: Strategy) -> None:
    """Each measure counts once per referenced entry; totals per row and column."""
    data = derive_evaluation(minimal).goals
    assert data.keys == (4, 9, 11, 16)
    assert data.count(9, "verwaltung") == 2 and data.count(9, "labor") == 0
    assert data.row_total(9) == 2
    assert data.column_total("verwaltung") == 2  # VER-01, VER-02; VER-03 has no SDG
    guidelines = derive_evaluation(minimal).guidelines
    assert guidelines.uncovered == ("leitlinie-2",)
    empty = coverage([], minimal.leitthemen, [1], lambda m: m.sdgs)
    assert empty.maximum == 0 and empty.uncovered == (1,)


def test_timeline_runs_to_the_horizon(minimal: Strategy) -> None:
    """Ongoing measures run to the horizon; later ends are cut; later starts are not drawn."""
    data = timeline(minimal)
    assert (data.first_year, data.horizon) == (2019, 2030)
    by_id = {e.measure.id: e for e in data.entries}
    assert (by_id["VER-02"].end, by_id["VER-02"].ongoing) == (2030, True)
    assert (by_id["VER-01"].start, by_id["VER-01"].end, by_id["VER-01"].ongoing) == (
        2020,
        2024,
        False,
    )
    late = minimal.massnahmen[0].model_copy(
        update={"zeitraum": minimal.massnahmen[0].zeitraum.model_copy(update={"ende": 2035})}
    )
    never = minimal.massnahmen[1].model_copy(
        update={"zeitraum": minimal.massnahmen[1].zeitraum.model_copy(update={"beginn": 2031})}
    )
    changed = timeline(
        minimal.model_copy(update={"massnahmen": [late, never, *minimal.massnahmen[2:]]})
    )
    entries = {e.measure.id: e for e in changed.entries}
    assert (entries[late.id].end, entries[late.id].beyond_horizon) == (2030, True)
    assert entries[never.id].end is None
    assert [group.theme.id for group in data.groups] == ["verwaltung", "labor"]
    assert [e.measure.id for e in data.groups[0].entries] == ["VER-01", "VER-03", "VER-02"]


# --- The real strategy: tables equal the YAML --------------------------------------------------


@dataclass
class Table:
    head: list[list[str]] = field(default_factory=list)
    body: list[list[str]] = field(default_factory=list)
    foot: list[list[str]] = field(default_factory=list)


class _Tables(HTMLParser):
    """Tables of a page by caption id; every cell as its whitespace-collapsed text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, Table] = {}
        self._current: Table | None = None
        self._section = "body"
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._current = Table()
        elif tag == "caption" and self._current is not None:
            self.tables[dict(attrs).get("id") or ""] = self._current
        elif tag in {"thead", "tbody", "tfoot"}:
            self._section = {"thead": "head", "tbody": "body", "tfoot": "foot"}[tag]
        elif tag == "tr":
            self._row = []
        elif tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._current is not None and self._row is not None:
            getattr(self._current, self._section).append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(page: str) -> dict[str, Table]:
    parser = _Tables()
    parser.feed(to_html(page))
    return parser.tables


class YamlData:
    """strategy/ as plain mappings, read with PyYAML only."""

    def __init__(self, root: Path) -> None:
        def read(path: Path) -> Any:
            return yaml.safe_load(path.read_text(encoding="utf-8"))

        self.document = read(root / "strategie.yml")
        self.themes = sorted(
            (read(p) for p in (root / "leitthemen").glob("*.yml")), key=lambda t: t["nummer"]
        )
        self.measures = sorted(
            (read(p) for p in (root / "massnahmen").glob("*/*.yml")), key=lambda m: m["id"]
        )
        self.statuses = [s["id"] for s in self.document["status"]]
        registries = root / "verzeichnisse"
        # Both registries are optional; without one, its pages are not built.
        self.has_goals = (registries / "sdgs.yml").is_file()
        self.has_guidelines = (registries / "charta.yml").is_file()
        self.goals = (
            [g["nummer"] for g in read(registries / "sdgs.yml")["sdgs"]] if self.has_goals else []
        )
        self.guidelines = (
            [g["id"] for g in read(registries / "charta.yml")["leitlinien"]]
            if self.has_guidelines
            else []
        )
        labels = self.document.get("bezeichnungen", {})
        #: What the city calls a Leitthema and its Handlungsfelder (bezeichnungen).
        self.theme_label = labels.get("leitthema", {}).get("einzahl", "Leitthema")
        self.fields_label = labels.get("handlungsfeld", {}).get("mehrzahl", "Handlungsfelder")

    def of_theme(self, theme: dict[str, Any]) -> list[dict[str, Any]]:
        return [m for m in self.measures if m["leitthema"] == theme["id"]]

    def priorities(self, weights: dict[str, Fraction] | None = None) -> dict[str, Fraction]:
        """Σ(gᵢ·wᵢ)/Σgᵢ per rated measure, weights from strategie.yml unless given."""
        if weights is None:
            weights = {
                c["id"]: Fraction(str(c["gewicht"]))
                for c in self.document["bewertung"]["kriterien"]
            }
        result = {}
        for m in self.measures:
            values = m["bewertung"].get("werte")
            if values:
                result[m["id"]] = sum(weights[k] * values[k] for k in weights) / sum(
                    weights.values()
                )
        return result

    def ranking(self, weights: dict[str, Fraction] | None = None) -> list[str]:
        scores = self.priorities(weights)
        return sorted(scores, key=lambda key: (-scores[key], key))


def shown(value: Fraction) -> str:
    """One decimal, half up, decimal comma: the rounding the method page states."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)).replace(".", ",")


@pytest.fixture(scope="module")
def data() -> YamlData:
    return YamlData(STRATEGY)


@pytest.fixture(scope="module")
def site() -> RenderedSite:
    strategy, problems = load_strategy(STRATEGY)
    assert strategy is not None, [p.format() for p in problems]
    return render_site(strategy)


def page(site: RenderedSite, path: PurePosixPath) -> str:
    return site.pages[path]


def test_status_per_theme_equals_the_data(site: RenderedSite, data: YamlData) -> None:
    """The status table counts per Leitthema and status what the YAML files say."""
    table = tables(page(site, urls.EVALUATION))["tabelle-status-leitthemen"]
    labels = [s["bezeichnung"] for s in data.document["status"]]
    assert table.head == [[data.theme_label, *labels, "Summe"]]
    expected = []
    for theme in data.themes:
        counts = [sum(1 for m in data.of_theme(theme) if m["status"] == s) for s in data.statuses]
        expected.append([theme["titel"], *map(str, counts), str(len(data.of_theme(theme)))])
    assert table.body == expected
    totals = [sum(1 for m in data.measures if m["status"] == s) for s in data.statuses]
    assert table.foot == [["Summe", *map(str, totals), str(len(data.measures))]]


def test_status_per_field_equals_the_data(site: RenderedSite, data: YamlData) -> None:
    """One row per Handlungsfeld (a theme without fields: one row), counts from the YAML."""
    table = tables(page(site, urls.EVALUATION_FIELDS))["tabelle-status-handlungsfelder"]
    expected = []
    for theme in data.themes:
        groups = [(f["titel"], f["id"]) for f in theme.get("handlungsfelder", [])]
        lone = f"{theme['titel']} (ohne {data.fields_label})"
        for title, field_id in groups or [(lone, None)]:
            group = [m for m in data.of_theme(theme) if m.get("handlungsfeld") == field_id]
            counts = [sum(1 for m in group if m["status"] == s) for s in data.statuses]
            expected.append([title, theme["titel"], *map(str, counts), str(len(group))])
    assert table.body == expected


def test_key_figures_equal_the_data(site: RenderedSite, data: YamlData) -> None:
    """The key figures on the Auswertung page count measures, ratings and „Stand“ right."""
    text = page(site, urls.EVALUATION)
    rated = [m for m in data.measures if m["bewertung"]["quelle"] != "nicht bewertet"]
    examples = [m for m in rated if m["bewertung"]["quelle"] == "beispiel"]
    figures = dict(
        (label, number)
        for number, label in re.findall(r'kennzahl">([^<]+)</span> ([^<]+)</li>', text)
    )
    invented = sum(1 for m in data.measures if m.get("beispielmassnahme"))
    label = "Maßnahmen"
    if invented:
        label += f": {len(data.measures) - invented} aus öffentlichen Quellen, {invented} "
        label += "Beispielmaßnahme" if invented == 1 else "Beispielmaßnahmen"
    assert figures[label] == str(len(data.measures))
    assert figures[f"bewertet, davon {len(examples)} mit Beispielwerten"] == str(len(rated))
    assert figures["nicht bewertet"] == str(len(data.measures) - len(rated))
    ongoing = sum(1 for m in data.measures if "ende" not in m["zeitraum"])
    assert figures["fortlaufend, ohne Enddatum"] == str(ongoing)
    newest = max(str(m["aktualisiert"]) for m in data.measures)
    year, _, day = (int(part) for part in newest.split("-"))
    assert f"Stand: {day}. " in text and f" {year}" in text


def test_priority_ranking_equals_the_formula(site: RenderedSite, data: YamlData) -> None:
    """Rang, values and priority (one decimal, half up) follow Σ(gᵢ·wᵢ)/Σgᵢ from the YAML."""
    table = tables(page(site, urls.EVALUATION_PRIORITIES))["tabelle-prioritaeten"]
    scores = data.priorities()
    order = data.ranking()
    assert [row[1].split(":")[0] for row in table.body] == order
    criteria = data.document["bewertung"]["kriterien"]
    by_id = {m["id"]: m for m in data.measures}
    for rank, row in enumerate(table.body, start=1):
        measure = by_id[row[1].split(":")[0]]
        values = measure["bewertung"]["werte"]
        example = " (Beispielwert)" if measure["bewertung"]["quelle"] == "beispiel" else ""
        assert row[0] == str(rank)
        assert row[2 : 2 + len(criteria)] == [str(values[c["id"]]) for c in criteria]
        assert row[-1] == shown(scores[measure["id"]]) + example
    unrated = [m["id"] for m in data.measures if m["id"] not in scores]
    listed = re.findall(r"^- \[([A-Z]+-\d+):", page(site, urls.EVALUATION_PRIORITIES), re.M)
    assert listed == unrated


def test_matrix_links_every_ranked_measure(site: RenderedSite, data: YamlData) -> None:
    """Each rated measure is one linked point in the matrix, named with its priority; an
    example measure's label carries an asterisk and its name says „Beispielmaßnahme“."""
    root = _svg(page(site, urls.EVALUATION_PRIORITIES), "auswertung-prioritaeten")
    links = root.findall(f".//{SVG}a")
    scores = data.priorities()
    invented = {m["id"] for m in data.measures if m.get("beispielmassnahme")}
    labels = {key: f"{key}*" if key in invented else key for key in scores}
    assert sorted(a.findtext(f"{SVG}text") or "" for a in links) == sorted(labels.values())
    for link in links:
        label = link.findtext(f"{SVG}text") or ""
        key = label.removesuffix("*")
        name = link.get("aria-label") or ""
        assert link.get(f"{XLINK}href") == f"../massnahmen/{key.lower()}.html"
        assert f"Priorität {shown(scores[key])}" in name
        kind = " (Beispielmaßnahme)" if key in invented else ""
        assert name.startswith(f"{labels[key]}{kind}: ")


@pytest.mark.parametrize(
    ("path", "key", "registry"),
    [
        (urls.EVALUATION_GOALS, "sdgs", "goals"),
        (urls.EVALUATION_GUIDELINES, "charta", "guidelines"),
    ],
)
def test_coverage_tables_and_heatmaps_equal_the_data(
    site: RenderedSite, data: YamlData, path: PurePosixPath, key: str, registry: str
) -> None:
    """SDG/Charta × Leitthema: table cells and the numbers in the heatmap equal the YAML;
    without the registry (it is optional) there is no such page."""
    if not getattr(data, f"has_{registry}"):
        assert path not in site.pages
        return
    text = page(site, path)
    table = tables(text)["tabelle-abdeckung"]
    expected = []
    for entry in getattr(data, registry):
        counts = [
            sum(1 for m in data.of_theme(theme) if entry in m.get(key, [])) for theme in data.themes
        ]
        total = sum(1 for m in data.measures if entry in m.get(key, []))
        expected.append([*map(str, counts), str(total)])
    assert [row[1:] for row in table.body] == expected
    column_totals = [
        str(sum(1 for m in data.of_theme(theme) if m.get(key))) for theme in data.themes
    ]
    assert table.foot == [["Maßnahmen mit Bezug", *column_totals, ""]]
    chart_id = "auswertung-sdg" if key == "sdgs" else "auswertung-charta"
    drawn = [
        t.text
        for t in _svg(text, chart_id).iter(f"{SVG}text")
        if t.get("font-size") == "15" and t.get("text-anchor") == "middle"
    ]
    assert drawn == [cell for row in expected for cell in row]


def test_timeline_table_equals_the_data(site: RenderedSite, data: YamlData) -> None:
    """One row per measure, by theme, start and id; ongoing ones say „fortlaufend“."""
    text = page(site, urls.EVALUATION_TIMELINE)
    table = tables(text)["tabelle-zeitplan"]
    expected = []
    for theme in data.themes:
        for m in sorted(data.of_theme(theme), key=lambda m: (m["zeitraum"]["beginn"], m["id"])):
            end = m["zeitraum"].get("ende")
            expected.append(
                [m["id"], theme["titel"], str(m["zeitraum"]["beginn"]), str(end or "fortlaufend")]
            )
    assert [[row[0].split(":")[0], *row[1:4]] for row in table.body] == expected
    labels = [
        t.text
        for t in _svg(text, "auswertung-zeitplan").iter(f"{SVG}text")
        if re.fullmatch(r"[A-Z]{2,5}-\d{2,3}( \(Beispiel\))?", t.text or "")
    ]
    invented = {m["id"] for m in data.measures if m.get("beispielmassnahme")}
    assert labels == [f"{r[0]} (Beispiel)" if r[0] in invented else r[0] for r in expected]


def test_theme_pages_list_their_top_priorities(site: RenderedSite, data: YamlData) -> None:
    """Each Leitthema page lists its five highest priorities, example values marked."""
    scores = data.priorities()
    for theme in data.themes:
        text = page(site, urls.theme_page(theme["id"]))
        section = text.split("## Höchste Priorität", 1)[1].split("\n## ", 1)[0]
        ids = {m["id"] for m in data.of_theme(theme)}
        top = [key for key in data.ranking() if key in ids][:5]
        items = re.findall(
            r"^1\. \[([A-Z]+-\d+):.*– Priorität ([\d,]+)( \(Beispielwert\))?$", section, re.M
        )
        assert [(key, value) for key, value, _ in items] == [(k, shown(scores[k])) for k in top]
        examples = {m["id"] for m in data.measures if m["bewertung"]["quelle"] == "beispiel"}
        assert [bool(marked) for key, _, marked in items] == [key in examples for key in top]


def test_method_page_states_the_formula_and_weights(site: RenderedSite, data: YamlData) -> None:
    """The method page names each weight, the rounding and a worked example that adds up."""
    text = page(site, urls.METHOD)
    weights = _method_weights(text)
    for criterion in data.document["bewertung"]["kriterien"]:
        assert weights[criterion["bezeichnung"]] == Fraction(str(criterion["gewicht"]))
    assert "Priorität = Σ (gᵢ × wᵢ) ÷ Σ gᵢ" in text
    assert "kaufmännisch gerundet" in text
    first = data.ranking()[0]
    assert f"[{first}:" in text.split("Beispiel:", 1)[1].split("\n", 1)[0]
    assert f"angezeigt als {shown(data.priorities()[first])}." in text


def test_changing_a_weight_changes_the_ranking_as_the_method_page_says(tmp_path: Path) -> None:
    """Raise feasibility's weight in a copy of tests/data/minimal: the ranking follows the
    formula, and changes."""
    copy = tmp_path / "strategy"
    shutil.copytree(MINIMAL, copy)
    data = YamlData(MINIMAL)
    document = copy / "strategie.yml"
    text = document.read_text(encoding="utf-8")
    changed, count = re.subn(
        r"(- id: umsetzbarkeit\n(?:\s+\w+: .*\n)*?\s+gewicht: )1\.5\n", r"\g<1>4\n", text
    )
    assert count == 1
    document.write_text(changed, encoding="utf-8")
    strategy, problems = load_strategy(copy)
    assert strategy is not None, [p.format() for p in problems]
    rendered = render_site(strategy)
    weights = _method_weights(rendered.pages[urls.METHOD])
    assert weights["Umsetzbarkeit"] == 4
    by_name = {c["bezeichnung"]: c["id"] for c in data.document["bewertung"]["kriterien"]}
    stated = {by_name[name]: weight for name, weight in weights.items()}
    table = tables(rendered.pages[urls.EVALUATION_PRIORITIES])["tabelle-prioritaeten"]
    ranked = [row[1].split(":")[0] for row in table.body]
    assert ranked == YamlData(copy).ranking(stated)
    assert ranked != data.ranking()
    # Measures that are very feasible climb: the best-ranked one has the top feasibility.
    feasibility = {
        m["id"]: m["bewertung"].get("werte", {}).get("umsetzbarkeit") for m in data.measures
    }
    assert feasibility[ranked[0]] == 5


# --- helpers -----------------------------------------------------------------------------------


def _svg(text: str, chart_id: str) -> ElementTree.Element:
    match = re.search(rf'<svg [^>]*id="{chart_id}".*?</svg>', text, re.S)
    assert match, chart_id
    return ElementTree.fromstring(match.group(0))


def _method_weights(text: str) -> dict[str, Fraction]:
    """Criterion name → weight, from the method page's table of criteria."""
    section = text.split("### Kriterien", 1)[1].split("###", 1)[0]
    rows = [line.split("|")[1:-1] for line in section.splitlines() if line.startswith("| ")]
    return {
        name.strip(): Fraction(weight.strip().replace(",", ".")) for name, _, weight, _ in rows[1:]
    }

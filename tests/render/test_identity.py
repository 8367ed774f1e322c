"""The site's identity comes from strategie.yml: name, description, licence line, colours, logo.

A small strategy (tests/data/minimal) with a changed title, its own colours and logo is built
online and offline; every page must carry the data's values and none of the bundled city's.
Unit tests pin the checks behind it: the logo's safety, colour contrast, the German forms of
the labels.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from project_copy import REPO, copy_project, run_strategie
from repo_paths import MINIMAL
from test_hostile_html import ACCEPTED

from generator import escape
from generator.check.appearance import contrast_ratio, svg_problem
from generator.check.validate import load_strategy
from generator.editing.scaffold import default_responsible
from generator.exports.downloads import render_exports
from generator.model import Status
from generator.presentation import (
    DEFAULT_ACCENT,
    DEFAULT_PRIMARY,
    Council,
    Label,
    forge_file_address,
    forge_kind,
    forge_name,
)
from generator.render.engine import RenderedSite, render_site
from generator.views.identity import DEFAULT_LOGO, config_text, licence_line
from generator.views.site import status_styles

TITLE = "Titelprobe Nordstadt"
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">'
    '<rect width="4" height="4" fill="#ffffff"/></svg>\n'
)


@pytest.fixture(scope="module")
def identity_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The minimal strategy with another title, colours and logo, built online and offline."""
    root = copy_project(tmp_path_factory.mktemp("identitaet") / "projekt", MINIMAL)
    document = root / "strategy" / "strategie.yml"
    text = document.read_text(encoding="utf-8").replace(
        "titel: Digitale Musterstadt\n", f"titel: {TITLE}\n"
    )
    text += '\nerscheinungsbild:\n  farben:\n    primaer: "#7a1f3d"\n    akzent: "#0b5d1e"\n'
    text += "  logo: wappen.svg\n"
    document.write_text(text, encoding="utf-8")
    (root / "strategy" / "wappen.svg").write_text(LOGO, encoding="utf-8")
    for arguments in (("build",), ("build", "--offline")):
        result = run_strategie(root, *arguments)
        assert result.returncode == 0, result.stdout + result.stderr
    yield root


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("site", ["site", "site-offline"])
def test_changed_title_is_on_every_page(identity_build: Path, site: str) -> None:
    """The title from strategie.yml is in <title>, header and footer of every page, online
    and offline; the old title is in none of them, and the bundled city on no page."""
    pages = _pages(identity_build / site)
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(identity_build).as_posix()
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and title.group(1).strip().endswith(TITLE), name
        header = re.search(
            r'class="md-header__topic">\s*<span class="md-ellipsis">(.*?)</span>', html, re.S
        )
        assert header and header.group(1).strip() == TITLE, name
        assert f'aria-label="{TITLE}"' in html, name
        footer = re.search(r'<div class="md-copyright__highlight">(.*?)</div>', html, re.S)
        assert footer and f"· {TITLE} ·" in footer.group(1), name
        chrome = html.split('<div class="md-content"')[0] + html.split("</article>")[-1]
        assert "Digitale Musterstadt" not in chrome, name
        assert "Gelsenkirchen" not in html, name


def test_description_and_licence_line_come_from_the_data(identity_build: Path) -> None:
    """The meta description is kurzbeschreibung; the footer names the licence of `lizenz`."""
    html = (identity_build / "site" / "index.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description and description.group(1).startswith("Eine kleine Strategie zum Testen")
    footer = re.search(r'<div class="md-copyright__highlight">(.*?)</div>', html, re.S)
    assert footer is not None
    line = " ".join(footer.group(1).split())
    document = (identity_build / "strategy" / "strategie.yml").read_text(encoding="utf-8")
    licence_name = re.search(r"^lizenz:\n  id: (.*)\n  name: (.*)$", document, re.M)
    assert licence_name is not None
    assert line.endswith(f"Inhalte und Daten: {licence_name.group(2)} ({licence_name.group(1)})")


def test_colours_and_logo_come_from_the_data(identity_build: Path) -> None:
    """The city's colours are in a stylesheet loaded before the project's own; the logo is
    the city's file, shown only as an image with an empty alternative."""
    site = identity_build / "site"
    css = (site / "assets" / "erscheinungsbild.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #7a1f3d;" in css
    assert "--md-accent-fg-color: #0b5d1e;" in css
    assert (site / "assets" / "logo.svg").read_text(encoding="utf-8") == LOGO
    html = (site / "index.html").read_text(encoding="utf-8")
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    ours = [s for s in sheets if "assets/erscheinungsbild.css" in s or "strategie.css" in s]
    assert ours and ours[0].endswith("assets/erscheinungsbild.css"), sheets
    assert '<img src="assets/logo.svg" alt="">' in html
    assert '<link rel="icon" href="assets/logo.svg">' in html
    assert "<svg" not in html.split('class="md-header__button md-logo"')[1].split("</a>")[0]


def test_software_config_names_no_city() -> None:
    """mkdocs*.yml hold only the software's settings: no city, title or licence."""
    for name in ("mkdocs.yml", "mkdocs.base.yml", "mkdocs.offline.yml"):
        text = (REPO / name).read_text(encoding="utf-8")
        for city_value in ("Gelsenkirchen", "Vernetzte Stadt", "Datenlizenz", "dl-de"):
            assert city_value not in text, (name, city_value)


# --- the logo's safety ---------------------------------------------------------------------

_SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


@pytest.mark.parametrize(
    ("svg", "code", "detail"),
    [
        (f'<svg {_SVG} onload="alert(1)"/>', "logo_unsafe", "Ereignis-Attribut „onload“"),
        (f"<svg {_SVG}><g><script>alert(1)</script></g></svg>", "logo_unsafe", "<script>"),
        (f"<svg {_SVG}><foreignObject/></svg>", "logo_unsafe", "<foreignObject>"),
        (
            f'<svg {_SVG}><image xlink:href="https://example.org/x.png"/></svg>',
            "logo_unsafe",
            "Verweis „https://example.org/x.png“",
        ),
        (f'<svg {_SVG}><use href="andere.svg#a"/></svg>', "logo_unsafe", "„andere.svg#a“"),
        (
            f"<svg {_SVG}><style>@import url(https://e.org/a.css);</style></svg>",
            "logo_unsafe",
            "<style>",
        ),
        (
            f'<svg {_SVG}><rect style="fill:url(https://e.org/p)"/></svg>',
            "logo_unsafe",
            "Attribut „style“",
        ),
        (
            f'<svg {_SVG}><a href="javascript:alert(1)"><rect/></a></svg>',
            "logo_unsafe",
            "javascript",
        ),
        (
            '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg/>',
            "logo_unsafe",
            "Deklaration",
        ),
        (
            f'<?xml-stylesheet href="a.css"?><svg {_SVG}/>',
            "logo_unsafe",
            "Verarbeitungsanweisung",
        ),
        (
            f'<svg {_SVG}><p xmlns="http://www.w3.org/1999/xhtml">x</p></svg>',
            "logo_unsafe",
            "HTML-Element <p>",
        ),
        ('<svg width="4"/>', "logo_unreadable", "Wurzelelement"),
        ("<svg><g>", "logo_unreadable", "fehlerhaft"),
    ],
)
def test_hostile_or_broken_logos_are_refused(svg: str, code: str, detail: str) -> None:
    """Scripts, handlers, foreign content and references in an SVG are refused, named."""
    found = svg_problem(svg.encode("utf-8"))
    assert found is not None and found[0] == code and detail in found[3], found


def test_plain_logos_pass() -> None:
    """An SVG with shapes, gradients and internal references passes, and so does the default."""
    svg = (
        f'<svg {_SVG} viewBox="0 0 4 4"><defs><linearGradient id="g"/></defs>'
        '<rect fill="url(#g)" width="4" height="4"/><use xlink:href="#g"/></svg>'
    )
    assert svg_problem(svg.encode("utf-8")) is None
    assert svg_problem(DEFAULT_LOGO.encode("utf-8")) is None


# --- colours and wording -------------------------------------------------------------------


def test_contrast_ratio_follows_wcag() -> None:
    """Black on white is 21:1, white on white 1:1; the defaults reach 4.5:1 on white."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(DEFAULT_PRIMARY, "#ffffff") >= 4.5
    assert contrast_ratio(DEFAULT_ACCENT, "#ffffff") >= 4.5


def test_labels_carry_their_articles() -> None:
    """Labels and council names give the German forms with the right articles."""
    task = Label(einzahl="Zukunftsaufgabe", mehrzahl="Zukunftsaufgaben", genus="femininum")
    assert (task.der, task.dem, task.ein, task.zu_dem) == (
        "die Zukunftsaufgabe",
        "der Zukunftsaufgabe",
        "eine Zukunftsaufgabe",
        "zur Zukunftsaufgabe",
    )
    field = Label(einzahl="Handlungsfeld", mehrzahl="Handlungsfelder", genus="neutrum")
    assert (field.der, field.zu_dem) == ("das Handlungsfeld", "zum Handlungsfeld")
    assert (Council().vom, Council().des) == ("vom Rat", "des Rats")
    assembly = Council(name="Stadtverordnetenversammlung", genus="femininum")
    assert (assembly.vom, assembly.beschluss) == (
        "von der Stadtverordnetenversammlung",
        "Beschluss der Stadtverordnetenversammlung",
    )
    assert Council(name="Kreistag").beschluss == "Beschluss des Kreistags"


def test_config_text_is_safe_unescaped_in_text_and_attributes() -> None:
    """Values the theme inserts raw cannot open markup or leave an attribute."""
    assert config_text('Stadt "A" <b> &amp B & C') == (
        "Stadt &quot;A&quot; &lt;b&gt; &amp;amp B & C"
    )
    assert licence_line("Stadt X", "T", "CC BY 4.0", "cc-by-4.0") == (
        "Stadt X · T · Inhalte und Daten: CC BY 4.0 (cc-by-4.0)"
    )


# --- the licence from one source -----------------------------------------------------------

CC_BY = (
    "lizenz:\n  id: cc-by-4.0\n  name: Creative Commons Namensnennung 4.0 International\n"
    "  url: https://creativecommons.org/licenses/by/4.0/\n"
    "  namensnennung: Stadt Musterstadt\n"
)


def test_every_place_names_the_licence_of_the_data(tmp_path: Path) -> None:
    """Footer, pages, downloads and DCAT all name `lizenz` of strategie.yml, no other."""
    shutil.copytree(MINIMAL, tmp_path / "strategy")
    document = tmp_path / "strategy" / "strategie.yml"
    text = document.read_text(encoding="utf-8")
    text = re.sub(r"^lizenz:\n(  .*\n)+", CC_BY, text, flags=re.M)
    document.write_text(text, encoding="utf-8")
    strategy, problems = load_strategy(tmp_path / "strategy")
    assert strategy is not None, problems
    site = render_site(strategy)
    downloads = render_exports(strategy, base_url="https://strategie.example.org/")
    assert site.settings["copyright"].endswith(
        "Inhalte und Daten: Creative Commons Namensnennung 4.0 International (cc-by-4.0)"
    )
    for page in ("daten/index.md", "info/impressum.md", "druckfassung.md", "strategie/index.md"):
        markdown = site.pages[PurePosixPath(page)]
        assert "Creative Commons Namensnennung 4.0 International" in markdown, page
    dcat = downloads[PurePosixPath("daten/dcat.rdf")]
    dcat_text = dcat if isinstance(dcat, str) else dcat.decode("utf-8")
    assert "http://dcat-ap.de/def/licenses/cc-by/4.0" in dcat_text
    workbook = downloads[PurePosixPath("daten/massnahmen.xlsx")]
    assert isinstance(workbook, bytes)
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        names = [name for name in archive.namelist() if name.endswith(".xml")]
        strings = "".join(archive.read(name).decode("utf-8") for name in names)
    assert "Creative Commons Namensnennung 4.0 International (cc-by-4.0" in strings
    # The editors' page lists the known licence ids in the field reference.
    pages = [text for path, text in site.pages.items() if path.name != "mitmachen.md"]
    everything = [*pages, *site.settings.values(), dcat_text, strings]
    assert not [t for t in everything if "dl-de" in t or "Datenlizenz" in t]


# --- labels of the levels and the council --------------------------------------------------

LABELS = """
bezeichnungen:
  leitthema:
    einzahl: Zukunftsaufgabe
    mehrzahl: Zukunftsaufgaben
    genus: femininum
  handlungsfeld:
    einzahl: Bereich
    mehrzahl: Bereiche
    genus: maskulinum
  rat:
    name: Stadtverordnetenversammlung
    genus: femininum
"""


@pytest.fixture(scope="module")
def labelled_site(tmp_path_factory: pytest.TempPathFactory) -> RenderedSite:
    """The minimal strategy with its own names for the levels and the council, kept on
    OpenCoDE, rendered."""
    folder = tmp_path_factory.mktemp("bezeichnungen") / "strategy"
    shutil.copytree(MINIMAL, folder)
    document = folder / "strategie.yml"
    text = document.read_text(encoding="utf-8").replace(
        "url: https://github.com/musterstadt/strategie",
        "url: https://gitlab.opencode.de/musterstadt/strategie",
    )
    document.write_text(text + LABELS, encoding="utf-8")
    strategy, problems = load_strategy(folder)
    assert strategy is not None, problems
    return render_site(strategy)


def test_labels_name_the_levels_in_navigation_and_headings(labelled_site: RenderedSite) -> None:
    """Navigation, page titles, headings, table heads and the catalogue use the city's
    labels with fitting articles; addresses keep their stable ids."""
    navigation = json.dumps(labelled_site.navigation, ensure_ascii=False)
    assert '{"Zukunftsaufgaben": [{"Zukunftsaufgaben": "leitthemen/index.md"}' in navigation
    assert '"Status je Bereich": "auswertung/handlungsfelder.md"' in navigation
    assert "Leitthem" not in navigation and "Handlungsfeld" not in navigation
    pages = {str(path): text for path, text in labelled_site.pages.items()}
    theme_index = pages["leitthemen/index.md"]
    assert "# Zukunftsaufgaben\n" in theme_index
    assert "| Nr. | Zukunftsaufgabe | Bereiche | Maßnahmen |" in theme_index
    assert "Jede Zukunftsaufgabe hat eigene Ziele" in theme_index
    assert "Mehr zur Zukunftsaufgabe:" in theme_index
    theme = pages["leitthemen/verwaltung/index.md"]
    assert "\n## Bereiche\n" in theme and "| Bereich | Maßnahmen |" in theme
    field = pages["handlungsfelder/e-government/index.md"]
    assert "<dt>Zukunftsaufgabe</dt>" in field  # the fact box
    measure = pages["massnahmen/ver-01.md"]
    assert "<dt>Zukunftsaufgabe</dt>" in measure and "<dt>Bereich</dt>" in measure
    catalogue = pages["katalog.md"]
    assert '<label for="katalog-leitthema">Zukunftsaufgabe</label>' in catalogue
    assert 'data-sortierung="handlungsfeld">Bereich</th>' in catalogue
    fields = pages["auswertung/handlungsfelder.md"]
    assert "in jedem Bereich sind, nach Zukunftsaufgaben geordnet" in fields
    assert "Eine Zukunftsaufgabe ohne Bereiche steht mit ihren Maßnahmen" in fields
    start = pages["index.md"]
    assert "## Zukunftsaufgaben\n" in start and "Bereichen" in start
    for text in (theme_index, theme, field, measure, catalogue, start):
        headings = [line for line in text.splitlines() if line.startswith(("#", "|", "- "))]
        assert not [h for h in headings if re.search(r"Leitthem|Handlungsfeld", h)]


def test_council_name_replaces_rat(labelled_site: RenderedSite) -> None:
    """Where the pages name the council, they use its name with the right article."""
    strategy_page = labelled_site.pages[PurePosixPath("strategie/index.md")]
    assert "## Beschluss der Stadtverordnetenversammlung und Fortschreibungen" in strategy_page
    assert "jede von der Stadtverordnetenversammlung beschlossene Fassung" in strategy_page
    start = labelled_site.pages[PurePosixPath("index.md")]
    assert "Prinzipien und Beschluss der Stadtverordnetenversammlung" in start
    generated = [
        line
        for text in labelled_site.pages.values()
        for line in text.splitlines()
        if re.search(r"Ratsbeschluss|vom Rat\b", line)
    ]
    # Only the data's own words (edition titles and decisions of tests/data/minimal) remain.
    assert all("Ratsbeschluss 2020" in line or "Der Rat hat" in line for line in generated)


def test_edit_links_and_privacy_text_follow_the_forge(labelled_site: RenderedSite) -> None:
    """A repository on OpenCoDE (GitLab) gets GitLab edit links named after OpenCoDE."""
    measure = labelled_site.pages[PurePosixPath("massnahmen/ver-01.md")]
    assert (
        "[Diese Maßnahme auf OpenCoDE bearbeiten](https://gitlab.opencode.de/musterstadt/"
        "strategie/-/edit/main/strategy/massnahmen/verwaltung/ver-01.yml)"
    ) in measure
    privacy = labelled_site.pages[PurePosixPath("info/datenschutz.md")]
    assert "zum Bearbeiten der Daten auf OpenCoDE –" in privacy
    editors = labelled_site.pages[PurePosixPath("mitmachen.md")]
    assert "https://gitlab.opencode.de/musterstadt/strategie/-/blob/main/CONTRIBUTING.md" in editors
    assert "GitHub" not in measure + privacy


def test_forge_is_taken_from_the_address_unless_set() -> None:
    """github.com is GitHub; any other host is GitLab unless `plattform` says otherwise."""
    assert forge_kind("https://github.com/a/b", None) == "github"
    assert forge_kind("https://gitlab.stadt.example/a/b", None) == "gitlab"
    assert forge_kind("https://code.stadt.example/a/b", "github") == "github"
    assert forge_name("https://gitlab.stadt.example/a/b", None) == "GitLab"
    assert forge_file_address("https://github.com/a/b/", None, "edit", "main", "x.yml") == (
        "https://github.com/a/b/edit/main/x.yml"
    )
    assert forge_file_address("https://gitlab.com/a/b", None, "blob", "main", "x.yml") == (
        "https://gitlab.com/a/b/-/blob/main/x.yml"
    )


# --- optional registries -------------------------------------------------------------------


def test_strategy_without_sdg_and_charta_registries_has_no_such_pages(tmp_path: Path) -> None:
    """Without sdgs.yml and charta.yml the strategy is valid; their pages, navigation
    entries, coverage pages, key figures and catalogue filter disappear, and no page links
    to them."""
    folder = tmp_path / "strategy"
    shutil.copytree(MINIMAL, folder)
    (folder / "verzeichnisse" / "sdgs.yml").unlink()
    (folder / "verzeichnisse" / "charta.yml").unlink()
    for measure in folder.glob("massnahmen/*/*.yml"):
        text = measure.read_text(encoding="utf-8")
        text = re.sub(r"^(sdgs|charta):\n(  - .*\n)+", "", text, flags=re.M)
        measure.write_text(text, encoding="utf-8")
    strategy, problems = load_strategy(folder)
    assert problems == [] and strategy is not None
    site = render_site(strategy)
    paths = {str(path) for path in site.pages}
    assert not [p for p in paths if p.startswith(("sdg/", "charta/", "auswertung/sdg"))]
    assert "auswertung/charta.md" not in paths
    navigation = json.dumps(site.navigation, ensure_ascii=False)
    assert "SDG" not in navigation and "Charta" not in navigation
    links = re.compile(r"\]\(([^)]*)\)|href=\"([^\"]*)\"")
    for path, text in site.pages.items():
        for match in links.finditer(text):
            target = match.group(1) or match.group(2)
            assert not re.search(r"(^|/)(sdg|charta)/|auswertung/(sdg|charta)\.", target), (
                path,
                target,
            )
    evaluation = site.pages[PurePosixPath("auswertung/index.md")]
    assert "SDGs aufgegriffen" not in evaluation and "Charta-Leitlinien" not in evaluation
    assert "welche Vorrang haben und wann sie laufen." in evaluation
    assert 'id="katalog-sdg"' not in site.pages[PurePosixPath("katalog.md")]


# --- status colours by meaning ----------------------------------------------------------------


def _status(status_id: str, meaning: str | None = None) -> Status:
    return Status(
        id=status_id,
        bezeichnung=status_id,
        definition="Erklärung.",
        aktiv=True,
        **({"bedeutung": meaning} if meaning else {}),
    )


def test_status_colours_follow_meaning_not_order() -> None:
    """„abgeschlossen“ gets the same colour wherever it stands; `bedeutung` names the meaning
    of other ids; unknown or repeated meanings take free colours."""
    usual = status_styles([_status("geplant"), _status("abgeschlossen")])
    reordered = status_styles([_status("abgeschlossen"), _status("in-umsetzung")])
    assert usual["abgeschlossen"] == reordered["abgeschlossen"] == 3
    own = status_styles(
        [_status("erledigt", "abgeschlossen"), _status("laufend", "umsetzung"), _status("neu")]
    )
    assert own == {"erledigt": 3, "laufend": 2, "neu": 0}
    doubled = status_styles([_status("fertig", "abgeschlossen"), _status("abgeschlossen")])
    assert doubled["fertig"] == 3 and doubled["abgeschlossen"] not in (3,)


# --- smaller points ---------------------------------------------------------------------------


def test_start_page_names_the_city_once(tmp_path: Path) -> None:
    """A subtitle that already names the city is not followed by „der Stadt …“ again."""
    folder = tmp_path / "strategy"
    shutil.copytree(MINIMAL, folder)
    document = folder / "strategie.yml"
    text = document.read_text(encoding="utf-8").replace(
        "untertitel: Strategie der digitalen Stadt\n",
        "untertitel: Digitalstrategie der Stadt Musterstadt\n",
    )
    document.write_text(text, encoding="utf-8")
    strategy, problems = load_strategy(folder)
    assert strategy is not None, problems
    start = render_site(strategy).pages[PurePosixPath("index.md")]
    subtitle = '<p class="strategie-titelblock__untertitel">Digitalstrategie der Stadt Musterstadt'
    assert subtitle + "</p>" in start
    assert start.count("der Stadt Musterstadt") == 1


def test_new_measure_defaults_to_the_first_administration_unit() -> None:
    """`strategie neu massnahme` suggests the first administration unit of akteure.yml,
    whatever its id, not an office named „Stabsstelle“."""
    strategy, _ = load_strategy(MINIMAL, "tests/data/minimal")
    assert strategy is not None
    assert default_responsible(strategy) == "amt-digital"


@pytest.mark.parametrize("payload", ACCEPTED)
def test_config_text_stays_text_in_raw_text_and_attributes(payload: str) -> None:
    """Hostile titles that validation lets through stay text where Material inserts
    site_name unescaped: element content and double-quoted attributes."""
    value = config_text(payload)
    found: dict[str, Any] = {"elements": [], "text": ""}

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found["elements"].append((tag, dict(attrs)))

        def handle_data(self, data: str) -> None:
            found["text"] += data

    parser = Collect(convert_charrefs=True)
    parser.feed(f'<a aria-label="{value}" href="index.html">{value}</a>')
    parser.close()
    expected = " ".join(escape.clean_text(payload).split())
    assert [tag for tag, _ in found["elements"]] == ["a"]
    attributes = found["elements"][0][1]
    assert set(attributes) == {"aria-label", "href"}
    assert " ".join(attributes["aria-label"].split()) == expected
    assert " ".join(found["text"].split()) == expected

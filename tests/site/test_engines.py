"""The three engines of `strategie build --engine` on one small strategy, built once per engine.

ProperDocs must build what MkDocs builds, byte for byte but for the generator meta tag;
Zensical must build the same pages with the same headings (h1–h3, text and id), the same
navigation and the same edition line (README, „Engines“). Offline search in a Zensical build
is a browser test (tests/browser/test_engines_search.py).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from project_copy import REPO, copy_project, run_strategie

from generator.errors import UserError
from generator.site import engines

#: The small valid strategy of the message tests: 35 pages, a build in about 15 s.
SMALL = REPO / "tests" / "problems" / "base"
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The small strategy built by each engine (hosted build), once for this module."""
    root = copy_project(tmp_path_factory.mktemp("engines") / "projekt", SMALL)
    sites = {}
    for name in engines.ENGINES:
        target = root.parent / name
        result = run_strategie(root, "build", "--engine", name, "--out", str(target))
        assert result.returncode == 0, result.stdout + result.stderr
        sites[name] = target
    sites["projekt"] = root
    yield sites


def test_properdocs_equals_mkdocs_but_the_generator_tag(builds: dict[str, Path]) -> None:
    """Every file ProperDocs builds is MkDocs' byte for byte, the generator meta tag aside."""
    ours, theirs = builds["mkdocs"], builds["properdocs"]
    assert _files(ours) == _files(theirs)
    differing = []
    for relative in _files(ours):
        a, b = (ours / relative).read_bytes(), (theirs / relative).read_bytes()
        if a != b:
            differing.append(relative)
            assert GENERATOR_TAG.sub(b"", a) == GENERATOR_TAG.sub(b"", b), relative
    # The tag differs on every page, so the comparison above really ran on the pages.
    assert len(differing) == len([f for f in _files(ours) if f.endswith(".html")])


def test_zensical_builds_the_same_pages(builds: dict[str, Path]) -> None:
    """Zensical writes the same HTML pages as MkDocs."""
    pages = {f for f in _files(builds["mkdocs"]) if f.endswith(".html")}
    assert len(pages) > 30
    assert {f for f in _files(builds["zensical"]) if f.endswith(".html")} == pages


@pytest.mark.parametrize("part", ["headings", "navigation", "edition"])
def test_zensical_pages_match_mkdocs(builds: dict[str, Path], part: str) -> None:
    """Each page has MkDocs' headings (h1–h3, text and id), primary navigation (targets and
    titles) and edition line in Zensical's build."""
    mkdocs, zensical = builds["mkdocs"], builds["zensical"]
    pages = sorted(f for f in _files(mkdocs) if f.endswith(".html"))
    expected = {page: _outline(mkdocs, page)[part] for page in pages}
    assert all(expected.values()), f"MkDocs' pages lack {part}"
    assert {page: _outline(zensical, page)[part] for page in pages} == expected


def test_zensical_marks_the_current_page_and_offers_search(builds: dict[str, Path]) -> None:
    """The portable template lines work in Zensical: the search button and the current page's
    mark in the navigation are there, as in MkDocs' build."""
    for name in ("mkdocs", "zensical"):
        page = (builds[name] / "katalog.html").read_text("utf-8")
        assert 'for="__search"' in page, name
        assert page.count("md-nav__link--active") == 1, name


def test_builds_leave_no_generated_files_in_the_project(builds: dict[str, Path]) -> None:
    """The generated configuration and Zensical's output folder are removed after the build."""
    assert sorted(p.name for p in builds["projekt"].glob(".strategie-*")) == []


def test_missing_engine_is_a_german_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine that is not installed stops the command with the catalogue's German text."""
    monkeypatch.setattr(engines.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(UserError) as raised:
        engines.engine("zensical")
    assert str(raised.value) == (
        "Die Engine „zensical“ ist in dieser Python-Umgebung nicht installiert. Installieren "
        "Sie sie mit „pip install -e '.[zensical]'“ (die geprüften Versionen aller Engines "
        "installiert „pip install -r requirements.lock“, wie scripts/setup.sh) oder bauen Sie "
        "ohne --engine mit MkDocs."
    )
    assert raised.value.exit_code == 2


def test_unknown_engine_is_refused_by_the_command_line(tmp_path: Path) -> None:
    """--engine accepts only the three engines, with a German usage error."""
    result = run_strategie(tmp_path, "build", "--engine", "hugo")
    assert result.returncode == 2
    assert "hugo" in result.stderr and "mkdocs" in result.stderr


def test_generated_config_inherits_and_puts_the_colours_first(tmp_path: Path) -> None:
    """The generated configuration INHERITs the one to build, carries the navigation and the
    edition line as given, and puts the colour stylesheet before the inherited stylesheets."""
    import yaml

    from generator.site.engine_config import engine_config_text

    (tmp_path / "basis.yml").write_text(
        "extra_css: [a.css, b.css]\nsite_url: !ENV [SITE_URL, null]\n", encoding="utf-8"
    )
    (tmp_path / "online.yml").write_text("INHERIT: basis.yml\n", encoding="utf-8")
    settings = {
        "site_name": "Stadt: „Titel“ #1",
        "site_description": "Beschreibung",
        "copyright": "Lizenz",
        "logo": "assets/logo.svg",
        "stylesheet": "assets/farben.css",
    }
    navigation = [{"Start": "index.md"}, {"2030": [{"no": "a/index.md"}]}]
    text = engine_config_text(
        tmp_path,
        "online.yml",
        navigation,
        "Fassung 2020",
        settings,
        {},
        engine_settings={"site_dir": ".x", "theme": {"variant": "classic"}},
    )
    data = yaml.safe_load(text)
    assert data["INHERIT"] == "online.yml"
    assert data["extra_css"] == ["assets/farben.css", "a.css", "b.css"]
    assert data["nav"] == navigation
    assert data["site_name"] == "Stadt: „Titel“ #1"
    assert data["extra"] == {"strategie_fassung": "Fassung 2020", "strategie_hinweis": {}}
    assert data["theme"] == {
        "logo": "assets/logo.svg",
        "favicon": "assets/logo.svg",
        "variant": "classic",
    }
    assert data["site_dir"] == ".x"


def test_engine_commands() -> None:
    """MkDocs and ProperDocs take the output folder and the quick preview; Zensical neither."""
    mkdocs, zensical = engines.ENGINES["mkdocs"], engines.ENGINES["zensical"]
    assert engines.build_command(mkdocs, "c.yml", "/tmp/x")[2:] == [
        "mkdocs",
        "build",
        "--strict",
        "-f",
        "c.yml",
        "-d",
        "/tmp/x",
    ]
    assert engines.build_command(zensical, "c.yml", "/tmp/x")[2:] == [
        "zensical",
        "build",
        "--strict",
        "-f",
        "c.yml",
    ]
    assert engines.serve_command(mkdocs, "c.yml", "h:1", quick=True)[-1] == "--dirty"
    assert "--dirty" not in engines.serve_command(zensical, "c.yml", "h:1", quick=True)


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


class _Outline(HTMLParser):
    """Headings, primary navigation links and the edition line of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str | None, str]] = []
        self.navigation: list[tuple[str, str]] = []
        self.edition: list[str] = []
        self._open: tuple[str, Any, list[str]] | None = None
        self._nav_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "nav" and (self._nav_depth or "md-nav--primary" in classes):
            self._nav_depth += 1
        if tag in ("h1", "h2", "h3"):
            self._open = (tag, attributes.get("id"), [])
        elif tag == "a" and self._nav_depth and "md-nav__link" in classes:
            self._open = ("a", attributes.get("href") or "", [])
        elif tag == "p" and "strategie-fassung" in classes:
            self._open = ("p", None, [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
        if self._open is None or tag != self._open[0]:
            return
        kind, detail, parts = self._open
        text = " ".join("".join(parts).split())
        if kind == "a":
            self.navigation.append((detail, text))
        elif kind == "p":
            self.edition.append(text)
        else:
            self.headings.append((kind, detail, text))
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[2].append(data)


def _outline(site: Path, page: str) -> dict[str, Any]:
    parser = _Outline()
    parser.feed((site / page).read_text("utf-8"))
    folder = posixpath.dirname(page)
    # Zensical writes "./x.html" where MkDocs writes "x.html": compare the targets.
    navigation = [
        (posixpath.normpath(posixpath.join(folder, href)) if href[:1] not in ("", "#") else href, t)
        for href, t in parser.navigation
    ]
    return {"headings": parser.headings, "navigation": navigation, "edition": parser.edition}

"""Tests of the build stage, the MkDocs hook and the MkDocs configuration.

Most tests build a throw-away project in a temporary folder: the real configuration, theme
and generator code, with the data stages (validate, render) replaced by small fakes, so
that the engine is tested on its own. `test_real_render_*` build the bundled strategy/ with
the real stages.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from repo_paths import MINIMAL, REPO

from generator.site.build import FALLBACK_EPOCH, _refuse_target, source_date_epoch, write_zip

EPOCH = "1593043200"  # 2020-06-25, the council decision

FAKE_VALIDATE = '''
"""Fake of the validation stage: a fixed strategy; marker files in strategy/ change it."""
from datetime import date
from types import SimpleNamespace as N

from generator.problems import problem


def load_strategy(strategy_dir, *, cache=None):
    if (strategy_dir / "fehler").exists():
        return None, [problem("file_empty", "strategy/strategie.yml", 3, 1, expected="Text")]
    warnings = []
    if (strategy_dir / "warnung").exists():
        warnings.append(problem("no_measures", "strategy/leitthemen/a.yml", 7, 5, id="„x“"))
    title = (strategy_dir / "titel.txt")
    editions = [N(id="2020", datum=date(2020, 6, 25)), N(id="2023", datum=date(2023, 3, 1))]
    city = N(name="Gelsenkirchen", website="https://www.gelsenkirchen.de")
    return N(
        strategie=N(
            titel="Vernetzte Stadt Gelsenkirchen",
            fortschreibungen=editions,
            stadt=city,
            historie_ab=None,
        ),
        titel=title.read_text(encoding="utf-8").strip() if title.exists() else "Start",
        kaputter_link=(strategy_dir / "kaputter-link").exists(),
    ), warnings
'''

FAKE_RENDER = '''
"""Fake of the render stage: a handful of pages shaped like the real ones."""
from dataclasses import dataclass, field
from pathlib import PurePosixPath as P
from typing import Any


@dataclass(frozen=True)
class RenderedSite:
    pages: dict[P, str]
    navigation: list[dict[str, Any]]
    edition_line: str = "Fassung 2023 vom 1. März 2023"
    settings: dict[str, Any] = field(default_factory=dict)
    assets: dict[P, str] = field(default_factory=dict)
    notice: dict[str, str] = field(default_factory=dict)


def render_site(strategy, history=None, *, pdf=None):
    anchor = "gibt-es-nicht" if strategy.kaputter_link else "maßnahmen-ziele"
    pages = {
        P("index.md"): (
            f"<!-- erzeugt aus strategy/strategie.yml -->\\n# {strategy.titel}\\n\\n"
            f"Siehe [Ziele](strategie.md#{anchor}) und "
            "[VER-03](leitthemen/verwaltung/ver-03.md).\\n"
        ),
        P("strategie.md"): "# Strategie\\n\\n## Maßnahmen & Ziele\\n\\nBis 2030.\\n",
        P("leitthemen/index.md"): "# Leitthemen\\n\\n- [Verwaltung](verwaltung/index.md)\\n",
        P("leitthemen/verwaltung/index.md"): (
            "# Digitale Verwaltung\\n\\n- [VER-01](ver-01.md)\\n- [VER-03](ver-03.md)\\n"
        ),
        P("leitthemen/verwaltung/ver-01.md"): (
            "# VER-01: Digitale Bürgerdienste\\n\\nTermine online buchen.\\n"
        ),
        P("leitthemen/verwaltung/ver-03.md"): (
            "# VER-03: Open-Data-Portal\\n\\nDas Portal veröffentlicht Daten seit 2021.\\n\\n"
            "| Feld | Wert |\\n|---|---|\\n| Status | in Umsetzung |\\n"
        ),
        P("katalog.md"): (
            "# Maßnahmenkatalog\\n\\n| Kennung | Titel |\\n|---|---|\\n"
            "| [VER-01](leitthemen/verwaltung/ver-01.md) | Digitale Bürgerdienste |\\n"
            "| [VER-03](leitthemen/verwaltung/ver-03.md) | Open-Data-Portal |\\n"
        ),
        P("daten/massnahmen.json"): \'{"massnahmen": ["VER-01", "VER-03"]}\\n\',
    }
    navigation = [
        {"Start": "index.md"},
        {"Strategie": "strategie.md"},
        {"Leitthemen": [
            "leitthemen/index.md",
            {"Digitale Verwaltung": [
                "leitthemen/verwaltung/index.md",
                {"VER-01": "leitthemen/verwaltung/ver-01.md"},
                {"VER-03": "leitthemen/verwaltung/ver-03.md"},
            ]},
        ]},
        {"Maßnahmenkatalog": "katalog.md"},
    ]
    settings = {
        "site_name": strategy.strategie.titel,
        "site_description": "Die Strategie der Stadt.",
        "copyright": "Stadt Gelsenkirchen · Inhalte und Daten: Lizenz (id)",
        "logo": "assets/logo.svg",
        "stylesheet": "assets/erscheinungsbild.css",
    }
    assets = {
        P("assets/logo.svg"): '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\\n',
        P("assets/erscheinungsbild.css"): ":root { --md-primary-fg-color: #1f4e79; }\\n",
    }
    return RenderedSite(pages, navigation, settings=settings, assets=assets)
'''

FAKE_EXPORTS = '''
"""Fake of the open-data exports: the fake render stage writes its one download itself."""


def render_exports(strategy, *, base_url):
    return {}
'''


# --- helpers -------------------------------------------------------------------------------


def make_project(root: Path, *, fake: bool = True) -> Path:
    """A project folder with this repository's engine; fake data stages unless told."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.base.yml", "mkdocs.offline.yml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "docs" / "theme", root / "docs" / "theme")
    (root / "docs" / "generiert").mkdir()
    (root / "docs" / "generiert" / ".gitkeep").touch()
    shutil.copytree(
        REPO / "generator", root / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    if fake:
        (root / "generator" / "check" / "validate.py").write_text(FAKE_VALIDATE, encoding="utf-8")
        (root / "generator" / "render" / "engine.py").write_text(FAKE_RENDER, encoding="utf-8")
        (root / "generator" / "exports" / "downloads.py").write_text(FAKE_EXPORTS, encoding="utf-8")
        (root / "strategy").mkdir()
    else:
        shutil.copytree(REPO / "strategy", root / "strategy")
    return root


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SOURCE_DATE_EPOCH")}
    env.update({"SOURCE_DATE_EPOCH": EPOCH}, **extra)
    return env


def strategie(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI on `root` with the project's own generator code, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--projekt", str(root), *arguments],
        cwd=root,
        env=environment(PYTHONPATH=str(root)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def mkdocs(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run MkDocs itself on `root` (as mike or a developer would)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *arguments],
        cwd=root,
        env=environment(PYTHONPATH=str(root), NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if re.match(r"\..*-(neu|alt)-", p.name))


def load_config(name: str) -> dict[str, Any]:
    """A config file as data; MkDocs' own YAML tags become plain strings."""

    class Loader(yaml.SafeLoader):
        pass

    def as_text(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> str:
        return f"{node.tag} {getattr(node, 'value', '')}"

    yaml.add_multi_constructor("!", as_text, Loader=Loader)
    yaml.add_multi_constructor("tag:yaml.org,2002:python/", as_text, Loader=Loader)
    with open(REPO / name, encoding="utf-8") as stream:
        loaded: dict[str, Any] = yaml.load(stream, Loader=Loader)
    return loaded


# --- third-party requests --------------------------------------------------------------------

#: URLs that are written in Material's scripts but never requested by this site, and why.
NEVER_REQUESTED = {
    "https://unpkg.com/resize-observer-polyfill": "only in browsers without ResizeObserver "
    "(all current browsers have it, since 2020)",
    "https://unpkg.com/mermaid@": "only for <pre class=mermaid> diagrams; pages have none "
    "(checked in the HTML)",
    "https://api.github.com/": "repository widget, only with repo_url (not set)",
    "https://${e}/api/v4/projects/": "GitLab repository widget, only with repo_url",
    "https://clipboardjs.com/": "licence comment",
    "http://lunrjs.com": "licence comment",
    "http://tartarus.org/~martin/PorterStemmer/js.txt": "comment",
    "https://bit.ly/2s3ChXG": "text of a console warning",
    "https://github.com/MihaiValentin/lunr-languages": "licence comment",
    "http://www.mozilla.org/MPL/": "licence comment",
    "http://code.google.com/p/urim/": "licence comment",
    "http://snowball.tartarus.org/": "licence comment",
    "http://tristen.ca/tablesort/demo/": "tablesort's banner comment",
}

_URL = re.compile(r"""(?:https?:)?//[^\s"'`<>()\\]+""")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I)
#: <link rel> values that make the browser fetch the target.
_FETCHING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}


class _LoadedResources(HTMLParser):
    """Collects every address an HTML page makes the browser load (not links to click)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loaded: list[str] = []
        self.scripts: list[str] = []
        self.inline_css: list[str] = []
        self.mermaid = False
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and values.get("src"):
            self.scripts.append(values["src"])
            self.loaded.append(values["src"])
        if tag == "link" and _FETCHING_RELS & set(values.get("rel", "").lower().split()):
            self.loaded.append(values.get("href", ""))
        if tag in ("img", "iframe", "source", "audio", "video", "embed", "track", "input"):
            self.loaded += [values[a] for a in ("src", "poster") if values.get(a)]
            for candidate in values.get("srcset", "").split(","):
                if candidate.strip():
                    self.loaded.append(candidate.split()[0])
        if tag == "object" and values.get("data"):
            self.loaded.append(values["data"])
        if values.get("style"):
            self.inline_css.append(values["style"])
        if tag == "pre" and "mermaid" in values.get("class", "").split():
            self.mermaid = True
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.inline_css.append(data)


def _css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(4) or "" for m in _CSS_URL.finditer(css)]


def _external(address: str) -> bool:
    address = address.strip()
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", address, re.I)) and not address.startswith(
        "data:"
    )


def _local(site: Path, page: Path, address: str) -> Path:
    if address.startswith("/"):
        return (site / address.lstrip("/")).resolve()
    return (page.parent / address).resolve()


def third_party_requests(site: Path) -> list[str]:
    """Every request to another host that the built site would make, as `file: address`."""
    found: list[str] = []
    scripts: set[Path] = set()
    for page in sorted(site.rglob("*.html")):
        parser = _LoadedResources()
        parser.feed(page.read_text(encoding="utf-8"))
        name = page.relative_to(site).as_posix()
        found += [f"{name}: {a}" for a in parser.loaded if _external(a)]
        found += [
            f"{name}: {u}" for css in parser.inline_css for u in _css_urls(css) if _external(u)
        ]
        if parser.mermaid:
            found.append(f"{name}: <pre class=mermaid> makes Material load Mermaid from a CDN")
        # 404.html uses root-relative addresses ("/assets/…"): it is served at any path.
        scripts |= {_local(site, page, s) for s in parser.scripts if not _external(s)}
        config = re.search(r'<script id="__config"[^>]*>(.*?)</script>', page.read_text("utf-8"))
        if config:
            settings = json.loads(config.group(1))
            scripts.add(_local(site, page, settings["search"]))
    # The search worker loads lunr's German language support next to it.
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    scripts |= {lunr / "lunr.stemmer.support.min.js", lunr / "lunr.de.min.js"}
    for css in sorted(site.rglob("*.css")):
        name = css.relative_to(site).as_posix()
        found += [f"{name}: {u}" for u in _css_urls(css.read_text("utf-8")) if _external(u)]
    for script in sorted(scripts):
        assert script.is_file(), f"the site loads {script}, which is missing"
        for address in _URL.findall(script.read_text(encoding="utf-8")):
            if address.startswith("//") or any(address.startswith(k) for k in NEVER_REQUESTED):
                continue  # "//" starts comments and regular expressions in minified code
            found.append(f"{script.relative_to(site).as_posix()}: {address}")
    return found


# --- configuration ---------------------------------------------------------------------------


def test_online_features_are_the_shared_ones_plus_instant_navigation() -> None:
    """mkdocs.yml repeats the shared feature list (lists do not merge) and adds instant loading."""
    base = load_config("mkdocs.base.yml")["theme"]["features"]
    online = load_config("mkdocs.yml")["theme"]["features"]
    assert [f for f in online if f != "navigation.instant"] == base
    assert "navigation.instant" in online and "navigation.instant" not in base


def test_online_versions_use_mike_with_redirect_aliases() -> None:
    """The hosted site shows Material's version selector; mike's aliases are redirect pages."""
    online = load_config("mkdocs.yml")
    assert online["extra"]["version"]["provider"] == "mike"
    mike = online["plugins"]["mike"]
    assert mike == {"alias_type": "redirect", "redirect_template": "docs/theme/mike-redirect.html"}
    assert (REPO / mike["redirect_template"]).is_file()


def test_offline_config_has_no_instant_navigation_or_version_selector() -> None:
    """The offline bundle adds the offline plugin and the vendored shim, nothing online-only."""
    offline = load_config("mkdocs.offline.yml")
    assert offline["INHERIT"] == "mkdocs.base.yml"
    assert set(offline) == {"INHERIT", "plugins", "extra"}
    assert "offline" in offline["plugins"]
    assert offline["extra"] == {"polyfills": ["assets/vendor/iframe-worker/shim.js"]}
    assert (REPO / "docs" / "theme" / "assets" / "vendor" / "iframe-worker" / "shim.js").is_file()
    assert (REPO / "docs" / "theme" / "assets" / "vendor" / "iframe-worker" / "LICENSE").is_file()


def test_shared_config_avoids_third_parties_and_unsafe_extensions() -> None:
    """No repo_url, no Google Fonts, no generator link, no snippets; search keeps words whole."""
    base = load_config("mkdocs.base.yml")
    assert "repo_url" not in base and "edit_uri" not in base
    assert base["theme"]["font"] is False and base["theme"]["language"] == "de"
    assert base["extra"]["generator"] is False and "social" not in base["extra"]
    assert base["use_directory_urls"] is False
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in base["markdown_extensions"]]
    assert not [e for e in extensions if "snippets" in e]
    search = base["plugins"]["search"]
    assert search["lang"] == "de" and search["pipeline"] == []
    assert base["hooks"] == ["generator/site/mkdocs_hook.py"]


# --- units of build.py -----------------------------------------------------------------------


def test_zip_is_reproducible_and_sorted(tmp_path: Path) -> None:
    """The same files give the same zip bytes, whatever their mtimes; entries are sorted."""
    folder = tmp_path / "site"
    for name in ("b/z.html", "a.html", "b/a.css"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name)
    first = write_zip(folder, tmp_path / "dist" / "one.zip", "top", int(EPOCH)).read_bytes()
    os.utime(folder / "a.html", (0, 0))
    second = write_zip(folder, tmp_path / "dist" / "two.zip", "top", int(EPOCH)).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "dist" / "one.zip") as bundle:
        assert bundle.namelist() == ["top/a.html", "top/b/a.css", "top/b/z.html"]
        assert {i.date_time for i in bundle.infolist()} == {(2020, 6, 25, 0, 0, 0)}
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == ["one.zip", "two.zip"]


def test_source_date_epoch_from_environment_git_or_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SOURCE_DATE_EPOCH wins; else the last commit's time; else 1980 with a German note."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert source_date_epoch(tmp_path) == (1234567890, None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    epoch, note = source_date_epoch(tmp_path)
    assert (epoch, note is not None) == (FALLBACK_EPOCH, True)
    assert note is not None and "SOURCE_DATE_EPOCH" in note
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run(
        [*git, "commit", "-q", "--allow-empty", "-m", "x"],
        check=True,
        env={**os.environ, "GIT_COMMITTER_DATE": "@1600000000 +0000"},
    )
    assert source_date_epoch(tmp_path) == (1600000000, None)


def test_refuses_targets_that_are_not_a_site(tmp_path: Path) -> None:
    """The build never replaces the project, its sources or a folder holding other files
    (an index.html alone does not make a folder ours: it needs the marker or, from before
    the marker, our sitemap and data download too)."""
    project = tmp_path / "projekt"
    (project / "strategy").mkdir(parents=True)
    (tmp_path / "fremd").mkdir()
    (tmp_path / "fremd" / "brief.txt").write_text("x")
    (tmp_path / "nur-index").mkdir()
    (tmp_path / "nur-index" / "index.html").write_text("x")
    (tmp_path / "markiert").mkdir()
    (tmp_path / "markiert" / "index.html").write_text("x")
    (tmp_path / "markiert" / ".strategie-ausgabe").write_text("x")
    (tmp_path / "alt" / "daten").mkdir(parents=True)
    for name in ("index.html", "sitemap.xml", "daten/strategie.json"):
        (tmp_path / "alt" / name).write_text("x")
    for refused in (
        project,
        tmp_path,
        project / "strategy",
        project / "docs" / "x",
        project / ".github" / "x",
        tmp_path / "fremd",
        tmp_path / "nur-index",
    ):
        assert _refuse_target(refused, project), refused
    for allowed in (project / "site", tmp_path / "markiert", tmp_path / "alt", tmp_path / "neu"):
        assert _refuse_target(allowed, project) is None, allowed


# --- builds with the fake data stages -------------------------------------------------------


@pytest.fixture(scope="module")
def fake_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One project built online and offline with the fake data stages."""
    root = make_project(tmp_path_factory.mktemp("fake") / "projekt")
    online = strategie(root, "build")
    offline = strategie(root, "build", "--offline")
    elsewhere = strategie(root, "build", "--offline", "--out", str(root.parent / "usb" / "web"))
    yield {"root": root, "online": online, "offline": offline, "elsewhere": elsewhere}


def test_build_succeeds_and_summarises_in_german(fake_builds: dict[str, Any]) -> None:
    """strategie build exits 0, fills site/ and says in German where to open it."""
    root, online = fake_builds["root"], fake_builds["online"]
    assert online.returncode == 0, online.stdout + online.stderr
    assert online.stdout.startswith("Website gebaut: Fassung 2023, 7 Seiten, in ")
    assert "Öffnen: site/index.html" in online.stdout or "site/index.html" in online.stdout
    for page in ("index.html", "katalog.html", "leitthemen/verwaltung/ver-03.html"):
        assert (root / "site" / page).is_file()
    assert (root / "site" / "daten" / "massnahmen.json").is_file()
    assert (root / "docs" / "generiert" / "index.md").is_file()
    assert leftovers(root) == []


def test_offline_build_makes_zip_named_after_edition(fake_builds: dict[str, Any]) -> None:
    """--offline fills site-offline/ and dist/<name>-<edition>-offline.zip with one top folder."""
    root, offline = fake_builds["root"], fake_builds["offline"]
    assert offline.returncode == 0, offline.stdout + offline.stderr
    archive = root / "dist" / "vernetzte-stadt-gelsenkirchen-2023-offline.zip"
    assert "dist/vernetzte-stadt-gelsenkirchen-2023-offline.zip" in offline.stdout
    with zipfile.ZipFile(archive) as bundle:
        names = bundle.namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"vernetzte-stadt-gelsenkirchen-2023-offline"}
    assert "vernetzte-stadt-gelsenkirchen-2023-offline/search/search_index.js" in names
    # Everything but the folder's marker, which is for the folder, not for the bundle.
    assert len(names) == len(tree_digest(root / "site-offline")) - 1
    assert (root / "site-offline" / ".strategie-ausgabe").is_file()
    # 404.html is for web servers; from disk its root-relative addresses would lead nowhere.
    assert "vernetzte-stadt-gelsenkirchen-2023-offline/404.html" not in names
    assert not (root / "site-offline" / "404.html").exists()
    assert (root / "site" / "404.html").is_file()


def test_offline_build_with_out_puts_the_zip_beside_that_folder(
    fake_builds: dict[str, Any],
) -> None:
    """--offline --out X writes X and the zip into X's parent folder, nothing into dist/."""
    root, result = fake_builds["root"], fake_builds["elsewhere"]
    assert result.returncode == 0, result.stdout + result.stderr
    usb = root.parent / "usb"
    archive = usb / "vernetzte-stadt-gelsenkirchen-2023-offline.zip"
    assert sorted(p.name for p in usb.iterdir()) == [archive.name, "web"]
    said = [line for line in result.stdout.splitlines() if line.startswith("ZIP-Datei")]
    assert len(said) == 1 and said[0].endswith(f" MB): {archive}"), result.stdout
    assert (usb / "web" / "index.html").is_file()
    # Only the zip of the build without --out is in the project's dist/.
    assert [p.name for p in (root / "dist").iterdir()] == [archive.name]


def test_offline_pages_load_the_vendored_shim_and_no_instant_navigation(
    fake_builds: dict[str, Any],
) -> None:
    """Offline pages load iframe-worker from the site itself; online pages do not need it, and
    without mike neither names a version selector."""
    site = fake_builds["root"] / "site-offline"
    page = (site / "leitthemen" / "verwaltung" / "ver-03.html").read_text("utf-8")
    assert '<script src="../../assets/vendor/iframe-worker/shim.js"></script>' in page
    assert "unpkg" not in page and "navigation.instant" not in page
    assert '"version": null' in page
    online = (fake_builds["root"] / "site" / "index.html").read_text("utf-8")
    assert "iframe-worker" not in online
    assert "navigation.instant" in online
    # Built without mike: no version selector, which would ask for a versions.json that only
    # mike writes (the hook drops extra.version; tests/browser/test_publish.py has mike's).
    assert '"version": null' in online and "data-md-component=outdated" not in online


def test_navigation_is_nested_and_pruned(fake_builds: dict[str, Any]) -> None:
    """A measure page renders its own branch; the start page does not list the measures."""
    site = fake_builds["root"] / "site"
    start = (site / "index.html").read_text("utf-8")
    measure = (site / "leitthemen" / "verwaltung" / "ver-03.html").read_text("utf-8")
    assert "ver-01.html" not in start.split('class="md-content"')[0]
    assert 'href="ver-01.html"' in measure


def test_page_not_found_is_german_with_skip_link_and_ways_on(fake_builds: dict[str, Any]) -> None:
    """404.html: German title and h1, a skip link to it, root-relative links and a search form."""
    page = (fake_builds["root"] / "site" / "404.html").read_text("utf-8")
    assert "<title>Seite nicht gefunden - Vernetzte Stadt Gelsenkirchen</title>" in page
    assert '<h1 id="seite-nicht-gefunden">Seite nicht gefunden</h1>' in page
    skip = page.index('class="md-skip"')
    assert page.index('<header class="md-header') > skip > page.index("<body")
    assert '<a href="#seite-nicht-gefunden" class="md-skip"' in page
    assert '<a href="/index.html">Startseite</a>' in page
    assert '<a href="/katalog.html">Maßnahmenkatalog</a>' in page
    assert '<form class="strategie-suche" action="/index.html" method="get" role="search">' in page
    assert "Not found" not in page


#: Theme overrides that are copies of Material's templates, and how many lines each changes.
COPIED_OVERRIDES = {
    "partials/header.html": 1,
    "partials/nav-item.html": 3,
    "partials/search.html": 1,
}
#: Copies whose first and last line choose Zensical's own markup instead (the search dialog).
ENGINE_SWITCH = {
    "partials/search.html": (
        '{%- if config.theme.variant is defined %}{% include "partials/zensical-suche.html" %}'
        "{% else -%}",
        "{%- endif %}",
    ),
}
#: Lines of the copies rewritten so that every engine's template language reads them alike
#: (README, „Engines“): Zensical names the search plugin "search", has no object identity for
#: `==` between a navigation item and the page, but both engines mark the current page active.
PORTABLE_LINES = {
    "partials/header.html": {
        '{% if "material/search" in config.plugins %}': (
            '{% if "material/search" in config.plugins or "search" in config.plugins %}'
        ),
        '{% set search = config.plugins["material/search"] | attr("config") %}': (
            '{% set search = (config.plugins["material/search"] or config.plugins["search"])'
            ' | attr("config") %}'
        ),
    },
    "partials/nav-item.html": {
        '{% set class = "md-nav__link--active" if index == page %}': (
            '{% set class = "md-nav__link--active" if index.active %}'
        ),
        "{% elif nav_item == page %}": "{% elif nav_item.active %}",
    },
}


@pytest.mark.parametrize("name", sorted(COPIED_OVERRIDES))
def test_copied_overrides_only_add_attributes_to_materials_lines(name: str) -> None:
    """Each copied partial is Material's, line for line, but for a few tags with added attributes
    (fails when an update of Material changes the original: copy it again, redo the change)."""
    import material

    original = Path(material.__file__).parent / "templates" / name
    theirs = original.read_text("utf-8").split("-#}\n", 1)[1].splitlines()
    portable = PORTABLE_LINES.get(name, {})
    theirs = [
        line.replace(line.strip(), portable.get(line.strip(), line.strip())) for line in theirs
    ]
    assert sum(line.strip() in portable.values() for line in theirs) == len(portable)
    ours = (REPO / "docs" / "theme" / name).read_text("utf-8").split("-#}\n", 1)[1].splitlines()
    if name in ENGINE_SWITCH:
        first, last = ENGINE_SWITCH[name]
        assert (ours[0], ours[-1]) == (first, last)
        ours = ours[1:-1]
    assert len(ours) == len(theirs), f"{name}: lines added or removed"
    changed = [(a, b) for a, b in zip(theirs, ours, strict=True) if a != b]
    assert len(changed) == COPIED_OVERRIDES[name], changed
    for before, after in changed:
        assert before.endswith(">") and after.startswith(before[:-1]) and after.endswith(">")


def test_german_heading_anchor_works(fake_builds: dict[str, Any]) -> None:
    """„Maßnahmen & Ziele“ gets the anchor maßnahmen-ziele, and links to it pass --strict."""
    page = (fake_builds["root"] / "site" / "strategie.html").read_text("utf-8")
    assert 'id="maßnahmen-ziele"' in page


def test_no_third_party_requests_in_fake_builds(fake_builds: dict[str, Any]) -> None:
    """Neither the hosted nor the offline site makes the browser contact another host."""
    for folder in ("site", "site-offline"):
        assert third_party_requests(fake_builds["root"] / folder) == []


def test_third_party_check_finds_requests(tmp_path: Path) -> None:
    """The check itself catches scripts, stylesheets, images, CSS url() and @import."""
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<link rel="canonical" href="https://example.org/">'
        '<script src="//cdn.example/x.js"></script><img src="https://img.example/a.png">'
        '<div style="background:url(https://img.example/b.png)"></div><a href="https://ok.example/">'
        "<style>@import 'https://font.example/f.css';</style>"
    )
    (tmp_path / "a.css").write_text(
        "body{background:url(data:image/png;base64,AA)}"
        "p{background:url('https://img.example/c.png')}"
    )
    (tmp_path / "assets" / "javascripts" / "lunr" / "min").mkdir(parents=True)
    for name in ("lunr.stemmer.support.min.js", "lunr.de.min.js"):
        (tmp_path / "assets" / "javascripts" / "lunr" / "min" / name).write_text("")
    found = third_party_requests(tmp_path)
    assert found == [
        "index.html: https://cdn.example/x.css",
        "index.html: //cdn.example/x.js",
        "index.html: https://img.example/a.png",
        "index.html: https://img.example/b.png",
        "index.html: https://font.example/f.css",
        "a.css: https://img.example/c.png",
    ]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    """Two builds of the same sources give identical trees (sitemap, search index) and zips."""
    root = make_project(tmp_path / "projekt")
    digests, archives = [], []
    for _ in range(2):
        assert strategie(root, "build").returncode == 0
        assert strategie(root, "build", "--offline").returncode == 0
        digests.append((tree_digest(root / "site"), tree_digest(root / "site-offline")))
        archives.append(next((root / "dist").glob("*.zip")).read_bytes())
        time.sleep(1.1)  # a clock leaking into the output would now show
    assert digests[0] == digests[1]
    assert archives[0] == archives[1]
    sitemap = gzip.decompress((root / "site" / "sitemap.xml.gz").read_bytes())
    assert sitemap == (root / "site" / "sitemap.xml").read_bytes()


@pytest.mark.parametrize("breakage", ["fehler", "kaputter-link", "warnung"])
def test_failed_build_keeps_previous_site(tmp_path: Path, breakage: str) -> None:
    """Invalid data, a broken link or a data warning: exit 1, old site byte-identical, no temp."""
    root = make_project(tmp_path / "projekt")
    assert strategie(root, "build").returncode == 0
    assert strategie(root, "build", "--offline").returncode == 0
    before = (
        tree_digest(root / "site"),
        tree_digest(root / "site-offline"),
        tree_digest(root / "dist"),
    )
    (root / "strategy" / breakage).touch()
    (root / "strategy" / "titel.txt").write_text("Neuer Titel\n")
    online = strategie(root, "build")
    offline = strategie(root, "build", "--offline")
    assert (online.returncode, offline.returncode) == (1, 1)
    after = (
        tree_digest(root / "site"),
        tree_digest(root / "site-offline"),
        tree_digest(root / "dist"),
    )
    assert after == before
    assert leftovers(root) == []
    assert "Die bisherige Website in site/ bleibt unverändert." in online.stderr
    if breakage == "fehler":
        assert online.stderr.startswith(
            "strategy/strategie.yml:3:1: Fehler: Die Datei ist leer. Erwartet wird Text.\n"
            "Bau abgebrochen: 1 Fehler, 0 Warnungen in den Daten"
        )
    if breakage == "kaputter-link":
        assert "does not contain an anchor '#gibt-es-nicht'" in online.stderr
        assert "Bau fehlgeschlagen: MkDocs meldet Probleme (siehe oben)." in online.stderr


def test_build_replaces_previous_site_completely(tmp_path: Path) -> None:
    """A successful build leaves exactly the new site: stale files of the old one are gone."""
    root = make_project(tmp_path / "projekt")
    assert strategie(root, "build").returncode == 0
    (root / "site" / "veraltet.html").write_text("alt")
    (root / "strategy" / "titel.txt").write_text("Neuer Titel\n")
    assert strategie(root, "build").returncode == 0
    assert not (root / "site" / "veraltet.html").exists()
    assert "Neuer Titel" in (root / "site" / "index.html").read_text("utf-8")
    assert oct((root / "site").stat().st_mode & 0o777) == "0o755"
    assert leftovers(root) == []


def test_build_refuses_foreign_out_folder(tmp_path: Path) -> None:
    """--out pointing at a folder with other files is refused (exit 2) and left alone."""
    root = make_project(tmp_path / "projekt")
    foreign = tmp_path / "Dokumente"
    foreign.mkdir()
    (foreign / "brief.txt").write_text("wichtig")
    result = strategie(root, "build", "--out", str(foreign))
    assert result.returncode == 2
    assert "enthält Dateien, aber keine von „strategie build“ gebaute Website" in result.stderr
    assert [p.name for p in foreign.iterdir()] == ["brief.txt"]


def test_hook_reports_problems_and_aborts_in_german(tmp_path: Path) -> None:
    """Plain `mkdocs build`: data errors are logged as file:line:col and stop the build."""
    root = make_project(tmp_path / "projekt")
    (root / "strategy" / "fehler").touch()
    result = mkdocs(root, "build", "--strict", "-d", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (
        "ERROR   -  strategie: strategy/strategie.yml:3:1: Fehler: Die Datei ist leer."
        in result.stderr
    )
    assert "Die Daten in strategy/ enthalten 1 Problem(e), siehe oben." in result.stdout
    assert "Traceback" not in result.stderr


def test_hook_warnings_fail_only_strict_builds(tmp_path: Path) -> None:
    """Data warnings show in any MkDocs build and fail it only with --strict."""
    root = make_project(tmp_path / "projekt")
    (root / "strategy" / "warnung").touch()
    loose = mkdocs(root, "build", "-d", str(tmp_path / "out"))
    assert loose.returncode == 0, loose.stderr
    assert "WARNING -  strategie: strategy/leitthemen/a.yml:7:5: Warnung:" in loose.stderr
    strict = mkdocs(root, "build", "--strict", "-d", str(tmp_path / "out2"))
    assert strict.returncode == 1


def test_regeneration_without_changes_writes_nothing(tmp_path: Path) -> None:
    """A second build leaves every generated page's mtime alone (no serve rebuild loop)."""
    root = make_project(tmp_path / "projekt")
    assert strategie(root, "build").returncode == 0
    generated = root / "docs" / "generiert"
    stamps = {p: p.stat().st_mtime_ns for p in generated.rglob("*") if p.is_file()}
    assert strategie(root, "build").returncode == 0
    assert {p: p.stat().st_mtime_ns for p in generated.rglob("*") if p.is_file()} == stamps


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_builds_once_and_rebuilds_on_data_change(tmp_path: Path) -> None:
    """strategie serve builds once and stays quiet; data or code changes rebuild, then settle."""
    root = make_project(tmp_path / "projekt")
    log = tmp_path / "serve.log"
    generated = root / "docs" / "generiert" / "index.md"
    address = f"127.0.0.1:{_free_port()}"
    command = [sys.executable, "-m", "generator", "--projekt", str(root), "serve"]
    with open(log, "w") as output:
        server = subprocess.Popen(
            [*command, "--adresse", address],
            cwd=root,
            env=environment(PYTHONPATH=str(root)),
            stdout=output,
            stderr=subprocess.STDOUT,
        )

    def builds() -> int:
        """Builds started (a finished one logs "Documentation built" unless it failed)."""
        return log.read_text().count("Building documentation")

    def wait_for(condition: Any, what: str, limit: float = 120) -> None:
        deadline = time.monotonic() + limit
        while not condition():
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"{what}:\n{log.read_text()}"
            time.sleep(0.2)

    def settled() -> int:
        """Wait for 4 s without any output (a rebuild loop never gets there); builds so far."""
        last, quiet_since = log.read_text(), time.monotonic()
        deadline = time.monotonic() + 120
        while time.monotonic() - quiet_since < 4:
            assert time.monotonic() < deadline, f"no quiet moment:\n{log.read_text()}"
            time.sleep(0.2)
            now = log.read_text()
            if now != last:
                last, quiet_since = now, time.monotonic()
        return builds()

    try:
        wait_for(lambda: "Serving on" in log.read_text(), "the preview did not start")
        assert settled() == 1, log.read_text()
        (root / "strategy" / "titel.txt").write_text("Geänderter Titel\n")
        wait_for(lambda: "Geänderter Titel" in generated.read_text(), "no rebuild after data")
        # One rebuild for the change: the pages it wrote do not start another one.
        after_data = settled()
        assert after_data == 2, log.read_text()
        # An edit of the generator's code takes effect in the running preview.
        render = root / "generator" / "render" / "engine.py"
        code = render.read_text().replace("# {strategy.titel}", "# Code: {strategy.titel}")
        render.write_text(code)
        wait_for(lambda: "# Code: Geänderter Titel" in generated.read_text(), "code not reloaded")
        assert settled() == after_data + 1, log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_quick_serve_rebuilds_changed_pages_and_keeps_navigation_and_search_whole(
    tmp_path: Path,
) -> None:
    """`strategie serve --schnell` (MkDocs' dirty rebuilds): a content edit reaches every page
    that shows it, a title edit reaches the navigation of every page, and the search index
    holds each page once, with the new text (Material's own merge would duplicate or drop
    entries when one edit rewrites several pages)."""
    root = make_project(tmp_path / "projekt", fake=False)
    shutil.rmtree(root / "strategy")
    shutil.copytree(MINIMAL, root / "strategy")
    measure = root / "strategy" / "massnahmen" / "labor" / "lab-02.yml"
    log = tmp_path / "serve.log"
    address = f"127.0.0.1:{_free_port()}"
    command = [sys.executable, "-m", "generator", "--projekt", str(root), "serve", "--schnell"]
    with open(log, "w") as output:
        server = subprocess.Popen(
            [*command, "--adresse", address],
            cwd=root,
            env=environment(PYTHONPATH=str(root), PYTHONUNBUFFERED="1"),
            stdout=output,
            stderr=subprocess.STDOUT,
        )

    def get(path: str) -> str:
        with urllib.request.urlopen(f"http://{address}/{path}", timeout=30) as response:
            return str(response.read().decode("utf-8"))

    def wait_for(condition: Any, what: str, limit: float = 120) -> None:
        deadline = time.monotonic() + limit
        while True:
            assert server.poll() is None, log.read_text()
            try:
                if condition():
                    return
            except OSError:  # the server is between builds
                pass
            assert time.monotonic() < deadline, f"{what}:\n{log.read_text()}"
            time.sleep(0.2)

    def index() -> list[dict[str, str]]:
        docs: list[dict[str, str]] = json.loads(get("search/search_index.json"))["docs"]
        return docs

    try:
        wait_for(lambda: "Serving on" in log.read_text(), "the preview did not start")
        before = index()
        pages = {entry["location"].partition("#")[0] for entry in before}
        assert "massnahmen/lab-02.html" in pages and "index.html" in pages
        # A content edit: the short description is on the measure page and the print page.
        text = measure.read_text(encoding="utf-8")
        measure.write_text(text.replace("erkunden die Sensoren", "erkunden Messgeräte"))
        wait_for(lambda: "erkunden Messgeräte" in get("massnahmen/lab-02.html"), "no rebuild")
        wait_for(lambda: "erkunden Messgeräte" in get("druckfassung.html"), "print not rebuilt")
        after = index()
        locations = [entry["location"] for entry in after]
        assert len(locations) == len(set(locations)), "search entries duplicated"
        assert {location.partition("#")[0] for location in locations} == pages
        assert any("erkunden Messgeräte" in entry["text"] for entry in after)
        assert not any("erkunden die Sensoren" in entry["text"] for entry in after)
        # A title edit changes the navigation. LAB-01's page shows LAB-02's title only there
        # (its Markdown is unchanged), so only the full rebuild brings it up to date.
        assert "Lernort Reallabor" in get("massnahmen/lab-01.html")
        measure.write_text(
            measure.read_text(encoding="utf-8").replace("Lernort Reallabor", "Lernort Messfeld")
        )
        wait_for(lambda: "Lernort Messfeld" in get("massnahmen/lab-01.html"), "navigation stale")
        assert "Lernort Reallabor" not in get("massnahmen/lab-01.html")
        assert "dirty" not in log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_refuses_busy_address(tmp_path: Path) -> None:
    """A port already in use ends with a German hint (exit 2) instead of a traceback."""
    root = make_project(tmp_path / "projekt")
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = strategie(root, "serve", "--adresse", f"127.0.0.1:{port}")
    assert result.returncode == 2
    assert result.stderr == (
        f"strategie serve: Die Adresse 127.0.0.1:{port} ist belegt oder nicht verfügbar (läuft "
        "die Vorschau schon?). Wählen Sie mit --adresse einen anderen Port, zum Beispiel "
        "127.0.0.1:8001.\n"
    )


# --- search ----------------------------------------------------------------------------------

SEARCH_HARNESS = r"""
// Runs Material's search worker as the browser does, on a built site's search index.
const vm = require("vm"), fs = require("fs"), path = require("path");
const [workerFile, indexFile, ...queries] = process.argv.slice(2);
let handler, reply;
const context = {
  console, setTimeout, clearTimeout, URL,
  addEventListener: (type, h) => { handler = h; },
  postMessage: (message) => reply(message),
  importScripts: (...urls) => {
    for (const url of urls) {
      const file = path.resolve(path.dirname(workerFile), url);
      vm.runInContext(fs.readFileSync(file, "utf8"), context);
    }
  },
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), context);
const ask = (data) => new Promise((resolve) => { reply = resolve; handler({ data }); });
(async () => {
  const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
  await ask({ type: 0, data: { config: index.config, docs: index.docs, options: {} } });
  const results = {};
  for (const query of queries) {
    const answer = await ask({ type: 2, data: query });
    results[query] = answer.data.items.map((group) => group[0].location);
  }
  console.log(JSON.stringify(results));
})();
"""


def search(site: Path, *queries: str) -> dict[str, list[str]]:
    """Ask Material's own search worker (under Node.js) and return result pages in order."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is needed to run Material's search worker (apt-get install nodejs)")
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    with tempfile.TemporaryDirectory() as scratch:
        harness = Path(scratch) / "search-harness.js"
        harness.write_text(SEARCH_HARNESS, encoding="utf-8")
        index = site / "search" / "search_index.json"
        result = subprocess.run(
            [node, str(harness), str(worker), str(index), *queries],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


def test_search_finds_ids_numbers_and_whole_words(fake_builds: dict[str, Any]) -> None:
    """„VER-03“ ranks its measure first; years and German words are found as typed."""
    found = search(
        fake_builds["root"] / "site",
        "VER-03",
        "ver-0",
        "2030",
        "2021",
        "Bürgerdienste",
        "veröffentlicht",
        "Open",
    )
    assert found["VER-03"][0] == "leitthemen/verwaltung/ver-03.html"
    assert {"leitthemen/verwaltung/ver-01.html", "leitthemen/verwaltung/ver-03.html"} <= set(
        found["ver-0"]
    )
    assert found["2030"] == ["strategie.html#maßnahmen-ziele"]
    assert found["2021"] == ["leitthemen/verwaltung/ver-03.html"]
    assert found["Bürgerdienste"][0] == "leitthemen/verwaltung/ver-01.html"
    assert found["veröffentlicht"] == ["leitthemen/verwaltung/ver-03.html"]
    assert found["Open"][0] == "leitthemen/verwaltung/ver-03.html"


# --- the real render stage on the bundled strategy --------------------------------------------


@pytest.fixture(scope="module")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundled strategy/ built online and offline with the real data stages."""
    root = make_project(tmp_path_factory.mktemp("real") / "projekt", fake=False)
    for arguments in (("build",), ("build", "--offline")):
        result = strategie(root, *arguments)
        assert result.returncode == 0, result.stdout + result.stderr
    yield root


def test_real_render_builds_without_third_party_requests(real_build: Path) -> None:
    """The bundled strategy builds strictly, online and offline, with no third-party request."""
    assert (real_build / "site" / "index.html").is_file()
    assert third_party_requests(real_build / "site") == []
    assert third_party_requests(real_build / "site-offline") == []
    assert leftovers(real_build) == []


def test_real_render_measure_ids_are_searchable(real_build: Path) -> None:
    """Each measure is the first search result for its own id."""
    site = real_build / "site"
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    ids = sorted({m for t in titles for m in re.findall(r"\b[A-Z]{2,5}-\d{2,3}\b", t)})
    assert ids, "no measure id in any page title"
    found = search(site, *ids)
    for measure in ids:
        assert measure.lower() in found[measure][0], (measure, found[measure][:3])


#: Pages whose lists repeat measures: the whole page, or its lists, stay out of the search index.
AGGREGATE_PAGES = re.compile(
    r"^(katalog\.html|druckfassung\.html|(leitthemen|handlungsfelder|akteure|sdg|charta|auswertung)/)"
)


def test_real_render_search_index_lists_each_measure_once(real_build: Path) -> None:
    """The bundled index has no catalogue or print page, is under 600 KB, and no list page
    (Leitthema, Handlungsfeld, registry, Auswertung) names a measure: only its own page does."""
    index_file = real_build / "site" / "search" / "search_index.json"
    size = index_file.stat().st_size
    assert size < 600 * 1024, f"search index {size / 1024:.0f} KB"
    docs = json.loads(index_file.read_text("utf-8"))["docs"]
    pages = {doc["location"].split("#")[0] for doc in docs}
    assert not {"katalog.html", "druckfassung.html"} & pages
    assert any(page.startswith("auswertung/") for page in pages), "Auswertung itself is gone"
    measure_id = re.compile(r"\b[A-Z]{2,5}-\d{2,3}\b")
    repeated = [
        (doc["location"], measure_id.findall(doc["title"] + " " + doc["text"]))
        for doc in docs
        if AGGREGATE_PAGES.match(doc["location"])
        and measure_id.search(doc["title"] + " " + doc["text"])
    ]
    assert repeated == []
    # On a measure page, its rating table (the same criteria on every page) and the list of
    # related measures (each of them has its own page) are left out too.
    titles = {doc["title"] for doc in docs if doc["location"].startswith("massnahmen/")}
    assert not {"Bewertung", "Verwandte Maßnahmen"} & titles
    assert "Beschreibung" in titles


def test_fresh_clone_index_with_history_stays_lean(tmp_path: Path) -> None:
    """In a clone of the project with its Git history (Änderungen page and Verlauf filled),
    the bundled index stays under 600 KB and the Änderungen page names no measure in it."""
    clone = tmp_path / "klon"
    done = subprocess.run(
        ["git", "clone", "-q", str(REPO), str(clone)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    result = strategie(clone, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    index_file = clone / "site" / "search" / "search_index.json"
    size = index_file.stat().st_size
    assert size < 600 * 1024, f"search index {size / 1024:.0f} KB"
    docs = json.loads(index_file.read_text("utf-8"))["docs"]
    changes = [doc for doc in docs if doc["location"].startswith("aenderungen.html")]
    assert changes, "the Änderungen page itself is gone from the index"
    measure_id = re.compile(r"\b[A-Z]{2,5}-\d{2,3}\b")
    assert [d["location"] for d in changes if measure_id.search(d["title"] + d["text"])] == []


def test_real_render_builds_are_byte_identical(real_build: Path, tmp_path: Path) -> None:
    """Building the bundled strategy again gives the same bytes in every file."""
    again = tmp_path / "nochmal"
    result = strategie(real_build, "build", "--out", str(again))
    assert result.returncode == 0, result.stdout + result.stderr
    assert tree_digest(again) == tree_digest(real_build / "site")

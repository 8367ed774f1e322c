"""`strategie veroeffentlichen`: editions published with mike, end to end in a scratch repository.

The module fixture copies the project's data, configuration and theme into a new Git
repository, publishes edition 2020, changes a measure and adds edition 2024 (each edition
tagged), publishes 2024 with --aktuell into a local gh-pages branch, and unpacks that branch.
The tests read the branch; the browser test serves it on 127.0.0.1 and checks the version
selector and the outdated banner in Chromium. Refusals are tested on tests/data/minimal.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest
from git_env import GIT_ENV

from generator.cli.commands import main

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "tests" / "data" / "minimal"
EDITION_2024 = """  - id: "2024"
    titel: Fortschreibung 2024
    datum: 2024-03-01
    beschluss: Der Rat hat die Fortschreibung am 1. März 2024 beschlossen.
    drucksache: "24-20/1234"
    zusammenfassung: Die Online-Beteiligung an der Verkehrsplanung ist abgeschlossen.
"""


def environment() -> dict[str, str]:
    unset = ("SITE_URL", "SOURCE_DATE_EPOCH", "MIKE_DOCS_VERSION", "STRATEGIE_STRENG")
    return {**{k: v for k, v in os.environ.items() if k not in unset}, **GIT_ENV}


def git(root: Path, *arguments: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=environment(),
    )
    return result.stdout


def publish(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the command as an editor would, with this project's environment."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--projekt", str(root), "veroeffentlichen", *arguments],
        cwd=root,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Published:
    root: Path
    served: Path
    address: str
    outputs: list[subprocess.CompletedProcess[str]]

    def read(self, path: str) -> str:
        return (self.served / path).read_text(encoding="utf-8")


#: The legal facts the bundled demonstration leaves to the city (the publication gate asks for
#: them before an edition goes out); test values, replacing the sections at the file's end.
LEGAL_FACTS = """\
impressum:
  herausgeber:
    name: Stadt Teststadt
    anschrift: [Rathausplatz 1, 12345 Teststadt]
    email: mailto:info@teststadt.example.org
  vertreten_durch: Der Bürgermeister
  inhaltlich_verantwortlich:
    name: Erika Muster
    anschrift: [Rathausplatz 1, 12345 Teststadt]
datenschutz:
  beauftragte:
    name: Datenschutzbeauftragte
    email: mailto:datenschutz@teststadt.example.org
  hosting: IT-Dienstleister der Stadt
  speicherdauer_protokolle: 7 Tage
barrierefreiheit:
  erstellt: 2020-06-25
  geprueft: 2020-06-25
  kontakt:
    name: Amt für Digitales
    email: mailto:barrierefrei@teststadt.example.org
"""


def complete_legal_facts(document: Path) -> None:
    """Replace the legal sections at the end of strategie.yml with complete test values."""
    text = document.read_text(encoding="utf-8")
    start = text.index("\nimpressum:\n")
    document.write_text(text[: start + 1] + LEGAL_FACTS, encoding="utf-8")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Published]:
    """Editions 2020 and 2024 published into gh-pages, unpacked and served over http."""
    base = tmp_path_factory.mktemp("veroeffentlichen")
    root = base / "projekt"
    root.mkdir()
    shutil.copytree(REPO / "strategy", root / "strategy")
    complete_legal_facts(root / "strategy" / "strategie.yml")
    for name in ("mkdocs.yml", "mkdocs.base.yml", "mkdocs.offline.yml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "docs" / "theme", root / "docs" / "theme")
    (root / "docs" / "generiert").mkdir()
    (root / "docs" / "generiert" / ".gitkeep").touch()
    # The hook file is named in mkdocs.base.yml (generator/site/mkdocs_hook.py). The whole
    # package is copied, as a city's fork has it: a lone generator/site/ folder in the working
    # directory would shadow the installed generator.site.
    shutil.copytree(
        REPO / "generator", root / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    (root / ".gitignore").write_text("docs/generiert/*\n!docs/generiert/.gitkeep\n")

    served = base / "gh-pages"
    served.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(served))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    address = f"http://127.0.0.1:{server.server_address[1]}/"

    outputs = []
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Fassung 2020")
    git(root, "tag", "fortschreibung-2020")
    outputs.append(publish(root, "--fassung", "2020", "--aktuell", "--site-url", address))
    # The preview from the same data; mike sorts it before the editions, gh_pages.py after.
    outputs.append(publish(root, "--vorschau", "--site-url", address))

    measure = root / "strategy" / "massnahmen" / "verwaltung" / "ver-03.yml"
    edit(measure, "status: in-umsetzung", "status: abgeschlossen")
    edit(
        root / "strategy" / "strategie.yml",
        "fortschreibungen:\n",
        f"fortschreibungen:\n{EDITION_2024}",
    )
    git(root, "commit", "-q", "-am", "Fortschreibung 2024: VER-03 abgeschlossen")
    git(root, "tag", "fortschreibung-2024")
    outputs.append(publish(root, "--fassung", "2024", "--aktuell", "--site-url", address))

    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", "gh-pages"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(served, filter="data")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Published(root, served, address, outputs)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_both_editions_are_published(published: Published) -> None:
    """Both runs succeed and say in German what they published, without pushing."""
    assert published.outputs[1].returncode == 0, published.outputs[1].stdout
    editions = (published.outputs[0], published.outputs[2])
    for output, edition in zip(editions, ("2020", "2024"), strict=True):
        assert output.returncode == 0, output.stdout + output.stderr
        assert output.stdout.startswith(
            f"Veröffentlicht: die Fassung {edition} als Version „{edition}“ mit dem Alias "
            "„aktuell“ (Startadresse der Website) im Zweig gh-pages.\nNoch nicht hochgeladen."
        )


def test_versions_json_lists_both_with_aktuell_on_the_newest(published: Published) -> None:
    """versions.json: 2024 first with the alias, 2020 without, the marked preview last."""
    versions = json.loads(git(published.root, "show", "gh-pages:versions.json"))
    assert versions == [
        {"version": "2024", "title": "Fassung 2024", "aliases": ["aktuell"]},
        {"version": "2020", "title": "Fassung 2020", "aliases": []},
        {"version": "vorschau", "title": "Vorschau (Entwurf)", "aliases": []},
    ]


def test_aliases_are_german_redirect_pages_not_symlinks(published: Published) -> None:
    """aktuell/ pages are HTML redirects to 2024/; the site root redirects to aktuell/."""
    entries = git(published.root, "ls-tree", "-r", "gh-pages", "--", "aktuell").splitlines()
    assert entries and all(line.startswith("100644 blob ") for line in entries)
    pages = [line for line in entries if not re.search(r"\taktuell/(feed\.xml|daten/)", line)]
    assert len(pages) > 100 and all(line.endswith(".html") for line in pages)
    start = published.read("aktuell/index.html")
    assert '<html lang="de">' in start and "Weiterleitung" in start
    assert 'window.location.replace("../2024/index.html"' in start
    measure = published.read("aktuell/massnahmen/ver-03.html")
    assert 'url=../../2024/massnahmen/ver-03.html"' in measure
    assert 'window.location.replace("aktuell/"' in published.read("index.html")


def test_current_edition_has_its_feed_and_downloads_at_stable_addresses(
    published: Published,
) -> None:
    """aktuell/feed.xml and aktuell/daten/… are the files of 2024, not redirect pages."""
    downloads = sorted(
        path.relative_to(published.served / "2024")
        for path in (published.served / "2024" / "daten").rglob("*")
        if path.is_file()
    )
    assert len(downloads) >= 4
    for relative in [Path("feed.xml"), *downloads]:
        current = (published.served / "aktuell" / relative).read_bytes()
        assert current == (published.served / "2024" / relative).read_bytes(), relative
    # Served over http like every other file.
    with urlopen(f"{published.address}aktuell/feed.xml") as response:
        assert response.status == 200
        assert ET.fromstring(response.read()).tag == "{http://www.w3.org/2005/Atom}feed"


def test_root_has_the_current_editions_404_page(published: Published) -> None:
    """gh-pages has a 404.html at its root: the German page of 2024, with root-relative links."""
    page = published.read("404.html")
    assert page == published.read("2024/404.html")
    assert '<h1 id="seite-nicht-gefunden">Seite nicht gefunden</h1>' in page
    assert 'href="/2024/katalog.html"' in page


def test_sitemap_lists_the_bare_edition_address(published: Published) -> None:
    """Each edition's sitemap lists its folder address first (the version selector needs it)."""
    for edition in ("2020", "2024"):
        sitemap = ET.fromstring(published.read(f"{edition}/sitemap.xml").encode("utf-8"))
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        addresses = [loc.text for loc in sitemap.findall("s:url/s:loc", ns)]
        assert addresses[0] == f"{published.address}{edition}/"
        assert f"{published.address}{edition}/massnahmen/ver-03.html" in addresses


def test_each_edition_names_itself_on_every_page(published: Published) -> None:
    """The footer of every page of a version names that version's edition and data date."""
    for edition, line in (
        ("2020", "Fassung 2020 vom 25. Juni 2020"),
        ("2024", "Fassung 2024 vom 1. März 2024"),
    ):
        pages = sorted((published.served / edition).rglob("*.html"))
        assert len(pages) > 100
        for page in pages:
            assert line in page.read_text(encoding="utf-8"), page


def test_changed_measure_shows_the_change(published: Published) -> None:
    """VER-03's status change is on its page (Verlauf) and on the Änderungen page of 2024."""
    measure = published.read("2024/massnahmen/ver-03.html")
    assert '<h2 id="verlauf">Verlauf' in measure
    assert (
        '<a href="../aenderungen.html#fassung-2024">Fassung 2024, 1. März 2024</a>: '
        "Status in Umsetzung → abgeschlossen"
    ) in measure
    changes = published.read("2024/aenderungen.html")
    section = changes[changes.index('id="fassung-2024"') : changes.index('id="fassung-2020"')]
    assert '<a href="massnahmen/ver-03.html">VER-03: ' in section
    assert "<li>Status in Umsetzung → abgeschlossen</li>" in section
    assert '<a href="feed.xml">Atom-Feed</a>' in changes


def test_feed_links_to_the_stable_address(published: Published) -> None:
    """The current edition's feed names aktuell/feed.xml as itself and links into aktuell/,
    so subscribers follow the next edition; entry ids do not depend on the address."""
    feed = ET.fromstring(published.read("aktuell/feed.xml").encode("utf-8"))
    atom = {"a": "http://www.w3.org/2005/Atom"}
    self_link = feed.find("a:link[@rel='self']", atom)
    assert self_link is not None
    assert self_link.get("href") == f"{published.address}aktuell/feed.xml"
    entry = next(
        e
        for e in feed.findall("a:entry", atom)
        if (e.findtext("a:id", namespaces=atom) or "").endswith(":strategie/fassung-2024")
    )
    content = entry.findtext("a:content", namespaces=atom) or ""
    assert f'href="{published.address}aktuell/massnahmen/ver-03.html"' in content
    assert "2024/" not in ET.tostring(feed, encoding="unicode").replace("fassung-2024", "")


def test_older_edition_carries_the_banner_text(published: Published) -> None:
    """The outdated banner (shown by Material's script) says it in German, with a link."""
    page = published.read("2020/index.html")
    assert "Sie sehen eine ältere Fassung der Strategie." in page
    assert '<a href="./../aktuell/index.html"><strong>Zur aktuellen Fassung</strong></a>' in page


@pytest.mark.browser
def test_selector_lists_both_and_old_edition_shows_banner(
    published: Published, browser: Any
) -> None:
    """Over http: the start redirects to 2024, the selector lists both editions, 2020 warns;
    no script error and no failed request on the way (mike's build, versions.json present)."""
    # The session's shared Chromium (tests/browser/conftest.py): a second sync Playwright
    # instance cannot run beside it.
    context = browser.new_context()
    problems: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
        page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: {m.text}"))
        page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
        page.goto(published.address)
        page.wait_for_url(re.compile(r"/2024/index\.html$"))
        page.wait_for_selector(".md-version__current")
        # Each entry: the version's title, then its aliases in a span of their own.
        shown = page.eval_on_selector_all(
            ".md-version__current, .md-version__list .md-version__link",
            "items => items.map(i => [...i.childNodes]"
            "  .map(n => n.textContent.trim()).filter(text => text))",
        )
        assert shown == [
            ["Fassung 2024", "aktuell"],
            ["Fassung 2024", "aktuell"],
            ["Fassung 2020"],
            ["Vorschau (Entwurf)"],
        ]
        assert page.is_hidden("[data-md-component=outdated]")

        page.goto(f"{published.address}2020/index.html")
        banner = page.locator("[data-md-component=outdated]")
        banner.wait_for(state="visible")
        assert "Sie sehen eine ältere Fassung der Strategie." in banner.inner_text()
        banner.get_by_role("link", name="Zur aktuellen Fassung").click()
        page.wait_for_url(re.compile(r"/2024/index\.html$"))
        page.goto(f"{published.address}2024/auswertung/prioritaeten.html")
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert problems == []
    finally:
        context.close()


@pytest.mark.browser
def test_switching_editions_keeps_the_page(published: Published, browser: Any) -> None:
    """Choosing 2020 in the selector on 2024's VER-03 page opens 2020's VER-03 page, and back."""
    context = browser.new_context()
    try:
        page = context.new_page()
        for here, there, title in (
            ("2024", "2020", "Fassung 2020"),
            ("2020", "2024", "Fassung 2024"),
        ):
            page.goto(f"{published.address}{here}/massnahmen/ver-03.html#verlauf")
            page.hover(".md-version")
            page.locator(".md-version__list .md-version__link", has_text=title).click()
            page.wait_for_url(re.compile(rf"/{there}/massnahmen/ver-03\.html#verlauf$"))
            assert page.locator("h1").first.inner_text().startswith("VER-03")
    finally:
        context.close()


# --- refusals ----------------------------------------------------------------------------------


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    """tests/data/minimal (editions 2020 and 2024) as a project outside Git."""
    shutil.copytree(MINIMAL, tmp_path / "strategy")
    return tmp_path


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--fassung", "2021"],
            "„2021“ ist keine Fassung in strategy/strategie.yml (fortschreibungen). "
            "Vorhanden: 2020, 2024. Für die Vorschau: --vorschau.",
        ),
        (
            ["--fassung", "2020"],
            "Die Daten im Arbeitsverzeichnis sind die Fassung 2024, nicht 2020. Eine frühere "
            "Fassung veröffentlichen Sie aus ihrem eigenen Stand, etwa nach „git checkout "
            "fortschreibung-2020“.",
        ),
        (
            ["--vorschau", "--aktuell"],
            "Die Vorschau wird nie zur aktuellen Fassung; --aktuell gilt nur mit --fassung.",
        ),
        (
            [],
            "Es fehlt, was veröffentlicht werden soll: --fassung KENNUNG (etwa --fassung 2020) "
            "oder --vorschau.",
        ),
        (
            ["--fassung", "2024", "--site-url", "stadt.example"],
            "--site-url „stadt.example“ ist keine erlaubte Adresse der Website. Erwartet wird "
            "eine Adresse mit https:// oder http:// ohne Leerzeichen, Anführungszeichen, spitze "
            "Klammern, Steuerzeichen, „?“ oder „#“, etwa https://stadt.github.io/strategie/.",
        ),
    ],
)
def test_refusals_are_german_usage_errors(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    """A version that is not the data's edition, or a wrong combination, exits 2 with a hint."""
    code = main(["--projekt", str(minimal_project), "veroeffentlichen", *arguments])
    captured = capsys.readouterr()
    assert (code, captured.out, captured.err) == (2, "", f"strategie veroeffentlichen: {message}\n")


def test_refuses_outside_git(minimal_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The newest edition outside a Git repository: exit 2, nothing published."""
    os.environ["GIT_CEILING_DIRECTORIES"] = str(minimal_project.parent)
    try:
        code = main(["--projekt", str(minimal_project), "veroeffentlichen", "--fassung", "2024"])
    finally:
        del os.environ["GIT_CEILING_DIRECTORIES"]
    assert code == 2
    assert "ist kein Git-Repository mit mindestens einem Commit" in capsys.readouterr().err


def test_refuses_data_with_problems(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Data errors stop the publication before mike runs (exit 1)."""
    edit(minimal_project / "strategy" / "strategie.yml", "titel:", "titl:")
    code = main(["--projekt", str(minimal_project), "veroeffentlichen", "--fassung", "2024"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Veröffentlichung abgebrochen:" in err and "Im Zweig nichts geändert." in err

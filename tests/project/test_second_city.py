"""A second city builds a site of its own: the fictional Elsterbrück (tests/data/zweitstadt).

Another Land (Sachsen), another shape (four „Zukunftsaufgaben“, „Themenfelder“, one
Zukunftsaufgabe without Themenfelder, a „Stadtrat“), its own statuses, three rating criteria on
a 1–4 scale, no SDG and Charta registries, OpenCoDE as forge and CC BY 4.0 as licence. The
fixture is copied into a copy of the project in place of strategy/ and goes through the
publication check, both builds and the editors' workbook once per module; the tests read the
results. Nothing built may name the bundled city, its Land, its licence or its forge, and the
city's own words for its levels must be the ones in headings and navigation.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from git_env import GIT_ENV
from project_copy import copy_project, run_strategie
from repo_paths import DATA

from generator.check.validate import load_strategy
from generator.editing.scaffold import ScaffoldError, plan_measure
from generator.history.diff import diff_strategies
from generator.model import Strategy

ZWEITSTADT = DATA / "zweitstadt"

#: What a page of another city must never say: the bundled city, its Land and its bodies, its
#: licence, its strategy's name, and the bundled data's forge.
FOREIGN = (
    "Gelsenkirchen",
    "NRW",
    "Nordrhein-Westfalen",
    "LDI",
    "dl-de",
    "Vernetzte Stadt",
    "https://github.com",
    "GitHub",
    "VER-0",
    "ver-0",
)
#: The text files of a build; workbooks and gzip'd sitemaps are unpacked and read as well.
TEXT_SUFFIXES = {".html", ".json", ".xml", ".csv", ".rdf", ".txt", ".js", ".css", ".svg"}
#: Files of the theme's and search engine's authors, copied unchanged into every build (their
#: comments link to their own GitHub projects): not the city's output.
THIRD_PARTY = ("assets/javascripts/lunr/", "assets/javascripts/workers/", "assets/vendor/")
#: The editors' field reference (page, search index, JSON Schemas) documents the software:
#: it lists the licence ids whose address is checked, dl-de/by-2-0 among them.
FIELD_REFERENCE = ("mitmachen.html", "search/search_index.", "daten/schemas/strategie.schema")


@dataclass(frozen=True)
class Built:
    """The copy of the project and what the module's commands printed."""

    root: Path
    check_output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def offline(self) -> Path:
        return self.root / "site-offline"

    @property
    def workbook(self) -> Path:
        return self.root / "arbeitsmappe.xlsx"


def _commit(root: Path, day: str, subject: str) -> None:
    """Commit the strategy folder as it is, on `day` (after the city's historie_ab)."""
    stamp = f"{day}T10:00:00+00:00"
    environment = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for command in (["add", "strategy"], ["commit", "-q", "-m", subject]):
        subprocess.run(["git", "-C", str(root), *command], env=environment, check=True)


def _with_history(root: Path) -> None:
    """A Git history of two commits: the first state, then a measure's status and a
    Themenfeld's title changed (so the Änderungen page and the feed have content)."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, env=GIT_ENV)
    _commit(root, "2024-07-01", "Erste Fassung")
    measure = root / "strategy" / "massnahmen" / "verwaltung" / "bv-03.yml"
    text = measure.read_text(encoding="utf-8").replace("status: idee", "status: laeuft")
    text = re.sub(r'(status_seit|aktualisiert): "[0-9-]+"', r'\1: "2024-08-01"', text)
    measure.write_text(text, encoding="utf-8")
    theme = root / "strategy" / "leitthemen" / "verwaltung.yml"
    text = theme.read_text(encoding="utf-8")
    text = text.replace("titel: Online-Dienste\n", "titel: Online-Dienste der Stadt\n")
    theme.write_text(text, encoding="utf-8")
    _commit(root, "2024-08-01", "BV-03 läuft, Titel eines Themenfelds")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """Elsterbrück in a copy of the project with a short Git history: publication check, online
    and offline build and the editors' workbook, each of which must succeed."""
    root = copy_project(tmp_path_factory.mktemp("zweitstadt") / "projekt", ZWEITSTADT)
    _with_history(root)
    check = run_strategie(root, "check", "--strict", "--veroeffentlichung")
    assert check.returncode == 0, check.stdout + check.stderr
    for arguments in (
        ("build",),
        ("build", "--offline"),
        ("export", "xlsx", "--out", str(root / "arbeitsmappe.xlsx")),
    ):
        result = run_strategie(root, *arguments)
        assert result.returncode == 0, (arguments, result.stdout + result.stderr)
    yield Built(root, check.stdout + check.stderr)


def _xlsx_text(data: bytes) -> str:
    """All XML parts of a workbook (cells, sheet names, properties) as one text."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return "\n".join(
            book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml")
        )


def _texts(folder: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every text file, every gzip'd sitemap and every workbook below folder."""
    import gzip

    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if _third_party(name):
            continue
        if path.suffix in TEXT_SUFFIXES:
            yield name, path.read_text(encoding="utf-8")
        elif path.suffix == ".gz":
            yield name, gzip.decompress(path.read_bytes()).decode("utf-8")
        elif path.suffix == ".xlsx":
            yield name, _xlsx_text(path.read_bytes())


def _third_party(name: str) -> bool:
    """Whether a file of a build (name relative to the site) is the theme's own."""
    inside = name.split("/", 1)[1] if name.startswith("elsterbrueck-") else name
    return inside.startswith(THIRD_PARTY) or (
        inside.startswith("assets/javascripts/bundle.")
        or inside.startswith("assets/stylesheets/main.")
    )


def _foreign_words(texts: Iterator[tuple[str, str]]) -> list[str]:
    """Each occurrence of a word of FOREIGN: file, word and its surroundings."""
    found = []
    for name, text in texts:
        inside = name.split("/", 1)[1] if name.startswith("elsterbrueck-") else name
        for word in FOREIGN:
            if word == "dl-de" and inside.startswith(FIELD_REFERENCE):
                continue
            at = text.find(word)
            if at >= 0:
                found.append(f"{name}: {word!r} in …{text[max(0, at - 80) : at + 60]!r}…")
    return found


def test_second_city_passes_the_publication_check(built: Built) -> None:
    """`check --strict --veroeffentlichung` passes without a warning, counting the city's own
    levels in its own words."""
    assert "0 Fehler, 0 Warnungen" in built.check_output, built.check_output
    assert "4 Zukunftsaufgaben, 5 Themenfelder, 12 Maßnahmen" in built.check_output


def test_both_builds_and_all_downloads_are_made(built: Built) -> None:
    """Online and offline build, the offline zip, feed, sitemap, search index and every open
    data download exist; pages of the absent registries (SDG, Charta) do not."""
    for name in (
        "index.html",
        "feed.xml",
        "sitemap.xml",
        "search/search_index.json",
        "daten/strategie.json",
        "daten/massnahmen.csv",
        "daten/massnahmen.xlsx",
        "daten/dcat.rdf",
        "massnahmen/sl-01.html",
    ):
        assert (built.site / name).is_file(), name
    assert (built.offline / "index.html").is_file()
    assert not (built.site / "sdgs").exists()
    assert not (built.site / "charta").exists()
    archives = list((built.root / "dist").glob("*-offline.zip"))
    assert [a.name for a in archives] == ["elsterbrueck-digital-2023-offline.zip"]


@pytest.mark.parametrize("build", ["site", "site-offline"])
def test_no_built_file_names_another_city(built: Built, build: str) -> None:
    """No page, feed, sitemap, search index, JSON, CSV, RDF or workbook of the build names
    the bundled city, NRW, its bodies, its licence or GitHub."""
    found = _foreign_words(_texts(built.root / build))
    assert not found, "\n".join(found)


def test_offline_zip_and_workbook_name_no_other_city(built: Built) -> None:
    """The offline zip (every file in it) and the editors' workbook are free of the bundled
    city's names as well."""
    archive = next((built.root / "dist").glob("*-offline.zip"))
    texts = []
    with zipfile.ZipFile(archive) as bundle:
        for name in bundle.namelist():
            data = bundle.read(name)
            if _third_party(name):
                continue
            if name.endswith(".xlsx"):
                texts.append((name, _xlsx_text(data)))
            elif Path(name).suffix in TEXT_SUFFIXES:
                texts.append((name, data.decode("utf-8")))
    assert len(texts) > 40
    texts.append(("arbeitsmappe.xlsx", _xlsx_text(built.workbook.read_bytes())))
    found = _foreign_words(iter(texts))
    assert not found, "\n".join(found)


def _headings_and_navigation(html: str) -> str:
    """The text of a page's headings (h1–h3) and of its navigation labels, tags removed."""
    parts = re.findall(r"<h[123][^>]*>(.*?)</h[123]>", html, re.S)
    parts += re.findall(r'<span class="md-ellipsis">(.*?)</span>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", part) for part in parts)


def test_labels_are_the_citys_own_in_headings_and_navigation(built: Built) -> None:
    """Headings and navigation say „Zukunftsaufgabe(n)“, „Themenfeld(er)“, and a heading of
    the strategy page „Beschluss des Stadtrats“; no heading or navigation label of a reader's
    page says „Leitthema“, „Handlungsfeld“ or „Rat“ (the editors' field reference names the
    files, which keep their names)."""
    site = built.site
    overview = _headings_and_navigation((site / "leitthemen" / "index.html").read_text("utf-8"))
    assert "Zukunftsaufgaben" in overview
    theme = _headings_and_navigation(
        (site / "leitthemen" / "verwaltung" / "index.html").read_text("utf-8")
    )
    assert "Themenfelder" in theme, theme
    start = (site / "index.html").read_text("utf-8")
    assert "Zukunftsaufgaben" in _headings_and_navigation(start)
    strategy = _headings_and_navigation((site / "strategie" / "index.html").read_text("utf-8"))
    assert "Beschluss des Stadtrats und Fortschreibungen" in strategy, strategy
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 30
    wrong = []
    for page in pages:
        name = page.relative_to(site).as_posix()
        if name == "mitmachen.html":
            continue
        text = _headings_and_navigation(page.read_text("utf-8"))
        wrong += [f"{name}: {w}" for w in ("Leitthem", "Handlungsfeld") if w in text]
        wrong += [f"{name}: Rat" for _ in re.findall(r"\bRat(?:s|es)?\b", text)]
    assert not wrong, wrong


def test_reader_pages_use_the_labels_in_their_text(built: Built) -> None:
    """Outside the editors' field reference, no reader's page, feed or download says
    „Leitthema“, „Handlungsfeld“ or „Rat“ in its text: the city's words are used instead."""
    wrong = []
    for name, text in _texts(built.site):
        if name.startswith(("daten/schemas/", "assets/", "search/")) or name in (
            "mitmachen.html",
            "daten/strategie.schema.json",
        ):
            continue
        visible = re.sub(
            r"<(script|style)\b.*?</\1>|<[^>]+>|\bhref=\"[^\"]*\"", " ", text, flags=re.S
        )
        for word in ("Leitthem", "Handlungsfeld", "Ratsbeschluss", "Beschluss des Rats"):
            if word in visible:
                at = visible.find(word)
                wrong.append(f"{name}: …{visible[max(0, at - 60) : at + 40]!r}…")
    assert not wrong, "\n".join(wrong)


def test_open_data_carry_the_citys_licence_statuses_and_shape(built: Built) -> None:
    """strategie.json has the four Zukunftsaufgaben and twelve measures; the CSV uses the
    city's status ids and criteria; DCAT names CC BY 4.0 and the Land's key; the edit links go to
    OpenCoDE's GitLab."""
    data = json.loads((built.site / "daten" / "strategie.json").read_text("utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert "Elsterbrück" in text
    assert text.count('"kuerzel"') == 4
    rows = list(
        csv.DictReader(
            io.StringIO((built.site / "daten" / "massnahmen.csv").read_text("utf-8-sig"))
        )
    )
    assert len(rows) == 12
    assert {row["status"] for row in rows} == {"idee", "laeuft", "pausiert", "fertig"}
    assert {row["bewertung_klimawirkung"] for row in rows} <= {"", "1", "2", "3", "4"}
    dcat = (built.site / "daten" / "dcat.rdf").read_text("utf-8")
    assert "http://dcat-ap.de/def/licenses/cc-by/4.0" in dcat
    assert "14999000" in dcat
    measure = (built.site / "massnahmen" / "bv-01.html").read_text("utf-8")
    assert (
        "https://gitlab.opencode.de/elsterbrueck/digitalstrategie/-/edit/main/"
        "strategy/massnahmen/verwaltung/bv-01.yml"
    ) in measure
    assert "OpenCoDE" in measure


def test_legal_pages_name_the_saxon_bodies(built: Built) -> None:
    """Datenschutzerklärung and Erklärung zur Barrierefreiheit name Sachsen's bodies from the
    registry of the Länder, and none of them is a placeholder."""
    privacy = (built.site / "info" / "datenschutz.html").read_text("utf-8")
    assert "Sächsische Datenschutz- und Transparenzbeauftragte" in privacy
    accessibility = (built.site / "info" / "barrierefreiheit.html").read_text("utf-8")
    assert "Durchsetzungsstelle" in accessibility
    for page in ("impressum", "datenschutz", "barrierefreiheit"):
        text = (built.site / "info" / f"{page}.html").read_text("utf-8")
        assert "auszufüllen" not in text, page


# --- editors' messages in the city's words (no build needed) ---------------------------------


@pytest.fixture(scope="module")
def strategy() -> Strategy:
    """The second city's strategy, loaded and validated."""
    loaded, problems = load_strategy(ZWEITSTADT)
    assert problems == [] and loaded is not None
    return loaded


def test_new_measure_messages_use_the_citys_labels(strategy: Strategy) -> None:
    """`strategie neu massnahme` names a Zukunftsaufgabe and its Themenfelder, not a Leitthema
    and its Handlungsfelder, when a field is wrong or not allowed."""
    common = {"title": "Test", "responsible": None, "today": date(2024, 7, 1)}
    with pytest.raises(ScaffoldError) as unknown:
        plan_measure(strategy, ZWEITSTADT, theme_id="verwaltung", field_id="schulen", **common)
    assert str(unknown.value).startswith(
        "Das Themenfeld „schulen“ gibt es in der Zukunftsaufgabe „verwaltung“ nicht."
    )
    with pytest.raises(ScaffoldError) as not_allowed:
        plan_measure(strategy, ZWEITSTADT, theme_id="werkstatt", field_id="x", **common)
    assert str(not_allowed.value) == (
        "Die Zukunftsaufgabe „werkstatt“ hat keine Themenfelder; lassen Sie --handlungsfeld weg."
    )


def test_change_summaries_use_the_citys_labels(strategy: Strategy) -> None:
    """The words of a change between two versions name Zukunftsaufgaben and Themenfelder: the
    collections, and a measure moved to another Themenfeld."""
    first = strategy.massnahmen[0]
    assert first.handlungsfeld == "online-dienste"
    moved = first.model_copy(update={"handlungsfeld": "beteiligung"})
    newer = strategy.model_copy(update={"massnahmen": [moved, *strategy.massnahmen[1:]]})
    diff = diff_strategies(strategy, newer)
    assert diff.themes.name == "Zukunftsaufgaben"
    assert diff.fields_of_action.name == "Themenfelder"
    labels = [change.label for entity in diff.measures.changed for change in entity.changes]
    assert labels == ["Themenfeld"], labels


def test_changes_page_and_feed_describe_changes_in_the_citys_words(built: Built) -> None:
    """The Änderungen page and the feed summarise the second commit as „BV-03 geändert;
    Themenfelder geändert“ and list the Themenfeld's new title."""
    feed = (built.site / "feed.xml").read_text("utf-8")
    assert "<title>Änderung vom 01.08.2024: BV-03 geändert; Themenfelder geändert</title>" in feed
    changes = re.sub(r"<[^>]+>", " ", (built.site / "aenderungen.html").read_text("utf-8"))
    changes = " ".join(changes.split())
    assert "Themenfelder: „Online-Dienste der Stadt“: Titel „Online-Dienste“ →" in changes
    assert "Status Idee → läuft" in changes

"""History from Git: changes between tagged editions and of recent commits, and how they show.

A scratch repository holds tests/data/minimal as strategy/ in three commits: edition 2020
(tagged), a change of VER-01, and edition 2024 (tagged) with a change of VER-02. Shallow
clones, folders outside Git and a missing git program must give notes, never errors.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path, PurePosixPath

import pytest
from git_env import GIT_ENV
from render_fixtures import load_case
from render_html import dangers, parse, to_html
from repo_paths import MINIMAL

from generator import urls
from generator.check.load import ParseCache
from generator.check.validate import load_strategy
from generator.history import describe as history_module
from generator.history.describe import (
    ChangeSet,
    History,
    HistoryCache,
    MeasureChanges,
    Revision,
    read_history,
)
from generator.model import Strategy
from generator.render.engine import render_site
from generator.site.pipeline import generate

#: Edition 2024 as it stands in tests/data/minimal/strategie.yml (removed for edition 2020).
EDITION_2024 = re.compile(r'  - id: "2024"\n(?:    .*\n)+')


def git(repository: Path, *arguments: str, date: str | None = None) -> str:
    environment = {**os.environ, **GIT_ENV}
    if date:
        environment |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    result = subprocess.run(
        ["git", "-C", str(repository), *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    return result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_repository(root: Path) -> Path:
    """The scratch repository: edition 2020, a change of VER-01, edition 2024."""
    root.mkdir(parents=True)
    shutil.copytree(MINIMAL, root / "strategy")
    (root / "docs" / "generiert").mkdir(parents=True)
    document = root / "strategy" / "strategie.yml"
    full = document.read_text(encoding="utf-8")
    edition_2024 = EDITION_2024.search(full)
    assert edition_2024 is not None
    document.write_text(full.replace(edition_2024.group(0), ""), encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "chore: import seed data", date="2020-06-25T12:00:00+02:00")
    git(root, "tag", "fortschreibung-2020")

    measure = root / "strategy" / "massnahmen" / "verwaltung" / "ver-01.yml"
    edit(measure, "titel: Serviceportal – das digitale Rathaus", "titel: Serviceportal")
    edit(measure, "status: in-umsetzung", "status: abgeschlossen")
    edit(measure, "fortschritt: 40", "fortschritt: 100")
    edit(measure, "dringlichkeit: 4", "dringlichkeit: 5")
    edit(measure, 'aktualisiert: "2024-05-02"', 'aktualisiert: "2024-06-01"')
    git(
        root,
        "commit",
        "-q",
        "-am",
        "fix(ver-01): status done, bump progress",
        date="2024-06-01T09:30:00+02:00",
    )

    document.write_text(full, encoding="utf-8")
    edit(root / "strategy" / "massnahmen" / "verwaltung" / "ver-02.yml", "geplant", "in-umsetzung")
    git(root, "commit", "-q", "-am", "release 2024 (tag me)", date="2024-07-01T10:00:00+02:00")
    git(root, "tag", "fortschreibung-2024")
    return root


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repository(tmp_path_factory.mktemp("verlauf") / "projekt")


@pytest.fixture(scope="module")
def strategy(repository: Path) -> Strategy:
    loaded, problems = load_strategy(repository / "strategy")
    assert loaded is not None, problems
    return loaded


@pytest.fixture(scope="module")
def history(repository: Path, strategy: Strategy) -> History:
    return read_history(repository, strategy.strategie.fortschreibungen)


@pytest.fixture(scope="module")
def hostile() -> Strategy:
    return load_case("hostile")


@pytest.fixture
def no_parent_repository(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Git must not find a repository above the temporary folders."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(Path(os.sep, "tmp")))
    yield


# --- reading the history ----------------------------------------------------------------------


def test_editions_compare_their_tags_newest_first(history: History) -> None:
    """Edition 2024 lists what changed since edition 2020; the first edition says so."""
    assert [change_set.key for change_set in history.editions] == ["fassung-2024", "fassung-2020"]
    newer, first = history.editions
    assert first.note == "Erste Fassung." and not first.measures
    assert newer.previous is not None and newer.previous.id == "2020"
    changes = {changes.id: changes.changes for changes in newer.measures}
    assert changes == {
        "VER-01": (
            "Titel „Serviceportal – das digitale Rathaus“ → „Serviceportal“",
            "Status in Umsetzung → abgeschlossen",
            "Fortschritt 40 % → 100 %",
            "Bewertung Dringlichkeit 4 → 5",
        ),
        "VER-02": ("Status geplant → in Umsetzung",),
    }
    assert newer.other == ("Strategie: Fortschreibungen hinzugefügt: „Fortschreibung 2024“",)
    assert history.notes == () and history.available


def test_revisions_newest_first_with_commit_date_and_subject(history: History) -> None:
    """Each commit touching strategy/ is listed with its own date, subject and changes."""
    listed = [
        (cs.revision.subject, cs.revision.time.isoformat(), [m.id for m in cs.measures], cs.note)
        for cs in history.revisions
        if cs.revision is not None
    ]
    assert listed == [
        ("release 2024 (tag me)", "2024-07-01T10:00:00+02:00", ["VER-02"], None),
        ("fix(ver-01): status done, bump progress", "2024-06-01T09:30:00+02:00", ["VER-01"], None),
        ("chore: import seed data", "2020-06-25T12:00:00+02:00", [], "Erster Stand der Daten."),
    ]


def test_bookkeeping_date_alone_is_not_a_change(history: History) -> None:
    """`aktualisiert` changes with every edit and is left out of the lines."""
    lines = [line for cs in history.revisions for m in cs.measures for line in m.changes]
    assert lines and not any("Aktualisiert" in line for line in lines)


def test_measure_history_collects_editions_then_commits(history: History) -> None:
    """VER-01 changed in edition 2024 and in one commit; VER-03 never changed."""
    keys = [change_set.key for change_set, _ in history.for_measure("VER-01")]
    assert keys[0] == "fassung-2024" and keys[1].startswith("aenderung-") and len(keys) == 2
    assert history.for_measure("VER-03") == []


def test_states_are_loaded_once_per_tree(
    repository: Path, strategy: Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three distinct states of strategy/ are loaded three times, however often compared;
    a second build with the same cache (a rebuild of `strategie serve`) loads none again,
    one without a cache (a cold build) loads all three again."""
    calls: list[str] = []
    real = history_module.load_strategy_at

    def counting(
        project: Path, revision: str, *, known: bool = False, cache: ParseCache | None = None
    ) -> object:
        calls.append(revision)
        return real(project, revision, known=known, cache=cache)

    monkeypatch.setattr(history_module, "load_strategy_at", counting)
    session = HistoryCache()
    first = read_history(repository, strategy.strategie.fortschreibungen, cache=session)
    assert len(calls) == 3
    assert len(session.states) == 3 and len(session.parsed) > 0
    again = read_history(repository, strategy.strategie.fortschreibungen, cache=session)
    assert len(calls) == 3
    assert again == first
    cold = read_history(repository, strategy.strategie.fortschreibungen)
    assert len(calls) == 6
    assert cold == first


def test_history_is_deterministic(repository: Path, strategy: Strategy, history: History) -> None:
    """The same commit gives the same history and the same pages."""
    again = read_history(repository, strategy.strategie.fortschreibungen)
    assert again == history
    assert render_site(strategy, history).pages == render_site(strategy, again).pages


def test_edition_without_tag_is_named(tmp_path: Path, repository: Path, strategy: Strategy) -> None:
    """Without the tag of edition 2020, both editions say why they show no changes."""
    clone = tmp_path / "klon"
    git(tmp_path, "clone", "-q", str(repository), str(clone))
    git(clone, "tag", "-d", "fortschreibung-2020")
    found = read_history(clone, strategy.strategie.fortschreibungen)
    notes = {change_set.key: change_set.note for change_set in found.editions}
    assert notes["fassung-2020"] == (
        "Zu dieser Fassung gibt es im Git-Repository kein Tag „fortschreibung-2020“; was sich "
        "mit ihr geändert hat, lässt sich deshalb nicht zeigen."
    )
    assert notes["fassung-2024"] is not None and "kein Tag" in notes["fassung-2024"]
    page = render_site(strategy, found).pages[urls.CHANGES]
    assert "kein Tag „fortschreibung-2020“" in page


def test_shallow_clone_degrades_with_a_note(
    tmp_path: Path, repository: Path, strategy: Strategy
) -> None:
    """A clone of depth 1 has no parent to compare with: a note, no error, no revisions."""
    clone = tmp_path / "flach"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", str(clone))
    found = read_history(clone, strategy.strategie.fortschreibungen)
    assert found.available and found.revisions == ()
    assert len(found.notes) == 1 and "flachen Git-Klon" in found.notes[0]
    pages = render_site(strategy, found).pages
    assert '!!! note "Verlauf unvollständig"' in pages[urls.CHANGES]
    measure_page = pages[urls.measure_page("VER-03")]
    assert "## Verlauf\n\nDer Verlauf ist in dieser Ausgabe unvollständig." in measure_page


@pytest.mark.usefixtures("no_parent_repository")
def test_outside_git_the_history_is_unavailable(tmp_path: Path, strategy: Strategy) -> None:
    """A folder that is no repository (an unpacked zip) builds with a note on every page."""
    shutil.copytree(MINIMAL, tmp_path / "strategy")
    found = read_history(tmp_path, strategy.strategie.fortschreibungen)
    assert not found.available and found.editions == () and found.revisions == ()
    assert "kein Git-Repository" in found.notes[0]
    pages = render_site(strategy, found).pages
    assert '!!! note "Verlauf nicht verfügbar"' in pages[urls.CHANGES]
    assert "## Fassungen" not in pages[urls.CHANGES]
    assert "Der Verlauf ist in dieser Ausgabe nicht verfügbar" in pages[urls.measure_page("VER-01")]


def test_without_the_git_program_the_history_is_unavailable(
    tmp_path: Path, repository: Path, strategy: Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No git on PATH: a German note, no traceback."""
    monkeypatch.setenv("PATH", str(tmp_path))
    found = read_history(repository, strategy.strategie.fortschreibungen)
    assert found == History(
        notes=("Der Verlauf lässt sich nicht lesen: Das Programm git ist nicht installiert.",),
        available=False,
    )


# --- how the history shows -------------------------------------------------------------------


def test_changes_page_lists_editions_and_revisions_with_links(
    strategy: Strategy, history: History
) -> None:
    """The Änderungen page has anchored sections and links each changed measure."""
    site = render_site(strategy, history)
    page = site.pages[urls.CHANGES]
    assert page.startswith("<!-- Erzeugt aus ")
    excluded = "data-search-exclude }"  # each change set stays out of the search index
    assert f"### Fassung 2024: Fortschreibung 2024 (14. März 2024) {{ #fassung-2024 {excluded}" in (
        page
    )
    assert f"### Fassung 2020: Ratsbeschluss 2020 (25. Juni 2020) {{ #fassung-2020 {excluded}" in (
        page
    )
    commit = history.revisions[1].key
    assert f"### 1. Juni 2024: VER-01 geändert {{ #{commit} data-search-exclude }}" in page
    assert "### 25. Juni 2020: Erster Stand der Daten { #" in page
    assert (
        "- [VER-01: Serviceportal](massnahmen/ver-01.md)\n"
        "    - Titel „Serviceportal – das digitale Rathaus“ → „Serviceportal“\n"
        "    - Status in Umsetzung → abgeschlossen\n"
    ) in page
    assert page.index("{ #fassung-2024 ") < page.index("{ #fassung-2020 ")
    assert page.index("VER-02 geändert; Strategie geändert {") < page.index("VER-01 geändert {")
    assert "feed.xml" not in page  # no SITE_URL, no feed link
    assert "Commit" not in page
    assert {"Änderungen": "aenderungen.md"} in site.navigation


def test_changes_page_shows_no_commit_subject_or_hash(strategy: Strategy, history: History) -> None:
    """Readers see the semantic diff in German, never a commit subject or a commit hash."""
    text = parse(to_html(render_site(strategy, history).pages[urls.CHANGES])).text
    assert "VER-01 geändert" in text
    for change_set in history.revisions:
        assert change_set.revision is not None
        assert change_set.revision.subject not in text
        assert change_set.revision.short not in text


def test_measure_page_shows_its_verlauf(strategy: Strategy, history: History) -> None:
    """VER-01's page lists its changes, linked to their sections; VER-03 has no Verlauf."""
    pages = render_site(strategy, history).pages
    measure_page = pages[urls.measure_page("VER-01")]
    assert (
        "## Verlauf\n\n- [Fassung 2024, 14. März 2024](../aenderungen.md#fassung-2024): "
        "Titel „Serviceportal – das digitale Rathaus“ → „Serviceportal“; Status in Umsetzung → "
        "abgeschlossen; Fortschritt 40 % → 100 %; Bewertung Dringlichkeit 4 → 5\n"
    ) in measure_page
    assert f"(../aenderungen.md#{history.revisions[1].key})" in measure_page
    assert "## Verlauf" not in pages[urls.measure_page("VER-03")]


def test_without_history_the_site_is_unchanged(strategy: Strategy) -> None:
    """render_site without a history has no Änderungen page and no Verlauf sections."""
    site = render_site(strategy)
    assert urls.CHANGES not in site.pages
    assert not any("## Verlauf" in text for text in site.pages.values())
    assert {"Änderungen": "aenderungen.md"} not in site.navigation


def test_pipeline_writes_changes_page_and_feed(
    tmp_path: Path, repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """generate() reads Git and writes aenderungen.md and feed.xml; the edition line names
    the newest edition and the data date."""
    clone = tmp_path / "projekt"
    git(tmp_path, "clone", "-q", str(repository), str(clone))
    (clone / "docs" / "generiert").mkdir(parents=True)
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("MIKE_DOCS_VERSION", raising=False)
    site = generate(clone)
    written = clone / "docs" / "generiert"
    assert (written / "aenderungen.md").read_text("utf-8") == site.pages[
        PurePosixPath(urls.CHANGES)
    ]
    assert (written / "feed.xml").read_text("utf-8").startswith("<?xml")
    assert site.edition_line == "Fassung 2024 vom 14. März 2024 · Stand der Daten: 1. Juni 2024"


def test_hostile_commit_subjects_and_titles_render_inert(hostile: Strategy) -> None:
    """Markup in a commit subject, a measure title or a change line stays text on every page."""
    subject = "<script>alert(1)</script> [x](javascript:alert(2)) {: onclick=x } {{ 1 }}"
    measure = hostile.massnahmen[0]
    change_set = ChangeSet(
        "aenderung-0123456789ab",
        None,
        None,
        Revision("0123456789ab" * 3 + "0123", datetime.fromisoformat("2024-01-02T03:04"), subject),
        measures=(
            MeasureChanges(measure.id, "<img src=x onerror=y>", "geändert", ("Titel <b>fett</b>",)),
            MeasureChanges("ALT-99", "[weg](javascript:z)", "entfernt"),
        ),
        other=("Strategie: <iframe>",),
    )
    pages = render_site(hostile, History(revisions=(change_set,))).pages
    for path in (urls.CHANGES, urls.measure_page(measure.id)):
        html = to_html(pages[path])
        assert dangers(html) == [], path
    text = parse(to_html(pages[urls.CHANGES])).text
    assert "Titel <b>fett</b>" in text and "Strategie: <iframe>" in text
    assert "alert(1)</script>" not in text  # the subject is never shown


def test_history_from_a_day_hides_earlier_commits_and_their_changes(
    repository: Path, strategy: Strategy
) -> None:
    """With `historie_ab` (since=) the commits before that day are gone; the oldest one kept
    is the first state, never a comparison with the hidden data before it."""
    found = read_history(repository, strategy.strategie.fortschreibungen, since=date(2024, 6, 15))
    assert [r.revision.subject for r in found.revisions if r.revision] == ["release 2024 (tag me)"]
    assert found.revisions[0].note == "Erster Stand der Daten."
    assert found.revisions[0].measures == ()
    assert found.notes[0] == "Der Verlauf beginnt am 15. Juni 2024."


def test_history_from_a_day_keeps_comparisons_within_the_period(
    repository: Path, strategy: Strategy
) -> None:
    """A day before all commits but the root keeps every comparison whose parent is kept."""
    found = read_history(
        repository, strategy.strategie.fortschreibungen, since=date(2024, 1, 1), limit=1
    )
    assert [r.revision.subject for r in found.revisions if r.revision] == ["release 2024 (tag me)"]
    assert found.revisions[0].note is None and found.revisions[0].measures

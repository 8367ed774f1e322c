"""The publication gate: missing legal facts are named with file and line, and refuse publication.

The gate (generator/check/publication.py) and the legal pages must agree: whatever a page would
show as „vom Herausgeber auszufüllen“ or „noch offen“ is a missing fact, and once the gate
passes, no legal page shows a placeholder. `strategie build` does not ask (it is a preview).
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from bundled import bundled_demo_only
from project_copy import copy_project, run_strategie
from render_fixtures import DATA
from repo_paths import REPO

from generator import model, urls
from generator.check.publication import missing_legal_facts, publication_problems
from generator.check.validate import load_strategy
from generator.errors import UserError
from generator.render.engine import render_site
from generator.site.publish import Publication, publish_site
from generator.views.legal import PLACEHOLDER

LEGAL_PAGES = (urls.IMPRINT, urls.PRIVACY, urls.ACCESSIBILITY, urls.EASY_LANGUAGE)

OFFICE = model.Office(
    name="Stadt Musterstadt",
    anschrift=["Rathausplatz 1", "12345 Musterstadt"],
    email="mailto:info@musterstadt.example.org",
)
COMPLETE = {
    "impressum": model.Imprint(
        herausgeber=OFFICE,
        vertreten_durch="Der Bürgermeister",
        inhaltlich_verantwortlich=model.Office(name="Erika Muster", anschrift=["Rathausplatz 1"]),
    ),
    "datenschutz": model.DataProtection(
        beauftragte=model.Office(name="Datenschutzbeauftragte", email="mailto:ds@example.org"),
        hosting="IT-Dienstleister der Stadt",
        speicherdauer_protokolle="7 Tage",
    ),
    "barrierefreiheit": model.AccessibilityStatement(
        erstellt=date(2026, 1, 5),
        geprueft=date(2026, 1, 4),
        kontakt=model.Office(name="Amt für Digitales", email="mailto:barrierefrei@example.org"),
    ),
}


@pytest.fixture(scope="module")
def minimal() -> model.Strategy:
    strategy, problems = load_strategy(DATA / "minimal")
    assert strategy is not None and not problems
    return strategy


def with_document(strategy: model.Strategy, **changes: object) -> model.Strategy:
    document = strategy.strategie.model_copy(update=changes)
    return strategy.model_copy(update={"strategie": document})


def test_minimal_fixture_lacks_exactly_the_facts_its_pages_leave_open(
    minimal: model.Strategy,
) -> None:
    """The minimal fixture misses four facts; each is pinned with its line and exact text."""
    problems = publication_problems(minimal.strategie, DATA / "minimal", "strategy")
    assert [p.format() for p in problems] == [
        "strategy/strategie.yml:130:1: Fehler: Für die Veröffentlichung fehlt "
        "impressum.inhaltlich_verantwortlich: eine inhaltlich verantwortliche Person mit "
        "Anschrift verlangt § 18 Abs. 2 MStV. Tragen Sie die Angabe in strategie.yml ein; bis "
        "dahin zeigt die Vorschau die Stelle als „vom Herausgeber "
        "auszufüllen“.",
        "strategy/strategie.yml:142:1: Fehler: Für die Veröffentlichung fehlt "
        "datenschutz.hosting: die Datenschutzerklärung nennt, wer den Webserver betreibt. "
        "Tragen Sie die Angabe in strategie.yml ein; bis dahin zeigt die Vorschau die "
        "Stelle als „vom Herausgeber auszufüllen“.",
        "strategy/strategie.yml:142:1: Fehler: Für die Veröffentlichung fehlt "
        "datenschutz.speicherdauer_protokolle: wie lange die Zugriffsprotokolle gespeichert "
        "werden, verlangt Art. 13 DSGVO. Tragen Sie die Angabe in strategie.yml ein; bis dahin "
        "zeigt die Vorschau die Stelle als „vom Herausgeber auszufüllen“.",
        "strategy/strategie.yml:154:1: Fehler: Für die Veröffentlichung fehlt "
        "barrierefreiheit.geprueft: die Erklärung zur Barrierefreiheit nennt, wann die Website "
        "zuletzt geprüft wurde. Tragen Sie die Angabe in strategie.yml ein; bis dahin zeigt die "
        "Vorschau die Stelle als „vom Herausgeber auszufüllen“.",
    ]


def test_without_legal_sections_every_fact_is_named(minimal: model.Strategy) -> None:
    """No impressum, datenschutz, barrierefreiheit and no contact e-mail: every fact is missing."""
    contact = minimal.strategie.kontakt.model_copy(update={"email": None})
    bare = with_document(
        minimal, impressum=None, datenschutz=None, barrierefreiheit=None, kontakt=contact
    )
    assert [key for key, _ in missing_legal_facts(bare.strategie)] == [
        "impressum.herausgeber",
        "impressum.herausgeber.email",
        "impressum.vertreten_durch",
        "impressum.inhaltlich_verantwortlich",
        "datenschutz.beauftragte",
        "datenschutz.hosting",
        "datenschutz.speicherdauer_protokolle",
        "barrierefreiheit.erstellt",
        "barrierefreiheit.geprueft",
        "kontakt.email",
    ]


def test_once_the_gate_passes_no_legal_page_shows_a_placeholder(minimal: model.Strategy) -> None:
    """With every fact entered the gate finds nothing, and no legal page shows a placeholder."""
    complete = with_document(minimal, **COMPLETE)
    assert missing_legal_facts(complete.strategie) == []
    pages = render_site(complete).pages
    for path in LEGAL_PAGES:
        assert PLACEHOLDER not in pages[path], path
        assert "noch offen" not in pages[path], path


def test_an_unreachable_enforcement_body_blocks_until_the_city_enters_it(
    minimal: model.Strategy,
) -> None:
    """In a Land whose enforcement body has no known website or e-mail, the gate asks for it;
    the pages say „noch offen“; the city's own entry with a website clears both."""
    city = minimal.strategie.stadt.model_copy(
        update={"bundesland": "Mecklenburg-Vorpommern", "gemeindeschluessel": "13003000"}
    )
    open_land = with_document(minimal, **COMPLETE, stadt=city)
    missing = missing_legal_facts(open_land.strategie)
    assert [key for key, _ in missing] == ["barrierefreiheit.durchsetzungsstelle"]
    assert "„Mecklenburg-Vorpommern“" in missing[0][1]
    assert "noch offen" in render_site(open_land).pages[urls.ACCESSIBILITY]
    own = model.Office(name="Überwachungsstelle M-V", website="https://www.example.org/mv")
    statement = COMPLETE["barrierefreiheit"]
    assert isinstance(statement, model.AccessibilityStatement)
    entered = with_document(
        open_land, barrierefreiheit=statement.model_copy(update={"durchsetzungsstelle": own})
    )
    assert missing_legal_facts(entered.strategie) == []
    assert "noch offen" not in render_site(entered).pages[urls.ACCESSIBILITY]


@bundled_demo_only
def test_bundled_demo_deliberately_fails_the_gate_but_passes_strict_check(tmp_path: Path) -> None:
    """The demonstration lacks the city's legal facts: `check --strict` passes, `check
    --veroeffentlichung` fails with exit 1 naming each field with file and line. Bundled data
    only: another city's data may be complete."""
    project = copy_project(tmp_path / "projekt")
    assert run_strategie(project, "check", "--strict").returncode == 0
    result = run_strategie(project, "check", "--strict", "--veroeffentlichung")
    assert result.returncode == 1
    for key in ("impressum.vertreten_durch", "datenschutz.hosting", "barrierefreiheit.erstellt"):
        assert f"Für die Veröffentlichung fehlt {key}:" in result.stderr + result.stdout
    assert "strategy/strategie.yml:" in result.stdout + result.stderr


def test_publishing_an_edition_is_refused_before_anything_is_touched(tmp_path: Path) -> None:
    """`veroeffentlichen --fassung` raises with the missing facts before mike runs (on
    tests/data/minimal, which leaves some out on purpose)."""
    project = tmp_path / "projekt"
    project.mkdir()
    shutil.copytree(REPO / "tests" / "data" / "minimal", project / "strategy")
    git = ["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Daten"], check=True)
    with pytest.raises(UserError) as raised:
        publish_site(
            project,
            Publication(
                edition="2024",  # the latest edition of the data
                preview=False,
                current=False,
                push=False,
                branch="gh-pages",
                site_url=None,
            ),
        )
    assert "Veröffentlichung abgebrochen" in raised.value.message
    assert {p.code for p in raised.value.problems} == {"publication_missing"}
    branches = subprocess.run(
        [*git, "branch", "--list", "gh-pages"], capture_output=True, text=True, check=True
    )
    assert branches.stdout == ""

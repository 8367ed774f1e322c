"""`strategie init` gives the new city a README and a CONTRIBUTING of its own.

The guides describe the software, so they are taken from the project the city starts from —
but the title, the introduction, the example measures and the tables of allowed values are the
new city's, and the bundled city's screenshots are not shown.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

import pytest
from repo_paths import REPO

from generator.cli.init_command import run_init
from generator.editing.city_docs import own_examples

#: What the bundled demonstration names and a new city's guides must not.
BUNDLED_CITY = re.compile(
    r"gelsenkirchen|nordrhein|\bNRW\b|05513000|vernetzte stadt|\bLDI\b|VER-0|ver-0",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def new_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new project for a city in Sachsen, made by `strategie init` from this repository."""
    target = tmp_path_factory.mktemp("init") / "neue-stadt"
    arguments = argparse.Namespace(
        ziel=target,
        stadt="Auenfeld",
        bundesland="Sachsen",
        gemeindeschluessel="14999001",
        website="https://www.auenfeld.example",
        ohne_beispieldaten=False,
    )
    assert run_init(REPO, arguments, today=date(2026, 12, 3)) == 0  # type: ignore[arg-type]
    return target


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md"])
def test_guides_name_no_bundled_city(new_project: Path, name: str) -> None:
    """README and CONTRIBUTING of the new project name neither the bundled city nor its
    measures, Land or bodies."""
    text = (new_project / name).read_text(encoding="utf-8")
    found = [m.group(0) for m in BUNDLED_CITY.finditer(text)]
    assert found == [], found


def test_readme_introduces_the_new_city(new_project: Path) -> None:
    """The README's title and introduction are the new city's; the bundled site's screenshots
    are gone; the documented commands stay (the project's own tests read them)."""
    text = (new_project / "README.md").read_text(encoding="utf-8")
    assert text.startswith("# Strategie als Daten – Digitale Strategie Auenfeld\n")
    assert "Die Stadt Auenfeld pflegt ihre Strategie" in text
    assert "<img" not in text
    source = (REPO / "README.md").read_text(encoding="utf-8")
    assert text[text.index("## Befehle") :].count("`strategie ") == source[
        source.index("## Befehle") :
    ].count("`strategie ")


def test_contributing_uses_the_new_data(new_project: Path) -> None:
    """CONTRIBUTING's examples point at the new city's first measure and its allowed values are
    the new data's (its one actor, its statuses)."""
    text = (new_project / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "strategy/massnahmen/erstes-leitthema/ers-01.yml" in text
    assert "ERS-01" in text
    values = text[text.index("<!-- werte:start -->") : text.index("<!-- werte:end -->")]
    assert "`koordinierungsstelle`" in values
    assert "`in-vorbereitung`" not in values


def test_own_examples_replaces_only_the_source_ids() -> None:
    """Ids, files and branch names of the source's measures become the new measure's; other
    words that look alike („UTF-8“, „SHA-256“, an unknown id) stay."""
    text = (
        "VER-03 in strategy/massnahmen/verwaltung/ver-03.yml, Branch ver-03-fertig; "
        "UTF-8, SHA-256, ABC-12."
    )
    replaced = own_examples(text, ["VER-03"], "ERS-01", "strategy/massnahmen/erstes/ers-01.yml")
    assert replaced == (
        "ERS-01 in strategy/massnahmen/erstes/ers-01.yml, Branch ers-01-fertig; "
        "UTF-8, SHA-256, ABC-12."
    )

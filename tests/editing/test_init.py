"""`strategie init`: a new city's project that passes `check --strict` and builds.

Into an empty folder it copies the software and writes a minimal strategy and the city's
`.github/` files from that strategy; with --ohne-beispieldaten it replaces the bundled data of
a copy of this repository, but only where Git keeps everything it deletes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path, PurePosixPath

import pytest
import yaml
from bundled import bundled_demo_only
from git_env import GIT_ENV
from project_copy import copy_project, run_strategie
from repo_paths import REPO

from generator import model
from generator.check.validate import load_strategy
from generator.cli.init_command import run_init
from generator.editing.github_files import GENERATED
from generator.errors import UserError

TODAY = date(2026, 12, 3)
#: What the bundled demonstration names and a new city's files must not.
BUNDLED_CITY = re.compile(r"gelsenkirchen|nordrhein|\bNRW\b|05513000|VER-0", re.IGNORECASE)


def arguments(target: Path | None, *, land: str = "Sachsen", key: str = "14612000") -> object:
    return argparse.Namespace(
        ziel=target,
        stadt="Dresden",
        bundesland=land,
        gemeindeschluessel=key,
        website="https://www.dresden.de",
        ohne_beispieldaten=target is None,
    )


def git(folder: Path, *command: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(folder), *command],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    return result.stdout


@pytest.fixture(scope="module")
def new_city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "dresden"
    assert run_init(REPO, arguments(target), today=TODAY) == 0  # type: ignore[arg-type]
    return target


def test_new_strategy_passes_the_strict_check(new_city: Path) -> None:
    """The new strategy has one theme, one field, one measure and no problem at all."""
    strategy, problems = load_strategy(new_city / "strategy")
    assert problems == [] and strategy is not None
    assert len(strategy.leitthemen) == 1 and len(strategy.leitthemen[0].handlungsfelder) == 1
    assert [m.id for m in strategy.massnahmen] == ["ERS-01"]
    assert strategy.strategie.stadt.bundesland == "Sachsen"
    assert strategy.strategie.historie_ab == TODAY
    registry = Path("strategy", "verzeichnisse", "sdgs.yml")  # shared, copied as it is
    if (REPO / registry).is_file():
        assert (new_city / registry).read_bytes() == (REPO / registry).read_bytes()
    else:  # optional: a source without an SDG registry passes none on
        assert not (new_city / registry).exists()


def test_strategy_settings_list_every_setting(new_city: Path) -> None:
    """strategie.yml names every top-level setting of the model, active or commented out."""
    text = (new_city / "strategy" / "strategie.yml").read_text(encoding="utf-8")
    # `sprachen` is checked apart from the model (check/translations.py).
    for name in [*model.StrategyDocument.model_fields, "sprachen"]:
        assert re.search(rf"^(# )?{name}:", text, re.M), name


def test_new_project_carries_the_software_but_no_bundled_city(new_city: Path) -> None:
    """The software is copied; the data and the generated .github files name no bundled city."""
    for name in ("generator/site/build.py", "mkdocs.yml", "scripts/setup.sh", "pyproject.toml"):
        assert (new_city / name).is_file(), name
    assert (new_city / ".github" / "workflows" / "pruefen.yml").is_file()
    assert not (new_city / "site").exists() and not (new_city / ".git").exists()
    checked = [*sorted((new_city / "strategy").rglob("*.yml")), *(new_city / p for p in GENERATED)]
    for path in checked:
        text = path.read_text(encoding="utf-8")
        assert not BUNDLED_CITY.search(text), (path, BUNDLED_CITY.search(text))


def test_github_files_come_from_the_new_data(new_city: Path) -> None:
    """Issue form choices are the new theme titles; CODEOWNERS covers the measures folder with
    placeholder teams; the contact link and example id come from the new strategy."""
    github = new_city / ".github"
    form = yaml.safe_load((github / "ISSUE_TEMPLATE" / "massnahme-vorschlagen.yml").read_text())
    dropdown = next(e for e in form["body"] if e.get("id") == "leitthema")
    assert dropdown["attributes"]["options"] == ["ÄNDERN: Erstes Leitthema", "Weiß ich nicht"]
    owners = (github / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/strategy/massnahmen/erstes-leitthema/  @ORGANISATION/" in owners
    config = yaml.safe_load((github / "ISSUE_TEMPLATE" / "config.yml").read_text())
    assert config["contact_links"][0]["url"] == "https://www.dresden.de"
    assert "z. B. „ERS-01 ist abgeschlossen" in (github / "pull_request_template.md").read_text()


def test_new_project_builds(new_city: Path) -> None:
    """`strategie build` in the new project (with its own copy of the software) succeeds."""
    result = run_strategie(new_city, "build", "--out", str(new_city / "site"))
    assert result.returncode == 0, result.stderr
    assert (new_city / "site" / "index.html").is_file()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    """Nothing is overwritten: a non-empty target ends with exit code 2 and stays as it was."""
    (tmp_path / "vorhanden.txt").write_text("bleibt", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        run_init(REPO, arguments(tmp_path), today=TODAY)  # type: ignore[arg-type]
    assert raised.value.exit_code == 2 and "ist nicht leer" in raised.value.message
    assert [p.name for p in tmp_path.iterdir()] == ["vorhanden.txt"]


def test_init_reports_a_misspelt_land_with_the_catalogue_message(tmp_path: Path) -> None:
    """A misspelt Land is the catalogue's land_unknown problem; nothing is written."""
    target = tmp_path / "neu"
    with pytest.raises(UserError) as raised:
        run_init(REPO, arguments(target, land="Sachsn"), today=TODAY)  # type: ignore[arg-type]
    assert [p.code for p in raised.value.problems] == ["land_unknown"]
    assert "Meinten Sie „Sachsen“?" in raised.value.problems[0].message
    assert not target.exists()


def _git_copy(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "kopie")
    shutil.copytree(REPO / ".github", project / ".github")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Kopie")
    return project


def test_without_example_data_replaces_the_bundled_data_in_a_git_copy(tmp_path: Path) -> None:
    """--ohne-beispieldaten swaps strategy/ and the generated .github files for the template;
    the rest stays; what was deleted is still in Git."""
    project = _git_copy(tmp_path)
    workflow = (project / ".github" / "workflows" / "pruefen.yml").read_bytes()
    assert run_init(project, arguments(None), today=TODAY) == 0  # type: ignore[arg-type]
    strategy, problems = load_strategy(project / "strategy")
    assert problems == [] and strategy is not None
    assert [m.id for m in strategy.massnahmen] == ["ERS-01"]
    assert (project / ".github" / "workflows" / "pruefen.yml").read_bytes() == workflow
    assert not BUNDLED_CITY.search((project / ".github" / "CODEOWNERS").read_text("utf-8"))
    deleted = git(project, "status", "--porcelain", "--", "strategy/massnahmen/verwaltung")
    assert deleted.startswith(" D ")


def test_without_example_data_refuses_unsaved_changes(tmp_path: Path) -> None:
    """An uncommitted change in strategy/ would be lost: the command refuses, nothing changes."""
    project = _git_copy(tmp_path)
    document = project / "strategy" / "strategie.yml"
    document.write_text(document.read_text("utf-8") + "# Notiz\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        run_init(project, arguments(None), today=TODAY)  # type: ignore[arg-type]
    assert raised.value.exit_code == 2 and "noch nicht gesichert" in raised.value.message
    assert (project / "strategy" / "massnahmen").is_dir()
    assert document.read_text("utf-8").endswith("# Notiz\n")


def test_without_example_data_refuses_outside_git(tmp_path: Path) -> None:
    """Without Git nothing would keep the deleted data: the command refuses."""
    project = copy_project(tmp_path / "ohne-git")
    with pytest.raises(UserError) as raised:
        run_init(project, arguments(None), today=TODAY)  # type: ignore[arg-type]
    assert "kein Git-Repository" in raised.value.message
    assert (project / "strategy" / "massnahmen").is_dir()


@bundled_demo_only
def test_bundled_github_files_are_generated_from_the_bundled_data() -> None:
    """The repository's own CODEOWNERS, issue forms, contact link and pull-request template
    are exactly what `strategie init` writes for its data (regenerate them after a change
    with generator.editing.github_files.github_files). Bundled data only: another city
    replaces the placeholder teams and contact by its own (tests/project/test_workflows.py checks
    that its files fit its data)."""
    from generator.editing.github_files import github_files

    strategy, problems = load_strategy(REPO / "strategy")
    assert strategy is not None, problems
    for path, text in github_files(strategy, REPO).items():
        assert (REPO / path).read_text(encoding="utf-8") == text, path


def test_new_city_from_a_project_without_the_charta(tmp_path: Path) -> None:
    """From a city's project without charta.yml (optional), init plans a strict-valid strategy
    without it and with the SDG registry of that project."""
    from generator.editing.city_setup import CityFacts, plan_city

    source = tmp_path / "quelle"
    shutil.copytree(REPO / "tests" / "data" / "minimal", source / "strategy")
    shutil.copytree(REPO / ".github", source / ".github")
    (source / "strategy" / "verzeichnisse" / "charta.yml").unlink()
    for path in (source / "strategy" / "massnahmen").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^charta:\n(?:  - .*\n)+", "", text), encoding="utf-8")
    facts = CityFacts("Dresden", "Sachsen", "14612000", "https://www.dresden.de")
    plan = plan_city(source, facts, TODAY, with_engine=False)
    assert Path("strategy", "verzeichnisse", "charta.yml") not in {Path(p) for p in plan.files}
    sdgs = PurePosixPath("strategy", "verzeichnisse", "sdgs.yml")
    assert plan.files[sdgs] == (source / "strategy/verzeichnisse/sdgs.yml").read_text("utf-8")

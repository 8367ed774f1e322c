"""The files derived from the data outside strategy/ (CONTRIBUTING.md's tables, the proposal
form, CODEOWNERS): `strategie check` notes each stale one, `strategie feldreferenz` renews them.

A golden case is a folder under tests/problems/derived/: project files laid over the valid
base strategy (tests/problems/base, in strategy/; `github/` stands for `.github/`) and
`expected.txt` with the formatted notes. `pytest --update-goldens` rewrites the expected files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from repo_paths import REPO as ROOT
from repo_paths import TESTS

from generator.check.allowed_values import update_document
from generator.check.derived_files import derived_file_problems
from generator.check.validate import load_strategy
from generator.cli.commands import main
from generator.editing.github_files import CODEOWNERS, PROPOSAL_FORM, github_files
from generator.model import Strategy
from generator.problems import Severity

HERE = TESTS / "problems"
CASES = sorted(p for p in (HERE / "derived").iterdir() if p.is_dir())
GUIDE = "# Mitarbeiten\n\n<!-- werte:start -->\nalt\n<!-- werte:end -->\n"


def build_project(case: Path | None, target: Path) -> Path:
    """The base strategy in target/strategy with the case's files laid over the project."""
    shutil.copytree(HERE / "base", target / "strategy")
    for source in sorted(case.rglob("*")) if case else []:
        relative = source.relative_to(case)
        if source.is_file() and relative.name != "expected.txt":
            parts = relative.parts
            destination = target.joinpath(*(".github" if p == "github" else p for p in parts))
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
    return target


def _load(project: Path) -> Strategy:
    strategy, problems = load_strategy(project / "strategy")
    assert strategy is not None, [p.format() for p in problems]
    return strategy


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_derived_case(case: Path, tmp_path: Path, update_goldens: bool) -> None:
    """Each stale derived file yields exactly the pinned German notes, and notes only."""
    project = build_project(case, tmp_path)
    found = sorted(derived_file_problems(_load(project), project))
    actual = "\n".join(p.format() for p in found) + "\n"
    expected_file = case / "expected.txt"
    if update_goldens:
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")
    assert found and all(p.severity is Severity.NOTE for p in found)


def _write_current_files(project: Path, strategy: Strategy) -> None:
    """The derived files as `strategie init` and `strategie feldreferenz` write them."""
    for path, text in github_files(strategy, ROOT).items():
        target = project.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (project / "CONTRIBUTING.md").write_text(update_document(GUIDE, strategy), encoding="utf-8")


def test_current_files_give_no_note(tmp_path: Path) -> None:
    """Files written from the data are current; a project without them gets no note either."""
    project = build_project(None, tmp_path)
    strategy = _load(project)
    assert derived_file_problems(strategy, project) == []
    _write_current_files(project, strategy)
    assert derived_file_problems(strategy, project) == []


def test_check_notes_stale_files_and_strict_still_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`strategie check --strict` passes with stale derived files and lists them as notes."""
    project = build_project(HERE / "derived" / "eigene-bezeichnungen", tmp_path)
    assert main(["--projekt", str(project), "check", "--strict"]) == 0
    out, err = capsys.readouterr()
    assert "4 Hinweise" in out
    assert err.count(": Hinweis: ") == 4
    assert "CONTRIBUTING.md:5:1: Hinweis: " in err


def test_feldreferenz_renews_form_and_adds_codeowners_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--pruefen names every stale file; the command renews them, keeping CODEOWNERS' lines."""
    project = build_project(HERE / "derived" / "codeowners-luecken", tmp_path)
    strategy = _load(project)
    _write_current_files(project, strategy)
    shutil.copytree(
        HERE / "derived" / "codeowners-luecken" / "github", project / ".github", dirs_exist_ok=True
    )
    (project / "docs").mkdir()
    shutil.copyfile(ROOT / "docs" / "feldreferenz.md", project / "docs" / "feldreferenz.md")
    form = project.joinpath(*PROPOSAL_FORM.parts)
    frame = form.read_text(encoding="utf-8")
    form.write_text(frame.replace('"Reallabor"', '"Altes Thema"'), encoding="utf-8")
    owners = project.joinpath(*CODEOWNERS.parts)
    before = owners.read_text(encoding="utf-8")
    command = ["--projekt", str(project), "feldreferenz"]

    assert main([*command, "--pruefen"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "Die Auswahl der Leitthemen in .github/ISSUE_TEMPLATE/massnahme-vorschlagen.yml ist "
        "veraltet. Erneuern Sie sie mit „strategie feldreferenz“.\n"
        "Die Zeilen der Maßnahmenordner in .github/CODEOWNERS sind veraltet. Erneuern Sie sie "
        "mit „strategie feldreferenz“.\n"
    )
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "Ergänzt: /strategy/massnahmen/labor/." in out
    assert form.read_text(encoding="utf-8") == frame  # only the options changed, and back
    after = owners.read_text(encoding="utf-8")
    assert after == before.replace(
        "/strategy/massnahmen/wirtschaft/   @stadt/fb-wirtschaft @stadt/koordinierung\n",
        "/strategy/massnahmen/wirtschaft/   @stadt/fb-wirtschaft @stadt/koordinierung\n"
        "/strategy/massnahmen/labor/        @stadt/koordinierung\n",
    )
    assert main([*command, "--pruefen"]) == 0
    # What the command cannot renew stays noted: the line of a folder that is gone.
    left = [p.code for p in derived_file_problems(strategy, project)]
    assert left == ["codeowners_path_unknown"]


def test_new_codeowners_line_takes_the_star_owners_and_ends_the_file(tmp_path: Path) -> None:
    """Without /strategy/ and measures lines, new lines get the `*` owners at the end."""
    from generator.editing.github_files import add_codeowners_lines

    project = build_project(None, tmp_path)
    strategy = _load(project)
    text, added = add_codeowners_lines("# Teams\n*   @a/b @a/c\n", strategy, project)
    assert added == ["/strategy/massnahmen/verwaltung/", "/strategy/massnahmen/labor/"]
    assert text == (
        "# Teams\n*   @a/b @a/c\n\n"
        "/strategy/massnahmen/verwaltung/ @a/b @a/c\n"
        "/strategy/massnahmen/labor/ @a/b @a/c\n"
    )
    assert add_codeowners_lines("# nur Kommentar\n", strategy, project) == (
        "# nur Kommentar\n",
        [],
    )

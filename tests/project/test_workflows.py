"""The GitHub configuration: workflows lint clean and call only what exists; forms are valid."""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from bundled import assert_noted, check_notes, is_bundled_demo
from repo_paths import REPO as ROOT

from generator.cli.parser import _build_parser
from generator.problems import quote

GITHUB = ROOT / ".github"
PROPOSAL_FORM = ".github/ISSUE_TEMPLATE/massnahme-vorschlagen.yml"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
VENV_BIN = Path(sys.executable).parent
#: Commands a run step may start besides the project's own (system tools of the runner).
SYSTEM_COMMANDS = {
    *("bash", "git", "apt-get", "gh", "echo", "cat", "export", "exit", ":", "{", "}"),
    *("rm", "grep"),
}
SHELL_WORDS = {"if", "then", "else", "fi", "!"}


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_scripts() -> list[tuple[str, str]]:
    """(workflow name, script) of every `run:` step, plus the pre-commit hook entries."""
    scripts = []
    for path in WORKFLOWS:
        for job in load_yaml(path)["jobs"].values():
            scripts += [(path.name, step["run"]) for step in job["steps"] if "run" in step]
    for repository in load_yaml(ROOT / ".pre-commit-config.yaml")["repos"]:
        scripts += [(".pre-commit-config.yaml", hook["entry"]) for hook in repository["hooks"]]
    return scripts


def strategie_commands() -> set[str]:
    parser = _build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(actions[0].choices)


def test_workflows_exist() -> None:
    """The three workflows are there: pull requests, main, and editions."""
    assert [path.name for path in WORKFLOWS] == [
        "fortschreibung.yml",
        "pruefen.yml",
        "vorschau.yml",
    ]


def test_actionlint_finds_nothing() -> None:
    """actionlint (with shellcheck when it is installed) reports no finding."""
    actionlint = shutil.which("actionlint", path=str(VENV_BIN)) or shutil.which("actionlint")
    assert actionlint is not None, "actionlint fehlt: bash scripts/setup.sh installiert es"
    result = subprocess.run(
        [actionlint, "-no-color", *[str(path) for path in WORKFLOWS]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The lint really runs: an unknown key and a bad expression are reported."""
    actionlint = shutil.which("actionlint", path=str(VENV_BIN)) or shutil.which("actionlint")
    assert actionlint is not None
    broken = tmp_path / "kaputt.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n"
        "    steps:\n      - run: echo ${{ github.nonsense( }}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [actionlint, "-no-color", str(broken)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "stepz" in result.stdout


@pytest.mark.parametrize(("source", "script"), run_scripts())
def test_run_steps_call_only_existing_commands(source: str, script: str) -> None:
    """Every script, venv tool and strategie subcommand a step calls exists."""
    for path in re.findall(r"(?<![\w/.])(scripts/[\w.-]+\.sh)", script):
        assert (ROOT / path).is_file(), f"{source}: {path} gibt es nicht"
    for tool, argument in re.findall(r"\.venv/bin/([\w-]+)(?:\s+([\w-]+))?", script):
        assert (VENV_BIN / tool).is_file(), f"{source}: .venv/bin/{tool} gibt es nicht"
        if tool == "strategie":
            assert argument in strategie_commands(), f"{source}: strategie {argument}?"
        if tool == "mike":
            help_run = subprocess.run(
                [str(VENV_BIN / "mike"), argument, "--help"], capture_output=True, check=False
            )
            assert help_run.returncode == 0, f"{source}: mike {argument}?"
    for line in _logical_lines(script):
        words = shlex.split(line, comments=True)
        while words and (words[0] in SHELL_WORDS or re.match(r"^\w+=", words[0])):
            words = words[1:]
        if words:
            command = words[0]
            assert command in SYSTEM_COMMANDS or command.startswith(".venv/bin/"), (
                f"{source}: unbekannter Befehl {command!r} in {line!r}"
            )


def _logical_lines(script: str) -> list[str]:
    joined = script.replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip()]


def test_pull_requests_run_the_readme_commands() -> None:
    """The pull-request workflow runs the README's test command and both strict builds."""
    runs = [script for source, script in run_scripts() if source == "pruefen.yml"]
    assert "bash scripts/test.sh" in runs
    assert "bash scripts/build.sh" in runs
    assert "bash scripts/build.sh --offline --out site-offline" in runs
    assert ".venv/bin/strategie check --strict" in runs
    assert any("strategie diff" in run and "--format markdown" in run for run in runs)


def test_actions_pinned_to_commit_shas() -> None:
    """Every action is pinned to a full commit SHA with its release in a comment."""
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), (
                    f"{path.name}: {line.strip()}"
                )


def test_least_privilege_and_concurrency() -> None:
    """No default permissions; each job names its own; only deploy jobs may write contents."""
    for path in WORKFLOWS:
        workflow = load_yaml(path)
        assert workflow["permissions"] == {}, path.name
        assert "group" in workflow["concurrency"], path.name
        for name, job in workflow["jobs"].items():
            permissions = job["permissions"]
            writes = {scope for scope, level in permissions.items() if level == "write"}
            allowed = {"contents"} if path.name != "pruefen.yml" else {"pull-requests"}
            assert writes <= allowed, f"{path.name}: {name} {writes}"
            if "pull-requests" in writes:
                steps = job["steps"]
                assert not any("run" in step or "checkout" in str(step) for step in steps)


PUBLISHING = ("fortschreibung.yml", "vorschau.yml")


def _steps(name: str) -> list[dict[str, Any]]:
    (job,) = load_yaml(GITHUB / "workflows" / name)["jobs"].values()
    steps: list[dict[str, Any]] = job["steps"]
    return steps


@pytest.mark.parametrize("name", PUBLISHING)
def test_publishing_token_only_in_the_writing_steps(name: str) -> None:
    """Checkout keeps no credentials; only the push (and release) steps see the token."""
    steps = _steps(name)
    checkout = next(step for step in steps if "checkout" in step.get("uses", ""))
    assert checkout["with"]["persist-credentials"] is False
    with_token = [step["name"] for step in steps if "github.token" in str(step)]
    expected = ["gh-pages hochladen"]
    if name == "fortschreibung.yml":
        expected.append("Offline-Ausgabe an das Release hängen")
    assert with_token == expected
    push = next(step for step in steps if step.get("name") == "gh-pages hochladen")
    assert push["run"].startswith("bash scripts/push-gh-pages.sh ")
    assert not any("--push" in step.get("run", "") for step in steps)


def test_push_script_never_stores_or_forces_and_hides_the_token_from_the_build() -> None:
    """The push script passes the token per command, retries without force, hides it."""
    script = (ROOT / "scripts" / "push-gh-pages.sh").read_text(encoding="utf-8")
    assert 'git -c "http.https://github.com/.extraheader=${header}"' in script
    assert "git config" not in script and "--force-with-lease" not in script
    assert "push origin gh-pages:gh-pages" in script and " -f " not in script
    assert 'PUSH_TOKEN="" .venv/bin/strategie veroeffentlichen "$@"' in script


def test_editions_only_from_main_through_a_protected_environment() -> None:
    """A tag is published only if its commit is on main, in the environment for approval."""
    workflow = load_yaml(GITHUB / "workflows" / "fortschreibung.yml")
    (job,) = workflow["jobs"].values()
    assert job["environment"] == "veroeffentlichung"
    runs = [step.get("run", "") for step in job["steps"]]
    check = next(i for i, run in enumerate(runs) if "merge-base --is-ancestor" in run)
    assert 'git merge-base --is-ancestor "${GITHUB_SHA}" origin/main' in runs[check]
    setup = next(i for i, run in enumerate(runs) if "scripts/setup.sh" in run)
    assert check < setup, "the check comes before any code of the tag runs"


def test_publications_are_queued_never_dropped() -> None:
    """Editions queue per tag and nothing cancels a publication; no group is shared."""
    groups = {}
    for name in PUBLISHING:
        concurrency = load_yaml(GITHUB / "workflows" / name)["concurrency"]
        assert concurrency["cancel-in-progress"] is False
        groups[name] = concurrency["group"]
    assert groups["fortschreibung.yml"] == "veroeffentlichung-${{ github.ref }}"
    assert groups["vorschau.yml"] != groups["fortschreibung.yml"]


def test_container_image_pinned_by_digest() -> None:
    """Every job container is pinned to an image digest, not a movable tag."""
    for path in WORKFLOWS:
        for job in load_yaml(path)["jobs"].values():
            if "container" in job:
                image = job["container"]
                image = image["image"] if isinstance(image, dict) else image
                assert re.fullmatch(r"[\w./:-]+@sha256:[0-9a-f]{64}", image), image


FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


@pytest.mark.parametrize("name", ["massnahme-vorschlagen.yml", "fehler-melden.yml"])
def test_issue_forms(name: str) -> None:
    """Issue forms have the keys GitHub requires, known element types and unique ids."""
    form = load_yaml(GITHUB / "ISSUE_TEMPLATE" / name)
    assert {"name", "description", "body"} <= set(form)
    ids = [element["id"] for element in form["body"] if "id" in element]
    assert len(ids) == len(set(ids))
    for element in form["body"]:
        assert element["type"] in FORM_TYPES
        attributes = element["attributes"]
        assert "value" in attributes if element["type"] == "markdown" else "label" in attributes
        if element["type"] in ("dropdown", "checkboxes"):
            assert attributes["options"]


def test_proposal_form_lists_the_themes(capsys: pytest.CaptureFixture[str]) -> None:
    """Form choices = themes' titles (bundled data); elsewhere `check` notes each difference."""
    form = load_yaml(GITHUB / "ISSUE_TEMPLATE" / "massnahme-vorschlagen.yml")
    dropdown = next(element for element in form["body"] if element.get("id") == "leitthema")
    titles = {load_yaml(path)["titel"] for path in (ROOT / "strategy" / "leitthemen").glob("*.yml")}
    options = set(dropdown["attributes"]["options"])
    expected = titles | {"Weiß ich nicht"}
    if is_bundled_demo() or options == expected:
        assert options == expected
        return
    notes = check_notes(capsys)
    for title in sorted(options ^ expected):
        assert_noted(notes, PROPOSAL_FORM, quote(title), command="strategie feldreferenz")


def test_issue_config_and_pull_request_template() -> None:
    """Blank issues are off with a contact link; the PR template exists."""
    config = load_yaml(GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert config["blank_issues_enabled"] is False
    assert all(link["url"].startswith("https://") for link in config["contact_links"])
    assert "## Was ändert sich?" in (GITHUB / "pull_request_template.md").read_text("utf-8")


def test_codeowners_cover_every_theme_folder(capsys: pytest.CaptureFixture[str]) -> None:
    """CODEOWNERS: real paths, a line per measures folder (elsewhere: each gap noted by `check`)."""
    entries = [
        line.split()
        for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for entry in entries:
        assert all(owner.startswith("@") for owner in entry[1:]), entry
    paths = [entry[0] for entry in entries]
    unknown = [path for path in paths if path != "*" and not (ROOT / path.strip("/")).exists()]
    assert [path for path in unknown if not path.startswith("/strategy/")] == []
    folders = sorted((ROOT / "strategy" / "massnahmen").iterdir())
    missing = [f"/strategy/massnahmen/{f.name}/" for f in folders]
    missing = [folder for folder in missing if folder not in paths]
    if is_bundled_demo() or not (unknown or missing):
        assert unknown == [] and missing == []
        return
    notes = check_notes(capsys)
    for folder in missing:  # `strategie feldreferenz` adds the line
        assert_noted(notes, ".github/CODEOWNERS", folder, command="strategie feldreferenz")
    for path in unknown:  # left for the city to delete: its real teams may be on the line
        assert_noted(notes, ".github/CODEOWNERS", path, command="strategie feldreferenz")


def _jobs(name: str) -> dict[str, Any]:
    jobs: dict[str, Any] = load_yaml(GITHUB / "workflows" / name)["jobs"]
    return jobs


def test_data_only_pull_requests_skip_the_full_suite() -> None:
    """The full suite runs only when files outside strategy/ change; the smoke test always."""
    steps = _jobs("pruefen.yml")["pruefen"]["steps"]
    scope = next(step for step in steps if step.get("id") == "umfang")
    assert "git diff --name-only HEAD^1 HEAD" in scope["run"]
    assert "grep -qv '^strategy/'" in scope["run"]
    full = next(step for step in steps if step.get("run") == "bash scripts/test.sh")
    assert full["if"] == "steps.umfang.outputs.code == 'true'"
    smoke = next(step for step in steps if "test_smoke.py" in step.get("run", ""))
    assert "if" not in smoke and "STRATEGIE_SITE_DIR=site" in smoke["run"]
    names = [step.get("name", step.get("uses", "")) for step in steps]
    assert names.index("Website streng bauen") < names.index(smoke["name"])
    assert (ROOT / "tests" / "browser" / "test_smoke.py").is_file()


def test_nothing_is_installed_twice() -> None:
    """pip downloads, .venv and chromium's packages come from caches keyed on what they hold."""
    for path in WORKFLOWS:
        for job in load_yaml(path)["jobs"].values():
            for step in job["steps"]:
                if "setup-python" in step.get("uses", ""):
                    assert step["with"]["cache"] == "pip", path.name
                    assert step["with"]["cache-dependency-path"] == "requirements.lock"
    workflow = load_yaml(GITHUB / "workflows" / "pruefen.yml")
    job = workflow["jobs"]["pruefen"]
    assert job["container"].endswith("@" + workflow["env"]["IMAGE_DIGEST"])
    caches = [step for step in job["steps"] if "actions/cache@" in step.get("uses", "")]
    keys = {step["with"]["path"].strip(): step["with"]["key"] for step in caches}
    assert "hashFiles('requirements.lock', 'pyproject.toml')" in keys[".venv"]
    assert "IMAGE_DIGEST" in keys["/var/cache/apt/archives/*.deb\n/var/lib/apt/lists"]
    install = next(step for step in job["steps"] if step.get("name") == "Chromium installieren")
    assert install["run"].index("rm -f /etc/apt/apt.conf.d/docker-clean") < install["run"].index(
        "apt-get update"
    )


def test_offline_preview_is_one_zip_not_a_zip_in_a_zip() -> None:
    """The artifact is the unpacked folder (GitHub zips it once), not dist/*.zip."""
    (upload,) = [
        step
        for step in _jobs("pruefen.yml")["offline"]["steps"]
        if "upload-artifact" in step.get("uses", "")
    ]
    assert upload["with"]["path"] == "site-offline/"


@pytest.mark.parametrize("name", PUBLISHING)
def test_site_url_from_a_repository_variable(name: str) -> None:
    """SITE_URL is vars.SITE_URL (a custom domain), else owner.github.io/repository."""
    urls = {step["env"]["SITE_URL"] for step in _steps(name) if "SITE_URL" in step.get("env", {})}
    assert urls == {
        "${{ vars.SITE_URL || format('https://{0}.github.io/{1}/', "
        "github.repository_owner, github.event.repository.name) }}"
    }


def test_dependabot_watches_actions_and_pip() -> None:
    """Dependabot proposes updates for the pinned actions and the Python packages."""
    config = load_yaml(GITHUB / "dependabot.yml")
    assert config["version"] == 2
    ecosystems = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(ecosystems) == {"github-actions", "pip"}
    assert all(update["directory"] == "/" for update in config["updates"])

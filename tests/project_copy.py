"""A copy of this repository's engine (configurations, theme, generator) with a strategy folder
of the test's choice, and the `strategie` command line run on it. Shared by the tests that build
a whole site in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from repo_paths import REPO

EPOCH = "1593043200"


def copy_project(target: Path, strategy: Path = REPO / "strategy") -> Path:
    """The parts of this repository a build reads, copied to `target`, with `strategy` as
    its strategy/ folder."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.base.yml", "mkdocs.offline.yml"):
        shutil.copy(REPO / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "docs" / "theme", target / "docs" / "theme", ignore=ignore)
    (target / "docs" / "generiert").mkdir()
    shutil.copytree(REPO / "generator", target / "generator", ignore=ignore)
    shutil.copytree(strategy, target / "strategy", ignore=ignore)
    return target


def run_strategie(
    project: Path, *arguments: str, **environment: str
) -> subprocess.CompletedProcess[str]:
    """The `strategie` command line on `project`, with the project's own generator code, a
    fixed SOURCE_DATE_EPOCH and no SITE_URL unless given."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SOURCE_DATE_EPOCH")}
    env.update(SOURCE_DATE_EPOCH=EPOCH, PYTHONPATH=str(project), **environment)
    return subprocess.run(
        [sys.executable, "-m", "generator", "--projekt", str(project), *arguments],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

"""The finishing commit on gh-pages (generator/site/gh_pages.py), on a branch made by hand."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from git_env import GIT_ENV

from generator.errors import UserError
from generator.site.gh_pages import custom_domain, finish_branch
from generator.site.publish import _push

VERSIONS = [
    {"version": "vorschau", "title": "Vorschau (Entwurf)", "aliases": []},
    {"version": "2024", "title": "Fassung 2024", "aliases": ["aktuell"]},
]


def git(root: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *arguments],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    ).stdout


@pytest.fixture
def branch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose gh-pages holds what mike leaves: 2024/, aktuell/ redirects, versions."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    root = tmp_path / "repo"
    files = {
        "2024/index.html": "<p>2024</p>",
        "2024/404.html": "<h1>Seite nicht gefunden</h1>",
        "2024/feed.xml": "<feed/>",
        "2024/daten/massnahmen.csv": "id\nVER-01\n",
        "2024/daten/sub/katalog.json": "{}",
        "aktuell/index.html": "<meta http-equiv=refresh>",
        "versions.json": json.dumps(VERSIONS),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    git(root, "init", "-q", "-b", "gh-pages")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "mike")
    git(root, "checkout", "-q", "--orphan", "main")
    return root


def test_current_edition_files_root_404_and_preview_last(branch: Path) -> None:
    """aktuell/ gets feed and downloads, the root the 404 page, versions.json the preview last."""
    before = git(branch, "status", "--porcelain")
    assert finish_branch(branch, "gh-pages", "2024", alias="aktuell", preview="vorschau")
    for name in ("feed.xml", "daten/massnahmen.csv", "daten/sub/katalog.json"):
        assert git(branch, "show", f"gh-pages:aktuell/{name}") == git(
            branch, "show", f"gh-pages:2024/{name}"
        )
    assert git(branch, "show", "gh-pages:404.html") == "<h1>Seite nicht gefunden</h1>"
    versions = json.loads(git(branch, "show", "gh-pages:versions.json"))
    assert [v["version"] for v in versions] == ["2024", "vorschau"]
    assert git(branch, "log", "--format=%s", "gh-pages").splitlines()[0] == (
        "Stable addresses, root 404 page and version order after deploying 2024"
    )
    # Nothing in the working tree or the checkout's index changed.
    assert git(branch, "status", "--porcelain") == before
    # Run again: nothing left to do, no empty commit.
    assert not finish_branch(branch, "gh-pages", "2024", alias="aktuell", preview="vorschau")


def test_preview_publication_touches_no_alias(branch: Path) -> None:
    """Without an alias only the order changes; aktuell/ keeps its redirects only."""
    assert finish_branch(branch, "gh-pages", "vorschau", alias=None, preview="vorschau")
    tree = git(branch, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "aktuell/feed.xml" not in tree and "404.html" not in tree


def test_custom_domain_gets_a_cname_file(branch: Path) -> None:
    """An https address outside github.io writes its host into CNAME at the branch root."""
    finish_branch(
        branch,
        "gh-pages",
        "2024",
        alias="aktuell",
        preview="vorschau",
        site_url="https://strategie.stadt.example/",
    )
    assert git(branch, "show", "gh-pages:CNAME") == "strategie.stadt.example\n"


@pytest.mark.parametrize(
    ("site_url", "domain"),
    [
        ("https://strategie.stadt.example/", "strategie.stadt.example"),
        ("https://Stadt.github.io/strategie/", None),
        ("http://127.0.0.1:8000/", None),
        (None, None),
    ],
)
def test_custom_domain(site_url: str | None, domain: str | None) -> None:
    """Only an https host outside github.io is a custom domain."""
    assert custom_domain(site_url) == domain


def test_missing_branch_is_a_german_error(branch: Path) -> None:
    """A branch that is not there (mike wrote nothing) stops with a German message."""
    with pytest.raises(UserError) as raised:
        finish_branch(branch, "fehlt", "2024", alias="aktuell", preview="vorschau")
    assert str(raised.value) == (
        "Veröffentlichung fehlgeschlagen: „git rev-parse“ meldet beim Nacharbeiten des Zweigs "
        "einen Fehler. Die Version selbst ist abgelegt; veröffentlichen Sie sie noch einmal."
    )


def test_failed_push_says_how_to_upload_later(branch: Path) -> None:
    """--push without a reachable origin: the version stays committed, the message says how."""
    with pytest.raises(UserError) as raised:
        _push(branch, "gh-pages")
    assert str(raised.value) == (
        "Veröffentlichung abgelegt, aber nicht hochgeladen: „git push“ meldet einen Fehler "
        "(siehe oben). Laden Sie den Zweig gh-pages mit „git push origin gh-pages“ hoch."
    )

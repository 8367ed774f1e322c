"""The Nu HTML checker (vnu) finds no error in the markup this project writes (issue 14).

All pages of the online build are checked in one Java call (vnu takes a folder). Material's own
templates still have a few errors; they are listed in MATERIAL_ERRORS with the exact message,
the markup it is reported on and how often per page, so that any new error fails, ours or one
that an update of Material brings.

vnu is the npm package `vnu-jar`, pinned in package.json / package-lock.json at the root of
the repository (`npm ci --ignore-scripts`); it needs Java (Debian: default-jre-headless).
Without them the test is skipped, except in CI, where it fails (as the browser tests do).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from browsing import REPO

pytestmark = pytest.mark.browser

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL = (
    "apt-get install default-jre-headless nodejs npm && npm ci --ignore-scripts "
    "(im Wurzelordner des Repositoriums / at the repository root)"
)


@dataclass(frozen=True)
class Known:
    """An error in Material's markup: the message, markup in the extract vnu reports it with,
    and how many times it may occur on one page (at most)."""

    message: str
    extract: str
    per_page: int
    why: str


MATERIAL_ERRORS = (
    Known(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
        "“search”, “tel”, “text”, “time”, “url”, or “week”.",
        '<input class="md-toggle" data-md-toggle=',
        2,
        "base.html: autocomplete=off on the drawer and search checkboxes (Firefox restores "
        "checkbox state otherwise)",
    ),
    Known(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
        "form control.",
        '<label class="md-nav__title" for="__toc">',
        1,
        "partials/toc.html: the title of the table of contents names the hidden toggle __toc",
    ),
)


def require_vnu() -> list[str]:
    """The command that runs vnu; skip (outside CI) or fail (in CI) when it is missing."""
    java = shutil.which("java")
    if java and VNU.is_file():
        return [java, "-jar", str(VNU)]
    missing = ", ".join(
        name for name, there in (("java", java), (str(VNU), VNU.is_file())) if not there
    )
    reason = f"Nu HTML Checker fehlt / is missing ({missing}): {INSTALL}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} – in CI ist das ein Fehler / in CI this is a failure", False)
    pytest.skip(reason)


def vnu_errors(site: Path) -> list[dict[str, str]]:
    """vnu's errors for every HTML page below `site` (one run)."""
    command = require_vnu()
    options = ["--errors-only", "--format", "json", "--exit-zero-always", "--skip-non-html"]
    result = subprocess.run(
        [*command, *options, str(site)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    messages: list[dict[str, str]] = json.loads(result.stderr)["messages"]
    return messages


def unexpected(messages: list[dict[str, str]], root: Path) -> list[str]:
    """The errors that are not Material's known ones (or more of them than known)."""
    counts: Counter[tuple[str, Known]] = Counter()
    found = []
    for message in messages:
        page = message.get("url", "?").removeprefix(root.as_uri() + "/")
        text = message.get("message", "")
        extract = message.get("extract", "").strip()
        known = next(
            (k for k in MATERIAL_ERRORS if k.message == text and k.extract in extract),
            None,
        )
        if known is None:
            found.append(f"{page}:{message.get('lastLine', '?')}: {text} [{extract[:160]}]")
            continue
        counts[(page, known)] += 1
        if counts[(page, known)] > known.per_page:
            found.append(f"{page}: more than {known.per_page} × {text}")
    return found


def test_nu_checker_finds_no_error_of_ours(
    online_site: Path, record_checked: Callable[[str, int], None]
) -> None:
    """No page of the online build has an HTML error except Material's known ones."""
    messages = vnu_errors(online_site)
    assert unexpected(messages, online_site) == []
    pages = len(list(online_site.rglob("*.html")))
    record_checked(f"Seiten vom Nu HTML Checker geprüft ({len(messages)} bekannte Fehler)", pages)


def test_check_reports_new_and_too_many_errors(tmp_path: Path) -> None:
    """The filter lets Material's known errors pass, up to their count, and nothing else."""
    known = MATERIAL_ERRORS[1]
    url = (tmp_path / "a.html").as_uri()
    ok = {"url": url, "message": known.message, "extract": "  " + known.extract + " …"}
    ours = {"url": url, "message": known.message, "extract": '<label for="x">', "lastLine": "3"}
    assert unexpected([ok], tmp_path) == []
    assert unexpected([ok, ok], tmp_path) == [f"a.html: more than 1 × {known.message}"]
    assert unexpected([ours], tmp_path) == [f'a.html:3: {known.message} [<label for="x">]']

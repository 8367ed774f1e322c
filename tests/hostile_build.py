"""The hostile fixture (tests/data/hostile/) built end to end, online and offline, and a reader
of the built HTML that finds anything active in it. Used by tests/project/test_hostile_html.py and
tests/browser/test_hostile.py."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from project_copy import REPO, copy_project, run_strategie

HOSTILE = REPO / "tests" / "data" / "hostile"


def hostile_project(root: Path) -> Path:
    """A copy of the engine (configuration, theme, generator) with the hostile data as strategy/."""
    return copy_project(root, HOSTILE)


def build_hostile(root: Path, site_url: str | None = None) -> tuple[Path, Path]:
    """Build the hostile project online (with `site_url` as SITE_URL if given: the feed and
    DCAT need one) and offline; the two site folders."""
    project = hostile_project(root / "projekt")
    online = root / "site"
    extra = {"SITE_URL": site_url} if site_url else {}
    result = run_strategie(project, "build", "--out", str(online), **extra)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_strategie(project, "build", "--offline", "--out", str(root / "site-offline"))
    assert result.returncode == 0, result.stdout + result.stderr
    archives = sorted(root.glob("*-offline.zip"))
    assert len(archives) == 1, archives
    unpacked = root / "entpackt"
    with zipfile.ZipFile(archives[0]) as bundle:
        bundle.extractall(unpacked)
    starts = sorted(unpacked.glob("*/index.html")) or sorted(unpacked.glob("index.html"))
    assert starts, "no index.html in the offline zip"
    return online, starts[0].parent


@dataclass
class ActiveParts(HTMLParser):
    """Everything in one HTML page that could run or load something the data put there."""

    found: list[str] = field(default_factory=list)
    title: str = ""
    _in_title: bool = False
    _in_script: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            text = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction", "xlink:href"} and text.startswith(
                ("javascript:", "vbscript:", "data:text/html")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in {"src", "href"} and "evil.example" in text and tag != "a":
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in {"iframe", "object", "embed", "base"}:
            self.found.append(f"<{tag}>")
        if tag == "img":
            src = dict(attrs).get("src") or ""
            if src == "x" or "evil" in src:
                self.found.append(f"<img src={src!r}>")
        if tag == "script":
            self._in_script = True
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]!r}")
        if self._in_title:
            self.title += data


def active_parts(page: str) -> ActiveParts:
    """Parse one page; `found` lists what is active and came from data, `title` its <title>."""
    parser = ActiveParts()
    parser.feed(page)
    parser.close()
    # html.parser reads <title> as ordinary markup; browsers read it as text up to the first
    # "</title" (any case), so that end must be the real one and nothing before it a tag.
    lowered = page.lower()
    start = lowered.find("<title>")
    if start >= 0:
        end = lowered.find("</title", start)
        content = page[start + len("<title>") : end]
        if "<" in content or lowered[end : end + len("</title>")] != "</title>":
            parser.found.append(f"<title> broken open: {page[start : end + 40]!r}")
    return parser

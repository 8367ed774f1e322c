"""The site's page paths, derived from ids (never from titles), and links between pages.

Paths are relative to the MkDocs docs_dir. Pages that head a navigation section are named
index.md: Material's `navigation.indexes` only attaches a page to its section when its file
is called index.md, so a Leitthema and a Handlungsfeld each get a folder of their own.
With `use_directory_urls: false` every page becomes the same path with `.html`.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import PurePosixPath

START = PurePosixPath("index.md")
STRATEGY = PurePosixPath("strategie/index.md")
METHOD = PurePosixPath("strategie/methode.md")
THEMES = PurePosixPath("leitthemen/index.md")
CATALOGUE = PurePosixPath("katalog.md")
GOALS = PurePosixPath("sdg/index.md")
GUIDELINES = PurePosixPath("charta/index.md")
ACTORS = PurePosixPath("akteure/index.md")
EVALUATION = PurePosixPath("auswertung/index.md")
EVALUATION_FIELDS = PurePosixPath("auswertung/handlungsfelder.md")
EVALUATION_PRIORITIES = PurePosixPath("auswertung/prioritaeten.md")
EVALUATION_GOALS = PurePosixPath("auswertung/sdg.md")
EVALUATION_GUIDELINES = PurePosixPath("auswertung/charta.md")
EVALUATION_TIMELINE = PurePosixPath("auswertung/zeitplan.md")
#: What changed between editions and in recent revisions; feed.xml lies beside it.
CHANGES = PurePosixPath("aenderungen.md")
DATA = PurePosixPath("daten/index.md")
EDITORS = PurePosixPath("mitmachen.md")
#: The whole strategy on one page, for printing or saving as PDF.
PRINT = PurePosixPath("druckfassung.md")
#: About the site: accessibility offers and legal pages, linked from every page's footer
#: (docs/theme/partials/copyright.html names the same paths with .html).
SITE_INFO = PurePosixPath("info/index.md")
EASY_LANGUAGE = PurePosixPath("info/leichte-sprache.md")
SIGN_LANGUAGE = PurePosixPath("info/gebaerdensprache.md")
ACCESSIBILITY = PurePosixPath("info/barrierefreiheit.md")
PRIVACY = PurePosixPath("info/datenschutz.md")
IMPRINT = PurePosixPath("info/impressum.md")

#: What a page path may consist of: ids are slugs or measure ids, so this always holds.
_SAFE_PATH = re.compile(r"^[a-z0-9][a-z0-9./-]*\.md$")


# Page paths are cached: every link to a page asks for its path again (thousands of times at
# scale), and a cached path object also keeps its string form. Paths are immutable.


@functools.cache
def theme_page(theme_id: str) -> PurePosixPath:
    return PurePosixPath("leitthemen", theme_id, "index.md")


@functools.cache
def field_page(field_id: str) -> PurePosixPath:
    return PurePosixPath("handlungsfelder", field_id, "index.md")


@functools.cache
def measure_page(measure_id: str) -> PurePosixPath:
    return PurePosixPath("massnahmen", f"{measure_id.lower()}.md")


@functools.cache
def goal_page(number: int) -> PurePosixPath:
    return PurePosixPath("sdg", f"{number}.md")


@functools.cache
def guideline_page(guideline_id: str) -> PurePosixPath:
    return PurePosixPath("charta", f"{guideline_id}.md")


@functools.cache
def actor_page(actor_id: str) -> PurePosixPath:
    return PurePosixPath("akteure", f"{actor_id}.md")


def relative_link(source: PurePosixPath, target: PurePosixPath) -> str:
    """The relative Markdown link from one page to another (MkDocs checks and converts it)."""
    # dirname of the string, not `source.parent`: a new path object per link was a tenth of
    # the time of collecting the pages (a page's path keeps its string once formatted).
    return _relative_link(posixpath.dirname(str(source)) or ".", str(target))


@functools.lru_cache(maxsize=65536)
def _relative_link(folder: str, target: str) -> str:
    # Cached: pages link to the same few pages from the same few folders. Computed from the
    # path segments, not with posixpath.relpath: relpath asks the OS for the working folder
    # twice per call, which was a fifth of the render time at 3,000 measures. Both paths are
    # relative to docs/generiert and hold no "." or ".." (_SAFE_PATH, and page paths are
    # built from ids).
    if not _SAFE_PATH.match(target) or {"", ".", ".."} & set(target.split("/")):
        raise ValueError(f"page path outside the URL scheme: {target}")
    here = [] if folder in ("", ".") else folder.split("/")
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def html_href(markdown_link: str) -> str:
    """The built page a Markdown link points to, for links inside raw HTML blocks.

    MkDocs rewrites `.md` links only in Markdown, not in raw HTML; with
    `use_directory_urls: false` the built file has the same path ending in `.html`.
    """
    if not markdown_link.endswith(".md"):
        raise ValueError(f"not a link to a page: {markdown_link}")
    return markdown_link[: -len(".md")] + ".html"

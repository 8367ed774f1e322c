"""The whole generator in one call: load and validate → read history → render → write.

In: the project folder (with strategy/ and docs/). Out: the pages, the open-data downloads
(daten/, see exports.py) and the Atom feed of the changes (feed.xml) in docs/generiert/, and
the `RenderedSite`, whose navigation and edition line the MkDocs hook hands to MkDocs. Used by
the hook (`mkdocs build` and `mkdocs serve`) and by `strategie build`, which validates on its
own first to print problems and then generates before MkDocs runs (see prepared.py).

The history comes from Git (history.py), so it is read here and handed to the pure render
stage. Absolute addresses (feed, DCAT catalogue) use the address this edition is published
under: SITE_URL, plus the version folder when mike builds (it sets MIKE_DOCS_VERSION). The
feed of the current edition links to the alias folder instead (`feed_url`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from generator.check.load import ParseCache
from generator.check.validate import load_strategy
from generator.errors import DataProblems
from generator.exports.downloads import render_exports
from generator.history.describe import HistoryCache, read_history
from generator.model import Strategy
from generator.problems import Problem, has_errors
from generator.render.engine import RenderedSite, render_site
from generator.site.write import GENERATED_FOLDER, write_pages
from generator.views.changes import FEED_FILE
from generator.views.feed import FeedSettings, render_feed
from generator.views.pdf_offer import SOURCE_LANGUAGE, PdfFile, offer_pdf


class BuildCache:
    """What a build keeps while it runs: the parsed files (check/load.py `ParseCache`) and the
    earlier states of the data (history/describe.py `HistoryCache`, which parses with the same
    files). Owned by whoever owns the lifetime: `strategie build` and `mkdocs build` make one
    per build and drop it with the build; the preview of `mkdocs serve` keeps one across its
    rebuilds (site/mkdocs_hook.py). Output never depends on what it holds."""

    def __init__(self) -> None:
        self.parsed = ParseCache()
        self.history = HistoryCache(self.parsed)


def generate(
    project: Path,
    *,
    strict: bool = True,
    on_problems: Callable[[Sequence[Problem]], None] | None = None,
    cache: BuildCache | None = None,
) -> RenderedSite:
    """Validate the strategy, render its pages and write those that changed.

    Every problem found goes to `on_problems` (if given) before anything else happens;
    errors (and under `strict` warnings too) then raise `DataProblems` and nothing is written.
    `cache`: kept by the caller across builds (default: a fresh one, a cold build).
    """
    cache = BuildCache() if cache is None else cache
    strategy, problems = load_strategy(project / "strategy", cache=cache.parsed)
    if problems and on_problems is not None:
        on_problems(problems)
    if strategy is None or has_errors(problems, strict=strict):
        raise DataProblems(problems)
    return generate_validated(project, strategy, cache=cache)


def generate_validated(
    project: Path,
    strategy: Strategy,
    *,
    pdf: Sequence[PdfFile] = (),
    cache: BuildCache | None = None,
) -> RenderedSite:
    """Render a strategy that was already loaded and validated; write the files that changed.

    `pdf`: the PDF editions printed for this build (strategie build --pdf), one per language;
    each is written into the site and the pages of its language offer it. `cache`: the one
    the strategy was loaded with (default: a fresh one)."""
    cache = BuildCache() if cache is None else cache
    base_url = published_url(os.environ)
    document = strategy.strategie
    history = read_history(
        project, document.fortschreibungen, since=document.historie_ab, cache=cache.history
    )
    history = replace(history, feed=base_url is not None)
    offers = {printed.language: offer_pdf(document, printed) for printed in pdf}
    site = render_site(strategy, history=history, pdf=offers.get(SOURCE_LANGUAGE))
    downloads = render_exports(strategy, base_url=base_url)
    feed = render_feed(history, feed_settings(strategy, feed_url(os.environ)))
    files: dict[PurePosixPath, str | bytes] = {**site.pages, **site.assets, **downloads}
    files.update({offers[printed.language].path: printed.data for printed in pdf})
    files[PurePosixPath(FEED_FILE)] = feed
    write_pages(files, project / GENERATED_FOLDER)
    return site


def published_url(environment: Mapping[str, str]) -> str | None:
    """Where this build is published, ending in "/": SITE_URL, and the version folder when
    mike builds (as mike's plugin sets MkDocs' site_url); None without SITE_URL."""
    site_url = environment.get("SITE_URL", "").strip()
    if not site_url:
        return None
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    version = environment.get("MIKE_DOCS_VERSION", "").strip().strip("/")
    return urljoin(site_url, f"{version}/") if version else site_url


def feed_url(environment: Mapping[str, str]) -> str | None:
    """Where the feed's links point: the alias folder when mike publishes the current edition
    (STRATEGIE_ALIAS, set by publish.py), whose feed.xml and pages follow every new edition;
    otherwise the edition's own address (`published_url`)."""
    alias = environment.get("STRATEGIE_ALIAS", "").strip().strip("/")
    site_url = environment.get("SITE_URL", "").strip()
    if not alias or not site_url or not environment.get("MIKE_DOCS_VERSION", "").strip():
        return published_url(environment)
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", f"{alias}/")


def feed_settings(strategy: Strategy, base_url: str | None) -> FeedSettings:
    """Title, author and tag: authority of the feed, from strategie.yml."""
    document = strategy.strategie
    return FeedSettings(
        title=document.titel,
        author=f"Stadt {document.stadt.name}",
        authority=urlsplit(str(document.stadt.website)).hostname or "strategie.invalid",
        since=min(edition.datum for edition in document.fortschreibungen),
        base_url=base_url,
    )

"""The whole generator in one call: load and validate → render → write.

In: the project folder (with strategy/ and docs/). Out: the pages and the open-data downloads
(daten/, see exports.py) in docs/generiert/, and the `RenderedSite`, whose navigation the
MkDocs hook hands to MkDocs. Used by the hook (`mkdocs build` and `mkdocs serve`); the CLI
validates on its own first to print problems.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.exports import render_exports
from generator.problems import DataProblems, Problem, has_errors
from generator.render import RenderedSite, render_site
from generator.validate import load_strategy
from generator.write import GENERATED_FOLDER, write_pages


def generate(
    project: Path,
    *,
    strict: bool = True,
    on_problems: Callable[[Sequence[Problem]], None] | None = None,
) -> RenderedSite:
    """Validate the strategy, render its pages and write those that changed.

    Every problem found goes to `on_problems` (if given) before anything else happens;
    errors (and under `strict` warnings too) then raise `DataProblems` and nothing is written.
    """
    strategy, problems = load_strategy(project / "strategy")
    if problems and on_problems is not None:
        on_problems(problems)
    if strategy is None or has_errors(problems, strict=strict):
        raise DataProblems(problems)
    site = render_site(strategy)
    downloads = render_exports(strategy, base_url=os.environ.get("SITE_URL") or None)
    write_pages({**site.pages, **downloads}, project / GENERATED_FOLDER)
    return site

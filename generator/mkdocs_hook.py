"""MkDocs hook: runs the generator before every build. The only module that imports MkDocs.

mkdocs.base.yml names this file under `hooks:`. Before each build (`mkdocs build`, and each
rebuild of `mkdocs serve`) it regenerates the pages in docs/generiert/ and sets the
navigation and the edition line of the footer (`extra.strategie_fassung`). Pages are rewritten
only when their content changed, so a rebuild does not trigger the next one. Under
`strategie build` the pages are already generated; the hook only reads their navigation
(generator/prepared.py).

Problems in the data are logged in German as `file:line:col: …`; warnings count as failures
under `mkdocs build --strict`, errors stop the build with a German message.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger

from generator.prepared import PREPARED_VARIABLE, read_prepared

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from generator.problems import Problem

log = get_plugin_logger("strategie")


def on_pre_build(config: MkDocsConfig) -> None:
    """Generate the pages and hand their navigation to MkDocs."""
    prepared = os.environ.get(PREPARED_VARIABLE)
    if prepared:
        # `strategie build` has validated and generated already (generator/prepared.py).
        config["nav"], config["extra"]["strategie_fassung"] = read_prepared(Path(prepared))
        return
    _forget_generator_modules()
    from generator.pipeline import generate
    from generator.problems import DataProblems

    project = Path(config.config_file_path).resolve().parent
    try:
        site = generate(project, strict=False, on_problems=_log_problems)
    except DataProblems as failure:
        raise Abort(
            f"Die Daten in strategy/ enthalten {len(failure.problems)} Problem(e), siehe oben. "
            "Die Website wurde nicht gebaut. Prüfen Sie die Daten mit „strategie check“."
        ) from None
    config["nav"] = site.navigation
    # Shown in the footer of every page (docs/theme/partials/copyright.html).
    config["extra"]["strategie_fassung"] = site.edition_line


def _log_problems(problems: Sequence[Problem]) -> None:
    from generator.problems import Severity

    for found in sorted(problems):
        if found.severity is Severity.ERROR:
            log.error(found.format())
        else:
            log.warning(found.format())


def _forget_generator_modules() -> None:
    """Make `mkdocs serve` run the current generator code after an edit under generator/."""
    for name in [name for name in sys.modules if name.partition(".")[0] == "generator"]:
        del sys.modules[name]

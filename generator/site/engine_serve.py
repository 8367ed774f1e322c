"""The preview of an engine that runs no MkDocs hook (Zensical).

MkDocs and ProperDocs run the hook, which generates the pages before every rebuild of their
preview; they serve the project's mkdocs.yml as it is. Zensical ignores hooks: the pages are
generated here once, before it starts, with the generated configuration (engine_config.py)
and an output folder of its own inside the project (its default, site/, may hold the built
site). A change to strategy/ then needs a new start of the preview; the log says so.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.errors import DataProblems, UserError, log
from generator.problems import Problem
from generator.site.engine_build import Prepared
from generator.site.engine_config import PREFIX, engine_config_text, write_engine_config
from generator.site.engines import ZENSICAL_THEME, Engine


def serve_config(project: Path, chosen: Engine, config: str) -> Prepared | None:
    """The generated configuration for the preview, or None when the engine runs the hook
    (it then serves `config` itself)."""
    if chosen.runs_hook:
        return None
    from generator.site.pipeline import generate

    try:
        site = generate(project, strict=False, on_problems=_log_problems)
    except DataProblems as failure:
        raise UserError(
            f"Die Daten in strategy/ enthalten {len(failure.problems)} Problem(e), siehe oben. "
            "Die Vorschau wurde nicht gestartet. Prüfen Sie die Daten mit „strategie check“."
        ) from None
    log.info(
        f"{chosen.title} erzeugt die Seiten nicht selbst: nach einer Änderung in strategy/ die "
        "Vorschau neu starten."
    )
    inner = Path(tempfile.mkdtemp(prefix=f"{PREFIX}vorschau-", dir=project))
    text = engine_config_text(
        project,
        config,
        site.navigation,
        site.edition_line,
        site.settings,
        site.notice,
        engine_settings={"site_dir": inner.name, "theme": ZENSICAL_THEME},
    )
    return Prepared(write_engine_config(project, text), inner)


def _log_problems(problems: Sequence[Problem]) -> None:
    for found in sorted(problems):
        log.warning(found.format())

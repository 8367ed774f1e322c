"""One engine run of `strategie build`: generated pages and configuration → the built site.

In: the project folder, the validated strategy, the configuration to build (mkdocs.yml or
mkdocs.offline.yml) and the engine (engines.py). Out: the site in the staging folder of
build.py, or the engine's output when it failed. The pages are generated here, in this
process, and the engine gets them with the generated configuration (engine_config.py); the
MkDocs hook sees `PREPARED_VARIABLE` and leaves them alone. Zensical writes only into a folder
inside the project, named by its configuration; its site is moved to the staging folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.site.engine_config import PREFIX, engine_config_text, write_engine_config
from generator.site.engines import ZENSICAL_THEME, Engine, build_command
from generator.site.prepared import PREPARED_VARIABLE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from generator.model import Strategy
    from generator.site.pipeline import BuildCache
    from generator.views.pdf_offer import PdfFile


@dataclass(frozen=True)
class Prepared:
    """What a build leaves in the project folder until it ends (removed by `clean_up`)."""

    #: The generated configuration, inheriting the one to build.
    config: Path
    #: Zensical's output folder inside the project (None for engines that take `-d`).
    inner_site: Path | None = None


def prepare(
    project: Path,
    strategy: Strategy,
    config: str,
    chosen: Engine,
    pdf: Sequence[PdfFile] = (),
    cache: BuildCache | None = None,
) -> Prepared:
    """Generate the pages from the validated strategy (here rather than in MkDocs' hook, so
    the data is loaded and validated once per build) and write the generated configuration;
    `pdf`: the printed PDF editions the site gets and offers; `cache`: the build's, which
    the strategy was loaded with."""
    from generator.site.pipeline import generate_validated

    site = generate_validated(project, strategy, pdf=pdf, cache=cache)
    inner = None
    settings = None
    if not chosen.site_dir_option:
        inner = Path(tempfile.mkdtemp(prefix=f"{PREFIX}site-", dir=project))
        settings = {"site_dir": inner.name, "theme": ZENSICAL_THEME}
    try:
        text = engine_config_text(
            project,
            config,
            site.navigation,
            site.edition_line,
            site.settings,
            site.notice,
            engine_settings=settings,
        )
        return Prepared(write_engine_config(project, text), inner)
    except BaseException:
        if inner is not None:
            shutil.rmtree(inner, ignore_errors=True)
        raise


def run_engine(
    project: Path, chosen: Engine, prepared: Prepared, staging: Path, epoch: int
) -> str | None:
    """Build into `staging`; None on success, else the engine's output. Never `-q`: it
    hides the warnings that make a --strict build fail."""
    environment = engine_environment()
    environment["SOURCE_DATE_EPOCH"] = str(epoch)
    environment[PREPARED_VARIABLE] = "1"
    command = build_command(chosen, prepared.config.name, str(staging))
    result = subprocess.run(
        command,
        cwd=project,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return result.stdout
    if prepared.inner_site is not None:
        os.rmdir(staging)
        shutil.move(prepared.inner_site, staging)
    return None


def clean_up(prepared: Prepared | None) -> None:
    """Remove the generated configuration (and Zensical's folder) from the project."""
    if prepared is None:
        return
    prepared.config.unlink(missing_ok=True)
    if prepared.inner_site is not None:
        shutil.rmtree(prepared.inner_site, ignore_errors=True)


def engine_environment() -> dict[str, str]:
    environment = dict(os.environ)
    # MkDocs 1.6 prints a multi-line notice about MkDocs 2 on every run; it is known (see
    # the design notes) and would bury the messages that matter.
    environment["NO_MKDOCS_2_WARNING"] = "1"
    return environment

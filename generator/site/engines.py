"""The engines that turn the generated pages into the site: MkDocs, ProperDocs, Zensical.

In: an engine's name and what to build. Out: the command line that runs it, or a German
`UserError` when its package is not installed. MkDocs (1.6, with Material for MkDocs) is the
default; ProperDocs (a maintained fork of MkDocs 1.x) and Zensical (Material's successor)
are optional extras (pyproject.toml: `pip install -e .[properdocs]`, `.[zensical]`), pinned
in requirements.lock. README.md („Engines“) says how they differ and when the default would
change. Every engine reads the generated configuration (engine_config.py); none is imported
here, each runs as `python -m <engine>` in its own process.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass

from generator.errors import UserError
from generator.problems import message
from generator.terminal import EXIT_USAGE


@dataclass(frozen=True)
class Engine:
    """One engine: its module, the extra that installs it and how it builds."""

    name: str
    #: The name in messages.
    title: str
    #: The Python module run with `python -m`.
    module: str
    #: The optional dependency group of pyproject.toml that installs it (None: always there).
    extra: str | None
    #: Whether it takes the output folder on the command line (`-d`); Zensical reads it only
    #: from the configuration (`site_dir`, which must lie inside the project folder).
    site_dir_option: bool
    #: Whether it runs the MkDocs hook (Zensical ignores hooks).
    runs_hook: bool


ENGINES: dict[str, Engine] = {
    "mkdocs": Engine("mkdocs", "MkDocs", "mkdocs", None, site_dir_option=True, runs_hook=True),
    "properdocs": Engine(
        "properdocs", "ProperDocs", "properdocs", "properdocs", site_dir_option=True, runs_hook=True
    ),
    "zensical": Engine(
        "zensical", "Zensical", "zensical", "zensical", site_dir_option=False, runs_hook=False
    ),
}
DEFAULT_ENGINE = "mkdocs"

#: Zensical's theme variant that draws the pages as Material for MkDocs does (the overrides in
#: docs/theme are Material's partials); its default "modern" is a new design.
ZENSICAL_THEME = {"variant": "classic"}


def engine(name: str) -> Engine:
    """The engine called `name`; a German `UserError` if it is not installed."""
    chosen = ENGINES[name]
    if importlib.util.find_spec(chosen.module) is None:
        raise UserError(
            message("engine_missing", engine=chosen.name, extra=chosen.extra or chosen.name),
            exit_code=EXIT_USAGE,
        )
    return chosen


def build_command(chosen: Engine, config: str, site_dir: str) -> list[str]:
    """The strict build of `config`; into `site_dir` where the engine takes it as an option."""
    command = [sys.executable, "-m", chosen.module, "build", "--strict", "-f", config]
    if chosen.site_dir_option:
        command += ["-d", site_dir]
    return command


def serve_command(chosen: Engine, config: str, address: str, *, quick: bool) -> list[str]:
    """The live preview of `config` at `address`."""
    command = [sys.executable, "-m", chosen.module, "serve", "-f", config, "-a", address]
    if quick and chosen.runs_hook:
        command.append("--dirty")
    return command

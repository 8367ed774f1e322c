"""--engine of „strategie build“ and „strategie serve“ (README.md, „Engines“)."""

from __future__ import annotations

import argparse

from generator.site.engines import DEFAULT_ENGINE, ENGINES


def add_engine_option(command: argparse.ArgumentParser) -> None:
    """Let `command` choose the engine that builds the site (site/engines.py)."""
    command.add_argument(
        "--engine",
        choices=tuple(ENGINES),
        default=DEFAULT_ENGINE,
        help=(
            "womit die Website gebaut wird (Standard: mkdocs); properdocs und zensical sind "
            "optionale Pakete, siehe README, Abschnitt „Engines“"
        ),
    )

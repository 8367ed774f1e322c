"""The commands that build, serve, publish and print the site: arguments → site stage.

Split from commands.py, which dispatches every command and catches user errors; these print
their summaries through report.py.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from generator.cli.report import show_built, show_printed, show_published
from generator.errors import UserError
from generator.terminal import EXIT_OK, EXIT_USAGE


def refuse_site_url() -> None:
    """Refuse a SITE_URL that cannot be the site's address (an empty one means none).
    `veroeffentlichen --site-url` is checked in site/publish.py."""
    from generator.siteurl import site_url_error

    value = os.environ.get("SITE_URL", "")
    error = site_url_error(value) if value.strip() else None
    if error:
        raise UserError(f"strategie: {error}", exit_code=EXIT_USAGE)


def run_build(project: Path, arguments: argparse.Namespace) -> int:
    from generator.site.build import build_site

    if arguments.pdf:
        from generator.site.pdf_edition import build_with_pdf

        result = build_with_pdf(
            project, out=arguments.out, offline=arguments.offline, engine_name=arguments.engine
        )
        show_built(result.built)
        for printed in result.printed:
            show_printed(printed)
        return EXIT_OK
    show_built(
        build_site(
            project, out=arguments.out, offline=arguments.offline, engine_name=arguments.engine
        )
    )
    return EXIT_OK


def run_publish(project: Path, arguments: argparse.Namespace) -> int:
    from generator.site.publish import Publication, publish_site

    publication = Publication(
        edition=arguments.fassung,
        preview=arguments.vorschau,
        current=arguments.aktuell,
        push=arguments.push,
        branch=arguments.branch,
        site_url=arguments.site_url,
    )
    show_published(publish_site(project, publication))
    return EXIT_OK


def run_serve(project: Path, arguments: argparse.Namespace) -> int:
    from generator.site.build import serve_site

    return serve_site(
        project, address=arguments.adresse, quick=arguments.schnell, engine_name=arguments.engine
    )


def run_pdf(project: Path, arguments: argparse.Namespace) -> int:
    from generator.site.pdf import find_chromium, print_pdf

    chromium = find_chromium()
    target = arguments.out if arguments.out.is_absolute() else project / arguments.out
    if arguments.site is not None:
        printed = print_pdf(arguments.site.resolve(), target, chromium, project)
    else:
        from generator.site.build import build_site

        with tempfile.TemporaryDirectory(prefix="strategie-pdf-") as folder:
            built = build_site(project, out=Path(folder) / "site", offline=True)
            printed = print_pdf(built.target, target, chromium, project)
    show_printed(printed)
    return EXIT_OK

"""Publish stage: one edition (or the preview) of the site as a version on the gh-pages branch.

In: the project folder (a Git checkout) and what to publish. Out: commits on the branch made
by mike — the version's folder, `versions.json`, and with `--aktuell` the alias `aktuell` as
redirect pages plus the site root redirecting to it — and one by gh_pages.py (the current
edition's feed and downloads as real files under `aktuell/`, the root 404 page, the preview
last in the version list), pushed with `--push`; and an exit code. The command
`strategie veroeffentlichen` is this module; editors never type mike's commands.

Before mike runs, the data is checked strictly and the version is checked against the data:
an edition must be the newest one in the checked-out strategie.yml (the site shows that
edition on every page), the preview is always `vorschau`. mike runs as a subprocess with
the virtual environment's programs first on PATH (it starts `mkdocs` by name); MkDocs is
never imported here. mike's own build is made strict through `STRATEGIE_STRENG` (read by
mkdocs.yml), `SOURCE_DATE_EPOCH` comes from the last commit, `SITE_URL` from `--site-url`.

Nothing here prints: a refusal or failure is raised as `UserError`, a publication is
returned as `Published`; the command line shows both (generator/cli/report.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError
from generator.model import Strategy
from generator.problems import has_errors
from generator.site.build import ONLINE_CONFIG, source_date_epoch
from generator.site.gh_pages import finish_branch
from generator.terminal import EXIT_USAGE, summarise
from generator.timestamps import EpochError

#: The version built from the main branch; not an edition, never the default.
PREVIEW = "vorschau"
#: The alias of the newest edition; the site root redirects to it.
CURRENT = "aktuell"
#: Its title in the version selector, which lists it last (gh_pages.py): marked as a draft.
PREVIEW_TITLE = "Vorschau (Entwurf)"


@dataclass(frozen=True)
class Publication:
    """What to publish, as given on the command line."""

    edition: str | None
    preview: bool
    current: bool
    push: bool
    branch: str
    site_url: str | None


class _Refused(Exception):
    """The publication cannot go ahead; the message is German, for editors."""


@dataclass(frozen=True)
class Published:
    """A version deployed with mike, for the summary the command line shows."""

    version: str
    publication: Publication


def _check_legal_facts(strategy: Strategy, project: Path) -> None:
    """An edition goes live only with every legal fact entered (check/publication.py); the
    preview may show placeholders."""
    from generator.check.publication import publication_problems

    missing = publication_problems(strategy.strategie, project / "strategy")
    if missing:
        raise UserError(
            f"Veröffentlichung abgebrochen: {len(missing)} Angabe(n) für Impressum, "
            "Datenschutzerklärung oder Erklärung zur Barrierefreiheit fehlen (siehe oben). "
            "Prüfen Sie vorab mit „strategie check --veroeffentlichung“; eine Vorschau geht "
            "mit „strategie veroeffentlichen --vorschau“. Im Zweig nichts geändert.",
            problems=missing,
        )


def publish_site(project: Path, publication: Publication) -> Published:
    """Check, then deploy with mike; raises `UserError` when refused or failed."""
    from generator.check.validate import load_strategy

    project = project.resolve()
    try:
        version = _version(publication)
    except _Refused as refusal:
        raise UserError(f"strategie veroeffentlichen: {refusal}", exit_code=EXIT_USAGE) from None
    strategy, problems = load_strategy(project / "strategy")
    if strategy is None or has_errors(problems, strict=True):
        raise UserError(
            f"Veröffentlichung abgebrochen: {summarise(problems)} in den Daten (Warnungen zählen "
            "hier als Fehler). Im Zweig nichts geändert.",
            problems=problems,
        )
    editions = sorted(strategy.strategie.fortschreibungen, key=lambda e: (e.datum, e.id))
    try:
        if version != PREVIEW:
            _check_edition(version, [edition.id for edition in editions])
        _check_git(project)
        _check_branch(project, publication.branch)
        mike = _mike()
        environment = _environment(project, publication.site_url, publication.current)
    except _Refused as refusal:
        raise UserError(f"strategie veroeffentlichen: {refusal}", exit_code=EXIT_USAGE) from None
    if version != PREVIEW:
        _check_legal_facts(strategy, project)

    title = PREVIEW_TITLE if version == PREVIEW else f"Fassung {version}"
    deploy = [mike, "deploy", "--config-file", ONLINE_CONFIG, "--branch", publication.branch]
    deploy += ["--title", title, "--alias-type=redirect"]
    if publication.current:
        deploy += ["--update-aliases", version, CURRENT]
    else:
        deploy += [version]
    steps = [deploy]
    if publication.current:
        steps.append([mike, "set-default", "--branch", publication.branch, CURRENT])
    for step in steps:
        result = subprocess.run(
            step,
            cwd=project,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise UserError(
                f"Veröffentlichung fehlgeschlagen: „mike {step[1]}“ meldet einen Fehler (siehe "
                "oben). Ein Bau mit Warnungen wird nicht veröffentlicht.",
                details=result.stdout,
            )
    alias = CURRENT if publication.current else None
    finish_branch(
        project,
        publication.branch,
        version,
        alias=alias,
        preview=PREVIEW,
        site_url=environment.get("SITE_URL"),
    )
    if publication.push:
        _push(project, publication.branch)
    return Published(version, publication)


def _push(project: Path, branch: str) -> None:
    """Upload the branch to origin (what mike's --push does), after the finishing commit."""
    result = subprocess.run(
        ["git", "-C", str(project), "push", "origin", f"refs/heads/{branch}:refs/heads/{branch}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise UserError(
            f"Veröffentlichung abgelegt, aber nicht hochgeladen: „git push“ meldet einen Fehler "
            f"(siehe oben). Laden Sie den Zweig {branch} mit „git push origin {branch}“ hoch.",
            details=result.stdout,
        )


def _version(publication: Publication) -> str:
    """The mike version to deploy: the edition id, or `vorschau`."""
    if publication.preview and publication.edition not in (None, PREVIEW):
        raise _Refused("Geben Sie entweder --fassung oder --vorschau an, nicht beides.")
    if not publication.preview and publication.edition is None:
        raise _Refused(
            "Es fehlt, was veröffentlicht werden soll: --fassung KENNUNG (etwa --fassung 2020) "
            "oder --vorschau."
        )
    version = PREVIEW if publication.preview else str(publication.edition)
    if version == PREVIEW and publication.current:
        raise _Refused(
            "Die Vorschau wird nie zur aktuellen Fassung; --aktuell gilt nur mit --fassung."
        )
    if publication.site_url is not None:
        from generator.siteurl import site_url_error

        error = site_url_error(publication.site_url, "--site-url")
        if error:
            raise _Refused(error)
    return version


def _check_edition(version: str, edition_ids: list[str]) -> None:
    """An edition can only be published from its own data: the newest in strategie.yml."""
    known = ", ".join(edition_ids)
    if version not in edition_ids:
        raise _Refused(
            f"„{version}“ ist keine Fassung in strategy/strategie.yml (fortschreibungen). "
            f"Vorhanden: {known}. Für die Vorschau: --vorschau."
        )
    newest = edition_ids[-1]
    if version != newest:
        raise _Refused(
            f"Die Daten im Arbeitsverzeichnis sind die Fassung {newest}, nicht {version}. Eine "
            f"frühere Fassung veröffentlichen Sie aus ihrem eigenen Stand, etwa nach "
            f"„git checkout fortschreibung-{version}“."
        )


def _check_git(project: Path) -> None:
    try:
        result = subprocess.run(
            ["git", "-C", str(project), "rev-parse", "--verify", "--quiet", "HEAD"],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise _Refused("Das Programm git ist nicht installiert.") from None
    if result.returncode != 0:
        raise _Refused(
            f"Der Ordner {project} ist kein Git-Repository mit mindestens einem Commit; "
            "veröffentlicht wird in einen Git-Zweig."
        )


def _check_branch(project: Path, branch: str) -> None:
    """mike adds its commits to `branch`: never to a branch of the sources (one with the
    data folder strategy/), such as main."""
    result = subprocess.run(
        ["git", "-C", str(project), "ls-tree", "--name-only", f"refs/heads/{branch}", "strategy"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0 and result.stdout.strip():
        raise _Refused(
            f"Der Zweig „{branch}“ enthält die Daten (strategy/); die Website wird nie in einen "
            "Zweig der Quellen gelegt. Nehmen Sie einen eigenen Zweig wie gh-pages (Standard)."
        )


def _mike() -> str:
    mike = Path(sys.executable).parent / "mike"
    if not mike.is_file():
        raise _Refused(
            f"mike fehlt in {mike.parent}. Richten Sie die Umgebung mit "
            "„bash scripts/setup.sh“ ein."
        )
    return str(mike)


def _environment(project: Path, site_url: str | None, current: bool) -> dict[str, str]:
    environment = dict(os.environ)
    # mike starts `mkdocs` by name: the one of this environment must come first.
    environment["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), *_path()])
    try:
        epoch, _ = source_date_epoch(project)
    except EpochError as error:
        raise _Refused(str(error)) from None
    environment["SOURCE_DATE_EPOCH"] = str(epoch)
    if site_url is not None:
        environment["SITE_URL"] = site_url if site_url.endswith("/") else site_url + "/"
    # The feed of the current edition links to the alias folder, where gh_pages.py puts it
    # (generator/site/pipeline.py): subscribers keep the address when the next edition comes.
    if current:
        environment["STRATEGIE_ALIAS"] = CURRENT
    else:
        environment.pop("STRATEGIE_ALIAS", None)
    # mkdocs.yml reads it: mike's build fails on every warning, as `strategie build` does.
    environment["STRATEGIE_STRENG"] = "true"
    environment["NO_MKDOCS_2_WARNING"] = "1"
    return environment


def _path() -> list[str]:
    return [entry for entry in os.environ.get("PATH", "").split(os.pathsep) if entry]

"""MkDocs hook: runs the generator before every build. The only module that imports MkDocs.

mkdocs.base.yml names this file under `hooks:`. It does only what MkDocs alone needs. Where
the pages are generated in MkDocs' own process (`mkdocs build`, each rebuild of
`mkdocs serve`, mike) it regenerates them in docs/generiert/ and sets the navigation, the
edition line of the footer (`extra.strategie_fassung`) and the site's identity from
strategie.yml: site_name, site_description, copyright, logo, favicon and the stylesheet with
the city's colours. Pages are rewritten only when their content changed, and `mkdocs serve`
does not watch that folder, so an edit causes one rebuild, not two. Under `strategie build`
(every engine) the pages are already generated and those settings come from the generated
configuration (generator/site/engine_config.py); the hook leaves them alone.

Problems in the data are logged in German as `file:line:col: …`; warnings count as failures
under `mkdocs build --strict`, errors stop the build with a German message.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger

from generator.site.prepared import PREPARED_VARIABLE, QUICK_VARIABLE

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

    from generator.problems import Problem
    from generator.render.engine import RenderedSite
    from generator.site.pipeline import BuildCache

log = get_plugin_logger("strategie")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Configure Material's version selector only when mike builds (it sets MIKE_DOCS_VERSION).

    mkdocs.yml names the selector for the published editions; a build without mike has no
    versions.json beside it, and Material's script would ask for it on every page load (a 404)."""
    if not os.environ.get("MIKE_DOCS_VERSION"):
        config["extra"].pop("version", None)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Generate the pages and hand their navigation to MkDocs."""
    from generator.siteurl import site_url_error

    site_url = os.environ.get("SITE_URL", "")
    if site_url.strip() and (error := site_url_error(site_url)):
        raise Abort(error)
    if os.environ.get(PREPARED_VARIABLE):
        # `strategie build` has validated and generated already; the navigation, edition line
        # and identity are in the generated configuration it builds (site/engine_config.py).
        return
    _forget_generator_modules()
    from generator.errors import DataProblems, UserError
    from generator.site.pipeline import generate

    project = Path(config.config_file_path).resolve().parent
    try:
        site = generate(project, strict=False, on_problems=_log_problems, cache=_build_cache())
    except DataProblems as failure:  # its problems were logged above, one by one
        raise Abort(
            f"Die Daten in strategy/ enthalten {len(failure.problems)} Problem(e), siehe oben. "
            "Die Website wurde nicht gebaut. Prüfen Sie die Daten mit „strategie check“."
        ) from None
    except UserError as error:  # any other failure the user can fix (OutputRefused, …)
        raise Abort(error.message) from None
    config["nav"] = site.navigation
    # Shown in the footer of every page (docs/theme/partials/copyright.html).
    config["extra"]["strategie_fassung"] = site.edition_line
    _apply_identity(config, site.settings)
    # Shown above the content of every page (docs/theme/partials/hinweis.html).
    config["extra"]["strategie_hinweis"] = site.notice
    if os.environ.get(QUICK_VARIABLE):
        _mark_all_changed_if_shared_parts_changed(Path(config.docs_dir), site)


def _build_cache() -> BuildCache:
    """The parsed files and earlier states this build may reuse (site/pipeline.py).

    `mkdocs build` (mike's too): a fresh one, dropped with this build; kept, it would only
    stay in memory while MkDocs works (about 60 MB at 3,000 measures). `mkdocs serve`: the
    session's, kept across rebuilds on the imported generator package (this module is loaded
    anew for each rebuild, the package is not). After an edit of the generator's code,
    `_forget_generator_modules` imports a fresh package, and with it the session starts a
    fresh cache: the old one holds objects of the old code."""
    import generator
    from generator.site.pipeline import BuildCache

    if _command == "build":
        return BuildCache()
    cache = getattr(generator, _CACHE, None)
    if not isinstance(cache, BuildCache):
        cache = BuildCache()
        setattr(generator, _CACHE, cache)
    return cache


def _apply_identity(config: MkDocsConfig, settings: dict[str, Any]) -> None:
    """The site's name, description, footer line, logo and colours from strategie.yml
    (generator/views/identity.py); mkdocs.base.yml holds only placeholders for them."""
    if not settings:
        return
    for key in ("site_name", "site_description", "copyright"):
        config[key] = settings[key]
    config.theme["logo"] = settings["logo"]
    config.theme["favicon"] = settings["logo"]
    # First, so that the project's own stylesheets (which use the colours) come after it.
    if settings["stylesheet"] not in config.extra_css:
        config.extra_css.insert(0, settings["stylesheet"])


#: The MkDocs command this hook runs under, from on_startup. Under `mkdocs serve` MkDocs loads
#: the hook anew for every rebuild, so there it stays None.
_command: str | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Note the command; `mkdocs serve --dirty` (what `strategie serve --schnell` runs) is
    the quick preview."""
    global _command
    _command = command
    if command == "serve" and dirty:
        os.environ[QUICK_VARIABLE] = "1"
    if os.environ.get(QUICK_VARIABLE):
        _silence_dirty_warning()


def _mark_all_changed_if_shared_parts_changed(docs: Path, site: RenderedSite) -> None:
    """Quick preview: MkDocs' dirty builds rebuild only the pages whose Markdown is newer than
    their HTML. The generator rewrites every page whose content changed (a measure, the
    lists and charts that show it), but the navigation, the footer's edition line and the
    site's name and licence line are in every page: when one of them changed, every page is
    marked changed, so none keeps the old ones.
    (The last state is kept on the generator package, which outlives the hook module; a fresh
    import of the generator after a code change therefore rebuilds everything, as it should.)"""
    import generator

    shared = json.dumps(
        [site.navigation, site.edition_line, site.settings, site.notice], ensure_ascii=False
    )
    if getattr(generator, _SHARED_PARTS, None) == shared:
        return
    setattr(generator, _SHARED_PARTS, shared)
    now = time.time()
    for path in docs.rglob("*"):
        if path.is_file():
            os.utime(path, (now, now))


@event_priority(100)  # before Material's search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    """Quick preview: correct the search index Material merges from the last build.

    Under dirty builds Material keeps the index entries of the pages not rebuilt, and
    replaces those of only one rebuilt page, the first (it expects one edited page per
    rebuild). One edit of the data rewrites several pages, whose old entries would stay
    beside the new ones. So the kept entries of every rebuilt page are dropped here.
    `search_index_prev` is Material's private state, not an interface: this is the one place
    that touches it (see ARCHITECTURE.md), and only where it is found; a Material without it
    leaves the index as Material merged it. tests/test_build.py's quick-serve test checks
    the index after an edit."""
    if not os.environ.get(QUICK_VARIABLE):
        return
    for plugin in config.plugins.values():
        previous = getattr(plugin, "search_index_prev", None)
        current = getattr(plugin, "search_index", None)
        if previous is None or current is None or not current.entries:
            continue
        rebuilt = {entry["location"].partition("#")[0] for entry in current.entries}
        previous.entries = [
            entry
            for entry in previous.entries
            if entry["location"].partition("#")[0] not in rebuilt
        ]


def _silence_dirty_warning() -> None:
    """MkDocs warns on dirty builds that navigation and links may be out of date; the quick
    preview keeps them current (above), so the warning would only mislead editors."""
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyWarningFilter) for f in build_log.filters):
        build_log.addFilter(_DirtyWarningFilter())


class _DirtyWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in str(record.msg)


def on_env(env: Environment, config: MkDocsConfig, files: Any) -> Environment:
    """Keep the theme's compiled templates between builds (Jinja's bytecode cache, in the
    temporary folder). MkDocs makes a new Jinja environment for every build, which compiled
    Material's templates anew each time: about 0.15 s of every build and of every rebuild of
    `mkdocs serve`. Jinja checks each template's source against the cached code, and the
    cache's file names carry the versions of everything that shapes the compiled code."""
    if env.bytecode_cache is None:
        env.bytecode_cache = _theme_bytecode_cache()
    return env


def _theme_bytecode_cache() -> BytecodeCache | None:
    from importlib.metadata import version

    from jinja2 import FileSystemBytecodeCache

    versions = "/".join(version(name) for name in ("mkdocs", "mkdocs-material", "jinja2"))
    fingerprint = hashlib.sha256(versions.encode()).hexdigest()[:16]
    try:
        return FileSystemBytecodeCache(pattern=f"__strategie_theme_{fingerprint}_%s")
    except (OSError, RuntimeError):  # no usable temporary folder: compile every time
        return None


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Under `mkdocs serve`, do not watch docs/generiert: only this hook writes there, and
    its writes would start a second rebuild after every edit (strategy/ and generator/ are
    watched through `watch:` in mkdocs.base.yml)."""
    server.unwatch(config.docs_dir)
    return server


def _log_problems(problems: Sequence[Problem]) -> None:
    from generator.problems import Severity

    for found in sorted(problems):
        if found.severity is Severity.ERROR:
            log.error(found.format())
        elif found.severity is Severity.WARNING:
            log.warning(found.format())
        else:
            log.info(found.format())


#: Attribute of the imported `generator` package: its files' modification times at import.
#: (Not a global of this module: MkDocs loads the hook anew with each configuration, that is
#: with each rebuild of `mkdocs serve`.)
_SOURCES = "_strategie_quellen"
#: Attribute of the imported `generator` package: navigation and edition line of the last
#: build of the quick preview.
_SHARED_PARTS = "_strategie_gemeinsam"
#: Attribute of the imported `generator` package: the serve session's `BuildCache`.
_CACHE = "_strategie_cache"


def _forget_generator_modules() -> None:
    """Make `mkdocs serve` run the current generator code after an edit under generator/.

    The one place that touches `sys.modules` (see ARCHITECTURE.md): MkDocs loads this hook
    file anew for every rebuild, but Python would keep serving the generator modules the
    first rebuild imported, so an edit of the generator's code would need a restart of the
    preview. Only when a file there changed: importing the generator anew takes about 0.3 s,
    and the session's cache on the package (`_build_cache`) is dropped with it."""
    sources = _generator_sources()
    package = sys.modules.get("generator")
    if package is not None and getattr(package, _SOURCES, None) == sources:
        return
    for name in [name for name in sys.modules if name.partition(".")[0] == "generator"]:
        del sys.modules[name]
    import generator

    setattr(generator, _SOURCES, sources)


def _generator_sources() -> dict[str, int]:
    """Every file of the generator package (code and templates) with its modification time."""
    package = Path(__file__).resolve().parent.parent
    return {
        str(path): path.stat().st_mtime_ns
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }

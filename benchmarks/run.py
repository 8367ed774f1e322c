"""Benchmarks of the site build: time, memory and size, bundled data and synthetic strategies.

    .venv/bin/python benchmarks/run.py                       # bundled, 100, 1000, 3000, 10000
    .venv/bin/python benchmarks/run.py --sizes bundled,100,3000 --no-readme
    .venv/bin/python benchmarks/run.py --preview --search bundled,3000  # preview, search
    .venv/bin/python benchmarks/run.py --profile bundled,3000 # where a build's time goes

Not a test: nothing is asserted. Every size is built in a scratch copy of this project (its
generator, theme and MkDocs configuration as they are in the working tree, and the bundled or
a synthetic strategy from benchmarks/synthetic.py); the working tree is never written to
(except benchmarks/README.md with --readme, the default, and the scratch folder --work).

Per size, each in its own process so that peak memory is honest:

- load + validate: `load_strategy` (time; peak RSS of the process);
- render + write: `render_site`, the open-data exports and `write_pages` into an empty
  docs/generiert (time; peak RSS counted from the end of loading, loaded strategy included);
- MkDocs with our hook: `mkdocs build --strict` (the hook generates again, as it always does);
- plain MkDocs: the same Markdown, the same theme and extensions, without `hooks:` and with
  the generated navigation written into the configuration as `nav:`;
- end to end: `strategie build` from an empty docs/generiert, as in a fresh clone.

Wall time and the maximum RSS of the child (os.wait4, which includes the child's own
children), and the load average before each measurement: on a busy machine the times say
little, and the README says how busy it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.server
import importlib.metadata
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

DEFAULT_SIZES = "bundled,100,1000,3000,10000"
README = HERE / "README.md"
RESULTS_START = "<!-- benchmark-results:start -->"
RESULTS_END = "<!-- benchmark-results:end -->"
#: A fixed build time, so that builds are reproducible and need no Git history.
EPOCH = "1700000000"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu"]


# --- measuring a child process ------------------------------------------------------------------


@dataclass
class Run:
    """One measured command: wall time, CPU time (user + system, children included), peak
    RSS of the process tree's largest process, load average before it started."""

    seconds: float
    peak_mb: float
    load: float
    cpu_seconds: float = 0.0


def load_average() -> float:
    return os.getloadavg()[0]


def measure(command: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command`, fail loudly on a non-zero exit; wall time and peak RSS (os.wait4)."""
    load = load_average()
    with open(log, "w") as output:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=cwd, env=env or environment(cwd), stdout=output, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{log.read_text()}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, load, cpu)


def environment(project: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PYTHONPATH")}
    env.update(PYTHONPATH=str(project), SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1", **extra)
    return env


# --- scratch projects ---------------------------------------------------------------------------


@dataclass
class Size:
    label: str
    measures: int | None  # None: the bundled strategy


def parse_sizes(text: str) -> list[Size]:
    sizes = []
    for part in text.split(","):
        part = part.strip().replace("_", "")
        if part == "bundled":
            sizes.append(Size("bundled", None))
        elif part:
            sizes.append(Size(part, int(part)))
    return sizes


def make_project(work: Path, size: Size, seed: int) -> Path:
    """A scratch copy of this project with the size's strategy (synthetic ones cached)."""
    root = work / f"projekt-{size.label}"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in ("mkdocs.yml", "mkdocs.base.yml", "mkdocs.offline.yml"):
        shutil.copy2(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "docs" / "theme", root / "docs" / "theme")
    (root / "docs" / "generiert").mkdir()
    (root / "docs" / "generiert" / ".gitkeep").touch()
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(PROJECT / "generator", root / "generator", ignore=ignore)
    if size.measures is None:
        shutil.copytree(PROJECT / "strategy", root / "strategy")
    else:
        shutil.copytree(synthetic_strategy(work, size.measures, seed), root / "strategy")
    return root


def synthetic_strategy(work: Path, measures: int, seed: int) -> Path:
    """The synthetic strategy folder, generated once per size, seed and generator version."""
    stamp = (
        f"{measures}:{seed}:{hash_file(HERE / 'synthetic.py')}:{hash_tree(PROJECT / 'strategy')}"
    )
    folder = work / "strategien" / f"{measures}-{seed}"
    if (folder / ".stamp").is_file() and (folder / ".stamp").read_text() == stamp:
        return folder / "strategy"
    print(f"  erzeuge synthetische Strategie mit {measures} Maßnahmen …", flush=True)
    synthetic.write_strategy(folder / "strategy", measures, seed)
    (folder / ".stamp").write_text(stamp)
    return folder / "strategy"


def hash_file(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def hash_tree(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for file in sorted(path.rglob("*")):
        if file.is_file():
            digest.update(str(file.relative_to(path)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def write_plain_config(
    project: Path, navigation: list[dict[str, Any]], extra: dict[str, Any]
) -> str:
    """mkdocs.yml for plain MkDocs: the base without `hooks:`, with what the hook would set
    (the generated navigation as `nav:`, its `extra` values)."""
    import yaml

    base = (project / "mkdocs.base.yml").read_text(encoding="utf-8")
    without_hooks = re.sub(r"(?m)^hooks:\n(?:[ \t]+-.*\n|[ \t]*#.*\n)+", "", base)
    if without_hooks == base:
        raise SystemExit("mkdocs.base.yml has no `hooks:` list in the expected form")
    for key, value in extra.items():
        if value is not None:
            line = f"  {key}: {json.dumps(value, ensure_ascii=False)}\n"
            without_hooks = without_hooks.replace("\nextra:\n", "\nextra:\n" + line, 1)
    nav = yaml.safe_dump({"nav": navigation}, allow_unicode=True, sort_keys=False, width=1000)
    (project / "mkdocs.plain-base.yml").write_text(without_hooks + "\n" + nav, encoding="utf-8")
    online = (project / "mkdocs.yml").read_text(encoding="utf-8")
    plain = online.replace("INHERIT: mkdocs.base.yml", "INHERIT: mkdocs.plain-base.yml")
    (project / "mkdocs.plain.yml").write_text(plain, encoding="utf-8")
    return "mkdocs.plain.yml"


def empty_generated(project: Path) -> None:
    generated = project / "docs" / "generiert"
    shutil.rmtree(generated)
    generated.mkdir()
    (generated / ".gitkeep").touch()


# --- the in-process stages (run as `run.py --stage NAME PROJECT OUT`) ---------------------------


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> bool:
    """Start counting the peak RSS anew (Linux: clear_refs 5); False where unsupported."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def run_stage(name: str, project: Path, out: Path) -> None:
    """`load`: load_strategy alone. `render`: the hook's `generate()` (load, history, render,
    exports, write) with its load and write timed apart; peak memory counted after loading."""
    sys.path.insert(0, str(project))
    from generator import pipeline
    from generator.validate import load_strategy
    from generator.write import write_pages

    result: dict[str, Any] = {"load": load_average()}
    timings: dict[str, float] = {}

    def timed_load(*arguments: Any, **keywords: Any) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        loaded = load_strategy(*arguments, **keywords)
        timings["load_seconds"] = time.perf_counter() - started
        timings["load_cpu"] = time.process_time() - cpu
        timings["load_peak_mb"] = peak_rss_mb()
        strategy = loaded[0]
        if strategy is None or loaded[1]:
            raise SystemExit(f"{len(loaded[1])} problem(s) in {project}/strategy")
        result["measures"] = len(strategy.massnahmen)
        result["fields"] = sum(len(t.handlungsfelder) for t in strategy.leitthemen)
        result["themes"] = len(strategy.leitthemen)
        result["peak_reset"] = reset_peak_rss()
        timings["render_started"] = time.perf_counter()
        timings["render_cpu_started"] = time.process_time()
        return loaded

    if name == "load":
        timed_load(project / "strategy")
    else:

        def timed_write(*arguments: Any, **keywords: Any) -> Any:
            started, cpu = time.perf_counter(), time.process_time()
            timings["render_seconds"] = started - timings["render_started"]
            timings["render_cpu"] = cpu - timings["render_cpu_started"]
            report = write_pages(*arguments, **keywords)
            timings["write_seconds"] = time.perf_counter() - started
            timings["write_cpu"] = time.process_time() - cpu
            result["files"] = len(arguments[0])
            return report

        pipeline.load_strategy = timed_load  # type: ignore[attr-defined]
        pipeline.write_pages = timed_write  # type: ignore[attr-defined]
        site = pipeline.generate(project)
        result["render_peak_mb"] = peak_rss_mb()
        result["pages"] = len(site.pages)
        result["navigation"] = site.navigation
        result["extra"] = {"strategie_fassung": getattr(site, "edition_line", None)}
    timings.pop("render_started", None)
    timings.pop("render_cpu_started", None)
    result.update(timings)
    out.write_text(json.dumps(result), encoding="utf-8")


def stage(name: str, project: Path, work: Path) -> dict[str, Any]:
    out = work / f"stage-{name}.json"
    log = work / f"stage-{name}.log"
    command = [sys.executable, str(Path(__file__).resolve()), "--stage", name, str(project)]
    run = measure([*command, str(out)], project, log)
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    result["process_seconds"] = run.seconds
    return result


# --- one size -------------------------------------------------------------------------------------


@dataclass
class Result:
    label: str
    measures: int = 0
    themes: int = 0
    fields: int = 0
    pages: int = 0
    html_pages: int = 0
    runs: int = 1
    load_seconds: float = 0.0
    load_cpu: float = 0.0
    load_peak_mb: float = 0.0
    render_seconds: float = 0.0
    write_seconds: float = 0.0
    #: CPU time of render and write together.
    render_cpu: float = 0.0
    render_peak_mb: float = 0.0
    hook_build: Run | None = None
    plain_build: Run | None = None
    end_to_end: Run | None = None
    #: `strategie build --offline` (with its zip), when measured.
    offline: Run | None = None
    site_mb: float = 0.0
    largest_page: str = ""
    largest_page_kb: float = 0.0
    measure_page_kb_median: float = 0.0
    measure_page_kb_max: float = 0.0
    measure_page_nav_kb_median: float = 0.0
    search_index_mb: float = 0.0
    loads: list[float] = field(default_factory=list)
    search: dict[str, float] = field(default_factory=dict)

    @property
    def overhead(self) -> float:
        assert self.end_to_end and self.plain_build
        return self.end_to_end.seconds / self.plain_build.seconds

    @property
    def generator_share(self) -> float:
        """Share of `strategie build` not spent in plain MkDocs: validation, render, write."""
        assert self.end_to_end and self.plain_build
        return max(0.0, 1 - self.plain_build.seconds / self.end_to_end.seconds)

    @property
    def generator_share_stages(self) -> float:
        """The generator's own time (load + validate, render + write, measured apart) as a
        share of that time plus plain MkDocs: steadier than the difference of two builds,
        which single runs of a minute or more blur by several per cent."""
        assert self.plain_build
        own = self.load_seconds + self.render_seconds + self.write_seconds
        return own / (own + self.plain_build.seconds)

    @property
    def generator_share_cpu(self) -> float:
        """The same share in CPU time, which a busy machine distorts less than wall time."""
        assert self.end_to_end and self.plain_build
        return max(0.0, 1 - self.plain_build.cpu_seconds / self.end_to_end.cpu_seconds)


def median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda run: run.seconds)
    middle = ordered[len(ordered) // 2]
    return Run(
        middle.seconds,
        max(run.peak_mb for run in runs),
        max(run.load for run in runs),
        statistics.median(run.cpu_seconds for run in runs),
    )


def benchmark(size: Size, work: Path, seed: int, runs: int, offline: bool = False) -> Result:
    print(f"{size.label}:", flush=True)
    project = make_project(work, size, seed)
    logs = work / f"logs-{size.label}"
    logs.mkdir(exist_ok=True)
    python = sys.executable
    config = "mkdocs.yml"
    result = Result(size.label, runs=runs)

    loads, renders = [], []
    hooks, plains, ends, offlines = [], [], [], []
    for _ in range(runs):
        loads.append(stage("load", project, logs))
        empty_generated(project)
        renders.append(stage("render", project, logs))
        plain_config = write_plain_config(
            project, renders[-1]["navigation"], renders[-1].get("extra", {})
        )
        build = [python, "-m", "mkdocs", "build", "--strict"]
        hooks.append(
            measure([*build, "-f", config, "-d", str(work / "site-hook")], project, logs / "hook")
        )
        plains.append(
            measure(
                [*build, "-f", plain_config, "-d", str(work / "site-plain")],
                project,
                logs / "plain",
            )
        )
        empty_generated(project)
        target = project / "site"
        if target.exists():
            shutil.rmtree(target)
        strategie = [python, "-m", "generator", "--projekt", str(project), "build"]
        ends.append(measure([*strategie, "--out", str(target)], project, logs / "end-to-end"))
        if offline:
            empty_generated(project)
            out = project / "site-offline"
            if out.exists():
                shutil.rmtree(out)
            offlines.append(
                measure([*strategie, "--offline", "--out", str(out)], project, logs / "offline")
            )
        print(
            f"  load {loads[-1]['load_seconds']:.2f} s, render+write "
            f"{renders[-1]['render_seconds'] + renders[-1]['write_seconds']:.2f} s, hook build "
            f"{hooks[-1].seconds:.2f} s, plain {plains[-1].seconds:.2f} s, strategie build "
            f"{ends[-1].seconds:.2f} s (load average {ends[-1].load:.2f})",
            flush=True,
        )

    def middle(values: list[dict[str, Any]], key: str) -> float:
        return float(statistics.median(value[key] for value in values))

    result.measures = loads[0]["measures"]
    result.themes, result.fields = loads[0]["themes"], loads[0]["fields"]
    result.pages = renders[0]["pages"]
    result.load_seconds = middle(loads, "load_seconds")
    result.load_cpu = middle(loads, "load_cpu")
    result.load_peak_mb = max(value["load_peak_mb"] for value in loads)
    result.render_seconds = middle(renders, "render_seconds")
    result.write_seconds = middle(renders, "write_seconds")
    result.render_cpu = statistics.median(v["render_cpu"] + v["write_cpu"] for v in renders)
    result.render_peak_mb = max(value["render_peak_mb"] for value in renders)
    result.hook_build, result.plain_build = median_run(hooks), median_run(plains)
    result.end_to_end = median_run(ends)
    result.offline = median_run(offlines) if offlines else None
    runs_seen = hooks + plains + ends + offlines
    result.loads = [v["load"] for v in loads + renders] + [r.load for r in runs_seen]
    measure_sizes(result, project / "site", work / "site-plain")
    return result


def measure_sizes(result: Result, site: Path, plain: Path) -> None:
    files = [f for f in site.rglob("*") if f.is_file()]
    result.site_mb = sum(f.stat().st_size for f in files) / 1e6
    html = [f for f in files if f.suffix == ".html"]
    result.html_pages = len(html)
    largest = max(html, key=lambda f: f.stat().st_size)
    result.largest_page = largest.relative_to(site).as_posix()
    result.largest_page_kb = largest.stat().st_size / 1e3
    measure_pages = sorted((site / "massnahmen").glob("*.html"))
    sizes = [f.stat().st_size / 1e3 for f in measure_pages]
    result.measure_page_kb_median = statistics.median(sizes)
    result.measure_page_kb_max = max(sizes)
    navs = [nav_bytes(f.read_text(encoding="utf-8")) / 1e3 for f in measure_pages[:200]]
    result.measure_page_nav_kb_median = statistics.median(navs)
    index = site / "search" / "search_index.json"
    result.search_index_mb = index.stat().st_size / 1e6 if index.is_file() else 0.0


def nav_bytes(page: str) -> int:
    """Bytes of the primary navigation in a Material page (from its <nav> to its end)."""
    start = page.find('<nav class="md-nav md-nav--primary"')
    if start < 0:
        return 0
    depth, position = 0, start
    pattern = re.compile(r"<nav\b|</nav>")
    for match in pattern.finditer(page, start):
        depth += 1 if match.group() != "</nav>" else -1
        position = match.end()
        if depth == 0:
            break
    return position - start


# --- preview latency (strategie serve) ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_until(condition: Callable[[], bool], limit: float, what: str) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out: {what}")
        time.sleep(0.02)


#: How the preview is served: `strategie serve` (full rebuilds) and `strategie serve
#: --schnell` (MkDocs' dirty rebuilds: only pages whose Markdown changed, all of them when the
#: navigation or the footer changed).
PREVIEW_MODES = {
    "serve": "`strategie serve`",
    "quick": "`strategie serve --schnell`",
}


#: What the preview benchmark edits in VER-03: its title (which is in the navigation of
#: every page) or a sentence of its description (only in pages that show the description).
PREVIEW_EDITS = {
    "titel": "the title (navigation)",
    "text": "a sentence of the description",
}
_SENTENCE = "Die Maßnahme steht für den Grundsatz"


def edited(original: str, kind: str, attempt: int) -> tuple[str, str]:
    """The file with edit number `attempt` of this kind, and the text the page then shows."""
    if kind == "titel":
        title = re.search(r"(?m)^titel: (.*)$", original)
        assert title is not None
        shown = f"{title.group(1)} – Messung {attempt}"
        return original.replace(title.group(0), f"titel: {shown}"), shown
    shown = f"Die Maßnahme (Messung {attempt}) steht für den Grundsatz"
    assert _SENTENCE in original
    return original.replace(_SENTENCE, shown), shown


def measure_preview(
    work: Path, mode: str = "serve", kind: str = "titel", edits: int = 5
) -> dict[str, Any]:
    """Edit VER-03 in a served preview of the bundled strategy; the seconds until Chromium,
    kept open on that measure's page, shows the edit (livereload)."""
    print(f"preview ({PREVIEW_MODES[mode]}, bundled, {PREVIEW_EDITS[kind]}):", flush=True)
    project = make_preview_project(work)
    measure_file = project / "strategy" / "massnahmen" / "verwaltung" / "ver-03.yml"
    original = measure_file.read_text(encoding="utf-8")
    address = f"127.0.0.1:{free_port()}"
    log = work / f"preview-{mode}-{kind}.log"
    command = [sys.executable, "-m", "generator", "--projekt", str(project), "serve"]
    command += ["--adresse", address]
    if mode == "quick":
        command.append("--schnell")
    latencies: list[float] = []
    rebuilds: list[float] = []
    load = load_average()
    with open(log, "w") as output:
        # A session of its own: `strategie serve` runs `mkdocs serve` as a child, which
        # outlives its parent on SIGTERM; the whole group is ended below.
        server = subprocess.Popen(
            command,
            cwd=project,
            # Unbuffered: settle() reads the log while the server runs.
            env=environment(project, PYTHONUNBUFFERED="1"),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until(lambda: "Serving on" in log.read_text(), 300, "preview did not start")
        settle(log)
        with chromium() as browser:
            page = browser.new_page()
            page.goto(f"http://{address}/massnahmen/ver-03.html")
            for attempt in range(edits):
                text, shown = edited(original, kind, attempt + 1)
                before = log.read_text().count("Documentation built in")
                started = time.perf_counter()
                measure_file.write_text(text, encoding="utf-8")
                wait_until(partial(shows, page, shown), 120, "edit never shown")
                latencies.append(time.perf_counter() - started)
                settle(log)
                built = re.findall(r"Documentation built in ([0-9.]+) seconds", log.read_text())
                rebuilds.extend(float(s) for s in built[before:])
    finally:
        measure_file.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    result = {
        "mode": mode,
        "kind": kind,
        "median_seconds": statistics.median(latencies),
        "max_seconds": max(latencies),
        "latencies": latencies,
        "rebuild_seconds": rebuilds,
        "load": load,
    }
    print(f"  edit → browser: {', '.join(f'{s:.2f}' for s in latencies)} s", flush=True)
    return result


def make_preview_project(work: Path) -> Path:
    """A Git clone of this repository with the working tree's generator, theme and
    configuration: as in an editor's checkout, every rebuild reads the history from Git."""
    root = work / "projekt-preview"
    if root.exists():
        shutil.rmtree(root)
    if not (PROJECT / ".git").exists():
        return make_project(work, Size("preview", None), 0)
    subprocess.run(["git", "clone", "--quiet", "--local", str(PROJECT), str(root)], check=True)
    for name in ("mkdocs.yml", "mkdocs.base.yml", "mkdocs.offline.yml"):
        shutil.copy2(PROJECT / name, root / name)
    for folder in ("generator", "docs/theme"):
        shutil.rmtree(root / folder)
        shutil.copytree(
            PROJECT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.rmtree(root / "strategy")
    shutil.copytree(PROJECT / "strategy", root / "strategy")
    (root / "docs" / "generiert").mkdir(exist_ok=True)
    return root


def shows(page: Any, text: str) -> bool:
    try:
        return bool(page.evaluate("t => document.body.innerText.includes(t)", text))
    except Exception:  # the page is reloading; ask again
        return False


def settle(log: Path, quiet: float = 1.5) -> None:
    """Wait until every build the server started has finished and its log has then been
    quiet for `quiet` seconds (a build itself logs nothing for seconds)."""

    def busy(text: str) -> bool:
        # Not counted by "Documentation built in …": MkDocs logs each message of its build
        # module only once per process, so a rebuild as fast as an earlier one goes unlogged.
        # The server announces each finished rebuild ("Reloading browsers"); the first build
        # ends before it serves.
        started = text.count("Building documentation")
        finished = text.count("Serving on") + text.count("Reloading browsers")
        return started > finished + text.count("Aborted")

    last, since = log.read_text(), time.monotonic()
    deadline = since + 300
    while busy(last) or time.monotonic() - since < quiet:
        if time.monotonic() > deadline:
            raise SystemExit("the preview never settled")
        time.sleep(0.1)
        now = log.read_text()
        if now != last:
            last, since = now, time.monotonic()


# --- search at scale ------------------------------------------------------------------------------


@contextmanager
def http_server(folder: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *arguments: Any) -> None:
            pass

    handler = partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


#: Milliseconds between keystrokes when typing a query: a quick typist. Material searches on
#: every keystroke; typed all at once, the queries for short prefixes ("m", "ma", …) queue
#: up in the search worker, which is slow on a large index.
TYPING_DELAY_MS = 100


def measure_search(site: Path, terms: tuple[str, str, str]) -> dict[str, Any]:
    """Search in Chromium: how long after opening the start page the search is ready (the
    worker fetched and indexed search_index.json), then for each query the seconds from its
    last keystroke until the first result matches it."""
    results: dict[str, Any] = {"load": load_average()}
    first_result_has = """q => {
        const item = document.querySelector("li.md-search-result__item");
        return item !== null && item.innerText.toLowerCase().includes(q);
    }"""
    ready = """() => {
        const meta = document.querySelector(".md-search-result__meta");
        return meta !== null && meta.innerText !== "" && !meta.innerText.includes("initialisiert");
    }"""
    box = "input.md-search__input"
    with http_server(site) as base, chromium() as browser:
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(f"{base}/index.html", wait_until="load")
        page.click(box)
        # Polling by timer (animation-frame polling stalls while the worker indexes).
        page.wait_for_function(ready, timeout=900_000, polling=50)
        results["ready_seconds"] = time.perf_counter() - started
        for name, query in zip(("word", "id", "other_word"), terms, strict=True):
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
            page.wait_for_function(
                '() => !document.querySelector("li.md-search-result__item")',
                timeout=900_000,
                polling=50,
            )
            page.wait_for_timeout(1000)
            page.keyboard.type(query, delay=TYPING_DELAY_MS)
            typed = time.perf_counter()
            page.wait_for_function(first_result_has, arg=query.lower(), timeout=900_000, polling=50)
            results[f"{name}_seconds"] = time.perf_counter() - typed
            results[f"{name}_query"] = query
            results[f"{name}_meta"] = page.locator(".md-search-result__meta").inner_text()
    return results


# --- profile ------------------------------------------------------------------------------------


def profile_build(work: Path, size: Size, seed: int) -> dict[str, Any]:
    """Where the CPU time of one `mkdocs build` (with the hook) goes, by phase (sampled)."""
    print(f"profile of {size.label}:", flush=True)
    project = make_project(work, size, seed)
    out = work / f"profile-{size.label}.json"
    command = [sys.executable, str(HERE / "profile_build.py"), str(out)]
    command += ["--strict", "-f", "mkdocs.yml", "-d", str(work / "site-profile")]
    run = measure(command, project, work / f"profile-{size.label}.log")
    profile: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    profile.update(label=size.label, seconds=run.seconds, load=run.load)
    shares = ", ".join(f"{name} {share:.0%}" for name, share in profile["phases"].items())
    print(f"  {run.seconds:.1f} s: {shares}", flush=True)
    return profile


# --- report -------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "unbekannt"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = int(line.split()[1]) // 1024
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "ram": f"{memory / 1024:.1f} GB",
        "python": platform.python_version(),
        "mkdocs": importlib.metadata.version("mkdocs"),
        "material": importlib.metadata.version("mkdocs-material"),
    }


def cell(seconds: float, cpu: float, megabytes: float) -> str:
    return f"{seconds:.2f} s ({cpu:.2f}) · {megabytes:.0f} MB"


def run_cell(run: Run | None) -> str:
    return "–" if run is None else cell(run.seconds, run.cpu_seconds, run.peak_mb)


def report(
    results: list[Result],
    info: dict[str, str],
    loads: tuple[float, float],
    previews: list[dict[str, Any]],
    profiles: list[dict[str, Any]],
) -> str:
    lines = [
        RESULTS_START,
        "",
        f"Measured {info['date']} on {info['cpus']} CPUs ({info['cpu']}), {info['ram']} RAM; "
        f"Python {info['python']}, MkDocs {info['mkdocs']}, Material {info['material']}. "
        f"Load average (1 min) {loads[0]:.2f} at the start and {loads[1]:.2f} at the end of the "
        "run; per row the highest value seen before any of its measurements.",
        "",
        "Each cell: wall time (CPU time, user + system) · peak memory (max RSS of the largest "
        "process); the median of the runs. *Overhead* is `strategie build` ÷ plain MkDocs on the "
        "same Markdown. *Generator share*: first the generator's own time (load + validate and "
        "render + write, each measured in its own process) ÷ that time plus plain MkDocs; then "
        "the part of `strategie build` not spent in plain MkDocs, by wall and by CPU time (that "
        "difference of two builds also holds Python's start and imports, and single runs "
        "vary by several per cent).",
        "",
        "| strategy | measures | pages | runs | load + validate | render + write "
        "| MkDocs with hook | plain MkDocs | strategie build | overhead "
        "| generator share | load avg |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        lines.append(
            f"| {r.label} | {r.measures:,} | {r.html_pages:,} | {r.runs} "
            f"| {cell(r.load_seconds, r.load_cpu, r.load_peak_mb)} "
            f"| {cell(r.render_seconds + r.write_seconds, r.render_cpu, r.render_peak_mb)} "
            f"| {run_cell(r.hook_build)} | {run_cell(r.plain_build)} | {run_cell(r.end_to_end)} "
            f"| {r.overhead:.2f} | {r.generator_share_stages:.0%}; {r.generator_share:.0%} / "
            f"{r.generator_share_cpu:.0%} "
            f"| {max(r.loads):.2f} |"
        )
    offline = [r for r in results if r.offline]
    if offline:
        lines += [
            "",
            "`strategie build --offline` (offline configuration, zip included): "
            + ", ".join(f"{r.label} {run_cell(r.offline)}" for r in offline)
            + ".",
        ]
    lines += [
        "",
        "Sizes (of the `strategie build` output): the whole site, the largest page, measure "
        "pages (median and largest, and the median size of their navigation) and Material's "
        "search index.",
        "",
        "| strategy | Leitthemen / Handlungsfelder | site MB | largest page | measure page KB "
        "(median / max) | of which navigation KB | search index MB |",
        "|---|--:|--:|---|--:|--:|--:|",
    ]
    for r in results:
        lines.append(
            f"| {r.label} | {r.themes} / {r.fields} | {r.site_mb:.1f} | `{r.largest_page}` "
            f"{r.largest_page_kb:,.0f} KB | {r.measure_page_kb_median:.1f} / "
            f"{r.measure_page_kb_max:.1f} | {r.measure_page_nav_kb_median:.1f} "
            f"| {r.search_index_mb:.2f} |"
        )
    searched = [r for r in results if r.search]
    if searched:
        lines += [
            "",
            "Search in Chromium (site served over http on 127.0.0.1): *ready* is the time from "
            "opening the start page until the search works (Material's worker has fetched and "
            "indexed search_index.json; a query typed earlier waits for it); then, for each "
            f"query typed at {TYPING_DELAY_MS} ms per keystroke, the seconds from the last "
            "keystroke until the first result matches it.",
            "",
            "| strategy | search index MB | ready | a word | a measure id | another word "
            "| load avg |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        for r in searched:
            s = r.search
            cells = [
                f"{s[f'{name}_seconds']:.2f} s („{s[f'{name}_query']}“, {s[f'{name}_meta']})"
                for name in ("word", "id", "other_word")
            ]
            lines.append(
                f"| {r.label} | {r.search_index_mb:.2f} | {s['ready_seconds']:.2f} s "
                f"| {' | '.join(cells)} | {s['load']:.2f} |"
            )
    if previews:
        lines += [
            "",
            "Live preview of the bundled data (a Git clone, so the history is read as in an "
            "editor's checkout): VER-03 edited in its YAML file, its title or a sentence of its "
            "description; seconds until Chromium, kept open on that measure's page, shows the "
            "edit (each edit "
            "after the previous one's rebuild finished). MkDocs' own times are those it logs "
            "per rebuild (it logs a time only once: a rebuild exactly as fast as an earlier one "
            "is missing from the list).",
            "",
            "| served by | edited | edit → browser, median (max) | each edit | MkDocs' rebuilds "
            "| load avg |",
            "|---|---|--:|---|---|--:|",
        ]
        for preview in previews:
            times = ", ".join(f"{s:.2f}" for s in preview["latencies"])
            rebuilds = ", ".join(f"{s:.2f}" for s in preview["rebuild_seconds"])
            lines.append(
                f"| {PREVIEW_MODES[preview['mode']]} | {PREVIEW_EDITS[preview['kind']]} "
                f"| **{preview['median_seconds']:.2f} s** "
                f"({preview['max_seconds']:.2f} s) | {times} | {rebuilds} "
                f"| {preview['load']:.2f} |"
            )
    if profiles:
        phases = list(profiles[0]["phases"])
        lines += [
            "",
            "Where the CPU time of one `mkdocs build` with our hook goes (sampling profile, "
            "benchmarks/profile_build.py):",
            "",
            "| strategy | wall s | CPU s | " + " | ".join(phases) + " | load avg |",
            "|---|--:|--:|" + "--:|" * len(phases) + "--:|",
        ]
        for profile in profiles:
            shares = " | ".join(f"{profile['phases'][name]:.0%}" for name in phases)
            lines.append(
                f"| {profile['label']} | {profile['seconds']:.1f} | {profile['cpu_seconds']:.1f} "
                f"| {shares} | {profile['load']:.2f} |"
            )
    lines += ["", *targets(results, previews), "", RESULTS_END]
    return "\n".join(lines)


def targets(results: list[Result], previews: list[dict[str, Any]]) -> list[str]:
    """The issue's targets, each with the numbers of this run: met, missed or not measured."""
    by = {r.label: r for r in results}

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    rows = ["| target | this run | |", "|---|---|---|"]
    if "bundled" in by and by["bundled"].end_to_end:
        s = by["bundled"].end_to_end.seconds
        rows.append(f"| bundled site end to end < 5 s | {s:.2f} s | {verdict(s < 5)} |")
    if "3000" in by and by["3000"].end_to_end:
        run = by["3000"].end_to_end
        worst = max(run.peak_mb, by["3000"].load_peak_mb, by["3000"].render_peak_mb)
        rows.append(
            f"| 3,000 measures < 20 s, peak memory < 500 MB | {run.seconds:.1f} s, "
            f"{worst:.0f} MB | {verdict(run.seconds < 20 and worst < 500)} |"
        )
    synthetic = [r for r in results if r.label != "bundled"]
    if len(synthetic) >= 2:
        # A measure page is its content plus its branch of the navigation (Material renders
        # the siblings along the page's path: the Leitthemen, the Handlungsfelder of its
        # Leitthema, the measures of its Handlungsfeld). The synthetic strategies keep about
        # 20 measures per Handlungsfeld, reach 25 Handlungsfelder per Leitthema at 3,000
        # measures and add Leitthemen beyond: the navigation follows that shape, not N.
        sizes = ", ".join(
            f"{r.measures:,}: {r.measure_page_kb_median:.1f} KB = "
            f"{r.measure_page_kb_median - r.measure_page_nav_kb_median:.1f} KB content + "
            f"{r.measure_page_nav_kb_median:.1f} KB navigation"
            for r in synthetic
        )
        contents = [r.measure_page_kb_median - r.measure_page_nav_kb_median for r in synthetic]
        content_constant = max(contents) <= min(contents) * 1.25
        whole_constant = synthetic[-1].measure_page_kb_median <= (
            synthetic[-2].measure_page_kb_median * 1.1
        )
        outcome = verdict(whole_constant)
        if content_constant and not whole_constant:
            outcome = "content: met; navigation: **grows with the branch**"
        rows.append(
            f"| measure page size independent of the number of measures | {sizes} | {outcome} |"
        )
    if "1000" in by and "10000" in by and by["1000"].end_to_end and by["10000"].end_to_end:
        factor = by["10000"].end_to_end.seconds / by["1000"].end_to_end.seconds
        rows.append(
            f"| 1,000 → 10,000 measures: time × ≤ 12 | × {factor:.1f} "
            f"({by['1000'].end_to_end.seconds:.1f} s → {by['10000'].end_to_end.seconds:.1f} s) "
            f"| {verdict(factor <= 12)} |"
        )
    shared = [r for r in results if r.end_to_end and r.plain_build]
    if shared:
        shares = ", ".join(
            f"{r.label}: {r.generator_share_stages:.0%} ({r.generator_share:.0%})" for r in shared
        )
        met = [r.label for r in shared if r.generator_share_stages < 0.10]
        missed = [r.label for r in shared if r.generator_share_stages >= 0.10]
        outcome = verdict(not missed)
        if met and missed:
            outcome = f"met at {', '.join(met)}; **missed** at {', '.join(missed)}"
        rows.append(f"| generator share of the build < 10 % | {shares} | {outcome} |")
    for preview in previews:
        s = preview["median_seconds"]
        rows.append(
            f"| edit → browser < 2 s (bundled), {PREVIEW_MODES[preview['mode']]}, "
            f"{PREVIEW_EDITS[preview['kind']]} "
            f"| median {s:.2f} s, max {preview['max_seconds']:.2f} s | {verdict(s < 2)} |"
        )
    return ["Targets of issue 9, as measured in this run:", "", *rows]


def write_readme(text: str) -> None:
    current = README.read_text(encoding="utf-8") if README.exists() else ""
    if RESULTS_START in current and RESULTS_END in current:
        before, rest = current.split(RESULTS_START, 1)
        after = rest.split(RESULTS_END, 1)[1]
        README.write_text(before + text + after, encoding="utf-8")
    else:
        README.write_text(current + ("\n" if current else "") + text + "\n", encoding="utf-8")


# --- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"default: {DEFAULT_SIZES}")
    parser.add_argument("--seed", type=int, default=2020, help="seed of the synthetic data")
    parser.add_argument(
        "--runs", type=int, default=None, help="runs per size (default: 3 up to 1,000, else 1)"
    )
    parser.add_argument("--work", type=Path, default=HERE / ".work", help="scratch folder")
    parser.add_argument(
        "--preview", action="store_true", help="measure the live preview (strategie serve)"
    )
    parser.add_argument(
        "--search",
        metavar="SIZES",
        default="",
        help="measure search in Chromium for these sizes (e.g. bundled,3000)",
    )
    parser.add_argument(
        "--offline", action="store_true", help="also time strategie build --offline (and its zip)"
    )
    parser.add_argument("--readme", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--profile",
        metavar="SIZES",
        default="",
        help="also profile one MkDocs build of these sizes (where the CPU time goes)",
    )
    parser.add_argument(
        "--stage", nargs=3, metavar=("NAME", "PROJECT", "OUT"), help=argparse.SUPPRESS
    )
    arguments = parser.parse_args(argv)

    if arguments.stage:
        name, project, out = arguments.stage
        run_stage(name, Path(project), Path(out))
        return 0
    work: Path = arguments.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    info = machine()
    start_load = load_average()
    print(f"{info['cpus']} CPUs, {info['cpu']}, load average {start_load:.2f}", flush=True)
    results: list[Result] = []
    for size in parse_sizes(arguments.sizes):
        runs = arguments.runs or (3 if (size.measures or 0) <= 1000 else 1)
        result = benchmark(size, work, arguments.seed, runs, arguments.offline)
        if size.label in {s.label for s in parse_sizes(arguments.search)}:
            terms = search_terms(work / f"projekt-{size.label}")
            result.search = measure_search(work / f"projekt-{size.label}" / "site", terms)
            print(
                f"  search: ready after {result.search['ready_seconds']:.2f} s, a word "
                f"{result.search['word_seconds']:.2f} s, an id {result.search['id_seconds']:.2f} s",
                flush=True,
            )
        results.append(result)
        (work / "results.json").write_text(
            json.dumps([asdict(r) for r in results], indent=1, default=str), encoding="utf-8"
        )
    previews = (
        [measure_preview(work, mode, kind) for mode in PREVIEW_MODES for kind in PREVIEW_EDITS]
        if arguments.preview
        else []
    )
    profiles = [
        profile_build(work, size, arguments.seed) for size in parse_sizes(arguments.profile)
    ]
    text = report(results, info, (start_load, load_average()), previews, profiles)
    print(text)
    if arguments.readme:
        write_readme(text)
        print(f"→ {README.relative_to(PROJECT)}")
    return 0


def search_terms(project: Path) -> tuple[str, str, str]:
    """What to search for: a word from a measure's title, that measure's id, and a word from
    another measure's title."""
    files = sorted((project / "strategy" / "massnahmen").rglob("*.yml"))
    words: list[str] = []
    ident = ""
    for file in files:
        text = file.read_text(encoding="utf-8")
        title = re.search(r"(?m)^titel: (\S+)", text)
        if title is None:
            continue
        word = title.group(1).strip("„“\"'")
        if not words:
            found = re.search(r"(?m)^id: (\S+)$", text)
            ident = found.group(1) if found else ""
        if len(word) > 3 and word not in words:
            words.append(word)
        if len(words) == 2:
            break
    return words[0], ident, words[1]


if __name__ == "__main__":
    sys.exit(main())

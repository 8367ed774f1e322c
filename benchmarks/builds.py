"""Timing builds: a command's wall and CPU time and peak memory, the in-process stages
(load, render) and all measurements of one size."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from projects import HERE, Size, empty_generated, make_project, write_plain_config

#: A fixed build time, so that builds are reproducible and need no Git history.
EPOCH = "1700000000"


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
    from generator.check.validate import load_strategy
    from generator.site import pipeline
    from generator.site.write import write_pages

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
    command = [sys.executable, str(HERE / "run.py"), "--stage", name, str(project)]
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

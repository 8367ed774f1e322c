"""Build time and peak memory of the three engines of `strategie build --engine`.

    .venv/bin/python benchmarks/engines.py [--sizes bundled,1000,3000] [--no-readme]

Per size, one scratch project (projects.py; synthetic strategies are cached in
benchmarks/.work/), then `strategie build --engine X` for MkDocs, ProperDocs and Zensical,
each once, into a folder of its own. Zensical keeps a cache in the project's `.cache/`: it is
removed before its first build (cold) and kept for a second one (warm). Each cell: wall time
(CPU time) · peak memory of the largest process (os.wait4), as in run.py. A build that fails
is recorded with its time and its last line of output. The table replaces the block between
the `engine-results` markers in benchmarks/README.md (unless --no-readme).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from builds import Run, environment, load_average  # noqa: E402
from projects import PROJECT, Size, make_project, parse_sizes  # noqa: E402

ENGINES = ("mkdocs", "properdocs", "zensical")
START, END = "<!-- engine-results:start -->", "<!-- engine-results:end -->"


def build(project: Path, engine: str, out: Path, log: Path) -> tuple[Run, str | None]:
    """One `strategie build --engine`; its measurements and None, or the failure's last line."""
    command = [sys.executable, "-m", "generator", "--projekt", str(project), "build"]
    command += ["--engine", engine, "--out", str(out)]
    load = load_average()
    with open(log, "w") as output:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=project, env=environment(project), stdout=output, stderr=output
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    run = Run(seconds, usage.ru_maxrss / 1024, load, usage.ru_utime + usage.ru_stime)
    if os.waitstatus_to_exitcode(status) == 0:
        return run, None
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "error" in line]
    return run, (errors or lines or ["?"])[-1].strip()


def cell(run: Run, failure: str | None) -> str:
    text = f"{run.seconds:.1f} s ({run.cpu_seconds:.1f}) · {run.peak_mb:.0f} MB"
    return f"**bricht ab** nach {text}: `{failure[:120]}`" if failure else text


def pages(site: Path) -> int:
    return sum(1 for page in site.rglob("*.html") if page.name != "404.html")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="bundled,1000,3000")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument("--readme", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--warm",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Zensical a second time with its cache (--no-warm: only cold)",
    )
    arguments = parser.parse_args(argv)
    arguments.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in parse_sizes(arguments.sizes):
        rows.append(measure_size(size, arguments.work, arguments.seed, arguments.warm))
        # After each size, so that an interrupted run keeps the sizes it finished.
        table = report(rows)
        print(table, flush=True)
        if arguments.readme:
            write_readme(table)
    return 0


def write_readme(table: str) -> None:
    """Write `table` into the block. The rows of sizes this run did not measure stay, with
    their own heading, above it (a run of some sizes adds to a run of the others)."""
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    block, _, tail = rest.partition(END)
    measured = {_label(line) for line in table.splitlines() if _label(line)}
    earlier = [line for line in block.strip().splitlines() if _label(line) not in measured]
    if any(_label(line) for line in earlier):
        table = "\n".join(earlier) + "\n\n" + table
    readme.write_text(f"{head}{START}\n\n{table}\n{END}{tail}", encoding="utf-8")


def _label(line: str) -> str | None:
    """The size of a table row ("bundled", "1000"), None for any other line."""
    if not line.startswith("| ") or line.startswith("| strategy"):
        return None
    return line.split("|")[1].strip()


def measure_size(size: Size, work: Path, seed: int, warm: bool = True) -> list[str]:
    project = make_project(work, size, seed)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    cells: list[str] = []
    counted = ""
    highest = load_average()
    runs = [(name, True) for name in ENGINES] + ([("zensical", False)] if warm else [])
    for engine, cold in runs:
        if cold:
            shutil.rmtree(project / ".cache", ignore_errors=True)
        out = work / f"site-{size.label}-{engine}-{'kalt' if cold else 'warm'}"
        shutil.rmtree(out, ignore_errors=True)
        print(f"  {size.label}: {engine} {'kalt' if cold else 'mit Cache'} …", flush=True)
        run, failure = build(project, engine, out, logs / f"{size.label}-{engine}.log")
        highest = max(highest, run.load)
        cells.append(cell(run, failure))
        if engine == "mkdocs" and not failure:
            counted = f"{pages(out):,}"
        shutil.rmtree(out, ignore_errors=True)
    if not warm:
        cells.append("not measured")
    measures = "69" if size.measures is None else f"{size.measures:,}"
    return [size.label, measures, counted, *cells, f"{highest:.2f}"]


def report(rows: list[list[str]]) -> str:
    from importlib.metadata import version

    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    versions = ", ".join(
        f"{name} {version(name)}"
        for name in ("mkdocs", "mkdocs-material", "properdocs", "zensical")
    )
    lines = [
        f"Measured {now} on {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"{versions}; at commit `{commit()}`. Each cell: wall time (CPU time, user + system) · "
        "peak memory (max RSS of the largest process) of one `strategie build --engine …` "
        "(validation and page generation included). Load average: the highest seen before a "
        "build of the row (the machine was shared with other work, so the times are rough).",
        "",
        "| strategy | measures | pages | MkDocs | ProperDocs | Zensical (cold) | "
        "Zensical (with cache) | load avg |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def commit() -> str:
    result = subprocess.run(
        ["git", "-C", str(PROJECT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "?"


if __name__ == "__main__":
    raise SystemExit(main())

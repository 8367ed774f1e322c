"""Report how long the bundled site takes to build (not a test: nothing is asserted).

    .venv/bin/python benchmarks/build_time.py [--runs 3]

Times, for the project this file lives in: loading and validating strategy/, rendering the
pages, and the whole `strategie build` (online and offline, each into a temporary folder, so
site/ and site-offline/ stay as they are; the offline run still refreshes its zip in dist/).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from generator.check.validate import load_strategy  # noqa: E402
from generator.errors import UserError  # noqa: E402
from generator.render.engine import render_site  # noqa: E402
from generator.site.build import build_site  # noqa: E402


def timed(runs: int, action: Callable[[], object]) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return seconds


def report(label: str, seconds: list[float]) -> None:
    print(f"{label:<34} median {statistics.median(seconds):6.2f} s   min {min(seconds):6.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs

    strategy, problems = load_strategy(PROJECT / "strategy")
    if strategy is None:
        print(f"strategy/ has {len(problems)} problem(s); run `strategie check`.", file=sys.stderr)
        return 1
    site = render_site(strategy)
    print(f"{len(strategy.massnahmen)} measures, {len(site.pages)} generated files, {runs} runs")
    report("load + validate", timed(runs, lambda: load_strategy(PROJECT / "strategy")))
    report("render", timed(runs, lambda: render_site(strategy)))
    with tempfile.TemporaryDirectory() as scratch:
        for offline in (False, True):
            out = Path(scratch) / ("offline" if offline else "online")

            def build(out: Path = out, offline: bool = offline) -> None:
                with contextlib.redirect_stdout(io.StringIO()):
                    try:
                        build_site(PROJECT, out=out, offline=offline)
                    except UserError:
                        raise SystemExit("build failed; run `strategie build` to see why") from None

            seconds = timed(runs, build)
            pages = sum(1 for _ in out.rglob("*.html"))
            size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
            kind = "offline" if offline else "online"
            report(f"strategie build ({kind}, {pages} HTML)", seconds)
            print(f"{'':<34} site size {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmarks of the site build: time, memory and size, bundled data and synthetic strategies.

    .venv/bin/python benchmarks/run.py                       # bundled, 100, 1000, 3000, 10000
    .venv/bin/python benchmarks/run.py --sizes bundled,100,3000 --no-readme
    .venv/bin/python benchmarks/run.py --preview --search bundled,3000  # preview, search
    .venv/bin/python benchmarks/run.py --profile bundled,3000 # where a build's time goes
    .venv/bin/python benchmarks/run.py --search-only bundled,3000 # search index and id search

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
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import PREVIEW_EDITS, PREVIEW_MODES, measure_preview, measure_search, search_terms
from builds import Result, benchmark, load_average, profile_build, run_stage
from projects import HERE, PROJECT, parse_sizes
from report import README, machine, report, write_readme
from search_index import measure_search_index, search_report, write_search_block

DEFAULT_SIZES = "bundled,100,1000,3000,10000"


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
        "--search-only",
        metavar="SIZES",
        default="",
        help="only the search index of these sizes: size, contents and id search in Chromium "
        "(its own block in the README; search_index.py)",
    )
    parser.add_argument(
        "--search-tag", default="", help="added to the labels of --search-only (' (before)')"
    )
    parser.add_argument(
        "--search-compare",
        type=Path,
        action="append",
        default=[],
        help="search-results.json of an earlier --search-only run to show first",
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
    if arguments.search_only:
        earlier = [
            row
            for compared in arguments.search_compare
            for row in json.loads(compared.read_text(encoding="utf-8"))
        ]
        measured: list[dict[str, Any]] = []
        for size in parse_sizes(arguments.search_only):
            measured.append(measure_search_index(size, work, arguments.seed, arguments.search_tag))
            (work / "search-results.json").write_text(
                json.dumps(measured, indent=1), encoding="utf-8"
            )
        text = search_report(earlier + measured, info)
        print(text)
        if arguments.readme:
            write_search_block(README, text)
            print(f"→ {README.relative_to(PROJECT)}")
        return 0
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


if __name__ == "__main__":
    sys.exit(main())

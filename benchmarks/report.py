"""The benchmark report: tables, the issue's targets with this run's numbers, and the
block in benchmarks/README.md."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
from pathlib import Path
from typing import Any

from browser import PREVIEW_EDITS, PREVIEW_MODES, TYPING_DELAY_MS
from builds import Result, Run
from projects import HERE

README = HERE / "README.md"
RESULTS_START = "<!-- benchmark-results:start -->"
RESULTS_END = "<!-- benchmark-results:end -->"


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

"""The search index at scale: its size, what is in it, and how fast a typed measure id shows
its page.

    .venv/bin/python benchmarks/run.py --search-only bundled,3000

Per size, one `strategie build` of a scratch project (projects.make_project, as for the full
run), then: the size of search/search_index.json, its entries and pages, the share of the
measure pages, whether the catalogue or the Druckfassung is in it; and search in Chromium
(browser.measure_search: ready, a word, a measure id, another word, each typed at
TYPING_DELAY_MS per keystroke) with the page each query lists first. The figures go into their
own block of benchmarks/README.md (the search-results markers), so that the block of the full
run stays as it was measured.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from browser import TYPING_DELAY_MS, measure_search, search_terms
from builds import measure
from projects import Size, empty_generated, make_project

SEARCH_START = "<!-- search-results:start -->"
SEARCH_END = "<!-- search-results:end -->"

#: Pages that list every measure again.
AGGREGATE_PAGES = ("katalog.html", "druckfassung.html")


def index_figures(site: Path) -> dict[str, Any]:
    """Size and contents of the built site's search index."""
    index = site / "search" / "search_index.json"
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    pages: dict[str, int] = {}
    for doc in docs:
        page = doc["location"].split("#")[0]
        size = len(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        pages[page] = pages.get(page, 0) + size
    measure_bytes = sum(size for page, size in pages.items() if page.startswith("massnahmen/"))
    return {
        "index_bytes": index.stat().st_size,
        "entries": len(docs),
        "pages": len(pages),
        "measure_share": measure_bytes / max(1, sum(pages.values())),
        "aggregates": sorted(set(AGGREGATE_PAGES) & set(pages)),
    }


def measure_search_index(size: Size, work: Path, seed: int, tag: str = "") -> dict[str, Any]:
    """Build one size with `strategie build` and measure its search index in Chromium; `tag`
    is added to the row's label (e.g. " (before)" for a run of an earlier version)."""
    print(f"{size.label} (search):", flush=True)
    project = make_project(work, size, seed)
    logs = work / f"logs-{size.label}"
    logs.mkdir(exist_ok=True)
    empty_generated(project)
    site = project / "site"
    if site.exists():
        shutil.rmtree(site)
    command = [sys.executable, "-m", "generator", "--projekt", str(project), "build"]
    build = measure([*command, "--out", str(site)], project, logs / "search-build")
    if not (site / "index.html").is_file():
        raise SystemExit(f"strategie build failed, see {logs / 'search-build'}")
    figures = index_figures(site)
    terms = search_terms(project)
    # The id's own page, as the site links it.
    figures["id_page"] = f"massnahmen/{terms[1].lower()}.html"
    figures["build_seconds"] = build.seconds
    search: dict[str, Any] = {}
    try:
        measure_search(site, terms, search)
    except Exception as error:  # Playwright's TimeoutError: keep what was measured before it
        if "Timeout" not in type(error).__name__:
            raise
        search["timed_out"] = str(error).splitlines()[0]
    figures["search"] = search
    figures["label"] = size.label + tag
    print(f"  index {figures['index_bytes'] / 1e6:.2f} MB, {figures['entries']} entries; {search}")
    return figures


def search_report(rows: list[dict[str, Any]], info: dict[str, str]) -> str:
    """The block for benchmarks/README.md."""
    lines = [
        SEARCH_START,
        "",
        f"Measured {info['date']} on {info['cpus']} CPUs ({info['cpu']}); Material "
        f"{info['material']}; the machine shared with other work (load average per row).",
        "",
        "Index: the size of `search/search_index.json`, its entries (one per page section) and "
        "pages, the share of the measure pages' entries, and any aggregate page still in it. "
        "Search in Chromium (site served over http on 127.0.0.1): *ready* is the time from "
        "opening the start page until the search works; then, for each query typed at "
        f"{TYPING_DELAY_MS} ms per keystroke, the seconds from the last keystroke until the "
        "first result shows it, and which page is listed first.",
        "",
        "| strategy | index KB | entries | pages | measure pages | aggregate pages in index "
        "| ready | a measure id | first result | its own page | a word | load avg |",
        "|---|--:|--:|--:|--:|---|--:|--:|---|---|--:|--:|",
    ]
    for row in rows:
        s = row["search"]
        index = (
            f"| {row['label']} | {row['index_bytes'] / 1024:,.0f} | {row['entries']:,} "
            f"| {row['pages']:,} | {row['measure_share']:.0%} "
            f"| {', '.join(row['aggregates']) or 'none'} "
        )
        if "id_first" not in s:
            ready = f"{s['ready_seconds']:.2f} s" if "ready_seconds" in s else "–"
            lines.append(
                f"{index}| {ready} | **no result within 900 s** | – | – | – | {s['load']:.2f} |"
            )
            continue
        # The path below the site (runs before this change recorded the whole address).
        first = re.sub(r"^[a-z]+://[^/]*/|[?#].*$", "", s["id_first"])
        lines.append(
            f"{index}| {s['ready_seconds']:.2f} s "
            f"| {s['id_seconds']:.2f} s („{s['id_query']}“, {s['id_meta']}) | `{first}` "
            f"| {'yes' if first == row['id_page'] else '**no**'} "
            f"| {s['word_seconds']:.2f} s („{s['word_query']}“) | {s['load']:.2f} |"
        )
    lines += ["", SEARCH_END]
    return "\n".join(lines)


def write_search_block(readme: Path, text: str) -> None:
    """Replace the search block of the README (or add it at the end)."""
    current = readme.read_text(encoding="utf-8")
    if SEARCH_START in current and SEARCH_END in current:
        before, rest = current.split(SEARCH_START, 1)
        after = rest.split(SEARCH_END, 1)[1]
        readme.write_text(before + text + after, encoding="utf-8")
    else:
        readme.write_text(current.rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")

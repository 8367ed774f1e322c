"""Where a MkDocs build's CPU time goes: a sampling profile of `mkdocs build`, with our hook.

    cd <project> && python <this file> [OUT.json] [mkdocs build options …]

Run by `benchmarks/run.py --profile SIZE` in a scratch project. A timer signal (ITIMER_PROF,
every 5 ms of CPU time) records the stack; each sample is put in the first matching phase:

- generator (hook): under the hook's on_pre_build (load, validate, render, write);
- search index: Material's search plugin (it parses every built page's HTML);
- Markdown: Python-Markdown converting the pages;
- theme templates: Jinja rendering Material's page template (navigation included);
- other MkDocs: configuration, files, navigation, link checks, writing, copying.

Unlike cProfile, sampling adds no cost per function call, so the shares are not skewed
towards code that makes many small calls (Markdown, Jinja).
"""

from __future__ import annotations

import collections
import json
import os
import signal
import sys
from pathlib import Path
from types import FrameType

INTERVAL = 0.005
#: (phase, a function in the stack, as "file suffix:function"), first match wins.
PHASES = [
    ("generator (hook)", "mkdocs_hook.py:on_pre_build"),
    ("search index", "material/plugins/search/plugin.py:"),
    ("Markdown", "markdown/core.py:convert"),
    ("theme templates", "jinja2/environment.py:render"),
]
OTHER = "other MkDocs"


def main() -> int:
    out = Path(sys.argv[1])
    sys.path.insert(0, os.getcwd())  # the project's generator, as `python -m mkdocs` has it
    from mkdocs.__main__ import cli

    samples: collections.Counter[str] = collections.Counter()
    functions: collections.Counter[str] = collections.Counter()

    def sample(signum: int, frame: FrameType | None) -> None:
        names = []
        while frame is not None:
            code = frame.f_code
            names.append(f"{code.co_filename}:{code.co_name}")
            frame = frame.f_back
        phase = next((name for name, marker in PHASES if any(marker in n for n in names)), OTHER)
        samples[phase] += 1
        if names:
            functions[names[0].split("site-packages/")[-1]] += 1

    signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, INTERVAL, INTERVAL)
    try:
        cli(["build", *sys.argv[2:]], standalone_mode=False)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    total = sum(samples.values())
    result = {
        "samples": total,
        "cpu_seconds": total * INTERVAL,
        "phases": {name: samples[name] / total for name, _ in [*PHASES, (OTHER, "")]},
        "top_functions": [(name, count / total) for name, count in functions.most_common(25)],
    }
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

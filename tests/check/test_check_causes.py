"""`strategie check` names the cause first: a file that cannot be read is the first problem,
and nothing elsewhere is reported because of it (no „… gibt es nicht. Meinten Sie …?“)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from project_copy import REPO, copy_project, run_strategie

from generator.check.validate import load_strategy
from generator.problems import Severity, has_errors, problem

_NAMED = re.compile(r"^( *(?:- )?(?:titel|name): )", re.MULTILINE)


def _tab(raw: bytes) -> bytes:
    return _NAMED.sub(lambda m: "\t" + m.group(1).lstrip(" "), raw.decode(), count=1).encode()


def _indentation(raw: bytes) -> bytes:
    return _NAMED.sub(lambda m: " " + m.group(1), raw.decode(), count=1).encode()


def _duplicate_key(raw: bytes) -> bytes:
    text = raw.decode()
    first_key = re.search(r"^[a-z_]+:", text, re.MULTILINE)
    assert first_key is not None
    return (text + first_key.group(0) + " doppelt\n").encode()


def _unquoted_colon(raw: bytes) -> bytes:
    return _NAMED.sub(lambda m: m.group(1) + "Teil 1: ", raw.decode(), count=1).encode()


def _not_utf8(raw: bytes) -> bytes:
    return raw + "# Grüße\n".encode("latin-1")


BREAKS: dict[str, Callable[[bytes], bytes]] = {
    "tab": _tab,
    "indentation": _indentation,
    "duplicate_key": _duplicate_key,
    "unquoted_colon": _unquoted_colon,
    "not_utf8": _not_utf8,
}

#: The data the files are broken in (a fixture, so that the tests hold whatever strategy/ holds).
MINIMAL = REPO / "tests" / "data" / "minimal"
#: Files of MINIMAL that others refer to: a measure (verwandte_massnahmen), a Leitthema
#: (leitthema of its measures), a registry (verantwortlich, partner) and strategie.yml (status).
TARGETS = [
    "massnahmen/labor/lab-01.yml",
    "leitthemen/labor.yml",
    "verzeichnisse/akteure.yml",
    "strategie.yml",
]


def _problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if re.match(r"^strategy/\S+:\d+:\d+: ", line)]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("kind", sorted(BREAKS))
def test_broken_file_is_the_only_cause(tmp_path: Path, target: str, kind: str) -> None:
    """A referred-to file broken by a parse error is named first; no problem stands elsewhere."""
    strategy = tmp_path / "strategy"
    shutil.copytree(MINIMAL, strategy)
    path = strategy / target
    broken = BREAKS[kind](path.read_bytes())
    assert broken != path.read_bytes()
    path.write_bytes(broken)
    result, problems = load_strategy(strategy, "strategy")
    assert result is None
    lines = [found.format() for found in sorted(problems)]
    assert lines, "the broken file must be reported"
    assert lines[0].startswith(f"strategy/{target}:") and ": Fehler: " in lines[0], lines[0]
    elsewhere = [line for line in lines if not line.startswith(f"strategy/{target}:")]
    assert elsewhere == []
    assert not any("gibt es nicht" in line or "Die Datei fehlt" in line for line in lines)


def test_check_command_names_the_cause_first(tmp_path: Path) -> None:
    """`strategie check` in a copy of the project: a measure others refer to is broken by a
    tab; its error comes first, then one note at that file on the references it blocks."""
    project = copy_project(tmp_path / "projekt", MINIMAL)
    target = "massnahmen/labor/lab-01.yml"
    path = project / "strategy" / target
    path.write_bytes(_tab(path.read_bytes()))
    result = run_strategie(project, "check")
    assert result.returncode == 1
    lines = _problem_lines(result.stderr)
    assert len(lines) == 2, lines
    assert ": Fehler: Tabulatorzeichen" in lines[0]
    assert lines[1] == (
        f"strategy/{target}:1:1: Warnung: Die Verweise auf „LAB-01“ "
        "(strategy/massnahmen/verwaltung/ver-01.yml:79) werden erst geprüft, wenn diese Datei "
        "fehlerfrei ist. Beheben Sie zuerst den Fehler hier."
    )


def test_notes_never_fail_and_are_github_notices() -> None:
    """A note (Hinweis) fails no run, not even under --strict; in Actions it is a notice."""
    note = problem("schemas_stale", "strategy/schemas/massnahme.schema.json", 1, 1)
    warning = problem("no_measures", "strategy/leitthemen/x.yml", 3, 5, id="„x“")
    assert note.severity is Severity.NOTE
    assert not has_errors([note], strict=True)
    assert has_errors([note, warning], strict=True)
    assert not has_errors([note, warning], strict=False)
    assert note.github_annotation().startswith("::notice file=strategy/schemas/")
    assert note.format().startswith("strategy/schemas/massnahme.schema.json:1:1: Hinweis: ")


def test_unreadable_files_sort_first_and_consequences_last() -> None:
    """Sorting puts files that cannot be read first, then by place, consequence notes last."""
    tab = problem("yaml_tab", "strategy/z.yml", 9, 1)
    other = problem("no_measures", "strategy/a.yml", 1, 1, id="„a“")
    note = problem("consequence_unchecked", "strategy/z.yml", 1, 1, id="„Z“", places="x:1")
    assert sorted([note, other, tab]) == [tab, other, note]

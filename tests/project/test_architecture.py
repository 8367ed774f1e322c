"""The package's shape: stage subpackages, no import cycle, no oversized module.

import-linter checks the direction of imports between the stages (pyproject.toml,
`lint-imports`); these tests check what it does not state as plainly, with the imports read
straight from the syntax tree: every import counts, also one inside a function or under
`if TYPE_CHECKING:`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from repo_paths import REPO

PACKAGE = REPO / "generator"
MAX_LINES = 450


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imported(name: str, source: str, modules: dict[str, Path], *, package: bool) -> set[str]:
    """The generator modules `name` imports anywhere in its source (functions included)."""
    found: set[str] = set()

    def known(candidate: str) -> str | None:
        while candidate and candidate not in modules:
            candidate = candidate.rpartition(".")[0]
        return candidate or None

    for node in ast.walk(ast.parse(source)):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = name.split(".") if package else name.split(".")[:-1]
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            module = known(target)
            if module is not None and module != name:
                found.add(module)
    return found


def import_graph() -> dict[str, set[str]]:
    """Every generator module → the generator modules it imports."""
    modules = _modules()
    return {
        name: _imported(
            name, path.read_text(encoding="utf-8"), modules, package=path.name == "__init__.py"
        )
        for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_counting_function_and_type_checking_imports() -> None:
    """No two generator modules import each other, directly or round about."""
    assert cycles(import_graph()) == []


def test_cycle_check_sees_imports_inside_functions_and_type_checking() -> None:
    """The check finds a cycle hidden in a function and under TYPE_CHECKING."""
    modules = {"generator.a": Path("a.py"), "generator.b": Path("b.py")}
    a = "def f():\n    from generator.b import x\n"
    b = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from generator import a\n"
    graph = {
        "generator.a": _imported("generator.a", a, modules, package=False),
        "generator.b": _imported("generator.b", b, modules, package=False),
    }
    assert cycles(graph) == [["generator.a", "generator.b"]]


def test_no_module_over_450_lines() -> None:
    """Every module of the generator fits in 450 lines."""
    long = {
        name: lines
        for name, path in _modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_stages_are_subpackages() -> None:
    """The pipeline's stages are subpackages of generator/ (at least five)."""
    stages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert {"check", "derive", "history", "exports", "views", "render", "site", "cli"} <= stages

"""Scratch projects for the benchmarks: a copy of this project with the bundled or a
synthetic strategy, and the plain-MkDocs configuration to compare with."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

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

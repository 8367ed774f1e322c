"""Earlier states of the data in today's form, so that the Änderungen page can compare them.

In: a `strategy/` folder laid out from a Git revision (revisions.py). Out: the same folder,
with files of an older form rewritten in place. Today's checks then read the old data as
they read the working tree, instead of refusing every state before a change of form.

Forms upgraded:
- Operative goals as plain texts (before they were numbered): a Handlungsfeld's or a
  theme's `operative_ziele: [Text, …]` become `[{nummer: 1, text: Text}, …]`; a measure's
  copied texts become the numbers of the same texts in its Handlungsfeld (or theme), and
  texts found nowhere are dropped, as they were copies.

Only files that parse as YAML mappings are touched, each at most once; everything else is
left for the loader to report. The upgraded files are written with PyYAML, so their line
numbers differ from the commit's — the history never shows them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.check.yamltext import MAX_BYTES
from generator.files import write_file_atomically


def upgrade_old_forms(strategy_dir: Path) -> None:
    """Rewrite the files of `strategy_dir` that have an older form (see the module)."""
    goals: dict[tuple[str, str | None], dict[str, int]] = {}
    for path in sorted((strategy_dir / "leitthemen").glob("*.yml")):
        theme = _read(path)
        if theme is None:
            continue
        changed = False
        fields = theme.get("handlungsfelder")
        for owner in [theme, *(fields if isinstance(fields, list) else [])]:
            if not isinstance(owner, dict):
                continue
            numbered, was_text = _numbered(owner.get("operative_ziele"))
            if was_text:
                owner["operative_ziele"] = numbered
                changed = True
            key = (str(theme.get("id")), None if owner is theme else str(owner.get("id")))
            goals[key] = {_normal(goal["text"]): goal["nummer"] for goal in numbered}
        if changed:
            _write(path, theme)
    for path in sorted((strategy_dir / "massnahmen").rglob("*.yml")):
        measure = _read(path)
        if measure is None or not _is_text_list(measure.get("operative_ziele")):
            continue
        field = measure.get("handlungsfeld")
        known = goals.get((str(measure.get("leitthema")), None if field is None else str(field)))
        texts = [_normal(text) for text in measure["operative_ziele"]]
        numbers = [known[text] for text in texts if known and text in known]
        if numbers:
            measure["operative_ziele"] = sorted(set(numbers))
        else:
            del measure["operative_ziele"]
        _write(path, measure)


def _numbered(goals: Any) -> tuple[list[dict[str, Any]], bool]:
    """Goals in today's numbered form, and whether they were plain texts."""
    if _is_text_list(goals):
        return [{"nummer": number, "text": text} for number, text in enumerate(goals, 1)], True
    if isinstance(goals, list):
        return [
            goal
            for goal in goals
            if isinstance(goal, dict)
            and isinstance(goal.get("nummer"), int)
            and isinstance(goal.get("text"), str)
        ], False
    return [], False


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _read(path: Path) -> dict[str, Any] | None:
    try:
        if path.is_symlink() or path.stat().st_size > MAX_BYTES:
            return None
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write `data` back, keeping a first comment line (the schema reference)."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    head = first + "\n" if first.startswith("#") else ""
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    write_file_atomically(path, (head + body).encode("utf-8"))

"""Strategies for the render tests, built from the YAML cases in tests/data/.

One helper so the tests do not care how a case becomes a `Strategy`. It reads the files with
yaml.safe_load and validates them with the models directly, positioning entities the way
validate.load_strategy does (paths under "strategy/"), so the switch to load_strategy is a
one-line change that leaves the goldens as they are.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from generator import model

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
DISPLAY_ROOT = "strategy"


def load_case(name: str) -> model.Strategy:
    """The strategy in tests/data/<name>/, validated by the models."""
    root = DATA / name
    document = model.StrategyDocument.model_validate(_read(root / "strategie.yml"))
    document._position = _position(root, root / "strategie.yml")
    themes = []
    for file in sorted((root / "leitthemen").glob("*.yml")):
        theme = model.Theme.model_validate(_read(file))
        theme._position = _position(root, file)
        themes.append(theme)
    measures: list[model.Measure] = []
    files: dict[str, str] = {}
    for file in sorted((root / "massnahmen").glob("*/*.yml")):
        measure = model.Measure.model_validate(_read(file))
        measure._position = _position(root, file)
        measures.append(measure)
        files[measure.id] = _display(root, file)
    registries = root / "verzeichnisse"
    return model.Strategy(
        strategie=document,
        leitthemen=sorted(themes, key=lambda t: (t.nummer, t.id)),
        massnahmen=sorted(measures, key=lambda m: m.id),
        akteure=model.ActorRegistry.model_validate(_read(registries / "akteure.yml")).akteure,
        stadtteile=model.DistrictRegistry.model_validate(
            _read(registries / "stadtteile.yml")
        ).stadtteile,
        sdgs=sorted(
            model.GoalRegistry.model_validate(_read(registries / "sdgs.yml")).sdgs,
            key=lambda g: g.nummer,
        ),
        leitlinien=sorted(
            model.CharterRegistry.model_validate(_read(registries / "charta.yml")).leitlinien,
            key=lambda g: g.nummer,
        ),
        dateien=files,
    )


def _read(file: Path) -> Any:
    return _dates_as_text(yaml.safe_load(file.read_text(encoding="utf-8")))


def _dates_as_text(value: Any) -> Any:
    """The strict loader keeps dates as ISO text; safe_load turns them into date objects."""
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _display(root: Path, file: Path) -> str:
    return f"{DISPLAY_ROOT}/{file.relative_to(root).as_posix()}"


def _position(root: Path, file: Path) -> model.SourcePosition:
    return model.SourcePosition(_display(root, file), 1, 1)

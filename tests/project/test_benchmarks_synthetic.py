"""The benchmarks' synthetic strategies are valid, deterministic and shaped like the real one.

They are generated from the settings and registries of tests/data/minimal, not of strategy/,
so that these tests hold whatever city's strategy the repository carries."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from repo_paths import MINIMAL, REPO

from generator.check.validate import load_strategy
from generator.model import Measure, NotRated, Rating, Strategy

SYNTHETIC = REPO / "benchmarks" / "synthetic.py"


def _synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_synthetic", SYNTHETIC)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


synthetic = _synthetic()


@pytest.fixture(scope="module", params=[50, 300])
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Strategy:
    folder = tmp_path_factory.mktemp(f"synthetisch-{request.param}") / "strategy"
    synthetic.write_strategy(folder, request.param, seed=7, source=MINIMAL)
    strategy, problems = load_strategy(folder)
    assert [p.format() for p in problems] == []  # no warnings either: valid under --strict
    assert strategy is not None
    return strategy


def test_valid_with_the_requested_number_of_measures(generated: Strategy) -> None:
    """A generated strategy passes strict validation and has exactly N measures."""
    assert len(generated.massnahmen) in (50, 300)


def test_shape_of_the_real_strategy(generated: Strategy) -> None:
    """6–20 Leitthemen with Handlungsfelder, one without (measures attached to the theme)."""
    themes = generated.leitthemen
    assert 6 <= len(themes) <= 20
    assert sum(1 for t in themes if not t.handlungsfelder) == 1
    assert all(len(t.handlungsfelder) >= 2 for t in themes if t.handlungsfelder)
    fields = {f.id for t in themes for f in t.handlungsfelder}
    assert {m.handlungsfeld for m in generated.massnahmen} - {None} == fields


def test_measures_fill_every_field(generated: Strategy) -> None:
    """Across the measures, every optional field of a measure is used at least once."""
    measures = generated.massnahmen
    for name in Measure.model_fields:
        if name == "beispielmassnahme":
            assert any(m.beispielmassnahme for m in measures)
        else:
            assert any(getattr(m, name) not in (None, []) for m in measures), name
    ratings = [m.bewertung for m in measures]
    assert any(isinstance(r, Rating) for r in ratings)
    assert any(isinstance(r, NotRated) for r in ratings)
    assert all(bool(m.quellen) != m.beispielmassnahme for m in measures)


def test_same_seed_same_files(tmp_path: Path) -> None:
    """The generator is deterministic: the same size and seed give byte-identical files."""
    first, second = tmp_path / "a", tmp_path / "b"
    synthetic.write_strategy(first, 40, seed=3, source=MINIMAL)
    synthetic.write_strategy(second, 40, seed=3, source=MINIMAL)

    def files(root: Path) -> dict[str, bytes]:
        return {str(f.relative_to(root)): f.read_bytes() for f in root.rglob("*") if f.is_file()}

    assert files(first) == files(second)
    synthetic.write_strategy(second, 40, seed=4, source=MINIMAL)
    assert files(first) != files(second)


def test_theme_count_grows_with_size_within_the_id_pattern() -> None:
    """6 Leitthemen up to 3,000 measures, 20 at 10,000; beyond what ids allow it refuses."""
    assert synthetic.theme_count(100) == 6
    assert synthetic.theme_count(3000) == 6
    assert synthetic.theme_count(10_000) == 20
    with pytest.raises(ValueError):
        synthetic.theme_count(20 * 999 + 1)


def test_source_without_optional_registries(tmp_path: Path) -> None:
    """A source without sdgs.yml and charta.yml gives a valid strategy without SDGs and Charta."""
    source = tmp_path / "quelle"
    shutil.copytree(MINIMAL, source)
    (source / "verzeichnisse" / "sdgs.yml").unlink()
    (source / "verzeichnisse" / "charta.yml").unlink()
    synthetic.write_strategy(tmp_path / "strategy", 40, seed=3, source=source)
    strategy, problems = load_strategy(tmp_path / "strategy")
    assert [p.format() for p in problems] == []
    assert strategy is not None and len(strategy.massnahmen) == 40
    assert all(not m.sdgs and not m.charta for m in strategy.massnahmen)

"""The caches of a build are objects with an owner: a build, or the serve session."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator
from generator.errors import DataProblems
from generator.site import mkdocs_hook, pipeline
from generator.site.pipeline import BuildCache


def test_hook_keeps_one_cache_per_serve_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under `mkdocs serve` every rebuild gets the session's BuildCache, kept on the generator
    package (the hook module is loaded anew per rebuild); `mkdocs build` gets a fresh one."""
    monkeypatch.setattr(generator, mkdocs_hook._CACHE, None, raising=False)
    monkeypatch.setattr(mkdocs_hook, "_command", None)
    session = mkdocs_hook._build_cache()
    assert mkdocs_hook._build_cache() is session
    assert getattr(generator, mkdocs_hook._CACHE) is session
    monkeypatch.setattr(mkdocs_hook, "_command", "build")
    built = mkdocs_hook._build_cache()
    assert built is not session and mkdocs_hook._build_cache() is not built


def test_a_build_cache_shares_its_parsed_files_with_the_history() -> None:
    """The history loads earlier states with the parsed files of the current data."""
    cache = BuildCache()
    assert cache.history.parsed is cache.parsed
    assert BuildCache().parsed is not cache.parsed


def test_generate_without_a_cache_starts_cold(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """generate() without a cache hands the data and history loading a new one each call;
    with one, the same one every call."""
    seen: list[object] = []

    def recording(folder: Path, *, cache: object) -> tuple[None, list[object]]:
        seen.append(cache)
        return None, []

    monkeypatch.setattr(pipeline, "load_strategy", recording)
    for _ in range(2):
        with pytest.raises(DataProblems):
            pipeline.generate(tmp_path)
    assert len(seen) == 2 and seen[0] is not seen[1]
    session = BuildCache()
    for _ in range(2):
        with pytest.raises(DataProblems):
            pipeline.generate(tmp_path, cache=session)
    assert seen[2] is session.parsed and seen[3] is session.parsed

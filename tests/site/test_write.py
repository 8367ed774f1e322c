"""Tests of the write stage: only changed files are written, stale ones go, nothing else moves."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest

from generator.site.output_guard import MARKER_NAME, OutputRefused
from generator.site.write import MARKER_NOTE, WriteReport, write_pages

P = PurePosixPath


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "strategy").mkdir()
    (tmp_path / "docs").mkdir()
    return tmp_path


@pytest.fixture
def target(project: Path) -> Path:
    return project / "docs" / "generiert"


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != MARKER_NAME
    }


def test_writes_all_pages_with_unix_newlines(target: Path) -> None:
    """A first write creates every page, UTF-8 with \\n endings and a trailing newline."""
    report = write_pages({P("index.md"): "# Start\r\nÄ", P("a/b.md"): "b\n"}, target)
    assert _tree(target) == {"a/b.md": b"b\n", "index.md": "# Start\nÄ\n".encode()}
    assert report == WriteReport(written=(P("a/b.md"), P("index.md")), unchanged=0, removed=())


def test_unchanged_content_keeps_mtime(target: Path) -> None:
    """Writing the same pages again touches no file, so mkdocs serve sees no change."""
    pages = {P("index.md"): "# Start\n", P("massnahmen/ver-01.md"): "# VER-01\n"}
    write_pages(pages, target)
    files = [target / "index.md", target / "massnahmen" / "ver-01.md"]
    for file in files:
        os.utime(file, ns=(1_000_000_000, 1_000_000_000))
    report = write_pages(pages, target)
    assert [file.stat().st_mtime_ns for file in files] == [1_000_000_000, 1_000_000_000]
    assert report == WriteReport(written=(), unchanged=2, removed=())
    assert not report.changed


def test_changed_page_is_rewritten_alone(target: Path) -> None:
    """Only the page whose content changed is rewritten."""
    write_pages({P("a.md"): "a\n", P("b.md"): "b\n"}, target)
    os.utime(target / "a.md", ns=(1_000_000_000, 1_000_000_000))
    report = write_pages({P("a.md"): "a\n", P("b.md"): "B\n"}, target)
    assert report.written == (P("b.md"),)
    assert (target / "a.md").stat().st_mtime_ns == 1_000_000_000
    assert (target / "b.md").read_text() == "B\n"


def test_stale_pages_and_empty_folders_are_removed(target: Path) -> None:
    """Pages no longer rendered are deleted, and folders left empty with them; a file put
    there by hand is not the generator's and stays."""
    write_pages({P("index.md"): "x\n", P("alt/tief/seite.md"): "y\n", P("alt/b.md"): "z\n"}, target)
    (target / "notiz.txt").write_text("von Hand\n")
    report = write_pages({P("index.md"): "x\n"}, target)
    assert _tree(target) == {"index.md": b"x\n", "notiz.txt": b"von Hand\n"}
    assert sorted(p.name for p in target.iterdir()) == [MARKER_NAME, "index.md", "notiz.txt"]
    assert report.removed == (P("alt/b.md"), P("alt/tief/seite.md"))


def test_marker_lists_the_generated_files(target: Path) -> None:
    """The marker is the German note followed by the written files, sorted."""
    write_pages({P("b.md"): "b\n", P("a/c.md"): "c\n"}, target)
    assert (target / MARKER_NAME).read_text("utf-8") == MARKER_NOTE + "a/c.md\nb.md\n"


def test_folder_of_an_earlier_version_is_taken_over(target: Path) -> None:
    """Without a marker, a folder holding our data download counts as generated once."""
    (target / "daten").mkdir(parents=True)
    (target / "daten" / "strategie.json").write_text("{}\n")
    (target / "alt.md").write_text("alt\n")
    report = write_pages({P("index.md"): "x\n"}, target)
    assert report.removed == (P("alt.md"), P("daten/strategie.json"))
    assert _tree(target) == {"index.md": b"x\n"}


def test_refuses_folder_of_other_files(target: Path) -> None:
    """A folder of other files without the marker is refused and left as it was."""
    target.mkdir(parents=True)
    (target / "brief.md").write_text("wichtig\n")
    with pytest.raises(OutputRefused, match=r"die Markierung \.strategie-ausgabe fehlt"):
        write_pages({P("index.md"): "x\n"}, target)
    assert _tree(target) == {"brief.md": b"wichtig\n"}


def test_leftover_temporary_files_are_removed(target: Path) -> None:
    """A temporary file of an interrupted atomic write is the generator's and goes."""
    write_pages({P("a.md"): "a\n"}, target)
    (target / ".a.md123.tmp").write_text("halb")
    write_pages({P("a.md"): "a\n"}, target)
    assert sorted(p.name for p in target.iterdir()) == [MARKER_NAME, "a.md"]


def test_siblings_outside_the_target_are_untouched(project: Path, target: Path) -> None:
    """Files beside the target in docs/ and elsewhere in the project stay as they are."""
    hand = project / "docs" / "theme" / "extra.css"
    hand.parent.mkdir(parents=True)
    hand.write_text("body{}\n")
    neighbour = project / "docs" / "generiert-alt.md"
    neighbour.write_text("keep\n")
    write_pages({P("index.md"): "x\n"}, target)
    write_pages({}, target)
    assert hand.read_text() == "body{}\n"
    assert neighbour.read_text() == "keep\n"
    assert target.is_dir() and [p.name for p in target.iterdir()] == [MARKER_NAME]


def test_folder_becomes_page(target: Path) -> None:
    """A page may replace a folder of stale pages that had the same name."""
    write_pages({P("x/y.md"): "y\n"}, target)
    write_pages({P("x"): "now a file\n"}, target)
    assert _tree(target) == {"x": b"now a file\n"}


def test_symlink_is_replaced_not_followed(project: Path, target: Path) -> None:
    """A symbolic link in the target is replaced by the page; its destination stays intact."""
    outside = project / "outside.md"
    outside.write_text("outside\n")
    write_pages({}, target)
    (target / "index.md").symlink_to(outside)
    (target / "stale").symlink_to(project / "strategy", target_is_directory=True)
    write_pages({P("index.md"): "inside\n"}, target)
    assert outside.read_text() == "outside\n"
    assert not (target / "index.md").is_symlink()
    assert (target / "index.md").read_text() == "inside\n"
    assert not (target / "stale").exists() and (project / "strategy").is_dir()


def test_no_temporary_files_remain(target: Path) -> None:
    """Atomic writes leave no temporary files behind."""
    write_pages({P("a/b.md"): "b\n", P("c.md"): "c\n"}, target)
    assert [p.name for p in target.rglob(".*")] == [MARKER_NAME]


@pytest.mark.parametrize("where", ["docs", "strategy/generiert", "../elsewhere/docs/x"])
def test_refuses_target_outside_docs(project: Path, where: str) -> None:
    """The target must lie inside the project's docs/ folder, never docs/ itself or elsewhere."""
    with pytest.raises(ValueError, match="refusing"):
        write_pages({P("a.md"): "a\n"}, project / where)


@pytest.mark.parametrize("bad", ["/etc/passwd", "../outside.md", "a/../../b.md", ".hidden.md"])
def test_refuses_page_paths_that_escape(target: Path, bad: str) -> None:
    """Page paths must be plain relative paths inside the target."""
    with pytest.raises(ValueError):
        write_pages({P(bad): "x\n"}, target)
    assert not target.exists() or not any(target.iterdir())


def test_keep_file_survives(target: Path) -> None:
    """The .gitkeep that keeps docs/generiert/ in Git is never swept away as stale."""
    target.mkdir(parents=True)
    (target / ".gitkeep").write_bytes(b"")
    write_pages({P("index.md"): "x\n"}, target)
    write_pages({}, target)
    assert sorted(p.name for p in target.iterdir()) == [".gitkeep", MARKER_NAME]

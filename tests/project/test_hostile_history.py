"""Hostile Git history: no subject, tag, link or file in history can break a build or a diff.

A scratch repository (test_history's three commits) gets commits whose subjects hold line and
paragraph separators, NEL, form feed, record separators, escape sequences, bidirectional
overrides and invalid UTF-8; a crafted commit with a NUL byte and one with an unreadable
date; an odd tag; absolute and relative symbolic links (one to /etc/passwd) and a huge
binary file, each committed and removed again. History, pages, feed, `strategie diff` and
`strategie build` must come through without a traceback, with clean text and valid XML.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path, PurePosixPath

import pytest
from test_build import make_project
from test_history import git, make_repository

from generator import urls
from generator.check.validate import load_strategy
from generator.cli import main
from generator.git import clean_text, records
from generator.history.describe import ChangeSet, History, Revision, read_history
from generator.history.revisions import RevisionError, load_strategy_at
from generator.site.pipeline import generate
from generator.views.feed import FeedSettings, render_feed

MEASURE = Path("strategy") / "massnahmen" / "verwaltung" / "ver-01.yml"
#: Subjects as the commits give them (bytes: one is not UTF-8).
SUBJECTS = [
    "Zeilentrenner\u2028mitten drin und Absatz\u2029hier".encode(),
    "NEL\u0085und Seiten\fvorschub und Daten\x1esatz\x1ftrenner".encode(),
    "Farbe \x1b[31mrot\x1b[0m und \u202eumgedreht\u202c und Null\u200bbreite".encode(),
    b"Ung\xfcltiges \xff\xfe UTF-8",
]
#: Characters that must not reach a page or the feed from Git.
_FORBIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def forbidden(text: str) -> list[str]:
    """The characters of `text` that are control, format or separator characters (besides the
    line breaks and tabs a Markdown or XML file itself is made of)."""
    return sorted(
        {
            f"U+{ord(char):04X}"
            for char in text
            if char not in "\n\t" and unicodedata.category(char) in _FORBIDDEN
        }
    )


def bump(root: Path, number: int) -> None:
    """Change VER-01's progress so that the commit touches strategy/."""
    path = root / MEASURE
    text = re.sub(r"fortschritt: \d+", f"fortschritt: {number}", path.read_text("utf-8"))
    path.write_text(text, encoding="utf-8")


def commit_with_message(root: Path, message: bytes, when: str) -> None:
    (root / ".git" / "MESSAGE").write_bytes(message)
    git(root, "commit", "-q", "-a", "-F", str(root / ".git" / "MESSAGE"), date=when)


def crafted_commit(root: Path, person: str, message: bytes) -> None:
    """A commit Git's porcelain refuses to make (NUL in the message, no date), written as a
    raw object on top of HEAD with the working tree's strategy/ as it is staged."""
    git(root, "add", "-A")
    tree = git(root, "write-tree").strip()
    parent = git(root, "rev-parse", "HEAD").strip()
    body = (
        f"tree {tree}\nparent {parent}\nauthor {person}\ncommitter {person}\n\n"
    ).encode() + message
    result = subprocess.run(
        ["git", "-C", str(root), "hash-object", "-t", "commit", "-w", "--literally", "--stdin"],
        input=body,
        capture_output=True,
        check=True,
    )
    git(root, "update-ref", "HEAD", result.stdout.decode().strip())


def make_hostile_repository(root: Path) -> dict[str, str]:
    """test_history's repository plus hostile commits; the commits of interest by name."""
    make_repository(root)
    marks: dict[str, str] = {}
    for number, subject in enumerate(SUBJECTS, start=41):
        bump(root, number)
        commit_with_message(root, subject, f"2024-08-{number - 30:02d}T10:00:00+02:00")
    git(root, "tag", 'seltsam-\u2028-\u202e-<tag>&"|;$(id)')
    bump(root, 50)
    crafted_commit(root, "T <t@example.org> 1725000000 +0200", b"Mit Null\x00Byte\n")
    bump(root, 51)
    crafted_commit(root, "kaputt", b"Ohne Datum\n")
    marks["undated"] = git(root, "rev-parse", "HEAD").strip()

    strategy = root / "strategy"
    (strategy / "absolut.yml").symlink_to("/etc/passwd")
    (strategy / "massnahmen" / "relativ.yml").symlink_to("../strategie.yml")
    (strategy / "verzeichnisse" / "ordner").symlink_to("/etc")
    (strategy / "gross.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    (strategy / "farbe\x1b[31m\u2028.txt").write_text("x", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Links und große Datei", date="2024-09-01T10:00:00+02:00")
    marks["links"] = git(root, "rev-parse", "HEAD").strip()
    for name in ("absolut.yml", "massnahmen/relativ.yml", "verzeichnisse/ordner", "gross.bin"):
        (strategy / name).unlink()
    (strategy / "farbe\x1b[31m\u2028.txt").unlink()
    (strategy / "massnahmen" / "verwaltung" / "binaer.yml").write_bytes(b"\x00\xff" * 700_000)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Binärdatei", date="2024-09-02T10:00:00+02:00")
    marks["binary"] = git(root, "rev-parse", "HEAD").strip()
    (strategy / "massnahmen" / "verwaltung" / "binaer.yml").unlink()
    bump(root, 52)
    git(root, "commit", "-q", "-am", "Aufgeräumt", date="2024-09-03T10:00:00+02:00")
    return marks


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("feindlich") / "projekt"
    return root, make_hostile_repository(root)


@pytest.fixture(scope="module")
def history(project: tuple[Path, dict[str, str]]) -> History:
    root, _ = project
    strategy, problems = load_strategy(root / "strategy")
    assert strategy is not None, problems
    return read_history(root, strategy.strategie.fortschreibungen)


# --- reading Git ------------------------------------------------------------------------------


def test_records_split_at_nul_only() -> None:
    """Git output is split at NUL, never at the line breaks Unicode knows besides newline."""
    output = "a\u2028b\x85c\fd\x1ee\nf\0zweiter\0".encode()
    assert records(output) == ["a\u2028b\x85c\fd\x1ee\nf", "zweiter"]
    assert records(b"\xff\xfe\0") == ["\ufffd\ufffd"]
    assert records(None) == [] and records(b"") == []


def test_clean_text_leaves_one_printable_line() -> None:
    """Separators become one space; control, bidi and zero-width characters disappear."""
    assert clean_text("a\u2028b\x85c\fd\x1ee\r\nf") == "a b c d e f"
    assert clean_text("\x1b[31mrot\x1b[0m \u202eum\u202c null\u200bbreite\ufffe") == (
        "[31mrot[0m um nullbreite"
    )
    assert clean_text("Grüße – „ok“ 😀") == "Grüße – „ok“ 😀"


def test_hostile_subjects_are_read_and_cleaned(
    history: History, project: tuple[Path, dict[str, str]]
) -> None:
    """Every commit is listed, newest first, with a subject free of control characters; the
    crafted commit without a date is left out with a note instead of failing the build."""
    subjects = [cs.revision.subject for cs in history.revisions if cs.revision is not None]
    assert subjects == [
        "Aufgeräumt",
        "Binärdatei",
        "Links und große Datei",
        "Mit Null",
        "Ungültiges ÿþ UTF-8",  # Git shows a message that is not UTF-8 as Latin-1
        "Farbe [31mrot[0m und umgedreht und Nullbreite",
        "NEL und Seiten vorschub und Daten satz trenner",
        "Zeilentrenner mitten drin und Absatz hier",
        "release 2024 (tag me)",
        "fix(ver-01): status done, bump progress",
        "chore: import seed data",
    ]
    assert all(forbidden(subject) == [] for subject in subjects)
    assert [cs.key for cs in history.editions] == ["fassung-2024", "fassung-2020"]
    assert history.notes == (
        "Ein Commit lässt sich nicht lesen (beschädigt oder von Hand erzeugt) und fehlt deshalb "
        f"in der Liste: {project[1]['undated'][:7]}.",
    )


def test_long_and_empty_subjects_are_shortened_or_named() -> None:
    """A subject longer than 200 characters is cut with „…“; one of control characters only
    gets a neutral name instead of an empty heading."""
    from generator.history.gitlog import parse_logged as _logged

    head = f"{'a' * 40}\x1f2024-01-02T03:04:00+01:00\x1f{'b' * 40}\x1f"
    long = _logged(head + "Wort " * 100)
    empty = _logged(head + "\x1b\u2028\u202e")
    assert long is not None and empty is not None
    assert len(long.revision.subject) == 200 and long.revision.subject.endswith("Wort…")
    assert empty.revision.subject == "Änderung ohne Beschreibung"
    assert _logged("kein Commit\x1fx\x1fy\x1fz") is None
    assert _logged(f"{'a' * 40}\x1f2024-13-45\x1f\x1fDatum kaputt") is None


def test_states_with_links_and_binaries_load_or_become_notes(history: History) -> None:
    """Links in an earlier state are ignored (it still compares); a state with a binary .yml
    cannot be checked and says so in a note."""
    by_subject = {cs.revision.subject: cs for cs in history.revisions if cs.revision}
    links = by_subject["Links und große Datei"]
    assert links.note == "Keine inhaltlichen Änderungen."
    assert by_subject["Binärdatei"].note is not None
    assert "nicht fehlerfrei prüfen" in by_subject["Binärdatei"].note
    assert by_subject["Aufgeräumt"].note is not None
    assert [m.changes for m in by_subject["Mit Null"].measures] == [("Fortschritt 44 % → 50 %",)]


def test_symlink_to_passwd_is_never_read(project: tuple[Path, dict[str, str]]) -> None:
    """An earlier state with links to /etc/passwd and /etc loads like one without them."""
    root, marks = project
    strategy, problems = load_strategy_at(root, marks["links"])
    assert strategy is not None, problems
    assert not any("passwd" in p.format() or "ordner" in p.format() for p in problems)
    # The huge binary file is only named (as a stray file), never read; a file name with
    # control characters reaches the message cleaned.
    assert [(p.file, p.code) for p in problems] == [
        ("strategy/farbe[31m .txt", "stray_file"),
        ("strategy/gross.bin", "stray_file"),
    ]


def test_oversized_binary_yml_is_reported_not_read(project: tuple[Path, dict[str, str]]) -> None:
    """A 1.4 MB binary .yml in an earlier state gives the loader's size problem."""
    root, marks = project
    strategy, problems = load_strategy_at(root, marks["binary"])
    assert strategy is None
    assert [(p.file, p.code) for p in problems] == [
        ("strategy/massnahmen/verwaltung/binaer.yml", "file_too_large")
    ]


def test_revision_outside_strategy_is_a_revision_error(
    project: tuple[Path, dict[str, str]],
) -> None:
    """A revision that Git cannot resolve is a German RevisionError, not a crash."""
    root, _ = project
    with pytest.raises(RevisionError, match="gibt es in diesem Repository nicht"):
        load_strategy_at(root, "seltsam-\u2028-gibt-es-nicht")


def test_pages_and_feed_are_clean(
    project: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Änderungen page, the measure pages and feed.xml hold no control character, and the
    feed is well-formed XML with one entry per readable commit and tagged edition."""
    root, _ = project
    monkeypatch.setenv("SITE_URL", "https://example.org/strategie/")
    monkeypatch.delenv("MIKE_DOCS_VERSION", raising=False)
    site = generate(root)
    changes = site.pages[PurePosixPath(urls.CHANGES)]
    assert "Zeilentrenner mitten drin und Absatz hier" not in changes  # subjects never shown
    for path, text in site.pages.items():
        assert forbidden(text) == [], path
    feed = (root / "docs" / "generiert" / "feed.xml").read_text("utf-8")
    assert forbidden(feed) == []
    parsed = ET.fromstring(feed)
    entries = parsed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 11 + 2


def test_feed_is_valid_xml_whatever_the_text() -> None:
    """Even a subject or a title that bypassed cleaning cannot make feed.xml invalid (the
    subject is not shown; the title is)."""
    subject = "".join(chr(code) for code in range(0x20)) + "\ufffe\uffff ok"
    revision = Revision("a" * 40, datetime.fromisoformat("2024-01-02T03:04:00+00:00"), subject)
    history = History(revisions=(ChangeSet("aenderung-aaaaaaaaaaaa", None, None, revision),))
    settings = FeedSettings("Titel\x00", "Stadt\x1b", "example.org", date(2020, 1, 1), None)
    parsed = ET.fromstring(render_feed(history, settings))
    assert "Titel" in "".join(parsed.itertext()) and " ok" not in "".join(parsed.itertext())


# --- the commands -----------------------------------------------------------------------------


def test_diff_against_hostile_states(
    project: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """`strategie diff` with a linked state works; with a broken state it reports problems."""
    root, marks = project
    assert main(["--projekt", str(root), "diff", marks["links"], "HEAD"]) == 0
    out, err = capsys.readouterr()
    assert "VER-01: Fortschritt 51 % → 52 %" in out and "Traceback" not in err
    assert main(["--projekt", str(root), "diff", marks["binary"], "HEAD"]) == 1
    _, err = capsys.readouterr()
    assert "binaer.yml:1:1: Fehler: Die Datei ist mit" in err and "Traceback" not in err


def test_build_with_hostile_history(tmp_path: Path, project: tuple[Path, dict[str, str]]) -> None:
    """`strategie build` on a clone of the hostile repository succeeds without a traceback."""
    root, _ = project
    clone = make_project(tmp_path / "bau", fake=False)
    os.rename(clone / "strategy", tmp_path / "gebuendelt")
    subprocess.run(
        ["git", "clone", "-q", "--no-checkout", str(root), str(tmp_path / "klon")], check=True
    )
    os.rename(tmp_path / "klon" / ".git", clone / ".git")
    git(clone, "checkout", "-q", "HEAD", "--", "strategy")
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL",)}
    environment |= {"SOURCE_DATE_EPOCH": "1725000000", "PYTHONPATH": str(clone)}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--projekt", str(clone), "build"],
        cwd=clone,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    page = (clone / "site" / "aenderungen.html").read_text("utf-8")
    assert "Zeilentrenner mitten drin und Absatz hier" not in page  # subjects never shown
    assert forbidden(page) == []

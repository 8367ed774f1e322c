"""Hostile paths and names: no command deletes or overwrites what it did not create, no file name
injects workflow commands, no data notifies anyone, and bad paths or ports end in German.

Most cases go through the command line as a user types it (`strategie build` as a subprocess
with the fake data stages of test_build.py, the other commands through `main`).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from repo_paths import PROBLEMS, REPO
from test_build import environment, make_project, strategie
from test_diff import GIT_ENV, commit_all, git, load, replace_line

from generator.check.load import load_tree
from generator.cli import main
from generator.history.diff import diff_strategies
from generator.history.diff_format import format_markdown, without_references
from generator.problems import Problem, Severity
from generator.site.output_guard import MARKER_NAME, MARKER_TEXT

BASE = PROBLEMS / "base"


def files(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes (symlinks not followed)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small valid strategy in a project folder (for the commands other than build)."""
    shutil.copytree(BASE, tmp_path / "projekt" / "strategy")
    return tmp_path / "projekt"


@pytest.fixture(scope="module")
def fake_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the engine and the fake data stages, built by `strategie build`."""
    return make_project(tmp_path_factory.mktemp("feindlich") / "projekt")


# --- build: output folders ------------------------------------------------------------------


def test_build_out_refuses_a_folder_with_other_files_and_an_index(
    fake_project: Path, tmp_path: Path
) -> None:
    """--out into a folder of other files with an index.html: exit 2, everything intact."""
    folder = tmp_path / "Dokumente"
    folder.mkdir()
    (folder / "index.html").write_text("<p>meine Seite</p>")
    (folder / "steuer.pdf").write_bytes(b"%PDF wichtig")
    before = files(folder)
    result = strategie(fake_project, "build", "--out", str(folder))
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr == (
        f"strategie build: Der Zielordner {folder} enthält Dateien, aber keine von „strategie "
        f"build“ gebaute Website (die Markierung {MARKER_NAME} fehlt); er wird nicht ersetzt. "
        "Wählen Sie einen leeren oder neuen Ordner.\n"
    )
    assert files(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Dokumente"]


def test_build_out_refuses_a_symlinked_folder(fake_project: Path, tmp_path: Path) -> None:
    """--out naming a symbolic link is refused; the folder it points at stays as it was."""
    real = tmp_path / "echt"
    real.mkdir()
    (real / "brief.txt").write_text("wichtig")
    link = tmp_path / "verknuepfung"
    link.symlink_to(real, target_is_directory=True)
    result = strategie(fake_project, "build", "--out", str(link))
    assert result.returncode == 2
    assert result.stderr == (
        f"strategie build: Der Zielordner {link} ist eine symbolische Verknüpfung; ein Bau "
        "ersetzt sie nicht. Geben Sie den Ordner selbst an.\n"
    )
    assert files(real) == {"brief.txt": b"wichtig"} and link.is_symlink()


def test_build_marks_its_folder_and_replaces_it_next_time(
    fake_project: Path, tmp_path: Path
) -> None:
    """A built folder carries the German marker; the next build into it is accepted."""
    out = tmp_path / "web"
    assert strategie(fake_project, "build", "--out", str(out)).returncode == 0
    assert (out / MARKER_NAME).read_text("utf-8") == MARKER_TEXT
    assert "ersetzt" in MARKER_TEXT and MARKER_TEXT.startswith("Dieser Ordner wurde von")
    again = strategie(fake_project, "build", "--out", str(out))
    assert again.returncode == 0, again.stderr


def test_build_takes_over_a_site_of_the_previous_version(
    fake_project: Path, tmp_path: Path
) -> None:
    """A site built before the marker existed (start page, sitemap, our data) is replaced."""
    old = tmp_path / "site"
    (old / "daten").mkdir(parents=True)
    for name in ("index.html", "sitemap.xml", "daten/strategie.json", "veraltet.html"):
        (old / name).write_text("alt")
    result = strategie(fake_project, "build", "--out", str(old))
    assert result.returncode == 0, result.stderr
    assert not (old / "veraltet.html").exists() and (old / MARKER_NAME).is_file()


def test_offline_zip_never_replaces_a_foreign_file(fake_project: Path, tmp_path: Path) -> None:
    """A file with the zip's name that is not our bundle is refused, exit 2, byte-identical."""
    out = tmp_path / "stick" / "web"
    out.parent.mkdir()
    foreign = out.parent / "vernetzte-stadt-gelsenkirchen-2023-offline.zip"
    foreign.write_bytes(b"meine eigene Datei")
    result = strategie(fake_project, "build", "--offline", "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.endswith(
        f"strategie build: Die Datei {foreign} gibt es schon, und sie ist keine "
        "Offline-Ausgabe dieses Baus; sie wird nicht überschrieben. Verschieben Sie sie oder "
        "wählen Sie mit --out einen anderen Ordner.\n"
    )
    assert foreign.read_bytes() == b"meine eigene Datei" and not out.exists()


def test_offline_zip_leaves_out_the_marker(fake_project: Path, tmp_path: Path) -> None:
    """The marker is for the built folder; the zip to hand on does not contain it."""
    out = tmp_path / "web"
    assert strategie(fake_project, "build", "--offline", "--out", str(out)).returncode == 0
    (archive,) = tmp_path.glob("*.zip")
    with zipfile.ZipFile(archive) as bundle:
        assert not [name for name in bundle.namelist() if MARKER_NAME in name]
    assert (out / MARKER_NAME).is_file()


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("/proc/strategie-test/web", "der Ordner fehlt"),
        ("DATEI/web", "ein Teil des Pfads ist eine Datei"),
    ],
)
def test_build_out_that_cannot_be_written(
    fake_project: Path, tmp_path: Path, where: str, reason: str
) -> None:
    """An --out below /proc or below a file: a German message, exit 2, no traceback."""
    (tmp_path / "DATEI").write_text("x")
    out = Path(where) if where.startswith("/") else tmp_path / where
    result = strategie(fake_project, "build", "--out", str(out))
    assert result.returncode == 2
    assert result.stderr == (
        f"strategie build: In den Ordner {out.parent} kann nicht geschrieben werden ({reason}). "
        "Wählen Sie mit --out einen Ordner, in dem Sie Dateien anlegen dürfen.\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_build_out_in_a_read_only_folder(fake_project: Path, tmp_path: Path) -> None:
    """A read-only parent folder: German message, exit 2, no traceback."""
    locked = tmp_path / "gesperrt"
    locked.mkdir(mode=0o555)
    result = strategie(fake_project, "build", "--out", str(locked / "web"))
    assert result.returncode == 2
    assert "kann nicht geschrieben werden (keine Schreibberechtigung)" in result.stderr


# --- build: the generated folder and leftovers ----------------------------------------------


def test_symlinked_generated_folder_is_refused_and_theme_intact(tmp_path: Path) -> None:
    """docs/generiert → docs/theme: build and plain mkdocs refuse; the theme stays whole."""
    root = make_project(tmp_path / "projekt")
    theme = root / "docs" / "theme"
    before = files(theme)
    shutil.rmtree(root / "docs" / "generiert")
    (root / "docs" / "generiert").symlink_to("theme", target_is_directory=True)
    result = strategie(root, "build")
    assert result.returncode == 2
    generated = root / "docs" / "generiert"
    assert result.stderr == (
        f"strategie build: Der Ordner für die erzeugten Seiten {generated} führt über die "
        f"symbolische Verknüpfung {generated}. Der Generator schreibt und löscht dort nicht, "
        "damit keine andere Datei verloren geht. Ersetzen Sie generiert durch einen "
        "gewöhnlichen Ordner.\n"
    )
    mkdocs_run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "aus")],
        cwd=root,
        env=environment(PYTHONPATH=str(root), NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert mkdocs_run.returncode != 0
    logged = mkdocs_run.stdout + mkdocs_run.stderr
    assert "führt über die symbolische Verknüpfung" in logged
    assert "Traceback" not in logged
    assert files(theme) == before


def test_generated_folder_below_a_symlinked_docs_is_refused(tmp_path: Path) -> None:
    """A link on the way (docs/ itself a link) is refused as well."""
    root = make_project(tmp_path / "projekt")
    shutil.move(root / "docs", tmp_path / "echte-docs")
    (root / "docs").symlink_to(tmp_path / "echte-docs", target_is_directory=True)
    before = files(tmp_path / "echte-docs")
    result = strategie(root, "build")
    assert result.returncode == 2
    assert f"über die symbolische Verknüpfung {root / 'docs'}." in result.stderr
    assert files(tmp_path / "echte-docs") == before


def test_leftovers_of_an_interrupted_build_are_removed(tmp_path: Path) -> None:
    """Old .site-neu-* folders and files are gone after the next build."""
    root = make_project(tmp_path / "projekt")
    (root / ".site-neu-abc123").mkdir()
    (root / ".site-neu-abc123.json").write_text("{}")
    (root / ".site-alt-def456").mkdir()
    assert strategie(root, "build").returncode == 0
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []


def test_sigterm_during_a_build_leaves_no_temporary_files(tmp_path: Path) -> None:
    """A build stopped with SIGTERM midway removes its temporary folder and file."""
    root = make_project(tmp_path / "projekt")
    # The fake render stage takes its time, so the signal surely arrives during the build.
    render = root / "generator" / "render" / "engine.py"
    render.write_text(
        render.read_text("utf-8")
        + "\n_fast = render_site\n\n\ndef render_site(strategy, history=None, *, pdf=None):\n"
        "    import time\n\n    time.sleep(5)\n    return _fast(strategy, history, pdf=pdf)\n",
        encoding="utf-8",
    )
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "--projekt", str(root), "build"],
        cwd=root,
        env=environment(PYTHONPATH=str(root)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(root.glob(".site-neu-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(root.glob(".site-neu-*")), "the build never reached its temporary folder"
    build.send_signal(signal.SIGTERM)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130
    assert stderr.endswith("Bau unterbrochen. Die bisherige Website in site/ bleibt unverändert.\n")
    assert "Traceback" not in stderr
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == []
    assert not (root / "site").exists()


# --- export and the other paths -------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    ["strategy/strategie.yml", "notiz.txt", "docs/massnahmen.xlsx", "strategy/x.xlsx"],
)
def test_export_refuses_to_overwrite(
    project: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """export onto the data, a non-workbook or into a source folder: exit 2, bytes intact."""
    target = project / where
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.write_bytes(b"nicht anfassen\n")
    before = target.read_bytes()
    assert main(["--projekt", str(project), "export", "xlsx", "--out", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"strategie export xlsx: Die Zieldatei {target} ")
    assert target.read_bytes() == before


def test_export_messages(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The refusals say what is wrong and what to do instead, in German."""
    (project / "docs").mkdir()
    (project / "alt.xlsx").write_bytes(b"PK kein Excel")
    cases = {
        "strategy/strategie.yml": "Die Zieldatei {t} liegt im Ordner strategy/ des Projekts; dort "
        "liegen Daten oder Programm, die eine Arbeitsmappe nicht überschreiben darf. Wählen Sie "
        "einen Ort außerhalb, zum Beispiel massnahmen.xlsx im Projektordner.",
        "notiz.txt": "Die Zieldatei {t} endet nicht auf „.xlsx“; eine Arbeitsmappe braucht diese "
        "Endung. Wählen Sie zum Beispiel massnahmen.xlsx.",
        "alt.xlsx": "Die Datei {t} gibt es schon, und sie ist keine Arbeitsmappe aus „strategie "
        "export xlsx“; sie wird nicht überschrieben. Wählen Sie einen anderen Dateinamen.",
    }
    for where, message in cases.items():
        target = project / where
        assert main(["--projekt", str(project), "export", "xlsx", "--out", str(target)]) == 2
        assert capsys.readouterr().err == (f"strategie export xlsx: {message.format(t=target)}\n")


def test_export_refuses_a_symlink_and_overwrites_its_own_workbook(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link as target is refused; a workbook of an earlier export is replaced."""
    data = project / "strategy" / "strategie.yml"
    link = project / "mappe.xlsx"
    link.symlink_to(data)
    before = data.read_bytes()
    assert main(["--projekt", str(project), "export", "xlsx", "--out", str(link)]) == 2
    assert capsys.readouterr().err == (
        f"strategie export xlsx: Die Zieldatei {link} führt über die symbolische Verknüpfung "
        f"{link}; dorthin wird nicht geschrieben. Geben Sie einen Pfad ohne Verknüpfung an.\n"
    )
    assert data.read_bytes() == before
    own = tmp_path / "massnahmen.xlsx"
    assert main(["--projekt", str(project), "export", "xlsx", "--out", str(own)]) == 0
    assert main(["--projekt", str(project), "export", "xlsx", "--out", str(own)]) == 0


# --- serve: addresses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (
            "127.0.0.1:99999",
            "Der Port 99999 in der Adresse 127.0.0.1:99999 gibt es nicht; erlaubt sind 1 bis "
            "65535, zum Beispiel 127.0.0.1:8000.",
        ),
        (
            "Quatsch",
            "Die Adresse Quatsch hat nicht die Form HOST:PORT, zum Beispiel 127.0.0.1:8000.",
        ),
        (
            "127.0.0.1:８０",
            "Die Adresse 127.0.0.1:８０ hat nicht die Form HOST:PORT, zum Beispiel 127.0.0.1:8000.",
        ),
        (
            "\udcff.invalid:8000",
            "Die Adresse ?.invalid:8000 hat nicht die Form HOST:PORT, zum Beispiel 127.0.0.1:8000.",
        ),
        (
            "xn--a.invalid:8000",
            "Die Adresse xn--a.invalid:8000 ist belegt oder nicht verfügbar (läuft die Vorschau "
            "schon?). Wählen Sie mit --adresse einen anderen Port, zum Beispiel 127.0.0.1:8001.",
        ),
    ],
)
def test_serve_refuses_bad_addresses(
    project: Path, address: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Port out of range, no port, non-ASCII digits, an unencodable host: exit 2, German."""
    assert main(["--projekt", str(project), "serve", "--adresse", address]) == 2
    assert capsys.readouterr().err == f"strategie serve: {message}\n"


# --- file names and annotations -------------------------------------------------------------


def test_annotation_escapes_properties_and_message_like_actions_core() -> None:
    """%, CR, LF everywhere and also ':' and ',' in properties, as @actions/core escapes."""
    found = Problem("strategy/a,b:c%\n::x.yml", 3, 4, "x", "zwei\r\nZeilen 100%", Severity.ERROR)
    assert found.github_annotation() == (
        "::error file=strategy/a%2Cb%3Ac%25%0A%3A%3Ax.yml,line=3,col=4::zwei%0D%0AZeilen 100%25"
    )


def test_file_name_with_newline_injects_no_workflow_command(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file named with a newline and '::stop-commands::' is a data error, one line each."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    evil = project / "strategy" / "massnahmen" / "labor" / "x\n::stop-commands::abc\n.yml"
    evil.write_text("id: X\n", encoding="utf-8")
    assert main(["--projekt", str(project), "check"]) == 1
    out, err = capsys.readouterr()
    assert [line for line in out.splitlines() if not line.startswith("::error ")] == []
    assert "::stop-commands::" not in out.replace("%3A%3Astop-commands%3A%3A", "")
    shown = "strategy/massnahmen/labor/x\ufffd::stop-commands::abc\ufffd.yml"
    assert err.splitlines()[0] == (
        f"{shown}:1:1: Fehler: Der Name dieser Datei oder ihres Ordners enthält das unsichtbare "
        "Steuerzeichen U+000A. Solche Namen lassen sich nicht sicher anzeigen und werden nicht "
        "gelesen; benennen Sie die Datei oder den Ordner um (Buchstaben, Ziffern und "
        "Bindestriche, Endung „.yml“)."
    )


@pytest.mark.parametrize(
    ("name", "what"),
    [
        (b"tab\there.yml", "das unsichtbare Steuerzeichen U+0009"),
        (b"zeile\xe2\x80\xa8.yml", "das unsichtbare Steuerzeichen U+2028"),
        (b"latin\xe4.yml", "Zeichen, die kein gültiges UTF-8 sind"),
    ],
)
def test_bad_file_names_are_data_errors(tmp_path: Path, name: bytes, what: str) -> None:
    """Control characters and undecodable bytes in a name: a German error, file not read."""
    root = tmp_path / "strategy"
    root.mkdir()
    with open(os.path.join(os.fsencode(root), name), "w", encoding="utf-8") as stream:
        stream.write("a: 1\n")
    loaded, problems = load_tree(root)
    assert loaded == []
    assert [p.code for p in problems] == ["file_name_invalid"]
    assert f"enthält {what}. Solche Namen" in problems[0].message
    assert "\n" not in problems[0].file and "\t" not in problems[0].file


# --- pull-request comment -------------------------------------------------------------------


def test_comment_breaks_mentions_and_issue_references(tmp_path: Path) -> None:
    """@team, @user and #123 from the data reach the comment without notifying anyone."""
    shutil.copytree(BASE, tmp_path / "strategy")
    measure = tmp_path / "strategy" / "massnahmen" / "verwaltung" / "ver-01.yml"
    replace_line(measure, r"^titel: .*$", "titel: 'Portal für @stadt/rat und @jemand, siehe #123'")
    text = format_markdown(diff_strategies(load(BASE), load(tmp_path / "strategy")), "a", "b")
    assert "@\u200bstadt/rat" in text and "@\u200bjemand" in text and "#\u200b123" in text
    assert "@s" not in text and "@j" not in text and "#1" not in text
    assert text.startswith("<!-- strategie-diff -->\n### Inhaltliche Änderungen")


def test_reference_breaking_keeps_character_references() -> None:
    """'&#58;' of the Markdown escaping stays a character reference; mail addresses break."""
    assert without_references("a&#58;b #7 x@y.de") == "a&#58;b #\u200b7 x@\u200by.de"
    assert without_references("#### Maßnahmen") == "#### Maßnahmen"


def test_schemas_refuse_to_write_through_a_symlink(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A schema file that is a link to the data is refused, exit 2; the data stays."""
    data = project / "strategy" / "strategie.yml"
    before = data.read_bytes()
    (project / "strategy" / "schemas").mkdir()
    link = project / "strategy" / "schemas" / "massnahme.schema.json"
    link.symlink_to(data)
    assert main(["--projekt", str(project), "schemas"]) == 2
    assert capsys.readouterr().err == (
        f"strategie schemas: {link} ist eine symbolische Verknüpfung; über sie wird nicht "
        "geschrieben. Ersetzen Sie sie durch einen gewöhnlichen Ordner bzw. eine gewöhnliche "
        "Datei.\n"
    )
    assert data.read_bytes() == before


def test_publish_refuses_a_branch_of_the_sources(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--branch main (a branch holding strategy/) is refused before mike runs, exit 2."""
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "Daten")
    head = git(project, "rev-parse", "HEAD")
    arguments = ["--projekt", str(project), "veroeffentlichen", "--vorschau", "--branch", "main"]
    assert main(arguments) == 2
    assert capsys.readouterr().err.endswith(
        "strategie veroeffentlichen: Der Zweig „main“ enthält die Daten (strategy/); die "
        "Website wird nie in einen Zweig der Quellen gelegt. Nehmen Sie einen eigenen Zweig "
        "wie gh-pages (Standard).\n"
    )
    assert git(project, "rev-parse", "HEAD") == head


FAKE_PUBLISH = """#!/usr/bin/env bash
# Stands in for `strategie veroeffentlichen`: one commit on gh-pages, records the token it saw.
set -euo pipefail
parent=$(git rev-parse -q --verify refs/heads/gh-pages || true)
commit=$(git commit-tree "$(git mktree < /dev/null)" ${parent:+-p "$parent"} -m "deploy $*")
git update-ref refs/heads/gh-pages "$commit"
printf '%s' "${PUSH_TOKEN:-}" > token-gesehen
"""


def test_push_script_retries_on_top_of_another_publication(tmp_path: Path) -> None:
    """A rejected push takes the other run's gh-pages, publishes again on top, and pushes;
    the token reaches neither the rebuild nor .git/config."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    project = tmp_path / "projekt"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts" / "push-gh-pages.sh", project / "scripts")
    fake = project / ".venv" / "bin" / "strategie"
    fake.parent.mkdir(parents=True)
    fake.write_text(FAKE_PUBLISH, encoding="utf-8")
    fake.chmod(0o755)
    git(project, "init", "-q")
    git(project, "remote", "add", "origin", str(remote))
    env = {**os.environ, **GIT_ENV}
    subprocess.run([str(fake), "erste"], cwd=project, env=env, check=True)
    git(project, "push", "-q", "origin", "gh-pages")
    other = tmp_path / "anderer-lauf"
    git(tmp_path, "clone", "-q", "-b", "gh-pages", str(remote), str(other))
    git(other, "commit", "-q", "--allow-empty", "-m", "Fassung 2024")
    git(other, "push", "-q", "origin", "gh-pages")
    git(project, "fetch", "-q", "origin")
    subprocess.run([str(fake), "vorschau"], cwd=project, env=env, check=True)
    result = subprocess.run(
        ["bash", "scripts/push-gh-pages.sh", "--vorschau"],
        cwd=project,
        env={**env, "PUSH_TOKEN": "geheim", "PUSH_RETRY_SECONDS": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    subjects = git(remote, "log", "--format=%s", "gh-pages").splitlines()
    assert subjects == ["deploy veroeffentlichen --vorschau", "Fassung 2024", "deploy erste"]
    assert (project / "token-gesehen").read_text() == ""
    assert "geheim" not in (project / ".git" / "config").read_text()
    assert "extraheader" not in (project / ".git" / "config").read_text()
    assert result.stdout.startswith("::add-mask::")
    assert "gh-pages wurde inzwischen von einer anderen Veröffentlichung geändert" in result.stderr

"""The strategy at a Git revision, loaded and validated exactly like the working tree.

In: the project folder and a revision („HEAD“, „origin/main“, a tag, a commit). Out: what
`validate.load_strategy` returns for the `strategy/` folder as it was at that revision, or a
`RevisionError` with a German message when Git cannot give it. The folder is listed with
`git ls-tree -z` and its files are read with `git cat-file --batch` into a temporary folder,
so this works in a shallow clone as long as the revision's commit was fetched, and never
touches the working tree.

Only regular files are written, each at a path checked segment by segment and cleaned of
control characters (git.clean_text); symbolic links (even to /etc/passwd or an absolute path),
submodules and anything else in the tree are left out, as the loader would refuse to read
them. Only `.yml` files up to the loader's size limit are read from Git; every other file is
laid out empty at its recorded size (sparse), so the loader reports it as it would in the
working tree without a huge or binary file ever being read.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.check.load import ParseCache
from generator.check.validate import load_strategy
from generator.check.yamltext import MAX_BYTES
from generator.git import GitError, clean_text, records, run_git
from generator.history.upgrade import upgrade_old_forms
from generator.model import Strategy
from generator.problems import Problem

#: How Git's file modes of regular files begin (100644, 100755, 100664 in old repositories);
#: links are 120000, submodules 160000.
_REGULAR_MODE = "100"


class RevisionError(GitError):
    """Git cannot give the strategy at a revision; the message is German, for editors."""


def load_strategy_at(
    project: Path, revision: str, *, known: bool = False, cache: ParseCache | None = None
) -> tuple[Strategy | None, list[Problem]]:
    """Load and validate `strategy/` as it was at `revision` (relative to the project).

    `known`: the caller has found the commit in the repository already (history.py, for up
    to twenty commits per build), so the two checks that explain a wrong name are skipped.
    `cache`: the parsed files kept by the caller (see check/load.py `ParseCache`)."""
    if not revision or revision.startswith("-"):
        raise RevisionError(f"„{revision}“ ist keine Revision.")
    if not known:
        _check_revision(project, revision)
    listing = _git(
        project,
        ["ls-tree", "-r", "-l", "-z", f"{revision}:./strategy"],
        f"In der Revision „{revision}“ gibt es keinen Ordner strategy/.",
    )
    files = [entry for entry in map(_entry, records(listing)) if entry is not None]
    wanted = [entry for entry in files if entry.read]
    contents = _blobs(project, [entry.object for entry in wanted], revision)
    with tempfile.TemporaryDirectory(prefix="strategie-revision-") as folder:
        target = Path(folder) / "strategy"
        target.mkdir()
        for entry in files:
            _lay_out(target, entry, contents)
        upgrade_old_forms(target)
        return load_strategy(target, editorial=False, cache=cache)


def _lay_out(target: Path, entry: _TreeFile, contents: dict[str, bytes]) -> None:
    """Write one file below `target`; a path a crafted tree gives twice (as a file and as a
    folder) is left out, as Git itself could not check it out."""
    path = target.joinpath(*entry.segments)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as stream:
            if entry.read:
                stream.write(contents[entry.object])
            else:
                stream.truncate(entry.size)
    except OSError:
        return


class _TreeFile:
    """A regular file in the listed tree: where it goes and whether its content is needed."""

    def __init__(self, segments: list[str], object_id: str, size: int) -> None:
        self.segments = segments
        self.object = object_id
        self.size = size
        self.read = segments[-1].endswith(".yml") and size <= MAX_BYTES


def _entry(record: str) -> _TreeFile | None:
    """One `ls-tree -l -z` record („mode type object size<TAB>path“) if it is a regular
    file at a safe relative path; None for links, submodules and odd paths."""
    meta, tab, path = record.partition("\t")
    fields = meta.split()
    if not tab or len(fields) != 4 or fields[1] != "blob":
        return None
    if not fields[0].startswith(_REGULAR_MODE):
        return None
    # A control character in a name would reach the terminal in a problem's file name.
    segments = [clean_text(segment) for segment in path.split("/")]
    if any(segment in {"", ".", ".."} for segment in segments) or not fields[3].isdigit():
        return None
    return _TreeFile(segments, fields[2], int(fields[3]))


def _blobs(project: Path, objects: list[str], revision: str) -> dict[str, bytes]:
    """The contents of blobs by object id, from one `git cat-file --batch`."""
    if not objects:
        return {}
    output = _git(
        project,
        ["cat-file", "--batch"],
        f"Die Dateien der Revision „{revision}“ lassen sich nicht lesen.",
        given="".join(f"{name}\n" for name in objects).encode("ascii"),
    )
    found: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        end = output.find(b"\n", position)
        header = output[position : end if end >= 0 else len(output)].decode("ascii", "replace")
        parts = header.split()
        if end < 0 or len(parts) != 3 or not parts[2].isdigit():
            break
        size = int(parts[2])
        found[parts[0]] = output[end + 1 : end + 1 + size]
        position = end + 1 + size + 1
    missing = [name for name in objects if name not in found]
    if missing:
        raise RevisionError(
            f"In der Revision „{revision}“ fehlt der Inhalt einer Datei (Objekt {missing[0]}); "
            "in einem flachen oder unvollständigen Klon holen Sie ihn mit „git fetch“."
        )
    return found


def _check_revision(project: Path, revision: str) -> None:
    _git(project, ["rev-parse", "--git-dir"], f"Der Ordner {project} ist kein Git-Repository.")
    _git(
        project,
        ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        f"Die Revision „{revision}“ gibt es in diesem Repository nicht. In einem flachen Klon "
        f"holen Sie sie zuerst, zum Beispiel mit „git fetch --depth=1 origin {revision}“.",
    )


def _git(project: Path, arguments: list[str], failure: str, given: bytes | None = None) -> bytes:
    try:
        output = run_git(project, *arguments, given=given)
    except GitError as error:
        raise RevisionError(str(error)) from None
    if output is None:
        raise RevisionError(failure)
    return output

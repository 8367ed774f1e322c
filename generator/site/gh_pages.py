"""Finishing touches on the gh-pages branch after mike: stable addresses, order, a root 404.

In: the project (a Git repository), the branch mike wrote to, the version just deployed and
whether it became the current edition. Out: one more commit on that branch (or none when
nothing changed), made with Git's plumbing in a temporary index, so the working tree and the
checkout's index are never touched.

What mike alone leaves undone:

- **Stable addresses for the current edition.** With `alias_type: redirect` the alias folder
  (`aktuell/`) holds only HTML redirect pages; a feed reader or a script cannot follow them. The
  current edition's Atom feed (`feed.xml`) and its downloads (`daten/…`) are added to the alias
  folder as real files (the same blobs as in the edition's folder), so `aktuell/feed.xml` and
  `aktuell/daten/massnahmen.csv` always hold the newest edition's files. mike clears the
  alias folder when the alias moves to the next edition; this step fills it again.
- **A 404 page at the root.** GitHub Pages shows the root's `404.html` for any missing address
  of the site; the current edition's page is copied there. Its links are root-relative (MkDocs
  builds the 404 page with the path of site_url), so it works at any address.
- **A custom domain.** When the site's address is https on a host other than github.io, the
  branch gets a CNAME file with that host (GitHub Pages reads it; mike never removes it).
- **The preview last.** mike sorts versions.json by version number and puts words such as
  „vorschau“ first; Material's version selector shows that order. The preview goes to the end.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from generator.errors import UserError
from generator.git import records, run_git

#: Files of an edition that get a stable address under the alias: the feed, all downloads.
STABLE_FILES = ("feed.xml", "daten")
NOT_FOUND = "404.html"
VERSIONS = "versions.json"
CNAME = "CNAME"


def custom_domain(site_url: str | None) -> str | None:
    """The host of an https address outside github.io: GitHub Pages serves the branch under
    that name when the branch has a CNAME file holding it (and the domain's DNS points there)."""
    if not site_url:
        return None
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host or host.endswith(".github.io"):
        return None
    return host


def finish_branch(
    project: Path,
    branch: str,
    version: str,
    *,
    alias: str | None,
    preview: str,
    site_url: str | None = None,
) -> bool:
    """Commit the stable files, the root 404 page, the version order and the CNAME file of a
    custom domain; True if a commit was made."""
    ref = f"refs/heads/{branch}"
    head = _git(project, "rev-parse", "--verify", "--quiet", ref).decode().strip()
    with tempfile.TemporaryDirectory() as scratch:
        index = Path(scratch) / "index"
        _git(project, "read-tree", head, index=index)
        if alias is not None:
            _stable_files(project, head, version, alias, index)
        _versions_order(project, head, preview, index)
        domain = custom_domain(site_url)
        if domain is not None:
            blob = _git(project, "hash-object", "-w", "--stdin", given=f"{domain}\n".encode())
            entry = f"100644 {blob.decode().strip()}\t{CNAME}"
            _git(project, "update-index", "-z", "--index-info", given=_nul([entry]), index=index)
        tree = _git(project, "write-tree", index=index).decode().strip()
    if tree == _git(project, "rev-parse", f"{head}^{{tree}}").decode().strip():
        return False
    message = f"Stable addresses, root 404 page and version order after deploying {version}"
    commit = _git(project, "commit-tree", tree, "-p", head, "-m", message).decode().strip()
    _git(project, "update-ref", ref, commit, head)
    return True


def _stable_files(project: Path, head: str, version: str, alias: str, index: Path) -> None:
    """Add the edition's feed, downloads and 404 page to the alias folder and the root.

    mike has just rewritten the alias folder with redirect pages only (it clears the folder
    whenever it deploys a version under an alias), so nothing stale is left to remove."""
    entries = []
    for name in STABLE_FILES:
        for mode, blob, path in _entries(project, head, f"{version}/{name}"):
            entries.append(f"{mode} {blob}\t{alias}/{path[len(version) + 1 :]}")
    for mode, blob, _path in _entries(project, head, f"{version}/{NOT_FOUND}"):
        entries.append(f"{mode} {blob}\t{NOT_FOUND}")
    if entries:
        _git(project, "update-index", "-z", "--index-info", given=_nul(entries), index=index)


def _versions_order(project: Path, head: str, preview: str, index: Path) -> None:
    """Move the preview to the end of versions.json (mike lists it first)."""
    text = run_git(project, "show", f"{head}:{VERSIONS}")
    if text is None:
        return
    versions = json.loads(text)
    ordered = [v for v in versions if v.get("version") != preview]
    ordered += [v for v in versions if v.get("version") == preview]
    if ordered == versions:
        return
    blob = _git(
        project, "hash-object", "-w", "--stdin", given=(json.dumps(ordered) + "\n").encode()
    )
    entry = f"100644 {blob.decode().strip()}\t{VERSIONS}"
    _git(project, "update-index", "-z", "--index-info", given=_nul([entry]), index=index)


def _entries(project: Path, head: str, path: str) -> list[tuple[str, str, str]]:
    """(mode, blob, path) of every file at or below `path` in `head`."""
    output = _git(project, "ls-tree", "-r", "-z", head, "--", path)
    found = []
    for record in records(output):
        meta, name = record.split("\t", 1)
        mode, kind, blob = meta.split()
        if kind == "blob":
            found.append((mode, blob, name))
    return found


def _nul(lines: list[str]) -> bytes:
    return b"".join(line.encode("utf-8") + b"\0" for line in lines)


def _git(
    project: Path, *arguments: str, given: bytes | None = None, index: Path | None = None
) -> bytes:
    output = run_git(project, *arguments, given=given, index=index)
    if output is None:
        raise UserError(
            f"Veröffentlichung fehlgeschlagen: „git {arguments[0]}“ meldet beim Nacharbeiten des "
            "Zweigs einen Fehler. Die Version selbst ist abgelegt; veröffentlichen Sie sie noch "
            "einmal."
        )
    return output

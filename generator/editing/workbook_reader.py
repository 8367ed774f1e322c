"""Read an untrusted workbook: hard limits first, then a streaming read of the wanted sheets.

In: the path of a file that should be a workbook from `strategie export xlsx`, and the names
of the sheets to read. Out: `WorkbookRows` (cell values, row by row, and every formula cell
with its position), or `WorkbookUnreadable` with a German message naming the file, the part
or the cell. Nothing here writes.

The file comes from anyone who can open a pull request or send a mail, so it is checked in
this order, each step bounded by the one before:

1. the file: at most `MAX_FILE_BYTES` on disk; a zip archive;
2. the archive: at most `MAX_PARTS` parts and `MAX_UNPACKED_BYTES` unpacked (as declared in
   the archive; Python's zipfile never unpacks more than a part declares, a part that holds
   more fails its checksum), no part packed more than `MAX_RATIO` times (zip bomb);
3. every XML part: well-formed and without a DOCTYPE (no entity tricks), read by expat in
   a streaming pass that keeps nothing;
4. the wanted sheets: one more streaming pass notes where cells with content are and which
   cells hold formulas; content beyond `MAX_ROWS` rows or `MAX_COLUMNS` columns stops the
   read at once with the cell's address (a stray value in A1048576 costs one pass over the
   sheet XML, not a grid of a million rows);
5. only then openpyxl, read-only (streaming), asked for exactly the rows and columns that
   hold content. It reads cached values; formulas are reported from step 4, never read as
   their (possibly missing) cached result.

Limits: a workbook from `strategie export xlsx` has 12 parts and 26 columns; the bundled
strategy (69 measures) gives 42 KB that unpack to 230 KB, packed at most 7 times. 5,000 rows
and 100 columns leave room for 70 times as many measures and four times as many columns
while keeping the worst case (500,000 cells) to seconds; 50 MB unpacked bounds memory.
Ordinary XML packs 5 to 20 times, a sheet of empty styled cells perhaps 50 times; 100 is far
from both, a zip bomb far beyond.
"""

from __future__ import annotations

import io
import logging
import posixpath
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.parsers import expat

# Re-exported (`as`): callers and tests know them from here.
from generator.editing.sheet_scan import MAX_COLUMNS as MAX_COLUMNS
from generator.editing.sheet_scan import MAX_ROWS as MAX_ROWS
from generator.editing.sheet_scan import FormulaCell as FormulaCell
from generator.editing.sheet_scan import SheetExtent, SheetScanner
from generator.editing.sheet_scan import WorkbookUnreadable as WorkbookUnreadable
from generator.problems import message, quote
from generator.wording import format_decimal

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PARTS = 1000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
#: Parts smaller than this are not checked for their packing ratio (small parts cannot bomb).
RATIO_FLOOR_BYTES = 1024 * 1024
MAX_RATIO = 100

_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"


@dataclass(frozen=True)
class WorkbookRows:
    """The rows of the measures sheet and, if present, of the export snapshot."""

    rows: Sequence[Sequence[object]]
    snapshot: Sequence[Sequence[object]] | None
    #: Formula cells of the measures sheet, in sheet order.
    formulas: Sequence[FormulaCell] = ()


def read_workbook(path: Path, sheet: str, snapshot_sheet: str) -> WorkbookRows:
    """Read the values (never formulas) of `sheet` and, if present, `snapshot_sheet`."""
    data = _read_file(path)
    archive = _open_archive(data, path)
    _check_xml_parts(archive, path)
    parts = _sheet_parts(archive, path)
    if sheet not in parts:
        raise WorkbookUnreadable(message("workbook_sheet_missing", path=path, sheet=quote(sheet)))
    extent = _scan_sheet(archive, parts[sheet], sheet, path)
    snapshot_extent = None
    if snapshot_sheet in parts:
        snapshot_extent = _scan_sheet(archive, parts[snapshot_sheet], snapshot_sheet, path)
        if snapshot_extent.formulas:
            cell = snapshot_extent.formulas[0].address
            raise WorkbookUnreadable(
                message(
                    "workbook_snapshot_formula", path=path, sheet=quote(snapshot_sheet), cell=cell
                )
            )
    wanted = {sheet: extent}
    if snapshot_extent is not None:
        wanted[snapshot_sheet] = snapshot_extent
    values = _read_values(data, wanted, path)
    return WorkbookRows(
        values[sheet],
        values[snapshot_sheet] if snapshot_extent is not None else None,
        extent.formulas,
    )


# --- 1. the file, 2. the archive ----------------------------------------------------------------


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        if not path.is_file():
            # A device or a pipe: reading it could block or never end.
            raise WorkbookUnreadable(
                message("workbook_file_unreadable", path=path, reason="keine gewöhnliche Datei")
            )
        if size > MAX_FILE_BYTES:
            raise WorkbookUnreadable(
                message(
                    "workbook_file_too_large",
                    path=path,
                    size=_megabytes(size),
                    limit=_megabytes(MAX_FILE_BYTES),
                )
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise WorkbookUnreadable(message("workbook_missing", path=path)) from None
    except IsADirectoryError:
        reason = "das ist ein Ordner"
    except PermissionError:
        reason = "keine Leseberechtigung"
    except OSError as error:
        reason = f"Systemfehler {error.strerror or error.errno}"
    raise WorkbookUnreadable(message("workbook_file_unreadable", path=path, reason=reason))


def _open_archive(data: bytes, path: Path) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise WorkbookUnreadable(message("workbook_not_xlsx", path=path)) from None
    members = archive.infolist()
    if len(members) > MAX_PARTS:
        raise WorkbookUnreadable(
            message("workbook_too_many_parts", path=path, count=len(members), limit=MAX_PARTS)
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise WorkbookUnreadable(
            message(
                "workbook_too_large_unpacked",
                path=path,
                size=_megabytes(unpacked),
                limit=_megabytes(MAX_UNPACKED_BYTES),
            )
        )
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR_BYTES and member.file_size > packed * MAX_RATIO:
            raise WorkbookUnreadable(
                message(
                    "workbook_packed_too_tightly",
                    path=path,
                    part=quote(member.filename),
                    ratio=member.file_size // packed,
                    limit=MAX_RATIO,
                )
            )
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names:
        raise WorkbookUnreadable(message("workbook_not_xlsx", path=path))
    return archive


def _open_part(archive: zipfile.ZipFile, name: str, path: Path) -> IO[bytes]:
    try:
        return archive.open(name)
    except KeyError:
        raise WorkbookUnreadable(
            message("workbook_part_missing", path=path, part=quote(name))
        ) from None
    except (NotImplementedError, RuntimeError, zipfile.BadZipFile, ValueError):
        # An unknown packing method, an encrypted part or a broken header.
        raise WorkbookUnreadable(message("workbook_damaged", path=path)) from None


def _parse_part(
    archive: zipfile.ZipFile, name: str, path: Path, parser: expat.XMLParserType
) -> None:
    """Feed one part to an expat parser; bad XML, a DOCTYPE or a broken part → German error."""

    def refuse_doctype(*_: object) -> None:
        raise WorkbookUnreadable(message("workbook_doctype", path=path, part=quote(name)))

    parser.StartDoctypeDeclHandler = refuse_doctype
    with _open_part(archive, name, path) as stream:
        try:
            parser.ParseFile(stream)
        except expat.ExpatError as error:
            raise WorkbookUnreadable(
                message(
                    "workbook_xml_error",
                    path=path,
                    part=quote(name),
                    line=error.lineno,
                    column=error.offset + 1,
                )
            ) from None
        except (zipfile.BadZipFile, EOFError, OSError):
            # A checksum that does not match, a part longer than declared, a cut-off archive.
            raise WorkbookUnreadable(message("workbook_damaged", path=path)) from None


# --- 3. every XML part --------------------------------------------------------------------------


def _check_xml_parts(archive: zipfile.ZipFile, path: Path) -> None:
    for name in archive.namelist():
        if name.lower().endswith((".xml", ".rels")):
            _parse_part(archive, name, path, expat.ParserCreate())


def _read_xml(archive: zipfile.ZipFile, name: str, path: Path) -> list[tuple[str, dict[str, str]]]:
    """The elements of a small part (already checked) as (local name, attributes)."""
    elements: list[tuple[str, dict[str, str]]] = []
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(tag: str, attributes: dict[str, str]) -> None:
        local = {key.rsplit(" ", 1)[-1]: value for key, value in attributes.items()}
        elements.append((tag.rsplit(" ", 1)[-1], local))

    parser.StartElementHandler = start
    _parse_part(archive, name, path, parser)
    return elements


def _sheet_parts(archive: zipfile.ZipFile, path: Path) -> dict[str, str]:
    """Sheet name → the part that holds it, as the workbook's relationships say."""
    book = next(
        (
            attributes.get("Target", "")
            for tag, attributes in _read_xml(archive, "_rels/.rels", path)
            if tag == "Relationship" and attributes.get("Type", "").endswith(_OFFICE_DOCUMENT)
        ),
        "xl/workbook.xml",
    )
    book = _part_name("", book)
    folder, file = posixpath.split(book)
    rels = _read_xml(archive, posixpath.join(folder, "_rels", file + ".rels"), path)
    targets = {
        attributes.get("Id", ""): _part_name(folder, attributes.get("Target", ""))
        for tag, attributes in rels
        if tag == "Relationship" and attributes.get("TargetMode") != "External"
    }
    return {
        attributes.get("name", ""): targets.get(attributes.get("id", ""), "")
        for tag, attributes in _read_xml(archive, book, path)
        if tag == "sheet"
    }


def _part_name(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


# --- 4. where the content and the formulas are (the scanner: sheet_scan.py) ---------------------


def _scan_sheet(archive: zipfile.ZipFile, part: str, sheet: str, path: Path) -> SheetExtent:
    scanner = SheetScanner(sheet, path)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = scanner.start
    parser.EndElementHandler = scanner.end
    parser.CharacterDataHandler = scanner.characters
    _parse_part(archive, part, path, parser)
    if scanner.root != "worksheet":
        raise WorkbookUnreadable(message("workbook_not_a_worksheet", path=path, sheet=quote(sheet)))
    return scanner.extent


# --- 5. the values ------------------------------------------------------------------------------


def _read_values(
    data: bytes, extents: dict[str, SheetExtent], path: Path
) -> dict[str, list[tuple[object, ...]]]:
    """The values of the wanted sheets, only within the extent the scan found."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel features it does not keep; they do not matter here.
            warnings.simplefilter("ignore")
            workbook = load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
            try:
                result: dict[str, list[tuple[object, ...]]] = {}
                for name, extent in extents.items():
                    sheet = workbook[name]
                    rows = sheet.iter_rows(
                        min_row=1,
                        max_row=extent.rows,
                        min_col=1,
                        max_col=extent.columns,
                        values_only=True,
                    )
                    result[name] = [tuple(row) for row in rows] if extent.rows else []
            finally:
                workbook.close()
    except WorkbookUnreadable:
        raise
    except Exception as error:
        # Any failure of openpyxl on a file that passed every check above is a part it cannot
        # make sense of (styles, shared strings, a value of the wrong kind): for the editor,
        # a damaged file. Its exceptions are not a closed set, hence the broad clause.
        logger.debug("openpyxl could not read %s: %r", path, error)
        raise WorkbookUnreadable(message("workbook_damaged", path=path)) from None
    return result


def _megabytes(size: int) -> str:
    return f"{format_decimal(size / 1024 / 1024, 1)} MB"

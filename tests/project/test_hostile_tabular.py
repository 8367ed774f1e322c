"""Hostile input in tables: no output cell is a formula; a hostile workbook is refused cleanly.

Exports: texts that a spreadsheet would run as formulas (CSV injection) land in massnahmen.csv
with a leading apostrophe, and in both workbooks as explicit string cells, read back unchanged.
Import: formulas, stray far-away cells, zip bombs, broken XML, foreign files and foreign
workbooks end with a German message, exit 1, and every YAML file byte for byte as before.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from repo_paths import REPO as ROOT

from generator.check.validate import load_strategy
from generator.cli import main
from generator.exports.columns import render_csv
from generator.exports.downloads import render_exports
from generator.exports.inert_cells import FORMULA_TRIGGERS, csv_field, csv_text
from generator.exports.workbook import render_workbook
from generator.model import Strategy
from generator.problems import MESSAGES
from generator.render.engine import render_data_page

CASE = ROOT / "tests" / "data" / "minimal"
PAYLOADS = [
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    "\uff1d1+1",
    "=cmd|' /C calc'!A0",
]
#: Measures in file order (LAB-01 is row 2 of the workbook, VER-03 row 6).
MEASURES = ["LAB-01", "LAB-02", "VER-01", "VER-02", "VER-03"]
MEASURE_SHEET = "xl/worksheets/sheet1.xml"
SNAPSHOT_SHEET = "xl/worksheets/sheet4.xml"
_FORMULA_ELEMENT = re.compile(rb"<(?:[A-Za-z]+:)?f[\s>/]")


def _replace_line(text: str, key: str, value: str) -> str:
    """Set a top-level or indented `key: value` line to a double-quoted (JSON) YAML string."""
    pattern = re.compile(rf"^(\s*){key}: .*$", re.MULTILINE)
    replacement = json.dumps(value, ensure_ascii=False)
    new, count = pattern.subn(lambda m: f"{m[1]}{key}: {replacement}", text, count=1)
    assert count == 1, key
    return new


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The minimal strategy with every payload in titles, short descriptions and actor names."""
    shutil.copytree(CASE, tmp_path / "strategy")
    folder = tmp_path / "strategy"
    for index, measure in enumerate(MEASURES):
        file = folder / "massnahmen" / ("labor" if "LAB" in measure else "verwaltung")
        file = file / f"{measure.lower()}.yml"
        text = file.read_text(encoding="utf-8")
        text = _replace_line(text, "titel", PAYLOADS[index])
        text = _replace_line(text, "kurzbeschreibung", PAYLOADS[index + 3])
        file.write_text(text, encoding="utf-8")
    actors = folder / "verzeichnisse" / "akteure.yml"
    lines = actors.read_text(encoding="utf-8").splitlines(keepends=True)
    payloads = iter(PAYLOADS[4:])
    for number, line in enumerate(lines):
        if line.startswith("    name: "):
            lines[number] = f"    name: {json.dumps(next(payloads), ensure_ascii=False)}\n"
    actors.write_text("".join(lines), encoding="utf-8")
    return tmp_path


def _strategy(project: Path) -> Strategy:
    strategy, problems = load_strategy(project / "strategy")
    assert strategy is not None and problems == [], [p.format() for p in problems]
    return strategy


def _texts(project: Path) -> dict[str, bytes]:
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted((project / "strategy").rglob("*"))
        if path.is_file()
    }


# --- exports ------------------------------------------------------------------------------------


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_csv_text_prefixes_every_formula_trigger(trigger: str) -> None:
    """Each OWASP trigger (and its full-width form) gets a leading apostrophe, also after spaces."""
    assert csv_text(f"{trigger}1") == f"'{trigger}1"
    assert csv_text(f"  {trigger}1") == f"'  {trigger}1"


def test_csv_text_leaves_ordinary_text_and_numbers_alone() -> None:
    """Ordinary text keeps its form; numbers stay numbers, also negative ones; text is quoted."""
    assert csv_text("Bürgerportal 2.0") == "Bürgerportal 2.0"
    assert csv_text("E-Akte – 1+1") == "E-Akte – 1+1"
    assert csv_field(-2) == "-2"
    assert csv_field(-2.5) == "-2.5"
    assert csv_field(None) == ""
    assert csv_field('Sag "Hallo"; =1') == '"Sag ""Hallo""; =1"'
    assert csv_field("-2") == '"\'-2"'


def test_csv_cells_never_start_a_formula(hostile: Path) -> None:
    """In massnahmen.csv every hostile title and description starts with ', nothing else is lost."""
    strategy = _strategy(hostile)
    data = render_csv(strategy).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert [row["id"] for row in rows] == MEASURES
    for index, row in enumerate(rows):
        assert row["titel"] == "'" + PAYLOADS[index]
        assert row["kurzbeschreibung"] == "'" + PAYLOADS[index + 3]
    for row in rows:
        for value in row.values():
            assert not value.startswith(FORMULA_TRIGGERS), value
    assert "\"'=cmd|' /C calc'!A0\"" in data
    # A separator in a text cannot start a new cell: every text cell is quoted.
    assert data.splitlines()[1].startswith('"LAB-01","\'=HYPERLINK(""http://x"",""y"")","labor"')


def _workbooks(strategy: Strategy) -> dict[str, bytes]:
    files = render_exports(strategy, base_url=None)
    return {
        "Download": next(data for path, data in files.items() if path.suffix == ".xlsx"),
        "Bearbeitung": render_workbook(strategy, editable=True),
    }


def test_workbooks_hold_no_formula(hostile: Path) -> None:
    """Download and editors' workbook: no <f> element, no hyperlink, every text a string cell."""
    strategy = _strategy(hostile)
    for name, data in _workbooks(strategy).items():
        archive = zipfile.ZipFile(io.BytesIO(data))
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets, name
        for part in sheets:
            xml = archive.read(part)
            assert not _FORMULA_ELEMENT.search(xml), (name, part)
            assert b"<hyperlink" not in xml, (name, part)
        book = load_workbook(io.BytesIO(data))
        texts = 0
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (name, sheet.title, cell.coordinate)
                    if isinstance(cell.value, str):
                        assert cell.data_type == "s", (name, sheet.title, cell.coordinate)
                        texts += 1
        assert texts > 100, name


def test_workbooks_keep_hostile_text_exactly(hostile: Path) -> None:
    """Both workbooks show each payload exactly as written: no apostrophe, CR and tab kept."""
    strategy = _strategy(hostile)
    for name, data in _workbooks(strategy).items():
        book = load_workbook(io.BytesIO(data))
        rows = list(book["Maßnahmen"].iter_rows(values_only=True))
        header = list(rows[0])
        titles = [row[header.index("titel")] for row in rows[1:]]
        summaries = [row[header.index("kurzbeschreibung")] for row in rows[1:]]
        assert titles == PAYLOADS[:5], name
        assert summaries == PAYLOADS[3:8], name
        notes = [cell for row in book["Hinweise"].iter_rows(values_only=True) for cell in row]
        for payload in PAYLOADS[4:]:
            assert payload in notes, (name, payload)


def _export(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = project / "massnahmen.xlsx"
    assert main(["--projekt", str(project), "export", "xlsx", "--out", str(target)]) == 0
    capsys.readouterr()
    return target


def _import(project: Path, workbook: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--projekt", str(project), "import", "xlsx", str(workbook)])
    out, err = capsys.readouterr()
    return code, out + err


def test_round_trip_gives_back_the_exact_text(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Export and import of the hostile strategy change no byte of any YAML file."""
    workbook = _export(hostile, capsys)
    before = _texts(hostile)
    code, output = _import(hostile, workbook, capsys)
    assert (code, output) == (
        0,
        "Keine Änderungen: Die Arbeitsmappe stimmt mit den YAML-Dateien überein.\n",
    )
    assert _texts(hostile) == before


def test_hostile_text_typed_into_the_workbook_is_taken_as_text(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text cell beginning with = or @ is imported as that text and exported inert again."""
    workbook = _export(hostile, capsys)
    book = load_workbook(workbook)
    sheet = book["Maßnahmen"]
    for coordinate, text in (("B6", "=SUMME(A1)"), ("Y6", "@Nachricht an alle")):
        sheet[coordinate] = text
        sheet[coordinate].data_type = "s"
    book.save(workbook)
    code, output = _import(hostile, workbook, capsys)
    assert code == 0, output
    strategy = _strategy(hostile)
    measure = next(m for m in strategy.massnahmen if m.id == "VER-03")
    assert (measure.titel, measure.kurzbeschreibung) == ("=SUMME(A1)", "@Nachricht an alle")
    rows = list(csv.DictReader(io.StringIO(render_csv(strategy).decode("utf-8"), newline="")))
    assert (rows[4]["titel"], rows[4]["kurzbeschreibung"]) == ("'=SUMME(A1)", "'@Nachricht an alle")


# --- import: formulas ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(CASE, tmp_path / "strategy")
    return tmp_path


def _rewrite(workbook: Path, changes: dict[str, Callable[[bytes], bytes] | None]) -> Path:
    """Rewrite parts of a workbook's zip (None: drop the part), keeping all others."""
    source = zipfile.ZipFile(io.BytesIO(workbook.read_bytes()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in changes:
                change = changes[info.filename]
                if change is None:
                    continue
                data = change(data)
            target.writestr(info.filename, data)
    workbook.write_bytes(result.getvalue())
    return workbook


def _set_cell(xml: bytes, reference: str, content: str, kind: str = "") -> bytes:
    """Replace the cell `reference` of a sheet part with `<c r=… t=kind>content</c>`."""
    pattern = re.compile(rf'<c r="{reference}"[^>]*?(?:/>|>.*?</c>)'.encode())
    kind = f' t="{kind}"' if kind else ""
    new, count = pattern.subn(f'<c r="{reference}"{kind}>{content}</c>'.encode(), xml, count=1)
    assert count == 1, reference
    return new


def test_formulas_are_reported_by_row_and_column_and_nothing_is_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A formula without a stored result no longer empties the YAML value; with one, no take."""
    workbook = _export(project, capsys)
    before = _texts(project)
    _rewrite(
        workbook,
        {
            MEASURE_SHEET: lambda xml: _set_cell(
                _set_cell(xml, "G4", "<f>40</f>"), "B5", '<f>A5&amp;"!"</f><v>VER-02!</v>', "str"
            )
        },
    )
    code, output = _import(project, workbook, capsys)
    assert code == 1
    assert output == (
        "massnahmen.xlsx: Zeile 4, Spalte G (fortschritt): Die Zelle enthält die Formel „=40“ "
        "ohne gespeichertes Ergebnis; gelesen würde eine leere Zelle. Übernommen werden nur "
        "Werte: Tragen Sie den Wert selbst ein (in Excel: Zelle kopieren, dann „Einfügen → "
        "Werte einfügen“).\n"
        "massnahmen.xlsx: Zeile 5, Spalte B (titel): Die Zelle enthält die Formel "
        '„=A5&"!"“ (Ergebnis „VER-02!“). Übernommen werden nur Werte: Tragen Sie den Wert '
        "selbst ein (in Excel: Zelle kopieren, dann „Einfügen → Werte einfügen“).\n"
        "Import abgebrochen: 2 Fehler in der Arbeitsmappe; keine Datei wurde geändert.\n"
    )
    assert _texts(project) == before


def test_formula_written_by_openpyxl_is_reported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A formula typed into an id cell (stored without result) is reported, not skipped."""
    workbook = _export(project, capsys)
    before = _texts(project)
    book = load_workbook(workbook)
    book["Maßnahmen"]["A6"] = '="VER-"&"03"'
    book.save(workbook)
    code, output = _import(project, workbook, capsys)
    assert code == 1
    assert output.splitlines()[0] == (
        "massnahmen.xlsx: Zeile 6, Spalte A (id): Die Zelle enthält die Formel "
        '„="VER-"&"03"“ ohne gespeichertes Ergebnis; gelesen würde eine leere Zelle. '
        "Übernommen werden nur Werte: Tragen Sie den Wert selbst ein (in Excel: Zelle "
        "kopieren, dann „Einfügen → Werte einfügen“)."
    )
    assert _texts(project) == before


# --- import: the workbook as a whole ------------------------------------------------------------

FIX_EXCEL = "Öffnen Sie sie in Excel und speichern Sie sie erneut als „Excel-Arbeitsmappe (.xlsx)“"
FIX_EXPORT = (
    "Exportieren Sie die Arbeitsmappe neu mit „strategie export xlsx“ und tragen Sie Ihre "
    "Änderungen dort ein."
)


def _stray_cell(workbook: Path) -> Path:
    row = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return _rewrite(
        workbook, {MEASURE_SHEET: lambda xml: xml.replace(b"</sheetData>", row + b"</sheetData>")}
    )


def _far_column(workbook: Path) -> Path:
    return _rewrite(
        workbook,
        {MEASURE_SHEET: lambda xml: _set_cell(xml, "Z3", '<v>1</v></c><c r="XFD3"><v>7</v>')},
    )


def _declared_huge(workbook: Path) -> Path:
    """Declare 60 MiB for the sheet part in the central directory (no data behind it)."""
    data = bytearray(workbook.read_bytes())
    name = MEASURE_SHEET.encode()
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        length = int.from_bytes(data[entry + 28 : entry + 30], "little")
        if data[entry + 46 : entry + 46 + length] == name:
            data[entry + 24 : entry + 28] = (60 * 1024 * 1024).to_bytes(4, "little")
            break
        entry = data.find(b"PK\x01\x02", entry + 4)
    assert entry >= 0
    workbook.write_bytes(bytes(data))
    return workbook


def _declared_small(workbook: Path) -> Path:
    """Declare fewer bytes than the sheet part holds (local and central header): checksum fails."""
    data = bytearray(workbook.read_bytes())
    name = MEASURE_SHEET.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        entry = data.find(signature)
        while entry >= 0:
            if data[entry + name_at : entry + name_at + len(name)] == name:
                data[entry + size_at : entry + size_at + 4] = (100).to_bytes(4, "little")
            entry = data.find(signature, entry + 4)
    workbook.write_bytes(bytes(data))
    return workbook


def _bomb(workbook: Path) -> Path:
    with zipfile.ZipFile(workbook, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/bild.bin", bytes(4 * 1024 * 1024))
    return workbook


def _many_parts(workbook: Path) -> Path:
    with zipfile.ZipFile(workbook, "a", zipfile.ZIP_STORED) as archive:
        for number in range(1001):
            archive.writestr(f"xl/leer/{number}.txt", b"")
    return workbook


def _broken_xml(workbook: Path) -> Path:
    return _rewrite(
        workbook, {MEASURE_SHEET: lambda xml: xml.replace(b"<sheetData>", b"<sheetData><row", 1)}
    )


def _broken_styles(workbook: Path) -> Path:
    return _rewrite(workbook, {"xl/styles.xml": lambda xml: xml[: len(xml) // 2]})


def _doctype(workbook: Path) -> Path:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    return _rewrite(workbook, {"xl/workbook.xml": lambda xml: laughs + xml})


def _missing_part(workbook: Path) -> Path:
    return _rewrite(workbook, {"xl/workbook.xml": None})


def _chart_instead_of_sheet(workbook: Path) -> Path:
    return _rewrite(
        workbook,
        {MEASURE_SHEET: lambda xml: xml.replace(b"worksheet", b"chartsheet")},
    )


def _snapshot_formula(workbook: Path) -> Path:
    return _rewrite(
        workbook, {SNAPSHOT_SHEET: lambda xml: _set_cell(xml, "B3", "<f>1+1</f><v>2</v>")}
    )


def _random_bytes(workbook: Path) -> Path:
    workbook.write_bytes(bytes(range(256)) * 64)
    return workbook


def _plain_zip(workbook: Path) -> Path:
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("liesmich.txt", "Kein Excel")
    return workbook


def _foreign_workbook(workbook: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tabelle1"
    sheet.append(["Name", "Wert"])
    book.save(workbook)
    return workbook


def _huge_file(workbook: Path) -> Path:
    with workbook.open("r+b") as stream:
        stream.truncate(51 * 1024 * 1024)  # sparse: no disk space, no time
    return workbook


def _folder(workbook: Path) -> Path:
    workbook.unlink()
    workbook.mkdir()
    return workbook


def _gone(workbook: Path) -> Path:
    workbook.unlink()
    return workbook


#: case → (how the exported workbook is spoilt, message code, exact German message).
REFUSALS: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "Zelle in A1048576": (
        _stray_cell,
        "workbook_too_many_rows",
        "In {path} steht im Blatt „Maßnahmen“ in Zelle A1048576 noch etwas; gelesen werden nur "
        "die Zeilen 1 bis 5000. Löschen Sie alles unterhalb der Tabelle (Zeilen markieren, dann "
        "„Zellen löschen“) und speichern Sie erneut.",
    ),
    "Zelle in XFD3": (
        _far_column,
        "workbook_too_many_columns",
        "In {path} steht im Blatt „Maßnahmen“ in Zelle XFD3 noch etwas; gelesen werden nur die "
        "Spalten A bis CV. Löschen Sie alles rechts der Tabelle (Spalten markieren, dann "
        "„Zellen löschen“) und speichern Sie erneut.",
    ),
    "60 MiB angegeben": (
        _declared_huge,
        "workbook_too_large_unpacked",
        "Die Datei {path} wäre entpackt 60,0 MB groß (höchstens 50,0 MB) und wird deshalb nicht "
        f"gelesen. {FIX_EXPORT}",
    ),
    "Zip-Bombe": (
        _bomb,
        "workbook_packed_too_tightly",
        "In der Datei {path} ist der Teil „xl/media/bild.bin“ 1028-fach gepackt (höchstens "
        "100-fach); so etwas entsteht beim Speichern einer Tabelle nicht, die Datei wird aus "
        f"Sicherheitsgründen nicht gelesen. {FIX_EXPORT}",
    ),
    "zu wenig angegeben": (
        _declared_small,
        "workbook_damaged",
        f"Die Datei {{path}} ist beschädigt und lässt sich nicht lesen. {FIX_EXCEL}, oder "
        "exportieren Sie neu mit „strategie export xlsx“.",
    ),
    "1001 Teile": (
        _many_parts,
        "workbook_too_many_parts",
        "Die Datei {path} besteht aus 1013 Teilen (höchstens 1000); so ist keine Arbeitsmappe "
        "aus „strategie export xlsx“ aufgebaut. Exportieren Sie die Arbeitsmappe neu und "
        "tragen Sie Ihre Änderungen dort ein.",
    ),
    "kaputtes Blatt-XML": (
        _broken_xml,
        "workbook_xml_error",
        "Die Datei {path} ist beschädigt: Im Teil „xl/worksheets/sheet1.xml“ ist das XML in "
        f"Zeile 1, Spalte 1928 fehlerhaft. {FIX_EXCEL}, oder exportieren Sie neu mit "
        "„strategie export xlsx“.",
    ),
    "abgeschnittene Formate": (
        _broken_styles,
        "workbook_xml_error",
        "Die Datei {path} ist beschädigt: Im Teil „xl/styles.xml“ ist das XML in Zeile 1, "
        f"Spalte 1897 fehlerhaft. {FIX_EXCEL}, oder exportieren Sie neu mit „strategie export "
        "xlsx“.",
    ),
    "DOCTYPE": (
        _doctype,
        "workbook_doctype",
        "Die Datei {path} enthält im Teil „xl/workbook.xml“ eine Dokumenttyp-Deklaration "
        "(DOCTYPE). Tabellenprogramme schreiben so etwas nicht; die Datei wird aus "
        "Sicherheitsgründen nicht gelesen. Exportieren Sie neu mit „strategie export xlsx“.",
    ),
    "Teil fehlt": (
        _missing_part,
        "workbook_part_missing",
        f"Die Datei {{path}} ist unvollständig: Der Teil „xl/workbook.xml“ fehlt. {FIX_EXCEL}.",
    ),
    "Diagramm statt Blatt": (
        _chart_instead_of_sheet,
        "workbook_not_a_worksheet",
        "In {path} ist „Maßnahmen“ kein Tabellenblatt (sondern etwa ein Diagramm). Verwenden "
        "Sie eine Arbeitsmappe aus „strategie export xlsx“.",
    ),
    "Formel in der Exportkopie": (
        _snapshot_formula,
        "workbook_snapshot_formula",
        "In {path} enthält das versteckte Blatt „Export“ in Zelle B3 eine Formel: Es wurde "
        "außerhalb von „strategie export xlsx“ verändert. Exportieren Sie neu und tragen Sie "
        "Ihre Änderungen dort ein.",
    ),
    "Zufallsbytes": (
        _random_bytes,
        "workbook_not_xlsx",
        "Die Datei {path} ist keine lesbare Excel-Arbeitsmappe (.xlsx). Speichern Sie sie im "
        "Format „Excel-Arbeitsmappe (.xlsx)“.",
    ),
    "Zip ohne Arbeitsmappe": (
        _plain_zip,
        "workbook_not_xlsx",
        "Die Datei {path} ist keine lesbare Excel-Arbeitsmappe (.xlsx). Speichern Sie sie im "
        "Format „Excel-Arbeitsmappe (.xlsx)“.",
    ),
    "fremde Arbeitsmappe": (
        _foreign_workbook,
        "workbook_sheet_missing",
        "In {path} fehlt das Blatt „Maßnahmen“. Verwenden Sie eine Arbeitsmappe aus „strategie "
        "export xlsx“ und benennen Sie das Blatt nicht um.",
    ),
    "51 MB": (
        _huge_file,
        "workbook_file_too_large",
        f"Die Datei {{path}} ist mit 51,0 MB zu groß (höchstens 50,0 MB). {FIX_EXPORT}",
    ),
    "Ordner": (
        _folder,
        "workbook_file_unreadable",
        "Die Datei {path} kann nicht gelesen werden (das ist ein Ordner). Geben Sie den Pfad "
        "einer Arbeitsmappe (.xlsx) an.",
    ),
    "fehlt": (_gone, "workbook_missing", "Die Datei {path} gibt es nicht."),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_hostile_workbook_is_refused(
    case: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each spoilt workbook ends with its German message, exit 1, and no YAML byte changed."""
    spoil, code, expected = REFUSALS[case]
    # The pinned text is the catalogue's: every fixed part of the template is in it.
    for fixed in re.split(r"\{[a-z_]+\}", MESSAGES[code][1]):
        assert fixed in expected, (code, fixed)
    workbook = _export(project, capsys)
    before = _texts(project)
    spoil(workbook)
    started = time.perf_counter()
    exit_code, output = _import(project, workbook, capsys)
    seconds = time.perf_counter() - started
    assert exit_code == 1
    assert output == f"Import abgebrochen: {expected.format(path=workbook)}\n"
    assert _texts(project) == before
    # Each refusal is a bounded pass over at most 50 MB; the stray cell took minutes before.
    assert seconds < 10, f"{case}: {seconds:.1f} s"


def test_every_workbook_message_is_pinned() -> None:
    """Every workbook_… code of the catalogue has a case here with its exact text."""
    pinned = {code for _, code, _ in REFUSALS.values()}
    pinned |= {"workbook_formula", "workbook_formula_without_result"}
    catalogue = {code for code in MESSAGES if code.startswith("workbook_")}
    assert catalogue == pinned


def test_foreign_headers_are_reported_and_nothing_is_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A „Maßnahmen“ sheet with other headers: each unknown column and the missing id, exit 1."""
    before = _texts(project)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Maßnahmen"
    sheet.append(["Name", "Wert"])
    sheet.append(["=1+1", 3])
    book.save(project / "fremd.xlsx")
    code, output = _import(project, project / "fremd.xlsx", capsys)
    assert code == 1
    lines = output.splitlines()
    assert lines[0].startswith("fremd.xlsx: Zeile 1: Die Spalte „id“ fehlt")
    assert lines[1].startswith("fremd.xlsx: Zeile 1, Spalte A (Name): Unbekannte Spalte „Name“.")
    assert lines[2].startswith("fremd.xlsx: Zeile 1, Spalte B (Wert): Unbekannte Spalte „Wert“.")
    assert lines[3].startswith("fremd.xlsx: Zeile 2, Spalte A: Die Zelle enthält die Formel „=1+1“")
    assert (
        lines[-1] == "Import abgebrochen: 4 Fehler in der Arbeitsmappe; keine Datei wurde geändert."
    )
    assert _texts(project) == before


def test_empty_formatted_cell_far_below_is_ignored(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A formatted but empty cell in A1048576 is no content: the import goes through, fast."""
    workbook = _export(project, capsys)
    row = b'<row r="1048576"><c r="A1048576" s="1"/></row>'
    _rewrite(
        workbook, {MEASURE_SHEET: lambda xml: xml.replace(b"</sheetData>", row + b"</sheetData>")}
    )
    started = time.perf_counter()
    code, output = _import(project, workbook, capsys)
    assert time.perf_counter() - started < 10
    assert (code, output) == (
        0,
        "Keine Änderungen: Die Arbeitsmappe stimmt mit den YAML-Dateien überein.\n",
    )


def test_data_page_documents_the_rule(hostile: Path) -> None:
    """The field dictionary on the Daten page tells data users about the apostrophe."""
    page = render_data_page(_strategy(hostile))
    assert "Beginnt ein Text in der CSV-Datei mit `=`, `+`, `-`, `@`" in page
    assert "steht davor ein Apostroph `'`" in page


def test_device_is_not_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A device such as /dev/zero is refused before any byte is read (it would never end)."""
    code, output = _import(project, Path("/dev/zero"), capsys)
    assert (code, output) == (
        1,
        "Import abgebrochen: Die Datei /dev/zero kann nicht gelesen werden (keine gewöhnliche "
        "Datei). Geben Sie den Pfad einer Arbeitsmappe (.xlsx) an.\n",
    )

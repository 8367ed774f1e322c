"""Printing: the Druckfassung printed to PDF by Chromium holds the whole strategy.

Uses the session build and the served site from conftest.py. The PDF is read with a tiny
parser below (Chromium's Skia writes text as hex glyph codes with a ToUnicode map per font),
so no PDF tool has to be installed: page count and text come from the bytes themselves.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from browsing import CHROMIUM, REPO, Visit
from site_pages import SitePages

pytestmark = pytest.mark.browser

PRINT_PAGE = "druckfassung.html"
_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_STREAM = re.compile(rb"\A(.*?)stream\r?\n(.*)\r?\nendstream\Z", re.S)
_TEXT = re.compile(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ|\bET\b", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Every object: its dictionary and, for a stream, the decompressed data."""
    found: dict[int, tuple[bytes, bytes | None]] = {}
    for match in _OBJECT.finditer(pdf):
        stream = _STREAM.match(match.group(2))
        if stream is None:
            found[int(match.group(1))] = (match.group(2), None)
            continue
        head, data = stream.group(1), stream.group(2)
        if b"/FlateDecode" in head:
            data = zlib.decompress(data)
        found[int(match.group(1))] = (head, data)
    return found


def _to_unicode(cmap: bytes) -> tuple[int, dict[int, str]]:
    """Code width in bytes and code → text of a ToUnicode CMap (bfchar and bfrange)."""
    space = re.search(rb"begincodespacerange\s*<([0-9A-Fa-f]+)>", cmap)
    width = len(space.group(1)) // 2 if space else 2
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, first in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                table[code] = chr(int(first, 16) + offset)
    return width, table


def pdf_pages_and_text(pdf: bytes) -> tuple[int, str]:
    """The number of pages and the text of a PDF written by Chromium.

    Skia names each font after its object ("/F12" is object 12), so a font can be looked up
    from any content stream — page contents and form XObjects alike.
    """
    objects = _objects(pdf)
    fonts: dict[str, tuple[int, dict[int, str]]] = {}
    for number, (head, _) in objects.items():
        cmap = re.search(rb"/ToUnicode (\d+) 0 R", head)
        data = objects.get(int(cmap.group(1)), (b"", None))[1] if cmap else None
        if data is not None:
            fonts[f"F{number}"] = _to_unicode(data)
    pages = sum(1 for head, _ in objects.values() if re.search(rb"/Type /Page\b", head))
    text: list[str] = []
    for head, data in objects.values():
        if data is None or b"/Subtype /Image" in head or b" Tf" not in data:
            continue
        width, table = 2, {}
        for operation in _TEXT.finditer(data):
            if operation.group(1):
                width, table = fonts.get(operation.group(1).decode(), (2, {}))
                continue
            if operation.group(0) == b"ET":
                text.append("\n")
                continue
            strings = [operation.group(2)] if operation.group(2) is not None else []
            strings += _HEX.findall(operation.group(3) or b"")
            for string in strings:
                raw = bytes.fromhex(string.decode())
                text.extend(
                    table.get(int.from_bytes(raw[i : i + width], "big"), "\ufffd")
                    for i in range(0, len(raw), width)
                )
    return pages, "".join(text)


@pytest.fixture(scope="module")
def printed(browser: Any, site_url: str) -> tuple[int, str]:
    """The Druckfassung printed to A4 PDF by Chromium: (page count, text)."""
    context = browser.new_context(locale="de-DE")
    try:
        page = context.new_page()
        page.goto(site_url + PRINT_PAGE)
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        context.close()
    assert pdf.startswith(b"%PDF-")
    return pdf_pages_and_text(pdf)


def test_print_page_pdf_has_many_pages(
    printed: tuple[int, str], online_pages: SitePages, record_checked: Callable[[str, int], None]
) -> None:
    """The whole strategy takes many A4 pages (at least one for every four measures)."""
    pages, _ = printed
    measures = len(online_pages.measures)
    record_checked("Druckfassung als PDF (Seiten)", pages)
    assert pages >= max(10, measures // 4), (pages, measures)


def test_print_page_pdf_contains_every_measure(
    printed: tuple[int, str], online_pages: SitePages
) -> None:
    """Every measure id of the build is in the PDF's text, with the Leitthemen around them."""
    _, text = printed
    ids = [path.rsplit("/", 1)[1].removesuffix(".html").upper() for path in online_pages.measures]
    assert ids
    missing = [measure for measure in ids if measure not in text]
    assert missing == [], missing
    assert "Druckfassung" in text and "Leitthema 1:" in text


def test_print_page_pdf_has_no_navigation_chrome(printed: tuple[int, str]) -> None:
    """Header, search, sidebars and the footer links stay off paper; external links show
    their address instead of being clickable text only."""
    _, text = printed
    flat = " ".join(text.split())
    assert "Gebärdensprache" not in flat, "the footer links were printed"
    assert "Zum Inhalt" not in flat, "the skip link was printed"
    assert "(https://www.govdata.de/dl-de/by-2-0)" in flat.replace("\n", "")


def test_print_media_hides_chrome_on_any_page(online: Visit, online_pages: SitePages) -> None:
    """With print media, header, navigation, footer and search are hidden on a measure page;
    the content stays visible and an external link carries its address after it."""
    page = online.open(online_pages.measures[0])
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("article h1").is_visible()
    after = page.evaluate(
        """() => {
          const link = document.querySelector('article a[href^="https:"]');
          return link ? [link.href, getComputedStyle(link, '::after').content] : null;
        }"""
    )
    assert after, "no external link on the measure page"
    assert after[0] in after[1], after


# --- strategie pdf: the Druckfassung as a finished PDF (generator/site/pdf.py) -------------


@pytest.fixture(scope="module")
def druck_pdf(offline_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """`strategie pdf --site` on the offline build, read back with pypdf. A command of its own:
    Playwright's sync API cannot start a second time beside the session's browser."""
    from pypdf import PdfReader

    from generator.site.build import source_date_epoch

    target = tmp_path_factory.mktemp("pdf") / "druckfassung.pdf"
    environment = dict(os.environ)
    environment["STRATEGIE_CHROMIUM"] = str(CHROMIUM)
    environment["SOURCE_DATE_EPOCH"] = str(source_date_epoch(REPO)[0])
    command = ["pdf", "--site", str(offline_site), "--out", str(target)]
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--projekt", str(REPO), *command],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Druckfassung als PDF geschrieben" in result.stdout
    return PdfReader(target)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_contents_give_the_page_each_section_starts_on(druck_pdf: Any) -> None:
    """Every measure's line in the contents ends with a page number, and its heading is
    printed on exactly that page."""
    contents = ""
    for page in druck_pdf.pages[1:8]:
        contents += page.extract_text() + "\n"
        if "Lizenz und Kontakt" in page.extract_text():
            break
    entries = re.findall(r"^([A-Z]{2,4}-\d+): .*? (\d+)$", contents, re.M)
    assert len(entries) >= 10, contents[:500]
    for measure, number in entries:
        printed_on = _flat(druck_pdf.pages[int(number) - 1].extract_text())
        assert f"{measure}:" in printed_on, (measure, number)


def test_pdf_has_page_numbers_outline_and_tags(druck_pdf: Any) -> None:
    """„Seite n von N“ on every page but the cover, bookmarks for every Leitthema and measure,
    and a structure tree for screen readers (tagged PDF) in German."""
    total = len(druck_pdf.pages)
    assert "Seite" not in druck_pdf.pages[0].extract_text()
    for number, page in enumerate(druck_pdf.pages[1:], start=2):
        assert f"Seite {number} von {total}" in _flat(page.extract_text()), number

    def titles(items: list[Any]) -> list[str]:
        found: list[str] = []
        for item in items:
            found += titles(item) if isinstance(item, list) else [str(item.title)]
        return found

    bookmarks = titles(druck_pdf.outline)
    assert sum(title.startswith("Leitthema ") for title in bookmarks) >= 2, bookmarks[:10]
    assert sum(bool(re.match(r"[A-Z]{2,4}-\d+: ", title)) for title in bookmarks) >= 10
    root = druck_pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"].value is True
    assert str(root["/Lang"]).startswith("de")


def test_pdf_starts_each_leitthema_on_a_new_page(druck_pdf: Any) -> None:
    """A Leitthema's heading is the first thing on its page (its destination is at the top
    margin), and the cover and the contents are pages of their own."""
    from generator.site.pdf import section_pages

    pages = section_pages(druck_pdf)
    themes = [anchor for anchor in pages if anchor.startswith("druck-lt-")]
    assert themes
    for anchor in themes:
        destination = druck_pdf.named_destinations["/" + anchor]
        page_height = float(druck_pdf.pages[pages[anchor] - 1].mediabox.height)
        assert float(destination["/Top"]) > page_height - 80, anchor
    assert pages["druck-inhalt"] == 2
    assert pages["druck-ueberblick"] > pages["druck-inhalt"]


def test_pdf_dates_are_the_build_time(druck_pdf: Any) -> None:
    """The file's dates are the build time (last commit or SOURCE_DATE_EPOCH), not the time
    of printing, so the same data gives the same file."""
    from datetime import UTC, datetime

    from generator.site.build import source_date_epoch

    epoch = source_date_epoch(REPO)[0]
    stamp = datetime.fromtimestamp(epoch, UTC).strftime("D:%Y%m%d%H%M%S")
    assert str(druck_pdf.metadata["/CreationDate"]).startswith(stamp)


def test_pdf_links_only_to_its_sections_and_the_web(druck_pdf: Any) -> None:
    """No link in the file points into the folder it was printed from: the contents link to
    their sections, external links to their web address, the site's other pages are text."""
    targets = []
    for page in druck_pdf.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    assert targets, "no web link at all"
    assert [uri for uri in targets if not uri.startswith(("https:", "http:", "mailto:"))] == []

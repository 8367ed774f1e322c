"""Printing: the Druckfassung printed to PDF by Chromium holds the whole strategy.

Uses the session build and the served site from conftest.py. The PDF is read with a tiny
parser below (Chromium's Skia writes text as hex glyph codes with a ToUnicode map per font),
so no PDF tool has to be installed: page count and text come from the bytes themselves.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from browsing import Visit
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

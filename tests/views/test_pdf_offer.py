"""The PDF edition without a browser: its name, the offer on the Druckfassung page, and the
finishing of a printed PDF (ids renumbered, bookmarks' spaces). Printing itself is in
tests/browser/test_pdf_edition.py.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

import pytest
from render_fixtures import load_case

from generator import urls
from generator.model import Strategy
from generator.render.engine import render_site
from generator.views.pdf_offer import PdfFile, PdfOffer, offer_pdf, pdf_name_end, pdf_path


@pytest.fixture(scope="module")
def minimal() -> Strategy:
    return load_case("minimal")


def test_pdf_is_named_after_title_and_newest_edition(minimal: Strategy) -> None:
    """`downloads/<title as slug>-<newest edition>-druckfassung.pdf`; other languages add their
    code; a malformed language code is a bug."""
    document = minimal.strategie
    newest = max(document.fortschreibungen, key=lambda edition: edition.datum)
    path = pdf_path(document)
    assert path.parent == PurePosixPath("downloads")
    assert path.name.endswith(f"-{newest.id.lower()}-druckfassung.pdf")
    assert pdf_path(document, "en").name == path.name.replace(".pdf", "-en.pdf")
    assert pdf_name_end("en") == "druckfassung-en.pdf"
    with pytest.raises(ValueError):
        pdf_name_end("../x")


def test_offer_gives_size_in_german_and_links_from_any_folder() -> None:
    """Sizes as „850 KB“ / „1,4 MB“; the link is relative to the page that shows it."""
    offer = PdfOffer(PurePosixPath("downloads/x-druckfassung.pdf"), 1_436_000, 84, "de")
    assert offer.size_text == "1,4 MB"
    assert PdfOffer(offer.path, 850_400, 30, "de").size_text == "850 KB"
    assert offer.href(urls.PRINT) == "downloads/x-druckfassung.pdf"
    assert offer.href(urls.DATA) == "../downloads/x-druckfassung.pdf"


def test_print_page_offers_the_pdf_only_when_there_is_one(minimal: Strategy) -> None:
    """With a printed PDF the Druckfassung links it (screen only) with size and pages; without
    one the page is exactly as before."""
    without = render_site(minimal).pages[urls.PRINT]
    offer = offer_pdf(minimal.strategie, PdfFile("de", b"%PDF-1.4" + b"x" * 2_500_000, 42))
    with_pdf = render_site(minimal, pdf=offer).pages[urls.PRINT]
    assert "strategie-pdf" not in without
    assert '<div class="druck-nur-bildschirm strategie-pdf" markdown>' in with_pdf
    assert f"[Druckfassung als PDF-Datei]({offer.path.as_posix()}) (PDF, 2,5 MB, 42 Seiten)" in (
        with_pdf
    )
    block = re.search(
        r'<div class="druck-nur-bildschirm strategie-pdf" markdown>.*?</div>\n\n', with_pdf, re.S
    )
    assert block is not None
    assert with_pdf.replace(block.group(0), "") == without


def _tree() -> tuple[Any, Any, Any]:
    """A structure tree as Chromium writes it for a table: two header cells with DOM ids, a
    data cell naming them in /Headers, and the id tree."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        TextStringObject,
    )

    def element(**entries: Any) -> DictionaryObject:
        return DictionaryObject({NameObject(f"/{k}"): v for k, v in entries.items()})

    first = element(
        Type=NameObject("/StructElem"), S=NameObject("/TH"), ID=TextStringObject("node00001153")
    )
    second = element(
        Type=NameObject("/StructElem"), S=NameObject("/TH"), ID=TextStringObject("node00001160")
    )
    cell = element(
        Type=NameObject("/StructElem"),
        S=NameObject("/TD"),
        A=ArrayObject(
            [
                element(
                    O=NameObject("/Table"), Headers=ArrayObject([TextStringObject("node00001160")])
                )
            ]
        ),
    )
    ids = element(
        Names=ArrayObject(
            [TextStringObject("node00001153"), first, TextStringObject("node00001160"), second]
        ),
        Limits=ArrayObject([TextStringObject("node00001153"), TextStringObject("node00001160")]),
    )
    root = element(
        Type=NameObject("/StructTreeRoot"), K=ArrayObject([first, second, cell]), IDTree=ids
    )
    return root, cell, ids


def test_structure_ids_are_numbered_in_order() -> None:
    """Chromium's DOM node ids become node00000001, … in their order, consistently in the
    elements, the cells' /Headers and the id tree."""
    from generator.site.pdf import renumber_structure_ids

    root, cell, ids = _tree()
    renumber_structure_ids(root)
    assert [str(element["/ID"]) for element in root["/K"][:2]] == ["node00000001", "node00000002"]
    assert [str(h) for h in cell["/A"][0]["/Headers"]] == ["node00000002"]
    assert [str(name) for name in ids["/Names"][::2]] == ["node00000001", "node00000002"]
    assert [str(name) for name in ids["/Limits"]] == ["node00000001", "node00000002"]

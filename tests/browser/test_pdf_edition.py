"""The PDF edition: `strategie build --pdf` puts a tagged, complete PDF into the site.

One build for the whole module (it builds the site twice and prints with Chromium: slow). The
PDF is read with pypdf; what it must contain is taken from the strategy's data, not from a
list in this file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browsing import CHROMIUM, REPO

from generator.check.validate import load_strategy
from generator.model import Strategy
from generator.site.pdf import section_pages
from generator.views.pdf_offer import PdfOffer, pdf_path

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Edition:
    """The built site, its PDF (path and reader) and the strategy it was built from."""

    site: Path
    pdf: Path
    reader: Any
    strategy: Strategy
    output: str
    epoch: int


def _strategie(project: Path, epoch: int, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run `strategie` on `project` with this build time; it must succeed."""
    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    environment["STRATEGIE_CHROMIUM"] = str(CHROMIUM)
    environment["SOURCE_DATE_EPOCH"] = str(epoch)
    environment["PYTHONPATH"] = str(project)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--projekt", str(project), *arguments],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def edition(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Edition:
    """`strategie build --offline --pdf` on a copy of the project, its PDF read with pypdf."""
    from pypdf import PdfReader

    from generator.site.build import source_date_epoch

    site = tmp_path_factory.mktemp("mit-pdf") / "site"
    # Taken once: a commit while the tests run must not change the build time in between.
    epoch = source_date_epoch(REPO)[0]
    result = _strategie(project, epoch, "build", "--offline", "--pdf", "--out", str(site))
    strategy, _ = load_strategy(project / "strategy")
    assert strategy is not None
    pdf = site / pdf_path(strategy.strategie)
    assert pdf.is_file(), sorted(site.glob("downloads/*"))
    return Edition(site, pdf, PdfReader(pdf), strategy, result.stdout, epoch)


def _outline(items: list[Any], depth: int = 0) -> list[tuple[int, str]]:
    """The bookmarks as (depth, title), in order."""
    found: list[tuple[int, str]] = []
    for item in items:
        if isinstance(item, list):
            found += _outline(item, depth + 1)
        else:
            found.append((depth, str(item.title)))
    return found


def test_pdf_is_tagged_in_the_documents_language_with_its_title(edition: Edition) -> None:
    """Structure tree, marked content, `/Lang` „de“, the title in the document information and
    XMP, shown by viewers instead of the file name."""
    root = edition.reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"].value is True
    assert str(root["/Lang"]) == "de"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    title = f"Druckfassung: {edition.strategy.strategie.titel}"
    assert edition.reader.metadata.title == title
    assert edition.reader.xmp_metadata.dc_title == {"x-default": title}
    assert edition.reader.xmp_metadata.dc_language == ["de"]


def test_outline_lists_every_leitthema_with_its_handlungsfelder(edition: Edition) -> None:
    """Every Leitthema of the data is a bookmark, and every Handlungsfeld a bookmark below its
    Leitthema, in the data's order; titles keep their spaces."""
    outline = _outline(edition.reader.outline)
    titles = [title for _, title in outline]
    assert titles[0] == f"Druckfassung: {edition.strategy.strategie.titel}"
    positions = []
    for theme in edition.strategy.leitthemen:
        found = [i for i, (_, title) in enumerate(outline) if title.endswith(f": {theme.titel}")]
        assert len(found) == 1, (theme.titel, titles)
        positions.append(found[0])
    assert positions == sorted(positions)
    ends = [*positions[1:], len(outline)]
    for theme, start, end in zip(edition.strategy.leitthemen, positions, ends, strict=True):
        depth = outline[start][0]
        below = [title for level, title in outline[start + 1 : end] if level == depth + 1]
        for field in theme.handlungsfelder:
            assert any(title.endswith(f": {field.titel}") for title in below), (field.titel, below)


def test_every_measure_id_is_in_the_text_layer(edition: Edition) -> None:
    """Each measure's id can be found (copied, searched, read aloud) in the PDF's text."""
    text = "\n".join(page.extract_text() for page in edition.reader.pages)
    ids = [measure.id for measure in edition.strategy.massnahmen]
    assert len(ids) > 10
    assert [measure for measure in ids if measure not in text] == []


def test_text_layer_has_no_ligature_characters(edition: Edition) -> None:
    """Copied or read-aloud text says „Wasserstoff“, not „Wasserstoﬀ“ (print.css turns
    ligatures off, since Chromium writes each as one character)."""
    text = "".join(page.extract_text() for page in edition.reader.pages)
    assert "ff" in text or "fi" in text
    assert [char for char in text if "\ufb00" <= char <= "\ufb06"] == []


def test_contents_link_to_the_page_of_each_heading(edition: Edition) -> None:
    """The contents link every Leitthema, Handlungsfeld and measure to its section, and the
    page a link leads to shows that section's heading."""
    reader = edition.reader
    pages = section_pages(reader)
    linked: set[str] = set()
    for page in reader.pages[1:8]:
        for annotation in page.get("/Annots") or []:
            target = annotation.get_object().get("/Dest")
            if target is not None:
                linked.add(str(target).lstrip("/"))
    expected: dict[str, str] = {}
    for theme in edition.strategy.leitthemen:
        expected[f"druck-lt-{theme.id}"] = theme.titel
        for field in theme.handlungsfelder:
            expected[f"druck-hf-{field.id}"] = field.titel
    for measure in edition.strategy.massnahmen:
        expected[f"druck-m-{measure.id.lower()}"] = f"{measure.id}:"
    assert set(expected) - linked == set()
    for anchor, heading in expected.items():
        text = reader.pages[pages[anchor] - 1].extract_text()
        shown = " ".join(text.split())
        assert " ".join(heading.split()) in shown, (anchor, pages[anchor])


def test_druckfassung_offers_the_pdf_with_size_and_pages(edition: Edition) -> None:
    """The Druckfassung page links the PDF in the site, with its real size and page count, on
    screen only; the build says where the file is."""
    offer = PdfOffer(
        pdf_path(edition.strategy.strategie),
        edition.pdf.stat().st_size,
        len(edition.reader.pages),
        "de",
    )
    page = (edition.site / "druckfassung.html").read_text(encoding="utf-8")
    link = re.search(r'<div class="druck-nur-bildschirm strategie-pdf">(.*?)</div>', page, re.S)
    assert link is not None
    assert f'href="{offer.path.as_posix()}"' in link.group(1)
    assert f"(PDF, {offer.size_text}, {offer.pages} Seiten)" in link.group(1)
    assert "Druckfassung als PDF geschrieben" in edition.output
    assert offer.path.name in edition.output


def test_daten_page_offers_the_pdf_from_its_folder(edition: Edition) -> None:
    """The Daten page, one folder down, links the same PDF with „../“, with size and pages."""
    offer = PdfOffer(
        pdf_path(edition.strategy.strategie),
        edition.pdf.stat().st_size,
        len(edition.reader.pages),
        "de",
    )
    page = (edition.site / "daten" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<div class="druck-nur-bildschirm strategie-pdf">(.*?)</div>', page, re.S)
    assert link is not None
    assert f'href="../{offer.path.as_posix()}"' in link.group(1)
    assert f"(PDF, {offer.size_text}, {offer.pages} Seiten)" in link.group(1)


def test_pdf_in_the_site_is_what_its_druckfassung_prints(
    edition: Edition, project: Path, tmp_path: Path
) -> None:
    """Printing the built site's Druckfassung again gives the same bytes as the PDF inside it:
    the offer does not change the print, and printing is reproducible."""
    again = tmp_path / "nochmal.pdf"
    _strategie(project, edition.epoch, "pdf", "--site", str(edition.site), "--out", str(again))
    assert again.read_bytes() == edition.pdf.read_bytes()
